"""`log --cluster`: a folder fingerprinted on a Dask cluster (a LocalCluster of worker
processes on this machine) gives the catalog a local run gives; a dead worker's file is
given to another worker; a file that kills every worker it meets is reported, not fatal."""

import os
import sys
from pathlib import Path

import cloudpickle
import pytest
from conftest import run_process
from distributed import LocalCluster

from bench.cluster_log import catalog_rows
from fixtures.make_clips import make_video, transform_clip
from provenance.clips.cluster import open_cluster

# The workers cannot import this test module: its functions travel by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each, as `dask worker --nworkers 2` would start."""
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def backlog(tmp_path_factory) -> Path:
    """Two pieces of footage, re-posts of each (cropped, an excerpt, sped up), and a broken file."""
    folder = tmp_path_factory.mktemp("backlog")
    first = make_video(folder / "a.mp4", source="life", seconds=4, seed=3)
    second = make_video(folder / "b.mp4", source="fractal", seconds=4)
    transform_clip(first, folder / "a-cropped.mp4", vf="crop=280:160:20:10,scale=320:180")
    transform_clip(second, folder / "b-excerpt.mp4", start=1.0, seconds=2.5)
    transform_clip(first, folder / "a-fast.mp4", speed=1.25)
    (folder / "broken.mp4").write_bytes(b"\x00" * 1000)
    return folder


def test_log_on_a_cluster_gives_the_catalog_of_a_local_run(cluster, backlog, tmp_path):
    on_cluster = run_process("log", "-q", "--cluster", cluster, "--db", tmp_path / "c.db", backlog)
    local = run_process("log", "-q", "-j", "1", "--db", tmp_path / "l.db", backlog)

    # The broken file is reported by name and the batch goes on, on both.
    for done in (on_cluster, local):
        assert done.returncode == 1, done.stderr
        assert "broken.mp4" in done.stderr
        assert "5 new clips" in done.stderr + done.stdout
    rows = catalog_rows(tmp_path / "c.db")
    assert len(rows["clips"]) == 5
    assert rows["clip_matches"], "the re-posts were not linked"
    assert rows == catalog_rows(tmp_path / "l.db")

    # Logging the same folder again on the cluster adds nothing.
    again = run_process("log", "-q", "--cluster", cluster, "--db", tmp_path / "c.db", backlog)
    assert again.returncode == 1
    assert catalog_rows(tmp_path / "c.db") == rows


def die_once(marker: str, value: int) -> tuple[int, int]:
    """Count the calls for this marker; call 3 kills its worker process the first time."""
    attempts = Path(marker)
    attempts.write_text(attempts.read_text() + "x" if attempts.exists() else "x")
    if value == 3 and len(attempts.read_text()) == 1:
        os._exit(1)
    return value, os.getpid()


def always_die(marker: str, value: int) -> tuple[int, int]:
    if value == 5:
        os._exit(1)
    return value, os.getpid()


def test_a_dead_workers_file_is_given_to_another_worker(cluster, tmp_path):
    calls = [(str(tmp_path / f"call-{i}"), i) for i in range(6)]
    with open_cluster(cluster) as workers:
        results = list(workers.in_order(die_once, calls, lambda args, e: ("lost", args)))
    assert [value for value, _ in results] == list(range(6))
    assert (tmp_path / "call-3").read_text() == "xx", "the killed call was not run again"


def test_a_file_that_kills_every_worker_is_reported_and_the_rest_go_on(cluster, tmp_path):
    calls = [(str(tmp_path / f"call-{i}"), i) for i in range(6)]
    with open_cluster(cluster) as workers:
        results = list(workers.in_order(always_die, calls, lambda args, e: ("lost", args[1])))
    assert [r[0] for r in results[:5]] == [0, 1, 2, 3, 4]
    assert results[5] == ("lost", 5)


def test_no_scheduler_at_the_address_is_one_line_and_no_catalog(backlog, tmp_path):
    done = run_process(
        "log",
        "--cluster",
        "tcp://127.0.0.1:9",
        "--db",
        tmp_path / "c.db",
        backlog,
        env={"PROVENANCE_CLUSTER_TIMEOUT": "2"},
    )
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("Error: no Dask scheduler answers at tcp://127.0.0.1:9 ")
    assert not (tmp_path / "c.db").exists()


def test_a_local_cluster_needs_a_number_of_workers(backlog, tmp_path):
    done = run_process("log", "--cluster", "local:many", "--db", tmp_path / "c.db", backlog)
    assert done.returncode == 1
    assert "local:many" in done.stderr and "number" in done.stderr
    assert not (tmp_path / "c.db").exists()
