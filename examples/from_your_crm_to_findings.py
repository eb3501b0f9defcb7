# %% [markdown]
# # From your CRM to findings
#
# Nordwind Pumpen GmbH keeps its sales organisation in Salesforce: thirty people, two hundred
# accounts, account teams, contacts, opportunities, leads and contracts. Is its account
# management set up the way the roles say (S2.1, S2.2)? No CRM answers that; `salesroles` does,
# once the records are in its wire format.
#
# This notebook walks the company's export from the records to the findings and on to a
# what-if. It is also a plain script (`python examples/from_your_crm_to_findings.py`); the
# notebook next to it is made from it. The export is the one the tests use: REST records as
# Salesforce's API returns them, with their `attributes` envelope (Data Loader CSV rows, read
# with `csv.DictReader`, give the same draft).

# %%
try:
    from IPython.display import display as show
except ImportError:  # a plain Python without IPython
    show = print

import json
from collections import Counter
from pathlib import Path

import salesroles as sr
from salesroles.interop import salesforce

# The export lives with the tests; find it from wherever this runs.
here = Path.cwd().resolve()
folder = next(
    p / "tests" / "data" / "interop" / "salesforce"
    for p in (here, *here.parents)
    if (p / "tests" / "data" / "interop" / "salesforce").is_dir()
)
records = json.loads((folder / "records.json").read_text(encoding="utf-8"))
print({name: len(rows) for name, rows in records.items()})
print(records["Account"][0])

# %% [markdown]
# ## A draft, not a guess
#
# `salesforce.draft` reads the records into the wire format. It never guesses: what its tables
# do not map is listed, evidence that disagrees is a conflict, money that rounding changes is
# reported, and every record it leaves out is counted with its reason.

# %%
draft = salesforce.draft(records, currency="EUR", as_of="2026-12-01")
print(draft)
for item in (*draft.unmapped, *draft.conflicts, *draft.adjusted):
    print(f"[{item.code}] {item}")

# %%
print(Counter(skipped.path.split("[")[0] for skipped in draft.skipped))
for skipped in draft.skipped[:4]:
    print(skipped)

# %% [markdown]
# One person is "Sales Rep" on three accounts and "Account Manager" on two, with no title:
# some companies give one job both titles (S0.2). The draft leaves her role out, so the
# portfolio cannot be built until someone decides, and the error says where the record is:

# %%
try:
    draft.portfolio()
except sr.ValidationError as error:
    print(error)

# %% [markdown]
# Every value of the draft traces back to its record and field:

# %%
zoe = draft.data["team"][25]["id"]
print(draft.source_of("team[25]"))
print(draft.source_of("customers[7].annual_revenue.amount"))
print(draft.source_of("key_accounts[0].manager"))

# %% [markdown]
# ## Findings
#
# The head of sales decides: she is a sales rep, as her title-less record mostly says. Now the
# draft is a portfolio, and `check` judges it.

# %%
portfolio = salesforce.draft(
    records, currency="EUR", as_of="2026-12-01", roles={zoe: "sales_rep"}
).portfolio()
report = sr.check(portfolio)
print(Counter(finding.rule for finding in report).most_common())
show([str(f) for f in report if f.rule != "key-account-without-plan"][:6])

# %% [markdown]
# No key account has an account plan: Salesforce has no place for one, so every key account
# is reported (S3.1, S3.4), and that is the first thing to fix. The two accounts she manages are
# key accounts whose manager is a sales rep (S2.1, S2.2).

# %%
show([str(f) for f in report if f.rule == "key-account-without-manager"])

# %% [markdown]
# ## What if we promote her?
#
# A `Scenario` makes her an account manager and compares the findings before and after.

# %%
scenario = sr.Scenario(before=portfolio, name="Promote Zoe Ziegler").promote(
    zoe, title="Key Account Manager"
)
comparison = scenario.compare()
print(f"findings: {len(comparison.before)} before, {len(comparison.after)} after")
show(comparison)

# %% [markdown]
# ## Back to Salesforce
#
# The account team rows of the key accounts' managers, ready for Data Loader:

# %%
rows = salesforce.team_members(scenario.after)
print(len(rows), rows[0])
