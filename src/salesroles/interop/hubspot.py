"""HubSpot CRM v3 objects to a draft portfolio.

Pass what the CRM v3 API returns, by object type: ``owners`` (``GET
/crm/v3/owners``: ``id``, ``firstName``, ``lastName``, ``email``, ``teams``,
``archived``), and ``companies``, ``contacts`` and ``deals`` as objects
``{"id", "properties": {...}, "associations": {...}, "archived"}``, where
every property value is a string (numbers too) or null; a list response
``{"results": [...], "paging": ...}`` may be passed as it is::

    draft = hubspot.draft({"owners": [...], "companies": [...], ...},
                          currency="EUR", key_accounts=["9001", "9002"])

Properties read are HubSpot's default ones (developers.hubspot.com, CRM API
objects and properties): companies ``name``, ``lifecyclestage``,
``annualrevenue``, ``numberofemployees``, ``hubspot_owner_id``,
``hs_analytics_source``, ``createdate``; contacts ``firstname``,
``lastname``, ``jobtitle``, ``hs_buying_role``; deals ``dealname``,
``amount``, ``dealstage``, ``pipeline``, ``hubspot_owner_id``,
``deal_currency_code``; associations ``companies``.

How each becomes the wire format:

- **Team**: owners, with a role from the teams they belong to. HubSpot's
  teams are the company's own, so the ``teams`` table is empty by default:
  map your team names (``mapping={"teams": {"Key Accounts":
  "account_manager"}}``). An owner in two teams that map to different roles
  is a conflict (S0.2), and the role is left out.
- **Customers** are companies at lifecycle stage ``customer`` or
  ``evangelist``; **leads** those at ``subscriber``, ``lead``,
  ``marketingqualifiedlead``, ``salesqualifiedlead`` or ``opportunity``.
- **Key accounts**: HubSpot has no such notion, so you pass their company ids
  (``key_accounts=``); the company owner is the manager.
- **Stakeholders**: contacts of customers with a buying role: purchasing from
  the job title, else from the ``hs_buying_role`` property (several values
  separated by ``;`` must agree).
- **Deals**: the ``dealstage`` of the default sales pipeline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from salesroles._model.messages import describe
from salesroles.exceptions import ErrorItem, ValidationError

from ._build import (
    BUYING_ROLES,
    CUSTOMER_STATUSES,
    DEAL_STAGES,
    LEAD_SOURCES,
    LEAD_STATUSES,
    ROLES,
    Builder,
    Row,
    Tables,
    merge_tables,
    read_roles,
    segment_of,
    title_role,
)
from ._roles import Evidence, decide_roles

if TYPE_CHECKING:
    from datetime import date, tzinfo

    from ._draft import Draft

__all__ = ["DEFAULTS", "OBJECTS", "draft"]

#: The object types :func:`draft` reads.
OBJECTS = ("owners", "companies", "contacts", "deals")

#: HubSpot's default property values, each mapped to the wire format; None
#: means "deliberately ignored". ``mapping=`` is merged over these tables.
DEFAULTS: dict[str, dict[str, str | None]] = {
    # Owner team names: the company's own, so none by default.
    "teams": {},
    # lifecyclestage of a company that is a customer.
    "customer_stages": {"customer": "active", "evangelist": "active"},
    # lifecyclestage of a company that is a lead, and the lead's status.
    "lead_stages": {
        "subscriber": "new",
        "lead": "new",
        "marketingqualifiedlead": "qualified",
        "salesqualifiedlead": "qualified",
        "opportunity": "qualified",
        "other": None,
    },
    # hs_analytics_source, the original source of a company.
    "lead_source": {
        "ORGANIC_SEARCH": "inbound",
        "DIRECT_TRAFFIC": "inbound",
        "PAID_SEARCH": "marketing",
        "PAID_SOCIAL": "marketing",
        "SOCIAL_MEDIA": "marketing",
        "EMAIL_MARKETING": "marketing",
        "OTHER_CAMPAIGNS": "marketing",
        "REFERRALS": "referral",
        "OFFLINE": "outbound",
    },
    # dealstage of the default sales pipeline.
    "stages": {
        "appointmentscheduled": "qualification",
        "qualifiedtobuy": "qualification",
        "presentationscheduled": "proposal",
        "decisionmakerboughtin": "proposal",
        "contractsent": "negotiation",
        "closedwon": "won",
        "closedlost": "lost",
    },
    # hs_buying_role of a contact; OTHER says nothing and is left unmapped.
    "buying_roles": {
        "DECISION_MAKER": "senior_executive",
        "BUDGET_HOLDER": "senior_executive",
        "EXECUTIVE_SPONSOR": "senior_executive",
        "END_USER": "user",
        "INFLUENCER": "influencer",
        "CHAMPION": "influencer",
        "BLOCKER": "influencer",
        "LEGAL_AND_COMPLIANCE": None,
    },
    # Words of a contact's jobtitle that make a purchasing manager (S4.1).
    "contact_titles": {
        "Einkauf": "purchasing_manager",
        "Einkäufer": "purchasing_manager",
        "Procurement": "purchasing_manager",
        "Purchasing": "purchasing_manager",
        "Buyer": "purchasing_manager",
    },
}

_ALLOWED = {
    "teams": ROLES,
    "customer_stages": CUSTOMER_STATUSES,
    "lead_stages": LEAD_STATUSES,
    "lead_source": LEAD_SOURCES,
    "stages": DEAL_STAGES,
    "buying_roles": BUYING_ROLES,
    "contact_titles": BUYING_ROLES,
}


@attrs.define
class _Reading:
    b: Builder
    tables: Tables
    companies: set[str] = attrs.Factory(set)
    customers: set[str] = attrs.Factory(set)
    members: set[str] = attrs.Factory(set)


def draft(  # noqa: PLR0913 - the keywords are the user's decisions
    records: Mapping[str, Any],
    *,
    currency: str,
    key_accounts: Sequence[str] = (),
    as_of: date | str | None = None,
    tz: str | tzinfo = "UTC",
    mapping: Mapping[str, Mapping[str, str | None]] | None = None,
    roles: Mapping[str, str] | None = None,
) -> Draft:
    """Read HubSpot CRM v3 objects into a :class:`~salesroles.interop.Draft`.

    Args:
        records: Object type to its objects: any of :data:`OBJECTS`.
        currency: The ISO 4217 code of the portfolio and of amounts that name none.
        key_accounts: The company ids of the key accounts.
        as_of: The day the portfolio is judged at, written into the draft.
        tz: The time zone in which timestamps become days (default UTC).
        mapping: Tables merged over :data:`DEFAULTS` (map your team names here).
        roles: The user's own answer: owner id to wire role.

    Raises:
        ValidationError: Every bad input at once, each at its source path
            (``companies[3].properties.annualrevenue``), or a bad argument.

    >>> owner = {"id": "7", "firstName": "Ann", "lastName": "Meyer", "teams": [{"name": "KAM"}]}
    >>> kam = {"teams": {"KAM": "account_manager"}}
    >>> d = draft({"owners": [owner]}, currency="EUR", mapping=kam)
    >>> d.data["team"]
    [{'id': 'O7', 'name': 'Ann Meyer', 'role': 'account_manager'}]
    """
    tables = merge_tables(DEFAULTS, mapping, _ALLOWED)
    b = Builder("hubspot", currency=currency, as_of=as_of, tz=tz)
    nested = {"companies": "properties", "contacts": "properties", "deals": "properties"}
    rows = b.tables(records, OBJECTS, nested=nested, envelope="results")
    live = {}
    for name in OBJECTS:
        found = b.unique(rows[name], "id")
        for row in found:
            row.id_field = "id"
        live[name] = _not_archived(b, found)
    r = _Reading(b, tables)
    _owners(r, live["owners"], read_roles(roles))
    _companies(r, live["companies"], _read_key_accounts(b, key_accounts))
    _contacts(r, live["contacts"])
    _deals(r, live["deals"])
    return b.finish()


def _read_key_accounts(b: Builder, value: Any) -> list[str]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        message = f"got {describe(value)}; expected a list of company ids"
        raise ValidationError(
            [ErrorItem(path="key_accounts", message=message, code="invalid_type")]
        )
    ids = []
    for i, item in enumerate(value):
        if isinstance(item, bool) or not isinstance(item, (str, int)):
            message = f"got {describe(item)}; expected a company id"
            b.problems.append(
                ErrorItem(path=f"key_accounts[{i}]", message=message, code="invalid_type")
            )
        else:
            ids.append(str(item))
    return ids


def _not_archived(b: Builder, rows: list[Row]) -> list[Row]:
    kept = []
    for row in rows:
        if row.flag("archived"):
            b.skip(row, "archived")
        else:
            kept.append(row)
    return kept


# HubSpot's ids are per object type: wire ids are prefixed by kind so that they never collide.
def _owner_id(raw: str) -> str:
    return f"O{raw}"


def _company_id(raw: str) -> str:
    return f"C{raw}"


def _teams(row: Row) -> list[str]:
    teams = row.record.get("teams")
    if teams is None:
        return []
    if isinstance(teams, (str, bytes)) or not isinstance(teams, Sequence):
        row.text("teams")  # reports the wrong type
        return []
    names = []
    for i, team in enumerate(teams):
        name = team.get("name") if isinstance(team, Mapping) else None
        if not isinstance(name, str) or not name:
            message = f"got {describe(team)}; expected a team with a name"
            path = f"{row.at('teams')}[{i}]"
            row.builder.problems.append(ErrorItem(path=path, message=message, code="invalid_type"))
        else:
            names.append(name)
    return names


def _owners(r: _Reading, rows: list[Row], decided: Mapping[str, str] | None) -> None:
    evidence = []
    for row in rows:
        for i, team in enumerate(_teams(row)):
            role = r.tables["teams"].get(team)
            if team not in r.tables["teams"]:
                message = f"got {team!r}, which the 'teams' table does not map; it is no evidence"
                r.b.unmapped.append(
                    ErrorItem(
                        path=f"{row.at('teams')}[{i}].name", message=message, code="unmapped_value"
                    )
                )
            elif role is not None:
                evidence.append(Evidence(member=row.id, role=role, label=team))
    names = {}
    for row in rows:
        parts = [row.text("firstName"), row.text("lastName")]
        names[row.id] = " ".join(p for p in parts if p) or row.text("email") or row.id
    people = {row.id: (row.path, None, names[row.id]) for row in rows}
    found, conflicts = decide_roles(people, evidence, aliases=None, decided=decided)
    r.b.conflicts.extend(conflicts)
    for row in rows:
        if row.id not in found:
            r.b.skip(row, "no sales role: no team of the owner maps to one")
            continue
        role, how = found[row.id]
        entity: dict[str, Any] = {"id": _owner_id(row.id), "name": names[row.id]}
        if role is not None:
            entity["role"] = role
        r.b.add(
            "team", entity, row, {"name": "firstName", "role": "teams" if how == "team" else "id"}
        )
        r.members.add(row.id)


def _companies(r: _Reading, rows: list[Row], key_accounts: list[str]) -> None:
    then = "the company is left out"
    keys = frozenset(key_accounts)  # looked up once per company: a set, not the list
    for row in rows:
        r.companies.add(row.id)
        name = row.text("name", required=True)
        stage = row.text("lifecyclestage") or ""
        owner = row.text("hubspot_owner_id")
        if owner is not None and owner not in r.members:
            r.b.unknown_reference(row, "hubspot_owner_id", owner, "the owner", "it has no owner")
            owner = None
        status = r.tables["customer_stages"].get(stage)
        lead_status = r.tables["lead_stages"].get(stage)
        if status is not None:
            _customer(r, row, name=name, status=status, owner=owner, key=row.id in keys)
        elif lead_status is not None:
            _lead(r, row, name, lead_status, owner)
        elif stage in r.tables["customer_stages"] or stage in r.tables["lead_stages"]:
            r.b.skip(row, f"lifecyclestage {stage!r} is neither customer nor lead")
        else:
            r.b.unmapped_value(row, "lifecyclestage", stage, "customer_stages", then)
    for i, company in enumerate(key_accounts):
        if company not in r.customers:
            said = (
                "no customer in the draft" if company in r.companies else "not among the companies"
            )
            message = f"names company {company!r}, which is {said}; expected the id of a customer"
            r.b.problems.append(
                ErrorItem(path=f"key_accounts[{i}]", message=message, code="not_a_customer")
            )


def _customer(  # noqa: PLR0913 - keyword-only facts of one company
    r: _Reading, row: Row, *, name: str | None, status: str, owner: str | None, key: bool
) -> None:
    employees = row.count("numberofemployees")
    revenue = row.money("annualrevenue")
    if name is None:
        return
    entity: dict[str, Any] = {"id": _company_id(row.id), "name": name, "status": status}
    if employees is not None:
        entity["segment"] = segment_of(employees)
    else:
        r.b.unmapped_value(row, "numberofemployees", None, "segment", "the segment is left out")
    if revenue is not None:
        entity["annual_revenue"] = revenue
    fields = {"name": "name", "status": "lifecyclestage", "segment": "numberofemployees"}
    r.b.add("customers", entity, row, {**fields, "annual_revenue": "annualrevenue"})
    r.customers.add(row.id)
    if key:
        account: dict[str, Any] = {"customer": _company_id(row.id)}
        if owner is not None:
            account["manager"] = _owner_id(owner)
        r.b.add("key_accounts", account, row, {"customer": "id", "manager": "hubspot_owner_id"})


def _lead(r: _Reading, row: Row, name: str | None, status: str, owner: str | None) -> None:
    state, source = row.pick(
        "hs_analytics_source", r.tables["lead_source"], "lead_source", "the lead is left out"
    )
    if state in {"empty", "ignored"}:
        value = row.text("hs_analytics_source") or ""
        r.b.unmapped_value(
            row, "hs_analytics_source", value, "lead_source", "the lead is left out"
        )
    created = row.day("createdate")
    if name is None or source is None:
        return
    entity: dict[str, Any] = {
        "id": _company_id(row.id),
        "company": name,
        "source": source,
        "status": status,
    }
    if owner is not None:
        entity["owner"] = _owner_id(owner)
    if created is not None:
        entity["created_on"] = created
    fields = {"company": "name", "source": "hs_analytics_source", "status": "lifecyclestage"}
    r.b.add(
        "leads", entity, row, {**fields, "owner": "hubspot_owner_id", "created_on": "createdate"}
    )


def _is_id(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool)


def _associated(row: Row, kind: str) -> list[str]:
    """The ids of the *kind* objects *row* is associated with (``associations.<kind>.results``)."""
    found = row.record.get("associations")
    if found is None:
        return []
    if isinstance(found, Mapping):
        group = found.get(kind)
        if group is None:
            return []
        results = group.get("results") if isinstance(group, Mapping) else None
        if isinstance(results, Sequence) and not isinstance(results, (str, bytes)):
            ids = [str(x["id"]) for x in results if isinstance(x, Mapping) and _is_id(x.get("id"))]
            if len(ids) == len(results):
                return ids
    message = f"got {describe(found)}; expected {{{kind!r}: {{'results': [{{'id': …}}]}}}}"
    row.builder.problems.append(
        ErrorItem(path=row.at("associations"), message=message, code="invalid_type")
    )
    return []


def _company_of(r: _Reading, row: Row, then: str) -> str | None:
    companies = _associated(row, "companies")
    if not companies:
        r.b.skip(row, "associated with no company")
        return None
    customers = [c for c in companies if c in r.customers]
    if not customers:
        if companies[0] in r.companies:
            r.b.skip(row, f"its company {companies[0]} is no customer in the draft")
        else:
            r.b.unknown_reference(row, "associations", companies[0], "the company", then)
        return None
    return customers[0]


def _contacts(r: _Reading, rows: list[Row]) -> None:
    for row in rows:
        parts = [row.text("firstname"), row.text("lastname")]
        name = " ".join(p for p in parts if p) or None
        by_title = title_role(row.text("jobtitle"), r.tables["contact_titles"])
        by_property = _buying_role(r, row)  # read even where the title decides: it may be unmapped
        role, source = (by_title, "jobtitle") if by_title else (by_property, "hs_buying_role")
        company = _company_of(r, row, "the contact is left out")
        if company is None:
            continue
        if role is None or name is None:
            r.b.skip(row, "no buying role: no purchasing title and no mapped hs_buying_role")
            continue
        entity = {
            "id": f"P{row.id}",
            "customer": _company_id(company),
            "name": name,
            "buying_role": role,
        }
        r.b.add(
            "stakeholders",
            entity,
            row,
            {"customer": "associations", "name": "firstname", "buying_role": source},
        )


def _buying_role(r: _Reading, row: Row) -> str | None:
    text = row.text("hs_buying_role")
    if text is None:
        return None
    found: set[str] = set()
    table = r.tables["buying_roles"]
    for value in (v.strip() for v in text.split(";") if v.strip()):
        role = table.get(value)
        if value not in table:
            r.b.unmapped_value(row, "hs_buying_role", value, "buying_roles", "it is no evidence")
        elif role is not None:
            found.add(role)
    if len(found) > 1:
        message = (
            f"contact {row.id} has the buying roles {', '.join(sorted(found))}, "
            "which disagree; the contact is left out"
        )
        r.b.conflicts.append(
            ErrorItem(
                path=row.at("hs_buying_role"), message=message, code="conflicting_buying_roles"
            )
        )
        return None
    return found.pop() if found else None


def _deals(r: _Reading, rows: list[Row]) -> None:
    then = "the deal is left out"
    for row in rows:
        state, stage = row.pick("dealstage", r.tables["stages"], "stages", then)
        if state in {"empty", "ignored"}:
            r.b.unmapped_value(row, "dealstage", row.text("dealstage") or "", "stages", then)
        owner = row.text("hubspot_owner_id")
        value = row.money("amount", currency_field="deal_currency_code")
        company = _company_of(r, row, then)
        if company is None or stage is None:
            continue
        if owner is None or owner not in r.members:
            if owner is None:
                r.b.unmapped_value(row, "hubspot_owner_id", "", "owners", then)
            else:
                r.b.unknown_reference(row, "hubspot_owner_id", owner, "the owner", then)
            continue
        entity: dict[str, Any] = {
            "id": f"D{row.id}",
            "customer": _company_id(company),
            "stage": stage,
            "owner": _owner_id(owner),
        }
        if value is not None:
            entity["value"] = value
        fields = {
            "customer": "associations",
            "stage": "dealstage",
            "owner": "hubspot_owner_id",
            "value": "amount",
        }
        r.b.add("deals", entity, row, fields)
