"""Which language a text is written in: a small, fast guess from scripts and function words.

The guess looks at two things. The script of the letters names the language outright for
scripts one language writes (Greek, Hebrew, Thai, Korean; Han with kana is Japanese, without
Chinese). For scripts many languages share (Latin, Cyrillic, Arabic, Devanagari), the language
whose function words (`function_words`) the text uses most wins. The confidence grows with how
far the winner is ahead of the runner-up and how much of the text its words cover, so a short
quote is never confidently anything while a paragraph of German is German. Evidence from
several texts adds up (a turn is the sum of its paragraphs), which lets a renderer weigh a turn
and each of its paragraphs without reading the text twice.

Words are split and counted in C and only the distinct ones looked up, and a renderer weighs
only the paragraphs that do not plainly read as the document's language (`OtherLanguages`), so
the guess adds little to a parse or a rendering. It imports only `function_words`; parsing
(for the document) and the renderers (for paragraphs in another language) both use it.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

import attrs

from qaformat.function_words import FUNCTION_WORDS, SCRIPT_LANGUAGE, SCRIPT_RANGES, SHARED_SCRIPT
from qaformat.patterns import lazy

__all__ = [
    "CONFIDENT",
    "KNOWN_LANGUAGES",
    "LIKELY",
    "Evidence",
    "LanguageGuess",
    "OtherLanguages",
    "evidence",
    "guess_language",
    "guess_language_of",
    "primary_subtag",
    "right_to_left_language",
    "script_kind",
]

KNOWN_LANGUAGES = frozenset(FUNCTION_WORDS) | frozenset(SCRIPT_LANGUAGE.values())
"""Every language tag the guess can give."""

LIKELY = 0.5
"""The confidence from which a guess is taken as a whole document's language."""
CONFIDENT = 0.9
"""The confidence from which a turn or paragraph is marked as in another language."""

_RTL = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"})
_EAST_ASIAN = frozenset({"zh", "ja", "ko", "yue", "wuu", "cmn"})

# What may stick to a word between spaces: ASCII punctuation, quotes, dashes, and the
# punctuation of the Arabic, Devanagari and CJK scripts.
_PUNCTUATION = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~«»‹›“”„‘‚…–—―¡¿·،؛؟۔।॥。、，！？：；（）「」『』【】《》〈〉"
# Every character from the first script's on: the letters of the scripts are among them. (A class
# of the scripts' ranges themselves lists 44,000 characters and took milliseconds to compile.)
_PAST_LATIN = lazy(f"[^\\x00-{chr(SCRIPT_RANGES[0][0] - 1)}]")
_STARTS = [first for first, _, _ in SCRIPT_RANGES]

def _index_words() -> dict[str, tuple[str, ...]]:
    users: dict[str, tuple[str, ...]] = {}
    for tag, words in FUNCTION_WORDS.items():
        for word in dict.fromkeys(unicodedata.normalize("NFC", words).split()):
            users[word] = (*users.get(word, ()), tag)
    return users


_WORD_LANGUAGES = _index_words()
"""Function word -> the languages that use it."""

_MARKERS_PER_LANGUAGE = 20


def _marker_words(tag: str) -> list[str]:
    """The language's most frequent function words that no other language has: a paragraph
    that uses them often is in that language, found without weighing it."""
    return [word for word in dict.fromkeys(unicodedata.normalize("NFC", FUNCTION_WORDS[tag]).split())
            if _WORD_LANGUAGES[word] == (tag,)][:_MARKERS_PER_LANGUAGE]


@functools.cache
def _markers(tag: str) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """The language's marker words as a pattern, and the six commonest of them: those are looked
    for first with `str.count`, faster still, and most paragraphs in the document's language have
    enough of these alone. (Made for the one language a renderer needs, when it needs it.)"""
    if tag not in FUNCTION_WORDS:
        return None, ()
    words = _marker_words(tag)
    # After a space: a pattern that starts with one is scanned for much faster than with \b.
    pattern = re.compile(" (?:" + "|".join(map(re.escape, words)) + ")(?=[\\s,.;:!?\u060c\u061b\u061f\u0964]|$)")
    return pattern, tuple(f" {word} " for word in words[:6])

_MARKER_EVERY = 30  # markers expected at least once per this many words
_SCRIPT_SHARE = 0.3  # of a paragraph's characters, in the document's script
_SHORTEST = 24  # characters: shorter paragraphs are never confidently anything
# Words: a confident guess needs five function words more for one language than for any other
# (see `_MARGIN_HALVING`), which a paragraph of fewer than a dozen words rarely has.
_FEWEST_WORDS = 12

# How the confidence is made (see `Evidence.guess`): each function word the winner has over the
# runner-up halves the doubt this often; below this share of function words among the words,
# the text may be in a language the guess does not know that shares a few short words.
_MARGIN_HALVING = 1.5
_LETTERS_HALVING = 4.0
_FULL_COVERAGE = 0.15
_SAMPLE = 5_000  # characters weighed for a document's language: two pages tell it as well as a book
_KANA_SHARE = 0.1  # Japanese writes most sentences with kana; Chinese never does


@attrs.frozen
class LanguageGuess:
    """A language and how sure the guess is."""

    tag: str
    """BCP 47 primary language subtag (``de``, ``pt``, ``zh``, ``nb``)."""
    confidence: float
    """From 0 (a coin toss) to 1 (no doubt), rounded to two decimals."""


@attrs.frozen
class Evidence:
    """What a text shows of its language; evidence of several texts adds up with ``+``."""

    letters: Counter[str] = attrs.field(factory=Counter)
    """Letters per script (ISO 15924 code; ``Latn`` also counts marks and other letters)."""
    hits: Counter[str] = attrs.field(factory=Counter)
    """Function words per language."""
    words: int = 0
    """Words in the text."""

    def __add__(self, other: Evidence) -> Evidence:
        return Evidence(self.letters + other.letters, self.hits + other.hits, self.words + other.words)

    def guess(self) -> LanguageGuess | None:
        """The most likely language, or ``None`` when the text has no letters, or its script is
        shared by several languages and none of their function words occurs."""
        letters = Counter(self.letters)
        letters["Hani"] += letters.pop("Kana", 0)  # kana and Han are one writing system here
        total = sum(letters.values())
        if not total:
            return None
        script, count = letters.most_common()[0]  # most_common(1) would import heapq at start-up
        share = count / total
        if script in SCRIPT_LANGUAGE:
            tag = SCRIPT_LANGUAGE[script]
            if script == "Hani" and self.letters["Kana"] >= _KANA_SHARE * count:
                tag = "ja"
            return LanguageGuess(tag, _round(share * _sureness(count, _LETTERS_HALVING)))
        ranked = sorted(((self.hits[tag], tag) for tag in SHARED_SCRIPT.get(script, ())), reverse=True)
        if not ranked or ranked[0][0] == 0:
            return None
        (best, tag), runner_up = ranked[0], ranked[1][0] if len(ranked) > 1 else 0
        coverage = min(1.0, best / max(1, self.words) / _FULL_COVERAGE)
        return LanguageGuess(tag, _round(share * coverage * _sureness(best - runner_up, _MARGIN_HALVING)))


def _sureness(lead: float, halving: float) -> float:
    return 1.0 - float(0.5 ** (lead / halving))


def _round(confidence: float) -> float:
    return round(confidence, 2)


def evidence(text: str) -> Evidence:
    """Count the scripts and function words of a text.

    The counts add up: the evidence of two paragraphs is that of the two as one text, so a
    document's sample is weighed in one go.
    """
    ascii_only = text.isascii()
    if not ascii_only:
        text = unicodedata.normalize("NFC", text)
    # Splitting at spaces and apostrophes (l'eau, qu'il) and counting the pieces runs in C; only
    # the distinct pieces, a few dozen per paragraph, are looked at one by one.
    pieces = Counter(text.lower().replace("'", " ").replace("\u2019", " ").split())
    hits: dict[str, int] = {}  # a plain dict: a Counter's missing keys cost a call each
    words = latin = 0
    uncounted: list[str] = []  # text outside the words, where letters of other scripts may be
    for piece, number in pieces.items():
        word = piece.strip(_PUNCTUATION)
        if not word or word[0].isdigit():
            if not piece.isascii():
                uncounted += [piece] * number
            continue
        if len(word) < len(piece) and not piece.isascii():
            start = piece.find(word)
            uncounted += [piece[:start] + piece[start + len(word):]] * number
        words += number
        latin += len(word) * number
        for tag in _WORD_LANGUAGES.get(word, ()):
            hits[tag] = hits.get(tag, 0) + number
    letters = Counter() if ascii_only else _script_letters(text)
    # The words' letters of other scripts are not Latin: all such letters but those outside words.
    latin -= sum(letters.values()) - (sum(_script_letters(" ".join(uncounted)).values()) if uncounted else 0)
    if latin > 0:
        letters["Latn"] = latin
    return Evidence(letters, Counter(hits), words)


def _script_letters(text: str) -> Counter[str]:
    """Letters per script of `SCRIPT_RANGES` (ISO 15924 code)."""
    letters: Counter[str] = Counter()
    for char, number in Counter(_PAST_LATIN.findall(text)).items():
        code = ord(char)
        first, last, script = SCRIPT_RANGES[bisect.bisect_right(_STARTS, code) - 1]
        if first <= code <= last:
            letters[script] += number
    return letters


def guess_language(text: str) -> LanguageGuess | None:
    """The language of a text, or ``None`` where the text gives no hint (see `Evidence.guess`)."""
    return evidence(text).guess()


def guess_language_of(texts: Iterable[str]) -> LanguageGuess | None:
    """The language of a document's paragraphs, weighed up to a sample of `_SAMPLE` characters
    (more text changes a document's guess no more, and a long transcript stays fast)."""
    sample: list[str] = []
    size = 0
    for text in texts:
        sample.append(text)
        size += len(text) + 1
        if size >= _SAMPLE:
            break
    # One count over the joined sample: counting paragraph by paragraph and adding the counts
    # up cost four times as much.
    return evidence("\n".join(sample)[:_SAMPLE]).guess()


def primary_subtag(tag: str) -> str:
    """The language part of a BCP 47 tag, in lower case (``pt-BR`` -> ``pt``)."""
    return tag.replace("_", "-").split("-", 1)[0].lower()


def right_to_left_language(tag: str) -> bool:
    """Whether the language is written right to left (Arabic, Hebrew, Persian, Urdu, ...)."""
    return primary_subtag(tag) in _RTL


def script_kind(tag: str) -> str:
    """``east-asian``, ``complex`` (right-to-left) or ``latin``: which of Word's three language
    slots (``w:eastAsia``, ``w:bidi``, ``w:val``) a language belongs in."""
    language = primary_subtag(tag)
    if language in _EAST_ASIAN:
        return "east-asian"
    return "complex" if language in _RTL else "latin"


class OtherLanguages:
    """Finds the turns and paragraphs written in another language than the document's.

    Most paragraphs of an interview are in its language, and weighing each one would cost as
    much as writing it; so a paragraph in the document's script that uses the language's own
    most frequent words often enough is taken as such at once, and only the others are weighed.
    Nothing is marked when the document's language is not one the guess knows: there is then
    no telling a paragraph in it from one in another language.
    """

    def __init__(self, document_tag: str | None):
        language = primary_subtag(document_tag) if document_tag else ""
        self._language = language if language in KNOWN_LANGUAGES else None
        self._markers, self._commonest = _markers(language)
        scripts = [script for script, tags in SHARED_SCRIPT.items() if language in tags]
        scripts += [script for script, tag in SCRIPT_LANGUAGE.items() if tag == language]
        if language == "ja":
            scripts.append("Hani")
        ranges = "".join(f"{chr(first)}-{chr(last)}" for first, last, script in SCRIPT_RANGES if script in scripts)
        self._script = re.compile(f"[{ranges}]") if ranges else None  # None: Latin

    def turn(self, paragraphs: tuple[str, ...]) -> tuple[str | None, tuple[str | None, ...]]:
        """The language of a turn where it is not the document's, and of each paragraph where it
        is not the turn's (``None`` where they are the same or the guess is not confident)."""
        if self._language is None:
            return None, (None,) * len(paragraphs)
        differ = [self._may_differ(text) for text in paragraphs]
        if not any(differ):
            return None, (None,) * len(paragraphs)
        if sum(len(text) for text, odd in zip(paragraphs, differ, strict=True) if not odd) * 2 >= sum(map(len, paragraphs)):
            # Most of the turn is plainly in the document's language: only the odd ones are weighed.
            return None, tuple(self._other(evidence(text), self._language) if odd else None
                               for text, odd in zip(paragraphs, differ, strict=True))
        weighed = [evidence(text) for text in paragraphs]
        turn = self._other(sum(weighed, Evidence()), self._language)
        around = turn or self._language
        return turn, tuple(self._other(e, around) for e in weighed)

    def text(self, text: str) -> str | None:
        """The language of a paragraph (an intro paragraph, a heading) where it is not the
        document's and the guess is confident."""
        if self._language is None or not self._may_differ(text):
            return None
        return self._other(evidence(text), self._language)

    @staticmethod
    def _other(weighed: Evidence, around: str) -> str | None:
        guess = weighed.guess()
        if guess is None or guess.confidence < CONFIDENT or guess.tag == around:
            return None
        return guess.tag

    def _may_differ(self, text: str) -> bool:
        if len(text) < _SHORTEST:
            return False
        spaces = text.count(" ")
        if self._markers is not None and spaces >= _FEWEST_WORDS:
            # Text in another script has none of the markers either.
            if self._commonest_suffice(text, spaces):
                return False
            return len(self._markers.findall(text)) * _MARKER_EVERY < spaces
        if self._script is None:  # Latin
            return not text.isascii() and sum(_script_letters(text).values()) > _SCRIPT_SHARE * len(text)
        return len(self._script.findall(text)) < _SCRIPT_SHARE * len(text)

    def _commonest_suffice(self, text: str, spaces: int) -> bool:
        """Whether the six commonest markers alone come often enough. They are counted one at a
        time, commonest first, and the count stops once it is enough: most paragraphs need one
        or two of the six, and each count reads the whole paragraph."""
        found = 0
        for marker in self._commonest:
            found += text.count(marker)
            if found * _MARKER_EVERY >= spaces:
                return True
        return False
