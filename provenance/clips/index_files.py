"""The candidate index kept on disk beside the catalog, so that a `log` process opens a
catalog of any size in milliseconds, with bounded memory.

Layout: a folder the catalog names (table `fingerprint_index`; by default `<catalog>.index`
beside it) holding `manifest.json` and one folder a segment. A segment holds the chunk
tables (search.ChunkTables) of the clips with ids in (lo, hi], as .npy files that are
memory-mapped, never read whole: a lookup touches the pages of the buckets it reads. The
clips above the newest segment are read from the catalog (a primary-key range) and held in
memory, as the in-memory index holds them; once they hold FLUSH_FRAMES frames, the process
that sees it writes them as a new segment, and the newest segments are merged while they are
of like size (as log-structured merge trees do), up to MAX_SEGMENT_ROWS rows a segment: a
million-clip catalog has a dozen or so segments.

Consistency. A segment is written into a temporary folder and renamed; the manifest is then
replaced atomically; so a crash leaves the old manifest, whose segments are complete, and at
worst an orphan folder that the next writer removes. Each segment records the SHA-256 of its
newest clip. On open, a segment whose newest clip is neither in the catalog with that SHA-256
nor forgotten with it (a catalog restored from a backup, an index copied from another
catalog) is dropped with every segment after it, and those clips are indexed again from the
catalog. Writers take an flock on the folder; readers never lock. Matching reads each
candidate's fingerprint from the catalog by id, so a row of a clip forgotten since costs a
lookup, never a wrong link. Ids grow in commit order (`log.never_used_id`), so "every clip
above the newest segment" is exactly what an index lacks.
"""

from __future__ import annotations

import fcntl
import json
import mmap
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import sqlite_utils

from ..catalog.db import transaction
from ..timeutil import now_iso
from .align import Stretch
from .fingerprint import Fingerprint
from .search import (
    BRUTE_FORCE_FRAMES,
    CHUNKS,
    ChunkTables,
    FingerprintIndex,
    Hits,
    IndexedClip,
    index_rows,
    matches_among,
    query_hashes,
    ranked_candidates,
)
from .stored import stored_fingerprints

LAYOUT_VERSION = 1  # of the folder; a manifest of another version is rebuilt
MANIFEST = "manifest.json"
LOCK = "lock"
FOLDER_SUFFIX = ".index"
# Frames above the newest segment that make a new one: below it, the clips held in memory
# are compared one by one, as a small catalog's are.
FLUSH_FRAMES = BRUTE_FORCE_FRAMES
MAX_SEGMENT_ROWS = 16_000_000  # about 450 MB of files; bigger ones are never merged
MERGE_RATIO = 2  # the newest two segments merge while the older is at most this much bigger
OPEN_TRIES = 3  # a writer may replace segments between reading the manifest and mapping them
READ_CHUNK_CLIPS = 2_000  # clips read from the catalog at a time while writing segments


@dataclass
class Segment:
    name: str
    lo: int  # clip ids in (lo, hi]
    hi: int
    hi_sha256: str | None  # of clip `hi`, None when the catalog had no clip there
    rows: int
    tables: ChunkTables | None = None  # mapped when opened


@dataclass
class CatalogIndex:
    """The segments on disk and the clips above them, for one catalog connection."""

    db: sqlite_utils.Database
    folder: Path | None  # None: a catalog with no file (or no folder to write), in memory
    segments: list[Segment] = field(default_factory=list)
    recent: FingerprintIndex = field(default_factory=FingerprintIndex)
    repaired: bool = False  # segments that failed their check were dropped on open

    @property
    def covered(self) -> int:
        """The newest clip id in a segment (0 for none)."""
        return self.segments[-1].hi if self.segments else 0

    @property
    def newest(self) -> int:
        """The highest clip id held, on disk or in memory."""
        return max(self.covered, self.recent.newest)

    @property
    def rows(self) -> int:
        return sum(s.rows for s in self.segments)

    def catch_up(self, db: sqlite_utils.Database | None = None) -> None:
        """Hold every committed clip above the newest segment (see FingerprintIndex.catch_up)."""
        self.recent.catch_up(db or self.db, above=self.covered)

    def match(
        self, query: Fingerprint, *, still: bool = False, exclude: int | None = None
    ) -> dict[int, list[Stretch]]:
        """Every clip that shares footage with `query`: the held ones compared as the
        in-memory index compares them, the segments' candidates read from the catalog."""
        found = self.recent.match(query, still=still, exclude=exclude)
        if not self.segments:
            return found
        looked_up = query_hashes(query)
        hits = Hits.joined([_looked_up_in(s, looked_up) for s in self.segments])
        skip = set(self.recent.clips) | ({exclude} if exclude is not None else set())
        strong, weak = ranked_candidates(hits, query, skip=skip)
        candidates = (
            IndexedClip(clip_id, fp, other_still)
            for clip_id, fp, other_still in stored_fingerprints(self.db, ids=strong + weak)
        )
        found.update(
            matches_among(
                query,
                candidates,
                still=still,
                weak=set(weak),
                looked_up=looked_up,
                ranked=set(strong),
            )
        )
        return found

    def match_above(
        self, query: Fingerprint, *, still: bool, above: int, exclude: int | None = None
    ) -> dict[int, list[Stretch]]:
        """Matches against the clips with an id above `above` (every clip for 0)."""
        if above == 0:
            return self.match(query, still=still, exclude=exclude)
        # Clips above the newest segment are all held in memory.
        return self.recent.match_above(
            query, still=still, above=max(above, self.covered), exclude=exclude
        )

    def flush_if_due(self) -> bool:
        """Write the held clips as a segment once they are FLUSH_FRAMES frames; True if
        written (by this process or, meanwhile, by another)."""
        if self.folder is None or self.recent.frame_count < FLUSH_FRAMES:
            return False
        return self.extend()

    def extend(self) -> bool:
        """Index on disk every committed clip above the newest segment, then adopt the new
        manifest. False, changing nothing, when the folder cannot be written."""
        if self.folder is None:
            return False
        try:
            _name_folder(self.db, self.folder)
            with _writer_lock(self.folder):
                segments = _verified(self.db, _read_manifest(self.folder))
                segments = _write_segments_above(self.db, self.folder, segments)
                _write_manifest(self.folder, _merged_tail(self.folder, segments))
                _remove_unlisted(self.folder)
        except (OSError, sqlite3.Error):  # a read-only folder or catalog: held in memory
            return False
        self._adopt()
        return True

    def _adopt(self) -> None:
        """Map the manifest's segments; hold in memory only the clips above them."""
        assert self.folder is not None
        self.segments = _mapped(self.folder, self.db)
        kept = FingerprintIndex()
        for clip_id, entry in self.recent.clips.items():
            if clip_id > self.covered:
                kept.add(clip_id, entry.fingerprint, still=entry.still)
        self.recent = kept
        self.catch_up()


def open_index(db: sqlite_utils.Database) -> CatalogIndex:
    """The catalog's candidate index: its segments checked against the catalog and mapped,
    the clips above them read into memory. A catalog too far ahead of its segments (an
    index never made, or dropped by the check) is indexed on disk first, so that no process
    ever holds more than FLUSH_FRAMES frames of it in memory."""
    folder = index_folder(db)
    index = CatalogIndex(db, folder)
    if folder is None:
        index.catch_up()
        return index
    listed = _read_manifest(folder)
    if listed:
        index.segments = _mapped(folder, db)
        index.repaired = len(index.segments) < len(listed)
    if _frames_above(db, index.covered) >= FLUSH_FRAMES and index.extend():
        return index
    index.catch_up()
    return index


def rebuild_index(db: sqlite_utils.Database) -> CatalogIndex:
    """Index every clip again from the catalog, replacing every segment."""
    folder = index_folder(db)
    if folder is None:
        raise OSError("a catalog without a file keeps no index on disk")
    _name_folder(db, folder)
    with _writer_lock(folder):
        segments = _write_segments_above(db, folder, [])
        _write_manifest(folder, segments)
        _remove_unlisted(folder)
    index = CatalogIndex(db, folder)
    index._adopt()
    return index


def index_status(db: sqlite_utils.Database) -> dict[str, Any]:
    """What `provenance index` prints: the folder, its segments and what they cover."""
    folder = index_folder(db)
    listed = _read_manifest(folder) if folder is not None else []
    newest = db.execute("SELECT coalesce(max(id), 0) FROM clips").fetchone()[0]
    covered = listed[-1].hi if listed else 0
    files = folder.rglob("*") if folder is not None and listed else []
    size = sum(f.stat().st_size for f in files if f.is_file())
    return {
        "folder": str(folder) if folder is not None else None,
        "segments": len(listed),
        "rows": sum(s.rows for s in listed),
        "covered_up_to_clip": covered,
        "newest_clip": newest,
        "frames_not_on_disk": _frames_above(db, covered),
        "megabytes": round(size / 2**20, 1),
    }


def index_folder(db: sqlite_utils.Database) -> Path | None:
    """The folder the catalog names for its index, or the default one beside the catalog
    (None for a catalog with no file, whose index stays in memory)."""
    catalog = db.conn.execute("PRAGMA database_list").fetchone()[2]
    if not catalog:
        return None
    catalog_path = Path(catalog)
    try:
        row = db.execute("SELECT folder FROM fingerprint_index WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # a read-only catalog from before m014
        row = None
    return catalog_path.parent / (row[0] if row else catalog_path.name + FOLDER_SUFFIX)


def has_index_on_disk(db: sqlite_utils.Database) -> bool:
    folder = index_folder(db)
    return folder is not None and (folder / MANIFEST).exists()


def _name_folder(db: sqlite_utils.Database, folder: Path) -> None:
    """Record the folder in the catalog (once; a short write)."""
    with transaction(db):
        db.execute(
            "INSERT OR IGNORE INTO fingerprint_index (id, folder, created_at) VALUES (1, ?, ?)",
            [folder.name, now_iso()],
        )


def _frames_above(db: sqlite_utils.Database, clip_id: int) -> int:
    row = db.execute(
        "SELECT coalesce(sum(frame_count), 0) FROM fingerprints WHERE clip_id > ?", [clip_id]
    ).fetchone()
    return int(row[0])


@contextmanager
def _writer_lock(folder: Path) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read_manifest(folder: Path) -> list[Segment]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, dict) or data.get("layout") != LAYOUT_VERSION:
        return []
    return [Segment(**s) for s in data["segments"]]


def _write_manifest(folder: Path, segments: list[Segment]) -> None:
    data = {
        "layout": LAYOUT_VERSION,
        "written_at": now_iso(),
        "segments": [
            {"name": s.name, "lo": s.lo, "hi": s.hi, "hi_sha256": s.hi_sha256, "rows": s.rows}
            for s in segments
        ],
    }
    _replace_file(folder / MANIFEST, json.dumps(data, indent=1).encode())


def _replace_file(path: Path, content: bytes) -> None:
    """Write `path` whole or not at all."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _verified(db: sqlite_utils.Database, segments: list[Segment]) -> list[Segment]:
    """The segments up to the first whose newest clip the catalog does not have as it was."""
    kept: list[Segment] = []
    for segment in segments:
        follows = kept[-1].hi if kept else 0
        if segment.lo != follows or not _newest_clip_holds(db, segment):
            break
        kept.append(segment)
    return kept


def _newest_clip_holds(db: sqlite_utils.Database, segment: Segment) -> bool:
    row = db.execute("SELECT sha256 FROM clips WHERE id = ?", [segment.hi]).fetchone()
    if row is not None:
        return row[0] == segment.hi_sha256
    forgotten = db.execute(
        "SELECT 1 FROM forgotten WHERE kind = 'clip' AND item_id = ? AND sha256 IS ?",
        [segment.hi, segment.hi_sha256],
    ).fetchone()
    return forgotten is not None


def _mapped(folder: Path, db: sqlite_utils.Database) -> list[Segment]:
    """The manifest's verified segments with their tables memory-mapped, up to the first
    whose files cannot be read (its clips are then read from the catalog, as unindexed)."""
    loaded: list[Segment] = []
    for _ in range(OPEN_TRIES):
        listed = _read_manifest(folder)
        loaded = []
        for segment in _verified(db, listed):
            try:
                segment.tables = _load_tables(folder / segment.name, segment.rows)
            except (OSError, ValueError):
                break
            loaded.append(segment)
        else:
            return loaded
        # A writer may have replaced the segments since the manifest was read: read it again.
        if [s.name for s in _read_manifest(folder)] == [s.name for s in listed]:
            return loaded
    return loaded


def _looked_up_in(segment: Segment, looked_up: tuple[np.ndarray, np.ndarray]) -> Hits:
    """The segment's hits, its pages handed back to the page cache after.

    A lookup touches pages all over a segment's files, and the kernel maps the cached pages
    around each one it touches: left mapped, a million-clip index would count some 3 GB in
    this process's resident memory, though every page is clean and the kernel's to drop.
    Unmapped after each segment, at most one segment's pages are resident at a time; the next
    lookup finds them in the page cache all the same.
    """
    tables = segment.tables
    if tables is None:
        return Hits.none()
    hits = tables.hits(*looked_up)
    # numpy's memmap keeps its mmap in _mmap; the chunks' orders are views of one file.
    mappings = {
        id(m): m
        for a in (tables.hashes, tables.clips, *tables.orders)
        if (m := getattr(a, "_mmap", None))
    }
    for mapping in mappings.values():
        mapping.madvise(mmap.MADV_DONTNEED)
    return hits


def _load_tables(path: Path, rows: int) -> ChunkTables:
    def load(name: str) -> np.ndarray:
        # numpy cannot map an empty array (a segment of clips with no fingerprint).
        return np.load(path / f"{name}.npy", mmap_mode="r" if rows else None)

    orders, offsets = load("orders"), load("offsets")
    return ChunkTables(
        load("hashes"),
        load("clips"),
        [orders[c] for c in range(CHUNKS)],
        [offsets[c] for c in range(CHUNKS)],
    )


def _write_segment(folder: Path, lo: int, hi: int, sha: str | None, tables: ChunkTables) -> Segment:
    name = f"seg-{lo}-{hi}-{os.urandom(4).hex()}"
    building = Path(tempfile.mkdtemp(dir=folder, prefix=".build-"))
    for key, array in (
        ("hashes", tables.hashes),
        ("clips", tables.clips),
        ("orders", np.stack(tables.orders) if tables.rows else np.zeros((CHUNKS, 0), np.int32)),
        ("offsets", np.stack(tables.offsets)),
    ):
        with open(building / f"{key}.npy", "wb") as handle:
            np.save(handle, np.ascontiguousarray(array))
            handle.flush()
            os.fsync(handle.fileno())
    os.rename(building, folder / name)
    _sync_folder(folder)
    return Segment(name, lo, hi, sha, tables.rows)


def _write_segments_above(
    db: sqlite_utils.Database, folder: Path, segments: list[Segment]
) -> list[Segment]:
    """`segments` and new ones for every committed clip above them, MAX_SEGMENT_ROWS rows
    at most each, read from the catalog a few thousand clips at a time."""
    segments = list(segments)
    start = segments[-1].hi if segments else 0
    newest = db.execute("SELECT coalesce(max(id), 0) FROM clips").fetchone()[0]
    if newest <= start:
        return segments
    batch: list[tuple[np.ndarray, np.ndarray]] = []
    rows, lo, last = 0, start, start
    for clip_id, fp, still in _fingerprints_between(db, start, newest):
        hashes, owners = index_rows([IndexedClip(clip_id, fp, still)])
        if rows + len(hashes) > MAX_SEGMENT_ROWS and batch:
            segments.append(_segment_of(db, folder, lo, last, batch))
            batch, rows, lo = [], 0, last
        batch.append((hashes, owners))
        rows += len(hashes)
        last = clip_id
    segments.append(_segment_of(db, folder, lo, newest, batch))
    return segments


def _fingerprints_between(
    db: sqlite_utils.Database, start: int, end: int
) -> Iterator[tuple[int, Fingerprint, bool]]:
    """The stored fingerprints of clips (start, end], without motion, read a few thousand
    clips at a time so that memory stays bounded however many there are."""
    for above in range(start, end, READ_CHUNK_CLIPS):
        upto = min(above + READ_CHUNK_CLIPS, end)
        yield from stored_fingerprints(db, above=above, upto=upto, motion=False)


def _segment_of(
    db: sqlite_utils.Database,
    folder: Path,
    lo: int,
    hi: int,
    batch: list[tuple[np.ndarray, np.ndarray]],
) -> Segment:
    hashes = np.concatenate([h for h, _ in batch]) if batch else np.zeros(0, np.uint64)
    owners = np.concatenate([o for _, o in batch]) if batch else np.zeros(0, np.int32)
    return _write_segment(folder, lo, hi, _sha_of(db, hi), ChunkTables.build(hashes, owners))


def _sha_of(db: sqlite_utils.Database, clip_id: int) -> str | None:
    row = db.execute("SELECT sha256 FROM clips WHERE id = ?", [clip_id]).fetchone()
    return row[0] if row else None


def _merged_tail(folder: Path, segments: list[Segment]) -> list[Segment]:
    """Merge the newest two segments while they are of like size (the older at most
    MERGE_RATIO times the newer) and the result stays under MAX_SEGMENT_ROWS."""
    segments = list(segments)
    while len(segments) >= 2:
        older, newer = segments[-2], segments[-1]
        if older.rows > MERGE_RATIO * newer.rows or older.rows + newer.rows > MAX_SEGMENT_ROWS:
            break
        parts = [_load_tables(folder / s.name, s.rows) for s in (older, newer)]
        tables = ChunkTables.build(
            np.concatenate([p.hashes for p in parts]), np.concatenate([p.clips for p in parts])
        )
        segments[-2:] = [_write_segment(folder, older.lo, newer.hi, newer.hi_sha256, tables)]
    return segments


def _remove_unlisted(folder: Path) -> None:
    """Remove the segment folders the manifest no longer lists (merged, replaced, or left by
    a crash). A reader that mapped one keeps its pages until it closes them."""
    listed = {s.name for s in _read_manifest(folder)}
    for path in folder.iterdir():
        if path.is_dir() and path.name not in listed:
            shutil.rmtree(path, ignore_errors=True)
