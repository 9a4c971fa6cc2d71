"""Names for speakers a layout implies but never writes: the interviewer of unlabelled
questions, the interviewee of unlabelled answers.

The document usually says who they are outside the turns: front matter or document
properties (``interviewer:``, ``author:``, ``interviewee:``), a headline (``An interview with
Jane Roe``, ``Jane Roe on ...``, a headline that is just the name), a description, or a byline
above the questions (``Interview by Tom Bell``). Where it does not, they are ``Interviewer``
and ``Interviewee``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from qaformat.blocks import Block
from qaformat.model import Role
from qaformat.parsing.labels import is_name_shaped
from qaformat.parsing.units import Label
from qaformat.parsing.words import HONORIFICS, SENTENCE_STARTERS, RoleWord
from qaformat.patterns import lazy

__all__ = ["Implied", "implied_label", "implied_speakers", "is_person"]

_PARTICLE = r"(?:de|da|van|von|der|del|della|di|du|le|la|dos|das|bin|al)\b"
_PARTICLE_WORD = lazy(_PARTICLE)
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄҐΑ-Ω"  # Latin (with Latin Extended-A, upper and lower mixed), Cyrillic, Greek
_WORD = rf"(?:[{_UPPER}][\w'’.-]+|" + _PARTICLE + ")"
_NAME = rf"({_WORD}(?:\s+{_WORD}){{0,5}})"
_INTERVIEW_WITH = lazy(
    r"(?i:\b(?:interview(?:s|ing)?|conversation|chat|q\s*&\s*a|talk(?:s|ing)?|sits? down|speaks?|catch(?:es|ing)? up"
    r"|questions?|asks?|asked)\s+(?:with|to|for)|\bentrevista\s+(?:com|con|a)(?:\s+[oa])?|\binterview\s+mit|\bentretien\s+avec"
    r"|\bintervista\s+(?:a|con)|\bmeet)\s+(?:(?i:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3},?\s+)?" + _NAME
)
# "Jane Roe on ...", "Jane Roe: 'quote'", "Gabriel Soto, escritor: 'quote'" (a description after a comma).
_NAME_ON = lazy(r"^" + _NAME + r"(?:\s+(?:on|talks|speaks|discusses|explains|reflects|über|sobre|sur|su|о|об)\b"
                               r"|\s*[:—–-]\s|,\s[^:,]{1,40}:\s)")
_NAME_TALKS = lazy(r"^" + _NAME + r"\s+(?:talks|speaks|chats)\s+(?:to|with)\b")
# '"The river taught me patience": ceramicist Iolanthe Marr', 'Maker Monday: Dana Okoye of Okoye Leatherworks'
_NAME_AFTER_COLON = lazy(r"[:—–|]\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}" + _NAME
                         + r"(?:(?:,| of| from| at)\s[^:]{1,60})?\s*$")
_SUBJECT = lazy(rf"({_WORD}(?:\s+{_WORD}){{1,3}})(?:,[^,]{{1,80}},)?\s+(?:has|have|is|was|had|spent|grew|runs|ran|became"
                      r"|started|founded|leads|teaches|works|worked|lives|moved|joined|took|won|wrote|built|keeps|kept)\b")
# A standfirst that opens with the person's full name and a verb in any language ("Erik
# Johansson bygger träbåtar på Orust.", "Aino Virtanen rakentaa kanteleita."): two or three
# capitalised words, then a lower-case one.
_OPENING_NAME = lazy(rf"^([{_UPPER}][\w'’-]+(?:\s+[{_UPPER}][\w'’-]+){{1,2}})\s+[a-zß-öø-ÿ]")
_QA_PREFIX = lazy(r"^(?i:q\s*&\s*a|interview|in conversation|entrevista|interview)\s*[:|–—-]\s*")
_BYLINE_WORDS = (
    r"(?:interview(?:ed)?\s+by|as\s+told\s+to|by|(?:questions|words|text|story|reporting)\s+by|interview:|entrevista\s+(?:de|por)"
    r"|por|par|propos\s+recueillis\s+par|das\s+(?:gespräch|interview)\s+führten?|intervista\s+di|di|беседовал[аи]?"
    r"|интервью\s+(?:взял[аи]?|записал[аи]?)|розмовляв|розмовляла|rozmawiał[a]?|rozmowę\s+przeprowadził[a]?"
    r"|af|av|text:|tekst:|door|von)"
)
_BYLINE = lazy(rf"(?i:^{_BYLINE_WORDS})\s+" + _NAME)
# The same at the end of a dek: "... den Tod ihres Seilpartners. Interview: Jonas Weber"
_BYLINE_TAIL = lazy(rf"[.!?]\s+(?i:{_BYLINE_WORDS})\s+" + _NAME + r"\.?$")
# The reporter in a dek's closing sentence: "Eva de Wit sprak met hem.", "Dana Fox spoke to her."
# Only a pronoun after it: "Joost Verhoeven spoke with residents" says nothing of who asks.
_SPOKE_WITH = lazy(_NAME + r"\s+(?:spoke|talked|sat\s+down|sprak|sprach|habló|conversó|parlò|ha\s+parlato|a\s+parlé"
                   r"|falou|conversou)\s+(?:with|to|met|mit|con|com|avec)\s+(?:him|her|them|hem|haar|hen|ihm|ihr|ihnen"
                   r"|él|ella|ellos|ellas|lui|lei|loro|ele|ela|eles|elle|eux)\b")
# Japanese pages: the headline names the interviewee with an honorific ("陶芸家・中村健一さんインタビュー"),
# the credits name who asked ("文：佐藤美咲", "聞き手：", "取材・文：", "（構成：...）").
_KANJI = "\u4e00-\u9fff\u3005"
_JA_SUBJECT = lazy(rf"(?<![{_KANJI}])([{_KANJI}]{{2,5}})(?:さん|氏)(?:に聞く|インタビュー|が語る|[「『（\s]|$)")
_JA_BYLINE = lazy(rf"(?:聞き手|取材・文|取材・構成|構成|文|インタビュアー)\s*[：:]\s*([{_KANJI}\u3040-\u30ff]{{2,8}})")
# Korean papers: the reporter signs as "박민수 기자" (above the text, "박민수 기자 =", or at the end
# with an address); the headline names the interviewee right before the quote it gives
# ("[인터뷰] 동네 빵집 사장 김지은 "빵은 ..."") or with 씨.
_KO_BYLINE = lazy(r"(?<![가-힣])([가-힣]{2,4})\s*기자(?![가-힣])")
_KO_SUBJECT = lazy(r"(?<![가-힣])([가-힣]{3}|[가-힣]{2,4}(?=\s*씨))(?:\s*씨)?\s*[\"“‘'「『]")
_INTERVIEWER_KEYS = ("interviewer", "interviewers", "host", "author", "authors", "byline")
_INTERVIEWEE_KEYS = ("interviewee", "guest", "guests", "subject", "narrator")
_TITLE_KEYS = ("title", "description", "summary", "subtitle", "og:title", "page_title")
# A title's parts: "Pixel Quarterly — draft 3 — Jonas Berg interview (NP)", "Jonas Berg | The Daily Ledger".
_SEGMENTS = lazy(r"\s+[|—–·]\s+|\s+-\s+")
_ASIDE = lazy(r"\s*\([^()]{0,40}\)")
_NAME_INTERVIEW = lazy(r"^" + _NAME + r"\s+(?i:interview|q\s*&\s*a|in conversation|entrevista|entretien|intervista)\b")
# Words of a publication's name, not a person's ("Pixel Quarterly", "The Daily Ledger").
_MASTHEAD_WORDS = frozenset(
    """quarterly weekly daily monthly magazine journal gazette herald tribune ledger chronicle digest
    bulletin newsletter podcast times news courier zeitung revista""".split()
)


class Implied:
    """The names the implied speakers are given."""

    __slots__ = ("interviewee", "interviewer", "named")

    def __init__(self, interviewer: str, interviewee: str, named: bool):
        self.interviewer = interviewer
        self.interviewee = interviewee
        self.named = named
        """The page names the interviewee (not the ``Interviewee`` fallback)."""


def implied_label(name: str, role: Role, text: str) -> Label:
    """The label an implied speaker's turn carries: its role is fixed, and it is never doubted."""
    return Label(written=name, name=name, extra=None, rest=text, column=1,
                 role_word=RoleWord(role, anonymous=False), explicit=True)


def implied_speakers(blocks: list[Block], metadata: Mapping[str, str], before: int) -> Implied:
    """Names for the implied interviewer and interviewee; ``before`` is the index of the first
    question (bylines and headlines are looked for above it)."""
    interviewer = _from_keys(metadata, _INTERVIEWER_KEYS)
    interviewee = _from_keys(metadata, _INTERVIEWEE_KEYS)
    headlines = [metadata[k] for k in _TITLE_KEYS if metadata.get(k)]
    headlines += [b.text for b in blocks[:before] if b.title or b.heading or len(b.text) < 300][:12]
    opening = " ".join([*headlines, *(b.text for b in blocks[:before][:12])])
    # A paragraph that is only a name, under the headline, is the signature's slot: who wrote it.
    signatures = {b.text for b in blocks[:before] if not (b.title or b.heading) and _only_name(b.text)}
    for text in headlines:
        if interviewee:
            break
        if not _BYLINE.match(text) and text not in signatures:  # "Por Marta Iglesias" names who asks
            interviewee = _interviewee_in(text, opening)
            interviewee = interviewee and _whole_name(interviewee, text, blocks, before, opening)
    if not interviewee:
        found_ja = next((found for text in headlines if (found := _JA_SUBJECT.search(text) or _KO_SUBJECT.search(text))),
                        None)
        interviewee = found_ja.group(1) if found_ja else ""
    if not interviewee:
        # The intro's subject: "Cornelius Fairweather has kept the locks for nineteen years."
        for block in reversed(blocks[max(0, before - 3):before]):
            found = _SUBJECT.search(block.text[:200])  # "The novelist Ottessa Vance has been called ..."
            if found and not block.heading and is_person(found.group(1)):
                interviewee = found.group(1)
                break
    if not interviewee and before and not blocks[before - 1].heading and not blocks[before - 1].title:
        # The standfirst right above the first question opens with the name, in any language.
        found = _OPENING_NAME.match(blocks[before - 1].text)
        if found and _opening_person(found.group(1)) and found.group(1).casefold() != interviewer.casefold():
            interviewee = found.group(1)
    if not interviewee:
        interviewee = _named_twice([b.text for b in blocks[:before][:12] if b.text not in signatures], interviewer)
    if not interviewer:
        # Above the questions, or at the very end, where German papers put it ("Das Gespräch führte ...").
        for block in blocks[:before][:40] + blocks[-3:]:
            found = (_BYLINE.match(block.text) or _BYLINE_TAIL.search(block.text[-120:])
                     or _JA_BYLINE.search(block.text[:200]) or _KO_BYLINE.match(block.text[:40]))
            found = found or (_SPOKE_WITH.search(block.text) if len(block.text) < 400 else None)
            if found and is_name_shaped(found.group(1)):
                interviewer = found.group(1)
                break
    if interviewee and interviewer and interviewee.casefold() == interviewer.casefold():
        interviewer = ""
    return Implied(interviewer or "Interviewer", interviewee or "Interviewee", bool(interviewee))


_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december spring summer autumn winter christmas easter""".split()
)


def _opening_person(name: str) -> bool:
    """A person's name, not the words a sentence opens with ("Last Tuesday we ...", "This
    Spring the ...", "Leeds-based designer ...")."""
    words = [word.casefold() for word in name.split()]
    return (is_person(name) and words[0] not in SENTENCE_STARTERS
            and not any(w in _TIME_WORDS or w.endswith("-based") for w in words))


def _whole_name(name: str, headline: str, blocks: list[Block], before: int, opening: str) -> str:
    """The person's whole name where the headline gives only a title and the surname
    ("Burgemeester Verhoeven" over a dek naming "Joost Verhoeven"; "Senator Osei" over "Amara
    Osei"). The first word is a title when it is a known one or the page uses it as a common
    noun ("een jaar burgemeester"), so a first name ("Ruth Calder") is never swapped for a
    relative's ("her son Tom Calder"); a dek that says the headline's name too, or more than one
    whole name, leaves the headline's."""
    words = name.split()
    if len(words) != 2:
        return name
    title, surname = words
    lower = title.casefold()
    if lower.strip(".") not in HONORIFICS and not _common_noun(title, surname, blocks):
        return name
    if any(name in block.text for block in blocks[:before] if not (block.title or block.heading or block.text == headline)):
        return name  # the dek calls them so too ("Will Smith" over "Will Smith and Jada Pinkett Smith ...")
    whole = {found.group(1).strip() for found in re.finditer(
        rf"((?:[{_UPPER}][\w'’-]+\s+){{1,2}}){re.escape(surname)}(?!\w)", opening)}
    people = {" ".join([*part.split(), surname]) for part in whole
              if part.split()[0].casefold() not in SENTENCE_STARTERS
              and all(word.casefold().strip(".") not in HONORIFICS and word.casefold() != lower for word in part.split())}
    people = {person for person in people if is_person(person)}
    return people.pop() if len(people) == 1 else name


def _common_noun(word: str, surname: str, blocks: list[Block]) -> bool:
    """The page writes ``word`` in lower case ("een jaar burgemeester") and capitalised only
    before the surname: a post, where a first name ("Will", "Mark") opens sentences too."""
    lower, title = re.escape(word.casefold()), re.escape(word)
    used = capitalised_alone = False
    for block in blocks:
        used = used or re.search(rf"(?<!\w){lower}(?!\w)", block.text) is not None
        capitalised_alone = capitalised_alone or re.search(
            rf"(?<!\w){title}(?!\w)(?!\s+{re.escape(surname)}(?!\w))", block.text) is not None
    return used and not capitalised_alone


def _from_keys(metadata: Mapping[str, str], keys: tuple[str, ...]) -> str:
    for key in keys:
        value = metadata.get(key, "").split(",")[0].strip()
        if "-" in value and " " not in value and value.islower():
            value = value.replace("-", " ").title()  # a slug: "david-farrell"
        if value and len(value.split()) <= 6 and not any(c in value for c in "@/<>:"):
            return value
    return ""


def _interviewee_in(text: str, opening: str = "") -> str:
    """The person a headline names, else "": a publication's name ("Pixel Quarterly") is no
    person's, and where a title has parts (``Masthead — draft 3 — Name interview``, ``Name |
    Site``) the person is the part that says "interview", or a part that is only a name the
    rest of the ``opening`` (headline, standfirst) says again."""
    text = _QA_PREFIX.sub("", text.strip().strip("\"“”"))
    parts = [_ASIDE.sub("", part).strip() for part in _SEGMENTS.split(text)] if _SEGMENTS.search(text) else []
    for part in parts:
        found = _NAME_INTERVIEW.match(part) or _INTERVIEW_WITH.search(part)
        if found and is_person(found.group(1)):
            return found.group(1).rstrip(".")
    name = _named_in(text)
    rest = opening.replace(text, " ")
    if name and is_person(name) and (name not in parts or name in rest):
        return name  # a part that is only a name is a site's ("... | Northgate Courier") unless the page says it again
    for part in parts:
        if 2 <= len(part.split()) <= 4 and is_person(part) and part[-1:].isalpha() and part in rest and all(
                word[:1].isupper() or _PARTICLE_WORD.fullmatch(word) for word in part.split()):
            # Every word capitalised: "Five questions | The Daily Ledger" over "Five questions for
            # Hannah Osei" is the headline's opening words, not a name.
            return part  # "Jonas Berg | The Daily Ledger" over "what Jonas Berg uses"
    return ""


def is_person(name: str) -> bool:
    """Name-shaped, no publication's name (``Harbour Weekly``, ``The Daily Ledger``), and not
    the end of one sentence and the start of the next (``Bazel. Here``)."""
    words = name.split()
    return (is_name_shaped(name) and not any(w.casefold().strip(".") in _MASTHEAD_WORDS for w in words)
            and not any(_ENDS_SENTENCE.fullmatch(w) and w.casefold()[:-1] not in HONORIFICS for w in words[:-1]))


# A word of three letters or more and a full stop: a sentence's end, where "J." is an initial.
_ENDS_SENTENCE = lazy(r"\w{3,}\.")


def _only_name(text: str) -> bool:
    return 2 <= len(text.split()) <= 4 and is_name_shaped(text) and text[-1:].isalpha() and not text.isupper()


_NAME_COMMA_ROLE = lazy(r"^([^,:|\d]{3,60}),\s*[^,:|\d]{1,40}:\s")
_NAMES = lazy(rf"{_WORD}(?:\s+{_WORD}){{1,5}}")


def _named_twice(texts: list[str], interviewer: str) -> str:
    """The one person the headline, subtitle and standfirst name twice or more, in any language
    ("Para Ricardo Nunes Prado, alimentos ..." over "O economista Ricardo Nunes Prado, ex-diretor
    ..."): the interview's subject. Two such people, or none, name nobody."""
    counts: Counter[str] = Counter()
    for text in dict.fromkeys(texts):
        for found in _NAMES.finditer(text):
            words = found.group(0).split()
            for start in range(len(words) - 1):  # "Para Ricardo Nunes Prado": its tail is the name
                counts[" ".join(words[start:])] += 1
    named = [name for name, count in counts.items() if count >= 2 and is_person(name)
             and name.split()[0].casefold() not in SENTENCE_STARTERS and name.casefold() != interviewer.casefold()]
    people = [name for name in named if not any(other != name and other.endswith(" " + name)
                                                and counts[other] == counts[name] for other in named)]
    return people[0] if len(people) == 1 else ""


def _named_in(text: str) -> str:
    found = _NAME_TALKS.match(text)
    if found and is_name_shaped(found.group(1)):
        return found.group(1)  # "Mariela Ruiz talks to Plate": the name before the verb, not the publication
    found = _INTERVIEW_WITH.search(text)
    if found and is_name_shaped(found.group(1)):
        return found.group(1).rstrip(".")
    if _only_name(text):
        return text  # a headline that is just the name ("Brett Terpstra"; "ZEIT ONLINE" is a masthead)
    found = _NAME_COMMA_ROLE.match(text)
    if found and 2 <= len(found.group(1).split()) <= 4 and is_person(found.group(1)):
        return found.group(1)  # 'Avi Cohen, teacher: "One teacher can change a life"', in any script
    found = _NAME_AFTER_COLON.search(text)
    if found and 2 <= len(found.group(1).split()) <= 4 and is_name_shaped(found.group(1)):
        return found.group(1)  # '"The river taught me patience": ceramicist Iolanthe Marr'
    found = _NAME_ON.match(text)
    if found and 2 <= len(found.group(1).split()) <= 4 and is_name_shaped(found.group(1)):
        words = found.group(1).split()  # "Die Bergsteigerin Miriam Koch über ...": the group ends with the name
        return " ".join(words[-2:]) if len(words) == 4 else found.group(1)
    return ""
