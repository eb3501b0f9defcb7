"""A realistic portfolio of any size, the same for the same seed, with a share of defects."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import attrs
from dateutil.relativedelta import relativedelta

from salesroles._model.cadence import Cadence
from salesroles._model.commerce import Assignment, Deal, Order, Product, SupplyContract
from salesroles._model.enums import (
    DECISION_TEAM,
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
from salesroles._model.values import Money, Period


def _eur(amount: str) -> Money:
    """Euros from a decimal string such as ``"400000.00"``."""
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

# Each key account's share of its revenue per product of the catalogue, in per cent.
_PRODUCT_SHARES = (40, 20, 15, 15, 10)


# The rule a defective key account breaks. The codes are drawn with
# ``randrange(_DEFECT_KINDS)``, so their values fix the generated data: keep them.
_NO_DEFECT = -1
_NO_MANAGER = 0
_NO_SENIOR_EXECUTIVE = 1
_NO_PLAN = 2
_NO_SERVICE_TARGET = 3
_UNANSWERED_THREAT = 4
_NO_CONTRACT = 5
_REP_ADMINISTERS_ORDER = 6
_REP_OWNS_DEAL = 7
_DEFECT_KINDS = 8


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
    setting = _Setting(
        rng=random.Random(seed),  # noqa: S311 - reproducible data, not secrets
        as_of=as_of,
        year=Period(start=date(as_of.year, 1, 1), end=date(as_of.year, 12, 31)),
        defects=defects,
        n_managers=max(1, key_accounts // 20),
        n_reps=max(2, key_accounts // 10),
    )
    # Only these three steps draw random numbers; their order fixes the output.
    records = _Records()
    for n in range(key_accounts):
        _add_key_account(setting, records, n)
    for n in range(2 * key_accounts):
        _add_small_customer(setting, records, n)
    leads = _build_leads(setting, key_accounts)
    return Portfolio(
        as_of=as_of,
        currency="EUR",
        products=_build_products(),
        team=_build_team(setting),
        customers=records.customers,
        leads=leads,
        key_accounts=records.key_accounts,
        stakeholders=records.stakeholders,
        plans=records.plans,
        contracts=records.contracts,
        orders=records.orders,
        deals=records.deals,
        targets=_build_targets(setting),
        assignments=_build_assignments(leads[: key_accounts // 2]),
    )


@attrs.frozen(kw_only=True)
class _Setting:
    """What every builder shares: the random source, the day, the year and the team's size."""

    rng: random.Random
    as_of: date
    year: Period
    defects: float
    n_managers: int
    n_reps: int

    def rep(self, n: int) -> str:
        """Return the sales rep of the n-th account or lead, taking turns."""
        return f"rep{n % self.n_reps}"


@attrs.define(kw_only=True)
class _Records:
    """The collections that the key and small customers fill, in the order they are made."""

    customers: list[Customer] = attrs.Factory(list)
    key_accounts: list[KeyAccount] = attrs.Factory(list)
    stakeholders: list[Stakeholder] = attrs.Factory(list)
    plans: list[AccountPlan] = attrs.Factory(list)
    contracts: list[SupplyContract] = attrs.Factory(list)
    orders: list[Order] = attrs.Factory(list)
    deals: list[Deal] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class _AccountFacts:
    """What the records of one key account share: its number, people, defect and revenue."""

    n: int
    manager: str
    rep: str
    defect: int
    revenue: Decimal

    @property
    def customer(self) -> str:
        """Return the id of the account's customer."""
        return f"C{self.n}"


def _build_products() -> list[Product]:
    """Build the product catalogue."""
    return [Product(id=pid, name=name) for pid, name in _CATALOGUE]


def _build_team(setting: _Setting) -> list[TeamMember]:
    """Build the sales team: account managers, sales reps and one of each other role."""
    return [
        *(
            TeamMember(id=f"am{i}", name=f"Account Manager {i}", role=Role.ACCOUNT_MANAGER)
            for i in range(setting.n_managers)
        ),
        *(
            TeamMember(id=f"rep{i}", name=f"Sales Rep {i}", role=Role.SALES_REP)
            for i in range(setting.n_reps)
        ),
        TeamMember(id="boss", name="Sales Manager", role=Role.SALES_MANAGER),
        TeamMember(id="coord", name="Sales Coordinator", role=Role.SALES_COORDINATOR),
        TeamMember(id="mkt", name="Marketing", role=Role.MARKETING),
    ]


def _add_key_account(setting: _Setting, records: _Records, n: int) -> None:
    """Add the n-th key account with its customer, people, plan, contract, orders and deal."""
    # The records of one account draw in turn, account after account: building a
    # whole collection at a time would draw in another order and change the data.
    facts = _draw_account_facts(setting, n)
    records.customers.append(_build_key_customer(setting, facts))
    threats = _draw_threats(setting, n)
    records.key_accounts.append(_build_key_account(setting, facts, threats))
    records.stakeholders.extend(_build_stakeholders(setting, facts))
    if facts.defect != _NO_PLAN:
        records.plans.append(_build_plan(setting, facts, threats))
    if facts.defect != _NO_CONTRACT:
        records.contracts.append(_build_contract(setting, facts))
    records.orders.extend(_build_key_orders(setting, facts))
    records.deals.append(_build_deal(setting, facts))


def _draw_account_facts(setting: _Setting, n: int) -> _AccountFacts:
    """Draw the n-th key account's defect and revenue and pick its manager and rep."""
    rng = setting.rng
    defect = rng.randrange(_DEFECT_KINDS) if rng.random() < setting.defects else _NO_DEFECT
    revenue = Decimal(rng.randrange(200, 5000)) * 1000
    if n == 0:
        revenue = Decimal(6_000_000)  # ACME, the largest account, for the what-if stories
    return _AccountFacts(
        n=n,
        manager=f"am{n % setting.n_managers}",
        rep=setting.rep(n),
        defect=defect,
        revenue=revenue,
    )


def _build_key_customer(setting: _Setting, facts: _AccountFacts) -> Customer:
    """Build the large customer behind a key account."""
    rng = setting.rng
    revenue = facts.revenue
    return Customer(
        id=facts.customer,
        name=_company(facts.n),
        segment=Segment.LARGE,
        status=CustomerStatus.ACTIVE,
        since=setting.as_of - timedelta(days=rng.randrange(365, 4000)),
        annual_revenue=_eur(f"{revenue}.00"),
        annual_profit=_eur(f"{revenue * Decimal(rng.randrange(5, 30)) / 100:.2f}"),
        growth_potential=Decimal(rng.randrange(-5, 25)) / 100,
        share_of_wallet=Decimal(rng.randrange(10, 90)) / 100 if rng.random() < 0.7 else None,
    )


def _draw_threats(setting: _Setting, n: int) -> list[CompetitiveThreat]:
    """Draw whether a rival threatens the n-th key account: one threat or none."""
    if setting.rng.random() < 0.3:
        noted_on = setting.as_of - timedelta(30)
        return [CompetitiveThreat(id=f"TH{n}", competitor="Rival Corp", noted_on=noted_on)]
    return []


def _build_key_account(
    setting: _Setting, facts: _AccountFacts, threats: list[CompetitiveThreat]
) -> KeyAccount:
    """Build the key account designation, managed unless that is its defect."""
    return KeyAccount(
        customer=facts.customer,
        manager=None if facts.defect == _NO_MANAGER else facts.manager,
        designated_on=date(setting.as_of.year - 1, 1, 1),
        reason="top accounts by revenue",
        threats=threats,
    )


def _build_stakeholders(setting: _Setting, facts: _AccountFacts) -> list[Stakeholder]:
    """Build a key account's decision team, one stakeholder per buying role."""
    n = facts.n
    return [
        Stakeholder(
            id=f"S{n}-{r}",
            customer=facts.customer,
            name=f"Contact {n}-{r}",
            buying_role=role,
            influence=setting.rng.randrange(1, 6),
            relationship=setting.rng.choice(list(Relationship)),
        )
        for r, role in enumerate(DECISION_TEAM)
        if not (facts.defect == _NO_SENIOR_EXECUTIVE and role is BuyingRole.SENIOR_EXECUTIVE)
    ]


def _build_plan(
    setting: _Setting, facts: _AccountFacts, threats: list[CompetitiveThreat]
) -> AccountPlan:
    """Build a key account's plan for the current year."""
    n = facts.n
    return AccountPlan(
        id=f"AP{n}",
        account=facts.customer,
        owner=facts.manager,
        period=setting.year,
        product_targets=_build_product_targets(facts),
        profitability_target=Decimal(setting.rng.randrange(10, 30)) / 100,
        actions=_build_plan_actions(setting, facts, threats),
        communication=CommunicationPlan(
            cadence=Cadence(rule=setting.rng.choice(_CADENCES)),
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


def _build_product_targets(facts: _AccountFacts) -> list[ProductTarget]:
    """Build a plan's revenue target per product, splitting the account's revenue."""
    return [
        ProductTarget(product=pid, revenue=_eur(f"{facts.revenue * share / 100:.2f}"))
        for (pid, _), share in zip(_CATALOGUE, _PRODUCT_SHARES, strict=True)
        if not (facts.defect == _NO_SERVICE_TARGET and pid == "P-SERVICE")
    ]


def _build_plan_actions(
    setting: _Setting, facts: _AccountFacts, threats: list[CompetitiveThreat]
) -> list[PlanAction]:
    """Build a plan's actions: a business review and a response to each threat."""
    review = PlanAction(
        id=f"A{facts.n}-1",
        kind=ActionKind.RELATIONSHIP,
        description="quarterly business review",
        due=date(setting.as_of.year, 3, 31),
    )
    responses = [
        PlanAction(
            id=f"A{facts.n}-{t.id}",
            kind=ActionKind.COMPETITIVE_RESPONSE,
            description="price lock",
            responds_to=None if facts.defect == _UNANSWERED_THREAT else t.id,
        )
        for t in threats
    ]
    return [review, *responses]


def _build_contract(setting: _Setting, facts: _AccountFacts) -> SupplyContract:
    """Build a key account's three-year supply contract, negotiated by its manager.

    Contracts start on the first of a month up to 35 months before ``as_of``,
    spread over the whole term, so that about one in six comes up for renewal
    in the next half year (S4.2), as in a real book of contracts.
    """
    # The one draw of the first version is kept, so that every later number stays the same.
    years_back = setting.rng.randrange(0, 2)
    # ACME (n 0) keeps the January start it always had; the others spread over the term.
    months_back = (12 * years_back + 7 * facts.n + 10) % 36
    first = setting.as_of.replace(day=1) - relativedelta(months=months_back)
    return SupplyContract(
        id=f"K{facts.n}",
        customer=facts.customer,
        start=first,
        term_months=36,
        annual_value=_eur(f"{facts.revenue * 8 / 10:.2f}"),
        products=["P-PUMP", "P-VALVE"],
        negotiated_by=facts.manager,
    )


def _build_key_orders(setting: _Setting, facts: _AccountFacts) -> list[Order]:
    """Build a key account's two recent orders, administered by the coordinator."""
    rng = setting.rng
    n = facts.n
    return [
        Order(
            id=f"O{n}-{k}",
            customer=facts.customer,
            placed_on=setting.as_of - timedelta(days=rng.randrange(1, 300)),
            amount=_eur(f"{rng.randrange(1000, 90000)}.00"),
            placed_by=f"S{n}-0",
            administered_by=facts.rep
            if facts.defect == _REP_ADMINISTERS_ORDER and k == 0
            else "coord",
        )
        for k in range(2)
    ]


def _build_deal(setting: _Setting, facts: _AccountFacts) -> Deal:
    """Build a key account's open deal, owned by its manager."""
    rng = setting.rng
    return Deal(
        id=f"D{facts.n}",
        customer=facts.customer,
        stage=rng.choice([DealStage.QUALIFICATION, DealStage.PROPOSAL, DealStage.NEGOTIATION]),
        value=_eur(f"{rng.randrange(10, 500)}000.00"),
        owner=facts.rep if facts.defect == _REP_OWNS_DEAL else facts.manager,
    )


def _add_small_customer(setting: _Setting, records: _Records, n: int) -> None:
    """Add the n-th small customer and its one order."""
    # The customer draws before its order, customer after customer.
    records.customers.append(_build_small_customer(setting, n))
    records.orders.append(_build_small_order(setting, n))


def _build_small_customer(setting: _Setting, n: int) -> Customer:
    """Build the n-th small or medium customer, mostly active."""
    rng = setting.rng
    return Customer(
        id=f"SC{n}",
        name=f"Small Customer {n}",
        segment=rng.choice([Segment.SMALL, Segment.MEDIUM]),
        status=rng.choice(
            [CustomerStatus.ACTIVE] * 8 + [CustomerStatus.LAPSED, CustomerStatus.LOST]
        ),
        annual_revenue=_eur(f"{rng.randrange(5, 150)}000.00"),
        annual_profit=_eur(f"{rng.randrange(1, 30)}000.00"),
        growth_potential=Decimal(rng.randrange(-10, 40)) / 100,
    )


def _build_small_order(setting: _Setting, n: int) -> Order:
    """Build the n-th small customer's recent order, administered by the coordinator."""
    rng = setting.rng
    return Order(
        id=f"SO{n}",
        customer=f"SC{n}",
        placed_on=setting.as_of - timedelta(days=rng.randrange(1, 300)),
        amount=_eur(f"{rng.randrange(100, 9000)}.00"),
        administered_by="coord",
    )


def _build_leads(setting: _Setting, count: int) -> list[Lead]:
    """Build *count* open leads, shared out among the sales reps."""
    rng = setting.rng
    return [
        Lead(
            id=f"L{n}",
            company=f"Prospect {n}",
            source=rng.choice(list(LeadSource)),
            status=rng.choice([LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED]),
            owner=setting.rep(n),
            created_on=setting.as_of - timedelta(days=rng.randrange(1, 200)),
        )
        for n in range(count)
    ]


def _build_targets(setting: _Setting) -> list[RevenueTarget]:
    """Build each sales rep's revenue target for the year, set by the sales manager."""
    return [
        RevenueTarget(
            id=f"T-rep{i}",
            owner=f"rep{i}",
            period=setting.year,
            revenue=_eur("400000.00"),
            set_by="boss",
        )
        for i in range(setting.n_reps)
    ]


def _build_assignments(leads: list[Lead]) -> list[Assignment]:
    """Build the assignments that make each of *leads*' owners follow it up."""
    return [
        Assignment(
            member=lead.owner or "rep0",
            responsibility=Responsibility.FOLLOW_UP_LEADS,
            subject=lead.id,
        )
        for lead in leads
    ]
