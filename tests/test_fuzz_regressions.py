"""Inputs that once broke something (found by fuzzing or by users), replayed through every
renderer. Each file in tests/fuzz/regressions/ is one input as found."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import qaformat
from qaformat.renderers import RENDERERS

REGRESSIONS = sorted((Path(__file__).parent / "fuzz" / "regressions").glob("*.bin"))


@pytest.mark.parametrize("path", REGRESSIONS, ids=lambda p: p.name)
def test_regression(path: Path) -> None:
    try:
        transcript = qaformat.parse(path.read_bytes())
    except qaformat.QAFormatError:
        return
    for name in RENDERERS:
        output = qaformat.render(transcript, name)
        if name == "json":
            assert qaformat.load_json(output) == transcript
        elif name == "docx":
            import docx

            assert docx.Document(io.BytesIO(output)) is not None  # type: ignore[arg-type]
