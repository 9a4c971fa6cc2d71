"""The HTML renderer: an ``<article class="qa-interview">`` fragment, or a whole page.

Owns the HTML contract of docs/html.md: the ``qa-*`` class names, ``data-speaker``, the label
styles, ``lang``/``dir``, and the built-in stylesheet (``qaformat.css`` beside this module).
Markup comes only from the fixed tags below; every text and attribute value from the transcript
or the options passes through `markup`'s escaping (attributes via `_attribute`), so input can
never inject markup. Block elements each stand on their own indented line; inline content is
left as it is. Writing strings this way is several times faster than building an lxml tree and keeps
lxml off the start-up path (see docs/performance.md); the tests parse the output back with lxml
and validate it with the W3C checker. Imports the model, the options, `direction`, `labels` and
`markup`; never readers or parsing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping

from qaformat.model import Kind, Section, Span, SpanKind, Transcript, Turn
from qaformat.options import RenderOptions
from qaformat.renderers.direction import right_to_left
from qaformat.renderers.labels import SpeakerLabels, clock_time, interviewer_remarks, iso_duration, turn_time
from qaformat.renderers.markup import escape_attribute, escape_text

__all__ = ["render_html", "stylesheet"]

_KIND_CLASS = {
    Kind.QUESTION: "qa-question",
    Kind.ANSWER: "qa-answer",
    Kind.REMARK: "qa-remark",
    Kind.NOTE: "qa-note",
}
_SPAN_CLASS = {SpanKind.DIRECTION: "qa-direction", SpanKind.TIMESTAMP: "qa-timestamp"}
# Page metadata keys that have a standard <meta name>; other keys are not shown.
_META_NAMES = ("author", "description", "keywords")
_INDENT = "  "

_NONCHARACTERS = "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0x10000, 0x110000, 0x10000))
# Code points that neither XML nor the HTML parser accept; each becomes U+FFFD, one for one, so
# span offsets stay right. The astral non-characters are looked for only in text with astral
# characters: a class of scattered code points is several times slower to scan for.
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
    writer = _ArticleWriter(transcript, options, cleaning=_needs_cleaning(text))
    if not options.standalone:
        return writer.article(lang, rtl, level=0) + "\n"
    return _page(transcript, options, writer.article(lang, rtl, level=3), lang, rtl) + "\n"


@functools.cache
def stylesheet() -> str:
    """The built-in stylesheet (``qaformat.css``) that standalone pages carry."""
    from importlib import resources  # only standalone pages need it: kept off the start-up path

    return resources.files("qaformat.renderers").joinpath("qaformat.css").read_text(encoding="utf-8")


class _ArticleWriter:
    """Writes the ``<article>`` element, one small method per model level."""

    def __init__(self, transcript: Transcript, options: RenderOptions, *, cleaning: bool):
        self._transcript = transcript
        self._timestamps = options.timestamps
        self._bold_questions = options.bold_questions
        self._by_interviewer = interviewer_remarks(transcript.speakers)
        self._note = options.note.strip() if options.note else None
        self._labels = SpeakerLabels(transcript.speakers, options.labels)
        # The caller looked over all the text at once; parsed text never needs cleaning.
        self._clean = _clean if cleaning else _unchanged

    def article(self, lang: str | None, rtl: bool, *, level: int) -> str:
        attributes = {"class": "qa-interview"}
        if lang:
            attributes["lang"] = lang
        if rtl:
            attributes["dir"] = "rtl"
        children = []
        if self._transcript.title:
            children.append(_leaf("h1", {"class": "qa-title"}, escape_text(_clean(self._transcript.title))))
        note = self._note
        if self._transcript.intro or note:
            paragraphs = [_leaf("p", {}, escape_text(_clean(text))) for text in self._transcript.intro]
            if note:
                paragraphs.append(_leaf("p", {"class": "qa-note"}, escape_text(_clean(note))))
            children.append(_block("div", {"class": "qa-intro"}, paragraphs, level + 1))
        children += [self._section(section, level + 1) for section in self._transcript.sections]
        return _block("article", attributes, children, level)

    def _section(self, section: Section, level: int) -> str:
        children = []
        if section.heading and section.heading.strip():
            children.append(_leaf("h2", {"class": "qa-heading"}, escape_text(_clean(section.heading))))
        children += [self._turn(turn, level + 1) for turn in section.turns]
        return _block("section", {"class": "qa-section"}, children, level)

    def _turn(self, turn: Turn, level: int) -> str:
        attributes = {"class": f"qa-turn {_KIND_CLASS[turn.kind]}"}
        if self._by_interviewer(turn):
            attributes["class"] += " qa-by-interviewer"
        label = None
        match turn.kind:
            case Kind.NOTE:
                pass  # a note has no speaker, even where a hand-built model gives one
            case Kind.QUESTION | Kind.ANSWER | Kind.REMARK:
                if turn.speaker is not None:
                    attributes["data-speaker"] = turn.speaker
                    label = self._labels.label(turn.speaker)
        seconds = turn_time(turn) if self._timestamps else None
        bold = self._bold_questions and turn.kind is Kind.QUESTION
        paragraphs = []
        for index, text in enumerate(turn.paragraphs or (("",) if label or seconds is not None else ())):
            clean = self._clean(text)
            spans = [span for span in turn.spans if span.paragraph == index] if turn.spans else None
            body = _fill(clean, 0, len(clean), _nest(spans, len(clean))) if spans else escape_text(clean)
            if bold and text:
                body = f"<b>{body}</b>"
            opening = self._opening(seconds, label, bool(text)) if index == 0 else ""
            paragraphs.append(f"<p>{opening}{body}</p>")
        return _block("div", attributes, paragraphs, level)

    @staticmethod
    def _opening(seconds: float | None, label: str | None, more: bool) -> str:
        """The time and the speaker label that open a turn's first paragraph."""
        opening = ""
        if seconds is not None:
            time = _leaf("time", {"class": "qa-time", "datetime": iso_duration(seconds)}, escape_text(clock_time(seconds)))
            opening = time + (" " if label or more else "")
        if label is not None:
            opening += _leaf("strong", {"class": "qa-speaker"}, escape_text(_clean(f"{label}:"))) + (" " if more else "")
        return opening


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


def _fill(text: str, start: int, end: int, spans: list[tuple[Span, list[Span]]]) -> str:
    """``text[start:end]``, escaped, with a ``<span>`` for each recognised span."""
    pieces = []
    position = start
    for span, inner in spans:
        pieces.append(escape_text(text[position : span.start]))
        inside = _fill(text, span.start, span.end, _nest(inner, span.end))
        pieces.append(f'<span class="{_SPAN_CLASS[span.kind]}">{inside}</span>')
        position = span.end
    pieces.append(escape_text(text[position:end]))
    return "".join(pieces)


def _page(transcript: Transcript, options: RenderOptions, article: str, lang: str | None, rtl: bool) -> str:
    attributes = {}
    if lang:
        attributes["lang"] = lang
    if rtl:
        attributes["dir"] = "rtl"
    head = [
        _start_tag("meta", {"charset": "utf-8"}),
        _start_tag("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        _leaf("title", {}, escape_text(_clean(transcript.title or "Interview"))),
        *(_start_tag("meta", {"name": name, "content": value}) for name, value in _page_metadata(transcript.metadata)),
        _start_tag("meta", {"name": "generator", "content": "qaformat"}),
    ]
    if options.stylesheet:
        head.append(f"<style>\n{stylesheet()}</style>")  # our own fixed text; a style's content is not escaped
    body = _block("body", {}, [_block("main", {}, [article], 2)], 1)
    return "<!DOCTYPE html>\n" + _block("html", attributes, [_block("head", {}, head, 1), body], 0)


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
    """Text that XML and HTML accept: forbidden code points become U+FFFD, CR and FF a line break
    or space (one character for one)."""
    text = text.replace("\r", "\n").replace("\x0c", " ")
    text = _FORBIDDEN.sub("\ufffd", text)
    return _FORBIDDEN_ASTRAL.sub("\ufffd", text) if _ASTRAL.search(text) else text


def _attribute(value: str) -> str:
    """An attribute value for double quotes: cleaned, then escaped."""
    return escape_attribute(_clean(value))


def _start_tag(tag: str, attributes: Mapping[str, str]) -> str:
    return "<" + tag + "".join(f' {name}="{_attribute(value)}"' for name, value in attributes.items()) + ">"


def _leaf(tag: str, attributes: Mapping[str, str], content: str) -> str:
    """An element whose content (already escaped) stays on its line."""
    return f"{_start_tag(tag, attributes)}{content}</{tag}>"


def _block(tag: str, attributes: Mapping[str, str], children: list[str], level: int) -> str:
    """An element whose children each stand on their own line, one indent deeper."""
    if not children:
        return f"{_start_tag(tag, attributes)}</{tag}>"
    padding = "\n" + _INDENT * (level + 1)
    return f"{_start_tag(tag, attributes)}{padding}{padding.join(children)}\n{_INDENT * level}</{tag}>"
