"""Plan coverage and attainment: targets per product against actual revenue (S3.3-S3.5).

For each key account's current plan, actual revenue is counted from the first
day of the plan's period up to the day looked at (or the period's end, if
earlier):

- **orders** placed in that window count in full. An order names no product,
  so its amount goes to the *unattributed* bucket (``product`` is None);
- **supply contracts** count their annual value pro-rated by day over each
  contract year (from one anniversary of the start to the next), so a whole
  contract year is exactly the annual value, leap years included. The amount
  is rounded to the cent and split evenly over the contract's products, the
  leftover cents going to the first products; a contract without products
  goes to the unattributed bucket.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from typing import TYPE_CHECKING, ClassVar, Final

import attrs
from dateutil.relativedelta import relativedelta

from salesroles._display import PERCENT, Cell, Kind, Record, Table, money_cell
from salesroles._model.arguments import read_instance
from salesroles._model.commerce import SupplyContract
from salesroles._model.messages import refusal, said, template
from salesroles._model.rates import ExchangeRate, ExchangeRates
from salesroles._model.values import Money, Period
from salesroles.exceptions import NotFoundError

from .arguments import choose_as_of, portfolio_currency, ratio, read_as_of, read_portfolio, total
from .conversion import PLAN_BASIS, Conversion, reporting

if TYPE_CHECKING:
    from collections.abc import Iterable

    from salesroles._model.parties import Customer
    from salesroles._model.planning import AccountPlan
    from salesroles._model.portfolio import Portfolio


__all__ = [
    "PlanAttainment",
    "PlanProgress",
    "ProductAttainment",
    "contract_revenue",
    "plan_attainment",
]

CENT: Final = Decimal("0.01")
_NOTHING: Final = Decimal("0.00")
#: What the rows call revenue that names no product.
UNATTRIBUTED: Final = "(unattributed)"
_NO_PLAN: Final = template(
    "no_current_plan", "{account!r} has no current key-account plan in this result"
)


def contract_revenue(contract: SupplyContract, window: Period) -> Money | None:
    """The part of *contract*'s annual value earned in *window*, to the cent (S4.2).

    Each contract year (from one anniversary of the start to the next) earns
    the annual value; the days of a year that fall in *window* and in the
    contract's term earn their share of it. None when the value is unknown.

    Raises:
        ValidationError: *contract* is no SupplyContract or *window* no Period.

    >>> from salesroles import SupplyContract
    >>> k = SupplyContract(id="K", customer="C", start="2026-01-01", term_months=36,
    ...                    annual_value=Money(amount="365000", currency="EUR"))
    >>> str(contract_revenue(k, Period(start="2026-12-01", end="2027-01-31")))
    '62000.00 EUR'
    """
    contract = read_instance(contract, SupplyContract, "contract")
    window = read_instance(window, Period, "window")
    value = contract.annual_value
    if value is None:
        return None
    low = max(window.start, contract.start)
    high = min(window.end, contract.end_date)
    earned = Decimal(0)
    year = max(0, low.year - contract.start.year - 1)
    while low <= high:
        begins = contract.start + relativedelta(years=year)
        if begins > high:
            break
        ends = contract.start + relativedelta(years=year + 1)
        first, last = max(low, begins), min(high, ends - timedelta(days=1))
        if first <= last:
            earned += value.amount * ((last - first).days + 1) / (ends - begins).days
        year += 1
    return Money(amount=earned.quantize(CENT), currency=value.currency)


def _split(amount: Decimal, parts: int) -> list[Decimal]:
    """Split a cent amount in *parts* that add up exactly, leftover cents first."""
    base = (amount / parts).quantize(CENT, rounding=ROUND_DOWN)
    cents = int((amount - base * parts) / CENT)
    step = CENT if cents >= 0 else -CENT
    return [base + (step if i < abs(cents) else 0) for i in range(parts)]


@attrs.frozen(kw_only=True)
class ProductAttainment:
    """One product of a plan: its target against the revenue so far (S3.4).

    Attributes:
        product: The product's id; None for the unattributed bucket.
        name: The product's name (``"(unattributed)"`` for the bucket).
        target: The plan's revenue target for the product, if it has one.
        actual: The revenue counted so far in the plan's period.
        expected: The target pro-rated to the share of the period elapsed.
        attainment: ``actual / target``, when the target is above zero.
    """

    product: str | None
    name: str
    target: Money | None
    actual: Money
    expected: Money | None
    attainment: Decimal | None

    @property
    def on_track(self) -> bool | None:
        """Whether the actual revenue keeps pace with the target; None without a target."""
        return None if self.expected is None else self.actual >= self.expected


@attrs.frozen(kw_only=True, repr=False)
class PlanProgress(Table):
    """One key account's current plan: targets, actuals, coverage, profitability.

    Attributes:
        plan: The plan's id.
        account: The key account's customer id.
        name: The customer's name.
        owner: Who owns the plan.
        period: The plan's period.
        counted_until: The last day counted: the day looked at, or the period's end.
        elapsed: The share of the period's days counted (0 to 1).
        products: One row per catalogue product, then the unattributed bucket
            when it holds revenue.
        total_target: The sum of the targets; None for a plan without any.
        total_actual: All revenue counted, attributed or not.
        attainment: ``total_actual / total_target``, when the target is above zero.
        catalogue_coverage: The share of the catalogue with a target (a zero
            target counts: it says the product is not planned, S3.4); None
            for an empty catalogue.
        untargeted: The catalogue products without a target.
        margin: The customer's annual profit over its annual revenue, if known.
        profitability_target: The plan's profitability target (S3.3), if set.
        profitability_met: Whether the margin reaches the target; None when either is unknown.
    """

    _title: ClassVar[str] = "Plan attainment"
    _columns: ClassVar[tuple[str, ...]] = (
        "product",
        "name",
        "target",
        "actual",
        "expected",
        "attainment",
        "on_track",
        "currency",
    )
    _formats: ClassVar[dict[str, str]] = {
        "attainment": PERCENT,
        "elapsed": PERCENT,
        "catalogue_coverage": PERCENT,
        "margin": PERCENT,
        "profitability_target": PERCENT,
    }
    _dtypes: ClassVar[dict[str, Kind]] = {
        "product": "text",
        "name": "text",
        "target": "money",
        "actual": "money",
        "expected": "money",
        "attainment": "decimal",
        "on_track": "bool",
        "currency": "text",
    }
    claims: ClassVar[tuple[str, ...]] = ("S3.3", "S3.4", "S3.5")

    plan: str
    account: str
    name: str
    owner: str
    period: Period
    counted_until: date
    elapsed: Decimal
    products: tuple[ProductAttainment, ...]
    total_target: Money | None
    total_actual: Money
    attainment: Decimal | None
    catalogue_coverage: Decimal | None
    untargeted: tuple[str, ...]
    margin: Decimal | None
    profitability_target: Decimal | None
    profitability_met: bool | None

    def _heading(self) -> str:
        return f"{super()._heading()}: {self.plan} for {self.name} ({self.period})"

    def summary(self) -> dict[str, Cell]:
        """The plan's headline figures."""
        return {
            "plan": self.plan,
            "account": self.account,
            "counted_until": self.counted_until.isoformat(),
            "elapsed": self.elapsed,
            "total_target": money_cell(self.total_target),
            "total_actual": self.total_actual.amount,
            "attainment": self.attainment,
            "catalogue_coverage": self.catalogue_coverage,
            "margin": self.margin,
            "profitability_target": self.profitability_target,
            "profitability_met": self.profitability_met,
            "currency": self.total_actual.currency,
        }

    def to_records(self) -> list[Record]:
        """One row per product (and the unattributed bucket)."""
        currency = self.total_actual.currency
        return [
            {
                "product": p.product,
                "name": p.name,
                "target": money_cell(p.target),
                "actual": p.actual.amount,
                "expected": money_cell(p.expected),
                "attainment": p.attainment,
                "on_track": p.on_track,
                "currency": currency,
            }
            for p in self.products
        ]


@attrs.frozen(kw_only=True, repr=False)
class PlanAttainment(Table):
    """The progress of every key account's current plan (S3.3-S3.5).

    Attributes:
        on: The day looked at (also :attr:`as_of`).
        plans: One progress per key account with a current plan, in the
            order of the key accounts.
        without_plan: Key accounts with no current plan (S3.1, S3.4).
        rates_used: The exchange rates amounts were converted with, in the
            order first used; empty when none needed converting.
    """

    _title: ClassVar[str] = "Plan attainment"
    # One row per product of each plan: the plan's columns, then a PlanProgress row's.
    _columns: ClassVar[tuple[str, ...]] = ("plan", "account", *PlanProgress._columns)  # noqa: SLF001
    _dtypes: ClassVar[dict[str, Kind]] = {
        "plan": "text",
        "account": "text",
        **PlanProgress._dtypes,  # noqa: SLF001
    }
    _formats: ClassVar[dict[str, str]] = {"attainment": PERCENT}
    claims: ClassVar[tuple[str, ...]] = ("S3.3", "S3.4", "S3.5")

    on: date
    plans: tuple[PlanProgress, ...]
    without_plan: tuple[str, ...]
    rates_used: tuple[ExchangeRate, ...] = ()

    @property
    def as_of(self) -> date:
        """The day looked at: ``on``, by the name the argument has."""
        return self.on

    def plan(self, account: str) -> PlanProgress:
        """Return the progress of *account*'s plan (by the account's customer id or the plan's).

        Raises:
            NotFoundError: No current plan of a key account matches.
        """
        for progress in self.plans:
            if account in (progress.account, progress.plan):
                return progress
        raise refusal(NotFoundError, "not_found", _NO_PLAN, account=account)

    def summary(self) -> dict[str, Cell]:
        """How many plans were judged, and how many meet their profitability target."""
        return {
            "on": self.on.isoformat(),
            "plans": len(self.plans),
            "without_plan": len(self.without_plan),
            "on_track": sum(1 for p in self.plans if _plan_on_track(p)),
            "profitability_met": sum(1 for p in self.plans if p.profitability_met),
        }

    def to_records(self) -> list[Record]:
        """One row per plan and product, the plan and account in the first columns."""
        rows: list[Record] = []
        for p in self.plans:
            head: Record = {"plan": p.plan, "account": p.account}
            rows.extend(head | row for row in p.to_records())
        return rows

    def plan_records(self) -> list[Record]:
        """One row per plan: its headline figures (see :meth:`PlanProgress.summary`)."""
        return [p.summary() for p in self.plans]


def _plan_on_track(progress: PlanProgress) -> bool:
    expected = [p.expected for p in progress.products if p.expected is not None]
    if not expected:
        return False
    return progress.total_actual >= total(expected, progress.total_actual.currency)


def _actuals(
    portfolio: Portfolio, plan: AccountPlan, window: Period, conversion: Conversion
) -> dict[str | None, Money]:
    """Revenue per product id (None: unattributed) of *plan*'s account in *window*.

    An order counts at the rate of its day, a contract at the rate of its start.
    """
    actual: dict[str | None, Money] = {}
    currency = conversion.currency

    def add(product: str | None, amount: Money) -> None:
        actual[product] = actual.get(product, Money(amount=_NOTHING, currency=currency)) + amount

    for order in portfolio.orders_of(plan.account):
        if window.contains(order.placed_on):
            owner = ("order", order.id)
            amount = conversion.money(order.amount, order.placed_on, owner, "amount")
            add(None, amount or order.amount)
    for contract in portfolio.contracts_of(plan.account):
        earned = contract_revenue(contract, window)
        if earned is None:
            continue
        earned = conversion.money(
            earned, contract.start, ("supply contract", contract.id), "annual_value"
        )
        if earned is None:  # pragma: no cover - conversion keeps an amount an amount
            continue
        if not contract.products:
            add(None, earned)
            continue
        for product, part in zip(
            contract.products, _split(earned.amount, len(contract.products)), strict=True
        ):
            add(product, Money(amount=part, currency=earned.currency))
    return actual


def _plan_conversion(
    conversion: Conversion, portfolio: Portfolio, plan: AccountPlan
) -> Conversion:
    """How *plan* counts: in the reporting currency, or in its own targets' one.

    Its own is when neither ``currency=`` nor the portfolio names one: its
    targets' currency, else the portfolio's figures'.
    """
    if conversion.chosen or portfolio.currency is not None:
        return conversion
    targets = plan.product_targets
    own = targets[0].revenue.currency if targets else portfolio_currency(portfolio)
    return attrs.evolve(conversion, currency=own, basis=said(PLAN_BASIS, plan=plan.id))


def _in_currency(plan: AccountPlan, conversion: Conversion) -> AccountPlan:
    """*plan* with its targets in the reporting currency, at the rate of the period's start."""
    if all(t.revenue.currency == conversion.currency for t in plan.product_targets):
        return plan
    day = plan.period.start
    owner = ("plan", plan.id)
    targets = [
        attrs.evolve(
            t,
            revenue=conversion.money(t.revenue, day, owner, f"product_targets[{i}].revenue")
            or t.revenue,
        )
        for i, t in enumerate(plan.product_targets)
    ]
    return attrs.evolve(plan, product_targets=targets)


def _margin(customer: Customer, conversion: Conversion, on: date) -> Decimal | None:
    """The customer's annual profit over its annual revenue, when both are known.

    Figures in two currencies are both converted at the rate of *on* first.
    """
    if customer.annual_profit is None or customer.annual_revenue is None:
        return None
    if customer.annual_profit.currency != customer.annual_revenue.currency:
        customer = conversion.customer(customer, on)
    return ratio(customer.annual_profit, customer.annual_revenue)  # type: ignore[arg-type]


def _progress(
    portfolio: Portfolio, plan: AccountPlan, on: date, conversion: Conversion
) -> PlanProgress:
    conversion = _plan_conversion(conversion, portfolio, plan)
    plan = _in_currency(plan, conversion)
    targets = plan.product_targets
    currency = conversion.currency
    # The plan is current on *on*, so the window holds at least its first day.
    until = min(on, plan.period.end)
    window = Period(start=plan.period.start, end=until)
    elapsed = Decimal(window.days) / plan.period.days
    actual = _actuals(portfolio, plan, window, conversion)
    rows: list[ProductAttainment] = []
    names: Iterable[tuple[str | None, str]] = [(p.id, p.name) for p in portfolio.products]
    if actual.get(None, Money.zero(currency)).amount != 0:
        names = [*names, (None, UNATTRIBUTED)]
    for product, name in names:
        target = plan.target_for(product) if product is not None else None
        got = actual.get(product, Money(amount=_NOTHING, currency=currency))
        rows.append(
            ProductAttainment(
                product=product,
                name=name,
                target=target,
                actual=got,
                expected=None
                if target is None
                else Money(amount=(target.amount * elapsed).quantize(CENT), currency=currency),
                attainment=ratio(got, target)
                if target is not None and target.amount > 0
                else None,
            )
        )
    customer = portfolio.customer(plan.account)
    margin = _margin(customer, conversion, on)
    total_target = plan.total_target
    total_actual = (
        total(actual.values(), currency) if actual else Money(amount=_NOTHING, currency=currency)
    )
    catalogue = {p.id for p in portfolio.products}
    targeted = {t.product for t in targets}
    return PlanProgress(
        plan=plan.id,
        account=plan.account,
        name=customer.name,
        owner=plan.owner,
        period=plan.period,
        counted_until=until,
        elapsed=elapsed,
        products=tuple(rows),
        total_target=total_target,
        total_actual=total_actual,
        attainment=ratio(total_actual, total_target)
        if total_target is not None and total_target.amount > 0
        else None,
        catalogue_coverage=Decimal(len(catalogue & targeted)) / len(catalogue)
        if catalogue
        else None,
        untargeted=tuple(p.id for p in portfolio.products if p.id not in targeted),
        margin=margin,
        profitability_target=plan.profitability_target,
        profitability_met=None
        if margin is None or plan.profitability_target is None
        else margin >= plan.profitability_target,
    )


def plan_attainment(
    portfolio: Portfolio,
    as_of: date | str | None = None,
    *,
    on: date | str | None = None,
    rates: ExchangeRates | None = None,
    currency: str | None = None,
) -> PlanAttainment:
    """Compare each key account's current plan with the revenue so far (S3.3-S3.5).

    An account plan holds a revenue target for each product the company sells
    (S3.4) and a profitability target (S3.3). For the plan current on *as_of*,
    this counts the revenue of the plan's period up to *as_of* (see the module
    notes for how orders and contracts count), sets it against each product's
    target and against the target pro-rated to the days elapsed, measures the
    share of the catalogue the targets cover, and compares the customer's
    margin (annual profit over annual revenue) with the profitability target.

    Args:
        portfolio: The portfolio to read.
        as_of: The day to judge at, a date or an ISO string ``"2026-06-30"``
            (default: the portfolio's ``as_of``, else today).
        on: The deprecated spelling of *as_of*: it warns, and giving both
            is refused.
        rates: The exchange rates to convert amounts in other currencies
            with: an order at the rate of its day, a contract's revenue at the
            rate of its start, a plan's targets at the rate of the first day of
            its period, a customer's figures (for the margin) at *as_of*'s.
        currency: The reporting currency (default: the portfolio's; without
            one, each plan counts in its own targets' currency).

    Returns:
        One progress per key account with a current plan, and the accounts without.

    Raises:
        ValidationError: *portfolio* is no Portfolio, *as_of* is no date, both
            *as_of* and *on* are given (code ``conflicting_arguments``), an
            argument is invalid, or a rate is missing (code ``missing_rate``,
            naming the pair and the day).
        CurrencyMismatchError: Without *rates*, a target, order, contract or
            customer's figure is not in the currency counted in; the message
            names every one with its figure.

    >>> from salesroles.testing import sample_portfolio
    >>> acme = plan_attainment(sample_portfolio()).plan("C-ACME")
    >>> [(p.product, str(p.target), str(p.actual)) for p in acme.products]
    [('P-PUMP', '900000.00 EUR', '725479.45 EUR'), ('P-VALVE', '150000.00 EUR', '0.00 EUR'),
     ('P-SERVICE', '120000.00 EUR', '0.00 EUR')]
    >>> f"{acme.margin:.0%}", acme.profitability_met
    ('20%', False)
    """
    portfolio = read_portfolio(portfolio)
    day = read_as_of(choose_as_of(as_of, on), portfolio)
    conversion = reporting(portfolio, rates, currency)
    plans: list[PlanProgress] = []
    without: list[str] = []
    for account in portfolio.key_accounts:
        plan = portfolio.current_plan(account.customer, day)
        if plan is None:
            without.append(account.customer)
        else:
            plans.append(_progress(portfolio, plan, day, conversion))
    used = conversion.done()
    return PlanAttainment(on=day, plans=tuple(plans), without_plan=tuple(without), rates_used=used)
