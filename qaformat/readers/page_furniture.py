"""Page furniture of a transcript printed to pages and saved as text: page numbers and running
headers that recur page after page, counting up. Layout, not text.

Archives and transcription services paginate their transcripts (an oral-history master copy, a
PDF run through ``pdftotext``): every page opens with a running header (``Pettifer, Joan
NROH 2018.041   Page 2``) and ends with a page number (``- 2 -``), wherever a sentence or an
answer happens to break. A line is such furniture when the same line, its last number aside,
recurs with that number counting up (by one, or two where a page lacks it), and it says so by
its shape: a page number alone (``- 2 -``, ``Page 2``, ``Page 2 of 9``), or a line that names
the page (``Page``, ``p.``) or is laid out in columns (runs of three spaces or more). A label
with a number (``Speaker 1``, ``Q1.``) has neither shape. Where a page breaks inside a paragraph
(the line before the break ends without a full stop), the blank lines around the furniture go
with it, so the paragraph reads on. Knows nothing about interviews.
"""

from __future__ import annotations

from itertools import pairwise

from qaformat.blocks import Omitted
from qaformat.patterns import lazy

__all__ = ["strip_page_furniture"]

_LAST_NUMBER = lazy(r"(.*?)(\d{1,4})(\D{0,3})")
_PAGE_ONLY = lazy(r"(?i)[-–—]\s*#\s*[-–—]|page\s+#(?:\s+of\s+\d{1,4})?|p\.\s*#|#\s*/\s*\d{1,4}|\[#\]")
_NAMES_PAGE = lazy(r"(?i)\b(?:page|pg\.?|p\.)\s*#")
_COLUMNS = lazy(r"\S {3,}\S")
_SPACES = lazy(r"\s+")
_LONGEST = 120  # characters: a running header is one short line
_SENTENCE_END = ".?!:;\"'”’)]…"
_FEWEST = 2


def strip_page_furniture(lines: list[str | None], start: int) -> tuple[list[str | None], tuple[Omitted, ...]]:
    """The lines with each page number and running header set to ``None`` (and the blank lines
    around one that breaks a paragraph), and the furniture left out; the lines as they are when
    nothing recurs so."""
    groups: dict[str, list[tuple[int, int]]] = {}
    for index in range(start, len(lines)):
        line = lines[index]
        if line is None or not line.strip() or len(line) > _LONGEST or not any(c.isdigit() for c in line):
            continue
        match = _LAST_NUMBER.fullmatch(line.strip())
        if match is None:
            continue
        key = _SPACES.sub(" ", f"{match.group(1)}#{match.group(3)}")
        if _PAGE_ONLY.fullmatch(key) or _NAMES_PAGE.search(key) or _COLUMNS.search(line.strip()):
            groups.setdefault(key, []).append((index, int(match.group(2))))
    furniture: dict[int, str] = {}
    for key, members in groups.items():
        numbers = [number for _, number in members]
        if len(members) >= _FEWEST and all(0 < b - a <= 2 for a, b in pairwise(numbers)):
            reason = "page number" if _PAGE_ONLY.fullmatch(key) else "running page header"
            furniture.update((index, reason) for index, _ in members)
    if not furniture:
        return lines, ()
    kept = list(lines)
    for index in furniture:
        kept[index] = None
    _join_broken_paragraphs(kept, furniture, start)
    return kept, tuple(Omitted(i + 1, i + 1, reason) for i, reason in sorted(furniture.items()))


def _join_broken_paragraphs(kept: list[str | None], furniture: dict[int, str], start: int) -> None:
    """Take out the blank lines of a page break that falls inside a paragraph."""
    done: set[int] = set()
    for index in sorted(furniture):
        if index in done:
            continue
        first = index
        while first - 1 >= start and (first - 1 in furniture or not (kept[first - 1] or "").strip()):
            first -= 1
        last = index
        while last + 1 < len(kept) and (last + 1 in furniture or not (kept[last + 1] or "").strip()):
            last += 1
        done.update(range(first, last + 1))
        before = kept[first - 1] if first - 1 >= start else None
        if before is None or last + 1 >= len(kept) or before.rstrip()[-1:] in _SENTENCE_END:
            continue
        for blank in range(first, last + 1):
            kept[blank] = None
