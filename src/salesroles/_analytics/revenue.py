"""Revenue at risk: what losing key accounts costs (S2.3), and how concentrated revenue is.

Figures are exact: money is summed as :class:`~salesroles.Money` and shares
are :class:`~decimal.Decimal` ratios. Only *active* customers count toward
the portfolio's revenue and profit: a lapsed or lost customer's revenue is
already gone (S1.4, S2.1). Each function walks the collections it needs once
and looks everything else up in the portfolio's indexes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Final

import attrs

from salesroles._display import PERCENT, Cell, Kind, Record, Table, money_cell
from salesroles._model.arguments import read_count, read_each
from salesroles._model.enums import CustomerStatus
from salesroles._model.messages import phrase
from salesroles._model.rates import ExchangeRate, ExchangeRates
from salesroles._model.values import Money

from .arguments import ratio, read_as_of, read_portfolio, total
from .conversion import Conversion, reporting

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from salesroles._model.parties import Customer
    from salesroles._model.portfolio import Portfolio

_CUSTOMER: Final = phrase("expected.customer", "a customer id (a string)")
_CUSTOMERS: Final = phrase("expected.customers", "a customer id or a list of customer ids")


def _counted(customer: Customer) -> bool:
    return customer.status is CustomerStatus.ACTIVE


def _in_currency(
    portfolio: Portfolio, conversion: Conversion, day: date, also: Iterable[Customer] = ()
) -> dict[str, Customer]:
    """The active customers (and *also*) by id, their figures in the reporting currency."""
    wanted = [c for c in portfolio.customers if _counted(c)]
    wanted.extend(c for c in also if not _counted(c))
    return {c.id: conversion.customer(c, day) for c in wanted}


def _wanted(accounts: object) -> tuple[str, ...]:
    """The customer ids asked about, each once: one id, or an iterable of them."""
    if isinstance(accounts, str):
        return (accounts,)
    return tuple(
        dict.fromkeys(
            read_each(
                accounts,
                str,
                "accounts",
                _CUSTOMER,
                _CUSTOMERS,
            )
        )
    )


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
        rates_used: The exchange rates the figures were converted with, in the
            order first used; empty when every figure was in the reporting currency.
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
    _formats: ClassVar[dict[str, str]] = {"revenue_share": PERCENT, "profit_share": PERCENT}
    _dtypes: ClassVar[dict[str, Kind]] = {
        "customer": "text",
        "name": "text",
        "status": tuple(CustomerStatus),
        "key_account": "bool",
        "revenue": "money",
        "revenue_share": "decimal",
        "profit": "money",
        "profit_share": "decimal",
        "currency": "text",
    }
    claims: ClassVar[tuple[str, ...]] = ("S2.3",)

    accounts: tuple[AccountAtRisk, ...]
    revenue_at_risk: Money
    profit_at_risk: Money
    total_revenue: Money
    total_profit: Money
    revenue_share: Decimal | None
    profit_share: Decimal | None
    unknown: tuple[str, ...]
    rates_used: tuple[ExchangeRate, ...] = ()

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


def loss_impact(
    portfolio: Portfolio,
    accounts: str | Iterable[str],
    *,
    as_of: date | str | None = None,
    rates: ExchangeRates | None = None,
    currency: str | None = None,
) -> LossImpact:
    """What losing *accounts* would cost: revenue and profit at risk (S2.3).

    Losing a key account "is a significant risk to revenue and profitability"
    (S2.3): this puts a figure on it. *accounts* is one customer id or several;
    each counts once. The portfolio's totals are the annual revenue and profit
    of its active customers where known; a lapsed or lost customer asked about
    is listed but adds nothing at risk.

    Args:
        portfolio: The portfolio to read.
        accounts: A customer id, or an iterable of them.
        as_of: The day annual figures in other currencies are converted at
            (default: the portfolio's ``as_of``, else today).
        rates: The exchange rates to convert figures in other currencies with.
        currency: The reporting currency (default: the portfolio's).

    Returns:
        The figures at risk, absolute and as shares of the portfolio's.

    Raises:
        ValidationError: *portfolio* is no Portfolio, *accounts* are no
            customer ids, an argument is invalid, or a rate is missing
            (code ``missing_rate``, naming the pair and the day).
        NotFoundError: An id names no customer of the portfolio.
        CurrencyMismatchError: Without *rates*, a customer's figures are not in
            the reporting currency; the message names every customer and figure.

    >>> from salesroles.testing import sample_portfolio
    >>> impact = loss_impact(sample_portfolio(), "C-ACME")
    >>> str(impact.revenue_at_risk), f"{impact.revenue_share:.1%}"
    ('1200000.00 EUR', '58.0%')
    """
    portfolio = read_portfolio(portfolio)
    asked = [portfolio.customer(ident) for ident in _wanted(accounts)]
    conversion = reporting(portfolio, rates, currency)
    customers = _in_currency(portfolio, conversion, read_as_of(as_of, portfolio), asked)
    used = conversion.done()
    currency = conversion.currency
    chosen = [customers[c.id] for c in asked]
    active = [c for c in customers.values() if _counted(c)]
    revenues = [c.annual_revenue for c in active]
    profits = [c.annual_profit for c in active]
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
        rates_used=used,
    )


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
        rates_used: The exchange rates the figures were converted with, in the
            order first used; empty when every figure was in the reporting currency.
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
        "share": PERCENT,
        "cumulative_share": PERCENT,
        "top_share": PERCENT,
        "hhi": ".4f",
        "key_account_revenue_share": PERCENT,
        "key_account_profit_share": PERCENT,
    }
    _dtypes: ClassVar[dict[str, Kind]] = {
        "rank": "int",
        "customer": "text",
        "name": "text",
        "key_account": "bool",
        "revenue": "money",
        "share": "decimal",
        "cumulative_share": "decimal",
        "currency": "text",
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
    rates_used: tuple[ExchangeRate, ...] = ()

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


def concentration(
    portfolio: Portfolio,
    *,
    top: int = 5,
    as_of: date | str | None = None,
    rates: ExchangeRates | None = None,
    currency: str | None = None,
) -> Concentration:
    """Measure how concentrated the portfolio's revenue is (S2.2, S2.3).

    The curve ranks the active customers with a positive annual revenue,
    largest first (ties by id). ``top_share`` is what the *top* largest hold;
    the Herfindahl-Hirschman index is the sum of the squared shares; the key
    accounts' dependency is their share of revenue and of profit.

    Args:
        portfolio: The portfolio to read.
        top: How many of the largest customers ``top_share`` counts.
        as_of: The day annual figures in other currencies are converted at
            (default: the portfolio's ``as_of``, else today).
        rates: The exchange rates to convert figures in other currencies with.
        currency: The reporting currency (default: the portfolio's).

    Returns:
        The curve and its headline figures.

    Raises:
        ValidationError: *portfolio* is no Portfolio, *top* is not a whole
            number above 0, an argument is invalid, or a rate is missing
            (code ``missing_rate``, naming the pair and the day).
        CurrencyMismatchError: Without *rates*, an active customer's figures are
            not in the reporting currency; the message names every customer and figure.

    >>> from salesroles.testing import sample_portfolio
    >>> c = concentration(sample_portfolio(), top=2)
    >>> [(x.customer, f"{x.share:.1%}") for x in c.customers]
    [('C-ACME', '58.0%'), ('C-NORD', '41.1%'), ('C-BAKER', '0.9%')]
    >>> f"{c.top_share:.1%}", f"{c.hhi:.4f}", f"{c.key_account_revenue_share:.1%}"
    ('99.1%', '0.5057', '99.1%')
    """
    portfolio = read_portfolio(portfolio)
    top = read_count(top, "top")
    conversion = reporting(portfolio, rates, currency)
    customers = _in_currency(portfolio, conversion, read_as_of(as_of, portfolio))
    used = conversion.done()
    currency = conversion.currency
    ranked: list[tuple[Customer, Money]] = []
    excluded: list[str] = []
    profit = Money.zero(currency)
    key_profit = Money.zero(currency)
    for c in customers.values():
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
        rates_used=used,
    )
