#!/usr/bin/env python3
"""Time and memory to match one long clip against another, moving and static.

    .venv/bin/python bench/match_long.py [--minutes 10 30]

Synthetic fingerprints as in bench/match_scale.py: the stored clip at 2 hashes a second, the
query the same footage at the 4-per-second query grid with 4 of 64 bits flipped and its ten
views. "Static" footage keeps one scene for a minute at a time with a bit of noise, as a
fixed camera does, which sends the matcher through its static-shot timing (every offset
tried). Prints seconds and peak Python memory for one match_fingerprints call.
"""

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from match_scale import fingerprint, flip_bits, footage_hashes  # noqa: E402

from provenance.clips.align import match_fingerprints  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, nargs="+", default=[10, 30])
    args = ap.parse_args(argv)
    rng = np.random.default_rng(3)
    print("minutes  footage  seconds  peak MB  stretches  covers")
    for minutes in args.minutes:
        n = int(minutes * 60 * 2)
        for kind in ("moving", "static"):
            if kind == "moving":
                stored = footage_hashes(rng, n)
            else:
                stored = flip_bits(rng, np.repeat(footage_hashes(rng, n // 120 + 1), 120)[:n], 1)
            query = fingerprint(flip_bits(rng, np.repeat(stored, 2), 4), 4.0, rng, query=True)
            tracemalloc.start()
            started = time.perf_counter()
            found = match_fingerprints(query, fingerprint(stored, 2.0, rng))
            elapsed = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            covered = sum(s.end_seconds - s.start_seconds for s in found) / (minutes * 60)
            print(
                f"{minutes:<8g} {kind:<8} {elapsed:>7.1f}  {peak / 2**20:>7.0f}  "
                f"{len(found):>9}  {covered:>6.0%}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
