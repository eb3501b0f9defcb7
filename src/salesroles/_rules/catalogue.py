"""The catalogue: every rule :func:`~salesroles.check` knows, in a stable order, and lookups."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .article import RULES
from .work import most_specific_rule

if TYPE_CHECKING:
    from collections.abc import Iterable

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
    (16, 'account-manager-new-business')
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
    kinds: Iterable[str] = (),
    *,
    subject_only: bool = False,
) -> Rule | None:
    """The rule that reports *role* doing *responsibility* on a subject of *kinds*, or None.

    Of the rules whose guards fit, the one with the most specific guard wins,
    then the first in the catalogue: a sales rep on a key account's work is
    ``key-account-served-by-sales-rep``, a key account managed by anybody
    else ``key-account-without-manager``, and work that no rule names is
    ``work-outside-role``. With *subject_only*, only guards that name kinds of
    subject count: the work itself is the role's, and only its subject can
    make it wrong. The kinds are those of :mod:`salesroles._rules.work`.

    >>> from salesroles import Responsibility, Role
    >>> rule_for(Role.SALES_REP, Responsibility.MANAGE_KEY_ACCOUNTS, ["key account work"]).id
    'key-account-served-by-sales-rep'
    >>> rule_for(Role.MARKETING, Responsibility.MANAGE_KEY_ACCOUNTS, ["key account"]).id
    'key-account-without-manager'
    >>> rule_for(Role.SALES_MANAGER, Responsibility.FIELD_SALES).id
    'work-outside-role'
    """
    return most_specific_rule(
        RULES, role, responsibility, frozenset(kinds), subject_only=subject_only
    )
