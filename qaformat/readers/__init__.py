"""Readers: one module per input format, each turning its input into a `Document` of blocks.

`READERS` is the fixed table of format name to reader function; `detect` picks a name from the
file name and the first bytes. Readers never import parsing or renderers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from qaformat.blocks import Document
from qaformat.errors import UnknownFormatError
from qaformat.readers.captions import sniff as sniff_captions
from qaformat.readers.docx_reader import read_docx
from qaformat.readers.docx_reader import sniff as sniff_docx
from qaformat.readers.html_reader import read_html
from qaformat.readers.html_reader import sniff as sniff_html
from qaformat.readers.srt import read_srt
from qaformat.readers.text import read_markdown, read_text
from qaformat.readers.vtt import read_vtt

__all__ = ["READERS", "SUFFIXES", "detect", "reader_for"]

Reader = Callable[[str | bytes, str | None], Document]

READERS: dict[str, Reader] = {
    "text": read_text,
    "markdown": read_markdown,
    "vtt": read_vtt,
    "srt": read_srt,
    "docx": read_docx,
    "html": read_html,
}
"""Input format name to reader. ``json`` (our own output) is read by ``qaformat.load_json``."""

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".vtt": "vtt",
    ".srt": "srt",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
"""File suffix to input format name."""

ALIASES: dict[str, str] = {"txt": "text", "md": "markdown", "plain": "text", "webvtt": "vtt", "subrip": "srt"}


def canonical_format(name: str) -> str:
    """The input format for a name or alias (``md`` -> ``markdown``).

    Raises:
        UnknownFormatError: no such input format.
    """
    name = ALIASES.get(name.lower(), name.lower())
    if name not in READERS and name != "json":
        raise UnknownFormatError("input", name, [*READERS, "json"])
    return name


def detect(name: str | None, head: bytes | str) -> str:
    """Choose an input format from a file name (may be ``None``) and the input's first bytes.

    The content wins where it is unmistakable (our own JSON, a Word file, a web page);
    otherwise the suffix decides.
    A ``.txt``, an unknown suffix or no name is read as captions if it starts like WebVTT or
    SRT, and anything else as plain text.
    """
    if isinstance(head, bytes):
        head = head[:512].decode("utf-8", errors="replace")
    sniff = head[:512].lstrip("\ufeff \t\r\n")
    if sniff.startswith("{") and '"qaformat"' in sniff[:200]:
        return "json"
    # A Word file or a web page is unmistakable whatever its name (a .txt that is a saved page).
    if sniff_docx(head):
        return "docx"
    if sniff_html(sniff):
        return "html"
    if name:
        suffix = PurePath(name).suffix.lower()
        if SUFFIXES.get(suffix, "text") != "text":
            return SUFFIXES[suffix]
    # A .txt, an unknown suffix or standard input may hold captions (WEBVTT, or SRT's "1" and times).
    return sniff_captions(sniff) or "text"


def reader_for(fmt: str) -> Reader:
    """The reader function for an input format name.

    Raises:
        UnknownFormatError: no such reader.
    """
    return READERS[canonical_format(fmt)]
