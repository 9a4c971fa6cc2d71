"""Stage 8, evidence: what the document says about speakers' roles outside their turns.

Two kinds of evidence vote on a role before behaviour is weighed: the document's metadata
(front matter or document properties naming the ``interviewer`` or ``author``, the
``interviewee`` or ``guest``) and the markup of the turns (in many transcripts only the
interviewer's words are set in bold or italics, or in a Word style named for questions). Each vote carries its reason, which the
``role-inferred`` diagnostic repeats.

Our own HTML and DOCX output says more: every turn carries the kind we wrote it as (the
``qa-question`` class, the ``QA Answer`` style), and a kind stands for its speaker's role.
`marked_roles` reads those back, so a role fixed in the source (``NAME, HOST:``) stays fixed
when qaformat reads what it wrote.
"""

from __future__ import annotations

from collections.abc import Mapping

from qaformat.model import Role
from qaformat.parsing.units import Para, SpeakerDraft, Vote
from qaformat.parsing.words import name_words
from qaformat.patterns import lazy

__all__ = ["marked_roles", "role_votes"]

_ASKER_KEYS = ("interviewer", "interviewers", "host", "hosts", "author", "authors", "moderator")
_ANSWER_KEYS = ("interviewee", "guest", "guests", "narrator", "subject")
_ASKING_STYLES = ("question", "interviewer", "strong")  # Word paragraph styles named for the questions
_OPENING_PARAGRAPHS = 12
_INTRODUCTION_WEIGHT = 1.0
_NAMED_TAIL = 200
_NAMED_WEIGHT = 0.5
_INTRODUCTION_HINTS = ("with me", "guest", "welcome", "joining", "joined", "i'm here with", "i'm with")
_INTRODUCES = lazy(
    r"(?i:with me (?:today |now |here )?is|my guest(?:s)?(?: today| this week)? (?:is|are)|our guest(?: today)? is"
    r"|please welcome|joining (?:us|me)(?: today| now| this week)? (?:is|are)|i'?m (?:here |joined )?(?:with|by)"
    r"|i am joined by|we(?:'re| are) joined by|(?:a )?(?:warm )?welcome(?: back)?(?: to the (?:show|program|podcast))?,?)"
    r"\s+((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)
# The kinds our renderers mark turns with, as HTML classes (``qa-question``, ``qa-remark
# qa-by-interviewer``) and DOCX paragraph styles (``QA Question``, ``QA Interviewer Remark``),
# case-folded with hyphens as spaces, and the role each is written for (docs/html.md, docs/docx.md).
_OWN_KINDS = {
    "qa question": Role.INTERVIEWER, "qa by interviewer": Role.INTERVIEWER, "qa interviewer remark": Role.INTERVIEWER,
    "qa answer": Role.INTERVIEWEE, "qa remark": Role.OTHER,
}
_METADATA_WEIGHT = 1.5
_EMPHASIS_WEIGHT = 1.0


def role_votes(speakers: tuple[SpeakerDraft, ...], paras: tuple[Para, ...],
               metadata: Mapping[str, str]) -> dict[str, list[Vote]]:
    """Votes for every speaker id that has any."""
    votes: dict[str, list[Vote]] = {}
    for speaker in speakers:
        words = set(name_words(speaker.name)) | {w for n in speaker.names for w in name_words(n)}
        for keys, weight in ((_ASKER_KEYS, _METADATA_WEIGHT), (_ANSWER_KEYS, -_METADATA_WEIGHT)):
            for key in keys:
                value = metadata.get(key, "")
                named = {w for part in value.replace("-", " ").split(",") for w in name_words(part)}
                if words and named and words & named:
                    votes.setdefault(speaker.id, []).append(Vote(weight, f"the document's {key} is {value.strip()}"))
                    break
    _emphasis(speakers, paras, votes)
    _introductions(speakers, paras, votes)
    _named_before(speakers, paras, votes)
    return votes


def marked_roles(paras: tuple[Para, ...]) -> dict[str, Role]:
    """The role of every speaker whose turns all carry the kinds our own renderers mark turns
    with, each kind standing for the same role. A speaker with a turn unmarked, or marked for
    another role (a file edited by hand), is left to the votes and behaviour."""
    found: dict[str, set[Role | None]] = {}
    for para in paras:
        if para.speaker is not None:
            style = para.block.style
            role = _OWN_KINDS.get(style.casefold().replace("-", " ")) if style else None
            found.setdefault(para.speaker, set()).add(role)
    marked: dict[str, Role] = {}
    for speaker, roles in found.items():
        role = roles.pop() if len(roles) == 1 else None
        if role is not None:
            marked[speaker] = role
    return marked


def _named_before(speakers: tuple[SpeakerDraft, ...], paras: tuple[Para, ...], votes: dict[str, list[Vote]]) -> None:
    """A voice heard once or twice, right after another speaker names it ("The twins Tobin and
    Ava Reyes are in fifth grade." / ``TOBIN & AVA REYES: We like Fridays!``), was asked."""
    counts: dict[str, int] = {}
    for para in paras:
        if para.speaker is not None and para.label is not None:
            counts[para.speaker] = counts.get(para.speaker, 0) + 1
    rare = {s.id: {w for n in (s.name, *s.names) for w in name_words(n) if len(w) > 2} for s in speakers
            if counts.get(s.id, 0) <= 2}
    previous: Para | None = None
    for para in paras:
        if para.speaker is None:
            continue
        words = rare.get(para.speaker)
        if words and previous is not None and previous.speaker != para.speaker:
            tail = set(name_words(previous.text[-_NAMED_TAIL:]))
            if words <= tail or (len(words) > 1 and len(words & tail) >= 2):
                votes.setdefault(para.speaker, []).append(Vote(-_NAMED_WEIGHT, "named by the speaker before"))
                rare.pop(para.speaker)
        previous = para


def _introductions(speakers: tuple[SpeakerDraft, ...], paras: tuple[Para, ...], votes: dict[str, list[Vote]]) -> None:
    """``My guest today is Dana Ruiz``, ``joining us is ...``, ``please welcome ...`` in the
    opening turns: the introducer hosts, the one introduced is the guest."""
    by_word: dict[str, set[str]] = {}
    for speaker in speakers:
        for word in {w for n in (speaker.name, *speaker.names) for w in name_words(n)}:
            by_word.setdefault(word, set()).add(speaker.id)
    looked = 0
    for para in paras:
        if para.speaker is None:
            continue
        looked += 1
        if looked > _OPENING_PARAGRAPHS:
            break
        opening = para.text[:1500]
        lowered = opening.lower()
        if not any(hint in lowered for hint in _INTRODUCTION_HINTS):
            continue
        for found in _INTRODUCES.finditer(opening):
            named = {i for w in name_words(found.group(1)) for i in by_word.get(w, ())} - {para.speaker}
            if len(named) == 1:
                guest = named.pop()
                votes.setdefault(guest, []).append(Vote(-_INTRODUCTION_WEIGHT, f"introduced by {found.group(0)[:40]!r}"))
                votes.setdefault(para.speaker, []).append(Vote(_INTRODUCTION_WEIGHT / 2, "introduces a guest"))
                return


def _emphasis(speakers: tuple[SpeakerDraft, ...], paras: tuple[Para, ...], votes: dict[str, list[Vote]]) -> None:
    """One speaker's turns set in bold or italics where nobody else's are: the questions."""
    marked: dict[str, int] = {}
    total: dict[str, int] = {}
    for para in paras:
        if para.speaker is None or para.label is None or para.label.explicit:
            continue
        block = para.block
        total[para.speaker] = total.get(para.speaker, 0) + 1
        styled = block.style is not None and any(w in block.style.casefold() for w in _ASKING_STYLES)
        if styled or block.italic or (block.bold_prefix and block.bold_prefix >= len(block.text) * 0.8 and len(para.text) > 20):
            marked[para.speaker] = marked.get(para.speaker, 0) + 1
    shares = {i: marked.get(i, 0) / n for i, n in total.items() if n >= 2}
    emphasised = [i for i, share in shares.items() if share >= 0.5]
    if len(emphasised) == 1 and len(shares) >= 2 and all(s <= 0.2 for i, s in shares.items() if i not in emphasised):
        votes.setdefault(emphasised[0], []).append(Vote(_EMPHASIS_WEIGHT, "their turns are set apart in bold or italics"))
