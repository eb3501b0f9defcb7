"""The judging context: a portfolio on a day, the owners a policy names, indexes built once."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Final

from salesroles._i18n.message import said, template
from salesroles._model.commerce import Deal, Order, in_term
from salesroles._model.enums import CustomerStatus, Role
from salesroles._model.parties import Customer
from salesroles._model.planning import AccountPlan

from .work import Verdict, Work, doubtful_work, judge_work

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import date

    from salesroles._model.enums import Responsibility
    from salesroles._model.parties import KeyAccount, TeamMember
    from salesroles._model.portfolio import Portfolio

    from .rule import Rule


class Context:
    """What the rules look at: a portfolio judged on a date under a policy's table of owners.

    The rules see the policy only as what it decides for them: which roles
    own each responsibility (*owners*) and the name messages give it
    (*policy_name*); which rules run, and how severe their findings are, is
    :func:`~salesroles.check`'s business.

    The indexes the rules share are built on first use, each in one pass over
    one collection; the portfolio's own indexes (stakeholders by customer,
    plans by account …) are cached on the portfolio.
    """

    def __init__(
        self,
        portfolio: Portfolio,
        as_of: date,
        *,
        owners: Mapping[Responsibility, frozenset[Role]],
        policy_name: str,
        rules: tuple[Rule, ...] = (),
    ) -> None:
        self.portfolio: Final = portfolio
        self.as_of: Final = as_of
        self.policy_name: Final = policy_name
        self.table: Final = owners
        self.rules: Final = rules

    # -- the pieces of work the portfolio records, judged once for every rule --

    @functools.cached_property
    def verdicts(self) -> dict[str, list[tuple[Work, Verdict]]]:
        """The refused pieces of work, by the id of the rule that reports them.

        Every piece that may be wrong (:func:`~.work.doubtful_work`) is judged
        once by :func:`~.work.judge_work`, the judgement
        :func:`~salesroles.decide` gives, so that check and decide agree.
        """
        found: dict[str, list[tuple[Work, Verdict]]] = {}
        for work in doubtful_work(self):
            role = self.role_of(work.member)
            if role is None:  # pragma: no cover - the portfolio checked every reference
                continue
            verdict = judge_work(
                role,
                work.responsibility,
                work.subject,
                member=work.member,
                owners=self.table,
                rules=self.rules,
                ctx=self,
            )
            if not verdict.allowed and verdict.rule is not None:
                found.setdefault(verdict.rule.id, []).append((work, verdict))
        return found

    @functools.cached_property
    def _subjects(self) -> dict[str, object]:
        p = self.portfolio
        found: dict[str, object] = {}
        for collection in (p.customers, p.leads, p.plans, p.deals, p.orders):
            found.update((x.id, x) for x in collection)
        return found

    def subject(self, ident: str) -> object | None:
        """The customer, lead, plan, deal or order *ident* names: what an assignment is about.

        A smaller index than the portfolio's own, built on the first question.
        """
        return self._subjects.get(ident)

    def refused(self, rule_id: str) -> list[tuple[Work, Verdict]]:
        """The pieces of work the rule *rule_id* reports, each with its verdict."""
        return self.verdicts.get(rule_id, [])

    @functools.cached_property
    def active_accounts(self) -> dict[str, KeyAccount]:
        """The key accounts whose customer is active, by customer id.

        A key account whose customer lapsed or was lost is that one fault
        (``key-account-not-customer``): the other rules do not judge it.
        """
        customers = self.customers
        return {
            cid: account
            for cid, account in self.accounts.items()
            if customers[cid].status is CustomerStatus.ACTIVE
        }

    def is_active_customer(self, customer: str) -> bool:
        """Whether the customer *customer* (an id) is active; unknown ones count as active."""
        found = self.portfolio.get(customer)
        return not isinstance(found, Customer) or found.status is CustomerStatus.ACTIVE

    def status_of(self, customer: str) -> str:
        """The status of the customer *customer* (an id), as a word: ``lapsed``."""
        found = self.portfolio.get(customer)
        return found.status.value if isinstance(found, Customer) else "unknown"

    def is_managed_current_plan(self, plan: AccountPlan) -> bool:
        """Whether *plan* is the current plan of an active key account that has a manager."""
        account = self.active_accounts.get(plan.account)
        current = self.current_plans.get(plan.account)
        return (
            account is not None
            and account.manager is not None
            and current is not None
            and current.id == plan.id
        )

    @functools.cached_property
    def members(self) -> dict[str, TeamMember]:
        """Team members by id."""
        return {m.id: m for m in self.portfolio.team}

    @functools.cached_property
    def customers(self) -> dict[str, Customer]:
        """The customers of the key accounts, by id."""
        accounts = self.accounts
        return {c.id: c for c in self.portfolio.customers if c.id in accounts}

    @functools.cached_property
    def accounts(self) -> dict[str, KeyAccount]:
        """Key accounts by their customer's id."""
        return {a.customer: a for a in self.portfolio.key_accounts}

    @functools.cached_property
    def current_plans(self) -> dict[str, AccountPlan]:
        """The current plan of each key account that has one.

        A plan is current when its period contains ``as_of``; of several, the
        one that started last wins (as :meth:`Portfolio.current_plan`).
        """
        accounts = self.accounts
        day = self.as_of
        found: dict[str, AccountPlan] = {}
        for plan in self.portfolio.plans:
            if plan.account in accounts and plan.period.contains(day):
                best = found.get(plan.account)
                if best is None or plan.period.start > best.period.start:
                    found[plan.account] = plan
        return found

    @functools.cached_property
    def current(self) -> tuple[tuple[KeyAccount, AccountPlan], ...]:
        """Each active key account that has a current plan, with it, in the order of the accounts.

        The plan rules judge these; a former customer kept as a key account is
        ``key-account-not-customer``'s alone.
        """
        plans = self.current_plans
        active = self.active_accounts
        return tuple(
            (account, plans[account.customer])
            for account in self.portfolio.key_accounts
            if account.customer in plans and account.customer in active
        )

    @functools.cached_property
    def under_contract(self) -> frozenset[str]:
        """The ids of the customers with a supply contract in force on ``as_of``."""
        day = self.as_of
        return frozenset(
            k.customer
            for k in self.portfolio.contracts
            if k.start <= day and in_term(k.start, k.term_months, day)
        )

    def owners(self, responsibility: Responsibility) -> frozenset[Role]:
        """The roles the policy gives *responsibility* to."""
        return self.table[responsibility]

    def who_said(self, member: str) -> dict[str, Any]:
        """A team member with their role, as a message to nest in another (``{who:message}``).

        In English: ``Ann Meyer (ann), an account manager``.
        """
        found = self.members[member]  # the portfolio checked every reference
        return said(WHO, name=found.name, id=found.id, role=found.role.value)

    def role_of(self, member: str) -> Role | None:
        """The role of the team member *member* (an id), or None when there is none."""
        found = self.members.get(member)
        return None if found is None else found.role

    def names_of(self, customers: set[str]) -> dict[str, str]:
        """The names of the customers *customers* (ids), in one pass when there are any."""
        if not customers:
            return {}
        return {c.id: c.name for c in self.portfolio.customers if c.id in customers}

    def account_name(self, customer: str) -> str:
        """Name a key account: ``C-ACME (ACME Chemie AG)``."""
        return f"{customer} ({self.customers[customer].name})"

    def account_of(self, subject: str) -> str | None:
        """The key account a piece of work is about (the account, its plan, deal or order)."""
        if subject in self.accounts:
            return subject
        found = self.portfolio.get(subject)
        if isinstance(found, AccountPlan):
            customer = found.account
        elif isinstance(found, Deal | Order):
            customer = found.customer
        else:
            return None
        return customer if customer in self.accounts else None

    @property
    def policy_message(self) -> dict[str, Any]:
        """How messages name the policy (``under policy 'strict'``), to nest in another."""
        return said(UNDER_POLICY, policy=self.policy_name)


def roles_said(roles: Iterable[Role]) -> tuple[str, ...]:
    """Roles as a message's parameter (``{x:roles}``): their wire values, in Role's order."""
    given = frozenset(roles)
    return tuple(role.value for role in Role if role in given)


#: ``Ann Meyer (ann), an account manager``: a member as messages name them.
WHO: Final = template("who", "{name} ({id}), {role:role}")
#: How messages name the policy judged by.
UNDER_POLICY: Final = template("under-policy", "under policy {policy!r}")
