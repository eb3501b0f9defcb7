"""Users' own classes on our converter: cattrs' errors translated into paths and codes.

cattrs reports a failed ``__init__`` of a user's attrs class without the
field at fault, because attrs runs converters and validators inside it.
Here those fields are found again, so that every problem of a user's
document names its path like the problems of ours.
"""

from __future__ import annotations

import typing
from typing import Any, Final

import attrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from salesroles._model.messages import error_item, template
from salesroles.exceptions import ErrorItem, ValidationError

from .fields import unknown_key
from .hooks import converter

_MISSING: Final = object()


_REQUIRED: Final = template("required", "required but missing")
_INVALID: Final = template("invalid_value", "invalid value ({reason})")


def errors_from_cattrs(exc: BaseException, data: Any, hint: Any = None) -> list[ErrorItem]:
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
            found.extend(item.prefixed(where) for item in errors_from_cattrs(sub, inner))
        refused = []
        if isinstance(exc, ClassValidationError):
            # cattrs names a generic class without its arguments: the caller's type has them.
            cls = hint if typing.get_origin(hint) is exc.cl else exc.cl
            refused = _refused_by_validators(data, cls)
        pinned = {_signature(e) for _, e in refused}
        for sub in without:
            # The refusal __init__ raised is among those found again, now with its field.
            if _signature(sub) not in pinned:
                found.extend(errors_from_cattrs(sub, None))
        return found + [item for item, _ in refused]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [unknown_key(key, exc.cl) for key in sorted(exc.extra_fields)]
    if isinstance(exc, KeyError):
        return [error_item("", "missing", _REQUIRED)]
    return [error_item("", "invalid_type", _INVALID, reason=str(exc))]


def _item(data: Any, key: Any) -> Any:
    """``data[key]`` where the input has it, else None (the path is known anyway)."""
    try:
        return data[key]
    except (LookupError, TypeError):
        return None


def _exception_text(exc: BaseException) -> str:
    # attrs' own validators put the message first and the attribute after it.
    if exc.args and isinstance(exc.args[0], str):
        return exc.args[0]
    try:
        return str(exc)
    except Exception:  # noqa: BLE001 - a user's exception that cannot say what it is
        return type(exc).__name__


def _signature(exc: BaseException) -> tuple[type, str]:
    return type(exc), _exception_text(exc)


def _refused_by_validators(data: Any, cls: type) -> list[tuple[ErrorItem, BaseException]]:
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
        return _run_validators(data, cls)
    except Exception:  # noqa: BLE001 - an odd class: its error is reported as it came
        return []


def _run_validators(data: dict[str, Any], cls: Any) -> list[tuple[ErrorItem, BaseException]]:
    found: list[tuple[ErrorItem, BaseException]] = []
    partial: Any = object.__new__(typing.get_origin(cls) or cls)
    read: list[attrs.Attribute[Any]] = []
    for a in attrs.fields(cls):
        value = _initial(data, cls, a, partial)
        if value is _MISSING:
            continue
        if a.converter is not None:
            try:
                value = _converted(a, value, partial)
            except Exception as e:  # noqa: BLE001 - whatever a user's converter raises
                found.append((_refusal(a.name, e), e))
                continue
        object.__setattr__(partial, a.name, value)
        read.append(a)
    if attrs.validators.get_disabled():
        return found
    for a in read:
        if a.validator is None:
            continue
        try:
            # As __init__ does: the value as it stands now (a validator may set another).
            a.validator(partial, a, getattr(partial, a.name))
        except AttributeError:
            continue  # it reads a field that did not read: that one is reported already
        except Exception as e:  # noqa: BLE001 - whatever a user's validator raises
            found.append((_refusal(a.name, e), e))
    return found


def _initial(data: dict[str, Any], cls: Any, a: attrs.Attribute[Any], partial: Any) -> Any:
    """What ``__init__`` gets for field *a*: read from *data*, else its default."""
    try:
        if a.init and a.name in data:
            # As cattrs reads it: string annotations are resolved by now, type variables
            # are bound by the generic class's arguments.
            return converter().structure(data[a.name], _bound(cls, a.type))
        default: Any = a.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            return default.factory(partial) if default.takes_self else default.factory()
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


def _converted(a: attrs.Attribute[Any], value: Any, partial: Any) -> Any:
    """Run the field's attrs converter as ``__init__`` would."""
    if isinstance(a.converter, attrs.Converter):
        # Converter objects take the value, the object and the field.
        return a.converter(value, partial, a)  # type: ignore[operator]
    return a.converter(value)  # type: ignore[misc]


def _refusal(name: str, exc: BaseException) -> ErrorItem:
    return error_item(name, "invalid_value", _INVALID, reason=_exception_text(exc))
