"""Value objects: :class:`Money` and :class:`Period` (the cadence is in :mod:`.cadence`)."""

from __future__ import annotations

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
from typing import TYPE_CHECKING, Any

import attrs

from salesroles.exceptions import CurrencyMismatchError, ErrorItem, MoneyError

from .arguments import read_day
from .converters import MAX_DECIMAL_CHARS, to_amount, to_day
from .messages import describe, problem
from .validation import CHECK, Checked, check_amount, currency, invariant

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["Money", "Period"]


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


def _exactly(op: str, compute: Any, *args: Decimal) -> Decimal:
    try:
        return compute(*args)  # type: ignore[no-any-return]
    except (Inexact, Overflow) as e:
        raise MoneyError(
            f"cannot {op} these amounts exactly: the result needs over 100 digits"
        ) from e


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
    """

    amount: Decimal = attrs.field(converter=to_amount, metadata={CHECK: check_amount})
    currency: str = attrs.field(metadata=currency())

    @classmethod
    def zero(cls, currency: str) -> Money:
        """Return nothing of *currency*: the start of a sum."""
        return cls(amount=Decimal(0), currency=currency)

    def _same(self, other: Money, op: str) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatchError(
                f"cannot {op} {self.currency} and {other.currency}: convert one first"
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
            raise MoneyError(
                f"cannot {op} money by {describe(factor)}; use an int or a Decimal "
                "(floats lose cents)"
            )
        if isinstance(factor, Decimal) and not factor.is_finite():
            raise MoneyError(f"cannot {op} money by {factor}")
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
            raise MoneyError(f"cannot divide {self} by zero")
        try:
            quotient = _DIVIDE.divide(self.amount, divisor)
        except Overflow as e:
            raise MoneyError(f"cannot divide {self} by {divisor}: the result is too large") from e
        if isinstance(other, Money):
            return quotient
        return Money(amount=_fit_to_wire(quotient), currency=self.currency)

    def _compare(self, other: object) -> Decimal:
        if not isinstance(other, Money):
            raise MoneyError(f"cannot compare money with {describe(other)}")
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

    def __str__(self) -> str:
        return f"{format(self.amount, 'f')} {self.currency}"


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
            yield ErrorItem(
                path="end",
                message=f"got {self.end.isoformat()}, before start {self.start.isoformat()}; "
                "expected an end on or after the start",
                code="invalid_period",
            )

    @classmethod
    def year(cls, year: int) -> Period:
        """Return the calendar year *year*."""
        return cls(start=date(year, 1, 1), end=date(year, 12, 31))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Return quarter *quarter* (1 to 4) of calendar year *year*."""
        if type(quarter) is not int or not 1 <= quarter <= 4:
            raise problem(
                "quarter", f"got {describe(quarter)}; expected 1, 2, 3 or 4", "out_of_range"
            )
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
