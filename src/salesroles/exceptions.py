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

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

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

    Catch this to handle anything the library refuses.
    """


@attrs.frozen(kw_only=True)
class ErrorItem:
    """One problem found in the input.

    Attributes:
        path: Where the problem is, like ``plans[0].owner`` or
            ``customers[1].annual_revenue.amount``; ``""`` for the value itself.
        message: What was wrong and what was expected.
        code: A stable machine-readable code such as ``missing``, ``invalid_type``,
            ``invalid_enum``, ``float_money``, ``duplicate_id`` or ``dangling_reference``.
    """

    path: str
    message: str
    code: str

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
        return ErrorItem(path=path, message=self.message, code=self.code)

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
