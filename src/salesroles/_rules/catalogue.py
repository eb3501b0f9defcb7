"""The catalogue: every rule :func:`~salesroles.check` knows, in a stable order, and lookups."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .article import RULES

if TYPE_CHECKING:
    from salesroles._model.enums import Responsibility, Role

    from .rule import Rule


__all__ = ["rule_by_id", "rule_for", "rules"]

_BY_ID: Final = {r.id: r for r in RULES}


def rules() -> tuple[Rule, ...]:
    """Return the catalogue: every rule :func:`salesroles.check` knows, in a stable order.

    Each has an id, a title, a default severity, the claims it comes from,
    when it fires and why it matters. The docs' rules page is generated from
    this list.

    >>> catalogue = rules()
    >>> len(catalogue), catalogue[0].id
    (15, 'account-manager-new-business')
    >>> [r.id for r in catalogue if r.default_severity == "info"]
    ['no-communication-cadence']
    """
    return RULES


def rule_by_id(rule_id: str) -> Rule | None:
    """Return the rule *rule_id* of the catalogue, or None."""
    return _BY_ID.get(rule_id)


def rule_for(
    role: Role,
    responsibility: Responsibility,
    subject: str | None = None,
    *,
    subject_only: bool = False,
) -> Rule | None:
    """The rule that reports *role* doing *responsibility* (on a *subject* kind), or None.

    With *subject_only*, only guards that name subject kinds count: the work
    itself is the role's, and only its subject can make it wrong.

    Of the rules whose guards fit, the one with the most specific guard wins,
    then the first in the catalogue: a sales rep managing a key account is
    ``key-account-served-by-sales-rep``, anybody else
    ``key-account-without-manager``.

    >>> from salesroles import Responsibility, Role
    >>> rule_for(Role.SALES_REP, Responsibility.MANAGE_KEY_ACCOUNTS).id
    'key-account-served-by-sales-rep'
    >>> rule_for(Role.MARKETING, Responsibility.MANAGE_KEY_ACCOUNTS).id
    'key-account-without-manager'
    >>> rule_for(Role.SALES_REP, Responsibility.CLOSE_DEALS) is None
    True
    """
    best: tuple[int, Rule] | None = None
    for found in RULES:
        for guard in found.guards:
            if subject_only and not guard.subjects:
                continue
            if guard.fits(role, responsibility, subject) and (
                best is None or guard.specificity > best[0]
            ):
                best = (guard.specificity, found)
    return None if best is None else best[1]
