"""Playwright on the system's Chromium (the Debian ``chromium`` package; no browser download).

`chromium_path` skips where Chromium is missing on a developer's machine and fails under CI,
as `need_program` does for every external program.
"""

from __future__ import annotations

import shutil

from tests.conftest import need_program

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def chromium_path() -> str:
    """The Chromium to drive (Debian installs it as ``chromium``)."""
    return shutil.which("chromium-browser") or need_program("chromium")
