"""The public functions: parse, detect, read, render, write, convert and load_json.

This is the one place that joins readers, parsing and renderers; each of those packages knows
only the model (and readers and parsing the `Block`).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Literal, overload

from qaformat.errors import InputError, QAFormatError
from qaformat.model import Transcript
from qaformat.options import ParseOptions, RenderOptions
from qaformat.parsing import parse_document
from qaformat.readers import canonical_format, reader_for
from qaformat.readers import detect as detect_format
from qaformat.readers.decode import decode
from qaformat.renderers import format_for_suffix, output_format, render_with

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["convert", "detect", "load_json", "parse", "read", "render", "write"]

PathLike = str | os.PathLike[str]
TextFormat = Literal["html", "htm", "json", "md", "markdown"]
"""Output format names whose renderer gives ``str``."""
BinaryFormat = Literal["docx", "word"]
"""Output format names whose renderer gives ``bytes``."""


def detect(data: str | bytes, name: str | None = None) -> str:
    """The input format of a transcript, from its content and, where the content leaves it
    open, its file name: what `parse` and `read` use when no format is given.

    Our own JSON, a Word file and an HTML page are known by their content whatever their name;
    WebVTT and SRT by their first lines unless the name says otherwise; a ``.md`` name gives
    ``markdown``; anything else is ``text``.

        >>> qaformat.detect("WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ann>Hello")
        'vtt'

    Args:
        data: the input (only its first bytes are looked at).
        name: the file name, if there is one.

    Returns:
        An input format name for ``parse(format=...)``: ``text``, ``markdown``, ``docx``,
        ``html``, ``vtt``, ``srt`` or ``json``.
    """
    return detect_format(name, data[:512])


def parse(
    data: str | bytes,
    *,
    format: str | None = None,
    options: ParseOptions | None = None,
    source: str | None = None,
) -> Transcript:
    """Parse a transcript held in memory.

    Args:
        data: the input, as text or bytes (bytes are decoded: UTF-8, UTF-16 with BOM, cp1252).
        format: the input format (``text``, ``markdown``, ``docx``, ``html``, ``vtt``, ``srt``,
            ``json``; see ``qaformat.readers``); by default `detect` chooses it from the
            content, as `read` and the command line's standard input do.
        options: how to parse; the defaults suit most input.
        source: a name for the input, used in error messages.

    Returns:
        The parsed transcript.

    Raises:
        InputError: the input is binary, undecodable, larger than ``options.max_bytes``, or not
            valid for its format.
        ParseError: no interview was found (or, in strict mode, something was doubted).
        UnknownFormatError: ``format`` names no reader.
    """
    options = options or ParseOptions()
    try:
        if not isinstance(data, str | bytes):
            raise InputError(f"the input must be str or bytes, not {type(data).__name__}")
        _refuse_too_large(_size_of(data, options.max_bytes), options.max_bytes, source)
        name = canonical_format(format) if format is not None else detect(data)
        if name == "json":
            return load_json(data, source=source)
        document = reader_for(name)(data, source)
        return parse_document(document, options)
    except QAFormatError as error:
        if source:
            error.with_source(source)
        raise


def read(path: PathLike, *, format: str | None = None, options: ParseOptions | None = None) -> Transcript:
    """Read and parse a transcript file; the format follows the suffix and content unless given.

    Raises:
        InputError: the file cannot be read, or as for `parse`.
        ParseError: as for `parse`.
    """
    source = os.fspath(path)
    options = options or ParseOptions()
    data = _read_bytes(source, options.max_bytes)
    return parse(data, format=format or detect(data, source), options=options, source=source)


def _size_of(data: str | bytes, limit: int) -> int:
    """The input's size in bytes (text counted as UTF-8, encoded only when near the limit)."""
    if isinstance(data, bytes) or len(data) * 4 <= limit:
        return len(data)
    return len(data.encode("utf-8", errors="surrogatepass"))


def _refuse_too_large(size: int, limit: int, source: str | None) -> None:
    if size > limit:
        raise InputError(f"input is {size:,} bytes; the limit is {limit:,} (ParseOptions(max_bytes=...))",
                         source=source)


def _read_bytes(source: str, limit: int) -> bytes:
    try:
        _refuse_too_large(os.path.getsize(source), limit, source)
        with open(source, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputError("is a folder, not a file", source=source) from None
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except PermissionError:
        raise InputError("permission denied", source=source) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=source) from None


def load_json(data: str | bytes, *, source: str | None = None) -> Transcript:
    """Rebuild a transcript from qaformat JSON (what ``render(t, "json")`` wrote).

    Raises:
        InputError: not JSON, not qaformat JSON, or another major version of it.
    """
    import json  # here, not at the top: start-up of every other conversion stays short

    from qaformat.jsonmodel import from_data

    if isinstance(data, bytes):
        text, _ = decode(data, source)
    else:
        text = data
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON: {error.msg}", source=source, line=error.lineno) from None
    except RecursionError:
        raise InputError("not valid JSON: arrays or objects nested too deep for the JSON parser (its limit is"
                         f" about {sys.getrecursionlimit()} levels)", source=source) from None
    return from_data(value, source)


@overload
def render(transcript: Transcript, to: TextFormat = "html", options: RenderOptions | None = None) -> str: ...
@overload
def render(transcript: Transcript, to: BinaryFormat, options: RenderOptions | None = None) -> bytes: ...
@overload
def render(transcript: Transcript, to: str, options: RenderOptions | None = None) -> str | bytes: ...
def render(transcript: Transcript, to: str = "html", options: RenderOptions | None = None) -> str | bytes:
    """Render a transcript.

    Typed per format: ``render(t, "docx")`` is ``bytes``, ``render(t)`` and ``render(t, "json")``
    are ``str``; a format name only known at run time gives ``str | bytes``.

    Args:
        transcript: what to render.
        to: the output format name (``html``, ``docx``, ``json``, ``md``).
        options: how to render.

    Returns:
        ``str`` for text formats, ``bytes`` for DOCX.

    Raises:
        UnknownFormatError: no such output format.
        RenderError: the transcript cannot be rendered as asked (e.g. a broken DOCX template).
    """
    return render_with(output_format(to), transcript, options or RenderOptions())


def output_format_for(path: PathLike, to: str | None) -> str:
    """The output format: ``to`` if given, else the path's suffix.

    Raises:
        UnknownFormatError: neither names a format.
    """
    if to:
        return output_format(to).name
    name = os.path.basename(os.fspath(path))
    fmt = format_for_suffix(name)
    if fmt is None:
        return output_format(os.path.splitext(name)[1] or "(no suffix)").name
    return fmt.name


def write(
    transcript: Transcript,
    path: PathLike,
    *,
    to: str | None = None,
    options: RenderOptions | None = None,
    overwrite: bool = True,
) -> Path:
    """Render a transcript into a file, atomically.

    The output goes to a temporary file beside the target and is renamed into place, so a
    failure never leaves a half-written file.

    Args:
        transcript: what to write.
        path: the output file; its suffix picks the format unless ``to`` is given.
        to: the output format name.
        options: how to render.
        overwrite: replace an existing file (if false, an existing non-empty file is an error).

    Returns:
        The path written.

    Raises:
        InputError: the file exists and ``overwrite`` is false, or it cannot be written.
        UnknownFormatError: no format could be chosen.
        RenderError: as for `render`.
    """
    from pathlib import Path  # for the path returned: a conversion on the command line needs none

    target = Path(path)
    content = render(transcript, output_format_for(target, to), options)
    write_atomically(target, content, overwrite=overwrite)
    return target


def write_atomically(target: PathLike, content: str | bytes, *, overwrite: bool) -> None:
    """Write via a temporary file in the target's folder and a rename.

    Raises:
        InputError: the target exists and ``overwrite`` is false, or writing failed.
    """
    # os.path rather than pathlib: pathlib's import (with urllib's) is a tenth of a short
    # conversion's start-up.
    target = os.fspath(target)
    # An empty file (one `mktemp` made for us) holds nothing to lose.
    if not overwrite and os.path.exists(target) and (os.path.isdir(target) or os.path.getsize(target) > 0):
        raise InputError("output exists; use overwrite=True to replace it", source=target)
    payload = content.encode("utf-8") if isinstance(content, str) else content
    folder, name = os.path.split(target)
    try:
        part, descriptor = _create_part(folder or ".", name)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror or error}", source=target) from None
    try:
        with open(descriptor, "wb") as handle:
            handle.write(payload)
        os.chmod(part, _mode_for(target))
        os.replace(part, target)
    except BaseException as error:
        try:
            os.unlink(part)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise InputError(f"cannot write: {error.strerror or error}", source=target) from None
        raise


def _create_part(folder: str, name: str) -> tuple[str, int]:
    """A new owner-only file beside the target, and its descriptor. (``tempfile`` does the same,
    but importing it loads ``random`` and ``shutil``'s archive modules: a tenth of start-up.)"""
    for attempt in range(1000):
        part = os.path.join(folder, f".{name}.{os.getpid()}-{attempt}.part")
        try:
            return part, os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        except FileExistsError:  # another thread's part for the same target, or a crashed run's
            continue
    raise FileExistsError(f"cannot find a free name for a temporary file in {folder}")


def _mode_for(target: str) -> int:
    """The replaced file's permissions, or what the umask gives a new file (a temporary file is
    created owner-only, which an output must not inherit)."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def convert(
    source: PathLike,
    target: PathLike,
    *,
    to: str | None = None,
    from_format: str | None = None,
    parse_options: ParseOptions | None = None,
    render_options: RenderOptions | None = None,
    overwrite: bool = True,
) -> Path:
    """Read, parse and write in one call: ``convert("talk.txt", "talk.html")``.

    Raises:
        InputError: the output is the input, or as for `read` and `write`.
        ParseError: as for `parse`.
        UnknownFormatError: as for `render`.
    """
    if same_file(source, target):
        raise InputError("output would overwrite the input", source=os.fspath(target))
    transcript = read(source, format=from_format, options=parse_options)
    return write(transcript, target, to=to, options=render_options, overwrite=overwrite)


def same_file(a: PathLike, b: PathLike) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)
