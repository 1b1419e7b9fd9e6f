#!/usr/bin/env python3
"""Groups at scale: `provenance groups` and `matches N` on catalogs of synthetic clips and
matches, and what a new clip costs to group.

    .venv/bin/python bench/groups_scale.py [--sizes 10000 100000] [--out /tmp/groups-bench]

Each catalog holds N clips with one sighting each. Half of them share footage: groups whose
sizes follow a power law (P(k) ~ k^-2, from 2), and one footage with 600 copies; each copy
matches up to 8 earlier copies of its group (as the candidate search finds them), both ways,
which gives about as many clip_matches rows per clip as issue 14's catalogs. The groups are
kept by the real code: bulk-loaded clips are grouped once (regroup_all), and the last 1,000
clips are added one at a time, each in its own transaction, through join_group, as `log`
adds them. For comparison the recursive query that clip_groups used before m012 is timed too
where it finishes within --old-limit seconds.
"""

import argparse
import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.catalog.db import open_catalog, transaction  # noqa: E402
from provenance.clips.groups import join_group, regroup_all  # noqa: E402

BIG_GROUP = 600
LINKS_PER_CLIP = 8
ADDED_ONE_BY_ONE = 1000
OLD_GROUPS = """
    WITH RECURSIVE reach(clip_id, member) AS (
        SELECT DISTINCT clip_id, clip_id FROM clip_matches
        UNION
        SELECT r.clip_id, m.other_clip_id FROM reach r JOIN clip_matches m ON m.clip_id = r.member
    )
    SELECT count(*) FROM (SELECT clip_id, min(member) FROM reach GROUP BY clip_id)
"""
MATCH = {
    "start_seconds": 0.0,
    "end_seconds": 10.0,
    "other_start_seconds": 0.0,
    "other_end_seconds": 10.0,
    "similarity": 0.9,
    "transform": "same",
    "matched_frames": 20,
    "matched_at": "2026-01-01T00:00:00Z",
}


def group_of_each_clip(n: int, rng: random.Random) -> list[int | None]:
    """For clips 1..n, the group each belongs to (None: shares no footage)."""
    sizes, placed = [BIG_GROUP], BIG_GROUP
    while placed < n // 2:
        k = min(int(2 / (1 - rng.random()) ** 1.0), 200)  # P(k) ~ k^-2 from 2
        sizes.append(k)
        placed += k
    labels: list[int | None] = [g for g, k in enumerate(sizes) for _ in range(k)]
    labels += [None] * max(0, n - len(labels))
    rng.shuffle(labels)
    return labels[:n]


def match_rows(clip_id: int, earlier: list[int], rng: random.Random) -> list[dict]:
    others = rng.sample(earlier, min(LINKS_PER_CLIP, len(earlier)))
    return [
        {"clip_id": a, "other_clip_id": b, **MATCH}
        for o in others
        for a, b in ((clip_id, o), (o, clip_id))
    ]


def build(path: Path, n: int, seed: int) -> tuple[int, int, list[float]]:
    """A catalog of n clips; returns (clip_matches rows, a clip of the big group, the
    seconds each of the last clips took to group)."""
    rng = random.Random(seed)
    labels = group_of_each_clip(n, rng)
    db = open_catalog(path)
    db["clips"].insert_all(
        (
            {
                "id": i,
                "sha256": f"{i:064x}",
                "path": f"/archive/{i}.mp4",
                "file_name": f"{i}.mp4",
                "size_bytes": 10_000_000,
                "media_type": "video",
                "duration_seconds": 60.0,
                "first_logged_at": "2026-01-01T00:00:00Z",
            }
            for i in range(1, n + 1)
        ),
        batch_size=10_000,
    )
    db["sightings"].insert_all(
        (
            {
                "clip_id": i,
                "path": f"/archive/{i}.mp4",
                "path_given": f"{i}.mp4",
                "platform": rng.choice(["telegram", "twitter", "youtube"]),
                "posted_at": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T00:00:00Z",
                "logged_at": "2026-01-01T00:00:00Z",
            }
            for i in range(1, n + 1)
        ),
        batch_size=10_000,
    )
    members: dict[int, list[int]] = {}
    bulk_until = n - ADDED_ONE_BY_ONE
    rows: list[dict] = []
    for clip_id, label in enumerate(labels[:bulk_until], start=1):
        if label is not None:
            rows += match_rows(clip_id, members.setdefault(label, []), rng)
            members[label].append(clip_id)
        if len(rows) > 100_000:
            db["clip_matches"].insert_all(rows, batch_size=10_000)
            rows = []
    db["clip_matches"].insert_all(rows, batch_size=10_000)
    with transaction(db):
        regroup_all(db)
    db.conn.commit()
    timings = []
    for clip_id, label in enumerate(labels[bulk_until:], start=bulk_until + 1):
        if label is None:
            continue
        started = time.perf_counter()
        with transaction(db):
            rows = match_rows(clip_id, members.setdefault(label, []), rng)
            if rows:
                db["clip_matches"].insert_all(rows)
            join_group(db, clip_id, {r["other_clip_id"] for r in rows if r["clip_id"] == clip_id})
        timings.append(time.perf_counter() - started)
        members[label].append(clip_id)
    count = db.execute("SELECT count(*) FROM clip_matches").fetchone()[0]
    big = members[0][-1]
    db.close()
    return count, big, timings


def timed_cli(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def timed_old_query(path: Path, limit: float) -> float | None:
    """The pre-m012 recursive grouping, or None when it runs past `limit` seconds."""
    conn = sqlite3.connect(path)
    timer = threading.Timer(limit, conn.interrupt)
    started = time.perf_counter()
    timer.start()
    try:
        conn.execute(OLD_GROUPS).fetchone()
        return time.perf_counter() - started
    except sqlite3.OperationalError:
        return None
    finally:
        timer.cancel()
        conn.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--out", type=Path, default=Path("/tmp/groups-bench"))
    ap.add_argument("--old-limit", type=float, default=120.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    print(
        "clips  clip_matches  group a clip (median / max ms)  groups (s)  matches N (s)  old query (s)"
    )
    for n in args.sizes:
        path = args.out / f"groups-{n}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        rows, big, timings = build(path, n, args.seed)
        timings.sort()
        groups = min(timed_cli("groups", "--db", str(path)) for _ in range(3))
        matches = min(timed_cli("matches", str(big), "--db", str(path)) for _ in range(3))
        old = timed_old_query(path, args.old_limit)
        old_text = f"{old:.1f}" if old is not None else f"> {args.old_limit:g}"
        print(
            f"{n:>7,}  {rows:>12,}  {1000 * timings[len(timings) // 2]:>8.1f} / "
            f"{1000 * timings[-1]:<8.1f}              {groups:>6.2f}      {matches:>6.2f}"
            f"        {old_text}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
