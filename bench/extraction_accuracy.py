#!/usr/bin/env python3
"""Extraction accuracy on ../shared/corpus, overall and per language, scored by the shared
scorer (../shared/eval/score_extraction.py) exactly as the issue tracker scores it.

    .venv/bin/python bench/extraction_accuracy.py [--set dev|aside|all] [--verbose]

The corpus is split once, by a fixed rule, so that part of it is never read while the rules
are written: of the 33 articles after the five seeds, sorted by number, every fourth one
starting with the second (42, 50, 62, 70, 82, 90, 102, 110) is set aside (`--set aside`);
the rest, with the seeds, is the development set (`--set dev`, the default).
"""

import argparse
import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
SCORER = ROOT.parent / "shared" / "eval" / "score_extraction.py"
ASIDE_EVERY = 4
ASIDE_OFFSET = 1

from provenance.reports.extract import extract_report  # noqa: E402
from provenance.reports.read import read_report  # noqa: E402


def article_sets(corpus: Path) -> dict[str, list[Path]]:
    articles = sorted(corpus.glob("articles/*.txt"), key=lambda p: int(p.name.split("_")[0]))
    seeds = [p for p in articles if len(p.stem.split("_")[1]) > 2]
    rest = [p for p in articles if p not in seeds]
    aside = rest[ASIDE_OFFSET::ASIDE_EVERY]
    dev = seeds + [p for p in rest if p not in aside]
    return {"dev": dev, "aside": aside, "all": articles}


def score(paths: list[Path], verbose: bool) -> tuple[dict, str]:
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    pred = {"articles": [extract_report(read_report(p)) for p in paths]}
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold"
        gold.mkdir()
        for p in paths:
            (gold / f"{p.stem}.json").write_text((CORPUS / "gold" / f"{p.stem}.json").read_text())
        pred_file = Path(tmp) / "pred.json"
        pred_file.write_text(json.dumps(pred, ensure_ascii=False))
        out = io.StringIO()
        args = [str(gold), str(pred_file), "--articles", str(CORPUS / "articles"), "--json"]
        with contextlib.redirect_stdout(out):
            scorer.main(args + (["--verbose"] if verbose else []))
    text = out.getvalue()
    start = text.rindex("\n{") + 1 if "\n{" in text else text.index("{")
    return json.loads(text[start:]), text[:start]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("dev", "aside", "all"), default="dev")
    ap.add_argument("--verbose", action="store_true", help="print every miss and false alarm")
    args = ap.parse_args()
    paths = article_sets(CORPUS)[args.set]
    languages: dict[str, list[Path]] = {}
    for p in paths:
        lang = json.loads((CORPUS / "gold" / f"{p.stem}.json").read_text())["language"]
        languages.setdefault(lang, []).append(p)
    overall, log = score(paths, args.verbose)
    if args.verbose:
        print(log)
    print(
        f"{'set':10s} {'articles':>8s} {'mention F1':>10s} {'chain F1':>9s} {'hop P':>6s} {'hop R':>6s}"
    )
    rows = [(f"{args.set} (all)", paths, overall)]
    rows += [(lang, ps, score(ps, False)[0]) for lang, ps in sorted(languages.items())]
    for name, ps, s in rows:
        print(
            f"{name:10s} {len(ps):8d} {s['mention_f1']:10.3f} {s['chain_f1']:9.3f}"
            f" {s['hop_precision']:6.3f} {s['hop_recall']:6.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
