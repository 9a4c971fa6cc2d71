"""Shared test set-up: the golden-file workflow and the external-program marker.

Golden folders live in tests/golden/<case>/: ``input.txt`` (a transcript we wrote),
``transcript.json`` (what the parser makes of it) and one expected file per renderer, made
from the stored ``transcript.json`` so a parser change does not break every renderer golden.
``pytest --regen`` rewrites every golden file from the current code; review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
CORPUS = Path(__file__).parent / "corpus"
ROOT = Path(__file__).parent.parent
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true", help="rewrite golden files from the current code")


def pytest_configure(config: pytest.Config) -> None:
    """Under --regen, store every golden case's model first: the renderer goldens read it."""
    if config.getoption("--regen", default=False):
        import qaformat

        for folder in sorted(GOLDEN.iterdir()):
            if (folder / "input.txt").exists():
                transcript = qaformat.read(folder / "input.txt")
                (folder / "transcript.json").write_text(str(qaformat.render(transcript, "json")), encoding="utf-8")


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen"))


def golden_cases() -> list[str]:
    """Names of the golden folders (each has an input and a stored transcript.json)."""
    return sorted(p.name for p in GOLDEN.iterdir() if (p / "transcript.json").exists() or (p / "input.txt").exists())


def check_golden(path: Path, actual: str, regen: bool) -> None:
    """Compare text with a golden file, or rewrite it under ``--regen``."""
    if regen or not path.exists():
        if not regen:
            pytest.fail(f"golden file {path.relative_to(ROOT)} is missing; run pytest --regen and review it")
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.relative_to(ROOT)} differs; if the change is right, run pytest --regen"


def need_seed() -> Path:
    """The shared seed folder; skip where it is not beside this checkout, but fail in CI."""
    seed = SHARED / "seed"
    if (seed / "000_a79b92b53dce8f1a.txt").exists():
        return seed
    if os.environ.get("CI"):
        pytest.fail("the shared seed must be beside the checkout in CI (../shared/seed)")
    pytest.skip("the shared seed is not beside this checkout")
    raise AssertionError("unreachable")


def need_program(name: str) -> str:
    """The path of an external program; skip where missing, but fail in CI (CI must run it)."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{name} is required in CI but is not installed (.ci/run installs it)")
    pytest.skip(f"{name} is not installed")
    raise AssertionError("unreachable")
