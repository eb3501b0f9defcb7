"""structure / unstructure: lossless round trips, the wire spellings, no lossy coercion."""

import decimal
import json
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import salesroles as sr
from salesroles import testing as srt
from salesroles._wire import fields, structure, unstructure

_TEXT = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() != "")
_IDS = st.from_regex(r"[A-Z][A-Za-z0-9-]{0,8}", fullmatch=True)
_DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))

# A strategy for every public class with an object form (and Cadence, a string on the wire).
STRATEGIES: dict[type, Any] = {
    sr.Money: srt.money(),
    sr.Period: srt.periods(),
    sr.Cadence: st.sampled_from(["FREQ=MONTHLY;BYDAY=+1TU", "FREQ=WEEKLY"]).map(
        lambda rule: sr.Cadence(rule=rule)
    ),
    sr.TeamMember: srt.team_members(),
    sr.ExchangeRate: srt.exchange_rates(),
    sr.ExchangeRates: srt.rate_tables(),
    sr.Customer: srt.customers(),
    sr.Lead: srt.leads(),
    sr.Stakeholder: srt.stakeholders(),
    sr.KeyAccount: srt.key_accounts(),
    sr.AccountPlan: srt.account_plans(),
    sr.Portfolio: srt.portfolios(),
    sr.Product: st.builds(sr.Product, id=_IDS, name=_TEXT),
    sr.CompetitiveThreat: st.builds(
        sr.CompetitiveThreat,
        id=_IDS,
        competitor=_TEXT,
        description=st.none() | _TEXT,
        noted_on=st.none() | _DATES,
    ),
    sr.ProductTarget: st.builds(sr.ProductTarget, product=_IDS, revenue=srt.money()),
    sr.PlanAction: st.builds(
        sr.PlanAction,
        id=_IDS,
        kind=st.sampled_from(sr.ActionKind),
        description=_TEXT,
        due=st.none() | _DATES,
        responds_to=st.none() | _IDS,
    ),
    sr.CommunicationPlan: st.builds(
        sr.CommunicationPlan,
        cadence=st.just("FREQ=MONTHLY"),
        stakeholders=st.lists(_IDS, max_size=3),
        with_marketing=st.booleans(),
    ),
    sr.CustomizationProposal: st.builds(
        sr.CustomizationProposal, id=_IDS, product=_IDS, description=_TEXT
    ),
    sr.ResourceCommitment: st.builds(sr.ResourceCommitment, department=_TEXT, commitment=_TEXT),
    sr.RevenueTarget: srt.revenue_targets(),
    sr.SupplyContract: srt.supply_contracts(),
    sr.Order: srt.orders(),
    sr.Deal: srt.deals(),
    sr.Assignment: srt.assignments(),
}


def _json_ready(value: object) -> bool:
    if isinstance(value, dict):
        return all(type(k) is str and _json_ready(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_json_ready(v) for v in value)
    return type(value) in (str, int, bool)


def test_every_class_with_a_wire_form_has_a_strategy_here():
    assert set(fields.wire_classes()) | {sr.Cadence} == set(STRATEGIES)


@pytest.mark.parametrize("cls", list(STRATEGIES), ids=lambda c: c.__name__)
def test_structure_of_unstructure_is_the_object_again(cls):
    @given(STRATEGIES[cls])
    def check(obj):
        data = sr.unstructure(obj)
        assert _json_ready(data)
        assert sr.structure(data, cls) == obj
        assert sr.structure_json(sr.unstructure_json(obj), cls) == obj
        # The detailed path, which runs only for bad input, reads valid input the same way.
        assert structure._walk(data, cls, True)[0] == obj if cls is not sr.Cadence else True

    check()


@pytest.mark.parametrize("cls", [sr.Customer, sr.KeyAccount, sr.AccountPlan, sr.Order])
def test_branched_and_one_by_one_unstructure_write_the_same_keys_in_the_same_order(cls):
    # Classes with few optional fields get a dict literal per combination of present
    # ones; a class with more would get its optional keys added one by one.
    branched = unstructure.unstructure_function(cls)
    one_by_one = unstructure._compile_unstructure(cls, branched=0)
    assert branched is not one_by_one

    @given(STRATEGIES[cls])
    def check(obj):
        expected = branched(obj)
        assert list(one_by_one(obj).items()) == list(expected.items())
        # Keys come in declaration order, whichever optional fields are left out.
        names = [a.name for a in attrs.fields(cls)]
        assert list(expected) == [name for name in names if name in expected]

    check()


@settings(max_examples=60)
@given(srt.portfolios())
def test_the_portfolio_writes_its_entities_as_their_own_functions_do(portfolio):
    # The portfolio's lists write small objects in place (a conditional expression of
    # dict literals); each class's own function branches with statements.
    data = sr.unstructure(portfolio)
    for f in attrs.fields(sr.Portfolio):
        value = getattr(portfolio, f.name)
        if not isinstance(value, tuple):
            continue
        written = data[f.name]
        assert len(written) == len(value)
        for obj, item in zip(value, written, strict=True):
            own = unstructure.unstructure_function(type(obj))(obj)
            assert list(item.items()) == list(own.items())


def test_a_generated_portfolio_survives_the_round_trip_through_json_text():
    portfolio = srt.generate_portfolio(30)
    text = sr.unstructure_json(portfolio)
    assert json.loads(text) == sr.unstructure(portfolio)
    assert sr.structure_json(text, sr.Portfolio) == portfolio
    assert sr.structure_json(text.encode(), sr.Portfolio) == portfolio


def test_amounts_keep_their_exact_digits():
    data = sr.unstructure(sr.Money(amount="1200000.00", currency="EUR"))
    assert data == {"amount": "1200000.00", "currency": "EUR"}
    assert sr.unstructure(sr.structure(data, sr.Money)) == data
    # str() would write 1E+3; the wire never carries an exponent.
    assert sr.unstructure(sr.Money(amount=Decimal("1E+3"), currency="EUR"))["amount"] == "1000"
    assert sr.unstructure(sr.Money(amount=Decimal("1E-7"), currency="EUR"))["amount"] == (
        "0.0000001"
    )


@given(st.decimals(allow_nan=False, allow_infinity=False), st.booleans())
def test_amounts_are_written_as_format_f_under_any_context(amount, capitals):
    with decimal.localcontext() as context:
        context.capitals = int(capitals)
        written = sr.unstructure(sr.Money(amount=amount, currency="EUR"))["amount"]
    assert written == format(amount, "f")


def test_a_left_out_optional_field_stays_out_and_lists_are_always_there():
    lead = sr.Lead(id="L-1", company="Beta AG", source="marketing", status="new")
    assert sr.unstructure(lead) == {
        "id": "L-1",
        "company": "Beta AG",
        "source": "marketing",
        "status": "new",
    }
    account = sr.unstructure(sr.KeyAccount(customer="C-1"))
    assert account == {"customer": "C-1", "threats": []}
    assert "as_of" not in sr.unstructure(sr.Portfolio())
    assert "currency" not in sr.unstructure(sr.Portfolio())


def test_null_means_the_same_as_leaving_the_field_out():
    nulls = {
        "cadence": "FREQ=MONTHLY",
        "stakeholders": None,
        "with_marketing": None,
    }
    plan = sr.structure(nulls, sr.CommunicationPlan)
    assert plan == sr.CommunicationPlan(cadence="FREQ=MONTHLY")
    lead = sr.structure(
        {"id": "L", "company": "B", "source": "event", "status": "new", "owner": None}, sr.Lead
    )
    assert lead.owner is None


def test_a_key_account_has_no_id_on_the_wire_and_refuses_one():
    assert "id" not in sr.unstructure(sr.KeyAccount(customer="C-1"))
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({"customer": "C-1", "id": "C-1"}, sr.KeyAccount)
    assert [(e.path, e.code) for e in caught.value.errors] == [("id", "unknown_key")]


def test_wire_spellings_of_dates_enums_and_cadences():
    plan = sr.structure(
        {"cadence": "FREQ=WEEKLY", "stakeholders": ["S-1"], "with_marketing": True},
        sr.CommunicationPlan,
    )
    assert plan.cadence == sr.Cadence(rule="FREQ=WEEKLY")
    assert plan.stakeholders == ("S-1",)
    assert sr.unstructure(plan) == {
        "cadence": "FREQ=WEEKLY",
        "stakeholders": ["S-1"],
        "with_marketing": True,
    }
    assert sr.structure("sales_rep", sr.Role) is sr.Role.SALES_REP
    assert sr.unstructure(sr.Role.SALES_REP) == "sales_rep"
    assert sr.structure("FREQ=MONTHLY", sr.Cadence) == sr.Cadence(rule="FREQ=MONTHLY")
    assert sr.unstructure(sr.Cadence(rule="FREQ=MONTHLY")) == "FREQ=MONTHLY"
    period = sr.structure({"start": "2026-01-01", "end": "2026-12-31"}, sr.Period)
    assert period == sr.Period.year(2026)
    assert sr.unstructure([period]) == [{"start": "2026-01-01", "end": "2026-12-31"}]


def test_an_int_amount_is_accepted_and_written_back_as_a_string():
    assert sr.structure({"amount": 12, "currency": "EUR"}, sr.Money).amount == Decimal(12)
    assert sr.unstructure(sr.structure({"amount": 12, "currency": "EUR"}, sr.Money)) == {
        "amount": "12",
        "currency": "EUR",
    }


@pytest.mark.parametrize(
    ("cls", "payload", "path", "expected"),
    [
        (sr.Stakeholder, {"influence": 4.7}, "influence", "expected a whole number"),
        (sr.Stakeholder, {"influence": True}, "influence", "expected a whole number"),
        (sr.Stakeholder, {"name": 12345}, "name", "expected a string"),
        (sr.Stakeholder, {"buying_role": 1}, "buying_role", "expected one of"),
        (sr.SupplyContract, {"products": "abc"}, "products", "expected a list"),
        (sr.SupplyContract, {"term_months": "36"}, "term_months", "expected a whole number"),
        (sr.Money, {"amount": True}, "amount", "expected an amount as a decimal string"),
        (sr.CommunicationPlan, {"with_marketing": 1}, "with_marketing", "expected true or false"),
        (sr.Order, {"placed_on": 20260502}, "placed_on", "expected a date written YYYY-MM-DD"),
        (sr.Order, {"placed_on": "20260502"}, "placed_on", "expected a date written YYYY-MM-DD"),
    ],
)
def test_no_lossy_coercion(cls, payload, path, expected):
    valid = {
        sr.Stakeholder: {"id": "S", "customer": "C", "name": "Eva", "buying_role": "user"},
        sr.SupplyContract: {"id": "K", "customer": "C", "start": "2026-01-01", "term_months": 3},
        sr.Money: {"amount": "1", "currency": "EUR"},
        sr.CommunicationPlan: {"cadence": "FREQ=MONTHLY"},
        sr.Order: {
            "id": "O",
            "customer": "C",
            "placed_on": "2026-05-02",
            "amount": {"amount": "1", "currency": "EUR"},
        },
    }[cls]
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure(valid | payload, cls)
    (error,) = caught.value.errors
    assert error.path == path
    assert expected in error.message


def test_unknown_keys_are_ignored_only_when_asked_to():
    data = {"id": "P-1", "name": "Pumps", "colour": "red"}
    with pytest.raises(sr.ValidationError):
        sr.structure(data, sr.Product)
    assert sr.structure(data, sr.Product, forbid_extra_keys=False) == sr.Product(
        id="P-1", name="Pumps"
    )
    nested = {
        "customers": [{"id": "C", "name": "N", "segment": "small", "status": "active", "x": 1}],
        "y": 2,
    }
    portfolio = sr.structure(nested, sr.Portfolio, forbid_extra_keys=False)
    assert portfolio.customers[0].id == "C"
    text = json.dumps(nested)
    assert sr.structure_json(text, sr.Portfolio, forbid_extra_keys=False) == portfolio
    # Other problems are still reported in full when unknown keys are allowed.
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({"id": "P", "name": 5, "x": 1}, sr.Product, forbid_extra_keys=False)
    assert [e.path for e in caught.value.errors] == ["name"]


def test_the_switch_for_unknown_keys_reaches_lists_and_users_classes():
    @attrs.frozen
    class Upload:
        tenant: str
        products: list[sr.Product]

    products = [{"id": "P-1", "name": "Pumps", "colour": "red"}]
    upload = {"tenant": "acme", "products": products, "sent_at": "noon"}
    assert sr.structure(products, list[sr.Product], forbid_extra_keys=False) == [
        sr.Product(id="P-1", name="Pumps")
    ]
    assert sr.structure(upload, Upload, forbid_extra_keys=False).products[0].id == "P-1"
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure(upload, Upload)
    assert sorted(e.path for e in caught.value.errors) == ["products[0].colour", "sent_at"]


def test_the_converter_is_our_own_and_structures_users_classes():
    @attrs.frozen
    class Invoice:
        number: str
        total: sr.Money
        lines: list[int]
        issued: date
        rate: Decimal
        share: float
        paid: bool
        role: sr.Role

    conv = sr.converter()
    assert conv is sr.converter()
    assert conv is not cattrs.global_converter
    data = {
        "number": "R-1",
        "total": {"amount": "9.90", "currency": "EUR"},
        "lines": [1, 2],
        "issued": "2026-01-31",
        "rate": "0.19",
        "share": 0.5,
        "paid": False,
        "role": "marketing",
    }
    invoice = sr.structure(data, Invoice)
    assert invoice.total == sr.Money(amount="9.90", currency="EUR")
    assert invoice.issued == date(2026, 1, 31)
    assert invoice.role is sr.Role.MARKETING
    assert conv.unstructure(invoice)["issued"] == "2026-01-31"
    assert type(conv.unstructure(invoice)["role"]) is str
    assert conv.unstructure(invoice)["rate"] == "0.19"
    assert sr.unstructure(invoice)["total"] == {"amount": "9.90", "currency": "EUR"}
    assert sr.structure(data | {"share": 2}, Invoice).share == 2.0

    bad = data | {
        "number": 12345,
        "lines": "abc",
        "total": {"amount": 9.9, "currency": "EUR"},
        "issued": "31.01.2026",
        "rate": 0.19,
        "share": "half",
        "paid": "no",
        "role": "boss",
        "extra": 1,
    }
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure(bad, Invoice)
    found = {(e.path, e.code) for e in caught.value.errors}
    assert found == {
        ("number", "invalid_type"),
        ("total.amount", "float_money"),
        ("lines", "invalid_type"),
        ("issued", "invalid_date"),
        ("rate", "float_decimal"),
        ("share", "invalid_type"),
        ("paid", "invalid_type"),
        ("role", "invalid_enum"),
        ("extra", "unknown_key"),
    }
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({"number": "R-1"}, Invoice)
    assert {e.code for e in caught.value.errors} == {"missing"}
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure(
            {"lines": [1, "2"]} | {k: v for k, v in data.items() if k != "lines"}, Invoice
        )
    assert [e.path for e in caught.value.errors] == ["lines[1]"]


def test_lists_of_entities_structure_through_the_converter():
    products = sr.structure([{"id": "P-1", "name": "Pumps"}], list[sr.Product])
    assert products == [sr.Product(id="P-1", name="Pumps")]
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure([{"id": "P-1", "name": ""}], list[sr.Product])
    assert [(e.path, e.code) for e in caught.value.errors] == [("[0].name", "empty")]
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure([{"id": "P-1", "name": "Pumps"}, 5], tuple[sr.Product, ...])
    assert [(e.path, e.code) for e in caught.value.errors] == [("[1]", "invalid_type")]


def test_json_documents_that_are_no_json_are_refused_with_a_code():
    for document in (b"{", "", b"\xff\xfe\x00", "[" * 100_000, "1" * 5000):
        with pytest.raises(sr.ValidationError) as caught:
            sr.structure_json(document, sr.Money)
        assert [e.code for e in caught.value.errors] == ["invalid_json"]
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json(None, sr.Money)  # type: ignore[arg-type]
    assert [e.code for e in caught.value.errors] == ["invalid_json"]


def test_json_floats_are_named_with_the_digits_that_were_sent():
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json('{"amount": 12.50, "currency": "EUR"}', sr.Money)
    (error,) = caught.value.errors
    assert (error.path, error.code) == ("amount", "float_money")
    assert 'got the float 12.50; send the amount as a string like "12.50"' in error.message
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json('{"amount": NaN, "currency": "EUR"}', sr.Money)
    assert "NaN" in caught.value.errors[0].message


def test_unstructure_json_is_compact_utf8_ready_text():
    member = sr.TeamMember(id="sue", name="Sue Lang", role="sales_rep", title="Außendienst")
    assert sr.unstructure_json(member) == (
        '{"id":"sue","name":"Sue Lang","role":"sales_rep","title":"Außendienst"}'
    )


def test_users_dataclasses_and_hooks_report_through_validation_error():
    import dataclasses

    @dataclasses.dataclass
    class Point:
        x: int
        weight: float

    class Odd:
        pass

    def structure_odd(value, _):
        raise ValueError("odd")

    @attrs.frozen
    class Holder:
        odd: Odd

    sr.converter().register_structure_hook(Odd, structure_odd)
    assert sr.structure_json('{"x": 1, "weight": 0.5}', Point) == Point(x=1, weight=0.5)
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({"x": 1, "weight": 1, "wieght": 2}, Point)
    assert [(e.path, e.code) for e in caught.value.errors] == [("wieght", "unknown_key")]
    assert "did you mean 'weight'?" in caught.value.errors[0].message
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({"odd": 1}, Holder)
    assert [(e.path, e.code) for e in caught.value.errors] == [("odd", "invalid_type")]
    assert "odd" in caught.value.errors[0].message


def test_a_custom_check_of_a_field_runs_on_the_fast_path_too():
    from salesroles._model.validation import CHECK, Checked

    def even(value, path, out):
        if type(value) is not int or value % 2:
            message = f"got {value!r}; expected an even number"
            out.append(sr.ErrorItem(path=path, message=message, code="odd"))

    @attrs.frozen(kw_only=True)
    class Pair(Checked):
        n: int = attrs.field(metadata={CHECK: even})

    assert sr.structure({"n": 2}, Pair) == Pair(n=2)
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({"n": 3}, Pair)
    assert [(e.path, e.code) for e in caught.value.errors] == [("n", "odd")]
    with pytest.raises(sr.ValidationError):
        Pair(n=5)


_CODES = st.text(alphabet="AEUZaeßÄ\n1 ", max_size=4) | st.sampled_from(
    ["EUR", "Eur", "ÄÖÜ", "ABC", "XXX", "JPY"]
)


@given(_CODES, st.integers(-3, 1300))
def test_the_inline_constraints_of_the_fast_paths_doubt_exactly_what_is_refused(code, number):
    from salesroles._model.iso4217 import CURRENCIES
    from salesroles._model.validation import CONSTRAINT, DOUBT, bounded, currency

    names = {"_CURRENCIES": CURRENCIES}  # what the generated checks see
    for metadata, value in ((currency(), code), (bounded(1, 1200), number)):
        doubt = eval(metadata[DOUBT].format(v="value"), names, {"value": value})  # noqa: S307
        assert bool(doubt) == (metadata[CONSTRAINT](value) is not None)
    # And both paths refuse what the constraint refuses.
    money = {"amount": "1", "currency": code}
    refused = currency()[CONSTRAINT](code) is not None
    try:
        sr.structure(money, sr.Money)
    except sr.ValidationError as e:
        assert refused
        assert [item.path for item in e.errors] == ["currency"]
    else:
        assert not refused


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            "ABC",
            "got 'ABC', which is not an ISO 4217 currency; expected an ISO 4217 code like \"EUR\"",
        ),
        ("euro", "got 'euro'; expected an ISO 4217 code like \"EUR\""),
    ],
)
def test_a_currency_must_be_on_the_iso_4217_list_not_only_look_like_one(code, message):
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({"amount": "1", "currency": code}, sr.Money)
    assert [(e.path, e.code, e.message) for e in caught.value.errors] == [
        ("currency", "invalid_currency", message)
    ]
    with pytest.raises(sr.ValidationError):
        sr.Money(amount=1, currency=code)
    # "No currency", a fund and a currency without minor unit are codes of the list.
    for listed in ("XXX", "CLF", "JPY", "XAU"):
        assert sr.Money(amount=1, currency=listed).currency == listed


def test_the_schema_offers_exactly_the_currencies_the_library_accepts():
    from salesroles._model.iso4217 import CURRENCIES

    schema = sr.json_schema(sr.Money)
    offered = schema["properties"]["currency"]["enum"]
    assert offered == sorted(CURRENCIES)
    assert {"EUR", "CHF", "USD", "XXX"} <= set(offered)
    assert "ABC" not in offered


def test_attrs_validators_of_users_classes_report_with_their_path():
    @attrs.frozen
    class Invoice:
        number: str = attrs.field(validator=attrs.validators.min_len(3))
        total: sr.Money

    @attrs.frozen
    class Batch:
        invoices: list[Invoice]
        note: str = attrs.field(default="x", validator=attrs.validators.in_(["x", "y"]))
        uses_total: int = attrs.field(default=0)

        @uses_total.validator
        def _reads_another_field(self, _attribute, value):
            if value > len(self.invoices):
                raise ValueError("more than there are invoices")

        def __attrs_post_init__(self):
            if len(self.invoices) > 2:
                raise ValueError("at most two invoices")

    good = {"number": "R-12", "total": {"amount": "1", "currency": "EUR"}}
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({"number": "R", "total": {"amount": 1.5, "currency": "EUR"}}, Invoice)
    assert [(e.path, e.code) for e in caught.value.errors] == [
        ("total.amount", "float_money"),
        ("number", "invalid_value"),
    ]
    assert caught.value.errors[1].message == ("invalid value (Length of 'number' must be >= 3: 1)")
    # Every problem at once: a validator of a field next to one that did not read runs too;
    # one that reads the field that did not read stays silent.
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure(
            {"invoices": [good, good | {"number": "R"}], "note": "z", "uses_total": 9}, Batch
        )
    assert [(e.path, e.code) for e in caught.value.errors] == [
        ("invoices[1].number", "invalid_value"),
        ("note", "invalid_value"),
    ]
    assert (
        caught.value.errors[1].message == "invalid value ('note' must be in ['x', 'y'] (got 'z'))"
    )
    # No single validator refuses: the class's own check speaks, without a field.
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({"invoices": [good] * 3}, Batch)
    assert [(e.path, e.message) for e in caught.value.errors] == [
        ("", "invalid value (at most two invoices)")
    ]
    assert sr.structure({"invoices": [good], "uses_total": 1}, Batch).uses_total == 1


def _codes(data, cls):
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure(data, cls)
    return [(e.path, e.code) for e in caught.value.errors]


def test_validators_found_again_keep_every_other_problem_and_invent_none():
    @attrs.frozen
    class Named:
        n: int = attrs.field(validator=attrs.validators.gt(0))
        name: str = attrs.field(converter=str.upper, validator=attrs.validators.in_({"A", "B"}))

    @attrs.frozen(kw_only=True)
    class Ranged:
        lo: int = 10
        hi: int = attrs.field()
        n: int = attrs.field(validator=attrs.validators.gt(0))

        @hi.validator
        def _above_lo(self, _attribute, value):
            if value < self.lo:  # reads a default that the data left out
                raise ValueError("hi below lo")

    # An unknown key is kept beside the refusal; a converted value is judged converted.
    assert _codes({"n": 0, "name": "a", "zz": 1}, Named) == [
        ("zz", "unknown_key"),
        ("n", "invalid_value"),
    ]
    assert _codes({"n": 1, "name": "a", "extra": 2}, Named) == [("extra", "unknown_key")]
    assert _codes({"hi": 1, "n": 0}, Ranged) == [("hi", "invalid_value"), ("n", "invalid_value")]
    # A mapping's keys stay keys in the path, whatever they hold.
    assert _codes(
        {"": {"n": 0, "name": "a"}, "x.y": {"n": "q", "name": "a"}}, dict[str, Named]
    ) == [
        ("[''].n", "invalid_value"),
        ("['x.y'].n", "invalid_type"),
    ]


def test_a_class_that_cannot_be_rebuilt_field_by_field_still_gets_validation_error():
    @attrs.define(auto_exc=True)
    class Refused(Exception):  # noqa: N818 - an exception class of attrs' own making
        n: int = attrs.field(validator=attrs.validators.gt(0))

    assert _codes({"n": 0}, Refused) == [("", "invalid_type")]

    # String annotations that only attrs.resolve_types could resolve (a local class).
    @attrs.frozen
    class Inner:
        n: "int" = attrs.field(validator=attrs.validators.gt(0))

    @attrs.frozen
    class Outer:
        inner: "Inner"
        k: "int" = attrs.field(validator=attrs.validators.gt(0))

    attrs.resolve_types(Outer, localns={"Inner": Inner})
    attrs.resolve_types(Inner)
    assert _codes({"inner": {"n": 1}, "k": 0}, Outer) == [("k", "invalid_value")]


def test_converters_factories_and_string_annotations_of_users_classes_are_rebuilt_too():
    @attrs.frozen
    class Line:
        code: str = attrs.field(converter=int)  # the converter refuses "abc" in __init__
        notes: "list[str]" = attrs.field(factory=list)
        total: int = attrs.field(default=0, validator=attrs.validators.ge(0))

        @total.validator
        def _not_above_notes(self, _attribute, value):
            if value > 10 * (len(self.notes) + 1):  # reads the factory's default
                raise ValueError("too much for so few notes")

    assert _codes({"code": "abc", "notes": ["n"], "total": -1}, Line) == [
        ("code", "invalid_value"),
        ("total", "invalid_value"),
    ]
    assert _codes({"code": "7", "total": 11}, Line) == [("total", "invalid_value")]
    assert sr.structure({"code": "7", "total": 10}, Line).code == 7


def test_validators_found_again_run_as_init_would_run_them():
    import typing

    @attrs.frozen
    class Converted:
        code: int = attrs.field(converter=attrs.Converter(int))
        base: int = 1
        total: int = attrs.field(
            default=0,
            converter=attrs.Converter(lambda value, self: value + self.base, takes_self=True),
            validator=attrs.validators.gt(10),
        )
        n: int = attrs.field(default=1, validator=attrs.validators.gt(0))

    # attrs.Converter objects take the object too: no false problem, the real one named.
    assert _codes({"code": 7, "n": 0}, Converted) == [
        ("total", "invalid_value"),
        ("n", "invalid_value"),
    ]
    assert sr.structure({"code": 7, "total": 10}, Converted).total == 11

    @attrs.define
    class Mending:
        a: int = attrs.field()
        b: int = attrs.field(validator=attrs.validators.gt(0))
        c: int = attrs.field(validator=attrs.validators.gt(0))

        @a.validator
        def _mend_b(self, _attribute, _value):
            if self.b <= 0:
                self.b = 1

    # A validator that sets another field: that one is judged as it stands then.
    assert _codes({"a": 1, "b": 0, "c": 0}, Mending) == [("c", "invalid_value")]

    @attrs.define
    class Hidden:
        n: int = attrs.field(validator=attrs.validators.gt(0))
        z: int = attrs.field(init=False, default=1, validator=attrs.validators.gt(0))

    # A field __init__ does not take is an unknown key, not a refused value.
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({"n": 1, "z": -5}, Hidden)
    assert [(e.path, e.code) for e in caught.value.errors] == [("z", "unknown_key")]
    assert caught.value.errors[0].message.endswith("expected one of n")

    with attrs.validators.disabled():
        assert _codes({"n": 0, "z": 1}, Hidden) == [("z", "unknown_key")]

    T = typing.TypeVar("T")

    @attrs.define
    class Box(typing.Generic[T]):
        items: list[T] = attrs.field(validator=attrs.validators.min_len(2))

    assert _codes({"items": [1]}, Box[int]) == [("items", "invalid_value")]


def test_what_users_validators_raise_is_told_whatever_it_is():
    import typing

    class Mute(Exception):  # noqa: N818 - a user's exception that cannot say what it is
        def __str__(self):
            raise RuntimeError

    def mute(_instance, _attribute, value):
        if value < 0:
            raise Mute

    def silent(_instance, _attribute, value):
        if value < 0:
            raise ValueError

    untyped = attrs.make_class("Untyped", {"a": attrs.field(validator=mute), "b": attrs.field()})
    T = typing.TypeVar("T")

    @attrs.define
    class Pair(typing.Generic[T]):
        first: T = attrs.field(validator=silent)
        n: int = attrs.field(validator=attrs.validators.gt(0))

    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({"a": -1, "b": 2}, untyped)
    assert [(e.path, e.message) for e in caught.value.errors] == [("a", "invalid value (Mute)")]
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({"first": -1, "n": 0}, Pair[int])
    assert [(e.path, e.message) for e in caught.value.errors] == [
        ("first", "invalid value ()"),
        ("n", "invalid value ('n' must be > 0: 0)"),
    ]
