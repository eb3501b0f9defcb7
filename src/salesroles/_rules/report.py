"""What judging answers: findings, a check's report and a decision, as text, HTML and records."""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs

from salesroles._display import Kind, heading, records_to_frame
from salesroles._i18n.catalogue import translate, translate_plural
from salesroles._i18n.labels import label
from salesroles._i18n.message import render, template
from salesroles._model.enums import Responsibility, Role, Severity

from .catalogue import rules

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

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
# The dtypes of a report's frame: severities order from the gravest (error < warning < info).
_RECORD_KINDS: Final[dict[str, Kind]] = {
    "rule": "text",
    "severity": tuple(s.value for s in sorted(Severity, key=lambda s: s.rank)),
    "subject": "text",
    "message": "text",
    "claims": "list",
    "involves": "list",
    "as_of": "date",
    "policy": "text",
}


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
        f'font-weight:bold;white-space:nowrap">{_MARK[severity]} {label(severity)}</span>'
    )


def claims_text(claims: tuple[str, ...]) -> str:
    return ", ".join(claims)


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a rule found at fault in a portfolio.

    Attributes:
        rule: The id of the rule, such as ``decision-team-gap`` (see :func:`rules`).
        severity: How much it matters under the policy judged by.
        subject: The id of the entity at fault: the key account, plan,
            threat, order, deal, target or lead, or the subject of a
            misassigned piece of work.
        message: What is wrong, naming the entities involved, in the language
            active when the finding was made (see :meth:`render` for another).
        claims: The claims of the article the rule comes from, such as ``("S4.2", "S4.3")``.
        involves: The ids of every entity the message names, the subject
            first (missing products and buying roles included).
        code: The message's stable code (``decision-team-gap``,
            ``key-account-without-manager.wrong-role``, …); it never changes
            with the language. Empty for a finding built by hand.
        params: The message's JSON-ready parameters (ids, names, wire values;
            a nested message is a ``{"code", "params"}`` mapping).
    """

    rule: str
    severity: Severity
    subject: str
    message: str
    claims: tuple[str, ...]
    involves: tuple[str, ...] = ()
    code: str = ""
    params: Mapping[str, Any] = attrs.field(factory=dict, eq=False, hash=False)

    def render(self, locale: str | None = None) -> str:
        """The message in *locale* (default: the active one), from its code and parameters.

        >>> from salesroles import check
        >>> from salesroles.testing import sample_portfolio
        >>> gap = check(sample_portfolio(), as_of="2026-11-27").errors[0]
        >>> print(gap.render("de"))
        Plan AP-NORD-2026 des Key Accounts C-NORD (Nordwerk Wasser GmbH) hat kein Umsatzziel für P-VALVE (Control valves) und P-SERVICE (Maintenance contracts)
        >>> gap.code, gap.params["plan"]
        ('plan-missing-product-target', 'AP-NORD-2026')
        """  # noqa: E501
        if not self.code:
            return self.message
        return render(self.code, self.params, locale=locale)

    def to_record(self, locale: str | None = None) -> dict[str, str]:
        """Return the finding as a flat dict of strings (one row of a table)."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "subject": self.subject,
            "message": self.message if locale is None else self.render(locale),
            "claims": claims_text(self.claims),
            "involves": ", ".join(self.involves),
        }

    def __str__(self) -> str:
        return (
            f"{label(self.severity).upper():<7} {self.rule} [{self.subject}]: {self.message} "
            f"({claims_text(self.claims)})"
        )

    def _repr_html_(self) -> str:
        return (
            f"<div>{_badge(self.severity)} <code>{html.escape(self.rule)}</code> "
            f"<strong>{html.escape(self.subject)}</strong>: {html.escape(self.message)} "
            f"<small>({html.escape(claims_text(self.claims))})</small></div>"
        )


# How a report counts its findings, one (singular, plural) per severity.
_COUNTED: Final = (
    (Severity.ERROR, "{n} error", "{n} errors"),
    (Severity.WARNING, "{n} warning", "{n} warnings"),
    (Severity.INFO, "{n} info", "{n} info"),
)


def _counts(findings: tuple[Finding, ...]) -> str:
    if not findings:
        return translate("no findings", context="count")
    parts = []
    for severity, one, many in _COUNTED:
        n = sum(1 for f in findings if f.severity is severity)
        if n:
            parts.append(translate_plural(one, many, n, context="count").format(n=n))
    return ", ".join(parts)


_HEAD: Final = template("report", "Report as of {day:date} under policy {policy!r}: {counts}")
_HTML_HEAD: Final = template(
    "report.html",
    "<strong>Report</strong> as of {day:date} under policy <code>{policy}</code>: {counts}",
)


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

    >>> from salesroles import check
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

    def to_records(self, locale: str | None = None) -> list[dict[str, Any]]:
        """Return one flat dict per finding, ready for ``pandas.DataFrame(report.to_records())``.

        Each holds ``rule``, ``severity``, ``subject``, ``message``, ``claims``
        and ``involves`` (comma-separated), and the report's ``as_of`` (an ISO
        date string, like every date in the library's records) and ``policy``.
        With *locale*, each message is rendered in that language.
        """
        as_of = self.as_of.isoformat()
        return [
            {**f.to_record(locale), "as_of": as_of, "policy": self.policy} for f in self.findings
        ]

    def to_frame(self, locale: str | None = None) -> Any:
        """Return the findings as a :class:`pandas.DataFrame`, one row per finding.

        ``severity`` is an ordered categorical, so ``sort_values("severity")``
        puts errors first, then warnings, then infos; ``claims`` and
        ``involves`` are list columns, ``as_of`` a date.

        Raises:
            ImportError: pandas or pyarrow is not installed;
                ``pip install "salesroles[notebook]"``.
        """
        rows = [
            {**row, "claims": list(f.claims), "involves": list(f.involves)}
            for row, f in zip(self.to_records(locale), self.findings, strict=True)
        ]
        return records_to_frame(rows, _RECORD_COLUMNS, _RECORD_KINDS)

    def _head(self) -> str:
        counts = _counts(self.findings)
        return render(
            _HEAD, {"day": self.as_of.isoformat(), "policy": self.policy, "counts": counts}
        )

    def __repr__(self) -> str:
        return f"<{self._head()}>"

    def __str__(self) -> str:
        return "\n".join([self._head(), *(f"  {f}" for f in self.findings)])

    def _repr_html_(self) -> str:
        params = {
            "day": self.as_of.isoformat(),
            "policy": html.escape(self.policy),
            "counts": html.escape(_counts(self.findings)),
        }
        head = f"<p>{render(_HTML_HEAD, params)}</p>"
        # No first column, so no row shows its leading cell: "" is a mere placeholder.
        rows = [("", f) for f in self.findings]  # pragma: no mutate
        return head + findings_html(rows)


def findings_html(rows: Sequence[tuple[str, Finding]], *, first: str | None = None) -> str:
    """An escaped HTML table of findings, severities marked; "" when there are none.

    Each row is a finding with a leading cell (shown in a first column headed
    *first* when that is given: a scenario marks findings "new" or "gone").
    """
    if not rows:
        return ""
    heads = ("severity", "rule", "subject", "message", "claims")
    header = "".join(
        f'<th style="{_CELL}">{html.escape(heading(h))}</th>'
        for h in (first, *heads)
        if h is not None
    )
    body = "".join(
        "<tr>"
        + (f'<td style="{_CELL}">{html.escape(lead)}</td>' if first is not None else "")
        + f'<td style="{_CELL}">{_badge(f.severity)}</td>'
        f'<td style="{_CELL}"><code>{html.escape(f.rule)}</code></td>'
        f'<td style="{_CELL}">{html.escape(f.subject)}</td>'
        f'<td style="{_CELL}">{html.escape(f.message)}</td>'
        f'<td style="{_CELL}">{html.escape(claims_text(f.claims))}</td>'
        "</tr>"
        for lead, f in rows
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


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
        code: The reason's stable code (``decision.may-not-citing``, …); empty
            for a decision built by hand.
        params: The reason's JSON-ready parameters.
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
    code: str = ""
    params: Mapping[str, Any] = attrs.field(factory=dict, eq=False, hash=False)

    def render(self, locale: str | None = None) -> str:
        """The reason in *locale* (default: the active one), from its code and parameters.

        >>> from salesroles import decide
        >>> print(decide("account_manager", "prospecting").render("de"))
        Die Rolle Account Manager darf nicht neue Kunden akquirieren: laut Richtlinie 'strict' ist das Aufgabe der Rolle Vertriebsmitarbeiter. Account Manager arbeiten nur mit bestehenden Kunden; sie haben keine Aufgaben im Neugeschäft.
        """  # noqa: E501
        if not self.code:
            return self.reason
        return render(self.code, self.params, locale=locale)

    def __bool__(self) -> bool:
        return self.allowed

    def __str__(self) -> str:
        verdict = translate("allowed" if self.allowed else "refused", context="wording").upper()
        cited = [self.rule] if self.rule and not self.allowed else []
        cited.append(claims_text(self.claims))
        return f"{verdict}: {self.reason} [{'; '.join(cited)}]"

    def _repr_html_(self) -> str:
        word = html.escape(translate("allowed" if self.allowed else "refused", context="wording"))
        if self.allowed:
            badge = f'<span style="color:#0a6b2d;font-weight:bold">✔ {word}</span>'
        else:
            badge = f'<span style="color:#a4000f;font-weight:bold">✖ {word}</span>'
        rule = f" <code>{html.escape(self.rule)}</code>" if self.rule and not self.allowed else ""
        return (
            f"<div>{badge}: {html.escape(self.reason)}{rule} "
            f"<small>({html.escape(claims_text(self.claims))})</small></div>"
        )
