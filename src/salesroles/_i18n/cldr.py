"""The formats of :mod:`.formats` by babel and CLDR: imported only with ``salesroles[i18n]``.

Each function takes the locale's own CLDR pattern and sets only the number of
decimals, so grouping, symbols and their places follow the region.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from babel import Locale, dates, numbers

if TYPE_CHECKING:
    from datetime import date
    from decimal import Decimal

__all__ = ["format_date", "format_decimal", "format_money", "format_percent"]

# The last integer digit of a pattern and its decimals, if any: '#,##0.00 ¤' -> '0.00'.
_DIGITS: Final = re.compile(r"0(?:\.[0#]*)?(?=[^0#,.]|$)")


def _with_places(pattern: str, places: int) -> str:
    decimals = "." + "0" * places if places else ""
    return ";".join(_DIGITS.sub("0" + decimals, part, count=1) for part in pattern.split(";"))


def format_decimal(value: Decimal, places: int, tag: str) -> str:
    """*value* by the locale's decimal pattern with *places* decimals."""
    pattern = Locale.parse(tag).decimal_formats[None].pattern
    return numbers.format_decimal(value, format=_with_places(pattern, places), locale=tag)


def format_percent(share: Decimal, places: int, tag: str) -> str:
    """*share* by the locale's percent pattern with *places* decimals."""
    pattern = Locale.parse(tag).percent_formats[None].pattern
    return numbers.format_percent(share, format=_with_places(pattern, places), locale=tag)


def format_money(value: Decimal, currency: str, places: int, tag: str) -> str:
    """*value* of *currency* by the locale's standard currency pattern with *places* decimals."""
    pattern = Locale.parse(tag).currency_formats["standard"].pattern
    return numbers.format_currency(
        value, currency, format=_with_places(pattern, places), locale=tag, currency_digits=False
    )


def format_date(day: date, tag: str) -> str:
    """*day* in the locale's medium date format."""
    return dates.format_date(day, "medium", locale=tag)
