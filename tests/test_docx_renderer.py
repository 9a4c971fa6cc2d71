"""The DOCX renderer: styles, labels, spans, templates, properties, rtl, hostile text, goldens,
and what LibreOffice, pandoc and mammoth read back.

Documents are reopened with python-docx and compared as XML parts, never as bytes.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

import qaformat
from qaformat import Kind, LabelStyle, RenderError, RenderOptions, Role, Section, Span, SpanKind, Speaker, Transcript, Turn
from qaformat.renderers import output_format
from qaformat.renderers.docx import render_docx
from qaformat.renderers.docx_base import STYLE_NAMES
from tests.builders import a, interview, load_case, q
from tests.checkers import libreoffice_convert, mammoth_html, pandoc
from tests.conftest import GOLDEN, check_golden, golden_cases

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KIND_STYLE = {Kind.QUESTION: "QA Question", Kind.ANSWER: "QA Answer", Kind.REMARK: "QA Remark", Kind.NOTE: "QA Note"}




def example() -> Transcript:
    return load_case("example")








def render(transcript: Transcript, **options: object) -> bytes:
    return render_docx(transcript, RenderOptions(**options))  # type: ignore[arg-type]


def reopen(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def pretty(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read(name), etree.XMLParser(remove_blank_text=True))
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def runs(paragraph: docx.text.paragraph.Paragraph) -> list[tuple[str, str | None]]:
    """(text, character style name) of each run; ``None`` for plain runs."""
    return [(run.text, run.style.name if run.element.rPr is not None and run.element.rPr.rStyle is not None else None)
            for run in paragraph.runs]


def labels(data: bytes) -> list[str]:
    return [run.text for p in reopen(data).paragraphs for run in p.runs if run.style.name == "QA Speaker"]


def expected_paragraphs(transcript: Transcript) -> list[tuple[str, str]]:
    """(style, text) of every paragraph the renderer should write, labels in full."""
    names = {s.id: s.name for s in transcript.speakers}
    interviewers = {s.id for s in transcript.speakers if s.role is Role.INTERVIEWER}
    out = [("Title", transcript.title)] if transcript.title else []
    out += [("QA Intro", text) for text in transcript.intro]
    for section in transcript.sections:
        if section.heading:
            out.append(("Heading 1", section.heading))
        for turn in section.turns:
            for index, text in enumerate(turn.paragraphs):
                label = f"{names[turn.speaker]}: " if index == 0 and turn.speaker and turn.kind is not Kind.NOTE else ""
                by_interviewer = turn.kind is Kind.REMARK and turn.speaker in interviewers
                out.append(("QA Interviewer Remark" if by_interviewer else KIND_STYLE[turn.kind], label + text))
    return out


def words(text: str) -> str:
    return " ".join(text.split())


# --- structure -------------------------------------------------------------------------------


def test_registered() -> None:
    fmt = output_format("docx")
    assert (fmt.binary, fmt.suffixes, fmt.function) == (True, (".docx",), "render_docx")
    assert output_format("word") is fmt
    data = qaformat.render(example(), "docx")
    assert isinstance(data, bytes) and zipfile.is_zipfile(io.BytesIO(data))


@pytest.mark.parametrize("case", golden_cases())
def test_every_paragraph_has_its_style_and_text(case: str) -> None:
    transcript = load_case(case)
    document = reopen(render(transcript))
    assert [(p.style.name, p.text) for p in document.paragraphs] == expected_paragraphs(transcript)


def test_styles_exist_with_their_types_and_defaults() -> None:
    styles = reopen(render(example())).styles
    character = {"QA Speaker", "QA Direction", "QA Timestamp"}
    for name in STYLE_NAMES:
        wanted = WD_STYLE_TYPE.CHARACTER if name in character else WD_STYLE_TYPE.PARAGRAPH
        assert styles[name].type == wanted, name
    for name in ("QA Question", "QA Answer", "QA Remark", "QA Interviewer Remark", "QA Note", "QA Intro", "QA Speaker", "QA Direction"):
        assert styles[name].quick_style, f"{name} is not in Word's style gallery"
    assert styles["QA Speaker"].font.bold
    assert styles["QA Direction"].font.italic
    assert styles["QA Note"].font.italic and styles["QA Note"].font.color.rgb == RGBColor(0x66, 0x66, 0x66)
    assert styles["QA Question"].font.color.rgb == RGBColor(0x1F, 0x38, 0x64)
    assert styles["QA Question"].paragraph_format.keep_with_next
    assert styles["QA Question"].next_paragraph_style.name == "QA Answer"
    assert styles["QA Remark"].base_style.name == "QA Answer"
    assert styles["QA Interviewer Remark"].base_style.name == "QA Question"
    # Toggle properties set at two style levels cancel out in Word: a bold label in a bold
    # question would come out plain. Keep the paragraph styles free of what the runs toggle.
    for name in ("QA Question", "QA Answer", "QA Remark"):
        assert not styles[name].font.bold and not styles[name].font.italic


def test_label_run_is_bold_style_then_a_space() -> None:
    paragraph = reopen(render(example())).paragraphs[3]
    assert runs(paragraph) == [
        ("Tom Whitfield:", "QA Speaker"),
        (" Ruth, how did you end up here? It's not a job people apply for every day.", None),
    ]


def test_direction_spans_are_italic_runs_but_not_inside_notes() -> None:
    document = reopen(render(example()))
    answer = document.paragraphs[4]
    assert runs(answer)[:4] == [
        ("Ruth Adebayo:", "QA Speaker"),
        (" No, it isn't. ", None),
        ("[laughs]", "QA Direction"),
        (' I answered an advert in 2013 that said "remote post, must enjoy own company." '
         "I'd been a ferry engineer for twenty years, so the machinery didn't scare me.", None),
    ][:4]
    pause = Turn(Kind.NOTE, None, ("(Pause.)",), 9, spans=(Span(0, 0, 8, SpanKind.DIRECTION),))
    with_note = reopen(render(interview(a("One."), pause, a("Two."))))
    note = next(p for p in with_note.paragraphs if p.style.name == "QA Note")
    assert runs(note) == [("(Pause.)", None)]


def test_span_edges_overlaps_and_strays() -> None:
    turn = a("abc [x] def (y)", spans=(
        Span(0, 4, 7, SpanKind.DIRECTION), Span(0, 5, 9, SpanKind.DIRECTION),  # the second crosses the first
        Span(0, 12, 99, SpanKind.DIRECTION), Span(3, 0, 2, SpanKind.DIRECTION),  # past the end; no paragraph 3
        Span(0, 0, 3, SpanKind.TIMESTAMP),  # not a direction
    ))
    paragraph = reopen(render(interview(turn))).paragraphs[0]
    assert runs(paragraph) == [
        ("Ruth Adebayo:", "QA Speaker"), (" abc ", None), ("[x]", "QA Direction"), (" def (y)", None)]


def test_multi_paragraph_turn_labels_only_the_first() -> None:
    document = reopen(render(interview(a("One.", "Two.", "Three."))))
    assert [p.text for p in document.paragraphs] == ["Ruth Adebayo: One.", "Two.", "Three."]
    assert {p.style.name for p in document.paragraphs} == {"QA Answer"}


def test_turn_without_text_keeps_its_label() -> None:
    document = reopen(render(interview(Turn(Kind.QUESTION, "tom-whitfield", (), 1))))
    assert [runs(p) for p in document.paragraphs] == [[("Tom Whitfield:", "QA Speaker")]]


def test_unknown_speaker_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="nobody"):
        render(interview(q("Hi?", speaker="nobody")))


def test_tabs_and_line_breaks_become_their_elements() -> None:
    root = part(render(interview(a("one\ttwo\nthree\r\nfour"))), "word/document.xml")
    run = root.findall(f".//{W}r")[-1]
    assert [etree.QName(child).localname for child in run] == ["t", "tab", "t", "br", "t", "br", "t"]


def test_long_transcript_keeps_every_paragraph_in_order() -> None:
    turns = tuple(a(f"Answer {i}.") if i % 2 else q(f"Question {i}?") for i in range(3000))
    document = reopen(render(interview(*turns), labels="none"))
    assert [p.text for p in document.paragraphs] == [t.paragraphs[0] for t in turns]
    body = document.element.body
    assert etree.QName(body[-1]).localname == "sectPr"


# --- labels and timestamps -------------------------------------------------------------------


@pytest.mark.parametrize(("style", "expected"), [
    (LabelStyle.FULL, ["Tom Whitfield:", "Ruth Adebayo:", "Tom Whitfield:", "Ruth Adebayo:"]),
    (LabelStyle.SURNAME, ["Tom Whitfield:", "Ruth Adebayo:", "Whitfield:", "Adebayo:"]),
    (LabelStyle.INITIALS, ["Tom Whitfield:", "Ruth Adebayo:", "TW:", "RA:"]),
    (LabelStyle.NONE, []),
])
def test_label_styles(style: LabelStyle, expected: list[str]) -> None:
    assert labels(render(example(), labels=style))[:4] == expected


def test_label_style_none_keeps_the_text() -> None:
    document = reopen(render(interview(q("Why?"), a("Because.")), labels="none"))
    assert [(p.style.name, p.text) for p in document.paragraphs] == [("QA Question", "Why?"), ("QA Answer", "Because.")]


def test_role_labels_and_honorifics() -> None:
    cast = (
        Speaker("q", "Q", Role.INTERVIEWER),
        Speaker("petrov", "Dr. Alexander Petrov", Role.INTERVIEWEE),
        Speaker("mansour", "د. كريم منصور", Role.INTERVIEWEE),
        Speaker("s2", "Speaker 2", Role.OTHER),
    )
    turns = [q("?", speaker="q"), a(".", speaker="petrov"), a(".", speaker="mansour"), a(".", speaker="s2")] * 2
    transcript = interview(*turns, speakers=cast)
    assert labels(render(transcript, labels="surname"))[4:] == ["Q:", "Petrov:", "منصور:", "Speaker 2:"]
    assert labels(render(transcript, labels="initials"))[4:] == ["Q:", "AP:", "منصور:", "Speaker 2:"]


def test_notes_have_no_label() -> None:
    note = Turn(Kind.NOTE, "ruth-adebayo", ("[Editor's note: shortened.]",), 1)
    assert labels(render(interview(q("Why?"), note))) == ["Tom Whitfield:"]


def test_timestamps_shown_only_on_request() -> None:
    transcript = interview(q("Ready?", timestamp=3725.9), a("Yes.", timestamp=float("nan")))
    assert [p.text for p in reopen(render(transcript)).paragraphs] == ["Tom Whitfield: Ready?", "Ruth Adebayo: Yes."]
    document = reopen(render(transcript, timestamps=True))
    assert runs(document.paragraphs[0]) == [
        ("01:02:05", "QA Timestamp"), (" ", None), ("Tom Whitfield:", "QA Speaker"), (" Ready?", None)]
    assert document.paragraphs[1].text == "Ruth Adebayo: Yes."


def test_bold_questions_are_direct_bold_text_runs() -> None:
    turn = q("Why [sighs] now?", spans=(Span(0, 4, 11, SpanKind.DIRECTION),))
    paragraphs = reopen(render(interview(turn, a("Because.")), bold_questions=True)).paragraphs
    assert [(r.text, r.bold) for r in paragraphs[0].runs] == [
        ("Tom Whitfield:", None), (" Why ", True), ("[sighs]", True), (" now?", True)]
    assert paragraphs[0].runs[0].style.name == "QA Speaker"  # bold from its style, not toggled twice
    assert all(r.bold is None for r in paragraphs[1].runs)
    assert all(r.bold is None for r in reopen(render(interview(turn))).paragraphs[0].runs)


def test_editors_note_follows_the_intro() -> None:
    transcript = interview(q("Why?"), intro=("An intro.",), title="T")
    document = reopen(render(transcript, note="  Edited for length.  "))
    assert [(p.style.name, p.text) for p in document.paragraphs][:3] == [
        ("Title", "T"), ("QA Intro", "An intro."), ("QA Note", "Edited for length.")]
    assert len(reopen(render(transcript, note="  ")).paragraphs) == 3


# --- templates -------------------------------------------------------------------------------


def house_template(path: Path, *, with_qa_style: bool = True) -> Path:
    document = docx.Document()
    if with_qa_style:
        style = document.styles.add_style("QA Question", WD_STYLE_TYPE.PARAGRAPH)
        style.font.name = "Courier New"
        style.font.size = Pt(17)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = Mm(31)
    section.header.paragraphs[0].text = "Harbor City Ledger: house style"
    document.add_paragraph("Template body text that must not survive.")
    document.add_table(rows=1, cols=2)
    props = document.core_properties
    props.author, props.comments, props.title = "Template Author", "House template, do not edit", "House"
    props.last_printed = dt.datetime(2020, 1, 1)
    document.save(str(path))
    return path


def test_template_styles_page_and_header_are_kept(tmp_path: Path) -> None:
    template = house_template(tmp_path / "house.docx")
    document = reopen(render(example(), template=template))
    question = document.styles["QA Question"]
    assert (question.font.name, question.font.size) == ("Courier New", Pt(17))
    assert document.styles["QA Answer"].font.color.rgb is None  # ours, added: plain
    assert document.styles["QA Speaker"].font.bold
    section, house = document.sections[0], docx.Document(str(template)).sections[0]
    assert (section.page_width, section.left_margin) == (house.page_width, house.left_margin)
    assert section.page_width != docx.Document().sections[0].page_width  # A4, not Letter
    assert section.header.paragraphs[0].text == "Harbor City Ledger: house style"
    assert "must not survive" not in "\n".join(p.text for p in document.paragraphs)
    assert not document.tables
    assert [p.text for p in document.paragraphs] == [text for _, text in expected_paragraphs(example())]


def test_template_without_qa_styles_gets_ours(tmp_path: Path) -> None:
    template = house_template(tmp_path / "plain.docx", with_qa_style=False)
    styles = reopen(render(example(), template=template)).styles
    assert styles["QA Question"].font.color.rgb == RGBColor(0x1F, 0x38, 0x64)
    assert all(name in styles for name in STYLE_NAMES)


def test_template_lacking_title_and_headings_gets_them(tmp_path: Path) -> None:
    document = docx.Document()
    for name in ("Title", "Heading 1", "Heading 2"):
        element = document.styles[name].element
        element.getparent().remove(element)
    document.save(str(tmp_path / "bare.docx"))
    out = reopen(render(example(), template=tmp_path / "bare.docx"))
    assert out.paragraphs[0].style.name == "Title"
    assert out.styles["Heading 1"].font.bold


def test_dotx_template(tmp_path: Path) -> None:
    template = house_template(tmp_path / "house.docx")
    dotx = tmp_path / "house.dotx"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(dotx, "w") as target:
        for item in source.infolist():
            blob = source.read(item)
            if item.filename == "[Content_Types].xml":
                blob = blob.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, blob)
    document = reopen(render(example(), template=dotx))
    assert document.styles["QA Question"].font.name == "Courier New"


def test_template_properties_do_not_leak(tmp_path: Path) -> None:
    props = reopen(render(example(), template=house_template(tmp_path / "house.docx"))).core_properties
    assert (props.author, props.comments, props.last_printed) == ("", "", None)
    assert props.title == example().title


def test_template_style_of_the_wrong_type(tmp_path: Path) -> None:
    document = docx.Document()
    document.styles.add_style("QA Speaker", WD_STYLE_TYPE.PARAGRAPH)
    document.save(str(tmp_path / "odd.docx"))
    with pytest.raises(RenderError, match=r"odd\.docx.*'QA Speaker' must be a character style"):
        render(example(), template=tmp_path / "odd.docx")


def _truncated(path: Path) -> None:
    house_template(path)
    path.write_bytes(path.read_bytes()[:2000])


def _not_word(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("hello.txt", "not a Word document")


def _bad_xml(path: Path) -> None:
    house_template(path.with_suffix(".good"))
    with zipfile.ZipFile(path.with_suffix(".good")) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            target.writestr(item, b"<w:styles><unclosed>" if item.filename == "word/styles.xml" else source.read(item))


@pytest.mark.parametrize("make", [
    None,                                            # missing
    lambda p: p.write_text("just text\n"),           # not a zip
    lambda p: p.write_bytes(b""),                    # empty
    _truncated, _not_word, _bad_xml,
    lambda p: p.mkdir(),                             # a folder
], ids=["missing", "text", "empty", "truncated", "zip-not-word", "corrupt-xml", "folder"])
def test_unusable_template_is_a_render_error(tmp_path: Path, make: object) -> None:
    path = tmp_path / "house.docx"
    if callable(make):
        make(path)
    with pytest.raises(RenderError) as caught:
        render(example(), template=path)
    assert str(path) in str(caught.value) and "template" in str(caught.value)
    assert isinstance(caught.value, qaformat.QAFormatError)


# --- properties and language -----------------------------------------------------------------


def test_core_properties(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    props = reopen(render(example())).core_properties
    assert props.title == example().title
    assert props.keywords == "Tom Whitfield, Ruth Adebayo"
    assert (props.author, props.last_modified_by, props.revision) == ("", "", 1)
    stamp = dt.datetime(2023, 11, 14, 22, 13, 20)
    assert props.created.replace(tzinfo=None) == stamp and props.modified.replace(tzinfo=None) == stamp


def test_long_properties_are_cut_to_fit() -> None:
    cast = tuple(Speaker(f"s{i}", f"Speaker Number {i:03d}", Role.INTERVIEWEE) for i in range(40))
    props = reopen(render(interview(q("?", speaker="s0"), speakers=cast, title="T" * 300,
                                    metadata={"author": "A" * 300}))).core_properties
    assert props.title == "T" * 254 + "…" and props.author == "A" * 254 + "…"
    assert props.keywords.startswith("Speaker Number 000, Speaker Number 001, ")
    assert props.keywords.endswith("Speaker Number 011") and len(props.keywords) <= 255


def test_created_is_now_without_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    created = reopen(render(example())).core_properties.created.replace(tzinfo=None)
    assert abs((dt.datetime.now(dt.UTC).replace(tzinfo=None) - created).total_seconds()) < 120


def test_no_thumbnail_or_stale_styles_copy() -> None:
    with zipfile.ZipFile(io.BytesIO(render(example()))) as package:
        names = set(package.namelist())
    assert "docProps/thumbnail.jpeg" not in names and "word/stylesWithEffects.xml" not in names


@pytest.mark.parametrize(("options", "metadata", "val", "bidi"), [
    ({"lang": "de-CH"}, {}, "de-CH", None),
    ({}, {"lang": "ar"}, "ar", "ar"),
    ({"lang": "he"}, {"lang": "en"}, "he", "he"),
])
def test_language(options: dict[str, str], metadata: dict[str, str], val: str, bidi: str | None) -> None:
    data = render(interview(q("Wie?"), metadata=metadata), **options)
    lang = part(data, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None and lang.get(f"{W}val") == val and lang.get(f"{W}bidi", None) in (bidi, "ar-SA")
    assert reopen(data).core_properties.language == val


# --- right to left ---------------------------------------------------------------------------


ARABIC = (Speaker("salma", "سلمى حداد", Role.INTERVIEWER), Speaker("karim", "د. كريم منصور", Role.INTERVIEWEE))


def test_rtl_paragraphs_get_bidi_and_rtl_runs() -> None:
    transcript = interview(
        q("كيف بدأت علاقتك بالمخطوطات؟", speaker="salma"),
        a("بالصدفة تماماً. [يضحك] كنت طالباً.", speaker="karim", spans=(Span(0, 15, 22, SpanKind.DIRECTION),)),
        a("(٢٠٠٩)", speaker="karim"),             # no strong letters: follows the paragraph before
        a("We also read English sources like the Oxford catalogue.", speaker="karim"),
        speakers=ARABIC, title="حوار",
    )
    paragraphs = part(render(transcript), "word/document.xml").findall(f".//{W}p")
    bidi = [p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs]
    assert bidi == [True, True, True, True, False]  # title, question, answer, "(٢٠٠٩)", English
    for p in paragraphs[:4]:
        assert [etree.QName(c).localname for c in p.find(f"{W}pPr")] == ["pStyle", "bidi"]  # schema order
        for r in p.findall(f"{W}r"):
            rpr = r.find(f"{W}rPr")
            assert rpr is not None and rpr[-1].tag == f"{W}rtl"  # after rStyle, where there is one
    assert paragraphs[4].find(f".//{W}rtl") is None


def test_mostly_ltr_with_some_arabic_stays_ltr() -> None:
    paragraphs = part(render(interview(a("The word مخطوطة means manuscript in Arabic."))), "word/document.xml")
    assert paragraphs.find(f".//{W}bidi") is None


# --- text XML cannot hold --------------------------------------------------------------------


def test_characters_xml_cannot_hold_are_replaced() -> None:
    bad = "bell\x07 nul\x00 vt\x0b ff\x0c nonchar\ufffe\uffff lone\ud800 esc\x1b"
    clean = "bell\ufffd nul\ufffd vt\ufffd ff\ufffd nonchar\ufffd\ufffd lone\ufffd esc\ufffd"
    transcript = Transcript(
        title=f"Title {bad}",
        intro=(f"Intro {bad}",),
        speakers=(Speaker("x", f"Name\x01 {bad}", Role.INTERVIEWER), Speaker("y", "Y", Role.INTERVIEWEE)),
        sections=(Section(f"Heading {bad}", (
            Turn(Kind.QUESTION, "x", (f"Q {bad}",), 1, spans=(Span(0, 2, 7, SpanKind.DIRECTION),)),
            Turn(Kind.ANSWER, "y", (f"A {bad}\tend",), 2),
        ), 1),),
        metadata={"author": f"Me {bad}"},
    )
    data = render(transcript, timestamps=True)
    document = reopen(data)
    assert [p.text for p in document.paragraphs] == [
        f"Title {clean}", f"Intro {clean}", f"Heading {clean}", f"Name\ufffd {clean}: Q {clean}", f"Y: A {clean}\tend",
    ]
    assert runs(document.paragraphs[3])[2] == ("bell\ufffd", "QA Direction")  # offsets still fit
    assert document.core_properties.title == f"Title {clean}"
    assert document.core_properties.author == f"Me {clean}"


# --- goldens ---------------------------------------------------------------------------------


@pytest.mark.parametrize("part_name", ["document", "styles"])
@pytest.mark.parametrize("case", golden_cases())
def test_golden_parts(case: str, part_name: str, regen: bool) -> None:
    data = render(load_case(case))
    check_golden(GOLDEN / case / f"{part_name}.xml", pretty(data, f"word/{part_name}.xml"), regen)


def test_writing_html_does_not_import_python_docx() -> None:
    code = (
        "import sys, qaformat\n"
        "t = qaformat.parse('Q: Why?\\nA: Because.\\nQ: Really?\\nA: Yes.\\n')\n"
        "for to in ('html', 'md', 'json'): qaformat.render(t, to)\n"
        "print(sorted(m for m in sys.modules if m == 'docx' or m.startswith('docx.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# --- independent readers ---------------------------------------------------------------------


def _turn_texts(transcript: Transcript) -> list[str]:
    return [words(text) for _, text in expected_paragraphs(transcript)]


READBACK_CASES = [pytest.param("example", id="example"), pytest.param("rtl", id="rtl")]


def _readback_transcript(name: str) -> Transcript:
    if name == "example":
        return example()
    return interview(
        q("دكتور كريم، كيف بدأت علاقتك بالمخطوطات؟", speaker="salma"),
        a("بالصدفة تماماً. كنت طالباً في قسم الكيمياء.", "منذ ذلك اليوم لم أغادر هذا العالم.", speaker="karim"),
        speakers=ARABIC, title="حوار: «المخطوطة لا تموت»",
    )


@pytest.mark.external
@pytest.mark.parametrize("name", READBACK_CASES)
def test_libreoffice_opens_and_reads_every_turn(name: str, tmp_path: Path) -> None:
    transcript = _readback_transcript(name)
    source = tmp_path / "interview.docx"
    source.write_bytes(render(transcript, labels="full"))
    pdf = libreoffice_convert(source, "pdf", tmp_path)
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), "LibreOffice could not load the document"
    text = libreoffice_convert(source, "txt:Text (encoded):UTF8", tmp_path).read_text(encoding="utf-8-sig")
    lines = [words(line) for line in text.splitlines() if line.strip()]
    assert lines == _turn_texts(transcript)


@pytest.mark.external
@pytest.mark.parametrize("name", READBACK_CASES)
def test_pandoc_reads_every_turn_and_the_styles(name: str, tmp_path: Path) -> None:
    transcript = _readback_transcript(name)
    source = tmp_path / "interview.docx"
    source.write_bytes(render(transcript))
    plain = pandoc("-f", "docx", "-t", "plain", "--wrap=none", str(source))
    blocks = [words(block) for block in plain.split("\n\n") if block.strip()]
    # pandoc keeps no title paragraph in the body text: the Title style becomes metadata.
    assert [b for b in blocks] == [t for t in _turn_texts(transcript) if t != words(transcript.title or "")]
    styled = pandoc("-f", "docx+styles", "-t", "markdown", str(source))
    for style in ("QA Question", "QA Answer", "QA Speaker"):
        assert f'custom-style="{style}"' in styled


@pytest.mark.external
@pytest.mark.parametrize("name", READBACK_CASES)
def test_mammoth_reads_every_turn_and_the_styles(name: str) -> None:
    transcript = _readback_transcript(name)
    result = mammoth_html(render(transcript))
    blocks = [words(html.unescape(re.sub(r"<[^>]+>", "", block)))
              for block in re.findall(r"<(?:p|h\d)>.*?</(?:p|h\d)>", result.value)]
    assert blocks == _turn_texts(transcript)
    unrecognised = " ".join(message.message for message in result.messages)
    assert "QA Question" in unrecognised and "QA Answer" in unrecognised


def test_the_interviewers_closing_remark_is_set_like_a_question() -> None:
    cast = (Speaker("tom-whitfield", "Tom Whitfield", Role.INTERVIEWER), Speaker("ruth-adebayo", "Ruth Adebayo", Role.INTERVIEWEE),
            Speaker("announcer", "Announcer", Role.OTHER))
    transcript = interview(q("Why?"), a("Because."), Turn(Kind.REMARK, "announcer", ("And now the news.",), 3),
                           Turn(Kind.REMARK, "tom-whitfield", ("Ruth Adebayo, thank you.",), 4), speakers=cast)
    document = reopen(render(transcript))
    assert [p.style.name for p in document.paragraphs] == ["QA Question", "QA Answer", "QA Remark", "QA Interviewer Remark"]
    remark = document.styles["QA Interviewer Remark"]
    assert remark.base_style.name == "QA Question" and remark.font.color.rgb is None  # the question's colour, inherited
