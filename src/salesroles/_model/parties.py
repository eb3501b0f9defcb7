"""The people and organisations: team members, customers, leads, key accounts, stakeholders."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from salesroles.exceptions import LifecycleError

from .converters import to_optional_day, to_optional_figure, to_tuple
from .enums import (
    BuyingRole,
    CustomerStatus,
    CustomerStatusValue,
    LeadSource,
    LeadStatus,
    Relationship,
    RelationshipValue,
    Role,
    RoleValue,
    Segment,
    SegmentValue,
    to_buying_role,
    to_customer_status,
    to_lead_source,
    to_lead_status,
    to_relationship,
    to_role,
    to_segment,
)
from .messages import refusal, template
from .validation import Checked, bounded, fraction, share
from .values import Money

__all__ = [
    "CompetitiveThreat",
    "Customer",
    "KeyAccount",
    "Lead",
    "Stakeholder",
    "TeamMember",
]


# Typed names of to_tuple for each element type: type checkers read a converter's parameter
# as the argument's type (attrs' plugin, dataclass_transform); at run time they are to_tuple.
if TYPE_CHECKING:
    from collections.abc import Iterable

    def _competitive_threats(
        value: Iterable[CompetitiveThreat],
    ) -> tuple[CompetitiveThreat, ...]: ...

else:
    _competitive_threats = to_tuple


_INACTIVE: Final = template(
    "inactive_customer",
    "customer {id!r} is {status:CustomerStatus}: only an active customer can be designated a "
    "key account (S2.1, S2.2)",
)
_LEAD_MOVE: Final = template(
    "lead_status",
    "lead {id!r} is {status:LeadStatus}; only a {allowed:LeadStatus} lead can become "
    "{to:LeadStatus}",
)


@attrs.frozen(kw_only=True)
class TeamMember(Checked):
    """A person of the company's sales organisation (S0.1).

    ``role`` is what they do; ``title`` what their business card says. The two
    differ on purpose: S0.2 says some companies give one job both titles.

    >>> TeamMember(id="ann", name="Ann Meyer", role="account_manager", title="Kundenbetreuerin")
    TeamMember(id='ann', name='Ann Meyer', role=<Role.ACCOUNT_MANAGER: 'account_manager'>, title='Kundenbetreuerin')
    """  # noqa: E501

    id: str
    name: str
    role: Role = attrs.field(converter=to_role)
    title: str | None = None

    def promote(self, role: Role | RoleValue, *, title: str | None = None) -> TeamMember:
        """Return this member in a new *role* (and, if given, a new *title*)."""
        return attrs.evolve(self, role=role, title=title if title is not None else self.title)


@attrs.frozen(kw_only=True)
class Customer(Checked):
    """An organisation the company sells to.

    Only an ``active`` customer is an *existing* customer in the article's
    sense (S1.4, S2.1); ``lapsed`` and ``lost`` ones no longer buy. The annual
    figures feed the revenue-at-risk questions of S2.3. ``growth_potential``
    (expected yearly growth, ``0.15`` for 15 %) and ``share_of_wallet`` (our
    share of what the customer spends on what we sell, 0 to 1) are optional
    estimates that the key-account assessment uses where they are known; each
    takes an int, a float, a Decimal or a decimal string, held as a Decimal
    (a float through its shortest repr: ``0.15`` is ``Decimal("0.15")``).
    """

    id: str
    name: str
    segment: Segment = attrs.field(converter=to_segment)
    status: CustomerStatus = attrs.field(converter=to_customer_status)
    since: date | None = attrs.field(default=None, converter=to_optional_day)
    annual_revenue: Money | None = None
    annual_profit: Money | None = None
    growth_potential: Decimal | None = attrs.field(
        default=None, converter=to_optional_figure, metadata=fraction()
    )
    share_of_wallet: Decimal | None = attrs.field(
        default=None, converter=to_optional_figure, metadata=share()
    )

    @property
    def is_active(self) -> bool:
        """Whether the customer still buys (status ``active``)."""
        return self.status is CustomerStatus.ACTIVE

    def designate(
        self,
        *,
        manager: str | None = None,
        on: date | str | None = None,
        reason: str | None = None,
    ) -> KeyAccount:
        """Designate this customer a key account (S2.1, S2.2).

        Raises:
            LifecycleError: The customer is lapsed or lost: only an existing,
                active customer can be a key account.
        """
        if not self.is_active:
            raise refusal(
                LifecycleError,
                "inactive_customer",
                _INACTIVE,
                id=self.id,
                status=self.status.value,
            )
        return KeyAccount(customer=self.id, manager=manager, designated_on=on, reason=reason)

    def with_status(self, status: CustomerStatus | CustomerStatusValue) -> Customer:
        """Return this customer with another status (a lost account, a win-back)."""
        return attrs.evolve(self, status=status)


@attrs.frozen(kw_only=True)
class Lead(Checked):
    """A prospect that is not yet a customer (S1.3); only a sales rep works it (S1.4).

    Its lifecycle: ``new`` → ``contacted`` → ``qualified`` → ``converted``
    (it became a customer), or ``disqualified`` at any point before that.

    >>> lead = Lead(id="L-1", company="Beta AG", source="marketing", status="new")
    >>> lead.qualify().status
    <LeadStatus.QUALIFIED: 'qualified'>
    """

    id: str
    company: str
    source: LeadSource = attrs.field(converter=to_lead_source)
    status: LeadStatus = attrs.field(converter=to_lead_status)
    owner: str | None = None
    created_on: date | None = attrs.field(default=None, converter=to_optional_day)

    def _move(self, to: LeadStatus, allowed_from: tuple[LeadStatus, ...]) -> Lead:
        if self.status not in allowed_from:
            raise refusal(
                LifecycleError,
                "lead_status",
                _LEAD_MOVE,
                id=self.id,
                status=self.status.value,
                allowed=[s.value for s in allowed_from],
                to=to.value,
            )
        return attrs.evolve(self, status=to)

    def contact(self) -> Lead:
        """Return the lead marked ``contacted`` (from ``new``)."""
        return self._move(LeadStatus.CONTACTED, (LeadStatus.NEW,))

    def qualify(self) -> Lead:
        """Return the lead marked ``qualified`` (from ``new`` or ``contacted``)."""
        return self._move(LeadStatus.QUALIFIED, (LeadStatus.NEW, LeadStatus.CONTACTED))

    def disqualify(self) -> Lead:
        """Return the lead marked ``disqualified`` (from any open status)."""
        return self._move(
            LeadStatus.DISQUALIFIED, (LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED)
        )

    def convert(
        self,
        *,
        customer_id: str,
        segment: Segment | SegmentValue,
        since: date | str | None = None,
        name: str | None = None,
    ) -> tuple[Lead, Customer]:
        """Win the lead: return it marked ``converted`` and the new active customer.

        Only a ``qualified`` lead converts. The customer is named after the
        lead's company unless *name* is given.
        """
        converted = self._move(LeadStatus.CONVERTED, (LeadStatus.QUALIFIED,))
        customer = Customer(
            id=customer_id,
            name=name if name is not None else self.company,
            segment=segment,
            status=CustomerStatus.ACTIVE,
            since=since,
        )
        return converted, customer


@attrs.frozen(kw_only=True)
class CompetitiveThreat(Checked):
    """A competitor's attack on a key account, which the account manager must answer (S2.4)."""

    id: str
    competitor: str
    description: str | None = None
    noted_on: date | None = attrs.field(default=None, converter=to_optional_day)


@attrs.frozen(kw_only=True)
class KeyAccount(Checked):
    """An existing customer designated as one of the most important (S2.1, S2.2).

    It is known by its customer's id. ``manager`` may be missing right after
    designation; the checks then report it (S2.1). Losing a key account puts
    revenue and profit at risk (S2.3); its ``threats`` are the competitors'
    attacks the account manager defends against (S2.4).
    """

    customer: str
    manager: str | None = None
    designated_on: date | None = attrs.field(default=None, converter=to_optional_day)
    reason: str | None = None
    threats: tuple[CompetitiveThreat, ...] = attrs.field(
        default=(), converter=_competitive_threats
    )

    @property
    def id(self) -> str:
        """The key account's id: its customer's."""
        return self.customer

    def with_manager(self, manager: str | None) -> KeyAccount:
        """Return the account with another manager (the member's id), or none."""
        return attrs.evolve(self, manager=manager)

    def with_threat(self, threat: CompetitiveThreat) -> KeyAccount:
        """Return the account with *threat* added to its threats."""
        return attrs.evolve(self, threats=(*self.threats, threat))


def _to_relationship(value: Relationship | RelationshipValue | None) -> Relationship | None:
    return None if value is None else to_relationship(value)


@attrs.frozen(kw_only=True)
class Stakeholder(Checked):
    """A person at a customer with a part in choosing the supplier (S4.1, S4.3).

    Together, a customer's stakeholders form its decision team. ``influence``
    runs from 1 (none) to 5 (decides); ``relationship`` is how well we know them.
    """

    id: str
    customer: str
    name: str
    buying_role: BuyingRole = attrs.field(converter=to_buying_role)
    influence: int | None = attrs.field(default=None, metadata=bounded(1, 5))
    relationship: Relationship | None = attrs.field(default=None, converter=_to_relationship)

    def with_relationship(self, relationship: Relationship | RelationshipValue) -> Stakeholder:
        """Return the stakeholder with a warmer or colder relationship."""
        return attrs.evolve(self, relationship=relationship)
