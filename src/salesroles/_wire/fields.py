"""How each model class appears on the wire: its fields, their shapes and expectations.

The structure and unstructure functions and the JSON Schema are all derived
from these descriptions, read once per class from its attrs fields and type
hints, so that the three can never disagree about a field.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from salesroles._model.cadence import Cadence
from salesroles._model.messages import ONE_OF, phrase, said, template
from salesroles._model.messages import unknown_key as unknown_key_item
from salesroles._model.portfolio import Portfolio
from salesroles._model.rates import ExchangeRates
from salesroles._model.validation import (
    AMOUNT,
    BOOLEAN,
    CHECK,
    CONSTRAINT,
    DATE,
    FIGURE,
    STRING,
    WHOLE_NUMBER,
    Checked,
    check_amount,
    field_check,
)
from salesroles._model.values import Money

if typing.TYPE_CHECKING:
    from salesroles.exceptions import ErrorItem

FieldCheck = typing.Callable[[Any, str, "list[ErrorItem]"], None]


Constraint = typing.Callable[[Any], "ErrorItem | None"]


#: The shape of a field on the wire.
LEAF: Final = "leaf"


OBJECT: Final = "object"


OBJECTS: Final = "objects"


_CADENCE_EXAMPLE: Final = '"FREQ=MONTHLY;BYDAY=+1TU"'


def is_enum(cls: object) -> bool:
    """Whether *cls* is an enumeration class."""
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def is_object(hint: Any) -> bool:
    """Whether values of *hint* are JSON objects on the wire (a Cadence is a string)."""
    return isinstance(hint, type) and issubclass(hint, Checked) and hint is not Cadence


@attrs.frozen
class WireField:
    """How one attribute of a model class appears on the wire.

    Attributes:
        name: The key, equal to the attribute's name.
        hint: The declared type without ``None`` (``tuple[X, ...]`` kept).
        item: The element type of a tuple, else *hint*.
        shape: ``"leaf"``, ``"object"`` (a nested class) or ``"objects"`` (a list of them).
        required: Whether the key must be present.
        default: The value when the key is left out or ``null``.
        converter: The attribute's soft converter, if any.
        check: The attribute's check, as the model runs it.
        constraint: The attribute's extra constraint (bounds, currency), if any.
    """

    name: str
    hint: Any
    item: Any
    shape: str
    required: bool
    default: Any
    converter: Callable[[Any], Any] | None
    check: FieldCheck
    constraint: Constraint | None

    @property
    def always(self) -> bool:
        """Whether the field is always written (it is never a None left out)."""
        return self.required or self.default is not None

    @property
    def empty(self) -> Any:
        """What stands for the field in a partly read object when it cannot be read."""
        return () if typing.get_origin(self.hint) is tuple else None


_FIELDS: dict[type, tuple[WireField, ...]] = {}


def wire_fields(cls: type) -> tuple[WireField, ...]:
    """Return the wire fields of a model class, in declaration order (cached)."""
    found = _FIELDS.get(cls)
    if found is not None:
        return found
    hints = typing.get_type_hints(cls)
    fields = []
    for a in attrs.fields(cls):
        if not a.init:  # pragma: no cover - every model attribute is an init argument
            continue
        hint = hints[a.name]
        if typing.get_origin(hint) in (typing.Union, types.UnionType):
            hint = next(h for h in typing.get_args(hint) if h is not type(None))
        item = typing.get_args(hint)[0] if typing.get_origin(hint) is tuple else hint
        shape = (OBJECTS if item is not hint else OBJECT) if is_object(item) else LEAF
        required = a.default is attrs.NOTHING
        fields.append(
            WireField(
                name=a.name,
                hint=hint,
                item=item,
                shape=shape,
                required=required,
                default=None if required else a.default,
                converter=a.converter,
                check=a.metadata.get(CHECK) or field_check(hints[a.name]),
                constraint=a.metadata.get(CONSTRAINT),
            )
        )
    _FIELDS[cls] = result = tuple(fields)
    return result


def wire_classes() -> tuple[type, ...]:
    """Return every class with an object form on the wire, :class:`Portfolio` first.

    Exchange rates travel beside a portfolio (an analysis' ``rates=``), not in it.
    """
    seen: dict[type, None] = {}

    def visit(cls: type) -> None:
        if cls in seen:
            return
        seen[cls] = None
        for f in wire_fields(cls):
            if f.shape != LEAF:
                visit(f.item)

    visit(Portfolio)
    visit(ExchangeRates)
    return tuple(seen)


_LIST_OF: Final = template("expected.list_of", "a list of {items}")
#: What a cadence expects: ``an RFC 5545 recurrence rule as a string like "FREQ=…"``.
CADENCE: Final = said(
    template("expected.cadence", "an RFC 5545 recurrence rule as a string like {example}"),
    example=_CADENCE_EXAMPLE,
)
_MONEY: Final = phrase("expected.money", 'an object like {{"amount": "12.50", "currency": "EUR"}}')
_PERIOD: Final = phrase(
    "expected.period", 'an object like {{"start": "2026-01-01", "end": "2026-12-31"}}'
)
_OBJECT: Final = template("expected.object", "an object ({cls:a})")
#: A collection that must be a list: ``got an object; expected a list of objects``.
LIST_OF_OBJECTS: Final = phrase("expected.objects", "a list of objects")


def expectation(f: WireField) -> dict[str, Any]:
    """Say what a field expects, for messages (``a date written YYYY-MM-DD``)."""
    item = f.item
    if f.shape == OBJECTS or (f.shape == LEAF and item is not f.hint):  # pragma: no cover
        # No list is required today; only a required field is ever reported missing.
        return LIST_OF_OBJECTS if f.shape == OBJECTS else said(_LIST_OF, items="strings")
    if f.shape == OBJECT:
        return object_expectation(item)
    if item is Cadence:
        return CADENCE
    if isinstance(item, type) and issubclass(item, enum.Enum):
        return said(ONE_OF, values=[m.value for m in item])
    if item is Decimal:  # a Decimal that is money takes no float
        return AMOUNT if f.check is check_amount else FIGURE
    simple = {str: STRING, int: WHOLE_NUMBER, bool: BOOLEAN, date: DATE}
    return simple[item]


def object_expectation(cls: type) -> dict[str, Any]:
    """Say what an object field expects: Money and Period by example, others by class."""
    if cls is Money:
        return _MONEY
    if cls.__name__ == "Period":
        return _PERIOD
    return said(_OBJECT, cls=cls.__name__)


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def field_names(cls: type) -> frozenset[str]:
    found = _FIELD_NAMES.get(cls)
    if found is None:
        found = _FIELD_NAMES[cls] = frozenset(f.name for f in wire_fields(cls))
    return found


def unknown_key(key: object, cls: type) -> ErrorItem:
    """A key that is no field of *cls*: ``unknown_key``, naming the nearest field."""
    # The keys a document may hold: fields that __init__ takes.
    if attrs.has(cls):
        names = [a.name for a in attrs.fields(cls) if a.init]
    else:  # a dataclass of the user's, on our converter
        names = [f.name for f in dataclasses.fields(cls) if f.init]
    return unknown_key_item(key, names, cls)
