"""Parsing: from a reader's blocks to a `Transcript`. Knows interviews, not file formats.

The stages are plain functions, called in order in `parse_document` below; each reports what it
decided or doubted to one `Report`. Stages import the shared `units`, `words`, `report` and
`joined` modules, never each other. In order: 1 normalize, 1b cues (a caption cue split at a
label inside it), 2 conventions (which compete, each judged by 3 speakers; see `contest`),
4 paragraphs, 5 layout, 6 turns, 7 naming, 8 evidence, 9 roles, 10 describe, 11 tidy,
12 directions, 13 checks.
"""

from __future__ import annotations

import attrs

from qaformat.blocks import Document
from qaformat.errors import ParseError, Severity, under_strict
from qaformat.model import Kind, Role, Section, Skipped, Speaker, Transcript, Turn
from qaformat.options import ParseOptions
from qaformat.parsing.checks import check_transcript
from qaformat.parsing.contest import choose_reading
from qaformat.parsing.cues import split_cues
from qaformat.parsing.describe import describe_speakers
from qaformat.parsing.directions import find_spans
from qaformat.parsing.evidence import marked_roles, role_votes
from qaformat.parsing.language import find_language
from qaformat.parsing.layout import find_layout
from qaformat.parsing.naming import suggest_names
from qaformat.parsing.normalize import normalize
from qaformat.parsing.paragraphs import assemble_paragraphs
from qaformat.parsing.positions import SourceMap
from qaformat.parsing.report import Report
from qaformat.parsing.roles import assign_kinds, assign_roles
from qaformat.parsing.tidy import needs_tidy, tidy_text
from qaformat.parsing.turns import group_turns
from qaformat.parsing.units import Draft, Para, ParaRole
from qaformat.parsing.words import PARTICLES

__all__ = ["parse_document"]


def parse_document(document: Document, options: ParseOptions | None = None) -> Transcript:
    """Run every parsing stage over a reader's document.

    Raises:
        ParseError: no speaker labels were found, or ``options.strict`` and a warning or error
            was reported.
    """
    options = options or ParseOptions()
    report = Report()
    for diagnostic in document.diagnostics:
        report.add(diagnostic)

    blocks = split_cues(normalize(document.blocks, report))
    if not blocks:
        raise ParseError(_no_text(document), line=document.omitted[0].first_line if document.omitted else 1)
    labels, cast = choose_reading(blocks, document.metadata, options, report)
    paras = assemble_paragraphs(blocks, labels, cast)
    names = tuple(form for s in cast.speakers for form in {s.name, *s.names})
    layout = find_layout(paras, names=names, whole=options.whole, report=report)
    grouped = group_turns(layout.paras, cast.speakers)
    turns = [turn for section in grouped.sections for turn in section.turns]
    suggest_names(cast.speakers, turns, report, apply=options.name_speakers)
    roles = assign_roles(cast.speakers, turns, report, role_votes(cast.speakers, layout.paras, document.metadata),
                         marked_roles(layout.paras))
    assign_kinds(turns, roles)
    describe_speakers(cast.speakers, grouped.intro + ((layout.title,) if layout.title else ()))

    tidy = options.tidy
    source = SourceMap(blocks)
    title = layout.title or document.metadata.get("title")
    if layout.title is not None:
        report.info("title-found", f"line {_title_line(layout.paras)} taken as the title: {layout.title[:60]!r}",
                    _title_line(layout.paras))
    if title is not None:
        title = tidy_text(title, _title_line(layout.paras), report, apply=tidy, source=source)
    intro = tuple(tidy_text(p, line, report, apply=tidy, source=source)
                  for p, line in zip(grouped.intro, grouped.intro_lines, strict=True))
    untidy = iter(needs_tidy([p for draft in turns for p in draft.paragraphs]))
    for draft in turns:
        if draft.speaker is not None and not draft.paragraphs:
            report.warning("empty-turn", "a speaker label with no text after it", draft.line)
        draft.paragraphs = [tidy_text(p, draft.line, report, apply=tidy, source=source) if next(untidy) else p
                            for p in draft.paragraphs]

    first_lines = {t.speaker: t.line for t in reversed(turns) if t.speaker is not None}
    speakers = tuple(
        Speaker(
            id=s.id,
            name=_tidy_name(s.name, first_lines.get(s.id), report) if tidy else s.name,
            role=roles.get(s.id, Role.OTHER),
            aliases=tuple(s.written),
            description=s.description,
        )
        for s in cast.speakers
    )
    sections = tuple(
        Section(
            heading=_tidy_heading(s.heading, s.line, report) if (tidy and s.heading) else s.heading,
            turns=tuple(_turn(t) for t in s.turns),
            line=s.line,
        )
        for s in grouped.sections
        if s.turns or s.heading
    )
    # Slips are judged against the names as written, not as tidy recased them.
    check_transcript(layout.paras, tuple(attrs.evolve(s, name=d.name) for s, d in zip(speakers, cast.speakers, strict=True)),
                     sections, report, SourceMap(blocks))
    # A label the layout left out with its box (a paywall's "Frage: Schon Abonnent?") names no speaker.
    boxed = {p.speaker for p in layout.paras if p.speaker is not None and p.role is ParaRole.SKIPPED} - {
        t.speaker for t in turns}
    speakers = tuple(s for s in speakers if s.id not in boxed)
    skipped = tuple(Skipped(o.first_line, o.last_line, o.reason) for o in document.omitted) + grouped.skipped
    for left_out in grouped.skipped:
        report.info("outside-interview", f"lines {left_out.first_line}-{left_out.last_line} left out"
                    f" ({left_out.reason}); keep them with --whole", left_out.first_line)
    metadata = find_language({**layout.metadata, **document.metadata}, (p for draft in turns for p in draft.paragraphs),
                             options.lang, report)
    diagnostics = report.sorted()
    if options.strict:
        diagnostics = tuple(map(under_strict, diagnostics))
        serious = [d for d in diagnostics if d.severity in (Severity.WARNING, Severity.ERROR)]
        if serious:
            first = serious[0]
            raise ParseError(f"{first.code}: {first.message}", line=first.line, diagnostics=serious)
    return Transcript(
        title=title,
        intro=intro,
        speakers=speakers,
        sections=sections,
        skipped=tuple(sorted(skipped, key=lambda s: s.first_line)),
        diagnostics=diagnostics,
        metadata=metadata,
    )


def _no_text(document: Document) -> str:
    """Why there is nothing to read: no text at all, or only text a reader left out or kept as
    metadata."""
    if not document.omitted:
        if document.metadata:
            return f"no interview found: the input's only text is its metadata ({', '.join(document.metadata)})"
        return "no interview found: the input has no text"
    reasons = list(dict.fromkeys(o.reason for o in document.omitted))
    listed = ", ".join(reasons[:3]) + (f" and {len(reasons) - 3} more" if len(reasons) > 3 else "")
    return f"no interview found: the input's only text is in parts left out ({listed})"


def _title_line(paras: tuple[Para, ...]) -> int:
    for para in paras:
        if para.role is ParaRole.TITLE:
            return para.first_line
    return 0


def _turn(draft: Draft) -> Turn:
    assert draft.kind is not None
    return Turn(
        kind=draft.kind if draft.speaker is not None else Kind.NOTE,
        speaker=draft.speaker,
        paragraphs=tuple(draft.paragraphs),
        line=draft.line,
        timestamp=draft.timestamp,
        spans=find_spans(draft.paragraphs),
    )


def _tidy_name(name: str, line: int | None, report: Report) -> str:
    """Capitalise the lower-case words of a name (``Emily carter`` -> ``Emily Carter``),
    particles (``della``, ``van``) excepted."""
    words = name.split(" ")
    tidied = " ".join(w[:1].upper() + w[1:] if w[:1].islower() and w not in PARTICLES else w for w in words)
    if tidied != name:
        report.info("tidy-name-case", f"speaker name {name!r} written {tidied!r}", line)
    return tidied


def _tidy_heading(heading: str, line: int, report: Report) -> str:
    tidied = heading[:1].upper() + heading[1:]
    if tidied != heading:
        report.info("tidy-heading-case", f"heading {heading[:40]!r} starts with a capital", line)
    return tidied
