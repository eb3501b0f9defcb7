"""salesroles as the validation layer of a FastAPI service.

Run it with ``uvicorn examples.fastapi_service:app`` (``pip install "salesroles[fastapi]"
uvicorn``) and post the sample portfolio::

    curl -s -X POST -H 'Content-Type: application/json' \
         --data-binary @examples/portfolio.json http://127.0.0.1:8000/portfolios

- ``POST /portfolios`` answers ``200`` with ``{"summary": ..., "findings": [...]}``, what
  :func:`salesroles.check` found, or ``422`` with every problem of the body in FastAPI's
  shape ``{"detail": [{"type": ..., "loc": ["body", ...], "msg": ...}]}``.
- ``POST /decisions`` answers a :class:`salesroles.Decision`: may this role or team member
  take on this responsibility?
- ``GET /openapi.json`` is FastAPI's document; its request bodies reference the schemas of
  salesroles under ``#/components/schemas``.

The service does the I/O; the library turns bytes into validated objects or error items.
"""

from __future__ import annotations

from datetime import date

import attrs
from fastapi import FastAPI

import salesroles as sr
from salesroles.fastapi import Validated, WireResponse, install, invalid, responds


@attrs.frozen(kw_only=True)
class Summary:
    """What a client wants to hear first about a checked portfolio."""

    as_of: date
    policy: str
    ok: bool
    errors: int
    warnings: int
    infos: int
    customers: int
    key_accounts: int


@attrs.frozen(kw_only=True)
class CheckAnswer:
    """The answer of POST /portfolios: a summary and every finding of the check."""

    summary: Summary
    findings: tuple[sr.Finding, ...]


@attrs.frozen(kw_only=True)
class DecisionRequest:
    """May *who* (a role, or the id of a member of the portfolio's team) do this work?"""

    who: str
    responsibility: sr.Responsibility
    subject: str | None = None
    portfolio: sr.Portfolio


app = FastAPI(title="salesroles example service", version="1")
install(app)


@app.post("/portfolios", responses=responds(CheckAnswer))
def check_portfolio(portfolio: Validated[sr.Portfolio]) -> WireResponse:
    report = sr.check(portfolio)
    summary = Summary(
        as_of=report.as_of,
        policy=report.policy,
        ok=report.ok,
        errors=len(report.errors),
        warnings=len(report.warnings),
        infos=len(report.infos),
        customers=len(portfolio.customers),
        key_accounts=len(portfolio.key_accounts),
    )
    return WireResponse(CheckAnswer(summary=summary, findings=report.findings))


@app.post("/decisions", responses=responds(sr.Decision))
def decide(request: Validated[DecisionRequest]) -> WireResponse:
    portfolio = request.portfolio
    members = {m.id: m for m in portfolio.team}
    who = members.get(request.who, request.who)  # a team member's id, else a role
    try:
        decision = sr.decide(who, request.responsibility, request.subject, portfolio=portfolio)
    except sr.ValidationError as e:  # an unknown role or subject: the paths are the body's keys
        raise invalid(e) from None
    return WireResponse(decision)
