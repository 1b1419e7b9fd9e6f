#!/usr/bin/env python3
"""How matching a new 1-minute clip scales with the catalog: time and index memory.

    .venv/bin/python bench/match_scale.py [--sizes 1000 10000 100000] [--seconds 61]

Synthetic fingerprints stand in for real ones (decoding 1,700 clip-hours is not the point
here): each stored clip has --seconds of footage at 2 hashes a second, as `log` stores them;
its hashes drift a few bits per frame and jump at a cut every few seconds, as real footage
does. The query is a 1-minute excerpt of one stored clip at the 4-per-second query grid with
6 of 64 bits flipped per frame (a re-encode with a logo); a second query is unrelated footage.
For each catalog size it prints the index build time, the peak memory while building the index
(hashes and chunk tables), the time to match each query (best of 3), and whether the right
clip (and only it) was found.
"""

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.fingerprint import Fingerprint  # noqa: E402
from provenance.index import FingerprintIndex  # noqa: E402


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


def fingerprint(full: np.ndarray, fps: float, rng: np.random.Generator) -> Fingerprint:
    n = len(full)
    return Fingerprint(
        fps=fps,
        full=full,
        inner=flip_bits(rng, full, 4),
        mirror=flip_bits(rng, full, 30),
        informative=np.ones(n, dtype=bool),
        motion=rng.integers(0, 80, n).astype(np.uint8),
        content_box=(0.0, 0.0, 1.0, 1.0),
    )


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
    args = ap.parse_args(argv)
    rng = np.random.default_rng(1)
    per_clip = int(args.seconds * 2)
    # A pool of footage to draw stored clips from without generating 12M hashes one by one.
    pool = footage_hashes(rng, 400_000)
    print(
        "clips    clip-hours  frames     build s  index MB  match s (same)  found  match s (unrelated)  links"
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
        stored = index.clips[1].fingerprint.full
        query_full = flip_bits(rng, np.repeat(stored, 2)[: (60 * 4)], 6)
        query = fingerprint(query_full, 4.0, rng)
        unrelated = fingerprint(footage_hashes(rng, 240), 4.0, rng)
        same, found = best_of(3, lambda index=index, query=query: index.match(query))
        other, false_links = best_of(3, lambda index=index, u=unrelated: index.match(u))
        hours = size * args.seconds / 3600
        print(
            f"{size:<8} {hours:>10.0f}  {index.frame_count:>9,}  {build:>7.1f}  {peak / 2**20:>8.0f}  "
            f"{same:>14.3f}  {'yes' if 1 in found else 'NO':>5}  {other:>19.3f}  {len(false_links):>5}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
