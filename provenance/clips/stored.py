"""Fingerprints read back from the catalog (`fingerprints` and `fingerprint_regions`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import sqlite_utils

from .fingerprint import Fingerprint, Region, from_blobs, region_from_blobs

IN_CHUNK = 500  # clip ids in one "IN (...)" list, well under SQLite's limit on parameters


def stored_fingerprints(
    db: sqlite_utils.Database,
    *,
    above: int = 0,
    upto: int | None = None,
    clip_id: int | None = None,
    ids: Iterable[int] | None = None,
    motion: bool = True,
) -> Iterator[tuple[int, Fingerprint, bool]]:
    """(clip id, fingerprint as kept, whether a still), in clip id order, of every clip with
    an id in (above, upto], or of the one clip `clip_id`, or of the clips `ids`: the kept
    view with its regions (and its picture box, for one clip).

    Args:
        motion: decode the motion codes; an index's rows need only the hashes, and the motion
            is half of the decoding time of a bulk load.
    """
    if clip_id is not None:
        yield from _read(db, "f.clip_id = ?", [clip_id], motion=motion, box=True)
    elif ids is not None:
        wanted = sorted(set(ids))
        for start in range(0, len(wanted), IN_CHUNK):
            part = wanted[start : start + IN_CHUNK]
            where = f"f.clip_id IN ({', '.join('?' * len(part))})"
            yield from _read(db, where, part, motion=motion)
    elif upto is not None:
        yield from _read(db, "f.clip_id > ? AND f.clip_id <= ?", [above, upto], motion=motion)
    else:
        yield from _read(db, "f.clip_id > ?", [above], motion=motion)


def _read(
    db: sqlite_utils.Database, where: str, params: list, *, motion: bool, box: bool = False
) -> Iterator[tuple[int, Fingerprint, bool]]:
    regions: dict[int, list[Region]] = {}
    for owner, region_box, hashes, informative, upper in db.execute(
        "SELECT clip_id, box, hashes, informative, upper_hashes FROM fingerprint_regions f"
        f" WHERE {where} ORDER BY clip_id, region",
        params,
    ):
        regions.setdefault(owner, []).append(
            region_from_blobs(region_box, hashes, informative, upper)
        )
    motion_column = "f.motion" if motion else "NULL"
    for (
        owner,
        fps,
        count,
        hashes,
        informative,
        motion_codes,
        content_box,
        keyframes_only,
        media_type,
        upper,
    ) in db.execute(
        f"SELECT f.clip_id, f.grid_fps, f.frame_count, f.hashes, f.informative, {motion_column},"
        " f.content_box, f.keyframes_only, c.media_type, f.upper_hashes FROM fingerprints f"
        f" JOIN clips c ON c.id = f.clip_id WHERE {where} ORDER BY f.clip_id",
        params,
    ):
        # Matching never reads the picture box, so a bulk load leaves it out; one clip's
        # fingerprint, kept again elsewhere, has it.
        kept_box = tuple(json.loads(content_box)) if box else (0.0, 0.0, 1.0, 1.0)
        fp = from_blobs(
            fps,
            count,
            hashes,
            informative,
            motion_codes,
            kept_box,
            upper,
            keyframes_only=bool(keyframes_only),
            regions=regions.get(owner, []),
        )
        yield owner, fp, media_type == "still"
