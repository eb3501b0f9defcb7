"""A ValidationError from a public function carries no private exception along."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import salesroles as sr
from salesroles.testing import sample_portfolio


def chain(error: BaseException) -> list[BaseException]:
    """Every exception a traceback would show beside *error*: its causes and shown contexts."""
    found = []
    while True:
        nxt = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
        if nxt is None:
            return found
        found.append(nxt)
        error = nxt


def refusal(call):
    with pytest.raises(sr.ValidationError) as caught:
        call()
    return caught.value


GOOD = sr.unstructure(sample_portfolio())
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)


@given(key=st.sampled_from(sorted(GOOD)), junk=JSONISH)
def test_a_refused_document_has_no_context_at_all(key, junk):
    """structure raises outside every except block: no fast-path signal rides along."""
    try:
        sr.structure({**GOOD, key: junk}, sr.Portfolio)
    except sr.ValidationError as e:
        assert e.__context__ is None
        assert e.__cause__ is None


@pytest.mark.parametrize(
    "call",
    [
        lambda: sr.structure({"amount": "1", "currency": "EUR", "x": 1}, sr.Money),
        lambda: sr.structure("FREQ=SOMETIMES", sr.Cadence),
        lambda: sr.structure(["x"], list[sr.Money]),
        lambda: sr.structure_json(json.dumps({**GOOD, "as_of": "soon"}), sr.Portfolio),
        lambda: sr.structure_json(b"{", sr.Portfolio),
        lambda: sr.check(sample_portfolio(), as_of="soon"),
        lambda: sr.check(sample_portfolio(), policy={"rules": {"nope": "error"}}),
        lambda: sr.decide("boss", "prospecting"),
        lambda: sr.plan_attainment(sample_portfolio(), "soon"),
        lambda: sr.Scenario(before=sample_portfolio()).compare(as_of="soon"),
        lambda: sr.renewals(sample_portfolio(), within=10**9),
        lambda: sr.Customer(id="", name="x", segment="huge", status="active"),
    ],
)
def test_no_public_refusal_shows_another_exception(call):
    """Logs and error trackers see our error and its items, not internals."""
    error = refusal(call)
    assert chain(error) == []
    assert error.errors
