"""Find every footage mention in a report and the origin chain the text states for it.

The engine knows constructions, not words: every word comes from the report language's
lexicon (`language.py`, `languages/<code>.json`). For each sentence it asks:

1. Does it speak of footage? A footage word in any inflection or compound (by lemma, prefix
   or suffix), outside phrases where it is not footage ("video address").
2. Which footage? A footage word after a cue of another piece ("another video", "the second
   clip", "a separate video") starts a new mention; an ordinal returns to the piece it
   numbers; an indefinite footage word whose way of filming differs from the current
   mention's ("dashcam footage" after a bodycam video) is another piece; anything else speaks
   of the footage under discussion. Two pieces in one sentence ("One video shows ..., while
   another ...") split it where the second begins. A sentence with no footage word joins the
   current mention when it starts with a pronoun and states a hop ("It was later relayed by
   ...").
3. Which hops does it state (`hops.py`), and which actors (`actors.py`)?
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from . import languages
from .actors import actors_in
from .dates import parse_reference
from .hops import (
    DISTINCT_ACTS,
    SHARED,
    SOCIAL_MEDIA,
    actor_type,
    is_credit_line,
    refine_role,
    sentence_hops,
    separable_cues,
)
from .language import Lexicon, UnsupportedLanguageError, detect_language, lexicon
from .places import places_in
from .read import Report, Sentence, split_sentences
from .tokens import Token, tokenize

ROLE_ORDER = ("filmed", "released", "posted", "distributed", "published", "verified")
# Roles in which a second actor, unannounced, means a second piece: whoever filmed or first
# put it out. Outlets and verifiers are many for one piece.
SOURCE_ROLES = ("filmed", "posted")
FILMED = "filmed"
DENIED_REACH = 3  # words from "no" to the footage word it denies ("no new drone footage")
# Roles by which footage is put on a platform the report can name.
PUT_ONLINE = ("posted", "released")
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
# How far before a footage word a cue of another piece ("another", "second") may stand.
CUE_REACH = 3
COUNT_REACH = 2  # words before a footage word where its count may be
NOUN_PHRASE_REACH = 5  # words before a footage word where its determiner may be
QUOTE_OPENERS = "“\"«„‘'"
CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
LEAD_PARAGRAPHS = 3
SPEECH_REACH = 4
CAMERA_REACH = 5  # words between a camera and the verb of its filming
# Words between a stated length and a footage word ("the video, which is over three minutes
# long"): a length farther from any is something else's ("het journaal van acht uur", the
# eight o'clock news), unless the footage is what the sentence is about: a footage word among
# its first DURATION_SUBJECT_WORDS words ("The video was posted ... and runs for two minutes").
DURATION_REACH = 4
DURATION_SUBJECT_WORDS = 3
FILMER_REACH = 8  # tokens before a filming verb in which its subject is looked for
FILMER_AGENT_REACH = 4  # tokens after a passive filming verb to its "by": "filmed on X by"
CAMERA_AFTER_VERB_REACH = 14  # tokens: "filmed [what, where] with a phone", a longer object between
# Sentences since the current mention after which "a video ..." is another piece (close after
# it, "A brief clip, widely shared ..." still describes the same one). Measured on the
# development set: 2 splits more pieces than it finds, 4 is the least that helps.
INTRODUCED_GAP = 4
# With a named source of its own that the current piece lacks ("A video shared by the governor
# shows ..."), "a video" after one other sentence is another piece.
INTRODUCED_SOURCE_GAP = 2
# A line this short ("Video", "WATCH:") is a heading or a player's label, not a mention.
MIN_MENTION_WORDS = 3
CREDIT_LINE_GAP = 2  # sentences from footage to a credit line ("Source: X") that is its credit
CHECK_GAP = 2  # sentences from footage to a check of it that names no footage ("X found that")
# Words from a sentence's first footage word to a second piece's cue for the sentence to split:
# "another" alone needs a clause before it; "other footage", a piece named outright, only a verb
# ("The video came after other footage showed ...").
MIN_SPLIT = 4
MIN_NAMED_SPLIT = 2

__all__ = ["CAPTURE_KINDS", "detect_language", "extract_report", "find_mentions", "lexicon"]


@dataclass
class Mention:
    sentences: list[Sentence] = field(default_factory=list)
    capture: str = "unknown"
    ordinal: int | None = None
    part_of: int | None = None
    duration_seconds: float | None = None
    hops: list[dict[str, Any]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    event_date: str | None = None
    # "Several videos were posted on Telegram ... Another video shows ...": a mention that speaks
    # of several pieces; the first `shared` of its hops are about each piece it goes on to name
    # (the gold's rule: a sentence about several pieces is a span of the first, its hops go to
    # each). `pieces_of` is such a mention's index on the pieces named after it.
    several: bool = False
    shared: int | None = None
    pieces_of: int | None = None
    # Hops of sentences about all its pieces ("Ambos han sido publicados por X"): each piece
    # it names gets them, a compilation's parts too.
    of_each: list[dict[str, Any]] = field(default_factory=list)


def extract_report(report: Report, *, reference_date: str | None = None) -> dict[str, Any]:
    """The footage mentions of one report, as `extract --json` prints them."""
    try:
        code = detect_language(report.text)
    except UnsupportedLanguageError as e:
        raise UnsupportedLanguageError(f"{report.source}: {e}") from None
    reference = parse_reference(reference_date or report.date) or dt.date.today()
    return {
        "source": report.source,
        "language": code,
        "title": report.title,
        "site_name": report.site_name,
        "date": report.date,
        "url": report.url,
        "mentions": find_mentions(report.text, lexicon(code), reference),
    }


def find_mentions(text: str, lex: Lexicon, reference: dt.date) -> list[dict[str, Any]]:
    sentences = split_sentences(text)
    mentions: list[Mention] = []
    current: int | None = None
    last_joined = -2  # index of the last sentence that joined a mention
    lead_credits: list[dict[str, Any]] = []  # credits outside footage sentences: the lead's
    lead_duration: float | None = None
    antecedent: str | None = None  # the last actor a hop named: who "they" are
    body: str | None = None  # the last body a hop named: who "the brigade" is
    for n, sentence in enumerate(sentences):
        if CLOCK.fullmatch(sentence.text.strip()):
            # A player's length line near the top of a video page: the lead footage's length.
            if lead_duration is None and sentence.paragraph <= LEAD_PARAGRAPHS:
                lead_duration = parse_clock(sentence.text.strip())
            continue
        tokens = tokenize(sentence.text, lex.code, sentence.start)
        footage = footage_positions(sentence, tokens, lex) or _ordinal_piece(
            tokens, mentions, current, lex
        )
        credits = agency_credits(tokens, sentence, lex)
        if not footage:
            if credits:
                lead_credits += credits
                continue
            of_each = _opens_with_several(tokens, lex) and n - last_joined == 1
            credit = is_credit_line(tokens, lex) and n - last_joined <= CREDIT_LINE_GAP
            # "Фактчекери X встановили, що ...", "BOOM found that ...": a check stated right
            # after the footage is of it, though the sentence names no footage.
            check = n - last_joined <= CHECK_GAP and (
                lex.cues["verified"].any_in(tokens) or lex.speech_verbs.any_in(tokens)
            )
            referring = of_each or credit or _refers_back(tokens, lex, n - last_joined)
            if current is None or not (referring or check):
                continue
            hops = sentence_hops(
                tokens, sentence, lex, reference, speaks_of_footage=False, antecedent=antecedent
            )
            if not referring:
                hops = [h for h in hops if h["role"] == "verified" and h["actor"]]
            body = _resolve_category_nouns(hops, body, lex)
            if hops:
                antecedent = _last_actor(hops, antecedent)
                mentions[current].sentences.append(sentence)
                if of_each:
                    mentions[current].of_each += hops
                mentions[current].hops += hops
                last_joined = n
            continue
        words = sum(1 for t in tokens if t.word)
        if n == len(sentences) - 1 and sentence.headline and words >= MIN_MENTION_WORDS:
            # The text's last line ends mid-sentence: a cut excerpt names no new piece.
            words = 0
        for piece, piece_tokens, first in split_pieces(sentence, tokens, footage, lex):
            found: list[dict[str, Any]] = []
            if not piece_tokens[0].in_title or is_credit_line(piece_tokens, lex):
                # Title-case headlines capitalise every word, so no name in them can be told;
                # a credit line ("Video: Ukrainian General Staff") is all names.
                found = sentence_hops(
                    piece_tokens,
                    piece,
                    lex,
                    reference,
                    speaks_of_footage=True,
                    antecedent=antecedent,
                )
            body = _resolve_category_nouns(found, body, lex)
            known, before = len(mentions), current
            target = choose_mention(
                mentions, current, piece_tokens, first, lex, words, n - last_joined, found
            )
            if target is None:
                continue
            if target == len(mentions):
                mentions.append(Mention())
            current = target
            mention = mentions[current]
            if before is not None and _numbered_piece(piece_tokens, first, lex):
                _name_a_piece(mentions, before, current, created=current >= known)
            elif mention.ordinal is None and _names_several(piece_tokens, first, lex):
                mention.several = mention.shared is None
            mention.sentences.append(piece)
            mention.hops += found
            antecedent = _last_actor(found, antecedent)
            kind = capture_of(piece.text, piece_tokens, lex)
            if mention.capture == "unknown":
                mention.capture = kind
            last_joined = n
        if credits and last_joined == n and current is not None:
            # "A video shows the strike (Ukrainian Armed Forces/Zenger).": the sentence's own
            # credit group credits its footage.
            mentions[current].hops += credits
    if mentions:
        mentions[0].hops += lead_credits
        if mentions[0].duration_seconds is None:
            mentions[0].duration_seconds = lead_duration
    for m in mentions:
        if m.pieces_of is not None:
            whole = mentions[m.pieces_of]
            own = whole.several and whole.capture != "compilation"
            said = (whole.hops[: whole.shared] if own else []) + whole.of_each
            m.hops = [dict(h) for h in said] + m.hops
    for m in mentions:
        if m.capture == "compilation" and m.of_each:
            # "Both were posted by X" is said of the compilation's parts, not of the cut.
            m.hops = [h for h in m.hops if not any(h is x for x in m.of_each)]
        fill_in(m, sentences, lex)
    return [as_dict(m) for m in mentions]


def footage_positions(sentence: Sentence, tokens: list[Token], lex: Lexicon) -> list[int]:
    """Token indices of footage words that are footage here."""
    blocked = [
        (m.start() + sentence.start, m.end() + sentence.start)
        for m in lex.not_footage.finditer(sentence.text.lower())
    ]
    found = [
        i
        for i, t in enumerate(tokens)
        if t.word
        and lex.is_footage(t.lower, t.lemma)
        and not any(a <= t.start < b for a, b in blocked)
        and not _spoken_in(tokens, i, lex)
        and not _denied(tokens, i, lex)
    ]
    if not found:
        found = _camera_filming(tokens, lex) or _someone_filming(tokens, lex)
    stills = found and all(lex.still_only.has(tokens[i].lower, tokens[i].lemma) for i in found)
    if stills and any(lex.photo.has(t.lower, t.lemma) for t in tokens):
        return []  # "images" alone, next to a photo word, is a photo
    return found


def _denied(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """A footage word after a determiner that denies it ("No footage of the meeting was
    released", "Keine Aufnahmen", "aucune vidéo"): there is none."""
    k = i - 1
    while k >= 0 and i - k <= DENIED_REACH and tokens[k].word:
        if lex.no_determiners.has(tokens[k].lower, tokens[k].lemma):
            return True
        k -= 1
    return False


def _camera_filming(tokens: list[Token], lex: Lexicon) -> list[int]:
    """A camera that films, with no footage word: "A surveillance camera captured the moment",
    "Камера наблюдения зафиксировала вспышку". The camera stands for its footage."""
    filmed = lex.cues["filmed"]
    lowers = [t.lower for t in tokens]
    for i, t in enumerate(tokens):
        if t.word and lex.camera_words.has(t.lower, t.lemma):
            after = tokens[i + 1 : i + 1 + CAMERA_REACH]
            # "hielt den Angriff fest", "legde de aanval vast": a separable verb's particle
            # ends the clause.
            separable = separable_cues(lowers, i + 1, len(tokens), lex)
            if filmed.any_in(after) or any(role == "filmed" for _, role in separable):
                return [i]
            # "a resident filmed a helicopter ... with a mobile phone", "зняв на телефон":
            # the camera after the verb that films with it.
            before = tokens[max(0, i - CAMERA_AFTER_VERB_REACH) : i]
            if any(x.word and filmed.has(x.lower, x.lemma) for x in before):
                return [i]
    return []


def _someone_filming(tokens: list[Token], lex: Lexicon) -> list[int]:
    """Someone who films, with no footage word: "A resident filmed the moment the missile
    hit", "Местный житель снял момент попадания". The filming verb stands for the footage
    when an actor is its subject (active voice: "the film was shot in 2019" is not)."""
    lowers = [t.lower for t in tokens]
    for i, t in enumerate(tokens):
        if not t.word or not (
            lex.filming_verbs.has(t.lower, t.lemma) or lex.filming_verbs.phrase_at(lowers, i)
        ):
            continue
        if any(lex.passive_aux.has(x.lower, x.lemma) for x in tokens[max(0, i - 3) : i]):
            # "The strike was filmed by a resident": a passive counts with its agent.
            agent = next(
                (
                    k
                    for k in range(i + 1, min(len(tokens), i + 1 + FILMER_AGENT_REACH))
                    if lex.agent.has(tokens[k].lower, tokens[k].lemma)
                ),
                None,
            )
            if agent is not None and actors_in(
                tokens, agent + 1, min(len(tokens), agent + 1 + FILMER_REACH), lex
            ):
                return [i]
            continue
        if actors_in(tokens, max(0, i - FILMER_REACH), i, lex):
            return [i]
    return []


def _spoken_in(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """ "he said in the video", "заявил в видео": a speaker's video address, not footage."""
    window = tokens[max(0, i - SPEECH_REACH) : i]
    for k, t in enumerate(window):
        if lex.speech_verbs.has(t.lower, t.lemma):
            return any(lex.speech_preps.has(x.lower, x.lemma) for x in window[k + 1 :])
    return False


def split_pieces(
    sentence: Sentence, tokens: list[Token], footage: list[int], lex: Lexicon
) -> list[tuple[Sentence, list[Token], int]]:
    """The sentence, or its parts when it names two pieces ("One video ..., while another
    ..."): each with its tokens and the index (in those tokens) of its first footage word."""
    first = footage[0]
    cut, named = None, False
    for i in range(first + 1, len(tokens)):
        t = tokens[i]
        if not lex.new_cues.has(t.lower, t.lemma) or tokens[i - 1].cap:
            continue
        after_break = tokens[i - 1].kind == "punct" or (i >= 2 and tokens[i - 2].text == ",")
        names_footage = any(k in footage for k in range(i + 1, i + 3))
        # "... came after other footage showed ...": a second piece named outright splits the
        # sentence anywhere; "another" alone ("while another captures") only after a break.
        if names_footage or (after_break and _numbered_one(tokens, first, lex)):
            cut, named = i, names_footage
            break
    if cut is None or cut - first < (MIN_NAMED_SPLIT if named else MIN_SPLIT):
        return [(sentence, tokens, first)]
    if tokens[cut - 1].kind == "punct":
        split_at = tokens[cut - 1].start
    elif cut >= 2 and tokens[cut - 2].text == ",":
        split_at = tokens[cut - 2].start
    else:
        split_at = tokens[cut].start  # "The video came after | other footage showed ..."
    head_text = sentence.text[: split_at - sentence.start].rstrip(" ,;")
    head = Sentence(sentence.start, sentence.start + len(head_text), head_text, sentence.paragraph)
    tail_start = tokens[cut].start
    tail = Sentence(
        tail_start, sentence.end, sentence.text[tail_start - sentence.start :], sentence.paragraph
    )
    tail_tokens = tokens[cut:]
    tail_first = next((k - cut for k in footage if k > cut), 0)  # "another" alone: itself
    return [(head, tokens[:cut], first), (tail, tail_tokens, tail_first)]


CREDIT_GROUP = re.compile(r"\(([^()]{2,80})\)\s*\.?\s*$")
CREDIT_ITEMS = 4
AGENCY_LINE_TOKENS = 12  # "Uploaded by a Newsflare content partner": an agency's own short line


def agency_credits(tokens: list[Token], sentence: Sentence, lex: Lexicon) -> list[dict[str, Any]]:
    """A trailing credit group "(@NGUmainpage/Newsflash)" or an agency's own line ("Uploaded
    by a Newsflare content partner"): who supplied the report's footage. Only a group of short
    names of which one is an agency, an outlet or a handle counts, so "(pictured)" does not."""
    from .hops import actor_type, credit_items

    m = CREDIT_GROUP.search(sentence.text)
    if m:
        items = [_without_source_word(x.strip(), lex) for x in re.split(r"[/,;]", m.group(1))]
        items = [x for x in items if x]
        if 0 < len(items) <= CREDIT_ITEMS and all(len(x.split()) <= 5 for x in items):
            kinds = ["platform" if lex.platform_named(x) else actor_type(x, lex) for x in items]
            if any(k in ("agency", "outlet", "account", "platform") for k in kinds):
                standalone = m.start() == 0
                if standalone or any(lex.photo.has(t.lower, t.lemma) for t in tokens):
                    # A photo's credit (alone on its line, it follows a caption): the agency
                    # that sells the footage, the outlet that ran it, the platform it came
                    # from; not the photographer or whoever is pictured.
                    keep = ("agency", "outlet", "platform")
                    items = [x for x, k in zip(items, kinds, strict=True) if k in keep]
                return credit_items(items, sentence, lex)
    if len(tokens) > AGENCY_LINE_TOKENS:
        return []
    agency = _agency_re().search(sentence.text)
    if agency and any(lex.cues["posted"].has(t.lower, t.lemma) for t in tokens):
        return credit_items([agency.group(0)], sentence, lex)
    return []


def _without_source_word(item: str, lex: Lexicon) -> str:
    """ "From Twitter" -> "Twitter", "via Reuters" -> "Reuters", "Photo: ANP" -> "ANP"."""
    label, colon, rest = item.partition(":")
    label = label.strip().lower()
    if (
        colon
        and rest.strip()
        and label
        and (lex.credit_labels.has(label, label) or lex.photo_labels.has(label, label))
    ):
        item = rest.strip()
    words = item.split()
    if len(words) > 1 and any(
        s.has(words[0].lower(), words[0].lower()) for s in lex.sources.values()
    ):
        return " ".join(words[1:])
    return item


@cache
def _agency_re() -> re.Pattern:
    """Any agency of common.json, at word boundaries."""
    names = sorted(languages.common()["agencies"], key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, names))})(?![\w-])")


def _numbered_one(tokens: list[Token], first: int, lex: Lexicon) -> bool:
    """Whether the first footage word is numbered one ("One video ..."), so that a later
    "another" alone ("while another captures ...") is the second piece."""
    return any(lex.ordinals.get(t.lower) == 1 for t in tokens[max(0, first - CUE_REACH) : first])


def choose_mention(
    mentions: list[Mention],
    current: int | None,
    tokens: list[Token],
    first: int,
    lex: Lexicon,
    words: int,
    gap: int,
    hops: list[dict[str, Any]],
) -> int | None:
    """The index of the mention this sentence speaks of; len(mentions) for a new one; None for
    a line too short to be a mention. `hops` are the sentence's own."""
    new = len(mentions) if words >= MIN_MENTION_WORDS else None
    window = tokens[max(0, first - CUE_REACH) : first + 1]
    ordinal = _opening_ordinal(tokens, lex)
    if ordinal is None:
        ordinal = next((lex.ordinals[t.lower] for t in window if t.lower in lex.ordinals), None)
    if ordinal is not None:
        numbered = next((k for k, m in enumerate(mentions) if m.ordinal == ordinal), None)
        if numbered is not None:
            return numbered
        whole = _compilation_of(mentions, current)
        if whole is None and current is not None and _names_a_part(window, lex):
            whole = current  # "This footage shows ... The first piece of footage ..."
        if (
            ordinal == 1
            and whole is None
            and current is not None
            and mentions[current].ordinal is None
        ):
            mentions[current].ordinal = 1  # "Two videos ... The first video": the same piece
            return current
        if new is not None:
            # The pieces of a compilation are mentions of their own, parts of the whole.
            mentions.append(Mention(ordinal=ordinal, part_of=whole))
            return len(mentions) - 1
        return current
    if current is None:
        return new
    if _new_cue_before(tokens, first, lex):  # "another video", "ще одне відео"
        return new if new is not None else current
    before = window[:-1]
    introduced = any(lex.indefinite.has(t.lower, t.lemma) for t in before)
    # The words before the footage word that point back to a piece: "the", "this", "на".
    pointing = [
        t
        for t in _noun_phrase_before(tokens, first)
        if lex.determiners.has(t.lower, t.lemma) or lex.pronouns.has(t.lower, t.lemma)
    ]
    definite = not introduced and bool(pointing)
    shifted = _time_shift_before(tokens, first, lex)
    if (
        introduced
        and (gap >= INTRODUCED_GAP or shifted)
        and new is not None
        and not _only_headlines(mentions[current])
    ):
        return new  # "Earlier, a video of a soldier ..." after other matters: another piece
    if (
        introduced
        and gap >= INTRODUCED_SOURCE_GAP
        and new is not None
        and mentions[current].hops
        and _new_named_source(hops, mentions[current].hops)
    ):
        # "A video posted on Telegram shows ... [other matters] A video shared by X shows ...":
        # a piece with an origin of its own, then "a video" with another. (A first piece with
        # no origin yet is the lead's or the claim's, which the body tells again.)
        return new
    if (
        not definite
        and not lex.additive.any_in(tokens)  # "Y also posted the video"
        and new is not None
        and _another_source(hops, mentions[current].hops)
    ):
        return new  # "X posted a video of the strike ... Y posted a video from a shop's camera"
    kind = capture_of(" ".join(t.text for t in tokens), tokens, lex)
    known = mentions[current].capture
    if not definite and new is not None and kind != "unknown" and known not in ("unknown", kind):
        return new
    # "das Video", "the clip"; not "на запись" (a preposition that also points back)
    pointed = any(not lex.locative_preps.has(t.lower, t.lemma) for t in pointing)
    if (
        not pointed
        and new is not None
        and kind not in ("unknown", known)
        and lex.additive.any_in(tokens)
        and not any(h["actor"] for h in hops)
    ):
        # "Прилет также попал на запись автомобильного видеорегистратора", "The blast was
        # also caught by a dashcam": another camera caught it too; an actor who "also
        # posted" it speaks of the same piece.
        return new
    if definite:
        # "the bodycam footage" after another piece: the bodycam piece named before (the way
        # of filming said in the footage word's own noun phrase).
        phrase = [*_noun_phrase_before(tokens, first), tokens[first]]
        named = capture_of(" ".join(t.text for t in phrase), phrase, lex)
        same = [k for k, m in enumerate(mentions) if m.capture == named and k != current]
        if named != "unknown" and known != named and same:
            return same[-1]
    return current


def _ordinal_piece(
    tokens: list[Token], mentions: list[Mention], current: int | None, lex: Lexicon
) -> list[int]:
    """ "Two videos emerged. The first shows ... The second shows ...": after footage of
    several pieces, an ordinal that opens a sentence stands for a piece; its position, as a
    footage word's."""
    at = _opening_ordinal_at(tokens, lex)
    if current is None or at is None:
        return []
    m = mentions[current]
    if not (m.several or m.ordinal is not None or m.pieces_of is not None or m.part_of is not None):
        return []
    return [at]


def _opening_ordinal(tokens: list[Token], lex: Lexicon) -> int | None:
    """ "El segundo (primera secuencia del vídeo) es del 1 de marzo": a sentence that opens
    with an ordinal standing for a piece is about that piece, whatever ordinals follow."""
    at = _opening_ordinal_at(tokens, lex)
    return None if at is None else lex.ordinals[tokens[at].lower]


def _opening_ordinal_at(tokens: list[Token], lex: Lexicon) -> int | None:
    """The token index of the ordinal that follows a sentence's opening determiners."""
    words = [k for k, t in enumerate(tokens) if t.word]
    n = 0
    while n < len(words) and lex.determiners.has(tokens[words[n]].lower, tokens[words[n]].lemma):
        n += 1
    if n == 0 or n >= len(words):
        return None  # a bare "One video ..." is counted by the window as before
    at = words[n]
    return at if tokens[at].lower in lex.ordinals else None


def _numbered_piece(tokens: list[Token], first: int, lex: Lexicon) -> bool:
    """ "The first video", "another clip", "ще одне відео": a footage word that counts pieces."""
    window = tokens[max(0, first - CUE_REACH) : first]
    return any(t.lower in lex.ordinals for t in window) or _new_cue_before(tokens, first, lex)


def _new_cue_before(tokens: list[Token], first: int, lex: Lexicon) -> bool:
    """A word for another piece before the footage word, in its noun phrase: "another video",
    "ще одне відео"; not "Later in the video" (a moment of this one, past a preposition)."""
    lo = max(0, first - CUE_REACH)
    lowers = [t.lower for t in tokens]
    verb_between = False
    for k in range(first, lo - 1, -1):  # first itself: "while another captures ..."
        t = tokens[k]
        if lex.locative_preps.has(t.lower, t.lemma) or lex.speech_preps.has(t.lower, t.lemma):
            return False
        if lex.new_cues.has(t.lower, t.lemma) or lex.new_cues.phrase_at(lowers, k):
            # Past a verb, only inside a noun phrase that opens with its determiner: "the
            # previously released footage", not "we have previously debunked videos".
            return (
                not verb_between
                or k == 0  # the phrase opens the sentence or its second piece
                or lex.determiners.has(tokens[k - 1].lower, tokens[k - 1].lemma)
            )
        if k < first and t.word and lex.cue_role(t.lower, t.lemma):
            verb_between = True
    return False


def _names_several(tokens: list[Token], first: int, lex: Lexicon) -> bool:
    """ "Several videos", "both clips", "two videos", "такі відео": more than one piece."""
    if lex.several.any_in(tokens[max(0, first - CUE_REACH) : first]):
        return True
    # A count right before the noun ("two short videos"), not a name's number ("Antena 3").
    return any(
        lex.number_words.get(t.lower, 0) >= 2 or (t.text.isdecimal() and int(t.text) >= 2)
        for t in tokens[max(0, first - COUNT_REACH) : first]
    )


def _name_a_piece(mentions: list[Mention], before: int, target: int, *, created: bool) -> None:
    """A numbered piece ("The first video ...", "Another video ...") after a mention of several:
    the hops said of all of them so far are said of this piece too."""
    whole_at = before if mentions[before].several else mentions[before].pieces_of
    if mentions[target].part_of is not None:
        # A compilation's own hops are not its parts' ("two videos cut into one, aired by X"),
        # only what was said of each of them.
        whole_at = mentions[target].part_of
    if whole_at is None:
        return
    whole = mentions[whole_at]
    if whole.several and whole.shared is None:
        whole.shared = len(whole.hops)
    if created and target != whole_at:
        mentions[target].pieces_of = whole_at


def _opens_with_several(tokens: list[Token], lex: Lexicon) -> bool:
    """ "Both were posted by X", "Ambos han sido publicados": a sentence whose subject is
    several pieces, named before."""
    words = [t for t in tokens if t.word]
    lowers = [t.lower for t in words]
    n = lex.several.length_at(words, lowers, 0)
    if not n or n >= len(words):
        return False
    # An auxiliary right after it: "Both were posted", "Ambos han sido publicados"; not
    # "Several tweets with pictures were posted" (a noun of its own, "tweets" a verb too).
    return bool(lex.passive_aux.length_at(words, lowers, n))


def _noun_phrase_before(tokens: list[Token], first: int) -> list[Token]:
    """The words before a footage word in its noun phrase, as far as NOUN_PHRASE_REACH back
    and not past punctuation other than a hyphen: "The unverified and undated clip"."""
    start = first
    while start > 0 and first - start < NOUN_PHRASE_REACH and tokens[start - 1].word:
        start -= 1
    return tokens[start:first]


def _another_source(hops: list[dict[str, Any]], known: list[dict[str, Any]]) -> bool:
    """Whether a sentence has a named actor film or post footage, not said to be the same
    piece, where the current piece already has another actor in that role: two posters of
    one piece are told apart by a word that points back ("also shared the video")."""
    for hop in hops:
        if hop["actor"] is None or hop["role"] not in SOURCE_ROLES:
            continue
        rivals = [h for h in known if h["role"] == hop["role"] and h["actor"]]
        if rivals and not any(same_actor(hop, h) for h in rivals):
            return True
    return False


def _new_named_source(hops: list[dict[str, Any]], known: list[dict[str, Any]]) -> bool:
    """Whether a sentence names an actor who filmed or posted footage and whom the current
    piece does not have."""
    return any(
        h["actor"] is not None
        and h["role"] in SOURCE_ROLES
        and not any(k["actor"] and same_actor(h, k) for k in known)
        for h in hops
    )


def _compilation_of(mentions: list[Mention], current: int | None) -> int | None:
    """The compilation under discussion (the current mention or the one it is part of)."""
    if current is None:
        return None
    m = mentions[current]
    if m.part_of is not None:
        return m.part_of
    return current if m.capture == "compilation" else None


def _names_a_part(window: list[Token], lex: Lexicon) -> bool:
    return any(lex.part_words.has(t.lower, t.lemma) for t in window)


def _time_shift_before(tokens: list[Token], first: int, lex: Lexicon) -> bool:
    """ "Two days earlier, they had released a video ...": another time, another piece."""
    return lex.time_shift.any_in(tokens[:first])


def _only_headlines(m: Mention) -> bool:
    return all(s.headline for s in m.sentences)


ELIDED_ARTICLE = re.compile(r"^\w{1,2}['’](?=\w)")  # "l'", "d'" before a noun
# Kinds of actor that a bare noun can stand for once the report has named one ("the
# brigade", "the agency's Telegram channel", "канал").
BODY_KINDS = ("unit", "ministry", "agency", "outlet", "channel")


def _resolve_category_nouns(
    hops: list[dict[str, Any]], body: str | None, lex: Lexicon
) -> str | None:
    """A hop whose actor is only a common noun for a kind of body ("the agency", "the
    brigade") is the last body the report named, where that body is of the kind or its name
    holds the noun: "The SBU released footage. It was shared on the agency's Telegram
    channel." "Agency" names official agencies as often as news agencies, so it stands for
    either. Returns the last body named once these hops are read."""
    for hop in hops:
        noun, kind = hop["actor"], hop["actor_type"]
        if noun is None or kind not in BODY_KINDS:
            continue
        noun = ELIDED_ARTICLE.sub("", noun)  # "L'agence"
        if body is None or " " in noun or not noun.islower():
            body = noun
            continue
        named_kind = actor_type(body, lex)
        fits = (
            kind == named_kind
            or (kind == "agency" and named_kind == "ministry")
            or noun in actor_key(body).split()
        )
        if fits and actor_key(noun) != actor_key(body):
            hop["actor"], hop["actor_type"] = body, named_kind
            official = named_kind in ("unit", "ministry")
            if hop["role"] not in DISTINCT_ACTS or (hop["role"] == "verified" and official):
                # "The agency said ... near Yevpatoria": what an official body says of
                # footage is its release, no check (as hops._placed_by has it)
                hop["role"] = refine_role("released", named_kind)
    return body


def _last_actor(hops: list[dict[str, Any]], before: str | None) -> str | None:
    named = [h["actor"] for h in hops if h["actor"]]
    return named[-1] if named else before


def _refers_back(tokens: list[Token], lex: Lexicon, distance: int) -> bool:
    """A sentence right after footage that begins with a pronoun ("It was later relayed")."""
    if distance != 1 or not tokens:
        return False
    if tokens[0].text in QUOTE_OPENERS:
        return True  # the post's own words, quoted: "“An accurate grenade drop ...,” tweeted X"
    words = [t for t in tokens if t.word]
    # Adverbs of time first do not change what the sentence speaks of ("Вперше його
    # опублікував ...", "Later it was shared").
    first = next((t for t in words if not lex.adverbs.has(t.lower, t.lemma)), None)
    if first is None:
        return False
    # A pronoun ("It was later relayed"), or, where a subject may go unsaid, a verb first:
    # "Fue difundido por el canal X", "Опублікував його канал X"; or a pronoun beside a
    # passive auxiliary inside it ("Wie X zeigt, wurde es 2019 aufgenommen").
    return (
        lex.pronouns.has(first.lower, first.lemma)
        or lex.passive_aux.has(first.lower, first.lemma)
        or lex.cue_role(first.lower, first.lemma) is not None
        or any(
            lex.passive_aux.has(a.lower, a.lemma)
            and lex.pronouns.has(b.lower, b.lemma)
            and not lex.determiners.has(b.lower, b.lemma)
            for a, b in itertools.pairwise(words)
        )
    )


def capture_of(text: str, tokens: list[Token], lex: Lexicon) -> str:
    """How the footage was filmed, by the first capture word the text uses."""
    best, best_at = "unknown", None
    lowered = text.lower()
    # Most tokens are no capture word at all: find those that are once, then ask each kind.
    found = [t for t in tokens if t.word and lex.any_capture.has(t.lower, t.lemma)]
    for kind in CAPTURE_KINDS:
        words = lex.capture.get(kind)
        at = next((t.start for t in found if words and words.has(t.lower, t.lemma)), None)
        phrase = lex.capture_phrases.get(kind)
        m = phrase.search(lowered) if phrase else None
        if m and (at is None or m.start() < at - (tokens[0].start if tokens else 0)):
            at = m.start() + (tokens[0].start if tokens else 0)
        if at is not None and (best_at is None or at < best_at):
            best, best_at = kind, at
    return best


def fill_in(m: Mention, sentences: list[Sentence], lex: Lexicon) -> None:
    paragraphs = {s.paragraph for s in m.sentences}
    context = " ".join(s.text for s in sentences if s.paragraph in paragraphs)
    m.places = places_in(context, lex)
    statement = _statement_re(lex)
    for s in m.sentences:
        if m.duration_seconds is None:
            m.duration_seconds = duration_in(s.text, lex)
        q = statement.search(s.text) if statement else None
        if q and q.group("statement").strip() not in m.quotes:
            m.quotes.append(q.group("statement").strip())
    for h in m.hops:
        q = statement.search(h["evidence"]["text"]) if statement else None
        if q and h["statement"] is None and h["actor"]:
            h["statement"] = q.group("statement").strip()
    settle_shared(m.hops)
    m.hops = dedupe_hops(m.hops)


def settle_shared(hops: list[dict[str, Any]]) -> None:
    """An official body's own footage is its release, whatever the verb; a body that shares
    footage someone else filmed ("filmed by a neighbour ... shared by the emergency service
    on Telegram") posted it (corpus rule)."""
    filmers = [h for h in hops if h["role"] == FILMED and h["actor"]]
    for hop in hops:
        if hop.pop(SHARED, False) and any(not _filmed_by_its_own(f, hop) for f in filmers):
            hop["role"] = "posted"


def _filmed_by_its_own(filmer: dict[str, Any], body: dict[str, Any]) -> bool:
    """Whether the filmer is the body or one of its people ("a member of the 22nd Brigade"),
    or the body is only a noun ("the unit's page") that cannot be told from the filmer's."""
    if same_actor(filmer, body) or (" " not in body["actor"] and body["actor"].islower()):
        return True
    return set(actor_key(body["actor"]).split()) <= set(actor_key(filmer["actor"]).split())


def _statement_re(lex: Lexicon) -> re.Pattern | None:
    pattern = lex.data.get("statement")
    return re.compile(pattern, re.IGNORECASE) if pattern else None


def parse_clock(value: str) -> float:
    seconds = 0
    for p in value.split(":"):
        seconds = seconds * 60 + int(p)
    return float(seconds)


def duration_in(sentence: str, lex: Lexicon) -> float | None:
    """A stated length of the footage: '45-second video', 'video van goed 7 minuten', 'de 71
    secondes durende beelden'; only next to a footage word (DURATION_REACH) or in a sentence
    about the footage."""
    numbers = lex.data.get("number_words", {})
    units = lex.data.get("duration_units", {})
    if not units:
        return None
    number = "|".join(map(re.escape, sorted(numbers, key=len, reverse=True))) or "(?!)"
    # Stems of compound adjectives: "16-секундне відео", "10-секундной записи".
    stems = lex.data.get("duration_stems", {})
    unit = "|".join(
        [rf"{re.escape(s)}\w*" for s in sorted(stems, key=len, reverse=True)]
        + [re.escape(u) for u in sorted(units, key=len, reverse=True)]
    )
    amount = rf"(?:\d+(?:[.,]\d+)?|{number})"
    pattern = re.compile(
        rf"(?P<duration>\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b"
        rf"|(?<!\w){amount}[\s-]+(?:{unit})\b(?:[\s,-]+(?:and|en|und|et|y|и|і|та)?\s*{amount}[\s-]+(?:{unit})\b)?)",
        re.IGNORECASE,
    )
    words = [t for t in tokenize(sentence, lex.code) if t.word]
    footage_at = [k for k, t in enumerate(words) if lex.is_footage(t.lower, t.lemma)]
    for m in pattern.finditer(sentence):
        opens_with_footage = bool(footage_at) and footage_at[0] < DURATION_SUBJECT_WORDS
        if not opens_with_footage and not _near_footage(words, footage_at, m.start(), m.end()):
            continue
        phrase = m.group("duration")
        if ":" in phrase:
            return parse_clock(phrase)
        total = 0.0
        for value, name in re.findall(
            rf"(\d+(?:[.,]\d+)?|{number})[\s-]+(\w+)", phrase, re.IGNORECASE
        ):
            v = float(value.replace(",", ".")) if value[0].isdigit() else numbers[value.lower()]
            scale = units.get(name.lower()) or next(
                (n for stem, n in stems.items() if name.lower().startswith(stem)), 0
            )
            total += v * scale
        if total > 0:
            return total
    return None


def _near_footage(words: list[Token], footage_at: list[int], start: int, end: int) -> bool:
    """Whether a footage word is within DURATION_REACH words of the text between start and end."""
    inside = [k for k, t in enumerate(words) if t.end > start and t.start < end]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    return any(first - DURATION_REACH - 1 <= f <= last + DURATION_REACH + 1 for f in footage_at)


def dedupe_hops(hops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One hop per actor (the same actor written as initials or a handle counts once), and no
    platform-only hop where an actor's hop already names that platform."""
    out: list[dict[str, Any]] = []
    for hop in hops:
        twin = next(
            (
                h
                for h in out
                if same_actor(h, hop)
                and (h["actor"] or h["role"] == hop["role"])
                # who filmed or checked it and also put it out did two things ("the army
                # filmed and released it", "passed to Reuters, which verified it"): both
                # hops stand
                and (bool(DISTINCT_ACTS & {h["role"], hop["role"]}) <= (h["role"] == hop["role"]))
            ),
            None,
        )
        if twin is None:
            twin = next((h for h in out if _one_named_within(h, hop)), None)
            if twin is not None and len(hop["actor"]) > len(twin["actor"]):
                # "Correctiv" and "die Faktenchecker von Correctiv", "BBC" and "BBC Verify"
                # doing one thing: one hop, under the fuller name.
                twin["actor"], twin["actor_type"] = hop["actor"], hop["actor_type"]
        if twin is None:
            out.append(hop)
            continue
        if (
            hop["actor"]
            and ROLE_ORDER.index(hop["role"]) < ROLE_ORDER.index(twin["role"])
            and twin["role"] != "verified"
        ):
            twin["role"] = hop["role"]
        for key in ("date", "statement", "platform", "handle"):
            twin[key] = twin[key] or hop[key]
    named_platforms = {h["platform"] for h in out if h["actor"] and h["platform"]}
    out = [h for h in out if h["actor"] or h["platform"] not in named_platforms]
    # "circulating on social media" says less than any other post the report names ("posted
    # on Twitter", "shared by X"): it stands only alone.
    if any(h["role"] in PUT_ONLINE and h["platform"] not in (None, SOCIAL_MEDIA) for h in out):
        out = [h for h in out if h["actor"] or h["platform"] != SOCIAL_MEDIA]
    return sorted(out, key=lambda h: (ROLE_ORDER.index(h["role"]), h["evidence"]["start"]))


def _one_named_within(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two hops of one role whose actors' words are one within the other's."""
    return (
        a["role"] == b["role"]
        and bool(a["actor"] and b["actor"])
        and keys_name_one_actor(actor_key(a["actor"]), actor_key(b["actor"]))
    )


def same_actor(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["actor"] is None or b["actor"] is None:
        return a["actor"] is None and b["actor"] is None and a["platform"] == b["platform"]
    return actor_key(a["actor"]) == actor_key(b["actor"]) or initials_match(a["actor"], b["actor"])


def keys_name_one_actor(a: str, b: str, *, min_words: int = 1) -> bool:
    """Two actor keys that name one actor: equal, or the shorter's words (at least
    `min_words` of them) all in the longer ('national guard', 'national guard ukraine')."""
    if a == b:
        return bool(a)
    wa, wb = set(a.split()), set(b.split())
    small, big = sorted((wa, wb), key=len)
    return len(small) >= min_words and small <= big


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def actor_key(name: str) -> str:
    """The same actor written differently gets one key: accents, case, 'the' and 'of' ignored."""
    words = [
        w for w in re.findall(r"[\w@]+", _fold(name)) if w not in languages.common()["name_fillers"]
    ]
    return " ".join(words)


def initials_match(a: str, b: str) -> bool:
    """'NGU' or '@NGUmainpage' and 'National Guard of Ukraine'."""
    for short, long in ((a, b), (b, a)):
        caps = re.sub(r"[^A-Z]", "", short.lstrip("@"))
        words = [
            w
            for w in re.findall(r"\w+", long)
            if w.lower() not in languages.common()["initials_fillers"]
        ]
        initials = "".join(w[0] for w in words).upper()
        if (
            len(words) >= 2
            and len(caps) >= 2
            and (caps == initials or (short.startswith("@") and caps.startswith(initials)))
        ):
            return True
    return False


def as_dict(m: Mention) -> dict[str, Any]:
    return {
        "capture": m.capture,
        "description": next((s for s in m.sentences if not s.headline), m.sentences[0]).text[:300],
        "places": m.places,
        "duration_seconds": m.duration_seconds,
        "event_date": m.event_date,
        "part_of": m.part_of,
        "quotes": m.quotes,
        "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in m.sentences],
        "hops": m.hops,
    }
