"""What WebVTT and SubRip (SRT) captions share: cues, their times, their text markup.

A caption file is a list of cues separated by blank lines; a cue is an optional identifier
line, a ``start --> end`` timing line and text lines. This module finds the cues (tolerating
missing or wrong cue numbers, missing blank lines and garbage), reads their start times, strips
the inline markup a format allows, and splits a cue's text where the format marks a change of
speaker (a WebVTT voice, a ``-`` dialogue dash, a broadcast ``>>``). Each piece becomes a `Block` with the cue's
start and end times and the source line of its text. What cannot be read is skipped, kept in
``omitted`` and reported as ``caption-cue-skipped``. ``vtt`` and ``srt`` hold what is their
own (the WebVTT header, NOTE blocks, which tags exist). Imports only `blocks`, `errors` and the
shared decoding; knows nothing about interviews. Every scan is linear in the input.
"""

from __future__ import annotations

import html.entities
import re
from collections.abc import Mapping, Sequence

import attrs

from qaformat.blocks import Block, Document, Omitted
from qaformat.errors import Diagnostic, InputError, Severity
from qaformat.patterns import lazy
from qaformat.readers.decode import decode, split_lines

__all__ = [
    "SKIPPED_CODE",
    "CaptionFormat",
    "Line",
    "Markup",
    "Voice",
    "decode_entities",
    "decode_lines",
    "dialogue_rest",
    "parse_timestamp",
    "read_captions",
    "sniff",
]

SKIPPED_CODE = "caption-cue-skipped"
"""The diagnostic code of every cue (or stray text) a caption reader could not read."""

MAX_SKIP_WARNINGS = 100
"""Warnings beyond this many are summed up in one, so a garbage file cannot flood a report."""

_ARROW = "-->"
_SHOWN = 40  # characters of a bad line quoted in a message: a line can be megabytes long

Line = tuple[int, str]
"""A source line: its 1-based number and its text."""


# ---------------------------------------------------------------------------------------------
# Times


def parse_timestamp(text: str) -> float | None:
    """Seconds for ``hh:mm:ss.ttt``, ``mm:ss.ttt`` or ``hh:mm:ss,ttt`` (SRT); ``None`` if unreadable.

    Lenient where real files are: one-digit fields, any number of fraction digits, a comma or
    a dot before the fraction, no fraction at all.
    """
    parts = text.strip().split(":", 3)
    if len(parts) == 3:
        hours, minutes, rest = parts
        if not _digits(hours, 5) or not _digits(minutes, 2) or int(minutes) > 59:
            return None
        base = int(hours) * 3600 + int(minutes) * 60
    elif len(parts) == 2:
        minutes, rest = parts
        if not _digits(minutes, 4):
            return None
        base = int(minutes) * 60
    else:
        return None
    whole, _, fraction = rest.replace(",", ".", 1).partition(".")
    if not _digits(whole, 2) or int(whole) > 59 or (fraction and not _digits(fraction, 9)):
        return None
    value = base + int(whole)
    if fraction:
        value += int(fraction) / 10 ** len(fraction)
    return float(value)


def _digits(text: str, most: int) -> bool:
    # isascii(): str.isdigit() also accepts "²" and other digits int() refuses.
    return 0 < len(text) <= most and text.isascii() and text.isdigit()


def _start_time(timing: str) -> float | None:
    """The start time of a ``start --> end [settings]`` line."""
    start, arrow, _ = timing.partition(_ARROW)
    return parse_timestamp(start) if arrow else None


def _end_time(timing: str) -> float | None:
    """The end time of a ``start --> end [settings]`` line; ``None`` if unreadable (the cue is
    still read: only the pause after it is unknown)."""
    _, arrow, rest = timing.partition(_ARROW)
    words = rest.split(None, 1)
    return parse_timestamp(words[0]) if arrow and words else None


def _is_number(text: str) -> bool:
    return _digits(text.strip(), 9)


# ---------------------------------------------------------------------------------------------
# Inline markup


@attrs.frozen
class Voice:
    """A WebVTT voice span starts (``<v Ann>``, ``name`` set) or ends (``</v>``, ``name`` None)."""

    name: str | None


Token = str | Voice


@attrs.frozen
class Markup:
    """The inline markup a caption format allows in cue text."""

    tags: frozenset[str] | None
    """Tag names removed (lower case); ``None``: every tag, as WebVTT defines (``<00:01.000>`` too)."""
    voices: bool = False
    """``<v Name>`` names the speaker (WebVTT)."""
    ruby: bool = False
    """``<rt>`` annotations are kept in brackets after their base text (WebVTT)."""
    overrides: bool = False
    """``{\\an8}``-style SubStation Alpha codes are removed (SRT files carry them)."""


_ENTITY = lazy(r"&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")


def decode_entities(text: str) -> str:
    """Decode HTML character references (``&amp;``, ``&nbsp;``, ``&lrm;``, ``&#233;``).

    Only references closed by ``;`` count: ``AT&T`` and ``&copy`` stay as written.
    """
    if "&" not in text:
        return text
    return _ENTITY.sub(_entity, text)


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name[0] != "#":
        return html.entities.html5.get(name + ";", match.group())
    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return chr(code)


# A tag is "<" ... ">" with no "<" inside; SubStation Alpha codes are "{\\" ... "}". Each failed
# attempt stops at the next "<" (or "{"), so a line full of them is still scanned in linear time.
_TAG = lazy(r"<([^<>]*)>")
_TAG_OR_CODE = lazy(r"<([^<>]*)>|\{\\[^{}]*\}")
_NAME_END = lazy(r"[\s.]")  # a tag's name ends at its classes or its annotation
_SPACE = lazy(r"\s")


class _Scanner:
    """Splits one cue's text lines into text and voice tokens, removing the other markup."""

    def __init__(self, markup: Markup) -> None:
        self._markup = markup
        self._pattern = _TAG_OR_CODE if markup.overrides else _TAG
        self._in_ruby_text = False  # an <rt> can span lines

    def tokens(self, line: str) -> list[Token]:
        if "<" not in line and "{" not in line:
            return [decode_entities(line)]  # most caption lines: no markup to look for
        out: list[Token] = []
        text_from = 0
        for match in self._pattern.finditer(line):
            token = self._markup_token(match)
            if token is None:
                continue  # not markup in this format: it stays in the text
            if match.start() > text_from:
                out.append(decode_entities(line[text_from : match.start()]))
            if token:
                out.append(token)
            text_from = match.end()
        if text_from < len(line):
            out.append(decode_entities(line[text_from:]))
        return out

    def _markup_token(self, match: re.Match[str]) -> Token | None:
        content = match.group(1)
        if content is None:
            return ""  # a position code such as {\an8}
        first = content[:1]
        if not (first.isalnum() or first == "/"):
            return None  # "a <= b", "<3"-like text, "< b >"
        return self._tag_token(content)

    def _tag_token(self, content: str) -> Token | None:
        """What a tag stands for: a voice, a bracket for ruby text, nothing (``""``), or
        ``None`` when this format has no such tag (then it is text)."""
        closing = content.startswith("/")
        body = content[1:].strip() if closing else content
        end = _NAME_END.search(body)
        name_end = end.start() if end else len(body)
        name = body[:name_end].lower()
        known = self._markup.tags
        if known is not None and name not in known:
            return None
        if self._markup.voices and name == "v":
            return Voice(None) if closing else Voice(_annotation(body, name_end) or None)
        if self._markup.ruby and (name == "rt" or (name == "ruby" and closing)):
            return self._ruby(opening=name == "rt" and not closing)
        return ""

    def _ruby(self, *, opening: bool) -> str:
        # <ruby>漢<rt>kan</rt></ruby> reads "漢(kan)": the reading is kept, not run into the base.
        if opening == self._in_ruby_text:
            return ""
        self._in_ruby_text = opening
        return "(" if opening else ")"


def _annotation(body: str, name_end: int) -> str:
    """The text after a tag's name and classes: ``v.loud Mary Smith`` -> ``Mary Smith``."""
    rest = body[name_end:]
    space = _SPACE.search(rest)
    return " ".join(decode_entities(rest[space.start() :]).split()) if space else ""


def dialogue_rest(text: str) -> str | None:
    """The text after a dialogue dash that opens a caption line (``- Why?``), else ``None``.

    A hyphen with a space or a letter after it counts (``-Why?`` too); an en or em dash needs the
    space. ``--``, ``-5`` and a dash inside the line are text. Broadcast captions mark a change
    of speaker with ``>>`` the same way (``>>>`` is a change of story, and stays text).
    """
    stripped = text.lstrip()
    if stripped[:2] == ">>" and stripped[2:3] != ">":
        return stripped[2:].lstrip()
    mark, after = stripped[:1], stripped[1:2]
    if mark == "-" and (after == "" or after.isspace() or (after != "-" and not after.isdigit())):
        return stripped[1:].lstrip()
    if mark and mark in "–—" and after.isspace():
        return stripped[1:].lstrip()
    return None


# ---------------------------------------------------------------------------------------------
# Cue text -> segments (one per speaker change)


@attrs.frozen
class _Segment:
    text: str
    line: int
    speaker: str | None
    dashed: bool = False
    """A dialogue dash opened it: a change of speaker the cue does not name."""


@attrs.define
class _Open:
    line: int
    speaker: str | None
    lines: list[list[str]]
    dashed: bool = False


class _Segments:
    """Collects a cue's text into segments: a voice or a dialogue dash starts a new one."""

    def __init__(self) -> None:
        self.done: list[_Segment] = []
        self._voice: str | None = None
        self._open: _Open | None = None
        self._pending = True  # the next visible text starts a segment
        self._dashed = False  # ... after a dialogue dash

    def voice(self, name: str | None) -> None:
        # </v> ends the span but signals no new speaker: text after it stays where it is.
        if name is not None and (self._open is None or self._open.speaker != name):
            self._pending = True
        self._voice = name

    def split(self) -> None:
        """A dialogue dash: the next text is another speaker's."""
        self._pending = True
        self._dashed = True

    def text(self, piece: str, line: int) -> None:
        if self._pending:
            if not piece.strip():
                return
            self.close()
            self._open = _Open(line, self._voice, [[]], self._dashed)
            self._pending = self._dashed = False
        if self._open is not None:
            self._open.lines[-1].append(piece)

    def end_line(self) -> None:
        if self._open is not None:
            self._open.lines.append([])

    def close(self) -> None:
        if self._open is None:
            return
        parts = ("".join(pieces).strip() for pieces in self._open.lines)
        text = " ".join(part for part in parts if part)
        if text:
            self.done.append(_Segment(text, self._open.line, self._open.speaker, self._open.dashed))
        self._open = None


def _segments(lines: Sequence[Line], scanner: _Scanner) -> list[_Segment]:
    builder = _Segments()
    for number, raw in lines:
        at_start = True
        for token in scanner.tokens(raw):
            if isinstance(token, Voice):
                builder.voice(token.name)
                continue
            if at_start and token.strip():
                at_start = False
                rest = dialogue_rest(token)
                if rest is not None:
                    builder.split()
                    token = rest
            builder.text(token, number)
        builder.end_line()
    builder.close()
    return builder.done


# ---------------------------------------------------------------------------------------------
# The file: chunks -> cues -> blocks


@attrs.frozen
class CaptionFormat:
    """What one caption format tells the shared reader."""

    name: str
    """For messages: ``WebVTT``, ``SRT``."""
    markup: Markup
    """The inline markup of its cue text."""
    blocks: Mapping[str, str] = attrs.field(factory=dict)
    """Keywords that open a non-cue block (``NOTE``) -> the reason it is omitted."""


@attrs.define
class _Reading:
    """What reading one file has gathered so far."""

    fmt: CaptionFormat
    blocks: list[Block] = attrs.Factory(list)
    omitted: list[Omitted] = attrs.Factory(list)
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    skipped: int = 0
    last_skipped: int = 0
    first_problem: tuple[int, str] | None = None

    def skip(self, first: int, last: int, reason: str, problem: str) -> None:
        """Leave a source range out, with a warning (the first `MAX_SKIP_WARNINGS` of them)."""
        self.omitted.append(Omitted(first, last, reason))
        self.skipped += 1
        self.last_skipped = first
        if self.first_problem is None:
            self.first_problem = (first, problem)
        if self.skipped <= MAX_SKIP_WARNINGS:
            self.diagnostics.append(Diagnostic(Severity.WARNING, SKIPPED_CODE, f"{problem}; skipped", line=first))


def decode_lines(data: str | bytes, source: str | None) -> tuple[list[str], list[Diagnostic]]:
    """The input's lines (a BOM dropped) and the diagnostics of decoding it.

    Raises:
        InputError: binary, undecodable or too large input.
    """
    if isinstance(data, bytes):
        text, diagnostics = decode(data, source)
    else:
        text, diagnostics = data.removeprefix("\ufeff"), []
    return split_lines(text), diagnostics


def read_captions(
    lines: Sequence[str],
    start: int,
    fmt: CaptionFormat,
    *,
    source: str | None,
    metadata: Mapping[str, str] | None = None,
    omitted: Sequence[Omitted] = (),
    diagnostics: Sequence[Diagnostic] = (),
) -> Document:
    """Read the cues of a caption file from ``lines[start:]`` (after any header).

    Args:
        lines: the file's lines.
        start: index of the first line after the format's header.
        fmt: the format's markup and non-cue blocks.
        source: the file name, for errors.
        metadata, omitted, diagnostics: what the format's reader found in the header.

    Raises:
        InputError: not one cue could be read.
    """
    reading = _Reading(fmt, omitted=list(omitted), diagnostics=list(diagnostics))
    chunks = _chunks(lines, start)
    cues: list[tuple[Line, list[Line]]] = []
    for index, chunk in enumerate(chunks):
        following = chunks[index + 1] if index + 1 < len(chunks) else None
        cues.extend(_chunk_cues(chunk, following, reading))
    for timing, text in _unrolled(cues, fmt.markup, reading):
        _read_cue(timing, text, reading)
    if reading.skipped > MAX_SKIP_WARNINGS:
        more = reading.skipped - MAX_SKIP_WARNINGS
        reading.diagnostics.append(
            Diagnostic(Severity.WARNING, SKIPPED_CODE, f"{more} more cue(s) skipped", line=reading.last_skipped)
        )
    if not reading.blocks:
        line, problem = reading.first_problem or (1, "the file has no cues")
        raise InputError(f"no {fmt.name} caption cue could be read: {problem}", source=source, line=line)
    return Document(
        tuple(reading.blocks),
        metadata or {},
        tuple(sorted(reading.diagnostics, key=lambda d: d.line or 0)),  # cues are read after all are found
        tuple(sorted(reading.omitted, key=lambda o: o.first_line)),
    )


def _chunks(lines: Sequence[str], start: int) -> list[list[Line]]:
    """Runs of lines between empty lines. Only an empty line ends a cue: YouTube writes cue
    text lines holding a single space."""
    chunks: list[list[Line]] = []
    current: list[Line] = []
    for index in range(start, len(lines)):
        if lines[index]:
            current.append((index + 1, lines[index]))
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _chunk_cues(chunk: list[Line], following: list[Line] | None, reading: _Reading) -> list[tuple[Line, list[Line]]]:
    """The cues of a chunk (none for a NOTE block or a lone cue number)."""
    first = chunk[0][1]
    if all(_ARROW not in text for _, text in chunk[:2]):
        keyword = first.split(None, 1)[0] if first.strip() else ""
        reason = reading.fmt.blocks.get(keyword)
        if reason is not None:
            reading.omitted.append(Omitted(chunk[0][0], chunk[-1][0], reason))
            return []
        if len(chunk) == 1 and _is_number(first) and following and _ARROW in following[0][1]:
            return []  # a cue number with a blank line between it and its timing line
    return _split_cues(chunk, reading)


# ---------------------------------------------------------------------------------------------
# Rolling captions: each cue repeats the lines the one before it ended with


_ROLLING_SHARE = 0.5
"""A file rolls when at least this share of its cues open with the previous cue's last line."""


def _unrolled(cues: list[tuple[Line, list[Line]]], markup: Markup,
              reading: _Reading) -> list[tuple[Line, list[Line]]]:
    """The cues with the lines they repeat from the cue before removed, when the file rolls
    (YouTube and live captions show each line twice, first at the bottom and then at the top).
    Only a file where most cues do so is changed: elsewhere a cue that opens with the line the
    last one ended with ("No." / "No.") says it twice on purpose."""
    visible = [[_visible(text, markup) for _, text in lines] for _, lines in cues]
    seen = [[text for text in texts if text] for texts in visible]
    overlaps = [_overlap(seen[i - 1], seen[i]) if i else 0 for i in range(len(cues))]
    # A cue that repeats the whole of the one before and adds nothing is no evidence: some
    # files simply say the same thing twice.
    rolls = sum(1 for i, n in enumerate(overlaps) if n and (n < len(seen[i - 1]) or n < len(seen[i])))
    if len(cues) < 3 or rolls < _ROLLING_SHARE * (len(cues) - 1):
        return cues
    out: list[tuple[Line, list[Line]]] = []
    repeated = 0
    for (timing, lines), texts, drop in zip(cues, visible, overlaps, strict=True):
        start = 0
        while drop and start < len(lines):
            if texts[start]:
                drop -= 1
                repeated += 1
                reading.omitted.append(Omitted(lines[start][0], lines[start][0], "caption line repeated as the captions roll"))
            start += 1
        if any(texts[start:]):
            out.append((timing, lines[start:]))
    reading.diagnostics.append(Diagnostic(
        Severity.INFO, "captions-rolling",
        f"the captions roll: {repeated} line(s) repeated from the cue before are kept once", line=cues[0][0][0]))
    return out


def _visible(line: str, markup: Markup) -> str:
    """A cue line's text without its markup, for comparing lines."""
    return " ".join("".join(t for t in _Scanner(markup).tokens(line) if isinstance(t, str)).split())


def _overlap(before: list[str], after: list[str]) -> int:
    """How many lines ``after`` opens with that ``before`` ended with."""
    for size in range(min(len(before), len(after)), 0, -1):
        if before[-size:] == after[:size]:
            return size
    return 0


def _split_cues(chunk: list[Line], reading: _Reading) -> list[tuple[Line, list[Line]]]:
    """The cues of a chunk: each timing line and its text lines. A chunk can hold several
    cues when the blank lines between them are missing; a number line right above a timing
    line is then that cue's number."""
    timings = [index for index, (_, text) in enumerate(chunk) if _ARROW in text]
    if not timings:
        _stray(chunk, reading)
        return []
    # The line above the first timing line is its identifier, whatever it says.
    if timings[0] > 1:
        _stray(chunk[: timings[0] - 1], reading)
    cues: list[tuple[Line, list[Line]]] = []
    for position, at in enumerate(timings):
        end = timings[position + 1] if position + 1 < len(timings) else len(chunk)
        if end < len(chunk) and _is_identifier(chunk, end - 1, at):
            end -= 1
        cues.append((chunk[at], chunk[at + 1 : end]))
    return cues


def _is_identifier(chunk: list[Line], index: int, timing: int) -> bool:
    """Is the line above a timing line inside a chunk that cue's identifier (not the text of
    the cue before)? Yes for a number, or a line under a whitespace-only line."""
    if index <= timing + 1:
        return False
    return _is_number(chunk[index][1]) or not chunk[index - 1][1].strip()


def _stray(lines: list[Line], reading: _Reading) -> None:
    if all(not text.strip() for _, text in lines):
        return
    shown = next(text for _, text in lines if text.strip()).strip()
    reading.skip(
        lines[0][0],
        lines[-1][0],
        "text outside any caption cue",
        f"{_quote(shown)} is not part of a cue (no 'start --> end' time line above it)",
    )


def _read_cue(timing: Line, text: list[Line], reading: _Reading) -> None:
    number, line = timing
    last = text[-1][0] if text else number
    start = _start_time(line)
    if start is None:
        reading.skip(number, last, "unreadable caption cue",
                     f"cannot read the cue's start time in {_quote(line.strip())}")
        return
    segments = _segments(text, _Scanner(reading.fmt.markup))
    if not segments:
        reading.skip(number, last, "caption cue with no text", "the cue has no text")
        return
    end = _end_time(line)
    for segment in segments:
        reading.blocks.append(Block(text=segment.text, line=segment.line, gap_before=True,
                                    speaker=segment.speaker, time=start, end=end, voice_change=segment.dashed))


def _quote(text: str) -> str:
    return repr(text if len(text) <= _SHOWN else text[:_SHOWN] + "...")


# ---------------------------------------------------------------------------------------------
# Detection


def sniff(head: str) -> str | None:
    """``vtt`` or ``srt`` when the first characters of an input are unmistakably captions.

    WebVTT starts with ``WEBVTT`` (after a BOM); SRT's first non-blank lines are a cue number
    and a timing line (or the timing line alone).
    """
    text = head.lstrip("\ufeff \t\r\n")
    if text.startswith("WEBVTT") and text[6:7] in ("", " ", "\t", "\r", "\n"):
        return "vtt"
    lines = [line for line in split_lines(text)[:8] if line.strip()][:2]
    if lines and _ARROW in lines[0] and _start_time(lines[0]) is not None:
        return "srt"
    if len(lines) == 2 and _is_number(lines[0]) and _start_time(lines[1]) is not None:
        return "srt"
    return None
