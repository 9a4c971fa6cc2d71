"""Characters a transcript must not carry into XML, HTML or JSON, and their replacement.

Control characters (NUL included, tab aside), lone surrogates and the non-characters U+FFFE and
U+FFFF cannot be written to XML 1.0, and C1 controls are mis-decoded text. Each becomes one
U+FFFD, so offsets into the text stay valid. Used by the parser's normalize stage and by
``load_json``; imports nothing from the package.
"""

from __future__ import annotations

from qaformat.patterns import lazy

__all__ = ["REPLACEMENT", "UNSAFE", "make_safe"]

REPLACEMENT = "\ufffd"
UNSAFE = lazy("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def make_safe(text: str) -> str:
    """Replace every unsafe character with U+FFFD and tabs with spaces."""
    if "\t" in text:
        text = text.replace("\t", " ")
    return UNSAFE.sub(REPLACEMENT, text)
