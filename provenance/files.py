"""The files a batch command is given: named files as they are, folders walked for files of
the kinds the command takes. One walker for `log` and `ingest`, so that both skip and report
the same things.

What a walk cannot use is yielded with the reason, never dropped silently: a folder that
cannot be read, a dangling symbolic link, a FIFO or device, a name that is not UTF-8 (the
catalog keeps names as text).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Found:
    path: Path
    given: str  # as the user typed it, or as the walk found it; printable
    problem: str | None = None  # why it cannot be used, as the end of a one-line error


def printable(path: Path | str) -> str:
    """A path as text, with bytes that are not UTF-8 shown as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _utf8(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def walk(paths: Iterable[str | Path], suffixes: Iterable[str]) -> Iterator[Found]:
    """Each named path, and inside each folder (recursively, hidden ones aside) each file
    whose suffix is one of `suffixes`, in name order."""
    kinds = {s.lower() for s in suffixes}
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield _checked(path, printable(given))
            continue
        problems: list[Found] = []

        def unreadable(error: OSError, problems: list[Found] = problems, top: Path = path) -> None:
            folder = Path(error.filename or top)
            problems.append(
                Found(folder, printable(folder), f"folder cannot be read ({error.strerror})")
            )

        for root, dirs, files in os.walk(path, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                sub = Path(root) / name
                if name.startswith(".") or sub.suffix.lower() not in kinds:
                    continue
                yield _checked(sub, printable(sub))
            yield from problems
            problems.clear()


def _checked(path: Path, given: str) -> Found:
    if not _utf8(path):
        return Found(path, given, "file name is not valid UTF-8; rename the file to log it")
    if path.is_symlink() and not path.exists():
        return Found(path, given, "a symbolic link to a file that does not exist")
    if path.exists() and not path.is_file() and not path.is_dir():
        return Found(path, given, "not a regular file (a FIFO, socket or device)")
    return Found(path, given)
