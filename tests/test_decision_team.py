from decimal import Decimal

import attrs
import pytest
from hypothesis import given

import salesroles as sr
from salesroles import BuyingRole, NotFoundError, Stakeholder, ValidationError
from salesroles.testing import portfolios, sample_portfolio


def test_acme_has_a_full_decision_team_and_nordwerk_hangs_on_one_buyer():
    result = sr.decision_team(sample_portfolio())
    acme, nord = result.teams
    assert acme.covered == (
        BuyingRole.PURCHASING_MANAGER,
        BuyingRole.TECHNICAL_DECISION_MAKER,
        BuyingRole.SENIOR_EXECUTIVE,
    )
    assert acme.missing == ()
    # warm 0.75 x influence 3, champion 1 x 4, neutral 0.5 x 5: 8.75 over 12.
    assert acme.relationship_strength == Decimal("8.75") / 12
    assert not acme.single_contact
    assert nord.missing == (BuyingRole.TECHNICAL_DECISION_MAKER, BuyingRole.SENIOR_EXECUTIVE)
    assert nord.relationship_strength is None
    assert nord.single_contact
    assert nord.carrier == "S-OLE"
    assert nord.carrier_influence_share == 1
    assert result.summary() == {"accounts": 2, "with_gaps": 1, "single_contact": 1}
    assert result.claims == ("S4.2", "S4.3")


def test_one_contact_holding_most_of_the_influence_carries_the_account():
    p = sample_portfolio()
    p = p.replace(attrs.evolve(p.stakeholder("S-IDA"), influence=5))
    p = p.replace(attrs.evolve(p.stakeholder("S-EVA"), influence=1))
    p = p.replace(attrs.evolve(p.stakeholder("S-TOM"), influence=1))
    (acme,) = sr.decision_team(p, "C-ACME").teams
    assert acme.carrier == "S-IDA"
    assert acme.carrier_influence_share == Decimal(5) / 7
    # With a higher bar, five sevenths is not "most".
    (acme,) = sr.decision_team(p, "C-ACME", carry_share=Decimal("0.75")).teams
    assert acme.carrier is None


def test_unknown_influence_counts_as_the_middle_of_the_scale():
    p = sample_portfolio().add(
        Stakeholder(
            id="S-NEW",
            customer="C-NORD",
            name="Nina",
            buying_role="user",
            relationship="champion",
        )
    )
    (nord,) = sr.decision_team(p, "C-NORD").teams
    assert nord.stakeholders == 2
    assert nord.covered == (BuyingRole.PURCHASING_MANAGER, BuyingRole.USER)
    assert nord.carrier is None  # 3 and 3: nobody holds most
    assert nord.relationship_strength == 1  # Ole's relationship is not recorded


def test_any_customer_can_be_looked_at_but_not_an_unknown_one():
    (baker,) = sr.decision_team(sample_portfolio(), "C-BAKER").teams
    assert not baker.is_key_account
    (mill,) = sr.decision_team(sample_portfolio(), "C-MILL").teams
    assert mill.stakeholders == 0
    assert mill.carrier is None
    assert mill.relationship_strength is None
    with pytest.raises(NotFoundError, match="'C-NOPE'"):
        sr.decision_team(sample_portfolio(), "C-NOPE")


@pytest.mark.parametrize("bad", [Decimal(1), Decimal(-1), 1.5, Decimal("NaN"), "1", True, "half"])
def test_the_carry_share_must_be_a_number_from_zero_below_one(bad):
    """A share is read alike as int, float, Decimal or decimal string; 1 and above are refused."""
    with pytest.raises(ValidationError) as caught:
        sr.decision_team(sample_portfolio(), carry_share=bad)
    assert [e.path for e in caught.value.errors] == ["carry_share"]


@pytest.mark.parametrize("share", [0.5, "0.5", Decimal("0.5")])
def test_a_carry_share_may_be_given_as_any_number(share):
    """0.5, "0.5" and Decimal("0.5") give the same coverage, exactly."""
    team = sr.decision_team(sample_portfolio(), carry_share=share)
    assert team.carry_share == Decimal("0.5")


def test_decision_team_records_join_the_roles():
    records = sr.decision_team(sample_portfolio()).to_records()
    assert records[1] == {
        "customer": "C-NORD",
        "name": "Nordwerk Wasser GmbH",
        "key_account": True,
        "stakeholders": 1,
        "covered": "purchasing_manager",
        "missing": "technical_decision_maker, senior_executive",
        "relationship_strength": None,
        "single_contact": True,
        "carrier": "S-OLE",
        "carrier_influence_share": Decimal(1),
    }


def test_relationship_strength_weighs_by_influence():
    team = sample_portfolio().stakeholders_of("C-ACME")
    assert sr.relationship_strength(team) == Decimal("8.75") / 12
    assert sr.relationship_strength(()) is None


@given(portfolios())
def test_decision_teams_never_raise_nor_change_the_portfolio(p):
    before = attrs.asdict(p, recurse=False)
    result = sr.decision_team(p)
    assert attrs.asdict(p, recurse=False) == before
    assert [t.customer for t in result.teams] == [a.customer for a in p.key_accounts]
    for t in result.teams:
        assert t.relationship_strength is None or 0 <= t.relationship_strength <= 1
        assert t.single_contact == (t.carrier is not None)
        assert (t.stakeholders == 1) <= t.single_contact


def test_arguments_of_the_wrong_type_are_refused_by_name():
    p = sample_portfolio()
    for call, path in [
        (lambda: sr.decision_team(5), "portfolio"),
        (lambda: sr.decision_team(p, ["C-ACME"]), "customer"),
        (lambda: sr.decision_team(p, 7), "customer"),
        (lambda: sr.relationship_strength(5), "team"),
        (lambda: sr.relationship_strength("S-EVA"), "team"),
        (lambda: sr.relationship_strength(None), "team"),
    ]:
        with pytest.raises(ValidationError) as caught:
            call()
        assert [(e.path, e.code) for e in caught.value.errors] == [(path, "invalid_type")]


def test_every_member_of_a_team_that_is_no_stakeholder_is_named():
    eva = sample_portfolio().stakeholder("S-EVA")
    with pytest.raises(ValidationError) as caught:
        sr.relationship_strength([eva, 5, "S-TOM"])
    assert [e.path for e in caught.value.errors] == ["team[1]", "team[2]"]
    assert "team[1]: got the number 5; expected a Stakeholder" in str(caught.value)


def test_relationship_strength_takes_any_iterable_of_stakeholders():
    team = sample_portfolio().stakeholders_of("C-ACME")
    assert sr.relationship_strength(s for s in team) == sr.relationship_strength(list(team))
    assert sr.relationship_strength([]) is None
