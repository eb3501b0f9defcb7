"""salesroles: tell an account manager's work from a sales representative's.

A typed, frozen domain model of a sales organisation (customers, key
accounts, leads, account plans, stakeholders and what they need), built on
attrs, cattrs and python-dateutil. Everything public is importable from here.
"""

from __future__ import annotations

from ._check import Decision, Finding, Report, check, decide
from ._commerce import Assignment, Deal, Order, Product, SupplyContract
from ._convert import converter, structure, structure_json, unstructure, unstructure_json
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
from ._policy import MERGED, STRICT, Policy
from ._portfolio import Portfolio
from ._rules import Rule, Severity, rules
from ._schema import json_schema
from ._titles import RoleFit, TitleMatch, classify_duties, classify_title
from ._values import Cadence, Money, Period
from .exceptions import (
    CurrencyMismatchError,
    ErrorItem,
    LifecycleError,
    MoneyError,
    NotFoundError,
    SalesRolesError,
    ValidationError,
)

__all__ = [
    "MERGED",
    "STRICT",
    "AccountPlan",
    "ActionKind",
    "Assignment",
    "BuyingRole",
    "Cadence",
    "CommunicationPlan",
    "CompetitiveThreat",
    "CurrencyMismatchError",
    "Customer",
    "CustomerStatus",
    "CustomizationProposal",
    "Deal",
    "DealStage",
    "Decision",
    "ErrorItem",
    "Finding",
    "KeyAccount",
    "Lead",
    "LeadSource",
    "LeadStatus",
    "LifecycleError",
    "Money",
    "MoneyError",
    "NotFoundError",
    "Order",
    "Period",
    "PlanAction",
    "Policy",
    "Portfolio",
    "Product",
    "ProductTarget",
    "Relationship",
    "Report",
    "ResourceCommitment",
    "Responsibility",
    "RevenueTarget",
    "Role",
    "RoleFit",
    "Rule",
    "SalesRolesError",
    "Segment",
    "Severity",
    "Stakeholder",
    "SupplyContract",
    "TeamMember",
    "TitleMatch",
    "ValidationError",
    "__version__",
    "check",
    "classify_duties",
    "classify_title",
    "converter",
    "decide",
    "json_schema",
    "rules",
    "structure",
    "structure_json",
    "unstructure",
    "unstructure_json",
]


def __getattr__(name: str) -> str:
    # The version comes from the installed metadata, read only when asked for.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("salesroles")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
