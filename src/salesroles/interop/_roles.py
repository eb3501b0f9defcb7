"""Roles from evidence: a title where it is known, else team roles where they agree.

S0.2: a company may give one job both titles, so a person who is "Sales Rep"
on three accounts and "Account Manager" on two is not guessed at. Their role
is left out, so that ``portfolio()`` names it, and the conflict lists every
piece of evidence.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import attrs

from salesroles import classify_title
from salesroles.exceptions import ErrorItem

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["Evidence", "decide_roles"]


@attrs.frozen(kw_only=True)
class Evidence:
    """One piece of evidence of a person's role: a team role on a record, or a team's name.

    Attributes:
        member: The person's id.
        role: The wire role it points to.
        label: The source's own word for it (``Sales Rep``).
        subject: What it is about (an account's id), or ``""``.
    """

    member: str
    role: str
    label: str
    subject: str = ""


def _phrase(label: str, subjects: list[str]) -> str:
    named = [s for s in subjects if s]
    if not named:
        return f"{label!r}"
    shown = ", ".join(named[:5]) + (", …" if len(named) > 5 else "")
    noun = "account" if len(named) == 1 else "accounts"
    return f"{label!r} on {len(named)} {noun} ({shown})"


def decide_roles(
    people: Mapping[str, tuple[str, str | None, str]],
    evidence: Iterable[Evidence],
    *,
    aliases: Mapping[str, str | None] | None,
    decided: Mapping[str, str] | None,
) -> tuple[dict[str, tuple[str | None, str]], list[ErrorItem]]:
    """The role of each person with any evidence and how it was found, and the conflicts.

    *people* maps each id to ``(path, title, name)``: the path of its record,
    its job title and its name. *decided* is the user's own answer for some
    people and wins over everything. The answer maps a person to ``(role,
    how)``, *how* one of ``"decided"``, ``"title"``, ``"team"`` or
    ``"conflict"`` (the role None). A person absent from it has no evidence
    of a sales role.
    """
    by_member: dict[str, list[Evidence]] = defaultdict(list)
    for item in evidence:
        by_member[item.member].append(item)
    roles: dict[str, tuple[str | None, str]] = {}
    conflicts: list[ErrorItem] = []
    for member, (path, title, name) in people.items():
        if decided and member in decided:
            roles[member] = (decided[member], "decided")
            continue
        if title:
            match = classify_title(title, aliases=aliases)
            if match.role is not None:
                roles[member] = (match.role.value, "title")
                continue
        found = by_member.get(member, [])
        distinct = {e.role for e in found}
        if len(distinct) == 1:
            roles[member] = (distinct.pop(), "team")
        elif distinct:
            roles[member] = (None, "conflict")
            conflicts.append(_conflict(member, path, title, name, found))
    return roles, conflicts


def _conflict(
    member: str, path: str, title: str | None, name: str, found: list[Evidence]
) -> ErrorItem:
    by_label: dict[str, list[str]] = defaultdict(list)
    for item in found:
        by_label[item.label].append(item.subject)
    parts = " and ".join(_phrase(label, subjects) for label, subjects in sorted(by_label.items()))
    said = f"the title {title!r} names no one role" if title else "there is no title"
    message = (
        f"{name} ({member}) is {parts}, and {said}; the role is left out "
        "(S0.2: some companies give one job both titles)"
    )
    return ErrorItem(path=path, message=message, code="conflicting_roles")
