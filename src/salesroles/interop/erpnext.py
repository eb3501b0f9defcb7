"""ERPNext REST documents to a draft portfolio.

Pass the documents as ``GET /api/resource/<DocType>/<name>`` returns them
(``data``, with child tables inline; a list response ``{"data": [...]}`` may
be passed as it is), by doctype::

    draft = erpnext.draft({"Sales Person": [...], "Customer": [...], ...}, currency="EUR")

Field names are those of ERPNext's doctype definitions (frappe/erpnext,
``erpnext/*/doctype/*/*.json``): Sales Person (``name``,
``sales_person_name``, ``parent_sales_person``, ``is_group``, ``enabled``,
``employee``, and its ``targets`` table of Target Detail: ``fiscal_year``,
``target_amount``); Employee (``employee_name``, ``designation``,
``user_id``); Customer (``customer_name``, ``market_segment``, ``disabled``,
``account_manager``, its ``sales_team`` table); Contact (``first_name``,
``last_name``, ``designation``, its ``links`` table); Opportunity
(``opportunity_from``, ``party_name``, ``status``, ``sales_stage``,
``opportunity_owner``, ``opportunity_amount``, ``currency``); Contract
(``party_type``, ``party_name``, ``status``, ``start_date``, ``end_date``);
Sales Order (``customer``, ``transaction_date``, ``grand_total``,
``currency``, ``docstatus``, ``owner``); Fiscal Year (``year_start_date``,
``year_end_date``).

How each becomes the wire format:

- **Team**: sales persons that are no group, their ids prefixed ``SP:``
  (ERPNext's names are unique per doctype only, and a sole trader may share
  a name with a sales person); ``roles=`` takes the sales person's name. The role comes from the
  employee's ``designation`` (:func:`~salesroles.classify_title`) where that
  names one; else from evidence that agrees (the ``evidence`` table): being
  a customer's ``account_manager`` (account manager), in a customer's
  ``sales_team`` or having ``targets`` (sales rep, S3.2), being the
  ``parent_sales_person`` of others (sales manager).
  Users (``account_manager``, ``opportunity_owner``, a document's ``owner``)
  are matched to sales persons through their employee's ``user_id``.
- **Customers**: enabled customers; the segment comes from the
  ``market_segment`` through the ``segments`` table (market segments are the
  company's own, so map yours); the annual revenue is the sum of submitted
  sales orders of the year up to ``as_of``.
- **Key accounts**: customers with an ``account_manager``.
- **Stakeholders**: contacts linked to a customer whose designation names a
  buying role (purchasing by default).
- **Deals**: opportunities from a customer; ``Converted`` is won, ``Lost``
  and ``Closed`` lost, ``Quotation`` a proposal, the rest by ``sales_stage``.
- **Contracts**: active contracts with a customer; the term in months from
  ``start_date`` to ``end_date``. **Orders**: submitted sales orders.
- **Targets**: each sales person's target rows, set by their parent sales person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs
from dateutil.relativedelta import relativedelta

from salesroles._model.messages import phrase, template, wrong

from ._build import (
    BUYING_ROLES,
    DEAL_STAGES,
    ROLES,
    THE_CUSTOMER,
    THE_FISCAL_YEAR,
    THE_USER,
    THEN_CONTRACT,
    THEN_NO_MANAGER,
    THEN_OPPORTUNITY,
    THEN_ORDER,
    THEN_SEGMENT,
    THEN_TARGET,
    Builder,
    Row,
    Tables,
    merge_tables,
    read_roles,
    sum_of_money,
    title_role,
)
from ._roles import Evidence, decide_roles

if TYPE_CHECKING:
    from datetime import tzinfo

    from ._build import Message
    from ._draft import Draft

__all__ = ["DEFAULTS", "OBJECTS", "draft"]

# Why a record is left out (Skipped.reason and Skipped.code).
_NO_YEAR: Final = template("skipped.no_fiscal_year", "no year_start_date or year_end_date")
_CANCELLED: Final = template("skipped.cancelled", "cancelled (docstatus 2)")
_NOT_SUBMITTED: Final = template("skipped.not_submitted", "a draft, not submitted")
_GROUP: Final = template("skipped.group", "a group of the sales person tree, no person")
_DISABLED: Final = template("skipped.disabled", "disabled")
_NO_PERSON: Final = template("skipped.no_person", "the employee of no sales person")
_NO_SALES_ROLE: Final = template(
    "skipped.no_sales_role.erpnext",
    "no sales role: neither the designation nor any evidence names one",
)
_NOT_LINKED: Final = template("skipped.not_linked", "linked to no customer in the draft")
_NO_BUYING_ROLE: Final = template(
    "skipped.no_buying_role.erpnext", "no buying role: the designation names none"
)
_FROM_PARTY: Final = template(
    "skipped.opportunity_from", "an opportunity from a {origin}, not from a customer"
)
_FROM_NO_PARTY: Final = template(
    "skipped.opportunity_from_nothing",
    "an opportunity from a party of no kind, not from a customer",
)
_CUSTOMER_NO_CUSTOMER: Final = template(
    "skipped.customer_no_customer", "its customer {customer} is no customer in the draft"
)
_NO_CONTRACT: Final = template(
    "skipped.contract",
    "status {status!r} with a party of type {party!r}: no active customer contract",
)
_SET_BY_NO_ONE: Final = template(
    "skipped.set_by_no_one", "set by no one: the parent sales person is no member of the team"
)
# What a piece of evidence was evidence of (Draft.placed).
_FISCAL_YEAR: Final = template(
    "interop.evidence.fiscal_year", "evidence of the fiscal year {year}"
)
_TITLE_OF: Final = template("interop.evidence.title", "evidence of the title of {person}")
# Bad input.
_CHILD_TABLE: Final = phrase("expected.interop.child_table", "a table (a list)")
_CHILD_ROW: Final = phrase("expected.interop.child_row", "a row (a dict)")

#: The doctypes :func:`draft` reads.
OBJECTS = (
    "Sales Person", "Employee", "Customer", "Contact", "Opportunity", "Contract",
    "Sales Order", "Fiscal Year",
)  # fmt: skip

#: ERPNext's standard values, each mapped to the wire format; None means
#: "deliberately ignored". ``mapping=`` is merged over these tables.
DEFAULTS: dict[str, dict[str, str | None]] = {
    # Opportunity.status: the closed ones decide the stage; the open ones defer to sales_stage.
    "opportunity_status": {
        "Converted": "won",
        "Lost": "lost",
        "Closed": "lost",
        "Quotation": "proposal",
        "Open": None,
        "Replied": None,
    },
    # Opportunity.sales_stage: the Sales Stage records ERPNext installs.
    "stages": {
        "Prospecting": "qualification",
        "Qualification": "qualification",
        "Needs Analysis": "qualification",
        "Value Proposition": "proposal",
        "Identifying Decision Makers": "proposal",
        "Perception Analysis": "proposal",
        "Proposal/Price Quote": "proposal",
        "Negotiation/Review": "negotiation",
    },
    # Customer.market_segment: the company's own Market Segment records, none by default.
    "segments": {},
    # Words of a contact's designation that name a buying role (S4.1).
    "contact_titles": {
        "Einkauf": "purchasing_manager",
        "Einkäufer": "purchasing_manager",
        "Procurement": "purchasing_manager",
        "Purchasing": "purchasing_manager",
        "Buyer": "purchasing_manager",
    },
    # The company's own designations (classify_title's aliases), empty by default.
    "titles": {},
    # What a document says of a person's role where the designation does not: being a
    # customer's account_manager, in a customer's sales_team (credited for its sales, S3.2),
    # having targets (S3.2), or being the parent_sales_person of others (S3.2).
    "evidence": {
        "account_manager": "account_manager",
        "sales_team": "sales_rep",
        "targets": "sales_rep",
        "parent_sales_person": "sales_manager",
    },
}

_ALLOWED = {
    "opportunity_status": DEAL_STAGES,
    "stages": DEAL_STAGES,
    "segments": frozenset({"small", "medium", "large"}),
    "contact_titles": BUYING_ROLES,
    "titles": ROLES,
    "evidence": ROLES,
}


def _person(name: str) -> str:
    """The wire id of a sales person: ERPNext's names are unique per doctype only."""
    return f"SP:{name}"


@attrs.define
class _Reading:
    b: Builder
    tables: Tables
    as_of: date | None
    members: set[str] = attrs.Factory(set)
    user_to_member: dict[str, str] = attrs.Factory(dict)
    customers: set[str] = attrs.Factory(set)
    all_customers: set[str] = attrs.Factory(set)
    fiscal_years: dict[str, tuple[str, str]] = attrs.Factory(dict)

    def member_of_user(self, row: Row, field: str, then: Message) -> str | None:
        """The sales person of the user *field* names; else reported, and None."""
        user = row.text(field)
        if user is None:
            return None
        member = self.user_to_member.get(user)
        if member is None:
            self.b.unknown_reference(row, field, user, THE_USER, then)
            return None
        return _person(member)


def draft(  # noqa: PLR0913 - the keywords are the user's decisions
    records: Mapping[str, Any],
    *,
    currency: str,
    as_of: date | str | None = None,
    tz: str | tzinfo = "UTC",
    mapping: Mapping[str, Mapping[str, str | None]] | None = None,
    roles: Mapping[str, str] | None = None,
) -> Draft:
    """Read ERPNext documents into a :class:`~salesroles.interop.Draft`.

    Args:
        records: Doctype to its documents: any of :data:`OBJECTS`.
        currency: The ISO 4217 code of the portfolio and of amounts that name none.
        as_of: The day the portfolio is judged at; the annual revenue of a
            customer is that of the year up to it (without it, no revenue).
        tz: The time zone in which timestamps become days (default UTC).
        mapping: Tables merged over :data:`DEFAULTS`.
        roles: The user's own answer: sales person name to wire role.

    Raises:
        ValidationError: Every bad input at once, each at its source path
            (``Customer[3].account_manager``), or a bad argument.

    >>> person = {"name": "Ann Meyer", "is_group": 0, "enabled": 1, "employee": "HR-EMP-1"}
    >>> employee = {"name": "HR-EMP-1", "designation": "Key Account Manager"}
    >>> d = draft({"Sales Person": [person], "Employee": [employee]}, currency="EUR")
    >>> d.data["team"][0]["id"], d.data["team"][0]["role"], d.source_of("team[0].role")
    ('SP:Ann Meyer', 'account_manager', ('Sales Person', 'Ann Meyer', 'Employee.designation'))
    """
    tables = merge_tables(DEFAULTS, mapping, _ALLOWED)
    b = Builder("erpnext", currency=currency, as_of=as_of, tz=tz)
    rows = b.tables(records, OBJECTS, envelope="data")
    live = {}
    for name in OBJECTS:
        found = b.unique(rows[name], "name")
        for row in found:
            row.id_field = "name"
        live[name] = found
    r = _Reading(b, tables, date.fromisoformat(b.as_of) if b.as_of else None)
    _fiscal_years(r, live["Fiscal Year"])
    orders = _submitted(r, live["Sales Order"])
    _team(r, live["Sales Person"], live["Employee"], live["Customer"], read_roles(roles))
    _customers(r, live["Customer"], orders)
    _stakeholders(r, live["Contact"])
    _deals(r, live["Opportunity"])
    _contracts(r, live["Contract"])
    _orders(r, orders)
    _targets(r, live["Sales Person"])
    return b.finish()


def _children(row: Row, table: str) -> list[Row]:
    """The rows of child *table* of a document (``Customer[3].sales_team[0]``)."""
    value = row.record.get(table)
    if value is None:
        return []
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        row.builder.problems.append(wrong(row.at(table), value, _CHILD_TABLE))
        return []
    children = []
    for i, child in enumerate(value):
        if not isinstance(child, Mapping):
            row.builder.problems.append(wrong(f"{row.at(table)}[{i}]", child, _CHILD_ROW))
            continue
        found = Row(row.builder, f"{row.path}.{table}", i, child)
        found.id, found.id_field = row.id, "name"
        found.source_object, found.field_prefix = row.object, f"{table}[{i}]."
        children.append(found)
    return children


def _fiscal_years(r: _Reading, rows: list[Row]) -> None:
    for row in rows:
        start, end = row.day("year_start_date"), row.day("year_end_date")
        if start is not None and end is not None:
            r.fiscal_years[row.id] = (start, end)
            r.b.evidence(row, _FISCAL_YEAR, year=row.id)
        else:
            r.b.skip(row, _NO_YEAR)


def _submitted(r: _Reading, rows: list[Row]) -> list[Row]:
    kept = []
    for row in rows:
        status = row.count("docstatus")
        if status == 1:
            kept.append(row)
        else:
            r.b.skip(row, _CANCELLED if status == 2 else _NOT_SUBMITTED)
    return kept


def _persons(
    r: _Reading, rows: list[Row], employees: list[Row]
) -> dict[str, tuple[str, str | None, str]]:
    """The sales persons that are people: name to (path, designation, full name)."""
    by_employee = {row.id: row for row in employees}
    people = {}
    for row in rows:
        if row.flag("is_group") and row.text("employee") is None:
            r.b.skip(row, _GROUP)
            continue
        if "enabled" in row.record and not row.flag("enabled"):
            r.b.skip(row, _DISABLED)
            continue
        employee = by_employee.get(row.text("employee") or "")
        title = user = None
        if employee is not None:
            title, user = employee.text("designation"), employee.text("user_id")
            r.b.evidence(employee, _TITLE_OF, person=row.id)
        if user is not None:
            r.user_to_member[user] = row.id
        people[row.id] = (row.path, title, row.text("sales_person_name") or row.id)
    for row in employees:
        if row.path not in r.b.placed:
            r.b.skip(row, _NO_PERSON)
    return people


def _evidence(r: _Reading, persons: list[Row], customers: list[Row]) -> list[Evidence]:
    """What the documents say of each person's role (the ``evidence`` table)."""
    table = r.tables["evidence"]
    evidence = []

    def note(member: str | None, kind: str, subject: str = "") -> None:
        role = table.get(kind)
        if member is not None and role is not None:
            evidence.append(Evidence(member=member, role=role, label=kind, subject=subject))

    names = {row.id for row in persons}
    for row in customers:
        note(r.user_to_member.get(row.text("account_manager") or ""), "account_manager", row.id)
        for member in _children(row, "sales_team"):
            person = member.text("sales_person")
            note(person if person in names else None, "sales_team", row.id)
    for row in persons:
        if row.record.get("targets"):
            note(row.id, "targets")
        parent = row.text("parent_sales_person")
        note(parent if parent in names else None, "parent_sales_person", row.id)
    return evidence


def _team(
    r: _Reading,
    rows: list[Row],
    employees: list[Row],
    customers: list[Row],
    decided: Mapping[str, str] | None,
) -> None:
    people = _persons(r, rows, employees)
    persons = [row for row in rows if row.id in people]
    evidence = _evidence(r, persons, customers)
    found, conflicts = decide_roles(people, evidence, aliases=r.tables["titles"], decided=decided)
    r.b.conflicts.extend(conflicts)
    for row in persons:
        if row.id not in found:
            r.b.skip(row, _NO_SALES_ROLE)
            continue
        role, how = found[row.id]
        _, title, name = people[row.id]
        entity: dict[str, Any] = {"id": _person(row.id), "name": name}
        if role is not None:
            entity["role"] = role
        if title:
            entity["title"] = title
        source = {"title": "Employee.designation", "team": "evidence"}.get(how, "name")
        fields = {"name": "sales_person_name", "title": "Employee.designation", "role": source}
        r.b.add("team", entity, row, fields)
        r.members.add(row.id)


def _revenue(r: _Reading, orders: list[Row]) -> dict[str, Decimal]:
    """Each customer's submitted orders of the year up to as_of, in the portfolio's currency.

    Orders in another currency are left out of the sum: converting them would
    need a rate the documents do not hold.
    """
    revenue: dict[str, Decimal] = defaultdict(Decimal)
    if r.as_of is None:
        return revenue
    since = (r.as_of - relativedelta(years=1) + timedelta(days=1)).isoformat()
    for row in orders:
        day, amount = row.day("transaction_date"), row.number("grand_total")
        customer = row.text("customer")
        if (
            (row.text("currency") or r.b.currency) == r.b.currency
            and day is not None
            and amount is not None
            and customer
            and since <= day <= r.as_of.isoformat()
        ):
            revenue[customer] += amount
    return revenue


def _customers(r: _Reading, rows: list[Row], orders: list[Row]) -> None:
    revenue = _revenue(r, orders)
    for row in rows:
        r.all_customers.add(row.id)
        name = row.text("customer_name") or row.id
        if row.flag("disabled"):
            r.b.skip(row, _DISABLED)
            continue
        state, segment = row.pick("market_segment", r.tables["segments"], "segments", THEN_SEGMENT)
        if state in {"empty", "ignored"}:
            value = row.text("market_segment") or ""
            r.b.unmapped_value(row, "market_segment", value, "segments", THEN_SEGMENT)
        entity: dict[str, Any] = {"id": row.id, "name": name, "status": "active"}
        if segment is not None:
            entity["segment"] = segment
        if r.as_of is not None:
            amount = sum_of_money(revenue.get(row.id, Decimal(0)), r.b.currency)
            if amount is not None:  # else an order's amount is no money, and says so
                entity["annual_revenue"] = amount
        fields = {
            "name": "customer_name",
            "segment": "market_segment",
            "annual_revenue": "Sales Order.grand_total",
        }
        r.b.add("customers", entity, row, {**fields, "status": "disabled"})
        r.customers.add(row.id)
        if row.text("account_manager") is not None:
            account: dict[str, Any] = {"customer": row.id}
            manager = r.member_of_user(row, "account_manager", THEN_NO_MANAGER)
            if manager is not None:
                account["manager"] = manager
            r.b.add(
                "key_accounts", account, row, {"customer": "name", "manager": "account_manager"}
            )


def _stakeholders(r: _Reading, rows: list[Row]) -> None:
    for row in rows:
        links = [
            link.text("link_name")
            for link in _children(row, "links")
            if link.text("link_doctype") == "Customer"
        ]
        customer = next((c for c in links if c in r.customers), None)
        name = " ".join(p for p in (row.text("first_name"), row.text("last_name")) if p) or row.id
        role = title_role(row.text("designation"), r.tables["contact_titles"])
        if customer is None:
            r.b.skip(row, _NOT_LINKED)
        elif role is None:
            r.b.skip(row, _NO_BUYING_ROLE)
        else:
            entity = {
                "id": f"CONTACT:{row.id}",
                "customer": customer,
                "name": name,
                "buying_role": role,
            }
            r.b.add(
                "stakeholders",
                entity,
                row,
                {"customer": "links", "name": "first_name", "buying_role": "designation"},
            )


def _skip_origin(r: _Reading, row: Row, origin: str | None) -> None:
    """Leave out an opportunity from a party that is no customer (a lead, a prospect …)."""
    if origin:
        r.b.skip(row, _FROM_PARTY, origin=origin)
    else:
        r.b.skip(row, _FROM_NO_PARTY)


def _deals(r: _Reading, rows: list[Row]) -> None:
    then = THEN_OPPORTUNITY
    for row in rows:
        origin = row.text("opportunity_from")
        state, stage = row.pick(
            "status", r.tables["opportunity_status"], "opportunity_status", then
        )
        field = "status"
        if state in {"ignored", "empty"}:
            state, stage = row.pick("sales_stage", r.tables["stages"], "stages", then)
            field = "sales_stage"
            if state in {"ignored", "empty"}:
                r.b.unmapped_value(
                    row, "sales_stage", row.text("sales_stage") or "", "stages", then
                )
        owner = r.member_of_user(row, "opportunity_owner", then)
        value = row.money("opportunity_amount", currency_field="currency")
        customer = row.text("party_name")
        if origin != "Customer":
            _skip_origin(r, row, origin)
            continue
        if customer not in r.customers:
            if customer in r.all_customers:
                r.b.skip(row, _CUSTOMER_NO_CUSTOMER, customer=customer)
            else:
                r.b.unknown_reference(row, "party_name", customer or "", THE_CUSTOMER, then)
            continue
        if stage is None or owner is None:
            if row.text("opportunity_owner") is None:
                r.b.unmapped_value(row, "opportunity_owner", "", "owner", then)
            continue
        entity: dict[str, Any] = {
            "id": f"OPP:{row.id}",
            "customer": customer,
            "stage": stage,
            "owner": owner,
        }
        if value is not None:
            entity["value"] = value
        fields = {
            "customer": "party_name",
            "stage": field,
            "owner": "opportunity_owner",
            "value": "opportunity_amount",
        }
        r.b.add("deals", entity, row, fields)


def _term(start: str, end: str) -> int:
    """Whole months from *start* to *end*, both inclusive, rounded up."""
    span = relativedelta(date.fromisoformat(end) + timedelta(days=1), date.fromisoformat(start))
    months = span.years * 12 + span.months
    return months + 1 if span.days else months


def _contracts(r: _Reading, rows: list[Row]) -> None:
    then = THEN_CONTRACT
    for row in rows:
        start, end = row.day("start_date"), row.day("end_date")
        customer = row.text("party_name")
        if row.text("party_type") != "Customer" or row.text("status") != "Active":
            status, party = row.text("status"), row.text("party_type")
            r.b.skip(row, _NO_CONTRACT, status=status, party=party)
            continue
        if customer not in r.customers:
            r.b.unknown_reference(row, "party_name", customer or "", THE_CUSTOMER, then)
            continue
        if start is None or end is None or end < start:
            r.b.unmapped_value(row, "end_date", end, "term", then)
            continue
        entity = {
            "id": f"CONTRACT:{row.id}",
            "customer": customer,
            "start": start,
            "term_months": _term(start, end),
        }
        r.b.add(
            "contracts",
            entity,
            row,
            {"customer": "party_name", "start": "start_date", "term_months": "end_date"},
        )


def _orders(r: _Reading, rows: list[Row]) -> None:
    then = THEN_ORDER
    for row in rows:
        customer = row.text("customer", required=True)
        day = row.day("transaction_date")
        amount = row.money("grand_total", currency_field="currency")
        if customer is None or day is None or amount is None:
            continue
        if customer not in r.customers:
            r.b.unknown_reference(row, "customer", customer, THE_CUSTOMER, then)
            continue
        entity: dict[str, Any] = {
            "id": f"SO:{row.id}",
            "customer": customer,
            "placed_on": day,
            "amount": amount,
        }
        user = row.text("owner")
        if user is not None and user in r.user_to_member:
            entity["administered_by"] = _person(r.user_to_member[user])
        fields = {
            "customer": "customer",
            "placed_on": "transaction_date",
            "amount": "grand_total",
            "administered_by": "owner",
        }
        r.b.add("orders", entity, row, fields)


def _targets(r: _Reading, rows: list[Row]) -> None:
    for row in rows:
        if row.id not in r.members:
            continue
        parent = row.text("parent_sales_person")
        for target in _children(row, "targets"):
            year = target.text("fiscal_year")
            period = r.fiscal_years.get(year or "")
            if period is None and year is not None and year.isdigit() and len(year) == 4:
                period = (f"{year}-01-01", f"{year}-12-31")
            amount = target.money("target_amount")
            if period is None:
                r.b.unknown_reference(
                    target, "fiscal_year", year or "", THE_FISCAL_YEAR, THEN_TARGET
                )
            elif parent not in r.members:
                r.b.skip(target, _SET_BY_NO_ONE)
            elif amount is not None:
                entity = {
                    "id": f"TARGET:{row.id}:{target.index}",
                    "owner": _person(row.id),
                    "set_by": _person(parent),
                    "period": {"start": period[0], "end": period[1]},
                    "revenue": amount,
                }
                fields = {
                    "owner": "name",
                    "set_by": "parent_sales_person",
                    "period": "fiscal_year",
                    "revenue": "target_amount",
                }
                r.b.add("targets", entity, target, fields)
