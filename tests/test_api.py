"""The public surface: __all__, and the behaviour of parse/read/render/write/convert/load_json."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import qaformat
from qaformat import InputError, ParseError, UnknownFormatError

EXAMPLE = Path(__file__).parent.parent / "examples" / "interview.txt"
SHORT = "Jane Roe: Why now?\n\nJohn Doe: Because it's time.\n\nJane Roe: And then?\n\nJohn Doe: We'll see.\n"


def test_public_names_are_exactly_these():
    assert sorted(qaformat.__all__) == sorted([
        "MAX_INPUT_BYTES", "Diagnostic", "InputError", "Kind", "LabelStyle", "OptionError", "ParseError",
        "ParseOptions", "QAFormatError", "RenderError", "RenderOptions", "Role", "Section", "Severity", "Skipped",
        "Span", "SpanKind", "Speaker", "SpeakerSpec", "Transcript", "Turn", "UnknownFormatError", "__version__",
        "convert", "detect", "load_json", "parse", "read", "render", "write",
    ])
    for name in qaformat.__all__:
        assert hasattr(qaformat, name)


def test_errors_are_value_errors_where_a_caller_expects():
    for error in (InputError, ParseError, UnknownFormatError, qaformat.OptionError):
        assert issubclass(error, ValueError) and issubclass(error, qaformat.QAFormatError)


def test_parse_short_interview():
    t = qaformat.parse(SHORT)
    assert [(s.name, s.role.value) for s in t.speakers] == [("Jane Roe", "interviewer"), ("John Doe", "interviewee")]
    assert [turn.kind.value for turn in t.turns()] == ["question", "answer", "question", "answer"]
    assert next(t.turns()).line == 1


def test_model_is_frozen():
    t = qaformat.parse(SHORT)
    with pytest.raises(AttributeError):
        t.title = "x"  # type: ignore[misc]


def test_speaker_map_names_and_roles():
    options = qaformat.ParseOptions(speakers={"John Doe": qaformat.SpeakerSpec(name="Dr. John Doe", role="interviewer")})
    t = qaformat.parse(SHORT, options=options)
    assert {s.name: s.role.value for s in t.speakers}["Dr. John Doe"] == "interviewer"


def test_a_label_given_by_the_caller_counts_once():
    text = "Intro text here.\n\nTom: Hello there, how are you?\n\nAnne: Fine."
    with pytest.raises(ParseError):
        qaformat.parse(text)
    given = {"Tom": qaformat.SpeakerSpec(), "Anne": qaformat.SpeakerSpec()}
    t = qaformat.parse(text, options=qaformat.ParseOptions(speakers=given))
    assert [s.name for s in t.speakers] == ["Tom", "Anne"]


def test_no_interview_is_a_parse_error_with_a_line():
    with pytest.raises(ParseError) as caught:
        qaformat.parse("Just an article.\n\nWith two paragraphs.")
    assert caught.value.line == 1 and "no interview found" in str(caught.value)


def test_strict_mode_raises_on_warnings():
    with pytest.raises(ParseError) as caught:
        qaformat.parse(SHORT.replace("Why", "Wh\x00y"), options=qaformat.ParseOptions(strict=True))
    assert caught.value.diagnostics[0].code == "control-character"


def test_read_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        qaformat.read(tmp_path / "nope.txt")


def test_read_folder(tmp_path):
    with pytest.raises(InputError, match="folder"):
        qaformat.read(tmp_path)


def test_unknown_formats_list_the_known_ones():
    with pytest.raises(UnknownFormatError, match=r"known formats: .*json"):
        qaformat.render(qaformat.parse(SHORT), "rtf")
    with pytest.raises(UnknownFormatError, match="markdown"):
        qaformat.parse(SHORT, format="rtf")


def test_write_is_atomic_and_leaves_nothing_on_failure(tmp_path, monkeypatch):
    t = qaformat.parse(SHORT)
    out = tmp_path / "out.json"
    qaformat.write(t, out)
    assert qaformat.load_json(out.read_text(encoding="utf-8")) == t

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    target = tmp_path / "second.json"
    with pytest.raises(InputError, match="No space left"):
        qaformat.write(t, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_write_refuses_existing_file_without_overwrite(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="exists"):
        qaformat.write(qaformat.parse(SHORT), out, overwrite=False)
    assert out.read_text(encoding="utf-8") == "keep me"


def test_convert_never_overwrites_its_input(tmp_path):
    source = tmp_path / "talk.json"
    qaformat.write(qaformat.parse(SHORT), source)
    before = source.read_bytes()
    with pytest.raises(InputError, match="overwrite the input"):
        qaformat.convert(source, source)
    assert source.read_bytes() == before


def test_convert_file_to_json(tmp_path):
    out = qaformat.convert(EXAMPLE, tmp_path / "example.json")
    assert qaformat.load_json(out.read_bytes()).title == qaformat.read(EXAMPLE).title


def test_load_json_refuses_another_major_version():
    data = qaformat.render(qaformat.parse(SHORT), "json").replace('"qaformat": 1', '"qaformat": 2')
    with pytest.raises(InputError, match="version 2"):
        qaformat.load_json(data)


@pytest.mark.parametrize(("bad", "message"), [
    ("{", "not valid JSON"),
    ('{"qaformat": 1, "speakers": [{"id": 3}]}', r"\$.speakers\[0\].id"),
    ('{"qaformat": 1, "sections": [{"line": 1, "turns": [{"kind": "shout", "line": 1}]}]}', "shout"),
    ('{"qaformat": 1, "sections": [{"line": 1, "turns": [{"kind": "answer", "speaker": "ghost", "line": 1}]}]}',
     "ghost"),
])
def test_load_json_names_what_is_wrong(bad, message):
    with pytest.raises(InputError, match=message):
        qaformat.load_json(bad)


def test_read_json_by_content(tmp_path):
    t = qaformat.parse(SHORT)
    path = tmp_path / "saved.txt"  # the suffix says text, the content says our JSON
    path.write_text(qaformat.render(t, "json"), encoding="utf-8")
    assert qaformat.read(path) == t


def test_load_json_replaces_what_xml_cannot_hold_and_reports_it():
    data = qaformat.render(qaformat.parse(SHORT), "json").replace("Why now?", "Why\\u0000 now?\\ud800")
    t = qaformat.load_json(data)
    assert next(t.turns()).paragraphs == ("Why\ufffd now?\ufffd",)
    assert [d.code for d in t.diagnostics] == ["control-character"]
    assert "sections[0].turns[0].paragraphs[0]" in t.diagnostics[0].message
    assert isinstance(qaformat.render(t, "docx"), bytes)  # renders, never a crash
