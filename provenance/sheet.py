"""Contact sheets: matched clips side by side at the same instants, or one clip's keyframes.

Frames come from ffmpeg (one seek per frame); the sheet is drawn with OpenCV.
"""

from pathlib import Path
from typing import Any

import cv2
import ffmpeg
import numpy as np
import sqlite_utils

from .errors import BadInputError
from .tools import media_url, require_tool

TILE_HEIGHT = 180
LABEL_HEIGHT = 26
HEADER_LINE = 24  # pixels a header line takes
MARGIN = 6  # pixels around each tile
FONT = cv2.FONT_HERSHEY_SIMPLEX
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def frames_at(
    path: str, times: list[float], *, height: int = TILE_HEIGHT, still: bool = False
) -> list[np.ndarray]:
    """The frames at `times` (a still's only picture for each), `height` pixels high.

    One decode from the start picks every instant with ffmpeg's select filter. Seeking is
    not used: a fast seek lands where the container's index says, which in files with a
    poor index is mid-GOP (green blocks), and even their keyframe flags can lie.
    """
    if still:
        image = cv2.imread(path, cv2.IMREAD_COLOR)
        if image is None:
            raise BadInputError(f"{path}: the still cannot be read")
        return [_scaled(image, height)] * len(times)
    wanted = sorted({round(max(0.0, s), 3) for s in times})
    pick = "+".join(f"gte(t,{s})*(lt(prev_t,{s})+isnan(prev_t))" for s in wanted)
    cmd = require_tool("ffmpeg")
    try:
        out, _ = (
            ffmpeg.input(media_url(path))
            .filter("select", pick)
            .filter("scale", -2, height)
            .output("pipe:", format="image2pipe", vcodec="png", fps_mode="passthrough")
            .global_args("-nostdin", "-loglevel", "error")
            .run(cmd=cmd, capture_stdout=True, capture_stderr=True)
        )
    except ffmpeg.Error as e:
        raise BadInputError(
            f"{path}: frames at {wanted[0]:.1f}-{wanted[-1]:.1f} s cannot be decoded"
        ) from e
    decoded = (
        cv2.imdecode(np.frombuffer(PNG_SIGNATURE + part, dtype=np.uint8), cv2.IMREAD_COLOR)
        for part in out.split(PNG_SIGNATURE)[1:]
    )
    images = [image for image in decoded if image is not None]
    if not images:
        raise BadInputError(f"{path}: no frame at {wanted[0]:.1f} s")
    # An instant past the last frame shows the last frame.
    by_time = {s: images[min(n, len(images) - 1)] for n, s in enumerate(wanted)}
    return [by_time[round(max(0.0, s), 3)] for s in times]


def _scaled(image: np.ndarray, height: int) -> np.ndarray:
    width = max(1, round(image.shape[1] * height / image.shape[0]))
    return cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)


def timecode(seconds: float) -> str:
    m, s = divmod(seconds, 60)
    return f"{int(m)}:{s:04.1f}"


def labelled(image: np.ndarray, text: str, width: int) -> np.ndarray:
    """The image centred on a `width`-wide tile with a label strip under it and a margin
    around it, so that tiles side by side never touch."""
    tile = np.full(
        (image.shape[0] + LABEL_HEIGHT + 2 * MARGIN, width + 2 * MARGIN, 3), 24, dtype=np.uint8
    )
    shown = image[:, : min(image.shape[1], width)]
    x = MARGIN + (width - shown.shape[1]) // 2
    tile[MARGIN : MARGIN + image.shape[0], x : x + shown.shape[1]] = shown
    _text(tile, text, (MARGIN + 4, MARGIN + image.shape[0] + 18), 0.5, width)
    return tile


def _text(image: np.ndarray, text: str, origin: tuple[int, int], scale: float, width: int) -> None:
    """Text cut (with an ellipsis) to what fits in `width` pixels."""
    while text and cv2.getTextSize(text, FONT, scale, 1)[0][0] > width - 8:
        text = text[:-2] + "…" if len(text) > 2 else ""
    cv2.putText(
        image, text.replace("…", "..."), origin, FONT, scale, (235, 235, 235), 1, cv2.LINE_AA
    )


def header(lines: list[str], width: int) -> np.ndarray:
    """A strip with one line of text each, as tall as its lines need."""
    strip = np.full((HEADER_LINE * len(lines) + 10, width, 3), 48, dtype=np.uint8)
    for n, line in enumerate(lines):
        _text(strip, line, (8, 23 + n * HEADER_LINE), 0.55, width)
    return strip


def clip_facts(db: sqlite_utils.Database, clip_id: int) -> dict[str, Any]:
    row = next(
        iter(
            db.query(
                "SELECT c.id, c.path, c.file_name, c.duration_seconds, c.media_type,"
                " (SELECT group_concat(DISTINCT coalesce(outlet, platform)) FROM sightings s WHERE s.clip_id = c.id) AS seen_at,"
                " (SELECT s.path FROM sightings s WHERE s.clip_id = c.id ORDER BY s.id DESC LIMIT 1) AS last_path"
                " FROM clips c WHERE c.id = ?",
                [clip_id],
            )
        ),
        None,
    )
    if row is None:
        raise BadInputError(f"no clip {clip_id} in the catalog")
    for candidate in (row["last_path"], row["path"]):
        if candidate and Path(candidate).is_file():
            row["path"] = candidate
            return row
    raise BadInputError(f"clip {clip_id}: its file is missing ({row['path']})")


def comparison_sheet(
    db: sqlite_utils.Database, clip_id: int, other_id: int, *, rows: int = 6
) -> np.ndarray:
    """Frames of two matched clips at the same matched instants, side by side."""
    matches = list(
        db.query(
            "SELECT * FROM clip_matches WHERE clip_id = ? AND other_clip_id = ? ORDER BY start_seconds",
            [clip_id, other_id],
        )
    )
    if not matches:
        raise BadInputError(f"clips {clip_id} and {other_id} share no footage in the catalog")
    a, b = clip_facts(db, clip_id), clip_facts(db, other_id)
    instants = []
    total = sum(max(m["end_seconds"] - m["start_seconds"], 0.01) for m in matches)
    for m in matches:
        share = max(1, round(rows * max(m["end_seconds"] - m["start_seconds"], 0.01) / total))
        for k in range(share):
            f = (k + 0.5) / share
            t = m["start_seconds"] + f * (m["end_seconds"] - m["start_seconds"])
            o = m["other_start_seconds"] + f * (m["other_end_seconds"] - m["other_start_seconds"])
            instants.append((t, o, m))
    still_a, still_b = a["media_type"] == "still", b["media_type"] == "still"
    chosen = instants[:rows]
    frames_a = frames_at(a["path"], [t for t, _, _ in chosen], still=still_a)
    frames_b = frames_at(b["path"], [o for _, o, _ in chosen], still=still_b)
    pairs = [(x, y, t, o, m) for x, y, (t, o, m) in zip(frames_a, frames_b, chosen, strict=True)]
    width = max(max(x.shape[1], y.shape[1]) for x, y, *_ in pairs)
    body = [
        np.hstack(
            [
                labelled(x, f"clip {clip_id}  {timecode(t)}", width),
                labelled(
                    y,
                    f"clip {other_id}  {timecode(o)}  similarity {m['similarity']:.2f}"
                    + (f"  {m['transform']}" if m["transform"] != "same" else "")
                    + (f"  x{m['speed']:g}" if m["speed"] != 1.0 else ""),
                    width,
                ),
            ]
        )
        for x, y, t, o, m in pairs
    ]
    lines = [
        f"clip {clip_id} {a['file_name']} ({a['seen_at'] or '-'})",
        f"clip {other_id} {b['file_name']} ({b['seen_at'] or '-'})",
    ]
    return np.vstack([header(lines, body[0].shape[1]), *body])


def keyframe_sheet(
    db: sqlite_utils.Database, clip_id: int, *, columns: int = 4, count: int = 12
) -> np.ndarray:
    """A contact sheet of one clip: its keyframes (evenly spread when there are many)."""
    clip = clip_facts(db, clip_id)
    times = [0.0] if clip["media_type"] == "still" else keyframe_times(clip["path"])
    duration = clip["duration_seconds"] or 0.0
    if len(times) < columns and duration > 0:
        # Long GOPs leave too few keyframes to show the clip: take evenly spaced frames.
        times = [duration * (i + 0.5) / count for i in range(count)]
    if not times:
        times = [0.0]
    if len(times) > count:
        times = [times[round(i * (len(times) - 1) / (count - 1))] for i in range(count)]
    still = clip["media_type"] == "still"
    frames = frames_at(clip["path"], times, still=still)
    width = max(f.shape[1] for f in frames)
    tiles = [labelled(f, timecode(t), width) for f, t in zip(frames, times, strict=True)]
    while len(tiles) % columns:
        tiles.append(np.full_like(tiles[0], 24))
    grid = np.vstack([np.hstack(tiles[i : i + columns]) for i in range(0, len(tiles), columns)])
    title = f"clip {clip_id} {clip['file_name']} ({clip['seen_at'] or '-'})"
    return np.vstack([header([title], grid.shape[1]), grid])


def keyframe_times(path: str) -> list[float]:
    require_tool("ffprobe")
    try:
        info = ffmpeg.probe(
            media_url(path),
            select_streams="v:0",
            skip_frame="nokey",
            show_entries="frame=pts_time",
            show_frames=None,
        )
    except ffmpeg.Error:
        return []
    return [
        float(f["pts_time"])
        for f in info.get("frames", [])
        if f.get("pts_time") not in (None, "N/A")
    ]


def write_png(image: np.ndarray, path: Path) -> None:
    if path.suffix.lower() != ".png":
        raise BadInputError(f"{path}: a sheet is a PNG image; name the output file .png")
    try:
        written = cv2.imwrite(str(path), image)
    except cv2.error:
        written = False
    if not written:
        raise BadInputError(f"{path}: the sheet could not be written")
