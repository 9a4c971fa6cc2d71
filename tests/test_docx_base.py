"""The default DOCX package shipped with qaformat: made once by python-docx, filled in without it.

The parts in ``qaformat/renderers/docx_default/`` must be what python-docx makes now from the
style definitions (a python-docx upgrade or a style change that was not regenerated fails
here), filling them in must give byte for byte the parts python-docx itself writes for the same
language and properties, and a DOCX without a template must not import python-docx or lxml.
``pytest --regen tests/test_docx_base.py`` rewrites the shipped parts; review the diff.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from qaformat.renderers.docx_base import DEFAULT_STYLE_IDS, PARTS_FOLDER, STYLE_NAMES, CoreProperties, default_parts
from qaformat.renderers.docx_styles import SPECS, shipped_parts, template_parts
from tests.conftest import ROOT

REGENERATE = "run `pytest --regen tests/test_docx_base.py` and review the diff"
HOSTILE = CoreProperties(
    title="Tabs\tand lines\r\nand <b>&amp; {keywords} \"quotes\" ‘’ Ārabic العربية",
    keywords="Ruth Adebayo, Tom Whitfield, {now}",
    author="A & B <c>",
    language="",
    now=1700000000,
)


def test_the_shipped_parts_are_what_python_docx_makes_now(regen: bool) -> None:
    made = shipped_parts()
    listing = PARTS_FOLDER / "parts.txt"
    if regen:
        for old in listing.read_text(encoding="utf-8").split() if listing.exists() else ():
            (PARTS_FOLDER / old).unlink(missing_ok=True)
        for name, data in made:
            (PARTS_FOLDER / name).parent.mkdir(parents=True, exist_ok=True)
            (PARTS_FOLDER / name).write_bytes(data)
        listing.write_text("".join(f"{name}\n" for name, _ in made), encoding="utf-8")
        return
    assert listing.read_text(encoding="utf-8").split() == [name for name, _ in made], (
        f"the shipped DOCX parts are not the ones python-docx makes now; {REGENERATE}")
    for name, data in made:
        assert (PARTS_FOLDER / name).read_bytes() == data, (
            f"{(PARTS_FOLDER / name).relative_to(ROOT)} is not what python-docx makes now; {REGENERATE}")


def test_every_style_name_has_its_default_look() -> None:
    assert tuple(spec.name for spec in SPECS) == STYLE_NAMES


@pytest.mark.parametrize("lang", ["", "en", "de-CH", "ja", "zh-Hant", "ko", "ar", "he", "fa-IR", 'x"&<>'])
def test_filled_in_parts_are_what_python_docx_writes(lang: str) -> None:
    properties = CoreProperties(HOSTILE.title, HOSTILE.keywords, HOSTILE.author, lang, HOSTILE.now)
    ids, expected = template_parts(None, lang, properties)
    assert ids == DEFAULT_STYLE_IDS
    actual = default_parts(lang, properties)
    assert [name for name, _ in actual] == [name for name, _ in expected]
    for (name, data), (_, wanted) in zip(actual, expected, strict=True):
        assert data.decode("utf-8") == wanted.decode("utf-8"), (
            f"{name} filled in is not what python-docx writes (if the shipped parts are stale, {REGENERATE})")


def test_the_parts_are_package_data() -> None:
    folder = resources.files("qaformat.renderers").joinpath("docx_default")
    names = folder.joinpath("parts.txt").read_text(encoding="utf-8").split()
    assert "word/styles.xml" in names and "[Content_Types].xml" in names and "_rels/.rels" in names
    for name in names:
        assert folder.joinpath(name).is_file(), name


def test_a_wheel_carries_the_parts(tmp_path: Path) -> None:
    """A non-editable install has every part: pyproject's package data names them all (a glob
    leaves out ``.rels``, whose name starts with a dot)."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "qaformat", source / "qaformat", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("qaformat-*.whl")
    with zipfile.ZipFile(wheel) as package:
        inside = set(package.namelist())
    names = (PARTS_FOLDER / "parts.txt").read_text(encoding="utf-8").split()
    missing = [name for name in ["parts.txt", *names] if f"qaformat/renderers/docx_default/{name}" not in inside]
    assert not missing, f"pyproject.toml's package data leaves out {missing}"


def test_a_docx_without_a_template_imports_neither_python_docx_nor_lxml(tmp_path: Path) -> None:
    source = tmp_path / "talk.txt"
    source.write_text("Q: Why the night shift?\nA: Because the light needs someone.\nQ: Alone?\nA: Never quite.\n", encoding="utf-8")
    code = (
        "import sys, qaformat\n"
        "from qaformat.cli import main\n"
        f"assert qaformat.render(qaformat.read({str(source)!r}), 'docx')[:2] == b'PK'\n"
        f"qaformat.convert({str(source)!r}, {str(tmp_path / 'api.docx')!r})\n"
        f"assert main(['convert', {str(source)!r}, '-t', 'docx', '-o', {str(tmp_path / 'cli.docx')!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'lxml')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "api.docx").read_bytes()[:2] == (tmp_path / "cli.docx").read_bytes()[:2] == b"PK"
