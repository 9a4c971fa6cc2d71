"""Readers: one module per input format, each turning its input into a `Document` of blocks.

`READERS` is the fixed table of format name to reader function; `detect` picks a name from the
file name and the first bytes. Readers never import parsing or renderers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from qaformat.blocks import Document
from qaformat.errors import UnknownFormatError
from qaformat.readers.text import read_markdown, read_text

__all__ = ["READERS", "SUFFIXES", "detect", "reader_for"]

Reader = Callable[[str | bytes, str | None], Document]

READERS: dict[str, Reader] = {
    "text": read_text,
    "markdown": read_markdown,
}
"""Input format name to reader. ``json`` (our own output) is read by ``qaformat.load_json``."""

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
}
"""File suffix to input format name."""

ALIASES: dict[str, str] = {"txt": "text", "md": "markdown", "plain": "text"}


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

    The content wins where it is unmistakable (our own JSON); otherwise the suffix decides,
    and anything else is read as plain text.
    """
    if isinstance(head, bytes):
        head = head[:512].decode("utf-8", errors="replace")
    sniff = head[:512].lstrip("\ufeff \t\r\n")
    if sniff.startswith("{") and '"qaformat"' in sniff[:200]:
        return "json"
    if name:
        suffix = PurePath(name).suffix.lower()
        if suffix in SUFFIXES:
            return SUFFIXES[suffix]
    return "text"


def reader_for(fmt: str) -> Reader:
    """The reader function for an input format name.

    Raises:
        UnknownFormatError: no such reader.
    """
    return READERS[canonical_format(fmt)]
