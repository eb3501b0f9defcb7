"""Readers of the arguments every analysis, calendar and plot shares, and figures' currencies.

The generic readers (a day, a count, a share, an id) are the model's
(:mod:`salesroles._model.arguments`); here are the ones that know a
portfolio: the portfolio itself, the day it is judged at, and the currency
its totals are kept in.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, Final

from salesroles._model.arguments import read_instance, read_optional_day
from salesroles._model.messages import error, phrase, phrases, refusal, said, template
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


#: Who holds a figure, for messages: its kind (``"order"``) and its id.
Owner = tuple[str, str]

# What holds a figure, as a message names it ("order 'O-2' has its amount in USD").
phrases(
    "record",
    {kind: kind for kind in ("customer", "order", "supply contract", "contract", "plan")},
)
_HAS_ITS: Final = template("foreign_figure", "{kind:record} {id!r} has its {field} in {currency}")
_CONVERT_FIRST: Final = template(
    "convert_first", "{figure:message}, but {basis:message} in {currency}: convert it first"
)
#: Where the currency of an analysis comes from, when the portfolio's figures set it.
PORTFOLIO_BASIS: Final = phrase("basis.portfolio", "the portfolio's figures are")
_BOTH: Final = template(
    "conflicting_arguments",
    "got both as_of= and on=, its deprecated spelling; expected as_of= alone",
)


def read_portfolio(value: object, path: str = "portfolio") -> Portfolio:
    """*value* if it is a :class:`~salesroles.Portfolio`; else code ``invalid_type``."""
    return read_instance(value, Portfolio, path)


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
        raise error("as_of", "conflicting_arguments", _BOTH)
    warnings.warn("on= is deprecated; use as_of=", DeprecationWarning, stacklevel=3)
    return on


def same_currency(
    money: Money | None, currency: str, owner: Owner, field: str, basis: dict[str, Any]
) -> None:
    """Refuse *money* in another currency than *currency*, naming its *owner* and *field*.

    *basis* says where *currency* comes from, as in "but {basis} in EUR".
    """
    if money is not None and money.currency != currency:
        raise refusal(
            CurrencyMismatchError,
            "currency_mismatch",
            _CONVERT_FIRST,
            figure=foreign_figure(owner, field, money.currency),
            basis=basis,
            currency=currency,
        )


def foreign_figure(owner: Owner, field: str, currency: str) -> dict[str, Any]:
    """A figure in another currency, as a message: ``order 'O-2' has its amount in USD``."""
    return said(_HAS_ITS, kind=owner[0], id=owner[1], field=field, currency=currency)


def check_figures(customers: Iterable[Customer], currency: str) -> None:
    """Refuse a customer whose annual revenue or profit is not in *currency*."""
    for c in customers:
        same_currency(
            c.annual_revenue, currency, ("customer", c.id), "annual_revenue", PORTFOLIO_BASIS
        )
        same_currency(
            c.annual_profit, currency, ("customer", c.id), "annual_profit", PORTFOLIO_BASIS
        )


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
