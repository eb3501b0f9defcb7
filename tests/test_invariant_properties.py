"""Property tests: the invariants hold for every input, and junk never crashes."""

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import salesroles as sr
from salesroles import testing
from salesroles.testing import sample_portfolio

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


@given(dates, dates)
def test_a_period_exists_exactly_when_start_is_not_after_end(start, end):
    if start <= end:
        assert sr.Period(start=start, end=end).days == (end - start).days + 1
    else:
        with pytest.raises(sr.ValidationError):
            sr.Period(start=start, end=end)


@given(st.integers(-100, 100))
def test_influence_exists_exactly_from_one_to_five(influence):
    make = lambda: sr.Stakeholder(  # noqa: E731
        id="S", customer="C", name="Eva", buying_role="user", influence=influence
    )
    if 1 <= influence <= 5:
        assert make().influence == influence
    else:
        with pytest.raises(sr.ValidationError, match="from 1 to 5"):
            make()


@given(st.integers(-1000, 1000))
def test_a_contract_term_exists_exactly_when_positive(term):
    make = lambda: sr.SupplyContract(id="K", customer="C", start="2026-01-01", term_months=term)  # noqa: E731
    if term > 0:
        k = make()
        assert k.is_active(k.start)
        assert not k.is_active(k.renewal_date)
    else:
        with pytest.raises(sr.ValidationError):
            make()


@given(st.decimals(min_value=-3, max_value=3, places=3, allow_nan=False))
def test_a_profitability_target_exists_exactly_between_minus_one_and_one(margin):
    make = lambda: sr.AccountPlan(  # noqa: E731
        id="AP", account="C", owner="ann", period=sr.Period.year(2026), profitability_target=margin
    )
    if -1 <= margin <= 1:
        assert make().profitability_target == margin
    else:
        with pytest.raises(sr.ValidationError):
            make()


@given(st.lists(st.sampled_from(["P-1", "P-2", "P-3"]), max_size=5))
def test_a_plan_exists_exactly_when_no_product_is_targeted_twice(products):
    targets = [
        sr.ProductTarget(product=p, revenue=sr.Money(amount=1, currency="EUR")) for p in products
    ]
    make = lambda: sr.AccountPlan(  # noqa: E731
        id="AP", account="C", owner="ann", period=sr.Period.year(2026), product_targets=targets
    )
    if len(set(products)) == len(products):
        assert len(make().product_targets) == len(products)
    else:
        with pytest.raises(sr.ValidationError) as caught:
            make()
        assert {i.code for i in caught.value.errors} == {"duplicate_product"}


@given(st.lists(st.sampled_from(["EUR", "USD"]), min_size=1, max_size=4))
def test_a_plan_exists_exactly_when_its_targets_share_a_currency(currencies):
    targets = [
        sr.ProductTarget(product=f"P-{i}", revenue=sr.Money(amount=1, currency=c))
        for i, c in enumerate(currencies)
    ]
    make = lambda: sr.AccountPlan(  # noqa: E731
        id="AP", account="C", owner="ann", period=sr.Period.year(2026), product_targets=targets
    )
    if len(set(currencies)) == 1:
        make()
    else:
        with pytest.raises(sr.ValidationError, match="share one currency"):
            make()


junk = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=50)
    | st.decimals()
    | st.dates()
    | st.datetimes(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


def _samples():
    p = sample_portfolio()
    yield p.products[0]
    yield p.team[0]
    yield p.customers[0]
    yield p.leads[0]
    yield p.key_accounts[0]
    yield p.key_accounts[0].threats[0]
    yield p.stakeholders[0]
    yield p.plans[0]
    yield p.plans[0].product_targets[0]
    yield p.plans[0].actions[0]
    yield p.plans[0].communication
    yield p.contracts[0]
    yield p.orders[0]
    yield p.deals[0]
    yield p.targets[0]
    yield sr.Assignment(member="bob", responsibility="prospecting", subject="L-BETA")
    yield sr.Money(amount=1, currency="EUR")
    yield sr.Period.year(2026)
    yield sr.Cadence(rule="FREQ=DAILY")
    yield sr.CustomizationProposal(id="CP", product="P", description="d")
    yield sr.ResourceCommitment(department="service", commitment="24 h")


SAMPLES = list(_samples())

# The codes of invariants that read several fields and report at one of them.
_ACROSS_FIELDS = {"invalid_period", "out_of_range", "duplicate_product", "currency_mismatch"}


@given(st.sampled_from(SAMPLES), st.data())
def test_junk_in_any_field_raises_a_validation_error_naming_it_or_is_accepted(sample, data):
    field = data.draw(st.sampled_from([f.name for f in attrs.fields(type(sample)) if f.init]))
    value = data.draw(junk)
    try:
        made = attrs.evolve(sample, **{field: value})
    except sr.ValidationError as error:
        assert error.errors
        # A field's own check names the field; an invariant across fields may name the other
        # one it reads (a start after the end is reported at "end").
        fields = {f.name for f in attrs.fields(type(sample))}
        roots = {item.path.split(".")[0].split("[")[0] for item in error.errors}
        assert roots <= fields
        assert field in roots or all(item.code in _ACROSS_FIELDS for item in error.errors)
        assert all(item.message and item.code for item in error.errors)
    else:
        # Accepted only when the value meant something valid for the field.
        assert getattr(made, field) is not None or value is None


@given(st.data())
def test_every_strategy_of_salesroles_testing_builds_valid_objects(data):
    strategy = data.draw(
        st.sampled_from(
            [
                testing.money(),
                testing.periods(),
                testing.team_members(),
                testing.customers(),
                testing.leads(),
                testing.stakeholders(),
                testing.key_accounts(),
                testing.account_plans(),
                testing.supply_contracts(),
                testing.orders(),
                testing.deals(),
                testing.revenue_targets(),
                testing.assignments(),
                testing.portfolios(),
            ]
        )
    )
    value = data.draw(strategy)
    assert attrs.evolve(value) == value  # re-validates


def test_zero_revenue_is_an_allowed_target():
    target = sr.ProductTarget(product="P", revenue=sr.Money(amount=Decimal(0), currency="EUR"))
    assert target.revenue.amount == 0


def _problems(make) -> list[tuple[str, str]]:
    try:
        make()
    except sr.ValidationError as e:
        return [(item.path, item.code) for item in e.errors]
    return []


INVARIANT_CODES = {"duplicate_product", "currency_mismatch"}


@given(
    st.lists(st.tuples(st.sampled_from(["P-1", "P-2"]), st.sampled_from(["EUR", "USD"])),
             max_size=4),
    st.sampled_from([{}, {"id": ""}, {"owner": 5}, {"profitability_target": 2},
                     {"id": "", "period": "2026"}]),
)  # fmt: skip
def test_a_broken_field_hides_no_invariant_that_does_not_read_it(targets, broken):
    """A plan's invariants read only its targets: every other problem comes beside them."""
    fields = {
        "id": "AP",
        "account": "C",
        "owner": "ann",
        "period": {"start": "2026-01-01", "end": "2026-12-31"},
        "product_targets": [
            {"product": p, "revenue": {"amount": "1", "currency": c}} for p, c in targets
        ],
    }
    invariants = _problems(lambda: sr.structure(fields, sr.AccountPlan))
    assert {code for _, code in invariants} <= INVARIANT_CODES
    read = _problems(lambda: sr.structure(fields | broken, sr.AccountPlan))
    assert [path for path, code in read if code not in INVARIANT_CODES] == list(broken)
    assert [p for p in read if p[1] in INVARIANT_CODES] == invariants
    # Built in Python, the plan says the same.
    built = fields | {
        "period": sr.Period.year(2026),
        "product_targets": [sr.structure(t, sr.ProductTarget) for t in fields["product_targets"]],
    }
    assert _problems(lambda: sr.AccountPlan(**(built | broken))) == read
