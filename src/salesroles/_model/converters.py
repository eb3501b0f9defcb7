"""Soft converters: turn the obvious spelling into the declared type, leave the rest.

A list becomes a tuple, an ISO string a date, a decimal string a Decimal, and
for a figure that is no money (a fraction, a share, a weight) a float too.
Anything else is left untouched, so that the field checks of
:mod:`.validation` can name the problem instead of a converter raising a bare
exception. Days read and written go through small caches.
"""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from salesroles.exceptions import ErrorItem

from .messages import said, shown, template

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "DAY_CONVERTERS",
    "DECIMAL_CONVERTERS",
    "DECIMAL_TEXT",
    "FIGURE_CONVERTERS",
    "ISO_DAYS",
    "KNOWN_DAYS",
    "MAX_DECIMAL_CHARS",
    "Rejected",
    "iso_day",
    "to_amount",
    "to_date",
    "to_day",
    "to_decimal",
    "to_figure",
    "to_optional_day",
    "to_optional_figure",
    "to_tuple",
    "too_long",
    "too_wide",
    "wire_width",
]

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")  # ASCII digits: \d also matches ١٢


#: A plain decimal as the wire writes it (ASCII digits, no sign but "-", no exponent).
DECIMAL_TEXT: Final = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")


def to_tuple(value: Any) -> Any:
    """A list becomes a tuple; anything else is left for the checker to refuse."""
    return tuple(value) if type(value) is list else value


# Portfolios repeat their days (periods, order dates); reading and writing a day through a
# small cache is several times faster than parsing or formatting it again. Days are
# immutable, so sharing them is safe; the caches are emptied when they grow large.
#: Days read from the wire, by their text (cleared when it grows past the limit).
KNOWN_DAYS: dict[str, date] = {}


ISO_DAYS: dict[date, str] = {}


_CACHE_LIMIT: Final = 50_000


def to_date(value: Any) -> Any:
    """``"2026-11-27"`` becomes a date; other spellings are left for the checker."""
    if type(value) is str:
        day = KNOWN_DAYS.get(value)
        if day is not None:
            return day
        if _DATE.match(value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                return value
            if len(KNOWN_DAYS) >= _CACHE_LIMIT:
                KNOWN_DAYS.clear()
            KNOWN_DAYS[value] = day
            return day
    return value


def to_day(value: date | str) -> date:
    """:func:`to_date` for a required day, typed as attrs' mypy plugin reads converters."""
    return to_date(value)  # type: ignore[no-any-return]


def to_optional_day(value: date | str | None) -> date | None:
    """:func:`to_date` for an optional day: what a user may pass is typed ``date | str | None``."""
    return to_date(value)  # type: ignore[no-any-return]


#: The converters that are :func:`to_date` under another signature: generated structure code
#: looks a day up in :data:`KNOWN_DAYS` in place rather than calling them.
DAY_CONVERTERS: Final[frozenset[Callable[..., Any]]] = frozenset(
    {to_date, to_day, to_optional_day}
)


def iso_day(day: date) -> str:
    """``day`` written ``YYYY-MM-DD`` (cached: see ``KNOWN_DAYS``)."""
    text = ISO_DAYS.get(day)
    if text is None:
        if len(ISO_DAYS) >= _CACHE_LIMIT:
            ISO_DAYS.clear()
        text = ISO_DAYS[day] = day.isoformat()
    return text


#: The longest decimal string, and the largest int, read as a Decimal: ample for any amount,
#: and a bound on the digits that untrusted input can make every later sum carry.
MAX_DECIMAL_CHARS: Final = 32


_INT_LIMIT: Final = 10**30


def to_decimal(value: Any) -> Any:
    """An int or a plain decimal string (``"-12.50"``) becomes a Decimal.

    Strings longer than :data:`MAX_DECIMAL_CHARS` and ints of more than 30
    digits are left for the check to refuse.
    """
    if type(value) is str and len(value) <= MAX_DECIMAL_CHARS and DECIMAL_TEXT.match(value):
        return Decimal(value)
    if type(value) is int and -_INT_LIMIT < value < _INT_LIMIT:
        return Decimal(value)
    return value


def to_amount(value: Decimal | int | str) -> Decimal:
    """:func:`to_decimal` for a required amount (a named function, as attrs' mypy plugin needs)."""
    return to_decimal(value)  # type: ignore[no-any-return]


def to_figure(value: Any) -> Any:
    """:func:`to_decimal` for a figure that is no money (a fraction, a share, a weight).

    A finite float is taken too, through its shortest repr, so that ``0.1``
    becomes ``Decimal("0.1")`` rather than the binary float's 55 digits: such
    figures are estimates and proportions, where nobody loses a cent.
    NaN and infinities are left for the check to name.
    """
    if isinstance(value, float) and math.isfinite(value):
        # float.__repr__ rather than repr(): a subclass may show something else.
        return Decimal(float.__repr__(value))
    return to_decimal(value)


def to_optional_figure(value: Decimal | float | str | None) -> Decimal | None:
    """:func:`to_figure` for an optional figure such as ``Customer.growth_potential``."""
    return to_figure(value)  # type: ignore[no-any-return]


#: The converters that are :func:`to_decimal` under another signature: generated structure
#: code reads a plain decimal string in place rather than calling them.
DECIMAL_CONVERTERS: Final[frozenset[Callable[..., Any]]] = frozenset(
    {to_decimal, to_amount, to_figure, to_optional_figure}
)


#: The converters of :data:`DECIMAL_CONVERTERS` that take a float too: figures, not money.
FIGURE_CONVERTERS: Final[frozenset[Callable[..., Any]]] = frozenset(
    {to_figure, to_optional_figure}
)


_LONG: Final = template(
    "long_number", "got a number of {length} characters; expected at most {limit}"
)
_BIG: Final = template(
    "big_number", "got a whole number of more than {limit} digits; expected at most {limit}"
)
_WIDE: Final = template(
    "wide_number", "got {got:message}, {width} characters written out; expected at most {limit}"
)


def too_long(value: Any) -> dict[str, Any] | None:
    """Why a decimal string or int is too long to read (a message), or None."""
    if type(value) is str and len(value) > MAX_DECIMAL_CHARS and DECIMAL_TEXT.match(value):
        return said(_LONG, length=len(value), limit=MAX_DECIMAL_CHARS)
    if type(value) is int and not -_INT_LIMIT < value < _INT_LIMIT:
        return said(_BIG, limit=30)
    return None


def wire_width(value: Decimal) -> int:
    """How many characters ``format(value, "f")`` writes, without writing them.

    A Decimal built in Python can carry any exponent (``Decimal("1E+999999")``):
    counting from its digits and exponent costs the same for every value.
    """
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # NaN and infinities: no digits to write
        return 0
    if exponent >= 0:
        # A zero is written "0" whatever its exponent; any other value in full.
        return sign + (1 if not any(digits) else len(digits) + exponent)
    places = -exponent
    return sign + max(len(digits) - places, 1) + 1 + places


def too_wide(value: Decimal) -> dict[str, Any] | None:
    """Why a Decimal given as it is is wider than the wire carries (a message), or None.

    The wire writes a Decimal with ``format(d, "f")`` and reads back at most
    :data:`MAX_DECIMAL_CHARS` characters: what is wider could be accepted once
    and never read again. The model holds such values (a product of two long
    amounts); only what is read from outside is held to the wire's width.
    """
    width = wire_width(value)
    if width <= MAX_DECIMAL_CHARS:
        return None
    return said(_WIDE, got=shown(value), width=width, limit=MAX_DECIMAL_CHARS)


@attrs.frozen
class Rejected:
    """What a converter returns for a value it tried to build and could not.

    The checker reports the carried errors under the field's path, so a bad
    nested value is named alongside every other problem of the object.
    """

    errors: tuple[ErrorItem, ...]
