"""Open the catalog (one SQLite file), migrate it, and run writes as transactions.

Every command goes through `open_catalog`, which also upgrades an older catalog and refuses a
newer one. Several volunteers' processes may write one catalog at once: the catalog runs in WAL
mode, waits on a busy lock instead of failing, and each write takes the write lock up front
(BEGIN IMMEDIATE) so that a read-then-insert can never race another process.
"""

import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlite_utils

from .. import config
from ..errors import CatalogError
from .migrations import MIGRATIONS


def busy_timeout_seconds() -> float:
    """How long a write waits for another process's lock (config: $PROVENANCE_BUSY_TIMEOUT)."""
    return config.busy_timeout()


def default_catalog_path() -> Path:
    """The catalog used when no --db is given (config: $PROVENANCE_DB, else ./catalog.db)."""
    return config.catalog_path()


def open_catalog(path: str | Path | None = None, *, write: bool = True) -> sqlite_utils.Database:
    """Open (creating on first use) and migrate the catalog at `path`.

    Args:
        path: the catalog file; None means `default_catalog_path()`.
        write: whether the caller will write. A catalog whose file carries no write
            permission bit is refused for writing, even to root: the volunteer who ran
            `chmod a-w` meant it.

    Raises:
        CatalogError: not SQLite, read-only, locked past the busy timeout, or made by a newer
            version of provenance.
    """
    path = Path(path) if path is not None else default_catalog_path()
    if path.is_dir():
        raise CatalogError(f"{path}: is a directory, not a catalog file")
    exists = path.exists()
    if exists and write and not _has_write_bit(path):
        raise CatalogError(f"{path}: catalog is read-only (no write permission)")
    if not exists and not path.parent.exists():
        raise CatalogError(f"{path}: folder {path.parent} does not exist")
    if not exists and not write:
        raise CatalogError(
            f"{path}: no catalog here (a read command does not make one; `provenance log` or"
            " `provenance ingest` does)"
        )
    read_only = exists and not write
    with translate_sqlite_errors(path):
        if not exists:
            _create_catalog(path)
        db = _connect(path, read_only=read_only)
        _refuse_newer(db, path)
        _refuse_foreign(db, path)
        if MIGRATIONS.pending(db):
            if read_only:
                # A read-only open of an old catalog: upgrade it only if we may write.
                db.close()
                if is_snapshot(path):
                    raise CatalogError(
                        f"{path}: catalog is read-only and made by an older version of"
                        " provenance; open a writable copy once to upgrade it"
                    )
                db, read_only = _connect(path, read_only=False), False
            if db.journal_mode != "wal":
                db.enable_wal()
            with transaction(db):
                MIGRATIONS.apply(db)
        elif not read_only and db.journal_mode != "wal":
            db.enable_wal()
    return db


def _connect(path: Path, *, read_only: bool) -> sqlite_utils.Database:
    """A connection with the catalog's pragmas: foreign keys, the busy timeout."""
    timeout = busy_timeout_seconds()
    if read_only:
        # A file nobody may write (a shared snapshot) is opened immutable: SQLite then
        # needs no -shm or -wal file beside it, which a read-only folder cannot hold.
        snapshot = "&immutable=1" if is_snapshot(path) else ""
        conn = sqlite3.connect(
            f"file:{quote(str(path.resolve()))}?mode=ro{snapshot}", uri=True, timeout=timeout
        )
    else:
        conn = sqlite3.connect(str(path), timeout=timeout)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    return db


def _create_catalog(path: Path) -> None:
    """Make a new, migrated catalog at `path` in one step, whoever else is making it too.

    Eight volunteers starting at once on a new catalog would otherwise race: one creates the
    empty file, another reads it before its first migration, a third cannot switch it to WAL
    while the others hold it. The catalog is built under a private name beside `path` and
    linked into place; a process that finds `path` already there uses that one.
    """
    building = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        db = sqlite_utils.Database(sqlite3.connect(str(building)))
        db.enable_wal()
        with transaction(db):
            MIGRATIONS.apply(db)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        with suppress(FileExistsError):  # another process made it first: theirs is the one
            os.link(building, path)
    finally:
        for leftover in (building, *(Path(f"{building}{s}") for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)


def is_snapshot(path: Path) -> bool:
    """A catalog file nobody may write: a shared, read-only snapshot."""
    return not _has_write_bit(path)


def _has_write_bit(path: Path) -> bool:
    return bool(path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(
        path, os.W_OK
    )


def new_catalog_in_memory() -> sqlite_utils.Database:
    """A migrated catalog that lives in memory: the schema as a new catalog has it."""
    db = sqlite_utils.Database(memory=True)
    MIGRATIONS.apply(db)
    return db


def _refuse_foreign(db: sqlite_utils.Database, path: Path) -> None:
    """Another program's SQLite file: tables of its own and no record of our migrations."""
    names = set(db.table_names())
    if names and "_sqlite_migrations" not in names and "clips" not in names:
        raise CatalogError(
            f"{path}: is an SQLite file of another program (tables: {', '.join(sorted(names)[:5])}),"
            " not a provenance catalog"
        )


@cache
def _known_migrations() -> frozenset[str]:
    """Every migration this version knows: all of them are pending on an empty database."""
    return frozenset(m.name for m in MIGRATIONS.pending(sqlite_utils.Database(memory=True)))


def _refuse_newer(db: sqlite_utils.Database, path: Path) -> None:
    known = _known_migrations()
    unknown = [m.name for m in MIGRATIONS.applied(db) if m.name not in known]
    if unknown:
        raise CatalogError(
            f"{path}: catalog was made by a newer version of provenance "
            f"(schema migration {unknown[-1]} is unknown here); upgrade provenance to open it"
        )


def schema_version(db: sqlite_utils.Database) -> str | None:
    """The name of the last migration applied to the catalog."""
    applied = MIGRATIONS.applied(db)
    return applied[-1].name if applied else None


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction holding the write lock from its start (BEGIN IMMEDIATE).

    sqlite-utils calls made inside nest as savepoints. Any exception, Ctrl-C included,
    rolls the whole transaction back, so a crash leaves no half-written rows.
    """
    asked = time.monotonic()
    db.conn.execute("BEGIN IMMEDIATE")
    got = time.monotonic()
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")
        _record_lock(got - asked, time.monotonic() - got)


def _record_lock(waited: float, held: float) -> None:
    """With $PROVENANCE_LOCK_LOG set (bench/concurrent_log.py sets it), append how long this
    transaction waited for the write lock and held it, one line each: pid, waited, held."""
    log = config.lock_log()
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {waited:.4f} {held:.4f}\n")


@contextmanager
def translate_sqlite_errors(path: str | Path) -> Iterator[None]:
    """Turn SQLite's errors about the catalog file into one-line CatalogErrors naming it."""
    try:
        yield
    except sqlite3.DatabaseError as e:
        message = str(e)
        if "not a database" in message:
            reason = "not a SQLite database"
        elif "readonly" in message or "read-only" in message:
            reason = "catalog is read-only"
        elif "locked" in message or "busy" in message:
            reason = f"catalog is locked by another process (waited {busy_timeout_seconds():g} s)"
        elif "unable to open" in message:
            reason = "cannot open the catalog file"
        elif "malformed" in message or "corrupt" in message:
            reason = "catalog file is corrupt"
        else:
            reason = message
        raise CatalogError(f"{path}: {reason}") from e


class LazyCatalog:
    """The catalog for a batch: opened up front when it exists (a broken catalog fails before
    any work), otherwise made only when the first good file needs it, so a batch of bad files
    leaves no catalog behind. Use as a context manager; `get()` returns the open catalog."""

    def __init__(self, path: str | Path | None):
        self.path = path
        self.db: sqlite_utils.Database | None = None

    def __enter__(self) -> "LazyCatalog":
        if self.path is None or Path(self.path).exists():
            self.db = open_catalog(self.path)
        return self

    def get(self) -> sqlite_utils.Database:
        if self.db is None:
            self.db = open_catalog(self.path)
        return self.db

    def __exit__(self, *exc) -> None:
        if self.db is not None:
            self.db.close()


def insert_row(db: sqlite_utils.Database, table: str, row: dict[str, Any]) -> int:
    """Insert one row; returns its id (sqlite-utils types `last_pk` as possibly None)."""
    last = db.table(table).insert(row).last_pk
    if last is None:
        raise CatalogError(f"{table}: the row was not inserted")
    return int(last)
