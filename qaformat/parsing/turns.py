"""Stage 6, turns: group the laid-out paragraphs into sections and turns.

A labelled paragraph starts a turn, and continuation paragraphs join it. Consecutive turns of
one named speaker merge into one (some transcripts repeat the label on every paragraph, or
split an utterance over caption cues); anonymous role labels (``Q`` in a briefing) never merge.
A continuation with no turn to join (right under a heading) becomes a note.
"""

from __future__ import annotations

import attrs

from qaformat.model import Skipped
from qaformat.parsing.units import Draft, Para, ParaRole, SectionDraft, SpeakerDraft

__all__ = ["Grouped", "group_turns"]


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
                _extend(current, text, para)
                continue
            current = Draft(para.speaker, text, para.first_line, timestamp)
            turns.append(current)
            resume = None
        elif role is ParaRole.CONTINUATION:
            if current is None and resume is not None:
                current = Draft(resume, [], para.first_line, timestamp)
                turns.append(current)
            if current is None:
                if text:
                    turns.append(Draft(None, text, para.first_line, timestamp))
                continue
            _extend(current, text, para)
        else:  # NOTE
            turns.append(Draft(None, text, para.first_line, timestamp))
            if current is not None:
                resume = current.speaker
            current = None
    return Grouped(tuple(intro), tuple(intro_lines), sections, tuple(skipped))


def _extend(turn: Draft, text: list[str], para: Para) -> None:
    """Add a paragraph to a turn; a caption cue goes on the last paragraph instead, since cues
    cut one utterance wherever the screen was full, not where a paragraph ends."""
    if para.block.time is not None and turn.paragraphs and text:
        turn.paragraphs[-1] = f"{turn.paragraphs[-1]} {text[0]}"
        return
    turn.paragraphs.extend(text)
