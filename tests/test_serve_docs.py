"""The curl examples of docs/serve.md, run against a live server: the output shown is the output.

``pytest --regen`` rewrites each example's output from a fresh run; review the diff.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT, need_program
from tests.serving import start_server

pytestmark = pytest.mark.external

DOC = ROOT / "docs" / "serve.md"
EXAMPLE = re.compile(r"```console\n\$ (curl [^\n]*http://127\.0\.0\.1:8000[^\n]*)\n(.*?)```", re.S)
SHOWN_URL = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    live = start_server(tmp_path_factory.mktemp("serve") / "server.log", "--workers", "2")
    yield live
    live.stop()


def run(command: str, url: str, folder) -> str:
    # A copy of examples/ in a scratch folder: an example may write a file beside it.
    shutil.copytree(ROOT / "examples", folder / "examples", dirs_exist_ok=True)
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command.replace(SHOWN_URL, url)], cwd=folder,
                          capture_output=True, text=True, timeout=120, check=False)
    # When `| head` closes the pipe early, the writer dies of SIGPIPE (141), or, being curl, which
    # ignores the signal, reports that it could not write the rest (23): both are the pipe's doing.
    closed_pipe = (141, 23) if "| head" in command else ()
    assert done.returncode == 0 or done.returncode in closed_pipe, done.stderr
    return done.stdout


def test_the_curl_examples_show_what_the_server_answers(server, tmp_path, regen):
    need_program("curl")
    text = DOC.read_text(encoding="utf-8")
    examples = list(EXAMPLE.finditer(text))
    assert len(examples) >= 10
    if regen:
        def fill(match: re.Match[str]) -> str:
            return f"```console\n$ {match.group(1)}\n{run(match.group(1), server.url, tmp_path)}```"

        DOC.write_text(EXAMPLE.sub(fill, text), encoding="utf-8")
        return
    for match in examples:
        assert match.group(2).strip(), f"no output shown for: {match.group(1)} (run pytest --regen)"
        assert run(match.group(1), server.url, tmp_path) == match.group(2), match.group(1)
