from collections import Counter
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import salesroles as sr
from salesroles import (
    AssessmentWeights,
    KeyAccount,
    Money,
    NotFoundError,
    Recommendation,
    ValidationError,
)
from salesroles._analytics.assessment import CRITERIA
from salesroles.testing import generate_portfolio, portfolios, sample_portfolio


def eur(amount):
    return Money(amount=amount, currency="EUR")


def by_customer(result):
    return {a.customer: a for a in result.accounts}


def test_the_sample_keeps_both_key_accounts_and_explains_each_score():
    result = sr.assess_key_accounts(sample_portfolio())
    assert [(a.customer, a.rank, a.recommendation) for a in result.accounts] == [
        ("C-ACME", 1, Recommendation.KEEP),
        ("C-NORD", 2, Recommendation.KEEP),
        ("C-BAKER", 3, Recommendation.NONE),
    ]
    assert result.keep == ("C-ACME", "C-NORD")
    assert result.recommended == ("C-ACME", "C-NORD")
    acme = result.explain("C-ACME")
    # ACME leads on every criterion known, so each scales to 1 and the score is 1.
    assert acme.score == 1
    assert [(c.criterion, c.scaled, c.contribution) for c in acme.criteria] == [
        ("revenue", 1, Decimal("0.30")),
        ("profit", 1, Decimal("0.25")),
        ("growth_potential", 1, Decimal("0.15")),
        ("share_of_wallet", 1, Decimal("0.10")),
        ("relationship", 1, Decimal("0.20")),
    ]
    # Headroom is 1 - share of wallet: a low share means room to grow.
    assert acme.criteria[3].value == Decimal("0.55")
    # Eva warm (0.75) x 3, Tom champion (1) x 4, Ida neutral (0.5) x 5, over 12.
    assert acme.relationship_strength == Decimal("8.75") / 12
    assert "(S2.2)" in acme.reasons[0]


def test_unknown_criteria_neither_help_nor_hurt():
    nord = sr.assess_key_accounts(sample_portfolio()).explain("C-NORD")
    revenue = Decimal("850000.00") / Decimal("1200000.00")
    profit = Decimal("119000.00") / Decimal("240000.00")
    # Only revenue and profit are known: their weights 0.30 and 0.25 are rescaled over 0.55.
    assert [c.contribution for c in nord.criteria] == [
        Decimal("0.30") * revenue / Decimal("0.55"),
        Decimal("0.25") * profit / Decimal("0.55"),
        None,
        None,
        None,
    ]
    assert nord.score == sum(c.contribution for c in nord.criteria if c.contribution)
    assert nord.relationship_strength is None
    assert "not known: growth_potential, share_of_wallet, relationship" in nord.reasons[0]


def grown_baker():
    p = sample_portfolio()
    baker = attrs.evolve(
        p.customer("C-BAKER"), annual_revenue=eur("1000000.00"), annual_profit=eur("200000.00")
    )
    return p.replace(baker)


def test_a_grown_customer_is_designated_with_the_manager_who_has_room():
    result = sr.assess_key_accounts(grown_baker())
    baker = result.explain("C-BAKER")
    assert baker.recommendation is Recommendation.DESIGNATE
    assert baker.suggested_manager == "ann"  # ann and kai manage one each: the first wins
    assert (
        "designate it a key account, managed by ann, the account manager with the most room "
        "(S2.1, S2.2)" in baker.reasons[0]
    )
    assert result.designate == ("C-BAKER",)


def test_no_designation_when_no_account_manager_has_room():
    result = sr.assess_key_accounts(grown_baker(), max_per_manager=1)
    baker = result.explain("C-BAKER")
    assert baker.recommendation is Recommendation.NONE
    assert baker.suggested_manager is None
    assert "no account manager has room (max_per_manager=1)" in baker.reasons[0]


def test_the_cap_releases_the_accounts_ranked_beyond_it():
    result = sr.assess_key_accounts(sample_portfolio(), cap=1)
    assert result.keep == ("C-ACME",)
    assert result.release == ("C-NORD",)
    assert "beyond the cap of 1 key accounts" in result.explain("C-NORD").reasons[0]


def test_a_high_threshold_releases_weaker_key_accounts():
    result = sr.assess_key_accounts(sample_portfolio(), threshold=Decimal("0.9"))
    assert result.release == ("C-NORD",)
    assert "below the threshold 0.9" in result.explain("C-NORD").reasons[0]


def test_an_account_beyond_its_managers_load_is_handed_to_one_with_room():
    p = sample_portfolio().assign_manager("C-NORD", "ann")
    result = sr.assess_key_accounts(p, max_per_manager=1)
    assert result.keep == ("C-ACME", "C-NORD")
    nord = result.explain("C-NORD")
    assert nord.suggested_manager == "kai"
    assert nord.reasons[-1] == (
        "ann already manages 1 better-ranked key accounts (max_per_manager=1): "
        "hand it, with its plan and open deals, to kai (S2.1, S3.3)."
    )
    assert len(result.explain("C-ACME").reasons) == 1
    crowded = p.designate_key_account("C-BAKER", manager="kai")
    stuck = sr.assess_key_accounts(crowded, max_per_manager=1, threshold=Decimal(0))
    assert stuck.explain("C-NORD").suggested_manager is None
    assert (
        stuck.explain("C-NORD")
        .reasons[-1]
        .endswith("and no account manager has room (max_per_manager=1) (S2.1).")
    )


def test_a_key_account_without_an_account_manager_gets_one_suggested():
    p = sample_portfolio()
    p = attrs.evolve(
        p, key_accounts=[p.key_account("C-ACME"), KeyAccount(customer="C-NORD", manager="bob")]
    )
    nord = sr.assess_key_accounts(p).explain("C-NORD")
    assert nord.recommendation is Recommendation.KEEP
    assert nord.suggested_manager == "kai"
    assert (
        "Its manager bob is no account manager: hand it to kai, who owns its current plan (S2.1)."
        in nord.reasons
    )
    p = attrs.evolve(p, key_accounts=[p.key_account("C-ACME"), KeyAccount(customer="C-NORD")])
    nobody = sr.assess_key_accounts(p, max_per_manager=None).explain("C-NORD")
    assert (
        nobody.reasons[-1]
        == "It has no manager: hand it to kai, who owns its current plan (S2.1)."
    )


def test_no_room_for_an_unmanaged_key_account():
    p = sample_portfolio()
    p = attrs.evolve(
        p,
        key_accounts=[
            p.key_account("C-ACME"),
            KeyAccount(customer="C-NORD"),
            KeyAccount(customer="C-BAKER", manager="kai"),
        ],
    )
    result = sr.assess_key_accounts(p, max_per_manager=1, threshold=Decimal(0))
    assert result.explain("C-NORD").suggested_manager is None
    assert result.explain("C-NORD").reasons[-1] == (
        "It has no manager, but its current plan's owner kai has no room (max_per_manager=1), "
        "and under anyone else the plan would be owned by someone who does not manage the "
        "account (plan-owner-not-account-manager, S3.3); relieve kai or hand the plan over "
        "first (S2.1)."
    )
    # Without a current plan, nobody's appointment leaves a plan behind: it is only room.
    p = attrs.evolve(p, plans=[x for x in p.plans if x.account != "C-NORD"])
    result = sr.assess_key_accounts(p, max_per_manager=1, threshold=Decimal(0))
    assert result.explain("C-NORD").reasons[-1] == (
        "It has no manager, and no account manager has room (max_per_manager=1) (S2.1)."
    )


def test_the_owner_of_the_current_plan_is_suggested_before_the_manager_with_most_room():
    p = sample_portfolio()
    # ann and kai manage one key account each; Nordwerk's plan is kai's.
    p = attrs.evolve(
        p,
        key_accounts=[
            p.key_account("C-ACME"),
            KeyAccount(customer="C-NORD"),
            KeyAccount(customer="C-BAKER", manager="kai"),
        ],
    )
    assert p.plan("AP-NORD-2026").owner == "kai"
    nord = sr.assess_key_accounts(p, max_per_manager=None, threshold=Decimal(0)).explain("C-NORD")
    assert nord.suggested_manager == "kai"


def appoint(p, account):
    """The scenario that follows the assessment's suggestion for one account."""
    scenario = sr.Scenario(before=p)
    managers = {m.id for m in p.members_with(sr.Role.ACCOUNT_MANAGER)}
    if account.recommendation is Recommendation.DESIGNATE:
        return scenario.designate(account.customer, manager=account.suggested_manager)
    if account.manager in managers:  # its manager is full: the account moves with its plan
        return scenario.reassign(
            account.manager, account.suggested_manager, accounts=[account.customer]
        )
    return scenario.assign_manager(account.customer, account.suggested_manager)


def with_fewer_key_accounts(p, keep):
    """*p* with only its first *keep* key accounts: the others keep their plans."""
    for account in p.key_accounts[keep:]:
        p = p.release_key_account(account.customer)
    return p


@pytest.mark.parametrize(
    ("portfolio", "limits"),
    [
        (generate_portfolio(60, seed=11), {"cap": 25}),
        (with_fewer_key_accounts(generate_portfolio(60, seed=11), 10), {"cap": 25}),
        (with_fewer_key_accounts(generate_portfolio(40, seed=3), 20), {"max_per_manager": 6}),
        (with_fewer_key_accounts(generate_portfolio(40, seed=3), 0), {"max_per_manager": 4}),
    ],
)
def test_following_a_suggested_manager_creates_no_finding_about_the_appointment(portfolio, limits):
    p = portfolio
    result = sr.assess_key_accounts(p, **limits)
    suggested = [a for a in result.accounts if a.suggested_manager is not None]
    assert suggested
    for account in suggested:
        appeared = appoint(p, account).compare().appeared
        about_the_manager = [
            f
            for f in appeared
            if f.rule in {"plan-owner-not-account-manager", "key-account-without-manager"}
            or account.suggested_manager in f.involves
        ]
        assert about_the_manager == [], account.reasons


def test_a_lost_key_account_is_released():
    p = sample_portfolio()
    p = p.replace(p.customer("C-NORD").with_status(sr.CustomerStatus.LOST))
    result = sr.assess_key_accounts(p)
    nord = result.explain("C-NORD")
    assert nord.recommendation is Recommendation.RELEASE
    assert nord.score is None
    assert nord.rank is None
    lost = "The customer is lost: only an existing, active customer can be a key account"
    assert nord.reasons == (f"{lost} (S2.1, S2.2).",)
    assert result.accounts[-1] is nord


def test_a_key_account_that_cannot_be_scored_is_kept_for_review():
    weights = AssessmentWeights(
        revenue=0, profit=0, growth_potential=0, share_of_wallet=0, relationship=1
    )
    result = sr.assess_key_accounts(sample_portfolio(), weights=weights)
    found = by_customer(result)
    assert found["C-ACME"].score == 1
    assert found["C-NORD"].score is None
    assert found["C-NORD"].recommendation is Recommendation.KEEP
    assert "kept for review" in found["C-NORD"].reasons[0]
    assert found["C-BAKER"].recommendation is Recommendation.NONE
    assert found["C-BAKER"].reasons == ("Not a key account: nothing is known to score it on.",)
    assert [a.customer for a in result.accounts] == ["C-ACME", "C-NORD", "C-BAKER"]


def test_an_unscored_key_account_beyond_the_cap_is_released():
    weights = AssessmentWeights(
        relationship=1, revenue=0, profit=0, growth_potential=0, share_of_wallet=0
    )
    result = sr.assess_key_accounts(sample_portfolio(), weights=weights, cap=1)
    assert result.explain("C-NORD").reasons == ("Release it: nothing is known to score it on.",)


def test_a_negative_growth_scales_to_zero():
    p = sample_portfolio()
    p = p.replace(attrs.evolve(p.customer("C-NORD"), growth_potential=Decimal("-0.2")))
    nord = sr.assess_key_accounts(p).explain("C-NORD")
    assert nord.criteria[2].value == Decimal("-0.2")
    assert nord.criteria[2].scaled == 0
    p = p.replace(attrs.evolve(p.customer("C-ACME"), growth_potential=Decimal("-0.1")))
    acme = sr.assess_key_accounts(p).explain("C-ACME")
    assert acme.criteria[2].scaled == 0


def test_the_assessment_tabulates_every_criterion():
    records = sr.assess_key_accounts(sample_portfolio()).to_records()
    assert records[0]["customer"] == "C-ACME"
    assert records[0]["revenue_scaled"] == 1
    assert records[2]["profit_scaled"] is None
    assert records[1]["recommendation"] == "keep"
    explained = sr.assess_key_accounts(sample_portfolio()).explain("C-NORD")
    assert [r["criterion"] for r in explained.to_records()] == list(CRITERIA)
    assert explained.summary()["rank"] == 2
    assert "- Scores 0.61 (rank 2)" in repr(explained)


def test_explaining_a_customer_that_was_not_assessed_is_refused():
    with pytest.raises(NotFoundError, match="C-MILL"):
        sr.assess_key_accounts(sample_portfolio()).explain("C-MILL")


def test_figures_in_another_currency_are_refused():
    p = sample_portfolio()
    p = p.replace(
        attrs.evolve(p.customer("C-BAKER"), annual_revenue=Money(amount=1, currency="USD"))
    )
    with pytest.raises(sr.CurrencyMismatchError, match="'C-BAKER' has its annual_revenue in USD"):
        sr.assess_key_accounts(p)


def test_weights_are_validated_with_their_paths():
    with pytest.raises(ValidationError) as caught:
        AssessmentWeights(revenue=-1, profit="-0.5")
    assert [(e.path, e.code) for e in caught.value.errors] == [
        ("revenue", "out_of_range"),
        ("profit", "out_of_range"),
    ]
    with pytest.raises(ValidationError) as caught:
        AssessmentWeights(
            revenue=0, profit=0, growth_potential=0, share_of_wallet=0, relationship=0
        )
    assert [(e.path, e.code) for e in caught.value.errors] == [("", "all_zero")]
    assert AssessmentWeights(revenue="2").revenue == Decimal(2)


@pytest.mark.parametrize("weight", [0.3, "0.3", Decimal("0.3")])
def test_a_weight_is_any_number_read_exactly(weight):
    # A weight is a proportion, no money: a float is read through its repr, 0.3 as 0.3.
    weights = AssessmentWeights(revenue=weight, profit=weight)
    assert (weights.revenue, weights.profit) == (Decimal("0.3"), Decimal("0.3"))
    assert AssessmentWeights(revenue=1).revenue == Decimal(1)


def test_every_bad_weight_is_named_and_all_zero_only_when_every_weight_reads():
    with pytest.raises(ValidationError) as caught:
        AssessmentWeights(revenue=float("nan"), profit="heavy", relationship=-0.5)
    assert [(e.path, e.code) for e in caught.value.errors] == [
        ("revenue", "out_of_range"),
        ("profit", "invalid_decimal"),
        ("relationship", "out_of_range"),
    ]
    # A weight that does not read might have been the one above 0: "all zero" is not judged.
    with pytest.raises(ValidationError) as caught:
        AssessmentWeights(
            revenue=0, profit=0, growth_potential=0, share_of_wallet=0, relationship=None
        )
    assert [(e.path, e.code) for e in caught.value.errors] == [("relationship", "invalid_decimal")]


def test_every_bad_limit_is_named_at_once():
    with pytest.raises(ValidationError) as caught:
        sr.assess_key_accounts(
            sample_portfolio(), weights="heavy", cap=0, max_per_manager=True, threshold=Decimal(2)
        )
    assert [e.path for e in caught.value.errors] == [
        "weights",
        "cap",
        "max_per_manager",
        "threshold",
    ]
    with pytest.raises(ValidationError):
        sr.assess_key_accounts(sample_portfolio(), threshold=Decimal("NaN"))
    with pytest.raises(ValidationError):
        sr.assess_key_accounts(sample_portfolio(), threshold=1.5)


def test_the_threshold_is_any_number_and_comes_back_as_the_decimal_read():
    assert sr.assess_key_accounts(sample_portfolio(), threshold=0.9).threshold == Decimal("0.9")
    as_float = sr.assess_key_accounts(sample_portfolio(), threshold=0.9)
    as_decimal = sr.assess_key_accounts(sample_portfolio(), threshold=Decimal("0.9"))
    assert as_float == as_decimal


def test_a_generated_portfolio_is_cut_down_to_the_cap():
    p = generate_portfolio(60, seed=2)
    result = sr.assess_key_accounts(p, cap=25, max_per_manager=10)
    assert len(result.recommended) <= 25
    assert len(result.keep) + len(result.release) == 60
    loads = Counter(
        a.suggested_manager or a.manager for a in result.accounts if a.recommended_key_account
    )
    assert max(loads.values()) <= 10


@given(portfolios(), st.integers(1, 3), st.none() | st.integers(1, 2))
def test_the_assessment_never_exceeds_the_cap(p, cap, most):
    result = sr.assess_key_accounts(p, cap=cap, max_per_manager=most)
    assert len(result.recommended) <= cap
    designated = Counter(a.suggested_manager for a in result.accounts if a.suggested_manager)
    if most is not None:
        assert all(n <= most for n in designated.values())
    active = {c.id for c in p.customers if c.is_active}
    assert {a.customer for a in result.accounts} == active | {k.customer for k in p.key_accounts}
    for a in result.accounts:
        assert a.score is None or 0 <= a.score <= 1
        assert a.reasons
        assert (a.recommendation is Recommendation.RELEASE) <= a.is_key_account
        assert (a.recommendation is Recommendation.DESIGNATE) <= (not a.is_key_account)


@given(portfolios())
def test_the_assessment_never_changes_the_portfolio(p):
    before = attrs.asdict(p, recurse=False)
    sr.assess_key_accounts(p)
    assert attrs.asdict(p, recurse=False) == before


def test_a_profit_in_another_currency_is_named_too():
    p = sample_portfolio()
    p = p.replace(
        attrs.evolve(p.customer("C-NORD"), annual_profit=Money(amount=1, currency="USD"))
    )
    with pytest.raises(
        sr.CurrencyMismatchError,
        match="customer 'C-NORD' has its annual_profit in USD, but the portfolio's figures are "
        "in EUR",
    ):
        sr.assess_key_accounts(p)


@pytest.mark.parametrize("portfolio", [None, "portfolio", 5])
def test_a_portfolio_is_required(portfolio):
    with pytest.raises(ValidationError) as caught:
        sr.assess_key_accounts(portfolio)
    assert [(e.path, e.code) for e in caught.value.errors] == [("portfolio", "invalid_type")]
