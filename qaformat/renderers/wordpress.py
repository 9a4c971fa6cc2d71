"""The WordPress renderer: the interview as core blocks, the markup WordPress stores for a post.

Owns docs/wordpress.md. Everything is a block, so WordPress's block parser finds no freeform
HTML: one ``core/group`` (class ``qa-interview``) holds the title (``core/heading``), the intro
(a group of ``core/paragraph``), and a group per section holding its ``core/heading`` and one
group per turn (``qa-turn qa-question`` ...) of paragraph blocks. Each block is written as
WordPress's own serializer writes it (comment delimiters, ``wp-block-*`` classes, attribute
JSON with ``--``, ``<``, ``>``, ``&`` and ``"`` escaped), so the block editor opens it without
"unexpected content" warnings. Text passes through `markup`'s escaping, so no input can make a
tag or a block delimiter. Imports the model, the options and the renderer helpers; never
readers or parsing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from qaformat.charsafe import make_safe
from qaformat.model import Section, SpanKind, Transcript, Turn
from qaformat.options import RenderOptions
from qaformat.renderers.castline import cast_line
from qaformat.renderers.labels import SpeakerLabels, TurnHead, clock_time, iso_duration
from qaformat.renderers.markup import escape_attribute, escape_text

__all__ = ["render_wordpress"]

_SPAN_CLASS = {SpanKind.DIRECTION: "direction", SpanKind.TIMESTAMP: "timestamp"}
# What WordPress's serializer escapes inside a block comment's attribute JSON.
_ATTRIBUTE_ESCAPES = {"--": "\\u002d\\u002d", "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", '\\"': "\\u0022"}


def render_wordpress(transcript: Transcript, options: RenderOptions) -> str:
    """The transcript as WordPress block markup (the post content of the block editor).

    Args:
        transcript: what to render.
        options: ``labels``, ``timestamps``, ``bold_questions``, ``note``, ``cast``,
            ``show_title``, ``show_intro``, ``heading_level`` and ``class_prefix`` are read.

    Returns:
        The block markup, ending in a newline.

    Raises:
        RenderError: a turn names a speaker the transcript does not list.
    """
    return _BlockWriter(transcript, options).interview() + "\n"


def _attributes(values: dict[str, Any]) -> str:
    """Block attributes as WordPress writes them: compact JSON, then its escapes."""
    if not values:
        return ""
    text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _ATTRIBUTE_ESCAPES.items():
        text = text.replace(raw, escaped)
    return " " + text


def _block(name: str, values: dict[str, Any], html: str) -> str:
    return f"<!-- wp:{name}{_attributes(values)} -->\n{html}\n<!-- /wp:{name} -->"


def _group(classes: str, inner: list[str]) -> str:
    """A ``core/group`` of inner blocks, as the serializer lays it out."""
    html = f'<div class="wp-block-group {escape_attribute(classes)}">' + "\n\n".join(inner) + "</div>"
    return _block("group", {"className": classes}, html)


def _paragraph(content: str, classes: str | None = None) -> str:
    if classes:
        return _block("paragraph", {"className": classes}, f'<p class="{escape_attribute(classes)}">{content}</p>')
    return _block("paragraph", {}, f"<p>{content}</p>")


def _heading(level: int, classes: str, content: str) -> str:
    values: dict[str, Any] = {} if level == 2 else {"level": level}  # 2 is the block's default
    values["className"] = classes
    html = f'<h{level} class="wp-block-heading {escape_attribute(classes)}">{content}</h{level}>'
    return _block("heading", values, html)


def _text(text: str) -> str:
    return escape_text(make_safe(text))


class _BlockWriter:
    """Writes the blocks, one small method per model level."""

    def __init__(self, transcript: Transcript, options: RenderOptions):
        self._transcript = transcript
        self._options = options
        self._prefix = options.class_prefix
        self._labels = SpeakerLabels(transcript.speakers, options.labels)

    def interview(self) -> str:
        p = self._prefix
        options = self._options
        inner = []
        title = self._transcript.title
        if title and title.strip() and options.show_title:
            inner.append(_heading(max(1, options.heading_level - 1), f"{p}title", _text(title)))
        intro = list(self._intro())
        if intro:
            inner.append(_group(f"{p}intro", intro))
        inner += [self._section(section) for section in self._transcript.sections]
        return _group(f"{p}interview", inner)

    def _intro(self) -> Iterator[str]:
        p = self._prefix
        if self._options.show_intro:
            yield from (_paragraph(_text(text)) for text in self._transcript.intro if text.strip())
        cast = cast_line(self._transcript) if self._options.cast else None
        for text, name in ((self._options.note, "note"), (cast, "cast")):
            if text and text.strip():
                yield _paragraph(_text(text.strip()), p + name)

    def _section(self, section: Section) -> str:
        p = self._prefix
        inner = []
        if section.heading and section.heading.strip():
            inner.append(_heading(self._options.heading_level, f"{p}heading", _text(section.heading)))
        inner += [self._turn(turn) for turn in section.turns]
        return _group(f"{p}section", inner)

    def _turn(self, turn: Turn) -> str:
        p = self._prefix
        head = TurnHead.of(turn, self._labels, timestamps=self._options.timestamps,
                           bold_questions=self._options.bold_questions)
        paragraphs = []
        for index, text in enumerate(head.paragraphs):
            body = self._body(turn, index, text)
            if head.bold and body:
                body = f"<b>{body}</b>"
            if index == 0:
                opening = self._opening(head.seconds, head.label)
                body = f"{opening} {body}" if opening and body else opening or body
            paragraphs.append(_paragraph(body))
        return _group(f"{p}turn {p}{turn.kind.value}", paragraphs)

    def _opening(self, seconds: float | None, label: str | None) -> str:
        p = self._prefix
        pieces = []
        if seconds is not None:
            pieces.append(f'<time class="{p}time" datetime="{iso_duration(seconds)}">{clock_time(seconds)}</time>')
        if label is not None:
            pieces.append(f'<strong class="{p}speaker">{_text(label + ":")}</strong>')
        return " ".join(pieces)

    def _body(self, turn: Turn, index: int, text: str) -> str:
        """The paragraph, escaped, with a ``<span>`` for each top-level direction or time."""
        text = make_safe(text)
        spans = sorted((s for s in turn.spans if s.paragraph == index and 0 <= s.start < s.end <= len(text)),
                       key=lambda s: (s.start, -s.end))
        pieces = []
        position = 0
        for span in spans:
            if span.start < position:
                continue  # nested or crossing: its text is inside the span before
            pieces.append(escape_text(text[position : span.start]))
            inside = escape_text(text[span.start : span.end])
            pieces.append(f'<span class="{self._prefix}{_SPAN_CLASS[span.kind]}">{inside}</span>')
            position = span.end
        pieces.append(escape_text(text[position:]))
        return "".join(pieces).strip()
