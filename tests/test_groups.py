"""Groups of clips that share footage, kept as clips are matched (provenance.clips.groups)."""

import json
import random

from provenance.catalog.db import open_catalog, transaction
from provenance.clips.groups import join_group, regroup, regroup_all


def add_clips(db, n: int) -> None:
    db["clips"].insert_all(
        {
            "id": i,
            "sha256": f"{i:064x}",
            "path": f"/clips/{i}.mp4",
            "file_name": f"{i}.mp4",
            "size_bytes": 1000,
            "media_type": "video",
            "first_logged_at": "2026-01-01T00:00:00Z",
        }
        for i in range(1, n + 1)
    )


def link(db, a: int, b: int) -> None:
    row = {
        "start_seconds": 0,
        "end_seconds": 1,
        "other_start_seconds": 0,
        "other_end_seconds": 1,
        "similarity": 0.9,
        "transform": "same",
        "matched_frames": 2,
        "matched_at": "2026-01-01T00:00:00Z",
    }
    db["clip_matches"].insert_all(
        [{"clip_id": a, "other_clip_id": b, **row}, {"clip_id": b, "other_clip_id": a, **row}]
    )


def unlink_clip(db, c: int) -> list[int]:
    others = [
        o for (o,) in db.execute("select other_clip_id from clip_matches where clip_id = ?", [c])
    ]
    db.execute("delete from clip_matches where clip_id = ? or other_clip_id = ?", [c, c])
    return others


def groups(db) -> dict[int, int]:
    return dict(db.execute("select clip_id, group_id from clip_group_members").fetchall())


def expected_groups(db) -> dict[int, int]:
    """Every clip with a match -> the lowest clip id it reaches, by walking all matches."""
    edges: dict[int, set[int]] = {}
    for a, b in db.execute("select clip_id, other_clip_id from clip_matches"):
        edges.setdefault(a, set()).add(b)
    out: dict[int, int] = {}
    for start in edges:
        if start in out:
            continue
        seen, frontier = {start}, [start]
        while frontier:
            frontier = [o for c in frontier for o in edges[c] if o not in seen]
            seen |= set(frontier)
        out.update(dict.fromkeys(seen, min(seen)))
    return out


def test_groups_kept_one_clip_at_a_time_are_those_of_all_matches(tmp_path):
    """Random matches added and removed clip by clip, regrouped around each change, give
    after every change the groups that walking every match gives, each numbered by its
    lowest clip; regroup_all gives them too."""
    db = open_catalog(tmp_path / "c.db")
    add_clips(db, 120)
    rng = random.Random(5)
    for step in range(300):
        with transaction(db):
            c = rng.randint(1, 120)
            if step % 3 == 2:
                regroup(db, [c, *unlink_clip(db, c)])  # a forgotten clip's matches go
            else:
                others = rng.sample(range(1, 121), rng.choice([0, 1, 1, 2, 3]))
                others = [o for o in others if o != c]
                for o in others:
                    link(db, c, o)
                join_group(db, c, others)  # renumbers, or regroups a clip already grouped
        assert groups(db) == expected_groups(db), step
    kept = groups(db)
    with transaction(db):
        regroup_all(db)
    assert kept == groups(db) and len(set(kept.values())) > 1


def test_a_catalog_with_matches_gets_its_groups_on_upgrade(tmp_path):
    """m012 fills clip_group_members from the matches already in the catalog."""
    from sqlite_utils import Database

    from provenance.catalog.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before="m012_clip_groups_kept_as_clips_are_matched")
    add_clips(old, 5)
    link(old, 2, 3)
    link(old, 3, 5)
    old.conn.commit()
    old.close()
    db = open_catalog(path)
    assert groups(db) == {2: 2, 3: 2, 5: 2}
    assert [r[0] for r in db.execute("select clip_id from clip_groups order by clip_id")] == [
        2,
        3,
        5,
    ]


def test_first_seen_is_the_earliest_known_time_clip_by_clip(tmp_path):
    """clip_first_seen (m013, computed per clip): the camera's time or the earliest posting,
    a tie the camera's, the time it was logged only where neither is known."""
    db = open_catalog(tmp_path / "c.db")
    add_clips(db, 5)
    db.execute("update clips set creation_time = '2022-03-01T10:00:00Z' where id in (1, 2, 3)")
    sightings = [
        (1, None, "2026-01-02T00:00:00Z"),  # camera only
        (2, "2022-02-01T00:00:00Z", "2026-01-02T00:00:00Z"),  # posted before the camera time
        (3, "2022-03-01T10:00:00Z", "2026-01-02T00:00:00Z"),  # a tie: the camera's
        (4, "2023-05-05T00:00:00Z", "2026-01-02T00:00:00Z"),  # posted only
        (4, "2023-01-01T00:00:00Z", "2026-01-03T00:00:00Z"),
        (5, None, "2026-01-04T00:00:00Z"),  # logged only, twice
        (5, None, "2026-01-01T00:00:00Z"),
    ]
    db["sightings"].insert_all(
        {"clip_id": c, "path": f"/p/{n}", "path_given": "x", "posted_at": p, "logged_at": at}
        for n, (c, p, at) in enumerate(sightings)
    )
    got = {r[0]: r[1:] for r in db.execute("select * from clip_first_seen order by clip_id")}
    assert got == {
        1: ("2022-03-01T10:00:00Z", "camera"),
        2: ("2022-02-01T00:00:00Z", "posted"),
        3: ("2022-03-01T10:00:00Z", "camera"),
        4: ("2023-01-01T00:00:00Z", "posted"),
        5: ("2026-01-01T00:00:00Z", "logged"),
    }


def test_groups_lists_a_page_in_the_order_of_the_whole_listing(tmp_path, run):
    """`groups` shows a page (earliest sighting first) and says how to get the next; the
    pages one after another are the whole listing, `--all` and --json's alike."""
    path = tmp_path / "c.db"
    db = open_catalog(path)
    add_clips(db, 24)
    rng = random.Random(2)
    with transaction(db):
        for a in range(1, 25, 2):  # 12 groups of two
            link(db, a, a + 1)
        db["sightings"].insert_all(
            {
                "clip_id": c,
                "path": f"/p/{c}",
                "path_given": "x",
                "posted_at": f"2024-0{rng.randint(1, 9)}-0{rng.randint(1, 9)}T00:00:00Z",
                "logged_at": "2026-01-01T00:00:00Z",
            }
            for c in range(1, 25)
        )
        regroup_all(db)
    every = run("groups", "--all", "--db", path).stdout.splitlines()
    assert sum(line.startswith("group ") for line in every) == 12
    pages, offset = [], 0
    while True:
        out = run("groups", "--limit", 5, "--offset", offset, "--db", path).stdout.splitlines()
        if offset < 10:
            assert (
                out[-1]
                == f"groups {offset + 1}-{offset + 5} of 12: --offset {offset + 5} for the next, --all for every one"
            )
            out = out[:-1]
        pages += out
        offset += 5
        if offset >= 12:
            break
    assert pages == every
    firsts = [
        min(c["first_seen"] for c in g["clips"])
        for g in json.loads(run("groups", "--json", "--all", "--db", path).stdout)
    ]
    assert firsts == sorted(firsts)
    page = json.loads(run("groups", "--json", "--limit", 3, "--offset", 3, "--db", path).stdout)
    assert [min(c["first_seen"] for c in g["clips"]) for g in page] == firsts[3:6]
