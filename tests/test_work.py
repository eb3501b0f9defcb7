"""The one verdict check and decide share: the work a portfolio records, its kinds, its judgement.

``recorded_work``, ``subject_kinds`` and ``judge_work`` (``salesroles._rules.work``)
are the internal API the rules and ``decide`` share; ``Context`` holds the
portfolio they are judged in. The questions ``judge_work`` asks come in the
order of docs/rules.md: a closed deal, new business, a former key account, a
target of a role given none to meet, the manager's plan, a deal on a key
account, then the policy's table.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules_fixtures import AS_OF, YEAR, clean_plan, clean_portfolio, eur
from salesroles import (
    MERGED,
    STRICT,
    Customer,
    Deal,
    KeyAccount,
    Lead,
    Period,
    Responsibility,
    RevenueTarget,
    Role,
    rules,
)
from salesroles._rules.catalogue import rule_by_id
from salesroles._rules.context import Context
from salesroles._rules.work import (
    CURRENT_PLAN,
    FORMER_CUSTOMER,
    FORMER_KEY_ACCOUNT,
    KEY_ACCOUNT,
    KEY_ACCOUNT_WORK,
    LEAD,
    ORDER,
    TARGET,
    Verdict,
    Work,
    judge_work,
    recorded_work,
    subject_kinds,
)
from salesroles.testing import generate_portfolio

AM = Role.ACCOUNT_MANAGER
SR = Role.SALES_REP
SM = Role.SALES_MANAGER
SC = Role.SALES_COORDINATOR
MKT = Role.MARKETING
DUTY = Responsibility
NEW_BUSINESS_CLAIMS = ("S1.3", "S1.4")
KEY_ACCOUNT_CLAIMS = ("S2.1", "S2.2")

CLEAN = clean_portfolio()
LAPSED = CLEAN.replace(CLEAN.customer("C-ACME").with_status("lapsed"))
UNMANAGED = CLEAN.replace(CLEAN.key_account("C-ACME").with_manager(None))
PAST_PLAN = clean_plan(id="AP-2025", period=Period.year(2025), actions=[])
T_ANN = RevenueTarget(id="T-ANN", owner="ann", period=YEAR, revenue=eur("1"), set_by="ann")


def context(portfolio, policy=STRICT, as_of=AS_OF):
    """The judging context check builds for *portfolio* under *policy*."""
    on = tuple(r for r in rules() if policy.is_on(r.id))
    return Context(portfolio, as_of, owners=policy.owners, policy_name=policy.name, rules=on)


def judge(role, duty, subject, *, member=None, portfolio=None, policy=STRICT):  # noqa: PLR0913 - the parts of judge_work
    """judge_work as check asks it (in *portfolio*) or as decide does without one."""
    return judge_work(
        role,
        DUTY(duty),
        subject,
        member=member,
        owners=policy.owners,
        rules=[r for r in rules() if policy.is_on(r.id)],
        ctx=None if portfolio is None else context(portfolio, policy),
    )


def allowed(*owners, because=None, claims=(), what="that"):
    return Verdict(
        allowed=True, owners=frozenset(owners), because=because, claims=claims, what=what
    )


def refused(rule, *owners, because=None, claims=(), what="that"):
    return Verdict(
        allowed=False,
        rule=None if rule is None else rule_by_id(rule),
        owners=frozenset(owners),
        because=because,
        claims=claims,
        what=what,
    )


# -- the work a portfolio records --


def test_a_portfolio_records_every_owner_and_every_assignment_collection_by_collection():
    """Each owner an entity names and each assignment is a piece of work, with its subject."""
    p = clean_portfolio()

    def work(member, duty, subject_id, recorded_as, subject=None):
        found = p.get(subject_id) if subject is None else subject
        return Work(
            member=member,
            responsibility=duty,
            subject=found,
            subject_id=subject_id,
            recorded_as=recorded_as,
        )

    assert list(recorded_work(context(p))) == [
        work("bob", DUTY.FOLLOW_UP_LEADS, "L-BETA", "lead owner"),
        work(
            "ann",
            DUTY.MANAGE_KEY_ACCOUNTS,
            "C-ACME",
            "key account manager",
            p.key_account("C-ACME"),
        ),
        work("dora", DUTY.SET_SALES_TARGETS, "T-BOB", "target setter"),
        work("ann", DUTY.WRITE_ACCOUNT_PLAN, "AP-ACME", "plan owner"),
        work("carl", DUTY.ORDER_ADMINISTRATION, "O-1", "order administrator"),
        work("ann", DUTY.CLOSE_DEALS, "D-1", "deal owner"),
        work("bob", DUTY.CLOSE_DEALS, "D-2", "deal owner"),
        work("bob", DUTY.CLOSE_DEALS, "D-3", "deal owner"),
        work("bob", DUTY.FOLLOW_UP_LEADS, "L-BETA", "assignment"),
        work("ann", DUTY.MANAGE_KEY_ACCOUNTS, "C-ACME", "assignment"),
        work("ann", DUTY.WRITE_ACCOUNT_PLAN, "AP-ACME", "assignment"),
    ]


def test_work_nobody_is_named_for_is_not_recorded():
    """A lead without owner, a key account without manager, an order nobody administers."""
    p = UNMANAGED.add(Lead(id="L-NEW", company="New AG", source="event", status="new"))
    recorded = [(w.recorded_as, w.subject_id) for w in recorded_work(context(p))]
    assert ("lead owner", "L-NEW") not in recorded
    assert ("key account manager", "C-ACME") not in recorded
    assert ("order administrator", "O-2") not in recorded
    assert len(recorded) == 10


_RECORDED_AS = {
    "lead owner": DUTY.FOLLOW_UP_LEADS,
    "key account manager": DUTY.MANAGE_KEY_ACCOUNTS,
    "target setter": DUTY.SET_SALES_TARGETS,
    "plan owner": DUTY.WRITE_ACCOUNT_PLAN,
    "order administrator": DUTY.ORDER_ADMINISTRATION,
    "deal owner": DUTY.CLOSE_DEALS,
}


@settings(max_examples=30)
@given(accounts=st.integers(1, 4), seed=st.integers(0, 10**6))
def test_every_piece_of_recorded_work_names_its_subject_by_the_id_findings_carry(accounts, seed):
    """A subject's id finds it in the portfolio; a key account is named by its customer."""
    p = generate_portfolio(accounts, seed=seed, defects=0.5)
    members = {m.id for m in p.team}
    for work in recorded_work(context(p)):
        assert work.member in members
        if work.recorded_as == "assignment":
            assert work.subject == p.get(work.subject_id)
            continue
        assert work.responsibility is _RECORDED_AS[work.recorded_as]
        if work.recorded_as == "key account manager":
            assert work.subject == p.key_account(work.subject_id)
        else:
            assert work.subject == p.get(work.subject_id)


# -- the kinds of a subject --


@pytest.mark.parametrize(
    ("portfolio", "subject", "in_portfolio", "alone"),
    [
        pytest.param(CLEAN, "L-BETA", {LEAD}, {LEAD}, id="lead"),
        pytest.param(CLEAN, "C-MILL", {FORMER_CUSTOMER}, {FORMER_CUSTOMER}, id="lost customer"),
        pytest.param(CLEAN, "C-ACME", {KEY_ACCOUNT_WORK}, set(), id="key account's customer"),
        pytest.param(CLEAN, "C-BAKER", set(), set(), id="small customer"),
        pytest.param(
            CLEAN, CLEAN.key_account("C-ACME"), {KEY_ACCOUNT}, {KEY_ACCOUNT}, id="key account"
        ),
        pytest.param(
            LAPSED,
            LAPSED.key_account("C-ACME"),
            {FORMER_KEY_ACCOUNT},
            {KEY_ACCOUNT},
            id="lapsed key account",
        ),
        pytest.param(
            LAPSED, "C-ACME", {FORMER_CUSTOMER}, {FORMER_CUSTOMER}, id="lapsed key account's"
        ),
        pytest.param(CLEAN, "T-BOB", {TARGET}, {TARGET}, id="target"),
        pytest.param(CLEAN, "AP-ACME", {KEY_ACCOUNT_WORK, CURRENT_PLAN}, set(), id="current plan"),
        pytest.param(UNMANAGED, "AP-ACME", {KEY_ACCOUNT_WORK}, set(), id="unmanaged plan"),
        pytest.param(CLEAN.add(PAST_PLAN), "AP-2025", {KEY_ACCOUNT_WORK}, set(), id="past plan"),
        pytest.param(LAPSED, "AP-ACME", set(), set(), id="lapsed key account's plan"),
        pytest.param(CLEAN, "O-2", {ORDER, KEY_ACCOUNT_WORK}, {ORDER}, id="key account's order"),
        pytest.param(CLEAN, "O-1", {ORDER}, {ORDER}, id="small customer's order"),
        pytest.param(LAPSED, "O-2", {ORDER}, {ORDER}, id="lapsed key account's order"),
        pytest.param(CLEAN, "D-1", {KEY_ACCOUNT_WORK}, set(), id="key account's deal"),
        pytest.param(CLEAN, "D-2", set(), set(), id="small customer's deal"),
        pytest.param(CLEAN, "K-1", {KEY_ACCOUNT_WORK}, set(), id="key account's contract"),
        pytest.param(CLEAN, "S-EVA", {KEY_ACCOUNT_WORK}, set(), id="key account's stakeholder"),
        pytest.param(CLEAN, "P-PUMP", set(), set(), id="product"),
        pytest.param(CLEAN, "ann", set(), set(), id="team member"),
    ],
)
def test_a_subjects_kinds_are_what_it_is_and_what_it_is_to_the_portfolio(
    portfolio, subject, in_portfolio, alone
):
    """Without a portfolio only what the subject alone tells is known."""
    entity = portfolio.get(subject) if isinstance(subject, str) else subject
    assert subject_kinds(entity, context(portfolio)) == in_portfolio
    assert subject_kinds(entity, None) == alone


def test_a_plan_is_current_only_on_the_days_its_period_holds():
    """The same plan is the current plan in 2026 and key account work only in 2027."""
    plan = CLEAN.get("AP-ACME")
    kinds_2027 = subject_kinds(plan, context(CLEAN, as_of=AS_OF.replace(year=2027)))
    assert kinds_2027 == {KEY_ACCOUNT_WORK}
    assert subject_kinds(plan, context(CLEAN)) == {KEY_ACCOUNT_WORK, CURRENT_PLAN}


# -- a closed deal needs nobody --


@pytest.mark.parametrize("stage", ["won", "lost"])
@pytest.mark.parametrize("member", ["ann", "bob", "mia"])
def test_a_closed_deal_needs_nobody_whoever_owns_it(stage, member):
    """A won or lost deal is right in anybody's hands, in a portfolio or alone."""
    p = CLEAN.add(Deal(id="D-9", customer="C-ACME", stage=stage, owner=member))
    role = p.member(member).role
    expected = allowed(SR, because=f"D-9 is {stage}: nothing is left to do on it")
    for portfolio in (p, None):
        assert judge(role, "close_deals", p.get("D-9"), member=member, portfolio=portfolio) == (
            expected
        )


# -- new business (S1.3, S1.4) --


@pytest.mark.parametrize("duty", ["follow_up_leads", "negotiate_long_term_contracts"])
def test_an_account_manager_working_a_lead_does_new_business(duty):
    """Whatever the duty, and with or without the portfolio: new business is the sales rep's."""
    lead = CLEAN.get("L-BETA")
    expected = refused(
        "account-manager-new-business",
        SR,
        because="L-BETA is a lead, not an existing customer",
        claims=NEW_BUSINESS_CLAIMS,
        what="new business",
    )
    assert judge(AM, duty, lead, member="ann", portfolio=CLEAN) == expected
    assert judge(AM, duty, lead) == expected


@pytest.mark.parametrize("status", ["lapsed", "lost"])
def test_an_account_manager_winning_back_a_former_customer_does_new_business(status):
    """A lapsed or lost customer is no existing one (S1.4)."""
    p = CLEAN.add(Customer(id="C-OLD", name="Old AG", segment="small", status=status))
    expected = refused(
        "account-manager-new-business",
        SR,
        because=f"C-OLD is a {status} customer, not an existing one",
        claims=NEW_BUSINESS_CLAIMS,
        what="new business",
    )
    assert judge(AM, "widen_product_range", p.get("C-OLD"), member="ann", portfolio=p) == (
        expected
    )
    assert judge(AM, "widen_product_range", p.get("C-OLD")) == expected


def test_a_sales_rep_working_a_lead_or_a_former_customer_is_judged_by_the_table():
    """New business is the rep's own: the table allows what the rep owns, and no more."""
    for subject in (CLEAN.get("L-BETA"), CLEAN.get("C-MILL")):
        assert judge(SR, "follow_up_leads", subject, member="bob", portfolio=CLEAN) == (
            allowed(SR)
        )
        assert judge(SR, "write_account_plan", subject, member="bob", portfolio=CLEAN) == (
            refused("work-outside-role", AM)
        )


def test_an_account_manager_given_the_leads_may_work_them():
    """Under merged, or any policy giving them follow_up_leads, leads are theirs too."""
    lead = CLEAN.get("L-BETA")
    assert judge(AM, "follow_up_leads", lead, member="ann", portfolio=CLEAN, policy=MERGED) == (
        allowed(AM, SR)
    )
    leads_too = STRICT.with_owners("follow_up_leads", "sales_rep", "account_manager")
    assert judge(AM, "follow_up_leads", lead, portfolio=CLEAN, policy=leads_too) == (
        allowed(AM, SR)
    )
    assert judge(AM, "prospecting", lead, portfolio=CLEAN, policy=leads_too) == (
        refused("account-manager-new-business", SR)
    )


# -- a former customer kept as a key account --


@pytest.mark.parametrize("status", ["lapsed", "lost"])
@pytest.mark.parametrize(("role", "member"), [(AM, "ann"), (SR, "bob")])
def test_managing_a_former_customer_kept_as_a_key_account_is_that_fault_alone(
    status, role, member
):
    """Whoever manages it, the fault is the key account's (key-account-not-customer)."""
    p = CLEAN.replace(CLEAN.customer("C-ACME").with_status(status))
    expected = refused(
        "key-account-not-customer",
        AM,
        because=f"C-ACME is a {status} customer kept as a key account",
    )
    assert judge(
        role, "manage_key_accounts", p.key_account("C-ACME"), member=member, portfolio=p
    ) == (expected)


def test_a_key_account_alone_looks_active():
    """Without the portfolio nothing says its customer lapsed: the table decides."""
    account = LAPSED.key_account("C-ACME")
    assert judge(AM, "manage_key_accounts", account, member="ann") == allowed(AM)
    assert judge(SR, "manage_key_accounts", account) == refused("key-account-without-manager", AM)


def test_an_active_key_account_is_its_managers_and_no_one_elses():
    """The table decides: an account manager, not a sales rep or marketing."""
    account = CLEAN.key_account("C-ACME")
    assert judge(AM, "manage_key_accounts", account, member="kai", portfolio=CLEAN) == (
        allowed(AM)
    )
    assert judge(MKT, "manage_key_accounts", account, member="mia", portfolio=CLEAN) == (
        refused("key-account-without-manager", AM)
    )


# -- a target of a role given none to meet (S3.4) --


@pytest.mark.parametrize("setter", ["ann", "kai", "bob", "mia"])
def test_an_account_managers_target_is_planned_by_its_owner_whoever_set_it(setter):
    """Under strict account managers are given no targets to meet: no rule judges the setter."""
    target = RevenueTarget(id="T-ANN", owner="ann", period=YEAR, revenue=eur("1"), set_by=setter)
    p = CLEAN.add(target)
    role = p.member(setter).role
    assert judge(role, "set_sales_targets", target, member=setter, portfolio=p) == allowed(
        SM,
        because="T-ANN is the target of Ann Meyer (ann), an account manager, whose role is "
        "given no targets to meet: it is planned by its owner",
        claims=("S3.4",),
    )


def test_a_target_of_a_role_given_targets_is_set_by_the_policys_setters():
    """A sales rep's target, or under merged an account manager's, is a sales manager's to set."""
    p = CLEAN.add(T_ANN)
    assert judge(AM, "set_sales_targets", p.get("T-BOB"), member="ann", portfolio=p) == (
        refused("target-not-set-by-sales-manager", SM)
    )
    assert judge(AM, "set_sales_targets", T_ANN, member="ann", portfolio=p, policy=MERGED) == (
        refused("target-not-set-by-sales-manager", SM)
    )
    assert judge(SM, "set_sales_targets", p.get("T-BOB"), member="dora", portfolio=p) == (
        allowed(SM)
    )


def test_without_the_portfolio_a_targets_owner_is_unknown_and_the_table_decides():
    """Nothing says whose role the owner has: only a sales manager may set it."""
    assert judge(SM, "set_sales_targets", T_ANN) == allowed(SM)
    assert judge(AM, "set_sales_targets", T_ANN) == refused("target-not-set-by-sales-manager", SM)


def test_other_work_on_a_target_is_judged_by_the_table():
    """Only setting the target is its owner's to plan; marketing doing field sales is not."""
    p = CLEAN.add(T_ANN)
    assert judge(MKT, "field_sales", T_ANN, member="mia", portfolio=p) == (
        refused("work-outside-role", SR)
    )


# -- the manager's plan (S3.3, S3.4) --


def test_the_current_plan_of_a_key_account_is_its_managers_to_write():
    """Another account manager or a sales rep writing it is plan-owner-not-account-manager."""
    plan = CLEAN.get("AP-ACME")
    assert judge(AM, "write_account_plan", plan, member="ann", portfolio=CLEAN) == allowed(AM)
    expected = refused(
        "plan-owner-not-account-manager",
        AM,
        because="AP-ACME is the current plan of key account C-ACME, managed by Ann Meyer (ann), "
        "an account manager; the account's manager writes its plan",
        claims=("S3.3", "S3.4"),
    )
    assert judge(AM, "write_account_plan", plan, member="kai", portfolio=CLEAN) == expected
    assert judge(SR, "write_account_plan", plan, member="bob", portfolio=CLEAN) == expected


def test_a_role_asked_about_without_a_member_is_judged_by_the_table():
    """decide asked about a role, not a member, cannot tell whether it is the manager."""
    plan = CLEAN.get("AP-ACME")
    assert judge(AM, "write_account_plan", plan, portfolio=CLEAN) == allowed(AM)
    assert judge(SR, "write_account_plan", plan, portfolio=CLEAN) == (
        refused("plan-owner-not-account-manager", AM)
    )


def test_other_work_on_the_current_plan_is_judged_by_the_table():
    """Only writing the plan is the manager's alone; another account manager may manage it."""
    plan = CLEAN.get("AP-ACME")
    assert judge(AM, "manage_key_accounts", plan, member="kai", portfolio=CLEAN) == allowed(AM)


@pytest.mark.parametrize(
    ("portfolio", "plan"),
    [
        pytest.param(CLEAN.add(PAST_PLAN), "AP-2025", id="past plan"),
        pytest.param(UNMANAGED, "AP-ACME", id="account without manager"),
        pytest.param(LAPSED, "AP-ACME", id="lapsed key account"),
    ],
)
def test_a_plan_that_is_no_managed_current_plan_is_any_account_managers(portfolio, plan):
    """A past plan, or one of an account nobody manages, is judged by the owner's role alone."""
    subject = portfolio.get(plan)
    assert judge(AM, "write_account_plan", subject, member="kai", portfolio=portfolio) == (
        allowed(AM)
    )
    assert judge(SR, "write_account_plan", subject, member="bob", portfolio=portfolio) == (
        refused("work-outside-role", AM)
    )


# -- deals on key accounts (S2.1, S2.2) --


@pytest.mark.parametrize("subject", ["D-1", "C-ACME", "O-2", "AP-ACME"])
def test_closing_deals_on_a_key_account_is_keeping_and_growing_it(subject):
    """An account manager's work: a rep doing it serves the key account, marketing strays."""
    entity = CLEAN.get(subject)
    because = f"{subject} is on a key account"

    def verdict(role, member):
        return judge(role, "close_deals", entity, member=member, portfolio=CLEAN)

    kept = {"because": because, "claims": KEY_ACCOUNT_CLAIMS, "what": "key accounts"}
    assert verdict(AM, "ann") == allowed(AM, **kept)
    assert verdict(SR, "bob") == refused("key-account-served-by-sales-rep", AM, **kept)
    assert verdict(MKT, "mia") == refused("work-outside-role", AM, **kept)


def test_deals_on_key_accounts_follow_whoever_manages_key_accounts():
    """Under merged sales reps manage key accounts too, so they may close deals on them."""
    deal = CLEAN.get("D-1")
    assert judge(SR, "close_deals", deal, member="bob", portfolio=CLEAN, policy=MERGED) == (
        allowed(
            AM,
            SR,
            because="D-1 is on a key account",
            claims=KEY_ACCOUNT_CLAIMS,
            what="key accounts",
        )
    )


def test_a_deal_elsewhere_or_alone_is_the_sales_reps():
    """Off the key accounts, or without the portfolio to tell, the table gives deals to reps."""
    for deal, portfolio in ((CLEAN.get("D-2"), CLEAN), (CLEAN.get("D-1"), None)):
        assert judge(SR, "close_deals", deal, member="bob", portfolio=portfolio) == allowed(SR)
        assert judge(AM, "close_deals", deal, member="ann", portfolio=portfolio) == (
            refused("work-outside-role", SR)
        )


# -- the table --


def test_the_table_decides_orders_and_cites_the_rule_whose_guard_fits_best():
    """An order is a coordinator's; a rep administering it is order-admin-not-coordinator."""
    order = CLEAN.get("O-1")
    assert judge(SC, "order_administration", order, member="carl", portfolio=CLEAN) == (
        allowed(SC)
    )
    assert judge(SR, "order_administration", order, member="bob", portfolio=CLEAN) == (
        refused("order-admin-not-coordinator", SC)
    )
    reps_too = STRICT.with_owners("order_administration", "sales_coordinator", "sales_rep")
    assert judge(SR, "order_administration", order, portfolio=CLEAN, policy=reps_too) == (
        allowed(SC, SR)
    )


def test_a_rule_the_policy_switches_off_is_never_cited():
    """The work falls to work-outside-role, and with that off too, to no rule."""
    order = CLEAN.get("O-1")
    off = STRICT.switch_off("order-admin-not-coordinator")
    assert judge(SR, "order_administration", order, portfolio=CLEAN, policy=off) == (
        refused("work-outside-role", SC)
    )
    all_off = off.switch_off("work-outside-role")
    assert judge(SR, "order_administration", order, portfolio=CLEAN, policy=all_off) == (
        refused(None, SC)
    )


def test_a_sales_rep_managing_a_customer_serves_a_key_account_only_where_it_is_one():
    """In the portfolio ACME is a key account and Baker none; alone a customer is taken as one."""
    acme, baker = CLEAN.get("C-ACME"), CLEAN.get("C-BAKER")
    assert judge(SR, "manage_key_accounts", acme, member="bob", portfolio=CLEAN) == (
        refused("key-account-served-by-sales-rep", AM)
    )
    assert judge(SR, "manage_key_accounts", baker, member="bob", portfolio=CLEAN) == (
        refused("work-outside-role", AM)
    )
    assert judge(SR, "manage_key_accounts", baker) == refused("key-account-without-manager", AM)


@pytest.mark.parametrize(
    ("role", "duty", "rule", "owner"),
    [
        (SR, "manage_key_accounts", "key-account-without-manager", AM),
        (SR, "write_account_plan", "plan-owner-not-account-manager", AM),
        (AM, "order_administration", "order-admin-not-coordinator", SC),
        (AM, "set_sales_targets", "target-not-set-by-sales-manager", SM),
        (MKT, "field_sales", "work-outside-role", SR),
    ],
)
def test_work_without_a_subject_is_taken_in_the_form_a_portfolio_records_it(
    role, duty, rule, owner
):
    """The rule cited is the one that would report that work in a portfolio."""
    assert judge(role, duty, None) == refused(rule, owner)
    assert judge(owner, duty, None) == allowed(owner)


# -- the context's helpers --


def test_a_customers_status_is_said_in_a_word():
    """An id that names no customer has the status unknown."""
    ctx = context(CLEAN)
    assert ctx.status_of("C-ACME") == "active"
    assert ctx.status_of("C-MILL") == "lost"
    assert context(LAPSED).status_of("C-ACME") == "lapsed"
    assert ctx.status_of("L-BETA") == "unknown"
    assert ctx.status_of("C-NOBODY") == "unknown"


def test_only_a_lapsed_or_lost_customer_is_inactive():
    """An id that names no customer counts as active."""
    ctx = context(CLEAN)
    assert ctx.is_active_customer("C-ACME")
    assert ctx.is_active_customer("C-BAKER")
    assert not ctx.is_active_customer("C-MILL")
    assert not context(LAPSED).is_active_customer("C-ACME")
    assert ctx.is_active_customer("L-BETA")
    assert ctx.is_active_customer("C-NOBODY")


@pytest.mark.parametrize(
    ("subject", "account"),
    [
        ("C-ACME", "C-ACME"),
        ("AP-ACME", "C-ACME"),
        ("D-1", "C-ACME"),
        ("O-2", "C-ACME"),
        ("D-2", None),
        ("O-1", None),
        ("C-BAKER", None),
        ("K-1", None),
        ("L-BETA", None),
        ("C-NOBODY", None),
    ],
)
def test_the_key_account_a_piece_of_work_is_about(subject, account):
    """The account itself, or the one its plan, deal or order is for; else none."""
    assert context(CLEAN).account_of(subject) == account


def test_active_accounts_leave_out_former_customers_kept_as_key_accounts():
    """ACME is an active key account until it lapses; a second one joins it."""
    acme = CLEAN.key_account("C-ACME")
    assert context(CLEAN).active_accounts == {"C-ACME": acme}
    assert context(LAPSED).active_accounts == {}
    baker = KeyAccount(customer="C-BAKER", manager="kai")
    assert context(LAPSED.add(baker)).active_accounts == {"C-BAKER": baker}


@pytest.mark.parametrize(
    ("portfolio", "plan", "as_of", "managed_current"),
    [
        pytest.param(CLEAN, "AP-ACME", AS_OF, True, id="current"),
        pytest.param(CLEAN, "AP-ACME", AS_OF.replace(year=2027), False, id="out of its period"),
        pytest.param(CLEAN.add(PAST_PLAN), "AP-2025", AS_OF, False, id="past"),
        pytest.param(UNMANAGED, "AP-ACME", AS_OF, False, id="account without manager"),
        pytest.param(LAPSED, "AP-ACME", AS_OF, False, id="lapsed key account"),
    ],
)
def test_a_managed_current_plan_is_the_plan_in_force_of_an_active_managed_key_account(
    portfolio, plan, as_of, managed_current
):
    """What makes a plan its manager's to write."""
    assert context(portfolio, as_of=as_of).is_managed_current_plan(portfolio.get(plan)) is (
        managed_current
    )


def test_a_member_has_the_role_of_the_team_and_an_unknown_id_none():
    """The role a member's work is judged by."""
    ctx = context(CLEAN)
    assert ctx.role_of("bob") is SR
    assert ctx.role_of("ann") is AM
    assert ctx.role_of("nobody") is None
