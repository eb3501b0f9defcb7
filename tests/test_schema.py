"""json_schema agrees with the validator: what one refuses, the other refuses."""

import copy
import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import salesroles as sr
from salesroles._wire.fields import wire_classes
from salesroles.testing import sample_portfolio
from test_convert import STRATEGIES

CLASSES = [*wire_classes(), sr.Cadence, sr.Role, sr.Responsibility]
# What a schema cannot say; the library checks it alone.
SEMANTIC = {
    "invalid_period",
    "invalid_cadence",
    "duplicate_product",
    "currency_mismatch",
    "duplicate_id",
    "duplicate_key_account",
    "dangling_reference",
    "wrong_reference",
}


def _validator(cls) -> Draft202012Validator:
    return Draft202012Validator(
        sr.json_schema(cls), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _refused(cls, data) -> tuple[bool, set[str]]:
    """(whether the schema refuses, the codes the library refuses with)."""
    schema_says_no = not _validator(cls).is_valid(data)
    try:
        sr.structure(data, cls)
    except sr.ValidationError as e:
        return schema_says_no, {item.code for item in e.errors}
    return schema_says_no, set()


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_each_schema_is_a_valid_draft_2020_12_schema(cls):
    schema = sr.json_schema(cls)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert json.loads(json.dumps(schema)) == schema


def test_the_portfolio_schema_refuses_unknown_keys_everywhere():
    schema = sr.json_schema(sr.Portfolio)
    objects = [schema, *schema["$defs"].values()]
    assert all(o["additionalProperties"] is False for o in objects)
    beside = {"Portfolio", "ExchangeRates", "ExchangeRate"}  # the rates travel beside it
    assert set(schema["$defs"]) == {c.__name__ for c in wire_classes()} - beside
    customer = schema["$defs"]["Customer"]
    assert customer["required"] == ["id", "name", "segment", "status"]
    stakeholder = schema["$defs"]["Stakeholder"]["properties"]["influence"]
    assert stakeholder == {"type": ["integer", "null"], "minimum": 1, "maximum": 5}


@pytest.mark.parametrize(
    "cls", [c for c in STRATEGIES if c is not sr.Cadence], ids=lambda c: c.__name__
)
def test_what_the_library_writes_the_schema_accepts(cls):
    @given(STRATEGIES[cls])
    def check(obj):
        _validator(cls).validate(sr.unstructure(obj))

    check()


def test_the_sample_portfolio_and_the_wire_format_example_are_valid():
    _validator(sr.Portfolio).validate(sr.unstructure(sample_portfolio()))
    _validator(sr.Cadence).validate("FREQ=MONTHLY;BYDAY=+1TU")
    _validator(sr.Role).validate("sales_rep")


# (class, payload) that both must refuse: one per kind of check a schema can make.
MONEY = {"amount": "1.00", "currency": "EUR"}
RATE = {"source": "CHF", "target": "EUR", "rate": "0.95", "valid_from": "2026-01-01"}
PERIOD = {"start": "2026-01-01", "end": "2026-12-31"}
STAKEHOLDER = {"id": "S", "customer": "C", "name": "Eva", "buying_role": "user"}
BOTH_REFUSE = [
    (sr.Money, {"amount": "1.00"}),
    (sr.Money, MONEY | {"colour": "red"}),
    (sr.Money, {"amount": 1.5, "currency": "EUR"}),
    (sr.Money, {"amount": "1e3", "currency": "EUR"}),
    (sr.Money, {"amount": "1.", "currency": "EUR"}),
    (sr.Money, {"amount": "12\n", "currency": "EUR"}),
    (sr.Money, {"amount": True, "currency": "EUR"}),
    (sr.Money, {"amount": "1", "currency": "EURO"}),
    (sr.Money, {"amount": "1", "currency": "EUR\n"}),
    (sr.Money, {"amount": "1", "currency": "eur"}),
    (sr.Money, ["1", "EUR"]),
    (sr.Period, {"start": "2026-02-30", "end": "2026-12-31"}),
    (sr.Period, {"start": "20260101", "end": "2026-12-31"}),
    (sr.Period, {"start": "2026-01-01\n", "end": "2026-12-31"}),
    (sr.Period, {"start": None, "end": "2026-12-31"}),
    (sr.Stakeholder, STAKEHOLDER | {"influence": 0}),
    (sr.Stakeholder, STAKEHOLDER | {"influence": 6}),
    (sr.Stakeholder, STAKEHOLDER | {"influence": 4.7}),
    (sr.Stakeholder, STAKEHOLDER | {"influence": True}),
    (sr.Stakeholder, STAKEHOLDER | {"influence": "4"}),
    (sr.Stakeholder, STAKEHOLDER | {"name": 12345}),
    (sr.Stakeholder, STAKEHOLDER | {"name": ""}),
    (sr.Stakeholder, STAKEHOLDER | {"name": " \t"}),
    (sr.Stakeholder, STAKEHOLDER | {"buying_role": "boss"}),
    (sr.Stakeholder, STAKEHOLDER | {"relationship": "friends"}),
    (sr.Customer, {"id": "C", "name": "N", "segment": "large", "status": "active"} | {
        "growth_potential": "1.5"}),
    (sr.Customer, {"id": "C", "name": "N", "segment": "large", "status": "active"} | {
        "share_of_wallet": "-0.1"}),
    (sr.Customer, {"id": "C", "name": "N", "segment": "large", "status": "active"} | {
        "share_of_wallet": 2}),
    (sr.Customer, {"id": "C", "name": "N", "segment": "large", "status": "active"} | {
        "growth_potential": 1.5}),
    (sr.Customer, {"id": "C", "name": "N", "segment": "large", "status": "active"} | {
        "share_of_wallet": -0.25}),
    (sr.Customer, {"id": "C", "name": "N", "segment": "large", "status": "active"} | {
        "share_of_wallet": "0." + "1" * 40}),
    (sr.Customer, {"id": "C", "name": "N", "segment": "large", "status": "active"} | {
        "share_of_wallet": True}),
    (sr.SupplyContract, {"id": "K", "customer": "C", "start": "2026-01-01", "term_months": 0}),
    (sr.SupplyContract, {"id": "K", "customer": "C", "start": "2026-01-01", "term_months": 3,
                         "products": "abc"}),
    (sr.SupplyContract, {"id": "K", "customer": "C", "start": "2026-01-01", "term_months": 3,
                         "products": ["P", ""]}),
    (sr.CommunicationPlan, {"cadence": 5}),
    (sr.CommunicationPlan, {"cadence": "FREQ=DAILY", "with_marketing": "yes"}),
    (sr.Portfolio, {"customers": {}}),
    (sr.Portfolio, {"as_of": "27.11.2026"}),
    (sr.Role, "boss"),
    (sr.Cadence, ""),
    (sr.ExchangeRate, RATE | {"rate": "0"}),
    (sr.ExchangeRate, RATE | {"rate": "0.000"}),
    (sr.ExchangeRate, RATE | {"rate": "-0.95"}),
    (sr.ExchangeRate, RATE | {"rate": 0.95}),
    (sr.ExchangeRate, RATE | {"rate": 0}),
    (sr.ExchangeRate, RATE | {"target": "EURO"}),
    (sr.ExchangeRate, {"source": "CHF", "target": "EUR", "rate": "0.95"}),
    (sr.ExchangeRates, {"rates": [RATE], "base": "euro"}),
    (sr.ExchangeRates, {"rates": RATE}),
]  # fmt: skip


@pytest.mark.parametrize(("cls", "payload"), BOTH_REFUSE)
def test_the_schema_and_the_library_refuse_the_same_bad_payloads(cls, payload):
    schema_says_no, codes = _refused(cls, payload)
    assert schema_says_no
    assert codes


@pytest.mark.parametrize(
    ("cls", "payload"),
    [
        (sr.Money, {"amount": "12", "currency": "EUR"}),
        (sr.Money, {"amount": 12, "currency": "EUR"}),
        (sr.Money, {"amount": "-0.001", "currency": "EUR"}),
        (sr.Customer, {"id": "C", "name": "N", "segment": "large", "status": "active",
                       "growth_potential": "-1", "share_of_wallet": "1.000"}),
        (sr.Customer, {"id": "C", "name": "N", "segment": "large", "status": "active",
                       "growth_potential": "00.5", "share_of_wallet": "-0.00"}),
        (sr.Customer, {"id": "C", "name": "N", "segment": "large", "status": "active",
                       "growth_potential": 1, "share_of_wallet": 0, "since": None}),
        (sr.Customer, {"id": "C", "name": "N", "segment": "large", "status": "active",
                       "growth_potential": -0.15, "share_of_wallet": 0.4}),
        (sr.Customer, {"id": "C", "name": "N", "segment": "large", "status": "active",
                       "growth_potential": 1.0, "share_of_wallet": 1e-5}),
        (sr.KeyAccount, {"customer": "C", "threats": None, "manager": None}),
        (sr.ExchangeRate, RATE | {"rate": "000.5"}),
        (sr.ExchangeRate, RATE | {"rate": "10"}),
        (sr.ExchangeRate, RATE | {"rate": 2}),
        (sr.ExchangeRates, {"rates": [RATE], "base": "EUR"}),
    ],
)  # fmt: skip
def test_the_schema_and_the_library_accept_the_same_edge_cases(cls, payload):
    assert _refused(cls, payload) == (False, set())


def test_what_only_the_library_can_check_passes_the_schema():
    data = sr.unstructure(sample_portfolio())
    data["plans"][0]["owner"] = "nobody"
    data["plans"][0]["period"]["end"] = "2025-01-01"
    data["products"].append(copy.deepcopy(data["products"][0]))
    data["team"][0]["name"] = "Ann \ud800"
    schema_says_no, codes = _refused(sr.Portfolio, data)
    assert not schema_says_no
    assert codes == {"dangling_reference", "invalid_period", "duplicate_id", "invalid_text"}


def _fits_the_wire(number: float) -> bool:
    """Whether the decimal of *number* is at most 32 characters written out (no 1e-300)."""
    return len(format(Decimal(repr(number)), "f")) <= 32


_ASCII = st.text(st.characters(min_codepoint=0, max_codepoint=127), max_size=12)
_JUNK = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-10, 10)
    | st.floats(allow_nan=False).filter(lambda f: not f.is_integer() and _fits_the_wire(f))
    | _ASCII
    | st.sampled_from(["2026-01-01", "2026-02-30", "1.5", "-0", "EUR", "large", "FREQ=DAILY"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_ASCII, inner, max_size=3),
    max_leaves=8,
)


def _spots(data):
    if isinstance(data, dict):
        for key, value in data.items():
            yield data, key
            yield from _spots(value)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield data, i
            yield from _spots(value)


SAMPLE = sr.unstructure(sample_portfolio())
SPOTS = len(list(_spots(SAMPLE)))


@given(st.integers(0, SPOTS - 1), _JUNK, st.booleans())
def test_a_payload_with_junk_anywhere_is_judged_alike(index, junk, add_key):
    """Schema refuses => library refuses; library refuses a shape => schema refuses.

    (Integral floats such as 4.0, floats of more than 32 characters written out
    (1e-300) and non-ASCII digits are left out of the junk: JSON Schema cannot
    tell 4.0 from 4 nor count a number's characters, and the model reads digits
    of any script.)
    """
    data = copy.deepcopy(SAMPLE)
    container, key = list(_spots(data))[index]
    if add_key and isinstance(container, dict):
        container["extra_key"] = junk
    else:
        container[key] = junk
    schema_says_no, codes = _refused(sr.Portfolio, data)
    if schema_says_no:
        assert codes
    if codes - SEMANTIC:
        assert schema_says_no


def test_a_fraction_takes_any_json_number_and_an_amount_no_float():
    customer = sr.json_schema(sr.Customer)["properties"]
    growth, share = (customer[name] for name in ("growth_potential", "share_of_wallet"))
    assert growth["type"] == share["type"] == ["string", "number", "null"]
    assert (growth["minimum"], growth["maximum"]) == (-1, 1)
    assert (share["minimum"], share["maximum"]) == (0, 1)
    assert "number" not in json.dumps(sr.json_schema(sr.Money)["properties"]["amount"])
