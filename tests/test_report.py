"""How judging answers read: findings, reports and decisions as text, HTML and groups."""

from datetime import date

from salesroles import STRICT, Finding, Report, Role, Severity, decide
from salesroles._rules.report import findings_html

CELL = "padding:2px 8px;text-align:left;vertical-align:top"
BADGE = "padding:1px 6px;border-radius:3px;font-weight:bold;white-space:nowrap"
ERROR_BADGE = f'<span style="background:#fde7e9;color:#a4000f;{BADGE}">✖ error</span>'
WARNING_BADGE = f'<span style="background:#fff4ce;color:#6b4700;{BADGE}">▲ warning</span>'

GAP = Finding(
    rule="plan-missing-product-target",
    severity=Severity.ERROR,
    subject="AP-1",
    message="plan AP-1 has no revenue target for P-Q (<Pumps & Co>)",
    claims=("S3.4",),
    involves=("AP-1", "P-Q"),
)
MISPLACED = Finding(
    rule="work-outside-role",
    severity=Severity.WARNING,
    subject="D-9",
    message="Ann Meyer (ann), an account manager, owns deal D-9",
    claims=("S1.2", "S0.3"),
    involves=("D-9", "ann"),
)
CADENCE = Finding(
    rule="no-communication-cadence",
    severity=Severity.INFO,
    subject="AP-1",
    message="plan AP-1 sets no cadence",
    claims=("S5.2",),
    involves=("AP-1",),
)
HOUSE = Finding(
    rule="house-rule",
    severity=Severity.ERROR,
    subject="C-9",
    message="the company's own rule",
    claims=(),
    involves=("C-9",),
)


def row(*cells: str) -> str:
    return "<tr>" + "".join(f'<td style="{CELL}">{cell}</td>' for cell in cells) + "</tr>"


def header(*heads: str) -> str:
    return "<thead><tr>" + "".join(f'<th style="{CELL}">{h}</th>' for h in heads) + "</tr></thead>"


GAP_CELLS = (
    ERROR_BADGE,
    "<code>plan-missing-product-target</code>",
    "AP-1",
    "plan AP-1 has no revenue target for P-Q (&lt;Pumps &amp; Co&gt;)",
    "S3.4",
)
MISPLACED_CELLS = (
    WARNING_BADGE,
    "<code>work-outside-role</code>",
    "D-9",
    "Ann Meyer (ann), an account manager, owns deal D-9",
    "S1.2, S0.3",
)

# -- findings --


def test_a_finding_reads_as_one_line_with_its_severity_subject_and_claims():
    """A finding's text pads its severity, brackets its subject and ends with its claims."""
    assert str(MISPLACED) == (
        "WARNING work-outside-role [D-9]: Ann Meyer (ann), an account manager, owns deal D-9 "
        "(S1.2, S0.3)"
    )
    assert (
        str(CADENCE) == "INFO    no-communication-cadence [AP-1]: plan AP-1 sets no cadence (S5.2)"
    )


def test_a_finding_renders_as_escaped_html_behind_its_severity_badge():
    """A finding's HTML is its badge, its rule as code, its subject in bold, its claims small."""
    assert GAP._repr_html_() == (
        f"<div>{ERROR_BADGE} <code>plan-missing-product-target</code> <strong>AP-1</strong>: "
        "plan AP-1 has no revenue target for P-Q (&lt;Pumps &amp; Co&gt;) "
        "<small>(S3.4)</small></div>"
    )


def test_findings_render_as_a_table_of_five_columns_one_row_each():
    """The table heads severity, rule, subject, message and claims, and escapes every cell."""
    assert findings_html([("", GAP), ("", MISPLACED)]) == (
        "<table>"
        + header("severity", "rule", "subject", "message", "claims")
        + "<tbody>"
        + row(*GAP_CELLS)
        + row(*MISPLACED_CELLS)
        + "</tbody></table>"
    )


def test_a_first_column_shows_each_rows_escaped_mark():
    """Given a first heading, each row leads with its own mark, escaped like every cell."""
    assert findings_html([("new", GAP), ("<gone>", MISPLACED)], first="change") == (
        "<table>"
        + header("change", "severity", "rule", "subject", "message", "claims")
        + "<tbody>"
        + row("new", *GAP_CELLS)
        + row("&lt;gone&gt;", *MISPLACED_CELLS)
        + "</tbody></table>"
    )


def test_no_findings_make_no_table_at_all():
    """Without findings there is nothing to render, first column or not."""
    assert findings_html([]) == ""
    assert findings_html([], first="change") == ""


# -- reports --

REPORT = Report(
    as_of=date(2026, 11, 27), policy="<acme>", findings=(HOUSE, GAP, MISPLACED, CADENCE)
)


def test_a_report_renders_as_a_heading_with_its_counts_above_its_table():
    """The heading names the date, the escaped policy and the counts; the table follows."""
    two = Report(as_of=date(2026, 11, 27), policy="<acme>", findings=(GAP, MISPLACED))
    assert two._repr_html_() == (
        "<p><strong>Report</strong> as of 2026-11-27 under policy <code>&lt;acme&gt;</code>: "
        "1 error, 1 warning</p>" + findings_html([("", GAP), ("", MISPLACED)])
    )


def test_a_report_without_findings_renders_as_its_heading_alone():
    """An empty report says so, and draws no table."""
    empty = Report(as_of=date(2026, 11, 27), policy="strict")
    assert empty._repr_html_() == (
        "<p><strong>Report</strong> as of 2026-11-27 under policy <code>strict</code>: "
        "no findings</p>"
    )


def test_by_rule_orders_rules_as_the_catalogue_does_and_unknown_rules_last():
    """Groups follow the catalogue, not severity or first appearance; unknown rules come last."""
    grouped = REPORT.by_rule()
    assert grouped == {
        "plan-missing-product-target": (GAP,),
        "no-communication-cadence": (CADENCE,),
        "work-outside-role": (MISPLACED,),
        "house-rule": (HOUSE,),
    }
    assert list(grouped) == [
        "plan-missing-product-target",
        "no-communication-cadence",
        "work-outside-role",
        "house-rule",
    ]


def test_by_subject_groups_each_subjects_findings_in_the_order_first_found():
    """A subject with two findings keeps both, in the report's order; subjects as first met."""
    grouped = REPORT.by_subject()
    assert grouped == {"C-9": (HOUSE,), "AP-1": (GAP, CADENCE), "D-9": (MISPLACED,)}
    assert list(grouped) == ["C-9", "AP-1", "D-9"]


# -- decisions --

ALLOWED_BADGE = '<span style="color:#0a6b2d;font-weight:bold">✔ allowed</span>'
REFUSED_BADGE = '<span style="color:#a4000f;font-weight:bold">✖ refused</span>'


def test_an_allowed_decision_reads_without_a_rule():
    """An allowance cites its claims only, in text and in HTML."""
    d = decide(Role.SALES_REP, "prospecting")
    reason = (
        "A sales representative may prospect for new customers: under policy 'strict' that is "
        "the work of a sales representative."
    )
    assert str(d) == f"ALLOWED: {reason} [S1.1, S5.5]"
    assert d._repr_html_() == (
        f"<div>{ALLOWED_BADGE}: A sales representative may prospect for new customers: under "
        "policy &#x27;strict&#x27; that is the work of a sales representative. "
        "<small>(S1.1, S5.5)</small></div>"
    )


def test_a_refusal_cites_its_rule_before_its_claims():
    """A refusal names the rule that reports such work, in brackets and as code."""
    d = decide(Role.MARKETING, "field_sales")
    reason = (
        "Marketing may not do field sales visits: under policy 'strict' that is the work of a "
        "sales representative. Each role has its responsibilities; work given to another role "
        "is misplaced."
    )
    assert str(d) == f"REFUSED: {reason} [work-outside-role; S5.4, S0.3]"
    assert d._repr_html_() == (
        f"<div>{REFUSED_BADGE}: Marketing may not do field sales visits: under policy "
        "&#x27;strict&#x27; that is the work of a sales representative. Each role has its "
        "responsibilities; work given to another role is misplaced. "
        "<code>work-outside-role</code> <small>(S5.4, S0.3)</small></div>"
    )


def test_a_refusal_no_rule_reports_cites_its_claims_only():
    """Under a policy that switches the rule off, a refusal names no rule, in text or HTML."""
    lax = STRICT.named("lax").switch_off("work-outside-role")
    d = decide(Role.MARKETING, "field_sales", policy=lax)
    reason = (
        "Marketing may not do field sales visits: under policy 'lax' that is the work of a "
        "sales representative."
    )
    assert (d.allowed, d.rule, d.claims, d.reason) == (False, None, ("S5.4",), reason)
    assert str(d) == f"REFUSED: {reason} [S5.4]"
    assert d._repr_html_() == (
        f"<div>{REFUSED_BADGE}: Marketing may not do field sales visits: under policy "
        "&#x27;lax&#x27; that is the work of a sales representative. "
        "<small>(S5.4)</small></div>"
    )
