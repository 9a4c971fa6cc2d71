"""A property-based run of schemathesis against ``/openapi.json``, on a real server on 127.0.0.1.

Schemathesis draws requests from the document (valid and invalid parameters, bodies of every
documented media type) and checks each answer: never a server error, never a status, media
type, header or body the document does not describe. The run is bounded (a fixed number of
examples per operation, derandomized so CI repeats it).
"""

from __future__ import annotations

import json
import urllib.request

import hypothesis
import pytest
import schemathesis
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from qaformat.serve.openapi import openapi_document
from tests.serving import start_server

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    live = start_server(tmp_path_factory.mktemp("serve") / "server.log", "--workers", "2", "--max-bytes", "200000")
    yield live
    live.stop()


@schemathesis.serializer("application/x-subrip", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
def _as_bytes(context, value):
    """Caption files and Word files go as the bytes drawn for them (text is UTF-8)."""
    return value if isinstance(value, bytes) else str(value).encode("utf-8")


# The document the server sends (checked below), loaded before the server starts so the
# operations can be test parameters.
schema = schemathesis.openapi.from_dict(openapi_document())


def test_the_server_sends_this_document(server):
    with urllib.request.urlopen(f"{server.url}/openapi.json", timeout=30) as answer:
        assert json.loads(answer.read()) == json.loads(json.dumps(openapi_document()))


@schema.parametrize()
@hypothesis.settings(max_examples=25, deadline=None, derandomize=True, database=None,
                     suppress_health_check=list(hypothesis.HealthCheck))
def test_every_answer_fits_the_document(case, server):
    assert server.url.startswith("http://127.0.0.1:")
    case.call_and_validate(base_url=server.url, checks=CHECKS, timeout=60)
