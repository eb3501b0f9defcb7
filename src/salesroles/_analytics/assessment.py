"""Key-account assessment: which customers deserve key-account status (S2.1, S2.2).

Account managers keep or grow the business of a *selected* group of existing
customers (S2.1), generally the company's most important ones (S2.2). This
module scores every active customer on documented criteria, ranks them, and
recommends designating, keeping or releasing key accounts within a portfolio
cap and a per-manager load.

The criteria, each scaled to 0..1 across the portfolio by dividing by the
largest value among the active customers (negative values count as 0):

- ``revenue``: annual revenue (S2.3: what losing it would cost);
- ``profit``: annual profit (S2.3, S3.3);
- ``growth_potential``: the expected yearly growth (S2.1: "grow the business");
- ``share_of_wallet``: the *headroom* ``1 - share_of_wallet``: a low share of
  the customer's spending means room to grow (S2.1);
- ``relationship``: the influence-weighted strength of the decision team's
  recorded relationships (S4.3), see :func:`relationship_strength`.

A customer's score is the weighted mean of the criteria known for it: an
unknown figure neither helps nor hurts, the weights of the known ones are
rescaled to add up to 1.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Final

import attrs

from salesroles._display import Cell, Kind, Record, Table
from salesroles._i18n.message import render
from salesroles._model.arguments import (
    gather,
    read_count,
    read_instance,
    read_optional_count,
    read_share,
)
from salesroles._model.converters import to_figure
from salesroles._model.enums import CustomerStatus, Role
from salesroles._model.messages import error_item, phrase, phrases, refusal, said, template
from salesroles._model.parties import Customer
from salesroles._model.rates import ExchangeRate, ExchangeRates
from salesroles._model.validation import CONSTRAINT, DOUBT, Checked, figure, invariant
from salesroles.exceptions import ErrorItem, NotFoundError

from .arguments import read_as_of, read_portfolio
from .conversion import Conversion, reporting
from .teams import strength

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from datetime import date

    from salesroles._model.portfolio import Portfolio
    from salesroles._model.values import Money


__all__ = [
    "CRITERIA",
    "AccountAssessment",
    "AssessmentWeights",
    "CriterionScore",
    "KeyAccountAssessment",
    "Recommendation",
    "assess_key_accounts",
]

#: The criteria of the assessment, in order, with what each measures.
CRITERIA: Final[dict[str, str]] = {
    "revenue": "annual revenue (S2.3)",
    "profit": "annual profit (S2.3, S3.3)",
    "growth_potential": "expected yearly growth (S2.1)",
    "share_of_wallet": "headroom: 1 - share of wallet; a low share is room to grow (S2.1)",
    "relationship": "influence-weighted relationship strength of the decision team (S4.3)",
}
_ECONOMIC: Final = ("revenue", "profit", "growth_potential", "share_of_wallet")
#: The default cap: the KAM literature keeps 15 to 35 key accounts per company.
DEFAULT_CAP: Final = 25
#: The default load: key accounts one account manager can look after well.
DEFAULT_MAX_PER_MANAGER: Final = 10
#: The default score a customer needs to deserve key-account status.
DEFAULT_THRESHOLD: Final = Decimal("0.5")


def _weight(value: Decimal | float | str) -> Decimal:
    return to_figure(value)  # type: ignore[no-any-return]


_NEGATIVE: Final = template("negative_weight", "got {value}; expected a weight of 0 or more")
_ALL_ZERO: Final = template(
    "all_zero", "every weight is 0; expected at least one criterion to count"
)
_NOT_ASSESSED: Final = template(
    "not_assessed", "{customer!r} was not assessed: only active customers and key accounts are"
)
_WEIGHTS: Final = phrase("expected.weights", "AssessmentWeights(...)")


def _not_negative(value: Decimal) -> ErrorItem | None:
    if value >= 0:
        return None
    return error_item("", "out_of_range", _NEGATIVE, value=str(value))


# A weight: any number, converted exactly (see to_figure), and not below 0.
_WEIGHT: Final = figure() | {CONSTRAINT: _not_negative, DOUBT: "{v} < 0"}


@attrs.frozen(kw_only=True)
class AssessmentWeights(Checked):
    """How much each criterion counts in the key-account score (S2.1, S2.2).

    Weights are non-negative numbers (an ``int``, a ``float`` or a decimal
    string is converted exactly, ``0.3`` to ``Decimal("0.3")``), not all
    zero; they need not add up to 1, only their proportions matter. A zero
    weight leaves a criterion out. The defaults put the money first (55 %),
    then the relationship (20 %), growth (15 %) and headroom in the wallet
    (10 %).

    >>> AssessmentWeights(revenue=1, profit=1, growth_potential=0, share_of_wallet=0,
    ...                   relationship=-1)
    Traceback (most recent call last):
    ...
    salesroles.exceptions.ValidationError: relationship: got -1; expected a weight of 0 or more
    """

    revenue: Decimal = attrs.field(default=Decimal("0.30"), converter=_weight, metadata=_WEIGHT)
    profit: Decimal = attrs.field(default=Decimal("0.25"), converter=_weight, metadata=_WEIGHT)
    growth_potential: Decimal = attrs.field(
        default=Decimal("0.15"), converter=_weight, metadata=_WEIGHT
    )
    share_of_wallet: Decimal = attrs.field(
        default=Decimal("0.10"), converter=_weight, metadata=_WEIGHT
    )
    relationship: Decimal = attrs.field(
        default=Decimal("0.20"), converter=_weight, metadata=_WEIGHT
    )

    @invariant(*CRITERIA)
    def _some_weight(self) -> Iterator[ErrorItem]:
        # Every weight is read: one that failed could have been the one above 0.
        if all(self.of(name) == 0 for name in CRITERIA):
            yield error_item("", "all_zero", _ALL_ZERO)

    def of(self, criterion: str) -> Decimal:
        """Return the weight of *criterion* (one of :data:`CRITERIA`)."""
        return getattr(self, criterion)  # type: ignore[no-any-return]


class Recommendation(enum.StrEnum):
    """What the assessment recommends for a customer (S2.1, S2.2)."""

    DESIGNATE = "designate"
    KEEP = "keep"
    RELEASE = "release"
    NONE = "none"


@attrs.frozen(kw_only=True)
class CriterionScore:
    """One criterion of one customer's score.

    Attributes:
        criterion: Its name, a key of :data:`CRITERIA`.
        value: The raw figure (a money amount, a fraction, the headroom or the
            relationship strength); None when unknown.
        scaled: The figure scaled to 0..1 across the portfolio; None when unknown.
        weight: The criterion's weight as given.
        contribution: What it adds to the score: ``scaled`` times its weight
            over the weights of the criteria known for the customer.
    """

    criterion: str
    value: Decimal | None
    scaled: Decimal | None
    weight: Decimal
    contribution: Decimal | None


@attrs.frozen(kw_only=True, repr=False)
class AccountAssessment(Table):
    """One customer's assessment, explained criterion by criterion (S2.1, S2.2).

    Attributes:
        customer: The customer's id.
        name: The customer's name.
        status: The customer's status.
        is_key_account: Whether it is a key account now.
        manager: Its current account manager, if a key account with one.
        rank: Its place by score (1 is best); None when it could not be scored.
        score: The weighted score, 0 to 1; None when nothing is known to score it on.
        attractiveness: The score of the economic criteria alone (all but the
            relationship): the x axis of the assessment matrix.
        relationship_strength: The decision team's relationship strength, 0
            to 1, unscaled: the y axis of the assessment matrix.
        recommendation: What to do.
        suggested_manager: The account manager with room to take it on, for
            a designation or a key account without an account manager.
        reasons: Why, citing the claims.
        criteria: The criteria, in the order of :data:`CRITERIA`.
    """

    _title: ClassVar[str] = "Key-account assessment"
    _columns: ClassVar[tuple[str, ...]] = (
        "criterion",
        "value",
        "scaled",
        "weight",
        "contribution",
    )
    _dtypes: ClassVar[dict[str, Kind]] = {
        "criterion": tuple(CRITERIA),
        "value": "decimal",
        "scaled": "decimal",
        "weight": "decimal",
        "contribution": "decimal",
    }
    _formats: ClassVar[dict[str, str]] = {
        "scaled": ".3f",
        "weight": ".2f",
        "contribution": ".3f",
        "score": ".3f",
        "attractiveness": ".3f",
        "relationship_strength": ".3f",
    }
    claims: ClassVar[tuple[str, ...]] = ("S2.1", "S2.2")

    customer: str
    name: str
    status: CustomerStatus
    is_key_account: bool
    manager: str | None
    rank: int | None
    score: Decimal | None
    attractiveness: Decimal | None
    relationship_strength: Decimal | None
    recommendation: Recommendation
    suggested_manager: str | None
    reasons: tuple[str, ...]
    criteria: tuple[CriterionScore, ...]

    @property
    def recommended_key_account(self) -> bool:
        """Whether it should be a key account after the recommendation."""
        return self.recommendation in (Recommendation.DESIGNATE, Recommendation.KEEP)

    def _heading(self) -> str:
        return f"{super()._heading()}: {self.name} ({self.customer})"

    def _note(self) -> str | None:
        return " ".join(self.reasons) or None

    def summary(self) -> dict[str, Cell]:
        """The customer's score, rank and recommendation."""
        return {
            "customer": self.customer,
            "key_account": self.is_key_account,
            "rank": self.rank,
            "score": self.score,
            "attractiveness": self.attractiveness,
            "relationship_strength": self.relationship_strength,
            "recommendation": self.recommendation.value,
            "suggested_manager": self.suggested_manager,
        }

    def to_records(self) -> list[Record]:
        """One row per criterion: raw value, scaled value, weight and contribution."""
        return [
            {
                "criterion": c.criterion,
                "value": c.value,
                "scaled": c.scaled,
                "weight": c.weight,
                "contribution": c.contribution,
            }
            for c in self.criteria
        ]

    def __repr__(self) -> str:
        reasons = "".join(f"\n  - {reason}" for reason in self.reasons)
        return super().__repr__() + reasons


@attrs.frozen(kw_only=True, repr=False)
class KeyAccountAssessment(Table):
    """Every active customer scored, ranked and given a recommendation (S2.1, S2.2).

    Attributes:
        weights: The weights used.
        cap: The most key accounts recommended.
        max_per_manager: The most key accounts per account manager; None for no limit.
        threshold: The score a customer needs to deserve key-account status.
        accounts: The scored customers by rank, then those that could not be
            scored, then key accounts of customers that are no longer active.
        currency: The currency revenue and profit were compared in.
        rates_used: The exchange rates the figures were converted with, in the
            order first used; empty when every figure was in that currency.
    """

    _title: ClassVar[str] = "Key-account assessment"
    _columns: ClassVar[tuple[str, ...]] = (
        "rank",
        "customer",
        "name",
        "key_account",
        "manager",
        "score",
        "attractiveness",
        "relationship_strength",
        *(f"{name}_scaled" for name in CRITERIA),
        "recommendation",
        "suggested_manager",
        "reasons",
    )
    _dtypes: ClassVar[dict[str, Kind]] = {
        "rank": "int",
        "customer": "text",
        "name": "text",
        "key_account": "bool",
        "manager": "text",
        "score": "decimal",
        "attractiveness": "decimal",
        "relationship_strength": "decimal",
        **{f"{name}_scaled": "decimal" for name in CRITERIA},
        "recommendation": tuple(Recommendation),
        "suggested_manager": "text",
        "reasons": "text",
    }
    _formats: ClassVar[dict[str, str]] = {
        "score": ".3f",
        "attractiveness": ".3f",
        "relationship_strength": ".3f",
        "threshold": ".2f",
        **{f"{name}_scaled": ".3f" for name in CRITERIA},
    }
    claims: ClassVar[tuple[str, ...]] = ("S2.1", "S2.2")

    weights: AssessmentWeights
    cap: int
    max_per_manager: int | None
    threshold: Decimal
    accounts: tuple[AccountAssessment, ...]
    currency: str | None = None
    rates_used: tuple[ExchangeRate, ...] = ()

    def _with(self, recommendation: Recommendation) -> tuple[str, ...]:
        return tuple(a.customer for a in self.accounts if a.recommendation is recommendation)

    @property
    def designate(self) -> tuple[str, ...]:
        """The customers to designate key accounts, best first."""
        return self._with(Recommendation.DESIGNATE)

    @property
    def keep(self) -> tuple[str, ...]:
        """The key accounts to keep, best first."""
        return self._with(Recommendation.KEEP)

    @property
    def release(self) -> tuple[str, ...]:
        """The key accounts to release."""
        return self._with(Recommendation.RELEASE)

    @property
    def recommended(self) -> tuple[str, ...]:
        """The key accounts after following the recommendations, best first."""
        return tuple(a.customer for a in self.accounts if a.recommended_key_account)

    def explain(self, customer: str) -> AccountAssessment:
        """Return *customer*'s assessment, criterion by criterion.

        Raises:
            NotFoundError: *customer* is not in the assessment (not an active
                customer or key account of the portfolio).
        """
        for account in self.accounts:
            if account.customer == customer:
                return account
        raise refusal(NotFoundError, "not_found", _NOT_ASSESSED, customer=customer)

    def summary(self) -> dict[str, Cell]:
        """The counts of each recommendation, against the cap."""
        return {
            "assessed": len(self.accounts),
            "key_accounts": sum(1 for a in self.accounts if a.is_key_account),
            "recommended": len(self.recommended),
            "cap": self.cap,
            "max_per_manager": self.max_per_manager,
            "threshold": self.threshold,
            "designate": len(self.designate),
            "keep": len(self.keep),
            "release": len(self.release),
        }

    def to_records(self) -> list[Record]:
        """One row per customer: scores, each criterion scaled, the recommendation and why."""
        rows: list[Record] = []
        for a in self.accounts:
            row: Record = {
                "rank": a.rank,
                "customer": a.customer,
                "name": a.name,
                "key_account": a.is_key_account,
                "manager": a.manager,
                "score": a.score,
                "attractiveness": a.attractiveness,
                "relationship_strength": a.relationship_strength,
            }
            row.update({f"{c.criterion}_scaled": c.scaled for c in a.criteria})
            row["recommendation"] = a.recommendation.value
            row["suggested_manager"] = a.suggested_manager
            row["reasons"] = " ".join(a.reasons)
            rows.append(row)
        return rows

    def _note(self) -> str | None:
        return (
            f"Weights: {', '.join(f'{k} {v}' for k, v in attrs.asdict(self.weights).items())}. "
            "Use explain(customer) for the criteria of one customer."
        )


# -- scoring --


def _amount(money: Money | None) -> Decimal | None:
    return None if money is None else money.amount


def _raw_values(portfolio: Portfolio, customers: Sequence[Customer]) -> list[dict[str, Any]]:
    # Customers are compared by their figures, which are all in the reporting currency here.
    return [
        {
            "revenue": _amount(c.annual_revenue),
            "profit": _amount(c.annual_profit),
            "growth_potential": c.growth_potential,
            "share_of_wallet": None if c.share_of_wallet is None else 1 - c.share_of_wallet,
            "relationship": strength(portfolio.stakeholders_of(c.id)),
        }
        for c in customers
    ]


def _scaled(values: list[dict[str, Any]]) -> list[dict[str, Decimal | None]]:
    """Scale each criterion by its largest value; negatives count as 0, a zero top gives 0."""
    tops: dict[str, Decimal] = {}
    for name in CRITERIA:
        known = [v[name] for v in values if v[name] is not None]
        tops[name] = max(known, default=Decimal(0))
    return [
        {
            name: None
            if v[name] is None
            else (max(v[name], Decimal(0)) / tops[name] if tops[name] > 0 else Decimal(0))
            for name in CRITERIA
        }
        for v in values
    ]


def _weighted(
    scaled: dict[str, Decimal | None], weights: AssessmentWeights, names: Sequence[str]
) -> tuple[Decimal | None, dict[str, Decimal]]:
    known = [n for n in names if scaled[n] is not None and weights.of(n) > 0]
    whole = sum((weights.of(n) for n in known), Decimal(0))
    if not known:
        return None, {}
    parts = {n: weights.of(n) * scaled[n] / whole for n in known}  # type: ignore[operator]
    return sum(parts.values(), Decimal(0)), parts


# A message as data: its template's code and parameters (see salesroles._i18n.message).
Message = dict[str, Any]

# The reasons of a recommendation, said in the language active when the assessment is made.
phrases("criterion", {name: name for name in CRITERIA})
_SCORES: Final = template(
    "assess.scores",
    "Scores {score:number} (rank {rank}): strongest on {best:criterion} ({best_scaled:number})",
)
_SCORES_WEAKEST: Final = template(
    "assess.scores_weakest",
    "Scores {score:number} (rank {rank}): strongest on {best:criterion} "
    "({best_scaled:number}), weakest on {worst:criterion} ({worst_scaled:number})",
)
_DESCRIBED: Final = template("assess.described", "{scores:message}.")
_DESCRIBED_UNKNOWN: Final = template(
    "assess.described_unknown", "{scores:message}; not known: {unknown:criterion[]}."
)
_AFTER_SCORES: Final = template("assess.after_scores", "{scores:message} {reason:message}")
_KEEP: Final = template("assess.keep", "Among the most important customers: keep it (S2.2).")
_KEEP_UNSCORED: Final = template(
    "assess.keep_unscored",
    "Nothing is known to score it on: kept for review until its figures are known (S2.2).",
)
_NO_LIMIT: Final = template("assess.no_limit", "no limit")
_LIMIT: Final = template("assess.limit", "max_per_manager={most}")
_FULL_HAND: Final = template(
    "assess.full_hand",
    "{manager} already manages {most} better-ranked key accounts (max_per_manager={most}): "
    "hand it, with its plan and open deals, to {to} (S2.1, S3.3).",
)
_FULL_NOBODY: Final = template(
    "assess.full_nobody",
    "{manager} already manages {most} better-ranked key accounts (max_per_manager={most}), "
    "and no account manager has room (max_per_manager={most}) (S2.1).",
)
_NO_MANAGER: Final = template("assess.no_manager", "It has no manager")
_NOT_MANAGER: Final = template("assess.not_manager", "Its manager {manager} is no account manager")
_MOST_ROOM: Final = template(
    "assess.most_room", "{member}, the account manager with the most room"
)
_PLAN_OWNER: Final = template("assess.plan_owner", "{member}, who owns its current plan")
_OWNER_FULL: Final = template(
    "assess.owner_full",
    "its current plan's owner {owner} has no room ({limit:message}), and under anyone else "
    "the plan would be owned by someone who does not manage the account "
    "(plan-owner-not-account-manager, S3.3); relieve {owner} or hand the plan over first",
)
_HAND_TO: Final = template("assess.hand_to", "{who:message}: hand it to {whom:message} (S2.1).")
_BUT: Final = template("assess.but", "{who:message}, but {why:message} (S2.1).")
_NO_ROOM: Final = template(
    "assess.no_room", "{who:message}, and no account manager has room ({limit:message}) (S2.1)."
)
_QUALIFIES_BUT: Final = template("assess.qualifies_but", "It qualifies, but {why:message} (S2.1).")
_QUALIFIES_NO_ROOM: Final = template(
    "assess.qualifies_no_room",
    "It qualifies, but no account manager has room ({limit:message}): add or relieve an "
    "account manager first (S2.1).",
)
_DESIGNATE: Final = template(
    "assess.designate",
    "Among the {cap} most important customers at or above {threshold:number}: designate it a "
    "key account, managed by {whom:message} (S2.1, S2.2).",
)
_UNSCORED: Final = template("assess.unscored", "nothing is known to score it on")
_BEYOND_CAP: Final = template(
    "assess.beyond_cap", "beyond the cap of {cap} key accounts (S2.1: a selected group)"
)
_BELOW: Final = template(
    "assess.below", "below the threshold {threshold:number} (S2.2: the most important customers)"
)
_RELEASE: Final = template("assess.release", "Release it: {because:message}.")
_NOT_KEY: Final = template("assess.not_key", "Not a key account: {because:message}.")
_GONE: Final = template(
    "assess.gone",
    "The customer is {status:CustomerStatus}: only an existing, active customer can be a key "
    "account (S2.1, S2.2).",
)


@attrs.define
class _Candidate:
    """A customer on its way through the recommendation (mutable, private)."""

    customer: Customer
    is_key: bool
    manager: str | None
    score: Decimal | None
    attractiveness: Decimal | None
    strength: Decimal | None
    revenue: Decimal
    criteria: tuple[CriterionScore, ...]
    plan_owner: str | None = None
    rank: int | None = None
    recommendation: Recommendation = Recommendation.NONE
    suggested: str | None = None
    reasons: list[Message] = attrs.Factory(list)


def _candidates(
    portfolio: Portfolio, weights: AssessmentWeights, conversion: Conversion, day: date
) -> tuple[list[_Candidate], list[_Candidate]]:
    """Score the active customers; return them and the key accounts of inactive customers.

    Their figures are brought into the reporting currency on *day* first.
    """
    active = [
        conversion.customer(c, day)
        for c in portfolio.customers
        if c.status is CustomerStatus.ACTIVE
    ]
    raw = _raw_values(portfolio, active)
    scaled = _scaled(raw)
    scored: list[_Candidate] = []
    for customer, values, scales in zip(active, raw, scaled, strict=True):
        score, parts = _weighted(scales, weights, tuple(CRITERIA))
        attractiveness, _ = _weighted(scales, weights, _ECONOMIC)
        key = portfolio.is_key_account(customer.id)
        plan = portfolio.current_plan(customer.id)
        scored.append(
            _Candidate(
                customer=customer,
                is_key=key,
                manager=portfolio.key_account(customer.id).manager if key else None,
                score=score,
                attractiveness=attractiveness,
                strength=values["relationship"],
                revenue=values["revenue"] if values["revenue"] is not None else Decimal(0),
                plan_owner=None if plan is None else plan.owner,
                criteria=tuple(
                    CriterionScore(
                        criterion=name,
                        value=values[name],
                        scaled=scales[name],
                        weight=weights.of(name),
                        contribution=parts.get(name),
                    )
                    for name in CRITERIA
                ),
            )
        )
    gone = [
        _Candidate(
            customer=portfolio.customer(a.customer),
            is_key=True,
            manager=a.manager,
            score=None,
            attractiveness=None,
            strength=None,
            revenue=Decimal(0),
            criteria=(),
        )
        for a in portfolio.key_accounts
        if not portfolio.customer(a.customer).is_active
    ]
    return scored, gone


def _describe(c: _Candidate) -> Message | None:
    """The candidate's score in words (a message), or None when it has none."""
    known = [x for x in c.criteria if x.scaled is not None]
    if c.score is None or not known:
        return None
    best = max(known, key=lambda x: x.scaled or 0)
    worst = min(known, key=lambda x: x.scaled or 0)
    scores = said(
        _SCORES if worst is best else _SCORES_WEAKEST,
        score=f"{c.score:.2f}",
        rank=c.rank,
        best=best.criterion,
        best_scaled=f"{best.scaled:.2f}",
        worst=worst.criterion,
        worst_scaled=f"{worst.scaled:.2f}",
    )
    if worst is best:
        del scores["params"]["worst"], scores["params"]["worst_scaled"]
    unknown = [x.criterion for x in c.criteria if x.scaled is None and x.weight > 0]
    if unknown:
        return said(_DESCRIBED_UNKNOWN, scores=scores, unknown=unknown)
    return said(_DESCRIBED, scores=scores)


def _reason(c: _Candidate, text: str, **params: Any) -> None:
    """Add a reason to *c*: message *text*, after the score in words when *c* has one."""
    described = _describe(c)
    if described is None:
        c.reasons.append(said(text, **params))
    else:
        c.reasons.append(said(_AFTER_SCORES, scores=described, reason=said(text, **params)))


def _select(scored: list[_Candidate], cap: int, threshold: Decimal) -> list[_Candidate]:
    """Rank the scored customers and pick at most *cap* of those at or above *threshold*."""
    ranked = sorted(
        (c for c in scored if c.score is not None),
        key=lambda c: (-(c.score or 0), -c.revenue, c.customer.id),
    )
    for rank, c in enumerate(ranked, start=1):
        c.rank = rank
    qualified = [c for c in ranked if (c.score or 0) >= threshold]
    # A key account that cannot be scored is kept for review, after the qualified ones.
    unscored = [c for c in scored if c.score is None and c.is_key]
    return (qualified + unscored)[:cap]


class _Managers:
    """The account managers' loads while key accounts are handed out (private)."""

    def __init__(self, portfolio: Portfolio, most: int | None) -> None:
        self.ids = [m.id for m in portfolio.members_with(Role.ACCOUNT_MANAGER)]
        self.load = dict.fromkeys(self.ids, 0)
        self.most = most
        self.limit = said(_NO_LIMIT) if most is None else said(_LIMIT, most=most)

    def has_room(self, member: str) -> bool:
        """Whether account manager *member* can take one more key account."""
        return self.most is None or self.load[member] < self.most

    def take(self) -> str | None:
        """Give one more account to the manager with the most room; None if nobody has any."""
        free = [m for m in self.ids if self.has_room(m)]
        chosen = min(free, key=lambda m: self.load[m], default=None)
        if chosen is not None:
            self.load[chosen] += 1
        return chosen

    def appoint(self, c: _Candidate) -> tuple[str | None, Message]:
        """The manager to suggest for *c*, and why (a message that follows "hand it to").

        The owner of the customer's current plan comes first when an account
        manager: anyone else would leave the plan with someone who does not
        manage the account, a finding the portfolio does not have now
        (``plan-owner-not-account-manager``, S3.3). When that owner has no room,
        nobody is suggested, and the message says why (:data:`_OWNER_FULL`).
        """
        owner = c.plan_owner
        if owner is None or owner not in self.load:
            chosen = self.take()
            return chosen, said(_MOST_ROOM, member=chosen)
        if self.has_room(owner):
            self.load[owner] += 1
            return owner, said(_PLAN_OWNER, member=owner)
        return None, said(_OWNER_FULL, owner=owner, limit=self.limit)


def _keep(c: _Candidate, managers: _Managers, seen: dict[str, int]) -> None:
    c.recommendation = Recommendation.KEEP
    if c.score is not None:
        _reason(c, _KEEP)
    else:
        c.reasons.append(said(_KEEP_UNSCORED))
    if c.manager in managers.load:
        seen[c.manager] = seen.get(c.manager, 0) + 1
        if managers.most is None or seen[c.manager] <= managers.most:
            return
        # Its manager is full with better-ranked accounts: hand it, with its plan, to one with
        # room (Scenario.reassign moves both, so the plan stays with its manager).
        managers.load[c.manager] -= 1
        c.suggested = managers.take()
        if c.suggested is None:
            managers.load[c.manager] += 1
            c.reasons.append(said(_FULL_NOBODY, manager=c.manager, most=managers.most))
        else:
            c.reasons.append(
                said(_FULL_HAND, manager=c.manager, most=managers.most, to=c.suggested)
            )
        return
    who = said(_NO_MANAGER) if c.manager is None else said(_NOT_MANAGER, manager=c.manager)
    c.suggested, whom = managers.appoint(c)
    if c.suggested is not None:
        c.reasons.append(said(_HAND_TO, who=who, whom=whom))
    elif c.plan_owner in managers.load:
        c.reasons.append(said(_BUT, who=who, why=whom))
    else:
        c.reasons.append(said(_NO_ROOM, who=who, limit=managers.limit))


def _designate(c: _Candidate, managers: _Managers, cap: int, threshold: Decimal) -> None:
    c.suggested, whom = managers.appoint(c)
    if c.suggested is None:
        if c.plan_owner in managers.load:
            _reason(c, _QUALIFIES_BUT, why=whom)
        else:
            _reason(c, _QUALIFIES_NO_ROOM, limit=managers.limit)
        return
    c.recommendation = Recommendation.DESIGNATE
    _reason(c, _DESIGNATE, cap=cap, threshold=str(threshold), whom=whom)


def _turn_down(c: _Candidate, cap: int, threshold: Decimal) -> None:
    if c.score is None:
        because = said(_UNSCORED)
    elif c.score >= threshold:
        because = said(_BEYOND_CAP, cap=cap)
    else:
        because = said(_BELOW, threshold=str(threshold))
    if c.is_key:
        c.recommendation = Recommendation.RELEASE
        _reason(c, _RELEASE, because=because)
    else:
        _reason(c, _NOT_KEY, because=because)


def _recommend(
    portfolio: Portfolio,
    scored: list[_Candidate],
    gone: list[_Candidate],
    limits: tuple[int, int | None, Decimal],
) -> None:
    cap, max_per_manager, threshold = limits
    selected = _select(scored, cap, threshold)
    managers = _Managers(portfolio, max_per_manager)
    # Kept accounts stay with their account managers: count them before handing out others.
    for c in selected:
        if c.is_key and c.manager in managers.load:
            managers.load[c.manager] += 1
    seen: dict[str, int] = {}
    for c in selected:
        if c.is_key:
            _keep(c, managers, seen)
        else:
            _designate(c, managers, cap, threshold)
    chosen = {id(c) for c in selected}
    for c in scored:
        if id(c) not in chosen:
            _turn_down(c, cap, threshold)
    for c in gone:
        c.recommendation = Recommendation.RELEASE
        c.reasons.append(said(_GONE, status=c.customer.status.value))


def _check_limits(
    weights: object, cap: object, max_per_manager: object, threshold: object
) -> Decimal:
    """Read every limit of an assessment; raise once with every problem; return the threshold.

    The threshold comes back as the Decimal it was read as (``0.5`` may come as a float).
    """
    gather(
        lambda: read_instance(weights, AssessmentWeights, "weights", _WEIGHTS),
        lambda: read_count(cap, "cap"),
        lambda: read_optional_count(max_per_manager, "max_per_manager"),
        lambda: read_share(threshold, "threshold"),
    )
    return read_share(threshold, "threshold")


def assess_key_accounts(  # noqa: PLR0913 - keyword-only options, each documented
    portfolio: Portfolio,
    *,
    weights: AssessmentWeights = AssessmentWeights(),
    cap: int = DEFAULT_CAP,
    max_per_manager: int | None = DEFAULT_MAX_PER_MANAGER,
    threshold: Decimal | float | str = DEFAULT_THRESHOLD,
    as_of: date | str | None = None,
    rates: ExchangeRates | None = None,
    currency: str | None = None,
) -> KeyAccountAssessment:
    """Score every active customer and recommend key-account designations (S2.1, S2.2).

    Each active customer is scored on the criteria of :data:`CRITERIA` (see
    the module notes: each scaled by the portfolio's largest value, weighted,
    unknown ones left out) and ranked, best first (ties: larger revenue, then
    id). The key accounts should be the customers scoring at least
    *threshold*, at most *cap* of them; key accounts that cannot be scored
    are kept for review after those. Then:

    - a current key account among them is to ``keep``; any other is to
      ``release``, as is a key account whose customer is no longer active;
    - another customer among them is to ``designate``, with the account
      manager who has the most room as ``suggested_manager``; when every
      account manager already has *max_per_manager* key accounts, it gets
      ``none`` with that reason and its slot stays empty;
    - a kept account without an account manager gets one suggested the same
      way, as does one whose manager already has *max_per_manager*
      better-ranked key accounts (the reason says when nobody has room).

    Args:
        portfolio: The portfolio to read.
        weights: How much each criterion counts.
        cap: The most key accounts to recommend (default 25, within the
            15-35 the KAM literature reports per company).
        max_per_manager: The most key accounts per account manager (default
            10); None for no limit.
        threshold: The score, 0 to 1, a customer needs (default 0.5): an
            int, a float, a Decimal or a decimal string, read exactly.
        as_of: The day annual figures in other currencies are converted at
            (default: the portfolio's ``as_of``, else today).
        rates: The exchange rates to convert figures in other currencies with.
        currency: The reporting currency (default: the portfolio's).

    Returns:
        Every assessed customer with its score, explanation and recommendation.

    Raises:
        ValidationError: *portfolio* is no Portfolio, a limit, the weights or
            another argument is invalid (every problem is named), or a rate is
            missing (code ``missing_rate``, naming the pair and the day).
        CurrencyMismatchError: Without *rates*, a customer's figures are not in
            the reporting currency; the message names every customer and figure.

    >>> from salesroles.testing import sample_portfolio
    >>> result = assess_key_accounts(sample_portfolio())
    >>> [(a.customer, f"{a.score:.3f}", a.recommendation.value) for a in result.accounts]
    [('C-ACME', '1.000', 'keep'), ('C-NORD', '0.612', 'keep'), ('C-BAKER', '0.015', 'none')]
    """
    portfolio = read_portfolio(portfolio)
    threshold = _check_limits(weights, cap, max_per_manager, threshold)
    conversion = reporting(portfolio, rates, currency)
    scored, gone = _candidates(portfolio, weights, conversion, read_as_of(as_of, portfolio))
    used = conversion.done()
    _recommend(portfolio, scored, gone, (cap, max_per_manager, threshold))
    ordered = sorted(
        scored, key=lambda c: (c.rank is None, c.rank or 0, not c.is_key, c.customer.id)
    )
    return KeyAccountAssessment(
        weights=weights,
        cap=cap,
        max_per_manager=max_per_manager,
        threshold=threshold,
        accounts=tuple(
            AccountAssessment(
                customer=c.customer.id,
                name=c.customer.name,
                status=c.customer.status,
                is_key_account=c.is_key,
                manager=c.manager,
                rank=c.rank,
                score=c.score,
                attractiveness=c.attractiveness,
                relationship_strength=c.strength,
                recommendation=c.recommendation,
                suggested_manager=c.suggested,
                reasons=tuple(render(m["code"], m["params"]) for m in c.reasons),
                criteria=c.criteria,
            )
            for c in (*ordered, *gone)
        ),
        currency=conversion.currency,
        rates_used=used,
    )
