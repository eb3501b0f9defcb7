import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesroles import CurrencyMismatchError, Money, MoneyError, SalesRolesError, ValidationError
from salesroles.testing import money


def eur(amount: str | int) -> Money:
    return Money(amount=amount, currency="EUR")


def codes(error: ValidationError) -> list[tuple[str, str]]:
    return [(item.path, item.code) for item in error.errors]


def test_amount_accepts_decimal_int_and_decimal_string_exactly():
    assert eur("12.50").amount == Decimal("12.50")
    assert eur(12).amount == Decimal(12)
    assert Money(amount=Decimal("1200000.00"), currency="EUR").amount.as_tuple().exponent == -2


def test_amount_keeps_its_digits():
    assert str(eur("1200000.00")) == "1200000.00 EUR"
    assert format(eur("1000").amount, "f") == "1000"
    assert eur("0.10").amount.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (1.5, "float_money"),
        (float("nan"), "float_money"),
        (Decimal("NaN"), "out_of_range"),
        (Decimal("Infinity"), "out_of_range"),
        (Decimal("-Infinity"), "out_of_range"),
        ("12,50", "invalid_decimal"),
        ("1e3", "invalid_decimal"),
        (" 12.50", "invalid_decimal"),
        ("NaN", "invalid_decimal"),
        (True, "invalid_decimal"),
        (None, "invalid_decimal"),
    ],
)
def test_amount_refuses_floats_nan_infinity_and_malformed_strings(amount, code):
    with pytest.raises(ValidationError) as caught:
        Money(amount=amount, currency="EUR")
    assert codes(caught.value) == [("amount", code)]


def test_float_amount_message_says_what_to_send():
    with pytest.raises(ValidationError, match=r'send the amount as a string like "12.50"'):
        Money(amount=0.1, currency="EUR")


@pytest.mark.parametrize("currency", ["eur", "EURO", "E1R", "", "€", 978])
def test_malformed_currency_codes_are_refused(currency):
    with pytest.raises(ValidationError) as caught:
        Money(amount=1, currency=currency)
    assert caught.value.errors[0].path == "currency"


def test_all_problems_are_reported_at_once():
    with pytest.raises(ValidationError) as caught:
        Money(amount=1.5, currency="euro")
    assert codes(caught.value) == [("amount", "float_money"), ("currency", "invalid_currency")]
    assert str(caught.value).splitlines()[0] == "2 problems:"


def test_arithmetic_with_the_same_currency_is_exact():
    assert eur("0.10") + eur("0.20") == eur("0.30")
    assert eur("1.00") - eur("0.01") == eur("0.99")
    assert -eur("5") == eur("-5")
    assert eur("19.99") * 3 == eur("59.97")
    assert 3 * eur("19.99") == eur("59.97")
    assert eur("10") * Decimal("0.5") == eur("5.0")
    assert eur("10") / 4 == eur("2.5")
    assert eur("30") / eur("120") == Decimal("0.25")
    assert sum([eur("1"), eur("2")]) == eur("3")


def test_mixing_currencies_raises_a_salesroles_error():
    usd = Money(amount=1, currency="USD")
    for operation in (
        lambda: eur(1) + usd,
        lambda: eur(1) - usd,
        lambda: eur(1) < usd,
        lambda: eur(1) / usd,
    ):
        with pytest.raises(CurrencyMismatchError) as caught:
            operation()
        assert isinstance(caught.value, SalesRolesError)
        assert isinstance(caught.value, TypeError)
        assert "EUR and USD" in str(caught.value)


@pytest.mark.parametrize("factor", [1.5, True, "2", None, Decimal("NaN")])
def test_multiplying_by_anything_but_an_int_or_decimal_raises(factor):
    with pytest.raises(MoneyError):
        eur(1) * factor


def test_dividing_by_a_float_raises():
    with pytest.raises(MoneyError, match="floats lose cents"):
        eur(1) / 0.5


def test_adding_a_non_money_is_not_supported():
    with pytest.raises(TypeError):
        eur(1) + 1
    with pytest.raises(TypeError):
        eur(1) - 1
    with pytest.raises(TypeError):
        5 + eur(1)


def test_comparison_within_one_currency():
    assert eur(1) < eur(2) <= eur(2)
    assert eur(3) > eur(2) >= eur(2)
    assert eur("1.0") == eur("1.00")
    assert hash(eur("1.0")) == hash(eur("1.00"))
    with pytest.raises(MoneyError):
        eur(1) < 2  # noqa: B015


def test_money_is_frozen_hashable_and_picklable():
    price = eur("9.99")
    assert pickle.loads(pickle.dumps(price)) == price
    assert {price: 1}[eur("9.99")] == 1


def test_zero_starts_a_sum():
    assert sum([eur(1), eur(2)], Money.zero("EUR")) == eur(3)


amounts = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False)


@given(amounts, amounts, amounts)
def test_addition_is_associative_and_commutative(a, b, c):
    x, y, z = eur(a), eur(b), eur(c)
    assert (x + y) + z == x + (y + z)
    assert x + y == y + x


@given(amounts, amounts)
def test_subtraction_undoes_addition(a, b):
    assert (eur(a) + eur(b)) - eur(b) == eur(a)


@given(amounts, st.integers(min_value=-1000, max_value=1000))
def test_multiplication_by_an_int_is_repeated_addition(a, n):
    assert eur(a) * n == Money(amount=a * n, currency="EUR")
    assert (eur(a) * n).amount == a * n


@given(money(), money())
def test_comparison_agrees_with_amounts_or_raises_for_two_currencies(x, y):
    if x.currency == y.currency:
        assert (x < y) == (x.amount < y.amount)
    else:
        with pytest.raises(CurrencyMismatchError):
            x < y  # noqa: B015


@given(money())
def test_generated_money_is_valid_and_pickles(m):
    assert pickle.loads(pickle.dumps(m)) == m
    assert m.amount.is_finite()


@pytest.mark.parametrize("amount", ["١٢.٥", "１２"])  # noqa: RUF001 - lookalike digits on purpose
def test_only_ascii_digits_make_an_amount(amount):
    with pytest.raises(ValidationError):
        Money(amount=amount, currency="EUR")


def test_sums_are_exact_or_refused_never_rounded():
    big = Money(amount="12345678901234567890123456789.01", currency="EUR")
    assert (big + eur("0.01")).amount == Decimal("12345678901234567890123456789.02")
    huge = Money(amount=Decimal("1E+99"), currency="EUR")
    with pytest.raises(MoneyError, match="exactly"):
        huge + eur("0.01")


def test_dividing_by_zero_raises_a_money_error():
    with pytest.raises(MoneyError, match="by zero"):
        eur(1) / 0
    with pytest.raises(MoneyError, match="by zero"):
        eur(1) / eur(0)


@pytest.mark.parametrize("amount", ["1" * 33, 10**30, -(10**30)])
def test_amounts_longer_than_the_wire_allows_are_refused(amount):
    with pytest.raises(ValidationError) as caught:
        Money(amount=amount, currency="EUR")
    assert caught.value.errors[0].code == "out_of_range"
    assert "at most" in caught.value.errors[0].message


@pytest.mark.parametrize(
    ("amount", "width"),
    [(Decimal("1E+40"), 41), (Decimal("-1E-31"), 34), (Decimal("0." + "1" * 31), 33)],
)
def test_an_amount_wider_than_the_wire_is_held_but_structure_refuses_it(amount, width):
    import salesroles

    # The model holds it (a product of two long amounts is as wide), and writes it out;
    # structure refuses it, given in Python as in JSON, so that what it accepts reads back.
    held = Money(amount=amount, currency="EUR")
    assert len(salesroles.unstructure(held)["amount"]) == width
    for data in ({"amount": amount, "currency": "EUR"}, salesroles.unstructure(held)):
        with pytest.raises(ValidationError) as caught:
            salesroles.structure(data, Money)
        (item,) = caught.value.errors
        assert (item.path, item.code) == ("amount", "out_of_range")
        assert "at most 32" in item.message
    with pytest.raises(ValidationError, match=f"{width} characters written out"):
        salesroles.structure({"amount": amount, "currency": "EUR"}, Money)


def test_an_amount_as_wide_as_the_wire_carries_is_accepted_from_python():
    import salesroles

    for amount in (Decimal("1" * 32), Decimal("-0." + "1" * 29), Decimal("1E+30"), Decimal(0)):
        money = salesroles.structure({"amount": amount, "currency": "EUR"}, Money)
        assert money.amount == amount
        assert salesroles.structure(salesroles.unstructure(money), Money) == money


_DIVISORS = st.integers(1, 10**6) | st.decimals(
    min_value=Decimal("0.001"), max_value=Decimal(10**6), places=3, allow_nan=False
).filter(bool)


@given(money(), _DIVISORS)
def test_a_money_quotient_can_be_sent_and_read_back(amount, divisor):
    import salesroles

    quotient = amount / divisor
    assert abs(quotient.amount - amount.amount / Decimal(divisor)) <= Decimal("1e-27") * max(
        1, abs(quotient.amount)
    )
    assert salesroles.structure(salesroles.unstructure(quotient), Money) == quotient


def test_division_rounds_the_same_whatever_the_decimal_context():
    import decimal

    ten = Money(amount="10", currency="EUR")
    with decimal.localcontext() as context:
        context.prec = 5
        context.rounding = decimal.ROUND_DOWN
        inside = (ten / 3, ten / Money(amount="3", currency="EUR"))
    assert inside == (ten / 3, ten / Money(amount="3", currency="EUR"))
    assert str(inside[1]) == "3.333333333333333333333333333"
    # 28 digits of a small quotient need more than the wire's 32 characters: it keeps 30 places.
    assert str((Money(amount="0.0001", currency="EUR") / 3).amount) == (
        "0.000033333333333333333333333333"
    )


def test_a_quotient_too_large_for_the_wire_is_kept_whole():
    big = Money(amount=10**29, currency="EUR") / Decimal("0.001")
    assert big.amount == 10**32  # 33 digits: no rounding of places can make it fit
    assert len(format(big.amount, "f")) == 33


def test_division_keeps_to_its_own_context_and_its_own_errors():
    import decimal

    import salesroles

    small = Money(amount="0.0001", currency="EUR")
    with decimal.localcontext(prec=3, Emin=-20, traps=[decimal.Subnormal]):
        assert str((small / 3).amount) == "0.000033333333333333333333333333"
    negative = Money(amount="-1", currency="EUR") / Decimal("7E+35")
    assert len(salesroles.unstructure(negative)["amount"]) <= 32
    assert salesroles.structure(salesroles.unstructure(negative), Money) == negative
    with pytest.raises(MoneyError, match="too large"):
        Money(amount="10", currency="EUR") / Decimal("1E-999999")


def test_a_negative_quotient_whose_whole_part_is_too_long_is_kept_whole():
    big = Money(amount=-int("9" * 30), currency="EUR") / Decimal("0.07")
    assert len(format(big.amount, "f")) == 33
    assert big.amount == Decimal(-int("9" * 30)) / Decimal("0.07")


@pytest.mark.parametrize(
    ("amount", "currency", "rounded"),
    [
        ("2.345", "EUR", "2.34"),  # half to even
        ("2.355", "EUR", "2.36"),
        ("1234.5", "JPY", "1234"),
        ("1.23456", "BHD", "1.235"),
        ("-0.001", "EUR", "0.00"),
        ("1.23456", "XXX", "1.23456"),  # no minor unit: unchanged
        ("1.23456", "XAU", "1.23456"),
    ],
)
def test_round_goes_to_the_currencys_minor_unit(amount, currency, rounded):
    result = Money(amount=amount, currency=currency).round()
    assert str(result.amount) == rounded
    assert result.currency == currency


def test_round_takes_any_decimal_rounding_mode_and_refuses_others():
    assert Money(amount="2.345", currency="EUR").round("ROUND_HALF_UP").amount == Decimal("2.35")
    assert Money(amount="2.341", currency="EUR").round("ROUND_CEILING").amount == Decimal("2.35")
    with pytest.raises(ValidationError) as caught:
        Money(amount="1", currency="EUR").round("up")
    assert [(e.path, e.code) for e in caught.value.errors] == [("rounding", "invalid_type")]
    assert "ROUND_HALF_EVEN" in caught.value.errors[0].message


def test_a_third_keeps_its_digits_until_rounded():
    third = Money(amount="100", currency="EUR") / 3
    assert len(third.amount.as_tuple().digits) == 28
    assert third.round() == Money(amount="33.33", currency="EUR")


def test_money_formats_by_a_decimal_spec_with_its_currency():
    m = Money(amount="1234567.891", currency="EUR")
    assert f"{m:,.2f}" == "1,234,567.89 EUR"
    assert format(m, ".0f") == "1234568 EUR"
    assert f"{m}" == "1234567.891 EUR"
    assert f"{Money(amount='-0.001', currency='EUR'):,.2f}" == "0.00 EUR"
    assert f"{Money(amount='-0.01', currency='EUR'):,.2f}" == "-0.01 EUR"
