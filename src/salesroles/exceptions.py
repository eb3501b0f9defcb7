"""The errors of `salesroles`: every one derives from :class:`SalesRolesError`.

Bad input never escapes as a bare ``KeyError`` or ``TypeError``. It raises
:class:`ValidationError`, which carries *all* the problems found at once, each
with the path of the offending field, a message saying what was wrong and what
was expected, and a stable machine-readable code.

>>> from salesroles import Money
>>> try:
...     Money(amount=1.5, currency="euro")
... except ValidationError as e:
...     error = e
>>> print(error)
2 problems:
  amount: got the float 1.5; send the amount as a string like "12.50" (binary floats lose cents)
  currency: got 'euro'; expected an ISO 4217 code like "EUR"
>>> [item.code for item in error.errors]
['float_money', 'invalid_currency']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

# One step of a path: a bracketed step (an index ``[3]``, or an id ``[C-ACME]`` in the paths of
# ``Portfolio.from_frames``) or a key up to the next ``.`` or ``[``.
_STEP: Final = re.compile(r"\[([^\]]*)\]|([^.\[]+)")

__all__ = [
    "CurrencyMismatchError",
    "ErrorItem",
    "LifecycleError",
    "MoneyError",
    "NotFoundError",
    "SalesRolesError",
    "ValidationError",
]


class SalesRolesError(Exception):
    """The base of every error `salesroles` raises on purpose.

    Catch this to handle anything the library refuses. Besides its message (in
    the language active when it was raised), an error the library raises
    carries a stable :attr:`code` and the JSON-ready :attr:`params` its message
    is made of, so that a caller can tell errors apart, or say them in its own
    words, without reading the text.

    Attributes:
        code: A stable machine-readable code (``already_key_account``); ``""``
            when none was given. A :class:`ValidationError` keeps one per problem.
        params: The values the message is made of; ``{}`` when none were given.
        template: The code of the message's text in the catalogues, which
            :attr:`params` fill; ``None`` for a message written as it is.
    """

    code: str
    params: Mapping[str, Any]
    template: str | None

    def __init__(
        self,
        *args: object,
        code: str = "",
        params: Mapping[str, Any] | None = None,
        template: str | None = None,
    ) -> None:
        super().__init__(*args)
        self.code = code
        self.params = {} if params is None else params
        self.template = template

    def in_language(self, locale: str | None = None) -> SalesRolesError:
        """The same error, its message said in *locale* (default: the active one).

        An error written as it is (no :attr:`template`) comes back as it is.
        """
        if self.template is None or _SAY is None:
            return self
        message = _SAY(self.template, self.params, locale)
        return type(self)(message, code=self.code, params=self.params, template=self.template)

    def __reduce__(self) -> Any:
        # Pickle (multiprocessing, Dask) carries only args; the code and params go along too.
        params = dict(self.params)
        return (_rebuild, (type(self), self.args, self.code, params, self.template))


def _rebuild(
    cls: type[SalesRolesError],
    args: tuple[object, ...],
    code: str,
    params: dict[str, Any],
    template: str | None,
) -> SalesRolesError:
    return cls(*args, code=code, params=params, template=template)


# Says a message in a language: ``(template, params, locale) -> text``. The language layer,
# above this module, registers it when it loads (salesroles._i18n.message), so that an
# error can be said again without this module importing upwards.
_SAY: Callable[[str, Mapping[str, Any], str | None], str] | None = None


def register_renderer(say: Callable[[str, Mapping[str, Any], str | None], str]) -> None:
    """Let errors say their messages again in another language (the language layer's call)."""
    global _SAY  # noqa: PLW0603 - the one renderer of the process, set once by _i18n.message
    _SAY = say


@attrs.frozen(kw_only=True)
class ErrorItem:
    """One problem found in the input.

    Attributes:
        path: Where the problem is, like ``plans[0].owner`` or
            ``customers[1].annual_revenue.amount``; ``""`` for the value itself.
        message: What was wrong and what was expected, in the language that was
            active when the problem was found (see :func:`~salesroles.use_locale`).
        code: A stable machine-readable code such as ``missing``, ``invalid_type``,
            ``invalid_enum``, ``float_money``, ``duplicate_id`` or ``dangling_reference``;
            it never changes with the language.
        template: The code of the message's text in the catalogues (``got_expected``),
            which :attr:`params` fill; ``None`` for a message written as it is.
        params: The values the message is made of, JSON-ready: a nested message is
            ``{"code": ..., "params": {...}}``. With :attr:`template`, they say the
            message in any language.
    """

    path: str
    message: str
    code: str
    template: str | None = None
    # Not hashed: a dict cannot be, and the message already says what the params hold.
    params: Mapping[str, Any] = attrs.field(factory=dict, hash=False)

    def prefixed(self, prefix: str) -> ErrorItem:
        """Return this item with its path placed under *prefix* (``plans[0]`` + ``owner``)."""
        if not prefix:
            return self
        if not self.path:
            path = prefix
        elif self.path.startswith("["):
            path = prefix + self.path
        else:
            path = f"{prefix}.{self.path}"
        # Built directly: attrs.evolve would read every field's metadata for each of many items.
        return ErrorItem(
            path=path,
            message=self.message,
            code=self.code,
            template=self.template,
            params=self.params,
        )

    @property
    def loc(self) -> tuple[str | int, ...]:
        """The path as a tuple of keys and list indexes: ``("plans", 0, "owner")``.

        ``()`` for the value itself. It is read from :attr:`path`, so a key
        that itself holds a ``.`` or ``[`` (only an unknown key can) is split
        there.

        >>> ErrorItem(path="plans[0].period.end", message="…", code="missing").loc
        ('plans', 0, 'period', 'end')
        >>> ErrorItem(path="customers[C-ACME].segment", message="…", code="invalid_enum").loc
        ('customers', 'C-ACME', 'segment')
        """
        steps: list[str | int] = []
        for match in _STEP.finditer(self.path):
            inside, key = match.groups()
            if inside is None:
                steps.append(key)
            else:  # an index, or the id a frame's row is known by
                steps.append(int(inside) if inside.isdigit() else inside)
        return tuple(steps)

    @property
    def pointer(self) -> str:
        """The path as an RFC 6901 JSON Pointer: ``/plans/0/owner``; ``""`` for the document.

        ``~`` and ``/`` in a key are written ``~0`` and ``~1``, as the RFC says.

        >>> ErrorItem(path="rules.a/b~c", message="…", code="unknown_rule").pointer
        '/rules/a~1b~0c'
        """
        return "".join("/" + str(step).replace("~", "~0").replace("/", "~1") for step in self.loc)

    def in_language(self, locale: str | None = None) -> ErrorItem:
        """This item with its message said in *locale* (default: the active one).

        An item written as it is (no :attr:`template`) comes back as it is.
        """
        if self.template is None or _SAY is None:
            return self
        message = _SAY(self.template, self.params, locale)
        return ErrorItem(
            path=self.path,
            message=message,
            code=self.code,
            template=self.template,
            params=self.params,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the item as JSON-ready data: path, loc, pointer, message, code, template, params.

        >>> ErrorItem(path="customers[1].segment", message="got 'huge'", code="invalid_enum").to_dict()
        {'path': 'customers[1].segment', 'loc': ['customers', 1, 'segment'], 'pointer': '/customers/1/segment', 'message': "got 'huge'", 'code': 'invalid_enum', 'template': None, 'params': {}}
        """  # noqa: E501
        return {
            "path": self.path,
            "loc": list(self.loc),
            "pointer": self.pointer,
            "message": self.message,
            "code": self.code,
            "template": self.template,
            "params": dict(self.params),
        }

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ValidationError(SalesRolesError, ValueError):
    """Input that does not describe a valid object; lists every problem at once.

    It subclasses :class:`ValueError` so that code which already catches bad
    values keeps working.

    Attributes:
        errors: The problems, in the order they were found; never empty.
    """

    errors: tuple[ErrorItem, ...]

    def __init__(self, errors: Iterable[ErrorItem]) -> None:
        self.errors = tuple(errors)
        if not self.errors:
            msg = "a ValidationError lists at least one problem"
            raise ValueError(msg)
        super().__init__(self._describe())

    def _describe(self) -> str:
        if len(self.errors) == 1:
            return str(self.errors[0])
        lines = [f"{len(self.errors)} problems:"]
        lines.extend(f"  {item}" for item in self.errors)
        return "\n".join(lines)

    def in_language(self, locale: str | None = None) -> ValidationError:
        """The same error with every problem said in *locale* (default: the active one).

        >>> import salesroles as sr
        >>> try:
        ...     sr.structure({"start": "soon", "end": "2026-12-31"}, sr.Period)
        ... except sr.ValidationError as e:
        ...     print(e.in_language("de"))
        start: erhalten: 'soon'; erwartet ein Datum im Format JJJJ-MM-TT
        """
        return ValidationError(item.in_language(locale) for item in self.errors)

    def to_dicts(self) -> list[dict[str, Any]]:
        """Return every problem as JSON-ready data (:meth:`ErrorItem.to_dict`), ready to send.

        What pydantic users know as ``e.errors()``.
        """
        return [item.to_dict() for item in self.errors]

    def prefixed(self, prefix: str) -> ValidationError:
        """Return the same error with every path placed under *prefix*."""
        return ValidationError(item.prefixed(prefix) for item in self.errors)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[ErrorItem, ...]]]:
        return (type(self), (self.errors,))


class MoneyError(SalesRolesError, TypeError):
    """Arithmetic that money does not allow, such as multiplying by a float.

    It subclasses :class:`TypeError`, like mixing incompatible types in Python.
    """


class CurrencyMismatchError(MoneyError):
    """Adding, subtracting or comparing amounts of two different currencies."""


class LifecycleError(SalesRolesError, ValueError):
    """A lifecycle move that is not allowed from the current state.

    Examples: qualifying a lead that was already converted, or designating a
    lost customer as a key account.
    """


class NotFoundError(SalesRolesError, LookupError):
    """A lookup by id that names nothing of the expected kind in the portfolio."""
