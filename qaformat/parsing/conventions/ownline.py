"""The own-line name convention: the speaker's name alone on a line, the text under it.

Word files and web pages often set the name as a paragraph of its own (``JANE DOE`` or
``Interviewer``, no colon, no time) above what that person says; captioning and subtitling
tools export the same layout, and some Markdown transcripts set it as a heading (``### Jane
Doe``). A name line counts when it is short and name-shaped, text follows it, and the same name
stands alone again elsewhere (the speakers stage counts). Names with a
colon or a time are the colon convention's.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from qaformat.blocks import Block
from qaformat.parsing.conventions.features import Features
from qaformat.parsing.labels import find_label
from qaformat.parsing.units import Label

__all__ = ["propose"]

_MAX_NAME_CHARS = 40
_MAX_NAME_WORDS = 5
_MIN_NAME_LINES = 4


def propose(blocks: list[Block], features: Features, metadata: Mapping[str, str]) -> tuple[Label | None, ...] | None:
    """A label on every name line that has text under it; ``None`` with fewer than four."""
    labels: list[Label | None] = [None] * len(blocks)
    found = 0
    for index in range(len(blocks) - 1):
        block = blocks[index]
        text = block.text
        if (len(text) > _MAX_NAME_CHARS or block.heading == 1 or text[-1:] in ".,;:!?)]\"”'’"
                or len(text.split()) > _MAX_NAME_WORDS or _is_name_line(blocks[index + 1])):
            continue
        if features.labels[index] is not None:
            continue  # a label with a time or a colon is the colon convention's
        label = find_label(Block(f"{text}:", block.line))
        if label is None or not (label.name_shaped or label.role_word) or label.rest or label.timestamp is not None:
            continue
        before = features.labels[index - 1] if index else None
        if before is not None and before.continues:
            # A time on the line above the name ("0:0:5.3 --> 0:0:9.1", "00:01:02") is the turn's.
            labels[index - 1] = before
            label = attrs.evolve(label, timestamp=before.timestamp)
        labels[index] = label
        found += 1
    return tuple(labels) if found >= _MIN_NAME_LINES else None


def _is_name_line(block: Block) -> bool:
    """Text under a name line is a sentence, not another short capitalised line."""
    text = block.text
    return len(text) <= _MAX_NAME_CHARS and len(text.split()) <= _MAX_NAME_WORDS and text[-1:] not in ".,;:!?"
