"""A realistic portfolio of any size, the same for the same seed, with a share of defects."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from salesroles._model.commerce import Assignment, Deal, Order, Product, SupplyContract
from salesroles._model.enums import (
    ActionKind,
    BuyingRole,
    CustomerStatus,
    DealStage,
    LeadSource,
    LeadStatus,
    Relationship,
    Responsibility,
    Role,
    Segment,
)
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
    CustomizationProposal,
    PlanAction,
    ProductTarget,
    ResourceCommitment,
    RevenueTarget,
)
from salesroles._model.portfolio import Portfolio
from salesroles._model.values import Cadence, Money, Period


def _eur(amount: str) -> Money:
    return Money(amount=amount, currency="EUR")


_CATALOGUE = (
    ("P-PUMP", "Industrial pumps"),
    ("P-VALVE", "Control valves"),
    ("P-SEAL", "Seals and gaskets"),
    ("P-DRIVE", "Drives and motors"),
    ("P-SERVICE", "Maintenance contracts"),
)


_NAMES = (
    "ACME Chemie AG", "Nordwerk Wasser GmbH", "Rheinstahl Bau AG", "Elbtal Papier GmbH",
    "Hafen Logistik AG", "Alpen Brauerei KG", "Weser Energie AG", "Ostsee Fisch GmbH",
    "Mosel Pharma AG", "Harz Metall GmbH", "Isar Textil AG", "Spree Lebensmittel GmbH",
)  # fmt: skip


def _company(n: int) -> str:
    """A readable name for the n-th key customer: the list first, then numbered ones."""
    return _NAMES[n] if n < len(_NAMES) else f"Key Customer {n}"


_CADENCES = ("FREQ=MONTHLY;BYDAY=+1TU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "FREQ=MONTHLY")


def generate_portfolio(
    key_accounts: int = 100,
    *,
    seed: int = 0,
    defects: float = 0.05,
    as_of: date = date(2026, 11, 27),
) -> Portfolio:
    """Return a realistic portfolio with *key_accounts* key accounts.

    Each key account comes with its customer, a decision team of three, a
    current plan targeting every product, an active supply contract, two
    orders and an open deal; small customers (two per key account) place
    orders; sales reps own leads and targets set by sales managers; one
    account manager looks after about twenty accounts. The first customer,
    ``C0``, is "ACME Chemie AG", the largest account (6 million a year). With probability
    *defects*, each account breaks one rule of the checks (a missing
    stakeholder, plan, contract or target, a rep on the deal …), so reports
    have something to say. The same arguments give an equal portfolio.

    >>> p = generate_portfolio(40, seed=1)
    >>> len(p.key_accounts), len(p.customers), len(p.products)
    (40, 120, 5)
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible data, not secrets
    year = Period(start=date(as_of.year, 1, 1), end=date(as_of.year, 12, 31))
    eur = _eur
    products = [Product(id=pid, name=name) for pid, name in _CATALOGUE]
    n_managers = max(1, key_accounts // 20)
    n_reps = max(2, key_accounts // 10)
    team = [
        *(
            TeamMember(id=f"am{i}", name=f"Account Manager {i}", role=Role.ACCOUNT_MANAGER)
            for i in range(n_managers)
        ),
        *(
            TeamMember(id=f"rep{i}", name=f"Sales Rep {i}", role=Role.SALES_REP)
            for i in range(n_reps)
        ),
        TeamMember(id="boss", name="Sales Manager", role=Role.SALES_MANAGER),
        TeamMember(id="coord", name="Sales Coordinator", role=Role.SALES_COORDINATOR),
        TeamMember(id="mkt", name="Marketing", role=Role.MARKETING),
    ]
    customers: list[Customer] = []
    accounts: list[KeyAccount] = []
    people: list[Stakeholder] = []
    plans: list[AccountPlan] = []
    contracts: list[SupplyContract] = []
    orders: list[Order] = []
    deals: list[Deal] = []
    roles = (
        BuyingRole.PURCHASING_MANAGER,
        BuyingRole.TECHNICAL_DECISION_MAKER,
        BuyingRole.SENIOR_EXECUTIVE,
    )
    for n in range(key_accounts):
        cid = f"C{n}"
        manager = f"am{n % n_managers}"
        defect = rng.randrange(8) if rng.random() < defects else -1
        revenue = Decimal(rng.randrange(200, 5000)) * 1000
        if n == 0:
            revenue = Decimal(6_000_000)  # ACME, the largest account, for the what-if stories
        customers.append(
            Customer(
                id=cid,
                name=_company(n),
                segment=Segment.LARGE,
                status=CustomerStatus.ACTIVE,
                since=as_of - timedelta(days=rng.randrange(365, 4000)),
                annual_revenue=eur(f"{revenue}.00"),
                annual_profit=eur(f"{revenue * Decimal(rng.randrange(5, 30)) / 100:.2f}"),
                growth_potential=Decimal(rng.randrange(-5, 25)) / 100,
                share_of_wallet=Decimal(rng.randrange(10, 90)) / 100
                if rng.random() < 0.7
                else None,
            )
        )
        threats = (
            [
                CompetitiveThreat(
                    id=f"TH{n}", competitor="Rival Corp", noted_on=as_of - timedelta(30)
                )
            ]
            if rng.random() < 0.3
            else []
        )
        accounts.append(
            KeyAccount(
                customer=cid,
                manager=None if defect == 0 else manager,
                designated_on=date(as_of.year - 1, 1, 1),
                reason="top accounts by revenue",
                threats=threats,
            )
        )
        for r, role in enumerate(roles):
            if defect == 1 and r == 2:
                continue
            people.append(
                Stakeholder(
                    id=f"S{n}-{r}",
                    customer=cid,
                    name=f"Contact {n}-{r}",
                    buying_role=role,
                    influence=rng.randrange(1, 6),
                    relationship=rng.choice(list(Relationship)),
                )
            )
        if defect != 2:
            plan_targets = [
                ProductTarget(product=pid, revenue=eur(f"{revenue * share / 100:.2f}"))
                for (pid, _), share in zip(_CATALOGUE, (40, 20, 15, 15, 10), strict=True)
                if not (defect == 3 and pid == "P-SERVICE")
            ]
            actions = [
                PlanAction(
                    id=f"A{n}-1",
                    kind=ActionKind.RELATIONSHIP,
                    description="quarterly business review",
                    due=date(as_of.year, 3, 31),
                )
            ]
            actions.extend(
                PlanAction(
                    id=f"A{n}-{t.id}",
                    kind=ActionKind.COMPETITIVE_RESPONSE,
                    description="price lock",
                    responds_to=None if defect == 4 else t.id,
                )
                for t in threats
            )
            plans.append(
                AccountPlan(
                    id=f"AP{n}",
                    account=cid,
                    owner=manager,
                    period=year,
                    product_targets=plan_targets,
                    profitability_target=Decimal(rng.randrange(10, 30)) / 100,
                    actions=actions,
                    communication=CommunicationPlan(
                        cadence=Cadence(rule=rng.choice(_CADENCES)),
                        stakeholders=[f"S{n}-0"],
                        with_marketing=True,
                    ),
                    customizations=[
                        CustomizationProposal(id=f"CP{n}", product="P-PUMP", description="coating")
                    ]
                    if n % 4 == 0
                    else [],
                    resources=[ResourceCommitment(department="service", commitment="24 h")],
                )
            )
        if defect != 5:
            contracts.append(
                SupplyContract(
                    id=f"K{n}",
                    customer=cid,
                    start=date(as_of.year - rng.randrange(0, 2), 1, 1),
                    term_months=36,
                    annual_value=eur(f"{revenue * 8 / 10:.2f}"),
                    products=["P-PUMP", "P-VALVE"],
                    negotiated_by=manager,
                )
            )
        orders.extend(
            Order(
                id=f"O{n}-{k}",
                customer=cid,
                placed_on=as_of - timedelta(days=rng.randrange(1, 300)),
                amount=eur(f"{rng.randrange(1000, 90000)}.00"),
                placed_by=f"S{n}-0",
                administered_by=f"rep{n % n_reps}" if defect == 6 and k == 0 else "coord",
            )
            for k in range(2)
        )
        deals.append(
            Deal(
                id=f"D{n}",
                customer=cid,
                stage=rng.choice(
                    [DealStage.QUALIFICATION, DealStage.PROPOSAL, DealStage.NEGOTIATION]
                ),
                value=eur(f"{rng.randrange(10, 500)}000.00"),
                owner=f"rep{n % n_reps}" if defect == 7 else manager,
            )
        )
    for n in range(2 * key_accounts):
        cid = f"SC{n}"
        customers.append(
            Customer(
                id=cid,
                name=f"Small Customer {n}",
                segment=rng.choice([Segment.SMALL, Segment.MEDIUM]),
                status=rng.choice(
                    [CustomerStatus.ACTIVE] * 8 + [CustomerStatus.LAPSED, CustomerStatus.LOST]
                ),
                annual_revenue=eur(f"{rng.randrange(5, 150)}000.00"),
                annual_profit=eur(f"{rng.randrange(1, 30)}000.00"),
                growth_potential=Decimal(rng.randrange(-10, 40)) / 100,
            )
        )
        orders.append(
            Order(
                id=f"SO{n}",
                customer=cid,
                placed_on=as_of - timedelta(days=rng.randrange(1, 300)),
                amount=eur(f"{rng.randrange(100, 9000)}.00"),
                administered_by="coord",
            )
        )
    leads = [
        Lead(
            id=f"L{n}",
            company=f"Prospect {n}",
            source=rng.choice(list(LeadSource)),
            status=rng.choice([LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED]),
            owner=f"rep{n % n_reps}",
            created_on=as_of - timedelta(days=rng.randrange(1, 200)),
        )
        for n in range(key_accounts)
    ]
    targets = [
        RevenueTarget(
            id=f"T-rep{i}", owner=f"rep{i}", period=year, revenue=eur("400000.00"), set_by="boss"
        )
        for i in range(n_reps)
    ]
    assignments = [
        Assignment(
            member=lead.owner or "rep0",
            responsibility=Responsibility.FOLLOW_UP_LEADS,
            subject=lead.id,
        )
        for lead in leads[: key_accounts // 2]
    ]
    return Portfolio(
        as_of=as_of,
        currency="EUR",
        products=products,
        team=team,
        customers=customers,
        leads=leads,
        key_accounts=accounts,
        stakeholders=people,
        plans=plans,
        contracts=contracts,
        orders=orders,
        deals=deals,
        targets=targets,
        assignments=assignments,
    )
