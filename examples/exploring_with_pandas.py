# %% [markdown]
# # Exploring a portfolio with pandas
#
# The analyses of `salesroles` answer the questions the article raises; an analyst has more.
# `Portfolio.to_frames()` hands the whole portfolio to pandas: one DataFrame per collection,
# ids as the index, references as columns to join on, and dtypes an analyst can work with:
# amounts as exact decimals, days as dates, enumerations as ordered categories. Every result
# of an analysis does the same with `to_frame()`.
#
# It is also a plain script (`python examples/exploring_with_pandas.py`); the notebook next to
# it is made from it.

# %%
# %matplotlib inline

# %%
try:
    from IPython.display import display as show
except ImportError:  # a plain Python without IPython
    show = print

import matplotlib.pyplot as plt
from dateutil.relativedelta import relativedelta

import salesroles as sr
from salesroles.testing import generate_portfolio

portfolio = generate_portfolio(40, seed=4)
frames = portfolio.to_frames()
print(", ".join(frames))

# %% [markdown]
# ## The frames
#
# Customers are indexed by their id. Money is an amount column (an exact pyarrow decimal) and
# a currency column beside it; the segment is an ordered category, small < medium < large.

# %%
customers = frames["customers"]
show(customers.head())
show(customers.dtypes)

# %% [markdown]
# Sums stay exact: the total below is a `Decimal` to the cent, not a float.

# %%
total = customers["annual_revenue_amount"].sum()
print(type(total).__name__, f"{total:,.2f}")

# %% [markdown]
# ## Revenue by account manager and segment
#
# A key account is known by its customer's id, so joining the customers with the key accounts
# and the team is a plain `join`. Customers that are no key account have no manager: they are
# counted under "(none)". The pivot shows how each manager's revenue splits over the
# customers' segments.

# %%
team = frames["team"][["name"]].rename(columns={"name": "manager_name"})
managed = customers.join(frames["key_accounts"][["manager"]]).join(team, on="manager")
managed["manager_name"] = managed["manager_name"].fillna("(none)")
pivot = managed.pivot_table(
    index="manager_name",
    columns="segment",
    values="annual_revenue_amount",
    aggfunc="sum",
    observed=True,
)
show(pivot)

# %% [markdown]
# A plot built from the frame: the pivot's amounts, in millions, as stacked bars.

# %%
millions = pivot.astype("float64").fillna(0) / 1e6
ax = millions.plot.bar(stacked=True, rot=0)
ax.set_ylabel("Annual revenue (million EUR)")
ax.set_xlabel("Account manager")
ax.set_title("Revenue by account manager and customer segment")
plt.show()

# %%
by_manager = pivot.sum(axis=1)
grand = by_manager.sum()
for manager, revenue in by_manager.items():
    print(f"{manager}: {revenue:,.2f} EUR, {revenue / grand:.0%} of all revenue")

# %% [markdown]
# The two account managers carry about the same revenue, all of it from large customers: the
# key accounts are the big ones, as the article expects (S2.2). The bar "(none)" is the less
# comfortable part of the picture: the medium and small customers, a few per cent of the
# revenue but most of the customers, have no account manager; their business rests with the
# sales reps alone (S1.1, S1.2).

# %% [markdown]
# ## The analyses as frames
#
# Every result has `to_frame()`. A report's findings sort gravest first, because severity is
# an ordered category (error < warning < info):

# %%
findings = sr.check(portfolio).to_frame()
show(findings.sort_values("severity")[["severity", "rule", "subject", "involves"]])

# %% [markdown]
# The assessment's recommendations are a category too, so they count and group in a
# meaningful order:

# %%
assessment = sr.assess_key_accounts(portfolio).to_frame()
show(assessment.groupby("recommendation", observed=True)["score"].agg(["count", "max"]))

# %% [markdown]
# `itables` (`pip install itables`) shows any of these frames as an interactive, sortable
# table in a notebook; without it, pandas' own table is shown.

# %%
try:
    from itables import show as interactive
except ImportError:
    interactive = show
renewals = sr.renewals(portfolio, relativedelta(months=6)).to_frame()
interactive(renewals)
print(renewals.dtypes)

# %% [markdown]
# ## And back
#
# Frames edited by hand come back with `Portfolio.from_frames`, checked exactly as JSON is:
# every problem at once, each named by the entity's id.

# %%
edited = dict(frames)
edited["customers"] = customers.assign(segment=customers["segment"].astype("object"))
edited["customers"].loc["C0", "segment"] = "huge"
try:
    sr.Portfolio.from_frames(edited)
except sr.ValidationError as error:
    print(error)

# %%
print(sr.Portfolio.from_frames(frames) == portfolio)
