"""Configuration, read in this one place: the environment variables a volunteer may set.

| variable | what | default |
|---|---|---|
| PROVENANCE_DB | the catalog file | ./catalog.db |
| PROVENANCE_BY | who logs, ingests, links, checks or forgets | the login name |
| PROVENANCE_BUSY_TIMEOUT | seconds a write waits for another process's lock | 60 |
| PROVENANCE_LOCK_LOG | a file to which each write transaction appends its lock wait and hold | none |
| PROVENANCE_LEMMA_CACHE | where the lemmatiser's dictionaries are kept, built on first use | the user's cache directory |
| PROVENANCE_CLUSTER_TIMEOUT | seconds `log --cluster` waits for the Dask scheduler to answer | 15 |

Each is read when asked for, not at import, so that a command (or a test) sees the
environment it runs in.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

DEFAULT_CATALOG = "catalog.db"
DEFAULT_BUSY_TIMEOUT = 60.0
DEFAULT_CLUSTER_TIMEOUT = 15.0


def catalog_path() -> Path:
    """The catalog used when no --db is given."""
    return Path(os.environ.get("PROVENANCE_DB") or DEFAULT_CATALOG)


def catalog_path_from_environment() -> Path | None:
    """$PROVENANCE_DB when set (the CLI's --db falls back to it)."""
    value = os.environ.get("PROVENANCE_DB")
    return Path(value) if value else None


def user() -> str | None:
    """Who is working: $PROVENANCE_BY, else the login name (None when there is none)."""
    try:
        return os.environ.get("PROVENANCE_BY") or getpass.getuser()
    except (KeyError, OSError):
        return None


def busy_timeout() -> float:
    """How long a write waits for another process's lock, in seconds."""
    return _seconds("PROVENANCE_BUSY_TIMEOUT", DEFAULT_BUSY_TIMEOUT)


def cluster_timeout() -> float:
    """How long `log --cluster` waits for the Dask scheduler to answer, in seconds."""
    return _seconds("PROVENANCE_CLUSTER_TIMEOUT", DEFAULT_CLUSTER_TIMEOUT)


def _seconds(variable: str, default: float) -> float:
    try:
        return float(os.environ.get(variable, default))
    except ValueError:
        return default


def lock_log() -> str | None:
    """Where write transactions record their lock times (bench/concurrent_log.py sets it)."""
    return os.environ.get("PROVENANCE_LOCK_LOG") or None


def lemma_cache_dir() -> str | None:
    """Where simplemma's dictionary tries are kept (None: simplemma's folder in the user's
    cache directory, e.g. ~/.cache/simplemma)."""
    return os.environ.get("PROVENANCE_LEMMA_CACHE") or None
