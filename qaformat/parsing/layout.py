"""Stage 5, layout: find the interview's span, its title, intro and headings, and what to skip.

The span runs from the first labelled turn to the last one and the paragraphs that continue it,
plus the title and intro directly above. Going up from the first turn: a title-like line just
above it is its section's heading, then come intro paragraphs, then the title (a short,
title-like line, or a format's title or top-level heading). Going down from the last turn:
paragraphs continue it until page furniture (a call for comments, a share bar, HTML debris)
or a heading with no turn under it. A box the page sets after the first turn (its title, such
as ``Comments (34)``, ``Most read`` or ``Mehr zum Thema``, and what is under it up to the next
turn that is written or asks) is skipped, whatever a convention read into it; after the last
turn it ends the interview. Between turns, a short title-like line followed by a turn is a
heading, a stage direction alone is a note, page debris is skipped, and anything else
continues the turn above. Everything outside the span is skipped with a reason, unless the
caller keeps the whole input.
"""

from __future__ import annotations

import re

from qaformat.model import Role
from qaformat.parsing.chrome import chrome_title
from qaformat.parsing.report import Report
from qaformat.parsing.units import Layout, Para, ParaRole
from qaformat.parsing.words import is_direction_only, is_editor_note, is_legend, is_transcript_mark
from qaformat.patterns import lazy

__all__ = ["find_layout", "is_title_like"]

MAX_INTRO_PARAGRAPHS = 8
_TITLE_MAX_CHARS = 140  # no headline is longer
_QUOTE_WORDS = 14  # words of a quoted headline at most
_QUOTE_CLOSERS = {"‘": "’", "“": "”", '"': '"', "'": "'", "«": "»", "„": "“", "‚": "‘", "»": "«", "「": "」", "『": "』"}
_SMALL_WORDS = frozenset(
    "a an the and or but nor of in on at to for with from by as into vs via its is are be".split()
)
# Month names in the languages transcripts are published in, as datelines write them ("15 марта",
# "3 de marzo de 2024", "le 12 mars"): English first, with its abbreviations.
_MONTHS = ("january february march april may june july august september october november december"
           " enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre"
           " janvier février mars avril juin juillet août septembre octobre novembre décembre"
           " januar jänner februar märz juni juli oktober dezember"
           " gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre"
           " janeiro fevereiro março maio junho julho setembro outubro novembro dezembro"
           " januari februari maart mei augustus"
           " января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
           " stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia")
# A month is a word looked up in these sets, not an alternation of them in a pattern: the
# alternation made the two date patterns the slowest of the parser's to compile (3 ms of every run).
_MONTH_NAMES = frozenset(_MONTHS.split())
_SHORT_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_MONTH_PREFIXES = tuple(_MONTH_NAMES)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
# A dateline opens the line: "March 14", "Monday, March 14", "3 de marzo", "15 марта".
_DATE_START = lazy(rf"(?i)^{_WEEKDAY}(?:(?P<month>[^\W\d_]+)\.?\s+\d{{1,2}}|\d{{1,2}}\.?\s+(?:de\s+)?(?P<after>[^\W\d_]+))")
# The same anywhere in a line, the day after the month or the month after the day.
_MONTH_DAY = lazy(r"(?i)\b(?:(?P<month>[^\W\d_]+)\.?\s+\d{1,2}\b|\d{1,2}\.?\s+(?:de\s+)?(?P<after>[^\W\d_]+)(?!\w))")
# Dates and times in figures: 12/03/2024, 2024-03-12, 2024年3月12日, 2024년 3월 12일, 10:30 a.m.
_FIGURES_DATE = lazy(
    r"(?i)\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{4}[./]\d{1,2}[./]\d{1,2}\b"
    r"|\d{4}年\d{1,2}月\d{1,2}日|\d{4}년\s?\d{1,2}월\s?\d{1,2}일"  # Chinese and Japanese, Korean
    r"|\b\d{1,2}:\d{2}\s*[ap]\.?m\b|\b\d{1,2}:\d{2}\s*(?:[AP]\.?M\.?)|\b\d{1,2}\s?[ap]\.m\."
)
_BYLINE = lazy(
    r"(?i)^(?:by|posted by|written by|interview by|interviewed by|reporting by|reported by|recorded by|transcribed by"
    r"|produced by|edited by|photos? by|words by|heard on|as heard on|broadcast on|aired on|بقلم"
    r"|entrevista de|entrevista por|propos recueillis par|interview réalisée par|das (?:gespräch|interview) führten?"
    r"|(?:ein |das )?(?:interview|gespräch) von|intervista di|a cura di|беседовал[аи]?|интервью взял[аи]?"
    r"|rozmawiał[a]?|rozmawiali)[\s:]"
    # "Por Marta Iglesias", "di Giulia Conti": a short line of a preposition and a name.
    r"|(?i:^(?:por|par|von|di|door|av|af|przez)\s+)[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]+(?:\s+[\w'’.-]+){0,3}$"
    # "박민수 기자 =": a Korean paper's reporter, as the dateline signs the text.
    r"|^[가-힣]{2,4}\s*기자\s*(?:=|\S+@\S+)?$"
)
# Fixed lines of transcription-service exports (Otter's header) and transcript notices.
_SERVICE_HEADER = lazy(r"^(?:SUMMARY KEYWORDS|KEYWORDS|SPEAKERS|Transcribed by\b.*|Exported (?:from|with|by)\b.*"
                             r"|Transcri(?:ption|be[dr]?)\b.{0,60}"
                             # A speech's or a broadcast transcript's notice: "NOT CHECKED AGAINST BROADCAST".
                             r"|(?i:(?:not |please )?check(?:ed)? against (?:delivery|broadcast|transmission))\W*)$")
# "File: talk.m4a", "Durée : 00:06:48": the fields an export's header gives, in a few languages.
_FIELD_KEYS = {**dict.fromkeys(("file", "fichier", "archivo", "arquivo", "datei", "bestand"), "file"),
               **dict.fromkeys(("duration", "durée", "duración", "duração", "dauer", "duur", "length"), "duration")}
_SERVICE_FIELD = lazy(rf"(?i)^({'|'.join(_FIELD_KEYS)})\s*:\s*(\S.{{0,200}})$")
_SERVICE_KEYS = {"SUMMARY KEYWORDS": "keywords", "KEYWORDS": "keywords", "SPEAKERS": "speakers"}
_HEADER_SCAN = 40
# The fields of an archive's, a study's or a recording's header, in a few languages.
_HEADER_FIELD = lazy(
    r"(?i)^(?:interviewers?|interviewees?|narrators?|participants?|respondents?|speakers?|date|interview date"
    r"|place|location|project|study|recorded(?: by| at| on)?|recording|transcribed by|transcriber"
    r"|duration|length|file|audio|subject|topic|tape|session|language|collection|series|accession"
    r"|presenters?|reporters?|producers?|broadcast|transmission|repeat|programme number|hosts?|guests?|hosted by"
    r"|entrevistador[a]?|entrevistad[oa]|fecha|lugar|duración|proyecto|lieu|durée|projet|enquêteur|enquêtée?"
    r"|datum|ort|dauer|projekt|interviewerin|befragte[r]?|data|luogo|durata|progetto|local|duração|projeto)"
    r"\s*:\s*\S"
)
# A recording's place marker above the first turn ("Tape 1, Side A", "[Begin Tape 14, Side A]",
# "Session 2"): the archive's, like its header, not a heading of the talk.
_TAPE_MARK = lazy(r"(?i)^[\[(]?(?:begin(?:ning of)?\s+|start of\s+)?(?:tape|cassette|side|track|disc|minidisc|reel"
                  r"|session|cinta|cara|band|seite)\s+\w{1,4}(?:\s*[,;/]\s*(?:side|cara|seite)\s+\w{1,2})?[\])]?$")
# Page furniture that ends (or precedes) an interview on a scraped page.
_BOILERPLATE = lazy(  # searched in lower-cased text: a case-blind alternation scans three times slower
    r"comments? below|leave a (?:comment|reply)|post a comment|add a comment|\bcomments?\s*\(\d+\)"
    r"|join the (?:conversation|discussion)|share (?:this|your (?:views|thoughts))|share on\b"
    r"|\bsubscribe\b|sign up for|\bnewsletter\b|all rights reserved|copyright|©|akismet"
    r"|cookie|privacy policy|terms of (?:use|service)|related (?:articles|stories|posts|content|coverage)"
    r"|\bread more\b|more from\b|recommended for you|you (?:may|might) also like|^advertisement$"
    r"|^sponsored|follow us|click here to|log ?in to|sign in to|^trending|most popular|popular posts"
    r"|previous (?:article|post)|next (?:article|post)|^tags?:|posted in\b|filed under|what are your thoughts"
    r"|^related:|^see also|^more:|^also read|^watch:|^listen:|^source:|back to top|rush transcript"
    r"|return to .{0,30}(?:page|transcripts)|transcribed by|was exported on|view latest version"
    r"|to order (?:a )?(?:video|copy|tape|dvd|transcript)s? of this|comments are (?:closed|disabled)"
)
_DEBRIS = lazy(r'"\s*>|</?[a-zA-Z][\w-]*[\s>/]|/>|\bclass=|\bstyle=|\bhref=|&nbsp;|^\W*\{|\}\s*$|^<!--')
# Every debris pattern holds one of these characters. Most paragraphs have none, and looking
# for them costs a tenth of trying the pattern at every position.
_DEBRIS_HINT = ("<", ">", "=", "&", "{", "}")
# Lines a page drops into the middle of an interview.
_CUT_IN_LINK = lazy(
    r"(?i)^(?:read more|related(?: stories| articles| coverage| content| reading)?|see also|also read|more from"
    r"|recommended(?: reading)?|watch|listen|advertisement|sponsored(?: content)?|sign up|subscribe to|get our"
    r"|don[’']t miss)\b\s*(?:[:|–—»›>-]|$)"
)
_CONTACT = lazy(r"(?i)\b(?:can be (?:reached|contacted) (?:at|by|on)|is reachable at|e-?mail (?:him|her|them) at"
                      r"|follow (?:him|her|them) on (?:twitter|x|instagram|bluesky|mastodon))\b")
_EVENT = lazy(r"(?i)\badmission is free\b|\btickets (?:are|cost|start at)\b"
                    r"|\b(?:runs|is on view|opens) (?:through|until)\b|\bis open (?:daily|every|from|until|\w+days?)\b")
_PHOTO_CREDIT = lazy(r"(?i)\b(?:photo(?:graph)?s?|image|illustration|picture|credit|fotos?|fotograf[ií]a|bild"
                           r"|imagen|cr[ée]dito|photographie)\s*(?::|by\b)\s*[A-Z\w]"
                           r"|\((?:photo|image|credit):?[^)]{0,60}\)\s*$|/\s*(?:getty images|reuters|ap|afp)\b")
_MAX_CUT_IN = 300
_CUT_IN_INITIALS = frozenset("RrSsAaMmWwLlGgDd")  # the first letters of _CUT_IN_LINK's words
# A line that is only a link, as Markdown writes one ("[Waldsterben 2.0](https://...)", "- [Title](url)").
_LINK_ONLY = lazy(r"(?:[-*+•]\s+|\d{1,3}[.)]\s+)?\[[^\]]+\]\([^()\s]+\)\W*")
_CONTACT_WORDS = ("reach", "contact", "mail", "follow ")
_EVENT_WORDS = ("admission", "tickets", " through", " until", " open ")
_CREDIT = lazy(r"^[A-Z][^:.!?]{0,40}:\s|^[（(]?(?:構成|写真|撮影|取材|文|聞き手|編集)\s*[：:]")  # "（構成：... ／写真：...）"
# "Odette Vance's album is out ...", "Jane Roe is a reporter ...": about someone, not by them.
_THIRD_PERSON = lazy(r"^[A-Z][\w'’-]+ [A-Z][\w'’-]+(?:'s|’s| is | was | has | will | covers | writes )")
_THANKS = lazy(r"(?i)\bthank(?:s| you)\b")
_FILE_NAME = lazy(r"^[\w.-]+\.(?:mp3|mp4|m4a|wav|mov|docx?|txt|pdf|srt|vtt)$", re.IGNORECASE)
# A page's tools set above the text: "Download text", "Print this page", "Listen to this article".
_PAGE_TOOL = lazy(r"(?i)^(?:download|print|e-?mail|listen(?: to)?)(?: (?:this|the|as))?"
                  r"(?: (?:text|pdf|transcript|audio|page|article|debate|episode|story|full text))?\W*$")
_ADVERT = lazy(r"(?i)^(?:advertisement|ad|sponsored content|story continues below|scroll to continue"
                     r"|continue reading|\(?story continues\)?|skip advert(?:isement)?"
                     r"|publicidad|anuncio|publicidade|publicit[ée]|pubblicit[àa]|anzeige|werbung|advertentie)\W*$")


def is_title_like(text: str, max_words: int = 14, *, strict: bool = False) -> bool:
    """A short line that reads as a headline: no closing full stop, mostly capitalised or short.

    ``strict`` wants Title Case (most significant words capitalised), not a short sentence.
    """
    text = text.strip()
    if len(text) > _TITLE_MAX_CHARS:
        return False
    words = text.split()
    if not words or len(words) > max_words:
        return False
    if text[-1] in ".,;:。．，、；：" or text.endswith(("...", "…")) or not any(c.isalpha() for c in text):
        return False  # a sentence's full stop, in Latin or in Chinese and Japanese
    if text[0] in "-–—*•" or _is_meta(text):
        return False
    significant = [w for w in words if w.casefold() not in _SMALL_WORDS] or words
    capitalised = sum(1 for w in significant if _starts_upper(w))
    if capitalised >= 0.6 * len(significant) and (len(words) >= 2 or not strict):
        return True
    return not strict and _starts_upper(text) and len(words) <= 10


def _headline_at_top(text: str) -> bool:
    """The document's first line, short and with no closing full stop, is its headline even in
    sentence case and opening with a quotation (« Je compose la nuit » : entretien avec ...)."""
    words = text.split()
    return (2 <= len(words) <= 24 and len(text) <= 200 and text[-1] not in ".,;:" and not text.endswith("…")
            and _starts_upper(text) and not _is_meta(text))


def _is_meta(text: str) -> bool:
    """A byline, dateline or time line: "By Jane Doe", "March 14, 2025", "1:14 P.M. EDT"."""
    if _BYLINE.match(text) or _starts_with_date(text) or _FILE_NAME.match(text):
        return True
    if len(text.split()) <= 12 and has_date(text):
        return True
    if _is_dotted_line(text):
        return True
    letters = sum(map(str.isalpha, text))
    return letters < len(text) * 0.4 and any(map(str.isdigit, text))


def _starts_with_date(text: str) -> bool:
    """The line opens with a date: a month and the day, after a weekday or not."""
    found = _DATE_START.match(text)
    if found is None:
        return False
    if found["month"] is not None:
        return _is_month(found["month"], abbreviated=True)
    # After the day the month's name need only open the word, as the alternation it replaces matched.
    return found["after"].lower().startswith(_MONTH_PREFIXES)


def has_date(text: str) -> bool:
    """A date or a time of day anywhere in the line, in words or in figures."""
    if _FIGURES_DATE.search(text):
        return True
    # Every place the pattern could start is tried, as an alternation of the months would be:
    # a word before a number that is no month must not hide "12 March" starting inside it.
    position = 0
    while (found := _MONTH_DAY.search(text, position)) is not None:
        if found["month"] is not None and _is_month(found["month"], abbreviated=True):
            return True
        if found["after"] is not None and _is_month(found["after"], abbreviated=False):
            return True
        position = found.start() + 1
    return False


def _is_month(word: str, *, abbreviated: bool) -> bool:
    lowered = word.lower()
    return lowered in _MONTH_NAMES or (abbreviated and lowered in _SHORT_MONTHS)


def _is_dotted_line(text: str) -> bool:
    """A masthead or a credits line of short fields between middle dots or bars: "Coastal Lives ·
    Issue 48", "Published 3 June 2025 · 38 min · Transcript generated automatically"."""
    if "·" not in text and " | " not in text and "•" not in text:
        return False
    fields = [f.strip() for f in text.replace(" | ", "·").replace("•", "·").split("·")]
    return len(fields) >= 2 and all(f and len(f.split()) <= 7 and not f.endswith((".", "?", "!")) for f in fields)


def _starts_upper(word: str) -> bool:
    for char in word:
        if char.isalpha():
            return char.isupper() or char.lower() == char.upper()
    return False


def _is_separator(text: str) -> bool:
    return not any(map(str.isalnum, text))


def _is_debris(text: str) -> bool:
    head = text[:400]
    return (any(map(head.__contains__, _DEBRIS_HINT)) and _DEBRIS.search(head) is not None) or _ADVERT.match(text) is not None


def _is_furniture(text: str) -> bool:
    return _is_debris(text) or bool(_BOILERPLATE.search(text[:300].lower()))


def _is_heading_hint(para: Para) -> bool:
    block = para.block
    return bool(block.heading) or (block.bold_prefix > 0 and block.bold_prefix >= len(block.text))


def _is_title_hint(para: Para, level_one_is_title: bool = True) -> bool:
    """The format marks a title: a Title style, or a top-level heading where nothing is styled
    as the title (Markdown's ``#``; a Word file with a Title uses Heading 1 for sections)."""
    return para.block.title or (level_one_is_title and para.block.heading == 1)


def find_layout(paras: list[Para], *, names: tuple[str, ...] = (), whole: bool, report: Report) -> Layout:
    """Decide the role of every paragraph (see the module text).

    Requires at least one paragraph with a speaker.
    """
    labelled = next(i for i, p in enumerate(paras) if p.speaker is not None)
    first = _quoted_headline(paras, labelled)
    _skip_boxes(paras, first, whole)
    turns = [i for i, p in enumerate(paras) if p.speaker is not None and p.role is None]
    last = turns[-1]
    title_index = _lay_out_top(paras, first, whole, report)
    if first != labelled and paras[labelled].role in (ParaRole.HEADING, ParaRole.INTRO, None) and (
            title_index is None or all(p.role is ParaRole.TITLE for p in paras[title_index:labelled])):
        # The quoted headline is the title, or its second line right under a title above it.
        paras[labelled].role = ParaRole.TITLE
        title_index = labelled if title_index is None else title_index
    end = _lay_out_bottom(paras, last, names, whole, report)
    for index in range(first, end):
        para = paras[index]
        if para.role is None:
            para.role, para.reason = _inside(paras, index)
            if whole and para.role is ParaRole.SKIPPED:
                para.role = ParaRole.NOTE
    if any(p.role is ParaRole.HEADING for p in paras):
        # Where the text has headings, a short sentence-case line before a turn is one too.
        for index in range(first, end):
            text = paras[index].text
            if paras[index].role is ParaRole.CONTINUATION and (_short_enough(text) or text.endswith("?")) and (
                    _heading_slot(paras, index) and not is_direction_only(text) and _heading_shaped(text)):
                paras[index].role = ParaRole.HEADING
    title = None
    if title_index is not None:
        # A title printed on several lines (a hearing's) is one title.
        end = next((i for i in range(title_index + 1, len(paras)) if paras[i].role is not ParaRole.TITLE), len(paras))
        title = " ".join(p.text for p in paras[title_index:end])
    return Layout(tuple(paras), title, _service_metadata(paras, first))


def _quoted_headline(paras: list[Para], first: int) -> int:
    """``Fiona MacRae: ‘The lens was the miracle’`` above an interview: a press headline that
    quotes the interviewee, not her first turn. Told by its shape (a short line wholly in
    quotation marks, which no other turn is) and its place (the first label, a turn of someone
    else's after it: the interview opens with a question). Returns the first turn's index."""
    para = paras[first]
    text = para.text.strip()
    following = next((i for i in range(first + 1, len(paras)) if paras[i].speaker is not None), None)
    if (following is None or para.first_line != para.last_line or len(text.split()) > _QUOTE_WORDS
            or not _wholly_quoted(text) or paras[following].speaker == para.speaker
            or any(_wholly_quoted(p.text.strip()) for p in paras[following:] if p.speaker is not None)):
        return first
    para.label = para.speaker = None
    para.text = para.block.text.strip()
    return following


def _wholly_quoted(text: str) -> bool:
    return len(text) > 2 and text[0] in _QUOTE_CLOSERS and text[-1] == _QUOTE_CLOSERS[text[0]] and (
        text[0] not in text[1:-1] or text[0] in "‘'")


def _short_enough(text: str) -> bool:
    """The first test `is_title_like` makes. Most paragraphs between turns are answers too long
    to be a heading: they are told at once, before what follows them is looked at (a short line's
    words cost more to weigh than that look, so for it the look comes first)."""
    return len(text.strip()) <= _TITLE_MAX_CHARS


def _heading_shaped(text: str) -> bool:
    """A line that may head a section where the text has headings: title-like and asking
    nothing, or a question of three to eight words ("Admiral?" hands over the floor; it heads
    nothing)."""
    asks = text.endswith("?")
    return (is_title_like(text) and not asks) or (asks and 3 <= len(text.split()) <= 8)


def _skip_boxes(paras: list[Para], first: int, whole: bool) -> None:
    """Leave out the boxes a page sets after the first turn: a box's title (`chrome_title`) and
    what follows it, up to the next heading or the next turn that is written in the text or
    asks. An answer a convention implied under the title (the text under a heading after a
    bold question) is the box's, not the interviewee's."""
    boxed: list[int] = []
    index = first + 1
    while index < len(paras):
        para = paras[index]
        reason = chrome_title(para.text) if para.speaker is None and para.label is None else ""
        if not reason:
            index += 1
            continue
        boxed.append(index)
        para.role, para.reason = ParaRole.SKIPPED, reason
        index += 1
        while index < len(paras):
            inner = paras[index]
            # A label inside a paywall's box ("Frage: Schon Abonnent? Hier anmelden.") is the box's.
            if (inner.speaker is not None and not _implied_answer(inner) and chrome_title(inner.text) != reason) or (
                    inner.speaker is None and _is_heading_hint(inner)) or (para.block.quote and not inner.block.quote):
                break  # a quoted box ("> Mehr zum Thema") ends with the quote
            boxed.append(index)
            inner.role, inner.reason = ParaRole.SKIPPED, reason
            index += 1
    if whole:
        for position in boxed:
            paras[position].role, paras[position].reason = ParaRole.NOTE, ""


def _implied_answer(para: Para) -> bool:
    """A turn a convention implied, whose speaker no text names: an unlabelled answer."""
    label = para.label
    return (label is not None and label.explicit and para.block.speaker is None and label.role_word is not None
            and label.role_word.role is Role.INTERVIEWEE and label.rest == para.block.text)


def _lay_out_top(paras: list[Para], first: int, whole: bool, report: Report) -> int | None:
    level_one = not any(p.block.title for p in paras[:first])
    index = first - 1
    intro: list[int] = []
    title: int | None = None
    heading: int | None = None
    while index >= 0 and paras[index].label is None:
        aside = _page_aside(paras[index].text)
        if aside:
            paras[index].role, paras[index].reason = ParaRole.SKIPPED, aside
        elif _is_notelike(paras[index], editorial=False):
            paras[index].role = ParaRole.NOTE
        else:
            break
        index -= 1
    if index >= 0 and paras[index].label is None and not _is_service_header(paras, index) and not (
            is_legend(paras[index].text)) and not _TAPE_MARK.match(paras[index].text) and not (
            _export_mark(paras, index)) and not (paras[index].block.heading is None and _HEADER_FIELD.match(paras[index].text)):
        candidate = paras[index]
        if (_is_heading_hint(candidate) and not _is_title_hint(candidate, level_one)) or (
            not _is_title_hint(candidate, level_one) and is_title_like(candidate.text)
            and not _is_furniture(candidate.text)
        ):
            heading = index
            index -= 1
    while index >= 0:
        para = paras[index]
        if _export_mark(paras, index):
            # A meeting service's export: its summary and action items stand above the
            # "Transcript" line; only a title the format marks is kept.
            title = next((i for i in range(index) if _is_title_hint(paras[i], level_one)), None)
            for position in range(index + 1):
                if position != title:
                    paras[position].role, paras[position].reason = ParaRole.SKIPPED, "summary above the transcript"
            break
        if (_is_meta(para.text) or _is_service_header(paras, index) or is_legend(para.text) or _is_clock_line(para)
                or _TAPE_MARK.match(para.text)):
            # Bylines, datelines and export headers sit between title and interview: leave out.
            para.role, para.reason = ParaRole.SKIPPED, "byline, dateline or header"
            index -= 1
            continue
        aside = _page_aside(para.text)
        if aside:
            para.role, para.reason = ParaRole.SKIPPED, aside
            index -= 1
            continue
        if _is_separator(para.text) and para.label is None:
            title = _title_page(paras, index)
            if title is not None:
                _mark_title_page(paras, title, index)
            elif index and _HEADER_FIELD.match(paras[index - 1].text):
                # A rule under an archive's header ("Narrator: ..." / "Date: ..." / "---"): the
                # title may stand above the header.
                para.role, para.reason = ParaRole.SKIPPED, "byline, dateline or header"
                index -= 1
                continue
            break
        if para.label is not None or _is_furniture(para.text):
            break
        if (not para.block.gap_before and index and _is_meta(paras[index - 1].text)) or _HEADER_FIELD.match(para.text) or (
                index + 1 < first and not paras[index + 1].block.gap_before and _HEADER_FIELD.match(paras[index + 1].text)):
            # A header's field ("Interviewer: Fern Halloway"), and the lines set with it.
            para.role, para.reason = ParaRole.SKIPPED, "byline, dateline or header"
            index -= 1
            continue
        if _is_title_hint(para, level_one):
            title = index
            break
        if (_is_heading_hint(para) or is_title_like(para.text, max_words=20)) and not _hint_above(paras, index, level_one):
            title = index
            break
        if index == 0 and _headline_at_top(para.text):
            title = index
            break
        if len(intro) >= MAX_INTRO_PARAGRAPHS:
            break
        intro.append(index)
        index -= 1
    if title is None and heading is not None and not intro and not (paras[heading].block.heading or 0) >= 2:
        title, heading = heading, None  # a "## " heading marks a section even at the top
    if heading is not None:
        paras[heading].role = ParaRole.HEADING
    for position in intro:
        paras[position].role = ParaRole.INTRO
    if title is not None:
        paras[title].role = ParaRole.TITLE
    top = min([i for i in (title, heading, *intro) if i is not None], default=first)
    for position in range(first):
        para = paras[position]
        if whole and para.role is ParaRole.SKIPPED:
            para.role = ParaRole.INTRO
        if position >= top or para.role is not None:
            continue
        if whole:
            para.role = ParaRole.INTRO
        else:
            para.role, para.reason = ParaRole.SKIPPED, "before the interview"
    return title


def _service_metadata(paras: list[Para], first: int) -> dict[str, str]:
    """``SUMMARY KEYWORDS`` / ``SPEAKERS`` and the line under each, as an export's header has them."""
    found: dict[str, str] = {}
    for index in range(min(first, _HEADER_SCAN)):
        key = paras[index].text
        field = _SERVICE_FIELD.match(key)
        if field is not None:
            found.setdefault(_FIELD_KEYS[field.group(1).casefold()], field.group(2).strip())
        elif key in _SERVICE_KEYS and index + 1 < first and not paras[index + 1].block.gap_before:
            found[_SERVICE_KEYS[key]] = paras[index + 1].text
    return found


def _hint_above(paras: list[Para], index: int, level_one: bool) -> bool:
    """The format marks a title a little higher up (a page's ``<h1>`` above a dateline and a
    room name): that is the headline, not this short line."""
    for position in range(index - 1, max(-1, index - 1 - MAX_INTRO_PARAGRAPHS), -1):
        para = paras[position]
        if para.label is not None:
            return False
        if _is_title_hint(para, level_one):
            return True
    return False


def _lay_out_bottom(paras: list[Para], last: int, names: tuple[str, ...], whole: bool, report: Report) -> int:
    """Mark what follows the last turn; returns the index where the span ends (exclusive).

    The last turn goes on until page furniture, a credit line (``Photos: ...``), a dateline,
    a separator, an author's bio (``Jane Roe is a ...``), a contact line or an event listing,
    a heading, the end of the list whose item it is, or the end of the table whose speaker
    column named it; after a closing thanks nothing but notes continues it.
    """
    closed = _is_closing(paras[last].text)
    named = paras[last].block.speaker is not None
    bios = tuple(n.casefold() for n in names if len(n.split()) >= 2)
    index = last + 1
    while index < len(paras):
        para = paras[index]
        if para.role is not None:
            break  # a box the page set after the interview
        if named and para.block.speaker is None and para.block.time is None:
            break  # the format named the speaker of every line (a table's column): a line it does not name is after
        text = para.text
        if _is_clock_line(para):
            para.role = ParaRole.CONTINUATION  # the last name's time ("Name / 00:04:43 / text")
            index += 1
            continue
        aside = is_direction_only(text) or is_editor_note(text) or _is_bracketed(text)
        # A caption cue is heard in the recording: never after the interview, even after the thanks.
        cue = para.block.time is not None
        # A bracketed aside is the transcriber's, even with a time of day in it ("(Whereupon, at
        # 10:41 a.m., the hearing was adjourned.)"): not a dateline.
        if not cue and (_is_furniture(text) or _is_heading_hint(para) or _is_separator(text) or (
                _is_meta(text) and not _is_bracketed(text))):
            break
        if not cue and (_CREDIT.match(text) or _THIRD_PERSON.match(text) or text.casefold().startswith(bios)
                        or _cut_in(text)):
            break
        if closed and not aside and not cue:
            break
        if paras[last].block.list_item and not para.block.list_item:
            break  # the turns were a list's items, and the list has ended
        if para.label is not None and para.label.continues:
            para.role = ParaRole.CONTINUATION
        elif aside and (closed or is_direction_only(text) or is_editor_note(text)):
            para.role = ParaRole.NOTE
        elif para.block.italic and not cue:
            break  # an italic line after the interview: the author's bio, a credit
        elif is_title_like(text, max_words=10, strict=True) and not text.endswith(("?", "!")) and not cue:
            break
        else:
            para.role = ParaRole.CONTINUATION
        index += 1
    end = index
    for position in range(end, len(paras)):
        para = paras[position]
        if whole:
            para.role = ParaRole.NOTE
        else:  # a box the page set there too: the interview ended above it
            para.role, para.reason = ParaRole.SKIPPED, "after the interview"
    return end


def _is_closing(text: str) -> bool:
    return len(text.split()) <= 40 and bool(_THANKS.search(text)) and "?" not in text


def _inside(paras: list[Para], index: int) -> tuple[ParaRole, str]:
    para = paras[index]
    if para.speaker is not None:
        return ParaRole.TURN, ""
    if para.label is not None:  # a bare time continuing the turn
        return ParaRole.CONTINUATION, ""
    text = para.text
    following = paras[index + 1] if index + 1 < len(paras) else None
    if _is_separator(text):
        return ParaRole.SKIPPED, "separator line"
    if _is_debris(text):
        return ParaRole.SKIPPED, "page debris"
    if is_legend(text):
        return ParaRole.SKIPPED, "speaker legend"
    cut_in = _cut_in(text)
    if cut_in:
        return ParaRole.SKIPPED, cut_in
    if _is_heading_hint(para):
        return ParaRole.HEADING, ""
    if _is_notelike(para):
        ends_turn = following is None or following.speaker is not None or _is_heading_hint(following) or (
            _is_notelike(following))
        if following is not None and following.speaker is not None and is_direction_only(text) and (
                following.speaker == _speaker_before(paras, index)):
            return ParaRole.CONTINUATION, ""  # "(APPLAUSE)" between two paragraphs of one speaker
        italic_aside = para.block.italic and not is_direction_only(text)
        if italic_aside or is_editor_note(text) or ends_turn:
            return ParaRole.NOTE, ""
        return ParaRole.CONTINUATION, ""
    if _short_enough(text) and _heading_slot(paras, index) and is_title_like(text, strict=True) and not (
            text.endswith("?") and len(text.split()) <= 2):  # "Mr. Secretary?" hands over the floor
        return ParaRole.HEADING, ""
    return ParaRole.CONTINUATION, ""


def _is_bracketed(text: str) -> bool:
    """``(Whereupon, at 10:41 a.m., the hearing was adjourned.)``: a transcriber's note in brackets."""
    return len(text) < _MAX_CUT_IN and text[:1] in "([" and text[-1:] in ")]"


def _page_aside(text: str) -> str:
    """What a page set among the text is, or ``""``: an ``Advertisement`` line, a photo caption
    or credit, a tool such as ``Download text``."""
    if len(text) >= 300:
        return ""
    if _ADVERT.match(text) or _PHOTO_CREDIT.search(text):
        return "advertisement or photo caption"
    return "page tools" if _PAGE_TOOL.match(text) else ""


def _is_clock_line(para: Para) -> bool:
    """A time alone above the first turn (``10:12:00``, where a page shows when the debate
    started): a bare time continues a turn, and there is none yet to continue."""
    return para.label is not None and para.label.continues and not para.text


def _title_page(paras: list[Para], rule: int) -> int | None:
    """The title above a hearing's title page, as the Government Publishing Office prints one:
    centred lines in capitals between rule lines (``HEARING`` / ``BEFORE THE`` / the committee /
    the date) under the hearing's title, which stands in capitals above the first rule. ``rule``
    is the rule closest to the first turn; returns the title's index, or ``None`` when what is
    above it is not such a page (a rule under a headline, a box between two rules)."""
    position = rule - 1
    while position >= 0 and paras[position].label is None and paras[position].role is None and (
            _is_separator(paras[position].text) or _in_capitals(paras[position].text)):
        position -= 1
    rules = [i for i in range(position + 2, rule) if _is_separator(paras[i].text)]
    if not rules:
        return None
    title, page = rules[0] - 1, [i for i in range(rules[0] + 1, rule) if not _is_separator(paras[i].text)]
    # A long title is centred on two or three lines, one under the other.
    while title - 1 > position and not paras[title].block.gap_before and not _is_separator(paras[title - 1].text):
        title -= 1
    text = " ".join(p.text for p in paras[title : rules[0]])
    if _is_separator(paras[title].text) or _is_meta(text) or not is_title_like(text, 30):
        return None
    dated = any(has_date(paras[i].text) for i in page)
    return title if dated and len(page) >= 2 else None


def _mark_title_page(paras: list[Para], title: int, rule: int) -> None:
    """The title's lines down to the first rule are the title; the page under it is left out."""
    position = title
    while not _is_separator(paras[position].text):
        paras[position].role = ParaRole.TITLE
        position += 1
    for index in range(position, rule + 1):
        paras[index].role, paras[index].reason = ParaRole.SKIPPED, "title page: committee, date, rules"


def _in_capitals(text: str) -> bool:
    return any(c.isupper() for c in text) and not any(c.islower() for c in text)


def _cut_in(text: str) -> str:
    """Why a line inside the interview is the page's, not a speaker's (``READ MORE: ...``, a
    contact line, an event listing), or ``""``."""
    if len(text) > _MAX_CUT_IN:
        return ""
    if (text[:1] in _CUT_IN_INITIALS and _CUT_IN_LINK.match(text)) or ("](" in text and _LINK_ONLY.fullmatch(text)):
        return "link to other content"
    # Each pattern needs one of a few words; looking for those first spares most paragraphs the scan
    # (mapped, not in a generator: these looks run for every paragraph between turns).
    lowered = text.lower()
    if any(map(lowered.__contains__, _CONTACT_WORDS)) and _CONTACT.search(text):
        return "contact line"
    if any(map(lowered.__contains__, _EVENT_WORDS)) and _EVENT.search(text) and has_date(text):
        return "event listing"
    return ""


def _speaker_before(paras: list[Para], index: int) -> str | None:
    """The speaker of the turn a paragraph follows (looking past a few notes)."""
    for position in range(index - 1, max(-1, index - 6), -1):
        if paras[position].speaker is not None:
            return paras[position].speaker
    return None


_BULLET = lazy(r"^[-*•]\s")


def _export_mark(paras: list[Para], index: int) -> bool:
    """A plain ``Transcript`` line under an export's summary, its action items or chapters a
    list (a page's ``<h2>Transcript</h2>`` or a table's caption heads the turns as any
    heading does)."""
    para = paras[index]
    return (para.label is None and not para.block.heading and is_transcript_mark(para.text)
            and any(p.block.list_item or _BULLET.match(p.text) for p in paras[:index]))


def _is_service_header(paras: list[Para], index: int) -> bool:
    if _SERVICE_HEADER.match(paras[index].text) or _SERVICE_FIELD.match(paras[index].text):
        return True
    return index > 0 and not paras[index].block.gap_before and bool(_SERVICE_HEADER.match(paras[index - 1].text))


def _is_notelike(para: Para, *, editorial: bool = True) -> bool:
    """Text with no speaker that stands apart: a bracketed aside, a direction, an editor's note
    (unless ``editorial`` is false: above the first turn it belongs to the intro), an
    attribution line such as a deposition's "BY MR. HARLAN:"."""
    text = para.text
    if para.speaker is not None or (para.label is not None and para.label.continues):
        return False
    if editorial and (para.block.italic or is_editor_note(text)):
        return True
    if is_direction_only(text):
        return True
    if text[:1] in "([" and text[-1:] in ")]" and len(text) < 600:
        return True
    return text.endswith(":") and len(text.split()) <= 6 and text.upper() == text


def _heading_slot(paras: list[Para], index: int) -> bool:
    """A turn follows (perhaps after notes), and the paragraph is not the text of a name on
    its own line."""
    position = index + 1
    while position < len(paras) and _is_notelike(paras[position]):
        position += 1
    following = paras[position] if position < len(paras) else None
    previous = paras[index - 1] if index else None
    if following is None or following.speaker is None or paras[index].label is not None:
        return False
    return not (previous is not None and previous.label is not None and not previous.text)
