"""Speaker maps: a small TOML file saying who is who, read into `SpeakerSpec`s.

    "Speaker 1" = { name = "Jane Roe", role = "interviewee", description = "Mayor of Harlow" }
    EC = { name = "Emily Carter", role = "interviewer" }
    Q = { role = "interviewer" }

Keys are labels as written in the transcript (matched case-insensitively); each value may give
``name``, ``role`` (interviewer, interviewee, other) and ``description``. The map is applied
before inference, and a label that matches nothing in the transcript is an error.
"""

from __future__ import annotations

import os
import tomllib
from typing import Any

from qaformat.errors import InputError
from qaformat.model import Role
from qaformat.options import SpeakerSpec
from qaformat.patterns import lazy

__all__ = ["load_speaker_map", "parse_speaker_map"]

_FIELDS = frozenset({"name", "role", "description"})
_AT_LINE = lazy(r"\(at line (\d+)")


def load_speaker_map(path: str | os.PathLike[str]) -> dict[str, SpeakerSpec]:
    """Read a speaker map file.

    Raises:
        InputError: the file cannot be read, is not TOML, or holds an unknown field or role.
    """
    source = os.fspath(path)
    try:
        with open(source, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise InputError(f"cannot read the speaker map: {error.strerror or error}", source=source) from None
    return parse_speaker_map(data.decode("utf-8-sig", errors="replace"), source)


def parse_speaker_map(text: str, source: str | None = None) -> dict[str, SpeakerSpec]:
    """Read a speaker map from TOML text (see the module text for the form).

    Raises:
        InputError: not TOML, or an unknown field or role (with the line where TOML says).
    """
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _AT_LINE.search(str(error))
        raise InputError(f"speaker map is not valid TOML: {error}", source=source,
                         line=int(found.group(1)) if found else None) from None
    specs: dict[str, SpeakerSpec] = {}
    for label, value in table.items():
        specs[label] = _spec(label, value, source)
    return specs


def _spec(label: str, value: Any, source: str | None) -> SpeakerSpec:
    if isinstance(value, str):
        return SpeakerSpec(name=value)  # "EC" = "Emily Carter" is the short form
    if not isinstance(value, dict):
        raise InputError(f"speaker map: {label!r} should be a name or a table like {{ name = ..., role = ... }}",
                         source=source)
    unknown = set(value) - _FIELDS
    if unknown:
        raise InputError(f"speaker map: {label!r} has unknown field(s) {', '.join(sorted(unknown))};"
                         f" fields are name, role, description", source=source)
    for field in _FIELDS & set(value):
        if not isinstance(value[field], str):
            raise InputError(f"speaker map: {label!r}: {field} should be text", source=source)
    role = value.get("role")
    if role is not None and role.lower() not in {r.value for r in Role}:
        raise InputError(f"speaker map: {label!r}: unknown role {role!r}; roles are interviewer, interviewee, other",
                         source=source)
    return SpeakerSpec(name=value.get("name"), role=Role(role.lower()) if role else None,
                       description=value.get("description"))
