"""The PHP (WordPress plugin) and Node clients against a real ``qaformat serve`` on 127.0.0.1.

Each client converts through the service and must hand back exactly what the library renders;
a refused transcript must come back as the service's code and one-line message. Every PHP file
of the plugin must pass ``php -l``.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import qaformat
from qaformat.options import RenderOptions
from qaformat.presets import apply_preset
from tests.conftest import need_program
from tests.serving import EXAMPLE, ROOT, start_server

pytestmark = pytest.mark.external

PLUGIN = ROOT / "examples" / "wordpress-plugin"
NODE_CLIENT = ROOT / "examples" / "node-client"
TOKEN = "client-test-token-0123456789"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    token = folder / "token"
    token.write_text(TOKEN + "\n", encoding="utf-8")
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"  # the DOCX bytes are compared
    try:
        live = start_server(folder / "server.log", "--workers", "2", "--token-file", str(token))
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    yield live
    live.stop()


def php_client(server, *args: str, token: str = TOKEN) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([need_program("php"), str(PLUGIN / "bin" / "qaformat-convert.php"), server.url, *args],
                          capture_output=True, env={**os.environ, "QAFORMAT_TOKEN": token}, timeout=120, check=False)


def node_client(server, *args: str, token: str = TOKEN) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([need_program("node"), str(NODE_CLIENT / "convert.mjs"), server.url, *args],
                          capture_output=True, env={**os.environ, "QAFORMAT_TOKEN": token}, timeout=120, check=False)


def expected(fmt: str, options: RenderOptions | None = None, path: Path = EXAMPLE) -> bytes:
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    try:
        content = qaformat.render(qaformat.read(path), fmt, options)
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
    return content if isinstance(content, bytes) else content.encode("utf-8")


def test_every_php_file_passes_php_lint():
    files = sorted(PLUGIN.rglob("*.php"))
    assert len(files) >= 4
    for path in files:
        done = subprocess.run([need_program("php"), "-l", str(path)], capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("client", [php_client, node_client])
@pytest.mark.parametrize("fmt", ["html", "md", "json", "docx"])
def test_client_output_is_what_the_library_renders(server, client, fmt):
    done = client(server, fmt, str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected(fmt)


@pytest.mark.parametrize("client", [php_client, node_client])
def test_client_sends_options_and_a_speaker_map(server, client):
    query = "preset=newsroom&title=Keeper&speakers=" + '{"RA":{"role":"interviewer"}}'
    done = client(server, "html", str(EXAMPLE), query)
    assert done.returncode == 0, done.stderr
    page = done.stdout.decode()
    assert '<h1 class="qa-title">Keeper</h1>' in page
    assert 'class="qa-turn qa-question" data-speaker="ruth-adebayo"' in page


@pytest.mark.parametrize("client", [php_client, node_client])
def test_client_reports_the_service_refusal_in_one_line(server, client, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Just an article.\n\nNobody speaks.\n", encoding="utf-8")
    done = client(server, "html", str(article))
    assert done.returncode == 2 and done.stdout == b""
    with pytest.raises(qaformat.ParseError) as refused_here:
        qaformat.parse(article.read_bytes(), source="article.txt")
    # The service says it as the library does, in the words of its request parameters.
    said_here = str(refused_here.value).replace("ParseOptions(speakers=...)", "the speakers parameter")
    assert done.stderr.decode() == f"qaformat: error: no-interview (422): {said_here}\n"
    refused = client(server, "html", str(EXAMPLE), token="wrong-token-0123456789")
    assert refused.returncode == 2 and refused.stderr.decode().startswith("qaformat: error: unauthorized (401): ")


def test_plugin_block_markup(server):
    done = php_client(server, "block", str(EXAMPLE), "preset=newsroom")
    assert done.returncode == 0, done.stderr
    markup = done.stdout.decode()
    if "wordpress" in qaformat.renderers.RENDERERS:
        assert markup.encode() == expected("wordpress", apply_preset("newsroom", {}))
    else:  # until the service has native blocks: its fragment in one Custom HTML block
        fragment = expected("html", apply_preset("newsroom", {"standalone": False})).decode()
        assert markup == "<!-- wp:html -->\n" + fragment.rstrip("\n") + "\n<!-- /wp:html -->\n"
