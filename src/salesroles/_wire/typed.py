"""JSON text read into Struct twins of the wire classes, when the ``fast`` extra is installed.

msgspec decodes a document into dicts as fast as it decodes it into Structs
of a given shape, but the dicts then cost a lookup per key, a check of their
keys, and their own freeing. So each wire class gets a Struct twin for
reading: the same keys, nested twins where the wire nests objects, lists of
them where it lists them, a string enumeration's member read by its value,
and every other plain value typed ``Any``. msgspec thus checks little more
than the shape (an object where an object belongs, a list where a list
does, no unknown key when those are forbidden, every required key there,
an enumeration's value); each other value reaches the generated structure functions of
:mod:`.structure` as the standard library would hand it over, a float with
its text, and they check and convert it with the very steps they take on a
dict. A key that was not sent is ``UNSET``, one sent as ``null`` is None.

Whatever msgspec or those steps refuse goes back to reading the document as
dicts, which names every problem as it always has; a repeated key is caught
as :mod:`.codec` catches it, by the colons of the twins written again.

This module imports msgspec: :mod:`.codec` loads it only when msgspec is there.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import msgspec

from .fields import LEAF, OBJECTS, wire_fields
from .structure import JsonFloat, reads_member, structure_twin

if TYPE_CHECKING:
    from collections.abc import Callable

#: What a key that was not sent reads as.
UNSET = msgspec.UNSET


@functools.cache
def twin_of(cls: type, forbid: bool) -> Any:
    """The Struct twin that reads a *cls* object (*forbid*: unknown keys refused)."""
    fields: list[tuple[str, Any, Any] | tuple[str, Any]] = []
    for f in wire_fields(cls):
        kind: Any = Any
        if f.shape == OBJECTS:
            kind = list[twin_of(f.item, forbid)]  # type: ignore[misc]
        elif f.shape != LEAF:
            kind = twin_of(f.item, forbid)
        elif reads_member(cls, f):
            kind = f.item
        if f.required:
            fields.append((f.name, kind))
        else:
            fields.append(
                (f.name, kind if kind is Any else kind | None | msgspec.UnsetType, UNSET)
            )
    return msgspec.defstruct(
        f"{cls.__name__}Reading", fields, forbid_unknown_fields=forbid, gc=False
    )


@functools.cache
def decoder(cls: type, forbid: bool) -> Callable[[bytes], Any]:
    """The decoder of documents holding one *cls* object, floats handed over with their text."""
    return msgspec.json.Decoder(twin_of(cls, forbid), float_hook=JsonFloat).decode


def build(twin: Any, cls: type, forbid: bool) -> Any:
    """The *cls* object read from its *twin*, or :data:`~.structure.NOT_BUILT`."""
    return structure_twin(twin, cls, forbid, UNSET)
