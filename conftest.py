"""Run the examples of the docs, the README and the docstrings as tests (sybil).

``SALESROLES_PURE_JSON=1`` runs everything on the standard library's JSON
alone, as without the ``fast`` extra (``make tests`` runs the suite both ways).
"""

import os
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

pytest_collect_file = (
    Sybil(
        parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS), SkipParser()],
        patterns=["*.md"],
        excludes=["_build/*", "CHANGELOG.md"],
    )
    + Sybil(
        parsers=[DocTestParser(optionflags=_FLAGS)],
        patterns=["*.py"],
        path="src",
    )
).pytest()


def pytest_configure(config: object) -> None:  # noqa: ARG001 - pytest's hook signature
    if os.environ.get("SALESROLES_PURE_JSON", "") not in {"", "0"}:
        from salesroles._wire import codec  # noqa: PLC0415 - only when asked for

        codec.use_msgspec(on=False)
