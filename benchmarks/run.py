"""The benchmark harness: qaformat in-process and as a whole process, against pandoc.

    python benchmarks/run.py                              # 60 KB, 1 MB and 10 MB, 5 runs each
    python benchmarks/run.py --sizes 100000 --repeat 1    # the CI smoke run
    python benchmarks/run.py --report docs/performance.md --plot docs/performance.png

For each size it times, in one run: parsing alone and each renderer alone (in-process, median of
the runs); then whole-process ``qaformat convert`` to HTML, DOCX and JSON alternated run by run
with pandoc converting the Markdown twin of the same transcript; then start-up on a two-turn
file, alternated with the floor under it (the interpreter importing attrs) and quoted as the
median of the paired differences, beside what making the attrs classes such a run makes costs
on its own above the same floor. It prints medians, MB/s, pandoc/qaformat ratios and peak
memory (maximum resident set of each process), and checks the targets of the performance
issues. Typical sizes come first: a one-hour interview is about 60 KB. Numbers are for
comparison within one run on one machine: these machines are shared and noisy. A report it
rewrites keeps what follows its hand-written marker line (the analysis in docs/performance.md).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import GUESTS, HOSTS, generate

import qaformat

FORMATS = ("html", "docx", "json")
STARTUP_OVERHEAD_TARGET = 0.020  # seconds above `python -c "import attrs"`
HAND_WRITTEN = "<!-- Written by hand: a new run keeps everything below this line. -->"
TARGETS = {
    # (format, size): minimum pandoc/qaformat ratio, whole process
    ("html", 60_000): 1.5,
    ("docx", 60_000): 1.5,
    ("html", 1_000_000): 10.0,
    ("html", 10_000_000): 25.0,
    ("docx", 1_000_000): 2.0,
    ("docx", 10_000_000): 3.0,
}


def median_time(action, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
# Child processes may write bytecode caches, as an installed package has them: with
# PYTHONDONTWRITEBYTECODE set, every run of an editable install would compile the package
# again, which no user sees. One untimed warm-up run writes the caches.
# The command as users run it: the console script beside this interpreter, else `python -m`.
_SCRIPT = Path(sys.executable).with_name("qaformat")
QAFORMAT = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "qaformat"]
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run_process(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one process.

    GNU time reports the child's own peak. The rusage that ``wait4`` gives is not used where
    GNU time exists: a forked child starts with its parent's high-water mark, and this harness
    grows large while it measures in-process.
    """
    wrapped = [GNU_TIME, "-f", "%M", *command] if GNU_TIME else command
    start = time.perf_counter()
    process = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=CHILD_ENV)
    _, stderr = process.communicate()
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {stderr.decode()[-500:]}")
    if GNU_TIME:
        return elapsed, int(stderr.decode().strip().splitlines()[-1]) / 1024
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def check_parse(text: str, transcript: qaformat.Transcript) -> None:
    """Stop unless every turn the generator wrote was found: a fast wrong parse proves nothing."""
    names = tuple(f"{name}: " for name in (*HOSTS, *GUESTS))
    written = sum(1 for line in text.splitlines() if any(name in line[:40] for name in names))
    found = sum(1 for turn in transcript.turns() if turn.speaker is not None)
    if found != written:
        raise SystemExit(f"the parse found {found} speaker turns where the generator wrote {written}")


def in_process(path: Path, repeat: int) -> dict[str, float]:
    data = path.read_bytes()
    results = {"parse": median_time(lambda: qaformat.parse(data), repeat)}
    transcript = qaformat.parse(data)
    check_parse(data.decode("utf-8"), transcript)
    for name in ("html", "docx", "json", "md"):
        results[name] = median_time(lambda name=name: qaformat.render(transcript, name), repeat)
    return results


def whole_process(plain: Path, markdown: Path, out: Path, repeat: int, pandoc: str | None) -> dict[str, dict[str, list[float]]]:
    found: dict[str, dict[str, list[float]]] = {}
    run_process([*QAFORMAT, "convert", str(plain), "-o", str(out / "warm-up.html"), "--force"])
    for fmt in FORMATS:
        ours: list[tuple[float, float]] = []
        theirs: list[tuple[float, float]] = []
        for _ in range(repeat):  # alternate run by run, so both see the same machine weather
            ours.append(run_process([*QAFORMAT, "convert", str(plain), "-o", str(out / f"q.{fmt}"), "--force"]))
            if pandoc and fmt != "json":
                theirs.append(run_process([pandoc, str(markdown), "-o", str(out / f"p.{fmt}")]))
        found[fmt] = {
            "time": [t for t, _ in ours], "memory": [m for _, m in ours],
            "pandoc_time": [t for t, _ in theirs], "pandoc_memory": [m for _, m in theirs],
        }
    return found


def start_up(out: Path, repeat: int) -> dict[str, float]:
    """Median seconds of a two-turn file to HTML, and of the floors under it: the interpreter
    alone, and the interpreter importing the runtime libraries every conversion needs; and
    ``overhead``, the median of each conversion's time less the attrs floor's run next to it
    (paired, so a busy moment of a shared machine weighs on both)."""
    small = out / "two-turns.txt"
    small.write_text("Ann Lee: Why?\n\nBen Cole: Because.\n\nAnn Lee: Really?\n\nBen Cole: Yes.\n", encoding="utf-8")
    classes = out / "attrs_classes_floor.py"
    classes.write_text(attrs_classes_script(small), encoding="utf-8")
    commands = {
        "qaformat": [*QAFORMAT, "convert", str(small), "-o", str(out / "s.html"), "--force"],
        "python alone": [sys.executable, "-c", "pass"],
        "python importing attrs": [sys.executable, "-c", "import attrs"],
        "python importing attrs and lxml": [sys.executable, "-c", "import attrs, lxml.etree"],
        CLASSES_FLOOR: [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(out)!r}); import attrs_classes_floor"],
    }
    run_process(commands["qaformat"])  # warm-up: bytecode caches
    run_process(commands[CLASSES_FLOOR])
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(max(repeat, 15)):  # alternate, so all see the same machine weather
        for name, command in commands.items():
            times[name].append(run_process(command)[0])
    medians = {name: statistics.median(found) for name, found in times.items()}
    paired = zip(times["qaformat"], times["python importing attrs"], strict=True)
    with_classes = zip(times[CLASSES_FLOOR], times["python importing attrs"], strict=True)
    return {**medians, "overhead": statistics.median(ours - floor for ours, floor in paired),
            "classes": statistics.median(made - floor for made, floor in with_classes)}


CLASSES_FLOOR = "python importing attrs and the standard modules a conversion imports, and making its attrs classes"
_CLASSES_OF_A_RUN = """
import sys
import attrs
floor = set(sys.modules)
from qaformat.cli import main
main(["convert", sys.argv[1], "-o", sys.argv[2], "--force"])
for name in sorted(set(sys.modules) - floor):
    if not name.startswith("qaformat") and name != "__editable__":
        print("module", name)
for name, module in sorted(sys.modules.items()):
    if name.startswith("qaformat"):
        for value in vars(module).values():
            if isinstance(value, type) and attrs.has(value) and value.__module__ == name:
                frozen = getattr(value.__setattr__, "__name__", "") == "_frozen_setattrs"
                print("class", "frozen" if frozen else "define", len(attrs.fields(value)))
"""


def attrs_classes_script(small: Path) -> str:
    """A module that imports attrs and the standard library's modules that converting a small
    text file to HTML imports, and makes as many attrs classes, frozen or not and with as many
    fields, as that conversion makes: all of its start-up that is not qaformat's own code, and
    what the model's frozen attrs classes (which STYLE asks for) cost before any text is read."""
    found = subprocess.run([sys.executable, "-c", _CLASSES_OF_A_RUN, str(small), str(small.with_suffix(".html"))],
                           capture_output=True, text=True, check=True, env=CHILD_ENV).stdout.splitlines()
    lines = ["import attrs"]
    lines += [f"import {line.split()[1]}" for line in found if line.startswith("module ")]
    for number, line in enumerate(line for line in found if line.startswith("class ")):
        _, kind, fields = line.split()
        lines += ["", f"@attrs.{kind}", f"class C{number}:"]
        lines += [f"    f{field}: object = None" for field in range(int(fields))] or ["    pass"]
    return "\n".join(lines) + "\n"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}, {installation()}"


def installation() -> str:
    """How the measured qaformat is installed. An editable install (``pip install -e``) puts a
    hook in every interpreter's start-up that imports pathlib and more: each process, the floors
    too, starts some 10 ms later than with the copy ``pip install .`` makes, as users have it."""
    site_packages = {str(Path(folder).resolve()) for folder in sysconfig.get_paths().values()}
    installed = any(str(Path(qaformat.__file__).resolve()).startswith(folder) for folder in site_packages)
    return "qaformat installed as users install it" if installed else "qaformat as an editable install"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="60000,1000000,10000000", help="transcript sizes in bytes")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (medians are quoted)")
    parser.add_argument("--no-pandoc", action="store_true", help="skip pandoc even if installed")
    parser.add_argument("--report", type=Path, help="write a Markdown report here")
    parser.add_argument("--plot", type=Path, help="write a plot of time against size here (needs matplotlib)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    pandoc = None if args.no_pandoc else shutil.which("pandoc")
    rows: list[str] = []
    checks: list[str] = []
    series: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for size in sizes:
            plain_text, markdown_text = generate(size)
            plain, markdown = out / f"in-{size}.txt", out / f"in-{size}.md"
            plain.write_text(plain_text, encoding="utf-8")
            markdown.write_text(markdown_text, encoding="utf-8")
            megabytes = plain.stat().st_size / 1e6
            size_label = f"{megabytes * 1000:.0f} KB" if megabytes < 1 else f"{megabytes:.1f} MB"
            inner = in_process(plain, args.repeat)
            rows.append(f"| {size_label} | in-process | parse | {inner['parse']:.3f} | "
                        f"{megabytes / inner['parse']:.1f} | | | |")
            for name in ("html", "docx", "json", "md"):
                rows.append(f"| {size_label} | in-process | {name} renderer | {inner[name]:.3f} | "
                            f"{megabytes / inner[name]:.1f} | | | |")
            rows.append(f"| {size_label} | in-process | parse + html | {inner['parse'] + inner['html']:.3f} | "
                        f"{megabytes / (inner['parse'] + inner['html']):.1f} | | | |")
            checks.append(f"parse + HTML in-process at {size_label}: "
                          f"{megabytes / (inner['parse'] + inner['html']):.1f} MB/s (target 25)")
            whole = whole_process(plain, markdown, out, args.repeat, pandoc)
            for fmt, measured in whole.items():
                ours = statistics.median(measured["time"])
                memory = max(measured["memory"])
                series.setdefault(f"qaformat {fmt}", []).append((megabytes, ours))
                line = f"| {size_label} | whole process | {fmt} | {ours:.3f} | {megabytes / ours:.1f} | "
                if measured["pandoc_time"]:
                    theirs = statistics.median(measured["pandoc_time"])
                    series.setdefault(f"pandoc {fmt}", []).append((megabytes, theirs))
                    ratio = theirs / ours
                    line += f"{theirs:.3f} | {ratio:.1f}x | {memory:.0f} MB (pandoc {max(measured['pandoc_memory']):.0f} MB) |"
                    target = TARGETS.get((fmt, size))
                    if target:
                        checks.append(f"{fmt} whole process at {size_label}: {ratio:.1f}x pandoc (target {target}x)")
                else:
                    line += f" | | {memory:.0f} MB |"
                if fmt == "json" and size >= 10_000_000:
                    checks.append(f"JSON whole process at {size_label}: {megabytes / ours:.1f} MB/s (target 30)")
                if size >= 10_000_000:
                    checks.append(f"peak memory {fmt} at {size_label}: {memory:.0f} MB (target at most 180)")
                rows.append(line)
        startup = start_up(out, args.repeat)
        floors = ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in startup.items()
                           if name not in ("qaformat", "overhead", "classes"))
        overhead = startup["overhead"]
        checks.insert(0, f"start-up, two-turn file to HTML: {startup['qaformat'] * 1000:.0f} ms median,"
                         f" {overhead * 1000:.0f} ms above python importing attrs (target at most"
                         f" {STARTUP_OVERHEAD_TARGET * 1000:.0f}; in the same run {floors};"
                         f" of the overhead, the standard modules it imports and making its attrs classes take"
                         f" {startup['classes'] * 1000:.0f} ms)")
    for fmt in FORMATS:
        points = {size: seconds for size, seconds in series.get(f"qaformat {fmt}", []) if size >= 0.9}
        if len(points) >= 2 and max(points) >= 9.0:
            small, large = min(points), max(points)
            checks.append(f"linearity {fmt}: {large:.0f} MB takes {points[large] / points[small]:.1f}x the"
                          f" {small:.0f} MB time (target at most 12x)")
    header = ["| input | how | what | median s | MB/s | pandoc s | pandoc/qaformat | peak memory |",
              "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    print("\n".join(header + rows))
    print()
    print("\n".join(checks))
    if args.report:
        command = "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
        pandoc_version = "pandoc not run"
        if pandoc:
            pandoc_version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        kept = ""  # the hand-written part below the marker survives a new run
        if args.report.exists() and HAND_WRITTEN in (previous := args.report.read_text(encoding="utf-8")):
            kept = "\n" + HAND_WRITTEN + previous.split(HAND_WRITTEN, 1)[1]
        args.report.write_text(
            "# Performance\n\n"
            f"Measured with `{command.strip()}` on {machine()}; {pandoc_version}. Medians of {args.repeat} runs;"
            " whole-process runs alternate qaformat and pandoc run by run. The machine is shared, so"
            " compare ratios within the table rather than absolute times across runs.\n\n"
            + "\n".join(header + rows) + "\n\n## Against the targets\n\n" + "\n".join(f"- {c}" for c in checks) + "\n"
            + (f"\n![time against input size]({args.plot.name})\n" if args.plot else "") + kept,
            encoding="utf-8",
        )
    if args.plot:
        plot(series, args.plot)
    return 0


def plot(series: dict[str, list[tuple[float, float]]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.5), dpi=120)
    for name, points in sorted(series.items()):
        xs, ys = zip(*sorted(points), strict=True)
        axes.plot(xs, ys, marker="o", linestyle="--" if name.startswith("pandoc") else "-", label=name)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("input size (MB)")
    axes.set_ylabel("whole-process time (s, median)")
    axes.set_title("qaformat convert vs pandoc on the same transcript")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path)


if __name__ == "__main__":
    raise SystemExit(main())
