#!/usr/bin/env bash
# The main job on the bundled fixtures: make the demo clips, log them into catalog.db (or
# $PROVENANCE_DB) with the re-posts linked, ingest the fixture reports, and print the catalog.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
[ -d fixtures/clips ] || $py fixtures/make_clips.py fixtures/clips >/dev/null
$py cli.py log fixtures/clips --outlet "demo fixtures" --note "bundled demo clips"
echo
$py cli.py ingest fixtures/reports
echo
echo "== clips"
$py cli.py clips
echo
echo "== clips that share footage"
$py cli.py groups
echo
echo "== footage mentions and their stated origin chains"
$py cli.py mentions
echo
echo "== footage: a tank hit near Lyman, its decoy of the same day and town, in two reports each"
items="lyman_ngu_tank lyman_brigade95_crossing"
[ -d fixtures/clips/scenario ] || $py fixtures/scenario.py fixtures/clips/scenario $items >/dev/null
$py cli.py ingest -q $($py fixtures/scenario.py --reports $items)
$py cli.py log fixtures/clips/scenario
echo
echo "== footage items: every report and every copy of one piece of footage"
$py cli.py footage
echo
ngu=$($py cli.py lookup --json fixtures/clips/scenario/ngu_lyman.mp4 | $py -c "import json, sys; print(json.load(sys.stdin)['clip_id'])")
$py cli.py footage --clip "$ngu"
echo
echo "== suggestions still open"
$py cli.py suggestions
