#!/usr/bin/env python3
"""vPDQ and videohash on the same variant set, scored by the same scorer as provenance.

    bench/compare_baselines.sh                 # makes bench/out/baselines-venv, then runs this
    PYTHON bench/compare_baselines.py VARIANTS_DIR [--out bench/out/baselines]

Both are run the way their authors document matching:
- vPDQ (PyPI `vpdq`, Meta's ThreatExchange): one PDQ hash a second; two videos match when at
  least 80 % of the frames of each have a frame of the other within Hamming distance 31 (the
  ThreatExchange defaults). A bag of frames: no time ranges.
- videohash (PyPI `videohash`): one 64-bit hash per video from a collage of frames; two videos
  match when their hashes are within 15 % of the bits (videohash's `is_similar`). No ranges.

Each writes a catalog in provenance's public shape (clips, clip_matches with NULL ranges), and
../shared/bench/score_matches.py scores it exactly as it scores provenance's catalog.
"""

import argparse
import itertools
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "score_matches.py"


def write_catalog(path: Path, files: list[str], pairs: list[tuple[str, str]]) -> None:
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.execute("create table clips (id integer primary key, path text)")
    db.execute(
        "create table clip_matches (clip_id int, other_clip_id int, start_seconds real,"
        " end_seconds real, other_start_seconds real, other_end_seconds real, similarity real)"
    )
    ids = {}
    for i, name in enumerate(files, start=1):
        ids[name] = i
        db.execute("insert into clips values (?, ?)", (i, name))
    for a, b in pairs:
        db.execute(
            "insert into clip_matches (clip_id, other_clip_id) values (?, ?)", (ids[a], ids[b])
        )
    db.commit()
    db.close()


def vpdq_hashes(folder: Path, files: list[str]) -> dict:
    import vpdq

    hashes = {}
    for name in files:
        features = vpdq.computeHash(str(folder / name), seconds_per_hash=1)
        hashes[name] = [f for f in features if f.quality >= 50] or features
    return hashes


def vpdq_pairs(hashes: dict, files: list[str], *, both: bool) -> list[tuple[str, str]]:
    """both=True: ThreatExchange's rule (80 % of each side's frames found in the other);
    both=False: 80 % of either side's frames, which lets excerpts and compilations match."""
    pairs = []
    for a, b in itertools.combinations(files, 2):
        ab, ba = _vpdq_share(hashes[a], hashes[b]), _vpdq_share(hashes[b], hashes[a])
        if (min if both else max)(ab, ba) >= 80.0:
            pairs.append((a, b))
    return pairs


def _vpdq_share(x, y, distance: int = 31) -> float:
    if not x:
        return 0.0
    hits = sum(1 for f in x if any(f.hamming_distance(g) <= distance for g in y))
    return 100.0 * hits / len(x)


def videohash_pairs(folder: Path, files: list[str]) -> list[tuple[str, str]]:
    from videohash import VideoHash

    hashes = {name: VideoHash(path=str(folder / name)) for name in files}
    return [(a, b) for a, b in itertools.combinations(files, 2) if hashes[a].is_similar(hashes[b])]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("variants", type=Path)
    ap.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent / "out" / "baselines"
    )
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    files = sorted(json.loads((args.variants / "truth.json").read_text())["files"])
    started = time.perf_counter()
    hashes = vpdq_hashes(args.variants, files)
    vpdq_seconds = time.perf_counter() - started
    runs = (
        ("vpdq (80 % both ways)", lambda: vpdq_pairs(hashes, files, both=True)),
        ("vpdq (80 % either way)", lambda: vpdq_pairs(hashes, files, both=False)),
        ("videohash", lambda: videohash_pairs(args.variants, files)),
    )
    for name, run in runs:
        started = time.perf_counter()
        pairs = run()
        elapsed = time.perf_counter() - started + (vpdq_seconds if name.startswith("vpdq") else 0)
        catalog = args.out / f"{name.split()[0]}.db"
        write_catalog(catalog, files, pairs)
        score = subprocess.run(
            [sys.executable, str(SCORER), str(args.variants / "truth.json"), str(catalog)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        print(f"== {name} ({len(files)} files, {elapsed:.1f} s)\n{score}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
