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
HEADER_HEIGHT = 34


def frame_at(path: str, seconds: float, *, height: int = TILE_HEIGHT) -> np.ndarray:
    """The frame at `seconds` as a BGR image `height` pixels high."""
    cmd = require_tool("ffmpeg")
    try:
        out, _ = (
            ffmpeg.input(media_url(path), ss=max(0.0, seconds))
            .output("pipe:", vframes=1, format="image2", vcodec="png")
            .global_args("-nostdin", "-loglevel", "error")
            .run(cmd=cmd, capture_stdout=True, capture_stderr=True)
        )
    except ffmpeg.Error as e:
        raise BadInputError(f"{path}: no frame at {seconds:.1f} s") from e
    image = cv2.imdecode(np.frombuffer(out, dtype=np.uint8), cv2.IMREAD_COLOR) if out else None
    if image is None:
        raise BadInputError(f"{path}: no frame at {seconds:.1f} s")
    width = max(1, round(image.shape[1] * height / image.shape[0]))
    return cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)


def timecode(seconds: float) -> str:
    m, s = divmod(seconds, 60)
    return f"{int(m)}:{s:04.1f}"


def labelled(image: np.ndarray, text: str, width: int) -> np.ndarray:
    """The image centred on a `width`-wide tile with a label strip under it."""
    tile = np.full((image.shape[0] + LABEL_HEIGHT, width, 3), 24, dtype=np.uint8)
    x = (width - image.shape[1]) // 2
    tile[: image.shape[0], x : x + image.shape[1]] = image[:, : min(image.shape[1], width)]
    cv2.putText(
        tile,
        text,
        (8, image.shape[0] + 18),
        cv2.FONT_HERSHEY_SIMPLEX,
        0.5,
        (235, 235, 235),
        1,
        cv2.LINE_AA,
    )
    return tile


def header(text: str, width: int) -> np.ndarray:
    strip = np.full((HEADER_HEIGHT, width, 3), 48, dtype=np.uint8)
    cv2.putText(
        strip, text[:90], (8, 23), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (255, 255, 255), 1, cv2.LINE_AA
    )
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
            instants.append((t, o))
    pairs = [(frame_at(a["path"], t), frame_at(b["path"], o), t, o) for t, o in instants[:rows]]
    width = max(max(x.shape[1], y.shape[1]) for x, y, _, _ in pairs)
    body = [
        np.hstack(
            [
                labelled(x, f"clip {clip_id}  {timecode(t)}", width),
                labelled(y, f"clip {other_id}  {timecode(o)}", width),
            ]
        )
        for x, y, t, o in pairs
    ]
    title = (
        f"clip {clip_id} {a['file_name']} ({a['seen_at'] or '-'})   |   "
        f"clip {other_id} {b['file_name']} ({b['seen_at'] or '-'})"
    )
    return np.vstack([header(title, 2 * width), *body])


def keyframe_sheet(
    db: sqlite_utils.Database, clip_id: int, *, columns: int = 4, count: int = 12
) -> np.ndarray:
    """A contact sheet of one clip: its keyframes (evenly spread when there are many)."""
    clip = clip_facts(db, clip_id)
    times = keyframe_times(clip["path"])
    duration = clip["duration_seconds"] or 0.0
    if len(times) < columns and duration > 0:
        # Long GOPs leave too few keyframes to show the clip: take evenly spaced frames.
        times = [duration * (i + 0.5) / count for i in range(count)]
    if not times:
        times = [0.0]
    if len(times) > count:
        times = [times[round(i * (len(times) - 1) / (count - 1))] for i in range(count)]
    frames = [frame_at(clip["path"], t) for t in times]
    width = max(f.shape[1] for f in frames)
    tiles = [labelled(f, timecode(t), width) for f, t in zip(frames, times, strict=True)]
    while len(tiles) % columns:
        tiles.append(np.full_like(tiles[0], 24))
    grid = np.vstack([np.hstack(tiles[i : i + columns]) for i in range(0, len(tiles), columns)])
    return np.vstack(
        [
            header(f"clip {clip_id} {clip['file_name']} ({clip['seen_at'] or '-'})", grid.shape[1]),
            grid,
        ]
    )


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
    if not cv2.imwrite(str(path), image):
        raise BadInputError(f"{path}: the sheet could not be written")
