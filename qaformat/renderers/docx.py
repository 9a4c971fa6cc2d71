"""The DOCX renderer: a transcript as a Word document built on named, restylable styles.

It owns the document body (title, intro, headings, one paragraph per turn paragraph, speaker
labels, stage directions, right-to-left paragraphs) and the core properties; the base
document and the styles come from `docx_styles`. It imports python-docx (only here and in
`docx_styles`), the model and the options; never readers or parsing.

Paragraphs are built as ``w:p`` elements and inserted before the body's ``w:sectPr``, found
once: python-docx's ``add_paragraph`` looks for the ``w:sectPr`` on every call, which makes
long transcripts quadratic (see ``benchmarks/docx_append.py``).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from docx.oxml import OxmlElement

from qaformat.model import Kind, SpanKind, Speaker, Transcript, Turn
from qaformat.options import LabelStyle, RenderOptions
from qaformat.renderers.docx_styles import open_base, set_language, style_ids

__all__ = ["render_docx"]

# Characters XML 1.0 cannot hold: C0 controls but tab, newline and carriage return, lone
# surrogates, U+FFFE and U+FFFF. Each becomes one U+FFFD, so span offsets stay valid.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile(r"(\t|\r\n?|\n)")
# Children of w:pPr that come after w:bidi in the schema's sequence.
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
# Words of a name that a short label leaves out, or that mark a label as generic.
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md", "esq", "esq."})
_GENERIC = frozenset(
    "announcer answer audience caller female host interviewer male man member moderator narrator "
    "participant question reporter speaker unidentified unknown voice woman".split()
)

Segment = tuple[str, str | None]
"""A stretch of a paragraph's text and the character style id of its run (``None``: plain)."""


def render_docx(transcript: Transcript, options: RenderOptions) -> bytes:
    """The transcript as a .docx file.

    Args:
        transcript: what to write.
        options: reads ``labels``, ``lang``, ``timestamps`` and ``template``.

    Returns:
        The bytes of the .docx package.

    Raises:
        RenderError: the template is missing, not a Word document, or corrupt, or has a QA
            style of the wrong type.
    """
    document = open_base(options.template)
    ids = style_ids(document, options.template)
    if options.lang:
        set_language(document, options.lang)
    _DocxWriter(document, ids, transcript, options).write()
    _set_properties(document.core_properties, transcript, options)
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
        self._labels = _Labels(transcript.speakers, options.labels)
        self._rtl = False  # direction of the last paragraph, for paragraphs with no strong letters

    def write(self) -> None:
        transcript = self._transcript
        if transcript.title:
            self._paragraph("Title", [(_clean(transcript.title), None)])
        for text in transcript.intro:
            self._paragraph("QA Intro", [(_clean(text), None)])
        for section in transcript.sections:
            if section.heading is not None:
                self._paragraph("Heading 1", [(_clean(section.heading), None)])
            for turn in section.turns:
                self._turn(turn)

    def _turn(self, turn: Turn) -> None:
        match turn.kind:
            case Kind.QUESTION:
                style, lead = "QA Question", self._label(turn)
            case Kind.ANSWER:
                style, lead = "QA Answer", self._label(turn)
            case Kind.REMARK:
                style, lead = "QA Remark", self._label(turn)
            case Kind.NOTE:
                style, lead = "QA Note", []
        lead = self._timestamp(turn) + lead
        # A note is a direction as a whole: its italic style already says so, and an italic
        # character style inside it would toggle back to upright in Word.
        marked = turn.kind is not Kind.NOTE
        for index, text in enumerate(turn.paragraphs or ("",)):
            spans = [(s.start, s.end) for s in turn.spans if s.paragraph == index and s.kind is SpanKind.DIRECTION]
            self._paragraph(style, lead + self._directions(_clean(text), spans if marked else []))
            lead = []

    def _label(self, turn: Turn) -> list[Segment]:
        label = self._labels.next(turn.speaker)
        if label is None:
            return []
        return [(_clean(label) + ":", self._ids["QA Speaker"]), (" ", None)]

    def _timestamp(self, turn: Turn) -> list[Segment]:
        seconds = turn.timestamp
        if not self._options.timestamps or seconds is None or not 0 <= seconds < 360_000:
            return []  # NaN, infinities and negatives fail the range test too
        minutes, secs = divmod(int(seconds), 60)
        return [(f"[{minutes // 60:02d}:{minutes % 60:02d}:{secs:02d}]", self._ids["QA Timestamp"]), (" ", None)]

    def _directions(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Segment]:
        """The text cut into plain runs and stage-direction runs (overlaps and strays dropped)."""
        segments: list[Segment] = []
        done = 0
        for start, end in sorted(spans):
            start, end = max(start, done), min(end, len(text))
            if start >= end:
                continue
            segments += [(text[done:start], None), (text[start:end], self._ids["QA Direction"])]
            done = end
        segments.append((text[done:], None))
        return segments

    def _paragraph(self, style: str, segments: Iterable[Segment]) -> None:
        runs = _merge(segments)
        rtl = _right_to_left("".join(text for text, _ in runs))
        self._rtl = rtl = self._rtl if rtl is None else rtl
        p = OxmlElement("w:p")
        ppr = p.get_or_add_pPr()
        ppr.style = self._ids[style]
        if rtl:
            ppr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
        for text, run_style in runs:
            r = p.add_r()
            if run_style is not None or rtl:
                rpr = r.get_or_add_rPr()
                if run_style is not None:
                    rpr.style = run_style
                if rtl:
                    rpr.get_or_add_rtl()
            _set_text(r, text)
        if self._anchor is None:
            self._body.append(p)
        else:
            self._anchor.addprevious(p)


class _Labels:
    """Speaker labels in the chosen style: the full name on a speaker's first turn, then short."""

    def __init__(self, speakers: Sequence[Speaker], style: LabelStyle):
        self._style = style
        self._names = {s.id: s.name for s in speakers}
        self._short = {s.id: _short_name(s.name, style) for s in speakers}
        # A short form must still pick out one speaker: "Whitfield" for two Whitfields does not.
        counts = Counter(short.casefold() for short in self._short.values())
        full = Counter(name.casefold() for name in self._names.values())
        for sid, short in self._short.items():
            if short != self._names[sid] and counts[short.casefold()] + full[short.casefold()] > 1:
                self._short[sid] = self._names[sid]
        self._seen: set[str] = set()

    def next(self, speaker: str | None) -> str | None:
        """The label for this speaker's next turn (``None``: no label)."""
        if speaker is None or self._style is LabelStyle.NONE:
            return None
        if speaker not in self._seen:
            self._seen.add(speaker)
            return self._names.get(speaker, speaker)
        return self._short.get(speaker, speaker)


def _short_name(name: str, style: LabelStyle) -> str:
    """Surname or initials of a person's name; role labels (``Q``, ``Speaker 2``) stay whole."""
    if style not in (LabelStyle.SURNAME, LabelStyle.INITIALS):
        return name
    # Honorifics ("Dr.", "Sen.", "د."), suffixes and credentials after a comma are not the name.
    words = [w for w in name.split(",")[0].split() if not w.endswith(".") and w.casefold() not in _SUFFIXES]
    generic = any(w.casefold() in _GENERIC for w in words) or any(c.isdigit() for c in name)
    if len(words) < 2 or generic:
        return name
    if style is LabelStyle.SURNAME:
        first = len(words) - 1
        while first > 1 and words[first - 1][0].islower():  # particles: "van", "de", "al"
            first -= 1
        return " ".join(words[first:])
    parts = [part for w in words for part in w.split("-") if part and not part[0].islower()]
    if not all(part[0].isupper() for part in parts):
        return name  # a script without capitals (Arabic, CJK): initials would read as a word
    return "".join(part[0] for part in parts)


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


def _right_to_left(text: str) -> bool | None:
    """Whether most strong letters are right-to-left; ``None`` when there are none."""
    if text.isascii():
        return False if any(c.isalpha() for c in text) else None
    counts = Counter(map(unicodedata.bidirectional, text))
    rtl, ltr = counts["R"] + counts["AL"], counts["L"]
    return None if rtl == ltr == 0 else rtl > ltr


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _set_text(r: Any, text: str) -> None:
    """Tabs and line breaks as their elements, the rest as ``w:t`` (python-docx goes char by char)."""
    for piece in _BREAKS.split(text):
        if piece == "\t":
            r.add_tab()
        elif piece in ("\n", "\r", "\r\n"):
            r.add_br()
        elif piece:
            r.add_t(piece)


def _set_properties(props: Any, transcript: Transcript, options: RenderOptions) -> None:
    """Core properties describe this interview, nothing of the template or the machine."""
    props.title = _clean(transcript.title or "")
    props.keywords = _clean(", ".join(s.name for s in transcript.speakers))
    props.author = _clean(transcript.metadata.get("author", ""))
    props.language = options.lang or ""
    for field in ("subject", "comments", "category", "content_status", "identifier", "version"):
        setattr(props, field, "")
    props.last_modified_by = ""
    props.revision = 1
    props.created = props.modified = _now()
    # python-docx has no way to unset a date; a template's last-printed date is not ours.
    for printed in props._element.xpath("cp:lastPrinted"):
        props._element.remove(printed)


def _now() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH where set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
