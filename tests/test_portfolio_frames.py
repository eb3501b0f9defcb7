"""A portfolio as pandas DataFrames, and back, checked as structure checks JSON."""

from datetime import date
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import salesroles as sr
from salesroles._analytics.frames import frame_names
from salesroles.testing import generate_portfolio, sample_portfolio
from salesroles.testing.strategies import portfolios


def test_there_is_one_frame_per_collection_and_per_list_of_nested_objects():
    frames = sample_portfolio().to_frames()
    assert list(frames) == list(frame_names())
    for name in (
        "customers",
        "leads",
        "key_accounts",
        "stakeholders",
        "plans",
        "plans.product_targets",
        "contracts",
        "orders",
        "deals",
        "targets",
        "assignments",
        "team",
        "products",
    ):
        assert isinstance(frames[name], pd.DataFrame), name


def test_ids_are_the_index_and_references_are_columns_to_join_on():
    frames = sample_portfolio().to_frames()
    assert frames["customers"].index.name == "id"
    assert frames["key_accounts"].index.name == "customer"
    assert frames["plans"].loc["AP-ACME-2026", "owner"] == "ann"
    joined = frames["key_accounts"].join(frames["customers"], how="left")
    assert joined.loc["C-ACME", "name"] == "ACME Chemie AG"
    targets = frames["plans.product_targets"]
    assert targets[targets["plan"] == "AP-ACME-2026"]["product"].tolist() == [
        "P-PUMP",
        "P-VALVE",
        "P-SERVICE",
    ]


def test_columns_have_analysis_dtypes():
    customers = sample_portfolio().to_frames()["customers"]
    assert str(customers["annual_revenue_amount"].dtype) == "decimal128(38, 2)[pyarrow]"
    assert customers["annual_revenue_amount"].sum() == Decimal("2068000.00") + Decimal(
        customers.loc["C-MILL", "annual_revenue_amount"] or 0
    )
    assert str(customers["since"].dtype) == "date32[day][pyarrow]"
    assert customers["segment"].cat.ordered
    assert list(customers["segment"].cat.categories) == ["small", "medium", "large"]
    plans = sample_portfolio().to_frames()["plans"]
    assert plans.loc["AP-ACME-2026", "period_start"] == date(2026, 1, 1)
    assert str(plans["communication_stakeholders"].dtype).startswith("list<")
    deals = sample_portfolio().to_frames()["deals"]
    assert list(deals["stage"].cat.categories) == [s.value for s in sr.DealStage]


def test_a_pivot_of_revenue_by_manager_and_segment_is_exact():
    frames = generate_portfolio(40, seed=4).to_frames()
    accounts = frames["key_accounts"].join(frames["customers"])
    pivot = accounts.pivot_table(
        index="manager",
        columns="segment",
        values="annual_revenue_amount",
        aggfunc="sum",
        observed=True,
    )
    total = sum(pivot.fillna(Decimal(0)).sum())
    assert total == sum(
        c.annual_revenue.amount
        for c in generate_portfolio(40, seed=4).customers
        if generate_portfolio(40, seed=4).is_key_account(c.id)
    )


@pytest.mark.parametrize("portfolio", [sample_portfolio(), generate_portfolio(60, seed=11)])
def test_frames_round_trip(portfolio):
    assert sr.Portfolio.from_frames(portfolio.to_frames()) == portfolio


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolios())
def test_every_portfolio_round_trips_through_frames(portfolio):
    assert sr.Portfolio.from_frames(portfolio.to_frames()) == portfolio


def test_missing_frames_are_empty_collections():
    frames = sample_portfolio().to_frames()
    only = {name: frames[name] for name in ("portfolio", "products", "team")}
    p = sr.Portfolio.from_frames(only)
    assert p.customers == ()
    assert len(p.team) == len(sample_portfolio().team)


def test_bad_frames_are_refused_with_every_problem_named_by_id():
    frames = sample_portfolio().to_frames()
    customers = frames["customers"].copy()
    customers["segment"] = customers["segment"].astype(object)
    customers.loc["C-ACME", "segment"] = "huge"
    customers.loc["C-NORD", "annual_revenue_amount"] = None
    customers.loc["C-NORD", "annual_revenue_currency"] = "EUR"
    frames["customers"] = customers
    plans = frames["plans"].copy()
    plans.loc["AP-NORD-2026", "owner"] = "nobody"
    frames["plans"] = plans
    with pytest.raises(sr.ValidationError) as caught:
        sr.Portfolio.from_frames(frames)
    found = {(e.path, e.code) for e in caught.value.errors}
    assert ("customers[C-ACME].segment", "invalid_enum") in found
    assert ("customers[C-NORD].annual_revenue.amount", "missing") in found
    assert ("plans[AP-NORD-2026].owner", "dangling_reference") in found


def test_a_float_amount_is_refused_as_in_json():
    frames = sample_portfolio().to_frames()
    customers = frames["customers"].copy()
    customers["annual_revenue_amount"] = customers["annual_revenue_amount"].astype("float64")
    frames["customers"] = customers
    with pytest.raises(sr.ValidationError) as caught:
        sr.Portfolio.from_frames(frames)
    assert {e.code for e in caught.value.errors} == {"float_money"}
    assert caught.value.errors[0].path == "customers[C-ACME].annual_revenue.amount"


def test_unknown_frames_and_columns_are_named():
    frames = sample_portfolio().to_frames()
    with pytest.raises(sr.ValidationError) as caught:
        sr.Portfolio.from_frames({**frames, "customer": frames["customers"]})
    assert [e.path for e in caught.value.errors] == ["frames['customer']"]
    team = frames["team"].assign(email="x@example.com")
    with pytest.raises(sr.ValidationError) as caught:
        sr.Portfolio.from_frames({**frames, "team": team})
    assert caught.value.errors[0].path.startswith("team[ann]")
    with pytest.raises(sr.ValidationError):
        sr.Portfolio.from_frames([])


def test_to_frames_refuses_what_is_no_portfolio():
    from salesroles._analytics.frames import portfolio_to_frames

    with pytest.raises(sr.ValidationError) as caught:
        portfolio_to_frames("p")
    assert caught.value.errors[0].path == "portfolio"
