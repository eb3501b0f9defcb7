"""How check() scales: generated portfolios of 1k, 10k and 100k key accounts.

Run it with ``python benchmarks/bench_check.py`` (about two minutes) or with
``--quick`` (1k and 10k only). For each size it reports the median time of

- construct: ``Portfolio(**collections)`` from entities already built (the
  reference and id checks of the aggregate);
- structure: ``salesroles.structure(unstructure(p), Portfolio)``, reading the
  portfolio from its JSON-ready form, when the library offers it;
- check: ``check(p)`` on a portfolio whose indexes are not built yet, so that
  indexing counts; the portfolio is read from its JSON text first, as a
  service holds it;

and then the growth exponent of check time (the slope of log time over log
size; 1.0 is linear, the goal is at most 1.1) and the ratio of check time to
structure time (the goal is at most 0.1: judging a portfolio should cost a
small fraction of reading it). It prints; it asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import math
import statistics
import sys
import time
from typing import TYPE_CHECKING, Any

import salesroles
from salesroles import Portfolio, check
from salesroles.testing import generate_portfolio

if TYPE_CHECKING:
    from collections.abc import Callable

COLLECTIONS = (
    "products",
    "team",
    "customers",
    "leads",
    "key_accounts",
    "stakeholders",
    "plans",
    "contracts",
    "orders",
    "deals",
    "targets",
    "assignments",
)


def fields_of(p: Portfolio) -> dict[str, Any]:
    return {"as_of": p.as_of, "currency": p.currency} | {n: getattr(p, n) for n in COLLECTIONS}


def median_seconds(run: Callable[[], object], repeats: int, prepare: Callable[[], Any]) -> float:
    """The median duration of ``run(prepared)`` over *repeats*; preparing is not counted."""
    durations = []
    for _ in range(repeats):
        arg = prepare()
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            run(arg)  # type: ignore[call-arg]
            durations.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return statistics.median(durations)


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(seconds) over log(size)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def measure(n: int, repeats: int) -> dict[str, Any]:
    p = generate_portfolio(n, seed=0)
    structure = getattr(salesroles, "structure", None)
    unstructure = getattr(salesroles, "unstructure", None)
    structure_json = getattr(salesroles, "structure_json", None)
    unstructure_json = getattr(salesroles, "unstructure_json", None)
    if structure_json is not None and unstructure_json is not None:
        # Judge what a service holds: a portfolio read from JSON text, its strings and
        # objects laid out in memory in document order. Entities left as the generator
        # made them share its strings, and check's time would depend on the order in
        # which the generator happened to allocate them.
        p = structure_json(unstructure_json(p), Portfolio)
    fields = fields_of(p)
    entities = sum(len(v) for k, v in fields.items() if k in COLLECTIONS)
    row: dict[str, Any] = {"n": n, "entities": entities}
    row["construct"] = median_seconds(lambda f: Portfolio(**f), repeats, prepare=lambda: fields)
    row["check"] = median_seconds(check, repeats, prepare=lambda: Portfolio(**fields))
    row["findings"] = len(check(p))
    if structure is not None and unstructure is not None:
        data = unstructure(p)
        row["structure"] = median_seconds(
            lambda d: structure(d, Portfolio), 1 if n >= 100_000 else repeats, prepare=lambda: data
        )
    return row


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1k and 10k key accounts only")
    parser.add_argument("--repeats", type=int, default=5, help="runs per measure (default 5)")
    args = parser.parse_args(argv)
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    has_structure = hasattr(salesroles, "structure") and hasattr(salesroles, "unstructure")
    print(f"salesroles {salesroles.__version__}, Python {sys.version.split()[0]}")
    if not has_structure:
        print("salesroles.structure is not available: comparing with construction only")
    header = (
        f"{'key accounts':>12} {'entities':>9} {'construct':>10} {'structure':>10} "
        f"{'check':>9} {'check/constr':>12} {'check/struct':>12} {'findings':>8}"
    )
    print(header)
    rows = []
    for n in sizes:
        repeats = args.repeats if n < 100_000 else max(1, min(args.repeats, 3))
        row = measure(n, repeats)
        rows.append(row)
        struct = row.get("structure")
        print(
            f"{row['n']:>12,} {row['entities']:>9,} {row['construct']:>9.3f}s "
            + (f"{struct:>9.3f}s " if struct else f"{'-':>10} ")
            + f"{row['check']:>8.3f}s {row['check'] / row['construct']:>12.3f} "
            + (f"{row['check'] / struct:>12.3f} " if struct else f"{'-':>12} ")
            + f"{row['findings']:>8,}",
            flush=True,
        )
    for what in ("check", "construct", "structure"):
        if what not in rows[-1]:
            continue
        points = [(r["n"], r[what]) for r in rows]
        steps = ", ".join(
            f"{a[0] // 1000}k->{b[0] // 1000}k {slope([a, b]):.2f}"
            for a, b in itertools.pairwise(points)
        )
        goal = " (goal <= 1.1)" if what == "check" else ""
        print(f"growth exponent of {what} time: {slope(points):.2f}{goal}; by step: {steps}")
    per_entity = ", ".join(f"{r['check'] / r['entities'] * 1e6:.2f}" for r in rows)
    print(f"check time per entity (microseconds): {per_entity}")
    largest = rows[-1]
    print(f"check / construct at {largest['n']:,}: {largest['check'] / largest['construct']:.3f}")
    if "structure" in largest:
        print(
            f"check / structure at {largest['n']:,}: "
            f"{largest['check'] / largest['structure']:.3f} (goal <= 0.1)"
        )


if __name__ == "__main__":
    main()
