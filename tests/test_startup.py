"""What a short conversion loads: start-up is most of its time (docs/performance.md).

A plain text file to HTML needs the text reader, the parser and the HTML renderer, and nothing
of the other readers and renderers, nor lxml or python-docx, nor what only a batch, a speaker map
or a JSON report uses. The patterns of every module compile when first used
(`qaformat.patterns.lazy`), never at import, and the command line builds the parser of the
command it runs, not all of them.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import site
import subprocess
import sys
from pathlib import Path

import pytest

import qaformat

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "interview.txt"

_LOADED = """
import sys
from qaformat.cli import main
status = main(sys.argv[1:])
print(" ".join(sorted(sys.modules)))
sys.exit(status)
"""


def _loaded_by(*arguments: str) -> set[str]:
    """The modules a command loads, run as an installed package runs: without ``site``, whose
    ``.pth`` hook for an editable install loads pathlib and more before the command starts."""
    paths = [str(ROOT), *site.getsitepackages()]
    script = f"import sys; sys.path[:0] = {paths!r}\n{_LOADED}"
    done = subprocess.run([sys.executable, "-S", "-c", script, *arguments], capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.splitlines()[-1].split())


def test_text_to_html_loads_neither_lxml_nor_python_docx_nor_other_formats_code(tmp_path: Path) -> None:
    loaded = _loaded_by("convert", str(EXAMPLE), "-t", "html", "-o", str(tmp_path / "out.html"))
    assert (tmp_path / "out.html").read_text(encoding="utf-8").startswith("<article")
    packages = {name.split(".")[0] for name in loaded}
    unused = {"lxml", "docx", "tempfile", "shutil", "html", "difflib", "json", "glob", "heapq", "zipfile", "tomllib",
              "concurrent", "tqdm", "pathlib", "urllib"}
    assert not packages & unused, sorted(packages & unused)
    ours = {name for name in loaded if name.startswith("qaformat.")}
    assert {"qaformat.readers.text", "qaformat.renderers.html"} <= ours
    others = {"qaformat.readers.html_reader", "qaformat.readers.docx_reader", "qaformat.readers.captions",
              "qaformat.readers.podcast", "qaformat.jsonmodel", "qaformat.renderers.docx", "qaformat.renderers.json",
              "qaformat.renderers.markdown", "qaformat.renderers.pandoc", "qaformat.renderers.timed",
              "qaformat.renderers.wordpress", "qaformat.serve", "qaformat.speakermap", "qaformat.readers.vtt",
              "qaformat.readers.srt", "qaformat.readers.docx_package", "qaformat.renderers.docx_base",
              "qaformat.renderers.typography", "qaformat.readers.tables"}
    assert not ours & others, sorted(ours & others)


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(subparsers.choices)


def test_a_command_builds_only_its_own_parser() -> None:
    from qaformat.cli import _build_parser

    assert _commands(_build_parser(["convert", "talk.txt", "-o", "talk.html"])) == ["convert"]
    assert _commands(_build_parser(["speakers", "talk.txt"])) == ["speakers"]
    every = ["convert", "check", "presets", "conventions", "formats", "serve", "speakers"]
    for argv in ([], ["--help"], ["-h", "convert"], ["--version"], ["conver", "talk.txt"]):
        assert _commands(_build_parser(argv)) == every, argv


def _modules() -> list[str]:
    names = []
    for found in pkgutil.walk_packages(qaformat.__path__, "qaformat."):
        if found.name.startswith("qaformat.serve") or found.name == "qaformat.__main__":
            continue  # an optional extra (its modules import Starlette), and the command line's run
        names.append(found.name)
    return names


@pytest.mark.parametrize("name", _modules())
def test_no_pattern_is_compiled_at_import(name: str) -> None:
    module = importlib.import_module(name)
    compiled = [attribute for attribute, value in vars(module).items()
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str)]
    assert not compiled, f"{name}: use qaformat.patterns.lazy for {', '.join(compiled)}"


def test_a_lazy_pattern_works_as_the_compiled_one() -> None:
    from qaformat.patterns import lazy

    pattern = lazy(r"(?P<word>\w+):", re.IGNORECASE)
    assert pattern.pattern == r"(?P<word>\w+):"
    assert pattern.sub("<\\g<word>>", "Ann: hi, Ben: yes") == "<Ann> hi, <Ben> yes"
    assert [m.group("word") for m in pattern.finditer("a: b:")] == ["a", "b"]
    assert pattern.groupindex == {"word": 1} and pattern.groups == 1
    assert pattern.flags & re.IGNORECASE
    assert pattern.fullmatch("x") is None and pattern.split("a:b") == ["", "a", "b"]
