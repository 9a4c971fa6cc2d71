"""Timed outputs (WebVTT, SRT, Podcasting 2.0 JSON): goldens, cue limits, read back by our own
readers to the same speakers and turns, checked by an independent WebVTT parser, and refused
(exit 2, no file) for a transcript without times."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import pytest

import qaformat
from qaformat import Kind, RenderOptions, Transcript, Turn
from qaformat.errors import RenderError
from qaformat.renderers.timed import MAX_LINE, MAX_SECONDS, cues, render_podcast, render_srt, render_vtt
from tests.builders import a, interview, load_case, q
from tests.conftest import GOLDEN, check_golden, golden_cases
from tests.node import webvtt_check

RENDER = {"vtt": render_vtt, "srt": render_srt, "podcast": render_podcast}
GOLDEN_NAME = {"vtt": "expected.vtt", "srt": "expected.srt", "podcast": "expected.transcript.json"}


def timed_cases() -> list[str]:
    return [case for case in golden_cases() if any(t.timestamp is not None for t in load_case(case).turns())]


def speaker_turns(transcript: Transcript) -> list[tuple[str | None, str]]:
    """Who says what, turn by turn, words joined: what captions must carry."""
    names = {s.id: s.name for s in transcript.speakers}
    return [(names.get(t.speaker or ""), " ".join(" ".join(t.paragraphs).split()))
            for t in transcript.turns() if " ".join(t.paragraphs).strip()]


def test_there_are_timed_golden_cases() -> None:
    assert "timestamps_inline" in timed_cases()


@pytest.mark.parametrize("fmt", sorted(RENDER))
@pytest.mark.parametrize("case", timed_cases())
def test_golden(case: str, fmt: str, regen: bool) -> None:
    check_golden(GOLDEN / case / GOLDEN_NAME[fmt], RENDER[fmt](load_case(case), RenderOptions()), regen)


@pytest.mark.parametrize("fmt", sorted(RENDER))
@pytest.mark.parametrize("case", timed_cases())
def test_our_readers_read_back_the_same_speakers_and_turns(case: str, fmt: str) -> None:
    transcript = load_case(case)
    back = qaformat.parse(RENDER[fmt](transcript, RenderOptions()), format=fmt)
    assert speaker_turns(back) == speaker_turns(transcript)
    assert [s.name for s in back.speakers] == [s.name for s in transcript.speakers if any(
        t.speaker == s.id for t in transcript.turns())]
    # a turn keeps its own time; one without gets the time its cues were given
    written = [t.timestamp for t in transcript.turns() if " ".join(t.paragraphs).strip()]
    assert all(own is None or own == seen for own, seen in zip(written, [t.timestamp for t in back.turns()], strict=True))


@pytest.mark.external
@pytest.mark.parametrize("case", timed_cases())
def test_webvtt_validator_reads_the_voices(case: str) -> None:
    transcript = load_case(case)
    result = webvtt_check(render_vtt(transcript, RenderOptions(lang="en")))
    assert result["errors"] == []
    expected = cues(transcript)
    assert len(result["cues"]) == len(expected)
    for cue, seen in zip(expected, result["cues"], strict=True):
        assert seen["voices"] == ([cue.speaker] if cue.speaker else [])
        assert seen["start"] == pytest.approx(cue.start) and seen["end"] == pytest.approx(cue.end)
        assert seen["end"] > seen["start"]


@pytest.mark.external
def test_webvtt_validator_accepts_hostile_text() -> None:
    transcript = interview(q("<b>bold</b> & --> arrows <v Fake>", timestamp=1.0),
                           a("A > B && C < D\n\nnew paragraph -->", timestamp=3.0), title="A --> B")
    result = webvtt_check(render_vtt(transcript, RenderOptions()))
    assert result["errors"] == []
    assert [c["voices"] for c in result["cues"]] == [["Tom Whitfield"], ["Ruth Adebayo"]]
    back = qaformat.parse(render_vtt(transcript, RenderOptions()), format="vtt")
    assert speaker_turns(back) == speaker_turns(transcript)


def test_cues_follow_caption_guidance() -> None:
    long_answer = " ".join(["The survey telescope flags anything that moves between exposures."] * 12)
    transcript = interview(q("How do you find one?", timestamp=10.0), a(long_answer, timestamp=14.0),
                           q("And then?", timestamp=80.0))
    found = cues(transcript)
    for cue in found:
        assert 1 <= len(cue.lines) <= 2
        assert all(len(line) <= MAX_LINE for line in cue.lines)
        assert 0 < cue.end - cue.start <= MAX_SECONDS
    assert [c.opens_turn for c in found].count(True) == 3
    assert " ".join(" ".join(c.lines) for c in found if c.speaker == "Ruth Adebayo") == long_answer
    # cues of a turn follow each other in time, and the next turn starts at its own time
    assert all(x.start <= y.start for x, y in itertools.pairwise(found))
    assert found[-1].start == 80.0


def test_srt_names_the_speaker_on_the_first_cue_of_a_turn_only() -> None:
    long_answer = " ".join(["Every night the lamp turns and I climb the stairs."] * 6)
    srt = render_srt(interview(q("Why stay?", timestamp=0.0), a(long_answer, timestamp=3.0)), RenderOptions())
    texts = [block.split("\n", 2)[2] for block in srt.strip().split("\n\n")]
    assert texts[0] == "Tom Whitfield: Why stay?"
    assert texts[1].startswith("Ruth Adebayo: Every night")
    assert len(texts) > 3 and not any(":" in text for text in texts[2:])


def test_turns_without_a_time_follow_the_one_before() -> None:
    transcript = interview(q("First?", timestamp=5.0), a("Untimed answer here."), q("Next?", timestamp=20.0))
    found = cues(transcript)
    assert found[0].start == 5.0 and found[1].start > 5.0 and found[2].start == 20.0


def test_podcast_json_has_the_segments_of_the_spec() -> None:
    transcript = interview(q("Hello?", timestamp=1.5), a("Hi.", timestamp=3.0),
                           Turn(Kind.NOTE, None, ("(Laughter.)",), 1, timestamp=4.0))
    data = json.loads(render_podcast(transcript, RenderOptions()))
    assert data["version"] == "1.0.0"
    assert data["segments"][0] == {"speaker": "Tom Whitfield", "startTime": 1.5, "endTime": 3.0, "body": "Hello?"}
    assert data["segments"][2] == {"startTime": 4.0, "endTime": 5.0, "body": "(Laughter.)"}


@pytest.mark.parametrize("fmt", sorted(RENDER))
def test_a_transcript_without_times_is_refused(fmt: str) -> None:
    with pytest.raises(RenderError, match="captions need times"):
        qaformat.render(load_case("example"), fmt)


@pytest.mark.parametrize("fmt", ["vtt", "srt", "podcast"])
def test_cli_refuses_untimed_input_with_exit_2_and_no_file(fmt: str, tmp_path) -> None:
    source = tmp_path / "talk.txt"
    source.write_text("Q: Where were you?\nA: At home.\nQ: Alone?\nA: Yes.\n", encoding="utf-8")
    target = tmp_path / f"talk.{fmt}"
    done = subprocess.run([sys.executable, "-m", "qaformat", "convert", str(source), "-t", fmt, "-o", str(target)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith(f"qaformat: error: {source}: captions need times")
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == [source]
