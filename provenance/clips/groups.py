"""Groups of clips that share footage: the connected parts of `clip_matches`, kept in
`clip_group_members` as clips are matched, forgotten and rematched.

The clip_groups view used to find them with a recursive query over every match, which grows
with the square of a group's size (over 30 minutes on a million-clip catalog). Each write
that changes a clip's matches now recomputes only the groups around it, so the view and
`provenance groups` read a table. A group is numbered by its lowest clip id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import sqlite_utils

IN_CHUNK = 500  # values in one "IN (...)" list, well under SQLite's limit on parameters


def regroup(db: sqlite_utils.Database, clip_ids: Iterable[int]) -> None:
    """Recompute the groups of `clip_ids` and of every clip that shared a group with one
    of them. Call it inside the write transaction that changed their matches; the cost
    follows the size of those groups, never the catalog's."""
    seeds = set(clip_ids)
    if not seeds:
        return
    old = _column(db, "SELECT DISTINCT group_id FROM clip_group_members WHERE clip_id IN", seeds)
    affected = seeds | _column(db, "SELECT clip_id FROM clip_group_members WHERE group_id IN", old)
    group_of: dict[int, int] = {}
    for start in sorted(affected):
        if start not in group_of:
            component = _component(db, start)
            first = min(component)
            group_of.update(dict.fromkeys(component, first))
    affected |= set(group_of)
    each_in(db, "DELETE FROM clip_group_members WHERE clip_id IN", affected)
    sizes = Counter(group_of.values())
    rows = [{"clip_id": c, "group_id": g} for c, g in group_of.items() if sizes[g] > 1]
    if rows:
        db["clip_group_members"].insert_all(rows)


def join_group(db: sqlite_utils.Database, clip_id: int, matched: Iterable[int]) -> None:
    """A clip in no group yet (just logged) joins the groups of the clips it matched, which
    become one: their members are renumbered, no match is walked. A clip that was in a group
    may leave it when its matches change: that is `regroup`."""
    others = set(matched) - {clip_id}
    if _column(db, "SELECT clip_id FROM clip_group_members WHERE clip_id IN", [clip_id]):
        regroup(db, [clip_id, *others])
        return
    if not others:
        return
    joined = _column(
        db, "SELECT DISTINCT group_id FROM clip_group_members WHERE clip_id IN", others
    )
    number = min([clip_id, *others, *joined])
    each_in(db, "UPDATE clip_group_members SET group_id = ? WHERE group_id IN", joined, number)
    grouped = _column(db, "SELECT clip_id FROM clip_group_members WHERE clip_id IN", others)
    db["clip_group_members"].insert_all(
        {"clip_id": c, "group_id": number} for c in sorted({clip_id} | (others - grouped))
    )


def regroup_all(db: sqlite_utils.Database) -> None:
    """Every group anew from every match (after `rematch`, which rewrites them all)."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in db.execute("SELECT clip_id, other_clip_id FROM clip_matches"):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    db.execute("DELETE FROM clip_group_members")
    db["clip_group_members"].insert_all(
        ({"clip_id": c, "group_id": root(c)} for c in sorted(parent)), batch_size=10_000
    )


def _component(db: sqlite_utils.Database, start: int) -> set[int]:
    """The clips reachable from `start` through clip_matches (itself alone if none)."""
    seen, frontier = {start}, [start]
    while frontier:
        found = _column(
            db, "SELECT DISTINCT other_clip_id FROM clip_matches WHERE clip_id IN", frontier
        )
        frontier = sorted(found - seen)
        seen |= found
    return seen


def _column(db: sqlite_utils.Database, sql: str, values: Iterable[int]) -> set[int]:
    """The first column of `sql` + " (?, ?, ...)" over `values`."""
    return {row[0] for cursor in each_in(db, sql, values) for row in cursor}


def each_in(db: sqlite_utils.Database, sql: str, values: Iterable[int], *before: object) -> list:
    """`sql` + " (?, ?, ...)" run over `values` in chunks SQLite accepts (`before`: the
    parameters ahead of the list); the cursors, in order."""
    ordered = sorted(values)
    return [
        db.execute(f"{sql} ({','.join('?' * len(chunk))})", [*before, *chunk])
        for chunk in (ordered[i : i + IN_CHUNK] for i in range(0, len(ordered), IN_CHUNK))
    ]


def group_count(db: sqlite_utils.Database) -> int:
    """How many groups of clips that share footage there are."""
    return db.execute("SELECT count(DISTINCT group_id) FROM clip_group_members").fetchone()[0]
