from datetime import date, datetime

import pytest
from hypothesis import given

from salesroles import Cadence, Period, ValidationError
from salesroles.testing import periods


def test_start_after_end_is_refused_and_named():
    with pytest.raises(ValidationError) as caught:
        Period(start=date(2026, 2, 1), end=date(2026, 1, 1))
    (item,) = caught.value.errors
    assert (item.path, item.code) == ("end", "invalid_period")
    assert "before start 2026-02-01" in item.message


def test_a_single_day_is_a_period():
    day = Period(start="2026-05-01", end="2026-05-01")
    assert day.days == 1
    assert day.contains(date(2026, 5, 1))


@pytest.mark.parametrize(
    "value", ["2026-1-1", "20260101", "2026-W01-1", "2026-02-30", datetime(2026, 1, 1), 20260101]
)
def test_dates_must_be_dates_written_yyyy_mm_dd(value):
    with pytest.raises(ValidationError) as caught:
        Period(start=value, end=date(2026, 12, 31))
    assert [(i.path, i.code) for i in caught.value.errors] == [("start", "invalid_date")]


def test_both_ends_are_inclusive():
    year = Period.year(2026)
    assert year.contains(date(2026, 1, 1))
    assert year.contains(date(2026, 12, 31))
    assert not year.contains(date(2027, 1, 1))
    assert year.days == 365


@pytest.mark.parametrize(
    ("quarter", "start", "end"),
    [
        (1, date(2024, 1, 1), date(2024, 3, 31)),
        (2, date(2024, 4, 1), date(2024, 6, 30)),
        (3, date(2024, 7, 1), date(2024, 9, 30)),
        (4, date(2024, 10, 1), date(2024, 12, 31)),
    ],
)
def test_quarters_cover_the_calendar(quarter, start, end):
    assert Period.quarter(2024, quarter) == Period(start=start, end=end)


@pytest.mark.parametrize("quarter", [0, 5, True, 1.0])
def test_a_quarter_outside_one_to_four_is_refused(quarter):
    with pytest.raises(ValidationError, match="expected 1, 2, 3 or 4"):
        Period.quarter(2026, quarter)


def test_overlap_includes_touching_ends():
    q1, q2 = Period.quarter(2026, 1), Period.quarter(2026, 2)
    assert not q1.overlaps(q2)
    assert q1.overlaps(Period(start="2026-03-31", end="2026-04-01"))
    assert Period.year(2026).overlaps(q2)


@given(periods(), periods())
def test_overlap_is_symmetric_and_means_a_shared_day(a, b):
    assert a.overlaps(b) == b.overlaps(a)
    shared = max(a.start, b.start)
    assert a.overlaps(b) == (a.contains(shared) and b.contains(shared))


def test_str_is_iso():
    assert str(Period.year(2026)) == "2026-01-01..2026-12-31"


def test_cadence_lists_occurrence_dates_between_two_days():
    monthly = Cadence(rule="FREQ=MONTHLY;BYDAY=+1TU")
    assert monthly.between(date(2026, 1, 1), date(2026, 4, 30)) == (
        date(2026, 1, 6),
        date(2026, 2, 3),
        date(2026, 3, 3),
        date(2026, 4, 7),
    )
    assert str(monthly) == "FREQ=MONTHLY;BYDAY=+1TU"


def test_cadence_counts_from_the_start_of_the_span():
    fortnightly = Cadence(rule="FREQ=WEEKLY;INTERVAL=2")
    assert fortnightly.between(date(2026, 1, 1), date(2026, 1, 31)) == (
        date(2026, 1, 1),
        date(2026, 1, 15),
        date(2026, 1, 29),
    )


def test_next_after_and_an_ended_rule():
    assert Cadence(rule="FREQ=MONTHLY;BYDAY=+1TU").next_after(date(2026, 1, 6)) == date(2026, 2, 3)
    once = Cadence(rule="FREQ=DAILY;COUNT=1")
    assert once.next_after(date(2026, 1, 1)) is None


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=HOURLY",
        "FREQ=SECONDLY",
        "every monday",
        "FREQ=MONTHLY;BYDAY=XX",
        "DTSTART:20260101T000000\nRRULE:FREQ=DAILY",
        "FREQ=DAILY\nFREQ=WEEKLY",
    ],
)
def test_bad_or_too_frequent_rules_are_refused(rule):
    with pytest.raises(ValidationError) as caught:
        Cadence(rule=rule)
    (item,) = caught.value.errors
    assert (item.path, item.code) == ("rule", "invalid_cadence")
    assert "RFC 5545" in item.message


@pytest.mark.parametrize("rule", ["FREQ=MONTHLY;INTERVAL=0", "FREQ=DAILY;INTERVAL=-1"])
def test_an_interval_below_one_is_refused_instead_of_looping_forever(rule):
    with pytest.raises(ValidationError, match="INTERVAL of 1 or more"):
        Cadence(rule=rule)


def test_a_utc_until_as_rfc_5545_writes_it_is_understood():
    weekly = Cadence(rule="FREQ=WEEKLY;UNTIL=20260120T000000Z")
    assert weekly.between(date(2026, 1, 1), date(2026, 2, 28)) == (
        date(2026, 1, 1),
        date(2026, 1, 8),
        date(2026, 1, 15),
    )
    assert weekly.next_after(date(2026, 1, 15), anchor=date(2026, 1, 1)) is None


def test_the_day_caches_start_again_when_full(monkeypatch):
    from datetime import date

    from salesroles._model import converters

    monkeypatch.setattr(converters, "_CACHE_LIMIT", 2)
    monkeypatch.setattr(converters, "KNOWN_DAYS", {})
    monkeypatch.setattr(converters, "ISO_DAYS", {})
    days = ["2026-01-01", "2026-01-02", "2026-01-03"]
    assert [converters.to_date(d) for d in days] == [date(2026, 1, n) for n in (1, 2, 3)]
    assert len(converters.KNOWN_DAYS) <= 2
    assert [converters.iso_day(date(2026, 1, n)) for n in (1, 2, 3)] == days
    assert len(converters.ISO_DAYS) <= 2
