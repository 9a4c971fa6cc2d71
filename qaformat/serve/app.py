"""The Starlette application: the editor's page at ``/``, the API under ``/v1/``, its OpenAPI
document at ``/openapi.json`` and its interactive docs at ``/docs``.

Endpoints only receive, hand a `Job` to the worker pool and send what it answers: the event
loop never parses or renders. Errors are problem documents (`problems`); the middleware
(`middleware`) logs, limits and guards every request.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from qaformat import __version__
from qaformat.errors import QAFormatError, UnknownFormatError
from qaformat.renderers.html import stylesheet
from qaformat.serve import catalog
from qaformat.serve.jobs import Action, Failure
from qaformat.serve.middleware import AccessLog, BearerToken, BodyLimit, BodyTooLarge, SecurityHeaders, too_large
from qaformat.serve.openapi import openapi_document
from qaformat.serve.pool import TimeLimitExceeded, WorkerPool
from qaformat.serve.problems import problem
from qaformat.serve.queries import MEDIA_FORMATS, UNNAMED_TYPES, job_from
from qaformat.serve.settings import ServeConfig

__all__ = ["create_app"]

_ASSETS = {
    "page.js": "text/javascript; charset=utf-8",
    "page.css": "text/css; charset=utf-8",
    "docs.js": "text/javascript; charset=utf-8",
    "docs.css": "text/css; charset=utf-8",
}
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _static(name: str) -> bytes:
    return resources.files("qaformat.serve").joinpath("static", name).read_bytes()


def create_app(config: ServeConfig, *, ready: Callable[[], None] | None = None) -> Starlette:
    """The application for a configuration; the worker pool starts and stops with it, and
    ``ready`` is called once the workers are up."""
    pool = WorkerPool(config.workers, config.time_limit)
    files = {name: _static(name) for name in ("index.html", "docs.html", *_ASSETS)}
    document = openapi_document()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await pool.start()
        if ready is not None:
            ready()
        try:
            yield
        finally:
            await pool.close()

    async def page(request: Request) -> Response:
        return Response(files["index.html"], media_type="text/html; charset=utf-8")

    async def docs(request: Request) -> Response:
        return Response(files["docs.html"], media_type="text/html; charset=utf-8")

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name == "qaformat.css":
            return Response(stylesheet(), media_type="text/css; charset=utf-8")
        if name not in _ASSETS:
            raise HTTPException(404)
        return Response(files[name], media_type=_ASSETS[name])

    async def openapi(request: Request) -> Response:
        return JSONResponse(document)

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__})

    async def formats(request: Request) -> Response:
        return JSONResponse(catalog.formats())

    async def presets(request: Request) -> Response:
        return JSONResponse(catalog.presets())

    async def conventions(request: Request) -> Response:
        return JSONResponse(catalog.conventions())

    def endpoint(action: Action, accepted: Callable[[str], bool]) -> Callable[[Request], Awaitable[Response]]:
        async def run(request: Request) -> Response:
            media_type = request.headers.get("content-type", "application/octet-stream").split(";")[0].strip().lower()
            if not accepted(media_type):
                return problem(415, "unsupported-media-type",
                               f"cannot read a body of type {media_type or '(none)'!r}: send the input as the raw body"
                               " with its media type (Content-Type: text/plain, for example) or as a multipart/form-data"
                               " part named \"file\"",
                               accepted=sorted({*MEDIA_FORMATS, *UNNAMED_TYPES, "multipart/form-data"}))
            try:
                data, filename = await _body(request, media_type, config.max_bytes)
                job = job_from(action, request.query_params, data, media_type=media_type, filename=filename)
                result = await pool.run(job)
            except BodyTooLarge as error:
                return too_large(error.limit)
            except UnknownFormatError as error:
                return problem(400, "unknown-format", str(error), known=list(error.known))
            except QAFormatError as error:
                return problem(400, "bad-parameter", str(error))
            except TimeLimitExceeded:
                return problem(503, "time-limit", f"the conversion ran past the time limit of {config.time_limit:g} seconds",
                               headers={"Retry-After": "1"})
            if isinstance(result, Failure):
                return problem(result.status, result.code, result.detail, line=result.line,
                               conventions=list(result.conventions))
            headers = {"Content-Disposition": f'attachment; filename="{result.filename}"'}
            if action in (Action.PARSE, Action.CHECK):
                headers = {}
            return Response(result.content, media_type=result.media_type, headers=headers)

        return run

    def any_input(media_type: str) -> bool:
        return media_type in MEDIA_FORMATS or media_type in UNNAMED_TYPES or media_type == "multipart/form-data"

    def json_input(media_type: str) -> bool:
        return media_type in ("application/json", "multipart/form-data", *UNNAMED_TYPES)

    routes = [
        Route("/", page),
        Route("/docs", docs),
        Route("/assets/{name}", asset),
        Route("/openapi.json", openapi),
        Route("/healthz", healthz),
        Route("/v1/formats", formats),
        Route("/v1/presets", presets),
        Route("/v1/conventions", conventions),
        Route("/v1/convert", endpoint(Action.CONVERT, any_input), methods=["POST"]),
        Route("/v1/parse", endpoint(Action.PARSE, any_input), methods=["POST"]),
        Route("/v1/render", endpoint(Action.RENDER, json_input), methods=["POST"]),
        Route("/v1/check", endpoint(Action.CHECK, any_input), methods=["POST"]),
    ]
    middleware = [Middleware(AccessLog), Middleware(SecurityHeaders)]
    if config.cors:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(config.cors), allow_methods=["GET", "POST"],
                                     allow_headers=["Authorization", "Content-Type"],
                                     expose_headers=["Content-Disposition"]))
    if config.token is not None:
        middleware.append(Middleware(BearerToken, token=config.token))
    middleware.append(Middleware(BodyLimit, limit=config.max_bytes))
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                     exception_handlers={HTTPException: _http_problem, 404: _http_problem, 405: _http_problem})


async def _body(request: Request, media_type: str, limit: int) -> tuple[bytes, str | None]:
    """The input: the raw body, or the ``file`` part of a form (with its file name)."""
    if media_type != "multipart/form-data":
        return await request.body(), None
    async with request.form(max_files=1, max_fields=16, max_part_size=limit) as form:  # closes the spooled files
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise _FormError("a multipart/form-data body needs its input in a part named \"file\"")
        return await upload.read(), upload.filename or None


class _FormError(QAFormatError):
    pass


async def _http_problem(request: Request, error: Any) -> Response:
    status = getattr(error, "status_code", 500)
    detail = {404: f"no such path: {request.url.path}",
              405: f"{request.method} is not allowed on {request.url.path}"}.get(status, str(getattr(error, "detail", "")))
    code = {404: "not-found", 405: "method-not-allowed"}.get(status, "bad-request")
    headers = getattr(error, "headers", None)
    return problem(status, code, detail, headers=dict(headers) if headers else None)


