"""The quick ways through the library: taken whenever they may be, and never a different answer."""

from __future__ import annotations

import gc
import json
import types
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

import salesroles as sr
from salesroles import testing as srt
from salesroles._model.references import (
    _REFERENCES,
    COLLECTIONS,
    owned_ids,
    reference_problems,
    references_hold,
)
from salesroles._wire import api as wire_api
from salesroles._wire import structure as wire_structure


def _no_detailed_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: Any) -> Any:
        raise AssertionError("the detailed walk ran on a valid document")

    monkeypatch.setattr(wire_structure, "_detailed", refuse)


def test_a_valid_generated_portfolio_takes_the_generated_path(monkeypatch):
    portfolio = srt.generate_portfolio(40, seed=3)
    data = sr.unstructure(portfolio)
    _no_detailed_walk(monkeypatch)
    assert sr.structure(data, sr.Portfolio) == portfolio
    assert sr.structure_json(sr.unstructure_json(portfolio), sr.Portfolio) == portfolio


@settings(max_examples=40)
@given(srt.portfolios())
def test_every_valid_portfolio_takes_the_generated_path(portfolio):
    data = sr.unstructure(portfolio)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _no_detailed_walk(monkeypatch)
        assert sr.structure(data, sr.Portfolio) == portfolio


# -- the quick answer of the reference checks agrees with the full one --

_REFERENCE_FIELDS = {
    "leads": ("owner",),
    "key_accounts": ("customer", "manager"),
    "stakeholders": ("customer",),
    "plans": ("account", "owner"),
    "contracts": ("customer", "negotiated_by"),
    "orders": ("customer", "placed_by", "administered_by"),
    "deals": ("customer", "owner"),
    "targets": ("owner", "set_by"),
    "assignments": ("member", "subject"),
}


def _collections(portfolio: sr.Portfolio) -> dict[str, list[Any]]:
    return {name: list(getattr(portfolio, name)) for name in COLLECTIONS}


@settings(max_examples=150)
@given(st.integers(0, 2**16), st.data())
def test_the_quick_reference_check_agrees_with_the_full_one(seed, data):
    portfolio = srt.generate_portfolio(6, seed=seed, defects=0.0)
    collections = _collections(portfolio)
    every_id = [None, *sorted({i for _, i, _ in _owned(collections)} | {"nobody"})]
    for _ in range(data.draw(st.integers(0, 2))):
        name = data.draw(st.sampled_from(sorted(COLLECTIONS)))
        if not collections[name]:
            continue
        i = data.draw(st.integers(0, len(collections[name]) - 1))
        # An id too: a copy of another makes it held twice.
        fields = _REFERENCE_FIELDS.get(name, ()) + (
            () if name in {"key_accounts", "assignments"} else ("id",)
        )
        field = data.draw(st.sampled_from(fields))
        value = data.draw(st.sampled_from(every_id))
        if value is None and not _optional(collections[name][i], field):
            continue
        collections[name][i] = attrs.evolve(collections[name][i], **{field: value})
    # The quick check reads attributes, as it does of a portfolio.
    shaped = types.SimpleNamespace(**{k: tuple(v) for k, v in collections.items()})
    assert references_hold(shaped) == (not reference_problems(collections))


def _owned(collections: dict[str, list[Any]]) -> list[tuple[str, str, str]]:
    return [owned for items in collections.values() for x in items for owned in owned_ids(x)]


def _optional(item: Any, field: str) -> bool:
    return attrs.fields_dict(type(item))[field].default is None


def test_the_quick_reference_check_reads_nested_references():
    portfolio = srt.sample_portfolio()
    collections = _collections(portfolio)
    plan = collections["plans"][0]
    assert plan.communication is not None
    assert plan.product_targets
    broken = [
        attrs.evolve(plan, communication=attrs.evolve(plan.communication, stakeholders=("x",))),
        attrs.evolve(
            plan,
            product_targets=(attrs.evolve(plan.product_targets[0], product="nope"),),
        ),
    ]
    assert references_hold(portfolio)
    for wrong in broken:
        collections["plans"][0] = wrong
        shaped = types.SimpleNamespace(**{k: tuple(v) for k, v in collections.items()})
        assert reference_problems(collections)
        assert not references_hold(shaped)


# -- the contract's end year, by integer arithmetic --


@given(
    st.dates(min_value=date(9800, 1, 1)) | st.dates(),
    st.integers(1, 1200),
)
def test_a_contract_ends_by_9999_exactly_when_relativedelta_can_say_when(start, term):
    try:
        start + relativedelta(months=term)
    except ValueError:
        fits = False
    else:
        fits = True
    try:
        sr.SupplyContract(id="K", customer="C", start=start, term_months=term)
    except sr.ValidationError as e:
        assert not fits
        assert [item.code for item in e.errors] == ["out_of_range"]
    else:
        assert fits


# -- the collector's pause --


def test_the_collector_is_paused_while_a_document_is_read_and_restored_after():
    seen: list[bool] = []

    def spy(original: Any) -> Any:
        def spied(*args: Any) -> Any:
            seen.append(gc.isenabled())
            return original(*args)

        return spied

    with pytest.MonkeyPatch.context() as monkeypatch:
        for name in ("structure_object", "structure_consuming"):
            monkeypatch.setattr(wire_api, name, spy(getattr(wire_api, name)))
        # With the fast extra, a document is read into Struct twins first.
        monkeypatch.setattr(wire_api.codec, "read_object", spy(wire_api.codec.read_object))
        assert gc.isenabled()
        sr.structure_json('{"amount": "1.00", "currency": "EUR"}', sr.Money)
        assert gc.isenabled()
        with pytest.raises(sr.ValidationError):
            sr.structure({"amount": 1.5, "currency": "EUR"}, sr.Money)
        assert gc.isenabled()
        gc.disable()
        try:
            sr.structure({"amount": "1.00", "currency": "EUR"}, sr.Money)
            assert not gc.isenabled()  # a caller's choice stays
        finally:
            gc.enable()
    # The document read into twins (and as dicts if the twins did not read it), two dicts.
    assert seen in ([False] * 3, [False] * 4)


def test_the_collector_is_paused_while_a_document_is_written_and_restored_after(monkeypatch):
    seen: list[bool] = []
    money = sr.Money(amount="1.00", currency="EUR")
    own = wire_api.unstructure_of(sr.Money)
    text_of = wire_api.text_function(sr.Money)

    def spied(obj: Any) -> Any:
        seen.append(gc.isenabled())
        return own(obj)

    def spied_text(obj: Any) -> Any:
        seen.append(gc.isenabled())
        return text_of(obj)

    monkeypatch.setattr(wire_api, "unstructure_of", lambda cls: spied)
    monkeypatch.setattr(wire_api, "text_function", lambda cls: spied_text)

    def spied_write(obj: Any) -> None:
        seen.append(gc.isenabled())  # and the default path writes it

    monkeypatch.setattr(wire_api.codec, "write", spied_write)
    assert sr.unstructure(money) == {"amount": "1.00", "currency": "EUR"}
    assert gc.isenabled()
    assert sr.unstructure_json(money) == '{"amount":"1.00","currency":"EUR"}'
    assert gc.isenabled()
    gc.disable()
    try:
        sr.unstructure(money)
        assert not gc.isenabled()  # a caller's choice stays
    finally:
        gc.enable()
    assert seen == [False, False, False, False]


def _replaced(obj: Any, path: str, value: Any) -> Any:
    """*obj* with the reference at *path* (``actions[0].responds_to``) set to *value*."""
    head, _, rest = path.partition(".")
    name, _, index = head.partition("[")
    current = getattr(obj, name)
    if index:
        i = int(index.rstrip("]"))
        element = _replaced(current[i], rest, value) if rest else value
        new = (*current[:i], element, *current[i + 1 :])
    else:
        new = _replaced(current, rest, value) if rest else value
    return attrs.evolve(obj, **{name: new})


@pytest.mark.parametrize("seed", [1, 2])
def test_the_quick_reference_check_sees_every_reference_the_full_one_knows(seed):
    # Each reference the full check reads (new ones included), made to name nothing.
    portfolio = srt.generate_portfolio(30, seed=seed, defects=0.0)
    collections = _collections(portfolio)
    seen = set()
    for name, cls in COLLECTIONS.items():
        refs = _REFERENCES.get(cls)
        for i, item in enumerate(collections[name] if refs else ()):
            for rel, ref, _ in refs(item):
                if ref is None:
                    continue
                broken = dict(collections)
                broken[name] = [*collections[name][:i], _replaced(item, rel, "nobody")]
                broken[name] += collections[name][i + 1 :]
                shaped = types.SimpleNamespace(**{k: tuple(v) for k, v in broken.items()})
                assert not references_hold(shaped), f"{name}[{i}].{rel}"
                seen.add((name, rel.split("[")[0].split(".")[0]))
    assert len(seen) >= 20


def test_the_quick_reference_check_sees_every_id_the_full_one_registers():
    # Each id an item brings in (new kinds included), made a copy of another id.
    portfolio = srt.generate_portfolio(30, seed=4, defects=0.0)
    collections = _collections(portfolio)
    other = portfolio.team[0].id
    # An id something refers to would dangle once replaced: only the others show the copy.
    referred = {
        ref
        for name, cls in COLLECTIONS.items()
        if cls in _REFERENCES
        for item in collections[name]
        for _, ref, _ in _REFERENCES[cls](item)
    }
    kinds = set()
    for name in COLLECTIONS:
        for i, item in enumerate(collections[name]):
            for rel, ident, kind in owned_ids(item):
                if ident == other or ident in referred:
                    continue
                broken = dict(collections)
                broken[name] = [*collections[name][:i], _replaced(item, rel, other)]
                broken[name] += collections[name][i + 1 :]
                shaped = types.SimpleNamespace(**{k: tuple(v) for k, v in broken.items()})
                assert not references_hold(shaped), f"{name}[{i}].{rel}"
                kinds.add(kind)
    assert len(kinds) >= 8


# -- structure_json takes its own parsed document apart as it builds --


def test_a_document_refused_late_is_read_again_and_every_problem_named():
    data = sr.unstructure(srt.generate_portfolio(12, seed=5))
    # The early collections are built (and taken out of the parsed document) before the
    # last one fails; the detailed path still sees the whole document.
    data["targets"][-1]["owner"] = "nobody"
    data["customers"][0]["segment"] = "huge"
    text = json.dumps(data)
    with pytest.raises(sr.ValidationError) as from_text:
        sr.structure_json(text, sr.Portfolio)
    with pytest.raises(sr.ValidationError) as from_dict:
        sr.structure(json.loads(text), sr.Portfolio)
    assert from_text.value.errors == from_dict.value.errors
    assert {item.path for item in from_text.value.errors} >= {
        "customers[0].segment",
        f"targets[{len(data['targets']) - 1}].owner",
    }


def test_structure_leaves_the_callers_dict_whole():
    data = sr.unstructure(srt.generate_portfolio(5, seed=6))
    before = json.dumps(data)
    sr.structure(data, sr.Portfolio)
    assert json.dumps(data) == before


# -- decimal strings, read in place --

_DECIMAL_TEXTS = st.text(alphabet="0123456789.-+eE _NaIfinty\u0661\u00b2 ", max_size=12) | (
    st.decimals(allow_nan=True, allow_infinity=True).map(str)
)


@settings(max_examples=500)
@given(_DECIMAL_TEXTS, st.sampled_from([sr.Money, sr.Customer]))
def test_a_decimal_string_read_in_place_is_read_as_the_model_reads_it(text, cls):
    # The generated functions read most decimal strings by writing their Decimal back;
    # the pattern decides the rest. What they accept, the model accepts, as the same value.
    if cls is sr.Money:
        data = {"amount": text, "currency": "EUR"}
    else:
        data = {
            "id": "C",
            "name": "C",
            "segment": "large",
            "status": "active",
            "share_of_wallet": text,
        }
    try:
        fast = wire_structure._fast(cls, True)(dict(data))
    except Exception:  # noqa: BLE001 - refused: the detailed path names why
        fast = None
    walked, errors, _ = wire_structure._walk(data, cls, True)
    if fast is not None:
        assert not errors
        assert fast == walked
        value = fast.amount if cls is sr.Money else fast.share_of_wallet
        assert str(value) == str(Decimal(text))
