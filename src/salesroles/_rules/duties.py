"""The responsibilities (docs/domain.md): what each is, who owns it by the article, and why.

The table is the article's distinction; policies start from it
(:data:`~salesroles.STRICT` is it) and may move responsibilities to other roles.
"""

from __future__ import annotations

from typing import Final

from salesroles._i18n.message import phrases
from salesroles._model.enums import Responsibility, Role

__all__ = ["duty_claims", "duty_phrase", "strict_owners"]

_AM: Final = Role.ACCOUNT_MANAGER
_SR: Final = Role.SALES_REP

# docs/domain.md, responsibilities: what each responsibility is, who owns it under the article's
# distinction, and the claims that say so.
_DUTIES: Final[dict[Responsibility, tuple[str, tuple[Role, ...], tuple[str, ...]]]] = {
    Responsibility.PROSPECTING: ("prospect for new customers", (_SR,), ("S1.1", "S5.5")),
    Responsibility.FOLLOW_UP_LEADS: ("follow up marketing-generated leads", (_SR,), ("S1.3",)),
    Responsibility.CLOSE_DEALS: (
        "close deals under negotiation with existing customers",
        (_SR,),
        ("S1.2",),
    ),
    Responsibility.WIDEN_PRODUCT_RANGE: (
        "widen the product range sold to an existing customer",
        (_AM, _SR),
        ("S1.2", "S3.4"),
    ),
    Responsibility.MEET_SALES_TARGET: (
        "work toward a revenue target set by a sales manager",
        (_SR,),
        ("S3.2",),
    ),
    Responsibility.SET_SALES_TARGETS: (
        "set revenue targets for sales reps",
        (Role.SALES_MANAGER,),
        ("S3.2",),
    ),
    Responsibility.MANAGE_KEY_ACCOUNTS: (
        "manage key accounts (keep and grow them)",
        (_AM,),
        ("S2.1", "S2.2"),
    ),
    Responsibility.DEFEND_AGAINST_COMPETITORS: (
        "strengthen loyalty and defend against competitors",
        (_AM,),
        ("S2.4",),
    ),
    Responsibility.OWN_ACCOUNT_PROFITABILITY: (
        "own the revenue and profitability of managed accounts",
        (_AM,),
        ("S3.3",),
    ),
    Responsibility.WRITE_ACCOUNT_PLAN: (
        "write the strategic account plan",
        (_AM,),
        ("S3.1", "S3.4", "S3.5"),
    ),
    Responsibility.NEGOTIATE_LONG_TERM_CONTRACTS: (
        "negotiate long-term supply contracts",
        (_AM,),
        ("S4.2",),
    ),
    Responsibility.BUILD_DECISION_TEAM_RELATIONSHIPS: (
        "build relationships across the decision team",
        (_AM,),
        ("S4.3",),
    ),
    Responsibility.COORDINATE_INTERNAL_RESOURCES: (
        "coordinate internal resources and departments",
        (_AM,),
        ("S5.1",),
    ),
    Responsibility.PLAN_DECISION_MAKER_COMMUNICATION: (
        "plan regular communication with decision makers",
        (_AM, Role.MARKETING),
        ("S5.2",),
    ),
    Responsibility.PROPOSE_CUSTOMIZATION: (
        "propose product customisation",
        (_AM, Role.MARKETING),
        ("S5.3",),
    ),
    Responsibility.GENERATE_LEADS: ("generate leads", (Role.MARKETING,), ("S1.3",)),
    Responsibility.FIELD_SALES: ("do field sales visits", (_SR,), ("S5.4",)),
    Responsibility.ORDER_ADMINISTRATION: (
        "administer orders",
        (Role.SALES_COORDINATOR,),
        ("S5.5",),
    ),
}


# Messages name a responsibility by its phrase (``{duty:duty_phrase}``).
phrases("duty_phrase", {duty.value: entry[0] for duty, entry in _DUTIES.items()})


def duty_phrase(responsibility: Responsibility) -> str:
    """Say what *responsibility* is, as docs/domain.md does: ``prospect for new customers``."""
    return _DUTIES[responsibility][0]


def duty_claims(responsibility: Responsibility) -> tuple[str, ...]:
    """The claims that say who owns *responsibility*, such as ``("S1.1", "S5.5")``."""
    return _DUTIES[responsibility][2]


def strict_owners() -> dict[Responsibility, frozenset[Role]]:
    """The roles that own each responsibility under the article's own distinction."""
    return {duty: frozenset(owners) for duty, (_, owners, _) in _DUTIES.items()}
