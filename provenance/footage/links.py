"""A volunteer's links: this clip is the footage of that mention (mention_clips), these two
mentions are one footage (mention_links). Each link accepts the suggestion between the two,
if there was one; unlinking rejects it, so that it is not proposed again."""

import sqlite_utils

from ..catalog.db import transaction
from ..errors import BadInputError, NotFoundError
from ..timeutil import now_iso
from . import items, suggest


def link_clip_to_mention(
    db: sqlite_utils.Database, clip_id: int, mention_id: int, *, linked_by: str | None
) -> bool:
    """Record that a clip is the footage a mention speaks of; False when already linked."""
    with transaction(db):
        _require(db, ("clip", clip_id), ("mention", mention_id))
        cursor = db.execute(
            "INSERT OR IGNORE INTO mention_clips (mention_id, clip_id, linked_by, linked_at)"
            " VALUES (?, ?, ?, ?)",
            [mention_id, clip_id, linked_by, now_iso()],
        )
        _after_link(db, ("clip", clip_id), ("mention", mention_id), linked_by)
        return cursor.rowcount == 1


def unlink_clip_from_mention(
    db: sqlite_utils.Database, clip_id: int, mention_id: int, *, by: str | None = None
) -> bool:
    """Undo `link_clip_to_mention`; False when the two were not linked."""
    with transaction(db):
        _require(db, ("clip", clip_id), ("mention", mention_id))
        cursor = db.execute(
            "DELETE FROM mention_clips WHERE mention_id = ? AND clip_id = ?", [mention_id, clip_id]
        )
        _after_unlink(db, ("clip", clip_id), ("mention", mention_id), by)
        return cursor.rowcount == 1


def link_mentions(
    db: sqlite_utils.Database, mention_id: int, other_id: int, *, linked_by: str | None
) -> bool:
    """Record that two mentions speak of one footage; False when already linked."""
    low, high = sorted((mention_id, other_id))
    if low == high:
        raise BadInputError(f"mention {low} is one mention: name two")
    with transaction(db):
        _require(db, ("mention", low), ("mention", high))
        cursor = db.execute(
            "INSERT OR IGNORE INTO mention_links (mention_id, other_mention_id, linked_by,"
            " linked_at) VALUES (?, ?, ?, ?)",
            [low, high, linked_by, now_iso()],
        )
        _after_link(db, ("mention", low), ("mention", high), linked_by)
        return cursor.rowcount == 1


def unlink_mentions(
    db: sqlite_utils.Database, mention_id: int, other_id: int, *, by: str | None = None
) -> bool:
    """Undo `link_mentions`; False when the two were not linked."""
    low, high = sorted((mention_id, other_id))
    with transaction(db):
        _require(db, ("mention", low), ("mention", high))
        cursor = db.execute(
            "DELETE FROM mention_links WHERE mention_id = ? AND other_mention_id = ?", [low, high]
        )
        _after_unlink(db, ("mention", low), ("mention", high), by)
        return cursor.rowcount == 1


def _after_link(db: sqlite_utils.Database, a: items.Node, b: items.Node, by) -> None:
    suggest.decide_pair(db, a, b, "accepted", by)
    items.refresh_footage(db, [a, b])


def _after_unlink(db: sqlite_utils.Database, a: items.Node, b: items.Node, by) -> None:
    suggest.decide_pair(db, a, b, "rejected", by)
    items.refresh_footage(db, [a, b])


def _require(db: sqlite_utils.Database, *nodes: items.Node) -> None:
    for kind, item in nodes:
        table = "clips" if kind == "clip" else "mentions"
        if not db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [item]).fetchone():
            raise NotFoundError(f"no {kind} {item} in the catalog")
