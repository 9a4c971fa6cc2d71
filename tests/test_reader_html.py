"""The HTML reader: page furniture left out with its lines, blocks and hints, encodings, our own output.

tests/fixtures/html/page.html is a captured news page (navigation, header, scripts, an aside,
a comment form, the interview in an <article>); fragment.html is what a CMS stores (a <dl>).
"""

from __future__ import annotations

import codecs
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import qaformat
from qaformat.blocks import Block, Omitted
from qaformat.errors import InputError, ParseError, Severity
from qaformat.model import Kind
from qaformat.options import RenderOptions
from qaformat.readers import detect
from qaformat.readers.html_reader import read_html

HTML = Path(__file__).parent / "fixtures" / "html"
PAGE = HTML / "page.html"
FRAGMENT = HTML / "fragment.html"


def _hints(block: Block) -> tuple:
    return (block.line, block.text, block.gap_before, block.heading, block.bold_prefix, block.italic)


# -- the captured page ------------------------------------------------------------------------


def test_page_furniture_is_omitted_with_its_lines():
    doc = read_html(PAGE.read_bytes(), str(PAGE))
    assert doc.omitted == (
        Omitted(11, 14, "style sheet"),
        Omitted(15, 15, "script"),
        Omitted(16, 20, "script"),
        Omitted(23, 23, "HTML comment"),
        Omitted(24, 34, "page header"),
        Omitted(35, 35, "HTML comment"),
        Omitted(37, 37, "page navigation"),
        Omitted(55, 55, "advertisement"),  # <div class="ad-slot">, with the script that fills it
        Omitted(66, 72, "sidebar (aside)"),
        Omitted(73, 82, "comments"),  # <section id="comments">, its form inside
        Omitted(84, 87, "page footer"),
        Omitted(88, 88, "script"),
    )
    # What holds words a reader of the page sees is reported; scripts, style sheets and comments are not.
    assert [(d.code, d.line, d.message) for d in doc.diagnostics] == [
        ("left-out", 24, "lines 24-34 not read (page header)"), ("left-out", 37, "lines 37-37 not read (page navigation)"),
        ("left-out", 55, "lines 55-55 not read (advertisement)"), ("left-out", 66, "lines 66-72 not read (sidebar (aside))"),
        ("left-out", 73, "lines 73-82 not read (comments)"), ("left-out", 84, "lines 84-87 not read (page footer)")]
    assert {d.severity for d in doc.diagnostics} == {Severity.INFO}


def test_page_blocks_and_hints():
    blocks = read_html(PAGE.read_bytes()).blocks
    assert [_hints(b) for b in blocks[:8]] == [
        # the <header> inside the <article> is the article's own: its headline and byline are read
        (40, "Q&A: The last ferry captain on Pike Sound", True, 1, 0, False),
        (41, "By Nadia Brooks \u00b7 March 14, 2025", True, None, 0, False),
        # whitespace collapsed over the source lines; &nbsp; stays a no-break space
        (43, "Tomas Varga has piloted the Marguerite between Ashby Point and Lund Island since 1994. The county"
             " retires the route on April\u00a01. We met him in the wheelhouse before the 6:40 crossing.", True, None, 0, False),
        (46, "This interview has been edited for length and clarity.", True, None, 0, True),
        (47, "Starting out", True, 2, 0, False),
        (48, "Nadia Brooks: How did you end up on the water?", True, None, len("Nadia Brooks:"), False),
        (49, "Tomas Varga: My uncle ran a tug out of Ashby. I swept his deck at twelve, and by nineteen I had my"
             " mate\u2019s ticket. Nobody asked me if I wanted an office job, and I never asked myself.", True, None,
         len("Tomas Varga:"), False),
        (52, "Brooks: Was the Marguerite your first command?", True, None, len("Brooks:"), False),
    ]
    # <b> as well as <strong>; <br> splits the paragraph, the next line has no gap before it
    varga, complained = (b for b in blocks if b.line in (58, 60))
    assert (varga.text, varga.bold_prefix) == (
        "Varga: February 2008. Fog so thick I couldn\u2019t see the bow rail. We ran on radar and the horn for fifty minutes.", 6)
    assert (complained.text, complained.gap_before, complained.bold_prefix) == (
        "Not one passenger complained. They just held their coffee.", False, 0)
    # the section the page marks as its comments (<section class="comments">) is not read
    assert [b.line for b in blocks][-1] < 73


def test_page_metadata():
    assert read_html(PAGE.read_bytes()).metadata == {
        "page_title": "Q&A: The last ferry captain on Pike Sound | The Harbor Ledger",
        "author": "Nadia Brooks",
        "date": "2025-03-14",
        "description": "After 31 years at the wheel, Tomas Varga talks tides, fog and the end of the line.",
        "lang": "en",
    }


def test_page_end_to_end():
    t = qaformat.read(PAGE)
    assert t.title == "Q&A: The last ferry captain on Pike Sound"
    assert [(s.name, s.aliases) for s in t.speakers] == [("Nadia Brooks", ("Nadia Brooks", "Brooks")),
                                                        ("Tomas Varga", ("Tomas Varga", "Varga"))]
    assert [s.heading for s in t.sections] == ["Starting out", "Fog, tides and the last run"]
    assert [turn.kind for turn in t.turns()] == [Kind.QUESTION, Kind.ANSWER] * 4 + [Kind.REMARK]
    assert [turn.line for turn in t.turns()] == [48, 49, 52, 53, 57, 58, 61, 62, 64]
    skipped = {s.reason: (s.first_line, s.last_line) for s in t.skipped}
    assert skipped["page navigation"] == (37, 37)
    assert skipped["comments"] == (73, 82)
    assert skipped["page header"] == (24, 34)
    assert skipped["sidebar (aside)"] == (66, 72)
    assert all("Captain" not in p for turn in t.turns() for p in turn.paragraphs[1:])
    assert t.metadata["author"] == "Nadia Brooks"


# -- the CMS fragment -------------------------------------------------------------------------


def test_fragment_dl_gives_speakers():
    doc = read_html(FRAGMENT.read_bytes())
    assert [(b.line, b.text, b.speaker, b.gap_before) for b in doc.blocks] == [
        (1, "Five questions for the new harbormaster", None, True),
        (2, "Ines Duarte took over the Ashby harbor office in January. She spoke with Ledger reporter Sam Whitley.",
         None, True),
        (7, "What surprised you most in the first month?", "Sam Whitley", True),
        (9, "The paperwork. Every mooring has a history, and some of it is on index cards from 1971.", "Ines Duarte", True),
        (10, "We are scanning them now \u2013 two interns, all of February.", "Ines Duarte", True),  # a second <dd>
        (12, "What changes for boaters this summer?", "Sam Whitley", True),
        (14, "Transient slips go online.", "Ines Duarte", True),
        (14, "No more calling the office at six in the morning.", "Ines Duarte", False),
        (16, "Thank you.", "Sam Whitley", True),
        (19, "Interview condensed and edited.", None, True),
    ]
    assert doc.blocks[0].heading == 3 and doc.blocks[-1].italic
    assert doc.omitted == (Omitted(4, 4, "HTML comment"), Omitted(18, 18, "HTML comment"))


def test_fragment_end_to_end():
    t = qaformat.read(FRAGMENT)
    assert [s.name for s in t.speakers] == ["Sam Whitley", "Ines Duarte"]
    assert [(turn.kind, turn.speaker, len(turn.paragraphs)) for turn in t.turns()] == [
        (Kind.QUESTION, "sam-whitley", 1), (Kind.ANSWER, "ines-duarte", 2),
        (Kind.QUESTION, "sam-whitley", 1), (Kind.ANSWER, "ines-duarte", 2), (Kind.REMARK, "sam-whitley", 1)]


def test_dt_without_dd_is_text_and_groups_inside_dl():
    doc = read_html("<dl><dt>Glossary</dt><dt>Jane</dt><div><dd>Hi.</dd></div>"
                    "<div><dt>John</dt><dd><p>Hello.</p><p>Again.</p></dd></div></dl>")
    # A <dt> names the speaker only of the <dd> right after it, in the same list or group.
    assert [(b.text, b.speaker) for b in doc.blocks] == [
        ("Glossary", None), ("Jane", None), ("Hi.", None), ("Hello.", "John"), ("Again.", "John")]


def test_dt_with_a_label_and_text_is_a_paragraph():
    # Only a name-only <dt> names its <dd>'s speaker; a label with its question is text like any other,
    # whatever its length, and so is the <dd> under it.
    doc = read_html("<dl><dt><b>HQ:</b> Do you still sketch by hand?</dt><dd><b>Okafor:</b> Every day.</dd>"
                    "<dt><b>HQ:</b> Go on.</dt><dd><b>Okafor:</b> Pencil, mostly.</dd>"
                    "<dt>Dr. Ines Duarte:</dt><dd>The paperwork.</dd><dt>Was it hard?</dt><dd>No.</dd></dl>")
    assert [(b.text, b.speaker, b.bold_prefix) for b in doc.blocks] == [
        ("HQ: Do you still sketch by hand?", None, 3), ("Okafor: Every day.", None, 7),
        ("HQ: Go on.", None, 3), ("Okafor: Pencil, mostly.", None, 7),
        ("The paperwork.", "Dr. Ines Duarte", 0), ("Was it hard?", None, 0), ("No.", None, 0)]


def test_dl_of_labelled_terms_end_to_end():
    t = qaformat.parse(
        "<h2>Interview: Ada Okafor</h2><dl>"
        "<dt><b>HQ:</b> You drew bridges for years before you designed one. How did that happen?</dt>"
        "<dd><b>Okafor:</b> Slowly. An engineer asked me to draw what he could not explain.</dd>"
        "<dt><b>HQ:</b> Do you still sketch by hand?</dt><dd><b>Okafor:</b> Every day. Pencil, mostly.</dd>"
        "<dt><b>HQ:</b> What are you building now?</dt><dd><b>Okafor:</b> A footbridge.</dd></dl>", format="html")
    # The heading says whom the interview is with: "Okafor" is Ada Okafor.
    assert [(turn.speaker, turn.paragraphs[0][:14]) for turn in t.turns()] == [
        ("hq", "You drew bridg"), ("ada-okafor", "Slowly. An eng"), ("hq", "Do you still s"),
        ("ada-okafor", "Every day. Pen"), ("hq", "What are you b"), ("ada-okafor", "A footbridge.")]


# -- our own HTML output reads back -----------------------------------------------------------

OWN = """# The last ferry captain

Tomas Varga has piloted the Marguerite since 1994.

## Starting out

Nadia Brooks: How did you end up on the water?

Tomas Varga: My uncle ran a tug out of Ashby.

[Editor's note: The Osprey was scrapped in 2001.]

Nadia Brooks: Was the Marguerite your first command?

Tomas Varga: Second.

It was the Osprey.
"""


def _same_turns(a: qaformat.Transcript, b: qaformat.Transcript) -> None:
    assert [(t.kind, t.speaker, t.paragraphs) for t in a.turns()] == [(t.kind, t.speaker, t.paragraphs) for t in b.turns()]
    assert (a.title, a.intro, [s.heading for s in a.sections]) == (b.title, b.intro, [s.heading for s in b.sections])


@pytest.mark.parametrize("standalone", [False, True], ids=["fragment", "page"])
def test_our_html_reads_back(standalone):
    original = qaformat.parse(OWN, format="markdown")
    html = qaformat.render(original, "html", RenderOptions(standalone=standalone))
    blocks = read_html(html).blocks
    assert [(b.text[:13], b.style, b.title, b.heading, b.bold_prefix, b.italic) for b in blocks] == [
        ("The last ferr", "qa-title", True, None, 0, False),
        ("Tomas Varga h", "qa-intro", False, None, 0, False),
        ("Starting out", "qa-heading", False, 2, 0, False),
        ("Nadia Brooks:", "qa-question", False, None, len("Nadia Brooks:"), False),
        ("Tomas Varga: ", "qa-answer", False, None, len("Tomas Varga:"), False),
        ("[Editor's not", "qa-note", False, None, 0, True),
        ("Nadia Brooks:", "qa-question", False, None, len("Nadia Brooks:"), False),
        ("Tomas Varga: ", "qa-answer", False, None, len("Tomas Varga:"), False),
        ("It was the Os", "qa-answer", False, None, 0, False),
    ]
    _same_turns(qaformat.parse(html, format="html"), original)


def test_our_html_with_timestamps_and_short_labels_reads_back():
    original = qaformat.parse("[00:00:03] Nadia Brooks: Hello?\n\n[00:01:02] Tomas Varga: Hi.\n\n"
                              "[00:01:10] Nadia Brooks: Ready?\n\n[00:01:12] Tomas Varga: Yes.\n")
    html = qaformat.render(original, "html", RenderOptions(timestamps=True, labels=qaformat.LabelStyle.SURNAME))
    again = qaformat.parse(html, format="html")
    assert [(t.kind, t.speaker, t.timestamp, t.paragraphs) for t in again.turns()] == [
        (t.kind, t.speaker, t.timestamp, t.paragraphs) for t in original.turns()]


# -- encodings --------------------------------------------------------------------------------

CAFE = "<html><head><meta {meta}></head><body><p>Caf\u00e9 \u201cnoir\u201d</p></body></html>"


@pytest.mark.parametrize(("meta", "codec"), [
    ('charset="windows-1252"', "cp1252"),
    ('http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"', "cp1252"),  # as browsers read it
    ("charset=utf-8", "utf-8"),
    ('charset="koi8-r"', "koi8-r"),
])
def test_the_declared_encoding_is_used(meta, codec):
    text = CAFE.format(meta=meta)
    if codec == "koi8-r":
        text = text.replace("Caf\u00e9 \u201cnoir\u201d", "\u041a\u043e\u0444\u0435")
    doc = read_html(text.encode(codec))
    assert doc.blocks[0].text in ("Caf\u00e9 \u201cnoir\u201d", "\u041a\u043e\u0444\u0435")
    assert doc.diagnostics == ()


def test_undeclared_or_wrongly_declared_cp1252_falls_back_with_a_warning():
    for meta in ("name=x", "charset=utf-8"):
        doc = read_html(CAFE.format(meta=meta).encode("cp1252"))
        assert doc.blocks[0].text == "Caf\u00e9 \u201cnoir\u201d"
        assert [(d.code, d.line) for d in doc.diagnostics] == [("encoding-fallback", 1)]


def test_a_byte_order_mark_wins_over_the_declaration():
    page = CAFE.format(meta='charset="windows-1252"')
    assert read_html(codecs.BOM_UTF8 + page.encode("utf-8")).blocks[0].text == "Caf\u00e9 \u201cnoir\u201d"
    assert read_html(page.encode("utf-16")).blocks[0].text == "Caf\u00e9 \u201cnoir\u201d"


def test_a_utf16_label_on_ascii_compatible_bytes_is_ignored():
    doc = read_html(CAFE.format(meta='charset="utf-16"').encode("utf-8"))
    assert doc.blocks[0].text == "Caf\u00e9 \u201cnoir\u201d" and doc.diagnostics == ()


def test_xhtml_with_an_xml_declaration():
    xhtml = ('<?xml version="1.0" encoding="iso-8859-15"?>\n<!DOCTYPE html>\n'
             '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<p>\u20ac 5</p></body></html>')
    blocks = read_html(xhtml.encode("iso-8859-15")).blocks
    assert [(b.text, b.line) for b in blocks] == [("\u20ac 5", 4)]


def test_binary_is_refused():
    with pytest.raises(InputError, match="PNG image"):
        read_html(b"\x89PNG\r\n\x1a\n" + bytes(100))


# -- smaller cases ----------------------------------------------------------------------------


def test_whitespace_bold_and_italic_like_a_browser():
    doc = read_html(
        "<p>  <strong>Dr. <a href='#'>Alexander</a> Petrov:</strong>\n   Good\tmorning <b>all</b> </p>\n"
        '<p><b style="font-weight:normal" id="docs-internal-guid-1"><span style="font-weight:700">Jane:</span>'
        '<span style="font-weight:400"> Hi</span></b></p>\n'
        "<p><em>Laughter.</em> <i>(All.)</i></p>\n"
        "<p><em>Half</em> of it</p>\n"
        "<p><strong>Bold only</strong></p>\n")
    assert [(b.text, b.bold_prefix, b.italic) for b in doc.blocks] == [
        ("Dr. Alexander Petrov: Good morning all", len("Dr. Alexander Petrov:"), False),
        ("Jane: Hi", len("Jane:"), False),  # Google Docs: bold by style, not by <b>
        ("Laughter. (All.)", 0, True),
        ("Half of it", 0, False),
        ("Bold only", len("Bold only"), False),
    ]


def test_pre_keeps_lines_and_spaces():
    doc = read_html("<pre>\nJANE:  Hi.\n  JOHN:  Hello.\n\nJANE:  Bye.</pre>")
    assert [(b.text, b.line, b.gap_before) for b in doc.blocks] == [
        ("JANE:  Hi.", 2, True), ("JOHN:  Hello.", 3, False), ("JANE:  Bye.", 5, True)]


def test_text_directly_in_containers_and_line_breaks():
    doc = read_html("<div>\n  Jane: Hi<br>\n  John: Hello<br><br>Jane: Bye\n  <p>A paragraph</p>\n  Tail text\n</div>")
    # The first line of an element is the element's line; later lines are where their text is.
    assert [(b.text, b.line, b.gap_before) for b in doc.blocks] == [
        ("Jane: Hi", 1, True), ("John: Hello", 3, False), ("Jane: Bye", 3, True),
        ("A paragraph", 4, True), ("Tail text", 5, True)]


def test_blockquote_lists_and_tables_are_blocks():
    doc = read_html("<blockquote><p>Quoted.</p></blockquote><ul><li>One</li><li>Two</li></ul>"
                    "<table><tr><td>Jane</td><td>Hi</td></tr></table>")
    assert [(b.text, b.quote) for b in doc.blocks] == [
        ("Quoted.", True), ("One", False), ("Two", False), ("Jane", False), ("Hi", False)]


TRANSCRIPT_ROWS = [("Tom Reyes", "00:00:27", "Thanks for coming in. How did you start?"),
                   ("Mara Lind", "00:00:53", "By accident, at my father's bakery.<br>Then I stayed."),
                   ("Tom Reyes", "00:01:14", "What was the hardest part?"),
                   ("Mara Lind", "00:01:37", "The hours, without question.")]


@pytest.mark.parametrize(("order", "header"), [((0, 1, 2), True), ((1, 0, 2), False), ((2, 0, 1), True)])
def test_a_transcript_table_names_each_rows_speaker_and_time(order, header):
    # A web player's transcript as a table: speaker, time and text in any order, header or not.
    def row(cells: tuple[str, str, str], tag: str = "td") -> str:
        return "<tr>" + "".join(f"<{tag}>{cells[i]}</{tag}>" for i in order) + "</tr>\n"

    head = "<thead>" + row(("Speaker", "Time", "Text"), "th") + "</thead>\n" if header else ""
    doc = read_html("<table><caption>Episode 4</caption>\n" + head + "<tbody>\n" + "".join(map(row, TRANSCRIPT_ROWS))
                    + "</tbody></table>")
    first = 5 if header else 3
    assert [(b.text, b.speaker, b.time, b.line) for b in doc.blocks] == [
        ("Episode 4", None, None, 1),
        ("Thanks for coming in. How did you start?", "Tom Reyes", 27.0, first),
        ("By accident, at my father's bakery.", "Mara Lind", 53.0, first + 1),
        ("Then I stayed.", "Mara Lind", None, first + 1),
        ("What was the hardest part?", "Tom Reyes", 74.0, first + 2),
        ("The hours, without question.", "Mara Lind", 97.0, first + 3)]
    assert [o.reason for o in doc.omitted] == (["table header row"] if header else [])
    assert not doc.diagnostics  # the column names are no words of the page left out


def test_a_timetable_or_a_table_of_names_stays_cells():
    timetable = "".join(f"<tr><td>{time}</td><td>{name}</td><td>{show}</td></tr>" for time, name, show in [
        ("07:00", "Maggie Doyle", "Breakfast with Maggie and your requests"), ("09:00", "Tom Achebe", "The sports round-up, county results"),
        ("13:00", "Maggie Doyle", "Lunchtime requests and the weekly quiz"), ("15:30", "Tom Achebe", "Live commentary from Marsh Lane")])
    staff = "".join(f"<tr><td>{name}</td><td>{role}</td></tr>" for name, role in [
        ("Maggie Doyle", "Presenter, breakfast and lunchtime shows"), ("Tom Achebe", "Sports editor and match commentator"),
        ("Priya Nair", "Producer of the food programme")])
    for table in (timetable, staff):
        doc = read_html(f"<table>{table}</table>")
        assert all(b.speaker is None and b.time is None for b in doc.blocks)
        assert len(doc.blocks) == table.count("<td>")


def test_furniture_by_role_form_kind_and_hidden():
    doc = read_html('<div role="navigation">Menu</div>\n<form role="search"><input></form>\n'
                    '<form id="newsletter-signup"><input></form>\n<form action="/vote"><input></form>\n'
                    '<div hidden>Secret</div>\n<article><footer>Filed under: Ferries</footer></article>\n'
                    "<footer>Site footer</footer>\n<iframe src=x></iframe><svg><title>Logo</title></svg>")
    assert [o.reason for o in doc.omitted] == [
        "page navigation", "search form", "newsletter form", "form", "hidden element", "page footer",
        "embedded frame", "graphic (svg)"]
    assert [b.text for b in doc.blocks] == ["Filed under: Ferries"]


def test_page_components_by_class_id_and_aria_label():
    # What CMSs put around an article, named by the words of a class, an id or a short aria-label.
    story = "<p>Jane: " + "A long answer about the harbour, the ferries and the fog. " * 4 + "</p>\n"
    doc = read_html(
        "<article>\n" + story +
        '<section class="comments"><h2>8 comments</h2><p>The discussion has ended.</p></section>\n'
        '<section class="most-read"><h2>Most read</h2><ol><li>Ferry timetable</li></ol></section>\n'
        '<div class="ad-slot"><p>Advertisement</p></div>\n<div class="publicidad">Publicidad</div>\n'
        '<div class="newsletterSignup"><h4>The Harbour Letter</h4></div>\n'
        '<div class="audio-player"><a href="x.mp3">Download</a></div>\n'
        '<ul aria-label="Share"><li>Email</li></ul>\n<div id="disqus_thread">Load comments</div>\n'
        '<section class="relacionadas"><h3>Te puede interesar</h3></section>\n'
        "<figure><img src=x><figcaption>The slipway at low tide. Photo: A. Brandt</figcaption></figure>\n"
        '<p class="wp-caption-text">The harbour at dawn.</p>\n</article>')
    assert [(o.first_line, o.reason) for o in doc.omitted] == [
        (3, "comments"), (4, "links to other articles"), (5, "advertisement"), (6, "advertisement"),
        (7, "newsletter sign-up"), (8, "audio or video player"), (9, "share buttons"), (10, "comments"),
        (11, "links to other articles"), (12, "photo caption"), (13, "photo caption")]
    assert [b.line for b in doc.blocks] == [2]


def test_paywall_boxes_by_class():
    # A paywall's teaser box at the end of the free text, whose second line looks like a label.
    story = "<p>Keller: " + "Eine lange Antwort über den Gletscher und die Gäste. " * 4 + "</p>\n"
    doc = read_html(
        "<article>\n" + story +
        '<div class="paywall"><p>Jetzt weiterlesen mit SPIEGEL+</p><p>Frage: Schon Abonnent? Hier anmelden.</p></div>\n'
        '<div class="regwall-prompt"><p>Register to keep reading.</p></div>\n'
        '<section class="premium-box"><p>Continue reading with Premium</p></section>\n</article>')
    assert [(o.first_line, o.reason) for o in doc.omitted] == [(3, "paywall"), (4, "paywall"), (5, "paywall")]
    assert [b.line for b in doc.blocks] == [2]


def test_page_components_near_misses():
    # States and taxonomies (has-comments, tag-social), a lone "comment", an inline element, a wrapper
    # around the headline or around most of the page's text: all read.
    answer = "Jane: " + "A long answer about the harbour, the ferries and the fog. " * 4
    doc = read_html(
        '<div class="post has-comments comments-open tag-social category-ads">\n<h1>Five questions</h1>\n'
        f'<div class="comment">{answer}</div>\n'
        '<p>Bob: Was it <span class="share">worth it</span>?</p>\n</div>\n'
        f'<div class="entry social-share">\n<p>{answer}</p>\n<p>{answer}</p>\n</div>\n'
        '<div class="captions-list">Bob: So?</div>')
    assert doc.omitted == ()
    assert [b.line for b in doc.blocks] == [2, 3, 4, 7, 8, 10]


def test_comments_outside_the_root_and_multiline_comments():
    doc = read_html("<!DOCTYPE html>\n<!-- saved from url=(0042)https://example.org/ -->\n<html><body>\n"
                    "<!-- a\nlong\ncomment -->\n<p>Jane: Hi</p>\n</body></html>\n<!-- trailing -->\n")
    assert doc.omitted == (Omitted(2, 2, "HTML comment"), Omitted(4, 6, "HTML comment"), Omitted(9, 9, "HTML comment"))
    assert [(b.text, b.line) for b in doc.blocks] == [("Jane: Hi", 7)]


def test_line_numbers_past_libxml2s_limit():
    page = "<html><body>\n" + "<p>x</p>\n" * 70_000 + "<p>Jane: the end</p>\n<!-- c -->\n</body></html>\n"
    doc = read_html(page)
    assert doc.blocks[-1] == Block("Jane: the end", 70_002)
    assert doc.omitted == (Omitted(70_003, 70_003, "HTML comment"),)


def test_control_characters_and_lone_surrogates_survive():
    doc = read_html("<p>a\x00b\x07c\ud800d</p>")
    assert doc.blocks[0].text == "a\ufffdb\x07c\ufffdd"  # parsing reports the control character


@pytest.mark.parametrize("tag", ["div", "b", "blockquote"])
def test_deep_nesting_within_the_parsers_limit_reads(tag):
    doc = read_html(f"<{tag}>" * 250 + "Jane: hi" + f"</{tag}>" * 250)
    assert [b.text for b in doc.blocks] == ["Jane: hi"]


def test_too_deep_nesting_is_an_input_error():
    with pytest.raises(InputError, match="nested more than 256 deep"):
        read_html("<div>" * 300 + "Jane: hi" + "</div>" * 300)


@pytest.mark.parametrize("data", ["", "  \n", "<!DOCTYPE html>", "<!-- only a comment -->", "<html></html>"])
def test_empty_pages_have_no_blocks(data):
    assert read_html(data).blocks == ()
    with pytest.raises(ParseError, match="no text"):
        qaformat.parse(data, format="html")


# -- detection --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["talk.html", "talk.htm", "talk.xhtml", "TALK.HTML"])
def test_detection_by_suffix(name):
    assert detect(name, b"<p>Jane: hi</p>") == "html"


@pytest.mark.parametrize("head", [
    b"<!DOCTYPE html>\n<html>", b"<!doctype HTML><p>", b"\xef\xbb\xbf  <html lang=en>", b"<html>",
    b'<?xml version="1.0"?>\n<!DOCTYPE html>', b"<!-- saved -->\n<!DOCTYPE html>",
])
def test_detection_by_content_even_for_txt(head):
    assert detect("talk.txt", head) == "html"
    assert detect(None, head) == "html"


@pytest.mark.parametrize("head", [b"<p>Jane: hi</p>", b"Jane: <html> is a tag", b"<htmlish>", b"Jane: hi"])
def test_no_html_detection_without_a_page_start(head):
    assert detect("talk.txt", head) == "text"


def test_a_saved_page_named_txt_and_from_html(tmp_path):
    saved = tmp_path / "page.txt"
    shutil.copy(PAGE, saved)
    assert qaformat.read(saved).title == "Q&A: The last ferry captain on Pike Sound"
    fragment = tmp_path / "fragment.txt"
    shutil.copy(FRAGMENT, fragment)
    assert [s.name for s in qaformat.read(fragment, format="html").speakers] == ["Sam Whitley", "Ines Duarte"]
    result = subprocess.run([sys.executable, "-m", "qaformat", "convert", str(fragment), "--from", "html", "-t", "json"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert '"Ines Duarte"' in result.stdout


def test_the_title_and_byline_named_by_the_pages_metadata():
    page = ("<html><head><title>Five questions</title><meta name='author' content='Sam Whitley'></head><body>"
            "<p><b>Five questions</b></p>\n<p>Sam Whitley</p>\n<p><b>Sam Whitley:</b> Why?</p>\n"
            "<p><b>Ines Duarte:</b> Because.</p></body></html>")
    doc = read_html(page)
    assert [(b.text, b.title) for b in doc.blocks] == [
        ("Five questions", True), ("Sam Whitley: Why?", False), ("Ines Duarte: Because.", False)]
    assert doc.omitted == (Omitted(2, 2, "author line (the page's author)"),)
    # Where the page marks its title itself, or no paragraph says what <title> says, nothing changes
    marked = read_html(page.replace("<p><b>Five questions</b></p>", "<h1 class='qa-title'>Five</h1>"))
    assert [b.text for b in marked.blocks][:2] == ["Five", "Sam Whitley"] and marked.omitted == ()
    assert read_html(page.replace("<title>Five questions</title>", "<title>Five questions | Ledger</title>")).omitted == ()


def test_class_rules_make_inline_text_bold_or_italic_but_not_blocks():
    page = ("<html><head><style>.c1{font-weight:700}.c2{font-style:italic} p.lead{font-weight:bold}</style></head>"
            "<body><p class='lead'>A bold standfirst.</p>"
            "<p><span class='c1'>Jane:</span><span> Hi.</span></p>"
            "<p><span class='c1' style='font-weight:400'>Not:</span> bold</p>"
            "<p><span class='c2'>All in italics.</span></p></body></html>")
    assert [(b.text, b.bold_prefix, b.italic) for b in read_html(page).blocks] == [
        ("A bold standfirst.", 0, False), ("Jane: Hi.", len("Jane:"), False), ("Not: bold", 0, False),
        ("All in italics.", 0, True)]
