#!/usr/bin/env python3
"""The candidate index beside faiss's binary indexes, on the same hashes and queries.

    .venv/bin/pip install faiss-cpu   # for this bench only
    .venv/bin/python bench/index_compare.py [--sizes 10000 100000] [--hnsw-up-to 10000]
        [--ivf-up-to 1000000]

Stored clips are bench/match_scale.py's synthetic 61-second clips (2 hashes a second, drawn
from a pool of footage, so that clips overlap one another as re-posts do). Each query is a
minute of the pool on the 4-a-second grid with 6 of 64 bits flipped, looked up as `log`
looks a clip up (search.query_hashes: two frames a second). The clips that share at least
10 seconds with it are the ones to find. Every index answers the same question, "which
stored rows lie within 14 bits of a query hash" (the check the project's index makes before
a vote), and the votes are ranked the same way (search.ranked_candidates), so the figures
differ only by the index: build time, size, lookup time (median of the queries) and recall
(related clips among the candidates).

- ours: search.ChunkTables, as the files of provenance/clips/index_files.py hold it;
- faiss IndexBinaryMultiHash (4 tables of 16 bits), range search;
- faiss IndexBinaryIVF (nlist 4096, nprobe 64), range search;
- faiss IndexBinaryHNSW (M 16, efSearch 64), 64 nearest rows a hash (it has no range
  search), up to --hnsw-up-to clips (its build is the slowest by far).
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.match_scale import fingerprint, flip_bits, footage_hashes  # noqa: E402
from provenance.clips.search import (  # noqa: E402
    CANDIDATE_DISTANCE,
    ChunkTables,
    Hits,
    query_hashes,
    ranked_candidates,
)

SECONDS = 61
POOL = 400_000
QUERIES = 10
SHARED_FRAMES = 20  # 10 s in common at the stored rate: a related clip
HNSW_NEIGHBOURS = 64


def stored_rows(n: int, rng: np.random.Generator, pool: np.ndarray):
    """(hashes, clip of each row, each clip's start in the pool)."""
    per_clip = SECONDS * 2
    starts = rng.integers(0, len(pool) - per_clip, size=n)
    hashes = np.concatenate([flip_bits(rng, pool[s : s + per_clip], 1) for s in starts])
    clips = np.repeat(np.arange(1, n + 1, dtype=np.int32), per_clip)
    return hashes, clips, starts


def queries(rng: np.random.Generator, pool: np.ndarray, starts: np.ndarray):
    out = []
    for _ in range(QUERIES):
        s = int(rng.integers(0, len(pool) - 120))
        fp = fingerprint(flip_bits(rng, np.repeat(pool[s : s + 120], 2), 6), 4.0, rng, query=True)
        overlap = np.minimum(starts + SECONDS * 2, s + 120) - np.maximum(starts, s)
        related = set((np.flatnonzero(overlap >= SHARED_FRAMES) + 1).tolist())
        out.append((fp, related))
    return out


def to_bytes(hashes: np.ndarray) -> np.ndarray:
    """faiss's binary vectors: 8 bytes a hash (the bit order does not change distances)."""
    return np.ascontiguousarray(np.asarray(hashes, dtype=np.uint64)).view(np.uint8).reshape(-1, 8)


def measure(name, build, lookup, row_clips, qs, size_of) -> dict:
    started = time.perf_counter()
    index = build()
    built = time.perf_counter() - started
    times, recalls = [], []
    for fp, related in qs:
        q, frame_of = query_hashes(fp)
        started = time.perf_counter()
        rows, frames, distances = lookup(index, q, frame_of)
        hits = Hits(row_clips[rows], frames, rows, distances, np.zeros(len(rows), bool))
        strong, weak = ranked_candidates(hits, fp, skip=set())
        found = set(strong) | set(weak)
        times.append(time.perf_counter() - started)
        recalls.append(len(found & related) / len(related) if related else 1.0)
    return {
        "index": name,
        "build s": built,
        "MB": size_of(index) / 2**20,
        "lookup s": statistics.median(times),
        "recall": statistics.mean(recalls),
    }


def ours(hashes, clips):
    def build():
        return ChunkTables.build(hashes, clips)

    def lookup(tables, q, frame_of):
        hits = tables.hits(q, frame_of)
        return hits.rows, hits.frames, hits.distances

    def size(t):
        return (
            t.hashes.nbytes
            + t.clips.nbytes
            + sum(o.nbytes for o in t.orders)
            + sum(o.nbytes for o in t.offsets)
        )

    return build, lookup, size


def faiss_range(make, *, train: bool):
    import faiss

    def build_for(hashes):
        def build():
            index = make()
            data = to_bytes(hashes)
            if train:
                index.train(data[:: max(1, len(data) // 500_000)])
            index.add(data)
            return index

        return build

    def lookup(index, q, frame_of):
        lims, distances, labels = index.range_search(to_bytes(q), CANDIDATE_DISTANCE + 1)
        frames = np.repeat(frame_of, np.diff(lims).astype(np.int64))
        return labels.astype(np.int64), frames, distances.astype(np.uint8)

    def size(index):
        return faiss.serialize_index_binary(index).nbytes

    return build_for, lookup, size


def main(argv=None) -> int:
    import faiss

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--hnsw-up-to", type=int, default=10_000)
    ap.add_argument(
        "--ivf-up-to", type=int, default=1_000_000, help="IVF's add is slow: 135 s at 100k"
    )
    args = ap.parse_args(argv)
    faiss.omp_set_num_threads(2)
    print("clips  rows  index  build s  MB  lookup s (median)  recall")
    for n in args.sizes:
        rng = np.random.default_rng(n)
        pool = footage_hashes(rng, POOL)
        hashes, clips, starts = stored_rows(n, rng, pool)
        qs = queries(rng, pool, starts)
        row_clips = clips
        build, lookup, size = ours(hashes, clips)
        results = [measure("ours (ChunkTables)", build, lookup, row_clips, qs, size)]
        mih_build, mih_lookup, mih_size = faiss_range(
            lambda: faiss.IndexBinaryMultiHash(64, 4, 16), train=False
        )
        results.append(
            measure("faiss MultiHash", mih_build(hashes), mih_lookup, row_clips, qs, mih_size)
        )

        def ivf():
            index = faiss.IndexBinaryIVF(faiss.IndexBinaryFlat(64), 64, 4096)
            index.nprobe = 64
            return index

        if n <= args.ivf_up_to:
            ivf_build, ivf_lookup, ivf_size = faiss_range(ivf, train=True)
            results.append(
                measure("faiss IVF", ivf_build(hashes), ivf_lookup, row_clips, qs, ivf_size)
            )
        if n <= args.hnsw_up_to:

            def hnsw_build(hashes=hashes):
                index = faiss.IndexBinaryHNSW(64, 16)
                index.hnsw.efSearch = 64
                index.add(to_bytes(hashes))
                return index

            def hnsw_lookup(index, q, frame_of):
                distances, labels = index.search(to_bytes(q), HNSW_NEIGHBOURS)
                close = (distances <= CANDIDATE_DISTANCE) & (labels >= 0)
                frames = np.repeat(frame_of, HNSW_NEIGHBOURS).reshape(labels.shape)
                return labels[close].astype(np.int64), frames[close], distances[close]

            results.append(measure("faiss HNSW", hnsw_build, hnsw_lookup, row_clips, qs, mih_size))
        for r in results:
            print(
                f"{n:>9,}  {len(hashes):>11,}  {r['index']:<20} {r['build s']:>7.1f}  "
                f"{r['MB']:>7.0f}  {r['lookup s']:>8.3f}  {r['recall']:.3f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
