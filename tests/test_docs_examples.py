"""The Python examples of README.md and docs/ run as shown and pass ``mypy --strict``.

Each ```python block is a whole program. It runs in a folder holding the files the docs name
(``talk.txt``, ``qa.txt``, ``prose.txt``, ...); where a ```console block right after it runs it
(``$ python3 load.py``), the output must be the one shown. The ```console examples of the command
line that use only files of this repository run too, and print what the docs show.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import qaformat
from tests.conftest import need_program

ROOT = Path(__file__).parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>\w*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.DOTALL | re.MULTILINE)


@attrs.frozen
class Example:
    doc: Path
    line: int
    lang: str
    body: str
    runs_as: str | None = None  # the file name a following console block runs it as
    runs_in: Path = ROOT  # the folder a console example runs in
    output: str | None = None  # what that console block shows

    @property
    def name(self) -> str:
        return f"{self.doc.relative_to(ROOT)}:{self.line}"


def _blocks(doc: Path) -> list[Example]:
    text = doc.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        indent = len(match["indent"])
        body = "".join(line[indent:] + "\n" for line in match["body"].splitlines())
        found.append(Example(doc, text.count("\n", 0, match.start()) + 1, match["lang"], body))
    return found


def _python_examples() -> list[Example]:
    examples = []
    for doc in DOCS:
        blocks = _blocks(doc)
        for index, block in enumerate(blocks):
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            if block.lang != "python":
                continue
            runs = re.match(r"\$ python3 (\S+\.py)\n", after.body) if after and after.lang == "console" else None
            if runs:
                block = attrs.evolve(block, runs_as=runs[1], output=after.body[runs.end():])  # type: ignore[union-attr]
            examples.append(block)
    return examples


PYTHON = _python_examples()


def _sandbox(folder: Path) -> Path:
    """A folder with the files the examples name, made from this repository's example."""
    folder.mkdir(exist_ok=True)
    example = ROOT / "examples" / "interview.txt"
    shutil.copy(example, folder / "talk.txt")
    transcript = qaformat.read(example)
    (folder / "interview.json").write_text(qaformat.render(transcript, "json"), encoding="utf-8")
    (folder / "house.docx").write_bytes(qaformat.render(transcript, "docx"))
    (folder / "page.html").write_text(qaformat.render(transcript, "html", qaformat.RenderOptions(standalone=True)),
                                      encoding="utf-8")
    (folder / "qa.txt").write_text("Q: Why now?\nA: Because it is time.\nQ: Why here?\nA: Because it is home.\n",
                                   encoding="utf-8")
    (folder / "prose.txt").write_text("A paragraph of prose, with nobody speaking in it.\n", encoding="utf-8")
    (folder / "cp1252.txt").write_bytes("Q: Caf\u00e9 or tea?\nA: Tea.\nQ: Why?\nA: Habit.\n".encode("cp1252"))
    (folder / "page.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    return folder


def test_there_are_python_examples_and_each_is_a_program() -> None:
    assert len(PYTHON) >= 6
    assert {e.runs_as for e in PYTHON} >= {"api_errors.py", "load.py"}


@pytest.mark.parametrize("example", PYTHON, ids=lambda e: e.name)
def test_python_example_runs_as_shown(example: Example, tmp_path: Path) -> None:
    if "tests.audit" in example.body:
        need_program("chromium")  # the auditor drives a real browser: skipped without one, failing in CI
    folder = _sandbox(tmp_path / "work")
    program = folder / (example.runs_as or "example.py")
    program.write_text(example.body, encoding="utf-8")
    # The repository's folder on the path, as docs/accessibility.md says for its auditor.
    done = subprocess.run([sys.executable, program.name], cwd=folder, capture_output=True, text=True, timeout=120,
                          check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, f"{example.name} failed:\n{done.stderr}"
    if example.output is not None:
        assert done.stdout == example.output, f"{example.name}: the output differs from the docs"


def test_python_examples_pass_mypy_strict(tmp_path: Path) -> None:
    files = []
    for number, example in enumerate(PYTHON):
        path = tmp_path / f"example_{number}.py"
        path.write_text(example.body, encoding="utf-8")
        files.append(str(path))
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file", os.devnull,
                           *files], capture_output=True, text=True, timeout=600, check=False, cwd=tmp_path,
                          env={**os.environ, "MYPYPATH": str(ROOT)})  # an editable install hides from mypy
    names = {f"example_{number}.py": example.name for number, example in enumerate(PYTHON)}
    report = re.sub(r"\S*(example_\d+\.py)", lambda m: names[m[1]], done.stdout)
    assert done.returncode == 0, report


# --- the command line's examples --------------------------------------------------------------

_PROGRAMS = {"qaformat", "cat", "jq", "echo", "printf", "head", "grep", "cmp"}
# Where the examples' files are: the repository, and the fixtures the reader pages name bare.
_FOLDERS = (ROOT, ROOT / "tests" / "fixtures" / "captions", ROOT / "tests" / "fixtures" / "html")


def _console_examples() -> list[Example]:
    """Console blocks whose commands read only files of this repository and write none (the
    others name a reader's own files, such as ``talk.txt``)."""
    examples = []
    for doc in DOCS:
        for block in _blocks(doc):
            if block.lang != "console":
                continue
            commands = [line[2:] for line in block.body.splitlines() if line.startswith("$ ")]
            try:
                words = [word for command in commands for word in _words(command)]
            except ValueError:  # not one of ours: a quote shlex cannot split
                continue
            programs = {w for c in commands for w, before in zip(_words(c), ["|", *_words(c)], strict=False)
                        if before in ("|", ";", "&&", "||")}
            named = [w for w in words if re.search(r"\.(txt|md|srt|vtt|docx|html|json|toml|png)$", w)]
            if not named or not programs <= _PROGRAMS or "-o" in words or ">" in words:
                continue
            folder = next((f for f in _FOLDERS if all((f / w).is_file() for w in named)), None)
            if folder is not None:
                examples.append(attrs.evolve(block, runs_in=folder))
    return examples


def _words(command: str) -> list[str]:
    """A shell command's words, with ``|``, ``;`` and ``&&`` as words of their own."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    return list(lexer)


CONSOLE = _console_examples()


def test_there_are_console_examples_on_this_repositorys_files() -> None:
    assert len(CONSOLE) >= 10


@pytest.mark.parametrize("example", CONSOLE, ids=lambda e: e.name)
def test_console_example_prints_what_the_docs_show(example: Example) -> None:
    if "jq" in example.body and shutil.which("jq") is None:
        need_program("jq")
    expected: list[str] = []
    commands: list[str] = []
    for line in example.body.splitlines(keepends=True):
        if line.startswith("$ "):
            commands.append(line[2:])
            expected.append("")
        else:
            expected[-1] += line
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "COLUMNS": "100"}
    for command, shown in zip(commands, expected, strict=True):
        done = subprocess.run(["bash", "-c", command], cwd=example.runs_in, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, timeout=120, check=False, env=env)
        assert done.stdout == shown, f"{example.name}: $ {command}"
