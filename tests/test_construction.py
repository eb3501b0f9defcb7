"""Building objects in Python names every problem at once, as structure() does."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import salesroles as sr
from salesroles._wire.fields import wire_classes
from test_convert import STRATEGIES


def _problems(call):
    with pytest.raises(sr.ValidationError) as caught:
        call()
    return [(item.path, item.code) for item in caught.value.errors]


def test_every_missing_argument_is_named_not_only_the_first():
    """Customer(id=...) names name, segment and status, each with what it expects."""
    with pytest.raises(sr.ValidationError) as caught:
        sr.Customer(id="C-1")
    assert [(i.path, i.code) for i in caught.value.errors] == [
        ("name", "missing"),
        ("segment", "missing"),
        ("status", "missing"),
    ]
    assert str(caught.value.errors[1]) == (
        "segment: required but missing; expected one of 'small', 'medium', 'large'"
    )


def test_unknown_missing_and_invalid_arguments_come_together():
    """A misspelt keyword, a bad enum value and an empty name: one error, three problems."""
    assert _problems(
        lambda: sr.Customer(id="C-1", nmae="ACME", name="", segment="huge", status="active")
    ) == [("name", "empty"), ("segment", "invalid_enum"), ("nmae", "unknown_key")]


def test_the_constructor_and_structure_give_the_same_items():
    """Same input as keyword arguments or as a dict: the same paths, codes and messages."""
    data = {"id": "C-1", "nmae": "x", "segment": "larg", "status": "gone", "since": "2026-13-01"}
    with pytest.raises(sr.ValidationError) as built:
        sr.Customer(**data)
    with pytest.raises(sr.ValidationError) as read:
        sr.structure(data, sr.Customer)
    assert built.value.errors == read.value.errors
    assert "did you mean 'name'?" in str(built.value)
    assert "did you mean 'large'?" in str(built.value)


@pytest.mark.parametrize("cls", wire_classes())
@given(data=st.data())
def test_for_every_class_a_dropped_and_an_added_argument_read_as_structure_reads_them(cls, data):
    """Drop one required argument and add an unknown one: the wire's items, in the same order."""
    obj = data.draw(STRATEGIES[cls])
    kwargs = {f.name: getattr(obj, f.name) for f in attrs.fields(cls) if f.init}
    required = [f.name for f in attrs.fields(cls) if f.init and f.default is attrs.NOTHING]
    dropped = data.draw(st.sampled_from(required)) if required else None
    kwargs.pop(dropped, None)
    kwargs["colour"] = "blue"
    with pytest.raises(sr.ValidationError) as built:
        cls(**kwargs)
    wire = sr.unstructure(obj)
    wire.pop(dropped, None)
    wire["colour"] = "blue"
    with pytest.raises(sr.ValidationError) as read:
        sr.structure(wire, cls)
    assert [(i.path, i.code) for i in built.value.errors] == [
        (i.path, i.code) for i in read.value.errors
    ]
    leaf = [i for i in built.value.errors if i.path == dropped]
    if leaf and cls is not sr.Portfolio:
        assert leaf[0].message.startswith("required but missing; expected")


def test_positional_arguments_are_refused_by_name():
    """Money("1", "EUR") says keyword arguments are expected, and what is missing."""
    with pytest.raises(sr.ValidationError) as caught:
        sr.Money("1", "EUR")
    assert str(caught.value).splitlines()[1] == (
        "  got 2 positional arguments; expected keyword arguments only, like Money(amount=...)"
    )
    assert [i.code for i in caught.value.errors] == [
        "positional_argument",
        "missing",
        "missing",
    ]


def test_a_validation_error_is_still_a_value_error_and_carries_no_type_error():
    """Code catching ValueError keeps working; attrs' TypeError does not ride along."""
    with pytest.raises(ValueError, match="required but missing") as caught:
        sr.Period(start="2026-01-01")
    assert caught.value.__context__ is None
    assert caught.value.__cause__ is None


def test_invariants_of_the_good_arguments_are_judged_too():
    """An unknown argument does not hide a period that ends before it starts."""
    assert _problems(lambda: sr.Period(start="2026-02-01", end="2026-01-01", length=3)) == [
        ("length", "unknown_key"),
        ("end", "invalid_period"),
    ]


def test_an_invariant_reading_a_missing_argument_stays_silent():
    """A period with no end cannot be judged for its order: only 'missing' is said."""
    assert _problems(lambda: sr.Period(start="2026-02-01")) == [("end", "missing")]


def test_a_dict_where_a_value_object_belongs_is_refused_saying_what_to_pass():
    """annual_revenue={...} is refused: build a Money, or read the document with structure()."""
    with pytest.raises(sr.ValidationError) as caught:
        sr.Customer(
            id="C-1",
            name="ACME",
            segment="large",
            status="active",
            annual_revenue={"amount": "10", "currency": "EUR"},
        )
    (item,) = caught.value.errors
    assert (item.path, item.code) == ("annual_revenue", "invalid_type")
    assert "build one with Money(...)" in item.message
    assert "salesroles.structure()" in item.message


def test_a_list_of_dicts_where_entities_belong_is_refused_per_item():
    """Portfolio(customers=[{...}]) names the item and says what to pass."""
    assert _problems(lambda: sr.Portfolio(customers=[{"id": "C-1"}])) == [
        ("customers[0]", "invalid_type")
    ]


def test_a_type_error_that_is_not_about_the_arguments_is_left_alone():
    """A converter's own TypeError with arguments that all fit is re-raised as it came."""

    def boom(value):
        raise TypeError("boom")

    @attrs.frozen(kw_only=True)
    class Odd(sr.Money.__mro__[1]):  # Checked, through a public class
        x: int = attrs.field(converter=boom)

    with pytest.raises(TypeError, match="boom"):
        Odd(x=1)


def test_evolve_with_an_unknown_field_names_it_too():
    """attrs.evolve builds through the same constructor: a typo is a ValidationError."""
    money = sr.Money(amount="1", currency="EUR")
    with pytest.raises(sr.ValidationError) as caught:
        sr.Money(**attrs.asdict(money), curency="USD")
    assert "did you mean 'currency'?" in str(caught.value)
