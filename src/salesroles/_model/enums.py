"""The enumerations of the wire format: lower-case snake_case string values.

They are :class:`enum.StrEnum` so that ``Role("account_manager")`` works and a
member compares equal to its wire value.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "ENUM_CONVERTERS",
    "ActionKind",
    "ActionKindValue",
    "BuyingRole",
    "BuyingRoleValue",
    "CustomerStatus",
    "CustomerStatusValue",
    "DealStage",
    "DealStageValue",
    "LeadSource",
    "LeadSourceValue",
    "LeadStatus",
    "LeadStatusValue",
    "Relationship",
    "RelationshipValue",
    "Responsibility",
    "ResponsibilityValue",
    "Role",
    "RoleValue",
    "Segment",
    "SegmentValue",
    "SeverityValue",
    "to_action_kind",
    "to_buying_role",
    "to_customer_status",
    "to_deal_stage",
    "to_lead_source",
    "to_lead_status",
    "to_relationship",
    "to_responsibility",
    "to_role",
    "to_segment",
]


class Role(enum.StrEnum):
    """What a team member does in the sales organisation (docs/domain.md; S0.1)."""

    ACCOUNT_MANAGER = "account_manager"
    SALES_REP = "sales_rep"
    SALES_MANAGER = "sales_manager"
    SALES_COORDINATOR = "sales_coordinator"
    MARKETING = "marketing"


class Segment(enum.StrEnum):
    """A customer's size (S4.1: reps usually serve small and medium customers)."""

    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class CustomerStatus(enum.StrEnum):
    """Whether a customer still buys: only an ``active`` one is an existing customer (S1.4)."""

    ACTIVE = "active"
    LAPSED = "lapsed"
    LOST = "lost"


class LeadSource(enum.StrEnum):
    """Where a lead came from (S1.3: marketing generates leads)."""

    MARKETING = "marketing"
    REFERRAL = "referral"
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    EVENT = "event"
    PARTNER = "partner"


class LeadStatus(enum.StrEnum):
    """Where a lead stands: ``new`` to ``qualified``, then ``converted`` or ``disqualified``."""

    NEW = "new"
    CONTACTED = "contacted"
    QUALIFIED = "qualified"
    DISQUALIFIED = "disqualified"
    CONVERTED = "converted"


class BuyingRole(enum.StrEnum):
    """A stakeholder's part in the customer's decision team (S4.1, S4.3)."""

    PURCHASING_MANAGER = "purchasing_manager"
    TECHNICAL_DECISION_MAKER = "technical_decision_maker"
    SENIOR_EXECUTIVE = "senior_executive"
    USER = "user"
    INFLUENCER = "influencer"


class Relationship(enum.StrEnum):
    """How strong our relationship with a stakeholder is, from ``none`` to ``champion``."""

    NONE = "none"
    COLD = "cold"
    NEUTRAL = "neutral"
    WARM = "warm"
    CHAMPION = "champion"


class ActionKind(enum.StrEnum):
    """What an account-plan action is for (S3.5 relationship, S2.4 competitive response)."""

    RELATIONSHIP = "relationship"
    COMPETITIVE_RESPONSE = "competitive_response"
    GROWTH = "growth"
    SERVICE = "service"
    COMMUNICATION = "communication"


class DealStage(enum.StrEnum):
    """Where a deal under negotiation stands (S1.2); ``won`` and ``lost`` are closed."""

    QUALIFICATION = "qualification"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    WON = "won"
    LOST = "lost"

    @property
    def is_open(self) -> bool:
        """Whether the deal is still under negotiation (neither won nor lost)."""
        return self not in (DealStage.WON, DealStage.LOST)


class Responsibility(enum.StrEnum):
    """A duty of the sales organisation (docs/domain.md, responsibilities).

    Which roles own each one is a matter of policy; under the article's strict
    distinction, for example, only sales reps do ``prospecting`` (S1.1, S1.4).
    """

    PROSPECTING = "prospecting"
    FOLLOW_UP_LEADS = "follow_up_leads"
    CLOSE_DEALS = "close_deals"
    WIDEN_PRODUCT_RANGE = "widen_product_range"
    MEET_SALES_TARGET = "meet_sales_target"
    SET_SALES_TARGETS = "set_sales_targets"
    MANAGE_KEY_ACCOUNTS = "manage_key_accounts"
    DEFEND_AGAINST_COMPETITORS = "defend_against_competitors"
    OWN_ACCOUNT_PROFITABILITY = "own_account_profitability"
    WRITE_ACCOUNT_PLAN = "write_account_plan"
    NEGOTIATE_LONG_TERM_CONTRACTS = "negotiate_long_term_contracts"
    BUILD_DECISION_TEAM_RELATIONSHIPS = "build_decision_team_relationships"
    COORDINATE_INTERNAL_RESOURCES = "coordinate_internal_resources"
    PLAN_DECISION_MAKER_COMMUNICATION = "plan_decision_maker_communication"
    PROPOSE_CUSTOMIZATION = "propose_customization"
    GENERATE_LEADS = "generate_leads"
    FIELD_SALES = "field_sales"
    ORDER_ADMINISTRATION = "order_administration"


# The wire values of each enumeration as a Literal: what type checkers accept beside the member
# wherever a user passes one (``segment="medium"``), and refuse when misspelt.

#: The values of :class:`Role`.
RoleValue: TypeAlias = Literal[
    "account_manager",
    "sales_rep",
    "sales_manager",
    "sales_coordinator",
    "marketing",
]

#: The values of :class:`Segment`.
SegmentValue: TypeAlias = Literal["small", "medium", "large"]

#: The values of :class:`CustomerStatus`.
CustomerStatusValue: TypeAlias = Literal["active", "lapsed", "lost"]

#: The values of :class:`LeadSource`.
LeadSourceValue: TypeAlias = Literal[
    "marketing",
    "referral",
    "inbound",
    "outbound",
    "event",
    "partner",
]

#: The values of :class:`LeadStatus`.
LeadStatusValue: TypeAlias = Literal["new", "contacted", "qualified", "disqualified", "converted"]

#: The values of :class:`BuyingRole`.
BuyingRoleValue: TypeAlias = Literal[
    "purchasing_manager",
    "technical_decision_maker",
    "senior_executive",
    "user",
    "influencer",
]

#: The values of :class:`Relationship`.
RelationshipValue: TypeAlias = Literal["none", "cold", "neutral", "warm", "champion"]

#: The values of :class:`ActionKind`.
ActionKindValue: TypeAlias = Literal[
    "relationship",
    "competitive_response",
    "growth",
    "service",
    "communication",
]

#: The values of :class:`DealStage`.
DealStageValue: TypeAlias = Literal["qualification", "proposal", "negotiation", "won", "lost"]

#: The values of :class:`Responsibility`.
ResponsibilityValue: TypeAlias = Literal[
    "prospecting",
    "follow_up_leads",
    "close_deals",
    "widen_product_range",
    "meet_sales_target",
    "set_sales_targets",
    "manage_key_accounts",
    "defend_against_competitors",
    "own_account_profitability",
    "write_account_plan",
    "negotiate_long_term_contracts",
    "build_decision_team_relationships",
    "coordinate_internal_resources",
    "plan_decision_maker_communication",
    "propose_customization",
    "generate_leads",
    "field_sales",
    "order_administration",
]

#: The values of :class:`Severity`.
SeverityValue: TypeAlias = Literal["error", "warning", "info"]


# Converters for attrs fields: a wire value becomes its member; anything else is left for the
# field check to name. attrs' mypy plugin needs each converter to be a named function.


def _member(cls: type[enum.Enum], value: object) -> Any:
    return cls._value2member_map_.get(value, value) if type(value) is str else value


def to_action_kind(value: ActionKind | ActionKindValue) -> ActionKind:
    """Return the member whose value is *value*; anything else is left to the field check."""
    return _member(ActionKind, value)  # type: ignore[no-any-return]


def to_buying_role(value: BuyingRole | BuyingRoleValue) -> BuyingRole:
    """Return the member whose value is *value*; anything else is left to the field check."""
    return _member(BuyingRole, value)  # type: ignore[no-any-return]


def to_customer_status(value: CustomerStatus | CustomerStatusValue) -> CustomerStatus:
    """Return the member whose value is *value*; anything else is left to the field check."""
    return _member(CustomerStatus, value)  # type: ignore[no-any-return]


def to_deal_stage(value: DealStage | DealStageValue) -> DealStage:
    """Return the member whose value is *value*; anything else is left to the field check."""
    return _member(DealStage, value)  # type: ignore[no-any-return]


def to_lead_source(value: LeadSource | LeadSourceValue) -> LeadSource:
    """Return the member whose value is *value*; anything else is left to the field check."""
    return _member(LeadSource, value)  # type: ignore[no-any-return]


def to_lead_status(value: LeadStatus | LeadStatusValue) -> LeadStatus:
    """Return the member whose value is *value*; anything else is left to the field check."""
    return _member(LeadStatus, value)  # type: ignore[no-any-return]


def to_relationship(value: Relationship | RelationshipValue) -> Relationship:
    """Return the member whose value is *value*; anything else is left to the field check."""
    return _member(Relationship, value)  # type: ignore[no-any-return]


def to_responsibility(value: Responsibility | ResponsibilityValue) -> Responsibility:
    """Return the member whose value is *value*; anything else is left to the field check."""
    return _member(Responsibility, value)  # type: ignore[no-any-return]


def to_role(value: Role | RoleValue) -> Role:
    """Return the member whose value is *value*; anything else is left to the field check."""
    return _member(Role, value)  # type: ignore[no-any-return]


def to_segment(value: Segment | SegmentValue) -> Segment:
    """Return the member whose value is *value*; anything else is left to the field check."""
    return _member(Segment, value)  # type: ignore[no-any-return]


#: Each converter above with its enumeration: generated structure code looks a wire value up
#: in the enumeration's own table in place rather than calling the converter.
ENUM_CONVERTERS: Final[dict[Callable[[Any], Any], type[enum.Enum]]] = {
    to_action_kind: ActionKind,
    to_buying_role: BuyingRole,
    to_customer_status: CustomerStatus,
    to_deal_stage: DealStage,
    to_lead_source: LeadSource,
    to_lead_status: LeadStatus,
    to_relationship: Relationship,
    to_responsibility: Responsibility,
    to_role: Role,
    to_segment: Segment,
}


class Severity(enum.StrEnum):
    """How much a finding matters: ``error``, ``warning`` or ``info``.

    Errors break the article's distinction outright; warnings are gaps an
    account manager should close; infos are worth knowing. Severities order
    from the gravest: ``Severity.ERROR < Severity.WARNING`` is about rank, so
    sort findings with :attr:`rank`.

    >>> Severity("warning").rank
    1
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for an error, 1 for a warning, 2 for an info: sort by it, gravest first."""
        return _RANK[self]


_RANK: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


# -- the domain's sets, each said once --

#: S1.4: the new-business duties, which are the sales rep's and never the account manager's.
NEW_BUSINESS: Final = frozenset({Responsibility.PROSPECTING, Responsibility.FOLLOW_UP_LEADS})
#: S4.3: the buying roles an account manager must reach in every key account's decision team.
DECISION_TEAM: Final = (
    BuyingRole.PURCHASING_MANAGER,
    BuyingRole.TECHNICAL_DECISION_MAKER,
    BuyingRole.SENIOR_EXECUTIVE,
)
