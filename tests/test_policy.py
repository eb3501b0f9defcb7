"""Policies: the built-in ones, a company's own, and policies read from plain data."""

import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import salesroles as sr
from rules_fixtures import clean_portfolio
from salesroles import (
    MERGED,
    STRICT,
    Policy,
    Responsibility,
    Role,
    SalesRolesError,
    Severity,
    ValidationError,
    check,
    rules,
)

RULE_IDS = [r.id for r in rules()]
DAGGER = {"account-manager-new-business", "key-account-served-by-sales-rep"}


def problems(make):
    with pytest.raises(ValidationError) as caught:
        make()
    assert isinstance(caught.value, SalesRolesError)
    return [(item.path, item.code) for item in caught.value.errors]


def messages(make):
    with pytest.raises(ValidationError) as caught:
        make()
    return {item.path: item.message for item in caught.value.errors}


# -- the built-in policies --


def test_strict_is_the_articles_distinction_with_every_rule_on_at_its_default_severity():
    assert STRICT.name == "strict"
    assert STRICT.off == frozenset()
    assert {r: STRICT.severity_of(r) for r in RULE_IDS} == {
        r.id: r.default_severity for r in rules()
    }
    assert STRICT.owners_of("prospecting") == {Role.SALES_REP}
    assert STRICT.owners_of(Responsibility.MANAGE_KEY_ACCOUNTS) == {Role.ACCOUNT_MANAGER}
    assert STRICT.owners_of("widen_product_range") == {Role.ACCOUNT_MANAGER, Role.SALES_REP}
    assert STRICT.owners_of("propose_customization") == {Role.ACCOUNT_MANAGER, Role.MARKETING}
    assert STRICT.owners_of("set_sales_targets") == {Role.SALES_MANAGER}
    assert STRICT.owners_of("order_administration") == {Role.SALES_COORDINATOR}
    assert STRICT.owners_of("generate_leads") == {Role.MARKETING}
    assert set(STRICT.owners) == set(Responsibility)


def test_merged_switches_off_exactly_the_two_dagger_rules():
    assert MERGED.name == "merged"
    assert MERGED.off == DAGGER
    assert {r for r in RULE_IDS if MERGED.is_on(r)} == set(RULE_IDS) - DAGGER
    assert MERGED.severity_of("account-manager-new-business") is None
    assert MERGED.severity_of("decision-team-gap") is Severity.WARNING


def test_under_merged_account_managers_may_do_new_business_and_reps_key_account_work():
    assert MERGED.allows("account_manager", "prospecting")
    assert MERGED.allows(Role.ACCOUNT_MANAGER, Responsibility.FOLLOW_UP_LEADS)
    assert MERGED.allows("sales_rep", "manage_key_accounts")
    assert not MERGED.allows("sales_rep", "set_sales_targets")
    assert not MERGED.allows("marketing", "prospecting")
    assert not STRICT.allows("account_manager", "prospecting")


def test_merged_shares_every_responsibility_of_either_role_and_leaves_the_others_alone():
    """Under MERGED both titles own what either owns under STRICT; other owners stay."""
    one_job = {Role.ACCOUNT_MANAGER, Role.SALES_REP}
    for duty in Responsibility:
        strict = STRICT.owners_of(duty)
        assert MERGED.owners_of(duty) == (strict | one_job if strict & one_job else strict)
    assert MERGED.owners_of("propose_customization") == {
        Role.ACCOUNT_MANAGER,
        Role.SALES_REP,
        Role.MARKETING,
    }
    assert MERGED.owners_of("generate_leads") == {Role.MARKETING}
    assert MERGED.owners_of("set_sales_targets") == {Role.SALES_MANAGER}
    assert MERGED.owners_of("order_administration") == {Role.SALES_COORDINATOR}
    assert list(MERGED.owners) == list(Responsibility)


def test_built_in_policies_are_importable_by_name_and_are_policies():
    assert isinstance(sr.STRICT, Policy)
    assert isinstance(sr.MERGED, Policy)
    assert sr.Severity("error") is Severity.ERROR
    assert [s.rank for s in Severity] == [0, 1, 2]


# -- a company's own policy --


def test_a_changed_severity_takes_effect_in_the_report():
    p = clean_portfolio().remove("S-IDA")
    assert check(p).ok
    stricter = STRICT.with_severity("decision-team-gap", "error")
    report = check(p, policy=stricter)
    assert not report.ok
    assert [f.rule for f in report.errors] == ["decision-team-gap"]
    assert report.policy == "strict (customised)"


def test_a_rule_switched_off_reports_nothing_and_can_be_switched_back_on():
    p = clean_portfolio().remove("S-IDA")
    quiet = STRICT.switch_off("decision-team-gap")
    assert check(p, policy=quiet).findings == ()
    assert not quiet.is_on("decision-team-gap")
    loud = quiet.switch_on("decision-team-gap")
    assert [f.rule for f in check(p, policy=loud)] == ["decision-team-gap"]


def test_a_severity_change_survives_switching_a_rule_off_and_on():
    policy = STRICT.with_severity("decision-team-gap", Severity.INFO).switch_off(
        "decision-team-gap"
    )
    assert policy.severity_of("decision-team-gap") is None
    assert policy.switch_on("decision-team-gap").severity_of("decision-team-gap") is Severity.INFO


def test_a_moved_responsibility_takes_effect():
    p = clean_portfolio()
    p = p.replace(attrs.evolve(p.order("O-1"), administered_by="bob"))
    assert [f.rule for f in check(p)] == ["order-admin-not-coordinator"]
    moved = STRICT.with_owners("order_administration", "sales_coordinator", Role.SALES_REP)
    assert check(p, policy=moved).findings == ()
    assert moved.owners_of("order_administration") == {Role.SALES_COORDINATOR, Role.SALES_REP}


def test_a_responsibility_can_be_given_to_nobody():
    nobody = STRICT.with_owners("field_sales")
    assert nobody.owners_of("field_sales") == frozenset()
    assert "field_sales" in str(nobody)
    assert "nobody" in str(nobody)


def test_a_policy_derived_from_a_built_in_one_never_claims_its_name():
    assert STRICT.switch_off("decision-team-gap").name == "strict (customised)"
    assert MERGED.switch_off("decision-team-gap").name == "merged (customised)"
    assert STRICT.switch_on("decision-team-gap") is not None
    assert STRICT.switch_on("decision-team-gap").name == "strict"  # no change, same name
    acme = STRICT.named("acme", "ACME's sales policy").switch_off("decision-team-gap")
    assert acme.name == "acme"
    assert acme.description == "ACME's sales policy"
    assert acme.named("acme2").description == "ACME's sales policy"


def test_a_policy_built_directly_takes_what_it_leaves_out_from_strict():
    p = Policy(
        name="acme", severities={"decision-team-gap": "error"}, off=["no-communication-cadence"]
    )
    assert p.severity_of("decision-team-gap") is Severity.ERROR
    assert p.severity_of("key-account-without-plan") is Severity.ERROR
    assert p.owners == STRICT.owners
    assert p.off == frozenset({"no-communication-cadence"})
    assert list(p.severities) == RULE_IDS
    assert list(p.owners) == list(Responsibility)


def test_equal_policies_are_equal_and_hash_alike():
    a = STRICT.named("acme").with_severity("decision-team-gap", "error")
    b = STRICT.with_severity("decision-team-gap", "error").named("acme")
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b, STRICT}) == 2


def test_a_policy_reads_well_in_a_terminal():
    assert repr(MERGED) == "<Policy 'merged': 14 of 16 rules on>"
    text = str(MERGED)
    assert text.startswith("Policy 'merged': The O*NET reading of S0.2")
    assert "account-manager-new-business       off" in text
    assert "prospecting                        account_manager, sales_rep" in text
    assert str(Policy(name="bare")).splitlines()[0] == "Policy 'bare'"


ACME_AS_TEXT = """\
Policy 'acme': Our own.
  rules:
    account-manager-new-business       error
    key-account-without-manager        error
    key-account-not-customer           error
    target-not-set-by-sales-manager    error
    key-account-without-plan           error
    plan-owner-not-account-manager     error
    plan-missing-product-target        error
    plan-without-profitability-target  warning
    plan-without-relationship-action   warning
    threat-without-response            warning
    decision-team-gap                  off
    key-account-without-contract       warning
    order-admin-not-coordinator        warning
    key-account-served-by-sales-rep    warning
    no-communication-cadence           warning
    work-outside-role                  warning
  responsibilities:
    prospecting                        sales_rep
    follow_up_leads                    sales_rep
    close_deals                        sales_rep
    widen_product_range                account_manager, sales_rep
    meet_sales_target                  sales_rep
    set_sales_targets                  sales_manager
    manage_key_accounts                account_manager
    defend_against_competitors         account_manager
    own_account_profitability          account_manager
    write_account_plan                 account_manager
    negotiate_long_term_contracts      account_manager
    build_decision_team_relationships  account_manager
    coordinate_internal_resources      account_manager
    plan_decision_maker_communication  account_manager, marketing
    propose_customization              account_manager, marketing
    generate_leads                     marketing
    field_sales                        nobody
    order_administration               sales_coordinator, marketing"""


def test_a_policy_prints_each_rules_severity_and_each_responsibilitys_owners_as_a_table():
    """str() lists every rule with its severity or "off", then every responsibility's owners."""
    acme = (
        STRICT.named("acme", "Our own.")
        .switch_off("decision-team-gap")
        .with_severity("no-communication-cadence", "warning")
        .with_owners("field_sales")
        .with_owners("order_administration", "marketing", "sales_coordinator")
    )
    assert str(acme) == ACME_AS_TEXT
    assert repr(acme) == "<Policy 'acme': 15 of 16 rules on>"


# -- refusing what names nothing --


def test_deriving_with_an_unknown_rule_severity_role_or_responsibility_is_refused():
    assert problems(lambda: STRICT.with_severity("no-such-rule", "error")) == [
        ("rule", "unknown_rule")
    ]
    assert problems(lambda: STRICT.with_severity("decision-team-gap", "fatal")) == [
        ("severity", "invalid_enum")
    ]
    assert problems(lambda: STRICT.switch_off("no-such-rule")) == [("rule", "unknown_rule")]
    assert problems(lambda: STRICT.switch_on("no-such-rule")) == [("rule", "unknown_rule")]
    assert problems(lambda: STRICT.with_owners("order_administration", "boss")) == [
        ("roles[0]", "invalid_enum")
    ]
    assert problems(lambda: STRICT.with_owners("make_coffee", "sales_rep")) == [
        ("responsibility", "unknown_responsibility")
    ]
    assert problems(lambda: STRICT.is_on("no-such-rule")) == [("rule", "unknown_rule")]
    assert problems(lambda: STRICT.severity_of(3)) == [("rule", "unknown_rule")]
    assert problems(lambda: STRICT.allows("boss", "prospecting")) == [("role", "invalid_enum")]


def test_an_unknown_rule_names_the_allowed_ids():
    message = messages(lambda: STRICT.switch_off("decision-gap"))["rule"]
    assert "'decision-gap'" in message
    assert "'decision-team-gap'" in message


def test_a_policy_built_directly_with_bad_tables_lists_every_problem():
    assert problems(
        lambda: Policy(
            name=" ",
            description=3,
            severities={"nope": "error", "decision-team-gap": "fatal"},
            owners={"make_coffee": ["sales_rep"], "prospecting": ["boss"], "field_sales": "x"},
            off=["nope"],
        )
    ) == [
        ("name", "invalid_type"),
        ("description", "invalid_type"),
        ("owners.prospecting", "invalid_enum"),
        ("owners.field_sales", "invalid_type"),
        ("owners.make_coffee", "unknown_responsibility"),
        ("severities.decision-team-gap", "invalid_enum"),
        ("severities.nope", "unknown_rule"),
        ("off.nope", "unknown_rule"),
    ]


def test_a_policy_built_directly_with_tables_of_the_wrong_shape_is_refused():
    assert problems(lambda: Policy(name="x", owners=3, severities="all", off=7)) == [
        ("owners", "invalid_type"),
        ("severities", "invalid_type"),
        ("off", "invalid_type"),
    ]


# -- plain data, for config files --


@pytest.mark.parametrize(
    "policy",
    [
        STRICT,
        MERGED,
        STRICT.named("acme", "ours")
        .with_severity("decision-team-gap", "error")
        .switch_off("no-communication-cadence")
        .with_owners("order_administration", "sales_coordinator", "sales_rep"),
    ],
    ids=["strict", "merged", "custom"],
)
def test_a_policy_round_trips_through_plain_json_data(policy):
    data = json.loads(json.dumps(policy.to_dict()))
    assert Policy.from_dict(data) == policy


def test_plain_data_lists_every_rule_and_every_responsibility():
    data = MERGED.to_dict()
    assert set(data) == {"name", "description", "rules", "responsibilities"}
    assert list(data["rules"]) == RULE_IDS
    assert data["rules"]["account-manager-new-business"] == {
        "severity": "error",
        "enabled": False,
    }
    assert data["responsibilities"]["prospecting"] == ["account_manager", "sales_rep"]


def test_plain_data_changes_its_base_policy():
    p = Policy.from_dict(
        {
            "name": "acme",
            "base": "merged",
            "rules": {"account-manager-new-business": {"enabled": True}},
        }
    )
    assert p.is_on("account-manager-new-business")
    assert not p.is_on("key-account-served-by-sales-rep")
    assert p.owners == MERGED.owners
    assert Policy.from_dict({"name": "plain"}).owners == STRICT.owners


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"name": "x", "rules": {"decision-team-gap": {"severity": "fatal"}}},
            [("rules.decision-team-gap.severity", "invalid_enum")],
        ),
        (
            {"name": "x", "rules": {"decision-team-gaps": {"severity": "error"}}},
            [("rules.decision-team-gaps", "unknown_rule")],
        ),
        (
            {"name": "x", "rules": {"decision-team-gap": {"enabled": "no"}}},
            [("rules.decision-team-gap.enabled", "invalid_type")],
        ),
        (
            {"name": "x", "rules": {"decision-team-gap": {"level": "error"}}},
            [("rules.decision-team-gap.level", "unknown_key")],
        ),
        (
            {"name": "x", "rules": {"decision-team-gap": "error"}},
            [("rules.decision-team-gap", "invalid_type")],
        ),
        ({"name": "x", "rules": ["decision-team-gap"]}, [("rules", "invalid_type")]),
        (
            {"name": "x", "responsibilities": {"make_coffee": ["sales_rep"]}},
            [("responsibilities.make_coffee", "unknown_responsibility")],
        ),
        (
            {"name": "x", "responsibilities": {"order_administration": ["sales_rep", "boss"]}},
            [("responsibilities.order_administration[1]", "invalid_enum")],
        ),
        (
            {"name": "x", "responsibilities": {"order_administration": "sales_rep"}},
            [("responsibilities.order_administration", "invalid_type")],
        ),
        ({"name": "x", "responsibilities": []}, [("responsibilities", "invalid_type")]),
        ({"name": "x", "base": "lenient"}, [("base", "invalid_enum")]),
        ({"name": "x", "severity": "error"}, [("severity", "unknown_key")]),
        ({}, [("name", "missing")]),
        ({"name": ""}, [("name", "invalid_type")]),
        ({"name": "x", "description": 1}, [("description", "invalid_type")]),
        ([("name", "x")], [("", "invalid_type")]),
    ],
)
def test_bad_plain_data_is_refused_naming_the_path(data, expected):
    assert problems(lambda: Policy.from_dict(data)) == expected


def test_bad_plain_data_names_the_allowed_values():
    found = messages(
        lambda: Policy.from_dict(
            {
                "name": "x",
                "rules": {"decision-team-gap": {"severity": "fatal"}},
                "responsibilities": {"order_administration": ["boss"]},
            }
        )
    )
    assert found["rules.decision-team-gap.severity"] == (
        "got 'fatal'; expected one of 'error', 'warning', 'info'"
    )
    assert "'sales_coordinator'" in found["responsibilities.order_administration[0]"]


def test_check_takes_a_policy_by_name_or_as_plain_data():
    p = clean_portfolio()
    assert check(p, policy="merged").policy == "merged"
    assert check(p, policy={"name": "acme"}).policy == "acme"
    assert problems(lambda: check(p, policy="lenient")) == [("policy", "invalid_policy")]
    assert problems(lambda: check(p, policy={"name": "x", "base": "lenient"})) == [
        ("policy.base", "invalid_enum")
    ]


# -- properties --

changes = st.lists(
    st.one_of(
        st.tuples(st.just("severity"), st.sampled_from(RULE_IDS), st.sampled_from(Severity)),
        st.tuples(st.just("off"), st.sampled_from(RULE_IDS), st.none()),
        st.tuples(st.just("on"), st.sampled_from(RULE_IDS), st.none()),
        st.tuples(
            st.just("owners"),
            st.sampled_from(Responsibility),
            st.frozensets(st.sampled_from(Role)),
        ),
    ),
    max_size=8,
)


def derive(base, steps):
    policy = base
    for kind, what, value in steps:
        if kind == "severity":
            policy = policy.with_severity(what, value)
        elif kind == "off":
            policy = policy.switch_off(what)
        elif kind == "on":
            policy = policy.switch_on(what)
        else:
            policy = policy.with_owners(what, *value)
    return policy


@given(base=st.sampled_from([STRICT, MERGED]), steps=changes)
def test_any_derived_policy_round_trips_through_plain_data(base, steps):
    policy = derive(base, steps)
    assert Policy.from_dict(json.loads(json.dumps(policy.to_dict()))) == policy


@given(steps=changes)
def test_any_derived_policy_says_what_it_was_told(steps):
    policy = derive(STRICT, steps)
    for kind, what, value in steps[-1:]:
        if kind == "severity" and policy.is_on(what):
            assert policy.severity_of(what) is value
        elif kind == "off":
            assert policy.severity_of(what) is None
        elif kind == "on":
            assert policy.is_on(what)
        elif kind == "owners":
            assert policy.owners_of(what) == value


# -- direct construction reports unhashable entries, as from_dict does --


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"owners": {"prospecting": [["a"]]}}, [("owners.prospecting[0]", "invalid_enum")]),
        (
            {"owners": {"prospecting": ["sales_rep", {"a": 1}, "boss"]}},
            [("owners.prospecting[1]", "invalid_enum"), ("owners.prospecting[2]", "invalid_enum")],
        ),
        ({"off": [["a"]]}, [("off[0]", "unknown_rule")]),
        (
            {"off": ["decision-team-gap", ["a"], "nope"]},
            [("off[1]", "unknown_rule"), ("off[2]", "unknown_rule")],
        ),
    ],
)
def test_a_policy_built_directly_with_unhashable_entries_is_refused_with_paths(kwargs, expected):
    assert problems(lambda: Policy(name="x", **kwargs)) == expected


def test_an_unhashable_entry_names_the_allowed_values():
    assert (
        "'sales_rep'"
        in messages(lambda: Policy(name="x", owners={"prospecting": [["a"]]}))[
            "owners.prospecting[0]"
        ]
    )
    assert "'decision-team-gap'" in messages(lambda: Policy(name="x", off=[["a"]]))["off[0]"]


# -- a policy named after a built-in one never claims it for other settings --


def test_plain_data_reusing_a_built_in_name_for_other_settings_is_marked_customised():
    changed = Policy.from_dict(
        {"name": "strict", "rules": {"decision-team-gap": {"severity": "error"}}}
    )
    assert changed.name == "strict (customised)"
    assert changed == STRICT.with_severity("decision-team-gap", "error").named(
        "strict (customised)", ""
    )
    assert check(clean_portfolio(), policy=changed).policy == "strict (customised)"
    merged = Policy.from_dict({"name": "merged", "base": "merged", "responsibilities": {}})
    assert merged.name == "merged"
    assert Policy.from_dict({"name": "merged"}).name == "merged (customised)"
    assert Policy.from_dict({"name": "strict", "base": "merged"}).name == "strict (customised)"


def test_a_policy_built_directly_under_a_built_in_name_is_marked_when_it_differs():
    assert Policy(name="strict").name == "strict"
    assert Policy(name="strict", off=["decision-team-gap"]).name == "strict (customised)"
    assert Policy(name="merged").name == "merged (customised)"
    assert Policy(name="strict (customised)").name == "strict"
    assert STRICT.named("acme").switch_off("decision-team-gap").named("strict").name == (
        "strict (customised)"
    )


def test_undoing_a_change_gives_back_the_built_in_policy():
    rule = "decision-team-gap"
    assert STRICT.switch_off(rule).switch_on(rule) == STRICT
    assert STRICT.switch_off(rule).switch_on(rule).name == "strict"
    assert (
        MERGED.switch_on("account-manager-new-business").switch_off("account-manager-new-business")
        == MERGED
    )
    moved = STRICT.with_owners("field_sales", "sales_rep", "account_manager")
    assert moved.with_owners("field_sales", "sales_rep") == STRICT
    level = STRICT.with_severity(rule, "error")
    assert level.name == "strict (customised)"
    assert level.with_severity(rule, "warning") == STRICT


@given(base=st.sampled_from([STRICT, MERGED]), steps=changes)
def test_a_policy_bears_its_built_in_name_exactly_when_it_has_those_settings(base, steps):
    policy = derive(base, steps)
    same = (policy.owners, policy.severities, policy.off) == (
        base.owners,
        base.severities,
        base.off,
    )
    assert policy.name == (base.name if same else f"{base.name} (customised)")
    again = Policy.from_dict(json.loads(json.dumps(policy.to_dict())))
    assert again.name == policy.name
