from datetime import date, datetime
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

import salesroles as sr
from salesroles import (
    Money,
    NotFoundError,
    Order,
    Period,
    ProductTarget,
    SupplyContract,
    ValidationError,
)
from salesroles._analytics.attainment import _split
from salesroles.testing import portfolios, sample_portfolio


def eur(amount):
    return Money(amount=amount, currency="EUR")


def test_acme_earns_its_contract_day_by_day_against_the_pump_target():
    result = sr.plan_attainment(sample_portfolio())
    assert result.on == date(2026, 11, 27)
    acme = result.plan("C-ACME")
    assert acme.plan == "AP-ACME-2026"
    assert acme.counted_until == date(2026, 11, 27)
    assert acme.elapsed == Decimal(331) / 365
    pump, valve, _service = acme.products
    # 800 000 a year, 331 of 365 days: 725 479.452… rounded to the cent, all on pumps.
    assert pump.actual == eur("725479.45")
    assert pump.target == eur("900000.00")
    assert pump.expected == eur("816164.38")
    assert pump.attainment == Decimal("725479.45") / Decimal("900000.00")
    assert pump.on_track is False
    assert valve.actual == eur("0.00")
    assert valve.attainment == 0
    assert acme.total_target == eur("1170000.00")
    assert acme.total_actual == eur("725479.45")
    assert acme.attainment == Decimal("725479.45") / Decimal("1170000.00")
    assert acme.catalogue_coverage == 1
    assert acme.untargeted == ()
    assert acme.margin == Decimal("0.2")
    assert acme.profitability_target == Decimal("0.22")
    assert acme.profitability_met is False


def test_nordwerk_orders_go_to_the_unattributed_bucket():
    nord = sr.plan_attainment(sample_portfolio()).plan("AP-NORD-2026")
    assert [(p.product, p.name, p.target, p.actual) for p in nord.products] == [
        ("P-PUMP", "Industrial pumps", eur("600000.00"), eur("0.00")),
        ("P-VALVE", "Control valves", None, eur("0.00")),
        ("P-SERVICE", "Maintenance contracts", None, eur("0.00")),
        (None, "(unattributed)", None, eur("42000.00")),
    ]
    assert nord.products[1].on_track is None
    assert nord.catalogue_coverage == Decimal(1) / 3
    assert nord.untargeted == ("P-VALVE", "P-SERVICE")
    assert nord.margin == Decimal("0.14")
    assert nord.profitability_met is None
    assert nord.attainment == Decimal("42000.00") / Decimal("600000.00")


def test_orders_outside_the_counted_window_do_not_count():
    p = sample_portfolio().add(
        Order(id="O-OLD", customer="C-NORD", placed_on="2025-12-31", amount=eur("1.00")),
        Order(id="O-NEXT", customer="C-NORD", placed_on="2026-11-28", amount=eur("2.00")),
        Order(id="O-TODAY", customer="C-NORD", placed_on="2026-11-27", amount=eur("4.00")),
    )
    nord = sr.plan_attainment(p).plan("C-NORD")
    assert nord.products[-1].actual == eur("42004.00")


def test_a_contract_over_several_products_is_split_to_the_cent():
    p = sample_portfolio()
    k = attrs.evolve(
        p.contract("K-ACME"),
        annual_value=eur("100.00"),
        products=("P-PUMP", "P-VALVE", "P-SERVICE"),
    )
    acme = sr.plan_attainment(p.replace(k), date(2026, 12, 31)).plan("C-ACME")
    assert [x.actual for x in acme.products] == [eur("33.34"), eur("33.33"), eur("33.33")]
    assert acme.total_actual == eur("100.00")
    assert acme.elapsed == 1


def test_a_contract_without_products_is_unattributed():
    p = sample_portfolio()
    k = attrs.evolve(p.contract("K-ACME"), products=())
    acme = sr.plan_attainment(p.replace(k), date(2026, 12, 31)).plan("C-ACME")
    assert acme.products[-1].product is None
    assert acme.products[-1].actual == eur("800000.00")


def test_splitting_keeps_every_cent():
    assert _split(Decimal("100.00"), 3) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert _split(Decimal("-100.00"), 3) == [
        Decimal("-33.34"),
        Decimal("-33.33"),
        Decimal("-33.33"),
    ]
    assert _split(Decimal("0.02"), 4) == [Decimal("0.01"), Decimal("0.01"), 0, 0]


def contract(start, months, value="366000"):
    return SupplyContract(
        id="K", customer="C", start=start, term_months=months, annual_value=eur(value)
    )


def test_a_whole_contract_year_earns_exactly_the_annual_value_leap_day_included():
    k = contract("2027-07-01", 24)
    assert sr.contract_revenue(k, Period(start="2027-07-01", end="2028-06-30")) == eur("366000.00")
    # 182 of the 366 days of the first contract year, 184 of the 365 of the second.
    assert sr.contract_revenue(k, Period.year(2028)) == eur("366504.11")


def test_contract_revenue_stops_at_the_term_and_needs_a_value():
    k = contract("2026-01-01", 12, "800000")
    assert sr.contract_revenue(k, Period(start="2026-01-01", end="2027-12-31")) == eur("800000.00")
    assert sr.contract_revenue(k, Period.year(2030)) == eur("0.00")
    assert sr.contract_revenue(attrs.evolve(k, annual_value=None), Period.year(2026)) is None
    old = contract("2001-03-01", 360, "1000")
    # A contract year, twenty years in, still earns exactly the annual value.
    assert sr.contract_revenue(old, Period(start="2020-03-01", end="2021-02-28")) == eur("1000.00")
    # Calendar 2020: 60 of the 366 days of one contract year, 306 of the 365 of the next.
    assert sr.contract_revenue(old, Period.year(2020)) == eur("1002.29")


def test_key_accounts_without_a_current_plan_are_named():
    result = sr.plan_attainment(sample_portfolio(), date(2027, 3, 1))
    assert result.plans == ()
    assert result.without_plan == ("C-ACME", "C-NORD")
    assert result.summary()["without_plan"] == 2


def test_a_plan_without_targets_counts_in_the_portfolio_currency():
    p = sample_portfolio()
    plan = attrs.evolve(p.plan("AP-NORD-2026"), product_targets=())
    p = p.replace(plan).add(
        SupplyContract(id="K-NORD", customer="C-NORD", start="2026-01-01", term_months=12)
    )
    result = sr.plan_attainment(p)
    assert result.summary()["on_track"] == 0
    nord = result.plan("C-NORD")
    assert nord.total_target is None
    assert nord.attainment is None
    assert nord.catalogue_coverage == 0
    assert nord.total_actual == eur("42000.00")


def test_asking_for_a_plan_that_is_not_there_is_refused():
    with pytest.raises(NotFoundError, match="C-BAKER"):
        sr.plan_attainment(sample_portfolio()).plan("C-BAKER")


def test_attainment_tabulates_plan_by_product_and_plan_by_plan():
    result = sr.plan_attainment(sample_portfolio())
    records = result.to_records()
    assert len(records) == 3 + 4
    assert records[0] == {
        "plan": "AP-ACME-2026",
        "account": "C-ACME",
        "product": "P-PUMP",
        "name": "Industrial pumps",
        "target": Decimal("900000.00"),
        "actual": Decimal("725479.45"),
        "expected": Decimal("816164.38"),
        "attainment": Decimal("725479.45") / Decimal("900000.00"),
        "on_track": False,
        "currency": "EUR",
    }
    plans = result.plan_records()
    assert [r["plan"] for r in plans] == ["AP-ACME-2026", "AP-NORD-2026"]
    assert plans[1]["catalogue_coverage"] == Decimal(1) / 3
    assert result.summary() == {
        "on": "2026-11-27",
        "plans": 2,
        "without_plan": 0,
        "on_track": 0,
        "profitability_met": 0,
    }
    assert "AP-ACME-2026 for ACME Chemie AG (2026-01-01..2026-12-31)" in repr(result.plans[0])


def test_a_plan_ahead_of_its_pace_is_on_track():
    p = sample_portfolio()
    plan = attrs.evolve(
        p.plan("AP-ACME-2026"),
        product_targets=[sr.ProductTarget(product="P-PUMP", revenue=eur("100000.00"))],
        profitability_target=Decimal("0.1"),
    )
    result = sr.plan_attainment(p.replace(plan))
    assert result.summary()["on_track"] == 1
    assert result.summary()["profitability_met"] == 1


@given(portfolios())
def test_attainment_never_raises_nor_changes_the_portfolio(p):
    before = attrs.asdict(p, recurse=False)
    result = sr.plan_attainment(p)
    assert attrs.asdict(p, recurse=False) == before
    for progress in result.plans:
        assert 0 < progress.elapsed <= 1
        assert progress.catalogue_coverage is None or 0 <= progress.catalogue_coverage <= 1
    assert len(result.plans) + len(result.without_plan) == len(p.key_accounts)


def usd(amount):
    return Money(amount=amount, currency="USD")


def test_the_day_may_be_an_iso_string():
    p = sample_portfolio()
    assert sr.plan_attainment(p, as_of="2026-06-30") == sr.plan_attainment(p, date(2026, 6, 30))
    assert sr.plan_attainment(p, "2026-06-30").as_of == date(2026, 6, 30)


def test_on_still_works_with_a_warning_and_both_are_refused():
    p = sample_portfolio()
    with pytest.warns(DeprecationWarning, match=r"on= is deprecated; use as_of=") as warned:
        old = sr.plan_attainment(p, on="2026-06-30")
    assert warned[0].filename == __file__
    assert old == sr.plan_attainment(p, "2026-06-30")
    with pytest.raises(ValidationError) as by_name:
        sr.plan_attainment(p, as_of="2026-06-30", on="2026-06-30")
    with pytest.raises(ValidationError) as by_position:
        sr.plan_attainment(p, "2026-06-30", on="2026-06-30")
    for caught in (by_name, by_position):
        assert [(e.path, e.code) for e in caught.value.errors] == [
            ("as_of", "conflicting_arguments")
        ]


@pytest.mark.parametrize(
    ("call", "path", "code"),
    [
        (lambda p: sr.plan_attainment(None), "portfolio", "invalid_type"),
        (lambda p: sr.plan_attainment(p, as_of=5), "as_of", "invalid_date"),
        (lambda p: sr.plan_attainment(p, datetime(2026, 6, 30)), "as_of", "invalid_date"),
        (lambda p: sr.plan_attainment(p, as_of="30 June 2026"), "as_of", "invalid_date"),
        (lambda p: sr.contract_revenue("K-ACME", Period.year(2026)), "contract", "invalid_type"),
        (lambda p: sr.contract_revenue(p.contracts[0], "2026"), "window", "invalid_type"),
    ],
)
def test_bad_arguments_are_refused_by_name(call, path, code):
    with pytest.raises(ValidationError) as caught:
        call(sample_portfolio())
    assert [(e.path, e.code) for e in caught.value.errors] == [(path, code)]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda p: p.replace(attrs.evolve(p.get("O-2"), amount=usd("42000.00"))),
            "order 'O-2' has its amount in USD, but the portfolio's figures are in EUR",
        ),
        (
            lambda p: p.replace(attrs.evolve(p.get("K-ACME"), annual_value=usd("800000.00"))),
            (
                "supply contract 'K-ACME' has its annual_value in USD, but the portfolio's "
                "figures are in EUR"
            ),
        ),
        (
            lambda p: p.replace(
                attrs.evolve(
                    p.plan("AP-NORD-2026"),
                    product_targets=[ProductTarget(product="P-PUMP", revenue=usd("600000"))],
                )
            ),
            (
                r"plan 'AP-NORD-2026' has its product_targets\[0\].revenue in USD, but the "
                "portfolio's figures are in EUR"
            ),
        ),
        (
            lambda p: p.replace(attrs.evolve(p.customer("C-ACME"), annual_profit=usd("1"))),
            (
                "customer 'C-ACME' has its annual_profit in USD, but the portfolio's figures are "
                "in EUR"
            ),
        ),
    ],
)
def test_a_figure_in_another_currency_is_named(change, message):
    p = change(sample_portfolio())
    with pytest.raises(sr.CurrencyMismatchError, match=message):
        sr.plan_attainment(p)


def test_without_a_portfolio_currency_a_plan_counts_in_its_targets_currency():
    p = attrs.evolve(sample_portfolio(), currency=None)
    p = p.replace(
        attrs.evolve(
            p.plan("AP-NORD-2026"),
            product_targets=[ProductTarget(product="P-PUMP", revenue=usd("600000"))],
        )
    ).replace(attrs.evolve(p.get("O-2"), amount=usd("42000.00")))
    result = sr.plan_attainment(p)
    assert result.plan("C-NORD").total_actual == usd("42000.00")
    assert result.plan("C-ACME").total_actual.currency == "EUR"
