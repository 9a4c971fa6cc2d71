"""Error responses as RFC 9457 ``application/problem+json``, with the CLI's codes and messages.

Every member is stable: ``status``, ``title`` (the HTTP reason), ``detail`` (the CLI's one-line
message), ``code`` (the diagnostic code ``check`` uses), and where known ``line`` and, when no
interview was found, ``conventions`` (those the parser tried).
"""

from __future__ import annotations

import http
import json
from typing import Any

from starlette.responses import Response

__all__ = ["PROBLEM_TYPE", "problem"]

PROBLEM_TYPE = "application/problem+json"


def problem(status: int, code: str, detail: str, *, headers: dict[str, str] | None = None, **extra: Any) -> Response:
    """A problem response."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": http.HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "code": code,
    }
    body.update({key: value for key, value in extra.items() if value not in (None, (), [])})
    content = json.dumps(body, ensure_ascii=False).encode("utf-8")
    return Response(content, status_code=status, media_type=PROBLEM_TYPE, headers=headers)
