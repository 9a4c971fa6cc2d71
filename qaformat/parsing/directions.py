"""Stage 12, directions: find stage directions and times inside paragraphs, for renderers.

``[laughs]``, ``(Laughter.)``, ``[inaudible 00:15:05]``, ``[crosstalk]``, ``(APPLAUSE)`` become
direction spans; a bracketed time alone (``[00:15:05]``) a timestamp span. The text is not
changed: spans only point into it.
"""

from __future__ import annotations

from qaformat.model import Span, SpanKind
from qaformat.parsing.words import is_direction
from qaformat.patterns import lazy

__all__ = ["find_spans"]

_BRACKETED = lazy(r"\[[^\[\]\n]{1,80}\]|\([^()\n]{1,80}\)")
_TIME_ONLY = lazy(r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?")


def find_spans(paragraphs: list[str]) -> tuple[Span, ...]:
    """Direction and timestamp spans in each paragraph, in text order."""
    spans: list[Span] = []
    for number, text in enumerate(paragraphs):
        if "[" not in text and "(" not in text:
            continue
        for match in _BRACKETED.finditer(text):
            inner = match.group()[1:-1].strip()
            if _TIME_ONLY.fullmatch(inner):
                spans.append(Span(number, match.start(), match.end(), SpanKind.TIMESTAMP))
            elif is_direction(inner):
                spans.append(Span(number, match.start(), match.end(), SpanKind.DIRECTION))
    return tuple(spans)
