"""The decision team of each key account (S4.1, S4.3): who is covered, and who carries it."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Final

import attrs

from salesroles._display import PERCENT, Cell, Kind, Record, Table
from salesroles._model.arguments import read_each, read_id, read_share
from salesroles._model.enums import DECISION_TEAM, BuyingRole, Relationship
from salesroles._model.messages import phrase
from salesroles._model.parties import Customer, Stakeholder

from .arguments import read_portfolio

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from salesroles._model.portfolio import Portfolio

#: How strong each recorded relationship is, on a 0 to 1 scale.
RELATIONSHIP_LEVELS: Final[dict[Relationship, Decimal]] = {
    Relationship.NONE: Decimal(0),
    Relationship.COLD: Decimal("0.25"),
    Relationship.NEUTRAL: Decimal("0.5"),
    Relationship.WARM: Decimal("0.75"),
    Relationship.CHAMPION: Decimal(1),
}


#: The weight of a stakeholder whose influence is unknown: the middle of the 1 to 5 scale.
DEFAULT_INFLUENCE: Final = 3

_CUSTOMER_OR_NONE: Final = phrase("expected.customer_or_none", "a customer id (a string) or None")


def relationship_strength(team: Sequence[Stakeholder]) -> Decimal | None:
    """The influence-weighted mean of the recorded relationships of *team*, 0 to 1.

    Each stakeholder's relationship counts by :data:`RELATIONSHIP_LEVELS`,
    weighted by their influence (1 to 5; :data:`DEFAULT_INFLUENCE` when
    unknown). Stakeholders without a recorded relationship are left out;
    None when nobody's is recorded (S4.3).

    Raises:
        ValidationError: *team* is not a list of stakeholders; every wrong one is named.
    """
    return strength(read_each(team, Stakeholder, "team"))


def strength(team: Iterable[Stakeholder]) -> Decimal | None:
    """:func:`relationship_strength` of a team known to hold stakeholders only."""
    weighted = Decimal(0)
    weights = 0
    for person in team:
        if person.relationship is None:
            continue
        weight = person.influence or DEFAULT_INFLUENCE
        weighted += RELATIONSHIP_LEVELS[person.relationship] * weight
        weights += weight
    return weighted / weights if weights else None


@attrs.frozen(kw_only=True)
class DecisionTeamCoverage:
    """How well one customer's decision team is covered (S4.3).

    Attributes:
        customer: The customer's id.
        name: The customer's name.
        is_key_account: Whether it is a key account.
        stakeholders: How many stakeholders are known.
        covered: The buying roles present, in the order of :class:`BuyingRole`.
        missing: Which of the three roles S4.3 names (purchasing manager,
            technical decision maker, senior executive) nobody holds.
        relationship_strength: The influence-weighted strength of the recorded
            relationships, 0 to 1; None when none is recorded.
        carrier: The stakeholder who carries the account, if one does: the only
            stakeholder, or one holding more than ``carry_share`` of the
            team's influence.
        carrier_influence_share: The carrier's share of the team's influence.
    """

    customer: str
    name: str
    is_key_account: bool
    stakeholders: int
    covered: tuple[BuyingRole, ...]
    missing: tuple[BuyingRole, ...]
    relationship_strength: Decimal | None
    carrier: str | None
    carrier_influence_share: Decimal | None

    @property
    def single_contact(self) -> bool:
        """Whether one contact carries the account (S4.2: work with the whole team)."""
        return self.carrier is not None


@attrs.frozen(kw_only=True, repr=False)
class DecisionTeam(Table):
    """The decision-team coverage of key accounts, or of one customer (S4.2, S4.3).

    Attributes:
        teams: One coverage per customer looked at.
        carry_share: The share of influence above which one contact carries an account.
    """

    _title: ClassVar[str] = "Decision-team coverage"
    _columns: ClassVar[tuple[str, ...]] = (
        "customer",
        "name",
        "key_account",
        "stakeholders",
        "covered",
        "missing",
        "relationship_strength",
        "single_contact",
        "carrier",
        "carrier_influence_share",
    )
    _formats: ClassVar[dict[str, str]] = {
        "relationship_strength": ".2f",
        "carrier_influence_share": PERCENT,
    }
    _dtypes: ClassVar[dict[str, Kind]] = {
        "customer": "text",
        "name": "text",
        "key_account": "bool",
        "stakeholders": "int",
        "covered": "list",
        "missing": "list",
        "relationship_strength": "decimal",
        "single_contact": "bool",
        "carrier": "text",
        "carrier_influence_share": "decimal",
    }
    claims: ClassVar[tuple[str, ...]] = ("S4.2", "S4.3")

    teams: tuple[DecisionTeamCoverage, ...]
    carry_share: Decimal

    def summary(self) -> dict[str, Cell]:
        """How many accounts were looked at, have gaps, or hang on a single contact."""
        return {
            "accounts": len(self.teams),
            "with_gaps": sum(1 for t in self.teams if t.missing),
            "single_contact": sum(1 for t in self.teams if t.single_contact),
        }

    def to_records(self) -> list[Record]:
        """One row per customer; role lists are joined with ``", "``."""
        return [
            {
                "customer": t.customer,
                "name": t.name,
                "key_account": t.is_key_account,
                "stakeholders": t.stakeholders,
                "covered": ", ".join(r.value for r in t.covered),
                "missing": ", ".join(r.value for r in t.missing),
                "relationship_strength": t.relationship_strength,
                "single_contact": t.single_contact,
                "carrier": t.carrier,
                "carrier_influence_share": t.carrier_influence_share,
            }
            for t in self.teams
        ]


def _coverage(
    portfolio: Portfolio, customer: Customer, carry_share: Decimal
) -> DecisionTeamCoverage:
    team = portfolio.stakeholders_of(customer.id)
    roles = {s.buying_role for s in team}
    influence = [(s, s.influence or DEFAULT_INFLUENCE) for s in team]
    whole = sum(w for _, w in influence)
    carrier: str | None = None
    carried: Decimal | None = None
    if influence:
        strongest, weight = max(influence, key=lambda sw: sw[1])
        share = Decimal(weight) / whole
        if len(team) == 1 or share > carry_share:
            carrier, carried = strongest.id, share
    return DecisionTeamCoverage(
        customer=customer.id,
        name=customer.name,
        is_key_account=portfolio.is_key_account(customer.id),
        stakeholders=len(team),
        covered=tuple(r for r in BuyingRole if r in roles),
        missing=tuple(r for r in DECISION_TEAM if r not in roles),
        relationship_strength=strength(team),
        carrier=carrier,
        carrier_influence_share=carried,
    )


def decision_team(
    portfolio: Portfolio,
    customer: str | None = None,
    *,
    carry_share: Decimal | float | str = Decimal("0.5"),
) -> DecisionTeam:
    """How well the decision teams of key accounts are covered (S4.2, S4.3).

    Account managers work with a complex decision team (S4.2) and build
    relationships with its buyers, technical decision makers and senior
    executives (S4.3). For each key account (or only *customer*, key account
    or not) this says which buying roles are covered and which of those three
    are missing, how strong the relationships are (see
    :func:`relationship_strength`), and whether a single contact carries the
    account: it has one stakeholder, or one holding more than *carry_share*
    of the team's influence (unknown influence counts as 3 of 5).

    Args:
        portfolio: The portfolio to read.
        customer: Only this customer (an id); default: every key account.
        carry_share: Above which share of the influence one contact carries
            the account, from 0 up to 1 (default one half: "most"); a
            Decimal, an int, a float or a decimal string, read exactly.

    Returns:
        One coverage per customer, in the portfolio's order.

    Raises:
        NotFoundError: *customer* names no customer.
        ValidationError: *portfolio* is no Portfolio, *customer* is no id, or
            *carry_share* is no number from 0 up to 1.

    >>> from salesroles.testing import sample_portfolio
    >>> [(t.customer, [r.value for r in t.missing], t.carrier)
    ...  for t in decision_team(sample_portfolio()).teams]
    [('C-ACME', [], None), ('C-NORD', ['technical_decision_maker', 'senior_executive'], 'S-OLE')]
    """
    portfolio = read_portfolio(portfolio)
    if customer is not None:
        customer = read_id(customer, "customer", _CUSTOMER_OR_NONE)
    carry_share = read_share(carry_share, "carry_share", below_one=True)
    if customer is not None:
        customers: Sequence[Customer] = (portfolio.customer(customer),)
    else:
        customers = tuple(portfolio.customer(a.customer) for a in portfolio.key_accounts)
    return DecisionTeam(
        teams=tuple(_coverage(portfolio, c, carry_share) for c in customers),
        carry_share=carry_share,
    )
