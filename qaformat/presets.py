"""House presets: named bundles of render options for common publications.

A preset sets label style, bold questions, timestamps and page or fragment; any option the
caller gives explicitly wins over the preset (``--preset newsroom --labels full``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from qaformat.errors import UnknownFormatError
from qaformat.options import LabelStyle, RenderOptions

__all__ = ["PRESETS", "Preset", "apply_preset"]


@attrs.frozen
class Preset:
    """A named bundle of render option values."""

    name: str
    description: str
    values: Mapping[str, Any]
    """Render option values."""
    parse: Mapping[str, Any] = attrs.field(factory=dict)
    """Parse option values (``name_speakers``)."""


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset("newsroom", "a CMS fragment; full name first, then initials; bold labels; cast line; typography",
               {"labels": LabelStyle.INITIALS, "standalone": False, "timestamps": False, "bold_questions": False,
                "cast": True, "smart": True}),
        Preset("podcast", "a standalone page; full names every time; timestamps shown; generic labels named from the"
               " text", {"labels": LabelStyle.FULL, "standalone": True, "timestamps": True, "bold_questions": False},
               {"name_speakers": True}),
        Preset("oral-history", "a standalone page; full name first, then surname; timestamps shown",
               {"labels": LabelStyle.SURNAME, "standalone": True, "timestamps": True, "bold_questions": False}),
        Preset("magazine", "a CMS fragment; questions in bold; full name first, then surname; typography",
               {"labels": LabelStyle.SURNAME, "standalone": False, "timestamps": False, "bold_questions": True,
                "smart": True}),
        Preset("plain", "a standalone page without the stylesheet; full names; no timestamps",
               {"labels": LabelStyle.FULL, "standalone": True, "stylesheet": False, "timestamps": False}),
    )
}
"""Preset name -> preset."""


def apply_preset(name: str | None, explicit: Mapping[str, Any]) -> RenderOptions:
    """Render options from a preset, with the explicitly given values on top.

    Raises:
        UnknownFormatError: no such preset.
    """
    values: dict[str, Any] = {}
    if name is not None:
        if name not in PRESETS:
            raise UnknownFormatError("preset", name, PRESETS)
        values.update(PRESETS[name].values)
    values.update({k: v for k, v in explicit.items() if v is not None})
    return RenderOptions(**values)
