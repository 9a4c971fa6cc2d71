"""Stage 4, paragraphs: join the lines of hard-wrapped text into paragraphs.

A block with an accepted label always starts a paragraph; so does a block after a blank line
or with a format hint (heading, bold, italics). An unlabelled line directly under another joins
it when the text is hard-wrapped (most lines end near one width, as in oral-history archives
and e-mailed transcripts) or when the line above plainly breaks mid-sentence. Otherwise each
line is its own paragraph, which is how most web and word-processor text arrives.
"""

from __future__ import annotations

import attrs

from qaformat.blocks import Block
from qaformat.parsing.units import Cast, Label, Para
from qaformat.parsing.words import LEADING_TIME, parse_time
from qaformat.patterns import lazy

__all__ = ["assemble_paragraphs"]

_WRAP_WIDTH_MAX = 110
_CLOCK = lazy(r"[AaPp]\.?[Mm]\b")  # "1:14 P.M. EDT" is a time of day, not a time code
_SENTENCE_END = tuple('.?!:;"”’)]…')


def _wrap_width(blocks: list[Block]) -> int | None:
    """The width text was wrapped at, or ``None`` if it was not hard-wrapped."""
    lengths = sorted(len(b.text) for b in blocks)
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width > _WRAP_WIDTH_MAX:
        return None
    joined = sum(1 for b in blocks if not b.gap_before)
    near = sum(1 for n in lengths if n >= width * 0.75)
    if joined < len(blocks) * 0.3 or near < len(lengths) * 0.3:
        return None
    return width


def assemble_paragraphs(blocks: list[Block], labels: list[Label | None], cast: Cast) -> list[Para]:
    """Turn blocks into paragraphs, carrying accepted labels and their speakers."""
    width = _wrap_width(blocks)
    paras: list[Para] = []
    lines: list[str] = []  # texts of the paragraph being built, joined once it is done
    last_length = 0  # length of the last source line of the paragraph being built
    for index, block in enumerate(blocks):
        speaker = cast.block_speaker.get(index)
        label = labels[index] if speaker is not None else None
        candidate = labels[index] if index not in cast.header else None
        if candidate is not None and candidate.continues:
            label, speaker = candidate, None
        if label is None and block.time is None and not block.heading:
            block = _lift_time(block)
        text = label.rest if label is not None else block.text
        previous = paras[-1] if paras else None
        if (
            label is None
            and previous is not None
            and not block.gap_before
            and _joins(previous, lines[-1], last_length, block, width)
        ):
            lines.append(text)
            previous.last_line = block.line
            last_length = len(block.text)
            continue
        _join_lines(previous, lines)
        paras.append(Para(text=text, first_line=block.line, last_line=block.line, block=block,
                          label=label, speaker=speaker))
        lines = [text]
        last_length = len(block.text)
    _join_lines(paras[-1] if paras else None, lines)
    return paras


def _join_lines(para: Para | None, lines: list[str]) -> None:
    """Give a paragraph the text of its joined lines (joined once: a paragraph of thousands of
    wrapped lines costs no more than its length)."""
    if para is not None and len(lines) > 1:
        para.text = " ".join(line for line in lines if line)


def _lift_time(block: Block) -> Block:
    """``[00:09:58] [SPONSOR BREAK]``: the time is the note's timestamp, not its text."""
    lead = LEADING_TIME.match(block.text)
    if lead is None or lead.end() >= len(block.text) or _CLOCK.match(block.text, lead.end()):
        return block
    if block.text[0] not in "[(" and lead.group(1).count(":") < 2:
        return block  # "10:30 is when we met": a clock time in prose, not a time code
    return attrs.evolve(block, text=block.text[lead.end():], time=parse_time(lead.group(1)), bold_prefix=0)


def _joins(previous: Para, text: str, last_length: int, block: Block, width: int | None) -> bool:
    """Does ``block`` go on the paragraph ``previous``, whose text so far ends with ``text``?"""
    if block.heading or block.bold_prefix or block.italic or block.title or block.speaker:
        return False
    hints = previous.block
    if hints.heading or hints.italic or hints.title or (hints.bold_prefix and hints.bold_prefix == len(hints.text)):
        return False
    if previous.label is not None and not text:
        return False  # a name on its own line: its text starts a paragraph of its own
    if block.text[:1] in "([" and text.rstrip().endswith(_SENTENCE_END):
        return False  # a stage direction under a finished sentence stands on its own
    if width is not None:
        # A line in capitals ("SUMMARY KEYWORDS") heads what follows; wrapped text does not change case
        # (every line joined so far had the case of the one above it, so the last one stands for all).
        return last_length >= width * 0.6 and text.isupper() == block.text.isupper()
    ends = text.rstrip()
    return (
        bool(ends)
        and not ends.endswith(_SENTENCE_END)
        and (ends[-1].islower() or ends[-1] == ",")
        and block.text[:1].islower()
    )
