"""Cadences are RFC 5545 rules of days: refused by name when bad, bounded when searched."""

from datetime import UTC, date, datetime, timedelta
from unittest import mock

import pytest
from dateutil import rrule
from hypothesis import assume, given
from hypothesis import strategies as st

import salesroles as sr
from salesroles import Cadence, ValidationError
from salesroles._model import cadence as values


def refusal(rule):
    with pytest.raises(ValidationError) as caught:
        Cadence(rule=rule)
    (item,) = caught.value.errors
    assert (item.path, item.code) == ("rule", "invalid_cadence")
    assert "RFC 5545" in item.message
    return item.message


# -- refused when made, each with its reason --


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        ("FREQ=YEARLY;BYMONTH=13", "BYMONTH=13 is out of range; expected BYMONTH from 1 to 12"),
        ("FREQ=YEARLY;BYMONTH=0", "BYMONTH=0 is out of range"),
        ("FREQ=YEARLY;BYMONTH=-1", "BYMONTH=-1 is out of range"),
        ("FREQ=YEARLY;BYWEEKNO=60", "BYWEEKNO=60 is out of range"),
        ("FREQ=YEARLY;BYYEARDAY=400", "BYYEARDAY=400 is out of range"),
        ("FREQ=YEARLY;BYYEARDAY=-367", "BYYEARDAY=-367 is out of range"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY=32 is out of range"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0 is out of range"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=400", "BYSETPOS=400 is out of range"),
        ("FREQ=MONTHLY;BYDAY=+53MO", "BYDAY=+53MO is out of range under FREQ=MONTHLY"),
        ("FREQ=MONTHLY;BYDAY=-6FR", "ordinals from 1 to 5 or -5 to -1 within a month"),
        ("FREQ=YEARLY;BYMONTH=3;BYDAY=+6MO", "within a month"),
        ("FREQ=YEARLY;BYDAY=+99MO", "ordinals from 1 to 53 or -53 to -1 within a year"),
        ("FREQ=YEARLY;BYDAY=0MO", "BYDAY=0MO is out of range"),
        ("FREQ=MONTHLY;INTERVAL=0", "INTERVAL=0 never advances"),
        ("FREQ=DAILY;COUNT=0", "expected a COUNT of 1 or more"),
        ("FREQ=DAILY;COUNT=5;UNTIL=20261231", "it gives both UNTIL and COUNT"),
        ("FREQ=DAILY;BYHOUR=9", "BYHOUR sets a time of day"),
        ("FREQ=WEEKLY;BYMINUTE=30", "BYMINUTE sets a time of day"),
        ("FREQ=MONTHLY;BYSECOND=0", "BYSECOND sets a time of day"),
        ("FREQ=MINUTELY", "expected a FREQ of DAILY or slower"),
        ("BYDAY=MO", "it has no FREQ"),
        ("FREQ=DAILY;FREQ=WEEKLY", "it gives FREQ twice"),
        ("FREQ=DAILY;BYEASTER=0", "'BYEASTER' is no part of a rule"),
        ("FREQ=DAILY;", "it does not parse"),
        ("FREQ = DAILY", "it does not parse"),
        ("FREQ=DAILY;UNTIL=2026-12-31", "UNTIL=2026-12-31 is no date"),
        ("FREQ=DAILY;UNTIL=20260230", "UNTIL=20260230 is no date"),
        ("FREQ=DAILY;UNTIL=20261231T250000Z", "is no date"),
        ("FREQ=DAILY;INTERVAL=two", "INTERVAL=TWO is no whole number"),
        ("FREQ=WEEKLY;WKST=XX", "WKST=XX is no weekday"),
        ("FREQ=WEEKLY;BYDAY=+1MO", "BYDAY=+1MO numbers a weekday under FREQ=WEEKLY"),
        ("FREQ=YEARLY;BYWEEKNO=1;BYDAY=+1MO", "numbers a weekday under BYWEEKNO"),
        ("FREQ=MONTHLY;BYDAY=MO,+1TU", "mixes plain and numbered weekdays"),
        ("FREQ=MONTHLY;BYYEARDAY=1", "BYYEARDAY does not go with FREQ=MONTHLY"),
        ("FREQ=DAILY;BYWEEKNO=1", "BYWEEKNO does not go with FREQ=DAILY"),
        ("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY does not go with FREQ=WEEKLY"),
        ("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS has nothing to pick from"),
    ],
)
def test_a_rule_outside_rfc_5545_is_refused_with_its_reason(rule, reason):
    assert reason in refusal(rule)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31",
        "FREQ=DAILY;BYMONTH=4,6,9,11;BYMONTHDAY=31,-31",
        "FREQ=MONTHLY;BYMONTHDAY=30;BYMONTH=2",
        "FREQ=YEARLY;BYYEARDAY=1;BYMONTH=2",
        "FREQ=YEARLY;BYYEARDAY=-1;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=32",
        "FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=3,-3",
        "FREQ=DAILY;BYDAY=MO;BYSETPOS=2",
    ],
)
def test_a_rule_that_can_never_occur_is_refused(rule):
    assert "it can never occur" in refusal(rule)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-29",
        "FREQ=YEARLY;BYYEARDAY=366",
        "FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO",
        "FREQ=YEARLY;BYDAY=+53MO",
        "FREQ=MONTHLY;BYDAY=-5FR",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        "FREQ=DAILY;BYDAY=MO;BYSETPOS=1",
        "FREQ=WEEKLY;UNTIL=20261231",
        "FREQ=WEEKLY;UNTIL=20261231T235960Z",
    ],
)
def test_rules_at_the_edges_of_the_ranges_are_accepted(rule):
    assert Cadence(rule=rule).rule == rule


# -- the canonical form --


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("freq=monthly;byday=+1tu", "FREQ=MONTHLY;BYDAY=+1TU"),
        ("Freq=Weekly;Interval=2;ByDay=We", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
        ("byday=mo;freq=weekly", "BYDAY=MO;FREQ=WEEKLY"),
        ("rrule:freq=daily;until=20261231t000000z", "FREQ=DAILY;UNTIL=20261231T000000Z"),
    ],
)
def test_names_and_values_are_case_insensitive_and_kept_upper_case_in_order(given, canonical):
    cadence = Cadence(rule=given)
    assert cadence.rule == canonical
    assert cadence == Cadence(rule=canonical)
    assert sr.unstructure(cadence) == canonical
    assert sr.structure(sr.unstructure(cadence), Cadence) == cadence


def test_a_refused_rule_is_named_as_it_was_given():
    message = refusal("freq=monthly;bymonth=13")
    assert message.startswith("got 'freq=monthly;bymonth=13': BYMONTH=13 is out of range")


# -- an accepted cadence never raises, and its search is bounded --


def test_a_rule_dateutil_cannot_read_is_refused_instead_of_failing_later():
    # dateutil accepts it, then raises a bare IndexError at every search.
    refusal("FREQ=MONTHLY;BYDAY=+53MO")
    refusal("FREQ=YEARLY;BYMONTH=12;BYDAY=+53MO")


@pytest.mark.parametrize(
    ("rule", "anchor"),
    [
        ("FREQ=DAILY;INTERVAL=7;BYDAY=MO", date(2025, 1, 7)),  # every 7 days from a Tuesday
        ("FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=30", date(2025, 2, 7)),  # every February
        ("FREQ=YEARLY;INTERVAL=4;BYYEARDAY=366", date(2025, 1, 7)),  # common years only
        ("FREQ=MONTHLY;BYMONTH=2;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYSETPOS=31", date(2025, 1, 7)),
        ("FREQ=WEEKLY;INTERVAL=20871;BYMONTH=2", date(2025, 1, 7)),  # 400 years on: 7 January
    ],
)
def test_a_rule_that_never_occurs_from_its_anchor_costs_only_the_window(rule, anchor):
    cadence = Cadence(rule=rule)
    with count_periods() as periods:
        assert cadence.between(date(2026, 1, 1), date(2026, 12, 31), anchor=anchor) == ()
    assert periods.call_count <= 53 + 2
    with count_periods() as periods:
        assert cadence.next_after(date(2026, 1, 1), anchor=anchor) is None
    assert periods.call_count <= 3653 + 5


def test_a_far_window_reads_only_its_own_periods_and_keeps_the_rhythm():
    every_third_week = Cadence(rule="FREQ=WEEKLY;INTERVAL=3")
    anchor = date(2000, 1, 5)
    with count_periods() as periods:
        found = every_third_week.between(date(9000, 1, 1), date(9000, 3, 31), anchor=anchor)
    assert periods.call_count <= 13 // 3 + 3
    assert found
    assert all((d - anchor).days % 21 == 0 for d in found)
    assert found[0] - timedelta(days=21) < date(9000, 1, 1)


def test_both_ends_of_a_window_are_included():
    daily = Cadence(rule="FREQ=DAILY")
    assert daily.between(date(2026, 3, 1), date(2026, 3, 1)) == (date(2026, 3, 1),)
    assert daily.between(date(2026, 3, 1), date(2026, 3, 3)) == (
        date(2026, 3, 1),
        date(2026, 3, 2),
        date(2026, 3, 3),
    )
    assert daily.between(date(2026, 3, 3), date(2026, 3, 1)) == ()


def test_the_anchor_fills_the_day_a_rule_leaves_open_and_starts_its_count():
    monthly = Cadence(rule="FREQ=MONTHLY")
    assert monthly.between(date(2026, 5, 1), date(2026, 7, 31), anchor=date(2026, 1, 31)) == (
        date(2026, 5, 31),
        date(2026, 7, 31),
    )
    thrice = Cadence(rule="FREQ=WEEKLY;COUNT=3")
    assert thrice.between(date(2026, 1, 10), date(2026, 12, 31), anchor=date(2026, 1, 1)) == (
        date(2026, 1, 15),
    )
    assert thrice.next_after(date(2026, 1, 15), anchor=date(2026, 1, 1)) is None
    assert monthly.between(date(2026, 1, 1), date(2026, 1, 31), anchor=date(2026, 2, 1)) == ()


def test_next_after_looks_through_the_next_period_of_a_long_interval():
    every_twenty_years = Cadence(rule="FREQ=YEARLY;INTERVAL=20;BYMONTH=1")
    assert every_twenty_years.next_after(date(2026, 2, 1), anchor=date(2026, 1, 15)) == date(
        2046, 1, 15
    )


def test_a_count_is_followed_for_a_hundred_years_from_its_anchor():
    yearly = Cadence(rule="FREQ=YEARLY;COUNT=200")
    found = yearly.between(date(2000, 1, 1), date(2300, 1, 1))
    assert (found[0], found[-1], len(found)) == (date(2000, 1, 1), date(2100, 1, 1), 101)


def test_the_end_of_the_calendar_ends_the_search():
    daily = Cadence(rule="FREQ=DAILY")
    assert daily.next_after(date.max) is None
    assert daily.between(date(9999, 12, 30), date.max) == (date(9999, 12, 30), date.max)
    assert Cadence(rule="FREQ=YEARLY").next_after(date(9999, 6, 1)) is None
    weekly = Cadence(rule="FREQ=WEEKLY;WKST=SU;BYDAY=SA,SU")
    assert weekly.between(date(1, 1, 1), date(1, 1, 14)) == (
        date(1, 1, 6),
        date(1, 1, 7),
        date(1, 1, 13),
        date(1, 1, 14),
    )


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda c: c.between("soon", date(2026, 1, 1)), "start"),
        (lambda c: c.between(date(2026, 1, 1), datetime(2026, 2, 1)), "end"),
        (lambda c: c.between(date(2026, 1, 1), date(2026, 2, 1), anchor=5), "anchor"),
        (lambda c: c.next_after(None), "day"),
        (lambda c: c.next_after(date(2026, 1, 1), anchor="x"), "anchor"),
    ],
)
def test_bad_days_are_refused_by_name(call, path):
    with pytest.raises(ValidationError) as caught:
        call(Cadence(rule="FREQ=DAILY"))
    assert [(e.path, e.code) for e in caught.value.errors] == [(path, "invalid_date")]


def test_days_may_be_iso_strings():
    weekly = Cadence(rule="FREQ=WEEKLY")
    assert weekly.between("2026-01-01", "2026-01-08") == (date(2026, 1, 1), date(2026, 1, 8))
    assert weekly.next_after("2026-01-01") == date(2026, 1, 8)


# -- properties: any rule built from RFC 5545 parts is refused or searched in bounds --

_FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "SOMETIMES")
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# The fewest days a period of each frequency holds.
_SHORTEST = {rrule.DAILY: 1, rrule.WEEKLY: 7, rrule.MONTHLY: 28, rrule.YEARLY: 365}


def _listed(values):
    return st.lists(values, min_size=1, max_size=4).map(lambda xs: ",".join(map(str, xs)))


def _signed(largest):
    return st.integers(-largest - 1, largest + 1)


def _weekday():
    ordinal = st.none() | st.integers(-54, 54).map(lambda n: f"{n:+d}")
    return st.tuples(ordinal, st.sampled_from(_DAYS)).map(lambda t: f"{t[0] or ''}{t[1]}")


def _until():
    day = st.dates(date(1990, 1, 1), date(2060, 12, 31)).map(lambda d: d.strftime("%Y%m%d"))
    return st.tuples(day, st.sampled_from(["", "T000000", "T120000Z", "T235959Z"])).map("".join)


_OPTIONAL_PARTS = {
    "INTERVAL": st.integers(-1, 30) | st.sampled_from([53, 1000, 10**20]),
    "COUNT": st.integers(0, 40),
    "UNTIL": _until(),
    "WKST": st.sampled_from(_DAYS),
    "BYMONTH": _listed(st.integers(-1, 13)),
    "BYMONTHDAY": _listed(_signed(31)),
    "BYYEARDAY": _listed(_signed(366)),
    "BYWEEKNO": _listed(_signed(53)),
    "BYSETPOS": _listed(_signed(40) | _signed(366)),
    "BYDAY": _listed(_weekday()),
    "BYHOUR": _listed(st.integers(0, 23)),
}


@st.composite
def rule_texts(draw):
    """A rule string from RFC 5545 parts: any frequency, values in and out of range, any case."""
    names = draw(st.lists(st.sampled_from(sorted(_OPTIONAL_PARTS)), max_size=5, unique=True))
    parts = [f"FREQ={draw(st.sampled_from(_FREQS))}"]
    parts += [f"{name}={draw(_OPTIONAL_PARTS[name])}" for name in names]
    text = ";".join(draw(st.permutations(parts)))
    lower = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.lower() if low else c for c, low in zip(text, lower, strict=True))


def count_periods():
    """Count the periods of a rule the search reads: the measure of its cost."""
    return mock.patch.object(values, "_period", wraps=values._period)


def _at_most(cadence, anchor, first, last):
    """How many periods a search from *first* to *last* may read: the window's, plus three."""
    rule = cadence._parsed()
    origin = anchor if rule.count is not None else first
    if rule.count is not None:
        last = min(last, values._years_later(anchor, 100))
    return max(0, (last - origin).days) // (_SHORTEST[rule.freq] * rule.interval) + 3


@given(
    rule_texts(),
    st.dates(date(1, 1, 1), date(9999, 12, 31)),
    st.integers(0, 3_000_000),
    st.integers(0, 800),
)
def test_any_rule_is_refused_or_searched_without_error_within_its_window(
    text, anchor, offset, length
):
    try:
        cadence = Cadence(rule=text)
    except ValidationError as e:
        assert [item.code for item in e.errors] == ["invalid_cadence"]
        return
    assert cadence.rule == text.upper().removeprefix("RRULE:")
    assert Cadence(rule=cadence.rule) == cadence
    start = min(anchor + timedelta(days=min(offset, (date.max - anchor).days)), date.max)
    end = min(start + timedelta(days=min(length, (date.max - start).days)), date.max)
    with count_periods() as periods:
        found = cadence.between(start, end, anchor=anchor)
    assert periods.call_count <= _at_most(cadence, anchor, start, end)
    assert list(found) == sorted(set(found))
    assert all(start <= d <= end for d in found)
    with count_periods() as periods:
        following = cadence.next_after(start, anchor=anchor)
    rule = cadence._parsed()
    longest = {rrule.DAILY: 1, rrule.WEEKLY: 7, rrule.MONTHLY: 31, rrule.YEARLY: 366}
    further = min((rule.interval + 1) * longest[rule.freq], (date.max - start).days)
    ahead = max(values._years_later(start, 10), start + timedelta(days=further))
    assert periods.call_count <= _at_most(cadence, anchor, start, ahead) + 2
    if following is not None:
        assert following > start
        assert cadence.between(start + timedelta(days=1), following, anchor=anchor) == (following,)


def _dateutil_between(cadence, anchor, start, end):
    """What dateutil's own iteration gives, from the anchor: the reference for the search."""
    tz = UTC if "Z" in cadence.rule else None  # only an UNTIL in UTC holds a Z
    dtstart = datetime(anchor.year, anchor.month, anchor.day, tzinfo=tz)
    rule = rrule.rrulestr(cadence.rule, dtstart=dtstart)
    first = datetime(start.year, start.month, start.day, tzinfo=tz)
    last = datetime(end.year, end.month, end.day, tzinfo=tz)
    return tuple(d.date() for d in rule.between(first, last, inc=True))


@given(
    rule_texts(),
    st.dates(date(1995, 1, 1), date(2030, 12, 31)),
    st.integers(0, 800),
    st.integers(0, 500),
)
def test_the_search_finds_what_dateutil_finds_walking_from_the_anchor(
    text, anchor, offset, length
):
    try:
        cadence = Cadence(rule=text)
    except ValidationError:
        return
    start = anchor + timedelta(days=offset)
    end = start + timedelta(days=length)
    # dateutil stops at the first occurrence after the window, or when COUNT is used up;
    # otherwise it walks to the year 9999.
    count = cadence._parsed().count
    used_up = count is not None and len(cadence.between(anchor, end, anchor=anchor)) >= count
    assume(used_up or cadence.next_after(end, anchor=anchor) is not None)
    assert cadence.between(start, end, anchor=anchor) == _dateutil_between(
        cadence, anchor, start, end
    )


def test_week_numbers_of_the_year_1_are_those_of_the_year_401():
    # dateutil numbers weeks from the year before, and there is none before the year 1.
    weekly = Cadence(rule="FREQ=YEARLY;BYWEEKNO=1,-1;BYDAY=MO")
    first = weekly.between(date(1, 1, 1), date(1, 12, 31))
    later = weekly.between(date(401, 1, 1), date(401, 12, 31))
    assert first
    assert [d.replace(year=401) for d in first] == list(later)
