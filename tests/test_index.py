"""The candidate index kept on disk beside the catalog (provenance.clips.index_files)."""

import json
import os
import stat

import numpy as np
import pytest

from fixtures.make_clips import transform_clip
from provenance.catalog.db import open_catalog, transaction
from provenance.clips import index_files
from provenance.clips.fingerprint import Fingerprint
from provenance.clips.index_files import open_index, rebuild_index
from provenance.clips.log import forget_clip
from provenance.clips.matches import fingerprint_row
from provenance.clips.search import FingerprintIndex, close_frames

FRAMES = 120  # a 1-minute clip as the catalog keeps it (2 a second)


def footage(rng: np.random.Generator, n: int = FRAMES) -> np.ndarray:
    """Hashes that drift a bit a frame and jump at a cut every few seconds, as footage's do."""
    out = np.empty(n, dtype=np.uint64)
    current = np.uint64(rng.integers(0, 2**63))
    for i in range(n):
        if i % 9 == 0:
            current = np.uint64(rng.integers(0, 2**63))
        current ^= np.uint64(1) << np.uint64(rng.integers(0, 64))
        out[i] = current
    return out


def fingerprint(hashes: np.ndarray, fps: float = 2.0) -> Fingerprint:
    n = len(hashes)
    return Fingerprint(
        fps=fps,
        hashes=hashes,
        informative=np.ones(n, dtype=bool),
        motion=np.full(n, 20, dtype=np.uint8),
        content_box=(0.0, 0.0, 1.0, 1.0),
    )


def add_clips(db, hashes_by_id: dict[int, np.ndarray], tag: str = "") -> None:
    with transaction(db):
        for clip_id, hashes in hashes_by_id.items():
            db["clips"].insert(
                {
                    "id": clip_id,
                    "sha256": f"{tag}{clip_id:0{64 - len(tag)}x}",
                    "path": f"/clips/{clip_id}.mp4",
                    "file_name": f"{clip_id}.mp4",
                    "size_bytes": 1,
                    "media_type": "video",
                    "first_logged_at": "2026-12-01T00:00:00Z",
                }
            )
            db["fingerprints"].insert(fingerprint_row(clip_id, fingerprint(hashes)))


def excerpt_of(hashes: np.ndarray, rng: np.random.Generator) -> Fingerprint:
    """Half a minute of a clip re-encoded (3 bits off a frame), on the 4-a-second query grid."""
    part = np.repeat(hashes[30:90], 2)
    for _ in range(3):
        part = part ^ (np.uint64(1) << rng.integers(0, 64, size=len(part)).astype(np.uint64))
    return fingerprint(part, 4.0)


@pytest.fixture
def catalog(tmp_path):
    rng = np.random.default_rng(5)
    db = open_catalog(tmp_path / "big.db")
    clips = {i: footage(rng) for i in range(1, 301)}
    add_clips(db, clips)
    return db, clips, rng


def test_matches_from_the_files_are_those_of_the_index_in_memory(catalog):
    db, clips, rng = catalog
    index = rebuild_index(db)
    assert index.segments and index.covered == 300 and not index.recent.clips
    whole = FingerprintIndex()
    whole.catch_up(db)
    for clip_id in (1, 150, 300):
        query = excerpt_of(clips[clip_id], rng)
        on_disk = open_index(db).match(query)
        assert set(on_disk) == {clip_id}
        assert set(on_disk) == set(whole.match(query))
        assert on_disk[clip_id][0].start_seconds == pytest.approx(0.0, abs=0.5)


def test_log_processes_hold_only_the_clips_above_the_files_and_write_them_when_due(
    catalog, monkeypatch
):
    db, clips, rng = catalog
    monkeypatch.setattr(index_files, "FLUSH_FRAMES", 10 * FRAMES)
    index = open_index(db)  # 300 clips past the flush size: written to disk at once
    assert index.covered == 300 and not index.recent.clips
    manifest = json.loads((index.folder / "manifest.json").read_text())
    assert [s["hi"] for s in manifest["segments"]] == [300]
    for start in range(301, 400, 3):  # three clips at a time, as three volunteers' logs
        more = {i: footage(rng) for i in range(start, start + 3)}
        add_clips(db, more)
        clips.update(more)
        index.catch_up()
        index.flush_if_due()
    assert index.newest == 399
    # Segments merge as they are written: a few, not one per flush.
    assert 1 < len(index.segments) <= 5
    assert [s.lo for s in index.segments[1:]] == [s.hi for s in index.segments[:-1]]
    assert index.recent.frame_count < index_files.FLUSH_FRAMES
    # A new process sees every clip, on disk or in memory.
    fresh = open_index(db)
    assert fresh.newest == 399
    for clip_id in (7, 333, 398):
        assert set(fresh.match(excerpt_of(clips[clip_id], rng))) == {clip_id}
    # Only listed segments are left on disk.
    names = {p.name for p in fresh.folder.iterdir() if p.is_dir()}
    assert names == {s.name for s in fresh.segments}


def test_a_crash_while_writing_leaves_the_last_whole_index(catalog):
    db, clips, rng = catalog
    index = rebuild_index(db)
    folder = index.folder
    before = (folder / "manifest.json").read_bytes()
    # What a writer killed half-way leaves: a half-written folder, never listed.
    (folder / ".build-crashed").mkdir()
    (folder / ".build-crashed" / "hashes.npy").write_bytes(b"\x93NUMPY half")
    (folder / ".tmp-manifest").write_bytes(b'{"layout": 1, "segm')
    reopened = open_index(db)
    assert [s.name for s in reopened.segments] == [s.name for s in index.segments]
    assert set(reopened.match(excerpt_of(clips[42], rng))) == {42}
    rebuild_index(db)
    assert not (folder / ".build-crashed").exists()
    assert (folder / "manifest.json").read_bytes() != before


def test_an_index_the_catalog_does_not_match_is_repaired_on_open(tmp_path, catalog):
    db, clips, rng = catalog
    rebuild_index(db)
    index = open_index(db)
    add_clips(db, {i: footage(rng) for i in range(301, 311)})
    index.extend()  # two segments: clips 1-300 and 301-310
    assert [s.hi for s in index.segments] == [300, 310]
    # The catalog is restored from a backup taken at 300 clips, and other clips are logged
    # since under the numbers 301-310: the second segment no longer describes it.
    with transaction(db):
        db.execute("DELETE FROM fingerprints WHERE clip_id > 300")
        db.execute("DELETE FROM clips WHERE id > 300")
    other = {i: footage(rng) for i in range(301, 311)}
    add_clips(db, other, tag="b")
    repaired = open_index(db)
    assert repaired.repaired and [s.hi for s in repaired.segments] == [300]
    assert set(repaired.match(excerpt_of(other[305], rng))) == {305}
    assert set(repaired.match(excerpt_of(clips[12], rng))) == {12}


def test_a_forgotten_clip_leaves_the_files_valid_and_is_never_a_candidate(catalog):
    db, clips, rng = catalog
    rebuild_index(db)
    forget_clip(db, 300, by="tester", reason="wrong file")
    index = open_index(db)
    assert not index.repaired and index.covered == 300
    assert index.match(excerpt_of(clips[300], rng)) == {}
    assert set(index.match(excerpt_of(clips[299], rng))) == {299}


def test_a_read_only_catalog_keeps_its_index_in_memory(tmp_path, catalog):
    db, clips, rng = catalog
    path = tmp_path / "big.db"
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    os.chmod(path, stat.S_IRUSR)
    try:
        snapshot = open_catalog(path, write=False)
        index = open_index(snapshot)
        assert not index.segments and len(index.recent.clips) == 300
        assert not (tmp_path / "big.db.index").exists()
        assert set(index.match(excerpt_of(clips[9], rng))) == {9}
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_index_command_rebuilds_and_log_finds_a_copy_through_the_files(run, clip_copy, tmp_path):
    db = tmp_path / "catalog.db"
    assert run("log", "-q", clip_copy("plain"), clip_copy("tagged")).exit_code == 0
    status = json.loads(run("index", "--json").stdout)
    assert status["segments"] == 0 and status["frames_not_on_disk"] > 0
    result = run("index", "--rebuild")
    assert result.exit_code == 0 and "clips 1-2 of 2 on disk" in result.stdout
    assert (tmp_path / "catalog.db.index" / "manifest.json").exists()
    folder = open_catalog(db).execute("select folder from fingerprint_index").fetchone()[0]
    assert folder == "catalog.db.index"
    # A copy of clip 1 under another name and with other bytes: found from the files alone.
    copy = transform_clip(clip_copy("plain", "src.mp4"), tmp_path / "copy.mp4", crf=36)
    logged = json.loads(run("log", "--json", copy).stdout)
    assert [m["other_clip_id"] for m in logged[0]["matches"]] == [1]


def test_a_weak_candidate_is_counted_by_every_pair_of_frames():
    rng = np.random.default_rng(3)
    stored = footage(rng, 40)
    q = np.concatenate([stored[:5] ^ np.uint64(0b111), rng.integers(0, 2**63, 20, dtype=np.uint64)])
    frame_of = np.arange(len(q))
    assert close_frames(q, frame_of, fingerprint(stored)) == 5
    assert close_frames(q[5:], frame_of[5:], fingerprint(stored)) == 0
