"""Stage 13, checks: what an editor would want to know, reported and never changed.

Label spellings that look like slips of another speaker's name (``Emily carter``,
``Dr. alexander Petrov``), headings and paragraphs that start in lower case, brackets and
quotes left open, and turns whose kind the text seems to contradict (an answer that only asks,
a long question that asks nothing). ``qaformat check`` lists these with the rest, each place on
its own line and at its column, so an editor can fix them one by one.
"""

from __future__ import annotations

from collections.abc import Sequence

from qaformat.model import Kind, Section, Speaker
from qaformat.parsing.joined import Joined
from qaformat.parsing.positions import Located, SourceMap
from qaformat.parsing.report import Report
from qaformat.parsing.units import Para
from qaformat.parsing.words import name_words
from qaformat.patterns import lazy, matches_before_hints

__all__ = ["check_transcript"]

_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"))
# Most paragraphs have none of these: a look for each (at C speed, ten times faster than a
# pattern's character class, and mapped rather than in a generator) spares them the counts.
_PAIR_MARKS = ("(", ")", "[", "]", "“", "”", '"')
# A sentence that starts in lower case: "vision. it formalizes" (not "e.g. the", "a.m. and").
_LOWER_SENTENCE = lazy(r"(?<![\w.])([a-z]{3,})[.!?] +([a-z]\w*)")
# What every such place holds; far cheaper to look for than the pattern, and most text has none.
_LOWER_SENTENCE_HINT = lazy(r"[.!?] +[a-z]")
_ABBREVIATIONS = frozenset({"etc", "approx", "incl", "vol", "fig", "nos", "cf"})
_LONG_QUESTION_WORDS = 60


def check_transcript(paras: tuple[Para, ...], speakers: tuple[Speaker, ...], sections: tuple[Section, ...],
                     report: Report, source: SourceMap | None = None) -> None:
    """Report label slips, lower-case starts, unbalanced marks and doubtful kinds, each at its
    line and column where ``source`` finds the paragraph."""
    _label_slips(paras, speakers, report)
    # Where a lower-case sentence may start, looked for in all the paragraphs at once.
    hinted = iter(_hinted([p for section in sections for turn in section.turns for p in turn.paragraphs]))
    for section in sections:
        if section.heading and section.heading[:1].islower():
            report.info("lowercase-heading", f"heading starts in lower case: {section.heading[:40]!r}", section.line)
        for turn in section.turns:
            _check_turn(turn.kind, turn.paragraphs, turn.line, report, source,
                        [next(hinted) for _ in turn.paragraphs])


def _hinted(paragraphs: list[str]) -> list[bool]:
    """For each paragraph, whether it holds a lower-case sentence's hint (one search of them all)."""
    found = Joined(paragraphs).holding(_LOWER_SENTENCE_HINT)
    return [index in found for index in range(len(paragraphs))]


def _label_slips(paras: tuple[Para, ...], speakers: tuple[Speaker, ...], report: Report) -> None:
    """Every label that looks like a slip of its speaker's name, each where it is written."""
    names = {s.id: s.name for s in speakers}
    for para in paras:
        if para.label is None or para.speaker is None:
            continue
        written, canonical = para.label.name, names[para.speaker]
        if written != canonical and name_words(written) == name_words(canonical) and written.casefold() == canonical.casefold() \
                and not written.isupper():
            column = para.block.text.find(written) + 1 or None
            report.warning("label-variant", f"label {written!r} looks like a slip for {canonical!r}",
                           para.first_line, column)


def _check_turn(kind: Kind, paragraphs: tuple[str, ...], line: int, report: Report,
                source: SourceMap | None = None, hinted: Sequence[bool] | None = None) -> None:
    """Check a turn's paragraphs; ``hinted`` says which of them hold a lower-case sentence's
    hint, where the caller looked for it (else each is looked at)."""
    for number, paragraph in enumerate(paragraphs):
        lower = [m for m in matches_before_hints(_LOWER_SENTENCE, _LOWER_SENTENCE_HINT, paragraph, _is_lower_ascii)
                 if m.group(1) not in _ABBREVIATIONS] if hinted is None or hinted[number] else []
        unpaired = _unpaired(paragraph) if any(map(paragraph.__contains__, _PAIR_MARKS)) else []
        if not (lower or unpaired or paragraph[:1].islower()):
            continue
        located = source.find(paragraph, line) if source is not None else Located((), -1, 0, line)
        if paragraph[:1].islower():
            report.info("lowercase-start", f"paragraph starts in lower case: {paragraph[:30]!r}", *located.at(0))
        for match in lower:
            report.info("lowercase-start", f"sentence starts in lower case: {match.group()!r}", *located.at(match.start(2)))
        for offset, message in unpaired:
            report.warning("unbalanced", f"{message}: {paragraph[offset:offset + 30]!r}…", *located.at(offset))
    text = " ".join(paragraphs)
    if kind is Kind.ANSWER and text.rstrip().endswith("?") and text.count("?") == _sentence_count(text):
        report.warning("role-doubt", "this answer only asks questions: are the roles right?", line)
    if kind is Kind.QUESTION and "?" not in text and len(text.split(maxsplit=_LONG_QUESTION_WORDS)) > _LONG_QUESTION_WORDS:
        report.warning("role-doubt", "this long question asks nothing: are the roles right?", line)


def _is_lower_ascii(char: str) -> bool:
    return "a" <= char <= "z"


def _unpaired(paragraph: str) -> list[tuple[int, str]]:
    """(offset, what is wrong) of every bracket or curly quote without its partner, and of the
    last straight double quote when there is an odd number of them, in text order."""
    found: list[tuple[int, str]] = []
    for opening, closing in _PAIRS:
        if paragraph.count(opening) == paragraph.count(closing):
            continue
        open_at: list[int] = []
        for offset, mark in enumerate(paragraph):
            if mark == opening:
                open_at.append(offset)
            elif mark == closing:
                if open_at:
                    open_at.pop()
                else:
                    found.append((offset, f"{closing} closes nothing"))
        found += [(offset, f"{opening} is never closed") for offset in open_at]
    if paragraph.count('"') % 2:
        found.append((paragraph.rindex('"'), 'an odd number of ": this one has no partner'))
    return sorted(found)


def _sentence_count(text: str) -> int:
    return max(1, sum(map(text.count, ".?!")))
