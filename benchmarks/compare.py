"""Parse time of this tree against an earlier revision, in one run, on the same inputs.

    python benchmarks/compare.py --base HEAD~5                 # 1 MB synthetic interview
    python benchmarks/compare.py --base v0.1.0 --sizes 60000,1000000 --repeat 101

The base revision is checked out into a temporary git worktree. Two worker processes, one per
tree, each import their tree's ``qaformat``, parse the input a few times to warm up (patterns
compiled on first use are then compiled), and then parse it once whenever asked, turn about,
so that both trees meet the same moments of the machine's load. Each parse is timed in CPU
time of the worker (``time.process_time``), which other processes on a shared machine disturb
far less than the wall clock. It prints the medians, this tree's median as a share of the
base's (``1.10`` is 10% slower), and the same share of the lower quartiles, the least disturbed
runs. Numbers compare within one run only.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

WORKER = """
import sys, time
sys.path.insert(0, sys.argv[1])
import qaformat
text = open(sys.argv[2], encoding="utf-8").read()
fmt = sys.argv[3]
for _ in range(3):
    qaformat.parse(text, format=fmt)
for _ in sys.stdin:
    started = time.process_time()
    qaformat.parse(text, format=fmt)
    print(time.process_time() - started, flush=True)
"""


class _Worker:
    """A process that parses the sample with one tree's qaformat each time it is asked."""

    def __init__(self, tree: Path, sample: Path, fmt: str) -> None:
        self._process = subprocess.Popen([sys.executable, "-c", WORKER, str(tree), str(sample), fmt],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def parse(self) -> float:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write("\n")
        self._process.stdin.flush()
        answer = self._process.stdout.readline()
        if not answer:
            raise RuntimeError("a benchmark worker stopped; run its tree's qaformat.parse by hand to see why")
        return float(answer)

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait()


def _lower_quartile(times: list[float]) -> float:
    return statistics.quantiles(times, n=4)[0] if len(times) > 1 else times[0]


def _compare(base: Path, sample: Path, fmt: str, repeat: int) -> tuple[list[float], list[float]]:
    """Parse times of the base and this tree, taken turn about (which goes first alternates)."""
    workers = (_Worker(base, sample, fmt), _Worker(ROOT, sample, fmt))
    times: tuple[list[float], list[float]] = ([], [])
    try:
        for run in range(repeat):
            for side in ((0, 1) if run % 2 == 0 else (1, 0)):
                times[side].append(workers[side].parse())
    finally:
        for worker in workers:
            worker.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the git revision to compare with")
    parser.add_argument("--sizes", default="1000000", help="transcript sizes in bytes, comma-separated")
    parser.add_argument("--repeat", type=int, default=31, help="parses per tree and input (medians quoted)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        base = Path(work) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base], check=True)
        try:
            print(f"{'input':<18} {'base ms':>9} {'this ms':>9} {'this/base':>10} {'lower quartiles':>16}")
            for size in (int(s) for s in args.sizes.split(",")):
                plain, markdown = generate(size)
                for fmt, text in (("text", plain), ("markdown", markdown)):
                    sample = Path(work) / f"sample-{size}.{fmt}"
                    sample.write_text(text, encoding="utf-8")
                    old_times, new_times = _compare(base, sample, fmt, max(args.repeat, 1))
                    old, new = statistics.median(old_times), statistics.median(new_times)
                    quartiles = _lower_quartile(new_times) / _lower_quartile(old_times)
                    print(f"{fmt + ' ' + str(size):<18} {old * 1000:9.1f} {new * 1000:9.1f} {new / old:10.2f}"
                          f" {quartiles:16.2f}")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
