"""The Word reader: paragraphs, styles, bold labels, line breaks, transcript tables, damaged files.

The fixtures in tests/fixtures/docx/ are built by tests/fixtures/make_docx_fixtures.py; smaller
cases are built here with python-docx, and a few with raw WordprocessingML where python-docx
has no API (tracked changes, hyperlinks).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

import qaformat
from qaformat.blocks import Block, Omitted
from qaformat.errors import InputError
from qaformat.model import Kind
from qaformat.options import RenderOptions
from qaformat.readers import detect
from qaformat.readers.docx_reader import read_docx
from qaformat.readers.text import read_text

FIXTURES = Path(__file__).parent / "fixtures"
DOCX = FIXTURES / "docx"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _read(name: str):
    return read_docx((DOCX / name).read_bytes(), name)


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _hints(block: Block) -> tuple:
    return (block.line, block.text, block.gap_before, block.bold_prefix, block.speaker, block.time)


# -- the fixtures, block by block -------------------------------------------------------------


def test_transcription_service_layout_is_one_block_per_line_of_a_paragraph():
    doc = _read("transcription.docx")
    assert [_hints(b) for b in doc.blocks[:6]] == [
        (1, "Varga_wheelhouse_0314.m4a", True, 0, None, None),
        (2, "Fri, Mar 14, 2025 6:12AM \u2022 24:51", True, 0, None, None),
        # paragraph 3 is empty: skipped, and the next block has a gap before it anyway
        (4, "Nadia Brooks  0:03", True, 0, None, None),
        (4, "Okay, we're recording. So how did you end up on the water?", False, 0, None, None),
        (5, "Tomas Varga  0:09", True, 0, None, None),
        (5, "My uncle ran a tug out of Ashby. I swept his deck at twelve, and by nineteen I had my mate's ticket."
            " Nobody asked me if I wanted an office job.", False, 0, None, None),
    ]
    assert doc.blocks[-1] == Block("Transcribed by https://otter.ai", 14, style="Normal")
    assert {b.style for b in doc.blocks} == {"Normal"}
    assert doc.metadata == {"author": "Otter.ai", "date": "2025-03-14"}
    assert doc.omitted == () and doc.diagnostics == ()


def test_transcript_table_rows_carry_speaker_and_time_and_the_header_is_omitted():
    doc = _read("transcription_table.docx")
    assert doc.omitted == (Omitted(2, 2, "table header row"),)
    assert [_hints(b) for b in doc.blocks] == [
        (1, "Transcript \u2013 Ashby harbor office, 2025-02-03", True, 0, None, None),
        (3, "Thanks for making time. What surprised you most in your first month?", True, 0, "Sam Whitley", 4.0),
        (4, "The paperwork. Every mooring has a history, and some of it is on index cards from 1971.", True, 0,
         "Ines Duarte", 11.0),
        (5, "We are scanning them now, two interns, all of February.", True, 0, None, 24.0),  # no speaker: continues
        (6, "What changes for boaters this summer?", True, 0, "Sam Whitley", 31.0),
        (7, "Transient slips go online.", True, 0, "Ines Duarte", 36.0),
        (7, "No more calling the office at six in the morning.", True, 0, "Ines Duarte", None),  # a second paragraph
        (8, "Thank you.", True, 0, "Sam Whitley", 62.0),
        (9, "Recorded at the harbor office. Audio on file.", True, 0, None, None),  # after the table, in body order
    ]
    assert doc.metadata["title"] == "Ashby harbor office interview"


def test_newsroom_styles_bold_labels_and_breaks():
    doc = _read("newsroom.docx")
    by_line = {b.line: b for b in doc.blocks if b.gap_before}
    title = by_line[1]
    assert (title.text, title.title, title.style, title.heading) == ("Q&A: The last ferry captain on Pike Sound", True, "Title", None)
    assert by_line[4].italic and by_line[4].text == "This interview has been edited for length and clarity."
    heading = by_line[5]
    # A heading style's bold is its look, not a label: bold_prefix stays 0.
    assert (heading.text, heading.heading, heading.style, heading.bold_prefix) == ("Starting out", 2, "Heading 2", 0)
    assert (by_line[6].text, by_line[6].bold_prefix) == ("Nadia Brooks: How did you end up on the water?", 13)
    assert by_line[9].bold_prefix == len("Brooks:")  # paragraph 8 is empty
    # Bold from the Strong character style, and a line break inside the paragraph.
    varga, rolled = (b for b in doc.blocks if b.line == 10)
    assert (varga.text, varga.bold_prefix, varga.gap_before) == ("Varga: Second. The first was the Osprey, a little forty-car boat.", 6, True)
    assert (rolled.text, rolled.bold_prefix, rolled.gap_before) == ("She rolled like a barrel.", 0, False)
    # "Brooks: " was bold with its space; the space is not counted.
    assert (by_line[12].text, by_line[12].bold_prefix) == ("Brooks: What\u2019s the worst crossing you remember?", 7)
    assert [b.line for b in doc.blocks][-1] == 16  # two empty paragraphs (14, 15) before it
    assert doc.metadata == {"title": "Q&A: The last ferry captain on Pike Sound", "author": "Nadia Brooks", "date": "2025-03-14"}


def test_fixtures_match_their_script(tmp_path):
    sys.path.insert(0, str(FIXTURES))
    try:
        import make_docx_fixtures
    finally:
        sys.path.remove(str(FIXTURES))
    for path in make_docx_fixtures.build(tmp_path):
        assert path.read_bytes() == (DOCX / path.name).read_bytes(), f"{path.name}: run tests/fixtures/make_docx_fixtures.py"


# -- end to end -------------------------------------------------------------------------------


def _turns(t: qaformat.Transcript) -> list[tuple]:
    return [(turn.line, turn.kind, turn.speaker, turn.timestamp) for turn in t.turns()]


def test_transcription_service_file_end_to_end():
    t = qaformat.read(DOCX / "transcription.docx")
    assert [s.name for s in t.speakers] == ["Nadia Brooks", "Tomas Varga", "Speaker 3"]
    assert _turns(t) == [
        (4, Kind.QUESTION, "nadia-brooks", 3.0),
        (5, Kind.ANSWER, "tomas-varga", 9.0),
        (6, Kind.QUESTION, "nadia-brooks", 31.0),
        (7, Kind.ANSWER, "tomas-varga", 35.0),
        (8, Kind.REMARK, "speaker-3", 860.0),
        (9, Kind.ANSWER, "tomas-varga", 866.0),
        (10, Kind.QUESTION, "nadia-brooks", 870.0),
        (11, Kind.ANSWER, "tomas-varga", 874.0),
        (12, Kind.REMARK, "nadia-brooks", 1480.0),
    ]
    assert next(t.turns()).paragraphs == ("Okay, we're recording. So how did you end up on the water?",)
    assert (14, "after the interview") in [(s.first_line, s.reason) for s in t.skipped]


def test_transcript_table_end_to_end():
    t = qaformat.read(DOCX / "transcription_table.docx")
    assert [s.name for s in t.speakers] == ["Sam Whitley", "Ines Duarte"]
    assert [(turn.kind, turn.speaker, turn.timestamp) for turn in t.turns()] == [
        (Kind.QUESTION, "sam-whitley", 4.0),
        (Kind.ANSWER, "ines-duarte", 11.0),
        (Kind.QUESTION, "sam-whitley", 31.0),
        (Kind.ANSWER, "ines-duarte", 36.0),
        (Kind.REMARK, "sam-whitley", 62.0),
    ]
    answer = " ".join(t.sections[0].turns[1].paragraphs)
    assert answer.endswith("We are scanning them now, two interns, all of February.")  # the row with no speaker
    assert t.sections[0].turns[3].paragraphs == ("Transient slips go online.", "No more calling the office at six in the morning.")
    assert (2, 2, "table header row") in [(s.first_line, s.last_line, s.reason) for s in t.skipped]


def test_newsroom_file_end_to_end():
    t = qaformat.read(DOCX / "newsroom.docx")
    assert t.title == "Q&A: The last ferry captain on Pike Sound"
    assert [(s.name, s.aliases) for s in t.speakers] == [("Nadia Brooks", ("Nadia Brooks", "Brooks")),
                                                        ("Tomas Varga", ("Tomas Varga", "Varga"))]
    assert [s.heading for s in t.sections] == ["Starting out", "Fog, tides and the last run"]
    assert [turn.kind for turn in t.turns()] == [Kind.QUESTION, Kind.ANSWER] * 3 + [Kind.REMARK]
    assert t.sections[0].turns[3].paragraphs == ("Second. The first was the Osprey, a little forty-car boat.",
                                                 "She rolled like a barrel.")
    assert t.metadata["author"] == "Nadia Brooks"


def test_oral_history_file_end_to_end():
    """The bold project title is the title, not a speaker with no words; the header's fields and the
    tape line are left out; the header's "Interviewer:" and "Narrator:" name the surname labels."""
    t = qaformat.read(DOCX / "oral_history.docx")
    assert t.title == "HARBOR CANNERY WORKERS ORAL HISTORY PROJECT"
    assert [(s.id, s.name, s.role.value, s.aliases) for s in t.speakers] == [
        ("tomas-okafor", "Tomas Okafor", "interviewer", ("OKAFOR",)),
        ("evelyn-marsh", "Evelyn Marsh", "interviewee", ("MARSH",))]
    assert [s.heading for s in t.sections] == [None]
    assert [turn.kind for turn in t.turns()] == [Kind.QUESTION, Kind.ANSWER] * 3 + [Kind.REMARK]
    assert (2, 7, "byline, dateline or header") in [(s.first_line, s.last_line, s.reason) for s in t.skipped]
    named = [d.message for d in t.diagnostics if d.code == "speaker-named-by-header"]
    assert named == ["MARSH is Evelyn Marsh, as the header says ('Narrator: Evelyn Marsh')",
                     "OKAFOR is Tomas Okafor, as the header says ('Interviewer: Tomas Okafor')"]
    assert "empty-turn" not in {d.code for d in t.diagnostics}


# -- our own DOCX output reads back ---------------------------------------------------------------

OWN = """Nadia Brooks: How did you end up on the water?

Tomas Varga: My uncle ran a tug out of Ashby.

[Editor's note: The Osprey was scrapped in 2001.]

Nadia Brooks: Was the Marguerite your first command?

Tomas Varga: Second.
"""


def test_our_docx_reads_back_with_its_styles():
    original = qaformat.parse("# The last ferry captain\n\n" + OWN, format="markdown")
    doc = read_docx(qaformat.render(original, "docx"))
    assert [(b.style, b.bold_prefix, b.italic, b.title) for b in doc.blocks] == [
        ("Title", 0, False, True),
        ("QA Question", len("Nadia Brooks:"), False, False),
        ("QA Answer", len("Tomas Varga:"), False, False),
        ("QA Note", 0, True, False),
        ("QA Question", len("Nadia Brooks:"), False, False),
        ("QA Answer", len("Tomas Varga:"), False, False),
    ]
    again = qaformat.parse(qaformat.render(original, "docx"), format="docx")
    assert [(t.kind, t.speaker, t.paragraphs) for t in again.turns()] == [(t.kind, t.speaker, t.paragraphs) for t in original.turns()]
    assert again.title == original.title


def test_our_docx_with_timestamps_reads_back():
    original = qaformat.parse(qaformat.render(qaformat.parse(OWN), "docx", RenderOptions(timestamps=True)), format="docx")
    assert [t.kind for t in original.turns()] == [Kind.QUESTION, Kind.ANSWER, Kind.NOTE, Kind.QUESTION, Kind.ANSWER]


def test_qa_speaker_and_qa_note_count_even_when_restyled():
    document = docx.Document()
    speaker = document.styles.add_style("QA Speaker", WD_STYLE_TYPE.CHARACTER)
    speaker.font.bold = False  # a house template made labels small caps instead
    note = document.styles.add_style("QA Note", WD_STYLE_TYPE.PARAGRAPH)
    note.font.italic = False
    paragraph = document.add_paragraph(style=document.styles.add_style("QA Question", WD_STYLE_TYPE.PARAGRAPH))
    paragraph.add_run("Jane Roe:", style="QA Speaker")
    paragraph.add_run(" Where were you born?")
    document.add_paragraph("Recording paused.", style="QA Note")
    question, pause = read_docx(_bytes(document)).blocks
    assert (question.style, question.bold_prefix) == ("QA Question", len("Jane Roe:"))
    assert (pause.style, pause.italic) == ("QA Note", True)


def _speaker_styled(*paragraphs: tuple[str, str], style: str = "Speaker Name") -> bytes:
    """A document whose paragraphs open with a name in a character style and no colon after it."""
    document = docx.Document()
    document.styles.add_style(style, WD_STYLE_TYPE.CHARACTER).font.small_caps = True
    document.add_paragraph("Harbour Pilots Oral History: Ines Calloway")
    for name, text in paragraphs:
        paragraph = document.add_paragraph()
        paragraph.add_run(name, style=style)
        paragraph.add_run("\t" + text)
    return _bytes(document)


def test_a_name_in_a_speakers_character_style_is_the_label_without_a_colon():
    data = _speaker_styled(
        ("Okoro", "This is Dayo Okoro with Ines Calloway. When did you first go out with a pilot?"),
        ("Calloway", "At fifteen, on my uncle's launch, in a north-easterly."),
        ("Okoro", "What did the pilots teach you first?"),
        ("Calloway", "To keep my mouth shut and my hands off the wheel."),
        ("Okoro", "And the second thing?"),
        ("Calloway", "Tide tables. Before anything else, the tide tables."),
    )
    title, first, *_ = read_docx(data).blocks
    assert (title.speaker, first.speaker, first.text) == (
        None, "Okoro", "This is Dayo Okoro with Ines Calloway. When did you first go out with a pilot?")
    t = qaformat.parse(data, format="docx", source="pilots.docx")
    assert [s.name for s in t.speakers] == ["Okoro", "Calloway"]
    assert [(kind, speaker) for _, kind, speaker, _ in _turns(t)] == [
        (Kind.QUESTION, "okoro"), (Kind.ANSWER, "calloway")] * 3


def test_speaker_styled_names_with_a_colon_and_other_styles_stay_text():
    # A colon after the styled name is the ordinary label, found by the label finder; a lead-in
    # in a style not named for speakers (Strong, a template's "Lead In") is no label at all.
    colon = read_docx(_speaker_styled(("Okoro:", "When did you start?"))).blocks[1]
    assert (colon.speaker, colon.text) == (None, "Okoro:\tWhen did you start?")
    lead_in = read_docx(_speaker_styled(("The tides", "were the first lesson."), style="Lead In")).blocks[1]
    assert (lead_in.speaker, lead_in.text) == (None, "The tides\twere the first lesson.")
    alone = read_docx(_speaker_styled(("Okoro", ""))).blocks[1]
    assert (alone.speaker, alone.text) == (None, "Okoro")


# -- smaller cases ----------------------------------------------------------------------------


def test_bold_prefix_spans_runs_and_stops_at_plain_text():
    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("Dr. Alexander").bold = True
    p.add_run(" ")
    p.add_run("Petrov:").bold = True
    p.add_run(" Good ")
    p.add_run("morning").bold = True
    whole = document.add_paragraph()
    whole.add_run("  A bold heading line  ").bold = True
    off = document.add_paragraph()
    off.add_run("Not bold").bold = False
    label, heading, plain = read_docx(_bytes(document)).blocks
    assert (label.text, label.bold_prefix) == ("Dr. Alexander Petrov: Good morning", len("Dr. Alexander Petrov:"))
    assert (heading.text, heading.bold_prefix) == ("A bold heading line", len("A bold heading line"))
    assert plain.bold_prefix == 0


def test_line_breaks_and_empty_lines_inside_a_paragraph():
    document = docx.Document()
    p = document.add_paragraph()
    run = p.add_run("Speaker 1  0:00")
    run.add_break()
    run.add_break()  # an empty line: the next line has a gap before it
    p.add_run("First line")
    p.runs[-1].add_break()
    p.add_run("Second line\tafter a tab")
    blocks = read_docx(_bytes(document)).blocks
    assert [(b.text, b.line, b.gap_before) for b in blocks] == [
        ("Speaker 1  0:00", 1, True), ("First line", 1, True), ("Second line\tafter a tab", 1, False)]


def test_heading_levels_and_styles_based_on_headings():
    document = docx.Document()
    document.add_heading("Part one", level=1)
    document.add_heading("Deep", level=8)  # Word goes to 9; blocks stop at 6
    custom = document.styles.add_style("Interview Section", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 3"]
    document.add_paragraph("Fog", style="Interview Section")
    blocks = read_docx(_bytes(document)).blocks
    assert [(b.text, b.heading, b.style) for b in blocks] == [
        ("Part one", 1, "Heading 1"), ("Deep", 6, "Heading 8"), ("Fog", 3, "Interview Section")]


def test_speaker_text_tables_and_other_tables():
    document = docx.Document()
    two = document.add_table(rows=0, cols=2)
    for speaker, text in (("Speaker", "Text"), ("Q:", "Where were you born?"), ("A:", "In Lund, on the island.")):
        cells = two.add_row().cells
        cells[0].text, cells[1].text = speaker, text
    document.add_paragraph("Between the tables.")
    grid = document.add_table(rows=2, cols=4)  # a price list, not a transcript
    for row, values in zip(grid.rows, (("Route", "Adult", "Child", "Car"), ("Lund", "4.50", "2.25", "18.00")), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    doc = read_docx(_bytes(document))
    assert doc.omitted == (Omitted(1, 1, "table header row"),)
    assert [(b.line, b.text, b.speaker) for b in doc.blocks] == [
        (2, "Where were you born?", "Q"),
        (3, "In Lund, on the island.", "A"),
        (4, "Between the tables.", None),
        (5, "Route", None), (5, "Adult", None), (5, "Child", None), (5, "Car", None),
        (6, "Lund", None), (6, "4.50", None), (6, "2.25", None), (6, "18.00", None),
    ]


def test_tracked_changes_hyperlinks_and_content_controls():
    document = docx.Document()
    body = document.element.body
    body.insert(0, parse_xml(
        f'<w:p {W_NS}>'
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Jane Roe: </w:t></w:r>'
        '<w:del w:id="1" w:author="ed"><w:r><w:delText>I was born </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="ed"><w:r><w:t xml:space="preserve">Born </w:t></w:r></w:ins>'
        '<w:hyperlink><w:r><w:t>in Lund</w:t></w:r></w:hyperlink>'
        '<w:r><w:t>.</w:t></w:r>'
        '</w:p>'))
    body.insert(1, parse_xml(
        f'<w:sdt {W_NS}><w:sdtContent><w:p><w:r><w:t>Inside a content control</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    body.insert(2, parse_xml(f'<w:p {W_NS}><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Bold off</w:t></w:r></w:p>'))
    blocks = read_docx(_bytes(document)).blocks
    assert [(b.line, b.text, b.bold_prefix) for b in blocks] == [
        (1, "Jane Roe: Born in Lund.", len("Jane Roe:")), (2, "Inside a content control", 0), (3, "Bold off", 0)]


def test_defaults_of_pythons_template_are_not_metadata():
    assert read_docx(_bytes(docx.Document())).metadata == {}


# -- bad input --------------------------------------------------------------------------------


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _with_part(name: str, content: bytes) -> bytes:
    good = (DOCX / "newsroom.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(good)) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    return _zip({**parts, name: content})


def _without(name: str) -> bytes:
    good = (DOCX / "newsroom.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(good)) as source:
        return _zip({n: source.read(n) for n in source.namelist() if n != name})


_XLSX_RELS = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              b'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_XLSX_WORKBOOK = b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
_NO_MAIN_RELS = b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'


@pytest.mark.parametrize(("data", "why"), [
    ((DOCX / "bad-truncated.docx").read_bytes(), "the zip archive is damaged or truncated"),
    ((DOCX / "bad-text.docx").read_bytes(), "it is not a zip archive"),
    ((DOCX / "bad-no-document.docx").read_bytes(), "a zip archive that has no _rels/.rels (the package relationships"),
    (b"", "the file is empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old Word 97-2003 .doc"),
    (_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}), "an Excel workbook has no"),
    (_zip({"_rels/.rels": _XLSX_RELS, "xl/workbook.xml": _XLSX_WORKBOOK}),
     "an Excel workbook, not a Word document (main part xl/workbook.xml)"),
    (_with_part("_rels/.rels", _NO_MAIN_RELS), "_rels/.rels has no officeDocument relationship naming the main document"),
    (_without("word/document.xml"),
     "_rels/.rels: the officeDocument relationship rId1 points to word/document.xml, which the package does not have"),
    (_without("word/styles.xml"), "word/_rels/document.xml.rels: the styles relationship rId"),
    (_with_part("_rels/.rels", b"<Relationships"), "its parts are damaged (_rels/.rels: "),
    (_with_part("word/document.xml", b"<w:document"), "its parts are damaged (word/document.xml: "),
    (_with_part("word/styles.xml", b"<<"), "its parts are damaged (word/styles.xml: "),
    (_with_part("word/document.xml", f"<w:document {W_NS}/>".encode()), "word/document.xml has no body"),
], ids=["truncated", "text", "no-rels", "empty", "old-doc", "xlsx-no-rels", "xlsx", "no-main-relationship",
        "main-part-missing", "styles-part-missing", "bad-rels", "bad-xml", "bad-styles", "no-body"])
def test_bad_files_are_input_errors(data, why):
    with pytest.raises(InputError, match=r"not a Word \.docx file") as caught:
        read_docx(data, "talk.docx")
    assert why in str(caught.value)
    assert caught.value.source == "talk.docx"


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<" + b" " * (300 * 2**20))
    assert len(buffer.getvalue()) < 2**20
    with pytest.raises(InputError, match="its parts would unpack to 300 MiB; the limit is 256 MiB"):
        read_docx(buffer.getvalue())


def test_text_handed_to_the_docx_reader_is_an_input_error():
    with pytest.raises(InputError, match="got text"):
        qaformat.parse("Jane: hi", format="docx")


@pytest.mark.parametrize("name", ["bad-truncated.docx", "bad-text.docx", "bad-no-document.docx"])
def test_bad_files_through_read(name):
    with pytest.raises(InputError, match=r"not a Word \.docx file") as caught:
        qaformat.read(DOCX / name)
    assert caught.value.source == str(DOCX / name)


@pytest.mark.parametrize("name", ["bad-truncated.docx", "bad-text.docx", "bad-no-document.docx"])
def test_bad_files_through_the_command_line(tmp_path, name):
    bad = tmp_path / "bad.docx"
    shutil.copy(DOCX / name, bad)
    result = subprocess.run([sys.executable, "-m", "qaformat", "convert", str(bad), "-t", "json"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"qaformat: error: {bad}: not a Word .docx file: ")


# -- detection --------------------------------------------------------------------------------


def test_detection_by_suffix_and_content(tmp_path):
    data = (DOCX / "newsroom.docx").read_bytes()
    assert detect("talk.docx", data[:512]) == "docx"
    assert detect("talk.DOCX", b"Jane: hi") == "docx"  # the suffix; the reader then says what it really is
    assert detect("talk.txt", data[:512]) == "docx"  # the content is unmistakable
    assert detect(None, data[:512]) == "docx"
    misnamed = tmp_path / "talk.txt"
    misnamed.write_bytes(data)
    assert qaformat.read(misnamed).title == "Q&A: The last ferry captain on Pike Sound"


def test_a_plain_zip_is_still_refused_by_the_text_reader():
    data = _zip({"a.txt": b"x"})
    assert detect("a.txt", data[:512]) == "text"
    with pytest.raises(InputError, match=r"a \.docx is read with format='docx'"):
        read_text(data)


def test_from_docx_overrides_the_suffix(tmp_path):
    odd = tmp_path / "talk.bin"
    shutil.copy(DOCX / "newsroom.docx", odd)
    assert qaformat.read(odd, format="docx").title == "Q&A: The last ferry captain on Pike Sound"
    result = subprocess.run([sys.executable, "-m", "qaformat", "convert", str(odd), "--from", "docx", "-t", "json"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert '"Tomas Varga"' in result.stdout


# -- parts found through relationships --------------------------------------------------------

sys.path.insert(0, str(FIXTURES))
import make_word_corpus as ooxml  # noqa: E402

NUMBERING = ooxml.CT_WML + "numbering+xml"


def _package(body: str, *, main: str = "word/document.xml", target: str | None = None,
             related: dict[str, tuple[str, bytes]] | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """A package whose main part is ``main`` (named in _rels/.rels by ``target``), with parts related to it
    by kind (``{"numbering": ("numbering.xml", content)}``)."""
    folder, file = main.rsplit("/", 1)
    related = related or {}
    parts = {
        "[Content_Types].xml": ooxml.content_types({main: ooxml.CT_MAIN}),
        "_rels/.rels": ooxml.rels([("rId1", ooxml.RT + "officeDocument", target or main)]),
        main: ooxml.document_xml(body),
        f"{folder}/_rels/{file}.rels": ooxml.rels(
            [(f"rId{i}", ooxml.RT + kind, name) for i, (kind, (name, _)) in enumerate(related.items(), start=1)]),
    }
    for name, content in related.values():
        parts[f"{folder}/{name}"] = content
    return ooxml.zip_parts({**parts, **(extra or {})})


def _texts(data: bytes) -> list[str]:
    return [block.text for block in read_docx(data).blocks]


@pytest.mark.parametrize(("main", "target"), [
    ("word/document2.xml", "/word/document2.xml"),  # Word for the web: absolute targets
    ("word/document2.xml", "word/document2.xml"),
    ("Word/Main Document.xml", "Word/Main%20Document.xml"),  # percent-encoded, and the case of a name is free
    ("content/body.xml", "./content/../content/body.xml"),
])
def test_the_main_part_is_whatever_the_relationship_names(main, target):
    data = _package(ooxml.paragraph(ooxml.run("Jane Roe: Born in Lund.")), main=main, target=target)
    assert _texts(data) == ["Jane Roe: Born in Lund."]


@pytest.mark.parametrize("kind", ["styles", "numbering", "footnotes", "endnotes", "header", "footer"])
def test_a_relationship_to_a_missing_part_is_one_line_naming_it(kind):
    data = _package(ooxml.paragraph(ooxml.run("Hello")), related={kind: (f"{kind}.xml", b"")})
    data = ooxml.zip_parts({n: c for n, c in _parts(data).items() if n != f"word/{kind}.xml"})
    with pytest.raises(InputError) as caught:
        read_docx(data, "talk.docx")
    assert str(caught.value) == (f"talk.docx: not a Word .docx file: word/_rels/document.xml.rels: the {kind} relationship"
                                 f" rId1 points to word/{kind}.xml, which the package does not have")


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_missing_main_part_through_the_command_line(tmp_path):
    bad = tmp_path / "talk.docx"
    bad.write_bytes(ooxml.zip_parts({n: c for n, c in _parts((DOCX / "newsroom.docx").read_bytes()).items()
                                     if n != "word/document.xml"}))
    result = subprocess.run([sys.executable, "-m", "qaformat", "convert", str(bad), "-t", "json"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"qaformat: error: {bad}: not a Word .docx file: _rels/.rels: the officeDocument relationship rId1 points to"
        " word/document.xml, which the package does not have"]


# -- list numbers -----------------------------------------------------------------------------


def _numbering(*levels: tuple[str, str, str], restart: bool = False) -> bytes:
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                   f'<w:suff w:val="{suffix}"/></w:lvl>' for i, (fmt, text, suffix) in enumerate(levels))
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    return ooxml.xml(f'<w:numbering xmlns:w="{ooxml.W_NS}"><w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>'
                     f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                     f'<w:num w:numId="2"><w:abstractNumId w:val="0"/>{override}</w:num></w:numbering>')


def _numbered(text: str, num: int = 1, level: int = 0) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
            f'{ooxml.run(text)}</w:p>')


def test_list_numbers_are_read_as_word_draws_them():
    numbering = _numbering(("decimal", "Q%1.", "space"), ("lowerLetter", "(%2)", "tab"), ("bullet", "\u2022", "tab"))
    body = (_numbered("Where were you born?") + _numbered("In Lund.", level=1) + _numbered("On the island.", level=1)
            + _numbered("A bullet has no text.", level=2) + _numbered("And then?")
            + _numbered("A second list goes on counting.", num=2)
            + '<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Numbering off.</w:t></w:r></w:p>')
    data = _package(body, related={"numbering": ("numbering.xml", numbering)})
    assert _texts(data) == ["Q1. Where were you born?", "(a) In Lund.", "(b) On the island.", "A bullet has no text.",
                            "Q2. And then?", "Q3. A second list goes on counting.", "Numbering off."]


def test_a_list_that_restarts_and_numbering_from_a_style():
    numbering = _numbering(("upperRoman", "%1.", "nothing"), restart=True)
    styles = ooxml.xml(f'<w:styles xmlns:w="{ooxml.W_NS}"><w:style w:type="paragraph" w:styleId="Q">'
                       '<w:name w:val="Question"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
                       '</w:styles>')
    body = (ooxml.paragraph(ooxml.run("One"), "Q") + ooxml.paragraph(ooxml.run("Two"), "Q") + _numbered("Again", num=2))
    data = _package(body, related={"numbering": ("numbering.xml", numbering), "styles": ("styles.xml", styles)})
    assert _texts(data) == ["I.One", "II.Two", "I.Again"]


# -- footnotes and endnotes -------------------------------------------------------------------


def _cite(kind: str, number: int, custom: str = "") -> str:
    follows = ' w:customMarkFollows="1"' if custom else ""
    return f'<w:r><w:{kind}Reference{follows} w:id="{number}"/>{ooxml.text_run(custom) if custom else ""}</w:r>'


def test_footnotes_and_endnotes_follow_the_paragraph_that_cites_them():
    body = (ooxml.paragraph(ooxml.run("Jane Roe: I was born in Lund") + _cite("footnote", 2) + ooxml.run(" in 1961")
                            + _cite("endnote", 1) + ooxml.run("."))
            + ooxml.paragraph(ooxml.run("Sam: And then?") + _cite("footnote", 1, custom="*")))
    data = _package(body, related={"footnotes": ("footnotes.xml", ooxml.note_part("footnote", ["Asterisk note.", "On the island."])),
                                   "endnotes": ("endnotes.xml", ooxml.note_part("endnote", ["Checked against the register."]))})
    doc = read_docx(data)
    assert [(b.text, b.line, b.italic) for b in doc.blocks] == [
        ("Jane Roe: I was born in Lund[1] in 1961[i].", 1, False),
        ("[1] On the island.", 1, True),
        ("[i] Checked against the register.", 1, True),
        ("Sam: And then?*", 2, False),
        ("Asterisk note.", 2, True),  # a mark of the author's own: the note's text carries it, if anything
    ]


def test_a_note_nobody_cites_is_kept_at_the_end():
    data = _package(ooxml.paragraph(ooxml.run("Jane Roe: Hello.")),
                    related={"footnotes": ("footnotes.xml", ooxml.note_part("footnote", ["Orphan note."]))})
    assert [(b.text, b.line) for b in read_docx(data).blocks] == [("Jane Roe: Hello.", 1), ("Orphan note.", 1)]


def test_header_and_footer_text_is_metadata():
    header = ooxml.xml(f'<w:hdr xmlns:w="{ooxml.W_NS}">{ooxml.paragraph(ooxml.run("Ledger"))}'
                       f'{ooxml.paragraph(ooxml.run("Draft"))}</w:hdr>')
    footer = ooxml.xml(f'<w:ftr xmlns:w="{ooxml.W_NS}">{ooxml.paragraph(ooxml.run("Page 3 of 9"))}</w:ftr>')
    data = _package(ooxml.paragraph(ooxml.run("Jane Roe: Hello.")),
                    related={"header": ("header1.xml", header), "footer": ("footer1.xml", footer)})
    assert dict(read_docx(data).metadata) == {"page_header": "Ledger | Draft", "page_footer": "Page 3 of 9"}


def test_core_properties_are_found_through_the_package_relationships():
    parts = {
        "_rels/.rels": ooxml.rels([("rId1", ooxml.RT + "officeDocument", "word/document.xml"),
                                   ("rId2", ooxml.CORE_TYPE, "meta/properties.xml")]),
        "word/document.xml": ooxml.document_xml(ooxml.paragraph(ooxml.run("Jane Roe: Hello."))),
        "meta/properties.xml": ooxml.core_part("Born in Lund"),
        "docProps/core.xml": ooxml.core_part("Not this one: no relationship names it"),
    }
    assert dict(read_docx(ooxml.zip_parts(parts)).metadata) == {"title": "Born in Lund", "author": "Lena Holt",
                                                                "date": "2025-05-02"}
    strict = read_docx((FIXTURES / "word_corpus" / "strict.docx").read_bytes())
    assert dict(strict.metadata) == {"title": "Q&A: The piano tuner who keeps a ledger", "author": "Lena Holt",
                                     "date": "2025-05-02"}


def test_a_damaged_entry_names_its_part():
    data = bytearray((FIXTURES / "word_corpus" / "strict.docx").read_bytes())
    start = data.find(b"word/document.xml") + 40  # into the compressed bytes of the main part
    data[start:start + 50] = bytes(50)
    with pytest.raises(InputError, match=r"not a Word \.docx file: the zip archive is damaged or truncated "
                                         r"\(word/document\.xml\)$"):
        read_docx(bytes(data))
