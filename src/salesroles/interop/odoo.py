"""Odoo ``read()`` dicts to a draft portfolio.

Pass what ``models.execute_kw(db, uid, key, model, "read", [ids], {"fields": [...]})``
(or ``search_read``) returns, by model: many2one fields are ``[id, "name"]``
pairs, many2many fields lists of ids, and an empty field is ``False``::

    draft = odoo.draft({"res.users": [...], "crm.team": [...], ...},
                       currency="EUR", key_accounts=[101, 102])

Field names are those of Odoo's models (odoo/odoo, ``addons/*/models``):
res.users (``name``, ``function``, ``active``); crm.team (``name``,
``user_id``, ``member_ids``); res.partner.category (``name``); res.partner
(``name``, ``is_company``, ``customer_rank``, ``user_id``, ``parent_id``,
``function``, ``category_id``, ``active``); crm.lead (``type``,
``partner_id``, ``partner_name``, ``user_id``, ``stage_id``,
``probability``, ``expected_revenue``, ``active``, ``source_id``,
``create_date``); sale.order (``partner_id``, ``date_order``,
``amount_total``, ``currency_id``, ``state``). Odoo has no standard contract
model in its community edition, so a draft from Odoo holds none.

How each becomes the wire format:

- **Team**: users with evidence of a sales role: their job position
  (``function``, :func:`~salesroles.classify_title`) where it names one, else
  the sales teams they belong to (the ``teams`` table; teams are the
  company's own, so map yours) and the teams they lead (sales manager).
- **Customers**: companies (``is_company``) with a ``customer_rank``; the
  segment from their tags through the ``segments`` table (the company's own
  tags); the annual revenue is the sum of confirmed sales orders of the year
  up to ``as_of``. **Key accounts** are the ids you pass; the salesperson
  (``user_id``) is the manager.
- **Stakeholders**: contact persons of a customer (``parent_id``) whose job
  position names a buying role (purchasing by default).
- **Leads** are crm.lead records of type ``lead``, and opportunities of no
  customer; **deals** are opportunities of customers: won at probability
  100, lost when archived, else by the stage (Odoo's default stages New,
  Qualified, Proposition, Won).
- **Orders**: confirmed sales orders (``state`` ``sale`` or ``done``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs
from dateutil.relativedelta import relativedelta

from salesroles._model.arguments import IDS
from salesroles._model.messages import error_item, phrase, problem, said, template, wrong

from ._build import (
    BUYING_ROLES,
    DEAL_STAGES,
    LEAD_SOURCES,
    ROLES,
    THE_CUSTOMER,
    THE_USER,
    THEN_LEAD,
    THEN_LEAD_NO_OWNER,
    THEN_NO_MANAGER,
    THEN_OPPORTUNITY,
    THEN_ORDER,
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
_ARCHIVED: Final = template("skipped.inactive", "archived (active is false)")
_NOT_CONFIRMED: Final = template("skipped.order_state", "state {state!r}: not a confirmed order")
_NO_SALES_ROLE: Final = template(
    "skipped.no_sales_role.odoo",
    "no sales role: neither the job position nor a sales team names one",
)
_NO_CUSTOMER: Final = template("skipped.no_customer_rank", "no customer (customer_rank 0)")
_NO_PARENT: Final = template("skipped.person_of_no_customer", "a person of no customer")
_NO_BUYING_ROLE: Final = template(
    "skipped.no_buying_role.odoo", "no buying role: the job position names none"
)
# What a piece of evidence was evidence of (Draft.placed).
_TAG: Final = template("interop.evidence.tag", "evidence of the tag {tag}")
_MEMBERS: Final = template(
    "interop.evidence.members", "evidence of the roles of the members of {team}"
)
# How a conflict names a sales team's evidence: quoted, as a label of the source is.
_LEADER: Final = template("interop.evidence_label.leader", "'leader of {team}'")
_MEMBER: Final = template("interop.evidence_label.member", "'member of {team}'")
# Unmapped values and bad input.
_MEMBERSHIP: Final = phrase("interop.then.membership", "its members' membership is no evidence")
_NO_TAG: Final = template(
    "interop.segment.no_tag", "no tag maps to a segment; the segment is left out"
)
_TAGS: Final = template(
    "interop.segment.tags", "its tags name {segments:joined}; the segment is left out"
)
_NOT_A_CUSTOMER: Final = template(
    "interop.not_a_customer.odoo",
    "names res.partner {partner}, which is no customer in the draft; expected a customer",
)
_MANY2ONE: Final = phrase("expected.interop.many2one", '[id, "name"] or false')
_PARTNER_IDS: Final = phrase("expected.interop.partner_ids", "a list of res.partner ids (numbers)")
_LEAD_TYPE: Final = phrase("expected.interop.lead_type", "'lead' or 'opportunity'")

#: The models :func:`draft` reads.
OBJECTS = (
    "res.users",
    "crm.team",
    "res.partner.category",
    "res.partner",
    "crm.lead",
    "sale.order",
)

#: Odoo's standard values, each mapped to the wire format; None means
#: "deliberately ignored". ``mapping=`` is merged over these tables.
DEFAULTS: dict[str, dict[str, str | None]] = {
    # crm.team names: the company's own, so none by default.
    "teams": {},
    # res.partner.category (tag) names that give a customer's segment: the company's own.
    "segments": {},
    # crm.stage names of the default pipeline, for open opportunities.
    "stages": {
        "New": "qualification",
        "Qualified": "qualification",
        "Proposition": "proposal",
        "Won": "won",
    },
    # utm.source names Odoo installs; the recruiting boards are no sales source.
    "lead_source": {
        "Search engine": "inbound",
        "Lead Recall": "marketing",
        "Newsletter": "marketing",
        "Facebook": "marketing",
        "Twitter": "marketing",
        "X": "marketing",
        "LinkedIn": "marketing",
        "Monster": None,
        "Glassdoor": None,
        "Craigslist": None,
    },
    # Words of a contact's job position that name a buying role (S4.1).
    "contact_titles": {
        "Einkauf": "purchasing_manager",
        "Einkäufer": "purchasing_manager",
        "Procurement": "purchasing_manager",
        "Purchasing": "purchasing_manager",
        "Buyer": "purchasing_manager",
    },
    # The company's own job positions (classify_title's aliases), empty by default.
    "titles": {},
}

_ALLOWED = {
    "teams": ROLES,
    "segments": frozenset({"small", "medium", "large"}),
    "stages": DEAL_STAGES,
    "lead_source": LEAD_SOURCES,
    "contact_titles": BUYING_ROLES,
    "titles": ROLES,
}


def _user(key: str) -> str:
    return f"U{key}"


def _partner(key: str) -> str:
    return f"P{key}"


@attrs.define
class _Reading:
    b: Builder
    tables: Tables
    as_of: date | None
    members: set[str] = attrs.Factory(set)
    partners: set[str] = attrs.Factory(set)
    customers: set[str] = attrs.Factory(set)
    tags: dict[str, str] = attrs.Factory(dict)

    def many2one(self, row: Row, field: str) -> tuple[str, str] | None:
        """A many2one value ``[id, "name"]`` as (id, name); False is None; else a problem."""
        value = row.values.get(field)
        if value is None or value is False:
            return None
        ok = (
            isinstance(value, Sequence) and not isinstance(value, (str, bytes)) and len(value) == 2
        )
        if ok and _is_id(value[0]) and isinstance(value[1], str):
            return str(value[0]), value[1]
        self.b.problems.append(wrong(row.at(field), value, _MANY2ONE))
        return None

    def many2many(self, row: Row, field: str) -> list[str]:
        """A many2many value, a list of ids; False and a missing field are none."""
        value = row.values.get(field)
        if value is None or value is False:
            return []
        if (
            isinstance(value, Sequence)
            and not isinstance(value, (str, bytes))
            and all(map(_is_id, value))
        ):
            return [str(v) for v in value]
        self.b.problems.append(wrong(row.at(field), value, IDS))
        return []

    def member(self, row: Row, field: str, then: Message) -> str | None:
        """The team member a many2one to res.users names; else reported, and None."""
        found = self.many2one(row, field)
        if found is None:
            return None
        if found[0] not in self.members:
            self.b.unknown_reference(row, field, f"{found[0]} ({found[1]})", THE_USER, then)
            return None
        return _user(found[0])


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def draft(  # noqa: PLR0913 - the keywords are the user's decisions
    records: Mapping[str, Any],
    *,
    currency: str,
    key_accounts: Sequence[int] = (),
    as_of: date | str | None = None,
    tz: str | tzinfo = "UTC",
    mapping: Mapping[str, Mapping[str, str | None]] | None = None,
    roles: Mapping[int, str] | None = None,
) -> Draft:
    """Read Odoo ``read()`` dicts into a :class:`~salesroles.interop.Draft`.

    Args:
        records: Model name to its records: any of :data:`OBJECTS`.
        currency: The ISO 4217 code of the portfolio and of amounts that name none.
        key_accounts: The res.partner ids of the key accounts.
        as_of: The day the portfolio is judged at; customers' annual revenue
            is that of the year up to it (without it, no revenue).
        tz: The time zone in which timestamps (Odoo writes UTC) become days.
        mapping: Tables merged over :data:`DEFAULTS` (map your teams and tags here).
        roles: The user's own answer: res.users id to wire role.

    Raises:
        ValidationError: Every bad input at once, each at its source path
            (``crm.lead[3].partner_id``), or a bad argument.

    >>> user = {"id": 7, "name": "Ann Meyer", "function": "Key Account Manager", "active": True}
    >>> d = draft({"res.users": [user]}, currency="EUR")
    >>> d.data["team"]
    [{'id': 'U7', 'name': 'Ann Meyer', 'role': 'account_manager', 'title': 'Key Account Manager'}]
    """
    tables = merge_tables(DEFAULTS, mapping, _ALLOWED)
    b = Builder("odoo", currency=currency, as_of=as_of, tz=tz)
    rows = b.tables(records, OBJECTS)
    live = {}
    for name in OBJECTS:
        found = b.unique(rows[name], "id")
        for row in found:
            row.id_field = "id"
        live[name] = [row for row in found if _active(b, row)]
    r = _Reading(b, tables, date.fromisoformat(b.as_of) if b.as_of else None)
    keys = _read_key_accounts(key_accounts)
    _team(r, live["res.users"], live["crm.team"], read_roles(roles))
    for row in live["res.partner.category"]:
        r.tags[row.id] = row.text("name") or row.id
        b.evidence(row, _TAG, tag=row.id)
    orders = [row for row in live["sale.order"] if _confirmed(b, row)]
    _partners(r, live["res.partner"], keys, orders)
    _leads(r, live["crm.lead"])
    _orders(r, orders)
    return b.finish()


def _read_key_accounts(value: Any) -> list[str]:
    ok = isinstance(value, Sequence) and not isinstance(value, (str, bytes))
    if ok and all(map(_is_id, value)):
        return [str(v) for v in value]
    raise problem("key_accounts", value, _PARTNER_IDS)


def _active(b: Builder, row: Row) -> bool:
    # crm.lead keeps its archived (lost) records: they are deals lost, not records to drop.
    if row.object == "crm.lead" or "active" not in row.record or row.flag("active"):
        return True
    b.skip(row, _ARCHIVED)
    return False


def _confirmed(b: Builder, row: Row) -> bool:
    state = row.text("state")
    if state in {"sale", "done"}:
        return True
    b.skip(row, _NOT_CONFIRMED, state=state)
    return False


def _team(r: _Reading, users: list[Row], teams: list[Row], decided: Mapping[str, str]) -> None:
    known = {row.id for row in users}
    evidence = []
    for row in teams:
        name = row.text("name") or row.id
        role = r.tables["teams"].get(name)
        if name not in r.tables["teams"]:
            r.b.unmapped_value(row, "name", name, "teams", _MEMBERSHIP)
        leader = r.many2one(row, "user_id")
        if leader is not None and leader[0] in known:
            label = f"leader of {name}"
            worded = _worded(label, _LEADER, name)
            evidence.append(
                Evidence(member=leader[0], role="sales_manager", label=label, said=worded)
            )
        members = [m for m in r.many2many(row, "member_ids") if m in known]
        if role is not None:
            label = f"member of {name}"
            worded = _worded(label, _MEMBER, name)
            evidence += [Evidence(member=m, role=role, label=label, said=worded) for m in members]
        r.b.evidence(row, _MEMBERS, team=name)
    people = {
        row.id: (row.path, row.text("function"), row.text("name") or row.id) for row in users
    }
    found, conflicts = decide_roles(people, evidence, aliases=r.tables["titles"], decided=decided)
    r.b.conflicts.extend(conflicts)
    for row in users:
        if row.id not in found:
            r.b.skip(row, _NO_SALES_ROLE)
            continue
        role, how = found[row.id]
        _, title, name = people[row.id]
        entity: dict[str, Any] = {"id": _user(row.id), "name": name}
        if role is not None:
            entity["role"] = role
        if title:
            entity["title"] = title
        source = {"title": "function", "team": "crm.team.member_ids"}.get(how, "id")
        r.b.add("team", entity, row, {"name": "name", "title": "function", "role": source})
        r.members.add(row.id)


def _worded(label: str, text: str, team: str) -> dict[str, Any] | None:
    """*label* as message *text*, so that it is translated; None where Python quotes it otherwise.

    A conflict quotes each label as Python does (``'member of Field Sales'``);
    a team whose name holds a quote or an escape keeps its label as it is.
    """
    return said(text, team=team) if repr(label) == f"'{label}'" else None


def _revenue(r: _Reading, orders: list[Row]) -> dict[str, Decimal]:
    """Each customer's confirmed orders of the year up to as_of, in the portfolio's currency."""
    revenue: dict[str, Decimal] = defaultdict(Decimal)
    if r.as_of is None:
        return revenue
    since = (r.as_of - relativedelta(years=1) + timedelta(days=1)).isoformat()
    for row in orders:
        partner, day, amount = (
            r.many2one(row, "partner_id"),
            row.day("date_order"),
            row.number("amount_total"),
        )
        currency = r.many2one(row, "currency_id")
        if (
            (currency is None or currency[1] == r.b.currency)
            and partner is not None
            and day is not None
            and amount is not None
            and since <= day <= r.as_of.isoformat()
        ):
            revenue[partner[0]] += amount
    return revenue


def _segment(r: _Reading, row: Row) -> str | None:
    found: set[str] = set()
    for tag in r.many2many(row, "category_id"):
        segment = r.tables["segments"].get(r.tags.get(tag, ""))
        if segment is not None:
            found.add(segment)
    if len(found) == 1:
        return found.pop()
    path = row.at("category_id")
    if found:
        item = error_item(path, "unmapped_value", _TAGS, segments=sorted(found))
    else:
        item = error_item(path, "unmapped_value", _NO_TAG)
    r.b.unmapped.append(item)
    return None


def _key_account(r: _Reading, row: Row) -> None:
    account: dict[str, Any] = {"customer": _partner(row.id)}
    manager = r.member(row, "user_id", THEN_NO_MANAGER)
    if manager is not None:
        account["manager"] = manager
    r.b.add("key_accounts", account, row, {"customer": "id", "manager": "user_id"})


def _check_key_accounts(r: _Reading, key_accounts: list[str]) -> None:
    for i, key in enumerate(key_accounts):
        if key not in r.customers:
            item = error_item(f"key_accounts[{i}]", "not_a_customer", _NOT_A_CUSTOMER, partner=key)
            r.b.problems.append(item)


def _partners(r: _Reading, rows: list[Row], key_accounts: list[str], orders: list[Row]) -> None:
    keys = frozenset(key_accounts)  # looked up once per partner: a set, not the list
    revenue = _revenue(r, orders)
    companies = [row for row in rows if row.flag("is_company")]
    r.partners.update(row.id for row in rows)
    for row in companies:
        rank = row.count("customer_rank") or 0
        if rank <= 0:
            r.b.skip(row, _NO_CUSTOMER)
            continue
        name = row.text("name", required=True)
        if name is None:
            continue
        entity: dict[str, Any] = {"id": _partner(row.id), "name": name, "status": "active"}
        segment = _segment(r, row)
        if segment is not None:
            entity["segment"] = segment
        if r.as_of is not None:
            amount = sum_of_money(revenue.get(row.id, Decimal(0)), r.b.currency)
            if amount is not None:  # else an order's amount is no money, and says so
                entity["annual_revenue"] = amount
        fields = {"name": "name", "status": "customer_rank", "segment": "category_id"}
        r.b.add("customers", entity, row, {**fields, "annual_revenue": "sale.order.amount_total"})
        r.customers.add(row.id)
        if row.id in keys:
            _key_account(r, row)
    _check_key_accounts(r, key_accounts)
    for row in rows:
        if not row.flag("is_company"):
            _contact(r, row)


def _contact(r: _Reading, row: Row) -> None:
    parent = r.many2one(row, "parent_id")
    role = title_role(row.text("function"), r.tables["contact_titles"])
    if parent is None or parent[0] not in r.customers:
        r.b.skip(row, _NO_PARENT)
    elif role is None:
        r.b.skip(row, _NO_BUYING_ROLE)
    else:
        entity = {
            "id": _partner(row.id),
            "customer": _partner(parent[0]),
            "name": row.text("name") or row.id,
        }
        r.b.add(
            "stakeholders",
            {**entity, "buying_role": role},
            row,
            {"customer": "parent_id", "buying_role": "function"},
        )


def _deal_stage(r: _Reading, row: Row) -> tuple[str | None, str]:
    if row.number("probability") == 100:
        return "won", "probability"
    if "active" in row.record and not row.flag("active"):
        return "lost", "active"
    stage = r.many2one(row, "stage_id")
    name = stage[1] if stage else ""
    if name in r.tables["stages"] and r.tables["stages"][name] is not None:
        return r.tables["stages"][name], "stage_id"
    r.b.unmapped_value(row, "stage_id", name, "stages", THEN_OPPORTUNITY)
    return None, "stage_id"


def _leads(r: _Reading, rows: list[Row]) -> None:
    for row in rows:
        kind = row.text("type")
        partner = r.many2one(row, "partner_id")
        if kind == "opportunity" and partner is not None and partner[0] in r.customers:
            _deal(r, row, partner[0])
        elif kind in {"lead", "opportunity"}:
            _lead(
                r,
                row,
                partner[1] if partner else None,
                "qualified" if kind == "opportunity" else None,
            )
        else:
            r.b.problems.append(
                wrong(row.at("type"), row.values.get("type"), _LEAD_TYPE, "invalid_enum")
            )


def _deal(r: _Reading, row: Row, customer: str) -> None:
    then = THEN_OPPORTUNITY
    stage, field = _deal_stage(r, row)
    owner = r.member(row, "user_id", then)
    value = row.money("expected_revenue")
    if stage is None or owner is None:
        if r.many2one(row, "user_id") is None:
            r.b.unmapped_value(row, "user_id", "", "owner", then)
        return
    entity: dict[str, Any] = {
        "id": f"D{row.id}",
        "customer": _partner(customer),
        "stage": stage,
        "owner": owner,
    }
    if value is not None:
        entity["value"] = value
    fields = {
        "customer": "partner_id",
        "stage": field,
        "owner": "user_id",
        "value": "expected_revenue",
    }
    r.b.add("deals", entity, row, fields)


def _lead(r: _Reading, row: Row, partner_name: str | None, status: str | None) -> None:
    then = THEN_LEAD
    company = row.text("partner_name") or partner_name
    source = r.many2one(row, "source_id")
    name = source[1] if source else ""
    mapped = r.tables["lead_source"].get(name)
    if mapped is None:
        r.b.unmapped_value(row, "source_id", name, "lead_source", then)
    if status is None:
        status = "new" if row.flag("active") or "active" not in row.record else "disqualified"
    owner = r.member(row, "user_id", THEN_LEAD_NO_OWNER)
    created = row.day("create_date")
    if company is None:
        r.b.unmapped_value(row, "partner_name", "", "company", then)
    if company is None or mapped is None:
        return
    entity: dict[str, Any] = {
        "id": f"L{row.id}",
        "company": company,
        "source": mapped,
        "status": status,
    }
    if owner is not None:
        entity["owner"] = owner
    if created is not None:
        entity["created_on"] = created
    fields = {
        "company": "partner_name",
        "source": "source_id",
        "status": "type",
        "owner": "user_id",
    }
    r.b.add("leads", entity, row, {**fields, "created_on": "create_date"})


def _orders(r: _Reading, rows: list[Row]) -> None:
    for row in rows:
        partner = r.many2one(row, "partner_id")
        currency = r.many2one(row, "currency_id")
        day = row.day("date_order")
        amount = row.money("amount_total", currency[1] if currency else None)
        if partner is None or partner[0] not in r.customers:
            if partner is None:
                r.b.unmapped_value(row, "partner_id", "", "customer", THEN_ORDER)
            else:
                r.b.unknown_reference(row, "partner_id", partner[0], THE_CUSTOMER, THEN_ORDER)
            continue
        if day is None or amount is None:
            r.b.unmapped_value(
                row,
                "date_order" if day is None else "amount_total",
                None,
                "order",
                THEN_ORDER,
            )
            continue
        entity = {
            "id": f"SO{row.id}",
            "customer": _partner(partner[0]),
            "placed_on": day,
            "amount": amount,
        }
        r.b.add(
            "orders",
            entity,
            row,
            {"customer": "partner_id", "placed_on": "date_order", "amount": "amount_total"},
        )
