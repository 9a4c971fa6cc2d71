"""How the service is set up: address, workers, token, limits, CORS (from ``qaformat serve``'s flags).

Checked once at start-up, so a server never runs in an unsafe shape: it listens beyond this
machine only with a bearer token. Imports no web framework.
"""

from __future__ import annotations

import ipaddress
import os

import attrs

from qaformat.errors import InputError
from qaformat.options import MAX_INPUT_BYTES

__all__ = ["DEFAULT_TIME_LIMIT", "ServeConfig", "is_loopback"]

DEFAULT_TIME_LIMIT = 30.0
"""Seconds one conversion may take by default: a 64 MiB transcript takes well under that."""


def is_loopback(host: str) -> bool:
    """Whether an address reaches only this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@attrs.frozen
class ServeConfig:
    """The service's settings."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    """Worker processes that parse and render."""
    token: str | None = attrs.field(default=None, repr=False)
    """The bearer token the API asks for (``None``: no token, loopback only)."""
    max_bytes: int = MAX_INPUT_BYTES
    """The largest request body."""
    time_limit: float = DEFAULT_TIME_LIMIT
    """Seconds one conversion may take before its worker is replaced and the request gets a 503."""
    cors: tuple[str, ...] = ()
    """Origins whose pages may call the API."""

    @classmethod
    def from_flags(cls, *, host: str, port: int, workers: int | None, token_file: str | None,
                   max_bytes: int | None, time_limit: float | None, cors: list[str]) -> ServeConfig:
        """The settings for the command's flags, checked.

        Raises:
            InputError: a flag is out of range, the token file cannot be used, or the address
                reaches beyond this machine and no token file is given.
        """
        if not 0 <= port <= 65535:
            raise InputError(f"--port must be 0 to 65535, got {port}")
        if workers is not None and workers < 1:
            raise InputError(f"--workers must be at least 1, got {workers}")
        if max_bytes is not None and max_bytes < 1:
            raise InputError(f"--max-bytes must be at least 1, got {max_bytes}")
        if time_limit is not None and time_limit <= 0:
            raise InputError(f"--time-limit must be more than 0 seconds, got {time_limit:g}")
        token = _read_token(token_file) if token_file else None
        if token is None and not is_loopback(host):
            raise InputError(f"refusing to listen on {host} without --token-file: anyone who can reach it could use it;"
                             " give a token file, or listen on 127.0.0.1")
        for origin in cors:
            if origin != "*" and not origin.startswith(("http://", "https://")):
                raise InputError(f"--cors wants an origin such as https://cms.example.org, got {origin!r}")
        return cls(host=host, port=port, workers=workers or os.cpu_count() or 1, token=token,
                   max_bytes=max_bytes or MAX_INPUT_BYTES, time_limit=time_limit or DEFAULT_TIME_LIMIT,
                   cors=tuple(cors))


def _read_token(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            token = handle.read().strip()
    except OSError as error:
        raise InputError(f"cannot read the token file: {error.strerror or error}", source=path) from None
    except UnicodeDecodeError:
        raise InputError("the token file is not UTF-8 text", source=path) from None
    if len(token) < 16 or any(c.isspace() for c in token):
        raise InputError("the token must be at least 16 characters on one line, without spaces", source=path)
    return token
