"""The JSON form of the model, both ways: the contract CMS plugins build on.

`to_data` turns a `Transcript` into plain JSON data in a fixed key order; `from_data` turns such
data back, checking it as it goes, so ``load_json(render(t, "json"))`` gives ``t`` again and
rendering that gives the same bytes. The schema is docs/schema/qaformat.schema.json.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qaformat.charsafe import UNSAFE, make_safe
from qaformat.errors import Diagnostic, InputError, Severity
from qaformat.model import Kind, Role, Section, Skipped, Span, SpanKind, Speaker, Transcript, Turn

__all__ = ["JSON_VERSION", "from_data", "to_data"]

JSON_VERSION = 1
"""Major version of the JSON contract; bumped only for changes that break readers."""


def to_data(transcript: Transcript, *, diagnostics: bool = False) -> dict[str, Any]:
    """The transcript as JSON data (dicts, lists, strings, numbers, ``None``)."""
    data: dict[str, Any] = {
        "qaformat": JSON_VERSION,
        "title": transcript.title,
        "intro": list(transcript.intro),
        "speakers": [
            {
                "id": s.id,
                "name": s.name,
                "role": s.role.value,
                "aliases": list(s.aliases),
                "description": s.description,
            }
            for s in transcript.speakers
        ],
        "sections": [
            {
                "heading": section.heading,
                "line": section.line,
                "turns": [_turn_data(turn) for turn in section.turns],
            }
            for section in transcript.sections
        ],
        "skipped": [
            {"first_line": s.first_line, "last_line": s.last_line, "reason": s.reason}
            for s in transcript.skipped
        ],
        "metadata": dict(transcript.metadata),
    }
    if diagnostics:
        data["diagnostics"] = [
            {
                "severity": d.severity.value,
                "code": d.code,
                "message": d.message,
                "line": d.line,
                "column": d.column,
            }
            for d in transcript.diagnostics
        ]
    return data


def _turn_data(turn: Turn) -> dict[str, Any]:
    return {
        "kind": turn.kind.value,
        "speaker": turn.speaker,
        "paragraphs": list(turn.paragraphs),
        "line": turn.line,
        "timestamp": turn.timestamp,
        "spans": [
            {"paragraph": s.paragraph, "start": s.start, "end": s.end, "kind": s.kind.value}
            for s in turn.spans
        ],
    }


class _Reader:
    """Reads JSON data field by field, naming the path of anything wrong."""

    def __init__(self, source: str | None):
        self.source = source
        self.replaced: list[str] = []

    def fail(self, path: str, message: str) -> InputError:
        return InputError(f"not qaformat JSON: {path}: {message}", source=self.source)

    def obj(self, value: Any, path: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, "expected an object")
        return value

    def array(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(path, "expected an array")
        return value

    def text(self, data: Mapping[str, Any], key: str, path: str, *, optional: bool = False) -> Any:
        value = data.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.fail(f"{path}.{key}", "expected a string")
        return self.safe(value, f"{path}.{key}")

    def number(self, data: Mapping[str, Any], key: str, path: str, *, optional: bool = False) -> Any:
        value = data.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(f"{path}.{key}", "expected a non-negative integer")
        return value

    def objects(self, data: Mapping[str, Any], key: str) -> list[tuple[str, Mapping[str, Any]]]:
        """The objects of array ``data[key]``, each with its path (``$.speakers[0]``)."""
        items = self.array(data.get(key, []), f"$.{key}")
        return [(f"$.{key}[{i}]", self.obj(item, f"$.{key}[{i}]")) for i, item in enumerate(items)]

    def strings(self, value: Any, path: str) -> tuple[str, ...]:
        items = self.array(value, path)
        for index, item in enumerate(items):
            if not isinstance(item, str):
                raise self.fail(f"{path}[{index}]", "expected a string")
        return tuple(self.safe(item, f"{path}[{index}]") for index, item in enumerate(items))

    def safe(self, text: str, path: str) -> str:
        """Text XML cannot hold (JSON can: "\\u0000") is replaced, and the place reported."""
        if UNSAFE.search(text) is None:
            return text
        self.replaced.append(path)
        return make_safe(text)

    def enum(self, data: Mapping[str, Any], key: str, path: str, kind: Any) -> Any:
        value = self.text(data, key, path)
        try:
            return kind(value)
        except ValueError:
            known = ", ".join(k.value for k in kind)
            raise self.fail(f"{path}.{key}", f"{value!r} is not one of {known}") from None


def from_data(data: Any, source: str | None = None) -> Transcript:
    """Rebuild a transcript from JSON data.

    Raises:
        InputError: the data is not qaformat JSON, or is of another major version.
    """
    read = _Reader(source)
    top = read.obj(data, "$")
    version = top.get("qaformat")
    if not isinstance(version, int) or isinstance(version, bool):
        raise read.fail("$.qaformat", "missing version number")
    if version != JSON_VERSION:
        raise InputError(
            f"qaformat JSON version {version} cannot be read by this qaformat (it reads version"
            f" {JSON_VERSION}); upgrade or downgrade qaformat to match",
            source=source,
        )
    speakers = tuple(
        Speaker(
            id=read.text(s, "id", path),
            name=read.text(s, "name", path),
            role=read.enum(s, "role", path, Role),
            aliases=read.strings(s.get("aliases", []), f"{path}.aliases"),
            description=read.text(s, "description", path, optional=True),
        )
        for path, s in read.objects(top, "speakers")
    )
    ids = {s.id for s in speakers}
    sections = []
    for path, section in read.objects(top, "sections"):
        turns = []
        for j, raw_turn in enumerate(read.array(section.get("turns", []), f"{path}.turns")):
            turns.append(_turn_from(read, read.obj(raw_turn, f"{path}.turns[{j}]"), f"{path}.turns[{j}]", ids))
        sections.append(Section(heading=read.text(section, "heading", path, optional=True),
                                turns=tuple(turns), line=read.number(section, "line", path)))
    skipped = tuple(
        Skipped(
            read.number(s, "first_line", path),
            read.number(s, "last_line", path),
            read.text(s, "reason", path),
        )
        for path, s in read.objects(top, "skipped")
    )
    diagnostics = tuple(
        Diagnostic(
            read.enum(d, "severity", path, Severity),
            read.text(d, "code", path),
            read.text(d, "message", path),
            read.number(d, "line", path, optional=True),
            read.number(d, "column", path, optional=True),
        )
        for path, d in read.objects(top, "diagnostics")
    )
    metadata = dict(read.obj(top.get("metadata", {}), "$.metadata"))
    for key, value in metadata.items():
        if not isinstance(value, str):
            raise read.fail(f"$.metadata.{key}", "expected a string")
        metadata[key] = read.safe(value, f"$.metadata.{key}")
    if read.replaced:
        diagnostics += (Diagnostic(Severity.WARNING, "control-character",
                                   f"characters XML cannot hold replaced with U+FFFD in {', '.join(read.replaced[:5])}"),)
    return Transcript(
        title=read.text(top, "title", "$", optional=True),
        intro=read.strings(top.get("intro", []), "$.intro"),
        speakers=speakers,
        sections=tuple(sections),
        skipped=skipped,
        diagnostics=diagnostics,
        metadata=dict(metadata),
    )


def _turn_from(read: _Reader, turn: Mapping[str, Any], path: str, ids: set[str]) -> Turn:
    speaker = read.text(turn, "speaker", path, optional=True)
    if speaker is not None and speaker not in ids:
        raise read.fail(f"{path}.speaker", f"{speaker!r} is not the id of a speaker")
    timestamp = turn.get("timestamp")
    if timestamp is not None and (not isinstance(timestamp, (int, float)) or isinstance(timestamp, bool)):
        raise read.fail(f"{path}.timestamp", "expected a number of seconds")
    paragraphs = read.strings(turn.get("paragraphs", []), f"{path}.paragraphs")
    spans = []
    for k, raw in enumerate(read.array(turn.get("spans", []), f"{path}.spans")):
        span_path = f"{path}.spans[{k}]"
        span = read.obj(raw, span_path)
        parsed = Span(
            read.number(span, "paragraph", span_path),
            read.number(span, "start", span_path),
            read.number(span, "end", span_path),
            read.enum(span, "kind", span_path, SpanKind),
        )
        if parsed.paragraph >= len(paragraphs) or not parsed.start <= parsed.end <= len(paragraphs[parsed.paragraph]):
            raise read.fail(span_path, "points outside its paragraph")
        spans.append(parsed)
    return Turn(
        kind=read.enum(turn, "kind", path, Kind),
        speaker=speaker,
        paragraphs=paragraphs,
        line=read.number(turn, "line", path),
        timestamp=float(timestamp) if timestamp is not None else None,
        spans=tuple(spans),
    )
