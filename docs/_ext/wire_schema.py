"""Sphinx extension: render the wire format from ``salesroles.json_schema``, so it cannot drift.

Usage, in a MyST page::

    ```{wire-tables}
    ```

    ```{wire-schema} Money
    ```

``wire-tables`` renders, for the portfolio and every class nested in it, a
table of its keys: the JSON type (with bounds, patterns and enumerations in
words), whether the key is required, and what it holds. ``wire-schema``
renders the JSON Schema of one public class as a JSON block. Both build
docutils nodes directly, so they work in MyST and reStructuredText pages.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

import salesroles

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _kind(schema: dict[str, Any]) -> str:  # noqa: C901, PLR0911 - one phrase per kind of schema
    """Say in words what a property schema accepts."""
    kinds = schema.get("type")
    if isinstance(kinds, list) and "null" in kinds:
        rest = [k for k in kinds if k != "null"]
        inner = schema | {"type": rest[0] if len(rest) == 1 else rest}
        if "enum" in inner:
            inner["enum"] = [v for v in inner["enum"] if v is not None]
        return f"{_kind(inner)}, or null"
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1] + " object"
    if isinstance(kinds, list):  # a decimal string or a number: each keyword judges its own
        return " or ".join(_kind(schema | {"type": k}) for k in kinds)
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s.get("type") != "null"]
        nullable = len(options) < len(schema["anyOf"])
        text = " or ".join(_kind(s) for s in options)
        return f"{text}, or null" if nullable else text
    kind = schema.get("type")
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    if kind == "array":
        return "list of " + _kind(schema["items"])
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            return f"integer from {low} to {high}"
        return f"integer from {low} up" if low is not None else "integer"
    if schema.get("format") == "date":
        return "date `YYYY-MM-DD`"
    if kind == "string" and "pattern" in schema and schema["pattern"] != r"\S":
        return f"string matching `{schema['pattern']}`"
    if kind == "string":
        return "non-blank string"
    return str(kind)


def _note(schema: dict[str, Any]) -> str:
    if "description" in schema:
        return str(schema["description"])
    for option in schema.get("anyOf", ()):
        if "description" in option:
            return str(option["description"])
    return ""


def _table(definition: dict[str, Any]) -> nodes.table:
    header = ["key", "accepts", "required", "notes"]
    table = nodes.table(classes=["wire-format"])
    group = nodes.tgroup(cols=len(header))
    table += group
    for width in (18, 40, 8, 34):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for title in header:
        row += nodes.entry("", nodes.paragraph(text=title))
    head += row
    body = nodes.tbody()
    group += body
    required = set(definition["required"])
    for key, prop in definition["properties"].items():
        row = nodes.row()
        cells = [
            nodes.paragraph("", "", nodes.literal(text=key)),
            nodes.paragraph(text=_kind(prop).replace("`", "")),
            nodes.paragraph(text="yes" if key in required else "no"),
            nodes.paragraph(text=_note(prop)),
        ]
        for cell in cells:
            row += nodes.entry("", cell)
        body += row
    return table


class WireTables(SphinxDirective):
    """One table of keys per object of the wire format, the portfolio first."""

    def run(self) -> list[nodes.Node]:
        schema = salesroles.json_schema(salesroles.Portfolio)
        definitions = {"Portfolio": schema, **schema["$defs"]}
        out: list[nodes.Node] = []
        for name, definition in definitions.items():
            section = nodes.section(ids=[f"wire-{name.lower()}"])
            section += nodes.title(text=name)
            if definition.get("description"):
                section += nodes.paragraph(text=definition["description"])
            section += _table(definition)
            out.append(section)
        return out


class WireSchema(SphinxDirective):
    """The JSON Schema of one public class, as a JSON block."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        cls = getattr(salesroles, self.arguments[0])
        text = json.dumps(salesroles.json_schema(cls), indent=2, ensure_ascii=False)
        block = nodes.literal_block(text, text)
        block["language"] = "json"
        return [block]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("wire-tables", WireTables)
    app.add_directive("wire-schema", WireSchema)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
