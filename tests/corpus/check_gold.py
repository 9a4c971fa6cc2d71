#!/usr/bin/env python3
"""Check every gold file in this folder against its transcript (stdlib only).

Usage: python3 tests/corpus/check_gold.py [-v] [NAME ...]

For each `<name>.expected.json` beside `<name>.txt` it checks (cases in another format, such
as `.md` or `.vtt`, are listed as skipped):
  - the gold has the seed's keys and value types, known roles and kinds, and each turn's
    speaker and label are listed under `speakers`;
  - kinds fit roles (interviewer: question, interviewee: answer, other: remark, no speaker:
    note; `accept_kinds` must contain `kind`);
  - line numbers before (nearly) every line, as depositions print them, are not text;
  - `source_line` is the line of the turn's label (after an optional `[hh:mm:ss]` or `0:02 -` timestamp,
    Markdown `**`, indentation and bidi marks) or, for a note, the line where the note begins;
    lines increase from turn to turn;
  - `starts_with` is the literal start of the text after the label (the label's separator
    `:` `.` or two spaces, a `(hh:mm:ss)` timestamp and `**` skipped; for a label on its own
    line, the next non-blank line, after a time code alone on the line under the name;
    wrapped lines are joined with one space);
  - the title, headings (in order) and intro paragraphs are lines of the text, and each turn's
    `section` is the nearest heading above it;
  - no line inside a turn starts with another speaker's label, or with an anonymous label
    (`Q`, `A`) that would begin a new turn, and a label-shaped line counted as turn text
    (`Note: ...`) is mentioned in `format_notes` (this also catches page debris swallowed by
    the last turn when it looks like `Share this:`; plain debris there cannot be told apart
    from an unlabelled continuation paragraph); a transcriber's note in brackets on its own line
    after a turn (`(APPLAUSE)`, `[End of Side A]`) is the last paragraph of that turn, never a
    note of its own (an editor's note is);
  - every non-blank line lies in the title, an intro paragraph, a heading, a turn (from its
    label up to the next title/intro/heading/turn/outside range) or an `outside_interview`
    range, and those ranges do not overlap anything else.
Exit status 0 when all gold files pass, 1 otherwise.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# A deposition's or a research tool's number before every line ("12        Q.   text"): layout.
LINE_NUMBER = re.compile(r"^[ \t]*\d{1,5}(?:[ \t]{2,}|\t|[ \t]*$)")


# A transcript quoted in an email ("> JO: text", ">" alone between paragraphs): the marks are
# layout, and a mark alone is a blank line, as the parser reads them.
QUOTE_MARK = re.compile(r"^(?:[ \t]*>)+[ \t]?")


def _without_layout(lines: list[str], mark: re.Pattern[str]) -> list[str]:
    """The lines with ``mark`` taken out of their starts, when most lines carry it (as the parser does)."""
    marked = sum(1 for line in lines if mark.match(line))
    if marked < 5 or marked * 2 < sum(1 for line in lines if line.strip()):
        return lines
    return [mark.sub("", line, count=1) for line in lines]


# What a paginated transcript prints on every page ("what" of an outside range): it may fall
# inside a turn, which goes on after it.
PAGE_FURNITURE = ("running page header", "page number")

TOP_KEYS = ["source", "format_notes", "title", "intro_starts_with", "speakers", "sections",
            "turns", "outside_interview"]
TURN_KEYS = {"speaker", "label_as_written", "kind", "section", "source_line", "starts_with"}
TURN_OPTIONAL = {"accept_kinds"}
SPEAKER_KEYS = {"label_as_written", "canonical", "role"}
SPEAKER_OPTIONAL = {"description"}
OUTSIDE_KEYS = {"first_line", "last_line", "what"}
ROLES = {"interviewer", "interviewee", "other"}
KINDS = {"question", "answer", "remark", "note"}
KIND_OF_ROLE = {"interviewer": "question", "interviewee": "answer", "other": "remark"}
ANONYMOUS = {"Q", "A"}

BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
LEAD_TIME = re.compile(r"\[?\d{1,2}:\d{2}(?::\d{2})?\]?(?:\s+[-–—])?\s+")  # "[00:01:02] Name", "0:02 - Name"
DASH_SEPARATOR = re.compile(r"\s[-–—>]\s")
PIPE_TIME = re.compile(r"\s+\|\s+\d{1,2}:\d{2}(?::\d{2})?\s*$")
PAREN_TIME = re.compile(r"\s*\(\d{1,2}:\d{2}(?::\d{2})?\)")
OTTER_TIME = re.compile(r"\s{2,}\d{1,2}:\d{2}(?::\d{2})?\s*$")
BARE_REV_TIME = re.compile(r"^\(\d{1,2}:\d{2}(?::\d{2})?\):\s*$")
QUESTION_MARK = re.compile(r"^(?:[―─]{1,2}|[—–-](?!-)|\d{1,3}[.)])\s*")  # "-" or "1." before an implied question
TIME_LINE = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*$")  # "00:00:03" alone under a name
EDITOR = re.compile(r"(?i)editor[’']?s\s+note|ed\.?\s+note")
DIRECTION = re.compile(r"^(\(.*\)|\[.*\])$")
LABELISH = re.compile(r"^[^\W\d][\w.,'’ ()-]{0,40}\s?:\s")


def strip_prefix(line: str) -> str:
    """Drop what may stand before a label: bidi marks, indentation, a timestamp, `**`."""
    s = line.lstrip(BIDI + " \t\u00a0")
    m = LEAD_TIME.match(s)
    if m:
        s = s[m.end():]
    if s.startswith("**"):
        s = s[2:]
    return s


def after_label(line: str, label: str) -> str | None:
    """The text after `label` on this line ('' for a label on its own line), or None
    when the line does not start with that label followed by a separator."""
    s = strip_prefix(line)
    if not s.startswith(label):
        return None
    rest = s[len(label):]
    if rest.startswith("**"):
        rest = rest[2:]
    m = PAREN_TIME.match(rest)
    if m:
        rest = rest[m.end():]
    m = re.match(r"\s?[:：.]", rest)
    if m:
        rest = rest[m.end():]
        if rest.startswith("**"):
            rest = rest[2:]
        if rest and not rest[0].isspace():
            return None  # "Dr.Petrov" is not the label "Dr" and a dot
        return rest.strip()
    if OTTER_TIME.fullmatch(rest) or PIPE_TIME.fullmatch(rest) or rest == "":
        return ""
    m = DASH_SEPARATOR.match(rest)
    if m:
        return rest[m.end():].strip()  # "Q - text", "I — text", "Name > text"
    if rest[:1] == "\t":
        return rest.strip()  # a tab-separated export: time, speaker and text in columns
    if len(rest) >= 2 and rest[0].isspace() and rest[1].isspace():
        return rest.strip()  # briefing style: "Q    question", no colon
    return None


def paragraph_from(lines: list[str], start: int) -> list[int]:
    """Indices of the paragraph (run of non-blank lines) starting at index `start`."""
    out = []
    i = start
    while i < len(lines) and lines[i].strip():
        out.append(i)
        i += 1
    return out


def turn_text(lines: list[str], idx: int, label: str | None) -> str:
    """The turn's text from its first line, joined with the lines that follow it."""
    if label is None:
        first = strip_prefix(lines[idx])
        return " ".join([first.strip()] + [lines[j].strip() for j in paragraph_from(lines, idx)[1:]])
    rest = after_label(lines[idx], label)
    if rest is None:
        raise ValueError("no label")
    if rest:
        parts = [rest] + [lines[j].strip() for j in paragraph_from(lines, idx)[1:]]
    else:
        j = idx + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j + 1 < len(lines) and TIME_LINE.match(lines[j].strip()) and lines[j + 1].strip():
            j += 1  # the turn's time, between the name and the text
        parts = [lines[k].strip() for k in paragraph_from(lines, j)] if j < len(lines) else []
    return " ".join(parts)


def clean_heading(line: str) -> str:
    s = line.strip(BIDI + " \t")
    s = re.sub(r"^#+\s*", "", s)
    if s.startswith("**") and s.endswith("**") and len(s) > 4:
        s = s[2:-2]
    return s.strip()


class Checker:
    def __init__(self, name: str, verbose: bool = False):
        self.name = name
        self.verbose = verbose
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.covered: dict[int, str] = {}  # 0-based line index -> what covers it

    def err(self, msg: str) -> None:
        self.errors.append(f"{self.name}: {msg}")

    def warn(self, msg: str) -> None:
        self.warnings.append(f"{self.name}: {msg}")

    def cover(self, i: int, what: str) -> None:
        if i in self.covered and self.covered[i] != what:
            self.err(f"line {i + 1} is both {self.covered[i]} and {what}")
        self.covered[i] = what

    def run(self) -> None:
        txt_path = HERE / f"{self.name}.txt"
        gold_path = HERE / f"{self.name}.expected.json"
        raw = txt_path.read_text(encoding="utf-8")
        if "\r" in raw:
            self.warn("carriage returns in the text; checked as LF")
        lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        self.lines = _without_layout(_without_layout(lines, LINE_NUMBER), QUOTE_MARK)
        if not 25 <= len(lines) <= 80:
            self.warn(f"{len(lines)} lines (the brief asks for 25-80)")
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            self.err(f"gold is not valid JSON: {e}")
            return
        if not self.check_shape(gold):
            return
        self.check_content(gold)

    # -- shape -----------------------------------------------------------------------------
    def check_shape(self, g: dict) -> bool:
        ok = True
        if [k for k in g if k != "convention"] != TOP_KEYS:
            self.err(f"top-level keys {list(g)} != {TOP_KEYS} (plus an optional 'convention')")
        if not isinstance(g.get("convention", ""), str):
            self.err("'convention' must be a string")
            ok = False
        for key, typ in [("source", str), ("format_notes", str), ("intro_starts_with", list),
                         ("speakers", list), ("sections", list), ("turns", list),
                         ("outside_interview", list)]:
            if not isinstance(g.get(key), typ):
                self.err(f"{key} must be a {typ.__name__}")
                ok = False
        if g.get("title") is not None and not isinstance(g.get("title"), str):
            self.err("title must be a string or null")
            ok = False
        for s in g.get("speakers", []):
            keys = set(s)
            if not SPEAKER_KEYS <= keys <= SPEAKER_KEYS | SPEAKER_OPTIONAL:
                self.err(f"speaker keys {sorted(keys)}")
                ok = False
            elif s["role"] not in ROLES:
                self.err(f"speaker {s['canonical']!r}: unknown role {s['role']!r}")
                ok = False
            elif not isinstance(s["label_as_written"], list):
                self.err(f"speaker {s['canonical']!r}: label_as_written must be a list (empty for an implied speaker)")
                ok = False
        for t in g.get("turns", []):
            keys = set(t)
            if not TURN_KEYS <= keys <= TURN_KEYS | TURN_OPTIONAL:
                self.err(f"turn keys {sorted(keys)} at {t.get('source_line')}")
                ok = False
            elif t["kind"] not in KINDS:
                self.err(f"line {t['source_line']}: unknown kind {t['kind']!r}")
                ok = False
            elif not isinstance(t["source_line"], int):
                self.err(f"source_line {t['source_line']!r} is not an integer")
                ok = False
        for o in g.get("outside_interview", []):
            if set(o) != OUTSIDE_KEYS:
                self.err(f"outside_interview keys {sorted(o)}")
                ok = False
        return ok

    # -- content ---------------------------------------------------------------------------
    def check_content(self, g: dict) -> None:
        lines = self.lines
        n = len(lines)
        covered = self.covered
        cover = self.cover
        anchors: set[int] = set()  # indices where a turn's region ends
        furniture: set[int] = set()  # page furniture lines, inside turns or between them

        speakers = {s["canonical"]: s for s in g["speakers"]}
        if len(speakers) != len(g["speakers"]):
            self.err("duplicate canonical speaker names")
        label_owner: dict[str, str] = {}
        for s in g["speakers"]:
            for lab in s["label_as_written"]:
                if lab in label_owner:
                    self.err(f"label {lab!r} listed for two speakers")
                label_owner[lab] = s["canonical"]

        turns = g["turns"]
        first_turn = min((t["source_line"] for t in turns), default=n + 1) - 1

        # title
        title_idx = -1
        if g["title"] is not None:
            hits = [i for i in range(min(first_turn, n)) if clean_heading(lines[i]) == g["title"]]
            if not hits:
                self.err(f"title {g['title']!r} is not a line above the first turn")
            else:
                title_idx = hits[-1]
                cover(title_idx, "title")
                anchors.add(title_idx)

        # headings, in order
        heading_idx: list[tuple[int, str]] = []
        pos = title_idx + 1
        for h in g["sections"]:
            found = next((i for i in range(pos, n) if clean_heading(lines[i]) == h), None)
            if found is None:
                self.err(f"heading {h!r} not found (in order) below line {pos}")
                continue
            heading_idx.append((found, h))
            cover(found, "heading")
            anchors.add(found)
            pos = found + 1
        if len(set(g["sections"])) != len(g["sections"]):
            self.err("duplicate section headings")

        # intro paragraphs
        pos = title_idx + 1
        for intro in g["intro_starts_with"]:
            found = next((i for i in range(pos, min(first_turn, n))
                          if lines[i].strip() and (i == 0 or not lines[i - 1].strip())
                          and strip_prefix(lines[i]).startswith(intro)), None)
            if found is None:
                self.err(f"intro paragraph {intro!r} not found between the title and the first turn")
                continue
            if heading_idx and found > heading_idx[0][0]:
                self.err(f"intro paragraph at line {found + 1} is below the first heading")
            for j in paragraph_from(lines, found):
                cover(j, "intro")
            anchors.add(found)
            pos = found + 1

        # outside ranges
        last_end = 0
        for o in g["outside_interview"]:
            a, b = o["first_line"], o["last_line"]
            if not (1 <= a <= b <= n):
                self.err(f"outside range {a}-{b} is not within 1-{n}")
                continue
            if a <= last_end:
                self.err(f"outside range {a}-{b} overlaps or precedes the one before it")
            last_end = b
            if not lines[a - 1].strip() or not lines[b - 1].strip():
                self.warn(f"outside range {a}-{b} starts or ends on a blank line")
            if not o["what"].strip():
                self.err(f"outside range {a}-{b} has no 'what'")
            for i in range(a - 1, b):
                if lines[i].strip():
                    cover(i, "outside")
            if o["what"].startswith(PAGE_FURNITURE):
                furniture.update(range(a - 1, b))  # falls anywhere, inside a turn too: no boundary
            else:
                anchors.add(a - 1)

        # turns
        prev_line = 0
        used_labels: set[str] = set()
        for t in turns:
            ln = t["source_line"]
            where = f"turn at line {ln}"
            if not 1 <= ln <= n:
                self.err(f"{where}: source_line outside the file (1-{n})")
                continue
            if ln <= prev_line:
                self.err(f"{where}: source_line does not increase (previous {prev_line})")
            prev_line = ln
            anchors.add(ln - 1)
            spk, lab, kind = t["speaker"], t["label_as_written"], t["kind"]
            accept = t.get("accept_kinds")
            if accept is not None and kind not in accept:
                self.err(f"{where}: accept_kinds {accept} does not contain kind {kind!r}")
            if spk is None:
                if lab is not None or kind != "note":
                    self.err(f"{where}: a turn without speaker must be a note with no label")
            else:
                if spk not in speakers:
                    self.err(f"{where}: speaker {spk!r} is not in speakers")
                    continue
                implied = not speakers[spk]["label_as_written"]
                if implied and lab is not None:
                    self.err(f"{where}: {spk!r} is implied (no label as written), so the turn's label must be null")
                elif not implied and lab not in speakers[spk]["label_as_written"]:
                    self.err(f"{where}: label {lab!r} is not among {spk!r}'s labels")
                used_labels.add(lab)
                want = KIND_OF_ROLE[speakers[spk]["role"]]
                if kind != want:
                    self.err(f"{where}: kind {kind!r} but {spk!r} is {speakers[spk]['role']} ({want})")
            if t["section"] is not None and t["section"] not in g["sections"]:
                self.err(f"{where}: section {t['section']!r} is not a heading")
            above = [h for i, h in heading_idx if i < ln - 1]
            expect_section = above[-1] if above else None
            if t["section"] != expect_section:
                self.err(f"{where}: section {t['section']!r}, nearest heading above is {expect_section!r}")
            try:
                text = turn_text(lines, ln - 1, lab)
            except ValueError:
                self.err(f"{where}: line does not start with label {lab!r}: {lines[ln - 1][:60]!r}")
                continue
            sw = t["starts_with"]
            if not sw or sw != sw.strip():
                self.err(f"{where}: starts_with is empty or has outer spaces: {sw!r}")
            elif not text.startswith(sw) and not (lab is None and QUESTION_MARK.sub("", text, count=1).startswith(sw)):
                self.err(f"{where}: starts_with {sw!r} but text is {text[:len(sw) + 10]!r}")
            if LEAD_TIME.match(sw) or PAREN_TIME.match(sw):
                self.err(f"{where}: starts_with holds a timestamp")
            if len(sw) > 60:
                self.warn(f"{where}: starts_with is long ({len(sw)} chars)")
        for s in g["speakers"]:
            for lab in s["label_as_written"]:
                if lab not in used_labels:
                    self.err(f"speaker {s['canonical']!r}: label {lab!r} is used by no turn")

        # a transcriber's bracketed note between two turns ends the turn before it
        after_turn, section = False, object()
        for t in turns:
            if t["section"] != section:
                after_turn, section = False, t["section"]
            if t["speaker"] is not None:
                after_turn = True
                continue
            text = t["starts_with"].strip()
            if after_turn and text[:1] in "([" and not EDITOR.match(text.lstrip("[(")):
                self.err(f"line {t['source_line']}: a bracketed note after a turn is the last paragraph of "
                         "that turn, not a note of its own")
            after_turn = False

        # turn regions: from the label to the next anchor
        ordered = sorted(anchors)
        for t in turns:
            start = t["source_line"] - 1
            if not 0 <= start < n:
                continue
            end = next((a for a in ordered if a > start), n)
            region = range(start, end)
            if t["speaker"] is None:
                self.check_note_region(t, region)
                continue
            for i in region:
                if i in furniture:
                    continue
                if lines[i].strip():
                    cover(i, "turn")
                if i == start:
                    continue
                for lab, owner in label_owner.items():
                    if after_label(lines[i], lab) is None:
                        continue
                    if owner != t["speaker"] or lab in ANONYMOUS:
                        self.err(f"line {i + 1} starts with label {lab!r} ({owner}) inside the "
                                 f"turn of line {start + 1}: a turn is missing")
                m = LABELISH.match(strip_prefix(lines[i]))
                if m and not any(after_label(lines[i], lab) is not None for lab in label_owner):
                    word = m.group(0).rstrip().rstrip(":").rstrip()
                    if word not in g["format_notes"]:
                        self.err(f"line {i + 1} looks like a label ({word!r}) but is counted as text "
                                 f"of the turn at line {start + 1}; format_notes must say why")
                    elif self.verbose:
                        self.warn(f"line {i + 1}: label-shaped turn text {word!r}, explained in format_notes")

        for i, line in enumerate(lines):
            if line.strip() and i not in covered:
                self.err(f"line {i + 1} is covered by nothing: {line.strip()[:60]!r}")

    def check_note_region(self, t: dict, region: range) -> None:
        """A note is one paragraph, or one bracketed direction over several lines."""
        lines = self.lines
        start = region.start
        opener = strip_prefix(lines[start]).strip()[:1]
        closer = {"(": ")", "[": "]"}.get(opener)
        i = start
        while i in region:
            if not lines[i].strip():
                break
            self.cover(i, "note")
            if closer and lines[i].rstrip().endswith(closer):
                i += 1
                break
            i += 1
        for j in range(i, region.stop):
            if lines[j].strip():
                self.err(f"line {j + 1} follows the note of line {start + 1} but belongs to no "
                         f"turn (a note cannot continue a speaker's text)")



def check(name: str, verbose: bool) -> Checker:
    c = Checker(name, verbose)
    c.run()
    return c


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")]
    if not names:
        names = sorted(p.name[: -len(".expected.json")] for p in HERE.glob("*.expected.json"))
    if not names:
        print("no gold files found", file=sys.stderr)
        return 1
    failed = skipped = 0
    for name in names:
        if not (HERE / f"{name}.txt").exists():
            others = [p for p in HERE.glob(f"{name}.*") if not p.name.endswith(".expected.json")]
            if len(others) == 1:
                # Markdown, captions and other markups: the line rules below are for plain text.
                print(f"skip {name} ({others[0].suffix} case; only .txt cases are checked)")
                skipped += 1
                continue
            print(f"{name}: no {name}.txt (or one other case file) beside the gold file")
            failed += 1
            continue
        c = check(name, verbose)
        for w in c.warnings:
            print(f"warning: {w}")
        for e in c.errors:
            print(f"error: {e}")
        status = "FAIL" if c.errors else "ok"
        failed += bool(c.errors)
        print(f"{status:4} {name}")
    txts = {p.stem for p in HERE.glob("*.txt")}
    golds = {p.name[: -len(".expected.json")] for p in HERE.glob("*.expected.json")}
    for orphan in sorted(txts - golds):
        print(f"error: {orphan}.txt has no gold file")
        failed += 1
    checked = len(names) - skipped
    print(f"{checked - failed if failed <= checked else 0} of {checked} gold files pass ({skipped} skipped)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
