"""Stage 13, checks: what an editor would want to know, reported and never changed.

Label spellings that look like slips of another speaker's name (``Emily carter``,
``Dr. alexander Petrov``), headings and paragraphs that start in lower case, brackets and
quotes left open, and turns whose kind the text seems to contradict (an answer that only asks,
a long question that asks nothing). ``qaformat check`` lists these with the rest.
"""

from __future__ import annotations

import re

from qaformat.model import Kind, Section, Speaker
from qaformat.parsing.report import Report
from qaformat.parsing.units import Para
from qaformat.parsing.words import name_words

__all__ = ["check_transcript"]

_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"))
_PAIR_MARKS = re.compile(r'[()\[\]“”"]')  # most paragraphs have none: one look skips eight counts
# A sentence that starts in lower case: "vision. it formalizes" (not "e.g. the", "a.m. and").
_LOWER_SENTENCE = re.compile(r"(?<![\w.])([a-z]{3,})[.!?] +([a-z]\w*)")
# What every such place holds; far cheaper to look for than the pattern, and most text has none.
_LOWER_SENTENCE_HINT = re.compile(r"[.!?] +[a-z]")
_ABBREVIATIONS = frozenset({"etc", "approx", "incl", "vol", "fig", "nos", "cf"})
_LONG_QUESTION_WORDS = 60


def check_transcript(paras: tuple[Para, ...], speakers: tuple[Speaker, ...], sections: tuple[Section, ...],
                     report: Report) -> None:
    """Report label slips, lower-case starts, unbalanced marks and doubtful kinds."""
    _label_slips(paras, speakers, report)
    for section in sections:
        if section.heading and section.heading[:1].islower():
            report.info("lowercase-heading", f"heading starts in lower case: {section.heading[:40]!r}", section.line)
        for turn in section.turns:
            _check_turn(turn.kind, turn.paragraphs, turn.line, report)


def _label_slips(paras: tuple[Para, ...], speakers: tuple[Speaker, ...], report: Report) -> None:
    names = {s.id: s.name for s in speakers}
    reported: set[str] = set()
    for para in paras:
        if para.label is None or para.speaker is None or para.label.written in reported:
            continue
        written, canonical = para.label.name, names[para.speaker]
        if written != canonical and name_words(written) == name_words(canonical) and written.casefold() == canonical.casefold() \
                and not written.isupper():
            reported.add(para.label.written)
            report.warning("label-variant", f"label {written!r} looks like a slip for {canonical!r}",
                           para.first_line, 1)


def _check_turn(kind: Kind, paragraphs: tuple[str, ...], line: int, report: Report) -> None:
    for paragraph in paragraphs:
        if paragraph[:1].islower():
            report.info("lowercase-start", f"paragraph starts in lower case: {paragraph[:30]!r}", line)
        lower_sentences = _LOWER_SENTENCE.finditer(paragraph) if _LOWER_SENTENCE_HINT.search(paragraph) else ()
        for match in lower_sentences:
            if match.group(1) not in _ABBREVIATIONS:
                report.info("lowercase-start", f"sentence starts in lower case: {match.group()!r}", line)
        if not _PAIR_MARKS.search(paragraph):
            continue
        for opening, closing in _PAIRS:
            if paragraph.count(opening) != paragraph.count(closing):
                report.warning("unbalanced", f"{opening}{closing} do not pair up in {paragraph[:30]!r}…", line)
        if paragraph.count('"') % 2:
            report.warning("unbalanced", f'an odd number of " in {paragraph[:30]!r}…', line)
    text = " ".join(paragraphs)
    if kind is Kind.ANSWER and text.rstrip().endswith("?") and text.count("?") == _sentence_count(text):
        report.warning("role-doubt", "this answer only asks questions: are the roles right?", line)
    if kind is Kind.QUESTION and "?" not in text and len(text.split(maxsplit=_LONG_QUESTION_WORDS)) > _LONG_QUESTION_WORDS:
        report.warning("role-doubt", "this long question asks nothing: are the roles right?", line)


def _sentence_count(text: str) -> int:
    return max(1, sum(map(text.count, ".?!")))
