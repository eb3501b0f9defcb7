"""Rules are data: each declares the work it guards, and decide cites what the catalogue says."""

from __future__ import annotations

import itertools

import pytest

import salesroles as sr
from salesroles import Responsibility, Role
from salesroles._rules.catalogue import rule_for
from salesroles._rules.rule import Guard, Rule, rule
from salesroles._rules.work import (
    CURRENT_PLAN,
    FORMER_CUSTOMER,
    FORMER_KEY_ACCOUNT,
    KEY_ACCOUNT,
    KEY_ACCOUNT_WORK,
    LEAD,
    ORDER,
    TARGET,
)

LEAD_SUBJECT = sr.Lead(id="L-1", company="Beta AG", source="marketing", status="new")
LAPSED = sr.Customer(id="C-1", name="Old AG", segment="large", status="lapsed")


def test_the_rules_about_misassigned_work_declare_what_they_guard():
    """Eight rules guard work; the eight about gaps (a missing plan, a threat) guard none."""
    guarded = {r.id for r in sr.rules() if r.guards}
    assert guarded == {
        "account-manager-new-business",
        "key-account-without-manager",
        "key-account-not-customer",
        "target-not-set-by-sales-manager",
        "plan-owner-not-account-manager",
        "order-admin-not-coordinator",
        "key-account-served-by-sales-rep",
        "work-outside-role",
    }


AM, SR, MARKETING = Role.ACCOUNT_MANAGER, Role.SALES_REP, Role.MARKETING
DUTY = Responsibility


@pytest.mark.parametrize(
    ("role", "duty", "kinds", "expected"),
    [
        (SR, DUTY.MANAGE_KEY_ACCOUNTS, [KEY_ACCOUNT_WORK], "served-by-sales-rep"),
        (SR, DUTY.CLOSE_DEALS, [KEY_ACCOUNT_WORK], "served-by-sales-rep"),
        (SR, DUTY.MANAGE_KEY_ACCOUNTS, [KEY_ACCOUNT], "without-manager"),
        (MARKETING, DUTY.MANAGE_KEY_ACCOUNTS, [KEY_ACCOUNT], "without-manager"),
        (MARKETING, DUTY.MANAGE_KEY_ACCOUNTS, [KEY_ACCOUNT_WORK], "outside-role"),
        (AM, DUTY.PROSPECTING, [], "new-business"),
        (AM, DUTY.CLOSE_DEALS, [LEAD], "new-business"),
        (AM, DUTY.WRITE_ACCOUNT_PLAN, [FORMER_CUSTOMER], "new-business"),
        (AM, DUTY.MANAGE_KEY_ACCOUNTS, [FORMER_KEY_ACCOUNT], "not-customer"),
        (SR, DUTY.ORDER_ADMINISTRATION, [ORDER], "admin-not-coordinator"),
        (SR, DUTY.ORDER_ADMINISTRATION, [], "outside-role"),
        (SR, DUTY.WRITE_ACCOUNT_PLAN, [CURRENT_PLAN], "owner-not-account-manager"),
        (MARKETING, DUTY.SET_SALES_TARGETS, [TARGET], "not-set-by-sales-manager"),
        (SR, DUTY.PROSPECTING, [], "outside-role"),
    ],
)
def test_the_most_specific_guard_names_the_rule(role, duty, kinds, expected):
    """A rep on a key account's work is the specific rule; a general one covers the rest."""
    found = rule_for(role, duty, kinds)
    assert found is not None
    assert found.id.endswith(expected)


def test_subject_only_lookups_ignore_guards_without_subjects():
    """Work that is the role's own is wrong only for its subject."""
    duty = DUTY.SET_SALES_TARGETS
    assert rule_for(AM, duty, [LEAD], subject_only=True).id == "account-manager-new-business"
    assert rule_for(AM, duty, [], subject_only=True) is None


def test_a_guard_is_as_specific_as_the_parts_it_names():
    """An empty part means any; each named part narrows the work; kinds fit when one is named."""
    assert Guard().specificity == 0
    assert Guard().fits(MARKETING, DUTY.FIELD_SALES, frozenset())
    anyone = Guard(responsibilities=frozenset({DUTY.GENERATE_LEADS}))
    assert anyone.fits(SR, DUTY.GENERATE_LEADS, frozenset())
    assert not anyone.fits(SR, DUTY.FIELD_SALES, frozenset())
    on_leads = Guard(roles=frozenset({MARKETING}), subjects=frozenset({LEAD, ORDER}))
    assert on_leads.specificity == 2
    assert on_leads.fits(MARKETING, DUTY.FIELD_SALES, frozenset({ORDER, TARGET}))
    assert not on_leads.fits(MARKETING, DUTY.FIELD_SALES, frozenset())


@pytest.mark.parametrize("policy", [sr.STRICT, sr.MERGED])
def test_every_rule_decide_cites_guards_that_work(policy):
    """decide's rule, for every role, duty and subject, is a rule whose guard fits the work."""
    for role, duty, subject in itertools.product(Role, DUTY, [None, LEAD_SUBJECT, LAPSED]):
        decision = sr.decide(role, duty, subject, policy=policy)
        if decision.rule is None:
            assert decision.allowed
            continue
        cited = next(r for r in sr.rules() if r.id == decision.rule)
        assert cited.guards, (role, duty, subject)


# -- the @rule decorator: a judge and its docstring become a catalogue entry --


def _judge_nothing(ctx):
    """Every key account  has a manager,
    named in the portfolio.

    An account without one drifts:
    nobody keeps it.

    Name one this quarter.
    """
    return iter(())


def test_a_judges_docstring_becomes_the_rules_summary_and_explanation():
    """The first paragraph is the summary, the rest the explanation, each on one line."""
    guard = Guard(roles=frozenset({MARKETING}))
    made = rule(
        "account-needs-manager",
        title="Account needs a manager",
        severity=sr.Severity.WARNING,
        claims=("S2.1", "S2.2"),
        fires_when="a key account has no manager",
        guards=(guard,),
    )(_judge_nothing)
    assert made == Rule(
        id="account-needs-manager",
        title="Account needs a manager",
        summary="Every key account has a manager, named in the portfolio.",
        default_severity=sr.Severity.WARNING,
        claims=("S2.1", "S2.2"),
        fires_when="a key account has no manager",
        explanation="An account without one drifts: nobody keeps it. Name one this quarter.",
        guards=(guard,),
        judge=_judge_nothing,
    )
    assert made.judge is _judge_nothing
    assert str(made) == (
        "account-needs-manager (warning; S2.1, S2.2): a key account has no manager"
    )


def test_a_judge_without_a_docstring_has_an_empty_summary_and_explanation():
    """Nothing is invented for a judge that says nothing; a rule without guards guards none."""

    def silent(ctx):
        return iter(())

    made = rule(
        "silent", title="Silent", severity=sr.Severity.INFO, claims=(), fires_when="never"
    )(silent)
    assert (made.summary, made.explanation, made.guards) == ("", "", ())
