"""Exchange rates as data: :class:`ExchangeRate` and :class:`ExchangeRates`.

The library fetches no rate: users build the table from whatever source they
trust, and the analytics convert with it where they are asked to.

How a rate is found for a pair on a day, in this order:

1. **the pair itself**: the rate of ``source -> target`` whose ``valid_from``
   is the latest on or before the day (a rate holds from its day until the
   next rate of the same pair);
2. **the inverse pair**: when the pair has no rate in force that day, the
   rate of ``target -> source`` in force, divided into 1;
3. **through the base**: only when the table names a ``base`` currency, the
   rate to the base times the rate from it, each found as in 1 and 2.

Anything else is a missing rate, never a silent skip.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from salesroles.exceptions import ErrorItem, ValidationError

from .arguments import read_day
from .converters import to_amount, to_day, to_tuple
from .messages import error_item, phrase, template, wrong
from .validation import CONSTRAINT, DOUBT, Checked, currency, invariant
from .values import Money

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["ExchangeRate", "ExchangeRates", "missing_rate"]


# Typed names of to_tuple for each element type: type checkers read a converter's parameter
# as the argument's type (attrs' plugin, dataclass_transform); at run time they are to_tuple.
if TYPE_CHECKING:

    def _exchange_rates(value: Iterable[ExchangeRate]) -> tuple[ExchangeRate, ...]: ...

else:
    _exchange_rates = to_tuple


_POSITIVE: Final = phrase("expected.rate", "a rate above 0")
_SAME: Final = template(
    "same_currency", "got {target!r}, the source currency; expected another currency"
)
_NO_RATE: Final = template(
    "missing_rate",
    "no rate from {source} to {target} on {day:date}; expected an ExchangeRate of {source} to "
    "{target} (or {target} to {source}) valid from {day:date} or earlier",
)
_SECOND_RATE: Final = template(
    "duplicate_rate",
    "got a second rate of {source} to {target} from {day:date} (the first is rates[{first}]); "
    "expected one rate per pair and day",
)


def positive() -> dict[str, Any]:
    """Field metadata: a Decimal above 0 (a rate)."""

    def constraint(value: Decimal) -> ErrorItem | None:
        if value > 0:
            return None
        return wrong("", value, _POSITIVE, "out_of_range")

    return {CONSTRAINT: constraint, DOUBT: "not {v} > 0"}


@attrs.frozen(kw_only=True)
class ExchangeRate(Checked):
    """One unit of ``source`` is worth ``rate`` units of ``target`` from ``valid_from`` on.

    The rate is an exact :class:`~decimal.Decimal` above 0, given as a decimal
    string (``"0.95"``), an int or a Decimal; a float is refused, as for
    money. It holds from ``valid_from`` until the next rate of the same pair.

    >>> ExchangeRate(source="CHF", target="EUR", rate="0.95", valid_from="2026-01-01")
    ExchangeRate(source='CHF', target='EUR', rate=Decimal('0.95'), valid_from=datetime.date(2026, 1, 1))
    """  # noqa: E501

    source: str = attrs.field(metadata=currency())
    target: str = attrs.field(metadata=currency())
    rate: Decimal = attrs.field(converter=to_amount, metadata=positive())
    valid_from: date = attrs.field(converter=to_day)

    @invariant("source", "target")
    def _two_currencies(self) -> Iterator[ErrorItem]:
        if self.source == self.target:
            yield error_item("target", "invalid_currency", _SAME, target=self.target)

    def __str__(self) -> str:
        return (
            f"1 {self.source} = {format(self.rate, 'f')} {self.target} "
            f"from {self.valid_from.isoformat()}"
        )


_Pair = tuple[str, str]


def missing_rate(source: str, target: str, day: date, path: str = "rates") -> ErrorItem:
    """The problem of a pair without a rate on *day*: code ``missing_rate`` at *path*."""
    return error_item(
        path, "missing_rate", _NO_RATE, source=source, target=target, day=day.isoformat()
    )


@attrs.frozen(kw_only=True)
class ExchangeRates(Checked):
    """A table of exchange rates, and conversion with it (see the module notes).

    Triangulation is explicit: only when ``base`` names a currency is a pair
    with no rate of its own (nor of its inverse) converted through it.

    >>> rates = ExchangeRates(rates=[
    ...     ExchangeRate(source="CHF", target="EUR", rate="0.95", valid_from="2026-01-01"),
    ...     ExchangeRate(source="CHF", target="EUR", rate="0.97", valid_from="2026-07-01"),
    ... ])
    >>> str(rates.convert(Money(amount="100.00", currency="CHF"), "EUR", on="2026-06-30"))
    '95.0000 EUR'
    >>> str(rates.convert(Money(amount="97", currency="EUR"), "CHF", on="2026-07-01"))
    '100 CHF'
    >>> rates.convert(Money(amount="1", currency="USD"), "EUR", on="2026-07-01")
    Traceback (most recent call last):
    ...
    salesroles.exceptions.ValidationError: rates: no rate from USD to EUR on 2026-07-01; expected an ExchangeRate of USD to EUR (or EUR to USD) valid from 2026-07-01 or earlier
    """  # noqa: E501

    rates: tuple[ExchangeRate, ...] = attrs.field(default=(), converter=_exchange_rates)
    base: str | None = attrs.field(default=None, metadata=currency())

    @invariant("rates")
    def _one_rate_per_day(self) -> Iterator[ErrorItem]:
        seen: dict[tuple[str, str, date], int] = {}
        for i, r in enumerate(self.rates):
            key = (r.source, r.target, r.valid_from)
            if key in seen:
                yield error_item(
                    f"rates[{i}]",
                    "duplicate_rate",
                    _SECOND_RATE,
                    source=r.source,
                    target=r.target,
                    day=r.valid_from.isoformat(),
                    first=seen[key],
                )
            else:
                seen[key] = i

    @functools.cached_property
    def _table(self) -> dict[_Pair, tuple[list[date], list[ExchangeRate]]]:
        # Built on first use: each pair's rates sorted by day, for a binary search.
        grouped: dict[_Pair, list[ExchangeRate]] = {}
        for r in self.rates:
            grouped.setdefault((r.source, r.target), []).append(r)
        table = {}
        for pair, found in grouped.items():
            found.sort(key=lambda r: r.valid_from)
            table[pair] = ([r.valid_from for r in found], found)
        return table

    def _in_force(self, source: str, target: str, day: date) -> ExchangeRate | None:
        entry = self._table.get((source, target))
        if entry is None:
            return None
        days, found = entry
        i = bisect_right(days, day)
        return found[i - 1] if i else None

    def convert(self, money: Money, currency: str, on: date | str) -> Money:
        """*money* in *currency* at the rate in force on day *on*.

        A rate given for the pair multiplies exactly; the inverse pair's divides
        (to 28 significant digits, as :class:`~salesroles.Money` divides).

        Raises:
            ValidationError: No rate of the pair is in force on *on* (code
                ``missing_rate``, path ``rates``), or *on* is no date.
        """
        day = read_day(on, "on")
        converted = self.convert_using(money, currency, day)
        if converted is None:
            raise ValidationError([missing_rate(money.currency, currency, day)])
        return converted[0]

    def convert_using(  # noqa: PLR0911 - one return per way a rate is found
        self, money: Money, currency: str, on: date
    ) -> tuple[Money, tuple[ExchangeRate, ...]] | None:
        """*money* in *currency* on day *on* and the rates used; None when a rate is missing."""
        if money.currency == currency:
            return money, ()
        rate = self._in_force(money.currency, currency, on)
        if rate is not None:
            return Money(amount=money.amount, currency=currency) * rate.rate, (rate,)
        inverse = self._in_force(currency, money.currency, on)
        if inverse is not None:
            return Money(amount=money.amount, currency=currency) / inverse.rate, (inverse,)
        if self.base is None or self.base in (money.currency, currency):
            return None
        first = self.convert_using(money, self.base, on)
        if first is None:
            return None
        second = self.convert_using(first[0], currency, on)
        if second is None:
            return None
        return second[0], first[1] + second[1]
