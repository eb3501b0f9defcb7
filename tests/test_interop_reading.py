"""The reading every adapter shares: money, numbers, days, tables, roles and provenance."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesroles import ValidationError
from salesroles._model.iso4217 import CURRENCIES
from salesroles.interop import Draft, Source
from salesroles.interop._build import Builder, merge_tables, segment_of
from salesroles.interop._roles import Evidence, decide_roles


def row_of(record, currency="EUR", tz="UTC"):
    b = Builder("test", currency=currency, as_of=None, tz=tz)
    [row] = b.tables({"Thing": [record]}, ["Thing"])["Thing"]
    row.id = "T1"
    return b, row


@pytest.mark.parametrize(
    ("value", "amount"),
    [
        (1200000.5, "1200000.50"),
        ("1,200,000.50", "1200000.50"),
        ("1200000.5", "1200000.50"),
        (12, "12.00"),
        (Decimal("3.10"), "3.10"),
        ("-7", "-7.00"),
    ],
)
def test_numbers_as_exports_write_them_become_money(value, amount):
    """Floats, ints, Decimals and strings with thousands separators, to cents."""
    b, row = row_of({"A": value})
    assert row.money("A") == {"amount": amount, "currency": "EUR"}
    assert b.adjusted == []


@pytest.mark.parametrize(
    ("currency", "value", "amount", "adjusted"),
    [
        ("JPY", 1234.5, "1234", True),
        ("BHD", "1.2345", "1.234", True),
        ("EUR", 0.1 + 0.2, "0.30", True),
        ("XAU", "1.23456", "1.23456", False),  # gold has no minor unit
    ],
)
def test_money_is_rounded_to_the_currencys_minor_unit_and_a_change_reported(
    currency, value, amount, adjusted
):
    """Half to even, to the minor unit of ISO 4217; a change is in adjusted."""
    b, row = row_of({"A": value}, currency=currency)
    assert row.money("A")["amount"] == amount
    assert [item.code for item in b.adjusted] == (["rounded_money"] if adjusted else [])


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=4))
def test_rounding_moves_an_amount_by_at_most_half_a_cent_and_says_so(amount):
    """The amount changes by at most half a cent, and is reported exactly when it changes."""
    b, row = row_of({"A": format(amount, "f")})
    money = row.money("A")
    rounded = Decimal(money["amount"])
    assert abs(rounded - amount) <= Decimal("0.005")
    assert bool(b.adjusted) == (rounded != amount)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("1.200.000,50", "invalid_number"),
        ("12 EUR", "invalid_number"),
        (float("nan"), "invalid_number"),
        (float("inf"), "invalid_number"),
        (True, "invalid_type"),
        ([1], "invalid_type"),
        (1e300, "invalid_number"),
    ],
)
def test_what_is_no_amount_is_named_at_its_path(value, code):
    """A number that is none is a problem at the source path, never an exception."""
    b, row = row_of({"A": value})
    assert row.money("A") is None
    assert [(p.path, p.code) for p in b.problems] == [("Thing[0].A", code)]


def test_a_currency_field_that_is_no_code_is_named():
    """The record's own currency is read and checked where it stands."""
    b, row = row_of({"A": 5, "Cur": "euro"})
    assert row.money("A", currency_field="Cur") is None
    assert [(p.path, p.code) for p in b.problems] == [("Thing[0].Cur", "invalid_currency")]
    b, row = row_of({"A": 5, "Cur": "CHF"})
    assert row.money("A", currency_field="Cur") == {"amount": "5.00", "currency": "CHF"}


@pytest.mark.parametrize(
    ("value", "tz", "day"),
    [
        ("2026-03-31", "Europe/Berlin", "2026-03-31"),
        ("2026-03-31T24:00:00Z", "UTC", "2026-04-01"),
        ("2026-03-31T23:30:00.000+0000", "Europe/Berlin", "2026-04-01"),
        ("2026-03-31 22:30:00", "Europe/Berlin", "2026-04-01"),  # naive: UTC, as Odoo writes
        (datetime(2026, 3, 31, 23, 30, tzinfo=UTC), "Asia/Tokyo", "2026-04-01"),
        (date(2026, 3, 31), "Asia/Tokyo", "2026-03-31"),
    ],
)
def test_timestamps_become_days_in_the_stated_time_zone(value, tz, day):
    """Dates stay as they are; timestamps become their day in the draft's zone."""
    _, row = row_of({"D": value}, tz=tz)
    assert row.day("D") == day


@pytest.mark.parametrize(
    ("value", "code"),
    [("31.03.2026", "invalid_date"), ("2026-02-30", "invalid_date"), (5, "invalid_type")],
)
def test_what_is_no_day_is_named(value, code):
    b, row = row_of({"D": value})
    assert row.day("D") is None
    assert [(p.path, p.code) for p in b.problems] == [("Thing[0].D", code)]


def test_flags_and_counts_as_three_systems_write_them():
    """true/"true"/"1"/1 are true; "36" and 36.0 count 36; 2.5 is no count."""
    b, row = row_of({"a": "true", "b": 1, "c": "0", "d": "36", "e": 36.0, "f": 2.5, "g": "yes"})
    assert [row.flag(k) for k in "abc"] == [True, True, False]
    assert [row.count("d"), row.count("e"), row.count("f")] == [36, 36, None]
    assert row.flag("g") is False
    assert [(p.path, p.code) for p in b.problems] == [
        ("Thing[0].f", "invalid_number"), ("Thing[0].g", "invalid_type"),
    ]  # fmt: skip


def test_segments_follow_the_eu_definition_of_smes():
    """Fewer than 50 small, fewer than 250 medium (EU recommendation 2003/361)."""
    assert [segment_of(n) for n in (0, 49, 50, 249, 250)] == [
        "small", "small", "medium", "medium", "large",
    ]  # fmt: skip


def test_mappings_are_merged_over_the_defaults_and_checked():
    """A table the adapter lacks, a value no enum has, a mapping that is no dict: all named."""
    defaults = {"roles": {"AM": "account_manager"}}
    allowed = {"roles": frozenset({"account_manager", "sales_rep"})}
    assert merge_tables(defaults, {"roles": {"SR": "sales_rep", "AM": None}}, allowed) == {
        "roles": {"AM": None, "SR": "sales_rep"}
    }
    with pytest.raises(ValidationError) as caught:
        merge_tables(defaults, {"rolez": {}, "roles": {"X": "boss"}}, allowed)
    assert [(e.path, e.code) for e in caught.value.errors] == [
        ("mapping.rolez", "unknown_table"), ("mapping.roles['X']", "invalid_enum"),
    ]  # fmt: skip
    with pytest.raises(ValidationError):
        merge_tables(defaults, [("roles", {})], allowed)
    with pytest.raises(ValidationError):
        merge_tables(defaults, {"roles": ["AM"]}, allowed)


def test_a_title_decides_before_team_roles_and_the_users_answer_before_both():
    """Title, then agreeing team roles; disagreeing ones are a conflict; roles= decides."""
    people = {
        "a": ("U[0]", "Vertriebsleiter", "A"),
        "b": ("U[1]", None, "B"),
        "c": ("U[2]", None, "C"),
    }
    evidence = [
        Evidence(member="a", role="sales_rep", label="Sales Rep", subject="1"),
        Evidence(member="b", role="sales_rep", label="Sales Rep", subject="1"),
        Evidence(member="c", role="sales_rep", label="Sales Rep", subject="1"),
        Evidence(member="c", role="account_manager", label="Account Manager", subject="2"),
    ]
    roles, conflicts = decide_roles(people, evidence, aliases=None, decided=None)
    assert roles == {
        "a": ("sales_manager", "title"),
        "b": ("sales_rep", "team"),
        "c": (None, "conflict"),
    }
    assert [(c.path, c.code) for c in conflicts] == [("U[2]", "conflicting_roles")]
    roles, conflicts = decide_roles(people, evidence, aliases=None, decided={"c": "sales_rep"})
    assert roles["c"] == ("sales_rep", "decided")
    assert conflicts == []


def test_source_of_walks_up_to_the_nearest_value_with_a_source():
    """Inner paths answer with their value's source; unknown paths with None."""
    d = Draft(
        system="x",
        data={},
        sources={
            "customers[0]": Source(object="Account", record="001", field="Id"),
            "customers[0].annual_revenue": Source(
                object="Account", record="001", field="AnnualRevenue"
            ),
        },
    )
    assert d.source_of("customers[0].annual_revenue.amount") == ("Account", "001", "AnnualRevenue")
    assert d.source_of("customers[0].name") == ("Account", "001", "Id")
    assert d.source_of("customers[1].name") is None
    assert d.source_of("customers") is None
    assert str(Source(object="Account", record="001", field="Id")) == "Account 001 Id"


def test_the_arguments_of_a_draft_are_read_once_and_named():
    """A currency that is no ISO code is named; a date and a tzinfo are taken as they are."""
    with pytest.raises(ValidationError) as caught:
        Builder("x", currency="Euro", as_of=None, tz="UTC").finish()
    assert [e.code for e in caught.value.errors] == ["invalid_currency"]
    b = Builder("x", currency="EUR", as_of=date(2026, 12, 1), tz=UTC)
    assert b.finish().data == {"currency": "EUR", "as_of": "2026-12-01"}
    assert "EUR" in CURRENCIES


def test_the_users_roles_are_checked_before_anything_is_read():
    """roles= names roles of the wire format; ids may be numbers (Odoo's)."""
    from salesroles.interop._build import read_roles

    assert read_roles({27: "account_manager"}) == {"27": "account_manager"}
    assert read_roles(None) == {}
    with pytest.raises(ValidationError) as caught:
        read_roles({"005A": "boss", "005B": "sales_rep"})
    assert [(e.path, e.code) for e in caught.value.errors] == [("roles['005A']", "invalid_enum")]
    with pytest.raises(ValidationError):
        read_roles(["005A"])
