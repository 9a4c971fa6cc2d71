"""The colon convention: a label before the text, ``Name: text`` in all its real variants.

The label grammar itself (honorifics, initials, times before or after the name, own-line
labels, bold, capitals, ``<Name>``) is `qaformat.parsing.labels`; this module proposes the
label of every block under it.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from qaformat.blocks import Block
from qaformat.parsing.conventions.features import Features
from qaformat.parsing.conventions.questions import overlay
from qaformat.parsing.labels import find_label
from qaformat.parsing.units import Label

__all__ = ["propose"]

_MAX_BARE_NAME = 40


def propose(blocks: list[Block], features: Features, metadata: Mapping[str, str]) -> tuple[Label | None, ...] | None:
    """Every block's label candidate, with the implied interviewer of unlabelled questions
    directly above labelled answers (`questions.overlay`); ``None`` when no block has one."""
    labels = [find_label(block) for block in blocks]
    if all(label is None for label in labels):
        return None
    # A name on its own line that lost its colon ("Speaker 1") where others have it ("Speaker 1:").
    own_line = {label.name.casefold() for label in labels if label is not None and label.name and not label.rest}
    if own_line:
        for index, block in enumerate(blocks):
            if labels[index] is None and len(block.text) <= _MAX_BARE_NAME and block.text.casefold() in own_line:
                labels[index] = find_label(attrs.evolve(block, text=block.text + ":"))
    return overlay(blocks, features, tuple(labels), metadata)
