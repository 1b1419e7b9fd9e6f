#!/usr/bin/env python3
"""How matching a new 1-minute clip scales with the catalog: time, index memory, loading.

    .venv/bin/python bench/match_scale.py [--sizes 1000 10000 100000] [--seconds 61] [--no-load]

Synthetic fingerprints stand in for real ones (decoding 1,700 clip-hours is not the point
here): each stored clip has --seconds of footage at 2 hashes a second, as `log` stores them;
its hashes drift a few bits per frame and jump at a cut every few seconds, as real footage
does. The query is a 1-minute excerpt of one stored clip at the 4-per-second query grid with
6 of 64 bits flipped per frame (a re-encode with a logo); a second query is unrelated footage.
For each catalog size it prints the index build time, the peak memory while building the index
(hashes and chunk tables), the time to match each query (best of 3), and whether the right
clip (and only it) was found. Unless --no-load, the fingerprints are also written to a real
catalog (bench/out/scale-N.db) and it prints the catalog's size and the time one `log`
process takes to load them all (`refresh_index`) and then to pick up one more clip.
"""

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.catalog.db import open_catalog, transaction  # noqa: E402
from provenance.clips.fingerprint import KEPT_VIEW, QUERY_VIEWS, Fingerprint, mirror_name  # noqa: E402
from provenance.clips.matches import fingerprint_row, refresh_index  # noqa: E402
from provenance.clips.search import FingerprintIndex  # noqa: E402


def footage_hashes(rng: np.random.Generator, n: int) -> np.ndarray:
    """n hashes that drift (2 bits a frame) and jump at cuts (every 3-10 s at 2 fps)."""
    out = np.empty(n, dtype=np.uint64)
    current = rng.integers(0, 2**63, dtype=np.uint64) * np.uint64(2) + np.uint64(rng.integers(0, 2))
    next_cut = rng.integers(6, 20)
    for i in range(n):
        if i == next_cut:
            current = rng.integers(0, 2**63, dtype=np.uint64) * np.uint64(2) + np.uint64(
                rng.integers(0, 2)
            )
            next_cut = i + rng.integers(6, 20)
        for bit in rng.integers(0, 64, size=2):
            current ^= np.uint64(1) << np.uint64(bit)
        out[i] = current
    return out


def flip_bits(rng: np.random.Generator, hashes: np.ndarray, bits: int) -> np.ndarray:
    out = hashes.copy()
    for _ in range(bits):
        out ^= np.uint64(1) << rng.integers(0, 64, size=len(out)).astype(np.uint64)
    return out


def fingerprint(hashes: np.ndarray, fps: float, rng: np.random.Generator, *, query=False):
    """A stored fingerprint, or a query one with a view per crop and mirror as `log` makes."""
    n = len(hashes)
    views = None
    if query:
        # The kept crop's view is the hashes; the other crops and mirrors are other pictures.
        views = {v: flip_bits(rng, hashes, 0 if v == KEPT_VIEW else 20) for v in QUERY_VIEWS}
        views |= {mirror_name(v): flip_bits(rng, hashes, 30) for v in QUERY_VIEWS}
    return Fingerprint(
        fps=fps,
        hashes=hashes,
        informative=np.ones(n, dtype=bool),
        motion=rng.integers(0, 80, n).astype(np.uint8),
        content_box=(0.0, 0.0, 1.0, 1.0),
        query_views=views,
    )


def load_from_catalog(index: FingerprintIndex, size: int) -> tuple[float, float, float]:
    """Write the index's fingerprints to a fresh catalog; time a full load and a one-clip refresh.

    Returns (catalog MB, seconds to load every fingerprint, seconds to pick up one more).
    """
    path = ROOT / "bench" / "out" / f"scale-{size}.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_catalog(path)

    def clip_row(clip_id):
        return {
            "id": clip_id,
            "sha256": f"{clip_id:064x}",
            "path": f"/clips/{clip_id}.mp4",
            "file_name": f"{clip_id}.mp4",
            "size_bytes": 1,
            "media_type": "video",
            "first_logged_at": "2026-11-23",
        }

    with transaction(db):
        db["clips"].insert_all(clip_row(c) for c in index.clips)
        db["fingerprints"].insert_all(
            fingerprint_row(c, clip.fingerprint) for c, clip in index.clips.items()
        )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    started = time.perf_counter()
    loaded = refresh_index(db, FingerprintIndex())
    load = time.perf_counter() - started
    assert len(loaded.clips) == size
    one_more = size + 1
    with transaction(db):
        db["clips"].insert(clip_row(one_more))
        db["fingerprints"].insert(fingerprint_row(one_more, index.clips[1].fingerprint))
    started = time.perf_counter()
    refresh_index(db, loaded)
    refresh = time.perf_counter() - started
    assert one_more in loaded
    return path.stat().st_size / 2**20, load, refresh


def best_of(n: int, fn):
    """The fastest of n runs (the first also pays for page faults on a fresh index)."""
    times, result = [], None
    for _ in range(n):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--seconds", type=float, default=61.0)
    ap.add_argument("--no-load", action="store_true", help="skip the catalog load timing")
    args = ap.parse_args(argv)
    rng = np.random.default_rng(1)
    per_clip = int(args.seconds * 2)
    # A pool of footage to draw stored clips from without generating 12M hashes one by one.
    pool = footage_hashes(rng, 400_000)
    print(
        "clips    clip-hours  frames     build s  index MB  match s (same)  found  "
        "match s (unrelated)  links  catalog MB  load s  refresh s"
    )
    for size in args.sizes:
        index = FingerprintIndex()
        tracemalloc.start()
        for clip_id in range(1, size + 1):
            start = rng.integers(0, len(pool) - per_clip)
            full = (
                flip_bits(rng, pool[start : start + per_clip], 1)
                if clip_id > 1
                else footage_hashes(rng, per_clip)
            )
            index.add(clip_id, fingerprint(full, 2.0, rng))
        started = time.perf_counter()
        index.build()
        build = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        # The query: 1 minute of clip 1 on the 4-per-second grid, 6 bits flipped per frame.
        stored = index.clips[1].fingerprint.hashes
        query_hashes = flip_bits(rng, np.repeat(stored, 2)[: (60 * 4)], 6)
        query = fingerprint(query_hashes, 4.0, rng, query=True)
        unrelated = fingerprint(footage_hashes(rng, 240), 4.0, rng, query=True)
        same, found = best_of(3, lambda index=index, query=query: index.match(query))
        other, false_links = best_of(3, lambda index=index, u=unrelated: index.match(u))
        hours = size * args.seconds / 3600
        loading = (
            ""
            if args.no_load
            else "  {:>10.0f}  {:>6.1f}  {:>9.4f}".format(*load_from_catalog(index, size))
        )
        print(
            f"{size:<8} {hours:>10.0f}  {index.frame_count:>9,}  {build:>7.1f}  {peak / 2**20:>8.0f}  "
            f"{same:>14.3f}  {'yes' if 1 in found else 'NO':>5}  {other:>19.3f}  "
            f"{len(false_links):>5}{loading}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
