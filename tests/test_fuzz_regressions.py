"""Inputs that once broke something (found by fuzzing or by users), replayed through every
renderer. Each file in tests/fuzz/regressions/ is one input as found."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pipeline import check_pipeline

REGRESSIONS = sorted((Path(__file__).parent / "fuzz" / "regressions").glob("*.bin"))


@pytest.mark.parametrize("path", REGRESSIONS, ids=lambda p: p.name)
def test_regression(path: Path) -> None:
    check_pipeline(path.read_bytes())
