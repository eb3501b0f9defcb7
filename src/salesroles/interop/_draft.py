"""The result of every adapter: :class:`Draft`, a wire-format document with its provenance.

An adapter reads a system's records and answers with a draft: the wire-format
data ``structure`` reads, what it could not map, where the evidence disagrees,
what it adjusted and what it left out on purpose, and for every wire path the
source record and field it came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

import attrs

from salesroles import Portfolio, structure
from salesroles._i18n.message import render, template
from salesroles.exceptions import ErrorItem, ValidationError

__all__ = ["Draft", "Skipped", "Source"]

_FROM: Final = template("interop.from", "(from {object} {record} {field})")
_SUMMARY: Final = template(
    "interop.draft",
    "Draft from {system}: {team} team, {customers} customers, {key_accounts} key_accounts, "
    "{stakeholders} stakeholders, {leads} leads, {deals} deals; {unmapped} unmapped, "
    "{conflicts} conflicts, {adjusted} adjusted, {skipped} skipped",
)

# The last step of a wire path: ``.key`` or ``[index]``.
_LAST_STEP = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")


def _record_of(path: str) -> str:
    """The record part of an input path: ``Account[3]`` of ``Account[3].Type``."""
    return path.split("].", 1)[0] + "]" if "]." in path else path


@attrs.frozen(kw_only=True)
class Source:
    """Where a value of a draft came from: a field of one record of the source system.

    Attributes:
        object: The system's object or model, like ``Account`` or ``res.partner``.
        record: The record's id in that system.
        field: The field the value was read from.
    """

    object: str
    record: str
    field: str

    def __str__(self) -> str:
        return f"{self.object} {self.record} {self.field}"


@attrs.frozen(kw_only=True)
class Skipped:
    """A source record the draft leaves out on purpose, and why.

    The reason is a message like an :class:`~salesroles.ErrorItem`'s: said in
    the language active when the draft was made (see
    :func:`~salesroles.use_locale`), from a stable :attr:`code` and JSON-ready
    :attr:`params`, so that a caller can tell reasons apart without reading
    them, or say them in another language with ``render(code, params,
    locale=...)``.

    Attributes:
        path: The record in the input, like ``Account[12]``.
        reason: Why it is not in the draft (a duplicate, deleted, no sales role …),
            in the language active when the draft was made.
        code: The stable code of the reason, like ``skipped.duplicate`` or
            ``skipped.no_sales_role``: the code of its text in the catalogues,
            never changed by the language; ``""`` for a reason written as it is.
        params: The values the reason is made of (``{"first": "Account[60]",
            "id": "001…"}``); ``{}`` when none.
    """

    path: str
    reason: str
    code: str = ""
    # Not hashed: a dict cannot be, and the reason already says what the params hold.
    params: Mapping[str, Any] = attrs.field(factory=dict, hash=False)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@attrs.frozen(kw_only=True)
class Draft:
    """A portfolio in the wire format, read from a CRM's records, with its provenance.

    Nothing in a draft is guessed: a value the tables do not map is in
    :attr:`unmapped`, evidence that disagrees in :attr:`conflicts`, and every
    source record is in :attr:`data`, in one of those, or in :attr:`skipped`.

    Its messages and reasons are said in the language active when the draft
    was made (:func:`~salesroles.use_locale`); each keeps a stable code and
    JSON-ready params, which never change with the language.

    Attributes:
        system: The system the records came from (``"salesforce"`` …).
        data: The wire-format document (docs/wire-format.md) that
            :func:`~salesroles.structure` reads.
        unmapped: Values no table maps, each with the path into the source
            records (``OpportunityContactRole[7].Role``) and code
            ``unmapped_value`` (or ``unknown_reference`` for a record that
            names one the input does not hold).
        conflicts: Evidence that disagrees, code ``conflicting_roles`` (S0.2)
            or ``conflicting_managers``; the value it concerns is left out.
        adjusted: Values changed on the way in, code ``rounded_money``: a
            number that rounding to the currency's minor unit changed.
        skipped: The records left out on purpose, each with its reason.
        sources: Each wire path the draft produced, mapped to its :class:`Source`.
        placed: Each source record the draft took, by its path in the input
            (``Account[3]``), mapped to where it went: a wire path
            (``customers[2]``), or the evidence it gave (``evidence of the
            role of 005…``, in the language active when the draft was made).
    """

    system: str
    data: Mapping[str, Any]
    unmapped: tuple[ErrorItem, ...] = ()
    conflicts: tuple[ErrorItem, ...] = ()
    adjusted: tuple[ErrorItem, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    sources: Mapping[str, Source] = attrs.field(factory=dict, repr=False)
    placed: Mapping[str, str] = attrs.field(factory=dict, repr=False)

    def accounted(self) -> dict[str, str]:
        """Where each source record is: placed, skipped, unmapped or in conflict.

        Maps each record's input path to ``"placed"``, ``"skipped"``,
        ``"unmapped"`` or ``"conflict"``: the promise that nothing is dropped
        silently, in a form a test can compare with the input.
        """
        found = dict.fromkeys(self.placed, "placed")
        found |= dict.fromkeys((s.path for s in self.skipped), "skipped")
        for kind, items in (("unmapped", self.unmapped), ("conflict", self.conflicts)):
            for item in items:
                found.setdefault(_record_of(item.path), kind)
        return found

    def source_of(self, path: str) -> tuple[str, str, str] | None:
        """Where the value at wire *path* came from: ``(object, record id, field)``.

        A path inside a value (``customers[4].annual_revenue.amount``) answers
        with the source of the nearest enclosing value that has one; a path the
        draft did not produce answers None.
        """
        while path:
            found = self.sources.get(path)
            if found is not None:
                return (found.object, found.record, found.field)
            shorter = _LAST_STEP.sub("", path)
            if shorter == path:
                return None
            path = shorter
        return None

    def portfolio(self) -> Portfolio:
        """Build the :class:`~salesroles.Portfolio`: ``structure(draft.data, Portfolio)``.

        Raises:
            ValidationError: As :func:`~salesroles.structure` raises it, each
                item's message followed by the source of its path
                (``… (from Account 001… NumberOfEmployees)``, in the active
                language); its code, template and params stay those of the
                problem, without the source, which :meth:`source_of` gives.
        """
        try:
            return structure(self.data, Portfolio)
        except ValidationError as error:
            items = [self._sourced(item) for item in error.errors]
        raise ValidationError(items)

    def _sourced(self, item: ErrorItem) -> ErrorItem:
        found = self.source_of(item.path)
        if found is None:
            return item
        obj, record, field = found
        suffix = render(_FROM, {"object": obj, "record": record, "field": field})
        return attrs.evolve(item, message=f"{item.message} {suffix}")

    def __str__(self) -> str:
        """What the draft holds, counted, in the active language."""
        counts = {
            name: len(self.data.get(name, ()))
            for name in ("team", "customers", "key_accounts", "stakeholders", "leads", "deals")
        }
        return render(
            _SUMMARY,
            {
                "system": self.system,
                **counts,
                "unmapped": len(self.unmapped),
                "conflicts": len(self.conflicts),
                "adjusted": len(self.adjusted),
                "skipped": len(self.skipped),
            },
        )
