"""Titles and duties: which role a business card or a job description points to.

Titles are not roles (S0.2), so :func:`classify_title` answers with a role *and*
how it matched, reads titles as people write them, and never guesses.
:func:`classify_duties` reads a job description's duties, as codes or free text,
against a policy's table of owners. The word tables are data, in :mod:`.vocabulary`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Final, NamedTuple

import attrs

from salesroles._i18n.message import render
from salesroles._model.arguments import gather, read_each
from salesroles._model.enums import (
    NEW_BUSINESS,
    Responsibility,
    Role,
    RoleValue,
)
from salesroles._model.messages import (
    ONE_OF,
    phrase,
    phrases,
    problem,
    said,
    template,
    wrong,
)
from salesroles._model.validation import STRING
from salesroles.exceptions import ErrorItem, ValidationError

from . import vocabulary as vocab
from .policy import STRICT, Policy, as_policy, as_role, duty_claims, enum_member

__all__ = ["DutyLine", "RoleFit", "TitleMatch", "classify_duties", "classify_title"]

# How a title match and a job's fit are said, in the language active when shown or made.
phrases("match", {how: how for how in ("company", "exact", "normalised", "parsed")})
_AMBIGUOUS: Final = template(
    "title.ambiguous",
    "{title!r}: ambiguous between {names:list} (S0.2: one job may carry both titles)",
)
_ALIAS_NONE: Final = template(
    "title.alias_none", "{title!r}: no sales role (the company's alias {matched!r})"
)
_UNKNOWN: Final = template(
    "title.unknown", "{title!r}: no known role (S0.2: titles are not roles)"
)
_UNKNOWN_WORDS: Final = template(
    "title.unknown_words",
    "{title!r}: no known role (S0.2: titles are not roles); unknown words: {words:choices}",
)
_MATCH: Final = template(
    "title.match",
    "{title!r}: {role:Role} ({how:match} match of {matched!r}, confidence {confidence:number})",
)
_MATCH_ASIDE: Final = template(
    "title.match_aside",
    "{title!r}: {role:Role} ({how:match} match of {matched!r}, confidence "
    "{confidence:number}); set aside: {aside:choices}",
)
_DUTY_LINE: Final = template("duty.line", "{text!r}: {duty:Responsibility} (from {words:choices})")
_NO_SHARES: Final = template("fit.no_shares", "no duties")
_NO_LINE: Final = template("fit.no_line", "No line of the text names a known duty: no role fits.")
_NO_DUTIES: Final = template("fit.no_duties", "No duties given: no role fits.")
_ONE_ROLE: Final = template(
    "fit.one_role", "Every duty listed is the work of {role:role} under policy {policy!r}."
)
_ALIKE: Final = template(
    "fit.alike",
    "Every duty listed is the work of {roles:roles} alike under policy {policy!r}: the duties "
    "do not tell them apart.",
)
_CLOSEST: Final = template(
    "fit.closest",
    "No single role does every duty listed under policy {policy!r}; the closest is "
    "{roles:roles}, with {share} of them.",
)
_MIXED: Final = template(
    "fit.mixed",
    "The job mixes new-business duties ({new:Responsibility[]}) with key-account duties "
    "({key:Responsibility[]}): "
    "the article keeps them apart (S1.4), though some companies give such a job both titles "
    "(S0.2).",
)
_UNMAPPED: Final = template(
    "fit.unmapped",
    "{count} {count:plural:line|lines} of the text named no known duty (unmapped).",
)


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
# The feminine "-in" of a German word the vocabulary does not know ("Vertriebsassistent-in"),
# where it is a gender form: it follows a masculine ending, never stands alone ("Sales Rep in").
_FEMININE: Final = re.compile(r"^([^\W\d_]{2,}(?:er|or|ent|ant|ist|eur))in$")
_UMLAUTS: Final = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# How a title is cut: into words; a part in brackets, or after a spaced dash, a comma, a
# semicolon or a bar, is a qualifier; so is what follows "für", "for", "im" … (if anything
# does); "/", "&", "+", "und", "and", "or" … join alternatives.
_WORD_BREAK: Final = re.compile(rf"[\s{_DASHES}_/.,;:()\[\]&+*|]+")
_BRACKETS: Final = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
_BREAK: Final = re.compile(rf"\s+[{_DASHES}]+\s+|\s*[,;|•·]\s*")
_INTRODUCER: Final = re.compile(
    rf"\s+(?:{'|'.join(vocab.INTRODUCERS)})\s+(?=.*\w)", re.IGNORECASE | re.DOTALL
)
_ALTERNATIVE: Final = re.compile(
    rf"\s*[/&+]\s*|\s+(?:{'|'.join(vocab.ALTERNATIVES)})\.?\s+", re.IGNORECASE
)
_LENGTHS: Final = sorted({len(s) for s in vocab.SPELLINGS}, reverse=True)
# Modifiers that are set aside on their own; "department" and "staff" words need a title.
_SET_ASIDE: Final = frozenset({"seniority", "level", "region", "industry"})


def _normal(text: str) -> str:
    return text.casefold().translate(_UMLAUTS)


_NEVER_SET_ASIDE: Final = tuple(vocab.pattern(t) for t in vocab.NEVER_SET_ASIDE)


def _without_gender(title: str) -> str:
    return _BINNEN_I.sub("", _GENDER_SUFFIX.sub("", _GENDER_NOTE.sub(" ", title)))


class _Part(NamedTuple):
    """A word of the vocabulary (or ``~`` and letters it does not know) within a title."""

    word: str
    words: tuple[int, ...]  # the title words it comes from; () when borrowed from a neighbour
    feminine: bool = False


def _stops(text: str, end: int, word: str) -> Iterable[tuple[int, bool]]:
    """Where *word*, ending at *end*, may stop: there, after a linking "s", or after "-in"."""
    yield end, False
    if word in vocab.LINKING_S and text[end : end + 1] == "s":
        yield end + 1, False
    if word in vocab.PERSON_NOUNS and text[end:] == "in":
        yield len(text), True


def _split_word(text: str) -> list[tuple[str, bool]]:
    """One normalised word as the vocabulary's words (with their feminine flag) and unknown runs.

    The fewest unknown letters win, then the fewest parts: ``vertriebsleiterin`` is
    ``vertrieb`` + ``leiter`` (feminine); ``salesforce`` is ``sales`` + ``~force``.
    """
    n = len(text)
    # best[i]: the cost of text[i:] (unknown letters, parts) and its first step.
    best = [((0, 0), (n, "", False))] * (n + 1)
    for i in range(n - 1, -1, -1):
        (unknown, count), _ = best[i + 1]
        options = [((unknown + 1, count + 1), (i + 1, "", False))]
        for end in (i + length for length in _LENGTHS if i + length <= n):
            word = vocab.SPELLINGS.get(text[i:end], "")
            if word in vocab.COMPOUNDING or (word and not i and end == n):
                options += [
                    ((best[stop][0][0], best[stop][0][1] + 1), (stop, word, feminine))
                    for stop, feminine in _stops(text, end, word)
                ]
        best[i] = min(options, key=lambda option: option[0])
    parts: list[tuple[str, bool]] = []
    i = 0
    while i < n:
        stop, word, feminine = best[i][1]
        if word:
            parts.append((word, feminine))
        elif parts and parts[-1][0].startswith("~"):
            parts[-1] = (parts[-1][0] + text[i:stop], False)
        else:
            parts.append(("~" + text[i:stop], False))
        i = stop
    if parts and parts[-1][0].startswith("~"):  # "Vertriebsassistentin": a feminine ending
        masculine = "~" + _FEMININE.sub(r"\1", parts[-1][0][1:])
        parts[-1] = (masculine, masculine != parts[-1][0])
    return parts


def _read_words(text: str) -> tuple[list[str], list[_Part]]:
    """The words of *text* as written, and its parts; unknown runs side by side are one part."""
    words = [w for w in _WORD_BREAK.split(text) if w]
    parts: list[_Part] = []
    for index, word in enumerate(words):
        for known, feminine in _split_word(_normal(word)):
            if known.startswith("~") and parts and parts[-1].word.startswith("~"):
                last = parts[-1]
                parts[-1] = _Part(last.word + known[1:], (*last.words, index), feminine)
            else:
                parts.append(_Part(known, (index,), feminine))
    return words, parts


def _key(parts: Iterable[_Part]) -> tuple[str, ...]:
    return tuple(p.word for p in parts)


class _Entry(NamedTuple):
    """A known title: the role it names (None: the company says no sales role), as written."""

    role: Role | None
    title: str
    company: bool = False


_BUILT_IN: Final[dict[tuple[str, ...], _Entry]] = {}
for _role, _titles in vocab.TITLES.items():
    for _title in _titles:
        _BUILT_IN.setdefault(_key(_read_words(_title)[1]), _Entry(_role, _title))
_LONGEST: Final = max(len(k) for k in _BUILT_IN)


class _Known(NamedTuple):
    """The titles a call knows: the company's aliases, then the built-in ones."""

    plain: dict[tuple[str, ...], _Entry]  # the company's aliases, word for word
    table: dict[tuple[str, ...], _Entry]  # every title, for reading a title part by part
    longest: int


def _seniority(parts: Iterable[_Part]) -> tuple[str, tuple[str, ...]]:
    """The first seniority word of *parts* (or ""), and the key of the other parts."""
    rank = next((p.word for p in parts if vocab.MODIFIERS.get(p.word) == "seniority"), "")
    return rank, tuple(p.word for p in parts if vocab.MODIFIERS.get(p.word) != "seniority")


_ALIASES: Final = phrase("expected.aliases", "a table of titles to roles")
_TITLE: Final = phrase("expected.title", "a title")
_ALIAS_ROLE: Final = said(
    template(
        "expected.alias_role", "one of {values:choices}, or null for a title that is no sales role"
    ),
    values=[r.value for r in Role],
)
_LINES: Final = phrase("expected.lines", "a string or a list of lines")
_DUTIES: Final = phrase("expected.duties", "a list of responsibilities (free text goes in text=)")


def _known(aliases: Mapping[str, Role | str | None] | None) -> _Known:
    if aliases is None:
        return _Known({}, _BUILT_IN, _LONGEST)
    if not isinstance(aliases, Mapping):
        raise problem("aliases", aliases, _ALIASES)
    problems: list[ErrorItem] = []
    plain: dict[tuple[str, ...], _Entry] = {}
    for title, role in aliases.items():
        member = enum_member(Role, role)
        path = f"aliases.{title}"
        if type(title) is not str or not _WORD_BREAK.sub("", title):
            problems.append(wrong(path, title, _TITLE))
        elif role is not None and not isinstance(member, Role):
            problems.append(wrong(path, role, _ALIAS_ROLE, "invalid_enum"))
        else:
            parts = _read_words(_without_gender(title))[1]
            if parts:
                plain[_key(parts)] = _Entry(member, title, company=True)
    if problems:
        raise ValidationError(problems)
    longest = max((len(k) for k in plain), default=0)
    return _Known(plain, {**_BUILT_IN, **plain}, max(longest, _LONGEST))


class _Piece(NamedTuple):
    start: int
    stop: int
    kind: str  # "title", a modifier's kind, or "unknown"
    entry: _Entry | None = None


def _cover(parts: list[_Part], known: _Known) -> list[_Piece]:
    """Read *parts* as titles and modifiers: the fewest unknown parts, pieces, then titles.

    ``Vertriebsmitarbeiter`` is one title, not a department and a staff word;
    ``Mitarbeiter Vertriebsinnendienst`` is a staff word and a title, not two titles.
    """
    n = len(parts)
    cost = [(0, 0, 0)] * (n + 1)  # of parts[i:]: (unknown parts, pieces, titles)
    step: list[_Piece] = [_Piece(n, n, "")] * (n + 1)
    for i in range(n - 1, -1, -1):
        kind = vocab.MODIFIERS.get(parts[i].word, "unknown")
        u, k, t = cost[i + 1]
        best, choice = (u + (kind == "unknown"), k + 1, t), _Piece(i, i + 1, kind)
        for stop in range(min(n, i + known.longest), i, -1):
            entry = known.table.get(_key(parts[i:stop]))
            if entry is not None:
                u, k, t = cost[stop]
                if (u, k + 1, t + 1) < best:
                    best, choice = (u, k + 1, t + 1), _Piece(i, stop, "title", entry)
        cost[i], step[i] = best, choice
    pieces, i = [], 0
    while i < n:
        pieces.append(step[i])
        i = step[i].stop
    return pieces


class _Reading(NamedTuple):
    """What a part of a title says: its titles, the words set aside and the words not known."""

    titles: list[_Entry]
    modifiers: list[tuple[str, str]]  # (kind, the words as written)
    unknown: list[str]
    pending: list[str]  # department and staff words that found no title
    strange: list[str]  # the unknown words that hold letters the vocabulary lacks
    feminine: bool
    shape: str = "parsed"  # "exact": one title alone; "normalised": with seniority words

    @property
    def complete(self) -> bool:
        return not self.unknown and not self.pending


def _read_pieces(words: list[str], parts: list[_Part], pieces: list[_Piece]) -> _Reading:
    per_word = Counter(w for part in parts for w in part.words)

    def written(part: _Part) -> str:
        whole = all(per_word[w] == 1 for w in part.words)
        return " ".join(words[w] for w in part.words) if whole else part.word.capitalize()

    titles = [p.entry for p in pieces if p.entry is not None]
    modifiers: list[tuple[str, str]] = []
    unknown: list[str] = []
    pending: list[str] = []
    strange: list[str] = []
    for piece in pieces:
        own = [p for p in parts[piece.start : piece.stop] if p.words]
        if piece.kind == "unknown":
            unknown += [words[w] for p in own for w in p.words]
            strange += [words[w] for p in own if p.word.startswith("~") for w in p.words]
        elif piece.kind in _SET_ASIDE or (piece.kind != "title" and titles):
            modifiers += [(piece.kind, written(p)) for p in own]
        elif piece.kind != "title":
            pending += [words[w] for p in own for w in p.words]
    kinds = {p.kind for p in pieces} - {"title"}  # exact: one title alone; normalised: with
    shape = "exact" if not kinds else "normalised"  # seniority words; parsed: anything else
    shape = "parsed" if len(titles) != 1 or kinds - {"seniority"} else shape
    feminine = any(
        p.feminine for piece in pieces if piece.entry for p in parts[piece.start : piece.stop]
    )
    return _Reading(titles, modifiers, unknown, pending, strange, feminine, shape)


def _borrowed(parts: Iterable[_Part]) -> list[_Part]:
    return [_Part(p.word, ()) for p in parts]


def _read(text: str, known: _Known) -> _Reading:
    """Read one part of a title (its core or a qualifier), alternatives and all."""
    alternatives = [_read_words(a) for a in _ALTERNATIVE.split(text) if _WORD_BREAK.sub("", a)]
    readings = []
    for i, (words, parts) in enumerate(alternatives):
        reading = _read_pieces(words, parts, _cover(parts, known))
        if not reading.titles and len(alternatives) > 1:
            # An elided head or modifier: "Sales/Marketing Manager", "Vertriebs- und
            # Marketingleiter", "Business Development Manager/Representative".
            after = alternatives[i + 1][1] if i + 1 < len(alternatives) else []
            before = alternatives[i - 1][1] if i else []
            tries = [parts + _borrowed(after[cut:]) for cut in range(len(after) - 1, 0, -1)]
            tries += [_borrowed(before[:cut]) + parts for cut in range(1, len(before))]
            for attempt in tries:
                completed = _read_pieces(words, attempt, _cover(attempt, known))
                if completed.titles and completed.complete:
                    reading = completed
                    break
        readings.append(reading)
    if len(readings) == 1:
        return readings[0]
    fields = ([x for r in readings for x in getattr(r, f)] for f in _Reading._fields[:5])
    titles, modifiers, unknown, pending, strange = fields
    return _Reading(
        titles, modifiers, unknown, pending, strange, any(r.feminine for r in readings)
    )


def _segments(text: str) -> tuple[str, list[str]]:
    """Cut *text* into its core and its qualifiers (brackets, spaced dashes, commas, "für" …)."""
    qualifiers = [m.group(1) for m in _BRACKETS.finditer(text)]
    core, *rest = _BREAK.split(_BRACKETS.sub(" ", text))
    found = _INTRODUCER.search(core)
    if found is not None:
        rest.insert(0, core[found.end() :])
        core = core[: found.start()]
    return core, [q.strip() for q in (*qualifiers, *rest) if _WORD_BREAK.sub("", q)]


@attrs.frozen(kw_only=True)
class TitleMatch:
    """Which role a job title points to, and how sure that is.

    Attributes:
        title: The title as given.
        role: The role, or None when the title is unknown or ambiguous: never a guess.
        how: ``"company"`` (the company's alias table matched), ``"exact"``
            (a known title, up to case, spacing and hyphens), ``"normalised"``
            (once gender forms and notes and seniority words are set aside),
            ``"parsed"`` (once compounds are taken apart and any other
            qualifier is set aside), ``"ambiguous"`` (the title names two or
            more roles, S0.2) or ``"unknown"``.
        confidence: 1.0 for a company alias or an exact match, 0.9 for a
            normalised one, 0.8 for a parsed one, 0.0 when no role is chosen.
        matched: The known title or alias it matched, or None.
        seniority: ``"senior"``, ``"junior"``, ``"lead"``, ``"principal"`` or
            ``"associate"`` when the title says so, else None.
        claims: ``("S0.2",)``: titles are not roles; a company may use both
            titles for one job.
        candidates: The roles the title names, in the order of :class:`Role`:
            the role alone, every role of an ambiguous title, or none.
        unknown_words: The words of an unknown title it did not know, as
            written; if it knows each word, those that together make no title.
        qualifiers: What was set aside, as written: seniority, level, region
            and industry words, and the parts after a dash, a comma,
            ``für``/``for``/``im`` or in brackets.
    """

    title: str
    role: Role | None
    how: str
    confidence: float
    matched: str | None = None
    seniority: str | None = None
    claims: tuple[str, ...] = ("S0.2",)
    candidates: tuple[Role, ...] = attrs.field(
        default=attrs.Factory(
            lambda self: () if self.role is None else (self.role,), takes_self=True
        )
    )
    unknown_words: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        """Whether the title names two or more roles and so none is chosen (S0.2)."""
        return self.how == "ambiguous"

    def __str__(self) -> str:
        if self.ambiguous:
            names = [r.value for r in self.candidates]
            return render(_AMBIGUOUS, {"title": self.title, "names": names})
        if self.role is None and self.how == "company":
            return render(_ALIAS_NONE, {"title": self.title, "matched": self.matched})
        if self.role is None:
            text = _UNKNOWN_WORDS if self.unknown_words else _UNKNOWN
            return render(text, {"title": self.title, "words": list(self.unknown_words)})
        params = {
            "title": self.title,
            "role": self.role.value,
            "how": self.how,
            "matched": self.matched,
            "confidence": f"{self.confidence:.1f}",
            "aside": list(self.qualifiers),
        }
        return render(_MATCH_ASIDE if self.qualifiers else _MATCH, params)


_CONFIDENCE: Final = {"company": 1.0, "exact": 1.0, "normalised": 0.9, "parsed": 0.8}


def _never_set_aside(word: str) -> bool:
    return any(term.match(_normal(word)) for term in _NEVER_SET_ASIDE)


def classify_title(
    title: str, *, aliases: Mapping[str, Role | str | None] | None = None
) -> TitleMatch:
    """Tell which role a job title points to (docs/domain.md, roles and titles).

    It knows the English and German titles of the article and of practice
    ("Head of Sales", "Leiter Vertrieb", "Account Executive", "SDR" …) and
    tolerates case, spacing, hyphens and dashes, umlaut spellings, German
    compounds (``Vertriebsaußendienst``), gender forms (``Managerin``,
    ``Kundenbetreuer/in``, ``KundenbetreuerIn``) and notes (``(m/w/d)``). It
    sets aside seniority words and levels (``Senior``, ``Sr.``, ``Lead``,
    ``II``), regions and industries (``DACH``, ``Automotive``), and whatever
    follows a spaced dash, a comma, ``für``, ``for`` or ``im``, or stands in
    brackets: none of these change the role. A feminine ``-in`` counts only
    as the ending of a word that has one, never as a word of its own
    (``Sales Rep in``) nor glued to any word (``Sales Repin``).

    It never guesses: a title that names two roles (``Sales Representative
    / Account Manager``, S0.2) is ambiguous, with both candidates and no
    role; a title with a word it does not know is unknown, with those words.

    *aliases* is the company's own table of titles to roles (a :class:`Role`,
    its value, or None for a title that is no sales role); it overrides the
    built-in one and is matched with the same tolerance. An alias that names
    a seniority ("Senior Account Manager") matches only that seniority.

    Raises:
        ValidationError: *title* is not a string, or *aliases* names no role.

    >>> classify_title("Senior Key-Account-Managerin (m/w/d)").role
    <Role.ACCOUNT_MANAGER: 'account_manager'>
    >>> classify_title("Kundenbetreuer/in").how, classify_title("Verkäufer").how
    ('normalised', 'exact')
    >>> match = classify_title("Senior Key Account Manager DACH - Automotive")
    >>> match.role, match.how, match.qualifiers
    (<Role.ACCOUNT_MANAGER: 'account_manager'>, 'parsed', ('Senior', 'DACH', 'Automotive'))
    >>> match = classify_title("Sales Representative / Account Manager")
    >>> match.role, match.ambiguous, [r.value for r in match.candidates]
    (None, True, ['account_manager', 'sales_rep'])
    >>> classify_title("Chief Happiness Officer").unknown_words
    ('Happiness',)
    >>> classify_title("Account Executive", aliases={"Account Executive": "account_manager"}).role
    <Role.ACCOUNT_MANAGER: 'account_manager'>
    """
    if type(title) is not str:
        raise problem("title", title, STRING)
    known = _known(aliases)
    text = _without_gender(title)
    gendered, text = text != title, text.strip()
    # The company's alias for the whole title; one that names a seniority must match it.
    parts = _read_words(text)[1]
    rank, rest = _seniority(parts)
    common: dict[str, Any] = {"title": title, "seniority": rank or None}
    alias = known.plain.get(_key(parts)) or known.plain.get(rest)
    if alias is not None:
        return TitleMatch(
            role=alias.role, how="company", confidence=1.0, matched=alias.title, **common
        )
    core_text, qualifier_texts = _segments(text)
    core = _read(core_text, known)
    # A qualifier that is a title names a role too ("Account Manager (Sales Rep)"); any other
    # is set aside, unless it holds a word that changes the job ("- Assistenz").
    read = [(q, _read(q, known)) for q in qualifier_texts]
    entries = [*core.titles, *(e for _, r in read if r.complete for e in r.titles)]
    strange = [*core.strange]
    strange += [
        w for q, r in read if not r.complete for w in _read_words(q)[0] if _never_set_aside(w)
    ]
    # Department and staff words need a title: their own, or a qualifier's
    # ("Mitarbeiter im Vertriebsinnendienst").
    unknown = [*core.unknown, *(core.pending if core.titles or entries == [] else ())]
    # The words it did not know: those with letters the vocabulary lacks, if any; else the
    # known words that together make no title ("Sales", "Head of Key Account Management").
    unknown = sorted(dict.fromkeys(strange or unknown), key=text.find)
    named = {e.role for e in entries}
    candidates = tuple(r for r in Role if r in named)
    common["qualifiers"] = (*(written for _, written in core.modifiers), *qualifier_texts)
    if unknown or not entries or len(candidates) > 1:
        ambiguous = not unknown and bool(entries)
        common["how"] = "ambiguous" if ambiguous else "unknown"
        common["candidates"] = candidates if ambiguous else ()
        return TitleMatch(role=None, confidence=0.0, unknown_words=tuple(unknown), **common)
    entry = next(e for e in entries if e.role in candidates) if candidates else entries[0]
    how = "company" if entry.company else core.shape
    if how == "exact" and (gendered or core.feminine):
        how = "normalised"
    how = "parsed" if qualifier_texts and not entry.company else how
    return TitleMatch(
        role=entry.role, how=how, confidence=_CONFIDENCE[how], matched=entry.title, **common
    )


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
# Every key phrase of the vocabulary, compiled: (responsibility, its terms).
_PHRASES: Final = tuple(
    (duty, tuple(vocab.pattern(t) for t in phrase))
    for duty, languages in vocab.DUTY_PHRASES.items()
    for phrases in languages.values()
    for phrase in phrases
)
_NEGATION: Final = re.compile(rf"(?<![a-z0-9])(?:{'|'.join(vocab.NEGATIONS)})(?![a-z0-9])")
# A word of a line ("Account-Plan", "P&L" are one word each), and a line's bullet.
_LINE_WORD: Final = re.compile(rf"[^\W_]+(?:[{_DASHES}'\u2019&][^\W_]+)*")
_INNER_MARK: Final = re.compile(rf"[{_DASHES}'\u2019&]")
_BULLET: Final = re.compile(rf"^\s*(?:[{_DASHES}•·▪►✓✔*>]+|\(?\d{{1,2}}[.)])\s*")


@attrs.frozen(kw_only=True)
class DutyLine:
    """A line of a job description and the duty it names, with the words that decided it.

    Attributes:
        text: The line as read, without its bullet.
        responsibility: The duty the line names.
        matched_words: The words of the line that decided it, as written.
    """

    text: str
    responsibility: Responsibility
    matched_words: tuple[str, ...]

    def __str__(self) -> str:
        params = {"text": self.text, "duty": self.responsibility.value}
        return render(_DUTY_LINE, {**params, "words": list(self.matched_words)})


def _read_line(line: str) -> list[DutyLine]:
    """The duties *line* names, each with its words; none for a negated line ("keine Akquise")."""
    code = Responsibility._value2member_map_.get(line.casefold())
    if isinstance(code, Responsibility):
        return [DutyLine(text=line, responsibility=code, matched_words=(line,))]
    found = list(_LINE_WORD.finditer(line))
    normal = [_INNER_MARK.sub(" ", _normal(word.group())) for word in found]
    text = " ".join(normal)
    if _NEGATION.search(text):
        return []
    owner = [i for i, word in enumerate(normal) for _ in range(len(word) + 1)]  # char -> word
    hits: list[tuple[Responsibility, int, frozenset[int]]] = []
    for duty, terms in _PHRASES:
        matches = [term.search(text) for term in terms]
        if all(matches):
            held = frozenset(owner[k] for m in matches if m for k in range(*m.span()))
            hits.append((duty, len(terms), held))
    # A phrase whose words a longer phrase of another duty also holds is that duty's, not its
    # own: "targets set by your manager" is meeting a target, not setting one.
    kept = [
        (duty, words)
        for duty, size, words in hits
        if not any(d != duty and s > size and words <= w for d, s, w in hits)
    ]
    by_duty: dict[Responsibility, set[int]] = {}
    for duty, held in sorted(kept, key=lambda hit: min(hit[1])):
        by_duty.setdefault(duty, set()).update(held)
    words = {duty: tuple(found[i].group() for i in sorted(held)) for duty, held in by_duty.items()}
    return [DutyLine(text=line, responsibility=d, matched_words=w) for d, w in words.items()]


def _text_lines(text: str | Iterable[str] | None) -> list[str]:
    if text is None:
        return []
    if isinstance(text, bytes | Mapping):
        raise problem("text", text, _LINES)
    items = (text,) if isinstance(text, str) else read_each(text, str, "text", STRING, _LINES)
    lines = (_BULLET.sub("", line).strip() for item in items for line in item.splitlines())
    return [line for line in lines if line]


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
        lines: Each line of the free text that names a duty, with the words
            that decided it (a line naming two duties appears twice).
        unmapped: The lines of the free text that name no known duty, or
            that negate one ("keine Kaltakquise"): never guessed.
    """

    role: Role | None
    candidates: tuple[Role, ...]
    scores: tuple[tuple[Role, float], ...]
    evidence: tuple[tuple[Responsibility, tuple[Role, ...]], ...]
    mixed: bool
    reason: str
    claims: tuple[str, ...]
    policy: str
    lines: tuple[DutyLine, ...] = ()
    unmapped: tuple[str, ...] = ()

    def score(self, role: Role | RoleValue) -> float:
        """Return the share of the duties *role* owns.

        Raises:
            ValidationError: *role* names no role (path ``role``).
        """
        return dict(self.scores)[as_role(role)]

    def duties_of(self, role: Role | RoleValue) -> tuple[Responsibility, ...]:
        """Return the duties listed that *role* owns: the evidence for it.

        Raises:
            ValidationError: *role* names no role (path ``role``).
        """
        wanted = as_role(role)
        return tuple(duty for duty, roles in self.evidence if wanted in roles)

    def __str__(self) -> str:
        shares = ", ".join(f"{r.value} {s:.0%}" for r, s in self.scores if s)
        shares = shares or render(_NO_SHARES, {})
        return f"{self.reason} [{shares}; {', '.join(self.claims) or '-'}]"


def _duties(
    responsibilities: Iterable[Responsibility | str],
) -> list[Responsibility]:
    if isinstance(responsibilities, str | bytes | Mapping) or not isinstance(
        responsibilities, Iterable
    ):
        raise problem("responsibilities", responsibilities, _DUTIES)
    allowed = said(ONE_OF, values=[r.value for r in Responsibility])
    problems: list[ErrorItem] = []
    duties: dict[Responsibility, None] = {}
    for i, item in enumerate(responsibilities):
        duty = enum_member(Responsibility, item)
        if isinstance(duty, Responsibility):
            duties[duty] = None
            continue
        problems.append(wrong(f"responsibilities[{i}]", item, allowed, "invalid_enum"))
    if problems:
        raise ValidationError(problems)
    return list(duties)


def classify_duties(
    responsibilities: Iterable[Responsibility | str] = (),
    *,
    text: str | Iterable[str] | None = None,
    policy: Policy | str | Mapping[str, object] = STRICT,
) -> RoleFit:
    """Tell which role a job description's duties describe under *policy*.

    The duties are responsibility codes (*responsibilities*), free text
    (*text*: a string, read line by line, or a list of lines, English or
    German, bullets and all), or both. Each line of the text is mapped to
    the duties whose key phrases it holds ("Akquise von Neukunden",
    "Betreuung von Schlüsselkunden", "Manage key accounts",
    "Auftragsabwicklung" …), each with the words that decided it; a line
    that names no known duty, or negates one ("keine Kaltakquise"), is
    listed as unmapped, never guessed.

    Each role scores the share of the duties the policy gives it; the role
    that owns them all is the fit. A job that mixes new-business duties with
    key-account duties is reported as mixed, citing S0.2: under the article's
    distinction no role does both (S1.4), though some companies give such a
    job both titles.

    Raises:
        ValidationError: An item names no responsibility, or *text* is
            neither a string nor a list of strings.

    >>> fit = classify_duties(["manage_key_accounts", "write_account_plan"])
    >>> fit.role, fit.mixed
    (<Role.ACCOUNT_MANAGER: 'account_manager'>, False)
    >>> fit = classify_duties(["prospecting", "manage_key_accounts"])
    >>> fit.role, fit.mixed, "S0.2" in fit.claims
    (None, True, True)
    >>> fit = classify_duties(text='''
    ...     - Betreuung von Schlüsselkunden
    ...     - Account-Pläne erstellen
    ...     - Kaffee kochen
    ... ''')
    >>> for line in fit.lines:
    ...     print(line)
    'Betreuung von Schlüsselkunden': manage_key_accounts (from 'Betreuung', 'Schlüsselkunden')
    'Account-Pläne erstellen': write_account_plan (from 'Account-Pläne')
    >>> fit.role, fit.unmapped
    (<Role.ACCOUNT_MANAGER: 'account_manager'>, ('Kaffee kochen',))
    """
    read: dict[str, Any] = {}
    gather(
        lambda: read.setdefault("duties", _duties(responsibilities)),
        lambda: read.setdefault("lines", _text_lines(text)),
    )
    judged_by = as_policy(policy)
    per_line = [(line, _read_line(line)) for line in read["lines"]]
    found = [duty for _, named in per_line for duty in named]
    unmapped = [line for line, named in per_line if not named]
    duties = list(dict.fromkeys([*read["duties"], *(d.responsibility for d in found)]))
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
    policy_name = judged_by.name
    named = [r.value for r in candidates]
    if not duties:
        parts = [said(_NO_LINE if unmapped else _NO_DUTIES)]
    elif role is not None:
        parts = [said(_ONE_ROLE, role=role.value, policy=policy_name)]
    elif best == 1.0:
        parts = [said(_ALIKE, roles=named, policy=policy_name)]
    else:
        parts = [said(_CLOSEST, roles=named, policy=policy_name, share=f"{best:.0%}")]
    if mixed:
        claims = (*tuple(c for c in claims if c not in ("S1.4", "S0.2")), "S1.4", "S0.2")
        new = [d.value for d in new_business]
        parts.append(said(_MIXED, new=new, key=[d.value for d in key_account]))
    if unmapped and duties:
        parts.append(said(_UNMAPPED, count=len(unmapped)))
    reason = " ".join(render(part["code"], part["params"]) for part in parts)
    return RoleFit(
        role=role,
        candidates=candidates,
        scores=scores,
        evidence=evidence,
        mixed=mixed,
        reason=reason,
        claims=claims,
        policy=judged_by.name,
        lines=tuple(found),
        unmapped=tuple(unmapped),
    )
