"""The active locale: a context variable, chosen with :func:`use_locale`.

A locale is a tag such as ``"de"``, ``"de_AT"`` or ``"en-GB"``. Its language
must be one the catalogues speak (:data:`LANGUAGES`); its region, if any,
only changes how numbers, money and dates look when babel is installed
(``salesroles[i18n]``). The choice lives in a :class:`~contextvars.ContextVar`,
so threads and asyncio tasks each see their own.
"""

from __future__ import annotations

import contextlib
import re
from contextvars import ContextVar
from typing import TYPE_CHECKING, Final

from salesroles.exceptions import ErrorItem, ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "accepted_locale",
    "current_locale",
    "language_of",
    "read_locale",
    "set_default_locale",
    "use_locale",
]

#: The languages with a message catalogue, the source language first.
LANGUAGES: Final = ("en", "de")

#: The locale when none is chosen.
DEFAULT: Final = "en"

# A language, then optionally a region of two letters or three digits (BCP 47 / CLDR).
_TAG: Final = re.compile(r"([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|[0-9]{3}))?\Z")

_ACTIVE: ContextVar[str | None] = ContextVar("salesroles_locale", default=None)

# The process-wide default, for where a context manager cannot reach: a notebook shows a
# result after its cell has run, outside any ``with`` block of the cell.
_default = DEFAULT


def read_locale(value: object, path: str = "locale") -> str:
    """Return *value* as a canonical tag (``"de-at"`` -> ``"de_AT"``), or refuse it.

    Raises:
        ValidationError: ``unsupported_locale`` naming *path* and the languages there are.
    """
    match = _TAG.match(value) if isinstance(value, str) else None
    if match and match[1].lower() in LANGUAGES:
        language, region = match[1].lower(), match[2]
        return f"{language}_{region.upper()}" if region else language
    offered = " or ".join(f"'{language}'" for language in LANGUAGES)
    found = f"got {value!r}" if isinstance(value, str) else f"got {type(value).__name__}"
    message = f'{found}; expected a locale of a supported language, {offered} (like "de_AT")'
    # Said in English: no catalogue can be chosen before a locale is. The params carry the facts.
    params = {"got": value if isinstance(value, str) else None, "supported": list(LANGUAGES)}
    item = ErrorItem(path=path, message=message, code="unsupported_locale", params=params)
    raise ValidationError([item])


# One language range of an Accept-Language header (RFC 9110 section 12.5.4), with its weight.
_RANGE: Final = re.compile(
    r"\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*\Z"
)


def accepted_locale(header: str | None, default: str | None = None) -> str:
    """The supported locale a caller asks for in an ``Accept-Language`` header.

    The language ranges are read with their weights (RFC 9110); the heaviest
    whose language the catalogues speak wins, the first of equal weight
    first. A region is kept (``de-AT`` gives ``de_AT``). With none supported,
    or no header, it is *default* (the current locale when None). A range
    that does not parse is passed over, never refused: the header is the
    caller's wish, not its data.

    >>> accepted_locale("fr-CH, fr;q=0.9, de;q=0.8, en;q=0.7")
    'de'
    >>> accepted_locale("de-AT")
    'de_AT'
    >>> accepted_locale("fr", default="en")
    'en'
    """
    found: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        match = _RANGE.match(part)
        if match is None or match[1] == "*":
            continue
        try:
            weight = float(match[2]) if match[2] is not None else 1.0
        except ValueError:
            continue
        tag = _supported(match[1])
        if tag is None:
            continue
        if weight > 0:
            found.append((-weight, position, tag))
    if found:
        return min(found)[2]
    return current_locale() if default is None else read_locale(default, "default")


def _supported(tag: str) -> str | None:
    """*tag* as a supported locale, else its language alone (``de-Latn-DE``: ``de``), else None."""
    for candidate in (tag, tag.partition("-")[0]):
        match = _TAG.match(candidate)
        if match and match[1].lower() in LANGUAGES:
            return read_locale(candidate)
    return None


def language_of(locale: str) -> str:
    """The language of a canonical tag: ``"de_AT"`` -> ``"de"``."""
    return locale.partition("_")[0]


def current_locale() -> str:
    """The locale in use here: the innermost :func:`use_locale`, else the default (``"en"``)."""
    chosen = _ACTIVE.get()
    return _default if chosen is None else chosen


def set_default_locale(locale: str) -> str:
    """Make *locale* the default of the whole process; return the one it replaces.

    :func:`use_locale` blocks still choose their own. Meant for a notebook or
    a script that speaks one language throughout; a service that answers
    each request in its caller's language uses :func:`use_locale` instead.

    >>> from salesroles import current_locale, set_default_locale
    >>> before = set_default_locale("de")
    >>> current_locale()
    'de'
    >>> set_default_locale(before)
    'de'

    Raises:
        ValidationError: ``unsupported_locale`` when the language has no catalogue.
    """
    global _default  # the one process-wide setting, documented above
    chosen = read_locale(locale)
    before, _default = _default, chosen
    return before


@contextlib.contextmanager
def use_locale(locale: str) -> Iterator[str]:
    """Render text, tables and numbers in *locale* inside the ``with`` block.

    The choice is local to the current thread or asyncio task, and nests:

    >>> from salesroles import current_locale, use_locale
    >>> with use_locale("de-AT") as chosen:
    ...     chosen, current_locale()
    ('de_AT', 'de_AT')
    >>> current_locale()
    'en'

    Raises:
        ValidationError: ``unsupported_locale`` when the language has no catalogue.
    """
    chosen = read_locale(locale)
    token = _ACTIVE.set(chosen)
    try:
        yield chosen
    finally:
        _ACTIVE.reset(token)
