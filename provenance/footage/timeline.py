"""The timeline of one footage item: every dated fact from every source in order, where the
footage first appeared, what the sources disagree on, and which clip is likely the original.

The facts come from the footage_facts view (the same rows the Datasette canned query shows);
this module only orders them and compares them.
"""

import datetime as dt
from typing import Any

import sqlite_utils

from ..errors import NotFoundError
from ..reports.extract import actor_key, keys_name_one_actor
from . import items, suggest

# Facts of one day in travel order.
FACT_ORDER = [
    "captured",
    "filmed",
    "released",
    "posted",
    "distributed",
    "published",
    "reported",
    "verified",
]
# Facts that say where the footage appeared (not when it was filmed).
APPEARANCES = {"released", "posted", "distributed", "published", "reported"}
# Two sources disagree on a date when their nearest dates are further apart than this.
DATE_DISAGREE_DAYS = 1
# Roles whose actor two reports should agree on.
AGREED_ROLES = {"filmed": "filmed by", "released": "released by", "posted": "posted by"}


def footage_timeline(db: sqlite_utils.Database, footage_id: int) -> dict[str, Any]:
    """Everything the catalog knows of one footage item, as plain data."""
    members = items.members_of(db, footage_id)
    if not members:
        raise NotFoundError(f"no footage {footage_id} in the catalog")
    clip_ids = [i for k, i in members if k == "clip"]
    mention_ids = [i for k, i in members if k == "mention"]
    facts = sorted(
        db.query("SELECT * FROM footage_facts WHERE footage_id = ?", [footage_id]),
        key=lambda f: (
            f["date"] is None,
            f["date"] or "",
            FACT_ORDER.index(f["fact"]),
            f["article_id"] or 0,
            f["clip_id"] or 0,
        ),
    )
    for f in facts:
        f["source"] = _source_of(f)
    appeared = [f for f in facts if f["fact"] in APPEARANCES and f["date"]]
    captured = [f for f in facts if f["fact"] in ("captured", "filmed") and f["date"]]
    clips, mentions = _clips(db, clip_ids), _mentions(db, mention_ids)
    return {
        "footage_id": footage_id,
        "label": _label(db, footage_id),
        "clips": clips,
        "mentions": mentions,
        "facts": facts,
        "first_appeared": appeared[0] if appeared else None,
        "first_captured": captured[0] if captured else None,
        "disagreements": disagreements(db, mentions),
        "original": original_clip(clips),
        "also_in": _also_in(db, clip_ids),
        "suggestions": [s for node in members for s in suggest.open_suggestions_of(db, node)],
    }


def _label(db: sqlite_utils.Database, footage_id: int) -> str | None:
    row = db.execute("SELECT label FROM footage_items WHERE footage_id = ?", [footage_id])
    found = row.fetchone()
    return found[0] if found else None


def _source_of(fact: dict[str, Any]) -> str:
    if fact["sighting_id"]:
        return f"clip {fact['clip_id']} sighting {fact['sighting_id']}"
    if fact["clip_id"]:
        return f"clip {fact['clip_id']} metadata"
    return f"report {fact['article_id']} mention {fact['mention_id']}"


CLIP_FACTS = """
    SELECT c.id, c.file_name, c.media_type, c.duration_seconds, c.width, c.height,
           c.creation_time, c.make, c.model, c.gps_latitude, c.gps_longitude, f.first_seen,
           f.first_seen_from
    FROM clips c JOIN clip_first_seen f ON f.clip_id = c.id WHERE c.id = ?
"""
MENTION_FACTS = """
    SELECT m.id, m.article_id, a.title AS article_title, a.published, m.capture,
           m.description, m.duration_seconds, m.event_date,
           (SELECT group_concat(place_en, ', ') FROM mention_places p
            WHERE p.mention_id = m.id) AS places
    FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.id = ?
"""


def _clips(db: sqlite_utils.Database, clip_ids: list[int]) -> list[dict[str, Any]]:
    return [next(db.query(CLIP_FACTS, [i])) for i in clip_ids]


def _mentions(db: sqlite_utils.Database, mention_ids: list[int]) -> list[dict[str, Any]]:
    return [next(db.query(MENTION_FACTS, [i])) for i in mention_ids]


def _also_in(db: sqlite_utils.Database, clip_ids: list[int]) -> list[dict[str, Any]]:
    """Clips of other items that show part of this footage (a compilation, say)."""
    if not clip_ids:
        return []
    marks = ",".join("?" * len(clip_ids))
    return list(
        db.query(
            f"SELECT m.other_clip_id AS clip_id, fm.footage_id, min(m.other_start_seconds) AS start,"
            f" max(m.other_end_seconds) AS end FROM clip_matches m JOIN footage_members fm"
            f" ON fm.kind = 'clip' AND fm.item_id = m.other_clip_id WHERE m.clip_id IN ({marks})"
            f" AND m.other_clip_id NOT IN ({marks}) GROUP BY m.other_clip_id ORDER BY m.other_clip_id",
            clip_ids + clip_ids,
        )
    )


def disagreements(
    db: sqlite_utils.Database, mentions: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """What the reports of one footage (its mentions, as `_mentions` gives them) state
    differently: who filmed, released or posted it, when, where, how it was filmed. Each
    entry lists every version with the report that states it."""
    if not mentions:
        return []
    mention_ids = [m["id"] for m in mentions]
    marks = ",".join("?" * len(mention_ids))
    hops = list(
        db.query(
            f"SELECT h.*, m.article_id, a.language FROM hop_actors h JOIN mentions m"
            f" ON m.id = h.mention_id JOIN articles a ON a.id = m.article_id"
            f" WHERE h.mention_id IN ({marks}) ORDER BY m.article_id, h.position",
            mention_ids,
        )
    )
    out = []
    for role, about in AGREED_ROLES.items():
        # Names are compared within one language only: "Nationale Garde van Oekraïne" and
        # "National Guard of Ukraine" are one unit that no folding tells apart.
        for language in sorted({h["language"] or "" for h in hops}):
            stated = [
                h
                for h in hops
                if h["role"] == role and h["actor"] and (h["language"] or "") == language
            ]
            versions = _by_article(stated, lambda h: actor_key(h["actor"]), lambda h: h["actor"])
            if _disjoint(versions, keys_name_one_actor):
                out.append({"about": about, "versions": _flatten(versions)})
        dated = [h for h in hops if h["role"] == role and h["date"]]
        by_date = _by_article(dated, lambda h: h["date"][:10], lambda h: h["date"][:10])
        if _dates_apart(by_date):
            out.append({"about": f"{role} on", "versions": _flatten(by_date)})
    places = [
        {"article_id": m["article_id"], "mention_id": m["id"], "key": p.strip(), "value": p.strip()}
        for m in mentions
        if m["places"]
        for p in m["places"].split(",")
    ]
    versions = _by_article(places, lambda p: p["key"], lambda p: p["value"])
    if _disjoint(versions):
        out.append({"about": "place", "versions": _flatten(versions)})
    captures = [
        {
            "article_id": m["article_id"],
            "mention_id": m["id"],
            "key": m["capture"],
            "value": m["capture"],
        }
        for m in mentions
        if m["capture"] not in ("unknown", "compilation")
    ]
    versions = _by_article(captures, lambda c: c["key"], lambda c: c["value"])
    if _disjoint(versions):
        out.append({"about": "filmed with", "versions": _flatten(versions)})
    return out


def _by_article(rows, key, value) -> dict[int, dict[str, dict[str, Any]]]:
    """{article: {key: {value, article_id, mention_id}}}."""
    out: dict[int, dict[str, dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["article_id"], {}).setdefault(
            key(r),
            {"value": value(r), "article_id": r["article_id"], "mention_id": r["mention_id"]},
        )
    return out


def _disjoint(versions: dict[int, dict[str, Any]], same=None) -> bool:
    """Two reports that each state something, and nothing in common (by `same`, else by
    equal keys)."""
    same = same or (lambda x, y: x == y)
    keys = [list(v) for v in versions.values()]
    return any(
        not any(same(x, y) for x in a for y in b) for i, a in enumerate(keys) for b in keys[i + 1 :]
    )


def _dates_apart(versions: dict[int, dict[str, Any]]) -> bool:
    days = [[dt.date.fromisoformat(d) for d in v if _is_day(d)] for v in versions.values()]
    days = [d for d in days if d]
    for i, a in enumerate(days):
        for b in days[i + 1 :]:
            if min(abs((x - y).days) for x in a for y in b) > DATE_DISAGREE_DAYS:
                return True
    return False


def _is_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False


def _flatten(versions: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for by_key in versions.values() for v in by_key.values()]


def original_clip(clips: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The clip (of `_clips`' rows) most likely to be the original, and why: earliest seen,
    longest, largest, with the camera's own metadata. The clip with the most of these wins;
    ties go to the earliest. None without clips."""
    if not clips:
        return None
    videos = [c for c in clips if c["media_type"] == "video"] or clips
    earliest = min((c["first_seen"] for c in videos if c["first_seen"]), default=None)
    longest = max((c["duration_seconds"] or 0 for c in videos), default=0)
    largest = max(((c["width"] or 0) * (c["height"] or 0) for c in videos), default=0)
    ranked = []
    for c in videos:
        reasons = []
        if earliest and c["first_seen"] == earliest:
            reasons.append(f"earliest (first seen {c['first_seen']}, {c['first_seen_from']})")
        if longest and (c["duration_seconds"] or 0) == longest:
            reasons.append(f"longest ({c['duration_seconds']:.1f} s)")
        if largest and (c["width"] or 0) * (c["height"] or 0) == largest:
            reasons.append(f"largest ({c['width']}x{c['height']})")
        camera = " ".join(x for x in (c["make"], c["model"]) if x)
        if camera or c["gps_latitude"] is not None:
            what = [camera] if camera else []
            if c["gps_latitude"] is not None:
                what.append(f"GPS {c['gps_latitude']:.4f}, {c['gps_longitude']:.4f}")
            reasons.append("camera metadata (" + ", ".join(what) + ")")
        ranked.append((-len(reasons), c["first_seen"] or "9999", c["id"], c, reasons))
    _, _, _, best, reasons = min(ranked)
    return {"clip_id": best["id"], "file_name": best["file_name"], "reasons": reasons}
