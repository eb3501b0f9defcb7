"""Reading a system's records into a draft: the one place floats become money.

:class:`Builder` holds what one call of an adapter's ``draft`` gathers: the
wire collections with their provenance, and the problems, unmapped values,
conflicts, adjustments and skipped records. :class:`Row` reads one field of
one record at a time, each reader reporting a bad value at its source path
(``Account[3].AnnualRevenue``) rather than raising, so that all problems are
reported at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, tzinfo
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Final

from dateutil import tz as dateutil_tz
from dateutil.parser import isoparse

from salesroles import BuyingRole, CustomerStatus, DealStage, LeadSource, LeadStatus, Role
from salesroles._i18n.message import render
from salesroles._model.iso4217 import CURRENCIES
from salesroles._model.messages import (
    MISSING,
    ONE_OF,
    error_item,
    phrase,
    problem,
    said,
    shown,
    template,
    wrong,
)
from salesroles._model.validation import BOOLEAN, CURRENCY_CODE, DATE, STRING, WHOLE_NUMBER
from salesroles.exceptions import ErrorItem, ValidationError

from ._draft import Draft, Skipped, Source

if TYPE_CHECKING:
    #: A message as data: ``{"code": ..., "params": {...}}``, nested in another by ``{x:message}``.
    Message = dict[str, Any]

__all__ = [
    "BUYING_ROLES",
    "COLLECTIONS",
    "CUSTOMER_STATUSES",
    "DEAL_STAGES",
    "LEAD_SOURCES",
    "LEAD_STATUSES",
    "ROLES",
    "Builder",
    "Row",
    "Tables",
    "merge_tables",
    "read_roles",
    "segment_of",
    "sum_of_money",
    "title_role",
]

#: An adapter's value tables: table name -> source value -> wire value (None: ignored).
Tables = Mapping[str, Mapping[str, str | None]]

#: The wire collections a draft may fill, in the order of docs/wire-format.md.
COLLECTIONS = (
    "products", "team", "customers", "leads", "key_accounts", "stakeholders",
    "plans", "contracts", "orders", "deals", "targets", "assignments",
)  # fmt: skip

# The wire values a table may map to, one set per enumeration.
ROLES = frozenset(m.value for m in Role)
BUYING_ROLES = frozenset(m.value for m in BuyingRole)
DEAL_STAGES = frozenset(m.value for m in DealStage)
LEAD_STATUSES = frozenset(m.value for m in LeadStatus)
LEAD_SOURCES = frozenset(m.value for m in LeadSource)
CUSTOMER_STATUSES = frozenset(m.value for m in CustomerStatus)

# A number as exports write it: 1200000.5, -12, or with thousands separators 1,200,000.50.
_NUMBER = re.compile(r"[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?")

# -- what a draft says, in every language (docs/i18n.md) --

# What the adjusted, unmapped and skipped items say: templates filled at the item.
_UNMAPPED: Final = template(
    "interop.unmapped_value",
    "got {got:message}, which the {table!r} table does not map; {then:message}",
)
_UNKNOWN: Final = template(
    "interop.unknown_reference",
    "names {kind:message} {value!r}, which is not in the input; {then:message}",
)
_ROUNDED: Final = template(
    "interop.rounded_money",
    "got {got:message}; rounded to {rounded} "
    "({currency} has {minor} {minor:plural:decimal|decimals})",
)
_DUPLICATE: Final = template("skipped.duplicate", "a duplicate of {first} (id {id})")

#: What the draft does instead of a value it cannot take (``{then:message}``).
THEN_ACCOUNT: Final = phrase("interop.then.account", "the account is left out")
THEN_COMPANY: Final = phrase("interop.then.company", "the company is left out")
THEN_CONTACT: Final = phrase("interop.then.contact", "the contact is left out")
THEN_CONTRACT: Final = phrase("interop.then.contract", "the contract is left out")
THEN_DEAL: Final = phrase("interop.then.deal", "the deal is left out")
THEN_LEAD: Final = phrase("interop.then.lead", "the lead is left out")
THEN_OPPORTUNITY: Final = phrase("interop.then.opportunity", "the opportunity is left out")
THEN_ORDER: Final = phrase("interop.then.order", "the order is left out")
THEN_TARGET: Final = phrase("interop.then.target", "the target is left out")
THEN_SEGMENT: Final = phrase("interop.then.segment", "the segment is left out")
THEN_NO_EVIDENCE: Final = phrase("interop.then.no_evidence", "it is no evidence")
THEN_ROW_NO_EVIDENCE: Final = phrase("interop.then.row_no_evidence", "the row is no evidence")
THEN_LEAD_NO_OWNER: Final = phrase("interop.then.lead_no_owner", "the lead has no owner")
THEN_NO_OWNER: Final = phrase("interop.then.no_owner", "it has no owner")
THEN_NO_MANAGER: Final = phrase("interop.then.no_manager", "the key account has no manager")

#: What a reference names (``{kind:message}``): the record it points to.
THE_ACCOUNT: Final = phrase("interop.the.account", "the account")
THE_COMPANY: Final = phrase("interop.the.company", "the company")
THE_CONTACT: Final = phrase("interop.the.contact", "the contact")
THE_CUSTOMER: Final = phrase("interop.the.customer", "the customer")
THE_FISCAL_YEAR: Final = phrase("interop.the.fiscal_year", "the fiscal year")
THE_OWNER: Final = phrase("interop.the.owner", "the owner")
THE_USER: Final = phrase("interop.the.user", "the user")

# What a bad argument or input was expected to be (``{expected:message}``).
_TABLES: Final = phrase("expected.interop.tables", "a dict of tables")
_TABLE: Final = phrase("expected.interop.table", "a dict")
_NONE_OR_ONE_OF: Final = template(
    "expected.interop.none_or_one_of", "None or one of {values:choices}"
)
_ROLES: Final = phrase("expected.interop.roles", "a dict of id to role")
_ZONE: Final = phrase("expected.interop.tz", 'a time zone like "UTC" or "Europe/Berlin"')
_RECORDS: Final = phrase("expected.interop.records", "a dict of object name to a list of records")
_RECORD_LIST: Final = phrase("expected.interop.record_list", "a list of records")
_RECORD: Final = phrase("expected.interop.record", "a record (a dict)")
_PROPERTIES: Final = phrase("expected.interop.properties", "a dict of properties")
_NON_EMPTY: Final = phrase("expected.interop.non_empty", "a non-empty string")
_NUMBER_LIKE: Final = phrase("expected.interop.number", "a number like 1200000.50 or 1,200,000.50")
_MONEY: Final = phrase("expected.interop.money", "an amount of money")
_ISO_DAY: Final = phrase("expected.interop.day", "an ISO 8601 date or timestamp")
_EDGE_DAY: Final = phrase("expected.interop.day_range", "a timestamp between the years 1 and 9999")


def merge_tables(
    defaults: Mapping[str, Mapping[str, str | None]],
    mapping: Any,
    allowed: Mapping[str, frozenset[str]],
) -> dict[str, dict[str, str | None]]:
    """The value tables of an adapter: *defaults*, each table updated by *mapping*'s.

    Raises:
        ValidationError: *mapping* is no dict of dicts, names a table the adapter
            does not have, or maps a value to something its table cannot hold.
    """
    tables = {name: dict(table) for name, table in defaults.items()}
    if mapping is None:
        return tables
    if not isinstance(mapping, Mapping):
        raise problem("mapping", mapping, _TABLES)
    problems = []
    for name, table in mapping.items():
        if name not in tables:
            expected = said(ONE_OF, values=sorted(tables))
            problems.append(wrong(f"mapping.{name}", name, expected, "unknown_table"))
            continue
        if not isinstance(table, Mapping):
            problems.append(wrong(f"mapping.{name}", table, _TABLE))
            continue
        for key, value in table.items():
            if value is not None and value not in allowed[name]:
                wanted = said(_NONE_OR_ONE_OF, values=sorted(allowed[name]))
                problems.append(wrong(f"mapping.{name}[{key!r}]", value, wanted, "invalid_enum"))
            else:
                tables[name][key] = value
    if problems:
        raise ValidationError(problems)
    return tables


def read_roles(roles: Any) -> dict[str, str]:
    """The user's own answer ``roles=``: record id to wire role, each checked.

    Raises:
        ValidationError: *roles* is no dict, or names something that is no role.
    """
    if roles is None:
        return {}
    if not isinstance(roles, Mapping):
        raise problem("roles", roles, _ROLES)
    wanted = said(ONE_OF, values=sorted(ROLES))
    problems = [
        wrong(f"roles[{key!r}]", value, wanted, "invalid_enum")
        for key, value in roles.items()
        if value not in ROLES
    ]
    if problems:
        raise ValidationError(problems)
    return {str(key): value for key, value in roles.items()}


def _read_zone(value: Any) -> tzinfo | None:
    if isinstance(value, tzinfo):
        return value
    if isinstance(value, str):
        return dateutil_tz.UTC if value.upper() == "UTC" else dateutil_tz.gettz(value)
    return None


class Builder:
    """What one call of ``draft`` gathers: wire collections, provenance and reports."""

    def __init__(self, system: str, *, currency: Any, as_of: Any, tz: Any) -> None:
        self.system = system
        self.problems: list[ErrorItem] = []
        self.unmapped: list[ErrorItem] = []
        self.conflicts: list[ErrorItem] = []
        self.adjusted: list[ErrorItem] = []
        self.skipped: list[Skipped] = []
        self.sources: dict[str, Source] = {}
        self.placed: dict[str, str] = {}
        self.collections: dict[str, list[dict[str, Any]]] = {name: [] for name in COLLECTIONS}
        if not isinstance(currency, str) or currency not in CURRENCIES:
            self.problems.append(wrong("currency", currency, CURRENCY_CODE, "invalid_currency"))
            currency = "XXX"
        self.currency: str = currency
        self.as_of: str | None = None
        if isinstance(as_of, date) and not isinstance(as_of, datetime):
            self.as_of = as_of.isoformat()
        elif as_of is not None:
            day = _read_day_text(as_of)
            if day is None:
                self.problems.append(wrong("as_of", as_of, DATE, "invalid_date"))
            self.as_of = day
        zone = _read_zone(tz)
        if zone is None:
            self.problems.append(wrong("tz", tz, _ZONE, "invalid_tz"))
            zone = dateutil_tz.UTC
        self.tz: tzinfo = zone

    # -- the input --

    def tables(
        self,
        records: Any,
        objects: Sequence[str],
        *,
        nested: Mapping[str, str] | None = None,
        envelope: str | None = None,
    ) -> dict[str, list[Row]]:
        """The rows of each known object of *records*: ``{"Account": [...], ...}``.

        A name that is no known object, a table that is no list, and a record
        that is no dict are problems at their path. *nested* names, per object,
        the key under which a record keeps its fields (HubSpot's
        ``properties``); those fields are read from there. *envelope* is the
        key under which the system's list response holds its records
        (Salesforce's ``records``, HubSpot's ``results``, Frappe's ``data``):
        a table given as the whole response is read from there.
        """
        found: dict[str, list[Row]] = {name: [] for name in objects}
        if not isinstance(records, Mapping):
            self.problems.append(wrong("", records, _RECORDS))
            return found
        for name, given in records.items():
            table = given
            if envelope is not None and isinstance(given, Mapping) and envelope in given:
                table = given[envelope]
            if name not in found:
                expected = said(ONE_OF, values=list(objects))
                self.problems.append(wrong(str(name), name, expected, "unknown_object"))
                continue
            if isinstance(table, (str, bytes)) or not isinstance(table, Sequence):
                self.problems.append(wrong(name, table, _RECORD_LIST))
                continue
            for index, record in enumerate(table):
                if not isinstance(record, Mapping):
                    self.problems.append(wrong(f"{name}[{index}]", record, _RECORD))
                    continue
                row = Row(self, name, index, record)
                inner = (nested or {}).get(name)
                if inner is not None:
                    row.nest(inner)
                found[name].append(row)
        return found

    def unique(self, rows: list[Row], id_field: str) -> list[Row]:
        """*rows* with an id each, the first of each id; the later ones are skipped."""
        seen: dict[str, Row] = {}
        kept = []
        for row in rows:
            key = row.text(id_field, required=True)
            if key is None:
                continue
            row.id = key
            first = seen.get(key)
            if first is not None:
                self.skip(row, _DUPLICATE, first=first.path, id=key)
                continue
            seen[key] = row
            kept.append(row)
        return kept

    # -- the output --

    def add(
        self, collection: str, entity: dict[str, Any], row: Row, fields: Mapping[str, str]
    ) -> str:
        """Append *entity* to *collection*; record *row* as the source of it and of each field."""
        path = f"{collection}[{len(self.collections[collection])}]"
        self.collections[collection].append(entity)
        self.placed[row.path] = path
        obj, prefix = row.source_object, row.field_prefix
        self.sources[path] = Source(object=obj, record=row.id, field=prefix + row.id_field)
        for key, field in fields.items():
            if entity.get(key) is not None:
                self.sources[f"{path}.{key}"] = Source(
                    object=obj, record=row.id, field=prefix + field
                )
        return path

    def evidence(self, row: Row, text: str, **params: Any) -> None:
        """Record that *row* went into the draft as evidence: message *text* says of what."""
        self.placed[row.path] = render(text, params)

    def skip(self, row: Row, text: str, **params: Any) -> None:
        """Leave *row* out on purpose: *text* (a registered template) with *params* says why."""
        reason = render(text, params)
        self.skipped.append(Skipped(path=row.path, reason=reason, code=text, params=params))

    def unmapped_value(self, row: Row, field: str, value: Any, table: str, then: Message) -> None:
        """Report a value no table maps; *then* says what the draft does instead."""
        self.unmapped_said(row.at(field), shown(value), table, then)

    def unmapped_said(self, path: str, got: Message, table: str, then: Message) -> None:
        """Report a value no table maps at *path*, *got* naming it as a message."""
        item = error_item(path, "unmapped_value", _UNMAPPED, got=got, table=table, then=then)
        self.unmapped.append(item)

    def unknown_reference(
        self, row: Row, field: str, value: str, kind: Message, then: Message
    ) -> None:
        """Report a reference to a record the input does not hold (a deleted owner …)."""
        item = error_item(
            row.at(field), "unknown_reference", _UNKNOWN, kind=kind, value=value, then=then
        )
        self.unmapped.append(item)

    def finish(self) -> Draft:
        """The draft, or a ValidationError naming every bad input at its source path."""
        if self.problems:
            # A field read twice (for two purposes) is reported once.
            raise ValidationError(dict.fromkeys(self.problems))
        data: dict[str, Any] = {"currency": self.currency}
        if self.as_of is not None:
            data["as_of"] = self.as_of
        data.update({name: rows for name, rows in self.collections.items() if rows})
        return Draft(
            system=self.system,
            data=data,
            unmapped=tuple(self.unmapped),
            conflicts=tuple(self.conflicts),
            adjusted=tuple(self.adjusted),
            skipped=tuple(self.skipped),
            sources=self.sources,
            placed=self.placed,
        )


# Fewer employees than these make a small or medium company (EU recommendation 2003/361).
_SMALL, _MEDIUM = 50, 250


def segment_of(employees: int) -> str:
    """The segment of a company with *employees* people (EU recommendation 2003/361).

    >>> segment_of(49), segment_of(50), segment_of(250)
    ('small', 'medium', 'large')
    """
    if employees < _SMALL:
        return "small"
    return "medium" if employees < _MEDIUM else "large"


def title_role(title: str | None, table: Mapping[str, str | None]) -> str | None:
    """The role a contact's *title* names through a word of *table* (``Einkauf``), if any.

    >>> title_role("Leiterin Einkauf", {"Einkauf": "purchasing_manager"})
    'purchasing_manager'
    """
    if not title:
        return None
    for word, role in table.items():
        if re.search(rf"\b{re.escape(word)}", title, flags=re.IGNORECASE):
            return role
    return None


def _to_decimal(value: Any) -> Decimal | None:
    """*value* as a finite Decimal, or None if it is no number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        value = Decimal(repr(value))  # the shortest text that reads back as this float
    elif isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        value = Decimal(value.strip().replace(",", ""))
    return value if isinstance(value, Decimal) and value.is_finite() else None


def sum_of_money(amount: Decimal, currency: str) -> dict[str, str] | None:
    """A sum of amounts already read, as wire money rounded to *currency*; None if too large.

    >>> sum_of_money(Decimal("12.345"), "EUR")
    {'amount': '12.34', 'currency': 'EUR'}
    """
    minor = CURRENCIES.get(currency)
    try:
        rounded = amount if minor is None else amount.quantize(Decimal(1).scaleb(-minor))
    except InvalidOperation:
        return None
    return {"amount": format(rounded, "f"), "currency": currency}


def _to_moment(value: Any) -> datetime | None:
    """*value* as an aware datetime (naive ones are UTC), or None if it is no timestamp."""
    moment = value
    if isinstance(value, str):
        try:
            moment = isoparse(value.strip())
        except (ValueError, OverflowError):
            return None
    if not isinstance(moment, datetime):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dateutil_tz.UTC)


def _read_day_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else None
    except ValueError:
        return None


class Row:
    """One record of the input, read field by field; bad values become problems."""

    def __init__(self, builder: Builder, obj: str, index: int, record: Mapping[str, Any]) -> None:
        self.builder = builder
        self.object = obj
        self.index = index
        self.record = record
        self.id = ""
        self.id_field = "Id"
        self.values: Mapping[str, Any] = record
        self.inner = ""
        # Provenance: a child row (``Sales Person[3].targets[0]``) is known by its
        # document's object and id, its fields as ``targets[0].target_amount``.
        self.source_object = obj
        self.field_prefix = ""

    def nest(self, key: str) -> None:
        """Read fields from ``record[key]`` (a dict) as well; a bad one is a problem."""
        inner = self.record.get(key)
        if not isinstance(inner, Mapping):
            self._bad(key, inner, _PROPERTIES)
            inner = {}
        self.values = {**self.record, **inner}
        self.inner = key

    @property
    def path(self) -> str:
        """This record's path in the input, like ``Account[3]``."""
        return f"{self.object}[{self.index}]"

    def at(self, field: str) -> str:
        """The path of *field* of this record, like ``Account[3].AnnualRevenue``."""
        if self.inner and field not in self.record:
            return f"{self.path}.{self.inner}.{field}"
        return f"{self.path}.{field}"

    def _bad(self, field: str, value: Any, expected: Message, code: str = "invalid_type") -> None:
        self.builder.problems.append(wrong(self.at(field), value, expected, code))

    def raw(self, field: str) -> Any:
        """The value of *field*: None, an empty string and ``False`` (Odoo's null) read as None."""
        value = self.values.get(field)
        if value is None or value is False or (isinstance(value, str) and not value.strip()):
            return None
        return value

    def text(self, field: str, *, required: bool = False) -> str | None:
        """A string field (an int id reads as its digits)."""
        value = self.raw(field)
        if value is None:
            if required and field not in self.values:
                self.builder.problems.append(
                    error_item(self.at(field), "missing", MISSING, expected=_NON_EMPTY)
                )
            elif required:
                self._bad(field, self.values.get(field), _NON_EMPTY, "missing")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self._bad(field, value, STRING)
            return None
        return str(value).strip()

    def flag(self, field: str) -> bool:
        """A boolean field: JSON booleans, Frappe's 0 and 1, Data Loader's ``true``/``false``."""
        value = self.values.get(field)
        if value is None or value == "" or value is False:
            return False
        if value is True:
            return True
        if type(value) is int and value in {0, 1}:  # Frappe's Check fields
            return value == 1
        if isinstance(value, str) and value.strip().lower() in {"true", "1", "false", "0"}:
            return value.strip().lower() in {"true", "1"}
        self._bad(field, value, BOOLEAN)
        return False

    def number(self, field: str) -> Decimal | None:
        """A number: an int, a float, or a string such as ``1,200,000.50``."""
        value = self.raw(field)
        if value is None:
            return None
        number = _to_decimal(value)
        if number is None:
            kind = isinstance(value, (str, float, Decimal)) and not isinstance(value, bool)
            self._bad(field, value, _NUMBER_LIKE, "invalid_number" if kind else "invalid_type")
        return number

    def count(self, field: str) -> int | None:
        """A whole number (``"36"`` and ``36.0`` read as 36)."""
        number = self.number(field)
        if number is None:
            return None
        if number != number.to_integral_value():
            self._bad(field, self.raw(field), WHOLE_NUMBER, "invalid_number")
            return None
        return int(number)

    def money(
        self, field: str, currency: str | None = None, *, currency_field: str | None = None
    ) -> dict[str, str] | None:
        """Money on the wire, rounded to the currency's minor unit; a change is reported.

        The currency is *currency*, else the one *currency_field* holds, else
        the draft's; a code that is no ISO 4217 code is a problem at its field.
        """
        amount = self.number(field)
        named = self.text(currency_field) if currency_field else None
        code = currency or named or self.builder.currency
        if code not in CURRENCIES:
            self._bad(currency_field or field, code, CURRENCY_CODE, "invalid_currency")
            return None
        rounded = None if amount is None else self._rounded(field, amount, code)
        return None if rounded is None else {"amount": format(rounded, "f"), "currency": code}

    def _rounded(self, field: str, amount: Decimal, code: str) -> Decimal | None:
        """*amount* rounded to the minor unit of *code*; a change is reported in ``adjusted``."""
        minor = CURRENCIES[code]
        if minor is None:  # gold, "no currency": nothing to round to
            return amount
        try:
            rounded = amount.quantize(Decimal(1).scaleb(-minor), rounding=ROUND_HALF_EVEN)
        except InvalidOperation:  # more digits than a Decimal holds: no amount of money
            self._bad(field, self.raw(field), _MONEY, "invalid_number")
            return None
        if rounded != amount:
            item = error_item(
                self.at(field),
                "rounded_money",
                _ROUNDED,
                got=shown(self.raw(field)),
                rounded=str(rounded),
                currency=code,
                minor=minor,
            )
            self.builder.adjusted.append(item)
        return rounded

    def day(self, field: str) -> str | None:
        """A date: ``YYYY-MM-DD`` as is; a timestamp as its day in the draft's time zone.

        A timestamp without offset is UTC (Odoo stores UTC); ``24:00`` is the
        next day's midnight, as ISO 8601 has it.
        """
        value = self.raw(field)
        if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
            return None if value is None else value.isoformat()
        if isinstance(value, str) and len(value.strip()) == 10:
            day = _read_day_text(value.strip())
            if day is None:
                self._bad(field, value, _ISO_DAY, "invalid_date")
            return day
        moment = _to_moment(value)
        if moment is None:
            code = "invalid_date" if isinstance(value, str) else "invalid_type"
            self._bad(field, value, _ISO_DAY, code)
            return None
        try:
            return moment.astimezone(self.builder.tz).date().isoformat()
        except (OverflowError, ValueError):  # a moment at the very edge of the calendar
            self._bad(field, value, _EDGE_DAY, "invalid_date")
            return None

    def pick(
        self, field: str, table: Mapping[str, str | None], name: str, then: Message
    ) -> tuple[str, str | None]:
        """Look the value of *field* up in *table*: ``(state, value)``.

        The state is ``"empty"`` for an empty field (unless the table maps
        ``""``), ``"ignored"`` for a value
        the table maps to None, ``"mapped"`` for one it maps, and
        ``"unmapped"`` for one it lacks, which is reported (saying *then*).
        """
        value = self.text(field)
        if value is None:
            if "" not in table:  # a table may give empty fields a value of their own
                return "empty", None
            value = ""
        if value not in table:
            self.builder.unmapped_value(self, field, value, name, then)
            return "unmapped", None
        mapped = table[value]
        return ("ignored", None) if mapped is None else ("mapped", mapped)
