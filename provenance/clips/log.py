"""Log clips into the catalog, list them, and check their chain of custody.

The work on a file (hashing, probing, fingerprinting) is pure and runs in worker processes;
only the main process writes, one transaction per clip, so an interrupted batch leaves whole
clips only and a rerun finishes the job without duplicates.
"""

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from .. import config
from ..catalog.db import LazyCatalog, insert_row, transaction, translate_sqlite_errors
from ..errors import BadInputError, MissingToolError, NotFoundError, ProvenanceError
from ..files import printable, walk
from ..footage import items as footage
from ..footage import suggest
from ..timeutil import now_iso
from .align import Stretch
from .cluster import Cluster, open_cluster
from .fingerprint import Fingerprint, fingerprint_file
from .groups import regroup
from .index_files import CatalogIndex, open_index
from .matches import (
    link_clip,
    match_new_clip,
    match_rows,
    matches_of,
    with_other_clip_facts,
)
from .ordered import windowed_in_order
from .probe import MEDIA_EXTENSIONS, check_readable_file, probe_file, sha256_of
from .sidecar import normalise_platform, platform_of, read_info_json, sighting_fields_from_info

# A sighting's fields that say where the footage came from (what the volunteer types, or the
# sidecar gives); with the sidecar itself, they are its provenance.
SIGHTING_FIELDS = (
    "source_url",
    "platform",
    "posted_by",
    "outlet",
    "posted_at",
    "title",
    "description",
    "note",
)
PROVENANCE_FIELDS = (*SIGHTING_FIELDS, "info_json")


@dataclass
class LogResult:
    """What happened to one file given to `log`."""

    path: str
    clip_id: int | None = None
    new_clip: bool = False
    new_sighting: bool = False
    clip: dict[str, Any] = field(default_factory=dict)
    matches: list[dict[str, Any]] = field(default_factory=list)
    suggestions: list[dict[str, Any]] = field(default_factory=list)  # mentions it may be
    error: str | None = None


def analyse_file(path: Path, *, keyframes_only: bool = False) -> dict[str, Any]:
    """Everything about one file that needs no catalog: the clips row, the sidecar info and
    the perceptual fingerprint. Runs in worker processes; returns plain data.
    """
    info = read_info_json(path)  # first: a sidecar with wrong types fails before any decode
    record = probe_file(path)
    still = record["media_type"] == "still"
    fp = fingerprint_file(
        path,
        still=still,
        keyframes_only=keyframes_only,
        expected_seconds=record["duration_seconds"],
    )
    return {"clip": record, "info": info, "fingerprint": fp}


def sighting_for(
    path: Path, given: str, info: dict | None, fields: dict[str, Any], logged_by: str | None
) -> dict[str, Any]:
    """The sighting row: the volunteer's fields win over those read from yt-dlp's info.json."""
    row: dict[str, Any] = dict.fromkeys(SIGHTING_FIELDS)
    if info:
        row.update({k: v for k, v in sighting_fields_from_info(info).items() if v is not None})
    row.update({k: v for k, v in fields.items() if k in SIGHTING_FIELDS and v not in (None, "")})
    row["platform"] = normalise_platform(row["platform"]) or platform_of(row["source_url"])
    row.update(
        path=str(path.resolve()),
        path_given=given,
        logged_by=logged_by,
        logged_at=now_iso(),
        info_json=json.dumps(info, ensure_ascii=False, sort_keys=True) if info else None,
    )
    return row


def save_clip(
    db: sqlite_utils.Database,
    clip: dict[str, Any],
    sighting: dict[str, Any],
    fingerprint: Fingerprint | None = None,
    index: CatalogIndex | None = None,
) -> tuple[int, bool, bool, dict[int, list[Stretch]]]:
    """Write one clip, its sighting, fingerprint and matches in one short transaction.

    Returns:
        (clip id, whether the clip is new, whether the sighting is new, the matches found for
        a new clip: other clip id -> stretches). The same file (same SHA-256) is always the
        same clip; the same sighting twice is stored once.
    """
    matches: dict[int, list[Stretch]] = {}
    index = index if index is not None else open_index(db)
    still = clip["media_type"] == "still"
    known = db.execute("SELECT 1 FROM clips WHERE sha256 = ?", [clip["sha256"]]).fetchone()
    early: dict[int, list[Stretch]] = {}
    covered = 0
    if fingerprint is not None and not known:
        # Match before taking the write lock: the slow part, and it only reads. Clips that
        # other processes commit meanwhile are matched here too, in rounds, until so few
        # are left that matching them inside the lock takes a moment.
        for _ in range(MATCH_ROUNDS):
            found, upto = match_new_clip(db, index, fingerprint, still=still, after=covered)
            early.update(found)
            covered = upto
            if _committed_since(db, covered) <= LATE_CLIPS:
                break
    suggest.warm_up(db)
    with transaction(db):
        row = db.execute("SELECT id FROM clips WHERE sha256 = ?", [clip["sha256"]]).fetchone()
        new_clip = row is None
        if new_clip:
            clip_id = insert_row(
                db,
                "clips",
                {
                    **clip,
                    "id": never_used_id(db, "clips", "clip"),
                    "first_logged_at": sighting["logged_at"],
                },
            )
        else:
            clip_id = row[0]
        if not new_clip and _adds_nothing(db, clip_id, sighting):
            return clip_id, False, False, matches
        cursor = db.execute(
            "INSERT OR IGNORE INTO sightings (id, clip_id, path, path_given, source_url,"
            " platform, posted_by, outlet, posted_at, title, description, note, logged_by,"
            " logged_at, info_json) VALUES (:id, :clip_id, :path, :path_given, :source_url,"
            " :platform, :posted_by, :outlet, :posted_at, :title, :description, :note,"
            " :logged_by, :logged_at, :info_json)",
            {**sighting, "clip_id": clip_id, "id": never_used_id(db, "sightings", "sighting")},
        )
        if fingerprint is not None and new_clip:
            matches = link_clip(
                db, index, clip_id, fingerprint, still=still, found=early, covered_up_to=covered
            )
        # The footage item and the suggestions change with the clip's matches and with what
        # its sighting says; both are a few indexed lookups, so they stay in this transaction.
        footage.refresh_footage(db, [("clip", clip_id)])
        suggest.suggest_for_clip(db, clip_id)
        return clip_id, new_clip, cursor.rowcount == 1, matches


# Rounds of matching outside the write lock, and how many clips committed since the last
# round may be left to match inside it.
MATCH_ROUNDS = 5
LATE_CLIPS = 2
SQL_CHUNK = 500  # SHA-256s per IN (...) query, well under SQLite's variable limit


def log_paths(
    paths: Iterable[str | Path],
    *,
    db_path: str | Path | None,
    fields: dict[str, Any] | None = None,
    logged_by: str | None = None,
    jobs: int = 1,
    keyframes_only: bool = False,
    cluster: str | None = None,
    on_result: Callable[[LogResult, int, int], None] | None = None,
) -> list[LogResult]:
    """Log every file under `paths` into the catalog; bad files are reported, not fatal.

    Args:
        paths: files and folders (walked recursively).
        db_path: the catalog; opened before any work if it exists (so a broken catalog
            fails fast) and created only once a first file is good.
        fields: the volunteer's sighting fields (source_url, platform, posted_by, outlet,
            posted_at, note), applied to every file.
        logged_by: who logs; None means `config.user()`.
        jobs: worker processes for hashing, probing and fingerprinting.
        keyframes_only: fingerprint from keyframes alone (triage: several times faster,
            coarser in time).
        cluster: a Dask scheduler's address (or "local:N"): the hashing, probing and
            fingerprinting run on its workers instead of `jobs` local processes; this process
            still writes every clip (see cluster.py).
        on_result: called after each file with (result, files done, files in all).

    Returns:
        One LogResult per file, in the order the files were given.

    Raises:
        CatalogError: the catalog cannot be opened or written; the batch stops.
    """
    fields = fields or {}
    logged_by = logged_by or config.user()
    files = list(walk(paths, MEDIA_EXTENSIONS))
    results: list[LogResult] = []
    index: CatalogIndex | None = None  # opened with the catalog, on the first good file
    with LazyCatalog(db_path) as catalog, ExitStack() as stack:
        readable = [f.path for f in files if not f.problem]
        workers = stack.enter_context(open_cluster(cluster)) if cluster and readable else None
        if workers is not None:
            workers.check_workers_see(readable[0])
        # Hash first: a file the catalog already has is not decoded again, only sighted.
        digests = list(
            _in_order(_sha256_or_error, [(f.path, f.problem) for f in files], jobs, workers)
        )
        known = _known_clips(catalog.db, [d for d in digests if isinstance(d, str)])
        fresh = [f.path for f, d in zip(files, digests, strict=True) if _is_new(d, known)]
        analysed = _analyse_all(fresh, jobs, keyframes_only, workers)
        for found, digest in zip(files, digests, strict=True):
            path, given = found.path, found.given
            outcome = (
                digest
                if isinstance(digest, ProvenanceError)
                else _sighting_only(path, known[digest])
                if digest in known
                else next(analysed)
            )
            result = LogResult(path=given)
            if isinstance(outcome, MissingToolError):
                raise outcome  # every other file would fail the same way
            if isinstance(outcome, ProvenanceError):
                result.error = str(outcome)
            else:
                db = catalog.get()
                sighting = sighting_for(path, given, outcome["info"], fields, logged_by)
                with translate_sqlite_errors(db_path or "catalog"):
                    index = index if index is not None else open_index(db)
                    result.clip_id, result.new_clip, result.new_sighting, matched = save_clip(
                        db, outcome["clip"], sighting, outcome["fingerprint"], index
                    )
                    # After the commit, outside any lock of the catalog's.
                    index.flush_if_due()
                    if matched:
                        result.matches = matches_of(db, result.clip_id)
                    result.suggestions = suggest.open_suggestions_of(db, ("clip", result.clip_id))
                result.clip = {
                    k: v
                    for k, v in outcome["clip"].items()
                    if k not in ("probe", "exif", "container_tags")
                }
            results.append(result)
            if on_result:
                on_result(result, len(results), len(files))
    return results


def _adds_nothing(db: sqlite_utils.Database, clip_id: int, sighting: dict[str, Any]) -> bool:
    """A sighting with no provenance at all (no URL, platform, poster, outlet, time, note or
    sidecar) of a copy the catalog already knows at that path: logging it again, by anyone,
    says nothing new, so it adds no "seen once more"."""
    if any(sighting.get(k) for k in PROVENANCE_FIELDS):
        return False
    row = db.execute(
        "SELECT 1 FROM sightings WHERE clip_id = ? AND path = ?", [clip_id, sighting["path"]]
    ).fetchone()
    return row is not None


def never_used_id(db: sqlite_utils.Database, table: str, kind: str) -> int:
    """The next number for a row of `table`: above every row's, and above every forgotten
    one's (SQLite alone would give a deleted newest row's number again). Inside the write
    transaction, so two writers never take the same number."""
    row = db.execute(
        f"SELECT max(coalesce((SELECT max(id) FROM [{table}]), 0),"
        " coalesce((SELECT max(item_id) FROM forgotten WHERE kind = ?), 0))",
        [kind],
    ).fetchone()
    return row[0] + 1


def forget_clip(
    db: sqlite_utils.Database, clip_id: int, *, by: str | None, reason: str | None
) -> dict[str, int]:
    """Remove a wrongly logged clip and everything that hangs on it (sightings, custody
    checks, fingerprint, matches both ways, links to mentions), in one transaction; its
    number and its sightings' numbers are kept in `forgotten` and never given again.

    Returns the rows removed, by table. Raises NotFoundError for a number that is no clip.
    """
    with transaction(db):
        clip = db.execute("SELECT sha256, path FROM clips WHERE id = ?", [clip_id]).fetchone()
        if clip is None:
            raise NotFoundError(f"no clip {clip_id} in the catalog")
        when = now_iso()
        sightings = db.execute("SELECT id, path FROM sightings WHERE clip_id = ?", [clip_id])
        rows = [("sighting", sid, None, path) for sid, path in sightings.fetchall()]
        rows.append(("clip", clip_id, clip[0], clip[1]))
        db["forgotten"].insert_all(
            {
                "kind": k,
                "item_id": i,
                "sha256": s,
                "path": p,
                "reason": reason,
                "forgotten_by": by,
                "forgotten_at": when,
            }
            for k, i, s, p in rows
        )
        # Its group may fall apart without it: the clips it matched are regrouped after.
        matched = [
            o
            for (o,) in db.execute(
                "SELECT DISTINCT other_clip_id FROM clip_matches WHERE clip_id = ?", [clip_id]
            )
        ]
        removed = {}
        for table, where in FORGET_CLIP_ROWS:
            removed[table] = db.execute(
                f"DELETE FROM [{table}] WHERE {where}", [clip_id] * where.count("?")
            ).rowcount
        regroup(db, matched)
        footage.refresh_footage(db, [("clip", clip_id)])
        return removed


def forget_sighting(
    db: sqlite_utils.Database, sighting_id: int, *, by: str | None, reason: str | None
) -> int:
    """Remove one wrong sighting (the clip stays); returns its clip's number."""
    with transaction(db):
        row = db.execute(
            "SELECT clip_id, path FROM sightings WHERE id = ?", [sighting_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no sighting {sighting_id} in the catalog")
        db["forgotten"].insert(
            {
                "kind": "sighting",
                "item_id": sighting_id,
                "path": row[1],
                "reason": reason,
                "forgotten_by": by,
                "forgotten_at": now_iso(),
            }
        )
        db.execute("DELETE FROM sightings WHERE id = ?", [sighting_id])
        return row[0]


# Every row that names a clip, children first (foreign keys are enforced).
FORGET_CLIP_ROWS = (
    ("mention_clips", "clip_id = ?"),
    ("suggestions", "clip_id = ?"),
    (
        "footage_decisions",
        "(kind = 'clip' AND item_id = ?) OR (other_kind = 'clip' AND other_item_id = ?)",
    ),
    ("clip_matches", "clip_id = ? OR other_clip_id = ?"),
    ("clip_group_members", "clip_id = ?"),
    ("fingerprint_regions", "clip_id = ?"),
    ("fingerprints", "clip_id = ?"),
    ("verifications", "clip_id = ?"),
    ("sightings", "clip_id = ?"),
    ("clips", "id = ?"),
)


def lookup_file(db: sqlite_utils.Database, path: Path) -> dict[str, Any]:
    """Whether a file is in the catalog (by SHA-256) or its footage is (by fingerprint),
    writing nothing: {"clip_id", "file_name", "matches": [clip_matches-like rows]}.

    Raises:
        BadInputError: the file cannot be read, probed or decoded.
    """
    if path.is_dir():
        raise BadInputError(f"{printable(path)}: is a folder; lookup takes one file")
    (checked,) = walk([path], ())
    digest = _sha256_or_error(checked.path, checked.problem)
    if isinstance(digest, ProvenanceError):
        raise digest
    row = db.execute("SELECT id, file_name FROM clips WHERE sha256 = ?", [digest]).fetchone()
    if row:
        return {"clip_id": row[0], "file_name": row[1], "matches": []}
    outcome = analyse_file(path)
    index = open_index(db)
    hits = index.match(outcome["fingerprint"], still=outcome["clip"]["media_type"] == "still")
    rows = [
        r
        for other, stretches in sorted(hits.items())
        for r in match_rows(0, other, stretches)
        if r["clip_id"] == 0  # the direction from the file looked up
    ]
    matches = with_other_clip_facts(db, rows)
    return {"clip_id": None, "file_name": None, "matches": matches}


def _committed_since(db: sqlite_utils.Database, clip_id: int) -> int:
    return db.execute("SELECT count(*) FROM fingerprints WHERE clip_id > ?", [clip_id]).fetchone()[
        0
    ]


def _sha256_or_error(path: Path, problem: str | None = None) -> str | ProvenanceError:
    if problem:
        return BadInputError(f"{printable(path)}: {problem}")
    try:
        check_readable_file(path)
        return sha256_of(path)
    except ProvenanceError as e:
        return e
    except OSError as e:
        return BadInputError(f"{path}: cannot be read ({e.strerror})")


def _is_new(digest: str | ProvenanceError, known: dict[str, dict[str, Any]]) -> bool:
    return isinstance(digest, str) and digest not in known


def _known_clips(db: sqlite_utils.Database | None, digests: list[str]) -> dict[str, dict]:
    """The catalog's clips rows for these SHA-256s (none when there is no catalog yet)."""
    if db is None or not digests:
        return {}
    out: dict[str, dict] = {}
    for start in range(0, len(digests), SQL_CHUNK):
        chunk = digests[start : start + SQL_CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in db.query(f"SELECT * FROM clips WHERE sha256 IN ({marks})", chunk):
            out[row["sha256"]] = row
    return out


def _sighting_only(path: Path, clip: dict[str, Any]) -> dict[str, Any] | ProvenanceError:
    """A known file's outcome: its catalog row and the sidecar beside it, no decode."""
    try:
        info = read_info_json(path)
    except ProvenanceError as e:
        return e
    row = {k: v for k, v in clip.items() if k not in ("id", "first_logged_at")}
    return {"clip": row, "info": info, "fingerprint": None}


def _analyse_all(
    paths: list[Path], jobs: int, keyframes_only: bool, cluster: Cluster | None = None
) -> Iterator[dict[str, Any] | ProvenanceError]:
    """analyse_file over `paths`, in order, in `jobs` processes (or on the cluster's workers);
    errors are yielded, not raised."""
    return _in_order(_analyse_or_error, [(p, keyframes_only) for p in paths], jobs, cluster)


def _end_with_parent() -> None:
    """In a worker: have the kernel end this process when the `log` that started it dies,
    even by SIGKILL, so no worker is left decoding for nobody (Linux; elsewhere a no-op)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _in_order(
    fn: Callable[..., Any], calls: list[tuple], jobs: int, cluster: Cluster | None = None
) -> Iterator[Any]:
    """fn(*args) for each of `calls`, yielded in order, run in `jobs` worker processes, or on
    the cluster's workers when there is one.

    Calls are submitted a window ahead of the one yielded, so that a big batch is never held
    in memory all at once; if the consumer stops, the calls not yet started are cancelled.
    Every call's first argument is a file; fn returns a ProvenanceError rather than raising.
    """
    if cluster is not None:
        yield from cluster.in_order(fn, calls, _lost_on_cluster)
        return
    if jobs <= 1 or len(calls) <= 1:
        for args in calls:
            yield fn(*args)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_end_with_parent) as pool:
        yield from windowed_in_order(
            calls, lambda args: pool.submit(fn, *args), lambda _, f: f.result(), 4 * jobs
        )


def _lost_on_cluster(args: tuple, error: BaseException) -> ProvenanceError:
    return BadInputError(
        f"{printable(args[0])}: a Dask worker died each time it worked on this file ({error})"
    )


def _analyse_or_error(path: Path, keyframes_only: bool = False) -> dict[str, Any] | ProvenanceError:
    try:
        return analyse_file(path, keyframes_only=keyframes_only)
    except ProvenanceError as e:
        return e
    except Exception as e:  # a bug or an odd file must not stop a batch of hundreds
        return BadInputError(f"{path}: could not be analysed ({type(e).__name__}: {e})")


def decode_again(
    db: sqlite_utils.Database, clip_ids: list[int], jobs: int = 1
) -> Iterator[Fingerprint | None]:
    """For each clip, its fingerprint decoded again from a copy still on disk, in order.

    A copy counts when a sighting's path holds a file of the size logged; None for a clip with
    no such copy, or whose copy no longer decodes (the stored fingerprint then stands).
    """
    return _in_order(_decode_or_none, [_decode_job(db, clip_id) for clip_id in clip_ids], jobs)


def _decode_job(db: sqlite_utils.Database, clip_id: int) -> tuple[Path | None, bool, float | None]:
    """(a copy of the clip on disk or None, whether it is a still, its logged duration)."""
    rows = db.execute(
        "SELECT s.path, c.size_bytes, c.media_type, c.duration_seconds FROM clips c"
        " LEFT JOIN sightings s ON s.clip_id = c.id WHERE c.id = ? ORDER BY s.id",
        [clip_id],
    ).fetchall()
    copy = next(
        (
            Path(path)
            for path, size, _, _ in rows
            if path and os.path.isfile(path) and os.path.getsize(path) == size
        ),
        None,
    )
    return copy, rows[0][2] == "still", rows[0][3]


def _decode_or_none(path: Path | None, still: bool, duration: float | None) -> Fingerprint | None:
    if path is None:
        return None
    try:
        return fingerprint_file(path, still=still, expected_seconds=duration)
    except ProvenanceError:
        return None


def list_clips(
    db: sqlite_utils.Database, *, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """The clips by id, with how often and where each was seen: every one, or `limit` of
    them from the `offset`-th. Per clip, from the sightings index: a page of a million-clip
    catalog reads only its own clips' sightings."""
    return list(
        db.query(
            """
        SELECT c.id, c.file_name, c.media_type, c.duration_seconds, c.width, c.height,
               c.creation_time, c.sha256,
               (SELECT count(*) FROM sightings s WHERE s.clip_id = c.id) AS sightings,
               (SELECT group_concat(DISTINCT coalesce(s.outlet, s.platform)) FROM sightings s
                 WHERE s.clip_id = c.id) AS seen_at
        FROM clips c ORDER BY c.id LIMIT ? OFFSET ?
        """,
            [-1 if limit is None else limit, offset],
        )
    )


def clip_count(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM clips").fetchone()[0]


def verify_clips(
    db: sqlite_utils.Database,
    *,
    clip_ids: Iterable[int] = (),
    checked_by: str | None = None,
    on_result: Callable[[dict[str, Any], int, int], None] | None = None,
) -> list[dict[str, Any]]:
    """Re-hash every known copy of every clip (or of `clip_ids`) and record the outcome.

    Each (clip, path) seen in a sighting is checked: `unchanged` (same SHA-256), `changed`
    (the file there now differs) or `missing`. The checks are written to `verifications`
    in one transaction, so the chain of custody of each copy can be read back later.
    """
    ids = list(clip_ids)
    where = f"WHERE s.clip_id IN ({','.join('?' * len(ids))})" if ids else ""
    copies = db.execute(
        f"SELECT DISTINCT s.clip_id, s.path, c.sha256 FROM sightings s "
        f"JOIN clips c ON c.id = s.clip_id {where} ORDER BY s.clip_id, s.path",
        ids,
    ).fetchall()
    checked_by = checked_by or config.user()
    rows = []
    for clip_id, path, expected in copies:
        row = {
            "clip_id": clip_id,
            "path": path,
            "sha256_found": None,
            "size_bytes_found": None,
            "checked_by": checked_by,
            "checked_at": now_iso(),
        }
        try:
            row["size_bytes_found"] = Path(path).stat().st_size
            row["sha256_found"] = sha256_of(Path(path))
            row["status"] = "unchanged" if row["sha256_found"] == expected else "changed"
        except OSError:  # gone, or no longer readable: the copy is not there for us
            row["status"] = "missing"
            row["size_bytes_found"] = None
        rows.append(row)
        if on_result:
            on_result(row, len(rows), len(copies))
    with transaction(db):
        db["verifications"].insert_all(rows)
    return rows
