"""Stage 2, conventions: decide how this document marks its speakers, from the whole of it.

A convention is one way transcripts mark who speaks: ``Name: text`` labels, a name alone on
its line, questions set as headings, questions set in bold or italics with the answers in plain
text under them, answers quoted under plain questions. Each is a small module with a
``propose`` function that reads every block (and the shared `Features` of each) and returns the
label (possibly an implied one, such as an unnamed interviewer) of each block that starts a
turn. The conventions compete (`qaformat.parsing.contest`): the speakers stage accepts or
rejects each proposal's labels, and `fit` measures how much of the document the accepted ones
explain. The best fit wins; ``ParseOptions(convention=...)`` forces one. Later stages take the
winner's labels as they are and never judge again who is a speaker.

`CONVENTIONS` is the registry, in the order that breaks ties (as markdown-it-py's ``Ruler``
orders its rules): the first convention listed wins an equal fit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import attrs

from qaformat.blocks import Block
from qaformat.parsing.conventions import colon, ownline, questions, voices
from qaformat.parsing.conventions.features import Features
from qaformat.parsing.units import Cast, Label

__all__ = ["CONVENTIONS", "Convention", "convention_named", "fit"]


@attrs.frozen
class Convention:
    """One way of marking speakers, as `qaformat conventions` lists it."""

    name: str
    """The name ``--convention`` takes."""
    summary: str
    """What the convention looks like, in a few words."""
    example: str
    """A one-line example of it."""
    propose: Callable[[list[Block], Features, Mapping[str, str]], tuple[Label | None, ...] | str | None]
    """Reads the blocks (with their features, and the reader's metadata); ``None`` when the
    document has none of it, and a few words of why when it has some but they are no interview
    (the "no interview found" error quotes them)."""
    implied: bool = False
    """The speakers are implied by the layout, not written: weaker evidence than a written label."""
    caveat: tuple[str, str] | None = None
    """The warning (code, message) reported when the convention wins with speakers whose role
    it leaves open (generic voices): its reading rests on an assumption the editor should check."""


CONVENTIONS: tuple[Convention, ...] = (
    Convention("colon", "a speaker label before the text: names, role words, initials, times",
               "**Jane Roe:** text  ·  Q: text  ·  [00:01:02] MR. SMITH: text  ·  Jane Roe  00:01:02 (own line)",
               colon.propose),
    Convention("dash", "a label before the text with a dash or a chevron instead of a colon",
               "Q - text  ·  A – text  ·  NAME — text  ·  Name > text", colon.propose_dashes),
    Convention("period", "an honorific or title and a surname, then a full stop, as hearings print them",
               "Mr. LATTA. text  ·  The CHAIRMAN. text  ·  Senator Cassidy. text", colon.propose_periods),
    Convention("own-line-names", "the speaker's name alone on a line, the text under it",
               "JANE DOE  /  Hello and welcome.", ownline.propose),
    Convention("heading-questions", "each question is a heading; the answer is the text under it",
               "### What hardware do you use?", questions.propose_headings, implied=True),
    Convention("bold-questions", "each question is a paragraph in bold; the answer is the plain text under it",
               "**What got you started?**", questions.propose_bold, implied=True),
    Convention("italic-questions", "each question is a paragraph in italics; the answer is the text under it",
               "*What got you started?*", questions.propose_italic, implied=True),
    Convention("list-questions", "each question is an item of a (numbered) list; the answer is the text under it",
               "1. How did you get started?  /  A weekend class.", questions.propose_listed, implied=True),
    Convention("blockquote-answers", "plain questions with the answers quoted under them (or the reverse)",
               "What got you started?  /  > My father's bakery.", questions.propose_blockquotes, implied=True),
    Convention("dash-questions", "each question opens with a dash; the answer under it has none",
               "――What got you started?  /  My father's bakery.", questions.propose_dashed, implied=True),
    Convention("unnamed-voices", "each turn opens with a dash (or a caption's >>) and nobody is named",
               "- Why did you leave?  /  - Because the boats stopped.", voices.propose, implied=True,
               caveat=voices.CAVEAT),
)
"""Every convention, in the order that breaks a tie."""


def convention_named(name: str) -> Convention:
    """The registered convention of this name.

    Raises:
        KeyError: no convention has this name.
    """
    for convention in CONVENTIONS:
        if convention.name == name:
            return convention
    raise KeyError(name)


def fit(blocks: list[Block], cast: Cast) -> float:
    """Share of the document's text that a reading's accepted turns explain: the text from the
    first accepted label to the last, and after the last up to the next heading, but no more
    than two of the reading's average turns (a header's two labels explain no interview)."""
    if not cast.block_speaker:
        return 0.0
    total = sum(len(b.text) for b in blocks) or 1
    first = min(cast.block_speaker)
    last = max(cast.block_speaker)
    inside = sum(len(blocks[i].text) for i in range(first, last + 1))
    cap = 2 * inside / len(cast.block_speaker)
    after = 0
    for index in range(last + 1, len(blocks)):
        if blocks[index].heading or after >= cap:
            break
        after += len(blocks[index].text)
    return (inside + min(after, cap)) / total
