"""Properties of the parser over any input: it parses or raises our own error, loses no text (Word
footnotes included), treats CRLF like LF, and its JSON round-trips."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import qaformat
from qaformat.parsing.normalize import normalize_text
from qaformat.readers.decode import split_lines
from tests.strategies import any_bytes, any_text, transcript_lines

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
import make_word_corpus as ooxml

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(data: str | bytes, **options: bool) -> qaformat.Transcript | None:
    try:
        return qaformat.parse(data, options=qaformat.ParseOptions(**options))
    except qaformat.QAFormatError:
        return None


@SETTINGS
@given(any_text)
def test_text_parses_or_raises_our_error(text: str) -> None:
    _parse(text)


@SETTINGS
@given(any_bytes)
def test_bytes_parse_or_raise_our_error(data: bytes) -> None:
    _parse(data)


# Markup a line may lose: quote marks, heading hashes, bold marks, and a dash opening the line,
# which dash dialogue (`— Why?` / `— Because.`) reads as the mark of a turn, as a label's colon.
_MARKUP = re.compile(r"^(?:>\s*)*#{0,6}\s*(?:[—–]\s+)?|\*\*|__")


def _pieces(line: str) -> list[str]:
    """The words of a source line as they must appear somewhere in the output."""
    text = normalize_text(_MARKUP.sub("", line.strip())).replace("**", "")
    return [w.strip("*_:：") for w in text.split() if w.strip("*_:：")]


def _kept(transcript: qaformat.Transcript) -> tuple[str, set[int]]:
    """All the text a transcript keeps, and the source lines it reports as skipped."""
    kept = [transcript.title or "", *transcript.intro]
    for section in transcript.sections:
        kept.append(section.heading or "")
        for turn in section.turns:
            kept.extend(turn.paragraphs)
    for speaker in transcript.speakers:
        kept.extend(speaker.aliases)
    return "\n".join(kept), {n for s in transcript.skipped for n in range(s.first_line, s.last_line + 1)}


@SETTINGS
@given(transcript_lines())
@example("— Why?\n— Because it was there.\n— And now?\n— Now it is gone.")
def test_no_line_is_lost(text: str) -> None:
    transcript = _parse(text)
    if transcript is None:
        return
    haystack, skipped = _kept(transcript)
    for number, line in enumerate(split_lines(text), start=1):
        if not line.strip() or number in skipped:
            continue
        for piece in _pieces(line):
            if re.fullmatch(r"[\[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}[\])]?", piece):
                continue  # times become timestamps
            assert piece in haystack, f"line {number} {line!r}: {piece!r} is lost"


# Word files: every paragraph and every footnote it cites is kept or reported.

_WORD_LINE = st.lists(st.sampled_from(["Emily Carter:", "Q:", "A:", "Why", "now?", "We", "did.", "(APPLAUSE)", "U.S.",
                                       "Thank", "you.", "Editor's", "note:", "ferry", "[laughs]", "3:1"]),
                      min_size=1, max_size=10).map(" ".join)


@st.composite
def _word_documents(draw: st.DrawFn) -> tuple[list[tuple[str, str | None]], bytes]:
    """Paragraphs, some citing a footnote, as a .docx: the (paragraph, footnote) pairs and the file."""
    paragraphs = draw(st.lists(st.tuples(_WORD_LINE, st.one_of(st.none(), _WORD_LINE)), min_size=1, max_size=12))
    notes: list[str] = []
    body = []
    for text, note in paragraphs:
        content = ooxml.run(text)
        if note is not None:
            notes.append(note)
            content += f'<w:r><w:footnoteReference w:id="{len(notes)}"/></w:r>'
        body.append(ooxml.paragraph(content))
    parts = {
        "_rels/.rels": ooxml.rels([("rId1", ooxml.RT + "officeDocument", "word/document.xml")]),
        "word/document.xml": ooxml.document_xml("".join(body)),
        "word/_rels/document.xml.rels": ooxml.rels([("rId1", ooxml.RT + "footnotes", "footnotes.xml")]),
        "word/footnotes.xml": ooxml.note_part("footnote", notes),
    }
    return paragraphs, ooxml.zip_parts(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_word_documents())
def test_no_word_paragraph_or_footnote_is_lost(document: tuple[list[tuple[str, str | None]], bytes]) -> None:
    paragraphs, data = document
    try:
        transcript = qaformat.parse(data, format="docx")
    except qaformat.QAFormatError:
        return
    haystack, skipped = _kept(transcript)
    for number, (text, note) in enumerate(paragraphs, start=1):
        if number in skipped:
            continue  # reported with a reason; a note has its citing paragraph's number
        for word in f"{text} {note or ''}".split():
            word = word.strip(":")
            if word and not word.replace(":", "").isdigit():  # times become timestamps
                assert word in haystack, f"paragraph {number}: {word!r} is lost"


@SETTINGS
@given(transcript_lines())
def test_crlf_parses_like_lf(text: str) -> None:
    lf = _parse(text.replace("\r\n", "\n").replace("\r", "\n"))
    crlf = _parse(text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n"))
    assert lf == crlf


@SETTINGS
@given(transcript_lines())
def test_json_round_trips(text: str) -> None:
    transcript = _parse(text)
    if transcript is None:
        return
    first = qaformat.render(transcript, "json")
    again = qaformat.load_json(first)
    assert again == transcript
    assert qaformat.render(again, "json") == first


@SETTINGS
@given(any_text)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_every_renderer_accepts_every_parse(text: str) -> None:
    import io

    import docx
    from lxml import html

    transcript = _parse(text)
    if transcript is None:
        return
    for name in ("html", "md", "json"):
        assert isinstance(qaformat.render(transcript, name), str)
    fragment = html.fragment_fromstring(qaformat.render(transcript, "html"))
    assert fragment.get("class") == "qa-interview"
    assert not fragment.xpath(".//script")
    document = docx.Document(io.BytesIO(qaformat.render(transcript, "docx")))  # type: ignore[arg-type]
    assert len(document.paragraphs) >= sum(1 for _ in transcript.turns())
