"""What our renderers write reads back to the same interview: for every golden case and every
corpus transcript, each output format parses to the same speakers, turns, kinds and headings;
and roles the source fixed stay fixed (HTML classes and DOCX styles by kind, Markdown labels by
the description that fixed them)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import qaformat
from qaformat.model import Role, Speaker
from qaformat.options import RenderOptions
from tests.builders import a, interview, q
from tests.conftest import CORPUS, GOLDEN
from tests.test_corpus import known_failing

CASES = sorted(GOLDEN.glob("*/input.txt")) + sorted(CORPUS.glob("*.txt"))
FORMATS = {
    "html fragment": ("html", "html", RenderOptions()),
    "html page": ("html", "html", RenderOptions(standalone=True)),
    "docx": ("docx", "docx", RenderOptions()),
    "markdown": ("md", "markdown", RenderOptions()),
    "json": ("json", "json", RenderOptions()),
}


def shape(transcript: qaformat.Transcript) -> tuple[object, ...]:
    names = {s.id: s.name for s in transcript.speakers}
    turns = [
        (names.get(t.speaker or "", None), t.kind.value, " ".join(" ".join(t.paragraphs).split()))
        for t in transcript.turns()
    ]
    headings = [s.heading for s in transcript.sections if s.heading]
    # HTML keeps no runs of spaces (a browser shows one), so whitespace is compared folded.
    title = " ".join(transcript.title.split()) if transcript.title else None
    return title, tuple(turns), tuple(headings)


def _name(case: Path) -> str:
    return case.parent.name if case.name == "input.txt" else case.stem


@pytest.mark.parametrize(("case", "how"), [
    known_failing("round-trip", f"{_name(case)}-{how}", case, how) for case in CASES for how in sorted(FORMATS)
])
def test_output_reads_back(case: Path, how: str) -> None:
    to, reader, options = FORMATS[how]
    original = qaformat.read(case)
    rendered = qaformat.render(original, to, options)
    again = qaformat.parse(rendered, format=reader)
    assert shape(again) == shape(original)


# A host who narrates and never asks, and a guest who answers with questions: behaviour alone
# would swap them, and the roles were fixed in the source (``TOM WHITFIELD, HOST:``).
_NARRATED = interview(
    q("The harbour at Gull Point was quiet that winter, with the ferries laid up and the fishing boats hauled"
      " out, but Ruth Adebayo climbed the hundred and twelve steps of the tower every evening and kept the light."),
    a("Quiet? Who told you that?"),
    q("She has kept it for eleven years now, through four storms that closed the road and one that took the"
      " roof off the keeper's cottage, and she says she has never once thought of leaving."),
    a("Eleven? Has it been that long?"),
    speakers=(Speaker("tom-whitfield", "Tom Whitfield", Role.INTERVIEWER, ("TOM WHITFIELD, HOST", "TOM WHITFIELD"),
                      "HOST"),
              Speaker("ruth-adebayo", "Ruth Adebayo", Role.INTERVIEWEE, ("RUTH ADEBAYO",))),
)


def _roles(transcript: qaformat.Transcript) -> list[tuple[str, str]]:
    return [(s.name, s.role.value) for s in transcript.speakers]


@pytest.mark.parametrize("how", sorted(set(FORMATS) - {"json"}))
def test_roles_our_output_fixed_read_back_as_written(how: str) -> None:
    to, reader, options = FORMATS[how]
    again = qaformat.parse(qaformat.render(_NARRATED, to, options), format=reader)
    assert _roles(again) == _roles(_NARRATED)
    assert [t.kind for t in again.turns()] == [t.kind for t in _NARRATED.turns()]


def test_the_markdown_label_keeps_the_description_that_fixed_the_role() -> None:
    markdown = qaformat.render(_NARRATED, "md")
    assert markdown.count("**Tom Whitfield, HOST:**") == 1 and markdown.count("**Tom Whitfield:**") == 1
    without = attrs.evolve(_NARRATED, speakers=tuple(attrs.evolve(s, description=None) for s in _NARRATED.speakers))
    assert "HOST" not in qaformat.render(without, "md")


def _inferred(transcript: qaformat.Transcript) -> list[str]:
    return [d.message.split(" taken as ")[0] for d in transcript.diagnostics if d.code == "role-inferred"]


def test_a_turn_whose_kind_was_changed_by_hand_leaves_that_role_to_be_inferred() -> None:
    html = qaformat.render(_NARRATED, "html")
    assert _inferred(qaformat.parse(html, format="html")) == []  # every role as written: none inferred
    edited = html.replace('qa-turn qa-answer" data-speaker="ruth-adebayo"', 'qa-turn qa-question" data-speaker="ruth-adebayo"', 1)
    assert edited != html
    assert _inferred(qaformat.parse(edited, format="html")) == ["Ruth Adebayo"]
