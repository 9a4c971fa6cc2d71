"""The DOCX renderer's default package, without python-docx: the styles it names, and the parts
shipped with qaformat that a document without a template is made of.

It owns the list of QA styles and their default look (`SPECS`), the language attributes Word
keeps per script, the core properties a rendering writes, and the default package: its parts
(``styles.xml`` with the QA styles, ``[Content_Types].xml``, the relationships, settings,
fonts, theme, ...) are files in ``docx_default/`` beside this module, made once with
python-docx by `docx_styles.default_parts` and shipped as package data. A rendering only fills
them in: the document's language into the styles' ``w:lang`` elements, the properties into
``docProps/core.xml``; the renderer splices the body into ``word/document.xml`` at
`BODY_MARKER`. So a DOCX with the default styles never imports python-docx or lxml; only a
``--template`` does. It imports only `qaformat.language` and `markup`.

The shipped parts hold placeholders where a rendering writes: ``{lang}`` in every ``w:lang``
the document's language goes into, and ``{title}``, ``{keywords}``, ``{author}``,
``{language}`` and ``{now}`` in ``core.xml``. ``tests/test_docx_base.py`` checks that they are
what python-docx makes now and that filling them in gives python-docx's own output; after a
python-docx upgrade or a change to `SPECS`, ``pytest --regen tests/test_docx_base.py`` rewrites
them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

import attrs

from qaformat.language import script_kind
from qaformat.renderers.markup import escape_attribute, escape_text

__all__ = [
    "BODY_MARKER",
    "DEFAULT_STYLE_IDS",
    "LANGUAGE_PLACEHOLDER",
    "PARTS_FOLDER",
    "SPECS",
    "STYLE_NAMES",
    "CoreProperties",
    "StyleSpec",
    "default_parts",
    "language_attributes",
]

BODY_MARKER = "qaformat-body"
"""The text of the comment in ``word/document.xml`` where the body's paragraphs go."""
LANGUAGE_PLACEHOLDER = "{lang}"
"""The language the default styles are made with; a rendering writes the document's instead."""
PARTS_FOLDER = Path(__file__).with_name("docx_default")
"""Where the default package's parts are shipped; ``parts.txt`` lists them in package order."""
_STYLES_PART = "word/styles.xml"
_CORE_PART = "docProps/core.xml"

_PLACEHOLDER_LANG = re.compile(r"<w:lang( [^>]*)?/>")
_ATTRIBUTE = re.compile(r'([\w:]+)="([^"]*)"')
_ONLY_LANGUAGE = f'<w:rPr><w:lang w:val="{LANGUAGE_PLACEHOLDER}"/></w:rPr>'
_CORE_FIELD = re.compile(r"\{(title|keywords|author|language|now)\}")


@attrs.frozen
class StyleSpec:
    """A style qaformat supplies when the base document lacks it."""

    name: str
    paragraph: bool = True
    base: str | None = "Normal"
    next: str | None = None
    bold: bool = False
    italic: bool = False
    color: str | None = None
    size: float | None = None
    before: float | None = None
    after: float | None = None
    keep_next: bool = False
    outline: int | None = None
    builtin: bool = False


SPECS = (
    StyleSpec("Title", size=24, after=12, keep_next=True, builtin=True, next="Normal"),
    StyleSpec("Heading 1", bold=True, size=15, before=20, after=6, keep_next=True, outline=0, builtin=True),
    StyleSpec("Heading 2", bold=True, size=13, before=14, after=4, keep_next=True, outline=1, builtin=True),
    StyleSpec("QA Intro", size=12, color="404040", after=14),
    StyleSpec("QA Cast", base="QA Intro", italic=True),
    StyleSpec("QA Question", next="QA Answer", color="1F3864", before=12, after=3, keep_next=True),
    StyleSpec("QA Answer", next="QA Question", after=6),
    StyleSpec("QA Remark", base="QA Answer"),
    StyleSpec("QA Interviewer Remark", base="QA Question", next="QA Question"),
    StyleSpec("QA Note", italic=True, color="666666", before=6, after=6),
    StyleSpec("QA Speaker", paragraph=False, base=None, bold=True),
    StyleSpec("QA Direction", paragraph=False, base=None, italic=True),
    StyleSpec("QA Timestamp", paragraph=False, base=None, color="7F7F7F", size=9),
)
"""Every style the renderer uses, with the look it gets where the base document lacks it."""

STYLE_NAMES = tuple(spec.name for spec in SPECS)
"""Every style the renderer uses, by the name an editor sees in Word."""

DEFAULT_STYLE_IDS = {name: name.replace(" ", "") for name in STYLE_NAMES}
"""Each style's id in the default package (Word's ids are the names without spaces)."""


@attrs.frozen
class CoreProperties:
    """What ``docProps/core.xml`` says about the interview; the rest of it is empty."""

    title: str
    keywords: str
    author: str
    language: str
    now: dt.datetime
    """Created and modified."""


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
        return _PLACEHOLDER_LANG.sub(lambda m: "" if LANGUAGE_PLACEHOLDER in m[0] else m[0], styles.replace(_ONLY_LANGUAGE, ""))
    wanted = language_attributes(lang, document=True)

    def fill(found: re.Match[str]) -> str:
        attributes = dict(_ATTRIBUTE.findall(found[1] or ""))  # as written, so already escaped
        if attributes.get("w:val") != LANGUAGE_PLACEHOLDER:
            return found[0]
        attributes.update((name, escape_attribute(value)) for name, value in wanted.items())
        return "<w:lang " + " ".join(f'{name}="{value}"' for name, value in attributes.items()) + "/>"

    return _PLACEHOLDER_LANG.sub(fill, styles)


def _with_properties(core: str, properties: CoreProperties) -> str:
    now = properties.now.strftime("%Y-%m-%dT%H:%M:%SZ")
    values = {field: _core_text(getattr(properties, field)) for field in ("title", "keywords", "author", "language")}
    return _CORE_FIELD.sub(lambda m: now if m[1] == "now" else values[m[1]], core)


def _core_text(text: str) -> str:
    # A carriage return as a reference, as lxml writes it: a literal one would read back as a
    # line feed.
    return escape_text(text).replace("\r", "&#13;")
