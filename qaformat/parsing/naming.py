"""Stage 7, naming: real names for speakers labelled generically, where the text says them.

A transcription service labels voices ``Speaker 1``, ``SPEAKER_02`` or ``Speaker A``; the
people usually say who they are (``I'm Dana Ruiz, the editor of ...``) or are thanked by name
right after they speak (``Thanks, Omar.``). Each finding is reported as
``speaker-name-suggested`` with its line, and applied only when the caller asks
(``ParseOptions(name_speakers=True)``, ``--name-speakers``): never silently.
"""

from __future__ import annotations

from qaformat.parsing.report import Report
from qaformat.parsing.units import Draft, SpeakerDraft
from qaformat.parsing.words import NUMBERED_ROLE_WORDS, ROLE_WORDS
from qaformat.patterns import lazy

__all__ = ["suggest_names"]

_NAME = r"([A-Z][a-zà-ÿ'’-]+(?: (?:[A-Z][a-zà-ÿ'’-]+|de|van|von|da|del|di|le|la)){0,3})"
_SELF = lazy(r"(?:^|[.!?]\s+|,\s+)(?:I'm|I’m|I am|my name is|My name is|this is|This is)\s+" + _NAME
                   + r"(?=[,.!?;]|\s+(?:and|from|with|here|the|your|host|at)\b)")
_THANKS = lazy(r"(?:^|[.!?]\s+)(?:Thanks|Thank you|Cheers),\s+" + _NAME + r"[.!]")
_NOT_NAMES = frozenset({"Not", "Just", "So", "Really", "Very", "Here", "Glad", "Happy", "Sure", "Going", "Sorry", "Excited"})
_LOOK_AT_TURNS = 6


def _generic(draft: SpeakerDraft) -> bool:
    key = " ".join(draft.name.casefold().replace("_", " ").split())
    word, _, number = key.rpartition(" ")
    return (key in ROLE_WORDS and not ROLE_WORDS[key].anonymous) or (word in NUMBERED_ROLE_WORDS and bool(number))


def suggest_names(speakers: tuple[SpeakerDraft, ...], turns: list[Draft], report: Report, *, apply: bool) -> None:
    """Report (and with ``apply`` use) the names the text gives generically labelled speakers."""
    generic = {s.id: s for s in speakers if _generic(s) and not s.given}
    if not generic:
        return
    found: dict[str, tuple[str, int, str]] = {}
    spoken = [t for t in turns if t.speaker is not None]
    seen: dict[str, int] = {}
    for position, turn in enumerate(spoken):
        speaker = turn.speaker
        assert speaker is not None
        seen[speaker] = seen.get(speaker, 0) + 1
        if speaker in generic and speaker not in found and seen[speaker] <= _LOOK_AT_TURNS:
            text = " ".join(turn.paragraphs)[:600]
            match = _SELF.search(text)
            if match and match.group(1).split()[0] not in _NOT_NAMES:
                found[speaker] = (match.group(1), turn.line, match.group(0).strip(" ,.")[:60])
        if position and speaker not in generic:
            before = spoken[position - 1].speaker
            match = _THANKS.search(" ".join(turn.paragraphs)[:300])
            if before in generic and before not in found and match and match.group(1) not in _NOT_NAMES:
                found[before] = (match.group(1), turn.line, match.group(0).strip(" ,.")[:60])
    taken = {s.name.casefold() for s in speakers}
    for speaker_id, (name, line, evidence) in found.items():
        if name.casefold() in taken:
            continue
        draft = generic[speaker_id]
        how = "applied" if apply else "apply it with --name-speakers"
        report.info("speaker-name-suggested", f"{draft.name} may be {name} ({evidence!r}); {how}", line)
        if apply:
            draft.name = name
            taken.add(name.casefold())
