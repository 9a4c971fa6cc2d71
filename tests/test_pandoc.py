"""pandoc's JSON AST and the formats pandoc writes from it: goldens per case, the AST read by
the installed pandoc, DOCX/ODT with the named styles and ICML with the named paragraph styles,
EPUB and PDF made, and a clear error where pandoc is missing."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

import qaformat
from qaformat import RenderOptions
from qaformat.errors import OptionError, RenderError
from qaformat.renderers import pandoc as pandoc_renderer
from qaformat.renderers.pandoc import NEWEST_API, pandoc_document, render_pandoc_json
from tests.builders import a, interview, load_case, q
from tests.conftest import GOLDEN, check_golden, golden_cases, need_program

STYLES = {"QA Question", "QA Answer", "QA Speaker"}


def ast(case: str, **options: object) -> str:
    return render_pandoc_json(load_case(case), RenderOptions(pandoc_api="1.23.1", **options))  # type: ignore[arg-type]


def pandoc_to(pandoc: str, document: str, to: str, *extra: str) -> bytes:
    return subprocess.run([pandoc, "-f", "json", "-t", to, "-o", "-", *extra], input=document.encode(),
                          capture_output=True, check=True, timeout=120).stdout


def installed_api(document: str) -> str:
    """The AST with the API version the installed pandoc reads (as qaformat writes by default)."""
    data = json.loads(document)
    data["pandoc-api-version"] = list(pandoc_renderer.pandoc_api_version())
    return json.dumps(data)


@pytest.mark.parametrize("case", golden_cases())
def test_golden(case: str, regen: bool) -> None:
    # stored indented, so that a diff shows what changed; the output itself is pandoc's compact form
    readable = json.dumps(json.loads(ast(case)), ensure_ascii=False, indent=1) + "\n"
    check_golden(GOLDEN / case / "expected.pandoc.json", readable, regen)


def test_the_ast_holds_the_turns_as_divs_with_custom_styles() -> None:
    data = json.loads(ast("example", note="Edited.", cast=True))
    assert data["pandoc-api-version"] == [1, 23, 1]
    assert data["meta"]["title"]["t"] == "MetaInlines"
    sections = [b for b in data["blocks"] if b["c"][0][1] == ["qa-section"]]
    first_turn = sections[0]["c"][1][1]
    assert first_turn["t"] == "Div"
    assert first_turn["c"][0] == ["", ["qa-turn", "qa-question"], [["custom-style", "QA Question"],
                                                                   ["speaker", "tom-whitfield"]]]
    label = first_turn["c"][1][0]["c"][0]
    assert label["t"] == "Span" and label["c"][0] == ["", ["qa-speaker"], [["custom-style", "QA Speaker"]]]
    assert sections[0]["c"][1][0]["t"] == "Header" and sections[0]["c"][1][0]["c"][0] == 2
    assert [b["c"][0][1] for b in data["blocks"][:3]] == [["qa-intro"], ["qa-note"], ["qa-cast"]]


def test_api_version_asked_for() -> None:
    data = json.loads(render_pandoc_json(load_case("example"), RenderOptions(pandoc_api="1.22.2.1")))
    assert data["pandoc-api-version"] == [1, 22, 2, 1]
    with pytest.raises(OptionError, match="pandoc API version"):
        RenderOptions(pandoc_api="latest")


def test_without_pandoc_the_newest_api_is_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert json.loads(render_pandoc_json(load_case("example"), RenderOptions()))["pandoc-api-version"] == list(NEWEST_API)


@pytest.mark.parametrize("fmt", ["epub", "odt", "icml", "latex", "pdf"])
def test_pandoc_formats_name_pandoc_when_it_is_missing(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(RenderError, match=r"needs pandoc, which is not installed \(Debian/Ubuntu: apt install pandoc"):
        qaformat.render(load_case("example"), fmt)


@pytest.mark.external
def test_installed_pandoc_reads_the_ast_it_is_given_by_default() -> None:
    pandoc = need_program("pandoc")
    document = render_pandoc_json(load_case("example"), RenderOptions())
    back = json.loads(pandoc_to(pandoc, document, "json"))
    assert back["pandoc-api-version"][:2] == json.loads(document)["pandoc-api-version"][:2]
    text = pandoc_to(pandoc, document, "plain", "--wrap=none").decode()
    transcript = load_case("example")
    for turn in transcript.turns():
        assert " ".join(turn.paragraphs[0].split()[:6]) in " ".join(text.split())


@pytest.mark.external
@pytest.mark.parametrize("case", golden_cases())
def test_pandoc_writes_docx_with_the_named_styles(case: str) -> None:
    pandoc = need_program("pandoc")
    docx = pandoc_to(pandoc, installed_api(ast(case)), "docx")
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        styles = package.read("word/styles.xml").decode()
        document = package.read("word/document.xml").decode()
    names = set(re.findall(r'<w:name w:val="([^"]+)"', styles))
    assert STYLES <= names
    used = re.findall(r'<w:pStyle w:val="([^"]+)"', document)
    transcript = load_case(case)
    kinds = [t.kind.value.capitalize() for t in transcript.turns() if t.paragraphs]
    turn_styles = [s[2:] for s in used if s in {"QAQuestion", "QAAnswer", "QARemark", "QANote"}]
    assert turn_styles == [k for t, k in zip([t for t in transcript.turns() if t.paragraphs], kinds, strict=True)
                           for _ in t.paragraphs]


@pytest.mark.external
def test_pandoc_writes_icml_with_the_named_paragraph_styles() -> None:
    need_program("pandoc")
    icml = qaformat.render(load_case("example"), "icml", RenderOptions(cast=True))
    assert isinstance(icml, str) and icml.startswith("<?xml")
    applied = re.findall(r'AppliedParagraphStyle="ParagraphStyle/([^"]+)"', icml)
    assert "QA Question" in applied and "QA Answer" in applied and "QA Cast" in applied
    assert not any(">" in name for name in applied if name.startswith("QA"))  # not "QA Question > Paragraph"
    assert 'AppliedCharacterStyle="CharacterStyle/QA Speaker"' in icml
    assert re.search(r'<ParagraphStyle Self="ParagraphStyle/QA Question" Name="QA Question"', icml)


@pytest.mark.external
def test_odt_epub_and_latex() -> None:
    need_program("pandoc")
    transcript = load_case("example")
    odt = qaformat.render(transcript, "odt")
    assert isinstance(odt, bytes)
    with zipfile.ZipFile(io.BytesIO(odt)) as package:
        content = package.read("content.xml").decode()
    assert 'text:style-name="QA Question"' in content and 'text:style-name="QA Answer"' in content
    epub = qaformat.render(transcript, "epub")
    assert isinstance(epub, bytes)
    with zipfile.ZipFile(io.BytesIO(epub)) as package:
        assert package.read("mimetype") == b"application/epub+zip"
        chapters = " ".join(package.read(n).decode() for n in package.namelist() if n.endswith(".xhtml"))
    assert 'class="qa-turn qa-question"' in chapters and "Ruth, how did you end up here?" in chapters
    latex = qaformat.render(transcript, "latex", RenderOptions(heading_level=1, show_title=False))
    assert isinstance(latex, str) and "\\section{Starting Out}" in latex and "\\title{" not in latex


@pytest.mark.external
def test_pdf_is_laid_out_with_every_turn(tmp_path: Path) -> None:
    need_program("pandoc")
    need_program("soffice")
    pdftotext = need_program("pdftotext")
    transcript = load_case("example")
    pdf = qaformat.render(transcript, "pdf")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    (tmp_path / "x.pdf").write_bytes(pdf)
    text = subprocess.run([pdftotext, str(tmp_path / "x.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    words = " ".join(text.split())
    assert all(" ".join(t.paragraphs[0].split()[:4]) in words for t in transcript.turns())


@pytest.mark.external
def test_hostile_text_stays_text_through_pandoc() -> None:
    pandoc = need_program("pandoc")
    hostile = '<script>alert(1)</script> \\emph{x} $math$ *not* # # [link](x) & "quotes"'
    document = render_pandoc_json(interview(q(hostile), a("Fine.")), RenderOptions())
    html = pandoc_to(pandoc, document, "html").decode()
    assert "<script>" not in html and "&lt;script&gt;" in html
    plain = pandoc_to(pandoc, document, "plain", "--wrap=none").decode()
    assert hostile in plain


def test_plain_paragraphs_for_icml() -> None:
    document = pandoc_document(load_case("example"), RenderOptions(), plain=True)
    turn = document["blocks"][1]["c"][1][1]
    assert {b["t"] for b in turn["c"][1]} == {"Plain"}


def test_cli_without_pandoc_exits_2_naming_the_package_and_writes_nothing(tmp_path: Path) -> None:
    import os
    import sys

    target = tmp_path / "talk.icml"
    done = subprocess.run([sys.executable, "-m", "qaformat", "convert", "examples/interview.txt", "-o", str(target)],
                          capture_output=True, text=True, timeout=60, check=False,
                          env={**os.environ, "PATH": str(tmp_path)}, cwd=Path(__file__).parent.parent)
    assert done.returncode == 2
    assert done.stderr == ("qaformat: error: examples/interview.txt: icml output needs pandoc, which is not installed"
                           " (Debian/Ubuntu: apt install pandoc; others: https://pandoc.org/installing.html)\n")
    assert list(tmp_path.iterdir()) == []
