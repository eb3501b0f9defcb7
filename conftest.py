"""Run the examples of the docs, the README and the docstrings as tests (sybil)."""

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
