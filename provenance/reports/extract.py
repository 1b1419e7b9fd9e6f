"""Find every footage mention in a report and the origin chain the text states for it.

The engine is language-neutral: every word list and pattern comes from the language's JSON
file in `languages/`. For each sentence it asks:

1. Does it speak of footage (a footage noun or verb, not inside a phrase such as "stock
   footage" or "video address")?
2. Does it start a new piece of footage ("the second piece of footage", "other footage",
   "a video of ...") or speak of the one being discussed ("the video", "it was captioned")?
   A sentence that merely names footage ("Drone footage shows ...") joins the current mention
   when it shares its subject (two content words or the way it was captured) and starts a new
   one otherwise.
3. Which hops of the origin chain does it state (role patterns with {ACTOR}, {PLATFORM},
   {AGENCY} and {OUTLET} slots), with what date and statement?

Photo credits at the end of a caption ("(Daily Mail)", "(@NGUmainpage/Newsflash)") are hops
too: an outlet publishes, a handle releases, an agency distributes; an agency credit anywhere
in a report also goes to the report's lead footage, which the agency is selling.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from . import languages
from .dates import find_date, parse_reference
from .read import Report, Sentence, split_sentences

ROLE_ORDER = ("filmed", "released", "posted", "distributed", "published", "verified")
CAPTURE_KINDS = (
    "drone",
    "bodycam",
    "helmetcam",
    "phone",
    "cctv",
    "dashcam",
    "satellite",
    "compilation",
)
# Words too common to tell whether a role pattern can match a sentence.
TRIGGER_IGNORED = frozenset(
    {
        "the",
        "this",
        "that",
        "these",
        "from",
        "with",
        "its",
        "and",
        "een",
        "het",
        "van",
        "met",
        "deze",
        "video",
        "footage",
        "clip",
        "images",
        "beelden",
        "filmpje",
        "moment",
        "has",
        "have",
        "had",
        "was",
        "were",
        "been",
        "camera",
    }
)
WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")


# ---------------------------------------------------------------------------------------------
# Language data, compiled once


@dataclass
class Language:
    code: str
    data: dict[str, Any]
    footage: re.Pattern
    footage_verbs: re.Pattern
    not_footage: re.Pattern
    photo: re.Pattern
    new_cue: re.Pattern
    ordinal: re.Pattern
    reference: re.Pattern
    capture: dict[str, re.Pattern]
    roles: list[tuple[str, re.Pattern, re.Pattern]]  # role, pattern, words one of which it needs
    statement: re.Pattern
    duration: re.Pattern
    duration_context: re.Pattern
    stopwords: frozenset[str]
    definite: frozenset[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _words_re(words: list[str]) -> re.Pattern:
    return re.compile(rf"(?<![\w@-])(?:{_alternation(words)})(?![\w-])", re.IGNORECASE)


@cache
def language(code: str) -> Language:
    data = languages.load(code)
    common = languages.common()
    stop = _alternation(data["actor_stop"] + list(data["weekdays"]))
    # An actor: up to ten words, lazily, ending before punctuation or a word that starts the
    # rest of the sentence ("on Tuesday", "along with", "who ...").
    actor = (
        r"(?P<actor>(?:@[\w.]+|[\w@][\w’'.&/-]*)(?:\s+[\w@’'.&/-]+){0,14}?)"
        rf"(?=\s*(?:[,.;:()\[\]“”\"‘’]|$)|\s+(?:{stop})\b)"
    )
    platform_words = [alias for aliases in common["platforms"].values() for alias in aliases]
    platform = rf"(?P<platform>{_alternation(platform_words)})(?![\w-])"
    agency = rf"(?P<agency>{_alternation(common['agencies'])})(?![\w-])"
    outlet = rf"(?P<outlet>(?:the\s+)?{_alternation(common['outlets'])})(?![\w-])"
    roles = []
    # Patterns that name a platform go first: "shared by X on Telegram" is a posting, while
    # "shared by the ministry" alone is a release.
    templates = [(role, t) for role in ROLE_ORDER for t in data["roles"].get(role, [])]
    templates.sort(key=lambda rt: "{PLATFORM}" not in rt[1])
    for role, template in templates:
        pattern = (
            template.replace("{ACTOR}", actor)
            .replace("{PLATFORM}", platform)
            .replace("{AGENCY}", agency)
            .replace("{OUTLET}", outlet)
        )
        # The pattern's own words (its verbs and prepositions, outside the slots): a sentence
        # with none of them cannot match, and is not searched (the slots are costly).
        literal = re.sub(r"\{[A-Z]+\}|\(\?[:=!<]+|\\[sw]\+?|[()?*+|\\]", " ", template)
        needed = {w for w in re.findall(r"[^\W\d_]{3,}", literal)} - TRIGGER_IGNORED
        trigger = _words_re(sorted(needed)) if needed else re.compile("")
        roles.append((role, re.compile(pattern, re.IGNORECASE), trigger))
    numbers = _alternation(list(data["number_words"]))
    units = _alternation(list(data["duration_units"]))
    amount = rf"(?:\d+(?:[.,]\d+)?|{numbers})"
    part = rf"{amount}[\s-]+(?:{units})\b"
    duration = rf"(?P<duration>{part}(?:\s*(?:,|and|en|und|et)?\s*{part})*|\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b)"
    return Language(
        code=code,
        data=data,
        footage=_words_re(data["footage_nouns"]),
        footage_verbs=_words_re(data["footage_verbs"]),
        not_footage=_words_re(data["not_footage"]),
        photo=_words_re(data["photo_words"]),
        new_cue=_words_re(data["new_cues"]),
        ordinal=re.compile(data["ordinal_footage"], re.IGNORECASE),
        reference=_words_re(data["reference_cues"] + ["it was captioned", "was captioned"]),
        capture={kind: _words_re(words) for kind, words in data["capture"].items()},
        roles=roles,
        statement=re.compile(data["statement"], re.IGNORECASE),
        duration=re.compile(duration, re.IGNORECASE),
        duration_context=re.compile(data["duration_context"], re.IGNORECASE),
        stopwords=frozenset(data["stopwords"]),
        definite=frozenset(data.get("definite", [])),
    )


def detect_language(text: str) -> str:
    """The available language whose stopwords occur most often in the text (English on a tie)."""
    words = [w.lower() for w in WORD.findall(text[:20000])]
    best, best_count = "en", 0
    for code in languages.available():
        stop = set(languages.load(code)["stopwords"])
        count = sum(1 for w in words if w in stop)
        if count > best_count:
            best, best_count = code, count
    return best


# ---------------------------------------------------------------------------------------------
# Mentions


@dataclass
class Mention:
    sentences: list[Sentence] = field(default_factory=list)
    capture: str = "unknown"
    part_of: int | None = None
    parts: int = 0
    duration_seconds: float | None = None
    hops: list[dict[str, Any]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    event_date: str | None = None


def extract_report(report: Report, *, reference_date: str | None = None) -> dict[str, Any]:
    """The footage mentions of one report, as `extract --json` prints them."""
    lang_code = detect_language(report.text)
    reference = parse_reference(reference_date or report.date) or dt.date.today()
    mentions = find_mentions(report.text, language(lang_code), reference)
    return {
        "source": report.source,
        "language": lang_code,
        "title": report.title,
        "site_name": report.site_name,
        "date": report.date,
        "url": report.url,
        "mentions": mentions,
    }


def find_mentions(text: str, lang: Language, reference: dt.date) -> list[dict[str, Any]]:
    sentences = split_sentences(text)
    mentions: list[Mention] = []
    current: int | None = None
    lead_duration: float | None = None
    agency_credits: list[dict[str, Any]] = []
    previous: tuple[int, int] | None = None  # (paragraph, mention) of the last footage sentence
    for sentence in sentences:
        s = sentence.text
        if re.fullmatch(r"\d{1,2}:\d{2}(?::\d{2})?", s):
            # A player's length line near the top of a video page: the lead footage's length.
            if lead_duration is None and sentence.paragraph <= 3:
                lead_duration = parse_clock(s)
            continue
        credit_hops = credits(sentence, lang)
        agency_credits += [h for h in credit_hops if h["role"] == "distributed"]
        agency_credits += [
            h
            for h in sentence_hops(sentence, lang, reference)
            if h["role"] == "distributed" and not is_footage(s, lang)
        ]
        if not is_footage(s, lang):
            if (
                credit_hops
                and re.fullmatch(r"\([^()]+\)\.?", s)
                and previous
                and previous[0] == sentence.paragraph
            ):
                # A credit on its own after a caption sentence: the caption's credit.
                mentions[previous[1]].hops += credit_hops
            continue
        kind = classify(s, lang)
        if kind == "part":
            parent = (
                current
                if current is None or mentions[current].part_of is None
                else mentions[current].part_of
            )
            mentions.append(Mention(part_of=parent))
            if parent is not None:
                mentions[parent].parts += 1
            current = len(mentions) - 1
        elif (
            kind == "new"
            or current is None
            or (kind == "named" and not same_subject(mentions[current], sentence, lang))
        ):
            mentions.append(Mention())
            current = len(mentions) - 1
        mention = mentions[current]
        mention.sentences.append(sentence)
        mention.hops += sentence_hops(sentence, lang, reference) + credit_hops
        previous = (sentence.paragraph, current)
    for m in mentions:
        fill_in(m, text, sentences, lang, reference)
    if mentions:
        lead = next((m for m in mentions if m.part_of is None), mentions[0])
        if lead.duration_seconds is None and lead_duration is not None:
            lead.duration_seconds = lead_duration
        lead.hops = dedupe_hops(lead.hops + agency_credits)
    for m in mentions:
        if m.parts and m.capture == "unknown":
            m.capture = "compilation"
    return [as_dict(m, mentions) for m in mentions]


def is_footage(sentence: str, lang: Language) -> bool:
    cleaned = lang.not_footage.sub(" ", sentence)
    if not (
        lang.footage.search(cleaned)
        or lang.footage_verbs.search(cleaned)
        or lang.ordinal.search(cleaned)
    ):
        return False
    # "images" alone in a photo caption is a photo, not footage.
    nouns = {m.group(0).lower() for m in lang.footage.finditer(cleaned)}
    return not (nouns <= {"images", "image"} and lang.photo.search(sentence))


def classify(sentence: str, lang: Language) -> str:
    """'part' (an ordinal piece), 'new' (explicitly other footage), 'reference' (the footage
    being discussed) or 'named' (names footage without saying which)."""
    if lang.ordinal.search(sentence):
        return "part"
    new = lang.new_cue.search(sentence)
    ref = lang.reference.search(sentence)
    if new and _explicitly_other(new.group(0)) and (not ref or new.start() <= ref.start() + 30):
        return "new"
    if ref or definite_footage(sentence, lang):
        return "reference"
    if lang.footage_verbs.search(sentence) and not lang.footage.search(sentence):
        return "reference"  # "... was filmed saying", "it was captioned"
    return "named"


def definite_footage(sentence: str, lang: Language) -> bool:
    """'The one-minute and 20 seconds video ...': a definite article shortly before a footage noun."""
    for m in lang.footage.finditer(sentence):
        before = WORD.findall(sentence[max(0, m.start() - 60) : m.start()])[-6:]
        clause = sentence[max(0, m.start() - 60) : m.start()]
        if re.search(r"[,;:]", clause):
            before = WORD.findall(re.split(r"[,;:]", clause)[-1])[-6:]
        if before and before[0].lower() in lang.definite:
            return True
    return False


def _explicitly_other(cue: str) -> bool:
    return bool(
        re.search(
            r"\b(?:other|another|second|third|separate|different|andere|tweede|nog)\b", cue, re.I
        )
    )


def content_words(text: str, lang: Language) -> set[str]:
    return {
        w.lower()
        for w in WORD.findall(text)
        if len(w) > 3 and w.lower() not in lang.stopwords and not lang.footage.fullmatch(w)
    }


def same_subject(mention: Mention, sentence: Sentence, lang: Language) -> bool:
    """Whether a sentence that names footage speaks of the mention under discussion."""
    if all(s.paragraph == 0 for s in mention.sentences):
        return True  # the headline announces the lead footage
    shared = content_words(" ".join(s.text for s in mention.sentences), lang) & content_words(
        sentence.text, lang
    )
    if len(shared) >= 2:
        return True
    mine = capture_of(" ".join(s.text for s in mention.sentences), lang)
    return mine != "unknown" and capture_of(sentence.text, lang) == mine


def capture_of(text: str, lang: Language) -> str:
    for kind in CAPTURE_KINDS:
        pattern = lang.capture.get(kind)
        if pattern is not None and pattern.search(text):
            return kind
    return "unknown"


# ---------------------------------------------------------------------------------------------
# Hops


def sentence_hops(sentence: Sentence, lang: Language, reference: dt.date) -> list[dict[str, Any]]:
    hops = []
    taken: list[tuple[int, int]] = []
    for role, pattern, trigger in lang.roles:
        if not trigger.search(sentence.text):
            continue
        for m in pattern.finditer(sentence.text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            groups = m.groupdict()
            name = (
                groups.get("agency")
                or groups.get("outlet")
                or clean_actor(groups.get("actor"), lang)
            )
            platform = platform_of(groups.get("platform"))
            if name is None and platform is None:
                continue
            if name and is_agency(name) and role in ("released", "posted"):
                role = "distributed"
            taken.append(m.span())
            after = sentence.text[m.end() :]
            date, _ = find_date(after[:80], lang.data, reference)
            hops.append(
                make_hop(
                    role,
                    name,
                    platform,
                    sentence,
                    date=date,
                    statement=statement_in(sentence.text, lang),
                )
            )
    return hops


def credits(sentence: Sentence, lang: Language) -> list[dict[str, Any]]:
    """Hops from a photo credit closing a caption: '(Daily Mail)', '(@NGUmainpage/Newsflash)'."""
    m = re.search(r"\(([^()]{2,80})\)\s*\.?$", sentence.text)
    if not m or (len(sentence.text) < 25 and m.start() > 0):
        return []
    hops = []
    for part in re.split(r"\s*[/|;]\s*|\s*,\s*", m.group(1)):
        part = part.strip()
        if not part or re.search(
            r"\d{3,}|\bpictured\b|\bleft\b|\bright\b|\babove\b|\bbelow\b", part, re.I
        ):
            continue
        if part.startswith("@"):
            hops.append(make_hop("released", part, None, sentence, handle=part))
        elif is_agency(part):
            hops.append(make_hop("distributed", part, None, sentence))
        elif is_outlet(part) or (len(part.split()) <= 4 and part[:1].isupper()):
            hops.append(make_hop("published", part, None, sentence))
    return hops


def make_hop(
    role: str,
    actor: str | None,
    platform: str | None,
    sentence: Sentence,
    *,
    date: str | None = None,
    statement: str | None = None,
    handle: str | None = None,
) -> dict[str, Any]:
    if actor and handle is None:
        h = re.search(r"@\w+", actor)
        handle = h.group(0) if h else None
    return {
        "role": role,
        "actor": actor,
        "actor_type": actor_type(actor, platform) if actor else None,
        "platform": platform,
        "handle": handle,
        "date": date,
        "statement": statement,
        "evidence": {"start": sentence.start, "end": sentence.end, "text": sentence.text},
    }


def clean_actor(raw: str | None, lang: Language) -> str | None:
    if not raw:
        return None
    words = raw.strip(" ,.;:’'\"").split()
    articles = set(lang.data.get("articles", []))
    while words and words[0].lower() in articles:
        words = words[1:]
    if not words:
        return None
    name = " ".join(words)
    low = name.lower()
    if lang.footage.fullmatch(low) or low in (
        "it",
        "them",
        "this",
        "that",
        "him",
        "her",
        "camera",
        "drone",
        "a drone",
    ):
        return None
    if capture_of(low, lang) != "unknown" and len(words) <= 2:
        return None  # "a drone", "een bodycam": how it was filmed, not who filmed it
    actor_words = set(lang.data.get("actor_words", []))
    has_name = any(w[:1].isupper() or w.startswith("@") for w in words)
    if not has_name and not (set(low.split()) & actor_words):
        return None
    return name


def platform_of(raw: str | None) -> str | None:
    if not raw:
        return None
    key = raw.strip().lower()
    for name, aliases in languages.common()["platforms"].items():
        if key in aliases:
            return name
    return key.replace(" ", "_")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@cache
def _agency_re() -> re.Pattern:
    return _words_re(languages.common()["agencies"])


def mentions_agency(text: str) -> bool:
    return bool(_agency_re().search(text))


def is_agency(name: str) -> bool:
    return mentions_agency(name)


@cache
def _outlet_re() -> re.Pattern:
    return _words_re(languages.common()["outlets"])


def is_outlet(name: str) -> bool:
    return bool(_outlet_re().search(name))


def actor_type(name: str, platform: str | None = None) -> str:
    common = languages.common()
    folded = _fold(name)
    if name.startswith("@"):
        return "account"
    if is_agency(name):
        return "agency"
    if is_outlet(name) or any(_fold(v) == folded for v in common["verifiers"]):
        return "outlet"
    words = set(re.findall(r"[a-z]+", folded))
    if any(w in folded for w in common["ministry_words"] if " " in w) or words & set(
        common["ministry_words"]
    ):
        return "ministry"
    if words & set(common["unit_words"]) or re.search(r"\b\d+(?:st|nd|rd|th|e)\b", folded):
        return "unit"
    if "channel" in words or "kanaal" in words:
        return "channel"
    if platform and len(name.split()) == 1:
        return "account"
    return "person"


def statement_in(text: str, lang: Language) -> str | None:
    m = lang.statement.search(text)
    return m.group("statement").strip() if m else None


# ---------------------------------------------------------------------------------------------
# The rest of a mention: capture, places, duration, description


def fill_in(
    m: Mention, text: str, sentences: list[Sentence], lang: Language, reference: dt.date
) -> None:
    joined = " ".join(s.text for s in m.sentences)
    m.capture = capture_of(joined, lang)
    paragraphs = {s.paragraph for s in m.sentences}
    context = " ".join(s.text for s in sentences if s.paragraph in paragraphs)
    m.places = places_in(context)
    for s in m.sentences:
        if m.duration_seconds is None:
            m.duration_seconds = duration_in(s.text, lang)
        quote = statement_in(s.text, lang)
        if quote and quote not in m.quotes:
            m.quotes.append(quote)
    m.hops = dedupe_hops(m.hops)


@cache
def _gazetteer() -> tuple[re.Pattern, dict[str, int]]:
    """One pattern for every spelling in places.json, and each spelling's place number."""
    index = {
        spelling: n for n, spellings in enumerate(languages.places()) for spelling in spellings
    }
    pattern = re.compile(rf"(?<![\w-])(?:{_alternation(list(index))})(?![\w-])")
    return pattern, index


def places_in(text: str) -> list[str]:
    """Places named in the text: gazetteer spellings as written (one per place), then names
    the gazetteer lacks that the text calls a village, town or region."""
    pattern, index = _gazetteer()
    found: list[str] = []
    seen: set[int] = set()
    for m in pattern.finditer(text):
        if index[m.group(0)] not in seen:
            seen.add(index[m.group(0)])
            found.append(m.group(0))
    # Places the gazetteer does not know: 'the village of X', 'X village', 'near X'.
    for m in re.finditer(
        r"\b(?:village|town|city|settlement|dorp|stad)\s+(?:of\s+|van\s+)?([A-Z][\w’'-]{3,})"
        r"|\b([A-Z][\w’'-]{3,})\s+(?:village|district|region|oblast)\b",
        text,
    ):
        name = m.group(1) or m.group(2)
        if name not in found and name.lower() not in ("ukrainian", "russian", "the"):
            found.append(name)
    return found


def parse_clock(value: str) -> float:
    parts = [int(p) for p in value.split(":")]
    seconds = 0
    for p in parts:
        seconds = seconds * 60 + p
    return float(seconds)


def duration_in(sentence: str, lang: Language) -> float | None:
    """A stated length of the footage: 'one-minute and 20 seconds video', 'goed 7 minuten'."""
    numbers = lang.data["number_words"]
    units = lang.data["duration_units"]
    for m in lang.duration.finditer(sentence):
        window = sentence[max(0, m.start() - 40) : m.end() + 40]
        if not (lang.footage.search(sentence) and lang.duration_context.search(window)):
            continue
        phrase = m.group("duration")
        if ":" in phrase:
            return parse_clock(phrase)
        total = 0.0
        for amount, unit in re.findall(
            rf"(\d+(?:[.,]\d+)?|{'|'.join(map(re.escape, numbers))})[\s-]+(\w+)", phrase, re.I
        ):
            value = (
                float(amount.replace(",", ".")) if amount[0].isdigit() else numbers[amount.lower()]
            )
            total += value * units.get(unit.lower(), 0)
        if total > 0:
            return total
    return None


def dedupe_hops(hops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One hop per (role, actor); the same actor written as its initials or handle counts once."""
    out: list[dict[str, Any]] = []
    for hop in hops:
        twin = next((h for h in out if h["role"] == hop["role"] and same_actor(h, hop)), None)
        if twin is None:
            out.append(hop)
        else:
            for key in ("date", "statement", "platform", "handle"):
                twin[key] = twin[key] or hop[key]
    return sorted(out, key=lambda h: (ROLE_ORDER.index(h["role"]), h["evidence"]["start"]))


def same_actor(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["actor"] is None or b["actor"] is None:
        return a["actor"] is None and b["actor"] is None and a["platform"] == b["platform"]
    return actor_key(a["actor"]) == actor_key(b["actor"]) or initials_match(a["actor"], b["actor"])


def actor_key(name: str) -> str:
    """The same actor written differently gets one key: accents, case, 'the' and 'of' ignored."""
    words = [
        w
        for w in re.findall(r"[\w@]+", _fold(name))
        if w not in ("the", "of", "de", "het", "van", "a", "an")
    ]
    return " ".join(words)


def initials_match(a: str, b: str) -> bool:
    """'NGU' or '@NGUmainpage' and 'National Guard of Ukraine'."""
    for short, long in ((a, b), (b, a)):
        caps = re.sub(r"[^A-Z]", "", short.lstrip("@"))
        words = [
            w
            for w in re.findall(r"\w+", long)
            if w.lower() not in ("of", "the", "and", "de", "van")
        ]
        initials = "".join(w[0] for w in words).upper()
        if (
            len(words) >= 2
            and len(caps) >= 2
            and (caps == initials or (short.startswith("@") and caps.startswith(initials)))
        ):
            return True
    return False


def as_dict(m: Mention, mentions: list[Mention]) -> dict[str, Any]:
    described = next(
        (
            s.text
            for s in m.sentences
            if re.search(r"\b(?:shows?|showed|captured|te zien|toont)\b", s.text)
        ),
        m.sentences[0].text,
    )
    return {
        "capture": m.capture,
        "description": described[:300],
        "places": m.places,
        "duration_seconds": m.duration_seconds,
        "event_date": m.event_date,
        "part_of": m.part_of,
        "quotes": m.quotes,
        "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in m.sentences],
        "hops": m.hops,
    }
