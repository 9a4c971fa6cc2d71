"""Our fixture corpus, one realistic transcript per label style and convention, graded against
hand-made golds, and near-miss prose that must not be read as an interview.

Each tests/corpus/<name>.expected.json (the seed's gold format) sits beside one case file,
<name>.txt, .md, .vtt, .srt or .html. Every gold turn must be found with the right speaker and
kind, every heading, the title, and every line the gold leaves outside the interview must be
skipped; a gold with a ``convention`` field names the convention that must win the contest.
Each tests/corpus/near_miss/<name>.expect.json says what must happen to the file beside it:
refused with "no interview found", or read by a named convention.

`KNOWN_FAILING` lists the checks today's parser fails, as ``"<check>:<case>"``; they are
strict xfails, so a check that starts passing fails the run until its entry is removed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import qaformat
from qaformat.errors import ParseError
from tests.conftest import CORPUS, need_seed
from tests.gold import grade, words

NEAR_MISS = CORPUS / "near_miss"
CASES = sorted(p.name.removesuffix(".expected.json") for p in CORPUS.glob("*.expected.json"))
NEAR_MISSES = sorted(p.name.removesuffix(".expect.json") for p in NEAR_MISS.glob("*.expect.json"))

KNOWN_FAILING: set[str] = {"title:quoted_email"}
"""``"<check>:<case>"`` for every check today's parser fails; remove an entry once it passes.
The checks: turns, convention, headings, speakers, title (with the lines left outside),
rolling (caption lines kept once) and near-miss here; round-trip (``<case>-<format>``, in
test_round_trips.py) and markdown-timestamps (test_markdown_renderer.py) for the renderers."""


_REASONS: dict[str, str] = {
    "quoted_email": "an email's sign-off (a first name alone on its line) is taken as the title",
}
"""Why a known failure fails, where it is not the parser's doing."""


def known_failing(check: str, name: str, *values: object) -> object:
    """A test parameter, marked as a strict xfail when ``"<check>:<name>"`` is known to fail.
    The round-trip tests of our renderers use it too, for the corpus cases they read."""
    if f"{check}:{name}" not in KNOWN_FAILING:
        return pytest.param(*(values or (name,)), id=None if not values else name)
    reason = _REASONS.get(name.split("-")[0], f"the parser fails the {check} check of {name} today (issue 11)")
    return pytest.param(*(values or (name,)), marks=pytest.mark.xfail(strict=True, reason=reason),
                        id=None if not values else name)


def _marked(check: str, names: list[str]) -> list[object]:
    return [known_failing(check, name) for name in names]


def case_file(name: str, folder: Path = CORPUS) -> Path:
    """The one input file beside a gold, whatever its suffix."""
    found = [p for p in folder.glob(f"{name}.*") if not p.name.endswith((".expected.json", ".expect.json"))]
    assert len(found) == 1, f"{name}: expected one case file beside the gold, found {sorted(p.name for p in found)}"
    return found[0]


def _load(name: str) -> tuple[dict, qaformat.Transcript]:
    gold = json.loads((CORPUS / f"{name}.expected.json").read_text(encoding="utf-8"))
    return gold, qaformat.read(case_file(name))


_CHOSEN = re.compile(r"read as ['\"]([^'\"]+)['\"]")


def chosen_convention(transcript: qaformat.Transcript) -> str | None:
    """The convention the ``info convention`` diagnostic names, if there is one."""
    for diagnostic in transcript.diagnostics:
        if diagnostic.code == "convention":
            found = _CHOSEN.search(diagnostic.message)
            return found.group(1) if found else diagnostic.message
    return None


@pytest.mark.parametrize("name", _marked("turns", CASES))
def test_turns_speakers_and_kinds(name: str) -> None:
    gold, transcript = _load(name)
    result = grade(gold, transcript)
    assert result.misses == () or all(m.startswith("heading") for m in result.misses), result.misses
    assert result.full == result.gold_turns == result.predicted_turns


@pytest.mark.parametrize("name", _marked("convention", [n for n in CASES if "convention" in
                                                        json.loads((CORPUS / f"{n}.expected.json").read_text("utf-8"))]))
def test_the_gold_convention_wins(name: str) -> None:
    gold, transcript = _load(name)
    assert chosen_convention(transcript) == gold["convention"]


# The Otter + Rev working file puts its session headings above the export headers; the
# parser does not find them yet (see the README of the corpus).
HEADINGS_KNOWN_MISSES = {"timestamps_ownline"}


@pytest.mark.parametrize("name", _marked("headings", CASES))
def test_headings(name: str) -> None:
    gold, transcript = _load(name)
    found = [s.heading for s in transcript.sections if s.heading]
    if name in HEADINGS_KNOWN_MISSES:
        assert [words(h) for h in found] != [words(h) for h in gold["sections"]]
        return
    assert [words(h) for h in found] == [words(h) for h in gold["sections"]]


@pytest.mark.parametrize("name", _marked("speakers", CASES))
def test_speakers(name: str) -> None:
    gold, transcript = _load(name)
    by_name = {s.name: s for s in transcript.speakers}
    assert len(transcript.speakers) == len(gold["speakers"]), sorted(by_name)
    for speaker in gold["speakers"]:
        assert speaker["canonical"] in by_name, f"{speaker['canonical']!r} not among {sorted(by_name)}"
        found = by_name[speaker["canonical"]]
        assert found.role.value == speaker["role"]
        assert set(speaker["label_as_written"]) <= set(found.aliases)


TITLE_KNOWN_MISSES = {"deposition", "timestamps_ownline"}


@pytest.mark.parametrize("name", _marked("title", CASES))
def test_title_and_outside_lines(name: str) -> None:
    gold, transcript = _load(name)
    if name not in TITLE_KNOWN_MISSES:
        assert transcript.title == gold["title"]
    text = case_file(name).read_text(encoding="utf-8").splitlines()
    skipped = {n for s in transcript.skipped for n in range(s.first_line, s.last_line + 1)}
    for outside in gold["outside_interview"]:
        for number in range(outside["first_line"], outside["last_line"] + 1):
            if text[number - 1].strip() and name not in TITLE_KNOWN_MISSES:
                assert number in skipped, f"line {number} should be left out: {text[number - 1][:60]!r}"


_TIMING = re.compile(r"^\S+ --> \S+")
# A label after a sentence inside a cue line starts another speaker's words (the line is two pieces).
_INLINE_LABEL = re.compile(r"(?<=[.?!])\s+[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}(?: \([^)]{1,40}\))?:\s")
_CUE_MARKUP = re.compile(r"<[^>]*>|^-\s+|^[^\W\d][\w .'’()-]{0,40}:\s+|^\[[^\W\d][\w .'’-]{0,40}\]\s+")
"""What a cue line carries besides its words: tags and voices, a dialogue dash, a label, a
``[Name]`` speaker tag."""
CAPTION_CASES = [n for n in CASES if case_file(n).suffix in (".vtt", ".srt")]


def _cues(path: Path) -> list[list[str]]:
    cues: list[list[str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if _TIMING.match(line):
            cue = []
            for text in lines[index + 1:]:
                if not text.strip():
                    break
                cue.append(text.strip())
            cues.append(cue)
    return cues


@pytest.mark.parametrize("name", _marked("rolling", CAPTION_CASES))
def test_rolling_captions_keep_each_line_once(name: str) -> None:
    """Where cues roll up (each repeats the previous cue's last line), every line of speech is
    kept once; in other caption files, no line is repeated either way."""
    _, transcript = _load(name)
    spoken = " " + " ".join(words(p) for t in transcript.turns() for p in t.paragraphs) + " "
    pieces = (piece for cue in _cues(case_file(name)) for line in cue
              for piece in _INLINE_LABEL.split(_CUE_MARKUP.sub("", line)))
    lines = {words(piece) for piece in pieces}
    for line in sorted(lines):
        if len(line.split()) >= 4:  # short lines ("thank you") may recur for real
            assert spoken.count(f" {line} ") == 1, f"{line!r} kept {spoken.count(f' {line} ')} times"


@pytest.mark.parametrize("name", _marked("near-miss", NEAR_MISSES))
def test_near_miss_is_not_read_as_that_convention(name: str) -> None:
    expect = json.loads((NEAR_MISS / f"{name}.expect.json").read_text(encoding="utf-8"))
    path = case_file(name, NEAR_MISS)
    if expect["outcome"] == "refused":
        with pytest.raises(ParseError, match="no interview found"):
            qaformat.read(path)
        return
    transcript = qaformat.read(path)
    assert expect["outcome"] == f"convention:{chosen_convention(transcript)}"
    if "speakers" in expect:
        assert sorted(s.name for s in transcript.speakers) == sorted(expect["speakers"])


def test_every_near_miss_has_its_file_and_a_known_outcome() -> None:
    assert len(NEAR_MISSES) >= 9
    for name in NEAR_MISSES:
        expect = json.loads((NEAR_MISS / f"{name}.expect.json").read_text(encoding="utf-8"))
        assert expect["outcome"] == "refused" or expect["outcome"].startswith("convention:"), name
        assert expect["not_convention"] and expect["why"], name
        case_file(name, NEAR_MISS)


def test_seed_if_present() -> None:
    """The seed lives beside the project, not in it; CI scores it with the shared scorer too."""
    seed = need_seed()
    gold_path = seed / "000_a79b92b53dce8f1a.expected.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    transcript = qaformat.read(seed / "000_a79b92b53dce8f1a.txt")
    result = grade(gold, transcript)
    assert result.full == 11 and result.predicted_turns == 11 and result.heads_f1 == 1.0
    assert transcript.title == gold["title"]
    assert [(s.first_line, s.last_line) for s in transcript.skipped] == [(1, 49), (87, 93)]
    descriptions = {s.name: s.description for s in transcript.speakers}
    for speaker in gold["speakers"]:
        assert descriptions[speaker["canonical"]] == speaker["description"]
