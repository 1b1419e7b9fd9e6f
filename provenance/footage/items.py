"""Footage items: which clips and mentions are one piece of footage.

An item is a connected part of a graph whose nodes are clips and mentions and whose edges are
the volunteers' decisions ("together"), their links (mention_clips, mention_links) and the
machine's clip_matches. A volunteer's "apart" decision (a split) is a constraint: an edge that
would put two nodes kept apart into one item is skipped, so a rematch or a re-ingest, which
only rebuilds edges, never undoes it. Items are recomputed only around what changed, inside
the write transaction that changed it.
"""

from collections import Counter
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from ..catalog.db import transaction
from ..errors import BadInputError, NotFoundError
from ..timeutil import now_iso

Node = tuple[str, int]  # ("clip", 42) or ("mention", 17)

# A clip that a report calls a compilation holds several pieces of footage: a match joins it
# to another clip's item only when the shared stretch is most of both (a copy of the whole
# compilation), not when it is one of its parts.
WHOLE_COPY_SHARE = 0.8

# Order in which edges are tried: the volunteers' word first, the machine's last.
EDGE_TOGETHER, EDGE_LINK, EDGE_MATCH = 0, 1, 2


def footage_of(db: sqlite_utils.Database, node: Node) -> int | None:
    """The footage item a clip or mention belongs to."""
    row = db.execute(
        "SELECT footage_id FROM footage_members WHERE kind = ? AND item_id = ?", list(node)
    ).fetchone()
    return row[0] if row else None


def members_of(db: sqlite_utils.Database, footage_id: int) -> list[Node]:
    return [
        (kind, item)
        for kind, item in db.execute(
            "SELECT kind, item_id FROM footage_members WHERE footage_id = ? ORDER BY kind, item_id",
            [footage_id],
        )
    ]


def refresh_footage(
    db: sqlite_utils.Database, nodes: Iterable[Node], *, keep_number_with: Iterable[Node] = ()
) -> None:
    """Recompute the items of `nodes` and of everything joined to them, now or before.

    Call inside the write transaction that changed their links; a node that no longer
    exists (a forgotten clip) leaves its item. Where an item comes apart, the part holding
    most of its old members keeps its number, or the part with `keep_number_with` in it.
    """
    reach = _reach(db, set(nodes))
    if not reach:
        return
    alive = {n for n in reach if _exists(db, n)}
    components = _components(db, alive)
    _store(db, reach, components, set(keep_number_with))


def refresh_all_footage(db: sqlite_utils.Database) -> None:
    """Recompute every item (after `rematch`, which rebuilds every clip_matches row)."""
    nodes = [("clip", i) for (i,) in db.execute("SELECT id FROM clips")]
    nodes += [("mention", i) for (i,) in db.execute("SELECT id FROM mentions")]
    refresh_footage(db, nodes)


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
        a, b = _require_members(db, footage_id), _require_members(db, other_id)
        for x in a:
            for y in b:
                _delete_decision(db, "apart", x, y)
        _record_decision(db, "together", a[0], b[0], by)
        refresh_footage(db, a + b)
        return _item_of(db, a[0])


def split_footage(
    db: sqlite_utils.Database, footage_id: int, leaving: list[Node], *, by: str | None
) -> tuple[int, int]:
    """A volunteer's decision that `leaving` (clips and mentions of one item) are other
    footage than the rest; returns (the rest's item, the leaving members' item).

    Kept as "apart" decisions between each leaving member and each staying one. The links the
    volunteers made across the cut (mention_clips, mention_links, "together" decisions) are
    withdrawn, since the split says they were wrong; clip_matches stay (they are what the
    pictures say) but no longer join the two.
    """
    with transaction(db):
        members = _require_members(db, footage_id)
        strangers = [n for n in leaving if n not in members]
        if strangers:
            raise BadInputError(
                f"{_name(strangers[0])} is not in footage {footage_id} "
                f"(its members: {', '.join(map(_name, members))})"
            )
        staying = [n for n in members if n not in leaving]
        if not leaving or not staying:
            raise BadInputError(
                f"name some, not all, of footage {footage_id}'s members to split off"
            )
        for x in leaving:
            for y in staying:
                _delete_decision(db, "together", x, y)
                _delete_link(db, x, y)
                _record_decision(db, "apart", x, y, by)
        refresh_footage(db, members, keep_number_with=staying)
        return _item_of(db, staying[0]), _item_of(db, leaving[0])


def list_footage(db: sqlite_utils.Database, *, every: bool = False) -> list[dict[str, Any]]:
    """Every footage item, earliest known appearance first (undated last). Without `every`,
    only items with more than one member or with a report: the ones with a story."""
    where = "" if every else "WHERE clips + mentions > 1 OR mentions > 0"
    return list(
        db.query(
            f"SELECT * FROM footage_items {where}"
            " ORDER BY first_appeared IS NULL, first_appeared, footage_id"
        )
    )


def blocked_by_split(db: sqlite_utils.Database, a: Node, b: Node) -> bool:
    """Whether two nodes a volunteer linked stay in different items (a split keeps them apart)."""
    return footage_of(db, a) != footage_of(db, b)


def _item_of(db: sqlite_utils.Database, node: Node) -> int:
    """The item of a node that has one (every clip and mention does, after a refresh)."""
    footage_id = footage_of(db, node)
    if footage_id is None:
        raise NotFoundError(f"{_name(node)} is in no footage item")
    return footage_id


def _name(node: Node) -> str:
    return f"{node[0]} {node[1]}"


def _require_members(db: sqlite_utils.Database, footage_id: int) -> list[Node]:
    members = members_of(db, footage_id)
    if not members:
        raise NotFoundError(f"no footage {footage_id} in the catalog")
    return members


def _ordered(a: Node, b: Node) -> tuple[Node, Node]:
    return (a, b) if a <= b else (b, a)


def _record_decision(db: sqlite_utils.Database, decision: str, a: Node, b: Node, by) -> None:
    a, b = _ordered(a, b)
    db.execute(
        "DELETE FROM footage_decisions WHERE kind = ? AND item_id = ? AND other_kind = ?"
        " AND other_item_id = ?",
        [*a, *b],
    )
    db.execute(
        "INSERT INTO footage_decisions (decision, kind, item_id, other_kind, other_item_id,"
        " decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [decision, *a, *b, by, now_iso()],
    )


def _delete_decision(db: sqlite_utils.Database, decision: str, a: Node, b: Node) -> None:
    a, b = _ordered(a, b)
    db.execute(
        "DELETE FROM footage_decisions WHERE decision = ? AND kind = ? AND item_id = ?"
        " AND other_kind = ? AND other_item_id = ?",
        [decision, *a, *b],
    )


def _delete_link(db: sqlite_utils.Database, a: Node, b: Node) -> None:
    """Withdraw a volunteer's link between two nodes, and mark its suggestion rejected."""
    a, b = _ordered(a, b)
    if a[0] == "clip" and b[0] == "mention":
        db.execute("DELETE FROM mention_clips WHERE clip_id = ? AND mention_id = ?", [a[1], b[1]])
        db.execute(
            "UPDATE suggestions SET status = 'rejected' WHERE kind = 'clip_mention'"
            " AND clip_id = ? AND mention_id = ?",
            [a[1], b[1]],
        )
    elif a[0] == b[0] == "mention":
        db.execute(
            "DELETE FROM mention_links WHERE mention_id = ? AND other_mention_id = ?",
            [a[1], b[1]],
        )
        db.execute(
            "UPDATE suggestions SET status = 'rejected' WHERE kind = 'mention_mention'"
            " AND mention_id = ? AND other_mention_id = ?",
            [a[1], b[1]],
        )


def _exists(db: sqlite_utils.Database, node: Node) -> bool:
    table = "clips" if node[0] == "clip" else "mentions"
    return db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [node[1]]).fetchone() is not None


def _neighbours(db: sqlite_utils.Database, node: Node) -> set[Node]:
    """Every node an edge or a shared item joins to `node`, before any constraint."""
    kind, item = node
    out: set[Node] = set()
    if kind == "clip":
        out |= {
            ("clip", i)
            for (i,) in db.execute(
                "SELECT DISTINCT other_clip_id FROM clip_matches WHERE clip_id = ?", [item]
            )
        }
        out |= {
            ("mention", i)
            for (i,) in db.execute("SELECT mention_id FROM mention_clips WHERE clip_id = ?", [item])
        }
    else:
        out |= {
            ("clip", i)
            for (i,) in db.execute("SELECT clip_id FROM mention_clips WHERE mention_id = ?", [item])
        }
        out |= {
            ("mention", i)
            for (i,) in db.execute(
                "SELECT other_mention_id FROM mention_links WHERE mention_id = ?"
                " UNION SELECT mention_id FROM mention_links WHERE other_mention_id = ?",
                [item, item],
            )
        }
    out |= {
        (k, i)
        for k, i in db.execute(
            "SELECT other_kind, other_item_id FROM footage_decisions WHERE decision = 'together'"
            " AND kind = ? AND item_id = ? UNION SELECT kind, item_id FROM footage_decisions"
            " WHERE decision = 'together' AND other_kind = ? AND other_item_id = ?",
            [kind, item, kind, item],
        )
    }
    footage_id = footage_of(db, node)
    if footage_id is not None:
        out |= set(members_of(db, footage_id))
    return out


def _reach(db: sqlite_utils.Database, start: set[Node]) -> set[Node]:
    seen, todo = set(start), list(start)
    while todo:
        for n in _neighbours(db, todo.pop()):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


def _edges(db: sqlite_utils.Database, nodes: set[Node]) -> list[tuple[int, float, Node, Node]]:
    """(priority, -strength, a, b) for every edge among `nodes`, strongest first."""
    clips = sorted(i for k, i in nodes if k == "clip")
    mentions = sorted(i for k, i in nodes if k == "mention")
    edges = []
    for node in nodes:
        for k, i in db.execute(
            "SELECT other_kind, other_item_id FROM footage_decisions"
            " WHERE decision = 'together' AND kind = ? AND item_id = ?",
            list(node),
        ):
            edges.append((EDGE_TOGETHER, 0.0, node, (k, i)))
    for clip_id in clips:
        for (mention_id,) in db.execute(
            "SELECT mention_id FROM mention_clips WHERE clip_id = ?", [clip_id]
        ):
            edges.append((EDGE_LINK, 0.0, ("clip", clip_id), ("mention", mention_id)))
    for mention_id in mentions:
        for (other,) in db.execute(
            "SELECT other_mention_id FROM mention_links WHERE mention_id = ?", [mention_id]
        ):
            edges.append((EDGE_LINK, 0.0, ("mention", mention_id), ("mention", other)))
    compilations = _compilation_clips(db, clips)
    durations = (
        dict(
            db.execute(
                f"SELECT id, duration_seconds FROM clips WHERE id IN ({','.join('?' * len(clips))})",
                clips,
            ).fetchall()
        )
        if clips
        else {}
    )
    for clip_id in clips:
        for other, start, end, o_start, o_end, similarity in db.execute(
            "SELECT other_clip_id, start_seconds, end_seconds, other_start_seconds,"
            " other_end_seconds, similarity FROM clip_matches WHERE clip_id = ?"
            " AND other_clip_id > clip_id",
            [clip_id],
        ):
            if ("clip", other) not in nodes:
                continue
            if (clip_id in compilations or other in compilations) and not (
                _most_of(end - start, durations.get(clip_id))
                and _most_of(o_end - o_start, durations.get(other))
            ):
                continue
            edges.append((EDGE_MATCH, -similarity, ("clip", clip_id), ("clip", other)))
    edges = [e for e in edges if e[2] in nodes and e[3] in nodes]
    return sorted(edges)


def _most_of(span: float, duration: float | None) -> bool:
    return duration is not None and duration > 0 and span >= WHOLE_COPY_SHARE * duration


def _compilation_clips(db: sqlite_utils.Database, clips: list[int]) -> set[int]:
    """Clips linked to a mention that a report calls a compilation or that has parts."""
    if not clips:
        return set()
    marks = ",".join("?" * len(clips))
    return {
        i
        for (i,) in db.execute(
            f"SELECT mc.clip_id FROM mention_clips mc JOIN mentions m ON m.id = mc.mention_id"
            f" WHERE mc.clip_id IN ({marks}) AND (m.capture = 'compilation' OR EXISTS"
            f" (SELECT 1 FROM mentions p WHERE p.part_of_mention_id = m.id))",
            clips,
        )
    }


def _apart(db: sqlite_utils.Database, nodes: set[Node]) -> dict[Node, set[Node]]:
    kept: dict[Node, set[Node]] = {}
    for node in nodes:
        for k, i in db.execute(
            "SELECT other_kind, other_item_id FROM footage_decisions WHERE decision = 'apart'"
            " AND kind = ? AND item_id = ? UNION SELECT kind, item_id FROM footage_decisions"
            " WHERE decision = 'apart' AND other_kind = ? AND other_item_id = ?",
            [*node, *node],
        ):
            kept.setdefault(node, set()).add((k, i))
    return kept


def _components(db: sqlite_utils.Database, nodes: set[Node]) -> list[set[Node]]:
    """Union the nodes along their edges, strongest first, skipping any union that would put
    two nodes a volunteer kept apart into one item."""
    members = {n: {n} for n in nodes}
    root = {n: n for n in nodes}
    apart = _apart(db, nodes)
    for _, _, a, b in _edges(db, nodes):
        ra, rb = root[a], root[b]
        if ra == rb:
            continue
        small, big = sorted((ra, rb), key=lambda r: len(members[r]))
        if any(apart.get(x, set()) & members[big] for x in members[small]):
            continue
        for x in members[small]:
            root[x] = big
        members[big] |= members.pop(small)
    return [members[r] for r in members]


def _store(
    db: sqlite_utils.Database,
    reach: set[Node],
    components: list[set[Node]],
    keep_number_with: set[Node],
) -> None:
    """Write the new membership; each old item id goes to the component that holds most of
    its old members, so an item keeps its number through the changes around it."""
    old = {n: footage_of(db, n) for n in reach}
    order = sorted(components, key=lambda c: (-len(c), min(c)))
    claims = []
    for index, component in enumerate(order):
        held = Counter(f for n in component if (f := old[n]) is not None)
        for footage_id, count in held.items():
            claims.append((not (component & keep_number_with), -count, footage_id, index))
    given: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, footage_id, index in sorted(claims):
        if index not in given and footage_id not in taken:
            given[index] = footage_id
            taken.add(footage_id)
    now = now_iso()
    for index, component in enumerate(order):
        if index not in given:
            given[index] = int(
                db.execute("INSERT INTO footage (made_at) VALUES (?)", [now]).lastrowid or 0
            )
        for node in component:
            if old.get(node) != given[index]:
                db.execute(
                    "INSERT OR REPLACE INTO footage_members (footage_id, kind, item_id)"
                    " VALUES (?, ?, ?)",
                    [given[index], *node],
                )
    alive = set().union(*components) if components else set()
    for node in reach - alive:
        db.execute("DELETE FROM footage_members WHERE kind = ? AND item_id = ?", list(node))
    for footage_id in {f for f in old.values() if f} - taken:
        if not db.execute(
            "SELECT 1 FROM footage_members WHERE footage_id = ?", [footage_id]
        ).fetchone():
            db.execute("DELETE FROM footage WHERE id = ?", [footage_id])
