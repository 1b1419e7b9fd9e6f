"""Perceptual fingerprints of clips: one 64-bit DCT hash per frame on a fixed time grid.

One ffmpeg process decodes each file and scales every grid frame to a tiny grey square inside
ffmpeg (area scaling), so no full-size frame reaches Python. Here, each frame's picture area is
found (black bars and the blurred side bands of vertical re-uploads are cut away) and hashed.

What the catalog keeps is small: the hash of the middle of the picture (its central 80 %,
which drops most of a corner logo or a bottom ticker) twice a second, XOR-coded against the
previous frame and zlib-compressed, with a flag and a 4-bit motion code per frame; about
0.8 KB per clip-minute. A freshly decoded clip (the query) is hashed more ways, four times a second:
crops of its picture from 100 % down to 64 % (so that it meets a stored clip that is a crop of
it, or that it is a crop of) and each of them mirrored. Stored hashes are matched only against
query views, so the catalog needs one view, and the query side, which has the pixels, does the
work of trying the others.

The hash is imagehash's phash computed for a whole batch of frames in numpy: the 32x32 grey
picture goes through a 2-D DCT-II, the 8x8 lowest frequencies are compared with their median,
and the 64 bits are packed most significant first, exactly as `int(str(imagehash.phash(img)), 16)`
(a test checks it bit for bit). Because the hash is built from DCT coefficients, the hash of the
mirrored picture (odd horizontal frequencies change sign) and of the inverted picture (thermal
white-hot/black-hot) come from the same coefficients at no extra cost; from the bits alone they
are close approximations, which is what a comparison of two stored fingerprints uses.

Frames with too little structure (black, flat, mid-fade) carry no identity and are flagged as
uninformative; the matcher ignores them.
"""

import json
import threading
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import ffmpeg
import numpy as np

from ..errors import BadInputError
from ..tools import media_url, require_tool

# A file is truncated when it decodes to less than this share of the length its header states,
# less a second: headers round, and the last GOP of a good file can be short.
TRUNCATED_SHARE = 0.85
TRUNCATED_SLACK_SECONDS = 1.0

FINGERPRINT_VERSION = 2
GRID_FPS = 4.0  # decode grid; stored fingerprints keep every STORE_EVERY-th frame (2 per second)
STORE_EVERY = 2
KEPT_CROP = 0.8  # the stored hash: the central 80 % of the picture, across and down
# Central crops a query is hashed at. Against the stored 80 %: 1.0 meets a clip this one is an
# 80 % crop of, 0.89 a 90 % crop; 0.72 and 0.64 meet clips cut to 90 % or 80 % of this one.
QUERY_CROPS = (KEPT_CROP, 1.0, 0.89, 0.72, 0.64)
# Crops of another shape (share kept across, share kept down). A picture cut to fill a box of
# another shape (a 4:3 clip in a 16:9 split screen, a 2.35:1 film in a 16:9 frame) keeps its
# whole extent along one axis and loses about a quarter along the other. 0.8 x 1 and 1 x 0.8
# meet a stored clip this one was cut from that way (the cut axis shown whole, about the
# stored 80 %); 0.8 x 0.6 and 0.6 x 0.8 meet a stored clip cut that way from this one (80 %
# of the three quarters it kept). Without them a 4:3 source and its 16:9 cut differ by 12-18
# bits; with them by 4-6.
QUERY_SHAPES = ((0.8, 1.0), (1.0, 0.8), (0.8, 0.6), (0.6, 0.8))
# The upper part of the picture, kept as a second view (x0, y0, x1, y1 of the picture): what a
# band over the lower part (a news lower third, subtitles, a caption bar, a ticker, an account
# name) leaves uncovered. Such a band costs 12-16 bits of the kept view's hash and 4-8 of this
# one's. It is compared only with the other clip's upper part.
UPPER_BOX = (0.1, 0.1, 0.9, 0.65)
# The parts of a clip a match can use, as clip_matches.view names them.
PICTURE, UPPER = "picture", "upper part"
DECODE_SIZE = 128  # ffmpeg scales every grid frame to DECODE_SIZE x DECODE_SIZE grey
HASH_INPUT = 32  # imagehash.phash: hash_size 8 x highfreq_factor 4
MIN_CONTRAST = 6.0  # grey-level standard deviation under which a frame is uninformative
DRAWN_SHARE = 0.8  # share of a frame within one grey level of its commonest: drawn
DRAWN_DARK = 24  # ... unless that level is this dark (a night scene; black is MIN_CONTRAST's)
EDGE_ROWS = 2  # outermost rows/columns of a decoded frame, ignored when finding the picture
PIP_MARGIN = 3  # rows/columns of backdrop needed on both sides of an off-centre picture
PIP_BACKDROP = 0.1  # share of textured pixels in the rows/columns of a drawn backdrop
MOTION_UNKNOWN = 255  # motion byte of a frame whose picture area changes
BATCH = 64  # frames per batch: 16 s of footage, about 1 MB


def _dct_matrix(n: int = HASH_INPUT, keep: int = 8) -> np.ndarray:
    """The first `keep` rows of scipy.fftpack's unnormalised DCT-II matrix for length n."""
    k = np.arange(keep)[:, None]
    i = np.arange(n)[None, :]
    return 2.0 * np.cos(np.pi * k * (2 * i + 1) / (2 * n))


_DCT = _dct_matrix()
_BIT_WEIGHTS = (np.uint64(1) << np.arange(63, -1, -1, dtype=np.uint64)).astype(np.uint64)
_MIRROR_SIGNS = np.where(np.arange(8) % 2 == 1, -1.0, 1.0)[None, None, :]
# Bits of odd horizontal frequency: mirroring flips their coefficients' sign.
# A still's crops are also taken moved by these shares of its picture across and down (all
# within the crops' margins).
STILL_SHIFTS = (-0.05, -0.025, 0.0, 0.025, 0.05)
STILL_SHIFT_CROPS = (KEPT_CROP, 0.89)
MIRROR_BITS = np.uint64(int("".join("01" * 4) * 8, 2))
TOP_BIT = np.uint64(1 << 63)


# Footage regions: where the footage sits inside a re-post's frame, found from the clip itself.
# Footage changes from frame to frame, if only by its grain; the screen furniture of a re-post
# (a messenger's bars and post text, a caption band, a split screen's backdrop) is drawn and
# stays exactly still through the encoder. A pixel is moving when its mean change between
# grid frames is at least REGION_MOTION_FLOOR grey levels.
REGION_MOTION_FLOOR = 0.3
REGION_DETAIL_FLOOR = 2.0  # mean change of the Laplacian's magnitude of a sharp, moving pixel
REGION_DETAIL_SHARE = 0.2  # ... or this share of the clip's 95th percentile, if higher
REGION_SAME = 0.9  # two regions overlapping this much (IoU) are one
REGION_MIN_BUSY = 3.0  # a clip whose busiest pixels (95th percentile) change less: no regions
REGION_MIN_AREA = 0.05  # share of the frame a region covers, at least
REGION_MIN_FILL = 0.45  # share of a region's box that moves, at least
REGION_SAME_AS_BOX = 0.75  # overlap (IoU) with the picture box above which a region adds nothing
REGION_CLOSE = 9  # pixels (of DECODE_SIZE) bridged inside a region: its still parts, a caption
# Two pictures side by side (or one above the other) meet at a line that stays put: a column
# whose mean horizontal gradient over the whole clip is DIVIDER_RATIO times the region's
# median, in the middle DIVIDER_SPAN of the region. Footage's own edges move and average out.
DIVIDER_RATIO = 2.5
DIVIDER_SPAN = (0.25, 0.75)
DIVIDER_LENGTH = 0.75  # share of the line along which it stands out, and footage moves beside it
DIVIDER_SIDE = 2  # pixels from the line at which both sides must be footage
DIVIDER_TEXTURE = 1.0  # mean gradient of a still picture's pixels, at least (a drawn fill: 0)
# Two pictures also meet where the changes on either side of a line stop agreeing. Inside one
# picture, neighbouring pixels change together (motion, light, a pan): the correlation of their
# frame-to-frame changes is 0.5-0.95 in the real clips of ../shared/media. Across the seam of
# two pictures it is near 0, however busy both are, where the gradient test above fails
# (busy footage has strong edges everywhere). A seam is a line at most SEAM_CORRELATION whose
# neighbours SEAM_NEAR pixels either side reach SEAM_SIDE on average, on both sides.
SEAM_CORRELATION = 0.1
SEAM_SIDE = 0.5
SEAM_NEAR = (2, 6)
SEAM_FRAMES = 600  # frame-to-frame changes the correlation is measured over, at most
# What moves is not always the whole picture: in a fixed camera's shot only the street moves,
# not the buildings above it. A moving region is also taken grown, row by row and column by
# column, over the textured footage around it, up to the flat fills of a layout: a line
# joins when its median texture is at least GROW_SHARE of the region's, and GROW_FLOOR (a
# blurred backdrop has about 2-3, a flat fill 0-1). The grown box is a view besides the first.
GROW_SHARE = 0.25
GROW_FLOOR = 2.0
# A picture's edge in a layout: the clip's mean frame steps by SNAP_STEP grey levels across
# the line along SNAP_LENGTH of it; a region's side is cut to it within SNAP_REACH of the side.
SNAP_STEP = 6.0
SNAP_LENGTH = 0.9
SNAP_REACH = 0.4
REGION_MAX_AREA = 0.9  # a region this much of the frame is the frame (its crops are views)
MAX_REGIONS = 4
# Regions need every decoded frame in memory (16 KB each): up to 20 minutes of grid frames.
REGION_MAX_FRAMES = 4800


@dataclass
class Region:
    """One picture region of a clip (a split screen's half, the clip inside a phone's UI),
    hashed as a view of its own: box as fractions of the frame."""

    box: tuple[float, ...]  # x0, y0, x1, y1
    hashes: np.ndarray
    informative: np.ndarray
    # A freshly decoded clip's views of the region: the kept crop mirrored, and QUERY_SHAPES
    # with their mirror images (names as in Fingerprint.query_views).
    query_views: dict[str, np.ndarray] | None = None
    # The upper part of the region (UPPER_BOX of its box), and for a freshly decoded clip its
    # mirror image: met with the other clip's upper part, when a lower third covers the
    # region's picture or the other clip's. None for a region stored before it was kept.
    upper: np.ndarray | None = None
    upper_mirror: np.ndarray | None = None


@dataclass
class Fingerprint:
    """Per-frame hashes of one clip on a grid of `fps` frames a second (t = index / fps).

    `hashes` is the kept view (the central KEPT_CROP of the picture). A freshly decoded clip
    also has `query_views`: name -> hashes per frame, its other crops and mirror images.
    """

    fps: float
    hashes: np.ndarray  # uint64 per frame
    informative: np.ndarray  # bool per frame
    motion: np.ndarray  # uint8 per frame: how much the picture changes in the next half second
    content_box: tuple[float, float, float, float]  # median picture area, fractions of the frame
    query_views: dict[str, np.ndarray] | None = None
    # The upper part of the picture (UPPER_BOX), and for a freshly decoded clip its mirror
    # image; None for a fingerprint stored before it was kept.
    upper: np.ndarray | None = None
    upper_mirror: np.ndarray | None = None
    decoded_seconds: float = 0.0
    keyframes_only: bool = False
    regions: list[Region] = field(default_factory=list)

    def stored(self) -> "Fingerprint":
        """The fingerprint as kept in the catalog: the kept view of every STORE_EVERY-th frame."""
        step = STORE_EVERY if self.fps > GRID_FPS / STORE_EVERY and len(self.hashes) > 1 else 1
        return Fingerprint(
            self.fps / step,
            self.hashes[::step],
            self.informative[::step],
            self.motion[::step],
            self.content_box,
            None,
            None if self.upper is None else self.upper[::step],
            None,
            self.decoded_seconds,
            self.keyframes_only,
            [
                Region(
                    r.box,
                    r.hashes[::step],
                    r.informative[::step],
                    None,
                    None if r.upper is None else r.upper[::step],
                )
                for r in self.regions
            ],
        )

    def upper_views(self) -> list[tuple[np.ndarray, str]]:
        """(hashes, transform) of the upper part, as is and mirrored (none when not kept)."""
        return as_is_and_mirrored(self.upper, self.upper_mirror)

    def region_upper_views(self) -> list[tuple[np.ndarray, str, np.ndarray, str]]:
        """(hashes, transform, informative, part) of each region's upper part, as is and
        mirrored (a stored one's mirror image read from the bits); none where not kept."""
        return [
            (h, transform, r.informative, f"{UPPER} of region {n}")
            for n, r in enumerate(self.regions, 1)
            for h, transform in as_is_and_mirrored(r.upper, r.upper_mirror)
        ]

    def region_views(self) -> list[tuple[np.ndarray, str, np.ndarray, str]]:
        """(hashes, transform, informative, part) of each region, as is and mirrored; part
        names the region as fingerprint_regions numbers it ("region 1" ...)."""
        out = []
        for n, r in enumerate(self.regions, 1):
            if r.query_views is None:
                views = [(r.hashes, "same"), (r.hashes ^ MIRROR_BITS, "mirrored")]
            else:
                views = [(r.hashes, "same"), *transformed(r.query_views)]
            out += [(h, transform, r.informative, f"region {n}") for h, transform in views]
        return out

    def kept_views(self) -> list[tuple[np.ndarray, np.ndarray, str]]:
        """(hashes, informative, part) of every view the catalog keeps and any view may meet:
        the kept crop of the picture, each region."""
        return [(self.hashes, self.informative, PICTURE)] + [
            (r.hashes, r.informative, f"region {n}") for n, r in enumerate(self.regions, 1)
        ]

    def views(self) -> list[tuple[np.ndarray, str]]:
        """(hashes, transform) of every view this fingerprint is compared through.

        A stored fingerprint has only its kept view; its mirror image and negative are read
        from the bits (within a few bits of the exact ones).
        """
        if self.query_views is not None:
            views = transformed(self.query_views)
        else:
            views = [(self.hashes, "same"), (self.hashes ^ MIRROR_BITS, "mirrored")]
        # The negative's DCT hash is the complement of the hash except the DC bit (a test
        # measures this to within a bit).
        return [*views, (~self.hashes | TOP_BIT, "inverted")]


def as_is_and_mirrored(
    hashes: np.ndarray | None, mirror: np.ndarray | None
) -> list[tuple[np.ndarray, str]]:
    """(hashes, transform) of a view as is and mirrored: the mirror image's own hashes where a
    freshly decoded clip has them, else read from the bits; none for a view not kept."""
    if hashes is None:
        return []
    return [(hashes, "same"), (mirror if mirror is not None else hashes ^ MIRROR_BITS, "mirrored")]


def pack_bits(bits: np.ndarray) -> np.ndarray:
    """(n, 64) booleans -> n uint64, first bit most significant (imagehash's hex order)."""
    return (bits.astype(np.uint64) * _BIT_WEIGHTS).sum(axis=1, dtype=np.uint64)


def dct_lowfreq(images: np.ndarray) -> np.ndarray:
    """(n, 32, 32) grey -> (n, 8, 8) lowest DCT-II frequencies, as scipy.fftpack computes them."""
    x = images.astype(np.float64)
    return np.einsum("kr,nrc,lc->nkl", _DCT, x, _DCT, optimize=True)


def hashes_from_dct(low: np.ndarray) -> np.ndarray:
    """pHash bits from the 8x8 DCT block: each coefficient above the block's median."""
    flat = low.reshape(len(low), 64)
    return pack_bits(flat > np.median(flat, axis=1, keepdims=True))


def phash_batch(images: np.ndarray) -> np.ndarray:
    """imagehash.phash for a batch of 32x32 grey images, as uint64."""
    return hashes_from_dct(dct_lowfreq(images))


def hashes_and_mirrors(images: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """imagehash.phash of each image and of it flipped left to right, from one DCT."""
    low = dct_lowfreq(images)
    return hashes_from_dct(low), hashes_from_dct(low * _MIRROR_SIGNS)


def picture_boxes(frames: np.ndarray, *, radius: int = 4) -> np.ndarray:
    """(x0, y0, x1, y1) of the picture inside each frame, without black bars or blurred bands.

    Bars and blurred backdrops have no fine detail: their rows and columns have almost no
    Laplacian (second-derivative) energy, while the sharp picture has plenty, even at this
    tiny size. Each frame's row and column profiles are averaged over +-radius frames (a
    second each way), which steadies them in dark or soft scenes and still follows a
    compilation from one layout to the next. Borders cut about equally from both sides are
    removed, as padding and vertical re-uploads are centred (a picture with a flat sky at the
    top keeps its sky); an off-centre picture only on a drawn backdrop (picture-in-picture);
    and a soft picture on its blurred copy between two straight full-width edges.
    """
    lap = np.abs(
        np.stack([cv2.Laplacian(f.astype(np.float32), cv2.CV_32F, ksize=1) for f in frames])
    )
    rows, cols = _window_mean(lap.mean(axis=2), radius), _window_mean(lap.mean(axis=1), radius)
    # The share of pixels with any detail at all: filmed things have grain everywhere, even
    # where flat; a drawn backdrop has none.
    textured = lap >= 1.0
    row_detail = _window_mean(textured.mean(axis=2), radius)
    col_detail = _window_mean(textured.mean(axis=1), radius)
    n, h, w = frames.shape
    boxes = np.empty((n, 4), dtype=int)
    for i in range(n):
        boxes[i, 1], boxes[i, 3] = _active_span(rows[i], row_detail[i], h)
        boxes[i, 0], boxes[i, 2] = _active_span(cols[i], col_detail[i], w)
    return boxes


def _windows(values: np.ndarray, radius: int) -> np.ndarray:
    """(n, 2 * radius + 1, ...) windows of consecutive rows, each row's own where it fits.

    Near either end the window slides inwards rather than repeating the first or last row, so
    the first second of a clip is judged with the seconds after it, not by itself.
    """
    n = len(values)
    width = min(n, 2 * radius + 1)
    windows = np.lib.stride_tricks.sliding_window_view(values, width, axis=0)
    first = np.clip(np.arange(n) - radius, 0, n - width)
    return np.moveaxis(windows[first], -1, 1)


def _window_mean(profiles: np.ndarray, radius: int) -> np.ndarray:
    """Mean of each row of `profiles` with its neighbours (see `_windows`)."""
    return _windows(profiles, radius).mean(axis=1)


def _active_span(profile: np.ndarray, detail: np.ndarray, n: int) -> tuple[int, int]:
    # The outermost rows carry scaling and encoding artefacts at frame edges: ignore them.
    profile = profile.copy()
    profile[:EDGE_ROWS] = 0
    profile[-EDGE_ROWS:] = 0
    ref = np.percentile(profile, 90)
    if ref < 2.0:  # a flat or very soft frame: nothing to tell picture from border
        return 0, n
    active = np.flatnonzero(profile >= max(2.5, 0.3 * ref))
    if len(active) == 0:
        return 0, n
    # The picture is the strongest run of active rows (gaps of up to a tenth of the frame
    # bridged); a stray detail in a blurred band is a run of its own. A soft picture may only
    # show its two edges against the backdrop: then the span from first to last active row.
    breaks = np.flatnonzero(np.diff(active) > max(2, n // 10))
    runs = np.split(active, breaks + 1)
    run = max(runs, key=lambda r: profile[r[0] : r[-1] + 1].sum())
    for start, end in ((int(run[0]), int(run[-1]) + 1), (int(active[0]), int(active[-1]) + 1)):
        if _is_picture_span(profile, detail, start, end, n):
            if _is_centred(start, end, n):
                return start, end
            # Off centre, on a drawn backdrop: dark, soft parts of the picture at its edges
            # still have grain, so the picture runs on until the backdrop's bare pixels (the
            # last textured row before them is the picture's edge seen by the Laplacian from
            # outside, and is left out).
            while start - 1 > EDGE_ROWS and detail[start - 1] > PIP_BACKDROP:
                start -= 1
            while end < n - EDGE_ROWS and detail[end] > PIP_BACKDROP:
                end += 1
            bare_before = detail[start - 1] <= PIP_BACKDROP
            bare_after = end < n and detail[end] <= PIP_BACKDROP
            return start + int(bare_before), end - int(bare_after)
    return _edged_span(profile, detail, n)


def _is_centred(start: int, end: int, n: int) -> bool:
    return abs(start - (n - end)) <= max(3, 0.05 * n)


def _edged_span(profile: np.ndarray, detail: np.ndarray, n: int) -> tuple[int, int]:
    """The span between two straight edges across the whole frame, placed symmetrically.

    A soft picture boxed on its own blurred copy is hard to tell from the copy by its detail,
    but where the sharp picture meets the backdrop there is a line across the whole frame, at
    the same distance from both sides; nothing outside the lines is as strong.
    """
    inside = profile[EDGE_ROWS:-EDGE_ROWS]
    level = float(np.median(inside))
    strong = np.flatnonzero((profile >= 3 * level) & (detail >= 0.85))
    strong = strong[(strong >= EDGE_ROWS) & (strong < n - EDGE_ROWS)]
    if len(strong) < 2 or level <= 0:
        return 0, n
    start, end = int(strong[0]), int(strong[-1]) + 1
    if end - start < n // 4 or abs(start - (n - end)) > 3 or start <= EDGE_ROWS + 1:
        return 0, n
    cut = np.concatenate([profile[EDGE_ROWS:start], profile[end:-EDGE_ROWS]])
    return (start, end) if cut.mean() <= 0.5 * profile[start:end].mean() else (0, n)


def _is_picture_span(profile: np.ndarray, detail: np.ndarray, start: int, end: int, n: int) -> bool:
    margins = (start - EDGE_ROWS, n - EDGE_ROWS - end)
    if end - start < n // 4 or max(margins) <= 0:
        return False
    cut = np.concatenate([profile[EDGE_ROWS:start], profile[end:-EDGE_ROWS]])
    kept = profile[start:end]
    if _is_centred(start, end, n):
        # Padding and vertical boxing are centred: what is cut must be far flatter than what
        # is kept, all along.
        return bool(cut.mean() <= 0.3 * kept.mean())
    # A picture-in-picture sits off centre on a drawn backdrop: flat to the pixel (filmed
    # flat things, a wall or a table, still have grain) except for a few lines, a lower third
    # or a frame, and clear of the frame's edges (a flat sky above a scene is no backdrop).
    cut_detail = np.concatenate([detail[EDGE_ROWS:start], detail[end:-EDGE_ROWS]])
    return bool(min(margins) >= PIP_MARGIN and np.median(cut_detail) <= PIP_BACKDROP)


def smooth_boxes(boxes: np.ndarray, radius: int = 4) -> np.ndarray:
    """Median of each frame's box over +-radius frames: one noisy frame must not jump the box."""
    if len(boxes) <= 1:
        return boxes
    return np.median(_windows(boxes, radius), axis=1).astype(int)


def footage_regions(frames: np.ndarray, box: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Boxes (x0, y0, x1, y1, in DECODE_SIZE pixels) of the moving pictures inside the frames,
    other than the picture box `box` itself: the two halves of a split screen, a clip inside a
    phone's screen recording. Empty when the footage fills its box or nothing moves."""
    if len(frames) < 3:
        return []
    x = frames.astype(np.int16)
    steps = np.diff(x, axis=0)
    change = np.abs(steps).mean(axis=0)
    if float(np.percentile(change, 95)) < REGION_MIN_BUSY:
        return []
    # The seam test needs the frame-to-frame changes themselves; a sample of them serves, and
    # the full array (150 MB for 20 minutes) is not kept.
    sample = steps[:: max(1, len(steps) // SEAM_FRAMES)].astype(np.float32)
    del steps
    # Where the picture's fine detail changes: footage, not a blurred copy of it behind (which
    # moves, but has no detail) nor a caption over it (which has detail, but stays put).
    lap = np.stack([cv2.Laplacian(f.astype(np.float32), cv2.CV_32F, ksize=1) for f in frames])
    detail = np.abs(np.diff(np.abs(lap), axis=0)).mean(axis=0)
    sharp = detail >= max(REGION_DETAIL_FLOOR, REGION_DETAIL_SHARE * np.percentile(detail, 95))
    stats = np.concatenate([_components(change >= REGION_MOTION_FLOOR), _components(sharp)], axis=0)
    size = frames.shape[1] * frames.shape[2]
    across = np.abs(np.diff(x, axis=2)).mean(axis=0)  # still edges, column by column
    down = np.abs(np.diff(x, axis=1)).mean(axis=0)
    # Footage, moving or not, has texture; what is drawn over it is flat.
    texture = np.zeros_like(change)
    texture[:, :-1] += across
    texture[:-1, :] += down
    footage = (change >= REGION_MOTION_FLOOR) | (texture >= DIVIDER_TEXTURE)
    mean_frame = x.mean(axis=0)
    found = []

    def sized(r: tuple[int, ...]) -> bool:
        area = (r[2] - r[0]) * (r[3] - r[1])
        return REGION_MIN_AREA * size <= area <= REGION_MAX_AREA * size

    for x0, y0, w, h, area in stats:
        region = (int(x0), int(y0), int(x0 + w), int(y0 + h))
        if area < REGION_MIN_FILL * w * h:
            continue
        grown = _grown(region, texture)
        snapped = _snapped(grown, mean_frame)
        for r in (region, grown, snapped):
            if sized(r) and _overlap(r, box) < REGION_SAME_AS_BOX:
                found.append(r)
        # A line dividing it may be two pictures, or an edge that stays put in one picture (a
        # fixed camera): the parts are views besides the whole, never instead of it.
        parts = _divided(region, across, down, footage, sample)[1:]
        if all(sized(p) for p in parts):
            found += parts
    # Larger first, but the box tightest around the sharp, changing pixels before all: a box
    # that holds them and little else is a picture, where a box grown over a moving blurred
    # backdrop holds as many and far more besides (a 9:16 re-post's picture and its blurred
    # copy), and with MAX_REGIONS boxes kept the larger ones may leave the tight one out.
    # Squared count over area ranks both the share and the amount.
    sharp_sum = cv2.integral(sharp.astype(np.uint8))

    def tightness(r: tuple[int, ...]) -> float:
        x0, y0, x1, y1 = r
        count = float(sharp_sum[y1, x1] - sharp_sum[y0, x1] - sharp_sum[y1, x0] + sharp_sum[y0, x0])
        return count * count / max((x1 - x0) * (y1 - y0), 1)

    found.sort(key=lambda r: -(r[2] - r[0]) * (r[3] - r[1]))
    if found:
        tightest = max(found, key=tightness)
        found.remove(tightest)
        found.insert(0, tightest)
    distinct: list[tuple[int, ...]] = []
    for r in found:
        if all(_overlap(r, d) < REGION_SAME for d in distinct):
            distinct.append(r)
    return distinct[:MAX_REGIONS]


def _grown(region: tuple[int, ...], texture: np.ndarray) -> tuple[int, ...]:
    """The region grown over the textured footage around it (see GROW_SHARE)."""
    x0, y0, x1, y1 = region
    height, width = texture.shape
    level = max(GROW_FLOOR, GROW_SHARE * float(np.median(texture[y0:y1, x0:x1])))
    grew = True
    while grew:
        grew = False
        if y0 > 0 and np.median(texture[y0 - 1, x0:x1]) >= level:
            y0, grew = y0 - 1, True
        if y1 < height and np.median(texture[y1, x0:x1]) >= level:
            y1, grew = y1 + 1, True
        if x0 > 0 and np.median(texture[y0:y1, x0 - 1]) >= level:
            x0, grew = x0 - 1, True
        if x1 < width and np.median(texture[y0:y1, x1]) >= level:
            x1, grew = x1 + 1, True
    return (x0, y0, x1, y1)


def _snapped(region: tuple[int, ...], mean_frame: np.ndarray) -> tuple[int, ...]:
    """The region cut to the picture edges inside it: a picture pasted on a layout has
    straight edges that stay put all through the clip (the clip's mean frame steps across
    them along nearly the whole line), where the backdrop, a caption box or a blurred copy
    begins. Each side moves in to the innermost such line within SNAP_REACH of it."""
    x0, y0, x1, y1 = region
    rows = np.abs(np.diff(mean_frame[y0:y1, x0:x1], axis=0)) >= SNAP_STEP
    cols = np.abs(np.diff(mean_frame[y0:y1, x0:x1], axis=1)) >= SNAP_STEP
    row_lines = np.flatnonzero(rows.mean(axis=1) >= SNAP_LENGTH)  # between row k and k + 1
    col_lines = np.flatnonzero(cols.mean(axis=0) >= SNAP_LENGTH)
    h, w = y1 - y0, x1 - x0

    def inner(lines: np.ndarray, n: int) -> tuple[int, int]:
        near_start = lines[lines < SNAP_REACH * n]
        near_end = lines[lines >= (1 - SNAP_REACH) * n]
        start = int(near_start.max()) + 1 if len(near_start) else 0
        end = int(near_end.min()) + 1 if len(near_end) else n
        return start, end

    top, bottom = inner(row_lines, h)
    left, right = inner(col_lines, w)
    return (x0 + left, y0 + top, x0 + right, y0 + bottom)


def _components(mask: np.ndarray) -> np.ndarray:
    """(x, y, w, h, area) of each connected part of a mask, its still parts bridged."""
    kernel = np.ones((REGION_CLOSE, REGION_CLOSE), np.uint8)
    closed = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE, kernel)
    closed = cv2.morphologyEx(closed, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(closed)
    return stats[1:count]


def _divided(
    region: tuple[int, ...],
    across: np.ndarray,
    down: np.ndarray,
    footage: np.ndarray,
    steps: np.ndarray,
) -> list[tuple]:
    """The region, then its two pictures where a line divides it, with footage (pixels that
    move or have texture) on both sides of it: a caption drawn over a picture has a flat,
    still fill on one side of its edge. The line is one that never moves (a strong edge all
    through the clip) or a seam across which the frame-to-frame changes do not agree."""
    x0, y0, x1, y1 = region
    for axis, profile, lo in (
        (0, across[y0:y1, x0 : x1 - 1].mean(axis=0), x0),
        (1, down[y0 : y1 - 1, x0:x1].mean(axis=1), y0),
    ):
        if len(profile) < 8:
            continue
        a, b = (round(f * len(profile)) for f in DIVIDER_SPAN)
        k = a + int(np.argmax(profile[a:b]))
        level = DIVIDER_RATIO * max(float(np.median(profile)), 0.5)
        line = across[y0:y1, x0 + k] if axis == 0 else down[y0 + k, x0:x1]
        edge = profile[k] >= level and (line >= level / 2).mean() >= DIVIDER_LENGTH
        if not edge:
            seam = _seam(steps[:, y0:y1, x0:x1], axis, a, b)
            if seam is None:
                continue
            k = seam
        at = lo + k
        before, after = max(at - DIVIDER_SIDE, 0), at + 1 + DIVIDER_SIDE
        if axis == 0:
            sides = [footage[y0:y1, before], footage[y0:y1, min(after, x1 - 1)]]
        else:
            sides = [footage[before, x0:x1], footage[min(after, y1 - 1), x0:x1]]
        if all(side.mean() >= DIVIDER_LENGTH for side in sides):
            cut = lo + k + 1
            if axis == 0:
                return [region, (x0, y0, cut - 1, y1), (cut + 1, y0, x1, y1)]
            return [region, (x0, y0, x1, cut - 1), (x0, cut + 1, x1, y1)]
    return [region]


def _seam(steps: np.ndarray, axis: int, a: int, b: int) -> int | None:
    """The boundary (between column k and k + 1, or row k and k + 1) inside [a, b) across
    which the frame-to-frame changes of a region stop agreeing, if there is one."""
    if axis == 0:
        left, right, sum_axes = steps[:, :, :-1], steps[:, :, 1:], (0, 1)
    else:
        left, right, sum_axes = steps[:, :-1, :], steps[:, 1:, :], (0, 2)
    together = (left * right).sum(axis=sum_axes)
    apart = np.sqrt((left * left).sum(axis=sum_axes) * (right * right).sum(axis=sum_axes))
    correlation = together / np.maximum(apart, 1e-6)
    near, far = SEAM_NEAR
    best = None
    for k in range(max(a, far), min(b, len(correlation) - far)):
        if correlation[k] > SEAM_CORRELATION:
            continue
        before = correlation[k - far : k - near + 1].mean()
        after = correlation[k + near : k + far + 1].mean()
        if min(before, after) >= SEAM_SIDE and (best is None or correlation[k] < correlation[best]):
            best = k
    return best


def _overlap(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Intersection over union of two boxes."""
    w = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - w * h
    return w * h / union if union else 0.0


def region_of(
    frames: np.ndarray, box: tuple[int, ...], width: int, height: int, drawn: np.ndarray
) -> Region:
    """A region's kept crop hashed in every frame, with its mirror images and other shapes.
    Frames `drawn` (a title card, judged on the whole frame) are uninformative here too.

    The region is hashed as it is, its still pixels included. They were once painted over
    (what never moves was taken for a caption or app buttons), but a fixed camera's footage
    is mostly still pixels: painting them erased the picture, and a split screen's CCTV half
    hashed 14 bits from its source instead of 4.
    """
    boxes = np.tile(np.array(box), (len(frames), 1))
    crops = {name: crop_resize(frames, boxes, central(*sub)) for name, sub in REGION_VIEWS.items()}
    views = hashed_views(crops)
    hashes = views.pop(KEPT_VIEW)
    kept = crops[KEPT_VIEW]
    informative = (kept.reshape(len(kept), -1).std(axis=1) >= MIN_CONTRAST) & ~drawn
    fractions = (box[0] / width, box[1] / height, box[2] / width, box[3] / height)
    upper, upper_mirror = hashes_and_mirrors(crop_resize(frames, boxes, UPPER_BOX))
    return Region(
        tuple(round(v, 3) for v in fractions), hashes, informative, views, upper, upper_mirror
    )


def crop_resize(
    frames: np.ndarray, boxes: np.ndarray, sub: tuple[float, float, float, float] | None = None
) -> np.ndarray:
    """Crop each frame to its box (or a fractional sub-box of it) and area-scale to 32x32."""
    out = np.empty((len(frames), HASH_INPUT, HASH_INPUT), dtype=np.uint8)
    for i, (frame, (x0, y0, x1, y1)) in enumerate(zip(frames, boxes, strict=True)):
        if sub is not None:
            w, h = x1 - x0, y1 - y0
            x0, x1 = x0 + round(sub[0] * w), x0 + round(sub[2] * w)
            y0, y1 = y0 + round(sub[1] * h), y0 + round(sub[3] * h)
        region = frame[y0 : max(y1, y0 + 1), x0 : max(x1, x0 + 1)]
        out[i] = cv2.resize(region, (HASH_INPUT, HASH_INPUT), interpolation=cv2.INTER_AREA)
    return out


def central(across: float, down: float | None = None) -> tuple[float, float, float, float]:
    """The fractional sub-box of a picture that keeps its central `across` share of the width
    and `down` share of the height (`across` both ways when `down` is not given)."""
    mx = (1.0 - across) / 2
    my = (1.0 - (across if down is None else down)) / 2
    return (mx, my, 1.0 - mx, 1.0 - my)


def view_name(across: float, down: float) -> str:
    """A query view's name: crop0.8 for a crop of one share both ways, crop0.8x1 otherwise."""
    return f"crop{across:g}" if across == down else f"crop{across:g}x{down:g}"


# Every query view's name -> (share across, share down).
QUERY_VIEWS = {view_name(c, c): (c, c) for c in QUERY_CROPS} | {
    view_name(a, d): (a, d) for a, d in QUERY_SHAPES
}
KEPT_VIEW = view_name(KEPT_CROP, KEPT_CROP)
# A region's views: its kept crop and the other shapes (its other uniform crops are not).
REGION_VIEWS = {KEPT_VIEW: (KEPT_CROP, KEPT_CROP)} | {
    view_name(a, d): (a, d) for a, d in QUERY_SHAPES
}


def shifted_crops(frames: np.ndarray, boxes: np.ndarray) -> dict[str, np.ndarray]:
    """A still's crops moved a little each way: a still is one moment, and the stored clip's
    nearest frame may be a quarter of a second from it, by which time a moving camera has
    moved the picture (a handheld still hashed 16 bits from its clip's nearest frame, 2 bits
    from that frame 5 % lower)."""
    out = {}
    for crop in STILL_SHIFT_CROPS:
        x0, y0, x1, y1 = central(crop)
        for dx in STILL_SHIFTS:
            for dy in STILL_SHIFTS:
                if dx or dy:
                    sub = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
                    out[f"crop{crop:g}@{dx:+g}{dy:+g}"] = crop_resize(frames, boxes, sub)
    return out


def mirror_name(name: str) -> str:
    """The name of a view's mirror image: crop0.8x1 -> mirror0.8x1."""
    return name.replace("crop", "mirror", 1)


def hashed_views(crops: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Each named view's hashes, and under mirror_name its mirror image's, from one DCT."""
    out: dict[str, np.ndarray] = {}
    for name, images in crops.items():
        out[name], out[mirror_name(name)] = hashes_and_mirrors(images)
    return out


def transformed(views: dict[str, np.ndarray]) -> list[tuple[np.ndarray, str]]:
    """(hashes, transform) of named views: a mirror image's transform is "mirrored"."""
    return [(h, "mirrored" if name.startswith("mirror") else "same") for name, h in views.items()]


@dataclass
class FrameViews:
    """The 32x32 pictures of a batch of frames that the hashes are taken from."""

    crops: dict[str, np.ndarray]  # QUERY_VIEWS' names -> (n, 32, 32)
    upper: np.ndarray  # UPPER_BOX of the picture, (n, 32, 32)
    informative: np.ndarray
    drawn: np.ndarray  # frames drawn, not filmed (drawn_frames)
    boxes: np.ndarray


def frame_views(frames: np.ndarray) -> FrameViews:
    """Picture areas, their central crops at 32x32, and which frames are informative."""
    boxes = smooth_boxes(picture_boxes(frames))
    crops = {name: crop_resize(frames, boxes, central(*sub)) for name, sub in QUERY_VIEWS.items()}
    kept = crops[KEPT_VIEW]
    # Drawn-ness is judged on the whole frame: the picture box of a card is its text.
    drawn = drawn_frames(frames)
    informative = (kept.reshape(len(kept), -1).std(axis=1) >= MIN_CONTRAST) & ~drawn
    return FrameViews(crops, crop_resize(frames, boxes, UPPER_BOX), informative, drawn, boxes)


def drawn_frames(pictures: np.ndarray) -> np.ndarray:
    """Frames that are drawn, not filmed: a title card, text on a flat colour, an app's screen
    with no picture. Most of such a frame is one grey level to the unit; filmed footage,
    even a plain wall, spreads over many (the real clips of ../shared/media: at most 49 % of
    a picture within one level of its commonest), and a 9:16 re-post padded white is under
    70 %. A dark frame is left to MIN_CONTRAST: a night scene, or bars, are mostly black."""
    flat = pictures.reshape(len(pictures), -1)
    out = np.zeros(len(flat), dtype=bool)
    for i, values in enumerate(flat):
        counts = np.bincount(values, minlength=256)
        mode = int(counts.argmax())
        share = counts[max(0, mode - 1) : mode + 2].sum() / len(values)
        out[i] = share >= DRAWN_SHARE and mode > DRAWN_DARK
    return out


def motion_series(views: np.ndarray, fps: float, boxes: np.ndarray | None = None) -> np.ndarray:
    """How much each 32x32 picture changes over the next half second, as uint8.

    In a static shot (CCTV, a hovering drone) every frame hashes alike, whatever its time; what
    moves in it still tells one moment from another, and this series carries that. The change
    is the 95th percentile of the pixels' grey-level change (times 4): a mean would drown a
    small moving thing, a ball or a walker, in the still rest of the picture. Where the picture
    area changes within the half second, the change says nothing of the footage: those frames
    get MOTION_UNKNOWN.
    """
    lag = max(1, round(0.5 * fps))
    if len(views) <= lag:
        return np.full(len(views), MOTION_UNKNOWN, dtype=np.uint8)
    x = views.astype(np.int16)
    change = np.percentile(np.abs(x[lag:] - x[:-lag]).reshape(len(x) - lag, -1), 95, axis=1)
    change = np.concatenate([change, np.repeat(change[-1:], lag)])
    motion = np.clip(np.round(change * 4), 0, MOTION_UNKNOWN - 1).astype(np.uint8)
    if boxes is not None:
        later = np.concatenate([boxes[lag:], np.repeat(boxes[-1:], lag, axis=0)])
        motion[(later != boxes).any(axis=1)] = MOTION_UNKNOWN
    return motion


def _assemble(
    parts: list[FrameViews], fps: float, width: int, height: int, *, keyframes_only: bool
) -> Fingerprint:
    views = hashed_views(
        {name: np.concatenate([p.crops[name] for p in parts]) for name in QUERY_VIEWS}
    )
    kept = np.concatenate([p.crops[KEPT_VIEW] for p in parts])
    upper, upper_mirror = hashes_and_mirrors(np.concatenate([p.upper for p in parts]))
    boxes = np.concatenate([p.boxes for p in parts])
    x0, y0, x1, y1 = np.median(boxes, axis=0)
    return Fingerprint(
        fps=fps,
        hashes=views[KEPT_VIEW],
        informative=np.concatenate([p.informative for p in parts]),
        motion=motion_series(kept, fps, boxes),
        content_box=(
            round(x0 / width, 3),
            round(y0 / height, 3),
            round(x1 / width, 3),
            round(y1 / height, 3),
        ),
        query_views=views,
        upper=upper,
        upper_mirror=upper_mirror,
        decoded_seconds=len(kept) / fps,
        keyframes_only=keyframes_only,
    )


def decode_grid(
    path: Path, *, fps: float = GRID_FPS, keyframes_only: bool = False, still: bool = False
):
    """Yield batches of (n, DECODE_SIZE, DECODE_SIZE) uint8 grey frames on a fixed time grid.

    One ffmpeg process: `fps` picks the grid frames, `scale` (area) shrinks them and `format`
    makes them grey, all inside ffmpeg. Raises BadInputError when ffmpeg fails.
    """
    cmd = require_tool("ffmpeg")
    input_args = {"skip_frame": "nokey"} if keyframes_only else {}
    stream = ffmpeg.input(media_url(path), **input_args).video
    if not still:
        stream = stream.filter("fps", fps=fps)
    stream = stream.filter("scale", DECODE_SIZE, DECODE_SIZE, flags="area").filter("format", "gray")
    output_args = {"frames:v": 1} if still else {}
    process = (
        ffmpeg.output(stream, "pipe:", format="rawvideo", pix_fmt="gray", **output_args)
        .global_args("-nostdin", "-hide_banner", "-loglevel", "error")
        .run_async(cmd=cmd, pipe_stdout=True, pipe_stderr=True)
    )
    errors: list[bytes] = []
    reader = threading.Thread(target=lambda: errors.append(process.stderr.read()), daemon=True)
    reader.start()
    frame_bytes = DECODE_SIZE * DECODE_SIZE
    try:
        while True:
            chunk = process.stdout.read(frame_bytes * BATCH)
            if not chunk:
                break
            n = len(chunk) // frame_bytes
            if n:
                yield np.frombuffer(chunk[: n * frame_bytes], dtype=np.uint8).reshape(
                    n, DECODE_SIZE, DECODE_SIZE
                )
    finally:
        process.stdout.close()
        code = process.wait()
        reader.join()
    if code != 0:
        message = b"".join(errors).decode("utf-8", "replace").strip().splitlines()
        raise BadInputError(
            f"{path}: ffmpeg could not decode it ({message[-1] if message else f'exit {code}'})"
        )


def fingerprint_file(
    path: str | Path,
    *,
    still: bool = False,
    keyframes_only: bool = False,
    expected_seconds: float | None = None,
) -> Fingerprint:
    """Decode a clip once and fingerprint it (a still gives one frame).

    Raises:
        BadInputError: ffmpeg fails, nothing decodes, or the decodable footage is far shorter
            than the duration the header states (a truncated download).
    """
    path = Path(path)
    fps = 1.0 if still else GRID_FPS
    parts = []
    kept_frames: list[np.ndarray] = []
    kept_count = 0
    for frames in decode_grid(path, fps=fps, keyframes_only=keyframes_only, still=still):
        parts.append(frame_views(frames))
        kept_count += len(frames)
        if kept_count <= REGION_MAX_FRAMES:
            kept_frames.append(frames)
    if not parts and keyframes_only:
        # Too few keyframes for the grid (one at the start of a short excerpt): decode it all.
        return fingerprint_file(path, still=still, expected_seconds=expected_seconds)
    if not parts:
        raise BadInputError(f"{path}: no picture could be decoded")
    fp = _assemble(parts, fps, DECODE_SIZE, DECODE_SIZE, keyframes_only=keyframes_only)
    if still and fp.query_views is not None:
        fp.query_views |= hashed_views(shifted_crops(np.concatenate(kept_frames), parts[0].boxes))
    if not still and not keyframes_only and kept_count <= REGION_MAX_FRAMES:
        frames = np.concatenate(kept_frames)
        box = tuple(int(v) for v in np.median(np.concatenate([p.boxes for p in parts]), axis=0))
        drawn = np.concatenate([p.drawn for p in parts])
        fp.regions = [
            region_of(frames, r, DECODE_SIZE, DECODE_SIZE, drawn)
            for r in footage_regions(frames, box)
        ]
    truncated = (
        expected_seconds
        and fp.decoded_seconds < TRUNCATED_SHARE * expected_seconds - TRUNCATED_SLACK_SECONDS
    )
    if truncated and not still and not keyframes_only:
        raise BadInputError(
            f"{path}: truncated: only {fp.decoded_seconds:.1f} s of the {expected_seconds:.1f} s "
            "its header states can be decoded"
        )
    return fp


def encode_hashes(hashes: np.ndarray) -> bytes:
    """Hashes as big-endian uint64, each XORed with the one before, zlib-compressed.

    Neighbouring frames share most bits, so the XOR leaves mostly zero bytes (all zero in a
    static shot), which zlib packs well.
    """
    coded = hashes.astype(np.uint64).copy()
    coded[1:] ^= hashes[:-1]
    return zlib.compress(coded.astype(">u8").tobytes(), 9)


def decode_hashes(blob: bytes) -> np.ndarray:
    """The hashes `encode_hashes` coded."""
    coded = np.frombuffer(zlib.decompress(blob), dtype=">u8").astype(np.uint64)
    return np.bitwise_xor.accumulate(coded) if len(coded) else coded


def encode_motion(motion: np.ndarray) -> bytes:
    """Motion bytes as 4-bit codes on a log scale (15 = unknown), two a byte, zlib-compressed.

    Motion is only ever correlated, so a coarse monotonic scale keeps what matters.
    """
    codes = np.clip(np.round(2 * np.log2(1 + motion / 2.0)), 0, 14).astype(np.uint8)
    codes[motion == MOTION_UNKNOWN] = 15
    if len(codes) % 2:
        codes = np.append(codes, np.uint8(15))
    return zlib.compress((codes[0::2] << 4 | codes[1::2]).tobytes(), 9)


def decode_motion(blob: bytes, frame_count: int) -> np.ndarray:
    """The motion bytes `encode_motion` coded, at the middle of each code's range."""
    packed = np.frombuffer(zlib.decompress(blob), dtype=np.uint8)
    codes = np.stack([packed >> 4, packed & 15], axis=1).reshape(-1)[:frame_count]
    motion = np.round(2 * (2 ** (codes / 2.0) - 1)).astype(np.uint8)
    motion[codes == 15] = MOTION_UNKNOWN
    return motion


def to_blobs(fp: Fingerprint) -> dict[str, bytes | None]:
    """Compact storage: the kept hashes and the upper part's XOR-coded; the flags as bits;
    motion as 4-bit codes."""
    return {
        "hashes": encode_hashes(fp.hashes),
        "upper_hashes": None if fp.upper is None else encode_hashes(fp.upper),
        "informative": zlib.compress(np.packbits(fp.informative).tobytes(), 9),
        "motion": encode_motion(fp.motion),
    }


def region_blobs(region: Region) -> dict[str, Any]:
    """A stored region: its box, its hashes and its upper part's XOR-coded, its flags as bits."""
    return {
        "box": json.dumps([float(v) for v in region.box]),
        "hashes": encode_hashes(region.hashes),
        "informative": zlib.compress(np.packbits(region.informative).tobytes(), 9),
        "upper_hashes": None if region.upper is None else encode_hashes(region.upper),
    }


def region_from_blobs(
    box: str, hashes: bytes, informative: bytes, upper: bytes | None = None
) -> Region:
    values = decode_hashes(hashes)
    flags = np.unpackbits(np.frombuffer(zlib.decompress(informative), dtype=np.uint8))
    upper_values = None if upper is None else decode_hashes(upper)
    return Region(
        tuple(json.loads(box)), values, flags[: len(values)].astype(bool), None, upper_values
    )


def from_blobs(
    fps: float,
    frame_count: int,
    hashes: bytes,
    informative: bytes,
    motion: bytes | None,
    content_box: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0),
    upper_hashes: bytes | None = None,
    *,
    keyframes_only: bool = False,
    regions: list[Region] | None = None,
) -> Fingerprint:
    """The Fingerprint that `to_blobs` stored (motion unknown where `motion` is None)."""
    flags = np.unpackbits(np.frombuffer(zlib.decompress(informative), dtype=np.uint8))
    return Fingerprint(
        fps=fps,
        hashes=decode_hashes(hashes),
        informative=flags[:frame_count].astype(bool),
        motion=(
            np.full(frame_count, MOTION_UNKNOWN, dtype=np.uint8)
            if motion is None
            else decode_motion(motion, frame_count)
        ),
        content_box=content_box,
        upper=None if upper_hashes is None else decode_hashes(upper_hashes),
        keyframes_only=keyframes_only,
        regions=regions or [],
    )
