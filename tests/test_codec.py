"""JSON text: the fast extra reads it, and the objects write it, as the standard library does."""

from __future__ import annotations

import json
import math
import os
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import salesroles as sr
from salesroles import testing as srt
from salesroles._wire import codec
from salesroles._wire.api import _read_json
from salesroles._wire.structure import JsonFloat

pytest.importorskip("msgspec")


@pytest.fixture(autouse=True)
def _restored():
    """Every test here leaves msgspec on or off as the run set it (see conftest.py)."""
    was = codec.in_use()
    yield
    codec.use_msgspec(on=was)


def test_the_suite_runs_on_the_json_the_environment_asks_for():
    pure = os.environ.get("SALESROLES_PURE_JSON", "") not in {"", "0"}
    assert codec.in_use() is not pure


@pytest.fixture
def each_way():
    """Run a function on msgspec and on the standard library; restore the setting after."""
    was = codec.in_use()

    def run(fn: Any) -> tuple[Any, Any]:
        results = []
        for on in (True, False):
            codec.use_msgspec(on=on)
            try:
                results.append(("ok", fn()))
            except sr.ValidationError as e:
                results.append(("error", e.errors))
        return results[0], results[1]

    yield run
    codec.use_msgspec(on=was)


def _same(a: Any, b: Any) -> bool:
    """Equal data, a JSON float compared by its text (NaN is no equal of itself)."""
    if type(a) is not type(b):
        return False
    if type(a) is JsonFloat:
        return a.text == b.text
    if type(a) is dict:
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if type(a) is list:
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b or (type(a) is float and math.isnan(a) and math.isnan(b))


_KEYS = st.sampled_from(["a", "b", "a:b", "\u00e4", "id", ":"]) | st.text(max_size=4)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=6)
    | st.sampled_from(["\ud800", "x:y", "\u2028", '"', "\\"])
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=20,
)


def _texts(value: Any, ensure_ascii: bool, compact: bool) -> str:
    separators = (",", ":") if compact else (", ", ": ")
    return json.dumps(value, ensure_ascii=ensure_ascii, separators=separators)


_EDGES = [
    '{"a":1,"a":2}',
    '{"a":1,"\\u0061":2}',
    '{"a\\u003ab":1}',
    '{"a:b":1,"a:b":2}',
    '{"x":{"y":[{"z":1,"z":1}]}}',
    "NaN",
    "[1e400, -0.0, 1.50, 2E-3]",
    '"\\ud800"',
    "\ufeff{}",
    "1" * 5000,
    "[1,]",
    "[" * 100_000,
    '{"a": 1} x',
    " ",
]


@settings(max_examples=300)
@given(_VALUES, st.booleans(), st.booleans(), st.booleans())
def test_what_msgspec_reads_is_what_the_standard_library_reads(value, ascii_, compact, as_bytes):
    text = _texts(value, ascii_, compact)
    document: Any = text.encode("utf-8", "surrogatepass") if as_bytes else text
    codec.use_msgspec(on=True)
    try:
        data = codec.read(document)
    finally:
        codec.use_msgspec(on=False)
    if data is not codec.NOT_READ:
        expected, repeated = _read_json(text)
        assert not repeated
        assert _same(data, expected)


@pytest.mark.parametrize("text", _EDGES)
def test_edge_documents_read_alike_or_go_to_the_standard_library(text, each_way):
    fast, pure = each_way(lambda: sr.structure_json(text, sr.Money))
    assert fast == pure


@settings(max_examples=200)
@given(
    st.dictionaries(
        st.sampled_from(["amount", "currency", "extra", "amount"]),
        _SCALARS | st.sampled_from(["12.50", "EUR", "1e3"]),
    ),
    st.integers(0, 2),
)
def test_every_answer_about_a_document_is_the_same_either_way(fields, repeat):
    text = json.dumps(fields)
    if repeat and fields:
        # A key repeated inside the object: the answer names it, either way.
        key = next(iter(fields))
        text = text[:-1] + f", {json.dumps(key)}: {json.dumps(fields[key])}" * repeat + "}"
    results = []
    for on in (True, False):
        codec.use_msgspec(on=on)
        try:
            results.append(("ok", sr.structure_json(text, sr.Money)))
        except sr.ValidationError as e:
            results.append(("error", e.errors))
    codec.use_msgspec(on=False)
    assert results[0] == results[1]


@settings(max_examples=40)
@given(srt.portfolios())
def test_what_either_way_writes_reads_back_alike(portfolio):
    was = codec.in_use()
    try:
        codec.use_msgspec(on=True)
        fast = sr.unstructure_json(portfolio)
        back = sr.structure_json(fast.encode(), sr.Portfolio)
        codec.use_msgspec(on=False)
        assert fast == sr.unstructure_json(portfolio)
        assert back == sr.structure_json(fast, sr.Portfolio) == portfolio
    finally:
        codec.use_msgspec(on=was)


def test_a_generated_portfolio_reads_and_writes_alike(each_way):
    text = sr.unstructure_json(srt.generate_portfolio(30, seed=2))
    assert each_way(lambda: sr.unstructure_json(sr.structure_json(text, sr.Portfolio))) == (
        ("ok", text),
        ("ok", text),
    )


def test_a_refused_generated_portfolio_names_the_same_problems(each_way):
    data = sr.unstructure(srt.generate_portfolio(10, seed=2))
    data["customers"][0]["name"] = ""
    data["plans"][0]["owner"] = "nobody"
    data["orders"][0]["amount"] = {"amount": 1.5, "currency": "EUR"}
    text = json.dumps(data)
    fast, pure = each_way(lambda: sr.structure_json(text, sr.Portfolio))
    assert fast == pure
    assert fast[0] == "error"
    assert {item.code for item in fast[1]} >= {"dangling_reference", "float_money"}


def test_msgspec_reads_when_installed_and_can_be_switched_off():
    was = codec.in_use()
    codec.use_msgspec(on=True)
    assert codec.in_use()
    assert codec.read(b'{"a": [1.50]}')["a"][0].text == "1.50"
    codec.use_msgspec(on=False)
    assert codec.read(b'{"a": 1}') is codec.NOT_READ
    codec.use_msgspec(on=was)


# -- JSON text written straight from the objects, on the default install --


def _dumped(obj: Any) -> str:
    return json.dumps(sr.unstructure(obj), ensure_ascii=False, separators=(",", ":"))


_OBJECTS = st.one_of(
    srt.portfolios(),
    srt.customers(),
    srt.account_plans(),
    srt.key_accounts(),
    srt.supply_contracts(),
    srt.orders(),
    srt.deals(),
    srt.leads(),
    srt.stakeholders(),
    srt.team_members(),
    srt.revenue_targets(),
    srt.assignments(),
    srt.money(),
    srt.periods(),
)


@settings(max_examples=200)
@given(_OBJECTS)
def test_text_written_from_the_objects_is_what_json_dumps_writes(obj):
    was = codec.in_use()
    codec.use_msgspec(on=False)
    try:
        assert sr.unstructure_json(obj) == _dumped(obj)
    finally:
        codec.use_msgspec(on=was)


@given(
    st.text(min_size=1) | st.sampled_from(['"quoted"', "back\\slash", "tab\tnew\nline", "\u2028"])
)
def test_every_name_is_escaped_as_json_dumps_escapes_it(name):
    try:
        member = sr.TeamMember(id="m", name=name, role="sales_rep")
    except sr.ValidationError:
        return
    was = codec.in_use()
    codec.use_msgspec(on=False)
    try:
        assert sr.unstructure_json(member) == _dumped(member)
        # An amount whose str() has an exponent is written without one, as json.dumps has it.
        thousand = sr.Money(amount=Decimal("1E+3"), currency="EUR")
        assert (
            sr.unstructure_json(thousand)
            == _dumped(thousand)
            == ('{"amount":"1000","currency":"EUR"}')
        )
    finally:
        codec.use_msgspec(on=was)


# -- JSON text written on msgspec, from Struct twins of the objects --


@settings(max_examples=200)
@given(_OBJECTS)
def test_text_written_on_msgspec_is_the_default_paths_text(obj):
    was = codec.in_use()
    try:
        codec.use_msgspec(on=True)
        fast = sr.unstructure_json(obj)
        codec.use_msgspec(on=False)
        assert fast == sr.unstructure_json(obj) == _dumped(obj)
    finally:
        codec.use_msgspec(on=was)


@given(
    st.text(min_size=1)
    | st.sampled_from(['"quoted"', "back\\slash", "tab\tnew\nline", "\u2028", "\x7f", "a\ud800"])
)
def test_every_name_is_escaped_on_msgspec_as_json_dumps_escapes_it(name):
    try:
        member = sr.TeamMember(id="m", name=name, role="sales_rep", title=name)
    except sr.ValidationError:
        return
    was = codec.in_use()
    codec.use_msgspec(on=True)
    try:
        # A lone surrogate, which msgspec refuses, is written by the default path.
        assert sr.unstructure_json(member) == _dumped(member)
        thousand = sr.Money(amount=Decimal("1E+3"), currency="EUR")
        tiny = sr.Money(amount=Decimal("0.00000001"), currency="EUR")
        assert sr.unstructure_json(thousand) == _dumped(thousand)
        assert (
            sr.unstructure_json(tiny)
            == _dumped(tiny)
            == '{"amount":"0.00000001","currency":"EUR"}'
        )
    finally:
        codec.use_msgspec(on=was)


def test_every_wire_class_has_a_twin():
    from salesroles._wire.fields import wire_classes
    from salesroles._wire.twins import twin_function

    assert all(twin_function(cls) is not None for cls in wire_classes())


# -- the standard library's reading: the hook that finds repeated keys only when one may be --

_TRICKY = st.sampled_from(["a", "b", "a:b", '":', '" :', "\\", ":", "x\t:", "\u00e4"])
_SPACE = st.sampled_from(["", " ", "\t", "\n", "\r", "  "])


@st.composite
def _objects_as_text(draw: Any, depth: int = 2) -> str:
    """A JSON object written by hand: keys may repeat, strings hold colons and quotes."""
    pairs = []
    for _ in range(draw(st.integers(0, 4))):
        key = json.dumps(draw(_TRICKY | st.text(max_size=3)))
        if depth and draw(st.booleans()):
            value = draw(_objects_as_text(depth - 1))
        else:
            value = json.dumps(draw(_TRICKY | st.text(max_size=3) | st.integers()))
        pairs.append(f"{key}{draw(_SPACE)}:{draw(_SPACE)}{value}")
    return "{" + ",".join(pairs) + "}"


def _repeats(text: str) -> bool:
    found = []

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found.append(len(dict(pairs)) != len(pairs))
        return dict(pairs)

    json.loads(text, object_pairs_hook=build)
    return any(found)


@settings(max_examples=500)
@given(_objects_as_text())
def test_a_document_is_read_without_the_hook_only_when_it_repeats_no_key(text):
    from salesroles._wire.api import _REPEATS_POSSIBLE, _read_unrepeated

    data = _read_unrepeated(text)
    if _repeats(text):
        assert data is _REPEATS_POSSIBLE
        assert _read_json(text)[1]  # and the hook names the repeated key
    elif data is not _REPEATS_POSSIBLE:
        assert data == json.loads(text)
        assert _read_json(text) == (data, [])


def test_a_repeated_key_is_caught_whatever_the_strings_hold():
    # Each text holds as many colons outside keys as it repeats keys.
    for text in ['{"a": "x:", "a": 1}', '{"a" : "x\\":", "a": 1}', '{"a\\u003a":1,"a\\u003a":2}']:
        assert [item.code for item in _read_json(text)[1]] == ["duplicate_key"]


# -- documents read into Struct twins (the fast extra) --

_TWINNED = {
    sr.Customer: srt.customers(),
    sr.Order: srt.orders(),
    sr.AccountPlan: srt.account_plans(),
    sr.KeyAccount: srt.key_accounts(),
    sr.SupplyContract: srt.supply_contracts(),
    sr.Money: srt.money(),
}
_CHANGES = st.sampled_from(
    ["none", "null", "drop", "unknown", "scalar", "list", "object", "repeat"]
)


def _objects_in(data: Any) -> list[dict[str, Any]]:
    """Every object of a document, outermost first."""
    found = []
    stack = [data]
    while stack:
        value = stack.pop()
        if type(value) is dict:
            found.append(value)
            stack.extend(value.values())
        elif type(value) is list:
            stack.extend(value)
    return found


def _changed(data: dict[str, Any], change: str, draw: Any) -> str:
    """The JSON text of *data* with *change* made to one of its objects."""
    objects = _objects_in(data)
    target = draw(st.sampled_from(objects))
    key = draw(st.sampled_from(sorted(target))) if target else "id"
    if change == "null":
        target[key] = None
    elif change == "drop":
        target.pop(key, None)
    elif change == "unknown":
        target["unknown"] = draw(_SCALARS)
    elif change == "scalar":
        target[key] = draw(_SCALARS | st.sampled_from(["1e3", "0.11", "2026-02-30", " ", "EUR"]))
    elif change == "list":
        target[key] = []
    elif change == "object":
        target[key] = {}
    text = json.dumps(data)
    if change == "repeat" and target:
        # The repeated key goes into the chosen object: the last object of its text.
        marker = json.dumps(target)
        head, sep, tail = text.rpartition(marker)
        twice = marker[:-1] + f", {json.dumps(key)}: {json.dumps(target[key])}" + "}"
        text = head + twice + tail if sep else text
    return text


@settings(max_examples=400)
@given(
    st.sampled_from(sorted(_TWINNED, key=lambda c: c.__name__)), _CHANGES, st.booleans(), st.data()
)
def test_a_document_read_into_twins_gets_the_answer_it_gets_as_dicts(cls, change, forbid, data):
    obj = data.draw(_TWINNED[cls])
    text = _changed(sr.unstructure(obj), change, data.draw)
    results = []
    for on in (True, False):
        codec.use_msgspec(on=on)
        try:
            results.append(("ok", sr.structure_json(text, cls, forbid_extra_keys=forbid)))
        except sr.ValidationError as e:
            results.append(("error", e.errors))
    assert results[0] == results[1]
    if change == "none":
        assert results[0] == ("ok", obj)


def test_a_valid_document_is_built_from_its_twins_with_nulls_and_floats_as_sent():
    codec.use_msgspec(on=True)
    text = (
        '{"id": "C-1", "name": "ACME", "segment": "large", "status": "active", "since": null,'
        ' "annual_revenue": null, "growth_potential": 0.11, "share_of_wallet": "0.5"}'
    )
    built = codec.read_object(text, sr.Customer, True)
    assert built is not codec.NOT_READ
    assert built.growth_potential == Decimal("0.11")
    assert built.since is None
    assert built.annual_revenue is None
    codec.use_msgspec(on=False)
    assert sr.structure_json(text, sr.Customer) == built


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('{"amount": "1.00", "currency": "EUR", "currency": "USD"}', "a repeated key"),
        ('{"amount": "1.00", "currency": "EUR", "extra": 1}', "an unknown key"),
        ('{"amount": 1.5, "currency": "EUR"}', "a float amount"),
        ('{"amount": "1.00"}', "a missing key"),
        ('{"amount": "1e3", "currency": "EUR"}', "an exponent"),
    ],
)
def test_a_document_the_twins_cannot_build_is_left_to_the_dicts(text, why):
    codec.use_msgspec(on=True)
    assert codec.read_object(text, sr.Money, True) is codec.NOT_READ, why
    with pytest.raises(sr.ValidationError):
        sr.structure_json(text, sr.Money)


def test_a_generated_portfolio_is_read_into_twins_and_its_lists_let_go_of():
    codec.use_msgspec(on=True)
    portfolio = srt.generate_portfolio(20, seed=3)
    text = sr.unstructure_json(portfolio)
    assert codec.read_object(text, sr.Portfolio, True) == portfolio
    twin = codec.read_object.__globals__["_state"]["typed"].decoder(sr.Portfolio, True)(
        text.encode()
    )
    from salesroles._wire.typed import build

    assert build(twin, sr.Portfolio, True) == portfolio
    # Each list of twins was let go of as soon as its objects were built.
    assert twin.orders is None
    assert twin.customers is None
