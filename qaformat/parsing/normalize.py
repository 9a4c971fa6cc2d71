"""Stage 1, normalize: make every block's text safe to handle before anything looks at it.

Control characters (NUL included), lone surrogates and Unicode non-characters cannot be written
to XML or JSON; each becomes U+FFFD, reported with its line and column. Tabs become spaces.
Nothing else changes: words stay exactly as written. Normalizing twice changes nothing.
"""

from __future__ import annotations

import re

import attrs

from qaformat.blocks import Block
from qaformat.parsing.report import Report

__all__ = ["REPLACEMENT", "normalize", "normalize_text"]

REPLACEMENT = "\ufffd"

# C0 controls except tab, DEL and C1 controls, surrogates, and the non-characters
# U+FFFE/U+FFFF: none of them can be held by XML 1.0.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def normalize_text(text: str) -> str:
    """Replace what XML and JSON cannot hold with U+FFFD and tabs with spaces."""
    if "\t" in text:
        text = text.replace("\t", " ")
    return _UNSAFE.sub(REPLACEMENT, text)


def normalize(blocks: tuple[Block, ...], report: Report) -> list[Block]:
    """Return the blocks with unsafe characters replaced (reported) and text stripped."""
    out: list[Block] = []
    for block in blocks:
        text = block.text
        found = _UNSAFE.search(text)
        if found:
            count = len(_UNSAFE.findall(text))
            report.warning(
                "control-character",
                f"{count} control or invalid character(s) replaced with U+FFFD"
                f" (first: U+{ord(found.group()):04X})",
                block.line,
                found.start() + 1,
            )
        clean = normalize_text(text).strip()
        if clean != block.text:
            block = attrs.evolve(block, text=clean, bold_prefix=min(block.bold_prefix, len(clean)))
        if clean:
            out.append(block)
    return out
