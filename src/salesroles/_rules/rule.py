"""What a rule is: its catalogue entry, the work it guards, and what it finds at fault.

A rule is data. Besides its judge (a pure function of the judging context),
it declares the work it reports when the wrong role does it (its
:class:`Guard` objects), so that :func:`~salesroles.decide` finds the rule a
refusal cites in the catalogue, and adding a rule touches one module.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from salesroles._i18n.catalogue import translate
from salesroles._i18n.locale import current_locale, read_locale
from salesroles._i18n.message import phrases, render
from salesroles._model.enums import Responsibility, Role, Severity

if TYPE_CHECKING:
    from .context import Context

__all__ = ["Guard", "Judge", "Rule", "Violation", "rule"]


@attrs.frozen(kw_only=True)
class Violation:
    """One thing a rule found at fault, before the policy gives it a severity.

    Attributes:
        subject: The id of the entity at fault.
        code: The message's code (see :func:`~salesroles._i18n.message.template`).
        params: Its JSON-ready parameters, naming the entities involved.
        involves: The ids of every entity the message names, the subject first.
    """

    subject: str
    code: str
    params: Mapping[str, Any]
    involves: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The sentence, in the active language."""
        return render(self.code, self.params)


@attrs.frozen(kw_only=True)
class Guard:
    """A kind of work a rule reports when it is done by a role that should not.

    Each part narrows the work; an empty part means any. The more parts a
    guard names, the more specific it is: :func:`rule_for` cites the most
    specific rule whose guard fits.

    Attributes:
        responsibilities: The responsibilities guarded.
        roles: The roles reported doing them.
        subjects: The kinds of subject on which the work is reported (see
            :mod:`.work`: a lead, a former customer, a key account's work …);
            the guard fits a subject of any one of them.
    """

    responsibilities: frozenset[Responsibility] = frozenset()
    roles: frozenset[Role] = frozenset()
    subjects: frozenset[str] = frozenset()

    @property
    def specificity(self) -> int:
        """How many parts the guard names (0 to 3)."""
        return sum(1 for part in (self.responsibilities, self.roles, self.subjects) if part)

    def fits(self, role: Role, responsibility: Responsibility, kinds: frozenset[str]) -> bool:
        """Whether *role* doing *responsibility* on a subject of *kinds* is work it reports."""
        return (
            (not self.responsibilities or responsibility in self.responsibilities)
            and (not self.roles or role in self.roles)
            and (not self.subjects or not self.subjects.isdisjoint(kinds))
        )


Judge = Callable[["Context"], Iterable[Violation]]


@attrs.frozen(kw_only=True)
class Rule:
    """A rule of the catalogue (docs/rules.md).

    Attributes:
        id: The stable id findings carry, such as ``key-account-without-plan``.
        title: A short name for tables and headings.
        summary: The principle behind it, in one sentence.
        default_severity: Its severity under the built-in ``strict`` policy.
        claims: The claims of the article it comes from, such as ``("S3.1", "S3.4")``.
        fires_when: When it fires, in one sentence.
        explanation: Why it matters, in one paragraph.
        guards: The work it reports when the wrong role does it; empty for
            rules about gaps (a missing plan) rather than misassigned work.
        judge: The function that finds what is at fault; it takes the
            judging context and yields violations.
    """

    id: str
    title: str
    summary: str
    default_severity: Severity
    claims: tuple[str, ...]
    fires_when: str
    explanation: str
    guards: tuple[Guard, ...] = ()
    judge: Judge = attrs.field(repr=False)

    def __str__(self) -> str:
        claims = ", ".join(self.claims)
        return f"{self.id} ({self.default_severity.value}; {claims}): {self.fires_when}"

    def in_language(self, locale: str | None = None) -> Rule:
        """This rule with its title, summary, "fires when" and explanation in *locale*.

        The id, claims, severity and judge stay as they are; *locale*
        defaults to the active one.

        >>> from salesroles import rules
        >>> gap = next(r for r in rules() if r.id == "decision-team-gap")
        >>> gap.in_language("de").title
        'Lücke im Entscheidungsteam'
        """
        tag = current_locale() if locale is None else read_locale(locale)
        return attrs.evolve(
            self,
            title=translate(self.title, context="rule_title", locale=tag),
            summary=translate(self.summary, context="rule_summary", locale=tag),
            fires_when=translate(self.fires_when, context="rule_fires_when", locale=tag),
            explanation=translate(self.explanation, context="rule_explanation", locale=tag),
        )


def rule(  # noqa: PLR0913 - the parts of one catalogue entry
    rule_id: str,
    *,
    title: str,
    severity: Severity,
    claims: tuple[str, ...],
    fires_when: str,
    guards: tuple[Guard, ...] = (),
) -> Callable[[Callable[[Context], Iterator[Violation]]], Rule]:
    """Make the decorated judge a :class:`Rule`; its docstring is the summary and explanation."""

    def make(judge: Callable[[Context], Iterator[Violation]]) -> Rule:
        doc = inspect.cleandoc(judge.__doc__ or "")
        summary, _, body = doc.partition("\n\n")
        # A refusal cites the rule's principle (``{rule:rule_summary}``); the catalogues
        # translate every text of the entry under its kind (Rule.in_language).
        phrases("rule_summary", {rule_id: " ".join(summary.split())})
        phrases("rule_title", {rule_id: title})
        phrases("rule_fires_when", {rule_id: fires_when})
        phrases("rule_explanation", {rule_id: " ".join(body.split())})
        return Rule(
            id=rule_id,
            title=title,
            summary=" ".join(summary.split()),
            default_severity=severity,
            claims=claims,
            fires_when=fires_when,
            explanation=" ".join(body.split()),
            guards=guards,
            judge=judge,
        )

    return make
