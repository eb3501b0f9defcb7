"""The words of every message: how values, nouns and lists are named, and one problem raised.

Every error the library raises reads ``got <what came>; expected <what was
wanted>``. The helpers here keep that vocabulary in one place, so that the
same bad value reads the same in every function that refuses it.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from salesroles._i18n.message import ROLE_PHRASES, and_list, with_article
from salesroles.exceptions import ErrorItem, ValidationError

from .enums import Role

if TYPE_CHECKING:
    import enum
    from collections.abc import Iterable

__all__ = [
    "and_list",
    "describe",
    "enum_refusal",
    "plural",
    "problem",
    "shorten",
    "with_article",
]

_SHOWN = 40


def shorten(text: str) -> str:
    """*text* cut to 40 characters (with an ellipsis), for quoting input in messages."""
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def describe(value: object) -> str:  # noqa: PLR0911 - one return per JSON type
    """Name a value for an error message: its JSON-ish type and a short repr."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, float):
        return f"the float {value!r}"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, str):
        return f"{shorten(value)!r}" if value else "an empty string"
    if isinstance(value, Decimal):
        return f"the decimal {shorten(str(value))}"
    if isinstance(value, list | tuple):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


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


def enum_refusal(value: object, cls: type[enum.Enum]) -> tuple[str, str]:
    """The code and message of *value* refused by enumeration *cls*: ``(code, message)``.

    A value of another JSON type than the enumeration's values (the number 3
    for a segment) is ``invalid_type``; one of the right type that is no value
    is ``invalid_enum``, naming the nearest allowed value when one is close.

    >>> from salesroles._model.enums import Segment
    >>> code, message = enum_refusal("larg", Segment)
    >>> print(code, message, sep=": ")
    invalid_enum: got 'larg'; expected one of 'small', 'medium', 'large'; did you mean 'large'?
    >>> enum_refusal(3, Segment)
    ('invalid_type', "got the number 3; expected one of 'small', 'medium', 'large'")
    """
    values = [member.value for member in cls]
    message = f"got {describe(value)}; expected one of " + ", ".join(repr(v) for v in values)
    if _json_kind(value) not in {_json_kind(v) for v in values}:
        return "invalid_type", message
    if isinstance(value, str) and len(value) <= _LONGEST_GUESS:
        words = [v for v in values if isinstance(v, str)]
        close = difflib.get_close_matches(value, words, n=1)
        if close:
            message += f"; did you mean {close[0]!r}?"
    return "invalid_enum", message


def plural(n: int, noun: str) -> str:
    """``1 finding``, ``2 findings``: a count with its noun (an ``s`` when not one)."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def problem(path: str, message: str, code: str = "invalid_type") -> ValidationError:
    """The error of one problem: what every public function raises for one bad argument.

    Raise it ``from None`` inside an ``except`` block, so that no internal
    exception travels along as its context.
    """
    return ValidationError([ErrorItem(path=path, message=message, code=code)])


# How English sentences name each role: the source texts the catalogues translate.
_ROLE_NAMES: Final = {Role(value): phrase for value, phrase in ROLE_PHRASES.items()}


def role_phrase(role: Role) -> str:
    """Name a role in a sentence: ``an account manager``, ``a sales representative``, …."""
    return _ROLE_NAMES[role]


def roles_phrase(roles: Iterable[Role]) -> str:
    """Name several roles in a sentence (``an account manager or marketing``; ``nobody``)."""
    names = [role_phrase(r) for r in Role if r in frozenset(roles)]
    return and_list(names, "or") if names else "nobody"
