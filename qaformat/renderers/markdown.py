"""The Markdown renderer: ``# Title``, intro paragraphs, ``## Heading``, ``**Name:** text`` turns.

Owns the Markdown output of docs/markdown.md. Text is escaped so that no character of the
transcript turns into Markdown or raw HTML, and so that qaformat's own Markdown reader gives
back the same turns, speakers and headings (tested for every golden case). Imports the model,
the options, `castline` and `labels`; never readers or parsing.
"""

from __future__ import annotations

from collections.abc import Iterator

from qaformat.model import Kind, Section, Transcript, Turn
from qaformat.options import RenderOptions
from qaformat.patterns import lazy
from qaformat.renderers.castline import cast_line
from qaformat.renderers.labels import SpeakerLabels, clock_time, turn_time

__all__ = ["render_markdown"]

# Escaped wherever they stand: emphasis, code, links and images, raw HTML and autolinks,
# strikethrough, and the backslash itself. `(` is safe once `]` is escaped.
_ANYWHERE = lazy(r"([\\`*_\[\]<~])")
# Escaped at the start of a line only: headings, quotes, list items, thematic breaks.
_LINE_START = lazy(r"^([#>+\-])")
_ORDERED_ITEM = lazy(r"^(\d{1,9})([.)])")
_LINE_BREAKS = lazy(r"\s*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])\s*")


def render_markdown(transcript: Transcript, options: RenderOptions) -> str:
    """The transcript as Markdown (CommonMark).

    Args:
        transcript: what to render.
        options: ``labels``, ``timestamps``, ``bold_questions``, ``note`` and ``cast`` (italic
            paragraphs after the intro), ``show_title``, ``show_intro`` and ``heading_level`` are
            read. Unlabelled questions (``LabelStyle.NONE``) are
            set in bold, as with ``bold_questions``.

    Returns:
        The Markdown text: blocks separated by blank lines, ending in a newline.

    Raises:
        RenderError: a turn names a speaker the transcript does not list.
    """
    return "\n\n".join(block for block in _MarkdownWriter(transcript, options).blocks() if block) + "\n"


class _MarkdownWriter:
    """Yields the Markdown blocks, one small method per model level."""

    def __init__(self, transcript: Transcript, options: RenderOptions):
        self._transcript = transcript
        self._options = options
        # Markdown has no class or style to say a speaker's role: the first label keeps the
        # description that fixed it in the source (``**Nora Vellacott, HOST:**``).
        self._labels = SpeakerLabels(transcript.speakers, options.labels, described=True)

    def blocks(self) -> Iterator[str]:
        options = self._options
        if self._transcript.title and self._transcript.title.strip() and options.show_title:
            yield f"{'#' * max(1, options.heading_level - 1)} {_escape(self._transcript.title, line_start=False)}"
        for text in self._transcript.intro if options.show_intro else ():
            yield _escape(text)
        cast = cast_line(self._transcript) if options.cast else None
        for line in (options.note, cast):
            if line and line.strip():
                yield f"*{_escape(line, line_start=False)}*"
        for section in self._transcript.sections:
            yield from self._section(section)

    def _section(self, section: Section) -> Iterator[str]:
        if section.heading and section.heading.strip():
            yield f"{'#' * self._options.heading_level} {_escape(section.heading, line_start=False)}"
        for turn in section.turns:
            yield from self._turn(turn)

    def _turn(self, turn: Turn) -> Iterator[str]:
        match turn.kind:
            case Kind.NOTE:
                for text in turn.paragraphs:
                    if text.strip():
                        yield f"*{_escape(text, line_start=False)}*"
            case Kind.QUESTION | Kind.ANSWER | Kind.REMARK:
                label = self._labels.label(turn.speaker) if turn.speaker is not None else None
                bold = turn.kind is Kind.QUESTION and (self._options.bold_questions or label is None)
                paragraphs = [_escape(text) for text in turn.paragraphs if text.strip()]
                if bold:
                    paragraphs = [f"**{text}**" for text in paragraphs]
                opening = self._opening(turn, label)
                if opening:
                    first = paragraphs[0] if paragraphs else ""
                    paragraphs[:1] = [f"{opening} {first}".rstrip()]
                yield from paragraphs

    def _opening(self, turn: Turn, label: str | None) -> str:
        """``**Name:**``, ``**Name (00:01:02):**``, or with no label the time alone, or nothing."""
        seconds = turn_time(turn) if self._options.timestamps else None
        time = clock_time(seconds) if seconds is not None else None
        if label is None:
            return f"\\[{time}\\]" if time else ""
        name = _escape(label, line_start=False)
        return f"**{name} ({time}):**" if time else f"**{name}:**"


def _escape(text: str, *, line_start: bool = True) -> str:
    """Text that Markdown shows as written, on one line (line breaks become spaces).

    Args:
        text: the text.
        line_start: the text starts a line, where ``#``, ``>``, ``-``, ``+`` and ``1.`` mean
            something.
    """
    text = _LINE_BREAKS.sub(" ", text).strip()
    text = _ANYWHERE.sub(r"\\\1", text)
    if line_start:
        text = _LINE_START.sub(r"\\\1", text)
        text = _ORDERED_ITEM.sub(r"\1\\\2", text)
    return text
