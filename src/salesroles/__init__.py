"""salesroles: tell an account manager's work from a sales representative's.

A typed, frozen domain model of a sales organisation (customers, key
accounts, leads, account plans, stakeholders and what they need), built on
attrs, cattrs and python-dateutil. Everything public is importable from here.
"""

from __future__ import annotations

from ._analytics import (
    AccountAtRisk,
    Concentration,
    CustomerRevenue,
    DecisionTeam,
    DecisionTeamCoverage,
    LossImpact,
    MemberWorkload,
    RoleWorkload,
    Workload,
    concentration,
    decision_team,
    loss_impact,
    relationship_strength,
    workload,
)
from ._assessment import (
    AccountAssessment,
    AssessmentWeights,
    CriterionScore,
    KeyAccountAssessment,
    Recommendation,
    assess_key_accounts,
)
from ._attainment import (
    PlanAttainment,
    PlanProgress,
    ProductAttainment,
    contract_revenue,
    plan_attainment,
)
from ._calendar import (
    CommunicationSchedule,
    ContractRenewal,
    Renewals,
    Touchpoint,
    TouchpointStatus,
    communication_schedule,
    renewals,
)
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
from ._plots import (
    plot_assessment_matrix,
    plot_concentration,
    plot_plan_attainment,
)
from ._policy import MERGED, STRICT, Policy
from ._portfolio import Portfolio
from ._rules import Rule, Severity, rules
from ._scenario import Comparison, FigureChange, Scenario
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
    "AccountAssessment",
    "AccountAtRisk",
    "AccountPlan",
    "ActionKind",
    "AssessmentWeights",
    "Assignment",
    "BuyingRole",
    "Cadence",
    "CommunicationPlan",
    "CommunicationSchedule",
    "Comparison",
    "CompetitiveThreat",
    "Concentration",
    "ContractRenewal",
    "CriterionScore",
    "CurrencyMismatchError",
    "Customer",
    "CustomerRevenue",
    "CustomerStatus",
    "CustomizationProposal",
    "Deal",
    "DealStage",
    "Decision",
    "DecisionTeam",
    "DecisionTeamCoverage",
    "ErrorItem",
    "FigureChange",
    "Finding",
    "KeyAccount",
    "KeyAccountAssessment",
    "Lead",
    "LeadSource",
    "LeadStatus",
    "LifecycleError",
    "LossImpact",
    "MemberWorkload",
    "Money",
    "MoneyError",
    "NotFoundError",
    "Order",
    "Period",
    "PlanAction",
    "PlanAttainment",
    "PlanProgress",
    "Policy",
    "Portfolio",
    "Product",
    "ProductAttainment",
    "ProductTarget",
    "Recommendation",
    "Relationship",
    "Renewals",
    "Report",
    "ResourceCommitment",
    "Responsibility",
    "RevenueTarget",
    "Role",
    "RoleFit",
    "RoleWorkload",
    "Rule",
    "SalesRolesError",
    "Scenario",
    "Segment",
    "Severity",
    "Stakeholder",
    "SupplyContract",
    "TeamMember",
    "TitleMatch",
    "Touchpoint",
    "TouchpointStatus",
    "ValidationError",
    "Workload",
    "__version__",
    "assess_key_accounts",
    "check",
    "classify_duties",
    "classify_title",
    "communication_schedule",
    "concentration",
    "contract_revenue",
    "converter",
    "decide",
    "decision_team",
    "json_schema",
    "loss_impact",
    "plan_attainment",
    "plot_assessment_matrix",
    "plot_concentration",
    "plot_plan_attainment",
    "relationship_strength",
    "renewals",
    "rules",
    "structure",
    "structure_json",
    "unstructure",
    "unstructure_json",
    "workload",
]


def __getattr__(name: str) -> str:
    # The version comes from the installed metadata, read only when asked for.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("salesroles")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
