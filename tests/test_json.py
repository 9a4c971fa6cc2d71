"""The JSON contract: every output validates against docs/schema, and round-trips byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import qaformat
from tests.conftest import CORPUS, GOLDEN, ROOT, check_golden, golden_cases

SCHEMA = json.loads((ROOT / "docs" / "schema" / "qaformat.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
INPUTS = sorted(CORPUS.glob("*.txt")) + sorted(GOLDEN.glob("*/input.txt"))


def test_schema_is_valid_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: f"{p.parent.name}/{p.name}")
@pytest.mark.parametrize("diagnostics", [False, True])
def test_outputs_validate_and_round_trip(path: Path, diagnostics: bool):
    transcript = qaformat.read(path)
    options = qaformat.RenderOptions(diagnostics=diagnostics)
    text = qaformat.render(transcript, "json", options)
    VALIDATOR.validate(json.loads(text))
    again = qaformat.load_json(text)
    assert qaformat.render(again, "json", options) == text
    assert again == transcript


@pytest.mark.parametrize("case", golden_cases())
def test_parser_goldens(case: str, regen: bool):
    folder = GOLDEN / case
    transcript = qaformat.read(folder / "input.txt")
    check_golden(folder / "transcript.json", qaformat.render(transcript, "json"), regen)
