"""Caption turns in readable paragraphs: a new one at a pause, at a sentence end past a readable
length, or past the longest length; the example of docs/readers-captions.md, section 7."""

from __future__ import annotations

from pathlib import Path

import pytest

import qaformat
from qaformat.blocks import Block, Document
from qaformat.parsing import parse_document
from qaformat.parsing.turns import LONGEST, PAUSE, READABLE

FIXTURES = Path(__file__).parent / "fixtures" / "captions"


def stamp(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}.{round((seconds - whole) * 1000):03d}"


def talk(*cues: tuple[float, float, str]) -> list[str]:
    """The paragraphs of the guest's answer in a WebVTT file: the host asks, the guest says ``cues``."""
    lines = ["WEBVTT", "", "00:00:00.000 --> 00:00:00.500", "<v Host>Why?", ""]
    for start, end, text in cues:
        lines += [f"{stamp(start)} --> {stamp(end)}", f"<v Guest>{text}", ""]
    lines += [f"{stamp(cues[-1][1] + 0.5)} --> {stamp(cues[-1][1] + 1)}", "<v Host>Thanks.", ""]
    transcript = qaformat.parse("\n".join(lines), format="vtt")
    return [p for t in transcript.turns() if t.speaker == "guest" for p in t.paragraphs]


def test_the_cues_of_one_utterance_are_one_paragraph():
    assert talk((1, 2, "So the first"), (2, 3, "winter was"), (3.5, 4, "a jigsaw.")) == ["So the first winter was a jigsaw."]


@pytest.mark.parametrize(("gap", "paragraphs"), [
    (PAUSE, ["We started.", "Then it rained."]),
    (PAUSE + 3, ["We started.", "Then it rained."]),
    (PAUSE - 0.1, ["We started. Then it rained."]),
    (-1.0, ["We started. Then it rained."]),  # overlapping cues: no pause
])
def test_a_pause_starts_a_paragraph(gap, paragraphs):
    assert talk((1, 2, "We started."), (2 + gap, 4 + gap, "Then it rained.")) == paragraphs


def test_a_pause_starts_a_paragraph_even_mid_sentence():
    assert talk((1, 2, "And the reason was"), (5, 6, "the money.")) == ["And the reason was", "the money."]


def test_past_a_readable_length_a_sentence_end_closes_the_paragraph():
    words = "word " * 20  # 100 characters
    cues = [(n, n + 1, f"{words}and more,") for n in range(READABLE // 100)]  # no sentence end yet
    cues += [(len(cues), len(cues) + 1, "the end."), (len(cues) + 1, len(cues) + 2, "Next one.")]
    paragraphs = talk(*cues)
    assert len(paragraphs) == 2
    assert paragraphs[0].endswith("and more, the end.") and len(paragraphs[0]) >= READABLE
    assert paragraphs[1] == "Next one."


def test_a_sentence_end_before_the_readable_length_does_not():
    assert talk((1, 2, "Yes."), (2, 3, "No."), (3, 4, "Maybe.")) == ["Yes. No. Maybe."]


@pytest.mark.parametrize("end", [",", ":", " Dr", ' "quote'])
def test_no_sentence_end_no_new_paragraph(end):
    long = "x" * READABLE
    assert talk((1, 2, long + end), (2, 3, "next.")) == [f"{long}{end} next."]


@pytest.mark.parametrize("end", ["?", "!", "…", '."', ".”", "?)", ".’)", "!»"])
def test_sentence_ends_with_closing_quotes_and_brackets(end):
    long = "x" * READABLE
    assert talk((1, 2, long + end), (2, 3, "Next.")) == [long + end, "Next."]


def test_text_with_no_sentence_end_is_cut_at_a_cue_past_the_longest_length():
    cues = [(n, n + 1, "no punctuation here at all " * 2) for n in range(300)]
    paragraphs = talk(*cues)
    longest_cue = max(len(text) for _, _, text in cues)
    assert len(paragraphs) > 1
    assert all(len(p) <= LONGEST + 1 + longest_cue for p in paragraphs)
    assert " ".join(paragraphs).split() == " ".join(text for _, _, text in cues).split()


@pytest.mark.parametrize(("said", "paragraphs"), [
    ("It began.", 1),  # a minute apart, but with no end time there is no pause to see
    ("It began. " * 44 + "It began.", 2),  # past the readable length at a sentence end
])
def test_timed_blocks_without_end_times_split_by_length_only(said, paragraphs):
    """Rows of a Word transcript table carry a time and no end."""
    blocks = (Block("Ann Lee: Why?", 1, time=0.0), Block(f"Ben Cole: {said}", 2, time=1.0),
              Block("Ben Cole: Then more.", 3, time=60.0), Block("Ann Lee: Thanks.", 4, time=70.0),
              Block("Ben Cole: Sure.", 5, time=80.0))
    transcript = parse_document(Document(blocks))
    answer = next(t for t in transcript.turns() if t.speaker == "ben-cole")
    assert len(answer.paragraphs) == paragraphs
    assert " ".join(answer.paragraphs) == f"{said} Then more."


def test_the_documented_example():
    """docs/readers-captions.md, section 7: the pause after "which prism went where." and the
    sentence end past 400 characters after "the lamp room flooded." start paragraphs."""
    transcript = qaformat.read(FIXTURES / "lens.srt")
    answer = next(t for t in transcript.turns() if t.speaker == "kemi-adeyemi")
    assert answer.line == 7 and answer.timestamp == 4.1
    assert answer.paragraphs == (
        "With the crates, honestly. The lens came to us in forty-one crates, and nobody had written down"
        " which prism went where.",
        "So the first winter was a jigsaw puzzle. We laid every prism out on the floor of the boat shed, in rows,"
        " and matched them by the numbers scratched into the brass. Some numbers had worn away, so we matched those"
        " by the curve of the glass instead, which takes a very steady hand and a lot of tea. Two of the prisms were"
        " cracked right through, and one was missing altogether, probably since the storm of 1953, when the keeper's"
        " logbook says the lamp room flooded.",
        "For that one we had a new prism cast in Jena, from a drawing we found in the archive in Edinburgh.",
    )
