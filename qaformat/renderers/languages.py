"""Languages for the renderers: the document's language, and the turns written in another.

Shared by the HTML renderer (``lang`` and ``dir`` attributes) and the DOCX renderer (``w:lang``
in the styles and on runs) so both decide alike. The document's language is the caller's
(``RenderOptions.lang``), else the transcript's ``lang`` metadata (which parsing fills), else a
guess over the text, for a transcript built by hand or read from older JSON. Imports the model,
the options and `qaformat.language`; never readers or parsing.
"""

from __future__ import annotations

from collections.abc import Iterator

from qaformat.language import LIKELY, guess_language_of
from qaformat.model import Transcript
from qaformat.options import RenderOptions

__all__ = ["document_language"]


def document_language(transcript: Transcript, options: RenderOptions) -> str | None:
    """The language tag of the whole document, or ``None`` when nothing says and the text is
    too short or in a language the guess does not know."""
    given = options.lang or transcript.metadata.get("lang")
    if given:
        return given
    guess = guess_language_of(_paragraphs(transcript))
    return guess.tag if guess is not None and guess.confidence >= LIKELY else None


def _paragraphs(transcript: Transcript) -> Iterator[str]:
    for turn in transcript.turns():
        yield from turn.paragraphs
