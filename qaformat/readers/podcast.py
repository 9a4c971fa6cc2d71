"""The Podcasting 2.0 JSON transcript reader (``<podcast:transcript type="application/json">``).

What is that format's own lives here: a ``segments`` list whose items carry ``body``, and
optionally ``speaker``, ``startTime`` and ``endTime``. Each segment with text becomes one block
with its speaker and start time; its position is the segment's line in the file (our own
output writes one segment to a line), else its number. Knows nothing about interviews.
"""

from __future__ import annotations

import json
import math
from typing import Any

from qaformat.blocks import Block, Document
from qaformat.errors import InputError
from qaformat.readers.decode import decode

__all__ = ["read_podcast"]


def read_podcast(data: str | bytes, source: str | None = None) -> Document:
    """Read a Podcasting 2.0 JSON transcript: one block per segment.

    Raises:
        InputError: not JSON, or no ``segments`` list with text in it.
    """
    if isinstance(data, bytes):
        text, diagnostics = decode(data, source)
    else:
        text, diagnostics = data, []
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON: {error.msg}", source=source, line=error.lineno) from None
    segments = value.get("segments") if isinstance(value, dict) else None
    if not isinstance(segments, list):
        raise InputError("not a podcast transcript: no \"segments\" list", source=source, line=1)
    lines = _segment_lines(text, len(segments))
    blocks = []
    for number, segment in enumerate(segments):
        if not isinstance(segment, dict) or not isinstance(segment.get("body"), str) or not segment["body"].strip():
            continue
        speaker = segment.get("speaker")
        blocks.append(Block(text=" ".join(segment["body"].split()), line=lines[number], gap_before=True,
                            speaker=speaker.strip() if isinstance(speaker, str) and speaker.strip() else None,
                            time=_seconds(segment.get("startTime"))))
    if not blocks:
        raise InputError("the podcast transcript has no segment with text", source=source, line=1)
    return Document(blocks=tuple(blocks), metadata={}, diagnostics=tuple(diagnostics))


def _seconds(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and value >= 0 else None


def _segment_lines(text: str, count: int) -> list[int]:
    """The line of each segment where the file has one to a line, else the segment numbers."""
    lines = [number for number, line in enumerate(text.splitlines(), start=1) if line.lstrip().startswith("{")]
    lines = lines[1:] if lines and lines[0] == 1 else lines
    return lines if len(lines) == count else list(range(1, count + 1))
