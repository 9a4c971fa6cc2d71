"""The Word (.docx) reader: body paragraphs and tables as blocks, with what Word marks.

Owns reading WordprocessingML: paragraph styles (Title, Heading N, our own ``QA ...`` styles),
bold and italic from run formatting and character styles, line breaks inside a paragraph,
transcript tables (time | speaker | text), and the core properties. Knows nothing about
interviews. python-docx is imported here and only here (and lazily, so reading text never
loads it); the body is walked as XML with lxml. From qaformat it imports only the blocks, the
errors and the input size limit.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

import attrs

from qaformat.blocks import Block, Document, Omitted
from qaformat.errors import InputError
from qaformat.readers.decode import MAX_INPUT_BYTES

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DOCUMENT_PART = "word/document.xml"
_MAX_UNPACKED = 4 * MAX_INPUT_BYTES  # all parts unpacked; text compresses well, a zip bomb far better

# Character style of our own speaker labels: a label even where a template made it not bold.
_LABEL_STYLE = "QA Speaker"
_NOTE_STYLE = "QA Note"
_HEADING_STYLE = re.compile(r"heading ([1-9])", re.IGNORECASE)
_FALSE = frozenset({"0", "false", "off", "none"})

# Run content that stands for a character (anything else in a run is not text).
_CHARACTERS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "noBreakHyphen": "-", _W + "softHyphen": ""}
_BREAKS = frozenset({_W + "br", _W + "cr"})
# Inside a paragraph: deleted or moved-away text, and a drawing's fallback copy, are not shown.
_HIDDEN = frozenset({_W + "del", _W + "moveFrom", _W + "pPr", _W + "rPr", _MC_FALLBACK})

# python-docx's own default template says its author is "python-docx" and stamps this date.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime.fromisoformat("2013-12-23T23:15:00+00:00")

_TIME = re.compile(r"[\[(]?(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?[\])]?")
_HEADER_WORDS = frozenset({
    "speaker", "speakers", "name", "who", "person", "time", "timestamp", "time code", "timecode",
    "start", "in", "tc", "text", "transcript", "transcription", "dialogue", "dialog", "utterance",
    "content", "words", "speech", "said",
})
_NAME_MAX_CHARS = 60
_NAME_MAX_WORDS = 6
_COLUMN_SHARE = 0.8  # share of a column's cells that must fit for the column to be a time/name column


def read_docx(data: str | bytes, source: str | None = None) -> Document:
    """Read a Word .docx file (its bytes).

    Returns:
        One block per line of each body paragraph and per table row, in body order;
        ``line`` is the 1-based paragraph number (a table row counts as one paragraph).

    Raises:
        InputError: the input is not a .docx file, or its parts are damaged.
    """
    package = _open(data, source)
    body = _BodyReader(package.styles)
    body.read(package.body)
    return Document(tuple(body.blocks), package.metadata, (), tuple(body.omitted))


# -- opening ---------------------------------------------------------------------------------


def _not_docx(why: str, source: str | None) -> InputError:
    return InputError(f"not a Word .docx file: {why}", source=source)


@attrs.frozen
class _Package:
    """What the reader takes from a .docx package."""

    body: Any
    """The ``w:body`` element."""
    styles: _StyleBook
    metadata: dict[str, str]


def _open(data: str | bytes, source: str | None) -> _Package:
    """The document's body, styles and properties, or a clear error."""
    if isinstance(data, str):
        raise _not_docx("got text, not the bytes of a file (read it with --from text)", source)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"input is {len(data) / 2**20:.1f} MiB; the limit is {MAX_INPUT_BYTES // 2**20} MiB", source=source)
    if not data.startswith(b"PK\x03\x04"):
        raise _not_docx(_what_it_is(data), source)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        raise _not_docx("the zip archive is damaged or truncated", source) from None
    if _DOCUMENT_PART not in names:
        raise _not_docx(f"{_which_zip(names)} has no {_DOCUMENT_PART}", source)
    if unpacked > _MAX_UNPACKED:
        # python-docx loads every part into memory: refuse a zip bomb before it does.
        raise _not_docx(f"its parts would unpack to {unpacked / 2**20:.0f} MiB", source)
    # Imported here so that reading text or HTML never loads python-docx.
    from docx import Document as open_document

    try:
        document = open_document(io.BytesIO(data))
        package = _Package(document.element.body, _StyleBook.of(document), _metadata(document.core_properties))
    # python-docx trusts a package's parts to be well formed; a damaged one fails with whatever
    # its XML proxies run into (AttributeError on a content-types part without types, ...).
    except Exception as error:
        raise _not_docx(f"its parts are damaged ({_short(error)})", source) from None
    if package.body is None:
        raise _not_docx(f"{_DOCUMENT_PART} has no body", source)
    return package


def _what_it_is(data: bytes) -> str:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "this is an old Word 97-2003 .doc (or a password-protected file); save it as .docx"
    if data.startswith(b"{\\rtf"):
        return "this is an RTF file; save it as .docx"
    if not data.strip():
        return "the file is empty"
    return "it is not a zip archive (is it plain text? read it with --from text)"


def _which_zip(names: set[str]) -> str:
    if any(name.startswith("xl/") for name in names):
        return "an Excel workbook"
    if any(name.startswith("ppt/") for name in names):
        return "a PowerPoint presentation"
    if "content.xml" in names:
        return "an OpenDocument file"
    return "a zip archive that"


def _short(error: BaseException) -> str:
    text = str(error).strip("'\"") or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def _metadata(properties: Any) -> dict[str, str]:
    metadata: dict[str, str] = {}
    title = (properties.title or "").strip()
    if title:
        metadata["title"] = title
    author = (properties.author or "").strip()
    if author and author != _TEMPLATE_AUTHOR:
        metadata["author"] = author
    created = properties.created
    if isinstance(created, datetime) and created != _TEMPLATE_CREATED:
        metadata["date"] = created.date().isoformat()
    return metadata


# -- styles ----------------------------------------------------------------------------------


@attrs.frozen
class _Style:
    """What the reader needs of one style: its name, its own bold/italic, what it is based on."""

    name: str
    bold: bool | None
    italic: bool | None
    base: str | None


@attrs.frozen
class _StyleBook:
    """The document's paragraph and character styles by id, resolved along ``basedOn``."""

    styles: dict[str, _Style]
    default: str | None

    @classmethod
    def of(cls, package: Any) -> _StyleBook:
        from docx.enum.style import WD_STYLE_TYPE

        styles: dict[str, _Style] = {}
        for style in package.styles:
            if style.type not in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER) or not style.style_id:
                continue
            base = style.base_style
            styles[style.style_id] = _Style(style.name or style.style_id, style.font.bold, style.font.italic,
                                            base.style_id if base is not None else None)
        default = package.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        return cls(styles, default.style_id if default is not None else None)

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        """The style and the styles it is based on, nearest first (loops in broken files end)."""
        seen: set[str] = set()
        while style_id is not None and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.base

    def name(self, style_id: str | None) -> str | None:
        style = self.styles.get(style_id or "") or self.styles.get(self.default or "")
        return style.name if style else None

    def paragraph_id(self, style_id: str | None) -> str | None:
        return style_id if style_id in self.styles else self.default

    def heading(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            match = _HEADING_STYLE.fullmatch(style.name)
            if match:
                return min(int(match.group(1)), 6)  # Block headings run 1-6; Word's to 9
        return None

    def is_title(self, style_id: str | None) -> bool:
        return any(style.name == "Title" for style in self.chain(style_id))

    def bold(self, style_id: str | None) -> bool | None:
        for style in self.chain(style_id):
            if style.name == _LABEL_STYLE:
                return True
            if style.bold is not None:
                return style.bold
        return None

    def italic(self, style_id: str | None) -> bool | None:
        for style in self.chain(style_id):
            if style.italic is not None:
                return style.italic
        return None


# -- paragraphs ------------------------------------------------------------------------------


@attrs.frozen
class _Piece:
    """A stretch of one line's text with its effective formatting."""

    text: str
    bold: bool
    italic: bool


@attrs.frozen
class _Paragraph:
    """One ``w:p``: its lines (split at ``w:br``) and its paragraph style."""

    lines: tuple[tuple[_Piece, ...], ...]
    style: str | None
    """Style id (the document's default paragraph style where none is set)."""
    text_box: bool
    """It anchors a text box, whose text is not read."""


def _toggle(rpr: Any, tag: str) -> bool | None:
    """A run's own ``w:b``/``w:i``: ``True``, ``False`` (``w:val="0"``), or ``None`` (not set)."""
    if rpr is None:
        return None
    element = rpr.find(_W + tag)
    if element is None:
        return None
    return element.get(_W + "val", "true").lower() not in _FALSE


def _attribute(parent: Any, path: str) -> str | None:
    element = parent.find(path) if parent is not None else None
    return element.get(_W + "val") if element is not None else None


def _runs(element: Any) -> Iterator[Any]:
    """The ``w:r`` of a paragraph in order, through hyperlinks, insertions, fields and content
    controls, leaving out deleted text and nested paragraphs (text boxes)."""
    for child in element:
        if child.tag == _W + "r":
            yield child
        elif child.tag not in _HIDDEN and child.tag != _W + "p" and isinstance(child.tag, str):
            yield from _runs(child)


def _read_paragraph(p: Any, styles: _StyleBook) -> _Paragraph:
    style = styles.paragraph_id(_attribute(p.find(_W + "pPr"), _W + "pStyle"))
    lines: list[list[_Piece]] = [[]]
    for run in _runs(p):
        rpr = run.find(_W + "rPr")
        char_style = _attribute(rpr, _W + "rStyle")
        # Bold counts from the run and its character style only: a paragraph style's bold is the
        # look of a heading, which `heading` already says, not a label.
        bold = _first(_toggle(rpr, "b"), styles.bold(char_style))
        italic = _first(_toggle(rpr, "i"), styles.italic(char_style), styles.italic(style))
        for child in run:
            if child.tag == _W + "t":
                lines[-1].append(_Piece(child.text or "", bold, italic))
            elif child.tag in _CHARACTERS:
                lines[-1].append(_Piece(_CHARACTERS[child.tag], bold, italic))
            elif child.tag in _BREAKS:
                lines.append([])
    text_box = any(t.text for box in p.iter(_W + "txbxContent") for t in box.iter(_W + "t"))
    return _Paragraph(tuple(tuple(line) for line in lines), style, text_box)


def _first(*values: bool | None) -> bool:
    return next((value for value in values if value is not None), False)


@attrs.frozen
class _Line:
    """A line's visible text and the hints its formatting gives."""

    text: str
    bold_prefix: int
    italic: bool


def _line(pieces: Sequence[_Piece]) -> _Line:
    """Join a line's pieces; the bold prefix counts leading bold characters (spaces between bold
    runs do not break it, trailing spaces are not counted)."""
    raw = "".join(piece.text for piece in pieces)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    flags = [piece.bold for piece in pieces for _ in piece.text][lead : lead + len(text)]
    bold = 0
    while bold < len(text) and (flags[bold] or text[bold].isspace()):
        bold += 1
    visible = [piece.italic for piece in pieces for char in piece.text if not char.isspace()]
    return _Line(text, len(text[:bold].rstrip()), bool(visible) and all(visible))


# -- the body --------------------------------------------------------------------------------


@attrs.define
class _Row:
    """A table row: each cell's paragraphs, and whether Word repeats it as a header row."""

    cells: list[list[_Paragraph]]
    repeated_header: bool

    def texts(self) -> list[str]:
        return [_cell_text(cell) for cell in self.cells]


def _cell_text(cell: Sequence[_Paragraph]) -> str:
    return "\n".join(_line(line).text for paragraph in cell for line in paragraph.lines).strip()


@attrs.frozen
class _Columns:
    """Which column of a transcript table holds what."""

    speaker: int
    text: int
    time: int | None
    count: int


class _BodyReader:
    """Walks ``w:body`` in order, numbering paragraphs and table rows, collecting blocks."""

    def __init__(self, styles: _StyleBook):
        self.styles = styles
        self.blocks: list[Block] = []
        self.omitted: list[Omitted] = []
        self.number = 0
        self.gap = True

    def read(self, body: Any) -> None:
        for child in body:
            if child.tag == _W + "p":
                self.number += 1
                self.paragraph(_read_paragraph(child, self.styles))
            elif child.tag == _W + "tbl":
                self.table(child)
            elif child.tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self.read(content)
            elif child.tag == _W + "customXml":
                self.read(child)
            elif child.tag == _W + "altChunk":
                self.number += 1
                self.omitted.append(Omitted(self.number, self.number, "embedded document (altChunk) not read"))

    def paragraph(self, paragraph: _Paragraph, *, speaker: str | None = None, time: float | None = None) -> None:
        """Each line of a paragraph as a block; lines after a break have ``gap_before=False``."""
        if paragraph.text_box:
            self.omitted.append(Omitted(self.number, self.number, "text box not read"))
        name = self.styles.name(paragraph.style)
        heading = self.styles.heading(paragraph.style)
        title = self.styles.is_title(paragraph.style)
        note = name == _NOTE_STYLE
        for pieces in paragraph.lines:
            line = _line(pieces)
            if not line.text:
                self.gap = True
                continue
            self.blocks.append(Block(
                text=line.text, line=self.number, gap_before=self.gap, heading=heading, title=title,
                bold_prefix=line.bold_prefix, italic=line.italic or note, speaker=speaker, time=time, style=name,
            ))
            self.gap = False
            time = None  # a row's time belongs to its first line
        self.gap = True

    def table(self, tbl: Any) -> None:
        rows = [self.row(tr) for tr in tbl.iter(_W + "tr") if _nearest(tr, _W + "tbl") is tbl]
        if not rows:
            return
        columns = _find_columns([row.texts() for row in rows[1:]] or [rows[0].texts()])
        first = 0
        if _is_header(rows[0], columns):
            self.number += 1
            self.omitted.append(Omitted(self.number, self.number, "table header row"))
            first = 1
        for row in rows[first:]:
            self.number += 1
            if columns is not None and len(row.cells) == columns.count:
                self.transcript_row(row, columns)
            else:
                for cell in row.cells:
                    for paragraph in cell:
                        self.paragraph(paragraph)

    def row(self, tr: Any) -> _Row:
        cells = [
            [_read_paragraph(p, self.styles) for p in tc.iter(_W + "p") if _nearest(p, _W + "txbxContent", tc) is None]
            for tc in tr.iter(_W + "tc")
            if _nearest(tc, _W + "tr") is tr
        ]
        repeated = tr.find(f"{_W}trPr/{_W}tblHeader") is not None
        return _Row(cells, repeated)

    def transcript_row(self, row: _Row, columns: _Columns) -> None:
        texts = row.texts()
        speaker = texts[columns.speaker].rstrip(":： ").strip() or None
        time = _seconds(texts[columns.time]) if columns.time is not None else None
        cell = row.cells[columns.text]
        if not _cell_text(cell):
            if speaker or time is not None:
                self.omitted.append(Omitted(self.number, self.number, "table row with no text"))
            return
        if columns.time is not None and time is None and texts[columns.time]:
            # Not a time after all (a note such as "later"): keep it, as plain text of its own.
            self.paragraph(_Paragraph(((_Piece(texts[columns.time], False, False),),), None, False))
        for paragraph in cell:
            self.paragraph(paragraph, speaker=speaker, time=time)
            time = None


def _nearest(element: Any, tag: str, stop: Any = None) -> Any:
    """The nearest ancestor with this tag (below ``stop``), or ``None``."""
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return parent
        parent = parent.getparent()
    return None


# -- transcript tables -----------------------------------------------------------------------


def _seconds(text: str) -> float | None:
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes, seconds, fraction = match.groups()
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return value + (int(fraction) / 10 ** len(fraction) if fraction else 0.0)


def _is_name(text: str) -> bool:
    """Short, one line, a few words, not a sentence (``Dr.`` and ``Jr.`` may end in a dot)."""
    name = text.rstrip(":： ").strip()
    if not 0 < len(name) <= _NAME_MAX_CHARS or "\n" in name or len(name.split()) > _NAME_MAX_WORDS:
        return False
    last = name.split()[-1]
    return not name.endswith(("?", "!", ",")) and (not name.endswith(".") or len(last) <= 4)


def _share(cells: Sequence[str], test: Callable[[str], bool]) -> float:
    filled = [cell for cell in cells if cell]
    return sum(1 for cell in filled if test(cell)) / len(filled) if filled else 0.0


def _find_columns(rows: Sequence[Sequence[str]]) -> _Columns | None:
    """The layout of a time | speaker | text or speaker | text table, or ``None`` for any other."""
    count = Counter(len(row) for row in rows).most_common(1)[0][0] if rows else 0
    if count not in (2, 3):
        return None
    body = [row for row in rows if len(row) == count]
    columns = [[row[index] for row in body] for index in range(count)]
    times = [i for i, cells in enumerate(columns) if _share(cells, lambda c: _seconds(c) is not None) >= _COLUMN_SHARE]
    if len(times) > 1 or (count == 3) != bool(times):
        return None
    rest = [i for i in range(count) if i not in times]
    text = max(rest, key=lambda i: sum(len(cell) for cell in columns[i]))
    speaker = next(i for i in rest if i != text)
    if _share(columns[speaker], _is_name) < _COLUMN_SHARE:
        return None
    return _Columns(speaker, text, times[0] if times else None, count)


def _is_header(row: _Row, columns: _Columns | None) -> bool:
    texts = row.texts()
    if row.repeated_header:
        return True
    words = [text.rstrip(":： ").strip().lower() for text in texts if text]
    if words and all(word in _HEADER_WORDS for word in words):
        return True
    if columns is None or columns.time is None or len(texts) != columns.count:
        return False
    stamp = texts[columns.time]
    return bool(stamp) and _seconds(stamp) is None and len(texts[columns.text].split()) <= 3
