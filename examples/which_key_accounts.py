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

import salesroles as sr
from salesroles.testing import generate_portfolio

portfolio = generate_portfolio(60, seed=11)
show(portfolio)

# %% [markdown]
# ## Where does the revenue come from?
#
# The concentration of revenue says how much hangs on a few customers. The Herfindahl index
# (HHI) is the sum of squared revenue shares: 1 means one customer holds everything.

# %%
spread = sr.concentration(portfolio, top=10)
show(spread.summary())
show(sr.plot_concentration(spread))

# %% [markdown]
# The key accounts hold almost all of the revenue, but no single one dominates. The question
# is not whether to have key accounts, but which ones deserve an account manager's plan.

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
show(sr.plot_assessment_matrix(assessment))

# %% [markdown]
# Each score is explained criterion by criterion. Here is the best account to keep, and the
# best of those the assessment would release:

# %%
show(assessment.explain(assessment.keep[0]))
show(assessment.explain(assessment.release[0]))

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
# after: the rules' findings that appear and disappear, and the figures that move.

# %%
scenario = sr.Scenario(before=portfolio, name="Follow the assessment")
for customer in assessment.release:
    scenario = scenario.release(customer)
for customer in assessment.designate:
    scenario = scenario.designate(customer, manager=assessment.explain(customer).suggested_manager)
for customer in assessment.keep:
    # A kept account without a manager, or whose manager is full, gets the one suggested.
    suggested = assessment.explain(customer).suggested_manager
    if suggested is not None:
        scenario = scenario.assign_manager(customer, suggested)
comparison = scenario.compare()
show(comparison)

# %%
print(f"key accounts: {len(scenario.before.key_accounts)} -> {len(scenario.after.key_accounts)}")
print(f"findings: {len(comparison.before)} -> {len(comparison.after)}")
for change in scenario.changes[-3:]:
    print(change)
