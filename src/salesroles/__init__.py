"""salesroles: tell an account manager's work from a sales representative's.

A typed, frozen domain model of a sales organisation (customers, key
accounts, leads, account plans, stakeholders and what they need), built on
attrs, cattrs and python-dateutil. Everything public is importable from here.
"""

from __future__ import annotations

from ._analytics import frames as _frames  # noqa: F401 - gives Portfolio to_frames, from_frames
from ._analytics.assessment import (
    AccountAssessment,
    AssessmentWeights,
    CriterionScore,
    KeyAccountAssessment,
    Recommendation,
    assess_key_accounts,
)
from ._analytics.attainment import (
    PlanAttainment,
    PlanProgress,
    ProductAttainment,
    contract_revenue,
    plan_attainment,
)
from ._analytics.calendar import (
    CommunicationSchedule,
    ContractRenewal,
    Renewals,
    Touchpoint,
    TouchpointStatus,
    communication_schedule,
    renewals,
)
from ._analytics.plots import plot_assessment_matrix, plot_concentration, plot_plan_attainment
from ._analytics.revenue import (
    AccountAtRisk,
    Concentration,
    CustomerRevenue,
    LossImpact,
    concentration,
    loss_impact,
)
from ._analytics.scenario import Comparison, FigureChange, Scenario
from ._analytics.teams import (
    DecisionTeam,
    DecisionTeamCoverage,
    decision_team,
    relationship_strength,
)
from ._analytics.workload import MemberWorkload, RoleWorkload, Workload, workload
from ._i18n.labels import label
from ._i18n.locale import current_locale, use_locale
from ._model.cadence import Cadence
from ._model.commerce import Assignment, Deal, Order, Product, SupplyContract
from ._model.enums import (
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
    Severity,
)
from ._model.parties import CompetitiveThreat, Customer, KeyAccount, Lead, Stakeholder, TeamMember
from ._model.planning import (
    AccountPlan,
    CommunicationPlan,
    CustomizationProposal,
    PlanAction,
    ProductTarget,
    ResourceCommitment,
    RevenueTarget,
)
from ._model.portfolio import Portfolio
from ._model.rates import ExchangeRate, ExchangeRates
from ._model.values import Money, Period
from ._rules.catalogue import rules
from ._rules.judge import check, decide
from ._rules.policy import MERGED, STRICT, Policy
from ._rules.report import Decision, Finding, Report
from ._rules.rule import Rule
from ._rules.titles import DutyLine, RoleFit, TitleMatch, classify_duties, classify_title
from ._wire.api import structure, structure_json, unstructure, unstructure_json
from ._wire.hooks import converter
from ._wire.schema import json_schema, openapi_components
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
    "DutyLine",
    "ErrorItem",
    "ExchangeRate",
    "ExchangeRates",
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
    "current_locale",
    "decide",
    "decision_team",
    "json_schema",
    "label",
    "loss_impact",
    "openapi_components",
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
    "use_locale",
    "workload",
]


def __getattr__(name: str) -> str:
    # The version comes from the installed metadata, read only when asked for.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("salesroles")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
