# %% [markdown]
# # What if we lose ACME and reorganise the team?
#
# ACME Chemie AG is our largest customer. A competitor has made it an offer, and the head of
# sales wants to know two things before the next board meeting: what is at stake if ACME goes
# (S2.3), and how the team should be reorganised if it does. One account manager is leaving
# too, and a strong sales rep is ready for promotion.
#
# This notebook models both on a realistic generated portfolio. It is also a plain script
# (`python examples/what_if_we_lose_acme.py`); the notebook next to it is made from it.

# %%
# %matplotlib inline

# %%
try:
    from IPython.display import display as show
except ImportError:  # a plain Python without IPython
    show = print

import attrs
from dateutil.relativedelta import relativedelta

import salesroles as sr
from salesroles.testing import generate_portfolio

portfolio = generate_portfolio(40, seed=4)
acme = portfolio.customer("C0")
print(acme.name, acme.annual_revenue, "managed by", portfolio.key_account("C0").manager)

# %% [markdown]
# ## What is at stake
#
# Losing a key account is a significant risk to revenue and profitability (S2.3):

# %%
at_risk = sr.loss_impact(portfolio, ["C0"])
show(at_risk)

# %% [markdown]
# Where ACME stands among all customers, and how its plan is doing this year:

# %%
sr.plot_concentration(portfolio, top=5)

# %%
sr.plot_plan_attainment(portfolio, account="C0")

# %% [markdown]
# The account manager's main duty is to defend the account against competitors (S2.4). Does
# the plan answer every threat, and who in ACME's decision team do we know (S4.3)?

# %%
report = sr.check(portfolio)
show([str(f) for f in report if f.subject in {"C0", "AP0"}] or "no findings on ACME")
show(sr.decision_team(portfolio, "C0"))

# %% [markdown]
# ## The reorganisation
#
# If ACME goes, its account manager `am0` keeps the rest of their accounts. `am1` is leaving,
# so their accounts go to `am0`, and the sales rep `rep0` is promoted to account manager to
# take half of them. Under the article's strict distinction (S1.4) an account manager owns no
# leads, so we also see what the promotion means for `rep0`'s leads.

# %%
leaving = [a.customer for a in portfolio.accounts_managed_by("am1")]
scenario = (
    sr.Scenario(before=portfolio, name="Lose ACME, reorganise the team")
    .lose_account("C0")
    .promote("rep0", title="Key Account Manager")
    .reassign("am1", "am0", accounts=leaving[::2])
    .reassign("am1", "rep0", accounts=leaving[1::2])
)
for change in scenario.changes:
    print(change)

# %%
comparison = scenario.compare()
show(comparison)

# %% [markdown]
# The findings that appear are the work the reorganisation creates: the promoted rep still
# owns leads and is assigned to follow them up, which an account manager does not do under the
# strict reading of the article (S1.4). Some companies give one job both titles (S0.2); under
# that policy the same reorganisation raises no such finding:

# %%
merged = scenario.with_policy(sr.MERGED).compare()
print(f"new findings under the strict policy: {len(comparison.appeared)}")
print(f"new findings under the merged policy: {len(merged.appeared)}")

# %% [markdown]
# We keep the strict policy and hand the promoted rep's leads and lead follow-ups to `rep1`.
# A change of our own is a function from portfolio to portfolio:


# %%
def hand_over_leads(p: sr.Portfolio) -> sr.Portfolio:
    leads = [attrs.evolve(x, owner="rep1") if x.owner == "rep0" else x for x in p.leads]
    work = [attrs.evolve(a, member="rep1") if a.member == "rep0" else a for a in p.assignments]
    return attrs.evolve(p, leads=leads, assignments=work)


scenario = scenario.apply(hand_over_leads, "hand rep0's leads to rep1")
comparison = scenario.compare()
print(f"findings: {len(comparison.before)} before, {len(comparison.after)} after")
show(comparison.after)

# %% [markdown]
# ## Workload and the next months
#
# Who carries what after the change, and which contracts come up for renewal in the next
# half year (S4.2): the account managers' first meetings.

# %%
show(sr.workload(scenario.after))

# %%
sr.renewals(scenario.after, within=relativedelta(months=6))
