"""Grading a parse against a hand-made gold file (the seed's format, see tests/corpus/README.md).

A predicted turn matches a gold turn when the gold turn's opening words begin the predicted
turn's text; matched turns are then checked for speaker (the gold name among the speaker's
name and aliases, compared case-insensitively) and kind. Headings are compared as sets of
normalised text. Used by the corpus tests; the same rules the seed's scorer applies.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import attrs

from qaformat.model import Transcript

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return " ".join(_WORD.findall(text))


@attrs.frozen
class Grade:
    gold_turns: int
    predicted_turns: int
    matched: int
    full: int
    heads_found: int
    heads_gold: int
    heads_predicted: int
    misses: tuple[str, ...]

    @property
    def full_f1(self) -> float:
        total = self.gold_turns + self.predicted_turns
        return 2 * self.full / total if total else 1.0

    @property
    def heads_f1(self) -> float:
        total = self.heads_gold + self.heads_predicted
        return 2 * self.heads_found / total if total else 1.0


def grade(gold: dict[str, Any], transcript: Transcript) -> Grade:
    names = {s.id: {words(s.name), *(words(a) for a in s.aliases)} for s in transcript.speakers}
    predicted = [
        (words(" ".join(t.paragraphs)), names.get(t.speaker or "", set()), t.kind.value)
        for t in transcript.turns()
    ]
    gold_names = {
        s["canonical"]: {words(s["canonical"]), *(words(x) for x in s.get("label_as_written", []))}
        for s in gold.get("speakers", [])
    }
    matched = full = 0
    misses: list[str] = []
    position = 0
    for turn in gold.get("turns", []):
        anchor = " ".join(words(turn["starts_with"]).split()[:6])
        found = next(
            (k for k in range(position, len(predicted)) if anchor and predicted[k][0].startswith(anchor)), None
        )
        if found is None:
            misses.append(f"missing line {turn.get('source_line')}: {turn['starts_with'][:40]!r}")
            continue
        position = found + 1
        matched += 1
        _, speaker_names, kind = predicted[found]
        want = gold_names.get(turn["speaker"], {words(turn["speaker"])}) if turn["speaker"] else set()
        speaker_ok = (not want and not speaker_names) or bool(want & speaker_names)
        kinds = set(turn.get("accept_kinds", [turn["kind"]]))
        if speaker_ok and kind in kinds:
            full += 1
        else:
            misses.append(f"wrong line {turn.get('source_line')}: gold {turn['speaker']}/{turn['kind']},"
                          f" got {sorted(speaker_names)[:1]}/{kind}")
    gold_heads = {words(h) for h in gold.get("sections", [])}
    predicted_heads = {words(s.heading) for s in transcript.sections if s.heading}
    for head in sorted(gold_heads - predicted_heads):
        misses.append(f"heading missing: {head!r}")
    for head in sorted(predicted_heads - gold_heads):
        misses.append(f"heading extra: {head!r}")
    return Grade(len(gold.get("turns", [])), len(predicted), matched, full, len(gold_heads & predicted_heads),
                 len(gold_heads), len(predicted_heads), tuple(misses))
