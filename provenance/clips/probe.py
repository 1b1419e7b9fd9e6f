"""Read what a media file says about itself: SHA-256, container metadata (ffprobe), EXIF.

`probe_file` is pure: it reads the file and returns a plain dict shaped like a `clips` row.
"""

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any, NoReturn

import exifread
import ffmpeg

from ..errors import BadInputError
from ..tools import media_url, require_tool

# ffprobe format names and codecs that mean "a single picture", not footage.
STILL_FORMATS = {
    "image2",
    "png_pipe",
    "jpeg_pipe",
    "webp_pipe",
    "bmp_pipe",
    "tiff_pipe",
    "gif_pipe",
    "heif",
    "jpegxl_pipe",
    "avif",
}
STILL_CODECS = {"mjpeg", "png", "webp", "bmp", "tiff", "jpegls", "jpeg2000", "heic", "avif"}
STILL_EXTENSIONS = {
    ".jpg",
    ".jpeg",
    ".png",
    ".webp",
    ".bmp",
    ".tif",
    ".tiff",
    ".heic",
    ".heif",
    ".avif",
    ".gif",
    ".jxl",
}
VIDEO_EXTENSIONS = {
    ".mp4",
    ".m4v",
    ".mov",
    ".mkv",
    ".webm",
    ".avi",
    ".mpg",
    ".mpeg",
    ".ts",
    ".mts",
    ".m2ts",
    ".3gp",
    ".3g2",
    ".flv",
    ".wmv",
    ".asf",
    ".ogv",
    ".ogg",
    ".vob",
    ".mxf",
    ".dv",
    ".f4v",
    ".rm",
    ".rmvb",
    ".divx",
    ".h264",
    ".hevc",
}
MEDIA_EXTENSIONS = STILL_EXTENSIONS | VIDEO_EXTENSIONS

GPS_TAGS = (
    "com.apple.quicktime.location.ISO6709",
    "location",
    "location-eng",
    "com.android.location",
)
MAKE_TAGS = ("com.apple.quicktime.make", "make", "com.android.manufacturer", "manufacturer")
MODEL_TAGS = ("com.apple.quicktime.model", "model", "com.android.model")
SOFTWARE_TAGS = ("com.apple.quicktime.software", "software", "com.android.version")
COMMENT_TAGS = ("comment", "description", "com.apple.quicktime.description", "synopsis")
CAPTURE_TIME_TAGS = ("com.apple.quicktime.creationdate", "date", "creation_time")


def sha256_of(path: Path, *, chunk_size: int = 1 << 20) -> str:
    """SHA-256 of a file of any size, streamed in 1 MiB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(chunk_size):
            digest.update(chunk)
    return digest.hexdigest()


def check_readable_file(path: Path) -> int:
    """Return the file's size, or raise BadInputError saying why it cannot be logged."""
    if not path.exists():
        raise BadInputError(f"{path}: no such file")
    if not path.is_file():
        raise BadInputError(f"{path}: not a regular file")
    try:
        with open(path, "rb"):
            pass
    except OSError as e:
        raise BadInputError(f"{path}: cannot be read ({e.strerror})") from e
    size = path.stat().st_size
    if size == 0:
        raise BadInputError(f"{path}: empty file (0 bytes)")
    return size


def run_ffprobe(path: Path) -> dict[str, Any]:
    """ffprobe's JSON for the file's container and streams."""
    require_tool("ffprobe")
    try:
        info = ffmpeg.probe(media_url(path))
    except ffmpeg.Error as e:
        _raise_unreadable(path, e)
    # ffprobe names the file as it was handed to it ("file:/abs/path"); keep the path.
    if isinstance(info.get("format"), dict) and "filename" in info["format"]:
        info["format"]["filename"] = str(path.resolve())
    return info


def _raise_unreadable(path: Path, e: ffmpeg.Error) -> NoReturn:
    """Why ffprobe could not read a file, as one BadInputError."""
    if _looks_like_text(path):
        raise BadInputError(f"{path}: is a text file, not a video or image") from e
    reason = _ffmpeg_reason(e.stderr, path)
    if "moov atom not found" in reason and _has_mp4_header(path):
        reason = "the MP4 index (moov atom) is missing: truncated or not fully downloaded"
    raise BadInputError(f"{path}: not a video or image ffmpeg can read ({reason})") from e


def _head(path: Path, n: int = 4096) -> bytes:
    with open(path, "rb") as f:
        return f.read(n)


def _looks_like_text(path: Path) -> bool:
    head = _head(path)
    if b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as e:
        # A multi-byte character cut at the end of the sample is still text.
        if e.start < len(head) - 4:
            return False
    return True


def _has_mp4_header(path: Path) -> bool:
    return _head(path, 12)[4:8] == b"ftyp"


def _ffmpeg_reason(stderr: bytes | None, path: Path) -> str:
    lines = [
        ln.strip() for ln in (stderr or b"").decode("utf-8", "replace").splitlines() if ln.strip()
    ]
    if not lines:
        return "unknown error"
    last = lines[-1]
    # ffprobe ends with "<path>: <reason>"; keep the reason, and the line before when it is
    # more specific ("moov atom not found" says the file is truncated).
    named = (str(path), media_url(path))
    reason = last.split(": ", 1)[1] if last.startswith(named) and ": " in last else last
    earlier = [re.sub(r"^\[[^\]]*\]\s*", "", ln) for ln in lines[:-1]]
    if earlier and earlier[-1] and earlier[-1] != reason:
        reason = f"{earlier[-1]}: {reason}"
    return reason


def probe_file(path: str | Path) -> dict[str, Any]:
    """Everything the file says about itself, as a `clips` row (no id).

    Raises:
        BadInputError: missing, empty, unreadable, not media, audio only, or a still
            image carrying a video extension.
    """
    path = Path(path)
    size = check_readable_file(path)
    info = run_ffprobe(path)
    fmt = info.get("format", {})
    streams = info.get("streams", [])
    video = next(
        (
            s
            for s in streams
            if s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")
        ),
        None,
    )
    if video is None:
        raise BadInputError(f"{path}: has no video stream (audio or data only)")
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    is_still = _is_still(fmt, video)
    suffix = path.suffix.lower()
    if is_still and suffix in VIDEO_EXTENSIONS:
        kind = {"mjpeg": "JPEG"}.get(video.get("codec_name"), str(video.get("codec_name")).upper())
        raise BadInputError(
            f"{path}: is a {kind} image, not a "
            f"video; rename it to its real extension to log it as a still"
        )
    tags = {**_lower_keys(video.get("tags")), **_lower_keys(fmt.get("tags"))}
    record: dict[str, Any] = {
        "sha256": sha256_of(path),
        "path": str(path.resolve()),
        "file_name": path.name,
        "size_bytes": size,
        "media_type": "still" if is_still else "video",
        "container": fmt.get("format_name"),
        "video_codec": video.get("codec_name"),
        "audio_codec": audio.get("codec_name") if audio else None,
        "duration_seconds": None if is_still else _duration(fmt, video),
        "width": video.get("width") or None,
        "height": video.get("height") or None,
        "fps": None if is_still else _fps(video),
        "rotation": _rotation(video),
        "creation_time": _capture_time(tags, video),
        "encoder": tags.get("encoder"),
        "make": _first(tags, MAKE_TAGS),
        "model": _first(tags, MODEL_TAGS),
        "software": _first(tags, SOFTWARE_TAGS),
        "comment": _first(tags, COMMENT_TAGS),
        "container_tags": json.dumps(fmt.get("tags") or {}, ensure_ascii=False, sort_keys=True),
        "exif": None,
        "probe": json.dumps({"format": fmt, "streams": streams}, ensure_ascii=False),
    }
    lat, lon, alt = parse_iso6709(_first(tags, GPS_TAGS))
    record.update(gps_latitude=lat, gps_longitude=lon, gps_altitude=alt)
    if is_still or suffix in STILL_EXTENSIONS:
        exif = read_exif(path)
        if exif:
            record["exif"] = json.dumps(exif["tags"], ensure_ascii=False, sort_keys=True)
            for key in (
                "make",
                "model",
                "software",
                "creation_time",
                "gps_latitude",
                "gps_longitude",
                "gps_altitude",
            ):
                if exif.get(key) is not None:
                    record[key] = exif[key]
    return record


def _is_still(fmt: dict, video: dict) -> bool:
    if fmt.get("format_name") in STILL_FORMATS:
        return True
    return video.get("codec_name") in STILL_CODECS and str(video.get("nb_frames", "1")) in (
        "1",
        "0",
    )


def _lower_keys(tags: dict | None) -> dict[str, str]:
    return {k.lower(): v for k, v in (tags or {}).items()}


def _first(tags: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = tags.get(key.lower())
        if value not in (None, ""):
            return str(value).strip()
    return None


def _duration(fmt: dict, video: dict) -> float | None:
    for value in (fmt.get("duration"), video.get("duration")):
        if value is None:
            continue
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            continue
        if seconds >= 0:
            return round(seconds, 3)
    return None


def _fps(video: dict) -> float | None:
    for key in ("avg_frame_rate", "r_frame_rate"):
        num, _, den = str(video.get(key, "0/0")).partition("/")
        try:
            rate = float(num) / float(den or 1)
        except (ValueError, ZeroDivisionError):
            continue
        if 0 < rate < 1000:
            return round(rate, 3)
    return None


def _rotation(video: dict) -> int | None:
    """Display rotation in degrees clockwise, 0/90/180/270."""
    for side in video.get("side_data_list") or []:
        if "rotation" in side:
            return round(-float(side["rotation"])) % 360 // 90 * 90
    rotate = (video.get("tags") or {}).get("rotate")
    if rotate is not None:
        return int(rotate) % 360 // 90 * 90
    return 0


def _capture_time(tags: dict[str, str], video: dict) -> str | None:
    """The recording time as ISO 8601; the camera's local creationdate (with its UTC offset)
    is preferred over the muxer's creation_time, which some re-encoders reset."""
    for key in CAPTURE_TIME_TAGS:
        value = tags.get(key)
        if value:
            iso = normalise_timestamp(value)
            if iso:
                return iso
    return None


def normalise_timestamp(value: str) -> str | None:
    """'2012-11-26T15:33:10-0800', '2019-12-20T20:08:34.000000Z', '2020:08:27 23:16:12'
    -> ISO 8601 ('2012-11-26T15:33:10-08:00', '2019-12-20T20:08:34Z', '2020-08-27T23:16:12')."""
    text = value.strip()
    m = re.match(
        r"^(\d{4})[:-](\d{2})[:-](\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*"
        r"(Z|[+-]\d{2}:?\d{2})?$",
        text,
    )
    if not m:
        return None
    y, mo, d, h, mi, s, tz = m.groups()
    if y == "0000":
        return None
    try:
        dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(s))
    except ValueError:
        return None
    iso = f"{y}-{mo}-{d}T{h}:{mi}:{s}"
    if tz == "Z":
        iso += "Z"
    elif tz:
        tz = tz.replace(":", "")
        iso += f"{tz[:3]}:{tz[3:]}"
    return iso


def parse_iso6709(value: str | None) -> tuple[float | None, float | None, float | None]:
    """'+37.7899-122.4221+081.120/' -> (37.7899, -122.4221, 81.12); anything else -> Nones."""
    if not value:
        return None, None, None
    m = re.match(r"^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?", value.strip())
    if not m:
        return None, None, None
    lat, lon = float(m.group(1)), float(m.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None, None, None
    alt = float(m.group(3)) if m.group(3) else None
    return lat, lon, alt


def read_exif(path: Path) -> dict[str, Any] | None:
    """EXIF through exifread: the parsed fields, and every printable tag as `tags`."""
    try:
        with open(path, "rb") as f:
            raw = exifread.process_file(f, details=False)
    except Exception:  # exifread raises many kinds on odd files; EXIF is optional
        return None
    if not raw:
        return None
    tags = {
        k: str(v)
        for k, v in raw.items()
        if not k.startswith("Thumbnail") and k != "JPEGThumbnail" and len(str(v)) < 2000
    }
    when = str(raw.get("EXIF DateTimeOriginal") or raw.get("Image DateTime") or "")
    offset = str(raw.get("EXIF OffsetTimeOriginal") or "")
    out: dict[str, Any] = {
        "tags": tags,
        "make": _clean(raw.get("Image Make")),
        "model": _clean(raw.get("Image Model")),
        "software": _clean(raw.get("Image Software")),
        "creation_time": normalise_timestamp(when + offset) or normalise_timestamp(when),
    }
    lat = _gps_degrees(raw.get("GPS GPSLatitude"), raw.get("GPS GPSLatitudeRef"), "S")
    lon = _gps_degrees(raw.get("GPS GPSLongitude"), raw.get("GPS GPSLongitudeRef"), "W")
    if lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180:
        out["gps_latitude"], out["gps_longitude"] = round(lat, 7), round(lon, 7)
        alt = raw.get("GPS GPSAltitude")
        if alt is not None and alt.values:
            sign = (
                -1
                if str(raw.get("GPS GPSAltitudeRef", "0")).strip() in ("1", "Below Sea Level")
                else 1
            )
            out["gps_altitude"] = round(sign * _ratio(alt.values[0]), 2)
    return out


def _clean(tag: Any) -> str | None:
    text = str(tag).strip().strip("\x00").strip() if tag is not None else ""
    return text or None


def _ratio(value: Any) -> float:
    num = getattr(value, "num", None)
    den = getattr(value, "den", None)
    if num is not None:
        return float(num) / float(den) if den else 0.0
    return float(value)


def _gps_degrees(tag: Any, ref: Any, negative: str) -> float | None:
    if tag is None or not getattr(tag, "values", None) or len(tag.values) < 3:
        return None
    try:
        d, m, s = (_ratio(v) for v in tag.values[:3])
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    degrees = d + m / 60 + s / 3600
    return -degrees if str(ref or "").strip().upper().startswith(negative) else degrees
