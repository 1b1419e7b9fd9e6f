#!/usr/bin/env python3
"""Re-posts made the way social accounts make them, with ground truth in make_variants' format.

    .venv/bin/python bench/social_variants.py SOURCE_DIR OUT_DIR [--seed 3] [--per-source 3]
    .venv/bin/python bench/match_accuracy.py --make-variants bench/social_variants.py --seed 3 --per-source 3

From each source video (and pairs of them), the layouts issue 10 lists:
- split: two sources side by side under a caption band, as one 16:9 frame;
- phone: a phone's screen recording of a messenger: status bar, channel header, the clip
  smaller across the screen, post text under it, bottom bar;
- tiktok: 9:16, the clip across the middle of a blurred, darkened copy of itself, caption
  bands above and below, an account name and app buttons over the picture;
- lower_third: a news lower third and a channel bug, alone, at 15 fps or at 240p;
- slowmo: 0.5x slow motion;
- stills: a JPEG screenshot at quality 40, a dark frame, a frame with a caption bar over its
  lower sixth;
- crossfade: a compilation of three excerpts joined by 0.5 s crossfades.
Every source is also copied as is. OUT_DIR/truth.json is read by ../shared/bench/score_matches.py.
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
X264 = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "28", "-pix_fmt", "yuv420p"]

LAYOUTS = {
    "phone": (
        "color=0xf2f2f2:s=720x1280[bg];[0:v]scale=680:-2[clip];"
        "[bg]drawbox=x=0:y=0:w=720:h=48:color=0x202020:t=fill,"
        "drawbox=x=0:y=48:w=720:h=110:color=0x3a6ea5:t=fill,"
        "drawbox=x=24:y=70:w=64:h=64:color=white:t=fill,"
        "drawbox=x=110:y=84:w=300:h=18:color=white:t=fill,"
        "drawbox=x=20:y=900:w=640:h=16:color=0x555555:t=fill,"
        "drawbox=x=20:y=936:w=560:h=16:color=0x555555:t=fill,"
        "drawbox=x=20:y=972:w=600:h=16:color=0x555555:t=fill,"
        "drawbox=x=0:y=1180:w=720:h=100:color=0xdddddd:t=fill[ui];"
        "[ui][clip]overlay=x=20:y=260:shortest=1"
    ),
    "tiktok": (
        "[0:v]split[a][b];[a]scale=720:1280:force_original_aspect_ratio=increase,"
        "crop=720:1280,boxblur=20,eq=brightness=-0.25[bg];[b]scale=720:-2[fg];"
        "[bg][fg]overlay=(W-w)/2:(H-h)/2:shortest=1,"
        "drawbox=x=40:y=250:w=640:h=70:color=white:t=fill,"
        "drawbox=x=40:y=930:w=560:h=60:color=white:t=fill,"
        "drawbox=x=30:y=ih/2+120:w=220:h=28:color=white@0.9:t=fill,"
        "drawbox=x=640:y=ih/2-120:w=56:h=56:color=white@0.9:t=fill,"
        "drawbox=x=640:y=ih/2-20:w=56:h=56:color=white@0.9:t=fill,"
        "drawbox=x=640:y=ih/2+80:w=56:h=56:color=white@0.9:t=fill"
    ),
    "lower_third": (
        "[0:v]scale=1280:720,drawbox=x=0:y=ih*0.74:w=iw*0.7:h=ih*0.12:color=0xc01010@0.95:t=fill,"
        "drawbox=x=0:y=ih*0.86:w=iw*0.7:h=ih*0.06:color=white@0.95:t=fill,"
        "drawbox=x=iw*0.86:y=ih*0.06:w=iw*0.1:h=ih*0.1:color=white@0.7:t=fill"
    ),
    "lower_third_15fps": None,  # lower_third, then 15 fps
    "lower_third_240p": None,  # lower_third, then 426x240
    "slowmo": "[0:v]setpts=2*PTS",
}
SPLIT = (
    "color=0x101010:s=1280x720[bg];"
    "[0:v]scale=628:353:force_original_aspect_ratio=increase,crop=628:353[l];"
    "[1:v]scale=628:353:force_original_aspect_ratio=increase,crop=628:353[r];"
    "[bg]drawbox=x=0:y=40:w=1280:h=120:color=0xffd000:t=fill[cap];"
    "[cap][l]overlay=x=8:y=220:shortest=1[half];[half][r]overlay=x=644:y=220:shortest=1"
)
STILLS = {
    "jpeg_q40": "null",
    "dark": "eq=brightness=-0.3:contrast=0.7",
    "caption_bar": "drawbox=x=0:y=ih*5/6:w=iw:h=ih/6:color=black@0.9:t=fill",
}


def probe(path: Path) -> float:
    return float(ffmpeg.probe(str(path))["format"]["duration"])


def segment(source: str, src_start: float, src_end: float, start: float, end: float) -> dict:
    return {
        "source": source,
        "source_start": round(src_start, 3),
        "source_end": round(src_end, 3),
        "start": round(start, 3),
        "end": round(end, 3),
    }


def layout_graph(name: str) -> str:
    if name == "lower_third_15fps":
        return LAYOUTS["lower_third"] + ",fps=15"
    if name == "lower_third_240p":
        return LAYOUTS["lower_third"] + ",scale=426:240"
    return LAYOUTS[name]


def encode(inputs: list[tuple[Path, float, float]], graph: str, dst: Path) -> None:
    """Cut each input [start, start + length) and run them through `graph` into dst."""
    args = []
    for src, start, length in inputs:
        args += ["-ss", f"{start:.3f}", "-t", f"{length:.3f}", "-i", str(src)]
    graph = f"{graph},scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p[out]"
    run_ffmpeg(*args, "-an", "-filter_complex", graph, "-map", "[out]", *X264, str(dst))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--per-source", type=int, default=3, help="layouts per source")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    sources = sorted(p for p in args.source_dir.iterdir() if p.suffix.lower() in VIDEO)
    if len(sources) < 2:
        sys.exit(f"need two or more videos in {args.source_dir}")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict] = {}
    dur = {s.name: probe(s) for s in sources}
    for s in sources:
        shutil.copyfile(s, args.out_dir / f"s_{s.name}")
        truth[f"s_{s.name}"] = {
            "segments": [segment(s.name, 0, dur[s.name], 0, dur[s.name])],
            "transforms": ["original"],
        }
    n = 0

    def name(ext: str = "mp4") -> str:
        nonlocal n
        n += 1
        return f"x{n:03d}.{ext}"

    for s in sources:
        d = dur[s.name]
        for layout in rng.sample(sorted(LAYOUTS), k=min(args.per_source, len(LAYOUTS))):
            start = rng.uniform(0, d * 0.3) if d > 8 else 0.0
            length = min(d - start, rng.uniform(5.0, 12.0)) if d > 8 else d
            out = name()
            encode([(s, start, length)], layout_graph(layout), args.out_dir / out)
            real = probe(args.out_dir / out)
            rate = 0.5 if layout == "slowmo" else 1.0
            truth[out] = {
                "segments": [segment(s.name, start, start + real * rate, 0, real)],
                "transforms": [layout],
            }
        # One still of each kind from a random moment.
        for kind, vf in STILLS.items():
            at = rng.uniform(0, max(0.0, d - 0.5))
            out = name("jpg")
            run_ffmpeg(
                "-ss", f"{at:.3f}", "-i", str(s), "-frames:v", "1", "-vf", vf,
                "-q:v", "12" if kind == "jpeg_q40" else "5", str(args.out_dir / out),
            )  # fmt: skip
            truth[out] = {"segments": [segment(s.name, at, at, 0, 0)], "transforms": [kind]}
    # Split screens: each source beside another one.
    for i, s in enumerate(sources):
        other = sources[(i + 1 + rng.randrange(len(sources) - 1)) % len(sources)]
        length = min(dur[s.name], dur[other.name], rng.uniform(6.0, 12.0))
        a0 = rng.uniform(0, dur[s.name] - length)
        b0 = rng.uniform(0, dur[other.name] - length)
        out = name()
        encode([(s, a0, length), (other, b0, length)], SPLIT, args.out_dir / out)
        real = probe(args.out_dir / out)
        truth[out] = {
            "segments": [
                segment(s.name, a0, a0 + real, 0, real),
                segment(other.name, b0, b0 + real, 0, real),
            ],
            "transforms": ["split"],
        }
    # Compilations joined by 0.5 s crossfades.
    fade = 0.5
    for _ in range(max(1, len(sources) // 3)):
        picks = rng.sample(sources, k=3)
        cuts = []
        for s in picks:
            length = min(dur[s.name], rng.uniform(4.0, 8.0))
            cuts.append((s, rng.uniform(0, dur[s.name] - length), length))
        graph = "".join(
            f"[{k}:v]scale=854:480:force_original_aspect_ratio=decrease,"
            f"pad=854:480:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=30,settb=1/30[p{k}];"
            for k in range(3)
        )
        t0 = cuts[0][2] - fade
        t1 = t0 + cuts[1][2] - fade
        graph += (
            f"[p0][p1]xfade=transition=fade:duration={fade}:offset={t0:.3f}[j];"
            f"[j][p2]xfade=transition=fade:duration={fade}:offset={t1:.3f}"
        )
        out = name()
        encode(cuts, graph, args.out_dir / out)
        starts = [0.0, t0, t1]
        truth[out] = {
            "segments": [
                segment(s.name, c0, c0 + length, t, t + length)
                for (s, c0, length), t in zip(cuts, starts, strict=True)
            ],
            "transforms": ["crossfade"],
        }
    (args.out_dir / "truth.json").write_text(json.dumps({"files": truth}, indent=1))
    print(f"{len(truth)} files written to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
