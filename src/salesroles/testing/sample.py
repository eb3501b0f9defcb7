"""The small, hand-written portfolio of a pump manufacturer that the docs use throughout."""

from __future__ import annotations

from datetime import date

from salesroles._model.commerce import Deal, Order, Product, SupplyContract
from salesroles._model.parties import (
    CompetitiveThreat,
    Customer,
    KeyAccount,
    Lead,
    Stakeholder,
    TeamMember,
)
from salesroles._model.planning import (
    AccountPlan,
    CommunicationPlan,
    PlanAction,
    ProductTarget,
    RevenueTarget,
)
from salesroles._model.portfolio import Portfolio
from salesroles._model.values import Money, Period


def _eur(amount: str) -> Money:
    return Money(amount=amount, currency="EUR")


def sample_portfolio() -> Portfolio:
    """Return the sample portfolio of the docs: Hansen Pumpen GmbH on 27 November 2026.

    A pump manufacturer with three products, a team of every role, two key
    accounts (ACME, well looked after; Nordwerk, with gaps the rules find),
    two small customers and two leads. Every call returns an equal portfolio.

    >>> p = sample_portfolio()
    >>> [a.customer for a in p.key_accounts], p.current_plan("C-ACME").id
    (['C-ACME', 'C-NORD'], 'AP-ACME-2026')
    """
    year = Period.year(2026)
    products = [
        Product(id="P-PUMP", name="Industrial pumps"),
        Product(id="P-VALVE", name="Control valves"),
        Product(id="P-SERVICE", name="Maintenance contracts"),
    ]
    team = [
        TeamMember(
            id="ann", name="Ann Meyer", role="account_manager", title="Key Account Manager"
        ),
        TeamMember(id="kai", name="Kai Wolf", role="account_manager", title="Kundenbetreuer"),
        TeamMember(id="bob", name="Bob Braun", role="sales_rep", title="Vertriebsmitarbeiter"),
        TeamMember(id="sue", name="Sue Lang", role="sales_rep", title="Außendienstmitarbeiterin"),
        TeamMember(id="dora", name="Dora Diaz", role="sales_manager", title="Vertriebsleiterin"),
        TeamMember(id="carl", name="Carl Cho", role="sales_coordinator"),
        TeamMember(id="mia", name="Mia Maier", role="marketing"),
    ]
    customers = [
        Customer(
            id="C-ACME",
            name="ACME Chemie AG",
            segment="large",
            status="active",
            since="2019-03-01",
            annual_revenue=_eur("1200000.00"),
            annual_profit=_eur("240000.00"),
            growth_potential="0.08",
            share_of_wallet="0.45",
        ),
        Customer(
            id="C-NORD",
            name="Nordwerk Wasser GmbH",
            segment="large",
            status="active",
            since="2021-06-15",
            annual_revenue=_eur("850000.00"),
            annual_profit=_eur("119000.00"),
        ),
        Customer(
            id="C-BAKER",
            name="Bäckerei Korn",
            segment="small",
            status="active",
            annual_revenue=_eur("18000.00"),
        ),
        Customer(
            id="C-MILL",
            name="Mühle Sandner KG",
            segment="medium",
            status="lapsed",
            annual_revenue=_eur("0"),
        ),
    ]
    leads = [
        Lead(id="L-BETA", company="Beta AG", source="marketing", status="new", owner="bob"),
        Lead(id="L-GAMMA", company="Gamma Bau", source="event", status="qualified", owner="sue"),
    ]
    key_accounts = [
        KeyAccount(
            customer="C-ACME",
            manager="ann",
            designated_on="2025-01-01",
            reason="top five by revenue",
            threats=[
                CompetitiveThreat(
                    id="TH-1", competitor="Rival Corp", description="price offer on pumps"
                )
            ],
        ),
        KeyAccount(customer="C-NORD", manager="kai", designated_on="2026-02-01"),
    ]
    stakeholders = [
        Stakeholder(
            id="S-EVA",
            customer="C-ACME",
            name="Eva Eck",
            buying_role="purchasing_manager",
            influence=3,
            relationship="warm",
        ),
        Stakeholder(
            id="S-TOM",
            customer="C-ACME",
            name="Tom Tran",
            buying_role="technical_decision_maker",
            influence=4,
            relationship="champion",
        ),
        Stakeholder(
            id="S-IDA",
            customer="C-ACME",
            name="Ida Igel",
            buying_role="senior_executive",
            influence=5,
            relationship="neutral",
        ),
        Stakeholder(
            id="S-OLE", customer="C-NORD", name="Ole Ott", buying_role="purchasing_manager"
        ),
        Stakeholder(
            id="S-UWE", customer="C-BAKER", name="Uwe Korn", buying_role="purchasing_manager"
        ),
    ]
    plans = [
        AccountPlan(
            id="AP-ACME-2026",
            account="C-ACME",
            owner="ann",
            period=year,
            product_targets=[
                ProductTarget(product="P-PUMP", revenue=_eur("900000.00")),
                ProductTarget(product="P-VALVE", revenue=_eur("150000.00")),
                ProductTarget(product="P-SERVICE", revenue=_eur("120000.00")),
            ],
            profitability_target="0.22",
            actions=[
                PlanAction(
                    id="A-1",
                    kind="relationship",
                    description="quarterly business review with the CTO",
                    due="2026-03-31",
                ),
                PlanAction(
                    id="A-2",
                    kind="competitive_response",
                    description="three-year price lock",
                    responds_to="TH-1",
                ),
            ],
            communication=CommunicationPlan(
                cadence="FREQ=MONTHLY;BYDAY=+1TU",
                stakeholders=["S-EVA", "S-TOM", "S-IDA"],
                with_marketing=True,
            ),
        ),
        AccountPlan(
            id="AP-NORD-2026",
            account="C-NORD",
            owner="kai",
            period=year,
            product_targets=[ProductTarget(product="P-PUMP", revenue=_eur("600000.00"))],
        ),
    ]
    contracts = [
        SupplyContract(
            id="K-ACME",
            customer="C-ACME",
            start="2026-01-01",
            term_months=36,
            annual_value=_eur("800000.00"),
            products=["P-PUMP"],
            negotiated_by="ann",
        ),
    ]
    orders = [
        Order(
            id="O-1",
            customer="C-BAKER",
            placed_on="2026-05-02",
            amount=_eur("1200.00"),
            placed_by="S-UWE",
            administered_by="carl",
        ),
        Order(
            id="O-2",
            customer="C-NORD",
            placed_on="2026-09-12",
            amount=_eur("42000.00"),
            placed_by="S-OLE",
            administered_by="bob",
        ),
    ]
    deals = [
        Deal(id="D-1", customer="C-ACME", stage="negotiation", value=_eur("50000"), owner="ann"),
        Deal(id="D-2", customer="C-NORD", stage="proposal", value=_eur("75000"), owner="bob"),
    ]
    targets = [
        RevenueTarget(id="T-BOB", owner="bob", period=year, revenue=_eur("400000"), set_by="dora"),
        RevenueTarget(id="T-SUE", owner="sue", period=year, revenue=_eur("350000"), set_by="dora"),
    ]
    return Portfolio(
        as_of=date(2026, 11, 27),
        currency="EUR",
        products=products,
        team=team,
        customers=customers,
        leads=leads,
        key_accounts=key_accounts,
        stakeholders=stakeholders,
        plans=plans,
        contracts=contracts,
        orders=orders,
        deals=deals,
        targets=targets,
    )
