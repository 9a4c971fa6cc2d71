"""An interview's header, as archives, oral-history projects and newspapers set it above the
talk: the bold project title with nothing under it, the credit lines (``Interviewer: Sarah
Whitfield``, ``Narrator: Dorothy Amsel (DA)``, ``Interviewer: Carla Mendes, The Chronicle.``),
and the names those lines give the body's labels.

The speakers stage asks this module which label candidates are a header's, never a turn's, and
which speaker each credited person is: the label in brackets after the name (``(SW)`` for
``SW:``), the name's surname, first name or initials (``WHITFIELD:``), or the one role code of
that role (``Q:`` for the interviewer, ``A:`` for the narrator). Each naming is reported as
``speaker-named-by-header`` with the header's line.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable

import attrs

from qaformat.blocks import Block
from qaformat.model import Role
from qaformat.parsing.report import Report
from qaformat.parsing.units import Label, SpeakerDraft
from qaformat.parsing.words import SENTENCE_STARTERS, initials, is_transcript_mark, name_words
from qaformat.patterns import lazy

__all__ = ["Credit", "name_from_header", "read_header", "summary_labels", "title_labels"]

_I, _E = Role.INTERVIEWER, Role.INTERVIEWEE
_ROLE_KEYS: dict[str, Role] = {
    **dict.fromkeys(("interviewer", "interviewers", "interviewed by", "interview by", "oral historian", "host", "reporter",
                     "hosts", "hosted by", "presenter", "presented by",
                     "entrevistador", "entrevistadora", "enquêteur", "enquêtrice", "intervieweur",
                     "interviewerin", "intervistatore", "intervistatrice"), _I),
    **dict.fromkeys(("narrator", "interviewee", "respondent", "informant", "guest", "guests", "featuring",
                     "entrevistado", "entrevistada",
                     "enquêté", "enquêtée", "interviewé", "interviewée", "befragte", "befragter", "erzähler",
                     "erzählerin", "intervistato", "intervistata"), _E),
}
"""The keys of a header's credit lines, and the role of the person each names."""

_PARTICLE = r"(?:de|del|della|di|da|van|von|der|den|du|le|la|ten|ter)"
_CREDIT = lazy(
    r"^(?P<name>(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Rev|Fr|Sr)\.?\s+)?"
    r"[A-ZÀ-ÖØ-Þ][\w'’-]*\.?(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’-]*\.?|" + _PARTICLE + r")){1,4}?)"
    r"\s*(?:\((?P<code>[A-Z]{1,4})\))?\s*(?:$|[,;(]|\.(?:\s|$)|\s[-–—]\s)"
)
"""A credit line's value that opens with a person's name of two words or more, and perhaps the
code the transcript gives them in brackets: ``Dorothy Amsel (DA)``, ``Dr. Hannah Cole``,
``Carla Mendes, The Chronicle. Date: 12 April 2024.``"""
_CREDIT_MAX_WORDS = 20
_SENTENCE_END = lazy(r"(?<=[.;])\s+")
_CODE = lazy(r"\s*\([A-Z]{1,4}\)")


@attrs.frozen
class Credit:
    """One person a header line names."""

    role: Role
    name: str
    code: str | None
    line: int
    text: str
    description: str | None = None
    """What the line says beside the name (``Gideon Marchetti (b. 1941), retired oysterman``)."""


def _key(label: Label) -> str:
    return " ".join(label.name.casefold().split())


_FIELD = lazy(r"^([^\W\d][\w .’'-]{0,30}?)\s*:\s*(\S.*)$")


def _credit(text: str, line: int) -> Credit | None:
    field = _FIELD.match(text)
    if field is None or (role := _ROLE_KEYS.get(" ".join(field[1].casefold().split()))) is None:
        return None
    value = field[2].strip()
    if len(value.split(maxsplit=_CREDIT_MAX_WORDS)) > _CREDIT_MAX_WORDS or value.endswith("?"):
        return None
    match = _CREDIT.match(value)
    if match is None:
        return None
    name = match["name"].rstrip(".")
    if len(name_words(name)) < 2:
        return None
    # The sentences up to the next field: "Carla Mendes, The Chronicle. Date: 12 April 2024."
    said = list(itertools.takewhile(lambda part: ":" not in part, _SENTENCE_END.split(value)))
    described = _CODE.sub("", " ".join(said)).strip().rstrip(".")
    return Credit(role, name, match["code"], line, text, described if described != name else None)


_SUBJECT = lazy(r"(?i)^(?:an? )?(?:interview|conversation|in conversation|q ?& ?a|entretien|gespräch|entrevista"
              r"|intervista)(?:\s*:\s*|\s+(?:with|mit|avec|con|a)\s+)(?=\S)")
"""A heading that says whom the interview is with (``Interview: Dr. Hannah Osei``, ``Interview
with Dorothy Amsel``): it names the interviewee, and stays a heading."""


def _subject(text: str, line: int) -> Credit | None:
    found = _SUBJECT.match(text)
    if found is None or len(text) > _MAX_SUBJECT:
        return None
    match = _CREDIT.match(text[found.end():])
    if match is None or match.end() < len(text) - found.end() or len(name_words(match["name"])) < 2:
        return None  # the whole rest is the name: "Interview with the mayor about rents" names nobody
    return Credit(_E, match["name"].rstrip("."), match["code"], line, text)


_MAX_SUBJECT = 80


def _talk_begins(counts: Counter[str], labels: list[Label | None]) -> int | None:
    """The first block whose label recurs (``counts``: the uses of each label): the talk has begun there."""
    return next((index for index, label in enumerate(labels)
                 if label is not None and not label.continues and counts[_key(label)] > 1), None)


def summary_labels(labels: list[Label | None], blocks: list[Block]) -> set[int]:
    """Labels above a ``Transcript`` line with the talk under it: a meeting service's summary
    (``Action items`` / ``- Tom: send release form``) or a page's notes, never turns."""
    for index, block in enumerate(blocks):
        if labels[index] is None and len(block.text) <= 40 and is_transcript_mark(block.text):
            above = {i for i in range(index) if labels[i] is not None}
            below = sum(1 for label in labels[index + 1:] if label is not None and not label.continues)
            return above if above and below >= 2 * len(above) else set()
    return set()


def title_labels(labels: list[Label | None], blocks: list[Block]) -> set[int]:
    """Own-line labels at the top with a label right under them, so nothing to say: a project's
    or a paper's title set in bold or capitals (``DULUTH NURSES ORAL HISTORY PROJECT`` over
    ``Narrator: Dorothy Amsel``), not a speaker with an empty turn."""
    found: set[int] = set()
    for index, label in enumerate(labels):
        if label is None:
            continue
        if label.rest or label.continues:
            break  # the first label with words after it: the talk (or the header) has begun
        below = labels[index + 1] if index + 1 < len(labels) else None
        if (not label.explicit and label.role_word is None and ":" not in blocks[index].text
                and below is not None and below.rest and not below.continues):
            found.add(index)
    return found


_PROGRAMME_KEYS = frozenset((
    "broadcast", "transmission", "transmitted", "tx", "repeat", "repeated", "recorded", "recording",
    "producer", "editor", "series producer", "programme", "programme number", "program", "channel",
    "station", "date", "time", "duration", "location", "place", "contributors", "interviewed",
))
"""The fields a broadcaster's transcript heads the talk with beside its credits (``BROADCAST:
12.04.24 1204-1230``, ``PRODUCER: ...``): the programme's, never a voice's."""


def _name_only(label: Label, block: Block) -> bool:
    """A role label whose whole text is a person's name (``PRESENTER: KATE FORD``): a broadcast
    header crediting the voice the label stands for, which nobody says."""
    if label.role_word is None or len(label.name) < 3 or not label.rest or label.continues:
        return False
    match = _CREDIT.match(label.rest)
    if match is None or match.end() < len(label.rest.rstrip()) or match["code"] is not None:
        return False
    words = [word.casefold() for word in match["name"].split()]
    return (2 <= len(name_words(match["name"])) <= 4 and not label.rest.rstrip().endswith((".", ",", ";"))
            and not any(word in _GREETING or word in SENTENCE_STARTERS for word in words))


_GREETING = frozenset("""hi hello hey welcome thank thanks good morning evening afternoon night bye goodbye
    okay ok yes no right well great sure everyone everybody all folks back""".split())
"""Words of a greeting or a reply in capitals (``HOST: Hi Sarah``, ``GUEST: Thank You``): said, not a credit."""


def _credited_roles(labels: list[Label | None], blocks: list[Block]) -> set[int]:
    """The role labels at the top that only name their voice (``PRESENTER: KATE FORD`` above
    ``PRESENTER: Inflation has fallen...``), before any label of the talk."""
    found: set[int] = set()
    for index, label in enumerate(labels):
        if label is None:
            continue
        if not _name_only(label, blocks[index]):
            break
        found.add(index)
    return found


def read_header(labels: list[Label | None], blocks: list[Block],
                header: Iterable[int]) -> tuple[set[int], tuple[Credit, ...]]:
    """The credit lines standing alone above the talk (``Interviewer: Carla Mendes, The
    Chronicle.`` over ``Q:`` and ``A:``: a header key used nowhere else, before the first label
    that recurs; ``header`` are blocks already known as the header's), and the people the lines
    above the talk credit, in order, whichever convention reads the talk (``I —`` and
    ``MARCHETTI —`` under ``Narrator: Gideon Marchetti``).

    A broadcaster's header counts too: its role lines that only name the voice (``PRESENTER:
    KATE FORD``) even though the role speaks below, and its programme fields used once above
    the talk (``BROADCAST: 12.04.24``)."""
    credited = _credited_roles(labels, blocks)
    if credited:
        labels = [None if index in credited else label for index, label in enumerate(labels)]
    counts = Counter(_key(label) for label in labels if label is not None and not label.continues)
    first = _talk_begins(counts, labels)
    if first is None:
        return set(), ()
    skip = set(header)
    lines = {index for index in range(first) if index not in skip and (label := labels[index]) is not None
             and counts[_key(label)] == 1 and (_credit(blocks[index].text, blocks[index].line) is not None
                                                or _key(label) in _PROGRAMME_KEYS)}
    lines |= credited
    # A podcast page's show notes under the talk credit its voices the same way (``**Guest:**
    # Elena Marsh, maintainer of Tessellate`` / ``**Host:** Priya Shah``).
    last = max(index for index, label in enumerate(labels)
               if label is not None and not label.continues and counts[_key(label)] > 1)
    notes = [index for index in range(last + 1, len(labels)) if index not in skip
             and (label := labels[index]) is not None and counts[_key(label)] == 1
             and _credit(blocks[index].text, blocks[index].line) is not None]
    lines.update(notes)
    # A credit line's name comes before a heading's: it says the role.
    credits = [credit for block in blocks[:first] if (credit := _credit(block.text, block.line)) is not None]
    subjects = [credit for block in blocks[:first] if (credit := _subject(block.text, block.line)) is not None]
    after = [credit for index in notes if (credit := _credit(blocks[index].text, blocks[index].line)) is not None]
    return lines, (*credits, *subjects, *after)


def name_from_header(draft: SpeakerDraft, drafts: Iterable[SpeakerDraft], credits: tuple[Credit, ...],
                     taken: set[str], report: Report) -> None:
    """Give ``draft`` the name of the one credited person it stands for, and report it.

    ``drafts`` are all the accepted speakers (a role code names its person only when it is the
    one speaker of that role); ``taken`` the names already given, which no second speaker takes.
    """
    if not credits or draft.given:
        return
    matches = [credit for credit in credits if _stands_for(draft, credit, drafts)]
    if len({credit.name for credit in matches}) != 1:
        return
    credit = matches[0]
    if credit.name.casefold() in taken or draft.name == credit.name:
        return
    written = draft.written[0] if draft.written else draft.name
    report.info("speaker-named-by-header", f"{written} is {credit.name}, as the header says"
                f" ({credit.text[:60]!r})", credit.line)
    draft.name = credit.name
    draft.role = draft.role or credit.role
    draft.description = draft.description or credit.description
    taken.add(credit.name.casefold())


def _stands_for(draft: SpeakerDraft, credit: Credit, drafts: Iterable[SpeakerDraft]) -> bool:
    if credit.code is not None and credit.code in draft.written:
        return True
    if draft.key.startswith("role:"):
        # "Q:" under "Interviewer: Carla Mendes"; an "INTERVIEWER:" label is the header's own
        # word, and keeps it (the name is its description).
        word = draft.key.removeprefix("role:")
        return (draft.role is credit.role and word not in _ROLE_KEYS
                and sum(1 for d in drafts if d.key.startswith("role:") and d.role is credit.role) == 1)
    words, full = draft.key.split(), name_words(credit.name)
    if len(words) != 1 or len(full) < 2:
        return False
    word = words[0]
    if word in (full[0], full[-1]):
        return True
    return 2 <= len(word) <= 4 and all(w.isupper() for w in draft.written if w) and word == initials(full)
