"""The label grammar of stage 2's colon convention: the speaker label a block may start with.

Recognises ``Name:`` and its real variants (honorifics, initials, credentials after a comma,
a space before the colon, any script, capitals), role words (``Q:``, ``Q.``, a bare ``Q`` and
spaces, ``Speaker 2:``), labels the format set in bold, and times before or after the name
(``[00:01:02] Name:``, ``Name (00:01:02):``, ``Jane Roe  0:21`` on its own line, a bare
``(00:31:05):``), and two weaker separators: a full stop, as hearings print their speakers
(``Mr. LATTA. text``), and square brackets, as captioners tag them (``[Sarah] text``). Whether
a name-shaped label is really a speaker (it recurs, or the caller named it) is the speakers
stage's call. Every check looks at a bounded prefix of the block,
so the stage is linear in the input.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs

from qaformat.blocks import Block
from qaformat.model import Role
from qaformat.parsing.units import Label
from qaformat.parsing.words import (
    CREDENTIALS,
    HONORIFICS,
    LEADING_TIME,
    NOT_LABELS,
    NUMBERED_ROLE_WORDS,
    PARTICLES,
    ROLE_WORDS,
    SENTENCE_STARTERS,
    STOPWORDS,
    TIME,
    RoleWord,
    display_case,
    is_cased_upper,
    is_direction,
    is_direction_only,
    parse_time,
    strip_dots,
)
from qaformat.patterns import lazy

__all__ = ["find_bold_questions", "find_label", "is_name_shaped", "parse_time"]  # parse_time: re-exported

MAX_LABEL_CHARS = 80
"""A label (name, comma part and brackets) is never longer than this; keeps every check bounded."""
MAX_NAME_WORDS = 6

# "Q. text" as depositions write it, and the same letters of other languages: P./R. (pregunta,
# respuesta: Spanish and Portuguese press), D./R. (domanda, risposta), F./A. (Frage, Antwort),
# В./О. (вопрос, ответ).
# Offices a transcript names its speakers by ("The Chair", "The Vice President"), in reading case.
_OFFICES = frozenset("""president chair chairman chairwoman chairperson witness court clerk speaker deponent
interpreter moderator secretary minister governor mayor senator judge commissioner registrar videographer
reporter translator bailiff marshal""".split())
_MAX_RUN_IN_CHARS = 40
_MAX_RUN_IN_WORDS = 4
_LETTER_DOT_LABELS = frozenset({"Q.", "A.", "P.", "R.", "D.", "F.", "В.", "О."})
_TIME = TIME
# "Q1. text" / "A1. text", "Q12: text": a written interview numbers each question and its answer;
# the number is the pair's, the letter the speaker's.
_NUMBERED_QA = lazy(r"([QA]\d{1,3})[.:][ \u00a0]+(?=\S)")
_TRAILING_TIME = lazy(rf"\s*[|·•–—-]?\s*[\[(]?({_TIME})[\])]?$")
# "Q - text", "A – text", "NAME — text", "Jane > text": a separator other than a colon. Only a
# token that recurs this way becomes a speaker (the speakers stage counts).
_DASH_LABEL = lazy(r"([^\s\W][^:\-–—>]{0,38}?)\s+[-–—>]\s+(?=\S)")
_BARE_TIME = lazy(rf"[\[(]?({_TIME})[\])]?\s*:?")
# A caption timing line left in a transcript (Microsoft Teams' Word export: "0:0:5.320 --> 0:0:9.1"
# above the speaker's name); its digits may be single.
_CLOCK_PART = r"\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?"
_TIMING_LINE = lazy(rf"({_CLOCK_PART})\s*-->\s*{_CLOCK_PART}")
# "[00:00:03.000 --> 00:00:27.137] [SPEAKER_00]: text": WhisperX writes each segment's span before
# its speaker, as a leading time.
_LEADING_SPAN = lazy(rf"\[({_CLOCK_PART})\s*-->\s*{_CLOCK_PART}\]\s+(?=\S)")
# "[Speaker:0] text", as Deepgram's transcripts tag a speaker: the word and the number in brackets.
_NUMBERED_TAG = lazy(r"\[((?:Speaker|SPEAKER|speaker)):\s*(\d{1,3})\]\s+(?=\S)")
_COLONS = ":："
_BRACKET_CODE = lazy(r"\[([A-Z]{1,3}\d?)\](?:\s*[:–—-])?\s+(?=\S)")
_JOINT = lazy(r"\s+(?:&|\+|and|y|et|und|e)\s+")
# "Mr. LATTA. text", "The CHAIRMAN. text", "Senator Cassidy. text": an honorific or a title and a
# surname, then a full stop, as US congressional hearings (GPO) print their speakers.
_PERIOD_LABEL = lazy(r"(?:(?P<the>The)|(?P<title>[A-Z][a-z]{1,12})\.?)[ \u00a0]+"
                     r"(?P<name>[A-Z][\w’'-]*(?:[ \u00a0]+[A-Z][\w’'-]*){0,2})\.(?:[ \u00a0]+(?=\S)|$)")
_TITLES = HONORIFICS | _OFFICES
_CHAIRS = frozenset({"chair", "chairman", "chairwoman", "chairperson", "speaker"})
_CHAIR = RoleWord(Role.INTERVIEWER, anonymous=False)
"""A hearing's ``The CHAIRMAN.`` runs it: the layout says who asks, as a role word does."""
"""What ``The`` may stand before in reading case in a hearing's label (``The Chairman.``, ``The Witness.``)."""
# "[00:00:04] Speaker 2 Sure.": a time and a numbered generic label run straight into the text.
_NUMBERED_GENERIC = lazy(r"((?:Speaker|SPEAKER|Participant|PARTICIPANT)[ _]\d{1,3})[ \u00a0]+(?=\S)")
# Bracketed words that mark a sound or a part of a programme, not a speaker ("[Foreign]" is how
# YouTube's captions mark speech in another language).
_NOT_TAGS = frozenset({"foreign", "intro", "outro", "theme", "jingle", "sfx", "ad", "advert", "sponsor",
                       "transition", "continued", "cont", "end", "start", "silence", "blank", "redacted"})
_CLOCK = lazy(r"(?i)[ap]\.?m\b\.?")  # "5:15 P.M. EDT" is a time of day, not a speaker
# The only characters `_label_colon` decides on; it skips from one to the next.
_LABEL_MARKS = lazy(r"[:：()\[\].?!;]")
# The court reporter's swearing-in line, "DANIEL RUIZ, having been duly sworn, testified as
# follows:": a name, a comma and the oath, ending in a colon like a label but said by nobody.
_OATH = lazy(r"\b(?:been|being|was|were|duly)\s+(?:(?:first|duly)\s+)*(?:sworn|affirmed)\b", re.IGNORECASE)
# A qualitative-research participant code ("P07", "R3", "IP03", German "B1"): capitals and a
# number, so a transcript stays anonymous; like any name-shaped label it counts only if it recurs.
_PARTICIPANT_CODE = lazy(r"[A-Z]{1,3}\d{1,3}")
# "Ερ. text" / "Απ. text" (ερώτηση, απάντηση), "Pyt. text" / "Odp. text" (pytanie, odpowiedź):
# a question and an answer abbreviated to one to three letters and a full stop, in any script.
# Such a word also opens sentences ("St. Ives is ..."), so it is the period convention's, which
# wants it to recur and alternate.
_ABBREVIATION = lazy(r"([^\W\d_]{1,3})\.[ \u00a0]+(?=\S)")
_NOT_ABBREVIATIONS = frozenset("""st no nr vol fig ch pp pg ca vs inc co ltd jr ft mt ave rd tel ed eds
jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun etc cf viz op ps""".split())
_TEXT_OPENERS = frozenset({"note", "notes", "update", "correction", "says", "said", "asks", "asked", "writes", "adds"})
_INVISIBLE = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u200b"


def find_bold_questions(blocks: list[Block]) -> list[Label | None] | None:
    """Labels for the magazine style that has none: each question set in bold on its own, the
    answer in plain text below. Questions become ``Q`` turns and the paragraph under each an
    ``A`` turn. ``None`` unless at least two bold questions follow that pattern."""
    labels: list[Label | None] = [None] * len(blocks)
    questions = 0
    for index, block in enumerate(blocks):
        text = block.text
        bold_question = block.bold_prefix >= len(text) > 0 and text.rstrip(" \"”’)").endswith(("?", "？", "؟"))
        if bold_question:
            labels[index] = Label(written="Q", name="Q", extra=None, rest=text, column=1,
                                  role_word=ROLE_WORDS["q"], explicit=True)
            questions += 1
        elif index and labels[index - 1] is not None and labels[index - 1].name == "Q" and not block.bold_prefix:  # type: ignore[union-attr]
            labels[index] = Label(written="A", name="A", extra=None, rest=text, column=1,
                                  role_word=ROLE_WORDS["a"], explicit=True)
    return labels if questions >= 2 else None


def find_label(block: Block) -> Label | None:
    """The label candidate a block starts with, if any."""
    text = block.text
    if block.speaker:
        return _explicit(block)
    if block.heading:
        # "## [00:14:09] Migrating To The Cloud" is a chapter heading, and "# Elena Marsh: keys to
        # the kingdom" a headline that quotes its speaker: a heading is never a speaker's words.
        return None
    if text and text[0] in _INVISIBLE:
        # Right-to-left text often starts with a direction mark before the name.
        stripped = text.lstrip(_INVISIBLE)
        if not stripped:
            return None
        shift = len(text) - len(stripped)
        label = find_label(attrs.evolve(block, text=stripped, bold_prefix=max(0, block.bold_prefix - shift)))
        if label is not None:
            return attrs.evolve(label, column=label.column + shift)
        return None
    if text[:2] == ">>":
        # Broadcast captions mark each change of speaker with ">>" (">>>" a change of story).
        stripped = text.lstrip(">").lstrip()
        shift = len(text) - len(stripped)
        if not stripped:
            return None
        label = find_label(attrs.evolve(block, text=stripped, bold_prefix=max(0, block.bold_prefix - shift)))
        return attrs.evolve(label, column=label.column + shift) if label is not None else None
    # A timing line opens with a digit: most blocks are spared the look for its arrow.
    bare = (_BARE_TIME.fullmatch(text) if len(text) <= 16 else None) or (
        _TIMING_LINE.fullmatch(text) if text[:1].isdigit() and "-->" in text else None)
    if bare:
        return Label(written="", name="", extra=None, rest="", column=len(text) + 1,
                     timestamp=parse_time(bare.group(1)))
    timestamp = None
    offset = 0
    lead = _LEADING_SPAN.match(text) if text[:1] == "[" and "-->" in text[:40] else None
    if lead is None and (text[:1].isdigit() or text[:1] in "[("):  # a time opens with one
        lead = LEADING_TIME.match(text)
    if lead:
        timestamp = parse_time(lead.group(1))
        offset = lead.end()
    if block.bold_prefix and offset == 0 and _bare_bold_letter(block):
        return _role_label(text[0], text[2:].strip(), 3, None)
    if block.bold_prefix and offset == 0 and not _role_opening(text):
        label = _bold_label(block)
        if label:
            return label
    return _plain_label(text, offset, timestamp)


def _role_opening(text: str) -> bool:
    """``**Q. 앞으로의 계획은**``, ``**Q3. That's a month earlier.**``: a bold question that opens
    with its role letter is that letter's, not a name on its own line (a question may lack "?")."""
    return (text[:2] in ("Q.", "A.") and text[2:3] == " ") or _numbered_qa(text) is not None


def _bare_bold_letter(block: Block) -> bool:
    """``<strong>Q</strong> text``: a magazine sets the role letter in bold with no stop or colon.
    A bold question may run on in bold; a bold ``A`` must stand alone, as "A lot" is a sentence."""
    text = block.text
    if text[:1] not in ("Q", "A") or text[1:2] != " " or not text[2:3].strip():
        return False
    return block.bold_prefix <= 2 or text[0] == "Q"


def _numbered_qa(body: str) -> re.Match[str] | None:
    """``Q1. text``; not Hansard's numbered question, ``Q3. Jane Roe (Hull East) (Lab)``, whose
    name stands on its own line above the question."""
    match = _NUMBERED_QA.match(body) if body[:1] in ("Q", "A") else None
    if match is None:
        return None
    named = _analyse(body[match.end():])
    hansard = named is not None and named.shaped and named.role_word is None and (
        named.extra is not None or len(named.name.split()) >= 2)  # "A2. Absolutely." is an answer
    return None if hansard else match


def _explicit(block: Block) -> Label:
    """The format named the speaker (a caption voice, a table column)."""
    name = block.speaker or ""
    role_word = _role_word(name)
    rest = block.text
    colon = _label_colon(rest)
    if colon > 0 and rest[:colon].strip().casefold() == name.casefold():
        rest = rest[colon + 1 :].strip()  # "<v Host>Host: text": the label is written twice
    return Label(written=name, name=name, extra=None, rest=rest, column=1,
                 timestamp=block.time, role_word=role_word, name_shaped=True,
                 caps=is_cased_upper(name), explicit=True)


def _bold_label(block: Block) -> Label | None:
    text = block.text
    bold = text[: block.bold_prefix]
    after = text[block.bold_prefix :]
    if bold.rstrip().endswith(tuple(_COLONS)):
        candidate, rest, column = bold.rstrip()[:-1], after, block.bold_prefix
    elif after.lstrip().startswith(tuple(_COLONS)):
        stripped = after.lstrip()
        candidate, rest = bold, stripped[1:]
        column = len(text) - len(stripped) + 1
    else:
        colon = _label_colon(bold)
        if colon < 0:
            # A bold name on its own line, with the text on the next lines.
            if block.bold_prefix == len(text) and len(text) <= MAX_LABEL_CHARS:
                return _build(text, "", len(text), None, bold=True, own_line_only=True)
            return _run_in(bold, after, block.bold_prefix)
        candidate, rest, column = bold[:colon], text[colon + 1 :], colon + 1
    return _build(candidate, rest, column, None, bold=True)


def _run_in(bold: str, after: str, column: int) -> Label | None:
    """``<strong>ADEYEMI</strong> text``, ``**Ruth Adeyemi**Hello``: a bold name of one to four
    words with no separator before the text (see `Label.run_in`). A bold ``P.`` is a role
    letter's full stop, read as plain text is."""
    name = bold.strip()
    if (not after.strip() or len(name) > _MAX_RUN_IN_CHARS or len(name.split()) > _MAX_RUN_IN_WORDS
            or not after.lstrip()[:1].isalnum() or not name[-1:].isalpha() or not is_name_shaped(name)):
        return None
    label = _build(name, after, column + len(after) - len(after.lstrip()) + 1, None, bold=True)
    return attrs.evolve(label, run_in=True) if label is not None and label.name_shaped else None


def _label_colon(text: str) -> int:
    """Index of the colon that ends a label, or -1.

    Colons inside brackets (``Name (00:01:02):``) and between digits (``10:30``) do not count.
    """
    limit = min(len(text), MAX_LABEL_CHARS + 2)
    if text.find(":", 0, limit) < 0 and text.find("：", 0, limit) < 0:
        return -1  # most paragraphs: nothing to weigh, found at C speed
    depth = 0
    for mark in _LABEL_MARKS.finditer(text, 0, limit):
        index = mark.start()
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char in _COLONS and depth == 0:
            before = text[index - 1] if index else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            if before.isdigit() and after.isdigit():
                continue
            return index
        elif char in ".?!;" and index + 1 < limit and text[index + 1] == " " and depth == 0:
            # A sentence ended before any colon: allow only abbreviation dots (Dr. / Q. / J.).
            word = text[:index].rsplit(" ", 1)[-1]
            if char != "." or len(strip_dots(word)) > 4:
                return -1
    return -1


def _plain_label(text: str, offset: int, timestamp: float | None) -> Label | None:
    body = text[offset:]
    if body[:1] == "<":
        return _angle_label(body, offset, timestamp)
    if body[:1] == "[":
        numbered = _NUMBERED_TAG.match(body)
        if numbered is not None:
            return _build(f"{numbered.group(1)} {numbered.group(2)}", body[numbered.end():],
                          offset + numbered.end() + 1, timestamp)
        code = _BRACKET_CODE.match(body)
        if code is not None:  # "[R] – text", "[IV]: text": a transcriber's speaker code
            label = _build(code.group(1), body[code.end():], offset + code.end() + 1, timestamp)
            if label is None:
                return None
            separator = code.group(0)[code.end(1) + 1 :].strip()
            return attrs.evolve(label, written=f"[{code.group(1)}]", dashed=separator[:1] in ("-", "–", "—"))
        tag = _bracket_tag(body, offset, timestamp)
        if tag is not None:
            return tag
    first = body[:1]
    if first.isupper():
        period = _period_label(body, offset, timestamp)
        if period is not None:
            return period
        if timestamp is not None and first in "SP":
            generic = _NUMBERED_GENERIC.match(body)
            if generic is not None:
                return _build(generic.group(1), body[generic.end():], offset + generic.end() + 1, timestamp)
    # Deposition and briefing style: "Q. text", "A. text", "Q    text" (no colon).
    head = body[:2]
    if head in _LETTER_DOT_LABELS and body[2:3] == " " and (head in ("Q.", "A.") or not _initial_of_name(body[3:])):
        colon = _label_colon(body)
        if colon < 0 or not is_name_shaped(body[:colon]):
            return _role_label(head[0], body[3:].strip(), offset + 4, timestamp)
    numbered = _numbered_qa(body)
    if numbered is not None:
        label = _role_label(body[0], body[numbered.end():].strip(), offset + numbered.end() + 1, timestamp)
        return attrs.evolve(label, written=numbered.group(1))
    if body[:1] in ("Q", "A") and (body[1:3] == "  " or body[1:2] == "\u00a0"):
        return _role_label(body[0], body[1:].strip(), offset + 2, timestamp)
    abbreviation = _abbreviation_label(body, offset, timestamp)
    if abbreviation is not None:
        return abbreviation
    colon = _label_colon(body)
    head = body[:44]
    if colon >= 0 and (" - " in head or "–" in head or "—" in head or " > " in head):
        dashed = _dash_label(body, offset, timestamp)
        if dashed is not None and len(dashed.written) < colon:
            return dashed  # "Moss > Next one: what was ...": the separator comes before the colon
    if colon >= 0:
        rest = body[colon + 1 :]
        if rest.startswith("//"):
            return None  # a URL: https://...
        return _build(body[:colon], rest, offset + colon + 2, timestamp)
    if len(body) <= MAX_LABEL_CHARS:
        # A name and a time on their own line (transcription services): "Jane Roe  0:21".
        trailing = _TRAILING_TIME.search(body)
        if trailing and trailing.start() > 0:
            return _build(body, "", len(text) + 1, timestamp)
        # The time first: "[00:01:02] Jane Roe", "00:01:02 Speaker 2", the text on the next lines.
        if timestamp is not None and len(body.split()) <= MAX_NAME_WORDS and not _CLOCK.match(body):
            label = _build(body, "", len(text) + 1, timestamp, own_line_only=True)
            if label is not None and (label.name_shaped or label.role_word):
                return label
    if " - " in head or "–" in head or "—" in head or " > " in head:
        return _dash_label(body, offset, timestamp)
    return None


def _abbreviation_label(body: str, offset: int, timestamp: float | None) -> Label | None:
    """``Ερ. text``: a one-to-three-letter abbreviation and a full stop (see `_ABBREVIATION`)."""
    match = _ABBREVIATION.match(body) if body[1:4].find(".") >= 0 else None
    if match is None:
        return None
    word = match.group(1)
    if word[0].islower() or word.casefold() in HONORIFICS or word.casefold() in _NOT_ABBREVIATIONS:
        return None
    if len(word) == 1:  # "J. Smith said", "J. Smith: text": an initial of a name
        colon = _label_colon(body)
        if _initial_of_name(body[match.end():]) or (colon >= 0 and is_name_shaped(body[:colon])):
            return None
    # The full stop is the separator, as in "Q.": the label is "Ερ", as "Ερ:" writes it too.
    return Label(written=word, name=word, extra=None, rest=body[match.end():].strip(),
                 column=offset + match.end() + 1, timestamp=timestamp, caps=word.isupper(), period=True)


def _initial_of_name(rest: str) -> bool:
    """``P. Smith arrived``: the letter before is an initial, not ``P.`` for *pregunta*."""
    words = rest.split(None, 2)
    return len(words) >= 2 and words[0][:1].isupper() and words[0][-1:].isalpha() and words[1][:1].isupper()


def _bracket_tag(body: str, offset: int, timestamp: float | None) -> Label | None:
    """``[Sarah] text``, ``[Dr. Lindqvist] text``, ``[Jane Doe 00:00:01] text``: a speaker tag in
    square brackets, as captioners write it. Only a name of one to four words; a stage
    direction (``[laughs]``, ``[Music]``, ``[inaudible 00:01:02]``) is no tag."""
    close = body.find("]", 1, MAX_LABEL_CHARS)
    if close < 2 or not body[close + 1 : close + 2].isspace():
        return None
    inner = body[1:close].strip()
    if _BARE_TIME.fullmatch(body[close + 1 :].strip()):
        return None  # "[Anna Berg] 10:01:22" on its own line, as Zoom writes it: an own-line label
    if not inner[:1].isupper() or is_direction(inner) or strip_dots(inner.split()[0]).casefold() in _NOT_TAGS:
        return None
    label = _build(inner, body[close + 1 :], offset + close + 2, timestamp)
    if label is None or not label.rest or not (label.name_shaped or label.role_word) or len(label.name.split()) > 4:
        return None
    return attrs.evolve(label, bracketed=True)


def _period_label(body: str, offset: int, timestamp: float | None) -> Label | None:
    """``Mr. LATTA. text``, ``Senator CASSIDY. text``, ``The CHAIRMAN. text``, ``Ms. Matsui. text``:
    an honorific or a title, a capitalised surname and a full stop, as hearings print their
    speakers. ``The`` takes a title in capitals or a known one (``The Chairman.``); an own-line
    ``Mrs. DINGELL.`` needs the surname in capitals."""
    if not _may_end_in_period(body):
        return None
    match = _PERIOD_LABEL.match(body)
    if match is None:
        return None
    name = match.group("name")
    caps = name.isupper()
    if match.group("the") is not None:
        if not caps and name.casefold() not in _TITLES:
            return None
    elif match.group("title").casefold() not in HONORIFICS:
        return None
    rest = body[match.end():]
    if not rest and not caps:
        return None  # "Senator Cassidy." alone is the chair calling on him
    written = body[: match.end("name")]
    if match.group("the") is None and not is_name_shaped(written):
        return None
    # "Mr. LATTA" is Mr. Latta: only the surname is set in capitals, so say it in reading case.
    spoken = written[: match.start("name")] + display_case(name) if caps else written
    role_word = _CHAIR if match.group("the") is not None and name.casefold() in _CHAIRS else _role_word(written)
    return Label(written=written, name=spoken, extra=None, rest=rest.strip(), column=offset + match.end() + 1,
                 timestamp=timestamp, role_word=role_word, caps=caps, period=True)


def _may_end_in_period(body: str) -> bool:
    """Whether a full stop stands where a hearing's label ends: four characters in at least (a
    title, a space and a name), before any colon. ``Jane Roe: text``, most labels, are spared the
    pattern, which tries every length of the name before it gives up."""
    colon = body.find(":")
    return body.find(".", 4, colon if colon >= 0 else len(body)) >= 0


def _dash_label(body: str, offset: int, timestamp: float | None) -> Label | None:
    dash = _DASH_LABEL.match(body)
    if dash is None:
        return None
    label = _build(dash.group(1), body[dash.end():], offset + dash.end() + 1, timestamp)
    return attrs.evolve(label, dashed=True) if label is not None and label.name_shaped else None


def _angle_label(body: str, offset: int, timestamp: float | None) -> Label | None:
    """``<Livia> text``: a name in angle brackets, as some hand-made transcripts mark speakers."""
    close = body.find(">", 1, MAX_LABEL_CHARS)
    if close < 2 or body[close + 1 : close + 2] in ("<", ">"):
        return None
    inner = body[1:close]
    if not is_name_shaped(inner):
        return None
    return _build(inner, body[close + 1 :], offset + close + 2, timestamp)


def _role_label(letter: str, rest: str, column: int, timestamp: float | None) -> Label:
    return Label(written=letter, name=letter, extra=None, rest=rest, column=column,
                 timestamp=timestamp, role_word=ROLE_WORDS[letter.lower()], caps=True)


@attrs.frozen
class _Name:
    """What a label's text says, apart from where it stands (cached: labels repeat)."""

    written: str
    name: str
    extra: str | None
    timestamp: float | None
    role_word: RoleWord | None
    shaped: bool
    caps: bool
    titled: bool = False


@functools.lru_cache(maxsize=8192)
def _analyse(candidate: str) -> _Name | None:
    written = candidate.strip()
    if not written or len(written) > MAX_LABEL_CHARS:
        return None
    timestamp = None
    trailing = _TRAILING_TIME.search(written)
    if trailing and trailing.start() > 0:
        timestamp = parse_time(trailing.group(1))
        written = written[: trailing.start()].rstrip()
    if written[:1] == "[" and written[-1:] == "]" and not is_direction_only(written):
        written = written[1:-1].strip()  # "[Anna Berg] 10:01:22", as Zoom writes its transcripts
        if not written:
            return None
    name, extra = _split_extra(written)
    if not name or (extra and _OATH.search(extra)):
        return None
    role_word = _role_word(written) or _role_word(name)
    shaped = role_word is not None or is_name_shaped(name.partition(",")[0])
    titled = not shaped and _is_titled(name)
    if not shaped and not titled and (len(name.split()) > MAX_NAME_WORDS + 2 or not _plausible(name)):
        return None
    return _Name(written, name, extra, timestamp, role_word, shaped or titled, is_cased_upper(name), titled)


def _is_titled(name: str) -> bool:
    """``The Chronicle``, ``The New Yorker``: ``The`` and one to three capitalised words, as a
    publication that asks the questions in print names itself (``THE TIMES`` is name-shaped)."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[0] == "The" and all(
        word[:1].isupper() and word.replace("’", "").replace("'", "").replace("-", "").isalpha() for word in words[1:])


def _build(candidate: str, rest: str, column: int, timestamp: float | None, *,
           bold: bool = False, own_line_only: bool = False) -> Label | None:
    found = _analyse(candidate)
    rest = rest.strip()
    if found is None or (own_line_only and rest):
        return None
    if rest[:1] == "[" and timestamp is None:
        after = LEADING_TIME.match(rest)  # "Name: [00:00:04] text", as Descript exports it
        if after is not None and after.end() < len(rest):
            timestamp, rest = parse_time(after.group(1)), rest[after.end():]
    return Label(written=found.written, name=found.name, extra=found.extra, rest=rest, column=column,
                 timestamp=found.timestamp if found.timestamp is not None else timestamp,
                 role_word=found.role_word, name_shaped=found.shaped, bold=bold, caps=found.caps,
                 titled=found.titled)


def _plausible(name: str) -> bool:
    """Could a caller's speaker map name this? (No sentence punctuation, no URL.)"""
    return not any(c in name for c in "?!;\"“”/<>=") and "http" not in name.lower()


def _split_extra(written: str) -> tuple[str, str | None]:
    """``SEN. HOLLIS (D-OR)`` -> (``SEN. HOLLIS``, ``D-OR``); ``Jane Roe, PhD`` -> (``Jane Roe``, ``PhD``)."""
    name, extra = written, None
    while name.endswith(")") and "(" in name:
        # "Jane Hartley (Bradford West) (Lab)": every bracket at the end describes the name.
        open_at = name.rfind("(")
        inner = name[open_at + 1 : -1].strip()
        if inner:
            extra = f"{inner}, {extra}" if extra else inner
        name = name[:open_at].rstrip()
    if "," in name:
        head, _, after = name.partition(",")
        after = after.strip()
        if strip_dots(after).casefold().replace(" ", "") in CREDENTIALS:
            return name, extra  # "Jane Roe, PhD" is the name
        name = head
        extra = f"{after} ({extra})" if extra and after else (after or extra)
        name = name.rstrip()
    return name, extra


def _role_word(name: str) -> RoleWord | None:
    key = " ".join(name.casefold().replace(".", " ").replace("_", " ").split())  # SPEAKER_01
    if key in ROLE_WORDS:
        return ROLE_WORDS[key]
    word, _, number = key.rpartition(" ")
    if not word:  # "Speaker1", as Sonix writes it: the number against the word
        stem = key.rstrip("0123456789")
        word, number = stem, key[len(stem):]
    if word in NUMBERED_ROLE_WORDS and ((number.isdigit() and len(number) <= 3) or
                                        (len(number) == 1 and number.isalpha())):
        return RoleWord(NUMBERED_ROLE_WORDS[word], anonymous=False)
    return None


def _is_letter(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"


def is_name_shaped(name: str) -> bool:
    """Does this look like a person's name as transcripts write it?

    One to seven words of letters (any script), with the dots, apostrophes and hyphens names
    use; capitalised (or in an uncased script); no sentence words (``and``, ``said``); not a
    word that introduces text (``Note``, ``Update``).
    """
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS + 1:
        return False
    joint = _JOINT.split(name)
    if len(joint) == 2:
        # "Ana & Ben", "Ana and Ben": one joint speaker; a headline's "Russia and Iran Strengthen Ties" is not.
        longest = 3 if ("&" in name or "+" in name) else 2
        return all(len(part.split()) <= longest and is_name_shaped(part) for part in joint)
    key = "-".join(w.casefold().strip(".") for w in words)
    if key in NOT_LABELS or key.replace("’", "'") in NOT_LABELS:
        return False
    if len(words) == 1 and 2 <= len(name) <= 4 and name.isalpha() and name.isupper():
        return True  # initials in capitals ("AT:", "TO:"), even where they spell a small word
    if len(words) == 1 and _PARTICIPANT_CODE.fullmatch(name):
        return True  # "P07:", "R3:", "IP03:": research transcripts code their participants
    if len(words) >= 2 and words[0] == "THE" and name.isupper():
        return all(w.isalpha() or w.strip(".").isalpha() for w in words[1:])  # THE PRESIDENT, THE WITNESS
    if 2 <= len(words) <= 3 and words[0] == "The" and words[-1].casefold() in _OFFICES:
        return all(w[:1].isupper() and w.isalpha() for w in words[1:])  # "The Chair", as renderers write it back
    if strip_dots(words[-1]).casefold() in _TEXT_OPENERS:
        return False  # "Festival Ålesund Note: ..." is a sentence reaching a note, not a name
    capitals = 0
    lower_words = 0
    for position, word in enumerate(words):
        if not all(_is_letter(c) or c in ".'’-" for c in word) or not any(_is_letter(c) for c in word):
            return False
        first = next(c for c in word if _is_letter(c))
        folded = strip_dots(word).casefold()
        if first.isupper() or first.lower() == first.upper():
            if position == 0 and folded in SENTENCE_STARTERS and len(words) > 1:
                return False
            if len(words) == 1 and folded in SENTENCE_STARTERS:
                return False
            capitals += 1
        else:
            if position == 0 and folded not in PARTICLES:
                return False
            if folded in STOPWORDS:
                return False
            if folded not in PARTICLES:
                lower_words += 1
    # "Emily carter" is a name with a casing slip; whether it is a speaker, recurrence decides.
    return lower_words == 0 or (lower_words == 1 and capitals >= 1 and len(words) >= 2)
