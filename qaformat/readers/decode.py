"""Turning input bytes into text: byte-order marks, UTF-8, UTF-16, the cp1252 fallback, and
refusing binary files. Shared by every text-based reader; knows nothing about interviews.
"""

from __future__ import annotations

import codecs

from qaformat.errors import Diagnostic, InputError, Severity
from qaformat.patterns import lazy

__all__ = ["decode", "split_lines"]

# File signatures of formats that are certainly not a transcript, checked before decoding.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (a .docx is read with format='docx')"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"ID3", "an audio file"),
    (b"OggS", "an audio file"),
    (b"RIFF", "an audio or video file"),
    (b"fLaC", "an audio file"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
    (b"SQLite format 3", "a database"),
)

_LINE_END = lazy(r"\r\n|\r|\n")


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    sample = data[:8192]
    if not sample:
        return None
    # Text has few control bytes; a stray NUL or two is damage we repair, not binary.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(sample) // 10:
        return "binary data"
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a BOM by its zero bytes in every other position."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.6 and even < half * 0.1:
        return "utf-16-le"
    if even > half * 0.6 and odd < half * 0.1:
        return "utf-16-be"
    return None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, source: str | None = None) -> tuple[str, list[Diagnostic]]:
    """Decode input bytes to text.

    UTF-8 (with or without BOM) and UTF-16/UTF-32 with a BOM are read as such; bytes that are
    not UTF-8 are read as cp1252 (what Windows editors wrote for decades) with a warning.

    Returns:
        The text and the diagnostics about how it was decoded.

    Raises:
        InputError: the input is binary (its size is the caller's to limit: ``qaformat.parse``
            refuses more than ``ParseOptions.max_bytes``).
    """
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _decode_with(data, codec, source), []
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), []
        except UnicodeDecodeError as exc:
            raise InputError(f"input looks like {utf16.upper()} (no byte-order mark) but is not valid"
                             f" {utf16.upper()} (byte {exc.start})", source=source) from None
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"this is {kind}, not a text transcript", source=source, line=1)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        text = data.decode("cp1252", errors="replace")
        return text, [
            Diagnostic(
                Severity.WARNING,
                "encoding-fallback",
                "input is not valid UTF-8; read as Windows-1252 (cp1252): check accented letters",
                line=line,
            )
        ]


def _decode_with(data: bytes, codec: str, source: str | None) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        name = {"utf-8-sig": "UTF-8"}.get(codec, codec.upper())
        raise InputError(
            f"input starts with a {name} byte-order mark but is not valid {name} (byte {exc.start})",
            source=source,
        ) from None


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF only (not on the form feeds and Unicode separators that
    ``str.splitlines`` also honours), so line numbers match what an editor shows."""
    # Most files end their lines with LF alone, and splitting at a character is far faster
    # than at the pattern.
    lines = text.split("\n") if "\r" not in text else _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines
