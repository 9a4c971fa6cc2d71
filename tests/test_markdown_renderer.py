"""The Markdown renderer: goldens per case, read-back through qaformat's own Markdown reader,
label styles, timestamps, and escaping (checked by the reader, and by pandoc where present)."""

from __future__ import annotations

import lxml.html
import pytest

import qaformat
from qaformat import Kind, LabelStyle, RenderOptions, Role, Section, Speaker, Transcript, Turn
from qaformat.renderers import format_for_suffix, output_format
from qaformat.renderers.markdown import render_markdown
from tests.builders import a, interview, load_case, q
from tests.checkers import pandoc
from tests.conftest import CORPUS, GOLDEN, check_golden, golden_cases
from tests.test_corpus import known_failing

# Text that means something in Markdown or HTML, and must stay text.
HOSTILE = [
    '<script>alert("x")</script> & <img src=x onerror=alert(1)>',
    "# not a heading",
    "- not a list item",
    "+ nor this",
    "1984. A year, not a list.",
    "2) Nor this.",
    "> not a quote",
    "**not bold** and *not italic* and _nor_ this",
    "[a link](http://evil.example) and ![an image](x.png)",
    "snake_case `code` ~~strike~~ back\\slash \\* and a trailing backslash \\",
    "C# and F#, 100% <3",
]




def shape(transcript: Transcript) -> tuple[object, ...]:
    """What Markdown must carry: title, intro, headings, and each turn's speaker, kind and text."""
    names = {speaker.id: speaker.name for speaker in transcript.speakers}
    turns = [(names.get(t.speaker or ""), t.kind, t.paragraphs) for t in transcript.turns()]
    return transcript.title, transcript.intro, [s.heading for s in transcript.sections], turns








@pytest.mark.parametrize("case", golden_cases())
def test_golden(case: str, regen: bool) -> None:
    check_golden(GOLDEN / case / "expected.md", render_markdown(load_case(case), RenderOptions()), regen)


@pytest.mark.parametrize("case", golden_cases())
def test_golden_case_reads_back(case: str) -> None:
    transcript = load_case(case)
    back = qaformat.parse(render_markdown(transcript, RenderOptions()), format="markdown")
    assert shape(back) == shape(transcript)


@pytest.mark.parametrize("path", [
    known_failing("markdown-timestamps", path.stem, path) for path in sorted(CORPUS.glob("*.txt"))
])
def test_corpus_reads_back_with_timestamps(path) -> None:  # type: ignore[no-untyped-def]
    transcript = qaformat.read(path)
    back = qaformat.parse(render_markdown(transcript, RenderOptions(timestamps=True)), format="markdown")
    assert shape(back) == shape(transcript)
    speaking = [(t.timestamp, back_turn.timestamp) for t, back_turn in zip(transcript.turns(), back.turns(), strict=True)
                if t.kind is not Kind.NOTE]
    assert all(before == after for before, after in speaking)


def test_registered() -> None:
    fmt = output_format("markdown")
    assert (fmt.name, fmt.function, fmt.binary) == ("md", "render_markdown", False)
    assert format_for_suffix(".markdown") is fmt


def test_layout() -> None:
    transcript = Transcript(
        title="The Title",
        intro=("One.", "Two."),
        speakers=(Speaker("tom-whitfield", "Tom Whitfield", Role.INTERVIEWER),
                  Speaker("ruth-adebayo", "Ruth Adebayo", Role.INTERVIEWEE)),
        sections=(Section(None, (q("First?"),), 1),
                  Section("Later", (a("Yes.", "And more.", ""), Turn(Kind.NOTE, None, ("(Pause.)",), 3)), 2)),
    )
    assert render_markdown(transcript, RenderOptions()) == (
        "# The Title\n\nOne.\n\nTwo.\n\n**Tom Whitfield:** First?\n\n## Later\n\n"
        "**Ruth Adebayo:** Yes.\n\nAnd more.\n\n*(Pause.)*\n"
    )


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (LabelStyle.FULL, "**Tom Whitfield:** A?\n\n**Ruth Adebayo:** B.\n\n**Tom Whitfield:** C?\n"),
        (LabelStyle.SURNAME, "**Tom Whitfield:** A?\n\n**Ruth Adebayo:** B.\n\n**Whitfield:** C?\n"),
        (LabelStyle.INITIALS, "**Tom Whitfield:** A?\n\n**Ruth Adebayo:** B.\n\n**TW:** C?\n"),
        (LabelStyle.NONE, "**A?**\n\nB.\n\n**C?**\n"),
    ],
)
def test_label_styles(style: LabelStyle, expected: str) -> None:
    assert render_markdown(interview(q("A?"), a("B."), q("C?")), RenderOptions(labels=style)) == expected


def test_bold_questions_and_note() -> None:
    transcript = interview(q("A?"), a("B."), intro=("Intro.",))
    assert render_markdown(transcript, RenderOptions(bold_questions=True, note="Edited *lightly*.")) == (
        "Intro.\n\n*Edited \\*lightly\\*.*\n\n**Tom Whitfield:** **A?**\n\n**Ruth Adebayo:** B.\n"
    )


def test_timestamps() -> None:
    transcript = interview(q("Why?", timestamp=62.0), a("No.", timestamp=3723.9))
    assert render_markdown(transcript, RenderOptions()) == "**Tom Whitfield:** Why?\n\n**Ruth Adebayo:** No.\n"
    assert render_markdown(transcript, RenderOptions(timestamps=True)) == (
        "**Tom Whitfield (00:01:02):** Why?\n\n**Ruth Adebayo (01:02:03):** No.\n"
    )
    assert render_markdown(transcript, RenderOptions(timestamps=True, labels=LabelStyle.NONE)) == (
        "\\[00:01:02\\] **Why?**\n\n\\[01:02:03\\] No.\n"
    )


def test_line_breaks_inside_a_paragraph_become_spaces() -> None:
    assert render_markdown(interview(a("one\ntwo \r\n  # three\u2028four")), RenderOptions()) == (
        "**Ruth Adebayo:** one two # three four\n"
    )


def test_escaping() -> None:
    markdown = render_markdown(interview(q("Why?"), a(*HOSTILE)), RenderOptions())
    lines = markdown.split("\n\n")[1:]
    assert lines[:8] == [
        "**Ruth Adebayo:** \\<script>alert(\"x\")\\</script> & \\<img src=x onerror=alert(1)>",
        "\\# not a heading",
        "\\- not a list item",
        "\\+ nor this",
        "1984\\. A year, not a list.",
        "2\\) Nor this.",
        "\\> not a quote",
        "\\*\\*not bold\\*\\* and \\*not italic\\* and \\_nor\\_ this",
    ]


def test_hostile_text_reads_back() -> None:
    transcript = interview(q("Why?"), a(*HOSTILE), q("And *then*?"), a("[laughs] Then <nothing>."),
                           title="Title with *stars*, _underscores_ & [brackets] #1")
    back = qaformat.parse(render_markdown(transcript, RenderOptions()), format="markdown")
    assert shape(back) == shape(transcript)


@pytest.mark.external
def test_hostile_text_stays_text_in_commonmark() -> None:
    transcript = interview(q("Why?"), a(*HOSTILE), Turn(Kind.NOTE, None, ("(note <b>x</b> *y*)",), 3),
                           title="Title <script>x</script>")
    result = pandoc("-f", "commonmark", "-t", "html", text=render_markdown(transcript, RenderOptions()))
    root = lxml.html.fragment_fromstring(result, create_parent="div")
    tags = [element.tag for element in root.iter() if isinstance(element.tag, str)]
    assert set(tags) == {"div", "h1", "p", "strong", "em"}
    assert tags.count("strong") == 2 and tags.count("em") == 1
    paragraphs = [" ".join(p.text_content().split()) for p in root.iterfind("p")]
    assert paragraphs == ["Tom Whitfield: Why?", f"Ruth Adebayo: {HOSTILE[0]}", *HOSTILE[1:], "(note <b>x</b> *y*)"]
    assert root.find("h1").text_content() == "Title <script>x</script>"
