"""Whatever structure accepts, unstructure writes back in a form structure accepts again.

A value given in Python (a Decimal of any width, a float in a fraction) must
not slip past ``structure`` when the wire cannot carry it: the service that
accepted it would then write a document that it, and the JSON Schema, refuse.
"""

import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import salesroles as sr

# Every kind of number Python or JSON can bring, of every width, and near-numbers as text.
NUMBERS = (
    st.decimals()
    | st.integers(0, 40).flatmap(
        lambda places: st.decimals(allow_nan=False, allow_infinity=False, places=places)
    )
    | st.integers()
    | st.integers(-(10**31), 10**31)
    | st.floats()
    | st.text(st.sampled_from("0123456789.-eE+"), max_size=40)
    | st.booleans()
    | st.none()
)
NUMBER_CODES = {"out_of_range", "invalid_decimal", "float_money", "float_decimal"}


def _schema_accepts(cls, data) -> bool:
    return Draft202012Validator(sr.json_schema(cls)).is_valid(data)


def _round_trips(obj, cls) -> None:
    written = sr.unstructure(obj)
    assert sr.structure(written, cls) == obj
    assert sr.structure_json(sr.unstructure_json(obj), cls) == obj
    assert sr.unstructure(sr.structure(written, cls)) == written  # the digits, too
    assert _schema_accepts(cls, written)


def _refused_for_its_number(data, cls, path) -> sr.ValidationError | None:
    try:
        sr.structure(data, cls)
    except sr.ValidationError as e:
        assert [item.path for item in e.errors] == [path]
        assert {item.code for item in e.errors} <= NUMBER_CODES
        return e
    return None


@given(NUMBERS)
@example(Decimal("1E+40"))
@example(Decimal("1E-40"))
@example(Decimal("-0E-31"))
@example(Decimal("9" * 32))
@example(Decimal("NaN"))
@example(Decimal("-Infinity"))
@example(10**30 - 1)
def test_every_amount_structure_accepts_round_trips(amount):
    data = {"amount": amount, "currency": "EUR"}
    if _refused_for_its_number(data, sr.Money, "amount") is None:
        money = sr.structure(data, sr.Money)
        _round_trips(money, sr.Money)
        assert money.amount == Decimal(amount)  # an int or a decimal string, read exactly


@given(NUMBERS, st.sampled_from(["growth_potential", "share_of_wallet"]))
@example(0.1, "growth_potential")
@example(5e-324, "share_of_wallet")
@example(float("nan"), "share_of_wallet")
@example(Decimal("0." + "1" * 40), "growth_potential")
def test_every_fraction_structure_accepts_round_trips(figure, field):
    data = {"id": "C", "name": "N", "segment": "large", "status": "active", field: figure}
    if figure is None or _refused_for_its_number(data, sr.Customer, field) is not None:
        return
    customer = sr.structure(data, sr.Customer)
    _round_trips(customer, sr.Customer)
    read = getattr(customer, field)
    if isinstance(figure, float):
        assert read == Decimal(repr(figure))  # 0.1 is Decimal("0.1"), not the binary float
    elif not isinstance(figure, str):
        assert read == figure


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_a_json_float_in_a_fraction_reads_as_the_same_float_given_in_python(figure):
    data = {"id": "C", "name": "N", "segment": "large", "status": "active", "growth_potential": 0}
    data["growth_potential"] = figure
    try:
        expected = sr.structure(data, sr.Customer)
    except sr.ValidationError as e:
        with pytest.raises(sr.ValidationError) as caught:
            sr.structure_json(json.dumps(data), sr.Customer)
        assert [i.code for i in caught.value.errors] == [i.code for i in e.errors]
    else:
        assert sr.structure_json(json.dumps(data), sr.Customer) == expected


def test_a_json_float_in_a_fraction_is_read_as_the_decimal_that_was_written():
    # More digits than a binary float holds: read as written, not as the nearest float.
    document = (
        '{"id": "C", "name": "N", "segment": "large", "status": "active",'
        ' "growth_potential": 0.12345678901234567890123, "share_of_wallet": 1E-3}'
    )
    customer = sr.structure_json(document, sr.Customer)
    assert customer.growth_potential == Decimal("0.12345678901234567890123")
    assert customer.share_of_wallet == Decimal("0.001")
    assert sr.unstructure(customer)["share_of_wallet"] == "0.001"
    # A JSON float amount stays refused by name.
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json('{"amount": 0.22, "currency": "EUR"}', sr.Money)
    assert [i.code for i in caught.value.errors] == ["float_money"]


@pytest.mark.parametrize(
    ("constant", "quoted"),
    [
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("-Infinity", "-Infinity"),
        ("1e400", "1E+400"),
        ("1e-40", "42 characters"),
        # Beyond what a Decimal holds: its float is 0.0, which is not what was sent.
        ("1e-99999999999999999999", "1e-99999999999999999999"),
        ("-1e99999999999999999999", "-1e99999999999999999999"),
    ],
)
def test_a_json_figure_that_is_no_finite_fraction_is_refused_quoting_what_was_sent(
    constant, quoted
):
    document = (
        '{"id": "C", "name": "N", "segment": "large", "status": "active",'
        f' "growth_potential": {constant}}}'
    )
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json(document, sr.Customer)
    (item,) = caught.value.errors
    assert (item.path, item.code) == ("growth_potential", "out_of_range")
    assert quoted in item.message


@attrs.frozen
class Rate:
    rate: Decimal


@given(st.decimals() | st.integers() | st.floats())
@example(Decimal("NaN"))
@example(Decimal("1E+40"))
@example(10**40)
@example(float("inf"))
def test_a_decimal_of_the_users_own_class_round_trips_too(rate):
    try:
        read = sr.structure({"rate": rate}, Rate)
    except sr.ValidationError as e:
        codes = {item.code for item in e.errors}
        if isinstance(rate, float):  # it may be money: a float is refused by name
            assert codes == {"float_decimal"}
        elif isinstance(rate, Decimal) and rate.is_finite():
            assert codes == {"out_of_range"}
            assert len(format(rate, "f")) > 32
        else:
            assert codes == {"out_of_range"}
        return
    written = sr.unstructure(read)
    assert sr.structure(written, Rate) == read
    assert sr.structure_json(json.dumps(written), Rate) == read
    assert read.rate == rate
