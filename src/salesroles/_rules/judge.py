"""Judging: :func:`check` a portfolio into a :class:`Report`, :func:`decide` one piece of work."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from salesroles._i18n.message import render, said, template
from salesroles._model.arguments import instance_of, or_none, read_instance, read_optional_day
from salesroles._model.commerce import Deal, Order, Product, SupplyContract
from salesroles._model.enums import Responsibility, ResponsibilityValue, Role
from salesroles._model.messages import error, phrase, problem
from salesroles._model.parties import Customer, KeyAccount, Lead, Stakeholder, TeamMember
from salesroles._model.planning import AccountPlan, RevenueTarget
from salesroles._model.portfolio import Portfolio, resolve_as_of

from .catalogue import rules
from .context import UNDER_POLICY, Context, roles_said
from .policy import STRICT, Policy, as_policy, as_responsibility, as_role, duty_claims
from .report import Decision, Finding, Report
from .work import judge_work

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import date

    from .rule import Rule


def _switched_on(policy: Policy) -> tuple[Rule, ...]:
    """The rules *policy* runs, in the order of the catalogue."""
    return tuple(r for r in rules() if r.id not in policy.off)


def _merged(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for group in groups for c in group))


def _context(portfolio: Portfolio, as_of: date | str | None, policy: Policy) -> Context:
    """*portfolio* judged at *as_of* (by default its own) under *policy*, for check and decide."""
    day = resolve_as_of(read_optional_day(as_of, "as_of"), portfolio)
    return Context(
        portfolio,
        day,
        owners=policy.owners,
        policy_name=policy.name,
        rules=_switched_on(policy),
    )


def check(
    portfolio: Portfolio,
    *,
    policy: Policy | str | Mapping[str, object] = STRICT,
    as_of: date | str | None = None,
) -> Report:
    """Judge *portfolio* by every rule *policy* switches on, and report what is at fault.

    The rules are those of :func:`rules` (docs/rules.md). *policy*
    decides which run, how severe their findings are and which roles own each
    responsibility; it is a :class:`Policy`, the name of a built-in one
    (``"strict"``, the default, or ``"merged"``), or a policy's plain data.

    The portfolio is judged at *as_of*: what "current plan" and "active
    contract" mean. It defaults to the portfolio's own ``as_of``, and when
    that is not set either, to today's date (the one place the library reads
    the clock). The report records the date and the policy's name.

    Judging is linear in the size of the portfolio: indexes are built once,
    then each rule makes one pass over one collection.

    Raises:
        ValidationError: *portfolio* is not a :class:`Portfolio`, *policy* no
            policy, or *as_of* no date.

    >>> from datetime import date
    >>> from salesroles.testing import sample_portfolio
    >>> report = check(sample_portfolio(), as_of=date(2026, 11, 27))
    >>> [f.rule for f in report.errors]
    ['plan-missing-product-target']
    >>> report.errors[0].subject, report.errors[0].involves
    ('AP-NORD-2026', ('AP-NORD-2026', 'P-VALVE', 'P-SERVICE'))
    >>> [f.rule for f in check(sample_portfolio(), policy="merged")].count(
    ...     "key-account-served-by-sales-rep")
    0
    """
    read_instance(portfolio, Portfolio, "portfolio")
    judged_by = as_policy(policy)
    ctx = _context(portfolio, as_of, judged_by)
    findings: list[Finding] = []
    for rule in ctx.rules:
        severity = judged_by.severities[rule.id]
        findings.extend(
            Finding(
                rule=rule.id,
                severity=severity,
                subject=v.subject,
                message=v.message,
                claims=rule.claims,
                involves=v.involves,
                code=v.code,
                params=v.params,
            )
            for v in rule.judge(ctx)
        )
    findings.sort(key=lambda f: f.severity.rank)
    return Report(as_of=ctx.as_of, policy=judged_by.name, findings=tuple(findings))


_SUBJECTS: Final = (
    Customer,
    Lead,
    KeyAccount,
    AccountPlan,
    Deal,
    Order,
    SupplyContract,
    Stakeholder,
    RevenueTarget,
    Product,
    TeamMember,
)


_WHO: Final = phrase("expected.who", "a Role or a TeamMember")
_NO_ENTITY: Final = template(
    "no_entity", "{subject!r} names nothing in this portfolio; expected the id of an entity"
)
_ENTITY: Final = template("expected.entity", "an entity ({kinds:joined}) or None")
_ENTITY_OR_ID: Final = template(
    "expected.entity_or_id", "an entity ({kinds:joined}) or its id or None"
)


def _who(who: object) -> tuple[Role, TeamMember | None]:
    if isinstance(who, TeamMember):
        return who.role, who
    if isinstance(who, Role | str):
        return as_role(who, path="who"), None
    raise problem("who", who, _WHO)


def _read_subject(subject: object, portfolio: Portfolio | None) -> object:
    """The entity the work is about: an entity, or with a portfolio also its id."""
    if subject is None or isinstance(subject, _SUBJECTS):
        return subject
    if portfolio is not None and type(subject) is str:
        found = portfolio.get(subject)
        if found is None:
            # A key account has no id of its own: its customer's names it.
            raise error("subject", "dangling_reference", _NO_ENTITY, subject=subject)
        return found
    kinds = [k.__name__ for k in _SUBJECTS]
    wanted = _ENTITY_OR_ID if portfolio is not None else _ENTITY
    raise problem("subject", subject, said(wanted, kinds=kinds))


def decide(  # noqa: PLR0913 - the work, and what it is judged by
    who: Role | TeamMember | str,
    responsibility: Responsibility | ResponsibilityValue,
    subject: object = None,
    *,
    policy: Policy | str | Mapping[str, object] = STRICT,
    portfolio: Portfolio | None = None,
    as_of: date | str | None = None,
) -> Decision:
    """Decide whether *who* may take on *responsibility*, and say why.

    *who* is a :class:`Role` (or its value) or a :class:`TeamMember`;
    *subject*, optionally, the entity the work is about (a customer, lead,
    key account, plan, deal, order, target …). The answer follows the
    policy's table of owners (docs/domain.md, responsibilities), and what the subject is:

    - working a lead, or a lapsed or lost customer, is new business, which
      account managers do not do under ``strict`` (S1.3, S1.4), even for
      work that is otherwise theirs; a policy that gives them
      ``follow_up_leads`` (such as ``merged``) lifts that. Any other role
      doing its own work on such a subject is allowed.
    - a deal that is won or lost needs nobody any more.

    Pass the *portfolio* the work belongs to (then *subject* may also be an
    id, and *as_of* says which plans are current) and the answer is the one
    :func:`check` gives about that work: closing a deal on a key account is
    keeping and growing it, the work of those who manage key accounts (S2.1);
    a key account's current plan is its manager's (S3.3, S3.4); a target of
    a role given no targets to meet is planned by its owner (S3.4); a former
    customer kept as a key account is ``key-account-not-customer``. For every
    piece of work a portfolio records, ``decide`` refuses exactly when
    :func:`check` reports a finding about it (its ``involves`` names the
    subject, then the member), citing the same rule, under ``strict`` and
    ``merged``. Without a portfolio, only what the subject alone tells counts.

    ``rule`` names the rule of :func:`check` that reports such work under the
    policy (a rule the policy switches off is never cited: the work is then
    ``work-outside-role``'s, or, if that is off too, no rule's). A refusal is a :class:`Decision` with
    ``allowed=False``, never an exception; only arguments that name no role,
    responsibility, entity, policy, portfolio or day raise
    :class:`~salesroles.ValidationError`.

    >>> d = decide(Role.ACCOUNT_MANAGER, "prospecting")
    >>> d.allowed, d.rule, d.claims
    (False, 'account-manager-new-business', ('S1.1', 'S5.5', 'S1.4'))
    >>> print(d.reason)
    An account manager may not prospect for new customers: under policy 'strict' that is the work of a sales representative. Account managers deal only with existing customers; they have no new-business duties.
    >>> bool(decide("account_manager", "prospecting", policy="merged"))
    True
    >>> lead = Lead(id="L-1", company="Beta AG", source="marketing", status="new")
    >>> bool(decide("marketing", "generate_leads", lead)), bool(decide("account_manager",
    ...     "manage_key_accounts", lead))
    (True, False)
    >>> from salesroles.testing import sample_portfolio
    >>> p = sample_portfolio()
    >>> ann = p.member("ann")
    >>> decide(ann, "close_deals", "D-1", portfolio=p).allowed
    True
    >>> print(decide("sales_rep", "close_deals", "D-1", portfolio=p).rule)
    key-account-served-by-sales-rep
    """  # noqa: E501
    role, member = _who(who)
    duty = as_responsibility(responsibility)
    judged_by = as_policy(policy)
    ctx = None
    if portfolio is not None:
        read_instance(portfolio, Portfolio, "portfolio", or_none(instance_of(Portfolio)))
        ctx = _context(portfolio, as_of, judged_by)
    else:  # no plans to date without a portfolio, but a bad day is refused all the same
        read_optional_day(as_of, "as_of")
    entity = _read_subject(subject, portfolio)
    verdict = judge_work(
        role,
        duty,
        entity,
        member=None if member is None else member.id,
        owners=judged_by.owners,
        rules=_switched_on(judged_by),
        ctx=ctx,
    )
    policy = said(UNDER_POLICY, policy=judged_by.name)
    owners = said(_OWNERS[verdict.what], roles=roles_said(verdict.owners))
    if verdict.because is None:
        why = said(_WHY_TABLE, policy=policy, owners=owners)
    elif verdict.owners != judged_by.owners_of(duty) or verdict.what != "that":
        why = said(_WHY_BECAUSE_AND, because=verdict.because, policy=policy, owners=owners)
    else:
        why = verdict.because
    rule = verdict.rule
    cites = not verdict.allowed and rule is not None
    code = _MAY if verdict.allowed else _MAY_NOT_CITING if cites else _MAY_NOT
    params = {
        "actor": _actor(role, member),
        "duty": duty.value,
        "on": _on(entity),
        "why": why,
    } | ({"rule": rule.id} if cites and rule is not None else {})
    cited = verdict.claims or (rule.claims if rule is not None and not verdict.allowed else ())
    return Decision(
        allowed=verdict.allowed,
        reason=render(code, params),
        code=code,
        params=params,
        rule=None if verdict.allowed or rule is None else rule.id,
        claims=_merged(duty_claims(duty), cited),
        role=role,
        responsibility=duty,
        subject=None if entity is None else _id_of(entity),
        member=None if member is None else member.id,
        policy=judged_by.name,
    )


# The reason of a decision: who may (not) do what, on what, and why.
_MAY: Final = template(
    "decision.may",
    "{actor:message} may {duty:duty_phrase}{on:message}: {why:message}.",
    sentence=True,
)
_MAY_NOT: Final = template(
    "decision.may-not",
    "{actor:message} may not {duty:duty_phrase}{on:message}: {why:message}.",
    sentence=True,
)
_MAY_NOT_CITING: Final = template(
    "decision.may-not-citing",
    "{actor:message} may not {duty:duty_phrase}{on:message}: {why:message}. {rule:rule_summary}",
    sentence=True,
)
_ROLE_ACTOR: Final = template("decision.role", "{role:role}")
_MEMBER_ACTOR: Final = template("decision.member", "{name} ({role:role})")
_ON_LEAD: Final = template("decision.on-lead", " for lead {id} ({company})")
_ON_CUSTOMER: Final = template("decision.on-customer", " for customer {id} ({name})")
_ON_KEY_ACCOUNT: Final = template("decision.on-key-account", " for key account {customer}")
_ON_OTHER: Final = template("decision.on-other", " for {kind} {id}")
_WHY_TABLE: Final = template("decision.why-table", "{policy:message} {owners:message}")
_WHY_BECAUSE_AND: Final = template(
    "decision.why-because-and", "{because:message}, and {policy:message} {owners:message}"
)
_OWNERS: Final = {
    "that": template("decision.owners", "that is the work of {roles:roles}"),
    "new business": template(
        "decision.owners-new-business", "new business is the work of {roles:roles}"
    ),
    "key accounts": template(
        "decision.owners-key-accounts", "key accounts are kept and grown by {roles:roles}"
    ),
}


def _actor(role: Role, member: TeamMember | None) -> dict[str, Any]:
    if member is None:
        return said(_ROLE_ACTOR, role=role.value)
    return said(_MEMBER_ACTOR, name=member.name, role=role.value)


def _on(subject: object) -> dict[str, Any] | str:
    if subject is None:
        return ""
    if isinstance(subject, Lead):
        return said(_ON_LEAD, id=subject.id, company=subject.company)
    if isinstance(subject, Customer):
        return said(_ON_CUSTOMER, id=subject.id, name=subject.name)
    if isinstance(subject, KeyAccount):
        return said(_ON_KEY_ACCOUNT, customer=subject.customer)
    return said(_ON_OTHER, kind=type(subject).__name__, id=subject.id)  # type: ignore[attr-defined]


def _id_of(entity: object) -> str:
    if isinstance(entity, KeyAccount):
        return entity.customer
    return str(entity.id)  # type: ignore[attr-defined]
