from datetime import date

import pytest

from salesroles import (
    Customer,
    CustomerStatus,
    KeyAccount,
    Lead,
    LeadStatus,
    LifecycleError,
    NotFoundError,
    Segment,
)
from salesroles.testing import sample_portfolio


def lead(status: str) -> Lead:
    return Lead(id="L-1", company="Beta AG", source="marketing", status=status, owner="bob")


def customer(status: str) -> Customer:
    return Customer(id="C-1", name="ACME", segment="large", status=status)


@pytest.mark.parametrize(
    ("move", "allowed"),
    [
        ("contact", {"new"}),
        ("qualify", {"new", "contacted"}),
        ("disqualify", {"new", "contacted", "qualified"}),
    ],
)
def test_lead_moves_are_allowed_only_from_their_statuses(move, allowed):
    for status in LeadStatus:
        if status.value in allowed:
            assert getattr(lead(status), move)().status is not status
        else:
            with pytest.raises(LifecycleError, match=f"is {status.value}"):
                getattr(lead(status), move)()


def test_a_qualified_lead_converts_into_an_active_customer():
    converted, new = lead("qualified").convert(
        customer_id="C-BETA", segment=Segment.MEDIUM, since=date(2026, 11, 1)
    )
    assert converted.status is LeadStatus.CONVERTED
    assert (new.id, new.name, new.status, new.since) == (
        "C-BETA",
        "Beta AG",
        CustomerStatus.ACTIVE,
        date(2026, 11, 1),
    )
    _, named = lead("qualified").convert(customer_id="C", segment=Segment.SMALL, name="Beta")
    assert named.name == "Beta"


@pytest.mark.parametrize("status", ["new", "contacted", "disqualified", "converted"])
def test_only_a_qualified_lead_converts(status):
    with pytest.raises(LifecycleError, match="only a qualified lead can become converted"):
        lead(status).convert(customer_id="C", segment=Segment.SMALL)


def test_an_active_customer_can_be_designated_a_key_account():
    account = customer("active").designate(manager="ann", on=date(2026, 1, 1), reason="top 5")
    assert account == KeyAccount(
        customer="C-1", manager="ann", designated_on=date(2026, 1, 1), reason="top 5"
    )


@pytest.mark.parametrize("status", ["lapsed", "lost"])
def test_a_lapsed_or_lost_customer_cannot_be_designated(status):
    with pytest.raises(LifecycleError, match=rf"is {status}: only an active customer.*S2\.1"):
        customer(status).designate()


def test_customer_status_changes_by_a_new_object():
    active = customer("active")
    assert active.with_status(CustomerStatus.LOST).status is CustomerStatus.LOST
    assert active.is_active


def test_portfolio_lead_moves_replace_the_lead():
    p = sample_portfolio()
    assert p.qualify_lead("L-BETA").lead("L-BETA").status is LeadStatus.QUALIFIED
    assert p.disqualify_lead("L-BETA").lead("L-BETA").status is LeadStatus.DISQUALIFIED
    won = p.convert_lead("L-GAMMA", customer_id="C-GAMMA", segment=Segment.MEDIUM)
    assert won.lead("L-GAMMA").status is LeadStatus.CONVERTED
    assert won.customer("C-GAMMA").name == "Gamma Bau"
    assert p.lead("L-GAMMA").status is LeadStatus.QUALIFIED  # the original is untouched


def test_designating_a_lead_is_refused_citing_the_article():
    with pytest.raises(LifecycleError, match=r"is a lead, not a customer.*S1\.4"):
        sample_portfolio().designate_key_account("L-BETA")


def test_designating_a_lapsed_customer_is_refused():
    with pytest.raises(LifecycleError, match="is lapsed"):
        sample_portfolio().designate_key_account("C-MILL")


def test_designating_twice_or_an_unknown_id_is_refused():
    p = sample_portfolio()
    with pytest.raises(LifecycleError, match="already a key account"):
        p.designate_key_account("C-ACME")
    with pytest.raises(NotFoundError, match="'C-NOPE' names nothing"):
        p.designate_key_account("C-NOPE")


def test_designation_with_a_manager_requires_an_account_manager():
    p = sample_portfolio()
    with pytest.raises(LifecycleError, match="'bob' is a sales_rep"):
        p.designate_key_account("C-BAKER", manager="bob")
    designated = p.designate_key_account("C-BAKER", manager="kai", reason="growing fast")
    assert designated.key_account("C-BAKER").manager == "kai"
    assert designated.is_key_account("C-BAKER")


def test_assigning_a_manager():
    p = sample_portfolio()
    moved = p.assign_manager("C-NORD", "ann")
    assert moved.key_account("C-NORD").manager == "ann"
    assert [a.customer for a in moved.accounts_managed_by("ann")] == ["C-ACME", "C-NORD"]
    with pytest.raises(LifecycleError, match="'dora' is a sales_manager"):
        p.assign_manager("C-NORD", "dora")
    with pytest.raises(NotFoundError, match="not a key account"):
        p.assign_manager("C-BAKER", "ann")
    with pytest.raises(NotFoundError):
        p.assign_manager("C-NORD", "nobody")


def test_releasing_a_key_account():
    p = sample_portfolio().release_key_account("C-NORD")
    assert not p.is_key_account("C-NORD")
    assert p.customer("C-NORD").is_active
    with pytest.raises(NotFoundError):
        p.release_key_account("C-NORD")
