"""WordPress block markup: goldens per case, WordPress's own block parser finds every turn as a
block and no freeform HTML, the fragment options, and hostile text that stays text."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest

import qaformat
from qaformat import RenderOptions
from qaformat.renderers.wordpress import render_wordpress
from tests.builders import a, interview, load_case, q
from tests.conftest import GOLDEN, check_golden, golden_cases
from tests.node import wordpress_blocks


def walk(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every block, inner blocks after their parent; the blank lines between blocks left out."""
    found = []
    for block in blocks:
        if block["blockName"] is None and not block["innerHTML"].strip():
            continue
        found.append(block)
        found += walk(block["innerBlocks"])
    return found


def freeform(blocks: list[dict[str, Any]]) -> list[str]:
    """Text WordPress would keep as a classic (freeform) block: anything outside a block."""
    return [b["innerHTML"] for b in blocks if b["blockName"] is None and b["innerHTML"].strip()]


@pytest.mark.parametrize("case", golden_cases())
def test_golden(case: str, regen: bool) -> None:
    check_golden(GOLDEN / case / "expected.wp.html", render_wordpress(load_case(case), RenderOptions()), regen)


@pytest.mark.external
@pytest.mark.parametrize("case", golden_cases())
def test_wordpress_parser_finds_every_turn_as_a_block(case: str) -> None:
    transcript = load_case(case)
    blocks = wordpress_blocks(render_wordpress(transcript, RenderOptions(cast=True, note="Edited.")))
    assert freeform(blocks) == []
    assert [b["blockName"] for b in blocks if b["blockName"] or b["innerHTML"].strip()] == ["core/group"]
    assert blocks[0]["attrs"] == {"className": "qa-interview"}
    every = walk(blocks)
    assert {b["blockName"] for b in every} <= {"core/group", "core/heading", "core/paragraph"}
    assert all(freeform(b["innerBlocks"]) == [] for b in every)
    turns = [b for b in every if "qa-turn" in b["attrs"].get("className", "").split()]
    assert [b["attrs"]["className"] for b in turns] == [f"qa-turn qa-{t.kind.value}" for t in transcript.turns()]
    for block, turn in zip(turns, transcript.turns(), strict=True):
        paragraphs = [lxml.html.fragment_fromstring(p["innerHTML"]).text_content() for p in block["innerBlocks"]]
        assert all(p["blockName"] == "core/paragraph" for p in block["innerBlocks"])
        assert " ".join(" ".join(paragraphs).split()).endswith(" ".join(" ".join(turn.paragraphs).split()))
    headings = [b for b in every if b["blockName"] == "core/heading"]
    expected = ([transcript.title] if transcript.title else []) + [s.heading for s in transcript.sections if s.heading]
    assert [lxml.html.fragment_fromstring(h["innerHTML"]).text_content() for h in headings] == expected


@pytest.mark.external
def test_hostile_text_cannot_open_a_block_or_a_tag() -> None:
    hostile = '--><!-- wp:html --><script>alert(1)</script><!-- /wp:html --> & "q" <!-- wp:paragraph -->'
    transcript = interview(q(hostile), a("fine"), title=hostile, intro=(hostile,))
    markup = render_wordpress(transcript, RenderOptions(class_prefix="x-", note=hostile))
    every = walk(wordpress_blocks(markup))
    assert {b["blockName"] for b in every} == {"core/group", "core/heading", "core/paragraph"}
    assert "<script>" not in markup
    texts = [lxml.html.fragment_fromstring(b["innerHTML"]).text_content() for b in every
             if b["blockName"] == "core/paragraph"]
    assert texts.count(hostile) == 2 and f"Tom Whitfield: {hostile}" in texts


def test_fragment_options() -> None:
    transcript = load_case("example")
    markup = render_wordpress(transcript, RenderOptions(show_title=False, show_intro=False, heading_level=3,
                                                        class_prefix="interview-"))
    assert "wp:heading {\"level\":3,\"className\":\"interview-heading\"}" in markup
    assert "<h3 class=\"wp-block-heading interview-heading\">" in markup
    assert transcript.title not in markup and transcript.intro[0] not in markup
    assert "qa-" not in markup


def test_registered_with_its_suffix() -> None:
    assert qaformat.render(load_case("example"), "wp") == render_wordpress(load_case("example"), RenderOptions())
