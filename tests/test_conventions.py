"""The conventions contest and what each convention reads (issue: conventions chosen by evidence).

Small invented inputs, one behaviour each; the realistic cases are in tests/corpus/.
"""

from __future__ import annotations

import io
import subprocess
import sys

import docx
import pytest

import qaformat
from qaformat import ParseOptions, Role


def turns(text: str, fmt: str = "text", **options: object) -> list[tuple[str | None, str, str]]:
    transcript = qaformat.parse(text, format=fmt, options=ParseOptions(**options))  # type: ignore[arg-type]
    names = {s.id: s.name for s in transcript.speakers}
    return [(names.get(t.speaker or ""), t.kind.value, t.paragraphs[0] if t.paragraphs else "") for t in transcript.turns()]


def convention(text: str, fmt: str = "text") -> str:
    transcript = qaformat.parse(text, format=fmt)
    [found] = [d.message for d in transcript.diagnostics if d.code == "convention"]
    return found.split("'")[1]


HEADINGS = ("---\ntitle: Ana Ruiz\n---\n\n### What do you bake?\n\nBread, mostly.\n\nSome cakes.\n\n"
            "### Where?\n\nIn Lisbon.\n\n#### Tools\n\nAn old oven.\n")


def test_heading_questions_name_the_interviewee_from_the_front_matter():
    assert turns(HEADINGS, "markdown") == [
        ("Interviewer", "question", "What do you bake?"), ("Ana Ruiz", "answer", "Bread, mostly."),
        ("Interviewer", "question", "Where?"), ("Ana Ruiz", "answer", "In Lisbon."),
        ("Ana Ruiz", "answer", "An old oven."),  # a sub-heading inside the answer starts a new turn
    ]
    transcript = qaformat.parse(HEADINGS, format="markdown")
    assert [s.heading for s in transcript.sections if s.heading] == ["Tools"]
    assert convention(HEADINGS, "markdown") == "heading-questions"


def test_written_labels_beat_question_headings():
    text = "## Why start?\n\n**Host:** So why?\n\n**Ana:** Because.\n\n## What next?\n\n**Host:** Next?\n\n**Ana:** Sleep.\n"
    assert convention(text, "markdown") == "colon"
    assert [t[0] for t in turns(text, "markdown")] == ["Host", "Ana", "Host", "Ana"]


def test_italic_questions_above_labelled_answers_get_an_implied_interviewer():
    text = ('{\n  "authors": ["chromatic"],\n  "title": "Inside the meetup"\n}\n\n*An intro in italics.*\n\n'
            "*How did it start?*\n\n**Richard Dice:** With a mailing list.\n\nThen a pub.\n\n"
            "*I remember the first one.*\n\n**RD:** So do I.\n\n*And next year?*\n\n**RD:** Toronto again.\n")
    assert turns(text, "markdown") == [
        ("chromatic", "question", "How did it start?"), ("Richard Dice", "answer", "With a mailing list."),
        ("chromatic", "question", "I remember the first one."), ("Richard Dice", "answer", "So do I."),
        ("chromatic", "question", "And next year?"), ("Richard Dice", "answer", "Toronto again."),
    ]


def test_bold_call_to_action_is_not_a_question():
    text = ("# Q&A: the baker who quit sugar\n\n**What made you stop?**\n\nMy father's diabetes.\n\n"
            "**Did customers leave?**\n\nHalf of them.\n\n**Subscribe to our newsletter!**\n")
    assert [t[1] for t in turns(text, "markdown")] == ["question", "answer", "question", "answer"]


def test_blockquote_answers():
    text = "Do you get lonely?\n\n> Never.\n\nWhat is next?\n\n> Retirement.\n"
    assert turns(text, "markdown") == [("Interviewer", "question", "Do you get lonely?"), ("Interviewee", "answer", "Never."),
                                        ("Interviewer", "question", "What is next?"), ("Interviewee", "answer", "Retirement.")]


def test_a_listicle_with_a_few_subheads_that_ask_is_not_an_interview():
    text = ("# Ten things to do in Leeds this weekend\n\n**Where should you eat?**\n\nThe market.\n\n"
            "**What should you see?**\n\nThe gallery.\n\n**Where can you dance?**\n\nThe old mill.\n")
    with pytest.raises(qaformat.ParseError, match="no interview found") as refused:
        qaformat.parse(text, format="markdown")
    # The error says why the questions it saw were not taken for an interview.
    assert ("bold-questions: 3 questions, fewer than 5 on a page that neither names the people nor says it is an"
            " interview;") in refused.value.message


def test_pull_quotes_beside_an_article_are_not_answers():
    text = "# Essay\n\nA long paragraph.\n\n> A pull quote.\n\nMore text.\n\n> Another pull quote.\n"
    with pytest.raises(qaformat.ParseError, match="blockquote-answers: none"):
        qaformat.parse(text, format="markdown")


def test_round_up_headings_name_who_answers():
    text = ("We asked two bakers the same questions.\n\n## Ana Ruiz, baker\n\n**When do you start?**\n\nAt four.\n\n**Best loaf?**\n\nRye.\n\n"
            "## Ben Okafor\n\n**When do you start?**\n\nAt five.\n")
    assert [t[0] for t in turns(text, "markdown")] == ["Interviewer", "Ana Ruiz", "Interviewer", "Ana Ruiz",
                                                        "Interviewer", "Ben Okafor"]


def test_own_line_names():
    text = "JANE DOE\nHello, John. How did it start?\n\nJOHN SMITH\nIn a garage.\n\nJANE DOE\nThen?\n\nJOHN SMITH\nWe sold it.\n"
    assert convention(text) == "own-line-names"
    assert turns(text)[:2] == [("Jane Doe", "question", "Hello, John. How did it start?"), ("John Smith", "answer", "In a garage.")]


@pytest.mark.parametrize("first", ["[00:00:01] Jane Doe", "00:00:01 Jane Doe", "Jane Doe | 00:01", "Jane Doe (00:00:01)"])
def test_own_line_labels_with_a_time(first):
    second = first.replace("Jane Doe", "John Smith").replace("01", "05")
    text = f"{first}\nHow did it start?\n\n{second}\nIn a garage.\n\n{first}\nThen?\n\n{second}\nWe sold it.\n"
    assert [t[0] for t in turns(text)] == ["Jane Doe", "John Smith", "Jane Doe", "John Smith"]


def test_a_chapter_heading_with_a_time_is_not_a_speaker():
    text = "## [00:14:09] Moving On\n\n[00:14:10] **Adam:** So?\n\n[00:14:12] **Brian:** Yes.\n\n[00:14:15] **Adam:** And?\n\n[00:14:17] **Brian:** No.\n"
    transcript = qaformat.parse(text, format="markdown")
    assert [s.heading for s in transcript.sections] == ["[00:14:09] Moving On"]
    assert {s.name for s in transcript.speakers} == {"Adam", "Brian"}


def test_dash_separators_once_the_token_recurs():
    text = "Q - How did it start?\nA - In a garage.\nQ - Then?\nA - We sold it.\n"
    assert [t[:2] for t in turns(text)] == [("Q", "question"), ("A", "answer"), ("Q", "question"), ("A", "answer")]


def test_markdown_list_labels():
    text = "- **Q**: What is it?\n- **A**: A thing.\n\n  More on it.\n\n- **Q**: Why?\n1. **A:** Because.\n"
    assert [t[:2] for t in turns(text, "markdown")] == [("Q", "question"), ("A", "answer"), ("Q", "question"), ("A", "answer")]


def test_angle_labels():
    text = "<Livia> **Como começou?**\n\n<Miguel> Com uma ideia.\n\n<Livia>**E depois?**\n\n<Miguel> Trabalho.\n"
    assert [t[0] for t in turns(text, "markdown")] == ["Livia", "Miguel", "Livia", "Miguel"]


def test_titles_joint_labels_and_role_hints():
    text = ("THE PRESIDENT: Thank you all.\n\nTHE VICE PRESIDENT: Thank you, sir.\n\nANA ROSS, HOST: Questions?\n\n"
            "Ana & Ben: Together!\n\nTHE VICE PRESIDENT: Next.\n\nANA ROSS: Yes?\n\nAna & Ben: Both.\n")
    transcript = qaformat.parse(text)
    by_name = {s.name: s for s in transcript.speakers}
    assert {"The President", "The Vice President", "Ana Ross", "Ana & Ben"} <= set(by_name)
    assert by_name["Ana Ross"].role is Role.INTERVIEWER and by_name["Ana Ross"].description == "HOST"


def test_a_phrase_before_a_colon_is_not_a_speaker():
    text = "Jane Roe: Why?\n\nJohn Doe: Because.\n\nOur takeaways: none.\n\nJane Roe: Really?\n\nJohn Doe: Yes.\n"
    assert "Our takeaways" not in {s.name for s in qaformat.parse(text).speakers}


@pytest.mark.parametrize(("question", "answer"), [("P", "R"), ("F", "A"), ("D", "R"), ("В", "О"), ("I", "P")])
def test_question_and_answer_letters_in_other_languages(question, answer):
    text = f"{question}: ¿Cómo empezó?\n\n{answer}: Con una idea.\n\n{question}: ¿Y luego?\n\n{answer}: Trabajo.\n"
    assert [t[1] for t in turns(text)] == ["question", "answer", "question", "answer"]


@pytest.mark.parametrize(("question", "answer"), [("P.", "R."), ("D.", "R."), ("F.", "A."), ("В.", "О.")])
def test_question_and_answer_letters_with_a_full_stop(question, answer):
    """El País prints "P. ¿Cómo ...?" / "R. Corta. ..."; the letters need no colon."""
    text = f"{question} ¿Cómo va?\n\n{answer} Corta. Muy corta.\n\n{question} ¿Y el precio?\n\n{answer} Sube.\n"
    assert turns(text) == [(question[0], "question", "¿Cómo va?"), (answer[0], "answer", "Corta. Muy corta."),
                           (question[0], "question", "¿Y el precio?"), (answer[0], "answer", "Sube.")]


def test_an_initial_before_a_surname_is_no_letter_label():
    text = "Ana Ruiz: Who came?\n\nBen Cole: R. Kelly Smith did.\n\nAna Ruiz: When?\n\nBen Cole: Late.\n\nR. Kelly Smith wrote later."
    assert {s.name for s in qaformat.parse(text).speakers} == {"Ana Ruiz", "Ben Cole"}


def test_a_number_against_the_generic_label_as_sonix_writes_it():
    text = "Speaker1: [00:00:14] Why storage?\n\nSpeaker2: [00:00:18] Supply and demand.\n\nSpeaker1: [00:00:35] And batteries?\n"
    transcript = qaformat.parse(text)
    assert [(t.speaker, t.timestamp) for t in transcript.turns()] == [("speaker1", 14.0), ("speaker2", 18.0),
                                                                      ("speaker1", 35.0)]


def test_a_header_of_fields_one_a_paragraph_is_no_speakers():
    """A study's Word file: each header field a paragraph of its own, then the interview."""
    fields = ["Project: Remote Work Study", "Participant: P07 (designer)", "Interviewer: Dr. Hannah Cole",
              "Date: 4 October 2023"]
    talk = ["Hannah Cole: Can you tell me about your setup?", "Participant 07: A spare bedroom.",
            "Hannah Cole: Since when?", "Participant 07: Since March 2020."]
    transcript = qaformat.parse("\n\n".join(fields + talk))
    assert {s.name: s.role for s in transcript.speakers} == {"Hannah Cole": Role.INTERVIEWER,
                                                            "Participant 07": Role.INTERVIEWEE}
    assert transcript.title is None
    assert [(s.first_line, s.last_line) for s in transcript.skipped][:1] == [(1, 7)]


def test_mastheads_header_fields_and_opening_hours_are_outside_the_interview():
    text = ("# Ten minutes with a keeper\n\n**Coastal Lives** · Issue 48\n\nQ: What do you do?\n\nA: Paint.\n\n"
            "Q: And then?\n\nA: Rest.\n\nHarbour Library, 2 Quay Street, is open Tuesday to Saturday, 10 a.m. to 6 p.m.\n")
    transcript = qaformat.parse(text, format="markdown")
    assert transcript.title == "Ten minutes with a keeper" and transcript.intro == ()
    assert [t.paragraphs for t in transcript.turns()][-1] == ("Rest.",)
    assert {s.first_line for s in transcript.skipped} == {3, 13}


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_italic_labels_and_names_as_headings(fmt):
    italic = "*Jane Doe:* How did it start?\n\n*Omar Reyes:* In a garage.\n\n*Jane Doe:* And then?\n\n*Omar Reyes:* Growth.\n"
    headed = "### Jane Doe\nHow did it start?\n\n### Omar Reyes\nIn a garage.\n\n### Jane Doe\nAnd then?\n\n### Omar Reyes\nGrowth.\n"
    for text, name in ((italic, "colon"), (headed, "own-line-names")):
        assert convention(text, fmt) == name
        assert turns(text, fmt)[1] == ("Omar Reyes", "answer", "In a garage.")


def test_a_first_name_answering_the_full_name_is_another_person():
    text = "Maria Lopez: Where were you born?\n\nMaria: In Lima. And you?\n\nMaria Lopez: Quito.\n\nMaria: Lovely.\n"
    assert [s.name for s in qaformat.parse(text).speakers] == ["Maria Lopez", "Maria"]


def test_a_surname_label_is_still_the_same_person():
    text = "Raúl Ortega: Why?\n\nAnn Lee: Because.\n\nOrtega: Really?\n\nLee: Yes.\n"
    assert len(qaformat.parse(text).speakers) == 2


def test_introductions_vote_on_roles():
    text = ("Dana Ruiz: Hello. My guest today is Omar Haddad, who repairs boats and talks about them at length.\n\n"
            "Omar Haddad: Thanks.\n\nDana Ruiz: So, boats, and the long story of how you came to them in the end.\n\n"
            "Omar Haddad: Yes.\n")
    transcript = qaformat.parse(text)
    assert [(s.name, s.role) for s in transcript.speakers] == [("Dana Ruiz", Role.INTERVIEWER), ("Omar Haddad", Role.INTERVIEWEE)]
    assert any("introduced by" in d.message for d in transcript.diagnostics if d.code == "role-inferred")


def test_metadata_names_the_interviewer():
    text = ("---\ninterviewer: Livia Bettero\n---\n\nLivia: Tell me about it. It is a long story, I know, but please.\n\n"
            "Miguel: Sim.\n\nLivia: And the rest of it, which I have also heard about from others?\n\nMiguel: Não.\n")
    roles = {s.name: s.role for s in qaformat.parse(text, format="markdown").speakers}
    assert roles == {"Livia": Role.INTERVIEWER, "Miguel": Role.INTERVIEWEE}


GENERIC = "Speaker 1: Welcome. I'm Dana Ruiz, the host.\n\nSpeaker 2: Hi.\n\nSpeaker 1: How are you?\n\nSpeaker 2: Fine, thanks.\n"


def test_generic_labels_get_suggested_names_applied_only_on_request():
    plain = qaformat.parse(GENERIC)
    assert [s.name for s in plain.speakers] == ["Speaker 1", "Speaker 2"]
    [suggestion] = [d for d in plain.diagnostics if d.code == "speaker-name-suggested"]
    assert suggestion.line == 1 and "Dana Ruiz" in suggestion.message
    named = qaformat.parse(GENERIC, options=ParseOptions(name_speakers=True))
    assert [(s.name, s.aliases) for s in named.speakers] == [("Dana Ruiz", ("Speaker 1",)), ("Speaker 2", ("Speaker 2",))]


def test_a_stage_direction_between_one_speakers_paragraphs_stays_in_the_turn():
    text = "MAYOR LEE: We will build it.\n\n(APPLAUSE)\n\nMAYOR LEE: And pay for it.\n\nHOST: How?\n\nMAYOR LEE: Bonds.\n"
    first = next(qaformat.parse(text).turns())
    assert first.paragraphs == ("We will build it.", "(APPLAUSE)", "And pay for it.")


@pytest.mark.parametrize(("line", "reason"), [
    ("READ MORE: City budget explained", "link to other content"),
    ("Jane Roe can be reached at jane@example.com.", "contact line"),
    ('"Sediment" runs through April 19 at the Hall. Admission is free.', "event listing"),
])
def test_page_lines_inside_the_interview_are_skipped_with_a_reason(line, reason):
    text = f"HOST: How?\n\nMAYOR LEE: Bonds.\n\n{line}\n\nMAYOR LEE: Lots of bonds.\n\nHOST: Thanks?\n"
    transcript = qaformat.parse(text)
    assert [s.reason for s in transcript.skipped] == [reason]
    assert [t.paragraphs for t in transcript.turns()][1] == ("Bonds.", "Lots of bonds.")


def test_an_advertisement_and_a_photo_caption_do_not_hide_the_headline():
    text = ("The Keeper\n\nIda Wren has kept the light for 31 years.\n\nIda Wren at the top. Photo: Sam Lee\n\n"
            "Advertisement\n\nTom: How?\n\nIda: By accident.\n\nTom: Lonely?\n\nIda: Never.\n")
    transcript = qaformat.parse(text)
    assert transcript.title == "The Keeper" and transcript.intro == ("Ida Wren has kept the light for 31 years.",)


def test_forcing_a_convention_and_an_unknown_one():
    assert convention(HEADINGS, "markdown") == "heading-questions"
    with pytest.raises(qaformat.ParseError, match="tried bold-questions: none"):
        qaformat.parse(HEADINGS, format="markdown", options=ParseOptions(convention="bold-questions"))
    with pytest.raises(qaformat.ParseError, match="unknown convention 'nope'"):
        qaformat.parse(HEADINGS, format="markdown", options=ParseOptions(convention="nope"))


def test_no_interview_lists_what_each_convention_found():
    with pytest.raises(qaformat.ParseError) as caught:
        qaformat.parse("An essay.\n\nWith two paragraphs.\n")
    for name in ("colon", "own-line-names", "heading-questions", "bold-questions", "italic-questions", "blockquote-answers"):
        assert f"{name}: " in str(caught.value)


def test_conventions_command_lists_every_convention_with_an_example():
    done = subprocess.run([sys.executable, "-m", "qaformat", "conventions"], capture_output=True, text=True, check=True)
    from qaformat.parsing.conventions import CONVENTIONS

    for item in CONVENTIONS:
        assert item.name in done.stdout and item.example in done.stdout


def test_a_service_header_is_metadata_never_the_title():
    text = ("SUMMARY KEYWORDS\nmoney, budget, fees\n\nSPEAKERS\nKelly, Shannon\n\nKelly  0:00\nWelcome. What is a fee?\n\n"
            "Shannon  0:12\nA charge.\n\nKelly  0:20\nAnd an advisor?\n\nShannon  0:25\nSomeone paid by you.\n")
    transcript = qaformat.parse(text)
    assert transcript.title is None
    assert dict(transcript.metadata) == {"keywords": "money, budget, fees", "speakers": "Kelly, Shannon", "lang": "en"}


def test_a_legend_line_names_the_coded_speakers_and_is_not_a_turn():
    text = ("Interview 4, March 2024\n[R] – Reporter [P] – Participant\n\n[R] – How did you start at the mill?\n"
            "[P] – My father worked there.\n[R] – What was the first job?\n[P] – Sweeping.\n")
    transcript = qaformat.parse(text)
    assert [(s.name, s.aliases) for s in transcript.speakers] == [("Reporter", ("[R]",)), ("Participant", ("[P]",))]
    assert next(transcript.turns()).paragraphs[0] == "How did you start at the mill?"


# --- unnamed voices: captions that mark a change of speaker with a dash -----------------------

DASHES = ("1\n00:00:01,000 --> 00:00:03,000\n- Why did the ferries stop?\n- Two boats were in dock.\n\n"
          "2\n00:00:03,000 --> 00:00:05,000\nWe should have had a plan.\n\n"
          "3\n00:00:05,000 --> 00:00:07,000\n- Will it happen again?\n\n"
          "4\n00:00:07,000 --> 00:00:09,000\n- No. A charter boat\nstands by from May.\n")


def test_dialogue_dashes_alternate_two_unnamed_voices():
    assert turns(DASHES, "srt") == [
        ("Speaker 1", "question", "Why did the ferries stop?"),
        ("Speaker 2", "answer", "Two boats were in dock. We should have had a plan."),  # no dash: the same voice
        ("Speaker 1", "question", "Will it happen again?"),
        ("Speaker 2", "answer", "No. A charter boat stands by from May."),
    ]
    transcript = qaformat.parse(DASHES, format="srt")
    assert convention(DASHES, "srt") == "unnamed-voices"
    [caveat] = [d for d in transcript.diagnostics if d.code == "speakers-unnamed"]
    assert caveat.severity is qaformat.Severity.WARNING and "--speaker 'Speaker 1=Name'" in caveat.message


def test_broadcast_chevrons_are_changes_of_speaker_as_dashes_are():
    chevrons = ("WEBVTT\n\n00:01.000 --> 00:03.000\n&gt;&gt; How long were the boats in dock?\n\n"
                "00:03.000 --> 00:05.000\n&gt;&gt; Six weeks.\nLonger than planned.\n\n"
                "00:05.000 --> 00:07.000\n&gt;&gt; Why?\n\n00:07.000 --> 00:09.000\n&gt;&gt; A part came late.\n")
    assert turns(chevrons, "vtt") == [
        ("Speaker 1", "question", "How long were the boats in dock?"),
        ("Speaker 2", "answer", "Six weeks. Longer than planned."),
        ("Speaker 1", "question", "Why?"), ("Speaker 2", "answer", "A part came late."),
    ]
    named = chevrons.replace("&gt;&gt; How", "&gt;&gt; ANA RUIZ: How").replace("&gt;&gt; Six", "&gt;&gt; BEN COLE: Six")
    named = named.replace("&gt;&gt; Why", "&gt;&gt; ANA RUIZ: Why").replace("&gt;&gt; A part", "&gt;&gt; BEN COLE: A part")
    assert convention(named, "vtt") == "colon"
    assert [name for name, _, _ in turns(named, "vtt")] == ["Ana Ruiz", "Ben Cole", "Ana Ruiz", "Ben Cole"]


def test_unnamed_voices_are_named_as_generic_labels_are():
    named = turns(DASHES, "srt", speakers={"Speaker 1": qaformat.SpeakerSpec(name="Ana Ruiz", role=Role.INTERVIEWER),
                                           "speaker 2": qaformat.SpeakerSpec(name="Ben Cole")})
    assert [(name, kind) for name, kind, _ in named] == [
        ("Ana Ruiz", "question"), ("Ben Cole", "answer"), ("Ana Ruiz", "question"), ("Ben Cole", "answer")]


def test_a_dash_or_two_is_not_a_dialogue_and_named_voices_are_the_colon_conventions():
    few = DASHES.replace("- Will it", "Will it").replace("- No.", "No.")
    with pytest.raises(qaformat.ParseError, match="unnamed-voices: none"):
        qaformat.parse(few, format="srt")
    voiced = ("WEBVTT\n\n00:01.000 --> 00:03.000\n<v Ana>- Why?\n\n00:03.000 --> 00:05.000\n<v Ben>- Because.\n\n"
              "00:05.000 --> 00:07.000\n<v Ana>- Sure?\n\n00:07.000 --> 00:09.000\n<v Ben>- Yes.\n")
    assert convention(voiced, "vtt") == "colon"
    assert [name for name, _, _ in turns(voiced, "vtt")] == ["Ana", "Ben", "Ana", "Ben"]


# --- service exports: names on their own line with a time -------------------------------------

def test_zoom_bracketed_names_with_a_clock_time():
    zoom = ("[Anna Berg] 10:01:22\nHow did you start?\n\n[Tom Dahl] 10:01:25\nIn a garage.\n\n"
            "[Anna Berg] 10:01:29\nAnd then?\n\n[Tom Dahl] 10:01:33\nWe grew.\n\n[Music] 10:01:40\n")
    assert turns(zoom)[:4] == [("Anna Berg", "question", "How did you start?"), ("Tom Dahl", "answer", "In a garage."),
                               ("Anna Berg", "question", "And then?"), ("Tom Dahl", "answer", "We grew.")]
    assert "Music" not in {s.name for s in qaformat.parse(zoom).speakers}


def test_teams_timing_line_above_each_name_gives_the_turn_its_time():
    teams = "".join(f"{start} --> {end}\n{name}\n{text}\n\n" for start, end, name, text in [
        ("0:0:0.0", "0:0:5.320", "Anna Berg", "How did you start?"), ("0:0:5.320", "0:0:9.1", "Tom Dahl", "In a garage."),
        ("0:0:9.1", "0:0:12.0", "Anna Berg", "And then?"), ("0:0:12.0", "0:1:15.0", "Tom Dahl", "We grew.")])
    transcript = qaformat.parse(teams, format="text")
    assert [(t.timestamp, t.paragraphs) for t in transcript.turns()] == [
        (0.0, ("How did you start?",)), (5.32, ("In a garage.",)), (9.1, ("And then?",)), (12.0, ("We grew.",))]
    assert convention(teams, "text") == "own-line-names"


NAME_TIME_TEXT = [("Anna Berg", "00:00:03", "Welcome. How did you start?"), ("Tom Dahl", "00:00:09", "In a garage."),
                  ("Anna Berg", "00:00:14", "And then?"), ("Tom Dahl", "00:00:21", "We grew, slowly."),
                  ("Anna Berg", "00:01:02", "Thank you, Tom."), ("Tom Dahl", "00:01:07", "Thanks for having me.")]


@pytest.mark.parametrize(("fmt", "name", "read_as"), [
    ("text", "{}", "own-line-names"), ("markdown", "{}", "own-line-names"), ("markdown", "### {}", "own-line-names"),
    ("markdown", "**{}**", "colon"), ("text", "{}:", "colon")])
def test_a_time_alone_under_the_name_is_the_turns_time(fmt, name, read_as):
    # Riverside, Descript and web transcript players: the name, its time on a line of its own, then the text.
    text = "Episode 12\n\n" + "".join(f"{name.format(n)}\n{time}\n{said}\n\n" for n, time, said in NAME_TIME_TEXT)
    transcript = qaformat.parse(text, format=fmt)
    assert convention(text, fmt) == read_as
    assert turns(text, fmt)[:2] == [("Anna Berg", "question", "Welcome. How did you start?"),
                                    ("Tom Dahl", "answer", "In a garage.")]
    # The last turn's time line does not end the interview, and no time is left in the text.
    assert [(t.timestamp, t.paragraphs) for t in transcript.turns()][-2:] == [
        (62.0, ("Thank you, Tom.",)), (67.0, ("Thanks for having me.",))]
    assert transcript.skipped == ()


def test_a_time_under_the_name_in_a_word_file():
    document = docx.Document()
    for name, time, said in NAME_TIME_TEXT:
        for text in (name, time, said):
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    transcript = qaformat.parse(buffer.getvalue(), format="docx")
    assert [(t.timestamp, t.paragraphs[0]) for t in transcript.turns()][:2] == [
        (3.0, "Welcome. How did you start?"), (9.0, "In a garage.")]


def test_a_line_under_a_transcript_table_is_not_the_last_speakers():
    # The speaker column named every line of the turns: a line it does not name is after them.
    rows = "".join(f"<tr><td>{name}</td><td>{time}</td><td>{said} It was a long winter.</td></tr>\n"
                   for name, time, said in NAME_TIME_TEXT)
    page = f"<table>\n{rows}</table>\n<p>This recording may be quoted with acknowledgement to the archive.</p>\n"
    transcript = qaformat.parse(page, format="html")
    assert convention(page, "html") == "colon"
    assert [(t.timestamp, t.paragraphs) for t in transcript.turns()][-1] == (
        67.0, ("Thanks for having me. It was a long winter.",))
    assert [(s.first_line, s.reason) for s in transcript.skipped] == [(9, "after the interview")]


def test_a_schedule_with_times_of_day_under_the_names_is_no_interview():
    rota = "".join(f"{name}\n{time}\n{duty}\n\n" for name, time, duty in [
        ("Maggie Doyle", "07:00", "Breakfast with Maggie: the news, the tides and your requests."),
        ("Tom Achebe", "09:00", "The Saturday Sports Round-up, with the county results."),
        ("Maggie Doyle", "13:00", "Lunchtime requests and the weekly quiz."),
        ("Tom Achebe", "15:30", "Live commentary from the Marsh Lane ground.")])
    with pytest.raises(qaformat.ParseError, match="times of day by the names"):
        qaformat.parse(rota)


def test_an_em_dash_opening_each_turn_is_a_change_of_voice_in_text():
    text = ("Интервью с мастером\n\nОн чинит часы сорок лет.\n\n— Как вы начали?\n\n— В гараже, десять лет назад.\n\n"
            "Сначала один.\n\n— А потом?\n\n— Мы росли понемногу.\n")
    transcript = qaformat.parse(text, format="text")
    assert transcript.title == "Интервью с мастером" and transcript.intro == ("Он чинит часы сорок лет.",)
    assert turns(text) == [
        ("Speaker 1", "question", "Как вы начали?"),
        ("Speaker 2", "answer", "В гараже, десять лет назад."),  # "Сначала один." goes on in this turn
        ("Speaker 1", "question", "А потом?"), ("Speaker 2", "answer", "Мы росли понемногу."),
    ]
    assert [t.paragraphs for t in transcript.turns()][1] == ("В гараже, десять лет назад.", "Сначала один.")


def test_spanish_raya_against_the_word_and_the_page_names_both_voices():
    text = ("ENTREVISTA | CULTURA\n\nLucía Pardo, ceramista: \"El barro no perdona\"\n\nPor Tomás Vidal\n"
            "Valencia, 3 de marzo de 2024\n\nLucía Pardo nos recibe en su taller.\n\n—¿Cuándo empezó?\n\n"
            "—A los doce años, con mi abuela.\n\n—¿Y hoy?\n\n—Hoy enseño.\n\nCada martes.\n")
    transcript = qaformat.parse(text, format="text")
    assert transcript.title == 'Lucía Pardo, ceramista: "El barro no perdona"'
    assert {s.name: s.role for s in transcript.speakers} == {"Tomás Vidal": Role.INTERVIEWER,
                                                            "Lucía Pardo": Role.INTERVIEWEE}
    assert turns(text)[-1] == ("Lucía Pardo", "answer", "Hoy enseño.")
    assert [(s.first_line, s.reason) for s in transcript.skipped if s.first_line > 3] == [
        (5, "byline, dateline or header")]


def test_a_sentence_case_headline_opening_with_a_quotation_is_the_title():
    text = "« Je compose la nuit » : entretien avec la pianiste Hélène Duval\n\nQ : Pourquoi ?\n\nR : Pour le son.\n\nQ : Et après ?\n\nR : Une tournée.\n"
    assert qaformat.parse(text).title == "« Je compose la nuit » : entretien avec la pianiste Hélène Duval"


def test_a_time_that_links_to_the_recording_opens_a_labelled_turn_in_markdown():
    page = "".join(f"[00:00:{s:02d}](https://example.org/ep4#t={s}) **{name}:** {text}\n\n" for s, name, text in [
        (1, "Host", "How did it start?"), (5, "Guest", "In a garage."), (9, "Host", "And then?"), (12, "Guest", "We grew.")])
    transcript = qaformat.parse(page, format="markdown")
    assert [(t.timestamp, t.paragraphs[0]) for t in transcript.turns()] == [
        (1.0, "How did it start?"), (5.0, "In a garage."), (9.0, "And then?"), (12.0, "We grew.")]
    assert [name for name, _, _ in turns(page, "markdown")] == ["Host", "Guest", "Host", "Guest"]


HEARING = ("    Mr. HALE. The committee will come to order. Ms. Ortiz, welcome.\n"
           "    Ms. ORTIZ. Thank you, Mr. Chairman.\n"
           "    Mr. HALE. How many bridges need repair?\n"
           "    Ms. ORTIZ. About four hundred.\n"
           "    Mrs. BECK. And how many will you repair this year?\n"
           "    Ms. ORTIZ. Forty.\n"
           "    Mrs. BECK. Only forty?\n"
           "    Ms. ORTIZ. That is what the budget allows.\n")


def test_hearing_labels_with_a_full_stop():
    assert convention(HEARING) == "period"
    assert turns(HEARING)[:4] == [
        ("Mr. Hale", "question", "The committee will come to order. Ms. Ortiz, welcome."),
        ("Ms. Ortiz", "answer", "Thank you, Mr. Chairman."),
        ("Mr. Hale", "question", "How many bridges need repair?"),
        ("Ms. Ortiz", "answer", "About four hundred."),
    ]


def test_a_full_stop_after_one_recurring_name_is_a_sentence():
    story = ("Mr. Pennick. He arrived late, as always.\n\nThe bus was cold.\n\n"
             "Mr. Pennick. Always Mr. Pennick.\n\nMrs. Arkwright. She kept the shop.\n")
    with pytest.raises(qaformat.ParseError, match="period: 1 name"):
        qaformat.parse(story)


def test_a_full_stop_label_never_fits_in_once():
    text = HEARING + "    Mr. DUNN. I have one question only. Why forty?\n    Ms. ORTIZ. Money.\n"
    assert "Mr. Dunn" not in {name for name, _, _ in turns(text)}


def test_hansard_name_lines_with_seat_party_and_office():
    text = ("Q1. Jane Hartley (Bradford West) (Lab)\nWhat assessment has he made of rail reliability?\n\n"
            "The Minister of State, Department for Transport (Mr Huw Merriman)\nPerformance has been unacceptable.\n\n"
            "Jane Hartley\nWhen will he accept the plan is not working?\n\n"
            "Mr Merriman\nI accept that there is more to do.\n")
    transcript = qaformat.parse(text)
    assert convention(text) == "own-line-names"
    assert [(s.name, s.role.value, s.description) for s in transcript.speakers] == [
        ("Jane Hartley", "interviewer", "Bradford West, Lab"),
        ("Mr Huw Merriman", "interviewee", "The Minister of State, Department for Transport"),
    ]
    assert "Q1. Jane Hartley (Bradford West) (Lab)" in transcript.speakers[0].aliases


def test_bracketed_speaker_tags_in_text_and_captions():
    text = ("[Sarah] So what first drew you to glaciers?\n\n[Dr. Lindqvist] A school trip.\n\n[laughs]\n\n"
            "[Sarah] How much has it changed?\n\n[Dr. Lindqvist] It has lost two kilometres.\n")
    assert turns(text)[:2] == [("Sarah", "question", "So what first drew you to glaciers?"),
                               ("Dr. Lindqvist", "answer", "A school trip.")]
    srt = ("1\n00:00:01,000 --> 00:00:04,200\n[Sarah] So what first drew you\nto studying glaciers?\n\n"
           "2\n00:00:04,900 --> 00:00:08,300\n[Dr. Lindqvist] A school trip\nwhen I was twelve.\n\n"
           "3\n00:00:08,300 --> 00:00:11,800\nI remember the sound most.\n\n"
           "4\n00:00:12,400 --> 00:00:14,900\n[Sarah] How much has it changed?\n\n"
           "5\n00:00:15,500 --> 00:00:19,700\n[Dr. Lindqvist] It has lost two kilometres.\n")
    assert turns(srt, "srt")[1] == ("Dr. Lindqvist", "answer", "A school trip when I was twelve. I remember the sound most.")


def test_a_bracketed_name_once_is_text():
    text = ("Sarah: Where were you?\n\nOmar: At the station.\n\n[Editor] The station closed in 1999.\n\n"
            "Sarah: And then?\n\nOmar: I walked.\n")
    assert {name for name, _, _ in turns(text)} == {"Sarah", "Omar"}


def test_a_timetable_is_no_own_line_labels():
    rows = "".join(f"0{h}:{m}0 Harbour Road\n0{h}:{m}5 Market Square Change here\n" for h in (6, 7) for m in (1, 3))
    with pytest.raises(qaformat.ParseError, match="no interview found"):
        qaformat.parse(rows)


def test_the_chairman_of_a_hearing_asks_even_when_he_calls_on_others():
    text = ("    The CHAIRMAN. The committee will come to order. Senator Wolcott.\n"
            "    Senator WOLCOTT. Thank you. Dr. Venkat, how many routes have closed?\n"
            "    Dr. VENKAT. Three hundred and twelve.\n"
            "    Senator WOLCOTT. And how many will reopen?\n"
            "    Dr. VENKAT. None this year.\n"
            "    The CHAIRMAN. Senator Abbot.\n"
            "    Senator ABBOT. Why so many?\n"
            "    Dr. VENKAT. The grants ran out.\n"
            "    Senator ABBOT. Thank you.\n"
            "    The CHAIRMAN. The hearing is adjourned.\n")
    roles = {s.name: s.role for s in qaformat.parse(text).speakers}
    assert roles == {"The Chairman": Role.INTERVIEWER, "Senator Wolcott": Role.INTERVIEWER,
                     "Dr. Venkat": Role.INTERVIEWEE, "Senator Abbot": Role.INTERVIEWER}
