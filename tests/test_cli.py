"""The command line, run as a user runs it (a subprocess): outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parent.parent / "examples" / "interview.txt"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "qaformat", *args], input=stdin, capture_output=True, cwd=cwd,
                          timeout=60, check=False)


def test_convert_to_json_on_stdout():
    done = run("convert", str(EXAMPLE), "-t", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["qaformat"] == 1 and data["speakers"][0]["name"] == "Tom Whitfield"


def test_stdin_to_stdout():
    done = run("convert", "-", "-t", "json", stdin=EXAMPLE.read_bytes())
    assert done.returncode == 0 and json.loads(done.stdout)["title"].startswith("The Night Shift")


def test_output_format_follows_the_suffix(tmp_path):
    out = tmp_path / "out.json"
    assert run("convert", str(EXAMPLE), "-o", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["qaformat"] == 1


def test_existing_output_needs_force(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("mine", encoding="utf-8")
    done = run("convert", str(EXAMPLE), "-o", str(out))
    assert done.returncode == 2 and b"--force" in done.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    assert run("convert", str(EXAMPLE), "-o", str(out), "--force").returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["qaformat"] == 1


@pytest.mark.parametrize(("content", "message"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(100), b"not a text transcript"),
    (b"", b"no interview found"),
    (b"An article.\n\nNo speakers here.\n", b"no interview found"),
])
def test_bad_input_is_one_line_exit_2_and_no_output(tmp_path, content, message):
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    out = tmp_path / "bad.json"
    done = run("convert", str(source), "-o", str(out))
    assert done.returncode == 2
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"qaformat: error: {source}:1: ")
    assert message in done.stderr and b"Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == [source]


def test_output_equal_to_input_is_refused(tmp_path):
    source = tmp_path / "talk.txt"
    source.write_bytes(EXAMPLE.read_bytes())
    done = run("convert", str(source), "-o", str(source), "-t", "json", "--force")
    assert done.returncode == 2 and b"overwrite the input" in done.stderr
    assert source.read_bytes() == EXAMPLE.read_bytes()


def test_batch_goes_on_past_a_bad_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("nothing to see", encoding="utf-8")
    out = tmp_path / "out"
    done = run("convert", str(EXAMPLE), str(bad), "--out-dir", str(out), "-t", "json")
    assert done.returncode == 1
    assert (out / "interview.json").exists() and not (out / "bad.json").exists()
    assert b"1 converted, 1 failed" in done.stderr


def test_speaker_flag():
    done = run("convert", str(EXAMPLE), "-t", "json", "--speaker", "TW=Tom Whitfield:interviewee")
    speakers = {s["name"]: s["role"] for s in json.loads(done.stdout)["speakers"]}
    assert speakers["Tom Whitfield"] == "interviewee"


def test_bad_speaker_flag_is_a_usage_error():
    done = run("convert", str(EXAMPLE), "--speaker", "no equals sign")
    assert done.returncode == 2 and b"LABEL=Name" in done.stderr


def test_diagnostics_flag():
    data = json.loads(run("convert", str(EXAMPLE), "-t", "json", "--diagnostics").stdout)
    assert any(d["code"] == "outside-interview" for d in data["diagnostics"])


def test_whole_keeps_everything():
    data = json.loads(run("convert", str(EXAMPLE), "-t", "json", "--whole").stdout)
    assert data["skipped"] == []


def test_check_lists_lint_lines():
    done = run("check", str(EXAMPLE))
    assert done.returncode == 0
    first = done.stdout.decode().splitlines()[0]
    path, line, column, rest = first.split(":", 3)
    assert path == str(EXAMPLE) and line.isdigit() and column.isdigit()
    assert rest.split()[0] in {"info", "warning", "error"}


def test_check_json_and_errors(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("nothing to see", encoding="utf-8")
    done = run("check", str(bad), "--format", "json")
    assert done.returncode == 1
    assert json.loads(done.stdout)[0]["severity"] == "error"


def test_speakers_table():
    done = run("speakers", str(EXAMPLE))
    assert done.returncode == 0
    lines = done.stdout.decode().splitlines()
    assert lines[0].split() == ["NAME", "ROLE", "TURNS", "ALIASES"]
    assert lines[1].startswith("Tom Whitfield") and "interviewer" in lines[1] and "TW" in lines[1]


def test_usage_error_exit_2():
    done = run("convert")
    assert done.returncode == 2 and b"usage:" in done.stderr


COMMANDS = ["convert", "check", "presets", "conventions", "formats", "serve", "speakers"]


@pytest.mark.parametrize("args", [("--help",), ("-h", "convert")])
def test_help_lists_every_command_although_a_run_builds_only_its_own(args):
    done = run(*args)
    assert done.returncode == 0, done.stderr
    listed = [line.split()[0] for line in done.stdout.decode().split("COMMAND\n", 1)[1].split("\noptions:")[0].splitlines()
              if line.startswith("    ") and not line.startswith("     ")]
    assert listed == COMMANDS


def test_a_mistyped_command_is_told_every_command():
    done = run("conver", str(EXAMPLE))
    assert done.returncode == 2
    assert done.stderr.decode().splitlines()[-1] == (
        "qaformat: error: argument COMMAND: invalid choice: 'conver' (choose from "
        + ", ".join(f"'{name}'" for name in COMMANDS) + ")")


@pytest.mark.parametrize("command", ["convert", "check", "speakers", "serve"])
def test_each_commands_help_shows_its_own_flags(command):
    done = run(command, "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().startswith(f"usage: qaformat {command} [-h]")
    flag = {"convert": "--out-dir DIR", "check": "--format {text,json}", "speakers": "--convention NAME",
            "serve": "--token-file F"}[command]
    assert flag in done.stdout.decode()


def _batch_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "notes.xyz").write_text("not a transcript suffix", encoding="utf-8")
    return folder


def test_batch_folder_in_parallel(tmp_path):
    folder = _batch_folder(tmp_path)
    out = tmp_path / "out"
    done = run("convert", str(folder), "--out-dir", str(out), "-t", "json", "-j", "2")
    assert done.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "c.json"]
    stderr = done.stderr.decode()
    assert "3 converted, 1 failed" in stderr and "broken.txt:1: this is a PNG image" in stderr
    assert "\r" not in stderr  # no progress bar when standard error is not a terminal


def test_batch_glob_and_several_formats(tmp_path):
    folder = _batch_folder(tmp_path)
    out = tmp_path / "out"
    done = run("convert", str(folder / "[ab].txt"), "--out-dir", str(out), "-t", "json,json")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]


def test_batch_outputs_that_clash_are_refused(tmp_path):
    folder = tmp_path / "in"
    (folder / "x").mkdir(parents=True)
    (folder / "talk.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "x" / "talk.txt").write_bytes(EXAMPLE.read_bytes())
    done = run("convert", str(folder), "--out-dir", str(tmp_path / "out"), "-t", "json")
    assert done.returncode == 2 and b"would both write" in done.stderr


def test_pattern_matching_nothing(tmp_path):
    done = run("convert", str(tmp_path / "*.txt"), "--out-dir", str(tmp_path / "out"))
    assert done.returncode == 2 and b"no file matches" in done.stderr


def test_outputs_get_ordinary_permissions(tmp_path):
    import os
    import stat

    out = tmp_path / "out.json"
    assert run("convert", str(EXAMPLE), "-o", str(out)).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_several_outputs_cannot_share_stdout(tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(EXAMPLE.read_bytes())
    done = run("convert", str(EXAMPLE), str(copy), "-t", "json")
    assert done.returncode == 2 and b"--out-dir" in done.stderr


def test_check_reports_unreadable_input_with_a_code(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    done = run("check", str(bad))
    assert done.returncode == 1
    assert done.stdout.decode().startswith(f"{bad}:1:1: error input-error ")


def test_check_strict_fails_on_warnings_and_lists_them_all():
    done = run("check", str(EXAMPLE), "--strict")
    assert done.returncode == 1
    assert b"warning label-variant" in done.stdout and b"info outside-interview" in done.stdout


def test_a_closed_pipe_is_not_an_error():
    reader = subprocess.Popen([sys.executable, "-m", "qaformat", "check", str(EXAMPLE), str(EXAMPLE), str(EXAMPLE)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None
    reader.stdout.read(10)
    reader.stdout.close()
    _, stderr = reader.communicate(timeout=60)
    assert b"internal error" not in stderr


def test_speaker_flag_can_merge_two_labels_into_one_person():
    text = b"Mr. John Smith: Why?\n\nJane Roe: Because.\n\nSmith: Really?\n\nJane Roe: Yes.\n\nJ. Smith: And?\n\nJane Roe: No."
    done = run("convert", "-", "-t", "json", "--speaker", "J. Smith=Mr. John Smith", stdin=text)
    speakers = json.loads(done.stdout)["speakers"]
    assert [s["name"] for s in speakers] == ["Mr. John Smith", "Jane Roe"]


def test_from_json_round_trips_byte_for_byte(tmp_path):
    first = run("convert", str(EXAMPLE), "-t", "json").stdout
    saved = tmp_path / "saved.data"
    saved.write_bytes(first)
    again = run("convert", str(saved), "--from", "json", "-t", "json")
    assert again.returncode == 0 and again.stdout == first


def test_progress_bar_on_a_terminal(tmp_path):
    import fcntl
    import os
    import pty
    import struct
    import termios

    folder = _batch_folder(tmp_path)
    primary, secondary = pty.openpty()
    # A new pseudo-terminal is 0 columns wide, and tqdm draws nothing in no columns.
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    done = subprocess.run([sys.executable, "-m", "qaformat", "convert", str(folder), "--out-dir", str(tmp_path / "o"),
                           "-t", "json"], stderr=secondary, stdout=subprocess.DEVNULL, timeout=120, check=False)
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(primary)
    assert done.returncode == 1
    assert b"file/s" in shown or b"s/file" in shown  # tqdm's rate, drawn only on a terminal
    assert b"3 converted, 1 failed" in shown


def test_an_empty_placeholder_output_is_filled(tmp_path):
    out = tmp_path / "made-by-mktemp.json"
    out.write_bytes(b"")
    assert run("convert", str(EXAMPLE), "-o", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["qaformat"] == 1


# --- a newcomer's slips: usage errors, warnings, series speaker maps -----------------------------


def test_out_dir_naming_a_file_is_a_usage_error(tmp_path):
    (tmp_path / "talk.txt").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "out").write_text("a file", encoding="utf-8")
    done = run("convert", "talk.txt", "--out-dir", "out", cwd=tmp_path)
    assert done.returncode == 2
    *usage, error = done.stderr.decode().splitlines()
    assert usage[0].startswith("usage: qaformat convert [-h] [-o OUT | --out-dir DIR]")
    assert error == "qaformat: error: --out-dir out: is a file, not a folder"
    assert (tmp_path / "out").read_text(encoding="utf-8") == "a file"


@pytest.mark.parametrize("output", ["folder", "folder/", "new-folder/"])
def test_output_naming_a_folder_is_a_usage_error(tmp_path, output):
    (tmp_path / "talk.txt").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "folder").mkdir()
    done = run("convert", "talk.txt", "-o", output, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines()[-1] == (
        f"qaformat: error: -o {output}: is a folder; name a file, or use --out-dir for a folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "talk.txt"]


def test_an_unknown_flag_after_convert_shows_converts_usage():
    done = run("convert", str(EXAMPLE), "--frobnicate", "-t", "json")
    assert done.returncode == 2 and not done.stdout
    usage, error = done.stderr.decode().split("\n", 1)
    assert usage.startswith("usage: qaformat convert [-h]")
    assert error.endswith("qaformat: error: unrecognized arguments: --frobnicate\n")
    check = run("check", str(EXAMPLE), "--frobnicate")
    assert check.returncode == 2 and check.stderr.decode().startswith("usage: qaformat check [-h]")


def test_an_empty_folder_is_an_error_like_a_pattern_that_matches_nothing(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.xyz").write_text("Q: x\nA: y\n", encoding="utf-8")
    for folder in ("empty", "other"):
        done = run("convert", folder, "--out-dir", "out", "-t", "json", cwd=tmp_path)
        assert done.returncode == 2
        assert done.stderr.decode().startswith(f"qaformat: error: no transcript in folder '{folder}' (suffixes read: ")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("flags", "warning"), [
    (["--template", "house.docx", "-t", "html"], "--template has no effect on html output"),
    (["--standalone", "-t", "docx", "-o", "talk.docx"], "--standalone/--fragment has no effect on docx output"),
    (["--diagnostics", "-t", "md"], "--diagnostics has no effect on md output"),
    (["--jsonld", "-t", "json"], "--jsonld has no effect on json output"),
    (["--pandoc-api", "1.23", "-t", "html"], "--pandoc-api has no effect on html output"),
    (["--note", "  ", "-t", "json"], "--note is empty: no editor's note is added"),
])
def test_a_flag_with_no_effect_on_the_output_is_a_warning(tmp_path, flags, warning):
    (tmp_path / "talk.txt").write_bytes(EXAMPLE.read_bytes())
    done = run("convert", "talk.txt", *flags, cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr.decode().splitlines() == [f"qaformat: warning: {warning}"]


def test_flags_that_take_effect_say_nothing(tmp_path):
    (tmp_path / "talk.txt").write_bytes(EXAMPLE.read_bytes())
    done = run("convert", "talk.txt", "-t", "html,json", "--out-dir", "out", "--standalone", "--diagnostics",
               "--note", "Edited.", "--lang", "en", "--preset", "podcast", cwd=tmp_path)
    assert done.returncode == 0 and b"warning" not in done.stderr


def test_a_speaker_map_for_a_series_works_on_each_episode(tmp_path):
    (tmp_path / "series.toml").write_text(
        '"Speaker 1" = { name = "Jo Tanaka", role = "interviewer" }\n'
        '"Speaker 2" = "Coach Pat Harlow"\n"Speaker 3" = "Mayor Ana Ruiz"\n', encoding="utf-8")
    (tmp_path / "ep1.txt").write_text("Speaker 1: Why?\n\nSpeaker 2: Luck.\n\nSpeaker 1: Really?\n\nSpeaker 2: Yes.\n",
                                      encoding="utf-8")
    (tmp_path / "ep2.txt").write_text("Speaker 1: Why?\n\nSpeaker 3: Money.\n\nSpeaker 1: Really?\n\nSpeaker 3: No.\n",
                                      encoding="utf-8")
    done = run("convert", "ep1.txt", "ep2.txt", "--speakers", "series.toml", "--out-dir", "out", "-t", "json",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    names = {ep: [s["name"] for s in json.loads((tmp_path / "out" / f"{ep}.json").read_text())["speakers"]]
             for ep in ("ep1", "ep2")}
    assert names == {"ep1": ["Jo Tanaka", "Coach Pat Harlow"], "ep2": ["Jo Tanaka", "Mayor Ana Ruiz"]}
    check = run("check", "ep1.txt", "--speakers", "series.toml", cwd=tmp_path)
    assert check.returncode == 0
    assert ("ep1.txt:1:1: info speaker-map-unused speaker map: label 'Speaker 3' matches no speaker label in the"
            " input; perhaps you meant 'Speaker 2'") in check.stdout.decode().splitlines()
    strict = run("check", "ep1.txt", "--speakers", "series.toml", "--strict", cwd=tmp_path)
    assert strict.returncode == 1 and b"ep1.txt:1:1: error speaker-map-unused" in strict.stdout
    refused = run("convert", "ep1.txt", "--speakers", "series.toml", "--strict", cwd=tmp_path)
    assert refused.returncode == 2 and b"speaker-map-unused: speaker map: label 'Speaker 3'" in refused.stderr


_FOUR_TURNS = "Ann Lee: Why?\n\nBob Ray: Because.\n\nAnn Lee: And then?\n\nBob Ray: We left.\n"


@pytest.mark.parametrize("collecting", [True, False])
def test_a_conversion_leaves_the_cyclic_collector_as_it_found_it(tmp_path, collecting):
    """`main` pauses the collector while it converts; a program calling it gets it back as it was,
    after a good file and after a bad one."""
    import gc

    from qaformat.cli import main

    good, bad = tmp_path / "talk.txt", tmp_path / "bad.txt"
    good.write_text(_FOUR_TURNS, encoding="utf-8")
    bad.write_text("nothing labelled here at all\n", encoding="utf-8")
    was = gc.isenabled()
    try:
        (gc.enable if collecting else gc.disable)()
        assert main(["convert", str(good), "-o", str(tmp_path / "talk.html")]) == 0
        assert gc.isenabled() is collecting
        assert main(["convert", str(bad), "-o", str(tmp_path / "bad.html")]) == 2
        assert gc.isenabled() is collecting
        assert not (tmp_path / "bad.html").exists()
    finally:
        (gc.enable if was else gc.disable)()


def test_the_command_freezes_what_is_left_for_its_exit(tmp_path):
    """The process's own entry (`command`, as ``python -m qaformat``) ends with every object
    frozen, so the interpreter's exit does not walk them; `main` itself never freezes."""
    source = tmp_path / "talk.txt"
    source.write_text(_FOUR_TURNS, encoding="utf-8")
    script = ("import gc, sys\nfrom qaformat import cli\nsys.argv = ['qaformat', 'convert', sys.argv[1], '-o', sys.argv[2]]\n"
              "before = gc.get_freeze_count()\nstatus = cli.main(sys.argv[1:])\nafter_main = gc.get_freeze_count()\n"
              "sys.argv[-1] = sys.argv[-1].replace('.html', '-again.html')\nassert cli.command() == status == 0\n"
              "print(before, after_main, gc.get_freeze_count() > 0)")
    done = subprocess.run([sys.executable, "-c", script, str(source), str(tmp_path / "talk.html")],
                          capture_output=True, text=True, check=False)
    assert done.stdout.split() == ["0", "0", "True"], done.stderr
    assert (tmp_path / "talk-again.html").read_text(encoding="utf-8") == (tmp_path / "talk.html").read_text(encoding="utf-8")


def _cyclic_garbage_of_a_conversion(turns: int) -> int:
    import gc

    import qaformat

    lines = [f"Ann Lee: Question {n}, about the harbour?\n\nBob Ray: Answer {n}. It held.\n" for n in range(turns)]
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        transcript = qaformat.parse("\n".join(lines))
        for fmt in ("html", "docx", "json", "md"):
            qaformat.render(transcript, fmt)
        del transcript
        return gc.collect()
    finally:
        if was:
            gc.enable()


def test_a_conversion_leaves_no_cycles_that_grow_with_the_input():
    """Why the command line may pause the collector while it converts: what a conversion leaves
    for it is a fixed handful of objects, not a share of the input."""
    small, large = _cyclic_garbage_of_a_conversion(20), _cyclic_garbage_of_a_conversion(2000)
    assert large <= small + 20, (small, large)
