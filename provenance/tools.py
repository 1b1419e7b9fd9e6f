"""Where the ffmpeg programs are found, in one place, with an install hint when they are not."""

import os
import shutil

from .errors import MissingToolError

INSTALL_HINT = (
    "install it with your package manager (Debian/Ubuntu: sudo apt-get install ffmpeg; "
    "macOS: brew install ffmpeg) or run scripts/setup.sh"
)


def require_tool(name: str) -> str:
    """Return the path of `name` (ffmpeg or ffprobe) or raise MissingToolError with a hint."""
    path = shutil.which(name)
    if path is None:
        raise MissingToolError(f"{name} not found on PATH: {INSTALL_HINT}")
    return path


def media_url(path: "str | os.PathLike[str]") -> str:
    """The name to hand ffmpeg and ffprobe for a local file: `file:` and the absolute path.

    Given as typed, a name is read by ffmpeg as a protocol (`pipe:0.mp4` reads standard input,
    `file:decoy.mp4` another file) or as an option (`-y.mp4`, `-report`). With the `file:`
    protocol named and an absolute path after it, every name means the file it names.
    """
    return "file:" + os.path.abspath(os.fspath(path))
