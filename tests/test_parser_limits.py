"""Parser limits never cut content silently: a page with a 20 MB attribute or text is read in
full; a limit that stops reading (nesting depth, the XML parser's text size in a Word part, the
zip and input sizes, JSON nesting) is a one-line error naming the limit and the place; and no
message says the input has no text when it has."""

from __future__ import annotations

import io
import zipfile

import pytest

import qaformat
from benchmarks.shapes import docx_package, docx_paragraph
from qaformat.errors import InputError, ParseError
from qaformat.readers.html_reader import MAX_DEPTH, read_html

BIG = 11 * 1024 * 1024  # past libxml2's 10,000,000-character limit on one text or attribute


def turns(transcript: qaformat.Transcript) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(t.speaker, t.paragraphs) for t in transcript.turns()]


def test_a_page_with_a_huge_attribute_is_read_in_full():
    page = f'<html><body><img src="data:image/png;base64,{"A" * BIG}"><p>Q: Why?</p><p>A: Because.</p></body></html>'
    assert turns(qaformat.parse(page.encode(), format="html")) == [("q", ("Why?",)), ("a", ("Because.",))]


def test_a_page_with_a_huge_text_is_read_in_full():
    answer = "yes " * (BIG // 4)
    page = f"<html><body><p>Q: Why?</p><p>A: {answer}</p><p>Q: Sure?</p><p>A: Yes.</p></body></html>"
    found = turns(qaformat.parse(page.encode(), format="html"))
    assert [speaker for speaker, _ in found] == ["q", "a", "q", "a"]
    assert found[1][1] == (answer.strip(),)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1000, 3000])  # 3000: past libxml2's own limit too
def test_nesting_past_the_depth_limit_names_the_limit(depth):
    with pytest.raises(InputError, match=rf"^line 1: elements are nested more than {MAX_DEPTH} deep \(the HTML reader's limit\)$"):
        read_html("<div>" * depth + "Jane: hi" + "</div>" * depth)


def test_a_definition_list_nested_past_the_limit_is_refused_too():
    nested = "<dl><dt>Ann</dt><dd>" * MAX_DEPTH + "hi" + "</dd></dl>" * MAX_DEPTH
    with pytest.raises(InputError, match="nested more than"):
        read_html(nested)


def test_a_word_part_past_the_xml_text_limit_is_named_with_its_place():
    data = docx_package(docx_paragraph("Q: Why?") + docx_paragraph("A: " + "yes " * (BIG // 4)) + docx_paragraph("Q: Sure?") + docx_paragraph("A: Yes."))
    with pytest.raises(InputError) as caught:
        qaformat.parse(data, format="docx", source="talk.docx")
    message = str(caught.value)
    assert message.startswith("talk.docx: word/document.xml, line 1, column ")
    assert message.endswith(": a text longer than 10,000,000 characters, past the XML parser's limit;"
                            " the file cannot be read in full")
    assert "\n" not in message


def test_a_word_part_nested_past_the_xml_depth_limit_is_named():
    nested = "<w:tbl><w:tr><w:tc>" * 100 + docx_paragraph("A: deep") + "</w:tc></w:tr></w:tbl>" * 100
    data = docx_package(docx_paragraph("Q: Why?") + nested + docx_paragraph("Q: Sure?") + docx_paragraph("A: Yes."))
    with pytest.raises(InputError, match=r"word/document\.xml, line 1, column \d+: elements nested more than 256 deep,"
                                         r" past the XML parser's limit"):
        qaformat.parse(data, format="docx")


def test_a_zip_bomb_names_the_unpack_limit():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<" + b" " * (300 * 2**20))
    with pytest.raises(InputError, match=r"^its parts would unpack to 300 MiB; the limit is 256 MiB$"):
        qaformat.parse(buffer.getvalue(), format="docx")


def test_the_input_size_limit_is_named(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(65 * 2**20)
    with pytest.raises(InputError, match=r"huge\.txt: input is 68,157,440 bytes; the limit is 67,108,864 \(ParseOptions\(max_bytes=\.\.\.\)\)$"):
        qaformat.read(path)


def test_json_nested_past_the_parsers_limit_is_an_input_error():
    with pytest.raises(InputError, match="nested too deep for the JSON parser"):
        qaformat.load_json("[" * 100_000 + "]" * 100_000)


@pytest.mark.parametrize(("page", "reasons"), [
    ("<html><body><nav>Home: About</nav><script>var a = 1</script></body></html>", "page navigation, script"),
    ("<html><body><aside>Jane: hi</aside><!-- Ann: hello --></body></html>", "sidebar (aside), HTML comment"),
])
def test_a_page_whose_only_text_is_left_out_says_so(page, reasons):
    with pytest.raises(ParseError) as caught:
        qaformat.parse(page, format="html")
    assert str(caught.value) == f"line 1: no interview found: the input's only text is in parts left out ({reasons})"
    assert "has no text" not in str(caught.value)


def test_a_page_whose_only_text_is_its_metadata_says_so():
    page = '<html lang="en"><head><title>Talk</title></head><body></body></html>'
    with pytest.raises(ParseError, match=r"the input's only text is its metadata \(page_title, lang\)$"):
        qaformat.parse(page, format="html")


@pytest.mark.parametrize("data", ["", "   \n\n", "<html><body></body></html>"])
def test_an_input_with_no_text_says_so(data):
    with pytest.raises(ParseError, match="the input has no text"):
        qaformat.parse(data, format="html" if data.startswith("<") else "text")
