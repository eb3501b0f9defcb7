import pickle
from datetime import date, datetime
from decimal import Decimal

import attrs
import pytest

import salesroles as sr
from salesroles import (
    AccountPlan,
    CommunicationPlan,
    Customer,
    Money,
    Period,
    ProductTarget,
    Stakeholder,
    SupplyContract,
    TeamMember,
    ValidationError,
)
from salesroles.testing import sample_portfolio


def problems(make):
    with pytest.raises(ValidationError) as caught:
        make()
    return [(item.path, item.code) for item in caught.value.errors]


def eur(amount):
    return Money(amount=amount, currency="EUR")


def plan(**changes):
    fields = {"id": "AP-1", "account": "C-1", "owner": "ann", "period": Period.year(2026)}
    return AccountPlan(**(fields | changes))


@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_ids_and_names_must_hold_some_text(blank):
    assert problems(lambda: TeamMember(id=blank, name=blank, role="marketing")) == [
        ("id", "empty"),
        ("name", "empty"),
    ]


def test_optional_text_if_given_must_hold_text_too():
    assert problems(lambda: TeamMember(id="x", name="X", role="marketing", title="")) == [
        ("title", "empty")
    ]


@pytest.mark.parametrize("influence", [0, 6, -1])
def test_influence_runs_from_one_to_five(influence):
    make = lambda: Stakeholder(  # noqa: E731
        id="S-1", customer="C-1", name="Eva", buying_role="user", influence=influence
    )
    assert problems(make) == [("influence", "out_of_range")]


@pytest.mark.parametrize("influence", [1, 3, 5, None])
def test_influence_within_bounds_or_absent_is_accepted(influence):
    s = Stakeholder(id="S-1", customer="C-1", name="Eva", buying_role="user", influence=influence)
    assert s.influence == influence


@pytest.mark.parametrize("value", [True, 4.7, "4"])
def test_influence_is_a_whole_number_not_a_bool_float_or_string(value):
    make = lambda: Stakeholder(  # noqa: E731
        id="S-1", customer="C-1", name="Eva", buying_role="user", influence=value
    )
    assert problems(make) == [("influence", "invalid_type")]


@pytest.mark.parametrize("term", [0, -12])
def test_contract_term_must_be_positive(term):
    make = lambda: SupplyContract(id="K", customer="C", start="2026-01-01", term_months=term)  # noqa: E731
    assert problems(make) == [("term_months", "out_of_range")]


@pytest.mark.parametrize("margin", ["1.01", "-1.5", 2])
def test_profitability_target_is_a_fraction_between_minus_one_and_one(margin):
    assert problems(lambda: plan(profitability_target=margin)) == [
        ("profitability_target", "out_of_range")
    ]


@pytest.mark.parametrize("margin", ["0.22", "-1", "1", Decimal(0), 0])
def test_profitability_targets_within_bounds_are_accepted(margin):
    assert plan(profitability_target=margin).profitability_target == Decimal(margin)


def test_profitability_target_as_a_float_is_read_exactly():
    # A fraction is no money: a float is taken through its shortest repr, not its binary digits.
    assert plan(profitability_target=0.22).profitability_target == Decimal("0.22")
    assert plan(profitability_target=0.1).profitability_target.as_tuple().digits == (1,)
    assert problems(lambda: plan(profitability_target=1.5)) == [
        ("profitability_target", "out_of_range")
    ]


@pytest.mark.parametrize("figure", [float("nan"), float("inf"), Decimal("NaN"), Decimal("-Inf")])
def test_a_figure_that_is_no_finite_number_is_out_of_range(figure):
    with pytest.raises(ValidationError) as caught:
        plan(profitability_target=figure)
    (item,) = caught.value.errors
    assert (item.path, item.code) == ("profitability_target", "out_of_range")
    assert item.message.endswith("expected a finite number")


@pytest.mark.parametrize("figure", ["0,5", "1e-3", True, [0.5]])
def test_a_figure_that_is_no_number_is_an_invalid_decimal(figure):
    with pytest.raises(ValidationError) as caught:
        plan(profitability_target=figure)
    (item,) = caught.value.errors
    assert (item.path, item.code) == ("profitability_target", "invalid_decimal")
    assert 'expected a number or a decimal string like "0.22"' in item.message


def test_every_problem_of_a_plan_at_once_field_errors_and_invariants_alike():
    # An empty id hides neither the product targeted twice nor the target in a second currency.
    targets = [
        ProductTarget(product="P-1", revenue=eur(1)),
        ProductTarget(product="P-1", revenue=Money(amount=1, currency="USD")),
    ]
    assert problems(lambda: plan(id="", product_targets=targets)) == [
        ("id", "empty"),
        ("product_targets[1].product", "duplicate_product"),
        ("product_targets[1].revenue.currency", "currency_mismatch"),
    ]
    # The invariants read the targets: when they cannot be read, the invariants are not judged.
    assert problems(lambda: plan(id="", product_targets=[5, 5])) == [
        ("id", "empty"),
        ("product_targets[0]", "invalid_type"),
        ("product_targets[1]", "invalid_type"),
    ]


def test_a_contract_too_long_is_named_beside_a_broken_id():
    make = lambda: SupplyContract(id="", customer=5, start="9999-12-01", term_months=1)  # noqa: E731
    assert problems(make) == [
        ("id", "empty"),
        ("customer", "invalid_type"),
        ("term_months", "out_of_range"),
    ]


def test_a_period_that_cannot_be_read_is_not_judged_in_order():
    assert problems(lambda: Period(start="soon", end="2026-01-01")) == [("start", "invalid_date")]


def test_a_plan_targets_each_product_once():
    targets = [
        ProductTarget(product="P-1", revenue=eur(1)),
        ProductTarget(product="P-2", revenue=eur(2)),
        ProductTarget(product="P-1", revenue=eur(3)),
    ]
    assert problems(lambda: plan(product_targets=targets)) == [
        ("product_targets[2].product", "duplicate_product")
    ]


def test_a_plans_targets_share_one_currency():
    targets = [
        ProductTarget(product="P-1", revenue=eur(1)),
        ProductTarget(product="P-2", revenue=Money(amount=2, currency="USD")),
    ]
    assert problems(lambda: plan(product_targets=targets)) == [
        ("product_targets[1].revenue.currency", "currency_mismatch")
    ]


def test_plan_helpers():
    p = plan(product_targets=[ProductTarget(product="P-1", revenue=eur(5))])
    p = p.with_target("P-2", eur(7)).with_target("P-1", eur(1))
    assert p.target_for("P-1") == eur(1)
    assert p.target_for("P-9") is None
    assert p.total_target == eur(8)
    assert plan().total_target is None
    action = sr.PlanAction(id="A-1", kind="relationship", description="QBR")
    assert p.with_action(action).actions_of(sr.ActionKind.RELATIONSHIP) == (action,)


def test_no_lossy_coercion():
    assert problems(lambda: TeamMember(id="x", name=12345, role="marketing")) == [
        ("name", "invalid_type")
    ]
    assert problems(lambda: CommunicationPlan(cadence="FREQ=DAILY", stakeholders="abc")) == [
        ("stakeholders", "invalid_type")
    ]
    assert problems(lambda: CommunicationPlan(cadence="FREQ=DAILY", with_marketing=1)) == [
        ("with_marketing", "invalid_type")
    ]


def test_list_elements_are_checked_with_their_index():
    assert problems(lambda: CommunicationPlan(cadence="FREQ=DAILY", stakeholders=["S-1", 2])) == [
        ("stakeholders[1]", "invalid_type")
    ]


def test_a_bad_cadence_rule_is_named_under_its_field_with_the_other_problems():
    assert problems(lambda: CommunicationPlan(cadence="FREQ=HOURLY", with_marketing="yes")) == [
        ("cadence.rule", "invalid_cadence"),
        ("with_marketing", "invalid_type"),
    ]


def test_enum_fields_take_members_or_values_and_name_the_allowed_ones():
    assert Customer(id="C", name="C", segment=sr.Segment.LARGE, status="active").segment == "large"
    with pytest.raises(ValidationError) as caught:
        Customer(id="C", name="C", segment="huge", status="active")
    (item,) = caught.value.errors
    assert item.code == "invalid_enum"
    assert "'small', 'medium', 'large'" in item.message


def test_dates_are_dates_not_datetimes():
    assert problems(
        lambda: Customer(id="C", name="C", segment="large", status="active", since=datetime.now())
    ) == [("since", "invalid_date")]


def test_nested_values_must_be_of_their_class():
    assert problems(
        lambda: Customer(
            id="C", name="C", segment="large", status="active", annual_revenue="1000.00"
        )
    ) == [("annual_revenue", "invalid_type")]


def test_supply_contract_term_is_counted_in_calendar_months():
    k = SupplyContract(id="K", customer="C", start="2024-01-31", term_months=1)
    assert k.renewal_date == date(2024, 2, 29)
    assert k.end_date == date(2024, 2, 28)
    assert k.period == Period(start="2024-01-31", end="2024-02-28")
    assert k.is_active(date(2024, 1, 31))
    assert not k.is_active(date(2024, 1, 30))
    assert not k.is_active(k.renewal_date)
    renewed = k.renew(term_months=12)
    assert (renewed.id, renewed.start, renewed.term_months) == ("K-R", date(2024, 2, 29), 12)


def test_deal_stages_open_and_closed():
    assert sr.Deal(id="D", customer="C", stage="proposal", owner="bob").is_open
    assert not sr.Deal(id="D", customer="C", stage="won", owner="bob").is_open
    assert not sr.DealStage.LOST.is_open


def test_team_member_promotion_keeps_or_replaces_the_title():
    bob = TeamMember(id="bob", name="Bob", role="sales_rep", title="Verkäufer")
    assert bob.promote(sr.Role.ACCOUNT_MANAGER).title == "Verkäufer"
    promoted = bob.promote(sr.Role.ACCOUNT_MANAGER, title="Key Account Manager")
    assert (promoted.role, promoted.title) == (sr.Role.ACCOUNT_MANAGER, "Key Account Manager")
    assert bob.role is sr.Role.SALES_REP


def test_key_account_is_known_by_its_customer():
    account = sr.KeyAccount(customer="C-1")
    assert account.id == "C-1"
    threat = sr.CompetitiveThreat(id="TH-1", competitor="Rival")
    assert account.with_threat(threat).threats == (threat,)
    assert account.with_manager("ann").manager == "ann"


def test_stakeholder_relationship_changes_by_a_new_object():
    s = Stakeholder(id="S", customer="C", name="Eva", buying_role="user")
    assert s.with_relationship(sr.Relationship.WARM).relationship is sr.Relationship.WARM
    assert s.relationship is None


def every_entity():
    p = sample_portfolio()
    for field in attrs.fields(sr.Portfolio):
        value = getattr(p, field.name)
        if isinstance(value, tuple) and value:
            yield pytest.param(value[0], id=type(value[0]).__name__)
    yield pytest.param(p, id="Portfolio")
    yield pytest.param(p.plans[0].communication, id="CommunicationPlan")


@pytest.mark.parametrize("entity", list(every_entity()))
def test_every_entity_is_frozen_slotted_hashable_comparable_and_picklable(entity):
    cls = type(entity)
    assert attrs.has(cls)
    assert "__dict__" not in dir(entity)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(entity, attrs.fields(cls)[0].name, None)
    assert hash(entity) == hash(attrs.evolve(entity))
    assert entity == attrs.evolve(entity)
    assert pickle.loads(pickle.dumps(entity)) == entity
    with pytest.raises(sr.ValidationError) as caught:
        cls(*[getattr(entity, f.name) for f in attrs.fields(cls)])  # keyword-only
    assert caught.value.errors[0].code == "positional_argument"


def test_evolve_revalidates():
    s = Stakeholder(id="S", customer="C", name="Eva", buying_role="user")
    with pytest.raises(ValidationError):
        attrs.evolve(s, influence=9)


def test_customer_estimates_are_bounded_fractions():
    make = lambda **kw: Customer(id="C", name="C", segment="large", status="active", **kw)  # noqa: E731
    c = make(growth_potential="0.15", share_of_wallet="0.4")
    assert (c.growth_potential, c.share_of_wallet) == (Decimal("0.15"), Decimal("0.4"))
    # Any number alike: an int, a float (exactly as written), a Decimal.
    c = make(growth_potential=0.15, share_of_wallet=1)
    assert (c.growth_potential, c.share_of_wallet) == (Decimal("0.15"), Decimal(1))
    assert make(growth_potential=Decimal("-0.5")).growth_potential == Decimal("-0.5")
    assert problems(lambda: make(growth_potential="1.5", share_of_wallet="-0.1")) == [
        ("growth_potential", "out_of_range"),
        ("share_of_wallet", "out_of_range"),
    ]


@pytest.mark.parametrize(
    ("start", "term"), [("2026-01-01", 1201), ("9999-12-01", 1), ("9990-01-01", 1200)]
)
def test_a_contract_must_end_by_the_year_9999_within_a_hundred_years(start, term):
    assert problems(
        lambda: SupplyContract(id="K", customer="C", start=start, term_months=term)
    ) == [("term_months", "out_of_range")]
