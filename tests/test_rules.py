"""Every rule of docs/rules.md: silent on a clean portfolio, firing on a minimal change."""

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules_fixtures import YEAR, clean_plan, clean_portfolio, eur, evolve, only
from salesroles import (
    MERGED,
    STRICT,
    Assignment,
    CompetitiveThreat,
    Customer,
    Deal,
    KeyAccount,
    Lead,
    Order,
    Period,
    PlanAction,
    Product,
    RevenueTarget,
    Severity,
    SupplyContract,
    check,
    rules,
)
from salesroles._model.commerce import in_term

RULE_IDS = [r.id for r in rules()]


def the_finding(portfolio, rule, **kwargs):
    found = only(portfolio, rule, **kwargs)
    assert len(found) == 1, found
    return found[0]


# -- the catalogue --


def test_the_catalogue_holds_the_fifteen_rules_of_the_domain_and_work_outside_role():
    """Section 5's fifteen rules, and one for misplaced work no other rule names (S0.3)."""
    expected = {
        "account-manager-new-business": ("error", ("S1.4",)),
        "key-account-without-manager": ("error", ("S2.1", "S2.2")),
        "key-account-not-customer": ("error", ("S2.1", "S2.2")),
        "target-not-set-by-sales-manager": ("error", ("S3.2",)),
        "key-account-without-plan": ("error", ("S3.1", "S3.4")),
        "plan-owner-not-account-manager": ("error", ("S3.3", "S3.4")),
        "plan-missing-product-target": ("error", ("S3.4",)),
        "plan-without-profitability-target": ("warning", ("S3.3",)),
        "plan-without-relationship-action": ("warning", ("S3.5",)),
        "threat-without-response": ("warning", ("S2.4",)),
        "decision-team-gap": ("warning", ("S4.2", "S4.3")),
        "key-account-without-contract": ("warning", ("S4.2",)),
        "order-admin-not-coordinator": ("warning", ("S5.5",)),
        "key-account-served-by-sales-rep": ("warning", ("S2.1", "S4.1")),
        "no-communication-cadence": ("info", ("S5.2",)),
        "work-outside-role": ("warning", ("S0.3",)),
    }
    assert {r.id: (r.default_severity.value, r.claims) for r in rules()} == expected
    assert list(expected) == RULE_IDS


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.id)
def test_every_rule_has_a_title_a_principle_an_explanation_and_a_condition(rule):
    assert rule.title
    assert rule.summary.endswith(".")
    assert len(rule.explanation.split()) > 15
    assert rule.fires_when.endswith(".")
    assert rule.id in str(rule)
    assert "judge=" not in repr(rule)


@pytest.mark.parametrize("rule", RULE_IDS)
def test_a_clean_portfolio_keeps_every_rule_silent(rule):
    assert only(clean_portfolio(), rule) == []
    assert only(clean_portfolio(), rule, policy=MERGED) == []


def test_a_clean_portfolio_yields_no_finding_at_all():
    report = check(clean_portfolio())
    assert report.findings == ()
    assert report.ok


# -- account-manager-new-business (S1.4) --


def test_account_manager_owning_a_lead_is_new_business():
    p = clean_portfolio()
    p = p.replace(attrs.evolve(p.lead("L-BETA"), owner="ann"))
    found = the_finding(p, "account-manager-new-business")
    assert found.subject == "L-BETA"
    assert found.severity is Severity.ERROR
    assert found.claims == ("S1.4",)
    assert "Ann Meyer (ann), an account manager" in found.message
    assert "L-BETA (Beta AG)" in found.message


@pytest.mark.parametrize("duty", ["prospecting", "follow_up_leads"])
def test_account_manager_assigned_new_business_duties_fires(duty):
    p = clean_portfolio().add(Assignment(member="ann", responsibility=duty, subject="C-BAKER"))
    found = the_finding(p, "account-manager-new-business")
    assert found.subject == "C-BAKER"
    assert f"assigned {duty}" in found.message
    assert "ann" in found.involves


def test_account_manager_assigned_any_work_on_a_lead_fires_even_for_their_own_duty():
    p = clean_portfolio().add(
        Assignment(member="ann", responsibility="negotiate_long_term_contracts", subject="L-BETA")
    )
    found = the_finding(p, "account-manager-new-business")
    assert found.subject == "L-BETA"
    assert "negotiate_long_term_contracts on a lead" in found.message


def test_sales_rep_doing_new_business_is_no_finding():
    p = clean_portfolio().add(
        Assignment(member="bob", responsibility="prospecting", subject="C-BAKER")
    )
    assert only(p, "account-manager-new-business") == []


def test_account_manager_new_business_is_silent_under_merged():
    p = clean_portfolio()
    p = p.replace(attrs.evolve(p.lead("L-BETA"), owner="ann")).add(
        Assignment(member="ann", responsibility="prospecting", subject="C-BAKER")
    )
    assert len(only(p, "account-manager-new-business")) == 2
    assert only(p, "account-manager-new-business", policy=MERGED) == []


def test_account_manager_new_business_is_silent_when_the_policy_gives_them_the_duties():
    p = clean_portfolio()
    p = p.replace(attrs.evolve(p.lead("L-BETA"), owner="ann")).add(
        Assignment(member="ann", responsibility="prospecting", subject="C-BAKER")
    )
    policy = STRICT.with_owners("follow_up_leads", "sales_rep", "account_manager").with_owners(
        "prospecting", "sales_rep", "account_manager"
    )
    assert policy.is_on("account-manager-new-business")
    assert only(p, "account-manager-new-business", policy=policy) == []


# -- key-account-without-manager (S2.1, S2.2) --


def test_key_account_without_manager_fires_when_nobody_manages_it():
    p = clean_portfolio()
    p = p.replace(p.key_account("C-ACME").with_manager(None))
    found = the_finding(p, "key-account-without-manager")
    assert found.subject == "C-ACME"
    assert "C-ACME (ACME Chemie AG) has no manager" in found.message
    assert "an account manager" in found.message


def test_key_account_without_manager_fires_when_its_manager_is_a_sales_rep():
    p = clean_portfolio()
    p = p.replace(p.key_account("C-ACME").with_manager("bob"))
    found = the_finding(p, "key-account-without-manager")
    assert found.subject == "C-ACME"
    assert "Bob Braun (bob), a sales representative" in found.message
    assert found.involves == ("C-ACME", "bob")


def test_key_account_managed_by_a_sales_rep_is_accepted_under_merged_but_not_by_marketing():
    p = clean_portfolio()
    by_rep = p.replace(p.key_account("C-ACME").with_manager("bob"))
    by_marketing = p.replace(p.key_account("C-ACME").with_manager("mia"))
    assert only(by_rep, "key-account-without-manager", policy=MERGED) == []
    found = the_finding(by_marketing, "key-account-without-manager", policy=MERGED)
    assert "Mia Maier (mia), marketing" in found.message
    assert "under policy 'merged'" in found.message


# -- key-account-not-customer (S2.1, S2.2) --


@pytest.mark.parametrize("status", ["lapsed", "lost"])
def test_key_account_not_customer_fires_for_a_lapsed_or_lost_customer(status):
    p = clean_portfolio()
    p = p.replace(p.customer("C-ACME").with_status(status))
    found = the_finding(p, "key-account-not-customer")
    assert found.subject == "C-ACME"
    assert f"is a {status} customer" in found.message
    assert found.claims == ("S2.1", "S2.2")


# -- target-not-set-by-sales-manager (S3.2) --


def test_sales_reps_target_set_by_an_account_manager_fires():
    p = clean_portfolio()
    p = p.replace(attrs.evolve(p.target("T-BOB"), set_by="ann"))
    found = the_finding(p, "target-not-set-by-sales-manager")
    assert found.subject == "T-BOB"
    assert "Bob Braun (bob), a sales representative" in found.message
    assert "set by Ann Meyer (ann), an account manager" in found.message
    assert found.involves == ("T-BOB", "ann", "bob")  # the target, who set it, whose it is


def test_sales_rep_setting_their_own_target_fires():
    p = clean_portfolio()
    p = p.replace(attrs.evolve(p.target("T-BOB"), set_by="bob"))
    assert the_finding(p, "target-not-set-by-sales-manager").subject == "T-BOB"


def test_the_message_names_the_target_owners_own_role():
    p = clean_portfolio()
    p = p.replace(attrs.evolve(p.target("T-BOB"), set_by="ann"))
    found = the_finding(p, "target-not-set-by-sales-manager")
    assert "a sales representative's target is set by a sales manager under policy 'strict'" in (
        found.message
    )
    p = clean_portfolio().add(
        RevenueTarget(id="T-ANN", owner="ann", period=YEAR, revenue=eur("1"), set_by="ann")
    )
    found = the_finding(p, "target-not-set-by-sales-manager", policy=MERGED)
    assert found.subject == "T-ANN"
    assert "sales rep" not in found.message
    assert "an account manager's target is set by a sales manager under policy 'merged'" in (
        found.message
    )


def test_account_managers_own_targets_are_not_judged_by_the_sales_rep_rule():
    p = clean_portfolio().add(
        RevenueTarget(id="T-ANN", owner="ann", period=YEAR, revenue=eur("1"), set_by="ann")
    )
    assert only(p, "target-not-set-by-sales-manager") == []


# -- key-account-without-plan (S3.1, S3.4) --


def test_key_account_without_plan_fires_when_no_plan_covers_as_of():
    p = clean_portfolio()
    p = p.replace(clean_plan(period=Period.year(2025)))
    found = the_finding(p, "key-account-without-plan")
    assert found.subject == "C-ACME"
    assert "no plan covering 2026-11-27" in found.message
    assert "AP-ACME" in found.message
    assert found.involves == ("C-ACME", "AP-ACME")


def test_key_account_without_any_plan_fires_and_the_other_plan_rules_stay_silent():
    p = clean_portfolio()
    p = evolve(p, plans=(), assignments=p.assignments[:2])
    report = check(p)
    assert [f.rule for f in report] == ["key-account-without-plan", "threat-without-response"]
    assert "has no plan covering 2026-11-27" in report.errors[0].message


def test_key_account_without_plan_follows_the_as_of_date():
    p = clean_portfolio()
    assert only(p, "key-account-without-plan", as_of=date(2027, 1, 1))[0].subject == "C-ACME"
    assert only(p, "key-account-without-plan", as_of=date(2026, 1, 1)) == []


def test_of_two_current_plans_the_later_one_is_judged():
    later = clean_plan(
        id="AP-ACME-H2",
        period=Period(start="2026-07-01", end="2026-12-31"),
        profitability_target=None,
        actions=[PlanAction(id="A-9", kind="relationship", description="site visit")],
    )
    p = clean_portfolio().add(later)
    found = the_finding(p, "plan-without-profitability-target")
    assert found.subject == "AP-ACME-H2"
    first_later = evolve(p, plans=tuple(reversed(p.plans)))
    assert the_finding(first_later, "plan-without-profitability-target").subject == "AP-ACME-H2"


# -- plan-owner-not-account-manager (S3.3, S3.4) --


def test_plan_owned_by_another_account_manager_fires():
    p = clean_portfolio().replace(clean_plan(owner="kai"))
    found = the_finding(p, "plan-owner-not-account-manager")
    assert found.subject == "AP-ACME"
    assert "Kai Wolf (kai)" in found.message
    assert "not by the account's manager Ann Meyer (ann)" in found.message


def test_plan_of_an_account_without_manager_is_judged_by_the_owners_role_alone():
    """Without a manager the plan has no manager to be owned by: only a rep writing it is wrong."""
    p = clean_portfolio()
    p = p.replace(p.key_account("C-ACME").with_manager(None))
    assert only(p, "plan-owner-not-account-manager") == []
    assert only(p, "work-outside-role") == []
    p = p.replace(clean_plan(owner="bob"))
    assert only(p, "plan-owner-not-account-manager") == []
    found = the_finding(p, "work-outside-role")
    assert "Bob Braun (bob), a sales representative" in found.message
    assert "write_account_plan is the work of an account manager" in found.message


# -- plan-missing-product-target (S3.4) --


def test_plan_missing_product_target_fires_for_a_product_without_a_target():
    p = clean_portfolio()
    p = evolve(p, products=(*p.products, *_more_products()))
    found = the_finding(p, "plan-missing-product-target")
    assert found.subject == "AP-ACME"
    assert "no revenue target for P-SEAL (Seals) and P-DRIVE (Drives)" in found.message
    assert found.involves == ("AP-ACME", "P-SEAL", "P-DRIVE")


def test_a_zero_revenue_target_says_a_product_is_not_planned_and_satisfies_the_rule():
    p = clean_portfolio()
    plan = clean_plan()
    p = p.replace(plan.with_target("P-VALVE", eur("0")))
    assert only(p, "plan-missing-product-target") == []
    p = p.replace(attrs.evolve(plan, product_targets=plan.product_targets[:1]))
    assert "P-VALVE (Control valves)" in the_finding(p, "plan-missing-product-target").message


# -- plan-without-profitability-target (S3.3) --


def test_plan_without_profitability_target_fires():
    p = clean_portfolio().replace(clean_plan(profitability_target=None))
    found = the_finding(p, "plan-without-profitability-target")
    assert found.subject == "AP-ACME"
    assert found.severity is Severity.WARNING
    assert "C-ACME (ACME Chemie AG)" in found.message


# -- plan-without-relationship-action (S3.5) --


def test_plan_without_relationship_action_fires_when_no_action_is_of_kind_relationship():
    plan = clean_plan()
    p = clean_portfolio().replace(attrs.evolve(plan, actions=plan.actions[1:]))
    found = the_finding(p, "plan-without-relationship-action")
    assert found.subject == "AP-ACME"
    assert "no relationship action" in found.message


# -- threat-without-response (S2.4) --


def test_threat_without_response_names_the_unanswered_threat():
    p = clean_portfolio()
    account = p.key_account("C-ACME").with_threat(
        CompetitiveThreat(id="TH-2", competitor="Cheapo Ltd")
    )
    p = p.replace(account)
    found = the_finding(p, "threat-without-response")
    assert found.subject == "TH-2"
    assert "threat TH-2 by Cheapo Ltd" in found.message
    assert "C-ACME (ACME Chemie AG)" in found.message
    assert "of plan AP-ACME" in found.message


def test_an_action_of_any_kind_that_names_the_threat_answers_it():
    p = clean_portfolio()
    p = p.replace(
        p.key_account("C-ACME").with_threat(CompetitiveThreat(id="TH-2", competitor="X"))
    )
    p = p.replace(
        clean_plan().with_action(
            PlanAction(id="A-3", kind="service", description="faster service", responds_to="TH-2")
        )
    )
    assert only(p, "threat-without-response") == []


def test_without_a_current_plan_every_threat_is_unanswered():
    p = clean_portfolio().replace(clean_plan(period=Period.year(2025)))
    found = the_finding(p, "threat-without-response")
    assert found.subject == "TH-1"
    assert "no current plan" in found.message


# -- decision-team-gap (S4.2, S4.3) --


def test_decision_team_gap_names_the_missing_buying_roles():
    p = clean_portfolio().remove("S-TOM").remove("S-IDA")
    found = the_finding(p, "decision-team-gap")
    assert found.subject == "C-ACME"
    assert "lacks a technical decision maker and a senior executive" in found.message
    assert found.involves == ("C-ACME", "technical_decision_maker", "senior_executive")


def test_decision_team_without_anybody_lacks_all_three_roles():
    p = clean_portfolio()
    p = evolve(
        p,
        stakeholders=(),
        plans=(clean_plan(communication=None),),
    )
    found = the_finding(p, "decision-team-gap")
    assert "a purchasing manager, a technical decision maker and a senior executive" in (
        found.message
    )


# -- key-account-without-contract (S4.2) --


def test_key_account_without_contract_fires_when_no_contract_is_in_force():
    p = clean_portfolio()
    p = p.replace(SupplyContract(id="K-1", customer="C-ACME", start="2023-01-01", term_months=36))
    found = the_finding(p, "key-account-without-contract")
    assert found.subject == "C-ACME"
    assert "no supply contract in force on 2026-11-27" in found.message
    assert "K-1" in found.message


def test_key_account_with_no_contract_at_all_fires():
    p = clean_portfolio().remove("K-1")
    found = the_finding(p, "key-account-without-contract")
    assert found.involves == ("C-ACME",)


def test_a_contract_ends_the_day_before_its_renewal_date():
    p = clean_portfolio()
    assert only(p, "key-account-without-contract", as_of=date(2028, 12, 31)) == []
    assert len(only(p, "key-account-without-contract", as_of=date(2029, 1, 1))) == 1


# -- order-admin-not-coordinator (S5.5) --


def test_order_administered_by_a_sales_rep_fires():
    p = clean_portfolio()
    p = p.replace(attrs.evolve(p.order("O-1"), administered_by="bob"))
    found = the_finding(p, "order-admin-not-coordinator")
    assert found.subject == "O-1"
    assert "Bob Braun (bob), a sales representative" in found.message
    assert "C-BAKER (Bäckerei Korn)" in found.message


def test_an_order_of_a_key_account_says_so():
    p = clean_portfolio()
    p = p.replace(attrs.evolve(p.order("O-1"), administered_by="bob"))
    assert "key account" not in the_finding(p, "order-admin-not-coordinator").message
    p = p.replace(attrs.evolve(p.order("O-1"), administered_by="carl"))
    p = p.replace(attrs.evolve(p.order("O-2"), administered_by="ann"))
    found = the_finding(p, "order-admin-not-coordinator")
    assert found.subject == "O-2"
    assert found.message.startswith(
        "order O-2 of C-ACME (ACME Chemie AG), a key account, is administered by Ann Meyer "
        "(ann), an account manager;"
    )


def test_order_admin_by_sales_reps_is_accepted_when_the_policy_moves_the_duty():
    p = clean_portfolio()
    p = p.replace(attrs.evolve(p.order("O-1"), administered_by="bob"))
    policy = STRICT.with_owners("order_administration", "sales_coordinator", "sales_rep")
    assert only(p, "order-admin-not-coordinator", policy=policy) == []


def test_orders_given_to_nobody_are_reported_as_such():
    p = clean_portfolio()
    policy = STRICT.named("odd").with_owners("order_administration")
    found = the_finding(p, "order-admin-not-coordinator", policy=policy)
    assert "orders are administered by nobody under policy 'odd'" in found.message


# -- key-account-served-by-sales-rep (S2.1, S4.1) --


def test_open_deal_on_a_key_account_owned_by_a_sales_rep_fires():
    p = clean_portfolio().add(Deal(id="D-9", customer="C-ACME", stage="proposal", owner="bob"))
    found = the_finding(p, "key-account-served-by-sales-rep")
    assert found.subject == "D-9"
    assert "Bob Braun (bob), a sales representative" in found.message
    assert "C-ACME (ACME Chemie AG)" in found.message


@pytest.mark.parametrize("stage", ["won", "lost"])
def test_closed_deals_on_key_accounts_are_not_counted(stage):
    p = clean_portfolio().add(Deal(id="D-9", customer="C-ACME", stage=stage, owner="bob"))
    assert only(p, "key-account-served-by-sales-rep") == []


@pytest.mark.parametrize("subject", ["C-ACME", "AP-ACME", "D-1", "O-2"])
def test_sales_rep_assigned_to_manage_a_key_account_fires(subject):
    p = clean_portfolio().add(
        Assignment(member="bob", responsibility="manage_key_accounts", subject=subject)
    )
    found = the_finding(p, "key-account-served-by-sales-rep")
    assert found.subject == subject
    assert "assigned manage_key_accounts for key account C-ACME" in found.message


def test_sales_rep_managing_a_small_customer_is_no_key_account_finding():
    """A rep assigned manage_key_accounts for a small customer: misplaced, but no key account."""
    p = clean_portfolio().add(
        Assignment(member="bob", responsibility="manage_key_accounts", subject="C-BAKER"),
    )
    assert only(p, "key-account-served-by-sales-rep") == []
    assert the_finding(p, "work-outside-role").subject == "C-BAKER"


def test_sales_rep_closing_deals_for_a_key_account_is_served_by_a_rep():
    """Closing deals on a key account keeps and grows it: the account manager's (S2.1)."""
    p = clean_portfolio().add(
        Assignment(member="bob", responsibility="close_deals", subject="C-ACME"),
    )
    found = the_finding(p, "key-account-served-by-sales-rep")
    assert found.involves == ("C-ACME", "bob")
    assert "assigned close_deals for key account C-ACME" in found.message


def test_key_account_served_by_sales_rep_is_silent_under_merged():
    p = clean_portfolio().add(
        Deal(id="D-9", customer="C-ACME", stage="proposal", owner="bob"),
        Assignment(member="bob", responsibility="manage_key_accounts", subject="C-ACME"),
    )
    assert len(only(p, "key-account-served-by-sales-rep")) == 2
    assert only(p, "key-account-served-by-sales-rep", policy=MERGED) == []


def test_key_account_served_by_sales_rep_is_silent_when_reps_may_manage_key_accounts():
    p = clean_portfolio().add(
        Deal(id="D-9", customer="C-ACME", stage="proposal", owner="bob"),
        Assignment(member="bob", responsibility="manage_key_accounts", subject="C-ACME"),
    )
    policy = STRICT.with_owners("manage_key_accounts", "account_manager", "sales_rep")
    assert policy.is_on("key-account-served-by-sales-rep")
    assert only(p, "key-account-served-by-sales-rep", policy=policy) == []


# -- no-communication-cadence (S5.2) --


def test_no_communication_cadence_fires_for_a_plan_without_one():
    p = clean_portfolio().replace(clean_plan(communication=None))
    found = the_finding(p, "no-communication-cadence")
    assert found.subject == "AP-ACME"
    assert found.severity is Severity.INFO
    assert "no communication cadence" in found.message


# -- helpers --


def _more_products():
    return [Product(id="P-SEAL", name="Seals"), Product(id="P-DRIVE", name="Drives")]


def test_a_second_key_account_gets_findings_of_its_own_and_nothing_else_changes():
    p = clean_portfolio().add(
        Lead(id="L-NOBODY", company="Nobody GmbH", source="event", status="new"),
        Customer(id="C-OLD", name="Old AG", segment="small", status="lapsed"),
        Order(id="O-9", customer="C-OLD", placed_on="2026-01-02", amount=eur("10")),
        KeyAccount(customer="C-BAKER", manager="kai"),
    )
    report = check(p)
    assert {(f.rule, f.subject) for f in report} == {
        ("key-account-without-plan", "C-BAKER"),
        ("decision-team-gap", "C-BAKER"),
        ("key-account-without-contract", "C-BAKER"),
        ("key-account-served-by-sales-rep", "D-2"),
    }


@given(
    start=st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)),
    months=st.integers(1, 600),
    offset=st.integers(0, 20_000),
)
def test_the_fast_contract_term_agrees_with_the_contracts_own_answer(start, months, offset):
    day = start + timedelta(days=offset)
    contract = SupplyContract(id="K", customer="C", start=start, term_months=months)
    assert in_term(start, months, day) == contract.is_active(day)


# -- what each finding says: its message and involves are part of the API --


def _owned(getter, ident, **changes):
    """Change one entity of the clean portfolio, found by *getter* and *ident*."""

    def change(p):
        return p.replace(attrs.evolve(getattr(p, getter)(ident), **changes))

    return change


def _added(*entities):
    return lambda p: p.add(*entities)


def _lapsed(p):
    return p.replace(p.customer("C-ACME").with_status("lapsed"))


def _without_plans(p):
    return evolve(p, plans=(), assignments=p.assignments[:2])


def _past_plans(p):
    old = clean_plan(id="AP-OLD", period=Period.year(2024), actions=[])
    return p.replace(clean_plan(period=Period.year(2025))).add(old)


def _past_contracts(p):
    old = SupplyContract(id="K-0", customer="C-ACME", start="2020-01-01", term_months=12)
    return p.replace(
        SupplyContract(id="K-1", customer="C-ACME", start="2023-01-01", term_months=36)
    ).add(old)


_ANN = "Ann Meyer (ann), an account manager"
_BOB = "Bob Braun (bob), a sales representative"
_KAI = "Kai Wolf (kai), an account manager"
_MIA = "Mia Maier (mia), marketing"
_ACME = "key account C-ACME (ACME Chemie AG)"
_NO_NEW_BUSINESS = (
    "account managers deal only with existing customers and have no new-business duties"
)
_CUSTOMISED = "under policy 'strict (customised)'"
_SERVED = "key accounts are served by their account manager"


@pytest.mark.parametrize(
    ("change", "policy", "rule", "message", "involves"),
    [
        pytest.param(
            _owned("lead", "L-BETA", owner="ann"),
            STRICT,
            "account-manager-new-business",
            f"lead L-BETA (Beta AG) is owned by {_ANN}; {_NO_NEW_BUSINESS}",
            ("L-BETA", "ann"),
            id="lead owned by an account manager",
        ),
        pytest.param(
            _added(
                Assignment(
                    member="ann", responsibility="negotiate_long_term_contracts", subject="L-BETA"
                )
            ),
            STRICT,
            "account-manager-new-business",
            f"{_ANN} is assigned negotiate_long_term_contracts on a lead (L-BETA); "
            f"{_NO_NEW_BUSINESS}",
            ("L-BETA", "ann"),
            id="assigned work on a lead",
        ),
        pytest.param(
            _added(
                Assignment(
                    member="ann", responsibility="negotiate_long_term_contracts", subject="C-MILL"
                )
            ),
            STRICT,
            "account-manager-new-business",
            f"{_ANN} is assigned negotiate_long_term_contracts on a lost customer (C-MILL); "
            f"{_NO_NEW_BUSINESS}",
            ("C-MILL", "ann"),
            id="assigned work on a lost customer",
        ),
        pytest.param(
            _added(Assignment(member="ann", responsibility="prospecting", subject="C-BAKER")),
            STRICT,
            "account-manager-new-business",
            f"{_ANN} is assigned prospecting (C-BAKER); {_NO_NEW_BUSINESS}",
            ("C-BAKER", "ann"),
            id="assigned prospecting for an active customer",
        ),
        pytest.param(
            lambda p: p.replace(p.key_account("C-ACME").with_manager("bob")),
            STRICT,
            "key-account-without-manager",
            f"{_ACME} is managed by {_BOB}; key accounts are managed by an account manager "
            "under policy 'strict'",
            ("C-ACME", "bob"),
            id="key account managed by a sales rep",
        ),
        pytest.param(
            lambda p: p.replace(p.key_account("C-ACME").with_manager(None)),
            STRICT,
            "key-account-without-manager",
            f"{_ACME} has no manager; key accounts are managed by an account manager under "
            "policy 'strict'",
            ("C-ACME",),
            id="key account without manager",
        ),
        pytest.param(
            _lapsed,
            STRICT,
            "key-account-not-customer",
            f"{_ACME} is a lapsed customer; a key account is an active, existing customer",
            ("C-ACME", "ann"),
            id="lapsed key account with its manager",
        ),
        pytest.param(
            lambda p: _lapsed(p).replace(p.key_account("C-ACME").with_manager(None)),
            STRICT,
            "key-account-not-customer",
            f"{_ACME} is a lapsed customer; a key account is an active, existing customer",
            ("C-ACME",),
            id="lapsed key account without manager",
        ),
        pytest.param(
            _owned("target", "T-BOB", set_by="ann"),
            STRICT,
            "target-not-set-by-sales-manager",
            f"revenue target T-BOB of {_BOB}, was set by {_ANN}; a sales representative's "
            "target is set by a sales manager under policy 'strict'",
            ("T-BOB", "ann", "bob"),
            id="target set by an account manager",
        ),
        pytest.param(
            _without_plans,
            STRICT,
            "key-account-without-plan",
            f"{_ACME} has no plan covering 2026-11-27",
            ("C-ACME",),
            id="key account without any plan",
        ),
        pytest.param(
            _past_plans,
            STRICT,
            "key-account-without-plan",
            f"{_ACME} has no plan covering 2026-11-27 (its plans AP-ACME, AP-OLD cover other "
            "periods)",
            ("C-ACME", "AP-ACME", "AP-OLD"),
            id="key account with past plans",
        ),
        pytest.param(
            lambda p: p.replace(clean_plan(owner="kai")),
            STRICT,
            "plan-owner-not-account-manager",
            f"plan AP-ACME of {_ACME} is owned by {_KAI}, not by the account's manager {_ANN}",
            ("AP-ACME", "kai", "ann"),
            id="plan owned by another account manager",
        ),
        pytest.param(
            _added(
                Assignment(member="kai", responsibility="write_account_plan", subject="AP-ACME")
            ),
            STRICT,
            "plan-owner-not-account-manager",
            f"{_KAI} is assigned write_account_plan for plan AP-ACME of {_ACME}, which is written "
            f"by the account's manager {_ANN}",
            ("AP-ACME", "kai", "ann"),
            id="plan assigned to another account manager",
        ),
        pytest.param(
            lambda p: p.remove("K-1"),
            STRICT,
            "key-account-without-contract",
            f"{_ACME} has no supply contract in force on 2026-11-27",
            ("C-ACME",),
            id="key account without any contract",
        ),
        pytest.param(
            _past_contracts,
            STRICT,
            "key-account-without-contract",
            f"{_ACME} has no supply contract in force on 2026-11-27 (contracts K-1, K-0 are "
            "not in force then)",
            ("C-ACME", "K-1", "K-0"),
            id="key account with past contracts",
        ),
        pytest.param(
            _owned("order", "O-1", administered_by="bob"),
            STRICT,
            "order-admin-not-coordinator",
            f"order O-1 of C-BAKER (Bäckerei Korn) is administered by {_BOB}; orders are "
            "administered by a sales coordinator under policy 'strict'",
            ("O-1", "bob"),
            id="order administered by a sales rep",
        ),
        pytest.param(
            _added(Assignment(member="bob", responsibility="order_administration", subject="O-2")),
            STRICT,
            "order-admin-not-coordinator",
            f"order O-2 of C-ACME (ACME Chemie AG), a key account, is assigned to {_BOB}; "
            "orders are administered by a sales coordinator under policy 'strict'",
            ("O-2", "bob"),
            id="order of a key account assigned to a sales rep",
        ),
        pytest.param(
            _added(Deal(id="D-9", customer="C-ACME", stage="proposal", owner="bob")),
            STRICT,
            "key-account-served-by-sales-rep",
            f"open deal D-9 (proposal) on {_ACME} is owned by {_BOB}; {_SERVED}",
            ("D-9", "bob", "C-ACME"),
            id="deal on a key account owned by a sales rep",
        ),
        pytest.param(
            _added(Assignment(member="bob", responsibility="close_deals", subject="D-1")),
            STRICT,
            "key-account-served-by-sales-rep",
            f"{_BOB} is assigned close_deals for {_ACME}; {_SERVED}",
            ("D-1", "bob"),
            id="deal on a key account assigned to a sales rep",
        ),
        pytest.param(
            _added(Assignment(member="mia", responsibility="field_sales", subject="C-BAKER")),
            STRICT,
            "work-outside-role",
            f"{_MIA} is assigned field_sales (C-BAKER); under policy 'strict', field_sales is "
            "the work of a sales representative",
            ("C-BAKER", "mia"),
            id="assignment outside the role",
        ),
        pytest.param(
            _owned("lead", "L-BETA", owner="mia"),
            STRICT,
            "work-outside-role",
            f"lead L-BETA (Beta AG) is owned by {_MIA}; under policy 'strict', follow_up_leads "
            "is the work of a sales representative",
            ("L-BETA", "mia"),
            id="lead owned by marketing",
        ),
        pytest.param(
            lambda p: p.replace(p.key_account("C-ACME").with_manager("bob")),
            STRICT.switch_off("key-account-without-manager"),
            "work-outside-role",
            f"{_ACME} is managed by {_BOB}; {_CUSTOMISED}, manage_key_accounts is the work of "
            "an account manager",
            ("C-ACME", "bob"),
            id="key account managed outside the role",
        ),
        pytest.param(
            _owned("target", "T-BOB", set_by="ann"),
            STRICT.switch_off("target-not-set-by-sales-manager"),
            "work-outside-role",
            f"revenue target T-BOB of {_BOB}, was set by {_ANN}; {_CUSTOMISED}, "
            "set_sales_targets is the work of a sales manager",
            ("T-BOB", "ann"),
            id="target set outside the role",
        ),
        pytest.param(
            lambda p: p.replace(p.key_account("C-ACME").with_manager(None)).replace(
                clean_plan(owner="bob")
            ),
            STRICT,
            "work-outside-role",
            f"plan AP-ACME for C-ACME is owned by {_BOB}; under policy 'strict', "
            "write_account_plan is the work of an account manager",
            ("AP-ACME", "bob"),
            id="plan owned outside the role",
        ),
        pytest.param(
            _owned("order", "O-1", administered_by="bob"),
            STRICT.switch_off("order-admin-not-coordinator"),
            "work-outside-role",
            f"order O-1 of C-BAKER is administered by {_BOB}; {_CUSTOMISED}, "
            "order_administration is the work of a sales coordinator",
            ("O-1", "bob"),
            id="order administered outside the role",
        ),
        pytest.param(
            _owned("deal", "D-2", owner="ann"),
            STRICT,
            "work-outside-role",
            f"open deal D-2 (proposal) is owned by {_ANN}; under policy 'strict', close_deals "
            "is the work of a sales representative",
            ("D-2", "ann"),
            id="deal owned by an account manager",
        ),
        pytest.param(
            _added(Deal(id="D-9", customer="C-ACME", stage="proposal", owner="mia")),
            STRICT,
            "work-outside-role",
            f"open deal D-9 (proposal) on a key account is owned by {_MIA}; under policy "
            "'strict', deals on key accounts are closed by an account manager",
            ("D-9", "mia"),
            id="deal on a key account owned by marketing",
        ),
    ],
)
def test_each_finding_says_exactly_what_is_at_fault_and_whom_it_involves(
    change, policy, rule, message, involves
):
    """The message names the work, who does it and whose it is; involves lists what it names."""
    found = the_finding(change(clean_portfolio()), rule, policy=policy)
    assert found.message == message
    assert found.involves == involves
    assert found.subject == involves[0]
