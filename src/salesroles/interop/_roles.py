"""Roles from evidence: a title where it is known, else team roles where they agree.

S0.2: a company may give one job both titles, so a person who is "Sales Rep"
on three accounts and "Account Manager" on two is not guessed at. Their role
is left out, so that ``portfolio()`` names it, and the conflict lists every
piece of evidence.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, Final

import attrs

from salesroles import classify_title
from salesroles._model.messages import error_item, said, template

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from salesroles.exceptions import ErrorItem

__all__ = ["Evidence", "decide_roles"]

# One piece of evidence as the conflict names it: its label, and the accounts it was found on.
_ON: Final = template(
    "interop.evidence_on",
    "{label:message} on {count} {count:plural:account|accounts} ({accounts:joined})",
)
_ON_MORE: Final = template(
    "interop.evidence_on_more",
    "{label:message} on {count} {count:plural:account|accounts} ({accounts:joined}, …)",
)
# Several pieces of evidence: the first, and the rest (itself one piece or several).
_AND: Final = template("interop.evidence_and", "{first:message} and {rest:message}")
_TITLED: Final = template(
    "interop.conflicting_roles.title",
    "{name} ({member}) is {evidence:message}, and the title {title!r} names no one role; "
    "the role is left out (S0.2: some companies give one job both titles)",
)
_UNTITLED: Final = template(
    "interop.conflicting_roles.no_title",
    "{name} ({member}) is {evidence:message}, and there is no title; "
    "the role is left out (S0.2: some companies give one job both titles)",
)


@attrs.frozen(kw_only=True)
class Evidence:
    """One piece of evidence of a person's role: a team role on a record, or a team's name.

    Attributes:
        member: The person's id.
        role: The wire role it points to.
        label: The source's own word for it (``Sales Rep``).
        subject: What it is about (an account's id), or ``""``.
        said: The label as a message, where the adapter words it itself
            (Odoo's ``member of Field Sales``), so that it is translated;
            None to quote *label* as it is.
    """

    member: str
    role: str
    label: str
    subject: str = ""
    said: dict[str, Any] | None = attrs.field(default=None, eq=False, hash=False)


def _phrase(label: dict[str, Any], subjects: list[str]) -> dict[str, Any]:
    named = [s for s in subjects if s]
    if not named:
        return label
    more = len(named) > 5
    return said(_ON_MORE if more else _ON, label=label, count=len(named), accounts=named[:5])


def _joined(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """Pieces of evidence joined with "and": ``a and b and c``."""
    if len(parts) == 1:
        return parts[0]
    return said(_AND, first=parts[0], rest=_joined(parts[1:]))


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
    labels: dict[str, dict[str, Any]] = {}
    for item in found:
        by_label[item.label].append(item.subject)
        labels.setdefault(item.label, item.said or said("value.text", value=item.label))
    evidence = _joined(
        [_phrase(labels[label], subjects) for label, subjects in sorted(by_label.items())]
    )
    if title:
        return error_item(
            path,
            "conflicting_roles",
            _TITLED,
            name=name,
            member=member,
            evidence=evidence,
            title=title,
        )
    return error_item(
        path, "conflicting_roles", _UNTITLED, name=name, member=member, evidence=evidence
    )
