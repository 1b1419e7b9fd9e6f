"""The catalog's schema, as an ordered list of numbered migrations.

Each migration is recorded in the catalog's `_sqlite_migrations` table when applied. Once a
migration has been released it is never edited: a change to the schema is a new migration at
the end of the list. Column CHECKs, foreign keys and views are written as plain SQL so that
`sqlite3 catalog.db .schema` reads as documentation.
"""

import zlib

import numpy as np
from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("provenance")


@MIGRATIONS()
def m001_clips_sightings_verifications(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE clips (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
            path TEXT NOT NULL,
            file_name TEXT NOT NULL,
            size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
            media_type TEXT NOT NULL CHECK (media_type IN ('video', 'still')),
            container TEXT,
            video_codec TEXT,
            audio_codec TEXT,
            duration_seconds REAL CHECK (duration_seconds IS NULL OR duration_seconds >= 0),
            width INTEGER CHECK (width IS NULL OR width > 0),
            height INTEGER CHECK (height IS NULL OR height > 0),
            fps REAL CHECK (fps IS NULL OR fps > 0),
            rotation INTEGER CHECK (rotation IS NULL OR rotation IN (0, 90, 180, 270)),
            creation_time TEXT,
            encoder TEXT,
            make TEXT,
            model TEXT,
            software TEXT,
            gps_latitude REAL CHECK (gps_latitude IS NULL OR gps_latitude BETWEEN -90 AND 90),
            gps_longitude REAL CHECK (gps_longitude IS NULL OR gps_longitude BETWEEN -180 AND 180),
            gps_altitude REAL,
            comment TEXT,
            container_tags TEXT CHECK (container_tags IS NULL OR json_valid(container_tags)),
            exif TEXT CHECK (exif IS NULL OR json_valid(exif)),
            probe TEXT CHECK (probe IS NULL OR json_valid(probe)),
            first_logged_at TEXT NOT NULL
        );
        CREATE INDEX clips_creation_time ON clips(creation_time);
        CREATE INDEX clips_file_name ON clips(file_name);

        CREATE TABLE sightings (
            id INTEGER PRIMARY KEY,
            clip_id INTEGER NOT NULL REFERENCES clips(id),
            path TEXT NOT NULL,
            path_given TEXT NOT NULL,
            source_url TEXT,
            platform TEXT,
            posted_by TEXT,
            outlet TEXT,
            posted_at TEXT,
            title TEXT,
            description TEXT,
            note TEXT,
            logged_by TEXT,
            logged_at TEXT NOT NULL,
            info_json TEXT CHECK (info_json IS NULL OR json_valid(info_json))
        );
        CREATE INDEX sightings_clip_id ON sightings(clip_id);
        CREATE INDEX sightings_outlet ON sightings(outlet);
        CREATE INDEX sightings_source_url ON sightings(source_url);
        -- The same clip seen again with the same facts is not a new sighting: this makes
        -- re-running a `log` command add nothing.
        CREATE UNIQUE INDEX sightings_unique ON sightings(
            clip_id, path, ifnull(source_url, ''), ifnull(platform, ''), ifnull(posted_by, ''),
            ifnull(outlet, ''), ifnull(posted_at, ''), ifnull(note, ''), ifnull(logged_by, '')
        );

        CREATE TABLE verifications (
            id INTEGER PRIMARY KEY,
            clip_id INTEGER NOT NULL REFERENCES clips(id),
            path TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('unchanged', 'changed', 'missing')),
            sha256_found TEXT,
            size_bytes_found INTEGER,
            checked_by TEXT,
            checked_at TEXT NOT NULL
        );
        CREATE INDEX verifications_clip_id ON verifications(clip_id);

        -- One row per sighting with the clip's main facts: "where has this file been seen?"
        CREATE VIEW clip_sightings AS
        SELECT c.id AS clip_id, c.file_name, c.sha256, c.duration_seconds, c.width, c.height,
               c.creation_time, s.id AS sighting_id, s.path, s.source_url, s.platform,
               s.posted_by, s.outlet, s.posted_at, s.title, s.note, s.logged_by, s.logged_at
        FROM clips c JOIN sightings s ON s.clip_id = c.id;

        -- The latest custody check of each known copy of each clip.
        CREATE VIEW clip_custody AS
        SELECT v.clip_id, c.file_name, v.path, v.status, v.sha256_found, v.checked_at
        FROM verifications v JOIN clips c ON c.id = v.clip_id
        WHERE v.id = (SELECT max(v2.id) FROM verifications v2
                      WHERE v2.clip_id = v.clip_id AND v2.path = v.path);
        """
    )


@MIGRATIONS()
def m002_fingerprints_and_clip_matches(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE fingerprints (
            clip_id INTEGER PRIMARY KEY REFERENCES clips(id),
            version INTEGER NOT NULL,
            grid_fps REAL NOT NULL CHECK (grid_fps > 0),
            frame_count INTEGER NOT NULL CHECK (frame_count >= 0),
            informative_frames INTEGER NOT NULL CHECK (informative_frames >= 0),
            keyframes_only INTEGER NOT NULL DEFAULT 0 CHECK (keyframes_only IN (0, 1)),
            content_box TEXT CHECK (content_box IS NULL OR json_valid(content_box)),
            full_hashes BLOB NOT NULL,
            inner_hashes BLOB NOT NULL,
            mirror_hashes BLOB NOT NULL,
            informative BLOB NOT NULL,
            motion BLOB NOT NULL,
            made_at TEXT NOT NULL
        );

        CREATE TABLE clip_matches (
            id INTEGER PRIMARY KEY,
            clip_id INTEGER NOT NULL REFERENCES clips(id),
            other_clip_id INTEGER NOT NULL REFERENCES clips(id),
            start_seconds REAL NOT NULL CHECK (start_seconds >= 0),
            end_seconds REAL NOT NULL CHECK (end_seconds >= start_seconds),
            other_start_seconds REAL NOT NULL CHECK (other_start_seconds >= 0),
            other_end_seconds REAL NOT NULL CHECK (other_end_seconds >= other_start_seconds),
            similarity REAL NOT NULL CHECK (similarity BETWEEN 0 AND 1),
            speed REAL NOT NULL DEFAULT 1.0 CHECK (speed > 0),
            transform TEXT NOT NULL CHECK (transform IN ('same', 'mirrored', 'inverted')),
            matched_frames INTEGER NOT NULL CHECK (matched_frames > 0),
            matched_at TEXT NOT NULL,
            CHECK (clip_id != other_clip_id)
        );
        CREATE INDEX clip_matches_clip_id ON clip_matches(clip_id);
        CREATE INDEX clip_matches_other_clip_id ON clip_matches(other_clip_id);

        -- Clips that share footage, directly or through others, as one group: the group's
        -- number is its lowest clip id. "Which outlets carried this footage?"
        CREATE VIEW clip_groups AS
        WITH RECURSIVE reach(clip_id, member) AS (
            SELECT DISTINCT clip_id, clip_id FROM clip_matches
            UNION
            SELECT r.clip_id, m.other_clip_id FROM reach r JOIN clip_matches m ON m.clip_id = r.member
        ),
        grouped AS (SELECT clip_id, min(member) AS group_id FROM reach GROUP BY clip_id),
        seen AS (
            SELECT clip_id, min(coalesce(posted_at, logged_at)) AS first_seen,
                   group_concat(DISTINCT coalesce(outlet, platform)) AS seen_at
            FROM sightings GROUP BY clip_id
        )
        SELECT g.group_id, g.clip_id, c.file_name, c.duration_seconds, s.first_seen, s.seen_at
        FROM grouped g JOIN clips c ON c.id = g.clip_id LEFT JOIN seen s ON s.clip_id = g.clip_id;
        """
    )


@MIGRATIONS()
def m003_articles_mentions_hops(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            title TEXT,
            site_name TEXT,
            language TEXT NOT NULL,
            published TEXT,
            format TEXT NOT NULL CHECK (format IN ('text', 'html')),
            encoding TEXT NOT NULL,
            text_sha256 TEXT NOT NULL CHECK (length(text_sha256) = 64),
            text TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
            previous_version_id INTEGER REFERENCES articles(id),
            ingested_by TEXT,
            ingested_at TEXT NOT NULL,
            UNIQUE (source, text_sha256)
        );
        CREATE INDEX articles_url ON articles(url);

        CREATE TABLE actors (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            key TEXT NOT NULL UNIQUE,
            actor_type TEXT CHECK (actor_type IN ('unit', 'ministry', 'agency', 'outlet', 'person',
                                                  'channel', 'account'))
        );

        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            position INTEGER NOT NULL CHECK (position >= 1),
            capture TEXT NOT NULL CHECK (capture IN ('drone', 'bodycam', 'helmetcam', 'phone', 'cctv',
                                                     'dashcam', 'satellite', 'compilation', 'unknown')),
            description TEXT,
            duration_seconds REAL CHECK (duration_seconds IS NULL OR duration_seconds > 0),
            event_date TEXT,
            part_of_mention_id INTEGER REFERENCES mentions(id),
            quotes TEXT CHECK (quotes IS NULL OR json_valid(quotes)),
            evidence TEXT NOT NULL CHECK (json_valid(evidence)),
            UNIQUE (article_id, position)
        );
        CREATE INDEX mentions_article_id ON mentions(article_id);

        CREATE TABLE mention_places (
            mention_id INTEGER NOT NULL REFERENCES mentions(id),
            place TEXT NOT NULL,
            place_en TEXT,
            PRIMARY KEY (mention_id, place)
        );
        CREATE INDEX mention_places_place_en ON mention_places(place_en);

        CREATE TABLE hops (
            id INTEGER PRIMARY KEY,
            mention_id INTEGER NOT NULL REFERENCES mentions(id),
            position INTEGER NOT NULL CHECK (position >= 1),
            role TEXT NOT NULL CHECK (role IN ('filmed', 'released', 'posted', 'distributed',
                                               'published', 'verified')),
            actor_id INTEGER REFERENCES actors(id),
            actor_as_written TEXT,
            platform TEXT,
            handle TEXT,
            date TEXT,
            statement TEXT,
            evidence_start INTEGER NOT NULL CHECK (evidence_start >= 0),
            evidence_end INTEGER NOT NULL CHECK (evidence_end >= evidence_start),
            evidence_text TEXT NOT NULL,
            UNIQUE (mention_id, position)
        );
        CREATE INDEX hops_actor_id ON hops(actor_id);

        CREATE TABLE mention_clips (
            mention_id INTEGER NOT NULL REFERENCES mentions(id),
            clip_id INTEGER NOT NULL REFERENCES clips(id),
            linked_by TEXT,
            linked_at TEXT NOT NULL,
            PRIMARY KEY (mention_id, clip_id)
        );
        CREATE INDEX mention_clips_clip_id ON mention_clips(clip_id);

        -- One row per mention with its stated origin chain as readable text:
        -- "filmed: drone -> posted: Illia Ponomarenko (twitter) -> published: Daily Mail".
        CREATE VIEW origin_chains AS
        SELECT m.id AS mention_id, m.article_id, a.title AS article_title, a.source AS article_source,
               m.capture, m.description,
               (SELECT group_concat(place, ', ') FROM mention_places p WHERE p.mention_id = m.id) AS places,
               (SELECT group_concat(step, ' -> ') FROM (
                    SELECT 0 AS position, 'filmed: ' || m.capture AS step
                    WHERE m.capture NOT IN ('unknown', 'compilation')
                      AND NOT EXISTS (SELECT 1 FROM hops f WHERE f.mention_id = m.id AND f.role = 'filmed')
                    UNION ALL
                    SELECT h.position, h.role || ': ' || coalesce(ac.name, h.actor_as_written, '?')
                           || CASE WHEN h.platform IS NOT NULL THEN ' (' || h.platform || ')' ELSE '' END
                           || CASE WHEN h.date IS NOT NULL THEN ' ' || h.date ELSE '' END
                    FROM hops h LEFT JOIN actors ac ON ac.id = h.actor_id
                    WHERE h.mention_id = m.id
                    ORDER BY position)) AS chain
        FROM mentions m JOIN articles a ON a.id = m.article_id;
        """
    )
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")
    db["mentions"].enable_fts(
        ["description", "evidence"], create_triggers=True, tokenize="unicode61"
    )


@MIGRATIONS()
def m004_one_hash_per_fingerprint_frame(db: Database) -> None:
    """Fingerprints keep one hash a frame (the middle of the picture), XOR-coded: 0.8 KB a minute.

    Version 1 kept three hashes a frame (whole picture, middle, mirror image). Its middle hash
    is the kept view of version 2, so stored fingerprints convert without the files. (Their
    informative flags and motion bytes were read from the whole picture, not its middle, and
    motion as a mean change rather than a high percentile; the matcher uses motion only through
    correlation, where that makes little difference.)
    """
    # The middle hashes and motion bytes are recoded in place, then sqlite-utils rebuilds the
    # table without the other two hash columns (keeping its constraints), inside this
    # migration's transaction.
    rows = db.execute("SELECT clip_id, inner_hashes, motion FROM fingerprints").fetchall()
    for clip_id, inner, motion_blob in rows:
        # Frozen copies of version 2's codings (fingerprint.encode_hashes and encode_motion),
        # so that this migration keeps meaning what it meant if the codings change again.
        hashes = np.frombuffer(zlib.decompress(inner), dtype=">u8").astype(np.uint64)
        coded = hashes.copy()
        coded[1:] ^= hashes[:-1]
        motion = np.frombuffer(zlib.decompress(motion_blob), dtype=np.uint8)
        codes = np.clip(np.round(2 * np.log2(1 + motion / 2.0)), 0, 14).astype(np.uint8)
        if len(codes) % 2:
            codes = np.append(codes, np.uint8(15))
        db.execute(
            "UPDATE fingerprints SET version = 2, inner_hashes = ?, motion = ? WHERE clip_id = ?",
            [
                zlib.compress(coded.astype(">u8").tobytes(), 9),
                zlib.compress((codes[0::2] << 4 | codes[1::2]).tobytes(), 9),
                clip_id,
            ],
        )
    db["fingerprints"].transform(
        rename={"inner_hashes": "hashes"}, drop={"full_hashes", "mirror_hashes"}
    )


@MIGRATIONS()
def m005_first_seen_is_the_earliest_known_time(db: Database) -> None:
    """When a clip was first seen: the earliest camera creation time or posting time, and the
    time a volunteer logged it only where neither is known, marked as such.

    clip_groups took min(coalesce(posted_at, logged_at)) over sightings, so an original with
    a camera time of 2022 but no posting time was "first seen" the day it was logged (2026),
    after its own re-post. clip_first_seen is the one place this question is answered; the
    groups view and every query use it.
    """
    db.executescript(
        """
        CREATE VIEW clip_first_seen AS
        WITH known AS (
            SELECT id AS clip_id, creation_time AS at, 'camera' AS source
            FROM clips WHERE creation_time IS NOT NULL
            UNION ALL
            SELECT clip_id, posted_at, 'posted' FROM sightings WHERE posted_at IS NOT NULL
        ),
        earliest AS (SELECT clip_id, min(at) AS at FROM known GROUP BY clip_id),
        logged AS (SELECT clip_id, min(logged_at) AS at FROM sightings GROUP BY clip_id)
        SELECT c.id AS clip_id,
               coalesce(e.at, l.at) AS first_seen,
               CASE WHEN e.at IS NULL THEN 'logged'
                    ELSE (SELECT k.source FROM known k WHERE k.clip_id = c.id AND k.at = e.at
                          ORDER BY k.source LIMIT 1) END AS first_seen_from
        FROM clips c LEFT JOIN earliest e ON e.clip_id = c.id LEFT JOIN logged l ON l.clip_id = c.id;

        -- m003's grouping, written out again: a migration keeps meaning what it meant when
        -- it was released, so it never calls code that may change.
        DROP VIEW clip_groups;
        CREATE VIEW clip_groups AS
        WITH RECURSIVE reach(clip_id, member) AS (
            SELECT DISTINCT clip_id, clip_id FROM clip_matches
            UNION
            SELECT r.clip_id, m.other_clip_id FROM reach r JOIN clip_matches m ON m.clip_id = r.member
        ),
        grouped AS (SELECT clip_id, min(member) AS group_id FROM reach GROUP BY clip_id),
        seen AS (
            SELECT clip_id, group_concat(DISTINCT coalesce(outlet, platform)) AS seen_at
            FROM sightings GROUP BY clip_id
        )
        SELECT g.group_id, g.clip_id, c.file_name, c.duration_seconds, f.first_seen,
               f.first_seen_from, s.seen_at
        FROM grouped g JOIN clips c ON c.id = g.clip_id
        JOIN clip_first_seen f ON f.clip_id = g.clip_id
        LEFT JOIN seen s ON s.clip_id = g.clip_id;
        """
    )


@MIGRATIONS()
def m006_forgotten_clips_and_sightings(db: Database) -> None:
    """What `provenance forget` removed, so that its numbers are never given again.

    SQLite gives a new row the highest id in its table plus one, so deleting the newest clip
    would hand its number, and everything a volunteer wrote about that number, to the next
    file logged. New clips and sightings take a number above every number ever used,
    forgotten ones included.
    """
    db.executescript(
        """
        CREATE TABLE forgotten (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('clip', 'sighting')),
            item_id INTEGER NOT NULL,
            sha256 TEXT,
            path TEXT,
            reason TEXT,
            forgotten_by TEXT,
            forgotten_at TEXT NOT NULL,
            UNIQUE (kind, item_id)
        );
        """
    )


@MIGRATIONS()
def m007_hops_with_their_actors(db: Database) -> None:
    """Every hop with its actor's catalog name and type: the join that `chain`, the PROV
    export and the mention_chain query each wrote out before."""
    db.executescript(
        """
        CREATE VIEW hop_actors AS
        SELECT h.*, coalesce(a.name, h.actor_as_written) AS actor, a.name AS actor_name,
               a.actor_type
        FROM hops h LEFT JOIN actors a ON a.id = h.actor_id;
        """
    )


@MIGRATIONS()
def m008_footage_items_suggestions_timeline(db: Database) -> None:
    """The footage: every clip and every mention of one piece of footage, as one item.

    Membership is kept by the code (provenance.footage.items) as clips are matched and
    mentions linked; the volunteers' merges and splits are kept as decisions that every
    recomputation honours. Suggestions are proposals with their evidence, never links.
    Every clip and every mention already in the catalog gets its item here: clips that
    share footage and the mentions linked to them are one item, as clip_groups has them.
    """
    db.executescript(
        """
        -- AUTOINCREMENT: an item's number, once a volunteer has seen it, is never another's.
        CREATE TABLE footage (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            made_at TEXT NOT NULL
        );
        CREATE TABLE footage_members (
            footage_id INTEGER NOT NULL REFERENCES footage(id),
            kind TEXT NOT NULL CHECK (kind IN ('clip', 'mention')),
            item_id INTEGER NOT NULL,
            PRIMARY KEY (kind, item_id)
        );
        CREATE INDEX footage_members_by_footage ON footage_members (footage_id);

        CREATE TABLE mention_links (
            mention_id INTEGER NOT NULL REFERENCES mentions(id),
            other_mention_id INTEGER NOT NULL REFERENCES mentions(id),
            linked_by TEXT,
            linked_at TEXT NOT NULL,
            PRIMARY KEY (mention_id, other_mention_id),
            CHECK (mention_id < other_mention_id)
        );
        CREATE INDEX mention_links_other ON mention_links (other_mention_id);

        CREATE TABLE footage_decisions (
            id INTEGER PRIMARY KEY,
            decision TEXT NOT NULL CHECK (decision IN ('together', 'apart')),
            kind TEXT NOT NULL CHECK (kind IN ('clip', 'mention')),
            item_id INTEGER NOT NULL,
            other_kind TEXT NOT NULL CHECK (other_kind IN ('clip', 'mention')),
            other_item_id INTEGER NOT NULL,
            decided_by TEXT,
            decided_at TEXT NOT NULL,
            UNIQUE (kind, item_id, other_kind, other_item_id)
        );
        CREATE INDEX footage_decisions_other ON footage_decisions (other_kind, other_item_id);

        CREATE TABLE suggestions (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('clip_mention', 'mention_mention')),
            clip_id INTEGER REFERENCES clips(id),
            mention_id INTEGER NOT NULL REFERENCES mentions(id),
            other_mention_id INTEGER REFERENCES mentions(id),
            score REAL NOT NULL,
            evidence TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'accepted', 'rejected')),
            made_at TEXT NOT NULL,
            decided_by TEXT,
            decided_at TEXT,
            CHECK ((kind = 'clip_mention' AND clip_id IS NOT NULL AND other_mention_id IS NULL)
                OR (kind = 'mention_mention' AND clip_id IS NULL
                    AND other_mention_id > mention_id))
        );
        CREATE UNIQUE INDEX suggestions_clip_mention ON suggestions (clip_id, mention_id)
            WHERE kind = 'clip_mention';
        CREATE UNIQUE INDEX suggestions_mention_mention
            ON suggestions (mention_id, other_mention_id) WHERE kind = 'mention_mention';
        CREATE INDEX suggestions_other_mention ON suggestions (other_mention_id);
        -- What suggestions look candidates up by.
        CREATE INDEX hops_handle ON hops (lower(ltrim(handle, '@')));
        CREATE INDEX hops_date ON hops (date);
        CREATE INDEX mentions_event_date ON mentions (event_date);
        CREATE INDEX mentions_duration ON mentions (duration_seconds);
        CREATE INDEX articles_published ON articles (published);
        CREATE INDEX mention_places_place_en_nocase
            ON mention_places (place_en COLLATE NOCASE);
        CREATE INDEX sightings_posted_at ON sightings (posted_at);
        CREATE INDEX sightings_posted_by ON sightings (lower(ltrim(posted_by, '@')));
        CREATE INDEX clips_duration ON clips (duration_seconds);

        CREATE VIEW footage_facts AS
        -- Each hop a report states, dated as stated; a publication or distribution that
        -- states no date takes the report's own date.
        SELECT fm.footage_id, coalesce(h.date, CASE WHEN h.role IN ('published', 'distributed')
                   THEN a.published END) AS date,
               CASE WHEN h.date IS NOT NULL THEN 'stated'
                    WHEN h.role IN ('published', 'distributed') AND a.published IS NOT NULL
                    THEN 'report date' END AS date_from,
               h.role AS fact, h.actor, h.actor_type, h.platform, h.handle,
               m.article_id, m.id AS mention_id, NULL AS clip_id, NULL AS sighting_id,
               h.evidence_text AS evidence
        FROM footage_members fm JOIN mentions m ON fm.kind = 'mention' AND m.id = fm.item_id
        JOIN articles a ON a.id = m.article_id JOIN hop_actors h ON h.mention_id = m.id
        UNION ALL
        -- Each report that speaks of the footage, on the report's date.
        SELECT fm.footage_id, a.published, CASE WHEN a.published IS NOT NULL THEN 'report date' END,
               'reported', coalesce(a.site_name, a.title, a.source), 'outlet', NULL, NULL,
               a.id, m.id, NULL, NULL, m.description
        FROM footage_members fm JOIN mentions m ON fm.kind = 'mention' AND m.id = fm.item_id
        JOIN articles a ON a.id = m.article_id
        UNION ALL
        -- Each sighting of each clip: where it was posted, by whom, when.
        SELECT fm.footage_id, s.posted_at, CASE WHEN s.posted_at IS NOT NULL THEN
                   CASE WHEN s.info_json IS NOT NULL THEN 'info.json' ELSE 'volunteer' END END,
               'posted', coalesce(s.posted_by, s.outlet), NULL, s.platform, NULL,
               NULL, NULL, s.clip_id, s.id, coalesce(s.source_url, s.title, s.path)
        FROM footage_members fm JOIN sightings s ON fm.kind = 'clip' AND s.clip_id = fm.item_id
        WHERE coalesce(s.posted_at, s.posted_by, s.outlet, s.platform, s.source_url) IS NOT NULL
        UNION ALL
        -- The camera's own time and place, from the file's metadata.
        SELECT fm.footage_id, c.creation_time, 'camera', 'captured',
               nullif(trim(coalesce(c.make, '') || ' ' || coalesce(c.model, '')), ''), NULL,
               NULL, NULL, NULL, NULL, c.id, NULL,
               CASE WHEN c.gps_latitude IS NOT NULL
                    THEN 'GPS ' || c.gps_latitude || ', ' || c.gps_longitude END
        FROM footage_members fm JOIN clips c ON fm.kind = 'clip' AND c.id = fm.item_id
        WHERE c.creation_time IS NOT NULL OR c.gps_latitude IS NOT NULL;

        CREATE VIEW footage_items AS
        SELECT f.id AS footage_id,
               (SELECT count(*) FROM footage_members x
                WHERE x.footage_id = f.id AND x.kind = 'clip') AS clips,
               (SELECT count(*) FROM footage_members x
                WHERE x.footage_id = f.id AND x.kind = 'mention') AS mentions,
               (SELECT count(DISTINCT m.article_id) FROM footage_members x
                JOIN mentions m ON m.id = x.item_id
                WHERE x.footage_id = f.id AND x.kind = 'mention') AS reports,
               (SELECT min(date) FROM footage_facts ff WHERE ff.footage_id = f.id
                AND ff.fact NOT IN ('filmed', 'captured')) AS first_appeared,
               (SELECT min(date) FROM footage_facts ff WHERE ff.footage_id = f.id
                AND ff.fact IN ('filmed', 'captured')) AS first_captured,
               coalesce(
                   (SELECT m.description FROM footage_members x JOIN mentions m
                    ON m.id = x.item_id WHERE x.footage_id = f.id AND x.kind = 'mention'
                    ORDER BY m.id LIMIT 1),
                   (SELECT c.file_name FROM footage_members x JOIN clips c
                    ON c.id = x.item_id WHERE x.footage_id = f.id AND x.kind = 'clip'
                    ORDER BY c.id LIMIT 1)) AS label
        FROM footage f;
        """
    )
    _first_footage_items(db)


def _first_footage_items(db: Database) -> None:
    """m008's starting items, written out here so that the migration keeps meaning what it
    meant (see m005): the connected parts of clip_matches and mention_clips."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for (clip_id,) in db.execute("SELECT id FROM clips ORDER BY id"):
        root(("clip", clip_id))
    for (mention_id,) in db.execute("SELECT id FROM mentions ORDER BY id"):
        root(("mention", mention_id))
    pairs = db.execute(
        "SELECT 'clip', clip_id, 'clip', other_clip_id FROM clip_matches"
        " UNION SELECT 'clip', clip_id, 'mention', mention_id FROM mention_clips"
    ).fetchall()
    for kind, a, other_kind, b in pairs:
        ra, rb = root((kind, a)), root((other_kind, b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    footage_of: dict[tuple[str, int], int] = {}
    now = db.execute("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").fetchone()[0]
    for node in sorted(parent):
        top = root(node)
        if top not in footage_of:
            footage_of[top] = int(
                db.execute("INSERT INTO footage (made_at) VALUES (?)", [now]).lastrowid or 0
            )
        db.execute(
            "INSERT INTO footage_members (footage_id, kind, item_id) VALUES (?, ?, ?)",
            [footage_of[top], *node],
        )


@MIGRATIONS()
def m009_fingerprint_regions(db: Database) -> None:
    """The footage regions of a clip (a split screen's halves, the clip inside a phone's
    screen recording), each hashed as a view of its own. A clip logged before has none until
    `provenance rematch --from-files` decodes it again."""
    db.executescript(
        """
        CREATE TABLE fingerprint_regions (
            clip_id INTEGER NOT NULL REFERENCES clips(id),
            region INTEGER NOT NULL,
            box TEXT NOT NULL,
            hashes BLOB NOT NULL,
            informative BLOB NOT NULL,
            PRIMARY KEY (clip_id, region)
        );
        """
    )


@MIGRATIONS()
def m010_fingerprint_upper_parts(db: Database) -> None:
    """The upper part of each clip's picture, hashed as a second view (what a lower third,
    subtitles or a caption bar leave uncovered). A clip logged before has none until
    `provenance rematch --from-files` decodes it again."""
    db.execute("ALTER TABLE fingerprints ADD COLUMN upper_hashes BLOB")


@MIGRATIONS()
def m011_matched_views(db: Database) -> None:
    """Which part of each clip a match used: the picture, its upper part, or one of its
    footage regions (a split screen's half). Matches made before say "picture"."""
    db.executescript(
        """
        ALTER TABLE clip_matches ADD COLUMN view TEXT NOT NULL DEFAULT 'picture';
        ALTER TABLE clip_matches ADD COLUMN other_view TEXT NOT NULL DEFAULT 'picture';
        """
    )


@MIGRATIONS()
def m012_clip_groups_kept_as_clips_are_matched(db: Database) -> None:
    """The groups of clips that share footage, kept in a table as clips are matched
    (provenance.clips.groups) instead of found by a recursive query over every match, which
    took over 30 minutes on a million-clip catalog. clip_groups keeps its columns."""
    db.executescript(
        """
        CREATE TABLE clip_group_members (
            clip_id INTEGER PRIMARY KEY REFERENCES clips(id),
            group_id INTEGER NOT NULL
        );
        CREATE INDEX clip_group_members_group_id ON clip_group_members(group_id);
        """
    )
    # The groups of the matches already there, by union-find, written out here: a
    # migration keeps meaning what it meant when it was released.
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in db.execute("SELECT clip_id, other_clip_id FROM clip_matches").fetchall():
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    db["clip_group_members"].insert_all(
        ({"clip_id": c, "group_id": root(c)} for c in sorted(parent)), batch_size=10_000
    )
    db.executescript(
        """
        DROP VIEW clip_groups;
        CREATE VIEW clip_groups AS
        SELECT g.group_id, g.clip_id, c.file_name, c.duration_seconds, f.first_seen,
               f.first_seen_from,
               (SELECT group_concat(DISTINCT coalesce(s.outlet, s.platform)) FROM sightings s
                 WHERE s.clip_id = g.clip_id) AS seen_at
        FROM clip_group_members g JOIN clips c ON c.id = g.clip_id
        JOIN clip_first_seen f ON f.clip_id = g.clip_id;
        """
    )


@MIGRATIONS()
def m013_first_seen_computed_per_clip(db: Database) -> None:
    """clip_first_seen with the same answers, computed clip by clip (correlated subqueries
    on the indexed sightings) instead of grouping every sighting: a query that asks about
    some clips (a group, a footage item) no longer pays for all of them. `groups` on a
    million-clip catalog: 4.8 s of view -> 2.1 s. The views that read it (clip_groups, the
    footage views) read the new one by name."""
    db.executescript(
        """
        DROP VIEW clip_first_seen;
        CREATE VIEW clip_first_seen AS
        SELECT c.id AS clip_id,
               coalesce(
                   (SELECT min(at) FROM (
                       SELECT c.creation_time AS at
                       UNION ALL
                       SELECT s.posted_at FROM sightings s
                        WHERE s.clip_id = c.id AND s.posted_at IS NOT NULL
                   ) WHERE at IS NOT NULL),
                   (SELECT min(s.logged_at) FROM sightings s WHERE s.clip_id = c.id)
               ) AS first_seen,
               CASE
                   WHEN c.creation_time IS NULL AND NOT EXISTS (
                       SELECT 1 FROM sightings s WHERE s.clip_id = c.id AND s.posted_at IS NOT NULL
                   ) THEN 'logged'
                   -- A tie between the camera's time and a posting is the camera's.
                   WHEN c.creation_time IS NOT NULL AND c.creation_time <= coalesce(
                       (SELECT min(s.posted_at) FROM sightings s WHERE s.clip_id = c.id),
                       c.creation_time
                   ) THEN 'camera'
                   ELSE 'posted'
               END AS first_seen_from
        FROM clips c;
        """
    )


@MIGRATIONS()
def m014_fingerprint_index_named(db: Database) -> None:
    """Where the candidate index kept on disk lies (provenance.clips.index_files): one row,
    written when the index is first made; `folder` is relative to the catalog's folder
    unless absolute. The index itself is files, not tables: a `log` process maps it rather
    than reading every fingerprint of the catalog."""
    db.executescript(
        """
        CREATE TABLE fingerprint_index (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            folder TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """
    )


@MIGRATIONS()
def m015_sightings_cover_first_seen(db: Database) -> None:
    """One index on sightings answers clip_first_seen and clip_groups' seen_at without
    reading a sighting's row (a covering index: clip, posting time, logging time, outlet,
    platform). `groups` on a million-clip catalog reads every member's first sighting; its
    query went from 2.7 s to 2.1 s. It replaces sightings_clip_id, its first column."""
    db.executescript(
        """
        CREATE INDEX sightings_first_seen
            ON sightings(clip_id, posted_at, logged_at, outlet, platform);
        DROP INDEX sightings_clip_id;
        """
    )


@MIGRATIONS()
def m016_region_upper_parts(db: Database) -> None:
    """The upper part of each footage region, hashed as the picture's upper part is (what a
    lower third leaves uncovered of a split screen's half or a 9:16 re-post's picture). A
    region stored before has none until `provenance rematch --from-files` decodes it again."""
    db.execute("ALTER TABLE fingerprint_regions ADD COLUMN upper_hashes BLOB")
