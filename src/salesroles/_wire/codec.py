r"""JSON text read on msgspec, when the ``fast`` extra is installed.

The standard library's reading (``api._read_json``) stays the definition:
msgspec is used only where it gives the very same result, and every doubt
hands the document back to the standard library.

msgspec keeps the last of two equal keys without a word, so a document read
by msgspec is re-encoded (as fast as it was read), and the colons of the two
texts are counted: each key of the document has one, and each colon inside a
string is in both, so the counts differ exactly when the document repeated a
key (an escaped colon, ``\u003a``, is in one text only: such a document goes
to the standard library). Whatever msgspec refuses (no JSON, ``NaN``, a lone
surrogate, an integer it cannot hold) goes to the standard library too, which
names the problem as it always has. Float literals reach
:class:`~salesroles._wire.structure.JsonFloat` with their text, as with the
standard library.

A document that holds one of the library's objects is read into Struct
twins of the wire classes first (:mod:`salesroles._wire.typed`), which spares
the dicts and their lookups; the colons are counted the same way, on the
twins written again. Whatever they do not build is read as dicts.

Writing the library's own classes goes through msgspec Struct twins of
them (:mod:`salesroles._wire.twins`), which msgspec writes as the very text
of :mod:`salesroles._wire.text`; whatever it refuses (a lone surrogate in a
string) is written by :mod:`salesroles._wire.text`, as without the extra.

:func:`use_msgspec` switches at run time (the test suite runs once each way,
see ``conftest.py``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from .structure import NOT_BUILT, JsonFloat

if TYPE_CHECKING:
    from collections.abc import Callable


def _msgspec() -> Any:
    try:
        return importlib.import_module("msgspec")
    except ImportError:  # the default install
        return None


msgspec: Any = _msgspec()

#: What :func:`read` returns for a document msgspec did not read.
NOT_READ: Final = object()

_state: dict[str, Any] = {}


def msgspec_available() -> bool:
    """Whether the ``fast`` extra (msgspec) is installed."""
    return msgspec is not None


def msgspec_version() -> str:
    """The version of msgspec in use ('' if none)."""
    return str(msgspec.__version__) if msgspec is not None else ""


def use_msgspec(*, on: bool) -> None:
    """Read JSON text on msgspec (*on*, if installed) or on the standard library."""
    if on and msgspec is not None:
        _state["decode"] = msgspec.json.Decoder(float_hook=JsonFloat).decode
        # Re-encoding what was read, to count its keys: a JSON float as its float.
        _state["again"] = msgspec.json.Encoder(enc_hook=float).encode
    else:
        _state.clear()


def in_use() -> bool:
    """Whether msgspec reads JSON text now."""
    return bool(_state)


def write(obj: object) -> str | None:
    """The JSON text of *obj* written on msgspec, or None if the default path must write it."""
    if not _state:
        return None
    twins = _state.get("twins")
    if twins is None:  # loaded on the first write: a service may only read
        twins = _state["twins"] = importlib.import_module(".twins", __package__)
    fn = twins.twin_function(type(obj))
    if fn is None:
        return None
    try:
        return str(twins.encode(fn(obj)).decode())
    except (msgspec.EncodeError, UnicodeEncodeError, ValueError, TypeError, OverflowError):
        return None


def read(document: object) -> Any:
    """The data of *document*, or :data:`NOT_READ` if the standard library must read it."""
    body = _body(document)
    return NOT_READ if body is None else _decoded(_state["decode"], body)


def read_object(document: object, cls: type, forbid: bool) -> Any:
    """The *cls* object *document* holds, read through Struct twins, or :data:`NOT_READ`.

    :data:`NOT_READ` says the document must be read as dicts: msgspec or the
    structure function refused it (see :mod:`.typed`), or it may repeat a key.
    """
    body = _body(document)
    if body is None:
        return NOT_READ
    typed = _state.get("typed")
    if typed is None:  # loaded on the first read of an object
        typed = _state["typed"] = importlib.import_module(".typed", __package__)
    twin = _decoded(typed.decoder(cls, forbid), body)
    if twin is NOT_READ:
        return NOT_READ
    built = typed.build(twin, cls, forbid)
    return NOT_READ if built is NOT_BUILT else built


def _body(document: object) -> bytes | None:
    """The UTF-8 text of *document* for msgspec, or None if msgspec is not to read it."""
    if not _state:
        return None
    if isinstance(document, str):
        # A lone surrogate survives the encoding, for msgspec to refuse it.
        body = document.encode("utf-8", "surrogatepass")
    elif isinstance(document, bytes | bytearray):
        body = bytes(document)
    else:
        return None
    # One quick look for any backslash spares most documents the slower search for the escape.
    if b"\\" in body and (b"\\u003a" in body or b"\\u003A" in body):
        return None  # an escaped colon would upset the count of keys
    return body


def _decoded(decode: Callable[[bytes], Any], body: bytes) -> Any:
    """What *decode* reads from *body*, or :data:`NOT_READ` if it refuses or a key repeats."""
    try:
        data = decode(body)
        again = _state["again"](data)
    except (msgspec.DecodeError, msgspec.EncodeError, ValueError, OverflowError, RecursionError):
        return NOT_READ
    if body.count(b":") != again.count(b":"):
        return NOT_READ  # a key repeated in an object: the standard library names it
    return data


use_msgspec(on=True)
