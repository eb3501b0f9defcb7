"""One reader per kind of argument: the same bad value reads alike in every function."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import salesroles as sr
from salesroles.testing import sample_portfolio

P = sample_portfolio()

# Every public function that takes a day to judge at, called with *day*.
DAY_TAKERS = {
    "check": lambda day: sr.check(P, as_of=day),
    "plan_attainment": lambda day: sr.plan_attainment(P, day),
    "Scenario.compare": lambda day: sr.Scenario(before=P).compare(as_of=day),
    "workload": lambda day: sr.workload(P, as_of=day),
    "renewals": lambda day: sr.renewals(P, as_of=day),
    "communication_schedule": lambda day: sr.communication_schedule(
        P, "2026-01-01", "2026-12-31", as_of=day
    ),
}


def refusal(call, value):
    with pytest.raises(sr.ValidationError) as caught:
        call(value)
    (item,) = caught.value.errors
    return item.code, item.message


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("soon", "got 'soon'; expected a date written YYYY-MM-DD"),
        ("27.11.2026", "got '27.11.2026'; expected a date written YYYY-MM-DD"),
        (20261127, "got the number 20261127; expected a date written YYYY-MM-DD"),
        (datetime(2026, 11, 27, 9), "got a datetime; expected a date without a time"),
    ],
)
def test_a_bad_day_reads_alike_in_check_analytics_and_scenarios(bad, message):
    """check, plan_attainment, Scenario.compare and the calendar answer one code and message."""
    answers = {name: refusal(call, bad) for name, call in DAY_TAKERS.items()}
    assert set(answers.values()) == {("invalid_date", message)}


@given(st.text(max_size=12) | st.integers() | st.floats() | st.booleans())
def test_every_day_taker_refuses_junk_with_the_same_answer(junk):
    """Whatever junk comes, the functions that take a day agree on the answer."""
    answers = set()
    for call in DAY_TAKERS.values():
        try:
            call(junk)
        except sr.ValidationError as e:
            answers.add(tuple((item.code, item.message) for item in e.errors))
        else:
            answers.add("accepted")
    assert len(answers) == 1


@pytest.mark.parametrize("bad", [0, -1, True, "3", 1.5])
def test_a_bad_count_reads_alike_in_every_analysis(bad):
    """concentration(top=) and assess_key_accounts(cap=) refuse a count alike."""
    answers = {
        refusal(lambda v: sr.concentration(P, top=v), bad),
        refusal(lambda v: sr.assess_key_accounts(P, cap=v), bad),
    }
    assert len(answers) == 1
    ((code, message),) = answers
    assert code == "out_of_range"
    assert message.endswith("expected a whole number above 0")


def test_a_share_is_read_alike_with_or_without_its_upper_bound():
    """threshold may be 1, carry_share must stay below it; both name the value alike."""
    assert sr.assess_key_accounts(P, threshold=Decimal(1)).threshold == 1
    code, message = refusal(lambda v: sr.decision_team(P, carry_share=v), Decimal(1))
    assert (code, message) == (
        "out_of_range",
        "got the decimal 1; expected a number from 0 up to but not including 1, like 0.5",
    )
    code, message = refusal(lambda v: sr.assess_key_accounts(P, threshold=v), Decimal("1.5"))
    assert message == "got the decimal 1.5; expected a number from 0 to 1, like 0.5"


@pytest.mark.parametrize("share", [0.5, "0.5", Decimal("0.5"), Decimal("0.50")])
def test_a_share_is_any_number_read_exactly(share):
    """A float, a decimal string and a Decimal are one share: floats through their repr."""
    assert sr.assess_key_accounts(P, threshold=share).threshold == Decimal("0.5")
    assert sr.decision_team(P, carry_share=share).carry_share == Decimal("0.5")
    assert sr.assess_key_accounts(P, threshold=0.1).threshold.as_tuple().digits == (1,)


@pytest.mark.parametrize(
    ("bad", "code", "message"),
    [
        (float("nan"), "out_of_range", "got the float nan; expected a finite number"),
        (Decimal("-Inf"), "out_of_range", "got the decimal -Infinity; expected a finite number"),
        (1.5, "out_of_range", "got the float 1.5; expected a number from 0 to 1, like 0.5"),
        (-1, "out_of_range", "got the number -1; expected a number from 0 to 1, like 0.5"),
        ("half", "invalid_decimal", "got 'half'; expected a number or a decimal string"),
        (True, "invalid_decimal", "got the boolean true; expected a number or a decimal string"),
        (None, "invalid_decimal", "got null; expected a number or a decimal string"),
    ],
)
def test_a_bad_share_says_what_came_and_what_was_wanted(bad, code, message):
    got = refusal(lambda v: sr.assess_key_accounts(P, threshold=v), bad)
    assert got[0] == code
    assert got[1].startswith(message)


def test_an_enumeration_argument_reads_as_the_wire_does():
    from salesroles._model.arguments import read_enum

    assert read_enum("large", sr.Segment, "segment") is sr.Segment.LARGE
    assert read_enum(sr.Segment.SMALL, sr.Segment, "segment") is sr.Segment.SMALL
    assert refusal(lambda v: read_enum(v, sr.Segment, "segment"), "larg") == (
        "invalid_enum",
        "got 'larg'; expected one of 'small', 'medium', 'large'; did you mean 'large'?",
    )
    assert refusal(lambda v: read_enum(v, sr.Segment, "segment"), 3) == (
        "invalid_type",
        "got the number 3; expected one of 'small', 'medium', 'large'",
    )
    assert refusal(lambda v: read_enum(v, sr.Segment, "segment"), "huge") == (
        "invalid_enum",
        "got 'huge'; expected one of 'small', 'medium', 'large'",
    )


def test_an_assessment_names_every_bad_limit_at_once():
    """Weights, cap, max_per_manager and threshold are read together, all problems reported."""
    with pytest.raises(sr.ValidationError) as caught:
        sr.assess_key_accounts(
            P, weights="heavy", cap=0, max_per_manager="ten", threshold=Decimal(2)
        )
    assert [(e.path, e.code) for e in caught.value.errors] == [
        ("weights", "invalid_type"),
        ("cap", "out_of_range"),
        ("max_per_manager", "out_of_range"),
        ("threshold", "out_of_range"),
    ]
