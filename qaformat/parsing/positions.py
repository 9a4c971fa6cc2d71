"""Where a paragraph's characters stand in the source, so a finding names its line and column.

Paragraphs are blocks' text after their labels, with hard-wrapped lines joined by one space;
`SourceMap` finds a paragraph among the blocks again (after a given line, in reading order) and
turns an offset in the paragraph into the block's line and a 1-based column in that line's text
as the reader gave it (leading blanks and Markdown markers not counted). Stages that report a
finding inside a paragraph ask it only when they have one, so a clean document costs nothing.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from qaformat.blocks import Block

__all__ = ["Located", "SourceMap"]

# How many blocks past the expected line a paragraph is looked for: a paragraph is found at once
# unless parsing moved or changed it (a tidied text), and a miss must not cost a whole scan.
_LOOK_AHEAD = 64


class Located:
    """One paragraph found among the blocks: offsets in it become (line, column)."""

    def __init__(self, blocks: Sequence[Block], index: int, skip: int, line: int):
        self._blocks = blocks
        self._index = index
        self._skip = skip
        self._line = line

    def at(self, offset: int) -> tuple[int, int | None]:
        """The line and 1-based column of a paragraph offset (the column is ``None`` where the
        paragraph was not found in the source, e.g. a title from metadata)."""
        if self._index < 0:
            return self._line, None
        index, skip = self._index, self._skip
        while index < len(self._blocks):
            length = len(self._blocks[index].text) - skip
            if offset < length or index + 1 == len(self._blocks):
                return self._blocks[index].line, skip + min(offset, max(length, 0)) + 1
            offset -= length + 1  # the space that joined the next line
            index, skip = index + 1, 0
        return self._line, None


class SourceMap:
    """Finds paragraphs among the normalized blocks, in reading order."""

    def __init__(self, blocks: Sequence[Block]):
        self._blocks = blocks
        self._lines = [block.line for block in blocks]
        self._next = 0

    def find(self, text: str, line: int | None) -> Located:
        """The paragraph ``text`` at or after source ``line`` (and after the last one found)."""
        start = max(self._next, bisect.bisect_left(self._lines, line or 0))
        for index in range(start, min(len(self._blocks), start + _LOOK_AHEAD)):
            skip = _start_in(self._blocks[index].text, text)
            if skip is not None:
                self._next = index + 1
                return Located(self._blocks, index, skip, self._blocks[index].line)
        return Located(self._blocks, -1, 0, line or 1)


def _start_in(block: str, paragraph: str) -> int | None:
    """Where in a block's text the paragraph starts: the block's text from there on is the
    paragraph's first line (a label may come before it)."""
    if not paragraph:
        return None
    skip = block.find(paragraph[0])
    while skip >= 0:
        rest = block[skip:]
        if paragraph.startswith(rest) and (len(paragraph) == len(rest) or paragraph[len(rest)] == " "):
            return skip
        skip = block.find(paragraph[0], skip + 1)
    return None
