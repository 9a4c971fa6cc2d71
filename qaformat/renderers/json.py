"""The JSON renderer: the versioned contract of docs/json.md, two-space indented, UTF-8 text.

Key order is fixed and non-ASCII text is written as is, so the output diffs well and a
round trip through ``load_json`` gives the same bytes.
"""

from __future__ import annotations

import json

from qaformat.jsonmodel import to_data
from qaformat.model import Transcript
from qaformat.options import RenderOptions

__all__ = ["render_json"]


def render_json(transcript: Transcript, options: RenderOptions) -> str:
    """The transcript as qaformat JSON (diagnostics included when ``options.diagnostics``; an
    editor's note given in ``options.note`` goes in ``metadata["editor_note"]``)."""
    data = to_data(transcript, diagnostics=options.diagnostics)
    if options.note:
        # The editor's note travels with the transcript, where a CMS keeps its free fields.
        data["metadata"]["editor_note"] = options.note
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
