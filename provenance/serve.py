"""Datasette over the catalog: metadata with every description from the schema docs, and
canned queries for the questions volunteers ask most."""

import json
import sys
from pathlib import Path
from typing import Any

from .catalog.db import is_snapshot
from .catalog.schema_docs import DOCS
from .reports.ingest import MENTIONS_AT_PLACE

CANNED_QUERIES = {
    "mention_chain": {
        "title": "A mention's origin chain, hop by hop",
        "sql": "select position, role, actor, actor_type, platform, date, statement, evidence_text\n"
        "from hop_actors where mention_id = :mention_id order by position",
    },
    "mention_clips": {
        "title": "The clips of a mention",
        "sql": "select c.id, c.file_name, c.duration_seconds, c.sha256, mc.linked_by, mc.linked_at\n"
        "from mention_clips mc join clips c on c.id = mc.clip_id where mc.mention_id = :mention_id",
    },
    "footage_outlets": {
        "title": "Every outlet that carried one footage (all clips sharing footage with a clip)",
        "sql": "select g.clip_id, g.file_name, s.outlet, s.platform, s.posted_by, s.posted_at, s.source_url\n"
        "from clip_groups g join sightings s on s.clip_id = g.clip_id\n"
        "where g.group_id = (select group_id from clip_groups where clip_id = :clip_id)\n"
        "order by coalesce(s.posted_at, s.logged_at)",
    },
    "earliest_sighting": {
        "title": "The earliest sighting of a clip's footage group",
        "sql": "select g.group_id, g.clip_id, g.file_name, g.first_seen, g.seen_at from clip_groups g\n"
        "where g.group_id = (select group_id from clip_groups where clip_id = :clip_id)\n"
        "order by g.first_seen limit 1",
    },
    "footage_timeline": {
        "title": "One footage item's timeline: every dated fact from its reports and clips",
        "sql": "select date, date_from, fact, actor, platform, handle, article_id, mention_id,\n"
        "clip_id, sighting_id, evidence from footage_facts where footage_id = :footage_id\n"
        "order by date is null, date",
    },
    "footage_of_clip": {
        "title": "The footage item of a clip, with every clip and mention in it",
        "sql": "select fm.kind, fm.item_id, i.first_appeared, i.label from footage_members fm\n"
        "join footage_items i on i.footage_id = fm.footage_id where fm.footage_id =\n"
        "(select footage_id from footage_members where kind = 'clip' and item_id = :clip_id)",
    },
    "open_suggestions": {
        "title": "Open suggestions: clips and mentions that may be the same footage",
        "sql": "select id, kind, clip_id, mention_id, other_mention_id, score, evidence\n"
        "from suggestions where status = 'open' order by score desc",
    },
    "place_mentions": {
        "title": "Mentions of a place, however it is spelled",
        "sql": "select o.* from origin_chains o where o.mention_id in (\n  "
        + MENTIONS_AT_PLACE.format(written=":place", english=":place")
        + ")",
    },
}


def datasette_metadata(database: str) -> dict[str, Any]:
    """Datasette metadata: table and column descriptions, canned queries."""
    tables = {}
    for name, docs in DOCS.items():
        entry: dict[str, Any] = {"description": docs.get("", "")}
        columns = {k: v for k, v in docs.items() if k}
        if columns:
            entry["columns"] = columns
        tables[name] = entry
    return {
        "title": "provenance catalog",
        "description": "Clips, sightings and re-post matches; reports, footage mentions and their "
        "stated origin chains. Column descriptions are on each table page.",
        "databases": {database: {"tables": tables, "queries": CANNED_QUERIES}},
    }


def serve_command(db_path: Path, *, host: str, port: int, metadata_path: Path) -> list[str]:
    """The datasette command line that serves the catalog read-only-through-the-web.

    A catalog nobody may write (a shared snapshot) is served immutable (`-i`): Datasette then
    needs no -shm file beside it, which a read-only folder cannot hold.
    """
    metadata_path.write_text(json.dumps(datasette_metadata(db_path.stem), indent=2))
    database = ["-i", str(db_path)] if is_snapshot(db_path) else [str(db_path)]
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        *database,
        "--host",
        host,
        "--port",
        str(port),
        "--metadata",
        str(metadata_path),
        "--setting",
        "default_page_size",
        "50",
    ]
