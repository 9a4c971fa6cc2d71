"""The WebVTT and SRT readers: blocks from cues, voices, markup, malformed files, detection, and
whole transcripts read from caption fixtures (tests/fixtures/captions/, written by us)."""

from __future__ import annotations

import codecs
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import qaformat
from qaformat.blocks import Block, Document, Omitted
from qaformat.errors import InputError, QAFormatError, Severity
from qaformat.readers import canonical_format, detect
from qaformat.readers.captions import MAX_SKIP_WARNINGS, SKIPPED_CODE, dialogue_rest, parse_timestamp
from qaformat.readers.srt import read_srt
from qaformat.readers.vtt import read_vtt

FIXTURES = Path(__file__).parent / "fixtures" / "captions"


def vtt(*cues: str, header: str = "WEBVTT") -> str:
    return "\n\n".join([header, *cues]) + "\n"


def texts(document: Document) -> list[str]:
    return [block.text for block in document.blocks]


def spoken(document: Document) -> list[tuple[str | None, str]]:
    return [(block.speaker, block.text) for block in document.blocks]


def warnings(document: Document) -> list[tuple[int | None, str]]:
    return [(d.line, d.code) for d in document.diagnostics if d.severity is Severity.WARNING]


# --- times -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "seconds"), [
    ("00:00:01.000", 1.0),
    ("01:02:03.500", 3723.5),
    ("00:01.250", 1.25),
    ("12:34.5", 754.5),
    ("00:00:01,000", 1.0),  # SRT's comma
    ("0:00:07.07", 7.07),
    ("100:00:00.000", 360000.0),  # WebVTT allows more than two hour digits
    ("00:00:05", 5.0),
    (" 00:00:02.000 ", 2.0),
])
def test_timestamps(written, seconds):
    assert parse_timestamp(written) == pytest.approx(seconds)


@pytest.mark.parametrize("written", ["", "00:00:0x.000", "1.5", "00:60:00.000", "00:00:61.000", "a:b",
                                     "1:2:3:4", "00:00:01.-5", "²:00.000", "-1:00.000", "1" * 5000 + ":00.000"])
def test_unreadable_timestamps(written):
    assert parse_timestamp(written) is None


# --- WebVTT: header, blocks, cue syntax -------------------------------------------------------


def test_header_with_bom_and_text_after_the_signature():
    data = codecs.BOM_UTF8 + vtt("00:01.000 --> 00:02.000\nHi.", header="WEBVTT - Riverside Radio\nKind: captions\nLanguage: en").encode()
    document = read_vtt(data)
    assert texts(document) == ["Hi."]
    assert dict(document.metadata) == {"webvtt": "- Riverside Radio", "kind": "captions", "language": "en"}
    assert document.omitted == (Omitted(1, 3, "WebVTT header"),)


def test_bare_signature_is_not_omitted_text():
    document = read_vtt(vtt("00:01.000 --> 00:02.000\nHi."))
    assert document.omitted == () and dict(document.metadata) == {}
    assert read_vtt("\ufeffWEBVTT\tcaptions\n\n00:01.000 --> 00:02.000\nHi.\n").metadata["webvtt"] == "captions"


def test_cues_right_under_the_signature():
    assert texts(read_vtt("WEBVTT\n1\n00:01.000 --> 00:02.000\nHi.\n")) == ["Hi."]
    assert texts(read_vtt("WEBVTT\n00:01.000 --> 00:02.000\nHi.\n")) == ["Hi."]


def test_missing_signature_is_read_all_the_same():
    assert texts(read_vtt("00:01.000 --> 00:02.000\nHi.\n")) == ["Hi."]


def test_identifiers_and_settings_are_ignored():
    document = read_vtt(vtt("intro\n00:00:01.000 --> 00:00:04.000 align:start position:10% line:85% size:50%\nHello.",
                            "c2\n00:04.000 --> 00:05.000 region:lower vertical:rl\nAgain."))
    assert texts(document) == ["Hello.", "Again."]
    assert [(b.line, b.time) for b in document.blocks] == [(5, 1.0), (9, 4.0)]


def test_note_style_and_region_blocks_are_omitted_with_their_ranges():
    data = vtt("NOTE exported by\nthe captioner", "STYLE\n::cue { color: yellow }", "REGION\nid:lower\nwidth:80%",
               "00:01.000 --> 00:02.000\nHi.", "NOTE\nbetween cues")
    document = read_vtt(data)
    assert texts(document) == ["Hi."]
    assert document.omitted == (
        Omitted(3, 4, "WebVTT note"),
        Omitted(6, 7, "WebVTT style block"),
        Omitted(9, 11, "WebVTT region block"),
        Omitted(16, 17, "WebVTT note"),
    )
    assert document.diagnostics == ()


def test_a_cue_with_the_identifier_note_is_a_cue():
    assert texts(read_vtt(vtt("NOTE\n00:01.000 --> 00:02.000\nStill a cue."))) == ["Still a cue."]


def test_multi_line_text_is_joined_with_a_space():
    document = read_vtt(vtt("00:01.000 --> 00:04.000\nWe had an engineer's report\nin March, and it was\nnot good."))
    assert texts(document) == ["We had an engineer's report in March, and it was not good."]
    assert document.blocks[0].line == 4


def test_every_block_carries_its_cue_times_line_and_a_gap():
    document = read_vtt(vtt("1\n00:00:01.500 --> 00:00:02.000\nOne.", "2\n01:00:00.000 --> 01:00:01.000 align:start\nTwo.",
                            "3\n01:00:02.000 --> 01:00:0x.000\nThree."))
    assert document.blocks == (
        Block("One.", line=5, gap_before=True, time=1.5, end=2.0),
        Block("Two.", line=9, gap_before=True, time=3600.0, end=3601.0),
        Block("Three.", line=13, gap_before=True, time=3602.0, end=None),  # an unreadable end time costs only the pause
    )


def test_overlapping_cues_keep_file_order():
    document = read_vtt(vtt("00:00:12.500 --> 00:00:15.000\n<v Host>How much?", "00:00:13.000 --> 00:00:14.000\n<v Guest>[laughs]",
                            "00:00:10.000 --> 00:00:11.000\n<v Guest>Earlier, but later in the file."))
    assert [(b.speaker, b.time) for b in document.blocks] == [("Host", 12.5), ("Guest", 13.0), ("Guest", 10.0)]


# --- WebVTT: voices and markup ----------------------------------------------------------------


def test_voice_names_the_speaker():
    document = read_vtt(vtt("00:01.000 --> 00:02.000\n<v Mary Smith>Good evening.</v>"))
    assert spoken(document) == [("Mary Smith", "Good evening.")]


def test_several_voices_in_one_cue_each_get_a_block_in_order():
    document = read_vtt(vtt("00:01.000 --> 00:04.000\n<v Ann>Hi</v><v Bob>Hello</v> <v Cy>Hey"))
    assert spoken(document) == [("Ann", "Hi"), ("Bob", "Hello"), ("Cy", "Hey")]
    assert {(b.line, b.time) for b in document.blocks} == {(4, 1.0)}


def test_voices_on_separate_lines_without_end_tags():
    document = read_vtt(vtt("00:01.000 --> 00:04.000\n<v Ann>Why close it now?\nWhy not next year?\n<v Bob>The roof."))
    assert spoken(document) == [("Ann", "Why close it now? Why not next year?"), ("Bob", "The roof.")]
    assert [b.line for b in document.blocks] == [4, 6]


def test_voice_with_classes():
    assert spoken(read_vtt(vtt("00:01.000 --> 00:02.000\n<v.loud.first Ann Lee>Stop!"))) == [("Ann Lee", "Stop!")]


def test_voice_tag_alone_on_its_line_then_text():
    document = read_vtt(vtt("00:01.000 --> 00:02.000\n<v Guest>\nWe had a report."))
    assert spoken(document) == [("Guest", "We had a report.")]
    assert document.blocks[0].line == 5  # the text's line, not the tag's


def test_the_same_voice_again_in_one_cue_continues_its_block():
    assert spoken(read_vtt(vtt("00:01.000 --> 00:02.000\n<v Ann>One,</v>\n<v Ann>two."))) == [("Ann", "One, two.")]


def test_text_after_a_closed_voice_stays_with_it():
    assert spoken(read_vtt(vtt("00:01.000 --> 00:02.000\n<v Ann>One,</v> two."))) == [("Ann", "One, two.")]


def test_text_before_the_first_voice_has_no_speaker():
    assert spoken(read_vtt(vtt("00:01.000 --> 00:02.000\n[music] <v Ann>Hi."))) == [(None, "[music]"), ("Ann", "Hi.")]


def test_voice_without_a_name_names_no_one():
    assert spoken(read_vtt(vtt("00:01.000 --> 00:02.000\n<v>Hi."))) == [(None, "Hi.")]


def test_entities_in_voice_names():
    assert spoken(read_vtt(vtt("00:01.000 --> 00:02.000\n<v Ben &amp; Jerry>Hi."))) == [("Ben & Jerry", "Hi.")]


@pytest.mark.parametrize(("cue", "text"), [
    ("<c>plain</c> <c.yellow.bg_blue>class</c>", "plain class"),
    ("<i>italic</i>, <b>bold</b>, <u>underline</u>", "italic, bold, underline"),
    ("<lang en-GB>colour</lang> <lang fr>couleur</lang>", "colour couleur"),
    ("so<00:00:01.160><c> today</c><00:00:01.500><c> we</c>", "so today we"),
    ("<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>", "漢(kan)字(ji)"),
    ("<ruby>東京<rt>とうきょう</ruby>", "東京(とうきょう)"),
    ("<unknown.tag>still text</unknown>", "still text"),
    ("<i>spans\nlines</i>", "spans lines"),
])
def test_markup_is_removed(cue, text):
    assert texts(read_vtt(vtt(f"00:01.000 --> 00:02.000\n{cue}"))) == [text]


@pytest.mark.parametrize(("written", "text"), [
    ("Fish &amp; chips", "Fish & chips"),
    ("&lt;i&gt; is a tag", "<i> is a tag"),
    ("a&nbsp;b", "a\u00a0b"),
    ("&lrm;left&rlm;right", "\u200eleft\u200fright"),
    ("caf&#233; &#x2014; &eacute;", "café — é"),
    ("AT&T &copy 2024 &bogus; &#0;", "AT&T &copy 2024 &bogus; \ufffd"),
])
def test_character_references_are_decoded(written, text):
    assert texts(read_vtt(vtt(f"00:01.000 --> 00:02.000\n{written}"))) == [text]


def test_literal_angle_brackets_that_are_not_tags_stay():
    assert texts(read_vtt(vtt("00:01.000 --> 00:02.000\na < b, and c <= d > e"))) == ["a < b, and c <= d > e"]


def test_name_in_cue_text_is_left_for_the_parser():
    document = read_vtt(vtt("1\n00:00:02.350 --> 00:00:06.120\nPriya Raman: Okay, we're recording."))
    assert spoken(document) == [(None, "Priya Raman: Okay, we're recording.")]


# --- dialogue dashes (both formats) -----------------------------------------------------------


@pytest.mark.parametrize(("line", "rest"), [
    ("- Why?", "Why?"), ("-Why?", "Why?"), ("  - Why?", "Why?"), ("– ¿Qué?", "¿Qué?"), ("— Oui.", "Oui."),
    ("- ", ""), ("-", ""),
    ("--and then", None), ("-5 degrees", None), ("–dash", None), ("Well - no", None), ("", None),
    (">> Good evening.", "Good evening."), (">>MAYOR: Thanks.", "MAYOR: Thanks."), (">>> In other news", None),
    ("a >> b", None),
])
def test_dialogue_dash(line, rest):
    assert dialogue_rest(line) == rest


def test_dialogue_dashes_split_a_cue_into_blocks():
    document = read_vtt(vtt("00:00:19.500 --> 00:00:22.000\n- So what happens to the swim club?\n- They move to Eastfield."))
    assert spoken(document) == [(None, "So what happens to the swim club?"), (None, "They move to Eastfield.")]
    assert [(b.line, b.time, b.gap_before) for b in document.blocks] == [(4, 19.5, True), (5, 19.5, True)]


def test_a_line_without_a_dash_continues_the_dash_line_above():
    document = read_srt("1\n00:00:01,000 --> 00:00:03,000\nI went home.\n- Why?\nIt was late.\n- Oh.\n")
    assert texts(document) == ["I went home.", "Why? It was late.", "Oh."]
    assert [b.line for b in document.blocks] == [3, 4, 6]


def test_dash_inside_markup_and_with_a_name():
    document = read_srt("1\n00:00:01,000 --> 00:00:03,000\n<i>- SPEAKER 1: Nine hundred?</i>\n- <b>SPEAKER 2:</b> Nine hundred.\n")
    assert texts(document) == ["SPEAKER 1: Nine hundred?", "SPEAKER 2: Nine hundred."]


# --- SRT ---------------------------------------------------------------------------------------

SRT = """1
00:00:00,500 --> 00:00:04,200
SPEAKER 1: Thanks for coming in. Can you
state your name for the recording?

2
00:00:04.900 --> 00:00:07.100 X1:120 X2:600 Y1:500 Y2:560
SPEAKER 2: Sure. <i>Leila Haddad</i>.
"""


def test_srt_cues():
    document = read_srt(SRT)
    assert document.blocks == (
        Block("SPEAKER 1: Thanks for coming in. Can you state your name for the recording?", line=3, time=0.5, end=4.2),
        Block("SPEAKER 2: Sure. Leila Haddad.", line=8, time=4.9, end=7.1),
    )
    assert document.diagnostics == () and document.omitted == ()


@pytest.mark.parametrize("encode", [
    lambda s: s.replace("\n", "\r\n").encode(),
    lambda s: codecs.BOM_UTF8 + s.encode(),
    lambda s: codecs.BOM_UTF8 + s.replace("\n", "\r\n").encode(),
    lambda s: s.encode("utf-16"),
    lambda s: "\ufeff" + s,
    lambda s: s.replace("\n", "\r"),
], ids=["crlf", "bom", "bom-crlf", "utf16", "str-bom", "cr"])
def test_srt_encodings_and_line_ends(encode):
    assert read_srt(encode(SRT)).blocks == read_srt(SRT).blocks


@pytest.mark.parametrize(("written", "text"), [
    ('<font color="#ffff00">yellow</font> <FONT face="Arial" size="24">big</FONT>', "yellow big"),
    ("<i>in</i> <b>and</b> <u>out</u> <s>struck</s>", "in and out struck"),
    ("{\\an8}Top of the screen", "Top of the screen"),
    ("{\\i1}x{\\i0} {not a code}", "x {not a code}"),
    ("x < y and <3 and <v Ann> is not SRT", "x < y and <3 and <v Ann> is not SRT"),
    ("Q&amp;A", "Q&A"),
])
def test_srt_markup(written, text):
    assert texts(read_srt(f"1\n00:00:01,000 --> 00:00:02,000\n{written}\n")) == [text]


def test_srt_missing_and_wrong_cue_numbers_are_tolerated():
    data = ("00:00:01,000 --> 00:00:02,000\nNo number.\n\n"
            "7\n00:00:03,000 --> 00:00:04,000\nWrong number.\n\n"
            "seven\n00:00:05,000 --> 00:00:06,000\nNot a number at all.\n")
    document = read_srt(data)
    assert texts(document) == ["No number.", "Wrong number.", "Not a number at all."]
    assert document.diagnostics == ()


def test_srt_missing_blank_lines_between_cues():
    data = "1\n00:00:01,000 --> 00:00:02,000\nFirst.\n2\n00:00:03,000 --> 00:00:04,000\nSecond.\n00:00:05,000 --> 00:00:06,000\nThird.\n"
    document = read_srt(data)
    assert [(b.text, b.line, b.time) for b in document.blocks] == [("First.", 3, 1.0), ("Second.", 6, 3.0), ("Third.", 8, 5.0)]


def test_a_number_said_alone_is_not_taken_for_a_cue_number():
    data = "1\n00:00:01,000 --> 00:00:02,000\n2019\n00:00:03,000 --> 00:00:04,000\nThat year.\n"
    assert texts(read_srt(data)) == ["2019", "That year."]


def test_srt_blank_line_between_number_and_time():
    assert read_srt("1\n\n00:00:01,000 --> 00:00:02,000\nHi.\n").diagnostics == ()


def test_whitespace_only_lines_do_not_end_a_cue():
    # YouTube writes cue text lines holding one space.
    document = read_vtt(vtt("00:00:00.000 --> 00:00:02.350 align:start position:0%\n \nso today", "00:02.350 --> 00:04.000\nwe go\n "))
    assert texts(document) == ["so today", "we go"] and document.diagnostics == ()


# --- malformed input --------------------------------------------------------------------------


def test_broken_time_line_skips_only_that_cue():
    data = "1\n00:00:01,000 --> 00:00:02,000\nFine.\n\n2\n00:00:0x,000 --> 00:00:04,000\nLost.\nStill lost.\n\n3\n00:00:05,000 --> 00:00:06,000\nFine again.\n"
    document = read_srt(data, "talk.srt")
    assert texts(document) == ["Fine.", "Fine again."]
    assert warnings(document) == [(6, SKIPPED_CODE)]
    assert "00:00:0x,000" in document.diagnostics[0].message
    assert document.omitted == (Omitted(6, 8, "unreadable caption cue"),)


def test_cue_with_no_text_is_reported():
    data = vtt("00:01.000 --> 00:02.000", "00:02.000 --> 00:03.000\n<i></i> &nbsp;", "00:03.000 --> 00:04.000\nText.")
    document = read_vtt(data)
    assert texts(document) == ["Text."]
    assert warnings(document) == [(3, SKIPPED_CODE), (5, SKIPPED_CODE)]
    assert [o.reason for o in document.omitted] == ["caption cue with no text"] * 2


def test_garbage_between_cues_is_reported_and_kept_in_omitted():
    data = "1\n00:00:01,000 --> 00:00:02,000\nFine.\n\nExported by CaptionTool (trial)\nvisit example.com\n\n2\n00:00:03,000 --> 00:00:04,000\nMore.\n"
    document = read_srt(data)
    assert texts(document) == ["Fine.", "More."]
    assert warnings(document) == [(5, SKIPPED_CODE)]
    assert document.omitted == (Omitted(5, 6, "text outside any caption cue"),)


def test_garbage_above_an_identifier_in_one_chunk():
    document = read_vtt(vtt("stray words\nmore\nid-1\n00:01.000 --> 00:02.000\nText."))
    assert texts(document) == ["Text."]
    assert document.omitted == (Omitted(3, 4, "text outside any caption cue"),)


def test_messy_srt_fixture():
    document = read_srt((FIXTURES / "messy.srt").read_bytes(), "messy.srt")
    assert len(document.blocks) == 6
    assert warnings(document) == [(17, SKIPPED_CODE), (21, SKIPPED_CODE), (23, SKIPPED_CODE)]
    assert [(o.first_line, o.last_line) for o in document.omitted] == [(17, 18), (21, 21), (23, 23)]


@pytest.mark.parametrize(("reader", "data", "line"), [
    (read_vtt, "WEBVTT\n\n1\n00:00:0x.000 --> 00:00:02.000\nHello\n", 4),
    (read_vtt, "WEBVTT\n", 1),
    (read_vtt, "WEBVTT\n\nNOTE only a note\n", 1),
    (read_vtt, "", 1),
    (read_srt, "hello\nworld\n", 1),
    (read_srt, "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\n", 2),
    (read_srt, "\n\n\n", 1),
])
def test_nothing_usable_is_an_input_error_with_file_and_line(reader, data, line):
    with pytest.raises(InputError) as caught:
        reader(data, "bad.cap")
    assert caught.value.line == line
    assert str(caught.value).startswith(f"bad.cap:{line}: no ")


def test_binary_input_is_refused():
    with pytest.raises(InputError, match="PNG"):
        read_srt(b"\x89PNG\r\n\x1a\n" + bytes(100))


def test_skip_warnings_are_capped():
    data = "1\n00:00:01,000 --> 00:00:02,000\nFine.\n\n" + "junk\n\n" * (MAX_SKIP_WARNINGS + 50)
    document = read_srt(data)
    assert len(document.diagnostics) == MAX_SKIP_WARNINGS + 1
    assert document.diagnostics[-1].message == "50 more cue(s) skipped"
    assert len(document.omitted) == MAX_SKIP_WARNINGS + 50  # every range is still kept


LONG = 5_000_000


@pytest.mark.parametrize("line", [
    "<" * LONG, "<a" * (LONG // 2), "</" * (LONG // 2), "<v " * (LONG // 3), "&" * LONG, "&amp" * (LONG // 4),
    "{\\" * (LONG // 2), "-" * LONG, "<i>x</i>" * (LONG // 8), "<v " + "a " * (LONG // 2) + ">x", ":" * LONG,
], ids=["lt", "lt-a", "lt-slash", "voice-open", "amp", "amp-name", "brace", "dash", "tags", "huge-voice", "colons"])
def test_a_five_megabyte_line_is_read_to_its_end(line):
    # Linear time on such lines is measured by benchmarks/, not here: unit tests time nothing.
    for reader in (read_vtt, read_srt):
        document = reader(f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n{line}x\n")
        assert document.blocks and document.blocks[-1].text.endswith("x")


def test_a_five_megabyte_time_line_is_reported_short():
    with pytest.raises(InputError) as caught:
        read_srt("1\n" + "1" * LONG + ":00:00,000 --> 00:00:01,000\nHi.\n")
    assert len(str(caught.value)) < 200


CAPTIONISH = st.lists(st.sampled_from([
    "WEBVTT", "", "", "1", "NOTE", "STYLE", "00:00:01.000 --> 00:00:02.000", "00:01,5 --> x", "-->", "00:0x:01 --> 1",
    "<v Ann>Hi", "</v>", "<v.a>", "- Why?", "-", "<i>", "&amp;", "&#0;", "&#99999999;", "<ruby>漢<rt>kan", "{\\an8}",
    "Jane: text", "<", ">", "\ufeff", "\x00", " ", "<00:00:01.000>", "\u2028",
]), max_size=30).map("\n".join)


@given(st.one_of(CAPTIONISH, st.text(max_size=200)))
@settings(max_examples=300, deadline=None)
def test_any_text_reads_or_raises_input_error(data):
    for reader in (read_vtt, read_srt):
        try:
            document = reader(data)
        except InputError:
            continue
        assert document.blocks
        for block in document.blocks:
            assert block.text == block.text.strip() and block.text and block.time is not None and block.line >= 1


# --- nothing is lost --------------------------------------------------------------------------

_MARKUP = re.compile(r"<[^<>]*>|\{\\[^}]*\}|^\s*[-–—]\s*")


@pytest.mark.parametrize("name", ["zoom.vtt", "teams.vtt", "voices.vtt", "asr.srt", "messy.srt"])
def test_every_text_line_is_in_a_block_or_omitted(name):
    path = FIXTURES / name
    reader = read_vtt if name.endswith(".vtt") else read_srt
    document = reader(path.read_bytes())
    lines = path.read_text(encoding="utf-8").splitlines()
    covered = {n for o in document.omitted for n in range(o.first_line, o.last_line + 1)}
    blocks = " ".join(b.text for b in document.blocks)
    for number, line in enumerate(lines, 1):
        below = lines[number] if number < len(lines) else ""
        structure = "-->" in line or "-->" in below or line.strip().isdigit() or line == "WEBVTT"
        if not line.strip() or structure or number in covered:
            continue  # structure: times, cue identifiers and numbers
        words = _MARKUP.sub(" ", line).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ")
        for word in words.split():
            assert word in blocks, f"{name}:{number}: {word!r} is lost"


# --- detection and format names ---------------------------------------------------------------


@pytest.mark.parametrize(("name", "head", "fmt"), [
    ("talk.vtt", b"anything", "vtt"),
    ("TALK.SRT", b"anything", "srt"),
    ("talk.txt", b"WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", "vtt"),
    ("talk.txt", codecs.BOM_UTF8 + b"WEBVTT - title\r\n", "vtt"),
    ("talk.txt", b"WEBVTT", "vtt"),
    (None, b"\n\nWEBVTT\n", "vtt"),
    ("talk.txt", b"\n1\n00:00:01,000 --> 00:00:02,000\nHi\n", "srt"),
    ("talk.log", codecs.BOM_UTF8 + b"1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n", "srt"),
    (None, b"00:00:01,000 --> 00:00:02,000\nHi\n", "srt"),
    ("talk.txt", b"WEBVTTS is not a signature\n", "text"),
    ("talk.txt", b"1\nJane: 00:00:01 --> later\n", "text"),
    ("talk.txt", b"1.\n00:00:01,000 --> 00:00:02,000\n", "text"),
    ("talk.txt", b"Jane Roe: Hi.\n\nJohn Doe: Hello.\n", "text"),
    ("talk.md", b"WEBVTT\n", "markdown"),
])
def test_detect(name, head, fmt):
    assert detect(name, head) == fmt


@pytest.mark.parametrize(("alias", "fmt"), [("vtt", "vtt"), ("webvtt", "vtt"), ("WebVTT", "vtt"), ("srt", "srt"), ("subrip", "srt")])
def test_format_names(alias, fmt):
    assert canonical_format(alias) == fmt


def test_from_overrides_the_suffix(tmp_path):
    path = tmp_path / "captions.txt"
    path.write_bytes((FIXTURES / "asr.srt").read_bytes())
    assert qaformat.read(path).speakers[0].name == "Speaker 1"  # sniffed
    assert qaformat.read(path, format="subrip").speakers[0].name == "Speaker 1"
    paragraphs = qaformat.read(path, format="text").sections[0].turns[0].paragraphs
    assert any(p.split()[0] == "2" for p in paragraphs)  # as text, cue numbers are text


# --- whole transcripts ------------------------------------------------------------------------


def turns(transcript: qaformat.Transcript) -> list[tuple[int, str, str | None, float | None, str]]:
    return [(t.line, t.kind.value, t.speaker, t.timestamp, " ".join(t.paragraphs)) for t in transcript.turns()]


def roles(transcript: qaformat.Transcript) -> dict[str, str]:
    return {s.name: s.role.value for s in transcript.speakers}


def test_zoom_vtt_names_in_text():
    transcript = qaformat.read(FIXTURES / "zoom.vtt")
    assert roles(transcript) == {"Priya Raman": "interviewer", "Tom Okafor": "interviewee"}
    found = turns(transcript)
    assert [(line, kind, speaker) for line, kind, speaker, _, _ in found] == [
        (5, "question", "priya-raman"), (9, "answer", "tom-okafor"), (13, "question", "priya-raman"),
        (21, "answer", "tom-okafor"), (29, "question", "priya-raman"), (33, "answer", "tom-okafor"),
        (37, "question", "priya-raman"), (41, "answer", "tom-okafor"), (45, "remark", "priya-raman"),
    ]
    # Two cues of one utterance are one turn.
    assert found[2][4] == "Then let's start with the bridge. Why did the inspection take three years longer than planned?"
    assert transcript.skipped == () and not [d for d in transcript.diagnostics if d.severity is Severity.WARNING]


def test_zoom_vtt_turns_are_timed_by_their_first_cue():
    assert [t.timestamp for t in qaformat.read(FIXTURES / "zoom.vtt").turns()][:4] == [2.35, 6.54, 8.9, 16.2]


def test_teams_vtt_voices_and_cues_merged_into_turns():
    transcript = qaformat.read(FIXTURES / "teams.vtt")
    assert roles(transcript) == {"Maria Lopez": "interviewer", "Dr. Samuel Achebe": "interviewee"}
    assert turns(transcript) == [
        (5, "question", "maria-lopez", 3.948,
         "So the first thing I wanted to ask is how the pilot started, because nobody seems to remember. Who proposed it?"),
        (13, "answer", "dr-samuel-achebe", 12.02,
         "It was the nurses, really. The night shift on ward six kept a paper log of every fall, and they brought it to us."
         " I just signed the form."),
        (25, "question", "maria-lopez", 23.1, "And the sensors? Were those part of it from the start?"),
        (29, "answer", "dr-samuel-achebe", 27.0, "No. The sensors came in the second year, after the grant."),
        (33, "question", "maria-lopez", 32.4, "What would you do differently?"),
        (37, "answer", "dr-samuel-achebe", 35.9, "Listen to the night shift sooner. That's the whole lesson."),
    ]


def test_voices_vtt_two_voices_in_one_cue_notes_and_overlaps():
    transcript = qaformat.read(FIXTURES / "voices.vtt")
    assert roles(transcript) == {"Host": "interviewer", "Guest": "interviewee"}
    found = turns(transcript)
    assert found[:3] == [
        (17, "question", "host", 1.0, "Good evening, and welcome back."),
        (17, "answer", "guest", 1.0, "Thanks for having me."),
        (20, "question", "host", 4.6, "Let's get straight to it: why close the & pool now?"),
    ]
    assert found[3][:4] == (21, "answer", "guest", 4.6)
    assert "<literally>" in found[3][4] and "in March, and it was not good." in found[3][4]
    assert transcript.metadata["language"] == "en"
    assert [(s.first_line, s.last_line, s.reason) for s in transcript.skipped] == [
        (1, 3, "WebVTT header"), (5, 6, "WebVTT note"), (8, 9, "WebVTT style block"), (11, 13, "WebVTT region block"),
        (27, 27, "WebVTT note"),
    ]


def test_asr_srt_with_dialogue_dashes_and_generic_speakers():
    transcript = qaformat.read(FIXTURES / "asr.srt")
    assert roles(transcript) == {"Speaker 1": "interviewer", "Speaker 2": "interviewee"}
    found = turns(transcript)
    assert [(line, kind, speaker) for line, kind, speaker, _, _ in found] == [
        (3, "question", "speaker-1"), (8, "answer", "speaker-2"), (13, "question", "speaker-1"), (17, "answer", "speaker-2"),
        (22, "question", "speaker-1"), (23, "answer", "speaker-2"),  # one cue, two dashes
        (27, "question", "speaker-1"), (31, "answer", "speaker-2"), (36, "question", "speaker-1"), (40, "answer", "speaker-2"),
    ]
    assert found[0][4] == "Thanks for coming in. Can you state your name for the recording?"
    assert found[7][4] == "Two supermarkets, the farm at Orton, and whatever people drop off."


def test_messy_srt_reads_with_warnings_at_their_lines():
    transcript = qaformat.read(FIXTURES / "messy.srt")
    assert [t.speaker for t in transcript.turns()] == ["interviewer", "owner"] * 3
    skipped = [d.line for d in transcript.diagnostics if d.code == SKIPPED_CODE]
    assert skipped == [17, 21, 23]
    assert [s.reason for s in transcript.skipped] == ["unreadable caption cue", "caption cue with no text",
                                                     "text outside any caption cue"]


def test_a_strict_parse_fails_on_a_skipped_cue():
    with pytest.raises(QAFormatError):
        qaformat.read(FIXTURES / "messy.srt", options=qaformat.ParseOptions(strict=True))


# --- command line -----------------------------------------------------------------------------


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "qaformat", *args], input=stdin, capture_output=True, timeout=60, check=False)


@pytest.mark.parametrize(("name", "data", "line", "says"), [
    ("bad.vtt", None, 6, "cannot read the cue's start time in '00:00:0x.000 --> 00:00:02.000'"),
    ("garbage.srt", b"just some words\nand more\n", 1, "'just some words' is not part of a cue"),
    ("empty.vtt", b"WEBVTT\n", 1, "the file has no cues"),
])
def test_cli_one_line_error_for_unusable_captions(tmp_path, name, data, line, says):
    path = FIXTURES / name if data is None else tmp_path / name
    if data is not None:
        path.write_bytes(data)
    done = run("convert", str(path), "-t", "json")
    assert done.returncode == 2, done.stderr
    error = done.stderr.decode()
    assert error.count("\n") == 1 and "Traceback" not in error
    assert error.startswith(f"qaformat: error: {path}:{line}: no ") and says in error


def test_cli_converts_captions_and_takes_from(tmp_path):
    done = run("convert", str(FIXTURES / "teams.vtt"), "-t", "json")
    assert done.returncode == 0, done.stderr
    path = tmp_path / "talk.dat"
    path.write_bytes((FIXTURES / "voices.vtt").read_bytes())
    done = run("convert", str(path), "--from", "webvtt", "-t", "json")
    assert done.returncode == 0, done.stderr
    assert b'"host"' in done.stdout
    done = run("convert", "-", "-t", "json", stdin=(FIXTURES / "asr.srt").read_bytes())
    assert done.returncode == 0 and b'"speaker-2"' in done.stdout, done.stderr


# --- rolling captions -------------------------------------------------------------------------


def test_rolling_captions_keep_each_line_once():
    """YouTube's automatic captions: each cue repeats the previous cue's last line (with word
    timing tags the first time), and a 10 ms cue between them holds only the repeated line."""
    data = vtt(
        "00:00.160 --> 00:03.590 align:start position:0%\nhi everyone<00:00.560><c> welcome</c><00:00.900><c> back</c>",
        "00:03.590 --> 00:03.600 align:start position:0%\nhi everyone welcome back\n ",
        "00:03.600 --> 00:06.870 align:start position:0%\nhi everyone welcome back\nto the channel",
        "00:06.870 --> 00:09.540 align:start position:0%\nto the channel\ntoday I'm with Teodor",
    )
    document = read_vtt(data)
    assert " ".join(texts(document)) == "hi everyone welcome back to the channel today I'm with Teodor"
    assert {o.reason for o in document.omitted} == {"caption line repeated as the captions roll"}
    assert [o.first_line for o in document.omitted] == [7, 11, 15]
    assert any(d.code == "captions-rolling" for d in document.diagnostics)


def test_a_cue_that_repeats_a_line_in_a_file_that_does_not_roll_keeps_it():
    data = vtt("00:01.000 --> 00:02.000\n- Are you sure?\n- No.", "00:02.000 --> 00:03.000\n- No.\n- Then go.",
               "00:03.000 --> 00:04.000\nI'll go.", "00:04.000 --> 00:05.000\nFine.")
    assert texts(read_vtt(data)) == ["Are you sure?", "No.", "No.", "Then go.", "I'll go.", "Fine."]


# ---------------------------------------------------------------------------------------------
# TTML

_TTML = """<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="{ns}" xmlns:ttm="{ns}#metadata" xmlns:ttp="{ns}#parameter" ttp:frameRate="25">
<head><metadata><ttm:agent xml:id="a"><ttm:name type="alias">Ana</ttm:name><ttm:name type="full">Ana Ruiz</ttm:name></ttm:agent>
<ttm:agent xml:id="b"/></metadata></head>
<body begin="10s"><div>
<p begin="00:00:01:05" end="1500ms" ttm:agent="a">Where were you<br/>that night?</p>
<p begin="3s" dur="2s" ttm:agent="b">At the mill.</p>
<p begin="6s"><span ttm:agent="a">Alone?</span> <span ttm:agent="b">Never.</span></p>
<p begin="9s" ttm:agent="a b">Both of us.</p>
</div></body></tt>
"""


@pytest.mark.parametrize("ns", ["http://www.w3.org/ns/ttml", "http://www.w3.org/2006/10/ttaf1"])
def test_ttml_cues_agents_and_times(ns: str) -> None:
    text = _TTML.format(ns=ns)
    assert detect("captions.xml", text) == "ttml"
    assert canonical_format("dfxp") == "ttml"
    document = qaformat.readers.reader_for("ttml")(text.encode("utf-8"), None)
    assert [(b.speaker, b.text, b.line, b.time, b.end) for b in document.blocks] == [
        ("Ana Ruiz", "Where were you that night?", 6, 11.2, 11.5),
        ("b", "At the mill.", 7, 13.0, 15.0),
        ("Ana Ruiz", "Alone?", 8, 16.0, None),
        ("b", "Never.", 8, 16.0, None),
        ("Ana Ruiz & b", "Both of us.", 9, 19.0, None),
    ]
    assert document.omitted == (Omitted(3, 4, "TTML head (metadata and styling)"),)


def test_ttml_that_is_not_xml_is_an_input_error() -> None:
    from qaformat.readers.ttml import read_ttml

    with pytest.raises(InputError, match="not a TTML file") as error:
        read_ttml('<tt xmlns="http://www.w3.org/ns/ttml">\n<body><p begin="1s">Hi</body></tt>', "bad.ttml")
    assert error.value.line == 2
    with pytest.raises(InputError, match="no TTML caption cue"):
        read_ttml('<tt xmlns="http://www.w3.org/ns/ttml"><body><div/></body></tt>', "empty.ttml")
