#!/usr/bin/env python3
"""Extraction speed: 1,000 articles through `extract_report`, timed.

    .venv/bin/python bench/extract_speed.py [--count 1000] [--corpus ../shared/corpus/articles]

The articles are the real corpus texts (and the project's own fixture reports) repeated until
--count, each read from disk and extracted as `provenance extract` does, in one process.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.reports.extract import extract_report  # noqa: E402
from provenance.reports.read import read_report  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "articles")
    args = ap.parse_args(argv)
    files = sorted(args.corpus.glob("*.txt")) if args.corpus.exists() else []
    files += sorted((ROOT / "fixtures" / "reports").iterdir())
    started = time.perf_counter()
    chars = mentions = 0
    for i in range(args.count):
        article = extract_report(read_report(files[i % len(files)]))
        mentions += len(article["mentions"])
        chars += sum(len(e["text"]) for m in article["mentions"] for e in m["evidence"])
    elapsed = time.perf_counter() - started
    print(
        f"{args.count} articles ({len(files)} distinct) in {elapsed:.2f} s: "
        f"{args.count / elapsed:.0f} articles/s, {mentions} mentions"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
