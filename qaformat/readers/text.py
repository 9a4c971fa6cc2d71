"""The plain-text and Markdown reader: one block per non-blank line, with Markdown's hints.

Plain text is the most common transcript format. Markdown-flavoured text is read the same way,
with what Markdown marks turned into hints: ``#`` headings, a ``**bold**`` run at the start,
a whole line in ``*italics*``, ``>`` quotes, and front matter between ``---`` lines (which
becomes metadata). The ``markdown`` flavour also undoes backslash escapes, which plain text
must keep as written, and leaves out an image line and its caption (as the HTML reader leaves
out a ``<figcaption>``). Line numbers printed before every line (depositions, research tools'
exports) are layout and are taken out (`qaformat.readers.line_numbers`), and so are the running
headers and page numbers of a paginated transcript (`qaformat.readers.page_furniture`); tab-separated rows of
a time | speaker | text export, and a Markdown pipe table of them
(`qaformat.readers.pipe_tables`), are read as a table (`qaformat.readers.tables`). Knows nothing
about interviews.
"""

from __future__ import annotations

import attrs

from qaformat.blocks import Block, Document, Omitted
from qaformat.errors import Diagnostic
from qaformat.patterns import lazy
from qaformat.readers.decode import decode, split_lines
from qaformat.readers.line_numbers import strip_line_numbers
from qaformat.readers.page_furniture import strip_page_furniture

__all__ = ["read_markdown", "read_text"]

_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!>|~<")
_FRONT_MATTER_MAX_LINES = 60
_FEWEST_ROWS = 3
_ROW_SHARE = 0.8  # share of the non-blank lines a tab-separated table must fill
# A list marker before a bold run or a short "Label:" ("- **Q**: ...", "1. **Ana:** ...", "* Q: ...").
_LIST_ITEM = lazy(r"[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S")
_LIST_LABEL = lazy(r"(?:[-*+]|\d{1,3}[.)])\s+(?=\*\*|__|[^\s:*]{1,30}(?: [^\s:*]{1,30}){0,3}:\s)")
_KEY = lazy(r"[\w-]+(?: [\w-]+){0,3}")  # YAML keys may hold spaces ("place of birth")
# A time code before a bold label: "[00:10:33] **Adam:** text", as Descript pastes into Markdown.
_TIME_BEFORE_BOLD = lazy(r"(\[?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\]?\s+)(\*\*|__)(.+?)\2")
# A time code that links to that moment of the recording: "[00:10:33](https://…#t=633) **Adam:**",
# as podcast sites publish transcripts. The link's target is where to listen, not what was said.
_TIME_LINK = lazy(r"(\[(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\])\([^()\s]*\)")
# A line that is only an image (``![alt](src "title")``, perhaps linked: ``[![alt](src)](href)``).
_IMAGE = lazy(r"\[?!\[([^\]]*)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)(?:\]\([^()\s]*\))?")
_ALT_MIN = 10  # an alt text this long that a line under the image repeats makes that line its caption


def read_text(data: str | bytes, source: str | None = None) -> Document:
    """Read plain text (str or bytes).

    Raises:
        InputError: binary or undecodable input.
    """
    return _read(data, source, markdown=False)


def read_markdown(data: str | bytes, source: str | None = None) -> Document:
    """Read Markdown: as plain text, and backslash escapes are undone.

    Raises:
        InputError: binary or undecodable input.
    """
    return _read(data, source, markdown=True)


def _read(data: str | bytes, source: str | None, *, markdown: bool) -> Document:
    diagnostics: list[Diagnostic] = []
    if isinstance(data, bytes):
        text, diagnostics = decode(data, source)
    else:
        text = data.removeprefix("\ufeff")
    lines = split_lines(text)
    metadata, start = _front_matter(lines)
    unnumbered, pages, numbers = strip_line_numbers(lines, start)
    unnumbered, furniture = strip_page_furniture(unnumbered, start)
    omitted = ([Omitted(1, start, "front matter")] if start else []) + sorted([*pages, *furniture], key=lambda o: o.first_line)
    if numbers is not None:
        diagnostics.append(numbers)
    rows, header = _tab_separated(unnumbered, start)
    if header is not None:
        omitted += (Omitted(header + 1, header + 1, "table header row"),)
    piped: dict[int, tuple[Block, ...]] = {}
    if markdown and "|" in text:
        from qaformat.readers.pipe_tables import pipe_table_rows  # only where a table may be

        piped, table_rows = pipe_table_rows(unnumbered, start)
        omitted += table_rows
    left_out = {item.first_line - 1 for item in omitted if item.reason.startswith("table ")}
    blocks: list[Block] = []
    gap = True
    in_list = False
    alt: str | None = None  # the alt text of an image on the line above (blank lines aside)
    blank = False  # a blank line right above
    for number in range(start, len(lines)):
        raw = unnumbered[number]
        if raw is None or number == header or number in left_out:
            continue  # a page number between numbered lines, a table's header or delimiter row
        if not raw.replace(">", "").strip():
            # A quote marker alone (">", "> >") is the blank line between quoted paragraphs, as in
            # Markdown and in a transcript quoted in an email reply.
            gap = blank = True
            continue
        row = rows.get(number)
        if row is not None:
            blocks.append(attrs.evolve(row, gap_before=gap))
            gap = blank = False
            continue
        cells = piped.get(number)
        if cells is not None:
            blocks += [attrs.evolve(cells[0], gap_before=gap), *cells[1:]]
            gap = blank = False
            continue
        if markdown:
            reason, alt = _picture(raw.strip(), alt, blank)
            blank = False
            if reason:
                omitted.append(Omitted(number + 1, number + 1, reason))
                if reason != "image":  # a caption holds words no block has: say so
                    diagnostics.append(omitted[-1].as_diagnostic())
                gap = True  # an image stands between the paragraphs around it
                continue
        # An item, or a line indented under one (its continuation paragraph) or wrapped in it.
        in_list = bool(_LIST_ITEM.match(raw)) or (in_list and (not gap or raw[:1] in " \t"))
        blocks.append(_block(raw, number + 1, gap, markdown, in_list))
        gap = False
    return Document(tuple(blocks), metadata, tuple(diagnostics), tuple(omitted))


def _picture(text: str, alt: str | None, blank: bool) -> tuple[str, str | None]:
    """Why a Markdown line is left out (``image``, ``photo caption``) or ``""``, and the alt text
    of the image it is. A caption is set in italics right under its image, or repeats the
    image's alt text: ``*Jars line the walls. Photo: K. Yu*`` under ``![Jars](jars.jpg)``."""
    image = _IMAGE.fullmatch(text)
    if image is not None:
        return "image", image.group(1).strip()
    if alt is None:
        return "", None
    italic = _wrapped_in(text, "*") or _wrapped_in(text, "_")
    plain = text[1:-1].strip() if italic else text
    if (italic and not blank) or (len(alt) >= _ALT_MIN and plain.startswith(alt)):
        return "photo caption", None
    return "", None


def _tab_separated(lines: list[str | None], start: int) -> tuple[dict[int, Block], int | None]:
    """The rows of a tab-separated transcript (``00:00:05<TAB>Ana Ruiz<TAB>text``, with or
    without a ``Timecode<TAB>Speaker<TAB>Text`` header), as Zoom, Kontur Talk and spreadsheets
    export them: each row's block, by line index, and the index of the header row. Empty unless
    most lines are rows of one time | speaker | text or speaker | text layout."""
    tabbed = {i: [cell.strip() for cell in line.strip().split("\t")] for i in range(start, len(lines))
              if (line := lines[i]) is not None and "\t" in line and "\t" in line.strip()}
    if len(tabbed) < _FEWEST_ROWS:
        return {}, None
    filled = sum(1 for line in lines[start:] if line is not None and line.strip())
    if len(tabbed) < _ROW_SHARE * filled:
        return {}, None
    # Only a file of tab-separated rows needs the columns' reading: start-up stays short without it.
    from qaformat.readers.tables import find_columns, is_header, is_talk, seconds

    order = sorted(tabbed)
    columns = find_columns([tabbed[i] for i in order[1:]])
    if columns is None:
        return {}, None
    header = order[0] if is_header(tabbed[order[0]], columns) else None
    if not is_talk([tabbed[i] for i in order if i != header], columns):
        return {}, None  # a timetable or a price list: the "speakers" do not recur, nobody talks
    rows: dict[int, Block] = {}
    for index in order:
        cells = tabbed[index]
        if index == header or len(cells) != columns.count or not cells[columns.text]:
            continue
        time = seconds(cells[columns.time]) if columns.time is not None else None
        rows[index] = Block(text=cells[columns.text], line=index + 1,
                            speaker=cells[columns.speaker].rstrip(":： ").strip() or None, time=time)
    return rows, header


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """Read the front matter static-site generators put at the top: YAML between ``---`` lines
    (Jekyll, Hugo), or a JSON object (Hugo). Scalar values are kept; a list becomes its items
    joined with ``, ``; nested objects are left out.

    Returns the metadata and the index of the first line after the front matter (0 if none).
    """
    if not lines:
        return {}, 0
    first = lines[0].strip()
    if first == "{":
        return _json_front_matter(lines)
    if first != "---":
        return {}, 0
    metadata: dict[str, str] = {}
    key = ""
    for index in range(1, min(len(lines), _FRONT_MATTER_MAX_LINES)):
        line = lines[index]
        stripped = line.strip()
        if stripped in ("---", "..."):
            return metadata, index + 1
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("- ") or line[:1] in " \t":
            # An item of the list above ("categories:" then "- mac") or a nested value.
            if not key:
                return {}, 0
            item = stripped.removeprefix("- ").strip().strip("\"'")
            if stripped.startswith("- ") and item:
                metadata[key] = f"{metadata[key]}, {item}" if metadata.get(key) else item
            continue
        name, sep, value = line.partition(":")
        if not sep or not _KEY.fullmatch(name.strip()):
            return {}, 0
        key = name.strip().lower()
        metadata[key] = value.strip().strip("\"'")
    return {}, 0


def _json_front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """A JSON object opening the file, up to the line that closes it."""
    import json  # only for JSON front matter: start-up stays short without it

    for index in range(1, min(len(lines), _FRONT_MATTER_MAX_LINES * 4)):
        if lines[index].strip() != "}":
            continue
        try:
            found = json.loads("\n".join(lines[: index + 1]))
        except ValueError:
            return {}, 0
        if not isinstance(found, dict):
            return {}, 0
        metadata: dict[str, str] = {}
        for key, value in found.items():
            if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
                value = ", ".join(str(v) for v in value)
            if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value).strip():
                metadata[str(key).lower()] = str(value).strip()
        return metadata, index + 1
    return {}, 0


def _block(raw: str, line: int, gap: bool, markdown: bool, list_item: bool) -> Block:
    text = raw.strip()
    if markdown and text[:1] == "[" and "](" in text[:80]:
        linked = _TIME_LINK.match(text)
        if linked:
            text = linked.group(1) + text[linked.end():]
    timed_bold = 0
    if text[0] in "[0123456789" and ("**" in text or "__" in text):
        timed = _TIME_BEFORE_BOLD.match(text)
        if timed:
            whole = not text[timed.end():].strip()
            text = timed.group(1) + timed.group(3) + text[timed.end():]
            # "[00:03:48] **And the lens itself?**": the time stamps a line set wholly in bold,
            # a question as an interviewer marks it; the stamp does not make it plain text.
            timed_bold = len(text) if whole else 0
    if text[0] in "-*+0123456789":
        item = _LIST_LABEL.match(text)
        if item:
            text = text[item.end():]  # "- **Q**: text": a list item that opens with a label
    if text[0] not in ">#*_":  # most lines: no quote, heading, bold or italic marker opens them
        if markdown:
            text, timed_bold = _unescape(text, timed_bold)
        return Block(text=text, line=line, gap_before=gap, list_item=list_item, bold_prefix=timed_bold)
    heading = None
    quote = False
    if text.startswith(">"):
        quote = True
        text = text.lstrip(">").strip()
    hashes = len(text) - len(text.lstrip("#"))
    if 1 <= hashes <= 6 and text[hashes : hashes + 1] in (" ", "\t") and text[hashes:].strip("# \t"):
        heading = hashes
        text = text[hashes:].strip().rstrip("#").rstrip()
    bold_prefix = 0
    italic = False
    if text.startswith(("**", "__")):
        text, bold_prefix = _leading_bold(text)
    elif _wrapped_in(text, "*") or _wrapped_in(text, "_"):
        italic = True
        text = text[1:-1].strip()
    elif text.startswith(("*", "_")):
        text = _leading_italic_label(text)
    if markdown:
        text, bold_prefix = _unescape(text, bold_prefix)
    return Block(
        text=text,
        line=line,
        gap_before=gap,
        heading=heading,
        bold_prefix=bold_prefix,
        italic=italic,
        quote=quote,
        list_item=list_item,
    )


def _leading_bold(text: str) -> tuple[str, int]:
    """Remove the markers of a leading bold run; return the text and the run's length."""
    marker = text[:2]
    close = text.find(marker, 2)
    if close <= 2:
        return text, 0
    inner = text[2:close].strip()
    rest = text[close + 2 :]
    if not inner:
        return text, 0
    # `**Name:**text` lacks the space a reader expects between label and text.
    if rest and not rest[0].isspace() and rest[0] not in ":：":
        rest = " " + rest
    return inner + rest, len(inner)


def _leading_italic_label(text: str) -> str:
    """``*Jane Doe:* text``: a label set in italics loses its markers, as a bold one does."""
    mark = text[0]
    close = text.find(mark, 1, 60)
    if close > 1 and text[close - 1] in ":：" and text[1] != mark and not text[1].isspace():
        return text[1:close] + text[close + 1 :]
    return text


def _wrapped_in(text: str, mark: str) -> bool:
    return (
        len(text) > 2
        and text[0] == mark
        and text[-1] == mark
        and text[1] != mark
        and text[-2] != mark
        and not text[1].isspace()
    )


def _unescape(text: str, bold_prefix: int) -> tuple[str, int]:
    if "\\" not in text:
        return text, bold_prefix
    out: list[str] = []
    new_prefix = bold_prefix
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in _ESCAPABLE:
            if index < bold_prefix:
                new_prefix -= 1
            out.append(text[index + 1])
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out), new_prefix
