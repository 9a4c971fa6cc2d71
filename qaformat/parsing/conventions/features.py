"""The features pass: what every convention looks at in a block, worked out once per document.

Conventions read the same few facts about each block (the label it starts with; is it a heading,
a paragraph wholly in bold or italics, a quote; does it end with a question mark). Computing them
once, in one pass, keeps the contest linear however many conventions compete.
"""

from __future__ import annotations

import attrs

from qaformat.blocks import Block
from qaformat.parsing.labels import find_label
from qaformat.parsing.units import Label

__all__ = ["Features", "features_of", "is_question"]

_QUESTION_MARKS = ("?", "？", "؟")
_MAX_QUESTION_WORDS = 120
_CLOSERS = " \"”’')]*_»"


def is_question(text: str) -> bool:
    """The text ends with a question mark (closing quotes and brackets aside) and is not a page long."""
    if not text.rstrip(_CLOSERS).endswith(_QUESTION_MARKS):
        return False
    return len(text.split(maxsplit=_MAX_QUESTION_WORDS)) <= _MAX_QUESTION_WORDS


@attrs.frozen
class Features:
    """Per-block facts, each a tuple indexed like the blocks."""

    asks: tuple[bool, ...]
    """The block ends with a question mark."""
    bold: tuple[bool, ...]
    """The block is wholly in bold (and not a heading)."""
    italic: tuple[bool, ...]
    """The block is wholly in italics (and not a heading)."""
    heading: tuple[bool, ...]
    """The format marks the block as a heading."""
    labels: tuple[Label | None, ...]
    """The label candidate the block starts with (`qaformat.parsing.labels.find_label`)."""


def features_of(blocks: list[Block]) -> Features:
    """One pass over the blocks."""
    return Features(
        asks=tuple([is_question(b.text) for b in blocks]),
        bold=tuple([0 < len(b.text) <= b.bold_prefix and not b.heading for b in blocks]),
        italic=tuple([b.italic and not b.heading for b in blocks]),
        heading=tuple([bool(b.heading) for b in blocks]),
        labels=tuple(map(find_label, blocks)),
    )
