"""A volunteer's word on which clips and mentions are one footage.

- Links: this clip is the footage of that mention (mention_clips), these two mentions are one
  footage (mention_links). A link accepts the suggestion between the two, if there was one;
  unlinking rejects it, so that it is not proposed again.
- Merges and splits of footage items, kept as decisions (footage_decisions) that every
  recomputation honours.
"""

import sqlite_utils

from ..catalog.db import transaction
from ..errors import BadInputError, NotFoundError
from ..timeutil import now_iso
from . import items, suggest
from .items import Node


def link_clip_to_mention(
    db: sqlite_utils.Database, clip_id: int, mention_id: int, *, linked_by: str | None
) -> bool:
    """Record that a clip is the footage a mention speaks of; False when already linked."""
    return _link(db, ("clip", clip_id), ("mention", mention_id), linked_by)


def unlink_clip_from_mention(
    db: sqlite_utils.Database, clip_id: int, mention_id: int, *, by: str | None = None
) -> bool:
    """Undo `link_clip_to_mention`; False when the two were not linked."""
    return _unlink(db, ("clip", clip_id), ("mention", mention_id), by)


def link_mentions(
    db: sqlite_utils.Database, mention_id: int, other_id: int, *, linked_by: str | None
) -> bool:
    """Record that two mentions speak of one footage; False when already linked."""
    if mention_id == other_id:
        raise BadInputError(f"mention {mention_id} is one mention: name two")
    return _link(db, ("mention", mention_id), ("mention", other_id), linked_by)


def unlink_mentions(
    db: sqlite_utils.Database, mention_id: int, other_id: int, *, by: str | None = None
) -> bool:
    """Undo `link_mentions`; False when the two were not linked."""
    return _unlink(db, ("mention", mention_id), ("mention", other_id), by)


def merge_footage(
    db: sqlite_utils.Database, footage_id: int, other_id: int, *, by: str | None
) -> int:
    """A volunteer's decision that two items are one footage; returns the merged item's id.

    Kept as a "together" decision between one member of each (and any "apart" decision
    between their members is withdrawn), so every later recomputation keeps them together.
    """
    with transaction(db):
        if footage_id == other_id:
            raise BadInputError(f"footage {footage_id} and footage {other_id} are one item")
        a, b = items.require_members(db, footage_id), items.require_members(db, other_id)
        for x in a:
            for y in b:
                items.delete_decision(db, "apart", x, y)
        items.record_decision(db, "together", a[0], b[0], by)
        items.refresh_footage(db, a + b)
        return items.item_of(db, a[0])


def split_footage(
    db: sqlite_utils.Database, footage_id: int, leaving: list[Node], *, by: str | None
) -> tuple[int, int]:
    """A volunteer's decision that `leaving` (clips and mentions of one item) are other
    footage than the rest; returns (the rest's item, the leaving members' item).

    Kept as "apart" decisions between each leaving member and each staying one. The links the
    volunteers made across the cut (mention_clips, mention_links, "together" decisions) are
    withdrawn, as `unlink` withdraws them, since the split says they were wrong; clip_matches
    stay (they are what the pictures say) but no longer join the two.
    """
    with transaction(db):
        members = items.require_members(db, footage_id)
        strangers = [n for n in leaving if n not in members]
        if strangers:
            raise BadInputError(
                f"{items.node_name(strangers[0])} is not in footage {footage_id} "
                f"(its members: {', '.join(map(items.node_name, members))})"
            )
        staying = [n for n in members if n not in leaving]
        if not leaving or not staying:
            raise BadInputError(
                f"name some, not all, of footage {footage_id}'s members to split off"
            )
        for x in leaving:
            for y in staying:
                items.delete_decision(db, "together", x, y)
                _withdraw(db, x, y, by)
                items.record_decision(db, "apart", x, y, by)
        items.refresh_footage(db, members, keep_number_with=staying)
        return items.item_of(db, staying[0]), items.item_of(db, leaving[0])


def _link(db: sqlite_utils.Database, a: Node, b: Node, by: str | None) -> bool:
    with transaction(db):
        _require(db, a, b)
        table, columns, params = _link_row(a, b)
        cursor = db.execute(
            f"INSERT OR IGNORE INTO {table} ({columns[0]}, {columns[1]}, linked_by, linked_at)"
            " VALUES (?, ?, ?, ?)",
            [*params, by, now_iso()],
        )
        suggest.decide_pair(db, a, b, "accepted", by)
        items.refresh_footage(db, [a, b])
        return cursor.rowcount == 1


def _unlink(db: sqlite_utils.Database, a: Node, b: Node, by: str | None) -> bool:
    with transaction(db):
        _require(db, a, b)
        removed = _withdraw(db, a, b, by)
        items.refresh_footage(db, [a, b])
        return removed


def _withdraw(db: sqlite_utils.Database, a: Node, b: Node, by: str | None) -> bool:
    """Delete the link between two nodes (if any) and reject the suggestion between them;
    whether there was a link. Two clips have no link of a volunteer's, only matches."""
    if a[0] == b[0] == "clip":
        return False
    table, columns, params = _link_row(a, b)
    cursor = db.execute(f"DELETE FROM {table} WHERE {columns[0]} = ? AND {columns[1]} = ?", params)
    suggest.decide_pair(db, a, b, "rejected", by)
    return cursor.rowcount == 1


def _link_row(a: Node, b: Node) -> tuple[str, tuple[str, str], list[int]]:
    """(table, its two columns, their values) of the link between a clip and a mention or
    between two mentions (the lower number first)."""
    (ka, ia), (_, ib) = sorted((a, b))
    if ka == "clip":
        return "mention_clips", ("clip_id", "mention_id"), [ia, ib]
    return "mention_links", ("mention_id", "other_mention_id"), [ia, ib]


def _require(db: sqlite_utils.Database, *nodes: Node) -> None:
    for node in nodes:
        if not items.exists(db, node):
            raise NotFoundError(f"no {items.node_name(node)} in the catalog")
