"""Reading the committed CRM exports of tests/data/interop/, and what every adapter promises."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import hypothesis.strategies as st

DATA = Path(__file__).parent / "data" / "interop"


def load_json(system: str, name: str = "records.json"):
    """One committed export, as its system's API gives it."""
    return json.loads((DATA / system / name).read_text(encoding="utf-8"))


def load_csv(system: str, objects):
    """Data Loader CSV files, read as users read them: csv.DictReader, every value a string."""
    found = {}
    for name in objects:
        with (DATA / system / f"{name}.csv").open(newline="", encoding="utf-8") as f:
            found[name] = list(csv.DictReader(f))
    return found


def input_paths(records) -> set[str]:
    """The path of every record of *records* (``Account[3]``)."""
    return {f"{name}[{i}]" for name, rows in records.items() for i in range(len(rows))}


def items(errors) -> list[tuple[str, str]]:
    """(path, code) of each error item, to compare exactly."""
    return [(e.path, e.code) for e in errors]


# Junk as exports and hand-made dicts hold it: every JSON value and a few Python ones.
junk_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["", "1,200,000.50", "2026-03-31T24:00:00Z", "Other", "Sales Rep"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def junk_records(objects, fields):
    """Object name to records of junk: known objects with fields of theirs, and others."""
    record = st.dictionaries(st.sampled_from(fields), junk_values, max_size=6)
    table = st.lists(record | junk_values, max_size=4)
    names = st.sampled_from([*objects, "Nonsense"])
    return st.dictionaries(names, table, max_size=4) | junk_values
