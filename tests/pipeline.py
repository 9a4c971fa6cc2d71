"""One input through the whole pipeline, with every renderer's output checked by its reader:
shared by the atheris harness and the replayed regressions."""

from __future__ import annotations

import io

import qaformat
from qaformat.renderers import RENDERERS


def check_pipeline(data: bytes) -> None:
    """Parse or raise QAFormatError; every parse renders in every format qaformat writes itself
    (the timed ones when it has times), JSON round-trips, HTML re-parses and DOCX reopens."""
    try:
        transcript = qaformat.parse(data)
    except qaformat.QAFormatError:
        return
    timed = any(turn.timestamp is not None for turn in transcript.turns())
    for name, fmt in RENDERERS.items():
        if fmt.needs.startswith("pandoc"):
            continue  # run by pandoc and LibreOffice: tests/test_pandoc.py and test_hostile.py
        try:
            output = qaformat.render(transcript, name)
        except qaformat.RenderError:
            if fmt.needs.startswith("a transcript with times") and not timed:
                continue  # refused, as it must be
            raise
        if name == "json":
            assert qaformat.load_json(output) == transcript
        elif name == "docx":
            import docx

            docx.Document(io.BytesIO(output))  # type: ignore[arg-type]
        elif name == "html":
            from lxml import html

            html.fragment_fromstring(str(output))
