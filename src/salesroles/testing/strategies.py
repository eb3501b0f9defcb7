"""Hypothesis strategies: one per entity and value object, and whole valid portfolios.

Hypothesis is not a runtime dependency of salesroles: install it in your test
environment; it is imported only when a strategy is asked for.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from salesroles._model.cadence import Cadence
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
    PlanAction,
    ProductTarget,
    ResourceCommitment,
    RevenueTarget,
)
from salesroles._model.portfolio import Portfolio
from salesroles._model.rates import ExchangeRate, ExchangeRates
from salesroles._model.values import Money, Period

from .generator import _CADENCES

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy


def _import_strategies() -> Any:
    try:
        from hypothesis import strategies  # noqa: PLC0415 - an optional test dependency
    except ImportError as e:  # pragma: no cover - exercised only without hypothesis
        msg = "salesroles.testing strategies need hypothesis: pip install hypothesis"
        raise ImportError(msg) from e
    return strategies


def _ids(prefix: str) -> SearchStrategy[str]:
    st = _import_strategies()
    return st.from_regex(rf"{prefix}[A-Za-z0-9_-]{{1,8}}", fullmatch=True)  # type: ignore[no-any-return]


def _texts() -> SearchStrategy[str]:
    st = _import_strategies()
    return st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")  # type: ignore[no-any-return]


def _dates() -> SearchStrategy[date]:
    return _import_strategies().dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))  # type: ignore[no-any-return]


def money(currency: str | None = None) -> SearchStrategy[Money]:
    """Valid :class:`Money`: exact amounts with up to four decimal places."""
    st = _import_strategies()
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
    st = _import_strategies()
    return st.tuples(_dates(), _dates()).map(  # type: ignore[no-any-return]
        lambda ds: Period(start=min(ds), end=max(ds))
    )


def exchange_rates() -> SearchStrategy[ExchangeRate]:
    """Valid :class:`ExchangeRate` values between two of EUR, USD, CHF and JPY."""
    st = _import_strategies()
    pairs = st.permutations(["EUR", "USD", "CHF", "JPY"]).map(lambda c: (c[0], c[1]))
    rates = st.decimals(
        min_value=Decimal("0.0001"), max_value=Decimal(1000), places=4, allow_nan=False
    )
    return st.builds(  # type: ignore[no-any-return]
        lambda pair, rate, day: ExchangeRate(
            source=pair[0], target=pair[1], rate=rate, valid_from=day
        ),
        pairs,
        rates,
        _dates(),
    )


def rate_tables() -> SearchStrategy[ExchangeRates]:
    """Valid :class:`ExchangeRates`: one rate per pair and day, with or without a base."""
    st = _import_strategies()
    return st.builds(  # type: ignore[no-any-return]
        ExchangeRates,
        rates=st.lists(
            exchange_rates(), max_size=6, unique_by=lambda r: (r.source, r.target, r.valid_from)
        ),
        base=st.none() | st.sampled_from(["EUR", "USD"]),
    )


def team_members() -> SearchStrategy[TeamMember]:
    """Valid :class:`TeamMember` values of any role."""
    st = _import_strategies()
    return st.builds(  # type: ignore[no-any-return]
        TeamMember,
        id=_ids("M"),
        name=_texts(),
        role=st.sampled_from(Role),
        title=st.none() | _texts(),
    )


def customers() -> SearchStrategy[Customer]:
    """Valid :class:`Customer` values."""
    st = _import_strategies()
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
    st = _import_strategies()
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
    st = _import_strategies()
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
    st = _import_strategies()
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
    st = _import_strategies()

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
    st = _import_strategies()
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
    st = _import_strategies()
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
    st = _import_strategies()
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
    st = _import_strategies()
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
    st = _import_strategies()
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
    st = _import_strategies()

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
