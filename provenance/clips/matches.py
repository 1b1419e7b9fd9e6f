"""Link each clip to the same footage already in the catalog (`clip_matches`).

Fingerprints are stored per clip; matches are stored in both directions (a row for each clip
of a pair, with the ranges swapped) so that `where clip_id = 41` finds every match of clip 41.
"""

import gc
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlite_utils

from ..catalog.db import transaction
from ..footage.items import refresh_all_footage
from ..timeutil import now_iso
from .align import Stretch
from .fingerprint import (
    FINGERPRINT_VERSION,
    Fingerprint,
    region_blobs,
    to_blobs,
)
from .groups import each_in, join_group, regroup_all
from .index_files import CatalogIndex, has_index_on_disk, rebuild_index
from .search import FingerprintIndex, swapped


def fingerprint_row(clip_id: int, fp: Fingerprint) -> dict[str, Any]:
    """The `fingerprints` row of a clip: what the catalog keeps (2 frames a second)."""
    stored = fp.stored()
    return {
        "clip_id": clip_id,
        "version": FINGERPRINT_VERSION,
        "grid_fps": stored.fps,
        "frame_count": len(stored.hashes),
        "informative_frames": int(stored.informative.sum()),
        "keyframes_only": int(fp.keyframes_only),
        "content_box": json.dumps([float(v) for v in stored.content_box]),
        "made_at": now_iso(),
        **to_blobs(stored),
    }


def save_fingerprint(db: sqlite_utils.Database, clip_id: int, fp: Fingerprint) -> None:
    """The clip's `fingerprints` row and a `fingerprint_regions` row per footage region."""
    db["fingerprints"].insert(fingerprint_row(clip_id, fp), replace=True)
    save_regions(db, clip_id, fp.stored().regions)


def save_regions(db: sqlite_utils.Database, clip_id: int, regions: list) -> None:
    db.execute("DELETE FROM fingerprint_regions WHERE clip_id = ?", [clip_id])
    db["fingerprint_regions"].insert_all(
        {"clip_id": clip_id, "region": n, **region_blobs(r)} for n, r in enumerate(regions, 1)
    )


def refresh_index(db: sqlite_utils.Database, index: FingerprintIndex) -> FingerprintIndex:
    """`index` with every stored fingerprint it lacks (see FingerprintIndex.catch_up)."""
    index.catch_up(db)
    return index


def match_rows(clip_id: int, other_id: int, stretches: list[Stretch]) -> list[dict[str, Any]]:
    """clip_matches rows for both directions of one pair."""
    when = now_iso()
    return [
        {
            "clip_id": this,
            "other_clip_id": that,
            "start_seconds": x.start_seconds,
            "end_seconds": x.end_seconds,
            "other_start_seconds": x.other_start_seconds,
            "other_end_seconds": x.other_end_seconds,
            "speed": x.speed,
            "similarity": x.similarity,
            "transform": x.view,
            "view": x.part,
            "other_view": x.other_part,
            "matched_frames": x.frames,
            "matched_at": when,
        }
        for s in stretches
        for this, that, x in ((clip_id, other_id, s), (other_id, clip_id, swapped(s)))
    ]


def match_new_clip(
    db: sqlite_utils.Database,
    index: CatalogIndex,
    fp: Fingerprint,
    *,
    still: bool,
    after: int = 0,
) -> tuple[dict[int, list[Stretch]], int]:
    """A new clip's matches against the fingerprints committed so far with a clip id above
    `after`, found outside any write lock (reading only); and the highest clip id covered, so
    that the write transaction matches it against the clips committed since, and only those."""
    index.catch_up(db)
    return index.match_above(fp, still=still, above=after), index.newest


def link_clip(
    db: sqlite_utils.Database,
    index: CatalogIndex,
    clip_id: int,
    fp: Fingerprint,
    *,
    still: bool,
    found: dict[int, list[Stretch]] | None = None,
    covered_up_to: int = 0,
) -> dict[int, list[Stretch]]:
    """Store a new clip's fingerprint and its matches against everything stored before it.

    Runs inside the write transaction that saves the clip. `found` and `covered_up_to` come
    from `match_new_clip`, run before the transaction: here the clip is matched only against
    the clips committed since (other volunteers' processes), which are few, so the write lock
    is held for milliseconds rather than for the whole match. Write transactions run one at a
    time, so no pair is missed or doubled.
    """
    found = dict(found or {})
    index.catch_up(db)
    found.update(index.match_above(fp, still=still, above=covered_up_to, exclude=clip_id))
    found.pop(clip_id, None)
    save_fingerprint(db, clip_id, fp)
    db.execute(
        "DELETE FROM clip_matches WHERE clip_id = ? OR other_clip_id = ?", [clip_id, clip_id]
    )
    rows = [r for other, stretches in found.items() for r in match_rows(clip_id, other, stretches)]
    if rows:
        db["clip_matches"].insert_all(rows)
    join_group(db, clip_id, found)
    return found


def rematch_all(
    db: sqlite_utils.Database,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    decode: Callable[[list[int]], Iterable[Fingerprint | None]] | None = None,
) -> int:
    """Recompute every clip_matches row from the stored fingerprints; returns the rows written.

    Each clip is compared with the clips before it (by id), as if they were logged again in
    order, all in one transaction: a threshold change never leaves a half-matched catalog.

    Args:
        decode: given the clip ids in that order, yields for each a fingerprint decoded again
            from its file, or None where there is none. A stored fingerprint keeps one view,
            so two stored clips of which one is a crop of the other do not meet; a decoded
            query tries its crops, as `log` does.
    """
    loaded = refresh_index(db, FingerprintIndex())
    ids = sorted(loaded.clips)
    decoded = decode(ids) if decode is not None else [None] * len(ids)
    running = FingerprintIndex()
    rows: list[dict[str, Any]] = []
    regions: dict[int, list] = {}
    for n, (clip_id, fresh) in enumerate(zip(ids, decoded, strict=True), start=1):
        clip = loaded.clips[clip_id]
        query = fresh if fresh is not None else clip.fingerprint
        for other, stretches in running.match(query, still=clip.still).items():
            rows += match_rows(clip_id, other, stretches)
        kept = clip.fingerprint
        if fresh is not None:
            # A clip decoded again gets the footage regions it may have lacked (m009).
            kept.regions = regions[clip_id] = fresh.stored().regions
        running.add(clip_id, kept, still=clip.still)
        if on_progress:
            on_progress(n, len(ids))
    with transaction(db):
        db.execute("DELETE FROM clip_matches")
        if rows:
            db["clip_matches"].insert_all(rows)
        regroup_all(db)
        for clip_id, found in regions.items():
            save_regions(db, clip_id, found)
        # The items follow the new matches; the volunteers' merges and splits hold.
        refresh_all_footage(db)
    if regions and has_index_on_disk(db):
        rebuild_index(db)  # the regions decoded again are rows of the index too
    return len(rows)


OTHER_CLIP_FACTS = """
    SELECT c.file_name AS other_file_name, c.duration_seconds AS other_duration_seconds,
           c.media_type AS other_media_type,
           (SELECT group_concat(DISTINCT coalesce(s.outlet, s.platform)) FROM sightings s
             WHERE s.clip_id = c.id) AS other_seen_at,
           (SELECT group_concat(DISTINCT s.posted_by) FROM sightings s
             WHERE s.clip_id = c.id) AS other_posted_by
    FROM clips c WHERE c.id = ?
"""


def matches_of(db: sqlite_utils.Database, clip_id: int) -> list[dict[str, Any]]:
    """Every match of a clip with the other clip's main facts, grouped by other clip."""
    rows = db.query(
        "SELECT * FROM clip_matches WHERE clip_id = ? ORDER BY other_clip_id, start_seconds",
        [clip_id],
    )
    return with_other_clip_facts(db, list(rows))


def with_other_clip_facts(
    db: sqlite_utils.Database, rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """clip_matches-shaped rows with the other clip's name, length and where it was seen."""
    facts = {
        other: next(db.query(OTHER_CLIP_FACTS, [other]))
        for other in {r["other_clip_id"] for r in rows}
    }
    return [{**r, **facts[r["other_clip_id"]]} for r in rows]


def footage_groups(
    db: sqlite_utils.Database, *, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """The sets of clips that share footage, each with its members, earliest sighting first:
    every one, or `limit` of them from the `offset`-th.

    A page is read in two steps: the order of every group (each member's first sighting and
    group, no more), then the page's groups in full; a million-clip catalog has half a
    million members, and the whole listing takes seconds more than a page of it."""
    with collector_paused():
        if limit is None and not offset:
            cursor = db.execute("SELECT * FROM clip_groups")
            return _in_order(cursor.description, cursor.fetchall())
        page = _group_order(db)[offset : None if limit is None else offset + limit]
        cursors = each_in(db, "SELECT * FROM clip_groups WHERE group_id IN", page)
        if not cursors:
            return []
        return _in_order(cursors[0].description, [row for c in cursors for row in c])


def _group_order(db: sqlite_utils.Database) -> list[int]:
    """Every group id, by its earliest first sighting (none first), then by id."""
    earliest: dict[int, str] = {}
    for group_id, first_seen in db.execute(
        "SELECT g.group_id, f.first_seen FROM clip_group_members g"
        " JOIN clip_first_seen f ON f.clip_id = g.clip_id"
    ):
        seen = first_seen or ""
        if seen < earliest.get(group_id, "\U0010ffff"):
            earliest[group_id] = seen
    return sorted(earliest, key=lambda g: (earliest[g], g))


def _in_order(description, rows: list[tuple]) -> list[dict[str, Any]]:
    """clip_groups rows as groups, in _group_order's order, members earliest first."""
    # Sorted here, not by SQL: a temporary B-tree of every row doubles the query's time on a
    # million-clip catalog. Rows stay tuples until they are in order.
    names = [d[0] for d in description]
    group, clip, first = (names.index(n) for n in ("group_id", "clip_id", "first_seen"))
    groups: dict[int, list[tuple]] = {}
    for row in rows:
        groups.setdefault(row[group], []).append(row)
    for members in groups.values():
        members.sort(key=lambda m: (m[first] is not None, m[first] or "", m[clip]))
    # Members with no first sighting sort first, so the first member's is the group's earliest.
    ordered = sorted(groups.values(), key=lambda ms: (ms[0][first] or "", ms[0][group]))
    return [
        {
            "group_id": members[0][group],
            "clips": [dict(zip(names, m, strict=True)) for m in members],
        }
        for members in ordered
    ]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while half a million rows become objects: it would walk
    them again and again as they are made (0.5 s of `groups` at a million clips), and rows,
    lists and dicts of plain values make no cycles to collect."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
