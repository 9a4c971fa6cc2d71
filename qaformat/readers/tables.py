"""Transcript tables: a time | speaker | text (or speaker | text) layout, whatever holds it.

Transcription services and meeting tools export transcripts as tables: a Word table, or
tab-separated text (Zoom's and Kontur Talk's ``.txt``, a spreadsheet saved as text) with a
``Timecode  Speaker  Text`` header row. The Word, text and HTML readers all ask this module which
column holds what, so a table is read by one rule whatever file it came in (a web page's
transcript player sets the same columns as an HTML ``<table>``). The speaker
column is what the format itself names, as a caption's voice is. Knows nothing about interviews.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import attrs

from qaformat.names import is_name_only
from qaformat.patterns import lazy

__all__ = ["Columns", "find_columns", "is_header", "is_talk", "seconds"]

_TIME = lazy(r"[\[(]?(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?[\])]?")
_HEADER_WORDS = frozenset({
    "speaker", "speakers", "name", "who", "person", "time", "timestamp", "time code", "timecode",
    "start", "in", "tc", "text", "transcript", "transcription", "dialogue", "dialog", "utterance",
    "content", "words", "speech", "said",
})
_COLUMN_SHARE = 0.8  # share of a column's cells that must fit for the column to be a time/name column
_FEWEST_WORDS = 4  # words a row of a transcript table says, on average
# "07:00", "13:30": a time of day, as a timetable prints it (hours and minutes on a five-minute
# mark), where a recording's time codes fall on any second.
_CLOCK = lazy(r"\d{1,2}:[0-5][05]")
_FEWEST_CLOCKS = 3


@attrs.frozen
class Columns:
    """Which column of a transcript table holds what."""

    speaker: int
    text: int
    time: int | None
    count: int


def seconds(text: str) -> float | None:
    """``00:01:02`` (or ``[1:02]``, ``01:02:03,5``) in seconds; ``None`` for anything else."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes, whole, fraction = match.groups()
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(whole)
    return value + (int(fraction) / 10 ** len(fraction) if fraction else 0.0)


def _share(cells: Sequence[str], test: Callable[[str], bool]) -> float:
    filled = [cell for cell in cells if cell]
    return sum(1 for cell in filled if test(cell)) / len(filled) if filled else 0.0


def find_columns(rows: Sequence[Sequence[str]]) -> Columns | None:
    """The layout of a time | speaker | text or speaker | text table, or ``None`` for any other."""
    count = Counter(len(row) for row in rows).most_common(1)[0][0] if rows else 0
    if count not in (2, 3):
        return None
    body = [row for row in rows if len(row) == count]
    columns = [[row[index] for row in body] for index in range(count)]
    times = [i for i, cells in enumerate(columns) if _share(cells, lambda c: seconds(c) is not None) >= _COLUMN_SHARE]
    if len(times) > 1 or (count == 3) != bool(times):
        return None
    rest = [i for i in range(count) if i not in times]
    text = max(rest, key=lambda i: sum(len(cell) for cell in columns[i]))
    speaker = next(i for i in rest if i != text)
    if _share(columns[speaker], is_name_only) < _COLUMN_SHARE:
        return None
    return Columns(speaker, text, times[0] if times else None, count)


def is_header(texts: Sequence[str], columns: Columns | None, *, repeated: bool = False) -> bool:
    """Is this first row the table's header (``Time | Speaker | Text``), not a turn? A row the
    format repeats on every page is one."""
    if repeated:
        return True
    words = [text.rstrip(":： ").strip().lower() for text in texts if text]
    if words and all(word in _HEADER_WORDS for word in words):
        return True
    if columns is None or columns.time is None or len(texts) != columns.count:
        return False
    stamp = texts[columns.time]
    return bool(stamp) and seconds(stamp) is None and len(texts[columns.text].split()) <= 3


def is_talk(rows: Sequence[Sequence[str]], columns: Columns) -> bool:
    """Do the body rows (header row left out) read as people talking: speakers who recur, rows
    that say a few words each on average, times that are a recording's? A timetable, a rota or
    a price list has a time column and a column of short names too, but its "speakers" do not
    recur, nobody says anything, or its times are times of day."""
    body = [row for row in rows if len(row) == columns.count]
    speakers = {row[columns.speaker] for row in body}
    said = sum(len(row[columns.text].split()) for row in body)
    if not body or len(speakers) * 2 > len(body) or said < _FEWEST_WORDS * len(body):
        return False
    times = [row[columns.time] for row in body if row[columns.time]] if columns.time is not None else []
    return len(times) < _FEWEST_CLOCKS or not all(_CLOCK.fullmatch(time) for time in times)
