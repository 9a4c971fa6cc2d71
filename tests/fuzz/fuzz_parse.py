"""An atheris harness for the whole pipeline, to run by hand for a while:

    pip install atheris
    mkdir -p fuzz-corpus && python tests/fuzz/fuzz_parse.py -max_total_time=600 fuzz-corpus tests/corpus

Any input must parse or raise QAFormatError, and every parse must render in every format
(HTML re-parses, DOCX reopens, JSON round-trips). A crash found here becomes a case in
tests/fuzz/regressions/ (the file as found), which tests/test_fuzz_regressions.py replays.
"""

from __future__ import annotations

import io
import sys

import atheris

with atheris.instrument_imports():
    import qaformat
    from qaformat.renderers import RENDERERS


def check(data: bytes) -> None:
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

            html.fromstring(output)


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
