import pickle
from datetime import date

import attrs
import pytest
from hypothesis import given, settings

from salesroles import (
    AccountPlan,
    Assignment,
    CompetitiveThreat,
    Customer,
    KeyAccount,
    NotFoundError,
    Period,
    PlanAction,
    Portfolio,
    Product,
    Role,
    Stakeholder,
    TeamMember,
    ValidationError,
)
from salesroles._model.portfolio import resolve_as_of
from salesroles._model.references import COLLECTIONS, KINDS_HELD, owned_ids
from salesroles.testing import generate_portfolio, portfolios, sample_portfolio


def problems(make):
    with pytest.raises(ValidationError) as caught:
        make()
    return [(item.path, item.code) for item in caught.value.errors]


def test_the_sample_portfolio_is_valid_and_complete():
    p = sample_portfolio()
    assert {m.role for m in p.team} == set(Role)
    assert len(p.key_accounts) == 2


def test_duplicate_ids_across_collections_are_all_reported_with_paths():
    p = sample_portfolio()
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(
            p,
            products=[*p.products, Product(id="ann", name="Ann pump")],
            customers=[
                *p.customers,
                Customer(id="C-ACME", name="x", segment="small", status="lost"),
            ],
        )
    # Products are registered before the team, so the team member is the second 'ann'.
    assert [(i.path, i.code) for i in caught.value.errors] == [
        ("team[0].id", "duplicate_id"),
        ("customers[4].id", "duplicate_id"),
    ]
    assert "'ann' is already the id of a product at products[3]" in caught.value.errors[0].message


def test_nested_ids_are_unique_too():
    p = sample_portfolio()
    account = p.key_account("C-ACME")
    doubled = account.with_threat(CompetitiveThreat(id="A-1", competitor="Other"))
    assert ("plans[0].actions[0].id", "duplicate_id") in problems(
        lambda: p._replace_account(doubled)
    )


def test_a_customer_is_designated_once():
    p = sample_portfolio()
    assert problems(
        lambda: attrs.evolve(p, key_accounts=[*p.key_accounts, KeyAccount(customer="C-ACME")])
    ) == [("key_accounts[2].customer", "duplicate_key_account")]


def test_every_dangling_reference_is_reported_at_once():
    def broken():
        return Portfolio(
            team=[TeamMember(id="ann", name="Ann", role="account_manager")],
            customers=[Customer(id="C-1", name="A", segment="large", status="active")],
            key_accounts=[KeyAccount(customer="C-9", manager="zed")],
            stakeholders=[Stakeholder(id="S-1", customer="C-1", name="Eva", buying_role="user")],
            plans=[
                AccountPlan(
                    id="AP-1",
                    account="C-1",
                    owner="S-1",
                    period=Period.year(2026),
                    actions=[
                        PlanAction(id="A-1", kind="growth", description="x", responds_to="TH-9")
                    ],
                )
            ],
            assignments=[Assignment(member="ann", responsibility="prospecting", subject="ann")],
        )

    assert problems(broken) == [
        ("key_accounts[0].customer", "dangling_reference"),
        ("key_accounts[0].manager", "dangling_reference"),
        ("plans[0].owner", "wrong_reference"),
        ("plans[0].actions[0].responds_to", "dangling_reference"),
        ("assignments[0].subject", "wrong_reference"),
    ]


@given(portfolios())
@settings(max_examples=30)
def test_each_collection_holds_only_the_kinds_of_id_it_is_said_to_hold(portfolio):
    # A wholly unreadable collection stops references to these kinds being judged.
    assert set(KINDS_HELD) == set(COLLECTIONS)
    for name in COLLECTIONS:
        for item in getattr(portfolio, name):
            assert {kind for _, _, kind in owned_ids(item)} <= KINDS_HELD[name]


def test_the_kinds_said_to_be_held_are_no_more_than_a_full_portfolio_holds():
    portfolio = generate_portfolio(30)
    for name, kinds in KINDS_HELD.items():
        seen = {kind for item in getattr(portfolio, name) for _, _, kind in owned_ids(item)}
        assert seen == kinds, name


def test_wrong_kind_messages_say_what_was_found_and_expected():
    p = sample_portfolio()
    with pytest.raises(ValidationError) as caught:
        p.replace(attrs.evolve(p.plan("AP-ACME-2026"), owner="C-ACME"))
    assert str(caught.value) == (
        "plans[0].owner: 'C-ACME' is a customer; expected the id of a team member"
    )


def test_lookups_by_id():
    p = sample_portfolio()
    assert p.member("ann").name == "Ann Meyer"
    assert p.customer("C-ACME").name == "ACME Chemie AG"
    assert p.lead("L-BETA").company == "Beta AG"
    assert p.product("P-PUMP").name == "Industrial pumps"
    assert p.stakeholder("S-EVA").name == "Eva Eck"
    assert p.plan("AP-ACME-2026").owner == "ann"
    assert p.contract("K-ACME").term_months == 36
    assert p.order("O-1").customer == "C-BAKER"
    assert p.deal("D-1").owner == "ann"
    assert p.target("T-BOB").set_by == "dora"
    assert p.threat("TH-1").competitor == "Rival Corp"
    assert p.account_of_threat("TH-1") == p.key_account("C-ACME")
    assert p.account_of_threat("TH-9") is None
    assert p.get("S-EVA") is p.stakeholder("S-EVA")
    assert p.get("nothing") is None


def test_lookup_of_the_wrong_kind_or_an_unknown_id_raises_not_found():
    p = sample_portfolio()
    with pytest.raises(NotFoundError, match="'C-ACME' names a customer, not a team member"):
        p.member("C-ACME")
    with pytest.raises(NotFoundError, match="'zed' names nothing"):
        p.customer("zed")
    with pytest.raises(NotFoundError, match="not a key account"):
        p.key_account("C-BAKER")
    assert isinstance(NotFoundError("x"), LookupError)


def test_the_questions_the_rules_ask():
    p = sample_portfolio()
    assert [s.id for s in p.stakeholders_of("C-ACME")] == ["S-EVA", "S-TOM", "S-IDA"]
    assert p.stakeholders_of("C-MILL") == ()
    assert [x.id for x in p.plans_of("C-ACME")] == ["AP-ACME-2026"]
    assert [k.id for k in p.contracts_of("C-ACME")] == ["K-ACME"]
    assert [o.id for o in p.orders_of("C-NORD")] == ["O-2"]
    assert [d.id for d in p.deals_of("C-NORD")] == ["D-2"]
    assert [lead.id for lead in p.leads_of("bob")] == ["L-BETA"]
    assert [t.id for t in p.targets_of("sue")] == ["T-SUE"]
    assert [m.id for m in p.members_with(Role.ACCOUNT_MANAGER)] == ["ann", "kai"]
    assert p.assignments_of("bob") == ()


def test_current_plan_depends_on_the_date():
    p = sample_portfolio()
    assert p.current_plan("C-ACME").id == "AP-ACME-2026"
    assert p.current_plan("C-ACME", date(2027, 1, 1)) is None
    later = attrs.evolve(
        p.plan("AP-ACME-2026"),
        id="AP-ACME-H2",
        period=Period(start="2026-07-01", end="2026-12-31"),
        actions=(),
    )
    both = p.add(later)
    assert both.current_plan("C-ACME", date(2026, 8, 1)).id == "AP-ACME-H2"
    assert both.current_plan("C-ACME", date(2026, 3, 1)).id == "AP-ACME-2026"


def test_active_contracts_depend_on_the_date():
    p = sample_portfolio()
    assert [k.id for k in p.active_contracts()] == ["K-ACME"]
    assert p.active_contracts(date(2025, 12, 31)) == ()
    assert p.active_contracts(date(2029, 1, 1)) == ()
    assert p.active_contracts(customer="C-NORD") == ()


def test_the_date_to_judge_at():
    p = sample_portfolio()
    assert resolve_as_of(date(2020, 1, 1), p) == date(2020, 1, 1)
    assert resolve_as_of(None, p) == date(2026, 11, 27)
    undated = attrs.evolve(p, as_of=None)
    assert resolve_as_of(None, undated) == date.today()  # the documented default


def test_add_replace_remove():
    p = sample_portfolio()
    bigger = p.add(
        Product(id="P-NEW", name="New"), TeamMember(id="zoe", name="Zoe", role="marketing")
    )
    assert bigger.product("P-NEW").name == "New"
    assert bigger.member("zoe").role is Role.MARKETING
    renamed = p.replace(attrs.evolve(p.customer("C-ACME"), name="ACME AG"))
    assert renamed.customer("C-ACME").name == "ACME AG"
    assert renamed.customers.index(renamed.customer("C-ACME")) == 0
    assert p.remove("L-BETA").get("L-BETA") is None
    with pytest.raises(ValidationError, match="cannot add 'not an entity'"):
        p.add("not an entity")
    with pytest.raises(ValidationError, match="cannot replace"):
        p.replace(Assignment(member="bob", responsibility="prospecting", subject="L-BETA"))
    with pytest.raises(NotFoundError):
        p.replace(Product(id="P-NONE", name="x"))
    with pytest.raises(NotFoundError):
        p.remove("TH-1")
    with pytest.raises(NotFoundError):
        p.remove("nothing")


def test_removing_what_is_referred_to_names_every_reference():
    with pytest.raises(ValidationError) as caught:
        sample_portfolio().remove("S-EVA")
    assert [i.path for i in caught.value.errors] == ["plans[0].communication.stakeholders[0]"]


def test_lookups_with_something_that_is_no_id_raise_a_validation_error():
    p = sample_portfolio()
    for lookup in (p.customer, p.key_account, p.remove, p.designate_key_account):
        with pytest.raises(ValidationError, match="expected an id"):
            lookup(["C-ACME"])


def test_portfolio_html_summarises_its_collections():
    page = sample_portfolio()._repr_html_()
    assert "<td>key_accounts</td><td>2</td>" in page
    assert "judged as of 2026-11-27, currency EUR" in page
    assert "today (no as_of)" in Portfolio()._repr_html_()


def test_portfolio_repr_counts_instead_of_dumping():
    assert repr(Portfolio()) == "<Portfolio as_of=None>"
    assert "key_accounts=2" in repr(sample_portfolio())


def test_portfolio_currency_is_checked():
    assert problems(lambda: Portfolio(currency="euro")) == [("currency", "invalid_currency")]


def test_a_full_portfolio_round_trips_through_pickle():
    p = generate_portfolio(60, seed=3)
    p.member("am0")  # build the indexes first: they are not part of the pickle
    q = pickle.loads(pickle.dumps(p))
    assert q == p
    assert hash(q) == hash(p)
    assert q.key_account("C5") == p.key_account("C5")


def test_generated_portfolios_are_reproducible_and_large_ones_scale():
    assert generate_portfolio(30, seed=7) == generate_portfolio(30, seed=7)
    assert generate_portfolio(30, seed=7) != generate_portfolio(30, seed=8)
    clean = generate_portfolio(50, defects=0)
    assert all(a.manager for a in clean.key_accounts)
    assert len(clean.plans) == 50


@settings(max_examples=50)
@given(portfolios())
def test_generated_portfolios_are_valid_and_evolve_to_equal_copies(p):
    assert attrs.evolve(p) == p
    for account in p.key_accounts:
        assert p.is_key_account(account.customer)
        assert p.customer(account.customer).is_active
