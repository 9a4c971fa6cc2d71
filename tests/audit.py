"""The accessibility audit: axe-core run by Playwright in the system's Chromium, on any page.

axe-core (the engine behind Lighthouse's accessibility score) comes from npm, pinned in
``tests/a11y/package-lock.json``; `need_axe` installs it with ``npm ci`` the first time (and
``.ci/run`` does, before the tests). Playwright drives Debian's ``/usr/bin/chromium`` (or the
``chromium`` on the PATH); its own browser download is never used. Both skip on a developer's
machine where they are missing and fail under ``CI``, like every external program here.

Point `Auditor.audit_html` at HTML text, or `Auditor.audit_url` at a page a server answers (the
``serve`` page, say), or drive `Auditor.page` (a Playwright page) and call `Auditor.audit`; each
returns axe's violations for the WCAG 2.0 and 2.1 A and AA rules and the best practices, as
short readable lines (an empty list: no violation).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, need_program

AXE_FOLDER = ROOT / "tests" / "a11y"
AXE_SCRIPT = AXE_FOLDER / "node_modules" / "axe-core" / "axe.min.js"
RULE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run")


def _unavailable(why: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{why} (.ci/run installs it)")
    pytest.skip(why)


def need_axe() -> Path:
    """axe.min.js, installed from the lock file with ``npm ci`` where it is not yet."""
    if AXE_SCRIPT.exists():
        return AXE_SCRIPT
    npm = need_program("npm")
    done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--silent"], cwd=AXE_FOLDER,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0 or not AXE_SCRIPT.exists():
        _unavailable(f"axe-core could not be installed with npm ci: {done.stderr.strip()[-300:]}")
    return AXE_SCRIPT


def need_chromium() -> str:
    """The system's Chromium (Debian names it chromium)."""
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return need_program("chromium")


class Auditor:
    """One browser page that loads HTML or a URL, then runs axe-core over it."""

    def __init__(self, page: Any, axe: str):
        self.page = page
        self._axe = axe

    def audit_html(self, html: str) -> list[str]:
        """The violations on a page made of this HTML."""
        self.page.set_content(html, wait_until="load")
        return self.audit()

    def audit_url(self, url: str) -> list[str]:
        """The violations on the page at this URL (after it has loaded)."""
        self.page.goto(url, wait_until="load")
        return self.audit()

    def audit(self) -> list[str]:
        """The violations on the page as it is now: after `page` has been used to fill in a
        form, open a panel or wait for a preview, say."""
        if not self.page.evaluate("() => typeof axe !== 'undefined'"):
            self.page.add_script_tag(content=self._axe)
        options = {"runOnly": {"type": "tag", "values": list(RULE_TAGS)}, "resultTypes": ["violations"]}
        result = self.page.evaluate("options => axe.run(document, options)", options)
        return [f"{v['id']} ({v['impact']}): {v['help']} at {json.dumps([n['target'] for n in v['nodes']][:5])}"
                for v in result["violations"]]


@contextmanager
def auditor() -> Iterator[Auditor]:
    """A headless Chromium with one page, ready to audit."""
    axe = need_axe().read_text(encoding="utf-8")
    chromium = need_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_FLAGS))
        try:
            # axe-core is injected as a script: a page's Content-Security-Policy (the serve page
            # allows only its own scripts) must not block the auditor.
            yield Auditor(browser.new_page(bypass_csp=True), axe)
        finally:
            browser.close()
