"""Build portfolios for tests, docs, notebooks and benchmarks.

- :func:`sample_portfolio`: the small, hand-written portfolio of the docs.
- :func:`generate_portfolio`: a realistic portfolio of any size, the same for
  the same seed, with a tunable share of defects for the rules to find.
- Hypothesis strategies (:func:`money`, :func:`periods`, :func:`portfolios`,
  one per entity …) for property tests of your own code. Hypothesis is not a
  runtime dependency of salesroles: install it in your test environment; it
  is imported only when a strategy is asked for.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from ._commerce import Assignment, Deal, Order, Product, SupplyContract
from ._enums import (
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
from ._parties import CompetitiveThreat, Customer, KeyAccount, Lead, Stakeholder, TeamMember
from ._planning import (
    AccountPlan,
    CommunicationPlan,
    CustomizationProposal,
    PlanAction,
    ProductTarget,
    ResourceCommitment,
    RevenueTarget,
)
from ._portfolio import Portfolio
from ._values import Cadence, Money, Period

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "account_plans",
    "assignments",
    "customers",
    "deals",
    "generate_portfolio",
    "key_accounts",
    "leads",
    "money",
    "orders",
    "periods",
    "portfolios",
    "revenue_targets",
    "sample_portfolio",
    "stakeholders",
    "supply_contracts",
    "team_members",
]


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


# -- Hypothesis strategies (hypothesis is imported only when one is asked for) --


def _st() -> Any:
    try:
        from hypothesis import strategies  # noqa: PLC0415 - an optional test dependency
    except ImportError as e:  # pragma: no cover - exercised only without hypothesis
        msg = "salesroles.testing strategies need hypothesis: pip install hypothesis"
        raise ImportError(msg) from e
    return strategies


def _ids(prefix: str) -> SearchStrategy[str]:
    st = _st()
    return st.from_regex(rf"{prefix}[A-Za-z0-9_-]{{1,8}}", fullmatch=True)  # type: ignore[no-any-return]


def _texts() -> SearchStrategy[str]:
    st = _st()
    return st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")  # type: ignore[no-any-return]


def _dates() -> SearchStrategy[date]:
    return _st().dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))  # type: ignore[no-any-return]


def money(currency: str | None = None) -> SearchStrategy[Money]:
    """Valid :class:`Money`: exact amounts with up to four decimal places."""
    st = _st()
    amounts = st.decimals(
        min_value=Decimal("-1e12"),
        max_value=Decimal("1e12"),
        allow_nan=False,
        allow_infinity=False,
    ).map(lambda d: d.quantize(Decimal("0.0001")) if d.as_tuple().exponent < -4 else d)
    currencies = st.just(currency) if currency else st.sampled_from(["EUR", "USD", "CHF", "JPY"])
    return st.builds(Money, amount=amounts, currency=currencies)  # type: ignore[no-any-return]


def periods() -> SearchStrategy[Period]:
    """Valid :class:`Period` values (start never after end)."""
    st = _st()
    return st.tuples(_dates(), _dates()).map(  # type: ignore[no-any-return]
        lambda ds: Period(start=min(ds), end=max(ds))
    )


def team_members() -> SearchStrategy[TeamMember]:
    """Valid :class:`TeamMember` values of any role."""
    st = _st()
    return st.builds(  # type: ignore[no-any-return]
        TeamMember,
        id=_ids("M"),
        name=_texts(),
        role=st.sampled_from(Role),
        title=st.none() | _texts(),
    )


def customers() -> SearchStrategy[Customer]:
    """Valid :class:`Customer` values."""
    st = _st()
    return st.builds(  # type: ignore[no-any-return]
        Customer,
        id=_ids("C"),
        name=_texts(),
        segment=st.sampled_from(Segment),
        status=st.sampled_from(CustomerStatus),
        since=st.none() | _dates(),
        annual_revenue=st.none() | money("EUR"),
        annual_profit=st.none() | money("EUR"),
        growth_potential=st.none() | st.decimals(min_value=-1, max_value=1, places=2),
        share_of_wallet=st.none() | st.decimals(min_value=0, max_value=1, places=2),
    )


def leads(owners: SearchStrategy[str] | None = None) -> SearchStrategy[Lead]:
    """Valid :class:`Lead` values; *owners* draws owner ids (default: none)."""
    st = _st()
    return st.builds(  # type: ignore[no-any-return]
        Lead,
        id=_ids("L"),
        company=_texts(),
        source=st.sampled_from(LeadSource),
        status=st.sampled_from(LeadStatus),
        owner=owners if owners is not None else st.none(),
        created_on=st.none() | _dates(),
    )


def stakeholders(customer: str = "C-1") -> SearchStrategy[Stakeholder]:
    """Valid :class:`Stakeholder` values at *customer*."""
    st = _st()
    return st.builds(  # type: ignore[no-any-return]
        Stakeholder,
        id=_ids("S"),
        customer=st.just(customer),
        name=_texts(),
        buying_role=st.sampled_from(BuyingRole),
        influence=st.none() | st.integers(1, 5),
        relationship=st.none() | st.sampled_from(Relationship),
    )


def key_accounts(customer: str = "C-1") -> SearchStrategy[KeyAccount]:
    """Valid :class:`KeyAccount` values for *customer*, without manager, with threats."""
    st = _st()
    threats = st.lists(
        st.builds(
            CompetitiveThreat,
            id=_ids("TH"),
            competitor=_texts(),
            description=st.none() | _texts(),
            noted_on=st.none() | _dates(),
        ),
        max_size=3,
        unique_by=lambda t: t.id,
    )
    return st.builds(  # type: ignore[no-any-return]
        KeyAccount,
        customer=st.just(customer),
        designated_on=st.none() | _dates(),
        reason=st.none() | _texts(),
        threats=threats,
    )


def account_plans(
    account: str = "C-1", owner: str = "M-1", products: tuple[str, ...] = ("P-1",)
) -> SearchStrategy[AccountPlan]:
    """Valid :class:`AccountPlan` values for *account*, targeting some of *products*."""
    st = _st()

    def targets(chosen: list[str]) -> SearchStrategy[list[ProductTarget]]:
        return st.tuples(*(money("EUR") for _ in chosen)).map(  # type: ignore[no-any-return]
            lambda revenues: [
                ProductTarget(product=p, revenue=r) for p, r in zip(chosen, revenues, strict=True)
            ]
        )

    return st.builds(  # type: ignore[no-any-return]
        AccountPlan,
        id=_ids("AP"),
        account=st.just(account),
        owner=st.just(owner),
        period=periods(),
        product_targets=st.lists(st.sampled_from(products), unique=True).flatmap(targets),
        profitability_target=st.none()
        | st.decimals(min_value=-1, max_value=1, places=2, allow_nan=False),
        actions=st.lists(
            st.builds(
                PlanAction,
                id=_ids("A"),
                kind=st.sampled_from(ActionKind),
                description=_texts(),
                due=st.none() | _dates(),
            ),
            max_size=3,
            unique_by=lambda a: a.id,
        ),
        communication=st.none()
        | st.builds(
            CommunicationPlan,
            cadence=st.sampled_from(_CADENCES).map(lambda r: Cadence(rule=r)),
            with_marketing=st.booleans(),
        ),
        resources=st.lists(
            st.builds(ResourceCommitment, department=_texts(), commitment=_texts()), max_size=2
        ),
    )


def supply_contracts(
    customer: str = "C-1", products: tuple[str, ...] = ("P-1",), negotiator: str | None = None
) -> SearchStrategy[SupplyContract]:
    """Valid :class:`SupplyContract` values with *customer*, covering some of *products*."""
    st = _st()
    return st.builds(  # type: ignore[no-any-return]
        SupplyContract,
        id=_ids("K"),
        customer=st.just(customer),
        start=_dates(),
        term_months=st.integers(1, 120),
        annual_value=st.none() | money("EUR"),
        products=st.lists(st.sampled_from(products), unique=True).map(tuple),
        negotiated_by=st.just(negotiator),
    )


def orders(
    customer: str = "C-1", placed_by: str | None = None, administered_by: str | None = None
) -> SearchStrategy[Order]:
    """Valid :class:`Order` values of *customer*."""
    st = _st()
    return st.builds(  # type: ignore[no-any-return]
        Order,
        id=_ids("O"),
        customer=st.just(customer),
        placed_on=_dates(),
        amount=money("EUR"),
        placed_by=st.just(placed_by),
        administered_by=st.just(administered_by),
    )


def deals(customer: str = "C-1", owner: str = "M-1") -> SearchStrategy[Deal]:
    """Valid :class:`Deal` values with *customer*, owned by *owner*."""
    st = _st()
    return st.builds(  # type: ignore[no-any-return]
        Deal,
        id=_ids("D"),
        customer=st.just(customer),
        stage=st.sampled_from(DealStage),
        owner=st.just(owner),
        value=st.none() | money("EUR"),
    )


def revenue_targets(owner: str = "M-1", set_by: str = "M-1") -> SearchStrategy[RevenueTarget]:
    """Valid :class:`RevenueTarget` values for *owner*, set by *set_by*."""
    st = _st()
    return st.builds(  # type: ignore[no-any-return]
        RevenueTarget,
        id=_ids("T"),
        owner=st.just(owner),
        period=periods(),
        revenue=money("EUR"),
        set_by=st.just(set_by),
    )


def assignments(member: str = "M-1", subject: str = "C-1") -> SearchStrategy[Assignment]:
    """Valid :class:`Assignment` values: *member* does some work about *subject*."""
    st = _st()
    return st.builds(  # type: ignore[no-any-return]
        Assignment,
        member=st.just(member),
        responsibility=st.sampled_from(Responsibility),
        subject=st.just(subject),
    )


def portfolios(max_accounts: int = 4) -> SearchStrategy[Portfolio]:
    """Valid :class:`Portfolio` values whose references all resolve.

    Ids get a prefix per kind and a serial number, so they never collide.
    """
    st = _st()

    @st.composite  # type: ignore[untyped-decorator]
    def build(draw: Any) -> Portfolio:
        members = [
            TeamMember(id=f"M-{i}", name=f"M {i}", role=role)
            for i, role in enumerate(draw(st.lists(st.sampled_from(Role), min_size=1, max_size=5)))
        ]
        member_ids = st.sampled_from([m.id for m in members])
        products = [Product(id=f"P-{i}", name=f"P {i}") for i in range(draw(st.integers(1, 3)))]
        product_ids = tuple(p.id for p in products)
        people = [
            attrs.evolve(draw(customers()), id=f"C-{i}")
            for i in range(draw(st.integers(0, max_accounts)))
        ]
        designated = [
            c for c in people if c.status is CustomerStatus.ACTIVE and draw(st.booleans())
        ]
        accounts: list[KeyAccount] = []
        plans: list[AccountPlan] = []
        team_at: list[Stakeholder] = []
        for n, customer in enumerate(designated):
            account = draw(key_accounts(customer.id))
            account = attrs.evolve(
                account,
                manager=draw(st.none() | member_ids),
                threats=tuple(
                    attrs.evolve(t, id=f"TH-{n}-{k}") for k, t in enumerate(account.threats)
                ),
            )
            accounts.append(account)
            plan = draw(account_plans(customer.id, draw(member_ids), product_ids))
            plans.append(
                attrs.evolve(
                    plan,
                    id=f"AP-{n}",
                    actions=tuple(
                        attrs.evolve(a, id=f"A-{n}-{k}") for k, a in enumerate(plan.actions)
                    ),
                )
            )
            team_at.extend(
                attrs.evolve(s, id=f"S-{n}-{k}")
                for k, s in enumerate(draw(st.lists(stakeholders(customer.id), max_size=3)))
            )
        lead_list = [
            attrs.evolve(lead, id=f"L-{i}")
            for i, lead in enumerate(draw(st.lists(leads(st.none() | member_ids), max_size=3)))
        ]
        commerce: dict[str, list[Any]] = {"contracts": [], "orders": [], "deals": []}
        for i, customer in enumerate(people):
            who = draw(member_ids)
            buyers = [s.id for s in team_at if s.customer == customer.id]
            placed_by = draw(st.sampled_from(buyers)) if buyers else None
            for name, strategy in (
                ("contracts", supply_contracts(customer.id, product_ids, who)),
                ("orders", orders(customer.id, placed_by, who)),
                ("deals", deals(customer.id, who)),
            ):
                commerce[name].extend(
                    attrs.evolve(x, id=f"{name[0].upper()}-{i}-{k}")
                    for k, x in enumerate(draw(st.lists(strategy, max_size=2)))
                )
        targets = [
            attrs.evolve(t, id=f"T-{i}")
            for i, t in enumerate(
                draw(st.lists(revenue_targets(draw(member_ids), draw(member_ids)), max_size=2))
            )
        ]
        subjects = [c.id for c in people] + [lead.id for lead in lead_list]
        work = (
            draw(
                st.lists(
                    assignments(draw(member_ids), draw(st.sampled_from(subjects))), max_size=2
                )
            )
            if subjects
            else []
        )
        return Portfolio(
            as_of=draw(st.none() | _dates()),
            currency="EUR",
            products=products,
            team=members,
            customers=people,
            leads=lead_list,
            key_accounts=accounts,
            stakeholders=team_at,
            plans=plans,
            targets=targets,
            assignments=work,
            **commerce,
        )

    return build()  # type: ignore[no-any-return]
