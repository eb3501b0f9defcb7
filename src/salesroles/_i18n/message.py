"""Messages as a code and JSON-ready parameters, rendered in the active language.

A message is registered once with :func:`template`: its code and its English
text, whose placeholders name the parameters (``{account}``). A placeholder
may say what kind of value it holds after a colon, so that each language
renders it its own way:

- ``{x:message}``: a nested message, ``{"code": ..., "params": {...}}``, or
  ``""`` for nothing;
- ``{x:messages}``: several nested messages joined with ``;``;
- ``{x:role}`` / ``{x:roles}``: a role's wire value, or several (English "an
  account manager or marketing", "nobody" for none);
- ``{x:duty}``: a responsibility's wire value (English keeps the value,
  ``write_account_plan``; German says it in words);
- ``{x:buying_roles}``: buying roles' wire values, each with its article;
- ``{x:list}`` / ``{x:or_list}``: several texts joined with "and" / "or" (``a, b or c``);
- ``{x:date}``: an ISO day;
- ``{x:a}``: a name with its English article (``an Order``), or several joined with "or";
- ``{x:choices}``: several values, each quoted as Python writes it (``'small', 'large'``);
- ``{n:plural:argument|arguments}``: the word for the count *n*, one form for 1 and
  another for every other number (as gettext's ``plural=(n != 1)`` in both languages);
- ``{x:and}`` / ``{x:or}``: several words joined with "and" or "or" alone;
- ``{x:joined}``: several names joined with commas (``id, name``);
- ``{x:kind}`` for any registered phrase kind: the phrase of a value, or of several
  joined with "or";
- ``{x:kind[]}``: several phrases of one kind joined with commas;
- ``{x:number}``: a decimal written as text (``"0.73"``), in the language's own form
  (``0,73`` in German);
- ``{x:CustomerStatus}`` and any other enumeration's name: a wire value,
  translated with that enumeration's labels.

English is the source: its rendering is the registered text. Other languages
translate the text in their catalogue with the code as context
(``msgctxt``), so the same words may read differently in two messages. The
markers are extractable by babel: ``pybabel extract -k template:1c,2``.
"""

from __future__ import annotations

import functools
import string
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from salesroles.exceptions import register_renderer

from .catalogue import catalogue
from .formats import format_date, format_decimal
from .locale import current_locale, language_of, read_locale

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "PHRASES",
    "ROLE_PHRASES",
    "SENTENCES",
    "TEMPLATES",
    "and_list",
    "phrases",
    "render",
    "render_in",
    "said",
    "template",
    "with_article",
    "wording",
]

#: Every registered message: code -> English text.
TEMPLATES: Final[dict[str, str]] = {}

#: The codes of messages that are whole sentences: their first letter is a capital.
SENTENCES: Final[set[str]] = set()

#: Phrases a placeholder's kind names, registered by the wing that owns them:
#: kind -> wire value -> English phrase (``{"duty_phrase": {"prospecting": "prospect for
#: new customers"}}``). Other languages translate the phrase with the kind as context.
PHRASES: Final[dict[str, dict[str, str]]] = {}

#: How English sentences name each role (the source texts of context "role phrase").
ROLE_PHRASES: Final = {
    "account_manager": "an account manager",
    "sales_rep": "a sales representative",
    "sales_manager": "a sales manager",
    "sales_coordinator": "a sales coordinator",
    "marketing": "marketing",
}

# The order in which several roles are named: the order of Role.
_ROLE_ORDER: Final = tuple(ROLE_PHRASES)

# Words the renderers join with, translated under context "wording".
_WORDS: Final = ("and", "or", "nobody")


def template(code: str, english: str, *, sentence: bool = False) -> str:
    """Register *english* as the text of message *code*; return the code.

    A *sentence* is rendered with a capital first letter, whatever its first
    placeholder gives ("An account manager may not …").

    Raises:
        ValueError: *code* is registered already with another text.
    """
    known = TEMPLATES.setdefault(code, english)
    if known != english:
        msg = f"message {code!r} is registered twice with different texts"
        raise ValueError(msg)
    if sentence:
        SENTENCES.add(code)
    return code


def said(code: str, **params: Any) -> dict[str, Any]:
    """A message as JSON-ready data: its code and parameters (to nest or to keep)."""
    return {"code": code, "params": params}


def phrases(kind: str, english: Mapping[str, str]) -> None:
    """Register the English phrases of *kind* (``{x:kind}`` renders ``english[x]``)."""
    PHRASES.setdefault(kind, {}).update(english)


def wording(word: str, language: str) -> str:
    """One of the small words renderers join with (``and``, ``or``, ``nobody``)."""
    return _in(language, word, "wording")


def and_list(words: Iterable[str], conjunction: str = "and") -> str:
    """Join words as a sentence does: ``a``, ``a and b``, ``a, b and c``."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def with_article(noun: str) -> str:
    """*noun* with its indefinite article, for English messages: "an order", "a Customer"."""
    return f"{'an' if noun[:1] in set('AEIOUaeiou') else 'a'} {noun}"


def _in(language: str, text: str, context: str) -> str:
    # translate() for a language already read: a dict lookup, as messages are said often.
    forms = catalogue(language).get((context, text))
    return forms[0] if forms else text


def _field(value: Any, kind: str, lang: str) -> str:  # noqa: C901, PLR0911, PLR0912 - one per kind
    """One placeholder's value, rendered by its *kind* (the format spec) in *lang*."""
    if kind == "message":
        return render_in(value["code"], value["params"], lang) if value else ""
    if kind == "messages":  # several nested messages, one after the other
        return "; ".join(render_in(v["code"], v["params"], lang) for v in value)
    if kind == "role":
        return _in(lang, ROLE_PHRASES[value], "role phrase")
    if kind == "roles":
        named = [
            _in(lang, ROLE_PHRASES[role], "role phrase") for role in _ROLE_ORDER if role in value
        ]
        return and_list(named, wording("or", lang)) if named else wording("nobody", lang)
    if kind == "duty":
        return _label(value, "Responsibility", lang)
    if kind == "buying_roles":
        if lang == "en":
            return and_list(with_article(v.replace("_", " ")) for v in value)
        return and_list((_label(v, "BuyingRole", lang) for v in value), wording("and", lang))
    if kind[:7] == "plural:":  # "one|many", both languages by gettext's n != 1
        one, _, many = kind[7:].partition("|")
        return one if value == 1 else many
    if kind == "a":  # a name with its English article; several: "a or b"
        if isinstance(value, list):
            return f" {wording('or', lang)} ".join(with_article(v) for v in value)
        return with_article(value)
    if kind == "choices":
        return ", ".join(repr(v) for v in value)
    if kind in _WORDS[:2]:  # "a and b and c", "a or b": the words joined as they are
        return f" {wording(kind, lang)} ".join(value)
    if kind == "joined":
        return ", ".join(value)
    if kind == "or_list":
        return and_list(value, wording("or", lang))
    if kind == "list":
        return and_list(value, wording("and", lang))
    if kind == "date":
        return value if lang == "en" else format_date(date.fromisoformat(value), locale=lang)
    if kind[-2:] == "[]":  # several phrases of one kind, joined with commas
        return ", ".join(_field(v, kind[:-2], lang) for v in value)
    if kind == "number":  # a decimal as text ("0.73"), in the language's own form
        places = len(value.partition(".")[2])
        return value if lang == "en" else format_decimal(Decimal(value), places, locale=lang)
    if isinstance(value, list) and (kind in PHRASES or kind[:1].isupper()):
        # Several phrases or labels: "a or b".
        return f" {wording('or', lang)} ".join(_field(v, kind, lang) for v in value)
    if kind in PHRASES:
        english = PHRASES[kind][value]
        return english if lang == "en" else _in(lang, english, kind)
    if kind and kind[0].isupper():  # an enumeration's labels
        return _label(value, kind, lang)
    return format(value, kind)


def _label(value: str, enumeration: str, language: str) -> str:
    # English messages keep the wire value (``write_account_plan``); others say it in words.
    if language == "en":
        return value
    return _in(language, value.replace("_", " "), enumeration)


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> tuple[tuple[str, str | None, str, str | None], ...]:
    """*text* cut into (literal, placeholder, kind, conversion): read once, filled often."""
    return tuple(
        (literal, name, spec or "", conversion)
        for literal, name, spec, conversion in string.Formatter().parse(text)
    )


def render_in(code: str, params: Mapping[str, Any], language: str) -> str:
    """The text of message *code* with *params*, in *language*."""
    pieces: list[str] = []
    for literal, name, kind, conversion in _parsed(_in(language, TEMPLATES[code], code)):
        pieces.append(literal)
        if name is not None:
            value = params[name]
            if conversion is not None:
                value = repr(value) if conversion == "r" else str(value)
            pieces.append(_field(value, kind, language))
    rendered = "".join(pieces)
    # A sentence begins with a capital in every language the catalogues speak.
    return rendered[:1].upper() + rendered[1:] if code in SENTENCES else rendered


def render(code: str, params: Mapping[str, Any], *, locale: str | None = None) -> str:
    """The text of message *code* with *params*, in *locale* (default: the active one)."""
    tag = current_locale() if locale is None else read_locale(locale)
    return render_in(code, params, language_of(tag))


def _say(code: str, params: Mapping[str, Any], locale: str | None) -> str:
    return render(code, params, locale=locale)


# Errors live beneath this layer: they are said again in another language through this.
register_renderer(_say)
