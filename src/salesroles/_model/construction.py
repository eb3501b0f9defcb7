"""Keyword arguments that do not fit a model class, every problem named at once.

attrs' generated ``__init__`` raises a plain :class:`TypeError` for the first
missing or unknown keyword argument only. :class:`CheckedMeta`, the metaclass
of every model class, lets that ``__init__`` run as it is and, only when it
raises a ``TypeError``, reads all the arguments again here: missing ones,
unknown ones (with "did you mean"), positional ones, and every value given,
converted and checked as the class itself does. The problems are raised as one
:class:`~salesroles.ValidationError`, with the codes and messages of
:func:`~salesroles.structure` and the argument's name as the path.

A successful construction never comes here: it costs one Python call more.
"""

from __future__ import annotations

import enum
import types
import typing
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from .converters import Rejected
from .messages import MISSING, ONE_OF, error_item, said, template, unknown_key
from .validation import (
    AMOUNT,
    BOOLEAN,
    CHECK,
    CONSTRAINT,
    DATE,
    FIGURE,
    INSTANCE,
    LIST,
    STRING,
    WHOLE_NUMBER,
    check_amount,
    field_check,
    invariant_problems,
)

if TYPE_CHECKING:
    from salesroles.exceptions import ErrorItem

__all__ = ["argument_problems", "expected_value", "unknown_argument"]

_POSITIONAL: Final = template(
    "positional_argument",
    "got {count} positional {count:plural:argument|arguments}; expected keyword arguments "
    "only, like {cls}({first}=...)",
)


def expected_value(field: attrs.Attribute[Any], hint: Any) -> dict[str, Any]:
    """What a required argument expects, in the wire's words (an object: its class)."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        hint = next(h for h in typing.get_args(hint) if h is not type(None))
    if typing.get_origin(hint) is tuple:
        return LIST
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return said(ONE_OF, values=[m.value for m in hint])
    if hint is Decimal:
        return AMOUNT if field.metadata.get(CHECK) is check_amount else FIGURE
    simple = {str: STRING, int: WHOLE_NUMBER, bool: BOOLEAN, date: DATE}
    if hint in simple:
        return simple[hint]
    return said(INSTANCE, cls=getattr(hint, "__name__", str(hint)))


def unknown_argument(key: str, names: list[str], cls: type) -> ErrorItem:
    """An argument that is no field: ``unknown_key``, worded as the wire words a key."""
    return unknown_key(key, names, cls)


def _check_value(field: attrs.Attribute[Any], hint: Any, value: Any, out: list[ErrorItem]) -> None:
    """Convert and check one argument as the class does; problems go to *out*."""
    if field.converter is not None:
        value = field.converter(value)  # type: ignore[operator]
    if type(value) is Rejected:
        out.extend(item.prefixed(field.name) for item in value.errors)
        return
    override = field.metadata.get(CHECK)
    before = len(out)
    if override is not None:
        if value is not None or typing.get_origin(hint) not in (typing.Union, types.UnionType):
            override(value, field.name, out)
    else:
        field_check(hint)(value, field.name, out)
    constraint = field.metadata.get(CONSTRAINT)
    if constraint is not None and value is not None and len(out) == before:
        refused = constraint(value)
        if refused is not None:
            out.append(refused.prefixed(field.name))


def argument_problems(
    cls: type[Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> list[ErrorItem]:
    """Every problem of calling *cls* with *args* and *kwargs*, in the order of its fields.

    Missing arguments first meet the values given, in field order; unknown
    ones follow, then the invariants that read only arguments that passed.
    """
    fields = [f for f in attrs.fields(cls) if f.init]
    hints = typing.get_type_hints(cls)
    names = [f.alias or f.name for f in fields]
    out: list[ErrorItem] = []
    if args:
        out.append(
            error_item(
                "",
                "positional_argument",
                _POSITIONAL,
                count=len(args),
                cls=cls.__name__,
                first=names[0],
            )
        )
    failed: set[str] = set()
    values: dict[str, Any] = {}
    for f, name in zip(fields, names, strict=True):
        if name not in kwargs:
            if f.default is not attrs.NOTHING:
                default = f.default
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    default = default.factory() if not default.takes_self else None
                values[f.name] = default
            else:
                out.append(
                    error_item(name, "missing", MISSING, expected=expected_value(f, hints[f.name]))
                )
                failed.add(f.name)
            continue
        before = len(out)
        _check_value(f, hints[f.name], kwargs[name], out)
        if len(out) > before:
            failed.add(f.name)
        else:
            values[f.name] = f.converter(kwargs[name]) if f.converter else kwargs[name]
    out.extend(unknown_argument(key, names, cls) for key in kwargs if key not in names)
    if out:
        # The invariants that read only good arguments, on an object that is never returned.
        partial = object.__new__(cls)
        for f in fields:
            object.__setattr__(partial, f.name, values.get(f.name))
        unread = {f.name for f in fields if f.name not in values}
        out.extend(invariant_problems(partial, failed | unread))
    return out
