"""The plain-text reader: encodings, line ends, control characters, binary input, Markdown hints."""

from __future__ import annotations

import codecs
import zipfile
from io import BytesIO

import pytest

import qaformat
from qaformat.blocks import Omitted
from qaformat.errors import InputError
from qaformat.readers.text import read_markdown, read_text

TEXT = "Jane Roe: Où êtes-vous né?\n\nJohn Doe: À Zürich.\n\nJane Roe: Et après?\n\nJohn Doe: Genève.\n"


def _turn_texts(t: qaformat.Transcript) -> list[str]:
    return [p for turn in t.turns() for p in turn.paragraphs]


@pytest.mark.parametrize("encode", [
    lambda s: s.encode("utf-8"),
    lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    lambda s: s.encode("utf-16"),
    lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    lambda s: s.encode("utf-16-le"),
], ids=["utf8", "utf8-bom", "utf16", "utf16-be-bom", "utf16-le-no-bom"])
def test_unicode_encodings(encode):
    assert _turn_texts(qaformat.parse(encode(TEXT))) == _turn_texts(qaformat.parse(TEXT))


def test_cp1252_fallback_is_a_warning_with_its_line():
    t = qaformat.parse(TEXT.encode("cp1252"))
    assert _turn_texts(t) == _turn_texts(qaformat.parse(TEXT))
    warning = next(d for d in t.diagnostics if d.code == "encoding-fallback")
    assert warning.severity is qaformat.Severity.WARNING and warning.line == 1


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_ends(newline):
    t = qaformat.parse(TEXT.replace("\n", newline))
    assert [turn.line for turn in t.turns()] == [1, 3, 5, 7]


def test_control_characters_are_replaced_and_reported():
    t = qaformat.parse(TEXT.replace("Zürich", "Zü\x00ri\x07ch"))
    assert "Zü\ufffdri\ufffdch" in _turn_texts(t)[1]
    assert any(d.code == "control-character" and d.line == 3 for d in t.diagnostics)


def _zip() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "x")
    return buffer.getvalue()


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(200), _zip(), bytes(range(256)) * 4],
                         ids=["png", "zip", "noise"])
def test_binary_is_refused(data):
    with pytest.raises(InputError, match="not a text transcript"):
        read_text(data)


def test_markdown_hints():
    doc = read_text("---\ntitle: A Talk\ndate: 2025-01-02\n---\n# Heading\n\n**Jane:** Hi\n\n*A note.*\n\n> quoted\n")
    assert doc.metadata == {"title": "A Talk", "date": "2025-01-02"}
    assert [o.reason for o in doc.omitted] == ["front matter"]
    heading, label, note, quote = doc.blocks
    assert (heading.text, heading.heading) == ("Heading", 1)
    assert (label.text, label.bold_prefix) == ("Jane: Hi", 5)
    assert (note.text, note.italic) == ("A note.", True)
    assert (quote.text, quote.quote) == ("quoted", True)


def test_a_time_code_before_a_wholly_bold_line_leaves_it_bold():
    """A recording's transcript stamps each paragraph; the interviewer's are bold after the stamp."""
    question, labelled, plain = read_text("[00:03:48] **And the lens?**\n\n[00:03:50] **Jane:** Hi\n\n[00:04:00] Fine.\n").blocks
    assert (question.text, question.bold_prefix) == ("[00:03:48] And the lens?", len(question.text))
    assert (labelled.text, labelled.bold_prefix) == ("[00:03:50] Jane: Hi", 0)  # a label after a time is the labels stage's
    assert (plain.text, plain.bold_prefix) == ("[00:04:00] Fine.", 0)


def test_markdown_undoes_escapes_but_text_keeps_them():
    assert read_markdown("Use \\*stars\\* here").blocks[0].text == "Use *stars* here"
    assert read_text("C:\\Users\\jane").blocks[0].text == "C:\\Users\\jane"


def test_blank_lines_mark_gaps():
    doc = read_text("one\ntwo\n\nthree")
    assert [(b.text, b.line, b.gap_before) for b in doc.blocks] == [("one", 1, True), ("two", 2, False), ("three", 4, True)]


def test_markdown_images_and_their_captions_are_left_out_and_reported():
    doc = read_markdown(
        "# Title\n\n![Harbourmaster Duarte on the quay](duarte.jpg)\n*Harbourmaster Duarte on the quay. Photo: A. Brandt*\n\n"
        "**Q:** What do you see?\n\n[![map](map.png)](https://example.org/map)\n\n"
        "_The breakwater at low tide._\n\n"  # under a blank line, it repeats no alt text: the text's own
        '![The old ferry slip at dawn](slip.jpg "title")\n\nThe old ferry slip at dawn, before the storm.\n\n'
        "![x](y.jpg)\n\n*Your father kept the light too.*\n\n**A:** Masts.\n")
    assert [o for o in doc.omitted] == [
        Omitted(3, 3, "image"), Omitted(4, 4, "photo caption"), Omitted(8, 8, "image"), Omitted(12, 12, "image"),
        Omitted(14, 14, "photo caption"), Omitted(16, 16, "image")]
    assert [b.text for b in doc.blocks] == [
        "Title", "Q: What do you see?", "The breakwater at low tide.", "Your father kept the light too.", "A: Masts."]
    assert [(d.code, d.line) for d in doc.diagnostics] == [("left-out", 4), ("left-out", 14)]
    # An image inside a line is text, and plain text has no images.
    assert [b.text for b in read_markdown("See ![x](y.jpg) here.").blocks] == ["See ![x](y.jpg) here."]
    assert read_text("![x](y.jpg)\n*Caption*").omitted == ()


DEPOSITION = ("                                                 Page 12\n"
              " 1        Q.   Good morning, Mr. Holloway.\n"
              " 2        A.   Good morning.\n"
              " 3        Q.   Would you state your full name for\n"
              " 4   the record?\n"
              " 5        A.   Gerald Thomas Holloway.\n"
              "                                                 Page 13\n"
              " 1        Q.   And where are you employed?\n"
              " 2        A.   Great Lakes Water Authority.\n")


def test_line_numbers_before_every_line_are_layout():
    document = read_text(DEPOSITION)
    assert [b.text for b in document.blocks][:4] == ["Q.   Good morning, Mr. Holloway.", "A.   Good morning.",
                                                     "Q.   Would you state your full name for", "the record?"]
    assert [(o.first_line, o.reason) for o in document.omitted] == [(1, "page number"), (7, "page number")]
    [note] = [d for d in document.diagnostics if d.code == "line-numbers"]
    assert note.line == 2 and "lines 2-9" in note.message
    transcript = qaformat.parse(DEPOSITION)
    assert [(t.speaker, t.paragraphs[0]) for t in transcript.turns()][1:3] == [
        ("a", "Good morning."), ("q", "Would you state your full name for the record?")]


def test_a_research_tools_numbered_export():
    text = "".join(f"{n:<4}{who}:  {said}\n" for n, (who, said) in enumerate([
        ("I", "How long have you been coming here?"), ("P", "Oh, a long time."), ("I", "And how did you hear of it?"),
        ("P", "My sister."), ("I", "What would you change?"), ("P", "The parking.")], start=1))
    assert [b.text for b in read_text(text).blocks][:2] == ["I:  How long have you been coming here?", "P:  Oh, a long time."]


@pytest.mark.parametrize("text", [
    "1 Turn the heating off.\n2 Hold the towel under the valve.\n3 Open the valve.\n4 Close it.\n5 Check the pressure.\n",
    "1.  Why let it cool?\n2.  Why a quarter turn?\n3.  What if no air comes out?\n4.  And then?\n5.  Done.\n",
    "Step 1  Turn the heating off.\nStep 2  Hold the towel.\nStep 3  Open it.\nStep 4  Close it.\nStep 5  Check.\n",
])
def test_a_numbered_list_keeps_its_numbers(text):
    document = read_text(text)
    assert [b.text for b in document.blocks] == text.splitlines()
    assert not any(d.code == "line-numbers" for d in document.diagnostics)


TSV = ("Timecode\tSpeaker\tText\n"
       "00:00:01\tInterviewer\tThanks for talking with us. Could you introduce yourself?\n"
       "00:00:05\tRespondent\tSure. I am Olu, and I drive a bus.\n"
       "00:00:11\tInterviewer\tWhat route do you drive these days?\n"
       "00:00:13\tRespondent\tThe 14, mostly, downtown to the airport.\n")


def test_tab_separated_rows_are_a_transcript_table():
    document = read_text(TSV)
    assert [(b.speaker, b.time, b.text) for b in document.blocks][:2] == [
        ("Interviewer", 1.0, "Thanks for talking with us. Could you introduce yourself?"),
        ("Respondent", 5.0, "Sure. I am Olu, and I drive a bus.")]
    assert [(o.first_line, o.reason) for o in document.omitted] == [(1, "table header row")]
    assert [t.kind.value for t in qaformat.parse(TSV).turns()] == ["question", "answer", "question", "answer"]


def test_a_tab_separated_list_where_nobody_talks_is_no_table():
    rows = "".join(f"06:{m:02d}\t{stop}\tStop {m}\n" for m, stop in enumerate(["Harbour Road", "Market Square",
                                                                              "Hospital", "Station"], start=10))
    assert all(b.speaker is None for b in read_text(rows).blocks)
