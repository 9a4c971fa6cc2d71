"""The ``qaformat`` command: convert, check, speakers, presets, formats and serve (argparse; also
``python -m qaformat``).

Every error the library raises on purpose becomes one line, ``qaformat: error: FILE:LINE:
message``, and exit status 2; a batch goes on past a bad file and exits 1 if any failed.
Exit statuses: 0 done; 1 ``check`` found errors, or some inputs of a batch failed; 2 usage or
input error; 70 an internal error (a bug in qaformat, reported in one line).
Outputs are written through a temporary file and a rename.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import attrs

from qaformat import api
from qaformat.errors import InputError, QAFormatError, Severity, as_diagnostic, reword, under_strict
from qaformat.model import Transcript
from qaformat.options import MAX_INPUT_BYTES, LabelStyle, ParseOptions, RenderOptions, SpeakerSpec
from qaformat.presets import PRESETS, apply_preset
from qaformat.readers import SUFFIXES
from qaformat.renderers import RENDERERS, output_format

__all__ = ["command", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70
STDIO = "-"


def _terminal_width() -> int:
    """What ``shutil.get_terminal_size`` gives argparse, less the 2 columns argparse keeps free."""
    try:
        return int(os.environ["COLUMNS"]) - 2
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns - 2  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 78


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, given the terminal's width: finding it itself, argparse imports
    ``shutil`` and with it the archive modules, a cost every conversion would pay at start-up."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or _terminal_width())


class _RawFormatter(_Formatter, argparse.RawDescriptionHelpFormatter):
    """As `_Formatter`, keeping the description's and epilog's own line breaks."""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"qaformat: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


if TYPE_CHECKING:
    _Commands = argparse._SubParsersAction[_Parser]  # what `add_subparsers` gives


def _byte_count(text: str) -> int:
    """``--max-bytes``: a number of bytes, with an optional K, M or G (binary multiples)."""
    number, unit = (text[:-1], text[-1].upper()) if text[-1:].upper() in "KMG" else (text, "")
    try:
        count = int(number) << 10 * " KMG".index(unit or " ")
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 200M)") from None
    if count < 1:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 200M)")
    return count


def _parse_arguments(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line; a flag the command does not know gets that command's usage."""
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        commands.choices[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def _build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser. When ``argv`` starts with a command, only that command's parser
    is made: making all seven was a few milliseconds of every conversion's start-up. Help,
    ``--version`` and a mistyped command get them all (``qaformat --help`` lists every command)."""
    parser = _Parser(prog="qaformat", description="Turn interview transcripts into publishable Q&A documents.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    arguments = sys.argv[1:] if argv is None else argv
    wanted = arguments[:1] if arguments[:1] and arguments[0] in _COMMANDS else list(_COMMANDS)
    for name in wanted:
        _COMMANDS[name](commands)
    return parser


def _parse_flags(sub: argparse.ArgumentParser) -> None:
    """The flags of every command that parses a transcript."""
    sub.add_argument("--from", dest="from_format", metavar="FORMAT",
                     help="input format (text, markdown, docx, html, vtt, srt, json); default: from the suffix and content")
    sub.add_argument("--speaker", action="append", default=[], metavar="'LABEL=Name[:role]'",
                     help="name a speaker label and optionally its role (repeatable)")
    sub.add_argument("--speakers", metavar="TOML", dest="speaker_map",
                     help="a speaker map file: labels -> name, role, description")
    sub.add_argument("--whole", action="store_true", help="keep text outside the interview")
    sub.add_argument("--tidy", action="store_true", help="apply the safe spacing fixes (reported)")
    sub.add_argument("--strict", action="store_true", help="fail on any warning")
    sub.add_argument("--name-speakers", action="store_true",
                     help="give generic labels (Speaker 1) the names the text says (reported either way)")
    sub.add_argument("--convention", metavar="NAME",
                     help="read the speakers by this convention only (see `qaformat conventions`)")
    sub.add_argument("--max-bytes", type=_byte_count, default=MAX_INPUT_BYTES, metavar="SIZE",
                     help="refuse inputs larger than this (e.g. 200M, 1G; default 64M)")


def _add_convert(commands: _Commands) -> None:
    convert = commands.add_parser("convert", help="convert transcripts", description="Convert transcripts.",
                                  epilog=_formats_epilog(), formatter_class=_RawFormatter)
    convert.add_argument("inputs", nargs="+", metavar="INPUT",
                         help="input files, folders or patterns ('-' for standard input)")
    where = convert.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="OUT", help="output file ('-' for standard output)")
    where.add_argument("--out-dir", metavar="DIR", help="folder for the outputs (named after the inputs)")
    convert.add_argument("-t", "--to", metavar="FORMAT[,FORMAT]",
                         help=f"output format(s), comma-separated: {', '.join(RENDERERS)} (see `qaformat formats`)")
    _parse_flags(convert)
    convert.add_argument("--preset", choices=sorted(PRESETS), help="a house style (see `qaformat presets`)")
    convert.add_argument("--standalone", action="store_const", const=True, help="HTML: a whole page, not a fragment")
    convert.add_argument("--fragment", action="store_const", const=False, dest="standalone",
                         help="HTML: an <article> fragment (the default unless a preset says otherwise)")
    convert.add_argument("--no-stylesheet", action="store_const", const=False, dest="stylesheet",
                         help="HTML page: leave out the stylesheet")
    convert.add_argument("--labels", choices=[s.value for s in LabelStyle],
                         help="speaker labels: full name each time (default), full name first then surname or"
                              " initials, or none")
    convert.add_argument("--bold-questions", action="store_const", const=True, help="set whole questions in bold")
    convert.add_argument("--lang", help="the document's language tag (e.g. en, ar, pt-BR); guessed from the text"
                                             " when not given")
    convert.add_argument("--timestamps", action="store_const", const=True, help="show turn timestamps")
    convert.add_argument("--no-timestamps", action="store_const", const=False, dest="timestamps",
                         help="hide turn timestamps")
    convert.add_argument("--note", help="an editor's note to place after the intro")
    _publishing_flags(convert)
    convert.add_argument("--template", metavar="DOCX", help="DOCX: take styles from this reference document")
    convert.add_argument("--diagnostics", action="store_const", const=True, help="JSON: include the parse diagnostics")
    convert.add_argument("-f", "--force", action="store_true", help="replace existing output files")
    convert.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="convert N inputs at a time")


def _add_check(commands: _Commands) -> None:
    check = commands.add_parser("check", help="list problems (FILE:LINE:COL: severity code message)")
    check.add_argument("inputs", nargs="+", metavar="INPUT")
    _parse_flags(check)
    check.add_argument("--format", choices=["text", "json"], default="text", dest="report_format",
                       help="report as lines (default) or JSON")


def _add_presets(commands: _Commands) -> None:
    commands.add_parser("presets", help="list the house presets and what each sets")


def _add_conventions(commands: _Commands) -> None:
    commands.add_parser("conventions", help="list the transcript conventions the parser reads, with an example each")


def _add_formats(commands: _Commands) -> None:
    commands.add_parser("formats", help="list the output formats, what each is for and what it needs")


def _add_serve(commands: _Commands) -> None:
    serve = commands.add_parser("serve", help="the editor's page and the HTTP API (needs qaformat[serve])",
                                description="Serve the editor's page at / and the HTTP API under /v1/.")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; another"
                       " address needs --token-file)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    serve.add_argument("--workers", type=int, metavar="N", help="conversion worker processes (default: one per CPU)")
    serve.add_argument("--token-file", metavar="F", help="a file holding the bearer token the API asks for")
    serve.add_argument("--max-bytes", type=int, metavar="N", help="largest request body (default: the input limit)")
    serve.add_argument("--time-limit", type=float, metavar="SECONDS", help="longest one conversion may take"
                       " (default 30)")
    serve.add_argument("--cors", metavar="ORIGIN", action="append", default=[],
                       help="let pages from this origin call the API (repeatable; default: none)")


def _add_speakers(commands: _Commands) -> None:
    speakers = commands.add_parser("speakers", help="list detected speakers, roles, aliases and turn counts")
    speakers.add_argument("inputs", nargs=1, metavar="INPUT")
    _parse_flags(speakers)


_COMMANDS: dict[str, Callable[[_Commands], None]] = {
    "convert": _add_convert,
    "check": _add_check,
    "presets": _add_presets,
    "conventions": _add_conventions,
    "formats": _add_formats,
    "serve": _add_serve,
    "speakers": _add_speakers,
}
"""Command -> what adds its parser; ``qaformat --help`` lists them in this order."""


def _publishing_flags(convert: argparse.ArgumentParser) -> None:
    """The flags a CMS template, a print desk or a podcast feed needs (docs/html.md, docs/pandoc.md)."""
    convert.add_argument("--title", help="set the title (replaces the one found in the input)")
    convert.add_argument("--meta", action="append", default=[], metavar="KEY=VALUE",
                         help="set a metadata entry, e.g. date=2024-05-01 or author=Name (repeatable)")
    convert.add_argument("--no-title", action="store_const", const=False, dest="show_title",
                         help="leave the title out (the CMS template prints it)")
    convert.add_argument("--no-intro", action="store_const", const=False, dest="show_intro",
                         help="leave the intro paragraphs out")
    convert.add_argument("--heading-level", type=int, choices=range(1, 7), metavar="N",
                         help="level of section headings, 1-6 (default 2); the title is one above")
    convert.add_argument("--class-prefix", metavar="PREFIX", help="start of every class name (default qa-)")
    convert.add_argument("--cast", action="store_const", const=True,
                         help="a line under the intro: who talks with whom, with their descriptions")
    convert.add_argument("--smart", action="store_const", const=True,
                         help="curly quotes, dashes, ellipses and no-break spaces, in the --lang language")
    convert.add_argument("--jsonld", action="store_const", const=True,
                         help="HTML fragment: add the schema.org JSON-LD that pages always carry")
    convert.add_argument("--pandoc-api", metavar="VERSION",
                         help="pandoc AST: the API version to write (default: what the installed pandoc reads)")


def _formats_epilog() -> str:
    return "output formats:\n" + "\n".join(f"  {fmt.name:<10} {fmt.purpose}" for fmt in RENDERERS.values())


def _list_formats() -> int:
    for fmt in RENDERERS.values():
        needs = fmt.needs or "nothing more"
        print(f"{fmt.name:<10} {fmt.purpose}\n{'':<10} suffix {fmt.suffixes[0]}; needs {needs}")
    return EXIT_OK


def _metadata(entries: list[str]) -> dict[str, str]:
    metadata = {}
    for entry in entries:
        key, sep, value = entry.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--meta wants KEY=VALUE, got {entry!r}")
        metadata[key.strip()] = value
    return metadata


def _version() -> str:
    from qaformat import __version__

    return __version__


def command() -> int:
    """The ``qaformat`` command (and ``python -m qaformat``): `main`, in a process that ends with it.

    The interpreter's last act is a pass of the cyclic collector over every object the run made,
    which frees nothing a process about to end needs freed and took a tenth of a short
    conversion's time; frozen, those objects are not looked at (docs/performance.md).
    """
    status = main()
    gc.freeze()
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status. (A program that calls it stays as it was:
    only `command`, the process's own entry, freezes what is left for its exit.)"""
    args = _parse_arguments(_build_parser(argv), argv)
    try:
        if args.command == "presets":
            return _presets()
        if args.command == "conventions":
            return _conventions()
        if args.command == "formats":
            return _list_formats()
        if args.command == "serve":
            return _serve(args)
        options = _parse_options(args)
        if args.command == "convert":
            return _convert(args, options)
        if args.command == "check":
            return _check(args, options)
        return _speakers(args, options)
    except QAFormatError as error:
        _error(error)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`qaformat check x | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as error:  # a bug: still one line, and a distinct status, so scripts notice
        detail = f"{type(error).__name__}: {error}"
        _error(f"internal error (please report it): {detail[:300]}")
        return EXIT_INTERNAL


def _error(error: QAFormatError | str) -> None:
    print(f"qaformat: error: {command_line_words(str(error))}", file=sys.stderr)


def _warning(message: str) -> None:
    print(f"qaformat: warning: {message}", file=sys.stderr)


# The library names its options as Python does; on the command line they are flags.
_FLAG_FOR = (
    ("ParseOptions(speakers=...)", "--speaker LABEL=Name"),
    ("ParseOptions(whole=True)", "--whole"),
    ("ParseOptions(max_bytes=...)", "--max-bytes"),
    ("ParseOptions.lang:", "--lang:"),
    ("RenderOptions.lang:", "--lang:"),
    ("RenderOptions.class_prefix:", "--class-prefix:"),
    ("RenderOptions.pandoc_api:", "--pandoc-api:"),
    ("overwrite=True", "--force"),
    ("format='text'", "--from text"),
    ("format='docx'", "--from docx"),
)


def command_line_words(message: str) -> str:
    """A library message as the command line says it: ``overwrite=True`` becomes ``--force``."""
    return reword(message, _FLAG_FOR)


def _parse_options(args: argparse.Namespace) -> ParseOptions:
    speakers = {}
    if args.speaker_map:
        from qaformat.speakermap import load_speaker_map  # tomllib loads only for a map

        speakers = load_speaker_map(args.speaker_map)
    speakers.update(SpeakerSpec.parse(text) for text in args.speaker)
    # --lang belongs to convert only; it is the document's language, so the JSON carries it too.
    return ParseOptions(speakers=speakers, whole=args.whole, tidy=args.tidy, strict=args.strict,
                        convention=args.convention, name_speakers=args.name_speakers or _preset_says(args, "name_speakers"),
                        lang=getattr(args, "lang", None), max_bytes=args.max_bytes)


def _preset_says(args: argparse.Namespace, option: str) -> bool:
    preset = PRESETS.get(getattr(args, "preset", None) or "")
    return bool(preset and preset.parse.get(option))


def _read(path: str, args: argparse.Namespace, options: ParseOptions) -> Transcript:
    if path == STDIO:
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        return api.parse(data, format=args.from_format, options=options, source="<stdin>")
    return api.read(path, format=args.from_format, options=options)


def _render_options(args: argparse.Namespace) -> RenderOptions:
    return apply_preset(args.preset, {
        "standalone": args.standalone,
        "labels": args.labels and LabelStyle(args.labels),
        "lang": args.lang,
        "stylesheet": args.stylesheet,
        "timestamps": args.timestamps,
        "template": args.template,
        "diagnostics": args.diagnostics,
        "bold_questions": args.bold_questions,
        "note": args.note,
        "title": args.title,
        "metadata": _metadata(args.meta) or None,
        "show_title": args.show_title,
        "show_intro": args.show_intro,
        "heading_level": args.heading_level,
        "class_prefix": args.class_prefix,
        "cast": args.cast,
        "smart": args.smart,
        "jsonld": args.jsonld,
        "pandoc_api": args.pandoc_api,
    })


def _formats(args: argparse.Namespace, output: str | None) -> list[str]:
    """The output formats asked for: ``-t html,docx``, else the ``-o`` suffix, else HTML."""
    if args.to:
        return list(dict.fromkeys(output_format(name.strip()).name for name in args.to.split(",") if name.strip()))
    if output and output != STDIO:
        return [api.output_format_for(output, None)]
    return ["html" if "html" in RENDERERS else "json"]


def _expand(inputs: list[str]) -> list[str]:
    """Folders become the transcripts in them; patterns the shell did not expand are globbed."""
    found: list[str] = []
    for item in inputs:
        if item == STDIO:
            found.append(item)
        elif os.path.isdir(item):
            from pathlib import Path  # for a folder only: a conversion of one file starts without it

            inside = sorted(str(p) for p in Path(item).rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not inside:
                raise InputError(f"no transcript in folder {item!r} (suffixes read: {' '.join(sorted(SUFFIXES))})")
            found.extend(inside)
        elif not os.path.exists(item) and any(c in item for c in "*?["):
            import glob  # only for a pattern the shell left: start-up stays short without it

            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError(f"no file matches {item!r}")
            found.extend(matches)
        else:
            found.append(item)
    unique: dict[str, str] = {}
    for path in found:  # "a.txt" and "./a.txt" are one input
        unique.setdefault(path if path == STDIO else os.path.abspath(path), path)
    return list(unique.values())


def _usage_error(args: argparse.Namespace, message: str) -> NoReturn:
    """Exit 2 with the command's usage, as argparse does for a bad flag."""
    # The parser is made again: it is rare, and arguments that name a parser cannot go to a worker.
    commands = next(a for a in _build_parser([args.command])._actions if isinstance(a, argparse._SubParsersAction))
    sys.stderr.write(commands.choices[args.command].format_usage())
    print(f"qaformat: error: {message}", file=sys.stderr)
    raise SystemExit(EXIT_USAGE)


def _convert(args: argparse.Namespace, options: ParseOptions) -> int:
    if args.out_dir and os.path.exists(args.out_dir) and not os.path.isdir(args.out_dir):
        _usage_error(args, f"--out-dir {args.out_dir}: is a file, not a folder")
    if args.output and args.output != STDIO and (os.path.isdir(args.output) or args.output.endswith(("/", os.sep))):
        _usage_error(args, f"-o {args.output}: is a folder; name a file, or use --out-dir for a folder")
    inputs = _expand(args.inputs)
    formats = _formats(args, args.output)
    _warn_no_effect(args, formats)
    if args.output and (len(inputs) > 1 or len(formats) > 1):
        raise InputError("-o takes one input and one format; use --out-dir for several")
    if args.out_dir:
        os.makedirs(args.out_dir, exist_ok=True)
    jobs = [(path, _outputs(path, formats, args)) for path in inputs]
    if not args.out_dir and not args.output and len(jobs) * len(formats) > 1:
        raise InputError("several outputs cannot share standard output; use --out-dir DIR")
    _refuse_clashes(jobs)
    if len(jobs) == 1 and (args.output or not args.out_dir):
        _convert_one(jobs[0][0], jobs[0][1], args, options)
        return EXIT_OK
    return _batch(jobs, args)


# Flags that set a RenderOptions field that only some formats read: the field, and the flag's
# name in a warning. (--lang is missing on purpose: it is also the document's language, which
# every format carries.)
_RENDER_FLAGS = (
    ("standalone", "--standalone/--fragment"),
    ("stylesheet", "--no-stylesheet"),
    ("labels", "--labels"),
    ("bold_questions", "--bold-questions"),
    ("timestamps", "--timestamps/--no-timestamps"),
    ("note", "--note"),
    ("template", "--template"),
    ("diagnostics", "--diagnostics"),
    ("show_title", "--no-title"),
    ("show_intro", "--no-intro"),
    ("heading_level", "--heading-level"),
    ("class_prefix", "--class-prefix"),
    ("cast", "--cast"),
    ("jsonld", "--jsonld"),
    ("pandoc_api", "--pandoc-api"),
)


def _warn_no_effect(args: argparse.Namespace, formats: list[str]) -> None:
    """A flag that none of the chosen outputs reads (``--template`` for HTML), or an empty
    ``--note``, is a warning: the user expected it to do something."""
    for field, flag in _RENDER_FLAGS:
        if getattr(args, field) is None:
            continue
        if not any(field in RENDERERS[fmt].reads for fmt in formats):
            _warning(f"{flag} has no effect on {' or '.join(formats)} output")
    if args.note is not None and not args.note.strip():
        _warning("--note is empty: no editor's note is added")


def _outputs(path: str, formats: list[str], args: argparse.Namespace) -> list[tuple[str, str | None]]:
    """(format, output path or None for standard output) for one input."""
    if args.out_dir:
        stem = "stdin" if path == STDIO else os.path.splitext(os.path.basename(path))[0]
        return [(fmt, os.path.join(args.out_dir, stem + RENDERERS[fmt].suffixes[0])) for fmt in formats]
    return [(fmt, None if args.output in (None, STDIO) else args.output) for fmt in formats]


def _refuse_clashes(jobs: list[tuple[str, list[tuple[str, str | None]]]]) -> None:
    seen: dict[str, str] = {}
    for path, outputs in jobs:
        for _, output in outputs:
            if output is None:
                continue
            key = os.path.abspath(output)
            if key in seen:
                raise InputError(f"{seen[key]} and {path} would both write {output}; convert them separately")
            seen[key] = path


def _batch(jobs: list[tuple[str, list[tuple[str, str | None]]]], args: argparse.Namespace) -> int:
    """Convert many inputs, in parallel processes with -j, going on past failures."""
    # Loaded only for batches, to keep the start-up of a single conversion short.
    import concurrent.futures

    from tqdm import tqdm  # a progress bar only on a terminal

    failures: list[tuple[str, str]] = []
    workers = max(1, min(args.jobs, len(jobs)))
    bar = tqdm(total=len(jobs), unit="file", disable=not sys.stderr.isatty(), file=sys.stderr, leave=False)
    try:
        if workers == 1:
            results = (_job(path, outputs, args) for path, outputs in jobs)
            for path, error in results:
                _record(path, error, failures, bar)
        else:
            with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(_job, path, outputs, args) for path, outputs in jobs]
                for future in concurrent.futures.as_completed(futures):
                    path, error = future.result()
                    _record(path, error, failures, bar)
    finally:
        bar.close()
    done = len(jobs) - len(failures)
    print(f"qaformat: {done} converted, {len(failures)} failed", file=sys.stderr)
    for _, error in sorted(failures):
        print(f"  failed: {error}", file=sys.stderr)
    return EXIT_FAILED if failures else EXIT_OK


def _record(path: str, error: str | None, failures: list[tuple[str, str]], bar: Any) -> None:
    if error is not None:
        failures.append((path, error))
        bar.write(f"qaformat: error: {error}", file=sys.stderr)
    bar.update(1)


def _job(path: str, outputs: list[tuple[str, str | None]], args: argparse.Namespace) -> tuple[str, str | None]:
    """Convert one input of a batch (runs in a worker process); returns the error, if any."""
    try:
        _convert_one(path, outputs, args, _parse_options(args))
    except QAFormatError as error:
        return path, str(error)
    except Exception as error:  # a bug must not stop the batch; it is reported with the file
        return path, f"{path}: internal error: {type(error).__name__}: {error}"
    return path, None


def _convert_one(path: str, outputs: list[tuple[str, str | None]], args: argparse.Namespace,
                 options: ParseOptions) -> None:
    for _, output in outputs:
        if output and path != STDIO and api.same_file(path, output):
            raise InputError("output would overwrite the input", source=output)
    # A conversion makes a great many objects and no cycles worth collecting: the collector's
    # passes over them took a tenth of a large file's time and freed nothing (docs/performance.md).
    collecting = gc.isenabled()
    gc.disable()
    try:
        rendered = _converted(path, outputs, args, options)
    finally:
        if collecting:
            gc.enable()
    for fmt, output, content in rendered:
        if output is None:
            _to_stdout(content, fmt)
        else:
            api.write_atomically(output, content, overwrite=args.force)


def _converted(path: str, outputs: list[tuple[str, str | None]], args: argparse.Namespace,
               options: ParseOptions) -> list[tuple[str, str | None, str | bytes]]:
    """Each output's format, file and content."""
    transcript = _read(path, args, options)
    render_options = _render_options(args)
    try:
        return [(fmt, output, api.render(transcript, fmt, render_options)) for fmt, output in outputs]
    except QAFormatError as error:  # what cannot be rendered is named by its input file
        raise error.with_source("<stdin>" if path == STDIO else path) from None


def _to_stdout(content: str | bytes, fmt: str) -> None:
    if isinstance(content, bytes):
        if sys.stdout.isatty():
            suffix = RENDERERS[fmt].suffixes[0]
            raise InputError(f"will not write a binary {fmt.upper()} to a terminal; use -o FILE{suffix}")
        sys.stdout.buffer.write(content)
    else:
        sys.stdout.buffer.write(content.encode("utf-8"))
    sys.stdout.flush()


def _check(args: argparse.Namespace, options: ParseOptions) -> int:
    """Lint: every diagnostic as FILE:LINE:COL: severity code message. Exit 1 on errors (on
    warnings too with --strict)."""
    status = EXIT_OK
    lenient = attrs.evolve(options, strict=False)
    found: list[dict[str, object]] = []
    for path in _expand(args.inputs):
        name = "<stdin>" if path == STDIO else path
        try:
            diagnostics = list(_read(path, args, lenient).diagnostics)
        except QAFormatError as error:
            fatal = as_diagnostic(error)
            diagnostics = [attrs.evolve(fatal, message=command_line_words(fatal.message))]
        if options.strict:
            diagnostics = [under_strict(d) for d in diagnostics]
        for diagnostic in diagnostics:
            serious = diagnostic.severity is Severity.ERROR or (
                options.strict and diagnostic.severity is Severity.WARNING)
            status = EXIT_FAILED if serious else status
            if args.report_format == "text":
                print(diagnostic.format(name))
            else:
                found.append(diagnostic.to_dict(name))
    if args.report_format == "json":
        import json  # only for this listing, to keep every other command's start-up short

        print(json.dumps(found, ensure_ascii=False, indent=2))
    return status


def _serve(args: argparse.Namespace) -> int:
    try:
        from qaformat.serve.server import ServeConfig, serve  # the [serve] extra, loaded only here
    except ImportError as error:
        raise InputError(f"serve needs the serve extra ({error.name} is missing): pip install 'qaformat[serve]'") from None
    return serve(ServeConfig.from_flags(host=args.host, port=args.port, workers=args.workers,
                                        token_file=args.token_file, max_bytes=args.max_bytes,
                                        time_limit=args.time_limit, cors=args.cors))


def _presets() -> int:
    for preset in PRESETS.values():
        values = ", ".join(f"{k}={getattr(v, 'value', v)}" for k, v in preset.values.items())
        print(f"{preset.name:<13} {preset.description}\n{'':<13} ({values})")
    return EXIT_OK


def _conventions() -> int:
    from qaformat.parsing.conventions import CONVENTIONS  # the parser loads only when asked

    width = max(len(c.name) for c in CONVENTIONS)
    for convention in CONVENTIONS:
        print(f"{convention.name:<{width}}  {convention.summary}\n{'':<{width}}  e.g. {convention.example}")
    return EXIT_OK


def _speakers(args: argparse.Namespace, options: ParseOptions) -> int:
    transcript = _read(args.inputs[0], args, options)
    counts: dict[str, int] = {}
    for turn in transcript.turns():
        if turn.speaker is not None:
            counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
    rows = [("NAME", "ROLE", "TURNS", "ALIASES")]
    rows += [(s.name, s.role.value, str(counts.get(s.id, 0)), " | ".join(s.aliases)) for s in transcript.speakers]
    widths = [max(_width(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        name = row[0] + " " * (widths[0] - _width(row[0]))
        print(f"{name}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]}".rstrip())
    return EXIT_OK


def _width(text: str) -> int:
    """Columns a terminal gives the text: wide East Asian characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
