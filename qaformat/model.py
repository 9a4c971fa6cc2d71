"""The transcript model: the one contract between parsing and rendering.

Every class is a frozen attrs class with documented fields, and every sequence is a tuple, so
a `Transcript` can be shared, cached and compared safely. Parsing builds it, renderers read it,
`load_json` rebuilds it. This module imports nothing from the rest of the package except the
diagnostics record.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Iterator, Mapping

import attrs

from qaformat.errors import Diagnostic

__all__ = ["Kind", "Role", "Section", "Skipped", "Span", "SpanKind", "Speaker", "Transcript", "Turn"]


class Role(enum.Enum):
    """What a speaker does in the interview.

    Members:
        INTERVIEWER: Asks: a host, reporter, moderator, or an anonymous ``Q``.
        INTERVIEWEE: Answers: the guest, a panelist, the person at the podium.
        OTHER: Neither: an announcer, an attorney objecting, a voice from the audience.
    """

    INTERVIEWER = "interviewer"
    INTERVIEWEE = "interviewee"
    OTHER = "other"


class Kind(enum.Enum):
    """What a turn is.

    Members:
        QUESTION: A turn by an interviewer.
        ANSWER: A turn by an interviewee.
        REMARK: A turn that asks or answers nothing: another speaker's, or an interviewer's closing
            thanks.
        NOTE: Text with no speaker: an editor's note, or a stage direction on its own line.
    """

    QUESTION = "question"
    ANSWER = "answer"
    REMARK = "remark"
    NOTE = "note"


class SpanKind(enum.Enum):
    """What an inline span inside a paragraph is.

    Members:
        DIRECTION: A stage direction or transcriber's marker: ``[laughs]``, ``(Laughter.)``,
            ``[crosstalk]``.
        TIMESTAMP: A time written inside the text, such as the ``00:15:05`` of
            ``[inaudible 00:15:05]``.
    """

    DIRECTION = "direction"
    TIMESTAMP = "timestamp"


@attrs.frozen
class Span:
    """A recognised stretch of one paragraph, so renderers can style it.

    Offsets count Unicode code points (Python string indices), end exclusive.

    Attributes:
        paragraph: Index into the turn's ``paragraphs``.
        start: Offset of the first character, brackets included.
        end: Offset one past the last character.
        kind: What the span is.
    """

    paragraph: int
    start: int
    end: int
    kind: SpanKind


@attrs.frozen
class Speaker:
    """One person (or one anonymous role, such as every ``Q`` of a press briefing).

    Attributes:
        id: Stable slug, unique within the transcript (``emily-carter``); turns refer to it.
        name: Canonical display name: the best-cased, most complete form the labels used.
        role: Interviewer, interviewee or other.
        aliases: Every label as written that was resolved to this speaker, in order of first use.
        description: Who they are, where the input says (``Senior Editor``), else ``None``.
    """

    id: str
    name: str
    role: Role
    aliases: tuple[str, ...] = ()
    description: str | None = None


@attrs.frozen
class Turn:
    """One contribution: a speaker's question, answer or remark, or an unattributed note.

    Attributes:
        kind: Question, answer, remark or note.
        speaker: The speaker's ``id``; ``None`` only for notes.
        paragraphs: The text, one string per paragraph, without the label.
        line: 1-based source line where the turn starts (its label, or the note's text).
        timestamp: Seconds from the start of the recording, where the transcript gives a time.
        spans: Stage directions and times recognised inside the paragraphs, in text order.
    """

    kind: Kind
    speaker: str | None
    paragraphs: tuple[str, ...]
    line: int
    timestamp: float | None = None
    spans: tuple[Span, ...] = ()


@attrs.frozen
class Section:
    """A run of turns under one heading.

    Attributes:
        heading: The heading as written; ``None`` for turns before the first heading.
        turns: The turns, in source order.
        line: 1-based source line of the heading, or of the first turn when there is no heading.
    """

    heading: str | None
    turns: tuple[Turn, ...]
    line: int


@attrs.frozen
class Skipped:
    """A range of source lines left out of the interview, and why.

    Attributes:
        first_line: First line of the range (1-based).
        last_line: Last line of the range, inclusive.
        reason: Why it was left out, in a few words (``before the interview``, ``page debris``).
    """

    first_line: int
    last_line: int
    reason: str


def frozen_mapping(value: Mapping[str, str]) -> Mapping[str, str]:
    """A read-only copy: the converter of every string-map field."""
    return types.MappingProxyType(dict(value))


@attrs.frozen
class Transcript:
    """A parsed interview: what every renderer receives and ``load_json`` returns.

    Attributes:
        title: The headline, where there is one.
        intro: Paragraphs between the title and the first turn or heading.
        speakers: Everyone who speaks, in order of first appearance.
        sections: The turns, grouped under their headings.
        skipped: Source ranges left out of the interview (empty when the whole input was kept).
        diagnostics: What parsing decided or doubted, in source order (not part of equality).
        metadata: Free string map: ``date``, ``source`` and whatever the input's front matter held.
    """

    title: str | None = None
    intro: tuple[str, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    sections: tuple[Section, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), eq=False)
    metadata: Mapping[str, str] = attrs.field(
        factory=dict, converter=frozen_mapping, hash=False
    )

    def turns(self) -> Iterator[Turn]:
        """Every turn of every section, in order."""
        for section in self.sections:
            yield from section.turns

    def speaker(self, speaker_id: str) -> Speaker:
        """The speaker with this id.

        Raises:
            KeyError: no speaker has that id.
        """
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker
        raise KeyError(speaker_id)
