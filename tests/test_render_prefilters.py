"""The renderers' shortcuts give what the work they skip would have given.

The HTML and DOCX renderers look over a whole transcript's text, paragraph by paragraph, for
characters to clean, for right-to-left letters and for paragraphs in another language. Each
shortcut (a cheaper test that settles most texts, a count that stops early, a fast path for a
text with nothing to replace) is checked here against the plain answer it stands for.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from qaformat.language import _MARKER_EVERY, OtherLanguages
from qaformat.model import Kind, Role, Section, Speaker, Transcript, Turn
from qaformat.options import RenderOptions
from qaformat.renderers import docx, html
from qaformat.renderers.direction import TextDirection
from qaformat.renderers.docx_base import DEFAULT_STYLE_IDS
from qaformat.renderers.markup import escape_text

# Text with the characters each shortcut is about: what cleaning replaces (controls, CR and FF,
# lone surrogates, non-characters in and past plane 0), what is unprintable yet kept (line
# breaks, tabs, no-break and other spaces, format characters), and plain letters and words.
_CHARACTERS = st.sampled_from(
    ["a", "Z", " ", "é", "—", "’", "ب", "中", "\U0001f600", "\U0001d400", "\n", "\t", "\u00a0", "\u2028",
     "\u200b", "\u00ad", "\r", "\x0c", "\x00", "\x1f", "\x7f", "\x85", "\ud800", "\udfff", "\ufdd0",
     "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff", "&", "<"]
)
_TEXT = st.lists(_CHARACTERS, max_size=30).map("".join)
_ENGLISH = st.lists(st.sampled_from([" the ", " and ", " that ", " it ", " are ", " with ", " word", " other", "x"]),
                    max_size=80).map("".join)


@given(st.lists(_TEXT, max_size=4))
def test_html_cleaning_is_needed_where_clean_changes_a_text(texts: list[str]) -> None:
    changed = any(html._clean(text) != text for text in texts)
    assert html._needs_cleaning(texts, "\n".join(texts)) == changed


@given(_ENGLISH)
def test_the_commonest_markers_are_counted_as_their_sum(text: str) -> None:
    others = OtherLanguages("en")
    spaces = text.count(" ")
    counted = sum(map(text.count, others._commonest)) * _MARKER_EVERY >= spaces
    assert others._commonest_suffice(text, spaces) == counted


@given(_TEXT)
def test_html_clean_leaves_printable_text_alone(text: str) -> None:
    # What `_clean` was before its shortcut for printable text.
    plain = html._FORBIDDEN.sub("\ufffd", text.replace("\r", "\n").replace("\x0c", " "))
    if html._ASTRAL.search(plain):
        plain = html._FORBIDDEN_ASTRAL.sub("\ufffd", plain)
    assert html._clean(text) == plain


@given(_TEXT)
def test_docx_clean_leaves_printable_text_alone(text: str) -> None:
    assert docx._clean(text) == docx._NOT_XML.sub("\ufffd", text)


@given(_TEXT)
def test_docx_run_text_of_printable_text_is_one_element(text: str) -> None:
    # What `_run_text` was before its shortcut for printable text.
    xml = []
    for piece in docx._BREAKS.split(text):
        if piece == "\t":
            xml.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n"):
            xml.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if piece[0].isspace() or piece[-1].isspace() else ""
            xml.append(f"<w:t{space}>{escape_text(piece)}</w:t>")
    assert docx._run_text(text) == "".join(xml)


_MIXED = st.lists(st.sampled_from(["Ruth", "שלום", "مرحبا", "\U00010900", "12:30", " ", "?"]), min_size=1, max_size=8).map("".join)
_PLACES = ("title", "intro", "note", "heading", "name", "description", "paragraph")


@example("description", "مرحبا مرحبا مرحبا مرحبا")
@example("name", "مرحبا")
@given(st.sampled_from(_PLACES), _MIXED)
def test_docx_directions_from_one_search_are_each_paragraphs(place: str, text: str) -> None:
    # The text may have right-to-left letters; it goes in one place, and everything else is Latin.
    def at(here: str, otherwise: str = "") -> str:
        return text if place == here else otherwise

    speakers = (Speaker("host", "Q", Role.INTERVIEWER),
                Speaker("guest", f"Ruth {at('name', 'Adebayo')}", Role.INTERVIEWEE, (), at("description") or None))
    turns = (Turn(Kind.QUESTION, "host", ("Why?",), 1), Turn(Kind.ANSWER, "guest", (at("paragraph"),), 2))
    transcript = Transcript(title=at("title"), intro=(at("intro", "Intro."),), speakers=speakers,
                            sections=(Section(at("heading"), turns, 1),))
    options = RenderOptions(note=at("note") or None, cast=True)
    once = docx._DocxWriter(DEFAULT_STYLE_IDS, transcript, options, "en")
    every = docx._DocxWriter(DEFAULT_STYLE_IDS, transcript, options, "en")
    every._text_direction = TextDirection("\u05d0")  # a document with a right-to-left letter: every text is searched
    assert once.write() == every.write()
