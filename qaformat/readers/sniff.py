"""What an input's first characters say about its format, without loading any reader.

`detect` runs on every input, so these checks live apart from the readers they choose: a plain
text file never loads the Word or HTML reader, nor lxml. Caption sniffing needs the caption
time parser, so `detect` asks the captions reader only when a head could hold captions.
"""

from __future__ import annotations

import re

from qaformat.patterns import lazy

__all__ = ["could_be_captions", "is_docx", "is_html_page", "is_podcast_json", "is_ttml"]

# Names a zip archive of an Office Open XML package shows near its start.
_OOXML_PARTS = ("[Content_Types].xml", "_rels/.rels", "word/", "docProps/")
_PAGE_START = lazy(r"\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                         re.IGNORECASE | re.DOTALL)
# A TTML document's root: <tt> (perhaps prefixed, <tt:tt>) in the TTML namespace (or DFXP's ttaf1).
_TTML_START = lazy(r"\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:\w+:)?tt[\s>][^>]*http://www\.w3\.org/(?:ns/ttml|2006/\d\d/ttaf1)[\"'#]",
                   re.DOTALL)


def is_docx(head: str) -> bool:
    """Whether an input's first bytes (decoded leniently) are a Word or other OOXML package.

    A zip archive names its first entries near the start; ``word/document.xml`` itself is
    rarely among them, so any Office Open XML part counts (a workbook then gets a clear error).
    """
    return head.startswith("PK\x03\x04") and any(part in head for part in _OOXML_PARTS)


def is_html_page(head: str) -> bool:
    """Whether an input starts as an HTML page: ``<!DOCTYPE html>`` or ``<html``, after an
    optional byte-order mark, XML declaration and comments."""
    return _PAGE_START.match(head) is not None


def could_be_captions(head: str) -> bool:
    """WebVTT starts with ``WEBVTT``, and SRT has a timing line (``-->``) in its first lines."""
    return head.startswith("WEBVTT") or "-->" in head


def is_podcast_json(head: str) -> bool:
    """Whether an input starts as a Podcasting 2.0 JSON transcript: an object with ``segments``."""
    return head.startswith("{") and '"segments"' in head and '"qaformat"' not in head[:200]


def is_ttml(head: str) -> bool:
    """Whether an input starts as a TTML (or DFXP) caption document: a ``<tt>`` root in the
    TTML namespace, after an optional XML declaration and comments."""
    return _TTML_START.match(head) is not None
