"""Readers: one module per input format, each turning its input into a `Document` of blocks.

`READERS` is the fixed table of format name to reader function; `detect` picks a name from the
file name and the first bytes. A reader's module is imported when first used, so reading a text
file never loads the Word or HTML reader (nor python-docx or lxml). Readers never import parsing
or renderers.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import cast

from qaformat.blocks import Document
from qaformat.errors import UnknownFormatError
from qaformat.readers.sniff import could_be_captions, is_docx, is_html_page, is_podcast_json, is_ttml

__all__ = ["READERS", "SUFFIXES", "detect", "reader_for"]

Reader = Callable[[str | bytes, str | None], Document]

READERS: dict[str, tuple[str, str]] = {
    "text": ("qaformat.readers.text", "read_text"),
    "markdown": ("qaformat.readers.text", "read_markdown"),
    "vtt": ("qaformat.readers.vtt", "read_vtt"),
    "srt": ("qaformat.readers.srt", "read_srt"),
    "docx": ("qaformat.readers.docx_reader", "read_docx"),
    "html": ("qaformat.readers.html_reader", "read_html"),
    "podcast": ("qaformat.readers.podcast", "read_podcast"),
    "ttml": ("qaformat.readers.ttml", "read_ttml"),
}
"""Input format name to its reader: (module, function). ``json`` (our own output) is read by
``qaformat.load_json``."""

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".vtt": "vtt",
    ".srt": "srt",
    ".ttml": "ttml",
    ".dfxp": "ttml",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
"""File suffix to input format name."""

ALIASES: dict[str, str] = {"txt": "text", "md": "markdown", "plain": "text", "webvtt": "vtt", "subrip": "srt", "dfxp": "ttml"}


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

    The content wins where it is unmistakable (our own JSON, a Word file, a web page, TTML);
    otherwise the suffix decides.
    A ``.txt``, an unknown suffix or no name is read as captions if it starts like WebVTT or
    SRT, and anything else as plain text.
    """
    if isinstance(head, bytes):
        head = head[:512].decode("utf-8", errors="replace")
    sniff = head[:512].lstrip("\ufeff \t\r\n")
    if sniff.startswith("{") and '"qaformat"' in sniff[:200]:
        return "json"
    if is_podcast_json(sniff):
        return "podcast"
    # A Word file or a web page is unmistakable whatever its name (a .txt that is a saved page).
    if is_docx(head):
        return "docx"
    if is_html_page(sniff):
        return "html"
    if is_ttml(sniff):
        return "ttml"
    if name:
        suffix = os.path.splitext(name)[1].lower()
        if SUFFIXES.get(suffix, "text") != "text":
            return SUFFIXES[suffix]
    # A .txt, an unknown suffix or standard input may hold captions (WEBVTT, or SRT's "1" and times).
    if could_be_captions(sniff):
        from qaformat.readers.captions import sniff as sniff_captions  # only where captions may be

        return sniff_captions(sniff) or "text"
    return "text"


def reader_for(fmt: str) -> Reader:
    """The reader function for an input format name.

    Raises:
        UnknownFormatError: no such reader.
    """
    module, function = READERS[canonical_format(fmt)]
    return cast(Reader, getattr(importlib.import_module(module), function))
