"""The vocabulary the parsing stages share: honorifics, name particles, role words, words that
never start a label, and small helpers on names (keys, initials, display case, slugs).

Stages import this module and `units`, never each other.
"""

from __future__ import annotations

import functools
import unicodedata

from qaformat import names
from qaformat.model import Role
from qaformat.patterns import lazy

__all__ = [
    "HONORIFICS",
    "LEADING_TIME",
    "NOT_LABELS",
    "PARTICLES",
    "ROLE_WORDS",
    "RoleWord",
    "display_case",
    "initials",
    "is_cased_upper",
    "is_direction",
    "is_direction_only",
    "is_editor_note",
    "is_legend",
    "is_transcript_mark",
    "legend_entry",
    "name_words",
    "parse_time",
    "slug",
    "word_count",
]

# The name vocabulary is shared with the renderers, which write the short forms labels read back.
HONORIFICS = names.HONORIFICS
PARTICLES = names.PARTICLES

# Lower-case words that show a colon ends a sentence fragment, not a name.
STOPWORDS = frozenset(
    """a an the and or but nor of in on at to for with from by about as into over after before
    under between is are was were be been being has have had do does did will would can could
    should may might must not no yes it its this that these those he she they we you i me him
    her them us my your his our their said says say asked asks told tells writes wrote added
    adds here there what why how when where who whom which one all some more most than then
    so if just only also very vs via per up out off""".split()
)

# Capitalised words a name does not start with ("The answer: ...", "Here's why: ...").
SENTENCE_STARTERS = STOPWORDS | frozenset(
    """here's there's what's it's that's let's i'm we're you're they're he's she's don't
    today tomorrow yesterday now first second third finally next last step part chapter
    question answer""".split()
)

NOT_LABELS = frozenset(
    """note notes nb n.b ps p.s update updated updates correction corrections clarification
    editor's-note editors-note editor’s-note source sources photo photos video videos watch
    listen read read-more related tags tag posted published date location place
    transcript subject re fwd warning disclaimer caption credit credits image images figure
    table chart summary conclusion background context bottom-line breaking breaking-news
    exclusive opinion analysis fact-check fact check key tip example examples disclosure
    quote quotes topic topics category categories filed-under share follow email phone
    website web address audio duration length runtime episode season host-note
    keywords references reference see-also""".split()
)
"""Label-shaped words that introduce text rather than name a speaker (``Note:``, ``Update:``);
multi-word entries are joined with ``-``."""


class RoleWord:
    """What a role label (``Q``, ``Moderator``, ``Speaker 2``) says about its speaker."""

    __slots__ = ("anonymous", "role")

    def __init__(self, role: Role | None, anonymous: bool):
        self.role = role
        """The role the word implies, or ``None`` where behaviour decides (``Speaker 1``)."""
        self.anonymous = anonymous
        """Each use may be another person (``Q`` in a briefing): never merge turns."""


_I, _E, _O = Role.INTERVIEWER, Role.INTERVIEWEE, Role.OTHER
ROLE_WORDS: dict[str, RoleWord] = {
    **{w: RoleWord(_I, True) for w in ("q", "question", "questioner", "reporter", "journalist",
                                        "audience member", "audience question", "unidentified reporter",
                                        "caller", "student", "participant question")},
    **{w: RoleWord(_E, True) for w in ("a", "answer", "response")},
    **{w: RoleWord(_I, False) for w in ("interviewer", "moderator", "host", "co-host", "cohost",
                                         "presenter", "anchor", "chair", "facilitator")},
    **{w: RoleWord(_E, False) for w in ("interviewee", "respondent", "guest", "panelist",
                                         "panellist", "narrator (interviewee)", "participant")},
    # Question and answer in other languages: F/A (Frage, Antwort), P/R (pregunta, respuesta;
    # pergunta, resposta), Q/R (question, réponse), D/R (domanda, risposta), V/A (vraag,
    # antwoord), В/О (вопрос, ответ), س/ج (سؤال, جواب), 问/答.
    **{w: RoleWord(_I, True) for w in ("f", "frage", "pregunta", "pergunta", "d", "domanda", "v", "vraag",
                                        "pytanie", "в", "вопрос", "soru", "س", "سؤال", "问", "問", "질문")},
    **{w: RoleWord(_E, True) for w in ("antwort", "respuesta", "resposta", "réponse", "reponse", "risposta",
                                        "antwoord", "odpowiedź", "о", "ответ", "cevap", "ج", "جواب", "答", "답")},
    **{w: RoleWord(_I, False) for w in ("entrevistador", "entrevistadora", "intervieweur", "intervieweuse",
                                         "interviewerin", "intervistatore", "intervistatrice", "moderador",
                                         "moderadora", "moderatorin", "animateur", "animatrice", "presentador",
                                         "presentadora", "apresentador", "apresentadora", "conductor", "conductora")},
    **{w: RoleWord(_E, False) for w in ("entrevistado", "entrevistada", "invitado", "invitada", "convidado",
                                         "convidada", "gast", "invité", "invitée", "ospite", "befragter",
                                         "befragte", "interviewé", "interviewée", "intervistato", "intervistata")},
    # Social-science transcripts' codes: I (interviewer), R (respondent or respuesta); P is a
    # participant beside an I, a pregunta beside an R: behaviour decides.
    "i": RoleWord(_I, False),
    "r": RoleWord(_E, True),
    "p": RoleWord(None, True),
    # An oral history's "narrator" is the person interviewed; a broadcast's reads a script:
    # behaviour decides.
    "narrator": RoleWord(None, False),
    **{w: RoleWord(_O, True) for w in ("announcer", "operator", "translator",
                                        "interpreter", "unidentified", "unidentified male",
                                        "unidentified female", "unidentified speaker", "unknown",
                                        "unknown speaker", "male voice", "female voice", "voice",
                                        "voiceover", "voice-over", "crowd", "audience", "all",
                                        "multiple speakers", "several", "group", "court reporter",
                                        "videographer", "the court", "the reporter", "clerk")},
    # A hearing's witness answers the chair; a deposition's speaks between its Q and A: behaviour decides.
    "the witness": RoleWord(None, False),
}
"""Role labels, lower-case, with what each implies."""

NUMBERED_ROLE_WORDS: dict[str, Role | None] = {
    "speaker": None,
    "participant": None,
    "person": None,
    "voice": None,
    "guest": _E,
    "interviewer": _I,
    "interviewee": _E,
    "respondent": _E,
    "panelist": _E,
    "host": _I,
    "caller": _I,
    "reporter": _I,
}
"""Words that take a number or letter to name one of several (``Speaker 2``, ``Guest B``)."""


def strip_dots(word: str) -> str:
    return word.replace(".", "")


CREDENTIALS = names.CREDENTIALS


def word_count(text: str) -> int:
    """``len(text.split())``, without building the words where the text is single-spaced.

    Printable text holds no whitespace but the ASCII space (tabs, line and no-break spaces are
    not printable), so there the words are the spaces plus one; telling that and counting the
    spaces costs half of splitting, which the roles stage did for every paragraph.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text.count(" ") + 1 if text else 0
    return len(text.split())


def fold_accents(text: str) -> str:
    """``Raúl`` -> ``Raul``: what one person's name looks like typed with and without accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_words(name: str) -> list[str]:
    """The words of a name, case-folded, without accents, dots, honorifics and credentials.

    ``Dr. alexander Petrov`` -> ``["alexander", "petrov"]``; ``Jane Roe, PhD`` -> ``["jane", "roe"]``.
    """
    return list(_name_words(name))


@functools.lru_cache(maxsize=65536)  # labels repeat: each spelling (and key) is worked out once, even in a panel of thousands
def _name_words(name: str) -> tuple[str, ...]:
    words = [strip_dots(w).casefold() for w in fold_accents(name).replace(",", " ").split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    while len(words) > 1 and words[-1] in CREDENTIALS:
        words.pop()
    return tuple(words)


def honorific(name: str) -> str | None:
    """The leading honorific of a name, case-folded without dots, if any."""
    first = name.split(maxsplit=1)
    if len(first) == 2:
        word = strip_dots(first[0]).casefold()
        if word in HONORIFICS:
            return word
    return None


def initials(words: list[str]) -> str:
    """Initials of name words (particles left out): ``["emily", "carter"]`` -> ``"ec"``."""
    return "".join(w[0] for w in words if w not in PARTICLES)


def is_cased_upper(text: str) -> bool:
    """True if the text has cased letters and all of them are upper case (``MR. SMITH``)."""
    cased = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    return len(cased) >= 2 and all(c.isupper() for c in cased)


def _title_word(word: str) -> str:
    if not word:
        return word
    lower = word.lower()
    if lower in PARTICLES:
        return lower
    # Capitalise after apostrophes and hyphens too: O'BRIEN -> O'Brien, JEAN-PAUL -> Jean-Paul.
    out: list[str] = []
    capital = True
    for char in lower:
        out.append(char.upper() if capital else char)
        capital = char in "'’-"
    parts = "".join(out).split("-")
    parts = ["Mc" + p[2].upper() + p[3:] if p.startswith("Mc") and len(p) > 3 else p for p in parts]
    return "-".join(parts)


def display_case(name: str) -> str:
    """A name written in capitals, in the case a reader expects: ``MR. O'BRIEN`` -> ``Mr. O'Brien``.

    Names that already mix cases are returned unchanged; a first particle is capitalised.
    """
    if not is_cased_upper(name):
        return name
    joint = _JOINT_WORD.split(name)
    if len(joint) == 3:  # "ANA RUIZ & BEN COLE": each name on its own, the "&" or "and" as written
        return f"{display_case(joint[0])} {joint[1].lower() if joint[1].isalpha() else joint[1]} {display_case(joint[2])}"
    words = name.split(" ")
    titled = [_title_word(w) for w in words]
    if titled and titled[0]:
        titled[0] = titled[0][0].upper() + titled[0][1:]
    return " ".join(titled)


_JOINT_WORD = lazy(r"\s+(&|\+|AND|Y|ET|UND)\s+")


_TRANSCRIPT_MARK = lazy(r"(?i)^(?:full |meeting |call |verbatim |complete )?(?:transcript|transcription|transkript"
                       r"|transcripción|transcrição|trascrizione)\s*:?$")


def is_transcript_mark(text: str) -> bool:
    """The line a meeting service's export or a podcast page sets between its summary (action
    items, chapters, show notes) and the talk: ``Transcript``, ``Full transcript``."""
    return len(text) <= 40 and bool(_TRANSCRIPT_MARK.match(text.strip()))


def is_legend(text: str) -> bool:
    """A line that explains speaker codes: ``[R] – Reporter [P] – Participant``, ``I = Interviewer,
    R = Respondent``, or one entry of a key set a line each (``JM = Jasmine Morales (interviewer)``,
    ``... = pause``, the ``KEY:`` line above them)."""
    if len(text) > _LEGEND_MAX_CHARS:
        return False  # spares every paragraph of the interview the scan
    if not any(map(text.__contains__, _LEGEND_MARKS)):
        return _KEY_LINE.match(text) is not None  # a key's title ("Legend") is the only one without a mark
    if legend_entry(text) is not None or _KEY_LINE.match(text):
        return True
    if not _LEGEND_CODE_END.search(text):
        return False  # what every pair holds, found four times faster than the pairs themselves
    pairs = LEGEND_PAIR.findall(text)
    return len(pairs) >= 2 and sum(len(code) + len(name) for code, name in pairs) >= 0.5 * len(text.replace(" ", ""))


def legend_entry(text: str) -> tuple[str, str] | None:
    """The code and the name (with any description in brackets) of a legend line of one entry,
    ``JM = Jasmine Morales (interviewer)``; only ``=`` or a dash separates them (``JM: Okay`` is
    a turn)."""
    if len(text) > _LEGEND_MAX_CHARS or ("=" not in text and "–" not in text and "—" not in text):
        return None
    found = _LEGEND_ENTRY.match(text)
    return (found.group(1), found.group(2)) if found else None


_LEGEND_ENTRY = lazy(r"\[?([A-Z]{1,3}\d?)\]?\s*(?:=|[–—]\s)\s*([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}(?: \([^()]{1,60}\))?)\s*$")
_KEY_LINE = lazy(r"(?i)^(?:(?:key|legend|codes|abbreviations|transcription (?:key|conventions))\s*:?"
                 r"|\S{1,12}\s*=\s*[\w ,.'’()-]{1,40})$")


_LEGEND_MAX_CHARS = 400  # a legend of eight speakers with long names is shorter
_LEGEND_MARKS = ("=", "–", "—", ":", "-")  # one stands in every pair and every entry

LEGEND_PAIR = lazy(r"\[?\b([A-Z]{1,3}\d?)\b\]?\s*[–—=:-]\s*([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2})")
"""One ``code – Name`` pair of a legend line."""
_LEGEND_CODE_END = lazy(r"[A-Z]\d?\]?\s*[–—=:-]")


def slug(name: str) -> str:
    """A stable id from a name: lower-case letters and digits joined by hyphens.

    Latin letters lose their accents (``Müller`` -> ``muller``); other scripts are kept.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    out: list[str] = []
    dash = False
    for char in decomposed:
        if unicodedata.combining(char):
            continue
        if char.isalnum():
            if dash and out:
                out.append("-")
            out.append(char.lower())
            dash = False
        else:
            dash = True
    return "".join(out) or "speaker"


_DIRECTION_WORDS = lazy(
    r"(?i)^\W*(?:laugh|chuckl|giggl|applau|cheer|crosstalk|cross talk|overlapping|inaudible|unintelligible"
    r"|indiscernible|unclear|pause|long pause|silence|sigh|cough|clears throat|music|begin|end|commercial"
    r"|break|off mic|off-mic|off camera|technical|audio|video|sound|noise|phone|whereupon|recess|gasp|groan"
    r"|nod|smil|whisper|crying|cries|tape|recording|interruption|interrupt|recorder|bell|door|static"
    r"|beep|bleep|expletive|speaking|foreign language|translat|sings|singing|side [ab]\b"
    r"|off the record|on the record|no audio|blank|silent|snap|clap|booing|boos|sniff|exhal|inhal)"
)
_DIRECTION_ONLY = lazy(r"^(?:[\[(][^\[\]()]{1,80}[\])]\s*)+$")


def is_direction(inner: str) -> bool:
    """Is this bracket's content a stage direction or transcriber's marker?

    ``laughs``, ``Laughter.``, ``inaudible 00:15:05``, ``CROSSTALK``, ``BEGIN VIDEO CLIP``.
    """
    if _DIRECTION_WORDS.match(inner):
        return True
    letters = [c for c in inner if c.isalpha()]
    # Broadcast transcripts set directions in capitals: (APPLAUSE), (END VIDEO CLIP).
    return len(letters) >= 6 and all(c.isupper() for c in letters) and (" " in inner.strip() or len(letters) >= 8)


def is_direction_only(text: str) -> bool:
    """A paragraph that is only stage directions: ``(APPLAUSE)``, ``[laughs]``, ``(Inaudible.)``."""
    if not _DIRECTION_ONLY.match(text):
        return False
    inner = text.strip()[1:]
    return is_direction(inner)


# An SMPTE timecode, "01:00:16:13" (";" before the frames where frames are dropped), as video
# editors log interviews: hours, minutes, seconds and a frame, which is less than a second.
_SMPTE = r"\d{1,2}:\d{2}:\d{2}[:;]\d{2}(?![\d:;])"
TIME = rf"(?:{_SMPTE}|(?:\d{{1,2}}:)?\d{{1,2}}:\d{{2}}(?:[.,]\d{{1,3}})?)"
LEADING_TIME = lazy(rf"[\[(]?({TIME})[\])]?(?:\s*[-–—|]\s*|\s+)")
"""A time at the start of a line, before a name or text: ``[00:01:02] ``, ``0:21 - ``."""


def parse_time(text: str) -> float:
    """``01:02:03.5`` -> 3723.5 seconds (hours optional, comma or dot before fractions)."""
    seconds = 0.0
    parts = text.replace(",", ".").replace(";", ":").split(":")
    for part in parts[:3]:  # an SMPTE timecode's fourth part counts frames, under a second
        seconds = seconds * 60 + float(part)
    return seconds


# An editor's note opens with its name or "This interview has been ...", or says anywhere that
# the text was edited. The second pattern runs on lower-cased text and only where "edited" or
# "condensed" occurs: a case-blind pattern tried at every position is the slowest kind to scan.
_EDITOR_NOTE_START = lazy(
    r"(?i)editor[’']?s\s+note|ed\.?\s+note|this (?:interview|conversation|transcript|q&a) (?:has|was)"
    r"\s+been|the following (?:interview|conversation|transcript)"
)
_EDITOR_NOTE_INSIDE = lazy(
    r"(?:interview|conversation|transcript) (?:has|was) been (?:lightly |slightly )?(?:edited|condensed)"
    r"|edited (?:and condensed )?for (?:length|clarity|brevity)"
)


def is_editor_note(text: str) -> bool:
    """"Editor's note: ..." (in brackets too), "This interview has been edited for length and clarity." """
    head = text[:200].lstrip("[(*")
    if head[:1] in ("E", "e", "T", "t") and _EDITOR_NOTE_START.match(head):
        return True
    lowered = head.lower()
    # Both kinds of saying so name the editing: most paragraphs are spared the search.
    return ("edited" in lowered or "condensed" in lowered) and _EDITOR_NOTE_INSIDE.search(lowered) is not None
