"""Benchmark: salesroles' validation layer against a pydantic v2 model of the same wire format.

Run it with ``python benchmarks/bench_validation.py [KEY_ACCOUNTS]`` (default 1900,
about 30 000 entities). It is a benchmark, not a test: it prints figures and
asserts nothing about them.

What it does, in one process:

- builds a generated portfolio (``salesroles.testing.generate_portfolio``) and
  its JSON-ready form, and checks that both libraries accept it and that
  salesroles reads back what it wrote;
- warms both up, then runs them alternately, several rounds, and takes medians:
  structure (dict to objects), structure from JSON text, and unstructure
  (objects to JSON-ready data; each side's objects built from the same dict);
- does that twice: with the garbage collector on, as in a service, and off,
  which isolates CPU cost; every run starts from a freshly collected heap, so
  that each pays for the collections it causes itself, not for its predecessors';
- measures the memory the validated objects hold (tracemalloc, after a
  collection), per entity.

Ratios are pydantic's time divided by salesroles': above 1 means salesroles is faster.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).parent))

import pydantic
import pydantic_model as pm
from memory import retained

import salesroles
from salesroles import Portfolio
from salesroles.testing import generate_portfolio

if TYPE_CHECKING:
    from collections.abc import Callable

ROUNDS = 11


def _timed(fn: Callable[[], object], times: list[float]) -> None:
    # Every run starts from a collected heap, so that no run pays for a full collection
    # that the runs before it made due: each pays for the collections it causes itself.
    gc.collect()
    start = time.perf_counter()
    fn()
    times.append(time.perf_counter() - start)


def compare(cases: dict[str, tuple[Callable[[], object], Callable[[], object]]]) -> None:
    """Run each (salesroles, pydantic) pair alternately; print medians and ratios."""
    for ours, theirs in cases.values():  # warm-up
        ours()
        theirs()
    times: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in cases}
    for _ in range(ROUNDS):
        for name, (ours, theirs) in cases.items():
            _timed(ours, times[name][0])
            _timed(theirs, times[name][1])
    for name, (a, b) in times.items():
        ours_ms = statistics.median(a) * 1000
        theirs_ms = statistics.median(b) * 1000
        print(
            f"  {name:<22} salesroles {ours_ms:8.1f} ms   pydantic {theirs_ms:8.1f} ms"
            f"   ratio {theirs_ms / ours_ms:5.2f}x"
        )


def main() -> None:
    key_accounts = int(sys.argv[1]) if len(sys.argv) > 1 else 1900
    portfolio = generate_portfolio(key_accounts)
    data = salesroles.unstructure(portfolio)
    text = json.dumps(data)
    entities = sum(len(v) for v in data.values() if isinstance(v, list))

    # Both accept the document; salesroles reads back exactly what it wrote.
    # The objects both sides unstructure are built the same way, from the same dict, so
    # that their layout in memory (which decides the cost of reading them) is alike.
    model = pm.Portfolio.model_validate(data)
    objects = salesroles.structure(data, Portfolio)
    if objects != portfolio or model.model_dump(mode="json", exclude_none=True) != data:
        raise SystemExit("the two libraries do not read the document alike")
    # Both write the wire format also where str() would use an exponent ("1E-8").
    tiny = {"amount": "0.00000001", "currency": "EUR"}
    written = (
        salesroles.unstructure(salesroles.structure(tiny, salesroles.Money)),
        pm.Money.model_validate(tiny).model_dump(mode="json"),
    )
    if written != (tiny, tiny):
        raise SystemExit(f"the two libraries do not write {tiny} back as it came: {written}")

    print(
        f"salesroles {salesroles.__version__} against pydantic {pydantic.VERSION}: "
        f"{entities} entities, {len(text) // 1024} KiB of JSON, medians of {ROUNDS} rounds"
    )
    cases = {
        "structure (dict)": (
            lambda: salesroles.structure(data, Portfolio),
            lambda: pm.Portfolio.model_validate(data),
        ),
        "structure (JSON text)": (
            lambda: salesroles.structure_json(text, Portfolio),
            lambda: pm.Portfolio.model_validate_json(text),
        ),
        "unstructure": (
            lambda: salesroles.unstructure(objects),
            lambda: model.model_dump(mode="json", exclude_none=True),
        ),
    }
    for label, switch in (("collector on", gc.enable), ("collector off", gc.disable)):
        switch()
        print(f"garbage {label}:")
        compare(cases)
    gc.enable()

    ours, ours_bytes = retained(lambda: salesroles.structure_json(text, Portfolio))
    theirs, theirs_bytes = retained(lambda: pm.Portfolio.model_validate_json(text))
    print("memory held by the validated objects (built from the JSON text):")
    print(
        f"  salesroles {ours_bytes / entities:7.0f} B/entity   "
        f"pydantic {theirs_bytes / entities:7.0f} B/entity   "
        f"ratio {ours_bytes / theirs_bytes:5.2f}x"
    )
    del ours, theirs


if __name__ == "__main__":
    main()
