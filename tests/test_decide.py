"""decide(): may this role take on this work? A refusal is data, with a reason and its claims."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesroles import (
    MERGED,
    STRICT,
    Customer,
    Decision,
    KeyAccount,
    Lead,
    Responsibility,
    Role,
    TeamMember,
    ValidationError,
    decide,
    rules,
)

BETA = Lead(id="L-BETA", company="Beta AG", source="marketing", status="new", owner="bob")
ACME = Customer(id="C-ACME", name="ACME Chemie AG", segment="large", status="active")
MILL = Customer(id="C-MILL", name="Mühle Sandner KG", segment="medium", status="lost")
ANN = TeamMember(id="ann", name="Ann Meyer", role="account_manager", title="Key Account Manager")


def test_account_manager_may_not_prospect_under_strict():
    d = decide(Role.ACCOUNT_MANAGER, Responsibility.PROSPECTING)
    assert not d.allowed
    assert not d
    assert d.rule == "account-manager-new-business"
    assert d.claims == ("S1.1", "S5.5", "S1.4")
    assert d.reason == (
        "An account manager may not prospect for new customers: under policy 'strict' that is "
        "the work of a sales representative. Account managers deal only with existing "
        "customers; they have no new-business duties."
    )
    assert d.policy == "strict"


def test_account_manager_may_write_the_account_plan():
    d = decide("account_manager", "write_account_plan")
    assert d.allowed
    assert d
    assert d.rule is None
    assert d.claims == ("S3.1", "S3.4", "S3.5")
    assert "that is the work of an account manager" in d.reason


def test_account_manager_working_a_lead_is_refused_even_for_their_own_duty():
    d = decide(ANN, "negotiate_long_term_contracts", BETA)
    assert not d.allowed
    assert d.rule == "account-manager-new-business"
    assert d.subject == "L-BETA"
    assert d.member == "ann"
    assert "S1.3" in d.claims
    assert "S1.4" in d.claims
    assert "Ann Meyer (an account manager)" in d.reason
    assert "for lead L-BETA (Beta AG)" in d.reason
    assert "L-BETA is a lead, not an existing customer" in d.reason


def test_account_manager_winning_back_a_lost_customer_is_new_business():
    d = decide(Role.ACCOUNT_MANAGER, "widen_product_range", MILL)
    assert not d.allowed
    assert "C-MILL is a lost customer" in d.reason
    assert decide(Role.ACCOUNT_MANAGER, "widen_product_range", ACME).allowed


def test_sales_rep_may_work_a_lead():
    d = decide(Role.SALES_REP, "follow_up_leads", BETA)
    assert d.allowed
    assert d.subject == "L-BETA"
    assert d.claims == ("S1.3",)


def test_any_entity_can_be_the_subject():
    from salesroles import AccountPlan, Period

    plan = AccountPlan(id="AP-1", account="C-ACME", owner="ann", period=Period.year(2026))
    d = decide(ANN, "write_account_plan", plan)
    assert d.allowed
    assert d.subject == "AP-1"
    assert "for AccountPlan AP-1" in d.reason
    assert decide(ANN, "manage_key_accounts", ACME).reason.endswith(
        "for customer C-ACME (ACME Chemie AG): under policy 'strict' that is the work of an "
        "account manager."
    )


def test_marketing_closing_a_deal_with_a_lead_is_refused_by_the_table_not_as_new_business():
    """Marketing's misplaced work is work outside its role, not an account manager's fault."""
    d = decide(Role.MARKETING, "close_deals", BETA)
    assert not d.allowed
    assert d.rule == "work-outside-role"
    assert "that is the work of a sales representative" in d.reason
    assert "new business" not in d.reason
    assert d.claims == ("S1.2", "S0.3")


LAPSED = Customer(id="C-OLD", name="Alt & Co", segment="small", status="lapsed")


@pytest.mark.parametrize(
    ("role", "duty"),
    [
        (Role.MARKETING, "generate_leads"),
        (Role.MARKETING, "plan_decision_maker_communication"),
        (Role.SALES_MANAGER, "set_sales_targets"),
        (Role.SALES_COORDINATOR, "order_administration"),
        (Role.SALES_REP, "follow_up_leads"),
        (Role.SALES_REP, "field_sales"),
    ],
)
@pytest.mark.parametrize("subject", [BETA, MILL, LAPSED], ids=["lead", "lost", "lapsed"])
def test_a_role_doing_its_own_work_on_a_lead_or_a_lapsed_customer_is_allowed(role, duty, subject):
    d = decide(role, duty, subject)
    assert d.allowed, d.reason
    assert d.rule is None
    assert "new business" not in d.reason


def test_marketing_generating_leads_on_a_lead_is_its_own_duty():
    d = decide(Role.MARKETING, "generate_leads", BETA)
    assert d.allowed
    assert d.claims == ("S1.3",)
    assert d.reason == (
        "Marketing may generate leads for lead L-BETA (Beta AG): under policy 'strict' that is "
        "the work of marketing."
    )


@pytest.mark.parametrize(
    "duty", ["manage_key_accounts", "write_account_plan", "widen_product_range", "close_deals"]
)
@pytest.mark.parametrize("subject", [BETA, MILL, LAPSED], ids=["lead", "lost", "lapsed"])
def test_account_managers_stay_refused_on_leads_and_lapsed_customers_whatever_the_duty(
    duty, subject
):
    """Work on a lead or a former customer is new business, whatever the duty (S1.4)."""
    d = decide(ANN, duty, subject)
    assert not d.allowed
    assert d.rule == "account-manager-new-business"
    assert "new business is the work of a sales representative" in d.reason
    assert d.claims[-2:] == ("S1.3", "S1.4")


def test_account_managers_on_leads_are_allowed_once_the_policy_gives_them_new_business():
    policy = STRICT.named("acme").with_owners("follow_up_leads", "account_manager", "sales_rep")
    assert decide(ANN, "manage_key_accounts", BETA, policy=policy).allowed
    assert decide(ANN, "follow_up_leads", BETA, policy=policy).allowed
    assert not decide(ANN, "prospecting", BETA, policy=policy).allowed
    assert decide(ANN, "manage_key_accounts", BETA, policy=MERGED).allowed


def test_sales_rep_may_not_manage_a_key_account():
    """Managing the key account itself is the manager's: a rep in that seat leaves it unmanaged."""
    d = decide("sales_rep", "manage_key_accounts", KeyAccount(customer="C-ACME", manager="ann"))
    assert not d.allowed
    assert d.rule == "key-account-without-manager"
    assert d.claims == ("S2.1", "S2.2")
    assert "for key account C-ACME" in d.reason


def test_sales_rep_working_a_key_accounts_customer_is_served_by_a_rep():
    """Work on a key account's customer by a rep is key-account-served-by-sales-rep."""
    from salesroles.testing import sample_portfolio

    p = sample_portfolio()
    d = decide("sales_rep", "manage_key_accounts", "C-ACME", portfolio=p)
    assert not d.allowed
    assert d.rule == "key-account-served-by-sales-rep"
    assert d.claims == ("S2.1", "S2.2", "S4.1")
    assert "for customer C-ACME" in d.reason


@pytest.mark.parametrize(
    ("role", "duty", "rule"),
    [
        ("marketing", "manage_key_accounts", "key-account-without-manager"),
        ("account_manager", "set_sales_targets", "target-not-set-by-sales-manager"),
        ("sales_rep", "order_administration", "order-admin-not-coordinator"),
        ("sales_rep", "write_account_plan", "plan-owner-not-account-manager"),
        ("sales_coordinator", "prospecting", "work-outside-role"),
        ("marketing", "field_sales", "work-outside-role"),
    ],
)
def test_a_refusal_names_the_rule_that_reports_such_work(role, duty, rule):
    d = decide(role, duty)
    assert not d.allowed
    assert d.rule == rule


def test_under_merged_account_managers_may_do_new_business():
    assert decide(Role.ACCOUNT_MANAGER, "prospecting", policy=MERGED).allowed
    d = decide(ANN, "follow_up_leads", BETA, policy="merged")
    assert d.allowed
    assert d.policy == "merged"
    assert "under policy 'merged'" in d.reason
    assert decide("sales_rep", "manage_key_accounts", policy=MERGED).allowed


def test_a_moved_responsibility_changes_the_decision():
    policy = STRICT.named("acme").with_owners("order_administration", "sales_rep")
    assert decide("sales_rep", "order_administration", policy=policy).allowed
    refused = decide("sales_coordinator", "order_administration", policy=policy)
    assert not refused.allowed
    assert "that is the work of a sales representative" in refused.reason


def test_a_decision_reads_well_in_a_terminal_and_in_a_notebook():
    refused = decide(Role.ACCOUNT_MANAGER, "prospecting")
    assert str(refused).startswith("REFUSED: An account manager may not prospect")
    assert str(refused).endswith("[account-manager-new-business; S1.1, S5.5, S1.4]")
    allowed = decide(Role.SALES_REP, "prospecting")
    assert str(allowed) == (
        "ALLOWED: A sales representative may prospect for new customers: under policy 'strict' "
        "that is the work of a sales representative. [S1.1, S5.5]"
    )
    assert "✖ refused" in refused._repr_html_()
    assert "<code>account-manager-new-business</code>" in refused._repr_html_()
    assert "✔ allowed" in allowed._repr_html_()
    assert "Decision(allowed=False" in repr(refused)
    odd = TeamMember(id="x", name="<Eve & co>", role="marketing")
    assert "&lt;Eve &amp; co&gt;" in decide(odd, "prospecting")._repr_html_()


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: decide("boss", "prospecting"), "who"),
        (lambda: decide(3, "prospecting"), "who"),
        (lambda: decide("sales_rep", "make_coffee"), "responsibility"),
        (lambda: decide("sales_rep", "prospecting", "L-BETA"), "subject"),
        (lambda: decide("sales_rep", "prospecting", policy="lenient"), "policy"),
    ],
)
def test_arguments_that_name_nothing_are_refused_with_their_path(call, path):
    with pytest.raises(ValidationError) as caught:
        call()
    assert [e.path for e in caught.value.errors] == [path]


@given(
    who=st.sampled_from(Role),
    duty=st.sampled_from(Responsibility),
    policy=st.sampled_from([STRICT, MERGED]),
    subject=st.sampled_from([None, BETA, ACME, MILL, KeyAccount(customer="C-ACME")]),
)
def test_a_decision_is_always_data_and_agrees_with_the_policy(who, duty, policy, subject):
    d = decide(who, duty, subject, policy=policy)
    assert isinstance(d, Decision)
    assert d.reason.endswith(".")
    assert d.claims
    assert d.rule is None or d.rule in {r.id for r in rules()}
    works_new_business = subject in (BETA, MILL)
    if (
        who is Role.ACCOUNT_MANAGER
        and works_new_business
        and not policy.allows(who, "follow_up_leads")
    ):
        assert not d.allowed
        assert d.rule == "account-manager-new-business"
    else:
        # the subject refuses nothing else: the policy's table decides
        assert d.allowed == policy.allows(who, duty)
    if d.allowed:
        assert d.rule is None


def test_the_rule_decide_names_for_a_former_customer_is_one_check_reports():
    import attrs

    from salesroles import check
    from salesroles.testing import sample_portfolio

    portfolio = sample_portfolio()
    account = portfolio.key_accounts[0]
    manager = portfolio.get(account.manager)
    customer = portfolio.get(account.customer)
    for status in ("lapsed", "lost"):
        former = attrs.evolve(customer, status=status)
        lapsed = portfolio.replace(former)
        reported = {f.rule for f in check(lapsed) if f.subject == former.id}
        d = decide(manager, "manage_key_accounts", account, portfolio=lapsed)
        assert not d.allowed
        assert d.rule == "key-account-not-customer"
        assert d.rule in reported
        # Work on the former customer itself is new business for an account manager.
        assert decide(manager, "widen_product_range", former).rule == (
            "account-manager-new-business"
        )
