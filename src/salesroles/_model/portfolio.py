"""The :class:`Portfolio` aggregate: unique ids, resolved references, indexes, lifecycle moves."""

from __future__ import annotations

import functools
import html
import importlib
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from salesroles.exceptions import ErrorItem, LifecycleError, NotFoundError, ValidationError

from .arguments import AN_ID, read_day, read_enum
from .commerce import Assignment, Deal, Order, Product, SupplyContract
from .converters import to_optional_day, to_tuple
from .enums import Role, RoleValue, Segment, SegmentValue
from .messages import error, problem, refusal, shown, template
from .parties import CompetitiveThreat, Customer, KeyAccount, Lead, Stakeholder, TeamMember
from .planning import AccountPlan, RevenueTarget
from .references import COLLECTION_OF, COLLECTIONS, KIND_OF, reference_problems, references_hold
from .validation import Checked, currency

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

__all__ = ["Portfolio", "reference_problems", "resolve_as_of"]


# Typed names of to_tuple for each element type: type checkers read a converter's parameter
# as the argument's type (attrs' plugin, dataclass_transform); at run time they are to_tuple.
if TYPE_CHECKING:

    def _account_plans(value: Iterable[AccountPlan]) -> tuple[AccountPlan, ...]: ...

    def _assignments(value: Iterable[Assignment]) -> tuple[Assignment, ...]: ...

    def _customers(value: Iterable[Customer]) -> tuple[Customer, ...]: ...

    def _deals(value: Iterable[Deal]) -> tuple[Deal, ...]: ...

    def _key_accounts(value: Iterable[KeyAccount]) -> tuple[KeyAccount, ...]: ...

    def _leads(value: Iterable[Lead]) -> tuple[Lead, ...]: ...

    def _orders(value: Iterable[Order]) -> tuple[Order, ...]: ...

    def _products(value: Iterable[Product]) -> tuple[Product, ...]: ...

    def _revenue_targets(value: Iterable[RevenueTarget]) -> tuple[RevenueTarget, ...]: ...

    def _stakeholders(value: Iterable[Stakeholder]) -> tuple[Stakeholder, ...]: ...

    def _supply_contracts(value: Iterable[SupplyContract]) -> tuple[SupplyContract, ...]: ...

    def _team_members(value: Iterable[TeamMember]) -> tuple[TeamMember, ...]: ...

else:
    _account_plans = to_tuple
    _assignments = to_tuple
    _customers = to_tuple
    _deals = to_tuple
    _key_accounts = to_tuple
    _leads = to_tuple
    _orders = to_tuple
    _products = to_tuple
    _revenue_targets = to_tuple
    _stakeholders = to_tuple
    _supply_contracts = to_tuple
    _team_members = to_tuple

_NOTHING: Final = template("not_found", "{ident!r} names nothing in this portfolio")
_OTHER_KIND: Final = template(
    "not_found_kind", "{ident!r} names {found:a}, not {kind:a} in this portfolio"
)
_NO_KEY_ACCOUNT: Final = template(
    "not_key_account", "{customer!r} is not a key account of this portfolio"
)
_NONE_OF_KIND: Final = template("none_of_kind", "{ident!r} names no {kind:kind} in this portfolio")
_NOT_REMOVABLE: Final = template(
    "not_removable", "{ident!r} names no removable entity in this portfolio"
)
_LEAD: Final = template(
    "lead_not_customer",
    "{customer!r} is a lead, not a customer: only an existing customer can be a key account "
    "(S1.4, S2.1); convert the lead first",
)
_ALREADY: Final = template("already_key_account", "{customer!r} is already a key account")
_NOT_MANAGER: Final = template(
    "not_account_manager",
    "{member!r} is a {role:Role}; key accounts are managed by an account manager (S2.1)",
)
_NOT_ENTITY: Final = template(
    "not_an_entity",
    "cannot {op:operation} {got:message} in a portfolio; expected one of {kinds:joined}",
)


T = TypeVar("T")


def _today() -> date:
    # The one place the library reads the clock, as the documented default of "as of".
    return date.today()  # noqa: DTZ011 - a calendar date in the caller's local sense


def _load_frames() -> None:
    # The frame methods live above the wire (salesroles._analytics.frames), which the model
    # does not import; loaded by name on first use, that module replaces them on the class,
    # so that importing salesroles loads neither it nor the wire until they are needed.
    importlib.import_module("salesroles._analytics.frames")


def resolve_as_of(on: date | str | None, portfolio: Portfolio, path: str = "on") -> date:
    """The date to judge at: *on* (a date or ISO text), else the portfolio's ``as_of``, else today.

    Raises:
        ValidationError: *on* is no date (code ``invalid_date``, at *path*).
    """
    if on is not None:
        return read_day(on, path)
    if portfolio.as_of is not None:
        return portfolio.as_of
    return _today()


def _group(items: Iterable[T], key: Callable[[T], str | None]) -> dict[str, tuple[T, ...]]:
    groups: defaultdict[str, list[T]] = defaultdict(list)
    for item in items:
        k = key(item)
        if k is not None:
            groups[k].append(item)
    return {k: tuple(v) for k, v in groups.items()}


@attrs.frozen(kw_only=True, repr=False)
class Portfolio(Checked):
    """Everything a sales organisation holds, as one validated, immutable aggregate.

    On construction every id must be unique across the whole portfolio and
    every reference must name an entity of the right kind; all duplicates and
    dangling references are reported at once, each with its path (such as
    ``plans[0].owner``). Lookups by id use indexes built once, on first use.

    ``as_of`` is the date the portfolio is judged at (what "current plan" and
    "active contract" mean); the questions below take an ``on`` date that
    defaults to it, and, without either, to today's date.

    Change is a new portfolio: :func:`attrs.evolve`, or the named moves such as
    :meth:`designate_key_account`, :meth:`add`, :meth:`replace` and :meth:`remove`.

    >>> from salesroles import Customer, KeyAccount
    >>> p = Portfolio(
    ...     customers=[Customer(id="C-1", name="ACME", segment="large", status="active")],
    ...     key_accounts=[KeyAccount(customer="C-1", manager="nobody")],
    ... )
    Traceback (most recent call last):
    ...
    salesroles.exceptions.ValidationError: key_accounts[0].manager: 'nobody' names nothing in this portfolio; expected the id of a team member
    """  # noqa: E501

    as_of: date | None = attrs.field(default=None, converter=to_optional_day)
    currency: str | None = attrs.field(default=None, metadata=currency())
    products: tuple[Product, ...] = attrs.field(default=(), converter=_products)
    team: tuple[TeamMember, ...] = attrs.field(default=(), converter=_team_members)
    customers: tuple[Customer, ...] = attrs.field(default=(), converter=_customers)
    leads: tuple[Lead, ...] = attrs.field(default=(), converter=_leads)
    key_accounts: tuple[KeyAccount, ...] = attrs.field(default=(), converter=_key_accounts)
    stakeholders: tuple[Stakeholder, ...] = attrs.field(default=(), converter=_stakeholders)
    plans: tuple[AccountPlan, ...] = attrs.field(default=(), converter=_account_plans)
    contracts: tuple[SupplyContract, ...] = attrs.field(default=(), converter=_supply_contracts)
    orders: tuple[Order, ...] = attrs.field(default=(), converter=_orders)
    deals: tuple[Deal, ...] = attrs.field(default=(), converter=_deals)
    targets: tuple[RevenueTarget, ...] = attrs.field(default=(), converter=_revenue_targets)
    assignments: tuple[Assignment, ...] = attrs.field(default=(), converter=_assignments)

    def _invariants(self) -> Iterator[ErrorItem]:
        if references_hold(self):  # the valid case, without a path or an object per id
            return
        yield from reference_problems({name: getattr(self, name) for name in COLLECTIONS})

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{name}={len(getattr(self, name))}" for name in COLLECTIONS if getattr(self, name)
        )
        as_of = f"as_of={self.as_of.isoformat()}" if self.as_of else "as_of=None"
        return f"<Portfolio {as_of}{', ' if counts else ''}{counts}>"

    def _repr_html_(self) -> str:
        """A compact summary for notebooks: how much of each kind the portfolio holds."""
        rows = "".join(
            f"<tr><td>{name}</td><td>{len(getattr(self, name)):,}</td></tr>"
            for name in COLLECTIONS
            if getattr(self, name)
        )
        as_of = self.as_of.isoformat() if self.as_of else "today (no as_of)"
        currency = html.escape(self.currency) if self.currency else "not set"
        return (
            f"<div><p><strong>Portfolio</strong> judged as of {as_of}, currency {currency}</p>"
            f"<table><thead><tr><th>collection</th><th>entries</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></div>"
        )

    # -- pandas (the notebook extra); given by salesroles._analytics.frames, above the wire --

    def to_frames(self) -> dict[str, Any]:
        """Return one pandas DataFrame per collection, ids as the index (the notebook extra).

        See docs/analytics.md, "A portfolio as DataFrames".
        """
        _load_frames()  # replaces this method on the class
        return type(self).to_frames(self)

    @classmethod
    def from_frames(cls, frames: Mapping[str, Any]) -> Portfolio:
        """Build a portfolio from frames shaped as :meth:`to_frames` returns them.

        See docs/analytics.md, "A portfolio as DataFrames".
        """
        _load_frames()  # replaces this method on the class
        return cls.from_frames(frames)

    # -- indexes, built once on first use --

    @functools.cached_property
    def _by_id(self) -> dict[str, object]:
        index: dict[str, object] = {}
        for name in COLLECTIONS:
            for item in getattr(self, name):
                if isinstance(item, KeyAccount):
                    for threat in item.threats:
                        index[threat.id] = threat
                elif not isinstance(item, Assignment):
                    index[item.id] = item
        return index

    @functools.cached_property
    def _key_accounts(self) -> dict[str, KeyAccount]:
        return {account.customer: account for account in self.key_accounts}

    @functools.cached_property
    def _threat_accounts(self) -> dict[str, KeyAccount]:
        return {t.id: account for account in self.key_accounts for t in account.threats}

    @functools.cached_property
    def _stakeholders_by_customer(self) -> dict[str, tuple[Stakeholder, ...]]:
        return _group(self.stakeholders, lambda s: s.customer)

    @functools.cached_property
    def _plans_by_account(self) -> dict[str, tuple[AccountPlan, ...]]:
        return _group(self.plans, lambda p: p.account)

    @functools.cached_property
    def _contracts_by_customer(self) -> dict[str, tuple[SupplyContract, ...]]:
        return _group(self.contracts, lambda k: k.customer)

    @functools.cached_property
    def _orders_by_customer(self) -> dict[str, tuple[Order, ...]]:
        return _group(self.orders, lambda o: o.customer)

    @functools.cached_property
    def _deals_by_customer(self) -> dict[str, tuple[Deal, ...]]:
        return _group(self.deals, lambda d: d.customer)

    @functools.cached_property
    def _leads_by_owner(self) -> dict[str, tuple[Lead, ...]]:
        return _group(self.leads, lambda lead: lead.owner)

    @functools.cached_property
    def _accounts_by_manager(self) -> dict[str, tuple[KeyAccount, ...]]:
        return _group(self.key_accounts, lambda a: a.manager)

    @functools.cached_property
    def _assignments_by_member(self) -> dict[str, tuple[Assignment, ...]]:
        return _group(self.assignments, lambda a: a.member)

    @functools.cached_property
    def _targets_by_owner(self) -> dict[str, tuple[RevenueTarget, ...]]:
        return _group(self.targets, lambda t: t.owner)

    # -- lookups by id --

    def get(self, ident: str) -> object | None:
        """Return the entity with id *ident* (a threat or a plan action's id too), or None."""
        return self._by_id.get(_id(ident))

    def _find(self, ident: str, cls: type[T]) -> T:
        found = self._by_id.get(_id(ident))
        if isinstance(found, cls):
            return found
        if found is None:
            raise refusal(NotFoundError, "not_found", _NOTHING, ident=ident, kind=KIND_OF[cls])
        raise refusal(
            NotFoundError,
            "not_found",
            _OTHER_KIND,
            ident=ident,
            found=_kind(found),
            kind=KIND_OF[cls],
        )

    def member(self, ident: str) -> TeamMember:
        """Return the team member *ident*; raise :class:`NotFoundError` if there is none."""
        return self._find(ident, TeamMember)

    def customer(self, ident: str) -> Customer:
        """Return the customer *ident*; raise :class:`NotFoundError` if there is none."""
        return self._find(ident, Customer)

    def lead(self, ident: str) -> Lead:
        """Return the lead *ident*; raise :class:`NotFoundError` if there is none."""
        return self._find(ident, Lead)

    def product(self, ident: str) -> Product:
        """Return the product *ident*; raise :class:`NotFoundError` if there is none."""
        return self._find(ident, Product)

    def stakeholder(self, ident: str) -> Stakeholder:
        """Return the stakeholder *ident*; raise :class:`NotFoundError` if there is none."""
        return self._find(ident, Stakeholder)

    def plan(self, ident: str) -> AccountPlan:
        """Return the account plan *ident*; raise :class:`NotFoundError` if there is none."""
        return self._find(ident, AccountPlan)

    def contract(self, ident: str) -> SupplyContract:
        """Return the supply contract *ident*; raise :class:`NotFoundError` if there is none."""
        return self._find(ident, SupplyContract)

    def order(self, ident: str) -> Order:
        """Return the order *ident*; raise :class:`NotFoundError` if there is none."""
        return self._find(ident, Order)

    def deal(self, ident: str) -> Deal:
        """Return the deal *ident*; raise :class:`NotFoundError` if there is none."""
        return self._find(ident, Deal)

    def target(self, ident: str) -> RevenueTarget:
        """Return the revenue target *ident*; raise :class:`NotFoundError` if there is none."""
        return self._find(ident, RevenueTarget)

    def threat(self, ident: str) -> CompetitiveThreat:
        """Return the competitive threat *ident*; raise :class:`NotFoundError` if there is none."""
        return self._find(ident, CompetitiveThreat)

    def key_account(self, customer: str) -> KeyAccount:
        """Return the key account of *customer*; raise :class:`NotFoundError` if it is none."""
        found = self._key_accounts.get(_id(customer, "customer"))
        if found is None:
            raise refusal(NotFoundError, "not_found", _NO_KEY_ACCOUNT, customer=customer)
        return found

    def is_key_account(self, customer: str) -> bool:
        """Whether *customer* (an id) is designated a key account."""
        return customer in self._key_accounts

    def account_of_threat(self, threat: str) -> KeyAccount | None:
        """Return the key account a threat (by id) was noted on, or None."""
        return self._threat_accounts.get(threat)

    # -- the questions the rules ask --

    def stakeholders_of(self, customer: str) -> tuple[Stakeholder, ...]:
        """Return the decision team of *customer*: its stakeholders (S4.3)."""
        return self._stakeholders_by_customer.get(customer, ())

    def plans_of(self, account: str) -> tuple[AccountPlan, ...]:
        """Return every plan written for *account*, current or not."""
        return self._plans_by_account.get(account, ())

    def current_plan(self, account: str, on: date | str | None = None) -> AccountPlan | None:
        """Return the plan of *account* whose period contains *on*, or None.

        *on* defaults to the portfolio's ``as_of``, else today. When several
        plans cover the day, the one that started last wins.
        """
        day = resolve_as_of(on, self)
        current = [p for p in self.plans_of(account) if p.period.contains(day)]
        return max(current, key=lambda p: p.period.start, default=None)

    def contracts_of(self, customer: str) -> tuple[SupplyContract, ...]:
        """Return every supply contract with *customer*."""
        return self._contracts_by_customer.get(customer, ())

    def active_contracts(
        self, on: date | str | None = None, *, customer: str | None = None
    ) -> tuple[SupplyContract, ...]:
        """Return the contracts in force on *on* (default: ``as_of``, else today).

        With *customer*, only that customer's.
        """
        day = resolve_as_of(on, self)
        pool = self.contracts if customer is None else self.contracts_of(customer)
        return tuple(k for k in pool if k.is_active(day))

    def orders_of(self, customer: str) -> tuple[Order, ...]:
        """Return every order of *customer*."""
        return self._orders_by_customer.get(customer, ())

    def deals_of(self, customer: str) -> tuple[Deal, ...]:
        """Return every deal with *customer*."""
        return self._deals_by_customer.get(customer, ())

    def leads_of(self, member: str) -> tuple[Lead, ...]:
        """Return the leads *member* owns."""
        return self._leads_by_owner.get(member, ())

    def accounts_managed_by(self, member: str) -> tuple[KeyAccount, ...]:
        """Return the key accounts whose manager is *member*."""
        return self._accounts_by_manager.get(member, ())

    def assignments_of(self, member: str) -> tuple[Assignment, ...]:
        """Return the work assigned to *member*."""
        return self._assignments_by_member.get(member, ())

    def targets_of(self, member: str) -> tuple[RevenueTarget, ...]:
        """Return the revenue targets *member* owns."""
        return self._targets_by_owner.get(member, ())

    def members_with(self, role: Role | RoleValue) -> tuple[TeamMember, ...]:
        """Return the team members in *role* (a Role or its value, ``"sales_rep"``)."""
        wanted = read_enum(role, Role, "role")
        return tuple(m for m in self.team if m.role is wanted)

    # -- change: each returns a new, re-validated portfolio --

    def add(self, *entities: object) -> Portfolio:
        """Return the portfolio with *entities* appended to their collections."""
        changes: dict[str, list[object]] = {}
        for entity in entities:
            name = COLLECTION_OF.get(type(entity))
            if name is None:
                raise _not_an_entity(entity, "add")
            changes.setdefault(name, list(getattr(self, name))).append(entity)
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]

    def replace(self, entity: object) -> Portfolio:
        """Return the portfolio with the entity of the same id (or key account) replaced."""
        name = COLLECTION_OF.get(type(entity))
        if name is None or isinstance(entity, Assignment):
            raise _not_an_entity(entity, "replace")
        ident = entity.id  # type: ignore[attr-defined]
        items = list(getattr(self, name))
        for i, item in enumerate(items):
            if item.id == ident:
                items[i] = entity
                return attrs.evolve(self, **{name: items})  # type: ignore[arg-type]
        raise refusal(
            NotFoundError, "not_found", _NONE_OF_KIND, ident=ident, kind=KIND_OF[type(entity)]
        )

    def remove(self, ident: str) -> Portfolio:
        """Return the portfolio without the entity *ident*.

        What still refers to it makes the new portfolio invalid, and the
        :class:`~salesroles.ValidationError` names every such reference.
        """
        found = self._by_id.get(_id(ident))
        if found is None or isinstance(found, CompetitiveThreat):
            raise refusal(NotFoundError, "not_found", _NOT_REMOVABLE, ident=ident)
        name = COLLECTION_OF[type(found)]
        kept = [item for item in getattr(self, name) if item is not found]
        return attrs.evolve(self, **{name: kept})  # type: ignore[arg-type]

    def qualify_lead(self, lead: str) -> Portfolio:
        """Return the portfolio with lead *lead* qualified (see :meth:`Lead.qualify`)."""
        return self.replace(self.lead(lead).qualify())

    def disqualify_lead(self, lead: str) -> Portfolio:
        """Return the portfolio with lead *lead* disqualified."""
        return self.replace(self.lead(lead).disqualify())

    def convert_lead(
        self,
        lead: str,
        *,
        customer_id: str,
        segment: Segment | SegmentValue,
        since: date | str | None = None,
        name: str | None = None,
    ) -> Portfolio:
        """Return the portfolio with a qualified lead won: marked converted, its customer added."""
        converted, customer = self.lead(lead).convert(
            customer_id=customer_id, segment=segment, since=since, name=name
        )
        return self.replace(converted).add(customer)

    def designate_key_account(
        self,
        customer: str,
        *,
        manager: str | None = None,
        on: date | str | None = None,
        reason: str | None = None,
    ) -> Portfolio:
        """Return the portfolio with *customer* designated a key account (S2.1, S2.2).

        Raises:
            LifecycleError: *customer* is a lead, is lapsed or lost, or is
                already a key account.
            NotFoundError: *customer* names nothing.
        """
        found = self._by_id.get(_id(customer, "customer"))
        if isinstance(found, Lead):
            raise refusal(LifecycleError, "lead_not_customer", _LEAD, customer=customer)
        if self.is_key_account(customer):
            raise refusal(LifecycleError, "already_key_account", _ALREADY, customer=customer)
        account = self.customer(customer).designate(manager=manager, on=on, reason=reason)
        if manager is not None:
            self._check_manager(manager)
        return self.add(account)

    def release_key_account(self, customer: str) -> Portfolio:
        """Return the portfolio with *customer* no longer a key account.

        Its plans are kept as history; its threats go with the designation,
        so plan actions that answered them no longer name them.
        """
        account = self.key_account(customer)
        threats = {t.id for t in account.threats}
        plans = [
            attrs.evolve(
                plan,
                actions=tuple(
                    attrs.evolve(a, responds_to=None) if a.responds_to in threats else a
                    for a in plan.actions
                ),
            )
            if any(a.responds_to in threats for a in plan.actions)
            else plan
            for plan in self.plans
        ]
        return attrs.evolve(
            self,
            key_accounts=tuple(a for a in self.key_accounts if a is not account),
            plans=plans,
        )

    def _check_manager(self, member: str) -> None:
        who = self.member(member)
        if who.role is not Role.ACCOUNT_MANAGER:
            raise refusal(
                LifecycleError,
                "not_account_manager",
                _NOT_MANAGER,
                member=member,
                role=who.role.value,
            )

    def assign_manager(self, customer: str, member: str) -> Portfolio:
        """Return the portfolio with *member* managing the key account of *customer*.

        Raises:
            LifecycleError: *member* is not an account manager (S2.1).
            NotFoundError: *customer* is not a key account or *member* is unknown.
        """
        account = self.key_account(customer)
        self._check_manager(member)
        return self._replace_account(account.with_manager(member))

    def _replace_account(self, account: KeyAccount) -> Portfolio:
        return attrs.evolve(
            self,
            key_accounts=tuple(
                account if a.customer == account.customer else a for a in self.key_accounts
            ),
        )


def _id(value: object, path: str = "ident") -> str:
    """An id to look up: a string, else a ValidationError (a list is no id, and unhashable)."""
    if type(value) is not str:
        raise problem(path, value, AN_ID)
    return value


def _not_an_entity(value: object, verb: str) -> ValidationError:
    kinds = ", ".join(cls.__name__ for cls in COLLECTIONS.values() if cls is not Assignment)
    if verb == "add":
        kinds += ", Assignment"
    return error(
        "entity", "invalid_type", _NOT_ENTITY, op=verb, got=shown(value), kinds=kinds.split(", ")
    )


def _kind(entity: object) -> str:
    return KIND_OF.get(type(entity), type(entity).__name__)
