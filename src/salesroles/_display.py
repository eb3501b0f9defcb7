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
"""

from __future__ import annotations

import html
import importlib
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Final

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from types import ModuleType

    from ._model.values import Money


__all__ = [
    "PERCENT",
    "Cell",
    "Record",
    "Table",
    "money_cell",
    "optional_import",
    "records_to_frame",
    "render_html",
    "render_text",
]

Cell = str | int | bool | Decimal | None
Record = dict[str, Cell]

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


def format_cell(value: Cell, spec: str | None = None) -> str:
    """Show one cell to a reader: decimals with thousands separators, or by *spec*."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return format(value, spec or ",.2f")
    return str(value)


def records_to_frame(records: Sequence[Record], columns: Sequence[str]) -> Any:
    """Return *records* as a :class:`pandas.DataFrame` with *columns*, even when empty.

    Decimal cells stay :class:`~decimal.Decimal` (an ``object`` column), so sums are exact;
    ``frame[column].astype(float)`` gives a float column for plotting.
    """
    pandas = optional_import("pandas", "to_frame()")
    return pandas.DataFrame.from_records(list(records), columns=list(columns))


def render_text(  # noqa: PLR0913 - the parts of one table
    title: str,
    summary: Mapping[str, Cell],
    records: Sequence[Record],
    columns: Sequence[str],
    formats: Mapping[str, str],
    *,
    limit: int = TEXT_ROWS,
) -> str:
    """A plain-text rendering: a title line, headline figures, then an aligned table."""
    lines = [f"<{title}>"]
    lines.extend(
        f"  {key}: {format_cell(value, formats.get(key))}" for key, value in summary.items()
    )
    if columns:
        shown = [[format_cell(r.get(c), formats.get(c)) for c in columns] for r in records[:limit]]
        widths = [max([len(c), *(len(row[i]) for row in shown)]) for i, c in enumerate(columns)]
        lines.append(
            "  " + "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()
        )
        lines.extend(
            "  " + "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
            for row in shown
        )
        if len(records) > limit:
            lines.append(f"  ... {len(records) - limit} more rows")
        if not records:
            lines.append("  (no rows)")
    return "\n".join(lines)


def _html_row(cells: Iterable[str], tag: str) -> str:
    return "<tr>" + "".join(f"<{tag}>{cell}</{tag}>" for cell in cells) + "</tr>"


def render_html(  # noqa: PLR0913 - the parts of one table
    title: str,
    summary: Mapping[str, Cell],
    records: Sequence[Record],
    columns: Sequence[str],
    formats: Mapping[str, str],
    *,
    note: str | None = None,
    limit: int = HTML_ROWS,
) -> str:
    """A compact, escaped HTML rendering for notebooks; needs no dependency."""
    esc = html.escape
    parts = [f'<div class="salesroles-result"><p><strong>{esc(title)}</strong></p>']
    if summary:
        parts.append('<table class="salesroles-summary">')
        parts.extend(
            _html_row((esc(key), esc(format_cell(value, formats.get(key)))), "td")
            for key, value in summary.items()
        )
        parts.append("</table>")
    if columns:
        parts.append('<table class="salesroles-table"><thead>')
        parts.append(_html_row((esc(c) for c in columns), "th"))
        parts.append("</thead><tbody>")
        parts.extend(
            _html_row((esc(format_cell(r.get(c), formats.get(c))) for c in columns), "td")
            for r in records[:limit]
        )
        parts.append("</tbody></table>")
        if len(records) > limit:
            parts.append(
                f"<p>{len(records) - limit} more rows: use <code>to_records()</code> or "
                "<code>to_frame()</code>.</p>"
            )
        if not records:
            parts.append("<p>(no rows)</p>")
    if note:
        parts.append(f"<p><em>{esc(note)}</em></p>")
    parts.append("</div>")
    return "".join(parts)


class Table:
    """Mixin of every tabular result: ``to_records``, ``to_frame``, ``repr`` and HTML.

    A subclass sets ``_title``, ``_columns``, ``claims`` and, for cells shown
    differently from two decimals, ``_formats`` (column name to a format spec
    such as ``".1%"``); it implements :meth:`to_records` and may override
    :meth:`summary`, :meth:`_heading` and :meth:`_note`.
    """

    __slots__ = ()

    _title: ClassVar[str] = ""
    _columns: ClassVar[tuple[str, ...]] = ()
    _formats: ClassVar[Mapping[str, str]] = {}
    #: The claims (docs/domain.md) the result serves.
    claims: ClassVar[tuple[str, ...]] = ()

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
        """Return the rows as a :class:`pandas.DataFrame` (pandas is imported only now).

        Raises:
            ImportError: pandas is not installed; ``pip install "salesroles[notebook]"``.
        """
        return records_to_frame(self.to_records(), self._columns)

    def _heading(self) -> str:
        claims = f" ({', '.join(self.claims)})" if self.claims else ""
        return f"{self._title}{claims}"

    def _note(self) -> str | None:
        return None

    def __repr__(self) -> str:
        return render_text(
            self._heading(), self.summary(), self.to_records(), self._columns, self._formats
        )

    def _repr_html_(self) -> str:
        return render_html(
            self._heading(),
            self.summary(),
            self.to_records(),
            self._columns,
            self._formats,
            note=self._note(),
        )
