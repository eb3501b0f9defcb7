# %% [markdown]
# # Which of our customers are key accounts?
#
# A key account is one of a company's most important customers, kept and grown by an account
# manager (S2.1, S2.2); losing one puts revenue and profit at risk (S2.3). Over the years our
# pump business has designated sixty of them, more than three account managers can plan for
# properly: the key-account literature keeps 15 to 35 per company.
#
# This notebook asks which customers deserve the status, on a realistic generated portfolio.
# It is also a plain script (`python examples/which_key_accounts.py`); the notebook next to it
# is made from it.

# %%
# %matplotlib inline

# %%
try:
    from IPython.display import display as show
except ImportError:  # a plain Python without IPython
    show = print

import attrs
import matplotlib.pyplot as plt

import salesroles as sr
from salesroles.testing import generate_portfolio

portfolio = generate_portfolio(60, seed=11)
show(portfolio)
report = sr.check(portfolio)
print(report)

# %% [markdown]
# One error stands out before we start: key account C9 has no manager at all (S2.1).

# %% [markdown]
# ## Where does the revenue come from?
#
# The concentration of revenue says how much hangs on a few customers. The Herfindahl index
# (HHI) is the sum of squared revenue shares: 1 means one customer holds everything.

# %%
spread = sr.concentration(portfolio, top=10)
show(spread.summary())
sr.plot_concentration(spread, highlight="C0")
plt.show()

# %%
print(f"the 10 largest customers hold {spread.top_share:.0%} of revenue")
print(
    f"the {len(portfolio.key_accounts)} key accounts hold {spread.key_account_revenue_share:.0%}"
)

# %% [markdown]
# The curve climbs steeply, then flattens: the stars (the key accounts) sit on the steep part
# and hold almost all of the revenue, while no single customer dominates (ACME, ringed, is the
# largest with a few per cent; the index is far below 1). So the question is not whether to have
# key accounts, but which of them deserve an account manager's plan.

# %% [markdown]
# ## Scoring every active customer
#
# `assess_key_accounts` scores each active customer on revenue, profit, growth potential,
# share of wallet (a low share means room to grow) and the strength of our relationships with
# its decision team (S4.3), each scaled to 0..1 and weighted. It recommends at most `cap` key
# accounts and respects each account manager's load.

# %%
assessment = sr.assess_key_accounts(portfolio, cap=25, max_per_manager=10)
show(assessment.summary())
sr.plot_assessment_matrix(assessment, highlight="C9")
plt.show()

# %%
unknown = [a for a in assessment.accounts if a.relationship_strength is None]
print(f"{len(assessment.keep)} to keep, {len(assessment.release)} to release")
print(f"{len(unknown)} of {len(assessment.accounts)} customers: no known contact at all")

# %% [markdown]
# The matrix is not flattering. Most of today's key accounts (ringed) sit left of the middle:
# their revenue, profit and growth are modest against the best. Only a few score above the
# threshold, and those are named. The strip at the bottom holds every customer whose decision
# team we do not know at all: most of the small customers, whose relationship with us is
# unknown rather than weak. C9, ringed in red, is a key account worth keeping that nobody
# manages.
#
# Each score is explained criterion by criterion. Here is the best account to keep, and the
# best of those the assessment would release:

# %%
show(assessment.explain(assessment.keep[0]))
show(assessment.explain(assessment.release[0]))

# %% [markdown]
# C9 has no manager. The assessment suggests the owner of its current plan, so that plan and
# account stay with one account manager (S3.3); a manager who owns no plan of it would trade
# one error for another:

# %%
for reason in assessment.explain("C9").reasons:
    print(reason)

# %% [markdown]
# A company weighs differently if it wants growth rather than size. Weights are data:

# %%
growth_first = sr.AssessmentWeights(
    revenue="0.15",
    profit="0.15",
    growth_potential="0.4",
    share_of_wallet="0.1",
    relationship="0.2",
)
by_growth = sr.assess_key_accounts(portfolio, weights=growth_first, cap=25)
changed = sorted(set(by_growth.recommended) ^ set(assessment.recommended))
print(f"{len(changed)} accounts change status when growth comes first: {changed}")

# %% [markdown]
# ## Following the recommendation
#
# A `Scenario` applies the recommendation to a copy of the portfolio and compares before and
# after: the rules' findings that appear and disappear, and the figures that move. A released
# account stays a customer, but its open deals are still owned by account managers, which
# outside key accounts is a sales rep's work (S1.2): the scenario hands them to the sales reps.


# %%
def hand_open_deals_to_reps(p: sr.Portfolio) -> sr.Portfolio:
    reps = [m.id for m in p.members_with(sr.Role.SALES_REP)]
    managers = {m.id for m in p.members_with(sr.Role.ACCOUNT_MANAGER)}
    deals = []
    for deal in p.deals:
        released = deal.is_open and deal.owner in managers and not p.is_key_account(deal.customer)
        owner = reps[len(deals) % len(reps)] if released else deal.owner
        deals.append(attrs.evolve(deal, owner=owner))
    return attrs.evolve(p, deals=deals)


scenario = sr.Scenario(before=portfolio, name="Follow the assessment")
for customer in assessment.release:
    scenario = scenario.release(customer)
for customer in assessment.designate:
    scenario = scenario.designate(customer, manager=assessment.explain(customer).suggested_manager)
for customer in assessment.keep:
    account = assessment.explain(customer)
    if account.suggested_manager is None:
        continue
    if account.manager is None:
        scenario = scenario.assign_manager(customer, account.suggested_manager)
    else:  # its manager is full: the account moves with its plan
        scenario = scenario.reassign(
            account.manager, account.suggested_manager, accounts=[customer]
        )
scenario = scenario.apply(hand_open_deals_to_reps, "hand released accounts' open deals to reps")
comparison = scenario.compare()
show(comparison)

# %%
before = sr.concentration(scenario.before).key_account_revenue_share
after = sr.concentration(scenario.after).key_account_revenue_share
print(f"key accounts: {len(scenario.before.key_accounts)} -> {len(scenario.after.key_accounts)}")
print(f"findings: {len(comparison.before)} -> {len(comparison.after)}")
print(f"errors: {len(comparison.before.errors)} -> {len(comparison.after.errors)}")
print(f"new findings: {len(comparison.appeared)}")
print(f"revenue in key accounts: {before:.0%} -> {after:.0%}")

# %% [markdown]
# The error is gone, C9 is managed by the owner of its plan, and no finding appears. But the
# last line is the price, and it is large: the released accounts still buy, and more than half
# of the revenue now lies with customers no account manager looks after. Their business is now
# the sales reps' (S1.2), and nobody defends them against competitors (S2.4). A cap of 25 and a
# threshold of 0.5 are choices: a company that cannot afford that risk raises the cap, lowers
# the threshold, or adds an account manager, and runs the assessment again.
