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
from salesroles._model.portfolio import Portfolio

from .fields import LEAF, OBJECTS, WireField, wire_fields
from .unstructure import format_decimal

if TYPE_CHECKING:
    from collections.abc import Callable


class _Unwritable(Exception):  # noqa: N818 - an internal signal
    """A field of a kind the twins do not know: the default path writes the class."""


_TWINS: dict[type, Callable[[Any], Any] | None] = {}

#: The encoder of the twins (its default settings write what ``json.dumps`` writes).
encode = msgspec.json.Encoder().encode


def twin_function(cls: type) -> Callable[[Any], Any] | None:
    """Return (and cache) the function copying a *cls* object into its twin, or None."""
    if cls in _TWINS:
        return _TWINS[cls]
    try:
        fn: Callable[[Any], Any] | None = _compile(cls)
    except _Unwritable:
        fn = None
    _TWINS[cls] = fn
    return fn


def _always(f: WireField) -> bool:
    return f.required or f.default is not None


@functools.cache
def _struct(cls: type) -> Any:
    fields = [(f.name, Any, msgspec.UNSET if _always(f) else None) for f in wire_fields(cls)]
    return msgspec.defstruct(f"{cls.__name__}Twin", fields, omit_defaults=True, gc=False)


def _inline(cls: type) -> bool:
    """Whether the twin of a *cls* object is built in its parent's code (Money, Period)."""
    return all(_always(f) and f.shape == LEAF for f in wire_fields(cls))


def _tested(f: WireField) -> bool:
    """Whether an optional field's value is read once into a local, to test it for None."""
    return not _always(f) and (f.shape != LEAF or f.item in (Decimal, Cadence))


class _Writer:
    """Writes the expressions of one generated twin function.

    With *in_place* (the portfolio's long lists), a list of objects without lists of
    their own is a comprehension that builds each twin in place: a call per object
    costs a sixth of the whole.
    """

    def __init__(self, *, in_place: bool = False) -> None:
        self.ns: dict[str, Any] = {"_str": str, "_list": list, "_map": map}
        self.ns["format_decimal"] = format_decimal
        self.in_place = in_place

    def name(self, prefix: str, value: Any = None) -> str:
        fresh = f"{prefix}{len(self.ns)}"
        self.ns[fresh] = value
        return fresh

    def twin(self, cls: type, var: str) -> str:
        """The expression building the twin of the *cls* object *var* in place."""
        values = []
        for g in wire_fields(cls):
            if _tested(g):  # read once, by the test for None
                local = self.name("w")
                values.append(self.value(g, local, read=f"{var}.{g.name}"))
            else:
                values.append(self.value(g, f"{var}.{g.name}"))
        return f"{self.name('_S', _struct(cls))}({', '.join(values)})"

    def objects(self, cls: type, var: str) -> str:
        """The expression giving the twins of the tuple of *cls* objects *var*, as a list."""
        if self.in_place and all(g.shape != OBJECTS for g in wire_fields(cls)):
            element = self.name("x")
            return f"[{self.twin(cls, element)} for {element} in {var}]"
        return f"_list(_map({self.name('_t', _nested(cls))}, {var}))"

    def value(self, f: WireField, var: str, read: str | None = None) -> str:
        """The expression giving the twin's value for attribute value *var* of field *f*.

        With *read*, an optional field's value is read by that expression into *var*.
        """
        item = f.item
        if f.shape == OBJECTS:
            return self.objects(item, var)
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
        if _always(f):
            return built
        tested = var if read is None else f"({var} := {read})"
        return f"(None if {tested} is None else {built})"


def _nested(cls: type) -> Callable[[Any], Any]:
    fn = twin_function(cls)
    if fn is None:
        raise _Unwritable(cls.__name__)
    return fn


def _compile(cls: type) -> Callable[[Any], Any]:
    w = _Writer(in_place=cls is Portfolio)
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
