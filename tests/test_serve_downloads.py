"""Every download the page offers is byte for byte what ``qaformat convert`` writes.

A real server and the real command, both with SOURCE_DATE_EPOCH set (without it a DOCX carries
the time it was made), over several inputs and option sets, every output format.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from qaformat.renderers import RENDERERS
from tests.serving import EXAMPLE, start_server
from tests.test_serve_api import REPRODUCIBLE_BINARY

FIXTURES = Path(__file__).parent / "fixtures"
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}

# (query parameters, the same as `qaformat convert` flags)
OPTION_SETS = [
    ({}, []),
    ({"standalone": "true"}, ["--standalone"]),
    ({"preset": "newsroom", "title": "Keeper of the Light", "note": "Edited for length and clarity."},
     ["--preset", "newsroom", "--title", "Keeper of the Light", "--note", "Edited for length and clarity."]),
    ({"preset": "podcast", "labels": "surname", "tidy": "true",
      "speakers": json.dumps({"RA": {"name": "Ruth A. Adebayo", "role": "interviewer"}, "TW": {"role": "other"}})},
     ["--preset", "podcast", "--labels", "surname", "--tidy", "--speaker", "RA=Ruth A. Adebayo:interviewer",
      "--speaker", "TW=:other"]),
    ({"convention": "colon", "name_speakers": "true", "whole": "true", "labels": "none"},
     ["--convention", "colon", "--name-speakers", "--whole", "--labels", "none"]),
]
GENERAL = 3  # the option sets after these name the example's labels or its convention
INPUTS = [EXAMPLE, FIXTURES / "docx" / "newsroom.docx", FIXTURES / "captions" / "voices.vtt", FIXTURES / "html" / "page.html"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    os.environ.update(EPOCH)  # the server inherits it; restored below
    try:
        live = start_server(tmp_path_factory.mktemp("serve") / "server.log", "--workers", "2")
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    yield live
    live.stop()


def download(server, source: Path, params: dict[str, str]) -> bytes | str:
    """The download's bytes, or the problem's detail (the CLI's message) if the service refused."""
    query = urllib.parse.urlencode({**params, "filename": source.name})
    request = urllib.request.Request(f"{server.url}/v1/convert?{query}", data=source.read_bytes(), method="POST",
                                     headers={"Content-Type": "application/octet-stream"})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.read()
    except urllib.error.HTTPError as refused:
        with refused:
            assert refused.code in (400, 422), refused.code
            return str(json.loads(refused.read())["detail"])


def cli(source: Path, fmt: str, flags: list[str], out: Path) -> bytes | str:
    """The output's bytes, or the one-line error (with the input named as the service names it)."""
    done = subprocess.run([sys.executable, "-m", "qaformat", "convert", str(source), "-t", fmt, "-o", str(out), "--force",
                           *flags], capture_output=True, env={**os.environ, **EPOCH}, timeout=120, check=False)
    if done.returncode == 2:  # a format this input cannot be written in (captions need times)
        # Flags this format does not read are warned about first; the error is the last line.
        *warnings, line = done.stderr.decode().strip().splitlines()
        assert line.startswith("qaformat: error: ") and all(w.startswith("qaformat: warning: ") for w in warnings)
        return line.removeprefix("qaformat: error: ").replace(str(source), source.name)
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_each_download_equals_the_cli_output(server, tmp_path, fmt):
    for source in INPUTS:
        # The later sets name the example's labels; on other inputs the CLI would refuse them.
        for params, flags in OPTION_SETS if source == EXAMPLE else OPTION_SETS[:GENERAL]:
            expected = cli(source, fmt, flags, tmp_path / f"out{RENDERERS[fmt].suffixes[0]}")
            served = download(server, source, {**params, "to": fmt})
            if isinstance(expected, bytes) and RENDERERS[fmt].binary and fmt not in REPRODUCIBLE_BINARY:
                assert isinstance(served, bytes) and served[:4] == expected[:4], (source.name, params)
                continue
            assert served == expected, (source.name, params)


def test_pasted_text_equals_the_cli_on_standard_input(server):
    text = EXAMPLE.read_bytes()
    request = urllib.request.Request(f"{server.url}/v1/convert?to=md", data=text, method="POST",
                                     headers={"Content-Type": "text/plain; charset=utf-8"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        served = answer.read()
    done = subprocess.run([sys.executable, "-m", "qaformat", "convert", "-", "-t", "md"], input=text,
                          capture_output=True, timeout=60, check=False)
    assert served == done.stdout


def test_cli_title_flag_replaces_the_title(tmp_path):
    out = tmp_path / "talk.md"
    done = subprocess.run([sys.executable, "-m", "qaformat", "convert", str(EXAMPLE), "-o", str(out), "--title",
                           "Keeper of the Light"], capture_output=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("# Keeper of the Light\n")
