"""What readers hand to parsing: blocks of text with their source position and format hints.

`Block` is the only thing readers and parsing share. A reader knows one input format and
nothing about interviews; it says what the format itself marks (a heading style, a bold run at
the start, a caption voice, a cue time) and leaves every interview decision to parsing.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from qaformat.errors import Diagnostic, Severity
from qaformat.model import frozen_mapping

__all__ = ["Block", "Document", "Omitted"]


@attrs.frozen
class Block:
    """One line or paragraph of input, as its format presents it."""

    text: str
    """The visible text, markup removed (``**Jane:** Hi`` becomes ``Jane: Hi``)."""
    line: int
    """1-based source position: the line for text, HTML and captions (a cue's first text line),
    the paragraph (or table row) number for DOCX."""
    gap_before: bool = True
    """A blank line (or a paragraph boundary) separates it from the block before."""
    heading: int | None = None
    """Heading level 1-6 where the format marks one (``#``, ``<h2>``, a Heading style)."""
    title: bool = False
    """The format marks this as the document's title (a DOCX Title style, front matter)."""
    bold_prefix: int = 0
    """How many leading characters of ``text`` the format sets in bold (all of them: bold-only)."""
    italic: bool = False
    """The whole block is in italics (often an editor's note)."""
    quote: bool = False
    """The block is quoted (Markdown ``>``, ``<blockquote>``)."""
    speaker: str | None = None
    """A speaker the format names explicitly (a caption voice, a table column), else ``None``."""
    time: float | None = None
    """Seconds from the start where the format gives a time (a caption cue), else ``None``."""
    end: float | None = None
    """Seconds from the start where the format says the text ends (a caption cue's end time),
    else ``None``; with ``time`` it shows the pauses between cues."""
    style: str | None = None
    """The source's own paragraph style name (DOCX), for styles we wrote ourselves."""
    list_item: bool = False
    """The block is a list item or a paragraph indented under one (Markdown ``- `` or ``1. ``,
    ``<li>``, a numbered or bulleted Word paragraph)."""
    voice_change: bool = False
    """The format marks a change of speaker here without naming one (a caption line opening
    with a dialogue dash, ``- Why?``)."""


@attrs.frozen
class Omitted:
    """A source range a reader did not turn into blocks, and why (nothing is dropped silently)."""

    first_line: int
    """First line of the range (1-based)."""
    last_line: int
    """Last line of the range, inclusive."""
    reason: str
    """Why, in a few words (``front matter``, ``page navigation``)."""

    def as_diagnostic(self) -> Diagnostic:
        """The ``left-out`` info a reader reports for a range that holds words no block has (a
        comments section, a photo caption), so that `check` shows it."""
        return Diagnostic(Severity.INFO, "left-out", f"lines {self.first_line}-{self.last_line} not read ({self.reason})",
                          self.first_line)


@attrs.frozen
class Document:
    """What a reader returns: the blocks, plus what the format says about the whole input."""

    blocks: tuple[Block, ...]
    """Every non-blank block, in source order."""
    metadata: Mapping[str, str] = attrs.field(factory=dict, converter=frozen_mapping, hash=False)
    """Front matter, document properties, a page's ``<title>``."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """What reading changed or doubted (encoding fallback, replaced characters)."""
    omitted: tuple[Omitted, ...] = ()
    """Source ranges the reader kept out of the blocks (front matter, a page's navigation)."""
