"""Results as DataFrames an analyst works with: exact decimals, dates, ordered categories."""

from datetime import date
from decimal import Context, Decimal

import matplotlib as mpl

mpl.use("Agg")

import pandas as pd
import pytest
from dateutil.relativedelta import relativedelta

import salesroles as sr
from salesroles._display import KINDS, Summary
from salesroles.testing import generate_portfolio, sample_portfolio


def every_result(p):
    return [
        sr.check(p),
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
        sr.Scenario(before=p).lose_account(p.key_accounts[0].customer).compare(),
    ]


def test_every_column_of_every_result_has_a_declared_kind():
    for result in every_result(sample_portfolio())[1:]:
        assert set(result._dtypes) == set(result._columns), type(result)
        for kind in result._dtypes.values():
            assert isinstance(kind, tuple) or kind in KINDS


@pytest.mark.parametrize("portfolio", [sample_portfolio(), generate_portfolio(20, seed=4)])
def test_no_column_of_any_frame_is_left_as_object(portfolio):
    for result in every_result(portfolio):
        frame = result.to_frame()
        assert not [c for c in frame.columns if frame[c].dtype == object], type(result)


def test_money_and_shares_are_exact_decimals_that_sum_exactly_and_plot():
    frame = sr.concentration(sample_portfolio()).to_frame()
    assert str(frame["revenue"].dtype) == "decimal128(38, 2)[pyarrow]"
    assert frame["revenue"].sum() == Decimal("2068000.00")
    assert isinstance(frame["share"].dtype, pd.ArrowDtype)
    exact = Context(prec=100)
    shares = [r["share"] for r in sr.concentration(sample_portfolio()).to_records()]
    assert frame["share"].sum() == exact.add(exact.add(shares[0], shares[1]), shares[2])
    ax = frame.plot.bar(x="customer", y="revenue")
    assert [p.get_height() for p in ax.patches] == [1200000.0, 850000.0, 18000.0]


def test_days_are_dates_and_counts_integers():
    p = sample_portfolio()
    frame = sr.renewals(p, relativedelta(years=3)).to_frame()
    assert str(frame["renewal_date"].dtype) == "date32[day][pyarrow]"
    assert frame["renewal_date"].tolist() == [date(2029, 1, 1)]
    assert str(frame["days_left"].dtype) == "int64[pyarrow]"


def test_findings_sort_gravest_first_and_carry_lists():
    frame = sr.check(sample_portfolio()).to_frame()
    assert frame["severity"].cat.ordered
    assert list(frame["severity"].cat.categories) == ["error", "warning", "info"]
    shuffled = frame.sample(frac=1, random_state=3)
    assert shuffled.sort_values("severity")["severity"].tolist() == (
        ["error"] + ["warning"] * 6 + ["info"]
    )
    gap = frame[frame["rule"] == "decision-team-gap"].iloc[0]
    assert list(gap["involves"]) == ["C-NORD", "technical_decision_maker", "senior_executive"]
    assert list(gap["claims"]) == ["S4.2", "S4.3"]
    assert frame["as_of"].iloc[0] == date(2026, 11, 27)


def test_recommendations_roles_and_statuses_are_ordered_categories():
    p = generate_portfolio(20, seed=4)
    assessment = sr.assess_key_accounts(p).to_frame()
    assert list(assessment["recommendation"].cat.categories) == [
        "designate",
        "keep",
        "release",
        "none",
    ]
    roles = sr.workload(p).to_frame()["role"]
    assert list(roles.cat.categories) == [r.value for r in sr.Role]
    status = sr.loss_impact(p, [c.id for c in p.customers]).to_frame()["status"]
    assert list(status.cat.categories) == ["active", "lapsed", "lost"]


def test_a_summary_is_a_dict_a_notebook_shows_as_a_formatted_table():
    summary = sr.concentration(sample_portfolio(), top=1).summary()
    assert isinstance(summary, Summary)
    assert summary["top_share"] == Decimal(1200000) / Decimal(2068000)
    page = summary._repr_html_()
    assert (
        '<td style="text-align:left">top_share</td><td style="text-align:right">58.0%</td>' in page
    )
    assert "2,068,000.00" in page
    assert "Revenue concentration (S2.2, S2.3): summary" in page


def test_a_comparison_shows_shares_as_percentages_and_no_negative_zero():
    p = sample_portfolio()
    comparison = sr.Scenario(before=p).lose_account("C-ACME").compare()
    page = comparison._repr_html_()
    share = f"{comparison.loss.revenue_share:.1%}"
    assert f'<td style="text-align:right">{share}</td>' in page
    assert "0.58" not in page
    assert "-0.00" not in page
    assert "-0.0%" not in page
    text = repr(comparison)
    assert f"revenue_share_at_risk: {share}" in text
    frame = comparison.to_frame()
    top = frame[frame["figure"] == "hhi"].iloc[0]
    assert top["delta"] == top["after"] - top["before"]


def test_text_cells_are_left_aligned_and_numbers_right_aligned():
    page = sr.workload(sample_portfolio())._repr_html_()
    assert '<th style="text-align:left">name</th>' in page
    assert '<th style="text-align:right">key_accounts</th>' in page
    assert '<td style="text-align:left">Ann Arndt</td>' in page or "text-align:left" in page


def test_itables_shows_a_frame_interactively():
    itables = pytest.importorskip("itables")
    html = itables.to_html_datatable(sr.concentration(sample_portfolio()).to_frame())
    assert "ACME Chemie AG" in html
