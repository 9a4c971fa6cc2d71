"""Hostile inputs through the command line, in every output format: each ends in valid output or
in one line naming the file and line, never a traceback and never a half-written file."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

from qaformat.renderers import RENDERERS

TURNS = "Jane Roe: Why now?\n\nJohn Doe: Because it is time.\n\nJane Roe: And then?\n\nJohn Doe: We will see.\n"


def _speakers(count: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    names = [f"{letters[i % 26].upper()}{letters[i // 26 % 26]}{letters[i // 676 % 26]}o Ray" for i in range(count)]
    return "\n\n".join(f"{name}: Hello, why?\n\n{name}: Fine." for name in names)


HOSTILE: dict[str, bytes] = {
    "empty": b"",
    "blank": b"\n \n\t\n",
    "binary": bytes(range(256)) * 8,
    "png": b"\x89PNG\r\n\x1a\n" + bytes(100),
    "control": TURNS.replace("Why", "W\x00h\x07y\x1b").encode(),
    "invalid-utf8": TURNS.encode() + b"\xff\xfe\xc3(",
    "utf16": TURNS.encode("utf-16"),
    "cp1252": TURNS.replace("time", "tíme – “now”").encode("cp1252"),
    "crlf-bom": codecs.BOM_UTF8 + TURNS.replace("\n", "\r\n").encode(),
    "cr-only": TURNS.replace("\n", "\r").encode(),
    "no-interview": b"An article.\n\nIt has two paragraphs and no speakers.\n",
    "one-long-line": b"Jane Roe: " + b"word " * 1_000_000,
    "many-speakers": _speakers(20_000).encode(),
    "colon-flood": (":" * 2_000_000 + "\n" + TURNS).encode(),
    "honorific-flood": ("Dr. " * 500_000 + ": x\n\n" + TURNS).encode(),
    "rtl": "سارا: لماذا الآن؟\n\nكريم: لأن الوقت حان.\n\nسارا: ثم ماذا؟\n\nكريم: سنرى.\n".encode(),
    "emoji-joiners": TURNS.replace("time", "time 👩‍👩‍👧‍👦 🏳️‍🌈").encode(),
    "html-in-text": TURNS.replace("Why now?", '<script>alert("x")</script><img src=x onerror=alert(1)> & "q"').encode(),
    "long-label": ("A" * 5000 + ": text\n\n" + TURNS).encode(),
    "brackets": ("[" * 100_000 + "(" * 100_000 + "\n\n" + TURNS).encode(),
}


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "qaformat", *args], capture_output=True, timeout=300, check=False)


def _valid(fmt: str, path: Path) -> None:
    data = path.read_bytes()
    if fmt == "json":
        assert json.loads(data)["qaformat"] == 1
    elif fmt == "html":
        from lxml import html

        assert html.fromstring(data.decode("utf-8")).find(".//article") is not None or b"qa-interview" in data
    elif fmt == "docx":
        import docx

        docx.Document(str(path))
    elif fmt in ("epub", "odt"):
        import zipfile

        with zipfile.ZipFile(path) as package:
            assert package.read("mimetype").startswith(b"application/")
    elif fmt == "pdf":
        assert data.startswith(b"%PDF")
    else:
        assert data.decode("utf-8")


# Formats pandoc (and LibreOffice) write run on the inputs of ordinary size: megabytes of one
# line or 20,000 speakers would only time pandoc, which the benchmarks do.
_VIA_PANDOC = {"epub", "odt", "icml", "latex", "pdf"}
_HUGE = {"one-long-line", "many-speakers", "colon-flood", "honorific-flood", "brackets"}
_CASES = [(name, fmt) for name in sorted(HOSTILE) for fmt in sorted(RENDERERS)
          if not (fmt in _VIA_PANDOC and name in _HUGE)]


@pytest.mark.parametrize(("name", "fmt"), _CASES)
def test_hostile_input(tmp_path: Path, name: str, fmt: str) -> None:
    source = tmp_path / f"{name}.txt"
    source.write_bytes(HOSTILE[name])
    out = tmp_path / f"out.{RENDERERS[fmt].suffixes[0].lstrip('.')}"
    done = _run("convert", str(source), "-o", str(out), "-t", fmt)
    assert b"Traceback" not in done.stderr
    if done.returncode == 0:
        _valid(fmt, out)
    else:
        assert done.returncode == 2, done.stderr
        lines = done.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"qaformat: error: {source}:")
        assert sorted(p.name for p in tmp_path.iterdir()) == [source.name]


@pytest.mark.parametrize("fmt", [None, "text", "docx", "html", "vtt", "json"])
def test_too_large_input_is_refused_whatever_its_format(fmt: str | None, tmp_path: Path) -> None:
    import qaformat

    small = qaformat.ParseOptions(max_bytes=1000)
    with pytest.raises(qaformat.InputError, match=r"input is 2,000 bytes; the limit is 1,000 \(ParseOptions\(max_bytes"):
        qaformat.parse(b"x" * 2000, format=fmt, options=small)
    with pytest.raises(qaformat.InputError, match="limit is 1,000"):
        qaformat.parse("é" * 600, format=fmt, options=small)  # 1,200 bytes of UTF-8 in 600 characters
    big = tmp_path / "big.txt"
    big.write_bytes(b"Q: Why?\nA: Because.\n" * 100)
    with pytest.raises(qaformat.InputError, match=r"big\.txt: input is 2,000 bytes"):
        qaformat.read(big, options=small)
    assert qaformat.read(big, options=qaformat.ParseOptions(max_bytes=2000)).speakers
    assert qaformat.ParseOptions().max_bytes == qaformat.MAX_INPUT_BYTES == 64 * 2**20
