"""An in-memory index over every stored fingerprint, to find the clips worth comparing.

A small catalog is compared clip by clip: every clip is a candidate. Past BRUTE_FORCE_FRAMES
stored frames, candidates come from multi-index hashing (Norouzi et al.): each 64-bit hash is
cut into four 16-bit chunks, and two hashes within Hamming distance r < 4 share at least one
chunk exactly (pigeonhole); farther pairs still often do. For each chunk the index keeps the
stored chunks sorted, so a lookup is a binary search. A hit counts only when the whole
hashes are within CANDIDATE_DISTANCE: a shared 16-bit chunk alone is chance in a big catalog
(a bucket holds some 1,800 frames at a million clips). Clips are ranked by how many distinct
frames of the new clip hit them; every clip with CANDIDATE_VOTES such frames is compared in
full, up to MAX_CANDIDATES, so that a footage with hundreds of copies links to all of them,
and at least the best FEW_CANDIDATES are, for weak likenesses.
"""

from dataclasses import dataclass, field, replace

import numpy as np

from .align import Stretch, match_fingerprints
from .fingerprint import Fingerprint

BRUTE_FORCE_FRAMES = 50_000
MAX_CANDIDATES = 2_000
FEW_CANDIDATES = 64
CANDIDATE_VOTES = 3  # distinct frames of the new clip with a checked hit
CANDIDATE_DISTANCE = 14  # bits: a hit's whole hashes this close (a pair needs 12; views are near)
MAX_BUCKET = 5_000  # a chunk value shared by this many stored frames says nothing
CHUNKS = 4


@dataclass
class IndexedClip:
    clip_id: int
    fingerprint: Fingerprint
    still: bool


@dataclass
class FingerprintIndex:
    """Stored fingerprints by clip id, with chunk tables built on first need."""

    clips: dict[int, IndexedClip] = field(default_factory=dict)
    frame_count: int = 0
    _tables: list | None = None
    _row_clip: np.ndarray | None = None
    _row_hash: np.ndarray | None = None
    _pending: set[int] = field(default_factory=set)  # added since the tables were built

    def add(self, clip_id: int, fingerprint: Fingerprint, *, still: bool = False) -> None:
        if clip_id in self.clips:
            self.frame_count -= len(self.clips[clip_id].fingerprint.hashes)
        self.clips[clip_id] = IndexedClip(clip_id, fingerprint, still)
        self.frame_count += len(fingerprint.hashes)
        # Clips added after the chunk tables were built are compared directly until there
        # are enough of them to make a rebuild worth it.
        self._pending.add(clip_id)

    def build(self) -> None:
        """(Re)build the chunk tables over the informative kept hashes."""
        hashes, owners = [], []
        for clip in self.clips.values():
            for view, informative, _ in clip.fingerprint.kept_views():
                kept = view[informative]
                hashes.append(kept)
                owners.append(np.full(len(kept), clip.clip_id, dtype=np.int32))
        all_hashes = np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.uint64)
        self._row_clip = np.concatenate(owners) if owners else np.zeros(0, dtype=np.int32)
        self._row_hash = all_hashes
        tables = []
        for c in range(CHUNKS):
            keys = ((all_hashes >> np.uint64(16 * c)) & np.uint64(0xFFFF)).astype(np.uint16)
            order = np.argsort(keys, kind="stable").astype(
                np.int32 if len(keys) < 2**31 else np.int64
            )
            tables.append((keys[order], order))
        self._tables = tables
        self._pending = set()

    def refresh(self) -> None:
        """Build the chunk tables when they are needed and missing, or when the clips added
        since they were built are too many to compare directly (a twentieth of the index)."""
        if self.frame_count <= BRUTE_FORCE_FRAMES:
            return
        pending_frames = sum(len(self.clips[c].fingerprint.hashes) for c in self._pending)
        if self._tables is None or pending_frames > max(BRUTE_FORCE_FRAMES, self.frame_count // 20):
            self.build()

    def candidates(self, query: Fingerprint, *, exclude: int | None = None) -> list[int]:
        """Clip ids worth comparing with `query`, most promising first (every clip while the
        index is small; past that, from the chunk tables that `refresh` keeps)."""
        ids = [cid for cid in self.clips if cid != exclude]
        if self.frame_count <= BRUTE_FORCE_FRAMES:
            return ids
        if self._tables is None:
            raise RuntimeError("FingerprintIndex.candidates needs refresh() first")
        recent = [c for c in self._pending if c != exclude]
        # Two query frames a second (the stored rate) are plenty to find the right clips; the
        # full comparison afterwards uses every frame.
        step = max(1, round(query.fps / 2))
        use = np.zeros(len(query.hashes), dtype=bool)
        use[::step] = True
        use &= query.informative
        views = [h for h, transform in query.views() if transform != "inverted"]
        views += [h for h, _, _, _ in query.region_views()]
        q = np.concatenate([v[use] for v in views])
        frame_of = np.concatenate([np.flatnonzero(use)] * len(views))
        hit_frames, hit_clips = [], []
        assert self._row_clip is not None and self._row_hash is not None  # built with the tables
        for c, (sorted_keys, order) in enumerate(self._tables):
            qk = ((q >> np.uint64(16 * c)) & np.uint64(0xFFFF)).astype(np.uint16)
            lo = np.searchsorted(sorted_keys, qk, side="left")
            hi = np.searchsorted(sorted_keys, qk, side="right")
            sizes = hi - lo
            ok = (sizes > 0) & (sizes <= MAX_BUCKET)
            if not ok.any():
                continue
            lo, sizes, frames = lo[ok], sizes[ok], frame_of[ok]
            starts = np.repeat(lo - np.cumsum(sizes) + sizes, sizes)
            rows = order[starts + np.arange(sizes.sum())]
            close = np.bitwise_count(np.repeat(q[ok], sizes) ^ self._row_hash[rows])
            close = close <= CANDIDATE_DISTANCE
            hit_frames.append(np.repeat(frames, sizes)[close])
            hit_clips.append(self._row_clip[rows][close])
        if not hit_frames:
            return recent
        # Each (clip, frame of the query) counts once however many chunks or views hit it.
        width = np.int64(len(query.hashes) + 1)
        keys = np.sort(
            np.concatenate(hit_clips).astype(np.int64) * width + np.concatenate(hit_frames)
        )
        keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])]
        votes = np.bincount(keys // width)
        order = np.argsort(-votes, kind="stable")
        ranked = [
            int(c) for c in order[votes[order] > 0] if c != exclude and c not in self._pending
        ]
        strong = sum(1 for c in ranked if votes[c] >= CANDIDATE_VOTES)
        return recent + ranked[: min(MAX_CANDIDATES, max(FEW_CANDIDATES, strong))]

    def match(
        self, query: Fingerprint, *, still: bool = False, exclude: int | None = None
    ) -> dict[int, list[Stretch]]:
        """Every stored clip that shares footage with `query`, and the stretches it shares.

        The comparison is not symmetric (the query's grid is denser, and its frames vote), so
        when the query finds nothing in a candidate, the candidate is also tried as the query:
        the order in which two clips are logged must not decide whether they link.
        """
        found = {}
        self.refresh()
        for clip_id in self.candidates(query, exclude=exclude):
            other = self.clips[clip_id]
            stretches = match_fingerprints(
                query, other.fingerprint, a_still=still, b_still=other.still
            )
            if not stretches:
                reverse = match_fingerprints(
                    other.fingerprint, query, a_still=other.still, b_still=still
                )
                stretches = sorted((swapped(s) for s in reverse), key=lambda s: s.start_seconds)
            if stretches:
                found[clip_id] = stretches
        return found


def swapped(s: Stretch) -> Stretch:
    """The same stretch seen from the other clip."""
    return replace(
        s,
        start_seconds=s.other_start_seconds,
        end_seconds=s.other_end_seconds,
        other_start_seconds=s.start_seconds,
        other_end_seconds=s.end_seconds,
        speed=round(1 / s.speed, 3),
        part=s.other_part,
        other_part=s.part,
    )
