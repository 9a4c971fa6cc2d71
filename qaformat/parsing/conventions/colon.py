"""The colon, dash and period conventions: a label before the text, ``Name: text`` in all its
real variants, ``Q - text``, ``NAME — text``, ``Name > text`` with a dash or a chevron, or
``Mr. LATTA. text`` with a full stop, as hearings print their speakers.

The label grammar itself (honorifics, initials, times before or after the name, own-line
labels, bold, capitals, ``<Name>``, ``[R]`` codes, separators) is `qaformat.parsing.labels`;
this module proposes the labels of one kind of separator for every block, and reads a legend
line that explains the codes.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Mapping

import attrs

from qaformat.blocks import Block
from qaformat.parsing.conventions.features import Features
from qaformat.parsing.conventions.questions import overlay
from qaformat.parsing.labels import find_label
from qaformat.parsing.units import Label
from qaformat.parsing.words import LEADING_TIME, LEGEND_PAIR, is_legend, legend_entry

__all__ = ["propose", "propose_dashes", "propose_periods"]

_MAX_BARE_NAME = 40
_LEGEND_SCAN = 40
_TIME_OPENERS = "[(0123456789"
_PERIOD_SPEAKERS = 2
"""A full stop after a name is a weak separator ("Mr. Smith. He arrived late." in a story): the
period reading needs at least this many names that each start a paragraph twice or more."""
_RUN_IN_QUESTIONS = 2
"""Bold names run into the text count only where they ask at least this many questions."""
_ASKS = ("?", "？", "؟", ";")  # ";" is the Greek question mark
_CLOSERS = " \"”’)»"
_WEAK_CHANGES = 3
"""Labels of a weak shape must change hands this many times: question, answer, question, answer."""


def propose(blocks: list[Block], features: Features, metadata: Mapping[str, str]) -> tuple[Label | None, ...] | None:
    """Every block's colon label candidate, with the implied interviewer of unlabelled questions
    directly above labelled answers (`questions.overlay`); ``None`` when no block has one."""
    labels = _propose(blocks, features, metadata, lambda label: not (label.dashed or label.period))
    if labels is None:
        return None
    labels = _alternating(labels, lambda label: label.run_in)
    asked = sum(1 for label in labels if label is not None and label.run_in and label.rest.rstrip(_CLOSERS).endswith(_ASKS))
    if asked < _RUN_IN_QUESTIONS:  # "**Monday** The beans are up": a diary's run-in days ask nothing
        labels = tuple(None if label is not None and label.run_in else label for label in labels)
    return None if all(label is None for label in labels) else labels


def propose_dashes(blocks: list[Block], features: Features,
                   metadata: Mapping[str, str]) -> tuple[Label | None, ...] | None:
    """Every block's label candidate before a dash or ``>``; ``None`` when no block has one."""
    return _propose(blocks, features, metadata, lambda label: label.dashed)


def propose_periods(blocks: list[Block], features: Features,
                    metadata: Mapping[str, str]) -> tuple[Label | None, ...] | str | None:
    """Every block's ``Mr. LATTA.`` label candidate; ``None`` when no block has one, and why not
    when fewer than two names recur that way."""
    proposed = _propose(blocks, features, metadata, lambda label: label.period)
    if proposed is None:
        return None
    # "Ερ." / "Απ.": an abbreviation is one word where a hearing's label is two ("Mr. LATTA").
    labels = _alternating(proposed, lambda label: len(label.written.split()) == 1)
    uses = Counter(label.name.casefold() for label in labels if label is not None and label.period)
    recurring = sum(1 for count in uses.values() if count >= 2)
    if recurring < _PERIOD_SPEAKERS:
        return f"{recurring} name(s) recur before a full stop, fewer than {_PERIOD_SPEAKERS}"
    return labels


def _alternating(labels: tuple[Label | None, ...], weak: Callable[[Label], bool]) -> tuple[Label | None, ...]:
    """Labels of a weak shape (an abbreviation ``Ερ.`` / ``Απ.``; a bold name with no separator)
    count only where two or more take turns, as question and answer do; else they open prose."""
    names = [label.name for label in labels if label is not None and weak(label)]
    changes = sum(1 for before, after in itertools.pairwise(names) if before != after)
    if changes >= _WEAK_CHANGES:
        return labels
    return tuple(None if label is not None and weak(label) else label for label in labels)


def _propose(blocks: list[Block], features: Features, metadata: Mapping[str, str],
             kind: Callable[[Label], bool]) -> tuple[Label | None, ...] | None:
    labels = [label if label is not None and kind(label) else None for label in features.labels]
    if all(label is None for label in labels):
        return None
    for index, label in enumerate(labels):
        if label is not None and label.name and not label.rest and not label.explicit and _timed_row(blocks, index):
            labels[index] = None
    # A name on its own line that lost its colon ("Speaker 1") where others have it ("Speaker 1:").
    own_line = {label.name.casefold() for label in labels if label is not None and label.name and not label.rest}
    if own_line:
        for index, block in enumerate(blocks):
            if labels[index] is None and len(block.text) <= _MAX_BARE_NAME and block.text.casefold() in own_line:
                labels[index] = find_label(attrs.evolve(block, text=block.text + ":"))
    _apply_legend(blocks, labels)
    return overlay(blocks, features, tuple(labels), metadata)


def _timed_row(blocks: list[Block], index: int) -> bool:
    """``06:12 Harbour Road`` over ``06:19 Market Square Change here``: a timetable's or a
    programme's rows, each opening with a time, not a label on its own line with the words
    under it (and nothing at all under the last line)."""
    if index + 1 == len(blocks):
        return True
    text = blocks[index + 1].text
    return text[:1] in _TIME_OPENERS and LEADING_TIME.match(text) is not None


def _apply_legend(blocks: list[Block], labels: list[Label | None]) -> None:
    """A line near the top that explains the codes (``[R] – Reporter [P] – Participant``,
    ``I = Interviewer, R = Respondent``), or a key of one entry a line, names those speakers and
    is not a turn itself."""
    entries = {index: entry for index in range(min(len(blocks), _LEGEND_SCAN))
               if (entry := legend_entry(blocks[index].text)) is not None}
    if len(entries) >= 2:  # a key of one entry a line: "JM = Jasmine Morales (interviewer)"
        _rename(blocks, labels, dict(entries.values()))
        for index in entries:
            labels[index] = None
        return
    for index in range(min(len(blocks), _LEGEND_SCAN)):
        text = blocks[index].text
        if not is_legend(text):
            continue
        labels[index] = None
        _rename(blocks, labels, dict(LEGEND_PAIR.findall(text)))
        return


def _rename(blocks: list[Block], labels: list[Label | None], names: dict[str, str]) -> None:
    """Every label that is a legend's code takes the name the legend gives it."""
    for position, label in enumerate(labels):
        if label is not None and label.name in names:
            renamed = find_label(attrs.evolve(blocks[position], text=f"{names[label.name]}: {label.rest}"))
            if renamed is not None:
                labels[position] = attrs.evolve(renamed, written=label.written, column=label.column,
                                                timestamp=label.timestamp)
