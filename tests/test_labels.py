"""Table tests for the labels stage: which block openings are label candidates, and how read."""

from __future__ import annotations

import pytest

from qaformat.blocks import Block
from qaformat.parsing.labels import find_label, is_name_shaped, parse_time

# (line, label as written, name, extra, rest, timestamp, name-shaped)
LABELS = [
    ("Emily Carter: Dr.Petrov, this treaty", "Emily Carter", "Emily Carter", None, "Dr.Petrov, this treaty", None, True),
    ("Dr. alexander Petrov: Absolutely, Emily.", "Dr. alexander Petrov", "Dr. alexander Petrov", None, "Absolutely, Emily.", None, True),
    ("Emily carter:  The treaty notably", "Emily carter", "Emily carter", None, "The treaty notably", None, True),
    ("EC: What next?", "EC", "EC", None, "What next?", None, True),
    ("Jane Roe, PhD: We measured it.", "Jane Roe, PhD", "Jane Roe, PhD", None, "We measured it.", None, True),
    ("Jane Roe : We measured it.", "Jane Roe", "Jane Roe", None, "We measured it.", None, True),
    ("Müller: Ja, genau.", "Müller", "Müller", None, "Ja, genau.", None, True),
    ("سارا: نعم، بالتأكيد.", "سارا", "سارا", None, "نعم، بالتأكيد.", None, True),
    ("王小明：我同意。", "王小明", "王小明", None, "我同意。", None, True),
    ("MR. SMITH: Thank you, Senator.", "MR. SMITH", "MR. SMITH", None, "Thank you, Senator.", None, True),
    ("ANDERSON COOPER, CNN ANCHOR: Good evening.", "ANDERSON COOPER, CNN ANCHOR", "ANDERSON COOPER", "CNN ANCHOR",
     "Good evening.", None, True),
    ("SEN. MARGARET HOLLIS (D-OR): No.", "SEN. MARGARET HOLLIS (D-OR)", "SEN. MARGARET HOLLIS", "D-OR", "No.", None, True),
    ("Q: Why now?", "Q", "Q", None, "Why now?", None, True),
    ("Speaker 1: Okay.", "Speaker 1", "Speaker 1", None, "Okay.", None, True),
    ("Interviewer: Let's start.", "Interviewer", "Interviewer", None, "Let's start.", None, True),
    ("[00:01:02] Jane Roe: Hello.", "Jane Roe", "Jane Roe", None, "Hello.", 62.0, True),
    ("Jane Roe (00:01:02): Hello.", "Jane Roe", "Jane Roe", None, "Hello.", 62.0, True),
    ("Jane Roe (00:20:12):", "Jane Roe", "Jane Roe", None, "", 1212.0, True),
    ("Jane Roe  0:21", "Jane Roe", "Jane Roe", None, "", 21.0, True),
    ("Speaker 2  1:02:03", "Speaker 2", "Speaker 2", None, "", 3723.0, True),
    ("JANE ROE:", "JANE ROE", "JANE ROE", None, "", None, True),
    ("MARTA ILIC, SWORN INTERPRETER: She says yes.", "MARTA ILIC, SWORN INTERPRETER", "MARTA ILIC",
     "SWORN INTERPRETER", "She says yes.", None, True),
    ("Russia and Iran Strengthen Ties: A Deep Dive", "Russia and Iran Strengthen Ties", "Russia and Iran Strengthen Ties",
     None, "A Deep Dive", None, False),
]


@pytest.mark.parametrize(("line", "written", "name", "extra", "rest", "timestamp", "shaped"), LABELS, ids=[r[0][:30] for r in LABELS])
def test_label_found(line, written, name, extra, rest, timestamp, shaped):
    label = find_label(Block(line, 1))
    assert label is not None
    assert (label.written, label.name, label.extra, label.rest, label.timestamp, label.name_shaped) == (
        written, name, extra, rest, timestamp, shaped)


ROLE_LINES = [
    ("Q. Did you sign it?", "Q", "Did you sign it?"),
    ("A. I did.", "A", "I did."),
    ("Q    Thank you. On the budget --", "Q", "Thank you. On the budget --"),
    ("A  Yes.", "A", "Yes."),
]


@pytest.mark.parametrize(("line", "name", "rest"), ROLE_LINES)
def test_role_words_without_colon(line, name, rest):
    label = find_label(Block(line, 1))
    assert label is not None and label.role_word is not None
    assert (label.name, label.rest) == (name, rest)


NOT_LABELS = [
    "We met at 10:30 and talked until noon.",
    "The odds were 3:1 against.",
    "See https://example.org/path for details.",
    "Absolutely, Emily. This treaty is a clear signal: both sides agree.",
    "This is what he said: nothing at all.",
    "A plain paragraph with no colon at all",
    "Quite. Nothing more to add: really.",
    # The court reporter's swearing-in line: the description gives the oath.
    "DANIEL RUIZ, having been duly sworn, testified as follows:",
    "MARIA COSTA, being first duly sworn, was examined and testified as follows:",
    "THE INTERPRETER, duly affirmed:",
]


@pytest.mark.parametrize("line", NOT_LABELS)
def test_not_a_label(line):
    label = find_label(Block(line, 1))
    assert label is None or not label.name_shaped


@pytest.mark.parametrize("name", ["Note", "Update", "Correction", "Editor's Note", "The answer", "Here", "Bottom line", "He said"])
def test_words_that_introduce_text_are_not_names(name):
    assert not is_name_shaped(name)


def test_a_casing_slip_is_still_name_shaped():
    # Whether "Emily carter" is a speaker is decided later, by recurring with "Emily Carter".
    assert is_name_shaped("Emily carter")
    assert is_name_shaped("Dr. alexander Petrov")


def test_bold_labels():
    assert find_label(Block("Jane: Hi there.", 1, bold_prefix=5)).rest == "Hi there."  # **Jane:** Hi there.
    assert find_label(Block("Jane: Hi there.", 1, bold_prefix=4)).rest == "Hi there."  # **Jane**: Hi there.
    whole = find_label(Block("Jane: Why now?", 1, bold_prefix=14))  # **Jane: Why now?**
    assert (whole.name, whole.rest, whole.bold) == ("Jane", "Why now?", True)


def test_bare_time_continues_the_turn():
    label = find_label(Block("(00:31:05):", 1))
    assert label is not None and label.continues and label.timestamp == 1865.0


def test_parse_time():
    assert parse_time("1:02") == 62
    assert parse_time("01:02:03,5") == 3723.5


def test_long_lines_are_cheap():
    # A label is looked for only in a bounded prefix: a 5 MB line of colons is no trouble.
    label = find_label(Block("Ann" + ":" * 5_000_000, 1))
    assert label is not None and label.name == "Ann"
    assert find_label(Block("word " * 1_000_000, 1)) is None


# Labels with a weak separator: a full stop (hearings), square brackets (captioners' tags).
PERIOD_LABELS = [
    ("Mr. LATTA. The subcommittee will come to order.", "Mr. LATTA", "Mr. Latta", "The subcommittee will come to order."),
    ("The CHAIRMAN. The gentleman yields back.", "The CHAIRMAN", "The Chairman", "The gentleman yields back."),
    ("Senator CASSIDY. Thank you.", "Senator CASSIDY", "Senator Cassidy", "Thank you."),
    ("Chairwoman RODGERS. Without objection.", "Chairwoman RODGERS", "Chairwoman Rodgers", "Without objection."),
    ("Ms. Matsui. Thank you, Mr. Chairman.", "Ms. Matsui", "Ms. Matsui", "Thank you, Mr. Chairman."),
    ("Mrs. DINGELL.", "Mrs. DINGELL", "Mrs. Dingell", ""),
    ("The WITNESS. Yes, sir.", "The WITNESS", "The Witness", "Yes, sir."),
]


@pytest.mark.parametrize(("line", "written", "name", "rest"), PERIOD_LABELS, ids=[r[0][:24] for r in PERIOD_LABELS])
def test_period_labels(line, written, name, rest):
    label = find_label(Block(line, 1))
    assert label is not None and label.period and label.recurs_only
    assert (label.written, label.name, label.rest) == (written, name, rest)


@pytest.mark.parametrize("line", [
    "Senator Cassidy.",  # the chair calling on him, alone on a line
    "The end. Nobody came.",
    "Madrid. The city woke late.",
    "Dr. Smith said nothing.",
])
def test_not_a_period_label(line):
    label = find_label(Block(line, 1))
    assert label is None or not label.period


@pytest.mark.parametrize(("line", "name", "rest", "timestamp"), [
    ("[Sarah] So what first drew you", "Sarah", "So what first drew you", None),
    ("[Dr. Lindqvist] A school trip.", "Dr. Lindqvist", "A school trip.", None),
    ("[Jane Doe 00:00:01] How did it start?", "Jane Doe", "How did it start?", 1.0),
])
def test_bracketed_speaker_tags(line, name, rest, timestamp):
    label = find_label(Block(line, 1))
    assert label is not None and label.bracketed and label.recurs_only
    assert (label.name, label.rest, label.timestamp) == (name, rest, timestamp)


@pytest.mark.parametrize("line", ["[laughs] Yes.", "[Music] la la", "[Foreign] hola", "[LAUGHTER] ok",
                                  "[inaudible 00:01:02] and then", "[crosstalk] no", "[Anna Berg] 10:01:22"])
def test_bracketed_directions_are_no_speaker_tags(line):
    label = find_label(Block(line, 1))
    assert label is None or not label.bracketed


def test_a_time_and_a_numbered_generic_label_run_into_the_text():
    label = find_label(Block("[00:00:04] Speaker 2 Sure. Ahmed Karimi.", 1))
    assert label is not None and (label.name, label.rest, label.timestamp) == ("Speaker 2", "Sure. Ahmed Karimi.", 4.0)
    assert find_label(Block("Speaker 2 Sure.", 1)) is None  # without the time, it is a sentence


def test_every_bracket_after_a_name_describes_it():
    label = find_label(Block("Jane Hartley (Bradford West) (Lab):", 1))
    assert label is not None and (label.name, label.extra) == ("Jane Hartley", "Bradford West, Lab")


@pytest.mark.parametrize("text", ["Elena Marsh: keys to the kingdom", "[00:14:09] Migrating To The Cloud", "Jane:"])
def test_a_heading_is_never_a_label(text: str) -> None:
    assert find_label(Block(text=text, line=1)) is not None  # the same line as a paragraph is one
    assert find_label(Block(text=text, line=1, heading=2)) is None


def test_a_publication_asking_under_its_name_is_a_label_that_must_recur() -> None:
    label = find_label(Block(text="The Harbour Ledger: Why three timetables?", line=1))
    assert label is not None and label.name == "The Harbour Ledger" and label.name_shaped
    assert label.titled and label.recurs_only
    sentence = find_label(Block(text="The answer: yes", line=1))
    assert sentence is not None and not sentence.name_shaped and not sentence.titled


def test_speech_recognisers_labels() -> None:
    # WhisperX writes each segment's span before its speaker; Deepgram tags the speaker in brackets.
    span = find_label(Block(text="[00:00:03.000 --> 00:00:27.137] [SPEAKER_00]: Welcome back.", line=1))
    assert span is not None and (span.name, span.rest, span.timestamp) == ("SPEAKER_00", "Welcome back.", 3.0)
    assert span.role_word is not None
    tag = find_label(Block(text="[Speaker:1] Honestly, by accident.", line=1))
    assert tag is not None and (tag.name, tag.rest) == ("Speaker 1", "Honestly, by accident.")
    assert find_label(Block(text="[laughs: quietly] Honestly.", line=1)) is None
