"""Quick start: a manufacturer's sales organisation, modelled with salesroles.

Run it with ``python examples/quickstart.py``. It takes the sample portfolio
of the docs (a pump manufacturer with two key accounts, small customers, leads
and a team with every role; see ``salesroles.testing.sample_portfolio`` for how
it is built), prints what it holds and what the rules find at fault, and
shows how the model refuses bad data with every problem named at once.
"""

from __future__ import annotations

import salesroles as sr
from salesroles import AccountPlan, Customer, KeyAccount, Period, Portfolio, TeamMember
from salesroles.testing import sample_portfolio


def describe(portfolio: Portfolio) -> None:
    """Print what the portfolio holds, the way a head of sales would read it."""
    on = portfolio.as_of
    print(f"salesroles {sr.__version__}: {portfolio!r}\n")
    print("Team:")
    for member in portfolio.team:
        print(f"  {member.name:<10} {member.role.value:<18} {member.title or ''}")
    print("\nKey accounts (S2.1, S2.2):")
    for account in portfolio.key_accounts:
        customer = portfolio.customer(account.customer)
        plan = portfolio.current_plan(account.customer)
        team = ", ".join(
            f"{s.name} ({s.buying_role.value})" for s in portfolio.stakeholders_of(customer.id)
        )
        contracts = portfolio.active_contracts(customer=customer.id)
        print(
            f"  {customer.name}: revenue {customer.annual_revenue}, managed by {account.manager}"
        )
        print(
            f"    current plan: {plan.id if plan else 'none'}; total target "
            f"{plan.total_target if plan else '-'}"
        )
        print(f"    decision team: {team}")
        print(f"    contracts active on {on}: {[k.id for k in contracts] or 'none'}")
    print("\nOther customers:")
    for customer in portfolio.customers:
        if not portfolio.is_key_account(customer.id):
            print(f"  {customer.name} ({customer.segment.value}, {customer.status.value})")
    print("\nLeads (only sales reps work them, S1.3, S1.4):")
    for lead in portfolio.leads:
        print(
            f"  {lead.company}: {lead.status.value}, from {lead.source.value}, owner {lead.owner}"
        )


def show_refusal() -> None:
    """Show that bad data is refused, every problem named at once."""
    print("\nBad data is refused with every problem named at once:")
    try:
        Portfolio(
            team=[TeamMember(id="ann", name="Ann", role="account_manager")],
            customers=[Customer(id="C-1", name="ACME", segment="large", status="active")],
            key_accounts=[KeyAccount(customer="C-1", manager="zoe")],
            plans=[
                AccountPlan(id="AP-1", account="C-2", owner="ann", period=Period.year(2026)),
                AccountPlan(id="ann", account="C-1", owner="ann", period=Period.year(2026)),
            ],
        )
    except sr.ValidationError as error:
        for item in error.errors:
            print(f"  [{item.code}] {item}")


def show_findings(portfolio: Portfolio) -> None:
    """Judge the portfolio by the article's rules and print what is at fault."""
    report = sr.check(portfolio)
    print(f"\n{report}")
    merged = sr.check(portfolio, policy=sr.MERGED)
    print(f"\nUnder the merged policy (one job, both titles, S0.2): {len(merged)} findings.")
    print("\nMay an account manager follow up a marketing lead?")
    print(" ", sr.decide(sr.Role.ACCOUNT_MANAGER, sr.Responsibility.FOLLOW_UP_LEADS))


if __name__ == "__main__":
    portfolio = sample_portfolio()
    describe(portfolio)
    show_findings(portfolio)
    show_refusal()
