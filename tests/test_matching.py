"""Fingerprints and clip matching on clips made by ffmpeg: every transformation outlets use."""

import sqlite3
import subprocess
from pathlib import Path

import cv2
import imagehash
import numpy as np
import pytest
from conftest import run_process
from PIL import Image

from fixtures.make_clips import concat_clips, make_still, make_video, transform_clip
from provenance.catalog.db import open_catalog
from provenance.clips.align import match_fingerprints
from provenance.clips.fingerprint import (
    MIRROR_BITS,
    MOTION_UNKNOWN,
    TOP_BIT,
    Fingerprint,
    decode_grid,
    fingerprint_file,
    footage_regions,
    frame_views,
    from_blobs,
    hashes_and_mirrors,
    phash_batch,
    picture_boxes,
    to_blobs,
)
from provenance.clips.search import FingerprintIndex
from provenance.errors import BadInputError


def inverted_hashes(images: np.ndarray) -> np.ndarray:
    """The pHash of each image's negative (255 - pixel), computed from the pixels."""
    return phash_batch(255 - images.astype(np.int16))


VERTICAL = (
    "split[a][b];[a]scale=180:320:force_original_aspect_ratio=increase,crop=180:320,"
    "boxblur=10[bg];[b]scale=180:-2[fg];[bg][fg]overlay=(W-w)/2:(H-h)/2"
)
LOGO_AND_TICKER = (
    "drawbox=x=iw*0.04:y=ih*0.04:w=iw*0.22:h=ih*0.1:color=white@0.7:t=fill,"
    "drawbox=x=0:y=ih*0.88:w=iw:h=ih*0.12:color=red@0.8:t=fill"
)

ROTATE_AND_ZOOM = (
    "rotate=a=2.5*PI/180:fillcolor=black,scale=trunc(iw*1.12/2)*2:-2,"
    "crop=trunc(iw/1.12/2)*2:trunc(ih/1.12/2)*2"
)
# The footage shrunk into the upper left of a flat 720p studio backdrop with a lower third.
PICTURE_IN_PICTURE = (
    "scale=704:396,pad=1280:720:64:58:color=0x1b2838,"
    "drawbox=x=0:y=ih*0.8:w=iw:h=ih*0.1:color=0xb02020:t=fill"
)


@pytest.fixture(scope="session")
def footage(tmp_path_factory):
    """A 12-second source and an unrelated clip of the same kind of picture."""
    out = tmp_path_factory.mktemp("footage")
    return {
        "source": make_video(out / "source.mp4", source="life", seconds=12, seed=3, crf=18),
        "unrelated": make_video(out / "unrelated.mp4", source="life", seconds=8, seed=9),
        "folder": out,
    }


@pytest.fixture(scope="session")
def source_print(footage):
    return fingerprint_file(footage["source"]).stored()


def test_dct_hash_is_imagehash_phash_bit_for_bit(footage):
    frames = next(decode_grid(footage["source"]))
    views = frame_views(frames).crops["crop1"]
    rng = np.random.default_rng(0)
    noise = rng.integers(0, 256, size=(20, 32, 32), dtype=np.uint8)
    for images in (views, noise):
        ours, ours_mirrored = hashes_and_mirrors(images)
        theirs = [int(str(imagehash.phash(Image.fromarray(img))), 16) for img in images]
        assert [int(h) for h in ours] == theirs
        assert [int(h) for h in phash_batch(images)] == theirs
        flipped = [
            int(str(imagehash.phash(Image.fromarray(img[:, ::-1].copy()))), 16) for img in images
        ]
        assert [int(h) for h in ours_mirrored] == flipped


def test_inverted_picture_hashes_as_the_complement(footage):
    views = frame_views(next(decode_grid(footage["source"]))).crops["crop1"]
    approx = ~phash_batch(views) | TOP_BIT
    assert np.bitwise_count(inverted_hashes(views) ^ approx).max() <= 2


def test_picture_box_cuts_blurred_bands_and_black_bars(footage, tmp_path):
    vertical = transform_clip(footage["source"], tmp_path / "v.mp4", seconds=4, vf=VERTICAL)
    boxes = picture_boxes(next(decode_grid(vertical)))
    x0, y0, x1, y1 = np.median(boxes, axis=0)
    assert (x0, x1) == (0, 128)
    assert 35 <= y0 <= 50 and 78 <= y1 <= 93  # the 16:9 picture in the middle of 9:16
    padded = transform_clip(
        footage["source"], tmp_path / "p.mp4", seconds=4, vf="pad=iw*1.5:ih:(ow-iw)/2:0"
    )
    x0, y0, x1, y1 = np.median(picture_boxes(next(decode_grid(padded))), axis=0)
    assert 18 <= x0 <= 26 and 102 <= x1 <= 110 and (y0, y1) == (0, 128)


def test_soft_picture_boxed_vertically_is_found_by_its_edges(footage, tmp_path):
    """A low-contrast picture has hardly more detail than its blurred copy around it."""
    soft = transform_clip(
        footage["source"],
        tmp_path / "soft.mp4",
        seconds=4,
        vf="eq=contrast=0.4,gblur=sigma=2," + VERTICAL,
    )
    x0, y0, x1, y1 = np.median(picture_boxes(next(decode_grid(soft))), axis=0)
    assert (x0, x1) == (0, 128)
    assert 38 <= y0 <= 48 and 80 <= y1 <= 90


def test_picture_in_picture_is_found_off_centre(footage, tmp_path):
    pip = transform_clip(footage["source"], tmp_path / "pip.mp4", seconds=4, vf=PICTURE_IN_PICTURE)
    x0, y0, x1, y1 = np.median(picture_boxes(next(decode_grid(pip))), axis=0)
    # The 704x396 picture at (64, 58) of 1280x720, in 128x128; the encoder's ringing at the
    # picture's edge may add a row or two.
    assert abs(x0 - 6.4) <= 3 and abs(x1 - 76.8) <= 3
    assert abs(y0 - 10.3) <= 3 and abs(y1 - 80.7) <= 3


def test_uninformative_frames_are_flagged(tmp_path):
    black = make_video(
        tmp_path / "black.mp4", source="pattern", seconds=2, vf="drawbox=c=black:t=fill"
    )
    assert not fingerprint_file(black).informative.any()


def test_fingerprint_is_compact(footage, tmp_path):
    minute = make_video(tmp_path / "minute.mp4", source="life", seconds=60, seed=3)
    blobs = to_blobs(fingerprint_file(minute).stored())
    # bytes for one clip-minute: each view of the picture (the kept crop, the upper part)
    # stays under 900, and the whole fingerprint under two such views.
    assert len(blobs["hashes"]) < 900 and len(blobs["upper_hashes"]) < 900
    assert sum(len(b) for b in blobs.values()) < 1800


def test_stored_fingerprint_reads_back_as_it_was_kept(footage):
    kept = fingerprint_file(footage["source"]).stored()
    kept.motion[3] = MOTION_UNKNOWN
    back = from_blobs(kept.fps, len(kept.hashes), **to_blobs(kept))
    assert np.array_equal(back.hashes, kept.hashes)
    assert np.array_equal(back.informative, kept.informative)
    assert back.motion[3] == MOTION_UNKNOWN
    # Motion is kept as 4-bit codes on a log scale: coarse, but in the same order.
    known = kept.motion != MOTION_UNKNOWN
    assert np.all(
        np.abs(back.motion[known].astype(int) - kept.motion[known]) <= 0.2 * kept.motion[known] + 1
    )


def test_mirror_of_stored_hashes_is_read_from_the_bits(footage):
    fresh = fingerprint_file(footage["source"])
    from_bits = fresh.stored().hashes ^ MIRROR_BITS
    exact = fresh.query_views["mirror0.8"][::2]
    assert np.median(np.bitwise_count(from_bits ^ exact)) <= 6


TRANSFORMS = {
    "re-encoded": {"crf": 40},
    "downscaled": {"vf": "scale=160:90"},
    "cropped": {"vf": "crop=trunc(iw*0.8/2)*2:trunc(ih*0.8/2)*2"},
    "vertical": {"vf": VERTICAL},
    "logo and ticker": {"vf": LOGO_AND_TICKER},
    "mirrored": {"vf": "hflip"},
    "colour-graded": {"vf": "eq=brightness=0.06:contrast=1.25:saturation=1.4"},
    "grey and noisy": {"vf": "hue=s=0,noise=alls=10:allf=t"},
    "12 fps": {"vf": "fps=12"},
    "inverted": {"vf": "negate"},
    "30 fps": {"vf": "fps=30"},
    "rotated and zoomed": {"vf": ROTATE_AND_ZOOM},
    "picture in picture": {"vf": PICTURE_IN_PICTURE},
}


@pytest.mark.parametrize("name", TRANSFORMS)
def test_each_transformation_links_with_its_offset(name, footage, source_print, tmp_path):
    variant = transform_clip(
        footage["source"], tmp_path / "v.mp4", start=3, seconds=6, **TRANSFORMS[name]
    )
    stretches = match_fingerprints(fingerprint_file(variant), source_print)
    assert stretches, f"{name}: not linked"
    longest = max(stretches, key=lambda s: s.end_seconds - s.start_seconds)
    assert longest.end_seconds - longest.start_seconds >= 4.5
    middle = (longest.start_seconds + longest.end_seconds) / 2
    other_middle = (longest.other_start_seconds + longest.other_end_seconds) / 2
    assert abs(other_middle - (middle + 3.0)) <= 1.0
    expected = {"mirrored": "mirrored", "inverted": "inverted"}.get(name, "same")
    assert longest.view == expected


@pytest.mark.parametrize("name", ["cropped", "mirrored", "vertical", "logo and ticker"])
def test_a_transformation_links_whichever_clip_is_stored(name, footage, tmp_path):
    """The stored clip keeps one view; the query must reach it from either side of a crop."""
    variant = transform_clip(
        footage["source"], tmp_path / "v.mp4", start=3, seconds=6, **TRANSFORMS[name]
    )
    stored_variant = fingerprint_file(variant).stored()
    (stretch, *_) = match_fingerprints(fingerprint_file(footage["source"]), stored_variant)
    assert abs((stretch.start_seconds - stretch.other_start_seconds) - 3.0) <= 1.0
    assert stretch.end_seconds - stretch.start_seconds >= 4.5


@pytest.mark.slow
def test_a_fixed_camera_links_once_at_its_moment(tmp_path):
    """Every moment of a fixed camera resembles every other: only the true one may link."""
    whole = make_video(tmp_path / "cctv.mp4", source="cctv", seconds=30)
    excerpt = transform_clip(whole, tmp_path / "excerpt.mp4", start=12, seconds=8, crf=35)
    for query, stored, flip in (
        (fingerprint_file(whole), fingerprint_file(excerpt).stored(), False),
        (fingerprint_file(excerpt), fingerprint_file(whole).stored(), True),
    ):
        (stretch,) = match_fingerprints(query, stored)
        start = stretch.other_start_seconds if flip else stretch.start_seconds
        assert abs(start - 12.0) <= 1.0
        assert stretch.end_seconds - stretch.start_seconds >= 7


def test_speed_change_is_found_as_a_slope(footage, source_print, tmp_path):
    faster = transform_clip(
        footage["source"], tmp_path / "fast.mp4", start=3, seconds=6, speed=1.25
    )
    (stretch,) = match_fingerprints(fingerprint_file(faster), source_print)
    assert stretch.speed == 1.25
    assert abs(stretch.other_start_seconds - 3.0) <= 0.75


def test_compilation_gives_one_stretch_per_part(footage, source_print, tmp_path):
    parts = [
        transform_clip(footage["source"], tmp_path / "a.mp4", start=2, seconds=4),
        footage["unrelated"],
        transform_clip(footage["source"], tmp_path / "b.mp4", start=8, seconds=3),
    ]
    compilation = concat_clips(parts, tmp_path / "comp.mp4")
    stretches = match_fingerprints(fingerprint_file(compilation), source_print)
    assert [(round(s.start_seconds), round(s.other_start_seconds)) for s in stretches] == [
        (0, 2),
        (12, 8),
    ]


def test_unrelated_footage_does_not_link(footage, source_print):
    assert match_fingerprints(fingerprint_file(footage["unrelated"]), source_print) == []


def test_still_is_matched_to_its_second(footage, source_print, tmp_path):
    still = make_still(tmp_path / "frame.jpg", from_video=footage["source"], at=7.0)
    (stretch,) = match_fingerprints(fingerprint_file(still, still=True), source_print, a_still=True)
    assert abs(stretch.other_start_seconds - 7.0) <= 0.5


def test_multi_index_hashing_finds_the_same_clip_as_brute_force(
    footage, source_print, tmp_path, monkeypatch
):
    import provenance.clips.search as index_module

    index = FingerprintIndex()
    index.add(1, fingerprint_file(footage["unrelated"]).stored())
    index.add(2, source_print)
    query = fingerprint_file(
        transform_clip(footage["source"], tmp_path / "q.mp4", start=4, seconds=5, crf=36)
    )
    brute = index.match(query)
    monkeypatch.setattr(index_module, "BRUTE_FORCE_FRAMES", 0)
    index.build()
    assert index.candidates(query)[0][0] == 2
    assert index.match(query).keys() == brute.keys() == {2}


def test_truncated_download_is_refused(footage, tmp_path):
    faststart = tmp_path / "fs.mp4"
    transform_clip(footage["source"], faststart, crf=18)
    data = faststart.read_bytes()
    cut = tmp_path / "cut.mp4"
    from fixtures.make_clips import ffmpeg

    ffmpeg("-i", str(faststart), "-c", "copy", "-movflags", "+faststart", str(cut))
    cut.write_bytes(cut.read_bytes()[: len(data) // 3])
    with pytest.raises(BadInputError, match=r"truncated: only \d+\.\d s of the 12\.0 s"):
        fingerprint_file(cut, expected_seconds=12.0)


def test_log_reports_and_stores_matches_both_ways(run, footage, tmp_path, isolated_catalog):
    vertical = transform_clip(
        footage["source"], tmp_path / "outlet_vertical.mp4", start=3, seconds=6, vf=VERTICAL
    )
    assert (
        run("log", footage["source"], "--outlet", "Newsflash", "--posted-by", "NGU").exit_code == 0
    )
    result = run("log", vertical, "--platform", "twitter")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("logged clip 2  outlet_vertical.mp4  0:06  180x320")
    assert (
        lines[1] == '  same footage as clip 1 source.mp4 (Newsflash, posted by "NGU", 0:12 long):'
    )
    assert lines[2].startswith("    this 0:00-0:06  =  clip 1  0:03-0:09   similarity 0.")
    db = sqlite3.connect(isolated_catalog)
    rows = db.execute(
        "select clip_id, other_clip_id, round(other_start_seconds) from clip_matches"
        " order by clip_id"
    ).fetchall()
    assert rows == [(1, 2, 0.0), (2, 1, 3.0)]
    assert run("matches", "1").stdout.startswith(
        "same footage as clip 2 outlet_vertical.mp4 (twitter, 0:06 long):\n"
        "  this 0:03-0:09  =  clip 2  0:00-0:06"
    )


def test_groups_rematch_and_unrelated_clip(run, footage, tmp_path, isolated_catalog):
    mirrored = transform_clip(
        footage["source"], tmp_path / "mirrored.mp4", start=5, seconds=5, vf="hflip"
    )
    still = make_still(tmp_path / "screenshot.jpg", from_video=footage["source"], at=6.0)
    assert run("log", "-q", footage["source"], mirrored, still, footage["unrelated"]).exit_code == 0
    out = run("groups").stdout.splitlines()
    assert out[0] == "group 1: 3 clips"
    assert sorted(line.split()[1] for line in out[1:]) == ["1", "2", "3"]
    db = sqlite3.connect(isolated_catalog)
    before = db.execute(
        "select clip_id, other_clip_id, start_seconds, other_start_seconds, transform"
        " from clip_matches order by 1, 2, 3"
    ).fetchall()
    assert not [r for r in before if 4 in r[:2]]  # the unrelated clip links to nothing
    assert "mirrored" in {r[4] for r in before}
    result = run("rematch", "-q")
    assert result.stdout == f"{len(before) // 2} matched stretches between 1 groups of clips\n"
    after = db.execute(
        "select clip_id, other_clip_id, start_seconds, other_start_seconds, transform"
        " from clip_matches order by 1, 2, 3"
    ).fetchall()
    assert after == before


def test_parallel_folder_log_finds_the_same_links(footage, tmp_path):
    folder = tmp_path / "clips"
    folder.mkdir()
    for i, start in enumerate((0, 2, 4)):
        transform_clip(footage["source"], folder / f"copy{i}.mp4", start=start, seconds=6)
    db = tmp_path / "parallel.db"
    result = run_process("log", "-q", "-j", "2", "--db", db, folder)
    assert result.returncode == 0, result.stderr
    with open_catalog(db, write=False) as catalog:
        pairs = {
            tuple(r) for r in catalog.execute("select clip_id, other_clip_id from clip_matches")
        }
    assert pairs == {(1, 2), (2, 1), (1, 3), (3, 1), (2, 3), (3, 2)}


def test_triage_mode_logs_keyframe_fingerprints_that_still_link(
    run, footage, tmp_path, isolated_catalog
):
    from fixtures.make_clips import ffmpeg

    # A keyframe every second, as platforms encode; the excerpt keeps x264's long default.
    source = tmp_path / "source_gop25.mp4"
    ffmpeg("-i", str(footage["source"]), "-c:v", "libx264", "-g", "25", "-crf", "20", str(source))
    repost = transform_clip(source, tmp_path / "repost.mp4", start=2, seconds=8, crf=34)
    result = run("log", "--triage", source, repost)
    assert result.exit_code == 0, result.output
    assert "same footage as clip 1 source_gop25.mp4" in result.stdout
    db = sqlite3.connect(isolated_catalog)
    # The source has keyframes to spare; the excerpt has one, so it is decoded in full.
    assert db.execute("select keyframes_only from fingerprints order by clip_id").fetchall() == [
        (1,),
        (0,),
    ]
    assert db.execute("select count(*) from clip_matches").fetchone()[0] >= 2


def test_rematch_from_files_decodes_again_where_the_file_is_on_disk(
    run, footage, tmp_path, isolated_catalog
):
    """A crop meets its source through the query's crops: rematch needs the file for that."""
    cropped = transform_clip(
        footage["source"], tmp_path / "cropped.mp4", start=2, seconds=6, **TRANSFORMS["cropped"]
    )
    assert run("log", "-q", footage["source"], cropped).exit_code == 0
    db = sqlite3.connect(isolated_catalog)

    def links():
        return db.execute(
            "select clip_id, other_clip_id, round(start_seconds), round(other_start_seconds)"
            " from clip_matches order by 1, 2, 3"
        ).fetchall()

    logged = links()
    assert logged == [(1, 2, 2.0, 0.0), (2, 1, 0.0, 2.0)]
    assert run("rematch", "-q", "--from-files", "-j", "2").exit_code == 0
    assert links() == logged
    # Without the file, the stored fingerprints stand in; nothing fails.
    cropped.rename(tmp_path / "moved.mp4")
    result = run("rematch", "-q", "--from-files")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{len(links()) // 2} matched stretches")


# Two sources side by side under a caption band, on a 16:9 frame.
SPLIT_SCREEN = (
    "color=0x101010:s=640x360[bg];[0:v]scale=314:176[l];[1:v]scale=314:176[r];"
    "[bg]drawbox=x=0:y=20:w=640:h=60:color=0xffd000:t=fill[cap];"
    "[cap][l]overlay=x=4:y=110:shortest=1[half];[half][r]overlay=x=322:y=110:shortest=1,"
    "format=yuv420p"
)
# A messenger's screen recording: status bar, channel header, the clip, post text, bottom bar.
PHONE_SCREEN = (
    "color=0xf2f2f2:s=360x640[bg];[0:v]scale=340:-2[clip];"
    "[bg]drawbox=x=0:y=0:w=360:h=24:color=0x202020:t=fill,"
    "drawbox=x=0:y=24:w=360:h=56:color=0x3a6ea5:t=fill,"
    "drawbox=x=10:y=460:w=320:h=8:color=0x555555:t=fill,"
    "drawbox=x=10:y=480:w=280:h=8:color=0x555555:t=fill,"
    "drawbox=x=0:y=590:w=360:h=50:color=0xdddddd:t=fill[ui];"
    "[ui][clip]overlay=x=10:y=130:shortest=1,format=yuv420p"
)


def split_screen(
    left: Path, left_start: float, right: Path, right_start: float, seconds: float, dst: Path
) -> Path:
    """The two clips side by side under a caption band (SPLIT_SCREEN), each from its start."""
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
         "-ss", str(left_start), "-t", str(seconds), "-i", str(left),
         "-ss", str(right_start), "-t", str(seconds), "-i", str(right),
         "-filter_complex", SPLIT_SCREEN, "-c:v", "libx264", "-crf", "26", str(dst)],
        check=True,
    )  # fmt: skip
    return dst


@pytest.fixture(scope="session")
def layouts(footage):
    """A second source, a split screen of both and a phone screen recording of the first."""
    out = footage["folder"]
    other = make_video(out / "other.mp4", source="cells", seconds=12, seed=4, crf=18)
    split = split_screen(footage["source"], 2, other, 1, 8, out / "split.mp4")
    phone = transform_clip(
        footage["source"], out / "phone.mp4", start=1, seconds=9, vf=PHONE_SCREEN
    )
    return {"other": other, "split": split, "phone": phone}


def test_footage_regions_are_found_where_the_footage_moves(footage, layouts):
    source = fingerprint_file(footage["source"])
    assert source.regions == []  # a picture that fills its frame is its own view
    split = fingerprint_file(layouts["split"])
    boxes = [r.box for r in split.regions]
    left = [b for b in boxes if b[2] <= 0.55 and b[0] < 0.05]
    right = [b for b in boxes if b[0] >= 0.45 and b[2] > 0.95]
    assert left and right, boxes  # the two pictures, apart
    assert all(0.25 <= b[1] <= 0.35 and 0.75 <= b[3] <= 0.85 for b in left + right), boxes
    phone = fingerprint_file(layouts["phone"])
    assert any(0.15 <= r.box[1] <= 0.25 and 0.40 <= r.box[3] <= 0.55 for r in phone.regions)


@pytest.mark.parametrize("split_first", [False, True])
def test_a_split_screen_links_to_both_sources_whichever_is_logged_first(
    footage, layouts, tmp_path, split_first
):
    db = tmp_path / "c.db"
    files = [footage["source"], layouts["other"]]
    files = [layouts["split"], *files] if split_first else [*files, layouts["split"]]
    for f in files:
        assert run_process("log", "-q", "--db", db, f).returncode == 0
    with sqlite3.connect(db) as c:
        names = dict(c.execute("select id, file_name from clips"))
        linked = {
            names[o]
            for (o,) in c.execute(
                "select other_clip_id from clip_matches where clip_id ="
                " (select id from clips where file_name = 'split.mp4')"
            )
        }
        regions = c.execute(
            "select count(*) from fingerprint_regions where clip_id ="
            " (select id from clips where file_name = 'split.mp4')"
        ).fetchone()[0]
        views = {
            v
            for (v,) in c.execute(
                "select view from clip_matches where clip_id ="
                " (select id from clips where file_name = 'split.mp4')"
            )
        }
    assert linked == {"source.mp4", "other.mp4"}
    assert regions >= 2
    # Each source matched one half of the split screen: a match says which region it used.
    assert views and all(v.startswith("region ") for v in views), views


def test_a_phone_screen_recording_links_to_its_source(footage, layouts, source_print):
    found = match_fingerprints(fingerprint_file(layouts["phone"]), source_print)
    assert found and abs(found[0].other_start_seconds - (1 + found[0].start_seconds)) <= 1.0


def test_a_speed_outside_the_usual_ones_is_found_from_the_votes(footage, source_print, tmp_path):
    """Half speed (a 0.5x slow motion) is no speed of the usual list; the votes' slopes find it."""
    slow = transform_clip(footage["source"], tmp_path / "slow.mp4", seconds=5, speed=0.5)
    (stretch, *_) = match_fingerprints(fingerprint_file(slow), source_print)
    assert abs(stretch.speed - 0.5) <= 0.05
    assert stretch.end_seconds - stretch.start_seconds >= 6


def test_title_cards_never_link_two_clips_on_their_own(footage, tmp_path):
    """Two unrelated clips that open and close with the same kind of card (bars of 'text'
    on a flat colour) do not link by their cards; the cards are flagged uninformative."""
    card = (
        "color=0x1040a0:s=320x180:d=3,drawbox=x=40:y=60:w=240:h=14:color=white:t=fill,"
        "drawbox=x=70:y=90:w=180:h=10:color=white:t=fill,format=yuv420p"
    )
    clips = []
    for name, src, seed in (("a.mp4", "life", 21), ("b.mp4", "cells", 22)):
        body = make_video(tmp_path / f"body_{name}", source=src, seed=seed, seconds=4)
        subprocess.run(
            ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
             "-f", "lavfi", "-i", card, "-i", str(body), "-f", "lavfi", "-i", card,
             "-filter_complex", "[0:v][1:v][2:v]concat=n=3:v=1:a=0,format=yuv420p",
             "-c:v", "libx264", "-crf", "26", str(tmp_path / name)],
            check=True,
        )  # fmt: skip
        clips.append(fingerprint_file(tmp_path / name))
    a, b = clips
    assert not a.informative[:8].any() and a.informative[16:28].all()
    assert match_fingerprints(a, b.stored()) == []


# A news lower third over the picture's lower part, a channel bug in its corner.
LOWER_THIRD = (
    "drawbox=x=0:y=ih*0.74:w=iw*0.7:h=ih*0.12:color=0xc01010@0.95:t=fill,"
    "drawbox=x=0:y=ih*0.86:w=iw*0.7:h=ih*0.06:color=white@0.95:t=fill,"
    "drawbox=x=iw*0.86:y=ih*0.06:w=iw*0.1:h=ih*0.1:color=white@0.7:t=fill"
)


def _linked_at(found, offset: float) -> bool:
    return any(
        abs((s.other_start_seconds - s.start_seconds) - offset) <= 1.0
        and s.end_seconds - s.start_seconds >= 3.0
        for s in found
    )


@pytest.mark.parametrize("cut_first", [False, True])
def test_a_picture_cut_to_another_shape_links_whichever_is_stored(footage, tmp_path, cut_first):
    """A 16:9 clip cut to fill 4:3 keeps its height and three quarters of its width; the
    query's crops of other shapes (QUERY_SHAPES) reach the stored one from either side."""
    cut = transform_clip(
        footage["source"], tmp_path / "cut.mp4", start=3, seconds=6, vf="crop=ih*4/3:ih"
    )
    if cut_first:
        found = match_fingerprints(
            fingerprint_file(footage["source"]), fingerprint_file(cut).stored()
        )
        assert _linked_at(found, -3.0), found
    else:
        found = match_fingerprints(
            fingerprint_file(cut), fingerprint_file(footage["source"]).stored()
        )
        assert _linked_at(found, 3.0), found


@pytest.mark.parametrize("overlay_first", [False, True])
def test_a_lower_third_over_the_picture_links_by_its_upper_part(footage, tmp_path, overlay_first):
    news = transform_clip(
        footage["source"], tmp_path / "news.mp4", start=3, seconds=6, vf=LOWER_THIRD
    )
    news_print, source = fingerprint_file(news), fingerprint_file(footage["source"])
    assert news_print.stored().upper is not None
    if overlay_first:
        assert _linked_at(match_fingerprints(source, news_print.stored()), -3.0)
    else:
        assert _linked_at(match_fingerprints(news_print, source.stored()), 3.0)


def test_a_seam_between_two_busy_pictures_divides_them():
    """Two busy pictures side by side with no line between them (fine texture everywhere, so
    the seam's gradient does not stand out): the frame-to-frame changes on either side of
    the seam do not agree, so the halves are regions of their own."""
    rng = np.random.default_rng(0)

    def texture() -> np.ndarray:
        field = cv2.GaussianBlur(rng.normal(0, 1, (256, 256)).astype(np.float32), (0, 0), 1.0)
        return field / field.std()

    left, right = texture(), texture()
    frames = np.stack(
        [
            np.clip(
                128 + 40 * np.hstack([np.roll(left, 2 * t, axis=1)[:128, :64],
                                      np.roll(right, 2 * t, axis=0)[:128, :64]]),
                0, 255,
            ).astype(np.uint8)
            for t in range(40)
        ]
    )  # fmt: skip
    assert footage_regions(frames, (0, 0, 128, 128)) == [(0, 0, 63, 128), (65, 0, 128, 128)]


def fixed_camera_clip(footage, layouts, folder: Path) -> Path:
    """A fixed camera's picture whose upper half never moves (buildings above a street):
    a still frame of the other clip over the lower half of the source, 8 seconds."""
    still = folder / "still.png"
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", str(layouts["other"]),
         "-frames:v", "1", "-vf", "crop=iw:ih/2:0:0", str(still)],
        check=True,
    )  # fmt: skip
    half = folder / "half.mp4"
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
         "-loop", "1", "-t", "8", "-i", str(still), "-t", "8", "-i", str(footage["source"]),
         "-filter_complex", "[1:v]crop=iw:ih/2:0:ih/2[low];[0:v][low]vstack,format=yuv420p",
         "-c:v", "libx264", "-crf", "18", str(half)],
        check=True,
    )  # fmt: skip
    return half


def test_a_region_grows_over_the_still_part_of_its_picture(footage, layouts, tmp_path):
    """The fixed camera's picture inside a phone's screen: the region found by motion is
    grown over the textured still part, up to the flat UI, and links to the source."""
    half = fixed_camera_clip(footage, layouts, tmp_path)
    phone = transform_clip(half, tmp_path / "phone.mp4", vf=PHONE_SCREEN)
    regions = fingerprint_file(phone).regions
    # The picture is 340x190 at y=130 in a 360x640 screen: 0.20-0.50 down.
    assert any(r.box[1] <= 0.22 and r.box[3] >= 0.48 for r in regions), [r.box for r in regions]


# A 9:16 re-post: the clip across the middle of a blurred, darkened copy of itself, white
# caption boxes on the backdrop above and below it, an account name and buttons over it.
CAPTIONED_VERTICAL = (
    "split[a][b];[a]scale=180:320:force_original_aspect_ratio=increase,crop=180:320,"
    "boxblur=10,eq=brightness=-0.25[bg];[b]scale=180:-2[fg];[bg][fg]overlay=(W-w)/2:(H-h)/2,"
    "drawbox=x=10:y=62:w=160:h=18:color=white:t=fill,"
    "drawbox=x=10:y=232:w=140:h=15:color=white:t=fill,"
    "drawbox=x=8:y=190:w=55:h=7:color=white@0.9:t=fill,"
    "drawbox=x=160:y=130:w=14:h=14:color=white@0.9:t=fill"
)


def test_a_region_is_cut_to_the_edges_of_a_picture_pasted_on_a_layout(footage, source_print):
    """The caption boxes on a 9:16 re-post's backdrop have texture, so the moving region
    grows over them; the picture's own edges are straight lines that stay put, and a view of
    the region cut to them meets the source."""
    vertical = transform_clip(
        footage["source"], footage["folder"] / "captioned.mp4", start=1, seconds=9,
        vf=CAPTIONED_VERTICAL,
    )  # fmt: skip
    fp = fingerprint_file(vertical)
    # The picture is 180x101 at y=110 in 180x320: 0.34-0.66 down.
    assert any(
        abs(r.box[1] - 0.344) <= 0.02 and abs(r.box[3] - 0.659) <= 0.02 for r in fp.regions
    ), [r.box for r in fp.regions]
    found = match_fingerprints(fp, source_print)
    assert found and abs(found[0].other_start_seconds - (1 + found[0].start_seconds)) <= 1.0


def test_a_fixed_cameras_half_of_a_split_screen_hashes_with_its_still_part(
    footage, layouts, tmp_path
):
    """Half of a fixed camera's picture never moves. Its region is hashed as it is, still
    part included, so the split screen's half is as close to its source as a moving picture
    is (painting the still pixels over made it 0.6 similar, a chance likeness's level)."""
    half = fixed_camera_clip(footage, layouts, tmp_path)
    split = split_screen(half, 2, footage["source"], 0, 6, tmp_path / "split.mp4")
    found = match_fingerprints(fingerprint_file(split), fingerprint_file(half).stored())
    assert found and found[0].part.startswith("region ")
    assert found[0].similarity >= 0.75
    assert abs(found[0].other_start_seconds - (2 + found[0].start_seconds)) <= 0.5


def test_a_static_shot_nothing_can_time_links_no_other_moment_of_it(tmp_path):
    """Two moments of one fixed camera, 15 s apart, share no footage. They look alike, and
    nothing times them (the walker is too small to move the hashes), so the loose likeness
    is no link; each still links to the whole recording at its own moment."""
    whole = make_video(tmp_path / "cctv.mp4", source="cctv", seconds=40, seed=2, crf=18)
    early = transform_clip(whole, tmp_path / "early.mp4", start=0, seconds=10, vf=VERTICAL)
    late = transform_clip(whole, tmp_path / "late.mp4", start=25, seconds=10)
    early_print, late_print = fingerprint_file(early), fingerprint_file(late)
    assert match_fingerprints(early_print, late_print.stored()) == []
    assert match_fingerprints(late_print, early_print.stored()) == []
    found = match_fingerprints(late_print, fingerprint_file(whole).stored())
    assert found and abs(found[0].other_start_seconds - 25) <= 1.0


def test_a_mirrored_match_needs_more_than_three_frames():
    """The mirror image is one more guess about a pair: three frames that agree with it are
    too few (a 1.5 s clip's stored frames did by chance), five are enough. The same three
    frames unmirrored link."""
    rng = np.random.default_rng(5)
    hashes = rng.integers(0, 2**63, 12, dtype=np.uint64)
    other = stored(hashes)
    assert match_fingerprints(stored(hashes[2:5]), other)
    assert match_fingerprints(stored(hashes[2:5] ^ MIRROR_BITS), other) == []
    mirrored = match_fingerprints(stored(hashes[2:7] ^ MIRROR_BITS), other)
    assert mirrored and mirrored[0].view == "mirrored"


def stored(hashes: np.ndarray) -> Fingerprint:
    """A fingerprint as the catalog keeps one, of these hashes at 2 a second, every frame
    informative: for the tests that build the index's input by hand."""
    n = len(hashes)
    return Fingerprint(2.0, hashes, np.ones(n, bool), np.zeros(n, np.uint8), (0, 0, 1, 1))


def bits_off(rng: np.random.Generator, hashes: np.ndarray, bits: int) -> np.ndarray:
    """The hashes with `bits` different bits of each flipped."""
    out = hashes.copy()
    for i in range(len(out)):
        for k in rng.choice(64, bits, replace=False):
            out[i] ^= np.uint64(1) << np.uint64(k)
    return out


def test_candidates_follow_how_many_copies_a_footage_has(monkeypatch):
    """A footage with 200 copies among 2,000 unrelated clips: every copy is a candidate (the
    cap is not a fixed 64), and hits that only share a 16-bit chunk with the query, not the
    picture, bring no unrelated clip in."""
    import provenance.clips.search as search

    monkeypatch.setattr(search, "BRUTE_FORCE_FRAMES", 0)
    rng = np.random.default_rng(3)

    def flipped(hashes, bits):
        out = hashes.copy()
        for _ in range(bits):
            out ^= np.uint64(1) << rng.integers(0, 64, len(out)).astype(np.uint64)
        return out

    footage = rng.integers(0, 2**63, 60, dtype=np.uint64)
    index = FingerprintIndex()
    for clip_id in range(1, 201):
        index.add(clip_id, stored(flipped(footage, 2)))
    for clip_id in range(201, 2201):
        unrelated = rng.integers(0, 2**63, 60, dtype=np.uint64)
        # Each unrelated clip shares one 16-bit chunk with a frame of the footage.
        unrelated[0] = (unrelated[0] & ~np.uint64(0xFFFF)) | (
            footage[clip_id % 60] & np.uint64(0xFFFF)
        )
        index.add(clip_id, stored(unrelated))
    index.refresh()
    query = stored(flipped(footage, 3))
    query.query_views = {"crop0.8": query.hashes}
    found = set(index.candidates(query)[0])
    assert set(range(1, 201)) <= found
    assert len(found - set(range(1, 201))) <= search.FEW_CANDIDATES


def test_changing_frames_do_not_link_to_one_repeated_picture():
    """Frames that differ from each other, each some 8 bits from one picture that a stored
    clip shows all the way through: every pair is close, but the stored side offers one
    picture, not independent evidence, so there is no link."""
    rng = np.random.default_rng(5)
    picture = rng.integers(0, 2**63, dtype=np.uint64)

    still_picture = np.full(40, picture, dtype=np.uint64)
    changing = bits_off(rng, still_picture, 8)
    assert match_fingerprints(stored(changing), stored(still_picture)) == []
    # The same frames against a stored clip that changes as they do: a link all the way.
    copy = bits_off(rng, changing, 2)
    (stretch,) = match_fingerprints(stored(changing), stored(copy))
    assert stretch.end_seconds - stretch.start_seconds >= 19.0


def test_one_chance_row_near_a_static_query_is_no_strong_candidate(monkeypatch):
    """A static query's frames all look alike, so one stored row near it is near every query
    frame: that clip is no strong candidate. A still (its clip's only row) and a clip with
    rows all along the query are."""
    import provenance.clips.search as search

    monkeypatch.setattr(search, "BRUTE_FORCE_FRAMES", 0)
    rng = np.random.default_rng(4)
    scene = rng.integers(0, 2**63, dtype=np.uint64)

    index = FingerprintIndex()
    for clip_id in range(1, 101):
        unrelated = rng.integers(0, 2**63, 60, dtype=np.uint64)
        if clip_id == 7:
            unrelated[30] = scene ^ np.uint64(0b1011)  # one row near the scene, by chance
        index.add(clip_id, stored(unrelated))
    index.add(101, stored(np.full(60, scene ^ np.uint64(0b11), dtype=np.uint64)))  # a copy
    index.add(102, stored(np.array([scene ^ np.uint64(0b111)], dtype=np.uint64)), still=True)
    index.refresh()
    query = stored(np.full(60, scene, dtype=np.uint64))
    query.query_views = {"crop0.8": query.hashes}
    hits = index._tables.hits(*search.query_hashes(query))
    strong, weak = search.ranked_candidates(hits, query, skip=set())
    assert set(strong) == {101, 102}
    assert 7 in weak  # compared only if every pair of frames says so (close_frames)


def test_every_copy_is_compared_before_the_chance_candidates_stop(monkeypatch):
    """200 copies of a footage and 300 clips with three of its frames, each alone: the copies
    rank first and all link; once MAX_MISSES candidates in a row share nothing, the chance
    ones below them are not compared."""
    import provenance.clips.search as search

    monkeypatch.setattr(search, "BRUTE_FORCE_FRAMES", 0)
    rng = np.random.default_rng(8)

    footage = rng.integers(0, 2**63, 60, dtype=np.uint64)
    index = FingerprintIndex()
    for clip_id in range(1, 201):
        index.add(clip_id, stored(bits_off(rng, footage, 2)))
    for clip_id in range(201, 501):
        unrelated = rng.integers(0, 2**63, 60, dtype=np.uint64)
        at = rng.choice(60, 3, replace=False)
        unrelated[:3] = bits_off(rng, footage[at], 3)
        index.add(clip_id, stored(unrelated))
    compared = []
    real_compare = search.compare

    def counted(query, other, *, still):
        compared.append(other.clip_id)
        return real_compare(query, other, still=still)

    monkeypatch.setattr(search, "compare", counted)
    query = stored(bits_off(rng, footage, 3))
    query.query_views = {"crop0.8": query.hashes}
    assert set(index.match(query)) == set(range(1, 201))
    assert len([c for c in compared if c > 200]) <= search.MAX_MISSES


# A wide picture (2.35:1) across the middle of a 9:16 frame on its own moving blurred copy,
# white caption boxes close above and below it, app buttons on the backdrop beside it.
WIDE_CAPTIONED_VERTICAL = (
    "crop=iw:trunc(iw/2.35/2)*2,split[a][b];[a]scale=180:320:force_original_aspect_ratio=increase,"
    "crop=180:320,boxblur=10,eq=brightness=-0.25[bg];[b]scale=180:-2[fg];"
    "[bg][fg]overlay=(W-w)/2:(H-h)/2,"
    "drawbox=x=10:y=80:w=160:h=18:color=white:t=fill,"
    "drawbox=x=10:y=215:w=140:h=15:color=white:t=fill,"
    "drawbox=x=160:y=100:w=14:h=14:color=white@0.9:t=fill,"
    "drawbox=x=8:y=190:w=55:h=7:color=white@0.9:t=fill"
)


def test_the_box_tightest_around_the_sharp_footage_is_always_a_region(footage, source_print):
    """A wide picture on its moving blurred copy: boxes grown over the backdrop are larger and
    more numerous than MAX_REGIONS, and the one tight around the picture is kept first."""
    vertical = transform_clip(
        footage["source"], footage["folder"] / "wide_vertical.mp4", start=1, seconds=9,
        vf=WIDE_CAPTIONED_VERTICAL,
    )  # fmt: skip
    fp = fingerprint_file(vertical)
    # The picture is 180x76 at y=122 in 180x320: 0.38-0.62 down.
    first = fp.regions[0].box
    assert abs(first[1] - 0.381) <= 0.03 and abs(first[3] - 0.619) <= 0.03, [
        r.box for r in fp.regions
    ]


def test_a_still_of_a_panning_shot_meets_a_stored_frame_through_a_moved_crop(tmp_path):
    """A camera that pans moves the picture between the stored frames (two a second); a still
    taken between two of them meets the nearer one through its crops moved a little (2 bits
    here, where the unmoved crops are 6 bits away)."""
    wide = make_video(tmp_path / "wide.mp4", source="cctv", size="960x180", seconds=8, seed=5)
    pan = transform_clip(wide, tmp_path / "pan.mp4", vf="crop=320:180:x='min(640,t*130)':y=0")
    still = make_still(tmp_path / "still.jpg", from_video=pan, at=2.2, exif_tags=False)
    stored = fingerprint_file(pan).stored()
    found = match_fingerprints(fingerprint_file(still, still=True), stored, a_still=True)
    assert found and abs(found[0].other_start_seconds - 2.2) <= 0.5, found
    assert found[0].similarity >= 0.9, found


@pytest.mark.parametrize("phone_first", [False, True])
def test_a_region_meets_a_lower_third_copy_by_its_upper_part(
    footage, layouts, tmp_path, phone_first
):
    """Two re-made copies of one source: a phone's screen recording (the picture a region of
    its frame) and a news copy with a lower third. The region's upper part meets the news
    copy's, where the whole pictures are too far apart, whichever of the two is stored."""
    news = transform_clip(
        footage["source"], tmp_path / "news.mp4", start=3, seconds=6, vf=LOWER_THIRD
    )
    phone, news_print = fingerprint_file(layouts["phone"]), fingerprint_file(news)
    if phone_first:
        found = match_fingerprints(news_print, phone.stored())
        assert _linked_at(found, 2.0), found
        assert any(s.other_part.startswith("upper part of region") for s in found), found
    else:
        found = match_fingerprints(phone, news_print.stored())
        assert _linked_at(found, -2.0), found
        assert any(s.part.startswith("upper part of region") for s in found), found


def test_a_still_of_a_static_shot_is_timed_over_the_whole_shot(footage, tmp_path):
    """A still matches every moment of a shot that does not change; its match says so with
    the whole range, where a still of moving footage gets one moment."""
    frame = make_still(tmp_path / "frame.jpg", from_video=footage["source"], at=4.0)
    static = tmp_path / "static.mp4"
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-loop", "1", "-i", str(frame),
         "-t", "6", "-r", "25", "-pix_fmt", "yuv420p", str(static)],
        check=True,
    )  # fmt: skip
    still = fingerprint_file(frame, still=True)
    (shot,) = match_fingerprints(still, fingerprint_file(static).stored(), a_still=True)
    assert shot.other_start_seconds <= 0.5 and shot.other_end_seconds >= 5.0, shot
    (moment,) = match_fingerprints(
        still, fingerprint_file(footage["source"]).stored(), a_still=True
    )
    assert moment.other_end_seconds - moment.other_start_seconds <= 0.5, moment
