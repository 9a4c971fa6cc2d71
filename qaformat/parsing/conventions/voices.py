"""The unnamed-voices convention: captions that mark each change of speaker without naming
anyone, as broadcast captions do with a dialogue dash (``- Why?`` then ``- Because.``).

The captions reader marks such a change on the block (`Block.voice_change`). Nothing names the
voices, so this convention alternates two of them, ``Speaker 1`` and ``Speaker 2``: the first
text is the first voice's, each marked change hands over to the other voice, and a cue with no
mark goes on with whoever spoke last. Two voices is what such captions of an interview carry
(whoever asks and whoever answers); the convention's caveat, reported when it wins, says so and
how to name them. The labels are made by the label grammar itself (``Speaker 1: text``), so
they behave as written generic labels do, in a speaker map too.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from qaformat.blocks import Block
from qaformat.parsing.conventions.features import Features
from qaformat.parsing.labels import find_label
from qaformat.parsing.units import Label

__all__ = ["CAVEAT", "propose"]

_MIN_CHANGES = 3  # a stray dash or two in captions of one voice is not a dialogue

CAVEAT = ("speakers-unnamed", "no speaker is named: each dialogue dash or '>>' was read as a change between"
          " two voices, 'Speaker 1' (who speaks first) and 'Speaker 2'; name them with --speaker 'Speaker 1=Name'")
"""The diagnostic code and message reported when this convention's reading wins."""


def propose(blocks: list[Block], features: Features, metadata: Mapping[str, str]) -> tuple[Label | None, ...] | None:
    """A ``Speaker 1``/``Speaker 2`` label where each voice takes over; ``None`` without at least
    three marked changes, or where the format names its speakers."""
    if sum(block.voice_change for block in blocks) < _MIN_CHANGES or any(block.speaker for block in blocks):
        return None
    labels: list[Label | None] = [None] * len(blocks)
    voice = 0
    for index, block in enumerate(blocks):
        if voice and not block.voice_change:
            continue  # the same voice goes on
        voice = 1 if not voice else 3 - voice
        label = find_label(attrs.evolve(block, text=f"Speaker {voice}: {block.text}"))
        if label is not None:
            labels[index] = attrs.evolve(label, column=1, timestamp=block.time, explicit=True)
    return tuple(labels)
