"""The HTML renderer: goldens per case (fragment and page), the class contract, label styles,
lang and dir, escaping, spans and timestamps, and W3C validity (vnu) of what it writes."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from qaformat import Kind, LabelStyle, RenderError, RenderOptions, Role, Section, Span, SpanKind, Speaker, Transcript, Turn
from qaformat.renderers import format_for_suffix, output_format
from qaformat.renderers.html import render_html, stylesheet
from tests.builders import a, interview, load_case, q
from tests.checkers import validate_html
from tests.conftest import GOLDEN, check_golden, golden_cases

HOSTILE = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    "Tom & Jerry's \"quote\" &amp; &lt;b&gt;",
    "</article><p>",
    "<!-- comment --> <![CDATA[ x ]]>",
]


def fragment(html: str) -> etree._Element:
    return lxml.html.fragment_fromstring(html)


def markup(element: etree._Element, *, layout: bool = True) -> str:
    """The element's HTML; without ``layout``, whitespace-only text between elements is dropped."""
    if not layout:
        element = copy.deepcopy(element)
        for node in element.iter():
            node.text = node.text if (node.text or "").strip() else None
            node.tail = node.tail if (node.tail or "").strip() else None
    return lxml.html.tostring(element, encoding="unicode", with_tail=False)


def labels(html: str) -> list[str]:
    return [strong.text_content() for strong in fragment(html).iterfind(".//strong[@class='qa-speaker']")]


# --- goldens ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", golden_cases())
def test_golden_fragment(case: str, regen: bool) -> None:
    check_golden(GOLDEN / case / "expected.html", render_html(load_case(case), RenderOptions()), regen)


@pytest.mark.parametrize("case", golden_cases())
def test_golden_page(case: str, regen: bool) -> None:
    page = render_html(load_case(case), RenderOptions(standalone=True))
    check_golden(GOLDEN / case / "expected.page.html", page, regen)


@pytest.mark.parametrize("case", golden_cases())
def test_page_holds_the_fragment(case: str) -> None:
    transcript = load_case(case)
    page = lxml.html.document_fromstring(render_html(transcript, RenderOptions(standalone=True)))
    article = page.find("body/main/article")
    assert article is not None
    if transcript.title is None:  # a page always opens with a level-one heading; a fragment needs none
        stand_in = article.find("h1")
        assert stand_in is not None and stand_in.get("class") == "qa-title qa-untitled" and stand_in.text == "Interview"
        article.remove(stand_in)
    expected = fragment(render_html(transcript, RenderOptions()))
    assert markup(article, layout=False) == markup(expected, layout=False)


@pytest.mark.parametrize("case", golden_cases())
def test_every_turn_and_word_is_rendered(case: str) -> None:
    transcript = load_case(case)
    root = fragment(render_html(transcript, RenderOptions(labels=LabelStyle.NONE)))
    turns = root.findall(".//div")
    rendered = [div for div in turns if "qa-turn" in div.get("class", "").split()]
    assert len(rendered) == len(list(transcript.turns()))
    interviewers = {s.id for s in transcript.speakers if s.role is Role.INTERVIEWER}
    for div, turn in zip(rendered, transcript.turns(), strict=True):
        by_interviewer = " qa-by-interviewer" if turn.kind is Kind.REMARK and turn.speaker in interviewers else ""
        assert div.get("class") == f"qa-turn qa-{turn.kind.value}{by_interviewer}"
        assert div.get("data-speaker") == (None if turn.kind is Kind.NOTE else turn.speaker)
        assert [p.text_content() for p in div.iterfind("p")] == list(turn.paragraphs)


def test_registered() -> None:
    fmt = output_format("html")
    assert (fmt.module, fmt.function, fmt.binary) == ("qaformat.renderers.html", "render_html", False)
    assert format_for_suffix(".htm") is fmt
    assert output_format("htm") is fmt


# --- structure -------------------------------------------------------------------------------


def test_fragment_structure() -> None:
    transcript = Transcript(
        title="Title",
        intro=("One.", "Two."),
        speakers=(Speaker("tom-whitfield", "Tom Whitfield", Role.INTERVIEWER),),
        sections=(
            Section(None, (q("First?"),), 1),
            Section("Later", (Turn(Kind.NOTE, None, ("(Pause.)",), 3),), 2),
        ),
    )
    root = fragment(render_html(transcript, RenderOptions()))
    assert root.tag == "article" and root.get("class") == "qa-interview"
    assert [(child.tag, child.get("class")) for child in root] == [
        ("h1", "qa-title"), ("div", "qa-intro"), ("section", "qa-section"), ("section", "qa-section")
    ]
    assert [p.text for p in root.find("div")] == ["One.", "Two."]
    first, second = root.findall("section")
    assert first.find("h2") is None
    assert second.find("h2").get("class") == "qa-heading" and second.find("h2").text == "Later"
    note = second.find("div")
    assert note.get("class") == "qa-turn qa-note" and note.get("data-speaker") is None
    assert note.find("p").text_content() == "(Pause.)" and note.find(".//strong") is None


def test_multi_paragraph_turn_labels_only_the_first() -> None:
    root = fragment(render_html(interview(a("One.", "Two.", "Three.")), RenderOptions()))
    paragraphs = root.findall(".//p")
    assert markup(paragraphs[0]) == (
        '<p><strong class="qa-speaker">Ruth Adebayo:</strong> One.</p>'
    )
    assert [p.text for p in paragraphs[1:]] == ["Two.", "Three."] and not paragraphs[1].findall("*")


def test_turn_without_text_keeps_its_label() -> None:
    turn = Turn(Kind.ANSWER, "ruth-adebayo", (), 1)
    html = render_html(interview(turn), RenderOptions())
    assert '<p><strong class="qa-speaker">Ruth Adebayo:</strong></p>' in html


def test_unknown_speaker_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="nobody"):
        render_html(interview(q("Hello?", speaker="nobody")), RenderOptions())


def test_page() -> None:
    transcript = interview(q("Why?"), metadata={"author": "Tom Whitfield", "date": "2024-05-01"})
    html = render_html(transcript, RenderOptions(standalone=True, lang="en"))
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    page = lxml.html.document_fromstring(html)
    assert page.find("head/meta").get("charset") == "utf-8"
    assert page.find("head/title").text == "Interview"
    assert page.find("head/meta[@name='viewport']") is not None
    assert page.find("head/meta[@name='author']").get("content") == "Tom Whitfield"
    assert page.find("head/meta[@name='date']") is None  # not a registered <meta> name
    assert page.find("head/style").text.strip() == stylesheet().strip()
    assert page.find("body/main/article").get("lang") == "en"


def test_page_without_stylesheet() -> None:
    html = render_html(interview(q("Why?"), title="T"), RenderOptions(standalone=True, stylesheet=False))
    assert "<style" not in html and "<title>T</title>" in html


def test_stylesheet_styles_every_contract_class() -> None:
    css = stylesheet()
    for name in ("qa-interview", "qa-title", "qa-intro", "qa-section", "qa-heading", "qa-turn", "qa-question",
                 "qa-answer", "qa-remark", "qa-note", "qa-speaker", "qa-direction", "qa-time", "@media print"):
        assert name in css
    assert "</" not in css


def test_bold_questions() -> None:
    spans = (Span(0, 4, 11, SpanKind.DIRECTION),)
    transcript = interview(q("And [sighs] why?", spans=spans), a("Because."))
    assert "<b>" not in render_html(transcript, RenderOptions())
    question, answer = fragment(render_html(transcript, RenderOptions(bold_questions=True))).findall(".//p")
    assert markup(question) == (
        '<p><strong class="qa-speaker">Tom Whitfield:</strong> '
        '<b>And <span class="qa-direction">[sighs]</span> why?</b></p>'
    )
    assert answer.find("b") is None


@pytest.mark.parametrize("intro", [(), ("An intro.",)])
def test_editors_note_closes_the_intro(intro: tuple[str, ...]) -> None:
    note = "Edited for length & <clarity>."
    root = fragment(render_html(interview(q("Why?"), intro=intro), RenderOptions(note=note)))
    paragraphs = root.find("div[@class='qa-intro']").findall("p")
    assert [p.text for p in paragraphs] == [*intro, note]
    assert paragraphs[-1].get("class") == "qa-note"
    assert "qa-intro" not in render_html(interview(q("Why?")), RenderOptions(note="  "))


# --- labels ----------------------------------------------------------------------------------

CAST = (
    Speaker("tom-whitfield", "Tom Whitfield", Role.INTERVIEWER),
    Speaker("alexander-petrov", "Dr. Alexander Petrov", Role.INTERVIEWEE),
    Speaker("q", "Q", Role.INTERVIEWER),
)
TURNS = (q("A?"), a("B.", speaker="alexander-petrov"), q("C?"), a("D.", speaker="alexander-petrov"),
         q("E?", speaker="q"), q("F?", speaker="q"))


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (LabelStyle.FULL, ["Tom Whitfield:", "Dr. Alexander Petrov:", "Tom Whitfield:", "Dr. Alexander Petrov:",
                           "Q:", "Q:"]),
        (LabelStyle.SURNAME, ["Tom Whitfield:", "Dr. Alexander Petrov:", "Whitfield:", "Petrov:", "Q:", "Q:"]),
        (LabelStyle.INITIALS, ["Tom Whitfield:", "Dr. Alexander Petrov:", "TW:", "AP:", "Q:", "Q:"]),
        (LabelStyle.NONE, []),
    ],
)
def test_label_styles(style: LabelStyle, expected: list[str]) -> None:
    html = render_html(interview(*TURNS, speakers=CAST), RenderOptions(labels=style))
    assert labels(html) == expected
    kinds = [div.get("class") for div in fragment(html).iterfind(".//div")]
    assert kinds.count("qa-turn qa-question") == 4  # questions stay set apart by class alone


def test_shared_surnames_stay_full() -> None:
    cast = (Speaker("tom", "Tom Whitfield", Role.INTERVIEWER), Speaker("dana", "Dana Whitfield", Role.INTERVIEWEE))
    turns = (q("A?", speaker="tom"), a("B.", speaker="dana"), q("C?", speaker="tom"), a("D.", speaker="dana"))
    html = render_html(interview(*turns, speakers=cast), RenderOptions(labels=LabelStyle.SURNAME))
    assert labels(html) == ["Tom Whitfield:", "Dana Whitfield:", "Tom Whitfield:", "Dana Whitfield:"]


# --- lang and dir ----------------------------------------------------------------------------

ARABIC = Transcript(
    title="حوار مع كريم منصور",
    speakers=(Speaker("salma", "سلمى حداد", Role.INTERVIEWER), Speaker("karim", "د. كريم منصور", Role.INTERVIEWEE)),
    sections=(Section("البداية", (q("متى بدأت العمل في 2010؟", speaker="salma"),
                                  a("بدأت في مختبر صغير (MIT) مع فريق من ثلاثة.", speaker="karim")), 1),),
)


def test_rtl_text_sets_dir_and_lang() -> None:
    root = fragment(render_html(ARABIC, RenderOptions(lang="ar")))
    assert (root.get("lang"), root.get("dir")) == ("ar", "rtl")
    page = lxml.html.document_fromstring(render_html(ARABIC, RenderOptions(standalone=True, lang="ar")))
    assert (page.get("lang"), page.get("dir")) == ("ar", "rtl")


def test_ltr_text_with_some_rtl_has_no_dir() -> None:
    transcript = interview(q("How do you say hello?"), a("We say مرحبا, and the reply is أهلا وسهلا."))
    root = fragment(render_html(transcript, RenderOptions()))
    assert root.get("dir") is None and root.get("lang") == "en"  # guessed: the transcript has no lang


def test_lang_from_metadata_unless_given() -> None:
    transcript = interview(q("Wie?"), metadata={"lang": "de"})
    assert fragment(render_html(transcript, RenderOptions())).get("lang") == "de"
    assert fragment(render_html(transcript, RenderOptions(lang="de-CH"))).get("lang") == "de-CH"


# --- escaping --------------------------------------------------------------------------------


def hostile_transcript() -> Transcript:
    name = 'Jane "J" O\'Hara & <b>Co</b>'
    return Transcript(
        title=HOSTILE[0],
        intro=tuple(HOSTILE),
        speakers=(Speaker('x" onclick="alert(1)', name, Role.INTERVIEWER), Speaker("b", HOSTILE[1], Role.INTERVIEWEE)),
        sections=(Section(HOSTILE[2], (q(HOSTILE[3], speaker='x" onclick="alert(1)'), a(*HOSTILE, speaker="b"),
                                       Turn(Kind.NOTE, None, (HOSTILE[4],), 3)), 1),),
        metadata={"author": '"><script>alert(2)</script>', "description": HOSTILE[1]},
    )


@pytest.mark.parametrize("standalone", [False, True])
def test_hostile_text_stays_text(standalone: bool) -> None:
    transcript = hostile_transcript()
    html = render_html(transcript, RenderOptions(standalone=standalone))
    root = lxml.html.document_fromstring(html) if standalone else fragment(html)
    tags = {element.tag for element in root.iter() if isinstance(element.tag, str)}
    assert tags <= {"html", "head", "meta", "title", "script", "style", "body", "main", "article", "h1", "div", "p",
                    "section", "h2", "strong", "span"}
    if standalone:  # the one script is the schema.org data, and the hostile title is only text in it
        (script,) = root.iter("script")
        assert script.get("type") == "application/ld+json"
        assert json.loads(script.text)["headline"] == transcript.title
    assert not any(isinstance(node, (etree._Comment, etree._ProcessingInstruction)) for node in root.iter())
    assert not any(key.startswith("on") for element in root.iter() for key in element.attrib)
    article = root if not standalone else root.find("body/main/article")
    text = article.text_content()
    for hostile in HOSTILE:
        assert hostile in text
    assert 'Jane "J" O\'Hara & <b>Co</b>:' in text
    assert article.find(".//div[@class='qa-turn qa-question']").get("data-speaker") == 'x" onclick="alert(1)'
    if standalone:
        assert root.find("head/title").text == HOSTILE[0]
        assert root.find("head/meta[@name='author']").get("content") == '"><script>alert(2)</script>'


def test_characters_html_cannot_hold_are_replaced() -> None:
    transcript = interview(a("bell\x07 nul\x00 c1\x85 nonchar\ufffe\U0010ffff lone\ud800 cr\r\nff\x0c end"))
    text = fragment(render_html(transcript, RenderOptions())).find(".//p").text_content()
    assert text == "Ruth Adebayo: bell\ufffd nul\ufffd c1\ufffd nonchar\ufffd\ufffd lone\ufffd cr\n\nff  end"


# Unicode's non-characters (U+FFFE, U+1FFFE, U+FDD0...) are replaced on the way out, as XML cannot hold them.
TEXTS = st.text(st.characters(exclude_categories=("Cs", "Cc", "Co")).filter(
    lambda c: (ord(c) & 0xFFFE) != 0xFFFE and not 0xFDD0 <= ord(c) <= 0xFDEF), max_size=40)


@given(title=TEXTS, name=TEXTS.filter(str.strip), paragraphs=st.lists(TEXTS, min_size=1, max_size=3))
def test_any_text_comes_back_as_text(title: str, name: str, paragraphs: list[str]) -> None:
    transcript = interview(a(*paragraphs, speaker="s"), speakers=(Speaker("s", name, Role.INTERVIEWEE),), title=title)
    root = fragment(render_html(transcript, RenderOptions()))
    first = f"{name}: {paragraphs[0]}" if paragraphs[0] else f"{name}:"
    assert [p.text_content() for p in root.iterfind(".//p")] == [first, *paragraphs[1:]]
    h1 = root.find("h1")
    assert (h1.text_content() if h1 is not None else "") == title


# --- spans and timestamps --------------------------------------------------------------------


def test_spans() -> None:
    text = "Well [laughs] it was [inaudible 00:15:05] then."
    spans = (
        Span(0, 5, 13, SpanKind.DIRECTION),
        Span(0, 21, 41, SpanKind.DIRECTION),
        Span(0, 32, 40, SpanKind.TIMESTAMP),  # inside the direction
        Span(0, 10, 16, SpanKind.DIRECTION),  # crosses [laughs], which starts first: dropped
        Span(0, 40, 99, SpanKind.DIRECTION),  # past the end: dropped
        Span(1, 0, 7, SpanKind.DIRECTION),
    )
    html = render_html(interview(a(text, "[sighs] Yes.", spans=spans)), RenderOptions())
    first, second = fragment(html).findall(".//p")
    assert markup(first) == (
        '<p><strong class="qa-speaker">Ruth Adebayo:</strong> Well <span class="qa-direction">[laughs]</span> it was '
        '<span class="qa-direction">[inaudible <time class="qa-timestamp" datetime="PT905S">00:15:05</time>]</span> then.</p>'
    )
    assert markup(second) == '<p><span class="qa-direction">[sighs]</span> Yes.</p>'


@pytest.mark.parametrize(
    ("seconds", "datetime", "shown"),
    [(62.0, "PT62S", "00:01:02"), (3723.5, "PT3723.5S", "01:02:03"), (0.0, "PT0S", "00:00:00")],
)
def test_timestamps_shown_on_request(seconds: float, datetime: str, shown: str) -> None:
    transcript = interview(q("Why?", timestamp=seconds), Turn(Kind.NOTE, None, ("(Music.)",), 2, timestamp=seconds))
    assert "<time" not in render_html(transcript, RenderOptions())
    html = render_html(transcript, RenderOptions(timestamps=True))
    question, note = fragment(html).findall(".//p")
    assert markup(question) == (
        f'<p><time class="qa-time" datetime="{datetime}">{shown}</time> '
        '<strong class="qa-speaker">Tom Whitfield:</strong> Why?</p>'
    )
    assert note.find("time").text == shown and note.text_content() == f"{shown} (Music.)"


def test_unusable_timestamps_are_not_shown() -> None:
    transcript = interview(q("Why?", timestamp=float("nan")), a("No.", timestamp=-4.0))
    assert "<time" not in render_html(transcript, RenderOptions(timestamps=True))


# --- W3C validity ----------------------------------------------------------------------------


@pytest.mark.external
@pytest.mark.parametrize("case", golden_cases())
def test_golden_case_is_valid_html(case: str, tmp_path: Path) -> None:
    transcript = load_case(case)
    files = []
    for name, options in [
        ("fragment.html", RenderOptions()),
        ("page.html", RenderOptions(standalone=True, lang="en")),
        ("page-bare.html", RenderOptions(standalone=True, stylesheet=False, labels=LabelStyle.NONE)),
        ("timed.html", RenderOptions(timestamps=True, labels=LabelStyle.INITIALS, bold_questions=True, note="Edited.")),
    ]:
        files.append(tmp_path / name)
        files[-1].write_text(render_html(transcript, options), encoding="utf-8")
    validate_html(files)


@pytest.mark.external
def test_hard_cases_are_valid_html(tmp_path: Path) -> None:
    spans = (Span(0, 21, 41, SpanKind.DIRECTION), Span(0, 32, 40, SpanKind.TIMESTAMP))
    timed = interview(a("Well [laughs] it was [inaudible 00:15:05] then.", spans=spans, timestamp=905.25),
                      Turn(Kind.ANSWER, "ruth-adebayo", (), 2))
    controls = interview(a("bell\x07 nul\x00 c1\x85 nonchar\ufffe cr\r\nff\x0c end"))
    files = []
    for name, transcript in [("hostile", hostile_transcript()), ("arabic", ARABIC), ("timed", timed),
                             ("controls", controls)]:
        for standalone in (False, True):
            path = tmp_path / f"{name}-{standalone}.html"
            options = RenderOptions(standalone=standalone, timestamps=True, bold_questions=True, note=HOSTILE[0])
            path.write_text(render_html(transcript, options), "utf-8")
            files.append(path)
    validate_html(files)


# --- escaping, for any text -------------------------------------------------------------------

# Any character, with pieces of markup, line ends and forbidden code points made common.
_ANY_TEXT = st.lists(
    st.one_of(st.sampled_from(["<b>", "</p>", "<!--", "-->", "<![CDATA[", "&amp;", "&lt;", '"', "'", "&", "<", ">",
                               "\r", "\n", "\t", "\x0c", "\x00", "\x0b", "\x85", "\ufffe", "\U0001ffff"]),
              st.characters(exclude_categories=("Cs",))),
    min_size=1, max_size=20,
).map("".join).filter(str.strip)


def _as_shown(text: str) -> str:
    """What a reader of the page sees for a text: the renderer's documented replacements (CR and FF
    become a line break and a space; controls and non-characters U+FFFD)."""
    def shown(char: str) -> str:
        code = ord(char)
        forbidden = (code <= 0x1F and char not in "\t\n") or 0x7F <= code <= 0x9F or 0xFDD0 <= code <= 0xFDEF \
            or code & 0xFFFE == 0xFFFE
        return "\ufffd" if forbidden else char
    return "".join(map(shown, text.replace("\r", "\n").replace("\x0c", " ")))


@settings(max_examples=300, deadline=None)
@given(title=_ANY_TEXT, paragraph=_ANY_TEXT, heading=_ANY_TEXT, speaker=_ANY_TEXT, author=_ANY_TEXT, lang=_ANY_TEXT)
def test_any_text_comes_back_from_an_html_parser(title: str, paragraph: str, heading: str, speaker: str, author: str,
                                                 lang: str) -> None:
    """Whatever the text, an HTML parser finds exactly it where it belongs, and no other markup."""
    transcript = Transcript(
        title=title, intro=(paragraph,), speakers=(Speaker(speaker, "Ann Lee", Role.INTERVIEWER),),
        sections=(Section(heading, (Turn(Kind.QUESTION, speaker, (paragraph,), 1),), 1),),
        metadata={"author": author, "lang": lang},
    )
    root = lxml.html.document_fromstring(render_html(transcript, RenderOptions(standalone=True,
                                                                               labels=LabelStyle.NONE)))
    tags = [element.tag for element in root.iter() if isinstance(element.tag, str)]
    assert tags == ["html", "head", "meta", "meta", "title", "meta", "meta", "script", "style", "body", "main",
                    "article", "h1", "div", "p", "section", "h2", "div", "p"]
    data = json.loads(root.find("head/script").text)
    assert data["headline"] == title.strip() and data["inLanguage"] == lang.strip()
    assert data["author"] == [{"@type": "Person", "name": "Ann Lee"}]
    assert root.find("head/title").text_content() == _as_shown(title)
    assert root.find("head/meta[@name='author']").get("content") == _as_shown(author)
    article = root.find("body/main/article")
    assert article.get("lang") == _as_shown(lang)
    assert article.find("h1").text_content() == _as_shown(title)
    assert article.find("div/p").text_content() == _as_shown(paragraph)
    assert article.find("section/h2").text_content() == _as_shown(heading)
    turn = article.find("section/div")
    assert turn.get("data-speaker") == _as_shown(speaker)
    assert turn.find("p").text_content() == _as_shown(paragraph)


def test_the_interviewers_closing_remark_is_set_like_a_question() -> None:
    cast = (Speaker("tom-whitfield", "Tom Whitfield", Role.INTERVIEWER), Speaker("ruth-adebayo", "Ruth Adebayo", Role.INTERVIEWEE),
            Speaker("announcer", "Announcer", Role.OTHER))
    transcript = interview(q("Why?"), a("Because."), Turn(Kind.REMARK, "announcer", ("And now the news.",), 3),
                           Turn(Kind.REMARK, "tom-whitfield", ("Ruth Adebayo, thank you.",), 4), speakers=cast)
    page = render_html(transcript, RenderOptions(standalone=True))
    classes = [div.get("class") for div in lxml.html.document_fromstring(page).iterfind(".//div")]
    assert classes == ["qa-turn qa-question", "qa-turn qa-answer", "qa-turn qa-remark",
                       "qa-turn qa-remark qa-by-interviewer"]
    css = stylesheet()
    assert re.search(r"\.qa-question,\s*\.qa-by-interviewer\s*\{", css)
    assert re.search(r"\.qa-remark\.qa-by-interviewer \.qa-speaker\s*\{\s*color: var\(--qa-accent\)", css)
