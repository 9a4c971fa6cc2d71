"""The editor's page in a real Chromium, driven by Playwright against a real ``qaformat serve``.

Upload a transcript, see its turns with the ``qa-*`` classes, change a speaker's role and see
the preview change, download the DOCX and open it; the same by keyboard alone; errors in plain
words; readable on a phone; labels, contrast and focus styles (WCAG 2.1 AA); nothing blocked
by the page's Content-Security-Policy.
"""

from __future__ import annotations

import io

import docx
import pytest
from playwright.sync_api import Page, expect, sync_playwright

import qaformat
from tests.browser import CHROMIUM_FLAGS, chromium_path
from tests.serving import EXAMPLE, start_server

pytestmark = pytest.mark.external


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    live = start_server(tmp_path_factory.mktemp("serve") / "server.log", "--workers", "2")
    yield live
    live.stop()


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.goto(server.url + "/")
    expect(opened.locator("#downloads button")).to_have_count(len(qaformat.renderers.RENDERERS) + 1)
    opened.problems = problems  # type: ignore[attr-defined]
    yield opened
    context.close()
    assert problems == []  # no script error, no request refused by the Content-Security-Policy


def test_upload_preview_change_role_and_download_docx(page: Page, tmp_path):
    expected = qaformat.read(EXAMPLE)
    page.set_input_files("#file", str(EXAMPLE))
    turns = page.locator("#preview article.qa-interview .qa-turn")
    expect(turns).to_have_count(sum(1 for _ in expected.turns()))
    expect(page.locator("#preview .qa-title")).to_have_text(expected.title or "")
    ruth = 'div.qa-turn[data-speaker="ruth-adebayo"]'
    kinds = [turn.kind.value for turn in expected.turns() if turn.speaker == "ruth-adebayo"]
    assert page.locator(f"{ruth}.qa-answer").count() == kinds.count("answer") > 0
    assert page.locator(f"{ruth}.qa-question").count() == 0
    expect(page.locator("#speakers tbody tr")).to_have_count(2)
    expect(page.locator("#speaker-turns-1")).to_have_text(str(len(kinds)))
    assert page.locator("#diagnostics li").count() >= 1
    expect(page.locator("#convention")).to_contain_text("Convention: read as 'colon'")  # the chosen convention, beside the preview

    page.select_option("#speaker-role-1", "interviewer")  # Ruth Adebayo asks now
    expect(page.locator(f"{ruth}.qa-answer")).to_have_count(0)
    assert page.locator(f"{ruth}.qa-question").count() >= kinds.count("answer") - 1  # her closing thanks may be a remark

    with page.expect_download() as caught:
        page.click("#downloads button[data-format=docx]")
    download = caught.value
    assert download.suggested_filename == "interview.docx"
    saved = tmp_path / "interview.docx"
    download.save_as(saved)
    document = docx.Document(io.BytesIO(saved.read_bytes()))
    ruth_paragraphs = [p for p in document.paragraphs if p.text.startswith("Ruth Adebayo:")]
    styles = [p.style.name for p in ruth_paragraphs]
    assert styles.count("QA Question") >= kinds.count("answer") - 1 and set(styles) <= {"QA Question", "QA Interviewer Remark"}
    assert document.core_properties.title == expected.title

    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click("#copy-fragment")
    expect(page.locator("#status")).to_have_text("The HTML fragment is on the clipboard.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith('<article class="qa-interview"') and 'data-speaker="ruth-adebayo"' in copied
    assert copied.strip() == page.locator("#preview").inner_html().strip()


def test_keyboard_alone(page: Page):
    page.keyboard.press("Tab")  # the skip link first
    assert page.evaluate("document.activeElement.className") == "skip-link"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "paste":
            break
    assert page.evaluate("document.activeElement.id") == "paste"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineWidth")
    assert outline == "3px"  # a visible focus style
    page.keyboard.insert_text(EXAMPLE.read_text(encoding="utf-8"))
    expect(page.locator("#preview .qa-turn").first).to_be_visible()
    while page.evaluate("document.activeElement.id") != "speaker-role-0":
        page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # interviewer -> interviewee
    tom = 'div.qa-turn[data-speaker="tom-whitfield"]'
    expect(page.locator(f"{tom}.qa-answer").first).to_be_visible()
    expect(page.locator(f"{tom}.qa-question")).to_have_count(0)


def test_errors_are_plain_words(page: Page):
    page.fill("#paste", "Just an article about the harbour.\n\nNobody speaks in it.\n")
    error = page.locator("#error")
    expect(error).to_be_visible()
    text = error.inner_text()
    assert text.startswith("<input>:1: no interview found") and "Traceback" not in text and "\n" not in text
    assert page.locator("#downloads button:enabled").count() == 0
    # The browser logs the 422 it was given; nothing else may be logged.
    assert page.problems == ["Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"]
    page.problems.clear()


def test_readable_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    phone = context.new_page()
    phone.goto(server.url + "/")
    phone.set_input_files("#file", str(EXAMPLE))
    expect(phone.locator("#preview .qa-turn").first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375  # nothing runs off the side
    size = phone.evaluate("parseFloat(getComputedStyle(document.querySelector('#preview .qa-answer p')).fontSize)")
    assert size >= 16
    context.close()


# Contrast as WCAG 2.1 computes it, for every element that holds text: its colour against the
# first opaque background behind it.
CONTRAST = """() => {
  const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const parse = (text) => text.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const element of document.querySelectorAll("body *")) {
    const own = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(element);
    if (!own || style.visibility === "hidden" || style.display === "none" || !element.getClientRects().length) continue;
    const fg = luminance(parse(style.color)), bg = luminance(background(element));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) low.push(element.tagName + "." + element.className + " " + ratio.toFixed(2));
  }
  return low;
}"""


def test_labels_contrast_and_landmarks(page: Page):
    page.set_input_files("#file", str(EXAMPLE))
    expect(page.locator("#speakers tbody tr")).to_have_count(2)
    page.locator("details.token").evaluate("d => d.open = true")
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea, button')]
        .filter((c) => !(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.textContent.trim())
        .map((c) => c.outerHTML)""")
    assert unlabelled == []
    assert page.evaluate(CONTRAST) == []
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("main").count() == 1 and page.locator("h1").count() >= 1


def test_api_docs_page_tries_an_endpoint(browser, server):
    context = browser.new_context()
    docs = context.new_page()
    docs.goto(server.url + "/docs")
    expect(docs.locator("section.operation")).to_have_count(8)
    health = docs.locator("section.operation", has_text="/healthz")
    health.locator("summary").click()
    health.locator("button[type=submit]").click()
    expect(health.locator("pre.answer")).to_contain_text('"status":"ok"')
    assert docs.evaluate(CONTRAST) == []
    context.close()


def test_drop_a_file_and_set_the_options(page: Page):
    # A file dropped on the box, as a browser delivers it.
    page.evaluate("""(text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], "interview.txt", {type: "text/plain"}));
        document.getElementById("drop-zone").dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true}));
    }""", EXAMPLE.read_text(encoding="utf-8"))
    expect(page.locator("#preview .qa-turn").first).to_be_visible()
    page.select_option("#labels", "initials")
    expect(page.locator("#preview .qa-speaker", has_text="TW:").first).to_be_visible()
    page.fill("#title", "Keeper of the Light")
    expect(page.locator("#preview .qa-title")).to_have_text("Keeper of the Light")
    page.fill("#note", "Edited for length.")
    expect(page.locator("#preview .qa-intro .qa-note")).to_have_text("Edited for length.")
    page.select_option("#preset", "magazine")
    expect(page.locator("#preview .qa-question b").first).to_be_visible()  # the magazine style's bold questions
    page.fill("#speaker-name-0", "Tom R. Whitfield")
    page.keyboard.press("Tab")  # a name is taken when the field is left
    expect(page.locator("#preview .qa-speaker", has_text="Tom R. Whitfield:")).to_have_count(1)
