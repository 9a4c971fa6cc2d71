"""One input through the whole pipeline, with every renderer's output checked by its reader:
shared by the atheris harness and the replayed regressions."""

from __future__ import annotations

import io

import qaformat
from qaformat.renderers import RENDERERS


def check_pipeline(data: bytes) -> None:
    """Parse or raise QAFormatError; every parse renders in every format, JSON round-trips,
    HTML re-parses and DOCX reopens."""
    try:
        transcript = qaformat.parse(data)
    except qaformat.QAFormatError:
        return
    for name in RENDERERS:
        output = qaformat.render(transcript, name)
        if name == "json":
            assert qaformat.load_json(output) == transcript
        elif name == "docx":
            import docx

            docx.Document(io.BytesIO(output))  # type: ignore[arg-type]
        elif name == "html":
            from lxml import html

            html.fragment_fromstring(str(output))
