"""Where the ffmpeg programs are found, in one place, with an install hint when they are not."""

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
