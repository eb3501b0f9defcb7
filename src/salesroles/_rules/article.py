"""The rules of the article (docs/rules.md): one judge per rule, with its catalogue entry.

Each rule is a pure function of a :class:`~.context.Context` (the portfolio,
the day it is judged at, the owners the policy names, and indexes built
once) that yields a :class:`~.rule.Violation` per thing at fault. The
``@rule`` decorator makes it a :class:`~.rule.Rule`: its id, severity,
claims, and the work it guards, which is how :func:`~salesroles.decide`
finds the rule a refusal cites. It walks one collection of the portfolio
once and looks everything else up in an index, so judging a portfolio is
linear in its size. Which rules run, and how severe their findings are, is
the policy's business (:mod:`.policy`); turning violations into findings is
:func:`~salesroles.check`'s. A new rule is a function here and a line in
:data:`RULES`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from salesroles._i18n.message import said, template
from salesroles._model.commerce import Deal, Order
from salesroles._model.enums import (
    DECISION_TEAM,
    NEW_BUSINESS,
    ActionKind,
    BuyingRole,
    CustomerStatus,
    Responsibility,
    Role,
    Severity,
)
from salesroles._model.parties import Customer, KeyAccount, Lead
from salesroles._model.planning import AccountPlan, RevenueTarget

from .context import roles_said
from .rule import Guard, Violation, rule
from .work import (
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
)

if TYPE_CHECKING:
    from collections.abc import Callable, Container, Iterable, Iterator
    from typing import Any

    from .context import Context


# Messages of the rules that share a helper.
_PLANS_FOR_OTHER_PERIODS: Final = template(
    "key-account-without-plan.other-periods",
    "key account {account} has no plan covering {day:date} (its plans {ids} cover other periods)",
)
_PLAN_WITHOUT_PROFITABILITY_TARGET: Final = template(
    "plan-without-profitability-target",
    "plan {plan} of key account {account} has no profitability target",
)
_PLAN_WITHOUT_RELATIONSHIP_ACTION: Final = template(
    "plan-without-relationship-action",
    "plan {plan} of key account {account} has no relationship action",
)
_KEY_ACCOUNT_WITHOUT_CONTRACT: Final = template(
    "key-account-without-contract",
    "key account {account} has no supply contract in force on {day:date}",
)
_CONTRACTS_FOR_OTHER_PERIODS: Final = template(
    "key-account-without-contract.other-periods",
    "key account {account} has no supply contract in force on {day:date} (contracts "
    "{ids} are not in force then)",
)
_NO_COMMUNICATION_CADENCE: Final = template(
    "no-communication-cadence",
    "plan {plan} of key account {account} has no communication cadence with the decision makers",
)
_KEY_ACCOUNT_WITHOUT_PLAN: Final = template(
    "key-account-without-plan", "key account {account} has no plan covering {day:date}"
)


def _ids_by(pairs: Iterable[tuple[str, str]], wanted: Iterable[str]) -> dict[str, list[str]]:
    """Group the ids of *pairs* (owner, id) by owner, for the owners *wanted* only."""
    found: dict[str, list[str]] = {w: [] for w in wanted}
    if found:
        for owner, ident in pairs:
            ids = found.get(owner)
            if ids is not None:
                ids.append(ident)
    return found


def _key_accounts_without(
    ctx: Context,
    having: Container[str],
    held: Iterable[tuple[str, str]],
    *,
    lacking: str,
    others: str,
) -> Iterator[Violation]:
    """A violation for each key account whose customer is not in *having*.

    *held* pairs (customer, id) of what the customers hold at other times:
    the message *others* names them (``{ids}``); the message *lacking* says
    what is missing on the day (``{day}``).
    """
    missing = [c for c in ctx.active_accounts if c not in having]
    by_customer = _ids_by(held, missing)
    day = ctx.as_of.isoformat()
    for customer in missing:
        ids = by_customer[customer]
        params: dict[str, Any] = {"account": ctx.account_name(customer), "day": day}
        yield Violation(
            subject=customer,
            code=others if ids else lacking,
            params=params | {"ids": ", ".join(ids)} if ids else params,
            involves=(customer, *ids),
        )


def _current_plans_without(
    ctx: Context, lacks: Callable[[AccountPlan], bool], code: str
) -> Iterator[Violation]:
    """A violation for each current plan of an active key account that *lacks* something.

    The message *code* says what the plan lacks (``{plan}``, ``{account}``).
    """
    for account, plan in ctx.current:
        if lacks(plan):
            yield Violation(
                subject=plan.id,
                code=code,
                params={"plan": plan.id, "account": ctx.account_name(account.customer)},
                involves=(plan.id,),
            )


_ASSIGNED: Final = template("doing.assigned", "{who:message} is assigned {duty:duty} ({subject})")
_ASSIGNED_LEAD: Final = template(
    "doing.assigned-lead", "{who:message} is assigned {duty:duty} on a lead ({subject})"
)
_ASSIGNED_FORMER: Final = template(
    "doing.assigned-former-customer",
    "{who:message} is assigned {duty:duty} on a {status:CustomerStatus} customer ({subject})",
)
_OWNS_LEAD: Final = template("doing.lead", "lead {lead} ({company}) is owned by {who:message}")
_MANAGES: Final = template(
    "doing.key-account", "key account {account} is managed by {who:message}"
)
_SET_TARGET: Final = template(
    "doing.target", "revenue target {target} of {owner:message}, was set by {who:message}"
)
_OWNS_PLAN: Final = template("doing.plan", "plan {plan} for {customer} is owned by {who:message}")
_ADMINISTERS: Final = template(
    "doing.order", "order {order} of {customer} is administered by {who:message}"
)
_OWNS_DEAL: Final = template(
    "doing.deal", "open deal {deal} ({stage:DealStage}) is owned by {who:message}"
)
_OWNS_KEY_DEAL: Final = template(
    "doing.key-account-deal",
    "open deal {deal} ({stage:DealStage}) on a key account is owned by {who:message}",
)
_DOES: Final = template("doing.other", "{who:message} does {duty:duty} for {subject}")


def _doing(ctx: Context, work: Work) -> dict[str, Any]:  # noqa: PLR0911 - one per kind of work
    """Say what a piece of work is and who does it, as a finding's message begins."""
    subject, who = work.subject, ctx.who_said(work.member)
    if work.recorded_as == "assignment":
        duty, ident = work.responsibility.value, work.subject_id
        if isinstance(subject, Lead):
            return said(_ASSIGNED_LEAD, who=who, duty=duty, subject=ident)
        if isinstance(subject, Customer) and subject.status is not CustomerStatus.ACTIVE:
            status = subject.status.value
            return said(_ASSIGNED_FORMER, who=who, duty=duty, status=status, subject=ident)
        return said(_ASSIGNED, who=who, duty=duty, subject=ident)
    if isinstance(subject, Lead):
        return said(_OWNS_LEAD, lead=subject.id, company=subject.company, who=who)
    if isinstance(subject, KeyAccount):
        return said(_MANAGES, account=ctx.account_name(subject.customer), who=who)
    if isinstance(subject, RevenueTarget):
        return said(_SET_TARGET, target=subject.id, owner=ctx.who_said(subject.owner), who=who)
    if isinstance(subject, AccountPlan):
        return said(_OWNS_PLAN, plan=subject.id, customer=subject.account, who=who)
    if isinstance(subject, Order):
        return said(_ADMINISTERS, order=subject.id, customer=subject.customer, who=who)
    if isinstance(subject, Deal):
        code = _OWNS_KEY_DEAL if subject.customer in ctx.active_accounts else _OWNS_DEAL
        return said(code, deal=subject.id, stage=subject.stage.value, who=who)
    return said(  # pragma: no cover - every kind of subject is named above
        _DOES, who=who, duty=work.responsibility.value, subject=work.subject_id
    )


_MISASSIGNED: Final = template(
    "misassigned", "{doing:message}; {policy:message}, {duty:duty} is the work of {roles:roles}"
)
_MISASSIGNED_DEAL: Final = template(
    "misassigned.key-account-deal",
    "{doing:message}; {policy:message}, deals on key accounts are closed by {roles:roles}",
)


def _misassigned(ctx: Context, work: Work, verdict: Verdict) -> Violation:
    """A finding about a piece of work the policy gives to other roles."""
    code = _MISASSIGNED_DEAL if verdict.what == "key accounts" else _MISASSIGNED
    params = {
        "doing": _doing(ctx, work),
        "policy": ctx.policy_message,
        "duty": work.responsibility.value,
        "roles": roles_said(verdict.owners),
    }
    if code == _MISASSIGNED_DEAL:
        del params["duty"]
    return Violation(
        subject=work.subject_id,
        code=code,
        params=params,
        involves=(work.subject_id, work.member),
    )


@rule(
    "account-manager-new-business",
    title="Account manager doing new business",
    severity=Severity.ERROR,
    claims=("S1.4",),
    fires_when="An account manager owns a lead, or is assigned prospecting, following up "
    "leads, or any work whose subject is a lead.",
    guards=(
        Guard(responsibilities=NEW_BUSINESS, roles=frozenset({Role.ACCOUNT_MANAGER})),
        Guard(
            roles=frozenset({Role.ACCOUNT_MANAGER}), subjects=frozenset({LEAD, FORMER_CUSTOMER})
        ),
    ),
)
def account_manager_new_business(ctx: Context) -> Iterator[Violation]:
    """Account managers deal only with existing customers; they have no new-business duties.

    Winning new customers is the sales representative's job: prospecting and
    following up the leads marketing generates (S1.1, S1.3). An account
    manager who owns a lead, or is assigned to prospect or to work a lead, is
    doing a sales rep's work. Under the ``merged`` reading of S0.2 (one job,
    both titles) this rule is off, as it is under any policy that gives
    account managers the new-business duties.
    """
    for work, _ in ctx.refused("account-manager-new-business"):
        yield Violation(
            subject=work.subject_id,
            code=_NEW_BUSINESS,
            params={"doing": _doing(ctx, work)},
            involves=(work.subject_id, work.member),
        )


_NEW_BUSINESS: Final = template(
    "account-manager-new-business",
    "{doing:message}; account managers deal only with existing customers and have no "
    "new-business duties",
)


@rule(
    "key-account-without-manager",
    title="Key account without an account manager",
    severity=Severity.ERROR,
    claims=("S2.1", "S2.2"),
    fires_when="A key account has no manager, or its manager's role is not account manager.",
    guards=(
        Guard(
            responsibilities=frozenset({Responsibility.MANAGE_KEY_ACCOUNTS}),
            subjects=frozenset({KEY_ACCOUNT}),
        ),
    ),
)
def key_account_without_manager(ctx: Context) -> Iterator[Violation]:
    """Every key account needs an account manager to keep and grow it.

    Account managers keep or grow the business of a selected group of
    existing customers, the key accounts (S2.1, S2.2). A key account nobody
    manages, or one managed by somebody whose role the policy does not give
    ``manage_key_accounts`` (under ``strict``: anybody but an account
    manager), is a key account at risk.
    """
    allowed = roles_said(ctx.owners(Responsibility.MANAGE_KEY_ACCOUNTS))
    for account in ctx.active_accounts.values():
        if account.manager is None:
            yield Violation(
                subject=account.customer,
                code=_NO_MANAGER,
                params={
                    "account": ctx.account_name(account.customer),
                    "roles": allowed,
                    "policy": ctx.policy_message,
                },
                involves=(account.customer,),
            )
    for work, verdict in ctx.refused("key-account-without-manager"):
        yield Violation(
            subject=work.subject_id,
            code=_WRONG_MANAGER,
            params={
                "doing": _doing(ctx, work),
                "roles": roles_said(verdict.owners),
                "policy": ctx.policy_message,
            },
            involves=(work.subject_id, work.member),
        )


_NO_MANAGER: Final = template(
    "key-account-without-manager",
    "key account {account} has no manager; key accounts are managed by {roles:roles} "
    "{policy:message}",
)
_WRONG_MANAGER: Final = template(
    "key-account-without-manager.wrong-role",
    "{doing:message}; key accounts are managed by {roles:roles} {policy:message}",
)


@rule(
    "key-account-not-customer",
    title="Key account that is no active customer",
    severity=Severity.ERROR,
    claims=("S2.1", "S2.2"),
    fires_when="A key account's customer is not active (it is lapsed or lost).",
    guards=(Guard(subjects=frozenset({FORMER_KEY_ACCOUNT})),),
)
def key_account_not_customer(ctx: Context) -> Iterator[Violation]:
    """A key account is an existing customer; a lapsed or lost one is no longer that.

    Key accounts are a selected group of existing customers (S2.1, S2.2). A
    customer who lapsed or was lost should be won back (new business) or
    released as a key account.
    """
    active = CustomerStatus.ACTIVE
    for account in ctx.accounts.values():
        customer = ctx.customers[account.customer]
        if customer.status is not active:
            manager = () if account.manager is None else (account.manager,)
            yield Violation(
                subject=customer.id,
                code=_NOT_CUSTOMER,
                params={"account": ctx.account_name(customer.id), "status": customer.status.value},
                involves=(customer.id, *manager),
            )


_NOT_CUSTOMER: Final = template(
    "key-account-not-customer",
    "key account {account} is a {status:CustomerStatus} customer; a key account is an active, "
    "existing customer",
)


@rule(
    "target-not-set-by-sales-manager",
    title="Sales rep's target not set by a sales manager",
    severity=Severity.ERROR,
    claims=("S3.2",),
    fires_when="A revenue target owned by a sales rep was set by someone who is not a sales "
    "manager.",
    guards=(
        Guard(
            responsibilities=frozenset({Responsibility.SET_SALES_TARGETS}),
            subjects=frozenset({TARGET}),
        ),
    ),
)
def target_not_set_by_sales_manager(ctx: Context) -> Iterator[Violation]:
    """Sales reps work toward revenue targets that sales managers set.

    The article is explicit that reps' targets come from sales managers
    (S3.2), unlike account managers, who plan their own targets per product
    (S3.4). The rule judges targets owned by a role the policy gives
    ``meet_sales_target``; their setter's role must hold ``set_sales_targets``.
    """
    for work, verdict in ctx.refused("target-not-set-by-sales-manager"):
        target = work.subject
        if isinstance(target, RevenueTarget):
            yield Violation(
                subject=target.id,
                code=_TARGET_SETTER,
                params={
                    "target": target.id,
                    "owner": ctx.who_said(target.owner),
                    "setter": ctx.who_said(target.set_by),
                    "role": ctx.members[target.owner].role.value,
                    "roles": roles_said(verdict.owners),
                    "policy": ctx.policy_message,
                },
                involves=(target.id, work.member, target.owner),
            )
        else:  # pragma: no cover - the guard names targets
            yield _misassigned(ctx, work, verdict)


_TARGET_SETTER: Final = template(
    "target-not-set-by-sales-manager",
    "revenue target {target} of {owner:message}, was set by {setter:message}; {role:role}'s "
    "target is set by {roles:roles} {policy:message}",
)


@rule(
    "key-account-without-plan",
    title="Key account without a current plan",
    severity=Severity.ERROR,
    claims=("S3.1", "S3.4"),
    fires_when="A key account has no current plan (no plan whose period contains the date "
    "judged at).",
)
def key_account_without_plan(ctx: Context) -> Iterator[Violation]:
    """Account managers plan: every key account needs a current strategic account plan.

    Account managers have an important planning role (S3.1): they write
    strategic account plans with a revenue target per product (S3.4). A key
    account without a plan covering today is managed without one. The other
    plan rules stay silent for it; its threats count as unanswered.
    """
    yield from _key_accounts_without(
        ctx,
        ctx.current_plans,
        ((p.account, p.id) for p in ctx.portfolio.plans),
        lacking=_KEY_ACCOUNT_WITHOUT_PLAN,
        others=_PLANS_FOR_OTHER_PERIODS,
    )


@rule(
    "plan-owner-not-account-manager",
    title="Plan not owned by the account's manager",
    severity=Severity.ERROR,
    claims=("S3.3", "S3.4"),
    fires_when="A key account's current plan is owned by someone other than that account's "
    "manager.",
    guards=(
        Guard(
            responsibilities=frozenset({Responsibility.WRITE_ACCOUNT_PLAN}),
            subjects=frozenset({CURRENT_PLAN}),
        ),
    ),
)
def plan_owner_not_account_manager(ctx: Context) -> Iterator[Violation]:
    """The account's manager writes its plan and answers for its revenue and profitability.

    Account managers are responsible for the revenue and profitability of
    the accounts they manage (S3.3) and write their plans (S3.4); a plan
    owned by anybody else splits that responsibility. When the account has no
    manager (reported by ``key-account-without-manager``), the plan's owner
    must at least hold ``write_account_plan`` under the policy.
    """
    for work, _ in ctx.refused("plan-owner-not-account-manager"):
        plan = work.subject
        if not isinstance(plan, AccountPlan):  # pragma: no cover - the guard names plans
            continue
        # A current plan of an active key account with a manager: what the guard names.
        manager = ctx.active_accounts[plan.account].manager or ""
        yield Violation(
            subject=plan.id,
            code=_NOT_OWNER if work.recorded_as == "plan owner" else _NOT_ASSIGNED,
            params={
                "plan": plan.id,
                "account": ctx.account_name(plan.account),
                "who": ctx.who_said(work.member),
                "manager": ctx.who_said(manager),
            },
            involves=(plan.id, work.member, manager),
        )


_NOT_OWNER: Final = template(
    "plan-owner-not-account-manager",
    "plan {plan} of key account {account} is owned by {who:message}, not by the account's "
    "manager {manager:message}",
)
_NOT_ASSIGNED: Final = template(
    "plan-owner-not-account-manager.assigned",
    "{who:message} is assigned write_account_plan for plan {plan} of key account {account}, "
    "which is written by the account's manager {manager:message}",
)


@rule(
    "plan-missing-product-target",
    title="Plan without a target for every product",
    severity=Severity.ERROR,
    claims=("S3.4",),
    fires_when="A current plan has no revenue target for some product of the catalogue (the "
    "finding names each missing product).",
)
def plan_missing_product_target(ctx: Context) -> Iterator[Violation]:
    """An account plan holds a revenue target for each product the company sells.

    The article asks for a target per product (S3.4), so that widening the
    range sold to the account is planned, not left to chance. A zero target
    is an explicit statement that a product is not planned for the account,
    and satisfies the rule.
    """
    catalogue = ctx.portfolio.products
    every = frozenset(p.id for p in catalogue)
    for account, plan in ctx.current:
        targeted = {t.product for t in plan.product_targets}
        if every <= targeted:
            continue
        missing = [p for p in catalogue if p.id not in targeted]
        yield Violation(
            subject=plan.id,
            code=_NO_PRODUCT_TARGET,
            params={
                "plan": plan.id,
                "account": ctx.account_name(account.customer),
                "products": tuple(f"{p.id} ({p.name})" for p in missing),
            },
            involves=(plan.id, *(p.id for p in missing)),
        )


_NO_PRODUCT_TARGET: Final = template(
    "plan-missing-product-target",
    "plan {plan} of key account {account} has no revenue target for {products:list}",
)


@rule(
    "plan-without-profitability-target",
    title="Plan without a profitability target",
    severity=Severity.WARNING,
    claims=("S3.3",),
    fires_when="A current plan has no profitability target.",
)
def plan_without_profitability_target(ctx: Context) -> Iterator[Violation]:
    """Account managers answer for profitability, not only revenue.

    They are responsible for the revenue *and profitability* of their
    accounts (S3.3); a plan without a profitability target leaves half of
    that unplanned.
    """
    yield from _current_plans_without(
        ctx,
        lambda plan: plan.profitability_target is None,
        _PLAN_WITHOUT_PROFITABILITY_TARGET,
    )


@rule(
    "plan-without-relationship-action",
    title="Plan without a relationship action",
    severity=Severity.WARNING,
    claims=("S3.5",),
    fires_when="A current plan has no action of kind relationship.",
)
def plan_without_relationship_action(ctx: Context) -> Iterator[Violation]:
    """A plan says what the company will do to strengthen its relationship with the customer.

    Besides targets, the strategic account plan holds the actions that
    strengthen the relationship with the customer (S3.5).
    """
    yield from _current_plans_without(
        ctx,
        lambda plan: ActionKind.RELATIONSHIP not in {a.kind for a in plan.actions},
        _PLAN_WITHOUT_RELATIONSHIP_ACTION,
    )


@rule(
    "threat-without-response",
    title="Competitive threat without a response",
    severity=Severity.WARNING,
    claims=("S2.4",),
    fires_when="A threat on a key account is answered by no action (responds_to) of the "
    "current plan.",
)
def threat_without_response(ctx: Context) -> Iterator[Violation]:
    """Account managers protect their accounts against competitors' attacks.

    Defending the account against competitors is, with loyalty, the account
    manager's main duty (S2.4). Every threat noted on a key account should be
    answered by an action of its current plan that names it in
    ``responds_to``; without a current plan, every threat is unanswered.
    """
    plans = ctx.current_plans
    for account in ctx.active_accounts.values():
        if not account.threats:
            continue
        plan = plans.get(account.customer)
        answered = {a.responds_to for a in plan.actions} if plan is not None else set()
        code = _UNANSWERED if plan is not None else _NO_PLAN_TO_ANSWER
        for threat in account.threats:
            if threat.id not in answered:
                yield Violation(
                    subject=threat.id,
                    code=code,
                    params={
                        "threat": threat.id,
                        "competitor": threat.competitor,
                        "account": ctx.account_name(account.customer),
                    }
                    | ({"plan": plan.id} if plan is not None else {}),
                    involves=(threat.id, account.customer),
                )


_UNANSWERED: Final = template(
    "threat-without-response",
    "threat {threat} by {competitor} to key account {account} is answered by no action of "
    "plan {plan}",
)
_NO_PLAN_TO_ANSWER: Final = template(
    "threat-without-response.no-plan",
    "threat {threat} by {competitor} to key account {account} is answered by no action (the "
    "account has no current plan)",
)


_TEAM_GAP: Final = template(
    "decision-team-gap", "the decision team of key account {account} lacks {roles:buying_roles}"
)


@rule(
    "decision-team-gap",
    title="Gap in the decision team",
    severity=Severity.WARNING,
    claims=("S4.2", "S4.3"),
    fires_when="A key account's stakeholders lack a purchasing manager, a technical decision "
    "maker or a senior executive (the finding names which).",
)
def decision_team_gap(ctx: Context) -> Iterator[Violation]:
    """Account managers build relationships across the whole decision team.

    Key accounts decide through a complex decision team (S4.2); the account
    manager builds relationships with its buyers, technical decision makers
    and senior executives (S4.3). A key account where we know nobody in one
    of these buying roles has a blind spot.
    """
    known: dict[BuyingRole, set[str]] = {role: set() for role in DECISION_TEAM}
    for person in ctx.portfolio.stakeholders:
        found = known.get(person.buying_role)
        if found is not None:
            found.add(person.customer)
    buyers, deciders, executives = known.values()
    for customer in ctx.active_accounts:
        if customer in buyers and customer in deciders and customer in executives:
            continue
        missing = tuple(role.value for role in DECISION_TEAM if customer not in known[role])
        yield Violation(
            subject=customer,
            code=_TEAM_GAP,
            params={"account": ctx.account_name(customer), "roles": missing},
            involves=(customer, *missing),
        )


@rule(
    "key-account-without-contract",
    title="Key account without an active supply contract",
    severity=Severity.WARNING,
    claims=("S4.2",),
    fires_when="A key account has no supply contract in force on the date judged at.",
)
def key_account_without_contract(ctx: Context) -> Iterator[Violation]:
    """Account managers aim for long-term supply contracts instead of ad-hoc orders.

    With key accounts, the article has the account manager work toward
    long-term supply contracts (S4.2). A key account buying only through
    separate orders is served like a small customer.
    """
    yield from _key_accounts_without(
        ctx,
        ctx.under_contract,
        ((k.customer, k.id) for k in ctx.portfolio.contracts),
        lacking=_KEY_ACCOUNT_WITHOUT_CONTRACT,
        others=_CONTRACTS_FOR_OTHER_PERIODS,
    )


@rule(
    "order-admin-not-coordinator",
    title="Order not administered by a sales coordinator",
    severity=Severity.WARNING,
    claims=("S5.5",),
    fires_when="An order is administered by someone who is not a sales coordinator.",
    guards=(
        Guard(
            responsibilities=frozenset({Responsibility.ORDER_ADMINISTRATION}),
            subjects=frozenset({ORDER}),
        ),
    ),
)
def order_admin_not_coordinator(ctx: Context) -> Iterator[Violation]:
    """Sales coordinators handle order administration, so that sellers can sell.

    Sales reps negotiate and look for customers while sales coordinators
    handle the order administration (S5.5). An order administered by anybody
    whose role the policy does not give ``order_administration`` takes a
    seller away from selling. Orders nobody administers are not judged.
    """
    wrong = ctx.refused("order-admin-not-coordinator")
    names = ctx.names_of({w.subject.customer for w, _ in wrong if isinstance(w.subject, Order)})
    for work, verdict in wrong:
        order = work.subject
        if not isinstance(order, Order):  # pragma: no cover - the guard names orders
            continue
        administered = work.recorded_as == "order administrator"
        if order.customer in ctx.accounts:
            code = _ADMINISTERED_KEY if administered else _ASSIGNED_KEY
        else:
            code = _ADMINISTERED if administered else _ASSIGNED_ORDER
        yield Violation(
            subject=order.id,
            code=code,
            params={
                "order": order.id,
                "customer": order.customer,
                "name": names[order.customer],
                "who": ctx.who_said(work.member),
                "roles": roles_said(verdict.owners),
                "policy": ctx.policy_message,
            },
            involves=(order.id, work.member),
        )


_ADMINISTERED: Final = template(
    "order-admin-not-coordinator",
    "order {order} of {customer} ({name}) is administered by {who:message}; orders are "
    "administered by {roles:roles} {policy:message}",
)
_ASSIGNED_ORDER: Final = template(
    "order-admin-not-coordinator.assigned",
    "order {order} of {customer} ({name}) is assigned to {who:message}; orders are "
    "administered by {roles:roles} {policy:message}",
)
_ADMINISTERED_KEY: Final = template(
    "order-admin-not-coordinator.key-account",
    "order {order} of {customer} ({name}), a key account, is administered by {who:message}; "
    "orders are administered by {roles:roles} {policy:message}",
)
_ASSIGNED_KEY: Final = template(
    "order-admin-not-coordinator.key-account-assigned",
    "order {order} of {customer} ({name}), a key account, is assigned to {who:message}; "
    "orders are administered by {roles:roles} {policy:message}",
)


@rule(
    "key-account-served-by-sales-rep",
    title="Key account served by a sales rep",
    severity=Severity.WARNING,
    claims=("S2.1", "S4.1"),
    fires_when="An open deal on a key account is owned by a sales rep, or a sales rep is "
    "assigned manage_key_accounts for it.",
    guards=(
        Guard(
            responsibilities=frozenset(
                {Responsibility.MANAGE_KEY_ACCOUNTS, Responsibility.CLOSE_DEALS}
            ),
            roles=frozenset({Role.SALES_REP}),
            subjects=frozenset({KEY_ACCOUNT_WORK}),
        ),
    ),
)
def key_account_served_by_sales_rep(ctx: Context) -> Iterator[Violation]:
    """Key accounts are the account manager's; sales reps serve small and medium customers.

    Reps usually deal with the purchasing managers of small and medium
    customers (S4.1), while key accounts are kept and grown by account
    managers (S2.1). An open deal (neither won nor lost) on a key account
    owned by a sales rep, or a rep assigned to manage a key account, blurs
    that line. Under the ``merged`` reading of S0.2 this rule is off, as it
    is under any policy that gives sales reps ``manage_key_accounts``.
    """
    for work, _ in ctx.refused("key-account-served-by-sales-rep"):
        deal = work.subject
        if work.recorded_as == "deal owner" and isinstance(deal, Deal):
            yield Violation(
                subject=deal.id,
                code=_REP_DEAL,
                params={
                    "deal": deal.id,
                    "stage": deal.stage.value,
                    "account": ctx.account_name(deal.customer),
                    "who": ctx.who_said(deal.owner),
                },
                involves=(deal.id, work.member, deal.customer),
            )
            continue
        account = ctx.account_of(work.subject_id)
        yield Violation(
            subject=work.subject_id,
            code=_REP_ASSIGNED,
            params={
                "who": ctx.who_said(work.member),
                "duty": work.responsibility.value,
                "account": ctx.account_name(account or work.subject_id),
            },
            involves=(work.subject_id, work.member),
        )


_REP_DEAL: Final = template(
    "key-account-served-by-sales-rep",
    "open deal {deal} ({stage:DealStage}) on key account {account} is owned by {who:message}; "
    "key accounts are served by their account manager",
)
_REP_ASSIGNED: Final = template(
    "key-account-served-by-sales-rep.assigned",
    "{who:message} is assigned {duty:duty} for key account {account}; key accounts are served "
    "by their account manager",
)


@rule(
    "no-communication-cadence",
    title="Plan without a communication cadence",
    severity=Severity.INFO,
    claims=("S5.2",),
    fires_when="A key account's current plan has no communication cadence.",
)
def no_communication_cadence(ctx: Context) -> Iterator[Violation]:
    """Account managers plan regular communication with the decision makers, with marketing.

    The article has account managers work with marketing to plan regular
    communication with decision makers (S5.2); a plan without a cadence
    leaves contact to chance.
    """
    yield from _current_plans_without(
        ctx,
        lambda plan: plan.communication is None,
        _NO_COMMUNICATION_CADENCE,
    )


@rule(
    "work-outside-role",
    title="Work outside the member's role",
    severity=Severity.WARNING,
    claims=("S0.3",),
    fires_when="A team member owns or is assigned work (a lead, a deal, a plan, an order, a "
    "target, a key account or an assignment) whose responsibility the policy gives to other "
    "roles, and no rule above names that work.",
    guards=(Guard(),),
)
def work_outside_role(ctx: Context) -> Iterator[Violation]:
    """Each role has its responsibilities; work given to another role is misplaced.

    Account managers and sales representatives differ in their
    responsibilities (S0.3), and so do the sales manager, the sales
    coordinator and marketing. The policy's table says whose work each
    responsibility is; a piece of work done by a member whose role does not
    own it, and that no more specific rule reports, is reported here, so
    that :func:`~salesroles.decide` never refuses work :func:`~salesroles.check`
    is silent about. On a key account, closing deals is keeping and growing
    it (S2.1), the work of those who manage key accounts.
    """
    for work, verdict in ctx.refused("work-outside-role"):
        yield _misassigned(ctx, work, verdict)


#: The rules in the order of docs/rules.md: the order of the catalogue and of reports.
RULES: Final = (
    account_manager_new_business,
    key_account_without_manager,
    key_account_not_customer,
    target_not_set_by_sales_manager,
    key_account_without_plan,
    plan_owner_not_account_manager,
    plan_missing_product_target,
    plan_without_profitability_target,
    plan_without_relationship_action,
    threat_without_response,
    decision_team_gap,
    key_account_without_contract,
    order_admin_not_coordinator,
    key_account_served_by_sales_rep,
    no_communication_cadence,
    work_outside_role,
)
