"""The clip pipeline: file -> clips, sightings, fingerprints, clip_matches.

probe (container metadata, EXIF, SHA-256) -> sidecar (.info.json) -> fingerprint (decode and
hash; picture boxes) -> search (candidate index) -> align (time ranges) -> matches (clip_matches
rows) ; log runs the steps for files and folders and writes each clip in one transaction.
"""
