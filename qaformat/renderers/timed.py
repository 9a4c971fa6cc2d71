"""Timed outputs: WebVTT with voices, SRT, and the Podcasting 2.0 JSON transcript.

Owns docs/captions-out.md. A transcript with times (captions, a timestamped export) is cut into
cues as caption guidance asks: at most two lines of at most 42 characters, at most 7 seconds on
screen. A turn lasts until the next turn starts (the last one as long as its words take to say,
at 15 characters a second), and its time is shared among its cues by their length; a turn with
no time of its own follows the one before. WebVTT names the speaker with a ``<v Name>`` voice on
every cue, SRT writes ``Name:`` on the first cue of a turn, the podcast JSON gives each segment
its ``speaker``. A transcript without any time cannot be timed: `RenderError`. Imports the model,
the options and the errors; never readers or parsing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator

import attrs

from qaformat.charsafe import make_safe
from qaformat.errors import RenderError
from qaformat.model import Kind, Transcript, Turn
from qaformat.options import RenderOptions

__all__ = ["Cue", "cues", "render_podcast", "render_srt", "render_vtt"]

MAX_LINE = 42
"""Characters on one caption line."""
MAX_LINES = 2
"""Lines in one cue."""
MAX_SECONDS = 7.0
"""The longest a cue stays on screen."""
_CHARACTERS_PER_SECOND = 15.0  # speech and reading speed, for turns whose end no time gives
_SHORTEST = 1.0  # seconds: a cue shorter than this cannot be read
PODCAST_VERSION = "1.0.0"


@attrs.frozen
class Cue:
    """One caption: its time on screen, its speaker and its lines."""

    start: float
    """Seconds from the start of the recording."""
    end: float
    """Seconds; after ``start``."""
    speaker: str | None
    """The speaker's display name; ``None`` for a note."""
    lines: tuple[str, ...]
    """One or two lines of at most about 42 characters."""
    opens_turn: bool
    """The first cue of its turn."""


def cues(transcript: Transcript) -> list[Cue]:
    """The transcript cut into cues.

    Raises:
        RenderError: the transcript has no times, or a turn names an unknown speaker.
    """
    turns = [turn for turn in transcript.turns() if _words(turn)]
    starts = _starts(turns)
    names = {speaker.id: speaker.name for speaker in transcript.speakers}
    found: list[Cue] = []
    for index, turn in enumerate(turns):
        start = starts[index]
        words = _words(turn)
        following = starts[index + 1] if index + 1 < len(starts) else start
        end = following if following > start else start + max(_SHORTEST, len(words) / _CHARACTERS_PER_SECOND)
        speaker = None
        if turn.kind is not Kind.NOTE and turn.speaker is not None:
            if turn.speaker not in names:
                raise RenderError(f"a turn names speaker {turn.speaker!r}, which the transcript does not list")
            speaker = names[turn.speaker]
        found += _turn_cues(words, start, end, speaker)
    return found


def _words(turn: Turn) -> str:
    return " ".join(make_safe(" ".join(turn.paragraphs)).split())


def _starts(turns: list[Turn]) -> list[float]:
    """Each turn's start: its own time, else where the turn before would end (never before it)."""
    if not any(_time(turn) is not None for turn in turns):
        raise RenderError("captions need times, and this transcript has none: convert from captions (WebVTT, SRT)"
                          " or from a transcript with a time on each turn ('[00:01:02] Name:')")
    starts: list[float] = []
    clock = 0.0
    for turn in turns:
        own = _time(turn)
        start = max(own, starts[-1]) if own is not None and starts else own if own is not None else clock
        starts.append(start)
        clock = start + max(_SHORTEST, len(_words(turn)) / _CHARACTERS_PER_SECOND)
    return starts


def _time(turn: Turn) -> float | None:
    seconds = turn.timestamp
    return seconds if seconds is not None and math.isfinite(seconds) and seconds >= 0 else None


def _turn_cues(words: str, start: float, end: float, speaker: str | None) -> Iterator[Cue]:
    """The turn's text in cues, its time shared by their length; none longer than 7 seconds."""
    groups = _cue_lines(words)
    total = sum(len(" ".join(lines)) for lines in groups)
    clock = start
    for number, lines in enumerate(groups):
        share = (end - start) * len(" ".join(lines)) / total
        cue_end = clock + min(share, MAX_SECONDS)
        yield Cue(_millis(clock), _millis(max(cue_end, clock + 0.001)), speaker, lines, number == 0)
        clock += share


def _millis(seconds: float) -> float:
    return round(seconds, 3)


def _cue_lines(words: str) -> list[tuple[str, ...]]:
    """Lines of at most 42 characters (a longer word stands alone), two to a cue."""
    lines: list[str] = []
    for word in words.split():
        if lines and len(lines[-1]) + 1 + len(word) <= MAX_LINE:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return [tuple(lines[i : i + MAX_LINES]) for i in range(0, len(lines), MAX_LINES)]


def _clock(seconds: float, separator: str) -> str:
    millis = round(seconds * 1000)
    whole, fraction = divmod(millis, 1000)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}{separator}{fraction:03d}"


def _escape_vtt(text: str) -> str:
    # "-->" cannot stand in cue text; escaping ">" also takes care of it.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_vtt(transcript: Transcript, options: RenderOptions) -> str:
    """WebVTT captions, each cue of a speaker's turn opening with ``<v Name>``.

    Args:
        transcript: a transcript with times.
        options: none are read (the title goes on the ``WEBVTT`` line).

    Raises:
        RenderError: the transcript has no times.
    """
    header = "WEBVTT"
    title = " ".join((transcript.title or "").split())
    if title:
        header += " - " + title.replace("-->", "->")
    blocks = [header]
    for cue in cues(transcript):
        text = "\n".join(_escape_vtt(line) for line in cue.lines)
        if cue.speaker is not None:
            text = f"<v {_escape_vtt(' '.join(cue.speaker.split()))}>{text}"
        blocks.append(f"{_clock(cue.start, '.')} --> {_clock(cue.end, '.')}\n{text}")
    return "\n\n".join(blocks) + "\n"


def render_srt(transcript: Transcript, options: RenderOptions) -> str:
    """SRT captions, ``Name:`` on the first cue of each turn.

    Raises:
        RenderError: the transcript has no times.
    """
    blocks = []
    for number, cue in enumerate(cues(transcript), start=1):
        lines = list(cue.lines)
        if cue.speaker is not None and cue.opens_turn:
            lines[0] = f"{' '.join(cue.speaker.split())}: {lines[0]}"
        text = "\n".join(lines).replace("-->", "->")
        blocks.append(f"{number}\n{_clock(cue.start, ',')} --> {_clock(cue.end, ',')}\n{text}")
    return "\n\n".join(blocks) + "\n"


def render_podcast(transcript: Transcript, options: RenderOptions) -> str:
    """The Podcasting 2.0 JSON transcript: ``version`` and ``segments`` (``speaker``,
    ``startTime``, ``endTime``, ``body``), one segment per cue.

    Raises:
        RenderError: the transcript has no times.
    """
    segments = []
    for cue in cues(transcript):
        segment: dict[str, object] = {}
        if cue.speaker is not None:
            segment["speaker"] = cue.speaker
        segment.update(startTime=cue.start, endTime=cue.end, body=" ".join(cue.lines))
        segments.append(segment)
    data = {"version": PODCAST_VERSION, "segments": segments}
    # One segment to a line: readable, and the reader can name a segment's line.
    body = ",\n".join("    " + json.dumps(s, ensure_ascii=False) for s in segments)
    return f'{{\n  "version": {json.dumps(data["version"])},\n  "segments": [\n{body}\n  ]\n}}\n'
