"""Stage 10, describe: take a speaker's description from an intro that introduces them.

Intros say who is talking in two common ways: a title before the name ("Senior Editor Emily
Carter") and an apposition after it ("Dr. Alexander Petrov, a senior fellow at ..."). The
first mention of a speaker's name in the intro is read for either; a description the label
already gave (``ANDERSON COOPER, CNN ANCHOR``) or the caller gave is kept.
"""

from __future__ import annotations

from qaformat.parsing.units import SpeakerDraft
from qaformat.parsing.words import HONORIFICS, SENTENCE_STARTERS, STOPWORDS, name_words
from qaformat.patterns import lazy

__all__ = ["describe_speakers"]

_MAX_WORDS = 30
_CONNECTORS = frozenset({"of", "for", "at", "and", "de", "the"})
# Job words written in lower case ("features editor", "staff reporter", "economist").
_JOB = lazy(r"(?:or|er|ist|ent|ant|ian|ee|ief|ive|ary|man|woman|person|host|head|chair|lead)$")
_APPOSITION_START = lazy(r"(?i)^(?:a|an|the|[A-Z][\w'’.-]*|\w+(?:-\w+)*\s+(?:at|of|for)\b)")


def describe_speakers(speakers: tuple[SpeakerDraft, ...], intro: tuple[str, ...]) -> None:
    """Fill in ``description`` for speakers the intro introduces."""
    if not intro:
        return
    for speaker in speakers:
        if speaker.description or speaker.anonymous or speaker.key.startswith("role:"):
            continue
        for paragraph in intro:
            found = _describe(speaker, paragraph)
            if found:
                speaker.description = found
                break


def _mention(speaker: SpeakerDraft, paragraph: str) -> tuple[int, int] | None:
    """Where the speaker's name is first written in full (or without honorific)."""
    forms = sorted({speaker.name, *speaker.names}, key=len, reverse=True)
    words = name_words(speaker.name)
    if len(words) >= 2:
        forms.append(" ".join(w.capitalize() for w in words))
    folded = paragraph.casefold()
    best: tuple[int, int] | None = None
    for form in forms:
        if len(name_words(form)) < 2 and len(words) >= 2:
            continue
        start = folded.find(form.casefold())
        if start >= 0 and (best is None or start < best[0]):
            best = (start, start + len(form))
    return best


def _describe(speaker: SpeakerDraft, paragraph: str) -> str | None:
    found = _mention(speaker, paragraph)
    if found is None:
        return None
    start, end = found
    if len(name_words(speaker.name)) < 2:
        return _apposition_after(paragraph[end:])  # before a bare surname stands the first name
    return _title_before(paragraph[:start]) or _apposition_after(paragraph[end:])


def _title_before(text: str) -> str | None:
    """Title words directly before the name: "..., Senior Editor " -> "Senior Editor",
    "Ledger features editor " -> "Ledger features editor"."""
    if not text.endswith(" "):
        return None
    taken: list[str] = []
    for token in reversed(text.split()):
        if token.endswith((",", ".", ";", ":", "!", "?", "—", "–")) and not _domain(token):
            break
        bare = token.strip("()\"“”'‘’")
        folded = bare.casefold()
        if not bare or (folded in STOPWORDS and not (folded in _CONNECTORS and taken)):
            break
        taken.append(bare)
        if len(taken) >= 8:
            break
    while taken and taken[-1].casefold() in SENTENCE_STARTERS | _CONNECTORS:
        taken.pop()
    while taken and taken[0].casefold() in _CONNECTORS:
        taken.pop(0)
    if not taken or not (taken[0][:1].isupper() or _JOB.search(taken[0].casefold())):
        return None  # "interviewed Jane Roe": the word before the name is no title
    words = list(reversed(taken))
    if all(w.strip(".").casefold() in HONORIFICS for w in words):
        return None
    return " ".join(words)


def _domain(token: str) -> bool:
    core = token.rstrip(".,;:")
    return "." in core and not core.endswith(".") and core.split(".")[-1].isalpha() and core.islower()


def _apposition_after(text: str) -> str | None:
    """", a renowned expert on ..., for ..." -> "a renowned expert on ..."."""
    if not text.startswith(", "):
        return None
    body = text[2:]
    stop = len(body)
    for marker in (", ", "; ", " — ", " – ", " (", ". ", ")"):
        at = body.find(marker)
        if 0 <= at < stop:
            stop = at
    if body[:stop].endswith("."):
        stop -= 1
    description = body[:stop].strip()
    words = description.split()
    if not words or len(words) > _MAX_WORDS or not _APPOSITION_START.match(description):
        return None
    if words[0].casefold() in {"who", "which", "that", "and", "but", "said", "says", "told"}:
        return None
    return description
