"""What a Word document's styles and list numbering say about a paragraph.

Owns reading the styles part (names as Word shows them, bold and italic, ``basedOn`` chains,
the default paragraph style, a style's list numbering) and the numbering part (the label Word
draws before a numbered paragraph: ``1.``, ``Q3:``, ``(b)``). Works on parsed parts in
transitional namespaces (see `docx_package`); knows nothing about paragraphs' text or
interviews. From qaformat it imports only the package's namespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from lxml import etree

from qaformat.patterns import lazy
from qaformat.readers.docx_package import W

__all__ = ["Numbering", "StyleBook", "roman", "toggle", "value"]

_FALSE = frozenset({"0", "false", "off", "none"})
_HEADING_STYLE = lazy(r"heading ([1-9])", re.IGNORECASE)
# Character style of our own speaker labels: a label even where a template made it not bold.
_LABEL_STYLE = "QA Speaker"
# A transcription template's character style for speakers (``Speaker Name``, ``Speaker``): it sets
# the name apart by colour or small capitals, often with no colon after it.
_SPEAKER_STYLE = lazy(r"(?:\w+ )?speakers?(?: (?:name|label|tag))?", re.IGNORECASE)
# Built-in styles stored under lower-case names, shown capitalised by Word (as python-docx does).
_UI_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header",
             **{f"heading {level}": f"Heading {level}" for level in range(1, 10)}}
_PLACEHOLDER = lazy(r"%([1-9])")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def value(parent: etree._Element | None, path: str) -> str | None:
    """The ``w:val`` of the element at ``path`` under ``parent``, or ``None``."""
    element = parent.find(path) if parent is not None else None
    return element.get(W + "val") if element is not None else None


def toggle(rpr: etree._Element | None, tag: str) -> bool | None:
    """A run's own ``w:b``/``w:i``: ``True``, ``False`` (``w:val="0"``), or ``None`` (not set)."""
    if rpr is None:
        return None
    element = rpr.find(W + tag)
    if element is None:
        return None
    return (element.get(W + "val") or "true").lower() not in _FALSE


@attrs.frozen
class _Style:
    """What the reader needs of one style: its name, its own bold/italic, what it is based on."""

    name: str
    bold: bool | None
    italic: bool | None
    base: str | None
    numbering: tuple[str, int] | None
    """The list (``numId``) and level the style numbers its paragraphs with."""


@attrs.frozen
class StyleBook:
    """The document's paragraph and character styles by id, resolved along ``basedOn``."""

    styles: dict[str, _Style]
    default: str | None

    @classmethod
    def of(cls, part: etree._Element | None) -> StyleBook:
        """The styles of a styles part (``None``: a document without one)."""
        styles: dict[str, _Style] = {}
        default = None
        for element in part.iter(W + "style") if part is not None else ():
            kind = element.get(W + "type") or "paragraph"
            style_id = element.get(W + "styleId")
            if kind not in ("paragraph", "character") or not style_id:
                continue
            name = value(element, W + "name") or style_id
            rpr = element.find(W + "rPr")
            num_id = value(element, f"{W}pPr/{W}numPr/{W}numId")
            level = value(element, f"{W}pPr/{W}numPr/{W}ilvl")
            numbering = (num_id, _int(level)) if num_id else None
            styles[style_id] = _Style(_UI_NAMES.get(name.lower(), name), toggle(rpr, "b"), toggle(rpr, "i"),
                                      value(element, W + "basedOn"), numbering)
            if kind == "paragraph" and (element.get(W + "default") or "").lower() in ("1", "true", "on"):
                default = style_id
        return cls(styles, default)

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        """The style and the styles it is based on, nearest first (loops in broken files end)."""
        seen: set[str] = set()
        while style_id is not None and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.base

    def name(self, style_id: str | None) -> str | None:
        style = self.styles.get(style_id or "") or self.styles.get(self.default or "")
        return style.name if style else None

    def paragraph_id(self, style_id: str | None) -> str | None:
        return style_id if style_id in self.styles else self.default

    def heading(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            match = _HEADING_STYLE.fullmatch(style.name)
            if match:
                return min(int(match.group(1)), 6)  # Block headings run 1-6; Word's to 9
        return None

    def is_title(self, style_id: str | None) -> bool:
        return any(style.name == "Title" for style in self.chain(style_id))

    def bold(self, style_id: str | None) -> bool | None:
        for style in self.chain(style_id):
            if style.name == _LABEL_STYLE:
                return True
            if style.bold is not None:
                return style.bold
        return None

    def names_speaker(self, style_id: str | None) -> bool:
        """The character style is a template's style for speakers' names."""
        return any(_SPEAKER_STYLE.fullmatch(style.name) for style in self.chain(style_id))

    def italic(self, style_id: str | None) -> bool | None:
        for style in self.chain(style_id):
            if style.italic is not None:
                return style.italic
        return None

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        return next((style.numbering for style in self.chain(style_id) if style.numbering), None)


@attrs.frozen
class _Level:
    start: int
    format: str
    text: str
    suffix: str


class Numbering:
    """The labels of numbered paragraphs, counted in document order as Word counts them."""

    def __init__(self, part: etree._Element | None):
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._lists: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[tuple[str, int]] = set()
        if part is None:
            return
        for abstract in part.iter(W + "abstractNum"):
            levels = {_int(lvl.get(W + "ilvl")): _level(lvl) for lvl in abstract.iter(W + "lvl")}
            self._abstract[abstract.get(W + "abstractNumId") or ""] = levels
        for num in part.iter(W + "num"):
            overrides = {_int(o.get(W + "ilvl")): _int(value(o, W + "startOverride"), 1)
                         for o in num.iter(W + "lvlOverride") if value(o, W + "startOverride") is not None}
            self._lists[num.get(W + "numId") or ""] = (value(num, W + "abstractNumId") or "", overrides)

    def label(self, num_id: str, level: int) -> str | None:
        """The next label of a list level (``None``: a bullet, or no such list), counting it."""
        if num_id not in self._lists:
            return None
        abstract_id, overrides = self._lists[num_id]
        levels = self._abstract.get(abstract_id, {})
        if level not in levels:
            return None
        counters = self._counters.setdefault(abstract_id, {})
        if (num_id, level) not in self._started and level in overrides:
            counters[level] = overrides[level] - 1  # a list that restarts its numbering
        self._started.add((num_id, level))
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        this = levels[level]
        if this.format == "bullet":
            return None

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index)
            count = counters.get(index, shown.start if shown else 1)
            return _formatted(count, shown.format if shown else "decimal")

        text = _PLACEHOLDER.sub(number, this.text).strip()
        return text + this.suffix if text else None


def _level(lvl: etree._Element) -> _Level:
    suffix = value(lvl, W + "suff") or "tab"
    return _Level(_int(value(lvl, W + "start"), 1), value(lvl, W + "numFmt") or "decimal",
                  value(lvl, W + "lvlText") or "", "" if suffix == "nothing" else " ")


def _formatted(count: int, fmt: str) -> str:
    if fmt == "none":
        return ""
    if fmt in ("lowerRoman", "upperRoman"):
        text = roman(count)
        return text.upper() if fmt == "upperRoman" else text
    if fmt in ("lowerLetter", "upperLetter"):
        # Word repeats the letter past z: aa, bb, ...
        letter = "abcdefghijklmnopqrstuvwxyz"[(count - 1) % 26] * ((count - 1) // 26 + 1) if count > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{count:02d}"
    return str(count)


def roman(count: int) -> str:
    """Lower-case Roman numerals (``4`` -> ``iv``)."""
    out = []
    for amount, numeral in _ROMAN:
        while count >= amount:
            out.append(numeral)
            count -= amount
    return "".join(out)


def _int(text: str | None, default: int = 0) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
