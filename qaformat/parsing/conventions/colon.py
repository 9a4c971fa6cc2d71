"""The colon convention: a label before the text, ``Name: text`` in all its real variants.

The label grammar itself (honorifics, initials, times before or after the name, own-line
labels, bold, capitals, ``<Name>``) is `qaformat.parsing.labels`; this module proposes the
label of every block under it.
"""

from __future__ import annotations

from collections.abc import Mapping

from qaformat.blocks import Block
from qaformat.parsing.labels import find_label
from qaformat.parsing.units import Label

__all__ = ["propose"]


def propose(blocks: list[Block], metadata: Mapping[str, str]) -> tuple[Label | None, ...] | None:
    """Every block's label candidate; ``None`` when no block has one."""
    labels = tuple(find_label(block) for block in blocks)
    return labels if any(label is not None for label in labels) else None
