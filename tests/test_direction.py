"""Text direction, shared by the HTML and DOCX renderers: agrees with the Unicode bidi classes."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from qaformat.renderers.direction import right_to_left

# Letters from left-to-right and right-to-left scripts, plus what is neither (digits, marks,
# punctuation, spaces), so that every mix of the two directions comes up.
_ALPHABET = st.sampled_from(
    "abcXYZéßøЖжΩλअक中日"  # left to right
    "אבגשתابتثجحܐܒހށߊߋ"  # Hebrew, Arabic, Syriac, Thaana, NKo: right to left
    "0123456789٠١٢ ,.!?:;()-\u064e\u0651\n"  # neither: digits, punctuation, Arabic vowel marks
    "\U0001d400\U00020000"  # past U+FFFF, left to right: a mathematical letter, a CJK ideograph
    "\U00010900\U0001e900"  # past U+FFFF, right to left: Phoenician, Adlam
    "\U0001f600\ud800"  # neither: an emoji, a lone surrogate
)


def _by_bidi_classes(text: str) -> bool | None:
    rtl = sum(1 for c in text if c.isalpha() and unicodedata.bidirectional(c) in ("R", "AL"))
    ltr = sum(1 for c in text if c.isalpha() and unicodedata.bidirectional(c) == "L")
    return None if rtl == ltr == 0 else rtl > ltr


@given(st.text(_ALPHABET, max_size=60))
def test_agrees_with_the_unicode_bidi_classes(text: str) -> None:
    assert right_to_left(text) == _by_bidi_classes(text)


def test_plain_cases() -> None:
    assert right_to_left("Hello, world") is False
    assert right_to_left("مرحبا بالعالم, hi") is True
    assert right_to_left("שלום עולם") is True
    assert right_to_left("Call me at 10:30!") is False
    assert right_to_left("12:30 — 4") is None
    assert right_to_left("") is None
