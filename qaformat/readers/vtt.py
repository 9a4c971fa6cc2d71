"""The WebVTT reader (``.vtt``: Zoom, Microsoft Teams, YouTube, browsers' ``<track>``).

What is WebVTT's own lives here: the ``WEBVTT`` header and its metadata lines, the ``NOTE``,
``STYLE`` and ``REGION`` blocks (left out, and listed in ``omitted``), and the cue markup:
voices ``<v Name>`` name the speaker, every other tag is removed. Cues themselves are read by
`qaformat.readers.captions`. Knows nothing about interviews.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from qaformat.blocks import Document, Omitted
from qaformat.readers.captions import CaptionFormat, Markup, decode_lines, read_captions

__all__ = ["read_vtt"]

_SIGNATURE = "WEBVTT"

WEBVTT = CaptionFormat(
    name="WebVTT",
    markup=Markup(tags=None, voices=True, ruby=True),
    blocks={"NOTE": "WebVTT note", "STYLE": "WebVTT style block", "REGION": "WebVTT region block"},
)


@attrs.frozen
class _Header:
    start: int
    """Index of the first line after the header."""
    metadata: dict[str, str]
    omitted: tuple[Omitted, ...]


def read_vtt(data: str | bytes, source: str | None = None) -> Document:
    """Read WebVTT captions: one block per cue, or per voice or dialogue dash within a cue.

    Each block carries the cue's start and end times (``time``, ``end``), the voice's name
    (``speaker``) and the source line of its text.

    Raises:
        InputError: binary or undecodable input, or not one cue could be read.
    """
    lines, diagnostics = decode_lines(data, source)
    header = _header(lines)
    return read_captions(lines, header.start, WEBVTT, source=source, metadata=header.metadata,
                         omitted=header.omitted, diagnostics=diagnostics)


def _header(lines: Sequence[str]) -> _Header:
    """The ``WEBVTT`` line and the header lines under it, up to the first blank line.

    Text after ``WEBVTT`` is kept as metadata ``webvtt``; ``Key: value`` header lines (YouTube's
    ``Kind: captions``, ``Language: en``) as metadata under the lower-cased key. A file without
    the signature is read all the same (from its first line): its cues are what matters.
    """
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None or not _is_signature(lines[first]):
        return _Header(0, {}, ())
    end = first + 1
    while end < len(lines) and lines[end]:
        end += 1
    body = lines[first + 1 : end]
    if any("-->" in line for line in body):
        end, body = first + 1, []  # no blank line after the signature: the cues start at once
    metadata = _metadata(lines[first][len(_SIGNATURE) :].strip(), body)
    has_text = bool(lines[first][len(_SIGNATURE) :].strip()) or any(line.strip() for line in body)
    omitted = (Omitted(first + 1, end, "WebVTT header"),) if has_text else ()
    return _Header(end, metadata, omitted)


def _is_signature(line: str) -> bool:
    return line.startswith(_SIGNATURE) and line[len(_SIGNATURE) : len(_SIGNATURE) + 1] in ("", " ", "\t")


def _metadata(tail: str, body: Sequence[str]) -> dict[str, str]:
    metadata: dict[str, str] = {}
    if tail:
        metadata["webvtt"] = tail
    for line in body:
        key, colon, value = line.partition(":")
        key = key.strip()
        if colon and key and " " not in key and value.strip():
            metadata[key.lower()] = value.strip()
    return metadata
