"""Construction-time validation shared by every value object and entity.

attrs validators stop at the first failure and raise errors without a path;
we want *all* problems of an object at once, each naming its field. So every
model class inherits :class:`Checked`, whose ``__attrs_post_init__`` runs one
fused checker compiled per class from its type hints (``str`` means a
non-empty string, ``int`` excludes ``bool``, ``date`` excludes ``datetime``,
``tuple[X, ...]`` checks each element, ``X | None`` allows ``None``), plus any
extra constraint a field declares in its metadata, plus the class's own
cross-field invariants.

Each invariant names the fields it reads (:func:`invariant`), so that a field
that failed hides only the invariants that cannot be judged without it: a
plan with an empty ``id`` still reports a product targeted twice.

Each class has two forms of its checks: the checker that names every problem,
and a generated function of plain ``if`` statements that only asks whether
all is well and hands any doubt to the checker. The soft converters that run
before them live in :mod:`.converters`.
"""

from __future__ import annotations

import enum
import math
import re
import types
import typing
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from salesroles.exceptions import ErrorItem, ValidationError

from .codegen import compile_source
from .converters import Rejected, too_long
from .iso4217 import CURRENCIES
from .messages import (
    GOT_EXPECTED,
    enum_refusal,
    error_item,
    phrase,
    placed,
    said,
    shown,
    template,
    wrong,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from collections.abc import Set as AbstractSet

__all__ = [
    "CHECK",
    "CONSTRAINT",
    "DOUBT",
    "Checked",
    "bounded",
    "check_amount",
    "check_figure",
    "currency",
    "emit_field_checks",
    "field_check",
    "figure",
    "fraction",
    "has_invariants",
    "invariant",
    "invariant_functions",
    "invariant_problems",
    "share",
]

#: Metadata key of a field's extra constraint: ``fn(value) -> ErrorItem | None``, the item's
#: path ``""`` (the caller places it).
CONSTRAINT: Final = "salesroles.constraint"


#: Metadata key of a check that replaces the one derived from the field's type.
CHECK: Final = "salesroles.check"


#: Metadata key of the constraint as an inline condition of generated code, ``{v}`` the
#: value: true for every value the constraint refuses (it saves a call per value).
DOUBT: Final = "salesroles.doubt"


_CURRENCY = re.compile(r"[A-Z]{3}\Z")


# Half of a UTF-16 pair on its own: JSON's "\ud800" escape reads as one, and no UTF-8
# encoder can write it out again.
_SURROGATE = re.compile(r"[\ud800-\udfff]")

Constraint = typing.Callable[[Any], "ErrorItem | None"]


_FieldCheck = typing.Callable[[Any, str, "list[ErrorItem]"], None]


# -- type checks compiled from hints --


STRING: Final = phrase("expected.string", "a string")
WHOLE_NUMBER: Final = phrase("expected.whole_number", "a whole number")
BOOLEAN: Final = phrase("expected.boolean", "true or false")
LIST: Final = phrase("expected.list", "a list")
TEXT: Final = phrase("expected.text", "some text")
DATE: Final = phrase("expected.date", "a date written YYYY-MM-DD")
DAY_ONLY: Final = phrase("expected.day_only", "a date without a time")
ANY_OBJECT: Final = phrase("expected.any_object", "an object")
_FINITE: Final = phrase("expected.finite", "a finite number")
_DECIMAL: Final = phrase("expected.decimal", 'a decimal number as a string like "0.22"')
AMOUNT: Final = phrase("expected.amount", 'an amount as a decimal string like "12.50"')
FIGURE: Final = phrase("expected.figure", 'a number or a decimal string like "0.22"')
CURRENCY_CODE: Final = phrase("expected.currency", 'an ISO 4217 code like "EUR"')
INSTANCE: Final = template("expected.instance", "{cls:a}")
_BUILD: Final = template(
    "expected.build",
    "{cls:a}: build one with {cls}(...), or read the whole document with salesroles.structure()",
)
_SURROGATE_TEXT: Final = template(
    "lone_surrogate",
    "got text with a lone surrogate ({char!r} at position {position}); expected text that "
    "UTF-8 can carry (a \\uD800-\\uDFFF escape is half of a pair)",
)
_FLOAT_DECIMAL: Final = template(
    "float_decimal", 'got {got:message}; send it as a string like "0.22" (floats are inexact)'
)
_FLOAT_MONEY: Final = template(
    "float_money",
    'got {got:message}; send the amount as a string like "12.50" (binary floats lose cents)',
)
_UNLISTED: Final = template(
    "unlisted_currency",
    "got {got:message}, which is not an ISO 4217 currency; expected {expected:message}",
)
_BOUNDS: Final = template("bounds", "got {value}; expected a whole number from {low} to {high}")
_SHARE: Final = template(
    "share", 'got {value}; expected a share between 0 and 1 ("0.4" means 40 %)'
)
_FRACTION: Final = template(
    "fraction", 'got {value}; expected a fraction between -1 and 1 ("0.22" means 22 %)'
)


def _check_str(value: Any, path: str, out: list[ErrorItem]) -> None:
    if type(value) is not str:
        out.append(wrong(path, value, STRING))
    elif not value.strip():
        out.append(wrong(path, value, TEXT, "empty"))
    elif not value.isascii() and (half := _SURROGATE.search(value)):
        found = error_item(
            path, "invalid_text", _SURROGATE_TEXT, char=half.group(), position=half.start()
        )
        out.append(found)


def _check_int(value: Any, path: str, out: list[ErrorItem]) -> None:
    if type(value) is not int:
        out.append(wrong(path, value, WHOLE_NUMBER))


def _check_bool(value: Any, path: str, out: list[ErrorItem]) -> None:
    if type(value) is not bool:
        out.append(wrong(path, value, BOOLEAN))


def _check_date(value: Any, path: str, out: list[ErrorItem]) -> None:
    if type(value) is not date:
        expected = DAY_ONLY if isinstance(value, datetime) else DATE
        out.append(wrong(path, value, expected, "invalid_date"))


def _not_finite(value: Any) -> dict[str, Any] | None:
    """The message for NaN or an infinity, float or Decimal; None for anything else."""
    if isinstance(value, float):
        finite = math.isfinite(value)
    elif isinstance(value, Decimal):
        finite = value.is_finite()
    else:
        return None
    return None if finite else said(GOT_EXPECTED, got=shown(value), expected=_FINITE)


def _check_decimal(value: Any, path: str, out: list[ErrorItem]) -> None:
    # A field declared a plain Decimal with no word on what it holds: a class of the user's
    # read by our converter. It may be money, so a float is refused as for an amount.
    if type(value) is Decimal and value.is_finite():
        return
    if isinstance(value, float):
        out.append(error_item(path, "float_decimal", _FLOAT_DECIMAL, got=shown(value)))
    elif (refused := _not_finite(value) or too_long(value)) is not None:
        out.append(placed(path, "out_of_range", refused))
    else:
        out.append(wrong(path, value, _DECIMAL, "invalid_decimal"))


def _check_enum(cls: type[enum.Enum]) -> _FieldCheck:
    def check(value: Any, path: str, out: list[ErrorItem]) -> None:
        if type(value) is not cls:
            out.append(enum_refusal(path, value, cls))

    return check


def _check_instance(cls: type) -> _FieldCheck:
    expected = said(INSTANCE, cls=cls.__name__)
    # A dict where an object belongs is refused in Python, saying what to pass: reading the
    # wire's objects is structure()'s job, with its rules and paths.
    from_dict = said(_BUILD, cls=cls.__name__)

    def check(value: Any, path: str, out: list[ErrorItem]) -> None:
        if not isinstance(value, cls):
            out.append(wrong(path, value, from_dict if type(value) is dict else expected))

    return check


def _check_tuple(element: _FieldCheck) -> _FieldCheck:
    def check(value: Any, path: str, out: list[ErrorItem]) -> None:
        if type(value) is not tuple:
            out.append(wrong(path, value, LIST))
            return
        for i, item in enumerate(value):
            element(item, f"{path}[{i}]", out)

    return check


def _check_optional(inner: _FieldCheck) -> _FieldCheck:
    def check(value: Any, path: str, out: list[ErrorItem]) -> None:
        if value is not None:
            inner(value, path, out)

    return check


def field_check(hint: Any) -> _FieldCheck:
    """Compile the check of one type hint (public to the package for the converter)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:  # pragma: no cover - the model only uses ``X | None``
            raise TypeError(f"unsupported union {hint!r}")
        return _check_optional(field_check(args[0]))
    if origin is tuple:
        return _check_tuple(field_check(typing.get_args(hint)[0]))
    simple: dict[Any, _FieldCheck] = {
        str: _check_str,
        int: _check_int,
        bool: _check_bool,
        date: _check_date,
        Decimal: _check_decimal,
    }
    if hint in simple:
        return simple[hint]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _check_enum(hint)
    if isinstance(hint, type):
        return _check_instance(hint)
    raise TypeError(f"unsupported type hint {hint!r}")  # pragma: no cover


# -- invariants: cross-field checks, each naming the fields it reads --

_Invariant = TypeVar("_Invariant", bound="Callable[[Any], Iterable[ErrorItem]]")


# The fields each invariant method reads, by the function itself: a registry rather than an
# attribute on the function, which attrs' slotted classes and mypy both leave alone.
_NEEDS: dict[Callable[..., Any], frozenset[str]] = {}


def invariant(*fields: str) -> Callable[[_Invariant], _Invariant]:
    """Declare a method of a :class:`Checked` class an invariant that reads *fields*.

    The method yields an :class:`~salesroles.ErrorItem` per problem. It runs
    when none of *fields* failed its own check, whatever other fields did, so
    that every problem of an object is reported at once; it may rely on
    *fields* being well-typed and in their bounds, and must read no other.

    >>> import attrs
    >>> @attrs.frozen(kw_only=True)
    ... class Span(Checked):
    ...     name: str
    ...     low: int
    ...     high: int
    ...
    ...     @invariant("low", "high")
    ...     def _ordered(self):
    ...         if self.low > self.high:
    ...             yield ErrorItem(path="high", message="below low", code="out_of_range")
    >>> Span(name="", low=2, high=1)
    Traceback (most recent call last):
    ...
    salesroles.exceptions.ValidationError: 2 problems:
      name: got an empty string; expected some text
      high: below low
    """
    if not fields:
        raise TypeError("an invariant reads at least one field")

    def declare(method: _Invariant) -> _Invariant:
        _NEEDS[method] = frozenset(fields)
        return method

    return declare


_Plan = tuple[tuple[frozenset[str], "Callable[[Any], Iterable[ErrorItem]]"], ...]


_PLANS: dict[type, _Plan] = {}


def _invariant_plan(cls: type) -> _Plan:
    """Every invariant of *cls* with the fields it reads, in the order of definition.

    A method declared with :func:`invariant` reads the fields it names; an
    override of ``_invariants()`` (the older form, still honoured) reads all.
    """
    found = _PLANS.get(cls)
    if found is not None:
        return found
    methods: dict[str, tuple[frozenset[str], Callable[[Any], Iterable[ErrorItem]]]] = {}
    every = frozenset(a.name for a in attrs.fields(cls) if a.init)
    for klass in reversed(cls.__mro__):
        for name, member in vars(klass).items():
            if isinstance(member, types.FunctionType) and member in _NEEDS:
                methods[name] = (_NEEDS[member], member)
            elif name in methods:  # overridden by a method that is no invariant
                del methods[name]
    if has_invariants(cls) and "_invariants" not in methods:
        methods["_invariants"] = (every, cls._invariants)  # type: ignore[attr-defined]
    _PLANS[cls] = plan = tuple(methods.values())
    return plan


def invariant_functions(cls: type) -> tuple[Callable[[Any], Iterable[ErrorItem]], ...]:
    """The invariants of *cls*, for generated code that runs them all once every field passed."""
    return tuple(method for _, method in _invariant_plan(cls))


def invariant_problems(obj: Any, failed: AbstractSet[str] = frozenset()) -> list[ErrorItem]:
    """The problems of *obj*'s invariants that can be judged with *failed* fields failing.

    Public to the package: the wire's detailed walk runs it on a partly read
    object, whose *failed* fields hold placeholders.
    """
    out: list[ErrorItem] = []
    for needs, method in _invariant_plan(type(obj)):
        if needs.isdisjoint(failed):
            out.extend(method(obj))
    return out


def _check_of(field: attrs.Attribute[Any], hint: Any) -> _FieldCheck:
    """The check of a field: the one its metadata names, or the one its type hint makes.

    A named check is for the value itself; an optional field lets None through.
    """
    override: _FieldCheck | None = field.metadata.get(CHECK)
    if override is None:
        return field_check(hint)
    optional = typing.get_origin(hint) in (typing.Union, types.UnionType)
    return _check_optional(override) if optional else override


def _compile(cls: type) -> Callable[[Any], list[ErrorItem]]:
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, _FieldCheck, Constraint | None]] = [
        (f.name, _check_of(f, hints[f.name]), f.metadata.get(CONSTRAINT))
        for f in attrs.fields(cls)
        if f.init
    ]

    def checker(obj: Any) -> list[ErrorItem]:
        out: list[ErrorItem] = []
        failed: set[str] = set()
        for name, check, constraint in plan:
            value = getattr(obj, name)
            if type(value) is Rejected:
                out.extend(item.prefixed(name) for item in value.errors)
                failed.add(name)
                continue
            before = len(out)
            check(value, name, out)
            if constraint is not None and value is not None and len(out) == before:
                refused = constraint(value)
                if refused is not None:
                    out.append(refused.prefixed(name))
            if len(out) > before:
                failed.add(name)
        out.extend(invariant_problems(obj, failed))
        return out

    _CHECKERS[cls] = checker
    return checker


_CHECKERS: dict[type, Callable[[Any], list[ErrorItem]]] = {}


# -- the same checks as generated code: one flat function per class --
#
# Running the checker above for every object is what costs, so each class also gets a
# generated function of plain ``if`` statements that only asks whether every field is
# fine. The first doubt hands the object to the checker, which decides and names what is
# wrong: the outcome and the messages are the checker's, whatever the generated code thinks.

# For each simple type: the condition under which a value *may* be wrong.
_DOUBT: Final[dict[Any, str]] = {
    str: "{v}.__class__ is not _str or not {v} or {v}.isspace()"
    " or not {v}.isascii() and _surrogate({v})",
    int: "{v}.__class__ is not _int",
    bool: "{v}.__class__ is not _bool",
    date: "{v}.__class__ is not _date",
    Decimal: "{v}.__class__ is not _Decimal or not {v}.is_finite()",
}

#: The doubts for text read by a parser that never makes a lone surrogate (msgspec).
_DOUBT_NO_SURROGATES: Final[dict[Any, str]] = {
    **_DOUBT,
    str: "{v}.__class__ is not _str or not {v} or {v}.isspace()",
}


_NAMESPACE: Final[dict[str, Any]] = {
    "_str": str,
    "_surrogate": _SURROGATE.search,
    "_int": int,
    "_bool": bool,
    "_date": date,
    "_Decimal": Decimal,
    "_tuple": tuple,
    "_isinstance": isinstance,
    "_Rejected": Rejected,
    "_ValidationError": ValidationError,
    # The doubt of a currency field (see currency()) reads the ISO 4217 table by this name.
    "_CURRENCIES": CURRENCIES,
    # The bounds of figures (see share()): a Decimal compares with a Decimal twice as fast
    # as with an int.
    "_Dm1": Decimal(-1),
    "_D0": Decimal(0),
    "_D1": Decimal(1),
}


def _emit(  # noqa: PLR0913 - the pieces of one generated statement
    hint: Any,
    var: str,
    indent: int,
    lines: list[str],
    ns: dict[str, Any],
    *,
    fail: str,
    doubts: dict[Any, str] = _DOUBT,
) -> None:
    """Append the statements that run *fail* when *var* may not fit *hint*."""
    pad = " " * indent
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        lines.append(f"{pad}if {var} is not None:")
        _emit(inner, var, indent + 4, lines, ns, fail=fail, doubts=doubts)
    elif origin is tuple:
        element = f"x{indent}"
        lines.append(f"{pad}if {var}.__class__ is not _tuple:")
        lines.append(f"{pad}    {fail}")
        lines.append(f"{pad}for {element} in {var}:")
        _emit(typing.get_args(hint)[0], element, indent + 4, lines, ns, fail=fail, doubts=doubts)
    elif hint in doubts:
        lines.append(f"{pad}if {doubts[hint].format(v=var)}:")
        lines.append(f"{pad}    {fail}")
    else:
        name = f"_t{len(ns)}"
        ns[name] = hint
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            lines.append(f"{pad}if {var}.__class__ is not {name}:")
        else:
            lines.append(
                f"{pad}if {var}.__class__ is not {name} and not _isinstance({var}, {name}):"
            )
        lines.append(f"{pad}    {fail}")


def emit_field_checks(  # noqa: PLR0913 - the pieces of one generated statement
    field: attrs.Attribute[Any],
    hint: Any,
    var: str,
    lines: list[str],
    ns: dict[str, Any],
    *,
    fail: str,
    surrogates: bool = True,
) -> None:
    """Append the checks of one field on *var* (indented once), running *fail* on a doubt.

    Public to the package: the converter's generated structure functions run
    the very same statements, so that the two can never disagree. Without
    *surrogates*, strings are known to hold no lone surrogate (msgspec makes
    none), and the check for one is left out.
    """
    ns.update(_NAMESPACE)
    doubts = _DOUBT if surrogates else _DOUBT_NO_SURROGATES
    override = field.metadata.get(CHECK)
    if override is check_amount or override is check_figure:
        # Both pass exactly the finite Decimals: the doubt of the type itself (a Decimal,
        # or an optional one).
        _emit(hint, var, 4, lines, ns, fail=fail, doubts=doubts)
    elif override is not None:
        check = f"_k{len(ns)}_{field.name}"
        ns[check] = override
        lines += [
            f"    if {var}.__class__ is _Rejected:",
            f"        {fail}",
            "    out = []",
            f"    {check}({var}, '', out)",
            "    if out:",
            f"        {fail}",
        ]
    else:
        _emit(hint, var, 4, lines, ns, fail=fail, doubts=doubts)
    constraint = field.metadata.get(CONSTRAINT)
    doubt = field.metadata.get(DOUBT)
    if doubt is not None:
        lines.append(f"    if {var} is not None and ({doubt.format(v=var)}):")
        lines.append(f"        {fail}")
    elif constraint is not None:
        name = f"_c{len(ns)}_{field.name}"
        ns[name] = constraint
        lines.append(f"    if {var} is not None and {name}({var}) is not None:")
        lines.append(f"        {fail}")


def has_invariants(cls: type) -> bool:
    """Whether *cls* overrides ``_invariants``, the older form of :func:`invariant`."""
    return cls._invariants is not Checked._invariants  # type: ignore[attr-defined]  # noqa: SLF001


def _compile_fast(cls: type) -> Callable[[Any], None]:
    hints = typing.get_type_hints(cls)
    ns: dict[str, Any] = {}

    def slow(obj: Any) -> None:
        errors = (_CHECKERS.get(cls) or _compile(cls))(obj)
        if errors:
            raise ValidationError(errors)

    ns["_slow"] = slow
    lines = ["def check(obj):"]
    for f in attrs.fields(cls):
        if not f.init:  # pragma: no cover - every model attribute is an init argument
            continue
        var = f"v_{f.name}"
        lines.append(f"    {var} = obj.{f.name}")
        emit_field_checks(f, hints[f.name], var, lines, ns, fail="return _slow(obj)")
    invariants = invariant_functions(cls)
    if invariants:
        # Every field passed: every invariant can be judged. The first problem hands the
        # object to the checker, which names them all.
        ns["_invariants"] = invariants
        lines += [
            "    for method in _invariants:",
            "        for _ in method(obj):",
            "            return _slow(obj)",
        ]
    lines.append("    return None")
    fast: Callable[[Any], None] = compile_source(
        "check", lines, ns, f"check of {cls.__qualname__}"
    )
    _FAST_CHECKERS[cls] = fast
    return fast


_FAST_CHECKERS: dict[type, Callable[[Any], None]] = {}


class CheckedMeta(type):
    """The metaclass of every model class: a ``TypeError`` of ``__init__`` names every problem.

    attrs' ``__init__`` names one missing or unknown argument at a time. When
    it raises a ``TypeError``, every argument is read again
    (:func:`~salesroles._model.construction.argument_problems`) and all
    problems are raised as one :class:`~salesroles.ValidationError`. Type
    checkers do not see ``__call__``: they keep reading attrs' ``__init__``.
    """

    if not TYPE_CHECKING:

        def __call__(cls, *args: Any, **kwargs: Any) -> Any:
            try:
                return super().__call__(*args, **kwargs)
            except TypeError as e:
                failed = e
            from .construction import argument_problems  # noqa: PLC0415 - only on failure

            problems = argument_problems(cls, args, kwargs)
            if not problems:  # a TypeError of something else: it is not ours to rename
                raise failed
            # Raised outside the except block: attrs' TypeError is no part of the answer.
            raise ValidationError(problems)


class Checked(metaclass=CheckedMeta):
    """Mixin of every model class: validate the whole object after ``__init__``."""

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        """Check every field and invariant; raise one error listing all problems."""
        cls = type(self)
        (_FAST_CHECKERS.get(cls) or _compile_fast(cls))(self)

    def _invariants(self) -> Iterator[ErrorItem]:
        """Yield problems that involve several fields; every field is well-typed here.

        The older form of :func:`invariant`: an override runs only when every
        field passed. Declare invariants with :func:`invariant` instead, so
        that a failed field hides only the ones that read it.
        """
        return iter(())


def check_amount(value: Any, path: str, out: list[ErrorItem]) -> None:
    """The check of a money amount: a finite Decimal, and a float named as such."""
    if type(value) is Decimal and value.is_finite():
        return
    if isinstance(value, float):
        # Money never takes a float, not even NaN: the code says what to send instead.
        out.append(error_item(path, "float_money", _FLOAT_MONEY, got=shown(value)))
    elif (refused := _not_finite(value) or too_long(value)) is not None:
        out.append(placed(path, "out_of_range", refused))
    else:
        out.append(wrong(path, value, AMOUNT, "invalid_decimal"))


def check_figure(value: Any, path: str, out: list[ErrorItem]) -> None:
    """The check of a figure that is no money: a finite Decimal, what :func:`figure` converts.

    Its converter (:func:`~salesroles._model.converters.to_figure`) has made a
    Decimal of every int, finite float and decimal string; what is left is
    NaN, an infinity, a number too long to read, or no number at all.
    """
    if type(value) is Decimal and value.is_finite():
        return
    if (refused := _not_finite(value) or too_long(value)) is not None:
        out.append(placed(path, "out_of_range", refused))
    else:
        out.append(wrong(path, value, FIGURE, "invalid_decimal"))


def figure() -> dict[str, Any]:
    """Field metadata: a figure that is no money, converted by ``to_figure`` (floats taken).

    Pair it with the converter :func:`~salesroles._model.converters.to_figure`
    (or ``to_optional_figure``); :func:`share` and :func:`fraction` include it.
    """
    return {CHECK: check_figure}


def currency() -> dict[str, Any]:
    """Field metadata: a code of the ISO 4217 list (:data:`CURRENCIES`), ``XXX`` for none."""

    def constraint(value: str) -> ErrorItem | None:
        if value in CURRENCIES:
            return None
        if _CURRENCY.match(value):  # the form is right: say which list it is not on
            return error_item(
                "", "invalid_currency", _UNLISTED, got=shown(value), expected=CURRENCY_CODE
            )
        return wrong("", value, CURRENCY_CODE, "invalid_currency")

    # The generated checks see CURRENCIES under this name (see _NAMESPACE).
    return {CONSTRAINT: constraint, DOUBT: "{v} not in _CURRENCIES"}


def bounded(low: int, high: int) -> dict[str, Any]:
    """Field metadata: a whole number between *low* and *high* inclusive."""

    def constraint(value: int) -> ErrorItem | None:
        if low <= value <= high:
            return None
        return error_item("", "out_of_range", _BOUNDS, value=str(value), low=low, high=high)

    return {CONSTRAINT: constraint, DOUBT: f"not {low} <= {{v}} <= {high}"}


def share() -> dict[str, Any]:
    """Field metadata: a figure from 0 to 1 inclusive (``0.4`` is 40 %), see :func:`figure`."""

    def constraint(value: Decimal) -> ErrorItem | None:
        if 0 <= value <= 1:
            return None
        return error_item("", "out_of_range", _SHARE, value=str(value))

    return figure() | {CONSTRAINT: constraint, DOUBT: "not _D0 <= {v} <= _D1"}


def fraction() -> dict[str, Any]:
    """Field metadata: a figure from -1 to 1 inclusive (``0.22`` is 22 %), see :func:`figure`."""

    def constraint(value: Decimal) -> ErrorItem | None:
        if -1 <= value <= 1:
            return None
        return error_item("", "out_of_range", _FRACTION, value=str(value))

    return figure() | {CONSTRAINT: constraint, DOUBT: "not _Dm1 <= {v} <= _D1"}
