"""The library as a developer meets it: parse() detects formats as read() does, detect() is
public, errors speak of the library's options, the records document and validate their fields,
and parsing and rendering from many threads at once give what one thread gives."""

from __future__ import annotations

import concurrent.futures
import io
import pydoc
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import qaformat
from qaformat import Kind, LabelStyle, OptionError, ParseOptions, RenderOptions, Role, Severity, SpanKind
from qaformat.errors import Diagnostic
from tests.strategies import any_bytes, any_text

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "interview.txt"
FIXTURES = Path(__file__).parent / "fixtures"
BY_CONTENT = [
    (FIXTURES / "docx" / "newsroom.docx", "docx"),
    (FIXTURES / "html" / "page.html", "html"),
    (FIXTURES / "captions" / "zoom.vtt", "vtt"),
    (FIXTURES / "captions" / "asr.srt", "srt"),
    (EXAMPLE, "text"),
]


# --- parse() and detect() ----------------------------------------------------------------------


@pytest.mark.parametrize(("path", "fmt"), BY_CONTENT, ids=lambda v: getattr(v, "name", v))
def test_parse_detects_the_format_from_the_content_as_read_does(path: Path, fmt: str) -> None:
    data = path.read_bytes()
    assert qaformat.detect(data) == fmt
    assert qaformat.detect(data, path.name) == fmt
    from_memory = qaformat.parse(data)
    assert from_memory == qaformat.read(path) == qaformat.parse(data, format=fmt)
    assert from_memory.speakers and list(from_memory.turns())


def test_parse_detects_our_json_and_text_handed_as_str() -> None:
    transcript = qaformat.read(EXAMPLE)
    as_json = qaformat.render(transcript, "json")
    assert qaformat.detect(as_json) == "json"
    assert qaformat.parse(as_json) == transcript == qaformat.parse(EXAMPLE.read_text(encoding="utf-8"))
    vtt = (FIXTURES / "captions" / "zoom.vtt").read_text(encoding="utf-8")
    assert qaformat.parse(vtt) == qaformat.read(FIXTURES / "captions" / "zoom.vtt")


def test_a_forced_format_still_wins() -> None:
    vtt = (FIXTURES / "captions" / "zoom.vtt").read_bytes()
    as_text = qaformat.parse(vtt, format="text", options=ParseOptions(speakers={"WEBVTT": qaformat.SpeakerSpec()}))
    assert as_text != qaformat.parse(vtt)
    with pytest.raises(qaformat.InputError, match="zip archive"):
        qaformat.parse((FIXTURES / "docx" / "newsroom.docx").read_bytes(), format="text")


def test_detect_uses_the_name_where_the_content_leaves_it_open() -> None:
    assert qaformat.detect("# Talk\n\n**Q:** Why?\n", "talk.md") == "markdown"
    assert qaformat.detect("# Talk\n\n**Q:** Why?\n") == "text"
    assert qaformat.detect("<!DOCTYPE html><html><p>Q: Why?</p>", "saved.txt") == "html"
    assert "detect" in qaformat.__all__ and "name" in (qaformat.detect.__doc__ or "")


_PREFIXES = st.sampled_from([b"", b"PK\x03\x04[Content_Types].xml word/", b"<!DOCTYPE html>", b"<html>",
                             b"WEBVTT\n\n", b"1\n00:00:01,000 --> 00:00:02,000\n", b'{"qaformat": 1, ',
                             b"\xef\xbb\xbf", b"\xff\xfe"])


@settings(max_examples=150, deadline=None)
@given(prefix=_PREFIXES, rest=any_bytes)
def test_detected_bytes_raise_nothing_but_qaformat_errors(prefix: bytes, rest: bytes) -> None:
    try:
        qaformat.parse(prefix + rest)
    except qaformat.QAFormatError:
        pass


@settings(max_examples=100, deadline=None)
@given(prefix=_PREFIXES.map(lambda b: b.decode("latin-1")), rest=any_text)
def test_detected_text_raises_nothing_but_qaformat_errors(prefix: str, rest: str) -> None:
    try:
        qaformat.parse(prefix + rest)
    except qaformat.QAFormatError:
        pass


def test_input_of_another_type_is_a_qaformat_error() -> None:
    with pytest.raises(qaformat.InputError, match=r"the input must be str or bytes, not [A-Za-z]*Path"):
        qaformat.parse(EXAMPLE)  # type: ignore[arg-type]


# --- errors speak of the library; the command line of its flags --------------------------------


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qaformat", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, check=False)


def test_errors_name_the_library_options_and_the_command_line_its_flags(tmp_path: Path) -> None:
    transcript = qaformat.read(EXAMPLE)
    out = tmp_path / "out.json"
    out.write_text("keep", encoding="utf-8")
    with pytest.raises(qaformat.InputError) as exists:
        qaformat.write(transcript, out, overwrite=False)
    assert "use overwrite=True to replace it" in str(exists.value) and "--" not in str(exists.value)
    (tmp_path / "prose.txt").write_text("Just a paragraph of prose.\n", encoding="utf-8")
    with pytest.raises(qaformat.ParseError) as prose:
        qaformat.read(tmp_path / "prose.txt")
    assert "ParseOptions(speakers=...)" in str(prose.value) and "--" not in str(prose.value)
    with pytest.raises(qaformat.InputError) as large:
        qaformat.parse("Q: x\n" * 10, options=ParseOptions(max_bytes=10))
    assert "ParseOptions(max_bytes=...)" in str(large.value)

    (tmp_path / "talk.txt").write_bytes(EXAMPLE.read_bytes())
    refused = run_cli("convert", "talk.txt", "-o", "out.json", cwd=tmp_path)
    assert (refused.returncode, refused.stderr) == (2, "qaformat: error: out.json: output exists; use --force to replace it\n")
    prose_cli = run_cli("convert", "prose.txt", cwd=tmp_path)
    assert "name the speakers with --speaker LABEL=Name if they are there)" in prose_cli.stderr
    large_cli = run_cli("convert", "talk.txt", "--max-bytes", "1K", cwd=tmp_path)
    assert large_cli.returncode == 2 and "the limit is 1,024 (--max-bytes)" in large_cli.stderr
    assert run_cli("convert", "talk.txt", "--max-bytes", "1M", "-t", "json", cwd=tmp_path).returncode == 0


# --- the records: field docs in help(), validated fields ---------------------------------------

RECORDS = [qaformat.Transcript, qaformat.Section, qaformat.Turn, qaformat.Speaker, qaformat.Span, qaformat.Skipped,
           ParseOptions, RenderOptions, qaformat.SpeakerSpec, Diagnostic]
ENUMS = [Role, Kind, SpanKind, LabelStyle, Severity]


@pytest.mark.parametrize("record", RECORDS, ids=lambda c: c.__name__)
def test_help_shows_what_every_field_means(record: type) -> None:
    shown = pydoc.render_doc(record, renderer=pydoc.plaintext)
    for field in attrs.fields(record):
        line = re.search(rf"^\s*\|?\s*{field.name}: (.+)$", shown, re.MULTILINE)
        assert line is not None, f"help({record.__name__}) does not explain {field.name}"
        assert len(line.group(1).split()) >= 3


@pytest.mark.parametrize("enum", ENUMS, ids=lambda c: c.__name__)
def test_help_shows_what_every_member_means(enum: type) -> None:
    shown = pydoc.render_doc(enum, renderer=pydoc.plaintext)
    for member in enum:  # type: ignore[attr-defined]
        assert re.search(rf"^\s*\|?\s*{member.name}: \S+ \S+", shown, re.MULTILINE), f"{enum.__name__}.{member.name}"


@pytest.mark.parametrize(("build", "message"), [
    (lambda: RenderOptions(standalone="no"), "RenderOptions.standalone must be True or False, not 'no'"),
    (lambda: RenderOptions(timestamps=1), "RenderOptions.timestamps must be True or False, not 1"),
    (lambda: RenderOptions(note=3), "RenderOptions.note must be text or None, not 3"),
    (lambda: ParseOptions(tidy="yes"), "ParseOptions.tidy must be True or False, not 'yes'"),
    (lambda: ParseOptions(max_bytes="10M"), "ParseOptions.max_bytes must be a whole number, not '10M'"),
])
def test_a_field_of_the_wrong_type_is_a_type_error(build: object, message: str) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):
        build()  # type: ignore[operator]


@pytest.mark.parametrize("tag", ["en", "EN-gb", "ar", "zh-Hant-TW", "sr-Latn-RS", "es-419", "de-CH-1901",
                                 "en-US-x-twain", "x-whatever", "yue-HK", "sl-rozaj-biske", "en-a-bbb-x-a-ccc"])
def test_well_formed_language_tags_are_taken(tag: str) -> None:
    assert RenderOptions(lang=tag).lang == tag


def test_a_locale_style_underscore_is_read_as_the_tag_it_means() -> None:
    assert RenderOptions(lang="en_GB").lang == ParseOptions(lang=" en_GB ").lang == "en-GB"


@pytest.mark.parametrize("tag", ["english", "", "e", "en-", "-en", "en--GB", "en GB", "fr-abcdefghi", "abcd",
                                 "<script>", "ar-ÄÄ", "en-x"])
def test_malformed_language_tags_are_refused(tag: str) -> None:
    with pytest.raises(OptionError, match="is not a BCP 47 language tag"):
        RenderOptions(lang=tag)


def test_a_size_limit_below_one_byte_is_refused() -> None:
    with pytest.raises(OptionError, match="max_bytes must be at least 1"):
        ParseOptions(max_bytes=0)


# --- threads ----------------------------------------------------------------------------------

_THREAD_FORMATS = ("html", "json", "md", "docx")


def _parts(docx: bytes) -> dict[str, bytes]:
    """A DOCX's parts, less the times it was made (a zip entry's date, the core properties')."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["docProps/core.xml"] = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*<", b"<", parts["docProps/core.xml"])
    return parts


def _parse_and_render(data: bytes) -> list[object]:
    transcript = qaformat.parse(data)
    options = RenderOptions(standalone=True, labels=LabelStyle.INITIALS, timestamps=True, note="Edited.", lang="en")
    return [qaformat.render(transcript, fmt, options) for fmt in _THREAD_FORMATS[:-1]] + [
        _parts(qaformat.render(transcript, "docx", options))]


def test_many_threads_parse_and_render_what_one_thread_does() -> None:
    inputs = [path.read_bytes() for path, _ in BY_CONTENT] * 6
    alone = [_parse_and_render(data) for data in inputs]
    with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
        together = list(pool.map(_parse_and_render, inputs))
    assert together == alone


# --- which options each output reads (the command line warns about the others) -----------------


def test_an_option_a_format_does_not_read_never_changes_its_output(tmp_path: Path) -> None:
    from qaformat.renderers import EVERY_FORMAT_READS, RENDERERS

    transcript = qaformat.read(EXAMPLE)
    template = tmp_path / "house.docx"
    template.write_bytes(qaformat.render(transcript, "docx"))
    changed = {"standalone": True, "labels": LabelStyle.INITIALS, "lang": "fr", "stylesheet": False,
               "timestamps": True, "template": str(template), "diagnostics": True, "bold_questions": True,
               "note": "Edited.", "title": "Another title", "metadata": {"date": "2021-04-01"}, "show_title": False,
               "show_intro": False, "heading_level": 4, "class_prefix": "interview-", "cast": True, "jsonld": True,
               "smart": True, "pandoc_api": "1.22"}
    assert set(changed) == {field.name for field in attrs.fields(RenderOptions)}

    def comparable(output: str | bytes) -> object:
        return _parts(output) if isinstance(output, bytes) else output

    # The formats pandoc writes are made from qaformat's pandoc document and read what it reads;
    # their bytes carry pandoc's own times and identifiers, so the document is what is compared.
    pandoc = RENDERERS["pandoc"]
    assert all(fmt.reads == pandoc.reads for fmt in RENDERERS.values() if fmt.module == pandoc.module)
    timed = qaformat.parse(b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>How did it start?\n\n"
                           b"00:00:04.000 --> 00:00:09.000\n<v Ben>With a letter from my aunt.\n")
    for fmt in RENDERERS.values():
        if fmt.module == pandoc.module and fmt is not pandoc:
            continue
        assert fmt.reads <= set(changed)
        source = timed if fmt.module == RENDERERS["vtt"].module else transcript
        plain = comparable(qaformat.render(source, fmt.name))
        for field, value in changed.items():
            if field not in fmt.reads | EVERY_FORMAT_READS:
                assert comparable(qaformat.render(source, fmt.name, RenderOptions(**{field: value}))) == plain, (
                    f"{field} changes {fmt.name} output, but {fmt.name} does not list it")
