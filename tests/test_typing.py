"""Types that accept what the docs call: mypy --strict and pyright over two files of calls.

``typing/documented_calls.py`` holds calls copied from the docs: both checkers
accept every one. ``typing/wrong_calls.py`` holds calls that fail at run time:
each line says which error each checker must report, and no other is allowed.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mypy import api as mypy_api

HERE = Path(__file__).parent / "typing"
DOCUMENTED = HERE / "documented_calls.py"
WRONG = HERE / "wrong_calls.py"

_EXPECT = re.compile(r"# expect: mypy\[([a-z-]+)\] pyright\[(\w+)\]")


def _expected(checker: str) -> set[tuple[int, str]]:
    found = set()
    for number, line in enumerate(WRONG.read_text().splitlines(), start=1):
        match = _EXPECT.search(line)
        if match:
            found.add((number, match.group(1) if checker == "mypy" else match.group(2)))
    return found


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory):
    """Every error mypy --strict reports over both files: {file name: {(line, code)}}."""
    cache = tmp_path_factory.mktemp("mypy-cache")
    out, _, _ = mypy_api.run(
        ["--strict", "--cache-dir", str(cache), "--no-error-summary", str(DOCUMENTED), str(WRONG)]
    )
    errors: dict[str, set[tuple[int, str]]] = {DOCUMENTED.name: set(), WRONG.name: set()}
    for line in out.splitlines():
        match = re.match(r"(.+?):(\d+): error: .*\[([a-z-]+)\]$", line)
        assert match, line  # notes belong to an error; anything else is unexpected
        errors[Path(match.group(1)).name].add((int(match.group(2)), match.group(3)))
    return errors


@pytest.fixture(scope="module")
def pyright_errors():
    """Every error basedpyright reports over both files (its bundled Node.js, no download)."""
    run = subprocess.run(  # noqa: S603 - our own interpreter and files
        [
            sys.executable,
            "-m",
            "basedpyright",
            "--outputjson",
            "--pythonpath",
            sys.executable,
            str(DOCUMENTED),
            str(WRONG),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(run.stdout)
    errors: dict[str, set[tuple[int, str]]] = {DOCUMENTED.name: set(), WRONG.name: set()}
    for d in report["generalDiagnostics"]:
        if d["severity"] == "error":
            line = d["range"]["start"]["line"] + 1
            errors[Path(d["file"]).name].add((line, d.get("rule", "")))
    return errors


def test_mypy_accepts_every_call_the_docs_show(mypy_errors):
    """segment="medium", on="2026-12-01", amounts as strings: no error under --strict."""
    assert mypy_errors[DOCUMENTED.name] == set()


def test_pyright_accepts_every_call_the_docs_show(pyright_errors):
    """The same calls under basedpyright: no error."""
    assert pyright_errors[DOCUMENTED.name] == set()


def test_mypy_refuses_exactly_the_wrong_calls(mypy_errors):
    """segment="huge", since=20200101, a float amount …: one error each, nothing else."""
    assert len(_expected("mypy")) == 14
    assert mypy_errors[WRONG.name] == _expected("mypy")


def test_pyright_refuses_exactly_the_wrong_calls(pyright_errors):
    """The same wrong calls under basedpyright: one error each, nothing else."""
    assert pyright_errors[WRONG.name] == _expected("pyright")
