#!/usr/bin/env python3
"""Accuracy of clip matching on re-posted variants of real clips.

    .venv/bin/python bench/match_accuracy.py [--media ../shared/media] [--out bench/out/accuracy]
                                            [--per-source 4] [--seed 7] [--triage]

1. Prepares the sources: every video in --media, linked as is; one whose width or height is
   odd is re-encoded (crf 12, padded by one pixel) because make_variants.py's libx264 encodes
   refuse odd sizes.
2. Runs ../shared/bench/make_variants.py on them (re-encodes, crops, vertical 9:16 boxing,
   logos, mirroring, grading, speed changes, excerpts, compilations), with ground truth.
3. Logs every variant into a fresh catalog with `provenance log` and times it.
4. Scores the catalog's clip_matches with ../shared/bench/score_matches.py.
"""

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import ffmpeg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixtures.make_clips import ffmpeg as run_ffmpeg  # noqa: E402

VIDEO = {".mp4", ".mov", ".mkv", ".webm", ".avi", ".ogv", ".m4v", ".mpg", ".mpeg", ".ts", ".3gp"}


def prepare_sources(media: Path, out: Path) -> Path:
    sources = out / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    for clip in sorted(media.iterdir()):
        if clip.suffix.lower() not in VIDEO:
            continue
        target = sources / clip.name
        if target.exists() or target.is_symlink():
            continue
        info = ffmpeg.probe(str(clip), select_streams="v:0")
        w, h = info["streams"][0]["width"], info["streams"][0]["height"]
        if w % 2 or h % 2:
            run_ffmpeg(
                "-i", str(clip), "-an", "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2",
                "-c:v", "libx264", "-crf", "12", str(target.with_suffix(".mp4")),
            )  # fmt: skip
        else:
            target.symlink_to(clip.resolve())
    return sources


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--media", type=Path, default=ROOT.parent / "shared" / "media")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "accuracy")
    ap.add_argument("--per-source", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--triage", action="store_true", help="log with --triage (keyframes only)")
    ap.add_argument(
        "--drop",
        action="append",
        default=[],
        metavar="FILE[:SOURCE]",
        help="also score without FILE's segments from SOURCE (a part that does not "
        "decode), e.g. v042.mp4:07_imageio_cockatoo.mp4, or without FILE at all when no "
        "SOURCE is given; may repeat",
    )
    ap.add_argument(
        "--make-variants", type=Path, default=ROOT.parent / "shared" / "bench" / "make_variants.py"
    )
    ap.add_argument(
        "--score", type=Path, default=ROOT.parent / "shared" / "bench" / "score_matches.py"
    )
    args = ap.parse_args(argv)
    sources = prepare_sources(args.media, args.out)
    variants = args.out / f"{args.make_variants.stem}-seed{args.seed}-k{args.per_source}"
    if not (variants / "truth.json").exists():
        subprocess.run(
            [
                sys.executable,
                str(args.make_variants),
                str(sources),
                str(variants),
                "--seed",
                str(args.seed),
                "--per-source",
                str(args.per_source),
            ],
            check=True,
        )
    catalog = args.out / ("catalog-triage.db" if args.triage else "catalog.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{catalog}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    cmd = [sys.executable, str(ROOT / "cli.py"), "log", "-q", "--db", str(catalog), str(variants)]
    subprocess.run(cmd + (["--triage"] if args.triage else []), check=False)
    elapsed = time.perf_counter() - started
    files = len(json.loads((variants / "truth.json").read_text())["files"])
    print(f"logged {files} files in {elapsed:.1f} s ({'triage' if args.triage else 'full'} mode)")
    result = subprocess.run(
        [sys.executable, str(args.score), str(variants / "truth.json"), str(catalog), "--verbose"],
        capture_output=True,
        text=True,
        check=True,
    )
    print(result.stdout, end="")
    print(unrelated_links(variants / "truth.json", catalog))
    if args.drop:
        truth = json.loads((variants / "truth.json").read_text())
        for item in args.drop:
            name, _, source = item.partition(":")
            kept = [
                seg
                for seg in truth["files"][name]["segments"]
                if source and seg["source"] != source
            ]
            # A file left with no footage is left out: the scorer ignores files it has no
            # truth for (and would count a file without segments as the same as every other).
            if kept:
                truth["files"][name]["segments"] = kept
            else:
                del truth["files"][name]
        fixed = args.out / f"truth-seed{args.seed}-dropped.json"
        fixed.write_text(json.dumps(truth))
        result = subprocess.run(
            [sys.executable, str(args.score), str(fixed), str(catalog)],
            capture_output=True,
            text=True,
            check=True,
        )
        print("without the dropped segments:", result.stdout.strip().splitlines()[-1])
    return 0


def unrelated_links(truth_path: Path, catalog: Path) -> str:
    """Links between files that carry footage of different real sources only."""
    import itertools
    import sqlite3

    truth = json.loads(truth_path.read_text())["files"]
    sources = {name: {seg["source"] for seg in t["segments"]} for name, t in truth.items()}
    unrelated = {
        tuple(sorted(p))
        for p in itertools.combinations(truth, 2)
        if not sources[p[0]] & sources[p[1]]
    }
    db = sqlite3.connect(catalog)
    names = {cid: Path(path).name for cid, path in db.execute("select id, path from clips")}
    linked = {
        tuple(sorted((names[a], names[b])))
        for a, b in db.execute("select clip_id, other_clip_id from clip_matches")
    }
    return f"unrelated pairs (no source in common): {len(unrelated)}, linked: {len(unrelated & linked)}"


if __name__ == "__main__":
    sys.exit(main())
