"""Parse time of this tree against an earlier revision, in one run, on the same inputs.

    python benchmarks/compare.py --base HEAD~5                 # 1 MB synthetic interview
    python benchmarks/compare.py --base v0.1.0 --sizes 60000,1000000 --repeat 9

The base revision is checked out into a temporary git worktree. Each measurement is a fresh
process that imports one tree's ``qaformat`` and parses the same generated transcript (plain
text, and its Markdown twin) a few times, keeping the fastest; the two trees alternate run by
run, so both see the same machine load. It prints the medians and this tree's time as a
share of the base's (``1.10`` is 10% slower). Numbers compare within one run only.
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

CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
import qaformat
text = open(sys.argv[2], encoding="utf-8").read()
fmt = sys.argv[3]
best = float("inf")
for _ in range(3):
    started = time.perf_counter()
    qaformat.parse(text, format=fmt)
    best = min(best, time.perf_counter() - started)
print(best)
"""


def _time(tree: Path, sample: Path, fmt: str) -> float:
    done = subprocess.run([sys.executable, "-c", CHILD, str(tree), str(sample), fmt],
                          capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the git revision to compare with")
    parser.add_argument("--sizes", default="1000000", help="transcript sizes in bytes, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="alternating runs per tree (medians quoted)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        base = Path(work) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base], check=True)
        try:
            print(f"{'input':<22} {'base s':>8} {'this s':>8} {'this/base':>10}")
            for size in (int(s) for s in args.sizes.split(",")):
                plain, markdown = generate(size)
                for fmt, text in (("text", plain), ("markdown", markdown)):
                    sample = Path(work) / f"sample-{size}.{fmt}"
                    sample.write_text(text, encoding="utf-8")
                    times: dict[str, list[float]] = {"base": [], "this": []}
                    for _ in range(args.repeat):
                        times["base"].append(_time(base, sample, fmt))
                        times["this"].append(_time(ROOT, sample, fmt))
                    old, new = statistics.median(times["base"]), statistics.median(times["this"])
                    print(f"{fmt + ' ' + str(size):<22} {old:8.3f} {new:8.3f} {new / old:10.2f}")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
