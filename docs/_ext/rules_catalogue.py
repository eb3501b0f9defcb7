"""Sphinx extension: render the rule catalogue of salesroles, so the docs never drift from it.

Usage, in a MyST page::

    ```{rules-catalogue}
    ```

It renders a summary table of every rule of ``salesroles.rules()`` (id, title,
severity under ``strict`` and under ``merged``, claims) and then, per rule, an
anchored heading (the rule id) with its principle, explanation, when it fires,
its severities and claims. It builds docutils nodes directly, so it works the
same in MyST and reStructuredText pages.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_INLINE = re.compile(r"``([^`]+)``|\*([^*]+)\*")


def _inline(text: str) -> list[nodes.Node]:
    """Turn ``literal`` and *emphasis* of a docstring into nodes; the rest stays text."""
    out: list[nodes.Node] = []
    last = 0
    for match in _INLINE.finditer(text):
        if match.start() > last:
            out.append(nodes.Text(text[last : match.start()]))
        if match.group(1) is not None:
            out.append(nodes.literal(text=match.group(1)))
        else:
            out.append(nodes.emphasis(text=match.group(2)))
        last = match.end()
    if last < len(text):
        out.append(nodes.Text(text[last:]))
    return out


def _para(*parts: nodes.Node | str) -> nodes.paragraph:
    para = nodes.paragraph()
    for part in parts:
        para += nodes.Text(part) if isinstance(part, str) else part
    return para


def _severity(policy: Any, rule_id: str) -> str:
    severity = policy.severity_of(rule_id)
    return "off" if severity is None else severity.value


def _table(header: list[str], rows: list[list[nodes.Node]]) -> nodes.table:
    table = nodes.table(classes=["rules-catalogue"])
    group = nodes.tgroup(cols=len(header))
    table += group
    for width in (30, 30, 10, 10, 20)[: len(header)]:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for title in header:
        row += nodes.entry("", _para(title))
    head += row
    body = nodes.tbody()
    group += body
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            row += nodes.entry("", cell)
        body += row
    return table


# The page's own words, by the language of the ``:locale:`` option.
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "rule": "rule", "title": "title", "claims": "claims", "Fires when": "Fires when",
        "Severity": "Severity", "Claims": "Claims", "under": "under",
    },
    "de": {
        "rule": "Regel", "title": "Titel", "claims": "Aussagen", "Fires when": "Greift, wenn",
        "Severity": "Schweregrad", "Claims": "Aussagen", "under": "unter",
    },
}  # fmt: skip


class RulesCatalogue(SphinxDirective):
    """The ``rules-catalogue`` directive: no arguments, no content; ``:locale: de`` for German."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"locale": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        """Render the catalogue as it is in the installed salesroles, in the page's language."""
        import salesroles  # noqa: PLC0415 - imported when the page is built, not on load

        locale = self.options.get("locale", "en")
        words = _WORDS[locale]
        catalogue = [rule.in_language(locale) for rule in salesroles.rules()]
        prefix = "" if locale == "en" else f"{locale}-"
        rows = []
        for rule in catalogue:
            link = nodes.reference("", "", internal=True, refid=f"{prefix}rule-{rule.id}")
            link += nodes.literal(text=rule.id)
            rows.append(
                [
                    _para(link),
                    _para(rule.title),
                    _para(_severity(salesroles.STRICT, rule.id)),
                    _para(_severity(salesroles.MERGED, rule.id)),
                    _para(", ".join(rule.claims)),
                ]
            )
        header = [words["rule"], words["title"], "strict", "merged", words["claims"]]
        out: list[nodes.Node] = [_table(header, rows)]
        for rule in catalogue:
            heading = nodes.rubric("", "", ids=[f"{prefix}rule-{rule.id}"])
            heading += nodes.literal(text=rule.id)
            heading += nodes.Text(f": {rule.title}")
            out.append(heading)
            out.append(_para(nodes.strong(text=rule.summary)))
            out.append(_para(*_inline(rule.explanation)))
            fields = nodes.field_list()
            severities = (
                f"{_severity(salesroles.STRICT, rule.id)} {words['under']} strict, "
                f"{_severity(salesroles.MERGED, rule.id)} {words['under']} merged"
            )
            for name, value in (
                (words["Fires when"], rule.fires_when),
                (words["Severity"], severities),
                (words["Claims"], ", ".join(rule.claims)),
            ):
                field = nodes.field()
                field += nodes.field_name(text=name)
                field += nodes.field_body("", _para(*_inline(value)))
                fields += field
            out.append(fields)
        return out


class ResponsibilitiesTable(SphinxDirective):
    """The ``responsibilities-table`` directive: who owns each responsibility, and why."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """Render the responsibilities as the installed salesroles knows them."""
        import salesroles  # noqa: PLC0415 - imported when the page is built, not on load
        from salesroles._rules.duties import duty_claims, duty_phrase  # noqa: PLC0415

        def roles(policy: Any, duty: Any) -> str:
            return ", ".join(r.value for r in salesroles.Role if r in policy.owners_of(duty))

        rows = [
            [
                _para(nodes.literal(text=duty.value)),
                _para(duty_phrase(duty)),
                _para(roles(salesroles.STRICT, duty)),
                _para(roles(salesroles.MERGED, duty)),
                _para(", ".join(duty_claims(duty))),
            ]
            for duty in salesroles.Responsibility
        ]
        header = ["responsibility", "what it is", "strict", "merged", "claims"]
        return [_table(header, rows)]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``rules-catalogue`` and ``responsibilities-table`` directives."""
    app.add_directive("rules-catalogue", RulesCatalogue)
    app.add_directive("responsibilities-table", ResponsibilitiesTable)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
