"""Stage 1, normalize: make every block's text safe to handle before anything looks at it.

Control characters (NUL included), lone surrogates and Unicode non-characters cannot be written
to XML or JSON; each becomes U+FFFD (see `qaformat.charsafe`), reported with its line and
column. Tabs become spaces. Nothing else changes: words stay exactly as written. Normalizing
twice changes nothing.
"""

from __future__ import annotations

import attrs

from qaformat.blocks import Block
from qaformat.charsafe import UNSAFE, make_safe
from qaformat.parsing.report import Report

__all__ = ["normalize", "normalize_text"]

normalize_text = make_safe


def normalize(blocks: tuple[Block, ...], report: Report) -> list[Block]:
    """Return the blocks with unsafe characters replaced (reported) and text stripped."""
    out: list[Block] = []
    for block in blocks:
        text = block.text
        # Printable text has no unsafe character, and telling it is several times faster than
        # the search; only the rest (a tab, a no-break space, a control) is searched.
        found = None if text.isprintable() else UNSAFE.search(text)
        if found:
            count = len(UNSAFE.findall(text))
            report.warning(
                "control-character",
                f"{count} control or invalid character(s) replaced with U+FFFD"
                f" (first: U+{ord(found.group()):04X})",
                block.line,
                found.start() + 1,
            )
        clean = (make_safe(text) if found or "\t" in text else text).strip()
        if clean != block.text:
            block = attrs.evolve(block, text=clean, bold_prefix=min(block.bold_prefix, len(clean)))
        if clean:
            out.append(block)
    return out
