"""Salesforce records to a draft portfolio, and account team members back.

Pass the records as your client returns them (REST query results with their
``attributes`` envelope, as a list or as the whole query response with its
``records``, or Data Loader CSV rows read by ``csv.DictReader``, where every
value is a string and an empty string is null), by object name::

    draft = salesforce.draft({"User": [...], "Account": [...], ...}, currency="EUR")

Field names and standard picklist values are those of Salesforce's Object
Reference (developer.salesforce.com/docs/platform/object-reference): User
(``Name``, ``FirstName``, ``LastName``, ``Title``, ``IsActive``); Account
(``Name``, ``Type``, ``AnnualRevenue``, ``NumberOfEmployees``,
``CurrencyIsoCode``, ``IsDeleted``); AccountTeamMember (``AccountId``,
``UserId``, ``TeamMemberRole``); Contact (``AccountId``, ``Title``);
Opportunity (``AccountId``, ``OwnerId``, ``StageName``, ``IsClosed``,
``IsWon``, ``Amount``); OpportunityContactRole (``OpportunityId``,
``ContactId``, ``Role``); Lead (``Company``, ``Status``, ``LeadSource``,
``IsConverted``, ``OwnerId``, ``CreatedDate``); Contract (``AccountId``,
``Status``, ``StartDate``, ``ContractTerm``, ``CompanySignedId``).

How each becomes the wire format:

- **Team**: every user with evidence of a sales role. The role comes from the
  ``Title`` (:func:`~salesroles.classify_title`) where that names one, else
  from the user's account team roles where they agree; where they disagree,
  the role is left out and the conflict listed (S0.2).
- **Customers**: accounts whose ``Type`` the ``account_type`` table maps to a
  status (``Customer - Direct``, ``Customer - Channel``: ``active``);
  prospects and partners are skipped. The segment comes from
  ``NumberOfEmployees`` (fewer than 50 small, fewer than 250 medium, as the
  EU's definition of SMEs has it).
- **Key accounts**: customers with an ``Account Manager`` on their account
  team; that user is the manager (two different ones are a conflict).
- **Stakeholders**: contacts of customers with a buying role: purchasing
  from the title (Einkauf, Einkäufer, Procurement, Purchasing, Buyer), else
  from their opportunity contact roles where those agree.
- **Deals**: opportunities of customers; ``IsWon`` and ``IsClosed`` decide
  won and lost, the ``StageName`` of the standard sales process the rest.
- **Leads**, and **contracts** in force (``Status`` ``Activated``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, Final

import attrs

from salesroles import Portfolio
from salesroles._model.arguments import read_instance
from salesroles._model.messages import error_item, phrase, template

from ._build import (
    BUYING_ROLES,
    CUSTOMER_STATUSES,
    DEAL_STAGES,
    LEAD_SOURCES,
    LEAD_STATUSES,
    ROLES,
    THE_ACCOUNT,
    THE_CONTACT,
    THE_OWNER,
    THE_USER,
    THEN_ACCOUNT,
    THEN_CONTRACT,
    THEN_LEAD,
    THEN_LEAD_NO_OWNER,
    THEN_OPPORTUNITY,
    THEN_ROW_NO_EVIDENCE,
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
    from collections.abc import Mapping
    from datetime import date, tzinfo

    from ._build import Message
    from ._draft import Draft

__all__ = ["DEFAULTS", "OBJECTS", "draft", "team_members"]

# Why a record is left out (Skipped.reason and Skipped.code).
_NOT_A_CUSTOMER: Final = template(
    "skipped.account_no_customer", "its account {account} is no customer in the draft"
)
_DELETED: Final = template("skipped.deleted", "deleted (IsDeleted is true)")
_TYPE: Final = template("skipped.account_type", "Type {type!r} is no customer")
_NO_TEAM_ROLE: Final = template("skipped.no_team_role", "no TeamMemberRole")
_TEAM_ROLE: Final = template("skipped.team_role", "team role {role!r} carries no sales role")
_NO_SALES_ROLE: Final = template(
    "skipped.no_sales_role.salesforce",
    "no sales role: neither the title nor an account team role names one",
)
_NO_CONTACT_ROLE: Final = template("skipped.no_contact_role", "no contact role")
_ROLE_TO_NOTHING: Final = template("skipped.role_to_nothing", "a role mapped to nothing")
_NO_ACCOUNT: Final = template("skipped.no_account", "no account")
_ACCOUNT_NO_CUSTOMER: Final = template(
    "skipped.account_not_customer", "its account {account} is no customer"
)
_NO_BUYING_ROLE: Final = template(
    "skipped.no_buying_role.salesforce",
    "no buying role: no purchasing title and no mapped contact role",
)
_NOT_IN_FORCE: Final = template("skipped.contract_status", "Status {status!r}: not in force")
# What a piece of evidence was evidence of (Draft.placed).
_ROLE_OF: Final = template("interop.evidence.role", "evidence of the role of {member}")
_BUYING_ROLE_OF: Final = template(
    "interop.evidence.buying_role", "evidence of the buying role of {contact}"
)
# Evidence that disagrees (Draft.conflicts).
_MANAGERS: Final = template(
    "interop.conflicting_managers",
    "account {account} has {count} account managers on its team ({users:joined}); "
    "the manager is left out",
)
_CONTACT_ROLES: Final = template(
    "interop.conflicting_contact_roles",
    "contact {contact} has the contact roles {roles:joined}, which disagree; "
    "the contact is left out",
)
_NO_EVIDENCE: Final = phrase(
    "interop.then.contact_role_no_evidence", "the contact role is no evidence"
)

#: The objects :func:`draft` reads, in the order it reads them.
OBJECTS = (
    "User", "Account", "AccountTeamMember", "Contact", "Opportunity",
    "OpportunityContactRole", "Lead", "Contract",
)  # fmt: skip

#: Salesforce's standard picklist values, each mapped to the wire format; None
#: means "deliberately ignored". ``mapping=`` is merged over these tables.
DEFAULTS: dict[str, dict[str, str | None]] = {
    # AccountTeamMember.TeamMemberRole, the standard team roles.
    "team_roles": {
        "Account Manager": "account_manager",
        "Sales Rep": "sales_rep",
        "Sales Manager": "sales_manager",
        "Lead Qualifier": None,
        "Pre-Sales Consultant": None,
        "Channel Manager": None,
        "Executive Sponsor": None,
    },
    # OpportunityContactRole.Role; "Other" says nothing and is left unmapped.
    "contact_roles": {
        "Business User": "user",
        "Decision Maker": "senior_executive",
        "Economic Buyer": "senior_executive",
        "Economic Decision Maker": "senior_executive",
        "Evaluator": "influencer",
        "Executive Sponsor": "senior_executive",
        "Influencer": "influencer",
        "Technical Buyer": "technical_decision_maker",
    },
    # Words of a contact's Title that make a purchasing manager (S4.1).
    "contact_titles": {
        "Einkauf": "purchasing_manager",
        "Einkäufer": "purchasing_manager",
        "Procurement": "purchasing_manager",
        "Purchasing": "purchasing_manager",
        "Buyer": "purchasing_manager",
    },
    # Opportunity.StageName of the standard sales process, for open opportunities.
    "stages": {
        "Prospecting": "qualification",
        "Qualification": "qualification",
        "Needs Analysis": "qualification",
        "Value Proposition": "proposal",
        "Id. Decision Makers": "proposal",
        "Perception Analysis": "proposal",
        "Proposal/Price Quote": "proposal",
        "Negotiation/Review": "negotiation",
        "Closed Won": "won",
        "Closed Lost": "lost",
    },
    # Lead.Status, the standard lead process.
    "lead_status": {
        "Open - Not Contacted": "new",
        "Working - Contacted": "contacted",
        "Closed - Converted": "converted",
        "Closed - Not Converted": "disqualified",
    },
    # Lead.LeadSource; "Other" is left unmapped. Map "" to give empty sources one.
    "lead_source": {
        "Web": "inbound",
        "Phone Inquiry": "inbound",
        "Partner Referral": "partner",
        "Purchased List": "outbound",
        "Advertisement": "marketing",
        "Employee Referral": "referral",
        "External Referral": "referral",
        "Partner": "partner",
        "Public Relations": "marketing",
        "Seminar - Internal": "event",
        "Seminar - Partner": "partner",
        "Trade Show": "event",
        "Word of mouth": "referral",
    },
    # Account.Type: customers are active; prospects and partners are no customers.
    "account_type": {
        "Customer - Direct": "active",
        "Customer - Channel": "active",
        "Prospect": None,
        "Channel Partner / Reseller": None,
        "Installation Partner": None,
        "Technology Partner": None,
        "Other": None,
    },
    # Contract.Status: only an activated contract is in force.
    "contract_status": {"Activated": "active", "Draft": None, "In Approval Process": None},
    # The company's own job titles (classify_title's aliases), empty by default.
    "titles": {},
}

_ALLOWED = {
    "team_roles": ROLES,
    "contact_roles": BUYING_ROLES,
    "contact_titles": BUYING_ROLES,
    "stages": DEAL_STAGES,
    "lead_status": LEAD_STATUSES,
    "lead_source": LEAD_SOURCES,
    "account_type": CUSTOMER_STATUSES,
    "contract_status": frozenset({"active"}),
    "titles": ROLES,
}


@attrs.define
class _Reading:
    """One call of :func:`draft`: the builder, the tables, and what is known so far."""

    b: Builder
    tables: Tables
    accounts: set[str] = attrs.Factory(set)
    customers: set[str] = attrs.Factory(set)
    members: set[str] = attrs.Factory(set)
    # The account team rows that are evidence: (row, user, account, wire role, label).
    team: list[tuple[Row, str, str, str, str]] = attrs.Factory(list)

    def pick(self, row: Row, field: str, table: str, then: Message) -> tuple[str, str | None]:
        return row.pick(field, self.tables[table], table, then)

    def account_of(self, row: Row, field: str, then: Message) -> str | None:
        """The customer *field* names; else the row is reported or skipped, and None."""
        account = row.text(field, required=True)
        if account is None or account in self.customers:
            return account
        if account in self.accounts:
            self.b.skip(row, _NOT_A_CUSTOMER, account=account)
        else:
            self.b.unknown_reference(row, field, account, THE_ACCOUNT, then)
        return None


def draft(  # noqa: PLR0913 - the keywords are the user's decisions
    records: Mapping[str, Any],
    *,
    currency: str,
    as_of: date | str | None = None,
    tz: str | tzinfo = "UTC",
    mapping: Mapping[str, Mapping[str, str | None]] | None = None,
    roles: Mapping[str, str] | None = None,
) -> Draft:
    """Read Salesforce records into a :class:`~salesroles.interop.Draft`.

    Args:
        records: Object name to its records (REST records or Data Loader CSV
            rows): any of :data:`OBJECTS`.
        currency: The ISO 4217 code of the portfolio and of amounts that name none.
        as_of: The day the portfolio is judged at, written into the draft.
        tz: The time zone in which timestamps become days (default UTC).
        mapping: Tables merged over :data:`DEFAULTS` (a value mapped to None
            is ignored on purpose).
        roles: The user's own answer: user id to wire role, for people whose
            evidence disagrees (or whose title you know better).

    Returns:
        The draft; nothing is guessed and no record is dropped silently.

    Raises:
        ValidationError: Every bad input at once, each at its source path
            (``Account[3].AnnualRevenue``), or a bad argument.

    >>> d = draft({"User": [{"Id": "005A", "Name": "Ann Meyer", "Title": "Key Account Manager"}]},
    ...           currency="EUR")
    >>> d.data["team"][0]["role"]
    'account_manager'
    >>> d.source_of("team[0].role")
    ('User', '005A', 'Title')
    """
    tables = merge_tables(DEFAULTS, mapping, _ALLOWED)
    b = Builder("salesforce", currency=currency, as_of=as_of, tz=tz)
    rows = b.tables(records, OBJECTS, envelope="records")
    live = {name: _not_deleted(b, b.unique(rows[name], "Id")) for name in OBJECTS}
    r = _Reading(b, tables)
    _customers(r, live["Account"])
    _team_rows(r, live["AccountTeamMember"])
    _team(r, live["User"], read_roles(roles))
    _key_accounts(r)
    _stakeholders(
        r, live["Contact"], _buying_roles(r, live["OpportunityContactRole"], live["Contact"])
    )
    _deals(r, live["Opportunity"])
    _leads(r, live["Lead"])
    _contracts(r, live["Contract"])
    return b.finish()


def _not_deleted(b: Builder, rows: list[Row]) -> list[Row]:
    kept = []
    for row in rows:
        if row.flag("IsDeleted"):
            b.skip(row, _DELETED)
        else:
            kept.append(row)
    return kept


def _name(row: Row) -> str | None:
    name = row.text("Name")
    if name is None:
        parts = [row.text("FirstName"), row.text("LastName")]
        name = " ".join(p for p in parts if p) or None
    if name is None:
        row.text("Name", required=True)
    return name


def _customers(r: _Reading, rows: list[Row]) -> None:
    r.accounts.update(row.id for row in rows)
    for row in rows:
        name = _name(row)
        state, status = r.pick(row, "Type", "account_type", THEN_ACCOUNT)
        if state == "ignored":
            r.b.skip(row, _TYPE, type=row.text("Type"))
            continue
        if state == "empty":
            r.b.unmapped_value(row, "Type", "", "account_type", THEN_ACCOUNT)
        employees = row.count("NumberOfEmployees")
        revenue = row.money("AnnualRevenue", currency_field="CurrencyIsoCode")
        if status is None or name is None:
            continue
        entity: dict[str, Any] = {"id": row.id, "name": name, "status": status}
        if employees is not None:
            entity["segment"] = segment_of(employees)
        else:
            r.b.unmapped_value(row, "NumberOfEmployees", None, "segment", THEN_SEGMENT)
        if revenue is not None:
            entity["annual_revenue"] = revenue
        fields = {"name": "Name", "status": "Type", "segment": "NumberOfEmployees"}
        r.b.add("customers", entity, row, {**fields, "annual_revenue": "AnnualRevenue"})
        r.customers.add(row.id)


def _team_rows(r: _Reading, rows: list[Row]) -> None:
    for row in rows:
        account = row.text("AccountId", required=True)
        user = row.text("UserId", required=True)
        then = THEN_ROW_NO_EVIDENCE
        state, role = r.pick(row, "TeamMemberRole", "team_roles", then)
        if account is None or user is None or state == "unmapped":
            continue
        if state == "empty":
            r.b.skip(row, _NO_TEAM_ROLE)
        elif state == "ignored":
            r.b.skip(row, _TEAM_ROLE, role=row.text("TeamMemberRole"))
        elif account not in r.accounts:
            r.b.unknown_reference(row, "AccountId", account, THE_ACCOUNT, then)
        elif role is not None:
            r.team.append((row, user, account, role, row.text("TeamMemberRole") or ""))


def _team(r: _Reading, rows: list[Row], decided: Mapping[str, str] | None) -> None:
    users = {row.id for row in rows}
    for row, user, *_ in r.team:
        if user not in users:
            r.b.unknown_reference(row, "UserId", user, THE_USER, THEN_ROW_NO_EVIDENCE)
    evidence = []
    for row, user, account, role, label in r.team:
        if user in users:
            evidence.append(Evidence(member=user, role=role, label=label, subject=account))
            r.b.evidence(row, _ROLE_OF, member=user)
    people = {row.id: (row.path, row.text("Title"), _name(row) or row.id) for row in rows}
    roles, conflicts = decide_roles(people, evidence, aliases=r.tables["titles"], decided=decided)
    r.b.conflicts.extend(conflicts)
    for row in rows:
        if row.id not in roles:
            r.b.skip(row, _NO_SALES_ROLE)
            continue
        _, title, name = people[row.id]
        decided_role, how = roles[row.id]
        entity: dict[str, Any] = {"id": row.id, "name": name}
        if decided_role is not None:
            entity["role"] = decided_role
        if title:
            entity["title"] = title
        source = {"title": "Title", "team": "AccountTeamMember.TeamMemberRole"}.get(how, "Id")
        r.b.add("team", entity, row, {"name": "Name", "title": "Title", "role": source})
        r.members.add(row.id)


def _key_accounts(r: _Reading) -> None:
    managers: dict[str, list[tuple[Row, str]]] = defaultdict(list)
    for row, user, account, role, _ in r.team:
        if role == "account_manager" and account in r.customers:
            managers[account].append((row, user))
    for account, found in managers.items():
        entity: dict[str, Any] = {"customer": account}
        users = sorted({user for _, user in found if user in r.members})
        row = found[0][0]
        if len(users) == 1:
            entity["manager"] = users[0]
            row = next(row for row, user in found if user == users[0])
        elif users:
            r.b.conflicts.append(
                error_item(
                    row.path,
                    "conflicting_managers",
                    _MANAGERS,
                    account=account,
                    count=len(users),
                    users=users,
                )
            )
        r.b.add("key_accounts", entity, row, {"customer": "AccountId", "manager": "UserId"})


def _buying_roles(r: _Reading, rows: list[Row], contacts: list[Row]) -> dict[str, set[str]]:
    """The buying roles the opportunity contact roles give each contact."""
    known = {row.id for row in contacts}
    found: dict[str, set[str]] = defaultdict(set)
    then = _NO_EVIDENCE
    for row in rows:
        contact = row.text("ContactId", required=True)
        state, role = r.pick(row, "Role", "contact_roles", then)
        if contact is None or state == "unmapped":
            continue
        if state in {"empty", "ignored"}:
            r.b.skip(row, _NO_CONTACT_ROLE if state == "empty" else _ROLE_TO_NOTHING)
        elif contact not in known:
            r.b.unknown_reference(row, "ContactId", contact, THE_CONTACT, then)
        elif role is not None:
            found[contact].add(role)
            r.b.evidence(row, _BUYING_ROLE_OF, contact=contact)
    return found


def _stakeholders(r: _Reading, rows: list[Row], buying_roles: Mapping[str, set[str]]) -> None:
    for row in rows:
        account = row.text("AccountId")
        name = _name(row)
        if account is None:
            r.b.skip(row, _NO_ACCOUNT)
            continue
        if account not in r.customers:
            r.b.skip(row, _ACCOUNT_NO_CUSTOMER, account=account)
            continue
        role = title_role(row.text("Title"), r.tables["contact_titles"])
        source = "Title"
        if role is None:
            found = buying_roles.get(row.id, set())
            if len(found) > 1:
                r.b.conflicts.append(
                    error_item(
                        row.path,
                        "conflicting_buying_roles",
                        _CONTACT_ROLES,
                        contact=row.id,
                        roles=sorted(found),
                    )
                )
                continue
            role, source = (found.pop() if found else None), "OpportunityContactRole.Role"
        if role is None:
            r.b.skip(row, _NO_BUYING_ROLE)
        if role is None or name is None:
            continue
        entity = {"id": row.id, "customer": account, "name": name, "buying_role": role}
        fields = {"customer": "AccountId", "name": "Name", "buying_role": source}
        r.b.add("stakeholders", entity, row, fields)


def _stage(r: _Reading, row: Row) -> tuple[str | None, str]:
    """The deal stage of an opportunity and the field that says it."""
    if row.flag("IsWon"):
        return "won", "IsWon"
    if row.flag("IsClosed"):
        return "lost", "IsClosed"
    then = THEN_OPPORTUNITY
    state, stage = r.pick(row, "StageName", "stages", then)
    if state in {"empty", "ignored"}:
        r.b.unmapped_value(row, "StageName", row.text("StageName") or "", "stages", then)
    return stage, "StageName"


def _deals(r: _Reading, rows: list[Row]) -> None:
    then = THEN_OPPORTUNITY
    for row in rows:
        owner = row.text("OwnerId", required=True)
        stage, field = _stage(r, row)
        value = row.money("Amount", currency_field="CurrencyIsoCode")
        account = r.account_of(row, "AccountId", then)
        if account is None or owner is None or stage is None:
            continue
        if owner not in r.members:
            r.b.unknown_reference(row, "OwnerId", owner, THE_OWNER, then)
            continue
        entity: dict[str, Any] = {
            "id": row.id,
            "customer": account,
            "stage": stage,
            "owner": owner,
        }
        if value is not None:
            entity["value"] = value
        fields = {"customer": "AccountId", "stage": field, "owner": "OwnerId", "value": "Amount"}
        r.b.add("deals", entity, row, fields)


def _leads(r: _Reading, rows: list[Row]) -> None:
    then = THEN_LEAD
    for row in rows:
        company = row.text("Company", required=True)
        converted = row.flag("IsConverted")
        picked = {"LeadSource": r.pick(row, "LeadSource", "lead_source", then)}
        picked["Status"] = (
            ("mapped", "converted") if converted else r.pick(row, "Status", "lead_status", then)
        )
        for field, (state, _) in picked.items():
            if state in {"empty", "ignored"}:
                table = "lead_source" if field == "LeadSource" else "lead_status"
                r.b.unmapped_value(row, field, row.text(field) or "", table, then)
        source, status = picked["LeadSource"][1], picked["Status"][1]
        created = row.day("CreatedDate")
        if company is None or status is None or source is None:
            continue
        entity: dict[str, Any] = {
            "id": row.id,
            "company": company,
            "source": source,
            "status": status,
        }
        owner = row.text("OwnerId")
        if owner is not None and owner in r.members:
            entity["owner"] = owner
        elif owner is not None:
            r.b.unknown_reference(row, "OwnerId", owner, THE_OWNER, THEN_LEAD_NO_OWNER)
        if created is not None:
            entity["created_on"] = created
        fields = {"company": "Company", "source": "LeadSource", "owner": "OwnerId"}
        fields |= {"created_on": "CreatedDate", "status": "IsConverted" if converted else "Status"}
        r.b.add("leads", entity, row, fields)


def _contracts(r: _Reading, rows: list[Row]) -> None:
    then = THEN_CONTRACT
    for row in rows:
        state, _ = r.pick(row, "Status", "contract_status", then)
        start = row.day("StartDate")
        term = row.count("ContractTerm")
        if state in {"empty", "ignored"}:
            r.b.skip(row, _NOT_IN_FORCE, status=row.text("Status"))
            continue
        account = r.account_of(row, "AccountId", then)
        if account is None or state != "mapped":
            continue
        if start is None or term is None:
            missing = "StartDate" if start is None else "ContractTerm"
            r.b.unmapped_value(row, missing, None, "contract", then)
            continue
        entity: dict[str, Any] = {
            "id": row.id,
            "customer": account,
            "start": start,
            "term_months": term,
        }
        signed = row.text("CompanySignedId")
        if signed is not None and signed in r.members:
            entity["negotiated_by"] = signed
        fields = {"customer": "AccountId", "start": "StartDate", "term_months": "ContractTerm"}
        r.b.add("contracts", entity, row, {**fields, "negotiated_by": "CompanySignedId"})


def team_members(portfolio: Portfolio, *, role: str = "Account Manager") -> list[dict[str, str]]:
    """AccountTeamMember rows for the key accounts' managers: what to load back.

    One row per key account with a manager: ``AccountId``, ``UserId`` and
    ``TeamMemberRole`` (*role*), ready for Data Loader or the REST API.

    Raises:
        ValidationError: *portfolio* is no Portfolio.

    >>> from salesroles.testing import sample_portfolio
    >>> team_members(sample_portfolio())[0]
    {'AccountId': 'C-ACME', 'UserId': 'ann', 'TeamMemberRole': 'Account Manager'}
    """
    read_instance(portfolio, Portfolio, "portfolio")
    return [
        {"AccountId": account.customer, "UserId": account.manager, "TeamMemberRole": role}
        for account in portfolio.key_accounts
        if account.manager is not None
    ]
