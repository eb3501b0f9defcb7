"""Exchange rates as data: which rate holds on a day, inverse pairs, triangulation, refusals."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import salesroles as sr
from salesroles import ExchangeRate, ExchangeRates, Money


def rate(source, target, value, day):
    return ExchangeRate(source=source, target=target, rate=value, valid_from=day)


def chf(amount):
    return Money(amount=amount, currency="CHF")


def eur(amount):
    return Money(amount=amount, currency="EUR")


def _codes(call):
    with pytest.raises(sr.ValidationError) as caught:
        call()
    return [(item.path, item.code) for item in caught.value.errors]


TABLE = ExchangeRates(
    rates=[
        rate("CHF", "EUR", "0.95", "2026-01-01"),
        rate("CHF", "EUR", "0.97", "2026-07-01"),
        rate("USD", "EUR", "0.90", "2026-01-01"),
    ]
)


def test_a_rate_holds_from_its_day_until_the_next_rate_of_the_pair():
    """0.95 up to 30 June, 0.97 from 1 July on."""
    assert TABLE.convert(chf("100"), "EUR", on="2026-06-30") == eur("95")
    assert TABLE.convert(chf("100"), "EUR", on=date(2026, 7, 1)) == eur("97")
    assert TABLE.convert(chf("100"), "EUR", on="2030-01-01") == eur("97")


def test_before_the_first_rate_of_a_pair_the_rate_is_missing_naming_pair_and_day():
    """No silent fallback to a later rate: the pair and the day are named."""
    with pytest.raises(sr.ValidationError) as caught:
        TABLE.convert(chf("100"), "EUR", on="2025-12-31")
    (item,) = caught.value.errors
    assert (item.path, item.code) == ("rates", "missing_rate")
    assert item.message.startswith("no rate from CHF to EUR on 2025-12-31;")


def test_the_inverse_pair_is_used_when_only_it_is_given():
    """EUR to CHF divides by the CHF to EUR rate in force that day."""
    assert TABLE.convert(eur("97"), "CHF", on="2026-07-01") == chf("100")
    assert TABLE.convert(eur("1"), "CHF", on="2026-01-01").amount == Decimal(1) / Decimal("0.95")


def test_the_pair_itself_wins_over_its_inverse():
    """Given both directions, a pair converts with its own rate."""
    both = ExchangeRates(
        rates=[rate("EUR", "CHF", "1.10", "2026-01-01"), rate("CHF", "EUR", "0.95", "2026-01-01")]
    )
    assert both.convert(eur("10"), "CHF", on="2026-02-01") == chf("11")
    assert both.convert(chf("10"), "EUR", on="2026-02-01") == eur("9.5")


def test_triangulation_only_when_the_table_names_a_base():
    """CHF to USD has no rate of its own: through EUR only with base="EUR"."""
    with pytest.raises(sr.ValidationError, match="no rate from CHF to USD on 2026-03-01"):
        TABLE.convert(chf("90"), "USD", on="2026-03-01")
    through = ExchangeRates(rates=TABLE.rates, base="EUR")
    converted, used = through.convert_using(chf("90"), "USD", date(2026, 3, 1))
    assert converted == Money(amount=Decimal("85.5") / Decimal("0.90"), currency="USD")
    assert used == (TABLE.rates[0], TABLE.rates[2])


def test_the_same_currency_needs_no_rate():
    """Converting into its own currency returns the amount and uses no rate."""
    assert ExchangeRates().convert_using(eur("5"), "EUR", date(2026, 1, 1)) == (eur("5"), ())


@given(
    amount=st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False),
    factor=st.decimals(min_value=Decimal("0.0001"), max_value=1000, places=4, allow_nan=False),
    day=st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 1, 1)),
)
def test_conversion_is_exact_and_the_inverse_brings_the_amount_back(amount, factor, day):
    """amount * rate exactly; converting back through the inverse pair is the amount again."""
    table = ExchangeRates(rates=[rate("CHF", "EUR", factor, "2026-01-01")])
    there = table.convert(chf(amount), "EUR", on=day)
    assert there.amount == amount * factor  # no rounding: Decimal's exact product
    assert table.convert(there, "CHF", on=day) == chf(amount)


def test_a_bad_rate_names_every_problem():
    """Zero, a float, the same currency twice and a bad day: one error, every field."""
    assert _codes(lambda: ExchangeRate(source="CHF", target="CHF", rate=0, valid_from="soon")) == [
        ("rate", "out_of_range"),
        ("valid_from", "invalid_date"),
        ("target", "invalid_currency"),
    ]
    assert _codes(lambda: rate("CHF", "EUR", 0.95, "2026-01-01")) == [("rate", "float_decimal")]
    assert _codes(lambda: rate("CHF", "ZZZ", "1", "2026-01-01")) == [
        ("target", "invalid_currency")
    ]


def test_two_rates_of_one_pair_on_one_day_are_refused():
    """Which of the two would hold is unknowable: the second is named."""
    assert _codes(
        lambda: ExchangeRates(
            rates=[
                rate("CHF", "EUR", "0.95", "2026-01-01"),
                rate("CHF", "EUR", "0.96", "2026-01-01"),
            ]
        )
    ) == [("rates[1]", "duplicate_rate")]


def test_the_wire_form_is_read_and_written_as_the_issue_shows_it():
    """{"rates": [...]} in, the same out; a float rate is refused by name."""
    data = {
        "rates": [{"source": "CHF", "target": "EUR", "rate": "0.95", "valid_from": "2026-01-01"}]
    }
    table = sr.structure(data, ExchangeRates)
    assert table.rates == (rate("CHF", "EUR", "0.95", "2026-01-01"),)
    assert sr.unstructure(table) == data
    with pytest.raises(sr.ValidationError, match=r"rates\[0\]\.rate: got the float 0.95"):
        sr.structure_json(
            '{"rates": [{"source": "CHF", "target": "EUR", "rate": 0.95,'
            ' "valid_from": "2026-01-01"}]}',
            ExchangeRates,
        )


def test_the_schema_describes_rates_and_base():
    """json_schema(ExchangeRates) has the rate's definition and the optional base."""
    schema = sr.json_schema(ExchangeRates)
    assert schema["$defs"]["ExchangeRate"]["required"] == [
        "source",
        "target",
        "rate",
        "valid_from",
    ]
    assert schema["required"] == []
