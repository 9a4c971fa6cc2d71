"""``qaformat serve``: the application on uvicorn, with access logs and a graceful stop.

uvicorn stops on SIGTERM or Ctrl+C by refusing new connections and letting the requests in
flight finish; then the worker pool stops. The socket is bound here, before uvicorn starts, so
``--port 0`` can report the port it got.
"""

from __future__ import annotations

import logging
import socket
import sys

import uvicorn

from qaformat.errors import InputError
from qaformat.serve.app import create_app
from qaformat.serve.settings import ServeConfig

__all__ = ["ServeConfig", "serve"]

GRACE_SECONDS = 60
"""How long a stop waits for the requests in flight."""


def serve(config: ServeConfig) -> int:
    """Run the service until it is stopped; returns the exit status."""
    access = logging.getLogger("qaformat.serve.access")
    if not access.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        access.addHandler(handler)
        access.setLevel(logging.INFO)
        access.propagate = False
    family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((config.host.strip("[]"), config.port))
    except OSError as error:
        listener.close()
        raise InputError(f"cannot listen on {config.host}:{config.port}: {error.strerror or error}") from None
    listener.listen(2048)  # connections wait in the backlog while the workers start, never refused
    port = listener.getsockname()[1]
    shown = f"[{config.host}]" if family == socket.AF_INET6 else config.host

    def ready() -> None:
        print(f"qaformat: serving on http://{shown}:{port}/ ({config.workers} workers; stop with Ctrl+C)",
              file=sys.stderr, flush=True)

    server = uvicorn.Server(uvicorn.Config(
        create_app(config, ready=ready), access_log=False, log_level="warning", timeout_graceful_shutdown=GRACE_SECONDS,
        server_header=False, proxy_headers=False,
    ))
    server.run(sockets=[listener])
    return 0
