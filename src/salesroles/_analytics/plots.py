"""Plots of the analytics, drawn with matplotlib (the optional ``notebook`` extra).

matplotlib is imported only when a plot is asked for. Without an ``ax``, each
function draws on a new :class:`matplotlib.figure.Figure` that is not
registered with pyplot (no global state, nothing to close); a notebook shows
the returned figure. With an ``ax``, it draws there and returns that axes'
figure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from salesroles._display import optional_import
from salesroles._model.arguments import read_day, read_id, read_instance
from salesroles._model.messages import problem
from salesroles._model.portfolio import Portfolio

from .arguments import choose_as_of
from .assessment import KeyAccountAssessment, Recommendation
from .attainment import PlanAttainment, PlanProgress, plan_attainment
from .revenue import Concentration, concentration

if TYPE_CHECKING:
    from datetime import date

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_assessment_matrix", "plot_concentration", "plot_plan_attainment"]

_PERCENT: Final = 100
# One marker and colour per recommendation, so the matrix reads in black and white too.
_STYLE: Final[dict[Recommendation, tuple[str, str]]] = {
    Recommendation.DESIGNATE: ("^", "tab:green"),
    Recommendation.KEEP: ("o", "tab:blue"),
    Recommendation.RELEASE: ("v", "tab:red"),
    Recommendation.NONE: ("s", "tab:gray"),
}
#: Up to how many customers the matrix writes the names of.
LABELLED: Final = 12


def _axes(ax: Axes | None, purpose: str) -> tuple[Axes, Figure]:
    """Return the axes to draw on and its figure; import matplotlib only now.

    Raises:
        ValidationError: *ax* is neither None nor a matplotlib ``Axes``.
    """
    if ax is None:
        figure_module = optional_import("matplotlib.figure", purpose)
        figure: Figure = figure_module.Figure(figsize=(7, 4.5), layout="constrained")
        return figure.add_subplot(1, 1, 1), figure
    axes_module = optional_import("matplotlib.axes", purpose)
    ax = read_instance(ax, axes_module.Axes, "ax", "a matplotlib Axes or None")
    root = ax.get_figure(root=True)
    if root is None:  # pragma: no cover - an axes always belongs to a figure
        raise ValueError("the axes belongs to no figure")
    return ax, root


def plot_concentration(
    portfolio_or_result: Portfolio | Concentration, ax: Axes | None = None, *, top: int = 5
) -> Figure:
    """Draw the revenue Pareto curve, key accounts marked (S2.2, S2.3).

    The x axis is the share of customers (largest first), the y axis the
    share of revenue they hold. The diagonal is a portfolio of equal
    customers; a dashed line marks the *top* largest.

    Args:
        portfolio_or_result: A portfolio, or the result of :func:`concentration`.
        ax: The axes to draw on (default: a new figure).
        top: How many of the largest customers to mark, when given a portfolio.

    Returns:
        The figure drawn on.

    Raises:
        ValidationError: *portfolio_or_result* is neither a Portfolio nor a
            :class:`Concentration`, *top* is no whole number above 0, or *ax*
            is no matplotlib ``Axes``.
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
            "a Portfolio or the result of concentration(portfolio)",
        )
    ax, figure = _axes(ax, "plot_concentration()")
    points = result.curve()
    xs = [float(x) * _PERCENT for x, _ in points]
    ys = [float(y) * _PERCENT for _, y in points]
    ax.plot([0, 100], [0, 100], linestyle=":", color="gray", label="equal customers")
    ax.plot(xs, ys, color="tab:blue", marker=".", label="cumulative revenue")
    keys = [i + 1 for i, c in enumerate(result.customers) if c.is_key_account]
    if keys:
        ax.scatter(
            [xs[i] for i in keys],
            [ys[i] for i in keys],
            marker="*",
            s=140 if len(result.customers) <= 30 else 50,
            color="tab:orange",
            zorder=3,
            label="key accounts",
        )
    if result.customers and result.top_share is not None:
        shown = min(result.top, len(result.customers))
        ax.axvline(xs[shown], linestyle="--", color="tab:gray")
        ax.annotate(
            f"top {shown}: {result.top_share:.0%}",
            (xs[shown], ys[shown]),
            textcoords="offset points",
            xytext=(6, -14),
        )
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 105)
    ax.set_xlabel("Share of customers, largest first (%)")
    ax.set_ylabel("Cumulative share of revenue (%)")
    hhi = "n/a" if result.hhi is None else f"{result.hhi:.3f}"
    ax.set_title(f"Revenue concentration (HHI {hhi}; S2.3)")
    ax.legend(loc="lower right")
    return figure


def _pick(source: object, account: object, as_of: object) -> PlanProgress:
    if account is not None:
        account = read_id(account, "account", "a key account's customer id or None")
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
            "a Portfolio, the result of plan_attainment(portfolio) or one of its plans",
        )
    if account is not None:
        return result.plan(account)
    if len(result.plans) == 1:
        return result.plans[0]
    raise problem(
        "account",
        f"got None, but {len(result.plans)} plans are current; expected the "
        "customer id of the key account to plot",
        "missing",
    )


def plot_plan_attainment(
    result_or_portfolio: Portfolio | PlanAttainment | PlanProgress,
    account: str | None = None,
    ax: Axes | None = None,
    *,
    as_of: date | str | None = None,
    on: date | str | None = None,
) -> Figure:
    """Draw one plan's revenue target against actual revenue, product by product (S3.4).

    Each product gets a target bar and an actual bar (the unattributed bucket
    has only the latter); a black tick marks the target pro-rated to the days
    elapsed, the pace to keep.

    Args:
        result_or_portfolio: A portfolio, the result of :func:`plan_attainment`,
            or one :class:`PlanProgress`.
        account: The key account's customer id (or its plan's id); needed
            unless only one plan is current.
        ax: The axes to draw on (default: a new figure).
        as_of: The day to judge at, when given a portfolio: a date or an ISO
            string ``"2026-06-30"``.
        on: The deprecated spelling of *as_of*: it warns, and giving both
            is refused (code ``conflicting_arguments``).

    Returns:
        The figure drawn on.

    Raises:
        NotFoundError: *account* has no current key-account plan.
        ValidationError: *account* is missing and several plans are current,
            or an argument has the wrong type (each is named).
        CurrencyMismatchError: A figure of the plan is in another currency.
        ImportError: matplotlib is not installed.
    """
    progress = _pick(result_or_portfolio, account, choose_as_of(as_of, on))
    ax, figure = _axes(ax, "plot_plan_attainment()")
    rows = progress.products
    positions = list(range(len(rows)))
    width = 0.38
    ax.bar(
        [p - width / 2 for p in positions],
        [0.0 if r.target is None else float(r.target.amount) for r in rows],
        width,
        label="target",
        color="tab:gray",
    )
    ax.bar(
        [p + width / 2 for p in positions],
        [float(r.actual.amount) for r in rows],
        width,
        label="actual",
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
            label=f"pace on {progress.counted_until.isoformat()}",
        )
    ax.set_xticks(positions, [r.name for r in rows], rotation=20, ha="right")
    ticker = optional_import("matplotlib.ticker", "plot_plan_attainment()")
    ax.yaxis.set_major_formatter(ticker.StrMethodFormatter("{x:,.0f}"))
    ax.set_ylabel(f"Revenue ({progress.total_actual.currency})")
    ax.set_xlabel("Product")
    ax.set_title(f"{progress.plan} for {progress.name}: target vs actual (S3.4)")
    ax.legend()
    return figure


def plot_assessment_matrix(assessment: KeyAccountAssessment, ax: Axes | None = None) -> Figure:
    """Draw the key-account assessment matrix (S2.1, S2.2, S4.3).

    Each customer whose attractiveness and relationship strength are both
    known is a point: attractiveness (the score of the economic criteria) on
    the x axis, the decision team's relationship strength on the y axis. The
    marker says the recommendation; a ring marks a current key account. The
    dashed lines at 0.5 split the usual four quadrants. At most
    :data:`LABELLED` customers, the best ranked, are named.

    Args:
        assessment: The result of :func:`assess_key_accounts`.
        ax: The axes to draw on (default: a new figure).

    Returns:
        The figure drawn on.

    Raises:
        ValidationError: *assessment* is not the result of
            :func:`assess_key_accounts` (a portfolio is refused too), or *ax* is
            no matplotlib ``Axes``.
        ImportError: matplotlib is not installed.
    """
    assessment = read_instance(
        assessment,
        KeyAccountAssessment,
        "assessment",
        "the result of assess_key_accounts(portfolio)",
    )
    ax, figure = _axes(ax, "plot_assessment_matrix()")
    shown = [
        a
        for a in assessment.accounts
        if a.attractiveness is not None and a.relationship_strength is not None
    ]

    def point(a: object) -> tuple[float, float]:
        return float(a.attractiveness), float(a.relationship_strength)  # type: ignore[attr-defined]

    for recommendation, (marker, colour) in _STYLE.items():
        group = [point(a) for a in shown if a.recommendation is recommendation]
        if group:
            ax.scatter(
                [x for x, _ in group],
                [y for _, y in group],
                marker=marker,
                color=colour,
                label=recommendation.value,
                zorder=3,
            )
    keys = [point(a) for a in shown if a.is_key_account]
    if keys:
        ax.scatter(
            [x for x, _ in keys],
            [y for _, y in keys],
            s=180,
            facecolors="none",
            edgecolors="black",
            label="key account now",
            zorder=2,
        )
    for a in sorted(shown, key=lambda a: a.rank or 0)[:LABELLED]:
        ax.annotate(a.name, point(a), textcoords="offset points", xytext=(5, 4), fontsize=7)
    ax.axvline(0.5, linestyle="--", color="lightgray")
    ax.axhline(0.5, linestyle="--", color="lightgray")
    ax.set_xlim(-0.05, 1.05)
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel("Attractiveness (revenue, profit, growth, headroom)")
    ax.set_ylabel("Relationship strength of the decision team (S4.3)")
    hidden = len(assessment.accounts) - len(shown)
    if hidden:
        ax.text(
            0.01,
            0.01,
            f"{hidden} customers not shown: attractiveness or relationship unknown",
            transform=ax.transAxes,
            fontsize=7,
            color="gray",
        )
    ax.set_title("Key-account assessment matrix (S2.1, S2.2)")
    if shown:
        ax.legend(loc="lower right", fontsize=8)
    return figure
