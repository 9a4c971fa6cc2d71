"""The colon convention: a label before the text, ``Name: text`` in all its real variants.

The label grammar itself (honorifics, initials, times before or after the name, own-line
labels, bold, capitals, ``<Name>``) is `qaformat.parsing.labels`; this module proposes the
label of every block under it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from qaformat.blocks import Block
from qaformat.parsing.conventions.features import Features
from qaformat.parsing.conventions.questions import overlay
from qaformat.parsing.labels import find_label
from qaformat.parsing.units import Label

__all__ = ["propose"]

_MAX_BARE_NAME = 40
_LEGEND_SCAN = 40
_LEGEND_PAIR = re.compile(r"\[?\b([A-Z]{1,3}\d?)\b\]?\s*[–—=:-]\s*([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2})")


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
    _apply_legend(blocks, labels)
    return overlay(blocks, features, tuple(labels), metadata)


def _apply_legend(blocks: list[Block], labels: list[Label | None]) -> None:
    """A line near the top that explains the codes (``[R] – Reporter [P] – Participant``,
    ``I = Interviewer, R = Respondent``) names those speakers and is not a turn itself."""
    for index in range(min(len(blocks), _LEGEND_SCAN)):
        text = blocks[index].text
        pairs = _LEGEND_PAIR.findall(text)
        if len(pairs) < 2 or sum(len(code) + len(name) for code, name in pairs) < 0.5 * len(text.replace(" ", "")):
            continue
        names = {code: name for code, name in pairs}
        labels[index] = None
        for position, label in enumerate(labels):
            if label is not None and label.name in names:
                renamed = find_label(attrs.evolve(blocks[position], text=f"{names[label.name]}: {label.rest}"))
                if renamed is not None:
                    labels[position] = attrs.evolve(renamed, written=label.written, column=label.column,
                                                    timestamp=label.timestamp)
        return
