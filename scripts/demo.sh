#!/usr/bin/env bash
# The main job on the bundled fixtures: make the demo clips, log them into catalog.db
# (or $PROVENANCE_DB), and print what is in the catalog.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
[ -d fixtures/clips ] || $py fixtures/make_clips.py fixtures/clips >/dev/null
$py cli.py log fixtures/clips --outlet "demo fixtures" --note "bundled demo clips"
echo
$py cli.py clips
