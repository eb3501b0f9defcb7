"""Numbers, money, shares and days as a reader of the active locale expects them.

With babel installed (``pip install "salesroles[i18n]"``) every function
follows CLDR for the locale's region too (``de_CH``, ``en_IN``). Without it
the library formats ``en`` and ``de`` itself, the same way CLDR does for the
cases the tests cover; a region then changes nothing.

Values are rounded half to even where they are shown, and a value that
rounds to zero is shown without a sign (never ``-0.00``).
"""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, Final

from .locale import current_locale, language_of, read_locale

if TYPE_CHECKING:
    from datetime import date
    from types import ModuleType

__all__ = ["format_date", "format_decimal", "format_money", "format_percent", "rounded"]

# CLDR's symbols where en and de use one (others are shown by their code).
_SYMBOLS: Final[dict[str, dict[str, str]]] = {
    "en": {"AUD": "A$"},
    "de": {"AUD": "AU$"},
}
_COMMON_SYMBOLS: Final = {
    "EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CAD": "CA$", "CNY": "CN¥", "INR": "₹",
    "BRL": "R$", "HKD": "HK$", "NZD": "NZ$", "KRW": "₩", "MXN": "MX$", "ILS": "₪", "TWD": "NT$",
    "VND": "₫", "XXX": "¤",
}  # fmt: skip
_MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_NBSP: Final = "\xa0"


def rounded(value: Decimal | int, places: int) -> Decimal:
    """*value* rounded half to even to *places* decimals, a zero never negative."""
    exact = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return exact.copy_abs() if exact.is_zero() else exact


@functools.cache
def _babel() -> ModuleType | None:
    try:
        from . import cldr  # noqa: PLC0415 - only with the i18n extra
    except ImportError:
        return None
    return cldr


def _locale(locale: str | None) -> str:
    return current_locale() if locale is None else read_locale(locale)


def _plain(value: Decimal, places: int, language: str) -> str:
    text = format(value, f",.{places}f")
    return text.translate(str.maketrans(",.", ".,")) if language == "de" else text


def format_decimal(value: Decimal | int, places: int, *, locale: str | None = None) -> str:
    """*value* with *places* decimals and grouped thousands.

    >>> format_decimal(Decimal("1200000.5"), 2, locale="de")
    '1.200.000,50'
    >>> format_decimal(Decimal("-0.001"), 2, locale="en")
    '0.00'
    """
    tag, value = _locale(locale), rounded(value, places)
    if (cldr := _babel()) is not None:
        return cldr.format_decimal(value, places, tag)  # type: ignore[no-any-return]
    return _plain(value, places, language_of(tag))


def format_percent(share: Decimal | int, places: int = 1, *, locale: str | None = None) -> str:
    r"""A share (``0.58``) as a percentage with *places* decimals.

    >>> format_percent(Decimal("0.58"), locale="de")
    '58,0\xa0%'
    >>> format_percent(Decimal("0.58"), locale="en")
    '58.0%'
    """
    tag, percent = _locale(locale), rounded(Decimal(share) * 100, places)
    if (cldr := _babel()) is not None:
        return cldr.format_percent(percent / 100, places, tag)  # type: ignore[no-any-return]
    if language_of(tag) == "de":
        return _plain(percent, places, "de") + _NBSP + "%"
    return _plain(percent, places, "en") + "%"


def format_money(
    amount: Decimal | int, currency: str, places: int, *, locale: str | None = None
) -> str:
    r"""An amount of *currency* with *places* decimals (the currency's minor unit).

    >>> format_money(Decimal("1200000.5"), "EUR", 2, locale="de")
    '1.200.000,50\xa0€'
    >>> format_money(Decimal("-1234.5"), "EUR", 2, locale="en")
    '-€1,234.50'
    """
    tag, value = _locale(locale), rounded(amount, places)
    if (cldr := _babel()) is not None:
        return cldr.format_money(value, currency, places, tag)  # type: ignore[no-any-return]
    language = language_of(tag)
    symbol = _SYMBOLS[language].get(currency) or _COMMON_SYMBOLS.get(currency, currency)
    sign, number = ("-" if value < 0 else ""), _plain(abs(value), places, language)
    if language == "de":
        return f"{sign}{number}{_NBSP}{symbol}"
    return f"{sign}{symbol}{number}"


def format_date(day: date, *, locale: str | None = None) -> str:
    """A day in the locale's medium form.

    >>> from datetime import date
    >>> format_date(date(2026, 11, 27), locale="de"), format_date(date(2026, 11, 27), locale="en")
    ('27.11.2026', 'Nov 27, 2026')
    """
    tag = _locale(locale)
    if (cldr := _babel()) is not None:
        return cldr.format_date(day, tag)  # type: ignore[no-any-return]
    if language_of(tag) == "de":
        return f"{day.day:02}.{day.month:02}.{day.year}"
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
