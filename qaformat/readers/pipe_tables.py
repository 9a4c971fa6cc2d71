"""Markdown pipe tables that hold a transcript: ``| Time | Speaker | Text |`` rows.

Scripts, wikis and note apps (GitHub, Notion, Obsidian) export a transcript as a GFM pipe table:
a header row, a ``|---|---|`` delimiter row, then one row per utterance. The columns are told by
the same rule as a Word, HTML or tab-separated table (`qaformat.readers.tables`), so the same
rows read the same in any of these formats. A ``<br>`` inside a cell, the only way a pipe table
can break a line, starts a new paragraph of the row's speaker. Used by the Markdown reader; knows
nothing about interviews.
"""

from __future__ import annotations

import re

from qaformat.blocks import Block, Omitted
from qaformat.patterns import lazy
from qaformat.readers.tables import find_columns, is_talk, seconds

__all__ = ["pipe_table_rows"]

_DELIMITER = lazy(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?|\|\s*:?-{3,}:?\s*\|")
_CELL_SPLIT = lazy(r"(?<!\\)\|")
_BREAKS = lazy(r"(?:\s*<br\s*/?>\s*)+", re.IGNORECASE)
_FEWEST_ROWS = 3


def _cells(line: str) -> list[str]:
    text = line.strip()
    text = text.removeprefix("|")
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _CELL_SPLIT.split(text)]


def _is_row(line: str | None) -> bool:
    return line is not None and "|" in line and bool(line.strip())


def pipe_table_rows(lines: list[str | None], start: int) -> tuple[dict[int, tuple[Block, ...]], list[Omitted]]:
    """The blocks of each transcript row of the pipe tables in ``lines`` (by line index), and the
    header and delimiter rows left out. Tables that are not transcripts (a timetable, a price
    list, any table without a speaker column) give nothing and stay lines of text."""
    rows: dict[int, tuple[Block, ...]] = {}
    omitted: list[Omitted] = []
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if line is None or not _DELIMITER.fullmatch(line.strip()) or not _is_row(lines[index - 1]):
            index += 1
            continue
        head = index - 1
        end = index + 1
        while end < len(lines) and _is_row(lines[end]) and not _DELIMITER.fullmatch(str(lines[end]).strip()):
            end += 1
        found = _read_table(lines, head, index, end)
        if found is not None:
            rows.update(found[0])
            omitted.extend(found[1])
        index = end + 1
    return rows, omitted


def _read_table(
    lines: list[str | None], head: int, delimiter: int, end: int,
) -> tuple[dict[int, tuple[Block, ...]], list[Omitted]] | None:
    body = {i: _cells(str(lines[i])) for i in range(delimiter + 1, end)}
    if len(body) < _FEWEST_ROWS:
        return None
    columns = find_columns(list(body.values()))
    if columns is None:
        return None
    if not is_talk(list(body.values()), columns):
        return None  # a timetable or a price list: the "speakers" do not recur, nobody talks
    # The row above the delimiter is the header whatever it says: GFM has no table without one.
    omitted = [Omitted(head + 1, head + 1, "table header row"), Omitted(delimiter + 1, delimiter + 1, "table delimiter row")]
    rows: dict[int, tuple[Block, ...]] = {}
    for index, cells in body.items():
        if len(cells) != columns.count or not cells[columns.text]:
            continue
        time = seconds(cells[columns.time]) if columns.time is not None else None
        speaker = cells[columns.speaker].rstrip(":： ").strip() or None
        paragraphs = [part for part in _BREAKS.split(cells[columns.text]) if part.strip()]
        rows[index] = tuple(
            Block(text=part.strip(), line=index + 1, speaker=speaker, time=time if n == 0 else None, gap_before=n > 0)
            for n, part in enumerate(paragraphs)
        )
    return rows, omitted
