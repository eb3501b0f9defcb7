"""salesroles.fastapi: bodies read by salesroles, FastAPI's error shape, an OpenAPI that resolves.

The many small cases run through starlette's TestClient; tests/test_service_example.py
starts the example under uvicorn and talks to it over HTTP.
"""

import json
from typing import Annotated

import attrs
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest
from openapi_core.validation.request.exceptions import InvalidRequestBody
from openapi_spec_validator import validate
from referencing.exceptions import Unresolvable

import salesroles as sr
from salesroles.fastapi import Validated, WireResponse, body, install, invalid, responds
from salesroles.testing import sample_portfolio

SAMPLE = sr.unstructure_json(sample_portfolio()).encode()


@attrs.frozen
class Upload:
    tenant: str
    portfolio: sr.Portfolio


def make_app() -> FastAPI:
    app = FastAPI()
    install(app)

    @app.post("/portfolios", responses=responds(sr.Report))
    def check(portfolio: Validated[sr.Portfolio]) -> WireResponse:
        return WireResponse(sr.check(portfolio))

    @app.post("/small")
    def small(money: Annotated[sr.Money, body(sr.Money, max_bytes=64, max_errors=1)]) -> dict:
        return {"amount": str(money.amount)}

    @app.post("/uploads")
    def upload(data: Validated[Upload]) -> dict:
        if data.tenant == "nobody":
            raise invalid([sr.ErrorItem(path="tenant", message="got 'nobody'", code="unknown")])
        return {"tenant": data.tenant, "customers": len(data.portfolio.customers)}

    @app.get("/plain")
    def plain() -> dict:
        return {"ok": True}

    @app.post("/hidden", include_in_schema=False)
    def hidden(money: Validated[sr.Money]) -> dict:
        return {"currency": money.currency}

    return app


@pytest.fixture(scope="module")
def client():
    return TestClient(make_app())


def test_a_valid_body_reaches_the_route_as_a_validated_object(client):
    """The route gets a Portfolio and answers the report, written by salesroles."""
    answer = client.post("/portfolios", content=SAMPLE)
    assert answer.status_code == 200
    assert answer.json() == sr.unstructure(sr.check(sample_portfolio()))


def test_a_bad_body_answers_422_in_fastapis_shape_with_our_codes(client):
    """Each item: our code as type, loc under "body" with indexes as numbers, our message."""
    data = json.loads(SAMPLE)
    data["customers"][1]["segment"] = "huge"
    data["orders"][0]["amount"]["amount"] = 12.50
    answer = client.post("/portfolios", content=json.dumps(data).replace("12.5", "12.50"))
    assert answer.status_code == 422
    segments = {"code": "expected.one_of", "params": {"values": ["small", "medium", "large"]}}
    assert answer.json() == {
        "detail": [
            {
                "type": "invalid_enum",
                "loc": ["body", "customers", 1, "segment"],
                "msg": "got 'huge'; expected one of 'small', 'medium', 'large'",
                "ctx": {
                    "template": "got_expected",
                    "params": {
                        "got": {"code": "value.text", "params": {"value": "huge"}},
                        "expected": segments,
                    },
                },
            },
            {
                "type": "float_money",
                "loc": ["body", "orders", 0, "amount", "amount"],
                "msg": 'got the float 12.50; send the amount as a string like "12.50" '
                "(binary floats lose cents)",
                "ctx": {
                    "template": "float_money",
                    "params": {"got": {"code": "value.float", "params": {"value": "12.50"}}},
                },
            },
        ]
    }


def test_the_callers_accept_language_chooses_the_language_of_the_answer(client):
    """Accept-Language: de answers in German; the codes, paths and ctx stay as they are."""
    data = json.loads(SAMPLE)
    data["as_of"] = "soon"
    english = client.post("/portfolios", json=data)
    german = client.post(
        "/portfolios", json=data, headers={"Accept-Language": "fr-CH, de;q=0.8, en;q=0.5"}
    )
    (said_in_english,), (said_in_german,) = english.json()["detail"], german.json()["detail"]
    assert said_in_english["msg"] == "got 'soon'; expected a date written YYYY-MM-DD"
    assert said_in_german["msg"] == "erhalten: 'soon'; erwartet ein Datum im Format JJJJ-MM-TT"
    assert {**said_in_german, "msg": ""} == {**said_in_english, "msg": ""}
    unknown = client.post("/portfolios", json=data, headers={"Accept-Language": "fr"})
    assert unknown.json() == english.json()  # no language the catalogues speak: English
    nowhere = client.get("/nowhere", headers={"Accept-Language": "de"})
    assert nowhere.json()["detail"][0]["msg"] == (
        "erhalten: '/nowhere'; erwartet eine Route der API"
    )


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\xff\xfe{}", "invalid_json"),
        (b"not json", "invalid_json"),
        (b"", "invalid_json"),
        (b"[" * 100_000 + b"]" * 100_000, "invalid_json"),
        (b"null", "invalid_type"),
        (b"[]", "invalid_type"),
        (b'{"customers": {}}', "invalid_type"),
        (b'{"a": 1, "a": 2}', "duplicate_key"),
    ],
    ids=["not-utf-8", "no-json", "empty", "nested-100000", "null", "array", "wrong-type", "dup"],
)
def test_bad_input_is_an_error_item_never_a_500(client, content, code):
    answer = client.post("/portfolios", content=content)
    assert answer.status_code == 422
    assert code in [item["type"] for item in answer.json()["detail"]]
    assert all(item["loc"][0] == "body" for item in answer.json()["detail"])


def test_a_body_larger_than_the_limit_is_refused_with_413_before_it_is_read(client):
    """A declared length over the limit is refused; a chunked one is counted while read."""
    declared = client.post("/small", content=b"x" * 65)
    assert declared.status_code == 413
    assert declared.json()["detail"][0]["type"] == "body_too_large"

    def chunks():
        yield b'{"amount": "1.00", '
        yield b" " * 60
        yield b'"currency": "EUR"}'

    chunked = client.post("/small", content=chunks())
    assert chunked.status_code == 413
    assert "more than 64 bytes" in chunked.json()["detail"][0]["msg"]


def test_a_chunked_body_within_the_limit_is_read_whole(client):
    def chunks():
        yield b'{"amount": "1.00",'
        yield b' "currency": "EUR"}'

    answer = client.post("/small", content=chunks())
    assert answer.status_code == 200
    assert answer.json() == {"amount": "1.00"}


@pytest.mark.parametrize("length", [b"abc", b"\xb2", b"-1", b"1, 1"])
def test_a_content_length_that_is_no_number_answers_400(client, length):
    """\xb2 is the latin-1 superscript two, a digit to str.isdigit but no number."""
    answer = client.post("/small", content=b"{}", headers={"Content-Length": length})
    assert answer.status_code == 400
    assert answer.json()["detail"][0]["type"] == "invalid_content_length"


def test_the_limits_of_a_route_are_read_when_it_is_declared():
    with pytest.raises(sr.ValidationError, match="max_bytes"):
        body(sr.Money, max_bytes=0)
    with pytest.raises(sr.ValidationError, match="max_errors"):
        body(sr.Money, max_errors=0)


def test_max_errors_caps_the_items_of_a_route(client):
    answer = client.post("/small", content=b'{"amount": 1.5, "currency": "euro"}')
    assert [item["type"] for item in answer.json()["detail"]] == [
        "float_money",
        "too_many_errors",
    ]


def test_a_users_class_around_a_portfolio_is_read_and_its_problems_located(client):
    ok = client.post("/uploads", json={"tenant": "acme", "portfolio": json.loads(SAMPLE)})
    assert ok.json() == {"tenant": "acme", "customers": 4}
    bad = client.post("/uploads", json={"tenant": 7, "portfolio": {"as_of": "soon"}})
    assert [item["loc"] for item in bad.json()["detail"]] == [
        ["body", "tenant"],
        ["body", "portfolio", "as_of"],
    ]
    refused = client.post("/uploads", json={"tenant": "nobody", "portfolio": {}})
    assert refused.status_code == 422
    assert refused.json()["detail"] == [
        {"type": "unknown", "loc": ["body", "tenant"], "msg": "got 'nobody'"}
    ]


def test_unknown_routes_and_methods_answer_error_items(client):
    nowhere = client.get("/nowhere")
    assert nowhere.status_code == 404
    assert nowhere.json()["detail"][0]["type"] == "unknown_route"
    wrong = client.delete("/portfolios")
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "POST"
    assert wrong.json()["detail"][0] == {
        "type": "method_not_allowed",
        "loc": ["method"],
        "msg": "got DELETE /portfolios; expected POST",
        "ctx": {
            "template": "http.no_method",
            "params": {"method": "DELETE", "path": "/portfolios", "allowed": "POST"},
        },
    }
    assert client.get("/plain").json() == {"ok": True}


def test_the_openapi_document_is_valid_and_its_references_resolve(client):
    """openapi-core resolves every reference: a good body passes, a bad one names its item."""
    document = client.get("/openapi.json").json()
    validate(document)
    operation = document["paths"]["/portfolios"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "type": "object",
        "$ref": "#/components/schemas/Portfolio",
    }
    assert set(operation["responses"]) >= {"200", "413", "422"}
    assert "/hidden" not in document["paths"]
    schemas = document["components"]["schemas"]
    assert {"Portfolio", "Money", "Report", "Finding", "Upload"} <= set(schemas)
    api = OpenAPI.from_dict(document)
    api.validate_request(MockRequest("http://test", "post", "/portfolios", data=SAMPLE.decode()))
    data = json.loads(SAMPLE)
    data["plans"][0]["product_targets"][0]["revenue"]["currency"] = "ABC"
    with pytest.raises(InvalidRequestBody) as caught:
        api.validate_request(
            MockRequest("http://test", "post", "/portfolios", data=json.dumps(data))
        )
    paths = [list(e.absolute_path) for e in caught.value.__cause__.schema_errors]
    assert paths == [["plans", 0, "product_targets", 0, "revenue", "currency"]]


def test_a_json_schema_pasted_into_openapi_does_not_resolve_which_is_why_components_exist(
    client,
):
    """What the issue found: #/$defs/... points at the document's root, where nothing is."""
    document = client.get("/openapi.json").json()
    body_schema = document["paths"]["/portfolios"]["post"]["requestBody"]["content"]
    body_schema["application/json"]["schema"] = sr.json_schema(sr.Portfolio)
    api = OpenAPI.from_dict(document)
    with pytest.raises(Unresolvable, match="does not exist"):
        api.validate_request(
            MockRequest("http://test", "post", "/portfolios", data=SAMPLE.decode())
        )


def test_a_name_taken_by_another_schema_is_refused():
    app = make_app()
    app.openapi()["components"]["schemas"]["Money"] = {"type": "string"}  # the cached document
    with pytest.raises(TypeError, match="another schema called 'Money'"):
        app.openapi()


def test_other_http_errors_keep_fastapis_answer():
    from fastapi import HTTPException

    app = FastAPI()
    install(app)

    @app.get("/teapot")
    def teapot() -> None:
        raise HTTPException(418, detail="short and stout")

    assert TestClient(app).get("/teapot").json() == {"detail": "short and stout"}
