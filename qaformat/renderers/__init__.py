"""Renderers: one module per output format, and the fixed table that names them.

Each renderer is a function ``(transcript, options) -> str`` (text formats) or ``-> bytes``
(DOCX). Modules are imported when first used, so writing HTML never loads python-docx.
Renderers read only the model and the options; they never import readers or parsing.
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
    reads: frozenset[str] = frozenset()
    """The `RenderOptions` fields the renderer reads; the others cannot change its output."""


RENDERERS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("html", "qaformat.renderers.html", "render_html", False, (".html", ".htm"), frozenset(
            {"standalone", "labels", "lang", "stylesheet", "timestamps", "bold_questions", "note"})),
        OutputFormat("json", "qaformat.renderers.json", "render_json", False, (".json",),
                     frozenset({"diagnostics", "note"})),
        OutputFormat("md", "qaformat.renderers.markdown", "render_markdown", False, (".md", ".markdown"),
                     frozenset({"labels", "timestamps", "bold_questions", "note"})),
        OutputFormat("docx", "qaformat.renderers.docx", "render_docx", True, (".docx",),
                     frozenset({"labels", "lang", "timestamps", "template", "bold_questions", "note"})),
    )
}
"""Output format name -> renderer."""

_ALIASES = {"htm": "html", "markdown": "md", "word": "docx"}


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
    """The output format a file suffix names (``.html`` -> html), or ``None``."""
    for fmt in RENDERERS.values():
        if suffix.lower() in fmt.suffixes:
            return fmt
    return None


def render_with(fmt: OutputFormat, transcript: Transcript, options: RenderOptions) -> str | bytes:
    """Run one renderer."""
    module = importlib.import_module(fmt.module)
    function = cast(Callable[[Transcript, RenderOptions], "str | bytes"], getattr(module, fmt.function))
    return function(transcript, options)
