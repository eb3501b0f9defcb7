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
from typing import TYPE_CHECKING, Any, Final

import attrs

from salesroles._model.messages import error_item, phrase, problem, said, template, wrong

from ._build import (
    BUYING_ROLES,
    CUSTOMER_STATUSES,
    DEAL_STAGES,
    LEAD_SOURCES,
    LEAD_STATUSES,
    ROLES,
    THE_COMPANY,
    THE_OWNER,
    THEN_COMPANY,
    THEN_CONTACT,
    THEN_DEAL,
    THEN_LEAD,
    THEN_NO_EVIDENCE,
    THEN_NO_OWNER,
    THEN_SEGMENT,
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

    from ._build import Message
    from ._draft import Draft

__all__ = ["DEFAULTS", "OBJECTS", "draft"]

# Why a record is left out (Skipped.reason and Skipped.code).
_ARCHIVED: Final = template("skipped.archived", "archived")
_NO_SALES_ROLE: Final = template(
    "skipped.no_sales_role.hubspot", "no sales role: no team of the owner maps to one"
)
_NEITHER: Final = template(
    "skipped.lifecyclestage", "lifecyclestage {stage!r} is neither customer nor lead"
)
_NO_COMPANY: Final = template("skipped.no_company", "associated with no company")
_COMPANY_NO_CUSTOMER: Final = template(
    "skipped.company_no_customer", "its company {company} is no customer in the draft"
)
_NO_BUYING_ROLE: Final = template(
    "skipped.no_buying_role.hubspot",
    "no buying role: no purchasing title and no mapped hs_buying_role",
)
# Bad arguments and input.
_COMPANY_IDS: Final = phrase("expected.interop.company_ids", "a list of company ids")
_COMPANY_ID: Final = phrase("expected.interop.company_id", "a company id")
_TEAM: Final = phrase("expected.interop.team", "a team with a name")
# An example in HubSpot's own notation: the same in every language.
_ASSOCIATIONS: Final = template("expected.interop.associations", "{example}")
_NO_CUSTOMER_IN_DRAFT: Final = template(
    "interop.not_a_customer.hubspot",
    "names company {company!r}, which is no customer in the draft; expected the id of a customer",
)
_NOT_A_COMPANY: Final = template(
    "interop.not_a_company",
    "names company {company!r}, which is not among the companies; expected the id of a customer",
)
# Evidence that disagrees.
_BUYING_ROLES: Final = template(
    "interop.conflicting_buying_roles",
    "contact {contact} has the buying roles {roles:joined}, which disagree; "
    "the contact is left out",
)

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
        raise problem("key_accounts", value, _COMPANY_IDS)
    ids = []
    for i, item in enumerate(value):
        if isinstance(item, bool) or not isinstance(item, (str, int)):
            b.problems.append(wrong(f"key_accounts[{i}]", item, _COMPANY_ID))
        else:
            ids.append(str(item))
    return ids


def _not_archived(b: Builder, rows: list[Row]) -> list[Row]:
    kept = []
    for row in rows:
        if row.flag("archived"):
            b.skip(row, _ARCHIVED)
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
            row.builder.problems.append(wrong(f"{row.at('teams')}[{i}]", team, _TEAM))
        else:
            names.append(name)
    return names


def _owners(r: _Reading, rows: list[Row], decided: Mapping[str, str] | None) -> None:
    evidence = []
    for row in rows:
        for i, team in enumerate(_teams(row)):
            role = r.tables["teams"].get(team)
            if team not in r.tables["teams"]:
                got = said("value.text", value=team)  # the whole name, as it is
                r.b.unmapped_said(f"{row.at('teams')}[{i}].name", got, "teams", THEN_NO_EVIDENCE)
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
            r.b.skip(row, _NO_SALES_ROLE)
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
    then = THEN_COMPANY
    keys = frozenset(key_accounts)  # looked up once per company: a set, not the list
    for row in rows:
        r.companies.add(row.id)
        name = row.text("name", required=True)
        stage = row.text("lifecyclestage") or ""
        owner = row.text("hubspot_owner_id")
        if owner is not None and owner not in r.members:
            r.b.unknown_reference(row, "hubspot_owner_id", owner, THE_OWNER, THEN_NO_OWNER)
            owner = None
        status = r.tables["customer_stages"].get(stage)
        lead_status = r.tables["lead_stages"].get(stage)
        if status is not None:
            _customer(r, row, name=name, status=status, owner=owner, key=row.id in keys)
        elif lead_status is not None:
            _lead(r, row, name, lead_status, owner)
        elif stage in r.tables["customer_stages"] or stage in r.tables["lead_stages"]:
            r.b.skip(row, _NEITHER, stage=stage)
        else:
            r.b.unmapped_value(row, "lifecyclestage", stage, "customer_stages", then)
    for i, company in enumerate(key_accounts):
        if company not in r.customers:
            text = _NO_CUSTOMER_IN_DRAFT if company in r.companies else _NOT_A_COMPANY
            r.b.problems.append(
                error_item(f"key_accounts[{i}]", "not_a_customer", text, company=company)
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
        r.b.unmapped_value(row, "numberofemployees", None, "segment", THEN_SEGMENT)
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
        "hs_analytics_source", r.tables["lead_source"], "lead_source", THEN_LEAD
    )
    if state in {"empty", "ignored"}:
        value = row.text("hs_analytics_source") or ""
        r.b.unmapped_value(row, "hs_analytics_source", value, "lead_source", THEN_LEAD)
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
    example = f"{{{kind!r}: {{'results': [{{'id': …}}]}}}}"
    row.builder.problems.append(
        wrong(row.at("associations"), found, said(_ASSOCIATIONS, example=example))
    )
    return []


def _company_of(r: _Reading, row: Row, then: Message) -> str | None:
    companies = _associated(row, "companies")
    if not companies:
        r.b.skip(row, _NO_COMPANY)
        return None
    customers = [c for c in companies if c in r.customers]
    if not customers:
        if companies[0] in r.companies:
            r.b.skip(row, _COMPANY_NO_CUSTOMER, company=companies[0])
        else:
            r.b.unknown_reference(row, "associations", companies[0], THE_COMPANY, then)
        return None
    return customers[0]


def _contacts(r: _Reading, rows: list[Row]) -> None:
    for row in rows:
        parts = [row.text("firstname"), row.text("lastname")]
        name = " ".join(p for p in parts if p) or None
        by_title = title_role(row.text("jobtitle"), r.tables["contact_titles"])
        by_property = _buying_role(r, row)  # read even where the title decides: it may be unmapped
        role, source = (by_title, "jobtitle") if by_title else (by_property, "hs_buying_role")
        company = _company_of(r, row, THEN_CONTACT)
        if company is None:
            continue
        if role is None or name is None:
            r.b.skip(row, _NO_BUYING_ROLE)
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
            r.b.unmapped_value(row, "hs_buying_role", value, "buying_roles", THEN_NO_EVIDENCE)
        elif role is not None:
            found.add(role)
    if len(found) > 1:
        r.b.conflicts.append(
            error_item(
                row.at("hs_buying_role"),
                "conflicting_buying_roles",
                _BUYING_ROLES,
                contact=row.id,
                roles=sorted(found),
            )
        )
        return None
    return found.pop() if found else None


def _deals(r: _Reading, rows: list[Row]) -> None:
    then = THEN_DEAL
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
                r.b.unknown_reference(row, "hubspot_owner_id", owner, THE_OWNER, then)
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
