"""Properties of the parser over any input: it parses or raises our own error, loses no text,
treats CRLF like LF, and its JSON round-trips."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings

import qaformat
from qaformat.parsing.normalize import normalize_text
from qaformat.readers.decode import split_lines
from tests.strategies import any_bytes, any_text, transcript_lines

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(data: str | bytes, **options: bool) -> qaformat.Transcript | None:
    try:
        return qaformat.parse(data, options=qaformat.ParseOptions(**options))
    except qaformat.QAFormatError:
        return None


@SETTINGS
@given(any_text)
def test_text_parses_or_raises_our_error(text: str) -> None:
    _parse(text)


@SETTINGS
@given(any_bytes)
def test_bytes_parse_or_raise_our_error(data: bytes) -> None:
    _parse(data)


_MARKUP = re.compile(r"^(?:>\s*)*#{0,6}\s*|\*\*|__")


def _pieces(line: str) -> list[str]:
    """The words of a source line as they must appear somewhere in the output."""
    text = normalize_text(_MARKUP.sub("", line.strip())).replace("**", "")
    return [w.strip("*_:：") for w in text.split() if w.strip("*_:：")]


@SETTINGS
@given(transcript_lines())
def test_no_line_is_lost(text: str) -> None:
    transcript = _parse(text)
    if transcript is None:
        return
    kept = [transcript.title or "", *transcript.intro]
    for section in transcript.sections:
        kept.append(section.heading or "")
        for turn in section.turns:
            kept.extend(turn.paragraphs)
    for speaker in transcript.speakers:
        kept.extend(speaker.aliases)
    haystack = "\n".join(kept)
    skipped = {n for s in transcript.skipped for n in range(s.first_line, s.last_line + 1)}
    for number, line in enumerate(split_lines(text), start=1):
        if not line.strip() or number in skipped:
            continue
        for piece in _pieces(line):
            if re.fullmatch(r"[\[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}[\])]?", piece):
                continue  # times become timestamps
            assert piece in haystack, f"line {number} {line!r}: {piece!r} is lost"


@SETTINGS
@given(transcript_lines())
def test_crlf_parses_like_lf(text: str) -> None:
    lf = _parse(text.replace("\r\n", "\n").replace("\r", "\n"))
    crlf = _parse(text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n"))
    assert lf == crlf


@SETTINGS
@given(transcript_lines())
def test_json_round_trips(text: str) -> None:
    transcript = _parse(text)
    if transcript is None:
        return
    first = qaformat.render(transcript, "json")
    again = qaformat.load_json(first)
    assert again == transcript
    assert qaformat.render(again, "json") == first


@SETTINGS
@given(any_text)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_every_renderer_accepts_every_parse(text: str) -> None:
    import io

    import docx
    from lxml import html

    transcript = _parse(text)
    if transcript is None:
        return
    for name in ("html", "md", "json"):
        assert isinstance(qaformat.render(transcript, name), str)
    fragment = html.fragment_fromstring(qaformat.render(transcript, "html"))
    assert fragment.get("class") == "qa-interview"
    assert not fragment.xpath(".//script")
    document = docx.Document(io.BytesIO(qaformat.render(transcript, "docx")))  # type: ignore[arg-type]
    assert len(document.paragraphs) >= sum(1 for _ in transcript.turns())
