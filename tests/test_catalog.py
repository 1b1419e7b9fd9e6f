"""Opening, migrating and documenting the catalog."""

import json
import sqlite3
import zlib

import numpy as np
import pytest
import sqlite_utils
from conftest import ROOT

from fixtures.make_clips import make_video
from provenance.catalog.db import open_catalog, schema_version
from provenance.catalog.migrations import MIGRATIONS
from provenance.catalog.schema_docs import describe_schema, schema_markdown, undocumented
from provenance.clips.align import match_fingerprints
from provenance.clips.fingerprint import fingerprint_file
from provenance.clips.matches import refresh_index
from provenance.clips.search import FingerprintIndex
from provenance.errors import CatalogError


def names(db):
    return [m.name for m in MIGRATIONS.applied(db)]


def test_new_catalog_has_every_migration_recorded_in_order(tmp_path):
    db = open_catalog(tmp_path / "c.db")
    assert names(db) == [m.name for m in MIGRATIONS._migrations]
    assert all(n.startswith(f"m{i:03d}_") for i, n in enumerate(names(db), start=1))
    assert db.journal_mode == "wal"
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1


def test_older_catalog_is_upgraded_keeping_its_rows(tmp_path):
    path = tmp_path / "old.db"
    first = MIGRATIONS._migrations[0].name
    old = sqlite_utils.Database(path)
    later = [m.name for m in MIGRATIONS._migrations[1:]]
    MIGRATIONS.apply(old, stop_before=later[0] if later else None)
    old["clips"].insert(
        {
            "sha256": "a" * 64,
            "path": "/x.mp4",
            "file_name": "x.mp4",
            "size_bytes": 10,
            "media_type": "video",
            "first_logged_at": "2024-01-01",
        }
    )
    old.close()
    db = open_catalog(path)
    assert names(db)[0] == first
    assert schema_version(db) == MIGRATIONS._migrations[-1].name
    assert db.execute("select file_name from clips").fetchall() == [("x.mp4",)]


def test_newer_catalog_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_catalog(path).execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) "
        "values ('provenance', 'm999_from_the_future', '2030-01-01')"
    )
    with pytest.raises(CatalogError) as e:
        open_catalog(path)
    assert str(e.value) == (
        f"{path}: catalog was made by a newer version of provenance (schema "
        "migration m999_from_the_future is unknown here); upgrade provenance to open it"
    )


def test_checks_refuse_impossible_values(tmp_path):
    db = open_catalog(tmp_path / "c.db")
    good = {
        "sha256": "b" * 64,
        "path": "/y.mp4",
        "file_name": "y.mp4",
        "size_bytes": 10,
        "media_type": "video",
        "first_logged_at": "2024-01-01",
    }
    for bad in (
        {"gps_latitude": 91.0},
        {"rotation": 45},
        {"media_type": "audio"},
        {"sha256": "short"},
        {"container_tags": "{not json"},
    ):
        with pytest.raises(sqlite3.IntegrityError):
            db["clips"].insert({**good, **bad})


def test_every_table_and_column_is_documented(tmp_path):
    assert undocumented(describe_schema(open_catalog(tmp_path / "c.db"))) == []


def test_docs_schema_md_is_generated_from_the_live_schema(tmp_path, run):
    """docs/schema.md must be what `provenance schema --markdown` prints (regenerate it with
    `python cli.py schema --markdown --db /tmp/fresh.db > docs/schema.md`)."""
    db = open_catalog(tmp_path / "c.db")
    expected = schema_markdown(describe_schema(db), schema_version(db))
    assert (ROOT / "docs" / "schema.md").read_text() == expected
    assert run("schema", "--markdown", "--db", tmp_path / "c.db").stdout == expected


def test_schema_command_prints_tables_and_column_lines(run):
    out = run("schema").stdout
    assert "clips (table): One row per distinct file" in out
    assert "  sha256 " in out
    assert "clip_custody (view):" in out


def test_every_command_has_help(run):
    from provenance.cli import cli

    assert run("--help").exit_code == 0
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        result = run(name, "--help")
        assert result.exit_code == 0
        assert command.help.split("\n")[0].strip()[:30] in " ".join(result.stdout.split())


def test_bad_option_exits_2(run):
    assert run("log", "--jobs", "0", "x.mp4").exit_code == 2


def test_version_1_fingerprints_are_converted_and_still_match(tmp_path):
    """m004 keeps the middle-of-picture hashes of version 1 fingerprints, without the files."""
    source = make_video(tmp_path / "source.mp4", source="life", seconds=8, seed=3)
    fresh = fingerprint_file(source)
    kept = fresh.stored()
    path = tmp_path / "v1.db"
    old = sqlite_utils.Database(path)
    MIGRATIONS.apply(old, stop_before="m004_one_hash_per_fingerprint_frame")
    old["clips"].insert(
        {
            "id": 1,
            "sha256": "b" * 64,
            "path": str(source),
            "file_name": "source.mp4",
            "size_bytes": 1,
            "media_type": "video",
            "first_logged_at": "2026-01-01",
        }
    )

    def v1_blob(hashes):
        return zlib.compress(hashes.astype(">u8").tobytes(), 9)

    old["fingerprints"].insert(
        {
            "clip_id": 1,
            "version": 1,
            "grid_fps": kept.fps,
            "frame_count": len(kept.hashes),
            "informative_frames": int(kept.informative.sum()),
            "keyframes_only": 0,
            "content_box": "[0, 0, 1, 1]",
            "full_hashes": v1_blob(fresh.query_views["crop1"][::2]),
            "inner_hashes": v1_blob(kept.hashes),
            "mirror_hashes": v1_blob(fresh.query_views["mirror1"][::2]),
            "informative": zlib.compress(np.packbits(kept.informative).tobytes(), 9),
            "motion": zlib.compress(kept.motion.tobytes(), 9),
            "made_at": "2026-01-01",
        }
    )
    old.close()
    db = open_catalog(path)
    assert "full_hashes" not in db["fingerprints"].columns_dict
    index = refresh_index(db, FingerprintIndex())
    converted = index.clips[1].fingerprint
    assert np.array_equal(converted.hashes, kept.hashes)
    (stretch,) = match_fingerprints(fresh, converted)
    assert stretch.end_seconds - stretch.start_seconds >= 7


def test_db_before_the_command_is_the_same_catalog(run, tmp_path, media):
    db = tmp_path / "before.db"
    assert run("--db", db, "log", "-q", media["plain"]).exit_code == 0
    listed = run("--db", db, "clips", "--json")
    assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == 1
    assert run("clips", "--db", db, "--json").stdout == listed.stdout


@pytest.mark.parametrize("as_json", [False, True])
@pytest.mark.parametrize("command", ["matches", "verify"])
def test_an_unknown_clip_number_is_named(run, tmp_path, media, command, as_json):
    db = tmp_path / "c.db"
    assert run("log", "-q", "--db", db, media["plain"]).exit_code == 0
    args = [command, "999", "--db", db] + (["--json"] if as_json and command == "matches" else [])
    result = run(*args)
    assert result.exit_code == 1
    assert "no clip 999 in the catalog" in result.stderr


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["log", "--posted-at", "yesterday"], "--posted-at"),
        (["ingest", "--published", "2022-13-45"], "--published"),
    ],
)
def test_dates_that_are_not_iso_are_refused(run, tmp_path, media, args, option):
    db = tmp_path / "d.db"
    target = media["plain"] if args[0] == "log" else ROOT / "fixtures" / "reports"
    result = run(*args, "--db", db, target)
    assert result.exit_code == 2
    assert f"Invalid value for '{option}'" in result.stderr and "ISO 8601" in result.stderr
    assert not db.exists()


def test_read_commands_do_not_make_or_migrate_a_catalog(run, tmp_path):
    missing = tmp_path / "missing.db"
    result = run("clips", "--db", missing)
    assert result.exit_code == 1 and "no catalog here" in result.stderr
    assert not missing.exists()
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("create table notes (id integer primary key, body text)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    result = run("clips", "--db", other)
    assert result.exit_code == 1 and "another program" in result.stderr
    assert other.read_bytes() == before


def test_every_command_is_in_the_readme_and_has_help(run):
    """As sqlite-utils' test_docs: a command nobody can find in the README does not exist."""
    import re

    from provenance.cli import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [n for n in cli.commands if not re.search(rf"provenance {n}\b", readme)]
    assert missing == []
    for name, command in cli.commands.items():
        assert (command.help or "").strip(), f"{name} has no help text"
        assert run(name, "--help").exit_code == 0


def test_the_public_api_imports():
    import provenance

    for name in provenance.__all__:
        assert getattr(provenance, name) is not None


def test_every_command_that_prints_results_has_json(run):
    from provenance.cli import cli

    prints_results = [
        "log",
        "ingest",
        "verify",
        "link",
        "rematch",
        "clips",
        "matches",
        "groups",
        "mentions",
        "chain",
        "lookup",
        "extract",
    ]
    lacking = [n for n in prints_results if "--json" not in run(n, "--help").stdout]
    assert lacking == []
    assert set(prints_results) <= set(cli.commands)


def test_verify_link_and_rematch_in_json(run, media, isolated_catalog):
    assert run("log", "-q", media["plain"]).exit_code == 0
    (row,) = json.loads(run("verify", "--json").stdout)
    assert row["status"] == "unchanged" and row["clip_id"] == 1
    assert run("ingest", "-q", ROOT / "fixtures" / "reports" / "dashcam_nl.txt").exit_code == 0
    assert json.loads(run("link", "1", "1", "--json").stdout) == {
        "clip_id": 1,
        "mention_id": 1,
        "new": True,
        "footage_id": 1,
    }
    assert json.loads(run("rematch", "--json", "-q").stdout) == {
        "matched_stretches": 0,
        "groups": 0,
    }


def test_read_commands_work_on_a_read_only_snapshot(run, media, tmp_path, isolated_catalog):
    import os
    import stat

    assert run("log", "-q", media["plain"]).exit_code == 0
    snapshot = tmp_path / "share" / "snapshot.db"
    snapshot.parent.mkdir()
    db = sqlite3.connect(isolated_catalog)
    db.execute("VACUUM INTO ?", [str(snapshot)])
    db.close()
    snapshot.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    snapshot.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        listed = run("clips", "--json", "--db", snapshot)
        assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == 1
        assert run("matches", "1", "--db", snapshot).exit_code == 0
        refused = run("log", "-q", media["tagged"], "--db", snapshot)
        assert refused.exit_code == 1 and "catalog is read-only" in refused.stderr
        assert sorted(os.listdir(snapshot.parent)) == ["snapshot.db"]  # no -wal, no -shm
    finally:
        snapshot.parent.chmod(stat.S_IRWXU)


def test_every_documented_example_query_runs(tmp_path):
    """docs/schema.md's example queries are SQL a volunteer can paste: each one runs."""
    from provenance.catalog.schema_docs import EXAMPLES

    db = open_catalog(tmp_path / "c.db")
    queries = [sql for examples in EXAMPLES.values() for _, sql in examples]
    assert len(queries) > 10
    for sql in queries:
        db.execute(sql).fetchall()  # raises on a wrong column or table
