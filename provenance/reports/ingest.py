"""Reports into the catalog: articles, their footage mentions, hops and actors.

`extract_report` is pure; `save_article` writes one article and everything found in it in
one transaction. Re-ingesting the same text changes nothing; a changed text of the same
source is stored as a new version beside the old one.
"""

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from ..catalog.db import LazyCatalog, insert_row, transaction, translate_sqlite_errors
from ..errors import BadInputError, ProvenanceError
from ..files import Found, walk
from ..footage import items as footage
from ..footage import suggest
from ..timeutil import now_iso
from .extract import actor_key, extract_report, initials_match
from .places import place_in_english
from .read import REPORT_SUFFIXES, read_report


@dataclass
class IngestResult:
    path: str
    article_id: int | None = None
    new: bool = False
    version: int = 1
    language: str | None = None
    mentions: int = 0
    hops: int = 0
    suggestions: list[dict[str, Any]] = field(default_factory=list)  # footage it may share
    error: str | None = None


def find_reports(paths: Iterable[str | Path]) -> list[Found]:
    """Files named, and report files (.txt, .md, .html) inside folders, recursively."""
    return list(walk(paths, REPORT_SUFFIXES))


def extract_paths(
    paths: Iterable[str | Path], *, published: str | None = None
) -> tuple[list[dict], list[str]]:
    """Extraction for every report, writing nothing: (articles, errors)."""
    articles, errors = [], []
    for found in find_reports(paths):
        try:
            if found.problem:
                raise BadInputError(f"{found.given}: {found.problem}")
            articles.append(extract_report(read_report(found.path), reference_date=published))
        except ProvenanceError as e:
            errors.append(str(e))
    return articles, errors


def fts_words(typed: str) -> str:
    """A search as the words typed: each word a quoted FTS5 string, all of them required.

    FTS5 reads "T-72" as a column filter, and quotes and NEAR( as its syntax; a volunteer
    means the words. Quotes and brackets split words; a quoted "T-72" is one phrase.
    """
    words = [w for w in re.split(r'[\s()"]+', typed) if w]
    return " ".join(f'"{w}"' for w in words) or '""'


def actor_id(
    db: sqlite_utils.Database, name: str, actor_type: str | None, same_article: set[str]
) -> int:
    """The actor's row, made on first sight; the same actor written another way is one actor
    ('the National Guard of Ukraine', 'National Guard of Ukraine', 'NGU', '@NGUmainpage').

    Initials and handles join only an actor that the same article names in full: matched
    against the whole catalog, "Alpha Foxtrot Unit" would become "Armed Forces of Ukraine".
    """
    key = actor_key(name)
    row = db.execute("SELECT id FROM actors WHERE key = ?", [key]).fetchone()
    if row:
        return row[0]
    for full in same_article:
        if full != name and initials_match(name, full):
            other = db.execute("SELECT id FROM actors WHERE key = ?", [actor_key(full)]).fetchone()
            if other:
                return other[0]
    return insert_row(db, "actors", {"name": name, "key": key, "actor_type": actor_type})


def save_article(
    db: sqlite_utils.Database,
    extracted: dict[str, Any],
    text: str,
    *,
    fmt: str,
    encoding: str,
    url: str | None = None,
    published: str | None = None,
    ingested_by: str | None = None,
) -> tuple[int, bool, int]:
    """Write one article and its mentions; returns (article id, whether new, version)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    # A report's source is where it lives, resolved: "report.txt" in two folders is two
    # sources, and only the same source (or the same URL) makes a new version.
    source = str(Path(extracted["source"]).resolve())
    suggest.warm_up(db)
    with transaction(db):
        # The same text is the same article, whatever path, folder or copy it came from.
        same = db.execute(
            "SELECT id, version FROM articles WHERE text_sha256 = ? ORDER BY id LIMIT 1",
            [digest],
        ).fetchone()
        if same:
            return same[0], False, same[1]
        key_url = url or extracted.get("url")
        previous = db.execute(
            "SELECT id, version FROM articles WHERE source = ? OR (url IS NOT NULL AND url = ?)"
            " ORDER BY version DESC LIMIT 1",
            [source, key_url],
        ).fetchone()
        version = previous[1] + 1 if previous else 1
        article_id = insert_row(
            db,
            "articles",
            {
                "source": source,
                "url": key_url,
                "title": extracted.get("title"),
                "site_name": extracted.get("site_name"),
                "language": extracted["language"],
                "published": published or extracted.get("date"),
                "format": fmt,
                "encoding": encoding,
                "text_sha256": digest,
                "text": text,
                "version": version,
                "previous_version_id": previous[0] if previous else None,
                "ingested_by": ingested_by,
                "ingested_at": now_iso(),
            },
        )
        ids: list[int] = []
        types = {
            h["actor"]: h["actor_type"]
            for m in extracted["mentions"]
            for h in m["hops"]
            if h["actor"]
        }
        named = set(types)
        # Longest names first, so that initials and handles find the full name's row.
        for name in sorted(named, key=len, reverse=True):
            actor_id(db, name, types[name], named)
        for position, m in enumerate(extracted["mentions"], start=1):
            mention_id = insert_row(
                db,
                "mentions",
                {
                    "article_id": article_id,
                    "position": position,
                    "capture": m["capture"],
                    "description": m["description"],
                    "duration_seconds": m["duration_seconds"],
                    "event_date": m["event_date"],
                    "part_of_mention_id": ids[m["part_of"]] if m["part_of"] is not None else None,
                    "quotes": json.dumps(m["quotes"], ensure_ascii=False),
                    "evidence": json.dumps(m["evidence"], ensure_ascii=False),
                },
            )
            ids.append(mention_id)
            db["mention_places"].insert_all(
                [
                    {"mention_id": mention_id, "place": p, "place_en": place_in_english(p) or p}
                    for p in m["places"]
                ],
                ignore=True,
            )
            for hop_position, h in enumerate(m["hops"], start=1):
                db["hops"].insert(
                    {
                        "mention_id": mention_id,
                        "position": hop_position,
                        "role": h["role"],
                        "actor_id": actor_id(db, h["actor"], h["actor_type"], named)
                        if h["actor"]
                        else None,
                        "actor_as_written": h["actor"],
                        "platform": h["platform"],
                        "handle": h["handle"],
                        "date": h["date"],
                        "statement": h["statement"],
                        "evidence_start": h["evidence"]["start"],
                        "evidence_end": h["evidence"]["end"],
                        "evidence_text": h["evidence"]["text"],
                    }
                )
        footage.refresh_footage(db, [("mention", i) for i in ids])
        for mention_id in ids:
            suggest.suggest_for_mention(db, mention_id)
        return article_id, True, version


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    db_path: str | Path | None,
    url: str | None = None,
    published: str | None = None,
    ingested_by: str | None = None,
    on_result: Callable[[IngestResult, int, int], None] | None = None,
) -> list[IngestResult]:
    """Ingest every report under `paths`; a bad file is reported and the rest goes in."""
    files = find_reports(paths)
    if url and len(files) > 1:
        raise BadInputError(
            f"--url is one report's address, and {len(files)} reports were given: "
            "ingest them one at a time with --url, or without it"
        )
    results = []
    with LazyCatalog(db_path) as catalog:
        for found in files:
            result = IngestResult(path=found.given)
            try:
                if found.problem:
                    raise BadInputError(f"{found.given}: {found.problem}")
                report = read_report(found.path)
                extracted = extract_report(report, reference_date=published)
                db = catalog.get()
                with translate_sqlite_errors(db_path or "catalog"):
                    result.article_id, result.new, result.version = save_article(
                        db,
                        extracted,
                        report.text,
                        fmt=report.format,
                        encoding=report.encoding,
                        url=url,
                        published=published,
                        ingested_by=ingested_by,
                    )
                    result.suggestions = [
                        s
                        for (mention_id,) in db.execute(
                            "SELECT id FROM mentions WHERE article_id = ?", [result.article_id]
                        )
                        for s in suggest.open_suggestions_of(db, ("mention", mention_id))
                    ]
                result.language = extracted["language"]
                result.mentions = len(extracted["mentions"])
                result.hops = sum(len(m["hops"]) for m in extracted["mentions"])
            except BadInputError as e:
                result.error = str(e)
            results.append(result)
            if on_result:
                on_result(result, len(results), len(files))
    return results


# Mentions of a place as written or in its English spelling: `mentions --place` and the
# place_mentions canned query (which has only the typed name) fill in the two parameters.
MENTIONS_AT_PLACE = (
    "SELECT mention_id FROM mention_places WHERE place = {written} COLLATE NOCASE"
    " OR place_en = {english} COLLATE NOCASE"
)


def query_mentions(
    db: sqlite_utils.Database,
    *,
    place: str | None = None,
    capture: str | None = None,
    article_id: int | None = None,
    search: str | None = None,
) -> list[dict[str, Any]]:
    """Mentions with their chains, filtered by place (as written or in English), capture kind,
    article, or a full-text search of their descriptions and evidence."""
    where: list[str] = []
    params: list[Any] = []
    if place:
        where.append(f"o.mention_id IN ({MENTIONS_AT_PLACE.format(written='?', english='?')})")
        params += [place, place_in_english(place) or place]
    if capture:
        where.append("o.capture = ?")
        params.append(capture)
    if article_id is not None:
        where.append("o.article_id = ?")
        params.append(article_id)
    if search:
        where.append("o.mention_id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)")
        params.append(fts_words(search))
    sql = (
        "SELECT * FROM origin_chains o"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY o.mention_id"
    )
    return list(db.query(sql, params))


def mention_chain(db: sqlite_utils.Database, mention_id: int) -> dict[str, Any]:
    """One mention, its article, its hops in order (each with its sentence) and linked clips."""
    rows = list(db.query("SELECT * FROM origin_chains WHERE mention_id = ?", [mention_id]))
    if not rows:
        raise BadInputError(f"no mention {mention_id} in the catalog")
    mention = rows[0]
    mention["evidence"] = json.loads(
        db.execute("SELECT evidence FROM mentions WHERE id = ?", [mention_id]).fetchone()[0]
    )
    mention["hops"] = list(
        db.query(
            "SELECT position, role, actor, actor_as_written, actor_type, platform, handle, date,"
            " statement, evidence_start, evidence_end, evidence_text FROM hop_actors"
            " WHERE mention_id = ? ORDER BY position",
            [mention_id],
        )
    )
    mention["clips"] = [
        r[0]
        for r in db.execute(
            "SELECT clip_id FROM mention_clips WHERE mention_id = ? ORDER BY clip_id", [mention_id]
        )
    ]
    return mention
