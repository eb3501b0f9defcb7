"""The practical limit: msgspec Structs of the salesroles wire format, decoded and encoded in C.

Built from the wire's own field descriptions, one Struct per class: the same
keys in the same order, strict types (``date`` and ``Decimal`` from their
strings, enumerations by value, ``Cadence`` a plain string), unknown keys
refused, and ``None`` left out when writing. It checks far less than either
library (no blank strings, bounds, currencies, cadences, periods or
references), which is why it is a limit rather than a twin: what reading and
writing the bytes costs when almost nothing is judged. It writes a little less
(an empty list or a false flag is left out with the ``None`` fields), and an
amount as ``str`` writes it (``"1E-8"``, where the wire wants ``"0.00000001"``).
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import Any

import msgspec

from salesroles._model.cadence import Cadence
from salesroles._wire.fields import LEAF, OBJECTS, wire_fields

_STRUCTS: dict[type, Any] = {}


def _type(item: Any, hint: Any, shape: str) -> Any:
    if shape == OBJECTS:
        return list[struct_of(item)]
    if shape != LEAF:
        return struct_of(item)
    if item is not hint:  # a tuple of strings
        return list[item]
    if item is Cadence:
        return str
    if item in (str, int, bool, date, Decimal) or issubclass(item, enum.Enum):
        return item
    raise TypeError(item)


def struct_of(cls: type) -> Any:
    """The msgspec Struct twin of a salesroles wire class."""
    found = _STRUCTS.get(cls)
    if found is None:
        fields = []
        for f in wire_fields(cls):
            kind = _type(f.item, f.hint, f.shape)
            if f.required:
                fields.append((f.name, kind))
            elif f.default is None:
                fields.append((f.name, kind | None, None))
            elif f.shape == OBJECTS or f.item is not f.hint:
                fields.append((f.name, kind, msgspec.field(default_factory=list)))
            else:
                fields.append((f.name, kind, f.default))
        found = _STRUCTS[cls] = msgspec.defstruct(
            cls.__name__, fields, kw_only=True, forbid_unknown_fields=True, omit_defaults=True
        )
    return found
