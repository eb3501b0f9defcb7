"""decide(): may this role take on this work? A refusal is data, with a reason and its claims."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules_fixtures import YEAR, clean_portfolio, eur
from salesroles import (
    MERGED,
    STRICT,
    Customer,
    Decision,
    KeyAccount,
    Lead,
    Responsibility,
    RevenueTarget,
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


ENTITIES = (
    "Customer, Lead, KeyAccount, AccountPlan, Deal, Order, SupplyContract, Stakeholder, "
    "RevenueTarget, Product, TeamMember"
)


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: decide("boss", "prospecting"), "who"),
        (lambda: decide("sales_rep", "make_coffee"), "responsibility"),
        (lambda: decide("sales_rep", "prospecting", policy="lenient"), "policy"),
    ],
)
def test_arguments_that_name_nothing_are_refused_with_their_path(call, path):
    with pytest.raises(ValidationError) as caught:
        call()
    assert [e.path for e in caught.value.errors] == [path]


@pytest.mark.parametrize(
    ("call", "path", "message", "code"),
    [
        (
            lambda: decide(3, "prospecting"),
            "who",
            "got the number 3; expected a Role or a TeamMember",
            "invalid_type",
        ),
        (
            lambda: decide("sales_rep", "prospecting", "L-BETA"),
            "subject",
            f"got 'L-BETA'; expected an entity ({ENTITIES}) or None",
            "invalid_type",
        ),
        (
            lambda: decide("sales_rep", "prospecting", 42, portfolio=clean_portfolio()),
            "subject",
            f"got the number 42; expected an entity ({ENTITIES}) or its id or None",
            "invalid_type",
        ),
        (
            lambda: decide("sales_rep", "prospecting", "L-NOPE", portfolio=clean_portfolio()),
            "subject",
            "'L-NOPE' names nothing in this portfolio; expected the id of an entity",
            "dangling_reference",
        ),
        (
            lambda: decide("sales_rep", "prospecting", portfolio={"customers": []}),
            "portfolio",
            "got an object; expected a Portfolio or None",
            "invalid_type",
        ),
        (
            lambda: decide("sales_rep", "prospecting", as_of="27.11.2026"),
            "as_of",
            "got '27.11.2026'; expected a date written YYYY-MM-DD",
            "invalid_date",
        ),
        (
            lambda: decide("sales_rep", "prospecting", portfolio=clean_portfolio(), as_of=3),
            "as_of",
            "got the number 3; expected a date written YYYY-MM-DD",
            "invalid_date",
        ),
    ],
    ids=[
        "who-no-role",
        "id-without-portfolio",
        "no-entity",
        "id-of-nothing",
        "no-portfolio",
        "as-of-alone",
        "as-of-with-portfolio",
    ],
)
def test_a_bad_argument_is_refused_with_its_path_message_and_code(call, path, message, code):
    """Each argument error names the argument, what came, what was expected, and a stable code."""
    with pytest.raises(ValidationError) as caught:
        call()
    assert [(e.path, e.message, e.code) for e in caught.value.errors] == [(path, message, code)]


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


# -- with a portfolio: each kind of answer, word for word --


def decided(who, duty, subject, **kwargs):
    """decide in the clean portfolio (or *portfolio*); *who* a member's id or a role."""
    p = kwargs.pop("portfolio", clean_portfolio())
    found = p.get(who)
    return decide(who if found is None else found, duty, subject, portfolio=p, **kwargs)


def test_a_deal_on_a_key_account_is_its_managers_to_close():
    """Closing a deal on a key account is keeping and growing it: the account manager's (S2.1)."""
    d = decided("ann", "close_deals", "D-1")
    assert d == Decision(
        allowed=True,
        reason="Ann Meyer (an account manager) may close deals under negotiation with existing "
        "customers for Deal D-1: D-1 is on a key account, and under policy 'strict' key accounts "
        "are kept and grown by an account manager.",
        rule=None,
        claims=("S1.2", "S2.1", "S2.2"),
        role=Role.ACCOUNT_MANAGER,
        responsibility=Responsibility.CLOSE_DEALS,
        subject="D-1",
        member="ann",
        policy="strict",
        code="decision.may",
    )


def test_a_sales_rep_closing_a_deal_on_a_key_account_serves_it_in_the_managers_place():
    """The rep's own duty is refused on a key account, citing the rule check reports it by."""
    d = decided("bob", "close_deals", "D-1")
    assert d == Decision(
        allowed=False,
        reason="Bob Braun (a sales representative) may not close deals under negotiation with "
        "existing customers for Deal D-1: D-1 is on a key account, and under policy 'strict' key "
        "accounts are kept and grown by an account manager. Key accounts are the account "
        "manager's; sales reps serve small and medium customers.",
        rule="key-account-served-by-sales-rep",
        claims=("S1.2", "S2.1", "S2.2"),
        role=Role.SALES_REP,
        responsibility=Responsibility.CLOSE_DEALS,
        subject="D-1",
        member="bob",
        code="decision.may-not-citing",
    )


def test_a_closed_deal_needs_nobody_and_says_no_more():
    """A won deal is allowed to anyone for that reason alone, without naming owners."""
    d = decided("bob", "close_deals", "D-3")
    assert (d.allowed, d.rule, d.claims) == (True, None, ("S1.2",))
    assert d.reason == (
        "Bob Braun (a sales representative) may close deals under negotiation with existing "
        "customers for Deal D-3: D-3 is won: nothing is left to do on it."
    )


def test_an_account_manager_following_up_a_recorded_lead_is_new_business():
    """A lead named by its id is new business for an account manager, as S1.3 and S1.4 say."""
    d = decided("ann", "follow_up_leads", "L-BETA")
    assert (d.allowed, d.rule, d.claims) == (
        False,
        "account-manager-new-business",
        ("S1.3", "S1.4"),
    )
    assert (d.subject, d.member, d.role) == ("L-BETA", "ann", Role.ACCOUNT_MANAGER)
    assert d.reason == (
        "Ann Meyer (an account manager) may not follow up marketing-generated leads for lead "
        "L-BETA (Beta AG): L-BETA is a lead, not an existing customer, and under policy 'strict' "
        "new business is the work of a sales representative. Account managers deal only with "
        "existing customers; they have no new-business duties."
    )


def test_the_current_plan_of_a_key_account_is_its_own_managers_to_write():
    """Another account manager may not write it (S3.3, S3.4); the account's manager may."""
    d = decided("kai", "write_account_plan", "AP-ACME")
    assert (d.allowed, d.rule, d.member) == (False, "plan-owner-not-account-manager", "kai")
    assert d.claims == ("S3.1", "S3.4", "S3.5", "S3.3")
    assert d.reason == (
        "Kai Wolf (an account manager) may not write the strategic account plan for AccountPlan "
        "AP-ACME: AP-ACME is the current plan of key account C-ACME, managed by Ann Meyer (ann), "
        "an account manager; the account's manager writes its plan. The account's manager "
        "writes its plan and answers for its revenue and profitability."
    )
    assert decided("ann", "write_account_plan", "AP-ACME").allowed


def test_a_plan_that_is_no_longer_current_is_judged_by_the_table_alone():
    """Judged after its period, the plan is any account manager's work: as_of is honoured."""
    d = decided("kai", "write_account_plan", "AP-ACME", as_of="2027-03-01")
    assert (d.allowed, d.rule) == (True, None)
    assert d.reason == (
        "Kai Wolf (an account manager) may write the strategic account plan for AccountPlan "
        "AP-ACME: under policy 'strict' that is the work of an account manager."
    )


def test_the_target_of_a_role_given_no_targets_is_planned_by_its_owner():
    """Whoever sets an account manager's target under strict is allowed, for that reason (S3.4)."""
    p = clean_portfolio().add(
        RevenueTarget(id="T-ANN", owner="ann", period=YEAR, revenue=eur("1000"), set_by="ann")
    )
    d = decided("ann", "set_sales_targets", "T-ANN", portfolio=p)
    assert (d.allowed, d.rule, d.claims) == (True, None, ("S3.2", "S3.4"))
    assert d.responsibility is Responsibility.SET_SALES_TARGETS
    assert d.reason == (
        "Ann Meyer (an account manager) may set revenue targets for sales reps for RevenueTarget "
        "T-ANN: T-ANN is the target of Ann Meyer (ann), an account manager, whose role is given "
        "no targets to meet: it is planned by its owner."
    )


def test_managing_a_former_customer_kept_as_a_key_account_is_that_fault():
    """A lapsed customer's key account cites key-account-not-customer, and says why."""
    p = clean_portfolio()
    p = p.replace(attrs.evolve(p.customer("C-ACME"), status="lapsed"))
    d = decided("ann", "manage_key_accounts", p.key_accounts[0], portfolio=p)
    assert (d.allowed, d.rule, d.subject) == (False, "key-account-not-customer", "C-ACME")
    assert d.claims == ("S2.1", "S2.2")
    assert d.reason == (
        "Ann Meyer (an account manager) may not manage key accounts (keep and grow them) for key "
        "account C-ACME: C-ACME is a lapsed customer kept as a key account. A key account is an "
        "existing customer; a lapsed or lost one is no longer that."
    )
