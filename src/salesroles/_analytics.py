"""Analytics over a portfolio: loss impact, concentration, decision teams, workload.

Every function here is pure: it reads a :class:`~salesroles.Portfolio`, never
changes it, and returns a frozen result object whose rows export with
``to_records()`` and ``to_frame()`` (see :mod:`salesroles._tables`). Each
walks the collections it needs once and looks everything else up in the
portfolio's indexes, so the cost grows linearly with the portfolio.

Figures are exact: money is summed as :class:`~salesroles.Money` and shares
are :class:`~decimal.Decimal` ratios. Only *active* customers count toward
the portfolio's revenue and profit: a lapsed or lost customer's revenue is
already gone (S1.4, S2.1).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Final, TypeVar

import attrs

from ._checks import describe, to_date
from ._enums import BuyingRole, CustomerStatus, LeadStatus, Relationship, Role
from ._parties import Stakeholder
from ._portfolio import Portfolio, resolve_as_of
from ._tables import Cell, Record, Table, money_cell
from ._values import Money
from .exceptions import CurrencyMismatchError, ErrorItem, ValidationError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ._parties import Customer

__all__ = [
    "DECISION_ROLES",
    "DEFAULT_INFLUENCE",
    "RELATIONSHIP_LEVELS",
    "AccountAtRisk",
    "Concentration",
    "CustomerRevenue",
    "DecisionTeam",
    "DecisionTeamCoverage",
    "LossImpact",
    "MemberWorkload",
    "RoleWorkload",
    "Workload",
    "concentration",
    "decision_team",
    "loss_impact",
    "workload",
]

#: How strong each recorded relationship is, on a 0 to 1 scale.
RELATIONSHIP_LEVELS: Final[dict[Relationship, Decimal]] = {
    Relationship.NONE: Decimal(0),
    Relationship.COLD: Decimal("0.25"),
    Relationship.NEUTRAL: Decimal("0.5"),
    Relationship.WARM: Decimal("0.75"),
    Relationship.CHAMPION: Decimal(1),
}
#: The weight of a stakeholder whose influence is unknown: the middle of the 1 to 5 scale.
DEFAULT_INFLUENCE: Final = 3
#: The buying roles an account manager must reach (S4.3), as the rule ``decision-team-gap`` asks.
DECISION_ROLES: Final = (
    BuyingRole.PURCHASING_MANAGER,
    BuyingRole.TECHNICAL_DECISION_MAKER,
    BuyingRole.SENIOR_EXECUTIVE,
)
#: The currency of totals when the portfolio names none and holds no figure (ISO 4217 "none").
NO_CURRENCY: Final = "XXX"

_PERCENT: Final = ".1%"

T = TypeVar("T")


# -- argument checks shared by every analysis, calendar and plot --


def invalid(path: str, message: str, code: str) -> ValidationError:
    """One problem with the argument *path*, as the error every public function raises."""
    return ValidationError([ErrorItem(path=path, message=message, code=code)])


def require(value: object, cls: type[T], path: str, expected: str) -> T:
    """Return *value* if it is a *cls*; else refuse it, saying *expected*."""
    if not isinstance(value, cls):
        raise invalid(path, f"got {describe(value)}; expected {expected}", "invalid_type")
    return value


def require_portfolio(value: object, path: str = "portfolio") -> Portfolio:
    """Return *value* if it is a :class:`~salesroles.Portfolio`; else refuse it."""
    return require(value, Portfolio, path, "a Portfolio")


def require_id(value: object, path: str, expected: str = "an id (a string)") -> str:
    """Return *value* if it is a string (an id); else refuse it."""
    return require(value, str, path, expected)


def require_each(
    value: object, cls: type[T], path: str, expected: str, whole: str | None = None
) -> tuple[T, ...]:
    """Return the items of iterable *value*, each a *cls* (*expected*); else name each wrong one.

    A string is refused as a whole (*whole* says what was expected): it is
    one value, not a list of them.
    """
    if isinstance(value, str) or not isinstance(value, Iterable):
        wanted = whole or f"a list, each {expected}"
        raise invalid(path, f"got {describe(value)}; expected {wanted}", "invalid_type")
    items = tuple(value)
    problems = [
        ErrorItem(
            path=f"{path}[{i}]",
            message=f"got {describe(x)}; expected {expected}",
            code="invalid_type",
        )
        for i, x in enumerate(items)
        if not isinstance(x, cls)
    ]
    if problems:
        raise ValidationError(problems)
    return items


def to_day(value: object, path: str) -> date:
    """Return *value* as a date: a date, or an ISO string ``YYYY-MM-DD``.

    A datetime, another string or any other value is refused with code ``invalid_date``.
    """
    value = to_date(value)
    if type(value) is date:
        return value
    what = "a datetime" if isinstance(value, datetime) else describe(value)
    raise invalid(
        path,
        f'got {what}; expected a date (without a time) or an ISO string like "2026-11-27"',
        "invalid_date",
    )


def on_day(value: object, portfolio: Portfolio, path: str = "on") -> date:
    """The day to judge at: *value* checked by :func:`to_day`, else ``as_of``, else today."""
    return resolve_as_of(None if value is None else to_day(value, path), portfolio)


def same_currency(money: Money | None, currency: str, owner: str, field: str, basis: str) -> None:
    """Refuse *money* in another currency than *currency*, naming its *owner* and *field*.

    *basis* says where *currency* comes from, as in "but {basis} in EUR".
    """
    if money is not None and money.currency != currency:
        raise CurrencyMismatchError(
            f"{owner} has its {field} in {money.currency}, but {basis} in {currency}: "
            "convert it first"
        )


def check_figures(customers: Iterable[Customer], currency: str) -> None:
    """Refuse a customer whose annual revenue or profit is not in *currency*."""
    basis = "the portfolio's figures are"
    for c in customers:
        same_currency(c.annual_revenue, currency, f"customer {c.id!r}", "annual_revenue", basis)
        same_currency(c.annual_profit, currency, f"customer {c.id!r}", "annual_profit", basis)


# -- shared helpers --


def portfolio_currency(portfolio: Portfolio) -> str:
    """The currency totals are kept in: the portfolio's, else its first figure's, else XXX."""
    if portfolio.currency is not None:
        return portfolio.currency
    for customer in portfolio.customers:
        for money in (customer.annual_revenue, customer.annual_profit):
            if money is not None:
                return money.currency
    return NO_CURRENCY


def total(amounts: Iterable[Money], currency: str) -> Money:
    """The exact sum of *amounts* in *currency* (mixing currencies raises)."""
    return sum(amounts, Money.zero(currency))


def ratio(part: Money, whole: Money) -> Decimal | None:
    """*part* as a share of *whole*; None when *whole* is zero."""
    if whole.amount == 0:
        return None
    return part.amount / whole.amount


def relationship_strength(team: Sequence[Stakeholder]) -> Decimal | None:
    """The influence-weighted mean of the recorded relationships of *team*, 0 to 1.

    Each stakeholder's relationship counts by :data:`RELATIONSHIP_LEVELS`,
    weighted by their influence (1 to 5; :data:`DEFAULT_INFLUENCE` when
    unknown). Stakeholders without a recorded relationship are left out;
    None when nobody's is recorded (S4.3).

    Raises:
        ValidationError: *team* is not a list of stakeholders; every wrong one is named.
    """
    return strength(require_each(team, Stakeholder, "team", "a Stakeholder"))


def strength(team: Iterable[Stakeholder]) -> Decimal | None:
    """:func:`relationship_strength` of a team known to hold stakeholders only."""
    weighted = Decimal(0)
    weights = 0
    for person in team:
        if person.relationship is None:
            continue
        weight = person.influence or DEFAULT_INFLUENCE
        weighted += RELATIONSHIP_LEVELS[person.relationship] * weight
        weights += weight
    return weighted / weights if weights else None


def _counted(customer: Customer) -> bool:
    return customer.status is CustomerStatus.ACTIVE


def _wanted(accounts: object) -> tuple[str, ...]:
    """The customer ids asked about, each once: one id, or an iterable of them."""
    if isinstance(accounts, str):
        return (accounts,)
    return tuple(
        dict.fromkeys(
            require_each(
                accounts,
                str,
                "accounts",
                "a customer id (a string)",
                "a customer id or a list of customer ids",
            )
        )
    )


def _positive_int(value: object, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(
            [
                ErrorItem(
                    path=path,
                    message=f"got {value!r}; expected a whole number above 0",
                    code="out_of_range",
                )
            ]
        )
    return value


# -- loss impact (S2.3) --


@attrs.frozen(kw_only=True)
class AccountAtRisk:
    """One account of a :class:`LossImpact`: what losing it takes away (S2.3).

    Attributes:
        customer: The customer's id.
        name: The customer's name.
        status: Its status; only an active customer's figures are counted.
        is_key_account: Whether it is designated a key account (S2.2).
        revenue: Its annual revenue, if known.
        profit: Its annual profit, if known.
        revenue_share: Its revenue as a share of the portfolio's; None when
            not counted, unknown, or the portfolio's is zero.
        profit_share: The same for profit.
    """

    customer: str
    name: str
    status: CustomerStatus
    is_key_account: bool
    revenue: Money | None
    profit: Money | None
    revenue_share: Decimal | None
    profit_share: Decimal | None

    @property
    def counted(self) -> bool:
        """Whether its figures count: only an active customer's do."""
        return self.status is CustomerStatus.ACTIVE


@attrs.frozen(kw_only=True, repr=False)
class LossImpact(Table):
    """Revenue and profit at risk if the given accounts were lost (S2.3).

    Attributes:
        accounts: The accounts, in the order asked, each once.
        revenue_at_risk: The annual revenue of those that are active.
        profit_at_risk: Their annual profit.
        total_revenue: The annual revenue of all active customers with a known figure.
        total_profit: The annual profit of all active customers with a known figure.
        revenue_share: ``revenue_at_risk / total_revenue``; None when the total is zero.
        profit_share: ``profit_at_risk / total_profit``; None when the total is zero.
        unknown: Accounts asked about whose revenue or profit is not known.
    """

    _title: ClassVar[str] = "Loss impact"
    _columns: ClassVar[tuple[str, ...]] = (
        "customer",
        "name",
        "status",
        "key_account",
        "revenue",
        "revenue_share",
        "profit",
        "profit_share",
        "currency",
    )
    _formats: ClassVar[dict[str, str]] = {"revenue_share": _PERCENT, "profit_share": _PERCENT}
    claims: ClassVar[tuple[str, ...]] = ("S2.3",)

    accounts: tuple[AccountAtRisk, ...]
    revenue_at_risk: Money
    profit_at_risk: Money
    total_revenue: Money
    total_profit: Money
    revenue_share: Decimal | None
    profit_share: Decimal | None
    unknown: tuple[str, ...]

    def summary(self) -> dict[str, Cell]:
        """The figures at risk, absolute and as shares of the portfolio."""
        return {
            "revenue_at_risk": self.revenue_at_risk.amount,
            "revenue_share": self.revenue_share,
            "profit_at_risk": self.profit_at_risk.amount,
            "profit_share": self.profit_share,
            "currency": self.revenue_at_risk.currency,
        }

    def to_records(self) -> list[Record]:
        """One row per account: its figures and their shares of the portfolio's."""
        currency = self.total_revenue.currency
        return [
            {
                "customer": a.customer,
                "name": a.name,
                "status": a.status.value,
                "key_account": a.is_key_account,
                "revenue": money_cell(a.revenue),
                "revenue_share": a.revenue_share,
                "profit": money_cell(a.profit),
                "profit_share": a.profit_share,
                "currency": currency,
            }
            for a in self.accounts
        ]

    def _note(self) -> str | None:
        return "Only active customers count; lapsed and lost ones have nothing left to lose."


def loss_impact(portfolio: Portfolio, accounts: str | Iterable[str]) -> LossImpact:
    """What losing *accounts* would cost: revenue and profit at risk (S2.3).

    Losing a key account "is a significant risk to revenue and profitability"
    (S2.3): this puts a figure on it. *accounts* is one customer id or several;
    each counts once. The portfolio's totals are the annual revenue and profit
    of its active customers where known; a lapsed or lost customer asked about
    is listed but adds nothing at risk.

    Args:
        portfolio: The portfolio to read.
        accounts: A customer id, or an iterable of them.

    Returns:
        The figures at risk, absolute and as shares of the portfolio's.

    Raises:
        ValidationError: *portfolio* is no Portfolio, or *accounts* are no customer ids.
        NotFoundError: An id names no customer of the portfolio.
        CurrencyMismatchError: A customer's figures are not in the portfolio's
            currency; the message names the customer and the figure.

    >>> from salesroles.testing import sample_portfolio
    >>> impact = loss_impact(sample_portfolio(), "C-ACME")
    >>> str(impact.revenue_at_risk), f"{impact.revenue_share:.1%}"
    ('1200000.00 EUR', '58.0%')
    """
    portfolio = require_portfolio(portfolio)
    chosen = [portfolio.customer(ident) for ident in _wanted(accounts)]
    currency = portfolio_currency(portfolio)
    check_figures((c for c in portfolio.customers if _counted(c)), currency)
    check_figures(chosen, currency)
    revenues = [c.annual_revenue for c in portfolio.customers if _counted(c)]
    profits = [c.annual_profit for c in portfolio.customers if _counted(c)]
    total_revenue = total((m for m in revenues if m is not None), currency)
    total_profit = total((m for m in profits if m is not None), currency)
    rows = []
    for c in chosen:
        counted = _counted(c)
        revenue_share = (
            ratio(c.annual_revenue, total_revenue)
            if counted and c.annual_revenue is not None
            else None
        )
        profit_share = (
            ratio(c.annual_profit, total_profit)
            if counted and c.annual_profit is not None
            else None
        )
        rows.append(
            AccountAtRisk(
                customer=c.id,
                name=c.name,
                status=c.status,
                is_key_account=portfolio.is_key_account(c.id),
                revenue=c.annual_revenue,
                profit=c.annual_profit,
                revenue_share=revenue_share,
                profit_share=profit_share,
            )
        )
    counted_rows = [c for c in chosen if _counted(c)]
    at_risk = total(
        (c.annual_revenue for c in counted_rows if c.annual_revenue is not None), currency
    )
    profit_at_risk = total(
        (c.annual_profit for c in counted_rows if c.annual_profit is not None), currency
    )
    return LossImpact(
        accounts=tuple(rows),
        revenue_at_risk=at_risk,
        profit_at_risk=profit_at_risk,
        total_revenue=total_revenue,
        total_profit=total_profit,
        revenue_share=ratio(at_risk, total_revenue),
        profit_share=ratio(profit_at_risk, total_profit),
        unknown=tuple(c.id for c in chosen if c.annual_revenue is None or c.annual_profit is None),
    )


# -- concentration (S2.2, S2.3) --


@attrs.frozen(kw_only=True)
class CustomerRevenue:
    """One point of the revenue curve of a :class:`Concentration`.

    Attributes:
        rank: 1 for the customer with the largest revenue.
        customer: The customer's id.
        name: The customer's name.
        is_key_account: Whether it is designated a key account (S2.2).
        revenue: Its annual revenue.
        share: Its share of the portfolio's revenue.
        cumulative_share: The share of the customers ranked up to it.
    """

    rank: int
    customer: str
    name: str
    is_key_account: bool
    revenue: Money
    share: Decimal
    cumulative_share: Decimal


@attrs.frozen(kw_only=True, repr=False)
class Concentration(Table):
    """How concentrated the portfolio's revenue is, and how much hangs on key accounts.

    The curve counts the active customers with a positive annual revenue, the
    largest first; the others (unknown, zero or negative revenue) are named
    in ``excluded``. A portfolio whose revenue sits with few customers loses
    much with each (S2.3); the key accounts should be those few (S2.2).

    Attributes:
        customers: The revenue curve, largest first.
        top: How many customers ``top_share`` counts.
        top_share: The share of revenue held by the ``top`` largest customers.
        hhi: The Herfindahl-Hirschman index: the sum of the squared revenue
            shares, from ``1/n`` (all equal) to 1 (one customer holds all).
        total_revenue: The revenue the shares are of.
        key_account_revenue_share: The key accounts' share of that revenue.
        key_account_profit_share: The key accounts' share of the annual profit
            of the active customers whose profit is known.
        excluded: Active customers left off the curve.
    """

    _title: ClassVar[str] = "Revenue concentration"
    _columns: ClassVar[tuple[str, ...]] = (
        "rank",
        "customer",
        "name",
        "key_account",
        "revenue",
        "share",
        "cumulative_share",
        "currency",
    )
    _formats: ClassVar[dict[str, str]] = {
        "share": _PERCENT,
        "cumulative_share": _PERCENT,
        "top_share": _PERCENT,
        "hhi": ".4f",
        "key_account_revenue_share": _PERCENT,
        "key_account_profit_share": _PERCENT,
    }
    claims: ClassVar[tuple[str, ...]] = ("S2.2", "S2.3")

    customers: tuple[CustomerRevenue, ...]
    top: int
    top_share: Decimal | None
    hhi: Decimal | None
    total_revenue: Money
    key_account_revenue_share: Decimal | None
    key_account_profit_share: Decimal | None
    excluded: tuple[str, ...]

    @property
    def effective_customers(self) -> Decimal | None:
        """``1 / hhi``: how many equal customers would be as concentrated."""
        return None if self.hhi is None else 1 / self.hhi

    def curve(self) -> tuple[tuple[Decimal, Decimal], ...]:
        """The Pareto curve from ``(0, 0)``: (share of customers, share of revenue) points."""
        n = len(self.customers)
        return (
            (Decimal(0), Decimal(0)),
            *((Decimal(c.rank) / n, c.cumulative_share) for c in self.customers),
        )

    def summary(self) -> dict[str, Cell]:
        """The headline figures: top-N share, HHI, the key accounts' shares."""
        return {
            "customers": len(self.customers),
            "top": self.top,
            "top_share": self.top_share,
            "hhi": self.hhi,
            "key_account_revenue_share": self.key_account_revenue_share,
            "key_account_profit_share": self.key_account_profit_share,
            "total_revenue": self.total_revenue.amount,
            "currency": self.total_revenue.currency,
        }

    def to_records(self) -> list[Record]:
        """One row per customer on the curve, the largest first."""
        currency = self.total_revenue.currency
        return [
            {
                "rank": c.rank,
                "customer": c.customer,
                "name": c.name,
                "key_account": c.is_key_account,
                "revenue": c.revenue.amount,
                "share": c.share,
                "cumulative_share": c.cumulative_share,
                "currency": currency,
            }
            for c in self.customers
        ]


def concentration(portfolio: Portfolio, *, top: int = 5) -> Concentration:
    """Measure how concentrated the portfolio's revenue is (S2.2, S2.3).

    The curve ranks the active customers with a positive annual revenue,
    largest first (ties by id). ``top_share`` is what the *top* largest hold;
    the Herfindahl-Hirschman index is the sum of the squared shares; the key
    accounts' dependency is their share of revenue and of profit.

    Args:
        portfolio: The portfolio to read.
        top: How many of the largest customers ``top_share`` counts.

    Returns:
        The curve and its headline figures.

    Raises:
        ValidationError: *portfolio* is no Portfolio, or *top* is not a whole
            number above 0.
        CurrencyMismatchError: An active customer's figures are not in the
            portfolio's currency; the message names the customer and the figure.

    >>> from salesroles.testing import sample_portfolio
    >>> c = concentration(sample_portfolio(), top=2)
    >>> [(x.customer, f"{x.share:.1%}") for x in c.customers]
    [('C-ACME', '58.0%'), ('C-NORD', '41.1%'), ('C-BAKER', '0.9%')]
    >>> f"{c.top_share:.1%}", f"{c.hhi:.4f}", f"{c.key_account_revenue_share:.1%}"
    ('99.1%', '0.5057', '99.1%')
    """
    portfolio = require_portfolio(portfolio)
    top = _positive_int(top, "top")
    currency = portfolio_currency(portfolio)
    check_figures((c for c in portfolio.customers if _counted(c)), currency)
    ranked: list[tuple[Customer, Money]] = []
    excluded: list[str] = []
    profit = Money.zero(currency)
    key_profit = Money.zero(currency)
    for c in portfolio.customers:
        if not _counted(c):
            continue
        if c.annual_profit is not None:
            profit += c.annual_profit
            if portfolio.is_key_account(c.id):
                key_profit += c.annual_profit
        if c.annual_revenue is not None and c.annual_revenue.amount > 0:
            ranked.append((c, c.annual_revenue))
        else:
            excluded.append(c.id)
    ranked.sort(key=lambda cr: (-cr[1].amount, cr[0].id))
    revenue = total((r for _, r in ranked), currency)
    rows: list[CustomerRevenue] = []
    cumulative = Money.zero(currency)
    for rank, (c, r) in enumerate(ranked, start=1):
        cumulative += r
        rows.append(
            CustomerRevenue(
                rank=rank,
                customer=c.id,
                name=c.name,
                is_key_account=portfolio.is_key_account(c.id),
                revenue=r,
                share=r.amount / revenue.amount,
                cumulative_share=cumulative.amount / revenue.amount,
            )
        )
    key_revenue = total((x.revenue for x in rows if x.is_key_account), currency)
    return Concentration(
        customers=tuple(rows),
        top=top,
        top_share=rows[min(top, len(rows)) - 1].cumulative_share if rows else None,
        hhi=sum((x.share * x.share for x in rows), Decimal(0)) if rows else None,
        total_revenue=revenue,
        key_account_revenue_share=ratio(key_revenue, revenue),
        key_account_profit_share=ratio(key_profit, profit),
        excluded=tuple(excluded),
    )


# -- decision-team coverage (S4.2, S4.3) --


@attrs.frozen(kw_only=True)
class DecisionTeamCoverage:
    """How well one customer's decision team is covered (S4.3).

    Attributes:
        customer: The customer's id.
        name: The customer's name.
        is_key_account: Whether it is a key account.
        stakeholders: How many stakeholders are known.
        covered: The buying roles present, in the order of :class:`BuyingRole`.
        missing: Which of the three roles S4.3 names (purchasing manager,
            technical decision maker, senior executive) nobody holds.
        relationship_strength: The influence-weighted strength of the recorded
            relationships, 0 to 1; None when none is recorded.
        carrier: The stakeholder who carries the account, if one does: the only
            stakeholder, or one holding more than ``carry_share`` of the
            team's influence.
        carrier_influence_share: The carrier's share of the team's influence.
    """

    customer: str
    name: str
    is_key_account: bool
    stakeholders: int
    covered: tuple[BuyingRole, ...]
    missing: tuple[BuyingRole, ...]
    relationship_strength: Decimal | None
    carrier: str | None
    carrier_influence_share: Decimal | None

    @property
    def single_contact(self) -> bool:
        """Whether one contact carries the account (S4.2: work with the whole team)."""
        return self.carrier is not None


@attrs.frozen(kw_only=True, repr=False)
class DecisionTeam(Table):
    """The decision-team coverage of key accounts, or of one customer (S4.2, S4.3).

    Attributes:
        teams: One coverage per customer looked at.
        carry_share: The share of influence above which one contact carries an account.
    """

    _title: ClassVar[str] = "Decision-team coverage"
    _columns: ClassVar[tuple[str, ...]] = (
        "customer",
        "name",
        "key_account",
        "stakeholders",
        "covered",
        "missing",
        "relationship_strength",
        "single_contact",
        "carrier",
        "carrier_influence_share",
    )
    _formats: ClassVar[dict[str, str]] = {
        "relationship_strength": ".2f",
        "carrier_influence_share": _PERCENT,
    }
    claims: ClassVar[tuple[str, ...]] = ("S4.2", "S4.3")

    teams: tuple[DecisionTeamCoverage, ...]
    carry_share: Decimal

    def summary(self) -> dict[str, Cell]:
        """How many accounts were looked at, have gaps, or hang on a single contact."""
        return {
            "accounts": len(self.teams),
            "with_gaps": sum(1 for t in self.teams if t.missing),
            "single_contact": sum(1 for t in self.teams if t.single_contact),
        }

    def to_records(self) -> list[Record]:
        """One row per customer; role lists are joined with ``", "``."""
        return [
            {
                "customer": t.customer,
                "name": t.name,
                "key_account": t.is_key_account,
                "stakeholders": t.stakeholders,
                "covered": ", ".join(r.value for r in t.covered),
                "missing": ", ".join(r.value for r in t.missing),
                "relationship_strength": t.relationship_strength,
                "single_contact": t.single_contact,
                "carrier": t.carrier,
                "carrier_influence_share": t.carrier_influence_share,
            }
            for t in self.teams
        ]


def _is_fraction_below_one(value: object) -> bool:
    return isinstance(value, Decimal) and value.is_finite() and 0 <= value < 1


def _coverage(
    portfolio: Portfolio, customer: Customer, carry_share: Decimal
) -> DecisionTeamCoverage:
    team = portfolio.stakeholders_of(customer.id)
    roles = {s.buying_role for s in team}
    influence = [(s, s.influence or DEFAULT_INFLUENCE) for s in team]
    whole = sum(w for _, w in influence)
    carrier: str | None = None
    carried: Decimal | None = None
    if influence:
        strongest, weight = max(influence, key=lambda sw: sw[1])
        share = Decimal(weight) / whole
        if len(team) == 1 or share > carry_share:
            carrier, carried = strongest.id, share
    return DecisionTeamCoverage(
        customer=customer.id,
        name=customer.name,
        is_key_account=portfolio.is_key_account(customer.id),
        stakeholders=len(team),
        covered=tuple(r for r in BuyingRole if r in roles),
        missing=tuple(r for r in DECISION_ROLES if r not in roles),
        relationship_strength=strength(team),
        carrier=carrier,
        carrier_influence_share=carried,
    )


def decision_team(
    portfolio: Portfolio, customer: str | None = None, *, carry_share: Decimal = Decimal("0.5")
) -> DecisionTeam:
    """How well the decision teams of key accounts are covered (S4.2, S4.3).

    Account managers work with a complex decision team (S4.2) and build
    relationships with its buyers, technical decision makers and senior
    executives (S4.3). For each key account (or only *customer*, key account
    or not) this says which buying roles are covered and which of those three
    are missing, how strong the relationships are (see
    :func:`relationship_strength`), and whether a single contact carries the
    account: it has one stakeholder, or one holding more than *carry_share*
    of the team's influence (unknown influence counts as 3 of 5).

    Args:
        portfolio: The portfolio to read.
        customer: Only this customer (an id); default: every key account.
        carry_share: Above which share of the influence one contact carries
            the account, between 0 and 1 (default one half: "most").

    Returns:
        One coverage per customer, in the portfolio's order.

    Raises:
        NotFoundError: *customer* names no customer.
        ValidationError: *portfolio* is no Portfolio, *customer* is no id, or
            *carry_share* is not a Decimal between 0 and 1.

    >>> from salesroles.testing import sample_portfolio
    >>> [(t.customer, [r.value for r in t.missing], t.carrier)
    ...  for t in decision_team(sample_portfolio()).teams]
    [('C-ACME', [], None), ('C-NORD', ['technical_decision_maker', 'senior_executive'], 'S-OLE')]
    """
    portfolio = require_portfolio(portfolio)
    if customer is not None:
        customer = require_id(customer, "customer", "a customer id (a string) or None")
    if not _is_fraction_below_one(carry_share):
        raise ValidationError(
            [
                ErrorItem(
                    path="carry_share",
                    message=f"got {carry_share!r}; expected a Decimal from 0 up to 1, "
                    'like Decimal("0.5")',
                    code="out_of_range",
                )
            ]
        )
    if customer is not None:
        customers: Sequence[Customer] = (portfolio.customer(customer),)
    else:
        customers = tuple(portfolio.customer(a.customer) for a in portfolio.key_accounts)
    return DecisionTeam(
        teams=tuple(_coverage(portfolio, c, carry_share) for c in customers),
        carry_share=carry_share,
    )


# -- workload (S0.1) --


_OPEN_LEADS: Final = frozenset({LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED})


@attrs.frozen(kw_only=True)
class MemberWorkload:
    """What one team member carries.

    Attributes:
        member: The member's id.
        name: The member's name.
        role: The member's role.
        key_accounts: Key accounts they manage (S2.1).
        open_leads: Leads they own that are neither converted nor disqualified (S1.3).
        open_deals: Deals they own that are neither won nor lost (S1.2).
        plans: Account plans they own that are current on the day looked at (S3.4).
        targets: Revenue targets they own (S3.2).
        assignments: Pieces of work assigned to them.
    """

    member: str
    name: str
    role: Role
    key_accounts: int
    open_leads: int
    open_deals: int
    plans: int
    targets: int
    assignments: int


@attrs.frozen(kw_only=True)
class RoleWorkload:
    """The workload of one role: its members' counts added up.

    Attributes:
        role: The role.
        members: How many team members hold it.
        key_accounts: Key accounts managed by them.
        open_leads: Open leads they own.
        open_deals: Open deals they own.
        plans: Current plans they own.
        targets: Revenue targets they own.
        assignments: Pieces of work assigned to them.
    """

    role: Role
    members: int
    key_accounts: int
    open_leads: int
    open_deals: int
    plans: int
    targets: int
    assignments: int


_COUNTS: Final = ("key_accounts", "open_leads", "open_deals", "plans", "targets", "assignments")


@attrs.frozen(kw_only=True, repr=False)
class Workload(Table):
    """Accounts, leads, deals and plans per team member and per role (S0.1, S1.1-S1.4).

    Attributes:
        on: The day current plans were judged at.
        members: One row per team member, in the team's order.
        roles: One row per role that has members, in the order of :class:`Role`.
    """

    _title: ClassVar[str] = "Workload"
    _columns: ClassVar[tuple[str, ...]] = ("member", "name", "role", *_COUNTS)
    claims: ClassVar[tuple[str, ...]] = ("S0.1", "S1.1", "S1.4", "S2.1", "S3.4")

    on: date
    members: tuple[MemberWorkload, ...]
    roles: tuple[RoleWorkload, ...]

    def summary(self) -> dict[str, Cell]:
        """The team's size and the totals of each count."""
        sums: dict[str, Cell] = {"members": len(self.members)}
        for name in _COUNTS:
            sums[name] = sum(getattr(m, name) for m in self.members)
        return sums

    def to_records(self) -> list[Record]:
        """One row per team member."""
        return [
            {"member": m.member, "name": m.name, "role": m.role.value}
            | {name: getattr(m, name) for name in _COUNTS}
            for m in self.members
        ]

    def role_records(self) -> list[Record]:
        """One row per role: its members and the totals of their counts."""
        return [
            {"role": r.role.value, "members": r.members}
            | {name: getattr(r, name) for name in _COUNTS}
            for r in self.roles
        ]

    def member(self, ident: str) -> MemberWorkload:
        """Return the workload of team member *ident*.

        Raises:
            NotFoundError: *ident* is no team member.
        """
        for m in self.members:
            if m.member == ident:
                return m
        from .exceptions import NotFoundError  # noqa: PLC0415

        raise NotFoundError(f"{ident!r} names no team member of this workload")


def workload(portfolio: Portfolio, *, on: date | None = None) -> Workload:
    """Count what each team member and each role carries.

    Key accounts managed, open leads owned (not converted or disqualified),
    open deals owned (not won or lost), current plans owned (their period
    contains *on*), revenue targets owned and assignments.

    Args:
        portfolio: The portfolio to read.
        on: The day plans are current at (default: ``as_of``, else today).

    Returns:
        The counts per member and per role.

    Raises:
        ValidationError: *portfolio* is no Portfolio, or *on* is no date.

    >>> from salesroles.testing import sample_portfolio
    >>> w = workload(sample_portfolio())
    >>> [(m.member, m.key_accounts, m.open_leads, m.open_deals, m.plans) for m in w.members[:3]]
    [('ann', 1, 0, 1, 1), ('kai', 1, 0, 0, 1), ('bob', 0, 1, 1, 0)]
    """
    portfolio = require_portfolio(portfolio)
    day = on_day(on, portfolio)
    deals = Counter(d.owner for d in portfolio.deals if d.is_open)
    plans = Counter(p.owner for p in portfolio.plans if p.period.contains(day))
    members = tuple(
        MemberWorkload(
            member=m.id,
            name=m.name,
            role=m.role,
            key_accounts=len(portfolio.accounts_managed_by(m.id)),
            open_leads=sum(1 for x in portfolio.leads_of(m.id) if x.status in _OPEN_LEADS),
            open_deals=deals[m.id],
            plans=plans[m.id],
            targets=len(portfolio.targets_of(m.id)),
            assignments=len(portfolio.assignments_of(m.id)),
        )
        for m in portfolio.team
    )
    by_role: defaultdict[Role, list[MemberWorkload]] = defaultdict(list)
    for m in members:
        by_role[m.role].append(m)
    roles = tuple(
        RoleWorkload(
            role=role,
            members=len(by_role[role]),
            **{name: sum(getattr(m, name) for m in by_role[role]) for name in _COUNTS},
        )
        for role in Role
        if role in by_role
    )
    return Workload(on=day, members=members, roles=roles)
