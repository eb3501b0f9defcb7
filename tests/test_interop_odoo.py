"""interop.odoo: a realistic Odoo export (read() dicts) to a draft, a portfolio and findings."""

from __future__ import annotations

import contextlib
from collections import Counter

import pytest
from hypothesis import given, settings

from interop_support import input_paths, items, junk_records, load_json
from salesroles import ValidationError, check
from salesroles.interop import Draft, odoo

RECORDS = load_json("odoo")
TEAMS = {
    "Key Accounts": "account_manager",
    "Field Sales": "sales_rep",
    "Sales Operations": "sales_coordinator",
    "Marketing": "marketing",
    "Pre-Sales": None,
}
SEGMENTS = {"Small Business": "small", "Mid-Market": "medium", "Enterprise": "large", "VIP": None}
MAPPING = {
    "teams": TEAMS,
    "segments": SEGMENTS,
    "stages": {"Negotiation": "negotiation"},
    "contact_titles": {"CTO": "technical_decision_maker", "Geschäftsführer": "senior_executive"},
}
KEY_ACCOUNTS = list(range(100, 130))
ZOE = 27  # a member of the Key Accounts team and of Field Sales


def read(**more) -> Draft:
    arguments = {"currency": "EUR", "as_of": "2026-12-01", "key_accounts": KEY_ACCOUNTS}
    return odoo.draft(RECORDS, **{**arguments, "mapping": MAPPING, **more})


@pytest.fixture(scope="module")
def draft() -> Draft:
    return read()


def test_the_export_holds_read_dicts():
    """many2one as [id, "name"], False for empty, many2many as lists of ids."""
    partner = RECORDS["res.partner"][0]
    assert partner["user_id"] == [5, "David Dietz"]
    assert partner["parent_id"] is False
    assert RECORDS["crm.team"][0]["member_ids"][:2] == [5, 6]


def test_unmapped_values_and_conflicts_exactly(draft):
    """A deleted salesperson twice, a customer without a segment tag, an empty lead source."""
    assert items(draft.unmapped) == [
        ("res.partner[12].user_id", "unknown_reference"),
        ("res.partner[33].category_id", "unmapped_value"),
        ("crm.lead[150].user_id", "unknown_reference"),
        ("crm.lead[156].source_id", "unmapped_value"),
    ]
    assert items(draft.conflicts) == [("res.users[25]", "conflicting_roles")]
    assert "'member of Field Sales' and 'member of Key Accounts'" in draft.conflicts[0].message
    assert items(draft.adjusted) == [("sale.order[5].amount_total", "rounded_money")]


def test_every_record_is_accounted_for(draft):
    """Placed, skipped or reported; nothing silently dropped."""
    accounted = draft.accounted()
    assert set(accounted) == input_paths(RECORDS)
    assert Counter(accounted.values()) == {"placed": 701, "skipped": 88, "unmapped": 2}
    reasons = {s.path: s.reason for s in draft.skipped}
    assert reasons["res.partner[90]"] == "a duplicate of res.partner[45] (id 145)"
    assert reasons["sale.order[3]"] == "state 'cancel': not a confirmed order"


def test_leads_deals_and_provenance(draft):
    """Opportunities of customers are deals, archived ones lost; 24:00 is the next day."""
    deals = {d["id"]: d for d in draft.data["deals"]}
    assert deals["D8"]["stage"] == "won"
    assert deals["D9"]["stage"] == "lost"
    assert deals["D7"]["stage"] == "negotiation"
    leads = {x["id"]: x for x in draft.data["leads"]}
    assert leads["L509"]["created_on"] == "2026-04-01"
    assert leads["L141"]["status"] == "qualified"  # an opportunity of a prospect
    assert draft.source_of("deals[7].stage") == ("crm.lead", "8", "probability")
    assert draft.source_of("key_accounts[0].manager") == ("res.partner", "100", "user_id")
    assert draft.source_of("stakeholders[0].buying_role") == ("res.partner", "1000", "function")
    assert draft.source_of("team[0].role") == ("res.users", "2", "function")


def test_the_decided_portfolio_is_checked():
    """Decide Zoe's role and tag the untagged customer: a portfolio, judged."""
    with pytest.raises(ValidationError) as caught:
        read().portfolio()
    assert [e.path for e in caught.value.errors] == ["team[25].role", "customers[33].segment"]
    records = {**RECORDS, "res.partner": [dict(p) for p in RECORDS["res.partner"]]}
    records["res.partner"][33]["category_id"] = [2]
    decided = odoo.draft(
        records, currency="EUR", as_of="2026-12-01", key_accounts=KEY_ACCOUNTS,
        mapping=MAPPING, roles={ZOE: "account_manager"},
    )  # fmt: skip
    assert Counter(f.rule for f in check(decided.portfolio())) == {
        "key-account-without-plan": 30,
        "key-account-without-contract": 30,
        "key-account-served-by-sales-rep": 2,
        "key-account-without-manager": 1,
    }


def test_bad_records_name_their_path():
    """A many2many of names, an unknown type, a key account list that is no list."""
    records = {
        "res.partner": [{"id": 1, "name": "A", "is_company": True, "customer_rank": 1,
                         "user_id": "Ann", "category_id": ["VIP"]}],
        "crm.lead": [{"id": 2, "type": "deal"}],
    }  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        odoo.draft(records, currency="EUR")
    assert items(caught.value.errors) == [
        ("res.partner[0].category_id", "invalid_type"),
        ("crm.lead[0].type", "invalid_enum"),
    ]
    with pytest.raises(ValidationError) as caught:
        odoo.draft(records, currency="EUR", key_accounts="1")
    assert items(caught.value.errors) == [("key_accounts", "invalid_type")]


FIELDS = [
    "id", "name", "function", "active", "user_id", "member_ids", "is_company", "customer_rank",
    "parent_id", "category_id", "type", "partner_id", "stage_id", "probability", "source_id",
    "create_date", "date_order", "amount_total", "state",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(junk_records(odoo.OBJECTS, FIELDS))
def test_junk_records_never_crash(records):
    """Any junk is a draft or a ValidationError, never a KeyError or TypeError."""
    try:
        d = odoo.draft(records, currency="EUR", as_of="2026-12-01", mapping=MAPPING)
    except ValidationError:
        return
    assert set(d.accounted()) == input_paths(records)
    with contextlib.suppress(ValidationError):
        d.portfolio()
