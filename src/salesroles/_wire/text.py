"""JSON text written straight from objects: one generated function per class.

``unstructure_json`` used to build the JSON-ready dicts and hand them to
``json.dumps``, which spent most of the time walking them again. The
functions here write the text in one pass, with the very pieces
``json.dumps(unstructure(obj), ensure_ascii=False, separators=(",", ":"))``
writes: strings through the standard library's own escaping function, amounts
as their decimal strings, days ``YYYY-MM-DD``, enumeration values as written
once per member, keys in declaration order, optional fields left out when
``None``. A test holds the two to the same bytes for every class.
"""

from __future__ import annotations

import enum
import functools
import json
import json.encoder
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from salesroles._model.cadence import Cadence
from salesroles._model.codegen import compile_source
from salesroles._model.converters import ISO_DAYS, iso_day

from .fields import LEAF, OBJECTS, WireField, wire_fields
from .unstructure import format_decimal

if TYPE_CHECKING:
    from collections.abc import Callable


class _Unwritable(Exception):  # noqa: N818 - an internal signal
    """A field of a kind this writer does not know: ``json.dumps`` writes the class."""


@functools.cache
def text_function(cls: type) -> Callable[[Any], str] | None:
    """Return (and cache) the generated JSON text function of *cls*, or None if it has none."""
    try:
        return _compile(cls)
    except _Unwritable:
        return None


class _Writer:
    def __init__(self) -> None:
        self.ns: dict[str, Any] = {
            # The function json.dumps(ensure_ascii=False) escapes strings with.
            "_enc": json.encoder.encode_basestring,
            "_str": str,
            "_int": int.__repr__,
            "_iso_get": ISO_DAYS.get,
            "_iso_day": iso_day,
            "format_decimal": format_decimal,
        }

    def name(self, prefix: str, value: Any) -> str:
        fresh = f"{prefix}{len(self.ns)}"
        self.ns[fresh] = value
        return fresh

    def value(self, f: WireField, var: str) -> str:
        """The expression writing attribute value *var* of field *f* as JSON text."""
        item = f.item
        if f.shape == OBJECTS:
            fn = self.name("_w", _nested(item))
            return f"('[' + ','.join(map({fn}, {var})) + ']')"
        if f.shape != LEAF:
            return f"{self.name('_w', _nested(item))}({var})"
        if item is not f.hint:
            if item is not str:
                raise _Unwritable(f.name)
            return f"('[' + ','.join(map(_enc, {var})) + ']')"
        template = _LEAVES.get(item)
        if template is not None:
            return template.format(v=var)
        if isinstance(item, type) and issubclass(item, enum.Enum):
            written = {m: json.dumps(m.value, ensure_ascii=False) for m in item}
            return f"{self.name('_e', written)}[{var}]"
        raise _Unwritable(f.name)


# The JSON text of each plain kind of value. A decimal string needs no escaping (digits,
# a sign, a point): it is written as unstructure writes it, ``str`` unless that has an
# exponent.
_LEAVES: dict[Any, str] = {
    str: "_enc({v})",
    bool: "('true' if {v} else 'false')",
    int: "_int({v})",
    date: "('\"' + (_iso_get({v}) or _iso_day({v})) + '\"')",
    Decimal: "('\"' + (_s if 'E' not in (_s := _str({v})) and 'e' not in _s"
    " else format_decimal({v})) + '\"')",
    Cadence: "_enc({v}.rule)",
}


def _nested(cls: type) -> Callable[[Any], str]:
    fn = text_function(cls)
    if fn is None:
        raise _Unwritable(cls.__name__)
    return fn


def _compile(cls: type) -> Callable[[Any], str]:
    """Generate the text function of *cls*: pieces joined once, optional fields when present."""
    w = _Writer()
    fields = wire_fields(cls)
    name = f"json_{cls.__name__}"
    lines = [f"def {name}(o):"]
    if fields and fields[0].always:
        # The first key is always there: every later one starts with a comma.
        pieces: list[str] = []
        opened = False
        lines.append("    p = []")
        for i, f in enumerate(fields):
            key = ("{" if i == 0 else ",") + json.dumps(f.name) + ":"
            if f.always:
                pieces += [repr(key), w.value(f, f"o.{f.name}")]
                continue
            if pieces:
                lines.append(f"    p += ({', '.join(pieces)},)")
                pieces = []
            var = f"v{i}"
            lines += [
                f"    {var} = o.{f.name}",
                f"    if {var} is not None:",
                f"        p += ({key!r}, {w.value(f, var)})",
            ]
            opened = True
        pieces.append(repr("}"))
        if not opened:
            lines[-1:] = [f"    return ''.join(({', '.join(pieces)},))"]
        else:
            lines += [f"    p += ({', '.join(pieces)},)", "    return ''.join(p)"]
    else:
        lines.append("    p = []")
        for i, f in enumerate(fields):
            entry = f"{json.dumps(f.name) + ':'!r} + {w.value(f, f'o.{f.name}' if f.always else f'v{i}')}"  # noqa: E501
            if f.always:
                lines.append(f"    p.append({entry})")
            else:
                lines += [
                    f"    v{i} = o.{f.name}",
                    f"    if v{i} is not None:",
                    f"        p.append({entry})",
                ]
        lines.append("    return '{' + ','.join(p) + '}'")
    fn: Callable[[Any], str] = compile_source(name, lines, w.ns, f"json text of {cls.__name__}")
    return fn
