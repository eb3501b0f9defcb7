"""Message catalogues: gettext ``.po`` files read by a small loader, no ``.mo``.

English is the source language: its messages are the ``msgid`` of each entry
and need no catalogue. Every other language has
``locales/<language>/LC_MESSAGES/salesroles.po`` in this package, the file
translators edit and ``pybabel`` updates (see ``docs/i18n.md``). It is read on
first use and kept; this is the one file the library reads, its own data.
Fuzzy entries and empty translations fall back to English, as gettext does.
"""

from __future__ import annotations

import ast
import functools
import importlib.resources
from typing import Final, NamedTuple

from .locale import current_locale, language_of, read_locale

__all__ = ["Entry", "catalogue", "parse_po", "translate", "translate_plural"]

DOMAIN: Final = "salesroles"


class Entry(NamedTuple):
    """One message of a ``.po`` file."""

    context: str | None
    message: str
    plural: str | None
    translations: tuple[str, ...]
    fuzzy: bool


def _unquote(text: str, line: int) -> str:
    # A PO string is a C string in double quotes; Python's literal reader knows its escapes.
    if not (len(text) >= 2 and text[0] == text[-1] == '"'):
        msg = f"line {line}: expected a quoted string, got {text!r}"
        raise ValueError(msg)
    return str(ast.literal_eval(text))


def parse_po(text: str) -> list[Entry]:
    r"""Read the entries of a ``.po`` file (the header entry, ``msgid ""``, included).

    >>> text = '#, fuzzy\nmsgctxt "role"\nmsgid "sales rep"\nmsgstr ""\n"Vertrieb"'
    >>> entries = parse_po(text)
    >>> entries[0].context, entries[0].translations, entries[0].fuzzy
    ('role', ('Vertrieb',), True)

    Raises:
        ValueError: a line that is not PO syntax, with its number.
    """
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    fuzzy = False
    last = ""

    def flush() -> None:
        # An entry ends where the next one's comments or keywords begin.
        nonlocal fuzzy, last
        if any(key.startswith("msgstr") for key in fields):
            forms = sorted(key for key in fields if key.startswith("msgstr["))
            entries.append(
                Entry(
                    context=fields.get("msgctxt"),
                    message=fields.get("msgid", ""),
                    plural=fields.get("msgid_plural"),
                    translations=tuple(fields[key] for key in forms) or (fields["msgstr"],),
                    fuzzy=fuzzy,
                )
            )
            fields.clear()
            fuzzy, last = False, ""

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#~"):  # blank, or an obsolete entry
            continue
        if line.startswith("#"):
            flush()
            fuzzy = fuzzy or (
                line.startswith("#,") and "fuzzy" in line[2:].replace(",", " ").split()
            )
            continue
        if line.startswith('"'):
            if not last:
                msg = f"line {number}: a continued string before any keyword"
                raise ValueError(msg)
            fields[last] += _unquote(line, number)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword not in _KEYWORDS and not (keyword[:7] == "msgstr[" and keyword[-1:] == "]"):
            msg = f"line {number}: unknown keyword {keyword!r}"
            raise ValueError(msg)
        if keyword in {"msgctxt", "msgid"}:
            flush()
        fields[keyword] = _unquote(rest.strip(), number)
        last = keyword
    flush()
    return entries


_KEYWORDS: Final = frozenset({"msgctxt", "msgid", "msgid_plural", "msgstr"})


@functools.cache
def catalogue(language: str) -> dict[tuple[str | None, str], tuple[str, ...]]:
    """The translations of *language*: ``(context, msgid) -> msgstr forms``; English has none."""
    if language == "en":
        return {}
    path = importlib.resources.files(__package__).joinpath(
        "locales", language, "LC_MESSAGES", f"{DOMAIN}.po"
    )
    return {
        (entry.context, entry.message): entry.translations
        for entry in parse_po(path.read_text(encoding="utf-8"))
        if entry.message and not entry.fuzzy and all(entry.translations)
    }


def _language(locale: str | None) -> str:
    return language_of(current_locale() if locale is None else read_locale(locale))


def translate(message: str, *, context: str | None = None, locale: str | None = None) -> str:
    """*message* in the language of *locale* (default: the active one), else as it is.

    >>> translate("account manager", context="Role", locale="de")
    'Account Manager'
    >>> translate("sales rep", context="Role", locale="de")
    'Vertriebsmitarbeiter'
    """
    forms = catalogue(_language(locale)).get((context, message))
    return forms[0] if forms else message


def translate_plural(
    singular: str, plural: str, n: int, *, context: str | None = None, locale: str | None = None
) -> str:
    """The form for *n* of a message with a plural, in the language of *locale*.

    English and German both have one form for 1 and another for every other
    number (gettext's ``nplurals=2; plural=(n != 1)``).
    """
    forms = catalogue(_language(locale)).get((context, singular))
    index = 0 if n == 1 else 1
    if forms and len(forms) > index:
        return forms[index]
    return singular if n == 1 else plural
