"""Sphinx extension: the column dtypes of every DataFrame salesroles gives, read from the library.

Usage, in a MyST page::

    ```{result-dtypes}
    ```

    ```{portfolio-frames}
    ```

The first renders, per result (``check``'s report and every analysis), a table
of its ``to_frame()`` columns: the kind each column is declared with and the
pandas dtype it gets. The second does the same for the frames of
``Portfolio.to_frames()``. Both read the declarations the code uses, so the
docs cannot drift from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _para(text: str, *, literal: bool = False) -> nodes.paragraph:
    para = nodes.paragraph()
    para += nodes.literal(text=text) if literal else nodes.Text(text)
    return para


def _dtype(kind: Any) -> str:
    from salesroles._display import KINDS  # noqa: PLC0415 - imported when the page is built

    if isinstance(kind, tuple):
        return "ordered category: " + " < ".join(str(k) for k in kind)
    return KINDS[kind]


def _table(columns: list[tuple[str, Any]]) -> nodes.table:
    table = nodes.table(classes=["frame-dtypes"])
    group = nodes.tgroup(cols=2)
    table += group
    for width in (30, 70):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for title in ("column", "dtype"):
        row += nodes.entry("", _para(title))
    head += row
    body = nodes.tbody()
    group += body
    for name, kind in columns:
        row = nodes.row()
        row += nodes.entry("", _para(name, literal=True))
        row += nodes.entry("", _para(_dtype(kind)))
        body += row
    return table


def _section(title: str, columns: list[tuple[str, Any]]) -> list[nodes.Node]:
    heading = nodes.rubric("", "")
    heading += nodes.literal(text=title)
    return [heading, _table(columns)]


class ResultDtypes(SphinxDirective):
    """The ``result-dtypes`` directive: no arguments, no content."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """One table per result class, in the order of docs/analytics.md."""
        import salesroles as sr  # noqa: PLC0415 - imported when the page is built
        from salesroles._rules import report  # noqa: PLC0415

        out: list[nodes.Node] = _section(
            "check(...).to_frame()",
            [(c, report._RECORD_KINDS[c]) for c in report._RECORD_COLUMNS],  # noqa: SLF001
        )
        results = {
            "loss_impact(...)": sr.LossImpact,
            "concentration(...)": sr.Concentration,
            "assess_key_accounts(...)": sr.KeyAccountAssessment,
            "assess_key_accounts(...).explain(customer)": sr.AccountAssessment,
            "plan_attainment(...)": sr.PlanAttainment,
            "plan_attainment(...).plan(account)": sr.PlanProgress,
            "decision_team(...)": sr.DecisionTeam,
            "renewals(...)": sr.Renewals,
            "communication_schedule(...)": sr.CommunicationSchedule,
            "workload(...)": sr.Workload,
            "Scenario(...).compare()": sr.Comparison,
        }
        for title, cls in results.items():
            kinds = cls._dtypes
            out += _section(f"{title}.to_frame()", [(c, kinds[c]) for c in cls._columns])
        return out


class PortfolioFrames(SphinxDirective):
    """The ``portfolio-frames`` directive: no arguments, no content."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """One table per frame of ``Portfolio.to_frames()``, its index first."""
        from salesroles._analytics import frames  # noqa: PLC0415 - imported when built
        from salesroles._model.references import COLLECTIONS  # noqa: PLC0415

        out: list[nodes.Node] = []
        for name in frames.frame_names():
            if name == frames.PORTFOLIO_FRAME:
                cls, owner = frames.Portfolio, None
            elif "." in name:
                parent, field = name.split(".")
                cls = next(
                    f.item
                    for f in frames._children(COLLECTIONS[parent])  # noqa: SLF001
                    if f.name == field
                )
                owner = frames._OWNER.get(parent, parent.removesuffix("s"))  # noqa: SLF001
            else:
                cls, owner = COLLECTIONS[name], None
            columns = [(c.name, c.kind) for c in frames._columns(cls)]  # noqa: SLF001
            if owner is not None:
                columns.insert(0, (owner, "text"))
            index = None if name == frames.PORTFOLIO_FRAME else frames._index_of(name)  # noqa: SLF001
            if "." in name:
                index = "id" if any(c == "id" for c, _ in columns) else None
            title = f'frames["{name}"]' + (f" (index: {index})" if index else "")
            out += _section(title, columns)
        return out


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives."""
    app.add_directive("result-dtypes", ResultDtypes)
    app.add_directive("portfolio-frames", PortfolioFrames)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
