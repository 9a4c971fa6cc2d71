"""Conventions with unlabelled questions: the question is set apart by its markup (a heading,
bold, italics, a numbered list's item) and the answer is the plain text under it, with no names
at all.

Each question starts a turn by the implied interviewer; the first paragraph under it starts
the answer by the implied interviewee, and the paragraphs after it continue that answer up to
the next question. A heading that is not a question (a sub-heading the interviewee wrote
inside an answer) ends the turn, and the answer goes on under it as a new turn. The
`overlay` adds the same implied interviewer to a labelled reading whose answers are labelled
and whose questions are not (``*question?*`` then ``**Jane Roe:** answer``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from qaformat.blocks import Block
from qaformat.model import Role
from qaformat.parsing.conventions.features import Features, is_question
from qaformat.parsing.conventions.implied import implied_label, implied_speakers, is_person
from qaformat.parsing.units import Label
from qaformat.parsing.words import LEADING_TIME, parse_time
from qaformat.patterns import lazy

_CLOSERS = " \"”’')]*_»"
_LIST_MARKER = lazy(r"(?:\d{1,3}[.)]|[-*+•])\s+(?=\S)")
# The dash Nordic, Slavic and French papers open every turn with ("– Varför just här?" in bold,
# "– Det var det enda taket." under it): the layout's mark of a turn, not the speaker's words.
_TURN_DASH = lazy(r"[—–]\s+(?=\S)")

__all__ = ["overlay", "propose_blockquotes", "propose_bold", "propose_dashed", "propose_headings", "propose_italic",
           "propose_listed"]

MIN_QUESTIONS = 2
_ENOUGH_QUESTIONS = 5  # fewer unlabelled questions need the page to say it is an interview
_LOOK_ABOVE = 12
_INTERVIEW_WORDS = lazy(
    r"(?i)\b(?:interview\w*|q\s*&\s*a|conversation|asked|talk(?:s|ed)? (?:to|with)"
    r"|questions? (?:for|to)(?! (?:ask|consider|answer|think)\b)"  # "questions to ask yourself" is advice
    r"|entrevista\w*|entretien|intervista|gespräch|spoke (?:to|with)|sat down with|in their own words)\b"
    r"|インタビュー|対談|인터뷰|采访|访谈|专访|專訪"  # no word boundaries in these scripts
)
# A question set off by a dash, the answer under it with none: "――陶芸を始めたきっかけは？" (Japanese
# magazines), "-처음 제빵을 시작하게 된 계기가 있나요?" (Korean press).
_QUESTION_DASH = lazy(r"(?:[―─]{1,2}|[—–]|-(?!-))\s*(?=\S)")
_DASHES = "―─—–-"
_LABELLED_ASKING = 0.2
_MAX_PROMPT_WORDS = 40
_TITLE_WORDS = 3  # "The early years": a sub-heading this short is a title, not a prompt
_SENTENCE_STOPS = (".", "…", "!", "。", "！", "؛")
_TITLE_STOPS = ("-", "–", "—", "|")


def propose_headings(blocks: list[Block], features: Features,
                     metadata: Mapping[str, str]) -> tuple[Label | None, ...] | str | None:
    """``### What hardware do you use?`` questions."""
    return _propose(blocks, features, metadata, features.heading)


def propose_bold(blocks: list[Block], features: Features,
                 metadata: Mapping[str, str]) -> tuple[Label | None, ...] | str | None:
    """``**What got you started?**`` questions."""
    return _propose(blocks, features, metadata, features.bold)


def propose_italic(blocks: list[Block], features: Features,
                   metadata: Mapping[str, str]) -> tuple[Label | None, ...] | str | None:
    """``*What got you started?*`` questions."""
    return _propose(blocks, features, metadata, features.italic)


def propose_listed(blocks: list[Block], features: Features,
                   metadata: Mapping[str, str]) -> tuple[Label | None, ...] | str | None:
    """``1. How did you get started?`` questions: each a list item, the answer under it."""
    return _propose(blocks, features, metadata, tuple(block.list_item for block in blocks))


def propose_dashed(blocks: list[Block], features: Features,
                   metadata: Mapping[str, str]) -> tuple[Label | None, ...] | str | None:
    """``――陶芸を始めたきっかけは何ですか。`` over an undashed answer: the dash marks the question,
    whatever its last mark. Dialogue printed with dashes (Russian, French, Spanish) opens the
    answers with one too, so every question here must have undashed text under it."""
    marked = tuple(not block.heading and not block.list_item and block.text[:1] in _DASHES
                   and _QUESTION_DASH.match(block.text) is not None for block in blocks)  # a list's bullet is no dash
    dashed = [index for index, mark in enumerate(marked) if mark]
    if len(dashed) < MIN_QUESTIONS:
        return None
    answered = [index for index in dashed if index + 1 < len(blocks) and not marked[index + 1]
                and not blocks[index + 1].heading]
    if len(answered) < len(dashed):
        return "a dash opens answers too: dialogue, not dashed questions"
    return _propose(blocks, features, metadata, marked, asks=marked, marker=_QUESTION_DASH)


def _questions(blocks: list[Block], features: Features, marked: tuple[bool, ...],
               asks: tuple[bool, ...]) -> list[int]:
    found = [i for i, (m, a) in enumerate(zip(marked, asks, strict=True)) if m and a]
    if len(found) < MIN_QUESTIONS:
        return []
    # Once the document asks this way, a paragraph in the same markup between two answers asks
    # too, whatever its last mark: print interviews prompt ("Tell me about your mother"), react
    # ("Incredible.") and, in many languages, ask with no question mark at all. A heading
    # markup is the questions' own only where the questions are headings.
    asked = set(found)
    headings_ask = marked == features.heading
    for index in range(found[0] + 1, len(blocks) - 1):
        if index in asked or not marked[index] or marked[index - 1]:
            continue
        if features.heading[index] and not headings_ask:
            continue
        following = index + 1
        if (marked[following] or features.heading[following] or features.bold[following]
                or features.italic[following] or _aside(blocks[following])):
            continue  # a sub-heading over the next question, a quote, a credit set in italics
        if _prompt(blocks[index].text):
            asked.add(index)
    return sorted(asked)


def _prompt(text: str) -> bool:
    """A marked paragraph that reads as the interviewer's words rather than a section's title: a
    sentence ended by its stop, or words running on past a title's length without a title's
    capitals ("Tell me about the worst crossing you remember"; not "The Early Years", "Money")."""
    words = text.split()
    if not words or len(words) > _MAX_PROMPT_WORDS:
        return False
    stripped = text.rstrip(_CLOSERS)
    if stripped.endswith(_SENTENCE_STOPS):
        return True
    if stripped[-1:] in _TITLE_STOPS or len(words) <= _TITLE_WORDS:
        return False  # "Growing up:", "Ana Ruiz —", "The early years" head what follows
    if stripped.endswith((":", "：")):
        return True  # "Tell me about the day you left:"
    capitals = sum(word[:1].isupper() for word in words[1:])
    return capitals * 2 < len(words) - 1


def _propose(blocks: list[Block], features: Features, metadata: Mapping[str, str], marked: tuple[bool, ...],
             *, asks: tuple[bool, ...] | None = None,
             marker: re.Pattern[str] = _LIST_MARKER) -> tuple[Label | None, ...] | str | None:
    """The reading of questions ``marked`` (those that ``asks``, by default a question mark, and
    the prompts between answers); ``marker`` is what the question's text opens with that is the
    layout's, not the interviewer's words ("1. ", a dash)."""
    asked = _questions(blocks, features, marked, features.asks if asks is None else asks)
    if not asked:
        return None
    names = implied_speakers(blocks, metadata, asked[0])
    if len(asked) < _ENOUGH_QUESTIONS and not names.named and not _says_interview(blocks, metadata, asked[0]):
        # "Ten things to do this weekend" with three subheads that ask: a listicle
        return (f"{len(asked)} questions, fewer than {_ENOUGH_QUESTIONS} on a page that neither names the people"
                " nor says it is an interview")
    labels: list[Label | None] = [None] * len(blocks)
    questions = set(asked)
    answering = False  # inside an answer: text under a sub-heading goes on answering
    headed = False  # a sub-heading stands between the question and what follows
    expecting = False  # right after a question or a sub-heading: the next text starts a turn
    answerer = names.interviewee
    for index in range(len(blocks)):
        block = blocks[index]
        if index in questions:
            opening = marker.match(block.text)  # "1. How did you ...?": the number is the list's
            question = _undashed(block.text[opening.end():] if opening else block.text)
            labels[index] = _timed(_at(implied_label(names.interviewer, Role.INTERVIEWER, question), block, question))
            answering, expecting, headed = True, True, False
        elif block.heading:
            person = _person(block.text)
            if person:  # a round-up: the same questions put to several people, one heading each
                answerer, answering = person, False
            expecting, headed = answering, True
        elif expecting and headed and (features.bold[index] or features.italic[index]):
            answering = expecting = False  # a box under its own heading ("Profile", a bio): no answer goes on
        elif expecting and not _aside(block):
            answer = _undashed(block.text)
            labels[index] = _timed(_at(implied_label(answerer, Role.INTERVIEWEE, answer), block, answer))
            expecting = False
    return tuple(labels)


def _undashed(text: str) -> str:
    found = _TURN_DASH.match(text)
    return text[found.end():] if found else text


def _at(label: Label, block: Block, text: str) -> Label:
    """The label, its text starting where ``text`` starts in the block's."""
    column = len(block.text) - len(text) + 1
    return label if column == label.column else attrs.evolve(label, column=column)


def _timed(label: Label) -> Label:
    """``[00:03:48] And the lens itself?``: a time code opening the turn is its time, not its words."""
    text = label.rest
    lead = LEADING_TIME.match(text) if text[:1] in "[(0123456789" else None
    if lead is None or lead.end() >= len(text) or (text[0] not in "[(" and lead.group(1).count(":") < 2):
        return label  # "10:30 is when we met": a clock time in prose, not a time code
    return attrs.evolve(label, rest=text[lead.end():], column=label.column + lead.end(),
                        timestamp=parse_time(lead.group(1)))


def _says_interview(blocks: list[Block], metadata: Mapping[str, str], before: int) -> bool:
    """The headline, the metadata or the text above the first question calls this an interview."""
    above = [metadata.get(key, "") for key in ("title", "description", "summary", "categories", "tags")]
    above += [block.text for block in blocks[max(0, before - _LOOK_ABOVE):before]]
    return any(_INTERVIEW_WORDS.search(text) for text in above if text)


def _person(heading: str) -> str:
    """The name a heading is, where it is one (``Ana Ruiz``, ``Ana Ruiz, baker``)."""
    name = heading.split(",")[0].split(" – ")[0].split(" — ")[0].strip()
    return name if 2 <= len(name.split()) <= 4 and is_person(name) and not is_question(name) else ""


def propose_blockquotes(blocks: list[Block], features: Features,
                        metadata: Mapping[str, str]) -> tuple[Label | None, ...] | None:
    """Answers quoted (``>`` paragraphs, ``<blockquote>``, a Word quote style) under plain
    questions, or the reverse: whichever side asks is the interviewer's."""
    pairs: list[tuple[int, int]] = []  # (the plain block before a quoted run, the run's first block)
    for index in range(1, len(blocks)):
        block, before = blocks[index], blocks[index - 1]
        if block.quote and not before.quote and not before.heading:
            pairs.append((index - 1, index))
    if len(pairs) < MIN_QUESTIONS:
        return None
    plain_asks = sum(features.asks[p] for p, _ in pairs)
    quoted_asks = sum(features.asks[q] for _, q in pairs)
    if max(plain_asks, quoted_asks) < max(MIN_QUESTIONS, len(pairs) // 2):
        return None  # pull quotes beside an article, not an exchange
    quotes_answer = plain_asks >= quoted_asks
    names = implied_speakers(blocks, metadata, pairs[0][0])
    labels: list[Label | None] = [None] * len(blocks)
    start = pairs[0][0] if quotes_answer else pairs[0][1]
    for index in range(start, len(blocks)):
        block, before = blocks[index], blocks[index - 1]
        if block.heading or (_aside(block) and not block.quote):
            continue
        if not (index == start or block.quote != before.quote or before.heading):
            continue  # the run goes on: the same turn
        asks = block.quote != quotes_answer
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if asks and (following is None or following.quote == block.quote or following.heading):
            continue  # a question is answered right under it; a closing line is not a question
        role = Role.INTERVIEWER if asks else Role.INTERVIEWEE
        labels[index] = implied_label(names.interviewer if asks else names.interviewee, role, block.text)
    return tuple(labels)


def _aside(block: Block) -> bool:
    """A bracketed note or a pull quote under a question is not where the answer starts."""
    text = block.text
    return block.quote or (text[:1] in "([" and text[-1:] in ")]")


def overlay(blocks: list[Block], features: Features, labels: tuple[Label | None, ...],
            metadata: Mapping[str, str]) -> tuple[Label | None, ...]:
    """Give unlabelled questions in a labelled reading their implied interviewer: a paragraph
    set wholly in bold or italics (or a heading) that asks, directly above a labelled turn."""
    found: list[int] = []
    for index in range(len(blocks) - 1):
        if not features.asks[index] or not _unlabelled(labels[index]):
            continue
        following = labels[index + 1]
        if following is None or following.continues:
            continue
        if features.bold[index] or features.italic[index] or features.heading[index]:
            found.append(index)
    if len(found) < MIN_QUESTIONS:
        return labels
    # Where labelled speakers ask too, a question set apart above a turn is a section heading
    # or a pull quote, not a missing interviewer.
    labelled = [i for i, label in enumerate(labels) if label is not None and label.rest]
    if sum(features.asks[i] for i in labelled) > _LABELLED_ASKING * len(labelled):
        return labels
    # Once the document asks this way, a prompt in the same markup above an answer asks too.
    for index in range(found[0] + 1, len(blocks) - 1):
        following = labels[index + 1]
        if (_unlabelled(labels[index]) and following is not None and not following.continues and index not in found
                and (features.bold[index] or features.italic[index]) and len(blocks[index].text.split()) <= 80):
            found.append(index)
    found.sort()
    interviewer = implied_speakers(blocks, metadata, found[0]).interviewer
    out = list(labels)
    for index in found:
        out[index] = implied_label(interviewer, Role.INTERVIEWER, blocks[index].text)
    return tuple(out)


def _unlabelled(label: Label | None) -> bool:
    """No label, or only a bold line alone on its paragraph that the labels stage offered as a
    name but that reads as a sentence ("You wrote the songs apart this time", "Ana, thank you.")."""
    if label is None:
        return True
    if label.rest or label.explicit or label.continues or label.role_word is not None:
        return False
    written = label.written
    return not label.name_shaped or written.rstrip(_CLOSERS).endswith(_SENTENCE_STOPS) or is_question(written)
