"""interop.salesforce: a realistic Salesforce export to a draft, a portfolio and findings."""

from __future__ import annotations

import contextlib
from collections import Counter

import pytest
from hypothesis import given, settings

from interop_support import input_paths, items, junk_records, load_csv, load_json
from salesroles import ValidationError, check
from salesroles.interop import Draft, salesforce
from salesroles.testing import sample_portfolio

RECORDS = load_json("salesforce")
ZOE = "0058d0000000025AAA"  # Sales Rep on three accounts, Account Manager on two, no title


def sf(prefix: str, n: int) -> str:
    return f"{prefix}8d000000{n:04d}AAA"


@pytest.fixture(scope="module")
def draft() -> Draft:
    return salesforce.draft(RECORDS, currency="EUR", as_of="2026-12-01")


def test_the_export_is_a_company_of_thirty_people_and_two_hundred_accounts():
    """The committed export is as the issue describes it, in Salesforce's REST shape."""
    assert len(RECORDS["User"]) == 30
    assert len({r["Id"] for r in RECORDS["Account"]}) == 200
    assert RECORDS["Account"][0]["attributes"]["type"] == "Account"


def test_the_draft_lists_exactly_what_it_could_not_map(draft):
    """A contact role Other, a deleted owner and an empty lead source; nothing else."""
    assert items(draft.unmapped) == [
        ("OpportunityContactRole[56].Role", "unmapped_value"),
        ("Opportunity[150].OwnerId", "unknown_reference"),
        ("Lead[5].LeadSource", "unmapped_value"),
    ]
    assert "got 'Other', which the 'contact_roles' table does not map" in str(draft.unmapped[0])


def test_a_user_with_two_team_roles_is_a_conflict_with_every_piece_of_evidence(draft):
    """S0.2: Sales Rep on three accounts, Account Manager on two; the role is left out."""
    assert items(draft.conflicts) == [("User[25]", "conflicting_roles")]
    message = draft.conflicts[0].message
    assert "'Account Manager' on 2 accounts" in message
    assert "'Sales Rep' on 3 accounts" in message
    assert all(sf("001", n) in message for n in (28, 29, 40, 41, 42))
    assert "role" not in draft.data["team"][25]
    assert draft.data["team"][25]["id"] == ZOE


def test_a_float_that_rounding_changes_is_reported_and_rounded(draft):
    """1234567.891 becomes 1234567.89 and says so; 1200000.5 becomes 1200000.50 silently."""
    assert items(draft.adjusted) == [("Account[7].AnnualRevenue", "rounded_money")]
    assert draft.data["customers"][7]["annual_revenue"] == {
        "amount": "1234567.89",
        "currency": "EUR",
    }
    assert draft.data["customers"][0]["annual_revenue"]["amount"] == "1200000.50"


def test_every_record_is_in_the_draft_skipped_or_reported(draft):
    """Nothing is dropped silently: each input record is accounted for."""
    accounted = draft.accounted()
    assert set(accounted) == input_paths(RECORDS)
    assert Counter(accounted.values()) == {"placed": 743, "skipped": 105, "unmapped": 3}


def test_records_are_skipped_with_their_reason(draft):
    """Duplicates, prospects, empty and non-sales team roles, people with no sales role."""
    reasons = {s.path: s.reason for s in draft.skipped}
    assert reasons["Account[120]"] == f"a duplicate of Account[60] (id {sf('001', 60)})"
    assert reasons["Account[161]"] == "Type 'Prospect' is no customer"
    assert reasons["AccountTeamMember[101]"] == "no TeamMemberRole"
    assert (
        reasons["AccountTeamMember[98]"]
        == "team role 'Pre-Sales Consultant' carries no sales role"
    )
    assert reasons["User[26]"].startswith("no sales role")
    assert reasons["Contract[4]"] == "Status 'Draft': not in force"
    assert (
        reasons["Opportunity[140]"] == f"its account {sf('001', 160)} is no customer in the draft"
    )


def test_the_draft_holds_the_company(draft):
    """27 sales people, 160 customers, 30 key accounts, deals, leads and contracts."""
    sizes = {name: len(value) for name, value in draft.data.items() if isinstance(value, list)}
    assert sizes == {
        "team": 27, "customers": 160, "leads": 59, "key_accounts": 30,
        "stakeholders": 174, "contracts": 28, "deals": 140,
    }  # fmt: skip
    assert draft.data["as_of"] == "2026-12-01"
    assert draft.data["key_accounts"][0] == {"customer": sf("001", 0), "manager": sf("005", 3)}


def test_roles_come_from_titles_else_from_agreeing_team_roles(draft):
    """Head of Sales is a sales manager by title; an untitled user an account manager by team."""
    team = {m["id"]: m for m in draft.data["team"]}
    assert team[sf("005", 0)]["role"] == "sales_manager"
    assert team[sf("005", 8)] == {
        "id": sf("005", 8),
        "name": "Ida Igel",
        "role": "account_manager",
    }
    assert draft.source_of("team[8].role") == (
        "User",
        sf("005", 8),
        "AccountTeamMember.TeamMemberRole",
    )
    assert draft.source_of("team[0].role") == ("User", sf("005", 0), "Title")


def test_buying_roles_come_from_titles_and_contact_roles(draft):
    """Leiterin Einkauf is a purchasing manager; Technical Buyer and Economic Buyer map."""
    roles = {s["id"]: s["buying_role"] for s in draft.data["stakeholders"]}
    assert roles[sf("003", 0)] == "purchasing_manager"
    assert roles[sf("003", 1)] == "technical_decision_maker"
    assert roles[sf("003", 2)] == "senior_executive"
    assert draft.source_of("stakeholders[1].buying_role") == (
        "Contact", sf("003", 1), "OpportunityContactRole.Role",
    )  # fmt: skip


def test_a_timestamp_at_24_00_is_the_next_day(draft):
    """2026-03-31T24:00 is midnight of April 1st."""
    lead = next(x for x in draft.data["leads"] if x["id"] == sf("00Q", 9))
    assert lead["created_on"] == "2026-04-01"


def test_provenance_for_a_sample_of_paths(draft):
    """Each wire path maps back to (object, record id, field); inner paths to their value."""
    assert draft.source_of("customers[4].annual_revenue.amount") == (
        "Account",
        sf("001", 4),
        "AnnualRevenue",
    )
    assert draft.source_of("customers[4]") == ("Account", sf("001", 4), "Id")
    assert draft.source_of("customers[4].segment") == (
        "Account",
        sf("001", 4),
        "NumberOfEmployees",
    )
    assert draft.source_of("key_accounts[3].manager") == (
        "AccountTeamMember",
        sf("01M", 3),
        "UserId",
    )
    assert draft.source_of("deals[2].stage") == ("Opportunity", sf("006", 2), "StageName")
    assert draft.source_of("deals[7].stage") == ("Opportunity", sf("006", 7), "IsWon")
    assert draft.source_of("contracts[0].term_months") == (
        "Contract",
        sf("800", 0),
        "ContractTerm",
    )
    assert draft.source_of("nothing[3].here") is None
    assert draft.source_of("") is None


def test_the_portfolio_names_the_left_out_role_and_its_source(draft):
    """portfolio() refuses the member whose evidence disagrees, naming the source record."""
    with pytest.raises(ValidationError) as caught:
        draft.portfolio()
    [item] = caught.value.errors
    assert item.path == "team[25].role"
    assert item.message.endswith(f"(from User {ZOE} Id)")


def test_the_users_answer_decides_and_the_portfolio_is_checked():
    """With the conflict decided, the draft is a portfolio, and check() judges it."""
    decided = salesforce.draft(
        RECORDS, currency="EUR", as_of="2026-12-01", roles={ZOE: "account_manager"}
    )
    assert decided.conflicts == ()
    portfolio = decided.portfolio()
    assert len(portfolio.customers) == 160
    findings = Counter(f.rule for f in check(portfolio))
    assert findings == {
        "key-account-without-plan": 30,
        "key-account-without-contract": 11,
        "decision-team-gap": 2,
        "key-account-served-by-sales-rep": 2,
    }


def test_data_loader_csv_gives_the_same_draft_as_the_rest_api():
    """Every value a string, empty for null, amounts like 1,200,000.50: the same wire data."""
    rows = load_csv("salesforce", salesforce.OBJECTS)
    assert rows["Account"][0]["AnnualRevenue"] == "1,200,000.50"
    from_csv = salesforce.draft(rows, currency="EUR", as_of="2026-12-01")
    from_rest = salesforce.draft(RECORDS, currency="EUR", as_of="2026-12-01")
    assert from_csv.data == from_rest.data
    assert from_csv.unmapped == from_rest.unmapped
    assert from_csv.adjusted == ()  # the CSV already holds cents


def test_a_mapping_is_merged_over_the_defaults():
    """Other is an influencer, an empty lead source inbound; a value mapped to None is ignored."""
    mapped = salesforce.draft(
        RECORDS,
        currency="EUR",
        mapping={"contact_roles": {"Other": "influencer"}, "lead_source": {"": "inbound"}},
    )
    assert mapped.unmapped == draft_unmapped_without(
        "OpportunityContactRole[56].Role", "Lead[5].LeadSource"
    )
    ignored = salesforce.draft(RECORDS, currency="EUR", mapping={"contact_roles": {"Other": None}})
    assert "OpportunityContactRole[56]" in {s.path for s in ignored.skipped}


def draft_unmapped_without(*paths: str):
    full = salesforce.draft(RECORDS, currency="EUR").unmapped
    return tuple(item for item in full if item.path not in paths)


def test_timestamps_become_days_in_the_stated_time_zone():
    """23:30 UTC on March 31st is April 1st in Berlin."""
    lead = {"Id": "00QX", "Company": "Z AG", "Status": "Open - Not Contacted", "LeadSource": "Web",
            "CreatedDate": "2026-03-31T23:30:00.000+0000"}  # fmt: skip
    utc = salesforce.draft({"Lead": [lead]}, currency="EUR")
    berlin = salesforce.draft({"Lead": [lead]}, currency="EUR", tz="Europe/Berlin")
    assert utc.data["leads"][0]["created_on"] == "2026-03-31"
    assert berlin.data["leads"][0]["created_on"] == "2026-04-01"


def test_two_account_managers_on_one_account_are_a_conflict():
    """The manager is left out, not guessed, and the account is still a key account."""
    users = [{"Id": u, "Name": u, "Title": "Key Account Manager"} for u in ("005A", "005B")]
    account = {"Id": "001A", "Name": "A AG", "Type": "Customer - Direct", "NumberOfEmployees": 10}
    role = {"AccountId": "001A", "TeamMemberRole": "Account Manager"}
    team = [{"Id": f"01M{u}", "UserId": u, **role} for u in ("005A", "005B")]
    d = salesforce.draft(
        {"User": users, "Account": [account], "AccountTeamMember": team}, currency="EUR"
    )
    assert items(d.conflicts) == [("AccountTeamMember[0]", "conflicting_managers")]
    assert d.data["key_accounts"] == [{"customer": "001A"}]


def test_bad_input_names_every_source_path_at_once():
    """Wrong shapes, missing fields, wrong types and unknown objects: one ValidationError."""
    records = {
        "Account": [
            {"Id": "001A", "Name": "A", "Type": "Customer - Direct", "AnnualRevenue": [1]},
            "not a record",
            {"Name": "no id"},
            {
                "Id": "001B",
                "Name": "B",
                "Type": "Customer - Direct",
                "AnnualRevenue": "1.200.000,50",
            },
        ],
        "Acount": [],
        "Lead": [{"Id": "00QA", "Status": "Open - Not Contacted", "LeadSource": "Web"}],
        "User": {"Id": "005A"},
    }
    with pytest.raises(ValidationError) as caught:
        salesforce.draft(records, currency="EUR")
    assert items(caught.value.errors) == [
        ("Account[1]", "invalid_type"),
        ("Acount", "unknown_object"),
        ("User", "invalid_type"),
        ("Account[2].Id", "missing"),
        ("Account[0].AnnualRevenue", "invalid_type"),
        ("Account[3].AnnualRevenue", "invalid_number"),
        ("Lead[0].Company", "missing"),
    ]
    assert "Account[2].Id: required but missing" in str(caught.value)


def test_bad_arguments_are_named():
    """A currency, a day, a time zone and a mapping that are wrong are each named."""
    with pytest.raises(ValidationError) as caught:
        salesforce.draft({}, currency="euro", as_of="soon", tz="Mars/Olympus")
    assert items(caught.value.errors) == [
        ("currency", "invalid_currency"), ("as_of", "invalid_date"), ("tz", "invalid_tz"),
    ]  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        salesforce.draft({}, currency="EUR", mapping={"stagez": {}, "stages": {"X": "closed"}})
    assert items(caught.value.errors) == [
        ("mapping.stagez", "unknown_table"), ("mapping.stages['X']", "invalid_enum"),
    ]  # fmt: skip
    with pytest.raises(ValidationError):
        salesforce.draft([], currency="EUR")


def test_team_members_gives_the_account_team_rows_back():
    """The key accounts' managers as AccountTeamMember rows: what the export held."""
    decided = salesforce.draft(RECORDS, currency="EUR", roles={ZOE: "account_manager"})
    rows = salesforce.team_members(decided.portfolio())
    expected = [
        {k: r[k] for k in ("AccountId", "UserId", "TeamMemberRole")}
        for r in RECORDS["AccountTeamMember"]
        if r["TeamMemberRole"] == "Account Manager"
    ]
    assert rows == expected
    with pytest.raises(ValidationError):
        salesforce.team_members(sample_portfolio().customers)  # type: ignore[arg-type]


FIELDS = sorted(
    {k for rows in RECORDS.values() for r in rows for k in r} | {"Role", "TeamMemberRole"}
)


@settings(max_examples=300, deadline=None)
@given(junk_records(salesforce.OBJECTS, FIELDS))
def test_junk_records_never_crash(records):
    """Any junk is a draft or a ValidationError, never a KeyError or TypeError."""
    try:
        d = salesforce.draft(records, currency="EUR")
    except ValidationError:
        return
    assert set(d.accounted()) == input_paths(records)
    with contextlib.suppress(ValidationError):
        d.portfolio()


def test_a_query_response_may_be_passed_whole():
    """{"totalSize", "done", "records"} as simple-salesforce's query_all returns it."""
    response = {"totalSize": 30, "done": True, "records": RECORDS["User"]}
    whole = salesforce.draft({**RECORDS, "User": response}, currency="EUR", as_of="2026-12-01")
    listed = salesforce.draft(RECORDS, currency="EUR", as_of="2026-12-01")
    assert whole.data == listed.data


def test_small_messes_each_land_in_their_place():
    """Deleted records, names in two fields, unknown references, empty picklists: each reported."""
    records = {
        "User": [
            {"Id": "005A", "FirstName": "Ann", "LastName": "Meyer", "Title": "Sales Rep"},
            {"Id": "005B", "Name": "Gone", "IsDeleted": "true"},
        ],
        "Account": [
            {"Id": "001A", "Name": "A AG", "Type": "", "NumberOfEmployees": 10},
            {"Id": "001B", "Name": "B AG", "Type": "Customer - Direct", "NumberOfEmployees": None},
        ],
        "AccountTeamMember": [
            {"Id": "01MA", "AccountId": "001X", "UserId": "005A", "TeamMemberRole": "Sales Rep"},
            {"Id": "01MB", "AccountId": "001B", "UserId": "005Z", "TeamMemberRole": "Sales Rep"},
        ],
        "Contact": [
            {"Id": "003A", "AccountId": "001B", "Name": "Cid", "Title": "CTO"},
            {"Id": "003B", "Name": "No account"},
        ],
        "OpportunityContactRole": [
            {"Id": "00KA", "ContactId": "003A", "Role": "Technical Buyer"},
            {"Id": "00KB", "ContactId": "003A", "Role": "Business User"},
            {"Id": "00KC", "ContactId": "003Z", "Role": "Influencer"},
        ],
        "Opportunity": [
            {"Id": "006A", "AccountId": "001B", "OwnerId": "005A", "StageName": ""},
            {"Id": "006B", "AccountId": "001Z", "OwnerId": "005A", "StageName": "Prospecting"},
        ],
        "Lead": [
            {"Id": "00QA", "Company": "L AG", "Status": "Open - Not Contacted",
             "LeadSource": "Web", "OwnerId": "00G000000000001"},
        ],
        "Contract": [
            {"Id": "800A", "AccountId": "001B", "Status": "Activated", "StartDate": "2026-01-01"},
            {"Id": "800B", "AccountId": "001Z", "Status": "Activated", "StartDate": "2026-01-01",
             "ContractTerm": 12},
        ],
    }  # fmt: skip
    d = salesforce.draft(records, currency="EUR")
    assert d.data["team"] == [
        {"id": "005A", "name": "Ann Meyer", "role": "sales_rep", "title": "Sales Rep"}
    ]
    assert items(d.unmapped) == [
        ("Account[0].Type", "unmapped_value"),
        ("Account[1].NumberOfEmployees", "unmapped_value"),
        ("AccountTeamMember[0].AccountId", "unknown_reference"),
        ("AccountTeamMember[1].UserId", "unknown_reference"),
        ("OpportunityContactRole[2].ContactId", "unknown_reference"),
        ("Opportunity[0].StageName", "unmapped_value"),
        ("Opportunity[1].AccountId", "unknown_reference"),
        ("Lead[0].OwnerId", "unknown_reference"),
        ("Contract[0].ContractTerm", "unmapped_value"),
        ("Contract[1].AccountId", "unknown_reference"),
    ]
    assert items(d.conflicts) == [("Contact[0]", "conflicting_buying_roles")]
    assert [str(s) for s in d.skipped] == [
        "User[1]: deleted (IsDeleted is true)",
        "Contact[1]: no account",
    ]
    assert set(d.accounted()) == input_paths(records)
