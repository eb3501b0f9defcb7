"""examples/dask_tenants.py on a real two-worker Dask cluster equals a serial run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pandas")

import cloudpickle
from distributed import Client, LocalCluster
from pandas.testing import assert_frame_equal

EXAMPLES = Path(__file__).parent.parent / "examples"
sys.path.insert(0, str(EXAMPLES))
import dask_tenants  # noqa: E402

# The workers are other processes that cannot import the example: its functions travel along.
cloudpickle.register_pickle_by_value(dask_tenants)


@pytest.fixture(scope="module")
def tenant_files(tmp_path_factory):
    return dask_tenants.write_tenants(tmp_path_factory.mktemp("tenants"), 24, per_file=5)


@pytest.fixture(scope="module")
def client():
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def test_a_two_worker_cluster_finds_what_a_serial_run_finds(tenant_files, client):
    findings, refusals = dask_tenants.check_tenants(tenant_files, client)
    serial_findings, serial_refusals = dask_tenants.check_serially(tenant_files)
    assert_frame_equal(findings, serial_findings)
    assert_frame_equal(refusals, serial_refusals)
    # Both workers took part: five files, one partition each.
    assert len(client.scheduler_info()["workers"]) == 2
    assert not findings.empty
    assert list(findings.columns) == list(dask_tenants.FINDING_COLUMNS)


def test_refused_tenants_come_back_with_every_problem_and_its_path(tenant_files, client):
    _, refusals = dask_tenants.check_tenants(tenant_files, client)
    broken = sorted(f"T-{n:04d}" for n in range(24) if n % 7 == 3)
    assert sorted(refusals["tenant"].unique()) == broken
    first = refusals[refusals["tenant"] == broken[0]]
    assert list(zip(first["path"], first["code"], strict=True)) == [
        ("portfolio.customers[0].name", "empty"),
        ("portfolio.orders[0].amount.amount", "float_money"),
    ]


def test_findings_count_by_tenant_rule_and_severity(tenant_files):
    findings, _ = dask_tenants.check_serially(tenant_files)
    assert not findings.duplicated(["tenant", "rule", "severity"]).any()
    assert (findings["findings"] > 0).all()
    assert set(findings["severity"]) <= {"error", "warning", "info"}


def test_the_example_runs_as_a_script():
    out = subprocess.run(  # noqa: S603 - our own interpreter and example
        [sys.executable, str(EXAMPLES / "dask_tenants.py"), "14"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    assert "14 tenants: 2 with findings, 2 refused" in out
    assert "float_money" in out
