"""interop.erpnext: a realistic ERPNext export to a draft, a portfolio and findings."""

from __future__ import annotations

import contextlib
from collections import Counter

import pytest
from hypothesis import given, settings

from interop_support import input_paths, items, junk_records, load_json
from salesroles import ValidationError, check
from salesroles.interop import Draft, erpnext

RECORDS = load_json("erpnext")
SEGMENTS = {"Small Business": "small", "Mid-Market": "medium", "Enterprise": "large"}
TITLES = {"CTO": "technical_decision_maker", "Geschäftsführer": "senior_executive"}
MAPPING = {"segments": SEGMENTS, "contact_titles": TITLES}
ZOE = "Zoe Ziegler"  # account manager of two customers, and has sales targets


def read(**more) -> Draft:
    return erpnext.draft(
        RECORDS, **{"currency": "EUR", "as_of": "2026-12-01", "mapping": MAPPING, **more}
    )


@pytest.fixture(scope="module")
def draft() -> Draft:
    return read()


def test_the_export_holds_documents_with_child_tables():
    """Sales persons with targets, customers with account managers and sales teams."""
    person = RECORDS["Sales Person"][12]
    assert person["targets"][0]["doctype"] == "Target Detail"
    assert {c["account_manager"] is not None for c in RECORDS["Customer"]} == {True, False}
    assert len(RECORDS["Customer"]) + len(RECORDS["Opportunity"]) > 200


def test_unmapped_values_and_conflicts_exactly(draft):
    """A deleted account manager and owner, an empty market segment; Zoe's two roles."""
    assert items(draft.unmapped) == [
        ("Customer[12].account_manager", "unknown_reference"),
        ("Customer[33].market_segment", "unmapped_value"),
        ("Opportunity[150].opportunity_owner", "unknown_reference"),
    ]
    assert items(draft.conflicts) == [("Sales Person[26]", "conflicting_roles")]
    message = draft.conflicts[0].message
    assert "'account_manager' on 2 accounts (Iser Stahl SE, Jura Stahl KG)" in message
    assert "'targets'" in message
    assert items(draft.adjusted) == [("Sales Order[5].grand_total", "rounded_money")]


def test_every_document_is_accounted_for(draft):
    """Each document is placed, skipped or reported; child rows are placed under their document."""
    accounted = draft.accounted()
    top = {path: kind for path, kind in accounted.items() if "." not in path}
    assert set(top) == input_paths(RECORDS)
    assert Counter(top.values()) == {"placed": 682, "skipped": 72, "unmapped": 1}
    reasons = {s.path: s.reason for s in draft.skipped}
    assert reasons["Sales Order[3]"] == "cancelled (docstatus 2)"
    assert reasons["Sales Person[0]"] == "a group of the sales person tree, no person"
    assert reasons["Customer[90]"].startswith("a duplicate of Customer[45]")


def test_roles_titles_targets_and_provenance(draft):
    """Designations name roles; targets are set by the parent sales person; sources trace back."""
    team = {m["id"]: m for m in draft.data["team"]}
    assert team["SP:Anna Albers"]["role"] == "sales_manager"
    assert team["SP:Anna Albers"]["title"] == "Head of Sales"
    assert team["SP:Ida Igel"]["role"] == "account_manager"  # no designation: the customers say so
    assert draft.data["targets"][0] == {
        "id": "TARGET:Katrin Keller:0", "owner": "SP:Katrin Keller", "set_by": "SP:Anna Albers",
        "period": {"start": "2025-01-01", "end": "2025-12-31"},
        "revenue": {"amount": "450000.00", "currency": "EUR"},
    }  # fmt: skip
    assert draft.source_of("targets[0].revenue.amount") == (
        "Sales Person", "Katrin Keller", "targets[0].target_amount",
    )  # fmt: skip
    assert draft.source_of("team[0].role") == (
        "Sales Person",
        "Anna Albers",
        "Employee.designation",
    )
    assert draft.source_of("key_accounts[0].manager") == (
        "Customer",
        "Adler Chemie AG",
        "account_manager",
    )
    assert draft.source_of("contracts[0].term_months") == ("Contract", "CON-0001", "end_date")


def test_contract_terms_and_revenue_come_from_dates_and_orders(draft):
    """A contract from 2024-01-01 to 2024-12-31 runs 12 months; revenue sums last year's orders."""
    assert draft.data["contracts"][0]["term_months"] == 12
    revenue = {c["id"]: c["annual_revenue"]["amount"] for c in draft.data["customers"]}
    assert revenue["Adler Chemie AG"] == "0.00"
    assert sum(float(v) for v in revenue.values()) > 0
    orders = draft.data["orders"]
    assert orders[0]["administered_by"] == "SP:Vera Vogt"


def test_the_decided_portfolio_is_checked():
    """Decide Zoe's role and the empty segment: a portfolio, judged."""
    with pytest.raises(ValidationError) as caught:
        read().portfolio()
    assert [e.path for e in caught.value.errors] == ["team[25].role", "customers[33].segment"]
    mapping = {**MAPPING, "segments": {**SEGMENTS, "": "medium"}}
    portfolio = read(roles={ZOE: "account_manager"}, mapping=mapping).portfolio()
    assert Counter(f.rule for f in check(portfolio)) == {
        "key-account-without-plan": 30,
        "key-account-without-contract": 11,
        "key-account-served-by-sales-rep": 2,
        "key-account-without-manager": 1,
    }


def test_bad_documents_name_their_path():
    """A child table that is no list, a bad amount, a check field that is no flag."""
    records = {
        "Customer": [{"name": "A", "sales_team": "x", "disabled": "maybe"}],
        "Sales Person": [{"name": "P", "targets": "none"}, {"name": "Q", "targets": [3]}],
        "Sales Order": [{"name": "S", "docstatus": 1, "customer": "A", "grand_total": "12,00"}],
    }
    with pytest.raises(ValidationError) as caught:
        erpnext.draft(records, currency="EUR", as_of="2026-12-01")
    assert items(caught.value.errors) == [
        ("Customer[0].sales_team", "invalid_type"),
        ("Sales Order[0].grand_total", "invalid_number"),
        ("Customer[0].disabled", "invalid_type"),
        ("Sales Person[0].targets", "invalid_type"),
        ("Sales Person[1].targets[0]", "invalid_type"),
    ]


FIELDS = ["name", "targets", "is_group", "employee", "designation", "user_id", "account_manager",
          "disabled", "links", "opportunity_from", "party_name", "status", "docstatus",
          "grand_total", "customer", "transaction_date", "start_date", "end_date"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(junk_records(erpnext.OBJECTS, FIELDS))
def test_junk_records_never_crash(records):
    """Any junk is a draft or a ValidationError, never a KeyError or TypeError."""
    try:
        d = erpnext.draft(records, currency="EUR", as_of="2026-12-01")
    except ValidationError:
        return
    assert {p for p in d.accounted() if "." not in p} == input_paths(records)
    with contextlib.suppress(ValidationError):
        d.portfolio()


def test_revenue_counts_only_orders_of_the_year_in_the_portfolios_currency():
    """A USD order and last year's order stay out of the sum; a three-decimal sum is rounded."""
    customer = {"name": "A AG", "customer_name": "A AG", "market_segment": "Enterprise"}
    orders = [
        {"name": f"SO-{i}", "docstatus": 1, "customer": "A AG", "transaction_date": day,
         "grand_total": total, "currency": currency}
        for i, (day, total, currency) in enumerate([
            ("2026-06-01", 100.005, "EUR"), ("2026-07-01", 50, "USD"), ("2025-06-01", 70, "EUR"),
            ("2026-11-30", 0.001, "EUR"),
        ])
    ]  # fmt: skip
    d = erpnext.draft(
        {"Customer": [customer], "Sales Order": orders}, currency="EUR", as_of="2026-12-01",
        mapping=MAPPING,
    )  # fmt: skip
    assert d.data["customers"][0]["annual_revenue"] == {"amount": "100.01", "currency": "EUR"}
    assert [o["amount"]["currency"] for o in d.data["orders"]] == ["EUR", "USD", "EUR", "EUR"]


def test_what_counts_as_evidence_is_a_table_too():
    """Targets and sales teams mapped to None are no evidence: Zoe is her customers' manager."""
    d = read(mapping={**MAPPING, "evidence": {"targets": None, "sales_team": None}})
    assert d.conflicts == ()
    assert d.data["team"][25] == {
        "id": "SP:Zoe Ziegler",
        "name": "Zoe Ziegler",
        "role": "account_manager",
    }
    assert d.source_of("team[25].role") == ("Sales Person", ZOE, "evidence")


def test_a_list_response_may_be_passed_whole():
    """{"data": [...]} as Frappe's REST API returns a list."""
    whole = erpnext.draft(
        {**RECORDS, "Customer": {"data": RECORDS["Customer"]}}, currency="EUR",
        as_of="2026-12-01", mapping=MAPPING,
    )  # fmt: skip
    assert whole.data == read().data
