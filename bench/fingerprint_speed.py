#!/usr/bin/env python3
"""Fingerprinting speed against plain decoding, on a 1080p H.264 clip.

    .venv/bin/python bench/fingerprint_speed.py [--source ../shared/media/01_android_VID_20191220_170832.mp4]
                                               [--seconds 60] [--repeat 3]

Loops the real 1080p phone clip to --seconds and encodes it once as ordinary 1080p H.264
(libx264, crf 23, 30 fps, keyframe every 2 s), then times, in one
run and alternating: `ffmpeg -i clip -f null -` (decoding alone, the physical limit), the full
fingerprint, and the keyframe-only triage fingerprint. Prints the best of --repeat for each and
the ratios.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.clips.fingerprint import fingerprint_file  # noqa: E402


def make_long_clip(source: Path, seconds: float, out: Path) -> Path:
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-stream_loop",
                "-1",
                "-i",
                str(source),
                "-t",
                str(seconds),
                "-an",
                "-vf",
                "fps=30",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "23",
                "-g",
                "60",
                "-pix_fmt",
                "yuv420p",
                str(out),
            ],
            check=True,
        )
    return out


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--source",
        type=Path,
        default=ROOT.parent / "shared" / "media" / "01_android_VID_20191220_170832.mp4",
    )
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    clip = make_long_clip(
        args.source, args.seconds, ROOT / "bench" / "out" / f"long_1080p_{int(args.seconds)}s.mp4"
    )
    runs: dict[str, list[float]] = {
        "ffmpeg -f null": [],
        "fingerprint": [],
        "fingerprint --triage": [],
    }
    for _ in range(args.repeat):
        runs["ffmpeg -f null"].append(
            timed(
                lambda: subprocess.run(
                    ["ffmpeg", "-v", "error", "-nostdin", "-i", str(clip), "-f", "null", "-"],
                    check=True,
                )
            )
        )
        runs["fingerprint"].append(timed(lambda: fingerprint_file(clip)))
        runs["fingerprint --triage"].append(
            timed(lambda: fingerprint_file(clip, keyframes_only=True))
        )
    base = min(runs["ffmpeg -f null"])
    print(f"clip: {clip.name}, {args.seconds:.0f} s of 1920x1080 H.264")
    for name, values in runs.items():
        best = min(values)
        print(
            f"{name:22s} {best:6.2f} s  {args.seconds / best:6.1f} clip-s/s  ratio {best / base:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
