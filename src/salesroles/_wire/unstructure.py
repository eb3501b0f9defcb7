"""Unstructuring: one generated function per class writes its objects as JSON-ready data.

Amounts become decimal strings with their exact digits (``format(d, "f")``,
never ``str``), days ``YYYY-MM-DD``, enumerations their values, a cadence its
rule; optional fields that are ``None`` are left out.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from salesroles._model.cadence import Cadence
from salesroles._model.codegen import compile_source
from salesroles._model.converters import ISO_DAYS, iso_day
from salesroles._model.portfolio import Portfolio

from .fields import OBJECT, OBJECTS, WireField, wire_classes, wire_fields

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable


def format_decimal(amount: Decimal) -> str:
    return format(amount, "f")


def enum_value(member: enum.Enum) -> Any:
    return member.value


def cadence_rule(cadence: Cadence) -> str:
    return cadence.rule


UNSTRUCTURE: dict[type, Callable[[Any], Any]] = {}


#: Optional fields up to which each combination of present ones gets its own dict literal.
_MAX_BRANCHED: Final = 5


def _inline(cls: type) -> bool:
    """Whether objects of *cls* are written as a dict literal in their parent's code."""
    return all(f.always and f.shape != OBJECTS for f in wire_fields(cls))


def _branchable(cls: type) -> bool:
    """Whether objects of *cls* can be written as one conditional expression of dict literals."""
    fields = wire_fields(cls)
    optional = sum(not f.always for f in fields)
    return optional <= _MAX_BRANCHED and all(f.shape != OBJECTS for f in fields)


def _decimal_expr(var: str) -> str:
    """``format(d, "f")``, written as ``str(d)`` where that is the same and three times faster.

    ``str`` differs from ``format(d, "f")`` only when it uses an exponent (``1E+3``).
    """
    return f"(_s if 'E' not in (_s := _str({var})) and 'e' not in _s else format_decimal({var}))"


class _Writer:
    """Writes the expressions of one generated unstructure function.

    Nested lists of objects are built by loops that run before the function's
    dict literals (``before``): a comprehension costs a function frame per
    list, and most nested lists hold one or two objects.
    """

    def __init__(self, *, loops: bool) -> None:
        self.ns: dict[str, Any] = {
            "format_decimal": format_decimal,
            "_list": list,
            "_str": str,
            "_iso_get": ISO_DAYS.get,
            "_iso_day": iso_day,
        }
        self.loops = loops
        self.before: list[str] = []

    def name(self, prefix: str, value: Any = None) -> str:
        """A fresh name in the namespace, bound to *value*."""
        fresh = f"{prefix}{len(self.ns)}"
        self.ns[fresh] = value
        return fresh

    def value(self, f: WireField, var: str) -> str:  # noqa: PLR0911 - one per kind
        """The expression that turns attribute value *var* of field *f* into JSON-ready data."""
        item = f.item
        if f.shape == OBJECTS:
            element = self.name("x")
            if not self.loops:
                return f"[{self.object(item, element)} for {element} in {var}]"
            out = self.name("l")
            written = self.object(item, element)
            self.before += [
                f"    {out} = []",
                f"    for {element} in {var}:",
                f"        {out}.append({written})",
            ]
            return out
        if f.shape == OBJECT:
            return self.object(item, var)
        if item is not f.hint:  # a tuple of strings
            return f"_list({var})"
        if item is date:
            return f"(_iso_get({var}) or _iso_day({var}))"
        if item is Decimal:
            return _decimal_expr(var)
        if item is Cadence:
            return f"{var}.rule"
        if isinstance(item, type) and issubclass(item, enum.Enum):
            return f"{var}._value_"
        return var

    def object(self, cls: type, var: str) -> str:
        """A dict literal for a small object, else a call of its own function.

        In a comprehension (the portfolio's long lists) an object with a few optional
        fields is written in place as well, as a conditional expression, which spares a
        call per object (3 % of the whole at 100 000 entities, 10 % at 20 000).
        """
        if _inline(cls):
            items = (f"{f.name!r}: {self.value(f, f'{var}.{f.name}')}" for f in wire_fields(cls))
            return "{" + ", ".join(items) + "}"
        if not self.loops and _branchable(cls):
            return self.branches(cls, var)
        return f"{self.name('_u', unstructure_function(cls))}({var})"

    def branches(self, cls: type, var: str) -> str:
        """A conditional expression of dict literals, one per combination of present fields."""
        fields = wire_fields(cls)
        optional = [f for f in fields if not f.always]
        # Each optional value is read once, by the test that decides its branch.
        names = {f.name: self.name("w") for f in optional}
        entries = {f.name: self.value(f, names.get(f.name, f"{var}.{f.name}")) for f in fields}

        def expr(rest: list[WireField], present: set[str]) -> str:
            if not rest:
                keys = [f.name for f in fields if f.always or f.name in present]
                return "{" + ", ".join(f"{k!r}: {entries[k]}" for k in keys) + "}"
            f = rest[0]
            absent = expr(rest[1:], present)
            there = expr(rest[1:], present | {f.name})
            return f"({absent} if ({names[f.name]} := {var}.{f.name}) is None else {there})"

        return expr(optional, set())


def unstructure_function(cls: type) -> Callable[[Any], Any]:
    """Return (and cache) the generated unstructure function of *cls*."""
    found = UNSTRUCTURE.get(cls)
    if found is None:
        found = UNSTRUCTURE[cls] = _compile_unstructure(cls, branched=_MAX_BRANCHED)
    return found


def _compile_unstructure(cls: type, *, branched: int) -> Callable[[Any], Any]:
    """Generate the unstructure function of *cls*.

    A left-out optional field must not be a key, and adding keys to a dict
    after its literal costs a lookup each and often a resize. So the function
    branches on which optional fields are present and returns one dict literal
    per combination, for up to *branched* optional fields (``2 ** branched``
    literals); a class with more optional fields adds them one by one.
    """
    # The portfolio's lists are long: a comprehension beats a loop of appends there.
    w = _Writer(loops=cls is not Portfolio)
    fields = wire_fields(cls)
    optional = {f.name: f"v{i}" for i, f in enumerate(fields) if not f.always}
    entries = {f.name: w.value(f, optional.get(f.name, f"o.{f.name}")) for f in fields}
    name = f"unstructure_{cls.__name__}"
    lines = [f"def {name}(o):"]
    lines += [f"    {var} = o.{key}" for key, var in optional.items()]
    lines += w.before

    def literal(keys: Iterable[str]) -> str:
        return "{" + ", ".join(f"{key!r}: {entries[key]}" for key in keys) + "}"

    def branch(rest: list[str], present: list[str], indent: str) -> None:
        if not rest:
            lines.append(f"{indent}return {literal(f.name for f in fields if f.name in present)}")
            return
        lines.append(f"{indent}if {optional[rest[0]]} is None:")
        branch(rest[1:], present, indent + "    ")
        branch(rest[1:], [*present, rest[0]], indent)

    if len(optional) <= branched:
        branch(list(optional), [f.name for f in fields if f.name not in optional], "    ")
    else:
        # Keys keep declaration order: the literal holds the fields before the first optional.
        keys = [f.name for f in fields]
        first = next(i for i, key in enumerate(keys) if key in optional)
        lines.append(f"    d = {literal(keys[:first])}")
        for key in keys[first:]:
            if key in optional:
                lines.append(f"    if {optional[key]} is not None:")
                lines.append(f"        d[{key!r}] = {entries[key]}")
            else:
                lines.append(f"    d[{key!r}] = {entries[key]}")
        lines.append("    return d")
    fn: Callable[[Any], Any] = compile_source(name, lines, w.ns, f"{name} ({branched})")
    return fn


# The functions are generated on first use (about 200 ms for all of them): a service that
# only reads documents never pays for writing them.
UNSTRUCTURE[Cadence] = cadence_rule


def unstructure_of(cls: type) -> Callable[[Any], Any] | None:
    """The generated unstructure function of *cls*, if *cls* is one of the wire's classes."""
    found = UNSTRUCTURE.get(cls)
    if found is None and cls in _WIRE_CLASSES:
        found = unstructure_function(cls)
    return found


_WIRE_CLASSES: Final = frozenset(wire_classes())
