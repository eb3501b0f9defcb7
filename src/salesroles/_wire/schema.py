"""JSON Schema (draft 2020-12) of the wire format, derived from the model itself.

The schema is built from the same field descriptions the converter uses
(:func:`salesroles._wire.fields.wire_fields`), so it cannot drift from what
:func:`~salesroles.structure` accepts. What a schema can say, it says: types,
required keys, no unknown keys, enumerations, ISO dates, decimal strings,
bounds, currency codes. What it cannot say is checked by the library alone:
references between entities, unique ids, a period's end after its start, that
a recurrence rule parses, that a plan's targets share one currency, that no
object holds a key twice, and that a JSON number in a fraction is at most 32
characters written out (``1e-40`` is no fraction the wire can write back).
"""

from __future__ import annotations

import enum
import inspect
from datetime import date
from decimal import Decimal
from typing import Any, Final, cast

import attrs

from salesroles._model.cadence import Cadence
from salesroles._model.converters import MAX_DECIMAL_CHARS
from salesroles._model.iso4217 import CURRENCIES, PUBLISHED
from salesroles._model.planning import CommunicationPlan
from salesroles._model.validation import check_amount

from .fields import LEAF, OBJECTS, WireField, is_enum, wire_fields

__all__ = ["json_schema"]

_DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

# Patterns are anchored with ``(?!\n)$`` rather than ``$`` alone: in Python's ``re``
# (which the ``jsonschema`` package uses), ``$`` also matches before a final newline.
_END: Final = r"(?!\n)$"
# Text holds something besides white space. Lone UTF-16 surrogates, which the library
# refuses too, are left out: a pattern for them would refuse every emoji in a JavaScript
# validator that does not use the regex "u" flag.
_TEXT: Final = {"type": "string", "minLength": 1, "pattern": r"\S"}
_DATE: Final = {
    "type": "string",
    "format": "date",
    "minLength": 10,
    "maxLength": 10,
    "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}" + _END,
}
_DECIMAL_PATTERN: Final = r"^-?[0-9]+(\.[0-9]+)?" + _END
# A plain decimal above 0: a whole part that is not all zeros, or a fraction that is not.
_POSITIVE: Final = r"^0*([1-9][0-9]*(\.[0-9]+)?|0\.[0-9]*[1-9][0-9]*)" + _END


def _decimal(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [
            {"type": "string", "pattern": _DECIMAL_PATTERN, "maxLength": MAX_DECIMAL_CHARS},
            {"type": "integer", "minimum": 1 - 10**30, "maximum": 10**30 - 1},
        ],
    }


def _constraint(f: WireField) -> tuple[str, dict[str, Any]]:
    """Name and read the field's extra constraint: (kind, its closure's values)."""
    constraint = f.constraint
    if constraint is None:
        return "", {}
    kind = constraint.__qualname__.split(".")[0]
    return kind, dict(inspect.getclosurevars(constraint).nonlocals)


def _leaf(f: WireField, check: Any) -> dict[str, Any]:  # noqa: C901, PLR0911, PLR0912 - one schema per kind
    kind, values = _constraint(f)
    item = f.item
    if item is not f.hint:  # a list of plain values: the model has lists of ids
        return {"type": "array", "items": _leaf(_element(f), None)}
    if check is check_amount:
        return _decimal(
            'An exact amount: a decimal string like "1200000.00" (or an integer); '
            "floats are refused."
        )
    if kind == "currency":
        return {
            "type": "string",
            "enum": sorted(CURRENCIES),
            "description": f'An ISO 4217 currency code like "EUR" (List One of {PUBLISHED}).',
        }
    if item is str:
        return dict(_TEXT)
    if item is bool:
        return {"type": "boolean"}
    if item is int:
        schema: dict[str, Any] = {"type": "integer"}
        if kind == "bounded":
            schema |= {"minimum": values["low"], "maximum": values["high"]}
        return schema
    if item is date:
        return dict(_DATE)
    if item is Decimal:
        # A figure that is no money: a decimal string or any JSON number, floats included.
        if kind == "fraction":
            return {
                "description": "A fraction from -1 to 1, a number or a decimal string "
                '(0.22 or "0.22" means 22 %).',
                "anyOf": [_fraction_pattern(negative=True), _number_range(-1, 1)],
            }
        if kind == "share":
            return {
                "description": "A share from 0 to 1, a number or a decimal string "
                '(0.4 or "0.4" means 40 %).',
                "anyOf": [_fraction_pattern(negative=False), _number_range(0, 1)],
            }
        if kind == "positive":
            return {
                "description": 'A number above 0: a decimal string like "0.95" (or an integer); '
                "floats are refused.",
                "anyOf": [
                    {"type": "string", "pattern": _POSITIVE, "maxLength": MAX_DECIMAL_CHARS},
                    {"type": "integer", "minimum": 1, "maximum": 10**30 - 1},
                ],
            }
        return _decimal("A decimal string.")  # pragma: no cover - every Decimal is bounded
    if item is Cadence:
        return {
            "type": "string",
            "minLength": 1,
            "description": "An RFC 5545 recurrence rule, DAILY or slower, like "
            '"FREQ=MONTHLY;BYDAY=+1TU".',
        }
    if isinstance(item, type) and issubclass(item, enum.Enum):
        return {"type": "string", "enum": [m.value for m in item]}
    raise TypeError(f"no JSON Schema for field {f.name!r} of type {item!r}")  # pragma: no cover


def _number_range(low: int, high: int) -> dict[str, Any]:
    return {"type": "number", "minimum": low, "maximum": high}


def _fraction_pattern(*, negative: bool) -> dict[str, Any]:
    """A decimal string from -1 (or 0) to 1, leading zeros and trailing zeros allowed."""
    upto_one = r"0*(0(\.[0-9]+)?|1(\.0+)?)"
    text = {"type": "string", "maxLength": MAX_DECIMAL_CHARS}
    if negative:
        return text | {"pattern": rf"^-?{upto_one}{_END}"}
    # "-0" and "-0.00" are zero, which is a share.
    return text | {"pattern": rf"^(-0+(\.0+)?|{upto_one}){_END}"}


def _element(f: WireField) -> WireField:
    return attrs.evolve(f, hint=f.item, constraint=None)


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    description = schema.pop("description", None)
    result: dict[str, Any] = {"anyOf": [schema, {"type": "null"}]}
    if description:
        result["description"] = description
    return result


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in wire_fields(cls):
        if f.shape == LEAF:
            schema = _leaf(f, f.check)
        else:
            _define(f.item, defs)
            ref = {"$ref": f"#/$defs/{f.item.__name__}"}
            schema = {"type": "array", "items": ref} if f.shape == OBJECTS else ref
        if f.required:
            required.append(f.name)
        else:
            # Optional: left out or null mean the same (the default).
            schema = _nullable(schema)
        properties[f.name] = schema
    doc = inspect.getdoc(cls) or ""
    result: dict[str, Any] = {"type": "object", "title": cls.__name__}
    if doc:
        result["description"] = doc.split("\n\n")[0].replace("\n", " ")
    result |= {"properties": properties, "required": required, "additionalProperties": False}
    return result


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # reserve the name before recursing
    defs[cls.__name__] = _object(cls, defs)


def json_schema(cls: type) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the wire form of *cls*.

    *cls* is any public class of salesroles: :class:`~salesroles.Portfolio`,
    an entity, a value object, :class:`~salesroles.Cadence` or an enumeration.
    Nested classes are in ``$defs``. The schema refuses what the validator
    refuses as far as a schema can tell: unknown keys, missing keys, wrong
    types, unknown enumeration values, malformed dates and decimals, bounds.
    References, unique ids, period order and recurrence rules are the
    library's own checks. Paste it into an OpenAPI document as it is.

    Assert ``format: date`` (``jsonschema``'s ``FORMAT_CHECKER``) to refuse
    dates such as ``2026-02-30``. JSON Schema cannot tell ``4.0`` from ``4``:
    the schema takes ``4.0`` as an integer, the validator refuses the float.
    Fractions and shares take any JSON number, as the validator does (an
    amount takes none but an integer); the validator alone refuses one of
    more than 32 characters written out, and an object with a key twice.

    >>> from salesroles import Money, Role
    >>> schema = json_schema(Money)
    >>> schema["required"], schema["additionalProperties"]
    (['amount', 'currency'], False)
    >>> json_schema(Role)["enum"][:2]
    ['account_manager', 'sales_rep']
    """
    header = {"$schema": _DRAFT}
    if is_enum(cls):
        values = [m.value for m in cast("type[enum.Enum]", cls)]
        return header | {"title": cls.__name__, "type": "string", "enum": values}
    if cls is Cadence:
        field = next(f for f in wire_fields(CommunicationPlan) if f.item is Cadence)
        return header | {"title": "Cadence"} | _leaf(field, field.check)
    defs: dict[str, Any] = {}
    body = _object(cls, defs)
    result = header | body
    if defs:
        result["$defs"] = defs
    return result
