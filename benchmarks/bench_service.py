"""Benchmark: what a service feels, against a pydantic v2 twin of the wire format.

Run it with ``python benchmarks/bench_service.py`` (about 100 000 entities, three
runs; ``--help`` for sizes). It is a benchmark, not a test: it prints ratios
and asserts nothing about them. Ratios are pydantic's figure divided by
salesroles' (above 1 means salesroles is faster or smaller), each shown as
the range over ``--runs`` runs; within a run, both sides alternate and the
median of ``--rounds`` rounds counts.

It prints, in one process:

- ``structure`` (dict), ``structure_json`` (UTF-8 bytes), ``unstructure`` and
  ``unstructure_json`` against ``model_validate``, ``model_validate_json``,
  ``model_dump(mode="json")`` and ``model_dump_json``, with the collector on
  (as in a service) and off (the CPU cost alone);
- with the ``fast`` extra installed, ``structure_json`` and ``unstructure_json``
  once more on msgspec;
- msgspec itself as the practical limit (``benchmarks/msgspec_model.py``: Structs
  of the wire format that check types only), as salesroles' time over msgspec's
  for each of the four operations: how many times faster msgspec is;
- the time of ``import salesroles`` against ``import pydantic``, each in fresh
  interpreters, and of importing what a service uses of each;
- the memory the validated objects hold (tracemalloc) and the growth of the
  process's resident set (RSS, in fresh interpreters);
- ``structure_json`` at ``--big`` entities (one million by default) with the
  collector on, divided by its time with the collector off.

``--src DIR`` runs it against another checkout's ``src`` (say, the commit
before a change: ``git archive COMMIT src | tar -x -C /tmp/before``), which is
how the figures before a change are measured on the same machine.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

HERE = Path(__file__).parent

if TYPE_CHECKING:
    from collections.abc import Callable


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=100_000, help="portfolio size")
    parser.add_argument("--big", type=int, default=1_000_000, help="size of the GC term (0: skip)")
    parser.add_argument("--runs", type=int, default=3, help="runs, for the range of each ratio")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per run (the median counts)")
    parser.add_argument("--imports", type=int, default=15, help="fresh interpreters per import")
    parser.add_argument("--src", type=Path, help="another checkout's src directory")
    return parser.parse_args()


OPTIONS = _options()
if OPTIONS.src is not None:
    sys.path.insert(0, str(OPTIONS.src.resolve()))
sys.path.insert(0, str(HERE))

import pydantic  # noqa: E402
import pydantic_model as pm  # noqa: E402
from memory import retained  # noqa: E402

import salesroles  # noqa: E402
from salesroles import Portfolio  # noqa: E402
from salesroles.testing import generate_portfolio  # noqa: E402

#: Entities per key account of the generated portfolio (measured: 99 124 for 6 300).
PER_KEY_ACCOUNT = 15.73


def _child_env() -> dict[str, str]:
    paths = [str(HERE)]
    if OPTIONS.src is not None:
        paths.insert(0, str(OPTIONS.src.resolve()))
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def _timed(fn: Callable[[], object]) -> float:
    # Every run starts from a collected heap: each pays for the collections it causes itself.
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _ratio_range(ratios: list[float]) -> str:
    low, high = min(ratios), max(ratios)
    return f"{low:5.2f}x" if f"{low:.2f}" == f"{high:.2f}" else f"{low:5.2f}-{high:.2f}x"


def compare(
    cases: dict[str, tuple[Callable[[], object], Callable[[], object]]],
    other: str = "pydantic",
    ratio: str = "pydantic/salesroles",
) -> None:
    """Time each (salesroles, other) pair alternately; print the medians and ratio ranges.

    The ratio is the other's time over salesroles', or the inverse if *ratio* says so.
    """
    inverse = ratio.startswith("salesroles/")
    for ours, theirs in cases.values():  # warm-up
        ours()
        theirs()
    ratios: dict[str, list[float]] = {name: [] for name in cases}
    medians: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(OPTIONS.runs):
        times = {name: ([], []) for name in cases}
        for _ in range(OPTIONS.rounds):
            for name, (ours, theirs) in cases.items():
                times[name][0].append(_timed(ours))
                times[name][1].append(_timed(theirs))
        for name, (a, b) in times.items():
            m = (statistics.median(a), statistics.median(b))
            medians[name].append(m)
            ratios[name].append(m[0] / m[1] if inverse else m[1] / m[0])
    for name in cases:
        ours_ms = statistics.median(m[0] for m in medians[name]) * 1000
        theirs_ms = statistics.median(m[1] for m in medians[name]) * 1000
        print(
            f"  {name:<34} salesroles {ours_ms:8.1f} ms   {other} {theirs_ms:8.1f} ms"
            f"   {ratio} {_ratio_range(ratios[name])}"
        )


def _codec() -> Any:
    """The module that switches between msgspec and the standard library, if there is one."""
    try:
        from salesroles._wire import codec
    except ImportError:  # an older checkout
        return None
    return codec if codec.msgspec_available() else None


def timings(data: dict[str, Any], body: bytes, objects: Portfolio, model: Any) -> None:
    cases: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "structure (dict)": (
            lambda: salesroles.structure(data, Portfolio),
            lambda: pm.Portfolio.model_validate(data),
        ),
        "structure_json (bytes)": (
            lambda: salesroles.structure_json(body, Portfolio),
            lambda: pm.Portfolio.model_validate_json(body),
        ),
        "unstructure": (
            lambda: salesroles.unstructure(objects),
            lambda: model.model_dump(mode="json", exclude_none=True),
        ),
        "unstructure_json": (
            lambda: salesroles.unstructure_json(objects),
            lambda: model.model_dump_json(exclude_none=True),
        ),
    }
    codec = _codec()
    if codec is not None:
        codec.use_msgspec(on=False)
    for label, switch in (("collector on", gc.enable), ("collector off", gc.disable)):
        switch()
        print(f"garbage {label}, the default install (standard library json):")
        compare(cases)
    gc.enable()
    if codec is None:
        print("the fast extra: not installed (or an older checkout)")
        return
    codec.use_msgspec(on=True)
    fast = {name: cases[name] for name in ("structure_json (bytes)", "unstructure_json")}
    for label, switch in (("collector on", gc.enable), ("collector off", gc.disable)):
        switch()
        print(f"garbage {label}, the fast extra (msgspec {codec.msgspec_version()}):")
        compare(fast)
    gc.enable()


def limit(data: dict[str, Any], body: bytes, objects: Portfolio) -> None:
    """salesroles (with the fast extra, if installed) against msgspec's own Structs."""
    try:
        import msgspec
        from msgspec_model import struct_of
    except ImportError:
        print("msgspec: not installed")
        return
    twin = struct_of(Portfolio)
    decoder = msgspec.json.Decoder(twin)
    structs = decoder.decode(body)
    cases: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "structure (dict)": (
            lambda: salesroles.structure(data, Portfolio),
            lambda: msgspec.convert(data, twin),
        ),
        "structure_json (bytes)": (
            lambda: salesroles.structure_json(body, Portfolio),
            lambda: decoder.decode(body),
        ),
        "unstructure": (
            lambda: salesroles.unstructure(objects),
            lambda: msgspec.to_builtins(structs),
        ),
        "unstructure_json": (
            lambda: salesroles.unstructure_json(objects),
            lambda: msgspec.json.encode(structs).decode(),
        ),
    }
    codec = _codec()
    if codec is not None:
        codec.use_msgspec(on=True)
    for label, switch in (("collector on", gc.enable), ("collector off", gc.disable)):
        switch()
        print(f"garbage {label}, against msgspec {msgspec.__version__} (the practical limit):")
        compare(cases, "msgspec", "salesroles/msgspec")
    gc.enable()


def _fresh(code: str) -> float:
    out = subprocess.run(  # noqa: S603 - our own interpreter, our own code
        [sys.executable, "-c", code], env=_child_env(), capture_output=True, text=True, check=True
    )
    return float(out.stdout)


def _import_code(statement: str) -> str:
    return f"import time\nt = time.perf_counter()\n{statement}\nprint(time.perf_counter() - t)\n"


def import_times() -> None:
    """Median import times, each in a fresh interpreter, the two sides alternating."""
    pairs = {
        "import": ("import salesroles", "import pydantic"),
        "import what a service uses": (
            "from salesroles import Portfolio, check, structure_json, unstructure_json",
            "from pydantic import BaseModel, ConfigDict, Field, model_validator",
        ),
    }
    for name, (ours, theirs) in pairs.items():
        a: list[float] = []
        b: list[float] = []
        for _ in range(OPTIONS.imports):
            a.append(_fresh(_import_code(ours)))
            b.append(_fresh(_import_code(theirs)))
        ma, mb = statistics.median(a) * 1000, statistics.median(b) * 1000
        print(
            f"  {name:<34} salesroles {ma:8.1f} ms   pydantic {mb:8.1f} ms"
            f"   salesroles/pydantic {ma / mb:5.2f}x  (medians of {OPTIONS.imports})"
        )


_RSS = """
import gc, sys
from pathlib import Path
def rss():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
body = Path(sys.argv[1]).read_bytes()
{imports}
gc.collect()
before = rss()
held = {build}
gc.collect()
print(rss() - before)
"""


def _rss(path: str, imports: str, build: str) -> int:
    code = _RSS.format(imports=imports, build=build)
    out = subprocess.run(  # noqa: S603 - our own interpreter, our own code
        [sys.executable, "-c", code, path],
        env=_child_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout)


def memory(body: bytes, entities: int) -> None:
    ours, ours_bytes = retained(lambda: salesroles.structure_json(body, Portfolio))
    theirs, theirs_bytes = retained(lambda: pm.Portfolio.model_validate_json(body))
    del ours, theirs
    print(
        f"  {'held (tracemalloc)':<34} salesroles {ours_bytes / entities:6.0f} B/entity"
        f"   pydantic {theirs_bytes / entities:6.0f} B/entity"
        f"   salesroles/pydantic {ours_bytes / theirs_bytes:5.2f}x"
    )
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        f.write(body)
    # The default install's figures with msgspec switched off (an older checkout has none).
    setup = (
        "import salesroles\ntry:\n    from salesroles._wire import codec\n"
        "    codec.use_msgspec(on=FAST)\nexcept ImportError:\n    pass"
    )
    ours = (setup, "salesroles.structure_json(body, salesroles.Portfolio)")
    theirs = ("import pydantic_model", "pydantic_model.Portfolio.model_validate_json(body)")
    try:
        b = statistics.median(_rss(f.name, *theirs) for _ in range(3))
        for label, fast in (("", False), (", fast extra", True)):
            if fast and _codec() is None:
                continue
            setup = ours[0].replace("FAST", str(fast))
            a = statistics.median(_rss(f.name, setup, ours[1]) for _ in range(3))
            print(
                f"  {'RSS growth' + label:<34}"
                f" salesroles {a / entities:6.0f} B/entity   pydantic {b / entities:6.0f} B/entity"
                f"   salesroles/pydantic {a / b:5.2f}x"
            )
    finally:
        Path(f.name).unlink()


def gc_term(entities: int) -> None:
    """``structure_json`` of a big portfolio: GC on divided by GC off, one ratio per run."""
    portfolio = generate_portfolio(round(entities / PER_KEY_ACCOUNT))
    body = salesroles.unstructure_json(portfolio).encode()
    del portfolio
    codec = _codec()
    if codec is not None:
        codec.use_msgspec(on=False)
    ratios = []
    on_s: list[float] = []
    off_s: list[float] = []
    for _ in range(OPTIONS.runs):
        gc.enable()
        on_s.append(_timed(lambda: salesroles.structure_json(body, Portfolio)))
        gc.disable()
        off_s.append(_timed(lambda: salesroles.structure_json(body, Portfolio)))
        gc.enable()
        ratios.append(on_s[-1] / off_s[-1])
    print(
        f"  structure_json, {entities} entities   GC on {statistics.median(on_s):6.2f} s"
        f"   GC off {statistics.median(off_s):6.2f} s   on/off {_ratio_range(ratios)}"
    )


def main() -> None:
    portfolio = generate_portfolio(round(OPTIONS.entities / PER_KEY_ACCOUNT))
    data = salesroles.unstructure(portfolio)
    body = json.dumps(data).encode()
    entities = sum(len(v) for v in data.values() if isinstance(v, list))

    # Both accept the document and write back the same data; salesroles reads back what it wrote.
    model = pm.Portfolio.model_validate(data)
    objects = salesroles.structure(data, Portfolio)
    if objects != portfolio or model.model_dump(mode="json", exclude_none=True) != data:
        raise SystemExit("the two libraries do not read the document alike")
    if json.loads(salesroles.unstructure_json(objects)) != json.loads(
        model.model_dump_json(exclude_none=True)
    ):
        raise SystemExit("the two libraries do not write the document alike")
    del portfolio

    print(
        f"salesroles {salesroles.__version__} ({Path(salesroles.__file__).parent.parent}) against "
        f"pydantic {pydantic.VERSION}: {entities} entities, {len(body) // 1024} KiB of JSON; "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; "
        f"{OPTIONS.runs} runs of {OPTIONS.rounds} rounds"
    )
    timings(data, body, objects, model)
    limit(data, body, objects)
    print("import time:")
    import_times()
    print("memory:")
    memory(body, entities)
    if OPTIONS.big:
        print("the collector's term:")
        del data, body, objects, model
        gc.collect()
        gc_term(OPTIONS.big)


if __name__ == "__main__":
    main()
