"""Bad input: every problem at once, each with its path, a message and a stable code."""

import copy
import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import salesroles as sr
from salesroles._wire.fields import wire_classes
from salesroles.testing import sample_portfolio


def _sample() -> dict:
    return sr.unstructure(sample_portfolio())


def _problems(data, cls=sr.Portfolio) -> list[tuple[str, str]]:
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure(data, cls)
    return [(e.path, e.code) for e in caught.value.errors]


class JsonText(str):
    """A payload of EVERY_CODE sent as JSON text, for what only text can hold."""

    __slots__ = ()


RATE = {"source": "CHF", "target": "EUR", "rate": "0.95", "valid_from": "2026-01-01"}


def _error(data, cls) -> sr.ErrorItem:
    """The one problem of *data*: structured, or read as JSON text first if it is JsonText."""
    read = sr.structure_json if isinstance(data, JsonText) else sr.structure
    with pytest.raises(sr.ValidationError) as caught:
        read(data, cls)
    (error,) = caught.value.errors
    return error


@attrs.frozen
class Rate:
    """A class of the user's: a plain Decimal may be money, so it takes no float."""

    rate: Decimal


MONEY = {"amount": "1.00", "currency": "EUR"}
PRODUCT = {"id": "P-1", "name": "Pumps"}
CUSTOMER = {"id": "C", "name": "N", "segment": "large", "status": "active"}

# (class, payload, path, code, what the message must say)
EVERY_CODE = [
    (sr.Product, {"id": "P-1", "name": 12345}, "name", "invalid_type", "got the number 12345"),
    (sr.Product, {"id": "P-1", "name": "  "}, "name", "empty", "expected some text"),
    (sr.Product, {"id": "P-1"}, "name", "missing", "required but missing; expected a string"),
    (sr.Product, PRODUCT | {"nmae": "x"}, "nmae", "unknown_key", "did you mean 'name'?"),
    (sr.Product, [PRODUCT], "", "invalid_type", "expected an object (a Product)"),
    (
        sr.Period,
        {"start": "2026-02-30", "end": "2026-12-31"},
        "start",
        "invalid_date",
        "expected a date written YYYY-MM-DD",
    ),
    (
        sr.Period,
        {"start": "2026-12-31", "end": "2026-01-01"},
        "end",
        "invalid_period",
        "before start 2026-12-31",
    ),
    (sr.Money, {"amount": "12,50", "currency": "EUR"}, "amount", "invalid_decimal", "'12,50'"),
    (sr.Money, {"amount": 12.5, "currency": "EUR"}, "amount", "float_money", '"12.50"'),
    (
        sr.Money,
        {"amount": Decimal("1E+40"), "currency": "EUR"},
        "amount",
        "out_of_range",
        "got the decimal 1E+40, 41 characters written out; expected at most 32",
    ),
    (
        sr.Customer,
        CUSTOMER | {"share_of_wallet": float("nan")},
        "share_of_wallet",
        "out_of_range",
        "got the float nan; expected a finite number",
    ),
    (
        sr.Customer,
        JsonText(
            '{"id": "C", "name": "N", "segment": "large", "status": "active", '
            '"growth_potential": 1e-40}'
        ),
        "growth_potential",
        "out_of_range",
        "42 characters written out; expected at most 32",
    ),
    (sr.Money, {"amount": "1", "currency": "eur"}, "currency", "invalid_currency", "ISO 4217"),
    (
        sr.AccountPlan,
        {
            "id": "AP",
            "account": "C",
            "owner": "M",
            "period": {"start": "2026-01-01", "end": "2026-12-31"},
            "profitability_target": "22 %",
        },
        "profitability_target",
        "invalid_decimal",
        "got '22 %'; expected a number or a decimal string like \"0.22\"",
    ),
    (Rate, {"rate": 0.19}, "rate", "float_decimal", 'send it as a string like "0.22"'),
    (
        sr.Customer,
        CUSTOMER | {"segment": "huge"},
        "segment",
        "invalid_enum",
        "got 'huge'; expected one of 'small', 'medium', 'large'",
    ),
    (
        sr.Customer,
        CUSTOMER | {"segment": "larg"},
        "segment",
        "invalid_enum",
        "got 'larg'; expected one of 'small', 'medium', 'large'; did you mean 'large'?",
    ),
    (
        sr.Customer,
        CUSTOMER | {"segment": 3},
        "segment",
        "invalid_type",
        "got the number 3; expected one of 'small', 'medium', 'large'",
    ),
    (
        sr.Product,
        JsonText('{"id": "P-1", "name": "Pumps", "name": "Pumpen"}'),
        "name",
        "duplicate_key",
        "got the key 'name' twice in one object; expected each key once",
    ),
    (
        sr.Stakeholder,
        {"id": "S", "customer": "C", "name": "E", "buying_role": "user", "influence": 9},
        "influence",
        "out_of_range",
        "expected a whole number from 1 to 5",
    ),
    (
        sr.CommunicationPlan,
        {"cadence": "FREQ=SOMETIMES"},
        "cadence",
        "invalid_cadence",
        "does not parse",
    ),
    (
        sr.AccountPlan,
        {
            "id": "AP",
            "account": "C",
            "owner": "M",
            "period": {"start": "2026-01-01", "end": "2026-12-31"},
            "product_targets": [
                {"product": "P", "revenue": MONEY},
                {"product": "P", "revenue": MONEY},
            ],
        },
        "product_targets[1].product",
        "duplicate_product",
        "targeted twice",
    ),
    (
        sr.AccountPlan,
        {
            "id": "AP",
            "account": "C",
            "owner": "M",
            "period": {"start": "2026-01-01", "end": "2026-12-31"},
            "product_targets": [
                {"product": "P", "revenue": MONEY},
                {"product": "Q", "revenue": {"amount": "1", "currency": "USD"}},
            ],
        },
        "product_targets[1].revenue.currency",
        "currency_mismatch",
        "share one currency",
    ),
    (
        sr.Portfolio,
        {"products": [PRODUCT, PRODUCT]},
        "products[1].id",
        "duplicate_id",
        "'P-1' is already the id of a product at products[0]",
    ),
    (
        sr.Portfolio,
        {
            "customers": [{"id": "C", "name": "N", "segment": "large", "status": "active"}],
            "key_accounts": [{"customer": "C"}, {"customer": "C"}],
        },
        "key_accounts[1].customer",
        "duplicate_key_account",
        "already a key account",
    ),
    (
        sr.Portfolio,
        {
            "team": [{"id": "ann", "name": "Ann", "role": "account_manager"}],
            "deals": [{"id": "D", "customer": "C", "stage": "won", "owner": "ann"}],
        },
        "deals[0].customer",
        "dangling_reference",
        "'C' names nothing in this portfolio; expected the id of a customer",
    ),
    (
        sr.Portfolio,
        {
            "products": [PRODUCT],
            "leads": [
                {"id": "L", "company": "B", "source": "event", "status": "new", "owner": "P-1"}
            ],
        },
        "leads[0].owner",
        "wrong_reference",
        "'P-1' is a product; expected the id of a team member",
    ),
    (
        sr.ExchangeRates,
        {"rates": [RATE, RATE | {"rate": "0.96"}]},
        "rates[1]",
        "duplicate_rate",
        "expected one rate per pair and day",
    ),
]


@pytest.mark.parametrize(
    ("cls", "payload", "path", "code", "message"),
    EVERY_CODE,
    ids=[f"{row[3]}-{row[0].__name__}" for row in EVERY_CODE],
)
def test_every_error_code_names_its_path_and_what_was_expected(cls, payload, path, code, message):
    error = _error(payload, cls)
    assert (error.path, error.code) == (path, code)
    assert message in error.message


def test_every_code_of_the_model_is_shown_above():
    shown = {row[3] for row in EVERY_CODE} | {"invalid_json"}  # invalid_json: test_convert
    assert shown >= {
        "invalid_type", "empty", "invalid_date", "invalid_decimal", "float_decimal",
        "float_money", "invalid_enum", "invalid_currency", "out_of_range", "invalid_period",
        "invalid_cadence", "duplicate_product", "currency_mismatch", "duplicate_id",
        "duplicate_key_account", "dangling_reference", "wrong_reference", "missing",
        "unknown_key", "duplicate_key", "duplicate_rate",
    }  # fmt: skip


def test_all_problems_of_a_document_come_at_once_with_their_paths():
    data = _sample()
    data["customers"][1]["colour"] = "red"
    data["customers"][1]["segment"] = "huge"
    data["leads"][0] = "junk"
    data["stakeholders"][0]["influence"] = True
    data["plans"][0]["owner"] = "nobody"
    data["plans"][0]["period"]["end"] = "2025-01-01"
    data["plans"][0]["communication"]["cadence"] = "FREQ=HOURLY"
    data["orders"][0]["amount"]["amount"] = 12.5
    data["orders"][0]["placed_on"] = "2026-13-01"
    assert _problems(data) == [
        ("customers[1].segment", "invalid_enum"),
        ("customers[1].colour", "unknown_key"),
        ("leads[0]", "invalid_type"),
        ("stakeholders[0].influence", "invalid_type"),
        ("plans[0].period.end", "invalid_period"),
        ("plans[0].communication.cadence", "invalid_cadence"),
        ("orders[0].placed_on", "invalid_date"),
        ("orders[0].amount.amount", "float_money"),
        ("plans[0].owner", "dangling_reference"),
    ]


def test_str_of_the_error_lists_one_problem_per_line():
    data = {"id": "P-1", "name": "", "colour": "red"}
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure(data, sr.Product)
    assert str(caught.value).splitlines() == [
        "2 problems:",
        "  name: got an empty string; expected some text",
        "  colour: unknown key 'colour' in a Product; expected one of id, name",
    ]


def test_a_broken_entry_still_counts_for_its_id_so_references_to_it_do_not_dangle():
    data = _sample()
    acme = next(i for i, c in enumerate(data["customers"]) if c["id"] == "C-ACME")
    data["customers"][acme]["status"] = "gone"  # ACME is referenced all over the sample
    assert _problems(data) == [(f"customers[{acme}].status", "invalid_enum")]


def test_a_broken_entry_still_has_its_own_references_checked():
    data = _sample()
    data["plans"][0]["period"] = {"start": "2026-01-01"}
    data["plans"][0]["owner"] = "nobody"
    data["plans"][0]["product_targets"][0]["product"] = "P-NONE"
    data["plans"][0]["product_targets"][1] = 7
    assert _problems(data) == [
        ("plans[0].period.end", "missing"),
        ("plans[0].product_targets[1]", "invalid_type"),
        ("plans[0].owner", "dangling_reference"),
        ("plans[0].product_targets[0].product", "dangling_reference"),
    ]


def test_a_broken_entry_with_a_taken_id_is_a_duplicate_too():
    data = _sample()
    data["products"].append({"id": "P-PUMP", "name": ""})
    assert _problems(data) == [
        ("products[3].name", "empty"),
        ("products[3].id", "duplicate_id"),
    ]


def test_references_are_checked_when_only_the_portfolio_fields_are_wrong():
    data = _sample()
    data["as_of"] = "27.11.2026"
    data["deals"][0]["owner"] = "nobody"
    assert _problems(data) == [
        ("as_of", "invalid_date"),
        ("deals[0].owner", "dangling_reference"),
    ]


def test_unreadable_ids_and_lists_do_not_invent_problems():
    data = _sample()
    data["plans"][0]["id"] = 5
    data["plans"][0]["actions"][0]["id"] = None
    data["customers"] = "everyone"
    data["key_accounts"][0]["customer"] = ["C-ACME"]
    data["key_accounts"][1]["customer"] = ["C-NORD"]
    data["contracts"][0]["products"] = ["P-PUMP", 5]
    problems = _problems(data)
    assert ("plans[0].id", "invalid_type") in problems
    assert ("plans[0].actions[0].id", "invalid_type") in problems  # null for a required id
    assert ("customers", "invalid_type") in problems
    assert ("contracts[0].products[1]", "invalid_type") in problems
    assert not any(code in {"duplicate_id", "duplicate_key_account"} for _, code in problems)
    # Nobody can tell which customers the list held: references to them are not judged.
    assert not any(code == "dangling_reference" for _, code in problems)


def test_a_collection_sent_as_a_map_is_one_problem_and_other_references_are_still_checked():
    data = _sample()
    data["customers"] = {customer["id"]: customer for customer in data["customers"]}
    data["deals"][0]["owner"] = "nobody"
    data["plans"][0]["actions"][0]["responds_to"] = "T-NONE"
    # An id of another kind cannot be an unread customer's: ids are unique.
    data["orders"][0]["customer"] = data["team"][0]["id"]
    assert _problems(data) == [
        ("customers", "invalid_type"),
        ("plans[0].actions[0].responds_to", "dangling_reference"),
        ("orders[0].customer", "wrong_reference"),
        ("deals[0].owner", "dangling_reference"),
    ]
    # A reference that may name a customer or something else is not judged either.
    data = _sample()
    data["plans"] = "see attachment"
    assert _problems(data) == [("plans", "invalid_type")]
    member = data["team"][0]["id"]
    data["assignments"].append({"member": member, "responsibility": "prospecting", "subject": "?"})
    assert _problems(data) == [("plans", "invalid_type")]


def test_an_unreadable_item_leaves_references_to_its_kind_judged():
    # One entry that is no object: the others' ids are known, so a reference that names
    # none of them is reported (it names nothing readable in the document as sent).
    data = _sample()
    data["customers"][1] = 5
    problems = _problems(data)
    assert problems[0] == ("customers[1]", "invalid_type")
    assert all(code == "dangling_reference" for _, code in problems[1:])
    assert problems[1:]


def test_an_unknown_key_with_nothing_close_lists_the_keys_there_are():
    error = _error(MONEY | {"colour": "red"}, sr.Money)
    assert error.message == "unknown key 'colour' in a Money; expected one of amount, currency"


def test_a_key_that_is_no_string_is_named():
    error = _error({1: "x"} | PRODUCT, sr.Product)
    assert error.code == "unknown_key"
    assert error.message.startswith("got the number 1 as a key in a Product")


def test_a_huge_key_and_a_huge_value_are_shortened_in_messages():
    key = "k" * 100_000
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure(PRODUCT | {key: 1, "name": "x" * 100_000 + "\x00" * 3, "id": 5}, sr.Product)
    assert all(len(str(e)) < 400 for e in caught.value.errors)


def test_cadence_problems_are_at_the_cadence_itself():
    assert _problems({"cadence": 5}, sr.CommunicationPlan) == [("cadence", "invalid_type")]
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure("FREQ=HOURLY", sr.Cadence)
    assert [(e.path, e.code) for e in caught.value.errors] == [("", "invalid_cadence")]
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure({"rule": "FREQ=DAILY"}, sr.Cadence)
    assert [(e.path, e.code) for e in caught.value.errors] == [("", "invalid_type")]


def test_an_unknown_enum_value_lists_the_allowed_ones():
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure("boss", sr.Role)
    assert "expected one of 'account_manager', 'sales_rep'" in str(caught.value)
    assert "did you mean" not in str(caught.value)  # nothing is close to "boss"


@pytest.mark.parametrize(
    ("value", "code", "hint"),
    [
        ("sales_rap", "invalid_enum", "did you mean 'sales_rep'?"),
        ("Marketing", "invalid_enum", "did you mean 'marketing'?"),
        (3, "invalid_type", "got the number 3"),
        (True, "invalid_type", "got the boolean true"),
        (None, "invalid_type", "got null"),
        (["sales_rep"], "invalid_type", "got a list of 1"),
        ("x" * 10_000, "invalid_enum", "got 'xxx"),
    ],
)
def test_an_enumeration_tells_a_wrong_type_from_an_unknown_value(value, code, hint):
    # The same words whether the enumeration is read alone, in an object or in JSON text.
    for data, cls, path in [
        (value, sr.Role, ""),
        ({"id": "m", "name": "M", "role": value}, sr.TeamMember, "role"),
    ]:
        error = _error(data, cls)
        assert (error.path, error.code) == (path, code)
        assert hint in error.message
        assert "expected one of 'account_manager', 'sales_rep'" in error.message
    error = _error(JsonText(json.dumps({"id": "m", "name": "M", "role": value})), sr.TeamMember)
    assert (error.path, error.code) == ("role", code)


def test_an_enumeration_of_the_users_reads_by_its_own_type_of_value():
    import enum

    class Level(enum.IntEnum):
        LOW = 1
        HIGH = 2

    @attrs.frozen
    class Alarm:
        level: Level

    assert sr.structure({"level": 2}, Alarm) == Alarm(level=Level.HIGH)
    assert [(e.path, e.code) for e in _errors({"level": 3}, Alarm)] == [("level", "invalid_enum")]
    for wrong in ("2", True):
        assert [(e.path, e.code) for e in _errors({"level": wrong}, Alarm)] == [
            ("level", "invalid_type")
        ]


def _errors(data, cls) -> list[sr.ErrorItem]:
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure(data, cls)
    return caught.value.errors


# -- every problem of an object: a broken field hides only the invariants that read it -----

PLAN = {
    "id": "AP",
    "account": "C",
    "owner": "M",
    "period": {"start": "2026-01-01", "end": "2026-12-31"},
    "product_targets": [
        {"product": "P", "revenue": MONEY},
        {"product": "P", "revenue": {"amount": "1", "currency": "USD"}},
    ],
}


@pytest.mark.parametrize("as_json", [False, True], ids=["dict", "json"])
def test_a_plan_reports_its_field_problems_and_its_invariants_at_once(as_json):
    data = PLAN | {"id": "", "profitability_target": 2}
    if as_json:
        with pytest.raises(sr.ValidationError) as caught:
            sr.structure_json(json.dumps(data), sr.AccountPlan)
        found = caught.value.errors
    else:
        found = _errors(data, sr.AccountPlan)
    assert [(e.path, e.code) for e in found] == [
        ("id", "empty"),
        ("profitability_target", "out_of_range"),
        ("product_targets[1].product", "duplicate_product"),
        ("product_targets[1].revenue.currency", "currency_mismatch"),
    ]


def test_an_invariant_is_not_judged_on_a_field_that_did_not_read():
    data = PLAN | {"id": ""}
    data["product_targets"] = [*PLAN["product_targets"], {"product": "Q", "revenue": "much"}]
    assert [(e.path, e.code) for e in _errors(data, sr.AccountPlan)] == [
        ("id", "empty"),
        ("product_targets[2].revenue", "invalid_type"),
    ]


def test_invariants_are_judged_in_a_portfolio_beside_every_other_problem():
    data = _sample()
    plan = data["plans"][0]
    plan["id"] = ""
    plan["product_targets"].append(copy.deepcopy(plan["product_targets"][0]))
    data["contracts"][0]["start"] = "9999-12-01"
    data["contracts"][0]["term_months"] = 2
    data["contracts"][0]["negotiated_by"] = 5
    data["targets"][0]["period"] = {"start": "2026-12-31", "end": "2026-01-01"}
    data["targets"][0]["set_by"] = ""
    problems = _problems(data)
    targets = len(plan["product_targets"])
    assert problems == [
        ("plans[0].id", "empty"),
        (f"plans[0].product_targets[{targets - 1}].product", "duplicate_product"),
        ("contracts[0].negotiated_by", "invalid_type"),
        ("contracts[0].term_months", "out_of_range"),
        ("targets[0].period.end", "invalid_period"),
        ("targets[0].set_by", "empty"),
    ]


# -- a key twice in one object of JSON text ------------------------------------------------


def test_every_duplicate_key_is_named_with_its_path_beside_every_other_problem():
    document = (
        '{"customers": [{"id": "C-1", "name": "A", "name": "B", "segment": "larg",'
        ' "status": "active", "status": "active"}],'
        ' "products": [], "products": [{"id": "P", "name": "X", "name": "Y", "name": "Z"}],'
        ' "team": [{"id": "m", "name": "M", "role": "marketing"}]}'
    )
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json(document, sr.Portfolio)
    # An object's own repeated keys come before those of the objects it holds.
    assert [(e.path, e.code) for e in caught.value.errors] == [
        ("products", "duplicate_key"),
        ("customers[0].name", "duplicate_key"),
        ("customers[0].status", "duplicate_key"),
        ("products[0].name", "duplicate_key"),
        ("customers[0].segment", "invalid_enum"),
    ]
    assert "got the key 'name' 3 times in one object" in caught.value.errors[3].message
    assert caught.value.__context__ is None


def test_a_duplicate_key_is_refused_even_when_both_values_are_valid_and_equal():
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json('{"amount": "1", "currency": "EUR", "amount": "1"}', sr.Money)
    assert [(e.path, e.code) for e in caught.value.errors] == [("amount", "duplicate_key")]
    # A user's class read from JSON text is held to the same.
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json('{"rate": "0.1", "rate": "0.2"}', Rate)
    assert [(e.path, e.code) for e in caught.value.errors] == [("rate", "duplicate_key")]


def test_a_duplicate_key_deep_down_a_document_is_found_without_recursion_trouble():
    depth = 900
    document = '{"a": 1, "a": 2}'
    for _ in range(depth):
        document = f"[{document}]"
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json(document, sr.Portfolio)
    codes = [(e.path, e.code) for e in caught.value.errors]
    assert codes[0] == ("[0]" * depth + ".a", "duplicate_key")


# -- junk: anything at all raises ValidationError and nothing else --------------------------

_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["", " ", "2026-01-01", "12.50", "EUR", "large", "FREQ=DAILY", "x" * 5000])
)
JUNK = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=12) | st.integers(), inner, max_size=5)
    ),
    max_leaves=20,
)

PUBLIC = [*wire_classes(), sr.Cadence, sr.Role, sr.Segment]


@pytest.mark.parametrize("cls", PUBLIC, ids=lambda c: c.__name__)
def test_junk_raises_validation_error_and_nothing_else(cls):
    @given(JUNK)
    def check(junk):
        try:
            sr.structure(junk, cls)
        except sr.ValidationError as e:
            assert e.errors
            assert all(isinstance(item.code, str) and item.message for item in e.errors)

    check()


def _paths(data, prefix=()):
    """Every (container, key) of a JSON-ready document."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield data, key
            yield from _paths(value)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield data, i
            yield from _paths(value)


SAMPLE = _sample()
SPOTS = len(list(_paths(SAMPLE)))


@given(st.lists(st.tuples(st.integers(0, SPOTS - 1), JUNK), min_size=1, max_size=4))
def test_junk_anywhere_in_a_portfolio_raises_validation_error_and_nothing_else(changes):
    data = copy.deepcopy(SAMPLE)
    spots = list(_paths(data))
    for index, junk in changes:
        container, key = spots[index]
        container[key] = junk
    try:
        sr.structure(data, sr.Portfolio)
    except sr.ValidationError as e:
        assert all(item.path for item in e.errors)


@given(st.integers(1, 50_000))
def test_deeply_nested_lists_are_refused_without_recursion_trouble(depth):
    nested: object = []
    for _ in range(min(depth, 2000)):
        nested = [nested]
    with pytest.raises(sr.ValidationError):
        sr.structure({"products": nested}, sr.Portfolio)
    with pytest.raises(sr.ValidationError):
        sr.structure_json("[" * depth + "]" * depth, sr.Portfolio)


def test_json_text_with_junk_is_refused_with_every_problem():
    document = json.dumps({"id": 5, "name": "", "extra": [1.5]})
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json(document, sr.Product)
    assert [(e.path, e.code) for e in caught.value.errors] == [
        ("id", "invalid_type"),
        ("name", "empty"),
        ("extra", "unknown_key"),
    ]


def test_a_key_account_whose_customer_is_unreadable_still_brings_its_threats():
    data = _sample()
    data["key_accounts"][0]["customer"] = 5
    problems = _problems(data)
    assert ("key_accounts[0].customer", "invalid_type") in problems
    assert not any(code == "dangling_reference" for _, code in problems), problems


def test_users_own_types_never_raise_a_bare_error_and_never_iterate_a_string():
    @attrs.define
    class Visit:
        who: str
        tags: set[str]

    assert sr.structure({"who": "ann", "tags": ["a", "b"]}, Visit).tags == {"a", "b"}
    for data, cls in [
        ("abc", set[str]),
        ("junk", Visit),
        (None, Visit),
        ([1, 2], dict[str, int]),
        ({"who": "ann", "tags": "abc"}, Visit),
    ]:
        with pytest.raises(sr.ValidationError):
            sr.structure(data, cls)
    assert sr.structure(["x", "y"], frozenset[str]) == frozenset({"x", "y"})


def test_a_duplicated_id_is_named_by_its_first_kind_in_reference_messages():
    data = _sample()
    data["team"].append({"id": "ann", "name": "Ann Twin", "role": "marketing"})
    data["orders"][0]["placed_by"] = "ann"
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure(data, sr.Portfolio)
    messages = [e.message for e in caught.value.errors if e.path == "orders[0].placed_by"]
    assert messages == ["'ann' is a team member; expected the id of a stakeholder"]


@pytest.mark.parametrize(
    "document",
    ['{"start": "2026-01-01", "end": "2026-12-31"}'.encode("utf-16"), b"\xef\xbb\xbf{}"],
)
def test_json_documents_are_utf_8_without_a_byte_order_mark(document):
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json(document, sr.Period)
    assert caught.value.errors[0].code == "invalid_json"


def test_an_error_lists_at_least_one_problem():
    with pytest.raises(ValueError, match="at least one problem"):
        sr.ValidationError([])


def test_a_lone_surrogate_is_refused_by_name_and_a_pair_is_one_character():
    # JSON's "\ud800" escape reads as half a UTF-16 pair: kept, it would make the service's
    # own answer fail to encode as UTF-8.
    document = '{"id": "P-1", "name": "Pumpe \\ud800 X"}'
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json(document, sr.Product)
    (error,) = caught.value.errors
    assert (error.path, error.code) == ("name", "invalid_text")
    assert "'\\ud800' at position 6" in error.message
    with pytest.raises(sr.ValidationError, match="lone surrogate"):
        sr.Product(id="P-\udfff", name="Pumpe")
    paired = sr.structure_json('{"id": "P-1", "name": "Pumpe \\ud83d\\ude00"}', sr.Product)
    assert paired.name == "Pumpe \N{GRINNING FACE}"
    assert sr.unstructure_json(paired).encode()
    assert sr.Product(id="P-2", name="Mühle").name == "Mühle"


def test_a_document_nested_too_deeply_for_the_second_reading_is_refused_as_such(monkeypatch):
    """An invalid document is read again deeper in the stack; that reading still says why."""
    import sys

    from salesroles._wire import api

    first = api._read_json
    again = []

    def read(document):
        if sys._getframe(1).f_code.co_name == "_structure_parsed":  # the second reading
            again.append(document)
            raise RecursionError
        return first(document)

    monkeypatch.setattr(api, "_read_json", read)
    with pytest.raises(sr.ValidationError) as caught:
        sr.structure_json('{"products": [[[]]]}', sr.Portfolio)
    assert again == ['{"products": [[[]]]}']
    assert [(e.path, e.code, e.message) for e in caught.value.errors] == [
        ("", "invalid_json", "the document is no valid JSON: it is nested too deeply")
    ]
    assert caught.value.__context__ is None
