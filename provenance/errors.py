"""Errors that reach the user as one line.

ProvenanceError            every error the CLI prints as "Error: ..." (exit 1)
├── BadInputError          a file given to us cannot be used (missing, empty, corrupt, wrong type)
├── NotFoundError          no clip or mention with the number asked for
├── CatalogError           the catalog cannot be opened or written (not SQLite, read-only, locked, too new)
└── MissingToolError       ffmpeg/ffprobe is not installed
"""


class ProvenanceError(Exception):
    """Base class: the message is a complete sentence naming the file and what is wrong."""


class BadInputError(ProvenanceError):
    """A clip, still or report cannot be read or is not what its name says."""


class NotFoundError(ProvenanceError):
    """No clip, mention or article with the number the user gave."""


class CatalogError(ProvenanceError):
    """The catalog file cannot be opened, migrated or written."""


class MissingToolError(ProvenanceError):
    """An external program (ffmpeg, ffprobe) is not on PATH."""
