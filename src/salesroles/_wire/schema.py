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

import collections.abc
import enum
import inspect
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any, Final, cast

import attrs

from salesroles._model.cadence import Cadence
from salesroles._model.converters import MAX_DECIMAL_CHARS
from salesroles._model.iso4217 import CURRENCIES, PUBLISHED
from salesroles._model.planning import CommunicationPlan
from salesroles._model.validation import check_amount

from .fields import LEAF, OBJECTS, WireField, is_enum, is_object, wire_fields

__all__ = ["COMPONENTS_TEMPLATE", "DEFS_TEMPLATE", "json_schema", "openapi_components"]

_DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
#: Where a standalone schema keeps the classes it refers to.
DEFS_TEMPLATE: Final = "#/$defs/{model}"
#: Where an OpenAPI document keeps them.
COMPONENTS_TEMPLATE: Final = "#/components/schemas/{model}"

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
    # One schema with a type array rather than anyOf: ``pattern`` and ``maxLength`` judge only
    # strings, ``minimum`` and ``maximum`` only numbers, and a validator names the one that fails.
    return {
        "description": description,
        "type": ["string", "integer"],
        "pattern": _DECIMAL_PATTERN,
        "maxLength": MAX_DECIMAL_CHARS,
        "minimum": 1 - 10**30,
        "maximum": 10**30 - 1,
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
                **_fraction_pattern(negative=True),
                **_number_range(-1, 1),
                "type": ["string", "number"],
            }
        if kind == "share":
            return {
                "description": "A share from 0 to 1, a number or a decimal string "
                '(0.4 or "0.4" means 40 %).',
                **_fraction_pattern(negative=False),
                **_number_range(0, 1),
                "type": ["string", "number"],
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


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """*schema* that also takes ``null``.

    Written as ``"type": [..., "null"]`` (draft 2020-12, OpenAPI 3.1), so that a
    validator judges the rest of it and points at the bad item inside; a schema
    without a type (a union) gets ``anyOf``.
    """
    if "type" not in schema:
        options = schema["anyOf"] if list(schema) == ["anyOf"] else [schema]
        return {"anyOf": [*options, {"type": "null"}]}
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    result = schema | {"type": [*kinds, "null"]}
    if "enum" in schema:
        result["enum"] = [*schema["enum"], None]
    return result


def _object(cls: type, defs: Definitions) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in wire_fields(cls):
        if f.shape == LEAF:
            schema = _leaf(f, f.check)
        else:
            ref = defs.ref(f.item)
            schema = {"type": "array", "items": ref} if f.shape == OBJECTS else ref
        if f.required:
            required.append(f.name)
        else:
            # Optional: left out or null mean the same (the default).
            schema = nullable(schema)
        properties[f.name] = schema
    return _described(cls, properties, required)


def _described(cls: type, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    doc = inspect.getdoc(cls) or ""
    result: dict[str, Any] = {"type": "object", "title": cls.__name__}
    if doc:
        result["description"] = doc.split("\n\n")[0].replace("\n", " ")
    result |= {"properties": properties, "required": required, "additionalProperties": False}
    return result


class Definitions:
    """The named schemas of one document, and the form of a reference to each.

    *ref_template* holds ``{model}``, the class's name: ``"#/$defs/{model}"``
    for a standalone schema, ``"#/components/schemas/{model}"`` for OpenAPI.
    """

    def __init__(self, ref_template: str) -> None:
        self.ref_template = ref_template
        self.schemas: dict[str, dict[str, Any]] = {}
        self._classes: dict[str, type] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        """A reference to the schema of *cls*, defined here first if it is new.

        The reference says the type (``object``) and the definition does not, so that an
        optional one reads ``{"type": ["object", "null"], "$ref": ...}``: a validator then
        judges the object's keys at their own paths, where ``anyOf`` of the reference
        and null would report one opaque error on the whole object.
        """
        self.define(cls)
        return {"type": "object", "$ref": self.ref_template.format(model=cls.__name__)}

    def define(self, cls: type) -> None:
        """Define the schema of *cls* and of every class it refers to, once each."""
        name = cls.__name__
        known = self._classes.get(name)
        if known is cls:
            return
        if known is not None:
            raise TypeError(
                f"two classes are called {name!r} ({known.__module__} and {cls.__module__}); "
                "a document can name only one of them"
            )
        self._classes[name] = cls
        self.schemas[name] = {}  # reserve the name before recursing
        schema = self._build(cls)
        schema.pop("type", None)  # said where it is referred to (see ref)
        self.schemas[name] = schema

    def _build(self, cls: type) -> dict[str, Any]:
        if is_object(cls):
            return _object(cls, self)
        own = getattr(cls, "__wire_schema__", None)
        if own is not None:  # a class with a wire form of its own, such as Policy
            return cast("dict[str, Any]", own())
        if attrs.has(cls):
            return _attrs_object(cls, self)
        raise _no_schema(cls)


def _no_schema(what: object) -> TypeError:
    return TypeError(
        f"no JSON Schema for {what!r}: expected a class of salesroles, an attrs class, "
        "or a type built of them"
    )


# Names that modules import for type checking only, so that annotations naming them resolve.
_ANNOTATION_NAMES: Final = {
    name: getattr(collections.abc, name) for name in collections.abc.__all__
}


def annotations_of(cls: type) -> dict[str, Any]:
    """The resolved type hints of an attrs class, whose module may import some names lazily."""
    return typing.get_type_hints(cls, localns=_ANNOTATION_NAMES)


def _attrs_object(cls: type, defs: Definitions) -> dict[str, Any]:
    """Any attrs class, from its type hints: a result of salesroles, or a class of yours.

    A result of salesroles is written with every key (``null`` for None), so every key is
    required; a class of yours requires the keys whose field has no default.
    """
    hints = annotations_of(cls)
    ours = cls.__module__.startswith("salesroles.")
    properties: dict[str, Any] = {}
    required: list[str] = []
    for a in attrs.fields(cls):
        if not a.init:  # pragma: no cover - every field of a result is an init argument
            continue
        properties[a.name] = hint_schema(hints[a.name], defs)
        if ours or a.default is attrs.NOTHING:
            required.append(a.name)
    return _described(cls, properties, required)


_PLAIN: Final[dict[Any, dict[str, Any]]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    float: {"type": "number"},
    type(None): {"type": "null"},
    Decimal: {"type": "string", "pattern": _DECIMAL_PATTERN},
    date: {"type": "string", "format": "date", "pattern": _DATE["pattern"]},
    Cadence: {"type": "string", "minLength": 1},
    Any: {},
}


def hint_schema(hint: Any, defs: Definitions) -> dict[str, Any]:  # noqa: PLR0911 - one per kind
    """The schema of the values of a type hint, as :func:`~salesroles.unstructure` writes them."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in _PLAIN:
        return dict(_PLAIN[hint])
    if origin in (typing.Union, types.UnionType):
        options = [hint_schema(a, defs) for a in args if a is not type(None)]
        schema = options[0] if len(options) == 1 else {"anyOf": options}
        return nullable(schema) if type(None) in args else schema
    if is_enum(hint):
        return {"type": "string", "enum": [m.value for m in hint]}
    if origin is tuple and args and args[-1] is not ...:  # a pair, such as (role, score)
        items = [hint_schema(a, defs) for a in args]
        return {"type": "array", "prefixItems": items, "items": False}
    if origin in (tuple, list, collections.abc.Sequence):
        return {"type": "array", "items": hint_schema(args[0] if args else Any, defs)}
    if origin in (frozenset, set, collections.abc.Set):
        return {"type": "array", "items": hint_schema(args[0], defs), "uniqueItems": True}
    if origin in (dict, collections.abc.Mapping):
        schema = {"type": "object", "additionalProperties": hint_schema(args[1], defs)}
        if is_enum(args[0]):
            schema["propertyNames"] = hint_schema(args[0], defs)
        return schema
    if isinstance(hint, type) and (is_object(hint) or attrs.has(hint)):
        return defs.ref(hint)
    raise _no_schema(hint)


def json_schema(cls: type, *, ref_template: str = DEFS_TEMPLATE) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the wire form of *cls*.

    *cls* is any public class of salesroles: :class:`~salesroles.Portfolio`,
    an entity, a value object, :class:`~salesroles.Cadence`, an enumeration,
    :class:`~salesroles.Policy` (the shape :meth:`~salesroles.Policy.from_dict`
    reads), or a result (:class:`~salesroles.Report`, :class:`~salesroles.Decision`,
    every analytics result), as :func:`~salesroles.unstructure` writes it. An
    attrs class of your own is described from its type hints.

    Nested classes are in ``$defs``, and references point there
    (``#/$defs/Money``). For an OpenAPI document, where schemas live under
    ``#/components/schemas``, use :func:`openapi_components`, or choose the
    form of the references with *ref_template* (``{model}`` is the class's
    name, as in pydantic). Optional keys take ``null`` by their type
    (``"type": ["string", "null"]``).

    The schema refuses what the validator refuses as far as a schema can tell:
    unknown keys, missing keys, wrong types, unknown enumeration values,
    malformed dates and decimals, bounds, currencies outside ISO 4217.
    References, unique ids, period order and recurrence rules are the
    library's own checks.

    Assert ``format: date`` (``jsonschema``'s ``FORMAT_CHECKER``) to refuse
    dates such as ``2026-02-30``. JSON Schema cannot tell ``4.0`` from ``4``:
    the schema takes ``4.0`` as an integer, the validator refuses the float.
    Fractions and shares take any JSON number, as the validator does (an
    amount takes none but an integer); the validator alone refuses one of
    more than 32 characters written out, and an object with a key twice.

    Raises:
        TypeError: *cls* is none of the above, or two classes it refers to
            share a name.

    >>> from salesroles import Money, Role
    >>> schema = json_schema(Money)
    >>> schema["required"], schema["additionalProperties"]
    (['amount', 'currency'], False)
    >>> json_schema(Role)["enum"][:2]
    ['account_manager', 'sales_rep']
    >>> json_schema(Money, ref_template="#/components/schemas/{model}")["title"]
    'Money'
    """
    header = {"$schema": _DRAFT}
    if is_enum(cls):
        values = [m.value for m in cast("type[enum.Enum]", cls)]
        return header | {"title": cls.__name__, "type": "string", "enum": values}
    if cls is Cadence:
        field = next(f for f in wire_fields(CommunicationPlan) if f.item is Cadence)
        return header | {"title": "Cadence"} | _leaf(field, field.check)
    defs = Definitions(ref_template)
    defs.define(cls)
    body = defs.schemas.pop(cls.__name__)
    result = header | {"type": "object"} | body
    if defs.schemas:
        result["$defs"] = defs.schemas
    return result


def openapi_components(*classes: type) -> dict[str, Any]:
    """Return the ``components/schemas`` entries of an OpenAPI 3.1 document for *classes*.

    Each class and every class it refers to gets one entry, named by the
    class, and references have the form ``#/components/schemas/<Name>``, so
    that they resolve inside the document (a schema from :func:`json_schema`
    pasted under a request body would point at ``#/$defs/...`` of the
    document's root, where nothing is). Merge the result into
    ``document["components"]["schemas"]``; ``salesroles.fastapi`` does it for
    you.

    An entry says no ``type``: each reference says ``"type": "object"`` (or
    ``["object", "null"]`` where the key is optional), so that validators judge
    an optional object's keys where they are. Refer to one the same way:
    ``{"type": "object", "$ref": "#/components/schemas/Portfolio"}``.

    >>> from salesroles import Money, Portfolio
    >>> schemas = openapi_components(Portfolio)
    >>> schemas["Portfolio"]["properties"]["customers"]["items"]
    {'type': 'object', '$ref': '#/components/schemas/Customer'}
    >>> "Money" in schemas
    True

    Raises:
        TypeError: A class has no object form on the wire (an enumeration,
            :class:`~salesroles.Cadence`: use :func:`json_schema`), or two
            classes share a name.
    """
    defs = Definitions(COMPONENTS_TEMPLATE)
    for cls in classes:
        if is_enum(cls) or cls is Cadence:
            raise TypeError(
                f"{cls.__name__} is a string on the wire, not an object; "
                "expected classes written as objects (json_schema describes it)"
            )
        defs.define(cls)
    return defs.schemas
