"""What our renderers write reads back to the same interview: for every golden case and every
corpus transcript, each output format parses to the same speakers, turns, kinds and headings."""

from __future__ import annotations

from pathlib import Path

import pytest

import qaformat
from qaformat.options import RenderOptions
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
