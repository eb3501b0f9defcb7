"""The portfolio's collections, the kinds of entity they hold, and the references between them.

Entities refer to each other by id (a plan names its account, a deal its
owner). Here every id of a portfolio is registered once, and every reference
checked against that register: all problems at once, each with its path.
"""

from __future__ import annotations

from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final

from .commerce import Assignment, Deal, Order, Product, SupplyContract
from .messages import error_item as problem_at
from .messages import phrases, template
from .parties import CompetitiveThreat, Customer, KeyAccount, Lead, Stakeholder, TeamMember
from .planning import AccountPlan, RevenueTarget

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

    from salesroles.exceptions import ErrorItem

__all__ = [
    "COLLECTIONS",
    "COLLECTION_OF",
    "KINDS_HELD",
    "KIND_OF",
    "owned_ids",
    "reference_problems",
    "references_hold",
]


# What each kind of entity is called in messages.
KIND_OF: Final[dict[type, str]] = {
    Product: "product",
    TeamMember: "team member",
    Customer: "customer",
    Lead: "lead",
    Stakeholder: "stakeholder",
    AccountPlan: "plan",
    SupplyContract: "contract",
    Order: "order",
    Deal: "deal",
    RevenueTarget: "target",
    CompetitiveThreat: "threat",
    KeyAccount: "key account",
}


# Messages name a kind with its article in English ("a team member"), as a noun in German.
phrases("kind", {kind: kind for kind in KIND_OF.values()})

_TAKEN: Final = template(
    "duplicate_id",
    "{ident!r} is already the id of {kind:a} at {first}; expected an id unique across the "
    "portfolio",
)
_DESIGNATED: Final = template(
    "duplicate_key_account",
    "{customer!r} is already a key account at key_accounts[{first}]; expected each customer "
    "designated once",
)
_DANGLING: Final = template(
    "dangling_reference",
    "{ref!r} names nothing in this portfolio; expected the id of {allowed:a}",
)
_WRONG: Final = template("wrong_reference", "{ref!r} is {kind:a}; expected the id of {allowed:a}")


# Collections of the portfolio in wire order, with the class they hold.
COLLECTIONS: Final[dict[str, type]] = {
    "products": Product,
    "team": TeamMember,
    "customers": Customer,
    "leads": Lead,
    "key_accounts": KeyAccount,
    "stakeholders": Stakeholder,
    "plans": AccountPlan,
    "contracts": SupplyContract,
    "orders": Order,
    "deals": Deal,
    "targets": RevenueTarget,
    "assignments": Assignment,
}


COLLECTION_OF: Final = {cls: name for name, cls in COLLECTIONS.items()}


_MEMBER = ("team member",)


_CUSTOMER = ("customer",)


_PRODUCT = ("product",)


_SUBJECT = ("customer", "lead", "plan", "deal", "order")


# (relative path, referenced id, kinds it may name) for each reference of an item.
_Ref = tuple[str, "str | None", tuple[str, ...]]


def _refs_lead(x: Lead) -> Iterator[_Ref]:
    yield "owner", x.owner, _MEMBER


def _refs_key_account(x: KeyAccount) -> Iterator[_Ref]:
    yield "customer", x.customer, _CUSTOMER
    yield "manager", x.manager, _MEMBER


def _refs_stakeholder(x: Stakeholder) -> Iterator[_Ref]:
    yield "customer", x.customer, _CUSTOMER


def _refs_plan(x: AccountPlan) -> Iterator[_Ref]:
    yield "account", x.account, _CUSTOMER
    yield "owner", x.owner, _MEMBER
    for i, target in enumerate(x.product_targets):
        yield f"product_targets[{i}].product", target.product, _PRODUCT
    for i, action in enumerate(x.actions):
        yield f"actions[{i}].responds_to", action.responds_to, ("threat",)
    if x.communication is not None:
        for i, who in enumerate(x.communication.stakeholders):
            yield f"communication.stakeholders[{i}]", who, ("stakeholder",)
    for i, proposal in enumerate(x.customizations):
        yield f"customizations[{i}].product", proposal.product, _PRODUCT


def _refs_contract(x: SupplyContract) -> Iterator[_Ref]:
    yield "customer", x.customer, _CUSTOMER
    for i, product in enumerate(x.products):
        yield f"products[{i}]", product, _PRODUCT
    yield "negotiated_by", x.negotiated_by, _MEMBER


def _refs_order(x: Order) -> Iterator[_Ref]:
    yield "customer", x.customer, _CUSTOMER
    yield "placed_by", x.placed_by, ("stakeholder",)
    yield "administered_by", x.administered_by, _MEMBER


def _refs_deal(x: Deal) -> Iterator[_Ref]:
    yield "customer", x.customer, _CUSTOMER
    yield "owner", x.owner, _MEMBER


def _refs_target(x: RevenueTarget) -> Iterator[_Ref]:
    yield "owner", x.owner, _MEMBER
    yield "set_by", x.set_by, _MEMBER


def _refs_assignment(x: Assignment) -> Iterator[_Ref]:
    yield "member", x.member, _MEMBER
    yield "subject", x.subject, _SUBJECT


_REFERENCES: Final[dict[type, Callable[[Any], Iterator[_Ref]]]] = {
    Lead: _refs_lead,
    KeyAccount: _refs_key_account,
    Stakeholder: _refs_stakeholder,
    AccountPlan: _refs_plan,
    SupplyContract: _refs_contract,
    Order: _refs_order,
    Deal: _refs_deal,
    RevenueTarget: _refs_target,
    Assignment: _refs_assignment,
}


def owned_ids(item: object) -> Iterator[tuple[str, str, str]]:
    """Yield (relative path, id, kind) of every id an item brings into the portfolio."""
    if isinstance(item, KeyAccount):
        for i, threat in enumerate(item.threats):
            yield f"threats[{i}].id", threat.id, "threat"
        return
    if isinstance(item, Assignment):
        return
    yield "id", item.id, KIND_OF[type(item)]  # type: ignore[attr-defined]
    if isinstance(item, AccountPlan):
        for i, action in enumerate(item.actions):
            yield f"actions[{i}].id", action.id, "plan action"
        for i, proposal in enumerate(item.customizations):
            yield f"customizations[{i}].id", proposal.id, "customization proposal"


# The kinds of id the items of each collection bring in (see owned_ids): a key account
# has no id of its own, only its threats', and a plan's actions and proposals have theirs.
KINDS_HELD: Final[dict[str, frozenset[str]]] = {
    name: frozenset({KIND_OF[cls]}) for name, cls in COLLECTIONS.items() if cls in KIND_OF
} | {
    "key_accounts": frozenset({"threat"}),
    "plans": frozenset({"plan", "plan action", "customization proposal"}),
    "assignments": frozenset(),
}


_ID = attrgetter("id")


def _attribute(name: str, items: Iterable[Any]) -> Iterator[Any]:
    return map(attrgetter(name), items)


def _nested(outer: str, inner: str, items: Iterable[Any]) -> Iterator[Any]:
    """``inner`` of every element of every item's ``outer`` tuple."""
    return map(attrgetter(inner), chain.from_iterable(map(attrgetter(outer), items)))


def references_hold(portfolio: Any) -> bool:
    """Whether every id of a complete *portfolio* is unique and every reference resolves.

    The quick answer for the valid case: sets of ids per kind and C-level
    maps over the collections, with no path and no object per id. When it
    says no, :func:`reference_problems` finds out what is wrong, with paths.
    It agrees with ``not reference_problems(...)`` on every portfolio whose
    fields are all well typed (a test proves it on generated portfolios).
    """
    p = portfolio
    plans = p.plans
    ids: dict[str, set[Any]] = {
        "product": set(map(_ID, p.products)),
        "team member": set(map(_ID, p.team)),
        "customer": set(map(_ID, p.customers)),
        "lead": set(map(_ID, p.leads)),
        "threat": set(_nested("threats", "id", p.key_accounts)),
        "stakeholder": set(map(_ID, p.stakeholders)),
        "plan": set(map(_ID, plans)),
        "plan action": set(_nested("actions", "id", plans)),
        "customization proposal": set(_nested("customizations", "id", plans)),
        "contract": set(map(_ID, p.contracts)),
        "order": set(map(_ID, p.orders)),
        "deal": set(map(_ID, p.deals)),
        "target": set(map(_ID, p.targets)),
    }
    held = (
        len(p.products) + len(p.team) + len(p.customers) + len(p.leads) + len(p.stakeholders)
        + len(plans) + len(p.contracts) + len(p.orders) + len(p.deals) + len(p.targets)
        + sum(map(len, _attribute("threats", p.key_accounts)))
        + sum(map(len, _attribute("actions", plans)))
        + sum(map(len, _attribute("customizations", plans)))
    )  # fmt: skip
    if sum(map(len, ids.values())) != held or len(set().union(*ids.values())) != held:
        return False  # an id held twice
    accounts = p.key_accounts
    if len(set(_attribute("customer", accounts))) != len(accounts):
        return False  # a customer designated twice
    # None is no id: an optional reference left out resolves.
    member, customer, product = (ids[k] | {None} for k in ("team member", "customer", "product"))
    communication = [plan.communication for plan in plans if plan.communication is not None]
    subjects = set().union(*(ids[k] for k in _SUBJECT))
    return (
        member.issuperset(_attribute("owner", p.leads))
        and customer.issuperset(_attribute("customer", accounts))
        and member.issuperset(_attribute("manager", accounts))
        and customer.issuperset(_attribute("customer", p.stakeholders))
        and customer.issuperset(_attribute("account", plans))
        and member.issuperset(_attribute("owner", plans))
        and product.issuperset(_nested("product_targets", "product", plans))
        and (ids["threat"] | {None}).issuperset(_nested("actions", "responds_to", plans))
        and ids["stakeholder"].issuperset(chain.from_iterable(
            _attribute("stakeholders", communication)
        ))
        and product.issuperset(_nested("customizations", "product", plans))
        and customer.issuperset(_attribute("customer", p.contracts))
        and product.issuperset(chain.from_iterable(_attribute("products", p.contracts)))
        and member.issuperset(_attribute("negotiated_by", p.contracts))
        and customer.issuperset(_attribute("customer", p.orders))
        and (ids["stakeholder"] | {None}).issuperset(_attribute("placed_by", p.orders))
        and member.issuperset(_attribute("administered_by", p.orders))
        and customer.issuperset(_attribute("customer", p.deals))
        and member.issuperset(_attribute("owner", p.deals))
        and member.issuperset(_attribute("owner", p.targets))
        and member.issuperset(_attribute("set_by", p.targets))
        and member.issuperset(_attribute("member", p.assignments))
        and (subjects | {None}).issuperset(_attribute("subject", p.assignments))
    )  # fmt: skip


def reference_problems(
    collections: Mapping[str, Sequence[object | None]], unreadable: Iterable[str] = ()
) -> list[ErrorItem]:
    """Find duplicate ids and references that do not resolve, all at once.

    *collections* maps collection names (``"plans"``) to their items; an item
    may be ``None`` where the input could not be read, which keeps the paths of
    the others right and lets the check run on what is there. *unreadable*
    names collections that could not be read at all: a reference that may
    name one of their items is not judged, for nobody can tell what they held.
    """
    problems: list[ErrorItem] = []
    kinds = _register_ids(collections, problems)
    _check_designations(collections.get("key_accounts", ()), problems)
    unknown = frozenset().union(*(KINDS_HELD[name] for name in unreadable))
    _check_references(collections, kinds, unknown, problems)
    return problems


def _register_ids(
    collections: Mapping[str, Sequence[object | None]], problems: list[ErrorItem]
) -> dict[str, tuple[str, str]]:
    """Map every id to (kind, path where first seen), reporting ids seen twice.

    A duplicated id maps to the kinds of all its holders joined by ``|``, so a
    reference to it is not also reported as naming the wrong kind.
    """
    kinds: dict[str, tuple[str, str]] = {}
    for name in COLLECTIONS:
        for i, item in enumerate(collections.get(name, ())):
            if item is None:
                continue
            for rel, ident, kind in owned_ids(item):
                path = f"{name}[{i}].{rel}"
                first = kinds.setdefault(ident, (kind, path))
                if first[1] != path:
                    kinds[ident] = (f"{first[0]}|{kind}", first[1])
                    problems.append(
                        problem_at(
                            path,
                            "duplicate_id",
                            _TAKEN,
                            ident=ident,
                            kind=first[0].split("|")[0],
                            first=first[1].removesuffix(".id"),
                        )
                    )
    return kinds


def _check_designations(accounts: Sequence[object | None], problems: list[ErrorItem]) -> None:
    """Report a customer designated a key account more than once."""
    designated: dict[str, int] = {}
    for i, account in enumerate(accounts):
        # A key account read in part may lack its customer: it designates nobody then.
        if not isinstance(account, KeyAccount) or type(account.customer) is not str:
            continue
        first = designated.setdefault(account.customer, i)
        if first != i:
            problems.append(
                problem_at(
                    f"key_accounts[{i}].customer",
                    "duplicate_key_account",
                    _DESIGNATED,
                    customer=account.customer,
                    first=first,
                )
            )


def _check_references(
    collections: Mapping[str, Sequence[object | None]],
    kinds: Mapping[str, tuple[str, str]],
    unknown: frozenset[str],
    problems: list[ErrorItem],
) -> None:
    """Report references that name nothing, or something of the wrong kind.

    A reference that names nothing is not judged when it may name an id of an
    *unknown* kind; one that names an id of another kind still is (ids are unique).
    """
    for name, cls in COLLECTIONS.items():
        refs = _REFERENCES.get(cls)
        if refs is None:
            continue
        for i, item in enumerate(collections.get(name, ())):
            if item is None:
                continue
            for rel, ref, allowed in refs(item):
                if ref is None:
                    continue
                found = kinds.get(ref)
                # The plain kind first: the split is only for an id held twice ("a|b").
                if found is not None and (
                    found[0] in allowed or any(k in allowed for k in found[0].split("|"))
                ):
                    continue
                if found is None and unknown and not unknown.isdisjoint(allowed):
                    continue  # it may name an item of a collection that did not read
                path = f"{name}[{i}].{rel}"
                if found is None:
                    problems.append(
                        problem_at(
                            path, "dangling_reference", _DANGLING, ref=ref, allowed=list(allowed)
                        )
                    )
                else:
                    kind = found[0].split("|")[0]
                    problems.append(
                        problem_at(
                            path,
                            "wrong_reference",
                            _WRONG,
                            ref=ref,
                            kind=kind,
                            allowed=list(allowed),
                        )
                    )
