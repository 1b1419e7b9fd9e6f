"""Timestamps as the catalog stores them."""

import datetime as dt


def now_iso() -> str:
    """The current UTC time, ISO 8601 to the second ('2026-11-23T09:15:06Z')."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
