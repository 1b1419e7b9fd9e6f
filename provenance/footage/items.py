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

from ..errors import NotFoundError
from ..timeutil import now_iso

Node = tuple[str, int]  # ("clip", 42) or ("mention", 17)
# (priority, -strength, a, b, (a's span, b's span) for a match): what joins two nodes.
Edge = tuple[int, float, Node, Node, tuple[float, float] | None]

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
    reach, edges = _reach(db, set(nodes))
    if not reach:
        return
    alive = {n for n in reach if exists(db, n)}
    components = _components(db, alive, edges)
    _store(db, reach, components, set(keep_number_with))


def refresh_all_footage(db: sqlite_utils.Database) -> None:
    """Recompute every item (after `rematch`, which rebuilds every clip_matches row)."""
    nodes = [("clip", i) for (i,) in db.execute("SELECT id FROM clips")]
    nodes += [("mention", i) for (i,) in db.execute("SELECT id FROM mentions")]
    refresh_footage(db, nodes)


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


def item_of(db: sqlite_utils.Database, node: Node) -> int:
    """The item of a node that has one (every clip and mention does, after a refresh)."""
    footage_id = footage_of(db, node)
    if footage_id is None:
        raise NotFoundError(f"{node_name(node)} is in no footage item")
    return footage_id


def node_name(node: Node) -> str:
    return f"{node[0]} {node[1]}"


def require_members(db: sqlite_utils.Database, footage_id: int) -> list[Node]:
    members = members_of(db, footage_id)
    if not members:
        raise NotFoundError(f"no footage {footage_id} in the catalog")
    return members


def _ordered(a: Node, b: Node) -> tuple[Node, Node]:
    return (a, b) if a <= b else (b, a)


def record_decision(db: sqlite_utils.Database, decision: str, a: Node, b: Node, by) -> None:
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


def delete_decision(db: sqlite_utils.Database, decision: str, a: Node, b: Node) -> None:
    a, b = _ordered(a, b)
    db.execute(
        "DELETE FROM footage_decisions WHERE decision = ? AND kind = ? AND item_id = ?"
        " AND other_kind = ? AND other_item_id = ?",
        [decision, *a, *b],
    )


def exists(db: sqlite_utils.Database, node: Node) -> bool:
    table = "clips" if node[0] == "clip" else "mentions"
    return db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [node[1]]).fetchone() is not None


def _edges_of(db: sqlite_utils.Database, node: Node) -> tuple[set[Edge], set[Node]]:
    """The edges at `node` (each pair in one orientation, so both ends give the same edge) and
    the other nodes of its present item, which a recomputation must reach as well."""
    kind, item = node
    edges: set[Edge] = set()
    if kind == "clip":
        for other, start, end, o_start, o_end, similarity in db.execute(
            "SELECT other_clip_id, start_seconds, end_seconds, other_start_seconds,"
            " other_end_seconds, similarity FROM clip_matches WHERE clip_id = ?",
            [item],
        ):
            # Rows come in both directions: the lower clip's row is the edge, and each
            # stretch is an edge of its own (a compilation's parts are judged one by one).
            a, b = ("clip", item), ("clip", other)
            if item < other:
                edges.add((EDGE_MATCH, -similarity, a, b, (end - start, o_end - o_start)))
            else:
                edges.add((EDGE_MATCH, -similarity, b, a, (o_end - o_start, end - start)))
        for (mention_id,) in db.execute(
            "SELECT mention_id FROM mention_clips WHERE clip_id = ?", [item]
        ):
            edges.add((EDGE_LINK, 0.0, node, ("mention", mention_id), None))
    else:
        for (clip_id,) in db.execute(
            "SELECT clip_id FROM mention_clips WHERE mention_id = ?", [item]
        ):
            edges.add((EDGE_LINK, 0.0, ("clip", clip_id), node, None))
        for low, high in db.execute(
            "SELECT mention_id, other_mention_id FROM mention_links"
            " WHERE mention_id = ? OR other_mention_id = ?",
            [item, item],
        ):
            edges.add((EDGE_LINK, 0.0, ("mention", low), ("mention", high), None))
    for k, i, ok, oi in db.execute(
        "SELECT kind, item_id, other_kind, other_item_id FROM footage_decisions"
        " WHERE decision = 'together' AND ((kind = ? AND item_id = ?)"
        " OR (other_kind = ? AND other_item_id = ?))",
        [kind, item, kind, item],
    ):
        edges.add((EDGE_TOGETHER, 0.0, (k, i), (ok, oi), None))
    footage_id = footage_of(db, node)
    return edges, set(members_of(db, footage_id)) if footage_id is not None else set()


def _reach(db: sqlite_utils.Database, start: set[Node]) -> tuple[set[Node], set[Edge]]:
    """Every node joined to `start` by an edge or a present item, and every edge among them."""
    seen, todo = set(start), list(start)
    edges: set[Edge] = set()
    while todo:
        found, comembers = _edges_of(db, todo.pop())
        edges |= found
        for n in comembers | {e[2] for e in found} | {e[3] for e in found}:
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen, edges


def _usable(db: sqlite_utils.Database, edges: set[Edge], nodes: set[Node]) -> list[Edge]:
    """The edges among `nodes` that may join items, strongest first: a match with a clip that
    a report calls a compilation only where the stretch is most of both clips."""
    edges = {e for e in edges if e[2] in nodes and e[3] in nodes}
    clips = sorted({i for e in edges if e[0] == EDGE_MATCH for _, i in (e[2], e[3])})
    compilations = _compilation_clips(db, clips)
    durations = (
        dict(
            db.execute(
                f"SELECT id, duration_seconds FROM clips WHERE id IN ({','.join('?' * len(clips))})",
                clips,
            ).fetchall()
        )
        if compilations
        else {}
    )
    usable = [
        (priority, strength, a, b, spans)
        for priority, strength, a, b, spans in edges
        if spans is None
        or not (a[1] in compilations or b[1] in compilations)
        or (_most_of(spans[0], durations.get(a[1])) and _most_of(spans[1], durations.get(b[1])))
    ]
    return sorted(usable, key=lambda e: e[:4])


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


def _components(db: sqlite_utils.Database, nodes: set[Node], edges: set[Edge]) -> list[set[Node]]:
    """Union the nodes along their edges, strongest first, skipping any union that would put
    two nodes a volunteer kept apart into one item."""
    members = {n: {n} for n in nodes}
    root = {n: n for n in nodes}
    apart = _apart(db, nodes)
    for _, _, a, b, _ in _usable(db, edges, nodes):
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
