from datetime import date, datetime

import attrs
import pytest
from hypothesis import given

import salesroles as sr
from salesroles import NotFoundError, Role, ValidationError
from salesroles.testing import generate_portfolio, portfolios, sample_portfolio


def test_the_sample_team_carries_what_the_article_gives_each_role():
    w = sr.workload(sample_portfolio())
    assert w.on == date(2026, 11, 27)
    rows = {m.member: m for m in w.members}
    assert (rows["ann"].key_accounts, rows["ann"].plans, rows["ann"].open_deals) == (1, 1, 1)
    assert (rows["kai"].key_accounts, rows["kai"].plans, rows["kai"].open_deals) == (1, 1, 0)
    assert (rows["bob"].open_leads, rows["bob"].open_deals, rows["bob"].targets) == (1, 1, 1)
    assert (rows["sue"].open_leads, rows["sue"].targets) == (1, 1)
    assert rows["dora"] == sr.MemberWorkload(
        member="dora",
        name="Dora Diaz",
        role=Role.SALES_MANAGER,
        key_accounts=0,
        open_leads=0,
        open_deals=0,
        plans=0,
        targets=0,
        assignments=0,
    )
    assert w.member("bob") is rows["bob"]
    with pytest.raises(NotFoundError, match="'zed'"):
        w.member("zed")


def test_totals_per_role():
    w = sr.workload(sample_portfolio())
    assert w.role_records()[:2] == [
        {
            "role": "account_manager",
            "members": 2,
            "key_accounts": 2,
            "open_leads": 0,
            "open_deals": 1,
            "plans": 2,
            "targets": 0,
            "assignments": 0,
        },
        {
            "role": "sales_rep",
            "members": 2,
            "key_accounts": 0,
            "open_leads": 2,
            "open_deals": 1,
            "plans": 0,
            "targets": 2,
            "assignments": 0,
        },
    ]
    assert [r.role for r in w.roles] == list(Role)
    assert w.summary()["members"] == 7


def test_closed_leads_deals_and_past_plans_are_not_workload():
    p = sample_portfolio().disqualify_lead("L-BETA")
    p = p.replace(attrs.evolve(p.deal("D-1"), stage="won"))
    w = sr.workload(p, as_of=date(2027, 2, 1))
    rows = {m.member: m for m in w.members}
    assert rows["bob"].open_leads == 0
    assert rows["ann"].open_deals == 0
    assert rows["ann"].plans == 0


def test_a_generated_portfolio_adds_up():
    p = generate_portfolio(40, seed=5)
    w = sr.workload(p)
    total = w.summary()
    assert total["key_accounts"] == sum(1 for a in p.key_accounts if a.manager)
    assert total["assignments"] == len(p.assignments)
    assert total["open_deals"] == sum(1 for d in p.deals if d.is_open)
    by_role = {r.role: r for r in w.roles}
    assert by_role[Role.ACCOUNT_MANAGER].members == 2
    assert by_role[Role.SALES_REP].open_leads == len(p.leads)


@given(portfolios())
def test_workload_counts_every_member_once_and_changes_nothing(p):
    before = attrs.asdict(p, recurse=False)
    w = sr.workload(p)
    assert attrs.asdict(p, recurse=False) == before
    assert [m.member for m in w.members] == [m.id for m in p.team]
    assert sum(r.members for r in w.roles) == len(p.team)
    assert sum(r.key_accounts for r in w.roles) == w.summary()["key_accounts"]


def test_the_day_may_be_an_iso_string():
    p = sample_portfolio()
    assert sr.workload(p, as_of="2027-03-01") == sr.workload(p, as_of=date(2027, 3, 1))
    assert sr.workload(p, as_of="2027-03-01").as_of == date(2027, 3, 1)


@pytest.mark.parametrize(
    ("portfolio", "as_of", "path", "code"),
    [
        (None, None, "portfolio", "invalid_type"),
        ("portfolio", None, "portfolio", "invalid_type"),
        (sample_portfolio(), 5, "as_of", "invalid_date"),
        (sample_portfolio(), datetime(2026, 6, 30, 12), "as_of", "invalid_date"),
        (sample_portfolio(), "30.06.2026", "as_of", "invalid_date"),
        (sample_portfolio(), "2026-02-30", "as_of", "invalid_date"),
    ],
)
def test_bad_arguments_are_refused_by_name(portfolio, as_of, path, code):
    with pytest.raises(ValidationError) as caught:
        sr.workload(portfolio, as_of=as_of)
    assert [(e.path, e.code) for e in caught.value.errors] == [(path, code)]


def test_on_still_works_with_a_warning_and_both_are_refused():
    p = sample_portfolio()
    with pytest.warns(DeprecationWarning, match=r"on= is deprecated; use as_of=") as warned:
        old = sr.workload(p, on="2027-02-01")
    assert warned[0].filename == __file__
    assert old == sr.workload(p, as_of="2027-02-01")
    with pytest.raises(ValidationError) as caught:
        sr.workload(p, as_of="2027-02-01", on="2027-02-01")
    assert [(e.path, e.code) for e in caught.value.errors] == [("as_of", "conflicting_arguments")]
