"""Take docs/images/serve-page.png: the editor's page with the bundled example loaded.

Starts ``qaformat serve`` on 127.0.0.1, drives the system's Chromium with Playwright (no browser
download), and stops the server. Run from docs/make_screenshots.sh.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def main() -> None:
    log = ROOT / "docs" / "images" / ".serve.log"
    with open(log, "wb") as handle:
        server = subprocess.Popen([sys.executable, "-m", "qaformat", "serve", "--port", "0", "--workers", "1"],
                                  stdout=handle, stderr=subprocess.STDOUT)
    try:
        url = None
        for _ in range(600):
            found = re.search(r"serving on (http://\S+)/", log.read_text())
            if found:
                url = found.group(1)
                break
            time.sleep(0.1)
        assert url, log.read_text()
        browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=browser_path, args=FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url + "/")
            page.set_input_files("#file", str(ROOT / "examples" / "interview.txt"))
            page.select_option("#labels", "initials")
            expect(page.locator("#preview .qa-speaker", has_text="TW:").first).to_be_visible()
            expect(page.locator("#status")).to_contain_text("Formatted")
            page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
            page.screenshot(path=str(ROOT / "docs" / "images" / "serve-page.png"))
            browser.close()
    finally:
        server.terminate()
        server.wait(30)
        log.unlink()
    print("wrote docs/images/serve-page.png")


if __name__ == "__main__":
    main()
