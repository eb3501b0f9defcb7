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
import matplotlib.pyplot as plt
from dateutil.relativedelta import relativedelta

import salesroles as sr
from salesroles.testing import generate_portfolio

portfolio = generate_portfolio(40, seed=4)
acme = portfolio.customer("C0")
print(f"{acme.name}: {acme.annual_revenue:,.2f} a year")
print(f"managed by {portfolio.key_account('C0').manager}")

# %% [markdown]
# ## What is at stake
#
# Losing a key account is a significant risk to revenue and profitability (S2.3):

# %%
at_risk = sr.loss_impact(portfolio, ["C0"])
show(at_risk)

# %% [markdown]
# Where ACME stands among all customers (ringed in red), and how its plan is doing this year:

# %%
sr.plot_concentration(portfolio, top=5, highlight="C0")
plt.show()

# %% [markdown]
# ACME is the first point of the curve: the largest customer, but only one of forty key
# accounts. Losing it hurts without breaking the business: the curve is smooth, and the top
# five hold about a quarter of the revenue.

# %%
sr.plot_plan_attainment(portfolio, account="C0")
plt.show()
progress = sr.plan_attainment(portfolio).plan("C0")
behind = [x.name for x in progress.products if x.on_track is False]
print(f"attainment so far: {progress.attainment:.0%} of the year's target")
print(f"behind the pace: {', '.join(behind) or 'nothing'}")

# %% [markdown]
# The bars are the unwelcome part. ACME's supply contract covers pumps and valves, and those
# keep pace with the plan (the black ticks); on the other products of the plan nothing has
# been sold this year, so their actual bars stay at zero beneath their targets. Its orders
# name no product: they sit in the unattributed bar. A customer that buys only part of what
# its plan expects is one a competitor finds open to an offer.
#
# The account manager's main duty is to defend the account against competitors (S2.4). Does
# the plan answer every threat, and who in ACME's decision team do we know (S4.3)?

# %%
report = sr.check(portfolio)
show([str(f) for f in report if f.subject in {"C0", "AP0"}] or "no findings on ACME")
show(sr.decision_team(portfolio, "C0"))

# %% [markdown]
# ## The reorganisation
#
# If ACME goes, its account manager `am0` keeps the rest of their accounts. `am1` is leaving:
# the sales rep `rep0` is promoted to account manager and takes over all of `am1`'s accounts,
# with their plans and open deals, and whatever else is in `am1`'s name; then `am1` leaves
# the team. Under the article's strict distinction (S1.4) an account manager owns no leads, so
# we also see what the promotion means for `rep0`'s leads.

# %%
scenario = (
    sr.Scenario(before=portfolio, name="Lose ACME, reorganise the team")
    .lose_account("C0")
    .promote("rep0", title="Key Account Manager")
    .leave("am1", to="rep0")
)
for change in scenario.changes:
    print(change)
print("team after:", ", ".join(m.id for m in scenario.after.team))

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
print(f"new findings: {len(comparison.appeared)}")
show(comparison.after)

# %% [markdown]
# No finding is new any more: what remains was there before the reorganisation.
#
# ## Workload and the next months
#
# Who carries what after the change, and which contracts come up for renewal in the next
# half year (S4.2): the account managers' first meetings.

# %%
load = sr.workload(scenario.after)
show(load)
for manager in ("am0", "rep0"):
    print(f"{manager}: {load.member(manager).key_accounts} key accounts")

# %% [markdown]
# The workload table is the other unwelcome figure. Two account managers now carry all the
# key accounts, about twenty each: twice the ten the assessment assumes one account manager
# can look after well, and `rep1` now follows up twice the leads. The reorganisation holds for
# a quarter, not for a year: the team needs another account manager, or fewer key accounts
# (see "Which of our customers are key accounts?").

# %%
soon = sr.renewals(scenario.after, within=relativedelta(months=6))
show(soon)
moved = [k for k in soon.contracts if scenario.after.key_account(k.customer).manager == "rep0"]
print(f"{len(soon.contracts)} contracts come up for renewal in the next six months,")
print(f"{len(moved)} of them on accounts rep0 has just taken over")

# %% [markdown]
# The renewals are where the reorganisation is tested first: some of the accounts the promoted
# rep has just taken over renew within weeks, negotiated by someone who has not yet met their
# decision teams (S4.2, S4.3). Those are the first meetings to plan.
