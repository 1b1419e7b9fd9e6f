#!/usr/bin/env python3
"""Suggestions and footage items on the scenario set (fixtures/scenario/): precision and recall.

    .venv/bin/python bench/footage_suggestions.py [--set dev|aside|all] [--clips DIR] [--json]

`--set dev` (the default) is the 14 items the suggestions were developed on; `--set aside` is
6 items written afterwards and scored once, never tuned on.

The scenario's clips are made by ffmpeg (once, into --clips), then everything goes into a fresh
catalog in two orders: reports first, then clips; and clips first, then reports. For each it
prints
- clip-mention suggestions: precision; recall over the true (clip, mention) pairs, a pair
  counted found when the mention is proposed to that clip or to a clip the matcher already put
  in the same item (accepting that one suggestion links them);
- mention-mention suggestions: precision; recall over true pairs of mentions in different
  reports, proposed directly;
- the final grouping, after a volunteer accepts every suggestion: pairwise precision and recall
  of "in one footage item" over every clip and mention of the truth.
Extracted mentions that are no true mention (a report's sentence split off as a piece of its
own) are left out of every figure and counted.
"""

import argparse
import json
import sys
import tempfile
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixtures.scenario import (  # noqa: E402
    item_names,
    make_scenario_clips,
    mention_key,
    report_paths,
    truth,
)
from provenance.catalog.db import open_catalog  # noqa: E402
from provenance.clips.log import log_paths  # noqa: E402
from provenance.footage import items, links, suggest  # noqa: E402
from provenance.reports.ingest import ingest_paths  # noqa: E402


def node_truth(db, truth_: dict) -> tuple[dict, int]:
    """node -> true item name, for every clip and mention of the truth; and how many
    extracted mentions are no true mention."""
    item_of_clip = {f: name for name, t in truth_.items() for f in t["clips"]}
    item_of_mention = {tuple(k): name for name, t in truth_.items() for k in t["mentions"]}
    out = {}
    for clip_id, file_name in db.execute("SELECT id, file_name FROM clips"):
        if file_name in item_of_clip:
            out[("clip", clip_id)] = item_of_clip[file_name]
    unmatched = 0
    for mention_id, source, evidence in db.execute(
        "SELECT m.id, a.source, m.evidence FROM mentions m JOIN articles a ON a.id = m.article_id"
    ):
        key = mention_key(Path(source).name, [e["text"] for e in json.loads(evidence)], truth_)
        if key is None:
            unmatched += 1
        else:
            out[("mention", mention_id)] = item_of_mention[key]
    return out, unmatched


def article_of(db, mention_id: int) -> int:
    return db.execute("SELECT article_id FROM mentions WHERE id = ?", [mention_id]).fetchone()[0]


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def score(db, truth_: dict) -> dict:
    nodes, unmatched = node_truth(db, truth_)
    proposals = [s for s in suggest.open_suggestions(db, every=True) if s["status"] == "open"]
    footage = {n: items.footage_of(db, n) for n in nodes}
    clip_mention, mention_mention = [], []
    for s in proposals:
        b = ("mention", s["mention_id"])
        a = ("clip", s["clip_id"]) if s["clip_id"] else ("mention", s["other_mention_id"])
        if a in nodes and b in nodes:
            (clip_mention if a[0] == "clip" else mention_mention).append((a, b, s))
    # Clip-mention: a true pair is found when the mention is proposed to any clip of the
    # clip's item (as the matcher left it).
    proposed = {(footage[a], b) for a, b, _ in clip_mention}
    true_cm = [
        (c, m)
        for c in nodes
        for m in nodes
        if c[0] == "clip" and m[0] == "mention" and nodes[c] == nodes[m]
    ]
    found_cm = sum((footage[c], m) in proposed for c, m in true_cm)
    right_cm = sum(nodes[a] == nodes[b] for a, b, _ in clip_mention)
    mentions = [n for n in nodes if n[0] == "mention"]
    true_mm = {
        frozenset((a, b))
        for a, b in combinations(mentions, 2)
        if nodes[a] == nodes[b] and article_of(db, a[1]) != article_of(db, b[1])
    }
    proposed_mm = {frozenset((a, b)) for a, b, _ in mention_mention}
    right_mm = sum(nodes[a] == nodes[b] for a, b, _ in mention_mention)
    wrong = [
        {
            "a": a,
            "b": b,
            "true": [nodes[a], nodes[b]],
            "score": s["score"],
            "evidence": [e["kind"] + ":" + e["detail"] for e in s["evidence"]],
        }
        for a, b, s in clip_mention + mention_mention
        if nodes[a] != nodes[b]
    ]
    missed = [
        {"a": c, "b": m, "true": nodes[c]} for c, m in true_cm if (footage[c], m) not in proposed
    ] + [{"a": min(p), "b": max(p), "true": nodes[min(p)]} for p in true_mm - proposed_mm]
    before = grouping(db, nodes)
    for a, b, _ in clip_mention:
        links.link_clip_to_mention(db, a[1], b[1], linked_by="bench")
    for a, b, _ in mention_mention:
        links.link_mentions(db, a[1], b[1], linked_by="bench")
    after = grouping(db, nodes)
    return {
        "clip_mention": {
            "suggested": len(clip_mention),
            "precision": ratio(right_cm, len(clip_mention)),
            "recall": ratio(found_cm, len(true_cm)),
            "true_pairs": len(true_cm),
        },
        "mention_mention": {
            "suggested": len(mention_mention),
            "precision": ratio(right_mm, len(mention_mention)),
            "recall": ratio(len(proposed_mm & true_mm), len(true_mm)),
            "true_pairs": len(true_mm),
        },
        "grouping_before": before,
        "grouping_after_accepting_all": after,
        "mentions_outside_truth": unmatched,
        "nodes": len(nodes),
        "wrong": wrong,
        "missed": missed,
    }


def grouping(db, nodes: dict) -> dict:
    footage = {n: items.footage_of(db, n) for n in nodes}
    pairs = list(combinations(nodes, 2))
    same_true = {p for p in pairs if nodes[p[0]] == nodes[p[1]]}
    same_made = {p for p in pairs if footage[p[0]] == footage[p[1]]}
    return {
        "precision": ratio(len(same_true & same_made), len(same_made)),
        "recall": ratio(len(same_true & same_made), len(same_true)),
        "items": len(set(footage.values())),
        "true_items": len(set(nodes.values())),
    }


def run(order: str, clips: Path, names: list[str], work: Path) -> dict:
    db_path = work / f"{order}.db"
    steps = {
        "reports": lambda: ingest_paths(report_paths(names), db_path=db_path, ingested_by="bench"),
        "clips": lambda: log_paths([clips], db_path=db_path, logged_by="bench", jobs=2),
    }
    for step in order.split("-then-"):
        bad = [r for r in steps[step]() if r.error]
        if bad:
            raise SystemExit(f"{bad[0].path}: {bad[0].error}")
    return score(open_catalog(db_path), truth(names))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--clips", type=Path, help="where the scenario's clips are kept (made if missing)"
    )
    parser.add_argument("--set", dest="which", choices=["dev", "aside", "all"], default="dev")
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = parser.parse_args()
    names = item_names(args.which)
    truth_ = truth(names)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        clips = (args.clips or work / "clips") / args.which
        if not clips.exists() or not any(clips.iterdir()):
            make_scenario_clips(clips, only=names)
        results = {
            order: run(order, clips, names, work)
            for order in ("reports-then-clips", "clips-then-reports")
        }
    if args.json:
        print(json.dumps(results, indent=2, default=str))
        return
    print(
        f"set {args.which}: {len(truth_)} footage items; {results['reports-then-clips']['nodes']} clips and "
        f"mentions of the truth"
    )
    print(
        "| order | clip-mention P / R (n) | mention-mention P / R (n) | grouping P / R "
        "(matcher only) | grouping P / R (all accepted) | items made / true |"
    )
    print("|---|---|---|---|---|---|")
    for order, r in results.items():
        cm, mm = r["clip_mention"], r["mention_mention"]
        b, a = r["grouping_before"], r["grouping_after_accepting_all"]
        print(
            f"| {order} | {cm['precision']:.3f} / {cm['recall']:.3f} ({cm['suggested']}) | "
            f"{mm['precision']:.3f} / {mm['recall']:.3f} ({mm['suggested']}) | "
            f"{b['precision']:.3f} / {b['recall']:.3f} | {a['precision']:.3f} / {a['recall']:.3f} | "
            f"{a['items']} / {a['true_items']} |"
        )
    for order, r in results.items():
        for w in r["wrong"]:
            print(f"wrong ({order}): {w['a']} ~ {w['b']} {w['true']} {w['score']} {w['evidence']}")
        for m in r["missed"]:
            print(f"missed ({order}): {m['a']} ~ {m['b']} ({m['true']})")
        if r["mentions_outside_truth"]:
            print(f"{order}: {r['mentions_outside_truth']} extracted mentions are no true mention")


if __name__ == "__main__":
    main()
