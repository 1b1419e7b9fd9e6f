"""provenance: a video-footage provenance cataloguer."""

from .catalog import open_catalog, transaction
from .clips import list_clips, log_paths, save_clip, verify_clips
from .errors import BadInputError, CatalogError, MissingToolError, ProvenanceError
from .probe import probe_file

__all__ = [
    "BadInputError",
    "CatalogError",
    "MissingToolError",
    "ProvenanceError",
    "list_clips",
    "log_paths",
    "open_catalog",
    "probe_file",
    "save_clip",
    "transaction",
    "verify_clips",
]
