"""Typography for publication (``--smart``): quotes, dashes, ellipses and no-break spaces.

Owns the rules of docs/html.md's "Typography": straight quotes become the curly quotes of the
document's language (English “ ” ‘ ’, German „ “ ‚ ‘, French « » with no-break spaces), an
apostrophe becomes ’, ``--`` and ``---`` an em dash (an en dash between digits), a spaced hyphen
a spaced en dash, ``...`` an ellipsis, and the space between a number and its unit
(``5 km``, ``40 %``) or after a title (``Dr. Petrov``) a no-break space. Off by default, so the
text stays as written. Recognised spans keep pointing at the same text: every change maps old
offsets to new ones. Imports only the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from qaformat.model import Section, Span, Speaker, Transcript, Turn
from qaformat.patterns import lazy

__all__ = ["smart_text", "smarten"]

NBSP = "\u00a0"
_OPENERS = r"\-\s(\[{\u2014\u2013/"
_UNITS = (
    "km|cm|mm|nm|µm|m|kg|mg|g|t|ml|mL|cl|l|L|%|‰|°C|°F|°|kHz|MHz|GHz|Hz|kWh|MWh|kW|MW|GW|W|mph|km/h|"
    "ft|lb|lbs|oz|mi|in\\.|h|min|s|ms|kB|MB|GB|TB|PB|€|£|¥|USD|EUR|GBP"
)
_HONORIFICS = (
    "Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Maj|Adm|Rev|Fr|Hon|Pres|Amb|Det|Insp|St|Sr|Jr|"
    "Herr|Frau|Mme|Mlle|Me|M|Sir|Dame|Lord|Lady|Judge|Justice"
)
# What a change can start with: the search runs over this one class, and `_PATTERN` is tried
# only where it matches (an alternation of named groups would be tried at every position).
_CANDIDATE = lazy(r"[.\-\"']")
_PATTERN = lazy(
    "|".join((
        r"(?P<ellipsis>\.\.\.)",
        r"(?P<range>--(?<=\d--)(?=\d))",
        r"(?P<em>---?)",
        r"(?P<spaced>-(?<= -)(?= ))",
        rf"(?P<dq_open>\"(?<![^{_OPENERS}]\"))",
        r"(?P<dq_close>\")",
        r"(?P<elision>'(?=\d\d(?!\d)))",
        rf"(?P<sq_open>'(?<![^{_OPENERS}\"]')(?=\w))",
        r"(?P<sq_close>')",
    ))
)
# The no-break spaces keep the length, so they are a second pass over the result.
_UNIT = lazy(rf"(\d) (?=(?:{_UNITS})(?!\w))")
_TITLE = lazy(rf"(?:{_HONORIFICS})\.? (?=[^\W\d_])")


@attrs.frozen
class _Quotes:
    double_open: str
    double_close: str
    single_open: str
    single_close: str


_ENGLISH = _Quotes("“", "”", "‘", "’")
_QUOTES = {
    "de": _Quotes("„", "“", "‚", "‘"),
    "fr": _Quotes(f"«{NBSP}", f"{NBSP}»", "“", "”"),
}


def _quotes_for(lang: str | None) -> _Quotes:
    primary = (lang or "").replace("_", "-").split("-")[0].lower()
    return _QUOTES.get(primary, _ENGLISH)


def smart_text(text: str, lang: str | None = None, *, offsets: bool = True) -> tuple[str, list[int]]:
    """The text set for publication, and where each old offset now is.

    Returns:
        The new text and (unless ``offsets`` is false, when the list is empty) a list of
        ``len(text) + 1`` offsets: ``offsets[i]`` is where the character at ``i`` (or the end,
        for ``i == len(text)``) now starts.
    """
    quotes = _quotes_for(lang)
    pieces: list[str] = []
    moved: list[int] = []
    position = new_length = 0
    for candidate in _CANDIDATE.finditer(text):
        match = _PATTERN.match(text, candidate.start()) if candidate.start() >= position else None
        if match is None:
            continue
        start, end = match.span()
        pieces.append(text[position:start])
        replacement = _replacement(match, quotes)
        if offsets:  # only text with spans needs them: a list of every offset costs time
            moved.extend(range(new_length, new_length + start - position))
            moved.extend(new_length + start - position + min(i, len(replacement)) for i in range(end - start))
        new_length += start - position
        pieces.append(replacement)
        new_length += len(replacement)
        position = end
    pieces.append(text[position:])
    if offsets:
        moved.extend(range(new_length, new_length + len(text) - position + 1))
    return _TITLE.sub(_after_title, _UNIT.sub("\\1" + NBSP, "".join(pieces))), moved


def _after_title(match: re.Match[str]) -> str:
    """A no-break space after a title that is a word of its own, before a capitalised name."""
    text = match.group()
    before = match.string[match.start() - 1 : match.start()]
    starts_word = not before or not (before.isalnum() or before in "._")
    return text[:-1] + NBSP if starts_word and match.string[match.end() : match.end() + 1].isupper() else text


def _replacement(match: re.Match[str], quotes: _Quotes) -> str:
    kind = match.lastgroup
    text = match.group()
    match kind:
        case "ellipsis":
            return "…"
        case "range":
            return "–"
        case "em":
            return "—"
        case "spaced":
            return "–"
        case "dq_open":
            return quotes.double_open
        case "dq_close":
            return quotes.double_close
        case "sq_open":
            return quotes.single_open
        case "elision" | "sq_close":
            # An apostrophe is ’ in every language, and so is an English closing single quote.
            return "’" if kind == "elision" or quotes is _ENGLISH or not _closes_quote(match) else quotes.single_close
    return text


def _closes_quote(match: re.Match[str]) -> bool:
    """A ``'`` after a letter is an apostrophe (``don't``) unless a word boundary follows and an
    opening single quote stands before it in the text."""
    after = match.string[match.end() : match.end() + 1]
    if after.isalnum():
        return False
    before = match.string[: match.start()]
    return bool(re.search(rf"(?<![^{_OPENERS}\"])'\w", before))


def smarten(transcript: Transcript, lang: str | None) -> Transcript:
    """The transcript with every shown text set for publication; spans follow their text."""

    def text(value: str) -> str:
        return smart_text(value, lang, offsets=False)[0]

    def optional(value: str | None) -> str | None:
        return None if value is None else text(value)

    return attrs.evolve(
        transcript,
        title=optional(transcript.title),
        intro=tuple(text(p) for p in transcript.intro),
        speakers=tuple(_speaker(s, optional) for s in transcript.speakers),
        sections=tuple(
            Section(optional(section.heading), tuple(_turn(turn, lang) for turn in section.turns), section.line)
            for section in transcript.sections
        ),
    )


def _speaker(speaker: Speaker, optional: Callable[[str | None], str | None]) -> Speaker:
    return attrs.evolve(speaker, name=optional(speaker.name) or speaker.name, description=optional(speaker.description))


def _turn(turn: Turn, lang: str | None) -> Turn:
    paragraphs = []
    maps = []
    for index, paragraph in enumerate(turn.paragraphs):
        new, offsets = smart_text(paragraph, lang, offsets=any(span.paragraph == index for span in turn.spans))
        paragraphs.append(new)
        maps.append(offsets)
    spans = tuple(
        Span(span.paragraph, maps[span.paragraph][span.start], maps[span.paragraph][span.end], span.kind)
        if 0 <= span.paragraph < len(maps) and 0 <= span.start <= span.end < len(maps[span.paragraph])
        else span
        for span in turn.spans
    )
    return attrs.evolve(turn, paragraphs=tuple(paragraphs), spans=spans)
