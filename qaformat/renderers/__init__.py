"""Renderers: one module per output format, and the fixed table that names them.

Each renderer is a function ``(transcript, options) -> str`` (text formats) or ``-> bytes``
(DOCX, and the binary formats pandoc makes). Modules are imported when first used, so writing
HTML never loads python-docx. Renderers read only the model and the options; they never import
readers or parsing. Before any renderer runs, `render_with` applies the options that change the
transcript itself for every format alike: a given title and metadata, and typography.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import cast

import attrs

from qaformat.errors import UnknownFormatError
from qaformat.model import Transcript
from qaformat.options import RenderOptions

__all__ = ["RENDERERS", "OutputFormat", "output_format", "render_with"]


@attrs.frozen
class OutputFormat:
    """One output format: where its renderer lives and what it produces."""

    name: str
    module: str
    function: str
    binary: bool
    suffixes: tuple[str, ...]
    purpose: str = ""
    """What the format is for, in a few words (``qaformat formats`` prints it)."""
    needs: str = ""
    """What it needs beyond qaformat: an external program, or times in the transcript."""
    reads: frozenset[str] = frozenset()
    """The `RenderOptions` fields the renderer reads, beyond `EVERY_FORMAT_READS` that
    `render_with` applies for all; the others cannot change its output."""


EVERY_FORMAT_READS = frozenset({"title", "metadata", "smart"})
"""The `RenderOptions` fields `render_with` applies to the transcript before any renderer runs."""

# What the document renderers all read: who speaks, how turns are set, the editor's additions.
_DOCUMENT = frozenset({"labels", "timestamps", "bold_questions", "note", "cast", "show_title", "show_intro"})
_READS = {
    "html": _DOCUMENT | {"standalone", "stylesheet", "lang", "class_prefix", "heading_level", "jsonld"},
    "json": frozenset({"diagnostics", "note"}),
    "md": _DOCUMENT | {"heading_level"},
    "docx": _DOCUMENT | {"template", "lang"},
    "wordpress": _DOCUMENT | {"class_prefix", "heading_level"},
    "pandoc": _DOCUMENT | {"class_prefix", "heading_level", "lang", "pandoc_api"},
}
_PANDOC = "qaformat.renderers.pandoc"
_TIMED = "qaformat.renderers.timed"
_NEEDS_PANDOC = "pandoc (Debian/Ubuntu: apt install pandoc)"
_NEEDS_TIMES = "a transcript with times (captions, timestamped exports)"

RENDERERS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("html", "qaformat.renderers.html", "render_html", False, (".html", ".htm"),
                     "a CMS fragment, or a whole page with --standalone", reads=_READS["html"]),
        OutputFormat("json", "qaformat.renderers.json", "render_json", False, (".json",),
                     "the versioned JSON contract for CMS plugins (read back by load_json)", reads=_READS["json"]),
        OutputFormat("md", "qaformat.renderers.markdown", "render_markdown", False, (".md", ".markdown"),
                     "Markdown for CMSs and sites that take it", reads=_READS["md"]),
        OutputFormat("docx", "qaformat.renderers.docx", "render_docx", True, (".docx",),
                     "Word, with named QA styles for the copy desk", reads=_READS["docx"]),
        OutputFormat("wordpress", "qaformat.renderers.wordpress", "render_wordpress", False, (".wp.html",),
                     "WordPress block markup (paste into the code editor, or post through the REST API)",
                     reads=_READS["wordpress"]),
        OutputFormat("pandoc", _PANDOC, "render_pandoc_json", False, (".pandoc.json",),
                     "pandoc's JSON AST, for `pandoc -f json` to any format it writes", reads=_READS["pandoc"]),
        OutputFormat("epub", _PANDOC, "render_epub", True, (".epub",), "an e-book", _NEEDS_PANDOC, reads=_READS["pandoc"]),
        OutputFormat("odt", _PANDOC, "render_odt", True, (".odt",),
                     "OpenDocument text with the named QA styles", _NEEDS_PANDOC, reads=_READS["pandoc"]),
        OutputFormat("icml", _PANDOC, "render_icml", False, (".icml",),
                     "InDesign (InCopy) with QA Question/QA Answer paragraph styles", _NEEDS_PANDOC, reads=_READS["pandoc"]),
        OutputFormat("latex", _PANDOC, "render_latex", False, (".tex",), "LaTeX source", _NEEDS_PANDOC, reads=_READS["pandoc"]),
        OutputFormat("pdf", _PANDOC, "render_pdf", True, (".pdf",), "a print-ready PDF, laid out by LibreOffice",
                     _NEEDS_PANDOC + " and LibreOffice (apt install libreoffice-writer)", reads=_READS["pandoc"]),
        OutputFormat("vtt", _TIMED, "render_vtt", False, (".vtt",),
                     "WebVTT captions with <v Name> voices (Apple Podcasts, browsers)", _NEEDS_TIMES),
        OutputFormat("srt", _TIMED, "render_srt", False, (".srt",),
                     "SRT captions, 'Name:' on the first cue of each turn", _NEEDS_TIMES),
        OutputFormat("podcast", _TIMED, "render_podcast", False, (".transcript.json",),
                     "Podcasting 2.0 transcript JSON (<podcast:transcript type=\"application/json\">)", _NEEDS_TIMES),
    )
}
"""Output format name -> renderer."""

_ALIASES = {"htm": "html", "markdown": "md", "word": "docx", "wp": "wordpress", "webvtt": "vtt", "subrip": "srt",
            "tex": "latex", "indesign": "icml", "json-ast": "pandoc"}


def output_format(name: str) -> OutputFormat:
    """The output format for a name or alias.

    Raises:
        UnknownFormatError: no such output format.
    """
    key = name.lower().lstrip(".")
    key = _ALIASES.get(key, key)
    if key not in RENDERERS:
        raise UnknownFormatError("output", name, RENDERERS)
    return RENDERERS[key]


def format_for_suffix(suffix: str) -> OutputFormat | None:
    """The output format a file suffix names (``.html`` -> html), or ``None``.

    A double suffix is matched first, so ``talk.pandoc.json`` is the pandoc AST and
    ``talk.transcript.json`` the podcast transcript; ``suffix`` may be a whole file name.
    """
    name = suffix.lower()
    for fmt in sorted(RENDERERS.values(), key=lambda f: -max(len(s) for s in f.suffixes)):
        if any(name.endswith(s) for s in fmt.suffixes):
            return fmt
    return None


def render_with(fmt: OutputFormat, transcript: Transcript, options: RenderOptions) -> str | bytes:
    """Run one renderer, on the transcript as the options change it (title, metadata, typography)."""
    module = importlib.import_module(fmt.module)
    function = cast(Callable[[Transcript, RenderOptions], "str | bytes"], getattr(module, fmt.function))
    return function(prepare(transcript, options), options)


def prepare(transcript: Transcript, options: RenderOptions) -> Transcript:
    """The transcript with the caller's title and metadata set, and typography applied."""
    if options.title is not None or options.metadata:
        transcript = attrs.evolve(
            transcript,
            title=options.title if options.title is not None else transcript.title,
            metadata={**transcript.metadata, **options.metadata},
        )
    if options.smart:
        from qaformat.renderers.typography import smarten

        transcript = smarten(transcript, options.lang or transcript.metadata.get("lang"))
    return transcript
