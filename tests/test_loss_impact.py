from decimal import Decimal

import attrs
import pytest
from hypothesis import given

import salesroles as sr
from salesroles import Customer, Money, NotFoundError, Portfolio, ValidationError
from salesroles.testing import portfolios, sample_portfolio


def eur(amount):
    return Money(amount=amount, currency="EUR")


def test_losing_acme_puts_more_than_half_the_revenue_at_risk():
    impact = sr.loss_impact(sample_portfolio(), "C-ACME")
    assert impact.revenue_at_risk == eur("1200000.00")
    assert impact.profit_at_risk == eur("240000.00")
    # Active customers: ACME 1 200 000, Nordwerk 850 000, Bäckerei 18 000 (profit unknown).
    assert impact.total_revenue == eur("2068000.00")
    assert impact.total_profit == eur("359000.00")
    assert impact.revenue_share == Decimal(1200000) / Decimal(2068000)
    assert impact.profit_share == Decimal(240000) / Decimal(359000)
    assert impact.unknown == ()
    assert impact.claims == ("S2.3",)


def test_losing_both_key_accounts_adds_their_figures_and_names_unknown_ones():
    impact = sr.loss_impact(sample_portfolio(), ["C-ACME", "C-NORD", "C-BAKER", "C-ACME"])
    assert [a.customer for a in impact.accounts] == ["C-ACME", "C-NORD", "C-BAKER"]
    assert impact.revenue_at_risk == eur("2068000.00")
    assert impact.revenue_share == 1
    assert impact.profit_share == 1
    assert impact.unknown == ("C-BAKER",)
    assert impact.accounts[2].profit_share is None


def test_a_lapsed_customer_has_nothing_left_to_lose():
    impact = sr.loss_impact(sample_portfolio(), "C-MILL")
    (mill,) = impact.accounts
    assert not mill.counted
    assert mill.revenue_share is None
    assert impact.revenue_at_risk == eur(0)
    assert impact.revenue_share == 0


def test_loss_impact_records_are_flat_and_exact():
    assert sr.loss_impact(sample_portfolio(), "C-NORD").to_records() == [
        {
            "customer": "C-NORD",
            "name": "Nordwerk Wasser GmbH",
            "status": "active",
            "key_account": True,
            "revenue": Decimal("850000.00"),
            "revenue_share": Decimal(850000) / Decimal(2068000),
            "profit": Decimal("119000.00"),
            "profit_share": Decimal(119000) / Decimal(359000),
            "currency": "EUR",
        }
    ]


def test_losing_an_unknown_account_is_refused():
    with pytest.raises(NotFoundError, match="'C-NOPE' names nothing"):
        sr.loss_impact(sample_portfolio(), "C-NOPE")
    with pytest.raises(NotFoundError, match="not a customer"):
        sr.loss_impact(sample_portfolio(), ["ann"])


def test_a_portfolio_without_figures_has_no_shares():
    p = Portfolio(customers=[Customer(id="C-1", name="A", segment="small", status="active")])
    impact = sr.loss_impact(p, "C-1")
    assert impact.total_revenue == Money.zero("XXX")
    assert impact.revenue_share is None
    c = sr.concentration(p)
    assert c.customers == ()
    assert c.top_share is None
    assert c.hhi is None
    assert c.effective_customers is None
    assert c.excluded == ("C-1",)
    assert c.curve() == ((0, 0),)


def test_totals_take_the_currency_of_the_first_figure_without_a_portfolio_currency():
    p = Portfolio(
        customers=[
            Customer(
                id="C-1",
                name="A",
                segment="small",
                status="active",
                annual_profit=Money(amount="5", currency="CHF"),
            )
        ]
    )
    assert sr.loss_impact(p, "C-1").profit_share == 1
    assert sr.loss_impact(p, "C-1").total_revenue == Money.zero("CHF")


def test_concentration_of_the_sample_portfolio():
    c = sr.concentration(sample_portfolio(), top=2)
    assert [(x.rank, x.customer, x.is_key_account) for x in c.customers] == [
        (1, "C-ACME", True),
        (2, "C-NORD", True),
        (3, "C-BAKER", False),
    ]
    total = Decimal(2068000)
    shares = [Decimal(1200000) / total, Decimal(850000) / total, Decimal(18000) / total]
    assert [x.share for x in c.customers] == shares
    assert c.top_share == Decimal(2050000) / total
    assert c.hhi == sum(s * s for s in shares)
    assert c.key_account_revenue_share == Decimal(2050000) / total
    # Bäckerei Korn's profit is unknown: the key accounts hold all known profit.
    assert c.key_account_profit_share == 1
    assert c.excluded == ()  # Mühle Sandner is lapsed: not counted at all
    assert c.customers[-1].cumulative_share == 1
    assert c.curve()[0] == (0, 0)
    assert c.curve()[-1] == (1, 1)


def test_top_larger_than_the_portfolio_holds_everything():
    assert sr.concentration(sample_portfolio(), top=10).top_share == 1


def test_equal_customers_have_the_lowest_index():
    customers = [
        Customer(
            id=f"C-{i}",
            name="x",
            segment="small",
            status="active",
            annual_revenue=Money(amount=100, currency="EUR"),
        )
        for i in range(4)
    ]
    c = sr.concentration(Portfolio(currency="EUR", customers=customers))
    assert c.hhi == Decimal("0.25")
    assert c.effective_customers == 4
    assert [x.customer for x in c.customers] == ["C-0", "C-1", "C-2", "C-3"]


def test_customers_without_positive_revenue_are_left_off_the_curve():
    p = sample_portfolio()
    baker = attrs.evolve(p.customer("C-BAKER"), annual_revenue=eur("-5.00"))
    c = sr.concentration(p.replace(baker))
    assert c.excluded == ("C-BAKER",)
    assert c.hhi is not None
    assert [x.customer for x in c.customers] == ["C-ACME", "C-NORD"]


@pytest.mark.parametrize("top", [0, -1, True, "3", 1.5])
def test_top_must_be_a_positive_whole_number(top):
    with pytest.raises(ValidationError) as caught:
        sr.concentration(sample_portfolio(), top=top)
    assert [(e.path, e.code) for e in caught.value.errors] == [("top", "out_of_range")]


@given(portfolios())
def test_losing_every_active_customer_loses_everything(p):
    active = [c.id for c in p.customers if c.is_active]
    impact = sr.loss_impact(p, active)
    assert impact.revenue_at_risk == impact.total_revenue
    assert impact.profit_at_risk == impact.total_profit
    if impact.total_revenue.amount != 0:
        assert impact.revenue_share == 1


@given(portfolios())
def test_concentration_shares_add_up_and_the_index_is_bounded(p):
    c = sr.concentration(p, top=2)
    if not c.customers:
        assert c.hhi is None
        return
    n = len(c.customers)
    assert abs(sum(x.share for x in c.customers) - 1) < Decimal("1e-20")
    assert Decimal(1) / n - Decimal("1e-20") <= c.hhi <= 1 + Decimal("1e-20")
    assert all(0 < x.share <= 1 for x in c.customers)
    assert [x.revenue for x in c.customers] == sorted(
        (x.revenue for x in c.customers), reverse=True
    )
    assert c.top_share == c.customers[min(2, n) - 1].cumulative_share


@given(portfolios())
def test_loss_analytics_never_change_the_portfolio(p):
    before = attrs.asdict(p, recurse=False)
    sr.loss_impact(p, [c.id for c in p.customers])
    sr.concentration(p)
    assert attrs.asdict(p, recurse=False) == before


def usd(amount):
    return Money(amount=amount, currency="USD")


def paths_and_codes(caught):
    return [(e.path, e.code) for e in caught.value.errors]


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda p: sr.loss_impact(p, 5), "accounts"),
        (lambda p: sr.loss_impact(p, None), "accounts"),
        (lambda p: sr.loss_impact("x", "C-ACME"), "portfolio"),
        (lambda p: sr.loss_impact(None, "C-ACME"), "portfolio"),
        (lambda p: sr.concentration(None), "portfolio"),
        (lambda p: sr.concentration([p]), "portfolio"),
    ],
)
def test_arguments_of_the_wrong_type_are_refused_by_name(call, path):
    with pytest.raises(ValidationError) as caught:
        call(sample_portfolio())
    assert paths_and_codes(caught) == [(path, "invalid_type")]


def test_every_account_that_is_no_id_is_named():
    with pytest.raises(ValidationError) as caught:
        sr.loss_impact(sample_portfolio(), ["C-ACME", 5, None])
    assert paths_and_codes(caught) == [
        ("accounts[1]", "invalid_type"),
        ("accounts[2]", "invalid_type"),
    ]
    assert "got the number 5; expected a customer id" in str(caught.value)


def test_accounts_may_be_any_iterable_of_ids():
    impact = sr.loss_impact(sample_portfolio(), (c for c in ("C-NORD", "C-ACME")))
    assert [a.customer for a in impact.accounts] == ["C-NORD", "C-ACME"]


@pytest.mark.parametrize("field", ["annual_revenue", "annual_profit"])
def test_a_customer_in_another_currency_is_named_with_the_figure(field):
    p = sample_portfolio()
    p = p.replace(attrs.evolve(p.customer("C-NORD"), **{field: usd(1)}))
    message = f"customer 'C-NORD' has its {field} in USD, but the portfolio's figures are in EUR"
    with pytest.raises(sr.CurrencyMismatchError, match=message):
        sr.loss_impact(p, "C-ACME")
    with pytest.raises(sr.SalesRolesError, match=message):
        sr.concentration(p)


def test_a_lapsed_customer_in_another_currency_counts_only_when_asked_about():
    p = sample_portfolio()
    p = p.replace(attrs.evolve(p.customer("C-MILL"), annual_revenue=usd(5)))
    assert sr.concentration(p).excluded == ()
    assert sr.loss_impact(p, "C-ACME").revenue_at_risk == eur("1200000.00")
    with pytest.raises(sr.CurrencyMismatchError, match="customer 'C-MILL' has its annual_revenue"):
        sr.loss_impact(p, "C-MILL")
