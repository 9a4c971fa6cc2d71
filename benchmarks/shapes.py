"""Inputs of every shape a transcript takes, built at any size: for the scaling run and the tests.

One speaker or many, one turn or thousands, one very long paragraph, thousands of caption cues,
thousands of headings, wide and long Word tables, long lists, in the formats where each shape
occurs. ``build(shape, count, seed)`` gives the input's bytes, its file name (the suffix picks
the reader) and the texts that must come out of it in order, so a caller can check that nothing
was lost (`missing`). ``count`` is the shape's own unit (turns, cues, headings, table cells,
list items, sentences); the bytes grow in proportion to it. From four units on, every shape is an interview
whose labels recur. The same seed gives the same bytes.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

import qaformat

WORDS = (
    "the of and to in a is that for it as was with be by on not this are or from at which but have an "
    "they you were she there been one all we their has would when if so no what up said out about into "
    "harbour treaty policy council budget season station lighthouse engineer festival archive café "
    "naïve résumé Zürich Kraków façade"
).split()
SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "da", "fe", "go", "hu", "ja", "pe", "wu")


@dataclass(frozen=True)
class Input:
    """One built input."""

    name: str
    """A file name whose suffix picks the reader."""
    data: bytes
    """The file's bytes."""
    texts: tuple[str, ...]
    """Texts that must appear in the transcript, in this order."""


def sentence(rng: random.Random, question: bool = False) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(5, 16))]
    text = " ".join(words)
    return text[0].upper() + text[1:] + ("?" if question else ".")


def name(index: int) -> str:
    """A distinct, name-shaped person's name for every index below 65,536 (``Kalomine Sarute``),
    with a distinct surname too."""

    def word(number: int) -> str:
        return "".join(SYLLABLES[number >> shift & 15] for shift in (0, 4, 8, 12)).capitalize()

    return f"{word(index)} {word((index * 40503 + 12345) % 65536)}"


def _text(lines: list[str], texts: list[str], suffix: str = "txt") -> tuple[str, bytes, tuple[str, ...]]:
    return f"input.{suffix}", "\n".join(lines).encode("utf-8"), tuple(texts)


def interview(count: int, rng: random.Random) -> Input:
    """Two speakers, ``count`` turns: the common case."""
    lines, texts = [], []
    for index in range(count):
        speaker = "Emily Carter" if index % 2 == 0 else "Ruth Adebayo"
        said = sentence(rng, question=index % 2 == 0)
        lines += [f"{speaker}: {said}", ""]
        texts.append(said)
    return Input(*_text(lines, texts))


def panel(count: int, rng: random.Random) -> Input:
    """Many speakers: a host asks ``count`` panellists twice each, who answer under their full
    name and then under their surname."""
    lines, texts = [], []
    for index in range(count):
        guest = name(index)
        for speaker in ("Emily Carter", guest, "Emily Carter", guest.split()[1]):
            said = sentence(rng, question=speaker == "Emily Carter")
            lines += [f"{speaker}: {said}", ""]
            texts.append(said)
    return Input(*_text(lines, texts))


def monologue(count: int, rng: random.Random) -> Input:
    """One speaker, one turn: a question, then ``count`` unlabelled paragraphs of one answer."""
    question = sentence(rng, question=True)
    lines, texts = [f"Emily Carter: {question}", "", f"Ruth Adebayo: {sentence(rng)}", ""], [question]
    texts.append(lines[2].split(": ", 1)[1])
    for _ in range(count):
        said = sentence(rng)
        lines += [said, ""]
        texts.append(said)
    lines += [f"Emily Carter: {sentence(rng, question=True)}"]
    texts.append(lines[-1].split(": ", 1)[1])
    return Input(*_text(lines, texts))


def repeated_label(count: int, rng: random.Random) -> Input:
    """One speaker whose label is repeated on each of ``count`` paragraphs: one long turn."""
    question = sentence(rng, question=True)
    lines, texts = [f"Emily Carter: {question}", ""], [question]
    for _ in range(count):
        said = sentence(rng)
        lines += [f"Ruth Adebayo: {said}", ""]
        texts.append(said)
    lines.append(f"Emily Carter: {question}")
    texts.append(question)
    return Input(*_text(lines, texts))


def long_paragraph(count: int, rng: random.Random) -> Input:
    """One answer whose one paragraph is ``count`` sentences on one line."""
    question = sentence(rng, question=True)
    said = " ".join(sentence(rng) for _ in range(count))
    lines = [f"Emily Carter: {question}", "", f"Ruth Adebayo: {said}", "", f"Emily Carter: {question}"]
    return Input(*_text(lines, [question, said, question]))


def wrapped_paragraph(count: int, rng: random.Random) -> Input:
    """One answer of ``count`` sentences hard-wrapped at 72 columns (an e-mailed transcript)."""
    question = sentence(rng, question=True)
    said = " ".join(sentence(rng) for _ in range(count))
    wrapped, line = [], ""
    for word in said.split():
        if line and len(line) + 1 + len(word) > 72:
            wrapped.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    wrapped.append(line)
    lines = [f"Emily Carter: {question}", "", "Ruth Adebayo:", *wrapped, "", f"Emily Carter: {question}"]
    return Input(*_text(lines, [question, said, question]))


def headings(count: int, rng: random.Random) -> Input:
    """``count`` sections, each a Markdown heading over one question and one answer."""
    lines, texts = [], []
    for index in range(count):
        heading = f"Part {index + 1}: the {rng.choice(WORDS)} and the {rng.choice(WORDS)}"
        question, answer = sentence(rng, question=True), sentence(rng)
        lines += [f"## {heading}", "", f"**Emily Carter:** {question}", "", f"**Ruth Adebayo:** {answer}", ""]
        texts += [heading, question, answer]
    return Input(*_text(lines, texts, "md"))


def markdown_list(count: int, rng: random.Random) -> Input:
    """An answer that is a Markdown list of ``count`` items, between two questions."""
    question = sentence(rng, question=True)
    lines, texts = [f"**Emily Carter:** {question}", "", "**Ruth Adebayo:** Here is the list:", ""], [question]
    for _ in range(count):
        item = sentence(rng)
        lines.append(f"- {item}")
        texts.append(item)
    lines += ["", f"**Emily Carter:** {question}"]
    texts.append(question)
    return Input(*_text(lines, texts, "md"))


def _qa_items(count: int, rng: random.Random, item: Callable[[str, str], str]) -> tuple[list[str], list[str]]:
    """``count`` items, ``item(label, sentence)`` with the labels Q and A in turn, and their sentences."""
    items, texts = [], []
    for index in range(count):
        said = sentence(rng, question=index % 2 == 0)
        items.append(item("Q" if index % 2 == 0 else "A", said))
        texts.append(said)
    return items, texts


def markdown_qa_list(count: int, rng: random.Random) -> Input:
    """An interview that is one Markdown list of ``count`` items, ``- **Q:**`` and ``- **A:**`` in turn."""
    return Input(*_text(*_qa_items(count, rng, lambda label, said: f"- **{label}:** {said}"), "md"))


def _timestamp(seconds: float, comma: bool) -> str:
    whole = int(seconds)
    millis = round((seconds - whole) * 1000)
    mark = "," if comma else "."
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}{mark}{millis:03d}"


def _cues(count: int, rng: random.Random) -> list[tuple[float, float, str]]:
    """A talk cut into ``count`` cues of a few words, with a pause now and then."""
    cues, clock = [], 1.0
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 9))]
        if rng.random() < 0.3:
            words[-1] += rng.choice(".?")
        duration = 0.3 * len(words)
        cues.append((clock, clock + duration, " ".join(words)))
        clock += duration + (rng.choice((2.5, 4.0)) if rng.random() < 0.05 else 0.0)
    return cues


def srt_talk(count: int, rng: random.Random) -> Input:
    """SRT of one long talk: a host's question, then ``count`` cues of one speaker, then thanks."""
    cues = _cues(count, rng)
    end = cues[-1][1] if cues else 1.0
    script = [(0.0, 1.0, "HOST: Tell us about the harbour."), *cues, (end + 1, end + 2, "HOST: Thank you.")]
    script[1:1] = [(0.5, 0.9, "GUEST: Gladly.")]
    lines: list[str] = []
    for number, (start, stop, text) in enumerate(script, 1):
        lines += [str(number), f"{_timestamp(start, True)} --> {_timestamp(stop, True)}", text, ""]
    texts = ["Tell us about the harbour.", "Gladly.", *(text for _, _, text in cues), "Thank you."]
    return Input(*_text(lines, texts, "srt"))


def vtt_voices(count: int, rng: random.Random) -> Input:
    """WebVTT with ``count`` cues, each naming its speaker with a voice; turns of a few cues."""
    lines, texts = ["WEBVTT", ""], []
    for index, (start, stop, text) in enumerate(_cues(count, rng)):
        voice = "Emily Carter" if index // 4 % 2 == 0 else "Ruth Adebayo"
        lines += [f"{_timestamp(start, False)} --> {_timestamp(stop, False)}", f"<v {voice}>{text}", ""]
        texts.append(text)
    return Input(*_text(lines, texts, "vtt"))


def html_page(count: int, rng: random.Random) -> Input:
    """A web page: navigation, then ``count`` turns as ``<p><strong>Name:</strong> ...``."""
    body, texts = [], []
    for index in range(count):
        speaker = "Emily Carter" if index % 2 == 0 else "Ruth Adebayo"
        said = sentence(rng, question=index % 2 == 0)
        body.append(f'<p class="x{index}"><strong>{speaker}:</strong> {escape(said)}</p>')
        texts.append(said)
    page = ("<!DOCTYPE html><html><head><title>Talk</title></head><body><nav><a href='/'>Home</a></nav>"
            "<article>\n" + "\n".join(body) + "\n</article></body></html>")
    return Input("input.html", page.encode("utf-8"), tuple(texts))


def html_list(count: int, rng: random.Random) -> Input:
    """A web page whose interview is one ``<ul>`` of ``count`` items."""
    items, texts = _qa_items(count, rng, lambda label, said: f"<li><b>{label}:</b> {escape(said)}</li>")
    page = "<!DOCTYPE html><html><body><ul>\n" + "\n".join(items) + "\n</ul></body></html>"
    return Input("input.html", page.encode("utf-8"), tuple(texts))


def html_long_paragraph(count: int, rng: random.Random) -> Input:
    """A web page whose answer is one ``<p>`` of ``count`` sentences, each in its own inline element."""
    question = sentence(rng, question=True)
    said = [sentence(rng) for _ in range(count)]
    tags = ("span", "em", "a", "b")
    inline = " ".join(f"<{tags[i % 4]}>{escape(s)}</{tags[i % 4]}>" for i, s in enumerate(said))
    page = (f"<!DOCTYPE html><html><body><p>Q: {escape(question)}</p><p>A: <span> </span>{inline}</p>"
            f"<p>Q: {escape(question)}</p></body></html>")
    return Input("input.html", page.encode("utf-8"), (question, *said, question))


def html_attribute(count: int, rng: random.Random) -> Input:
    """A short interview in a page with one attribute of ``count`` kilobytes (an inlined image)."""
    texts = [sentence(rng, question=True), sentence(rng), sentence(rng, question=True), sentence(rng)]
    blob = "A" * (count * 1024)
    page = (f'<!DOCTYPE html><html><body><img src="data:image/png;base64,{blob}" alt="">'
            + "".join(f"<p>{'Q' if i % 2 == 0 else 'A'}: {escape(t)}</p>" for i, t in enumerate(texts))
            + "</body></html>")
    return Input("input.html", page.encode("utf-8"), tuple(texts))


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="word/document.xml"/></Relationships>'
)


def docx_package(body: str) -> bytes:
    """A minimal .docx whose body is ``body`` (WordprocessingML elements)."""
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
    return out.getvalue()


def docx_paragraph(text: str, bold: str = "") -> str:
    """A ``w:p`` of ``text``, after ``bold`` (a label) in a bold run if given."""
    label = f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(bold)} </w:t></w:r>' if bold else ""
    return f'<w:p>{label}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _cell(text: str) -> str:
    return f"<w:tc>{docx_paragraph(text)}</w:tc>"


def docx_paragraphs(count: int, rng: random.Random) -> Input:
    """A Word file of ``count`` paragraphs, each a turn with its label in bold."""
    body, texts = [], []
    for index in range(count):
        said = sentence(rng, question=index % 2 == 0)
        body.append(docx_paragraph(said, "Emily Carter:" if index % 2 == 0 else "Ruth Adebayo:"))
        texts.append(said)
    return Input("input.docx", docx_package("".join(body)), tuple(texts))


def docx_long_paragraph(count: int, rng: random.Random) -> Input:
    """A Word answer that is one paragraph of ``count`` runs, every other one in italics."""
    question = sentence(rng, question=True)
    said = [sentence(rng) for _ in range(count)]
    runs = "".join(f'<w:r>{"<w:rPr><w:i/></w:rPr>" if i % 2 else ""}<w:t xml:space="preserve">{escape(s)} </w:t></w:r>'
                   for i, s in enumerate(said))
    body = (docx_paragraph(question, "Emily Carter:")
            + f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Ruth Adebayo: </w:t></w:r>{runs}</w:p>'
            + docx_paragraph(question, "Emily Carter:"))
    return Input("input.docx", docx_package(body), (question, *said, question))


def docx_table(count: int, rng: random.Random) -> Input:
    """A Word transcript table of ``count`` rows: time | speaker | text."""
    rows, texts = [], []
    for index in range(count):
        said = sentence(rng, question=index % 2 == 0)
        stamp = f"{index // 3600:02d}:{index // 60 % 60:02d}:{index % 60:02d}"
        rows.append(f"<w:tr>{_cell(stamp)}{_cell('Emily Carter' if index % 2 == 0 else 'Ruth Adebayo')}{_cell(said)}</w:tr>")
        texts.append(said)
    return Input("input.docx", docx_package(f"<w:tbl>{''.join(rows)}</w:tbl>"), tuple(texts))


def docx_wide_table(count: int, rng: random.Random) -> Input:
    """A Word interview with a wide data table in the middle: ten rows of ``count / 10`` cells
    (four at least)."""
    texts, body = [], []
    for index in range(4):
        said = sentence(rng, question=index % 2 == 0)
        body.append(docx_paragraph(said, "Emily Carter:" if index % 2 == 0 else "Ruth Adebayo:"))
        texts.append(said)
    width = max(4, count // 10)  # four columns at least: never a speaker | text transcript table
    rows = []
    for _ in range(10):
        cells = [f"{rng.choice(WORDS)} {rng.randint(0, 999)}" for _ in range(width)]
        rows.append("<w:tr>" + "".join(_cell(c) for c in cells) + "</w:tr>")
        texts += cells
    body.append(f"<w:tbl>{''.join(rows)}</w:tbl>")
    for index in range(4):
        said = sentence(rng, question=index % 2 == 0)
        body.append(docx_paragraph(said, "Emily Carter:" if index % 2 == 0 else "Ruth Adebayo:"))
        texts.append(said)
    return Input("input.docx", docx_package("".join(body)), tuple(texts))


SHAPES: dict[str, Callable[[int, random.Random], Input]] = {
    "interview": interview,
    "panel": panel,
    "monologue": monologue,
    "repeated-label": repeated_label,
    "long-paragraph": long_paragraph,
    "wrapped-paragraph": wrapped_paragraph,
    "headings": headings,
    "markdown-list": markdown_list,
    "markdown-qa-list": markdown_qa_list,
    "srt-talk": srt_talk,
    "vtt-voices": vtt_voices,
    "html-page": html_page,
    "html-list": html_list,
    "html-long-paragraph": html_long_paragraph,
    "html-attribute": html_attribute,
    "docx-paragraphs": docx_paragraphs,
    "docx-long-paragraph": docx_long_paragraph,
    "docx-table": docx_table,
    "docx-wide-table": docx_wide_table,
}
"""Shape name to its builder, each taking ``count`` units."""


def build(shape: str, count: int, seed: int = 20261130) -> Input:
    """The input of one shape with ``count`` units."""
    return SHAPES[shape](count, random.Random(seed))


def missing(built: Input, transcript: qaformat.Transcript) -> list[str]:
    """The texts of ``built`` that are not in the transcript's title, intro, headings and turns,
    in their order (a text may run over a paragraph break: where paragraphs end is the parser's
    call); empty when nothing was lost."""
    kept = [transcript.title or "", *transcript.intro]
    for section in transcript.sections:
        kept.append(section.heading or "")
        kept.extend(paragraph for turn in section.turns for paragraph in turn.paragraphs)
    haystack = " ".join(kept)
    lost, position = [], 0
    for text in built.texts:
        found = haystack.find(text, position)
        if found < 0:
            lost.append(text)
        else:
            position = found + len(text)
    return lost
