"""The colon convention: a label before the text, ``Name: text`` in all its real variants.

The label grammar itself (honorifics, initials, times before or after the name, own-line
labels, bold, capitals, ``<Name>``) is `qaformat.parsing.labels`; this module proposes the
label of every block under it.
"""

from __future__ import annotations

from collections.abc import Mapping

from qaformat.blocks import Block
from qaformat.parsing.conventions.features import Features
from qaformat.parsing.conventions.questions import overlay
from qaformat.parsing.labels import find_label
from qaformat.parsing.units import Label

__all__ = ["propose"]


def propose(blocks: list[Block], features: Features, metadata: Mapping[str, str]) -> tuple[Label | None, ...] | None:
    """Every block's label candidate, with the implied interviewer of unlabelled questions
    directly above labelled answers (`questions.overlay`); ``None`` when no block has one."""
    labels = tuple(find_label(block) for block in blocks)
    if all(label is None for label in labels):
        return None
    return overlay(blocks, features, labels, metadata)
