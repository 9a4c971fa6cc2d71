"""The external checkers the tests call: the W3C Nu HTML checker, LibreOffice, pandoc and mammoth.

Each helper finds its program through `need_program` (skip on a developer's machine where it is
missing, fail under ``CI``), so every test that needs one says so in one line and no test
depends on a script outside the repository.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import need_program

__all__ = ["libreoffice_convert", "mammoth_html", "pandoc", "validate_html"]

# A fragment is checked inside this page; it opens on the fragment's first line, so line numbers agree.
_PAGE_OPEN = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>fragment</title></head><body>'
_PAGE_CLOSE = "\n</body></html>\n"
# A fragment's own headings start at h1 or not at all: the page around it is not ours.
_FRAGMENT_ONLY = r".*none of them has a computed heading level of 1.*"


def _nu_command() -> list[str]:
    """The Nu checker: npm's ``vnu`` wrapper, or the jar beside it run by java directly (the
    wrapper adds a node start-up to every call)."""
    java = need_program("java")
    vnu = need_program("vnu")
    jar = Path(os.path.realpath(vnu)).parent / "build" / "dist" / "vnu.jar"
    return [java, "-jar", str(jar)] if jar.is_file() else [vnu]


def validate_html(files: list[Path]) -> None:
    """Assert that every file is valid HTML per the W3C Nu checker.

    A file that does not start like a page (``<!DOCTYPE`` or ``<html``) is a fragment and is
    checked inside a minimal page. All files go to one checker run per kind (a JVM starts slowly).
    """
    command = _nu_command()
    problems: list[str] = []
    with_page: dict[Path, Path] = {}
    fragments: dict[Path, Path] = {}
    for number, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        checked = path.with_name(f".nu-{number}.html")
        if re.match(r"\s*<(!doctype|html)", text[:2048], re.IGNORECASE):
            checked.write_text(text, encoding="utf-8")
            with_page[checked] = path
        else:
            checked.write_text(_PAGE_OPEN + text + _PAGE_CLOSE, encoding="utf-8")
            fragments[checked] = path
    for names, extra in ((with_page, []), (fragments, ["--filterpattern", _FRAGMENT_ONLY])):
        if not names:
            continue
        done = subprocess.run([*command, "--format", "gnu", *extra, *map(str, names)],
                              capture_output=True, text=True, timeout=300, check=False)
        for line in (done.stdout + done.stderr).splitlines():
            if not line.strip():
                continue
            found = re.match(r'"file:(?P<file>[^"]+)":(?P<where>[^ ]*) (?P<kind>[a-z -]+):', line)
            if found is None:  # not about a file: the checker itself failed
                problems.append(f"checker: {line}")
            elif "error" in found["kind"] or "fatal" in found["kind"]:
                original = names.get(Path(found["file"]), Path(found["file"]))
                problems.append(f"{original}:{line[found.end('file') + 2:]}")
    assert not problems, "\n".join(problems)


def libreoffice_convert(source: Path, target: str, out: Path) -> Path:
    """Convert a DOCX with LibreOffice (its Word import filter forced, else junk 'converts' as
    text); returns the path LibreOffice was asked to write, which exists only if it could."""
    soffice = need_program("soffice")
    home = out / "home"
    home.mkdir(exist_ok=True)
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{home / 'profile'}",
         "--infilter=MS Word 2007 XML", "--convert-to", target, "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(home)}, check=False,
    )
    return out / (source.stem + "." + target.split(":")[0])


def pandoc(*arguments: str, text: str | None = None) -> str:
    """Run pandoc and return its standard output (a failure fails the test)."""
    done = subprocess.run([need_program("pandoc"), *arguments], input=text, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, f"pandoc {' '.join(arguments)} failed: {done.stderr}"
    return done.stdout


def mammoth_html(docx: bytes) -> Any:
    """mammoth's reading of a DOCX (``.value`` the HTML, ``.messages`` its complaints)."""
    try:
        import mammoth
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("mammoth is required in CI (pip install -e '.[test]')")
        pytest.skip("mammoth is not installed")
    return mammoth.convert_to_html(io.BytesIO(docx))
