"""Every text the library says, and babel's part in keeping the catalogues: ``make messages``.

    python tools/messages.py pot           # build/salesroles.pot, the template of every text
    python tools/messages.py check [LANG]  # babel reads LANG's .po (de): none missing or stale
    python tools/messages.py init LANG     # a new language's .po, every entry to translate

The inventory comes from the library itself, not from scanning its source:
messages are registered on import (``template()``, ``phrase()``, ``phrases()``),
labels come from the enumerations, headers from the tables' columns and
headline figures. A scan (``pybabel extract``) would miss the texts built in
loops and tables; this cannot. babel writes the template (``.pot``) and reads
each catalogue as gettext tools do, so a catalogue that passes here opens in
any translator's tool (Poedit, Weblate, ``msgfmt``).

``check`` fails (exit 1) on an entry without a translation (or only a fuzzy
one), an entry nothing says any more (stale), a translation with a
placeholder its English text lacks, or a plural entry with the wrong number of
forms. The test suite checks the German catalogue the same way
(``tests/test_i18n.py``); ``make test`` runs ``check de`` as part of its lint.
"""

from __future__ import annotations

import enum
import importlib
import pkgutil
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "src" / "salesroles" / "_i18n" / "locales"
POT = ROOT / "build" / "salesroles.pot"

# A placeholder's name: "{account}", "{got:message}", "{value!r}".
_PLACEHOLDER = re.compile(r"\{(\w*)[^}]*\}")


def _load_everything() -> None:
    """Import every module of the package: each registers its messages on import."""
    import salesroles

    for module in pkgutil.walk_packages(salesroles.__path__, "salesroles."):
        importlib.import_module(module.name)


def tables() -> list[type]:
    """Every result class of the library with a table view."""
    from salesroles._display import Table

    found, todo = [], [Table]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return [c for c in found if "_title" in c.__dict__ and c.__module__.startswith("salesroles.")]


def every_table() -> list[Any]:
    """One result of every analysis on the sample portfolio."""
    import salesroles as sr
    from salesroles.testing import sample_portfolio

    p = sample_portfolio()
    day = "2026-11-27"
    return [
        sr.loss_impact(p, "C-ACME"),
        sr.concentration(p, as_of=day),
        sr.assess_key_accounts(p),
        sr.plan_attainment(p, as_of=day),
        sr.workload(p, as_of=day),
        sr.decision_team(p),
        sr.renewals(p, as_of=day),
        sr.communication_schedule(p, "2026-01-01", "2026-12-31", as_of=day),
        sr.Scenario(before=p).lose_account("C-ACME").compare(as_of=day),
    ]


def table_names() -> set[str]:
    """Every column of every table and every headline figure of every analysis."""
    names = {column for cls in tables() for column in cls._columns}
    names |= {"severity", "rule", "subject", "message", "claims", "change"}  # findings' tables
    return names | {key for result in every_table() for key in result.summary()}


def inventory() -> dict[tuple[str | None, str], str | None]:
    """Every (context, English text) the library says, with its English plural if it has one."""
    _load_everything()
    import salesroles as sr
    from salesroles._i18n.labels import english_label
    from salesroles._i18n.message import PHRASES, ROLE_PHRASES, TEMPLATES
    from salesroles._rules.report import _COUNTED

    enums = [
        value
        for name in sr.__all__
        if isinstance(value := getattr(sr, name), type) and issubclass(value, enum.Enum)
    ]
    said: dict[tuple[str | None, str], str | None] = {}
    said.update({(cls.__name__, english_label(member)): None for cls in enums for member in cls})
    said.update(dict.fromkeys(TEMPLATES.items()))
    said.update({("role phrase", phrase): None for phrase in ROLE_PHRASES.values()})
    words = ("and", "or", "nobody", "yes", "no", "allowed", "refused")
    said.update({("wording", word): None for word in words})
    said.update({(kind, text): None for kind, table in PHRASES.items() for text in table.values()})
    said[("count", "no findings")] = None
    said.update({("count", one): many for _, one, many in _COUNTED})
    said.update({("column", name.replace("_", " ")): None for name in table_names()})
    said.update({("title", cls._title): None for cls in tables()})
    return said


def write_pot(path: Path = POT) -> int:
    """Write the template of every text to *path*; return how many entries it holds."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(project="salesroles", domain="salesroles")
    for (context, text), plural in sorted(
        inventory().items(), key=lambda e: (e[0][0] or "", e[0][1])
    ):
        catalog.add(text if plural is None else (text, plural), context=context)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=0, omit_header=False)
    return len(catalog)


def _catalogue_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / "salesroles.po"


def problems(language: str) -> list[str]:
    """What is wrong with *language*'s catalogue, read by babel; empty when all is well."""
    from babel.messages.pofile import read_po

    with _catalogue_path(language).open("rb") as source:
        catalog = read_po(source, locale=language, domain="salesroles")
    wanted = inventory()
    found: list[str] = []
    held = set()
    for message in catalog:
        if not message.id:
            continue  # the header
        text = message.id[0] if isinstance(message.id, tuple) else message.id
        key = (message.context, text)
        held.add(key)
        if key not in wanted:
            found.append(f"stale: {key}")
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(forms):
            found.append(f"untranslated: {key}")
        if wanted[key] is not None and len(forms) != catalog.num_plurals:
            found.append(f"{catalog.num_plurals} plural forms expected: {key}")
        english = set(_PLACEHOLDER.findall(text + (wanted[key] or "")))
        found.extend(
            f"placeholder the English text lacks: {key} -> {form!r}"
            for form in forms
            if set(_PLACEHOLDER.findall(form)) - english
        )
        found.extend(f"{key}: {error}" for _, error in message.check(catalog))
    found.extend(f"missing: {key}" for key in wanted if key not in held)
    return found


def init(language: str) -> Path:
    """Start *language*'s catalogue from the template: every entry, none translated yet."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    path = _catalogue_path(language)
    if path.exists():
        msg = f"{path} exists: translate it, or delete it to start again"
        raise SystemExit(msg)
    catalog = Catalog(locale=language, project="salesroles", domain="salesroles")
    for (context, text), plural in inventory().items():
        catalog.add(text if plural is None else (text, plural), context=context)
    path.parent.mkdir(parents=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=0, sort_output=True)
    return path


def main(argv: list[str]) -> int:
    """Run the command of *argv* (see the module's docstring)."""
    command, *rest = argv or ["check"]
    if command == "pot":
        print(f"{POT.relative_to(ROOT)}: {write_pot()} entries")
        return 0
    if command == "check":
        language = rest[0] if rest else "de"
        found = problems(language)
        for problem in found:
            print(problem)
        print(f"{language}: {len(inventory())} entries, {len(found)} problems")
        return 1 if found else 0
    if command == "init" and rest:
        print(f"{init(rest[0]).relative_to(ROOT)}: written; translate every msgstr")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
