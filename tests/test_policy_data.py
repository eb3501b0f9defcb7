"""The words of a refused policy: every problem's path, message and code, in order.

Messages and codes are the library's API: an application shows the one and
branches on the other, so each is asserted here exactly.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules_fixtures import clean_portfolio
from salesroles import STRICT, Policy, Responsibility, ValidationError, check, rules

ROLES = "'account_manager', 'sales_rep', 'sales_manager', 'sales_coordinator', 'marketing'"
SEVERITIES = "'error', 'warning', 'info'"
RULES = ", ".join(repr(r.id) for r in rules())
RESPONSIBILITIES = ", ".join(repr(d.value) for d in Responsibility)


def refusal(make):
    """Each problem of the ValidationError *make* raises, as (path, message, code)."""
    with pytest.raises(ValidationError) as caught:
        make()
    return [(item.path, item.message, item.code) for item in caught.value.errors]


def no_rule(path, got):
    return (path, f"got {got}, which is no rule; expected one of {RULES}", "unknown_rule")


def no_role(path, got):
    return (path, f"got {got}; expected one of {ROLES}", "invalid_enum")


def no_severity(path, got):
    return (path, f"got {got}; expected one of {SEVERITIES}", "invalid_enum")


def no_duty(path, got):
    return (
        path,
        f"got {got}, which is no responsibility; expected one of {RESPONSIBILITIES}",
        "unknown_responsibility",
    )


def test_the_allowed_values_are_listed_in_the_order_of_the_catalogue_and_the_enums():
    """The lists a message offers follow the rules' catalogue and the enums' order."""
    assert RULES.startswith("'account-manager-new-business', 'key-account-without-manager', ")
    assert RULES.endswith("'no-communication-cadence', 'work-outside-role'")
    assert RESPONSIBILITIES.startswith("'prospecting', 'follow_up_leads', 'close_deals', ")
    assert RESPONSIBILITIES.endswith("'field_sales', 'order_administration'")


# -- a policy built directly --


def test_a_policy_built_directly_words_every_problem_of_its_fields_in_order():
    """Name, description, owners, severities, then rules switched off, each with its words."""
    assert refusal(
        lambda: Policy(
            name=" ",
            description=3,
            severities={"nope": "error", "decision-team-gap": "fatal"},
            owners={"make_coffee": ["sales_rep"], "prospecting": ["boss"], "field_sales": "x"},
            off=["nope"],
        )
    ) == [
        ("name", "got ' '; expected some text", "invalid_type"),
        ("description", "got the number 3; expected a string", "invalid_type"),
        no_role("owners.prospecting", "'boss'"),
        ("owners.field_sales", "got 'x'; expected a list of roles", "invalid_type"),
        no_duty("owners.make_coffee", "'make_coffee'"),
        no_severity("severities.decision-team-gap", "'fatal'"),
        no_rule("severities.nope", "'nope'"),
        no_rule("off.nope", "'nope'"),
    ]


def test_tables_of_the_wrong_shape_say_what_came_and_what_was_expected():
    """Owners, severities and rules switched off that are no tables are refused in words."""
    assert refusal(lambda: Policy(name="x", owners=3, severities="all", off=7)) == [
        ("owners", "got the number 3; expected a table of owners", "invalid_type"),
        ("severities", "got 'all'; expected a table of severities", "invalid_type"),
        ("off", "got the number 7; expected a list of rule ids", "invalid_type"),
    ]


def test_an_owner_that_is_no_list_of_roles_is_described_as_it_came():
    """A responsibility's owners given as a number are named as that number."""
    assert refusal(lambda: Policy(name="x", owners={"field_sales": 3})) == [
        ("owners.field_sales", "got the number 3; expected a list of roles", "invalid_type"),
    ]


def test_unknown_rules_switched_off_are_reported_sorted_by_name_whatever_their_type():
    """Rules switched off that name nothing come in the order of their names, numbers too."""
    assert refusal(lambda: Policy(name="x", off=["nope", 3, "aaa", "decision-team-gap"])) == [
        no_rule("off.3", "the number 3"),
        no_rule("off.aaa", "'aaa'"),
        no_rule("off.nope", "'nope'"),
    ]


def test_unhashable_entries_are_described_by_their_position():
    """A list where a role or a rule id belongs is named by its index and described."""
    assert refusal(
        lambda: Policy(
            name="x", owners={"prospecting": ["sales_rep", ["a"]]}, off=[["a", "b"], "nope"]
        )
    ) == [
        no_role("owners.prospecting[1]", "a list of 1"),
        no_rule("off[0]", "a list of 2"),
        no_rule("off[1]", "'nope'"),
    ]


# -- questions and derivations --


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda: STRICT.with_severity("decision-team-gap", "fatal"),
            no_severity("severity", "'fatal'"),
        ),
        (
            lambda: STRICT.with_severity("decision-team-gap", 2),
            no_severity("severity", "the number 2"),
        ),
        (lambda: STRICT.with_owners("make_coffee"), no_duty("responsibility", "'make_coffee'")),
        (
            lambda: STRICT.with_owners("field_sales", "sales_rep", "boss"),
            no_role("roles[1]", "'boss'"),
        ),
        (lambda: STRICT.owners_of(7), no_duty("responsibility", "the number 7")),
        (lambda: STRICT.allows("boss", "prospecting"), no_role("role", "'boss'")),
        (lambda: STRICT.allows(None, "prospecting"), no_role("role", "null")),
        (lambda: STRICT.switch_off("decision-gap"), no_rule("rule", "'decision-gap'")),
        (lambda: STRICT.is_on(3), no_rule("rule", "the number 3")),
    ],
    ids=[
        "unknown-severity",
        "severity-no-text",
        "unknown-responsibility",
        "unknown-role",
        "responsibility-no-text",
        "asked-of-an-unknown-role",
        "asked-of-no-role",
        "unknown-rule",
        "rule-no-text",
    ],
)
def test_a_question_or_derivation_naming_nothing_is_refused_in_words(make, expected):
    """A bad argument is named by its parameter, described, and the allowed values listed."""
    assert refusal(make) == [expected]


# -- plain data --


def test_plain_data_that_is_no_object_is_refused_as_a_whole():
    """A list where a policy's object belongs is refused at the empty path."""
    assert refusal(lambda: Policy.from_dict([("name", "x")])) == [
        ("", "got a list of 1; expected an object", "invalid_type"),
    ]


def test_plain_data_reports_every_problem_of_its_keys_at_once_in_a_fixed_order():
    """Unknown keys first, then base, name, description, rules and responsibilities."""
    data = {
        "name": 3,
        "description": 1,
        "base": "lenient",
        "severity": "x",
        "rules": ["decision-team-gap"],
        "responsibilities": [],
        "owners": {},
    }
    assert refusal(lambda: Policy.from_dict(data)) == [
        (
            "severity",
            "unknown key 'severity'; expected name, description, base, rules or responsibilities",
            "unknown_key",
        ),
        (
            "owners",
            "unknown key 'owners'; expected name, description, base, rules or responsibilities",
            "unknown_key",
        ),
        ("base", "got 'lenient'; expected 'strict' or 'merged'", "invalid_enum"),
        ("name", "got the number 3; expected some text", "invalid_type"),
        ("description", "got the number 1; expected a string", "invalid_type"),
        ("rules", "got a list of 1; expected an object of rule ids", "invalid_type"),
        (
            "responsibilities",
            "got a list of 0; expected an object of responsibilities",
            "invalid_type",
        ),
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({}, ("name", "missing; expected the policy's name", "missing")),
        ({"name": None}, ("name", "missing; expected the policy's name", "missing")),
        ({"name": ""}, ("name", "got an empty string; expected some text", "invalid_type")),
        ({"name": "  "}, ("name", "got '  '; expected some text", "invalid_type")),
        ({"name": ["x"]}, ("name", "got a list of 1; expected some text", "invalid_type")),
        (
            {"name": "x", "description": None},
            ("description", "got null; expected a string", "invalid_type"),
        ),
    ],
    ids=["missing", "null", "empty", "blank", "list", "null-description"],
)
def test_plain_data_without_a_usable_name_or_description_is_refused_in_words(data, expected):
    """A name must be some text and a description a string; each refusal says what came."""
    assert refusal(lambda: Policy.from_dict(data)) == [expected]


def test_a_blank_name_is_reported_with_the_other_problems_of_plain_data():
    """An empty name does not hide the other problems, nor they it."""
    assert refusal(lambda: Policy.from_dict({"name": "", "base": "lenient"})) == [
        ("base", "got 'lenient'; expected 'strict' or 'merged'", "invalid_enum"),
        ("name", "got an empty string; expected some text", "invalid_type"),
    ]


def test_plain_data_reports_the_problems_of_every_rule_not_only_the_first():
    """Each rule's problems are reported in the order given, after an unknown or bad one."""
    data = {
        "name": "x",
        "rules": {
            "nope": {"severity": "error"},
            "decision-team-gap": "error",
            "key-account-without-plan": {"severity": "fatal", "enabled": "no", "level": 1},
            "threat-without-response": {"enabled": 0},
        },
    }
    assert refusal(lambda: Policy.from_dict(data)) == [
        no_rule("rules.nope", "'nope'"),
        (
            "rules.decision-team-gap",
            'got \'error\'; expected an object like {"severity": "error", "enabled": true}',
            "invalid_type",
        ),
        no_severity("rules.key-account-without-plan.severity", "'fatal'"),
        (
            "rules.key-account-without-plan.enabled",
            "got 'no'; expected true or false",
            "invalid_type",
        ),
        (
            "rules.key-account-without-plan.level",
            "unknown key 'level'; expected severity or enabled",
            "unknown_key",
        ),
        (
            "rules.threat-without-response.enabled",
            "got the number 0; expected true or false",
            "invalid_type",
        ),
    ]


def test_plain_data_reports_the_problems_of_every_responsibility_not_only_the_first():
    """Each responsibility's problems are reported in the order given, every bad role too."""
    data = {
        "name": "x",
        "responsibilities": {
            "make_coffee": ["sales_rep"],
            "field_sales": "sales_rep",
            "prospecting": ["boss", "sales_rep", 4],
            "close_deals": None,
        },
    }
    assert refusal(lambda: Policy.from_dict(data)) == [
        no_duty("responsibilities.make_coffee", "'make_coffee'"),
        (
            "responsibilities.field_sales",
            "got 'sales_rep'; expected a list of roles",
            "invalid_type",
        ),
        no_role("responsibilities.prospecting[0]", "'boss'"),
        no_role("responsibilities.prospecting[2]", "the number 4"),
        ("responsibilities.close_deals", "got null; expected a list of roles", "invalid_type"),
    ]


def test_a_policy_that_is_neither_policy_nor_name_nor_data_is_refused_by_check():
    """check() names what came as its policy and the three things it accepts."""
    assert refusal(lambda: check(clean_portfolio(), policy=3)) == [
        (
            "policy",
            "got the number 3; expected a Policy, 'strict', 'merged' or a policy's plain data",
            "invalid_policy",
        ),
    ]


@given(
    name=st.text(min_size=1).filter(
        lambda n: n.strip() and n.removesuffix(" (customised)") not in ("strict", "merged")
    )
)
def test_any_name_of_some_text_other_than_a_built_in_one_is_kept_as_given(name):
    """Plain data keeps a policy's name and description exactly as given."""
    policy = Policy.from_dict({"name": name, "description": "d"})
    assert (policy.name, policy.description) == (name, "d")
