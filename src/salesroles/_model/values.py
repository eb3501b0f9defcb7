"""Value objects: :class:`Money` and :class:`Period` (the cadence is in :mod:`.cadence`)."""

from __future__ import annotations

import decimal
from datetime import date, timedelta
from decimal import (
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
)
from typing import TYPE_CHECKING, Any, Final

import attrs

from salesroles.exceptions import CurrencyMismatchError, ErrorItem, MoneyError

from .arguments import read_day
from .converters import MAX_DECIMAL_CHARS, to_amount, to_day
from .iso4217 import CURRENCIES
from .messages import error_item, phrase, phrases, problem, refusal, said, shown, template
from .validation import CHECK, Checked, check_amount, currency, invariant

if TYPE_CHECKING:
    from collections.abc import Iterator

# What an operation is called in a message ("cannot add EUR and USD").
phrases(
    "operation", {op: op for op in ("add", "subtract", "multiply", "divide", "compare", "replace")}
)

_INEXACT: Final = template(
    "inexact_money",
    "cannot {op:operation} these amounts exactly: the result needs over 100 digits",
)
_MISMATCH: Final = template(
    "currency_mismatch", "cannot {op:operation} {first} and {second}: convert one first"
)
_FACTOR: Final = template(
    "money_factor",
    "cannot {op:operation} money by {got:message}; use an int or a Decimal (floats lose cents)",
)
_NOT_FINITE: Final = template("money_infinite_factor", "cannot {op:operation} money by {factor}")
_BY_ZERO: Final = template("division_by_zero", "cannot divide {money} by zero")
_TOO_LARGE: Final = template(
    "money_overflow", "cannot divide {money} by {divisor}: the result is too large"
)
_COMPARE: Final = template("money_comparison", "cannot compare money with {got:message}")
_ROUNDING: Final = template("expected.rounding", "a rounding mode of decimal: {modes}")
_QUARTER: Final = phrase("expected.quarter", "1, 2, 3 or 4")
ENDS_BEFORE: Final = template(
    "ends_before",
    "got {end:date}, before start {start:date}; expected an end on or after the start",
)

__all__ = ["ROUNDINGS", "Money", "Period", "format_amount"]


# Sums, differences and products of money are exact or refused: 100 digits hold any sum of
# amounts read from the wire (at most 32 characters each); beyond, Inexact is trapped.
_EXACT = Context(prec=100, traps=[Inexact, InvalidOperation, DivisionByZero, Overflow])
# Division is rarely exact (10 / 3): it rounds to 28 digits, half to even, whatever the
# caller's decimal context says.
_DIVIDE = Context(
    prec=28,
    rounding=ROUND_HALF_EVEN,
    Emax=999_999,
    Emin=-999_999,
    traps=[InvalidOperation, Overflow],
)


def _fit_to_wire(quotient: Decimal) -> Decimal:
    """*quotient* with no more decimal places than the wire's amount strings hold.

    28 digits of a small quotient (0.0001 / 3) need more than 32 characters;
    rounded to the places that fit, the amount can be written and read back.
    A quotient whose whole part alone is too long is left as it is, as a
    product would be.
    """
    adjusted = quotient.adjusted()
    if adjusted >= MAX_DECIMAL_CHARS:
        return quotient  # the whole part alone is too long (and not worth writing out)
    if adjusted >= -MAX_DECIMAL_CHARS:
        text = format(quotient, "f")
        if len(text) <= MAX_DECIMAL_CHARS:
            return quotient
        whole = len(text.partition(".")[0])  # the sign included
    else:  # below 1E-32: "0" or "-0" before the point, without writing the zeros out
        whole = 2 if quotient.is_signed() else 1
    places = MAX_DECIMAL_CHARS - whole - 1
    if places < 0:
        return quotient
    return quotient.quantize(Decimal(1).scaleb(-places, _DIVIDE), context=_DIVIDE)


#: The rounding modes of :mod:`decimal`, which :meth:`Money.round` accepts by name.
ROUNDINGS: Final = tuple(sorted(name for name in dir(decimal) if name.startswith("ROUND_")))


def _exactly(op: str, compute: Any, *args: Decimal) -> Decimal:
    try:
        return compute(*args)  # type: ignore[no-any-return]
    except (Inexact, Overflow) as e:
        raise refusal(MoneyError, "inexact_money", _INEXACT, op=op) from e


@attrs.frozen(kw_only=True)
class Money(Checked):
    """An exact amount of one currency.

    The amount is a :class:`~decimal.Decimal` (an ``int`` or a plain decimal
    string like ``"12.50"`` is converted); floats, NaN and infinities are
    refused because binary floats lose cents. The currency is a code of
    ISO 4217 List One (``XXX`` for none). The amount keeps its digits:
    ``"1200000.00"`` stays ``1200000.00``.

    Arithmetic is exact: ``+`` and ``-`` with the same currency and ``*`` by
    an ``int`` or ``Decimal`` give the exact result or raise
    :class:`~salesroles.exceptions.MoneyError` (never a rounded one); ``/`` by
    a number, or by money of the same currency (their ratio), rounds to 28
    significant digits, half to even, whatever the current decimal context
    says; a money quotient also keeps no more decimal places than the wire's
    32 characters hold, so that it can be sent and read back
    (``0.0001 / 3`` is ``0.000033333333333333333333333333``). Amounts of one
    currency compare. Mixing currencies
    raises :class:`~salesroles.exceptions.CurrencyMismatchError`. Amounts read
    from text have at most 32 characters, ints at most 30 digits.

    >>> price = Money(amount="12.50", currency="EUR")
    >>> price * 3 + Money(amount=1, currency="EUR")
    Money(amount=Decimal('38.50'), currency='EUR')
    >>> sum([price, price], Money.zero("EUR"))
    Money(amount=Decimal('25.00'), currency='EUR')

    A quotient keeps its digits until it is rounded to the currency's minor
    unit with :meth:`round`; ``format()`` and f-strings take a decimal format
    spec and add the currency:

    >>> third = Money(amount="100", currency="EUR") / 3
    >>> third.round()
    Money(amount=Decimal('33.33'), currency='EUR')
    >>> f"{Money(amount='1234567.891', currency='EUR'):,.2f}"
    '1,234,567.89 EUR'
    """

    amount: Decimal = attrs.field(converter=to_amount, metadata={CHECK: check_amount})
    currency: str = attrs.field(metadata=currency())

    @classmethod
    def zero(cls, currency: str) -> Money:
        """Return nothing of *currency*: the start of a sum."""
        return cls(amount=Decimal(0), currency=currency)

    def _same(self, other: Money, op: str) -> None:
        if self.currency != other.currency:
            raise refusal(
                CurrencyMismatchError,
                "currency_mismatch",
                _MISMATCH,
                op=op,
                first=self.currency,
                second=other.currency,
            )

    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "add")
        return Money(
            amount=_exactly("add", _EXACT.add, self.amount, other.amount), currency=self.currency
        )

    def __radd__(self, other: object) -> Money:
        # ``sum(amounts)`` starts from the int 0.
        if other == 0 and type(other) is int:
            return self
        return NotImplemented

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "subtract")
        amount = _exactly("subtract", _EXACT.subtract, self.amount, other.amount)
        return Money(amount=amount, currency=self.currency)

    def __neg__(self) -> Money:
        return Money(amount=-self.amount, currency=self.currency)

    def _factor(self, factor: object, op: str) -> Decimal:
        if isinstance(factor, bool) or not isinstance(factor, int | Decimal):
            raise refusal(MoneyError, "invalid_factor", _FACTOR, op=op, got=shown(factor))
        if isinstance(factor, Decimal) and not factor.is_finite():
            raise refusal(MoneyError, "invalid_factor", _NOT_FINITE, op=op, factor=str(factor))
        return Decimal(factor)

    def __mul__(self, factor: object) -> Money:
        amount = _exactly(
            "multiply", _EXACT.multiply, self.amount, self._factor(factor, "multiply")
        )
        return Money(amount=amount, currency=self.currency)

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> Any:
        """Divide by a number (giving money) or by money of the same currency (a ratio)."""
        if isinstance(other, Money):
            self._same(other, "divide")
            divisor = other.amount
        else:
            divisor = self._factor(other, "divide")
        if not divisor:
            raise refusal(MoneyError, "division_by_zero", _BY_ZERO, money=str(self))
        try:
            quotient = _DIVIDE.divide(self.amount, divisor)
        except Overflow as e:
            raise refusal(
                MoneyError, "money_overflow", _TOO_LARGE, money=str(self), divisor=str(divisor)
            ) from e
        if isinstance(other, Money):
            return quotient
        return Money(amount=_fit_to_wire(quotient), currency=self.currency)

    def _compare(self, other: object) -> Decimal:
        if not isinstance(other, Money):
            raise refusal(MoneyError, "invalid_comparison", _COMPARE, got=shown(other))
        self._same(other, "compare")
        return other.amount

    def __lt__(self, other: object) -> bool:
        return self.amount < self._compare(other)

    def __le__(self, other: object) -> bool:
        return self.amount <= self._compare(other)

    def __gt__(self, other: object) -> bool:
        return self.amount > self._compare(other)

    def __ge__(self, other: object) -> bool:
        return self.amount >= self._compare(other)

    def round(self, rounding: str = ROUND_HALF_EVEN) -> Money:
        """Return the amount rounded to the currency's minor unit (ISO 4217).

        EUR rounds to cents (2 places), JPY to whole yen (0), BHD to fils (3).
        *rounding* is one of the rounding modes of :mod:`decimal`
        (:data:`ROUNDINGS`), half to even by default, as banks round. A code
        without a minor unit (``XXX``, the precious metals ``XAU`` …) has no
        smallest coin to round to: its amount comes back unchanged, exact.

        >>> Money(amount="2.345", currency="EUR").round()
        Money(amount=Decimal('2.34'), currency='EUR')
        >>> Money(amount="2.345", currency="EUR").round("ROUND_HALF_UP")
        Money(amount=Decimal('2.35'), currency='EUR')
        >>> Money(amount="1234.5", currency="JPY").round()
        Money(amount=Decimal('1234'), currency='JPY')

        Raises:
            ValidationError: *rounding* is no rounding mode of :mod:`decimal`.
        """
        # Untrusted callers may pass anything: a str is checked against decimal's names.
        if rounding not in ROUNDINGS:
            raise problem("rounding", rounding, said(_ROUNDING, modes=", ".join(ROUNDINGS)))
        places = CURRENCIES.get(self.currency)
        if places is None:
            return self
        unit = Decimal(1).scaleb(-places)
        amount = self.amount.quantize(unit, rounding=rounding, context=_DIVIDE)
        # -0.001 rounds to a zero without a sign: nothing owed either way.
        return Money(amount=amount or amount.copy_abs(), currency=self.currency)

    def __format__(self, spec: str) -> str:
        """Format the amount by *spec* (a :class:`~decimal.Decimal` spec) and add the currency.

        An empty spec gives ``str(money)``; ``",.2f"`` gives ``"1,234.50 EUR"``.
        A spec rounds as the decimal context does (half to even unless changed)
        and never shows a negative zero (``-0.001`` shown to cents is ``0.00``).
        """
        if not spec:
            return str(self)
        return f"{format_amount(self.amount, spec)} {self.currency}"

    def __str__(self) -> str:
        return f"{format(self.amount, 'f')} {self.currency}"


def format_amount(value: Decimal, spec: str) -> str:
    """Format *value* by *spec*, without a sign on a zero that was rounded (never ``-0.00``)."""
    text = format(value, spec)
    # A small negative number shown to fewer places reads "-0.00": a loss of nothing.
    if text.startswith("-") and not any(ch in "123456789" for ch in text):
        return text[1:]
    return text


@attrs.frozen(kw_only=True)
class Period(Checked):
    """A span of days, both ends inclusive; ``start`` is never after ``end``.

    >>> q1 = Period.quarter(2026, 1)
    >>> q1
    Period(start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31))
    >>> q1.contains(date(2026, 3, 31)), q1.overlaps(Period.year(2025))
    (True, False)
    """

    start: date = attrs.field(converter=to_day)
    end: date = attrs.field(converter=to_day)

    @invariant("start", "end")
    def _ordered(self) -> Iterator[ErrorItem]:
        if self.start > self.end:
            yield error_item(
                "end",
                "invalid_period",
                ENDS_BEFORE,
                end=self.end.isoformat(),
                start=self.start.isoformat(),
            )

    @classmethod
    def year(cls, year: int) -> Period:
        """Return the calendar year *year*."""
        return cls(start=date(year, 1, 1), end=date(year, 12, 31))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Return quarter *quarter* (1 to 4) of calendar year *year*."""
        if type(quarter) is not int or not 1 <= quarter <= 4:
            raise problem("quarter", quarter, _QUARTER, "out_of_range")
        first = date(year, 3 * quarter - 2, 1)
        after = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return cls(start=first, end=after - timedelta(days=1))

    @property
    def days(self) -> int:
        """How many days the period holds, both ends counted."""
        return (self.end - self.start).days + 1

    def contains(self, day: date | str) -> bool:
        """Whether *day* (a date or its ISO text) falls within the period, ends included."""
        if type(day) is not date:
            day = read_day(day, "day")
        return self.start <= day <= self.end

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"
