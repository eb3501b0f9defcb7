"""salesroles: tell an account manager's work from a sales representative's.

A typed, frozen domain model of a sales organisation (customers, key
accounts, leads, account plans, stakeholders and what they need), built on
attrs, cattrs and python-dateutil. Everything public is importable from here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from ._i18n.locale import accepted_locale, current_locale, set_default_locale, use_locale
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
    from ._model.parties import (
        CompetitiveThreat,
        Customer,
        KeyAccount,
        Lead,
        Stakeholder,
        TeamMember,
    )
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

# Where each public name lives. A name is imported when first asked for (PEP 562), so that
# ``import salesroles`` costs almost nothing and a service never loads the analytics it does
# not call. A new public name is one line here, one in __all__ and one import above.
_LAZY: dict[str, str] = {
    "AccountAssessment": "._analytics.assessment",
    "AccountAtRisk": "._analytics.revenue",
    "AccountPlan": "._model.planning",
    "ActionKind": "._model.enums",
    "AssessmentWeights": "._analytics.assessment",
    "Assignment": "._model.commerce",
    "BuyingRole": "._model.enums",
    "Cadence": "._model.cadence",
    "CommunicationPlan": "._model.planning",
    "CommunicationSchedule": "._analytics.calendar",
    "Comparison": "._analytics.scenario",
    "CompetitiveThreat": "._model.parties",
    "Concentration": "._analytics.revenue",
    "ContractRenewal": "._analytics.calendar",
    "CriterionScore": "._analytics.assessment",
    "CurrencyMismatchError": ".exceptions",
    "Customer": "._model.parties",
    "CustomerRevenue": "._analytics.revenue",
    "CustomerStatus": "._model.enums",
    "CustomizationProposal": "._model.planning",
    "Deal": "._model.commerce",
    "DealStage": "._model.enums",
    "Decision": "._rules.report",
    "DecisionTeam": "._analytics.teams",
    "DecisionTeamCoverage": "._analytics.teams",
    "DutyLine": "._rules.titles",
    "ErrorItem": ".exceptions",
    "ExchangeRate": "._model.rates",
    "ExchangeRates": "._model.rates",
    "FigureChange": "._analytics.scenario",
    "Finding": "._rules.report",
    "KeyAccount": "._model.parties",
    "KeyAccountAssessment": "._analytics.assessment",
    "Lead": "._model.parties",
    "LeadSource": "._model.enums",
    "LeadStatus": "._model.enums",
    "LifecycleError": ".exceptions",
    "LossImpact": "._analytics.revenue",
    "MERGED": "._rules.policy",
    "MemberWorkload": "._analytics.workload",
    "Money": "._model.values",
    "MoneyError": ".exceptions",
    "NotFoundError": ".exceptions",
    "Order": "._model.commerce",
    "Period": "._model.values",
    "PlanAction": "._model.planning",
    "PlanAttainment": "._analytics.attainment",
    "PlanProgress": "._analytics.attainment",
    "Policy": "._rules.policy",
    "Portfolio": "._model.portfolio",
    "Product": "._model.commerce",
    "ProductAttainment": "._analytics.attainment",
    "ProductTarget": "._model.planning",
    "Recommendation": "._analytics.assessment",
    "Relationship": "._model.enums",
    "Renewals": "._analytics.calendar",
    "Report": "._rules.report",
    "ResourceCommitment": "._model.planning",
    "Responsibility": "._model.enums",
    "RevenueTarget": "._model.planning",
    "Role": "._model.enums",
    "RoleFit": "._rules.titles",
    "RoleWorkload": "._analytics.workload",
    "Rule": "._rules.rule",
    "STRICT": "._rules.policy",
    "SalesRolesError": ".exceptions",
    "Scenario": "._analytics.scenario",
    "Segment": "._model.enums",
    "Severity": "._model.enums",
    "Stakeholder": "._model.parties",
    "SupplyContract": "._model.commerce",
    "TeamMember": "._model.parties",
    "TitleMatch": "._rules.titles",
    "Touchpoint": "._analytics.calendar",
    "TouchpointStatus": "._analytics.calendar",
    "ValidationError": ".exceptions",
    "Workload": "._analytics.workload",
    "assess_key_accounts": "._analytics.assessment",
    "check": "._rules.judge",
    "classify_duties": "._rules.titles",
    "classify_title": "._rules.titles",
    "communication_schedule": "._analytics.calendar",
    "concentration": "._analytics.revenue",
    "contract_revenue": "._analytics.attainment",
    "converter": "._wire.hooks",
    "accepted_locale": "._i18n.locale",
    "current_locale": "._i18n.locale",
    "decide": "._rules.judge",
    "decision_team": "._analytics.teams",
    "json_schema": "._wire.schema",
    "label": "._i18n.labels",
    "loss_impact": "._analytics.revenue",
    "openapi_components": "._wire.schema",
    "plan_attainment": "._analytics.attainment",
    "plot_assessment_matrix": "._analytics.plots",
    "plot_concentration": "._analytics.plots",
    "plot_plan_attainment": "._analytics.plots",
    "relationship_strength": "._analytics.teams",
    "renewals": "._analytics.calendar",
    "rules": "._rules.catalogue",
    "set_default_locale": "._i18n.locale",
    "structure": "._wire.api",
    "structure_json": "._wire.api",
    "unstructure": "._wire.api",
    "unstructure_json": "._wire.api",
    "use_locale": "._i18n.locale",
    "workload": "._analytics.workload",
}

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
    "accepted_locale",
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
    "set_default_locale",
    "structure",
    "structure_json",
    "unstructure",
    "unstructure_json",
    "use_locale",
    "workload",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value  # the next access is a plain attribute
        return value
    # The version comes from the installed metadata, read only when asked for.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("salesroles")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
