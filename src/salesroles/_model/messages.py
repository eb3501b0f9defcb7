"""The words of every message: how values, nouns and lists are named, and one problem raised.

Every error the library raises reads ``got <what came>; expected <what was
wanted>``. The helpers here keep that vocabulary in one place, so that the
same bad value reads the same in every function that refuses it, in every
language: a message is a registered template (:func:`~salesroles._i18n.message.template`)
and JSON-ready parameters, rendered in the active locale when the problem is
found. What came is :func:`shown` (``the float 1.5``); what was expected is a
registered phrase (:func:`phrase`), itself a message that may nest others.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeVar

from salesroles._i18n.message import (
    ROLE_PHRASES,
    and_list,
    phrases,
    render,
    said,
    template,
    with_article,
)
from salesroles.exceptions import ErrorItem, SalesRolesError, ValidationError

from .enums import Role

if TYPE_CHECKING:
    import enum
    from collections.abc import Iterable

    Message = dict[str, Any]

__all__ = [
    "GOT_EXPECTED",
    "MISSING",
    "ONE_OF",
    "and_list",
    "describe",
    "enum_refusal",
    "error",
    "error_item",
    "phrase",
    "phrases",
    "placed",
    "plural",
    "problem",
    "refusal",
    "said",
    "shorten",
    "shown",
    "template",
    "unknown_key",
    "with_article",
    "wrong",
]

_SHOWN = 40


def shorten(text: str) -> str:
    """*text* cut to 40 characters (with an ellipsis), for quoting input in messages."""
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def phrase(code: str, english: str) -> Message:
    """Register a phrase without parameters (``a date written YYYY-MM-DD``); return it as said.

    It nests in a message as ``{expected:message}``, translated by its code.
    """
    return said(template(code, english))


for _code, _english in {
    "value.null": "null",
    "value.boolean": "the boolean {value}",
    "value.float": "the float {value}",
    "value.number": "the number {value}",
    "value.text": "{value!r}",
    "value.empty": "an empty string",
    "value.decimal": "the decimal {value}",
    "value.list": "a list of {count}",
    "value.object": "an object",
    "value.python": "a {type}",
}.items():
    template(_code, _english)

GOT_EXPECTED: Final = template("got_expected", "got {got:message}; expected {expected:message}")
MISSING: Final = template("missing", "required but missing; expected {expected:message}")


def shown(value: object) -> Message:  # noqa: PLR0911 - one return per JSON type
    """Name a value for an error message, as a message: its JSON-ish type and a short form.

    >>> shown(1.5)
    {'code': 'value.float', 'params': {'value': '1.5'}}
    """
    if value is None:
        return said("value.null")
    if isinstance(value, bool):
        return said("value.boolean", value=str(value).lower())
    if isinstance(value, float):
        return said("value.float", value=repr(value))
    if isinstance(value, int):
        return said("value.number", value=str(value))
    if isinstance(value, str):
        return said("value.text", value=shorten(value)) if value else said("value.empty")
    if isinstance(value, Decimal):
        return said("value.decimal", value=shorten(str(value)))
    if isinstance(value, list | tuple):
        return said("value.list", count=len(value))
    if isinstance(value, dict):
        return said("value.object")
    return said("value.python", type=type(value).__name__)


def describe(value: object) -> str:
    """Name a value for an error message in the active language: ``the float 1.5``."""
    message = shown(value)
    return render(message["code"], message["params"])


def error_item(path: str, code: str, text: str, **params: Any) -> ErrorItem:
    """One problem at *path*: message *text* (a registered template) filled with *params*."""
    return ErrorItem(
        path=path, message=render(text, params), code=code, template=text, params=params
    )


def placed(path: str, code: str, message: Message) -> ErrorItem:
    """One problem at *path* whose message was said before its place was known."""
    return error_item(path, code, message["code"], **message["params"])


def wrong(path: str, value: object, expected: Message, code: str = "invalid_type") -> ErrorItem:
    """The problem of *value* at *path*: ``got <value>; expected <expected>``."""
    return error_item(path, code, GOT_EXPECTED, got=shown(value), expected=expected)


def problem(
    path: str, value: object, expected: Message, code: str = "invalid_type"
) -> ValidationError:
    """The error of one bad argument: what every public function raises for one.

    Raise it ``from None`` inside an ``except`` block, so that no internal
    exception travels along as its context.
    """
    return ValidationError([wrong(path, value, expected, code)])


def error(path: str, code: str, text: str, **params: Any) -> ValidationError:
    """The error of one problem whose message is not ``got …; expected …``."""
    return ValidationError([error_item(path, code, text, **params)])


_E = TypeVar("_E", bound=SalesRolesError)


def refusal(cls: type[_E], code: str, text: str, **params: Any) -> _E:
    """A lifecycle, lookup or money error: its message rendered, its code and params kept."""
    return cls(render(text, params), code=code, params=params, template=text)


def _json_kind(value: object) -> str:
    """The JSON type a value stands for: a bool is no number, an int and a float are."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float | Decimal):
        return "number"
    if isinstance(value, str):
        return "string"
    return type(value).__name__


# Beyond this length nothing is close to an enumeration's value; difflib would only spend time.
_LONGEST_GUESS: Final = 100


ONE_OF: Final = template("expected.one_of", "one of {values:choices}")
_GUESS: Final = template(
    "got_expected_guess", "got {got:message}; expected {expected:message}; did you mean {guess!r}?"
)


def enum_refusal(path: str, value: object, cls: type[enum.Enum]) -> ErrorItem:
    """The problem of *value* refused by enumeration *cls* at *path*.

    A value of another JSON type than the enumeration's values (the number 3
    for a segment) is ``invalid_type``; one of the right type that is no value
    is ``invalid_enum``, naming the nearest allowed value when one is close.

    >>> from salesroles._model.enums import Segment
    >>> found = enum_refusal("segment", "larg", Segment)
    >>> print(found.code, found.message, sep=": ")
    invalid_enum: got 'larg'; expected one of 'small', 'medium', 'large'; did you mean 'large'?
    >>> print(enum_refusal("segment", 3, Segment).message)
    got the number 3; expected one of 'small', 'medium', 'large'
    """
    values = [member.value for member in cls]
    expected = said(ONE_OF, values=values)
    if _json_kind(value) not in {_json_kind(v) for v in values}:
        return wrong(path, value, expected)
    if isinstance(value, str) and len(value) <= _LONGEST_GUESS:
        words = [v for v in values if isinstance(v, str)]
        close = difflib.get_close_matches(value, words, n=1)
        if close:
            return error_item(
                path, "invalid_enum", _GUESS, got=shown(value), expected=expected, guess=close[0]
            )
    return wrong(path, value, expected, "invalid_enum")


_UNKNOWN_GUESS: Final = template(
    "unknown_key_guess", "unknown key {key!r} in {cls:a}; did you mean {guess!r}?"
)
_UNKNOWN: Final = template(
    "unknown_key", "unknown key {key!r} in {cls:a}; expected one of {names:joined}"
)
_ODD_KEY: Final = template(
    "odd_key", "got {got:message} as a key in {cls:a}; expected one of {names:joined}"
)


def unknown_key(key: object, names: list[str], cls: type) -> ErrorItem:
    """A key (or keyword argument) that is no field of *cls*, naming the nearest one."""
    if not isinstance(key, str):
        return error_item(
            shorten(repr(key)),
            "unknown_key",
            _ODD_KEY,
            got=shown(key),
            cls=cls.__name__,
            names=names,
        )
    short = shorten(key)
    close = difflib.get_close_matches(key, names, n=1)
    if close:
        return error_item(
            short, "unknown_key", _UNKNOWN_GUESS, key=short, cls=cls.__name__, guess=close[0]
        )
    return error_item(short, "unknown_key", _UNKNOWN, key=short, cls=cls.__name__, names=names)


def plural(n: int, noun: str) -> str:
    """``1 finding``, ``2 findings``: a count with its noun (an ``s`` when not one)."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


# How English sentences name each role: the source texts the catalogues translate.
_ROLE_NAMES: Final = {Role(value): phrase for value, phrase in ROLE_PHRASES.items()}


def role_phrase(role: Role) -> str:
    """Name a role in a sentence: ``an account manager``, ``a sales representative``, …."""
    return _ROLE_NAMES[role]


def roles_phrase(roles: Iterable[Role]) -> str:
    """Name several roles in a sentence (``an account manager or marketing``; ``nobody``)."""
    names = [role_phrase(r) for r in Role if r in frozenset(roles)]
    return and_list(names, "or") if names else "nobody"
