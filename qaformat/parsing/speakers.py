"""Stage 3, speakers: decide which label candidates are speakers, and who is who.

One person written several ways is one speaker: labels are grouped by their case-folded name
words (``Emily carter`` = ``Emily Carter``), then a surname, first name or initials label joins
the one longer name it fits (``Petrov``, ``COOPER``, ``EC``, ``CH`` for ``CLICK HERE``). A
name-shaped label is accepted when its speaker recurs, when the caller names it, when it is a
role word, or when it appears once among accepted labels written the same way (a third voice
in a caps broadcast transcript). The canonical name is the most complete, best-cased form.
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Mapping

from qaformat.blocks import Block
from qaformat.model import Role
from qaformat.options import SpeakerSpec
from qaformat.parsing.header import name_from_header, read_header, summary_labels, title_labels
from qaformat.parsing.report import Report
from qaformat.parsing.units import Cast, Label, SpeakerDraft
from qaformat.parsing.words import ROLE_WORDS, display_case, honorific, initials, name_words, slug

__all__ = ["resolve_speakers"]


def _key(label: Label) -> str:
    return _name_key(label.name, label.role_word is not None)


@functools.lru_cache(maxsize=65536)  # labels repeat: each spelling's key is worked out once
def _name_key(name: str, role_word: bool) -> str:
    if role_word:
        return "role:" + " ".join(name.casefold().replace(".", " ").split())
    return " ".join(name_words(name))


@functools.lru_cache(maxsize=65536)
def _given_key(text: str) -> str:
    return " ".join(name_words(text)) or text.casefold().strip()


def resolve_speakers(
    labels: list[Label | None],
    blocks: list[Block],
    given: Mapping[str, SpeakerSpec],
    report: Report,
) -> Cast:
    """Group label candidates into speakers and accept the real ones.

    Args:
        labels: the label candidate of each block (``None`` where none).
        blocks: the blocks themselves.
        given: the caller's speaker map (label as written -> spec).
        report: where decisions are reported.

    Returns:
        The accepted speakers (ids assigned, canonical names chosen) and, for each block
        whose label was accepted, the speaker id.
    """
    lines = [block.line for block in blocks]
    titles = title_labels(labels, blocks) | summary_labels(labels, blocks)
    labels = [None if index in titles else label for index, label in enumerate(labels)]
    header = _header_blocks(labels, blocks)
    credit_lines, credits = read_header(labels, blocks, header)
    header |= credit_lines
    header_roles = {
        _key(label): label.rest for i in header if (label := labels[i]) is not None and label.role_word
    }
    labels = [None if index in header else label for index, label in enumerate(labels)]
    given_keys = {_given_key(label): (label, spec) for label, spec in given.items()}
    drafts: dict[str, SpeakerDraft] = {}
    uses: list[tuple[int, str]] = []
    late: list[tuple[int, str]] = []  # not name-shaped: a speaker only as a case variant
    for index, label in enumerate(labels):
        if label is None or label.continues:
            continue
        key = _key(label)
        # Most callers name no speakers: then no label's written form needs looking up.
        given_written = bool(given_keys) and _given_key(label.written) in given_keys
        if not label.name_shaped and key not in given_keys and not given_written:
            late.append((index, key))
            continue
        if given_written and key not in given_keys:
            key = _given_key(label.written)
        entry = given_keys.get(key)
        if entry is not None and entry[1].name and label.role_word is None:
            # The caller names this label: group it with that name ("J. Smith" -> "John Smith").
            key = _given_key(entry[1].name)
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = SpeakerDraft(key=key)
            if label.role_word is not None:
                draft.role = label.role_word.role
                draft.anonymous = label.role_word.anonymous
        draft.count += 1
        if label.written not in draft.written:
            draft.written.append(label.written)
        draft.names.append(label.name)
        if label.extra and draft.description is None:
            draft.description = label.extra
        if label.extra and draft.role is None:
            draft.role = _role_hint(label.extra)
        uses.append((index, key))

    for index, key in late:
        # "amir Haddad:" is "Amir Haddad:" with a slip of the shift key.
        label = labels[index]
        if label is not None and len(key.split()) >= 2 and key in drafts and _loose_name(label.name):
            drafts[key].count += 1
            if label.written not in drafts[key].written:
                drafts[key].written.append(label.written)
            drafts[key].names.append(label.name)
            uses.append((index, key))
    uses.sort()
    if drafts:  # with no labels at all, the bold-questions fallback may still find some
        _check_given(given_keys, drafts, report)
    merged = _merge_short_forms(drafts, labels, uses)
    accepted = _accept(drafts, merged, labels, uses, given_keys, report, lines)

    order: list[SpeakerDraft] = []
    block_speaker: dict[int, str] = {}
    taken: set[str] = set()
    named: set[str] = set()
    first_use: dict[str, int] = {}
    chosen = [drafts[key] for key in accepted]
    for index, key in uses:
        target = merged.get(key, key)
        if target not in accepted:
            continue
        draft = drafts[target]
        label = labels[index]
        if label is not None:
            first_use.setdefault(label.written, index)
        if not draft.id:
            _finish(draft, given_keys)
            name_from_header(draft, chosen, credits, named, report)
            draft.id = _unique(slug(draft.name), taken)
            order.append(draft)
        block_speaker[index] = draft.id
    for draft in order:
        draft.written.sort(key=lambda written: first_use.get(written, len(labels)))
        # A header's "Interviewer: Tom Bell" says who the INTERVIEWER label is.
        if draft.description is None and header_roles.get(draft.key):
            draft.description = header_roles[draft.key]
    return Cast(tuple(order), block_speaker, frozenset(header))


_HEADER_MIN_LINES = 3
_HEADER_MAX_WORDS = 12


def _header_blocks(labels: list[Label | None], blocks: list[Block]) -> set[int]:
    """Blocks of a "Key: value" header (an archive's or a service's): three or more lines in a
    row, each a short value after a label-like key, with no key repeated. Never speakers."""
    found: set[int] = set()
    run: list[int] = []

    def close() -> None:
        keys = [labels[i].name.casefold() for i in run]  # type: ignore[union-attr]
        if len(run) >= _HEADER_MIN_LINES and len(set(keys)) == len(keys):
            found.update(run)
        run.clear()

    for index, label in enumerate(labels):
        short = (label is not None and not label.continues and not label.recurs_only and label.rest
                 and len(label.rest.split(maxsplit=_HEADER_MAX_WORDS)) <= _HEADER_MAX_WORDS)
        if short and (not run or not blocks[index].gap_before):
            run.append(index)
            continue
        if run:
            close()
        if short:
            run.append(index)
    close()
    return found | _top_header(labels)


_TOP_HEADER_SCAN = 12


def _top_header(labels: list[Label | None]) -> set[int]:
    """A header at the very top, one field a paragraph (as Word files have it: ``Participant:
    P07``, ``Interviewer: Dr. Hannah Cole``, ``Date: 4 October 2023``): three or more labelled
    paragraphs in a row before any other text, each key used nowhere else in the document."""
    run: list[int] = []
    for index, label in enumerate(labels[:_TOP_HEADER_SCAN]):
        if label is None:
            if run:
                break
            continue
        if label.continues or not label.rest or len(
                label.rest.split(maxsplit=_HEADER_MAX_WORDS)) > _HEADER_MAX_WORDS or label.rest.endswith("?"):
            break  # a field's value names something; it asks nothing
        run.append(index)
    if len(run) < _HEADER_MIN_LINES:
        return set()  # most documents: the keys need no counting
    counts = Counter(label.name.casefold() for label in labels if label is not None and not label.continues)
    repeated = next((position for position, index in enumerate(run)
                     if counts[labels[index].name.casefold()] > 1), len(run))  # type: ignore[union-attr]
    run = run[:repeated]
    if len(run) < _HEADER_MIN_LINES:
        return set()
    later = {label.name.casefold() for label in labels[run[-1] + 1:] if label is not None and not label.continues}
    return set(run) if any(counts[key] > 1 for key in later) else set()  # the interview follows it


def _check_given(given_keys: dict[str, tuple[str, SpeakerSpec]], drafts: dict[str, SpeakerDraft],
                 report: Report) -> None:
    """A label in the caller's speaker map that matches no label: worth knowing (a slip of the
    pen), not stopping for, since one map serves every episode of a series."""
    seen = {_given_key(w) for d in drafts.values() for w in d.written} | {d.key for d in drafts.values()}
    written = sorted({w for d in drafts.values() for w in d.written})
    for key, (label, _) in given_keys.items():
        if key in seen:
            continue
        import difflib  # only for a speaker map's unused label: start-up stays short without it

        close = difflib.get_close_matches(label, written, n=1, cutoff=0.6)
        hint = f"; perhaps you meant {close[0]!r}" if close else f"; labels found: {', '.join(written[:8]) or 'none'}"
        report.info("speaker-map-unused", f"speaker map: label {label!r} matches no speaker label in the input{hint}", 1)


def _loose_name(name: str) -> bool:
    return all(c.isalpha() or c in ".'’- " for c in name) and len(name.split()) <= 5


def _merge_short_forms(
    drafts: dict[str, SpeakerDraft], labels: list[Label | None], uses: list[tuple[int, str]]
) -> dict[str, str]:
    """Map each short-form key (surname, first name, initials) to the one long key it fits."""
    # A joint label ("Ana & Ben") is its own speaker: neither name is a short form of it.
    named = [d for d in drafts.values() if not d.key.startswith("role:") and not _is_joint(d)]
    by_last: dict[str, list[SpeakerDraft]] = {}
    by_first: dict[str, list[SpeakerDraft]] = {}
    by_initials: dict[str, list[SpeakerDraft]] = {}
    longer: dict[str, list[SpeakerDraft]] = {}  # names of three or more words, by last word
    for draft in named:
        words = draft.key.split()
        if len(words) >= 2:
            by_last.setdefault(words[-1], []).append(draft)
            by_first.setdefault(words[0], []).append(draft)
            by_initials.setdefault(initials(words), []).append(draft)
        if len(words) >= 3:
            longer.setdefault(words[-1], []).append(draft)
    # Two labels that answer each other are two people ("Maria:" after "Maria Lopez:").
    talk_to = {(a, b) for (_, a), (_, b) in itertools.pairwise(uses) if a != b}
    talk_to |= {(b, a) for a, b in talk_to}
    merged: dict[str, str] = {}
    # Once per speaker: a surname used by many speakers is compared with each of them.
    genders = {draft.key: _genders(draft) for draft in named}
    for draft in named:
        words = draft.key.split()
        if words[0] == "the":
            continue  # a title is one office: THE PRESIDENT is not THE VICE PRESIDENT
        if len(words) >= 2:
            # "jane a roe" and "jane roe": one name's words inside the other's.
            fits = [d for d in longer.get(words[-1], []) if len(d.key.split()) > len(words)
                    and _subsequence(words, d.key.split())]
        else:
            word = words[0]
            fits = by_last.get(word) or [
                # A first name answering the full name is another person who shares it.
                d for d in by_first.get(word, []) if (draft.key, d.key) not in talk_to]
            if not fits and 2 <= len(word) <= 4 and all(w.isupper() for w in draft.written if w):
                fits = by_initials.get(word, [])
        fits = [d for d in fits if _compatible_honorifics(genders, draft, d)]
        if len(fits) == 1:
            merged[draft.key] = fits[0].key
    # Follow chains (a -> b -> c) so every short form points at a final long form.
    for key in list(merged):
        seen = {key}
        target = merged[key]
        while target in merged and target not in seen:
            seen.add(target)
            target = merged[target]
        merged[key] = target
    for key, target in merged.items():
        _absorb(drafts[target], drafts[key])
    return merged


_ASKER_HINTS = frozenset({"byline", "correspondent", "reporter", "interviewer", "journalist", "editor"})


def _role_hint(extra: str) -> Role | None:
    """``NAME, HOST:``, ``Jane Roe (guest):``, ``NAME, CNN ANCHOR:``: the label says the role."""
    words = extra.casefold().replace("-", " ").split()
    for candidate in (" ".join(words), words[-1] if words else ""):
        found = ROLE_WORDS.get(candidate)
        if found is not None and found.role is not None and not found.anonymous:
            return found.role
        if candidate in _ASKER_HINTS:
            return Role.INTERVIEWER
    return None


def _is_joint(draft: SpeakerDraft) -> bool:
    return any(" & " in name or " + " in name or " and " in name for name in draft.names)


def _absorb(into: SpeakerDraft, other: SpeakerDraft) -> None:
    into.count += other.count
    into.written.extend(w for w in other.written if w not in into.written)
    into.names.extend(other.names)
    into.role = into.role or other.role
    into.description = into.description or other.description


def _subsequence(short: list[str], long: list[str]) -> bool:
    position = 0
    for word in long:
        if position < len(short) and word == short[position]:
            position += 1
    return position == len(short)


_GENDERED = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f"}


def _genders(draft: SpeakerDraft) -> frozenset[str]:
    """The genders a speaker's honorifics say (``Mr.``: m), empty where none does."""
    return frozenset(_GENDERED[h] for h in map(honorific, set(draft.names)) if h in _GENDERED)


def _compatible_honorifics(genders: Mapping[str, frozenset[str]], short: SpeakerDraft, long: SpeakerDraft) -> bool:
    """``Mrs. Smith`` is not ``Mr. John Smith``."""
    mine, theirs = genders[short.key], genders[long.key]
    return not (mine and theirs and not (mine & theirs))


def _accept(
    drafts: dict[str, SpeakerDraft],
    merged: dict[str, str],
    labels: list[Label | None],
    uses: list[tuple[int, str]],
    given_keys: dict[str, tuple[str, SpeakerSpec]],
    report: Report,
    lines: list[int],
) -> set[str]:
    accepted: set[str] = set()
    explicit = {key for index, key in uses if (label := labels[index]) is not None and label.explicit}
    for key, draft in drafts.items():
        if key in merged:
            continue
        if draft.key in given_keys or any(_given_key(w) in given_keys for w in draft.written):
            draft.given = True
            accepted.add(key)
        elif key.startswith("role:") or (draft.count >= 2 and not _titled_statements(draft, labels, uses)):
            accepted.add(key)
        elif key in explicit:
            accepted.add(key)
    strong = [i for i, k in uses if merged.get(k, k) in accepted]
    if strong:
        first, last = strong[0], strong[-1]
        written = [label for i in strong if (label := labels[i]) is not None]
        caps_share = sum(1 for label in written if label.caps) / len(strong)
        bold_share = sum(1 for label in written if label.bold) / len(strong)
        candidates = [index for index, _ in uses]
        # The caps voice that opens a briefing and leaves speaks once, right before the others.
        opener = max((i for i in candidates if i < first), default=None)
        for index, key in uses:
            target = merged.get(key, key)
            label = labels[index]
            assert label is not None
            opens = (index == opener and label.caps and not label.recurs_only and caps_share >= 0.5
                     and len(label.name.split()) >= 2)
            if target in accepted or label.recurs_only or not (first < index < last or opens):
                continue  # a dash in a sentence ("Jane Roe - the mayor - was there") is no label until it recurs
            if (label.caps and caps_share >= 0.5) or (label.bold and bold_share >= 0.5) or (
                len(label.name.split()) >= 2 and not label.caps and caps_share < 0.5
                and all(w[:1].isupper() or not w[:1].isalpha() for w in label.name.split())
            ):
                accepted.add(target)
    if _categories(accepted, drafts, labels, uses, merged):
        report.info("labels-categories", "every text after a label starts in lower case, as the items of a list do"
                    " ('New: support for ...'): the labels are categories, not speakers", lines[uses[0][0]])
        return set()
    for index, key in uses:
        target = merged.get(key, key)
        if target not in accepted:
            label = labels[index]
            assert label is not None
            if label.titled:
                continue  # "The Night Shift: A Conversation With ...": a headline's shape, nothing to report
            report.info(
                "label-rejected",
                f"{label.written!r} looks like a speaker label but appears only once; read as text"
                " (name it with --speaker to make it one)",
                lines[index],
            )
    return accepted


def _titled_statements(draft: SpeakerDraft, labels: list[Label | None], uses: list[tuple[int, str]]) -> bool:
    """A ``The ...`` name that never asks: a run-in heading repeated down a list (``The Problem:``,
    ``The Fix:``), not a publication putting questions (``The Chronicle: Is the worst over?``)."""
    if not all(written.startswith("The ") for written in draft.written):
        return False  # most speakers: no need to look at their labels
    said = [label for index, used in uses if used == draft.key and (label := labels[index]) is not None]
    return all(label.titled for label in said) and not any("?" in label.rest for label in said)


def _categories(accepted: set[str], drafts: dict[str, SpeakerDraft], labels: list[Label | None],
                uses: list[tuple[int, str]], merged: dict[str, str]) -> bool:
    """Release notes and changelogs (``New: support for ...``, ``Fix: the tool no longer ...``):
    in punctuated text, every text after every written label (not a caption's voice) starts in
    lower case. People's
    words start sentences; only captions without punctuation start them in lower case too."""
    rests = []
    for index, key in uses:
        label = labels[index]
        if (merged.get(key, key) in accepted and not drafts[merged.get(key, key)].given and label is not None
                and label.role_word is None and not label.explicit and label.rest):
            if not next((c for c in label.rest if c.isalpha()), "A").islower():
                return False  # the first letter: "`predict()` accepts ..." starts with a code span
            rests.append(label.rest)
    if len(rests) < 3:
        return False
    return sum(rest.rstrip(" )\"'”’").endswith((".", "!", "?", "…")) for rest in rests) * 2 >= len(rests)


def _finish(draft: SpeakerDraft, given_keys: dict[str, tuple[str, SpeakerSpec]]) -> None:
    """Choose the canonical name and apply the caller's spec."""
    draft.name = _canonical(draft.names)
    spec = None
    for written in [draft.key, *draft.written]:
        found = given_keys.get(_given_key(written)) or given_keys.get(written)
        if found:
            spec = found[1]
            break
    if spec is not None:
        draft.name = spec.name or draft.name
        draft.role = spec.role or draft.role
        draft.description = spec.description or draft.description


def _canonical(names: list[str]) -> str:
    """The most complete, best-cased form; the most used one breaks ties."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1

    def score(name: str) -> tuple[int, int, int, int]:
        words = name.split()
        well_cased = sum(1 for w in words if (w[:1].isupper() and not w.isupper()) or len(w) == 1)
        lower = sum(1 for w in words if w[:1].islower())
        caps = int(name.isupper())
        return (len(name_words(name)) + (1 if honorific(name) else 0), -caps, well_cased - lower, counts[name])

    best = max(counts, key=score)
    return display_case(best)


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate
