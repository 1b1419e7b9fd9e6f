"""`provenance log`, `clips` and `verify` on real files and a real catalog."""

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import run_process

from fixtures.make_clips import make_video, transform_clip


def rows(db, sql, *params):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def test_log_video_records_hash_probe_and_tags(run, media, isolated_catalog):
    result = run(
        "log",
        media["tagged"],
        "--source-url",
        "https://t.me/ngu/123",
        "--posted-by",
        "National Guard of Ukraine",
        "--outlet",
        "Newsflash",
        "--note",
        "from NGU",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("logged clip 1  tagged.mp4  0:02  320x240  sha256 ")
    (clip,) = rows(isolated_catalog, "select * from clips")
    assert len(clip["sha256"]) == 64
    assert clip["media_type"] == "video"
    assert clip["video_codec"] == "h264"
    assert clip["container"].startswith("mov,mp4")
    assert abs(clip["duration_seconds"] - 2.0) < 0.1
    assert (clip["width"], clip["height"], clip["fps"]) == (320, 240, 25.0)
    assert clip["creation_time"] == "2022-06-01T10:00:00Z"
    assert (clip["gps_latitude"], clip["gps_longitude"]) == (48.595, 38.001)
    assert (clip["make"], clip["model"]) == ("DJI", "Mavic 3")
    assert json.loads(clip["container_tags"])["location"] == "+48.5950+038.0010/"
    assert json.loads(clip["probe"])["streams"][0]["codec_type"] == "video"
    (sighting,) = rows(isolated_catalog, "select * from sightings")
    assert sighting["platform"] == "telegram"  # guessed from the URL
    assert (sighting["posted_by"], sighting["outlet"], sighting["note"]) == (
        "National Guard of Ukraine",
        "Newsflash",
        "from NGU",
    )
    assert sighting["logged_by"] == "tester"
    assert sighting["path_given"] == str(media["tagged"])


def test_log_still_reads_exif_gps_as_decimal_degrees(run, media, isolated_catalog):
    assert run("log", media["still"]).exit_code == 0
    (clip,) = rows(isolated_catalog, "select * from clips")
    assert clip["media_type"] == "still"
    assert clip["duration_seconds"] is None
    assert abs(clip["gps_latitude"] - 48.5) < 1e-4
    assert abs(clip["gps_longitude"] + 38.25) < 1e-4
    assert clip["creation_time"] == "2022-06-01T10:15:00"
    assert (clip["make"], clip["model"]) == ("TestCam", "T-1")
    assert json.loads(clip["exif"])["Image Make"] == "TestCam"


def test_same_file_twice_is_one_clip_and_rerun_adds_nothing(
    run, clip_copy, tmp_path, isolated_catalog
):
    first = clip_copy("plain")
    assert run("log", first).exit_code == 0
    again = run("log", first)
    assert again.exit_code == 0
    assert again.stdout.startswith("already logged: clip 1")
    assert len(rows(isolated_catalog, "select * from sightings")) == 1
    # Another path, another outlet: the same clip, seen again.
    other = clip_copy("plain", "reposted.mp4", tmp_path / "elsewhere")
    result = run("log", other, "--outlet", "Daily Mail")
    assert result.stdout.startswith("new sighting of clip 1")
    assert rows(isolated_catalog, "select count(*) n from clips")[0]["n"] == 1
    assert [
        s["outlet"] for s in rows(isolated_catalog, "select outlet from sightings order by id")
    ] == [None, "Daily Mail"]


def test_folder_is_walked_recursively_with_yt_dlp_sidecar(
    run, clip_copy, tmp_path, isolated_catalog
):
    folder = tmp_path / "clips"
    clip_copy("tagged", folder=folder / "a")
    clip_copy("still", folder=folder / "b" / "c")
    video = clip_copy("plain", folder=folder)
    video.with_name("plain.info.json").write_text(
        json.dumps(
            {
                "webpage_url": "https://www.youtube.com/watch?v=abc",
                "extractor_key": "Youtube",
                "channel": "Some Channel",
                "uploader": "someone",
                "timestamp": 1654077600,
                "upload_date": "20220601",
                "title": "Trench footage",
                "description": "Filmed near Lyman",
                "formats": [{"url": "x"}] * 50,
            }
        )
    )
    (folder / "notes.txt").write_text("not a clip")
    (folder / ".hidden.mp4").write_text("partial")
    result = run("log", folder, "-q")
    assert result.exit_code == 0, result.output
    assert "3 files: 3 new clips, 0 new sightings of known clips, 0 failed" in result.output
    (s,) = rows(
        isolated_catalog,
        "select s.* from sightings s join clips c on c.id = s.clip_id "
        "where c.file_name = 'plain.mp4'",
    )
    assert s["source_url"] == "https://www.youtube.com/watch?v=abc"
    assert (s["platform"], s["posted_by"], s["title"]) == (
        "youtube",
        "Some Channel",
        "Trench footage",
    )
    assert s["posted_at"] == "2022-06-01T10:00:00Z"
    assert s["description"] == "Filmed near Lyman"
    assert "formats" not in json.loads(s["info_json"])
    # What the volunteer types wins over the sidecar.
    run("log", folder / "plain.mp4", "--posted-by", "NGU press service")
    assert (
        rows(isolated_catalog, "select posted_by from sightings order by id desc limit 1")[0][
            "posted_by"
        ]
        == "NGU press service"
    )


def test_bad_inputs_give_one_line_and_leave_catalog_as_it_was(
    run, media, tmp_path, isolated_catalog
):
    assert run("log", media["plain"]).exit_code == 0
    before = isolated_catalog.read_bytes()
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    truncated = tmp_path / "truncated.mp4"
    truncated.write_bytes(media["tagged"].read_bytes()[:3000])
    text = tmp_path / "text.mp4"
    text.write_text("this is a note, not a video\n")
    image = tmp_path / "image.mp4"
    shutil.copyfile(media["still"], image)
    expected = {
        empty: f"Error: {empty}: empty file (0 bytes)",
        truncated: f"Error: {truncated}: not a video or image ffmpeg can read (the MP4 index "
        "(moov atom) is missing: truncated or not fully downloaded)",
        text: f"Error: {text}: is a text file, not a video or image",
        image: f"Error: {image}: is a JPEG image, not a video; rename it to its real extension "
        "to log it as a still",
        tmp_path / "missing.mp4": f"Error: {tmp_path / 'missing.mp4'}: no such file",
    }
    for path, message in expected.items():
        result = run("log", path)
        assert result.exit_code == 1
        assert result.stderr == message + "\n"
        assert result.stdout == ""
    assert isolated_catalog.read_bytes() == before


def test_bad_file_in_batch_does_not_stop_the_rest(run, clip_copy, tmp_path, isolated_catalog):
    folder = tmp_path / "batch"
    clip_copy("plain", folder=folder)
    clip_copy("tagged", folder=folder)
    (folder / "broken.mp4").write_bytes(b"\x00" * 100)
    result = run("log", folder)
    assert result.exit_code == 1
    assert "3 files: 2 new clips, 0 new sightings of known clips, 1 failed" in result.stderr
    assert (
        f"failed:\n  {folder / 'broken.mp4'}: not a video or image ffmpeg can read" in result.stderr
    )
    assert rows(isolated_catalog, "select count(*) n from clips")[0]["n"] == 2


def test_first_use_with_only_bad_files_creates_no_catalog(run, tmp_path, isolated_catalog):
    (tmp_path / "x.mp4").write_bytes(b"")
    assert run("log", tmp_path / "x.mp4").exit_code == 1
    assert not isolated_catalog.exists()


def test_catalog_that_is_not_sqlite_is_refused_untouched(run, media, tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("shopping list\n" * 200)
    result = run("log", media["plain"], "--db", bogus)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {bogus}: not a SQLite database\n"
    assert bogus.read_text() == "shopping list\n" * 200


def test_read_only_catalog_is_refused_for_writing_but_readable(run, media, isolated_catalog):
    assert run("log", media["plain"]).exit_code == 0
    isolated_catalog.chmod(0o444)
    before = isolated_catalog.read_bytes()
    result = run("log", media["tagged"])
    assert result.exit_code == 1
    assert (
        result.stderr == f"Error: {isolated_catalog}: catalog is read-only (no write permission)\n"
    )
    assert isolated_catalog.read_bytes() == before
    listing = run("clips")
    assert listing.exit_code == 0
    assert "plain.mp4" in listing.stdout


def test_locked_catalog_times_out_with_a_clear_error(media, isolated_catalog, run):
    assert run("log", media["plain"]).exit_code == 0
    holder = sqlite3.connect(isolated_catalog)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run_process("log", media["tagged"], env={"PROVENANCE_BUSY_TIMEOUT": "0.5"})
    finally:
        holder.rollback()
        holder.close()
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        f"Error: {isolated_catalog}: catalog is locked by another process (waited 0.5 s)"
    )
    assert rows(isolated_catalog, "select count(*) n from clips")[0]["n"] == 1


@pytest.mark.slow
def test_eight_processes_log_into_one_catalog_as_one_would(
    media, clip_copy, tmp_path, isolated_catalog
):
    """Eight volunteers at once: every clip, sighting and match of a run one after another,
    none missed or doubled, though each matches outside the write lock."""
    import subprocess
    import sys

    from conftest import ROOT

    volunteers = 8
    folders = []
    for i in range(volunteers):
        folder = tmp_path / f"volunteer{i}"
        clip_copy("plain", f"mine{i}.mp4", folder)  # the same file for all
        clip_copy("tagged", f"tagged{i}.mp4", folder)
        # and a re-post of the tagged footage that only this volunteer has
        (folder / f"own{i}.mp4").write_bytes(media["tagged"].read_bytes() + bytes([i]) * 16)
        folders.append(folder)
    procs = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "cli.py"), "log", "-q", "-j", "1", str(f)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in folders
    ]
    try:
        outputs = [p.communicate(timeout=300) for p in procs]
    finally:
        for p in procs:
            p.kill()
    assert [p.returncode for p in procs] == [0] * volunteers, outputs
    assert rows(isolated_catalog, "select count(*) n from clips")[0]["n"] == 2 + volunteers
    assert rows(isolated_catalog, "select count(*) n from sightings")[0]["n"] == 3 * volunteers
    assert rows(isolated_catalog, "pragma journal_mode")[0]["journal_mode"] == "wal"
    one_by_one = tmp_path / "sequential.db"
    for f in folders:
        assert run_process("log", "-q", "-j", "1", "--db", one_by_one, f).returncode == 0
    pairs = (
        "select a.sha256 a, b.sha256 b, count(*) n from clip_matches m"
        " join clips a on a.id = m.clip_id join clips b on b.id = m.other_clip_id"
        " group by a.sha256, b.sha256"
    )
    at_once = {(r["a"], r["b"]): r["n"] for r in rows(isolated_catalog, pairs)}
    assert at_once == {(r["a"], r["b"]): r["n"] for r in rows(one_by_one, pairs)}
    # the tagged footage: 1 + 8 copies, every pair linked both ways
    assert len(at_once) == (volunteers + 1) * volunteers


@pytest.mark.slow
def test_interrupted_batch_keeps_whole_clips_and_rerun_finishes(
    media, clip_copy, tmp_path, isolated_catalog
):
    import signal
    import subprocess
    import sys

    from conftest import ROOT

    folder = tmp_path / "many"
    for i in range(12):
        (folder).mkdir(exist_ok=True)
        (folder / f"c{i:02d}.mp4").write_bytes(media["tagged"].read_bytes() + bytes([i]) * 8)
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "log", "-j", "1", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl-C as at a terminal: a suite started in the background (`pytest &`) passes on
        # SIGINT ignored, and Python then never raises KeyboardInterrupt.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout.readline().startswith("logged clip 1 ")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Interrupted" in err
    done = rows(
        isolated_catalog,
        "select c.id, count(s.id) n from clips c "
        "left join sightings s on s.clip_id = c.id group by c.id",
    )
    assert 1 <= len(done) < 12
    assert all(r["n"] == 1 for r in done)  # no clip without its sighting
    rerun = run_process("log", "-q", folder)
    assert rerun.returncode == 0, rerun.stderr
    assert rows(isolated_catalog, "select count(*) n from clips")[0]["n"] == 12
    assert rows(isolated_catalog, "select count(*) n from sightings")[0]["n"] == 12


def test_missing_ffprobe_gives_an_install_hint(media, tmp_path):
    import sys

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    result = run_process("log", media["plain"], env={"PATH": str(bin_dir)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(
        "Error: ffprobe not found on PATH: install it with your package"
    )


def test_clips_lists_what_is_in_the_catalog(run, media):
    assert "no catalog here" in run("clips").stderr  # a read command makes no catalog
    run("log", media["tagged"], "--outlet", "Newsflash")
    run("log", media["still"])
    out = run("clips").stdout.splitlines()
    assert out[0].split()[:5] == ["1", "tagged.mp4", "0:02", "320x240", "2022-06-01T10:00:00Z"]
    assert out[0].endswith("seen 1x  Newsflash")
    assert out[1].split()[:3] == ["2", "still.jpg", "still"]
    as_json = json.loads(run("clips", "--json").stdout)
    assert [c["file_name"] for c in as_json] == ["tagged.mp4", "still.jpg"]
    # A page at a time: the first says where it is and how to go on.
    first = run("clips", "--limit", "1").stdout.splitlines()
    assert first == [out[0], "clips 1-1 of 2: --offset 1 for the next, --all for every one"]
    assert run("clips", "--limit", "1", "--offset", "1").stdout.splitlines() == [out[1]]
    assert run("clips", "--all", "--limit", "1").stdout.splitlines() == out
    assert run("clips", "--offset", "5").stdout.strip() == "no clips past 5"


def test_verify_reports_unchanged_changed_and_missing(run, clip_copy, tmp_path, isolated_catalog):
    kept = clip_copy("plain")
    edited = clip_copy("tagged")
    gone = clip_copy("still")
    assert run("log", "-q", kept, edited, gone).exit_code == 0
    assert run("verify").stdout.endswith("3 copies checked: 3 unchanged, 0 changed, 0 missing\n")
    with open(edited, "ab") as f:
        f.write(b"tampered")
    gone.unlink()
    result = run("verify", "-q")
    assert result.exit_code == 1
    assert f"changed    clip 2  {edited}" in result.stdout
    assert f"missing    clip 3  {gone}" in result.stdout
    assert result.stdout.endswith("3 copies checked: 1 unchanged, 1 changed, 1 missing\n")
    custody = rows(isolated_catalog, "select clip_id, status from clip_custody order by clip_id")
    assert custody == [
        {"clip_id": 1, "status": "unchanged"},
        {"clip_id": 2, "status": "changed"},
        {"clip_id": 3, "status": "missing"},
    ]
    assert rows(isolated_catalog, "select count(*) n from verifications")[0]["n"] == 6


def test_names_ffmpeg_would_read_as_protocols_or_options_are_files(media, tmp_path):
    """`file:decoy.mp4` beside `decoy.mp4`, `pipe:0.mp4`, `-y.mp4` and `-report.mp4`: each
    clip's hash, size and fingerprint come from the file its name names."""
    import hashlib
    import sqlite3

    folder = tmp_path / "names"
    folder.mkdir()
    files = {
        "decoy.mp4": media["tagged"],
        "file:decoy.mp4": media["plain"],
        "pipe:0.mp4": make_video(folder / "made_a.mp4", seconds=3, size="160x120", seed=5),
        "-y.mp4": make_video(folder / "made_b.mp4", seconds=1, size="256x144", seed=6),
        "-report.mp4": make_video(folder / "made_c.mp4", seconds=1.5, size="192x108", seed=7),
    }
    expected = {}
    for name, source in files.items():
        shutil.copyfile(source, folder / name)
        if source.parent == folder:
            source.unlink()
        data = (folder / name).read_bytes()
        expected[name] = hashlib.sha256(data).hexdigest()
    db = tmp_path / "names.db"
    result = run_process(
        "log", "-q", "--db", db, ".", cwd=folder, timeout=120, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 0, result.stderr
    rows = (
        sqlite3.connect(db).execute("select file_name, sha256, width, height from clips").fetchall()
    )
    got = {name: (sha, w, h) for name, sha, w, h in rows}
    sizes = {
        "decoy.mp4": (320, 240),
        "file:decoy.mp4": (320, 180),
        "pipe:0.mp4": (160, 120),
        "-y.mp4": (256, 144),
        "-report.mp4": (192, 108),
    }
    assert got == {name: (expected[name], *sizes[name]) for name in files}
    assert not list(folder.glob("*.log")), "ffprobe read -report as an option"
    decoys = (
        sqlite3.connect(db)
        .execute(
            "select count(*) from clip_matches m join clips a on a.id = m.clip_id"
            " join clips b on b.id = m.other_clip_id"
            " where a.file_name like '%decoy.mp4' and b.file_name like '%decoy.mp4'"
        )
        .fetchone()[0]
    )
    assert decoys == 0  # two different pieces of footage, no longer "matched" as one


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("webpage_url", 12345, "'webpage_url' should be text, not int"),
        ("channel", ["x", "y"], "'channel' should be text, not list"),
        ("timestamp", 1e20, "'timestamp' is not a time between 1990 and 2100"),
        ("timestamp", -1e12, "'timestamp' is not a time between 1990 and 2100"),
    ],
)
def test_a_sidecar_with_wrong_types_fails_its_clip_alone(
    run, clip_copy, tmp_path, isolated_catalog, field, value, says
):
    folder = tmp_path / "batch"
    bad = clip_copy("plain", "a_bad.mp4", folder=folder)
    clip_copy("tagged", "b_good.mp4", folder=folder)
    bad.with_name("a_bad.info.json").write_text(json.dumps({field: value}), encoding="utf-8")
    result = run("log", "-q", folder)
    assert result.exit_code == 1
    assert f"a_bad.info.json: field {says}" in result.stderr
    rows = sqlite3.connect(isolated_catalog).execute("select file_name from clips").fetchall()
    assert rows == [("b_good.mp4",)]  # the batch went on; nothing of the bad clip was kept


def test_a_known_file_is_hashed_not_decoded_again(clip_copy, tmp_path, isolated_catalog):
    """The second log of the same bytes runs with no ffmpeg on PATH: were it decoded again,
    it would fail for want of ffprobe."""
    first = clip_copy("plain", "first.mp4")
    assert run_process("log", "-q", first).returncode == 0
    again = clip_copy("plain", "again.mp4", folder=tmp_path / "elsewhere")
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    result = run_process("log", again, "--outlet", "Reuters", env={"PATH": str(empty_bin)})
    assert result.returncode == 0, result.stderr
    db = sqlite3.connect(isolated_catalog)
    assert db.execute("select count(*) from clips").fetchone()[0] == 1
    outlets = [o for (o,) in db.execute("select outlet from sightings order by id")]
    assert outlets == [None, "Reuters"]


def test_what_a_folder_walk_cannot_use_is_named_and_the_batch_goes_on(
    run, clip_copy, tmp_path, isolated_catalog
):
    import os

    folder = tmp_path / "odd"
    clip_copy("plain", "good.mp4", folder=folder)
    bad_name = os.fsencode(folder) + b"/latin1_\xe9.mp4"
    with open(bad_name, "wb") as f:
        f.write((folder / "good.mp4").read_bytes() + b"x")
    (folder / "gone.mp4").symlink_to(folder / "nowhere.mp4")
    os.mkfifo(folder / "pipe.mp4")
    result = run("log", "-q", folder)
    assert result.exit_code == 1
    err = result.stderr
    assert "latin1_\\xe9.mp4: file name is not valid UTF-8" in err
    assert "gone.mp4: a symbolic link to a file that does not exist" in err
    assert "pipe.mp4: not a regular file (a FIFO, socket or device)" in err
    assert "4 files: 1 new clip" in result.stdout + err
    names = [n for (n,) in sqlite3.connect(isolated_catalog).execute("select file_name from clips")]
    assert names == ["good.mp4"]


@pytest.mark.slow
def test_killing_log_ends_its_workers(media, tmp_path, isolated_catalog):
    import contextlib
    import os
    import signal
    import sys
    import time

    from conftest import ROOT

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(16):
        (folder / f"c{i:02d}.mp4").write_bytes(media["tagged"].read_bytes() + bytes([i]) * 8)
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "log", "-j", "2", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    workers: set[int] = set()
    try:
        for _ in range(100):
            children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
            workers = {int(p) for p in children.read_text().split()} if children.exists() else set()
            if len(workers) >= 2:
                break
            time.sleep(0.05)
        assert workers, "log started no worker processes"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
            time.sleep(0.1)
        alive = [w for w in workers if Path(f"/proc/{w}").exists()]
    finally:
        proc.kill()
        for w in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(w, signal.SIGKILL)
    assert alive == []


def test_first_seen_is_the_earliest_camera_or_posting_time(run, media, tmp_path, isolated_catalog):
    """The original (camera time 2022-06-01) logged today, its re-post posted 2022-06-02:
    the original is first seen on 2022-06-01, from its camera, and its group says so."""
    original = tmp_path / "tagged.mp4"
    make_video(
        original,
        source="life",
        seconds=3,
        seed=4,
        metadata={"creation_time": "2022-06-01T10:00:00Z"},
    )
    repost = transform_clip(original, tmp_path / "repost.mp4", start=0.5, vf="hflip")
    assert run("log", "-q", original).exit_code == 0
    assert run("log", "-q", repost, "--posted-at", "2022-06-02T08:00:00Z").exit_code == 0
    groups = json.loads(run("groups", "--json").stdout)
    assert len(groups) == 1
    seen = {c["file_name"]: (c["first_seen"], c["first_seen_from"]) for c in groups[0]["clips"]}
    assert seen == {
        "tagged.mp4": ("2022-06-01T10:00:00Z", "camera"),
        "repost.mp4": ("2022-06-02T08:00:00Z", "posted"),
    }
    assert groups[0]["clips"][0]["file_name"] == "tagged.mp4"  # earliest first
    db = sqlite3.connect(isolated_catalog)
    db.execute("update clips set creation_time = null")
    db.commit()
    first = dict(
        db.execute(
            "select c.file_name, f.first_seen_from from clip_first_seen f"
            " join clips c on c.id = f.clip_id"
        ).fetchall()
    )
    assert first == {"tagged.mp4": "logged", "repost.mp4": "posted"}


def test_lookup_finds_the_file_or_its_footage_and_logs_nothing(
    run, media, tmp_path, isolated_catalog
):
    assert run("log", "-q", media["plain"]).exit_code == 0
    before = isolated_catalog.read_bytes()
    same = run("lookup", media["plain"], "--json")
    assert same.exit_code == 0 and json.loads(same.stdout)["clip_id"] == 1
    repost = transform_clip(media["plain"], tmp_path / "repost.mp4", start=0.5, vf="hflip")
    footage = run("lookup", repost)
    assert footage.exit_code == 0
    assert "not in the catalog, but its footage is:" in footage.stdout
    assert "same footage as clip 1 plain.mp4" in footage.stdout
    other = run("lookup", media["tagged"])
    assert other.exit_code == 1 and "neither the file nor its footage" in other.stdout
    rows = sqlite3.connect(isolated_catalog).execute("select count(*) from clips").fetchone()
    assert rows == (1,) and isolated_catalog.read_bytes() == before


def test_unlink_undoes_link(run, media, isolated_catalog):
    from conftest import ROOT

    assert run("log", "-q", media["plain"]).exit_code == 0
    assert run("ingest", "-q", ROOT / "fixtures" / "reports" / "drone_strike_en.txt").exit_code == 0
    assert run("link", "1", "1").exit_code == 0
    assert run("unlink", "1", "1").stdout == "clip 1 unlinked from mention 1\n"
    assert run("unlink", "1", "1").stdout == "clip 1 was not linked to mention 1\n"
    links = sqlite3.connect(isolated_catalog).execute("select count(*) from mention_clips")
    assert links.fetchone() == (0,)
    missing = run("unlink", "1", "99")
    assert missing.exit_code == 1 and "no mention 99 in the catalog" in missing.stderr


def test_log_and_ingest_print_json_with_failures_in_it(run, media, tmp_path, isolated_catalog):
    from conftest import ROOT

    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    result = run("log", "--json", media["plain"], empty)
    assert result.exit_code == 1
    logged = json.loads(result.stdout)
    assert [r["new_clip"] for r in logged] == [True, False]
    assert logged[1]["error"].endswith("empty.mp4: empty file (0 bytes)")
    ingested = json.loads(run("ingest", "--json", ROOT / "fixtures" / "reports").stdout)
    assert len(ingested) == 5 and all(r["article_id"] for r in ingested)


def test_forget_leaves_no_orphans_and_numbers_are_never_reused(
    run, media, tmp_path, isolated_catalog
):
    from conftest import ROOT

    repost = transform_clip(media["plain"], tmp_path / "repost.mp4", start=0.5, vf="hflip")
    assert run("log", "-q", media["plain"]).exit_code == 0
    assert run("log", "-q", repost, "--platform", "telegram").exit_code == 0
    assert run("verify", "-q").exit_code == 0
    assert run("ingest", "-q", ROOT / "fixtures" / "reports" / "drone_strike_en.txt").exit_code == 0
    assert run("link", "2", "1").exit_code == 0
    db = sqlite3.connect(isolated_catalog)
    assert db.execute("select count(*) from clip_matches").fetchone()[0] > 0
    result = run("forget", "clip", "2", "--reason", "wrong file")
    assert result.exit_code == 0 and result.stdout.startswith("forgot clip 2 (")
    for table, column in [
        ("clips", "id"),
        ("sightings", "clip_id"),
        ("fingerprints", "clip_id"),
        ("verifications", "clip_id"),
        ("mention_clips", "clip_id"),
        ("clip_matches", "clip_id"),
        ("clip_matches", "other_clip_id"),
    ]:
        assert db.execute(f"select count(*) from {table} where {column} = 2").fetchone() == (0,)
    assert db.execute("select kind, item_id, reason from forgotten order by id").fetchall() == [
        ("sighting", 2, "wrong file"),
        ("clip", 2, "wrong file"),
    ]
    assert run("log", "-q", media["tagged"]).exit_code == 0
    assert db.execute("select max(id) from clips").fetchone() == (3,)  # not 2 again
    assert db.execute("select max(id) from sightings").fetchone() == (3,)
    assert run("forget", "sighting", "3").stdout == "forgot sighting 3 of clip 3\n"
    missing = run("forget", "clip", "99")
    assert missing.exit_code == 1 and "no clip 99 in the catalog" in missing.stderr


def test_logging_a_known_copy_again_with_nothing_new_adds_no_sighting(run, media, isolated_catalog):
    assert run("log", "-q", media["plain"]).exit_code == 0
    assert run("log", "-q", media["plain"], "--by", "another volunteer").exit_code == 0
    assert run("log", "-q", media["plain"]).exit_code == 0
    db = sqlite3.connect(isolated_catalog)
    assert db.execute("select count(*) from sightings").fetchone() == (1,)
    assert run("log", "-q", media["plain"], "--outlet", "Reuters").exit_code == 0
    assert db.execute("select count(*) from sightings").fetchone() == (2,)  # a fact is news
    assert "seen 2x" in run("clips").stdout
