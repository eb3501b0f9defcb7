"""JSON text written on msgspec, when the ``fast`` extra is installed (see :mod:`.codec`).

msgspec writes its own Struct classes far faster than Python joins text, but
it writes attrs classes with their keys sorted and every ``None`` kept. So
each wire class gets a Struct twin, its fields in declaration order, and a
generated function copies an object into its twin: msgspec then writes the
very bytes of :mod:`.text`. An optional field defaults to ``None`` in the
twin and is left out when ``None`` (``omit_defaults``); every other field
defaults to ``UNSET``, which no object holds, so it is always written.
Amounts are handed over as the decimal strings :mod:`.text` writes; days,
enumeration members, strings, integers and booleans go as they are, and
msgspec writes them as ``json.dumps`` does (its escaping of strings is that
of ``ensure_ascii=False``, checked over every code point; a lone surrogate,
which it refuses, sends the object to the default path).

This module imports msgspec: :mod:`.codec` loads it only when msgspec is there.
"""

from __future__ import annotations

import enum
import functools
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import msgspec

from salesroles._model.cadence import Cadence
from salesroles._model.codegen import compile_source

from .fields import LEAF, OBJECTS, WireField, wire_fields
from .unstructure import format_decimal

if TYPE_CHECKING:
    from collections.abc import Callable


class _Unwritable(Exception):  # noqa: N818 - an internal signal
    """A field of a kind the twins do not know: the default path writes the class."""


#: The encoder of the twins (its default settings write what ``json.dumps`` writes).
encode = msgspec.json.Encoder().encode


@functools.cache
def twin_function(cls: type) -> Callable[[Any], Any] | None:
    """Return (and cache) the function copying a *cls* object into its twin, or None."""
    try:
        return _compile(cls)
    except _Unwritable:
        return None


@functools.cache  # one twin class per wire class, however many fields hold it
def _struct(cls: type) -> Any:
    fields = [(f.name, Any, msgspec.UNSET if f.always else None) for f in wire_fields(cls)]
    return msgspec.defstruct(f"{cls.__name__}Twin", fields, omit_defaults=True, gc=False)


def _inline(cls: type) -> bool:
    """Whether the twin of a *cls* object is built in its parent's code (Money, Period)."""
    return all(f.always and f.shape == LEAF for f in wire_fields(cls))


def _tested(f: WireField) -> bool:
    """Whether an optional field's value is read once into a local, to test it for None."""
    return not f.always and (f.shape != LEAF or f.item in (Decimal, Cadence))


class _Writer:
    def __init__(self) -> None:
        self.ns: dict[str, Any] = {"_str": str, "_list": list, "_map": map}
        self.ns["format_decimal"] = format_decimal

    def name(self, prefix: str, value: Any) -> str:
        fresh = f"{prefix}{len(self.ns)}"
        self.ns[fresh] = value
        return fresh

    def value(self, f: WireField, var: str) -> str:
        """The expression giving the twin's value for attribute value *var* of field *f*."""
        item = f.item
        if f.shape == OBJECTS:
            return f"_list(_map({self.name('_t', _nested(item))}, {var}))"
        if f.shape != LEAF:
            if _inline(item):
                twin = self.name("_S", _struct(item))
                inner = (self.value(g, f"{var}.{g.name}") for g in wire_fields(item))
                built = f"{twin}({', '.join(inner)})"
            else:
                built = f"{self.name('_t', _nested(item))}({var})"
        elif item is not f.hint:  # a tuple: of strings, msgspec writes it as a list
            if item is not str:
                raise _Unwritable(f.name)
            return var
        elif item is Decimal:
            # As text.py writes it: str() unless that has an exponent.
            built = f"(_s if 'E' not in (_s := _str({var})) and 'e' not in _s else format_decimal({var}))"  # noqa: E501
        elif item is Cadence:
            built = f"{var}.rule"
        elif item in (str, int, bool, date) or (
            isinstance(item, type) and issubclass(item, enum.Enum)
        ):
            return var  # None stays None: the twin leaves it out
        else:
            raise _Unwritable(f.name)
        return built if f.always else f"(None if {var} is None else {built})"


def _nested(cls: type) -> Callable[[Any], Any]:
    fn = twin_function(cls)
    if fn is None:
        raise _Unwritable(cls.__name__)
    return fn


def _compile(cls: type) -> Callable[[Any], Any]:
    w = _Writer()
    twin = w.name("_S", _struct(cls))
    name = f"twin_{cls.__name__}"
    lines = [f"def {name}(o):"]
    values = []
    for i, f in enumerate(wire_fields(cls)):
        var = f"o.{f.name}"
        if _tested(f):
            lines.append(f"    v{i} = {var}")
            var = f"v{i}"
        values.append(w.value(f, var))
    lines.append(f"    return {twin}({', '.join(values)})")
    fn: Callable[[Any], Any] = compile_source(name, lines, w.ns, f"msgspec twin of {cls.__name__}")
    return fn
