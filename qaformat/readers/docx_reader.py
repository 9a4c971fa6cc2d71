"""The Word (.docx) reader: body paragraphs and tables as blocks, with what Word marks.

Owns reading WordprocessingML: paragraph styles (Title, Heading N, our own ``QA ...`` styles),
bold and italic from run formatting and character styles, a speaker's name set in a template's
character style for speakers (the block's speaker), line breaks inside a paragraph,
list numbers, transcript tables (time | speaker | text), footnotes and endnotes (each a block
after the paragraph that cites it), and the text of page headers and footers (as metadata).
Knows nothing about interviews. The package's parts are found through its relationships by
`docx_package` and the styles and numbering read by `docx_formatting`; the XML is walked with
lxml (python-docx is not needed to read). From qaformat it imports only the blocks, those two
modules and the names vocabulary (what a speaker cell holds).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from qaformat.blocks import Block, Document, Omitted
from qaformat.patterns import lazy
from qaformat.readers.docx_formatting import Numbering, StyleBook, roman, toggle, value
from qaformat.readers.docx_package import W as _W
from qaformat.readers.docx_package import not_docx, open_package
from qaformat.readers.tables import Columns, find_columns, is_header, seconds

__all__ = ["read_docx"]

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

_NOTE_STYLE = "QA Note"
_BYLINE_STYLES = {"Author": "author line (Author style)", "Date": "date line (Date style)"}

# Run content that stands for a character (anything else in a run is not text).
_CHARACTERS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "noBreakHyphen": "-", _W + "softHyphen": ""}
_BREAKS = frozenset({_W + "br", _W + "cr"})
_REFERENCES = {_W + "footnoteReference": "footnote", _W + "endnoteReference": "endnote"}
# Inside a paragraph: deleted or moved-away text, and a drawing's fallback copy, are not shown.
_HIDDEN = frozenset({_W + "del", _W + "moveFrom", _W + "pPr", _W + "rPr", _MC_FALLBACK})
# Footnotes and endnotes that only draw the line above the notes.
_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_LETTERS = lazy(r"[^\W\d_]")



def read_docx(data: str | bytes, source: str | None = None) -> Document:
    """Read a Word .docx file (its bytes), transitional or Strict, whatever its main part is called.

    Returns:
        One block per line of each body paragraph and per table row, in body order, each
        footnote and endnote after the paragraph that cites it; ``line`` is the 1-based
        paragraph number (a table row counts as one paragraph; a note has its citing
        paragraph's). Core properties and the text of page headers and footers are metadata.

    Raises:
        InputError: the input is not a .docx file, its parts are damaged, or a relationship is
            missing or points at nothing.
    """
    package = open_package(data, source)
    body_element = package.main.find(_W + "body")
    if body_element is None:
        raise not_docx(f"{package.main_name} has no body", source)
    styles = StyleBook.of(package.first("styles"))
    paragraphs = _ParagraphReader(styles, Numbering(package.first("numbering")))
    notes = {kind: _notes(package.first(kind + "s")) for kind in ("footnote", "endnote")}
    body = _BodyReader(paragraphs, notes)
    body.read(body_element)
    body.unreferenced_notes()
    metadata = package.metadata()
    for kind in ("header", "footer"):
        text = _furniture_text(_ParagraphReader(styles, Numbering(None)), [part for _, part in package.related(kind)])
        if text:
            metadata[f"page_{kind}"] = text
    return Document(tuple(body.blocks), metadata, (), tuple(body.omitted))


def _notes(part: Any) -> dict[str, Any]:
    """Footnotes or endnotes by id, without the separators."""
    if part is None:
        return {}
    return {note.get(_W + "id") or "": note for note in part
            if isinstance(note.tag, str) and (note.get(_W + "type") or "normal") not in _SEPARATORS}


def _furniture_text(reader: _ParagraphReader, parts: list[Any]) -> str:
    """The distinct lines of page headers or footers that have words (not just a page number)."""
    lines: list[str] = []
    for part in parts:
        for p in part.iter(_W + "p"):
            for pieces in reader.read(p).lines:
                text = _line(pieces).text
                if _LETTERS.search(text) and text not in lines:
                    lines.append(text)
    return " | ".join(lines)


# -- paragraphs ------------------------------------------------------------------------------


@attrs.frozen
class _Piece:
    """A stretch of one line's text with its effective formatting."""

    text: str
    bold: bool
    italic: bool
    speaker: bool = False
    """Set in a character style for speakers' names."""


@attrs.frozen
class _Reference:
    """A footnote or endnote cited in a paragraph, with the mark it shows."""

    kind: str
    """``footnote`` or ``endnote``."""
    id: str
    mark: str
    """``[1]`` (footnotes), ``[i]`` (endnotes), or ``""`` where the author typed a mark of their own."""


@attrs.frozen
class _Paragraph:
    """One ``w:p``: its lines (split at ``w:br``), its paragraph style, the notes it cites."""

    lines: tuple[tuple[_Piece, ...], ...]
    style: str | None
    """Style id (the document's default paragraph style where none is set)."""
    text_box: bool
    """It anchors a text box, whose text is not read."""
    references: tuple[_Reference, ...] = ()
    listed: bool = False
    """A numbered or bulleted paragraph."""


def _runs(element: Any) -> Iterator[Any]:
    """The ``w:r`` of a paragraph in order, through hyperlinks, insertions, fields, smart tags and
    content controls, leaving out deleted text and nested paragraphs (text boxes)."""
    for child in element:
        if child.tag == _W + "r":
            yield child
        elif child.tag not in _HIDDEN and child.tag != _W + "p" and isinstance(child.tag, str):
            yield from _runs(child)


class _ParagraphReader:
    """Reads ``w:p`` elements in document order: list numbers and note marks are counted."""

    def __init__(self, styles: StyleBook, numbering: Numbering):
        self.styles = styles
        self.numbering = numbering
        self.cited: dict[str, int] = {"footnote": 0, "endnote": 0}

    def read(self, p: Any) -> _Paragraph:
        ppr = p.find(_W + "pPr")
        style = self.styles.paragraph_id(value(ppr, _W + "pStyle"))
        lines: list[list[_Piece]] = [[]]
        references: list[_Reference] = []
        label = self.list_label(ppr, style)
        if label:
            mark = ppr.find(_W + "rPr") if ppr is not None else None
            lines[-1].append(_Piece(label, _first(toggle(mark, "b")), _first(toggle(mark, "i"))))
        for run in _runs(p):
            rpr = run.find(_W + "rPr")
            char_style = value(rpr, _W + "rStyle")
            # Bold counts from the run and its character style only: a paragraph style's bold is the
            # look of a heading, which `heading` already says, not a label.
            bold = _first(toggle(rpr, "b"), self.styles.bold(char_style))
            italic = _first(toggle(rpr, "i"), self.styles.italic(char_style), self.styles.italic(style))
            speaker = self.styles.names_speaker(char_style)
            for child in run:
                if child.tag == _W + "t":
                    lines[-1].append(_Piece(child.text or "", bold, italic, speaker))
                elif child.tag in _CHARACTERS:
                    lines[-1].append(_Piece(_CHARACTERS[child.tag], bold, italic))
                elif child.tag in _BREAKS:
                    lines.append([])
                elif child.tag in _REFERENCES:
                    reference = self.cite(_REFERENCES[child.tag], child)
                    references.append(reference)
                    lines[-1].append(_Piece(reference.mark, False, italic))
        text_box = any(t.text for box in p.iter(_W + "txbxContent") for t in box.iter(_W + "t"))
        return _Paragraph(tuple(tuple(line) for line in lines), style, text_box, tuple(references), bool(label))

    def list_label(self, ppr: Any, style: str | None) -> str | None:
        num_id = value(ppr, f"{_W}numPr/{_W}numId")
        level = value(ppr, f"{_W}numPr/{_W}ilvl")
        if num_id is None:
            from_style = self.styles.numbering(style)
            if from_style is None:
                return None
            num_id, styled_level = from_style
            level = level or str(styled_level)
        if num_id == "0":  # numbering switched off
            return None
        try:
            return self.numbering.label(num_id, int(level or 0))
        except ValueError:
            return None

    def cite(self, kind: str, element: Any) -> _Reference:
        custom = (element.get(_W + "customMarkFollows") or "").lower() in ("1", "true", "on")
        if custom:
            return _Reference(kind, element.get(_W + "id") or "", "")
        self.cited[kind] += 1
        number = self.cited[kind]
        # Word's default marks: 1, 2, 3 for footnotes and i, ii, iii for endnotes.
        shown = str(number) if kind == "footnote" else roman(number)
        return _Reference(kind, element.get(_W + "id") or "", f"[{shown}]")


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


def _styled_speaker(pieces: tuple[_Piece, ...]) -> tuple[str | None, tuple[_Piece, ...]]:
    """A name set in a speakers' character style at the start of a line, with no colon after it,
    and the rest of the line: the style is the label (a colon after the name leaves it to the
    label finder, as for any bold label)."""
    count = 0
    while count < len(pieces) and (pieces[count].speaker or not pieces[count].text.strip()):
        count += 1
    name = "".join(piece.text for piece in pieces[:count]).strip()
    rest = "".join(piece.text for piece in pieces[count:]).lstrip()
    if not name or not any(piece.speaker for piece in pieces[:count]) or ":" in name or "：" in name \
            or rest[:1] in (":", "：") or not rest:
        return None, pieces
    return name, pieces[count:]


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


class _BodyReader:
    """Walks ``w:body`` in order, numbering paragraphs and table rows, collecting blocks."""

    def __init__(self, paragraphs: _ParagraphReader, notes: dict[str, dict[str, Any]]):
        self.paragraphs = paragraphs
        self.styles = paragraphs.styles
        self.notes = notes
        self.placed: set[tuple[str, str]] = set()
        self.blocks: list[Block] = []
        self.omitted: list[Omitted] = []
        self.number = 0
        self.gap = True

    def read(self, body: Any) -> None:
        for child in body:
            if child.tag == _W + "p":
                self.number += 1
                self.paragraph(self.paragraphs.read(child))
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
        if name in _BYLINE_STYLES and any(_line(pieces).text for pieces in paragraph.lines):
            # pandoc writes a document's author and date metadata in these styles, under the title
            # (and its own Word reader takes them back as metadata, not text).
            self.omitted.append(Omitted(self.number, self.number, _BYLINE_STYLES[name]))
            return
        heading = self.styles.heading(paragraph.style)
        title = self.styles.is_title(paragraph.style)
        note = name == _NOTE_STYLE
        lines = paragraph.lines
        if speaker is None and lines:
            speaker, opening = _styled_speaker(lines[0])
            lines = (opening, *lines[1:])
        for pieces in lines:
            line = _line(pieces)
            if not line.text:
                self.gap = True
                continue
            self.blocks.append(Block(
                text=line.text, line=self.number, gap_before=self.gap, heading=heading, title=title,
                bold_prefix=line.bold_prefix, italic=line.italic or note, speaker=speaker, time=time, style=name,
                list_item=paragraph.listed,
            ))
            self.gap = False
            time = None  # a row's time belongs to its first line
        self.gap = True
        for reference in paragraph.references:
            self.note(reference)

    def note(self, reference: _Reference) -> None:
        """A cited footnote or endnote as italic blocks, its mark before its first line."""
        element = self.notes[reference.kind].get(reference.id)
        if element is None or (reference.kind, reference.id) in self.placed:
            return
        self.placed.add((reference.kind, reference.id))
        mark = reference.mark
        for p in element.iter(_W + "p"):
            if _nearest(p, _W + "txbxContent", element) is not None:
                continue
            paragraph = self.paragraphs.read(p)
            name = self.styles.name(paragraph.style)
            for pieces in paragraph.lines:
                text = _line(pieces).text
                if not text:
                    self.gap = True
                    continue
                if mark:
                    text, mark = f"{mark} {text}", ""
                self.blocks.append(Block(text=text, line=max(self.number, 1), gap_before=self.gap, italic=True,
                                         style=name))
                self.gap = False
            self.gap = True

    def unreferenced_notes(self) -> None:
        """Notes no paragraph cites (a damaged or hand-made file): kept, at the end."""
        for kind, notes in self.notes.items():
            for note_id in notes:
                if (kind, note_id) not in self.placed:
                    self.note(_Reference(kind, note_id, ""))

    def table(self, tbl: Any) -> None:
        rows = [self.row(tr) for tr in tbl.iter(_W + "tr") if _nearest(tr, _W + "tbl") is tbl]
        if not rows:
            return
        columns = find_columns([row.texts() for row in rows[1:]] or [rows[0].texts()])
        first = 0
        if is_header(rows[0].texts(), columns, repeated=rows[0].repeated_header):
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
            [self.paragraphs.read(p) for p in tc.iter(_W + "p") if _nearest(p, _W + "txbxContent", tc) is None]
            for tc in tr.iter(_W + "tc")
            if _nearest(tc, _W + "tr") is tr
        ]
        repeated = tr.find(f"{_W}trPr/{_W}tblHeader") is not None
        return _Row(cells, repeated)

    def transcript_row(self, row: _Row, columns: Columns) -> None:
        texts = row.texts()
        speaker = texts[columns.speaker].rstrip(":： ").strip() or None
        time = seconds(texts[columns.time]) if columns.time is not None else None
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



