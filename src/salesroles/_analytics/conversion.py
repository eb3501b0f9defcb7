"""Figures in one reporting currency: the ``rates=`` and ``currency=`` every analysis takes.

An analysis builds one :class:`Conversion`, passes each amount it counts
through it with the day the amount belongs to, and calls :meth:`~Conversion.done`
before it builds its result: every problem of the whole analysis is raised
at once, and the result names the rates it used.

- Without rates, an amount in another currency than the reporting one is a
  :class:`~salesroles.CurrencyMismatchError` naming every entity, figure and
  currency involved.
- With rates, a pair without a rate on a day is a
  :class:`~salesroles.ValidationError` naming each pair and day (code
  ``missing_rate``, path ``rates``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs

from salesroles._model.arguments import or_none
from salesroles._model.messages import and_list, phrase, plural, problem, refusal, template
from salesroles._model.rates import ExchangeRate, ExchangeRates, missing_rate
from salesroles._model.validation import CURRENCY_CODE
from salesroles._model.validation import currency as currency_metadata
from salesroles._model.values import Money
from salesroles.exceptions import CurrencyMismatchError, ErrorItem, ValidationError

from .arguments import PORTFOLIO_BASIS, Owner, foreign_figure, portfolio_currency

if TYPE_CHECKING:
    from salesroles._model.parties import Customer
    from salesroles._model.portfolio import Portfolio

__all__ = ["Conversion", "read_currency", "read_rates", "reporting"]


_CURRENCY_CHECK = currency_metadata()["salesroles.constraint"]


_RATES: Final = phrase("expected.rates", "an ExchangeRates(rates=[...])")
_REPORTING_BASIS: Final = phrase("basis.reporting", "the reporting currency is")
_PASS_RATES: Final = template(
    "pass_rates",
    "{figures:messages}, but {basis:message} in {currency}: pass rates= (an ExchangeRates) to "
    "convert {count:plural:it|them}",
)
#: How a plan counts when its own currency sets the analysis's: ``plan 'AP-1' counts``.
PLAN_BASIS: Final = template("basis.plan", "plan {plan!r} counts")


def read_rates(value: object, path: str = "rates") -> ExchangeRates | None:
    """*value* if it is :class:`~salesroles.ExchangeRates` or None; code ``invalid_type`` else."""
    if value is None or isinstance(value, ExchangeRates):
        return value
    raise problem(path, value, or_none(_RATES))


def read_currency(value: object, path: str = "currency") -> str | None:
    """*value* if it is an ISO 4217 code or None; code ``invalid_currency`` (or type) else."""
    if value is None:
        return None
    if type(value) is not str:
        raise problem(path, value, CURRENCY_CODE)
    refused = _CURRENCY_CHECK(value)
    if refused is not None:
        raise ValidationError([refused.prefixed(path)])
    return value


@attrs.define
class Conversion:
    """Amounts brought into one currency, the rates used, and what could not be converted.

    Attributes:
        currency: The reporting currency.
        rates: The table to convert with, or None (then other currencies are refused).
        basis: Where the currency comes from, as a message ("the portfolio's figures are").
        chosen: Whether the caller chose the currency (``currency=``).
    """

    currency: str
    rates: ExchangeRates | None
    basis: dict[str, Any]
    chosen: bool = False
    _used: dict[ExchangeRate, None] = attrs.field(factory=dict)
    _missing: dict[tuple[str, str, date], None] = attrs.field(factory=dict)
    _foreign: dict[tuple[Owner, str, str], None] = attrs.field(factory=dict)

    def money(self, money: Money | None, day: date, owner: Owner, field: str) -> Money | None:
        """*money* in the reporting currency at the rate of *day*; None stays None.

        What cannot be converted is noted for :meth:`done` and stands as zero
        meanwhile, so that the analysis can go on and every problem be named.
        """
        if money is None or money.currency == self.currency:
            return money
        if self.rates is None:
            self._foreign[owner, field, money.currency] = None
            return Money.zero(self.currency)
        converted = self.rates.convert_using(money, self.currency, day)
        if converted is None:
            self._missing[(money.currency, self.currency, day)] = None
            return Money.zero(self.currency)
        self._used.update(dict.fromkeys(converted[1]))
        return converted[0]

    def customer(self, customer: Customer, day: date) -> Customer:
        """*customer* with its annual revenue and profit in the reporting currency on *day*."""
        owner = ("customer", customer.id)
        revenue = self.money(customer.annual_revenue, day, owner, "annual_revenue")
        profit = self.money(customer.annual_profit, day, owner, "annual_profit")
        if revenue is customer.annual_revenue and profit is customer.annual_profit:
            return customer
        return attrs.evolve(customer, annual_revenue=revenue, annual_profit=profit)

    def done(self) -> tuple[ExchangeRate, ...]:
        """The rates used, in the order first used; raise if anything could not be converted.

        Raises:
            CurrencyMismatchError: Without rates, figures in other currencies
                (every one is named).
            ValidationError: With rates, a pair without a rate on a day (code
                ``missing_rate``, one problem per pair and day).
        """
        if self._foreign:
            found = [foreign_figure(*key) for key in self._foreign]
            raise refusal(
                CurrencyMismatchError,
                "currency_mismatch",
                _PASS_RATES,
                figures=found,
                basis=self.basis,
                currency=self.currency,
                count=len(found),
            )
        if self._missing:
            raise ValidationError(missing_rate(*key) for key in self._missing)
        return tuple(self._used)


def reporting(
    portfolio: Portfolio, rates: object, currency: object, *, default: str | None = None
) -> Conversion:
    """Read ``rates=`` and ``currency=`` into a :class:`Conversion` for *portfolio*.

    The reporting currency is *currency*, else *default*, else the
    portfolio's (its ``currency``, else its first figure's, else ``XXX``).

    Raises:
        ValidationError: *rates* is no ExchangeRates or *currency* no ISO 4217
            code; both are named.
    """
    problems: list[ErrorItem] = []
    table: ExchangeRates | None = None
    chosen: str | None = None
    try:
        table = read_rates(rates)
    except ValidationError as e:
        problems.extend(e.errors)
    try:
        chosen = read_currency(currency)
    except ValidationError as e:
        problems.extend(e.errors)
    if problems:
        raise ValidationError(problems)
    if chosen is not None:
        return Conversion(chosen, table, _REPORTING_BASIS, chosen=True)
    return Conversion(default or portfolio_currency(portfolio), table, PORTFOLIO_BASIS)


def describe_rates(rates: tuple[ExchangeRate, ...]) -> str:
    """The rates a result used, for its notes: ``1 CHF = 0.95 EUR from 2026-01-01; …``."""
    if not rates:
        return "no exchange rate"
    return f"{plural(len(rates), 'exchange rate')}: " + and_list(str(r) for r in rates)
