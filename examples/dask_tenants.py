"""Check every tenant's portfolio on a Dask cluster: one findings table, and the refused documents.

A CRM vendor, or a group with hundreds of subsidiaries, holds one portfolio per
tenant. Each night it reads them all, checks them, and wants two answers: how
many findings each tenant has, by rule and severity, and which tenants sent a
document that could not be read at all, with every problem of it.

The tenants arrive as JSON lines, one tenant per line::

    {"tenant": "T-0001", "portfolio": {"products": [...], "team": [...], ...}}

in files of a few hundred tenants each. Each file is one partition: a worker
reads its lines with :func:`salesroles.structure_json` (the same checks, the
same error items as a service) and checks each portfolio with
:func:`salesroles.check`; only counts and error items travel back.

Run it with ``python examples/dask_tenants.py [TENANTS]``: it writes generated
tenants (a few of them broken) to a temporary directory, starts a two-worker
``LocalCluster`` and prints both tables. Against a real cluster, pass the
scheduler's address to :func:`check_tenants` instead. Needs
``pip install "salesroles[dask]"``; see docs/scale.md for sizing.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

import salesroles
from salesroles.testing import generate_portfolio

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    import pandas as pd

#: The columns of the findings table: one row per tenant, rule and severity.
FINDING_COLUMNS = ("tenant", "rule", "severity", "findings")

#: The columns of the refusals table: one row per problem of a refused document.
REFUSAL_COLUMNS = ("tenant", "path", "code", "message")


@attrs.frozen(kw_only=True)
class Tenant:
    """One line of the input: a tenant and its portfolio (structured by salesroles' converter)."""

    tenant: str
    portfolio: salesroles.Portfolio


def judge_line(line: str) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """One tenant's line: (its finding counts, its refusal's problems); one of the two is empty."""
    try:
        tenant = salesroles.structure_json(line, Tenant)
    except salesroles.ValidationError as e:
        name = _tenant_name(line)
        return [], [(name, item.path, item.code, item.message) for item in e.errors]
    counts: dict[tuple[str, str], int] = {}
    for finding in salesroles.check(tenant.portfolio).findings:
        key = (finding.rule, finding.severity.value)
        counts[key] = counts.get(key, 0) + 1
    rows = [(tenant.tenant, rule, severity, n) for (rule, severity), n in sorted(counts.items())]
    return rows, []


def _tenant_name(line: str) -> str:
    """The tenant a refused line names, as far as it can be read."""
    try:
        name = json.loads(line).get("tenant")
    except (ValueError, AttributeError):
        return "?"
    return name if isinstance(name, str) else "?"


def judge_partition(lines: Iterable[str]) -> list[tuple[str, tuple[Any, ...]]]:
    """Every line of one partition, as ("finding" | "refusal", row) pairs."""
    out: list[tuple[str, tuple[Any, ...]]] = []
    for line in lines:
        if not line.strip():
            continue
        found, refused = judge_line(line)
        out += [("finding", row) for row in found]
        out += [("refusal", row) for row in refused]
    return out


def _frames(pairs: Iterable[tuple[str, tuple[Any, ...]]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    import pandas as pd

    pairs = list(pairs)
    findings = pd.DataFrame(
        [row for kind, row in pairs if kind == "finding"], columns=list(FINDING_COLUMNS)
    )
    refusals = pd.DataFrame(
        [row for kind, row in pairs if kind == "refusal"], columns=list(REFUSAL_COLUMNS)
    )
    findings = findings.sort_values(["tenant", "rule", "severity"], ignore_index=True)
    refusals = refusals.sort_values(["tenant"], kind="stable", ignore_index=True)
    return findings.astype({"findings": "int64"}), refusals


def check_tenants(
    paths: Sequence[str | Path], scheduler: Any
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Check every tenant of the JSON-lines files *paths* on the cluster of *scheduler*.

    *scheduler* is a ``dask.distributed.Client`` (or its address). Returns the
    findings (:data:`FINDING_COLUMNS`) and the refusals (:data:`REFUSAL_COLUMNS`).
    """
    import dask.bag as db
    from distributed import Client

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    # One partition per file: a worker holds one file's portfolios at a time.
    lines = db.read_text([str(p) for p in paths], blocksize=None)
    pairs = lines.map_partitions(judge_partition).compute(scheduler=client)
    return _frames(pairs)


def check_serially(paths: Sequence[str | Path]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The same answer on one core, without Dask: the reference a cluster's run must equal."""
    pairs: list[tuple[str, tuple[Any, ...]]] = []
    for path in paths:
        with Path(path).open(encoding="utf-8") as lines:
            pairs += judge_partition(lines)
    return _frames(pairs)


def write_tenants(directory: Path, tenants: int, *, per_file: int = 10) -> list[Path]:
    """Write *tenants* generated tenants as JSON lines; every seventh one's document is broken."""
    paths: list[Path] = []
    for first in range(0, tenants, per_file):
        path = directory / f"tenants-{first // per_file:04d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for n in range(first, min(first + per_file, tenants)):
                portfolio = salesroles.unstructure(generate_portfolio(5 + n % 7, seed=n))
                if n % 7 == 3:
                    # A name left empty and an amount sent as a float: refused, both named.
                    portfolio["customers"][0]["name"] = ""
                    portfolio["orders"][0]["amount"]["amount"] = 1250.5
                line = {"tenant": f"T-{n:04d}", "portfolio": portfolio}
                out.write(json.dumps(line) + "\n")
        paths.append(path)
    return paths


def main() -> None:
    from distributed import Client, LocalCluster

    tenants = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_tenants(Path(tmp), tenants)
        with (
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster,
            Client(cluster) as client,
        ):
            findings, refusals = check_tenants(paths, client)
    print(
        f"{tenants} tenants: {findings['tenant'].nunique()} with findings, "
        f"{refusals['tenant'].nunique()} refused"
    )
    print(findings.pivot_table(index="rule", columns="severity", values="findings", aggfunc="sum"))
    print(refusals.to_string(index=False, max_colwidth=60))


if __name__ == "__main__":
    main()
