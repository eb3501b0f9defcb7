"""The cadence of a plan's communication: an RFC 5545 recurrence rule of days.

:class:`Cadence` reads the rule with its own strict parser (dateutil's is
lenient), stores it in canonical form, refuses what RFC 5545 §3.3.10 refuses
and what can never occur, and searches occurrences one period at a time, so
that every answer costs time in proportion to the window asked about.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs
from dateutil import rrule
from dateutil.relativedelta import relativedelta

from .arguments import read_day
from .messages import error_item, said, shown, template
from .validation import Checked

if TYPE_CHECKING:
    from collections.abc import Iterator

    from salesroles.exceptions import ErrorItem

__all__ = ["Cadence"]


_Frequency = Literal[0, 1, 2, 3]
_FREQUENCIES: Final[dict[str, _Frequency]] = {
    "YEARLY": rrule.YEARLY,
    "MONTHLY": rrule.MONTHLY,
    "WEEKLY": rrule.WEEKLY,
    "DAILY": rrule.DAILY,
}
_FINER_THAN_DAILY: Final = ("HOURLY", "MINUTELY", "SECONDLY")
_TIME_OF_DAY: Final = ("BYHOUR", "BYMINUTE", "BYSECOND")
_WEEKDAYS: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_BY_DAY_PARTS: Final = ("BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYDAY")
# RFC 5545 section 3.3.10: the parts of a rule, the largest value of each numbered one (0
# is never one, and BYMONTH has no negative values), and the frequencies a part goes with.
_PARTS: Final = frozenset(
    {"FREQ", "UNTIL", "COUNT", "INTERVAL", "WKST", "BYSETPOS", *_BY_DAY_PARTS, *_TIME_OF_DAY}
)
_LARGEST = {"BYMONTH": 12, "BYMONTHDAY": 31, "BYWEEKNO": 53, "BYYEARDAY": 366, "BYSETPOS": 366}
_ONLY_UNDER: Final = {
    "BYYEARDAY": ("YEARLY",),
    "BYWEEKNO": ("YEARLY",),
    "BYMONTHDAY": ("DAILY", "MONTHLY", "YEARLY"),
}
# A common year and a leap one: every day of the calendar, weekdays aside.
_TWO_YEARS: Final = tuple(date(2027, 1, 1) + timedelta(days=i) for i in range(365 + 366))
# The most days one period of each frequency holds: what BYSETPOS can pick from.
_PERIOD_DAYS: Final = {rrule.YEARLY: 366, rrule.MONTHLY: 31, rrule.WEEKLY: 7, rrule.DAILY: 1}
_NUMBER: Final = re.compile(r"[+-]?[0-9]+")
_WEEKDAY_NUMBER: Final = re.compile(r"([+-]?[0-9]+)?(MO|TU|WE|TH|FR|SA|SU)")
_UNTIL: Final = re.compile(r"([0-9]{8})(?:T(?:[01][0-9]|2[0-3])[0-5][0-9](?:[0-5][0-9]|60)Z?)?")
# How far next_after looks ahead, and how far a rule with COUNT is followed from its anchor.
_HORIZON_YEARS: Final = 10
_COUNT_YEARS: Final = 100
# An INTERVAL that leaps past the year 9999: dateutil then reads one period and stops.
_ONE_PERIOD: Final[dict[int, int]] = {rrule.YEARLY: 10_000, rrule.MONTHLY: 120_000}
_LAST_DAY: Final = date.max.toordinal()
_YEAR_TWO: Final = date(2, 1, 1).toordinal()
_GREGORIAN_CYCLE: Final = 146_097  # the days of 400 years, a whole number of weeks
# Rules longer than this are no rules anyone writes: read each time, never cached.
_CACHED_LENGTH: Final = 300
_EXAMPLE: Final = '"FREQ=MONTHLY;BYDAY=+1TU"'
_NAME_VALUE: Final = "NAME=VALUE parts separated by ';', each named in RFC 5545 section 3.3.10"


# Why a rule is refused and what was expected instead: code -> (fault, wanted), English.
_FAULTS: Final = {
    "ascii": ("it does not parse: it holds a character beyond ASCII", _NAME_VALUE),
    "lines": ("it holds a DTSTART or more than one line", "a single RRULE"),
    "no_part": ("it does not parse: {part!r} is no NAME=VALUE part", _NAME_VALUE),
    "unknown_part": ("it does not parse: {name!r} is no part of a rule", _NAME_VALUE),
    "twice": ("it gives {name} twice", "each part at most once"),
    "no_number": (
        "it does not parse: {name}={text} is no whole number",
        "{name} as a whole number",
    ),
    "range": ("{name}={item} is out of range", "{name} from 1 to {largest}"),
    "range_signed": (
        "{name}={item} is out of range",
        "{name} from 1 to {largest} or -{largest} to -1",
    ),
    "no_weekday": ("it does not parse: BYDAY={item} is no weekday", "MO, +1TU, -1FR …"),
    "numbered": (
        "BYDAY={item} numbers a weekday under {under}",
        "plain weekdays like MO (numbered ones only under MONTHLY or YEARLY)",
    ),
    "ordinal_month": (
        "BYDAY={item} is out of range under FREQ={freq}",
        "ordinals from 1 to 5 or -5 to -1 within a month",
    ),
    "ordinal_year": (
        "BYDAY={item} is out of range under FREQ={freq}",
        "ordinals from 1 to 53 or -53 to -1 within a year",
    ),
    "mixed": (
        "BYDAY={byday} mixes plain and numbered weekdays",
        "weekdays all plain (MO,FR) or all numbered (+1MO,-1FR)",
    ),
    "until": ("it does not parse: UNTIL={text} is no date", "UNTIL=20261231 or 20261231T000000Z"),
    "no_freq": ("it has no FREQ", "a FREQ such as FREQ=MONTHLY"),
    "too_often": ("FREQ={freq} is more often than daily", "a FREQ of DAILY or slower"),
    "freq": (
        "it does not parse: FREQ={freq} is no frequency",
        "a FREQ of DAILY, WEEKLY, MONTHLY or YEARLY",
    ),
    "time": ("{name} sets a time of day", "a rhythm of days, without BYHOUR, BYMINUTE, BYSECOND"),
    "only_under": ("{name} does not go with FREQ={freq}", "{name} only with FREQ={allowed:or}"),
    "setpos_alone": ("BYSETPOS has nothing to pick from", "BYSETPOS with another BY part"),
    "interval": ("INTERVAL={interval} never advances", "an INTERVAL of 1 or more"),
    "count": ("COUNT={count} allows no occurrence", "a COUNT of 1 or more"),
    "until_count": ("it gives both UNTIL and COUNT", "UNTIL or COUNT, not both"),
    "wkst": ("it does not parse: WKST={wkst} is no weekday", "WKST=MO … SU"),
    "no_day": (
        "it can never occur: no day has {days:and}",
        "days that exist, like BYMONTH=2;BYMONTHDAY=-1",
    ),
    "setpos_one": (
        "it can never occur: BYSETPOS={setpos} picks beyond the 1 day a period can hold",
        "BYSETPOS=1 or -1",
    ),
    "setpos": (
        "it can never occur: BYSETPOS={setpos} picks beyond the {most} days a period can hold",
        "BYSETPOS from 1 to {most} or -{most} to -1",
    ),
}
for _code, (_fault, _wanted) in _FAULTS.items():
    template(f"cadence.{_code}", _fault)
    template(f"cadence_wanted.{_code}", _wanted)

_REFUSED: Final = template(
    "invalid_cadence",
    "got {got:message}: {fault:message}; expected {wanted:message} (an RFC 5545 rule of days "
    "like {example})",
)


class _RuleError(Exception):
    """Why a rule is refused: one of :data:`_FAULTS`, with the parameters it names."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.fault = said(f"cadence.{code}", **params)
        self.wanted = said(f"cadence_wanted.{code}", **params)


@attrs.frozen(cache_hash=True)
class _Rule:
    """A rule read and checked: its canonical text and its parts (an empty tuple: not given)."""

    text: str
    freq: _Frequency
    interval: int = 1
    count: int | None = None
    until: date | None = None
    wkst: int = 0  # RFC 5545: weeks start on Monday unless WKST says otherwise
    bymonth: tuple[int, ...] = ()
    bymonthday: tuple[int, ...] = ()
    byyearday: tuple[int, ...] = ()
    byweekno: tuple[int, ...] = ()
    byweekday: tuple[int, ...] = ()
    bynweekday: tuple[tuple[int, int], ...] = ()
    bysetpos: tuple[int, ...] = ()


def _read_rule(text: str) -> _Rule | tuple[dict[str, Any], dict[str, Any]]:
    """*text* read as a rule of days, or (what is wrong with it, what was expected)."""
    return _read_short_rule(text) if len(text) <= _CACHED_LENGTH else _read_any_rule(text)


def _read_any_rule(text: str) -> _Rule | tuple[dict[str, Any], dict[str, Any]]:
    try:
        return _parse_rule(text)
    except _RuleError as e:
        return e.fault, e.wanted


# A plan's cadence is read when it is made and at every schedule: a few rules, read once.
_read_short_rule = functools.lru_cache(maxsize=1024)(_read_any_rule)


def _split_parts(text: str) -> dict[str, str]:
    """The NAME=VALUE parts of *text*, upper case (RFC 5545 section 3.1), in their order."""
    if not text.isascii():
        raise _RuleError("ascii")
    upper = text.upper()
    if "\n" in upper or "\r" in upper or "DTSTART" in upper:
        raise _RuleError("lines")
    parts: dict[str, str] = {}
    for part in upper.removeprefix("RRULE:").split(";"):
        name, equals, value = part.partition("=")
        if not equals or not value:
            raise _RuleError("no_part", part=part)
        if name not in _PARTS:
            raise _RuleError("unknown_part", name=name)
        if name in parts:
            raise _RuleError("twice", name=name)
        parts[name] = value
    return parts


def _integer(name: str, text: str) -> int:
    """*text* as a whole number; one too long to matter reads as 10**18."""
    if not _NUMBER.fullmatch(text):
        raise _RuleError("no_number", name=name, text=text)
    digits = text.lstrip("+-").lstrip("0") or "0"
    value = int(digits) if len(digits) <= 18 else 10**18
    return -value if text.startswith("-") else value


def _numbers(parts: dict[str, str], name: str) -> tuple[int, ...]:
    """The values of the numbered part *name*, each within its RFC 5545 range."""
    if name not in parts:
        return ()
    largest = _LARGEST[name]
    values = set()
    for item in parts[name].split(","):
        value = _integer(name, item)
        if value == 0 or abs(value) > largest or (value < 0 and name == "BYMONTH"):
            code = "range" if name == "BYMONTH" else "range_signed"
            raise _RuleError(code, name=name, item=item, largest=largest)
        values.add(value)
    return tuple(sorted(values))


def _weekdays(
    parts: dict[str, str], freq: str, *, in_month: bool
) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """The plain weekdays of BYDAY (``MO``) and the numbered ones (``+1TU``: weekday, n)."""
    plain: set[int] = set()
    numbered: set[tuple[int, int]] = set()
    for item in parts["BYDAY"].split(",") if "BYDAY" in parts else ():
        found = _WEEKDAY_NUMBER.fullmatch(item)
        if found is None:
            raise _RuleError("no_weekday", item=item)
        weekday = _WEEKDAYS.index(found[2])
        if found[1] is None:
            plain.add(weekday)
            continue
        if freq not in {"MONTHLY", "YEARLY"} or "BYWEEKNO" in parts:
            under = "BYWEEKNO" if "BYWEEKNO" in parts else f"FREQ={freq}"
            raise _RuleError("numbered", item=item, under=under)
        n = _integer("BYDAY", found[1])
        largest, code = (5, "ordinal_month") if in_month else (53, "ordinal_year")
        if n == 0 or abs(n) > largest:
            raise _RuleError(code, item=item, freq=freq)
        numbered.add((weekday, n))
    if plain and numbered:
        # dateutil would keep only days that are both, which no day is: refused, not silent.
        raise _RuleError("mixed", byday=parts["BYDAY"])
    return tuple(sorted(plain)), tuple(sorted(numbered))


def _until(text: str) -> date:
    """The last day UNTIL allows: occurrences fall at midnight, so its date is enough."""
    found = _UNTIL.fullmatch(text)
    try:
        if found is None:
            raise ValueError(text)  # noqa: TRY301 - one message for every bad spelling
        return date.fromisoformat(found[1])
    except ValueError:
        raise _RuleError("until", text=text) from None


def _frequency(parts: dict[str, str]) -> str:
    """The rule's FREQ, once the parts it goes with are checked."""
    freq = parts.get("FREQ")
    if freq is None:
        raise _RuleError("no_freq")
    if freq in _FINER_THAN_DAILY:
        raise _RuleError("too_often", freq=freq)
    if freq not in _FREQUENCIES:
        raise _RuleError("freq", freq=freq)
    for name in _TIME_OF_DAY:
        if name in parts:
            raise _RuleError("time", name=name)
    for name, frequencies in _ONLY_UNDER.items():
        if name in parts and freq not in frequencies:
            raise _RuleError("only_under", name=name, freq=freq, allowed=list(frequencies))
    if "BYSETPOS" in parts and not any(name in parts for name in _BY_DAY_PARTS):
        raise _RuleError("setpos_alone")
    return freq


def _parse_rule(text: str) -> _Rule:
    """Read and check *text*; raise :class:`_RuleError` saying why it is refused."""
    parts = _split_parts(text)
    freq = _frequency(parts)
    interval = _integer("INTERVAL", parts.get("INTERVAL", "1"))
    if interval < 1:
        raise _RuleError("interval", interval=interval)
    count = None if "COUNT" not in parts else _integer("COUNT", parts["COUNT"])
    if count is not None and count < 1:
        raise _RuleError("count", count=count)
    if count is not None and "UNTIL" in parts:
        raise _RuleError("until_count")
    wkst = parts.get("WKST", "MO")
    if wkst not in _WEEKDAYS:
        raise _RuleError("wkst", wkst=wkst)
    bymonth = _numbers(parts, "BYMONTH")
    plain, numbered = _weekdays(parts, freq, in_month=freq == "MONTHLY" or bool(bymonth))
    rule = _Rule(
        text=";".join(f"{name}={value}" for name, value in parts.items()),
        freq=_FREQUENCIES[freq],
        interval=interval,
        count=count,
        until=None if "UNTIL" not in parts else _until(parts["UNTIL"]),
        wkst=_WEEKDAYS.index(wkst),
        bymonth=bymonth,
        bymonthday=_numbers(parts, "BYMONTHDAY"),
        byyearday=_numbers(parts, "BYYEARDAY"),
        byweekno=_numbers(parts, "BYWEEKNO"),
        byweekday=plain,
        bynweekday=numbered,
        bysetpos=_numbers(parts, "BYSETPOS"),
    )
    _refuse_never(rule, parts)
    return rule


def _refuse_never(rule: _Rule, parts: dict[str, str]) -> None:
    """Refuse a rule that, read alone, can never occur: searching for it would be in vain."""
    days = [f"{n}={parts[n]}" for n in ("BYMONTH", "BYMONTHDAY", "BYYEARDAY") if n in parts]
    if len(days) > 1 and not any(_on_calendar(rule, day) for day in _TWO_YEARS):
        raise _RuleError("no_day", days=days)
    most = (len(rule.byweekday) or 1) if rule.freq == rrule.WEEKLY else _PERIOD_DAYS[rule.freq]
    if rule.bysetpos and all(abs(p) > most for p in rule.bysetpos):
        raise _RuleError(
            "setpos_one" if most == 1 else "setpos", setpos=parts["BYSETPOS"], most=most
        )


def _on_calendar(rule: _Rule, day: date) -> bool:
    """Whether *day* has the rule's BYMONTH, BYMONTHDAY and BYYEARDAY (negatives count back)."""
    if rule.bymonth and day.month not in rule.bymonth:
        return False
    if rule.bymonthday and day.day not in rule.bymonthday:
        month_days = calendar.monthrange(day.year, day.month)[1]
        if day.day - month_days - 1 not in rule.bymonthday:
            return False
    if rule.byyearday:
        year_day, year_days = day.timetuple().tm_yday, 365 + calendar.isleap(day.year)
        return year_day in rule.byyearday or year_day - year_days - 1 in rule.byyearday
    return True


# -- the search: one period of the rule at a time --


def _years_later(day: date, years: int) -> date:
    """*day* moved *years* on (29 February to 28), or the last date there is."""
    return date.max if day.year + years > date.max.year else day + relativedelta(years=years)


def _week_start(rule: _Rule, anchor: date) -> int:
    """The ordinal of the first day (by WKST) of the week that holds *anchor*."""
    return anchor.toordinal() - (anchor.weekday() - rule.wkst) % 7


def _first_period(rule: _Rule, anchor: date, first: date) -> int:
    """The index of the rule's first period (0: the anchor's) that reaches *first* or later.

    The periods run every INTERVAL years, months, weeks or days from the anchor's, so
    starting there keeps the rule's rhythm without walking from the anchor.
    """
    if rule.freq == rrule.YEARLY:
        steps = first.year - anchor.year
    elif rule.freq == rrule.MONTHLY:
        steps = (first.year - anchor.year) * 12 + first.month - anchor.month
    elif rule.freq == rrule.WEEKLY:
        steps = (first.toordinal() - _week_start(rule, anchor)) // 7
    else:
        steps = first.toordinal() - anchor.toordinal()
    return max(0, -(-steps // rule.interval))


def _period(rule: _Rule, anchor: date, k: int) -> tuple[int, int] | None:
    """The first and last days (ordinals) of period *k*; None beyond the year 9999.

    Period 0 starts on the anchor, as the rule does.
    """
    if rule.freq == rrule.YEARLY:
        year = anchor.year + k * rule.interval
        if year > date.max.year:
            return None
        first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    elif rule.freq == rrule.MONTHLY:
        year, month = divmod(anchor.year * 12 + anchor.month - 1 + k * rule.interval, 12)
        if year > date.max.year:
            return None
        length = calendar.monthrange(year, month + 1)[1]
        first = date(year, month + 1, 1).toordinal()
        last = first + length - 1
    else:
        days = 7 if rule.freq == rrule.WEEKLY else 1
        origin = _week_start(rule, anchor) if days == 7 else anchor.toordinal()
        first = origin + k * rule.interval * days
        if first > _LAST_DAY:
            return None
        last = min(first + days - 1, _LAST_DAY)
    return (anchor.toordinal() if k == 0 else first), last


def _pick(days: list[int], positions: tuple[int, ...]) -> list[int]:
    """The days at BYSETPOS *positions* of one period (all of them without BYSETPOS)."""
    if not positions:
        return days
    return sorted({days[p - 1 if p > 0 else p] for p in positions if -len(days) <= p <= len(days)})


_Open = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def _open_parts(rule: _Rule, anchor: date) -> _Open:
    """BYMONTH, BYMONTHDAY and the plain weekdays, the days the rule leaves open filled in.

    RFC 5545 takes a day the rule leaves open from its start, the anchor; dateutil would
    take it from the start of each period read, so it is spelled out.
    """
    months, monthdays, weekdays = rule.bymonth, rule.bymonthday, rule.byweekday
    if not (rule.byweekno or rule.byyearday or monthdays or weekdays or rule.bynweekday):
        if rule.freq == rrule.YEARLY:
            months, monthdays = months or (anchor.month,), (anchor.day,)
        elif rule.freq == rrule.MONTHLY:
            monthdays = (anchor.day,)
        elif rule.freq == rrule.WEEKLY:
            weekdays = (anchor.weekday(),)
    return months, monthdays, weekdays


# Schedules read the same periods for many plans (one rule, plans from 1 January).
@functools.lru_cache(maxsize=4096)
def _period_days(rule: _Rule, parts: _Open, first: int, last: int) -> tuple[int, ...]:
    """The days (ordinals) of the rule's period from *first* to *last* that it holds, in order.

    Yearly and monthly periods are read by :mod:`dateutil.rrule`, one at a time: its own
    iteration would go on to the year 9999 looking for a rule that never occurs again.
    Weekly and daily periods are a week's or a day's filters, read here.
    """
    months, monthdays, weekdays = parts
    if rule.freq in _ONE_PERIOD:
        # dateutil numbers weeks from the year before, and there is none before year 1;
        # 400 years on, the calendar is the same to the weekday.
        shift = _GREGORIAN_CYCLE if first < _YEAR_TWO else 0
        found = rrule.rrule(
            rule.freq,
            dtstart=date.fromordinal(first + shift),
            interval=_ONE_PERIOD[rule.freq],
            wkst=rule.wkst,
            bysetpos=rule.bysetpos or None,
            bymonth=months or None,
            bymonthday=monthdays or None,
            byyearday=rule.byyearday or None,
            byweekno=rule.byweekno or None,
            byweekday=[rrule.weekday(d) for d in weekdays]
            + [rrule.weekday(d, n) for d, n in rule.bynweekday]
            or None,
        )
        return tuple(moment.toordinal() - shift for moment in found)
    kept = []
    for ordinal in range(first, last + 1):
        day = date.fromordinal(ordinal)
        if (not weekdays or day.weekday() in weekdays) and _on_calendar(rule, day):
            kept.append(ordinal)
    return tuple(_pick(kept, rule.bysetpos))


def _occurrences(rule: _Rule, anchor: date, first: date, last: date) -> Iterator[date]:
    """The occurrences of *rule* started on *anchor* from *first* to *last*, both included.

    Only the periods that reach into the span are read, so the cost follows the span, not
    the distance from the anchor. COUNT is the exception: it counts from the anchor, so the
    search starts there and follows the rule for at most 100 years.
    """
    stop = last.toordinal()
    if rule.until is not None:
        stop = min(stop, rule.until.toordinal())
    left = rule.count
    if left is None:
        k = _first_period(rule, anchor, first)
    else:
        k = 0
        stop = min(stop, _years_later(anchor, _COUNT_YEARS).toordinal())
    start = first.toordinal()
    parts = _open_parts(rule, anchor)
    while (span := _period(rule, anchor, k)) is not None and span[0] <= stop:
        for ordinal in _period_days(rule, parts, *span):
            if ordinal > stop or left == 0:
                return
            if left is not None:
                left -= 1
            if ordinal >= start:
                yield date.fromordinal(ordinal)
        k += 1


def _canonical_rule(value: Any) -> Any:
    """A rule that reads, in its canonical form; anything else is left for the checks."""
    if type(value) is str:
        found = _read_rule(value)
        if isinstance(found, _Rule):
            return found.text
    return value


@attrs.frozen(kw_only=True)
class Cadence(Checked):
    """How often to communicate: an RFC 5545 recurrence rule of days (S5.2).

    The rule is an RFC 5545 ``RRULE`` value such as ``"FREQ=MONTHLY;BYDAY=+1TU"``
    (the first Tuesday of every month), kept in its canonical form: names and
    values upper case (they are case-insensitive), the parts in the order
    given. A rule is refused when made, with code ``invalid_cadence`` and the
    reason, if it does not parse, holds a ``DTSTART``, is finer than
    ``DAILY`` or names a time of day (``BYHOUR`` …), has a value outside the
    ranges of RFC 5545 section 3.3.10, gives ``UNTIL`` with ``COUNT``, or can
    never occur (``BYMONTH=2;BYMONTHDAY=30``); see the model's documentation.

    Occurrences are dates, counted from an *anchor* (by default the first day
    asked about), whose day fills the parts the rule leaves open and from
    which ``INTERVAL`` counts. A search reads only the rule's periods (years,
    months, weeks or days) that reach into the days asked about, never a walk
    to the year 9999; a rule with ``COUNT`` counts from the anchor and is
    followed for 100 years after it at most.

    >>> monthly = Cadence(rule="freq=monthly;byday=+1tu")
    >>> monthly.rule
    'FREQ=MONTHLY;BYDAY=+1TU'
    >>> monthly.between(date(2026, 1, 1), date(2026, 3, 31))
    (datetime.date(2026, 1, 6), datetime.date(2026, 2, 3), datetime.date(2026, 3, 3))
    """

    rule: str = attrs.field(converter=_canonical_rule)

    def _invariants(self) -> Iterator[ErrorItem]:
        found = _read_rule(self.rule)
        if isinstance(found, _Rule):
            return
        fault, wanted = found
        yield error_item(
            "rule",
            "invalid_cadence",
            _REFUSED,
            got=shown(self.rule),
            fault=fault,
            wanted=wanted,
            example=_EXAMPLE,
        )

    def _parsed(self) -> _Rule:
        found = _read_rule(self.rule)
        if not isinstance(found, _Rule):  # pragma: no cover - refused when made
            raise TypeError(found)
        return found

    def between(
        self, start: date | str, end: date | str, *, anchor: date | str | None = None
    ) -> tuple[date, ...]:
        """Return the dates of the occurrences from *start* to *end*, both included.

        Occurrences count from *anchor* (default: *start*); none falls before
        it. The cost follows the span from *start* (or the anchor, if later)
        to *end*.

        Raises:
            ValidationError: A day is not a date (or an ISO string).
        """
        first = read_day(start, "start")
        last = read_day(end, "end")
        origin = first if anchor is None else read_day(anchor, "anchor")
        first = max(first, origin)
        if last < first:
            return ()
        return tuple(_occurrences(self._parsed(), origin, first, last))

    def next_after(self, day: date | str, *, anchor: date | str | None = None) -> date | None:
        """Return the first occurrence after *day*, counting from *anchor* (default: *day*).

        The search looks 10 years ahead, and at least through the rule's next
        period when its ``INTERVAL`` spans more. None when no occurrence falls
        there: the rule has ended (``COUNT`` or ``UNTIL``), or occurs more
        rarely than that.

        Raises:
            ValidationError: A day is not a date (or an ISO string).
        """
        after = read_day(day, "day")
        origin = after if anchor is None else read_day(anchor, "anchor")
        if after == date.max:
            return None
        first = max(after + timedelta(days=1), origin)
        rule = self._parsed()
        last = _years_later(first, _HORIZON_YEARS)
        following = _period(rule, origin, _first_period(rule, origin, first) + 1)
        if following is not None:
            last = max(last, date.fromordinal(following[1]))
        return next(_occurrences(rule, origin, first, last), None)

    def __str__(self) -> str:
        return self.rule
