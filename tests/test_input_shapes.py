"""Inputs of every shape (benchmarks/shapes.py) built at growing sizes: nothing is lost, and a
caption turn's paragraphs stay readable whatever the number of cues. (How the time grows is
measured by benchmarks/scaling.py, not here.)"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qaformat
from benchmarks.shapes import SHAPES, WORDS, build, missing
from qaformat.parsing.turns import LONGEST
from qaformat.readers import detect

# 4-9, 10-99, 100-999 units: every size class is tried for every shape (from four units on,
# every shape is an interview).
SIZES = st.one_of(st.integers(4, 9), st.integers(10, 99), st.integers(100, 999))
SEEDS = st.integers(0, 2**32 - 1)
SETTINGS = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CAPTIONS = ("srt-talk", "vtt-voices")


def parse(shape: str, count: int, seed: int) -> tuple[qaformat.Transcript, list[str]]:
    built = build(shape, count, seed)
    transcript = qaformat.parse(built.data, format=detect(built.name, built.data[:512]), source=built.name)
    return transcript, missing(built, transcript)


@pytest.mark.parametrize("shape", SHAPES)
@SETTINGS
@given(count=SIZES, seed=SEEDS)
def test_nothing_is_lost(shape, count, seed):
    transcript, lost = parse(shape, count, seed)
    assert lost == []
    assert not [d for d in transcript.diagnostics if d.severity is qaformat.Severity.ERROR]


@pytest.mark.parametrize("shape", CAPTIONS)
@SETTINGS
@given(count=st.one_of(SIZES, st.integers(1000, 4000)), seed=SEEDS)
def test_caption_paragraphs_are_bounded(shape, count, seed):
    transcript, _ = parse(shape, count, seed)
    paragraphs = [p for turn in transcript.turns() for p in turn.paragraphs]
    longest_cue = 9 * max(len(w) for w in WORDS) + 9  # a cue is at most nine words, their spaces and a mark
    assert max(len(p) for p in paragraphs) <= LONGEST + 1 + longest_cue


def test_every_shape_is_a_whole_interview_at_a_thousand_units():
    for shape in SHAPES:
        transcript, lost = parse(shape, 1000, 1)
        assert lost == [], shape
        assert sum(1 for t in transcript.turns() if t.speaker is not None) >= 3, shape
