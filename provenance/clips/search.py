"""An index over every stored fingerprint, to find the clips worth comparing.

A small catalog is compared clip by clip: every clip is a candidate. Past BRUTE_FORCE_FRAMES
stored frames, candidates come from multi-index hashing (Norouzi et al.): each 64-bit hash is
cut into four 16-bit chunks, and two hashes within Hamming distance r < 4 share at least one
chunk exactly (pigeonhole); farther pairs still often do. For each chunk the index keeps the
rows sorted by that chunk, so a lookup reads one bucket. A hit counts only when the whole
hashes are within CANDIDATE_DISTANCE: a shared 16-bit chunk alone is chance in a big catalog
(a bucket holds some 1,800 frames at a million clips). A clip is a strong candidate with
CANDIDATE_VOTES query frames and CANDIDATE_ROWS rows of its own among its hits; strong ones are
compared best first, up to MAX_CANDIDATES, until MAX_MISSES in a row share nothing, so that a
footage with hundreds of copies links to all of them while chance hits cost little; and at
least the best FEW_CANDIDATES are looked at, for weak likenesses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace

import numpy as np
import sqlite_utils

from .align import MAX_PAIR_DISTANCE, Stretch, match_fingerprints
from .fingerprint import Fingerprint
from .stored import stored_fingerprints

BRUTE_FORCE_FRAMES = 50_000
MAX_CANDIDATES = 2_000
FEW_CANDIDATES = 64
# Strong candidates in a row, best first, that share nothing with the query: the rest are
# chance. A chance candidate costs about 10 ms to compare (both ways), so this bounds them at
# 0.2 s.
MAX_MISSES = 16
CANDIDATE_VOTES = 3  # distinct frames of the new clip with a checked hit
CANDIDATE_ROWS = 2  # distinct stored rows of the clip within a pair's distance of the query
CANDIDATE_DISTANCE = 14  # bits: a hit's whole hashes this close (a pair needs 12; views are near)
MAX_BUCKET = 5_000  # a chunk value shared by this many stored frames says nothing
CHUNKS = 4
CHUNK_VALUES = 2**16


@dataclass
class IndexedClip:
    clip_id: int
    fingerprint: Fingerprint
    still: bool


@dataclass
class ChunkTables:
    """Multi-index hash tables over rows of (64-bit hash, clip id).

    For each of the CHUNKS 16-bit chunks, `orders[c]` lists the rows sorted by that chunk's
    value, and `offsets[c]` (65,537 numbers) says where each value's rows start, so a lookup
    is two reads, no search. The arrays may be in memory or memory-mapped .npy files
    (index_files.py): a lookup touches only the buckets it reads.
    """

    hashes: np.ndarray  # uint64, one a row
    clips: np.ndarray  # int32 clip id, one a row
    orders: list[np.ndarray]  # int32 rows, per chunk
    offsets: list[np.ndarray]  # int64, 65,537 per chunk

    @classmethod
    def build(cls, hashes: np.ndarray, clips: np.ndarray) -> ChunkTables:
        orders, offsets = [], []
        for c in range(CHUNKS):
            keys = chunk_values(hashes, c)
            # A stable sort of 16-bit keys is numpy's radix sort: linear in the rows.
            orders.append(np.argsort(keys, kind="stable").astype(np.int32))
            counts = np.bincount(keys, minlength=CHUNK_VALUES)
            offsets.append(np.concatenate([[0], np.cumsum(counts)]).astype(np.int64))
        return cls(hashes.astype(np.uint64), clips.astype(np.int32), orders, offsets)

    @property
    def rows(self) -> int:
        return len(self.hashes)

    def hits(self, q: np.ndarray, frame_of: np.ndarray) -> Hits:
        """Every stored row within CANDIDATE_DISTANCE of a query hash `q[i]` (of frame
        `frame_of[i]`) that shares a chunk with it.

        Views and neighbouring frames of a query repeat hashes and share chunk values, so
        each distinct hash is compared once, and each distinct value's bucket is read once
        (on disk these are random reads) for every query hash with that value.
        """
        q, which = np.unique(q, return_inverse=True)
        found = []
        for c in range(CHUNKS):
            values, inverse = np.unique(chunk_values(q, c), return_inverse=True)
            lo = self.offsets[c][values.astype(np.intp)]
            sizes = self.offsets[c][values.astype(np.intp) + 1] - lo
            sizes[sizes > MAX_BUCKET] = 0
            if not sizes.any():
                continue
            first = np.cumsum(sizes) - sizes  # where each value's rows start in `rows`
            rows = np.asarray(self.orders[c][np.repeat(lo - first, sizes) + np.arange(sizes.sum())])
            stored = np.asarray(self.hashes[rows])
            # Every query hash against the rows of its value.
            n = sizes[inverse]
            ends = np.cumsum(n)
            pick = np.repeat(first[inverse] - (ends - n), n) + np.arange(ends[-1])
            d = np.bitwise_count(np.repeat(q, n) ^ stored[pick])
            close = np.flatnonzero(d <= CANDIDATE_DISTANCE)
            asking = np.searchsorted(ends, close, side="right")  # the query hash of each
            found.append((rows[pick[close]], asking, d[close]))
        if not found:
            return Hits.none()
        rows = np.concatenate([f[0] for f in found]).astype(np.int64)
        asked = np.concatenate([f[1] for f in found])
        distances = np.concatenate([f[2] for f in found]).astype(np.uint8)
        # Each hit of a distinct hash is a hit of every frame that has that hash.
        positions = np.argsort(which, kind="stable")
        per_hash = np.bincount(which, minlength=len(q))
        starts = np.cumsum(per_hash) - per_hash
        copies = per_hash[asked]
        frames = frame_of[
            positions[
                np.repeat(starts[asked] - (np.cumsum(copies) - copies), copies)
                + np.arange(copies.sum())
            ]
        ]
        rows, distances = np.repeat(rows, copies), np.repeat(distances, copies)
        owners = np.asarray(self.clips[rows])
        # A clip's rows are consecutive (index_rows), so a row with other clips on both sides
        # is its clip's only one: a still.
        before = np.asarray(self.clips[np.maximum(rows - 1, 0)])
        after = np.asarray(self.clips[np.minimum(rows + 1, self.rows - 1)])
        alone = ((before != owners) | (rows == 0)) & ((after != owners) | (rows == self.rows - 1))
        return Hits(owners, frames.astype(np.int64), rows, distances, alone)


@dataclass
class Hits:
    """Stored rows near a query's looked-up hashes: one entry a (query hash, stored row) pair."""

    clips: np.ndarray  # int32: the clip of the row
    frames: np.ndarray  # int64: the query frame that looked it up
    rows: np.ndarray  # int64: the row, one number per row within a clip
    distances: np.ndarray  # uint8: Hamming distance of the two whole hashes
    alone: np.ndarray  # bool: the row is its clip's only one (a still's)

    @classmethod
    def none(cls) -> Hits:
        return cls(
            np.zeros(0, np.int32),
            np.zeros(0, np.int64),
            np.zeros(0, np.int64),
            np.zeros(0, np.uint8),
            np.zeros(0, bool),
        )

    @classmethod
    def joined(cls, parts: list[Hits]) -> Hits:
        """The hits of several tables (a clip's rows lie in one table, so rows stay apart)."""
        if not parts:
            return cls.none()
        return cls(*(np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(cls)))


def chunk_values(hashes: np.ndarray, c: int) -> np.ndarray:
    """The c-th 16-bit chunk of each hash."""
    return ((hashes >> np.uint64(16 * c)) & np.uint64(0xFFFF)).astype(np.uint16)


def index_rows(clips: list[IndexedClip]) -> tuple[np.ndarray, np.ndarray]:
    """(hashes, clip ids) of the rows an index keeps for `clips`: the informative frames of
    every view the catalog keeps (the picture and each region)."""
    hashes, owners = [], []
    for clip in clips:
        for view, informative, _ in clip.fingerprint.kept_views():
            kept = view[informative]
            hashes.append(kept)
            owners.append(np.full(len(kept), clip.clip_id, dtype=np.int32))
    if not hashes:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int32)
    return np.concatenate(hashes), np.concatenate(owners)


def query_hashes(query: Fingerprint) -> tuple[np.ndarray, np.ndarray]:
    """(hashes, frame of each) a query looks up: two frames a second (the stored rate; plenty
    to find the right clips, and the full comparison afterwards uses every frame) through
    every view it is compared by except the negative, and every region."""
    step = max(1, round(query.fps / 2))
    use = np.zeros(len(query.hashes), dtype=bool)
    use[::step] = True
    use &= query.informative
    views = [h for h, transform in query.views() if transform != "inverted"]
    views += [h for h, _, _, _ in query.region_views()]
    q = np.concatenate([v[use] for v in views])
    frame_of = np.concatenate([np.flatnonzero(use)] * len(views))
    return q, frame_of


def ranked_candidates(
    hits: Hits, query: Fingerprint, *, skip: set[int]
) -> tuple[list[int], list[int]]:
    """(strong, weak) clip ids to compare with `query`, best first, leaving out `skip`.

    Strong: every clip with CANDIDATE_VOTES distinct query frames among its hits and
    CANDIDATE_ROWS distinct rows of its own within a pair's distance (MAX_PAIR_DISTANCE), up
    to MAX_CANDIDATES. The rows count because a static query's frames are all alike: one
    stored row that looks like it by chance is near every query frame, and in a million clips
    some 2,000 clips have such a row. A still has one row, and one is enough for it.

    Both are ranked by independent evidence: the smaller of the query frames and the stored
    rows within a pair's distance (a still's frames alone). A chance row near a static query
    gives many frames but one or two rows; a copy gives many of both. Weak: the best of the
    rest that have a row within a pair's distance, to make FEW_CANDIDATES in all.
    """
    if not len(hits.clips):
        return [], []
    clips = hits.clips.astype(np.int64)
    near = hits.distances <= MAX_PAIR_DISTANCE
    # Each (clip, frame of the query) counts once however many chunks or views hit it.
    width = np.int64(len(query.hashes) + 1)
    frame_votes = np.bincount(np.unique(clips * width + hits.frames) // width)
    size = len(frame_votes)
    near_frames = np.bincount(
        np.unique(clips[near] * width + hits.frames[near]) // width, minlength=size
    )
    near_rows = np.bincount(
        np.unique((clips[near] << np.int64(32)) | hits.rows[near]) >> np.int64(32), minlength=size
    )
    still = np.zeros(size, dtype=bool)
    still[clips[near & hits.alone]] = True
    evidence = np.where(still, near_frames, np.minimum(near_frames, near_rows))
    hit = np.flatnonzero(near_rows > 0)
    order = hit[np.lexsort((-frame_votes[hit], -evidence[hit]))]
    ranked = [c for c in order.tolist() if c not in skip]
    is_strong = (frame_votes >= CANDIDATE_VOTES) & ((near_rows >= CANDIDATE_ROWS) | still)
    strong = [c for c in ranked if is_strong[c]][:MAX_CANDIDATES]
    chosen = set(strong)
    weak = [c for c in ranked if c not in chosen][: max(0, FEW_CANDIDATES - len(strong))]
    return strong, weak


def close_frames(q: np.ndarray, frame_of: np.ndarray, fingerprint: Fingerprint) -> int:
    """How many distinct query frames lie within CANDIDATE_DISTANCE of a row the index keeps
    of `fingerprint`, by every pair, not only those that share a chunk."""
    rows, _ = index_rows([IndexedClip(0, fingerprint, False)])
    if not len(rows) or not len(q):
        return 0
    near = (np.bitwise_count(q[:, None] ^ rows[None, :]) <= CANDIDATE_DISTANCE).any(axis=1)
    return len(np.unique(frame_of[near]))


def matches_among(
    query: Fingerprint,
    candidates: Iterable[IndexedClip],
    *,
    still: bool,
    weak: set[int],
    looked_up: tuple[np.ndarray, np.ndarray],
    ranked: frozenset[int] | set[int] = frozenset(),
) -> dict[int, list[Stretch]]:
    """The candidates that share footage with `query`.

    `ranked` are the strong candidates, which come best first: once MAX_MISSES of them in a
    row share nothing, the rest of them are taken for chance (a copy ranks above every
    chance hit, so a footage with a thousand copies is compared to the end). A weak
    candidate (one that few frames voted for, mostly chance in a big catalog) is compared in
    full only when as many query frames as a strong one needs lie near its rows: a full
    comparison costs a tenth of a second, a check a millisecond. A still has one frame, so
    one is enough for it."""
    q, frame_of = looked_up
    needed = min(CANDIDATE_VOTES, len(np.unique(frame_of)))
    found, misses = {}, 0
    for candidate in candidates:
        if candidate.clip_id in ranked and misses >= MAX_MISSES:
            continue
        if candidate.clip_id in weak and close_frames(q, frame_of, candidate.fingerprint) < needed:
            continue
        stretches = compare(query, candidate, still=still)
        if stretches:
            found[candidate.clip_id] = stretches
        if candidate.clip_id in ranked:
            misses = 0 if stretches else misses + 1
    return found


def compare(query: Fingerprint, other: IndexedClip, *, still: bool) -> list[Stretch]:
    """The stretches `query` shares with one stored clip.

    The comparison is not symmetric (the query's grid is denser, and its frames vote), so
    when the query finds nothing in the candidate, the candidate is also tried as the query:
    the order in which two clips are logged must not decide whether they link.
    """
    stretches = match_fingerprints(query, other.fingerprint, a_still=still, b_still=other.still)
    if not stretches:
        reverse = match_fingerprints(other.fingerprint, query, a_still=other.still, b_still=still)
        stretches = sorted((swapped(s) for s in reverse), key=lambda s: s.start_seconds)
    return stretches


@dataclass
class FingerprintIndex:
    """Stored fingerprints by clip id, with chunk tables built on first need."""

    clips: dict[int, IndexedClip] = field(default_factory=dict)
    frame_count: int = 0
    _tables: ChunkTables | None = None
    _pending: set[int] = field(default_factory=set)  # added since the tables were built

    def add(self, clip_id: int, fingerprint: Fingerprint, *, still: bool = False) -> None:
        if clip_id in self.clips:
            self.frame_count -= len(self.clips[clip_id].fingerprint.hashes)
        self.clips[clip_id] = IndexedClip(clip_id, fingerprint, still)
        self.frame_count += len(fingerprint.hashes)
        # Clips added after the chunk tables were built are compared directly until there
        # are enough of them to make a rebuild worth it.
        self._pending.add(clip_id)

    @property
    def newest(self) -> int:
        """The highest clip id held (0 for none)."""
        return max(self.clips, default=0)

    def catch_up(self, db: sqlite_utils.Database, *, above: int = 0) -> None:
        """Add every stored fingerprint the index lacks (other processes may have logged some),
        of the clips above `above` (those at or below it are held elsewhere).

        A fingerprint is written only with its new clip, in the write transaction that
        inserts the clip, and write transactions run one at a time; so clip ids grow in
        commit order and the fingerprints an index lacks are those above the highest id it
        holds. Reading them is a range lookup on the primary key, however big the catalog.
        """
        for clip_id, fp, still in stored_fingerprints(db, above=max(above, self.newest)):
            self.add(clip_id, fp, still=still)

    def build(self) -> None:
        """(Re)build the chunk tables over the informative kept hashes."""
        self._tables = ChunkTables.build(*index_rows(list(self.clips.values())))
        self._pending = set()

    def refresh(self) -> None:
        """Build the chunk tables when they are needed and missing, or when the clips added
        since they were built are too many to compare directly (a twentieth of the index)."""
        if self.frame_count <= BRUTE_FORCE_FRAMES:
            return
        pending_frames = sum(len(self.clips[c].fingerprint.hashes) for c in self._pending)
        if self._tables is None or pending_frames > max(BRUTE_FORCE_FRAMES, self.frame_count // 20):
            self.build()

    def candidates(
        self, query: Fingerprint, *, exclude: int | None = None
    ) -> tuple[list[int], list[int], list[int]]:
        """(clip ids worth comparing with `query`, most promising first; the weak and the
        strong ones among them, see `ranked_candidates`): every clip while the index is small
        (none ranked); past that, the clips added since the chunk tables were built and the
        tables' candidates."""
        if self.frame_count <= BRUTE_FORCE_FRAMES:
            return [cid for cid in self.clips if cid != exclude], [], []
        if self._tables is None:
            raise RuntimeError("FingerprintIndex.candidates needs refresh() first")
        recent = [c for c in self._pending if c != exclude]
        hits = self._tables.hits(*query_hashes(query))
        skip = self._pending | ({exclude} if exclude is not None else set())
        strong, weak = ranked_candidates(hits, query, skip=skip)
        return recent + strong + weak, weak, strong

    def match(
        self, query: Fingerprint, *, still: bool = False, exclude: int | None = None
    ) -> dict[int, list[Stretch]]:
        """Every stored clip that shares footage with `query`, and the stretches it shares."""
        self.refresh()
        ids, weak, strong = self.candidates(query, exclude=exclude)
        return matches_among(
            query,
            (self.clips[c] for c in ids),
            still=still,
            weak=set(weak),
            looked_up=query_hashes(query),
            ranked=set(strong),
        )

    def match_above(
        self, query: Fingerprint, *, still: bool, above: int, exclude: int | None = None
    ) -> dict[int, list[Stretch]]:
        """Matches against the held clips with an id above `above` (all of them for 0)."""
        if above == 0:
            return self.match(query, still=still, exclude=exclude)
        part = FingerprintIndex()
        for other_id, entry in self.clips.items():
            if other_id > above and other_id != exclude:
                part.add(other_id, entry.fingerprint, still=entry.still)
        return part.match(query, still=still) if part.clips else {}


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
