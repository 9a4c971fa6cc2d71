"""Text direction: whether a text's letters are mostly right-to-left.

Shared by the HTML renderer (``dir="rtl"`` on the article) and the DOCX renderer (``w:bidi``
on a paragraph) so both decide alike. Counting runs in the regular-expression engine rather
than character by character in Python: this is on every renderer's path over the whole text.
"""

from __future__ import annotations

from qaformat.patterns import lazy

__all__ = ["TextDirection", "right_to_left"]

# The blocks of the right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan,
# Mandaic and their supplements (U+0590-U+08FF), Hebrew and Arabic presentation forms, and the
# historic and modern right-to-left scripts of plane 1 (Phoenician to Old Uyghur, Mende Kikakui,
# Adlam, Arabic mathematical letters). The classes are kept simple and apart (plane 0, plane 1;
# any character before a run of them) because the regular-expression engine scans for a plain
# class several times faster, and this looks over every text a renderer writes.
_RTL_BLOCKS = lazy("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_RTL_BLOCKS_ASTRAL = lazy("[\U00010800-\U00010fff\U0001e800-\U0001efff]")
_RTL_RUNS = lazy("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]+")


def right_to_left(text: str) -> bool | None:
    """Whether right-to-left letters outnumber the others; ``None`` when there are no letters.

    A letter is what `str.isalpha` says; in the right-to-left blocks each one has bidi class R
    or AL, and elsewhere nearly all have class L (a few modifier letters are neutral).
    """
    if not _has_right_to_left(text):
        return _left_to_right(text)
    rtl = sum(map(str.isalpha, "".join(_RTL_RUNS.findall(text))))
    others = sum(map(str.isalpha, text)) - rtl
    if rtl == others == 0:
        return None
    return rtl > others


class TextDirection:
    """`right_to_left` for the many texts of one document, which is searched once: where it has
    no right-to-left letter at all (most documents), no text of it needs to be searched again."""

    def __init__(self, document: str):
        """``document``: all the text that the texts asked about are made of."""
        self._mixed = _has_right_to_left(document)

    def of(self, text: str) -> bool | None:
        """`right_to_left` of a text made of the document's."""
        return right_to_left(text) if self._mixed else _left_to_right(text)


def _has_right_to_left(text: str) -> bool:
    return not text.isascii() and bool(_RTL_BLOCKS.search(text) or (_past_plane_0(text) and _RTL_BLOCKS_ASTRAL.search(text)))


def _left_to_right(text: str) -> bool | None:
    """The direction of a text without right-to-left letters."""
    return False if any(map(str.isalpha, text)) else None


def _past_plane_0(text: str) -> bool:
    """Whether the text has a character past U+FFFF: its UTF-16 form then takes more than two
    bytes a character. Encoding it is ten times faster than searching it for such characters."""
    return len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)
