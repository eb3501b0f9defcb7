"""Titles and duties: which role a business card or a job description points to.

Titles are not roles (S0.2: some companies use both titles for the same job),
so :func:`classify_title` answers with a role *and* how it matched, knows only
the titles of DOMAIN.md section 2 (English and German), and never guesses.
:func:`classify_duties` reads a job description's duties against a policy's
table of owners, and says when they mix new-business and key-account work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from salesroles._model.enums import NEW_BUSINESS, Responsibility, Role
from salesroles._model.messages import describe, problem, role_phrase, roles_phrase
from salesroles.exceptions import ErrorItem, ValidationError

from .policy import STRICT, Policy, as_policy, as_role, duty_claims, enum_member

__all__ = ["RoleFit", "TitleMatch", "classify_duties", "classify_title"]

# DOMAIN.md section 2: the titles seen in practice, English and German.
_TITLES: Final[dict[Role, tuple[str, ...]]] = {
    Role.ACCOUNT_MANAGER: (
        "Account Manager",
        "Key Account Manager",
        "Client Account Manager",
        "Customer Account Manager",
        "Kontomanager",
        "Kundenbetreuer",
    ),
    Role.SALES_REP: (
        "Sales Representative",
        "Sales Rep",
        "Field Sales Representative",
        "Field Sales Rep",
        "Vertriebsmitarbeiter",
        "Außendienstmitarbeiter",
        "Verkäufer",
    ),
    Role.SALES_MANAGER: ("Sales Manager", "Vertriebsmanager", "Vertriebsleiter"),
    Role.SALES_COORDINATOR: (
        "Sales Coordinator",
        "Sales Administrator",
        "Vertriebskoordinator",
        "Vertriebsinnendienst",
    ),
    Role.MARKETING: ("Marketing",),
}

# "(m/w/d)", "(w/m/d)", "(m/f/d)", "(all genders)", "(gn)" … and a bare trailing "m/w/d".
_GENDER_NOTE: Final = re.compile(
    r"\(\s*(?:[mwfdx](?:\s*[/|,]\s*[mwfdx]){1,3}|all\s+genders|gn\*?)\s*\)"
    r"|(?<![a-z])[mwf]\s*/\s*[mwf](?:\s*/\s*[dx])?\s*$",
    re.IGNORECASE,
)
# The ASCII hyphen and the Unicode dashes (U+2010..U+2015, U+2212), for character classes.
_DASHES: Final = "\\-\u2010-\u2015\u2212"
# "Kundenbetreuer/in", "/-in", "*in", ":in", "_in", "(in)" after a word.
_GENDER_SUFFIX: Final = re.compile(
    rf"(?<=[^\W\d_])(?:/[{_DASHES}]?in|\*in|:in|_in|\([{_DASHES}]?in\))(?![^\W\d_])",
    re.IGNORECASE,
)
# The "Binnen-I": "KundenbetreuerIn" (case matters: "Marketing" keeps its "in").
_BINNEN_I: Final = re.compile(r"(?<=[a-zäöüß])In(?![^\W\d_])")
# The feminine "-in" of a German title word, where it is a gender form: it follows the
# masculine word's ending ("Verkäufer-in", "Koordinator-in", "Assistent-in"), never a word of
# its own ("Sales Rep in") nor an ending glued to any word ("Sales Repin", "Marketingin").
_FEMININE: Final = re.compile(r"^([^\W\d_]{2,}(?:er|or|ent|ant|ist|eur))in$")
_SEPARATORS: Final = re.compile(rf"[\s{_DASHES}_/.,;:()&+*|]+")
_SENIORITY: Final = {"senior": "senior", "sr": "senior", "junior": "junior", "jr": "junior"}
_UMLAUTS: Final = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _tokens(text: str) -> list[str]:
    return [t for t in _SEPARATORS.split(text.casefold().translate(_UMLAUTS)) if t]


def _plain_key(title: str) -> str:
    """Case, spacing, hyphens and umlaut spellings do not matter."""
    return "".join(_tokens(title))


def _masculine(tokens: list[str]) -> str | None:
    """The key of *tokens* with each word's feminine ``-in`` dropped, or None if none has one."""
    changed = [_FEMININE.sub(r"\1", t) for t in tokens]
    return "".join(changed) if changed != tokens else None


def _full_tokens(title: str) -> tuple[list[str], str | None]:
    """Drop gender notes and forms and seniority words; return (tokens, seniority)."""
    text = _BINNEN_I.sub("", _GENDER_SUFFIX.sub("", _GENDER_NOTE.sub(" ", title)))
    seniority = None
    kept = []
    for token in _tokens(text):
        if token in _SENIORITY:
            seniority = seniority or _SENIORITY[token]
        else:
            kept.append(token)
    return kept, seniority


def _full_key(title: str) -> tuple[str, str | None]:
    """Also drop gender notes and forms and seniority words; return (key, seniority)."""
    kept, seniority = _full_tokens(title)
    return "".join(kept), seniority


def _look_up(
    keys: tuple[str, str | None], table: Mapping[str, tuple[Role | None, str]]
) -> tuple[tuple[Role | None, str] | None, bool]:
    """Find the key, else its masculine form; say whether the masculine form was needed."""
    key, masculine = keys
    found = table.get(key)
    if found is None and masculine is not None:
        return table.get(masculine), True
    return found, False


_BUILT_IN_PLAIN: Final = {
    _plain_key(title): (role, title) for role, titles in _TITLES.items() for title in titles
}
_BUILT_IN_FULL: Final = {
    _full_key(title)[0]: (role, title) for role, titles in _TITLES.items() for title in titles
}


@attrs.frozen(kw_only=True)
class TitleMatch:
    """Which role a job title points to, and how sure that is.

    Attributes:
        title: The title as given.
        role: The role, or None when the title is unknown: never a guess.
        how: ``"company"`` (the company's own alias table matched),
            ``"exact"`` (a known title, up to case, spacing and hyphens),
            ``"normalised"`` (a known title once gender forms, gender notes
            such as ``(m/w/d)`` and seniority words are set aside) or
            ``"unknown"``.
        confidence: 1.0 for a company alias or an exact match, 0.9 for a
            normalised one, 0.0 for an unknown title.
        matched: The known title or alias it matched, or None.
        seniority: ``"senior"`` or ``"junior"`` when the title says so, else None.
        claims: ``("S0.2",)``: titles are not roles; a company may use both
            titles for one job.
    """

    title: str
    role: Role | None
    how: str
    confidence: float
    matched: str | None = None
    seniority: str | None = None
    claims: tuple[str, ...] = ("S0.2",)

    def __str__(self) -> str:
        if self.role is None and self.how == "company":
            return f"{self.title!r}: no sales role (the company's alias {self.matched!r})"
        if self.role is None:
            return f"{self.title!r}: no known role (S0.2: titles are not roles)"
        return (
            f"{self.title!r}: {self.role.value} ({self.how} match of {self.matched!r}, "
            f"confidence {self.confidence:.1f})"
        )


def _aliases(
    aliases: Mapping[str, Role | str | None] | None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    if aliases is None:
        return {}, {}
    if not isinstance(aliases, Mapping):
        raise problem(
            "aliases",
            f"got {describe(aliases)}; expected a table of titles to roles",
            "invalid_type",
        )
    problems: list[ErrorItem] = []
    plain: dict[str, Any] = {}
    full: dict[str, Any] = {}
    allowed = ", ".join(repr(r.value) for r in Role)
    for title, role in aliases.items():
        path = f"aliases.{title}"
        if type(title) is not str or not _plain_key(title):
            problems.append(
                ErrorItem(
                    path=path,
                    message=f"got {describe(title)}; expected a title",
                    code="invalid_type",
                )
            )
            continue
        member = (
            role if role is None or isinstance(role, Role) else Role._value2member_map_.get(role)
        )
        if member is None and role is not None:
            problems.append(
                ErrorItem(
                    path=path,
                    message=f"got {describe(role)}; expected one of {allowed}, or null for a "
                    "title that is no sales role",
                    code="invalid_enum",
                )
            )
            continue
        plain[_plain_key(title)] = (member, title)
        key, seniority = _full_key(title)
        full[f"{seniority or ''}|{key}"] = (member, title)
    if problems:
        raise ValidationError(problems)
    return plain, full


def classify_title(
    title: str, *, aliases: Mapping[str, Role | str | None] | None = None
) -> TitleMatch:
    """Tell which role a job title points to (DOMAIN.md section 2).

    It knows the English and German titles the article and practice use,
    and tolerates case, spacing, hyphens (and Unicode dashes), umlaut
    spellings (``Verkaeufer``), German gender forms
    (``Vertriebsmitarbeiterin``, ``Kundenbetreuer/in``,
    ``KundenbetreuerIn``), gender notes (``(m/w/d)``) and seniority words
    (``Senior``, ``Junior``, ``Sr.``, ``Jr.``). A feminine ``-in`` counts
    only as the ending of a title word that has one (``Managerin``,
    ``Koordinatorin``), never as a word of its own (``Sales Rep in``) nor
    glued to any word (``Sales Repin``). An unknown title gets role None:
    it never guesses.

    *aliases* is the company's own table of titles to roles (a :class:`Role`,
    its value, or None for a title that is no sales role); it overrides the
    built-in one and is matched with the same tolerance.

    Raises:
        ValidationError: *title* is not a string, or *aliases* names no role.

    >>> classify_title("Senior Key-Account-Managerin (m/w/d)").role
    <Role.ACCOUNT_MANAGER: 'account_manager'>
    >>> classify_title("Kundenbetreuer/in").how, classify_title("Verkäufer").how
    ('normalised', 'exact')
    >>> print(classify_title("Account Executive").role)
    None
    >>> classify_title("Account Executive", aliases={"Account Executive": "sales_rep"}).role
    <Role.SALES_REP: 'sales_rep'>
    """
    if type(title) is not str:
        raise problem("title", f"got {describe(title)}; expected a string", "invalid_type")
    company_plain, company_full = _aliases(aliases)
    tokens = _tokens(title)
    plain = ("".join(tokens), _masculine(tokens))
    kept, seniority = _full_tokens(title)
    full = ("".join(kept), _masculine(kept))

    def ranked(prefix: str) -> tuple[str, str | None]:
        return prefix + full[0], None if full[1] is None else prefix + full[1]

    # A company alias that names a seniority ("Senior Account Manager") matches only that
    # seniority; one without matches any.
    attempts = (
        ("company", plain, company_plain),
        ("company", ranked(f"{seniority or ''}|"), company_full),
        ("company", ranked("|"), company_full),
        ("exact", plain, _BUILT_IN_PLAIN),
        ("normalised", full, _BUILT_IN_FULL),
    )
    for how, keys, table in attempts:
        found, feminine = _look_up(keys, table) if keys[0].strip("|") else (None, False)
        if found is not None:
            kind = "normalised" if how == "exact" and feminine else how
            return TitleMatch(
                title=title,
                role=found[0],
                how=kind,
                confidence=0.9 if kind == "normalised" else 1.0,
                matched=found[1],
                seniority=seniority,
            )
    return TitleMatch(title=title, role=None, how="unknown", confidence=0.0, seniority=seniority)


# -- duties --

# S2.1-S5.1: keeping and growing key accounts.
_KEY_ACCOUNT: Final = frozenset(
    {
        Responsibility.MANAGE_KEY_ACCOUNTS,
        Responsibility.DEFEND_AGAINST_COMPETITORS,
        Responsibility.OWN_ACCOUNT_PROFITABILITY,
        Responsibility.WRITE_ACCOUNT_PLAN,
        Responsibility.NEGOTIATE_LONG_TERM_CONTRACTS,
        Responsibility.BUILD_DECISION_TEAM_RELATIONSHIPS,
        Responsibility.COORDINATE_INTERNAL_RESOURCES,
    }
)


@attrs.frozen(kw_only=True)
class RoleFit:
    """Which role a job's duties describe under a policy, with the evidence.

    Attributes:
        role: The one role that owns every duty listed, or None when no role
            does, or several do equally.
        candidates: The roles that own the largest share of the duties, in
            the order of :class:`Role`.
        scores: Each role with the share of the duties it owns (0.0 to 1.0),
            in the order of :class:`Role`.
        evidence: Each duty listed with the roles that own it under the policy.
        mixed: Whether the duties mix new-business work (prospecting,
            following up leads) with key-account work: under the article's
            distinction no single role does both (S1.4), though some
            companies give such a job both titles (S0.2).
        reason: The verdict in a sentence.
        claims: The claims behind the verdict.
        policy: The name of the policy judged by.
    """

    role: Role | None
    candidates: tuple[Role, ...]
    scores: tuple[tuple[Role, float], ...]
    evidence: tuple[tuple[Responsibility, tuple[Role, ...]], ...]
    mixed: bool
    reason: str
    claims: tuple[str, ...]
    policy: str

    def score(self, role: Role | str) -> float:
        """Return the share of the duties *role* owns.

        Raises:
            ValidationError: *role* names no role (path ``role``).
        """
        return dict(self.scores)[as_role(role)]

    def duties_of(self, role: Role | str) -> tuple[Responsibility, ...]:
        """Return the duties listed that *role* owns: the evidence for it.

        Raises:
            ValidationError: *role* names no role (path ``role``).
        """
        wanted = as_role(role)
        return tuple(duty for duty, roles in self.evidence if wanted in roles)

    def __str__(self) -> str:
        shares = ", ".join(f"{r.value} {s:.0%}" for r, s in self.scores if s)
        return f"{self.reason} [{shares or 'no duties'}; {', '.join(self.claims) or '-'}]"


def _duties(responsibilities: Iterable[Responsibility | str]) -> list[Responsibility]:
    if isinstance(responsibilities, str | bytes | Mapping) or not isinstance(
        responsibilities, Iterable
    ):
        raise problem(
            "responsibilities",
            f"got {describe(responsibilities)}; expected a list of responsibilities",
            "invalid_type",
        )
    allowed = ", ".join(repr(r.value) for r in Responsibility)
    problems: list[ErrorItem] = []
    duties: dict[Responsibility, None] = {}
    for i, item in enumerate(responsibilities):
        duty = enum_member(Responsibility, item)
        if not isinstance(duty, Responsibility):
            problems.append(
                ErrorItem(
                    path=f"responsibilities[{i}]",
                    message=f"got {describe(item)}; expected one of {allowed}",
                    code="invalid_enum",
                )
            )
        else:
            duties[duty] = None
    if problems:
        raise ValidationError(problems)
    return list(duties)


def classify_duties(
    responsibilities: Iterable[Responsibility | str],
    *,
    policy: Policy | str | Mapping[str, Any] = STRICT,
) -> RoleFit:
    """Tell which role a job description's duties describe under *policy*.

    Each role scores the share of the duties the policy gives it; the role
    that owns them all is the fit. A job that mixes new-business duties with
    key-account duties is reported as mixed, citing S0.2: under the article's
    distinction no role does both (S1.4), though some companies give such a
    job both titles.

    Raises:
        ValidationError: An item names no responsibility.

    >>> fit = classify_duties(["manage_key_accounts", "write_account_plan"])
    >>> fit.role, fit.mixed
    (<Role.ACCOUNT_MANAGER: 'account_manager'>, False)
    >>> fit = classify_duties(["prospecting", "manage_key_accounts"])
    >>> fit.role, fit.mixed, "S0.2" in fit.claims
    (None, True, True)
    """
    duties = _duties(responsibilities)
    judged_by = as_policy(policy)
    evidence = tuple(
        (duty, tuple(r for r in Role if r in judged_by.owners_of(duty))) for duty in duties
    )
    total = len(duties)
    scores = tuple(
        (role, sum(1 for _, roles in evidence if role in roles) / total if total else 0.0)
        for role in Role
    )
    best = max((s for _, s in scores), default=0.0)
    candidates = tuple(r for r, s in scores if best and s == best)
    role = candidates[0] if len(candidates) == 1 and best == 1.0 else None
    new_business = [d for d in duties if d in NEW_BUSINESS]
    key_account = [d for d in duties if d in _KEY_ACCOUNT]
    mixed = bool(new_business and key_account)
    claims = tuple(dict.fromkeys(c for d in duties for c in duty_claims(d)))
    said = f"under policy {judged_by.name!r}"
    if not duties:
        reason = "No duties given: no role fits."
    elif role is not None:
        reason = f"Every duty listed is the work of {role_phrase(role)} {said}."
    elif best == 1.0:
        reason = (
            f"Every duty listed is the work of {roles_phrase(candidates)} alike {said}: the "
            "duties do not tell them apart."
        )
    else:
        reason = (
            f"No single role does every duty listed {said}; the closest is "
            f"{roles_phrase(candidates)}, with {best:.0%} of them."
        )
    if mixed:
        claims = (*tuple(c for c in claims if c not in ("S1.4", "S0.2")), "S1.4", "S0.2")
        reason += (
            f" The job mixes new-business duties ({', '.join(d.value for d in new_business)}) "
            f"with key-account duties ({', '.join(d.value for d in key_account)}): the article "
            "keeps them apart (S1.4), though some companies give such a job both titles (S0.2)."
        )
    return RoleFit(
        role=role,
        candidates=candidates,
        scores=scores,
        evidence=evidence,
        mixed=mixed,
        reason=reason,
        claims=claims,
        policy=judged_by.name,
    )
