"""Results on the wire: any attrs class of salesroles written as JSON-ready data.

Reports, findings, decisions and every analytics and scenario result are
attrs classes the wire wing never imports (it sits below judging and
analytics), so they are written from their values, whatever class holds
them: decimals as strings with their exact digits, dates ``YYYY-MM-DD``,
enumerations their values, tuples and sets as lists, and every key present
(``null`` for None: a result says what it could not compute). The schema of
each follows from its type hints (:func:`salesroles._wire.schema.hint_schema`).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from .unstructure import format_decimal, unstructure_of

_PLAIN = (str, int, bool, float, type(None))


def has_own_form(cls: type) -> bool:
    """Whether *cls* says its wire form itself (``from_dict``, ``to_dict``, a schema)."""
    return hasattr(cls, "__wire_schema__")


def is_result(cls: type) -> bool:
    """Whether *cls* is an attrs class of salesroles that the model's wire does not cover."""
    return attrs.has(cls) and cls.__module__.startswith("salesroles.")


def write(value: Any) -> Any:  # noqa: C901, PLR0911 - one answer per kind of value
    """Return *value* as JSON-ready data."""
    known = unstructure_of(type(value))
    if known is not None:  # the model's classes, and a cadence
        return known(value)
    if type(value) in _PLAIN:
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [write(x) for x in value]
    if isinstance(value, frozenset | set):
        return _set(value)
    if isinstance(value, Mapping):
        return {write(k): write(v) for k, v in value.items()}
    if has_own_form(type(value)):
        return value.to_dict()
    if attrs.has(type(value)):
        return {a.name: write(getattr(value, a.name)) for a in attrs.fields(type(value)) if a.init}
    raise TypeError(f"no wire form for {type(value).__name__} objects")


def _set(items: frozenset[Any] | set[Any]) -> list[Any]:
    """A set as a list in a stable order: enumeration members in their class's order."""
    kinds = {type(x) for x in items}
    if len(kinds) == 1 and issubclass(next(iter(kinds)), enum.Enum):
        return [m.value for m in next(iter(kinds)) if m in items]
    return sorted((write(x) for x in items), key=str)
