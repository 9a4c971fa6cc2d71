"""The HTTP API through Starlette's test client: every endpoint, error and limit.

The app runs its real worker pool (processes), so these tests also show that parsing happens
off the event loop and that a job past the time limit costs one worker, not the server.
"""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import docx
import jsonschema
import pytest
from starlette.testclient import TestClient

import qaformat
from qaformat.renderers import RENDERERS
from qaformat.serve.app import create_app
from qaformat.serve.catalog import media_type
from qaformat.serve.settings import ServeConfig

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "interview.txt"
FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = json.loads((ROOT / "docs" / "schema" / "qaformat.schema.json").read_text(encoding="utf-8"))
TEXT = {"Content-Type": "text/plain"}
PROBLEM_KEYS = {"type", "title", "status", "detail", "code"}


@pytest.fixture(scope="module")
def client():
    # The workers inherit SOURCE_DATE_EPOCH, so their DOCX bytes equal this process's.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        with TestClient(create_app(ServeConfig(workers=2, max_bytes=2_000_000))) as test_client:
            yield test_client


REPRODUCIBLE_BINARY = {"docx"}
"""Binary formats whose bytes SOURCE_DATE_EPOCH fixes; pandoc's EPUB, ODT and PDF carry ids and
times of their own, so for those the same kind of file is what can be compared."""


def assert_same_document(fmt: str, served: bytes, expected: bytes) -> None:
    if RENDERERS[fmt].binary and fmt not in REPRODUCIBLE_BINARY:
        assert served[:4] == expected[:4] and abs(len(served) - len(expected)) < max(2048, len(expected) // 20)
    else:
        assert served == expected, fmt


def assert_problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert PROBLEM_KEYS <= set(body) and body["status"] == status and body["code"] == code
    assert "Traceback" not in body["detail"] and "\n" not in body["detail"]
    return body


def test_convert_each_format_with_media_type_and_file_name(client):
    for name, fmt in RENDERERS.items():  # every format of the registry, those added later too
        response = client.post(f"/v1/convert?to={name}&filename=talk.txt", content=EXAMPLE.read_bytes(), headers=TEXT)
        try:
            expected = qaformat.render(qaformat.read(EXAMPLE), name)
        except qaformat.QAFormatError as error:  # a format the example cannot be written in: the same refusal
            assert_problem(response, response.status_code, response.json()["code"])
            assert response.status_code in (400, 422) and response.json()["detail"].endswith(error.message)
            continue
        assert response.status_code == 200, response.text
        assert response.headers["content-disposition"] == f'attachment; filename="talk{fmt.suffixes[0]}"'
        assert response.headers["content-type"] == media_type(fmt)
        assert_same_document(name, response.content, expected if isinstance(expected, bytes) else expected.encode("utf-8"))
    assert client.post("/v1/convert?to=html", content=EXAMPLE.read_bytes(), headers=TEXT).headers[
        "content-type"] == "text/html; charset=utf-8"


def test_convert_options_as_query_parameters(client):
    speakers = json.dumps({"RA": {"name": "Ruth A. Adebayo", "role": "interviewer"}})
    response = client.post("/v1/convert", params={"to": "html", "preset": "podcast", "labels": "initials",
                                                  "title": "A new title", "note": "Edited for length.",
                                                  "speakers": speakers}, content=EXAMPLE.read_bytes(), headers=TEXT)
    assert response.status_code == 200
    page = response.text
    assert page.startswith("<!DOCTYPE html>")  # the preset's standalone page
    assert '<h1 class="qa-title">A new title</h1>' in page and "Edited for length." in page
    assert 'data-speaker="ruth-a-adebayo"' in page
    assert 'class="qa-turn qa-question" data-speaker="ruth-a-adebayo"' in page
    fragment = client.post("/v1/convert?preset=podcast&standalone=false", content=EXAMPLE.read_bytes(), headers=TEXT)
    assert fragment.text.startswith('<article class="qa-interview"')


def test_convert_multipart_upload_uses_the_file_name(client):
    data = (FIXTURES / "docx" / "newsroom.docx").read_bytes()
    response = client.post("/v1/convert?to=md", files={"file": ("newsroom.docx", data)})
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="newsroom.md"'
    assert response.text == qaformat.render(qaformat.read(FIXTURES / "docx" / "newsroom.docx"), "md")


@pytest.mark.parametrize(("media_type", "path"), [
    ("text/vtt", FIXTURES / "captions" / "voices.vtt"),
    ("application/x-subrip", FIXTURES / "captions" / "asr.srt"),
    ("text/html", FIXTURES / "html" / "page.html"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", FIXTURES / "docx" / "transcription.docx"),
])
def test_the_media_type_names_the_input_format(client, media_type, path):
    response = client.post("/v1/convert?to=json", content=path.read_bytes(), headers={"Content-Type": media_type})
    assert response.status_code == 200, response.text
    assert response.json() == json.loads(qaformat.render(qaformat.read(path), "json"))


def test_parse_answers_the_model_with_diagnostics(client):
    response = client.post("/v1/parse", content=EXAMPLE.read_bytes(), headers=TEXT)
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    data = response.json()
    jsonschema.validate(data, SCHEMA)
    assert [s["name"] for s in data["speakers"]] == ["Tom Whitfield", "Ruth Adebayo"]
    assert any(d["code"] == "role-inferred" for d in data["diagnostics"])


def test_render_takes_stored_json(client):
    stored = qaformat.render(qaformat.read(EXAMPLE), "json")
    response = client.post("/v1/render?to=md&labels=initials", content=stored.encode(),
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert response.text == qaformat.render(qaformat.load_json(stored), "md", qaformat.RenderOptions(labels="initials"))
    docx_response = client.post("/v1/render?to=docx", content=stored.encode(), headers={"Content-Type": "application/json"})
    assert "Ruth Adebayo" in "\n".join(p.text for p in docx.Document(io.BytesIO(docx_response.content)).paragraphs)


def test_render_refuses_what_is_not_qaformat_json(client):
    assert_problem(client.post("/v1/render", content=b"{}", headers={"Content-Type": "application/json"}), 400, "input-error")
    assert_problem(client.post("/v1/render", content=b"Q: hi", headers={"Content-Type": "text/markdown"}),
                   415, "unsupported-media-type")


def test_check_answers_what_check_prints(client):
    response = client.post("/v1/check?filename=talk.txt", content=EXAMPLE.read_bytes(), headers=TEXT)
    assert response.status_code == 200
    found = response.json()
    assert found and all(d["file"] == "talk.txt" and isinstance(d["line"], int) for d in found)
    refused = client.post("/v1/check", content=b"Just an article.\n", headers=TEXT).json()
    assert [d["code"] for d in refused] == ["no-interview"] and refused[0]["severity"] == "error"


def test_catalog_endpoints_come_from_the_registries(client):
    formats = client.get("/v1/formats").json()
    assert [f["name"] for f in formats["output"]] == list(RENDERERS)
    from qaformat.readers import READERS

    assert {*READERS, "json"} == {f["name"] for f in formats["input"]} >= {"text", "markdown", "docx", "html", "vtt", "srt"}
    assert {p["name"] for p in client.get("/v1/presets").json()} >= {"newsroom", "podcast"}
    from qaformat.parsing.conventions import CONVENTIONS

    conventions = client.get("/v1/conventions").json()
    assert [c["name"] for c in conventions] == [c.name for c in CONVENTIONS]
    assert all(c["summary"] and c["example"] for c in conventions)
    assert client.get("/healthz").json() == {"status": "ok", "version": qaformat.__version__}


def test_openapi_lists_every_route_and_every_output_format(client):
    document = client.get("/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {"/v1/convert", "/v1/parse", "/v1/render", "/v1/check", "/v1/formats",
                                      "/v1/presets", "/v1/conventions", "/healthz"}
    to = next(p for p in document["paths"]["/v1/convert"]["post"]["parameters"] if p["name"] == "to")
    assert to["schema"]["enum"] == list(RENDERERS)


def test_no_interview_is_422_with_the_conventions_tried(client):
    body = assert_problem(client.post("/v1/convert?filename=talk.txt", content=b"Just an article.\n\nNo one speaks.\n",
                                      headers=TEXT), 422, "no-interview")
    assert body["detail"].startswith("talk.txt:1: no interview found")
    assert body["line"] == 1 and "colon" in body["conventions"] and "bold-questions" in body["conventions"]
    forced = client.post("/v1/convert?convention=heading-questions", content=b"Just an article.\n", headers=TEXT).json()
    assert forced["code"] == "no-interview" and forced["conventions"] == ["heading-questions"]


def test_a_forced_convention_and_named_speakers(client):
    read = client.post("/v1/parse?convention=colon", content=EXAMPLE.read_bytes(), headers=TEXT)
    assert read.status_code == 200, read.text
    assert next(d["message"] for d in read.json()["diagnostics"] if d["code"] == "convention").startswith("read as 'colon'")
    assert client.post("/v1/parse?name_speakers=true", content=EXAMPLE.read_bytes(), headers=TEXT).status_code == 200


@pytest.mark.parametrize(("path", "content", "code"), [
    ("/v1/convert", b"\x89PNG\r\n\x1a\n" + bytes(200), "input-error"),
    ("/v1/convert?to=rtf", EXAMPLE.read_bytes(), "unknown-format"),
    ("/v1/convert?from=rtf", EXAMPLE.read_bytes(), "unknown-format"),
    ("/v1/convert?preset=tabloid", EXAMPLE.read_bytes(), "bad-parameter"),
    ("/v1/convert?labels=loud", EXAMPLE.read_bytes(), "bad-parameter"),
    ("/v1/convert?standalone=maybe", EXAMPLE.read_bytes(), "bad-parameter"),
    ("/v1/convert?speakers=%7Bnot", EXAMPLE.read_bytes(), "bad-parameter"),
    ("/v1/convert?speakers=%7B%22RA%22%3A%7B%22role%22%3A%22host%22%7D%7D", EXAMPLE.read_bytes(), "bad-parameter"),
    ("/v1/convert?from=docx", EXAMPLE.read_bytes(), "input-error"),
    ("/v1/convert?convention=dashes", EXAMPLE.read_bytes(), "bad-parameter"),
])
def test_bad_input_is_400_with_the_cli_code(client, path, content, code):
    assert_problem(client.post(path, content=content, headers=TEXT), 400, code)


def test_the_message_is_the_cli_message(client, tmp_path):
    import subprocess
    import sys

    source = tmp_path / "bad.txt"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    cli = subprocess.run([sys.executable, "-m", "qaformat", "convert", str(source), "-t", "json"],
                         capture_output=True, check=False)
    body = client.post(f"/v1/convert?filename={source}", content=source.read_bytes(), headers=TEXT).json()
    assert cli.stderr.decode().strip() == f"qaformat: error: {body['detail']}"


def test_not_found_and_wrong_method(client):
    assert_problem(client.get("/v2/convert"), 404, "not-found")
    body = assert_problem(client.get("/v1/convert"), 405, "method-not-allowed")
    assert "GET" in body["detail"]
    assert_problem(client.delete("/healthz"), 405, "method-not-allowed")


def test_unknown_media_type_is_415(client):
    body = assert_problem(client.post("/v1/convert", content=b"x", headers={"Content-Type": "image/png"}),
                          415, "unsupported-media-type")
    assert "text/plain" in body["accepted"]


def test_form_without_a_file_part_is_400(client):
    assert_problem(client.post("/v1/convert", data={"text": "Q: hi"}, files={"other": ("a.txt", b"Q: hi")}),
                   400, "bad-parameter")


def test_body_over_the_limit_is_413_by_declared_length_and_while_streaming(client):
    assert_problem(client.post("/v1/convert", content=b"x" * 2_000_001, headers=TEXT), 413, "input-error")

    def chunks():  # no Content-Length: the limit holds on the bytes received
        for _ in range(30):
            yield b"y" * 100_000

    body = assert_problem(client.post("/v1/convert", content=chunks(), headers=TEXT), 413, "input-error")
    assert body["limit"] == 2_000_000


def test_security_headers_on_the_page_and_the_api(client):
    for response in (client.get("/"), client.post("/v1/convert", content=EXAMPLE.read_bytes(), headers=TEXT)):
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "default-src 'none'" in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    assert "access-control-allow-origin" not in client.get("/v1/formats", headers={"Origin": "https://cms.example"}).headers


def test_page_and_docs_are_served_from_the_package_with_no_other_host(client):
    for path in ("/", "/docs"):
        page = client.get(path)
        assert page.status_code == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
        assert "http://" not in page.text and "https://" not in page.text and "<script>" not in page.text
    assert client.get("/assets/qaformat.css").text == qaformat.renderers.html.stylesheet()
    for name in ("page.js", "page.css", "docs.js", "docs.css"):
        asset = client.get(f"/assets/{name}")
        assert asset.status_code == 200 and "//cdn" not in asset.text
    assert_problem(client.get("/assets/../pyproject.toml"), 404, "not-found")
    assert_problem(client.get("/assets/secret.txt"), 404, "not-found")


def test_bearer_token_and_cors():
    token = "s3cret-token-0123456789"
    config = ServeConfig(workers=1, token=token, cors=("https://cms.example",))
    with TestClient(create_app(config)) as guarded:
        assert_problem(guarded.post("/v1/convert", content=EXAMPLE.read_bytes(), headers=TEXT), 401, "unauthorized")
        assert_problem(guarded.get("/v1/formats", headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
        ok = guarded.post("/v1/convert", content=EXAMPLE.read_bytes(), headers={**TEXT, "Authorization": f"Bearer {token}"})
        assert ok.status_code == 200
        assert guarded.get("/").status_code == 200 and guarded.get("/healthz").status_code == 200
        preflight = guarded.options("/v1/convert", headers={"Origin": "https://cms.example",
                                                             "Access-Control-Request-Method": "POST",
                                                             "Access-Control-Request-Headers": "authorization"})
        assert preflight.headers["access-control-allow-origin"] == "https://cms.example"
        other = guarded.options("/v1/convert", headers={"Origin": "https://evil.example",
                                                         "Access-Control-Request-Method": "POST"})
        assert other.headers.get("access-control-allow-origin") != "https://evil.example"


def test_a_job_past_the_time_limit_is_503_and_others_go_on():
    turn = ("Emily Carter: How did the harbour change over the years?\n\n"
            "Dr. Alexander Petrov: A great deal. [laughs] The budget went up by 3.5 percent.\n\n")
    # Eight megabytes take seconds to convert on any machine, well past half a second, while the
    # small jobs take milliseconds: the test holds however fast the parser gets.
    big = turn * (8_000_000 // len(turn))
    config = ServeConfig(workers=2, time_limit=0.5, max_bytes=10_000_000)
    with TestClient(create_app(config)) as limited:
        results = {}

        def slow():
            results["slow"] = limited.post("/v1/convert", content=big.encode(), headers=TEXT)

        thread = threading.Thread(target=slow)
        thread.start()
        small = [limited.post("/v1/convert?to=json", content=b"Q: Why?\nA: Because.\n", headers=TEXT) for _ in range(3)]
        thread.join()
        assert [r.status_code for r in small] == [200, 200, 200]
        body = assert_problem(results["slow"], 503, "time-limit")
        assert "0.5 seconds" in body["detail"] and results["slow"].headers["retry-after"] == "1"
        # The killed worker was replaced: both workers answer again.
        pair = [threading.Thread(target=lambda: results.setdefault("again", []).append(
            limited.post("/v1/convert?to=md", content=b"Q: Why?\nA: Because.\n", headers=TEXT).status_code))
            for _ in range(4)]
        for thread in pair:
            thread.start()
        for thread in pair:
            thread.join()
        assert results["again"] == [200] * 4


def test_no_endpoint_reads_a_server_path(client):
    # A file name is only a name: its suffix picks the reader and it names the output.
    response = client.post("/v1/convert?to=json&filename=/etc/passwd", content=EXAMPLE.read_bytes(), headers=TEXT)
    assert response.status_code == 200 and response.json()["title"].startswith("The Night Shift")
    assert response.headers["content-disposition"] == 'attachment; filename="passwd.json"'
    assert_problem(client.post("/v1/convert?template=/etc/passwd&to=docx", content=b"x", headers=TEXT), 422, "no-interview")
