"""Stage 9, roles: who asks and who answers, and so what kind each turn is.

A role fixed by a role word (``Q``, ``Moderator``), by the caller, or by the kinds our own
output marked a speaker's turns with (read back from its HTML classes or DOCX styles) stands. The others are
inferred from behaviour: the share of a speaker's turns that end in a question, and how long
their turns run. In a two-person interview the one who asks is the interviewer; with more
voices the askers are interviewers (a briefing's reporters, a panel's moderator), the main
answerers interviewees, and a voice with a short line or two and no question is ``other``.
An interviewer's turn is a question, except a closing turn that asks nothing (the thanks),
which is a remark; an interviewee's turn is an answer; anyone else's is a remark.

A punctuated transcript in which every voice speaks at length and hardly a turn ends in a
question is not an interview but a round of statements (a compilation of tips, opening
speeches): with nothing else to go on, every voice is ``other``.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from qaformat.model import Kind, Role
from qaformat.names import GENERIC_WORDS
from qaformat.parsing.report import Report
from qaformat.parsing.units import Draft, SpeakerDraft, Vote
from qaformat.parsing.words import fold_accents, name_words, word_count
from qaformat.patterns import lazy

__all__ = ["assign_kinds", "assign_roles"]

_PANEL_MARGIN = 0.15
_MONOLOGUE_WORDS = 60


_CLOSING = ("thank", "thanks", "appreciate", "pleasure", "good luck", "all the best", "take care")


@attrs.define
class _Behaviour:
    turns: int = 0
    ends_with_question: int = 0
    prompts: int = 0
    """Turns that ask without a question mark ("Tell me about ...", "Ana, your newsroom ...")."""
    called: int = 0
    """Turns of others that open by calling on this speaker by name ("Robert, is print dead?")."""
    has_question: int = 0
    words: int = 0
    first_turn: int = 0
    responds: int = 0
    """Turns that follow another speaker's question."""
    lengths: list[int] = attrs.Factory(list)
    """Words of each turn."""
    named_by: set[str] = attrs.Factory(set)
    """The others whose turns say this speaker's name anywhere ("I'm joined by ... Lucia Ferrante",
    "Briefly, Lucia.")."""

    @property
    def median_words(self) -> float:
        ordered = sorted(self.lengths)
        return float(ordered[len(ordered) // 2]) if ordered else 0.0

    @property
    def asking(self) -> float:
        if not self.turns:
            return 0.0
        return (self.ends_with_question + self.prompts + 0.5 * self.has_question) / self.turns

    @property
    def mean_words(self) -> float:
        return self.words / self.turns if self.turns else 0.0


# Japanese asks with the particle か and often closes the question with a full stop
# ("きっかけは何ですか。"); Chinese with 吗 ("是吗。").
_ASKING_ENDINGS = ("?", "？", "؟", "か。", "か", "吗。", "吗")


def _ends_with_question(paragraphs: list[str]) -> bool:
    if not paragraphs:
        return False
    return paragraphs[-1].rstrip(" \"”’')]」』").endswith(_ASKING_ENDINGS)


# An interviewer's prompt that asks without a question mark: "Tell me about enlisting.",
# "Describe your first ship.", in the languages transcripts are published in.
_PROMPT = lazy(
    r"(?i)^(?:(?:so|and|now|ok(?:ay)?|well),?\s+)?(?:tell (?:me|us)|talk (?:to (?:me|us) )?about|describe|explain"
    r"|walk (?:me|us) through|take (?:me|us) (?:back|through)|say (?:more|a (?:bit|little))|give (?:me|us) an example"
    r"|cuénte(?:me|nos)|háble(?:me|nos)|explíque(?:me|nos)|descr[ií]b(?:a|e)|racontez|parlez|décrivez|expliquez"
    r"|erzählen sie|beschreiben sie|erklären sie|mi racconti|ci racconti|racconta(?:mi|ci)|me conte|nos conte"
    r"|fale (?:sobre|de)|расскажите|опишите|объясните|opowiedz|opisz)\b"
)


def _prompted(seen: _Behaviour) -> str:
    return f", {seen.prompts} asking without a question mark" if seen.prompts else ""


def _prompts(paragraphs: list[str]) -> bool:
    return bool(paragraphs) and len(paragraphs[0]) < 300 and bool(_PROMPT.match(paragraphs[0]))


def _has_question(paragraphs: list[str]) -> bool:
    return any("?" in p or "？" in p or "؟" in p for p in paragraphs)


def assign_roles(speakers: tuple[SpeakerDraft, ...], turns: list[Draft], report: Report,
                 votes: Mapping[str, list[Vote]] | None = None, marked: Mapping[str, Role] | None = None) -> dict[str, Role]:
    """The role of every speaker id (fixed ones kept, the rest inferred and reported).

    ``votes`` are what other stages know of a speaker's role (the document's metadata names
    the interviewer, a speaker's turns are set in bold as questions are): each leans one way
    with a weight and a reason, and is weighed with the speaker's behaviour. ``marked`` are
    roles our own output wrote (its turns' kinds): fixed, where no label or caller fixed one.
    """
    votes = votes or {}
    behaviour = {s.id: _Behaviour(first_turn=len(turns)) for s in speakers}
    # "Robert, is print dead?": a turn that opens by calling on another speaker hands them the floor.
    firsts = {s.id: (s.name.split() or [""])[0] for s in speakers}
    calls = {f"{first},": speaker_id for speaker_id, first in firsts.items() if first[:1].isupper() and len(first) > 2}
    # Who names whom matters only to a panel's open roles (`_comes_in`): two voices are spared
    # looking at every capitalised word of the text.
    named = _name_words_of(speakers) if sum(s.role is None for s in speakers) >= 3 else {}
    by_word: dict[str, set[str]] = {}
    for speaker_id, words in named.items():
        for word in words:
            by_word.setdefault(word, set()).add(speaker_id)
    folded: dict[str, str] = {}  # a capitalised word as written -> as names are compared
    previous: Draft | None = None
    previous_asks = False  # the previous turn ends with a question
    for position, turn in enumerate(turns):
        if turn.speaker is None:
            continue
        seen = behaviour[turn.speaker]
        if by_word:
            for written in _capitalised_words(turn.paragraphs):
                key = folded.get(written)
                if key is None:
                    key = folded[written] = fold_accents(written).casefold()
                for speaker_id in by_word.get(key, ()):
                    if speaker_id != turn.speaker:
                        behaviour[speaker_id].named_by.add(turn.speaker)
        seen.turns += 1
        ends = _ends_with_question(turn.paragraphs)
        seen.ends_with_question += ends
        callee = calls.get(turn.paragraphs[0].split(None, 1)[0]) if turn.paragraphs and turn.paragraphs[0] else None
        if callee is not None and callee != turn.speaker:
            behaviour[callee].called += 1
        seen.prompts += not ends and (_prompts(turn.paragraphs) or (callee is not None and callee != turn.speaker))
        seen.has_question += _has_question(turn.paragraphs)
        length = sum(map(word_count, turn.paragraphs))
        seen.words += length
        seen.lengths.append(length)
        seen.first_turn = min(seen.first_turn, position)
        if previous is not None and previous.speaker != turn.speaker and previous_asks:
            seen.responds += 1
        previous, previous_asks = turn, ends
    roles: dict[str, Role] = {s.id: s.role for s in speakers if s.role is not None}
    roles = {**(marked or {}), **roles}
    open_ids = [s.id for s in speakers if s.id not in roles]
    if not open_ids:
        return roles
    fixed = set(roles.values())
    inferred: dict[str, Role]
    came_in: set[str] = set()
    if Role.INTERVIEWER in fixed and Role.INTERVIEWEE in fixed:
        # Q and A are fixed: a named third voice is counsel, an announcer, a clerk.
        inferred = {i: (Role.INTERVIEWER if behaviour[i].asking >= 0.75 else Role.OTHER) for i in open_ids}
    elif Role.INTERVIEWER in fixed:
        inferred = _answerers(open_ids, behaviour, votes)
    elif Role.INTERVIEWEE in fixed:
        inferred = {i: (Role.INTERVIEWER if behaviour[i].asking >= 0.3 or len(open_ids) == 1 else Role.OTHER)
                    for i in open_ids}
    elif not votes and _nobody_asks(turns, behaviour):
        inferred = dict.fromkeys(open_ids, Role.OTHER)
        statements = [Vote(0.0, "every voice speaks at length and hardly a turn asks: a round of statements,"
                                " not an interview")]
        votes = {speaker_id: statements for speaker_id in open_ids}
    else:
        inferred = _infer(open_ids, behaviour, votes, named, came_in)
    names = {s.id: s.name for s in speakers}
    first_lines = {t.speaker: t.line for t in reversed(turns) if t.speaker is not None}
    for speaker_id, role in inferred.items():
        seen = behaviour[speaker_id]
        reasons = "".join(f"; {vote.reason}" for vote in votes.get(speaker_id, ()))
        if speaker_id in came_in:
            how = "called on by name" if seen.called else "comes in unasked"
            reasons += f"; {how} and asks nothing, as a panel's guest does"
        report.info(
            "role-inferred",
            f"{names[speaker_id]} taken as {role.value} ({seen.turns} turn(s),"
            f" {seen.ends_with_question} ending in a question{_prompted(seen)}{reasons}); set it with --speaker if wrong",
            first_lines.get(speaker_id),
        )
    return {**roles, **inferred}


_CAPITALISED = lazy(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]+")


def _name_words_of(speakers: tuple[SpeakerDraft, ...]) -> dict[str, frozenset[str]]:
    """The words another speaker would say to name each speaker: its name's words, not generic
    ones (``Speaker 3`` is nobody's name) nor initials."""
    out = {}
    for speaker in speakers:
        words = {w for n in (speaker.name, *speaker.names) for w in name_words(n)
                 if len(w) > 2 and w.isalpha() and w not in GENERIC_WORDS}
        if words:
            out[speaker.id] = frozenset(words)
    return out


def _capitalised_words(paragraphs: list[str]) -> set[str]:
    return {word for paragraph in paragraphs for word in _CAPITALISED.findall(paragraph)}


def _nobody_asks(turns: list[Draft], behaviour: dict[str, _Behaviour]) -> bool:
    """Everybody speaks at length and hardly a turn ends in a question (the questions in it
    are rhetorical, inside a monologue), in text that is punctuated: auto-captions have no
    question marks because they have no punctuation at all."""
    voices = [b for b in behaviour.values() if b.turns]
    spoken = sum(b.turns for b in voices)
    if spoken < 4 or len(voices) < 2 or min(b.median_words for b in voices) < _MONOLOGUE_WORDS:
        return False
    if sum(b.ends_with_question + b.prompts for b in voices) * 10 > spoken:
        return False
    stops = sum(p.count(". ") + p.endswith(".") for t in turns for p in t.paragraphs)
    return stops >= spoken


def _answerers(ids: list[str], behaviour: dict[str, _Behaviour], votes: Mapping[str, list[Vote]]) -> dict[str, Role]:
    """With an interviewer known: a speaker who mostly asks and seldom answers a question (a
    named moderator beside an audience's questions) is an interviewer too; the rest answer, except short voices that
    neither ask nor answer (unless a vote or a call by name says they were asked)."""
    # An official who also hands the floor on ("Dr. Fauci?") answers the reporters' questions.
    askers = {i for i in ids if behaviour[i].asking >= 0.6 and behaviour[i].responds * 4 < behaviour[i].turns}
    main = max([i for i in ids if i not in askers] or ids, key=lambda i: behaviour[i].words)
    out = {}
    for speaker_id in ids:
        seen = behaviour[speaker_id]
        asked = any(v.weight < 0 for v in votes.get(speaker_id, ())) or seen.called > 0
        if speaker_id in askers and speaker_id != main:
            out[speaker_id] = Role.INTERVIEWER
        elif speaker_id == main or seen.turns >= 2 or seen.words >= 25 or asked:
            out[speaker_id] = Role.INTERVIEWEE
        else:
            out[speaker_id] = Role.OTHER
    return out


def _infer(ids: list[str], behaviour: dict[str, _Behaviour], votes: Mapping[str, list[Vote]],
           named: Mapping[str, frozenset[str]], came_in: set[str]) -> dict[str, Role]:
    """Who asks: each speaker leans towards interviewer by the share of their turns that ask,
    and away from it by their share of all the words (the guest does most of the talking),
    plus the votes. The lowest is the main interviewee; another speaker who leans as far
    the same way (a panel's second guest), or who comes in unasked and never asks (`_comes_in`),
    answers too; everyone else asks."""
    total_words = sum(behaviour[i].words for i in ids) or 1
    longest = max(behaviour[i].median_words for i in ids) or 1.0

    def lean(i: str) -> float:
        seen = behaviour[i]
        talk = 0.5 * seen.words / total_words + 0.5 * seen.median_words / longest
        return seen.asking - talk + sum(v.weight for v in votes.get(i, ()))

    if len(ids) == 1:
        only = ids[0]
        return {only: Role.INTERVIEWER if lean(only) + behaviour[only].words / total_words >= 0.5 else Role.INTERVIEWEE}
    leans = {i: lean(i) for i in ids}
    main = min(ids, key=lambda i: (leans[i], -behaviour[i].words, behaviour[i].first_turn))
    out = {main: Role.INTERVIEWEE}
    for speaker_id in ids:
        if speaker_id == main:
            continue
        seen = behaviour[speaker_id]
        answers = seen.turns and seen.responds / seen.turns >= 0.5 and seen.asking < 0.34
        if leans[speaker_id] <= leans[main] + _PANEL_MARGIN and seen.words >= 0.5 * behaviour[main].words:
            out[speaker_id] = Role.INTERVIEWEE
        elif answers and not any(v.weight > 0 for v in votes.get(speaker_id, ())):
            out[speaker_id] = Role.INTERVIEWEE  # a panel's other guest: asked, answers, asks nothing
        elif len(ids) >= 3 and _comes_in(speaker_id, main, ids, behaviour, votes, named):
            out[speaker_id] = Role.INTERVIEWEE  # a panel's guest who comes in unasked ("Can I come in here?")
            came_in.add(speaker_id)
        elif (len(ids) >= 3 and seen.turns == 1 and seen.words < 25 and not seen.has_question
              and not any(v.weight < 0 for v in votes.get(speaker_id, ()))):
            out[speaker_id] = Role.OTHER
        else:
            out[speaker_id] = Role.INTERVIEWER
    if Role.INTERVIEWER not in out.values():
        # Two or more voices: somebody asks. The one who leans that way most.
        out[max((i for i in ids if i != main), key=lambda i: leans[i])] = Role.INTERVIEWER
    return out


def _comes_in(speaker_id: str, main: str, ids: list[str], behaviour: dict[str, _Behaviour],
              votes: Mapping[str, list[Vote]], named: Mapping[str, frozenset[str]]) -> bool:
    """A panel's guest who takes the floor unasked: no turn ends in a question or prompts (a
    question inside a turn, "Can I come in here?", asks for the floor, not an answer), first
    heard after the main interviewee, at a guest's length, and named by a voice other than the
    main interviewee (the moderator's introduction, "Briefly, Lucia."), or, with no name to be
    named by (``Speaker 3``), beside a voice whose turns do end in questions. A co-host speaks
    before the guest does, or asks, or is named only by the guest ("I think Ben, your experience")."""
    seen, guest = behaviour[speaker_id], behaviour[main]
    if seen.ends_with_question or seen.prompts or any(v.weight > 0 for v in votes.get(speaker_id, ())):
        return False
    if seen.first_turn < guest.first_turn or seen.median_words < 0.5 * guest.median_words:
        return False
    if speaker_id in named:
        return bool(seen.named_by - {main})
    return any(behaviour[i].ends_with_question for i in ids if i != speaker_id)


def assign_kinds(turns: list[Draft], roles: dict[str, Role]) -> None:
    """Set every turn's kind from its speaker's role (see the module text)."""
    spoken = [t for t in turns if t.speaker is not None]
    closing = spoken[-2:] if spoken else []
    for turn in turns:
        if turn.speaker is None:
            turn.kind = Kind.NOTE
            continue
        role = roles[turn.speaker]
        if role is Role.INTERVIEWER:
            turn.kind = Kind.QUESTION
            if any(turn is t for t in closing) and not _has_question(turn.paragraphs) and _thanks(turn.paragraphs):
                turn.kind = Kind.REMARK
        elif role is Role.INTERVIEWEE:
            turn.kind = Kind.ANSWER
        else:
            turn.kind = Kind.REMARK


def _thanks(paragraphs: list[str]) -> bool:
    text = " ".join(paragraphs).casefold()
    return any(word in text for word in _CLOSING)
