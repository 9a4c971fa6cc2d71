"""The DOCX renderer: a transcript as a Word document built on named, restylable styles.

It owns the document body (title, intro, headings, one paragraph per turn paragraph, speaker
labels, stage directions, right-to-left paragraphs) and the core properties; the base
document and its styles come from `docx_styles`, the only other module that touches
python-docx, and labels from `labels`. It imports lxml (python-docx's own XML layer), the
model and the options; never readers or parsing.

Paragraphs are built as ``w:p`` elements and inserted before the body's ``w:sectPr``, found
once: python-docx's ``add_paragraph`` looks for the ``w:sectPr`` on every call, which makes
long transcripts quadratic (see ``benchmarks/docx_append.py``).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Iterable, Sequence
from typing import Any

from lxml.etree import SubElement, _Element

from qaformat.model import Kind, SpanKind, Transcript, Turn
from qaformat.options import RenderOptions
from qaformat.renderers.direction import right_to_left
from qaformat.renderers.docx_styles import open_base, set_language, style_ids
from qaformat.renderers.labels import SpeakerLabels, clock_time, turn_time

__all__ = ["render_docx"]

# Characters XML 1.0 cannot hold: C0 controls but tab, newline and carriage return, lone
# surrogates, U+FFFE and U+FFFF. Each becomes one U+FFFD, so span offsets stay valid.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile(r"(\t|\r\n?|\n)")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _PPR, _PSTYLE, _BIDI, _R, _RPR, _RSTYLE, _B, _BCS, _RTL, _T, _TAB, _BR, _VAL = (
    _W + name for name in ("p", "pPr", "pStyle", "bidi", "r", "rPr", "rStyle", "b", "bCs", "rtl", "t", "tab", "br", "val")
)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_PROPERTY_LIMIT = 255  # python-docx refuses longer core property strings

Segment = tuple[str, str | None]
"""A stretch of a paragraph's text and the character style id of its run (``None``: plain)."""


def render_docx(transcript: Transcript, options: RenderOptions) -> bytes:
    """The transcript as a .docx file.

    Args:
        transcript: what to write.
        options: reads ``labels``, ``lang`` (else the metadata's ``lang``), ``timestamps``,
            ``bold_questions``, ``note`` and ``template``.

    Returns:
        The bytes of the .docx package.

    Raises:
        RenderError: the template is missing, not a Word document, or corrupt, or has a QA
            style of the wrong type.
    """
    document = open_base(options.template)
    ids = style_ids(document, options.template)
    lang = _clean(options.lang or transcript.metadata.get("lang") or "")
    if lang:
        set_language(document, lang)
    _DocxWriter(document, ids, transcript, options).write()
    _set_properties(document.core_properties, transcript, lang)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _DocxWriter:
    """Appends the transcript's paragraphs to the body, each in constant time."""

    def __init__(self, document: Any, ids: dict[str, str], transcript: Transcript, options: RenderOptions):
        self._body = document.element.body
        self._anchor = self._body.sectPr  # located once; every paragraph goes before it
        self._ids = ids
        self._transcript = transcript
        self._options = options
        self._labels = SpeakerLabels(transcript.speakers, options.labels)
        self._rtl = False  # direction of the last paragraph, for paragraphs with no strong letters

    def write(self) -> None:
        transcript = self._transcript
        if transcript.title:
            self._paragraph("Title", [(_clean(transcript.title), None)])
        for text in transcript.intro:
            self._paragraph("QA Intro", [(_clean(text), None)])
        if self._options.note and self._options.note.strip():
            self._paragraph("QA Note", [(_clean(self._options.note.strip()), None)])
        for section in transcript.sections:
            if section.heading and section.heading.strip():
                self._paragraph("Heading 1", [(_clean(section.heading), None)])
            for turn in section.turns:
                self._turn(turn)

    def _turn(self, turn: Turn) -> None:
        match turn.kind:
            case Kind.QUESTION:
                style = "QA Question"
            case Kind.ANSWER:
                style = "QA Answer"
            case Kind.REMARK:
                style = "QA Remark"
            case Kind.NOTE:
                style = "QA Note"
        opening = self._opening(turn)
        # A note is a direction as a whole: its italic style already says so, and an italic
        # character style inside it would toggle back to upright in Word.
        marked = turn.kind is not Kind.NOTE
        bold = self._options.bold_questions and turn.kind is Kind.QUESTION
        for index, text in enumerate(turn.paragraphs or (("",) if opening else ())):
            spans = [(s.start, s.end) for s in turn.spans if s.paragraph == index and s.kind is SpanKind.DIRECTION]
            space: list[Segment] = [(" ", None)] if opening and text else []
            self._paragraph(style, opening + space + self._directions(_clean(text), spans if marked else []), bold)
            opening = []

    def _opening(self, turn: Turn) -> list[Segment]:
        """The time and the speaker label that open a turn's first paragraph ("00:01:02 Name:")."""
        opening: list[Segment] = []
        seconds = turn_time(turn) if self._options.timestamps else None
        if seconds is not None:
            opening.append((clock_time(seconds), self._ids["QA Timestamp"]))
        label = None
        if turn.kind is not Kind.NOTE and turn.speaker is not None:  # a note has no speaker
            label = self._labels.label(turn.speaker)
        if label is not None:
            opening += [(" ", None)] if opening else []
            opening.append((_clean(label) + ":", self._ids["QA Speaker"]))
        return opening

    def _directions(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Segment]:
        """The text cut into plain runs and stage-direction runs (crossing or stray spans dropped)."""
        segments: list[Segment] = []
        done = 0
        for start, end in sorted(spans):
            if not done <= start < end <= len(text):
                continue
            segments += [(text[done:start], None), (text[start:end], self._ids["QA Direction"])]
            done = end
        segments.append((text[done:], None))
        return segments

    def _paragraph(self, style: str, segments: Iterable[Segment], bold: bool = False) -> None:
        """Append a paragraph; ``bold`` sets its text (not label or time) in direct bold."""
        runs = _merge(segments)
        plain = {None, self._ids["QA Direction"]}
        rtl = right_to_left("".join(text for text, _ in runs))
        self._rtl = rtl = self._rtl if rtl is None else rtl
        # Plain lxml calls, each child in schema order (pStyle, bidi; rStyle, b, bCs, rtl):
        # python-docx's element API searches successor tags on every add, several times slower.
        p = SubElement(self._body, _P)
        if self._anchor is not None:
            self._anchor.addprevious(p)
        ppr = SubElement(p, _PPR)
        SubElement(ppr, _PSTYLE, {_VAL: self._ids[style]})
        if rtl:
            SubElement(ppr, _BIDI)
        for text, run_style in runs:
            r = SubElement(p, _R)
            strong = bold and run_style in plain
            if run_style is not None or strong or rtl:
                rpr = SubElement(r, _RPR)
                if run_style is not None:
                    SubElement(rpr, _RSTYLE, {_VAL: run_style})
                if strong:
                    # Direct bold, not a style: bold set in two styles toggles off in Word.
                    SubElement(rpr, _B)
                    SubElement(rpr, _BCS)
                if rtl:
                    SubElement(rpr, _RTL)
            _add_text(r, text)


def _merge(segments: Iterable[Segment]) -> list[Segment]:
    """Adjacent segments of one style joined, empty ones dropped."""
    runs: list[Segment] = []
    for text, style in segments:
        if not text:
            continue
        if runs and runs[-1][1] == style:
            runs[-1] = (runs[-1][0] + text, style)
        else:
            runs.append((text, style))
    return runs


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _add_text(r: _Element, text: str) -> None:
    """Tabs and line breaks as their elements, the rest as ``w:t`` (python-docx goes char by char)."""
    for piece in _BREAKS.split(text):
        if piece == "\t":
            SubElement(r, _TAB)
        elif piece in ("\n", "\r", "\r\n"):
            SubElement(r, _BR)
        elif piece:
            t = SubElement(r, _T)
            t.text = piece
            if piece[0].isspace() or piece[-1].isspace():
                t.set(_XML_SPACE, "preserve")


def _set_properties(props: Any, transcript: Transcript, lang: str) -> None:
    """Core properties describe this interview, nothing of the template or the machine."""
    props.title = _fit(transcript.title or "")
    keywords = ""
    for speaker in transcript.speakers:  # as many whole names as fit
        more = f"{keywords}, {speaker.name}" if keywords else speaker.name
        if len(more) > _PROPERTY_LIMIT:
            break
        keywords = more
    props.keywords = _clean(keywords)
    props.author = _fit(transcript.metadata.get("author", ""))
    props.language = lang
    for field in ("subject", "comments", "category", "content_status", "identifier", "version", "last_modified_by"):
        setattr(props, field, "")  # the template's, or python-docx's "python-docx"
    props.revision = 1
    props.created = props.modified = _now()
    # python-docx has no way to unset a date; a template's last-printed date is not ours.
    for printed in props._element.xpath("cp:lastPrinted"):
        props._element.remove(printed)


def _fit(text: str) -> str:
    """Text for a core property, cut to python-docx's limit."""
    text = _clean(text)
    return text if len(text) <= _PROPERTY_LIMIT else text[: _PROPERTY_LIMIT - 1] + "…"


def _now() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH where set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
