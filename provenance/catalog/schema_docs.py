"""What each table, view and column of the catalog means, for people who write SQL.

`describe_schema` walks the live catalog and attaches these descriptions, so that
`provenance schema` and docs/schema.md (generated from it, checked by a test) cannot drift
from the real schema: a column without a description here shows up as undocumented.
"""

from typing import Any

import sqlite_utils

DOCS: dict[str, dict[str, str]] = {
    "clips": {
        "": "One row per distinct file (by SHA-256): a video or a still, with what the file "
        "says about itself. The same file logged again is the same clip; each logging is a "
        "row in `sightings`.",
        "id": "Clip number, used by every command (`provenance matches 41`).",
        "sha256": "SHA-256 of the file's bytes, lower-case hex: the clip's identity.",
        "path": "Absolute path where the file was first logged.",
        "file_name": "File name where it was first logged.",
        "size_bytes": "File size in bytes.",
        "media_type": "`video` or `still`.",
        "container": "ffprobe's container format name (`mov,mp4,m4a,3gp,3g2,mj2`, `matroska,webm`, `image2`).",
        "video_codec": "Codec of the first video stream (`h264`, `hevc`, `vp9`, `mjpeg`).",
        "audio_codec": "Codec of the first audio stream, or NULL when silent.",
        "duration_seconds": "Length in seconds (NULL for stills).",
        "width": "Coded frame width in pixels, before rotation.",
        "height": "Coded frame height in pixels, before rotation.",
        "fps": "Average frame rate (NULL for stills).",
        "rotation": "Display rotation, degrees clockwise (0, 90, 180, 270).",
        "creation_time": "Recording time as ISO 8601, from the camera's own tag when present "
        "(QuickTime creationdate with its UTC offset, EXIF DateTimeOriginal), "
        "else the container's creation_time. Re-encoders often reset or drop it.",
        "encoder": "Encoder/software tag of the container.",
        "make": "Camera or phone maker (QuickTime/EXIF).",
        "model": "Camera or phone model.",
        "software": "Firmware or editing software tag.",
        "gps_latitude": "Latitude in decimal degrees (ISO 6709 tag of the container, or EXIF GPS).",
        "gps_longitude": "Longitude in decimal degrees.",
        "gps_altitude": "Altitude in metres, when tagged.",
        "comment": "Comment or description tag of the container.",
        "container_tags": "JSON: every container-level tag exactly as ffprobe read it.",
        "exif": "JSON: every EXIF tag of a still, as text (exifread).",
        "probe": "JSON: ffprobe's full output (format and streams).",
        "first_logged_at": "UTC time the clip was first logged.",
    },
    "sightings": {
        "": "One row per time a clip was logged from somewhere: where the volunteer found it "
        "and who posted it. A re-post of the same file by another outlet is a further "
        "sighting of the same clip.",
        "id": "Sighting number.",
        "clip_id": "The clip seen (clips.id).",
        "path": "Absolute path of the file when logged.",
        "path_given": "The path as the volunteer typed it.",
        "source_url": "Where the file was downloaded from (post, video page).",
        "platform": "Platform of the post: telegram, twitter, youtube, facebook, tiktok, vk, ...",
        "posted_by": "Account or channel that posted it, as written.",
        "outlet": "News outlet or agency that carried it (Newsflash, Reuters, Daily Mail).",
        "posted_at": "When it was posted, ISO 8601 (a date alone when only the day is known).",
        "title": "Title of the post (from yt-dlp's info.json).",
        "description": "Text of the post (from yt-dlp's info.json).",
        "note": "The volunteer's note.",
        "logged_by": "Who logged it (`--by`, $PROVENANCE_BY, or the login name).",
        "logged_at": "UTC time of logging.",
        "info_json": "JSON: the provenance fields of the yt-dlp `.info.json` found beside the file.",
    },
    "verifications": {
        "": "Chain of custody: each re-hash of each known copy of a clip by `provenance verify`.",
        "id": "Check number.",
        "clip_id": "The clip checked (clips.id).",
        "path": "The copy checked.",
        "status": "`unchanged` (same SHA-256), `changed` (different bytes) or `missing`.",
        "sha256_found": "SHA-256 found at the path (NULL when missing).",
        "size_bytes_found": "Size found at the path (NULL when missing).",
        "checked_by": "Who ran the check.",
        "checked_at": "UTC time of the check.",
    },
    "fingerprints": {
        "": "The perceptual fingerprint of each clip: a 64-bit DCT hash (imagehash's phash) of "
        "the middle of the picture (its central 80 %), twice a second; about 0.8 KB per "
        "clip-minute. Used to find the same footage re-posted; see docs/matching.md.",
        "clip_id": "The clip (clips.id).",
        "version": "Fingerprint algorithm version; `provenance rematch` needs equal versions.",
        "grid_fps": "Hashes per second of footage (2.0; 1 frame for a still).",
        "frame_count": "Number of hashed frames.",
        "informative_frames": "Frames with enough structure to identify footage (not black, flat or mid-fade).",
        "keyframes_only": "1 when logged with `--triage` (hashes of keyframes only).",
        "content_box": "JSON [x0, y0, x1, y1]: the picture inside the frame as fractions, without black "
        "bars or blurred side bands.",
        "hashes": "The hashes as big-endian uint64, each XORed with the one before it, "
        "zlib-compressed (`provenance.clips.fingerprint.decode_hashes` reads them).",
        "upper_hashes": "The same for the upper part of the picture (80 % across, from 10 % to "
        "65 % down), the part a lower third, subtitles or a caption bar leave uncovered; "
        "compared only with other clips' upper parts. NULL for clips logged before migration "
        "m010 until `provenance rematch --from-files`.",
        "informative": "zlib-compressed bit per frame: 1 when the frame is informative.",
        "motion": "zlib-compressed 4-bit code per frame, two a byte, high nibble first: how much the "
        "picture changes over the next half second (95th percentile of its pixels' change), on a "
        "log scale (code c is about 2 x (2^(c/2) - 1) / 4 grey levels; 15 = unknown, where the "
        "picture area changes). "
        "Tells moments of a static shot apart.",
        "made_at": "UTC time the fingerprint was made.",
    },
    "clip_matches": {
        "": "One row per stretch of footage two clips share, in both directions: a row for "
        "clip A with B as the other, and one for B with A. Kept up to date by every `log`; "
        "`provenance rematch` recomputes all.",
        "id": "Row number.",
        "clip_id": "This clip (clips.id).",
        "other_clip_id": "The clip that shows the same footage.",
        "start_seconds": "Where the shared stretch starts in this clip.",
        "end_seconds": "Where it ends in this clip (equal to start for a still).",
        "other_start_seconds": "Where the same footage starts in the other clip.",
        "other_end_seconds": "Where it ends in the other clip.",
        "similarity": "0-1: how alike the matched frames are (1 = identical pictures), times the "
        "share of frames in the stretch that agree.",
        "speed": "Seconds of the other clip per second of this one (1.25: the other plays slower).",
        "transform": "`same`, `mirrored` (flipped left-right) or `inverted` (negative, e.g. thermal "
        "white-hot vs black-hot).",
        "view": "The part of this clip that matched: `picture` (the picture inside the frame), "
        "`upper part` (its upper part, above a lower third or subtitles), `region N` "
        "(fingerprint_regions.region N of this clip: a split screen's half, the clip inside a "
        "phone's screen recording), or `upper part of region N`.",
        "other_view": "The same for the other clip.",
        "matched_frames": "How many frames of this clip agree with the other inside the stretch.",
        "matched_at": "UTC time the match was computed.",
    },
    "clip_groups": {
        "": "View: one row per clip that shares footage with another, with its group (the lowest "
        "clip id among all clips linked to it, directly or through others), when it was "
        "first seen (clip_first_seen) and where. Read from clip_group_members.",
    },
    "clip_group_members": {
        "": "The group of every clip that shares footage with another: the connected parts of "
        "clip_matches, kept as clips are matched, forgotten and rematched (migration m012), so "
        "that clip_groups and `provenance groups` read a table instead of walking every match.",
        "clip_id": "The clip (clips.id).",
        "group_id": "The group: the lowest clip id among the clips linked to this one, directly "
        "or through others.",
    },
    "fingerprint_index": {
        "": "Where the candidate index lies: files beside the catalog that `log` maps instead "
        'of reading every fingerprint (docs/matching.md, "The index on disk"). One row, '
        "written when the index is first made; no row means the default folder.",
        "id": "Always 1.",
        "folder": "The index's folder, relative to the catalog's folder unless absolute (by "
        "default the catalog's file name plus `.index`). Change it to move the index; "
        "`provenance index --rebuild` writes it anew.",
        "created_at": "UTC time the index was first made.",
    },
    "forgotten": {
        "": "One row per clip or sighting that `provenance forget` removed, with why and by "
        "whom. Their numbers are never given to another clip or sighting.",
        "id": "Row number.",
        "kind": "`clip` or `sighting`.",
        "item_id": "The clip's or sighting's number when it was forgotten.",
        "sha256": "SHA-256 of the forgotten clip's file.",
        "path": "Where the clip or sighting's file was.",
        "reason": "Why it was forgotten (`--reason`).",
        "forgotten_by": "Who forgot it (`--by`, $PROVENANCE_BY or the login name).",
        "forgotten_at": "UTC time it was forgotten.",
    },
    "hop_actors": {
        "": "View: every hop (hops.*) with its actor as the catalog names it: `actor` (the "
        "catalog's name, else as written), `actor_name` and `actor_type` (NULL for a hop with "
        "no actor).",
    },
    "clip_first_seen": {
        "": "View: when each clip was first seen. The earliest camera creation time or posting "
        "time; the time it was first logged only where neither is known.",
        "clip_id": "The clip (clips.id).",
        "first_seen": "ISO 8601 time (or date) it was first seen.",
        "first_seen_from": "Where that time comes from: `camera` (the file's creation time), "
        "`posted` (a sighting's posted_at) or `logged` (only when a volunteer logged it).",
    },
    "articles": {
        "": "One row per version of a report (news article, agency page, unit release) that was "
        "ingested. Re-ingesting the same text adds nothing; a changed text of the same source "
        "is a new version and the old one is kept.",
        "id": "Article number.",
        "source": "The file it was read from, as given to `ingest`.",
        "url": "Web address (`--url`, or the page's canonical URL).",
        "title": "Title (from the HTML).",
        "site_name": "Site or outlet name (from the HTML).",
        "language": "Language detected for the text (`en`, `nl`).",
        "published": "The report's date (`--published`, the page's date, or 'date 2023-07' in the text); "
        "relative dates in it resolve against this.",
        "format": "`text` or `html`.",
        "encoding": "Encoding the file was decoded from (`utf-8`, or what charset-normalizer detected).",
        "text_sha256": "SHA-256 of `text`: the same text is the same article.",
        "text": "The article text. Every evidence offset points into it.",
        "version": "1 for the first text of a source, then 2, 3, ... when its text changed.",
        "previous_version_id": "The article row this version replaces (kept).",
        "ingested_by": "Who ingested it.",
        "ingested_at": "UTC time of ingestion.",
    },
    "actors": {
        "": "Everyone in an origin chain, once: the same unit written three ways ('the National "
        "Guard of Ukraine', 'NGU', '@NGUmainpage') is one actor.",
        "id": "Actor number.",
        "name": "The name as first written.",
        "key": "Folded name (case, accents, 'the' and 'of' dropped) used to recognise the actor.",
        "actor_type": "`unit`, `ministry`, `agency`, `outlet`, `person`, `channel` or `account`.",
    },
    "mentions": {
        "": "One row per piece of footage a report speaks of (not per sentence). A compilation "
        "and its parts are separate rows; the parts point to the compilation.",
        "id": "Mention number, used by `provenance chain 17` and `provenance link`.",
        "article_id": "The article (articles.id).",
        "position": "1 for the article's first mention, then 2, 3, ...",
        "capture": "How it was captured: drone, bodycam, helmetcam, phone, cctv, dashcam, satellite, "
        "compilation or unknown.",
        "description": "The sentence that best says what it shows.",
        "duration_seconds": "The length the text states ('one-minute and 20 seconds', '02:19', "
        "'goed 7 minuten'), in seconds.",
        "event_date": "Date of the filmed event, where stated (ISO).",
        "part_of_mention_id": "For a part of a compilation: the compilation's mention.",
        "quotes": "JSON list of captions and statements quoted with it.",
        "evidence": "JSON list of {start, end, text}: every sentence about this footage, with "
        "character offsets into articles.text.",
    },
    "mention_places": {
        "": "Places named around a mention, as written and in their common English spelling.",
        "mention_id": "The mention (mentions.id).",
        "place": "As written ('Bachmoet').",
        "place_en": "Common English spelling ('Bakhmut'); the same as `place` when unknown.",
    },
    "hops": {
        "": "The stated origin chain of each mention, one row per hop, in travel order: filmed, "
        "released, posted, distributed, published, verified.",
        "id": "Hop number.",
        "mention_id": "The mention (mentions.id).",
        "position": "Order in the chain, from 1.",
        "role": "`filmed`, `released`, `posted`, `distributed`, `published` or `verified` (see "
        "docs/extraction.md).",
        "actor_id": "The actor (actors.id); NULL when the text names only a platform.",
        "actor_as_written": "The actor exactly as this sentence writes it.",
        "platform": "twitter, youtube, telegram, facebook, instagram, tiktok, vk or social_media.",
        "handle": "Account handle, when written ('@NGUmainpage').",
        "date": "Date of this hop (ISO), resolved against the article's date.",
        "statement": "The statement or caption that came with it.",
        "evidence_start": "Offset of the sentence stating this hop in articles.text.",
        "evidence_end": "End offset of that sentence.",
        "evidence_text": "The sentence itself.",
    },
    "mention_clips": {
        "": "Clips that are the footage a mention speaks of (`provenance link CLIP MENTION`).",
        "mention_id": "The mention (mentions.id).",
        "clip_id": "The clip (clips.id).",
        "linked_by": "Who linked them.",
        "linked_at": "UTC time of the link.",
    },
    "origin_chains": {
        "": "View: one row per mention with its chain as readable text, e.g. "
        "'filmed: drone -> posted: Illia Ponomarenko (twitter) -> published: Daily Mail'.",
    },
    "clip_sightings": {
        "": "View: one row per sighting with its clip's main facts. Where has this footage been seen?",
    },
    "clip_custody": {
        "": "View: the latest custody check of each known copy of each clip.",
    },
    "fingerprint_regions": {
        "": "The footage regions of a clip: where its footage sits inside the frame when it does "
        "not fill it (each half of a split screen, the clip inside a phone's screen recording), "
        "found from where the picture moves (see docs/matching.md). Each region is hashed as a "
        "view of its own, stored like `fingerprints.hashes`.",
        "clip_id": "The clip (clips.id).",
        "region": "Region number within the clip, largest first, from 1.",
        "box": "JSON [x0, y0, x1, y1]: the region as fractions of the frame.",
        "hashes": "The region's hashes (its central 80 %), 2 a second, coded as fingerprints.hashes.",
        "informative": "zlib-compressed bit per frame: 1 when the region's frame is informative.",
        "upper_hashes": "The same for the region's upper part (80 % across, from 10 % to 65 % "
        "down), compared only with other clips' upper parts. NULL for regions stored before "
        "migration m016 until `provenance rematch --from-files`.",
    },
    "footage": {
        "": "One row per footage item: one piece of footage, with every clip that shows it "
        "and every report's mention of it (footage_members). Kept up to date by `log`, "
        "`ingest`, `link`, `unlink`, `rematch` and `forget`; `provenance footage N` tells "
        "its timeline. A number, once given, is never given to another item.",
        "id": "Footage number (`provenance footage 5`).",
        "made_at": "UTC time the item was first made.",
    },
    "footage_members": {
        "": "Which footage item each clip and each mention belongs to: every clip and every "
        "mention is in exactly one. Clips join by clip_matches (a clip that a report calls a "
        "compilation only by a copy of its whole), mentions by the volunteers' links "
        "(mention_clips, mention_links), both as the volunteers' merges and splits "
        "(footage_decisions) allow.",
        "footage_id": "The item (footage.id).",
        "kind": "`clip` or `mention`.",
        "item_id": "The clip's (clips.id) or the mention's (mentions.id) number.",
    },
    "mention_links": {
        "": "Two mentions, in different reports, that a volunteer says are one footage "
        "(`provenance link --mentions A B`).",
        "mention_id": "The lower mention number (mentions.id).",
        "other_mention_id": "The higher mention number.",
        "linked_by": "Who linked them.",
        "linked_at": "UTC time of the link.",
    },
    "footage_decisions": {
        "": "The volunteers' decisions on footage items, which every recomputation honours: "
        "`together` (`footage-merge`: the two are one footage) and `apart` (`footage-split`: "
        "never in one item). Each joins two members, the lower (kind, item_id) first.",
        "id": "Decision number.",
        "decision": "`together` or `apart`.",
        "kind": "`clip` or `mention`: the first member.",
        "item_id": "Its number.",
        "other_kind": "`clip` or `mention`: the second member.",
        "other_item_id": "Its number.",
        "decided_by": "Who decided.",
        "decided_at": "UTC time of the decision.",
    },
    "suggestions": {
        "": "Proposals that a clip and a mention, or two mentions in different reports, are "
        "the same footage, from the evidence they share; never links. `provenance "
        "suggestions` lists the open ones, `link` accepts one, `reject` keeps it from "
        "coming back (see docs/footage.md for the evidence and its weights).",
        "id": "Suggestion number (`provenance reject 12`).",
        "kind": "`clip_mention` or `mention_mention`.",
        "clip_id": "The clip (clip_mention only).",
        "mention_id": "The mention (for mention_mention: the lower number).",
        "other_mention_id": "The other mention (mention_mention only; higher than mention_id).",
        "score": "Sum of the evidence's weights; proposed from 4.",
        "evidence": "JSON list of {kind, weight, detail}: handle, account, duration, "
        "near_duration, words, same_day, near_day, report_window, place, capture, outlet, "
        "platform; a negative weight is evidence against (capture, duration, date).",
        "status": "`open`, `accepted` (linked) or `rejected`.",
        "made_at": "UTC time it was first proposed.",
        "decided_by": "Who accepted or rejected it.",
        "decided_at": "When.",
    },
    "footage_facts": {
        "": "View: every dated fact about each footage item, from every source: each hop its "
        "reports state (a publication without a date takes the report's date), each "
        "report, each sighting of its clips (where, by whom, when) and each clip's camera "
        "time and GPS. The rows `provenance footage N` orders into a timeline.",
        "footage_id": "The item (footage.id).",
        "date": "ISO date or time of the fact; NULL when no source dates it.",
        "date_from": "`stated` (the report says so), `report date`, `info.json`, "
        "`volunteer` (typed at `log`) or `camera` (the file's metadata).",
        "fact": "`filmed`, `released`, `posted`, `distributed`, `published`, `verified` (a "
        "hop), `reported` (a report about it), `posted` (a sighting) or `captured` (camera "
        "metadata).",
        "actor": "Who: the hop's actor, the report's site, the sighting's poster or outlet, "
        "the camera's make and model.",
        "actor_type": "The actor's type (actors.actor_type), where known.",
        "platform": "Platform, where stated.",
        "handle": "Account handle, where stated.",
        "article_id": "The report (articles.id) that states it, for report facts.",
        "mention_id": "The mention (mentions.id) it belongs to, for report facts.",
        "clip_id": "The clip (clips.id), for sighting and camera facts.",
        "sighting_id": "The sighting (sightings.id), for sighting facts.",
        "evidence": "The sentence that states it, the post's URL or title, or the GPS position.",
    },
    "footage_items": {
        "": "View: one row per footage item with its counts, when it first appeared and a label.",
        "footage_id": "The item (footage.id).",
        "clips": "How many clips show it.",
        "mentions": "How many mentions speak of it.",
        "reports": "In how many reports.",
        "first_appeared": "The earliest date of a release, post, publication or report "
        "(footage_facts).",
        "first_captured": "The earliest date it was filmed (a stated filming date or a "
        "camera time).",
        "label": "The first mention's description, else the first clip's file name.",
    },
    "_sqlite_migrations": {
        "": "The schema migrations applied to this catalog, in order (sqlite-utils).",
        "id": "Row number.",
        "migration_set": "Always `provenance`.",
        "name": "Migration name, numbered (`m001_...`).",
        "applied_at": "When it was applied.",
    },
}

EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "clips": [
        (
            "Clips with a capture time and GPS, oldest first",
            "select id, file_name, creation_time, gps_latitude, gps_longitude from clips\n"
            "where gps_latitude is not null order by creation_time",
        ),
        (
            "Every container tag of clip 3",
            "select key, value from clips, json_each(clips.container_tags) where clips.id = 3",
        ),
    ],
    "sightings": [
        (
            "Every outlet that carried clip 3, earliest post first",
            "select outlet, platform, posted_by, posted_at, source_url from sightings\n"
            "where clip_id = 3 order by posted_at",
        ),
    ],
    "clip_matches": [
        (
            "Every clip showing the same footage as clip 41, with the matching stretches",
            "select other_clip_id, start_seconds, end_seconds, other_start_seconds,\n"
            "       other_end_seconds, similarity from clip_matches where clip_id = 41",
        ),
    ],
    "clip_groups": [
        (
            "Every outlet that carried the footage of clip 41, earliest first",
            "select clip_id, file_name, first_seen, seen_at from clip_groups\n"
            "where group_id = (select group_id from clip_groups where clip_id = 41)\n"
            "order by first_seen",
        ),
    ],
    "origin_chains": [
        (
            "Every mention whose chain passes through Newsflash",
            "select mention_id, article_title, chain from origin_chains where chain like '%Newsflash%'",
        ),
        (
            "Mentions of Bakhmut however it is spelled",
            "select o.* from origin_chains o join mention_places p on p.mention_id = o.mention_id\n"
            "where p.place_en = 'Bakhmut'",
        ),
    ],
    "hops": [
        (
            "Every unit or ministry that released footage, with how often",
            "select a.name, a.actor_type, count(*) n from hops h join actors a on a.id = h.actor_id\n"
            "where h.role = 'released' group by a.id order by n desc",
        ),
    ],
    "mentions": [
        (
            "Full-text search of mention sentences",
            "select m.id, m.description from mentions_fts f join mentions m on m.id = f.rowid\n"
            "where mentions_fts match 'trench'",
        ),
        (
            "Clips linked to each mention, with their files",
            "select mc.mention_id, c.id, c.file_name from mention_clips mc join clips c on c.id = mc.clip_id",
        ),
    ],
    "footage_facts": [
        (
            "The timeline of footage 5, earliest first",
            "select date, fact, actor, platform, handle, article_id, clip_id, evidence\n"
            "from footage_facts where footage_id = 5 order by date is null, date",
        ),
        (
            "Where the footage of clip 42 first appeared",
            "select date, fact, actor, evidence from footage_facts\n"
            "where footage_id = (select footage_id from footage_members\n"
            "                    where kind = 'clip' and item_id = 42)\n"
            "and fact not in ('filmed', 'captured') and date is not null order by date limit 1",
        ),
    ],
    "footage_items": [
        (
            "Footage carried by more than one report, earliest first",
            "select * from footage_items where reports > 1 order by first_appeared",
        ),
    ],
    "footage_members": [
        (
            "Every clip and mention of the footage of mention 17",
            "select kind, item_id from footage_members where footage_id =\n"
            "(select footage_id from footage_members where kind = 'mention' and item_id = 17)",
        ),
    ],
    "suggestions": [
        (
            "Open suggestions with their evidence, best first",
            "select s.id, s.kind, s.clip_id, s.mention_id, s.other_mention_id, s.score,\n"
            "       json_extract(e.value, '$.kind') as evidence, json_extract(e.value, '$.detail') as detail\n"
            "from suggestions s, json_each(s.evidence) e where s.status = 'open'\n"
            "order by s.score desc",
        ),
    ],
    "clip_custody": [
        (
            "Copies that changed or went missing",
            "select * from clip_custody where status != 'unchanged'",
        ),
    ],
}

VIEW_COLUMN = "(see the view's definition)"


def describe_schema(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every table and view of the live catalog with its columns and their descriptions."""
    out = []
    for kind, names in (("table", db.table_names()), ("view", db.view_names())):
        for name in names:
            if name.startswith("sqlite_") or "_fts" in name:
                continue
            docs = DOCS.get(name, {})
            columns = [
                {
                    "name": c.name,
                    "type": c.type or "",
                    "description": docs.get(c.name) or (VIEW_COLUMN if kind == "view" else None),
                }
                for c in db[name].columns
            ]
            out.append(
                {
                    "name": name,
                    "kind": kind,
                    "description": docs.get(""),
                    "columns": columns,
                    "examples": EXAMPLES.get(name, []),
                }
            )
    return out


def undocumented(schema: list[dict[str, Any]]) -> list[str]:
    """'table.column' for every live table or column without a description."""
    missing = [s["name"] for s in schema if not s["description"]]
    missing += [
        f"{s['name']}.{c['name']}" for s in schema for c in s["columns"] if not c["description"]
    ]
    return missing


def schema_markdown(schema: list[dict[str, Any]], version: str | None) -> str:
    """docs/schema.md: every table, view and column, with example queries."""
    lines = [
        "# The catalog schema",
        "",
        "<!-- Generated by `provenance schema --markdown` from a fresh catalog; a test checks "
        "that this file matches. Do not edit by hand. -->",
        "",
        "`catalog.db` is a plain SQLite file. Open it with `sqlite3 catalog.db`, Datasette or "
        "any SQLite client. JSON columns are queried with SQLite's json functions "
        "(`json_extract`, `json_each`).",
        "",
        f"Schema version: `{version}`.",
        "",
    ]
    for item in schema:
        lines += [f"## `{item['name']}` ({item['kind']})", "", item["description"] or "", ""]
        lines += ["| column | type | meaning |", "|---|---|---|"]
        for c in item["columns"]:
            meaning = (c["description"] or "").replace("|", "\\|")
            lines.append(f"| `{c['name']}` | {c['type']} | {meaning} |")
        lines.append("")
        for title, sql in item["examples"]:
            lines += [f"{title}:", "", "```sql", sql + ";", "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def schema_text(schema: list[dict[str, Any]]) -> str:
    """The same, for a terminal."""
    lines = []
    for item in schema:
        lines.append(f"{item['name']} ({item['kind']}): {item['description'] or ''}")
        width = max((len(c["name"]) for c in item["columns"]), default=0)
        for c in item["columns"]:
            lines.append(f"  {c['name']:<{width}}  {c['type']:<8} {c['description'] or ''}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
