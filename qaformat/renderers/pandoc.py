"""pandoc's document model, and the formats pandoc writes from it (EPUB, ODT, ICML, LaTeX, PDF).

Owns docs/pandoc.md. `render_pandoc_json` writes the transcript as pandoc's JSON AST: title and
metadata in ``meta``, section headings as ``Header``, each turn a ``Div`` with the ``qa-*``
classes and a ``custom-style`` (``QA Question``, ``QA Answer``, ...) that pandoc's DOCX, ODT and
ICML writers turn into named paragraph styles, speaker labels as ``Span``s with class and
``custom-style`` ``QA Speaker``. The API version is the one the installed pandoc reads (asked
of pandoc once, by converting an empty document), else `RenderOptions.pandoc_api`, else the
newest known. The other renderers here run ``pandoc -f json`` on that AST, and for PDF
LibreOffice on pandoc's ODT; pandoc is looked for when one of them runs, never at import.
Imports the model, the options and the renderer helpers; never readers or parsing.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qaformat.errors import RenderError
from qaformat.model import Kind, Section, SpanKind, Transcript, Turn
from qaformat.options import RenderOptions
from qaformat.patterns import lazy
from qaformat.renderers.castline import cast_line
from qaformat.renderers.labels import SpeakerLabels, TurnHead, clock_time

__all__ = [
    "pandoc_api_version",
    "pandoc_document",
    "render_epub",
    "render_icml",
    "render_latex",
    "render_odt",
    "render_pandoc_json",
    "render_pdf",
]

NEWEST_API = (1, 23, 1)
"""The API version written when no pandoc is installed and none is asked for (pandoc 3)."""

_KIND_STYLE = {Kind.QUESTION: "QA Question", Kind.ANSWER: "QA Answer", Kind.REMARK: "QA Remark", Kind.NOTE: "QA Note"}
_SPAN_STYLE = {SpanKind.DIRECTION: ("direction", "QA Direction"), SpanKind.TIMESTAMP: ("timestamp", "QA Timestamp")}
# Metadata keys pandoc's writers know as text (title pages, document properties).
_INLINE_META = ("subtitle", "date", "description", "abstract", "keywords", "publisher", "rights")
_WORDS = lazy(r"\S+")
_TIMEOUT = 300  # seconds; a book-length transcript takes pandoc a few seconds

Json = dict[str, Any]


def render_pandoc_json(transcript: Transcript, options: RenderOptions) -> str:
    """The transcript as pandoc's JSON AST (``pandoc -f json`` reads it).

    Args:
        transcript: what to render.
        options: ``labels``, ``timestamps``, ``bold_questions``, ``note``, ``cast``,
            ``show_title``, ``show_intro``, ``heading_level``, ``class_prefix``, ``lang`` and
            ``pandoc_api`` are read.

    Raises:
        RenderError: a turn names a speaker the transcript does not list.
    """
    document = pandoc_document(transcript, options, api=pandoc_api_version(options.pandoc_api))
    return json.dumps(document, ensure_ascii=False) + "\n"


def pandoc_api_version(asked: str | None = None) -> tuple[int, ...]:
    """The API version to write: the one asked for, else the installed pandoc's, else the newest."""
    if asked:
        return tuple(int(part) for part in asked.split("."))
    found = shutil.which("pandoc")
    return _installed_api(found) if found else NEWEST_API


@functools.cache
def _installed_api(pandoc: str) -> tuple[int, ...]:
    """What this pandoc writes for an empty document names the API version it reads."""
    try:
        result = subprocess.run([pandoc, "-f", "markdown", "-t", "json"], input="", capture_output=True,
                                text=True, timeout=60, check=True)
        return tuple(int(part) for part in json.loads(result.stdout)["pandoc-api-version"])
    except (OSError, subprocess.SubprocessError, ValueError, KeyError, TypeError):
        return NEWEST_API


def pandoc_document(transcript: Transcript, options: RenderOptions, *, api: tuple[int, ...] = NEWEST_API,
                    plain: bool = False) -> Json:
    """The AST as a JSON-ready dict.

    Args:
        transcript: what to render.
        options: as for `render_pandoc_json`.
        api: the ``pandoc-api-version`` to write.
        plain: the layout for ICML: turn paragraphs as ``Plain``, not ``Para``, and labels
            without ``Strong``, so that pandoc's ICML writer gives them the styles themselves
            (``QA Question``, ``QA Speaker``) rather than ``QA Question > Paragraph`` and
            ``Bold QA Speaker``; InDesign's styles carry the look.
    """
    return {
        "pandoc-api-version": list(api),
        "meta": _meta(transcript, options),
        "blocks": list(_Blocks(transcript, options, plain=plain).document()),
    }


def _meta(transcript: Transcript, options: RenderOptions) -> Json:
    meta: Json = {}
    if transcript.title and transcript.title.strip() and options.show_title:
        meta["title"] = _meta_inlines(transcript.title)
    for key in _INLINE_META:
        value = transcript.metadata.get(key, "")
        if value.strip():
            meta[key] = _meta_inlines(value)
    author = transcript.metadata.get("author", "")
    if author.strip():
        meta["author"] = {"t": "MetaList", "c": [_meta_inlines(author)]}
    lang = options.lang or transcript.metadata.get("lang")
    if lang and lang.strip():
        meta["lang"] = {"t": "MetaString", "c": lang.strip()}
    return meta


def _meta_inlines(text: str) -> Json:
    return {"t": "MetaInlines", "c": _text(text)}


def _text(text: str) -> list[Json]:
    """Words as ``Str``, any run of white space as one ``Space``."""
    inlines: list[Json] = []
    position = 0
    for match in _WORDS.finditer(text):
        if match.start() > position and inlines:
            inlines.append({"t": "Space"})
        inlines.append({"t": "Str", "c": match.group()})
        position = match.end()
    if position < len(text) and inlines:
        inlines.append({"t": "Space"})
    return inlines


def _attr(classes: list[str], style: str | None = None, **values: str) -> list[Any]:
    pairs = [["custom-style", style]] if style else []
    return ["", classes, pairs + [[key, value] for key, value in values.items()]]


def _div(classes: list[str], style: str | None, blocks: list[Json], **values: str) -> Json:
    return {"t": "Div", "c": [_attr(classes, style, **values), blocks]}


def _span(classes: list[str], style: str | None, inlines: list[Json]) -> Json:
    return {"t": "Span", "c": [_attr(classes, style), inlines]}


class _Blocks:
    """The document's blocks, one small method per model level."""

    def __init__(self, transcript: Transcript, options: RenderOptions, *, plain: bool):
        self._transcript = transcript
        self._options = options
        self._prefix = options.class_prefix
        self._paragraph = "Plain" if plain else "Para"
        self._bold_labels = not plain
        self._labels = SpeakerLabels(transcript.speakers, options.labels)

    def document(self) -> Iterator[Json]:
        p = self._prefix
        intro = self._transcript.intro if self._options.show_intro else ()
        paragraphs = [self._para(_text(text)) for text in intro if text.strip()]
        if paragraphs:
            yield _div([f"{p}intro"], "QA Intro", paragraphs)
        note = self._options.note
        cast = cast_line(self._transcript) if self._options.cast else None
        # Beside the intro, not in it: ICML would name a nested style "QA Intro > QA Note".
        for text, name, style in ((note, "note", "QA Note"), (cast, "cast", "QA Cast")):
            if text and text.strip():
                yield _div([p + name], style, [self._para(_text(text))])
        for number, section in enumerate(self._transcript.sections, start=1):
            yield self._section(section, number)

    def _para(self, inlines: list[Json]) -> Json:
        return {"t": self._paragraph, "c": inlines}

    def _section(self, section: Section, number: int) -> Json:
        p = self._prefix
        blocks: list[Json] = []
        if section.heading and section.heading.strip():
            # An identifier of its own: EPUB's table of contents links to it (pandoc fails without).
            attr = [f"{p}section-{number}", [f"{p}heading"], []]
            blocks.append({"t": "Header", "c": [self._options.heading_level, attr, _text(section.heading)]})
        blocks += [self._turn(turn) for turn in section.turns]
        return _div([f"{p}section"], None, blocks)

    def _turn(self, turn: Turn) -> Json:
        p = self._prefix
        classes = [f"{p}turn", p + turn.kind.value]
        head = TurnHead.of(turn, self._labels, timestamps=self._options.timestamps,
                           bold_questions=self._options.bold_questions)
        values = {"speaker": turn.speaker} if turn.kind is not Kind.NOTE and turn.speaker is not None else {}
        paragraphs = []
        for index, text in enumerate(head.paragraphs):
            inlines = self._inlines(turn, index, text)
            if head.bold and inlines:
                inlines = [{"t": "Strong", "c": inlines}]
            if index == 0:
                inlines = self._opening(head.seconds, head.label) + ([{"t": "Space"}] if inlines else []) + inlines
                inlines = inlines[1:] if inlines and inlines[0] == {"t": "Space"} else inlines
            paragraphs.append(self._para(inlines))
        return _div(classes, _KIND_STYLE[turn.kind], paragraphs, **values)

    def _opening(self, seconds: float | None, label: str | None) -> list[Json]:
        p = self._prefix
        opening: list[Json] = []
        if seconds is not None:
            opening.append(_span([f"{p}time"], "QA Timestamp", [{"t": "Str", "c": clock_time(seconds)}]))
        if label is not None:
            if opening:
                opening.append({"t": "Space"})
            words = _text(f"{label}:")
            opening.append(_span([f"{p}speaker"], "QA Speaker", [{"t": "Strong", "c": words}] if self._bold_labels else words))
        return opening

    def _inlines(self, turn: Turn, index: int, text: str) -> list[Json]:
        """The paragraph's words, with a ``Span`` for each top-level direction or time in it."""
        spans = sorted((s for s in turn.spans if s.paragraph == index and 0 <= s.start < s.end <= len(text)),
                       key=lambda s: (s.start, -s.end))
        inlines: list[Json] = []
        position = 0
        for span in spans:
            if span.start < position:
                continue  # nested or crossing: its text is inside the span before
            inlines += self._piece(text[position : span.start], inlines)
            name, style = _SPAN_STYLE[span.kind]
            words = _text(text[span.start : span.end])
            if words:
                inlines.append(_span([self._prefix + name], style, words))
            position = span.end
        inlines += self._piece(text[position:], inlines)
        return inlines

    @staticmethod
    def _piece(text: str, before: list[Json]) -> list[Json]:
        """A stretch of plain text between spans: the spaces at its edges kept as ``Space``."""
        words = _text(text)
        if not words:
            return [{"t": "Space"}] if text and before and text.isspace() else []
        if text[:1].isspace() and before:
            words.insert(0, {"t": "Space"})
        if text[-1:].isspace():
            words.append({"t": "Space"})
        return words


def render_epub(transcript: Transcript, options: RenderOptions) -> bytes:
    """An EPUB 3 e-book, written by pandoc."""
    return _run_pandoc("epub", transcript, options)


def render_odt(transcript: Transcript, options: RenderOptions) -> bytes:
    """OpenDocument text with the ``QA`` paragraph styles, written by pandoc."""
    return _run_pandoc("odt", transcript, options)


def render_icml(transcript: Transcript, options: RenderOptions) -> str:
    """InDesign ICML with ``QA Question``/``QA Answer`` paragraph styles, written by pandoc."""
    return _run_pandoc("icml", transcript, options, plain=True).decode("utf-8")


def render_latex(transcript: Transcript, options: RenderOptions) -> str:
    """A LaTeX document, written by pandoc."""
    return _run_pandoc("latex", transcript, options).decode("utf-8")


def render_pdf(transcript: Transcript, options: RenderOptions) -> bytes:
    """A PDF: pandoc's ODT laid out and printed by LibreOffice (no TeX needed)."""
    odt = render_odt(transcript, options)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RenderError("pdf output needs LibreOffice, which is not installed"
                          " (Debian/Ubuntu: apt install libreoffice-writer)")
    with tempfile.TemporaryDirectory(prefix="qaformat-pdf-") as folder:
        source = Path(folder) / "interview.odt"
        source.write_bytes(odt)
        # A profile of its own, so a LibreOffice the user has open does not take the job over.
        command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={Path(folder, 'profile').as_uri()}",
                   "--convert-to", "pdf", "--outdir", folder, str(source)]
        _run(command, "LibreOffice", None)
        target = source.with_suffix(".pdf")
        if not target.exists():
            raise RenderError("LibreOffice made no PDF from pandoc's ODT")
        return target.read_bytes()


def _run_pandoc(to: str, transcript: Transcript, options: RenderOptions, *, plain: bool = False) -> bytes:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        raise RenderError(f"{to} output needs pandoc, which is not installed"
                          " (Debian/Ubuntu: apt install pandoc; others: https://pandoc.org/installing.html)")
    document = pandoc_document(transcript, options, api=pandoc_api_version(options.pandoc_api), plain=plain)
    command = [pandoc, "-f", "json", "-t", to, "--standalone", "-o", "-"]
    if to == "epub" and "title" not in document["meta"]:
        command += ["--metadata", "pagetitle=Interview"]  # EPUB needs a title; pandoc warns without one
    return _run(command, "pandoc", json.dumps(document, ensure_ascii=False).encode("utf-8"))


def _run(command: list[str], program: str, data: bytes | None) -> bytes:
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    try:
        result = subprocess.run(command, input=data, capture_output=True, timeout=_TIMEOUT, env=env,
                                stdin=None if data is not None else subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise RenderError(f"{program} took longer than {_TIMEOUT} seconds") from None
    except OSError as error:
        raise RenderError(f"cannot run {program}: {error.strerror or error}") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"{program} failed: {message[-1] if message else f'exit status {result.returncode}'}")
    return result.stdout
