"""Labels of enumeration members in the active language.

An English label is the member's wire value in words (``sales_rep`` ->
"sales rep"); the catalogues translate it under the enumeration's name as
context, so "lost" the deal stage and "lost" the customer status can differ.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .catalogue import translate

if TYPE_CHECKING:
    import enum

__all__ = ["english_label", "label"]


def english_label(member: enum.Enum) -> str:
    """The English label of *member*: its value in words."""
    return str(member.value).replace("_", " ")


def label(member: enum.Enum, *, locale: str | None = None) -> str:
    """The label of *member* in *locale* (default: the active locale).

    >>> from salesroles import Role, label
    >>> label(Role.SALES_REP), label(Role.SALES_REP, locale="de")
    ('sales rep', 'Vertriebsmitarbeiter')
    """
    return translate(english_label(member), context=type(member).__name__, locale=locale)
