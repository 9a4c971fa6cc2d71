"""qaformat: turn raw interview transcripts into publishable question-and-answer documents.

    >>> import qaformat
    >>> t = qaformat.parse("Q: Why?\nA: Because.\nQ: Really?\nA: Yes.\n")
    >>> [turn.kind.value for turn in t.turns()]
    ['question', 'answer', 'question', 'answer']

The public surface is this module's ``__all__``: the functions to parse, detect, read, render,
write and convert; the model classes; the option records; and the errors.
"""

from __future__ import annotations

from qaformat.api import convert, detect, load_json, parse, read, render, write
from qaformat.errors import (
    Diagnostic,
    InputError,
    OptionError,
    ParseError,
    QAFormatError,
    RenderError,
    Severity,
    UnknownFormatError,
)
from qaformat.model import Kind, Role, Section, Skipped, Span, SpanKind, Speaker, Transcript, Turn
from qaformat.options import MAX_INPUT_BYTES, LabelStyle, ParseOptions, RenderOptions, SpeakerSpec

__version__ = "0.1.0"

__all__ = [
    "MAX_INPUT_BYTES",
    "Diagnostic",
    "InputError",
    "Kind",
    "LabelStyle",
    "OptionError",
    "ParseError",
    "ParseOptions",
    "QAFormatError",
    "RenderError",
    "RenderOptions",
    "Role",
    "Section",
    "Severity",
    "Skipped",
    "Span",
    "SpanKind",
    "Speaker",
    "SpeakerSpec",
    "Transcript",
    "Turn",
    "UnknownFormatError",
    "__version__",
    "convert",
    "detect",
    "load_json",
    "parse",
    "read",
    "render",
    "write",
]
