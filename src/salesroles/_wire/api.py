"""The public functions of the wire format: structure and unstructure, from dicts and JSON text."""

from __future__ import annotations

import gc
import json
from typing import TYPE_CHECKING, Any, Final, ParamSpec, TypeVar

from salesroles._model.arguments import read_optional_count
from salesroles._model.cadence import Cadence
from salesroles._model.messages import error, error_item, phrase, problem, shorten, shown, template
from salesroles.exceptions import ErrorItem, ValidationError

from . import codec
from .fields import is_enum, is_object
from .results import has_own_form, is_result, write
from .structure import (
    NOT_BUILT,
    JsonFloat,
    structure_cadence,
    structure_consuming,
    structure_enum,
    structure_object,
)
from .text import text_function
from .unstructure import unstructure_of

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")


#: How many problems a ValidationError lists by default before it says how many it left out.
MAX_ERRORS: Final = 100


def structure(
    data: Any, cls: type[T], *, forbid_extra_keys: bool = True, max_errors: int | None = MAX_ERRORS
) -> T:
    """Turn JSON-ready data into a validated object of *cls*.

    *cls* is any public class of salesroles (:class:`~salesroles.Portfolio`,
    an entity, a value object, an enumeration) or a type your own hooks on
    :func:`converter` handle. Nothing is coerced: a number is no string, a
    boolean no number, a string no list, and a float amount is refused.

    Args:
        data: What :func:`json.loads` returns (dicts, lists, str, int, bool, None).
        cls: The class to build.
        forbid_extra_keys: Refuse keys that are no field (the default). Pass
            False to ignore them, for example while a newer client sends fields
            this version does not know.
        max_errors: List at most this many problems (100 by default), then
            one of code ``too_many_errors`` saying how many were left out, so
            that a body of a million bad values is not answered with a
            million items; None lists every one.

    Returns:
        The validated object.

    Raises:
        ValidationError: Listing every problem of *data* at once, each with
            its path, a message and a code.

    >>> from salesroles import Customer, TeamMember
    >>> ann = structure({"id": "ann", "name": "Ann", "role": "account_manager"}, TeamMember)
    >>> ann.role
    <Role.ACCOUNT_MANAGER: 'account_manager'>
    >>> structure({"id": "C-1", "name": 12345, "segmant": "large", "status": "gone"}, Customer)
    Traceback (most recent call last):
    ...
    salesroles.exceptions.ValidationError: 4 problems:
      name: got the number 12345; expected a string
      segment: required but missing; expected one of 'small', 'medium', 'large'
      status: got 'gone'; expected one of 'active', 'lapsed', 'lost'
      segmant: unknown key 'segmant' in a Customer; did you mean 'segment'?
    """
    # The default needs no reading: valid input pays nothing for the cap.
    limit = (
        max_errors if max_errors is MAX_ERRORS else read_optional_count(max_errors, "max_errors")
    )
    # The collector paused while one document is read (see _structure_json).
    paused = gc.isenabled() and is_object(cls)
    if paused:
        gc.disable()
    try:
        if is_object(cls):
            return structure_object(data, cls, forbid_extra_keys)  # type: ignore[no-any-return]
        return _structure_other(data, cls, forbid_extra_keys)
    except ValidationError as e:
        if limit is None or len(e.errors) <= limit:
            raise
        errors = e.errors
    finally:
        if paused:
            gc.enable()
    # Raised after the except block: the full error does not ride along as the context.
    raise ValidationError(capped(errors, limit))


def capped(errors: Sequence[ErrorItem], limit: int | None) -> Sequence[ErrorItem]:
    """The first *limit* of *errors*, and a ``too_many_errors`` item for the rest."""
    if limit is None or len(errors) <= limit:
        return errors
    left_out = len(errors) - limit
    last = error_item("", "too_many_errors", _TOO_MANY, count=left_out, limit=limit)
    return [*errors[:limit], last]


def _structure_other(data: Any, cls: type[T], forbid_extra_keys: bool) -> T:
    """Structure what is no model class: a cadence, an enumeration, a policy, a user's class."""
    if cls is Cadence:
        return structure_cadence(data)  # type: ignore[return-value]
    if is_enum(cls):
        return structure_enum(data, cls)  # type: ignore[arg-type, no-any-return]
    if has_own_form(cls):  # a Policy: the one shape its from_dict reads
        return cls.from_dict(data)  # type: ignore[attr-defined, no-any-return]
    # Users' own classes go through cattrs, loaded only for them.
    from .foreign import errors_from_cattrs  # noqa: PLC0415
    from .hooks import converter, lenient_converter  # noqa: PLC0415

    conv = converter() if forbid_extra_keys else lenient_converter()
    try:
        return conv.structure(data, cls)
    except Exception as e:  # noqa: BLE001 - users' own classes: no bare error escapes
        errors = errors_from_cattrs(e, data, cls)
    # Raised after the except block: no cattrs exception travels along as the context.
    raise ValidationError(errors)


def unstructure(obj: Any) -> Any:
    """Turn a salesroles object into JSON-ready data (dict, list, str, int, bool).

    Amounts are decimal strings with their exact digits, dates ``YYYY-MM-DD``,
    enumerations their values, a cadence its rule; optional fields that are
    ``None`` are left out, and lists are always present (``[]`` when empty).

    Results are written the same way, so that a service returns them as they
    are: a :class:`~salesroles.Report`, :class:`~salesroles.Finding`,
    :class:`~salesroles.Decision`, every analytics and scenario result (with
    every key, ``null`` where a figure could not be computed), and a
    :class:`~salesroles.Policy` as :meth:`~salesroles.Policy.to_dict` writes it.
    :func:`json_schema` describes each.

    >>> from salesroles import Money, Period
    >>> unstructure(Money(amount="1200000.00", currency="EUR"))
    {'amount': '1200000.00', 'currency': 'EUR'}
    >>> unstructure([Period.year(2026)])
    [{'start': '2026-01-01', 'end': '2026-12-31'}]
    """
    fn = unstructure_of(type(obj))
    if fn is not None:
        return _paused(fn, obj)
    if type(obj) is list or type(obj) is tuple:
        return [unstructure(x) for x in obj]
    if is_result(type(obj)) or has_own_form(type(obj)):
        return write(obj)
    from .hooks import converter  # noqa: PLC0415 - cattrs, loaded only for other types

    return converter().unstructure(obj)


# -- JSON text: a float's text kept, and every key of an object once --
#
# json.loads keeps the last of two equal keys; a parser that keeps the first reads another
# document from the same text. So objects are built by a hook that marks one with a repeated
# key, and the marks become problems with their paths only when there are any.


class _RepeatedKeys(dict[Any, Any]):
    """An object of the document in which a key came more than once, and which keys."""

    __slots__ = ("repeated",)

    repeated: dict[str, int]


def _read_json(document: str) -> tuple[Any, list[ErrorItem]]:
    """Parse *document*: the data, and a ``duplicate_key`` problem per repeated key.

    Raises what :func:`json.loads` raises for text that is no JSON.
    """
    data = _read_unrepeated(document)
    if data is not _REPEATS_POSSIBLE:
        return data, []
    marked: list[_RepeatedKeys] = []

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # Read only when a key may be repeated (see _read_unrepeated): a dict and a comparison.
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        repeated = _RepeatedKeys(obj)
        counts: dict[str, int] = {}
        for key, _ in pairs:
            counts[key] = counts.get(key, 0) + 1
        repeated.repeated = {key: n for key, n in counts.items() if n > 1}
        marked.append(repeated)
        return repeated

    data = json.loads(
        document, object_pairs_hook=build, parse_float=JsonFloat, parse_constant=JsonFloat
    )
    return data, (_repeated_keys(data) if marked else [])


_REPEATS_POSSIBLE: Final = object()


def _read_unrepeated(document: str) -> Any:
    """The data of *document* if it provably repeats no key, else :data:`_REPEATS_POSSIBLE`.

    The hook of :func:`_read_json` that builds each object from its pairs costs
    a third of reading a valid document. Here the parser builds the dicts and a
    cheap hook only adds up their sizes: the distinct keys of the document.
    Each key of the text is followed by its own colon outside any string, so
    the text's colons bound its keys from above; when the bound equals the
    distinct keys, no object held a key twice. A colon directly after a quote
    or after whitespace is all a key's colon can be, which bounds them closer
    for text whose strings hold colons. Otherwise (a key repeated, or strings
    with ``":``), the caller reads the document again with the hook.
    """
    keys = 0

    def count(obj: dict[str, Any]) -> dict[str, Any]:
        nonlocal keys
        keys += len(obj)
        return obj

    data = json.loads(document, object_hook=count, parse_float=JsonFloat, parse_constant=JsonFloat)
    if document.count(":") == keys:
        return data
    if document.count('":') + sum(map(document.count, _SPACED)) == keys:
        return data
    return _REPEATS_POSSIBLE


#: JSON's whitespace before a colon (RFC 8259 allows it between a key and its colon).
_SPACED: Final = (" :", "\t:", "\n:", "\r:")


def _repeated_keys(data: Any) -> list[ErrorItem]:
    """A problem for each repeated key of the document, with its path.

    An object's own repeated keys come before those of the objects it holds,
    which come in the order of the document.

    A walk with a stack of its own: a document the parser read may be nested
    deeper than Python's recursion allows.
    """
    found: list[ErrorItem] = []
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            if type(value) is _RepeatedKeys:
                found += [_problem(_join(path, k), k, n) for k, n in value.repeated.items()]
            children: Any = ((_join(path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            children = ((f"{path}[{i}]", item) for i, item in enumerate(value))
        else:
            continue
        # Reversed onto the stack, so that the first child is looked at first.
        stack.extend(reversed(list(children)))
    return found


def _join(path: str, key: str) -> str:
    return f"{path}.{shorten(key)}" if path else shorten(key)


def _problem(path: str, key: str, times: int) -> ErrorItem:
    text = _TWICE if times == 2 else _REPEATED
    return error_item(path, "duplicate_key", text, key=shown(key), times=times)


def structure_json(
    document: str | bytes | bytearray,
    cls: type[T],
    *,
    forbid_extra_keys: bool = True,
    max_errors: int | None = MAX_ERRORS,
) -> T:
    """Parse a JSON document and structure it into *cls* (see :func:`structure`).

    Numbers with a fraction or an exponent are kept as sent, so that a float
    amount is refused by name rather than rounded, and a fraction such as
    ``0.22`` is read as the decimal that was written. An object that holds a
    key twice is refused (code ``duplicate_key``, at the path of the key),
    together with every other problem of the document: parsers disagree on
    which of the two values counts.

    Raises:
        ValidationError: The document is no JSON (code ``invalid_json``) or
            does not describe a valid *cls*; at most *max_errors* problems
            are listed (see :func:`structure`).

    >>> from salesroles import Money
    >>> structure_json('{"amount": 12.50, "currency": "EUR"}', Money)
    Traceback (most recent call last):
    ...
    salesroles.exceptions.ValidationError: amount: got the float 12.50; send the amount as a string like "12.50" (binary floats lose cents)
    """  # noqa: E501
    limit = (
        max_errors if max_errors is MAX_ERRORS else read_optional_count(max_errors, "max_errors")
    )
    return _paused(_structure_json, document, cls, forbid_extra_keys, limit)


# The collector is paused while one document is read and structured, or written: each
# builds every container of the document, none garbage, and each of the collector's
# passes over them is wasted work that grows with the document (more than half the
# time of reading 300 000 entities, a fifth of writing them). Nothing either builds forms
# a cycle, so nothing waits for the collector; a caller who has switched the collector
# off keeps it off. The pause is process-wide, like the collector itself, and ends when
# the call does.
def _paused(fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """``fn(*args)`` with the collector paused, unless the caller has already switched it off."""
    if not gc.isenabled():
        return fn(*args, **kwargs)
    gc.disable()
    try:
        return fn(*args, **kwargs)
    finally:
        gc.enable()


def _structure_json(
    document: str | bytes | bytearray, cls: type[T], forbid_extra_keys: bool, limit: int | None
) -> T:
    built = _read_fast(document, cls, forbid_extra_keys, limit)
    if built is not codec.NOT_READ:
        return built  # type: ignore[no-any-return]
    try:
        if isinstance(document, bytes | bytearray):
            # RFC 8259: JSON between systems is UTF-8; json.loads would guess UTF-16 too.
            document = bytes(document).decode("utf-8")
        data, repeated = _read_json(document)
    except (ValueError, RecursionError) as e:
        if isinstance(e, RecursionError):
            raise _too_deep() from None
        raise error("", "invalid_json", _NO_JSON, reason=str(e)[:200]) from None
    except TypeError:
        raise problem("", document, _DOCUMENT, "invalid_json") from None
    if not repeated:
        return _structure_parsed(data, document, cls, forbid_extra_keys, limit)
    try:
        structure(data, cls, forbid_extra_keys=forbid_extra_keys, max_errors=None)
    except ValidationError as e:
        problems = [*repeated, *e.errors]
    else:
        problems = repeated
    # Raised after the except block: the error of the rest carries no context along.
    raise ValidationError(capped(problems, limit))


def _read_fast(
    document: str | bytes | bytearray, cls: type, forbid_extra_keys: bool, limit: int | None
) -> Any:
    """The fast extra's reading, when it reads exactly as the standard library, else NOT_READ.

    An object is read into Struct twins first, then, if they do not build it, as dicts.
    """
    if is_object(cls):
        built = codec.read_object(document, cls, forbid_extra_keys)
        if built is not codec.NOT_READ:
            return built
    data = codec.read(document)
    if data is codec.NOT_READ:
        return data
    return _structure_parsed(data, document, cls, forbid_extra_keys, limit)


def _structure_parsed(
    data: Any,
    document: str | bytes | bytearray,
    cls: type[T],
    forbid_extra_keys: bool,
    limit: int | None,
) -> T:
    """Structure the parsed *document*, taking *data* apart as it goes (it is ours alone).

    A document that is not valid is read again for the detailed path: the
    first reading was taken apart (see ``structure_consuming``).
    """
    if is_object(cls):
        built = structure_consuming(data, cls, forbid_extra_keys)
        if built is not NOT_BUILT:
            return built  # type: ignore[no-any-return]
        text = document if isinstance(document, str) else bytes(document).decode("utf-8")
        try:
            data, _ = _read_json(text)
        except RecursionError:  # read again a little deeper in the stack than the first time
            data = _TOO_DEEP
        if data is _TOO_DEEP:
            raise _too_deep()
    return structure(data, cls, forbid_extra_keys=forbid_extra_keys, max_errors=limit)


_TOO_DEEP: Final = object()
_NO_JSON: Final = template("invalid_json", "the document is no valid JSON: {reason}")
_NESTED: Final = template(
    "nested_too_deeply", "the document is no valid JSON: it is nested too deeply"
)
_DOCUMENT: Final = phrase("expected.document", "a JSON document as str or bytes")
_TOO_MANY: Final = template(
    "too_many_errors",
    "got {count} more {count:plural:problem|problems}, left out; expected at most {limit} to be "
    "listed (max_errors=None lists every one)",
)
_REPEATED: Final = template(
    "duplicate_key",
    "got the key {key:message} {times} times in one object; expected each key once (JSON "
    "parsers disagree on which of the values counts)",
)
_TWICE: Final = template(
    "duplicate_key_twice",
    "got the key {key:message} twice in one object; expected each key once (JSON parsers "
    "disagree on which of the values counts)",
)


def _too_deep() -> ValidationError:
    return error("", "invalid_json", _NESTED)


def unstructure_json(obj: Any) -> str:
    """Return *obj* as a compact JSON document (a ``str``; encode it as UTF-8 to send it).

    >>> from salesroles import Period
    >>> unstructure_json(Period.year(2026))
    '{"start":"2026-01-01","end":"2026-12-31"}'
    """
    cls: type = type(obj)
    # The library's own classes: text written straight from the objects, the same bytes as
    # json.dumps below; with the fast extra, by msgspec from a Struct twin (the same bytes).
    writer = text_function(cls) if is_object(cls) and unstructure_of(cls) is not None else None
    if writer is not None:
        return _paused(_written, obj, writer)
    return json.dumps(unstructure(obj), ensure_ascii=False, separators=(",", ":"))


def _written(obj: Any, writer: Callable[[Any], str]) -> str:
    text = codec.write(obj)
    return text if text is not None else writer(obj)
