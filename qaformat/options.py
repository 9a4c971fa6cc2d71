"""The two option records: how to parse, and how to render.

Both are frozen attrs classes with validated fields and defaults that suit most callers; each
stage or renderer reads only the fields it needs. The CLI builds them from its flags.
"""

from __future__ import annotations

import enum
import os
import re
import types
from collections.abc import Mapping

import attrs

from qaformat.errors import InputError
from qaformat.model import Role, frozen_mapping

__all__ = ["LabelStyle", "ParseOptions", "RenderOptions", "SpeakerSpec"]


def _role(value: Role | str | None) -> Role | None:
    return None if value is None else Role(value)


@attrs.frozen
class SpeakerSpec:
    """What the caller says about one speaker label: display name, role, description."""

    name: str | None = None
    """Display name to use instead of the label (``None`` keeps the detected name)."""
    role: Role | None = attrs.field(default=None, converter=_role)
    """Role to use instead of the inferred one."""
    description: str | None = None
    """Who they are, shown where renderers show descriptions."""

    @classmethod
    def parse(cls, text: str) -> tuple[str, SpeakerSpec]:
        """Read the CLI form ``LABEL=Name[:role]`` (``EC=Emily Carter:interviewer``).

        Returns:
            The label and its spec.

        Raises:
            InputError: the text is not of that form or names an unknown role.
        """
        label, sep, rest = text.partition("=")
        if not sep or not label.strip():
            raise InputError(f"--speaker wants LABEL=Name[:role], got {text!r}")
        name, _, role = rest.rpartition(":") if ":" in rest else (rest, "", "")
        role = role.strip().lower()
        known = {r.value for r in Role}
        if role and role not in known:
            raise InputError(f"--speaker {text!r}: unknown role {role!r}; roles are {', '.join(sorted(known))}")
        return label.strip(), cls(name=name.strip() or None, role=Role(role) if role else None)


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def _language_tag(value: str | None) -> str | None:
    if value is None:
        return None
    tag = value.strip().replace("_", "-")
    if not _LANGUAGE_TAG.fullmatch(tag):
        raise InputError(f"--lang wants a language tag such as en, de-CH or pt-BR, got {value!r}")
    return tag


def _freeze_speakers(value: Mapping[str, SpeakerSpec]) -> Mapping[str, SpeakerSpec]:
    for label, spec in value.items():
        if not isinstance(spec, SpeakerSpec):
            raise TypeError(f"speaker {label!r}: expected SpeakerSpec, got {type(spec).__name__}")
    return types.MappingProxyType(dict(value))


@attrs.frozen
class ParseOptions:
    """How to read an interview out of the input."""

    speakers: Mapping[str, SpeakerSpec] = attrs.field(
        factory=dict, converter=_freeze_speakers, hash=False
    )
    """Labels as written (matched case-insensitively) mapped to what the caller knows of them.
    A label given here is always a speaker label, even if it appears once."""
    whole: bool = False
    """Keep everything: text outside the interview becomes intro or notes instead of ``skipped``
    (front matter still becomes ``metadata``, recorded in ``skipped`` as such)."""
    tidy: bool = False
    """Apply the safe typographic fixes (spacing after punctuation, runs of spaces, name case)
    and report each; without it the words stay exactly as written."""
    strict: bool = False
    """Raise ``ParseError`` when parsing reports any warning or error."""
    name_speakers: bool = False
    """Give generically labelled speakers (``Speaker 1``) the names the text says (``I'm Dana
    Ruiz``); each is reported as ``speaker-name-suggested`` either way."""
    convention: str | None = None
    """Read the speakers by this convention only (a name ``qaformat conventions`` lists, such
    as ``colon`` or ``heading-questions``); ``None`` lets every convention compete."""
    lang: str | None = attrs.field(default=None, converter=_language_tag)
    """The document's language tag (``de``, ``pt-BR``), stored as the ``lang`` metadata; without
    it, a language the input declares is kept, else one is guessed from the turns and reported."""


class LabelStyle(enum.Enum):
    """How renderers write speaker labels."""

    FULL = "full"
    """The full name on every turn."""
    SURNAME = "surname"
    """The full name on a speaker's first turn, then the surname."""
    INITIALS = "initials"
    """The full name on a speaker's first turn, then initials (the common newsroom style)."""
    NONE = "none"
    """No labels: questions are set apart by style only."""


def _optional_path(value: str | os.PathLike[str] | None) -> str | None:
    return None if value is None else os.fspath(value)


@attrs.frozen
class RenderOptions:
    """How to write a transcript; each renderer reads the fields it needs."""

    standalone: bool = False
    """HTML: a whole page (doctype, head, title, stylesheet) instead of an ``<article>`` fragment."""
    labels: LabelStyle = attrs.field(default=LabelStyle.FULL, converter=LabelStyle)
    """How speaker labels are written."""
    lang: str | None = None
    """Language tag for HTML ``lang`` (and DOCX proofing language), e.g. ``en`` or ``ar``; without
    it, the transcript's ``lang`` metadata, else a guess from the text."""
    stylesheet: bool = True
    """HTML page: include the small built-in stylesheet."""
    timestamps: bool = False
    """Show turn timestamps where the transcript has them."""
    template: str | None = attrs.field(default=None, converter=_optional_path)
    """DOCX: a reference document whose styles are used (as pandoc's reference doc)."""
    diagnostics: bool = False
    """JSON: include the parse diagnostics."""
    bold_questions: bool = False
    """Set whole questions in bold (the magazine style), not only the labels."""
    note: str | None = None
    """An editor's note ("This interview has been edited for length and clarity."), placed after
    the intro in every format."""
    title: str | None = None
    """A title that replaces the transcript's own, or gives it one (``--title``)."""
    metadata: Mapping[str, str] = attrs.field(factory=dict, converter=frozen_mapping, hash=False)
    """Metadata entries set on top of the transcript's own (``--meta KEY=VALUE``), as pandoc's
    ``--metadata``: ``date``, ``author``, ``lang`` and any other key."""
    show_title: bool = True
    """Write the title; a CMS template that prints the post's title turns it off (``--no-title``)."""
    show_intro: bool = True
    """Write the intro paragraphs (``--no-intro``); the editor's note and the cast line stay."""
    heading_level: int = attrs.field(default=2, validator=attrs.validators.and_(
        attrs.validators.instance_of(int), attrs.validators.ge(1), attrs.validators.le(6)))
    """The level of section headings (``--heading-level``, 1 to 6); the title is one level above
    (level 1 at the least)."""
    class_prefix: str = attrs.field(default="qa-", validator=lambda _i, _a, v: _check_prefix(v))
    """What every class name starts with in HTML and WordPress output (``--class-prefix``):
    ``qa-`` gives ``qa-turn``, ``interview-`` gives ``interview-turn``."""
    cast: bool = False
    """A line under the intro naming who talks with whom, with the speakers' descriptions
    (``--cast``)."""
    jsonld: bool = False
    """HTML fragment: add the schema.org JSON-LD that pages always carry (``--jsonld``)."""
    smart: bool = False
    """Typography (``--smart``): curly quotes and apostrophes in the document's language, en and
    em dashes, ellipses, no-break spaces before units and after honorifics."""
    pandoc_api: str | None = attrs.field(default=None, validator=lambda _i, _a, v: _check_api(v))
    """pandoc AST: the API version to write (``1.23`` or ``1.22.2.1``); by default the one the
    ``pandoc`` on the PATH reads, else the newest this version of qaformat knows."""


_PREFIX = re.compile(r"(?:[A-Za-z_][A-Za-z0-9_-]*)?\Z")
_API = re.compile(r"1\.\d{1,3}(?:\.\d{1,3}){0,2}\Z")


def _check_prefix(value: str) -> None:
    if not isinstance(value, str) or not _PREFIX.match(value):
        raise InputError(f"class prefix {value!r}: use letters, digits, '-' and '_', starting with a letter")


def _check_api(value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not _API.match(value)):
        raise InputError(f"pandoc API version {value!r}: write it as pandoc-types numbers it, e.g. 1.23 or 1.22.2.1")
