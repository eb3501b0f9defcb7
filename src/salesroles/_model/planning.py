"""Planning: the strategic account plan and its parts (S3.1-S3.5, S5.1-S5.3), revenue targets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from salesroles.exceptions import ErrorItem, ValidationError

from .arguments import read_enum
from .cadence import Cadence
from .converters import Rejected, to_optional_day, to_optional_figure, to_tuple
from .enums import ActionKind, ActionKindValue, to_action_kind
from .messages import error_item, template
from .validation import Checked, fraction, invariant
from .values import Money, Period

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "AccountPlan",
    "CommunicationPlan",
    "CustomizationProposal",
    "PlanAction",
    "ProductTarget",
    "ResourceCommitment",
    "RevenueTarget",
]


# Typed names of to_tuple for each element type: type checkers read a converter's parameter
# as the argument's type (attrs' plugin, dataclass_transform); at run time they are to_tuple.
if TYPE_CHECKING:

    def _customization_proposals(
        value: Iterable[CustomizationProposal],
    ) -> tuple[CustomizationProposal, ...]: ...

    def _plan_actions(value: Iterable[PlanAction]) -> tuple[PlanAction, ...]: ...

    def _product_targets(value: Iterable[ProductTarget]) -> tuple[ProductTarget, ...]: ...

    def _resource_commitments(
        value: Iterable[ResourceCommitment],
    ) -> tuple[ResourceCommitment, ...]: ...

    def _ids(value: Iterable[str]) -> tuple[str, ...]: ...

else:
    _customization_proposals = to_tuple
    _plan_actions = to_tuple
    _product_targets = to_tuple
    _resource_commitments = to_tuple
    _ids = to_tuple


def _to_cadence(value: Cadence | str) -> Cadence:
    if type(value) is str:
        try:
            return Cadence(rule=value)
        except ValidationError as e:
            # Report the rule's problem at this field, next to the object's other problems.
            return Rejected(e.errors)  # type: ignore[return-value]
    return value  # type: ignore[return-value]


_TWICE: Final = template(
    "duplicate_product", "product {product!r} is targeted twice; expected one target per product"
)
_OTHER_CURRENCY: Final = template(
    "plan_currency",
    "got {got!r}; expected {expected!r} like the plan's first target (a plan's targets share "
    "one currency)",
)


@attrs.frozen(kw_only=True)
class ProductTarget(Checked):
    """A revenue target for one product of the catalogue in an account plan (S3.4).

    A zero target says explicitly that the product is not planned for the account.
    """

    product: str
    revenue: Money


@attrs.frozen(kw_only=True)
class PlanAction(Checked):
    """Something the company will do for the account (S3.5).

    An action of kind ``competitive_response`` answers a threat by naming it
    in ``responds_to`` (S2.4).
    """

    id: str
    kind: ActionKind = attrs.field(converter=to_action_kind)
    description: str
    due: date | None = attrs.field(default=None, converter=to_optional_day)
    responds_to: str | None = None


@attrs.frozen(kw_only=True)
class CommunicationPlan(Checked):
    """Regular communication with the decision makers, planned with marketing (S5.2).

    ``cadence`` accepts a :class:`Cadence` or its RFC 5545 rule as a string;
    ``stakeholders`` are the ids of the people to meet.
    """

    cadence: Cadence = attrs.field(converter=_to_cadence)
    stakeholders: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    with_marketing: bool = False


@attrs.frozen(kw_only=True)
class CustomizationProposal(Checked):
    """A proposal, developed with marketing, to adapt a product to the customer (S5.3)."""

    id: str
    product: str
    description: str


@attrs.frozen(kw_only=True)
class ResourceCommitment(Checked):
    """An internal department the account manager coordinates for the customer (S5.1)."""

    department: str
    commitment: str


@attrs.frozen(kw_only=True)
class AccountPlan(Checked):
    """The strategic plan for one key account over one period (S3.1, S3.4, S3.5).

    It holds a revenue target per product of the catalogue (S3.4), a
    profitability target as a fraction such as ``Decimal("0.22")`` (S3.3; an
    int, a float or a decimal string is converted exactly, ``0.22`` too),
    relationship actions (S3.5), a communication cadence (S5.2),
    customisation proposals (S5.3) and the internal resources to coordinate
    (S5.1). Its owner should be the account's manager.

    Invariants: no product is targeted twice, and all targets are in one currency.
    """

    id: str
    account: str
    owner: str
    period: Period
    product_targets: tuple[ProductTarget, ...] = attrs.field(
        default=(), converter=_product_targets
    )
    profitability_target: Decimal | None = attrs.field(
        default=None, converter=to_optional_figure, metadata=fraction()
    )
    actions: tuple[PlanAction, ...] = attrs.field(default=(), converter=_plan_actions)
    communication: CommunicationPlan | None = None
    customizations: tuple[CustomizationProposal, ...] = attrs.field(
        default=(), converter=_customization_proposals
    )
    resources: tuple[ResourceCommitment, ...] = attrs.field(
        default=(), converter=_resource_commitments
    )

    @invariant("product_targets")
    def _one_target_per_product(self) -> Iterator[ErrorItem]:
        seen: set[str] = set()
        for i, target in enumerate(self.product_targets):
            if target.product in seen:
                yield error_item(
                    f"product_targets[{i}].product",
                    "duplicate_product",
                    _TWICE,
                    product=target.product,
                )
            seen.add(target.product)

    @invariant("product_targets")
    def _one_currency(self) -> Iterator[ErrorItem]:
        currency = self.product_targets[0].revenue.currency if self.product_targets else None
        for i, target in enumerate(self.product_targets):
            if target.revenue.currency != currency:
                yield error_item(
                    f"product_targets[{i}].revenue.currency",
                    "currency_mismatch",
                    _OTHER_CURRENCY,
                    got=target.revenue.currency,
                    expected=currency,
                )

    def target_for(self, product: str) -> Money | None:
        """Return the revenue target of *product* (an id), or None if it has none."""
        for target in self.product_targets:
            if target.product == product:
                return target.revenue
        return None

    @property
    def total_target(self) -> Money | None:
        """The sum of the product targets, or None for a plan without any."""
        if not self.product_targets:
            return None
        first, *rest = (t.revenue for t in self.product_targets)
        return sum(rest, first)

    def actions_of(self, kind: ActionKind | ActionKindValue) -> tuple[PlanAction, ...]:
        """Return the plan's actions of *kind* (a member or its value, ``"relationship"``)."""
        wanted = read_enum(kind, ActionKind, "kind")
        return tuple(a for a in self.actions if a.kind is wanted)

    def with_target(self, product: str, revenue: Money) -> AccountPlan:
        """Return the plan with *product*'s target set to *revenue* (added or replaced)."""
        kept = tuple(t for t in self.product_targets if t.product != product)
        return attrs.evolve(
            self, product_targets=(*kept, ProductTarget(product=product, revenue=revenue))
        )

    def with_action(self, action: PlanAction) -> AccountPlan:
        """Return the plan with *action* added."""
        return attrs.evolve(self, actions=(*self.actions, action))


@attrs.frozen(kw_only=True)
class RevenueTarget(Checked):
    """A revenue figure to reach in a period, and who set it (S3.2).

    A sales rep's target is set by a sales manager (S3.2); an account manager
    sets targets in the account plan instead (S3.4).
    """

    id: str
    owner: str
    period: Period
    revenue: Money
    set_by: str
