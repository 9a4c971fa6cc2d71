"""``qaformat serve`` as a process: start-up checks, the body limit on the wire, access logs,
a graceful stop, and a core package that never loads the web stack."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from tests.serving import EXAMPLE, start_server

# uvicorn ends a graceful stop by raising the signal again, as a service manager expects.
STOPPED = (0, -signal.SIGTERM)


def serve(*flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qaformat", "serve", *flags], capture_output=True, text=True,
                          timeout=60, check=False)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    live = start_server(tmp_path_factory.mktemp("serve") / "server.log", "--workers", "2", "--max-bytes", "1000000")
    yield live
    live.stop()


def test_core_never_imports_the_web_stack():
    code = (
        "import sys, qaformat, qaformat.cli\n"
        "t = qaformat.read('examples/interview.txt')\n"
        "for fmt in ('html', 'docx', 'md', 'json'): qaformat.render(t, fmt)\n"
        "qaformat.cli.main(['check', 'examples/interview.txt'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'multipart',"
        " 'python_multipart', 'anyio', 'httpx', 'qaformat.serve') or m.startswith('qaformat.serve'))\n"
        "print(loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=EXAMPLE.parent.parent,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_without_the_extra_serve_says_what_to_install():
    code = ("import sys\nsys.modules['starlette'] = None\nsys.modules['uvicorn'] = None\n"
            "from qaformat.cli import main\nsys.exit(main(['serve']))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        done.stderr.strip(),
    ] and "pip install 'qaformat[serve]'" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(("flags", "message"), [
    (["--host", "0.0.0.0"], "refusing to listen on 0.0.0.0 without --token-file"),
    (["--host", "192.0.2.10"], "refusing to listen on 192.0.2.10 without --token-file"),
    (["--workers", "0"], "--workers must be at least 1"),
    (["--port", "70000"], "--port must be 0 to 65535"),
    (["--time-limit", "0"], "--time-limit must be more than 0 seconds"),
    (["--cors", "cms.example"], "--cors wants an origin"),
    (["--token-file", "/nonexistent/token"], "cannot read the token file"),
])
def test_unsafe_or_bad_settings_are_refused_in_one_line(flags, message):
    done = serve(*flags)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("qaformat: error: ") and message in lines[0]


def test_a_short_token_is_refused(tmp_path):
    token = tmp_path / "token"
    token.write_text("short\n", encoding="utf-8")
    done = serve("--token-file", str(token))
    assert done.returncode == 2 and "at least 16 characters" in done.stderr


def test_a_token_file_guards_the_api(tmp_path):
    token = tmp_path / "token"
    token.write_text("a-long-enough-token-1234\n", encoding="utf-8")
    live = start_server(tmp_path / "server.log", "--workers", "1", "--token-file", str(token))
    try:
        request = urllib.request.Request(f"{live.url}/v1/formats")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 401
        refused.value.close()
        request.add_header("Authorization", "Bearer a-long-enough-token-1234")
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert answer.status == 200
    finally:
        assert live.stop() in STOPPED


def raw_request(url: str, head: bytes, body_chunks: list[bytes]) -> tuple[bytes, int]:
    """Send a request by hand; returns (the response, how many body chunks went out before it came)."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(head)
        sent = 0
        connection.settimeout(0.05)
        answer = b""
        for chunk in body_chunks:
            try:
                answer += connection.recv(65536)
                if answer:
                    break
            except TimeoutError:
                pass
            try:
                connection.sendall(chunk)
            except OSError:
                break
            sent += 1
        connection.settimeout(30)
        while b"\r\n\r\n" not in answer:
            more = connection.recv(65536)
            if not more:
                break
            answer += more
        return answer, sent


def test_a_declared_length_over_the_limit_is_refused_before_the_body(server):
    head = b"POST /v1/convert HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5000000\r\n\r\n"
    answer, sent = raw_request(server.url, head, [b"x" * 100_000] * 50)
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert sent < 50


def test_a_streamed_body_is_refused_while_it_comes_in(server):
    head = b"POST /v1/convert HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunk = b"%x\r\n%s\r\n" % (100_000, b"y" * 100_000)
    answer, sent = raw_request(server.url, head, [chunk] * 100)  # 10 MB offered against a 1 MB limit
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert sent < 40, f"{sent} chunks went out before the refusal"


def test_access_log_has_one_json_line_per_request(server):
    with urllib.request.urlopen(f"{server.url}/v1/presets", timeout=30) as answer:
        size = len(answer.read())
    time.sleep(0.2)
    entries = [json.loads(line) for line in server.log_text().splitlines() if line.startswith("{")]
    entry = next(e for e in reversed(entries) if e["path"] == "/v1/presets")
    assert entry["method"] == "GET" and entry["status"] == 200 and entry["bytes"] == size and entry["ms"] >= 0


def test_sigterm_lets_the_request_in_flight_finish(tmp_path):
    live = start_server(tmp_path / "server.log", "--workers", "1")
    turn = ("Emily Carter: How did the harbour change over the years?\n\n"
            "Dr. Alexander Petrov: A great deal. [laughs] The budget went up by 3.5 percent.\n\n")
    body = (turn * (1_500_000 // len(turn))).encode()
    result = {}

    def convert():
        request = urllib.request.Request(f"{live.url}/v1/convert?to=json", data=body, method="POST",
                                         headers={"Content-Type": "text/plain"})
        with urllib.request.urlopen(request, timeout=120) as answer:
            result["status"] = answer.status
            result["turns"] = sum(len(s["turns"]) for s in json.loads(answer.read())["sections"])

    thread = threading.Thread(target=convert)
    thread.start()
    time.sleep(0.5)  # the request is in flight: the body is sent and the worker is parsing
    assert live.stop(timeout=120) in STOPPED
    thread.join()
    assert result == {"status": 200, "turns": 2 * (1_500_000 // len(turn))}
    assert "Traceback" not in live.log_text()
