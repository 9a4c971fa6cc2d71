"""The working records parsing stages hand each other (never seen outside parsing).

A `Label` is what the labels stage found at the start of one block; a `Para` is a paragraph of
the input once wrapped lines are joined, with its label (if accepted) and its speaker; a
`Cast` is the speakers stage's verdict. The layout stage turns paragraphs into a `Layout`.
"""

from __future__ import annotations

import enum

import attrs

from qaformat.blocks import Block
from qaformat.model import Kind, Role
from qaformat.parsing.words import RoleWord

__all__ = ["Cast", "Draft", "Label", "Layout", "Para", "ParaRole", "SectionDraft", "SpeakerDraft", "Vote"]


@attrs.frozen
class Label:
    """A speaker label found at the start of a block."""

    written: str
    """The label as written, without its colon and time (``ANDERSON COOPER, CNN ANCHOR``)."""
    name: str
    """The name part (``ANDERSON COOPER``); empty for a bare time that continues a turn."""
    extra: str | None
    """What follows the name after a comma or in brackets (``CNN ANCHOR``, ``D-OR``)."""
    rest: str
    """The text after the label, stripped; empty when the text follows on the next lines."""
    column: int
    """1-based column where ``rest`` starts in the block text."""
    timestamp: float | None = None
    """Seconds, where a time stands before or after the name."""
    role_word: RoleWord | None = None
    """Set when the label is a role word (``Q``, ``Moderator``, ``Speaker 2``)."""
    name_shaped: bool = True
    """The name looks like a person's name; if not, only a caller's speaker map accepts it."""
    bold: bool = False
    """The format set the label in bold."""
    caps: bool = False
    """Written in capitals (``MR. SMITH``)."""
    explicit: bool = False
    """The format itself names the speaker (a caption voice): no doubt about it."""
    dashed: bool = False
    """A dash or ``>`` separates it from the text instead of a colon (``Q - text``)."""
    period: bool = False
    """A full stop ends it, as hearings print them (``Mr. LATTA. text``): the period convention's."""
    bracketed: bool = False
    """A name in square brackets before the text (``[Sarah] text``), as captioners tag speakers."""
    titled: bool = False
    """A name that opens with ``The`` (``The Chronicle``, ``The New Yorker``): a publication
    asking in print, which a run-in heading (``The Verdict:``) also looks like."""

    run_in: bool = False
    """A bold name run straight into the text with no separator (``**RUTH** text``), as
    magazines and podcast pages set speakers; a bold lead-in word of prose looks the same."""

    @property
    def recurs_only(self) -> bool:
        """Its separator (a dash, a full stop, a bracket, none) also stands in ordinary text, or
        its name is a heading's shape, so the label counts only when its speaker recurs, never by
        fitting in among the others."""
        return self.dashed or self.period or self.bracketed or self.titled or self.run_in

    @property
    def continues(self) -> bool:
        """A bare time on its own line (``(00:31:05):``): the same speaker goes on."""
        return not self.name


@attrs.define
class SpeakerDraft:
    """A speaker being assembled by the speakers stage."""

    key: str
    """The grouping key (case-folded name words)."""
    written: list[str] = attrs.Factory(list)
    """Labels as written, in order of first use, without repeats."""
    names: list[str] = attrs.Factory(list)
    """Name parts as written, one per use (for choosing the canonical form)."""
    count: int = 0
    """How many labels resolved to this speaker."""
    role: Role | None = None
    """Role fixed by a role word or by the caller."""
    anonymous: bool = False
    """Every label is perhaps another person (``Q``): turns are never merged."""
    name: str = ""
    """Canonical display name, once chosen."""
    description: str | None = None
    """From the label (``, CNN ANCHOR``) or the caller."""
    given: bool = False
    """The caller's speaker map named this speaker."""
    id: str = ""
    """Slug, once assigned."""


@attrs.frozen
class Cast:
    """The speakers stage's verdict: who speaks, and which blocks carry an accepted label."""

    speakers: tuple[SpeakerDraft, ...]
    """Accepted speakers in order of first appearance, with ids assigned."""
    block_speaker: dict[int, str]
    """Index of a block with an accepted label -> speaker id."""
    header: frozenset[int] = frozenset()
    """Indexes of blocks in a "Key: value" header (``Interviewer: Tom Bell``): not turns."""


class ParaRole(enum.Enum):
    """What the layout stage decided a paragraph is."""

    TURN = "turn"
    CONTINUATION = "continuation"
    HEADING = "heading"
    NOTE = "note"
    TITLE = "title"
    INTRO = "intro"
    SKIPPED = "skipped"


@attrs.define
class Para:
    """A paragraph of input: one block, or several wrapped lines joined."""

    text: str
    """The paragraph's text (for a labelled paragraph, the text after the label)."""
    first_line: int
    """Source line of its first block."""
    last_line: int
    """Source line of its last block."""
    block: Block
    """Its first block (carries the format's hints)."""
    label: Label | None = None
    """The accepted label that starts it, if any."""
    speaker: str | None = None
    """Speaker id for a labelled paragraph."""
    role: ParaRole | None = None
    """Set by the layout stage."""
    reason: str = ""
    """Why it was skipped, for skipped paragraphs."""


@attrs.frozen
class Layout:
    """Where each part of the interview is, as the layout stage decided."""

    paras: tuple[Para, ...]
    """Every paragraph, each with its ``role`` set."""
    title: str | None
    """The title text, where one was found."""
    metadata: dict[str, str] = attrs.Factory(dict)
    """What a transcription service's header says (``keywords``, ``speakers``)."""


@attrs.frozen
class Vote:
    """One piece of evidence about a speaker's role from outside their behaviour."""

    weight: float
    """Towards interviewer when positive, towards interviewee when negative (behaviour spans about 2)."""
    reason: str
    """What it rests on, as the ``role-inferred`` diagnostic says it."""


@attrs.define
class Draft:
    """A turn being assembled."""

    speaker: str | None
    paragraphs: list[str]
    line: int
    timestamp: float | None = None
    kind: Kind | None = None


@attrs.define
class SectionDraft:
    """A section being assembled."""

    heading: str | None
    line: int
    turns: list[Draft] = attrs.Factory(list)
