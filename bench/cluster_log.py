#!/usr/bin/env python3
"""A backlog on a Dask cluster: `log --cluster` throughput with 1 and 2 workers, beside `-j`.

    .venv/bin/python bench/cluster_log.py [--seed 7] [--per-source 2] [--work /tmp/cluster-bench]
        [--address tcp://scheduler:8786]

Re-posted variants of the real clips in ../shared/media (../shared/bench/make_variants.py)
are logged, each run a whole `provenance log -q` process into a fresh catalog: with local
worker processes (`-j 1`, `-j 2`) and on a Dask LocalCluster of 1 and 2 worker processes
(`--cluster local:1`, `local:2`), or on a real cluster's scheduler with --address. For each:
the wall time from process start to exit (the LocalCluster's start included), files and
clip-seconds a second, and whether the catalog holds the same rows as the `-j 1` run.
"""

import argparse
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CLI = [sys.executable, str(ROOT / "cli.py")]
TABLES = ("clips", "sightings", "fingerprints", "fingerprint_regions", "clip_matches")


def catalog_rows(db: Path) -> dict[str, list[tuple]]:
    """Every row `log` writes, without the times it was written at."""
    out = {}
    with sqlite3.connect(db) as c:
        for table in TABLES:
            columns = [
                row[1]
                for row in c.execute(f"PRAGMA table_info([{table}])")
                if not row[1].endswith("_at")
            ]
            out[table] = c.execute(
                f"SELECT {', '.join(columns)} FROM [{table}] ORDER BY 1, 2, 3"
            ).fetchall()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-source", type=int, default=2)
    ap.add_argument("--work", type=Path, default=Path("/tmp/cluster-bench"))
    ap.add_argument("--address", help="a real cluster's scheduler, instead of local:1 and local:2")
    args = ap.parse_args()
    variants = args.work / f"variants-{args.seed}-{args.per_source}"
    if not (variants / "truth.json").exists():
        shutil.rmtree(variants, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(SHARED / "bench" / "make_variants.py"), str(SHARED / "media"),
             str(variants), "--seed", str(args.seed), "--per-source", str(args.per_source)],
            check=True, capture_output=True,
        )  # fmt: skip
    runs = [["-j", "1"], ["-j", "2"]]
    runs += (
        [["--cluster", args.address]]
        if args.address
        else [["--cluster", "local:1"], ["--cluster", "local:2"]]
    )
    reference = None
    print("| run | wall s | files/s | clip-s/s | same rows as -j 1 |\n|---|---|---|---|---|")
    for run in runs:
        db = args.work / f"catalog{'-'.join(run).replace('/', '_').replace(':', '_')}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        subprocess.run([*CLI, "log", "-q", *run, "--db", str(db), str(variants)], check=True)
        wall = time.perf_counter() - started
        with sqlite3.connect(db) as c:
            files, seconds = c.execute(
                "SELECT count(*), sum(duration_seconds) FROM clips"
            ).fetchone()
        rows = catalog_rows(db)
        reference = reference or rows
        print(
            f"| `{' '.join(run)}` | {wall:.1f} | {files / wall:.2f} | {seconds / wall:.1f} | {'yes' if rows == reference else 'NO'} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
