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

from .generator import generate_portfolio
from .sample import sample_portfolio
from .strategies import (
    account_plans,
    assignments,
    customers,
    deals,
    exchange_rates,
    key_accounts,
    leads,
    money,
    orders,
    periods,
    portfolios,
    rate_tables,
    revenue_targets,
    stakeholders,
    supply_contracts,
    team_members,
)

__all__ = [
    "account_plans",
    "assignments",
    "customers",
    "deals",
    "exchange_rates",
    "generate_portfolio",
    "key_accounts",
    "leads",
    "money",
    "orders",
    "periods",
    "portfolios",
    "rate_tables",
    "revenue_targets",
    "sample_portfolio",
    "stakeholders",
    "supply_contracts",
    "team_members",
]
