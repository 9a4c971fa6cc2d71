"""The exceptions qaformat raises on purpose, and the diagnostics it reports.

Fatal problems are exceptions; recoverable ones are `Diagnostic` records with a source
position, collected while parsing and kept on the `Transcript`. This module imports nothing
from the rest of the package.

    QAFormatError                 base of everything the library raises on purpose
    ├── InputError                unreadable, undecodable or binary input; unknown input format
    ├── ParseError                no interview found, strict-mode diagnostics; has .line
    ├── UnknownFormatError        names the formats that exist
    ├── OptionError               an option's value is not allowed (a malformed language tag)
    └── RenderError               e.g. an unusable DOCX template

`InputError`, `ParseError`, `UnknownFormatError` and `OptionError` are also `ValueError`s, which is what a
caller handing in bad data would catch.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "STRICT_ERRORS",
    "Diagnostic",
    "InputError",
    "OptionError",
    "ParseError",
    "QAFormatError",
    "RenderError",
    "Severity",
    "UnknownFormatError",
    "as_diagnostic",
    "reword",
    "under_strict",
]


class Severity(enum.Enum):
    """How much a diagnostic matters.

    Members:
        ERROR: The output is probably wrong here (strict mode refuses it).
        WARNING: A guess was made or something was changed; an editor should look.
        INFO: A decision worth knowing about, such as text left outside the interview.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Diagnostic:
    """One thing the library decided or doubted, with where in the source it happened.

    Attributes:
        severity: How much it matters.
        code: Stable kebab-case identifier, listed in docs/errors.md (e.g. ``label-rejected``).
        message: One human sentence, without the position.
        line: 1-based source line (the paragraph number for DOCX).
        column: 1-based column on that line, where known.
    """

    severity: Severity
    code: str
    message: str
    line: int | None = None
    column: int | None = None

    def format(self, source: str = "<input>") -> str:
        """Render as ``SOURCE:LINE:COL: severity code message`` (the lint format)."""
        return (
            f"{source}:{self.line or 1}:{self.column or 1}: "
            f"{self.severity.value} {self.code} {self.message}"
        )

    def to_dict(self, source: str = "<input>") -> dict[str, object]:
        """As one entry of ``check --format json``: file, line, column, severity, code, message."""
        return {"file": source, "line": self.line or 1, "column": self.column or 1,
                "severity": self.severity.value, "code": self.code, "message": self.message}


STRICT_ERRORS = frozenset({"speaker-map-unused"})
"""Diagnostic codes reported as info, and as errors in strict mode: a speaker map's label that an
input does not use is normal for a map shared by a series, and a slip where every label counts."""


def under_strict(diagnostic: Diagnostic) -> Diagnostic:
    """The diagnostic as strict mode reports it (see `STRICT_ERRORS`)."""
    if diagnostic.code in STRICT_ERRORS:
        return attrs.evolve(diagnostic, severity=Severity.ERROR)
    return diagnostic


class QAFormatError(Exception):
    """Base of every error qaformat raises on purpose.

    Attributes:
        message: the message without the location.
        source: the file name or ``<input>`` when known.
        line: 1-based line of the problem when known.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line

    def with_source(self, source: str) -> QAFormatError:
        """Fill in the file name if it is not known yet; returns self for chaining."""
        if self.source is None:
            self.source = source
        return self

    def __str__(self) -> str:
        where = ""
        if self.source is not None:
            where = f"{self.source}:{self.line}: " if self.line else f"{self.source}: "
        elif self.line:
            where = f"line {self.line}: "
        return f"{where}{self.message}"


class InputError(QAFormatError, ValueError):
    """The input cannot be read: missing, binary, undecodable, too large, or of no known format."""


class ParseError(QAFormatError, ValueError):
    """No interview could be found, or strict mode turned diagnostics into a failure.

    Attributes:
        diagnostics: the diagnostics that caused a strict-mode failure (empty otherwise).
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        diagnostics: Iterable[Diagnostic] = (),
    ):
        super().__init__(message, source=source, line=line)
        self.diagnostics = tuple(diagnostics)


class UnknownFormatError(QAFormatError, ValueError):
    """A format name that qaformat does not know.

    Attributes:
        name: the name asked for.
        known: the names that exist.
    """

    def __init__(self, kind: str, name: str, known: Iterable[str]):
        self.name = name
        self.known = tuple(sorted(known))
        plural = "presets" if kind == "preset" else "formats"
        what = kind if kind == "preset" else f"{kind} format"
        super().__init__(f"unknown {what} {name!r}; known {plural}: {', '.join(self.known)}")


class OptionError(QAFormatError, ValueError):
    """An option's value is not allowed, such as ``RenderOptions(lang="english")``. (A value of
    the wrong type, such as ``standalone="no"``, is a ``TypeError``.)"""


class RenderError(QAFormatError):
    """The transcript cannot be written as asked, e.g. an unusable DOCX template."""


def reword(message: str, vocabulary: Sequence[tuple[str, str]]) -> str:
    """A library message in a front end's words: each (library's words, front end's words) pair
    replaced, such as ``overwrite=True`` by the command line's ``--force``."""
    for library, front_end in vocabulary:
        message = message.replace(library, front_end)
    return message


def as_diagnostic(error: QAFormatError) -> Diagnostic:
    """A fatal error as the one diagnostic ``check`` reports for its input: ``unknown-format``,
    ``input-error``, ``speaker-map``, ``no-interview`` or ``error``."""
    code = "error"
    if isinstance(error, UnknownFormatError):
        code = "unknown-format"
    elif isinstance(error, InputError):
        code = "input-error"
    elif isinstance(error, ParseError):
        code = "speaker-map" if error.message.startswith("speaker map") else "no-interview"
    return Diagnostic(Severity.ERROR, code, error.message, error.line or 1, 1)
