"""Calls the docs show, which type checkers must accept (mypy --strict and pyright).

Checked by tests/test_typing.py; it is never run. Each call is copied from the
docs, the README or a docstring.
"""

from datetime import date
from decimal import Decimal

import salesroles as sr
from salesroles.testing import sample_portfolio

# README, "A taste"; docs/model.md: enumerations by their wire values.
ann = sr.TeamMember(id="ann", name="Ann Meyer", role="account_manager")
acme = sr.Customer(id="C-ACME", name="ACME GmbH", segment="large", status="active")
lead = sr.Lead(id="L-1", company="Beta AG", source="marketing", status="new")
eva = sr.Stakeholder(id="S-1", customer="C-ACME", name="Eva", buying_role="purchasing_manager")
deal = sr.Deal(id="D-1", customer="C-ACME", stage="negotiation", owner="ann")
action = sr.PlanAction(id="A-1", kind="relationship", description="QBR", due="2026-03-31")
portfolio = sr.Portfolio(team=[ann], customers=[acme], leads=[lead])
portfolio = portfolio.designate_key_account("C-ACME", manager="ann", reason="top five")

# Money: a decimal string, an int or a Decimal.
price = sr.Money(amount="12.50", currency="EUR")
price = sr.Money(amount=1, currency="EUR")
price = sr.Money(amount=Decimal("0.10"), currency="EUR")

# Days: a date or its ISO text.
period = sr.Period(start="2026-01-01", end=date(2026, 12, 31))
contract = sr.SupplyContract(id="K-1", customer="C-ACME", start="2026-01-01", term_months=36)
order = sr.Order(id="O-1", customer="C-ACME", placed_on="2026-05-02", amount=price)
acme = sr.Customer(id="C-ACME", name="ACME", segment="large", status="active", since="2019-03-01")

# docs/getting-started.md: lifecycle moves.
p = sample_portfolio()
p2 = p.qualify_lead("L-BETA").convert_lead("L-BETA", customer_id="C-BETA", segment="medium")
p3 = p2.designate_key_account("C-BETA", manager="kai", on="2026-12-01")
p3 = p2.designate_key_account("C-BETA", manager="kai", on=date(2026, 12, 1))
plan = p.current_plan("C-ACME", on="2026-06-30")
members = p.members_with("sales_rep")

# docs/analytics.md: the analyses take days as text.
load = sr.workload(p, as_of="2026-06-30")
load = sr.workload(p, on="2026-06-30")  # the deprecated spelling still type-checks
attainment = sr.plan_attainment(p, as_of="2026-06-30")
report = sr.check(p, as_of="2026-11-27")

# docs/policy.md: policies and decisions by wire values.
acme_policy = (
    sr.STRICT.named("acme", "ACME's sales policy")
    .with_severity("decision-team-gap", "error")
    .switch_off("no-communication-cadence")
    .with_owners("order_administration", "sales_coordinator", "sales_rep")
)
allowed = sr.decide(sr.Role.ACCOUNT_MANAGER, "prospecting").allowed
allowed = sr.decide("sales_rep", "order_administration", policy=acme_policy).allowed
ours = {"Account Executive": "account_manager", "Account Manager": "sales_rep"}
match = sr.classify_title("Account-Managerin", aliases=ours)
scenario = sr.Scenario(before=p).promote("bob", "account_manager", title="Key Account Manager")

# docs/currencies.md: rates and a reporting currency.
rates = sr.ExchangeRates(
    rates=[sr.ExchangeRate(source="CHF", target="EUR", rate="0.95", valid_from="2026-01-01")]
)
impact = sr.loss_impact(p, "C-ACME", rates=rates, currency="EUR")
curve = sr.concentration(p, rates=rates, as_of="2026-11-27")
assessment = sr.assess_key_accounts(p, rates=rates)
attainment = sr.plan_attainment(p, rates=rates, currency="EUR")
comparison = sr.Scenario(before=p).lose_account("C-ACME").compare(rates=rates, as_of="2026-11-27")
converted = rates.convert(price, "CHF", on="2026-06-30")

# Predicates and lookups take the same spellings.
in_2026 = sr.Period.year(2026).contains("2026-03-01")
active = p.contract("K-ACME").is_active("2026-03-01")
relationship_actions = p.plan("AP-ACME-2026").actions_of("relationship")

# docs/policy.md: a policy built directly, its tables keyed by members or wire values.
direct = sr.Policy(
    name="acme",
    owners={"order_administration": ["sales_coordinator", "sales_rep"]},
    severities={"decision-team-gap": "error"},
    off={"no-communication-cadence"},
)
by_member = sr.Policy(
    name="acme", owners={sr.Responsibility.FIELD_SALES: {sr.Role.SALES_REP, "account_manager"}}
)
soon = sr.renewals(p, as_of="2026-11-27", rates=rates, currency="EUR")
