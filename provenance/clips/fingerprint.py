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

import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

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
DECODE_SIZE = 128  # ffmpeg scales every grid frame to DECODE_SIZE x DECODE_SIZE grey
HASH_INPUT = 32  # imagehash.phash: hash_size 8 x highfreq_factor 4
MIN_CONTRAST = 6.0  # grey-level standard deviation under which a frame is uninformative
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
MIRROR_BITS = np.uint64(int("".join("01" * 4) * 8, 2))
TOP_BIT = np.uint64(1 << 63)


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
    decoded_seconds: float = 0.0
    keyframes_only: bool = False

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
            self.decoded_seconds,
            self.keyframes_only,
        )

    def views(self) -> list[tuple[np.ndarray, str]]:
        """(hashes, transform) of every view this fingerprint is compared through.

        A stored fingerprint has only its kept view; its mirror image and negative are read
        from the bits (within a few bits of the exact ones).
        """
        if self.query_views is not None:
            views = [
                (h, "mirrored" if name.startswith("mirror") else "same")
                for name, h in self.query_views.items()
            ]
        else:
            views = [(self.hashes, "same"), (self.hashes ^ MIRROR_BITS, "mirrored")]
        # The negative's DCT hash is the complement of the hash except the DC bit (a test
        # measures this to within a bit).
        return [*views, (~self.hashes | TOP_BIT, "inverted")]


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


def inverted_hashes(images: np.ndarray) -> np.ndarray:
    """The pHash of each image's negative (255 - pixel)."""
    return phash_batch(255 - images.astype(np.int16))


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


def central(crop: float) -> tuple[float, float, float, float]:
    """The fractional sub-box of a picture that keeps its central `crop` across and down."""
    margin = (1.0 - crop) / 2
    return (margin, margin, 1.0 - margin, 1.0 - margin)


@dataclass
class FrameViews:
    """The 32x32 pictures of a batch of frames that the hashes are taken from."""

    crops: dict[float, np.ndarray]  # QUERY_CROPS -> (n, 32, 32)
    informative: np.ndarray
    boxes: np.ndarray


def frame_views(frames: np.ndarray) -> FrameViews:
    """Picture areas, their central crops at 32x32, and which frames are informative."""
    boxes = smooth_boxes(picture_boxes(frames))
    crops = {c: crop_resize(frames, boxes, central(c)) for c in QUERY_CROPS}
    kept = crops[KEPT_CROP]
    informative = kept.reshape(len(kept), -1).std(axis=1) >= MIN_CONTRAST
    return FrameViews(crops, informative, boxes)


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


def _assemble(parts: list[FrameViews], fps: float, width: int, height: int) -> Fingerprint:
    views: dict[str, np.ndarray] = {}
    for crop in QUERY_CROPS:
        views[f"crop{crop:g}"], views[f"mirror{crop:g}"] = hashes_and_mirrors(
            np.concatenate([p.crops[crop] for p in parts])
        )
    kept = np.concatenate([p.crops[KEPT_CROP] for p in parts])
    boxes = np.concatenate([p.boxes for p in parts])
    x0, y0, x1, y1 = np.median(boxes, axis=0)
    return Fingerprint(
        fps=fps,
        hashes=views[f"crop{KEPT_CROP:g}"],
        informative=np.concatenate([p.informative for p in parts]),
        motion=motion_series(kept, fps, boxes),
        content_box=(
            round(x0 / width, 3),
            round(y0 / height, 3),
            round(x1 / width, 3),
            round(y1 / height, 3),
        ),
        query_views=views,
        decoded_seconds=len(kept) / fps,
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
    for frames in decode_grid(path, fps=fps, keyframes_only=keyframes_only, still=still):
        parts.append(frame_views(frames))
    if not parts and keyframes_only:
        # Too few keyframes for the grid (one at the start of a short excerpt): decode it all.
        return fingerprint_file(path, still=still, expected_seconds=expected_seconds)
    if not parts:
        raise BadInputError(f"{path}: no picture could be decoded")
    fp = _assemble(parts, fps, DECODE_SIZE, DECODE_SIZE)
    fp.keyframes_only = keyframes_only
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


def to_blobs(fp: Fingerprint) -> dict[str, bytes]:
    """Compact storage: the kept hashes XOR-coded; the flags as bits; motion as 4-bit codes."""
    return {
        "hashes": encode_hashes(fp.hashes),
        "informative": zlib.compress(np.packbits(fp.informative).tobytes(), 9),
        "motion": encode_motion(fp.motion),
    }


def from_blobs(
    fps: float,
    frame_count: int,
    hashes: bytes,
    informative: bytes,
    motion: bytes,
    content_box: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0),
) -> Fingerprint:
    """The Fingerprint that `to_blobs` stored."""
    flags = np.unpackbits(np.frombuffer(zlib.decompress(informative), dtype=np.uint8))
    return Fingerprint(
        fps=fps,
        hashes=decode_hashes(hashes),
        informative=flags[:frame_count].astype(bool),
        motion=decode_motion(motion, frame_count),
        content_box=content_box,
    )
