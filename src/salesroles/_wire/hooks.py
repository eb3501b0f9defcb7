"""The library's own cattrs converter: strict hooks for primitive types, and one per model class.

It is never ``cattrs.global_converter``. Users register hooks for their own
classes on it; the strict hooks make sure their classes are read as
strictly as ours (no ``int(x)``, ``str(x)`` or iterating a string).
"""

from __future__ import annotations

import enum
import typing
from datetime import date
from decimal import Decimal
from typing import Any, Final

import cattrs
from cattrs.cols import (
    homogenous_tuple_structure_factory,
    is_any_set,
    is_frozenset,
    is_mapping,
    is_mutable_sequence,
    is_sequence,
    list_structure_factory,
    mapping_structure_factory,
)

from salesroles._model.cadence import Cadence
from salesroles._model.converters import to_date, to_decimal, too_wide
from salesroles._model.messages import phrase, placed, problem
from salesroles._model.validation import (
    ANY_OBJECT,
    BOOLEAN,
    LIST,
    STRING,
    WHOLE_NUMBER,
    field_check,
)
from salesroles.exceptions import ValidationError

from .fields import wire_classes
from .results import has_own_form, is_result, write
from .structure import _checked, structure_cadence, structure_enum, structure_object
from .unstructure import cadence_rule, enum_value, format_decimal, unstructure_function

if typing.TYPE_CHECKING:
    from collections.abc import Callable


_NUMBER: Final = phrase("expected.number", "a number")


def _strict(expected: type, what: dict[str, Any]) -> Callable[[Any, type], Any]:
    def hook(value: Any, _: type) -> Any:
        if type(value) is not expected:
            raise problem("", value, what)
        return value

    return hook


def _structure_float(value: Any, _: type) -> float:
    if type(value) is float or type(value) is int:
        return float(value)
    if isinstance(value, float):  # a JSON float read by structure_json
        return float(value)
    raise problem("", value, _NUMBER)


def _structure_decimal(value: Any, _: type) -> Decimal:
    # A plain Decimal of the user's may be money: a float is refused (float_decimal).
    number: Decimal = _checked(field_check(Decimal), to_decimal(value))
    wide = too_wide(number)
    if wide is not None:  # given in Python, and wider than unstructure writes readably
        raise ValidationError([placed("", "out_of_range", wide)])
    return number


def _structure_date(value: Any, _: type) -> date:
    return _checked(field_check(date), to_date(value))  # type: ignore[no-any-return]


def _sequence_factory(cl: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = (
        list_structure_factory(cl, conv)
        if is_mutable_sequence(cl)
        else homogenous_tuple_structure_factory(cl, conv)
    )

    def hook(value: Any, t: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise problem("", value, LIST)
        return inner(value, t)

    return hook


def _set_factory(cl: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    # JSON has no sets: a set arrives as a list, never as a string to iterate.
    args = typing.get_args(cl)
    element = args[0] if args else Any
    frozen = is_frozenset(cl)

    def hook(value: Any, _: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise problem("", value, LIST)
        items = conv.structure(value, list[element])  # type: ignore[valid-type]
        return frozenset(items) if frozen else set(items)

    return hook


def _mapping_factory(cl: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = mapping_structure_factory(cl, conv)

    def hook(value: Any, t: Any) -> Any:
        if not isinstance(value, dict):
            raise problem("", value, ANY_OBJECT)
        return inner(value, t)

    return hook


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _strict(str, STRING))
    conv.register_structure_hook(int, _strict(int, WHOLE_NUMBER))
    conv.register_structure_hook(bool, _strict(bool, BOOLEAN))
    conv.register_structure_hook(float, _structure_float)
    # cattrs dispatches on the class first: a StrEnum is a str, an IntEnum an int.
    for base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        conv.register_structure_hook(base, structure_enum)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_unstructure_hook(Decimal, format_decimal)
    for base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        conv.register_unstructure_hook(base, enum_value)
    conv.register_structure_hook_factory(is_sequence, _sequence_factory)
    conv.register_structure_hook_factory(is_any_set, _set_factory)
    conv.register_structure_hook_factory(is_mapping, _mapping_factory)
    conv.register_structure_hook(Cadence, structure_cadence)
    conv.register_unstructure_hook(Cadence, cadence_rule)
    for cls in wire_classes():
        conv.register_structure_hook(cls, _model_hook)
        conv.register_unstructure_hook(cls, unstructure_function(cls))
    # Reports and results inside a class of the user's: written as unstructure writes them.
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and (is_result(t) or has_own_form(t)), write
    )
    return conv


def _model_hook(data: Any, cls: type) -> Any:
    return structure_object(data, cls, True)  # noqa: FBT003


def _lenient_model_hook(data: Any, cls: type) -> Any:
    return structure_object(data, cls, False)  # noqa: FBT003


def lenient_converter() -> cattrs.Converter:
    """A copy of :func:`converter` that ignores unknown keys, in users' classes and ours.

    Made for each call (about 0.3 ms), so that hooks registered since count.
    """
    conv = converter().copy(forbid_extra_keys=False)
    for cls in wire_classes():
        conv.register_structure_hook(cls, _lenient_model_hook)
    return conv


_CONVERTER: cattrs.Converter | None = None


def converter() -> cattrs.Converter:
    """Return the library's own :class:`cattrs.Converter`.

    It holds the hooks of every salesroles class and strict hooks for
    ``str``, ``int``, ``bool``, ``float``, ``Decimal``, ``date``, enums and
    lists (no ``int(x)``, ``str(x)`` or iterating a string), and refuses
    unknown keys. Register hooks for your own types on it to structure
    documents that embed salesroles objects. It is never
    ``cattrs.global_converter``, so using salesroles changes nothing in your
    application's converters.

    >>> from salesroles import Money, converter
    >>> converter().structure([{"amount": "9.90", "currency": "EUR"}], list[Money])
    [Money(amount=Decimal('9.90'), currency='EUR')]
    >>> converter() is converter()
    True

    The service how-to shows a class of your own that embeds a portfolio.
    """
    global _CONVERTER  # noqa: PLW0603 - built once, on first use
    if _CONVERTER is None:
        _CONVERTER = _make_converter()
    return _CONVERTER
