"""Language: the document's language tag, into the transcript's ``lang`` metadata.

The caller's tag (``ParseOptions.lang``) wins; then a tag the input declares (an HTML page's
``lang``, a WebVTT ``Language:`` header); else a guess from the text of the turns, reported
with its confidence either way, so an editor sees what was assumed and can say otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from qaformat.language import LIKELY, guess_language_of
from qaformat.parsing.report import Report
from qaformat.patterns import lazy

__all__ = ["find_language"]

_TAG = lazy(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_DECLARED = ("lang", "language")  # metadata keys the readers fill from the input's own markup


def find_language(metadata: Mapping[str, str], paragraphs: Iterable[str], given: str | None,
                  report: Report) -> dict[str, str]:
    """The metadata with ``lang`` set to the document's language, where it can be told."""
    found = dict(metadata)
    declared = next((v.strip().replace("_", "-") for v in (found.get(key, "") for key in _DECLARED)
                     if _TAG.fullmatch(v.strip())), None)
    found.pop("lang", None)  # a declared value that is no language tag ("English") is not kept as one
    if given or declared:
        found["lang"] = given or declared or ""
        return found
    guess = guess_language_of(paragraphs)
    if guess is None:
        report.info("language-unknown", "the language of the text could not be told; set it with --lang")
    elif guess.confidence < LIKELY:
        report.info("language-unknown", f"the text reads most like {guess.tag} (confidence {guess.confidence:.2f}),"
                    " too little to go by; set it with --lang")
    else:
        found["lang"] = guess.tag
        report.info("language-guessed", f"{guess.tag} (confidence {guess.confidence:.2f}); set another with --lang")
    return found
