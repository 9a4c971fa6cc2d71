"""Hypothesis strategies: transcript-shaped text, from clean to hostile."""

from __future__ import annotations

from hypothesis import strategies as st

NAMES = ["Emily Carter", "Dr. Alexander Petrov", "EC", "Q", "A", "MR. SMITH", "Speaker 1", "Müller", "سارا", "Jane Roe, PhD"]
WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40)
SENTENCE = st.lists(st.sampled_from(["Why", "now?", "We", "did.", "at", "10:30", "3:1", "[laughs]", "(APPLAUSE)",
                                     "https://x.org/a", "U.S.", "allies.this", "—", "“quoted”", "<b>", "&amp;"]),
                    min_size=1, max_size=12).map(" ".join)


@st.composite
def transcript_lines(draw: st.DrawFn) -> str:
    """A plausible transcript: labelled turns, headings, continuation paragraphs, debris."""
    lines = []
    for _ in range(draw(st.integers(1, 14))):
        kind = draw(st.sampled_from(["turn", "turn", "turn", "plain", "heading", "blank", "noise"]))
        if kind == "turn":
            lines.append(f"{draw(st.sampled_from(NAMES))}: {draw(SENTENCE)}")
        elif kind == "plain":
            lines.append(draw(SENTENCE))
        elif kind == "heading":
            lines.append(draw(st.sampled_from(["The Early Years", "What Next?", "## Part two", "**Bold Head**"])))
        elif kind == "blank":
            lines.append("")
        else:
            lines.append(draw(WORDS))
    separator = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\r"]))
    return separator.join(lines)


any_text = st.one_of(transcript_lines(), st.text(max_size=300))
any_bytes = st.one_of(st.binary(max_size=300), transcript_lines().map(lambda t: t.encode("utf-8")),
                      transcript_lines().map(lambda t: t.encode("utf-16")),
                      transcript_lines().map(lambda t: t.encode("cp1252", errors="replace")))
