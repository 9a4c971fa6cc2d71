"""Stages 2 and 3 together: the conventions compete, and the speakers stage judges each.

Every registered convention (or only the one the caller forces) proposes a reading; the
speakers stage accepts or rejects its labels; the reading whose accepted turns explain the
most of the document wins, the registry's order breaking ties. A reading built on implied
speakers (unlabelled questions) starts behind written labels, and loses the share of the text
whose written labels, accepted by an earlier reading, it reads as mere text. The choice and the
runner-up are reported as ``info convention``; when nothing is found, the error lists what
each convention found.
"""

from __future__ import annotations

from collections.abc import Mapping

from qaformat.blocks import Block
from qaformat.errors import ParseError
from qaformat.options import ParseOptions
from qaformat.parsing.conventions import CONVENTIONS, Convention, convention_named, fit
from qaformat.parsing.conventions.features import features_of
from qaformat.parsing.report import Report
from qaformat.parsing.speakers import resolve_speakers
from qaformat.parsing.units import Cast, Label

__all__ = ["choose_reading"]

_FEWEST_TURNS = 2
"""A reading needs at least this many labelled paragraphs to be an interview."""
_IMPLIED_HANDICAP = 0.05
"""Written labels beat a layout's implied speakers unless the layout explains clearly more."""


def choose_reading(blocks: list[Block], metadata: Mapping[str, str], options: ParseOptions,
                   report: Report) -> tuple[list[Label | None], Cast]:
    """The winning reading's labels and the speakers stage's verdict on them.

    Raises:
        ParseError: no convention finds an interview (the message lists what each found).
    """
    if options.convention is not None:
        try:
            contenders: tuple[Convention, ...] = (convention_named(options.convention),)
        except KeyError:
            names = ", ".join(c.name for c in CONVENTIONS)
            raise ParseError(f"unknown convention {options.convention!r}; the conventions are {names}") from None
    else:
        contenders = CONVENTIONS
    scored: list[tuple[float, int, Convention, tuple[Label | None, ...], Cast, Report, float]] = []
    tried: list[str] = []
    first_error: ParseError | None = None
    features = features_of(blocks)
    total = sum(len(b.text) for b in blocks) or 1
    written: frozenset[int] = frozenset()  # blocks whose written labels a reading accepted
    for order, convention in enumerate(contenders):
        labels = convention.propose(blocks, features, metadata)
        if labels is None or isinstance(labels, str):
            tried.append(f"{convention.name}: {labels or 'none'}")
            continue
        heard = Report()  # only the winner's decisions reach the caller
        try:
            cast = resolve_speakers(list(labels), blocks, options.speakers, heard)
        except ParseError as error:
            first_error = first_error or error
            continue
        if len(cast.block_speaker) < _FEWEST_TURNS:
            # One labelled paragraph is a monologue's rhetorical "Question:", not an interview.
            why = next((f" ({d.message})" for d in heard.items if d.code == "labels-categories"), "")
            tried.append(f"{convention.name}: {len(cast.block_speaker)} labelled paragraph(s){why}")
            continue
        share = fit(blocks, cast)
        tried.append(f"{convention.name}: {share:.0%}")
        if not convention.implied:
            written |= {i for i in cast.block_speaker if (label := labels[i]) is not None and not label.explicit}
            score = share
        else:
            # A layout reading that talks over written labels explains those lines away.
            ignored = sum(len(blocks[i].text) for i in written if (label := labels[i]) is None or label.explicit)
            score = share - _IMPLIED_HANDICAP - ignored / total
        scored.append((score, -order, convention, labels, cast, heard, share))
    if not scored:
        if first_error is not None:
            raise first_error
        raise ParseError(
            "no interview found: no speaker labels such as 'Name:' or 'Q:' recur in the input"
            f" (tried {'; '.join(tried)}; name the speakers with ParseOptions(speakers=...) if they are there)",
            line=blocks[0].line,
        )
    scored.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)
    _, _, convention, labels, cast, heard, share = scored[0]
    for diagnostic in heard.items:
        report.add(diagnostic)
    turns = len(cast.block_speaker)
    runner_up = f"; next best {scored[1][2].name!r}, {scored[1][6]:.0%}" if len(scored) > 1 else ""
    first = min(cast.block_speaker) if cast.block_speaker else 0
    report.info("convention", f"read as {convention.name!r} ({share:.0%} of the text, {turns} labelled"
                f" paragraphs, {len(cast.speakers)} speakers{runner_up})", blocks[first].line)
    if convention.caveat is not None and any(draft.role is None for draft in cast.speakers):
        report.warning(*convention.caveat, blocks[first].line)
    return list(labels), cast
