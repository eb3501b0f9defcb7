"""What-if scenarios: named, pure changes to a portfolio, compared before and after.

A :class:`Scenario` starts from a portfolio and a policy. Each move (lose an
account, designate or release a key account, reassign accounts, promote a
team member, switch policy, add a product) returns a new scenario whose
``after`` portfolio carries the change; ``before`` never changes. Moves that
make no sense (an unknown account or member, a lead as a key account) raise
at once, with the library's usual errors.

:meth:`Scenario.compare` judges both sides with :func:`~salesroles.check`
and the analytics, and returns a :class:`Comparison`: the findings that
appear and disappear, and every headline figure that moved.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Final

import attrs

from salesroles._display import PERCENT, Cell, Kind, Record, Table, heading, render_html
from salesroles._i18n.catalogue import translate
from salesroles._i18n.message import render
from salesroles._model.arguments import AN_ID, IDS, instance_of, read_optional_day
from salesroles._model.commerce import Product
from salesroles._model.enums import CustomerStatus, DealStage, Role, RoleValue, to_role
from salesroles._model.messages import (
    ONE_OF,
    error,
    phrase,
    phrases,
    plural,
    problem,
    refusal,
    said,
    shown,
    template,
)
from salesroles._model.portfolio import Portfolio, resolve_as_of
from salesroles._model.rates import ExchangeRate, ExchangeRates
from salesroles._rules.judge import check
from salesroles._rules.policy import STRICT, Policy, as_policy
from salesroles._rules.report import Finding, Report, findings_html
from salesroles.exceptions import LifecycleError, NotFoundError

from .assessment import KeyAccountAssessment, assess_key_accounts
from .attainment import PlanAttainment, plan_attainment
from .conversion import reporting
from .revenue import Concentration, LossImpact, concentration, loss_impact
from .teams import DecisionTeam, decision_team
from .workload import workload

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


_LOST: Final = template("already_lost", "customer {customer!r} is already lost")
_SAME_MANAGER: Final = template("same_manager", "{member!r} already manages these accounts")
_NOT_MANAGED: Final = template("not_managed", "{member!r} manages no key account {ids:choices}")
_SAME_ROLE: Final = template("same_role", "{member!r} is already {role:a}")
_THEMSELVES: Final = template("to_themselves", "{member!r} cannot hand their work to themselves")
_FUNCTION: Final = phrase("expected.function", "a function")
_RETURNED: Final = template("returned", "returned {got:message}; expected a Portfolio")


#: The name of a scenario nobody named.
DEFAULT_NAME: Final = "What if"

# What each move says it changed: rendered in the language active when the move is made.
_LOSE: Final = {
    (False, False): template("change.lose", "lose {id} ({name}): status lost"),
    (True, False): template(
        "change.lose_released", "lose {id} ({name}): status lost, key account released"
    ),
    (False, True): template(
        "change.lose_deals",
        "lose {id} ({name}): status lost, {deals} open {deals:plural:deal|deals} lost",
    ),
    (True, True): template(
        "change.lose_released_deals",
        "lose {id} ({name}): status lost, key account released, {deals} open "
        "{deals:plural:deal|deals} lost",
    ),
}
_DESIGNATE: Final = template("change.designate", "designate {customer} a key account")
_DESIGNATE_MANAGED: Final = template(
    "change.designate_managed", "designate {customer} a key account, managed by {manager}"
)
_RELEASE: Final = template("change.release", "release {customer}")
_MANAGES: Final = template("change.manages", "{member} manages {customer}")
_REASSIGN: Final = template(
    "change.reassign",
    "reassign {accounts} key {accounts:plural:account|accounts} and {plans} "
    "{plans:plural:plan|plans} from {from} to {to}",
)
_REASSIGN_DEALS: Final = template(
    "change.reassign_deals",
    "reassign {accounts} key {accounts:plural:account|accounts}, {plans} "
    "{plans:plural:plan|plans} and {deals} open {deals:plural:deal|deals} from {from} to {to}",
)
_PROMOTE: Final = template(
    "change.promote", "promote {member} ({name}) from {old:Role} to {new:Role}"
)
_LEAVES: Final = template("change.leaves", "{member} ({name}) leaves the team")
_LEAVES_HANDING: Final = template(
    "change.leaves_handing",
    "{member} ({name}) leaves the team, {records} other {records:plural:record|records} to {to}",
)
_SWITCH: Final = template("change.switch_policy", "switch policy from {old} to {new}")
_ADD_PRODUCT: Final = template("change.add_product", "add product {id} ({name}) to the catalogue")
_DEFAULT_NAME: Final = template("scenario.default_name", DEFAULT_NAME)
_HEADING: Final = template("scenario.heading", "Scenario: {name} (as of {day:date})")
_FINDINGS: Final = template("scenario.findings", "Findings that appear and disappear")
_FIGURES: Final = template("scenario.figures", "Figures that move")
_NONE: Final = template("scenario.none", "(none)")
phrases(
    "analysis",
    {
        name: name
        for name in (
            "concentration",
            "key-account assessment",
            "plan attainment",
            "decision team",
            "workload",
        )
    },
)
phrases("change", {"new": "new", "gone": "gone"})


__all__ = ["Comparison", "FigureChange", "Scenario"]


def _before(self: Scenario) -> Portfolio:
    return self.before


def _policy_before(self: Scenario) -> Policy:
    return self.policy_before


@attrs.frozen(kw_only=True, repr=False)
class Scenario:
    """A what-if: a portfolio before, the same portfolio after named changes.

    Start from a portfolio, chain moves, then :meth:`compare`:

    >>> from salesroles import MERGED
    >>> from salesroles.testing import sample_portfolio
    >>> s = (
    ...     Scenario(before=sample_portfolio(), name="Lose ACME, reorganise")
    ...     .lose_account("C-ACME")
    ...     .reassign("kai", "ann")
    ...     .promote("bob", title="Key Account Manager")
    ...     .with_policy(MERGED)
    ... )
    >>> for change in s.changes:
    ...     print(change)
    lose C-ACME (ACME Chemie AG): status lost, key account released, 1 open deal lost
    reassign 1 key account and 1 plan from kai to ann
    promote bob (Bob Braun) from sales_rep to account_manager
    switch policy from strict to merged
    >>> s.before.customer("C-ACME").status.value, s.after.customer("C-ACME").status.value
    ('active', 'lost')

    Attributes:
        before: The portfolio as it is; never changed.
        after: The portfolio with every change applied.
        name: What the scenario explores, for titles.
        policy_before: The policy the portfolio is judged by now (default STRICT).
        policy_after: The policy after the changes (default: the same).
        changes: A sentence per change, in order.
        lost: The customers lost in the scenario, whose loss impact the
            comparison reports (S2.3).
    """

    before: Portfolio
    after: Portfolio = attrs.field(default=attrs.Factory(_before, takes_self=True))
    name: str = DEFAULT_NAME
    policy_before: Policy = attrs.field(default=STRICT, converter=as_policy)
    policy_after: Policy = attrs.field(
        default=attrs.Factory(_policy_before, takes_self=True), converter=as_policy
    )
    changes: tuple[str, ...] = ()
    lost: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        for name in ("before", "after"):
            value = getattr(self, name)
            if not isinstance(value, Portfolio):
                raise problem(name, value, instance_of(Portfolio))

    def _then(self, after: Portfolio, change: str, **more: Any) -> Scenario:
        return attrs.evolve(self, after=after, changes=(*self.changes, change), **more)

    # -- the moves --

    def lose_account(self, *customers: str) -> Scenario:
        """Lose *customers*: each becomes ``lost``, stops being a key account, loses open deals.

        Raises:
            NotFoundError: A customer id names no customer.
        """
        scenario = self
        for ident in customers:
            p = scenario.after
            customer = p.customer(ident)
            if customer.status is CustomerStatus.LOST:
                raise refusal(LifecycleError, "already_lost", _LOST, customer=ident)
            released = p.is_key_account(ident)
            if released:
                p = p.release_key_account(ident)
            p = p.replace(customer.with_status(CustomerStatus.LOST))
            open_deals = [d for d in p.deals_of(ident) if d.is_open]
            for deal in open_deals:
                p = p.replace(attrs.evolve(deal, stage=DealStage.LOST))
            text = _LOSE[released, bool(open_deals)]
            change = render(text, {"id": ident, "name": customer.name, "deals": len(open_deals)})
            scenario = scenario._then(p, change, lost=(*scenario.lost, ident))
        return scenario

    def designate(
        self, customer: str, *, manager: str | None = None, reason: str | None = None
    ) -> Scenario:
        """Designate *customer* a key account, optionally with its *manager* (S2.1, S2.2).

        Raises:
            LifecycleError: The customer is a lead, inactive or already a key account.
            NotFoundError: The id names nothing.
        """
        on = resolve_as_of(None, self.after)
        after = self.after.designate_key_account(customer, manager=manager, on=on, reason=reason)
        text = _DESIGNATE_MANAGED if manager else _DESIGNATE
        return self._then(after, render(text, {"customer": customer, "manager": manager}))

    def release(self, customer: str) -> Scenario:
        """Release *customer* from key-account status (its plans are kept).

        Raises:
            NotFoundError: *customer* is not a key account.
        """
        change = render(_RELEASE, {"customer": customer})
        return self._then(self.after.release_key_account(customer), change)

    def assign_manager(self, customer: str, member: str) -> Scenario:
        """Make *member* the manager of the key account of *customer* (S2.1).

        Raises:
            NotFoundError: *customer* is not a key account or *member* is unknown.
            LifecycleError: *member* is not an account manager.
        """
        change = render(_MANAGES, {"member": member, "customer": customer})
        return self._then(self.after.assign_manager(customer, member), change)

    def reassign(
        self, from_member: str, to_member: str, *, accounts: Iterable[str] | None = None
    ) -> Scenario:
        """Move key accounts, with their plans and open deals, from one member to another.

        All of *from_member*'s accounts move unless *accounts* names some.
        The receiving member must be an account manager (S2.1).

        Raises:
            NotFoundError: A member is unknown, or a named account is not
                managed by *from_member*.
            LifecycleError: *to_member* is not an account manager.
        """
        p = self.after
        p.member(from_member)
        p.member(to_member)
        if from_member == to_member:
            raise refusal(LifecycleError, "same_member", _SAME_MANAGER, member=from_member)
        managed = [a.customer for a in p.accounts_managed_by(from_member)]
        wanted = managed if accounts is None else _ids(accounts, "accounts")
        strangers = [a for a in wanted if a not in managed]
        if strangers:
            raise refusal(
                NotFoundError, "not_found", _NOT_MANAGED, member=from_member, ids=strangers
            )
        plans = deals = 0
        for account in wanted:
            p = p.assign_manager(account, to_member)
            for plan in p.plans_of(account):
                if plan.owner == from_member:
                    p = p.replace(attrs.evolve(plan, owner=to_member))
                    plans += 1
            for deal in p.deals_of(account):
                if deal.owner == from_member and deal.is_open:
                    p = p.replace(attrs.evolve(deal, owner=to_member))
                    deals += 1
        params: dict[str, object] = {"accounts": len(wanted), "plans": plans, "deals": deals}
        params.update({"from": from_member, "to": to_member})
        return self._then(p, render(_REASSIGN_DEALS if deals else _REASSIGN, params))

    def promote(
        self,
        member: str,
        role: Role | RoleValue = Role.ACCOUNT_MANAGER,
        *,
        title: str | None = None,
    ) -> Scenario:
        """Give *member* a new *role* (by default: make a sales rep an account manager).

        Raises:
            NotFoundError: *member* is unknown.
        """
        who = self.after.member(member)
        new_role = to_role(role)
        if type(new_role) is not Role:
            raise problem("role", role, said(ONE_OF, values=[r.value for r in Role]))
        if new_role is who.role:
            raise refusal(
                LifecycleError, "same_role", _SAME_ROLE, member=member, role=new_role.value
            )
        role = new_role
        after = self.after.replace(who.promote(role, title=title))
        params = {"member": member, "name": who.name, "old": who.role.value, "new": role.value}
        return self._then(after, render(_PROMOTE, params))

    def leave(self, member: str, *, to: str) -> Scenario:
        """*member* leaves the team: everything still in their name passes to *to*.

        Their key accounts go to *to* with their plans and open deals (as
        :meth:`reassign` moves them); every other record that names them (a
        lead, a deal, a contract they negotiated, a target they own or set, an
        order they administer, an assignment) names *to* instead. Then they
        are removed from the team, so that no analysis counts them any more.

        Raises:
            NotFoundError: *member* or *to* is no team member.
            LifecycleError: *member* and *to* are the same, or *to* is no
                account manager while *member* still manages key accounts.
        """
        p = self.after
        who = p.member(member)
        p.member(to)
        if member == to:
            raise refusal(LifecycleError, "same_member", _THEMSELVES, member=member)
        scenario = self
        if p.accounts_managed_by(member):
            scenario = self.reassign(member, to)
            p = scenario.after
        records = 0
        for name in _MEMBER_RECORDS:
            items = []
            for item in getattr(p, name):
                names = {f: to for f in _MEMBER_FIELDS if getattr(item, f, None) == member}
                records += bool(names)
                items.append(attrs.evolve(item, **names) if names else item)
            p = attrs.evolve(p, **{name: items})  # type: ignore[arg-type]
        p = p.remove(member)
        params = {"member": member, "name": who.name, "records": records, "to": to}
        change = render(_LEAVES_HANDING if records else _LEAVES, params)
        return attrs.evolve(scenario, after=p, changes=(*scenario.changes, change))

    def with_policy(self, policy: Policy | str | Mapping[str, object]) -> Scenario:
        """Judge the after side under *policy* (such as ``MERGED``, S0.2)."""
        new = as_policy(policy)
        return attrs.evolve(
            self,
            policy_after=new,
            changes=(
                *self.changes,
                render(_SWITCH, {"old": self.policy_after.name, "new": new.name}),
            ),
        )

    def add_product(self, product: Product) -> Scenario:
        """Add *product* to the catalogue: every current plan now needs a target for it (S3.4)."""
        if not isinstance(product, Product):
            raise problem("product", product, instance_of(Product))
        change = render(_ADD_PRODUCT, {"id": product.id, "name": product.name})
        return self._then(self.after.add(product), change)

    def apply(self, change: Callable[[Portfolio], Portfolio], description: str) -> Scenario:
        """Apply a change of your own: *change* maps the after portfolio to a new one."""
        if not callable(change):
            raise problem("change", change, _FUNCTION)
        after = change(self.after)
        if not isinstance(after, Portfolio):
            raise error("change", "invalid_type", _RETURNED, got=shown(after))
        return self._then(after, description)

    # -- the comparison --

    def compare(
        self,
        *,
        as_of: date | str | None = None,
        rates: ExchangeRates | None = None,
        currency: str | None = None,
    ) -> Comparison:
        """Judge both sides and compare them.

        Both are judged at *as_of*, by default the before portfolio's
        ``as_of``, else today's date, so that only the changes differ.
        The analyses convert amounts in other currencies with *rates* into
        *currency* (by default the before portfolio's), as each analysis
        documents; the comparison names the rates used.
        """
        on = resolve_as_of(read_optional_day(as_of, "as_of"), self.before)
        money = reporting(self.before, rates, currency)
        chosen = money.currency if money.chosen or self.before.currency is not None else None
        used: dict[ExchangeRate, None] = {}

        def measure(name: str, portfolio: Portfolio) -> Mapping[str, Cell]:
            figures, rates_used = _ANALYSES[name](portfolio, on, money.rates, chosen)
            used.update(dict.fromkeys(rates_used))
            return figures

        report_before = check(self.before, policy=self.policy_before, as_of=on)
        report_after = check(self.after, policy=self.policy_after, as_of=on)
        seen_before = {_identity(f) for f in report_before}
        seen_after = {_identity(f) for f in report_after}
        figures = tuple(
            FigureChange(analysis=name, figure=figure, before=old, after=new)
            for name in _ANALYSES
            for figure, old, new in _changed_figures(
                measure(name, self.before), measure(name, self.after)
            )
        )
        loss = (
            loss_impact(self.before, self.lost, as_of=on, rates=money.rates, currency=chosen)
            if self.lost
            else None
        )
        if loss is not None:
            used.update(dict.fromkeys(loss.rates_used))
        return Comparison(
            name=self.name,
            as_of=on,
            changes=self.changes,
            before=report_before,
            after=report_after,
            appeared=tuple(f for f in report_after if _identity(f) not in seen_before),
            disappeared=tuple(f for f in report_before if _identity(f) not in seen_after),
            figures=figures,
            loss=loss,
            rates_used=tuple(used),
        )

    def __repr__(self) -> str:
        return f"<Scenario {self.name!r}: {plural(len(self.changes), 'change')}>"

    def _repr_html_(self) -> str:
        return render_html(
            f"Scenario: {self.name}",
            {},
            [{"change": c} for c in self.changes],
            ("change",),
            {},
        )


# The collections whose records name team members, and the fields that do.
_MEMBER_RECORDS: Final = (
    "leads",
    "plans",
    "contracts",
    "orders",
    "deals",
    "targets",
    "assignments",
)
_MEMBER_FIELDS: Final = ("owner", "negotiated_by", "administered_by", "set_by", "member")


def _ids(values: object, path: str) -> list[str]:
    """A list of ids from an iterable of strings (a string alone is no list of ids)."""
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise problem(path, values, IDS)
    ids = list(values)
    for i, value in enumerate(ids):
        if type(value) is not str:
            raise problem(f"{path}[{i}]", value, AN_ID)
    return ids


def _identity(finding: Finding) -> tuple[str, str, tuple[str, ...]]:
    # The same rule on the same subject about the same entities is the same finding,
    # even when its wording changes with a member's role or the policy's name.
    return (finding.rule, finding.subject, finding.involves)


def _changed_figures(
    old: Mapping[str, Cell], new: Mapping[str, Cell]
) -> Iterable[tuple[str, Cell, Cell]]:
    for figure in dict.fromkeys([*old, *new]):
        if figure != "currency" and old.get(figure) != new.get(figure):
            yield figure, old.get(figure), new.get(figure)


_Measured = tuple[dict[str, Cell], tuple[ExchangeRate, ...]]


def _workload(
    portfolio: Portfolio, on: date, _rates: ExchangeRates | None, _currency: str | None
) -> _Measured:
    # Totals, then each member's counts: a reorganisation shows who gains and who loses.
    # Workload counts things, not money: it needs no rates.
    load = workload(portfolio, as_of=on)
    figures = load.summary()
    for row in load.to_records():
        member = row["member"]
        figures.update(
            (f"{member}.{name}", value)
            for name, value in row.items()
            if name not in {"member", "name", "role"}
        )
    return figures, ()


def _concentration(
    p: Portfolio, on: date, rates: ExchangeRates | None, currency: str | None
) -> _Measured:
    found = concentration(p, as_of=on, rates=rates, currency=currency)
    return found.summary(), found.rates_used


def _assessment(
    p: Portfolio, on: date, rates: ExchangeRates | None, currency: str | None
) -> _Measured:
    found = assess_key_accounts(p, as_of=on, rates=rates, currency=currency)
    return found.summary(), found.rates_used


def _attainment(
    p: Portfolio, on: date, rates: ExchangeRates | None, currency: str | None
) -> _Measured:
    found = plan_attainment(p, on, rates=rates, currency=currency)
    return found.summary(), found.rates_used


def _decision_team(p: Portfolio, *_: object) -> _Measured:
    return decision_team(p).summary(), ()  # people, not money: no rates


# The analyses a comparison reads: headline figures of a portfolio on a date, and the rates
# they converted with.
_ANALYSES: Final[
    dict[str, Callable[[Portfolio, date, ExchangeRates | None, str | None], _Measured]]
] = {
    "concentration": _concentration,
    "key-account assessment": _assessment,
    "plan attainment": _attainment,
    "decision team": _decision_team,
    "workload": _workload,
}


# How each analysis shows its figures (a workload's are counts, shown as they are).
_FORMATS: Final[dict[str, Mapping[str, str]]] = {
    "concentration": Concentration._formats,  # noqa: SLF001
    "key-account assessment": KeyAccountAssessment._formats,  # noqa: SLF001
    "plan attainment": PlanAttainment._formats,  # noqa: SLF001
    "decision team": DecisionTeam._formats,  # noqa: SLF001
    "workload": {},
}


@attrs.frozen(kw_only=True)
class FigureChange:
    """One headline figure of one analysis that a scenario moved.

    Attributes:
        analysis: Which analysis it comes from (``concentration``, ``workload`` …).
        figure: The figure's name in that analysis's ``summary()``.
        before: Its value before the changes.
        after: Its value after them.
    """

    analysis: str
    figure: str
    before: Cell
    after: Cell

    @property
    def delta(self) -> Decimal | int | None:
        """``after - before`` where both are numbers, else None."""
        if isinstance(self.before, bool) or isinstance(self.after, bool):
            return None
        if isinstance(self.before, int | Decimal) and isinstance(self.after, int | Decimal):
            return self.after - self.before
        return None


@attrs.frozen(kw_only=True, repr=False)
class Comparison(Table):
    """What a scenario changes: findings that appear and disappear, figures that move.

    Its table (``to_records()``, ``to_frame()``) has one row per moved
    figure; :meth:`finding_records` has one row per finding that appeared or
    disappeared.

    Attributes:
        name: The scenario's name.
        as_of: The date both sides were judged at.
        changes: The scenario's changes, a sentence each.
        before: The report on the portfolio before.
        after: The report on the portfolio after.
        appeared: Findings only after the changes.
        disappeared: Findings only before the changes.
        figures: Every headline figure that moved.
        loss: The loss impact of the accounts lost in the scenario, if any (S2.3).
        rates_used: The exchange rates the analyses converted amounts with, in
            the order first used; empty when none needed converting.
    """

    name: str
    as_of: date
    changes: tuple[str, ...]
    before: Report
    after: Report
    appeared: tuple[Finding, ...]
    disappeared: tuple[Finding, ...]
    figures: tuple[FigureChange, ...]
    loss: LossImpact | None = None
    rates_used: tuple[ExchangeRate, ...] = ()

    _title: ClassVar[str] = "Scenario"
    _columns: ClassVar[tuple[str, ...]] = ("analysis", "figure", "before", "after", "delta")
    _dtypes: ClassVar[dict[str, Kind]] = {
        "analysis": tuple(_ANALYSES),
        "figure": "text",
        "before": "decimal",
        "after": "decimal",
        "delta": "decimal",
    }
    _formats: ClassVar[dict[str, str]] = {
        "revenue_at_risk": ",.2f",
        "revenue_share_at_risk": PERCENT,
    }
    claims: ClassVar[tuple[str, ...]] = ("S0.2", "S2.3")

    def _heading(self) -> str:
        # The default name is the library's words; a name the user chose stays as it is.
        name = render(_DEFAULT_NAME, {}) if self.name == DEFAULT_NAME else self.name
        return render(_HEADING, {"name": name, "day": self.as_of.isoformat()})

    def _labels(self) -> dict[str, str]:
        return {"analysis": "analysis", "figure": "column", "change": "change"}

    def summary(self) -> dict[str, Cell]:
        """Counts of the findings before and after, and of those that appeared and went."""
        out: dict[str, Cell] = {
            "findings_before": len(self.before),
            "findings_after": len(self.after),
            "errors_before": len(self.before.errors),
            "errors_after": len(self.after.errors),
            "appeared": len(self.appeared),
            "disappeared": len(self.disappeared),
        }
        if self.loss is not None:
            out["revenue_at_risk"] = self.loss.revenue_at_risk.amount
            out["revenue_share_at_risk"] = self.loss.revenue_share
        return out

    def to_records(self) -> list[Record]:
        """One row per moved figure: analysis, figure, before, after and delta."""
        return [
            {
                "analysis": f.analysis,
                "figure": f.figure,
                "before": f.before,
                "after": f.after,
                "delta": f.delta,
            }
            for f in self.figures
        ]

    def _format_of(self, record: Record, column: str) -> str | None:
        # A moved figure is shown as its analysis shows it: a share as a percentage.
        if column in {"before", "after", "delta"}:
            return _FORMATS[str(record["analysis"])].get(str(record["figure"]))
        return self._formats.get(column)

    def finding_records(self) -> list[Record]:
        """One row per finding that appeared (``change: "new"``) or went (``"gone"``)."""
        return [
            {"change": change, **f.to_record()}
            for change, findings in (("new", self.appeared), ("gone", self.disappeared))
            for f in findings
        ]

    def __repr__(self) -> str:
        lines = [super().__repr__()]
        lines.extend(f"  {heading('change')}: {c}" for c in self.changes)
        lines.extend(f"  + {f}" for f in self.appeared)
        lines.extend(f"  - {f}" for f in self.disappeared)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        changes = render_html(
            self._heading(),
            self.summary(),
            [{"change": c} for c in self.changes],
            ("change",),
            self._formats,
        )
        new, gone = (translate(mark, context="change") for mark in ("new", "gone"))
        marked = [(new, f) for f in self.appeared] + [(gone, f) for f in self.disappeared]
        findings = f"<p><strong>{html.escape(render(_FINDINGS, {}))}</strong></p>" + (
            findings_html(marked, first="change") or f"<p>{html.escape(render(_NONE, {}))}</p>"
        )
        figures = render_html(
            render(_FIGURES, {}),
            {},
            self.to_records(),
            self._columns,
            self._format_of,
            labels=self._labels(),
        )
        return changes + findings + figures
