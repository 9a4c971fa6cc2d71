"""Small transcripts built by hand, and the stored golden models, for renderer tests."""

from __future__ import annotations

import pytest

import qaformat
from qaformat.model import Kind, Role, Section, Speaker, Transcript, Turn
from tests.conftest import GOLDEN


def load_case(case: str) -> Transcript:
    """The stored model of a golden case (tests/golden/<case>/transcript.json)."""
    path = GOLDEN / case / "transcript.json"
    if not path.exists():
        pytest.fail(f"{path} is missing; run pytest --regen")
    return qaformat.load_json(path.read_text(encoding="utf-8"))


def interview(*turns: Turn, speakers: tuple[Speaker, ...] | None = None, **fields: object) -> Transcript:
    """A one-section interview between Tom Whitfield (asks) and Ruth Adebayo (answers)."""
    cast = speakers or (
        Speaker("tom-whitfield", "Tom Whitfield", Role.INTERVIEWER),
        Speaker("ruth-adebayo", "Ruth Adebayo", Role.INTERVIEWEE),
    )
    return Transcript(speakers=cast, sections=(Section(None, turns, 1),), **fields)  # type: ignore[arg-type]


def q(text: str, speaker: str = "tom-whitfield", **fields: object) -> Turn:
    return Turn(Kind.QUESTION, speaker, (text,), 1, **fields)  # type: ignore[arg-type]


def a(*paragraphs: str, speaker: str = "ruth-adebayo", **fields: object) -> Turn:
    return Turn(Kind.ANSWER, speaker, paragraphs, 1, **fields)  # type: ignore[arg-type]
