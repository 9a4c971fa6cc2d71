"""Stage 6, turns: group the laid-out paragraphs into sections and turns.

A labelled paragraph starts a turn, and continuation paragraphs join it. Consecutive turns of
one named speaker merge into one (some transcripts repeat the label on every paragraph, or
split an utterance over caption cues); anonymous role labels (``Q`` in a briefing) never merge.
A continuation with no turn to join (right under a heading) becomes a note; a bare time between
a name on its own line and the text is the turn's time. A transcriber's note in brackets
standing between turns (``(Laughter.)``, ``[END OF TAPE 1, SIDE A]``) is the last paragraph of
the turn before it; an editor's note, in brackets or not, is a turn of its own.

Timed blocks (caption cues) are not paragraphs: cues cut an utterance wherever the screen was
full, so a turn's cues are joined into paragraphs, and a new paragraph starts where the speaker
pauses (`PAUSE` seconds or more between one cue's end and the next one's start), else at the
first sentence end past `READABLE` characters, else (text with no sentence ends, as some
speech recognition writes) at the first cue boundary past `LONGEST` characters. A paragraph's
cues are kept in a list and joined once, so a turn of any number of cues is built in linear time.
"""

from __future__ import annotations

import attrs

from qaformat.model import Skipped
from qaformat.parsing.units import Draft, Para, ParaRole, SectionDraft, SpeakerDraft
from qaformat.parsing.words import is_editor_note

__all__ = ["LONGEST", "PAUSE", "READABLE", "Grouped", "group_turns"]

PAUSE = 2.0
"""Seconds of silence between two cues of one speaker that start a new paragraph."""
READABLE = 400
"""Characters a caption paragraph reaches before a sentence end closes it."""
LONGEST = 1000
"""Characters past which a caption paragraph with no sentence end closes at the next cue."""
_SENTENCE_END = (".", "?", "!", "…")
_CLOSERS = "\"'”’)]»"  # may follow a sentence end: `He said "no."`


@attrs.frozen
class Grouped:
    """What the turns stage returns."""

    intro: tuple[str, ...]
    intro_lines: tuple[int, ...]
    sections: list[SectionDraft]
    skipped: tuple[Skipped, ...]


def group_turns(paras: tuple[Para, ...], speakers: tuple[SpeakerDraft, ...]) -> Grouped:
    """Build sections and turns from paragraphs whose layout roles are set."""
    anonymous = {s.id for s in speakers if s.anonymous}
    intro: list[str] = []
    intro_lines: list[int] = []
    sections: list[SectionDraft] = []
    skipped: list[Skipped] = []
    current: Draft | None = None
    cues = _CueParagraph()
    resume: str | None = None  # the speaker a note interrupted, who may go on after it
    previous_skipped = False
    for para in paras:
        role = para.role
        if role is ParaRole.SKIPPED:
            last = skipped[-1] if skipped else None
            if previous_skipped and last is not None and last.reason == para.reason:
                skipped[-1] = Skipped(last.first_line, para.last_line, last.reason)
            else:
                skipped.append(Skipped(para.first_line, para.last_line, para.reason))
            previous_skipped = True
            continue
        previous_skipped = False
        if role is ParaRole.TITLE:
            continue
        if role is ParaRole.INTRO:
            intro.append(para.text)
            intro_lines.append(para.first_line)
            continue
        if role is ParaRole.HEADING:
            sections.append(SectionDraft(para.text, para.first_line))
            current, resume = None, None
            continue
        if not sections:
            sections.append(SectionDraft(None, para.first_line))
        turns = sections[-1].turns
        timestamp = para.block.time
        if para.label is not None and para.label.timestamp is not None:
            timestamp = para.label.timestamp
        text = [para.text] if para.text else []
        if role is ParaRole.TURN:
            if current is not None and current.speaker == para.speaker and para.speaker not in anonymous:
                cues.extend(current, text, para)
                continue
            current = Draft(para.speaker, text, para.first_line, timestamp)
            turns.append(current)
            cues.start(current, para)
            resume = None
        elif role is ParaRole.CONTINUATION:
            if current is None and resume is not None:
                current = Draft(resume, [], para.first_line, timestamp)
                turns.append(current)
            if current is None:
                if text:
                    turns.append(Draft(None, text, para.first_line, timestamp))
                continue
            if not text and not current.paragraphs and current.timestamp is None:
                current.timestamp = timestamp  # "**Jane Doe** / 00:00:03 / text": the time under the name is the turn's
            cues.extend(current, text, para)
        elif current is not None and _bracketed(para.text) and not is_editor_note(para.text):
            # "(Laughter.)", "[END OF TAPE 1]": a transcriber's bracket between two turns is what
            # happened as the turn before it ended; it stays with that turn, not a turn of its own.
            cues.close()
            current.paragraphs.extend(text)
        else:  # NOTE
            turns.append(Draft(None, text, para.first_line, timestamp))
            if current is not None:
                resume = current.speaker
            current = None
    cues.close()
    return Grouped(tuple(intro), tuple(intro_lines), sections, tuple(skipped))


def _bracketed(text: str) -> bool:
    return text[:1] in "([" and text[-1:] in ")]"


class _CueParagraph:
    """The last paragraph of a turn while cues may still join it: its pieces, joined on close."""

    def __init__(self) -> None:
        self._turn: Draft | None = None
        self._pieces: list[str] = []
        self._length = 0
        self._end: float | None = None

    def start(self, turn: Draft, para: Para) -> None:
        """A turn was just made from ``para``: its paragraph may take the cues that follow."""
        self.close()
        if para.block.time is not None and turn.paragraphs:
            self._open(turn, para)

    def extend(self, turn: Draft, text: list[str], para: Para) -> None:
        """Add a paragraph to a turn; a cue joins the turn's last paragraph unless a pause or
        the paragraph's length closes it."""
        if para.block.time is None or not text:
            if turn is self._turn:
                self.close()
            turn.paragraphs.extend(text)
            return
        if turn.paragraphs and turn is not self._turn:
            self._open(turn, None)  # a cue after a paragraph that was not one goes on that paragraph
        if not turn.paragraphs or self._closes_before(para):
            self.close()
            turn.paragraphs.append(text[0])
            self._open(turn, para)
            return
        self._pieces.append(text[0])
        self._length += 1 + len(text[0])
        self._end = para.block.end

    def close(self) -> None:
        """Write the open paragraph into its turn."""
        if self._turn is not None and len(self._pieces) > 1:
            self._turn.paragraphs[-1] = " ".join(self._pieces)
        self._turn, self._pieces, self._length, self._end = None, [], 0, None

    def _open(self, turn: Draft, para: Para | None) -> None:
        """Follow the turn's last paragraph, which ``para`` (a cue, or ``None``: not a cue) ended."""
        self.close()
        self._turn, self._pieces = turn, [turn.paragraphs[-1]]
        self._length, self._end = len(self._pieces[0]), para.block.end if para is not None else None

    def _closes_before(self, para: Para) -> bool:
        start = para.block.time
        if self._end is not None and start is not None and start - self._end >= PAUSE:
            return True
        if self._length >= LONGEST:
            return True
        return self._length >= READABLE and self._pieces[-1].rstrip().rstrip(_CLOSERS).endswith(_SENTENCE_END)
