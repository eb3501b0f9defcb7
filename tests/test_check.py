"""check(): the report of a portfolio, its date and policy, and how it reads."""

from datetime import date, datetime

import attrs
import pytest
from hypothesis import given, settings

import salesroles._model.portfolio
from rules_fixtures import clean_portfolio, evolve
from salesroles import (
    MERGED,
    Customer,
    Finding,
    KeyAccount,
    Report,
    Severity,
    ValidationError,
    check,
    rules,
)
from salesroles.testing import generate_portfolio, portfolios, sample_portfolio

RULE_IDS = {r.id for r in rules()}


def gappy():
    """The clean portfolio with one error, two warnings and an info."""
    p = clean_portfolio()
    p = p.replace(attrs.evolve(p.order("O-1"), administered_by="bob"))  # warning, O-1
    p = p.remove("S-IDA")  # warning, C-ACME
    plan = p.plan("AP-ACME")
    return p.replace(
        attrs.evolve(plan, communication=None, product_targets=plan.product_targets[:1])
    )


# -- the sample portfolio of the docs --


def test_the_sample_portfolio_reports_nordwerks_gaps_and_leaves_acme_alone():
    report = check(sample_portfolio())
    assert [(f.rule, f.subject) for f in report] == [
        ("plan-missing-product-target", "AP-NORD-2026"),
        ("plan-without-profitability-target", "AP-NORD-2026"),
        ("plan-without-relationship-action", "AP-NORD-2026"),
        ("decision-team-gap", "C-NORD"),
        ("key-account-without-contract", "C-NORD"),
        ("order-admin-not-coordinator", "O-2"),
        ("key-account-served-by-sales-rep", "D-2"),
        ("no-communication-cadence", "AP-NORD-2026"),
    ]
    assert not any("C-ACME" in f.involves for f in report)


def test_under_merged_the_sample_loses_only_the_dagger_findings():
    strict = {(f.rule, f.subject) for f in check(sample_portfolio())}
    merged = {(f.rule, f.subject) for f in check(sample_portfolio(), policy=MERGED)}
    assert strict - merged == {("key-account-served-by-sales-rep", "D-2")}
    assert merged <= strict


# -- the report --


def test_a_report_records_its_date_and_policy_and_orders_findings_gravest_first():
    report = check(gappy(), policy=MERGED)
    assert report.as_of == date(2026, 11, 27)
    assert report.policy == "merged"
    assert [f.severity for f in report] == [
        Severity.ERROR,
        Severity.WARNING,
        Severity.WARNING,
        Severity.INFO,
    ]
    assert len(report) == 4
    assert isinstance(report.findings, tuple)


def test_a_report_sorts_its_findings_by_severity_and_groups_them():
    report = check(gappy())
    assert [f.rule for f in report.errors] == ["plan-missing-product-target"]
    assert [f.rule for f in report.warnings] == [
        "decision-team-gap",
        "order-admin-not-coordinator",
    ]
    assert [f.rule for f in report.infos] == ["no-communication-cadence"]
    assert not report.ok
    assert list(report.by_rule()) == [
        "plan-missing-product-target",
        "decision-team-gap",
        "order-admin-not-coordinator",
        "no-communication-cadence",
    ]
    assert {k: len(v) for k, v in report.by_subject().items()} == {
        "AP-ACME": 2,
        "C-ACME": 1,
        "O-1": 1,
    }


def test_a_report_with_only_warnings_is_ok():
    p = clean_portfolio().remove("S-IDA")
    report = check(p)
    assert report.ok
    assert len(report.warnings) == 1


def test_every_finding_cites_the_claims_of_its_rule():
    claims = {r.id: r.claims for r in rules()}
    for finding in check(gappy()):
        assert finding.claims == claims[finding.rule]
        assert finding.involves[0] == finding.subject


def test_a_report_becomes_a_data_frame():
    report = check(gappy())
    frame = report.to_frame()
    assert list(frame.columns)[:3] == ["rule", "severity", "subject"]
    assert len(frame) == len(report)
    assert list(check(clean_portfolio()).to_frame().columns) == list(frame.columns)


def test_flat_records_are_ready_for_a_data_frame():
    records = check(gappy()).to_records()
    assert records[0] == {
        "rule": "plan-missing-product-target",
        "severity": "error",
        "subject": "AP-ACME",
        "message": "plan AP-ACME of key account C-ACME (ACME Chemie AG) has no revenue target "
        "for P-VALVE (Control valves)",
        "claims": "S3.4",
        "involves": "AP-ACME, P-VALVE",
        "as_of": "2026-11-27",
        "policy": "strict",
    }
    assert all(set(r) == set(records[0]) for r in records)
    assert all(not isinstance(v, list | tuple | dict) for r in records for v in r.values())


def test_a_report_reads_well_in_a_terminal():
    report = check(gappy())
    assert repr(report) == (
        "<Report as of 2026-11-27 under policy 'strict': 1 error, 2 warnings, 1 info>"
    )
    lines = str(report).splitlines()
    assert lines[0] == "Report as of 2026-11-27 under policy 'strict': 1 error, 2 warnings, 1 info"
    assert lines[1].startswith("  ERROR   plan-missing-product-target [AP-ACME]: plan AP-ACME")
    assert lines[1].endswith("(S3.4)")
    assert lines[-1].startswith("  INFO    no-communication-cadence [AP-ACME]")
    assert repr(check(clean_portfolio())) == (
        "<Report as of 2026-11-27 under policy 'strict': no findings>"
    )


def test_a_report_and_a_finding_render_as_escaped_html_with_marked_severities():
    p = clean_portfolio()
    p = p.replace(attrs.evolve(p.customer("C-BAKER"), name="<b>Korn & Söhne</b>"))
    p = p.replace(attrs.evolve(p.order("O-1"), administered_by="bob"))
    p = p.remove("S-IDA")
    report = check(p)
    page = report._repr_html_()
    assert "&lt;b&gt;Korn &amp; Söhne&lt;/b&gt;" in page
    assert "<b>Korn" not in page
    assert "▲ warning" in page
    assert page.count("<tr>") == 3
    assert "<code>strict</code>" in page
    finding = report.warnings[0]
    assert "▲ warning" in finding._repr_html_()
    assert "<code>decision-team-gap</code>" in finding._repr_html_()
    assert "✖ error" in check(gappy())._repr_html_()
    assert "ℹ info" in check(gappy())._repr_html_()  # noqa: RUF001
    assert "<table>" not in check(clean_portfolio())._repr_html_()


def test_a_finding_is_plain_frozen_data():
    finding = check(gappy()).errors[0]
    assert isinstance(finding, Finding)
    assert str(finding).startswith("ERROR   plan-missing-product-target [AP-ACME]: ")
    assert finding.to_record()["severity"] == "error"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        finding.rule = "x"  # type: ignore[misc]
    assert isinstance(check(gappy()), Report)


# -- the date judged at --


def test_as_of_defaults_to_the_portfolios_and_can_be_overridden():
    p = clean_portfolio()
    assert check(p).as_of == date(2026, 11, 27)
    assert check(p, as_of=date(2027, 3, 1)).as_of == date(2027, 3, 1)
    assert check(p, as_of="2027-03-01").as_of == date(2027, 3, 1)
    assert {f.rule for f in check(p, as_of="2027-03-01")} == {
        "key-account-without-plan",
        "threat-without-response",
    }


def test_without_any_as_of_the_report_is_judged_at_todays_date(monkeypatch):
    monkeypatch.setattr(salesroles._model.portfolio, "_today", lambda: date(2031, 5, 4))
    p = evolve(clean_portfolio(), as_of=None)
    report = check(p)
    assert report.as_of == date(2031, 5, 4)
    assert "no plan covering 2031-05-04" in report.errors[0].message


@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        (datetime(2026, 1, 1, 9, 0), "got a datetime; expected a date without a time"),
        ("27.11.2026", "got '27.11.2026'; expected a date written YYYY-MM-DD"),
        (20261127, "got the number 20261127; expected a date written YYYY-MM-DD"),
    ],
)
def test_an_as_of_that_is_no_date_is_refused(as_of, message):
    with pytest.raises(ValidationError) as caught:
        check(clean_portfolio(), as_of=as_of)
    assert [(e.path, e.message) for e in caught.value.errors] == [("as_of", message)]


def test_only_a_portfolio_can_be_checked():
    with pytest.raises(ValidationError) as caught:
        check({"customers": []})  # type: ignore[arg-type]
    assert caught.value.errors[0].path == "portfolio"
    assert "expected a Portfolio" in caught.value.errors[0].message


# -- generated portfolios --


def test_a_generated_portfolio_without_defects_is_clean():
    assert check(generate_portfolio(60, seed=3, defects=0.0)).findings == ()


def test_a_generated_portfolio_with_defects_has_something_to_say_about_each_kind():
    report = check(generate_portfolio(200, seed=5, defects=1.0))
    assert set(report.by_rule()) >= {
        "key-account-without-manager",
        "decision-team-gap",
        "key-account-without-plan",
        "plan-missing-product-target",
        "threat-without-response",
        "key-account-without-contract",
        "order-admin-not-coordinator",
        "key-account-served-by-sales-rep",
    }


def test_check_does_not_depend_on_the_order_of_collections():
    p = generate_portfolio(50, seed=7, defects=0.5)
    reversed_p = evolve(
        p,
        **{
            name: tuple(reversed(getattr(p, name)))
            for name in ("plans", "contracts", "stakeholders")
        },
    )
    assert {(f.rule, f.subject) for f in check(p)} == {
        (f.rule, f.subject) for f in check(reversed_p)
    }


@settings(max_examples=60)
@given(portfolio=portfolios(), merged=...)
def test_check_never_raises_and_every_finding_names_a_catalogued_rule(portfolio, merged: bool):
    report = check(portfolio, policy=MERGED if merged else "strict", as_of=date(2026, 6, 1))
    assert report.as_of == date(2026, 6, 1)
    for finding in report:
        assert finding.rule in RULE_IDS
        assert finding.message
        assert finding.claims
        assert finding.subject == finding.involves[0]
        if merged:
            assert finding.rule not in {
                "account-manager-new-business",
                "key-account-served-by-sales-rep",
            }
    assert [f.severity.rank for f in report] == sorted(f.severity.rank for f in report)
    assert len(report.to_records()) == len(report)


@settings(max_examples=30)
@given(portfolio=portfolios())
def test_every_key_account_without_manager_or_plan_is_reported(portfolio):
    report = check(portfolio, as_of=date(2026, 6, 1))
    by_rule = report.by_rule()
    unmanaged = {a.customer for a in portfolio.key_accounts if a.manager is None}
    reported = {f.subject for f in by_rule.get("key-account-without-manager", ())}
    assert unmanaged <= reported
    unplanned = {
        a.customer
        for a in portfolio.key_accounts
        if portfolio.current_plan(a.customer, date(2026, 6, 1)) is None
    }
    assert {f.subject for f in by_rule.get("key-account-without-plan", ())} == unplanned


def test_a_key_account_of_an_unknown_kind_of_customer_is_not_double_reported():
    p = clean_portfolio().add(
        Customer(id="C-NEW", name="New AG", segment="large", status="active"),
        KeyAccount(customer="C-NEW"),
    )
    subjects = [f.subject for f in check(p) if f.rule == "key-account-without-manager"]
    assert subjects == ["C-NEW"]
