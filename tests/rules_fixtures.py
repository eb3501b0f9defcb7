"""A portfolio that breaks no rule, and small helpers to break exactly one."""

from __future__ import annotations

from datetime import date

import attrs

from salesroles import (
    AccountPlan,
    Assignment,
    CommunicationPlan,
    CompetitiveThreat,
    Customer,
    Deal,
    KeyAccount,
    Lead,
    Money,
    Order,
    Period,
    PlanAction,
    Portfolio,
    Product,
    ProductTarget,
    RevenueTarget,
    Stakeholder,
    SupplyContract,
    TeamMember,
    check,
)

AS_OF = date(2026, 11, 27)
YEAR = Period.year(2026)


def eur(amount: str) -> Money:
    return Money(amount=amount, currency="EUR")


def clean_plan(**changes: object) -> AccountPlan:
    fields: dict[str, object] = {
        "id": "AP-ACME",
        "account": "C-ACME",
        "owner": "ann",
        "period": YEAR,
        "product_targets": [
            ProductTarget(product="P-PUMP", revenue=eur("900000")),
            ProductTarget(product="P-VALVE", revenue=eur("150000")),
        ],
        "profitability_target": "0.22",
        "actions": [
            PlanAction(id="A-1", kind="relationship", description="quarterly business review"),
            PlanAction(
                id="A-2",
                kind="competitive_response",
                description="three-year price lock",
                responds_to="TH-1",
            ),
        ],
        "communication": CommunicationPlan(
            cadence="FREQ=MONTHLY;BYDAY=+1TU", stakeholders=["S-EVA"], with_marketing=True
        ),
    }
    return AccountPlan(**(fields | changes))  # type: ignore[arg-type]


def clean_portfolio() -> Portfolio:
    """A small portfolio on 27 November 2026 in which no rule of the catalogue fires."""
    return Portfolio(
        as_of=AS_OF,
        currency="EUR",
        products=[
            Product(id="P-PUMP", name="Industrial pumps"),
            Product(id="P-VALVE", name="Control valves"),
        ],
        team=[
            TeamMember(id="ann", name="Ann Meyer", role="account_manager"),
            TeamMember(id="kai", name="Kai Wolf", role="account_manager"),
            TeamMember(id="bob", name="Bob Braun", role="sales_rep"),
            TeamMember(id="dora", name="Dora Diaz", role="sales_manager"),
            TeamMember(id="carl", name="Carl Cho", role="sales_coordinator"),
            TeamMember(id="mia", name="Mia Maier", role="marketing"),
        ],
        customers=[
            Customer(id="C-ACME", name="ACME Chemie AG", segment="large", status="active"),
            Customer(id="C-BAKER", name="Bäckerei Korn", segment="small", status="active"),
            Customer(id="C-MILL", name="Mühle Sandner KG", segment="medium", status="lost"),
        ],
        leads=[
            Lead(id="L-BETA", company="Beta AG", source="marketing", status="new", owner="bob")
        ],
        key_accounts=[
            KeyAccount(
                customer="C-ACME",
                manager="ann",
                threats=[CompetitiveThreat(id="TH-1", competitor="Rival Corp")],
            )
        ],
        stakeholders=[
            Stakeholder(
                id="S-EVA", customer="C-ACME", name="Eva Eck", buying_role="purchasing_manager"
            ),
            Stakeholder(
                id="S-TOM",
                customer="C-ACME",
                name="Tom Tran",
                buying_role="technical_decision_maker",
            ),
            Stakeholder(
                id="S-IDA", customer="C-ACME", name="Ida Igel", buying_role="senior_executive"
            ),
        ],
        plans=[clean_plan()],
        contracts=[
            SupplyContract(id="K-1", customer="C-ACME", start="2026-01-01", term_months=36)
        ],
        orders=[
            Order(
                id="O-1",
                customer="C-BAKER",
                placed_on="2026-05-02",
                amount=eur("1200"),
                administered_by="carl",
            ),
            Order(id="O-2", customer="C-ACME", placed_on="2026-09-12", amount=eur("42000")),
        ],
        deals=[
            Deal(id="D-1", customer="C-ACME", stage="negotiation", owner="ann"),
            Deal(id="D-2", customer="C-BAKER", stage="proposal", owner="bob"),
            Deal(id="D-3", customer="C-ACME", stage="won", owner="bob"),
        ],
        targets=[
            RevenueTarget(
                id="T-BOB", owner="bob", period=YEAR, revenue=eur("400000"), set_by="dora"
            )
        ],
        assignments=[
            Assignment(member="bob", responsibility="follow_up_leads", subject="L-BETA"),
            Assignment(member="ann", responsibility="manage_key_accounts", subject="C-ACME"),
            Assignment(member="ann", responsibility="write_account_plan", subject="AP-ACME"),
        ],
    )


def evolve(portfolio: Portfolio, **changes: object) -> Portfolio:
    return attrs.evolve(portfolio, **changes)  # type: ignore[arg-type]


def only(portfolio: Portfolio, rule: str, **kwargs: object) -> list:
    """The findings of *rule* when *portfolio* is checked (with *kwargs* for check)."""
    return [f for f in check(portfolio, **kwargs) if f.rule == rule]  # type: ignore[arg-type]
