"""Workload: what each team member and role carries: key accounts, leads, deals, plans, targets."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Final

import attrs

from salesroles._display import Cell, Kind, Record, Table
from salesroles._model.enums import LeadStatus, Role
from salesroles._model.messages import refusal, template
from salesroles.exceptions import NotFoundError

from .arguments import choose_as_of, read_as_of, read_portfolio

if TYPE_CHECKING:
    from salesroles._model.portfolio import Portfolio

_OPEN_LEADS: Final = frozenset({LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED})


_NO_MEMBER: Final = template("no_member", "{ident!r} names no team member of this workload")


@attrs.frozen(kw_only=True)
class MemberWorkload:
    """What one team member carries.

    Attributes:
        member: The member's id.
        name: The member's name.
        role: The member's role.
        key_accounts: Key accounts they manage (S2.1).
        open_leads: Leads they own that are neither converted nor disqualified (S1.3).
        open_deals: Deals they own that are neither won nor lost (S1.2).
        plans: Account plans they own that are current on the day looked at (S3.4).
        targets: Revenue targets they own (S3.2).
        assignments: Pieces of work assigned to them.
    """

    member: str
    name: str
    role: Role
    key_accounts: int
    open_leads: int
    open_deals: int
    plans: int
    targets: int
    assignments: int


@attrs.frozen(kw_only=True)
class RoleWorkload:
    """The workload of one role: its members' counts added up.

    Attributes:
        role: The role.
        members: How many team members hold it.
        key_accounts: Key accounts managed by them.
        open_leads: Open leads they own.
        open_deals: Open deals they own.
        plans: Current plans they own.
        targets: Revenue targets they own.
        assignments: Pieces of work assigned to them.
    """

    role: Role
    members: int
    key_accounts: int
    open_leads: int
    open_deals: int
    plans: int
    targets: int
    assignments: int


_COUNTS: Final = ("key_accounts", "open_leads", "open_deals", "plans", "targets", "assignments")


@attrs.frozen(kw_only=True, repr=False)
class Workload(Table):
    """Accounts, leads, deals and plans per team member and per role (S0.1, S1.1-S1.4).

    Attributes:
        on: The day current plans were judged at (also :attr:`as_of`).
        members: One row per team member, in the team's order.
        roles: One row per role that has members, in the order of :class:`Role`.
    """

    _title: ClassVar[str] = "Workload"
    _columns: ClassVar[tuple[str, ...]] = ("member", "name", "role", *_COUNTS)
    _dtypes: ClassVar[dict[str, Kind]] = {
        "member": "text",
        "name": "text",
        "role": tuple(Role),
        **dict.fromkeys(_COUNTS, "int"),
    }
    claims: ClassVar[tuple[str, ...]] = ("S0.1", "S1.1", "S1.4", "S2.1", "S3.4")

    on: date
    members: tuple[MemberWorkload, ...]
    roles: tuple[RoleWorkload, ...]

    @property
    def as_of(self) -> date:
        """The day current plans were judged at: ``on``, by the name the argument has."""
        return self.on

    def summary(self) -> dict[str, Cell]:
        """The team's size and the totals of each count."""
        sums: dict[str, Cell] = {"members": len(self.members)}
        for name in _COUNTS:
            sums[name] = sum(getattr(m, name) for m in self.members)
        return sums

    def to_records(self) -> list[Record]:
        """One row per team member."""
        return [
            {"member": m.member, "name": m.name, "role": m.role.value}
            | {name: getattr(m, name) for name in _COUNTS}
            for m in self.members
        ]

    def role_records(self) -> list[Record]:
        """One row per role: its members and the totals of their counts."""
        return [
            {"role": r.role.value, "members": r.members}
            | {name: getattr(r, name) for name in _COUNTS}
            for r in self.roles
        ]

    def member(self, ident: str) -> MemberWorkload:
        """Return the workload of team member *ident*.

        Raises:
            NotFoundError: *ident* is no team member.
        """
        for m in self.members:
            if m.member == ident:
                return m
        raise refusal(NotFoundError, "not_found", _NO_MEMBER, ident=ident)


def workload(
    portfolio: Portfolio, *, as_of: date | str | None = None, on: date | str | None = None
) -> Workload:
    """Count what each team member and each role carries.

    Key accounts managed, open leads owned (not converted or disqualified),
    open deals owned (not won or lost), current plans owned (their period
    contains *as_of*), revenue targets owned and assignments.

    Args:
        portfolio: The portfolio to read.
        as_of: The day plans are current at, a date or an ISO string
            ``"2026-06-30"`` (default: the portfolio's ``as_of``, else today).
        on: The deprecated spelling of *as_of*: it warns, and giving both
            is refused.

    Returns:
        The counts per member and per role.

    Raises:
        ValidationError: *portfolio* is no Portfolio, *as_of* is no date, or
            both *as_of* and *on* are given (code ``conflicting_arguments``).

    >>> from salesroles.testing import sample_portfolio
    >>> w = workload(sample_portfolio())
    >>> [(m.member, m.key_accounts, m.open_leads, m.open_deals, m.plans) for m in w.members[:3]]
    [('ann', 1, 0, 1, 1), ('kai', 1, 0, 0, 1), ('bob', 0, 1, 1, 0)]
    """
    portfolio = read_portfolio(portfolio)
    day = read_as_of(choose_as_of(as_of, on), portfolio)
    deals = Counter(d.owner for d in portfolio.deals if d.is_open)
    plans = Counter(p.owner for p in portfolio.plans if p.period.contains(day))
    members = tuple(
        MemberWorkload(
            member=m.id,
            name=m.name,
            role=m.role,
            key_accounts=len(portfolio.accounts_managed_by(m.id)),
            open_leads=sum(1 for x in portfolio.leads_of(m.id) if x.status in _OPEN_LEADS),
            open_deals=deals[m.id],
            plans=plans[m.id],
            targets=len(portfolio.targets_of(m.id)),
            assignments=len(portfolio.assignments_of(m.id)),
        )
        for m in portfolio.team
    )
    by_role: defaultdict[Role, list[MemberWorkload]] = defaultdict(list)
    for m in members:
        by_role[m.role].append(m)
    roles = tuple(
        RoleWorkload(
            role=role,
            members=len(by_role[role]),
            **{name: sum(getattr(m, name) for m in by_role[role]) for name in _COUNTS},
        )
        for role in Role
        if role in by_role
    )
    return Workload(on=day, members=members, roles=roles)
