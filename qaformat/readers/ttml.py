"""The TTML reader (``.ttml``, ``.dfxp``: broadcasters', streaming services' and subtitle tools'
XML captions, including IMSC and SMPTE-TT).

A TTML file is XML: a ``<head>`` of metadata and styling, then ``<p>`` cues with ``begin`` and
``end`` times inside ``<body>`` and ``<div>``. Who speaks is named by ``ttm:agent`` on a cue (or
on a ``<span>`` inside it, or on a ``<div>`` around it): an IDREF to a ``<ttm:agent>`` in the
head, whose ``<ttm:name>`` is the speaker's name, as a WebVTT voice is. Each cue (or each agent's
part of one) becomes a block with its start and end times; ``<br/>`` joins lines as a caption's
lines are joined; styling is left out. Parsed with lxml, with entities and network access off.
Knows nothing about interviews.
"""

from __future__ import annotations

import re

from lxml import etree

from qaformat.blocks import Block, Document, Omitted
from qaformat.errors import Diagnostic, InputError
from qaformat.patterns import lazy
from qaformat.readers.decode import decode

__all__ = ["read_ttml"]

_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_XML_DECLARATION = lazy(r"\A\ufeff?\s*<\?xml[^>]*\?>")
_CLOCK = lazy(r"(\d+):(\d{2}):(\d{2})(?:(\.\d+)|:(\d+)(?:\.\d+)?)?")
_OFFSET = lazy(r"(\d+(?:\.\d+)?)(h|ms|m|s|f|t)")
_SPACE = lazy(r"\s+")
_FULL_NAMES = ("full", "family", "given", "alias", "other")  # ttm:name types, the most complete first


def read_ttml(data: str | bytes, source: str | None = None) -> Document:
    """Read TTML or DFXP captions: one block per cue, or per agent within a cue.

    Each block carries the cue's start and end times (``time``, ``end``), the name of the
    cue's ``ttm:agent`` (``speaker``) and the source line of its ``<p>``.

    Raises:
        InputError: undecodable input, not XML, or no ``<p>`` cue with text.
    """
    diagnostics: list[Diagnostic] = []
    if isinstance(data, bytes):
        text, diagnostics = decode(data, source)
    else:
        text = data.removeprefix("\ufeff")
    # lxml refuses a str with an encoding declaration; blank it out, keeping line numbers.
    text = _XML_DECLARATION.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text.replace("\r\n", "\n"))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(text, parser=parser)
    except etree.XMLSyntaxError as error:
        raise InputError(f"not a TTML file: {error.msg}", source=source, line=error.lineno) from None
    # TTML's namespace, or DFXP's older ttaf1 one: the metadata and parameter ones hang off it.
    ns = _Spaces(etree.QName(root).namespace or "http://www.w3.org/ns/ttml")
    rates = _Rates(root, ns)
    names = _agent_names(root, ns)
    blocks: list[Block] = []
    for cue in root.iter(f"{{{ns.tt}}}p"):
        start = _offset(cue, "begin", rates)
        end = _end(cue, start, rates)
        for speaker, line, words in _parts(cue, _inherited_agent(cue, ns), names, ns):
            blocks.append(Block(text=words, line=line, speaker=speaker, time=start, end=end))
    if not blocks:
        raise InputError("no TTML caption cue with text could be read", source=source, line=1)
    omitted = [Omitted(_line(head), _last_line(head), "TTML head (metadata and styling)")
               for head in root.iter(f"{{{ns.tt}}}head")]
    metadata = {"title": title} if (title := _title(root, ns)) else {}
    return Document(tuple(blocks), metadata, tuple(diagnostics), tuple(omitted))


class _Spaces:
    """The names of a document's TTML elements and attributes, in its own namespace."""

    def __init__(self, tt: str) -> None:
        self.tt = tt
        self.agent = f"{{{tt}#metadata}}agent"
        self.name = f"{{{tt}#metadata}}name"
        self.title = f"{{{tt}#metadata}}title"
        self.parameter = f"{{{tt}#parameter}}"


class _Rates:
    """The frame and tick rates the document's ``ttp:`` parameters set (TTML's defaults else)."""

    def __init__(self, root: etree._Element, ns: _Spaces) -> None:
        self.frames = _number(root.get(f"{ns.parameter}frameRate"), 30.0)
        self.ticks = _number(root.get(f"{ns.parameter}tickRate"), 1.0)


def _number(text: str | None, default: float) -> float:
    try:
        value = float(text) if text else default
    except ValueError:
        return default
    return value if value > 0 else default


def _seconds(text: str | None, rates: _Rates) -> float | None:
    """A TTML time expression (``00:01:02.5``, ``00:01:02:12`` frames, ``62.5s``, ``1500ms``,
    ``90f``, ``10000t``) in seconds; ``None`` for none or an unreadable one."""
    if not text:
        return None
    text = text.strip()
    clock = _CLOCK.fullmatch(text)
    if clock:
        hours, minutes, whole, fraction, frames = clock.groups()
        value = int(hours) * 3600 + int(minutes) * 60 + int(whole)
        return value + (float(fraction) if fraction else 0.0) + (int(frames) / rates.frames if frames else 0.0)
    offset = _OFFSET.fullmatch(text)
    if offset is None:
        return None
    amount, unit = float(offset.group(1)), offset.group(2)
    scale = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001, "f": 1 / rates.frames, "t": 1 / rates.ticks}[unit]
    return amount * scale


def _offset(cue: etree._Element, attribute: str, rates: _Rates) -> float | None:
    """A cue's time: its own, plus the ``begin`` of every element around it (times nest)."""
    own = _seconds(cue.get(attribute), rates)
    if own is None:
        return None
    return own + sum(_seconds(outer.get("begin"), rates) or 0.0 for outer in cue.iterancestors())


def _end(cue: etree._Element, start: float | None, rates: _Rates) -> float | None:
    end = _offset(cue, "end", rates)
    duration = _seconds(cue.get("dur"), rates)
    return end if end is not None or start is None or duration is None else start + duration


def _agent_names(root: etree._Element, ns: _Spaces) -> dict[str, str]:
    """Each ``<ttm:agent>``'s id and its name: the most complete ``<ttm:name>``, else the id."""
    names: dict[str, str] = {}
    for agent in root.iter(ns.agent):
        ident = agent.get(_XML_ID)
        if not ident:
            continue
        written = {(name.get("type") or "other"): _text(name)
                   for name in agent.iter(ns.name)}
        names[ident] = next((written[kind] for kind in _FULL_NAMES if written.get(kind)),
                            next((name for name in written.values() if name), ident))
    return names


def _speaker(value: str | None, names: dict[str, str]) -> str | None:
    """The name for a ``ttm:agent`` attribute (IDREFS: several agents speak together)."""
    if not value or not value.strip():
        return None
    return " & ".join(names.get(ident, ident) for ident in value.split())


def _inherited_agent(cue: etree._Element, ns: _Spaces) -> str | None:
    for element in (cue, *cue.iterancestors()):
        if element.get(ns.agent):
            return element.get(ns.agent)
    return None


def _parts(cue: etree._Element, agent: str | None, names: dict[str, str],
           ns: _Spaces) -> list[tuple[str | None, int, str]]:
    """The cue's text, split where a ``<span>`` names another agent: (speaker, line, text)."""
    parts: list[tuple[str | None, int, list[str]]] = [(agent, _line(cue), [])]

    def add(text: str | None, who: str | None, line: int) -> None:
        if not text:
            return
        if who != parts[-1][0] and text.strip():
            parts.append((who, line, []))
        parts[-1][2].append(text)

    def walk(element: etree._Element, who: str | None) -> None:
        add(element.text, who, _line(element))
        for child in element:
            if not isinstance(child.tag, str):  # a comment or processing instruction
                add(child.tail, who, _line(cue))
                continue
            name = etree.QName(child).localname
            if name == "br":
                add(" ", who, _line(child))
            elif name != "metadata":
                walk(child, child.get(ns.agent) or who)
            add(child.tail, who, _line(child))

    walk(cue, agent)
    found = [(_speaker(who, names), line, _collapse("".join(pieces))) for who, line, pieces in parts]
    return [part for part in found if part[2]]


def _title(root: etree._Element, ns: _Spaces) -> str:
    for head in root.iter(f"{{{ns.tt}}}head"):
        for title in head.iter(ns.title):
            return _text(title)
    return ""


def _line(element: etree._Element) -> int:
    line = element.sourceline
    return line if isinstance(line, int) else 1


def _last_line(element: etree._Element) -> int:
    return max(_line(inner) for inner in element.iter())


def _text(element: etree._Element) -> str:
    return _collapse("".join(str(piece) for piece in element.itertext()))


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
