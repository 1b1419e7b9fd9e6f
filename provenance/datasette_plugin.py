"""Datasette plugin (registered as an entry point): SQL functions for the catalog.

`hamming(a, b)`: the number of differing bits of two 64-bit hashes, given as integers or as
hex strings ('3f2a...'), as imagehash prints them. NULL when either is NULL or unreadable.
"""

from datasette import hookimpl


def hamming(a, b) -> int | None:
    def as_int(value):
        if value is None:
            return None
        if isinstance(value, int):
            return value & (2**64 - 1)
        if isinstance(value, bytes) and len(value) == 8:
            return int.from_bytes(value, "big")
        try:
            return int(str(value), 16)
        except ValueError:
            return None

    x, y = as_int(a), as_int(b)
    return None if x is None or y is None else (x ^ y).bit_count()


@hookimpl
def prepare_connection(conn):
    conn.create_function("hamming", 2, hamming, deterministic=True)


# Columns that hold a whole JSON document (ffprobe's output, every EXIF tag): shown in full
# they make a clips page two rows a screen. HTML pages show their start; the JSON and CSV
# views (clips.json, ?_format=csv) keep every byte.
DOCUMENT_COLUMNS = {("clips", "probe"), ("clips", "exif"), ("clips", "container_tags")}
DOCUMENT_PREVIEW = 80


@hookimpl
def render_cell(value, column, table):
    if (table, column) not in DOCUMENT_COLUMNS or not isinstance(value, str):
        return None
    if len(value) <= DOCUMENT_PREVIEW:
        return None
    return value[:DOCUMENT_PREVIEW] + " …"
