"""`provenance merge`: another volunteer's catalog folded into this one gives what logging and
ingesting everything into one catalog gives, and merging again adds nothing."""

import shutil
import sqlite3

from conftest import ROOT

from fixtures.make_clips import make_video, transform_clip

REPORTS = ROOT / "fixtures" / "scenario" / "reports"


def facts(db):
    """What must be equal between the merged catalog and the one made in one go, by content:
    clips by SHA-256, matched pairs, sightings, articles by text, mentions, hops, links."""
    with sqlite3.connect(db) as c:
        sha = dict(c.execute("select id, sha256 from clips"))
        text = dict(c.execute("select id, text_sha256 from articles"))
        mention = {
            m: (text[a], p)
            for m, a, p in c.execute("select id, article_id, position from mentions")
        }
        return {
            "clips": sorted(sha.values()),
            "pairs": sorted(
                {
                    (sha[a], sha[b])
                    for a, b in c.execute("select clip_id, other_clip_id from clip_matches")
                }
            ),
            "sightings": sorted(
                (sha[cid], path, src or "", by or "")
                for cid, path, src, by in c.execute(
                    "select clip_id, path, source_url, posted_by from sightings"
                )
            ),
            "articles": sorted(text.values()),
            "mentions": sorted(mention.values()),
            "hops": c.execute("select count(*) from hops").fetchone()[0],
            "links": sorted(
                (sha[cid], mention[mid])
                for cid, mid in c.execute("select clip_id, mention_id from mention_clips")
            ),
            "footage": sorted(
                sorted(
                    sha[i] if k == "clip" else repr(mention[i])
                    for k, i in c.execute(
                        "select kind, item_id from footage_members where footage_id = ?", [f]
                    )
                )
                for (f,) in c.execute("select id from footage")
            ),
        }


def test_merge_is_the_same_as_one_catalog_and_adds_nothing_twice(run, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    original = make_video(src / "original.mp4", source="life", seed=5, seconds=8)
    repost = transform_clip(original, src / "repost.mp4", start=1, seconds=6, vf="scale=240:-2")
    other = make_video(src / "other.mp4", source="cells", seed=6, seconds=6)
    report = REPORTS / "r01_lyman_newsflash_en.txt"
    mine, theirs, one = tmp_path / "mine.db", tmp_path / "theirs.db", tmp_path / "one.db"
    # Volunteer A logs the original and a report; volunteer B the re-post, another clip, the
    # same report, and links the re-post to its mention.
    assert run("--db", mine, "log", "-q", original).exit_code == 0
    assert run("--db", mine, "ingest", "-q", report).exit_code == 0
    assert run("--db", theirs, "log", "-q", repost, other, "--outlet", "Daily Mail").exit_code == 0
    assert run("--db", theirs, "ingest", "-q", report).exit_code == 0
    assert run("--db", theirs, "link", "1", "1").exit_code == 0
    # The same work in one catalog.
    run("--db", one, "log", "-q", original)
    run("--db", one, "ingest", "-q", report)
    run("--db", one, "log", "-q", repost, other, "--outlet", "Daily Mail")
    with sqlite3.connect(one) as c:
        repost_id = c.execute("select id from clips where file_name = 'repost.mp4'").fetchone()[0]
    run("--db", one, "link", repost_id, "1")
    out = run("--db", mine, "merge", theirs)
    assert out.exit_code == 0, out.output
    assert "2 new clips (0 known)" in out.stdout and "1 links" in out.stdout
    assert facts(mine) == facts(one)
    before = facts(mine)
    again = run("--db", mine, "merge", theirs)
    assert (
        "0 new clips (2 known), 0 new sightings, 0 new reports (1 known), 0 links" in again.stdout
    )
    assert facts(mine) == before
    # The re-post found its original across the two catalogs.
    assert any("repost" in str(p) for p in before["sightings"])
    assert len(before["pairs"]) == 2


def test_merge_refuses_itself_and_what_is_no_catalog(run, tmp_path, media):
    db = tmp_path / "c.db"
    run("--db", db, "log", "-q", media["plain"])
    same = run("--db", db, "merge", db)
    assert same.exit_code == 1 and "is this catalog itself" in same.stderr
    missing = run("--db", db, "merge", tmp_path / "nope.db")
    assert missing.exit_code == 1 and "nope.db" in missing.stderr
    shutil.copy(media["plain"], tmp_path / "video.db")
    foreign = run("--db", db, "merge", tmp_path / "video.db")
    assert foreign.exit_code == 1 and "video.db" in foreign.stderr


def test_a_clip_whose_file_is_gone_is_matched_by_its_stored_fingerprint(run, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    original = make_video(src / "original.mp4", source="life", seed=7, seconds=8)
    repost = transform_clip(original, src / "repost.mp4", seconds=6)
    mine, theirs = tmp_path / "mine.db", tmp_path / "theirs.db"
    run("--db", mine, "log", "-q", original)
    run("--db", theirs, "log", "-q", repost)
    repost.unlink()  # on the other volunteer's laptop only
    assert run("--db", mine, "merge", theirs, "--json").exit_code == 0
    with sqlite3.connect(mine) as c:
        assert c.execute("select count(*) from clip_matches").fetchone()[0] >= 2
        assert c.execute("select count(*) from fingerprints").fetchone()[0] == 2
