"""examples/service.py: salesroles as the validation layer of a standard-library web service."""

import importlib.util
import io
import json
import threading
import urllib.error
import urllib.request
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server
from wsgiref.util import setup_testing_defaults

import pytest

import salesroles as sr
from salesroles.testing import sample_portfolio

EXAMPLE = Path(__file__).parent.parent / "examples" / "service.py"


@pytest.fixture(scope="module")
def service():
    spec = importlib.util.spec_from_file_location("service_example", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def call(service, method: str, path: str, body: bytes = b"", length: str | None = None):
    environ: dict = {}
    setup_testing_defaults(environ)
    environ |= {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "CONTENT_LENGTH": str(len(body)) if length is None else length,
        "wsgi.input": io.BytesIO(body),
    }
    answer: dict = {}

    def start_response(status, headers):
        answer["status"] = status
        answer["headers"] = dict(headers)

    data = b"".join(service.app(environ, start_response))
    assert answer["headers"]["Content-Type"].startswith("application/json")
    return answer["status"], json.loads(data)


def test_a_valid_portfolio_gets_200_and_a_summary(service):
    body = sr.unstructure_json(sample_portfolio()).encode()
    status, payload = call(service, "POST", "/portfolios", body)
    assert status == "200 OK"
    assert payload["as_of"] == "2026-11-27"
    assert payload["key_accounts"] == ["C-ACME", "C-NORD"]
    assert payload["counts"]["customers"] == 4


def test_a_broken_portfolio_gets_422_and_every_problem(service):
    data = sr.unstructure(sample_portfolio())
    data["customers"][0]["segment"] = "huge"
    data["plans"][0]["owner"] = "nobody"
    data["orders"][0]["amount"] = {"amount": 12.5, "currency": "EUR"}
    status, payload = call(service, "POST", "/portfolios", json.dumps(data).encode())
    assert status == "422 Unprocessable Content"
    assert [(e["path"], e["code"]) for e in payload["errors"]] == [
        ("customers[0].segment", "invalid_enum"),
        ("orders[0].amount.amount", "float_money"),
        ("plans[0].owner", "dangling_reference"),
    ]
    assert all(e["message"] for e in payload["errors"])


def test_junk_and_no_json_get_422_too(service):
    for body in (b"", b"{", b"[1, 2]", b'"x"', b"null"):
        status, payload = call(service, "POST", "/portfolios", body)
        assert status.startswith("422")
        assert payload["errors"]


def test_other_requests_are_answered_plainly(service):
    assert call(service, "GET", "/portfolios")[0].startswith("405")
    assert call(service, "GET", "/elsewhere")[0].startswith("404")
    assert call(service, "POST", "/portfolios", b"{}", length="lots")[0].startswith("413")
    assert call(service, "POST", "/portfolios", b"{}", length="99999999999")[0].startswith("413")
    status, schema = call(service, "GET", "/schema")
    assert status == "200 OK"
    assert schema == sr.json_schema(sr.Portfolio)


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def test_the_service_answers_over_http_on_an_ephemeral_port(service):
    with make_server("127.0.0.1", 0, service.app, handler_class=_Quiet) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            url = f"http://127.0.0.1:{server.server_port}/portfolios"
            body = sr.unstructure_json(sample_portfolio()).encode()
            with urllib.request.urlopen(urllib.request.Request(url, data=body)) as response:
                assert response.status == 200
                assert json.load(response)["counts"]["products"] == 3
            with pytest.raises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(urllib.request.Request(url, data=b'{"colour": 1}'))
            assert caught.value.code == 422
            assert json.load(caught.value)["errors"][0]["code"] == "unknown_key"
            caught.value.close()
        finally:
            server.shutdown()
            thread.join()
