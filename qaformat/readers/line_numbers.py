"""Line numbers printed in front of every line of a plain-text transcript, and the page numbers
between them: layout, not text.

Court depositions number the lines of each page (``12        Q.   Where were you?``, 1 to 25,
then a ``Page 13`` header and 1 again), and qualitative-research tools (NVivo, MAXQDA, ATLAS.ti)
export interviews with a number before each line (``14  P:  The parking.``). When nearly every
non-blank line of a stretch starts with such a number, counting up, the numbers are taken out of
the text and the page headers between them left out; the reader reports it once (``line-numbers``)
and lists each page header it drops. A numbered list (``1. Preheat the oven``) is no such layout:
its numbers end with a dot and each one is followed by a single space.

Each line is looked at through its first characters, so the scan is linear and costs nothing
for the common transcript whose lines start with a letter. Knows nothing about interviews.
"""

from __future__ import annotations

from qaformat.blocks import Omitted
from qaformat.errors import Diagnostic, Severity
from qaformat.patterns import lazy

__all__ = ["strip_line_numbers"]

_NUMBER = lazy(r"[ \t]*(\d{1,5})(?:([ \t]+)(?=\S)|[ \t]*$)")
_PAGE = lazy(r"(?i)[ \t]*(?:page[ \t]+\d{1,5}(?:[ \t]+of[ \t]+\d{1,5})?|-[ \t]*\d{1,5}[ \t]*-|\d{1,5})[ \t]*")
_FEWEST = 5
"""A stretch needs at least this many numbered lines."""
_SHARE = 0.85
"""Share of the stretch's non-blank lines (page headers aside) that must carry a number."""
_IN_ORDER = 0.8
"""Share of the numbers that must follow the one before (or start a page again at 1)."""


def strip_line_numbers(lines: list[str], start: int) -> tuple[list[str | None], tuple[Omitted, ...],
                                                              Diagnostic | None]:
    """The lines with their layout numbers taken out (``None`` for a page header left out), the
    headers left out, and the diagnostic that says so; the lines as they are when they carry no
    line numbers."""
    kept: list[str | None] = list(lines)
    digits = sum(1 for line in lines[start:] if line[:8].lstrip()[:1].isdigit())
    if digits < _FEWEST or digits * 2 < sum(1 for line in lines[start:] if line.strip()):
        return kept, (), None
    numbered: dict[int, str] = {}  # index -> the text after the number
    column = -1  # where the text after the last numbered line started
    in_order = 0
    previous = 0
    for index in range(start, len(lines)):
        line = lines[index]
        if not line[:8].lstrip()[:1].isdigit():
            continue
        match = _NUMBER.match(line)
        if match is None:
            continue
        gap = match.group(2)
        if gap is not None and len(gap) < 2 and "\t" not in gap and match.end() != column:
            continue  # "1 Preheat the oven": a list, unless it lines up with the numbered lines above
        number = int(match.group(1))
        in_order += number in (previous + 1, 1)
        previous = number
        if gap is not None:
            column = match.end()
        numbered[index] = line[match.end():]
    if len(numbered) < _FEWEST or in_order < _IN_ORDER * len(numbered):
        return kept, (), None
    first, last = min(numbered), max(numbered)
    above = next((i for i in range(first - 1, start - 1, -1) if lines[i].strip()), first)
    if _PAGE.fullmatch(lines[above]):
        first = above  # the page header over the first numbered line
    pages = [i for i in range(first, last + 1) if i not in numbered and lines[i].strip() and _PAGE.fullmatch(lines[i])]
    others = sum(1 for i in range(first, last + 1) if i not in numbered and lines[i].strip()) - len(pages)
    if len(numbered) < _SHARE * (len(numbered) + others):
        return kept, (), None
    for index, text in numbered.items():
        kept[index] = text
    for index in pages:
        kept[index] = None
    diagnostic = Diagnostic(Severity.INFO, "line-numbers",
                            f"lines {min(numbered) + 1}-{last + 1} start with a line number, as depositions and research"
                            " tools print them: the numbers are left out of the text", line=min(numbered) + 1)
    return kept, tuple(Omitted(i + 1, i + 1, "page number") for i in pages), diagnostic
