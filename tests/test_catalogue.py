"""Rules are data: each declares the work it guards, and decide cites what the catalogue says."""

from __future__ import annotations

import itertools

import pytest

import salesroles as sr
from salesroles import Responsibility, Role
from salesroles._rules.catalogue import rule_for
from salesroles._rules.rule import FORMER_CUSTOMER, LEAD, Guard

LEAD_SUBJECT = sr.Lead(id="L-1", company="Beta AG", source="marketing", status="new")
LAPSED = sr.Customer(id="C-1", name="Old AG", segment="large", status="lapsed")


def test_the_rules_about_misassigned_work_declare_what_they_guard():
    """Seven rules guard work; the eight about gaps (a missing plan, a threat) guard none."""
    guarded = {r.id for r in sr.rules() if r.guards}
    assert guarded == {
        "account-manager-new-business",
        "key-account-without-manager",
        "key-account-not-customer",
        "target-not-set-by-sales-manager",
        "plan-owner-not-account-manager",
        "order-admin-not-coordinator",
        "key-account-served-by-sales-rep",
    }


@pytest.mark.parametrize(
    ("role", "duty", "subject", "expected"),
    [
        (
            Role.SALES_REP,
            Responsibility.MANAGE_KEY_ACCOUNTS,
            None,
            "key-account-served-by-sales-rep",
        ),
        (Role.MARKETING, Responsibility.MANAGE_KEY_ACCOUNTS, None, "key-account-without-manager"),
        (Role.ACCOUNT_MANAGER, Responsibility.PROSPECTING, None, "account-manager-new-business"),
        (Role.SALES_REP, Responsibility.PROSPECTING, None, None),
        (Role.ACCOUNT_MANAGER, Responsibility.CLOSE_DEALS, LEAD, "account-manager-new-business"),
        (
            Role.ACCOUNT_MANAGER,
            Responsibility.MANAGE_KEY_ACCOUNTS,
            FORMER_CUSTOMER,
            "key-account-not-customer",
        ),
        (Role.SALES_REP, Responsibility.ORDER_ADMINISTRATION, None, "order-admin-not-coordinator"),
        (Role.SALES_REP, Responsibility.CLOSE_DEALS, None, None),
    ],
)
def test_the_most_specific_guard_names_the_rule(role, duty, subject, expected):
    """A sales rep on a key account is the specific rule; anybody else the general one."""
    found = rule_for(role, duty, subject)
    assert (found.id if found else None) == expected


def test_subject_only_lookups_ignore_guards_without_subjects():
    """Work that is the role's own is wrong only for its subject."""
    am, duty = Role.ACCOUNT_MANAGER, Responsibility.SET_SALES_TARGETS
    plain = rule_for(am, duty, FORMER_CUSTOMER)
    assert plain is not None
    assert plain.id == "target-not-set-by-sales-manager"
    assert rule_for(am, duty, FORMER_CUSTOMER, subject_only=True) is None
    keeping = rule_for(am, Responsibility.MANAGE_KEY_ACCOUNTS, FORMER_CUSTOMER, subject_only=True)
    assert keeping is not None
    assert keeping.id == "key-account-not-customer"


def test_a_guard_is_as_specific_as_the_parts_it_names():
    """An empty part means any; each named part narrows the work."""
    assert Guard().specificity == 0
    anyone = Guard(responsibilities=frozenset({Responsibility.GENERATE_LEADS}))
    assert anyone.fits(Role.SALES_REP, Responsibility.GENERATE_LEADS, None)
    assert not anyone.fits(Role.SALES_REP, Responsibility.FIELD_SALES, None)
    on_leads = Guard(roles=frozenset({Role.MARKETING}), subjects=frozenset({LEAD}))
    assert on_leads.specificity == 2
    assert on_leads.fits(Role.MARKETING, Responsibility.FIELD_SALES, LEAD)
    assert not on_leads.fits(Role.MARKETING, Responsibility.FIELD_SALES, None)


@pytest.mark.parametrize("policy", [sr.STRICT, sr.MERGED])
def test_every_rule_decide_cites_guards_that_work(policy):
    """decide's rule, for every role, duty and subject, is a rule whose guard fits the work."""
    for role, duty, subject in itertools.product(
        Role, Responsibility, [None, LEAD_SUBJECT, LAPSED]
    ):
        decision = sr.decide(role, duty, subject, policy=policy)
        if decision.rule is None:
            continue
        kind = {None: None, LEAD_SUBJECT: LEAD, LAPSED: FORMER_CUSTOMER}[subject]
        cited = next(r for r in sr.rules() if r.id == decision.rule)
        assert any(g.fits(role, duty, kind) for g in cited.guards), (role, duty, subject)
