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
echo "== footage items: every report and every copy of one piece of footage"
$py cli.py footage
echo
echo "== suggestions: clips and mentions that may be the same footage"
$py cli.py suggestions
