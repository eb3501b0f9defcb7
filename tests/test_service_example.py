"""examples/fastapi_service.py, started for real under uvicorn and spoken to over HTTP."""

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_core.validation.request.exceptions import InvalidRequestBody
from openapi_spec_validator import validate

import salesroles as sr
from salesroles.testing import sample_portfolio

ROOT = Path(__file__).parent.parent
SAMPLE = (ROOT / "examples" / "portfolio.json").read_bytes()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def service():
    """The base URL of the example served by uvicorn in a subprocess."""
    port = _free_port()
    command = [sys.executable, "-m", "uvicorn", "examples.fastapi_service:app"]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [*command, "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/openapi.json", timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.poll() is not None else ""
                    pytest.fail(f"uvicorn did not start: {output}")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


@pytest.fixture(scope="module")
def document(service):
    return httpx.get(f"{service}/openapi.json").json()


def test_the_shipped_sample_is_the_sample_portfolio():
    """examples/portfolio.json, which the docs' curl lines post, is the docs' pump manufacturer."""
    assert sr.structure_json(SAMPLE, sr.Portfolio) == sample_portfolio()


def test_a_valid_portfolio_answers_the_check_report(service):
    answer = httpx.post(f"{service}/portfolios", content=SAMPLE)
    assert answer.status_code == 200
    report = sr.check(sample_portfolio())
    assert answer.json() == {
        "summary": {
            "as_of": "2026-11-27",
            "policy": "strict",
            "ok": False,
            "errors": 1,
            "warnings": 6,
            "infos": 1,
            "customers": 4,
            "key_accounts": 2,
        },
        "findings": sr.unstructure(report)["findings"],
    }


def test_a_broken_portfolio_answers_422_with_every_problem(service):
    data = json.loads(SAMPLE)
    data["customers"][0]["segment"] = "huge"
    data["plans"][0]["owner"] = "nobody"
    text = json.dumps(data).replace('"amount": "1200.00"', '"amount": 1200.00')
    answer = httpx.post(f"{service}/portfolios", content=text)
    assert answer.status_code == 422
    assert [(item["type"], item["loc"]) for item in answer.json()["detail"]] == [
        ("invalid_enum", ["body", "customers", 0, "segment"]),
        ("float_money", ["body", "orders", 0, "amount", "amount"]),
        ("dangling_reference", ["body", "plans", 0, "owner"]),
    ]
    assert "1200.00" in answer.json()["detail"][1]["msg"]


def test_a_caller_asking_for_german_is_answered_in_german(service):
    """The language of the request reaches the worker thread that reads the body."""
    data = json.loads(SAMPLE)
    data["plans"][0]["owner"] = "nobody"
    answer = httpx.post(
        f"{service}/portfolios", json=data, headers={"Accept-Language": "de-DE,de;q=0.9"}
    )
    assert answer.status_code == 422
    (item,) = answer.json()["detail"]
    assert item["msg"] == (
        "'nobody' benennt nichts in diesem Portfolio; erwartet die ID eines Objekts vom Typ "
        "Teammitglied"
    )
    assert item["ctx"] == {
        "template": "dangling_reference",
        "params": {"ref": "nobody", "allowed": ["team member"]},
    }


def test_decisions_answer_a_decision(service):
    request = {"who": "ann", "responsibility": "follow_up_leads", "subject": "L-BETA"}
    answer = httpx.post(f"{service}/decisions", json=request | {"portfolio": json.loads(SAMPLE)})
    assert answer.status_code == 200
    decision = answer.json()
    assert (decision["allowed"], decision["rule"]) == (False, "account-manager-new-business")
    assert decision["member"] == "ann"
    bad = httpx.post(
        f"{service}/decisions",
        json=request | {"subject": "L-NONE", "portfolio": json.loads(SAMPLE)},
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "subject"]


def test_a_chunked_body_is_read(service):
    def chunks():
        for i in range(0, len(SAMPLE), 1000):
            yield SAMPLE[i : i + 1000]

    answer = httpx.post(f"{service}/portfolios", content=chunks())
    assert answer.status_code == 200
    assert answer.json()["summary"]["customers"] == 4


def test_50_mb_are_refused_with_413_before_they_are_read(service):
    """Only the headers are sent: the answer comes without waiting for the body."""
    port = int(service.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(
            b"POST /portfolios HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 52428800\r\n\r\n{"
        )
        answer = b""
        while b"body_too_large" not in answer and (chunk := s.recv(65536)):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413")
    assert b'"type":"body_too_large"' in answer


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe", b"{]", b"[" * 100_000, b"null", b"[]"],
    ids=["not-utf-8", "no-json", "nested-100000", "null", "array"],
)
def test_bad_bodies_answer_error_items(service, content):
    answer = httpx.post(f"{service}/portfolios", content=content)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body"]


def test_a_content_length_that_is_no_number_is_a_bad_request(service):
    port = int(service.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"POST /portfolios HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}")
        assert s.recv(65536).startswith(b"HTTP/1.1 400")


def test_unknown_routes_and_methods(service):
    nowhere = httpx.get(f"{service}/schema")
    assert (nowhere.status_code, nowhere.json()["detail"][0]["type"]) == (404, "unknown_route")
    wrong = httpx.get(f"{service}/portfolios")
    assert (wrong.status_code, wrong.headers["allow"]) == (405, "POST")
    assert wrong.json()["detail"][0]["type"] == "method_not_allowed"


def test_openapi_json_is_valid_and_judges_bodies_as_the_service_does(service, document):
    """openapi-spec-validator accepts it; openapi-core resolves it and agrees with the service."""
    validate(document)
    api = OpenAPI.from_dict(document)
    api.validate_request(MockRequest(service, "post", "/portfolios", data=SAMPLE.decode()))
    data = json.loads(SAMPLE)
    data["customers"][2]["segment"] = "huge"
    data["deals"][1]["value"]["amount"] = "12,50"
    with pytest.raises(InvalidRequestBody) as caught:
        api.validate_request(MockRequest(service, "post", "/portfolios", data=json.dumps(data)))
    located = [list(e.absolute_path) for e in caught.value.__cause__.schema_errors]
    # Each bad item by its own path, not one opaque error on the whole list.
    assert located == [["customers", 2, "segment"], ["deals", 1, "value", "amount"]]
    answer = httpx.post(f"{service}/portfolios", content=json.dumps(data))
    assert [item["loc"][1:] for item in answer.json()["detail"]] == located


def test_the_answers_match_the_documented_responses(service, document):
    api = OpenAPI.from_dict(document)
    for path, body in [
        ("/portfolios", SAMPLE),
        ("/portfolios", b"null"),
        (
            "/decisions",
            json.dumps(
                {"who": "bob", "responsibility": "prospecting", "portfolio": json.loads(SAMPLE)}
            ).encode(),
        ),
    ]:
        answer = httpx.post(f"{service}{path}", content=body)
        request = MockRequest(service, "post", path, data=body.decode())
        response = MockResponse(
            answer.content, status_code=answer.status_code, content_type="application/json"
        )
        api.validate_response(request, response)
