"""Does the time grow in proportion to the input, whatever its shape?

    python benchmarks/scaling.py                      # every shape at N and 10N, 3 runs each
    python benchmarks/scaling.py --scale 0.02 --repeat 1    # the CI smoke run: small N
    python benchmarks/scaling.py --shapes srt-talk,panel

For each shape in `shapes.SHAPES` (one speaker or many, one turn or thousands, long and
hard-wrapped paragraphs, caption cues, headings, lists, web pages, Word paragraphs and tables)
it builds the input at N units and at 10N, times the whole process ``qaformat convert INPUT -t
json`` on each (median of the runs, start-up included), checks that the JSON holds every text
the input was built with, and prints the ratio of the two times. A linear program gives about
10; the target is at most 12. Numbers are for this machine at this moment: the machines are
shared and noisy, so a ratio just over the target is worth a second run before a search.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import run_process
from shapes import SHAPES, build, missing

import qaformat

TARGET = 12.0
"""The most the time at 10N may be, as a multiple of the time at N."""

UNITS = {
    # shape: N, chosen so that N takes a few tenths of a second, well above start-up
    "interview": 5000,
    "panel": 1000,
    "monologue": 5000,
    "repeated-label": 5000,
    "long-paragraph": 5000,
    "wrapped-paragraph": 5000,
    "headings": 1500,
    "markdown-list": 5000,
    "srt-talk": 10000,
    "vtt-voices": 5000,
    "html-page": 3000,
    "html-list": 3000,
    "html-long-paragraph": 5000,
    "html-attribute": 2000,
    "docx-paragraphs": 2000,
    "docx-long-paragraph": 3000,
    "docx-table": 1500,
    "docx-wide-table": 3000,
}
assert set(UNITS) == set(SHAPES), "every shape has its N"


def measure(shape: str, count: int, folder: Path, repeat: int) -> tuple[float, float]:
    """(megabytes, median whole-process seconds) of converting the shape at ``count`` units;
    stops the run if the output lost any of the input's text."""
    built = build(shape, count)
    source = folder / f"{shape}-{count}{Path(built.name).suffix}"
    source.write_bytes(built.data)
    output = folder / f"{shape}-{count}.json"
    command = [sys.executable, "-m", "qaformat", "convert", str(source), "-t", "json", "-o", str(output), "--force"]
    run_process(command)  # warm-up: bytecode caches, and the file in the page cache
    seconds = statistics.median(run_process(command)[0] for _ in range(repeat))
    lost = missing(built, qaformat.load_json(output.read_text(encoding="utf-8")))
    if lost:
        raise SystemExit(f"{shape} at {count}: {len(lost)} text(s) lost, the first {lost[0][:60]!r}")
    return len(built.data) / 1e6, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every shape's N by this")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (medians are quoted)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shape names")
    args = parser.parse_args(argv)
    shapes = args.shapes.split(",")
    unknown = [shape for shape in shapes if shape not in SHAPES]
    if unknown:
        parser.error(f"unknown shape(s) {', '.join(unknown)}; the shapes are {', '.join(SHAPES)}")
    print("| shape | N | MB at N | s at N | MB at 10N | s at 10N | ratio |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    over = []
    with tempfile.TemporaryDirectory() as folder:
        for shape in shapes:
            count = max(1, round(UNITS[shape] * args.scale))
            small_mb, small = measure(shape, count, Path(folder), args.repeat)
            large_mb, large = measure(shape, 10 * count, Path(folder), args.repeat)
            ratio = large / small
            if ratio > TARGET:
                over.append(shape)
            print(f"| {shape} | {count} | {small_mb:.2f} | {small:.3f} | {large_mb:.2f} | {large:.3f} | {ratio:.1f} |",
                  flush=True)
    print()
    print(f"ratios above {TARGET:.0f}: {', '.join(over)}" if over else f"every ratio is at most {TARGET:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
