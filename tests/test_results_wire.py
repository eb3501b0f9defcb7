"""Results on the wire: reports, decisions, analytics and scenarios unstructured and described."""

import json
import re
from datetime import date

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

import salesroles as sr
from salesroles.testing import sample_portfolio
from salesroles.testing.strategies import portfolios

PORTFOLIO = sample_portfolio()
SCENARIO = (
    sr.Scenario(before=PORTFOLIO, name="Lose ACME")
    .lose_account("C-ACME")
    .reassign("kai", "ann")
    .with_policy(sr.MERGED)
)

RESULTS = {
    "Report": lambda: sr.check(PORTFOLIO),
    "Finding": lambda: sr.check(PORTFOLIO).findings[0],
    "Decision": lambda: sr.decide(
        PORTFOLIO.member("ann"), "follow_up_leads", "L-BETA", portfolio=PORTFOLIO
    ),
    "LossImpact": lambda: sr.loss_impact(PORTFOLIO, ["C-ACME"]),
    "Concentration": lambda: sr.concentration(PORTFOLIO),
    "DecisionTeam": lambda: sr.decision_team(PORTFOLIO),
    "Workload": lambda: sr.workload(PORTFOLIO),
    "KeyAccountAssessment": lambda: sr.assess_key_accounts(PORTFOLIO),
    "PlanAttainment": lambda: sr.plan_attainment(PORTFOLIO),
    "Renewals": lambda: sr.renewals(PORTFOLIO, relativedelta(years=3)),
    "CommunicationSchedule": lambda: sr.communication_schedule(
        PORTFOLIO, "2026-01-01", "2026-12-31"
    ),
    "Scenario": lambda: SCENARIO,
    "Comparison": SCENARIO.compare,
    "Policy": lambda: sr.MERGED.named("acme").with_severity("decision-team-gap", "error"),
    "AssessmentWeights": sr.AssessmentWeights,
}


def _validator(cls) -> Draft202012Validator:
    return Draft202012Validator(
        sr.json_schema(cls), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


@pytest.mark.parametrize("name", RESULTS)
def test_every_result_is_written_as_json_and_its_schema_accepts_it(name):
    result = RESULTS[name]()
    assert type(result).__name__ == name
    data = sr.unstructure(result)
    assert json.loads(sr.unstructure_json(result)) == data
    _validator(type(result)).validate(data)


def test_every_public_result_class_is_covered():
    """Each attrs class of the public API that is no model class has a case above."""
    model = {c.__name__ for c in sr._wire.fields.wire_classes()} | {"Cadence"}
    nested = {
        "AccountAssessment", "CriterionScore", "ProductAttainment", "PlanProgress",
        "ContractRenewal", "Touchpoint", "AccountAtRisk", "CustomerRevenue", "FigureChange",
        "DecisionTeamCoverage", "MemberWorkload", "RoleWorkload",
    }  # fmt: skip
    # Judging's own parts and the title readers' answers are not results a service sends.
    # ErrorItem has its own to_dict.
    other = {"Rule", "TitleMatch", "RoleFit", "DutyLine", "ErrorItem"}
    public = {
        name
        for name in sr.__all__
        if isinstance(getattr(sr, name, None), type) and attrs.has(getattr(sr, name))
    }
    assert public - model - other == set(RESULTS) | nested


def test_decimals_are_strings_with_their_digits_and_dates_iso():
    loss = sr.unstructure(sr.loss_impact(PORTFOLIO, ["C-ACME"]))
    assert loss["revenue_at_risk"] == {"amount": "1200000.00", "currency": "EUR"}
    assert re.fullmatch(r"0\.\d+", loss["revenue_share"])
    renewal = sr.unstructure(sr.renewals(PORTFOLIO, relativedelta(years=3)))
    assert renewal["on"] == "2026-11-27"
    assert renewal["contracts"][0]["end_date"] == "2028-12-31"


def test_a_report_is_written_whole():
    report = sr.check(PORTFOLIO)
    data = sr.unstructure(report)
    assert data["as_of"] == "2026-11-27"
    assert data["policy"] == "strict"
    first = report.findings[0]
    assert data["findings"][0] == {
        "rule": first.rule,
        "severity": first.severity.value,
        "subject": first.subject,
        "message": first.message,
        "claims": list(first.claims),
        "involves": list(first.involves),
        "code": first.code,
        "params": json.loads(json.dumps(first.params)),  # tuples are written as lists
    }
    # The wire carries the message in the language it was rendered in, and its code and
    # parameters, which never change with the language.
    with sr.use_locale("de"):
        german = sr.unstructure(sr.check(PORTFOLIO))
    assert german["findings"][0]["code"] == data["findings"][0]["code"]
    assert german["findings"][0]["params"] == data["findings"][0]["params"]
    assert german["findings"][0]["message"] == first.render("de") != first.message


def test_a_result_says_null_where_it_could_not_compute():
    """Every key is written, so a client can tell 'no figure' from a missing key."""
    decision = sr.unstructure(sr.decide("sales_rep", "prospecting"))
    assert decision["subject"] is None
    assert decision["member"] is None
    assert sr.json_schema(sr.Decision)["required"] == [
        "allowed", "reason", "rule", "claims", "role", "responsibility", "subject", "member",
        "policy", "code", "params",
    ]  # fmt: skip


def test_a_result_inside_a_class_of_the_users_is_written_too():
    @attrs.frozen
    class Answer:
        on: date
        report: sr.Report

    report = sr.check(PORTFOLIO)
    data = sr.unstructure(Answer(on=date(2026, 1, 2), report=report))
    assert data == {"on": "2026-01-02", "report": sr.unstructure(report)}


def test_a_scenario_writes_its_portfolios_and_policies_in_their_wire_form():
    data = sr.unstructure(SCENARIO)
    assert sr.structure(data["after"], sr.Portfolio) == SCENARIO.after
    assert sr.structure(data["policy_after"], sr.Policy) == sr.MERGED


# -- policies: one shape --

POLICY_DATA = [
    {"name": "acme"},
    {"name": "acme", "base": "merged", "description": "ours"},
    {
        "name": "acme",
        "rules": {"decision-team-gap": {"severity": "error"}, "no-communication-cadence": {}},
        "responsibilities": {"order_administration": ["sales_coordinator", "sales_rep"]},
    },
    {"name": "x", "rules": {"no-communication-cadence": {"enabled": False}}},
]

BAD_POLICY_DATA = [
    {},
    {"name": ""},
    {"name": "x", "colour": 1},
    {"name": "x", "base": "lenient"},
    {"name": "x", "rules": {"no-such-rule": {}}},
    {"name": "x", "rules": {"decision-team-gap": {"severity": "fatal"}}},
    {"name": "x", "rules": {"decision-team-gap": {"enabled": "no"}}},
    {"name": "x", "rules": {"decision-team-gap": {"colour": 1}}},
    {"name": "x", "rules": {"decision-team-gap": "off"}},
    {"name": "x", "responsibilities": {"juggling": ["sales_rep"]}},
    {"name": "x", "responsibilities": {"prospecting": ["pilot"]}},
    {"name": "x", "responsibilities": {"prospecting": "sales_rep"}},
    {"name": "x", "description": 5},
    [],
]


@pytest.mark.parametrize("data", POLICY_DATA)
def test_structure_and_from_dict_read_one_shape_that_the_schema_accepts(data):
    policy = sr.structure(data, sr.Policy)
    assert policy == sr.Policy.from_dict(data)
    _validator(sr.Policy).validate(data)
    written = sr.unstructure(policy)
    assert written == policy.to_dict()
    _validator(sr.Policy).validate(written)
    assert sr.structure(written, sr.Policy) == policy
    assert sr.structure_json(json.dumps(written), sr.Policy) == policy


@pytest.mark.parametrize("data", BAD_POLICY_DATA)
def test_what_from_dict_refuses_the_policy_schema_refuses(data):
    with pytest.raises(sr.ValidationError):
        sr.structure(data, sr.Policy)
    assert not _validator(sr.Policy).is_valid(data)


# -- components for OpenAPI --


def _resolves_everywhere(document: dict) -> None:
    """Every $ref of *document* resolves inside it (referencing raises Unresolvable else)."""
    registry = Registry().with_resource("urn:doc", Resource.opaque(document))
    resolver = registry.resolver(base_uri="urn:doc")
    refs = re.findall(r'"\$ref": "([^"]+)"', json.dumps(document))
    assert refs
    for ref in set(refs):
        resolver.lookup(f"urn:doc{ref}")


@pytest.mark.parametrize("cls", [sr.Portfolio, sr.Report, sr.Comparison, sr.Scenario, sr.Policy])
def test_components_resolve_inside_an_openapi_document(cls):
    document = {"components": {"schemas": sr.openapi_components(cls)}}
    if cls is not sr.Policy:
        _resolves_everywhere(document)
    assert cls.__name__ in document["components"]["schemas"]


def test_a_standalone_schema_resolves_in_itself_and_not_in_openapi():
    schema = sr.json_schema(sr.Portfolio)
    _resolves_everywhere(schema)
    with pytest.raises(Unresolvable, match="does not exist"):
        _resolves_everywhere({"components": {}, "paths": {"/": schema["properties"]}})


def test_ref_template_chooses_the_form_of_references():
    schema = sr.json_schema(sr.Customer, ref_template="#/components/schemas/{model}")
    assert schema["properties"]["annual_revenue"]["$ref"] == "#/components/schemas/Money"


def test_components_of_several_classes_share_their_definitions():
    schemas = sr.openapi_components(sr.Portfolio, sr.Report, sr.Decision)
    assert {"Portfolio", "Money", "Report", "Finding", "Decision"} <= set(schemas)
    assert all("$defs" not in s for s in schemas.values())


def test_no_components_for_what_is_a_string_on_the_wire_nor_for_two_classes_of_one_name():
    with pytest.raises(TypeError, match="string on the wire"):
        sr.openapi_components(sr.Role)

    @attrs.frozen
    class Money:
        cents: int

    @attrs.frozen
    class Pair:
        ours: sr.Money
        theirs: Money

    with pytest.raises(TypeError, match="two classes are called 'Money'"):
        sr.openapi_components(Pair)


def test_an_optional_object_is_judged_where_it_is_wrong():
    """type [object, null] rather than anyOf: the validator names the bad amount itself."""
    data = sr.unstructure(PORTFOLIO)
    data["customers"][0]["annual_revenue"]["amount"] = "12,50"
    data["customers"][1]["share_of_wallet"] = 2
    errors = sorted(_validator(sr.Portfolio).iter_errors(data), key=lambda e: list(e.path))
    assert [list(e.absolute_path) for e in errors] == [
        ["customers", 0, "annual_revenue", "amount"],
        ["customers", 1, "share_of_wallet"],
    ]


def test_a_class_of_the_users_is_described_from_its_type_hints():
    @attrs.frozen
    class Upload:
        tenant: str
        portfolio: sr.Portfolio
        note: str | None = None

    schema = sr.json_schema(Upload)
    assert schema["required"] == ["tenant", "portfolio"]
    assert schema["properties"]["note"] == {"type": ["string", "null"]}
    assert schema["properties"]["portfolio"] == {"type": "object", "$ref": "#/$defs/Portfolio"}


def test_components_keep_the_iso_4217_enum_and_null_where_optional():
    schemas = sr.openapi_components(sr.Portfolio)
    money = schemas["Money"]["properties"]["currency"]
    assert "EUR" in money["enum"]
    assert "ABC" not in money["enum"]
    assert None not in money["enum"]
    portfolio = schemas["Portfolio"]["properties"]["currency"]
    assert portfolio["type"] == ["string", "null"]
    assert portfolio["enum"][:-1] == money["enum"]
    assert portfolio["enum"][-1] is None


def test_what_has_no_wire_form_is_refused_by_name():
    """A rule holds its judging function: it is no result a service sends."""
    with pytest.raises(TypeError, match="no wire form for function objects"):
        sr.unstructure(sr.rules()[0])


def test_sets_are_written_in_a_stable_order():
    from salesroles._wire.results import write

    assert write(frozenset({"b", "a", "c"})) == ["a", "b", "c"]
    assert write(frozenset({sr.Role.MARKETING, sr.Role.ACCOUNT_MANAGER})) == [
        "account_manager",
        "marketing",
    ]
    assert write({sr.Responsibility.PROSPECTING: frozenset({sr.Role.SALES_REP})}) == {
        "prospecting": ["sales_rep"]
    }


def _component_validator(name: str, schemas: dict) -> Draft202012Validator:
    """A validator of components/schemas/<name> inside an OpenAPI-like document."""
    document = {"components": {"schemas": schemas}}
    resource = DRAFT202012.create_resource(document)
    registry = Registry().with_resource("urn:api", resource)
    return Draft202012Validator(
        {"type": "object", "$ref": f"urn:api#/components/schemas/{name}"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolio=portfolios())
def test_every_portfolio_the_library_writes_the_components_accept(portfolio):
    validator = _component_validator("Portfolio", sr.openapi_components(sr.Portfolio))
    validator.validate(sr.unstructure(portfolio))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolio=portfolios())
def test_every_report_of_a_generated_portfolio_the_components_accept(portfolio):
    validator = _component_validator("Report", sr.openapi_components(sr.Report))
    validator.validate(sr.unstructure(sr.check(portfolio)))


def test_every_kind_of_type_hint_of_a_users_class_has_its_schema():
    @attrs.frozen
    class Everything:
        pair: tuple[sr.Role, float]
        tags: frozenset[str]
        counts: list[int]
        owners: dict[sr.Responsibility, frozenset[sr.Role]]
        either: int | str
        maybe: int | str | None = None

    properties = sr.json_schema(Everything)["properties"]
    assert properties["pair"]["prefixItems"][1] == {"type": "number"}
    assert properties["pair"]["items"] is False
    assert properties["tags"] == {
        "type": "array",
        "items": {"type": "string"},
        "uniqueItems": True,
    }
    assert properties["counts"] == {"type": "array", "items": {"type": "integer"}}
    assert properties["owners"]["propertyNames"]["enum"][0] == "prospecting"
    assert properties["owners"]["additionalProperties"]["items"]["enum"][0] == "account_manager"
    assert properties["either"] == {"anyOf": [{"type": "integer"}, {"type": "string"}]}
    assert properties["maybe"] == {
        "anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "null"}]
    }
    data = {
        "pair": ["sales_rep", 0.5],
        "tags": ["a"],
        "counts": [1],
        "owners": {"prospecting": ["sales_rep"]},
        "either": "x",
        "maybe": None,
    }
    Draft202012Validator(sr.json_schema(Everything)).validate(data)


def test_what_no_schema_can_describe_is_refused_by_name():
    class Plain:
        pass

    @attrs.frozen
    class Holder:
        thing: Plain

    with pytest.raises(TypeError, match="no JSON Schema for"):
        sr.json_schema(Plain)
    with pytest.raises(TypeError, match="no JSON Schema for"):
        sr.json_schema(Holder)
