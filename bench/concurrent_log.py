#!/usr/bin/env python3
"""Eight volunteers logging into one catalog at once: clips, match rows and lock waits.

    .venv/bin/python bench/concurrent_log.py [--writers 8] [--seed 7] [--work /tmp/concurrent]

Re-posted variants of the real clips in ../shared/media are made by
../shared/bench/make_variants.py, dealt round-robin into one folder per writer, and logged by
that many `provenance log -j 1` processes started together (while a ninth process reads the
catalog with `groups`). The same folders are then logged one after another into a second
catalog, and the two are compared pair by pair. Every write transaction appends how long it
waited for the write lock and held it to a log ($PROVENANCE_LOCK_LOG).
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


def deal(variants: Path, work: Path, writers: int) -> list[Path]:
    folders = [work / f"volunteer{i}" for i in range(writers)]
    for f in folders:
        f.mkdir(parents=True)
    clips = sorted(p for p in variants.iterdir() if p.suffix in (".mp4", ".mov", ".avi", ".mpg"))
    for n, clip in enumerate(clips):
        shutil.copyfile(clip, folders[n % writers] / clip.name)
    return folders


def pairs(db: Path) -> set[tuple[str, str]]:
    """Matched pairs of files, by SHA-256 (clip ids differ between the two catalogs)."""
    sql = (
        "select distinct a.sha256, b.sha256 from clip_matches m"
        " join clips a on a.id = m.clip_id join clips b on b.id = m.other_clip_id"
    )
    return set(sqlite3.connect(db).execute(sql))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--writers", type=int, default=8)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=Path("/tmp/concurrent"))
    args = ap.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    variants = args.work / "variants"
    subprocess.run(
        [
            sys.executable,
            str(SHARED / "bench" / "make_variants.py"),
            str(SHARED / "media"),
            str(variants),
            "--seed",
            str(args.seed),
            "--per-source",
            "4",
        ],
        check=True,
        capture_output=True,
    )
    folders = deal(variants, args.work, args.writers)
    at_once, one_by_one, lock_log = (
        args.work / n for n in ("at_once.db", "sequential.db", "locks")
    )
    start = time.monotonic()
    env = {"PROVENANCE_LOCK_LOG": str(lock_log), "PATH": str(Path(shutil.which("ffmpeg")).parent)}
    procs = [
        subprocess.Popen(
            [*CLI, "log", "-q", "-j", "1", "--db", str(at_once), str(f)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in folders
    ]
    while not at_once.exists() and any(p.poll() is None for p in procs):
        time.sleep(0.2)
    reader = subprocess.run([*CLI, "groups", "--db", str(at_once)], capture_output=True, text=True)
    errors = [p.communicate()[1] for p in procs]
    wall = time.monotonic() - start
    for f in folders:
        subprocess.run(
            [*CLI, "log", "-q", "-j", "1", "--db", str(one_by_one), str(f)],
            check=True,
            capture_output=True,
        )
    waits = [tuple(map(float, line.split()[1:])) for line in lock_log.read_text().splitlines()]
    db = sqlite3.connect(at_once)
    clips = db.execute("select count(*) from clips").fetchone()[0]
    rows = db.execute("select count(*) from clip_matches").fetchone()[0]
    print(
        f"writers {args.writers}, exits {[p.returncode for p in procs]}, reader exit {reader.returncode}"
    )
    print(f"clips {clips}, clip_matches rows {rows}, wall {wall:.1f} s")
    print(
        f"write transactions {len(waits)}: longest wait {max(w for w, _ in waits):.3f} s,"
        f" longest held {max(h for _, h in waits):.3f} s"
    )
    together, apart = pairs(at_once), pairs(one_by_one)
    same = together == apart
    print(
        f"matched pairs {len(together) // 2}; the same as one after another: {same}"
        f" ({len(apart - together)} missing, {len(together - apart)} extra)"
    )
    failed = [e for e in errors if e.strip()]
    if failed:
        print("errors:", *failed, sep="\n")
    return 0 if same and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
