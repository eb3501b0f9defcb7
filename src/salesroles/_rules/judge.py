"""Judging: :func:`check` a portfolio into a :class:`Report`, :func:`decide` one piece of work."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from salesroles._model.arguments import read_instance, read_optional_day
from salesroles._model.commerce import Deal, Order, Product, SupplyContract
from salesroles._model.enums import CustomerStatus, Responsibility, Role
from salesroles._model.messages import describe, problem, role_phrase, roles_phrase
from salesroles._model.parties import Customer, KeyAccount, Lead, Stakeholder, TeamMember
from salesroles._model.planning import AccountPlan, RevenueTarget
from salesroles._model.portfolio import Portfolio, resolve_as_of

from .catalogue import rule_for, rules
from .context import Context
from .policy import STRICT, Policy, as_policy, as_responsibility, as_role, duty_claims, duty_phrase
from .report import Decision, Finding, Report
from .rule import FORMER_CUSTOMER, LEAD

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import date


def _merged(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for group in groups for c in group))


def check(
    portfolio: Portfolio,
    *,
    policy: Policy | str | Mapping[str, Any] = STRICT,
    as_of: date | str | None = None,
) -> Report:
    """Judge *portfolio* by every rule *policy* switches on, and report what is at fault.

    The rules are those of :func:`rules` (DOMAIN.md section 5). *policy*
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
    read_instance(portfolio, Portfolio, "portfolio", "a Portfolio")
    judged_by = as_policy(policy)
    day = resolve_as_of(read_optional_day(as_of, "as_of"), portfolio)
    ctx = Context(portfolio, day, owners=judged_by.owners, policy_name=judged_by.name)
    findings: list[Finding] = []
    for rule in rules():
        severity = judged_by.severity_of(rule.id)
        if severity is None:
            continue
        findings.extend(
            Finding(
                rule=rule.id,
                severity=severity,
                subject=v.subject,
                message=v.message,
                claims=rule.claims,
                involves=v.involves,
            )
            for v in rule.judge(ctx)
        )
    findings.sort(key=lambda f: f.severity.rank)
    return Report(as_of=day, policy=judged_by.name, findings=tuple(findings))


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


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _subject_name(subject: object) -> str:
    if isinstance(subject, Lead):
        return f"lead {subject.id} ({subject.company})"
    if isinstance(subject, Customer):
        return f"customer {subject.id} ({subject.name})"
    if isinstance(subject, KeyAccount):
        return f"key account {subject.customer}"
    return f"{type(subject).__name__} {subject.id}"  # type: ignore[attr-defined]


def _who(who: object) -> tuple[Role, TeamMember | None]:
    if isinstance(who, TeamMember):
        return who.role, who
    if isinstance(who, Role | str):
        return as_role(who, path="who"), None
    raise problem("who", f"got {describe(who)}; expected a Role or a TeamMember", "invalid_type")


def _check_subject(subject: object) -> str | None:
    if subject is None:
        return None
    if isinstance(subject, _SUBJECTS):
        return str(subject.id)
    kinds = ", ".join(k.__name__ for k in _SUBJECTS)
    raise problem(
        "subject",
        f"got {describe(subject)}; expected an entity ({kinds}) or None; "
        "decide has no portfolio to look ids up in",
        "invalid_type",
    )


def decide(
    who: Role | TeamMember | str,
    responsibility: Responsibility | str,
    subject: object = None,
    *,
    policy: Policy | str | Mapping[str, Any] = STRICT,
) -> Decision:
    """Decide whether *who* may take on *responsibility*, and say why.

    *who* is a :class:`Role` (or its value) or a :class:`TeamMember`;
    *subject*, optionally, the entity the work is about (a customer, lead,
    key account, plan, deal …). The answer follows the policy's table of
    owners (DOMAIN.md section 3). The subject matters for account managers
    only: working a lead, or a lapsed or lost customer, is new business,
    which they do not do under ``strict`` (S1.3, S1.4), even for work that
    is otherwise theirs; a policy that gives them ``follow_up_leads`` (such
    as ``merged``) lifts that. Any other role doing its own work on such a
    subject is allowed: marketing generating leads, a sales manager setting
    targets, a sales coordinator administering orders. ``rule`` names the
    check that reports such work in a portfolio, whether or not the policy
    has it switched on.

    A refusal is a :class:`Decision` with ``allowed=False``, never an
    exception; only arguments that name no role, responsibility, entity or
    policy raise :class:`~salesroles.ValidationError`.

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
    """  # noqa: E501
    role, member = _who(who)
    duty = as_responsibility(responsibility)
    subject_id = _check_subject(subject)
    judged_by = as_policy(policy)
    owners = judged_by.owners_of(duty)
    said = f"under policy {judged_by.name!r}"
    actor = role_phrase(role) if member is None else f"{member.name} ({role_phrase(role)})"
    doing = duty_phrase(duty)
    on = f" for {_subject_name(subject)}" if subject is not None else ""
    fields: dict[str, Any] = {
        "role": role,
        "responsibility": duty,
        "subject": subject_id,
        "member": None if member is None else member.id,
        "policy": judged_by.name,
    }

    # S1.4 bars account managers, and only them, from new business: whatever the work, not
    # on a lead or a customer who is no longer an existing one, unless the policy gives them
    # the leads to follow up (as MERGED does). Every other role is judged by the table alone:
    # marketing generating leads, a sales manager setting targets or a coordinator
    # administering a lapsed customer's order is doing its own work.
    new_business = _new_business_subject(subject)
    if (
        new_business is not None
        and role is Role.ACCOUNT_MANAGER
        and not judged_by.allows(role, Responsibility.FOLLOW_UP_LEADS)
    ):
        # The rule is the check that reports such work (the catalogue's guards say which):
        # on a lead, new business; on a lapsed or lost customer, what its subject makes
        # wrong, or else a duty refused in itself.
        kind = LEAD if isinstance(subject, Lead) else FORMER_CUSTOMER
        found = rule_for(role, duty, kind, subject_only=judged_by.allows(role, duty))
        follows = roles_phrase(judged_by.owners_of(Responsibility.FOLLOW_UP_LEADS))
        reason = (
            f"{_capital(actor)} may not {doing}{on}: {new_business}, and {said} new business "
            f"is the work of {follows}."
        )
        cited: tuple[str, ...] = ("S1.3", "S1.4")
    elif role in owners:
        return Decision(
            allowed=True,
            reason=f"{_capital(actor)} may {doing}{on}: {said} that is the work of "
            f"{roles_phrase(owners)}.",
            rule=None,
            claims=duty_claims(duty),
            **fields,
        )
    else:
        found = rule_for(role, duty)
        reason = (
            f"{_capital(actor)} may not {doing}{on}: {said} that is the work of "
            f"{roles_phrase(owners)}."
        )
        cited = ()
    if found is not None:
        reason += f" {found.summary}"
        cited = cited or found.claims
    return Decision(
        allowed=False,
        reason=reason,
        rule=None if found is None else found.id,
        claims=_merged(duty_claims(duty), cited),
        **fields,
    )


def _new_business_subject(subject: object) -> str | None:
    """Say why work on *subject* is new business (a lead, a lapsed or lost customer), or None."""
    if isinstance(subject, Lead):
        return f"{subject.id} is a lead, not an existing customer"
    if isinstance(subject, Customer) and subject.status is not CustomerStatus.ACTIVE:
        return f"{subject.id} is a {subject.status.value} customer, not an existing one"
    return None
