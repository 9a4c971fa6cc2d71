"""Accessibility: axe-core in Chromium finds nothing on our pages; contrast, focus, structure.

The browser tests audit the standalone page of every golden case as stored (the files users
see), and pages rendered with the options that change markup. ``tests/audit.py`` holds the
helper; it audits any HTML or URL.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterator

import attrs
import lxml.etree
import lxml.html
import pytest

import qaformat
from qaformat.options import LabelStyle, RenderOptions
from qaformat.renderers.html import render_html, stylesheet
from tests.audit import Auditor, auditor
from tests.builders import a, interview, load_case, q
from tests.conftest import GOLDEN, golden_cases

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Auditor]:
    with auditor() as audit:
        yield audit


@pytest.mark.external
@pytest.mark.parametrize("case", golden_cases())
def test_golden_pages_pass_axe(browser: Auditor, case: str) -> None:
    page = (GOLDEN / case / "expected.page.html").read_text(encoding="utf-8")
    assert browser.audit_html(page) == []


VARIANTS = {
    "timestamps, initials, bold questions": RenderOptions(standalone=True, timestamps=True, labels=LabelStyle.INITIALS,
                                                          bold_questions=True, note="Edited for length."),
    "no labels": RenderOptions(standalone=True, labels=LabelStyle.NONE),
    "no title": RenderOptions(standalone=True),
}


@pytest.mark.external
@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("case", golden_cases())
def test_rendered_variants_pass_axe(browser: Auditor, case: str, variant: str) -> None:
    transcript = load_case(case)
    if variant == "no title":
        transcript = attrs.evolve(transcript, title=None)
    assert browser.audit_html(render_html(transcript, VARIANTS[variant])) == []


@pytest.mark.external
def test_a_page_with_turns_in_other_languages_passes_axe(browser: Auditor) -> None:
    transcript = interview(
        q("You grew up between two languages. What did your family speak at home when you were a child?"),
        a("Mostly French with my mother and Arabic with my grandmother, and English only at school, which is why"
          " I still count in French when I am tired."),
        q("What did your grandmother say when you left?"),
        a("She said it in Arabic: " + "كانت تقول لي دائما إن البحر لا ينسى من يحبه، وإن علينا أن نعود إليه في الصيف.",
          "In French, because we spoke French at home: elle disait que la mer se souvient de tous ceux qui"
          " l'aiment, et qu'il faut toujours y revenir."),
    )
    assert browser.audit_html(render_html(transcript, RenderOptions(standalone=True))) == []


@pytest.mark.external
def test_keyboard_focus_is_visible(browser: Auditor) -> None:
    """A link a CMS adds gets a visible outline when reached with the Tab key."""
    browser.page.set_content(render_html(load_case("example"), RenderOptions(standalone=True)))
    browser.page.evaluate("""() => {
        const link = document.createElement('a');
        link.href = '#top'; link.textContent = 'Back to top'; link.id = 'added';
        document.querySelector('.qa-intro p').append(' ', link);
    }""")
    browser.page.keyboard.press("Tab")
    style = browser.page.evaluate("""() => {
        const element = document.activeElement, style = getComputedStyle(element);
        return {id: element.id, outline: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor};
    }""")
    assert style["id"] == "added" and style["outline"] == "solid" and style["width"] >= 2, style
    assert _contrast(_rgb(style["color"]), _hex(_variables()["--qa-background"])) >= 3


# --- contrast, without a browser ---------------------------------------------------------------


def _variables() -> dict[str, str]:
    return dict(re.findall(r"(--qa-[\w-]+):\s*(#[0-9a-fA-F]{6})", stylesheet()))


def _hex(value: str) -> tuple[int, ...]:
    return tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))


def _rgb(value: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", value)[:3])


def _luminance(rgb: tuple[int, ...]) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = map(linear, rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(one: tuple[int, ...], other: tuple[int, ...]) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_text_colour_has_contrast_4_5_on_the_background() -> None:
    """WCAG 1.4.3 for every ``color`` the screen stylesheet sets (print sets black on white)."""
    screen = stylesheet().split("@media print")[0]
    variables = _variables()
    background = _hex(variables["--qa-background"])
    colours = re.findall(r"(?<![-\w])color:\s*([^;]+);", screen)
    assert len(colours) >= 5
    for colour in colours:
        value = variables.get(colour.strip()[4:-1], colour.strip()) if colour.strip().startswith("var(") else colour.strip()
        if value == "inherit":
            continue
        assert _contrast(_hex(value), background) >= 4.5, colour


def test_the_stylesheet_has_a_visible_focus_style() -> None:
    rule = re.search(r":focus-visible\s*\{([^}]*)\}", stylesheet())
    assert rule is not None and re.search(r"outline:\s*[23]px solid", rule.group(1))
    assert "outline: none" not in stylesheet() and "outline: 0" not in stylesheet()


# --- structure ------------------------------------------------------------------------------------


def _structure_variants() -> dict[str, RenderOptions]:
    """The audited variants, and every section heading level where the release has that option."""
    variants = dict(VARIANTS)
    if "heading_level" in attrs.fields_dict(RenderOptions):
        for level in (1, 3, 4):
            variants[f"heading level {level}"] = attrs.evolve(RenderOptions(standalone=True), heading_level=level)
    return variants


def _pages() -> Iterator[tuple[str, str]]:
    for case in golden_cases():
        transcript = load_case(case)
        for name, options in _structure_variants().items():
            shown = attrs.evolve(transcript, title=None) if name == "no title" else transcript
            yield f"{case} page, {name}", render_html(shown, options)
            yield f"{case} fragment, {name}", render_html(shown, attrs.evolve(options, standalone=False))


def test_headings_skip_no_level() -> None:
    for name, html in _pages():
        root = lxml.html.fromstring(html)
        levels = [int(h.tag[1]) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        if html.startswith("<!DOCTYPE"):
            assert levels[:1] == [1], name  # a page opens with its title
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, (name, levels)


def test_speaker_labels_start_their_paragraph_and_times_are_time_elements() -> None:
    for name, html in _pages():
        root = lxml.html.fromstring(html)
        for label in root.find_class("qa-speaker"):
            paragraph = label.getparent()
            assert paragraph.tag == "p" and paragraph.index(label) in (0, 1), name  # after the time, if shown
        for time in [*root.find_class("qa-time"), *root.find_class("qa-timestamp")]:
            assert time.tag == "time" and re.fullmatch(r"PT\d+(\.\d+)?S", time.get("datetime")), name


def test_docx_headings_are_outline_levels() -> None:
    """Word's navigation pane lists the paragraphs whose style has an outline level."""
    data = qaformat.render(load_case("example"), "docx")
    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = lxml.etree.fromstring(package.read("word/styles.xml"))
        body = lxml.etree.fromstring(package.read("word/document.xml"))
    outline = {s.get(f"{W}styleId"): s.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val")
               for s in styles.iter(f"{W}style") if s.find(f"{W}pPr/{W}outlineLvl") is not None}
    headings = [p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in body.iter(f"{W}p")
                if "".join(p.itertext()) in ("Starting Out", "The Last Season")]
    assert headings == ["Heading1", "Heading1"] and outline["Heading1"] == "0"


@pytest.mark.external
def test_the_serve_page_passes_axe_empty_and_with_a_preview(browser: Auditor, tmp_path) -> None:
    from tests.serving import start_server

    live = start_server(tmp_path / "server.log")
    try:
        assert browser.audit_url(live.url + "/") == []
        browser.page.fill("textarea", "Q: Why did you start?\n\nA: Because.\n\nQ: Sure?\n\nA: Yes.\n")
        browser.page.wait_for_selector(".qa-turn", timeout=20_000)
        assert browser.audit() == []
    finally:
        live.stop()
