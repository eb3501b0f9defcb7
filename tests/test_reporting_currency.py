"""Analyses of a portfolio in several currencies: rates=, currency=, and what they refuse."""

from datetime import date
from decimal import Decimal

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

import salesroles as sr
from salesroles import ExchangeRate, ExchangeRates, Money
from salesroles.testing import sample_portfolio


def chf(amount):
    return Money(amount=amount, currency="CHF")


def usd(amount):
    return Money(amount=amount, currency="USD")


def eur(amount):
    return Money(amount=amount, currency="EUR")


CHF_H1 = ExchangeRate(source="CHF", target="EUR", rate="0.95", valid_from="2026-01-01")
CHF_H2 = ExchangeRate(source="CHF", target="EUR", rate="0.90", valid_from="2026-07-01")
USD = ExchangeRate(source="EUR", target="USD", rate="1.25", valid_from="2026-01-01")
RATES = ExchangeRates(rates=[CHF_H1, CHF_H2, USD])


def swiss_nordwerk():
    """The sample, with Nordwerk's figures, order, plan and a new contract in CHF."""
    p = sample_portfolio()
    nord = p.customer("C-NORD")
    p = p.replace(attrs.evolve(nord, annual_revenue=chf("1000000"), annual_profit=chf("100000")))
    p = p.replace(attrs.evolve(p.order("O-2"), amount=chf("40000")))  # placed 2026-09-12
    plan = p.plan("AP-NORD-2026")
    target = attrs.evolve(plan.product_targets[0], revenue=chf("600000"))
    return p.replace(attrs.evolve(plan, product_targets=[target]))


def test_without_rates_a_mixed_portfolio_names_every_entity_and_currency():
    """Each analysis that adds money refuses, naming each figure not in EUR."""
    p = swiss_nordwerk()
    p = p.replace(attrs.evolve(p.customer("C-BAKER"), annual_revenue=usd("20000")))
    for analysis in (
        lambda: sr.loss_impact(p, "C-ACME"),
        lambda: sr.concentration(p),
        lambda: sr.assess_key_accounts(p),
    ):
        with pytest.raises(sr.CurrencyMismatchError) as caught:
            analysis()
        message = str(caught.value)
        assert "customer 'C-NORD' has its annual_revenue in CHF" in message
        assert "customer 'C-NORD' has its annual_profit in CHF" in message
        assert "customer 'C-BAKER' has its annual_revenue in USD" in message
        assert message.endswith("but the portfolio's figures are in EUR: pass rates= "
                                "(an ExchangeRates) to convert them")  # fmt: skip
    with pytest.raises(sr.CurrencyMismatchError) as caught:
        sr.plan_attainment(p)
    # Nordwerk's margin needs no rate: its revenue and profit share one currency.
    assert str(caught.value) == (
        "plan 'AP-NORD-2026' has its product_targets[0].revenue in CHF; order 'O-2' has its "
        "amount in CHF, but the portfolio's figures are in EUR: pass rates= (an ExchangeRates) "
        "to convert them"
    )


def test_check_is_unaffected_by_currencies():
    """Rules add no money: a portfolio in three currencies is judged as before."""
    assert sr.check(swiss_nordwerk()).to_records() == sr.check(sample_portfolio()).to_records()


def test_loss_impact_converts_at_the_analysis_day_and_names_the_rate():
    """Annual figures convert at as_of: 0.95 in June, 0.90 from July."""
    p = swiss_nordwerk()
    june = sr.loss_impact(p, "C-NORD", rates=RATES, as_of="2026-06-30")
    assert june.revenue_at_risk == eur("950000")
    assert june.profit_at_risk == eur("95000")
    assert june.rates_used == (CHF_H1,)
    november = sr.loss_impact(p, "C-NORD", rates=RATES)  # the portfolio's as_of, 2026-11-27
    assert november.revenue_at_risk == eur("900000")
    assert november.total_revenue == eur("1200000") + eur("900000") + eur("18000")
    assert november.rates_used == (CHF_H2,)


def test_a_reporting_currency_converts_everything_else_into_it():
    """currency="USD": EUR amounts at 1.25, CHF ones through no rate of their own: refused."""
    p = sample_portfolio()
    in_usd = sr.concentration(p, rates=RATES, currency="USD")
    assert in_usd.total_revenue == usd(Decimal("2068000.00") * Decimal("1.25"))
    assert in_usd.rates_used == (USD,)
    assert in_usd.summary()["currency"] == "USD"
    with pytest.raises(sr.ValidationError) as caught:
        sr.concentration(swiss_nordwerk(), rates=RATES, currency="USD")
    (item,) = caught.value.errors
    assert str(item) == (
        "rates: no rate from CHF to USD on 2026-11-27; expected an ExchangeRate of CHF to USD "
        "(or USD to CHF) valid from 2026-11-27 or earlier"
    )


def test_triangulation_through_the_tables_base():
    """With base="EUR", CHF reaches USD through EUR, and both rates are named."""
    through = ExchangeRates(rates=RATES.rates, base="EUR")
    result = sr.loss_impact(swiss_nordwerk(), "C-NORD", rates=through, currency="USD")
    assert result.revenue_at_risk == usd(1000000 * Decimal("0.90") * Decimal("1.25"))
    assert result.rates_used == (USD, CHF_H2)


def test_each_missing_pair_and_day_is_named_once():
    """Two orders in CHF on days before any CHF rate: one problem per day."""
    p = swiss_nordwerk()
    early = ExchangeRates(rates=[CHF_H2])  # nothing before July
    with pytest.raises(sr.ValidationError) as caught:
        sr.plan_attainment(p, "2026-11-27", rates=early)
    assert [(i.path, i.code) for i in caught.value.errors] == [("rates", "missing_rate")]
    assert "no rate from CHF to EUR on 2026-01-01" in str(caught.value)  # the plan's start


def test_attainment_converts_orders_at_their_day_and_targets_at_the_period_start():
    """O-2 (12 Sept) at 0.90; Nordwerk's CHF 600 000 target (1 Jan) at 0.95."""
    result = sr.plan_attainment(swiss_nordwerk(), rates=RATES)
    nord = result.plan("C-NORD")
    assert nord.total_actual == eur("36000.00")
    assert nord.total_target == eur("570000.00")
    assert nord.margin == Decimal("0.1")
    assert set(result.rates_used) == {CHF_H1, CHF_H2}


def test_a_contract_counts_at_the_rate_of_its_start():
    """ACME's contract in CHF from 1 Jan converts at 0.95 all year, even in November."""
    p = sample_portfolio()
    p = p.replace(attrs.evolve(p.contract("K-ACME"), annual_value=chf("800000.00")))
    acme = sr.plan_attainment(p, rates=RATES).plan("C-ACME")
    # CHF 725 479.45 earned by 27 November, at 0.95: EUR 689 205.4775, split to the cent.
    assert acme.total_actual == eur("689205.47")
    assert sr.plan_attainment(p, rates=RATES).rates_used == (CHF_H1,)


def test_without_a_portfolio_currency_plans_still_count_in_their_targets_currency():
    """No currency anywhere: Nordwerk's plan counts in CHF and needs no rate for its CHF order."""
    p = attrs.evolve(swiss_nordwerk(), currency=None)
    p = p.replace(attrs.evolve(p.customer("C-NORD"), annual_profit=chf("1")))
    nord = sr.plan_attainment(p).plan("C-NORD")
    assert nord.total_actual == chf("40000")
    assert nord.total_target == chf("600000")


def test_a_scenario_compares_in_one_currency_and_names_the_rates():
    """compare(rates=...) passes them to every analysis and to the loss it reports."""
    s = sr.Scenario(before=swiss_nordwerk()).lose_account("C-NORD")
    with pytest.raises(sr.CurrencyMismatchError):
        s.compare()
    comparison = s.compare(rates=RATES)
    assert comparison.loss.revenue_at_risk == eur("900000")
    assert set(comparison.rates_used) == {CHF_H1, CHF_H2}


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"rates": {"rates": []}}, [("rates", "invalid_type")]),
        ({"currency": "euro"}, [("currency", "invalid_currency")]),
        ({"currency": "ZZZ", "rates": [CHF_H1]}, [
            ("rates", "invalid_type"), ("currency", "invalid_currency")]),
    ],
)  # fmt: skip
def test_bad_rates_and_currencies_are_named_together(kwargs, expected):
    """A dict is no ExchangeRates (structure() reads one); a currency is an ISO 4217 code."""
    with pytest.raises(sr.ValidationError) as caught:
        sr.concentration(sample_portfolio(), **kwargs)
    assert [(i.path, i.code) for i in caught.value.errors] == expected


def test_results_in_the_portfolios_currency_use_no_rate():
    """Rates given but nothing to convert: rates_used stays empty, figures as before."""
    plain = sr.concentration(sample_portfolio())
    with_rates = sr.concentration(sample_portfolio(), rates=RATES, as_of=date(2026, 1, 1))
    assert with_rates.rates_used == ()
    assert with_rates.summary() == plain.summary()


@given(factor=st.decimals(min_value=Decimal("0.0001"), max_value=1000, places=4, allow_nan=False))
def test_one_rate_for_every_customer_changes_the_amounts_not_the_shares(factor):
    """A portfolio kept in CHF and converted at any one rate has the EUR portfolio's shares."""
    plain = sample_portfolio()
    p = plain
    for c in plain.customers:
        in_chf = {
            name: Money(amount=getattr(c, name).amount, currency="CHF")
            for name in ("annual_revenue", "annual_profit")
            if getattr(c, name) is not None
        }
        p = p.replace(attrs.evolve(c, **in_chf))
    table = ExchangeRates(
        rates=[ExchangeRate(source="CHF", target="EUR", rate=factor, valid_from="2000-01-01")]
    )
    converted = sr.concentration(p, rates=table)
    expected = sr.concentration(plain)
    assert converted.total_revenue == eur(expected.total_revenue.amount * factor)
    for got, want in zip(converted.customers, expected.customers, strict=True):
        assert got.customer == want.customer
        assert abs(got.share - want.share) < Decimal("1e-25")
    assert converted.rates_used == table.rates


def swiss_contract():
    """The sample with ACME's contract valued in CHF (it starts 2026-01-01)."""
    p = sample_portfolio()
    contract = next(k for k in p.contracts if k.id == "K-ACME")
    return p.replace(attrs.evolve(contract, annual_value=chf("1000000")))


def test_renewals_show_each_value_in_its_own_currency_unless_asked_to_convert():
    """Nothing is added up, so a CHF contract is listed as it is without rates."""
    soon = sr.renewals(swiss_contract(), relativedelta(years=1), as_of=date(2028, 6, 1))
    assert [(c.contract, c.annual_value) for c in soon.contracts] == [("K-ACME", chf("1000000"))]
    assert soon.rates_used == ()


def test_renewals_convert_each_value_at_its_contracts_start_when_rates_are_given():
    """CHF 1,000,000 at the January rate of 0.95 is EUR 950,000; the rate is named."""
    soon = sr.renewals(
        swiss_contract(), relativedelta(years=1), as_of=date(2028, 6, 1), rates=RATES
    )
    assert [(c.contract, c.annual_value) for c in soon.contracts] == [("K-ACME", eur("950000.00"))]
    assert soon.rates_used == (CHF_H1,)


def test_renewals_in_a_chosen_currency_without_rates_name_what_cannot_be_converted():
    """Asking for EUR without rates refuses the CHF contract by name."""
    with pytest.raises(sr.CurrencyMismatchError, match="contract 'K-ACME' has its annual_value"):
        sr.renewals(
            swiss_contract(), relativedelta(years=1), as_of=date(2028, 6, 1), currency="EUR"
        )
