"""Stage 11, tidy: the safe typographic fixes, reported always and applied on request.

Two fixes, both to spacing only, so words never change: a missing space after sentence
punctuation (``allies.this`` -> ``allies. this``, ``Dr.Petrov`` -> ``Dr. Petrov``,
``Iran,which`` -> ``Iran, which``) that leaves domains (``world-today-news.com``),
abbreviations (``U.S.``, ``e.g.``, ``a.m.``, ``Ph.D.``), numbers (``3.5``, ``1,000``) and URLs
alone; and runs of spaces collapsed to one. Without ``tidy`` the text is returned unchanged and
each place is reported with its line and column, one finding per place, which is what
``qaformat check`` lists.
"""

from __future__ import annotations

from collections.abc import Sequence

from qaformat.parsing.joined import Joined
from qaformat.parsing.positions import SourceMap
from qaformat.parsing.report import Report
from qaformat.patterns import lazy, matches_before_hints

__all__ = ["needs_tidy", "tidy_text"]

# Two words glued by sentence punctuation ("allies.this", "Iran,which", "Dr.Petrov"), not part
# of a longer token (a domain's "news.com" after a hyphen, a URL, an e-mail, "U.S.", "3.5").
# The look-behind lets a match start only at a word's start, which keeps the search linear.
_GLUED = lazy(r"(?<![\w@/:.'’-])([^\W\d_]{2,})([.,!?;])([^\W\d_]{2,})(?=[\s.,!?;:\"”’)]|$)")
# What every glued place holds: punctuation with a letter right after it. Most paragraphs have
# none, and looking for it costs a tenth of trying the pattern above at every word.
_GLUED_HINT = lazy(r"[.,!?;][^\W\d_]")
_SPACES = lazy(r"(?<=\S)  +(?=\S)")
_NOT_WORDS = frozenset(
    """com org net edu gov mil int io co uk us de fr es it nl eu ru cn jp in au ca ch be se no dk fi
    info biz tv me ly fm ai app dev html htm php asp aspx js py json xml pdf doc docx txt csv jpg
    jpeg png gif svg mp3 mp4 wav exe zip gz md news""".split()
)


def _glued(text: str) -> list[tuple[int, str]]:
    """(offset just after the punctuation, the glued words) for each place a space is missing."""
    return [(match.end(2), match.group()) for match in matches_before_hints(_GLUED, _GLUED_HINT, text, _is_word_char)
            # a domain or a file name (example.com, report.pdf) is not glued words
            if match.group(2) != "." or match.group(3).casefold() not in _NOT_WORDS]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches


def needs_tidy(texts: Sequence[str]) -> list[bool]:
    """For each text, whether `tidy_text` may find anything in it (a glued place's hint or a
    run of spaces): the hints are looked for in all the texts at once, which costs a fraction of
    a look in each, and `tidy_text` returns the others unchanged and reports nothing."""
    joined = Joined(texts)
    untidy = joined.holding(_GLUED_HINT) | joined.holding("  ")
    return [index in untidy for index in range(len(texts))]


def tidy_text(text: str, line: int, report: Report, *, apply: bool, source: SourceMap | None = None) -> str:
    """Fix (or only report) missing spaces after punctuation and runs of spaces; each place is
    reported at its line and column where ``source`` finds the paragraph."""
    found = _glued(text)
    runs = list(_SPACES.finditer(text)) if "  " in text else []
    if not (found or runs):
        return text
    located = source.find(text, line) if source is not None else None

    def where(offset: int) -> tuple[int, int | None]:
        return located.at(offset) if located is not None else (line, None)

    verb = "added" if apply else "missing"
    for cut, glued in found:
        report.info("tidy-space-after-punctuation", f"space {verb} after punctuation in {glued!r}", *where(cut - 1))
    for run in runs:
        report.info("tidy-spaces", f"run of {len(run.group())} spaces {'collapsed' if apply else 'found'}",
                    *where(run.start()))
    if not apply:
        return text
    pieces: list[str] = []
    position = 0
    for cut, _ in found:
        pieces.append(text[position:cut])
        pieces.append(" ")
        position = cut
    pieces.append(text[position:])
    return _SPACES.sub(" ", "".join(pieces))
