"""Datasette browsing, CSV/JSON/PROV export and contact sheets, on the demo kind of catalog."""

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import cv2
import pytest
from conftest import ROOT

from fixtures.make_clips import transform_clip


@pytest.fixture
def demo_catalog(run, media, tmp_path, isolated_catalog):
    """Two matched clips, one report, and clip 1 linked to the report's first mention."""
    repost = transform_clip(media["plain"], tmp_path / "repost.mp4", start=0.5, vf="hflip")
    assert run("log", "-q", media["plain"], "--outlet", "Newsflash").exit_code == 0
    assert run("log", "-q", repost, "--platform", "telegram").exit_code == 0
    assert run("ingest", "-q", ROOT / "fixtures" / "reports" / "drone_strike_en.txt").exit_code == 0
    assert run("link", "1", "1").exit_code == 0
    return isolated_catalog


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(catalog, *options: str) -> tuple[subprocess.Popen, str]:
    """`provenance serve` on a free port, once it answers; the caller stops it."""
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "cli.py"),
            "serve",
            "--port",
            str(port),
            "--db",
            str(catalog),
            *options,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            return proc, base
        except OSError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail("datasette did not start: " + proc.communicate()[1])


@pytest.fixture
def server(demo_catalog):
    proc, base = start_serve(demo_catalog)
    yield base, demo_catalog.stem
    proc.terminate()
    proc.wait(timeout=10)


def get(url: str) -> str:
    return urllib.request.urlopen(url, timeout=10).read().decode()


def test_serve_shows_tables_descriptions_and_canned_queries(server):
    base, name = server
    clips = json.loads(get(f"{base}/{name}/clips.json?_shape=array"))
    assert [c["file_name"] for c in clips] == ["plain.mp4", "repost.mp4"]
    page = get(f"{base}/{name}/clips")
    assert "SHA-256 of the file&#39;s bytes" in page or "SHA-256 of the file's bytes" in page
    full = json.loads(get(f"{base}/{name}/clips.json?_shape=array"))[0]["probe"]
    assert len(full) > 200
    assert " …</td>" in page  # the table page shows the start of each document
    tail = re.findall(r"[A-Za-z0-9_ ]{12,}", full[200:])[-1]  # words from its far end
    assert tail in full and tail not in page  # JSON and CSV keep all of it
    chain = json.loads(get(f"{base}/{name}/mention_chain.json?mention_id=1&_shape=array"))
    assert [h["role"] for h in chain] == ["filmed", "released", "posted", "verified"]
    outlets = json.loads(get(f"{base}/{name}/footage_outlets.json?clip_id=2&_shape=array"))
    assert {o["outlet"] for o in outlets} == {"Newsflash", None}
    assert json.loads(get(f"{base}/{name}/place_mentions.json?place=Robotyne&_shape=array"))
    assert (
        json.loads(get(f"{base}/{name}/mention_clips.json?mention_id=1&_shape=array"))[0]["id"] == 1
    )
    earliest = json.loads(get(f"{base}/{name}/earliest_sighting.json?clip_id=2&_shape=array"))
    assert len(earliest) == 1
    hamming = json.loads(
        get(f"{base}/{name}.json?sql=select+hamming('ff',+'0f')+as+d&_shape=array")
    )
    assert hamming == [{"d": 4}]


def chromium() -> str | None:
    """A headless browser, if the machine has one (.ci/run installs Debian's chromium)."""
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


HEADLESS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.slow
def test_origin_chains_page_renders_in_a_browser(server, tmp_path):
    """The canned page, as a browser renders it: its table holds the demo catalog's chain
    (an error page would not), and it draws a full-size, non-blank screenshot."""
    browser = chromium()
    if browser is None:
        pytest.skip("no chromium on this machine (.ci/run installs it)")
    base, name = server
    page = f"{base}/{name}/origin_chains"
    profile = f"--user-data-dir={tmp_path / 'profile'}"
    dom = subprocess.run(
        [browser, *HEADLESS, profile, "--dump-dom", page],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "<table" in dom and "aerial reconnaissance unit" in dom
    shot = tmp_path / "origin_chains.png"
    subprocess.run(
        [browser, *HEADLESS, profile, "--window-size=1280,900", f"--screenshot={shot}", page],
        capture_output=True,
        timeout=120,
    )
    image = cv2.imread(str(shot))
    assert image is not None and image.shape[:2] == (900, 1280)
    assert image.std() > 10  # not blank: text and table lines on the page


def test_export_csv_and_json_of_tables_and_views(run, demo_catalog):
    csv_out = run("export", "--format", "csv", "clips").stdout.splitlines()
    assert csv_out[0].startswith("id,sha256,path,file_name,size_bytes,media_type")
    assert len(csv_out) == 3
    chains = json.loads(run("export", "--format", "json", "origin_chains").stdout)
    assert chains[0]["chain"].startswith("filmed: brigade's aerial reconnaissance unit")
    bad = run("export", "--format", "csv", "nope")
    assert (
        bad.exit_code == 1 and bad.stderr == "Error: no table or view named 'nope' in the catalog\n"
    )


def test_prov_export_reads_back_with_the_prov_library(run, demo_catalog):
    import io

    import prov
    import prov.model

    text = run("export", "--format", "prov", "mention", "1").stdout
    doc = prov.read(source=io.StringIO(text), format="json")
    assert isinstance(doc, prov.model.ProvDocument)
    (bundle,) = doc.bundles
    activities = [r for r in bundle.get_records(prov.model.ProvActivity)]
    assert len(activities) == 4
    agents = {a.get_attribute("prov:label").pop() for a in doc.get_records(prov.model.ProvAgent)}
    assert "47th Mechanized Brigade" in agents
    entities = {str(e.identifier) for e in doc.get_records(prov.model.ProvEntity)}
    assert "pv:clip-1" in entities
    whole = prov.read(
        source=io.StringIO(run("export", "--format", "prov", "catalog").stdout),
        format="json",
    )
    assert len(whole.bundles) == 2  # one account per mention of the report


def test_sheets_are_pngs_of_the_expected_size(run, demo_catalog, tmp_path):
    from provenance.sheet import HEADER_LINE, LABEL_HEIGHT, MARGIN

    out = tmp_path / "compare.png"
    result = run("sheet", "1", "2", "-o", out, "--rows", "3")
    assert result.exit_code == 0, result.output
    image = cv2.imread(str(out))
    tile = (180 + LABEL_HEIGHT + 2 * MARGIN, 320 + 2 * MARGIN)  # a 320x180 frame and its margin
    assert image.shape[0] == (2 * HEADER_LINE + 10) + 3 * tile[0]  # two header lines: no cut
    assert image.shape[1] == 2 * tile[1]
    single = tmp_path / "keys.png"
    assert run("sheet", "1", "-o", single).exit_code == 0
    assert cv2.imread(str(single)).shape[1] == 4 * tile[1]
    unmatched = run("sheet", "1", "1", "-o", tmp_path / "x.png")
    assert unmatched.exit_code == 1
    assert unmatched.stderr == "Error: clips 1 and 1 share no footage in the catalog\n"
    wrong = run("sheet", "1", "-o", tmp_path / "x.txt")
    assert wrong.exit_code == 1
    assert wrong.stderr.endswith("x.txt: a sheet is a PNG image; name the output file .png\n")


def test_a_still_and_its_video_make_a_sheet(run, media, tmp_path, isolated_catalog):
    from fixtures.make_clips import make_still

    still = make_still(tmp_path / "frame.jpg", from_video=media["plain"], at=1.0)
    assert run("log", "-q", media["plain"]).exit_code == 0
    assert run("log", "-q", still).exit_code == 0
    out = tmp_path / "pair.png"
    result = run("sheet", "2", "1", "-o", out, "--rows", "1")
    assert result.exit_code == 0, result.output
    image = cv2.imread(str(out))
    assert image is not None and image.std() > 10  # real pictures, not an empty strip
    keys = tmp_path / "still.png"
    assert run("sheet", "2", "-o", keys).exit_code == 0


def test_csv_cells_that_would_run_as_formulas_are_text(run, media, tmp_path, isolated_catalog):
    import csv
    import io

    assert (
        run("log", "-q", media["plain"], "--note", '=HYPERLINK("http://x.test","y")').exit_code == 0
    )
    assert (
        run("log", "-q", media["tagged"], "--outlet", "@evil", "--posted-by", "-2+3").exit_code == 0
    )
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", "sightings").stdout)))
    assert rows[0]["note"] == '\'=HYPERLINK("http://x.test","y")'
    assert rows[1]["outlet"] == "'@evil" and rows[1]["posted_by"] == "'-2+3"
    as_json = json.loads(run("export", "--format", "json", "sightings").stdout)
    assert as_json[1]["outlet"] == "@evil"  # JSON is data, not a spreadsheet: kept as typed


def test_serve_stopped_with_sigterm_leaves_no_datasette(demo_catalog):
    import signal

    proc, base = start_serve(demo_catalog)
    try:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
    finally:
        proc.kill()
    port = int(base.rsplit(":", 1)[1])
    with socket.socket() as s:  # no process listens on the port any more: no child kept it
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # past closed connections
        s.bind(("127.0.0.1", port))
        s.listen()


def test_serve_on_a_public_address_warns(demo_catalog):
    import signal

    proc, _ = start_serve(demo_catalog, "--host", "0.0.0.0")
    try:
        first = proc.stderr.readline()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
        proc.kill()
    assert first.startswith("warning: serving on 0.0.0.0 shows everyone")
