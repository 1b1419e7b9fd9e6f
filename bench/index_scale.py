#!/usr/bin/env python3
"""A collective's archive: `log`, `groups` and `matches N` on catalogs of 10k to 1M clips.

    .venv/bin/python bench/index_scale.py [--sizes 10000 100000 1000000] [--out /tmp/index-bench]

Each catalog is bench/groups_scale.py's (clips, a sighting each, matches in groups, the
groups kept) with a fingerprint for every clip, synthetic as bench/match_scale.py makes them
(a 61-second clip at 2 hashes a second, drawn from a pool of footage). Then, each a whole CLI
process, with its wall time and peak memory (the maximum resident set, as GNU time reads it):
- `provenance index --rebuild` once;
- `provenance log` of a real 1-minute clip (the first minute of ../shared/media's
  06_opencv_vtest.avi, H.264 at 1920x1080), 3 runs, each forgotten again after; and the same
  `log` into an empty catalog, 3 runs;
- `provenance groups` (its first page), `groups --all` and `provenance matches N` (a clip of
  the 600-copy footage), best of 3.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.groups_scale import build  # noqa: E402
from bench.match_scale import fingerprint, flip_bits, footage_hashes  # noqa: E402
from provenance.catalog.db import open_catalog, transaction  # noqa: E402
from provenance.clips.matches import fingerprint_row  # noqa: E402

SECONDS = 61
SOURCE = ROOT.parent / "shared" / "media" / "06_opencv_vtest.avi"
BATCH = 10_000


def one_minute_clip(out: Path) -> Path:
    clip = out / "new-1min.mp4"
    if not clip.exists():
        subprocess.run(
            ["ffmpeg", "-v", "error", "-y", "-i", str(SOURCE), "-t", "60", "-vf",
             "scale=1920:1080", "-c:v", "libx264", "-preset", "veryfast", "-an", str(clip)],
            check=True,
        )  # fmt: skip
    return clip


def add_fingerprints(path: Path, n: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    pool = footage_hashes(rng, 400_000)
    per_clip = SECONDS * 2
    db = open_catalog(path)
    for first in range(1, n + 1, BATCH):
        rows = []
        for clip_id in range(first, min(first + BATCH, n + 1)):
            start = rng.integers(0, len(pool) - per_clip)
            hashes = flip_bits(rng, pool[start : start + per_clip], 1)
            rows.append(fingerprint_row(clip_id, fingerprint(hashes, 2.0, rng)))
        with transaction(db):
            db["fingerprints"].insert_all(rows, batch_size=1000)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def timed(*args: str) -> tuple[float, float, str]:
    """(seconds, peak MB, stdout) of one `provenance` process."""
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, str(ROOT / "cli.py"), *args],
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak_kb / 1024, done.stdout


def log_runs(db: Path, clip: Path, runs: int = 3) -> list[tuple[float, float]]:
    """`log` of `clip` `runs` times, forgetting the new clip after each."""
    out = []
    for _ in range(runs):
        seconds, peak, _ = timed("log", "-q", "--db", str(db), str(clip))
        out.append((seconds, peak))
        newest = open_catalog(db).execute("SELECT max(id) FROM clips").fetchone()[0]
        timed("forget", "clip", str(newest), "--reason", "bench", "--db", str(db))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--out", type=Path, default=Path("/tmp/index-bench"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reuse", action="store_true", help="keep catalogs built by a past run")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    clip = one_minute_clip(args.out)
    empty = args.out / "empty.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{empty}{suffix}").unlink(missing_ok=True)
    base = log_runs(empty, clip)
    print("empty catalog: log " + ", ".join(f"{s:.2f} s / {m:.0f} MB" for s, m in base))
    for n in args.sizes:
        path = args.out / f"index-{n}.db"
        if not (args.reuse and path.exists()):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            started = time.perf_counter()
            _, big, _ = build(path, n, args.seed)
            add_fingerprints(path, n, args.seed)
            (args.out / f"index-{n}.big").write_text(str(big))
            print(f"{n:,} clips: built in {time.perf_counter() - started:.0f} s")
        big = (args.out / f"index-{n}.big").read_text()
        rebuild = timed("index", "--rebuild", "--db", str(path))
        status = timed("index", "--db", str(path))[2].strip()
        runs = log_runs(path, clip)
        groups = min(timed("groups", "--db", str(path))[0] for _ in range(3))
        groups_all = min(timed("groups", "--all", "--db", str(path))[0] for _ in range(3))
        matches = min(timed("matches", big, "--db", str(path))[0] for _ in range(3))
        size = path.stat().st_size / 2**20
        print(
            f"{n:,} clips, catalog {size:,.0f} MB: index --rebuild {rebuild[0]:.1f} s / "
            f"{rebuild[1]:.0f} MB; {status}\n"
            "  log " + ", ".join(f"{s:.2f} s / {m:.0f} MB" for s, m in runs) + "\n"
            f"  groups (a page) {groups:.2f} s, groups --all {groups_all:.2f} s, "
            f"matches N {matches:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
