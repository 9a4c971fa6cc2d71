"""schema.org data for pages: an ``Article`` as JSON-LD in ``<script type="application/ld+json">``.

Owns what search engines read about the interview: ``headline`` (the title), ``author`` (the
interviewers, or the ``author`` of the metadata), ``about`` (the interviewees, with their
descriptions), ``mentions`` (other named voices), ``datePublished`` (a ``date`` in the metadata),
``inLanguage`` and ``description``. The JSON is escaped so that no input can end the script
element or open a comment: ``<``, ``>`` and ``&`` and the code points HTML does not accept are
written as ``\\uXXXX`` escapes, which JSON reads back as the same text. Imports only the model and
`castline`.
"""

from __future__ import annotations

import re
from typing import Any

from qaformat.model import Role, Speaker, Transcript
from qaformat.patterns import lazy
from qaformat.renderers.castline import named_speakers

__all__ = ["jsonld_data", "jsonld_script"]

_NONCHARACTERS = "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0x10000, 0x110000, 0x10000))
# What must not stand as itself inside a script element's JSON: markup characters, and the code
# points an HTML parser rejects (JSON escapes the C0 controls itself).
_UNSAFE = lazy(f"[<>&\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff{_NONCHARACTERS}]")


def jsonld_data(transcript: Transcript, lang: str | None) -> dict[str, Any]:
    """The ``Article`` as a JSON-ready dict (keys with no value are left out)."""
    metadata = transcript.metadata
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Article"}
    if transcript.title and transcript.title.strip():
        data["headline"] = transcript.title.strip()
    if metadata.get("description", "").strip():
        data["description"] = metadata["description"].strip()
    authors = [_person(s) for s in named_speakers(transcript, Role.INTERVIEWER)]
    if not authors and metadata.get("author", "").strip():
        authors = [{"@type": "Person", "name": metadata["author"].strip()}]
    if authors:
        data["author"] = authors
    for key, role in (("about", Role.INTERVIEWEE), ("mentions", Role.OTHER)):
        people = [_person(s) for s in named_speakers(transcript, role)]
        if people:
            data[key] = people
    if metadata.get("date", "").strip():
        data["datePublished"] = metadata["date"].strip()
    language = lang or metadata.get("lang")
    if language and language.strip():
        data["inLanguage"] = language.strip()
    return data


def jsonld_script(transcript: Transcript, lang: str | None) -> str:
    """The ``<script type="application/ld+json">`` element, on one line."""
    import json  # only with --jsonld or a page: a fragment's start-up stays short without it

    text = json.dumps(jsonld_data(transcript, lang), ensure_ascii=False, separators=(", ", ": "))
    return f'<script type="application/ld+json">{_UNSAFE.sub(_escape, text)}</script>'


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # JSON writes an astral code point as its UTF-16 surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _person(speaker: Speaker) -> dict[str, str]:
    person = {"@type": "Person", "name": speaker.name.strip()}
    if speaker.description and speaker.description.strip():
        person["description"] = speaker.description.strip()
    return person
