"""Pieces of work and their verdict: the one judgement that check and decide share.

A piece of work is somebody doing a responsibility about a subject. A
portfolio records seven kinds: an assignment, a lead's owner (following it
up), a deal's owner (closing it), a plan's owner (writing it), an order's
administrator, a target's setter and a key account's manager.
:func:`~salesroles.check` judges every piece its portfolio records with
:func:`judge_work`; :func:`~salesroles.decide` judges the one it is asked
about with the same function, so the two cannot disagree.

What the subject is matters (S1.4, S2.1): the verdict reads it as a set of
*kinds* (:func:`subject_kinds`), which are also what the rules' guards name,
so that the rule a refusal cites is found in the catalogue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import attrs

from salesroles._i18n.message import said, template
from salesroles._model.commerce import Deal, Order, SupplyContract
from salesroles._model.enums import CustomerStatus, Responsibility, Role
from salesroles._model.parties import Customer, KeyAccount, Lead, Stakeholder
from salesroles._model.planning import AccountPlan, RevenueTarget

from .rule import Rule

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from .context import Context

__all__ = [
    "CURRENT_PLAN",
    "FORMER_CUSTOMER",
    "FORMER_KEY_ACCOUNT",
    "KEY_ACCOUNT",
    "KEY_ACCOUNT_WORK",
    "LEAD",
    "ORDER",
    "TARGET",
    "Verdict",
    "Work",
    "doubtful_work",
    "judge_work",
    "most_specific_rule",
    "recorded_work",
    "subject_kinds",
]

# -- the kinds of subject a verdict reads and a guard names --

#: A lead: new business (S1.3, S1.4).
LEAD: Final = "lead"
#: A customer who lapsed or was lost: winning them back is new business (S1.4).
FORMER_CUSTOMER: Final = "former customer"
#: A key account whose customer is no longer active (S2.1, S2.2).
FORMER_KEY_ACCOUNT: Final = "former key account"
#: A key account of an active customer: the designation its manager keeps.
KEY_ACCOUNT: Final = "key account"
#: Work on an active key account: its customer, plan, deal, order, contract or stakeholder.
KEY_ACCOUNT_WORK: Final = "key account work"
#: The current plan of an active key account that has a manager (S3.3, S3.4).
CURRENT_PLAN: Final = "current plan"
#: A revenue target (S3.2).
TARGET: Final = "target"
#: An order (S5.5).
ORDER: Final = "order"

# What a responsibility is about when decide is told no subject: the form a portfolio
# records it in, so that the rule cited is the one that would report it there.
_RECORDED_FORM: Final[dict[Responsibility, frozenset[str]]] = {
    Responsibility.MANAGE_KEY_ACCOUNTS: frozenset({KEY_ACCOUNT}),
    Responsibility.WRITE_ACCOUNT_PLAN: frozenset({CURRENT_PLAN}),
    Responsibility.ORDER_ADMINISTRATION: frozenset({ORDER}),
    Responsibility.SET_SALES_TARGETS: frozenset({TARGET}),
}
_AM: Final = Role.ACCOUNT_MANAGER


@attrs.frozen(kw_only=True)
class Work:
    """One piece of work a portfolio records: a member doing a responsibility about a subject.

    Attributes:
        member: The id of the team member doing it.
        responsibility: What they do.
        subject: The entity it is about.
        subject_id: The id findings about it carry as their subject (a key
            account's is its customer's).
        recorded_as: Where the portfolio records it: ``assignment``,
            ``lead owner``, ``deal owner``, ``plan owner``, ``order
            administrator``, ``target setter`` or ``key account manager``.
    """

    member: str
    responsibility: Responsibility
    subject: object
    subject_id: str
    recorded_as: str


@attrs.frozen(kw_only=True)
class Verdict:
    """Whether a piece of work is right, which rule reports it if not, and why.

    Attributes:
        allowed: Whether the work is the doer's.
        rule: The rule that reports it when it is not, else None.
        owners: The roles whose work it is here.
        because: What about the subject decided it, as a message (its code
            and parameters, see :func:`~salesroles._i18n.message.said`), or
            None when the policy's table alone did.
        claims: The claims behind *because*.
        what: How the reason names the work whose owners it gives (``that``
            for the work itself).
    """

    allowed: bool
    rule: Rule | None = None
    owners: frozenset[Role] = frozenset()
    because: dict[str, Any] | None = attrs.field(default=None, eq=False)
    claims: tuple[str, ...] = ()
    what: str = "that"


def recorded_work(ctx: Context) -> Iterator[Work]:
    """Every piece of work *ctx*'s portfolio records, collection by collection."""
    return _work(ctx, everything=True)


def doubtful_work(ctx: Context) -> Iterator[Work]:
    """The recorded work that may be wrong, in the order of :func:`recorded_work`.

    Most of a portfolio's work is an owner doing their own work: a sales rep
    following up their lead, a coordinator administering an order. Such work
    is right on its face (the table gives it to the member's role, and its
    subject is of no kind that could make it wrong) and is passed over here
    at the cost of a set lookup, as the generated field checks pass over
    valid values; everything else is yielded for :func:`judge_work`, which
    decides. Nothing :func:`judge_work` would refuse is passed over
    (``tests/test_agreement.py``).
    """
    return _work(ctx, everything=False)


def _work(ctx: Context, *, everything: bool) -> Iterator[Work]:
    """The recorded work: all of it, or only what may be wrong (see :func:`doubtful_work`)."""
    p, owners, duty = ctx.portfolio, ctx.table, Responsibility
    role = {m.id: m.role for m in p.team}.get
    active = ctx.active_accounts
    # The manager who must own each current plan of an active key account (S3.3, S3.4).
    managed = {plan.id: account.manager for account, plan in ctx.current if account.manager}
    follow, manage = owners[duty.FOLLOW_UP_LEADS], owners[duty.MANAGE_KEY_ACCOUNTS]
    sets, writes = owners[duty.SET_SALES_TARGETS], owners[duty.WRITE_ACCOUNT_PLAN]
    admin, close = owners[duty.ORDER_ADMINISTRATION], owners[duty.CLOSE_DEALS]
    records: tuple[tuple[str, Responsibility, object, str, str], ...] = (
        *(
            (x.owner, duty.FOLLOW_UP_LEADS, x, x.id, "lead owner")
            for x in p.leads
            if x.owner is not None and (everything or role(x.owner) not in follow)
        ),
        *(
            (x.manager, duty.MANAGE_KEY_ACCOUNTS, x, x.customer, "key account manager")
            for x in p.key_accounts
            if x.manager is not None
            and (everything or x.customer not in active or role(x.manager) not in manage)
        ),
        *(
            (x.set_by, duty.SET_SALES_TARGETS, x, x.id, "target setter")
            for x in p.targets
            if everything or role(x.set_by) not in sets
        ),
        *(
            (x.owner, duty.WRITE_ACCOUNT_PLAN, x, x.id, "plan owner")
            for x in p.plans
            if everything or role(x.owner) not in writes or managed.get(x.id, x.owner) != x.owner
        ),
        *(
            (x.administered_by, duty.ORDER_ADMINISTRATION, x, x.id, "order administrator")
            for x in p.orders
            if x.administered_by is not None
            and (everything or role(x.administered_by) not in admin)
        ),
        *(
            (x.owner, duty.CLOSE_DEALS, x, x.id, "deal owner")
            for x in p.deals
            if everything
            or (x.is_open and role(x.owner) not in (manage if x.customer in active else close))
        ),
        *(
            (x.member, x.responsibility, ctx.subject(x.subject), x.subject, "assignment")
            for x in p.assignments
            if everything or _assignment_in_doubt(x.member, x.responsibility, x.subject, ctx)
        ),
    )
    for member, responsibility, subject, subject_id, recorded_as in records:
        yield Work(
            member=member,
            responsibility=responsibility,
            subject=subject,
            subject_id=subject_id,
            recorded_as=recorded_as,
        )


def _assignment_in_doubt(
    member: str, responsibility: Responsibility, subject_id: str, ctx: Context
) -> bool:
    """Whether an assignment may be wrong: its role lacks the work, or its subject could matter.

    The subject is looked up only where it can change the verdict: for an
    account manager (a lead or a former customer is new business), for closing
    deals (on a key account they are its owners'), and for writing a plan (a
    key account's current plan is its manager's).
    """
    role = ctx.role_of(member)
    if role not in ctx.table[responsibility]:
        return True
    if role is _AM or responsibility in _SUBJECT_MATTERS:
        subject = ctx.subject(subject_id)
        return isinstance(subject, Lead | Customer | Deal | AccountPlan | Order)
    return False


# The responsibilities whose subject can refuse work the table gives: closing deals on a key
# account (_by_table) and writing a key account's current plan (_managers_plan).
_SUBJECT_MATTERS: Final = frozenset(
    {Responsibility.CLOSE_DEALS, Responsibility.WRITE_ACCOUNT_PLAN}
)


def subject_kinds(subject: object, ctx: Context | None) -> frozenset[str]:
    """The kinds of *subject* a verdict reads: what it is, and what it is to the portfolio.

    Without a portfolio (*ctx* None) only what the subject alone tells is known.
    """
    if isinstance(subject, Lead):
        return frozenset({LEAD})
    if isinstance(subject, Customer) and subject.status is not CustomerStatus.ACTIVE:
        return frozenset({FORMER_CUSTOMER})
    if isinstance(subject, KeyAccount):
        active = ctx is None or ctx.is_active_customer(subject.customer)
        return frozenset({KEY_ACCOUNT if active else FORMER_KEY_ACCOUNT})
    if isinstance(subject, RevenueTarget):
        return frozenset({TARGET})
    kinds = _on_account(_customer_of(subject), ctx)
    if isinstance(subject, Order):
        kinds |= {ORDER}
    if (
        isinstance(subject, AccountPlan)
        and ctx is not None
        and ctx.is_managed_current_plan(subject)
    ):
        kinds |= {CURRENT_PLAN}
    return kinds


def _customer_of(subject: object) -> str | None:
    """The customer a piece of work is for: the customer itself, or the one its subject names."""
    if isinstance(subject, Customer):
        return subject.id
    if isinstance(subject, AccountPlan):
        return subject.account
    if isinstance(subject, Deal | Order | SupplyContract | Stakeholder):
        return subject.customer
    return None


def _on_account(customer: str | None, ctx: Context | None) -> frozenset[str]:
    if ctx is not None and customer is not None and customer in ctx.active_accounts:
        return frozenset({KEY_ACCOUNT_WORK})
    return frozenset()


def most_specific_rule(
    rules: Iterable[Rule],
    role: Role,
    responsibility: Responsibility,
    kinds: frozenset[str],
    *,
    subject_only: bool = False,
) -> Rule | None:
    """The rule whose most specific guard fits the work, the first of the catalogue on a tie.

    With *subject_only*, only guards that name kinds of subject count.
    """
    best: tuple[int, Rule] | None = None
    for found in rules:
        for guard in found.guards:
            if subject_only and not guard.subjects:
                continue
            if guard.fits(role, responsibility, kinds) and (
                best is None or guard.specificity > best[0]
            ):
                best = (guard.specificity, found)
    return None if best is None else best[1]


class _Question:
    """One piece of work to judge, with what judges it."""

    __slots__ = ("ctx", "kinds", "member", "owners", "responsibility", "role", "rules", "subject")

    def __init__(  # noqa: PLR0913 - the parts of one piece of work and what judges it
        self,
        *,
        role: Role,
        responsibility: Responsibility,
        subject: object,
        member: str | None,
        owners: Mapping[Responsibility, frozenset[Role]],
        rules: tuple[Rule, ...],
        ctx: Context | None,
        kinds: frozenset[str],
    ) -> None:
        self.role = role
        self.responsibility = responsibility
        self.subject = subject
        self.member = member
        self.owners = owners
        self.rules = rules
        self.ctx = ctx
        self.kinds = kinds

    def allow(self, because: dict[str, Any], claims: tuple[str, ...] = ()) -> Verdict:
        """The work is right, for a reason its subject gives."""
        return Verdict(
            allowed=True, owners=self.owners[self.responsibility], because=because, claims=claims
        )

    def refuse(
        self,
        because: dict[str, Any] | None,
        claims: tuple[str, ...] = (),
        by: frozenset[Role] | None = None,
        what: str = "that",
    ) -> Verdict:
        """The work is wrong: cite the rule whose guard fits it best."""
        found = most_specific_rule(self.rules, self.role, self.responsibility, self.kinds)
        return Verdict(
            allowed=False,
            rule=found,
            owners=self.owners[self.responsibility] if by is None else by,
            because=because,
            claims=claims,
            what=what,
        )


def judge_work(  # noqa: PLR0913 - the parts of one piece of work and what judges it
    role: Role,
    responsibility: Responsibility,
    subject: object,
    *,
    member: str | None,
    owners: Mapping[Responsibility, frozenset[Role]],
    rules: Iterable[Rule],
    ctx: Context | None,
) -> Verdict:
    """Judge *role* (team member *member*, when known) doing *responsibility* about *subject*.

    *owners* is the policy's table; *ctx* the judging context of the
    portfolio the work belongs to, or None when there is none (then only what
    the subject alone tells counts, and a subject is taken in the form a
    portfolio records its responsibility in). The questions are asked in
    order of precedence: a closed deal needs nobody; an account manager never
    does new business (S1.4) unless the policy gives them leads; a former
    customer kept as a key account is that fault and no other; a target of a
    role given none to meet is its owner's own (S3.4); a key account's
    current plan is its manager's (S3.3, S3.4); a deal on a key account is
    the key account's owners' (S2.1); then the policy's table decides.
    """
    recorded = _RECORDED_FORM.get(responsibility, frozenset())
    if subject is None:
        kinds = recorded
    else:
        kinds = subject_kinds(subject, ctx) | (recorded if ctx is None else frozenset())
    question = _Question(
        role=role,
        responsibility=responsibility,
        subject=subject,
        member=member,
        owners=owners,
        rules=tuple(rules),
        ctx=ctx,
        kinds=kinds,
    )
    for ask in (_closed_deal, _new_business, _former_key_account, _own_target, _managers_plan):
        verdict = ask(question)
        if verdict is not None:
            return verdict
    return _by_table(question)


def _closed_deal(q: _Question) -> Verdict | None:
    if isinstance(q.subject, Deal) and not q.subject.is_open:
        return q.allow(said(_CLOSED, deal=q.subject.id, stage=q.subject.stage.value))
    return None


def _new_business(q: _Question) -> Verdict | None:
    leads = q.owners[Responsibility.FOLLOW_UP_LEADS]
    if q.role is not _AM or _AM in leads or q.kinds.isdisjoint({LEAD, FORMER_CUSTOMER}):
        return None
    subject = q.subject
    # Only a lead and a lapsed or lost customer are of these kinds (subject_kinds).
    if isinstance(subject, Customer):
        because = said(_FORMER_CUSTOMER, id=subject.id, status=subject.status.value)
    else:
        because = said(_A_LEAD, id=_id_of(subject))
    return q.refuse(because, ("S1.3", "S1.4"), leads, "new business")


def _former_key_account(q: _Question) -> Verdict | None:
    # What makes a subject a FORMER_KEY_ACCOUNT (subject_kinds): a key account, judged in a
    # portfolio, whose customer is no longer active.
    subject, ctx = q.subject, q.ctx
    if (
        not isinstance(subject, KeyAccount)
        or ctx is None
        or ctx.is_active_customer(subject.customer)
    ):
        return None
    status = ctx.status_of(subject.customer)
    return q.refuse(said(_FORMER_KEY_ACCOUNT, customer=subject.customer, status=status))


def _own_target(q: _Question) -> Verdict | None:
    subject, ctx = q.subject, q.ctx
    if (
        q.responsibility is not Responsibility.SET_SALES_TARGETS
        or not isinstance(subject, RevenueTarget)
        or ctx is None
        or ctx.role_of(subject.owner) in q.owners[Responsibility.MEET_SALES_TARGET]
    ):
        return None
    return q.allow(
        said(_OWN_TARGET, target=subject.id, owner=ctx.who_said(subject.owner)), ("S3.4",)
    )


def _managers_plan(q: _Question) -> Verdict | None:
    subject, ctx = q.subject, q.ctx
    if (
        CURRENT_PLAN not in q.kinds
        or q.responsibility is not Responsibility.WRITE_ACCOUNT_PLAN
        or not isinstance(subject, AccountPlan)
        or q.member is None
        or ctx is None
    ):
        return None
    manager = ctx.active_accounts[subject.account].manager
    if manager is None or q.member == manager:
        return None
    return q.refuse(
        said(
            _MANAGERS_PLAN, plan=subject.id, account=subject.account, manager=ctx.who_said(manager)
        ),
        ("S3.3", "S3.4"),
    )


def _by_table(q: _Question) -> Verdict:
    if q.responsibility is Responsibility.CLOSE_DEALS and KEY_ACCOUNT_WORK in q.kinds:
        # S2.1: closing a deal on a key account is keeping and growing it.
        owners = q.owners[Responsibility.MANAGE_KEY_ACCOUNTS]
        because = said(_ON_KEY_ACCOUNT, id=_id_of(q.subject))
        if q.role in owners:
            return Verdict(
                allowed=True,
                owners=owners,
                because=because,
                claims=("S2.1", "S2.2"),
                what="key accounts",
            )
        return q.refuse(because, ("S2.1", "S2.2"), owners, "key accounts")
    if q.role in q.owners[q.responsibility]:
        return Verdict(allowed=True, owners=q.owners[q.responsibility])
    return q.refuse(None)


# Why a subject decides a piece of work, as decisions say it.
_CLOSED: Final = template(
    "because.closed-deal", "{deal} is {stage:DealStage}: nothing is left to do on it"
)
_FORMER_CUSTOMER: Final = template(
    "because.former-customer", "{id} is a {status:CustomerStatus} customer, not an existing one"
)
_A_LEAD: Final = template("because.lead", "{id} is a lead, not an existing customer")
_FORMER_KEY_ACCOUNT: Final = template(
    "because.former-key-account",
    "{customer} is a {status:CustomerStatus} customer kept as a key account",
)
_OWN_TARGET: Final = template(
    "because.own-target",
    "{target} is the target of {owner:message}, whose role is given no targets to meet: it "
    "is planned by its owner",
)
_MANAGERS_PLAN: Final = template(
    "because.managers-plan",
    "{plan} is the current plan of key account {account}, managed by {manager:message}; the "
    "account's manager writes its plan",
)
_ON_KEY_ACCOUNT: Final = template("because.key-account-deal", "{id} is on a key account")


def _id_of(subject: object) -> str:
    """The id of a subject a reason names by it: a lead, or one of a key account's entities."""
    return str(subject.id)  # type: ignore[attr-defined]
