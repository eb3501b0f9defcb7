"""What is sold and how: products, supply contracts, orders, deals, and assignments of work."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

import attrs
from dateutil.relativedelta import relativedelta

from .arguments import read_day
from .converters import to_day, to_tuple
from .enums import DealStage, Responsibility, to_deal_stage, to_responsibility
from .messages import error_item, template
from .validation import Checked, bounded, invariant
from .values import Money, Period

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from salesroles.exceptions import ErrorItem

__all__ = ["Assignment", "Deal", "Order", "Product", "SupplyContract"]


# Typed names of to_tuple for each element type: type checkers read a converter's parameter
# as the argument's type (attrs' plugin, dataclass_transform); at run time they are to_tuple.
if TYPE_CHECKING:

    def _ids(value: Iterable[str]) -> tuple[str, ...]: ...

else:
    _ids = to_tuple


_TOO_LONG: Final = template(
    "term_too_long",
    "a term of {months} months from {start:date} ends after the year 9999; expected a contract "
    "that ends by then",
)


@attrs.frozen(kw_only=True)
class Product(Checked):
    """A product or service of the company's catalogue (S3.4: a plan targets each one)."""

    id: str
    name: str


@attrs.frozen(kw_only=True)
class SupplyContract(Checked):
    """A long-term supply agreement, what account managers aim for (S4.2).

    The contract runs from ``start`` for ``term_months`` calendar months (1
    to 1200, and ending by the year 9999)
    (computed with :class:`~dateutil.relativedelta.relativedelta`, so a
    contract from 31 January for one month ends on 28 or 29 February): it is
    active on day ``d`` when ``start <= d < renewal_date``.

    >>> k = SupplyContract(id="K-1", customer="C-ACME", start="2026-01-31", term_months=1)
    >>> k.end_date, k.renewal_date
    (datetime.date(2026, 2, 27), datetime.date(2026, 2, 28))
    >>> k.is_active(date(2026, 2, 27)), k.is_active(k.renewal_date)
    (True, False)
    """

    id: str
    customer: str
    start: date = attrs.field(converter=to_day)
    term_months: int = attrs.field(metadata=bounded(1, 1200))
    annual_value: Money | None = None
    products: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    negotiated_by: str | None = None

    @invariant("start", "term_months")
    def _ends_by_9999(self) -> Iterator[ErrorItem]:
        # The year of the renewal date by integer arithmetic, which is what relativedelta
        # computes before it builds the date (a year past 9999 is no date).
        if (self.start.year * 12 + self.start.month - 1 + self.term_months) // 12 > date.max.year:
            yield error_item(
                "term_months",
                "out_of_range",
                _TOO_LONG,
                months=self.term_months,
                start=self.start.isoformat(),
            )

    @property
    def renewal_date(self) -> date:
        """The first day after the term: when the contract is up for renewal."""
        return self.start + relativedelta(months=self.term_months)

    @property
    def end_date(self) -> date:
        """The last day the contract is active."""
        return self.renewal_date - timedelta(days=1)

    @property
    def period(self) -> Period:
        """The days the contract is active, as a :class:`Period`."""
        return Period(start=self.start, end=self.end_date)

    def is_active(self, on: date | str) -> bool:
        """Whether the contract is in force on day *on* (a date or its ISO text)."""
        day = on if type(on) is date else read_day(on, "on")
        return self.start <= day < self.renewal_date

    def renew(self, *, term_months: int | None = None) -> SupplyContract:
        """Return the follow-on contract starting on the renewal date.

        The new contract keeps this one's id with a ``-R`` suffix, its value
        and products, and its term unless *term_months* is given.
        """
        return attrs.evolve(
            self,
            id=f"{self.id}-R",
            start=self.renewal_date,
            term_months=self.term_months if term_months is None else term_months,
        )


@attrs.frozen(kw_only=True)
class Order(Checked):
    """An ad-hoc purchase, typical of small and medium customers (S4.1).

    ``placed_by`` is the stakeholder who ordered; ``administered_by`` the team
    member who handles the order, a sales coordinator's job (S5.5).
    """

    id: str
    customer: str
    placed_on: date = attrs.field(converter=to_day)
    amount: Money
    placed_by: str | None = None
    administered_by: str | None = None


@attrs.frozen(kw_only=True)
class Deal(Checked):
    """A sale under negotiation (S1.2), owned by the team member who works it."""

    id: str
    customer: str
    stage: DealStage = attrs.field(converter=to_deal_stage)
    owner: str
    value: Money | None = None

    @property
    def is_open(self) -> bool:
        """Whether the deal is neither won nor lost."""
        return self.stage.is_open


@attrs.frozen(kw_only=True)
class Assignment(Checked):
    """A piece of work: *member* is to do *responsibility* for *subject*.

    ``subject`` is the id of the customer, lead, plan, deal or order the work
    is about; the rules judge whether the member's role may do it.
    """

    member: str
    responsibility: Responsibility = attrs.field(converter=to_responsibility)
    subject: str


def in_term(start: date, months: int, day: date) -> bool:
    """Whether *day* (not before *start*) falls before ``start + relativedelta(months=months)``.

    The same as :meth:`SupplyContract.is_active` without building a relativedelta per
    contract: the renewal date is *start*'s day in the month *months* later, or that
    month's last day when it is shorter.
    """
    total = start.year * 12 + start.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    if (day.year, day.month) != (year, month):
        return (day.year, day.month) < (year, month)
    return day.day < min(start.day, calendar.monthrange(year, month)[1])
