import json
import sys
from decimal import Decimal
from typing import ClassVar

import attrs
import pandas as pd
import pytest

import salesroles as sr
from salesroles._display import (
    HTML_ROWS,
    TEXT_ROWS,
    Table,
    format_cell,
    optional_import,
    render_html,
    render_text,
)
from salesroles.testing import generate_portfolio, sample_portfolio


@attrs.frozen(kw_only=True, repr=False)
class Rows(Table):
    _title: ClassVar[str] = "Rows <&>"
    _columns: ClassVar[tuple[str, ...]] = ("name", "share", "flag")
    _formats: ClassVar[dict[str, str]] = {"share": ".1%"}
    _dtypes: ClassVar[dict[str, str]] = {"name": "text", "share": "decimal", "flag": "bool"}
    claims: ClassVar[tuple[str, ...]] = ("S2.3",)

    names: tuple[str, ...]

    def to_records(self):
        return [
            {"name": n, "share": Decimal(i) / 10, "flag": i % 2 == 0}
            for i, n in enumerate(self.names)
        ]


def test_a_table_renders_its_rows_as_text_with_its_title_and_claims():
    text = repr(Rows(names=("ACME", "Nord")))
    assert text.splitlines() == [
        "<Rows <&> (S2.3)>",
        "  name  share  flag",
        "  ACME  0.0%   yes",
        "  Nord  10.0%  no",
    ]


def test_long_tables_are_cut_short_in_text_and_html():
    rows = Rows(names=tuple(f"C{i}" for i in range(HTML_ROWS + 5)))
    assert f"... {HTML_ROWS + 5 - TEXT_ROWS} more rows" in repr(rows)
    assert len(repr(rows).splitlines()) == 2 + TEXT_ROWS + 1
    page = rows._repr_html_()
    assert page.count("<tr>") == HTML_ROWS + 1
    assert "5 more rows" in page


def test_html_escapes_every_cell_and_the_title():
    page = Rows(names=("<script>alert(1)</script>",))._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Rows &lt;&amp;&gt; (S2.3)" in page


def test_an_empty_table_says_so():
    assert "(no rows)" in repr(Rows(names=()))
    assert "(no rows)" in Rows(names=())._repr_html_()


def test_to_frame_keeps_the_columns_even_when_empty():
    frame = Rows(names=()).to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["name", "share", "flag"]
    assert len(frame) == 0


def test_to_frame_keeps_decimals_exact():
    frame = Rows(names=("A", "B", "C")).to_frame()
    assert frame["share"].tolist() == [Decimal(0), Decimal("0.1"), Decimal("0.2")]
    assert str(frame["share"].dtype) == "decimal128(38, 1)[pyarrow]"
    assert frame["share"].sum() == Decimal("0.3")


def test_cells_are_shown_readably():
    assert format_cell(None) == ""
    assert format_cell(True) == "yes"
    assert format_cell(Decimal("1234567.891")) == "1,234,567.89"
    assert format_cell(Decimal("0.25"), ".0%") == "25%"
    assert format_cell(7) == "7"


def test_renderers_show_headline_figures():
    text = render_text("T", {"share": Decimal("0.5")}, [], (), {"share": ".0%"})
    assert text == "<T>\n  share: 50%"
    page = render_html("T", {"n": 3}, [], (), {}, note="a <note>")
    assert '<td style="text-align:left">n</td><td style="text-align:right">3</td>' in page
    assert "a &lt;note&gt;" in page


def test_the_base_table_has_no_rows_of_its_own():
    with pytest.raises(NotImplementedError):
        Table().to_records()
    assert Table().summary() == {}


def test_a_missing_optional_dependency_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "salesroles\[notebook\]"'):
        Rows(names=()).to_frame()
    with pytest.raises(ImportError, match="to_frame"):
        optional_import("pandas", "to_frame()")


def every_result(p):
    return [
        sr.loss_impact(p, [c.id for c in p.customers]),
        sr.concentration(p),
        sr.decision_team(p),
        sr.workload(p),
        sr.plan_attainment(p),
        sr.plan_attainment(p).plans[0],
        sr.renewals(p),
        sr.communication_schedule(p, p.as_of, p.as_of.replace(month=12, day=31)),
        sr.assess_key_accounts(p),
        sr.assess_key_accounts(p).accounts[0],
    ]


@pytest.mark.parametrize("portfolio", [sample_portfolio(), generate_portfolio(20, seed=4)])
def test_every_result_exports_json_ready_records_a_frame_and_displays(portfolio):
    for result in every_result(portfolio):
        records = result.to_records()
        assert all(list(r) == list(result._columns) for r in records), type(result)
        for record in records:
            assert all(
                v is None or isinstance(v, str | int | bool | Decimal) for v in record.values()
            )
        json.dumps(records, default=str)
        json.dumps(result.summary(), default=str)
        frame = result.to_frame()
        assert len(frame) == len(records)
        assert list(frame.columns) == list(result._columns)
        assert repr(result).startswith("<")
        assert result._repr_html_().startswith('<div class="salesroles-result">')
