"""An atheris harness for the whole pipeline, to run by hand for a while:

    pip install atheris
    mkdir -p fuzz-corpus && python tests/fuzz/fuzz_parse.py -max_total_time=600 fuzz-corpus tests/corpus

Any input must parse or raise QAFormatError, and every parse must render in every format
(HTML re-parses, DOCX reopens, JSON round-trips). A crash found here becomes a case in
tests/fuzz/regressions/ (the file as found), which tests/test_fuzz_regressions.py replays.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports():
    from tests.pipeline import check_pipeline


def main() -> None:
    atheris.Setup(sys.argv, check_pipeline)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
