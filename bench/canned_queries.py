#!/usr/bin/env python3
"""The Datasette canned queries and the catalog's views on a big catalog, each timed once.

    .venv/bin/python bench/canned_queries.py /tmp/index-bench/index-1000000.db [--clip-id N]

Every canned query of provenance/serve.py runs with its parameters (a clip id, mention 1,
footage item 1, the place "Kyiv"), and every view gives its first 100 rows, read-only. A
query that walks the whole catalog shows as seconds where the others take milliseconds.
"""

import argparse
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.serve import CANNED_QUERIES  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("catalog", type=Path)
    ap.add_argument("--clip-id", type=int, default=1)
    args = ap.parse_args(argv)
    db = sqlite3.connect(f"file:{args.catalog}?mode=ro", uri=True)
    params = {"clip_id": args.clip_id, "mention_id": 1, "footage_id": 1, "place": "Kyiv"}
    print("| query | seconds | rows |\n|---|---|---|")
    for name, query in CANNED_QUERIES.items():
        sql = query["sql"]
        started = time.perf_counter()
        rows = db.execute(sql, {k: v for k, v in params.items() if f":{k}" in sql}).fetchall()
        print(f"| {name} | {time.perf_counter() - started:.3f} | {len(rows)} |")
    views = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")]
    for view in views:
        started = time.perf_counter()
        rows = db.execute(f"SELECT * FROM [{view}] LIMIT 100").fetchall()
        print(
            f"| view {view}, first 100 rows | {time.perf_counter() - started:.3f} | {len(rows)} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
