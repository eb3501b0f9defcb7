"""The shared table machinery of result objects: records, text, HTML and pandas.

Every analytics result that holds a table inherits :class:`Table`. A subclass
says what its rows are (:meth:`Table.to_records`), names its columns, title
and claims, and may add headline figures (:meth:`Table.summary`); the mixin
then gives it a readable ``repr``, a ``_repr_html_`` for notebooks (escaped
with :func:`html.escape`, no dependency) and a ``to_frame()`` that imports
pandas only when called.

Cells are JSON-ready: ``str``, ``int``, ``bool``, ``None`` or
:class:`~decimal.Decimal`. Money is a ``Decimal`` amount beside a
``currency`` column, never a float, so figures stay exact; dates are ISO
strings and enumerations their wire value. ``json.dumps(records,
default=str)`` writes them.

``to_frame()`` gives each column the dtype an analyst works with, read from
the result's ``_dtypes`` (a :data:`Kind` per column): exact decimals as
pyarrow ``decimal128`` columns, days as ``date32``, enumerations as ordered
categoricals, lists as list columns. Shown to people (``repr``, HTML), a
figure is rounded by its column's format, never shown as ``-0.00``; the
values themselves stay exact.
"""

from __future__ import annotations

import enum
import functools
import html
import importlib
import re
import weakref
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Final

from ._i18n.catalogue import translate
from ._i18n.formats import format_date
from ._i18n.locale import current_locale, language_of
from ._i18n.message import render, template
from ._model.values import format_amount

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from types import ModuleType

    from ._model.values import Money


__all__ = [
    "KINDS",
    "PERCENT",
    "Cell",
    "Kind",
    "Record",
    "Summary",
    "Table",
    "arrow_dtype",
    "money_cell",
    "optional_import",
    "records_to_frame",
    "render_html",
    "render_text",
]

Cell = str | int | bool | Decimal | None
Record = dict[str, Cell]
#: What a column holds, which fixes its dtype in a DataFrame: one of :data:`KINDS`, or the
#: categories of an ordered categorical, lowest first (``("error", "warning", "info")``).
Kind = str | tuple[str, ...]
#: The kinds of column and their pandas dtypes (pyarrow-backed, nullable).
KINDS: Final[dict[str, str]] = {
    "text": "string[pyarrow]",
    "int": "int64[pyarrow]",
    "bool": "bool[pyarrow]",
    "money": "decimal128(38, s)[pyarrow], s the most decimal places of the column",
    "decimal": "decimal128(38, s)[pyarrow], s the most decimal places of the column",
    "date": "date32[day][pyarrow]",
    "list": "list<item: string>[pyarrow]",
}

#: How tables show a share: one decimal of a per cent (``0.123`` is ``12.3%``).
PERCENT: Final = ".1%"
#: How many rows a notebook cell and a ``repr`` show before saying how many are left.
HTML_ROWS: Final = 50
TEXT_ROWS: Final = 12

_EXTRA: Final = 'pip install "salesroles[notebook]"'


def optional_import(name: str, purpose: str) -> ModuleType:
    """Import the optional dependency *name* or say how to install it.

    Raises:
        ImportError: *name* is not installed; the message names the extra.
    """
    try:
        return importlib.import_module(name)
    except ImportError as e:
        msg = f"{purpose} needs {name}, an optional dependency of salesroles: {_EXTRA}"
        raise ImportError(msg, name=name) from e


def money_cell(money: Money | None) -> Decimal | None:
    """The amount of *money* as a record cell (its currency goes in its own column)."""
    return None if money is None else money.amount


def format_cell(value: Cell, spec: str | None = None, language: str | None = None) -> str:
    """Show one cell to a reader: decimals with thousands separators, or by *spec*.

    A decimal is rounded by its spec (two places by default) and never shows
    as a negative zero; an ``int`` takes the spec too (a delta of ``-3``).
    In German (*language*, default: the active locale's), ``1,234.50`` reads
    ``1.234,50`` and ``58.0%`` reads ``58,0 %``.
    """
    lang = _language() if language is None else language
    if value is None:
        return ""
    if isinstance(value, bool):
        return translate("yes" if value else "no", context="wording", locale=lang)
    if isinstance(value, Decimal):
        return _localised(format_amount(value, spec or ",.2f"), lang)
    if isinstance(value, int) and spec and not spec.endswith("%"):
        return _localised(format(value, spec.split(".")[0] + "d" if "." in spec else spec), lang)
    if lang == "de" and isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return format_date(date.fromisoformat(value), locale=lang)
    return str(value)


# Records hold days as ISO text; a German table shows them as 27.11.2026.
_ISO_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def _language() -> str:
    return language_of(current_locale())


def _localised(number: str, language: str) -> str:
    # English formats (format()) are the source; German swaps the separators (CLDR de).
    if language != "de":
        return number
    text = number.translate(_GERMAN_SEPARATORS)
    return text[:-1] + "\xa0%" if text.endswith("%") else text


_GERMAN_SEPARATORS: Final = str.maketrans(",.", ".,")


def heading(name: str, language: str | None = None) -> str:
    """A column's or figure's header: its name in English, in words in other languages."""
    lang = _language() if language is None else language
    if lang == "en":
        return name
    return translate(name.replace("_", " "), context="column", locale=lang)


def _is_number(value: Cell) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _decimal_type(pa: Any, values: Iterable[object], kind: str) -> Any:
    """The narrowest exact decimal type of pyarrow that holds every value of a column."""
    scale = 2 if kind == "money" else 0
    whole = 1
    for value in values:
        if isinstance(value, Decimal) and value.is_finite():
            exponent = int(value.as_tuple().exponent)
            scale = max(scale, -exponent)
            whole = max(whole, value.adjusted() + 1)
    if whole + scale <= 38:
        return pa.decimal128(38, scale)
    return pa.decimal256(76, min(scale, 76 - whole))


def arrow_dtype(kind: Kind, values: Sequence[object] = ()) -> Any:
    """The pandas dtype of a column of *kind* holding *values* (pandas and pyarrow needed).

    Raises:
        ImportError: pandas or pyarrow is not installed.
    """
    pandas = optional_import("pandas", "to_frame()")
    pa = optional_import("pyarrow", "to_frame()")
    if isinstance(kind, tuple):
        # str() of a StrEnum member is its value, as the records hold it.
        return pandas.CategoricalDtype([str(c) for c in kind], ordered=True)
    types = {
        "text": pa.string,
        "int": pa.int64,
        "bool": pa.bool_,
        "date": pa.date32,
        "list": lambda: pa.list_(pa.string()),
    }
    if kind in types:
        return pandas.ArrowDtype(types[kind]())
    return pandas.ArrowDtype(_decimal_type(pa, values, kind))


def _typed_cell(value: object, kind: Kind) -> object:
    """A record cell as its column's type holds it: an ISO day as a date, a joined list split."""
    if value is None:
        return None
    if kind == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    if kind == "list" and isinstance(value, str):
        return [part for part in value.split(", ") if part]
    if kind == "list" and isinstance(value, tuple):
        return list(value)
    if kind in {"money", "decimal"} and isinstance(value, int):
        return Decimal(value)  # a count beside amounts (a scenario's figures)
    return value


def records_to_frame(
    records: Sequence[Mapping[str, object]],
    columns: Sequence[str],
    kinds: Mapping[str, Kind] | None = None,
) -> Any:
    """Return *records* as a :class:`pandas.DataFrame` with *columns*, even when empty.

    With *kinds*, each column gets the dtype of its kind (see :data:`KINDS`):
    decimals stay exact in pyarrow decimal columns (their sums are
    exact ``Decimal`` values, and they plot), ISO days become dates, lists become list
    columns and categories ordered categoricals. Without, cells stay as they
    are (``object`` columns).
    """
    pandas = optional_import("pandas", "to_frame()")
    if kinds is None:
        return pandas.DataFrame.from_records(list(records), columns=list(columns))
    data = {}
    for column in columns:
        kind = kinds[column]
        cells = [_typed_cell(r.get(column), kind) for r in records]
        data[column] = pandas.Series(cells, dtype=arrow_dtype(kind, cells))
    return pandas.DataFrame(data, columns=list(columns))


#: How a table formats its cells: a format spec per column, or a function of the row and
#: the column (a scenario formats each figure as its analysis does).
Formats = Mapping[str, str] | Callable[[Record, str], str | None]


def _spec(formats: Formats, record: Record, column: str) -> str | None:
    if isinstance(formats, Mapping):
        return formats.get(column)
    return formats(record, column)


def _cell(record: Record, column: str, formats: Formats, labels: Mapping[str, str]) -> str:
    """One cell shown: by its format, or, in a column of an enumeration, by its label."""
    value = record.get(column)
    enumeration = labels.get(column)
    if enumeration is not None and isinstance(value, str) and _language() != "en":
        return translate(value.replace("_", " "), context=enumeration)
    return format_cell(value, _spec(formats, record, column))


def enum_columns(kinds: Mapping[str, Kind]) -> dict[str, str]:
    """The columns whose cells are members of an enumeration: column -> its name."""
    return {
        column: type(kind[0]).__name__
        for column, kind in kinds.items()
        if isinstance(kind, tuple) and kind and isinstance(kind[0], enum.Enum)
    }


def render_text(  # noqa: PLR0913 - the parts of one table
    title: str,
    summary: Mapping[str, Cell],
    records: Sequence[Record],
    columns: Sequence[str],
    formats: Formats,
    *,
    limit: int = TEXT_ROWS,
    labels: Mapping[str, str] | None = None,
) -> str:
    """A plain-text rendering: a title line, headline figures, then an aligned table.

    *labels* names the columns whose cells are members of an enumeration
    (:func:`enum_columns`), shown by their labels outside English.
    """
    lines = [f"<{title}>"]
    lines.extend(
        f"  {heading(key)}: {format_cell(value, _spec(formats, {}, key))}"
        for key, value in summary.items()
    )
    if columns:
        named = labels or {}
        shown = [[_cell(r, c, formats, named) for c in columns] for r in records[:limit]]
        headers = [heading(c) for c in columns]
        widths = [max([len(h), *(len(row[i]) for row in shown)]) for i, h in enumerate(headers)]
        lines.append(
            "  " + "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
        )
        lines.extend(
            "  " + "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
            for row in shown
        )
        if len(records) > limit:
            lines.append("  " + render(_MORE_ROWS, {"count": len(records) - limit}))
        if not records:
            lines.append("  " + render(NO_ROWS, {}))
    return "\n".join(lines)


_MORE_ROWS: Final = template("table.more_rows", "... {count} more rows")
# Markup of the library's own around a count: the catalogue's text is trusted HTML.
_MORE_ROWS_HTML: Final = template(
    "table.more_rows_html",
    "{count} more rows: use <code>to_records()</code> or <code>to_frame()</code>.",
)
#: What an empty table shows.
NO_ROWS: Final = template("table.no_rows", "(no rows)")


#: Jupyter's CSS right-aligns every cell: text goes left, numbers right, each said outright.
LEFT: Final = ' style="text-align:left"'
RIGHT: Final = ' style="text-align:right"'


def _html_row(cells: Iterable[tuple[str, bool]], tag: str) -> str:
    return (
        "<tr>"
        + "".join(f"<{tag}{RIGHT if right else LEFT}>{cell}</{tag}>" for cell, right in cells)
        + "</tr>"
    )


def render_html(  # noqa: PLR0913 - the parts of one table
    title: str,
    summary: Mapping[str, Cell],
    records: Sequence[Record],
    columns: Sequence[str],
    formats: Formats,
    *,
    note: str | None = None,
    limit: int = HTML_ROWS,
    labels: Mapping[str, str] | None = None,
) -> str:
    """A compact, escaped HTML rendering for notebooks; needs no dependency.

    Text is left-aligned and numbers right-aligned (a column is numeric when
    every cell it shows is a number), whatever the notebook's CSS says.
    """
    esc = html.escape
    parts = [f'<div class="salesroles-result"><p><strong>{esc(title)}</strong></p>']
    if summary:
        parts.append('<table class="salesroles-summary">')
        parts.extend(
            _html_row(
                (
                    (esc(heading(key)), False),
                    (esc(format_cell(value, _spec(formats, {}, key))), _is_number(value)),
                ),
                "td",
            )
            for key, value in summary.items()
        )
        parts.append("</table>")
    if columns:
        shown = records[:limit]
        numeric = {
            c: any(_is_number(r.get(c)) for r in shown)
            and all(r.get(c) is None or _is_number(r.get(c)) for r in shown)
            for c in columns
        }
        parts.append('<table class="salesroles-table"><thead>')
        parts.append(_html_row(((esc(heading(c)), numeric[c]) for c in columns), "th"))
        parts.append("</thead><tbody>")
        parts.extend(
            _html_row(
                ((esc(_cell(r, c, formats, labels or {})), numeric[c]) for c in columns), "td"
            )
            for r in shown
        )
        parts.append("</tbody></table>")
        if len(records) > limit:
            parts.append(f"<p>{render(_MORE_ROWS_HTML, {'count': len(records) - limit})}</p>")
        if not records:
            parts.append(f"<p>{esc(render(NO_ROWS, {}))}</p>")
    if note:
        parts.append(f"<p><em>{esc(note)}</em></p>")
    parts.append("</div>")
    return "".join(parts)


class Summary(dict[str, Cell]):
    """The headline figures of a result: a plain dict that a notebook shows as a table.

    It compares, iterates and serialises as the dict it is; in a notebook its
    figures are formatted as the result formats them (shares as percentages,
    amounts to two places).
    """

    __slots__ = ("formats", "title")

    def __init__(
        self, figures: Mapping[str, Cell], *, title: str = "", formats: Formats | None = None
    ) -> None:
        super().__init__(figures)
        self.title = title
        self.formats: Formats = {} if formats is None else formats

    def _repr_html_(self) -> str:
        return render_html(self.title, self, [], (), self.formats)


# attrs makes a slotted class anew from the class body: wrap each summary only once.
_SUMMARISED: Final[weakref.WeakSet[Callable[[Any], dict[str, Cell]]]] = weakref.WeakSet()


def _summarised(
    summary: Callable[[Any], dict[str, Cell]],
) -> Callable[[Any], dict[str, Cell]]:
    """Wrap a result's ``summary`` so that it returns a :class:`Summary` (shown as a table)."""
    if summary in _SUMMARISED:
        return summary

    @functools.wraps(summary)
    def wrapped(self: Table) -> dict[str, Cell]:
        figures = summary(self)
        return Summary(figures, title=f"{self._heading()}: summary", formats=self._formats)

    _SUMMARISED.add(wrapped)
    return wrapped


class Table:
    """Mixin of every tabular result: ``to_records``, ``to_frame``, ``repr`` and HTML.

    A subclass sets ``_title``, ``_columns``, ``_dtypes`` (the :data:`Kind`
    of each column, for ``to_frame()``), ``claims`` and, for cells shown
    differently from two decimals, ``_formats`` (column name to a format spec
    such as ``".1%"``); it implements :meth:`to_records` and may override
    :meth:`summary`, :meth:`_heading` and :meth:`_note`. Its ``summary()``
    comes back as a :class:`Summary`, which a notebook shows as a table.
    """

    __slots__ = ()

    _title: ClassVar[str] = ""
    _columns: ClassVar[tuple[str, ...]] = ()
    _dtypes: ClassVar[Mapping[str, Kind]] = {}
    _formats: ClassVar[Mapping[str, str]] = {}
    #: The claims (docs/domain.md) the result serves.
    claims: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "summary" in cls.__dict__:
            cls.summary = _summarised(cls.__dict__["summary"])  # type: ignore[method-assign,assignment]

    def to_records(self) -> list[Record]:
        """Return the rows as flat, JSON-ready dicts (one per row, keys in column order)."""
        raise NotImplementedError

    def summary(self) -> dict[str, Cell]:
        """Return the headline figures as a flat dict (empty when there are none).

        Two results of the same analysis compare figure by figure, which is
        how a before-and-after comparison reads them.
        """
        return {}

    def to_frame(self) -> Any:
        """Return the rows as a :class:`pandas.DataFrame` with analysis dtypes.

        Amounts and shares are exact pyarrow decimals (``frame["revenue"].sum()``
        is an exact ``Decimal``, ``frame.plot.bar(...)`` plots them), days are
        dates, enumerations ordered categoricals and lists list columns: the
        tables of docs/analytics.md give each result's. pandas and pyarrow are
        imported only now.

        Raises:
            ImportError: pandas or pyarrow is not installed;
                ``pip install "salesroles[notebook]"``.
        """
        return records_to_frame(self._frame_records(), self._columns, self._dtypes)

    def _frame_records(self) -> Sequence[Mapping[str, object]]:
        """The rows as ``to_frame()`` reads them (a subclass may give lists as lists)."""
        return self.to_records()

    def _format_of(self, record: Record, column: str) -> str | None:
        """The format spec of one cell (by default its column's)."""
        del record
        return self._formats.get(column)

    def _heading(self) -> str:
        claims = f" ({', '.join(self.claims)})" if self.claims else ""
        return f"{translate(self._title, context='title')}{claims}"

    def _note(self) -> str | None:
        return None

    def __repr__(self) -> str:
        return render_text(
            self._heading(),
            self.summary(),
            self.to_records(),
            self._columns,
            self._format_of,
            labels=self._labels(),
        )

    def _labels(self) -> dict[str, str]:
        """The columns whose cells are translated outside English: column -> context."""
        return enum_columns(self._dtypes)

    def _repr_html_(self) -> str:
        return render_html(
            self._heading(),
            self.summary(),
            self.to_records(),
            self._columns,
            self._format_of,
            note=self._note(),
            labels=self._labels(),
        )
