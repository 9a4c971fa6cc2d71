"""The OpenAPI 3.1 document of the API (``GET /openapi.json``), built from qaformat's registries.

Output and input formats, presets, label styles and roles are enumerated from the tables that
define them, so the document never lists a format the server lacks or misses one it has.
Imports no web framework.
"""

from __future__ import annotations

from typing import Any

from qaformat import __version__
from qaformat.serve import catalog
from qaformat.serve.queries import BOOLEAN_OPTIONS, MAX_TEXT, MEDIA_FORMATS

__all__ = ["openapi_document"]

_EXAMPLE = ("Emily Carter: How did the night shift begin?\n\nRuth Adebayo: With the lamp, always the lamp.\n\n"
            "Emily Carter: And now?\n\nRuth Adebayo: Now a computer keeps it.\n")
_PROBLEM = {"$ref": "#/components/schemas/Problem"}
_BOOLEAN_HELP = {
    "standalone": "HTML: a whole page instead of an `<article>` fragment (`--standalone`).",
    "stylesheet": "HTML page: include the built-in stylesheet (`false` is `--no-stylesheet`).",
    "timestamps": "Show turn timestamps (`--timestamps`).",
    "bold_questions": "Set whole questions in bold (`--bold-questions`).",
    "diagnostics": "JSON: include the parse diagnostics (`--diagnostics`).",
}


def _problems(*statuses: int) -> dict[str, Any]:
    why = {400: "Bad input or a bad parameter.", 401: "A bearer token is needed (servers started with --token-file).",
           413: "The body is over the server's limit.", 415: "The body's media type is not one the service reads.",
           422: "No interview was found in the input (the conventions tried are listed).",
           503: "The conversion ran past the server's time limit."}
    return {str(s): {"description": why[s], "content": {"application/problem+json": {"schema": _PROBLEM}}} for s in statuses}


def _query(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


def _text(max_length: int = MAX_TEXT) -> dict[str, Any]:
    return {"type": "string", "maxLength": max_length}


def _input_parameters() -> list[dict[str, Any]]:
    return [
        _query("from", {"type": "string", "enum": catalog.input_formats()},
               "The input format; by default found from `filename` (or the body's media type) and the content."),
        _query("filename", _text(), "The input's file name: picks the format as a suffix does and names the output."),
        _query("speakers", _text(),
               'Speaker labels as written, each with a display name and/or role, as JSON: '
               '`{"EC": {"name": "Emily Carter", "role": "interviewer"}}` (`--speaker EC=Emily Carter:interviewer`).'),
        _query("tidy", {"type": "boolean"}, "Apply the safe spacing fixes (`--tidy`)."),
        _query("whole", {"type": "boolean"}, "Keep text outside the interview (`--whole`)."),
        _query("name_speakers", {"type": "boolean"},
               "Give generic labels (Speaker 1) the names the text says (`--name-speakers`)."),
        _query("convention", {"type": "string", "enum": catalog.convention_names()},
               "Read the speakers by this convention only (`--convention`); by default they compete."),
    ]


def _render_parameters() -> list[dict[str, Any]]:
    return [
        _query("to", {"type": "string", "enum": catalog.output_formats(), "default": "html"}, "The output format."),
        _query("preset", {"type": "string", "enum": [p["name"] for p in catalog.presets()]}, "A house preset (`--preset`)."),
        _query("labels", {"type": "string", "enum": catalog.LABEL_STYLES}, "How speaker labels are written (`--labels`)."),
        *(_query(name, {"type": "boolean"}, _BOOLEAN_HELP[name]) for name in BOOLEAN_OPTIONS),
        _query("lang", _text(), "Language tag for the output, e.g. `en` (`--lang`)."),
        _query("note", _text(), "An editor's note placed after the intro (`--note`)."),
        _query("title", _text(), "A title to use instead of the one found (`--title`)."),
    ]


def _input_body(*, json_only: bool = False) -> dict[str, Any]:
    text = {"schema": {"type": "string"}, "example": _EXAMPLE}
    binary = {"schema": {"type": "string", "format": "binary"}}
    content: dict[str, Any] = {
        "multipart/form-data": {
            "schema": {"type": "object", "required": ["file"],
                       "properties": {"file": {"type": "string", "format": "binary"}}},
        },
    }
    if json_only:
        content = {"application/json": {"schema": {"$ref": "#/components/schemas/Transcript"}}, **content}
    else:
        content = {"text/plain": text, "application/octet-stream": binary,
                   **{media: (binary if fmt == "docx" else text) for media, fmt in MEDIA_FORMATS.items()}, **content}
    return {"required": True, "content": content}


def _document_response() -> dict[str, Any]:
    media: dict[str, Any] = {}
    for fmt in catalog.formats()["output"]:
        kind = fmt["media_type"].split(";")[0]
        media[kind] = {"schema": {"type": "object"} if kind == "application/json"
                       else {"type": "string", "format": "binary"} if fmt["binary"] else {"type": "string"}}
    return {
        "description": "The document, with its media type and a file name.",
        "headers": {"Content-Disposition": {"schema": {"type": "string"},
                                            "description": 'attachment; filename="interview.docx"'}},
        "content": media,
    }


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 document."""
    transcript = {"description": "qaformat JSON (docs/json.md), with the parse diagnostics.",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Transcript"}}}}

    def get(summary: str, schema: dict[str, Any]) -> dict[str, Any]:
        return {"get": {"summary": summary, "responses": {
            "200": {"description": summary, "content": {"application/json": {"schema": schema}}}}}}

    def post(summary: str, description: str, parameters: list[dict[str, Any]], ok: dict[str, Any],
             errors: tuple[int, ...], *, json_only: bool = False) -> dict[str, Any]:
        return {"post": {"summary": summary, "description": description, "parameters": parameters,
                         "requestBody": _input_body(json_only=json_only),
                         "responses": {"200": ok, **_problems(*errors)},
                         "security": [{}, {"bearer": []}]}}

    return {
        "openapi": "3.1.0",
        "info": {"title": "qaformat", "version": __version__,
                 "description": "Turn interview transcripts into Q&A documents. Errors are RFC 9457 problem "
                                "documents whose `code` is the one `qaformat check` reports."},
        "paths": {
            "/v1/convert": post("Convert a transcript", "The input is the raw body (or a form's `file` part); "
                                "options are query parameters named after `qaformat convert`'s flags.",
                                [*_input_parameters(), *_render_parameters()], _document_response(),
                                (400, 401, 413, 415, 422, 503)),
            "/v1/parse": post("Parse a transcript into qaformat JSON", "The JSON model with its diagnostics.",
                              [*_input_parameters(), _query("title", _text(), "A title to use instead of the one found.")],
                              transcript, (400, 401, 413, 415, 422, 503)),
            "/v1/render": post("Render qaformat JSON", "The body is qaformat JSON, as a CMS stores it.",
                               [*_render_parameters(), _query("filename", _text(), "Names the output.")],
                               _document_response(), (400, 401, 413, 415, 422, 503), json_only=True),
            "/v1/check": post("Check a transcript", "What `qaformat check --format json` prints: an input that "
                              "cannot be read is one error diagnostic, as in the CLI.", _input_parameters(),
                              {"description": "The diagnostics.", "content": {"application/json": {"schema": {
                                  "type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}}}}},
                              (400, 401, 413, 415, 503)),
            "/v1/formats": get("Input and output formats", {"$ref": "#/components/schemas/Formats"}),
            "/v1/presets": get("House presets", {"type": "array", "items": {"$ref": "#/components/schemas/Preset"}}),
            "/v1/conventions": get("Dialogue conventions the parser reads",
                                   {"type": "array", "items": {"$ref": "#/components/schemas/Convention"}}),
            "/healthz": get("Health", {"type": "object", "required": ["status", "version"],
                                       "properties": {"status": {"const": "ok"}, "version": {"type": "string"}}}),
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": _schemas(),
        },
    }


def _schemas() -> dict[str, Any]:
    strings = {"type": "array", "items": {"type": "string"}}
    return {
        "Problem": {
            "type": "object", "required": ["type", "title", "status", "detail", "code"],
            "properties": {
                "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                "detail": {"type": "string", "description": "The CLI's one-line message."},
                "code": {"type": "string", "description": "The code `qaformat check` reports (docs/errors.md)."},
                "line": {"type": "integer"},
                "conventions": {**strings, "description": "For no-interview: the conventions tried."},
                "known": {**strings, "description": "For unknown-format: the names that exist."},
                "accepted": {**strings, "description": "For 415: the media types read."},
                "limit": {"type": "integer", "description": "For 413: the largest body, in bytes."},
            },
        },
        "Transcript": {"type": "object", "required": ["qaformat"],
                       "description": "qaformat JSON; its full schema is docs/schema/qaformat.schema.json.",
                       "properties": {"qaformat": {"type": "integer"}}},
        "Diagnostic": {
            "type": "object", "required": ["file", "line", "column", "severity", "code", "message"],
            "properties": {"file": {"type": "string"}, "line": {"type": "integer"}, "column": {"type": "integer"},
                           "severity": {"enum": ["error", "warning", "info"]}, "code": {"type": "string"},
                           "message": {"type": "string"}},
        },
        "Formats": {
            "type": "object", "required": ["input", "output"],
            "properties": {
                "input": {"type": "array", "items": {"type": "object", "required": ["name", "suffixes", "aliases"],
                                                     "properties": {"name": {"type": "string"}, "suffixes": strings,
                                                                    "aliases": strings}}},
                "output": {"type": "array", "items": {
                    "type": "object", "required": ["name", "media_type", "binary", "suffixes"],
                    "properties": {"name": {"type": "string"}, "media_type": {"type": "string"},
                                   "binary": {"type": "boolean"}, "suffixes": strings}}},
            },
        },
        "Preset": {"type": "object", "required": ["name", "description", "values"],
                   "properties": {"name": {"type": "string"}, "description": {"type": "string"},
                                  "values": {"type": "object"}}},
        "Convention": {"type": "object", "required": ["name", "summary", "example"],
                       "properties": {"name": {"type": "string"}, "summary": {"type": "string"},
                                      "example": {"type": "string"}}},
    }
