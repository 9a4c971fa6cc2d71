"""The DOCX renderer's default package, without python-docx: the parts shipped with qaformat
that a document without a template is made of, and the names of the styles it uses.

It owns the style names (`STYLE_NAMES`) and their ids in the default package, the language
attributes Word keeps per script, the core properties a rendering writes, and the default
package: its parts (``styles.xml`` with the QA styles, ``[Content_Types].xml``, the
relationships, settings, fonts, theme, ...) are files in ``docx_default/`` beside this module,
made once with python-docx by `docx_styles.shipped_parts` and shipped as package data. A
rendering only fills them in: the document's language into the styles' ``w:lang`` elements,
the properties into ``docProps/core.xml``; the renderer splices the body into
``word/document.xml`` at `BODY_MARKER`. So a DOCX with the default styles imports neither
python-docx nor lxml; only a ``--template`` does. It imports only `qaformat.language` and
`markup`.

The shipped parts hold placeholders where a rendering writes: ``{lang}`` in every ``w:lang``
the document's language goes into, and ``{title}``, ``{keywords}``, ``{author}``,
``{language}`` and ``{now}`` in ``core.xml``. ``tests/test_docx_base.py`` checks that they are
what python-docx makes now and that filling them in gives python-docx's own output; after a
python-docx upgrade or a change to the default styles (`docx_styles.SPECS`),
``pytest --regen tests/test_docx_base.py`` rewrites them.
"""

from __future__ import annotations

import functools
import re
import time
from pathlib import Path

import attrs

from qaformat.language import script_kind
from qaformat.patterns import lazy
from qaformat.renderers.markup import escape_attribute, escape_text

__all__ = [
    "BODY_MARKER",
    "DEFAULT_STYLE_IDS",
    "LANGUAGE_PLACEHOLDER",
    "PARTS_FOLDER",
    "STYLE_NAMES",
    "W3CDTF",
    "CoreProperties",
    "default_parts",
    "language_attributes",
]

STYLE_NAMES = (
    "Title", "Heading 1", "Heading 2", "QA Intro", "QA Cast", "QA Question", "QA Answer", "QA Remark",
    "QA Interviewer Remark", "QA Note", "QA Speaker", "QA Direction", "QA Timestamp",
)
"""Every style the renderer uses, by the name an editor sees in Word (their default look is
`docx_styles.SPECS`, in this order)."""

DEFAULT_STYLE_IDS = {name: name.replace(" ", "") for name in STYLE_NAMES}
"""Each style's id in the default package (Word's ids are the names without spaces)."""

BODY_MARKER = "qaformat-body"
"""The text of the comment in ``word/document.xml`` where the body's paragraphs go."""
W3CDTF = "%Y-%m-%dT%H:%M:%SZ"
"""The core properties' dates, as python-docx writes them."""
LANGUAGE_PLACEHOLDER = "{lang}"
"""The language the default styles are made with; a rendering writes the document's instead."""
PARTS_FOLDER = Path(__file__).with_name("docx_default")
"""Where the default package's parts are shipped; ``parts.txt`` lists them in package order."""
_STYLES_PART = "word/styles.xml"
_CORE_PART = "docProps/core.xml"

_PLACEHOLDER_LANG = lazy(r"<w:lang( [^>]*)?/>")
_ATTRIBUTE = lazy(r'([\w:]+)="([^"]*)"')
_PLACEHOLDER_VALUE = f'w:val="{LANGUAGE_PLACEHOLDER}"'
_ONLY_LANGUAGE = f"<w:rPr><w:lang {_PLACEHOLDER_VALUE}/></w:rPr>"
_CORE_FIELD = lazy(r"\{(title|keywords|author|language|now)\}")


@attrs.frozen
class CoreProperties:
    """What ``docProps/core.xml`` says about the interview; the rest of it is empty."""

    title: str
    keywords: str
    author: str
    language: str
    now: int
    """Created and modified, in seconds since the epoch."""


def language_attributes(lang: str, *, document: bool) -> dict[str, str]:
    """The ``w:lang`` attributes for a language: Word keeps one language for Latin text
    (``w:val``), one for Chinese, Japanese and Korean (``w:eastAsia``) and one for right-to-left
    scripts (``w:bidi``). A document's language goes in ``w:val`` and, where its script needs,
    the slot of that script too; a paragraph's only in the slot of its script, so the Latin
    words inside an Arabic quote keep the document's."""
    slot = {"east-asian": "w:eastAsia", "complex": "w:bidi"}.get(script_kind(lang))
    attributes = {"w:val": lang} if document or slot is None else {}
    if slot is not None:
        attributes[slot] = lang
    return attributes


def default_parts(lang: str, properties: CoreProperties) -> list[tuple[str, bytes]]:
    """The default package's parts in order, as (name, bytes), with the language and the
    properties written in; ``word/document.xml`` holds `BODY_MARKER` where the body goes.

    Args:
        lang: the document's language tag, or ``""`` for none (the styles then name none).
        properties: what ``docProps/core.xml`` says.
    """
    parts = []
    for name, data in _shipped():
        if name == _STYLES_PART:
            data = _with_language(data.decode("utf-8"), lang).encode("utf-8")
        elif name == _CORE_PART:
            data = _with_properties(data.decode("utf-8"), properties).encode("utf-8")
        parts.append((name, data))
    return parts


@functools.cache
def _shipped() -> tuple[tuple[str, bytes], ...]:
    names = (PARTS_FOLDER / "parts.txt").read_text(encoding="utf-8").split()
    return tuple((name, (PARTS_FOLDER / name).read_bytes()) for name in names)


def _with_language(styles: str, lang: str) -> str:
    """The styles with `lang` where the placeholder is, as python-docx's `set_language` writes
    it: the attributes a ``w:lang`` already has stay in place (the document defaults' other
    slots) and the new ones follow. Without a language, each placeholder ``w:lang`` goes, and
    a ``w:rPr`` that held only that too (as `clear_language` leaves them)."""
    if not lang:
        return _PLACEHOLDER_LANG.sub(lambda m: "" if _PLACEHOLDER_VALUE in m[0] else m[0], styles.replace(_ONLY_LANGUAGE, ""))
    wanted = language_attributes(lang, document=True)

    def fill(found: re.Match[str]) -> str:
        attributes = dict(_ATTRIBUTE.findall(found[1] or ""))  # as written, so already escaped
        if attributes.get("w:val") != LANGUAGE_PLACEHOLDER:
            return found[0]
        attributes.update((name, escape_attribute(value)) for name, value in wanted.items())
        return "<w:lang " + " ".join(f'{name}="{value}"' for name, value in attributes.items()) + "/>"

    return _PLACEHOLDER_LANG.sub(fill, styles)


def _with_properties(core: str, properties: CoreProperties) -> str:
    now = time.strftime(W3CDTF, time.gmtime(properties.now))
    values = {field: _core_text(getattr(properties, field)) for field in ("title", "keywords", "author", "language")}
    return _CORE_FIELD.sub(lambda m: now if m[1] == "now" else values[m[1]], core)


def _core_text(text: str) -> str:
    # A carriage return as a reference, as lxml writes it: a literal one would read back as a
    # line feed.
    return escape_text(text).replace("\r", "&#13;")
