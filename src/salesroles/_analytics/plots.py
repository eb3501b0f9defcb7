"""Plots of the analytics, drawn with matplotlib (the optional ``notebook`` extra).

They follow matplotlib's own convention: each function takes ``ax=`` and
returns the :class:`~matplotlib.axes.Axes` it drew on. Without an ``ax``, it
draws on a new pyplot figure, so ``plt.show()`` and ``plt.savefig()`` work
in a script and a notebook shows it as any other plot. matplotlib is
imported only when a plot is asked for.

Names are written where they fit: each label is tried at a few offsets
around its point and kept at the first where its extent, measured by the
figure's renderer, overlaps no label already written; the legend says how
many are named and what is left out. ``highlight=`` marks the customers a
story is about, named first.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from salesroles._display import format_cell, optional_import
from salesroles._i18n.labels import label
from salesroles._i18n.message import render, template
from salesroles._model.arguments import read_day, read_id, read_instance
from salesroles._model.messages import error, phrase, problem, refusal
from salesroles._model.portfolio import Portfolio
from salesroles.exceptions import NotFoundError

from .arguments import choose_as_of
from .assessment import AccountAssessment, KeyAccountAssessment, Recommendation
from .attainment import PlanAttainment, PlanProgress, plan_attainment
from .revenue import Concentration, concentration

if TYPE_CHECKING:
    from datetime import date

    from matplotlib.axes import Axes
    from matplotlib.text import Annotation
    from matplotlib.transforms import Bbox

__all__ = ["plot_assessment_matrix", "plot_concentration", "plot_plan_attainment"]

_PERCENT: Final = 100
# One marker and colour per recommendation, so the matrix reads in black and white too.
_STYLE: Final[dict[Recommendation, tuple[str, str]]] = {
    Recommendation.DESIGNATE: ("^", "tab:green"),
    Recommendation.KEEP: ("o", "tab:blue"),
    Recommendation.RELEASE: ("v", "tab:red"),
    Recommendation.NONE: ("s", "tab:gray"),
}
#: Up to how many customers the matrix tries to write the names of, best ranked first.
LABELLED: Final = 12
#: The colour that marks the customers a story is about (``highlight=``).
HIGHLIGHT: Final = "tab:red"
# Where a label may go around its point, in points, tried in turn (offset, alignment).
_OFFSETS: Final = (
    ((5, 4), "left", "bottom"),
    ((5, -4), "left", "top"),
    ((-5, 4), "right", "bottom"),
    ((-5, -4), "right", "top"),
    ((0, 8), "center", "bottom"),
    ((0, -8), "center", "top"),
)
# Where customers whose relationship strength is unknown are drawn, below the matrix.
_UNKNOWN_Y: Final = -0.1


# Every text a plot shows, in the active language.
_EQUAL: Final = template("plot.equal-customers", "equal customers")
_CUMULATIVE: Final = template("plot.cumulative-revenue", "cumulative revenue")
_KEY_ACCOUNTS: Final = template("plot.key-accounts", "key accounts")
_HIGHLIGHTED: Final = template("plot.highlighted", "highlighted")
_CUSTOMER_SHARE: Final = template("plot.customer-share", "Share of customers, largest first (%)")
_REVENUE_SHARE: Final = template("plot.revenue-share", "Cumulative share of revenue (%)")
_NO_FIGURE: Final = template("plot.no-figure", "n/a")
_CONCENTRATION: Final = template("plot.concentration", "Revenue concentration (HHI {hhi}; S2.3)")
_TARGET: Final = template("plot.target", "target")
_ACTUAL: Final = template("plot.actual", "actual")
_PACE: Final = template("plot.pace", "pace on {day:date}")
_REVENUE: Final = template("plot.revenue", "Revenue ({currency})")
_PRODUCT: Final = template("plot.product", "Product")
_ATTAINMENT: Final = template("plot.attainment", "{plan} for {name}: target vs actual (S3.4)")
_KEY_NOW: Final = template("plot.key-account-now", "key account now")
_UNKNOWN: Final = template("plot.unknown", "unknown")
_ATTRACTIVENESS: Final = template(
    "plot.attractiveness", "Attractiveness (revenue, profit, growth, headroom)"
)
_RELATIONSHIP: Final = template(
    "plot.relationship", "Relationship strength of the decision team (S4.3)"
)
_NO_CONTACT: Final = template("plot.no-contact", "{count} with no known contact: strip {strip!r}")
_HIDDEN: Final = template("plot.hidden", "{count} of {total} not shown: no figures")
_MISSING: Final = template("plot.missing", "not shown (no figures): {ids}")
_MATRIX: Final = template("plot.matrix", "Key-account assessment matrix (S2.1, S2.2)")
_NAMED: Final = template("plot.named", "{written} of {shown} named, best ranked first")
_UNNAMED: Final = template("plot.unnamed", "; {count} more left unnamed for lack of room")


_AXES: Final = phrase("expected.axes", "a matplotlib Axes or None")
_ID_OR_LIST: Final = phrase("expected.id_or_list", "a customer id or a list")
_CUSTOMER_ID: Final = phrase("expected.customer_id", "a customer id")
_STRANGERS: Final = template(
    "not_plotted", "cannot highlight {ids:choices}: not among the customers plotted"
)
_CONCENTRATION_ARG: Final = phrase(
    "expected.concentration", "a Portfolio or the result of concentration(portfolio)"
)
_ACCOUNT: Final = phrase("expected.account", "a key account's customer id or None")
_ATTAINMENT_ARG: Final = phrase(
    "expected.attainment",
    "a Portfolio, the result of plan_attainment(portfolio) or one of its plans",
)
_WHICH_PLAN: Final = template(
    "which_plan",
    "got None, but {count} plans are current; expected the customer id of the key account to plot",
)
_ASSESSMENT: Final = phrase("expected.assessment", "the result of assess_key_accounts(portfolio)")
_NAMES: Final = phrase("expected.names", "a whole number, 0 or more")


def _said(code: str, **params: object) -> str:
    return render(code, params)


def _axes(ax: Axes | None, purpose: str) -> Axes:
    """Return the axes to draw on: *ax*, or one of a new pyplot figure; import matplotlib now.

    Raises:
        ValidationError: *ax* is neither None nor a matplotlib ``Axes``.
    """
    if ax is None:
        pyplot = optional_import("matplotlib.pyplot", purpose)
        _, new = pyplot.subplots(figsize=(8, 5), layout="constrained")
        return new  # type: ignore[no-any-return]
    axes_module = optional_import("matplotlib.axes", purpose)
    return read_instance(ax, axes_module.Axes, "ax", _AXES)  # type: ignore[no-any-return]


def _highlighted(highlight: object, known: Iterable[str]) -> list[str]:
    """The customer ids of *highlight* (one id or several), each one known to the plot.

    Raises:
        ValidationError: *highlight* is no id or list of ids.
        NotFoundError: an id names no customer of the plot.
    """
    if highlight is None:
        return []
    ids = [highlight] if isinstance(highlight, str) else highlight
    if not isinstance(ids, Iterable):
        raise problem("highlight", highlight, _ID_OR_LIST)
    found = [read_id(ident, f"highlight[{i}]", _CUSTOMER_ID) for i, ident in enumerate(ids)]
    strangers = sorted(set(found) - set(known))
    if strangers:
        raise refusal(NotFoundError, "not_found", _STRANGERS, ids=strangers)
    return found


def _overlaps(box: Bbox, placed: list[Bbox]) -> bool:
    return any(box.overlaps(other) for other in placed)


def place_labels(
    ax: Axes, labels: Iterable[tuple[str, tuple[float, float], dict[str, Any]]]
) -> tuple[list[Annotation], int]:
    """Write each label beside its point where it overlaps no label written before.

    Each label is tried at the offsets of ``_OFFSETS`` in turn; its extent is
    measured with the figure's renderer after the layout has run, and it must
    stay inside the axes. Returns the labels written and how many found no room.
    """
    figure = ax.get_figure(root=True)
    if figure is None:  # pragma: no cover - an axes always belongs to a figure
        return [], 0
    figure.draw_without_rendering()  # runs the layout, so extents are final
    frame = ax.get_window_extent()
    placed: list[Bbox] = []
    written: list[Annotation] = []
    left_out = 0
    for text, point, style in labels:
        for offset, ha, va in _OFFSETS:
            label = ax.annotate(
                text, point, textcoords="offset points", xytext=offset, ha=ha, va=va, **style
            )
            box = label.get_window_extent().padded(1)
            if (
                frame.contains(box.x0, box.y0)
                and frame.contains(box.x1, box.y1)
                and not (_overlaps(box, placed))
            ):
                placed.append(box)
                written.append(label)
                break
            label.remove()
        else:
            left_out += 1
    return written, left_out


def plot_concentration(
    portfolio_or_result: Portfolio | Concentration,
    ax: Axes | None = None,
    *,
    top: int = 5,
    highlight: str | Iterable[str] | None = None,
) -> Axes:
    """Draw the revenue Pareto curve, key accounts marked (S2.2, S2.3).

    The x axis is the share of customers (largest first), the y axis the
    share of revenue they hold. The diagonal is a portfolio of equal
    customers; a dashed line marks the *top* largest.

    Args:
        portfolio_or_result: A portfolio, or the result of :func:`concentration`.
        ax: The axes to draw on (default: a new pyplot figure).
        top: How many of the largest customers to mark, when given a portfolio.
        highlight: A customer id, or several, to mark in red and name: the
            customers the story is about.

    Returns:
        The axes drawn on.

    Raises:
        ValidationError: *portfolio_or_result* is neither a Portfolio nor a
            :class:`Concentration`, *top* is no whole number above 0, *ax*
            is no matplotlib ``Axes``, or *highlight* is no id or list of ids.
        NotFoundError: A highlighted id is no customer on the curve.
        CurrencyMismatchError: A customer's figures are not in the portfolio's currency.
        ImportError: matplotlib is not installed.
    """
    if isinstance(portfolio_or_result, Portfolio):
        result = concentration(portfolio_or_result, top=top)
    else:
        result = read_instance(
            portfolio_or_result,
            Concentration,
            "portfolio_or_result",
            _CONCENTRATION_ARG,
        )
    marked = _highlighted(highlight, (c.customer for c in result.customers))
    ax = _axes(ax, "plot_concentration()")
    points = result.curve()
    xs = [float(x) * _PERCENT for x, _ in points]
    ys = [float(y) * _PERCENT for _, y in points]
    ax.plot([0, 100], [0, 100], linestyle=":", color="gray", label=_said(_EQUAL))
    ax.plot(xs, ys, color="tab:blue", marker=".", label=_said(_CUMULATIVE))
    keys = [i + 1 for i, c in enumerate(result.customers) if c.is_key_account]
    if keys:
        ax.scatter(
            [xs[i] for i in keys],
            [ys[i] for i in keys],
            marker="*",
            s=140 if len(result.customers) <= 30 else 50,
            color="tab:orange",
            zorder=3,
            label=_said(_KEY_ACCOUNTS),
        )
    at = {c.customer: i + 1 for i, c in enumerate(result.customers)}
    if marked:
        ax.scatter(
            [xs[at[m]] for m in marked],
            [ys[at[m]] for m in marked],
            s=220,
            facecolors="none",
            edgecolors=HIGHLIGHT,
            linewidths=2,
            zorder=4,
            label=_said(_HIGHLIGHTED),
        )
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 105)
    ax.set_xlabel(_said(_CUSTOMER_SHARE))
    ax.set_ylabel(_said(_REVENUE_SHARE))
    hhi = _said(_NO_FIGURE) if result.hhi is None else format_cell(result.hhi, ".3f")
    ax.set_title(_said(_CONCENTRATION, hhi=hhi))
    ax.legend(loc="lower right")
    names = {c.customer: c.name for c in result.customers}
    labels: list[tuple[str, tuple[float, float], dict[str, Any]]] = [
        (names[m], (xs[at[m]], ys[at[m]]), {"color": HIGHLIGHT, "fontweight": "bold"})
        for m in marked
    ]
    if result.customers and result.top_share is not None:
        shown = min(result.top, len(result.customers))
        ax.axvline(xs[shown], linestyle="--", color="tab:gray")
        labels.append((f"top {shown}: {result.top_share:.0%}", (xs[shown], ys[shown]), {}))
    place_labels(ax, labels)
    return ax


def _pick(source: object, account: object, as_of: object) -> PlanProgress:
    if account is not None:
        account = read_id(account, "account", _ACCOUNT)
    day = None if as_of is None else read_day(as_of, "as_of")
    if isinstance(source, PlanProgress):
        return source
    if isinstance(source, Portfolio):
        result = plan_attainment(source, day)
    else:
        result = read_instance(
            source,
            PlanAttainment,
            "result_or_portfolio",
            _ATTAINMENT_ARG,
        )
    if account is not None:
        return result.plan(account)
    if len(result.plans) == 1:
        return result.plans[0]
    raise error("account", "missing", _WHICH_PLAN, count=len(result.plans))


def plot_plan_attainment(
    result_or_portfolio: Portfolio | PlanAttainment | PlanProgress,
    account: str | None = None,
    ax: Axes | None = None,
    *,
    as_of: date | str | None = None,
    on: date | str | None = None,
) -> Axes:
    """Draw one plan's revenue target against actual revenue, product by product (S3.4).

    Each product gets a target bar and an actual bar (the unattributed bucket
    has only the latter); a black tick marks the target pro-rated to the days
    elapsed, the pace to keep.

    Args:
        result_or_portfolio: A portfolio, the result of :func:`plan_attainment`,
            or one :class:`PlanProgress`.
        account: The key account's customer id (or its plan's id); needed
            unless only one plan is current.
        ax: The axes to draw on (default: a new pyplot figure).
        as_of: The day to judge at, when given a portfolio: a date or an ISO
            string ``"2026-06-30"``.
        on: The deprecated spelling of *as_of*: it warns, and giving both
            is refused (code ``conflicting_arguments``).

    Returns:
        The axes drawn on.

    Raises:
        NotFoundError: *account* has no current key-account plan.
        ValidationError: *account* is missing and several plans are current,
            or an argument has the wrong type (each is named).
        CurrencyMismatchError: A figure of the plan is in another currency.
        ImportError: matplotlib is not installed.
    """
    progress = _pick(result_or_portfolio, account, choose_as_of(as_of, on))
    ax = _axes(ax, "plot_plan_attainment()")
    rows = progress.products
    positions = list(range(len(rows)))
    width = 0.38
    ax.bar(
        [p - width / 2 for p in positions],
        [0.0 if r.target is None else float(r.target.amount) for r in rows],
        width,
        label=_said(_TARGET),
        color="tab:gray",
    )
    ax.bar(
        [p + width / 2 for p in positions],
        [float(r.actual.amount) for r in rows],
        width,
        label=_said(_ACTUAL),
        color="tab:blue",
    )
    paced = [
        (p, r.expected) for p, r in zip(positions, rows, strict=True) if r.expected is not None
    ]
    if paced:
        ax.scatter(
            [p - width / 2 for p, _ in paced],
            [float(e.amount) for _, e in paced],
            marker="_",
            s=400,
            color="black",
            zorder=3,
            label=_said(_PACE, day=progress.counted_until.isoformat()),
        )
    # Names wrapped on words, upright: rotated labels' extents overlap their neighbours'.
    ax.set_xticks(
        positions, [textwrap.fill(r.name, 12, break_long_words=False) for r in rows], fontsize=8
    )
    ticker = optional_import("matplotlib.ticker", "plot_plan_attainment()")
    ax.yaxis.set_major_formatter(ticker.StrMethodFormatter("{x:,.0f}"))
    ax.set_ylabel(_said(_REVENUE, currency=progress.total_actual.currency))
    ax.set_xlabel(_said(_PRODUCT))
    ax.set_title(_said(_ATTAINMENT, plan=progress.plan, name=progress.name))
    ax.legend()
    return ax


def _matrix_point(a: AccountAssessment) -> tuple[float, float]:
    """Where a customer sits in the matrix; no known contact puts it in the strip below."""
    y = _UNKNOWN_Y if a.relationship_strength is None else float(a.relationship_strength)
    return float(a.attractiveness or 0), y


def _draw_matrix_points(
    ax: Axes, shown: list[AccountAssessment], spotted: list[AccountAssessment]
) -> None:
    """One marker per recommendation, rings for key accounts and for highlighted customers."""
    for recommendation, (marker, colour) in _STYLE.items():
        group = [_matrix_point(a) for a in shown if a.recommendation is recommendation]
        if group:
            ax.scatter(
                [x for x, _ in group],
                [y for _, y in group],
                marker=marker,
                color=colour,
                label=label(recommendation),
                zorder=3,
            )
    rings = (
        ([a for a in shown if a.is_key_account], 180, "black", 1.0, _said(_KEY_NOW), 2),
        (spotted, 320, HIGHLIGHT, 2.0, _said(_HIGHLIGHTED), 4),
    )
    for ringed, size, edge, width, ring, zorder in rings:
        if ringed:
            points = [_matrix_point(a) for a in ringed]
            ax.scatter(
                [x for x, _ in points],
                [y for _, y in points],
                s=size,
                facecolors="none",
                edgecolors=edge,
                linewidths=width,
                label=ring,
                zorder=zorder,
            )


def _colour(a: AccountAssessment, spotted: list[AccountAssessment]) -> str:
    return HIGHLIGHT if a in spotted else "black"


def _frame_matrix(ax: Axes, *, unknown: bool) -> None:
    """The quadrants, the strip of customers without known contacts, the axes' labels."""
    ax.axvline(0.5, linestyle="--", color="lightgray")
    ax.axhline(0.5, linestyle="--", color="lightgray")
    ticks = [0.0, 0.25, 0.5, 0.75, 1.0]
    if unknown:
        ax.axhline(_UNKNOWN_Y / 2, color="lightgray", linewidth=0.8)
    ax.set_xlim(-0.05, 1.05)
    ax.set_ylim(_UNKNOWN_Y - 0.06 if unknown else -0.05, 1.05)
    ax.set_yticks(
        [_UNKNOWN_Y, *ticks] if unknown else ticks,
        [
            *([_said(_UNKNOWN)] if unknown else []),
            *(format_cell(Decimal(t), ".2f") for t in ticks),
        ],
    )
    ax.set_xlabel(_said(_ATTRACTIVENESS))
    ax.set_ylabel(_said(_RELATIONSHIP))


def _matrix_notes(
    assessment: KeyAccountAssessment, shown: list[AccountAssessment], marked: list[str]
) -> list[str]:
    """What the matrix leaves out or puts aside, a line each, for the legend's title."""
    notes = []
    unknown = sum(1 for a in shown if a.relationship_strength is None)
    if unknown:
        notes.append(_said(_NO_CONTACT, count=unknown, strip=_said(_UNKNOWN)))
    hidden = len(assessment.accounts) - len(shown)
    if hidden:
        notes.append(_said(_HIDDEN, count=hidden, total=len(assessment.accounts)))
    drawn = {a.customer for a in shown}
    missing = [m for m in marked if m not in drawn]
    if missing:
        notes.append(_said(_MISSING, ids=", ".join(missing)))
    return notes


def plot_assessment_matrix(
    assessment: KeyAccountAssessment,
    ax: Axes | None = None,
    *,
    highlight: str | Iterable[str] | None = None,
    names: int = LABELLED,
) -> Axes:
    """Draw the key-account assessment matrix (S2.1, S2.2, S4.3).

    Each assessed customer whose attractiveness is known is a point:
    attractiveness (the score of the economic criteria) on the x axis, the
    decision team's relationship strength on the y axis. Customers with no
    known contact at all are drawn in a strip marked "unknown" below the
    matrix, not left off. The marker says the recommendation; a ring marks a
    current key account. The dashed lines at 0.5 split the usual four
    quadrants. The best ranked are named, as many as *names* and as fit
    without overlapping; the legend's title says how many are named and what
    is not shown.

    Args:
        assessment: The result of :func:`assess_key_accounts`.
        ax: The axes to draw on (default: a new pyplot figure).
        highlight: A customer id, or several, to mark in red and name first.
        names: Up to how many of the best ranked customers to name (default 12).

    Returns:
        The axes drawn on.

    Raises:
        ValidationError: *assessment* is not the result of
            :func:`assess_key_accounts` (a portfolio is refused too), *ax* is
            no matplotlib ``Axes``, *names* is a negative number, or
            *highlight* is no id or list of ids.
        NotFoundError: A highlighted id was not assessed.
        ImportError: matplotlib is not installed.
    """
    assessment = read_instance(
        assessment,
        KeyAccountAssessment,
        "assessment",
        _ASSESSMENT,
    )
    if type(names) is not int or names < 0:
        raise problem("names", names, _NAMES, "out_of_range")
    marked = _highlighted(highlight, (a.customer for a in assessment.accounts))
    ax = _axes(ax, "plot_assessment_matrix()")
    shown = [a for a in assessment.accounts if a.attractiveness is not None]
    unknown = sum(1 for a in shown if a.relationship_strength is None)

    by_id = {a.customer: a for a in shown}
    spotted = [by_id[m] for m in marked if m in by_id]
    _draw_matrix_points(ax, shown, spotted)
    _frame_matrix(ax, unknown=unknown > 0)
    ranked = sorted(
        (a for a in shown if a.customer not in marked), key=lambda a: (a.rank is None, a.rank or 0)
    )
    wanted = [*spotted, *ranked[: max(names - len(spotted), 0)]]
    notes = _matrix_notes(assessment, shown, marked)
    title = _said(_MATRIX)
    if not shown:
        ax.set_title("\n".join([title, *notes]))
        return ax
    # The legend sits outside the matrix, so that it hides no point and no name. Everything
    # that takes room is set before the names are placed, so that the layout no longer moves.
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.02, 1),
        fontsize=8,
        title="\n".join(notes) or None,
        title_fontsize=8,
    )
    ax.set_title(f"{title}\n ")
    written, left_out = place_labels(
        ax,
        (
            (a.name, _matrix_point(a), {"fontsize": 7, "color": _colour(a, spotted)})
            for a in wanted
        ),
    )
    named = _said(_NAMED, written=len(written), shown=len(shown))
    if left_out:
        named += _said(_UNNAMED, count=left_out)
    ax.set_title(f"{title}\n{named}", fontsize=10)
    return ax
