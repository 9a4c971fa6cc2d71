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
    """What a speaker does in the interview."""

    INTERVIEWER = "interviewer"
    """Asks: a host, reporter, moderator, or an anonymous ``Q``."""
    INTERVIEWEE = "interviewee"
    """Answers: the guest, a panelist, the person at the podium."""
    OTHER = "other"
    """Neither: an announcer, an attorney objecting, a voice from the audience."""


class Kind(enum.Enum):
    """What a turn is."""

    QUESTION = "question"
    """A turn by an interviewer."""
    ANSWER = "answer"
    """A turn by an interviewee."""
    REMARK = "remark"
    """A turn that asks or answers nothing: another speaker's, or an interviewer's closing thanks."""
    NOTE = "note"
    """Text with no speaker: an editor's note, or a stage direction on its own line."""


class SpanKind(enum.Enum):
    """What an inline span inside a paragraph is."""

    DIRECTION = "direction"
    """A stage direction or transcriber's marker: ``[laughs]``, ``(Laughter.)``, ``[crosstalk]``."""
    TIMESTAMP = "timestamp"
    """A time written inside the text, such as the ``00:15:05`` of ``[inaudible 00:15:05]``."""


@attrs.frozen
class Span:
    """A recognised stretch of one paragraph, so renderers can style it.

    Offsets count Unicode code points (Python string indices), end exclusive.
    """

    paragraph: int
    """Index into the turn's ``paragraphs``."""
    start: int
    """Offset of the first character, brackets included."""
    end: int
    """Offset one past the last character."""
    kind: SpanKind
    """What the span is."""


@attrs.frozen
class Speaker:
    """One person (or one anonymous role, such as every ``Q`` of a press briefing)."""

    id: str
    """Stable slug, unique within the transcript (``emily-carter``); turns refer to it."""
    name: str
    """Canonical display name: the best-cased, most complete form the labels used."""
    role: Role
    """Interviewer, interviewee or other."""
    aliases: tuple[str, ...] = ()
    """Every label as written that was resolved to this speaker, in order of first use."""
    description: str | None = None
    """Who they are, where the input says (``Senior Editor``), else ``None``."""


@attrs.frozen
class Turn:
    """One contribution: a speaker's question, answer or remark, or an unattributed note."""

    kind: Kind
    """Question, answer, remark or note."""
    speaker: str | None
    """The speaker's ``id``; ``None`` only for notes."""
    paragraphs: tuple[str, ...]
    """The text, one string per paragraph, without the label."""
    line: int
    """1-based source line where the turn starts (its label, or the note's text)."""
    timestamp: float | None = None
    """Seconds from the start of the recording, where the transcript gives a time."""
    spans: tuple[Span, ...] = ()
    """Stage directions and times recognised inside the paragraphs, in text order."""


@attrs.frozen
class Section:
    """A run of turns under one heading."""

    heading: str | None
    """The heading as written; ``None`` for turns before the first heading."""
    turns: tuple[Turn, ...]
    """The turns, in source order."""
    line: int
    """1-based source line of the heading, or of the first turn when there is no heading."""


@attrs.frozen
class Skipped:
    """A range of source lines left out of the interview, and why."""

    first_line: int
    """First line of the range (1-based)."""
    last_line: int
    """Last line of the range, inclusive."""
    reason: str
    """Why it was left out, in a few words (``before the interview``, ``page debris``)."""


def frozen_mapping(value: Mapping[str, str]) -> Mapping[str, str]:
    """A read-only copy: the converter of every string-map field."""
    return types.MappingProxyType(dict(value))


@attrs.frozen
class Transcript:
    """A parsed interview: what every renderer receives and ``load_json`` returns."""

    title: str | None = None
    """The headline, where there is one."""
    intro: tuple[str, ...] = ()
    """Paragraphs between the title and the first turn or heading."""
    speakers: tuple[Speaker, ...] = ()
    """Everyone who speaks, in order of first appearance."""
    sections: tuple[Section, ...] = ()
    """The turns, grouped under their headings."""
    skipped: tuple[Skipped, ...] = ()
    """Source ranges left out of the interview (empty when the whole input was kept)."""
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), eq=False)
    """What parsing decided or doubted, in source order (not part of equality)."""
    metadata: Mapping[str, str] = attrs.field(
        factory=dict, converter=frozen_mapping, hash=False
    )
    """Free string map: ``date``, ``source`` and whatever the input's front matter held."""

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
