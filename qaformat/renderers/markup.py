"""Escaping for what the renderers write as markup: HTML pages and WordprocessingML.

Both the HTML and the DOCX renderer write their markup as strings. Every text and attribute
value from a transcript goes through these two functions, so input can never become markup.
The standard library's `html.escape` does the work; attribute values are always written in
double quotes, so only ``"`` needs escaping beyond ``&``, ``<`` and ``>``.
"""

from __future__ import annotations

import html

__all__ = ["escape_attribute", "escape_text"]


def escape_text(text: str) -> str:
    """Text content: ``&``, ``<`` and ``>`` escaped (quotes need no escape outside attributes)."""
    return html.escape(text, quote=False)


def escape_attribute(value: str) -> str:
    """An attribute value for double quotes."""
    return html.escape(value, quote=False).replace('"', "&quot;")
