"""interop.hubspot: a realistic HubSpot CRM v3 export to a draft, a portfolio and findings."""

from __future__ import annotations

import contextlib
from collections import Counter

import pytest
from hypothesis import given, settings

from interop_support import input_paths, items, junk_records, load_json
from salesroles import ValidationError, check
from salesroles.interop import Draft, hubspot

RECORDS = load_json("hubspot")
TEAMS = {
    "Key Accounts": "account_manager",
    "Field Sales": "sales_rep",
    "Sales Leadership": "sales_manager",
    "Sales Operations": "sales_coordinator",
    "Marketing": "marketing",
    "Pre-Sales": None,
}
MAPPING = {"teams": TEAMS, "contact_titles": {"CTO": "technical_decision_maker"}}
KEY_ACCOUNTS = [str(18000000000 + n * 7) for n in range(30)]
ZOE = "41025"  # in the Key Accounts team and in Field Sales


def read(**more) -> Draft:
    arguments = {"currency": "EUR", "as_of": "2026-12-01", "key_accounts": KEY_ACCOUNTS}
    return hubspot.draft(RECORDS, **{**arguments, "mapping": MAPPING, **more})


@pytest.fixture(scope="module")
def draft() -> Draft:
    return read()


def test_the_export_holds_v3_objects_with_string_properties():
    """Thirty owners, two hundred companies (one twice), every property a string or null."""
    assert len(RECORDS["owners"]) == 30
    assert len({c["id"] for c in RECORDS["companies"]}) == 200
    props = RECORDS["companies"][0]["properties"]
    assert all(v is None or isinstance(v, str) for v in props.values())


def test_unmapped_values_are_listed_exactly(draft):
    """Empty lifecycle stages, a buying role OTHER and a deleted owner."""
    assert items(draft.unmapped) == [
        *[
            (f"companies[{i}].properties.lifecyclestage", "unmapped_value")
            for i in range(196, 201)
        ],
        ("contacts[100].properties.hs_buying_role", "unmapped_value"),
        ("deals[150].properties.hubspot_owner_id", "unknown_reference"),
    ]


def test_an_owner_in_two_teams_is_a_conflict(draft):
    """S0.2 again: Key Accounts and Field Sales; the role is left out."""
    assert items(draft.conflicts) == [("owners[25]", "conflicting_roles")]
    assert "'Field Sales' and 'Key Accounts'" in draft.conflicts[0].message
    assert "role" not in draft.data["team"][25]


def test_amounts_as_strings_are_rounded_and_reported(draft):
    """'1234567.891' becomes 1234567.89, reported."""
    assert items(draft.adjusted) == [("companies[7].properties.annualrevenue", "rounded_money")]


def test_every_record_is_accounted_for(draft):
    """Placed, skipped or reported: nothing silently dropped."""
    accounted = draft.accounted()
    assert set(accounted) == input_paths(RECORDS)
    assert Counter(accounted.values()) == {"placed": 528, "skipped": 68, "unmapped": 6}
    reasons = {s.path: s.reason for s in draft.skipped}
    assert reasons["companies[120]"].startswith("a duplicate of companies[60]")


def test_ids_are_prefixed_by_kind_and_trace_back(draft):
    """HubSpot's ids collide across object types; the wire's do not, and provenance finds them."""
    assert draft.data["team"][0]["id"] == "O41000"
    assert draft.data["customers"][0]["id"] == "C18000000000"
    assert draft.data["key_accounts"][0] == {"customer": "C18000000000", "manager": "O41003"}
    assert draft.source_of("customers[4].annual_revenue.amount") == (
        "companies", "18000000028", "annualrevenue",
    )  # fmt: skip
    assert draft.source_of("key_accounts[0].manager") == (
        "companies",
        "18000000000",
        "hubspot_owner_id",
    )
    assert draft.source_of("deals[0].customer") == ("deals", "9300", "associations")
    assert draft.source_of("team[0].role") == ("owners", "41000", "teams")


def test_companies_in_lead_stages_are_leads_with_their_day(draft):
    """A company at a lead stage is a lead; its 24:00 createdate is the next day."""
    leads = {x["id"]: x for x in draft.data["leads"]}
    assert leads[f"C{18000000000 + 170 * 7}"]["created_on"] == "2026-04-01"
    assert leads[f"C{18000000000 + 161 * 7}"]["status"] == "qualified"


def test_the_decided_portfolio_is_checked():
    """With Zoe's role decided, the draft is a portfolio; HubSpot holds no contracts."""
    with pytest.raises(ValidationError, match=r"team\[25\]\.role.*\(from owners 41025 id\)"):
        read().portfolio()
    portfolio = read(roles={ZOE: "account_manager"}).portfolio()
    assert Counter(f.rule for f in check(portfolio)) == {
        "key-account-without-plan": 30,
        "key-account-without-contract": 30,
        "decision-team-gap": 2,
        "key-account-served-by-sales-rep": 2,
    }


def test_without_a_team_table_no_owner_has_a_role():
    """Team names are the company's own: unmapped until mapped, never guessed."""
    d = hubspot.draft({"owners": RECORDS["owners"][:3]}, currency="EUR")
    assert items(d.unmapped) == [
        ("owners[0].teams[0].name", "unmapped_value"),
        ("owners[1].teams[0].name", "unmapped_value"),
        ("owners[2].teams[0].name", "unmapped_value"),
    ]
    assert "team" not in d.data


def test_a_key_account_that_is_no_customer_is_refused():
    """The user's list names a lead and an unknown company: both are named."""
    with pytest.raises(ValidationError) as caught:
        read(key_accounts=[KEY_ACCOUNTS[0], str(18000000000 + 170 * 7), "1", True])
    assert items(caught.value.errors) == [
        ("key_accounts[3]", "invalid_type"),
        ("key_accounts[1]", "not_a_customer"),
        ("key_accounts[2]", "not_a_customer"),
    ]


def test_bad_shapes_name_their_source_path():
    """Properties that are no dict, bad associations, a bad amount: one error, every path."""
    records = {
        "companies": [
            {"id": "1", "properties": "nope"},
            {
                "id": "2",
                "properties": {
                    "name": "A",
                    "lifecyclestage": "customer",
                    "annualrevenue": "1.5.0",
                },
            },
        ],
        "deals": [{"id": "3", "properties": {"dealstage": "closedwon"}, "associations": ["x"]}],
        "owners": [{"id": "4", "teams": [{"id": "1"}]}],
    }
    with pytest.raises(ValidationError) as caught:
        hubspot.draft(records, currency="EUR")
    assert items(caught.value.errors) == [
        ("companies[0].properties", "invalid_type"),
        ("owners[0].teams[0]", "invalid_type"),
        ("companies[0].properties.name", "missing"),
        ("companies[1].properties.annualrevenue", "invalid_number"),
        ("deals[0].associations", "invalid_type"),
    ]


FIELDS = ["id", "properties", "associations", "archived", "teams", "firstName", "name",
          "lifecyclestage", "annualrevenue", "hubspot_owner_id", "dealstage"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(junk_records(hubspot.OBJECTS, FIELDS))
def test_junk_records_never_crash(records):
    """Any junk is a draft or a ValidationError, never a KeyError or TypeError."""
    try:
        d = hubspot.draft(records, currency="EUR", mapping=MAPPING)
    except ValidationError:
        return
    assert set(d.accounted()) == input_paths(records)
    with contextlib.suppress(ValidationError):
        d.portfolio()


def test_a_list_response_may_be_passed_whole():
    """{"results": [...], "paging": ...} as the v3 list endpoints return it."""
    response = {"results": RECORDS["deals"], "paging": {"next": {"after": "151"}}}
    whole = hubspot.draft(
        {**RECORDS, "deals": response}, currency="EUR", as_of="2026-12-01",
        key_accounts=KEY_ACCOUNTS, mapping=MAPPING,
    )  # fmt: skip
    assert whole.data == read().data
