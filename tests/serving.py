"""A real ``qaformat serve`` for tests: started as a user starts it, on 127.0.0.1 only.

The server binds port 0 and reports the port it got; `LiveServer.stop` sends SIGTERM and waits,
as a service manager does.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import attrs

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "interview.txt"


@attrs.define
class LiveServer:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def stop(self, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def start_server(log: Path, *flags: str) -> LiveServer:
    """Start ``qaformat serve --host 127.0.0.1 --port 0 FLAGS`` and wait until it answers."""
    handle = open(log, "wb")
    process = subprocess.Popen([sys.executable, "-m", "qaformat", "serve", "--host", "127.0.0.1", "--port", "0", *flags],
                               stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    handle.close()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = re.search(r"serving on (http://127\.0\.0\.1:\d+/)", log.read_text(encoding="utf-8", errors="replace"))
        if found:
            url = found.group(1).rstrip("/")
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=5) as answer:
                    if answer.status == 200:
                        return LiveServer(process, url, log)
            except OSError:
                pass
        if process.poll() is not None:
            raise AssertionError(f"qaformat serve stopped: {log.read_text(encoding='utf-8', errors='replace')}")
        time.sleep(0.1)
    process.kill()
    raise AssertionError("qaformat serve did not start within 60 s")
