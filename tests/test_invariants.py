"""Invariants name the fields they read: a broken field hides only the ones that read it."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import salesroles as sr
from salesroles._model.validation import (
    CONSTRAINT,
    Checked,
    invariant,
    invariant_functions,
    invariant_problems,
)
from salesroles.exceptions import ErrorItem


def _odd(value):
    if value % 2:
        return None
    return ErrorItem(path="", message=f"got {value}; expected an odd number", code="out_of_range")


@attrs.frozen(kw_only=True)
class Span(Checked):
    name: str
    low: int
    high: int
    step: int = attrs.field(default=1, metadata={CONSTRAINT: _odd})

    @invariant("low", "high")
    def _ordered(self):
        if self.low > self.high:
            yield ErrorItem(path="high", message="below low", code="out_of_range")

    @invariant("name")
    def _not_reserved(self):
        if self.name == "all":
            yield ErrorItem(path="name", message="reserved", code="invalid_value")


@attrs.frozen(kw_only=True)
class Narrow(Span):
    """A subclass that drops one invariant and adds one of the older form."""

    def _not_reserved(self):  # no invariant any more
        return iter(())

    def _invariants(self):
        if self.high - self.low > 10:
            yield ErrorItem(path="", message="too wide", code="out_of_range")


def _codes(make) -> list[tuple[str, str]]:
    with pytest.raises(sr.ValidationError) as caught:
        make()
    return [(e.path, e.code) for e in caught.value.errors]


def test_each_invariant_runs_unless_a_field_it_reads_failed():
    assert _codes(lambda: Span(name="all", low=2, high=1)) == [
        ("high", "out_of_range"),
        ("name", "invalid_value"),
    ]
    assert _codes(lambda: Span(name="", low=2, high=1)) == [
        ("name", "empty"),
        ("high", "out_of_range"),
    ]
    assert _codes(lambda: Span(name="all", low="2", high=1)) == [
        ("low", "invalid_type"),
        ("name", "invalid_value"),
    ]
    # A field refused by its constraint failed too, and hides nothing it is not read by.
    assert _codes(lambda: Span(name="all", low=2, high=1, step=2)) == [
        ("step", "out_of_range"),
        ("high", "out_of_range"),
        ("name", "invalid_value"),
    ]
    assert Span(name="x", low=1, high=1).step == 1


def test_an_override_replaces_an_invariant_and_the_older_form_reads_every_field():
    assert _codes(lambda: Narrow(name="all", low=0, high=20)) == [("", "out_of_range")]
    # The older form is judged only when every field passed.
    assert _codes(lambda: Narrow(name="", low=0, high=20)) == [("name", "empty")]
    assert len(invariant_functions(Narrow)) == 2
    assert invariant_problems(Narrow(name="x", low=0, high=1)) == []
    assert list(Checked._invariants(Span(name="x", low=0, high=1))) == []


def test_an_invariant_reads_at_least_one_field():
    with pytest.raises(TypeError, match="at least one field"):
        invariant()


def test_the_library_classes_declare_what_their_invariants_read():
    assert _codes(
        lambda: sr.SupplyContract(id="", customer="C", start="9999-12-01", term_months=2)
    ) == [("id", "empty"), ("term_months", "out_of_range")]
    assert _codes(lambda: sr.Period(start="2026-12-31", end=5)) == [("end", "invalid_date")]
    zero = dict.fromkeys(["revenue", "profit", "growth_potential", "share_of_wallet"], 0)
    assert _codes(lambda: sr.AssessmentWeights(**zero, relationship=Decimal("NaN"))) == [
        ("relationship", "out_of_range")
    ]
