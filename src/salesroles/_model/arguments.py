"""Readers of the arguments public functions take: one per kind, one message and code each.

``check(as_of="soon")``, ``plan_attainment(portfolio, "soon")`` and
``Scenario.compare(as_of="soon")`` must answer alike, so every function reads
a day, a count, a share, an id or an instance through the reader here. Each
returns the value it read or raises a one-problem
:class:`~salesroles.ValidationError` naming the argument; :func:`gather` runs
several and raises once with every problem.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final, TypeVar

from salesroles.exceptions import ErrorItem, ValidationError

from .converters import to_date, to_figure
from .messages import enum_refusal, phrase, problem, said, template, wrong
from .validation import DATE, DAY_ONLY, INSTANCE, check_figure

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = [
    "gather",
    "instance_of",
    "or_none",
    "read_count",
    "read_day",
    "read_each",
    "read_enum",
    "read_id",
    "read_instance",
    "read_optional_count",
    "read_optional_day",
    "read_share",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

#: What every day argument expects: the wire's own wording.
DAY_EXPECTED: Final = DATE

#: What an id argument expects, unless the caller says more.
AN_ID: Final = phrase("expected.id", "an id (a string)")
#: What a list of ids expects.
IDS: Final = phrase("expected.ids", "a list of ids")
_OR_NONE: Final = template("expected.or_none", "{what:message} or None")
_LIST_EACH: Final = template("expected.list_each", "a list, each {what:message}")
_COUNT: Final = phrase("expected.count", "a whole number above 0")
_COUNT_OR_NONE: Final = phrase(
    "expected.count_or_none", "a whole number above 0 or None for no limit"
)
_SHARE: Final = phrase("expected.share_arg", "a number from 0 to 1, like 0.5")
_SHARE_BELOW_ONE: Final = phrase(
    "expected.share_below_one", "a number from 0 up to but not including 1, like 0.5"
)


def or_none(what: dict[str, Any]) -> dict[str, Any]:
    """*what*, or None: ``a Portfolio or None``."""
    return said(_OR_NONE, what=what)


def instance_of(cls: type) -> dict[str, Any]:
    """What an argument of class *cls* expects: ``a Portfolio``."""
    return said(INSTANCE, cls=cls.__name__)


def read_day(value: object, path: str) -> date:
    """*value* as a date: a date, or the ISO text ``YYYY-MM-DD``; code ``invalid_date`` else.

    >>> read_day("2026-11-27", "as_of")
    datetime.date(2026, 11, 27)
    >>> read_day("soon", "as_of")
    Traceback (most recent call last):
    ...
    salesroles.exceptions.ValidationError: as_of: got 'soon'; expected a date written YYYY-MM-DD
    """
    day = to_date(value)
    if type(day) is date:
        return day
    if isinstance(day, datetime):
        raise problem(path, day, DAY_ONLY, "invalid_date")
    raise problem(path, value, DAY_EXPECTED, "invalid_date")


def read_optional_day(value: object, path: str) -> date | None:
    """:func:`read_day`, with None passed through (for "default to the portfolio's as_of")."""
    return None if value is None else read_day(value, path)


def read_instance(
    value: object, cls: type[T], path: str, expected: dict[str, Any] | None = None
) -> T:
    """*value* if it is a *cls*; else code ``invalid_type``, saying *expected* (``a <cls>``)."""
    if not isinstance(value, cls):
        raise problem(path, value, instance_of(cls) if expected is None else expected)
    return value


def read_id(value: object, path: str, expected: dict[str, Any] = AN_ID) -> str:
    """*value* if it is a string (an id); else code ``invalid_type``."""
    if type(value) is not str:
        raise problem(path, value, expected)
    return value


def read_each(
    value: object,
    cls: type[T],
    path: str,
    expected: dict[str, Any] | None = None,
    whole: dict[str, Any] | None = None,
) -> tuple[T, ...]:
    """The items of iterable *value*, each a *cls* (*expected*); else every wrong one is named.

    A string is no list of items here, though Python iterates it; *whole* says
    what the argument as a whole expects (``a list, each <expected>`` by default).
    """
    each = instance_of(cls) if expected is None else expected
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise problem(path, value, whole or said(_LIST_EACH, what=each))
    items = tuple(value)
    problems = [
        wrong(f"{path}[{i}]", x, each) for i, x in enumerate(items) if not isinstance(x, cls)
    ]
    if problems:
        raise ValidationError(problems)
    return items


def read_count(value: object, path: str) -> int:
    """*value* if it is a whole number above 0; code ``out_of_range`` else."""
    if type(value) is not int or value < 1:
        raise problem(path, value, _COUNT, "out_of_range")
    return value


def read_optional_count(value: object, path: str) -> int | None:
    """:func:`read_count`, or None for no limit."""
    if value is None:
        return None
    if type(value) is not int or value < 1:
        raise problem(path, value, _COUNT_OR_NONE, "out_of_range")
    return value


def read_share(value: object, path: str, *, below_one: bool = False) -> Decimal:
    """*value* as a Decimal from 0 to 1 (below 1 with *below_one*).

    An int, a float, a Decimal or a decimal string alike, converted exactly
    (a float through its shortest repr: ``0.5`` is ``Decimal("0.5")``), as
    every figure that is no money. Code ``out_of_range`` outside the bounds,
    for NaN and infinities; ``invalid_decimal`` for what is no number.

    >>> read_share(0.1, "threshold"), read_share("0.25", "threshold")
    (Decimal('0.1'), Decimal('0.25'))
    >>> read_share(1.5, "threshold")
    Traceback (most recent call last):
    ...
    salesroles.exceptions.ValidationError: threshold: got the float 1.5; expected a number from 0 to 1, like 0.5
    """  # noqa: E501
    number = to_figure(value)
    out: list[ErrorItem] = []
    check_figure(number, path, out)
    if out:
        raise ValidationError(out)
    if number >= 0 and (number < 1 if below_one else number <= 1):
        return number  # type: ignore[no-any-return]
    raise problem(path, value, _SHARE_BELOW_ONE if below_one else _SHARE, "out_of_range")


def read_enum(value: object, cls: type[E], path: str) -> E:
    """*value* as a member of enumeration *cls*: a member, or its value.

    A value of the wrong type is ``invalid_type``, one that is no value
    ``invalid_enum`` with the nearest allowed one when one is close: the
    wire's own words for an enumeration field.

    >>> from salesroles._model.enums import Role
    >>> read_enum("sales_rep", Role, "role")
    <Role.SALES_REP: 'sales_rep'>
    >>> read_enum("sales_rap", Role, "role")
    Traceback (most recent call last):
    ...
    salesroles.exceptions.ValidationError: role: got 'sales_rap'; expected one of 'account_manager', 'sales_rep', 'sales_manager', 'sales_coordinator', 'marketing'; did you mean 'sales_rep'?
    """  # noqa: E501
    if type(value) is cls:
        return value
    member = cls._value2member_map_.get(value) if isinstance(value, str | int) else None
    if member is not None and type(value) is type(member.value):
        return member  # type: ignore[return-value]
    raise ValidationError([enum_refusal(path, value, cls)])


def gather(*reads: Callable[[], object]) -> None:
    """Run every read; raise one :class:`~salesroles.ValidationError` with all their problems."""
    problems: list[ErrorItem] = []
    for read in reads:
        try:
            read()
        except ValidationError as e:
            problems.extend(e.errors)
    if problems:
        raise ValidationError(problems)
