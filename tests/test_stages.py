"""Per-stage table tests: speakers, layout, roles and kinds, tidy, descriptions, directions."""

from __future__ import annotations

import pytest

import qaformat
from qaformat.model import Kind, Role, SpanKind
from qaformat.parsing.describe import _apposition_after, _title_before
from qaformat.parsing.directions import find_spans
from qaformat.parsing.layout import is_title_like
from qaformat.parsing.report import Report
from qaformat.parsing.tidy import tidy_text
from qaformat.parsing.words import display_case, slug


def speakers(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(s.name, s.role.value, s.aliases) for s in qaformat.parse(text).speakers]


# --- speakers: one person written several ways -------------------------------------------
RESOLUTION = [
    ("Emily Carter: Why?\n\nDr. Alexander Petrov: Because.\n\nEmily carter: Really?\n\nDr. alexander Petrov: Yes.",
     [("Emily Carter", "interviewer", ("Emily Carter", "Emily carter")),
      ("Dr. Alexander Petrov", "interviewee", ("Dr. Alexander Petrov", "Dr. alexander Petrov"))]),
    ("ANDERSON COOPER, CNN ANCHOR: Why?\n\nSEN. MARGARET HOLLIS (D-OR): No.\n\nCOOPER: Never?\n\nHOLLIS: Never.",
     [("Anderson Cooper", "interviewer", ("ANDERSON COOPER, CNN ANCHOR", "COOPER")),
      ("Sen. Margaret Hollis", "interviewee", ("SEN. MARGARET HOLLIS (D-OR)", "HOLLIS"))]),
    ("Emily Carter: Why?\n\nJohn Park: Because.\n\nEC: Really?\n\nJP: Yes.",
     [("Emily Carter", "interviewer", ("Emily Carter", "EC")), ("John Park", "interviewee", ("John Park", "JP"))]),
    ("CLICK HERE: Why?\n\nJANE ROE: Because.\n\nCH: Really?\n\nJR: Yes.",
     [("Click Here", "interviewer", ("CLICK HERE", "CH")), ("Jane Roe", "interviewee", ("JANE ROE", "JR"))]),
    ("Raúl Ortega: Why?\n\nAnn Lee: Because.\n\nRaul Ortega: Really?\n\nOrtega: And?\n\nLee: Yes.",
     [("Raúl Ortega", "interviewer", ("Raúl Ortega", "Raul Ortega", "Ortega")), ("Ann Lee", "interviewee", ("Ann Lee", "Lee"))]),
]


@pytest.mark.parametrize(("text", "expected"), RESOLUTION)
def test_speaker_resolution(text, expected):
    assert speakers(text) == expected


def test_mr_and_mrs_smith_are_two_people():
    text = "Mr. John Smith: Why?\n\nMrs. Smith: Because.\n\nMr. John Smith: Really?\n\nMrs. Smith: Yes."
    assert [name for name, _, _ in speakers(text)] == ["Mr. John Smith", "Mrs. Smith"]


def test_ids_are_unique_slugs():
    assert slug("Dr. Alexander Petrov") == "dr-alexander-petrov"
    assert slug("Müller") == "muller"
    assert slug("سارا") == "سارا"
    assert display_case("MR. O'BRIEN-MCDONALD") == "Mr. O'Brien-McDonald"


def test_a_name_once_in_prose_is_not_a_speaker():
    text = "Q: Who said it?\n\nA: As my teacher put it, Dalia Ruiz: nothing is wasted.\n\nQ: And?\n\nA: That's all."
    t = qaformat.parse(text)
    assert [s.name for s in t.speakers] == ["Q", "A"]
    assert any(d.code == "label-rejected" for d in t.diagnostics) is False  # "As my teacher..." is not name-shaped


def test_a_one_off_name_between_turns_is_rejected_and_reported():
    text = ("Jane Roe: Why?\n\nJohn Doe: Because.\n\nBottom Line: we agree.\n\nJane Roe: Really?\n\nJohn Doe: Yes.")
    t = qaformat.parse(text)
    assert [s.name for s in t.speakers] == ["Jane Roe", "John Doe"]


# --- roles and kinds ------------------------------------------------------------------
def kinds(text: str) -> list[tuple[str | None, str]]:
    return [(turn.speaker, turn.kind.value) for turn in qaformat.parse(text).turns()]


def test_who_asks_is_the_interviewer_whoever_speaks_first():
    text = "Ann: I was born in Lyon.\n\nBen: Where did you study?\n\nAnn: In Paris.\n\nBen: And then?\n\nAnn: Work."
    roles = {s.name: s.role for s in qaformat.parse(text).speakers}
    assert roles == {"Ann": Role.INTERVIEWEE, "Ben": Role.INTERVIEWER}


def test_closing_thanks_is_a_remark():
    text = "Ben: Where?\n\nAnn: Paris.\n\nBen: Why?\n\nAnn: Work.\n\nBen: Ann, thank you."
    assert kinds(text)[-1] == ("ben", "remark")


def test_panel_one_moderator_two_guests():
    text = ("Moderator: First question, for both of you: why run?\n\nAmy Reed: Because the ward needs it.\n\n"
            "Carl Voss: Because nobody else would.\n\nModerator: And the budget?\n\nAmy Reed: Balanced.\n\nCarl Voss: Cut.")
    roles = {s.name: s.role.value for s in qaformat.parse(text).speakers}
    assert roles == {"Moderator": "interviewer", "Amy Reed": "interviewee", "Carl Voss": "interviewee"}


_PANEL = (
    "MAYA OKONJO: Welcome to the harbour forum. I'm joined by Priya Nandakumar of the port authority, Tomas Wirth"
    " of the fishermen's co-operative, and Elin Sauer, who runs the ferry company. Priya, why move the fish market?\n\n"
    "PRIYA NANDAKUMAR: Because the quay is sinking. We measured eleven centimetres in four years, and the repairs"
    " would cost more than the new hall.\n\n"
    "OKONJO: Tomas, your members like the old quay.\n\n"
    "TOMAS WIRTH: They do. Their grandfathers landed fish there, and the new hall is two kilometres from the"
    " town.\n\n"
    "ELIN SAUER: May I add something? The ferry berth moves with the market, and nobody has asked who pays for"
    " the new pontoon.\n\n"
    "OKONJO: Quickly, Elin.\n\n"
    "SAUER: The pontoon alone costs what we earn in a year, so either the town helps or the fares go up.\n\n"
    "NANDAKUMAR: The town has offered half. That is in the plan.\n\n"
    "OKONJO: That is all we have time for. Thank you all."
)


def test_a_panel_guest_who_comes_in_unasked_answers():
    """The moderator introduces three guests; one takes the floor unasked ("May I add something?") and
    never ends a turn with a question: a guest, not a second moderator."""
    transcript = qaformat.parse(_PANEL)
    roles = {s.name: s.role.value for s in transcript.speakers}
    guests = {d.message.split(" taken")[0]: d.message.split("; ")[1] for d in transcript.diagnostics
              if "as a panel's guest does" in d.message}
    assert guests == {"Tomas Wirth": "called on by name and asks nothing, as a panel's guest does)",
                      "Elin Sauer": "comes in unasked and asks nothing, as a panel's guest does)"}
    assert roles == {"Maya Okonjo": "interviewer", "Priya Nandakumar": "interviewee", "Tomas Wirth": "interviewee",
                     "Elin Sauer": "interviewee"}
    generic = _PANEL
    for number, name in enumerate(["MAYA OKONJO", "PRIYA NANDAKUMAR", "TOMAS WIRTH", "ELIN SAUER"], start=1):
        generic = generic.replace(f"{name}:", f"Speaker {number}:").replace(f"{name.split()[1]}:", f"Speaker {number}:")
    roles = {s.name: s.role.value for s in qaformat.parse(generic).speakers}  # no names: beside the one who asks
    assert roles == {"Speaker 1": "interviewer", "Speaker 2": "interviewee", "Speaker 3": "interviewee",
                     "Speaker 4": "interviewee"}


def test_two_co_hosts_and_a_guest_keep_both_hosts():
    """The second host first speaks after the guest, without a question mark, and only the guest
    says his name: still a host."""
    text = ("Lena: Welcome back to Shop Talk. Our guest today runs a bicycle workshop. Tell us how it started.\n\n"
            "Omar Haddad: With a broken bike and a borrowed garage. I fixed my own, then the neighbours', then"
            " the whole street's, and after a year I had a waiting list and no garage.\n\n"
            "Jakob: We had the same with the podcast, a hobby that turned into a second job without anyone deciding.\n\n"
            "Omar Haddad: That is it exactly. I rented a unit by the railway and hired my cousin, who knew wheels"
            " better than I did, and we have never had a quiet month since.\n\n"
            "Lena: What would you tell someone starting now?\n\n"
            "Omar Haddad: Keep the garage as long as you can. Rent is what closes workshops, not customers.\n\n"
            "Jakob: Good advice for podcasts too, where the rent is the hosting bill and the microphones.\n\n"
            "Omar Haddad: Jakob knows. Thanks for having me, both of you, it was a pleasure to talk about the"
            " workshop and the people who keep it going.")
    roles = {s.name: s.role.value for s in qaformat.parse(text).speakers}
    assert roles == {"Lena": "interviewer", "Omar Haddad": "interviewee", "Jakob": "interviewer"}


def _statement(topic: str) -> str:
    return " ".join(f"Point {n} about {topic} is one we learned the hard way. Why does it matter? It saves time."
                    for n in range(1, 6))


def test_a_round_of_statements_is_no_interview_every_voice_other():
    """Three hosts each give tips at length; the only questions are rhetorical, inside them."""
    text = "\n\n".join(f"{name}: {_statement(topic)}" for name, topic in
                       [("Ana", "audio"), ("Ben", "intros"), ("Cy", "length"), ("Ana", "guests"), ("Ben", "templates"),
                        ("Cy", "titles")])
    transcript = qaformat.parse(text)
    assert {s.name: s.role for s in transcript.speakers} == dict.fromkeys(["Ana", "Ben", "Cy"], Role.OTHER)
    assert {turn.kind for turn in transcript.turns()} == {Kind.REMARK}
    assert any("a round of statements" in d.message for d in transcript.diagnostics)


def test_an_interviewer_who_asks_in_long_turns_is_still_an_interviewer():
    ask = _statement("audio") + " So what do you do about it?"
    text = "\n\n".join([f"Ana: {ask}", f"Ben: {_statement('gear')}"] * 3)
    roles = {s.name: s.role for s in qaformat.parse(text).speakers}
    assert roles == {"Ana": Role.INTERVIEWER, "Ben": Role.INTERVIEWEE}


def test_prompts_without_a_question_mark_ask():
    """An oral historian prompts ("Tell me about ..."); the narrator asks tag questions."""
    text = ("MARTINEZ: Tell me your name.\n\nBRENNAN: Harold Brennan. You know Scranton? Coal town.\n\n"
            "MARTINEZ: Describe your first ship.\n\nBRENNAN: A destroyer. You know how hot it gets? Very.\n\n"
            "MARTINEZ: Walk me through coming home.\n\nBRENNAN: It was hard. Can you imagine?")
    roles = {s.name: s.role for s in qaformat.parse(text).speakers}
    assert roles == {"Martinez": Role.INTERVIEWER, "Brennan": Role.INTERVIEWEE}


def test_japanese_asks_with_ka_and_a_full_stop():
    text = ("佐藤：陶芸を始めたきっかけは何ですか。\n\n中村：祖父が窯元だったんです。子どもの頃から土に触っていました。\n\n"
            "佐藤：会社員時代の経験は今に生きていますか。\n\n中村：段取りの考え方は役に立っています。\n\n"
            "佐藤：これからの目標は。\n\n中村：海外で個展を開きたいです。")
    roles = {s.name: s.role for s in qaformat.parse(text).speakers}
    assert roles == {"佐藤": Role.INTERVIEWER, "中村": Role.INTERVIEWEE}


def test_a_moderator_who_calls_on_the_panel_beside_an_audience_question():
    text = ("KEISHA GRANT: Good afternoon. Robert, is print dead?\n\nROBERT LINDAHL: Print is expensive.\n\n"
            "KEISHA GRANT: Ana, your newsroom has never printed anything.\n\nANA GUTIERREZ: Never.\n\n"
            "KEISHA GRANT: Let's go to the audience.\n\nAUDIENCE MEMBER: Would you hire a graduate?\n\n"
            "ROBERT LINDAHL: Today.")
    roles = {s.name: s.role.value for s in qaformat.parse(text).speakers}
    assert roles == {"Keisha Grant": "interviewer", "Robert Lindahl": "interviewee", "Ana Gutierrez": "interviewee",
                     "Audience Member": "interviewer"}


def test_briefing_each_q_is_its_own_turn():
    text = ("MS. LANE:  Good afternoon.\n\nQ    Two questions. First?\n\nQ    A follow-up?\n\nMS. LANE:  Yes to both.\n\n"
            "Q    Thanks.")
    turns = list(qaformat.parse(text).turns())
    assert [t.speaker for t in turns] == ["ms-lane", "q", "q", "ms-lane", "q"]
    assert {s.name: s.role.value for s in qaformat.parse(text).speakers} == {"Ms. Lane": "interviewee", "Q": "interviewer"}


def test_repeated_named_labels_merge_into_one_turn():
    text = "Ann: Where?\n\nBen: Here.\n\nBen: And there.\n\nAnn: Why?\n\nBen: Because."
    turns = list(qaformat.parse(text).turns())
    assert [len(t.paragraphs) for t in turns] == [1, 2, 1, 1]


def test_stage_direction_alone_between_turns_ends_the_turn_before_it():
    text = "Q: Why?\n\nA: Because.\n\n(APPLAUSE)\n\nQ: Really?\n\nA: Yes."
    turns = list(qaformat.parse(text).turns())
    assert [(t.speaker, t.kind.value) for t in turns] == [("q", "question"), ("a", "answer"), ("q", "question"),
                                                          ("a", "answer")]
    assert turns[1].paragraphs == ("Because.", "(APPLAUSE)")
    assert [span.kind for span in turns[1].spans] == [SpanKind.DIRECTION]


def test_an_editors_note_between_turns_and_a_direction_above_the_first_are_notes():
    text = "[Begin tape 2]\n\nQ: Why?\n\nA: Because.\n\nEditor's note: the answer was cut.\n\nQ: Really?\n\nA: Yes."
    assert [k for k in kinds(text) if k[0] is None] == [(None, "note"), (None, "note")]


def test_stage_direction_inside_a_turn_stays_in_it():
    text = "Q: Why?\n\nA: Because.\n\n[pause]\n\nWell, mostly.\n\nQ: Really?\n\nA: Yes."
    t = qaformat.parse(text)
    answer = list(t.turns())[1]
    assert answer.paragraphs == ("Because.", "[pause]", "Well, mostly.") and answer.kind is Kind.ANSWER


# --- layout -----------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("The Significance of the Treaty", True),
    ("the Significance of the Treaty", True),
    ("What’s Missing from the Treaty?", True),
    ("Absolutely, this treaty is a clear signal.", False),
    ("March 14, 2025", False),
    ("By Jane Doe", False),
    ("1:14 P.M. EDT", False),
])
def test_title_like(text, expected):
    assert is_title_like(text) is expected


def test_title_intro_heading_and_skipped():
    text = ("Home » News\n\nA Talk With Ann: On Bridges\n\nBy Jo Bell\n\nAnn Lee builds bridges. We met in May.\n\n"
            "Early Years\n\nBen: Where?\n\nAnn: Paris.\n\nBen: Why?\n\nAnn: Work.\n\nLeave a Comment\n\nPost")
    t = qaformat.parse(text)
    assert t.title == "A Talk With Ann: On Bridges"
    assert t.intro == ("Ann Lee builds bridges. We met in May.",)
    assert [s.heading for s in t.sections] == ["Early Years"]
    assert [(s.first_line, s.last_line, s.reason) for s in t.skipped] == [
        (1, 1, "before the interview"), (5, 5, "byline, dateline or header"), (19, 21, "after the interview")]


def test_whole_keeps_everything():
    text = "Home » News\n\nBen: Where?\n\nAnn: Paris.\n\nBen: Why?\n\nAnn: Work.\n\nLeave a Comment"
    t = qaformat.parse(text, options=qaformat.ParseOptions(whole=True))
    assert t.skipped == () and t.title == "Home » News"
    assert list(t.turns())[-1].paragraphs == ("Leave a Comment",)


def test_hard_wrapped_lines_join():
    line = "word " * 13
    text = "\n".join([f"INTERVIEWER: {line}", line, "end of it.", "", f"SMITH: {line}", line, "done.", "",
                      f"INTERVIEWER: {line}?", "", f"SMITH: {line}", line, "done."])
    turns = list(qaformat.parse(text).turns())
    assert len(turns) == 4 and len(turns[0].paragraphs) == 1 and turns[0].paragraphs[0].endswith("end of it.")


# --- tidy -------------------------------------------------------------------------------
TIDY = [
    ("allies.this is", "allies. this is"),
    ("Dr.Petrov, this", "Dr. Petrov, this"),
    ("Iran,which have", "Iran, which have"),
    ("stay tuned to  world-today-news.com for", "stay tuned to world-today-news.com for"),
    ("the U.S. and e.g. 3.5 percent at 4 a.m. in 1,000 cases", "the U.S. and e.g. 3.5 percent at 4 a.m. in 1,000 cases"),
    ("see https://example.org/a.b and report.pdf", "see https://example.org/a.b and report.pdf"),
    ("wait... what", "wait... what"),
]


@pytest.mark.parametrize(("before", "after"), TIDY)
def test_tidy(before, after):
    report = Report()
    assert tidy_text(before, 1, report, apply=True) == after
    assert tidy_text(before, 1, Report(), apply=False) == before
    assert bool(report.items) is (before != after)


def test_without_tidy_words_stay_exactly_as_written():
    text = "Ann: Dr.Petrov,  this is it.\n\nBen: Why?\n\nAnn: Because.\n\nBen: Yes?"
    assert next(iter(qaformat.parse(text).turns())).paragraphs == ("Dr.Petrov,  this is it.",)
    tidy = qaformat.parse(text, options=qaformat.ParseOptions(tidy=True))
    assert next(iter(tidy.turns())).paragraphs == ("Dr. Petrov, this is it.",)


# --- descriptions and directions -----------------------------------------------------------
def test_descriptions():
    assert _title_before("To unpack it, world-today-news.com Senior Editor ") == "world-today-news.com Senior Editor"
    assert _title_before("Ledger features editor ") == "Ledger features editor"
    assert _title_before("sits down with ") is None
    assert _title_before("we interviewed ") is None
    assert _apposition_after(", a senior fellow at the Institute, for a talk.") == "a senior fellow at the Institute"
    assert _apposition_after(", who said no.") is None


def test_inline_spans():
    spans = find_spans(["No. [laughs] Then [inaudible 00:15:05] and (APPLAUSE) at [00:15:09] (see above)."])
    text = "No. [laughs] Then [inaudible 00:15:05] and (APPLAUSE) at [00:15:09] (see above)."
    assert [(text[s.start:s.end], s.kind) for s in spans] == [
        ("[laughs]", SpanKind.DIRECTION), ("[inaudible 00:15:05]", SpanKind.DIRECTION),
        ("(APPLAUSE)", SpanKind.DIRECTION), ("[00:15:09]", SpanKind.TIMESTAMP)]


def test_magazine_style_bold_questions_without_labels():
    text = ("# The Baker\n\nAna Ruiz ran a shop. We asked her why she quit sugar.\n\n**What made you stop?**\n\n"
            "My father's diabetes.\n\nIt took a year.\n\n**Did customers leave?**\n\nHalf of them.")
    t = qaformat.parse(text, format="markdown")
    assert [(turn.speaker, turn.kind.value, len(turn.paragraphs)) for turn in t.turns()] == [
        ("interviewer", "question", 1), ("ana-ruiz", "answer", 2), ("interviewer", "question", 1),
        ("ana-ruiz", "answer", 1)]  # the intro's subject is the one answering
    assert t.title == "The Baker"
    assert any(d.code == "convention" and "'bold-questions'" in d.message for d in t.diagnostics)


def test_implied_speakers_are_named_from_the_headline_and_byline():
    text = ("# An interview with Ana Ruiz\n\nBy Tom Bell\n\n**What made you stop?**\n\n"
            "My father's diabetes.\n\n**Did customers leave?**\n\nHalf of them.")
    t = qaformat.parse(text, format="markdown")
    assert [(s.name, s.role.value) for s in t.speakers] == [("Tom Bell", "interviewer"), ("Ana Ruiz", "interviewee")]


@pytest.mark.parametrize(("intro", "interviewee"), [
    ("We moved the build to Bazel. Here is what we learned.", "Interviewee"),  # two sentences, no name
    ("Dr. Ines Alvarado has cut sails for thirty years.", "Dr. Ines Alvarado"),  # an honorific's full stop
])
def test_the_intros_subject_never_spans_two_sentences(intro: str, interviewee: str):
    text = (f"# Notes from the loft\n\n{intro}\n\n**Why change at all?**\n\nThe old way had grown too slow.\n\n"
            "**What did it cost?**\n\nFour months.\n\n**Would you do it again?**\n\nYes.\n\n"
            "**Who carried it?**\n\nThree of us.\n\n**What next?**\n\nThe tests.")
    t = qaformat.parse(text, format="markdown")
    assert [s.name for s in t.speakers] == ["Interviewer", interviewee]


@pytest.mark.parametrize(("headline", "interviewee"), [
    ("Harbour Weekly — draft 2 — Ines Alvarado interview (KD)", "Ines Alvarado"),  # the part that says "interview"
    ("Harbour Weekly — draft 2 (KD)", "Interviewee"),  # a masthead and a draft: nobody's name
    ("Harbour Weekly", "Interviewee"),
    ("Ines Alvarado — on sails and sailmakers", "Ines Alvarado"),
])
def test_the_interviewee_is_the_person_a_headline_names_not_its_publication(headline: str, interviewee: str):
    text = (f"# {headline}\n\n**How did you start?**\n\nIn my uncle's loft, cutting canvas.\n\n"
            "**And now?**\n\nNow I cut sails for racing yachts.\n\n**Which cloth?**\n\nMostly laminates.\n\n"
            "**Do you still sew by hand?**\n\nThe corners, always.\n\n**What next?**\n\nA bigger loft.")
    t = qaformat.parse(text, format="markdown")
    assert [(s.name, s.role.value) for s in t.speakers] == [("Interviewer", "interviewer"), (interviewee, "interviewee")]


def test_a_page_titles_name_is_the_interviewee_where_the_headline_says_it_again():
    page = ("<html><head><title>{title}</title></head><body><h1>Tools of the trade: what Ines Alvarado uses</h1>"
            "<p>We ask makers about their tools.</p><h3>Which tool do you use most?</h3><p>A sailmaker's palm.</p>"
            "<h3>And the oldest?</h3><p>My uncle's fid, older than I am.</p><h3>Which cloth?</h3><p>Laminates.</p>"
            "<h3>Do you still sew by hand?</h3><p>The corners, always.</p><h3>What next?</h3><p>A bigger loft.</p>"
            "</body></html>")
    named = qaformat.parse(page.format(title="Ines Alvarado | The Harbour Ledger"), format="html")
    assert [s.name for s in named.speakers] == ["Interviewer", "Ines Alvarado"]
    unnamed = qaformat.parse(page.format(title="Vanity Harbour | Tools of the trade"), format="html")
    assert [s.name for s in unnamed.speakers] == ["Interviewer", "Interviewee"]  # a site's name, said nowhere else


def test_one_bold_question_is_not_an_interview():
    with pytest.raises(qaformat.ParseError):
        qaformat.parse("# Title\n\n**Why?**\n\nBecause.", format="markdown")


def test_an_otter_header_is_left_out_whole_and_its_speaker_names_are_no_title() -> None:
    text = ("interview_FINAL.mp3\n\nSUMMARY KEYWORDS\nferry, captain, sound\n\nSPEAKERS\nNadia Osei, Walt Kessler\n\n"
            "Nadia Osei  0:03\nSo, Walt, how did you first get involved?\n\nWalt Kessler  0:09\nI had a car.\n\n"
            "Nadia Osei  0:20\nAnd then?\n\nWalt Kessler  0:25\nThen the ferry.\n\nTranscribed by https://otter.ai\n")
    transcript = qaformat.parse(text)
    assert transcript.title is None and transcript.intro == ()
    assert [(s.first_line, s.last_line, s.reason) for s in transcript.skipped] == [
        (1, 7, "byline, dateline or header"), (21, 21, "after the interview")]
    assert [t.line for t in transcript.turns()] == [9, 12, 15, 18]


@pytest.mark.parametrize(("closing", "kept"), [
    ("Jonas Berg is a senior reporter at the Ledger.", False),
    ("Odette Vance's album is out in May.", False),
    ("Berg is a senior reporter at the Ledger.", True),  # one name word: read as the answer going on
    ("She is a senior reporter at the Ledger.", True),
])
def test_what_a_third_person_line_after_the_last_turn_does(closing: str, kept: bool) -> None:
    transcript = qaformat.parse(f"Jane Roe: Why now?\n\nJohn Doe: Because.\n\nJane Roe: Really?\n\nJohn Doe: Yes.\n\n{closing}\n")
    last = list(transcript.turns())[-1]
    assert (closing in last.paragraphs) is kept
    assert bool(transcript.skipped) is not kept


# --- the boxes a page sets around and inside an interview ---------------------------------
_BOLD_QA = ("# Q&A: Ines Duarte on ten years at the harbour office\n\n**Ten years. What has changed?**\n\n"
            "The boats got bigger.\n\n**Who moors here now?**\n\nMostly families from inland.\n\n"
            "**What would you tell a first-time sailor?**\n\nCheck the tide table twice.\n\n")


def test_a_box_after_the_last_turn_ends_the_interview_whatever_a_convention_read_into_it() -> None:
    # The bold-questions convention reads the text under any heading after a question as an answer.
    t = qaformat.parse(_BOLD_QA + "## 8 comments\n\nThe discussion on this story has ended.\n\n## Most read\n\n"
                       "1. Ferry timetable changes from Monday\n", format="markdown")
    assert [turn.paragraphs[0] for turn in t.turns()][-1] == "Check the tide table twice."
    assert len(list(t.turns())) == 6 and [s.heading for s in t.sections] == [None]
    assert [(s.first_line, s.last_line, s.reason) for s in t.skipped] == [(15, 21, "after the interview")]


def test_a_box_between_turns_is_skipped_with_its_reason_and_the_interview_goes_on() -> None:
    t = qaformat.parse("**BOTE:** Herr Weidemann, wie war der Fang?\n\n**Weidemann:** Drei Hechte.\n\n"
                       "> Mehr zum Thema\n> [Warum die Maräne verschwindet](https://example.org/m)\n\n"
                       "**BOTE:** Und morgen?\n\n**Weidemann:** Wieder raus.\n\n"
                       "## Te puede interesar\n\n**BOTE:** Und dann?\n\n**Weidemann:** Netze flicken.\n", format="markdown")
    assert [turn.line for turn in t.turns()] == [1, 3, 8, 10, 14, 16]
    assert [(s.first_line, s.last_line, s.reason) for s in t.skipped] == [
        (5, 6, "links to other articles"), (12, 12, "links to other articles")]
    assert [s.heading for s in t.sections] == [None]
    # --whole keeps a box as a note
    whole = qaformat.parse("**A:** Hi?\n\n**B:** Yes.\n\n## Most read\n\n**A:** Bye?\n\n**B:** No.\n", format="markdown",
                           options=qaformat.ParseOptions(whole=True))
    assert ("Most read",) in [turn.paragraphs for turn in whole.turns()] and whole.skipped == ()


def test_a_paywall_box_and_the_label_inside_it_are_left_out() -> None:
    t = qaformat.parse("**BOTE:** Herr Keller, wie war der Sommer?\n\n**Keller:** Heiß.\n\n**BOTE:** Und morgen?\n\n"
                       "**Keller:** Wieder rauf.\n\nJetzt weiterlesen mit BOTE+\n\nFrage: Schon Abonnent? Hier anmelden.\n",
                       format="markdown")
    assert [turn.line for turn in t.turns()] == [1, 3, 5, 7]
    assert [s.id for s in t.speakers] == ["bote", "keller"]  # no "Frage" speaker with no turn
    assert [(s.first_line, s.last_line) for s in t.skipped] == [(9, 11)]


def test_a_caption_cue_after_the_closing_thanks_is_still_the_interview() -> None:
    cues = [("TOM: Why bread?", 1), ("MARA: My father baked.", 3), ("TOM: Mara, thank you so much.", 5),
            ("MARA: Thank you, Tom.", 7), ("This was fun.", 9)]
    srt = "".join(f"{n}\n00:00:{s:02},000 --> 00:00:{s + 1:02},900\n{text}\n\n" for n, (text, s) in enumerate(cues, 1))
    t = qaformat.parse(srt, format="srt")
    assert list(t.turns())[-1].paragraphs == ("Thank you, Tom. This was fun.",)
    assert t.skipped == ()


def test_an_archive_header_names_the_labels_and_is_never_turns() -> None:
    # The title in capitals over the fields, a tape line, then surnames: the header names them.
    t = qaformat.parse("HARBOR CANNERY ORAL HISTORY PROJECT\nNarrator: Evelyn Marsh\nInterviewer: Tomas Okafor\n"
                       "Date: June 3, 2021\nTape 2, Side B\n\nOKAFOR: When did you start?\n\nMARSH: In 1958.\n\n"
                       "OKAFOR: What was the work?\n\nMARSH: Slimer, cleaning fish.\n", format="text")
    assert [(s.name, s.role.value, s.aliases) for s in t.speakers] == [
        ("Tomas Okafor", "interviewer", ("OKAFOR",)), ("Evelyn Marsh", "interviewee", ("MARSH",))]
    assert [turn.line for turn in t.turns()] == [7, 9, 11, 13] and [s.heading for s in t.sections] == [None]
    assert [d.line for d in t.diagnostics if d.code == "speaker-named-by-header"] == [2, 3]


def test_a_single_credit_line_is_metadata_and_names_the_q_label() -> None:
    t = qaformat.parse("Interviewer: Carla Ortiz, The Valley Courier. Date: 12 April 2024.\n\n"
                       "Q: Is the worst over?\n\nA: For goods, probably.\n\nQ: And rents?\n\nA: Still climbing.\n",
                       format="text")
    assert [(s.name, s.aliases, s.description) for s in t.speakers] == [
        ("Carla Ortiz", ("Q",), "Carla Ortiz, The Valley Courier"), ("A", ("A",), None)]
    assert [turn.line for turn in t.turns()] == [3, 5, 7, 9]
    assert [(s.first_line, s.reason) for s in t.skipped] == [(1, "byline, dateline or header")]


def test_a_one_off_interviewer_remark_at_the_top_is_no_credit_line() -> None:
    t = qaformat.parse("Interviewer: Good morning, and thanks for coming.\n\nQ: Is the worst over?\n\nA: Probably.\n\n"
                       "Q: And rents?\n\nA: Still climbing.\n", format="text")
    assert [s.name for s in t.speakers][-2:] == ["Q", "A"]
    assert not any(d.code == "speaker-named-by-header" for d in t.diagnostics)


def test_an_implied_answer_under_a_box_in_the_middle_is_the_boxs() -> None:
    t = qaformat.parse(_BOLD_QA.replace("**Who moors", "## Sign up to The Harbour Letter\n\nTides and notices, every Friday.\n\n"
                                                       "**Who moors"), format="markdown")
    assert [turn.paragraphs[0][:12] for turn in t.turns()] == [
        "Ten years. W", "The boats go", "Who moors he", "Mostly famil", "What would y", "Check the ti"]
    assert [(s.first_line, s.last_line, s.reason) for s in t.skipped] == [(7, 9, "newsletter sign-up")]


def test_headings_and_answers_that_only_mention_the_page_are_kept() -> None:
    # A section heading about comments is no comments box, nor is an answer that says "Share".
    t = qaformat.parse(_BOLD_QA.replace("**Who moors", "## What the comments taught me\n\n**Who moors")
                       + "**Do you read the comments on the harbour forum?**\n\nShare.\n\nThen I log off.\n",
                       format="markdown")
    assert [s.heading for s in t.sections] == [None, "What the comments taught me"]
    assert list(t.turns())[-1].paragraphs == ("Share.", "Then I log off.")
    assert t.skipped == ()


@pytest.mark.parametrize("footer", [
    "TO ORDER A VIDEO OF THIS TRANSCRIPT, PLEASE CALL 800-555-0100 OR USE OUR ONLINE ORDER FORM",
    "Publicidad", "Anzeige", "Comments are closed.",
])
def test_a_page_footer_after_a_note_is_no_turn(footer: str) -> None:
    t = qaformat.parse(f"HOLT: Will you run again?\n\nVANCE: Ask me in May.\n\nHOLT: Thank you.\n\n"
                       f"VANCE: Thank you.\n\nHOLT: Next, the storm on the coast.\n\n(COMMERCIAL BREAK)\n\n{footer}\n")
    assert all(footer not in turn.paragraphs for turn in t.turns())
    assert [(s.first_line, s.reason) for s in t.skipped] == [(13, "after the interview")]


@pytest.mark.parametrize(("line", "byline"), [
    ("Por Julián Ferrer", True), ("Ein Gespräch von Lea Brandt", True), ("Propos recueillis par Anne Roy", True),
    ("Von Anfang an war klar, dass der See kippt.", False), ("Por la tarde fuimos al taller.", False),
])
def test_a_byline_in_another_language_above_the_interview(line: str, byline: bool) -> None:
    t = qaformat.parse(f"# Der See\n\n{line}\n\n**BOTE:** Wie war der Fang?\n\n**Weidemann:** Gut.\n\n"
                       "**BOTE:** Und morgen?\n\n**Weidemann:** Wieder raus.\n", format="markdown")
    assert ((3, 3, "byline, dateline or header") in [(s.first_line, s.last_line, s.reason) for s in t.skipped]) is byline
    assert (t.intro == (line,)) is not byline


_HEARING_TURNS = ("    The CHAIRMAN. The subcommittee will come to order. Senator Vance, you are\nrecognized.\n"
                  "    Senator VANCE. Thank you. Why did the routes close?\n"
                  "    Dr. OKAFOR. The grants ran out.\n"
                  "    Senator VANCE. Will they come back?\n"
                  "    Dr. OKAFOR. Not without money.\n"
                  "    The CHAIRMAN. Thank you. The hearing is adjourned.\n")
_HOUSE_PAGE = ("[House Hearing, 119 Congress]\n[From the U.S. Government Publishing Office]\n\n\n\n"
               "                  PROTECTING SMALL HARBORS FROM WINTER\n                               STORMS\n\n"
               + "=" * 71 + "\n\n                                HEARING\n\n                               BEFORE THE\n\n"
               "                     SUBCOMMITTEE ON COAST GUARD\n\n                                 OF THE\n\n"
               "                   COMMITTEE ON TRANSPORTATION\n                        HOUSE OF REPRESENTATIVES\n\n"
               "                               __________\n\n                            MARCH 4, 2025\n\n"
               "                               __________\n\n")


def test_a_hearings_title_page_gives_the_title_above_its_first_rule_and_is_left_out() -> None:
    t = qaformat.parse(_HOUSE_PAGE + _HEARING_TURNS)
    assert t.title == "PROTECTING SMALL HARBORS FROM WINTER STORMS"  # centred on two lines: one title
    assert [(s.first_line, s.last_line, s.reason) for s in t.skipped] == [
        (1, 2, "before the interview"), (9, 26, "title page: committee, date, rules")]
    assert t.intro == () and next(iter(t.turns())).line == 28


@pytest.mark.parametrize("top", [
    "Interview With A Harbor Pilot\n=============================\n\n",  # a rule under a headline
    "MORNING EDITION\n\n-----\n\nMARCH 4, 2025\n\n-----\n\n",  # a dated box between rules, no page under a title
    "HARBOR PILOTS\n\n=====\n\nHEARING\n\n=====\n\n",  # a title page with no date
])
def test_other_rules_above_the_interview_still_stop_the_search_for_a_title(top: str) -> None:
    t = qaformat.parse(top + _HEARING_TURNS)
    assert t.title is None
    assert all(s.reason != "title page: committee, date, rules" for s in t.skipped)


def test_page_tools_and_a_time_above_the_first_turn_are_left_out_and_the_title_above_them_found() -> None:
    text = ("Coastal Flood Defences\nVolume 768: debated on Thursday 16 October 2025\n\nDownload text\n\n10:12:00\n\n"
            "Meera Lanchester\nWhat will the Minister do about the Humber defences?\n\n"
            "Ms Fenwick\nWe have begun a survey of the walls.\n\n"
            "Meera Lanchester\nWill she publish it?\n\nMs Fenwick\nI will publish it in full.\n")
    t = qaformat.parse(text)
    assert t.title == "Coastal Flood Defences" and t.intro == ()
    assert [(s.first_line, s.reason) for s in t.skipped] == [
        (2, "byline, dateline or header"), (4, "page tools"), (6, "byline, dateline or header")]


_QUOTED_TURNS = """Ada: "We walked to school."

Interviewer: How far was it?

Ada: "Three miles, and three back, in all weathers. Nobody drove us."

Interviewer: Did you mind?

Ada: "Not then. You don't mind what everyone does."
"""


def test_a_quoted_headline_above_the_interview_is_the_title_but_a_quoted_first_turn_stays_a_turn() -> None:
    headline = qaformat.parse('Ada Price: "We walked to school"\n\nAda Price talked to us.\n\n'
                              + _QUOTED_TURNS.replace('Ada: "', "Ada Price: ").replace('."', ".").split("\n\n", 1)[1])
    assert headline.title == 'Ada Price: "We walked to school"'
    assert headline.sections[0].turns[0].paragraphs == ("How far was it?",)
    # Every answer of hers is quoted: the first line is her first turn, not a headline.
    quoted = qaformat.parse(_QUOTED_TURNS)
    assert quoted.title is None
    assert quoted.sections[0].turns[0].paragraphs == ('"We walked to school."',)
