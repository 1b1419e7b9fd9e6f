"""Footage items, suggestions and timelines, on part of the scenario set (fixtures/scenario/):
its reports, and its clips made by ffmpeg at test time."""

import json
import shutil
import sqlite3

import pytest
from conftest import ROOT

from fixtures.scenario import make_scenario_clips, report_paths
from provenance.catalog.db import open_catalog
from provenance.catalog.migrations import MIGRATIONS

# The NGU tank at Lyman (2 clips, 3 reports), a decoy of the same day, place and kind of
# camera (1 clip, 2 reports), and a helicopter at Kupiansk the same day (2 clips, 2 reports).
ITEMS = ["lyman_ngu_tank", "lyman_brigade95_crossing", "kupiansk_helicopter"]
REPORTS = ROOT / "fixtures" / "scenario" / "reports"


@pytest.fixture(scope="session")
def scenario_clips(tmp_path_factory):
    return make_scenario_clips(tmp_path_factory.mktemp("scenario"), only=ITEMS)


@pytest.fixture
def clips_dir(scenario_clips, tmp_path):
    """A copy of the clips with their sidecars, as a volunteer's download folder."""
    folder = tmp_path / "dl"
    folder.mkdir()
    for path in scenario_clips.values():
        for f in path.parent.glob(path.stem + ".*"):
            shutil.copy(f, folder / f.name)
    return folder


def rows(db, sql, *params):
    with sqlite3.connect(db) as c:
        return c.execute(sql, params).fetchall()


def clip_id(db, file_name):
    return rows(db, "select id from clips where file_name = ?", file_name)[0][0]


def mention_id(db, report, phrase):
    for mid, evidence in rows(
        db,
        "select m.id, m.evidence from mentions m join articles a on a.id = m.article_id"
        " where a.source like ?",
        f"%{report}",
    ):
        if phrase.casefold() in " ".join(e["text"] for e in json.loads(evidence)).casefold():
            return mid
    raise AssertionError(f"no mention of {phrase!r} in {report}")


def footage_of(db, kind, item):
    return rows(
        db, "select footage_id from footage_members where kind = ? and item_id = ?", kind, item
    )[0][0]


def suggested_pairs(db):
    """Open suggestions as readable pairs: ('clip', file) or ('mention', report) on each side."""
    out = set()
    for _kind, c, m, o in rows(
        db,
        "select kind, clip_id, mention_id, other_mention_id from suggestions where status = 'open'",
    ):
        side = lambda mid: rows(  # noqa: E731
            db,
            "select a.source from mentions m join articles a on a.id = m.article_id where m.id = ?",
            mid,
        )[0][0].rsplit("/", 1)[-1]
        first = (
            ("clip", rows(db, "select file_name from clips where id = ?", c)[0][0])
            if c
            else (
                "mention",
                side(o),
            )
        )
        out.add((first, ("mention", side(m))))
    return out


def test_log_suggests_the_mention_that_shares_the_handle_and_never_the_decoy(
    run, clips_dir, isolated_catalog
):
    db = isolated_catalog
    assert run("ingest", "-q", *report_paths(ITEMS)).exit_code == 0
    result = run("log", clips_dir / "ngu_lyman.mp4")
    assert result.exit_code == 0
    ngu = clip_id(db, "ngu_lyman.mp4")
    newsflash = mention_id(db, "r01_lyman_newsflash_en.txt", "14-second drone video")
    assert f"clip {ngu} may be the footage of mention {newsflash}" in result.stdout
    assert "same handle @ngumainpage" in result.stdout
    assert f"accept: `provenance link {ngu} {newsflash}`" in result.stdout
    decoy = mention_id(db, "r04_lyman_brigade95_en.txt", "pontoon crossing")
    assert not rows(
        db, "select 1 from suggestions where clip_id = ? and mention_id = ?", ngu, decoy
    )
    # Suggestions are never links.
    assert rows(db, "select count(*) from mention_clips") == [(0,)]
    listed = run("suggestions", "--json")
    assert {(s["clip_id"], s["mention_id"]) for s in json.loads(listed.stdout) if s["clip_id"]} >= {
        (ngu, newsflash)
    }


def test_suggestions_do_not_depend_on_the_order_of_work(run, clips_dir, tmp_path):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    run("--db", first, "ingest", "-q", *report_paths(ITEMS))
    run("--db", first, "log", "-q", clips_dir)
    run("--db", second, "log", "-q", clips_dir)
    run("--db", second, "ingest", "-q", *report_paths(ITEMS))
    assert suggested_pairs(first) == suggested_pairs(second)
    pairs = suggested_pairs(first)
    # Every suggestion joins the same footage: the decoy shares a day, a town and a drone.
    truth = {
        "ngu_lyman.mp4": "lyman",
        "dailymail_lyman.mp4": "lyman",
        "r01_lyman_newsflash_en.txt": "lyman",
        "r02_lyman_nl.txt": "lyman",
        "brigade95_lyman.mp4": "95",
        "r04_lyman_brigade95_en.txt": "95",
        "r05_lyman_brigade95_de.txt": "95",
        "kupiansk_today.mp4": "kupiansk",
        "reuters_kupiansk.mp4": "kupiansk",
        "r15_kupiansk_uk.txt": "kupiansk",
    }
    judged = [(a[1], b[1]) for a, b in pairs if a[1] in truth and b[1] in truth]
    assert judged and all(truth[a] == truth[b] for a, b in judged)
    assert ("clip", "ngu_lyman.mp4") in {a for a, _ in pairs}
    assert ("mention", "r04_lyman_brigade95_en.txt") in {a for a, _ in pairs} | {
        b for _, b in pairs if _[0] == "mention"
    }


def test_reject_keeps_a_suggestion_from_coming_back_and_link_accepts_one(
    run, clips_dir, isolated_catalog
):
    db = isolated_catalog
    run("ingest", "-q", REPORTS / "r01_lyman_newsflash_en.txt")
    run("log", "-q", clips_dir / "ngu_lyman.mp4")
    (sid, c, m), *_ = rows(db, "select id, clip_id, mention_id from suggestions")
    assert run("reject", sid).exit_code == 0
    assert run("suggestions").stdout == "no open suggestions\n"
    # The same clip seen again from elsewhere, and the report ingested again: still rejected.
    other = clips_dir / "again"
    other.mkdir()
    shutil.copy(clips_dir / "ngu_lyman.mp4", other / "ngu_lyman.mp4")
    shutil.copy(clips_dir / "ngu_lyman.info.json", other / "ngu_lyman.info.json")
    run("log", "-q", other)
    run("ingest", "-q", REPORTS / "r01_lyman_newsflash_en.txt")
    assert rows(db, "select status from suggestions where id = ?", sid) == [("rejected",)]
    assert rows(db, "select count(*) from suggestions where status = 'open'") == [(0,)]
    # A volunteer decides otherwise: the link accepts it, and one footage holds both.
    assert run("link", c, m).exit_code == 0
    assert rows(db, "select status from suggestions where id = ?", sid) == [("accepted",)]
    assert footage_of(db, "clip", c) == footage_of(db, "mention", m)
    # Unlinking rejects it again and parts them.
    run("unlink", c, m)
    assert rows(db, "select status from suggestions where id = ?", sid) == [("rejected",)]
    assert footage_of(db, "clip", c) != footage_of(db, "mention", m)


def test_footage_timeline_with_first_appearance_disagreement_and_original(
    run, clips_dir, isolated_catalog
):
    db = isolated_catalog
    run("log", "-q", clips_dir / "ngu_lyman.mp4", clips_dir / "dailymail_lyman.mp4")
    run("ingest", "-q", REPORTS / "r01_lyman_newsflash_en.txt", REPORTS / "r03_roundup_oct_en.txt")
    ngu, dm = clip_id(db, "ngu_lyman.mp4"), clip_id(db, "dailymail_lyman.mp4")
    assert footage_of(db, "clip", ngu) == footage_of(db, "clip", dm)  # by the matcher
    newsflash = mention_id(db, "r01_lyman_newsflash_en.txt", "14-second")
    roundup = mention_id(db, "r03_roundup_oct_en.txt", "tank being destroyed")
    run("link", ngu, newsflash)
    run("link", "--mentions", newsflash, roundup)
    footage = footage_of(db, "clip", ngu)
    timeline = json.loads(run("footage", footage, "--json").stdout)
    assert {c["id"] for c in timeline["clips"]} == {ngu, dm}
    assert {m["id"] for m in timeline["mentions"]} == {newsflash, roundup}
    dated = [f["date"][:10] for f in timeline["facts"] if f["date"]]
    assert dated == sorted(dated)
    assert timeline["first_appeared"]["date"] == "2022-10-05"
    assert {f["fact"] for f in timeline["facts"]} >= {"released", "posted", "reported"}
    about = {d["about"]: {v["value"] for v in d["versions"]} for d in timeline["disagreements"]}
    assert "filmed by" in about
    assert "Ukrainian soldier" in about["filmed by"]
    assert timeline["original"]["clip_id"] == ngu  # earliest, longest, largest
    assert any("longest" in r for r in timeline["original"]["reasons"])
    text = run("footage", "--clip", dm).stdout
    assert text.startswith(f"footage {footage}: ")
    assert "2022-10-05        released    National Guard of Ukraine (telegram)" in text
    assert "disagree: filmed by" in text and f"original: clip {ngu}" in text
    listing = run("footage").stdout
    assert f"footage {footage:<5} 2022-10-05  2 clips, 2 mentions in 2 reports" in listing
    # The canned query and the PROV export read the same footage.
    prov = json.loads(run("export", "--format", "prov", "footage", footage).stdout)
    assert f"pv:footage-item-{footage}" in prov["entity"]
    assert len(prov["bundle"]) == 2
    assert run("footage", "999").exit_code == 1


def test_merge_and_split_survive_rematch_and_reingest(run, clips_dir, isolated_catalog):
    db = isolated_catalog
    run("log", "-q", clips_dir)
    run("ingest", "-q", REPORTS / "r02_lyman_nl.txt")
    ngu, dm = clip_id(db, "ngu_lyman.mp4"), clip_id(db, "dailymail_lyman.mp4")
    dutch = mention_id(db, "r02_lyman_nl.txt", "Nationale Garde")
    footage = footage_of(db, "clip", ngu)
    # Split the Daily Mail copy off its matched original.
    out = run("footage-split", footage, "--clip", dm)
    assert out.exit_code == 0, out.stdout
    assert footage_of(db, "clip", ngu) == footage and footage_of(db, "clip", dm) != footage
    # Merge the Dutch report's mention in by hand.
    merged = run("footage-merge", footage, footage_of(db, "mention", dutch))
    assert merged.exit_code == 0 and footage_of(db, "mention", dutch) == footage
    before = rows(db, "select kind, item_id, footage_id from footage_members order by 1, 2")
    assert run("rematch", "--from-files", "-q").exit_code == 0
    assert rows(
        db, "select count(*) from clip_matches where clip_id = ? and other_clip_id = ?", ngu, dm
    ) != [(0,)]
    run("ingest", "-q", REPORTS / "r02_lyman_nl.txt")
    run("log", "-q", clips_dir)
    assert rows(db, "select kind, item_id, footage_id from footage_members order by 1, 2") == before
    # Splitting off everything, or something that is not in the item, is refused.
    assert run("footage-split", footage, "--clip", ngu, "--mention", dutch).exit_code == 1
    bad = run("footage-split", footage, "--clip", dm)
    assert bad.exit_code == 1 and f"clip {dm} is not in footage {footage}" in bad.stderr


def test_forget_clip_leaves_its_footage_and_suggestions(run, clips_dir, isolated_catalog):
    db = isolated_catalog
    run("ingest", "-q", REPORTS / "r01_lyman_newsflash_en.txt")
    run("log", "-q", clips_dir / "ngu_lyman.mp4", clips_dir / "dailymail_lyman.mp4")
    ngu, dm = clip_id(db, "ngu_lyman.mp4"), clip_id(db, "dailymail_lyman.mp4")
    assert rows(db, "select count(*) from suggestions where clip_id = ?", ngu) != [(0,)]
    assert run("forget", "clip", ngu).exit_code == 0
    assert rows(db, "select count(*) from suggestions where clip_id = ?", ngu) == [(0,)]
    assert rows(
        db, "select count(*) from footage_members where kind = 'clip' and item_id = ?", ngu
    ) == [(0,)]
    assert rows(
        db, "select count(*) from footage_members where kind = 'clip' and item_id = ?", dm
    ) == [(1,)]
    # No item is left without members.
    assert rows(
        db, "select count(*) from footage where id not in (select footage_id from footage_members)"
    ) == [(0,)]


def test_m008_puts_an_existing_catalog_into_footage_items(run, clips_dir, tmp_path):
    """A catalog made before footage items gets them from its matches and links."""
    db_path = tmp_path / "old.db"
    new = tmp_path / "new.db"
    run("--db", new, "log", "-q", clips_dir / "ngu_lyman.mp4", clips_dir / "dailymail_lyman.mp4")
    old = sqlite3.connect(db_path)
    old.close()
    from sqlite_utils import Database

    db = Database(db_path)
    MIGRATIONS.apply(db, stop_before="m008_footage_items_suggestions_timeline")
    src = sqlite3.connect(new)
    for table in ("clips", "sightings", "clip_matches"):
        # The columns the old catalog has (later migrations add more).
        have = {r[1] for r in db.execute(f"pragma table_info({table})").fetchall()}
        columns = [r[1] for r in src.execute(f"pragma table_info({table})") if r[1] in have]
        for row in src.execute(f"select {', '.join(columns)} from {table}"):
            db.execute(
                f"insert into {table} ({', '.join(columns)}) values ({', '.join('?' * len(row))})",
                row,
            )
    db.conn.commit()
    db.close()
    upgraded = open_catalog(db_path)
    members = upgraded.execute("select kind, item_id, footage_id from footage_members").fetchall()
    assert len(members) == 2 and len({f for _, _, f in members}) == 1


@pytest.mark.slow
def test_whole_scenario_meets_the_precision_and_recall_targets(tmp_path):
    """The benchmark's own figures (bench/footage_suggestions.py), in both orders of work."""
    import subprocess
    import sys

    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "footage_suggestions.py"),
            "--json",
            "--clips",
            str(tmp_path / "clips"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    for order, r in json.loads(out.stdout).items():
        for kind in ("clip_mention", "mention_mention"):
            assert r[kind]["precision"] >= 0.95, (order, kind, r["wrong"])
            assert r[kind]["recall"] >= 0.8, (order, kind, r["missed"])
        final = r["grouping_after_accepting_all"]
        assert final["precision"] >= 0.95 and final["recall"] >= 0.8, order
