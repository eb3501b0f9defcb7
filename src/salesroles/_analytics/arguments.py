"""Readers of the arguments every analysis, calendar and plot shares, and figures' currencies.

The generic readers (a day, a count, a share, an id) are the model's
(:mod:`salesroles._model.arguments`); here are the ones that know a
portfolio: the portfolio itself, the day it is judged at, and the currency
its totals are kept in.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Final

from salesroles._model.arguments import read_instance, read_optional_day
from salesroles._model.messages import problem
from salesroles._model.portfolio import Portfolio, resolve_as_of
from salesroles._model.values import Money
from salesroles.exceptions import CurrencyMismatchError

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date
    from decimal import Decimal

    from salesroles._model.parties import Customer

#: The currency of totals when the portfolio names none and holds no figure (ISO 4217 "none").
NO_CURRENCY: Final = "XXX"


def read_portfolio(value: object, path: str = "portfolio") -> Portfolio:
    """*value* if it is a :class:`~salesroles.Portfolio`; else code ``invalid_type``."""
    return read_instance(value, Portfolio, path, "a Portfolio")


def read_as_of(value: object, portfolio: Portfolio, path: str = "as_of") -> date:
    """The day to judge at: *value* read as a day, else the portfolio's ``as_of``, else today."""
    return resolve_as_of(read_optional_day(value, path), portfolio)


def choose_as_of(as_of: object, on: object) -> object:
    """*as_of*, or the value of ``on=``, its deprecated spelling, with a warning.

    ``on=`` keeps working for one release; giving both is code
    ``conflicting_arguments``. The warning points at the caller of the public
    function that calls this one.
    """
    if on is None:
        return as_of
    if as_of is not None:
        raise problem(
            "as_of",
            "got both as_of= and on=, its deprecated spelling; expected as_of= alone",
            "conflicting_arguments",
        )
    warnings.warn("on= is deprecated; use as_of=", DeprecationWarning, stacklevel=3)
    return on


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
