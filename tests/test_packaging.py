import importlib.metadata
import inspect
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import salesroles
import salesroles.exceptions
import salesroles.testing

SRC = Path(salesroles.__file__).parent
DOCS = Path(__file__).parent.parent / "docs"


def test_version_comes_from_the_package_metadata():
    assert salesroles.__version__ == importlib.metadata.version("salesroles")


def test_unknown_attributes_raise_attribute_error():
    with pytest.raises(AttributeError, match="does_not_exist"):
        salesroles.does_not_exist  # noqa: B018


def test_all_names_are_unique_and_every_name_exists():
    # The order is ruff's (RUF022): constants, classes, functions, each sorted.
    assert len(set(salesroles.__all__)) == len(salesroles.__all__)
    for name in salesroles.__all__:
        assert getattr(salesroles, name) is not None


def test_the_issue_names_import_from_the_package():
    from salesroles import (  # noqa: F401
        AccountPlan,
        Customer,
        KeyAccount,
        Lead,
        Money,
        Period,
        Portfolio,
        Role,
        SalesRolesError,
        Stakeholder,
        TeamMember,
        ValidationError,
        __version__,
    )


def test_py_typed_is_shipped():
    assert (SRC / "py.typed").exists()
    files = importlib.metadata.files("salesroles") or []
    assert any(str(f).endswith("py.typed") for f in files) or (SRC / "py.typed").exists()


def test_every_public_name_has_a_docstring():
    for module in (salesroles, salesroles.exceptions, salesroles.testing):
        for name in module.__all__:
            obj = getattr(module, name)
            if name == "__version__":
                continue
            assert inspect.getdoc(obj), f"{module.__name__}.{name} has no docstring"


def test_every_public_name_has_a_place_in_the_docs():
    text = "\n".join(p.read_text() for p in DOCS.glob("*.md"))
    missing = [name for name in salesroles.__all__ if name != "__version__" and name not in text]
    assert not missing, f"not in docs/: {missing}"


def test_every_error_derives_from_the_base():
    for name in salesroles.exceptions.__all__:
        obj = getattr(salesroles.exceptions, name)
        if isinstance(obj, type) and issubclass(obj, BaseException):
            assert issubclass(obj, salesroles.SalesRolesError)
    assert issubclass(salesroles.ValidationError, ValueError)


def _run(code: str) -> str:
    """What *code* prints in a fresh interpreter."""
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(out.stdout.split())


def test_importing_the_package_loads_none_of_its_wings():
    loaded = _loaded_after("import salesroles")
    assert not {m for m in loaded if m.startswith("salesroles.")} - {"salesroles.exceptions"}
    assert "cattrs" not in loaded


def test_a_service_reading_and_writing_documents_loads_no_analytics_and_no_cattrs():
    loaded = _loaded_after(
        "from salesroles import Portfolio, structure_json, unstructure_json\n"
        "unstructure_json(structure_json('{}', Portfolio))"
    )
    assert "salesroles._wire.api" in loaded
    assert not {m for m in loaded if m.startswith(("salesroles._analytics", "salesroles._rules"))}
    assert not {m for m in loaded if m.startswith(("cattrs", "pandas", "matplotlib"))}


def test_every_public_name_is_listed_and_loaded_on_first_access():
    assert set(dir(salesroles)) >= set(salesroles.__all__)
    assert salesroles.__all__ == sorted(salesroles.__all__, key=_ruff_order)
    fresh = _loaded_after("import salesroles\nsalesroles.workload")
    assert "salesroles._analytics.workload" in fresh


def _ruff_order(name: str) -> tuple[int, str]:
    # RUF022: SCREAMING_CASE first, then CamelCase, then the rest.
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return kind, name


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The names of the files in a wheel built from this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    root = SRC.parent.parent
    subprocess.run(  # noqa: S603 - our own interpreter building our own checkout
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(root)],
        check=True,
    )
    (wheel,) = out.glob("salesroles-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_ships_the_type_marker_and_the_german_catalogue(wheel_files):
    """A user's install has py.typed and the .po file the German texts come from."""
    assert "salesroles/py.typed" in wheel_files
    assert "salesroles/_i18n/locales/de/LC_MESSAGES/salesroles.po" in wheel_files
    assert not any(name.endswith((".mo", ".pyc")) for name in wheel_files)


def test_a_portfolio_from_anywhere_has_its_frame_methods():
    # Portfolio's pandas methods live above the wire and load on first use.
    code = (
        "from salesroles.testing import sample_portfolio\n"
        "p = sample_portfolio()\n"
        "print(type(p).from_frames(p.to_frames()) == p)"
    )
    assert _run(code) == "True"
