"""The DOCX renderer: a transcript as a Word document built on named, restylable styles.

It owns the document body (title, intro, headings, one paragraph per turn paragraph, speaker
labels, stage directions, right-to-left paragraphs), the values of the core properties, and
the writing of the package. The package's other parts come from `docx_base` (the default
package shipped with qaformat, filled in without python-docx or lxml) or, for a template,
from `docx_styles`, the one module that imports python-docx, and only then; labels come from
`labels` and the cast line from `castline`. It imports the model and the options; never
readers or parsing.

The body's ``w:p`` elements are written as escaped XML text, not built as a tree: a tree of a
10 MB transcript holds about 100 MB, and python-docx's ``add_paragraph`` also looks for the
``w:sectPr`` on every call, which makes long transcripts quadratic (see
``benchmarks/docx_append.py``). ``word/document.xml`` comes with a marker where the body goes,
and the marker is replaced as the part is written into the package, one batch of paragraphs
at a time. Markup comes only from the fixed tags below; every text and attribute value passes
through `markup`'s escaping.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Iterable, Iterator, Sequence

from qaformat.language import OtherLanguages
from qaformat.model import Kind, SpanKind, Transcript, Turn
from qaformat.options import RenderOptions
from qaformat.patterns import lazy
from qaformat.renderers.castline import cast_line
from qaformat.renderers.direction import TextDirection
from qaformat.renderers.docx_base import BODY_MARKER, DEFAULT_STYLE_IDS, CoreProperties, default_parts, language_attributes
from qaformat.renderers.labels import SpeakerLabels, clock_time, interviewer_remarks, turn_time
from qaformat.renderers.languages import document_language
from qaformat.renderers.markup import escape_attribute, escape_text

__all__ = ["render_docx"]

# Characters XML 1.0 cannot hold: C0 controls but tab, newline and carriage return, lone
# surrogates, U+FFFE and U+FFFF. Each becomes one U+FFFD, so span offsets stay valid.
_NOT_XML = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = lazy(r"(\t|\r\n?|\n)")
_DOCUMENT_PART = "word/document.xml"
# Paragraphs encoded and compressed together: one at a time, the compressor's calls cost more
# than its work; all at once, the encoded body would double the memory the strings hold.
_PARAGRAPHS_PER_WRITE = 500
_PROPERTY_LIMIT = 255  # python-docx refuses longer core property strings
_ZIP_EPOCH = 315532800  # 1980-01-01 UTC, where zip dates start

Segment = tuple[str, str | None]
"""A stretch of a paragraph's text and the character style id of its run, escaped (``None``: plain)."""


def render_docx(transcript: Transcript, options: RenderOptions) -> bytes:
    """The transcript as a .docx file.

    Args:
        transcript: what to write.
        options: reads ``labels``, ``lang`` (else the metadata's ``lang``, else a guess), ``timestamps``,
            ``bold_questions``, ``note``, ``cast`` (a ``QA Cast`` paragraph after the intro),
            ``show_title``, ``show_intro`` and ``template``.

    Returns:
        The bytes of the .docx package.

    Raises:
        RenderError: the template is missing, not a Word document, or corrupt, or has a QA
            style of the wrong type.
    """
    lang = _clean(document_language(transcript, options) or "")
    properties = _properties(transcript, lang)
    if options.template is None:
        ids, parts = DEFAULT_STYLE_IDS, default_parts(lang, properties)
    else:
        # python-docx, the slowest import of any renderer, only where a template must be read
        from qaformat.renderers.docx_styles import template_parts

        ids, parts = template_parts(options.template, lang, properties)
    return _package(parts, _DocxWriter(ids, transcript, options, lang).write())


def _package(parts: list[tuple[str, bytes]], paragraphs: list[str]) -> bytes:
    """The .docx: the parts in order, the body marker in the document part replaced by the paragraphs."""
    marker = f"<!--{BODY_MARKER}-->".encode()
    out = io.BytesIO()
    stamp = _zip_time()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in parts:
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16  # rw for the owner, as ZipFile.writestr makes a named entry
            if name != _DOCUMENT_PART:
                package.writestr(info, data)
                continue
            before, found, after = data.partition(marker)
            assert found, "the document part comes with the body marker"
            with package.open(info, "w") as stream:
                stream.write(before)
                for start in range(0, len(paragraphs), _PARAGRAPHS_PER_WRITE):
                    stream.write("".join(paragraphs[start : start + _PARAGRAPHS_PER_WRITE]).encode("utf-8"))
                stream.write(after)
    return out.getvalue()


class _DocxWriter:
    """Writes the transcript's paragraphs as ``w:p`` XML, one string each."""

    def __init__(self, ids: dict[str, str], transcript: Transcript, options: RenderOptions, lang: str):
        self._paragraphs: list[str] = []
        self._others = OtherLanguages(lang or None)
        self._ids = {name: escape_attribute(style_id) for name, style_id in ids.items()}  # as written in w:val
        self._plain = {None, self._ids["QA Direction"]}  # runs that --bold-questions sets in bold
        self._transcript = transcript
        self._options = options
        self._labels = SpeakerLabels(transcript.speakers, options.labels)
        self._by_interviewer = interviewer_remarks(transcript.speakers)
        self._note = options.note.strip() if options.note else None
        self._cast = cast_line(transcript) if options.cast else None
        self._text_direction = TextDirection("\n".join(_texts(transcript, self._note, self._cast)))
        self._rtl = False  # direction of the last paragraph, for paragraphs with no strong letters

    def write(self) -> list[str]:
        transcript = self._transcript
        if transcript.title and self._options.show_title:
            self._paragraph("Title", [(_clean(transcript.title), None)])
        for text in transcript.intro if self._options.show_intro else ():
            self._paragraph("QA Intro", [(_clean(text), None)], lang=self._others.text(text))
        if self._note:
            self._paragraph("QA Note", [(_clean(self._note), None)])
        if self._cast:
            self._paragraph("QA Cast", [(_clean(self._cast), None)])
        for section in transcript.sections:
            if section.heading and section.heading.strip():
                self._paragraph("Heading 1", [(_clean(section.heading), None)])
            for turn in section.turns:
                self._turn(turn)
        return self._paragraphs

    def _turn(self, turn: Turn) -> None:
        match turn.kind:
            case Kind.QUESTION:
                style = "QA Question"
            case Kind.ANSWER:
                style = "QA Answer"
            case Kind.REMARK:
                style = "QA Interviewer Remark" if self._by_interviewer(turn) else "QA Remark"
            case Kind.NOTE:
                style = "QA Note"
        opening = self._opening(turn)
        # A note is a direction as a whole: its italic style already says so, and an italic
        # character style inside it would toggle back to upright in Word.
        marked = turn.kind is not Kind.NOTE
        bold = self._options.bold_questions and turn.kind is Kind.QUESTION
        turn_lang, paragraph_langs = self._others.turn(turn.paragraphs)
        for index, text in enumerate(turn.paragraphs or (("",) if opening else ())):
            spans = [(s.start, s.end) for s in turn.spans if s.paragraph == index and s.kind is SpanKind.DIRECTION]
            space: list[Segment] = [(" ", None)] if opening and text else []
            lang = (paragraph_langs[index] if index < len(paragraph_langs) else None) or turn_lang
            self._paragraph(style, opening + space + self._directions(_clean(text), spans if marked else []), bold, lang)
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

    def _paragraph(self, style: str, segments: Iterable[Segment], bold: bool = False, lang: str | None = None) -> None:
        """Append a paragraph; ``bold`` sets its text (not label or time) in direct bold, ``lang``
        is the language of a paragraph in another language than the document."""
        runs = _merge(segments)
        rtl = self._text_direction.of("".join(text for text, _ in runs))
        self._rtl = rtl = self._rtl if rtl is None else rtl
        language = ""
        if lang is not None:
            language = "<w:lang " + " ".join(f'{name}="{escape_attribute(value)}"'
                                             for name, value in language_attributes(lang, document=False).items()) + "/>"
        # Each child in schema order: pStyle, bidi; rStyle, b, bCs, rtl, lang.
        xml = [f'<w:p><w:pPr><w:pStyle w:val="{self._ids[style]}"/>', "<w:bidi/>" if rtl else "",
               "</w:pPr>"]
        for text, run_style in runs:
            xml.append("<w:r>")
            strong = bold and run_style in self._plain
            if run_style is not None or strong or rtl or language:
                xml.append("<w:rPr>")
                if run_style is not None:
                    xml.append(f'<w:rStyle w:val="{run_style}"/>')
                if strong:
                    # Direct bold, not a style: bold set in two styles toggles off in Word.
                    xml.append("<w:b/><w:bCs/>")
                if rtl:
                    xml.append("<w:rtl/>")
                xml.append(language)
                xml.append("</w:rPr>")
            xml.append(_run_text(text))
            xml.append("</w:r>")
        xml.append("</w:p>")
        self._paragraphs.append("".join(xml))


def _texts(transcript: Transcript, *extra: str | None) -> Iterator[str]:
    """Every text the body is made of: the labels are made of the speakers' names."""
    for text in (transcript.title, *transcript.intro, *extra, *(speaker.name for speaker in transcript.speakers)):
        if text:
            yield text
    for section in transcript.sections:
        if section.heading:
            yield section.heading
        for turn in section.turns:
            yield from turn.paragraphs


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
    return text if text.isprintable() else _NOT_XML.sub("\ufffd", text)  # all it replaces is unprintable


def _run_text(text: str) -> str:
    """Tabs and line breaks as their elements, the rest as ``w:t`` (python-docx goes char by char)."""
    if text and text.isprintable():  # no tab or line break: most runs
        return _text_element(text)
    xml = []
    for piece in _BREAKS.split(text):
        if piece == "\t":
            xml.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n"):
            xml.append("<w:br/>")
        elif piece:
            xml.append(_text_element(piece))
    return "".join(xml)


def _text_element(text: str) -> str:
    """A ``w:t`` with text that is not empty and holds no tab or line break."""
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    return f"<w:t{space}>{escape_text(text)}</w:t>"


def _properties(transcript: Transcript, lang: str) -> CoreProperties:
    """Core properties describe this interview, nothing of the template or the machine."""
    keywords = ""
    for speaker in transcript.speakers:  # as many whole names as fit
        more = f"{keywords}, {speaker.name}" if keywords else speaker.name
        if len(more) > _PROPERTY_LIMIT:
            break
        keywords = more
    return CoreProperties(title=_fit(transcript.title or ""), keywords=_clean(keywords),
                          author=_fit(transcript.metadata.get("author", "")), language=lang, now=_now())


def _fit(text: str) -> str:
    """Text for a core property, cut to python-docx's limit."""
    text = _clean(text)
    return text if len(text) <= _PROPERTY_LIMIT else text[: _PROPERTY_LIMIT - 1] + "…"


def _now() -> int:
    """Now in seconds since the epoch, or SOURCE_DATE_EPOCH where set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(epoch) if epoch.isdigit() else int(time.time())


def _zip_time() -> tuple[int, int, int, int, int, int]:
    """The parts' zip date: under SOURCE_DATE_EPOCH that time in UTC (so the same input gives
    the same bytes; zip dates start in 1980), else the local time of writing, as zip tools do."""
    if not os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return time.localtime()[:6]
    return time.gmtime(max(_now(), _ZIP_EPOCH))[:6]
