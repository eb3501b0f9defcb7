"""The language layer: the active locale, the catalogues, labels and number formats."""

from __future__ import annotations

import asyncio
import enum
import importlib
import importlib.util
import json
import re
import string
import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import salesroles as sr
from salesroles import testing as srt
from salesroles._i18n import catalogue, formats
from salesroles._i18n.catalogue import Entry, parse_po, translate, translate_plural
from salesroles._i18n.labels import english_label
from salesroles._i18n.locale import read_locale
from salesroles._i18n.message import TEMPLATES
from salesroles._i18n.message import render as sr_render

# The inventory of every text the library says, shared with `make messages`; loading it
# imports every module, so that each registers its messages (the package loads lazily).
_SPEC = importlib.util.spec_from_file_location(
    "messages_tool", Path(__file__).parent.parent / "tools" / "messages.py"
)
assert _SPEC is not None
assert _SPEC.loader is not None
MESSAGES = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(MESSAGES)
MESSAGES._load_everything()

PUBLIC_ENUMS = [
    value
    for name in sr.__all__
    if isinstance(value := getattr(sr, name), type) and issubclass(value, enum.Enum)
]


# --- choosing the language ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_tag", "canonical"),
    [("de", "de"), ("DE", "de"), ("de-at", "de_AT"), ("de_CH", "de_CH"), ("en-GB", "en_GB")],
)
def test_a_locale_tag_is_read_in_its_canonical_form(given_tag, canonical):
    """Case and separator do not matter; the language decides whether it is supported."""
    assert read_locale(given_tag) == canonical


@pytest.mark.parametrize("tag", ["fr", "fr_FR", "", "deutsch", "de_", "de_Bavaria"])
def test_an_unsupported_locale_is_refused_naming_the_languages_there_are(tag):
    """The error says what was given and lists en and de."""
    with pytest.raises(sr.ValidationError) as caught, sr.use_locale(tag):
        pass  # pragma: no cover - never entered
    (item,) = caught.value.errors
    assert (item.path, item.code) == ("locale", "unsupported_locale")
    assert item.message == (
        f"got {tag!r}; expected a locale of a supported language, 'en' or 'de' (like \"de_AT\")"
    )


def test_a_locale_that_is_no_text_is_refused_by_its_type():
    """A number where a tag belongs is named by its type."""
    with pytest.raises(sr.ValidationError, match="got int; expected a locale"):
        read_locale(49)


def test_use_locale_nests_and_restores_the_locale_before_it():
    """Leaving a block, even by an exception, brings back the outer locale."""
    assert sr.current_locale() == "en"
    with sr.use_locale("de"):
        assert sr.label(sr.Role.SALES_MANAGER) == "Vertriebsleiter"
        seen = []

        def fail_inside() -> None:
            with sr.use_locale("en_GB"):
                seen.append(sr.label(sr.Role.SALES_MANAGER))
                raise RuntimeError

        with pytest.raises(RuntimeError):
            fail_inside()
        assert seen == ["sales manager"]
        assert sr.current_locale() == "de"
    assert sr.current_locale() == "en"
    assert sr.label(sr.Role.SALES_MANAGER) == "sales manager"


def test_two_threads_rendering_in_two_languages_at_once_never_mix():
    """Each thread sees only the locale it chose, however the two interleave."""
    barrier = threading.Barrier(2)
    seen: dict[str, set[str]] = {"en": set(), "de": set()}

    def render(tag: str) -> None:
        with sr.use_locale(tag):
            for _ in range(300):
                barrier.wait()  # both threads render at the same moment
                seen[tag].add(sr.label(sr.Role.SALES_REP))

    threads = [threading.Thread(target=render, args=(tag,)) for tag in ("en", "de")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"en": {"sales rep"}, "de": {"Vertriebsmitarbeiter"}}


def test_asyncio_tasks_each_keep_their_own_locale():
    """A locale chosen in one task does not leak into another running beside it."""

    async def render(tag: str) -> list[str]:
        with sr.use_locale(tag):
            labels = []
            for _ in range(50):
                await asyncio.sleep(0)  # hand over to the other task
                labels.append(sr.label(sr.Segment.LARGE))
            return labels

    async def both() -> list[list[str]]:
        return list(await asyncio.gather(render("de"), render("en")))

    german, english = asyncio.run(both())
    assert set(german) == {"groß"}
    assert set(english) == {"large"}


@pytest.mark.parametrize(
    ("header", "chosen"),
    [
        ("de", "de"),
        ("de-AT,de;q=0.9,en;q=0.8", "de_AT"),
        ("fr-CH, fr;q=0.9, de;q=0.8, en;q=0.7", "de"),
        ("en;q=0.5, de;q=0.5", "en"),  # equal weights: the first
        ("en;q=0.4, de", "de"),  # no weight is 1
        ("de-Latn-DE", "de"),  # a script subtag: the language still counts
        ("de;q=0, en;q=0.1", "en"),  # q=0 means "not this one"
        ("*", "en"),
        ("fr", "en"),
        ("", "en"),
        (None, "en"),
        ("de;q=lots, en", "en"),  # a range that does not parse is passed over
    ],
)
def test_an_accept_language_header_chooses_a_supported_locale(header, chosen):
    """RFC 9110's weights decide; English when the header names nothing the catalogues speak."""
    assert sr.accepted_locale(header, default="en") == chosen


@given(st.text(max_size=60))
def test_any_accept_language_header_gives_a_supported_locale(header):
    """A header is the caller's wish: whatever it holds, an answer in some supported language."""
    assert sr.accepted_locale(header, default="en").partition("_")[0] in ("en", "de")


def test_without_a_default_the_current_locale_answers():
    with sr.use_locale("de"):
        assert sr.accepted_locale("fr") == "de"
    with pytest.raises(sr.ValidationError):
        sr.accepted_locale("fr", default="fr")


# --- catalogues ----------------------------------------------------------------------------


def test_the_po_reader_knows_contexts_continuations_escapes_plurals_and_fuzzy_entries():
    """A file written the way pybabel writes one reads back entry by entry."""
    text = r"""
# translator comment
msgid ""
msgstr ""
"Language: de\n"

#: src/salesroles/_rules/article.py:10
msgctxt "Role"
msgid "sales rep"
msgstr "Vertriebs"
"mitarbeiter"

msgid "one \"quoted\" finding"
msgid_plural "{count} findings"
msgstr[0] "ein \"zitierter\" Befund"
msgstr[1] "{count} Befunde"

#, fuzzy, python-format
msgid "old"
msgstr "alt"

#~ msgid "gone"
#~ msgstr "weg"
"""
    assert parse_po(text) == [
        Entry(None, "", None, ("Language: de\n",), fuzzy=False),
        Entry("Role", "sales rep", None, ("Vertriebsmitarbeiter",), fuzzy=False),
        Entry(
            None,
            'one "quoted" finding',
            "{count} findings",
            ('ein "zitierter" Befund', "{count} Befunde"),
            fuzzy=False,
        ),
        Entry(None, "old", None, ("alt",), fuzzy=True),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('msgid "a"\nmsgstr "b"\nmsgfoo "c"', "line 3: unknown keyword 'msgfoo'"),
        ('"stray"', "line 1: a continued string before any keyword"),
        ("msgid a\nmsgstr b", "line 1: expected a quoted string, got 'a'"),
    ],
)
def test_a_po_file_with_bad_syntax_is_refused_with_its_line(text, message):
    """A broken catalogue fails loudly with the line, not with a wrong translation."""
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_po(text)


# What a .po file holds: any text, control characters only as the escapes \n, \t and \r.
_PO_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("\n\t\r"),
    max_size=30,
)


@given(st.lists(st.tuples(st.none() | _PO_TEXT, _PO_TEXT.filter(bool), _PO_TEXT), max_size=5))
def test_entries_written_as_po_read_back_as_they_were(entries):
    """Any text, quotes, backslashes and newlines included, survives the reader."""

    def quoted(text: str) -> str:
        escaped = text.replace("\\", "\\\\").replace('"', '\\"')
        escaped = escaped.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
        return '"' + escaped + '"'

    lines = []
    for context, message, translation in entries:
        if context is not None:
            lines.append(f"msgctxt {quoted(context)}")
        lines += [f"msgid {quoted(message)}", f"msgstr {quoted(translation)}", ""]
    assert parse_po("\n".join(lines)) == [
        Entry(context, message, None, (translation,), fuzzy=False)
        for context, message, translation in entries
    ]


def test_english_is_the_source_and_unknown_messages_stay_as_they_are():
    """No catalogue for English; a message German lacks falls back to English."""
    assert catalogue.catalogue("en") == {}
    assert translate("no such message", locale="de") == "no such message"
    assert translate_plural("a finding", "{n} findings", 1, locale="de") == "a finding"
    assert translate_plural("a finding", "{n} findings", 2, locale="de") == "{n} findings"


def test_plural_forms_are_chosen_by_the_count(monkeypatch):
    """German, like English, has one form for one and another for every other count."""
    monkeypatch.setitem(
        catalogue.catalogue("de"), (None, "{n} finding"), ("{n} Befund", "{n} Befunde")
    )
    assert [
        translate_plural("{n} finding", "{n} findings", n, locale="de") for n in (0, 1, 2)
    ] == [
        "{n} Befunde",
        "{n} Befund",
        "{n} Befunde",
    ]


def test_every_label_of_every_public_enumeration_has_a_german_translation():
    """A new member without a German label fails here, not in front of a German reader."""
    german = catalogue.catalogue("de")
    missing = [
        f"{cls.__name__}.{member.name}"
        for cls in PUBLIC_ENUMS
        for member in cls
        if (cls.__name__, english_label(member)) not in german
    ]
    assert missing == []


def _everything_said() -> set[tuple[str | None, str]]:
    """Every (context, English text) the library renders: labels, messages, phrases, words."""
    return set(MESSAGES.inventory())


every_table = MESSAGES.every_table


def test_every_message_has_a_german_translation():
    """A new finding's message without German fails here."""
    german = catalogue.catalogue("de")
    assert TEMPLATES  # the rules registered theirs on import
    assert [key for key in _everything_said() if key not in german] == []


def test_babel_reads_the_german_catalogue_and_finds_nothing_wrong():
    """What `make messages` checks: babel's own reader, plural forms, placeholders, no gaps."""
    pytest.importorskip("babel", reason="the i18n extra; make test installs it")
    assert MESSAGES.problems("de") == []


def test_a_new_language_starts_as_a_catalogue_of_every_text(tmp_path, monkeypatch):
    """`tools/messages.py init fr` writes every entry to translate; until then, all are missing."""
    pytest.importorskip("babel", reason="the i18n extra; make test installs it")
    monkeypatch.setattr(MESSAGES, "LOCALES", tmp_path)
    written = MESSAGES.init("fr")
    assert written == tmp_path / "fr" / "LC_MESSAGES" / "salesroles.po"
    entries = [e for e in parse_po(written.read_text(encoding="utf-8")) if e.message]
    assert {(e.context, e.message) for e in entries} == _everything_said()
    found = MESSAGES.problems("fr")
    assert len(found) == len(entries)
    assert all(problem.startswith("untranslated: ") for problem in found)


def test_the_german_catalogue_holds_no_stale_entry():
    """Every entry translates something the library still says."""
    assert set(catalogue.catalogue("de")) - _everything_said() == set()


def test_no_translation_has_a_placeholder_its_english_message_lacks():
    """A German text cannot ask for a value the code never passes."""
    placeholder = re.compile(r"\{(\w*)[^}]*\}")
    wrong = [
        (message, translation)
        for (_, message), translations in catalogue.catalogue("de").items()
        for translation in translations
        if set(placeholder.findall(translation)) - set(placeholder.findall(message))
    ]
    assert wrong == []


def test_labels_use_the_articles_german_vocabulary():
    """The roles and duties read as the article writes them."""
    with sr.use_locale("de"):
        assert [sr.label(role) for role in sr.Role] == [
            "Account Manager",
            "Vertriebsmitarbeiter",
            "Vertriebsleiter",
            "Vertriebskoordinator",
            "Marketing",
        ]
        assert sr.label(sr.Responsibility.FIELD_SALES) == "Außendienst"
        assert sr.label(sr.Responsibility.WRITE_ACCOUNT_PLAN) == (
            "strategischen Account-Plan erstellen"
        )
        # One English word, two German ones: the enumeration is the context.
        assert sr.label(sr.DealStage.LOST) == "verloren"
        assert sr.label(sr.Recommendation.NONE) == "keine"
    assert sr.label(sr.BuyingRole.TECHNICAL_DECISION_MAKER) == "technical decision maker"


# --- numbers, money, shares and days ------------------------------------------------------


@pytest.fixture(params=["babel", "builtin"])
def backend(request, monkeypatch):
    """Run a test with babel's CLDR formats and once with the library's own."""
    if request.param == "builtin":
        monkeypatch.setattr(formats, "_babel", lambda: None)
    else:
        pytest.importorskip("babel", reason="the i18n extra; make test installs it")
    return request.param


def test_german_tables_show_german_numbers(backend):
    """The issue's figures: 1.200.000,50 €, 58,0 %, 27.11.2026."""
    with sr.use_locale("de"):
        assert formats.format_money(Decimal("1200000.5"), "EUR", 2) == "1.200.000,50\xa0€"
        assert formats.format_percent(Decimal("0.58")) == "58,0\xa0%"
        assert formats.format_date(date(2026, 11, 27)) == "27.11.2026"
        assert formats.format_decimal(Decimal("-1234.5"), 0) == "-1.234"


def test_english_numbers_stay_english(backend):
    """The default locale groups with commas and puts the symbol first."""
    assert formats.format_money(Decimal("1200000.5"), "EUR", 2) == "€1,200,000.50"
    assert formats.format_money(Decimal(-5), "CHF", 2) == "-CHF5.00"
    assert formats.format_money(Decimal("1234.5678"), "JPY", 0) == "¥1,235"
    assert formats.format_percent(Decimal("0.0625"), 2) == "6.25%"
    assert formats.format_date(date(2026, 1, 5)) == "Jan 5, 2026"


def test_a_value_that_rounds_to_zero_is_shown_without_a_sign(backend):
    """Never -0.00 or -0.0 %."""
    assert formats.format_decimal(Decimal("-0.001"), 2) == "0.00"
    assert formats.format_percent(Decimal("-0.0004"), locale="de") == "0,0\xa0%"
    assert formats.format_money(Decimal("-0.004"), "EUR", 2, locale="de") == "0,00\xa0€"


def test_rounding_is_half_to_even(backend):
    """2.5 cents round to 2, 3.5 to 4: no drift upward over a column of figures."""
    assert formats.format_decimal(Decimal("0.025"), 2) == "0.02"
    assert formats.format_decimal(Decimal("0.035"), 2) == "0.04"


def test_with_babel_a_region_follows_its_own_cldr_rules():
    """en_IN groups by lakh; without babel the language's rules apply."""
    pytest.importorskip("babel", reason="the i18n extra; make test installs it")
    assert formats.format_decimal(Decimal("1200000.5"), 2, locale="en_IN") == "12,00,000.50"


_AMOUNTS = st.decimals(min_value=-(10**12), max_value=10**12, places=6, allow_nan=False)
_CURRENCIES = st.sampled_from(["EUR", "USD", "GBP", "JPY", "CHF", "AUD", "SEK", "INR", "XXX"])


@given(_AMOUNTS, st.integers(0, 4), _CURRENCIES, st.dates(), st.sampled_from(["en", "de"]))
def test_without_babel_en_and_de_look_exactly_as_cldr_has_them(amount, places, code, day, tag):
    """The library's own formats and babel's agree to the character for en and de."""
    pytest.importorskip("babel", reason="the i18n extra; make test installs it")
    shown = [
        formats.format_decimal(amount, places, locale=tag),
        formats.format_money(amount, code, places, locale=tag),
        formats.format_percent(amount, places, locale=tag),
        formats.format_date(day, locale=tag),
    ]
    cldr = formats._babel
    try:
        formats._babel = lambda: None
        own = [
            formats.format_decimal(amount, places, locale=tag),
            formats.format_money(amount, code, places, locale=tag),
            formats.format_percent(amount, places, locale=tag),
            formats.format_date(day, locale=tag),
        ]
    finally:
        formats._babel = cldr
    assert cldr() is not None
    assert own == shown


# --- findings in German --------------------------------------------------------------------

_SAMPLE_VALUE = {
    "message": {"code": "who", "params": {"name": "Ann Meyer", "id": "ann", "role": "sales_rep"}},
    "role": "sales_manager",
    "roles": ("account_manager", "marketing"),
    "duty": "close_deals",
    "buying_roles": ("purchasing_manager", "senior_executive"),
    "list": ("P-VALVE (Valves)", "P-PUMP (Pumps)"),
    "date": "2026-11-27",
    "CustomerStatus": "lapsed",
    "DealStage": "negotiation",
    "duty_phrase": "prospecting",
    "rule_summary": "decision-team-gap",
    "a": "customer",
    "kind": ["team member", "customer"],
    "record": "supply contract",
    "operation": "multiply",
    "choices": ["small", "large"],
    "joined": ["id", "name"],
    "and": ["BYMONTH=2", "BYMONTHDAY=30"],
    "or": ["MONTHLY", "YEARLY"],
    "or_list": ["severity", "enabled"],
    "messages": [{"code": "value.float", "params": {"value": "1.5"}}],
    "Role": "sales_rep",
    "LeadStatus": "new",
    "number": "1234.50",
    "criterion": "growth_potential",
    "criterion[]": ["profit", "relationship"],
    "Responsibility[]": ["prospecting", "close_deals"],
    "Responsibility": "prospecting",
    "match": "normalised",
}

# Messages that read the same in German: a quoted value, and RFC 5545's own notation.
_SAME_IN_GERMAN = {"value.text", "assess.limit"}


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_message_renders_in_german_with_the_parameters_english_takes(code):
    """Each German text fills from the very parameters its English one names."""
    fields = [
        (name, spec)
        for _, name, spec, _ in string.Formatter().parse(TEMPLATES[code])
        if name is not None
    ]
    params = {name: _SAMPLE_VALUE.get(spec or "", f"<{name}>") for name, spec in fields}
    english = sr_render(code, params, locale="en")
    german = sr_render(code, params, locale="de")
    assert "{" not in german.replace('{"', "")  # a JSON example keeps its braces
    assert german != english or code in _SAME_IN_GERMAN
    for name, spec in fields:
        if not spec:  # ids and names appear as they are in both languages
            assert f"<{name}>" in german


def test_check_speaks_german_inside_use_locale():
    """The sample's findings, rendered in German when the check runs under use_locale("de")."""
    from salesroles.testing import sample_portfolio

    with sr.use_locale("de"):
        report = sr.check(sample_portfolio(), as_of="2026-11-27")
    messages = {f.code: f.message for f in report.findings}
    assert messages["decision-team-gap"] == (
        "Im Entscheidungsteam des Key Accounts C-NORD (Nordwerk Wasser GmbH) fehlt: "
        "technischer Entscheidungsträger und leitender Angestellter"
    )
    assert messages["key-account-without-contract"] == (
        "Key Account C-NORD (Nordwerk Wasser GmbH) hat am 27.11.2026 keinen gültigen Liefervertrag"
    )
    assert messages["order-admin-not-coordinator.key-account"] == (
        "Auftrag O-2 von C-NORD (Nordwerk Wasser GmbH), einem Key Account, wird verwaltet von "
        "Bob Braun (bob, Vertriebsmitarbeiter); Aufträge verwaltet laut Richtlinie 'strict': "
        "Vertriebskoordinator"
    )
    # The same report rendered back in English is the English check, word for word.
    english = sr.check(sample_portfolio(), as_of="2026-11-27")
    assert [f.render("en") for f in report.findings] == [f.message for f in english.findings]
    assert [r["message"] for r in english.to_records(locale="de")] == [
        f.message for f in report.findings
    ]


@given(srt.portfolios())
def test_every_finding_of_any_portfolio_renders_in_both_languages(portfolio):
    """Whatever the rules find, its code has a German text and its parameters fill it."""
    german = catalogue.catalogue("de")
    for finding in sr.check(portfolio).findings:
        assert finding.render("en") == finding.message
        assert (finding.code, TEMPLATES[finding.code]) in german
        assert finding.render("de") != finding.message


def test_decide_speaks_german_inside_use_locale():
    """A decision's reason in German, and the same decision rendered back in English."""
    from salesroles.testing import sample_portfolio

    p = sample_portfolio()
    with sr.use_locale("de"):
        refused = sr.decide("sales_rep", "close_deals", "D-1", portfolio=p)
        allowed = sr.decide(p.member("ann"), "close_deals", "D-1", portfolio=p)
    assert refused.reason == (
        "Die Rolle Vertriebsmitarbeiter darf bei Deal D-1 nicht laufende Verhandlungen mit "
        "bestehenden Kunden abschließen: D-1 gehört zu einem Key Account, und laut Richtlinie "
        "'strict' werden Key Accounts gehalten und ausgebaut von der Rolle Account Manager. Key "
        "Accounts gehören dem Account Manager; Vertriebsmitarbeiter betreuen kleine und mittlere "
        "Kunden."
    )
    assert allowed.reason.startswith("Ann Meyer (Account Manager) darf bei Deal D-1 laufende")
    english = sr.decide("sales_rep", "close_deals", "D-1", portfolio=p)
    assert refused.render("en") == english.reason
    assert (refused.code, refused.params) == (english.code, english.params)


@given(
    st.sampled_from(list(sr.Role)),
    st.sampled_from(list(sr.Responsibility)),
    st.sampled_from(["strict", "merged"]),
)
def test_every_decision_renders_in_german(role, duty, policy):
    """Whatever is decided, every part of its reason has a German text."""
    decision = sr.decide(role, duty, policy=policy)
    german = decision.render("de")
    assert german != decision.reason
    assert german[:1].isupper()


def test_every_table_reads_german_in_headers_numbers_and_days():
    """The loss impact and the schedule in German: headers, 1.200.000,00, 58,0 %, 27.11.2026."""
    loss, *_, schedule, _ = every_table()
    with sr.use_locale("de"):
        text = repr(loss)
        html_view = schedule._repr_html_()
    assert text.splitlines()[:3] == [
        "<Auswirkung eines Verlusts (S2.3)>",
        "  gefährdeter Umsatz: 1.200.000,00",
        "  Umsatzanteil: 58,0\xa0%",
    ]
    assert "Kunde   Name            Status  Key Account  Umsatz" in text
    assert "Kontaktpunkte" in html_view
    assert "06.01.2026" in html_view
    # Outside the block the same result is English again, as it always was.
    assert repr(loss).splitlines()[:3] == [
        "<Loss impact (S2.3)>",
        "  revenue_at_risk: 1,200,000.00",
        "  revenue_share: 58.0%",
    ]


@pytest.mark.parametrize("index", range(9))
def test_every_analysis_table_renders_in_both_languages(index):
    """Each analysis' table and HTML view renders in English and German, and they differ."""
    result = every_table()[index]
    english = repr(result), result._repr_html_()
    with sr.use_locale("de"):
        german = repr(result), result._repr_html_()
    assert english[0] != german[0]
    assert english[1] != german[1]


def test_reports_and_decisions_read_german_in_their_views():
    """A report's head counts in German; a decision's verdict and badge are German words."""
    from salesroles.testing import sample_portfolio

    with sr.use_locale("de"):
        report = sr.check(sample_portfolio(), as_of="2026-11-27")
        decision = sr.decide("account_manager", "prospecting")
        head, html_view, verdict = repr(report), report._repr_html_(), str(decision)
        badge = decision._repr_html_()
    assert head == (
        "<Bericht zum 27.11.2026 laut Richtlinie 'strict': 1 Fehler, 6 Warnungen, 1 Hinweis>"
    )
    assert "Schweregrad" in html_view
    assert "✖ Fehler" in html_view
    assert verdict.startswith("ABGELEHNT: Die Rolle Account Manager darf nicht")
    assert "✖ abgelehnt" in badge
    assert repr(report) == (
        "<Report as of 2026-11-27 under policy 'strict': 1 error, 6 warnings, 1 info>"
    )


def test_a_default_locale_holds_outside_every_block_and_blocks_still_choose():
    """A notebook sets German once; a block may still ask for English; the default comes back."""
    before = sr.set_default_locale("de_AT")
    try:
        assert sr.current_locale() == "de_AT"
        assert sr.label(sr.Segment.SMALL) == "klein"
        with sr.use_locale("en"):
            assert sr.label(sr.Segment.SMALL) == "small"
        seen = []
        worker = threading.Thread(target=lambda: seen.append(sr.current_locale()))
        worker.start()
        worker.join()
        assert seen == ["de_AT"]  # the default is the process's, threads included
    finally:
        assert sr.set_default_locale(before) == "de_AT"
    assert sr.current_locale() == "en"
    with pytest.raises(sr.ValidationError, match="expected a locale of a supported language"):
        sr.set_default_locale("fr")
    assert sr.current_locale() == "en"


def test_plots_are_titled_and_labelled_in_german():
    """A concentration curve and a plan's bars drawn under use_locale("de") speak German."""
    import matplotlib as mpl

    mpl.use("Agg")
    import matplotlib.pyplot as plt

    from salesroles.testing import sample_portfolio

    p = sample_portfolio()
    with sr.use_locale("de"):
        curve = sr.plot_concentration(p)
        bars = sr.plot_plan_attainment(p, "C-ACME", as_of="2026-11-27")
    try:
        assert curve.get_title().startswith("Umsatzkonzentration (HHI 0,")
        assert curve.get_xlabel() == "Anteil der Kunden, größte zuerst (%)"
        legend = [t.get_text() for t in curve.get_legend().get_texts()]
        assert legend[:2] == ["gleich große Kunden", "kumulierter Umsatz"]
        assert bars.get_xlabel() == "Produkt"
        assert bars.get_title() == "AP-ACME-2026 für ACME Chemie AG: Ziel und Ist (S3.4)"
    finally:
        plt.close("all")


# --- errors in German ----------------------------------------------------------------------


def _bad_sample() -> dict:
    """The sample portfolio as data, with six problems of six kinds."""
    from salesroles.testing import sample_portfolio

    data = sr.unstructure(sample_portfolio())
    data["as_of"] = "soon"
    data["customers"][0]["annual_revenue"]["amount"] = 1.5
    data["customers"][1]["segment"] = "larg"
    data["deals"][0]["owner"] = "nobody"
    del data["products"][0]["name"]
    data["team"][0]["rolle"] = "x"
    return data


def _refusal(data: object, cls: type = sr.Portfolio) -> sr.ValidationError:
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure(data, cls, forbid_extra_keys=True)
    return caught.value


def test_a_bad_document_is_refused_in_german_inside_use_locale():
    """The issue's "erwartet ein Datum im Format JJJJ-MM-TT", and every other problem too."""
    with sr.use_locale("de"):
        error = _refusal(_bad_sample())
    assert [(item.path, item.message) for item in error.errors] == [
        ("as_of", "erhalten: 'soon'; erwartet ein Datum im Format JJJJ-MM-TT"),
        ("products[0].name", "erforderlich, aber nicht angegeben; erwartet eine Zeichenkette"),
        (
            "team[0].rolle",
            (
                "unbekannter Schlüssel 'rolle' in einem Objekt vom Typ TeamMember; "
                "meinten Sie 'role'?"
            ),
        ),
        (
            "customers[0].annual_revenue.amount",
            (
                "erhalten: die Gleitkommazahl 1.5; senden Sie den Betrag als Zeichenkette "
                'wie "12.50" '
                "(binäre Gleitkommazahlen verlieren Cents)"
            ),
        ),
        (
            "customers[1].segment",
            (
                "erhalten: 'larg'; erwartet einen der Werte 'small', 'medium', 'large'; "
                "meinten Sie 'large'?"
            ),
        ),
        (
            "deals[0].owner",
            (
                "'nobody' benennt nichts in diesem Portfolio; erwartet die ID eines Objekts "
                "vom Typ "
                "Teammitglied"
            ),
        ),
    ]


def test_an_error_keeps_its_code_path_and_params_in_every_language():
    """Only the message changes with the language; the machine-readable parts never do."""
    english = _refusal(_bad_sample())
    with sr.use_locale("de"):
        german = _refusal(_bad_sample())
    assert english.errors[0].message == "got 'soon'; expected a date written YYYY-MM-DD"

    def neutral(error: sr.ValidationError) -> list[tuple]:
        return [(i.path, i.code, i.template, i.params) for i in error.errors]

    assert neutral(german) == neutral(english)
    assert english.errors[0].params == {
        "got": {"code": "value.text", "params": {"value": "soon"}},
        "expected": {"code": "expected.date", "params": {}},
    }
    # The params say the message again, in any language: a client may render its own.
    for item in german.errors:
        assert sr_render(item.template, item.params, locale="de") == item.message
        assert json.loads(json.dumps(item.to_dict()))["params"] == item.params


_JUNK = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=8)
    | st.sampled_from(["", "2026-13-01", "12,50", "EURO", "larg", "FREQ=HOURLY", "x" * 50]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8) | st.integers(), inner, max_size=3)
    ),
    max_leaves=8,
)


def _spots(data):
    """Every (container, key) of a JSON-ready document."""
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        yield data, key
        if isinstance(value, dict | list):
            yield from _spots(value)


@given(st.lists(st.tuples(st.integers(0, 10_000), _JUNK), min_size=1, max_size=4))
def test_junk_is_refused_alike_in_both_languages(changes):
    """Junk anywhere in the sample: German names the same problems, paths, codes and params."""
    from salesroles.testing import sample_portfolio

    data = sr.unstructure(sample_portfolio())
    spots = list(_spots(data))
    for index, junk in changes:
        container, key = spots[index % len(spots)]
        container[key] = junk
    try:
        sr.structure(data, sr.Portfolio, forbid_extra_keys=True)
    except sr.ValidationError as e:
        english = e
    else:
        return  # the junk happened to be valid there
    with sr.use_locale("de"), pytest.raises(sr.ValidationError) as german:
        sr.structure(data, sr.Portfolio, forbid_extra_keys=True)
    assert [(i.path, i.code, i.params) for i in german.value.errors] == [
        (i.path, i.code, i.params) for i in english.errors
    ]
    for item in german.value.errors:
        assert item.template is not None
        assert sr_render(item.template, item.params, locale="de") == item.message


def test_lifecycle_lookup_and_money_errors_speak_german_with_their_codes():
    """Errors that are no ValidationError carry a code and params too, and pickle with them."""
    import pickle

    from salesroles.testing import sample_portfolio

    p = sample_portfolio()
    eur, usd = sr.Money(amount="1", currency="EUR"), sr.Money(amount="1", currency="USD")
    cases = [
        (
            lambda: p.customer("C-NONE"),
            sr.NotFoundError,
            "not_found",
            "'C-NONE' benennt nichts in diesem Portfolio",
        ),
        (
            lambda: p.lead("C-ACME"),
            sr.NotFoundError,
            "not_found",
            "'C-ACME' benennt in diesem Portfolio ein Objekt vom Typ Kunde, nicht Lead",
        ),
        (
            lambda: p.designate_key_account("C-ACME"),
            sr.LifecycleError,
            "already_key_account",
            "'C-ACME' ist bereits ein Key Account",
        ),
        (
            lambda: eur + usd,
            sr.CurrencyMismatchError,
            "currency_mismatch",
            "EUR und USD lassen sich nicht addieren: rechnen Sie zuerst einen Betrag um",
        ),
        (
            lambda: eur * 1.5,
            sr.MoneyError,
            "invalid_factor",
            (
                "Geld lässt sich nicht multiplizieren mit: die Gleitkommazahl 1.5; verwenden "
                "Sie ein int oder ein Decimal (Gleitkommazahlen verlieren Cents)"
            ),
        ),
    ]
    for call, cls, code, german in cases:
        with sr.use_locale("de"), pytest.raises(cls) as caught:
            call()
        assert (caught.value.code, str(caught.value)) == (code, german)
        again = pickle.loads(pickle.dumps(caught.value))
        assert (type(again), again.code, again.params, str(again)) == (
            cls,
            code,
            caught.value.params,
            german,
        )
        with pytest.raises(cls) as english:
            call()
        assert (english.value.code, english.value.params) == (code, caught.value.params)
        assert str(english.value) != german


def test_two_threads_refusing_in_two_languages_at_once_never_mix():
    """Errors are said in the language of the thread that found them."""
    barrier = threading.Barrier(2)
    seen: dict[str, set[str]] = {"en": set(), "de": set()}

    def refuse(tag: str) -> None:
        with sr.use_locale(tag):
            for _ in range(100):
                barrier.wait()
                try:
                    sr.structure({"start": "soon", "end": "2026-12-31"}, sr.Period)
                except sr.ValidationError as e:
                    seen[tag].add(e.errors[0].message)

    threads = [threading.Thread(target=refuse, args=(tag,)) for tag in ("en", "de")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {
        "en": {"got 'soon'; expected a date written YYYY-MM-DD"},
        "de": {"erhalten: 'soon'; erwartet ein Datum im Format JJJJ-MM-TT"},
    }


# --- drafts from CRM exports in German -----------------------------------------------------


def test_a_salesforce_draft_speaks_german_with_the_codes_paths_and_params_of_english():
    """Unmapped values, conflicts, adjustments and skipped records: German texts, same data."""
    from interop_support import load_json
    from salesroles.interop import salesforce

    records = load_json("salesforce")
    english = salesforce.draft(records, currency="EUR", as_of="2026-12-01")
    with sr.use_locale("de"):
        german = salesforce.draft(records, currency="EUR", as_of="2026-12-01")
        summary = str(german)
        with pytest.raises(sr.ValidationError) as refused:
            german.portfolio()
    zoe = "0058d0000000025AAA"
    assert [(i.path, i.message) for i in german.unmapped] == [
        (
            "OpportunityContactRole[56].Role",
            (
                "erhalten: 'Other'; die Tabelle 'contact_roles' ordnet diesen Wert nicht zu; "
                "die Kontaktrolle gilt nicht als Beleg"
            ),
        ),
        (
            "Opportunity[150].OwnerId",
            (
                "nennt den Inhaber '0058d0000009999AAA', doch die Eingabe enthält keinen "
                "solchen Datensatz; die Opportunity wird ausgelassen"
            ),
        ),
        (
            "Lead[5].LeadSource",
            (
                "erhalten: eine leere Zeichenkette; die Tabelle 'lead_source' ordnet diesen "
                "Wert nicht zu; der Lead wird ausgelassen"
            ),
        ),
    ]
    assert german.conflicts[0].message == (
        f"Zoe Ziegler ({zoe}) ist 'Account Manager' bei 2 Accounts (0018d0000000028AAA, "
        "0018d0000000029AAA) und 'Sales Rep' bei 3 Accounts (0018d0000000040AAA, "
        "0018d0000000041AAA, 0018d0000000042AAA), und es gibt keinen Titel; die Rolle bleibt "
        "offen (S0.2: manche Unternehmen geben einer Stelle beide Titel)"
    )
    assert german.adjusted[0].message == (
        "erhalten: die Gleitkommazahl 1234567.891; gerundet auf 1234567.89 "
        "(EUR hat 2 Nachkommastellen)"
    )
    reasons = {s.path: s.reason for s in german.skipped}
    assert reasons["Account[120]"] == "ein Duplikat von Account[60] (ID 0018d0000000060AAA)"
    assert reasons["Account[161]"] == "Type 'Prospect' bezeichnet keinen Kunden"
    assert reasons["Contract[4]"] == "Status 'Draft': nicht in Kraft"
    assert reasons["User[26]"] == (
        "keine Vertriebsrolle: weder der Titel noch eine Rolle im Account-Team nennt eine"
    )
    assert german.placed["AccountTeamMember[30]"] == f"Beleg für die Rolle von {zoe}"
    assert summary == (
        "Entwurf aus salesforce: 27 Teammitglieder, 160 Kunden, 30 Key Accounts, "
        "174 Stakeholder, 59 Leads, 140 Verkaufschancen; 3 nicht zugeordnet, 1 Konflikt, "
        "1 angepasst, 105 übersprungen"
    )
    [problem] = refused.value.errors
    assert problem.message.endswith(f" (aus User {zoe} Id)")

    # Only the texts change with the language: codes, paths and params never do.
    def neutral(draft) -> list[tuple]:
        found = [
            (i.path, i.code, i.template, i.params)
            for i in (*draft.unmapped, *draft.conflicts, *draft.adjusted)
        ]
        return found + [(s.path, s.code, None, s.params) for s in draft.skipped]

    assert neutral(german) == neutral(english)
    assert german.data == english.data
    assert german.sources == english.sources
    assert {s.code for s in german.skipped} >= {"skipped.duplicate", "skipped.account_type"}
    for item in (*german.unmapped, *german.conflicts, *german.adjusted):
        assert item.template is not None
        assert sr_render(item.template, item.params, locale="de") == item.message
        assert json.loads(json.dumps(item.to_dict()))["params"] == item.params
    # A skipped record's code and params say its reason again, in any language.
    for de, en in zip(german.skipped, english.skipped, strict=True):
        assert sr_render(de.code, de.params, locale="de") == de.reason
        assert sr_render(de.code, de.params, locale="en") == en.reason
        assert json.loads(json.dumps(de.params)) == de.params


def test_an_error_raised_in_english_is_said_again_in_german():
    """in_language() re-renders from template and params: the same as raising it in German."""
    english = _refusal(_bad_sample())
    with sr.use_locale("de"):
        german = _refusal(_bad_sample())
    again = english.in_language("de")
    assert [(i.path, i.message, i.code, i.params) for i in again.errors] == [
        (i.path, i.message, i.code, i.params) for i in german.errors
    ]
    assert [i.message for i in again.in_language("en").errors] == [
        i.message for i in english.errors
    ]
    with sr.use_locale("de"):  # the active locale by default
        assert english.in_language().errors[0].message == german.errors[0].message


def test_what_was_written_as_it_is_stays_as_it_is():
    """An item or error without a template has nothing to say again."""
    item = sr.ErrorItem(path="x", message="written by hand", code="custom")
    assert item.in_language("de") is item
    error = sr.MoneyError("cannot do that")
    assert error.in_language("de") is error


def test_a_lifecycle_error_is_said_again_and_keeps_its_template_through_pickle():
    import pickle

    from salesroles.testing import sample_portfolio

    with pytest.raises(sr.LifecycleError) as caught:
        sample_portfolio().designate_key_account("C-ACME")
    error = caught.value
    assert (error.code, error.template) == ("already_key_account", "already_key_account")
    german = pickle.loads(pickle.dumps(error)).in_language("de")
    assert type(german) is sr.LifecycleError
    assert str(german) == "'C-ACME' ist bereits ein Key Account"
    assert (german.code, german.params, german.template) == (
        error.code,
        error.params,
        error.template,
    )
