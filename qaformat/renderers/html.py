"""The HTML renderer: an ``<article class="qa-interview">`` fragment, or a whole page.

Owns the HTML contract of docs/html.md: the ``qa-*`` class names, ``data-speaker``, the label
styles, ``lang``/``dir``, and the built-in stylesheet (``qaformat.css`` beside this module).
Markup comes only from the fixed tags below; every text and attribute value from the transcript
or the options passes through `markup`'s escaping (attributes via `_attribute`), so input can
never inject markup. Block elements each stand on their own indented line; inline content is
left as it is. Writing strings this way is several times faster than building an lxml tree and keeps
lxml off the start-up path (see docs/performance.md); the tests parse the output back with lxml
and validate it with the W3C checker. Imports the model, the options and the renderer helpers (`castline`,
`direction`, `jsonld`, `labels`, `markup`); never readers or parsing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping

from qaformat.language import OtherLanguages, primary_subtag, right_to_left_language
from qaformat.model import Kind, Section, Span, SpanKind, Transcript, Turn
from qaformat.options import RenderOptions
from qaformat.patterns import lazy
from qaformat.renderers.castline import cast_line
from qaformat.renderers.direction import right_to_left
from qaformat.renderers.jsonld import jsonld_script
from qaformat.renderers.labels import SpeakerLabels, clock_seconds, clock_time, interviewer_remarks, iso_duration, turn_time
from qaformat.renderers.languages import document_language
from qaformat.renderers.markup import escape_attribute, escape_text

__all__ = ["render_html", "stylesheet"]

# Class names without the prefix (``qa-`` unless options.class_prefix says otherwise).
_UNTITLED = "Interview"  # a page's title and heading when the transcript has no title
_KIND_CLASS = {
    Kind.QUESTION: "question",
    Kind.ANSWER: "answer",
    Kind.REMARK: "remark",
    Kind.NOTE: "note",
}
_SPAN_CLASS = {SpanKind.DIRECTION: "direction", SpanKind.TIMESTAMP: "timestamp"}
# Page metadata keys that have a standard <meta name>; other keys are not shown.
_META_NAMES = ("author", "description", "keywords")
_INDENT = "  "

_NONCHARACTERS = "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0x10000, 0x110000, 0x10000))
# Code points that neither XML nor the HTML parser accept; each becomes U+FFFD, one for one, so
# span offsets stay right. The astral non-characters are looked for only in text with astral
# characters: a class of scattered code points is several times slower to scan for.
_FORBIDDEN = lazy("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_FORBIDDEN_ASTRAL = lazy(f"[{_NONCHARACTERS}]")
_ASTRAL = lazy("[\U00010000-\U0010ffff]")


def render_html(transcript: Transcript, options: RenderOptions) -> str:
    """The transcript as HTML: an article fragment, or a whole page when ``options.standalone``.

    Args:
        transcript: what to render.
        options: ``standalone``, ``labels``, ``lang``, ``stylesheet``, ``timestamps``,
            ``bold_questions`` (question text in ``<b>``), ``note`` (a ``<p class="qa-note">``
            at the end of the intro), ``cast`` (a ``<p class="qa-cast">`` after it),
            ``show_title``, ``show_intro``, ``heading_level``, ``class_prefix`` and ``jsonld``
            (the schema.org data a page always carries) are read.

    Returns:
        The HTML text, ending in a newline.

    Raises:
        RenderError: a turn names a speaker the transcript does not list.
    """
    lang = document_language(transcript, options)
    texts = list(_texts(transcript))
    text = "\n".join(texts)
    rtl = right_to_left(text) is True
    writer = _ArticleWriter(transcript, options, cleaning=_needs_cleaning(texts, text), lang=lang, rtl=rtl)
    if not options.standalone:
        return writer.article(level=0, jsonld=options.jsonld) + "\n"
    return _page(transcript, options, writer.article(level=3, jsonld=False), lang, rtl) + "\n"


@functools.cache
def stylesheet() -> str:
    """The built-in stylesheet (``qaformat.css``) that standalone pages carry."""
    from importlib import resources  # only standalone pages need it: kept off the start-up path

    return resources.files("qaformat.renderers").joinpath("qaformat.css").read_text(encoding="utf-8")


class _ArticleWriter:
    """Writes the ``<article>`` element, one small method per model level."""

    def __init__(self, transcript: Transcript, options: RenderOptions, *, cleaning: bool, lang: str | None, rtl: bool):
        self._transcript = transcript
        self._lang = lang
        self._rtl = rtl
        self._others = OtherLanguages(lang)
        self._standalone = options.standalone
        # A page opens with its title as <h1> and skips no level, so ``heading_level`` shifts the
        # headings of a fragment only (the CMS template around it has its own).
        self._heading_level = 2 if options.standalone else options.heading_level
        self._timestamps = options.timestamps
        self._bold_questions = options.bold_questions
        self._by_interviewer = interviewer_remarks(transcript.speakers)
        self._note = options.note.strip() if options.note else None
        self._cast = cast_line(transcript) if options.cast else None
        self._labels = SpeakerLabels(transcript.speakers, options.labels)
        self._options = options
        self._prefix = options.class_prefix
        # The caller looked over all the text at once; parsed text never needs cleaning.
        self._clean = _clean if cleaning else _unchanged
        self._turn_tags: dict[tuple[Kind, bool, str | None, str | None], str] = {}
        self._label_tags: dict[str, str] = {}

    def article(self, *, level: int, jsonld: bool) -> str:
        p = self._prefix
        options = self._options
        lang = self._lang
        attributes = {"class": f"{p}interview"}
        if lang:
            attributes["lang"] = lang
        if self._rtl:
            attributes["dir"] = "rtl"
        children = []
        tag = f"h{max(1, self._heading_level - 1)}"
        if self._transcript.title and options.show_title:
            children.append(_leaf(tag, {"class": f"{p}title"}, escape_text(_clean(self._transcript.title))))
        elif self._standalone and options.show_title:
            # A page needs a top heading above the sections (and screen-reader users jump to it);
            # a fragment does not, as the CMS page around it has its own.
            english = {} if lang and primary_subtag(lang) == "en" else {"lang": "en"}
            children.append(_leaf(tag, {"class": f"{p}title {p}untitled", **english}, _UNTITLED))
        intro = self._transcript.intro if options.show_intro else ()
        extra = [(text, name) for text, name in ((self._note, "note"), (self._cast, "cast")) if text]
        if intro or extra:
            paragraphs = [_leaf("p", self._language(self._others.text(text)), escape_text(_clean(text)))
                          for text in intro]
            paragraphs += [_leaf("p", {"class": p + name}, escape_text(_clean(text))) for text, name in extra]
            children.append(_block("div", {"class": f"{p}intro"}, paragraphs, level + 1))
        children += [self._section(section, level + 1) for section in self._transcript.sections]
        if jsonld:
            children.append(jsonld_script(self._transcript, lang))
        return _block("article", attributes, children, level)

    def _section(self, section: Section, level: int) -> str:
        p = self._prefix
        children = []
        if section.heading and section.heading.strip():
            tag = f"h{self._heading_level}"
            children.append(_leaf(tag, {"class": f"{p}heading"}, escape_text(_clean(section.heading))))
        children += [self._turn(turn, level + 1) for turn in section.turns]
        return _block("section", {"class": f"{p}section"}, children, level)

    def _turn(self, turn: Turn, level: int) -> str:
        p = self._prefix
        turn_lang, paragraph_langs = self._others.turn(turn.paragraphs)
        speaker = None
        match turn.kind:
            case Kind.NOTE:
                pass  # a note has no speaker, even where a hand-built model gives one
            case Kind.QUESTION | Kind.ANSWER | Kind.REMARK:
                speaker = turn.speaker
        label = self._labels.label(speaker) if speaker is not None else None
        seconds = turn_time(turn) if self._timestamps else None
        bold = self._bold_questions and turn.kind is Kind.QUESTION
        paragraphs = []
        for index, text in enumerate(turn.paragraphs or (("",) if label or seconds is not None else ())):
            clean = self._clean(text)
            spans = [span for span in turn.spans if span.paragraph == index] if turn.spans else None
            body = _fill(clean, 0, len(clean), _nest(spans, len(clean)), p) if spans else escape_text(clean)
            if bold and text:
                body = f"<b>{body}</b>"
            opening = self._opening(seconds, label, bool(text)) if index == 0 else ""
            lang = paragraph_langs[index] if index < len(paragraph_langs) else None
            start = _start_tag("p", self._language(lang, around=turn_lang)) if lang else "<p>"
            paragraphs.append(f"{start}{opening}{body}</p>")
        start = self._turn_tag(turn.kind, self._by_interviewer(turn), turn_lang, speaker)
        return _enclose(start, "div", paragraphs, level)

    def _turn_tag(self, kind: Kind, by_interviewer: bool, lang: str | None, speaker: str | None) -> str:
        """A turn's ``<div>`` start tag, written once for each of the few that a transcript has."""
        key = (kind, by_interviewer, lang, speaker)
        if key not in self._turn_tags:
            p = self._prefix
            attributes = {"class": f"{p}turn {p}{_KIND_CLASS[kind]}" + (f" {p}by-interviewer" if by_interviewer else "")}
            attributes.update(self._language(lang))
            if speaker is not None:
                attributes["data-speaker"] = speaker
            self._turn_tags[key] = _start_tag("div", attributes)
        return self._turn_tags[key]

    def _language(self, lang: str | None, around: str | None = None) -> dict[str, str]:
        """``lang`` for text in another language than its surroundings, and ``dir`` where that
        language runs the other way."""
        if lang is None:
            return {}
        attributes = {"lang": lang}
        if right_to_left_language(lang) != (right_to_left_language(around) if around else self._rtl):
            attributes["dir"] = "rtl" if right_to_left_language(lang) else "ltr"
        return attributes

    def _opening(self, seconds: float | None, label: str | None, more: bool) -> str:
        """The time and the speaker label that open a turn's first paragraph."""
        opening = ""
        if seconds is not None:
            attributes = {"class": f"{self._prefix}time", "datetime": iso_duration(seconds)}
            opening = _leaf("time", attributes, escape_text(clock_time(seconds))) + (" " if label or more else "")
        if label is not None:
            opening += self._label_tag(label) + (" " if more else "")
        return opening

    def _label_tag(self, label: str) -> str:
        """A speaker label's ``<strong>``, written once for each label."""
        if label not in self._label_tags:
            self._label_tags[label] = _leaf("strong", {"class": f"{self._prefix}speaker"}, escape_text(_clean(f"{label}:")))
        return self._label_tags[label]


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


def _fill(text: str, start: int, end: int, spans: list[tuple[Span, list[Span]]], prefix: str) -> str:
    """``text[start:end]``, escaped, with a ``<span>`` for each recognised span."""
    pieces = []
    position = start
    for span, inner in spans:
        pieces.append(escape_text(text[position : span.start]))
        inside = _fill(text, span.start, span.end, _nest(inner, span.end), prefix)
        seconds = clock_seconds(text[span.start : span.end]) if span.kind is SpanKind.TIMESTAMP else None
        if seconds is not None:  # a time in the text is a <time>, as the turn's own is
            pieces.append(f'<time class="{prefix}timestamp" datetime="{iso_duration(seconds)}">{inside}</time>')
        else:
            pieces.append(f'<span class="{prefix}{_SPAN_CLASS[span.kind]}">{inside}</span>')
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
        _leaf("title", {}, escape_text(_clean(transcript.title or _UNTITLED))),
        *(_start_tag("meta", {"name": name, "content": value}) for name, value in _page_metadata(transcript.metadata)),
        _start_tag("meta", {"name": "generator", "content": "qaformat"}),
        jsonld_script(transcript, lang),
    ]
    if options.stylesheet:
        css = stylesheet()
        if options.class_prefix != "qa-":  # the prefix is validated: letters, digits, - and _
            css = re.sub(r"\.qa-(?=[a-z])", "." + options.class_prefix, css)
        head.append(f"<style>\n{css}</style>")  # our own fixed text; a style's content is not escaped
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


def _needs_cleaning(texts: list[str], text: str) -> bool:
    """Whether `_clean` would change any of the texts (``text``: the texts joined by line breaks).
    Every character it changes is unprintable, and printable text is told twice as fast as
    the characters are searched for; parsed text is printable."""
    if all(map(str.isprintable, texts)):
        return False
    return "\r" in text or "\x0c" in text or bool(
        _FORBIDDEN.search(text) or (_ASTRAL.search(text) and _FORBIDDEN_ASTRAL.search(text)))


def _unchanged(text: str) -> str:
    return text


def _clean(text: str) -> str:
    """Text that XML and HTML accept: forbidden code points become U+FFFD, CR and FF a line break
    or space (one character for one)."""
    if text.isprintable():  # every character changed below is unprintable
        return text
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
    return _enclose(_start_tag(tag, attributes), tag, children, level)


def _enclose(start: str, tag: str, children: list[str], level: int) -> str:
    """`_block` with its start tag already written."""
    if not children:
        return f"{start}</{tag}>"
    padding = "\n" + _INDENT * (level + 1)
    return f"{start}{padding}{padding.join(children)}\n{_INDENT * level}</{tag}>"
