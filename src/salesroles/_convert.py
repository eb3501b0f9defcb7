"""The wire format: structure JSON-ready data into validated objects and back.

The library owns one private :class:`cattrs.Converter` (never
``cattrs.global_converter``) with a hook for each of its classes, strict hooks
for the primitive types, and nothing that leaks into a host application.

Structuring takes two paths:

- The **fast path**, a function generated per class, checks that the input is
  an object with no unknown keys, builds the nested objects first and hands the
  raw values to the class, whose construction-time checks (see ``_checks``)
  refuse anything wrong. It stops at the first problem.
- The **detailed path** runs only when the fast path failed. It walks the
  whole document with the same per-field checks and collects *every*
  problem with its full path (``plans[0].period.end``). For a portfolio it
  then runs the reference checks on every entry it could read, so a broken
  entry hides neither its own dangling references nor the others'.

Valid input therefore pays for one pass of checks, and invalid input gets a
complete answer.
"""

from __future__ import annotations

import dataclasses
import difflib
import enum
import functools
import inspect
import json
import types
import typing
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.cols import (
    homogenous_tuple_structure_factory,
    is_any_set,
    is_frozenset,
    is_mapping,
    is_mutable_sequence,
    is_sequence,
    list_structure_factory,
    mapping_structure_factory,
)
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from ._checks import (
    CHECK,
    CONSTRAINT,
    DECIMAL_CONVERTERS,
    DECIMAL_TEXT,
    ISO_DAYS,
    KNOWN_DAYS,
    MAX_DECIMAL_CHARS,
    Checked,
    Rejected,
    compile_source,
    describe,
    emit_field_checks,
    field_check,
    has_invariants,
    iso_day,
    to_date,
    with_article,
)
from ._enums import ENUM_CONVERTERS
from ._portfolio import COLLECTIONS, Portfolio, reference_problems
from ._values import Cadence, Money
from .exceptions import ErrorItem, ValidationError

__all__ = [
    "WireField",
    "converter",
    "is_enum",
    "structure",
    "structure_json",
    "unstructure",
    "unstructure_json",
    "wire_classes",
    "wire_fields",
]

T = TypeVar("T")

_FieldCheck = typing.Callable[[Any, str, "list[ErrorItem]"], None]
_Constraint = typing.Callable[[Any], "tuple[str, str] | None"]

#: The shape of a field on the wire.
LEAF: Final = "leaf"
OBJECT: Final = "object"
OBJECTS: Final = "objects"

_CADENCE_EXAMPLE: Final = '"FREQ=MONTHLY;BYDAY=+1TU"'


def is_enum(cls: object) -> bool:
    """Whether *cls* is an enumeration class."""
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def _is_object(hint: Any) -> bool:
    """Whether values of *hint* are JSON objects on the wire (a Cadence is a string)."""
    return isinstance(hint, type) and issubclass(hint, Checked) and hint is not Cadence


@attrs.frozen
class WireField:
    """How one attribute of a model class appears on the wire.

    Attributes:
        name: The key, equal to the attribute's name.
        hint: The declared type without ``None`` (``tuple[X, ...]`` kept).
        item: The element type of a tuple, else *hint*.
        shape: ``"leaf"``, ``"object"`` (a nested class) or ``"objects"`` (a list of them).
        required: Whether the key must be present.
        default: The value when the key is left out or ``null``.
        converter: The attribute's soft converter, if any.
        check: The attribute's check, as the model runs it.
        constraint: The attribute's extra constraint (bounds, currency), if any.
    """

    name: str
    hint: Any
    item: Any
    shape: str
    required: bool
    default: Any
    converter: Callable[[Any], Any] | None
    check: _FieldCheck
    constraint: _Constraint | None

    @property
    def empty(self) -> Any:
        """What stands for the field in a partly read object when it cannot be read."""
        return () if typing.get_origin(self.hint) is tuple else None


_FIELDS: dict[type, tuple[WireField, ...]] = {}


def wire_fields(cls: type) -> tuple[WireField, ...]:
    """Return the wire fields of a model class, in declaration order (cached)."""
    found = _FIELDS.get(cls)
    if found is not None:
        return found
    hints = typing.get_type_hints(cls)
    fields = []
    for a in attrs.fields(cls):
        if not a.init:  # pragma: no cover - every model attribute is an init argument
            continue
        hint = hints[a.name]
        if typing.get_origin(hint) in (typing.Union, types.UnionType):
            hint = next(h for h in typing.get_args(hint) if h is not type(None))
        item = typing.get_args(hint)[0] if typing.get_origin(hint) is tuple else hint
        shape = (OBJECTS if item is not hint else OBJECT) if _is_object(item) else LEAF
        required = a.default is attrs.NOTHING
        fields.append(
            WireField(
                name=a.name,
                hint=hint,
                item=item,
                shape=shape,
                required=required,
                default=None if required else a.default,
                converter=a.converter,
                check=a.metadata.get(CHECK) or field_check(hints[a.name]),
                constraint=a.metadata.get(CONSTRAINT),
            )
        )
    _FIELDS[cls] = result = tuple(fields)
    return result


def wire_classes() -> tuple[type, ...]:
    """Return every class with an object form on the wire, :class:`Portfolio` first."""
    seen: dict[type, None] = {}

    def visit(cls: type) -> None:
        if cls in seen:
            return
        seen[cls] = None
        for f in wire_fields(cls):
            if f.shape != LEAF:
                visit(f.item)

    visit(Portfolio)
    return tuple(seen)


def expectation(f: WireField) -> str:
    """Say what a field expects, for messages (``a date written YYYY-MM-DD``)."""
    item = f.item
    if f.shape == OBJECTS or (f.shape == LEAF and item is not f.hint):  # pragma: no cover
        # No list is required today; only a required field is ever reported missing.
        inner = "objects" if f.shape == OBJECTS else "strings"
        return f"a list of {inner}"
    if f.shape == OBJECT:
        return _object_expectation(item)
    if item is Cadence:
        return f"an RFC 5545 recurrence rule as a string like {_CADENCE_EXAMPLE}"
    if isinstance(item, type) and issubclass(item, enum.Enum):
        return "one of " + ", ".join(repr(m.value) for m in item)
    simple = {
        str: "a string",
        int: "a whole number",
        bool: "true or false",
        date: "a date written YYYY-MM-DD",
    }
    if item in simple:
        return simple[item]
    return 'a decimal number as a string like "0.22"'


def _object_expectation(cls: type) -> str:
    if cls is Money:
        return 'an object like {"amount": "12.50", "currency": "EUR"}'
    if cls.__name__ == "Period":
        return 'an object like {"start": "2026-01-01", "end": "2026-12-31"}'
    return f"an object ({with_article(cls.__name__)})"


# -- the fast path: generated per class ----------------------------------------------------


class _Bad(Exception):  # noqa: N818 - an internal signal, never seen by users
    """The fast path met something it does not build; the detailed path will say what."""


_FAST: dict[tuple[type, bool], Callable[[Any], Any]] = {}


def _fast(cls: type, forbid: bool) -> Callable[[Any], Any]:
    """Return (and cache) the fast structure function of *cls*.

    The generated function does what the class's ``__init__`` does (the same
    converters, then the same checks, generated by ``_checks``) without its
    call overhead, and builds small value objects such as Money in place.
    """
    found = _FAST.get((cls, forbid))
    if found is not None:
        return found
    if not _fusable(cls):  # pragma: no cover - every model class is plain attrs today
        return functools.partial(_detailed, cls, forbid=forbid)
    name = f"structure_{cls.__name__}{'' if forbid else '_lenient'}"
    namespace: dict[str, Any] = {
        "_Bad": _Bad,
        "_dict": dict,
        "_list": list,
        "_new": object.__new__,
    }
    lines = [f"def {name}(d):"]
    _emit_build(cls, "d", forbid, lines, namespace)
    lines.append("    return d")
    fn: Callable[[Any], Any] = compile_source(name, lines, namespace, name)
    _FAST[(cls, forbid)] = fn
    return fn


def _fusable(cls: type) -> bool:
    """Whether building *cls* takes nothing but its converters and ``Checked``'s checks."""
    return (
        getattr(cls, "__attrs_post_init__", None) is Checked.__attrs_post_init__
        and not hasattr(cls, "__attrs_pre_init__")
        and all(
            a.init and a.validator is None and not isinstance(a.default, attrs.Factory)  # type: ignore[arg-type]
            for a in attrs.fields(cls)
        )
    )


def _emit_build(cls: type, var: str, forbid: bool, lines: list[str], ns: dict[str, Any]) -> None:
    """Append statements that turn the dict in *var* into an object of *cls* in *var*."""
    fields = wire_fields(cls)
    hints = typing.get_type_hints(cls)
    by_name = {a.name: a for a in attrs.fields(cls)}
    lines += [f"    if {var}.__class__ is not _dict:", "        raise _Bad"]
    if forbid and _flat(cls):
        # Every key is required and read below: the right count means no unknown key.
        lines += [f"    if len({var}) != {len(fields)}:", "        raise _Bad"]
    elif forbid:
        allowed = f"_keys{len(ns)}"
        ns[allowed] = frozenset(f.name for f in fields)
        lines += [f"    if not {allowed}.issuperset({var}):", "        raise _Bad"]
    for f in fields:
        v = f"{var}_{f.name}"
        if f.required:
            lines.append(f"    {v} = {var}[{f.name!r}]")
        else:
            lines.append(f"    {v} = {var}.get({f.name!r})")
            if f.default is not None:
                default = f"_d{len(ns)}"
                ns[default] = f.default
                lines += [f"    if {v} is None:", f"        {v} = {default}"]
        if f.shape != LEAF:
            _emit_nested(f, v, forbid, lines, ns)
        converter = by_name[f.name].converter
        if converter is not None:
            _emit_conversion(converter, v, lines, ns)
        if f.shape == LEAF:
            emit_field_checks(by_name[f.name], hints[f.name], v, lines, ns, fail="raise _Bad")
    built = f"_cls{len(ns)}"
    ns[built] = cls
    lines.append(f"    {var} = _new({built})")
    lines += [f"    {_setter(cls, f.name, ns)}({var}, {var}_{f.name})" for f in fields]
    if has_invariants(cls):
        lines += [f"    for _ in {var}._invariants():", "        raise _Bad"]


def _emit_conversion(converter: Any, v: str, lines: list[str], ns: dict[str, Any]) -> None:
    """Append statements that run *converter* on *v*, in place for the wire's strings.

    A string, the one thing the wire sends these fields, takes the converter's own
    first step without its call (two, behind a typed wrapper); anything else calls it.
    """
    conv = f"_v{len(ns)}"
    ns[conv] = converter
    ns["_str"] = str
    if converter in DECIMAL_CONVERTERS:
        ns.update(_Decimal=Decimal, _decimal_match=DECIMAL_TEXT.match)
        plain = f"len({v}) <= {MAX_DECIMAL_CHARS} and _decimal_match({v})"
        lines += [
            f"    if {v}.__class__ is _str and {plain}:",
            f"        {v} = _Decimal({v})",
            "    else:",
            f"        {v} = {conv}({v})",
        ]
    elif converter in ENUM_CONVERTERS:
        members = f"_m{len(ns)}"
        ns[members] = ENUM_CONVERTERS[converter]._value2member_map_.get
        lines.append(f"    {v} = {members}({v}, {v}) if {v}.__class__ is _str else {conv}({v})")
    elif converter is to_date:
        ns["_day"] = KNOWN_DAYS.get
        lines.append(
            f"    {v} = (_day({v}) or {conv}({v})) if {v}.__class__ is _str else {conv}({v})"
        )
    else:
        lines.append(f"    {v} = {conv}({v})")


def _setter(cls: type, name: str, ns: dict[str, Any]) -> str:
    """The name of the function that sets attribute *name* of a new, frozen *cls* object.

    It is the slot's own descriptor: it sets the slot in 60 % of the time
    ``object.__setattr__`` takes (every model class is slotted).
    """
    slot = inspect.getattr_static(cls, name)
    setter = f"_set{len(ns)}_{name}"
    ns[setter] = slot.__set__
    return setter


def _emit_nested(f: WireField, v: str, forbid: bool, lines: list[str], ns: dict[str, Any]) -> None:
    """Append statements that build the nested object(s) of field *f* held in *v*."""
    nested = f"_s{len(ns)}"
    if f.shape == OBJECTS:
        ns[nested] = _fast(f.item, forbid)
        lines += [
            f"    if {v}.__class__ is _list:",
            f"        {v} = [{nested}(x) for x in {v}]",
            f"    elif {v} != ():",
            "        raise _Bad",
        ]
        return
    inner: list[str] = []
    if _flat(f.item):
        # A small value object (Money, Period) is built in place: no call per value.
        _emit_build(f.item, v, forbid, inner, ns)
    else:
        ns[nested] = _fast(f.item, forbid)
        inner.append(f"    {v} = {nested}({v})")
    if not f.required:
        lines.append(f"    if {v} is not None:")
        inner = ["    " + line for line in inner]
    lines += inner


def _flat(cls: type) -> bool:
    """Whether every field of *cls* is a required plain value (Money, Period)."""
    return all(f.required and f.shape == LEAF for f in wire_fields(cls))


# -- the detailed path: every problem, with its path ----------------------------------------

_MISSING: Final = object()
_Walked = tuple[Any, list[ErrorItem], bool]


def _shell(cls: type, values: dict[str, Any]) -> Any:
    """A partly read object: what could be read, ``None`` or ``()`` for the rest.

    It is never returned to users. The reference checks read it so that a
    broken entry still counts for its id and its readable references. An
    unreadable ``id`` becomes a fresh object that equals nothing.
    """
    obj: Any = object.__new__(cls)
    for f in wire_fields(cls):
        value = values.get(f.name, f.empty)
        if value is None and f.name == "id":
            value = object()
        object.__setattr__(obj, f.name, value)
    return obj


def _walk(cls: type, data: Any, forbid: bool) -> _Walked:  # noqa: C901 - one pass, every problem
    """Read *data* as *cls*: (object or shell, problems, whether the object is real)."""
    if not isinstance(data, dict):
        message = f"got {describe(data)}; expected {_object_expectation(cls)}"
        return _shell(cls, {}), [ErrorItem(path="", message=message, code="invalid_type")], False
    errors: list[ErrorItem] = []
    values: dict[str, Any] = {}
    ok = True
    for f in wire_fields(cls):
        raw = data.get(f.name, _MISSING)
        if raw is _MISSING or (raw is None and not f.required):
            if f.required:
                message = f"required but missing; expected {expectation(f)}"
                errors.append(ErrorItem(path=f.name, message=message, code="missing"))
                ok = False
            else:
                values[f.name] = f.default
            continue
        if f.shape == OBJECT:
            value, found, good = _walk(f.item, raw, forbid)
        elif f.shape == OBJECTS:
            value, found, good = _walk_list(f.item, raw, forbid)
        else:
            value, found, good = _leaf(f, raw)
        errors.extend(item.prefixed(f.name) for item in found)
        values[f.name] = value
        ok = ok and good
    if forbid:
        errors.extend(_unknown(key, cls) for key in data if key not in _names(cls))
    if ok:
        try:
            return cls(**values), errors, True
        except ValidationError as e:
            errors.extend(e.errors)
            return _shell(cls, values), errors, False
    shell = _shell(cls, values)
    if cls is Portfolio:
        # A collection that is no list at all leaves its items unknown (see _references).
        unreadable = {
            item.path for item in errors if item.code == "invalid_type" and item.path in values
        }
        errors.extend(_references(shell, unreadable))
    return shell, errors, False


def _walk_list(cls: type, data: Any, forbid: bool) -> _Walked:
    if not isinstance(data, list | tuple):
        message = f"got {describe(data)}; expected a list of objects"
        return (), [ErrorItem(path="", message=message, code="invalid_type")], False
    items = []
    errors: list[ErrorItem] = []
    ok = True
    for i, element in enumerate(data):
        value, found, good = _walk(cls, element, forbid)
        items.append(value)
        errors.extend(item.prefixed(f"[{i}]") for item in found)
        ok = ok and good
    return tuple(items), errors, ok


def _leaf(f: WireField, raw: Any) -> _Walked:
    """Convert and check one plain value as the model does; '' paths mean the field."""
    value = f.converter(raw) if f.converter is not None else raw
    errors: list[ErrorItem] = []
    if type(value) is Rejected:
        # A rule that does not parse: on the wire the cadence is the string itself.
        errors.extend(attrs.evolve(item, path="") for item in value.errors)
    elif f.item is Cadence and type(value) is not Cadence:
        message = f"got {describe(raw)}; expected {expectation(f)}"
        errors.append(ErrorItem(path="", message=message, code="invalid_type"))
    else:
        f.check(value, "", errors)
        if not errors and f.constraint is not None:
            problem = f.constraint(value)
            if problem is not None:
                errors.append(ErrorItem(path="", code=problem[0], message=problem[1]))
    if not errors:
        return value, errors, True
    if type(value) is tuple:
        # Keep the readable references of a list, with None where an element is bad.
        element = field_check(f.item)
        kept = tuple(x if not _fails(element, x) else None for x in value)
        return kept, errors, False
    return f.empty, errors, False


def _fails(check: _FieldCheck, value: Any) -> bool:
    out: list[ErrorItem] = []
    check(value, "", out)
    return bool(out)


_NAMES: dict[type, frozenset[str]] = {}


def _names(cls: type) -> frozenset[str]:
    found = _NAMES.get(cls)
    if found is None:
        found = _NAMES[cls] = frozenset(f.name for f in wire_fields(cls))
    return found


def _shorten(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _unknown(key: object, cls: type) -> ErrorItem:
    # The keys a document may hold: fields that __init__ takes.
    if attrs.has(cls):
        names = [a.name for a in attrs.fields(cls) if a.init]
    else:  # a dataclass of the user's, on our converter
        names = [f.name for f in dataclasses.fields(cls) if f.init]
    where = with_article(cls.__name__)
    if not isinstance(key, str):
        message = f"got {describe(key)} as a key in {where}; expected one of " + ", ".join(names)
        return ErrorItem(path=_shorten(repr(key)), message=message, code="unknown_key")
    shown = _shorten(key)
    close = difflib.get_close_matches(key, names, n=1)
    hint = f"did you mean {close[0]!r}?" if close else "expected one of " + ", ".join(names)
    return ErrorItem(
        path=shown, message=f"unknown key {shown!r} in {where}; {hint}", code="unknown_key"
    )


def _references(shell: Any, unreadable: set[str]) -> list[ErrorItem]:
    """Run the reference checks on a portfolio read only in part.

    References that may name an item of an *unreadable* collection are not
    judged: reporting each as dangling would bury the one real problem.
    """
    collections = {name: list(getattr(shell, name)) for name in COLLECTIONS}
    return reference_problems(collections, unreadable & COLLECTIONS.keys())


def _detailed(cls: type, data: Any, forbid: bool) -> Any:
    obj, errors, ok = _walk(cls, data, forbid)
    if errors:
        raise ValidationError(errors)
    if not ok:  # pragma: no cover - a failed read always names its problem
        raise AssertionError("unreachable")
    return obj


def _structure_model(data: Any, cls: type, forbid: bool) -> Any:
    try:
        return _fast(cls, forbid)(data)
    except Exception:  # noqa: BLE001 - any failure: the detailed path names it
        return _detailed(cls, data, forbid)


def _one(message: str, code: str) -> ValidationError:
    return ValidationError([ErrorItem(path="", message=message, code=code)])


def _structure_cadence(data: Any, _: type = Cadence) -> Cadence:
    if type(data) is not str:
        expected = f"an RFC 5545 recurrence rule as a string like {_CADENCE_EXAMPLE}"
        raise _one(f"got {describe(data)}; expected {expected}", "invalid_type")
    try:
        return Cadence(rule=data)
    except ValidationError as e:
        raise ValidationError(attrs.evolve(item, path="") for item in e.errors) from None


def _check_value(check: _FieldCheck, value: Any) -> Any:
    out: list[ErrorItem] = []
    check(value, "", out)
    if out:
        raise ValidationError(out)
    return value


def _structure_enum(data: Any, cls: type[enum.Enum]) -> Any:
    value = cls._value2member_map_.get(data, data) if type(data) is str else data
    return _check_value(field_check(cls), value)


# -- strict hooks of primitive types, for users' own classes on our converter ---------------


def _strict(expected: type, what: str) -> Callable[[Any, type], Any]:
    def hook(value: Any, _: type) -> Any:
        if type(value) is not expected:
            raise _one(f"got {describe(value)}; expected {what}", "invalid_type")
        return value

    return hook


def _structure_float(value: Any, _: type) -> float:
    if type(value) is float or type(value) is int:
        return float(value)
    if isinstance(value, float):  # a JSON float read by structure_json
        return float(value)
    raise _one(f"got {describe(value)}; expected a number", "invalid_type")


def _structure_decimal(value: Any, _: type) -> Decimal:
    return _check_value(field_check(Decimal), _decimal(value))  # type: ignore[no-any-return]


def _decimal(value: Any) -> Any:
    from ._checks import to_decimal  # noqa: PLC0415 - kept beside its use

    return to_decimal(value)


def _structure_date(value: Any, _: type) -> date:
    return _check_value(field_check(date), to_date(value))  # type: ignore[no-any-return]


def _sequence_factory(cl: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = (
        list_structure_factory(cl, conv)
        if is_mutable_sequence(cl)
        else homogenous_tuple_structure_factory(cl, conv)
    )

    def hook(value: Any, t: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise _one(f"got {describe(value)}; expected a list", "invalid_type")
        return inner(value, t)

    return hook


def _set_factory(cl: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    # JSON has no sets: a set arrives as a list, never as a string to iterate.
    args = typing.get_args(cl)
    element = args[0] if args else Any
    frozen = is_frozenset(cl)

    def hook(value: Any, _: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise _one(f"got {describe(value)}; expected a list", "invalid_type")
        items = conv.structure(value, list[element])  # type: ignore[valid-type]
        return frozenset(items) if frozen else set(items)

    return hook


def _mapping_factory(cl: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = mapping_structure_factory(cl, conv)

    def hook(value: Any, t: Any) -> Any:
        if not isinstance(value, dict):
            raise _one(f"got {describe(value)}; expected an object", "invalid_type")
        return inner(value, t)

    return hook


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(float, _structure_float)
    # cattrs dispatches on the class first: a StrEnum is a str, an IntEnum an int.
    for base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        conv.register_structure_hook(base, _structure_enum)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_unstructure_hook(Decimal, _fmt)
    for base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        conv.register_unstructure_hook(base, _enum_value)
    conv.register_structure_hook_factory(is_sequence, _sequence_factory)
    conv.register_structure_hook_factory(is_any_set, _set_factory)
    conv.register_structure_hook_factory(is_mapping, _mapping_factory)
    conv.register_structure_hook(Cadence, _structure_cadence)
    conv.register_unstructure_hook(Cadence, _cadence_rule)
    for cls in wire_classes():
        conv.register_structure_hook(cls, _model_hook)
        conv.register_unstructure_hook(cls, _unstructure_fn(cls))
    return conv


def _model_hook(data: Any, cls: type) -> Any:
    return _structure_model(data, cls, True)  # noqa: FBT003


def _lenient_model_hook(data: Any, cls: type) -> Any:
    return _structure_model(data, cls, False)  # noqa: FBT003


def _lenient() -> cattrs.Converter:
    """A copy of :func:`converter` that ignores unknown keys, in users' classes and ours.

    Made for each call (about 0.3 ms), so that hooks registered since count.
    """
    conv = converter().copy(forbid_extra_keys=False)
    for cls in wire_classes():
        conv.register_structure_hook(cls, _lenient_model_hook)
    return conv


# -- unstructure: generated per class -----------------------------------------------------


def _fmt(amount: Decimal) -> str:
    return format(amount, "f")


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _cadence_rule(cadence: Cadence) -> str:
    return cadence.rule


_UNSTRUCTURE: dict[type, Callable[[Any], Any]] = {}

#: Optional fields up to which each combination of present ones gets its own dict literal.
_MAX_BRANCHED: Final = 5


def _always(f: WireField) -> bool:
    """Whether the field is always on the wire (it is never a left-out None)."""
    return f.required or f.default is not None


def _inline(cls: type) -> bool:
    """Whether objects of *cls* are written as a dict literal in their parent's code."""
    return all(_always(f) and f.shape != OBJECTS for f in wire_fields(cls))


def _decimal_expr(var: str) -> str:
    """``format(d, "f")``, written as ``str(d)`` where that is the same and three times faster.

    ``str`` differs from ``format(d, "f")`` only when it uses an exponent (``1E+3``).
    """
    return f"(_s if 'E' not in (_s := _str({var})) and 'e' not in _s else _fmt({var}))"


class _Writer:
    """Writes the expressions of one generated unstructure function.

    Nested lists of objects are built by loops that run before the function's
    dict literals (``before``): a comprehension costs a function frame per
    list, and most nested lists hold one or two objects.
    """

    def __init__(self, *, loops: bool) -> None:
        self.ns: dict[str, Any] = {
            "_fmt": _fmt,
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
        """A dict literal for a small object, else a call of its own function."""
        if _inline(cls):
            items = (f"{f.name!r}: {self.value(f, f'{var}.{f.name}')}" for f in wire_fields(cls))
            return "{" + ", ".join(items) + "}"
        return f"{self.name('_u', _unstructure_fn(cls))}({var})"


def _unstructure_fn(cls: type) -> Callable[[Any], Any]:
    """Return (and cache) the generated unstructure function of *cls*."""
    found = _UNSTRUCTURE.get(cls)
    if found is None:
        found = _UNSTRUCTURE[cls] = _compile_unstructure(cls, branched=_MAX_BRANCHED)
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
    optional = {f.name: f"v{i}" for i, f in enumerate(fields) if not _always(f)}
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


# -- the public functions ------------------------------------------------------------------

_CONVERTER: cattrs.Converter | None = None


def converter() -> cattrs.Converter:
    """Return the library's own :class:`cattrs.Converter`.

    It holds the hooks of every salesroles class and strict hooks for
    ``str``, ``int``, ``bool``, ``float``, ``Decimal``, ``date``, enums and
    lists (no ``int(x)``, ``str(x)`` or iterating a string), and refuses
    unknown keys. Register hooks for your own types on it to structure
    documents that embed salesroles objects. It is never
    ``cattrs.global_converter``, so using salesroles changes nothing in your
    application's converters.

    >>> import attrs
    >>> from salesroles import Money, converter
    >>> @attrs.frozen
    ... class Invoice:
    ...     number: str
    ...     total: Money
    >>> converter().structure({"number": "R-1", "total": {"amount": "9.90", "currency": "EUR"}},
    ...                       Invoice)
    Invoice(number='R-1', total=Money(amount=Decimal('9.90'), currency='EUR'))
    """
    global _CONVERTER  # noqa: PLW0603 - built once, on first use
    if _CONVERTER is None:
        _CONVERTER = _make_converter()
    return _CONVERTER


def structure(data: Any, cls: type[T], *, forbid_extra_keys: bool = True) -> T:
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
    if _is_object(cls):
        return _structure_model(data, cls, forbid_extra_keys)  # type: ignore[no-any-return]
    if cls is Cadence:
        return _structure_cadence(data)  # type: ignore[return-value]
    if is_enum(cls):
        return _structure_enum(data, cls)  # type: ignore[arg-type, no-any-return]
    conv = converter() if forbid_extra_keys else _lenient()
    try:
        return conv.structure(data, cls)
    except Exception as e:  # noqa: BLE001 - users' own classes: no bare error escapes
        raise ValidationError(_from_cattrs(e, data, cls)) from None


def _from_cattrs(exc: BaseException, data: Any, hint: Any = None) -> list[ErrorItem]:
    """Translate cattrs' detailed errors (for users' own classes) into error items.

    *data* is the input at the error's level, *hint* the type asked for when
    known (it binds a generic class's type variables). A failed ``__init__``
    arrives without a field (attrs runs converters and validators inside
    it); its fields are found again by :func:`_refused_by_validators`.
    """
    if isinstance(exc, ValidationError):
        return list(exc.errors)
    if isinstance(exc, ClassValidationError | IterableValidationError):
        found: list[ErrorItem] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if hasattr(note, "name"):  # an attribute
                where, inner = note.name, _item(data, note.name)
            else:  # an index or a mapping's key
                where, inner = f"[{note.index!r}]", _item(data, note.index)
            found.extend(item.prefixed(where) for item in _from_cattrs(sub, inner))
        refused = []
        if isinstance(exc, ClassValidationError):
            # cattrs names a generic class without its arguments: the caller's type has them.
            cls = hint if typing.get_origin(hint) is exc.cl else exc.cl
            refused = _refused_by_validators(cls, data)
        pinned = {_signature(e) for _, e in refused}
        for sub in without:
            # The refusal __init__ raised is among those found again, now with its field.
            if _signature(sub) not in pinned:
                found.extend(_from_cattrs(sub, None))
        return found + [item for item, _ in refused]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [_unknown(key, exc.cl) for key in sorted(exc.extra_fields)]
    if isinstance(exc, KeyError):
        return [ErrorItem(path="", message="required but missing", code="missing")]
    return [ErrorItem(path="", message=f"invalid value ({exc})", code="invalid_type")]


def _item(data: Any, key: Any) -> Any:
    """``data[key]`` where the input has it, else None (the path is known anyway)."""
    try:
        return data[key]
    except (LookupError, TypeError):
        return None


def _said(exc: BaseException) -> str:
    # attrs' own validators put the message first and the attribute after it.
    if exc.args and isinstance(exc.args[0], str):
        return exc.args[0]
    try:
        return str(exc)
    except Exception:  # noqa: BLE001 - a user's exception that cannot say what it is
        return type(exc).__name__


def _signature(exc: BaseException) -> tuple[type, str]:
    return type(exc), _said(exc)


def _refused_by_validators(cls: type, data: Any) -> list[tuple[ErrorItem, BaseException]]:
    """Name each field of a user's attrs class whose converter or validator refuses it.

    attrs runs them inside ``__init__``, which fails at the first refusal and
    never starts when a field did not read, so cattrs reports neither with a
    field. Here each field that reads is converted and validated on its own
    (defaults too, as ``__init__`` would), against an object holding the
    others, so that every refusal names its field. Validators therefore run a
    second time on the error path. A validator that reads a field that did not
    read stays silent; nothing is found for a class that cannot be rebuilt so.
    """
    if not attrs.has(cls) or not isinstance(data, dict):
        return []
    try:
        return _run_validators(cls, data)
    except Exception:  # noqa: BLE001 - an odd class: its error is reported as it came
        return []


def _run_validators(cls: Any, data: dict[str, Any]) -> list[tuple[ErrorItem, BaseException]]:
    found: list[tuple[ErrorItem, BaseException]] = []
    shell: Any = object.__new__(typing.get_origin(cls) or cls)
    read: list[attrs.Attribute[Any]] = []
    for a in attrs.fields(cls):
        value = _initial(cls, a, data, shell)
        if value is _MISSING:
            continue
        if a.converter is not None:
            try:
                value = _converted(a, value, shell)
            except Exception as e:  # noqa: BLE001 - whatever a user's converter raises
                found.append((_refusal(a.name, e), e))
                continue
        object.__setattr__(shell, a.name, value)
        read.append(a)
    if attrs.validators.get_disabled():
        return found
    for a in read:
        if a.validator is None:
            continue
        try:
            # As __init__ does: the value as it stands now (a validator may set another).
            a.validator(shell, a, getattr(shell, a.name))
        except AttributeError:
            continue  # it reads a field that did not read: that one is reported already
        except Exception as e:  # noqa: BLE001 - whatever a user's validator raises
            found.append((_refusal(a.name, e), e))
    return found


def _initial(cls: Any, a: attrs.Attribute[Any], data: dict[str, Any], shell: Any) -> Any:
    """What ``__init__`` gets for field *a*: read from *data*, else its default."""
    try:
        if a.init and a.name in data:
            # As cattrs reads it: string annotations are resolved by now, type variables
            # are bound by the generic class's arguments.
            return converter().structure(data[a.name], _bound(cls, a.type))
        default: Any = a.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            return default.factory(shell) if default.takes_self else default.factory()
    except Exception:  # noqa: BLE001 - cattrs reported the field that does not read
        return _MISSING
    return _MISSING if default is attrs.NOTHING else default


def _bound(cls: Any, hint: Any) -> Any:
    """*hint* with the type variables of a generic class bound (``list[T]`` in ``G[int]``)."""
    if hint is None:
        return Any
    origin = typing.get_origin(cls)
    if origin is None:
        return hint
    bound = dict(zip(getattr(origin, "__parameters__", ()), typing.get_args(cls), strict=False))
    if isinstance(hint, typing.TypeVar):
        return bound.get(hint, Any)
    free = getattr(hint, "__parameters__", ())
    return hint[tuple(bound.get(p, Any) for p in free)] if free else hint


def _converted(a: attrs.Attribute[Any], value: Any, shell: Any) -> Any:
    """Run the field's attrs converter as ``__init__`` would."""
    if isinstance(a.converter, attrs.Converter):
        # Converter objects take the value, the object and the field.
        return a.converter(value, shell, a)  # type: ignore[operator]
    return a.converter(value)  # type: ignore[misc]


def _refusal(name: str, exc: BaseException) -> ErrorItem:
    return ErrorItem(path=name, message=f"invalid value ({_said(exc)})", code="invalid_value")


def unstructure(obj: Any) -> Any:
    """Turn a salesroles object into JSON-ready data (dict, list, str, int, bool).

    Amounts are decimal strings with their exact digits, dates ``YYYY-MM-DD``,
    enumerations their values, a cadence its rule; optional fields that are
    ``None`` are left out, and lists are always present (``[]`` when empty).

    >>> from salesroles import Money, Period
    >>> unstructure(Money(amount="1200000.00", currency="EUR"))
    {'amount': '1200000.00', 'currency': 'EUR'}
    >>> unstructure([Period.year(2026)])
    [{'start': '2026-01-01', 'end': '2026-12-31'}]
    """
    fn = _UNSTRUCTURE.get(type(obj))
    if fn is not None:
        return fn(obj)
    if type(obj) is list or type(obj) is tuple:
        return [unstructure(x) for x in obj]
    return converter().unstructure(obj)


class _Float(float):
    """A JSON number with a fraction or exponent: refused everywhere, quoted as sent."""

    __slots__ = ("text",)

    text: str

    def __new__(cls, text: str) -> _Float:  # noqa: PYI034 - float's __new__ returns float
        self = super().__new__(cls, text)
        self.text = text
        return self

    def __repr__(self) -> str:
        return _shorten(self.text)


def structure_json(
    document: str | bytes | bytearray, cls: type[T], *, forbid_extra_keys: bool = True
) -> T:
    """Parse a JSON document and structure it into *cls* (see :func:`structure`).

    Numbers with a fraction or an exponent are kept as sent, so that a float
    amount is refused by name rather than rounded.

    Raises:
        ValidationError: The document is no JSON (code ``invalid_json``) or
            does not describe a valid *cls*.

    >>> from salesroles import Money
    >>> structure_json('{"amount": 12.50, "currency": "EUR"}', Money)
    Traceback (most recent call last):
    ...
    salesroles.exceptions.ValidationError: amount: got the float 12.50; send the amount as a string like "12.50" (binary floats lose cents)
    """  # noqa: E501
    try:
        if isinstance(document, bytes | bytearray):
            # RFC 8259: JSON between systems is UTF-8; json.loads would guess UTF-16 too.
            document = bytes(document).decode("utf-8")
        data = json.loads(document, parse_float=_Float, parse_constant=_Float)
    except (ValueError, RecursionError) as e:
        reason = "it is nested too deeply" if isinstance(e, RecursionError) else str(e)[:200]
        raise _one(f"the document is no valid JSON: {reason}", "invalid_json") from None
    except TypeError:
        raise _one(
            f"got {describe(document)}; expected a JSON document as str or bytes", "invalid_json"
        ) from None
    return structure(data, cls, forbid_extra_keys=forbid_extra_keys)


def unstructure_json(obj: Any) -> str:
    """Return *obj* as a compact JSON document (a ``str``; encode it as UTF-8 to send it).

    >>> from salesroles import Period
    >>> unstructure_json(Period.year(2026))
    '{"start":"2026-01-01","end":"2026-12-31"}'
    """
    return json.dumps(unstructure(obj), ensure_ascii=False, separators=(",", ":"))


for _cls in wire_classes():
    _unstructure_fn(_cls)
_UNSTRUCTURE[Cadence] = _cadence_rule
