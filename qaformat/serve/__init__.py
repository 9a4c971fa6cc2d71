"""``qaformat serve``: the editor's page and the HTTP API for CMS plugins (the ``[serve]`` extra).

The package is split so that the worker processes, which parse and render, never load the web
stack: `jobs` (what a worker runs, on the public API only) and `options` (query parameters into
a job) import neither Starlette nor uvicorn; `app`, `middleware`, `openapi` and `server` do.
Nothing in the rest of qaformat imports this package; the CLI loads it only for ``serve``.
"""
