"""Stage 1b, cues: split a caption cue where a speaker's label stands in the middle of it.

Captioners put a change of speaker wherever the screen breaks, so a cue may end one person's
question and start the other's answer: ``Dev Anand: And how? Maya Ortiz (guest): By ear.``.
A name that opens other cues as a label, standing after the end of a sentence with its colon,
splits the cue there; both pieces keep the cue's line and time. Only caption blocks (which
carry a time) are split: in a text file such a line is a quotation or a slip, for the editor.
"""

from __future__ import annotations

import re

import attrs

from qaformat.blocks import Block
from qaformat.parsing.labels import find_label

__all__ = ["split_cues"]

_MAX_NAMES = 200


def split_cues(blocks: list[Block]) -> list[Block]:
    """The blocks, with each caption cue that holds a second label split before it."""
    if not any(block.time is not None for block in blocks):
        return blocks
    names: set[str] = set()
    for block in blocks:
        if block.time is not None and not block.speaker:
            label = find_label(block)
            if label is not None and label.name and label.name_shaped and len(names) < _MAX_NAMES:
                names.add(label.written)
    if not names:
        return blocks
    inside = re.compile(r"(?<=[.?!…])[\"”’)]?\s+(?=(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                        + r")\s*:\s)")
    out: list[Block] = []
    for block in blocks:
        if block.time is None or block.speaker or ":" not in block.text[1:]:
            out.append(block)
            continue
        pieces = inside.split(block.text)
        out.append(attrs.evolve(block, text=pieces[0].strip(), bold_prefix=min(block.bold_prefix, len(pieces[0]))))
        out.extend(attrs.evolve(block, text=piece.strip(), bold_prefix=0, gap_before=True) for piece in pieces[1:])
    return out
