"""Sphinx extension: the labels of every public enumeration in English and German.

Usage, in a MyST page::

    ```{labels-glossary}
    ```

One table per enumeration (wire value, English, Deutsch), read from the
installed salesroles and its German catalogue, so the glossary cannot drift.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from docutils import nodes
from rules_catalogue import _para, _table
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class LabelsGlossary(SphinxDirective):
    """The ``labels-glossary`` directive: no arguments, no content."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """Render a heading and a table per public enumeration."""
        import salesroles  # noqa: PLC0415 - imported when the page is built, not on load

        out: list[nodes.Node] = []
        for name in salesroles.__all__:
            cls = getattr(salesroles, name)
            if not (isinstance(cls, type) and issubclass(cls, enum.Enum)):
                continue
            rows = [
                [
                    _para(nodes.literal(text=member.value)),
                    _para(salesroles.label(member)),
                    _para(salesroles.label(member, locale="de")),
                ]
                for member in cls
            ]
            section = nodes.section(ids=[f"labels-{name.lower()}"])
            section += nodes.title(text=name)
            section += _table(["wire value", "English", "Deutsch"], rows)
            out.append(section)
        return out


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``labels-glossary`` directive."""
    app.add_directive("labels-glossary", LabelsGlossary)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
