"""The HTML renderer: an ``<article class="qa-interview">`` fragment, or a whole page.

Owns the HTML contract of docs/html.md: the ``qa-*`` class names, ``data-speaker``, the label
styles, ``lang``/``dir``, and the built-in stylesheet (``qaformat.css`` beside this module).
The tree is built with lxml and serialized by lxml, never by joining strings of markup, so all
text is escaped. Imports the model, the options, lxml and `labels`; never readers or parsing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping

from lxml import etree

from qaformat.model import Kind, Section, Span, SpanKind, Transcript, Turn
from qaformat.options import RenderOptions
from qaformat.renderers.direction import right_to_left
from qaformat.renderers.labels import SpeakerLabels, clock_time, iso_duration, turn_time

__all__ = ["render_html", "stylesheet"]

_Element = etree._Element

_KIND_CLASS = {
    Kind.QUESTION: "qa-question",
    Kind.ANSWER: "qa-answer",
    Kind.REMARK: "qa-remark",
    Kind.NOTE: "qa-note",
}
_SPAN_CLASS = {SpanKind.DIRECTION: "qa-direction", SpanKind.TIMESTAMP: "qa-timestamp"}
# Page metadata keys that have a standard <meta name>; other keys are not shown.
_META_NAMES = ("author", "description", "keywords")
# Elements whose children are all blocks: indented in the output; paragraphs never are.
_BLOCKS = frozenset({"html", "head", "body", "main", "article", "section", "div"})

_NONCHARACTERS = "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0x10000, 0x110000, 0x10000))
# Code points that neither XML (lxml) nor the HTML parser accept; each becomes U+FFFD, one for
# one, so span offsets stay right. The astral non-characters are looked for only in text with
# astral characters: a class of scattered code points is several times slower to scan for.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_FORBIDDEN_ASTRAL = re.compile(f"[{_NONCHARACTERS}]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def render_html(transcript: Transcript, options: RenderOptions) -> str:
    """The transcript as HTML: an article fragment, or a whole page when ``options.standalone``.

    Args:
        transcript: what to render.
        options: ``standalone``, ``labels``, ``lang``, ``stylesheet``, ``timestamps``,
            ``bold_questions`` (question text in ``<b>``) and ``note`` (a ``<p class="qa-note">``
            at the end of the intro) are read.

    Returns:
        The HTML text, ending in a newline.

    Raises:
        RenderError: a turn names a speaker the transcript does not list.
    """
    lang = options.lang or transcript.metadata.get("lang") or None
    text = "\n".join(_texts(transcript))
    rtl = right_to_left(text) is True
    article = _ArticleWriter(transcript, options, cleaning=_needs_cleaning(text)).article(lang, rtl)
    if not options.standalone:
        _indent(article)
        return str(etree.tostring(article, method="html", encoding="unicode")) + "\n"
    page = _page(transcript, options, article, lang, rtl)
    _indent(page)
    return str(etree.tostring(page, method="html", encoding="unicode", doctype="<!DOCTYPE html>")) + "\n"


@functools.cache
def stylesheet() -> str:
    """The built-in stylesheet (``qaformat.css``) that standalone pages carry."""
    from importlib import resources  # only standalone pages need it: kept off the start-up path

    return resources.files("qaformat.renderers").joinpath("qaformat.css").read_text(encoding="utf-8")


class _ArticleWriter:
    """Builds the ``<article>`` element, one small method per model level."""

    def __init__(self, transcript: Transcript, options: RenderOptions, *, cleaning: bool):
        self._transcript = transcript
        self._timestamps = options.timestamps
        self._bold_questions = options.bold_questions
        self._note = options.note.strip() if options.note else None
        self._labels = SpeakerLabels(transcript.speakers, options.labels)
        # The caller looked over all the text at once; parsed text never needs cleaning.
        self._clean = _clean if cleaning else _unchanged

    def article(self, lang: str | None, rtl: bool) -> _Element:
        article = _element("article", {"class": "qa-interview"})
        if lang:
            article.set("lang", _clean(lang))
        if rtl:
            article.set("dir", "rtl")
        if self._transcript.title:
            _child(article, "h1", {"class": "qa-title"}).text = _clean(self._transcript.title)
        note = self._note
        if self._transcript.intro or note:
            intro = _child(article, "div", {"class": "qa-intro"})
            for text in self._transcript.intro:
                _child(intro, "p").text = _clean(text)
            if note:
                _child(intro, "p", {"class": "qa-note"}).text = _clean(note)
        for section in self._transcript.sections:
            self._section(article, section)
        return article

    def _section(self, parent: _Element, section: Section) -> None:
        element = _child(parent, "section", {"class": "qa-section"})
        if section.heading and section.heading.strip():
            _child(element, "h2", {"class": "qa-heading"}).text = _clean(section.heading)
        for turn in section.turns:
            self._turn(element, turn)

    def _turn(self, parent: _Element, turn: Turn) -> None:
        element = _child(parent, "div", {"class": f"qa-turn {_KIND_CLASS[turn.kind]}"})
        label = None
        match turn.kind:
            case Kind.NOTE:
                pass  # a note has no speaker, even where a hand-built model gives one
            case Kind.QUESTION | Kind.ANSWER | Kind.REMARK:
                if turn.speaker is not None:
                    element.set("data-speaker", _clean(turn.speaker))
                    label = self._labels.label(turn.speaker)
        seconds = turn_time(turn) if self._timestamps else None
        bold = self._bold_questions and turn.kind is Kind.QUESTION
        paragraphs = turn.paragraphs or (("",) if label or seconds is not None else ())
        for index, text in enumerate(paragraphs):
            paragraph = _child(element, "p")
            if index == 0:
                self._opening(paragraph, seconds, label, bool(text))
            body = _child(paragraph, "b") if bold and text else paragraph
            spans = [span for span in turn.spans if span.paragraph == index] if turn.spans else None
            if spans:
                _fill(body, self._clean(text), 0, len(text), _nest(spans, len(text)))
            else:
                _append_text(body, self._clean(text))

    @staticmethod
    def _opening(paragraph: _Element, seconds: float | None, label: str | None, more: bool) -> None:
        """The time and the speaker label that open a turn's first paragraph."""
        if seconds is not None:
            time = _child(paragraph, "time", {"class": "qa-time", "datetime": iso_duration(seconds)})
            time.text = clock_time(seconds)
            time.tail = " " if label or more else None
        if label is not None:
            strong = _child(paragraph, "strong", {"class": "qa-speaker"})
            strong.text = _clean(f"{label}:")
            strong.tail = " " if more else None


def _nest(spans: Iterable[Span], length: int) -> list[tuple[Span, list[Span]]]:
    """Top-level spans with the spans inside each; spans out of range or crossing are dropped."""
    ordered = sorted((s for s in spans if 0 <= s.start < s.end <= length), key=lambda s: (s.start, -s.end))
    nested: list[tuple[Span, list[Span]]] = []
    for span in ordered:
        if nested and span.start < nested[-1][0].end:
            outer = nested[-1][0]
            if span.end <= outer.end:
                nested[-1][1].append(span)
            continue
        nested.append((span, []))
    return nested


def _fill(parent: _Element, text: str, start: int, end: int, spans: list[tuple[Span, list[Span]]]) -> None:
    """Append ``text[start:end]`` to ``parent``, with a ``<span>`` for each recognised span."""
    position = start
    for span, inner in spans:
        _append_text(parent, text[position : span.start])
        element = _child(parent, "span", {"class": _SPAN_CLASS[span.kind]})
        _fill(element, text, span.start, span.end, _nest(inner, span.end))
        position = span.end
    _append_text(parent, text[position:end])


def _append_text(parent: _Element, text: str) -> None:
    if not text:
        return
    children = list(parent)
    if children:
        children[-1].tail = (children[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _page(transcript: Transcript, options: RenderOptions, article: _Element, lang: str | None, rtl: bool) -> _Element:
    page = _element("html")
    if lang:
        page.set("lang", _clean(lang))
    if rtl:
        page.set("dir", "rtl")
    head = _child(page, "head")
    _child(head, "meta", {"charset": "utf-8"})
    _child(head, "meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    _child(head, "title").text = _clean(transcript.title or "Interview")
    for name, value in _page_metadata(transcript.metadata):
        _child(head, "meta", {"name": name, "content": _clean(value)})
    _child(head, "meta", {"name": "generator", "content": "qaformat"})
    if options.stylesheet:
        _child(head, "style").text = "\n" + stylesheet()
    main = _child(_child(page, "body"), "main")
    main.append(article)
    return page


def _page_metadata(metadata: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    for name in _META_NAMES:
        value = metadata.get(name)
        if value and value.strip():
            yield name, value


def _texts(transcript: Transcript) -> Iterator[str]:
    if transcript.title:
        yield transcript.title
    yield from transcript.intro
    for section in transcript.sections:
        if section.heading:
            yield section.heading
        for turn in section.turns:
            yield from turn.paragraphs


def _needs_cleaning(text: str) -> bool:
    return "\r" in text or "\x0c" in text or bool(
        _FORBIDDEN.search(text) or (_ASTRAL.search(text) and _FORBIDDEN_ASTRAL.search(text)))


def _unchanged(text: str) -> str:
    return text


def _clean(text: str) -> str:
    """Text that lxml and HTML accept: forbidden code points become U+FFFD, CR and FF a line break
    or space (one character for one)."""
    text = text.replace("\r", "\n").replace("\x0c", " ")
    text = _FORBIDDEN.sub("\ufffd", text)
    return _FORBIDDEN_ASTRAL.sub("\ufffd", text) if _ASTRAL.search(text) else text


def _element(tag: str, attributes: Mapping[str, str] | None = None) -> _Element:
    return etree.Element(tag, attrib=dict(attributes or {}))


def _child(parent: _Element, tag: str, attributes: Mapping[str, str] | None = None) -> _Element:
    return etree.SubElement(parent, tag, attrib=dict(attributes or {}))


def _indent(element: _Element, level: int = 0) -> None:
    """Put each child of a block container on its own indented line; inline content is untouched."""
    children = list(element)
    if element.tag not in _BLOCKS or not children or (element.text or "").strip():
        return
    padding = "\n" + "  " * (level + 1)
    element.text = padding
    for child in children:
        child.tail = padding
        _indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level
