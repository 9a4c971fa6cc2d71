"""A request's query parameters and body into a `Job`, with the CLI's checks and messages.

Every option of ``qaformat convert`` that makes sense over HTTP is a query parameter of the
same name (``bold_questions`` for ``--bold-questions``); ``speakers`` is a JSON object in place
of repeated ``--speaker`` flags. Nothing here reads a path: there is no ``template`` and no
speaker map file. Imports no web framework.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from qaformat.errors import QAFormatError
from qaformat.model import Role
from qaformat.options import LabelStyle
from qaformat.presets import PRESETS
from qaformat.readers import canonical_format
from qaformat.renderers import output_format
from qaformat.serve.catalog import convention_names
from qaformat.serve.jobs import Action, Job

__all__ = ["BOOLEAN_OPTIONS", "MEDIA_FORMATS", "TEXT_OPTIONS", "QueryError", "job_from"]

BOOLEAN_OPTIONS = ("standalone", "stylesheet", "timestamps", "bold_questions", "diagnostics")
"""Render options given as ``true`` or ``false``."""
TEXT_OPTIONS = ("lang", "note")
"""Render options given as text."""
MAX_TEXT = 2000
"""The longest title, note, language tag or file name accepted."""

MEDIA_FORMATS: Mapping[str, str] = {
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/vtt": "vtt",
    "application/x-subrip": "srt",
    "application/json": "json",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
"""Body media types that name an input format; ``text/plain`` and ``application/octet-stream``
leave it to the file name and the content, as the CLI does."""
UNNAMED_TYPES = ("text/plain", "application/octet-stream")

_TRUE, _FALSE = ("true", "1", "yes", "on"), ("false", "0", "no", "off")


class QueryError(QAFormatError, ValueError):
    """A query parameter the service cannot use (a 400)."""


def job_from(action: Action, query: Mapping[str, str], data: bytes, *, media_type: str | None,
             filename: str | None = None) -> Job:
    """The job a request asks for.

    Args:
        action: what to do.
        query: the query parameters.
        data: the body (or the uploaded file).
        media_type: the body's media type without parameters, if sent.
        filename: the uploaded file's name, if the body was a form.

    Raises:
        QueryError: a parameter is malformed.
        UnknownFormatError: ``to``, ``from``, ``preset`` or ``labels`` names nothing known.
    """
    name = _text(query, "filename") or filename
    input_format = _input_format(query, media_type, name)
    render: dict[str, Any] = {}
    for option in BOOLEAN_OPTIONS:
        value = _boolean(query, option)
        if value is not None:
            render[option] = value
    for option in TEXT_OPTIONS:
        text = _text(query, option)
        if text is not None:
            render[option] = text
    if "labels" in query:
        render["labels"] = _choice(query, "labels", [s.value for s in LabelStyle])
    preset = query.get("preset")
    if preset is not None and preset not in PRESETS:
        raise QueryError(f"unknown preset {preset!r}; known presets: {', '.join(sorted(PRESETS))}")
    return Job(
        action=action,
        data=data,
        filename=name,
        input_format=input_format,
        to=output_format(query.get("to", "html")).name,
        speakers=_speakers(query.get("speakers")),
        tidy=bool(_boolean(query, "tidy")),
        whole=bool(_boolean(query, "whole")),
        name_speakers=bool(_boolean(query, "name_speakers")),
        convention=_convention(query),
        preset=preset,
        render_values=tuple(render.items()),
        title=_text(query, "title"),
    )


def _input_format(query: Mapping[str, str], media_type: str | None, filename: str | None) -> str | None:
    named = query.get("from")
    if named:
        return canonical_format(named)
    if filename is None and media_type is not None and media_type in MEDIA_FORMATS:
        return MEDIA_FORMATS[media_type]
    return None


def _boolean(query: Mapping[str, str], name: str) -> bool | None:
    value = query.get(name)
    if value is None:
        return None
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise QueryError(f"{name} must be true or false, got {value[:40]!r}")


def _text(query: Mapping[str, str], name: str) -> str | None:
    value = query.get(name)
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise QueryError(f"{name} is longer than {MAX_TEXT} characters")
    return value


def _choice(query: Mapping[str, str], name: str, choices: list[str]) -> str:
    value = query[name]
    if value not in choices:
        raise QueryError(f"{name}: invalid choice {value[:40]!r} (choose from {', '.join(choices)})")
    return value


def _speakers(text: str | None) -> tuple[tuple[str, str | None, str | None], ...]:
    """``{"EC": {"name": "Emily Carter", "role": "interviewer"}}`` as (label, name, role) triples."""
    if text is None or not text.strip():
        return ()
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise QueryError(f"speakers is not valid JSON: {error.msg}") from None
    if not isinstance(value, dict):
        raise QueryError('speakers must be a JSON object: {"LABEL": {"name": "Name", "role": "interviewer"}}')
    roles = [r.value for r in Role]
    found = []
    for label, spec in value.items():
        if not label.strip() or not isinstance(spec, dict) or set(spec) - {"name", "role"}:
            raise QueryError(f"speakers: {label[:40]!r} wants an object with a name and/or a role")
        name, role = spec.get("name"), spec.get("role")
        if name is not None and not isinstance(name, str):
            raise QueryError(f"speakers: the name of {label[:40]!r} must be text")
        if role is not None and role not in roles:
            raise QueryError(f"speakers: unknown role {str(role)[:40]!r} for {label[:40]!r}; roles are {', '.join(roles)}")
        found.append((label.strip(), (name or "").strip() or None, role))
    return tuple(found)


def _convention(query: Mapping[str, str]) -> str | None:
    name = query.get("convention")
    if name is None or not name.strip():
        return None
    known = convention_names()
    if name not in known:
        raise QueryError(f"unknown convention {name[:40]!r}; the conventions are {', '.join(known)}")  # the CLI's words
    return name
