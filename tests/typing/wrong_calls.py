"""Calls that fail at run time, which type checkers must refuse before it.

Checked by tests/test_typing.py; it is never run. Each line that must fail says
so with ``# expect:`` and the error codes of mypy and pyright.
"""

from datetime import date

import salesroles as sr
from salesroles.testing import sample_portfolio

p = sample_portfolio()

# fmt: off
sr.Customer(id="C-1", name="ACME", segment="huge", status="active")  # expect: mypy[arg-type] pyright[reportArgumentType]
sr.Customer(id="C-1", name="ACME", segment="large", status="active", since=20200101)  # expect: mypy[arg-type] pyright[reportArgumentType]
sr.Money(amount=12.5, currency="EUR")  # expect: mypy[arg-type] pyright[reportArgumentType]
sr.ExchangeRate(source="CHF", target="EUR", rate=0.95, valid_from=date(2026, 1, 1))  # expect: mypy[arg-type] pyright[reportArgumentType]
sr.TeamMember(id="ann", name="Ann", role="account_manger")  # expect: mypy[arg-type] pyright[reportArgumentType]
sr.Portfolio(customers=["C-1"])  # expect: mypy[list-item] pyright[reportArgumentType]
p.convert_lead("L-BETA", customer_id="C-BETA", segment="huge")  # expect: mypy[arg-type] pyright[reportArgumentType]
p.designate_key_account("C-NORD", on=20261201)  # expect: mypy[arg-type] pyright[reportArgumentType]
sr.workload(p, as_of=20260630)  # expect: mypy[arg-type] pyright[reportArgumentType]
sr.decide("sales_rep", "prospectin")  # expect: mypy[arg-type] pyright[reportArgumentType]
sr.STRICT.with_severity("decision-team-gap", "fatal")  # expect: mypy[arg-type] pyright[reportArgumentType]
sr.loss_impact(p, "C-ACME", rates={"rates": []})  # expect: mypy[arg-type] pyright[reportArgumentType]
sr.Policy(name="acme", owners={"field_sales": ["boss"]})  # expect: mypy[list-item] pyright[reportArgumentType]
sr.Policy(name="acme", severities={"decision-team-gap": "fatal"})  # expect: mypy[dict-item] pyright[reportArgumentType]
# fmt: on
