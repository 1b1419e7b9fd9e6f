"""provenance: a video-footage provenance cataloguer."""

from .catalog.db import open_catalog, transaction
from .clips.align import match_fingerprints
from .clips.fingerprint import fingerprint_file
from .clips.log import list_clips, log_paths, save_clip, verify_clips
from .clips.probe import probe_file
from .errors import BadInputError, CatalogError, MissingToolError, ProvenanceError
from .reports.extract import extract_report
from .reports.ingest import ingest_paths, mention_chain, query_mentions
from .reports.read import read_report

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
