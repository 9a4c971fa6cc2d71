"""The editor's tools: check's findings, speaker maps, presets, and the editor's note option."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import qaformat
from qaformat.errors import InputError, ParseError, UnknownFormatError
from qaformat.options import LabelStyle
from qaformat.presets import PRESETS, apply_preset
from qaformat.speakermap import parse_speaker_map

EXAMPLE = Path(__file__).parent.parent / "examples" / "interview.txt"
SLIPS = ("Emily Carter: Why now? It is late.\n\nDr. Alexander Petrov: Because.\n\nEmily carter: Really?\n\n"
         "Dr. alexander Petrov: yes. it is (mostly. And “quoted.\n\nthe Next Part\n\nEmily Carter: And then?\n\n"
         "Dr. Alexander Petrov: Why would I know? Who knows?\n\nEmily Carter: " + "Tell me more. " * 30)


def codes(text: str) -> dict[str, list[int | None]]:
    found: dict[str, list[int | None]] = {}
    for diagnostic in qaformat.parse(text).diagnostics:
        found.setdefault(diagnostic.code, []).append(diagnostic.line)
    return found


def test_check_finds_what_an_editor_wants_to_know():
    found = codes(SLIPS)
    assert found["label-variant"] == [5, 7]
    assert 7 in found["lowercase-start"]  # "yes. it is"
    assert found["lowercase-heading"] == [9]
    assert found["unbalanced"] == [7, 7]  # "(" and "“"
    assert found["role-doubt"] == [13, 15]  # an answer that only asks; a long question that asks nothing


def test_check_command_json_format():
    done = subprocess.run([sys.executable, "-m", "qaformat", "check", "-", "--format", "json"], input=SLIPS.encode(),
                          capture_output=True, check=False)
    items = json.loads(done.stdout)
    assert {"file", "line", "column", "severity", "code", "message"} <= set(items[0])
    assert any(i["code"] == "label-variant" and i["line"] == 5 and i["file"] == "<stdin>" for i in items)


def test_speaker_map_toml():
    specs = parse_speaker_map('"Speaker 1" = { name = "Jane Roe", role = "interviewee", description = "Mayor" }\n'
                              'EC = "Emily Carter"\n')
    assert specs["Speaker 1"].name == "Jane Roe" and specs["Speaker 1"].role is qaformat.Role.INTERVIEWEE
    assert specs["EC"].name == "Emily Carter" and specs["EC"].role is None


@pytest.mark.parametrize(("toml", "message"), [
    ("x = { nme = 'a' }", "unknown field"),
    ("x = { role = 'boss' }", "unknown role"),
    ("x = [1, 2]", "should be a name or a table"),
    ("x = {", "not valid TOML"),
])
def test_speaker_map_errors(toml, message):
    with pytest.raises(InputError, match=message):
        parse_speaker_map(toml)


def test_speaker_map_applies_before_inference_and_unknown_labels_are_info_or_strict_errors():
    text = "Speaker 1: So how did it go?\n\nSpeaker 2: Well.\n\nSpeaker 1: Why?\n\nSpeaker 2: Luck."
    specs = parse_speaker_map('"Speaker 2" = { name = "Jane Roe", role = "interviewer" }')
    t = qaformat.parse(text, options=qaformat.ParseOptions(speakers=specs))
    assert {s.name: s.role.value for s in t.speakers} == {"Speaker 1": "interviewee", "Jane Roe": "interviewer"}
    series_map = parse_speaker_map('"Speaker 3" = "X"')  # another episode's guest
    episode = qaformat.parse(text, options=qaformat.ParseOptions(speakers=series_map))
    unused = [d for d in episode.diagnostics if d.code == "speaker-map-unused"]
    assert [(d.severity.value, d.line) for d in unused] == [("info", 1)]
    assert "label 'Speaker 3' matches no speaker label in the input; perhaps you meant 'Speaker 2'" in unused[0].message
    assert [s.name for s in episode.speakers] == ["Speaker 1", "Speaker 2"]
    with pytest.raises(ParseError, match="perhaps you meant 'Speaker 2'") as strict:
        qaformat.parse(text, options=qaformat.ParseOptions(speakers=series_map, strict=True))
    assert [(d.severity.value, d.code) for d in strict.value.diagnostics] == [("error", "speaker-map-unused")]


def test_presets_and_explicit_options_win():
    assert set(PRESETS) >= {"newsroom", "podcast", "oral-history", "plain"}
    newsroom = apply_preset("newsroom", {})
    assert newsroom.labels is LabelStyle.INITIALS and not newsroom.standalone
    assert apply_preset("newsroom", {"labels": LabelStyle.FULL, "standalone": None}).labels is LabelStyle.FULL
    with pytest.raises(UnknownFormatError, match="newsroom"):
        apply_preset("tabloid", {})


def test_presets_command_lists_them():
    done = subprocess.run([sys.executable, "-m", "qaformat", "presets"], capture_output=True, check=False)
    assert done.returncode == 0
    assert [line.split()[0] for line in done.stdout.decode().splitlines() if not line.startswith(" ")] == list(PRESETS)


@pytest.mark.parametrize("fmt", ["html", "md", "json", "docx"])
def test_editors_note_in_every_format(fmt):
    import io

    note = "This interview has been edited for length and clarity."
    rendered = qaformat.render(qaformat.read(EXAMPLE), fmt, qaformat.RenderOptions(note=note))
    if fmt == "docx":
        import docx

        texts = [p.text for p in docx.Document(io.BytesIO(rendered)).paragraphs]  # type: ignore[arg-type]
        assert note in texts
        assert texts.index(note) < next(i for i, t in enumerate(texts) if t.startswith("Tom Whitfield:"))
    elif fmt == "json":
        assert json.loads(rendered)["metadata"]["editor_note"] == note
    else:
        assert note in rendered
        assert rendered.index(note) < rendered.index("how did you end up here")


REPEATED = ("Emily Carter: Why now?  It is late.\n\nDr. Alexander Petrov: Because.\n\nEmily carter: Really?\n\n"
            "Dr. alexander Petrov: yes. it is (mostly. And “quoted.\n\nEmily carter: Hm.\n\n"
            "Dr. Alexander Petrov: Who knows? the allies.this and Iran,which\nwent on,so far  (and)).\n\n"
            "Emily Carter: [00:12] Emily carter: fine.\n\nEmily carter: Again.\n")


def test_check_points_at_each_slip_and_lists_every_occurrence(tmp_path):
    path = tmp_path / "slips.txt"
    path.write_text(REPEATED, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "qaformat", "check", str(path)], capture_output=True, text=True,
                          check=False)
    decisions = ("role-inferred", "convention", "title-found", "language-guessed")  # decisions, not slips
    found = [line.removeprefix(f"{path}:") for line in done.stdout.splitlines()
             if not any(f" info {code} " in line for code in decisions)]
    assert found == [
        "1:23: info tidy-spaces run of 2 spaces found",
        "5:1: warning label-variant label 'Emily carter' looks like a slip for 'Emily Carter'",
        "7:1: warning label-variant label 'Dr. alexander Petrov' looks like a slip for 'Dr. Alexander Petrov'",
        "7:23: info lowercase-start paragraph starts in lower case: 'yes. it is (mostly. And “quote'",
        "7:28: info lowercase-start sentence starts in lower case: 'yes. it'",
        "7:34: warning unbalanced ( is never closed: '(mostly. And “quoted.'…",
        "7:47: warning unbalanced “ is never closed: '“quoted.'…",
        "9:1: warning label-variant label 'Emily carter' looks like a slip for 'Emily Carter'",
        "11:34: info lowercase-start sentence starts in lower case: 'knows? the'",
        "11:44: info tidy-space-after-punctuation space missing after punctuation in 'allies.this'",
        "11:58: info tidy-space-after-punctuation space missing after punctuation in 'Iran,which'",
        "12:8: info tidy-space-after-punctuation space missing after punctuation in 'on,so'",
        "12:15: info tidy-spaces run of 2 spaces found",
        "12:22: warning unbalanced ) closes nothing: ').'…",
        "16:1: warning label-variant label 'Emily carter' looks like a slip for 'Emily Carter'",
    ], "\n".join(found)
