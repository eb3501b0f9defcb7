import pickle
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import salesroles as sr
from salesroles import (
    MERGED,
    Comparison,
    CustomerStatus,
    DealStage,
    LifecycleError,
    NotFoundError,
    Product,
    Role,
    Scenario,
    ValidationError,
)
from salesroles.testing import portfolios, sample_portfolio


@pytest.fixture
def base():
    return Scenario(before=sample_portfolio(), name="What if")


def test_a_new_scenario_has_no_changes(base):
    assert base.after == base.before
    assert base.changes == ()
    assert base.policy_after == base.policy_before
    assert repr(base) == "<Scenario 'What if': 0 changes>"


def test_losing_an_account_marks_it_lost_releases_it_and_loses_its_open_deals(base):
    s = base.lose_account("C-ACME")
    assert s.after.customer("C-ACME").status is CustomerStatus.LOST
    assert not s.after.is_key_account("C-ACME")
    assert s.after.deal("D-1").stage is DealStage.LOST
    # The threat went with the designation; the plan's answer to it no longer names it.
    assert all(a.responds_to is None for a in s.after.plan("AP-ACME-2026").actions)
    assert s.before.customer("C-ACME").status is CustomerStatus.ACTIVE
    assert s.lost == ("C-ACME",)
    assert s.changes == (
        "lose C-ACME (ACME Chemie AG): status lost, key account released, 1 open deal lost",
    )


def test_losing_a_small_customer_only_marks_it_lost(base):
    assert base.lose_account("C-BAKER").changes == ("lose C-BAKER (Bäckerei Korn): status lost",)


def test_losing_an_unknown_account_raises(base):
    with pytest.raises(NotFoundError, match="'C-NOPE' names nothing"):
        base.lose_account("C-NOPE")


def test_the_comparison_reports_the_revenue_at_risk_of_a_lost_account(base):
    comparison = base.lose_account("C-ACME").compare()
    assert comparison.loss is not None
    assert comparison.summary()["revenue_at_risk"] == 1200000
    moved = {(f.analysis, f.figure): f for f in comparison.figures}
    total = moved[("concentration", "total_revenue")]
    assert (total.before, total.after, total.delta) == (2068000, 868000, -1200000)
    assert moved[("workload", "ann.key_accounts")].delta == -1


def test_designating_and_releasing(base):
    s = base.designate("C-BAKER", manager="kai", reason="growing")
    assert s.after.key_account("C-BAKER").manager == "kai"
    assert s.after.key_account("C-BAKER").designated_on == date(2026, 11, 27)
    assert s.changes == ("designate C-BAKER a key account, managed by kai",)
    released = s.release("C-NORD")
    assert not released.after.is_key_account("C-NORD")
    assert released.changes[-1] == "release C-NORD"


def test_designating_a_lead_or_a_lapsed_customer_raises(base):
    with pytest.raises(LifecycleError, match="is a lead"):
        base.designate("L-BETA")
    with pytest.raises(LifecycleError, match="is lapsed"):
        base.designate("C-MILL")


def test_a_new_key_account_without_a_plan_shows_up_as_new_findings(base):
    comparison = base.designate("C-BAKER", manager="kai").compare()
    rules = {(f.rule, f.subject) for f in comparison.appeared}
    assert ("key-account-without-plan", "C-BAKER") in rules
    assert ("key-account-without-contract", "C-BAKER") in rules
    assert comparison.disappeared == ()


def test_reassigning_moves_accounts_plans_and_open_deals(base):
    s = base.reassign("ann", "kai")
    assert s.after.key_account("C-ACME").manager == "kai"
    assert s.after.plan("AP-ACME-2026").owner == "kai"
    assert s.after.deal("D-1").owner == "kai"
    assert s.changes == ("reassign 1 key account, 1 plan and 1 open deal from ann to kai",)
    assert [a.customer for a in s.after.accounts_managed_by("kai")] == ["C-ACME", "C-NORD"]


def test_reassigning_only_some_accounts(base):
    s = base.reassign("kai", "ann").reassign("ann", "kai", accounts=["C-NORD"])
    assert s.after.key_account("C-ACME").manager == "ann"
    assert s.after.key_account("C-NORD").manager == "kai"


def test_reassigning_to_an_unknown_member_or_a_non_account_manager_raises(base):
    with pytest.raises(NotFoundError, match="'zed' names nothing"):
        base.reassign("ann", "zed")
    with pytest.raises(NotFoundError):
        base.reassign("zed", "ann")
    with pytest.raises(LifecycleError, match="'bob' is a sales_rep"):
        base.reassign("ann", "bob")
    with pytest.raises(NotFoundError, match="'kai' manages no key account 'C-ACME'"):
        base.reassign("kai", "ann", accounts=["C-ACME"])


def test_promoting_a_rep_makes_the_deal_on_a_key_account_legitimate(base):
    s = base.promote("bob", title="Key Account Manager")
    assert s.after.member("bob").role is Role.ACCOUNT_MANAGER
    assert s.after.member("bob").title == "Key Account Manager"
    assert s.changes == ("promote bob (Bob Braun) from sales_rep to account_manager",)
    gone = {(f.rule, f.subject) for f in s.compare().disappeared}
    assert ("key-account-served-by-sales-rep", "D-2") in gone


def test_promoting_an_unknown_member_raises(base):
    with pytest.raises(NotFoundError):
        base.promote("zed")


def test_switching_to_the_merged_policy_silences_the_new_business_rules(base):
    s = base.with_policy(MERGED)
    assert s.policy_after.name == "merged"
    assert s.after == s.before
    assert s.changes == ("switch policy from strict to merged",)
    comparison = s.compare()
    assert {f.rule for f in comparison.disappeared} == {"key-account-served-by-sales-rep"}
    assert comparison.appeared == ()
    assert comparison.after.policy == "merged"


def test_adding_a_product_asks_every_current_plan_for_a_target(base):
    comparison = base.add_product(Product(id="P-NEW", name="Smart sensors")).compare()
    missing = [f for f in comparison.appeared if f.rule == "plan-missing-product-target"]
    assert {f.subject for f in missing} == {"AP-ACME-2026", "AP-NORD-2026"}
    assert all("P-NEW" in f.message for f in missing)
    # Nordwerk's plan already missed products: its finding changed, so the old one is gone.
    assert [f.subject for f in comparison.disappeared] == ["AP-NORD-2026"]


def test_a_change_of_ones_own(base):
    s = base.apply(lambda p: p.remove("L-BETA"), "drop the Beta lead")
    assert s.after.get("L-BETA") is None
    assert s.changes == ("drop the Beta lead",)


def test_both_sides_are_judged_on_the_same_day(base):
    comparison = base.compare(as_of=date(2026, 6, 30))
    assert comparison.as_of == date(2026, 6, 30)
    assert comparison.before.as_of == comparison.after.as_of == date(2026, 6, 30)
    assert comparison.figures == ()
    assert comparison.loss is None


def test_comparison_displays_and_exports(base):
    comparison = base.lose_account("C-ACME").with_policy(MERGED).compare()
    assert isinstance(comparison, Comparison)
    text = repr(comparison)
    assert text.startswith("<Scenario: What if (as of 2026-11-27)")
    assert "change: switch policy from strict to merged" in text
    page = comparison._repr_html_()
    assert "Bäckerei" not in page
    assert "<table" in page
    assert "Findings that appear and disappear" in page
    records = comparison.to_records()
    assert set(records[0]) == {"analysis", "figure", "before", "after", "delta"}
    gone = comparison.finding_records()
    assert {r["change"] for r in gone} == {"gone"}
    frame = comparison.to_frame()
    assert list(frame.columns) == ["analysis", "figure", "before", "after", "delta"]
    assert "<table" in base.lose_account("C-ACME")._repr_html_()


def test_html_is_escaped():
    s = Scenario(before=sample_portfolio(), name="<script>alert(1)</script>")
    assert "<script>" not in s._repr_html_()
    assert "<script>" not in s.compare()._repr_html_()


def test_figure_deltas_are_numbers_only():
    from salesroles import FigureChange

    assert FigureChange(analysis="a", figure="f", before=1, after=3).delta == 2
    assert FigureChange(analysis="a", figure="f", before=None, after=3).delta is None
    assert FigureChange(analysis="a", figure="f", before=True, after=False).delta is None


moves = st.lists(
    st.sampled_from(["lose", "release", "promote", "merged", "product", "reassign"]), max_size=4
)


@settings(max_examples=40)
@given(portfolios(), moves)
def test_a_scenario_never_mutates_its_input_portfolio(portfolio, chosen):
    frozen = pickle.dumps(portfolio)
    fingerprint = hash(portfolio)
    s = Scenario(before=portfolio)
    for move in chosen:
        try:
            if move == "lose" and s.after.customers:
                s = s.lose_account(s.after.customers[0].id)
            elif move == "release" and s.after.key_accounts:
                s = s.release(s.after.key_accounts[0].customer)
            elif move == "promote":
                s = s.promote(s.after.team[0].id)
            elif move == "merged":
                s = s.with_policy(MERGED)
            elif move == "product":
                s = s.add_product(Product(id=f"P-NEW-{len(s.changes)}", name="New"))
            elif move == "reassign" and len(s.after.team) > 1:
                s = s.reassign(s.after.team[0].id, s.after.team[1].id)
        except (LifecycleError, NotFoundError):
            continue  # a move that makes no sense here is refused, as it should be
    s.compare(as_of=date(2026, 11, 27))
    assert s.before is portfolio
    assert hash(portfolio) == fingerprint
    assert pickle.dumps(portfolio) == frozen


def test_assigning_a_manager(base):
    s = base.assign_manager("C-NORD", "ann")
    assert s.after.key_account("C-NORD").manager == "ann"
    assert s.changes == ("ann manages C-NORD",)
    with pytest.raises(LifecycleError):
        base.assign_manager("C-NORD", "bob")


def test_moves_that_make_no_sense_are_refused(base):
    with pytest.raises(LifecycleError, match="already lost"):
        base.lose_account("C-ACME").lose_account("C-ACME")
    with pytest.raises(LifecycleError, match="'ann' already manages"):
        base.reassign("ann", "ann")
    with pytest.raises(LifecycleError, match="'ann' is already an account_manager"):
        base.promote("ann")


def test_a_lapsed_customer_can_still_be_lost(base):
    assert base.lose_account("C-MILL").after.customer("C-MILL").status is CustomerStatus.LOST


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda s: s.lose_account(["C-ACME"]), "ident"),
        (lambda s: s.reassign("ann", "kai", accounts="C-ACME"), "accounts"),
        (lambda s: s.reassign("ann", "kai", accounts=5), "accounts"),
        (lambda s: s.reassign("ann", "kai", accounts=[5]), "accounts[0]"),
        (lambda s: s.promote("bob", "boss"), "role"),
        (lambda s: s.add_product("P-NEW"), "product"),
        (lambda s: s.apply(5, "x"), "change"),
        (lambda s: s.apply(lambda p: None, "x"), "change"),
        (lambda s: s.compare(as_of=5), "as_of"),
        (lambda s: s.with_policy(5), "policy"),
    ],
)
def test_bad_arguments_raise_a_validation_error_naming_them(base, make, path):
    with pytest.raises(ValidationError) as caught:
        make(base)
    assert caught.value.errors[0].path == path


def test_a_scenario_needs_a_portfolio():
    with pytest.raises(ValidationError, match="expected a Portfolio"):
        Scenario(before="x")


def test_roles_and_dates_may_be_given_as_their_wire_values(base):
    assert base.promote("bob", "sales_manager").after.member("bob").role is Role.SALES_MANAGER
    assert base.compare(as_of="2026-06-30").as_of == date(2026, 6, 30)


def test_the_comparison_marks_severities_in_notebooks(base):
    page = base.with_policy(MERGED).compare()._repr_html_()
    assert "▲ warning" in page
    assert "<td style" in page
    assert ">gone</td>" in page


def test_a_leaving_member_leaves_the_team_and_hands_everything_over():
    from salesroles.testing import generate_portfolio

    p = generate_portfolio(40, seed=4)
    theirs = len(p.accounts_managed_by("am1"))
    s = Scenario(before=p).leave("am1", to="am0")
    after = s.after
    assert "am1" not in {m.id for m in after.team}
    assert after.get("am1") is None
    assert len(after.accounts_managed_by("am0")) == len(p.accounts_managed_by("am0")) + theirs
    assert s.changes[-1].startswith("am1 (Account Manager 1) leaves the team, ")
    comparison = s.compare()
    assert comparison.appeared == ()
    assert not [r for r in sr.workload(after).to_records() if r["member"] == "am1"]


def test_a_leaving_account_manager_needs_an_account_manager_to_take_the_accounts(base):
    with pytest.raises(LifecycleError):
        base.leave("kai", to="bob")
    with pytest.raises(LifecycleError):
        base.leave("kai", to="kai")
    with pytest.raises(NotFoundError):
        base.leave("kai", to="nobody")
    s = base.leave("bob", to="sue")
    assert "bob" not in {m.id for m in s.after.team}
    assert all(lead.owner != "bob" for lead in s.after.leads)
