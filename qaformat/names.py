"""People's names as transcripts write them: the titles before a name, the particles inside it,
the letters after it, and the words of generic labels.

One vocabulary for the parser, which reads labels (``Dr. Alexander Petrov``, ``Jane Roe, PhD``,
``Speaker 2``), and for the renderers, which write the short forms (``Petrov``, ``AP``), so a
label one of them writes is read back by the same rules. Imports nothing from the package.
"""

from __future__ import annotations

__all__ = ["CREDENTIALS", "GENERIC_WORDS", "HONORIFICS", "PARTICLES", "is_name_only"]

HONORIFICS = frozenset(
    """mr mrs ms miss mx dr doctor prof professor sen senator rep representative gov governor
    gen general col colonel capt captain cmdr commander lt lieutenant sgt sergeant maj major
    adm admiral rev reverend fr father sir dame lord lady judge justice pres president
    sec secretary amb ambassador mayor chairman chairwoman chair hon rabbi imam sheikh
    sister brother coach officer det detective chief minister pm mme mlle herr frau sra sr
    dra don doña msgr cardinal bishop pastor elder dean speaker""".split()
)
"""Titles that may stand before a name (``Dr. Alexander Petrov``), case-folded, without dots."""

PARTICLES = frozenset(
    "de da del della der den di du la le van von bin binti ibn al el y e dos das do ter ten st af zu ben bint abu".split()
)
"""Lower-case words that belong inside names (``Ludwig van Beethoven``, ``de la Cruz``)."""

CREDENTIALS = frozenset(
    "phd md jr sr ii iii iv esq rn mba dds qc kc mp obe cbe mbe dphil llm jd cpa".split()
)
"""Letters after a name that belong to it (``Jane Roe, PhD``, ``King Jr.``), not a job."""

GENERIC_WORDS = frozenset(
    """speaker speakers unidentified unknown voice audience member male female participant caller
    moderator interviewer interviewee narrator announcer questioner respondent crowd multiple""".split()
)
"""Words of generic labels (``Unidentified Male``, ``Audience Member``) that name a role, not a person."""

_NAME_MAX_WORDS = 6
_NAME_MAX_CHARS = 60


def is_name_only(text: str) -> bool:
    """A text that is only a name, as a format sets one apart (a table's speaker cell, a ``<dt>``
    over its ``<dd>``): one short line of a few words, not a sentence and not a label with text
    after it (``Dr.`` and ``Jr.`` may end in a dot; a trailing colon is dropped)."""
    name = text.rstrip(":： ").strip()
    if not 0 < len(name) <= _NAME_MAX_CHARS or "\n" in name or len(name.split()) > _NAME_MAX_WORDS:
        return False
    if ":" in name or "：" in name:
        return False  # "STQ: Do you still play?" is a label and its text
    last = name.split()[-1]
    return not name.endswith(("?", "!", ",")) and (not name.endswith(".") or len(last) <= 4)
