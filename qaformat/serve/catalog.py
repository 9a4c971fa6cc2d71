"""What the service offers, read from qaformat's own registries: formats, presets, conventions.

The output formats come from the renderer table and the conventions from the parser's registry,
so a format or convention added there appears in the API, its OpenAPI document and the page
without a change here; only a format's media type is looked up below by its file suffix (text
formats not listed are sent as UTF-8 plain text).
Imports the registries only, never the web stack.
"""

from __future__ import annotations

from typing import Any

from qaformat.model import Role
from qaformat.options import LabelStyle
from qaformat.presets import PRESETS
from qaformat.readers import ALIASES, READERS, SUFFIXES
from qaformat.renderers import RENDERERS, OutputFormat

__all__ = ["convention_names", "conventions", "formats", "input_formats", "media_type", "output_formats", "presets"]

_MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".json": "application/json",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".vtt": "text/vtt; charset=utf-8",
    ".srt": "application/x-subrip; charset=utf-8",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".epub": "application/epub+zip",
    ".xml": "application/xml",
}

def media_type(fmt: OutputFormat) -> str:
    """The media type an output format is sent with."""
    for suffix in fmt.suffixes:
        if suffix in _MEDIA_TYPES:
            return _MEDIA_TYPES[suffix]
    return "application/octet-stream" if fmt.binary else "text/plain; charset=utf-8"


def output_formats() -> list[str]:
    """Output format names, in the renderer table's order."""
    return list(RENDERERS)


def input_formats() -> list[str]:
    """Input format names (``json`` is qaformat's own JSON)."""
    return [*READERS, "json"]


def formats() -> dict[str, Any]:
    """``GET /v1/formats``: every input format with its suffixes and aliases, every output format
    with its media type and suffixes."""
    return {
        "input": [
            {"name": name,
             "suffixes": [s for s, n in SUFFIXES.items() if n == name],
             "aliases": [a for a, n in ALIASES.items() if n == name]}
            for name in input_formats()
        ],
        "output": [
            {"name": f.name, "media_type": media_type(f), "binary": f.binary, "suffixes": list(f.suffixes)}
            for f in RENDERERS.values()
        ],
    }


def presets() -> list[dict[str, Any]]:
    """``GET /v1/presets``: each preset's name, description and the option values it sets."""
    return [
        {"name": p.name, "description": p.description,
         "values": {k: getattr(v, "value", v) for k, v in p.values.items()}}
        for p in PRESETS.values()
    ]


def convention_names() -> list[str]:
    """The conventions the parser reads, in its registry's order (the order that breaks a tie)."""
    from qaformat.parsing.conventions import CONVENTIONS  # the parser's registry, as `qaformat conventions` reads it

    return [c.name for c in CONVENTIONS]


def conventions() -> list[dict[str, str]]:
    """``GET /v1/conventions``: what ``qaformat conventions`` lists: each convention's name, what
    it looks like and an example, in the registry's order."""
    from qaformat.parsing.conventions import CONVENTIONS

    return [{"name": c.name, "summary": c.summary, "example": c.example} for c in CONVENTIONS]


ROLES = [r.value for r in Role]
LABEL_STYLES = [s.value for s in LabelStyle]
