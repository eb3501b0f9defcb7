"""A portfolio as pandas DataFrames, and back: :meth:`Portfolio.to_frames`, ``from_frames``.

One frame per collection of the wire format, ids as the index (a key account
is known by its customer), references as plain columns to join on. A nested
object is spread over columns named by its path (``annual_revenue_amount``,
``annual_revenue_currency``, ``period_start``); a list of nested objects is
a frame of its own named ``"<collection>.<field>"`` (``"plans.product_targets"``,
``"key_accounts.threats"``) whose first column names its owner (``plan``,
``account``). The portfolio's own fields (``as_of``, ``currency``) are the
one row of the ``"portfolio"`` frame. Column dtypes are those of
``to_frame()``: exact pyarrow decimals, dates, ordered categoricals, lists.

The way back reads the frames into the wire format's dicts and hands them to
``structure``: the same checks, the same codes; each path names the entity by
its id (``customers[C-ACME].segment``) rather than by its row.

This module lives above ``_wire`` (it needs ``structure``) and is imported by
``salesroles/__init__``; it gives :class:`Portfolio` its two methods.
"""

from __future__ import annotations

import enum
import re
import typing
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from salesroles._display import Kind, arrow_dtype, optional_import
from salesroles._model.arguments import instance_of
from salesroles._model.cadence import Cadence
from salesroles._model.messages import error_item, phrase, problem, template
from salesroles._model.portfolio import Portfolio
from salesroles._model.references import COLLECTIONS
from salesroles._model.values import Money
from salesroles._wire.api import structure, unstructure
from salesroles._wire.fields import LEAF, OBJECT, OBJECTS, WireField, wire_fields
from salesroles.exceptions import ErrorItem, ValidationError

_FRAMES: Final = phrase("expected.frames", "a dict of DataFrames")
_UNKNOWN_FRAME: Final = template(
    "unknown_frame", "got a frame {name!r}; expected one of {names:joined}"
)


__all__ = ["PORTFOLIO_FRAME", "frame_names", "portfolio_from_frames", "portfolio_to_frames"]

#: The frame holding the portfolio's own fields (``as_of``, ``currency``): one row.
PORTFOLIO_FRAME: Final = "portfolio"
# The column naming the owner in a frame of nested objects.
_OWNER: Final = {"plans": "plan", "key_accounts": "account"}
# How a collection's rows are known: by their id, a key account by its customer.
_KEY: Final = {"key_accounts": "customer", "assignments": None}


@attrs.frozen
class _Column:
    """One column of a frame: its name, the path of keys it comes from, its kind."""

    name: str
    path: tuple[str, ...]
    kind: Kind


def _kind(f: WireField, parent: type) -> Kind:
    hint = f.hint
    if f.item is not hint:  # a tuple of ids
        return "list"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return tuple(str(member.value) for member in hint)
    kinds: dict[Any, Kind] = {date: "date", bool: "bool", int: "int", Cadence: "text"}
    if hint is Decimal:
        return "money" if parent is Money else "decimal"
    return kinds.get(hint, "text")


def _columns(cls: type, prefix: tuple[str, ...] = ()) -> list[_Column]:
    """The columns of *cls*'s objects; nested objects spread, lists of objects left out."""
    found: list[_Column] = []
    for f in wire_fields(cls):
        path = (*prefix, f.name)
        if f.shape == OBJECT:
            found.extend(_columns(f.item, path))
        elif f.shape == LEAF:
            found.append(_Column("_".join(path), path, _kind(f, cls)))
    return found


def _children(cls: type) -> list[WireField]:
    return [f for f in wire_fields(cls) if f.shape == OBJECTS]


def frame_names() -> tuple[str, ...]:
    """Every frame :meth:`Portfolio.to_frames` returns, in its order."""
    names = [PORTFOLIO_FRAME]
    for name, cls in COLLECTIONS.items():
        names.append(name)
        names.extend(f"{name}.{f.name}" for f in _children(cls))
    return tuple(names)


def _index_of(collection: str) -> str | None:
    return _KEY.get(collection, "id")


def _cell(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _frame(rows: list[Any], columns: list[_Column], index: str | None) -> Any:
    pandas = optional_import("pandas", "Portfolio.to_frames()")
    data = {}
    for column in columns:
        cells = [_typed(_cell(row, column.path), column.kind) for row in rows]
        data[column.name] = pandas.Series(cells, dtype=arrow_dtype(column.kind, cells))
    frame = pandas.DataFrame(data, columns=[c.name for c in columns])
    return frame.set_index(index) if index is not None else frame


def _typed(value: Any, kind: Kind) -> Any:
    if value is None:
        return None
    if kind == "date":
        return date.fromisoformat(value)
    if kind in {"money", "decimal"}:
        return Decimal(value)
    return value


def portfolio_to_frames(portfolio: Portfolio) -> dict[str, Any]:
    """Return one pandas DataFrame per collection of *portfolio* (pandas, pyarrow needed).

    >>> from salesroles.testing import sample_portfolio
    >>> frames = sample_portfolio().to_frames()
    >>> frames["customers"].loc["C-ACME", ["segment", "annual_revenue_amount"]].tolist()
    ['large', Decimal('1200000.00')]
    >>> frames["plans.product_targets"].columns.tolist()
    ['plan', 'product', 'revenue_amount', 'revenue_currency']

    Raises:
        ValidationError: *portfolio* is no Portfolio.
        ImportError: pandas or pyarrow is not installed;
            ``pip install "salesroles[notebook]"``.
    """
    if not isinstance(portfolio, Portfolio):
        raise problem("portfolio", portfolio, instance_of(Portfolio))
    wire = unstructure(portfolio)
    frames = {PORTFOLIO_FRAME: _frame([wire], _columns(Portfolio), None)}
    for name, cls in COLLECTIONS.items():
        rows = wire.get(name, [])
        frames[name] = _frame(rows, _columns(cls), _index_of(name))
        owner = _OWNER.get(name, name.removesuffix("s"))
        key = _index_of(name) or "id"
        for f in _children(cls):
            items = [{owner: row[key], **item} for row in rows for item in row.get(f.name, [])]
            columns = [_Column(owner, (owner,), "text"), *_columns(f.item)]
            has_id = any(c.name == "id" for c in columns)
            frames[f"{name}.{f.name}"] = _frame(items, columns, "id" if has_id else None)
    return frames


# -- the way back --


def _missing(value: Any) -> bool:
    """Whether a cell is empty: None, pandas' NA or NaT, or a float NaN."""
    if value is None or isinstance(value, list | tuple | dict):
        return value is None
    if isinstance(value, float):
        return value != value  # noqa: PLR0124 - NaN is the one value unequal to itself
    pandas = optional_import("pandas", "Portfolio.from_frames()")
    return value is pandas.NA or value is pandas.NaT


def _plain(value: Any) -> Any:
    """A cell as the wire's structure reads it: days and decimals as Python values."""
    if hasattr(value, "tolist") and not isinstance(value, str | Decimal | date):
        value = value.tolist()  # a list cell of pyarrow or numpy
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp: the wire wants its day
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if hasattr(value, "item"):  # a numpy scalar (numpy.int64, numpy.bool_)
        return value.item()
    return value


def _put(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        target = target.setdefault(key, {})
    target[path[-1]] = value


def _rows(frame: Any, collection: str, columns: list[_Column]) -> list[dict[str, Any]]:
    """The rows of *frame* as the wire's dicts; unknown columns kept for structure to name."""
    frame = frame.reset_index() if frame.index.name is not None else frame
    by_name = {c.name: c.path for c in columns}
    rows = []
    for record in frame.to_dict("records"):
        row: dict[str, Any] = {}
        for name, value in record.items():
            if _missing(value):
                continue  # an empty cell is a field left out: its default applies
            _put(row, by_name.get(str(name), (str(name),)), _plain(value))
        rows.append(row)
    del collection
    return rows


def _document(frames: Any) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The wire document of *frames*, and each collection's row keys for the error paths."""
    names = frame_names()
    unknown = [name for name in frames if name not in names]
    if unknown:
        raise ValidationError(
            error_item(
                f"frames[{name!r}]", "unknown_key", _UNKNOWN_FRAME, name=name, names=list(names)
            )
            for name in unknown
        )
    document: dict[str, Any] = {}
    if PORTFOLIO_FRAME in frames:
        top = _rows(frames[PORTFOLIO_FRAME], PORTFOLIO_FRAME, _columns(Portfolio))
        document.update(top[0] if top else {})
    keys: dict[str, list[str]] = {}
    for name, cls in COLLECTIONS.items():
        if name not in frames:
            continue
        rows = _rows(frames[name], name, _columns(cls))
        key = _index_of(name)
        keys[name] = [str(row.get(key, i)) if key else str(i) for i, row in enumerate(rows)]
        for f in _children(cls):
            child = frames.get(f"{name}.{f.name}")
            if child is None:
                continue
            owner = _OWNER.get(name, name.removesuffix("s"))
            by_owner: dict[Any, list[dict[str, Any]]] = {}
            for item in _rows(child, f"{name}.{f.name}", _columns(f.item)):
                by_owner.setdefault(item.pop(owner, None), []).append(item)
            for row in rows:
                items = by_owner.pop(row.get(key or "id"), [])
                if items:
                    row[f.name] = items
        document[name] = rows
    return document, keys


_ROW: Final = re.compile(r"^(\w+)\[(\d+)\]")


def _by_id(item: ErrorItem, keys: dict[str, list[str]]) -> ErrorItem:
    """The problem with its row named by the entity's id: ``customers[C-ACME].segment``."""
    match = _ROW.match(item.path)
    if match is None or match.group(1) not in keys:
        return item
    collection, row = match.group(1), int(match.group(2))
    ident = keys[collection][row]
    return attrs.evolve(item, path=f"{collection}[{ident}]{item.path[match.end() :]}")


def portfolio_from_frames(frames: typing.Mapping[str, Any]) -> Portfolio:
    """Build a portfolio from frames shaped as :meth:`Portfolio.to_frames` returns them.

    Every frame is optional (a missing one is an empty collection); empty
    cells are fields left out. The document is checked exactly as
    :func:`~salesroles.structure` checks JSON: every problem at once, each
    path naming the entity by its id.

    >>> from salesroles.testing import sample_portfolio
    >>> frames = sample_portfolio().to_frames()
    >>> Portfolio.from_frames(frames) == sample_portfolio()
    True
    >>> frames["customers"].loc["C-ACME", "segment"] = None
    >>> try:
    ...     Portfolio.from_frames(frames)
    ... except ValidationError as e:
    ...     print(e.errors[0].path, e.errors[0].code)
    customers[C-ACME].segment missing

    Raises:
        ValidationError: A frame is unknown, or the data breaks the wire
            format's rules (the same codes as :func:`~salesroles.structure`).
        ImportError: pandas is not installed.
    """
    if not isinstance(frames, typing.Mapping):
        raise problem("frames", frames, _FRAMES)
    document, keys = _document(frames)
    try:
        return structure(document, Portfolio)
    except ValidationError as e:
        errors = [_by_id(item, keys) for item in e.errors]
    raise ValidationError(errors)


def _to_frames(self: Portfolio) -> dict[str, Any]:
    return portfolio_to_frames(self)


def _from_frames(cls: type[Portfolio], frames: typing.Mapping[str, Any]) -> Portfolio:
    del cls
    return portfolio_from_frames(frames)


_to_frames.__doc__ = portfolio_to_frames.__doc__
_from_frames.__doc__ = portfolio_from_frames.__doc__
# The model may not import the wire (the layering): the methods are given from here.
Portfolio.to_frames = _to_frames  # type: ignore[method-assign]
Portfolio.from_frames = classmethod(_from_frames)  # type: ignore[assignment]
