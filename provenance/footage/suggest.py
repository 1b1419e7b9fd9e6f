"""Suggestions: a clip and a mention, or two mentions in different reports, proposed as the
same footage from the evidence they share. Never a link: a volunteer accepts one (`link`) or
rejects it (`reject`), and a rejected suggestion does not come back.

Each side is reduced to the same plain facts (Facts): account handles, named accounts and
outlets, platforms, dates, places, how it was filmed, its length and its distinctive words.
Evidence is what two sets of facts share, each kind with a weight; kinds that only set the
scene (a date, a place, a platform) never suggest on their own, because other footage of the
same day and town is the commonest decoy. A suggestion needs one kind that says "this very
video" (a handle, a named account, a length, several distinctive words) and a total score.
"""

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlparse

import sqlite_utils

from ..catalog.db import transaction
from ..errors import NotFoundError
from ..reports import languages
from ..reports.extract import actor_key, capture_of, initials_match, keys_name_one_actor
from ..reports.language import Lexicon, detect_language, lexicon
from ..reports.places import place_in_english, places_in
from ..reports.tokens import Token, tokenize
from ..timeutil import now_iso
from . import items

# Weights of each kind of evidence. Identifying kinds say "this very video".
WEIGHTS = {
    "handle": 3.0,  # the same account handle or channel (@NGUmainpage)
    "account": 2.0,  # the same named unit, ministry, channel or person
    "duration": 2.0,  # the stated length matches the clip's (or the other report's)
    "near_duration": 1.0,  # close, as a trimmed re-post or a rounded statement is
    "words": 0.75,  # per distinctive word both describe with, from MIN_SHARED_WORDS
    "same_day": 1.5,
    "near_day": 1.0,  # within NEAR_DAYS
    "report_window": 0.5,  # a clip posted in the days before a report that states no date
    "place": 1.5,
    "capture": 1.0,  # both drone, both bodycam ...
    "outlet": 1.0,  # the same outlet or agency carried both
    "platform": 0.5,
}
CONFLICTS = {
    "capture": -2.0,  # one is drone footage, the other bodycam: other footage
    "duration": -2.0,  # both lengths known and far apart
    # Both state dates and none is near another: other footage, unless the rest is strong.
    # Weaker between a clip and a report: a clip may be a re-post made long after.
    "date_mentions": -3.0,
    "date_clip": -1.5,
}
IDENTIFYING = {"handle", "account", "duration", "words"}
SUGGEST_AT = 4.0  # the least total score that is proposed
NEAR_DAYS = 2
REPORT_WINDOW_DAYS = 3  # a report speaks of footage posted up to this many days before it
MIN_SHARED_WORDS = 2
IDENTIFYING_WORDS = 3  # this many shared distinctive words identify the footage
MAX_WORDS_WEIGHT = 3.0
# Lengths agree within the larger of the first pair (a length identifies a video only when it
# is nearly the same), are near within the second, and conflict beyond the third.
DURATION_AGREE_SECONDS, DURATION_AGREE_SHARE = 1.0, 0.05
DURATION_NEAR_SECONDS, DURATION_NEAR_SHARE = 2.0, 0.10
DURATION_CONFLICT_SECONDS, DURATION_CONFLICT_SHARE = 5.0, 0.30
DATE_CONFLICT_DAYS = 7
# A word tells one video from another only when few reports use it: at most this share of
# the catalog's mentions (and never fewer than RARE_WORD_MIN_DOCS), by the full-text index.
RARE_WORD_SHARE = 0.01
RARE_WORD_MIN_DOCS = 2
MIN_WORD_LETTERS = 4
CANDIDATE_LIMIT = 2000  # candidates scored per new clip or mention, newest first
# Actor types whose shared name identifies footage; agencies and outlets carry many videos.
ACCOUNT_TYPES = {"unit", "ministry", "channel", "account", "person"}
OUTLET_TYPES = {"agency", "outlet"}
# A shorter name inside a longer one is the same account from two words on ("national guard"
# in "national guard ukraine"), never from one ("brigade").
ACCOUNT_MIN_WORDS = 2
PROFILE_HOSTS = (
    "t.me",
    "telegram.me",
    "twitter.com",
    "x.com",
    "instagram.com",
    "vk.com",
    "facebook.com",
    "tiktok.com",
    "youtube.com",
    "rumble.com",
)


@dataclass
class Facts:
    """What one clip or one mention says about where its footage came from."""

    handles: set[str] = field(default_factory=set)  # folded: lower case, no '@'
    accounts: set[str] = field(default_factory=set)  # actor keys of named accounts
    outlets: set[str] = field(default_factory=set)
    platforms: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)  # ISO days stated for the footage
    report_dates: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)  # English spellings, folded
    capture: str = "unknown"
    duration: float | None = None
    words: set[str] = field(default_factory=set)  # lemmas of rare, distinctive words
    article_id: int | None = None
    source: str | None = None


def fold_handle(value: str | None) -> str | None:
    value = (value or "").strip().lstrip("@").lower()
    return value if value and re.fullmatch(r"[\w.]+", value) else None


def handle_in_url(url: str | None) -> str | None:
    """The account in a post's address: t.me/NGUmainpage/4411, x.com/name/status/1, youtube.com/@name."""
    if not url:
        return None
    try:
        parsed = urlparse(url)
    except ValueError:
        return None
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    if host not in PROFILE_HOSTS:
        return None
    parts = [p for p in parsed.path.split("/") if p]
    if parts and parts[0] in ("s", "c", "user") and len(parts) > 1:
        parts = parts[1:]
    return fold_handle(parts[0]) if parts else None


def clip_facts(db: sqlite_utils.Database, clip_id: int) -> Facts:
    """A clip's facts, from the file and every sighting of it."""
    clip = db.execute(
        "SELECT duration_seconds, creation_time, media_type FROM clips WHERE id = ?", [clip_id]
    ).fetchone()
    if clip is None:
        raise NotFoundError(f"no clip {clip_id} in the catalog")
    facts = Facts(duration=clip[0] if clip[2] == "video" else None)
    if clip[1]:
        facts.dates.add(clip[1][:10])
    texts = []
    for s in db.query(
        "SELECT posted_by, outlet, platform, posted_at, source_url, title, description, note,"
        " info_json FROM sightings WHERE clip_id = ?",
        [clip_id],
    ):
        info = json.loads(s["info_json"]) if s["info_json"] else {}
        names = [s["posted_by"], info.get("uploader"), info.get("channel")]
        for name in filter(None, names):
            if handle := fold_handle(name):
                facts.handles.add(handle)
            facts.accounts.add(actor_key(name))
        for value in (info.get("uploader_id"), info.get("channel_id")):
            if handle := fold_handle(value):
                facts.handles.add(handle)
        for url in (s["source_url"], info.get("uploader_url"), info.get("channel_url")):
            if handle := handle_in_url(url):
                facts.handles.add(handle)
        if s["outlet"]:
            facts.outlets.add(actor_key(s["outlet"]))
        if s["platform"]:
            facts.platforms.add(s["platform"])
        if s["posted_at"]:
            facts.dates.add(s["posted_at"][:10])
        texts += [t for t in (s["title"], s["description"], s["note"]) if t]
    _read_text(db, facts, "\n".join(texts))
    facts.accounts.discard("")
    return facts


def mention_facts(db: sqlite_utils.Database, mention_id: int) -> Facts:
    """A mention's facts, from its hops, places and sentences."""
    m = db.execute(
        "SELECT m.capture, m.duration_seconds, m.event_date, m.evidence, a.published,"
        " a.language, a.id, coalesce(a.url, a.source), a.site_name FROM mentions m"
        " JOIN articles a ON a.id = m.article_id WHERE m.id = ?",
        [mention_id],
    ).fetchone()
    if m is None:
        raise NotFoundError(f"no mention {mention_id} in the catalog")
    capture, duration, event_date, evidence, published, lang, article_id, source, site = m
    facts = Facts(
        capture=capture or "unknown", duration=duration, article_id=article_id, source=source
    )
    if event_date:
        facts.dates.add(event_date[:10])
    if published:
        facts.report_dates.add(published[:10])
    if site:
        facts.outlets.add(actor_key(site))
    for h in db.query(
        "SELECT role, handle, platform, date, actor, actor_type FROM hop_actors"
        " WHERE mention_id = ?",
        [mention_id],
    ):
        if handle := fold_handle(h["handle"]):
            facts.handles.add(handle)
        if h["platform"] and h["platform"] != "social_media":
            facts.platforms.add(h["platform"])
        if h["date"] and h["role"] != "verified":
            facts.dates.add(h["date"][:10])
        if h["actor"]:
            if h["actor"].startswith("@") and (handle := fold_handle(h["actor"])):
                facts.handles.add(handle)
            elif h["actor_type"] in OUTLET_TYPES:
                facts.outlets.add(actor_key(h["actor"]))
            elif h["actor_type"] in ACCOUNT_TYPES and _named(h["actor"]):
                facts.accounts.add(actor_key(h["actor"]))
    facts.places = {
        p.casefold()
        for (p,) in db.execute(
            "SELECT place_en FROM mention_places WHERE mention_id = ?", [mention_id]
        )
    }
    lex = _lexicon_for(lang)
    text = " ".join(e["text"] for e in json.loads(evidence or "[]"))
    _words(db, facts, tokenize(text, lex.code), lex)
    return facts


def _named(actor: str) -> bool:
    """A name, not a description: 'Illia Ponomarenko', 'the 93rd Brigade', not 'a soldier'."""
    return any(w[:1].isupper() or w[:1].isdigit() for w in actor.split()[1:] or actor.split())


def _read_text(db: sqlite_utils.Database, facts: Facts, text: str) -> None:
    """Places, how it was filmed and distinctive words, from a post's title and text."""
    if not text.strip():
        return
    lex = _lexicon_for(detect_language(text))
    tokens = tokenize(text, lex.code)
    facts.places |= {(place_in_english(p) or p).casefold() for p in places_in(text, lex)}
    facts.capture = capture_of(text, tokens, lex)
    _words(db, facts, tokens, lex)


def _lexicon_for(lang: str | None) -> Lexicon:
    """The language's lexicon, English for a language without data."""
    return lexicon(lang if lang in languages.available() else "en")


def _words(db: sqlite_utils.Database, facts: Facts, tokens: list[Token], lex: Lexicon) -> None:
    """Lemmas of the words that tell one video from another: rare in the catalog's reports,
    and not footage words, role verbs, platform names, stop words, numbers or places."""
    places = {p.casefold() for p in facts.places}
    mentions = db.execute("SELECT max(rowid) FROM mentions").fetchone()[0] or 0
    rare_limit = int(max(RARE_WORD_MIN_DOCS, RARE_WORD_SHARE * mentions))
    for t in tokens:
        if (
            t.word
            and len(t.lower) >= MIN_WORD_LETTERS
            and t.text[:1].isalpha()
            and not lex.footage.has(t.lower, t.lemma)
            and not lex.cue_role(t.lower, t.lemma)
            and not lex.stop.has(t.lower, t.lemma)
            and not lex.platform_named(t.lower)
            and not _generic(t, lex)
            and t.lower not in places
            and t.lemma not in places
            and _rare(db, t.lower, rare_limit)
        ):
            facts.words.add(t.lemma)


@cache
def _capture_phrase_words(code: str) -> frozenset[str]:
    """The words of the language's capture phrases ("камера наблюдения", "body camera")."""
    return frozenset(
        w
        for entries in lexicon(code).data.get("capture", {}).values()
        for entry in entries
        if " " in entry
        for w in entry.lower().split()
    )


def _generic(t, lex) -> bool:
    """Words every report of footage uses: how it was filmed, months, units, channels."""
    phrase_words = _capture_phrase_words(lex.code)
    return (
        t.lower in phrase_words
        or t.lemma in phrase_words
        or lex.camera_words.has(t.lower, t.lemma)
        or any(words.has(t.lower, t.lemma) for words in lex.capture.values())
        or t.lower in lex.data.get("months", {})
        or any(
            c.has(t.lower, t.lemma)
            for c in (lex.official, lex.unit_words, lex.channel_words, lex.actor_nouns)
        )
    )


def _rare(db: sqlite_utils.Database, word: str, limit: int) -> bool:
    """Whether at most `limit` of the catalog's mentions use the word (its full-text index
    says)."""
    found = db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM mentions_fts WHERE mentions_fts MATCH ? LIMIT ?)",
        ['"' + word.replace('"', "") + '"', limit + 1],
    ).fetchone()[0]
    return found <= limit


def _has_mentions(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT 1 FROM mentions LIMIT 1").fetchone() is not None


def warm_up(db: sqlite_utils.Database) -> None:
    """Load, before a write transaction, what comparing facts needs: the language identifier
    and the dictionaries of every language the catalog's reports are in. Loading one takes up
    to a second and a half, once per process; inside the write lock it would hold every other
    volunteer's process waiting. A catalog with no reports yet needs none of it: there is
    nothing to compare a clip with (suggest_for_clip)."""
    if not _has_mentions(db):
        return
    detect_language("warm up")
    for (code,) in db.execute("SELECT DISTINCT language FROM articles"):
        if code in languages.available():
            lexicon(code)
            tokenize("video", code)


def evidence_between(a: Facts, b: Facts) -> list[dict[str, Any]]:
    """What two sets of facts share (and where they contradict), each with its weight."""
    out: list[dict[str, Any]] = []

    def add(kind: str, detail: str, weight: float | None = None) -> None:
        out.append(
            {
                "kind": kind,
                "weight": weight if weight is not None else WEIGHTS[kind],
                "detail": detail,
            }
        )

    shared = sorted(a.handles & b.handles)
    if shared:
        add("handle", "@" + shared[0])
    accounts = sorted(
        f"{x} = {y}" if x != y else x
        for x in a.accounts
        for y in b.accounts
        if keys_name_one_actor(x, y, min_words=ACCOUNT_MIN_WORDS)
    )
    if not accounts:
        accounts = [
            f"@{h} = {n}"
            for mine, theirs in ((a, b), (b, a))
            for h in sorted(mine.handles)
            for n in sorted(theirs.accounts)
            if len(h) >= 3 and initials_match(h, n)
        ]
    if accounts and not shared:
        add("account", accounts[0])
    outlets = sorted((a.outlets & b.outlets) - set(accounts))
    if outlets:
        add("outlet", outlets[0])
    days = _nearest_days(a.dates, b.dates)
    if days is not None and days[0] == 0:
        add("same_day", days[1])
    elif days is not None and days[0] <= NEAR_DAYS:
        add("near_day", days[1])
    elif days is not None and days[0] > DATE_CONFLICT_DAYS:
        conflict = CONFLICTS["date_clip" if a.article_id is None else "date_mentions"]
        add("date", days[1], conflict)
    elif days is None:
        window = _before_report(a.dates, b.report_dates) or _before_report(b.dates, a.report_dates)
        if window:
            add("report_window", window)
    places = sorted(a.places & b.places)
    if places:
        add("place", places[0])
    if "unknown" not in (a.capture, b.capture):
        if a.capture == b.capture:
            add("capture", a.capture)
        elif "compilation" not in (a.capture, b.capture):
            add("capture", f"{a.capture} / {b.capture}", CONFLICTS["capture"])
    if a.duration and b.duration:
        gap = abs(a.duration - b.duration)
        longer = max(a.duration, b.duration)
        lengths = f"{a.duration:.0f} s / {b.duration:.0f} s"
        if gap <= max(DURATION_AGREE_SECONDS, DURATION_AGREE_SHARE * longer):
            add("duration", lengths)
        elif gap <= max(DURATION_NEAR_SECONDS, DURATION_NEAR_SHARE * longer):
            add("near_duration", lengths)
        elif gap > max(DURATION_CONFLICT_SECONDS, DURATION_CONFLICT_SHARE * longer):
            add("duration", lengths, CONFLICTS["duration"])
    words = sorted(a.words & b.words)
    if len(words) >= MIN_SHARED_WORDS:
        add("words", ", ".join(words[:6]), min(MAX_WORDS_WEIGHT, WEIGHTS["words"] * len(words)))
    platforms = sorted(a.platforms & b.platforms)
    if platforms:
        add("platform", platforms[0])
    return out


def suggests(evidence: list[dict[str, Any]]) -> bool:
    """Enough evidence, and of a kind that identifies one video, to propose the pair."""
    identifying = any(
        e["weight"] > 0
        and e["kind"] in IDENTIFYING
        and (e["kind"] != "words" or len(e["detail"].split(", ")) >= IDENTIFYING_WORDS)
        for e in evidence
    )
    return identifying and score_of(evidence) >= SUGGEST_AT


def score_of(evidence: list[dict[str, Any]]) -> float:
    return round(sum(e["weight"] for e in evidence), 2)


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _nearest_days(a: set[str], b: set[str]) -> tuple[int, str] | None:
    best = None
    for x in a:
        for y in b:
            dx, dy = _day(x), _day(y)
            if dx and dy and (best is None or abs((dx - dy).days) < best[0]):
                best = (abs((dx - dy).days), x if x == y else f"{x} / {y}")
    return best


def _before_report(dates: set[str], reports: set[str]) -> str | None:
    for d in sorted(dates):
        for r in sorted(reports):
            dd, dr = _day(d), _day(r)
            if dd and dr and 0 <= (dr - dd).days <= REPORT_WINDOW_DAYS:
                return f"{d}, reported {r}"
    return None


def _iso_window(dates: Iterable[str], before: int, after: int) -> list[tuple[str, str]]:
    out = []
    for d in dates:
        day = _day(d)
        if day:
            out.append(
                (
                    (day - dt.timedelta(days=before)).isoformat(),
                    (day + dt.timedelta(days=after)).isoformat() + "T99",
                )
            )
    return out


def candidate_mentions(db: sqlite_utils.Database, facts: Facts) -> list[int]:
    """Mentions that share a handle, an account, a day, a place or a length with `facts`:
    the only ones worth scoring (each through an index)."""
    queries: list[tuple[str, list[Any]]] = [
        ("SELECT mention_id FROM hops WHERE lower(ltrim(handle, '@')) = ?", [handle])
        for handle in facts.handles | {a.replace(" ", "") for a in facts.accounts}
    ]
    queries += [
        (
            "SELECT h.mention_id FROM hops h JOIN actors a ON a.id = h.actor_id WHERE a.key = ?",
            [key],
        )
        for key in facts.accounts | facts.outlets
    ]
    for low, high in _iso_window(facts.dates, NEAR_DAYS, NEAR_DAYS):
        queries.append(("SELECT mention_id FROM hops WHERE date BETWEEN ? AND ?", [low, high]))
        queries.append(("SELECT id FROM mentions WHERE event_date BETWEEN ? AND ?", [low, high]))
    queries += [
        (
            "SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id"
            " WHERE a.published BETWEEN ? AND ?",
            [low, high],
        )
        for low, high in _iso_window(
            facts.dates | facts.report_dates, NEAR_DAYS, REPORT_WINDOW_DAYS
        )
    ]
    queries += [
        ("SELECT mention_id FROM mention_places WHERE place_en = ? COLLATE NOCASE", [place])
        for place in facts.places
    ]
    if facts.duration:
        queries.append(
            ("SELECT id FROM mentions WHERE duration_seconds BETWEEN ? AND ?", _lengths(facts))
        )
    return _ids(db, queries)


def candidate_clips(db: sqlite_utils.Database, facts: Facts) -> list[int]:
    """Clips that share a handle, an account, a day or a length with a mention's facts."""
    queries: list[tuple[str, list[Any]]] = [
        (
            "SELECT clip_id FROM sightings WHERE lower(ltrim(posted_by, '@')) = ?"
            " OR source_url LIKE ?",
            [handle, f"%/{handle}/%"],
        )
        for handle in facts.handles
    ]
    for low, high in _iso_window(facts.dates | facts.report_dates, REPORT_WINDOW_DAYS, NEAR_DAYS):
        queries.append(
            ("SELECT clip_id FROM sightings WHERE posted_at BETWEEN ? AND ?", [low, high])
        )
        queries.append(("SELECT id FROM clips WHERE creation_time BETWEEN ? AND ?", [low, high]))
    if facts.duration:
        queries.append(
            ("SELECT id FROM clips WHERE duration_seconds BETWEEN ? AND ?", _lengths(facts))
        )
    return _ids(db, queries)


def _ids(db: sqlite_utils.Database, queries: list[tuple[str, list[Any]]]) -> list[int]:
    """The distinct ids the queries give, CANDIDATE_LIMIT at most from each."""
    found: set[int] = set()
    for sql, params in queries:
        found.update(i for (i,) in db.execute(sql + f" LIMIT {CANDIDATE_LIMIT}", params))
    return sorted(found)


def _lengths(facts: Facts) -> list[float]:
    """The lengths near enough to `facts`'s to be evidence: [shortest, longest]."""
    duration = facts.duration or 0.0
    slack = max(DURATION_NEAR_SECONDS, DURATION_NEAR_SHARE * duration)
    return [duration - slack, duration + slack]


def suggest_for_clip(db: sqlite_utils.Database, clip_id: int) -> list[dict[str, Any]]:
    """Propose the clip to every mention whose evidence is enough; stored, returned as rows."""
    if not _has_mentions(db):
        return []
    facts = clip_facts(db, clip_id)
    proposals: list[tuple] = []
    for mention_id in candidate_mentions(db, facts):
        evidence = evidence_between(facts, mention_facts(db, mention_id))
        if suggests(evidence):
            proposals.append(("clip_mention", clip_id, mention_id, None, evidence))
    return _store(db, proposals)


def suggest_for_mention(db: sqlite_utils.Database, mention_id: int) -> list[dict[str, Any]]:
    """Propose the mention to clips and to other reports' mentions."""
    facts = mention_facts(db, mention_id)
    proposals: list[tuple] = []
    for clip_id in candidate_clips(db, facts):
        evidence = evidence_between(clip_facts(db, clip_id), facts)
        if suggests(evidence):
            proposals.append(("clip_mention", clip_id, mention_id, None, evidence))
    for other in candidate_mentions(db, facts):
        if other == mention_id:
            continue
        other_facts = mention_facts(db, other)
        if other_facts.article_id == facts.article_id or other_facts.source == facts.source:
            continue  # one report, or two versions of it
        evidence = evidence_between(facts, other_facts)
        if suggests(evidence):
            low, high = sorted((mention_id, other))
            proposals.append(("mention_mention", None, low, high, evidence))
    return _store(db, proposals)


def _store(db: sqlite_utils.Database, proposals: list[tuple]) -> list[dict[str, Any]]:
    """Write new suggestions (and better evidence for open ones); a decided one is kept as
    decided. Pairs already in one footage item are not proposed. Returns the open ones."""
    out = []
    for kind, clip_id, mention_id, other_id, evidence in proposals:
        a = ("clip", clip_id) if clip_id is not None else ("mention", other_id)
        if items.footage_of(db, a) == items.footage_of(db, ("mention", mention_id)):
            continue
        score = score_of(evidence)
        row = db.execute(
            "SELECT id, status, score FROM suggestions WHERE kind = ? AND mention_id = ?"
            " AND coalesce(clip_id, other_mention_id) = ?",
            [kind, mention_id, clip_id if clip_id is not None else other_id],
        ).fetchone()
        if row and row[1] != "open":
            continue
        if row:
            if score > row[2]:
                db.execute(
                    "UPDATE suggestions SET score = ?, evidence = ? WHERE id = ?",
                    [score, json.dumps(evidence, ensure_ascii=False), row[0]],
                )
            suggestion_id = row[0]
        else:
            suggestion_id = db.execute(
                "INSERT INTO suggestions (kind, clip_id, mention_id, other_mention_id, score,"
                " evidence, made_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    kind,
                    clip_id,
                    mention_id,
                    other_id,
                    score,
                    json.dumps(evidence, ensure_ascii=False),
                    now_iso(),
                ],
            ).lastrowid
        out.append(suggestion_row(db, suggestion_id))
    return out


def suggestion_row(db: sqlite_utils.Database, suggestion_id: int) -> dict[str, Any]:
    row = next(db.query("SELECT * FROM suggestions WHERE id = ?", [suggestion_id]), None)
    if row is None:
        raise NotFoundError(f"no suggestion {suggestion_id} in the catalog")
    row["evidence"] = json.loads(row["evidence"])
    return row


def open_suggestions(
    db: sqlite_utils.Database, *, every: bool = False, node: items.Node | None = None
) -> list[dict[str, Any]]:
    """Suggestions nobody has decided on whose two sides are still in different items,
    best first (`every`: decided ones too; `node`: only those involving one clip or mention)."""
    where, params = ([] if every else ["status = 'open'"]), []
    if node is not None:
        kind, item = node
        where.append(
            "clip_id = ?" if kind == "clip" else "(mention_id = ? OR other_mention_id = ?)"
        )
        params = [item] * where[-1].count("?")
    rows = []
    for row in db.query(
        "SELECT * FROM suggestions"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY score DESC, id",
        params,
    ):
        a = ("clip", row["clip_id"]) if row["clip_id"] else ("mention", row["other_mention_id"])
        if not every and items.footage_of(db, a) == items.footage_of(
            db, ("mention", row["mention_id"])
        ):
            continue
        row["evidence"] = json.loads(row["evidence"])
        rows.append(row)
    return rows


def open_suggestions_of(db: sqlite_utils.Database, node: items.Node) -> list[dict[str, Any]]:
    """The open suggestions that involve one clip or mention."""
    return open_suggestions(db, node=node)


def reject_suggestion(db: sqlite_utils.Database, suggestion_id: int, *, by: str | None) -> dict:
    """Keep a suggestion from coming back: the two are not the same footage."""
    with transaction(db):
        row = suggestion_row(db, suggestion_id)
        db.execute(
            "UPDATE suggestions SET status = 'rejected', decided_by = ?, decided_at = ?"
            " WHERE id = ?",
            [by, now_iso(), suggestion_id],
        )
        return {**row, "status": "rejected"}


def decide_pair(
    db: sqlite_utils.Database,
    a: items.Node,
    b: items.Node,
    status: str,
    by: str | None,
    *,
    at: str | None = None,
    only_open: bool = False,
) -> None:
    """Mark the suggestion between a clip and a mention, or two mentions (if there is one),
    accepted or rejected; `only_open` leaves a decided one as it was."""
    (ka, ia), (_, ib) = sorted((a, b))
    if ka == "clip":
        where, params = "kind = 'clip_mention' AND clip_id = ? AND mention_id = ?", [ia, ib]
    else:
        where, params = (
            "kind = 'mention_mention' AND mention_id = ? AND other_mention_id = ?",
            [ia, ib],
        )
    if only_open:
        where += " AND status = 'open'"
    db.execute(
        f"UPDATE suggestions SET status = ?, decided_by = ?, decided_at = ? WHERE {where}",
        [status, by, at or now_iso(), *params],
    )
