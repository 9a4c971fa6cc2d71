"""The unnamed-voices convention: transcripts that mark each change of speaker without naming
anyone, as broadcast captions do with a dialogue dash (``- Why?`` then ``- Because.``) and as
printed interviews in several languages do with an em dash opening each turn.

The captions reader marks such a change on the block (`Block.voice_change`); in text, a
paragraph opening with an em or en dash is one. Nothing names the voices, so this convention
alternates two of them, ``Speaker 1`` and ``Speaker 2``: the first marked text is the first
voice's, each mark hands over to the other voice, and text with no mark goes on with whoever
spoke last (in captions the first cue is a voice even without a mark; in text, what stands above
the first mark is the intro). Two voices is what such an interview carries (whoever asks and
whoever answers); the convention's caveat, reported when it wins, says so and how to name them.
In a printed interview whose page names the interviewee (a headline, a byline, front matter:
see `implied`), the voice that asks more takes the interviewer's name and the other the
interviewee's.
The labels are made by the label grammar itself (``Speaker 1: text``), so they behave as written
generic labels do, in a speaker map too.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from qaformat.blocks import Block
from qaformat.model import Role
from qaformat.parsing.conventions.features import Features
from qaformat.parsing.conventions.implied import implied_label, implied_speakers
from qaformat.parsing.labels import find_label
from qaformat.parsing.units import Label

__all__ = ["CAVEAT", "propose"]

_RAYA = "\u2014\u2015"  # em dash, horizontal bar
_MIN_CHANGES = 3  # a stray dash or two in captions of one voice is not a dialogue

CAVEAT = ("speakers-unnamed", "no speaker is named: each dialogue dash or '>>' was read as a change between"
          " two voices, 'Speaker 1' (who speaks first) and 'Speaker 2'; name them with --speaker 'Speaker 1=Name'")
"""The diagnostic code and message reported when this convention's reading wins."""


def propose(blocks: list[Block], features: Features, metadata: Mapping[str, str]) -> tuple[Label | None, ...] | None:
    """A ``Speaker 1``/``Speaker 2`` label where each voice takes over; ``None`` without at least
    three marked changes, or where the format names its speakers."""
    opened = [_after_mark(block) for block in blocks]
    if sum(rest is not None for rest in opened) < _MIN_CHANGES or any(block.speaker for block in blocks):
        return None
    voices: list[int] = [0] * len(blocks)
    voice = 0
    for index, (block, rest) in enumerate(zip(blocks, opened, strict=True)):
        if rest is None and (voice or block.time is None):
            continue  # the same voice goes on (in captions the first cue is a voice; in text, the intro is not)
        voice = voices[index] = 1 if not voice else 3 - voice
    names = _page_names(blocks, voices, metadata)
    labels: list[Label | None] = [None] * len(blocks)
    for index, (block, rest) in enumerate(zip(blocks, opened, strict=True)):
        if not voices[index]:
            continue
        text = block.text if rest is None else rest
        if names:
            name, role = names[voices[index]]
            labels[index] = attrs.evolve(implied_label(name, role, text), column=len(block.text) - len(text) + 1)
            continue
        label = find_label(attrs.evolve(block, text=f"Speaker {voices[index]}: {text}"))
        if label is not None:
            labels[index] = attrs.evolve(label, column=len(block.text) - len(text) + 1, timestamp=block.time,
                                         explicit=True)
    return tuple(labels)


def _page_names(blocks: list[Block], voices: list[int],
                metadata: Mapping[str, str]) -> dict[int, tuple[str, Role]] | None:
    """In a printed interview, the names the page gives (headline, byline, front matter) for
    the voice that asks and the voice that answers; ``None`` in captions, where the page names
    nobody, or when it is unclear which voice asks."""
    first = next(index for index, voice in enumerate(voices) if voice)
    if blocks[first].time is not None:
        return None
    asks = {1: 0, 2: 0}
    for block, voice in zip(blocks, voices, strict=True):
        if voice and block.text.rstrip(" \"'”»)").endswith(("?", "？")):
            asks[voice] += 1
    if asks[1] == asks[2]:
        return None
    implied = implied_speakers(blocks, metadata, first)
    if not implied.named:
        return None
    asker = 1 if asks[1] > asks[2] else 2
    return {asker: (implied.interviewer, Role.INTERVIEWER), 3 - asker: (implied.interviewee, Role.INTERVIEWEE)}


def _after_mark(block: Block) -> str | None:
    """The text after a mark of a change of speaker, else ``None``: the reader's (a caption's
    dialogue dash or ``>>``), or an em or en dash opening a paragraph, as Russian, Ukrainian,
    Bulgarian or Polish interviews print every turn (``— Как вы начали?``), or an em dash set
    against the first word, as Spanish interviews do (``—¿Por qué?``)."""
    if block.voice_change:
        return block.text
    if block.heading:
        return None
    if block.text[:2] in ("\u2014 ", "\u2013 "):
        return block.text[2:].lstrip() or None
    if block.text[:1] in _RAYA and block.text[1:2] not in ("", "\u2014", "\u2013", "-") and not block.text[1].isspace():
        return block.text[1:]  # Spanish and Catalan print the dash against the word: "—¿Por qué?"
    return None
