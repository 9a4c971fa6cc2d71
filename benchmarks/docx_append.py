"""How long the DOCX renderer takes on long transcripts, and what python-docx's own API would cost.

python-docx's ``Document.add_paragraph`` looks for the body's ``w:sectPr`` among all the body's
children on every call, so a document of n paragraphs costs O(n^2). ``render_docx`` finds the
``w:sectPr`` once and inserts each new ``w:p`` before it. This script renders synthetic
transcripts of a few sizes both ways and prints the seconds. It is a measuring tool, not a test:

    python benchmarks/docx_append.py             # 1 MB and 10 MB; the naive way at 1 MB
    python benchmarks/docx_append.py 1 2 4 --naive-up-to 4
"""

from __future__ import annotations

import argparse
import io
import time

from docx import Document

from qaformat import Kind, RenderOptions, Role, Section, Span, SpanKind, Speaker, Transcript, Turn
from qaformat.renderers.docx import render_docx

_QUESTION = "What did the first winter at the station teach you about the work, and about yourself? "
_ANSWER = (
    "It taught me that the machinery is the easy part. [laughs] The hard part is the hours between "
    "three and five in the morning, when the log is written, the lamp is fine, and the sea is loud. "
)
_LAUGHS = Span(0, _ANSWER.index("[laughs]"), _ANSWER.index("[laughs]") + len("[laughs]"), SpanKind.DIRECTION)


def synthetic(megabytes: float) -> Transcript:
    """A two-speaker interview whose paragraphs hold about this many megabytes of text."""
    host = Speaker("tom-whitfield", "Tom Whitfield", Role.INTERVIEWER)
    guest = Speaker("ruth-adebayo", "Ruth Adebayo", Role.INTERVIEWEE)
    turns: list[Turn] = []
    size = 0
    while size < megabytes * 1_000_000:
        n = len(turns)
        turns.append(Turn(Kind.QUESTION, host.id, (f"{n}. {_QUESTION}",), n + 1))
        answer = (_ANSWER * 2, _ANSWER)
        turns.append(Turn(Kind.ANSWER, guest.id, answer, n + 2, spans=(_LAUGHS,)))
        size += len(turns[-2].paragraphs[0]) + sum(len(p) for p in answer)
    sections = tuple(Section(f"Part {i // 200 + 1}", tuple(turns[i : i + 200]), i + 1) for i in range(0, len(turns), 200))
    return Transcript(title="A long night", speakers=(host, guest), sections=sections)


def naive(transcript: Transcript) -> bytes:
    """The same body through python-docx's public API (``add_paragraph``, ``add_run``)."""
    document = Document()
    for name in ("QA Question", "QA Answer", "QA Speaker", "QA Direction"):
        kind = 2 if name in ("QA Speaker", "QA Direction") else 1
        document.styles.add_style(name, kind)
    names = {s.id: s.name for s in transcript.speakers}
    document.add_paragraph(transcript.title, "Title")
    for section in transcript.sections:
        document.add_paragraph(section.heading, "Heading 1")
        for turn in section.turns:
            style = "QA Question" if turn.kind is Kind.QUESTION else "QA Answer"
            for index, text in enumerate(turn.paragraphs):
                paragraph = document.add_paragraph(style=style)
                if index == 0 and turn.speaker:
                    paragraph.add_run(names[turn.speaker] + ":", "QA Speaker")
                    paragraph.add_run(" ")
                paragraph.add_run(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _seconds(function: object, transcript: Transcript) -> float:
    start = time.perf_counter()
    if function is naive:
        naive(transcript)
    else:
        render_docx(transcript, RenderOptions())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=float, default=[1.0, 10.0], help="text sizes in MB")
    parser.add_argument("--naive-up-to", type=float, default=1.0, help="largest size to time the naive way")
    args = parser.parse_args()
    print(f"{'MB':>6} {'turns':>7} {'paragraphs':>10} {'render_docx s':>14} {'add_paragraph s':>16}")
    for megabytes in args.sizes:
        transcript = synthetic(megabytes)
        turns = sum(len(s.turns) for s in transcript.sections)
        paragraphs = sum(len(t.paragraphs) for t in transcript.turns()) + len(transcript.sections) + 1
        fast = _seconds(render_docx, transcript)
        slow = f"{_seconds(naive, transcript):16.2f}" if megabytes <= args.naive_up_to else f"{'-':>16}"
        print(f"{megabytes:6.1f} {turns:7d} {paragraphs:10d} {fast:14.2f} {slow}")


if __name__ == "__main__":
    main()
