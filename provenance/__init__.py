"""provenance: a video-footage provenance cataloguer."""

from .articles import ingest_paths, mention_chain, query_mentions
from .catalog import open_catalog, transaction
from .clips import list_clips, log_paths, save_clip, verify_clips
from .errors import BadInputError, CatalogError, MissingToolError, ProvenanceError
from .extract import extract_report
from .fingerprint import fingerprint_file
from .matching import match_fingerprints
from .probe import probe_file
from .reports import read_report

__all__ = [
    "BadInputError",
    "CatalogError",
    "MissingToolError",
    "ProvenanceError",
    "extract_report",
    "fingerprint_file",
    "ingest_paths",
    "list_clips",
    "log_paths",
    "match_fingerprints",
    "mention_chain",
    "open_catalog",
    "probe_file",
    "query_mentions",
    "read_report",
    "save_clip",
    "transaction",
    "verify_clips",
]
