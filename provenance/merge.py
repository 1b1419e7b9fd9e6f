"""Fold another volunteer's catalog into this one (`provenance merge OTHER.db`).

The result is what logging and ingesting everything into one catalog gives:
- each of the other's clips goes through `save_clip`, as `log` would have saved it: the same
  file (by SHA-256) is one clip, every sighting is kept once, and a new clip is matched
  against everything here. Its fingerprint is decoded again where the file is on disk with
  the same bytes (as `log` does), else read from the other catalog;
- each of the other's articles is extracted again from its text and saved as `ingest` would
  (the same text is one article);
- then what the other's volunteers decided is carried over, re-keyed: links of clips to
  mentions and of mentions to each other, merges and splits of footage, rejected
  suggestions, custody checks.
A mention is known across catalogs by its article's text and its position in it. Every step
is its own short transaction and adds nothing it already added, so a merge that is stopped can
simply be run again, and running it twice adds nothing twice.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from .catalog.db import open_catalog, transaction
from .clips.fingerprint import Fingerprint, fingerprint_file
from .clips.index_files import open_index
from .clips.log import save_clip
from .clips.probe import sha256_of
from .clips.stored import stored_fingerprints
from .errors import BadInputError
from .footage import items, links, suggest
from .reports.extract import extract_report
from .reports.ingest import save_article
from .reports.read import Report

# The sighting fields save_clip writes (its id and clip are given there).
SIGHTING_COLUMNS = (
    "path", "path_given", "source_url", "platform", "posted_by", "outlet", "posted_at", "title",
    "description", "note", "logged_by", "logged_at", "info_json",
)  # fmt: skip


@dataclass
class MergeResult:
    """What a merge added (and what it could not carry over, one line each)."""

    clips_added: int = 0
    clips_known: int = 0
    sightings_added: int = 0
    articles_added: int = 0
    articles_known: int = 0
    links_added: int = 0
    decisions_added: int = 0
    checks_added: int = 0
    skipped: list[str] = field(default_factory=list)


def merge_catalog(
    db: sqlite_utils.Database,
    other_path: str | Path,
    *,
    by: str | None = None,
    on_progress: Callable[[str, int, int], None] | None = None,
) -> MergeResult:
    """Fold the catalog at `other_path` into `db`; see the module's docstring."""
    other_path = Path(other_path)
    other = open_catalog(other_path, write=False)
    if Path(db.conn.execute("PRAGMA database_list").fetchone()[2]).resolve() == (
        other_path.resolve()
    ):
        raise BadInputError(f"{other_path}: is this catalog itself")
    result = MergeResult()
    clip_ids = _merge_clips(db, other, result, on_progress)
    mention_ids = _merge_articles(db, other, result, on_progress)
    _merge_links(db, other, clip_ids, mention_ids, result, by)
    _merge_decisions(db, other, clip_ids, mention_ids, result)
    _merge_checks(db, other, clip_ids, result)
    return result


def _merge_clips(db, other, result: MergeResult, on_progress) -> dict[int, int]:
    """Every clip of the other catalog saved here; returns other clip id -> clip id here."""
    mapped: dict[int, int] = {}
    index = open_index(db)
    rows = list(other.query("SELECT * FROM clips ORDER BY id"))
    for n, clip in enumerate(rows, start=1):
        sightings = list(
            other.query("SELECT * FROM sightings WHERE clip_id = ? ORDER BY id", [clip["id"]])
        )
        known = db.execute("SELECT id FROM clips WHERE sha256 = ?", [clip["sha256"]]).fetchone()
        fingerprint = None if known else _fingerprint_of(other, clip)
        record = {k: v for k, v in clip.items() if k not in ("id", "first_logged_at")}
        for k, sighting in enumerate(sightings or [None]):
            row = _sighting_row(sighting, clip)
            clip_id, new_clip, new_sighting, _ = save_clip(
                db, record, row, fingerprint if k == 0 else None, index
            )
            index.flush_if_due()
            result.clips_added += new_clip
            result.sightings_added += new_sighting
        result.clips_known += known is not None
        mapped[clip["id"]] = clip_id
        if on_progress:
            on_progress("clips", n, len(rows))
    return mapped


def _sighting_row(sighting: dict[str, Any] | None, clip: dict[str, Any]) -> dict[str, Any]:
    """The other's sighting as `save_clip` takes one (a clip with none gets its first path)."""
    if sighting is None:
        sighting = {
            "path": clip["path"],
            "path_given": clip["path"],
            "logged_at": clip["first_logged_at"],
        }
    return {c: sighting.get(c) for c in SIGHTING_COLUMNS}


def _fingerprint_of(other, clip: dict[str, Any]) -> Fingerprint | None:
    """The clip's fingerprint as `log` would make it: decoded again where the same file is on
    disk here, else as the other catalog kept it (its kept view and regions)."""
    still = clip["media_type"] == "still"
    path = Path(clip["path"])
    try:
        if path.is_file() and sha256_of(path) == clip["sha256"]:
            return fingerprint_file(path, still=still, expected_seconds=clip["duration_seconds"])
    except (BadInputError, OSError):
        pass
    stored = next(stored_fingerprints(other, clip_id=clip["id"]), None)
    return stored[1] if stored else None


def _merge_articles(db, other, result: MergeResult, on_progress) -> dict[int, int]:
    """Every article of the other catalog, extracted again and saved here; returns other
    mention id -> mention id here (by the article's text and the mention's position)."""
    mapped: dict[int, int] = {}
    rows = list(other.query("SELECT * FROM articles ORDER BY id"))
    for n, article in enumerate(rows, start=1):
        report = Report(
            source=article["source"],
            text=article["text"],
            title=article["title"],
            site_name=article["site_name"],
            date=article["published"],
            url=article["url"],
            encoding=article["encoding"],
            format=article["format"],
        )
        extracted = extract_report(report, reference_date=article["published"])
        article_id, new, _ = save_article(
            db,
            extracted,
            article["text"],
            fmt=article["format"],
            encoding=article["encoding"],
            url=article["url"],
            published=article["published"],
            ingested_by=article["ingested_by"],
        )
        result.articles_added += new
        result.articles_known += not new
        here = dict(
            db.execute("SELECT position, id FROM mentions WHERE article_id = ?", [article_id])
        )
        for position, mention_id in other.execute(
            "SELECT position, id FROM mentions WHERE article_id = ?", [article["id"]]
        ):
            if position in here:
                mapped[mention_id] = here[position]
        if on_progress:
            on_progress("reports", n, len(rows))
    return mapped


def _merge_links(db, other, clip_ids, mention_ids, result: MergeResult, by) -> None:
    """The other's volunteers' links, re-keyed; a link to a mention the text no longer gives
    (extracted by another version) is reported, not guessed."""
    for clip_id, mention_id, linked_by in other.execute(
        "SELECT clip_id, mention_id, linked_by FROM mention_clips"
    ):
        if mention_id not in mention_ids:
            result.skipped.append(
                f"link of clip {clip_id} to mention {mention_id}: no such mention here"
            )
            continue
        result.links_added += links.link_clip_to_mention(
            db, clip_ids[clip_id], mention_ids[mention_id], linked_by=linked_by or by
        )
    for a, b, linked_by in other.execute(
        "SELECT mention_id, other_mention_id, linked_by FROM mention_links"
    ):
        if a not in mention_ids or b not in mention_ids:
            result.skipped.append(f"link of mentions {a} and {b}: no such mention here")
            continue
        result.links_added += links.link_mentions(
            db, mention_ids[a], mention_ids[b], linked_by=linked_by or by
        )


def _merge_decisions(db, other, clip_ids, mention_ids, result: MergeResult) -> None:
    """Merges, splits and rejected suggestions, re-keyed."""
    ids = {"clip": clip_ids, "mention": mention_ids}
    with transaction(db):
        touched = []
        for decision, kind, item, other_kind, other_item, decided_by, decided_at in other.execute(
            "SELECT decision, kind, item_id, other_kind, other_item_id, decided_by, decided_at"
            " FROM footage_decisions"
        ):
            a, b = ids[kind].get(item), ids[other_kind].get(other_item)
            if a is None or b is None:
                result.skipped.append(f"{decision} of {kind} {item} and {other_kind} {other_item}")
                continue
            (ka, ia), (kb, ib) = sorted(((kind, a), (other_kind, b)))
            cursor = db.execute(
                "INSERT OR IGNORE INTO footage_decisions (decision, kind, item_id, other_kind,"
                " other_item_id, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [decision, ka, ia, kb, ib, decided_by, decided_at],
            )
            result.decisions_added += cursor.rowcount == 1
            touched += [(ka, ia), (kb, ib)]
        for kind, clip, mention, other_mention, decided_by, decided_at in other.execute(
            "SELECT kind, clip_id, mention_id, other_mention_id, decided_by, decided_at"
            " FROM suggestions WHERE status = 'rejected'"
        ):
            m = mention_ids.get(mention)
            o = clip_ids.get(clip) if kind == "clip_mention" else mention_ids.get(other_mention)
            if m is not None and o is not None:
                side = "clip" if kind == "clip_mention" else "mention"
                suggest.decide_pair(
                    db, (side, o), ("mention", m), "rejected", decided_by, at=decided_at,
                    only_open=True,
                )  # fmt: skip
        items.refresh_footage(db, touched)


def _merge_checks(db, other, clip_ids, result: MergeResult) -> None:
    """The other's custody checks (`verify`), each kept once."""
    with transaction(db):
        for row in other.query("SELECT * FROM verifications ORDER BY id"):
            clip_id = clip_ids.get(row["clip_id"])
            if clip_id is None:
                continue
            if db.execute(
                "SELECT 1 FROM verifications WHERE clip_id = ? AND path = ? AND checked_at = ?",
                [clip_id, row["path"], row["checked_at"]],
            ).fetchone():
                continue
            db["verifications"].insert(
                {**{k: v for k, v in row.items() if k != "id"}, "clip_id": clip_id}
            )
            result.checks_added += 1
