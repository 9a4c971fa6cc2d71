"""The cheap checks that let slow patterns skip most paragraphs never change an answer.

Layout, tidy, checks and the legend test look for a character or word that every match
of a pattern must hold before trying the pattern, or try it only where such a hint is. These tests build text from pieces that match and nearly match
each pattern and compare the guarded answer with the pattern alone.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from qaformat.model import Kind
from qaformat.parsing import checks, labels, layout, tidy, words
from qaformat.parsing.joined import Joined
from qaformat.parsing.report import Report

_PIECES = (
    "word", "Word", " ", "  ", ". ", ", ", "? ", "! ", "; ", ":", "\n", "é", "3.5", "U.S.", "e.g.",
    "allies.this", "Iran,which", "Dr.Petrov", "example.com", "vision. it formalizes", "etc. and",
    "<p>", "</div>", "/>", '" >', "class=", "style=", "href=", "&nbsp;", "{", "}", "<!--", "<", ">",
    "Editor's note", "EDITOR’S NOTE", "Ed. note", "This interview has been ", "this Q&A was been",
    "The following conversation", "conversation has been lightly edited", "Edited for clarity",
    "edited and condensed for length", "note", "been", "EDIT", "Following", "TRANSCRIPT WAS BEEN CONDENSED",
    "Transcript was been edited", "EDITED FOR BREVITY", "Interview has been slightly condensed",
    "[R] – Reporter", " I = Interviewer,", "JM", " - ", "–", "Q:", "12:30", "(", ")", "[", "]", "Dr. ",
    "Subscribe", "COMMENTS (3)", "Read more", "Advertisement", "©", "Legend", "KEY", "=",
)
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@given(_TEXT)
def test_debris_guard(text: str) -> None:
    alone = bool(layout._DEBRIS.search(text[:400])) or bool(layout._ADVERT.match(text))
    assert layout._is_debris(text) == alone


# What an editor's note is, as one case-blind pattern; words splits it in two for speed.
_EDITOR_NOTE = re.compile(
    r"(?i)^(?:editor[’']?s\s+note|ed\.?\s+note|this (?:interview|conversation|transcript|q&a) (?:has|was)"
    r"\s+been|the following (?:interview|conversation|transcript))"
    r"|(?:interview|conversation|transcript) (?:has|was) been (?:lightly |slightly )?(?:edited|condensed)"
    r"|edited (?:and condensed )?for (?:length|clarity|brevity)"
)


@given(_TEXT)
def test_editor_note_guard(text: str) -> None:
    assert words.is_editor_note(text) == bool(_EDITOR_NOTE.search(text[:200].lstrip("[(*")))


@given(_TEXT)
def test_glued_guard(text: str) -> None:
    unguarded = [m for m in tidy._GLUED.finditer(text)
                 if not (m.group(2) == "." and m.group(3).casefold() in tidy._NOT_WORDS)]
    assert tidy._glued(text) == [(m.end(2), m.group()) for m in unguarded]


@given(_TEXT)
def test_lower_sentence_guard(text: str) -> None:
    report = Report()
    checks._check_turn(Kind.ANSWER, (text,), 1, report)
    found = [d for d in report.sorted() if d.message.startswith("sentence starts in lower case")]
    expected = [m for m in checks._LOWER_SENTENCE.finditer(text) if m.group(1) not in checks._ABBREVIATIONS]
    assert len(found) == len(expected)


@given(_TEXT)
def test_legend_guard(text: str) -> None:
    pairs = words.LEGEND_PAIR.findall(text)
    by_pairs = len(pairs) >= 2 and sum(len(c) + len(n) for c, n in pairs) >= 0.5 * len(text.replace(" ", ""))
    alone = len(text) <= words._LEGEND_MAX_CHARS and (
        words.legend_entry(text) is not None or bool(words._KEY_LINE.match(text)) or by_pairs)
    assert words.is_legend(text) == alone


@given(_TEXT)
def test_boilerplate_in_lower_case(text: str) -> None:
    case_blind = re.compile(layout._BOILERPLATE.pattern, re.IGNORECASE)
    assert layout._is_furniture(text) == (layout._is_debris(text) or bool(case_blind.search(text[:300])))



@given(st.text(alphabet=st.sampled_from(list("ab é\t\n\u00a0\u202f\u2009\u3000\x1c")), max_size=20))
def test_word_count_is_the_split(text: str) -> None:
    assert words.word_count(text) == len(text.split())


# The date patterns as they were, months alternated in the pattern; layout now matches a word
# and looks it up in a set of months, which compiles in a tenth of the time.
_MONTH = "(?:" + "|".join(sorted(set(layout._MONTHS.split()), key=len, reverse=True)) + ")"
_SHORT = "(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
_OLD_DATE = re.compile(
    rf"(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:(?:{_MONTH}|{_SHORT})\.?\s+\d{{1,2}}|\d{{1,2}}\.?\s+(?:de\s+)?{_MONTH})"
)
_OLD_DATE_ANYWHERE = re.compile(
    rf"(?i)\b(?:{_MONTH}|{_SHORT})\.?\s+\d{{1,2}}\b"
    rf"|\b\d{{1,2}}\.?\s+(?:de\s+)?{_MONTH}(?!\w)"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{4}[./]\d{1,2}[./]\d{1,2}\b"
    r"|\d{4}年\d{1,2}月\d{1,2}日|\d{4}년\s?\d{1,2}월\s?\d{1,2}일"
    r"|\b\d{1,2}:\d{2}\s*[ap]\.?m\b|\b\d{1,2}:\d{2}\s*(?:[AP]\.?M\.?)|\b\d{1,2}\s?[ap]\.m\."
)
_MONTH_WORDS = [*sorted(set(layout._MONTHS.split())), "jan", "sept", "dec", "mar"]
_DATE_PIECES = st.one_of(
    st.sampled_from(_MONTH_WORDS).flatmap(lambda m: st.sampled_from([m, m.upper(), m.title(), m[:3], m + "s", "x" + m])),
    st.sampled_from(["Monday", "friday, ", "Sunday ", "de ", "DE ", " ", "  ", ".", ". ", ",", "_", "x", "Lot", "12",
                     "3", "123", "2024", "0", ":", "30", "a.m.", "pm", "AM", "P.M.", "/", "-", "年", "月", "日",
                     "년 ", "월", "일", "\n", "é", "5th"]),
)
_DATE_TEXT = st.lists(_DATE_PIECES, max_size=10).map("".join)


@given(_DATE_TEXT)
def test_dates_found_as_the_month_alternation_found_them(text: str) -> None:
    assert layout._starts_with_date(text) == bool(_OLD_DATE.match(text))
    assert layout.has_date(text) == bool(_OLD_DATE_ANYWHERE.search(text))


def test_dates_in_words_and_figures() -> None:
    dated = ["March 14, 2025", "Monday, 3 de marzo de 2024", "le 12 mars", "15 марта 2024", "Sept. 9", "2024-03-12",
             "10:30 a.m. EDT", "2024年3月12日", "Recorded on Lot 12 March"]
    assert all(layout.has_date(text) for text in dated)
    assert not any(layout.has_date(text) for text in ["Part 3: Harbour", "Lot 12 Marches", "May we begin", "3 mayors"])
    assert layout._starts_with_date("3 mayo2024") and not layout._starts_with_date("Mayday 5")

@given(st.lists(_TEXT, max_size=6))
def test_joined_search_finds_the_texts_holding_a_hint(texts: list[str]) -> None:
    joined = Joined(texts)
    for hint in (tidy._GLUED_HINT, checks._LOWER_SENTENCE_HINT):
        assert joined.holding(hint) == {i for i, text in enumerate(texts) if hint.search(text)}
    assert joined.holding("  ") == {i for i, text in enumerate(texts) if "  " in text}


@given(st.lists(_TEXT, max_size=6))
def test_needs_tidy_passes_over_only_what_tidy_leaves(texts: list[str]) -> None:
    for text, needed in zip(texts, tidy.needs_tidy(texts), strict=True):
        report = Report()
        if not needed:
            assert tidy.tidy_text(text, 1, report, apply=True) == text
            assert not report.items


@given(st.lists(_TEXT, max_size=6))
def test_lower_sentences_looked_for_at_once(texts: list[str]) -> None:
    alone, together = Report(), Report()
    checks._check_turn(Kind.ANSWER, tuple(texts), 1, alone)
    checks._check_turn(Kind.ANSWER, tuple(texts), 1, together, None, checks._hinted(texts))
    assert alone.items == together.items


_LABEL_PIECES = ("Mr. ", "Mrs", "The ", "CHAIRMAN", "Senator", "Cassidy", "LATTA", ".", ". ", ":", " ", "\u00a0",
                 "Jane", "Roe", "’s", "-", "Dr.", "a", "Q", "x")


@given(st.lists(st.sampled_from(_LABEL_PIECES), max_size=8).map("".join))
def test_period_label_guard(text: str) -> None:
    assert labels._PERIOD_LABEL.match(text) is None or labels._may_end_in_period(text)
