from datetime import date, datetime, timedelta
from unittest import mock

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

import salesroles as sr
from salesroles import NotFoundError, SupplyContract, TouchpointStatus, ValidationError
from salesroles._model import cadence as values
from salesroles.testing import portfolios, sample_portfolio


def with_contracts():
    return sample_portfolio().add(
        SupplyContract(id="K-NORD", customer="C-NORD", start="2025-12-01", term_months=12),
        SupplyContract(id="K-BAKER", customer="C-BAKER", start="2026-06-01", term_months=6),
    )


def test_contracts_ending_within_six_months_soonest_first():
    soon = sr.renewals(with_contracts())
    assert (soon.on, soon.until) == (date(2026, 11, 27), date(2027, 5, 27))
    assert [(c.contract, c.end_date, c.renewal_date, c.days_left) for c in soon.contracts] == [
        ("K-BAKER", date(2026, 11, 30), date(2026, 12, 1), 3),
        ("K-NORD", date(2026, 11, 30), date(2026, 12, 1), 3),
    ]
    assert soon.summary() == {
        "on": "2026-11-27",
        "until": "2027-05-27",
        "contracts": 2,
        "key_accounts": 1,
    }


def test_a_contract_ending_today_is_listed_one_that_ended_is_not():
    p = with_contracts()
    assert [c.contract for c in sr.renewals(p, as_of=date(2026, 11, 30)).contracts] == [
        "K-BAKER",
        "K-NORD",
    ]
    assert sr.renewals(p, as_of=date(2026, 12, 1)).contracts == ()


def test_the_horizon_is_calendar_months_or_days_its_last_day_included():
    p = with_contracts()
    # Both renew on 1 December: three days out is the 30th, four days out the 1st.
    assert sr.renewals(p, relativedelta(days=3)).contracts == ()
    assert len(sr.renewals(p, timedelta(days=4)).contracts) == 2
    assert len(sr.renewals(p, relativedelta(days=4)).contracts) == 2
    acme = sr.renewals(p, relativedelta(years=2, months=2)).contracts[-1]
    assert (acme.contract, acme.end_date, acme.is_key_account) == (
        "K-ACME",
        date(2028, 12, 31),
        True,
    )
    assert acme.annual_value == sr.Money(amount="800000.00", currency="EUR")


def test_only_contracts_in_force_on_the_day_come_up_for_renewal():
    # K-LATER starts after the day asked about: it is not up for renewal yet, even though
    # its renewal date falls in the horizon.
    p = with_contracts().add(
        SupplyContract(id="K-LATER", customer="C-NORD", start="2026-12-15", term_months=1)
    )
    listed = [c.contract for c in sr.renewals(p, relativedelta(months=3)).contracts]
    assert listed == ["K-BAKER", "K-NORD"]
    on_its_first_day = sr.renewals(p, relativedelta(months=3), as_of="2026-12-15")
    assert [c.contract for c in on_its_first_day.contracts] == ["K-LATER"]
    assert on_its_first_day.contracts[0].renewal_date == date(2027, 1, 15)


@given(portfolios(), st.dates(date(2000, 1, 1), date(2040, 1, 1)), st.integers(1, 800))
def test_renewals_are_exactly_the_contracts_in_force_renewing_in_the_horizon(p, day, days):
    listed = sr.renewals(p, timedelta(days=days), as_of=day)
    until = day + timedelta(days=days)
    expected = {k.id for k in p.contracts if k.start <= day <= k.end_date < until}
    assert {c.contract for c in listed.contracts} == expected
    assert all(day < c.renewal_date <= until for c in listed.contracts)


@pytest.mark.parametrize("within", [relativedelta(months=-1), timedelta(0), 30])
def test_the_horizon_must_reach_ahead(within):
    with pytest.raises(ValidationError) as caught:
        sr.renewals(sample_portfolio(), within)
    assert [e.path for e in caught.value.errors] == ["within"]


def test_renewal_records_use_iso_dates():
    (row, _) = sr.renewals(with_contracts()).to_records()
    assert row == {
        "contract": "K-BAKER",
        "customer": "C-BAKER",
        "name": "Bäckerei Korn",
        "key_account": False,
        "end_date": "2026-11-30",
        "renewal_date": "2026-12-01",
        "days_left": 3,
        "annual_value": None,
        "currency": None,
        "negotiated_by": None,
    }


Q4 = (date(2026, 10, 1), date(2026, 12, 31))


def statuses(schedule):
    return [(t.date, t.status) for t in schedule.touchpoints]


def test_the_first_tuesdays_of_acme_with_the_last_contact_given_per_account():
    s = sr.communication_schedule(
        sample_portfolio(), *Q4, last_contacts={"C-ACME": date(2026, 10, 6)}
    )
    assert statuses(s) == [
        (date(2026, 10, 6), TouchpointStatus.COVERED),
        (date(2026, 11, 3), TouchpointStatus.OVERDUE),
        (date(2026, 12, 1), TouchpointStatus.UPCOMING),
    ]
    assert s.overdue == (s.touchpoints[1],)
    first = s.touchpoints[0]
    assert first.stakeholders == ("S-EVA", "S-TOM", "S-IDA")
    assert first.with_marketing
    assert first.plan == "AP-ACME-2026"
    assert s.without_cadence == ("C-NORD",)
    assert s.summary()["overdue"] == 1


def test_a_contact_after_the_touchpoints_covers_them_and_the_plan_id_wins():
    s = sr.communication_schedule(
        sample_portfolio(),
        *Q4,
        last_contacts={"C-ACME": date(2026, 1, 1), "AP-ACME-2026": date(2026, 11, 20)},
    )
    assert [t.status for t in s.touchpoints] == [
        TouchpointStatus.COVERED,
        TouchpointStatus.COVERED,
        TouchpointStatus.UPCOMING,
    ]


def test_a_plan_with_no_contact_given_is_overdue_and_without_contacts_unknown():
    no_contact = sr.communication_schedule(sample_portfolio(), *Q4, last_contacts={})
    assert [t.status for t in no_contact.touchpoints][:2] == [TouchpointStatus.OVERDUE] * 2
    unknown = sr.communication_schedule(sample_portfolio(), *Q4)
    assert [t.status for t in unknown.touchpoints] == [
        TouchpointStatus.UNKNOWN,
        TouchpointStatus.UNKNOWN,
        TouchpointStatus.UPCOMING,
    ]


def test_touchpoints_count_from_the_plan_start_whatever_the_window():
    p = sample_portfolio()
    p = p.replace(
        attrs.evolve(
            p.plan("AP-ACME-2026"),
            communication=attrs.evolve(
                p.plan("AP-ACME-2026").communication, cadence="FREQ=WEEKLY;INTERVAL=2"
            ),
        )
    )
    # Every other Thursday from 1 January 2026, whether the window starts on a Monday or not.
    a = sr.communication_schedule(p, date(2026, 2, 2), date(2026, 2, 28))
    b = sr.communication_schedule(p, date(2026, 2, 10), date(2026, 2, 28))
    assert [t.date for t in a.touchpoints] == [date(2026, 2, 12), date(2026, 2, 26)]
    assert [t.date for t in b.touchpoints] == [date(2026, 2, 12), date(2026, 2, 26)]


def test_the_schedule_stays_within_the_plans_period():
    s = sr.communication_schedule(sample_portfolio(), date(2026, 12, 15), date(2027, 2, 28))
    assert s.touchpoints == ()
    assert s.end == date(2027, 2, 28)
    later = sr.communication_schedule(
        sample_portfolio(), date(2027, 1, 1), date(2027, 2, 28), as_of=date(2026, 12, 1)
    )
    assert later.touchpoints == ()
    gone = sr.communication_schedule(sample_portfolio(), *Q4, as_of=date(2027, 1, 5))
    assert gone.touchpoints == ()
    assert gone.without_cadence == ()


def test_schedule_records_join_the_stakeholders():
    (row, *_) = sr.communication_schedule(sample_portfolio(), *Q4).to_records()
    assert row == {
        "date": "2026-10-06",
        "plan": "AP-ACME-2026",
        "account": "C-ACME",
        "name": "ACME Chemie AG",
        "stakeholders": "S-EVA, S-TOM, S-IDA",
        "with_marketing": True,
        "status": "unknown",
    }


def test_bad_schedule_arguments_are_refused():
    p = sample_portfolio()
    with pytest.raises(ValidationError) as caught:
        sr.communication_schedule(p, date(2026, 12, 1), date(2026, 11, 1))
    assert [(e.path, e.code) for e in caught.value.errors] == [("end", "invalid_period")]
    with pytest.raises(ValidationError) as caught:
        sr.communication_schedule(p, datetime(2026, 1, 1), date(2026, 11, 1))
    assert [e.path for e in caught.value.errors] == ["start"]
    with pytest.raises(ValidationError) as caught:
        sr.communication_schedule(
            p, *Q4, last_contacts={"C-ACME": "6 Oct 2026", "AP-NORD-2026": None}
        )
    assert [e.path for e in caught.value.errors] == [
        "last_contacts['C-ACME']",
        "last_contacts['AP-NORD-2026']",
    ]
    with pytest.raises(NotFoundError, match="'ann'"):
        sr.communication_schedule(p, *Q4, last_contacts={"ann": date(2026, 10, 1)})
    with pytest.raises(NotFoundError, match="42"):
        sr.communication_schedule(p, *Q4, last_contacts={42: date(2026, 10, 1)})


@given(portfolios(), st.dates(date(2000, 1, 1), date(2040, 1, 1)), st.integers(0, 400))
def test_calendar_never_raises_nor_changes_the_portfolio(p, start, days):
    before = attrs.asdict(p, recurse=False)
    end = start + timedelta(days=days)
    s = sr.communication_schedule(p, start, end, as_of=start, last_contacts={})
    sr.renewals(p, as_of=start)
    assert attrs.asdict(p, recurse=False) == before
    assert all(start <= t.date <= end for t in s.touchpoints)
    assert all(t.status is TouchpointStatus.UPCOMING for t in s.touchpoints)


def test_dates_may_be_iso_strings():
    p = sample_portfolio()
    assert sr.renewals(p, as_of="2028-06-01") == sr.renewals(p, as_of=date(2028, 6, 1))
    by_string = sr.communication_schedule(
        p, "2026-10-01", "2026-12-31", last_contacts={"C-ACME": "2026-10-06"}, as_of="2026-11-27"
    )
    by_date = sr.communication_schedule(
        p, *Q4, last_contacts={"C-ACME": date(2026, 10, 6)}, as_of=date(2026, 11, 27)
    )
    assert by_string == by_date


@pytest.mark.parametrize(
    ("call", "path", "code"),
    [
        (lambda p: sr.renewals(None), "portfolio", "invalid_type"),
        (lambda p: sr.renewals(p, within="6 months"), "within", "invalid_type"),
        (lambda p: sr.renewals(p, within=6), "within", "invalid_type"),
        (lambda p: sr.renewals(p, relativedelta(years=9000)), "within", "out_of_range"),
        (lambda p: sr.renewals(p, timedelta(days=10**7)), "within", "out_of_range"),
        (lambda p: sr.renewals(p, as_of=datetime(2026, 1, 1)), "as_of", "invalid_date"),
        (lambda p: sr.renewals(p, as_of="01/01/2026"), "as_of", "invalid_date"),
        (lambda p: sr.communication_schedule(None, *Q4), "portfolio", "invalid_type"),
        (lambda p: sr.communication_schedule(p, 5, Q4[1]), "start", "invalid_date"),
        (lambda p: sr.communication_schedule(p, Q4[0], "end"), "end", "invalid_date"),
        (lambda p: sr.communication_schedule(p, *Q4, as_of=5), "as_of", "invalid_date"),
        (
            lambda p: sr.communication_schedule(p, *Q4, last_contacts=5),
            "last_contacts",
            "invalid_type",
        ),
        (
            lambda p: sr.communication_schedule(p, *Q4, last_contacts=["C-ACME"]),
            "last_contacts",
            "invalid_type",
        ),
    ],
)
def test_bad_arguments_are_refused_by_name(call, path, code):
    with pytest.raises(ValidationError) as caught:
        call(sample_portfolio())
    assert [(e.path, e.code) for e in caught.value.errors] == [(path, code)]


def test_a_bad_horizon_says_what_is_expected():
    with pytest.raises(ValidationError, match=r"expected a horizon .* relativedelta\(months=6\)"):
        sr.renewals(sample_portfolio(), within="6 months")


# -- on= is the deprecated spelling of as_of= --


@pytest.mark.parametrize(
    "call",
    [
        lambda p, **day: sr.renewals(p, relativedelta(years=3), **day),
        lambda p, **day: sr.communication_schedule(p, *Q4, last_contacts={}, **day),
    ],
)
def test_on_still_works_with_a_warning_and_both_are_refused(call):
    p = sample_portfolio()
    with pytest.warns(DeprecationWarning, match=r"on= is deprecated; use as_of=") as warned:
        old = call(p, on="2026-11-27")
    assert warned[0].filename == __file__
    assert old == call(p, as_of="2026-11-27")
    assert old.as_of == old.on == date(2026, 11, 27)
    with pytest.raises(ValidationError) as caught:
        call(p, as_of="2026-11-27", on="2026-11-27")
    assert [(e.path, e.code) for e in caught.value.errors] == [("as_of", "conflicting_arguments")]
    with (
        pytest.warns(DeprecationWarning, match="on= is deprecated"),
        pytest.raises(ValidationError) as caught,
    ):
        call(p, on="27.11.2026")
    assert [(e.path, e.code) for e in caught.value.errors] == [("as_of", "invalid_date")]


# -- a cadence's search follows the window, not the plan's age --


def test_a_plan_begun_long_ago_reads_only_the_window():
    p = sample_portfolio()
    plan = p.plan("AP-ACME-2026")
    weekly = attrs.evolve(plan.communication, cadence="FREQ=DAILY;INTERVAL=7;BYDAY=MO")
    forever = sr.Period(start="0001-01-01", end="9999-12-31")  # 1 January 1 was a Monday
    p = p.replace(attrs.evolve(plan, period=forever, communication=weekly))
    with mock.patch.object(values, "_period", wraps=values._period) as periods:
        s = sr.communication_schedule(p, *Q4, as_of=Q4[0])
    assert periods.call_count <= 92 // 7 + 3
    assert all(t.date.weekday() == 0 for t in s.touchpoints)
    assert all(((t.date - date(1, 1, 1)).days % 7) == 0 for t in s.touchpoints)


def test_a_generated_book_of_contracts_has_renewals_in_the_next_half_year():
    from dateutil.relativedelta import relativedelta

    from salesroles.testing import generate_portfolio

    p = generate_portfolio(40, seed=4)
    starts = {k.start for k in p.contracts}
    assert len(starts) > 12  # spread over the term, not all on one January day
    assert all(k.is_active(p.as_of) for k in p.contracts)
    soon = sr.renewals(p, relativedelta(months=6))
    assert 4 <= len(soon.contracts) <= 10
    assert all(0 <= k.days_left <= 183 for k in soon.contracts)
