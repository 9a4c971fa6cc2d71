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
from typing import Any

import attrs

from qaformat.errors import InputError, OptionError
from qaformat.model import Role, frozen_mapping
from qaformat.patterns import lazy

__all__ = ["MAX_INPUT_BYTES", "LabelStyle", "ParseOptions", "RenderOptions", "SpeakerSpec"]

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""The default of ``ParseOptions.max_bytes``: a transcript is text, and 64 MiB of it is a book shelf."""


def _is_bool(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{type(instance).__name__}.{attribute.name} must be True or False, not {value!r}")


def _is_optional_text(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{type(instance).__name__}.{attribute.name} must be text or None, not {value!r}")


def _is_positive_int(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{type(instance).__name__}.{attribute.name} must be a whole number, not {value!r}")
    if value < 1:
        raise OptionError(f"{type(instance).__name__}.{attribute.name} must be at least 1, not {value!r}")


# A well-formed BCP 47 language tag (RFC 5646, section 2.1): language, script, region, variants,
# extensions, private use; or a private-use tag alone. Case does not matter. The syntax also
# allows languages of 4 to 8 letters, reserved for the future: none exists, and "english" is a slip.
_BCP47 = lazy(
    r"""[a-z]{2,3}(?:-[a-z]{3}){0,3}                 # language (with extended subtags)
        (?:-[a-z]{4})?                              # script
        (?:-(?:[a-z]{2}|[0-9]{3}))?                 # region
        (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*    # variants
        (?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*        # extensions
        (?:-x(?:-[a-z0-9]{1,8})+)?                  # private use
      |x(?:-[a-z0-9]{1,8})+""",
    re.IGNORECASE | re.VERBOSE,
)


def _language_tag(value: object) -> object:
    """``pt_BR`` as ``pt-BR``: the underscore form that locales use is the same tag."""
    return value.strip().replace("_", "-") if isinstance(value, str) else value


def _is_language_tag(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _is_optional_text(instance, attribute, value)
    if isinstance(value, str) and not _BCP47.fullmatch(value):
        raise OptionError(f"{type(instance).__name__}.{attribute.name}: {value!r} is not a BCP 47 language tag"
                          " (such as en, en-GB, ar, zh-Hant)")


def _role(value: Role | str | None) -> Role | None:
    return None if value is None else Role(value)


@attrs.frozen
class SpeakerSpec:
    """What the caller says about one speaker label: display name, role, description.

    Attributes:
        name: Display name to use instead of the label (``None`` keeps the detected name).
        role: Role to use instead of the inferred one.
        description: Who they are, shown where renderers show descriptions.
    """

    name: str | None = None
    role: Role | None = attrs.field(default=None, converter=_role)
    description: str | None = None

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


def _freeze_speakers(value: Mapping[str, SpeakerSpec]) -> Mapping[str, SpeakerSpec]:
    for label, spec in value.items():
        if not isinstance(spec, SpeakerSpec):
            raise TypeError(f"speaker {label!r}: expected SpeakerSpec, got {type(spec).__name__}")
    return types.MappingProxyType(dict(value))


@attrs.frozen
class ParseOptions:
    """How to read an interview out of the input.

    Attributes:
        speakers: Labels as written (matched case-insensitively) mapped to what the caller knows of
            them. A label given here is always a speaker label, even if it appears once.
        whole: Keep everything: text outside the interview becomes intro or notes instead of
            ``skipped`` (front matter still becomes ``metadata``, recorded in ``skipped`` as such).
        tidy: Apply the safe typographic fixes (spacing after punctuation, runs of spaces, name
            case) and report each; without it the words stay exactly as written.
        strict: Raise ``ParseError`` when parsing reports any warning or error (a speaker map's
            label that the input does not use is then an error too).
        name_speakers: Give generically labelled speakers (``Speaker 1``) the names the text says
            (``I'm Dana Ruiz``); each is reported as ``speaker-name-suggested`` either way.
        convention: Read the speakers by this convention only (a name ``qaformat conventions``
            lists, such as ``colon`` or ``heading-questions``); ``None`` lets every convention
            compete.
        lang: The document's BCP 47 language tag (``de``, ``pt-BR``), stored as the ``lang``
            metadata; without it, a language the input declares is kept, else one is guessed from
            the turns and reported. A malformed tag is an ``OptionError``.
        max_bytes: Inputs larger than this many bytes are refused with an ``InputError`` (text is
            counted as UTF-8); the default is `MAX_INPUT_BYTES`, 64 MiB.
    """

    speakers: Mapping[str, SpeakerSpec] = attrs.field(
        factory=dict, converter=_freeze_speakers, hash=False
    )
    whole: bool = attrs.field(default=False, validator=_is_bool)
    tidy: bool = attrs.field(default=False, validator=_is_bool)
    strict: bool = attrs.field(default=False, validator=_is_bool)
    name_speakers: bool = attrs.field(default=False, validator=_is_bool)
    convention: str | None = attrs.field(default=None, validator=_is_optional_text)
    lang: str | None = attrs.field(default=None, converter=_language_tag, validator=_is_language_tag)
    max_bytes: int = attrs.field(default=MAX_INPUT_BYTES, validator=_is_positive_int)


class LabelStyle(enum.Enum):
    """How renderers write speaker labels.

    Members:
        FULL: The full name on every turn.
        SURNAME: The full name on a speaker's first turn, then the surname.
        INITIALS: The full name on a speaker's first turn, then initials (the common newsroom
            style).
        NONE: No labels: questions are set apart by style only.
    """

    FULL = "full"
    SURNAME = "surname"
    INITIALS = "initials"
    NONE = "none"


def _optional_path(value: str | os.PathLike[str] | None) -> str | None:
    return None if value is None else os.fspath(value)


_PREFIX = lazy(r"(?:[A-Za-z_][A-Za-z0-9_-]*)?\Z")
_API = lazy(r"1\.\d{1,3}(?:\.\d{1,3}){0,2}\Z")


def _is_class_prefix(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _PREFIX.match(value):
        raise OptionError(f"{type(instance).__name__}.{attribute.name}: class prefix {value!r}: use letters,"
                          " digits, '-' and '_', starting with a letter")


def _is_pandoc_api(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not _API.match(value)):
        raise OptionError(f"{type(instance).__name__}.{attribute.name}: pandoc API version {value!r}: write it"
                          " as pandoc-types numbers it, e.g. 1.23 or 1.22.2.1")


def _is_heading_level(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{type(instance).__name__}.{attribute.name} must be a whole number, not {value!r}")
    if not 1 <= value <= 6:
        raise OptionError(f"{type(instance).__name__}.{attribute.name} must be 1 to 6, not {value!r}")


@attrs.frozen
class RenderOptions:
    """How to write a transcript; each renderer reads the fields it needs.

    Attributes:
        standalone: HTML: a whole page (doctype, head, title, stylesheet) instead of an
            ``<article>`` fragment.
        labels: How speaker labels are written.
        lang: BCP 47 language tag for HTML ``lang`` (and DOCX proofing language), e.g. ``en`` or
            ``ar``; without it, the transcript's ``lang`` metadata, else a guess from the text. A
            malformed tag is an ``OptionError``.
        stylesheet: HTML page: include the small built-in stylesheet.
        timestamps: Show turn timestamps where the transcript has them.
        template: DOCX: a reference document whose styles are used (as pandoc's reference doc).
        diagnostics: JSON: include the parse diagnostics.
        bold_questions: Set whole questions in bold (the magazine style), not only the labels.
        note: An editor's note ("This interview has been edited for length and clarity."), placed
            after the intro in every format.
        title: A title that replaces the transcript's own, or gives it one (``--title``).
        metadata: Metadata entries set on top of the transcript's own (``--meta KEY=VALUE``), as
            pandoc's ``--metadata``: ``date``, ``author``, ``lang`` and any other key.
        show_title: Write the title; a CMS template that prints the post's title turns it off
            (``--no-title``).
        show_intro: Write the intro paragraphs (``--no-intro``); the editor's note and the cast
            line stay.
        heading_level: The level of section headings (``--heading-level``, 1 to 6); the title is
            one level above (level 1 at the least).
        class_prefix: What every class name starts with in HTML and WordPress output
            (``--class-prefix``): ``qa-`` gives ``qa-turn``, ``interview-`` gives
            ``interview-turn``.
        cast: A line under the intro naming who talks with whom, with the speakers' descriptions
            (``--cast``).
        jsonld: HTML fragment: add the schema.org JSON-LD that pages always carry (``--jsonld``).
        smart: Typography (``--smart``): curly quotes and apostrophes in the document's language,
            en and em dashes, ellipses, no-break spaces before units and after honorifics.
        pandoc_api: pandoc AST: the API version to write (``1.23`` or ``1.22.2.1``); by default
            the one the ``pandoc`` on the PATH reads, else the newest this version of qaformat
            knows.
    """

    standalone: bool = attrs.field(default=False, validator=_is_bool)
    labels: LabelStyle = attrs.field(default=LabelStyle.FULL, converter=LabelStyle)
    lang: str | None = attrs.field(default=None, converter=_language_tag, validator=_is_language_tag)
    stylesheet: bool = attrs.field(default=True, validator=_is_bool)
    timestamps: bool = attrs.field(default=False, validator=_is_bool)
    template: str | None = attrs.field(default=None, converter=_optional_path)
    diagnostics: bool = attrs.field(default=False, validator=_is_bool)
    bold_questions: bool = attrs.field(default=False, validator=_is_bool)
    note: str | None = attrs.field(default=None, validator=_is_optional_text)
    title: str | None = attrs.field(default=None, validator=_is_optional_text)
    metadata: Mapping[str, str] = attrs.field(factory=dict, converter=frozen_mapping, hash=False)
    show_title: bool = attrs.field(default=True, validator=_is_bool)
    show_intro: bool = attrs.field(default=True, validator=_is_bool)
    heading_level: int = attrs.field(default=2, validator=_is_heading_level)
    class_prefix: str = attrs.field(default="qa-", validator=_is_class_prefix)
    cast: bool = attrs.field(default=False, validator=_is_bool)
    jsonld: bool = attrs.field(default=False, validator=_is_bool)
    smart: bool = attrs.field(default=False, validator=_is_bool)
    pandoc_api: str | None = attrs.field(default=None, validator=_is_pandoc_api)
