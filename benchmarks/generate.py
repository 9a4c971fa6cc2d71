"""Deterministic synthetic interview transcripts for benchmarks, with a Markdown twin for pandoc.

    python benchmarks/generate.py 1000000 out/        # writes out/interview-1000000.txt and .md

The same seed gives the same bytes on every machine. Transcripts carry what real ones do:
a title and intro, section headings, questions and multi-paragraph answers, stage directions
on their own line and inline, timestamps, abbreviations (Dr., U.S., e.g.), colons inside text
(10:30, 3:1, "Note:"), and non-ASCII names and words.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

WORDS = (
    "the of and to in a is that for it as was with be by on not he I this are or his from at which but have an "
    "they you were her she there been one all we their has would when if so no what up said out about into "
    "harbour treaty policy council budget season station lighthouse engineer festival archive rehearsal café "
    "naïve résumé Zürich São Paulo Kraków Ålesund façade coöperation"
).split()
ASIDES = ("[laughs]", "(Laughter.)", "[inaudible 00:15:05]", "[crosstalk]", "(pause)")
PHRASES = ("at 10:30 in the morning", "by a margin of 3:1", "Dr. Okafor said", "the U.S. position",
           "e.g. the harbour", "about 3.5 percent", "Note: this changed later")
HOSTS = ("Emily Carter", "Tomás Ferreira")
GUESTS = ("Dr. Alexander Petrov", "Ruth Adebayo-Müller")


def sentence(rng: random.Random, question: bool = False) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 22))]
    if rng.random() < 0.15:
        words.insert(rng.randint(0, len(words)), rng.choice(PHRASES))
    if rng.random() < 0.05:
        words.insert(rng.randint(0, len(words)), rng.choice(ASIDES))
    text = " ".join(words)
    return text[0].upper() + text[1:] + ("?" if question else ".")


def paragraph(rng: random.Random, sentences: int, question: bool = False) -> str:
    body = [sentence(rng) for _ in range(sentences - 1)]
    return " ".join([*body, sentence(rng, question)])


def generate(size: int, seed: int = 20261128) -> tuple[str, str]:
    """(plain transcript, Markdown twin), each about ``size`` bytes of UTF-8."""
    rng = random.Random(seed)
    host, guest = HOSTS[0], GUESTS[0]
    title = "A Long Conversation: Harbours, Budgets and the Night Shift"
    intro = paragraph(rng, 4)
    text = [title, "", intro, ""]
    markdown = [f"# {title}", "", intro, ""]
    section = 0
    minute = 0
    while sum(len(line) + 1 for line in text) < size:
        if section == 0 or rng.random() < 0.06:
            section += 1
            heading = f"Part {section}: {rng.choice(WORDS).capitalize()} and {rng.choice(WORDS).capitalize()}"
            text += [heading, ""]
            markdown += [f"## {heading}", ""]
            minute = 0  # each part is a recording of its own: its clock starts again (hours stay two-digit)
        minute += rng.randint(1, 3)
        stamp = f"[{minute // 60:02d}:{minute % 60:02d}:{rng.randint(0, 59):02d}] "
        question = paragraph(rng, rng.randint(1, 2), question=True)
        text += [f"{stamp}{host}: {question}", ""]
        markdown += [f"**{host}:** {question}", ""]
        answers = [paragraph(rng, rng.randint(2, 6)) for _ in range(rng.randint(1, 3))]
        text += [f"{guest}: {answers[0]}", ""] + [line for a in answers[1:] for line in (a, "")]
        markdown += [f"**{guest}:** {answers[0]}", ""] + [line for a in answers[1:] for line in (a, "")]
        if rng.random() < 0.03:
            text += ["(APPLAUSE)", ""]
            markdown += ["*(APPLAUSE)*", ""]
    return "\n".join(text), "\n".join(markdown)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    size, folder = int(argv[0]), Path(argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    plain, markdown = generate(size)
    (folder / f"interview-{size}.txt").write_text(plain, encoding="utf-8")
    (folder / f"interview-{size}.md").write_text(markdown, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
