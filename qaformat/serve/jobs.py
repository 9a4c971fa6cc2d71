"""What a worker process runs: one conversion, parse, render or check, on the public API only.

A `Job` holds the request's bytes and plain option values (it crosses a process boundary, so
it is made of picklable primitives); `run` answers an `Output` or a `Failure` and never raises.
The steps are the CLI's own (read with the same format detection, apply the preset under the
explicit options, render), so a download is byte for byte what ``qaformat convert`` writes.
Imports no web framework: worker processes load only this and qaformat.
"""

from __future__ import annotations

import enum
import json
from pathlib import PurePath
from typing import Any

import attrs

import qaformat
from qaformat.errors import InputError, ParseError, QAFormatError, UnknownFormatError, as_diagnostic, reword
from qaformat.options import MAX_INPUT_BYTES, LabelStyle, ParseOptions, RenderOptions, SpeakerSpec
from qaformat.presets import PRESETS, apply_preset
from qaformat.readers import detect
from qaformat.renderers import output_format
from qaformat.serve.catalog import convention_names, media_type

__all__ = ["Action", "Failure", "Job", "Output", "run"]

DEFAULT_STEM = "interview"


class Action(enum.Enum):
    """What a job does with its input."""

    CONVERT = "convert"
    """Read the input and render it in the asked format."""
    PARSE = "parse"
    """Read the input and answer qaformat JSON with the diagnostics."""
    RENDER = "render"
    """Load qaformat JSON and render it in the asked format."""
    CHECK = "check"
    """Read the input and answer its diagnostics as ``check --format json`` does."""


@attrs.frozen
class Job:
    """One request's work, in values that pickle."""

    action: Action
    data: bytes
    """The input as received."""
    filename: str | None = None
    """The input's file name, if the caller gave one: picks the reader as a suffix does, and
    names the output."""
    input_format: str | None = None
    """The input format the caller named (``from``), else found from the name and content."""
    to: str = "html"
    """The output format name."""
    speakers: tuple[tuple[str, str | None, str | None], ...] = ()
    """(label, name, role) for each label the caller named, as ``--speaker`` does."""
    tidy: bool = False
    whole: bool = False
    name_speakers: bool = False
    convention: str | None = None
    """The one convention to read by (``--convention``); ``None`` lets them compete."""
    preset: str | None = None
    render_values: tuple[tuple[str, Any], ...] = ()
    """The render options given explicitly (``RenderOptions`` field name, value); they win over
    the preset's."""
    title: str | None = None
    """A title to use instead of the one found (the ``title`` render option, as ``--title``)."""

    @property
    def source(self) -> str:
        """The input's name in messages."""
        return self.filename or "<input>"


@attrs.frozen
class Output:
    """A rendered document."""

    content: bytes
    media_type: str
    filename: str


@attrs.frozen
class Failure:
    """Why a job gave no document: an HTTP status and the CLI's code and message."""

    status: int
    code: str
    message: str
    """The message without the position (the CLI's message)."""
    detail: str
    """The CLI's whole line after ``qaformat: error:``."""
    line: int | None = None
    conventions: tuple[str, ...] = ()
    """For ``no-interview``: the conventions the parser tried."""


def run(job: Job) -> Output | Failure:
    """Do one job; every error comes back as a `Failure`, never as an exception."""
    try:
        return _run(job)
    except QAFormatError as error:
        # A renderer's refusal names no file; the CLI's line names the input, and so does ours.
        return _failure(error.with_source(job.source), job.convention)
    except Exception as error:  # a bug: one line, as the CLI reports it, and a 500
        detail = f"internal error (please report it): {type(error).__name__}: {error}"[:300]
        return Failure(500, "internal-error", detail, detail)


def _run(job: Job) -> Output | Failure:
    if job.action is Action.CHECK:
        return _check(job)
    if job.action is Action.RENDER:
        transcript = qaformat.load_json(job.data, source=job.source)
    else:
        transcript = _read(job, _parse_options(job))
    if job.action is Action.PARSE:
        return _output(job, qaformat.render(transcript, "json", RenderOptions(diagnostics=True, title=job.title)), "json")
    return _output(job, qaformat.render(transcript, job.to, _render_options(job)), job.to)


def _read(job: Job, options: ParseOptions) -> qaformat.Transcript:
    fmt = job.input_format or detect(job.filename, job.data[:512])
    return qaformat.parse(job.data, format=fmt, options=options, source=job.source)


def _check(job: Job) -> Output:
    try:
        diagnostics = list(_read(job, _parse_options(job)).diagnostics)
    except QAFormatError as error:
        fatal = as_diagnostic(error)
        diagnostics = [attrs.evolve(fatal, message=_http_words(fatal.message))]
    found = [d.to_dict(job.source) for d in diagnostics]
    # The CLI prints the same list with print(), which adds the newline.
    content = (json.dumps(found, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return Output(content, "application/json", f"{_stem(job)}.check.json")


def _parse_options(job: Job) -> ParseOptions:
    speakers = {label: SpeakerSpec(name=name, role=role) for label, name, role in job.speakers}
    # A preset may set parse options too (podcast names generic speakers), as the CLI's --preset does.
    preset = PRESETS.get(job.preset or "")
    name_speakers = job.name_speakers or bool(preset and preset.parse.get("name_speakers"))
    # The server's own body limit (--max-bytes of serve) has already bounded the input.
    return ParseOptions(speakers=speakers, tidy=job.tidy, whole=job.whole, name_speakers=name_speakers,
                        convention=job.convention, max_bytes=max(len(job.data), MAX_INPUT_BYTES))


def _render_options(job: Job) -> RenderOptions:
    values = dict(job.render_values)
    values["title"] = job.title  # a render option, as --title is
    if "labels" in values:
        values["labels"] = LabelStyle(values["labels"])
    return apply_preset(job.preset, values)


def _output(job: Job, content: str | bytes, to: str) -> Output:
    fmt = output_format(to)
    payload = content.encode("utf-8") if isinstance(content, str) else content
    return Output(payload, media_type(fmt), _stem(job) + fmt.suffixes[0])


def _stem(job: Job) -> str:
    stem = PurePath(job.filename).stem if job.filename else ""
    # A file name goes into a header: keep it to characters no client misreads.
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in stem).strip(".-")
    return safe[:80] or DEFAULT_STEM


# The library names its options as Python does; over HTTP they are request parameters.
_PARAMETER_FOR = (
    ("ParseOptions(speakers=...)", "the speakers parameter"),
    ("ParseOptions(max_bytes=...)", "the server's --max-bytes"),
    ("format='text'", "from=text"),
    ("format='docx'", "from=docx"),
)


def _http_words(message: str) -> str:
    return reword(message, _PARAMETER_FOR)


def _failure(error: QAFormatError, convention: str | None = None) -> Failure:
    code = as_diagnostic(error).code
    if isinstance(error, UnknownFormatError):
        status = 400
    elif isinstance(error, InputError):
        status = 413 if "the limit is" in error.message else 400
    elif isinstance(error, ParseError):
        status = 422
    else:
        status = 422
        code = "render-error"
    tried = ((convention,) if convention else tuple(convention_names())) if code == "no-interview" else ()
    return Failure(status, code, _http_words(error.message), _http_words(str(error)), error.line, tried)
