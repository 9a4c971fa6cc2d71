"""Does the time grow in proportion to the input, whatever its shape?

    python benchmarks/scaling.py                      # every shape at N and 10N, 3 runs each
    python benchmarks/scaling.py --scale 0.02 --repeat 1    # the CI smoke run: small N
    python benchmarks/scaling.py --shapes srt-talk,panel

For each shape in `shapes.SHAPES` (one speaker or many, one turn or thousands, long and
hard-wrapped paragraphs, caption cues, headings, lists, web pages, Word paragraphs and tables)
it builds the input at N units and at 10N, runs the whole process ``qaformat convert INPUT -t
json`` on each (start-up included), checks that the JSON holds every text the input was built
with, and prints the two times and their ratio. A linear program gives about 10 (a little less:
start-up does not grow); the target is at most 12.

The ratio is of CPU seconds (user + system) of the process, the fastest of the runs, which
take the sizes in turn. Start-up (the interpreter, the imports a reader needs) costs the same at
both sizes and so pulls the ratio below 10 where N is small; the ratio past start-up takes off
both times the CPU seconds of the shape at its smallest (four units), and shows the growth of
the work itself (``n/a`` where that work at N is too small to measure). Wall seconds are
printed too, but on a shared machine a process waits for a core as long as the others keep it
busy, and that, not the program, can decide its wall time: compare wall ratios only from a
quiet machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import CHILD_ENV
from shapes import SHAPES, build, missing

import qaformat

TARGET = 12.0
"""The most the time at 10N may be, as a multiple of the time at N."""
SMALLEST = 4
"""Units of the smallest input of each shape, whose conversion is nearly all start-up."""
MEASURABLE = 0.05
"""CPU seconds of work past start-up at N below which no ratio past start-up is given."""

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
    "markdown-qa-list": 5000,
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


def cpu_and_wall(command: list[str]) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=CHILD_ENV)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed: {errors.read().decode()[-500:]}")
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - start


def measure(shape: str, counts: tuple[int, ...], folder: Path, repeat: int) -> list[tuple[float, float, float]]:
    """For each count of units: (megabytes, CPU seconds, wall seconds) of converting the shape,
    the fastest of ``repeat`` runs taking the sizes in turn; stops the run if an output lost any
    of the input's text."""
    commands, megabytes = [], []
    for units in counts:
        built = build(shape, units)
        source = folder / f"{shape}-{units}{Path(built.name).suffix}"
        source.write_bytes(built.data)
        output = folder / f"{shape}-{units}.json"
        command = [sys.executable, "-m", "qaformat", "convert", str(source), "-t", "json", "-o", str(output), "--force"]
        cpu_and_wall(command)  # warm-up: bytecode caches, and the file in the page cache
        lost = missing(built, qaformat.load_json(output.read_text(encoding="utf-8")))
        if lost:
            raise SystemExit(f"{shape} at {units}: {len(lost)} text(s) lost, the first {lost[0][:60]!r}")
        commands.append(command)
        megabytes.append(len(built.data) / 1e6)
    runs: list[list[tuple[float, float]]] = [[] for _ in counts]
    for _ in range(repeat):  # in turn, so every size sees the same machine weather
        for command, found in zip(commands, runs, strict=True):
            found.append(cpu_and_wall(command))
    return [(size, min(cpu for cpu, _ in found), min(wall for _, wall in found))
            for size, found in zip(megabytes, runs, strict=True)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every shape's N by this")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each size (the fastest is quoted)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shape names")
    args = parser.parse_args(argv)
    shapes = args.shapes.split(",")
    unknown = [shape for shape in shapes if shape not in SHAPES]
    if unknown:
        parser.error(f"unknown shape(s) {', '.join(unknown)}; the shapes are {', '.join(SHAPES)}")
    print("| shape | N | MB at N | MB at 10N | CPU s at N | CPU s at 10N | CPU ratio | CPU ratio past start-up"
          " | wall s at N | wall s at 10N | wall ratio |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    over = []
    with tempfile.TemporaryDirectory() as folder:
        for shape in shapes:
            count = max(SMALLEST, round(UNITS[shape] * args.scale))
            tiny, small, large = measure(shape, (SMALLEST, count, 10 * count), Path(folder), args.repeat)
            ratio = large[1] / small[1]
            if ratio > TARGET:
                over.append(shape)
            # Start-up and the reader's imports cost what converting the smallest input costs;
            # where the work at N is a few hundredths of a second, the difference is noise.
            work = small[1] - tiny[1]
            past = f"{(large[1] - tiny[1]) / work:.1f}" if work >= MEASURABLE else "n/a"
            print(f"| {shape} | {count} | {small[0]:.2f} | {large[0]:.2f} | {small[1]:.3f} | {large[1]:.3f} | {ratio:.1f}"
                  f" | {past} | {small[2]:.3f} | {large[2]:.3f} | {large[2] / small[2]:.1f} |", flush=True)
    print()
    print(f"ratios above {TARGET:.0f}: {', '.join(over)}" if over else f"every ratio is at most {TARGET:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
