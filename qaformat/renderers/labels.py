"""Speaker labels and turn times, written the same way by every renderer.

Owns the label styles of `LabelStyle` (the full name every time; the full name first, then the
surname or initials) and the display forms of a turn's timestamp, so that HTML, Markdown and
DOCX agree. Imports only the model, the options, the errors and the name vocabulary the parser
reads labels with (`qaformat.names`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable

import attrs

from qaformat.errors import RenderError
from qaformat.model import Kind, Role, Speaker, Turn
from qaformat.names import CREDENTIALS, GENERIC_WORDS, HONORIFICS, PARTICLES
from qaformat.options import LabelStyle
from qaformat.patterns import lazy

__all__ = ["SpeakerLabels", "TurnHead", "clock_seconds", "clock_time", "described_name", "interviewer_remarks", "is_role_label",
           "iso_duration", "short_label", "turn_time"]


def _bare(word: str) -> str:
    return word.replace(".", "").casefold()


def _name_words(name: str) -> list[str]:
    """The words of a name without leading titles and trailing suffixes."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and _is_title(words[0]):
        words.pop(0)
    while len(words) > 1 and _bare(words[-1]) in CREDENTIALS:
        words.pop()
    return words


def _is_title(word: str) -> bool:
    """``Dr.``, ``Sen.``, ``د.``, ``Mr``; not an initial such as ``J.``."""
    bare = _bare(word)
    if bare in HONORIFICS:
        return True
    is_initial = len(bare) == 1 and word[0].isupper()
    return word.endswith(".") and 0 < len(bare) <= 3 and not is_initial


def _is_generic(name: str) -> bool:
    """A role label rather than a person's name: ``Q``, ``Speaker 2``, ``Guest B``, ``Unknown Speaker``."""
    words = name.split()
    return (
        len(words) < 2
        or any(char.isdigit() for char in name)
        or len(words[-1].strip(".")) == 1
        or any(_bare(word) in GENERIC_WORDS for word in words)
    )


def is_role_label(name: str) -> bool:
    """A role label rather than a person's name (``Q``, ``Speaker 2``, ``Unknown Speaker``)."""
    return _is_generic(name)


def short_label(name: str, style: LabelStyle) -> str:
    """A name's short form under a label style (the name itself where none fits).

    ``Dr. Alexander Petrov`` -> ``Petrov`` (surname) or ``AP`` (initials); ``Martin Luther King
    Jr.`` -> ``King`` or ``MLK``; ``Vincent van Gogh`` -> ``van Gogh`` or ``VG``. Role labels
    (``Q``, ``Speaker 1``) and one-word names stay as written; initials fall back to the surname
    for names in scripts without capital letters.
    """
    if style in (LabelStyle.FULL, LabelStyle.NONE) or _is_generic(name):
        return name
    words = _name_words(name)
    if len(words) < 2:
        return words[0] if words else name
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    surname = " ".join(words[start:])
    if style is LabelStyle.SURNAME:
        return surname
    letters = [word[0] for word in words if word not in PARTICLES]
    if all(letter.isupper() for letter in letters):
        return "".join(letters)
    return surname


def described_name(speaker: Speaker) -> str:
    """The name with the description its label gave in the source (``NORA VELLACOTT, HOST`` ->
    ``Nora Vellacott, HOST``; ``Maya Ortiz (guest)``), written the way that label wrote it; the
    name alone where no label described the speaker (a description from the intro stays out)."""
    description = (speaker.description or "").strip()
    if not description or not speaker.name.strip():
        return speaker.name
    folded = description.casefold()
    for alias in speaker.aliases:
        written = alias.strip().casefold()
        if written.endswith(f", {folded}") and len(written) > len(folded) + 2:
            return f"{speaker.name}, {description}"
        if written.endswith(f"({folded})") and written[: -len(folded) - 2].strip():
            return f"{speaker.name} ({description})"
    return speaker.name


class SpeakerLabels:
    """The label of each turn in reading order: a speaker's first turn gets the full name.

    A short form that two speakers share (``Whitfield`` for Tom and Dana Whitfield), or that is
    another speaker's full name, is not used: those speakers get their full name every time.
    With ``described``, the first label also carries the description the source's label gave
    (`described_name`): a format with no other place for it keeps what fixed the role.
    """

    def __init__(self, speakers: Iterable[Speaker], style: LabelStyle, *, described: bool = False):
        self._style = style
        speakers = tuple(speakers)
        self._names = {speaker.id: speaker.name for speaker in speakers}
        self._firsts = {s.id: described_name(s) for s in speakers} if described else self._names
        shorts = {sid: short_label(name, style) for sid, name in self._names.items()}
        counts = Counter(shorts.values())
        fulls = set(self._names.values())
        self._short = {
            sid: short if counts[short] == 1 and (short == self._names[sid] or short not in fulls) else self._names[sid]
            for sid, short in shorts.items()
        }
        self._seen: set[str] = set()

    def label(self, speaker_id: str) -> str | None:
        """The label for this speaker's next turn, or ``None`` when the style shows no labels.

        Raises:
            RenderError: no speaker of the transcript has this id.
        """
        if speaker_id not in self._names:
            raise RenderError(f"a turn names speaker {speaker_id!r}, which the transcript does not list")
        if self._style is LabelStyle.NONE:
            return None
        if speaker_id in self._seen:
            return self._short[speaker_id]
        self._seen.add(speaker_id)
        return self._firsts[speaker_id]


def interviewer_remarks(speakers: Iterable[Speaker]) -> Callable[[Turn], bool]:
    """Which turns are remarks by an interviewer (a closing "thank you"): they are set like the
    interviewer's questions, not like answers, so the reader sees who is speaking."""
    interviewers = frozenset(s.id for s in speakers if s.role is Role.INTERVIEWER)
    return lambda turn: turn.kind is Kind.REMARK and turn.speaker in interviewers


def turn_time(turn: Turn) -> float | None:
    """The turn's timestamp in seconds, or ``None`` when it has none that can be shown."""
    seconds = turn.timestamp
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return None
    return seconds


def clock_time(seconds: float) -> str:
    """``62.4`` -> ``00:01:02`` (hours always shown, fractions dropped)."""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


_CLOCK = lazy(r"(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?")


def clock_seconds(text: str) -> float | None:
    """The time a text such as ``[00:15:05]`` or ``15:05.5`` shows, in seconds, or ``None``."""
    found = _CLOCK.search(text)
    if found is None:
        return None
    hours, minutes, seconds, fraction = found.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + float(f"0.{fraction or 0}")


def iso_duration(seconds: float) -> str:
    """``62`` -> ``PT62S``, ``62.5`` -> ``PT62.5S``: a valid HTML duration string."""
    millis = round(seconds * 1000)
    whole, fraction = divmod(millis, 1000)
    return f"PT{whole}.{fraction:03d}".rstrip("0") + "S" if fraction else f"PT{whole}S"


@attrs.frozen
class TurnHead:
    """How a turn opens and is set, decided alike by every renderer that writes turns."""

    label: str | None
    """The speaker label (``None``: a note, or no labels)."""
    seconds: float | None
    """The time to show before the label, with ``timestamps`` only."""
    bold: bool
    """Set the text in bold: a question, with ``bold_questions``."""
    paragraphs: tuple[str, ...]
    """The paragraphs to write: a turn with no text still gets one, to hold its label or time."""

    @classmethod
    def of(cls, turn: Turn, labels: SpeakerLabels, *, timestamps: bool, bold_questions: bool) -> TurnHead:
        """Raises: RenderError: the turn names a speaker the transcript does not list."""
        label = labels.label(turn.speaker) if turn.kind is not Kind.NOTE and turn.speaker is not None else None
        seconds = turn_time(turn) if timestamps else None
        paragraphs = turn.paragraphs or (("",) if label or seconds is not None else ())
        return cls(label, seconds, bold_questions and turn.kind is Kind.QUESTION, paragraphs)
