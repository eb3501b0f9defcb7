"""The calendar of a portfolio: contract renewals and the communication schedule (S4.2, S5.2).

Both are pure functions of a :class:`~salesroles.Portfolio` and a few dates;
horizons are :class:`~dateutil.relativedelta.relativedelta` (calendar months
stay calendar months) and touchpoints come from each plan's
:class:`~salesroles.Cadence`, an RFC 5545 rule read by :mod:`dateutil.rrule`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar, Final

import attrs
from dateutil.relativedelta import relativedelta

from salesroles._display import Cell, Kind, Record, Table, money_cell
from salesroles._model.arguments import read_day
from salesroles._model.messages import error, phrase, problem, refusal, template
from salesroles._model.parties import Customer
from salesroles._model.planning import AccountPlan, CommunicationPlan
from salesroles._model.rates import ExchangeRate, ExchangeRates
from salesroles._model.values import ENDS_BEFORE, Money
from salesroles.exceptions import ErrorItem, NotFoundError, ValidationError

from .arguments import choose_as_of, read_as_of, read_portfolio
from .conversion import reporting

if TYPE_CHECKING:
    from salesroles._model.portfolio import Portfolio


_HORIZON: Final = phrase(
    "expected.horizon",
    "a horizon as a relativedelta or a timedelta, like relativedelta(months=6) or "
    "timedelta(days=90)",
)
_BEYOND: Final = template(
    "horizon_beyond",
    "got {within}, which reaches beyond the year 9999 from {day:date}; expected a shorter horizon",
)
_NOT_PAST: Final = template(
    "horizon_not_past",
    "got {within}, which does not reach past {day:date}; expected a positive horizon such as "
    "relativedelta(months=6)",
)
_CONTACTS: Final = phrase(
    "expected.contacts",
    "a mapping of plan or customer ids to the day of the last contact, like "
    '{{"C-ACME": "2026-10-06"}}',
)
_NO_PLAN_OR_CUSTOMER: Final = template(
    "not_plan_or_customer",
    "last_contacts names {key!r}, which is no plan or customer of this portfolio",
)


__all__ = [
    "CommunicationSchedule",
    "ContractRenewal",
    "Renewals",
    "Touchpoint",
    "TouchpointStatus",
    "communication_schedule",
    "renewals",
]


# -- renewals (S4.2) --


@attrs.frozen(kw_only=True)
class ContractRenewal:
    """A supply contract in force that comes up for renewal within the horizon (S4.2).

    Attributes:
        contract: The contract's id.
        customer: The customer's id.
        name: The customer's name.
        is_key_account: Whether the customer is a key account.
        end_date: The contract's last active day.
        renewal_date: The day after: when it is up for renewal.
        days_left: Days from the day looked at to the end date (0: ends today).
        annual_value: The contract's annual value, if known.
        negotiated_by: Who negotiated it.
    """

    contract: str
    customer: str
    name: str
    is_key_account: bool
    end_date: date
    renewal_date: date
    days_left: int
    annual_value: Money | None
    negotiated_by: str | None


@attrs.frozen(kw_only=True, repr=False)
class Renewals(Table):
    """The supply contracts coming up for renewal between ``on`` and ``until`` (S4.2).

    Attributes:
        on: The first day of the horizon, the day looked at (also :attr:`as_of`).
        until: Its last day.
        contracts: The contracts in force on ``on`` whose renewal date falls
            in the horizon, soonest first: by end date, then id.
        rates_used: The exchange rates the annual values were converted with,
            in the order first used; empty when none was converted.
    """

    _title: ClassVar[str] = "Contract renewals"
    _columns: ClassVar[tuple[str, ...]] = (
        "contract",
        "customer",
        "name",
        "key_account",
        "end_date",
        "renewal_date",
        "days_left",
        "annual_value",
        "currency",
        "negotiated_by",
    )
    _dtypes: ClassVar[dict[str, Kind]] = {
        "contract": "text",
        "customer": "text",
        "name": "text",
        "key_account": "bool",
        "end_date": "date",
        "renewal_date": "date",
        "days_left": "int",
        "annual_value": "money",
        "currency": "text",
        "negotiated_by": "text",
    }
    claims: ClassVar[tuple[str, ...]] = ("S4.2",)

    on: date
    until: date
    contracts: tuple[ContractRenewal, ...]
    rates_used: tuple[ExchangeRate, ...] = ()

    @property
    def as_of(self) -> date:
        """The day looked at: ``on``, by the name the argument has."""
        return self.on

    def summary(self) -> dict[str, Cell]:
        """The horizon and how many contracts (of key accounts) come up for renewal in it."""
        return {
            "on": self.on.isoformat(),
            "until": self.until.isoformat(),
            "contracts": len(self.contracts),
            "key_accounts": sum(1 for c in self.contracts if c.is_key_account),
        }

    def to_records(self) -> list[Record]:
        """One row per contract; dates are ISO strings."""
        return [
            {
                "contract": c.contract,
                "customer": c.customer,
                "name": c.name,
                "key_account": c.is_key_account,
                "end_date": c.end_date.isoformat(),
                "renewal_date": c.renewal_date.isoformat(),
                "days_left": c.days_left,
                "annual_value": money_cell(c.annual_value),
                "currency": None if c.annual_value is None else c.annual_value.currency,
                "negotiated_by": c.negotiated_by,
            }
            for c in self.contracts
        ]


def renewals(  # noqa: PLR0913 - the horizon, the day and the reporting currency
    portfolio: Portfolio,
    within: relativedelta | timedelta = relativedelta(months=6),  # noqa: B008 - immutable
    *,
    as_of: date | str | None = None,
    on: date | str | None = None,
    rates: ExchangeRates | None = None,
    currency: str | None = None,
) -> Renewals:
    """List the supply contracts coming up for renewal within a horizon (S4.2).

    Account managers aim for long-term supply contracts (S4.2); one that runs
    out unnoticed turns back into ad-hoc orders. A contract is listed when it
    is in force on *as_of* (started, not ended) and its renewal date, the day
    after its end date, falls within the horizon: no later than *as_of* plus
    *within*, that last day included. A contract that starts after *as_of* is
    not coming up for renewal.

    Args:
        portfolio: The portfolio to read.
        within: How far to look ahead, a ``relativedelta`` (calendar months)
            or a ``timedelta``; it must reach past *as_of*.
        as_of: The first day of the horizon, a date or an ISO string
            ``"2026-11-27"`` (default: the portfolio's ``as_of``, else today).
        on: The deprecated spelling of *as_of*: it warns, and giving both
            is refused.
        rates: Exchange rates to show every annual value in *currency*, each
            converted at the rate of its contract's start. Nothing is added
            up here, so without *rates* and *currency* each value stays in its
            own currency.
        currency: The currency to show the annual values in (default: the
            portfolio's, when *rates* are given).

    Returns:
        The contracts coming up for renewal in the horizon, soonest first.

    Raises:
        ValidationError: *portfolio* is no Portfolio, *within* is no horizon or
            does not reach past *as_of*, *as_of* is no date, or both *as_of*
            and *on* are given (code ``conflicting_arguments``).

    >>> from salesroles.testing import sample_portfolio
    >>> from datetime import date
    >>> soon = renewals(sample_portfolio(), relativedelta(years=1), as_of=date(2028, 6, 1))
    >>> [(c.contract, c.end_date.isoformat(), c.days_left) for c in soon.contracts]
    [('K-ACME', '2028-12-31', 213)]
    """
    portfolio = read_portfolio(portfolio)
    if not isinstance(within, relativedelta | timedelta):
        raise problem("within", within, _HORIZON)
    day = read_as_of(choose_as_of(as_of, on), portfolio)
    try:
        until = day + within
    except (OverflowError, ValueError):
        raise error(
            "within", "out_of_range", _BEYOND, within=repr(within), day=day.isoformat()
        ) from None
    if until <= day:
        raise error("within", "out_of_range", _NOT_PAST, within=repr(within), day=day.isoformat())
    found = [k for k in portfolio.contracts if k.is_active(day) and k.renewal_date <= until]
    found.sort(key=lambda k: (k.end_date, k.id))
    values = {k.id: k.annual_value for k in found}
    used: tuple[ExchangeRate, ...] = ()
    if rates is not None or currency is not None:
        conversion = reporting(portfolio, rates, currency)
        for k in found:
            owner = ("contract", k.id)
            values[k.id] = conversion.money(k.annual_value, k.start, owner, "annual_value")
        used = conversion.done()
    return Renewals(
        on=day,
        until=until,
        rates_used=used,
        contracts=tuple(
            ContractRenewal(
                contract=k.id,
                customer=k.customer,
                name=portfolio.customer(k.customer).name,
                is_key_account=portfolio.is_key_account(k.customer),
                end_date=k.end_date,
                renewal_date=k.renewal_date,
                days_left=(k.end_date - day).days,
                annual_value=values[k.id],
                negotiated_by=k.negotiated_by,
            )
            for k in found
        ),
    )


# -- communication schedule (S5.2) --


class TouchpointStatus(enum.StrEnum):
    """Where a scheduled touchpoint stands on the day looked at.

    ``upcoming``: on or after that day. ``covered``: before it, and a contact
    happened on or after the touchpoint. ``overdue``: before it, with no
    contact since. ``unknown``: before it, and no contact dates were given.
    """

    UPCOMING = "upcoming"
    COVERED = "covered"
    OVERDUE = "overdue"
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class Touchpoint:
    """One scheduled meeting with an account's decision makers (S5.2).

    Attributes:
        plan: The plan whose cadence schedules it.
        account: The key account's customer id.
        name: The customer's name.
        date: The day of the touchpoint.
        stakeholders: The ids of the people to meet.
        with_marketing: Whether it was planned with marketing (S5.2).
        status: Where it stands.
    """

    plan: str
    account: str
    name: str
    date: date
    stakeholders: tuple[str, ...]
    with_marketing: bool
    status: TouchpointStatus


@attrs.frozen(kw_only=True, repr=False)
class CommunicationSchedule(Table):
    """The touchpoints of the key accounts' current plans between two dates (S5.2).

    Attributes:
        start: The first day of the schedule.
        end: Its last day.
        on: The day statuses are judged at (also :attr:`as_of`).
        touchpoints: The touchpoints, by date, then plan.
        without_cadence: Key accounts whose current plan has no communication cadence.
    """

    _title: ClassVar[str] = "Communication schedule"
    _columns: ClassVar[tuple[str, ...]] = (
        "date",
        "plan",
        "account",
        "name",
        "stakeholders",
        "with_marketing",
        "status",
    )
    _dtypes: ClassVar[dict[str, Kind]] = {
        "date": "date",
        "plan": "text",
        "account": "text",
        "name": "text",
        "stakeholders": "list",
        "with_marketing": "bool",
        "status": tuple(TouchpointStatus),
    }
    claims: ClassVar[tuple[str, ...]] = ("S5.2",)

    start: date
    end: date
    on: date
    touchpoints: tuple[Touchpoint, ...]
    without_cadence: tuple[str, ...]

    @property
    def as_of(self) -> date:
        """The day statuses are judged at: ``on``, by the name the argument has."""
        return self.on

    @property
    def overdue(self) -> tuple[Touchpoint, ...]:
        """The touchpoints with no contact since they were due."""
        return tuple(t for t in self.touchpoints if t.status is TouchpointStatus.OVERDUE)

    def summary(self) -> dict[str, Cell]:
        """The span, and how many touchpoints there are per status."""
        counts: dict[str, Cell] = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "on": self.on.isoformat(),
            "touchpoints": len(self.touchpoints),
        }
        for status in TouchpointStatus:
            counts[status.value] = sum(1 for t in self.touchpoints if t.status is status)
        return counts

    def _frame_records(self) -> list[dict[str, object]]:
        # The stakeholders as the list they are (ids may hold ", ").
        return [
            {**row, "stakeholders": list(t.stakeholders)}
            for row, t in zip(self.to_records(), self.touchpoints, strict=True)
        ]

    def to_records(self) -> list[Record]:
        """One row per touchpoint; stakeholders are joined with ``", "``."""
        return [
            {
                "date": t.date.isoformat(),
                "plan": t.plan,
                "account": t.account,
                "name": t.name,
                "stakeholders": ", ".join(t.stakeholders),
                "with_marketing": t.with_marketing,
                "status": t.status.value,
            }
            for t in self.touchpoints
        ]


def _contacts(portfolio: Portfolio, last_contacts: object) -> dict[str, date]:
    """The days of the last contacts, each a date or an ISO string; every bad one is named."""
    if last_contacts is None:
        return {}
    if not isinstance(last_contacts, Mapping):
        raise problem("last_contacts", last_contacts, _CONTACTS)
    problems: list[ErrorItem] = []
    contacts: dict[str, date] = {}
    for key, value in last_contacts.items():
        try:
            contacts[key] = read_day(value, f"last_contacts[{key!r}]")
        except ValidationError as e:
            problems.extend(e.errors)
    if problems:
        raise ValidationError(problems)
    for key in contacts:
        if not isinstance(_named(portfolio, key), AccountPlan | Customer):
            raise refusal(NotFoundError, "not_found", _NO_PLAN_OR_CUSTOMER, key=key)
    return contacts


def _named(portfolio: Portfolio, key: object) -> object | None:
    return portfolio.get(key) if isinstance(key, str) else None


def _status(day: date, on: date, last: date | None, *, judged: bool) -> TouchpointStatus:
    if day >= on:
        return TouchpointStatus.UPCOMING
    if not judged:
        return TouchpointStatus.UNKNOWN
    if last is not None and last >= day:
        return TouchpointStatus.COVERED
    return TouchpointStatus.OVERDUE


def communication_schedule(  # noqa: PLR0913 - on= stays beside as_of= for one release
    portfolio: Portfolio,
    start: date | str,
    end: date | str,
    *,
    last_contacts: Mapping[str, date | str] | None = None,
    as_of: date | str | None = None,
    on: date | str | None = None,
) -> CommunicationSchedule:
    """List the touchpoints each key account's current plan schedules (S5.2).

    Account managers plan regular communication with decision makers (S5.2).
    For every key account whose plan is current on *as_of*, the plan's cadence
    gives the touchpoints from *start* to *end*, within the plan's period.
    Occurrences count from the first day of the plan's period, so a window
    shows the same dates whatever its start; the search reads only the
    window's days, however long ago the plan began.

    *last_contacts* maps a plan's id, or its account's (customer) id, to the
    day of the last contact with that account's decision makers; the plan's
    id wins when both are given. A touchpoint before *as_of* is then ``covered``
    if that contact is on or after it, else ``overdue``; a plan missing from
    the mapping has had no contact, so all its past touchpoints are overdue.
    Without *last_contacts*, past touchpoints are ``unknown``.

    Every date may be given as a date or as an ISO string (``"2026-10-01"``).

    Args:
        portfolio: The portfolio to read.
        start: The first day of the schedule.
        end: Its last day.
        last_contacts: The day of the last contact per plan or per account.
        as_of: The day to judge at (default: the portfolio's ``as_of``, else
            today).
        on: The deprecated spelling of *as_of*: it warns, and giving both
            is refused.

    Returns:
        The touchpoints by date, and the key accounts without a cadence.

    Raises:
        ValidationError: *portfolio* is no Portfolio, *end* is before *start*,
            *last_contacts* is no mapping, a date is not a date, or both
            *as_of* and *on* are given (code ``conflicting_arguments``).
        NotFoundError: A key of *last_contacts* names no plan or customer.

    >>> from salesroles.testing import sample_portfolio
    >>> from datetime import date
    >>> s = communication_schedule(sample_portfolio(), date(2026, 10, 1), date(2026, 12, 31),
    ...                            last_contacts={"C-ACME": date(2026, 10, 6)})
    >>> [(t.date.isoformat(), t.status.value) for t in s.touchpoints]
    [('2026-10-06', 'covered'), ('2026-11-03', 'overdue'), ('2026-12-01', 'upcoming')]
    >>> s.without_cadence
    ('C-NORD',)
    """
    portfolio = read_portfolio(portfolio)
    start = read_day(start, "start")
    end = read_day(end, "end")
    if end < start:
        raise error(
            "end", "invalid_period", ENDS_BEFORE, end=end.isoformat(), start=start.isoformat()
        )
    day = read_as_of(choose_as_of(as_of, on), portfolio)
    contacts = _contacts(portfolio, last_contacts)
    judged = last_contacts is not None
    touchpoints: list[Touchpoint] = []
    without: list[str] = []
    for account in portfolio.key_accounts:
        plan = portfolio.current_plan(account.customer, day)
        if plan is None:
            continue
        if plan.communication is None:
            without.append(account.customer)
            continue
        touchpoints.extend(
            _touchpoints(
                portfolio, plan, plan.communication, (start, end, day), contacts, judged=judged
            )
        )
    touchpoints.sort(key=lambda t: (t.date, t.plan))
    return CommunicationSchedule(
        start=start,
        end=end,
        on=day,
        touchpoints=tuple(touchpoints),
        without_cadence=tuple(without),
    )


def _touchpoints(  # noqa: PLR0913 - the pieces of one plan's schedule
    portfolio: Portfolio,
    plan: AccountPlan,
    communication: CommunicationPlan,
    days: tuple[date, date, date],
    contacts: Mapping[str, date],
    *,
    judged: bool,
) -> list[Touchpoint]:
    start, end, on = days
    first, last = max(start, plan.period.start), min(end, plan.period.end)
    if last < first:
        return []
    contact = contacts.get(plan.id, contacts.get(plan.account))
    name = portfolio.customer(plan.account).name
    return [
        Touchpoint(
            plan=plan.id,
            account=plan.account,
            name=name,
            date=d,
            stakeholders=communication.stakeholders,
            with_marketing=communication.with_marketing,
            status=_status(d, on, contact, judged=judged),
        )
        # Counted from the plan's first day, read from the window's.
        for d in communication.cadence.between(first, last, anchor=plan.period.start)
    ]
