"""The per-file work of `log` (hashing, probing, fingerprinting) on a Dask cluster.

A collective's backlog is fingerprinted by many machines while one process, the one that
runs `log --cluster`, keeps writing the catalog: the workers read each file from a path they
share with it (a network mount seen at the same path everywhere), return plain data, and the
writer saves each clip in its own short transaction as before. Dask's scheduler gives a dead
worker's tasks to another worker (up to its `allowed-failures`, 3 by default); a file whose
task kills that many workers, twice, is reported as a bad file and the batch goes on (twice,
because a task that only sat beside the killer is counted against it too). Results are taken
in the order the files were given, so the catalog comes out as from a local run.

`address` is a scheduler's (``tcp://host:8786``, or ``host:8786``), or ``local`` / ``local:N``
for a cluster of N worker processes on this machine (dask's LocalCluster), which is how the
tests and bench/cluster_log.py run it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .. import config
from ..errors import ProvenanceError
from ..files import printable
from .ordered import windowed_in_order

# Tasks submitted ahead of the one the writer waits for, per worker thread: enough that no
# worker waits for the writer, few enough that a big backlog is never held in memory at once.
AHEAD_PER_THREAD = 4
MIN_AHEAD = 8
LOCAL = "local"
WORKER_SATURATION = 1.0  # tasks a local worker holds per thread (dask's default: 1.1)


class ClusterError(ProvenanceError):
    """The Dask cluster cannot be reached, or its workers cannot do the work."""


class Cluster:
    """A connected Dask client; `in_order` runs calls on its workers."""

    def __init__(self, client: Any, address: str) -> None:
        self.client = client
        self.address = address

    def threads(self) -> int:
        return max(sum(self.client.nthreads().values()), 1)

    def check_workers_see(self, path: Path) -> None:
        """Fail at once, naming the file, when a worker cannot see a file the writer sees:
        the folder is not on a path they share."""
        seen = self.client.run(os.path.isfile, str(path))
        blind = sorted(worker for worker, ok in seen.items() if not ok)
        if blind:
            raise ClusterError(
                f"{printable(path)}: not found by the Dask worker {blind[0]}"
                f"{f' (and {len(blind) - 1} more)' if len(blind) > 1 else ''}; the files must "
                "lie on a path the workers share, the same path on every machine"
            )

    def in_order(
        self,
        fn: Callable[..., Any],
        calls: list[tuple],
        lost: Callable[[tuple, BaseException], Any],
    ) -> Iterator[Any]:
        """fn(*args) for each of `calls` on the workers, yielded in the order of `calls`.

        A call whose task killed its workers as often as the scheduler allows yields
        lost(args, error) instead of a result; losing the scheduler stops the batch.
        """
        from distributed import KilledWorker

        ahead = max(AHEAD_PER_THREAD * self.threads(), MIN_AHEAD)

        def submit(args: tuple) -> Any:
            return self.client.submit(fn, *args, pure=False)

        def collect(args: tuple, future: Any) -> Any:
            try:
                return self._result(future)
            except KilledWorker:
                pass
            # A task that sat on a worker when another file killed it is counted against it
            # as if it had, and Dask can give up on it with the file that did: a task given
            # up on runs once more before its file is reported lost.
            try:
                return self._result(submit(args))
            except KilledWorker as e:
                return lost(args, e)

        return windowed_in_order(calls, submit, collect, ahead)

    def _result(self, future: Any) -> Any:
        try:
            return future.result()
        except (ImportError, AttributeError) as e:  # the workers run another provenance
            raise ClusterError(
                f"the Dask workers at {self.address} cannot run provenance's code ({e}); "
                "install the same version of provenance, with ffmpeg, on every worker"
            ) from e
        except (OSError, TimeoutError) as e:
            raise ClusterError(
                f"lost the Dask scheduler at {self.address} ({type(e).__name__}: {e}); the "
                "clips saved so far stay, and the same command again logs the rest"
            ) from e


@contextmanager
def open_cluster(address: str) -> Iterator[Cluster]:
    """A client of the scheduler at `address` (or of a LocalCluster it starts), closed after."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise ClusterError(
            "log --cluster needs dask.distributed: pip install 'provenance[cluster]'"
        ) from e
    local = None
    try:
        if address == LOCAL or address.startswith(LOCAL + ":"):
            import dask

            workers = _local_workers(address)
            # One task on a worker at a time, so that fewer tasks wait beside a file that
            # kills its worker (Cluster.in_order runs a task given up on once more).
            with dask.config.set({"distributed.scheduler.worker-saturation": WORKER_SATURATION}):
                local = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            client = Client(local, timeout=config.cluster_timeout())
        else:
            client = Client(address, timeout=config.cluster_timeout())
    except (OSError, TimeoutError, ValueError) as e:
        if local is not None:
            local.close()
        raise ClusterError(f"no Dask scheduler answers at {address} ({e})") from e
    try:
        yield Cluster(client, address)
    finally:
        client.close()
        if local is not None:
            local.close()


def _local_workers(address: str) -> int:
    count = address.partition(":")[2]
    if not count:
        return os.cpu_count() or 1
    if not count.isdigit() or int(count) < 1:
        raise ClusterError(f"{address}: the workers of a local cluster are a number, as local:4")
    return int(count)
