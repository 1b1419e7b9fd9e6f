"""Provenance that travels beside a clip: yt-dlp's `.info.json` and the platform of a URL."""

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..errors import BadInputError
from ..reports import languages

# Keys of yt-dlp's info dict worth keeping; the rest (format lists, thumbnails, subtitles,
# heatmaps) is large and says nothing about where the footage came from.
KEPT_INFO_KEYS = (
    "id",
    "webpage_url",
    "original_url",
    "extractor_key",
    "uploader",
    "uploader_id",
    "uploader_url",
    "channel",
    "channel_id",
    "channel_url",
    "upload_date",
    "timestamp",
    "release_timestamp",
    "title",
    "description",
    "duration",
    "location",
    "tags",
    "playlist_title",
)

PLATFORM_HOSTS = {
    "t.me": "telegram",
    "telegram.me": "telegram",
    "telegram.org": "telegram",
    "twitter.com": "twitter",
    "x.com": "twitter",
    "mobile.twitter.com": "twitter",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "m.youtube.com": "youtube",
    "facebook.com": "facebook",
    "fb.watch": "facebook",
    "m.facebook.com": "facebook",
    "instagram.com": "instagram",
    "tiktok.com": "tiktok",
    "vk.com": "vk",
    "vk.ru": "vk",
    "reddit.com": "reddit",
    "rumble.com": "rumble",
    "odysee.com": "odysee",
    "newsflare.com": "newsflare",
    "liveleak.com": "liveleak",
}


def info_json_path(media_path: Path) -> Path | None:
    """The yt-dlp sidecar of a clip: same stem, `.info.json` (clip.mp4 -> clip.info.json)."""
    candidate = media_path.with_name(media_path.stem + ".info.json")
    return candidate if candidate.is_file() else None


# yt-dlp's types for the kept keys; a sidecar that says otherwise was not written by yt-dlp
# (or was edited), and its fields cannot be trusted as the clip's provenance.
NUMBER_KEYS = ("timestamp", "release_timestamp", "duration")
LIST_KEYS = ("tags",)
# Unix times a posting can have: 1990 to 2100.
TIMESTAMP_RANGE = (631_152_000, 4_102_444_800)


def read_info_json(media_path: Path) -> dict[str, Any] | None:
    """The kept part of the clip's yt-dlp `.info.json`, or None if there is none or it is
    unreadable.

    Raises:
        BadInputError: a kept field has the wrong type ("webpage_url": 12345) or an
            impossible value (a timestamp in the year 5000).
    """
    sidecar = info_json_path(media_path)
    if sidecar is None:
        return None
    try:
        info = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(info, dict):
        return None
    kept = {k: info[k] for k in KEPT_INFO_KEYS if info.get(k) not in (None, "", [])}
    problem = next((p for k, v in kept.items() if (p := _wrong_type(k, v))), None)
    if problem:
        raise BadInputError(f"{sidecar}: {problem}")
    return kept


def _wrong_type(key: str, value: Any) -> str | None:
    if key in NUMBER_KEYS:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"field {key!r} should be a number, not {type(value).__name__}"
        low, high = TIMESTAMP_RANGE
        if key != "duration" and not low <= value <= high:
            return f"field {key!r} is not a time between 1990 and 2100 ({value!r})"
        return None
    if key in LIST_KEYS:
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            return f"field {key!r} should be a list of text"
        return None
    if not isinstance(value, str):
        return f"field {key!r} should be text, not {type(value).__name__}"
    return None


def sighting_fields_from_info(info: dict[str, Any]) -> dict[str, Any]:
    """Map yt-dlp's fields onto a sighting's provenance fields."""
    url = info.get("webpage_url") or info.get("original_url")
    extractor = str(info.get("extractor_key") or "").lower()
    return {
        "source_url": url,
        "platform": platform_of(url) or (extractor or None),
        "posted_by": info.get("channel") or info.get("uploader") or info.get("uploader_id"),
        "posted_at": posted_at_from_info(info),
        "title": info.get("title"),
        "description": info.get("description"),
    }


def posted_at_from_info(info: dict[str, Any]) -> str | None:
    """A Unix timestamp gives the full UTC time; upload_date (YYYYMMDD) only the day."""
    stamp = info.get("timestamp") or info.get("release_timestamp")
    if isinstance(stamp, (int, float)):
        return dt.datetime.fromtimestamp(stamp, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    day = str(info.get("upload_date") or "")
    if re.fullmatch(r"\d{8}", day):
        return f"{day[:4]}-{day[4:6]}-{day[6:]}"
    return None


def platform_of(url: str | None) -> str | None:
    """'https://t.me/ngu/123' -> 'telegram'; unknown hosts -> None."""
    if not url:
        return None
    host = (urlparse(url if "://" in url else f"https://{url}").hostname or "").lower()
    host = host.removeprefix("www.")
    if host in PLATFORM_HOSTS:
        return PLATFORM_HOSTS[host]
    parent = ".".join(host.split(".")[-2:])
    return PLATFORM_HOSTS.get(parent)


def normalise_platform(name: str | None) -> str | None:
    """A platform as the catalog names it: the names and aliases of common.json's platforms
    (the same table the report engine reads: X and "twitter/x" are twitter, "tg" telegram),
    else the name lower-cased."""
    if not name:
        return None
    key = name.strip().lower()
    for platform, aliases in languages.common()["platforms"].items():
        if key == platform or key in aliases:
            return platform
    return key.replace(" ", "_")
