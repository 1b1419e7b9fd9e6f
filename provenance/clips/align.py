"""Find the same footage in two fingerprints, with the matching time ranges on both sides.

For a new clip against a stored one:

1. Every frame of one is compared with every frame of the other (Hamming distance of the 64-bit
   hashes, through the one view of the new clip that fits the stored clip best: a crop, a
   mirror image, the negative), keeping for each frame of the new clip only its nearest frames
   in the other, within MAX_PAIR_DISTANCE.
2. Those frame pairs vote on the time offset between the clips, for a few playback speeds; the
   strongest (speed, offset) is a candidate stretch of shared footage.
3. The candidate is extended along its diagonal: every frame of the new clip is checked against
   the frame the offset predicts, and the run of agreeing frames (short gaps allowed) is the
   matched stretch. It counts when enough frames agree.
4. Its frames are removed and the vote repeats, so a compilation gives one stretch per part.

A still is one frame: it matches a clip at the frame nearest to it, under a stricter distance.
"""

from dataclasses import dataclass, replace

import numpy as np

from .fingerprint import MOTION_UNKNOWN, PICTURE, UPPER, Fingerprint

MAX_PAIR_DISTANCE = 12  # of 64 bits: frames this close are candidate pairs
HASH_BITS = 64
# Similarity is 1 at distance 0 and 0 at half the bits: two unrelated pictures differ in about
# half their bits, so that distance means "no likeness at all".
SIMILARITY_SCALE = HASH_BITS / 2
# A frame votes through every frame of the other clip within this many bits of its nearest:
# in a static shot many frames tie, and the vote must not pick one of them at random.
NEAREST_SLACK = 2
# A stretch that overlaps another on the other clip by more than this share of its length
# is an echo of it (see _is_echo).
ECHO_OVERLAP = 0.5
# A short tail: within this many seconds of a stronger stretch, and under this share of its
# length, jumping back into footage that stretch took.
TAIL_GAP_SECONDS = 1.0
TAIL_SHARE = 0.25
# Frames this far apart in time tell whether a shot changes at all (static-shot test).
APART_SECONDS = 2.0
EXTEND_DISTANCE = 16  # a frame agrees with the diagonal's frame within this distance
STILL_DISTANCE = 10  # a still and a frame this close are the same picture
# Frames around a still's nearest within this many bits of it are as near: a static shot.
# (A still's distances to neighbouring frames differ mostly by two bits or more, so in effect
# these are the frames exactly as near; 2 bits widened moving shots too, and their ranges'
# middles fell off the moment: social set alignment 0.898 -> 0.889.)
STILL_TIE = 1
SPEEDS = (1.0, 1.25, 0.8, 1.5, 1 / 1.5)  # other clip's seconds per this clip's second
# Speeds estimated from the votes (estimated_speeds): slopes between MIN_SPEED and MAX_SPEED,
# from SPEED_PAIRS random pairs of votes at least SPEED_PAIR_SECONDS apart, binned by log2
# speed in SPEED_BIN steps; a bin is a speed when it holds SPEED_PEAK_SHARE of the slopes.
MIN_SPEED, MAX_SPEED = 0.25, 4.0
SPEED_PAIRS = 4000
SPEED_PAIR_SECONDS = 1.0
SPEED_BIN = 0.04
SPEED_PEAK_SHARE = 0.05
MIN_SPEED_VOTES = 20
MAX_ESTIMATED_SPEEDS = 2
OTHER_SPEED = 0.92  # weight of a stretch's fit at a usual speed other than 1
ESTIMATED_SPEED = 0.85  # ... at a speed estimated from the votes
# Inside this range the usual speeds serve (a speed the votes point to there, from a noisy
# diagonal, only outbids the right one); an estimated speed counts outside it.
USUAL_RANGE = (1 / 1.6, 1.6)
SAME_SPEED = 0.06  # an estimated speed within 6 % of one already tried adds nothing (the
# estimate is a bin wide: 1.2 for a true 1.25)
OFFSET_BIN = 0.5  # seconds
MIN_AGREEING_SECONDS = 1.5  # agreeing frames needed, in seconds of this clip
MIN_AGREEING_FRACTION = 0.5  # of the informative frames inside the stretch
MAX_GAP_SECONDS = 2.0  # disagreeing frames bridged inside a stretch
MAX_STRETCHES = 12  # per pair of clips
SHIFT_MARGIN = 3  # bits: the diagonal must beat itself shifted by seconds, or be timed by motion
STATIC_WINDOW_SECONDS = 4.0
MIN_INDEPENDENT_FRAMES = 3  # frames of a stretch whose hashes differ from each other
MIN_TRANSFORMED_FRAMES = 4  # agreeing frames of a stretch found mirrored or inverted, at least
INDEPENDENT_BITS = 10
STRONG_SIMILARITY = 0.8
RETIME_MARGIN = 0.05  # a static stretch this far below strong may still be strong once timed
ECHO_MARGIN = 0.05  # similarity a stretch over footage already matched must come within
MIN_MOTION_CORRELATION = 0.75
MIN_MOTION_SAMPLES = 12
CLOSEST_RATIO = 0.5  # a static shot's best offset: mean distance under half the typical
# The upper part of the picture wins a pair only when it fits clearly better than the whole:
# it is there for pictures whose lower part is covered, and it leaves out what moves there,
# which times a fixed camera's shot (the street below the buildings).
UPPER_WEIGHT = 0.8


@dataclass
class Stretch:
    """One matched stretch: this clip's [start, end) is the other clip's [other_start, other_end)."""

    start_seconds: float
    end_seconds: float
    other_start_seconds: float
    other_end_seconds: float
    similarity: float
    speed: float
    view: str  # the transform: same, mirrored or inverted
    frames: int
    fit: float = 0.0  # how closely the diagonal's exact frames agree (to rank speeds/offsets)
    part: str = PICTURE  # the part of this clip that matched: picture, upper part, region N
    other_part: str = PICTURE


Comparison = tuple[np.ndarray, np.ndarray, str, np.ndarray, np.ndarray, str, str]


def comparisons(a: Fingerprint, b: Fingerprint) -> list[Comparison]:
    """(hashes of a, hashes of b, transform, a's informative frames, b's, a's part, b's part):
    the views to compare.

    A stored fingerprint keeps one view of its picture and one of each footage region; every
    comparison has such a kept view on one side, against the other side's views: a query's
    crops, mirror images and regions, or a stored view with its mirror and negative. The
    upper parts of the two pictures are compared with each other only (their shapes agree
    with no other view).
    """
    uppers: list[Comparison] = []
    if b.upper is not None:
        uppers = [
            (h, b.upper, t, a.informative, b.informative, UPPER, UPPER) for h, t in a.upper_views()
        ]
        # A query's regions have upper parts too (a split screen's half, a 9:16 re-post's
        # picture), met with the other clip's upper part (of its whole picture).
        uppers += [
            (h, b.upper, t, ai, b.informative, pa, UPPER) for h, t, ai, pa in a.region_upper_views()
        ]
    if a.upper is not None:
        uppers += [
            (a.upper, h, t, a.informative, bi, UPPER, pb) for h, t, bi, pb in b.region_upper_views()
        ]
    if a.query_views is not None:
        mine = [(h, t, a.informative, PICTURE) for h, t in a.views()] + a.region_views()
        return [
            (h, g, t, ai, bi, pa, pb) for h, t, ai, pa in mine for g, bi, pb in b.kept_views()
        ] + uppers
    theirs = [(h, t, b.informative, PICTURE) for h, t in b.views()] + b.region_views()
    return [
        (x, h, t, ai, bi, pa, pb) for x, ai, pa in a.kept_views() for h, t, bi, pb in theirs
    ] + uppers


def hamming_matrix(x: np.ndarray, y: np.ndarray, *, rows: int = 1024) -> np.ndarray:
    """Hamming distances of every hash in x to every hash in y, as uint8.

    Computed a block of rows at a time: two hour-long clips would otherwise need a 0.8 GB
    intermediate of XORed hashes.
    """
    out = np.empty((len(x), len(y)), dtype=np.uint8)
    for i in range(0, len(x), rows):
        out[i : i + rows] = np.bitwise_count(x[i : i + rows, None] ^ y[None, :])
    return out


View = tuple[np.ndarray, np.ndarray]  # (hashes, informative frames) of one side's view


def distance_matrix(
    a: Fingerprint, b: Fingerprint
) -> tuple[np.ndarray, str, tuple[str, str], tuple[View, View]]:
    """(distances, transform, (a's part, b's part), (a's view, b's view)): Hamming distances
    of every frame pair through the best view, and the hashes that were compared.

    A re-post is transformed the same way all through (cropped, mirrored, or not), so one view
    serves the whole pair: the one under which the frames of a find the nearest frames of b.
    Taking the smallest distance over all views instead would let a wrong offset through a
    static shot find some view that fits. Uninformative frames on either side get distance
    64, so they never match.
    """
    best, best_score, best_transform, best_parts = None, -1, "same", (PICTURE, PICTURE)
    best_views = ((a.hashes, a.informative), (b.hashes, b.informative))
    for mine, theirs, transform, mine_informative, theirs_informative, pa, pb in comparisons(a, b):
        d = hamming_matrix(mine, theirs)
        d[~mine_informative, :] = 64
        d[:, ~theirs_informative] = 64
        nearest = d.min(axis=1).astype(int)
        score = int(np.clip(MAX_PAIR_DISTANCE + 1 - nearest, 0, None).sum())
        if UPPER in (pa, pb):
            score = int(score * UPPER_WEIGHT)
        if score > best_score:
            best, best_score, best_transform, best_parts = d, score, transform, (pa, pb)
            best_views = ((mine, mine_informative), (theirs, theirs_informative))
    assert best is not None  # every pair has at least its kept views to compare
    return best, best_transform, best_parts, best_views


def match_fingerprints(
    a: Fingerprint, b: Fingerprint, *, a_still: bool = False, b_still: bool = False
) -> list[Stretch]:
    """Every stretch of shared footage between clip a and clip b, in a's time order."""
    if len(a.hashes) == 0 or len(b.hashes) == 0:
        return []
    dist, transform, (part, other_part), (view_a, view_b) = distance_matrix(a, b)
    if a_still or b_still:
        found = _match_still(dist, transform, a, b, a_still, b_still)
    else:
        # Whether frames differ from each other (independent evidence, a static shot) is
        # judged in the views that were compared: a region can stand still while people walk
        # across the rest of the picture.
        seen = replace(a, hashes=view_a[0], informative=view_a[1])
        found = _match_stretches(dist, transform, seen, b, view_b)
    return [replace(s, part=part, other_part=other_part) for s in found]


def _match_stretches(
    dist: np.ndarray, transform: str, a: Fingerprint, b: Fingerprint, view_b: View
) -> list[Stretch]:
    votes = _votes(dist, a, b)
    found = _match_videos(dist, transform, a, b, view_b, votes, SPEEDS)
    ta, tb, qi, si = votes
    extra = estimated_speeds(ta[qi], tb[si])
    if extra:
        # A speed the votes point to (a slow motion) replaces the usual speeds' answer only
        # where it matches more frames: a noisy diagonal must not cost a right link.
        other = _match_videos(dist, transform, a, b, view_b, votes, (*SPEEDS, *extra))
        if sum(x.frames for x in other) > sum(x.frames for x in found):
            found = other
    return found


def _votes(dist: np.ndarray, a: Fingerprint, b: Fingerprint):
    """(times of a, times of b, a's frames, b's frames) of every candidate pair of frames:
    each frame of a votes only through its nearest frames of b (in a static shot every frame
    is close to every other, and only the nearest carry timing)."""
    ta = np.arange(dist.shape[0]) / a.fps
    tb = np.arange(dist.shape[1]) / b.fps
    nearest = dist.min(axis=1, keepdims=True)
    qi, si = np.nonzero((dist <= MAX_PAIR_DISTANCE) & (dist <= nearest + NEAREST_SLACK))
    return ta, tb, qi, si


def _match_still(dist, transform, a, b, a_still, b_still) -> list[Stretch]:
    """A still at the clip's nearest frame, or over the run of frames around it that are as
    near (within STILL_TIE bits): a still of a static shot is timed only as precisely as the
    shot's picture allows, and its range says so."""
    i, j = np.unravel_index(np.argmin(dist), dist.shape)
    d = int(dist[i, j])
    if d > STILL_DISTANCE:
        return []
    similarity = round(1 - d / SIMILARITY_SCALE, 3)
    if a_still and b_still:
        return [Stretch(0.0, 0.0, 0.0, 0.0, similarity, 1.0, transform, 1)]
    row = dist[i] if a_still else dist[:, j]
    at = int(j if a_still else i)
    lo, hi = _tied_run(row, at, d + STILL_TIE)
    fps = b.fps if a_still else a.fps
    start, end = float(lo / fps), float(hi / fps)
    if a_still:
        return [Stretch(0.0, 0.0, start, end, similarity, 1.0, transform, 1)]
    return [Stretch(start, end, 0.0, 0.0, similarity, 1.0, transform, 1)]


def _tied_run(row: np.ndarray, at: int, limit: int) -> tuple[int, int]:
    """The first and last index of the run around `at` whose values are at most `limit`."""
    lo = hi = at
    while lo > 0 and row[lo - 1] <= limit:
        lo -= 1
    while hi + 1 < len(row) and row[hi + 1] <= limit:
        hi += 1
    return lo, hi


def _match_videos(
    dist, transform, a: Fingerprint, b: Fingerprint, view_b: View, votes, speeds
) -> list[Stretch]:
    ta, tb, qi, si = votes
    free = np.ones(len(ta), dtype=bool)
    stretches: list[Stretch] = []
    # Very short clips (a 1.6 s phone clip sped up) need fewer agreeing frames.
    shortest = min(len(ta) / a.fps, len(tb) / b.fps)
    min_frames = max(3, round(min(MIN_AGREEING_SECONDS, 0.5 * shortest) * a.fps))
    min_evidence = MIN_INDEPENDENT_FRAMES if shortest >= 3.0 else MIN_INDEPENDENT_FRAMES - 1
    for _ in range(MAX_STRETCHES):
        keep = free[qi]
        qi, si = qi[keep], si[keep]
        if len(qi) < min_frames:
            break
        best, best_span, best_offset, voters = None, None, 0.0, None
        usual = set(SPEEDS)
        for speed, offset, votes in _peaks(ta[qi], tb[si], qi, speeds):
            if votes < min_frames:
                continue
            stretch, span = _extend(dist, transform, ta, tb, speed, offset, free, a.fps, b.fps)
            used = offset
            if (
                stretch is not None
                and _could_be_kept(a, stretch, span, min_evidence)
                and not _distinct_in_time(dist, a, ta, tb, span, speed, offset, b.fps)
            ):
                # A static shot: its frames hash alike at many offsets, so the votes cannot
                # time it. Over the whole shot, the right offset may still fit clearly best;
                # if not, what moves in the picture can time it (the motion series). When
                # neither can, only a near-identical stretch stands, at the votes' guess:
                # a fixed camera's other moments look alike too, and a loose likeness that
                # nothing can time may be two clips that share no moment at all.
                timed = _closest_offset(dist, ta, tb, speed, free, b.fps)
                if timed is None:
                    timed = _motion_offset(a, b, speed, free)
                if timed is not None:
                    retimed, respan = _extend(
                        dist, transform, ta, tb, speed, timed, free, a.fps, b.fps
                    )
                    if retimed is not None:
                        stretch, span, used = retimed, respan, timed
                elif stretch.similarity < STRONG_SIMILARITY:
                    stretch = None
            if voters is None:
                voters = (speed, offset)
            # Normal speed is by far the most common: another speed must do clearly better,
            # and a speed only the votes point to better still.
            weight = 1.0 if speed == 1.0 else OTHER_SPEED if speed in usual else ESTIMATED_SPEED
            score = stretch.fit * weight if stretch else -1
            if stretch is not None and (best is None or score > best[0]):
                best, best_span, best_offset = (score, stretch), span, used
        if voters is None:
            break
        if best is None:
            # Nothing agreed along the strongest diagonal: drop its voters and look again.
            speed, offset = voters
            supporters = np.abs(tb[si] - (speed * ta[qi] + offset)) <= OFFSET_BIN
            free[qi[supporters]] = False
            continue
        assert best_span is not None  # set with best
        free[best_span] = False
        stretch = best[1]
        needed = min_evidence if stretch.speed == 1.0 else min_evidence + 1
        # A near-identical stretch stands on its own (a static shot re-posted); a looser
        # resemblance needs frames that differ from each other, not one shot's lookalikes.
        # Both sides: a static query lined up with a few stored frames of one drifting shot
        # differs along its own frames but finds the same stored picture all the way.
        strong = stretch.similarity >= STRONG_SIMILARITY
        # The mirror image and the negative are further guesses about the pair: a few frames
        # agree with one of them by chance (a 1.5 s clip's three stored frames did).
        transformed_ok = transform == "same" or stretch.frames >= MIN_TRANSFORMED_FRAMES
        if (
            stretch.frames >= min_frames
            and transformed_ok
            and (
                strong
                or (
                    _has_independent_frames(a.hashes, a.informative, best_span, needed)
                    and _has_independent_frames(
                        *view_b,
                        _diagonal_frames(ta[best_span], stretch.speed, best_offset, b.fps, len(tb)),
                        needed - 1,
                    )
                )
            )
        ):
            stretches.append(stretch)
    kept = [s for s in stretches if not _echoes_a_better_stretch(s, stretches)]
    return sorted(kept, key=lambda s: s.start_seconds)


def _echoes_a_better_stretch(stretch: Stretch, found: list[Stretch]) -> bool:
    """Whether the stretch maps onto footage of b that a clearly closer stretch already took.

    A fixed camera (CCTV, a tripod) shows the same scene at every moment: once a's true
    moment is found in b, a's other moments still look much like b, only less so. A real
    second use of the same footage (a replay in a compilation) matches as closely as the first.
    """
    for other in found:
        if other is stretch:
            continue
        overlap = min(stretch.other_end_seconds, other.other_end_seconds) - max(
            stretch.other_start_seconds, other.other_start_seconds
        )
        length = stretch.other_end_seconds - stretch.other_start_seconds
        if overlap <= ECHO_OVERLAP * length:
            continue
        if stretch.similarity < other.similarity - ECHO_MARGIN:
            return True
        # A short tail that runs on from a stretch in a but jumps back into the footage of b
        # that the stretch already took: the still scene after the true match, not a replay.
        gap = max(
            stretch.start_seconds - other.end_seconds, other.start_seconds - stretch.end_seconds
        )
        own = stretch.end_seconds - stretch.start_seconds
        if gap <= TAIL_GAP_SECONDS and own < TAIL_SHARE * (other.end_seconds - other.start_seconds):
            return True
    return False


def _could_be_kept(a: Fingerprint, stretch: Stretch, span: np.ndarray, min_evidence: int) -> bool:
    """Whether a stretch is worth timing: close to strong, or with frames that differ from
    each other. Timing a static shot costs a tenth of a second, and a chance resemblance in a
    big catalog (a static query near a few stored frames) would pay it for nothing."""
    if stretch.similarity >= STRONG_SIMILARITY - RETIME_MARGIN:
        return True
    return _has_independent_frames(
        a.hashes, a.informative, span, min_evidence if stretch.speed == 1.0 else min_evidence + 1
    )


def _has_independent_frames(
    hashes: np.ndarray, informative: np.ndarray, rows: np.ndarray, needed: int
) -> bool:
    """Whether at least `needed` of a stretch's frames (rows) differ clearly from each other.

    Inside one steady shot every frame hashes alike, so one chance resemblance repeats down
    the shot and looks like many agreeing frames. Frames count as independent evidence only
    when their hashes differ by more than INDEPENDENT_BITS from every frame counted before.
    """
    kept: list[np.uint64] = []
    for h in hashes[rows][informative[rows]]:
        if all(int(np.bitwise_count(h ^ k)) > INDEPENDENT_BITS for k in kept):
            kept.append(h)
            if len(kept) >= needed:  # enough: a long stretch need not be walked to its end
                return True
    return False


def _distinct_in_time(dist, a: Fingerprint, ta, tb, span, speed, offset, fps_b) -> bool:
    """Whether the hashes can time this stretch: its frames must differ from each other.

    In a static shot (CCTV, a tripod, a hovering drone) a frame hashes like the frames seconds
    before and after it, so a diagonal through it fits at any offset. The stretch's frames of
    a are compared with themselves a few seconds apart; when they are about as alike as the
    matched frames are, the content is static and the offset must come from elsewhere.
    """
    on = _diagonal_distances(dist, ta[span], tb, speed, offset, fps_b, span)
    # A short stretch cannot be compared with itself seconds apart: judge the footage around it.
    pad = round(STATIC_WINDOW_SECONDS * a.fps) if len(span) < 4 * a.fps else 0
    around = np.arange(max(0, span[0] - pad), min(len(ta), span[-1] + pad + 1))
    # Only frames that have a near frame in b: a few frames unlike the rest (a box that was
    # found late, a flash) would make a static shot look as if it changed.
    keep = around[a.informative[around] & (dist[around].min(axis=1) <= MAX_PAIR_DISTANCE)]
    if len(on) < 3 or len(keep) < 3:
        return True
    keep = keep[:: max(1, len(keep) // 1000)]  # a median needs no more, and n^2 grows fast
    h = a.hashes[keep]
    t = ta[keep]
    self_d = hamming_matrix(h, h)
    apart = np.abs(t[:, None] - t[None, :]) >= APART_SECONDS
    if not apart.any():
        return True
    self_median = float(np.median(self_d[apart]))
    return self_median - float(np.median(on)) >= SHIFT_MARGIN


def _diagonal_frames(t_rows, speed, offset, fps_b, frames_b) -> np.ndarray:
    """The frames of b, in order and once each, that tb = speed * t + offset passes through."""
    j = np.round((speed * t_rows + offset) * fps_b).astype(int)
    return np.unique(np.clip(j, 0, frames_b - 1))


def _diagonal_distances(dist, t_rows, tb, speed, offset, fps_b, rows) -> np.ndarray:
    """Distances of rows' frames to the frames of b that tb = speed * t + offset predicts."""
    predicted = speed * t_rows + offset
    inside = (predicted >= 0) & (predicted <= tb[-1])
    j = np.round(predicted[inside] * fps_b).astype(int)
    d = dist[rows[inside], np.clip(j, 0, len(tb) - 1)]
    return d[d < 64]


def _closest_offset(dist, ta, tb, speed, free, fps_b) -> float | None:
    """The offset whose diagonal is clearly closest on average, if one is.

    Every offset on a fine grid is tried; the mean distance along its diagonal must be under
    CLOSEST_RATIO of the typical offset's, and no offset a second or more away may come near.
    """
    step = 0.5 / fps_b
    offsets = np.arange(-speed * ta[-1], tb[-1] + step, step)
    rows = np.flatnonzero(free)
    if len(offsets) < 8 or len(rows) < MIN_MOTION_SAMPLES:
        return None
    rows = rows[:: max(1, len(rows) // 2000)]  # an hour of CCTV needs no more to find its minimum
    means = np.full(len(offsets), np.nan)
    for k, offset in enumerate(offsets):
        d = _diagonal_distances(dist, ta[rows], tb, speed, offset, fps_b, rows)
        if len(d) >= max(MIN_MOTION_SAMPLES, len(rows) // 3):
            means[k] = d.mean()
    tried = ~np.isnan(means)
    if tried.sum() < 8:
        return None
    best = int(np.nanargmin(means))
    typical = float(np.nanmedian(means))
    away = tried & (np.abs(offsets - offsets[best]) >= 1.0)
    if means[best] > CLOSEST_RATIO * typical or not away.any():
        return None
    if means[away].min() < means[best] + 0.5 * (typical - means[best]):
        return None
    return float(offsets[best])


def _motion_offset(a: Fingerprint, b: Fingerprint, speed: float, free: np.ndarray) -> float | None:
    """The offset at which the motion series of a and b correlate best, if they do clearly.

    Offsets are tried in steps of the denser grid, and b's series is read between its samples
    by linear interpolation: a stored fingerprint is sparser than a freshly decoded one.
    """
    ta = np.arange(len(a.motion)) / a.fps
    known_b = b.informative & (b.motion != MOTION_UNKNOWN)
    if known_b.sum() < 2:
        return None
    tb = np.flatnonzero(known_b) / b.fps
    motion_b = b.motion[known_b].astype(float)
    use = free & a.informative & (a.motion != MOTION_UNKNOWN)
    best, best_offset = MIN_MOTION_CORRELATION, None
    for offset in np.arange(-speed * ta[-1], tb[-1] + 1 / b.fps, 1 / max(a.fps, b.fps)):
        predicted = speed * ta + offset
        inside = use & (predicted >= tb[0]) & (predicted <= tb[-1])
        if inside.sum() < MIN_MOTION_SAMPLES:
            continue
        x = a.motion[inside].astype(float)
        y = np.interp(predicted[inside], tb, motion_b)
        if x.std() < 1.0 or y.std() < 1.0:
            continue
        r = float(np.corrcoef(x, y)[0, 1])
        if r > best:
            best, best_offset = r, float(offset)
    return best_offset


def estimated_speeds(ta: np.ndarray, tb: np.ndarray) -> list[float]:
    """Speeds the votes themselves point to, besides the usual ones (SPEEDS): the slopes
    between pairs of votes at least a second apart, as a histogram of log speeds from
    MIN_SPEED to MAX_SPEED; its peaks, as many as stand out, are tried like the usual
    speeds. A 0.5x slow motion or a 2x time-lapse is found this way, not from a list."""
    if len(ta) < MIN_SPEED_VOTES:
        return []
    rng = np.random.default_rng(0)  # the same votes always give the same speeds
    a = rng.integers(0, len(ta), SPEED_PAIRS)
    b = rng.integers(0, len(ta), SPEED_PAIRS)
    dt = ta[b] - ta[a]
    keep = np.abs(dt) >= SPEED_PAIR_SECONDS
    slopes = (tb[b] - tb[a])[keep] / dt[keep]
    slopes = slopes[(slopes >= MIN_SPEED) & (slopes <= MAX_SPEED)]
    if len(slopes) < MIN_SPEED_VOTES:
        return []
    logs = np.log2(slopes)
    edges = np.arange(np.log2(MIN_SPEED), np.log2(MAX_SPEED) + SPEED_BIN, SPEED_BIN)
    counts, _ = np.histogram(logs, bins=edges)
    found: list[float] = []
    for k in np.argsort(-counts)[:MAX_ESTIMATED_SPEEDS]:
        if counts[k] < max(MIN_SPEED_VOTES, SPEED_PEAK_SHARE * len(logs)):
            break
        near = np.abs(logs - (edges[k] + SPEED_BIN / 2)) <= SPEED_BIN
        speed = float(2 ** np.median(logs[near]))
        outside = not USUAL_RANGE[0] <= speed <= USUAL_RANGE[1]
        if outside and all(abs(speed / s - 1) > SAME_SPEED for s in (*SPEEDS, *found)):
            found.append(round(speed, 3))
    return found


def _peaks(
    ta: np.ndarray, tb: np.ndarray, qi: np.ndarray, speeds
) -> list[tuple[float, float, int]]:
    """For each speed, the offset most frames of a agree on: (speed, offset, votes), best first.

    Each frame of a counts once per offset bin, and a bin is counted with its neighbours, as a
    frame near a bin edge lands in either.
    """
    peaks = []
    for speed in speeds:
        bins = np.round((tb - speed * ta) / OFFSET_BIN).astype(np.int64)
        key = np.unique(np.stack([bins, qi]), axis=1)[0]
        if len(key) == 0:
            continue
        values, counts = np.unique(key, return_counts=True)
        lookup = dict(zip(values.tolist(), counts.tolist(), strict=True))
        smoothed = [
            lookup[v] + lookup.get(v - 1, 0) + lookup.get(v + 1, 0) for v in values.tolist()
        ]
        k = int(np.argmax(smoothed))
        near = np.abs(bins - values[k]) <= 1
        offset = float(np.median((tb - speed * ta)[near]))
        peaks.append((speed, offset, int(smoothed[k])))
    return sorted(peaks, key=lambda p: -p[2])


def _extend(dist, transform, ta, tb, speed, offset, free, fps_a, fps_b):
    """Walk the diagonal tb = speed * ta + offset; return the stretch around its agreeing frames."""
    predicted = speed * ta + offset
    inside = (predicted >= -0.5 / fps_b) & (predicted <= tb[-1] + 0.5 / fps_b) & free
    j = np.clip(np.round(predicted * fps_b).astype(int), 0, len(tb) - 1)
    # Allow one frame of b either side: grids of a and b are not in phase.
    cols = np.stack([np.clip(j - 1, 0, len(tb) - 1), j, np.clip(j + 1, 0, len(tb) - 1)], axis=1)
    rows = np.arange(len(ta))[:, None]
    near = dist[rows, cols]
    d = near.min(axis=1)
    exact = near[:, 1].astype(float)  # the predicted frame itself, without the +-1 slack
    informative = d < 64
    agree = inside & (d <= EXTEND_DISTANCE)
    idx = np.flatnonzero(agree)
    if len(idx) == 0:
        return None, np.zeros(0, dtype=int)
    # The longest chain of agreeing frames with gaps of at most MAX_GAP_SECONDS.
    max_gap = max(1, round(MAX_GAP_SECONDS * fps_a))
    breaks = np.flatnonzero(np.diff(idx) > max_gap)
    starts = np.concatenate([[0], breaks + 1])
    ends = np.concatenate([breaks, [len(idx) - 1]])
    k = int(np.argmax(ends - starts))
    first, last = idx[starts[k]], idx[ends[k]]
    span = np.arange(first, last + 1)
    agreeing = int(agree[span].sum())
    counted = int((inside[span] & informative[span]).sum())
    if counted == 0 or agreeing / counted < MIN_AGREEING_FRACTION:
        return None, span
    start, end = float(ta[first]), float(ta[last] + 1 / fps_a)
    similarity = (
        float(np.mean(np.clip(1 - d[span][agree[span]] / SIMILARITY_SCALE, 0, 1)))
        * agreeing
        / counted
    )
    return Stretch(
        start_seconds=round(start, 3),
        end_seconds=round(end, 3),
        other_start_seconds=round(max(0.0, speed * start + offset), 3),
        other_end_seconds=round(min(float(tb[-1] + 1 / fps_b), speed * end + offset), 3),
        similarity=round(similarity, 3),
        speed=round(speed, 3),
        view=transform,
        frames=agreeing,
        fit=float(np.clip(1 - exact[span][agree[span]] / EXTEND_DISTANCE, 0, 1).sum()),
    ), span
