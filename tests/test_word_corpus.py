"""One interview from many producers: every Word file and web page gives the same turns.

The files in tests/fixtures/word_corpus/ are made by tests/fixtures/make_word_corpus.py from the
interview written there (`TITLE`, `INTRO`, `SECTIONS`). The ones the script writes itself are
checked against it byte for byte; pandoc's and LibreOffice's are committed, and remade here
with the installed programs where they are present (in CI they must be).
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

import qaformat
from qaformat.model import Kind
from qaformat.options import SpeakerSpec
from qaformat.readers.docx_reader import read_docx
from qaformat.readers.html_reader import read_html
from tests.conftest import need_program

CORPUS = Path(__file__).parent / "fixtures" / "word_corpus"
sys.path.insert(0, str(CORPUS.parent))
import make_word_corpus as corpus  # noqa: E402

SPEECH = [(speaker, tuple(paragraphs)) for speaker, paragraphs, _ in corpus.turns()]
KINDS = [Kind.QUESTION, Kind.ANSWER] * 4 + [Kind.REMARK]  # the closing thanks asks nothing
DOCX_FILES = ["python-docx.docx", "pandoc.docx", "libreoffice.docx", "strict.docx"]
HTML_FILES = ["hand-written.html", "word-filtered.html", "word-web-page.html", "google-docs.html", "libreoffice.html"]


def _turns(transcript: qaformat.Transcript) -> list[tuple[Kind, str | None, tuple[str, ...]]]:
    names = {speaker.id: speaker.name for speaker in transcript.speakers}
    return [(turn.kind, names.get(turn.speaker or ""), turn.paragraphs) for turn in transcript.turns()]


def _expected() -> list[tuple[Kind, str | None, tuple[str, ...]]]:
    return [(kind, speaker, paragraphs) for kind, (speaker, paragraphs) in zip(KINDS, SPEECH, strict=True)]


def _check_interview(transcript: qaformat.Transcript) -> None:
    assert _turns(transcript) == _expected()
    assert transcript.title == corpus.TITLE
    assert transcript.intro == (corpus.INTRO, corpus.NOTE)
    assert [section.heading for section in transcript.sections] == [heading for heading, _ in corpus.SECTIONS]


# -- the files ----------------------------------------------------------------------------------


def test_the_files_match_the_script(tmp_path):
    for path in corpus.build(tmp_path):
        assert path.read_bytes() == (CORPUS / path.name).read_bytes(), f"{path.name}: run tests/fixtures/make_word_corpus.py"
    for name in corpus.EXTERNAL:
        assert (CORPUS / name).stat().st_size > 0


@pytest.mark.parametrize("name", DOCX_FILES + HTML_FILES)
def test_every_producer_gives_the_same_interview(name):
    _check_interview(qaformat.read(CORPUS / name))


def test_libreoffice_page_title_and_byline_are_found_by_the_pages_metadata():
    # LibreOffice writes the title as a bold paragraph and the author as a plain one under it, with
    # no class; <title> and <meta name="author"> say what they are.
    doc = read_html((CORPUS / "libreoffice.html").read_bytes())
    assert (doc.metadata["page_title"], doc.metadata["author"]) == (corpus.TITLE, corpus.INTERVIEWER)
    assert (doc.blocks[0].text, doc.blocks[0].title) == (corpus.TITLE, True)
    assert doc.blocks[1].text == corpus.INTRO
    assert [o.reason for o in doc.omitted] == ["style sheet", "author line (the page's author)", "page footer"]


def test_word_and_google_pages_give_the_blocks_of_a_hand_written_page():
    """Text and hints line for line: Word's title class and Google's classes count as <h1>, <b> and <i> do."""
    def hints(name: str) -> list[tuple[str, bool, int, bool]]:
        blocks = read_html((CORPUS / name).read_bytes()).blocks
        return [(b.text.replace("\xa0", " "), b.title or b.heading == 1, b.bold_prefix, b.italic) for b in blocks]

    hand = hints("hand-written.html")
    assert hints("word-filtered.html") == hand
    assert hints("google-docs.html") == hand
    # "Web Page" adds a list item after the interview, its bullet drawn by Word's conditional comments
    *same, bullet = hints("word-web-page.html")
    assert same == hand
    assert bullet == ("\u00b7    Recorded at the Lund Island ferry dock.", False, 0, False)  # &nbsp; as a browser shows it


def test_word_pages_are_windows_1252_and_their_office_markup_is_no_text():
    data = (CORPUS / "word-web-page.html").read_bytes()
    assert "\u2019".encode("cp1252") in data and b"<o:p>" in data and b"<![if !supportLists]>" in data
    doc = read_html(data)
    assert doc.diagnostics == ()  # the declared charset is used: no fallback warning
    assert not any(block.text.isspace() for block in doc.blocks)  # <o:p>&nbsp;</o:p> is a blank line
    # Word's hidden document settings are comments; the markers around list bullets are not reported
    assert [(o.first_line, o.last_line, o.reason) for o in doc.omitted] == [
        (10, 15, "HTML comment"), (16, 20, "HTML comment"), (21, 35, "style sheet")]


# -- Strict -------------------------------------------------------------------------------------


def _as_transitional(data: bytes) -> bytes:
    """The same package with every Strict namespace and relationship type in its transitional form."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    swaps = [(corpus.W_STRICT, corpus.W_NS), (corpus.RT_STRICT, corpus.RT), (corpus.R_STRICT, corpus.R_NS)]
    for old, new in swaps:
        parts = {name: content.replace(old.encode(), new.encode()) for name, content in parts.items()}
    assert not any(b"purl.oclc.org" in content for content in parts.values())
    return corpus.zip_parts(parts)


def test_strict_reads_exactly_like_transitional():
    strict = (CORPUS / "strict.docx").read_bytes()
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in zipfile.ZipFile(io.BytesIO(strict)).read("word/document.xml")
    assert read_docx(strict) == read_docx(_as_transitional(strict))
    blocks = read_docx(strict).blocks
    assert (blocks[0].title, blocks[2].italic, blocks[3].bold_prefix) == (True, True, len("Lena Holt:"))
    assert next(b for b in blocks if b.text == "The trade").heading == 2


# -- Transcribe ---------------------------------------------------------------------------------


def test_transcribe_main_part_is_found_through_the_relationships():
    data = (CORPUS / "transcribe.docx").read_bytes()
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "word/document2.xml" in names and "word/document.xml" not in names
    labels = {corpus.INTERVIEWER: "Speaker 1", corpus.GUEST: "Speaker 2"}
    expected = []
    for speaker, paragraphs, seconds in corpus.turns():
        for index, said in enumerate(paragraphs):
            expected += [f"{corpus.timestamp(seconds + 9 * index)} {labels[speaker]}", said]
    blocks = read_docx(data).blocks
    assert [b.text for b in blocks] == expected
    assert [b.line for b in blocks] == list(range(1, len(expected) + 1))
    assert all(b.gap_before and b.bold_prefix == 0 for b in blocks)


def test_transcribe_gives_the_same_turns_with_times():
    transcript = qaformat.read(CORPUS / "transcribe.docx")
    labels = {corpus.INTERVIEWER: "Speaker 1", corpus.GUEST: "Speaker 2"}
    assert _turns(transcript) == [(kind, labels[speaker], paragraphs) for kind, speaker, paragraphs in _expected()]
    assert [turn.timestamp for turn in transcript.turns()] == [float(seconds) for _, _, seconds in corpus.turns()]
    assert transcript.skipped == ()
    # With the speakers named, as an editor does: the very turns of every other producer
    speakers = dict(SpeakerSpec.parse(text) for text in (f"Speaker 1={corpus.INTERVIEWER}:interviewer",
                                                          f"Speaker 2={corpus.GUEST}:interviewee"))
    named = qaformat.read(CORPUS / "transcribe.docx", options=qaformat.ParseOptions(speakers=speakers))
    assert _turns(named) == _expected()


# -- footnotes, content controls, hyperlinks, tracked changes, fields ---------------------------


def test_features_give_the_same_turns_and_keep_the_notes():
    transcript = qaformat.read(CORPUS / "features.docx")
    expected = []
    for kind, speaker, paragraphs in _expected():
        for words, note, mark in ((corpus.FOOTNOTE[0], corpus.FOOTNOTE[1], "[1]"), (corpus.ENDNOTE[0], corpus.ENDNOTE[1], "[i]")):
            if words in paragraphs[0]:
                expected.append((kind, speaker, (paragraphs[0].replace(words, words + mark, 1), *paragraphs[1:])))
                expected.append((Kind.NOTE, None, (f"{mark} {note}",)))
                break
        else:
            expected.append((kind, speaker, paragraphs))
    assert _turns(transcript) == expected
    assert transcript.title == corpus.TITLE
    assert transcript.skipped == ()
    # The page header is kept as metadata; a footer that is only a page number is not
    assert transcript.metadata["page_header"] == "Lund Island Ledger \u2014 interview transcript"
    assert "page_footer" not in transcript.metadata


def test_a_note_follows_its_paragraph_with_its_line_and_renders():
    doc = read_docx((CORPUS / "features.docx").read_bytes())
    citing = next(i for i, b in enumerate(doc.blocks) if "in 1978[1]" in b.text)
    note = doc.blocks[citing + 1]
    assert (note.text, note.line, note.italic, note.style) == (
        f"[1] {corpus.FOOTNOTE[1]}", doc.blocks[citing].line, True, "footnote text")
    transcript = qaformat.read(CORPUS / "features.docx")
    for fmt in ("html", "md"):
        assert corpus.FOOTNOTE[1] in str(qaformat.render(transcript, fmt))
        assert corpus.ENDNOTE[1] in str(qaformat.render(transcript, fmt))


# -- the producers themselves -------------------------------------------------------------------


@pytest.mark.external
def test_pandoc_today_gives_the_same_interview(tmp_path):
    need_program("pandoc")
    corpus.pandoc(corpus.markdown(), tmp_path / "today.docx")
    _check_interview(qaformat.read(tmp_path / "today.docx"))


@pytest.mark.external
def test_libreoffice_today_gives_the_same_interview(tmp_path):
    need_program("soffice")
    source = tmp_path / "source.docx"
    source.write_bytes(corpus.python_docx())
    converted = corpus.soffice(source, "docx", tmp_path / "out")
    assert converted.read_bytes() != source.read_bytes()
    _check_interview(qaformat.read(converted))
    page = corpus.soffice(source, "html", tmp_path / "out")
    _check_interview(qaformat.read(page))


def test_a_byline_under_the_title_is_not_the_title():
    # pandoc writes `author:` metadata as an "Author" paragraph under the Title (as in pandoc.docx).
    body = (corpus.paragraph(corpus.run(corpus.TITLE), "Title") + corpus.paragraph(corpus.run(corpus.INTERVIEWER))
            + corpus.paragraph(corpus.run(corpus.INTRO))
            + "".join(corpus.paragraph(corpus.run(f"{speaker}: {paragraphs[0]}")) for speaker, paragraphs, _ in corpus.turns()))
    data = corpus.zip_parts({
        "_rels/.rels": corpus.rels([("rId1", corpus.RT + "officeDocument", "word/document.xml")]),
        "word/document.xml": corpus.document_xml(body),
        "word/_rels/document.xml.rels": corpus.rels([("rId1", corpus.RT + "styles", "styles.xml")]),
        "word/styles.xml": corpus.styles_part(corpus.W_NS),
    })
    assert read_docx(data).blocks[0].title
    assert qaformat.parse(data, format="docx").title == corpus.TITLE


def test_pandocs_author_line_is_a_reported_byline():
    doc = read_docx((CORPUS / "pandoc.docx").read_bytes())
    assert [(o.first_line, o.reason) for o in doc.omitted] == [(2, "author line (Author style)")]
    assert corpus.INTERVIEWER not in [block.text for block in doc.blocks]
    assert [(s.first_line, s.reason) for s in qaformat.read(CORPUS / "pandoc.docx").skipped] == [
        (2, "author line (Author style)")]
