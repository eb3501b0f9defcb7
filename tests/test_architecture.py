"""The house in four wings: which module may import which, and that no module does I/O.

The layering, read with ``ast`` from every file under ``src/`` (type-only and
function-level imports included)::

    exceptions <- _i18n <- _model <- {_wire, _display} <- _rules <- _analytics <- __init__

``_wire`` and ``_rules`` never import each other; ``_model`` imports no other
wing; ``testing`` builds model objects and needs nothing else; ``interop``
sits above the public package and uses only it, ``exceptions`` and ``_model``;
the FastAPI bridge (``salesroles.fastapi``) reads bodies through the wire, and
no part of the core imports it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import salesroles

SRC = Path(salesroles.__file__).parent

# The parts of the house, and the parts each may import.
ALLOWED: dict[str, frozenset[str]] = {
    "exceptions": frozenset(),
    "_i18n": frozenset({"exceptions"}),
    "_model": frozenset({"exceptions", "_i18n"}),
    "_wire": frozenset({"exceptions", "_i18n", "_model"}),
    "_display": frozenset({"exceptions", "_i18n", "_model"}),
    "_rules": frozenset({"exceptions", "_i18n", "_model", "_display"}),
    "_analytics": frozenset({"exceptions", "_i18n", "_model", "_display", "_wire", "_rules"}),
    "testing": frozenset({"exceptions", "_model"}),
    # The adapters sit above the public package: they read records into its wire format.
    "interop": frozenset({"exceptions", "_i18n", "_model", "__init__"}),
    # The FastAPI bridge sits above the public package, imported only by its users.
    "fastapi": frozenset({"exceptions", "_i18n", "_model", "_wire"}),
    "__init__": frozenset(
        {"exceptions", "_i18n", "_model", "_display", "_wire", "_rules", "_analytics"}
    ),
}


def module_of(path: Path, root: Path) -> list[str]:
    """The dotted name of *path* under *root* (the package's folder), as parts."""
    parts = ["salesroles", *path.relative_to(root).with_suffix("").parts]
    return parts[:-1] if parts[-1] == "__init__" else parts


def part_of(module: list[str]) -> str | None:
    """The part of the house a module of salesroles belongs to (None: not ours)."""
    if module[0] != "salesroles":
        return None
    if len(module) == 1:
        return "__init__"
    return module[1]


def imported_modules(source: str, module: list[str], *, is_package: bool) -> list[list[str]]:
    """Every module *source* imports, relative imports resolved, wherever the import stands."""
    found = []
    package = module if is_package else module[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name.split(".") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = base + (node.module.split(".") if node.module else [])
            # ``from . import x`` imports the module x; ``from .m import x`` the module m.
            found += [[*target, a.name] for a in node.names] if not node.module else [target]
        elif _imports_by_name(node):
            # importlib.import_module("salesroles.x"): an import all the same.
            found.append(node.args[0].value.split("."))  # type: ignore[attr-defined]
    return found


def _imports_by_name(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Call) and node.args):
        return False
    func, first = node.func, node.args[0]
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return (
        called == "import_module"
        and isinstance(first, ast.Constant)
        and isinstance(first.value, str)
        and first.value.startswith("salesroles")
    )


# The one upward import, by name and on first use: the model's frame methods live above the
# wire (their module replaces them on the class), and loading them eagerly would load pandas'
# side of the library with every `import salesroles`.
UPWARD: frozenset[str] = frozenset(
    {"_model/portfolio.py: _model may not import salesroles._analytics.frames"}
)


def layering_violations(root: Path) -> list[str]:
    """Every import under *root* that crosses the layering the wrong way."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        module = module_of(path, root)
        here = part_of(module)
        assert here in ALLOWED, f"{path}: no part of the house is called {here!r}"
        imports = imported_modules(path.read_text(), module, is_package=path.stem == "__init__")
        for target in imports:
            there = part_of(target)
            if there is None or there == here:
                continue
            if there not in ALLOWED[here]:
                name = ".".join(target)
                problems.append(f"{path.relative_to(root)}: {here} may not import {name}")
    return problems


def test_every_import_follows_the_layering():
    """Each wing imports only the wings above it, type-only and by-name imports included."""
    assert set(layering_violations(SRC)) == UPWARD


def test_the_layering_check_catches_wrong_imports(tmp_path):
    """The check fails on a model that judges, a wire that knows rules, and a type-only cheat."""
    (tmp_path / "_model").mkdir()
    (tmp_path / "_wire").mkdir()
    (tmp_path / "_rules").mkdir()
    (tmp_path / "__init__.py").write_text("from ._rules.judge import check\n")
    (tmp_path / "exceptions.py").write_text("")
    (tmp_path / "_model" / "values.py").write_text("from salesroles._rules.policy import STRICT\n")
    (tmp_path / "_wire" / "api.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from .._rules.report import Report\n"
        "def later():\n"
        "    from .. import _analytics\n"
    )
    (tmp_path / "_rules" / "judge.py").write_text(
        "from .._model.values import Money\nfrom ..exceptions import ValidationError\n"
        "import importlib\nimportlib.import_module('salesroles._analytics.plots')\n"
    )
    assert layering_violations(tmp_path) == [
        "_model/values.py: _model may not import salesroles._rules.policy",
        "_rules/judge.py: _rules may not import salesroles._analytics.plots",
        "_wire/api.py: _wire may not import salesroles._rules.report",
        "_wire/api.py: _wire may not import salesroles._analytics",
    ]


def test_a_file_outside_the_house_is_refused(tmp_path):
    """A new top-level module must be given its place in the layering first."""
    (tmp_path / "_helpers.py").write_text("")
    with pytest.raises(AssertionError, match="_helpers"):
        layering_violations(tmp_path)


# Modules through which a library reads or writes the outside world.
_IO_MODULES = {
    "os", "io", "sys", "socket", "subprocess", "logging", "pathlib", "shutil", "tempfile",
    "urllib", "http", "requests", "time", "asyncio", "sqlite3", "threading", "builtins",
    "importlib.resources",
}  # fmt: skip
_IO_CALLS = {"open", "print", "input", "now", "today", "utcnow", "getenv"}


def io_offenders(root: Path) -> list[str]:
    """Every import of an I/O module and every I/O call in the files under *root*."""
    offenders = []
    for path in sorted(root.rglob("*.py")):
        name = str(path.relative_to(root))
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            else:
                names = []
            offenders += [
                f"{name}: import {n}"
                for n in names
                if n in _IO_MODULES or n.split(".")[0] in _IO_MODULES
            ]
            if isinstance(node, ast.Call):
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if called in _IO_CALLS:
                    offenders.append(f"{name}:{node.lineno}: {called}()")
    return offenders


def test_no_module_under_src_does_io():
    """Two documented exceptions: the default day to judge at, and the package's own catalogues."""
    lines = (SRC / "_model" / "portfolio.py").read_text().splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "return date.today()" in text)
    assert io_offenders(SRC) == [
        "_i18n/catalogue.py: import importlib.resources",
        f"_model/portfolio.py:{line}: today()",
    ]


def test_the_io_check_looks_into_every_wing(tmp_path):
    """A file deep in a wing that opens a file or imports os is found."""
    (tmp_path / "_wire" / "deep").mkdir(parents=True)
    (tmp_path / "_wire" / "deep" / "reader.py").write_text("import os\nopen('x')\n")
    assert io_offenders(tmp_path) == [
        "_wire/deep/reader.py: import os",
        "_wire/deep/reader.py:2: open()",
    ]


CONTRIBUTING = Path(__file__).parent.parent / "CONTRIBUTING.md"


def mapped_modules(text: str) -> set[str]:
    """The modules CONTRIBUTING.md's map names: ``wing/module.py`` for each table row."""
    found: set[str] = set()
    wing = ""
    for line in text.splitlines():
        if line.startswith("### "):
            heading = line.removeprefix("### ").split("`")
            wing = heading[1] if len(heading) > 1 else ""
        elif line.startswith("| `") and wing:
            name = line.split("`")[1]
            found.add(f"{wing}/{name}")
        elif line.startswith("| `") and line.split("`")[1].endswith(".py"):
            found.add(line.split("`")[1])
    return found


def test_the_contributors_map_names_every_module():
    """CONTRIBUTING.md lists each module of every wing, and no module that is gone."""
    modules = {
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.name != "__init__.py" or path.parent == SRC
    }
    assert mapped_modules(CONTRIBUTING.read_text()) == modules
