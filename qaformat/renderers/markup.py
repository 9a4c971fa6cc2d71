"""Escaping for what the renderers write as markup: HTML pages and WordprocessingML.

Both the HTML and the DOCX renderer write their markup as strings. Every text and attribute
value from a transcript goes through these two functions, so input can never become markup.
Attribute values are always written in double quotes, so only ``"`` needs escaping beyond ``&``,
``<`` and ``>``. (This is what ``html.escape`` does; importing the ``html`` package loads its
table of entities, a cost every short conversion would pay at start-up.)
"""

from __future__ import annotations

__all__ = ["escape_attribute", "escape_text"]


def escape_text(text: str) -> str:
    """Text content: ``&``, ``<`` and ``>`` escaped (quotes need no escape outside attributes)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(value: str) -> str:
    """An attribute value for double quotes."""
    return escape_text(value).replace('"', "&quot;")
