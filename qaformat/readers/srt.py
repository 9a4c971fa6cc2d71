"""The SubRip (``.srt``) reader: the caption format of speech-recognition tools and video editors.

What is SRT's own lives here: its markup (``<i>``, ``<b>``, ``<u>``, ``<s>``, ``<font ...>``
and ``{\\an8}``-style position codes are removed; any other ``<`` is text). SRT has no header,
no comments and no voices; a ``SPEAKER 1:`` written in the text is left for parsing. Cues are
read by `qaformat.readers.captions`. Knows nothing about interviews.
"""

from __future__ import annotations

from qaformat.blocks import Document
from qaformat.readers.captions import CaptionFormat, Markup, decode_lines, read_captions

__all__ = ["read_srt"]

SRT = CaptionFormat(
    name="SRT",
    markup=Markup(tags=frozenset({"i", "b", "u", "s", "font"}), overrides=True),
)


def read_srt(data: str | bytes, source: str | None = None) -> Document:
    """Read SubRip captions: one block per cue, or per dialogue dash within a cue.

    Each block carries the cue's start and end times (``time``, ``end``) and the source line of
    its text. Cue numbers are ignored, so missing or wrong ones do no harm.

    Raises:
        InputError: binary or undecodable input, or not one cue could be read.
    """
    lines, diagnostics = decode_lines(data, source)
    return read_captions(lines, 0, SRT, source=source, diagnostics=diagnostics)
