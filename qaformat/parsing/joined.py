"""Many texts searched as one: which of a document's paragraphs hold a hint, in one search.

A pattern's search costs little per character and much per call, and the stages that try a
slow pattern only where a cheap hint occurs (see `qaformat.patterns.matches_before_hints`) used
to look for the hint paragraph by paragraph: at 4,000 paragraphs the calls cost as much as the
search. `Joined` joins the texts with line breaks and searches them once. Stages import it as
they import `units` and `words`; it knows nothing of what the texts are.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

__all__ = ["Joined"]


class Joined:
    """Texts joined by line breaks, so that one search finds which of them hold a hint."""

    def __init__(self, texts: Sequence[str]):
        self._text = "\n".join(texts)
        self._starts: list[int] = []
        position = 0
        for text in texts:
            self._starts.append(position)
            position += len(text) + 1

    def holding(self, hint: re.Pattern[str] | str) -> set[int]:
        """Indexes of the texts in which ``hint`` (a pattern, or a plain string) occurs.

        The hint must never match a line break and never look around its match, so that a
        match in the joined text is a match in one text, as the text alone would find it.
        """
        found: set[int] = set()
        text, starts = self._text, self._starts
        position = 0
        while True:
            if isinstance(hint, str):
                position = text.find(hint, position)
            else:
                match = hint.search(text, position)
                position = -1 if match is None else match.start()
            if position < 0:
                return found
            index = bisect.bisect_right(starts, position) - 1
            found.add(index)
            if index + 1 == len(starts):
                return found
            position = starts[index + 1]  # one occurrence is enough: on to the next text
