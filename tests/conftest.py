"""Shared test set-up: every test gets its own catalog file in tmp_path, and real clips made
by ffmpeg at test time (once per session, then copied where a test changes them)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixtures.make_clips import make_still, make_video  # noqa: E402
from provenance.cli import cli  # noqa: E402

SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def isolated_catalog(tmp_path, monkeypatch):
    """No test touches a real catalog: the default catalog is a file in tmp_path."""
    db = tmp_path / "catalog.db"
    monkeypatch.setenv("PROVENANCE_DB", str(db))
    monkeypatch.setenv("PROVENANCE_BY", "tester")
    monkeypatch.delenv("PROVENANCE_BUSY_TIMEOUT", raising=False)
    return db


@pytest.fixture
def run():
    """Run the CLI through its entry point; returns click's Result (exit_code, stdout, stderr)."""

    def invoke(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


def run_process(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """Run `python cli.py ...` as its own process, as a volunteer's shell would."""
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


@pytest.fixture(scope="session")
def media(tmp_path_factory) -> dict[str, Path]:
    """A set of small real clips, made once per test session."""
    out = tmp_path_factory.mktemp("media")
    clips = {
        "tagged": make_video(
            out / "tagged.mp4",
            source="pattern",
            seconds=2,
            size="320x240",
            metadata={
                "creation_time": "2022-06-01T10:00:00Z",
                "location": "+48.5950+038.0010/",
                "make": "DJI",
                "model": "Mavic 3",
            },
        ),
        "plain": make_video(out / "plain.mp4", source="life", seconds=2, seed=2),
        "still": make_still(out / "still.jpg", latitude=48.5, longitude=-38.25),
    }
    return clips


@pytest.fixture
def clip_copy(media, tmp_path):
    """Copy a session clip into this test's folder, under another name if given."""

    def copy(name: str, new_name: str | None = None, folder: Path | None = None) -> Path:
        target = (folder or tmp_path) / (new_name or media[name].name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(media[name], target)
        return target

    return copy
