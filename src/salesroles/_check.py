"""Judging: :func:`check` a portfolio into a :class:`Report`, :func:`decide` one piece of work."""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final

import attrs

from ._checks import describe, to_date
from ._commerce import Deal, Order, Product, SupplyContract
from ._enums import CustomerStatus, Responsibility, Role
from ._parties import Customer, KeyAccount, Lead, Stakeholder, TeamMember
from ._planning import AccountPlan, RevenueTarget
from ._policy import (
    STRICT,
    Policy,
    as_policy,
    as_responsibility,
    as_role,
    duty_claims,
    duty_phrase,
)
from ._portfolio import Portfolio, resolve_as_of
from ._rules import Context, Severity, role_phrase, roles_phrase, rule_by_id, rules
from ._tables import records_to_frame
from .exceptions import ErrorItem, ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

__all__ = ["Decision", "Finding", "Report", "check", "decide", "findings_html"]

_RECORD_COLUMNS: Final = (
    "rule",
    "severity",
    "subject",
    "message",
    "claims",
    "involves",
    "as_of",
    "policy",
)

# -- display helpers: plain text for terminals, HTML for notebooks, no dependency --

_MARK: Final = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "ℹ"}  # noqa: RUF001
_STYLE: Final = {
    Severity.ERROR: "background:#fde7e9;color:#a4000f",
    Severity.WARNING: "background:#fff4ce;color:#6b4700",
    Severity.INFO: "background:#e6f0fb;color:#0b4a8b",
}
_CELL: Final = "padding:2px 8px;text-align:left;vertical-align:top"


def _badge(severity: Severity) -> str:
    return (
        f'<span style="{_STYLE[severity]};padding:1px 6px;border-radius:3px;'
        f'font-weight:bold;white-space:nowrap">{_MARK[severity]} {severity.value}</span>'
    )


def _claims(claims: tuple[str, ...]) -> str:
    return ", ".join(claims)


def _merge(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for group in groups for c in group))


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a rule found at fault in a portfolio.

    Attributes:
        rule: The id of the rule, such as ``decision-team-gap`` (see :func:`rules`).
        severity: How much it matters under the policy judged by.
        subject: The id of the entity at fault: the key account, plan,
            threat, order, deal, target or lead, or the subject of a
            misassigned piece of work.
        message: What is wrong, naming the entities involved.
        claims: The claims of the article the rule comes from, such as ``("S4.2", "S4.3")``.
        involves: The ids of every entity the message names, the subject
            first (missing products and buying roles included).
    """

    rule: str
    severity: Severity
    subject: str
    message: str
    claims: tuple[str, ...]
    involves: tuple[str, ...] = ()

    def to_record(self) -> dict[str, str]:
        """Return the finding as a flat dict of strings (one row of a table)."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "subject": self.subject,
            "message": self.message,
            "claims": _claims(self.claims),
            "involves": ", ".join(self.involves),
        }

    def __str__(self) -> str:
        return (
            f"{self.severity.value.upper():<7} {self.rule} [{self.subject}]: {self.message} "
            f"({_claims(self.claims)})"
        )

    def _repr_html_(self) -> str:
        return (
            f"<div>{_badge(self.severity)} <code>{html.escape(self.rule)}</code> "
            f"<strong>{html.escape(self.subject)}</strong>: {html.escape(self.message)} "
            f"<small>({html.escape(_claims(self.claims))})</small></div>"
        )


def _counts(findings: tuple[Finding, ...]) -> str:
    if not findings:
        return "no findings"
    parts = []
    for severity, word in (
        (Severity.ERROR, "error"),
        (Severity.WARNING, "warning"),
        (Severity.INFO, "info"),
    ):
        n = sum(1 for f in findings if f.severity is severity)
        if n:
            parts.append(f"{n} {word}{'s' if n != 1 and severity is not Severity.INFO else ''}")
    return ", ".join(parts)


@attrs.frozen(kw_only=True, repr=False)
class Report:
    """What :func:`check` found in a portfolio: its findings, gravest first.

    A report iterates over its findings (:class:`Finding`) and says on which date and
    under which policy it was judged. It renders as text (``print(report)``),
    as a table in Jupyter, and as flat records for ``pandas.DataFrame``.

    Attributes:
        as_of: The date the portfolio was judged at.
        policy: The name of the policy it was judged under.
        findings: Every finding, errors first, then warnings, then infos;
            within a severity in the order of the catalogue.

    >>> from salesroles.testing import sample_portfolio
    >>> report = check(sample_portfolio())
    >>> report.as_of, report.policy, report.ok
    (datetime.date(2026, 11, 27), 'strict', False)
    >>> list(report.by_rule())[:2]
    ['plan-missing-product-target', 'plan-without-profitability-target']
    >>> len(report.errors), len(report.warnings), len(report.infos)
    (1, 6, 1)
    """

    as_of: date
    policy: str
    findings: tuple[Finding, ...] = ()

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity ``error``."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity ``warning``."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The findings of severity ``info``."""
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    @property
    def ok(self) -> bool:
        """Whether the portfolio has no error (warnings and infos may remain)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def by_rule(self) -> dict[str, tuple[Finding, ...]]:
        """Group the findings by rule id, rules in the order of the catalogue."""
        groups: dict[str, list[Finding]] = {}
        for finding in self.findings:
            groups.setdefault(finding.rule, []).append(finding)
        order = {r.id: i for i, r in enumerate(rules())}
        return {
            k: tuple(groups[k]) for k in sorted(groups, key=lambda k: order.get(k, len(order)))
        }

    def by_subject(self) -> dict[str, tuple[Finding, ...]]:
        """Group the findings by subject id, subjects in the order first found."""
        groups: dict[str, list[Finding]] = {}
        for finding in self.findings:
            groups.setdefault(finding.subject, []).append(finding)
        return {k: tuple(v) for k, v in groups.items()}

    def to_records(self) -> list[dict[str, Any]]:
        """Return one flat dict per finding, ready for ``pandas.DataFrame(report.to_records())``.

        Each holds ``rule``, ``severity``, ``subject``, ``message``, ``claims``
        and ``involves`` (comma-separated), and the report's ``as_of`` (an ISO
        date string, like every date in the library's records) and ``policy``.
        """
        as_of = self.as_of.isoformat()
        return [{**f.to_record(), "as_of": as_of, "policy": self.policy} for f in self.findings]

    def to_frame(self) -> Any:
        """Return the findings as a :class:`pandas.DataFrame`, one row per finding.

        Raises:
            ImportError: pandas is not installed; ``pip install "salesroles[notebook]"``.
        """
        return records_to_frame(self.to_records(), _RECORD_COLUMNS)

    def __repr__(self) -> str:
        return (
            f"<Report as of {self.as_of.isoformat()} under policy {self.policy!r}: "
            f"{_counts(self.findings)}>"
        )

    def __str__(self) -> str:
        head = (
            f"Report as of {self.as_of.isoformat()} under policy {self.policy!r}: "
            f"{_counts(self.findings)}"
        )
        return "\n".join([head, *(f"  {f}" for f in self.findings)])

    def _repr_html_(self) -> str:
        head = (
            f"<p><strong>Report</strong> as of {self.as_of.isoformat()} under policy "
            f"<code>{html.escape(self.policy)}</code>: {_counts(self.findings)}</p>"
        )
        return head + findings_html([("", f) for f in self.findings])


def findings_html(rows: Sequence[tuple[str, Finding]], *, first: str | None = None) -> str:
    """An escaped HTML table of findings, severities marked; "" when there are none.

    Each row is a finding with a leading cell (shown in a first column headed
    *first* when that is given: a scenario marks findings "new" or "gone").
    """
    if not rows:
        return ""
    heads = ("severity", "rule", "subject", "message", "claims")
    header = "".join(f'<th style="{_CELL}">{h}</th>' for h in (first, *heads) if h is not None)
    body = "".join(
        "<tr>"
        + (f'<td style="{_CELL}">{html.escape(lead)}</td>' if first is not None else "")
        + f'<td style="{_CELL}">{_badge(f.severity)}</td>'
        f'<td style="{_CELL}"><code>{html.escape(f.rule)}</code></td>'
        f'<td style="{_CELL}">{html.escape(f.subject)}</td>'
        f'<td style="{_CELL}">{html.escape(f.message)}</td>'
        f'<td style="{_CELL}">{html.escape(_claims(f.claims))}</td>'
        "</tr>"
        for lead, f in rows
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def _as_of(value: object) -> date | None:
    converted = to_date(value)
    if converted is None or (type(converted) is date):
        return converted
    if isinstance(converted, datetime):
        message = "got a datetime; expected a date without a time"
    else:
        message = f"got {describe(value)}; expected a date written YYYY-MM-DD"
    raise ValidationError([ErrorItem(path="as_of", message=message, code="invalid_date")])


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
    if not isinstance(portfolio, Portfolio):
        raise ValidationError(
            [
                ErrorItem(
                    path="portfolio",
                    message=f"got {describe(portfolio)}; expected a Portfolio",
                    code="invalid_type",
                )
            ]
        )
    judged_by = as_policy(policy)
    day = resolve_as_of(_as_of(as_of), portfolio)
    ctx = Context(portfolio, day, judged_by)
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


# -- decisions --


@attrs.frozen(kw_only=True)
class Decision:
    """Whether a role may take on a responsibility, and why: the answer of :func:`decide`.

    A refusal is data, never an exception, so decisions can be tabulated.
    A decision is true when allowed: ``if decide(...):`` reads naturally.

    Attributes:
        allowed: Whether the work is the role's under the policy.
        reason: Why, in a sentence a sales manager understands.
        rule: The id of the rule of :func:`check` that reports such work in
            a portfolio, or None.
        claims: The claims of the article behind the answer.
        role: The role judged.
        responsibility: The responsibility judged.
        subject: The id of what the work is about, or None.
        member: The id of the team member judged, or None when a role was.
        policy: The name of the policy decided by.
    """

    allowed: bool
    reason: str
    rule: str | None
    claims: tuple[str, ...]
    role: Role
    responsibility: Responsibility
    subject: str | None = None
    member: str | None = None
    policy: str = "strict"

    def __bool__(self) -> bool:
        return self.allowed

    def __str__(self) -> str:
        verdict = "ALLOWED" if self.allowed else "REFUSED"
        cited = [self.rule] if self.rule and not self.allowed else []
        cited.append(_claims(self.claims))
        return f"{verdict}: {self.reason} [{'; '.join(cited)}]"

    def _repr_html_(self) -> str:
        if self.allowed:
            badge = '<span style="color:#0a6b2d;font-weight:bold">✔ allowed</span>'
        else:
            badge = '<span style="color:#a4000f;font-weight:bold">✖ refused</span>'
        rule = f" <code>{html.escape(self.rule)}</code>" if self.rule and not self.allowed else ""
        return (
            f"<div>{badge}: {html.escape(self.reason)}{rule} "
            f"<small>({html.escape(_claims(self.claims))})</small></div>"
        )


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
_NEW_BUSINESS_RULE: Final = "account-manager-new-business"


def _rule_for(role: Role, duty: Responsibility) -> str | None:
    """The rule of :func:`check` that reports *role* doing *duty* when it should not."""
    if duty in (Responsibility.PROSPECTING, Responsibility.FOLLOW_UP_LEADS):
        return _NEW_BUSINESS_RULE if role is Role.ACCOUNT_MANAGER else None
    if duty is Responsibility.MANAGE_KEY_ACCOUNTS:
        if role is Role.SALES_REP:
            return "key-account-served-by-sales-rep"
        return "key-account-without-manager"
    return {
        Responsibility.SET_SALES_TARGETS: "target-not-set-by-sales-manager",
        Responsibility.ORDER_ADMINISTRATION: "order-admin-not-coordinator",
        Responsibility.WRITE_ACCOUNT_PLAN: "plan-owner-not-account-manager",
    }.get(duty)


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
    raise ValidationError(
        [
            ErrorItem(
                path="who",
                message=f"got {describe(who)}; expected a Role or a TeamMember",
                code="invalid_type",
            )
        ]
    )


def _check_subject(subject: object) -> str | None:
    if subject is None:
        return None
    if isinstance(subject, _SUBJECTS):
        return str(subject.id)
    kinds = ", ".join(k.__name__ for k in _SUBJECTS)
    raise ValidationError(
        [
            ErrorItem(
                path="subject",
                message=f"got {describe(subject)}; expected an entity ({kinds}) or None; "
                "decide has no portfolio to look ids up in",
                code="invalid_type",
            )
        ]
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
        # The rule is the check that reports such work: new business on a lead; on a
        # lapsed or lost customer (the rule does not look there), keeping it as a key
        # account, or else a duty refused in itself.
        rule: str | None
        if isinstance(subject, Lead):
            rule = _NEW_BUSINESS_RULE
        elif duty is Responsibility.MANAGE_KEY_ACCOUNTS:
            rule = "key-account-not-customer"
        else:
            rule = None if judged_by.allows(role, duty) else _rule_for(role, duty)
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
        rule = _rule_for(role, duty)
        reason = (
            f"{_capital(actor)} may not {doing}{on}: {said} that is the work of "
            f"{roles_phrase(owners)}."
        )
        cited = ()
    found = rule_by_id(rule) if rule else None
    if found is not None:
        reason += f" {found.summary}"
        cited = cited or found.claims
    return Decision(
        allowed=False,
        reason=reason,
        rule=rule,
        claims=_merge(duty_claims(duty), cited),
        **fields,
    )


def _new_business_subject(subject: object) -> str | None:
    """Say why work on *subject* is new business (a lead, a lapsed or lost customer), or None."""
    if isinstance(subject, Lead):
        return f"{subject.id} is a lead, not an existing customer"
    if isinstance(subject, Customer) and subject.status is not CustomerStatus.ACTIVE:
        return f"{subject.id} is a {subject.status.value} customer, not an existing one"
    return None
