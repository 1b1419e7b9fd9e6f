#!/usr/bin/env python3
"""Re-posted variants harder than make_variants.py's, with ground truth in the same format.

    .venv/bin/python bench/hard_variants.py SOURCE_DIR OUT_DIR [--seed 5] [--per-source 3]

What outlets do that ../shared/bench/make_variants.py does not: a logo plus a news ticker
whose text scrolls, picture-in-picture (the footage shrunk into a corner of a studio
backdrop), a frame-rate change between 25 and 30 fps, a slight rotation with a zoom that
hides the corners, and those combined with a mirror image, a colour grade or a trim. Each
source also goes into a compilation whose parts are re-encoded (so every part decodes).
OUT_DIR/truth.json is read by ../shared/bench/score_matches.py as make_variants.py's is, and
`bench/match_accuracy.py --make-variants bench/hard_variants.py` runs the whole loop.
"""

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

import ffmpeg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixtures.make_clips import ffmpeg as run_ffmpeg  # noqa: E402

VIDEO = {".mp4", ".mov", ".mkv", ".webm", ".avi", ".mpg"}

LOOKS = {
    # A corner logo, a ticker band at the bottom and a bright bar scrolling through it.
    "logo_ticker": (
        "[0:v]drawbox=x=iw*0.74:y=ih*0.05:w=iw*0.2:h=ih*0.1:color=white@0.8:t=fill,"
        "drawbox=x=0:y=ih*0.86:w=iw:h=ih*0.14:color=0x102060@0.9:t=fill[base];"
        "color=white:s=160x12[bar];[base][bar]overlay=x='W-mod(t*90,W+160)':y=H*0.9:shortest=1"
    ),
    # The footage at 55 % of the width in the upper left of a dark studio backdrop, with a
    # lower third.
    "pip": (
        "[0:v]scale=704:396:force_original_aspect_ratio=decrease,scale=trunc(iw/2)*2:-2[small];"
        "color=0x1b2838:s=1280x720[bg0];[bg0]drawbox=x=0:y=ih*0.78:w=iw:h=ih*0.12:"
        "color=0xb02020@0.9:t=fill[bg];[bg][small]overlay=x=W*0.05:y=H*0.08:shortest=1"
    ),
    "fps": None,  # 25 <-> 30 fps, filled in per source
    "rotate_zoom": (
        "[0:v]rotate=a=2.5*PI/180:fillcolor=black,scale=trunc(iw*1.12/2)*2:-2,"
        "crop=trunc(iw/1.12/2)*2:trunc(ih/1.12/2)*2"
    ),
}
EXTRAS = {
    "mirror": "hflip",
    "grade": "eq=brightness=-0.05:contrast=1.2:saturation=0.7",
}


def probe(path: Path) -> tuple[float, float]:
    """(duration seconds, frames per second) of a file's video."""
    info = ffmpeg.probe(str(path), select_streams="v:0")
    num, den = info["streams"][0]["r_frame_rate"].split("/")
    return float(info["format"]["duration"]), float(num) / float(den or 1)


def encode(src: Path, dst: Path, start: float, length: float, graph: str) -> None:
    """Cut [start, start + length) of src through a filter graph ending in [out]."""
    # Seeking after the input decodes from the start: slower, but a cut never begins on a
    # frame whose references were skipped (07_imageio_cockatoo.mp4 turns to green blocks when
    # seeked before -i, as make_variants.py does).
    run_ffmpeg(
        "-i", str(src), "-ss", f"{start:.3f}", "-t", f"{length:.3f}", "-an",
        "-filter_complex", graph, "-map", "[out]",
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "28", str(dst),
    )  # fmt: skip


def graph_for(looks: list[str], fps: float) -> str:
    """One filter graph from the chosen looks, applied in order, ending in even-sized yuv420p."""
    chain = "[0:v]null"
    for n, look in enumerate(looks):
        label = f"[s{n}]"
        if look == "fps":
            step = f"fps={30 if round(fps) == 25 else 25}"
        elif look in EXTRAS:
            step = EXTRAS[look]
        else:
            chain = f"{chain}{label};" + LOOKS[look].replace("[0:v]", label, 1)
            continue
        chain = f"{chain},{step}"
    return f"{chain},scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p[out]"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--per-source", type=int, default=3)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    sources = sorted(p for p in args.source_dir.iterdir() if p.suffix.lower() in VIDEO)
    if not sources:
        sys.exit(f"no video files in {args.source_dir}")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict] = {}
    info = {s.name: probe(s) for s in sources}
    for s in sources:
        dst = args.out_dir / f"s_{s.name}"
        shutil.copyfile(s, dst)
        dur = info[s.name][0]
        truth[dst.name] = {
            "segments": [
                {"source": s.name, "source_start": 0.0, "source_end": dur, "start": 0.0, "end": dur}
            ],
            "transforms": ["original"],
        }
    n = 0
    for s in sources:
        dur, fps = info[s.name]
        for look in rng.sample(sorted(LOOKS), k=min(args.per_source, len(LOOKS))):
            n += 1
            looks = [look] + ([rng.choice(sorted(EXTRAS))] if rng.random() < 0.5 else [])
            trim = rng.random() < 0.5 and dur > 8
            start = rng.uniform(0, dur * 0.4) if trim else 0.0
            length = rng.uniform(min(6.0, dur * 0.5), dur - start) if trim else dur
            name = f"h{n:03d}.mp4"
            encode(s, args.out_dir / name, start, length, graph_for(looks, fps))
            real, _ = probe(args.out_dir / name)
            truth[name] = {
                "segments": [
                    {
                        "source": s.name,
                        "source_start": round(start, 3),
                        "source_end": round(start + min(length, real), 3),
                        "start": 0.0,
                        "end": round(min(length, real), 3),
                    }
                ],
                "transforms": looks + (["trim"] if trim else []),
            }
    # Compilations of three excerpts, each re-encoded to one frame size, then joined.
    for _ in range(max(1, len(sources) // 3)):
        n += 1
        picks = rng.sample(sources, k=min(3, len(sources)))
        parts, segments, t = [], [], 0.0
        for i, s in enumerate(picks):
            dur = info[s.name][0]
            length = min(dur, rng.uniform(4.0, 9.0))
            start = rng.uniform(0, max(0.0, dur - length))
            part = args.out_dir / f".part{i}.mp4"
            encode(
                s,
                part,
                start,
                length,
                "[0:v]scale=854:480:force_original_aspect_ratio=decrease,"
                "pad=854:480:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=30,format=yuv420p[out]",
            )
            real, _ = probe(part)
            parts.append(part)
            segments.append(
                {
                    "source": s.name,
                    "source_start": round(start, 3),
                    "source_end": round(start + real, 3),
                    "start": round(t, 3),
                    "end": round(t + real, 3),
                }
            )
            t += real
        listing = args.out_dir / ".parts.txt"
        listing.write_text("".join(f"file '{p.name}'\n" for p in parts))
        name = f"h{n:03d}.mp4"
        run_ffmpeg(
            "-f", "concat", "-safe", "0", "-i", str(listing),
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "26", str(args.out_dir / name),
        )  # fmt: skip
        for p in [*parts, listing]:
            p.unlink()
        truth[name] = {"segments": segments, "transforms": ["compilation"]}
    (args.out_dir / "truth.json").write_text(json.dumps({"files": truth}, indent=1))
    print(f"{len(truth)} files written to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
