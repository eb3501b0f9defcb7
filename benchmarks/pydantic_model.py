"""The reference: the salesroles wire format as a pydantic v2 user would write it.

Strict where the wire format is strict (numbers are no strings and booleans no
numbers, enumerations checked, floats refused for money and fractions, unknown
keys forbidden, bounds), with a model validator for what crosses objects:
ordered periods, parsable cadences, ids unique across the portfolio, one
designation per key account, and every reference naming an entity of the
right kind. It checks a little less than salesroles does (no duplicate product
targets, no currency mismatch within a plan), so the comparison errs in
pydantic's favour.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Self

from dateutil import rrule
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictBool,
    StrictInt,
    model_validator,
)

from salesroles import (
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


def _no_float(value: Any) -> Any:
    if isinstance(value, float):
        # pydantic turns a ValueError (not a TypeError) into a validation error.
        raise ValueError('send the amount as a string like "12.50" (binary floats lose cents)')  # noqa: TRY004
    return value


def _rule(value: str) -> str:
    parsed = rrule.rrulestr(value, dtstart=dt.datetime(2000, 1, 1))  # noqa: DTZ001
    if parsed._freq in {rrule.HOURLY, rrule.MINUTELY, rrule.SECONDLY}:  # noqa: SLF001
        raise ValueError("expected a frequency of DAILY or slower")
    return value


def _plain(value: Decimal) -> str:
    # The wire format writes decimals without an exponent: pydantic's default, str(),
    # turns "0.00000001" into "1E-8". str() is three times faster than format() and
    # differs only when it writes an exponent, the trick salesroles uses too.
    text = str(value)
    return text if "E" not in text and "e" not in text else format(value, "f")


Text = Annotated[str, Field(min_length=1, pattern=r"\S")]
Number = Annotated[
    Decimal,
    BeforeValidator(_no_float),
    PlainSerializer(_plain, return_type=str, when_used="json"),
]
Amount = Annotated[Number, Field(allow_inf_nan=False)]
Fraction = Annotated[Number, Field(ge=-1, le=1, allow_inf_nan=False)]
Share = Annotated[Number, Field(ge=0, le=1, allow_inf_nan=False)]
Rule = Annotated[str, AfterValidator(_rule)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Money(Model):
    amount: Amount
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class Period(Model):
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.start > self.end:
            raise ValueError("end before start")
        return self


class Product(Model):
    id: Text
    name: Text


class TeamMember(Model):
    id: Text
    name: Text
    role: Role
    title: Text | None = None


class Customer(Model):
    id: Text
    name: Text
    segment: Segment
    status: CustomerStatus
    since: dt.date | None = None
    annual_revenue: Money | None = None
    annual_profit: Money | None = None
    growth_potential: Fraction | None = None
    share_of_wallet: Share | None = None


class Lead(Model):
    id: Text
    company: Text
    source: LeadSource
    status: LeadStatus
    owner: Text | None = None
    created_on: dt.date | None = None


class CompetitiveThreat(Model):
    id: Text
    competitor: Text
    description: Text | None = None
    noted_on: dt.date | None = None


class KeyAccount(Model):
    customer: Text
    manager: Text | None = None
    designated_on: dt.date | None = None
    reason: Text | None = None
    threats: tuple[CompetitiveThreat, ...] = ()


class Stakeholder(Model):
    id: Text
    customer: Text
    name: Text
    buying_role: BuyingRole
    influence: Annotated[StrictInt, Field(ge=1, le=5)] | None = None
    relationship: Relationship | None = None


class ProductTarget(Model):
    product: Text
    revenue: Money


class PlanAction(Model):
    id: Text
    kind: ActionKind
    description: Text
    due: dt.date | None = None
    responds_to: Text | None = None


class CommunicationPlan(Model):
    cadence: Rule
    stakeholders: tuple[Text, ...] = ()
    with_marketing: StrictBool = False


class CustomizationProposal(Model):
    id: Text
    product: Text
    description: Text


class ResourceCommitment(Model):
    department: Text
    commitment: Text


class AccountPlan(Model):
    id: Text
    account: Text
    owner: Text
    period: Period
    product_targets: tuple[ProductTarget, ...] = ()
    profitability_target: Fraction | None = None
    actions: tuple[PlanAction, ...] = ()
    communication: CommunicationPlan | None = None
    customizations: tuple[CustomizationProposal, ...] = ()
    resources: tuple[ResourceCommitment, ...] = ()


class SupplyContract(Model):
    id: Text
    customer: Text
    start: dt.date
    term_months: Annotated[StrictInt, Field(gt=0)]
    annual_value: Money | None = None
    products: tuple[Text, ...] = ()
    negotiated_by: Text | None = None


class Order(Model):
    id: Text
    customer: Text
    placed_on: dt.date
    amount: Money
    placed_by: Text | None = None
    administered_by: Text | None = None


class Deal(Model):
    id: Text
    customer: Text
    stage: DealStage
    owner: Text
    value: Money | None = None


class RevenueTarget(Model):
    id: Text
    owner: Text
    period: Period
    revenue: Money
    set_by: Text


class Assignment(Model):
    member: Text
    responsibility: Responsibility
    subject: Text


_MEMBER = ("team member",)
_CUSTOMER = ("customer",)
_PRODUCT = ("product",)


class Portfolio(Model):
    as_of: dt.date | None = None
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    products: tuple[Product, ...] = ()
    team: tuple[TeamMember, ...] = ()
    customers: tuple[Customer, ...] = ()
    leads: tuple[Lead, ...] = ()
    key_accounts: tuple[KeyAccount, ...] = ()
    stakeholders: tuple[Stakeholder, ...] = ()
    plans: tuple[AccountPlan, ...] = ()
    contracts: tuple[SupplyContract, ...] = ()
    orders: tuple[Order, ...] = ()
    deals: tuple[Deal, ...] = ()
    targets: tuple[RevenueTarget, ...] = ()
    assignments: tuple[Assignment, ...] = ()

    @model_validator(mode="after")
    def _references(self) -> Self:  # noqa: C901, PLR0912 - one pass, as a user writes it
        kinds: dict[str, str] = {}
        problems: list[str] = []

        def register(ident: str, kind: str) -> None:
            if ident in kinds:
                problems.append(f"duplicate id {ident!r}")
            kinds[ident] = kind

        for kind, items in (
            ("product", self.products),
            ("team member", self.team),
            ("customer", self.customers),
            ("lead", self.leads),
            ("stakeholder", self.stakeholders),
            ("contract", self.contracts),
            ("order", self.orders),
            ("deal", self.deals),
            ("target", self.targets),
        ):
            for item in items:
                register(item.id, kind)
        designated: set[str] = set()
        for account in self.key_accounts:
            if account.customer in designated:
                problems.append(f"{account.customer!r} designated twice")
            designated.add(account.customer)
            for threat in account.threats:
                register(threat.id, "threat")
        for plan in self.plans:
            register(plan.id, "plan")
            for action in plan.actions:
                register(action.id, "plan action")
            for proposal in plan.customizations:
                register(proposal.id, "customization proposal")

        def ref(where: str, ident: str | None, allowed: tuple[str, ...]) -> None:
            if ident is not None and kinds.get(ident) not in allowed:
                problems.append(f"{where}: {ident!r} names no {' or '.join(allowed)}")

        for lead in self.leads:
            ref("lead", lead.owner, _MEMBER)
        for account in self.key_accounts:
            ref("key account", account.customer, _CUSTOMER)
            ref("key account", account.manager, _MEMBER)
        for person in self.stakeholders:
            ref("stakeholder", person.customer, _CUSTOMER)
        for plan in self.plans:
            ref("plan", plan.account, _CUSTOMER)
            ref("plan", plan.owner, _MEMBER)
            for target in plan.product_targets:
                ref("plan", target.product, _PRODUCT)
            for action in plan.actions:
                ref("plan", action.responds_to, ("threat",))
            if plan.communication is not None:
                for who in plan.communication.stakeholders:
                    ref("plan", who, ("stakeholder",))
            for proposal in plan.customizations:
                ref("plan", proposal.product, _PRODUCT)
        for contract in self.contracts:
            ref("contract", contract.customer, _CUSTOMER)
            for product in contract.products:
                ref("contract", product, _PRODUCT)
            ref("contract", contract.negotiated_by, _MEMBER)
        for order in self.orders:
            ref("order", order.customer, _CUSTOMER)
            ref("order", order.placed_by, ("stakeholder",))
            ref("order", order.administered_by, _MEMBER)
        for deal in self.deals:
            ref("deal", deal.customer, _CUSTOMER)
            ref("deal", deal.owner, _MEMBER)
        for target in self.targets:
            ref("target", target.owner, _MEMBER)
            ref("target", target.set_by, _MEMBER)
        for assignment in self.assignments:
            ref("assignment", assignment.member, _MEMBER)
            ref("assignment", assignment.subject, ("customer", "lead", "plan", "deal", "order"))
        if problems:
            raise ValueError("; ".join(problems[:20]))
        return self
