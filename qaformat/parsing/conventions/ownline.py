"""The own-line name convention: the speaker's name alone on a line, the text under it.

Word files and web pages often set the name as a paragraph of its own (``JANE DOE`` or
``Interviewer``, no colon, no time) above what that person says; captioning and subtitling
tools export the same layout, and some Markdown transcripts set it as a heading (``### Jane
Doe``); parliaments' reports (Hansard) add the member's seat and party in brackets, or print an
office with the person's name in brackets. Riverside, Descript and many web transcript players
put the turn's time alone on the line between the name and the text (``Jane Doe / 00:00:03 /
text``): that time line belongs to the label. A name line counts when it is short and
name-shaped, text follows it, and the same name stands alone again elsewhere (the speakers
stage counts). Names with a colon or a time on their own line are the colon convention's.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from qaformat.blocks import Block
from qaformat.parsing.conventions.features import Features
from qaformat.parsing.labels import find_label, is_name_shaped
from qaformat.parsing.units import Label
from qaformat.patterns import lazy

__all__ = ["propose"]

_MAX_NAME_CHARS = 40
_MAX_NAME_WORDS = 5
_MIN_NAME_LINES = 4
_MAX_OFFICE_CHARS = 120
_NUMBERED = "QT0123456789"
# "Q1. ", "T3. ", "12. ": the number of a question on a parliament's order paper.
_QUESTION_NUMBER = lazy(r"[QT]?\d{1,3}\.\s+")
# "The Minister of State, Department for Transport (Mr Huw Merriman)": an office and the person.
_OFFICE = lazy(r"([^()]{3,100}?)\s*\(([^()]{3,60}\s[^()]{1,60})\)")
# "07:00", "13:30": a time of day, as a schedule prints it (hours and minutes on a five-minute
# mark), where a recording's time codes fall on any second.
_CLOCK = lazy(r"\d{1,2}:[0-5][05]")
_FEWEST_CLOCKS = 3
_SCHEDULE = "times of day by the names, as a schedule prints them"


def propose(blocks: list[Block], features: Features,
            metadata: Mapping[str, str]) -> tuple[Label | None, ...] | str | None:
    """A label on every name line that has text under it; ``None`` with fewer than four, and
    why not when every name has a time of day by it (a programme or a rota, not a talk)."""
    labels: list[Label | None] = [None] * len(blocks)
    found = 0
    times: list[str] = []  # the time lines under (or over) names, as written
    for index in range(len(blocks) - 1):
        block = blocks[index]
        if block.heading == 1 or (features.labels[index] is not None and not _bold_name(block, features.labels[index])):
            continue  # a label with a time or a colon is the colon convention's
        # A time alone on the line under the name (Riverside's, Descript's and many web players'
        # "Name / 00:00:03 / text") is the turn's, and the text starts on the line after it.
        below = features.labels[index + 1]
        time = below if below is not None and below.continues and not below.rest else None
        text = index + 2 if time is not None else index + 1
        if text + 1 < len(blocks) and _is_parenthetical(blocks[text].text):
            text += 1  # a script's "(laughing)" between the name and the words is how they are said
        if text >= len(blocks) or _is_name_line(blocks[text]):
            continue
        label = _name_line(block)
        if label is None:
            continue
        before = features.labels[index - 1] if index else None
        if time is not None:
            labels[index + 1] = time
            times.append(blocks[index + 1].text)
            label = attrs.evolve(label, timestamp=time.timestamp)
        elif before is not None and before.continues:
            # A time on the line above the name ("0:0:5.3 --> 0:0:9.1", "00:01:02") is the turn's.
            labels[index - 1] = before
            label = attrs.evolve(label, timestamp=before.timestamp)
            times.append(blocks[index - 1].text)
        labels[index] = label
        found += 1
    if found < _MIN_NAME_LINES:
        return None
    if len(times) >= _FEWEST_CLOCKS and all(_CLOCK.fullmatch(time) for time in times):
        return _SCHEDULE
    return tuple(labels)


def _name_line(block: Block) -> Label | None:
    """The label of a line that holds only a name (or a role word): ``JANE DOE``,
    ``Q1. Jane Hartley (Bradford West) (Lab)`` (a parliament's question number and the member's
    seat and party), ``The Minister of State, Department for Transport (Mr Huw Merriman)`` (an
    office, with the person's name in brackets)."""
    text = block.text
    number = _QUESTION_NUMBER.match(text) if text[:1] in _NUMBERED else None
    if number is not None:
        text = text[number.end():]
    label: Label | None = None
    if text[-1:] == ")" and len(text) <= _MAX_OFFICE_CHARS:
        office = _OFFICE.fullmatch(text)
        if office is not None and not is_name_shaped(office.group(1)) and is_name_shaped(office.group(2)):
            label = find_label(Block(f"{office.group(2)}:", block.line))
            label = attrs.evolve(label, written=text, extra=office.group(1)) if label is not None else None
        else:
            label = find_label(Block(f"{text}:", block.line))
            if label is not None and len(label.name) > _MAX_NAME_CHARS:
                return None
    elif len(text) <= _MAX_NAME_CHARS and text[-1:] not in ".,;:!?)]\"”'’" and len(text.split()) <= _MAX_NAME_WORDS:
        label = find_label(Block(f"{text}:", block.line))
    if label is None or not (label.name_shaped or label.role_word) or label.rest or label.timestamp is not None:
        return None
    if len(label.name.split()) > _MAX_NAME_WORDS:
        return None
    return attrs.evolve(label, written=block.text) if text != block.text else label


def _bold_name(block: Block, label: Label | None) -> bool:
    """A paragraph that is only a name in bold, with no colon or time (``<p><strong>Mark
    Devlin</strong></p>`` over the text, as Hansard's pages set a member): a name line, which the
    colon convention reads too where its names recur."""
    return (label is not None and label.bold and not label.rest and label.timestamp is None
            and ":" not in block.text)


def _is_parenthetical(text: str) -> bool:
    """``(laughing)``, ``(beat)``: a script's direction alone on its line under the name."""
    return text[:1] == "(" and text[-1:] == ")" and len(text) <= _MAX_NAME_CHARS


def _is_name_line(block: Block) -> bool:
    """Text under a name line is a sentence, not another short capitalised line."""
    text = block.text
    return len(text) <= _MAX_NAME_CHARS and len(text.split()) <= _MAX_NAME_WORDS and text[-1:] not in ".,;:!?"
