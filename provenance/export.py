"""Export the catalog: any table or view as CSV or JSON, and origin chains as W3C PROV-JSON.

PROV mapping:
- the footage a mention speaks of, and each clip linked to it, are entities;
- filming, release, posting, distribution, publication and verification are activities;
- actors are agents, associated with the activities they performed;
- each report's account of a chain is a bundle, so that reports that contradict each other
  stand side by side; the bundles share the agents and clips declared at document level.
"""

import csv
import io
import json

import sqlite_utils
from prov.model import ProvDocument

from .errors import BadInputError, NotFoundError
from .footage import items

NS = "https://github.com/provenance-footage/provenance/ns#"
ROLE_ACTIVITY = {
    "filmed": "filming",
    "released": "release",
    "posted": "posting",
    "distributed": "distribution",
    "published": "publication",
    "verified": "verification",
}


def export_rows(db: sqlite_utils.Database, name: str, fmt: str) -> str:
    """A table or view as CSV or JSON (a list of objects)."""
    if name not in db.table_names() + db.view_names() or name.startswith("sqlite_"):
        raise BadInputError(f"no table or view named {name!r} in the catalog")
    rows = list(db.query(f"SELECT * FROM [{name}]"))
    rows = [{k: (v.hex() if isinstance(v, bytes) else v) for k, v in r.items()} for r in rows]
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    out = io.StringIO()
    columns = [c.name for c in db[name].columns]
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) for k, v in r.items()} for r in rows)
    return out.getvalue()


# A cell a spreadsheet would run as a formula starts with one of these (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """Text that starts like a formula gets a leading apostrophe, so a spreadsheet shows it
    as text: a report's title "=HYPERLINK(...)" must not run when a volunteer opens the CSV.
    Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def prov_document(
    db: sqlite_utils.Database, mention_id: int | None = None, *, footage_id: int | None = None
) -> ProvDocument:
    """The origin chain of one mention, of every mention, or of every mention of one footage
    item (the item one entity, each report's account a bundle of it), as a PROV document."""
    where, params = ("WHERE m.id = ?", [mention_id]) if mention_id is not None else ("", [])
    if footage_id is not None:
        members = items.members_of(db, footage_id)
        if not members:
            raise NotFoundError(f"no footage {footage_id} in the catalog")
        ids = [i for k, i in members if k == "mention"] or [-1]
        where, params = f"WHERE m.id IN ({','.join('?' * len(ids))})", ids
    mentions = list(
        db.query(
            f"SELECT m.id, m.article_id, m.capture, m.description, m.duration_seconds, a.title, a.source,"
            f" a.url, a.site_name, a.published FROM mentions m JOIN articles a ON a.id = m.article_id {where}"
            f" ORDER BY m.id",
            params,
        )
    )
    if mention_id is not None and not mentions:
        raise BadInputError(f"no mention {mention_id} in the catalog")
    doc = ProvDocument()
    doc.add_namespace("pv", NS)
    agents_done: set[int] = set()
    clips_done: set[int] = set()
    item = None
    if footage_id is not None:
        item = doc.entity(
            f"pv:footage-item-{footage_id}",
            {"prov:type": "pv:FootageItem", "prov:label": f"footage {footage_id}"},
        )
        for kind, clip_id in members:
            if kind == "clip":
                clip = db.execute(
                    "SELECT file_name, sha256 FROM clips WHERE id = ?", [clip_id]
                ).fetchone()
                clips_done.add(clip_id)
                doc.entity(
                    f"pv:clip-{clip_id}",
                    {"prov:label": clip[0], "pv:sha256": clip[1], "prov:type": "pv:Clip"},
                )
                doc.specializationOf(f"pv:clip-{clip_id}", item)
    for m in mentions:
        hops = list(
            db.query(
                "SELECT * FROM hop_actors WHERE mention_id = ? ORDER BY position",
                [m["id"]],
            )
        )
        for h in hops:
            if h["actor_id"] and h["actor_id"] not in agents_done:
                agents_done.add(h["actor_id"])
                doc.agent(
                    f"pv:actor-{h['actor_id']}",
                    {"prov:label": h["actor_name"], "pv:actorType": h["actor_type"] or "unknown"},
                )
        clips = list(
            db.query(
                "SELECT c.id, c.file_name, c.sha256, c.duration_seconds FROM mention_clips mc"
                " JOIN clips c ON c.id = mc.clip_id WHERE mc.mention_id = ?",
                [m["id"]],
            )
        )
        for c in clips:
            if c["id"] not in clips_done:
                clips_done.add(c["id"])
                doc.entity(
                    f"pv:clip-{c['id']}",
                    {
                        "prov:label": c["file_name"],
                        "pv:sha256": c["sha256"],
                        "prov:type": "pv:Clip",
                    },
                )
        account = doc.bundle(f"pv:account-article-{m['article_id']}-mention-{m['id']}")
        footage = account.entity(
            f"pv:footage-{m['id']}",
            {
                "prov:type": "pv:Footage",
                "prov:label": (m["description"] or "")[:200],
                "pv:capture": m["capture"],
                "pv:article": m["source"],
                **({"pv:url": m["url"]} if m["url"] else {}),
            },
        )
        for c in clips:
            account.specializationOf(f"pv:clip-{c['id']}", footage)
        if item is not None:
            account.specializationOf(footage, item)
        previous = None
        for h in hops:
            activity = account.activity(
                f"pv:hop-{h['id']}",
                other_attributes={
                    "prov:type": f"pv:{ROLE_ACTIVITY[h['role']]}",
                    "pv:evidence": h["evidence_text"],
                    **({"pv:platform": h["platform"]} if h["platform"] else {}),
                    **({"pv:date": h["date"]} if h["date"] else {}),
                    **({"pv:statement": h["statement"]} if h["statement"] else {}),
                },
            )
            if h["actor_id"]:
                account.wasAssociatedWith(activity, f"pv:actor-{h['actor_id']}")
            if h["role"] == "filmed":
                account.wasGeneratedBy(footage, activity)
            else:
                account.used(activity, footage)
            if previous is not None:
                account.wasInformedBy(activity, previous)
            previous = activity
    return doc


def export_prov(
    db: sqlite_utils.Database, mention_id: int | None = None, *, footage_id: int | None = None
) -> str:
    document = prov_document(db, mention_id, footage_id=footage_id)
    return str(document.serialize(format="json", indent=2)) + "\n"
