"""The hops one sentence states: a role cue (a verb such as post, release, verify, or a
credit label) tied to an actor by the clause's grammar, with the platform and date nearby.

Ties, tried in this order for every cue of a clause:
1. a passive agent: "posted by X", "gedeeld door X", "von X veröffentlicht" (the agent
   preposition may stand before or after its verb);
2. a source preposition: "obtained from X", "courtesy of X", "via X";
3. an active subject: "X posted the video" (the nearest actor before the verb, or the
   sentence's subject before an apposition); in languages that put the subject after the verb
   ("Відео опублікував радник МВС ..."), the actor right after it;
4. no actor, only a platform: "The clip was shared on Telegram".
Credit lines ("Source: X", "Bron: CNN, AP", "(Video: @handle/Telegram)") give a hop per item.

Roles then follow from who the actor is (corpus rule): an official body's own footage is
released whatever the verb, an agency distributes, an outlet publishes.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from . import languages
from .actors import MAX_ACTOR_TOKENS, NAME_DETERMINERS, ActorSpan, actor_at, actors_in, phrase_text
from .dates import find_date
from .language import Lexicon, WordClass, lexicon
from .places import places_in
from .tokens import Token, lemma_of

CLAUSE_BREAK = frozenset(";:()[]—–!?")
# How far (in tokens) a cue reaches for its agent preposition, and a verb for its subject.
AGENT_REACH = 6
AGENT_BEFORE = 4
# "shown by X", "captured on camera by X": a verb that is a hop only with its agent takes one
# close by; in "appearing to show men abused by soldiers" the agent is the nearer verb's.
SEEN_AGENT_BEFORE = 2
NEGATION_REACH = 4  # "could not be independently verified"
SUBJECT_GAP = 3
LABEL_WORDS = 4  # words of a credit label before its colon: "Capture d'écran de la vidéo"
PARTICLE_REACH = 4  # words of a separable verb's object before its particle ("the new video")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")  # "filmed in 2022": when it is from
POST_REACH = 3  # tokens between a post noun and its platform: "a post on X", "a Telegram post"
RECEIVER_REACH = 2  # tokens from a verb to "to X": "passed on to X", "provided to X"
ACCORDING_WORDS = 3  # the longest "according to" phrase: "nach Angaben", "за даними"
CAMERA_OWNER_REACH = 4  # tokens from an owner to its camera: "officer's body camera"
# Tokens after a verb of having to its footage: "beschikt over de exclusieve beelden".
HELD_REACH = 4
# Who holds footage: an outlet publishes it, an agency distributes it, a body releases it.
HOLDER_ROLES = {"outlet": "published", "agency": "distributed"}
# Roles that are not a hand-over of the footage: filming it, checking it.
DISTINCT_ACTS = frozenset({"filmed", "verified"})
OBJECT_GAP = 2
WHERE_WORDS = 4  # words of where it went ("у мережу", "в Telegram") between a verb and its subject
SOURCE_REACH = 4
# A sentence that starts with its subject: the subject's phrase begins within this many tokens.
SUBJECT_START = 2
SPEECH_OPENING = 3  # index of the latest opening speech verb: "Об этом сообщил X", "As X said"
PHRASE_MAX = 6  # the longest multi-word platform name, in tokens
CHANNEL_REACH = 10  # tokens after a verb in which the channel it posted on is named
QUOTE_ENDS = "»\"”’'"
QUOTES_AROUND = "«»\"“”„‘’'"  # any quote mark, opening or closing, in any language
STATEMENT_ENDS = ",—–-:"  # after a quoted statement, before who said it


def platform_at(
    tokens: list[Token], i: int, lex: Lexicon, lowers: list[str] | None = None
) -> tuple[str, int] | None:
    """The platform named at token i and how many tokens it takes."""
    t = tokens[i]
    lowers = lowers if lowers is not None else [x.lower for x in tokens[: i + PHRASE_MAX]]
    if t.word and "-" in t.lower and lex.channel_words.has(t.lower, t.lemma):
        # "Telegram-kanaal", "Facebook-Seite", "YouTube-канал": a channel on the platform its
        # first part names
        first = t.lower.split("-", 1)[0]
        for name, words in lex.platform_words.items():
            if words.has(first, first):
                return name, 1
    if t.kind != "url" and not (
        lex.any_platform.has(t.lower, t.lemma) or lex.any_platform.phrase_at(lowers, i)
    ):
        return None
    for name, words in lex.platform_words.items():
        n = words.phrase_at(lowers, i)
        if n:
            return name, n
    if t.word or t.kind == "url":
        for name, words in lex.platform_words.items():
            if words.has(t.lower, t.lemma):
                return name, 1
    if t.kind == "url" and "t.me/" in t.lower:
        return "telegram", 1
    return None


def platforms_in(tokens: list[Token], lo: int, hi: int, lex: Lexicon) -> list[tuple[int, str]]:
    out = []
    i = lo
    lowers = [x.lower for x in tokens]
    while i < hi:
        found = platform_at(tokens, i, lex, lowers)
        if found:
            out.append((i, found[0]))
            i += found[1]
        else:
            i += 1
    return out


def clauses(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges between clause punctuation and commas."""
    out, start = [], 0
    for i, t in enumerate(tokens):
        if t.kind == "punct" and (t.text in CLAUSE_BREAK or t.text == ","):
            if i > start:
                out.append((start, i))
            start = i + 1
    if start < len(tokens):
        out.append((start, len(tokens)))
    return out


def cue_role(token: Token, lex: Lexicon) -> str | None:
    return lex.cue_role(token.lower, token.lemma)


def _used_as_verb(tokens: list[Token], i: int, lo: int, lex: Lexicon) -> bool:
    """A cue that is only a verb's lemma as written ("confirm", "air", "screen") is a verb
    after "to" or a modal ("was able to confirm", "kunnen verifiëren"); elsewhere it is
    often a noun ("air defences")."""
    t = tokens[i]
    if not lex.bare_lemma_cue(t.lower, t.lemma):
        return True
    words = [x for x in tokens[lo:i] if x.word][-2:]
    # the word right before, or the one before it past a clitic ("a pu en confirmer")
    if len(words) == 2 and lex.determiners.has(words[1].lower, words[1].lemma):
        words = words[1:]
    return any(
        lex.infinitive_markers.has(x.lower, x.lemma) or lex.modals.has(x.lower, x.lemma)
        for x in words
    )


def source_role(
    tokens: list[Token], i: int, lex: Lexicon, lowers: list[str]
) -> tuple[str, int] | None:
    """A source preposition at token i ("from", "courtesy of", "via") and its length."""
    if not lex.any_source.length_at(tokens, lowers, i):
        return None
    for role, words in lex.sources.items():
        n = words.length_at(tokens, lowers, i)
        if n:
            return role, n
    return None


def sentence_hops(
    tokens: list[Token],
    sentence: Any,
    lex: Lexicon,
    reference: dt.date | None,
    *,
    speaks_of_footage: bool,
    antecedent: str | None = None,
) -> list[dict[str, Any]]:
    """The hops a sentence states. Source prepositions count only in a sentence that speaks of
    footage ("footage from the brigade"), not in one that merely has "from" in it. A pronoun
    subject ("they had released a video") is `antecedent`, the last actor the report named."""
    hops: list[dict[str, Any]] = []
    vouched: list[dict[str, Any]] = []  # "according to X": X's release, if no one else is named
    credit = credit_hops(tokens, sentence, lex)
    if credit is not None:
        return credit
    date, _ = find_date(sentence.text, lex.data, reference)
    lowers = [x.lower for x in tokens]
    has_cue = (
        any(cue_role(t, lex) for t in tokens)
        or phrase_cues(lowers, 0, len(tokens), lex)
        or separable_cues(lowers, 0, len(tokens), lex)
    )
    subject = _sentence_subject(tokens, lex) if has_cue else None
    before_clause: list[tuple[int, str]] = []  # the platforms of the clause before
    for lo, hi in clauses(tokens):
        # A capitalised word inside a sentence is a name's ("Air Assault Brigade"), not a verb.
        separable = separable_cues(lowers, lo, hi, lex)
        separable_at = {i for i, _ in separable}
        cues = [
            (i, r)
            for i in range(lo, hi)
            if (i == 0 or not tokens[i].cap)
            and i not in separable_at
            and (r := cue_role(tokens[i], lex))
            and _used_as_verb(tokens, i, lo, lex)
        ]
        cues += phrase_cues(lowers, lo, hi, lex) + separable
        platforms = platforms_in(tokens, lo, hi, lex)
        # "encontraron el vídeo en YouTube, publicado en 2019 por X": a clause that opens with
        # its participle was put where the clause before ends
        opens_with_cue = any(c == lo for c, _ in cues)
        carried = before_clause[-1:] if opens_with_cue and not platforms else []
        before_clause = platforms
        platforms = platforms or carried
        used_cues: set[int] = set()
        taken: list[ActorSpan] = []
        # 0. Who checked it, named by a noun of checking: "An analysis by Bellingcat shows
        # ...", "Une recherche inversée menée par l'AFP montre ...", "Eine Analyse von X
        # zeigt" (not the agent of the verb after it).
        if speaks_of_footage:
            for checker in _checkers(tokens, lowers, lo, hi, lex):
                taken.append(checker)
                hops.append(_hop("verified", checker, None, sentence, date, lex))
        # 1. Passive agents.
        for i in range(lo, hi):
            if not lex.agent.has(tokens[i].lower, tokens[i].lemma) or not cues:
                continue
            if lex.recipient_preps.has(tokens[i].lower, tokens[i].lemma) and not any(
                _passive(tokens, c, lo, lex) for c, _ in cues if c < i
            ):
                continue  # "X distributed the footage to outlets": to whom (2e), not by whom
            if _ends_according(tokens, i, lex, lowers):
                continue  # "nach Angaben von X", "volgens gegevens van X": said by, not done by
            cue = _governing_cue(cues, i, tokens, lowers, lex)
            if (
                cue is not None
                and cue[1] not in DISTINCT_ACTS
                and lex.recipient_preps.has(tokens[i].lower, tokens[i].lemma)
            ):
                continue  # "was passed to local journalists": who got it (2e), not who gave it
            actor = actor_at(tokens, i + 1, hi, lex)
            if actor is None and cue is not None:
                actor = _agent_of_instrument(tokens, i + 1, hi, lex)
            if cue is None or actor is None or _negated(tokens, cue[0], lo, lex):
                continue  # "could not be independently verified by X": no hop
            if _is_taken(actor, taken):
                continue  # a checker's "by" (step 0)
            actor = _owner_of_channel(tokens, actor, lex)  # "by the agency's official account"
            used_cues.add(cue[0])
            taken.append(actor)
            platform = _platform_near(platforms, cue[0], actor)
            hops.append(_hop(cue[1], actor, platform, sentence, date, lex))
        # 2. Source prepositions.
        for i in range(lo, hi):
            found = source_role(tokens, i, lex, lowers)
            if not found:
                continue
            role, n = found
            if role == ACCORDING:
                # "According to the General Staff, the video shows ...": an official body that
                # vouches for footage put it out; anyone else is only quoted.
                if i + n < hi and lex.agent.has(tokens[i + n].lower, tokens[i + n].lemma):
                    n += 1  # "nach Angaben von X"
                said_by = actor_at(tokens, i + n, hi, lex) if speaks_of_footage else None
                checked_by = _verifier_after(tokens, i + n, hi, lex) if speaks_of_footage else None
                if checked_by is not None or (said_by is not None and _verifies(said_by, lex)):
                    # "According to Bellingcat's researchers", "Selon les vérifications de
                    # l'AFP": a checker's finding.
                    found_by = checked_by or said_by
                    assert found_by is not None
                    taken.append(found_by)
                    hops.append(_hop("verified", found_by, None, sentence, date, lex))
                    continue
                if said_by is not None and actor_type(said_by.text, lex) in ("unit", "ministry"):
                    taken.append(said_by)
                    vouched.append(_hop("released", said_by, None, sentence, date, lex))
                continue
            active = [
                c for c in cues if not lex.passive_only.has(tokens[c[0]].lower, tokens[c[0]].lemma)
            ]
            cue = _nearest(active, i, SOURCE_REACH)
            if cue is None and any(a.end == i for a in taken):
                # "obtained by X from Y": the verb of the agent right before serves both.
                cue = _nearest([c for c in cues if c[0] in used_cues], i, len(tokens))
            if cue is None and (not speaks_of_footage or (role == "source" and n == 1)):
                # "footage from Bakhmut": a bare "from" needs a verb ("obtained from"); a
                # phrase is one ("afkomstig van", "stammt von", "provenant de").
                continue
            actor = actor_at(tokens, i + n, hi, lex)
            if actor is None or _owns_camera(tokens, actor, hi, lex):
                continue  # "from a police officer's body camera": who filmed it (2b)
            # "afkomstig van het Telegram-kanaal van de Oekraïense marine": the body whose
            # channel it is, on that channel's platform
            actor = _owner_of_channel(tokens, actor, lex)
            if cue is not None:
                # "shared from X's account": the verb's role; "obtained from X", "provided
                # by X": X supplied it, a release whoever X is (corpus rule), and the verb's
                # subject, who received it, keeps a hop of its own ("AP obtained the video
                # from a resident").
                if role != "source" or cue[1] != "released":
                    used_cues.add(cue[0])
                role = cue[1] if role == "source" and cue[1] != "released" else role
            taken.append(actor)
            hops.append(_hop(role, actor, _platform_near(platforms, i, actor), sentence, date, lex))
        # 2b. Whose camera: "met de bodycam van de Oekraïense soldaat", "a police officer's
        # body camera" (the camera's owner filmed it).
        for owner in _camera_owners(tokens, lo, hi, lex):
            if not _is_taken(owner, taken):
                taken.append(owner)
                hops.append(_hop("filmed", owner, None, sentence, date, lex))
        # 2c. Footage that belongs to a body: "the ministry's video", "footage from the
        # Defence Ministry", "видео Минобороны" are its release (a body, an agency, an
        # outlet or an account: "a video from Myanmar" or "of a soldier" is its content).
        for owner, role in _footage_owners(tokens, lowers, lo, hi, lex):
            if not _is_taken(owner, taken):
                taken.append(owner)
                where = _platform_near(platforms, owner.start) if role == "source" else None
                hops.append(_hop(role, owner, where, sentence, date, lex))
        # 2f. A post's words with the footage: '"Another one down," the brigade wrote on
        # Telegram, sharing a video'. A writing verb with a platform in its clause is a post.
        if speaks_of_footage and platforms:
            for writer in _writers(tokens, lo, hi, lex, subject, platforms):
                if not _is_taken(writer, taken):
                    taken.append(writer)
                    where = _platform_near(platforms, writer.start, writer)
                    hops.append(_hop("posted", writer, where, sentence, date, lex))
        # 2e. Who received it from the verb's actor: "provided to CNN", "passed to the
        # Associated Press" (an outlet published it, an agency distributed it).
        for receiver in _receivers(tokens, lo, hi, lex, cues):
            if not _is_taken(receiver, taken):
                taken.append(receiver)
                got_as = HOLDER_ROLES[actor_type(receiver.text, lex)]
                hops.append(_hop(got_as, receiver, None, sentence, date, lex))
        # 2d. Who holds the footage: "The army says it has video of ...", "Al-Jazeera zegt te
        # beschikken over de beelden".
        for holder in _holders(tokens, lowers, lo, hi, lex, subject):
            if not _is_taken(holder, taken):
                taken.append(holder)
                held_as = HOLDER_ROLES.get(actor_type(holder.text, lex), "released")
                hops.append(_hop(held_as, holder, None, sentence, date, lex))
        # 3. Active subjects; 4. a platform alone.
        for i, role in cues:
            if i in used_cues:
                continue
            filming_with_camera = role == "filmed" and any(
                lex.camera_words.has(t.lower, t.lemma) for t in tokens[lo:hi]
            )  # "A bystander captured the blast on his phone": a verb that films, actively
            if (
                lex.passive_only.has(tokens[i].lower, tokens[i].lemma)
                and not filming_with_camera
                and i not in separable_at
            ):
                # "appeared on social media", "з'явилося в соцмережах": where it was put, and
                # the channel if one is named ("появился в Telegram-канале «X»").
                platform = _platform_near(platforms, i)
                if platform is not None and not any(
                    lex.agent.has(t.lower, t.lemma) for t in tokens[i + 1 : hi]
                ):
                    channel = _channel_after(tokens, i, hi, lex)
                    if channel is None and lex.verb_final:
                        # "das auf dem Telegram-Kanal der Nationalgarde erschien"
                        channel = _channel_in(tokens, max(lo, i - CHANNEL_REACH), i, lex)
                    hops.append(_hop("posted", channel, platform, sentence, date, lex))
                    continue
                # "Die ARD zeigte die Aufnahmen", "CNN showed the footage": an outlet that
                # shows it, as the subject, published it (the footage as subject shows events);
                # journalists who confirm it verified it ("Автентичність відео підтвердили
                # журналісти"); an official body that confirms speaks of events.
                by = None
                if not _relative_on_footage(tokens, i, lex):  # "the video, which shows"
                    by = _active_subject(tokens, i, lo, hi, lex, subject, platforms)
                if by is not None and _is_taken(by, taken):
                    continue  # "An analysis by X shows the video ...": X checked it (step 0)
                if _negated(tokens, i, lo, lex):
                    continue  # "Moscou n'a pas confirmé", "CNN did not air the footage"
                kind = actor_type(by.text, lex) if by is not None else None
                if (role == "published" and kind == "outlet") or (
                    role == "verified" and kind not in (None, "unit", "ministry")
                ):
                    hops.append(_hop(role, by, platform, sentence, date, lex))
                continue
            if _negated(tokens, i, lo, lex):
                continue  # "could not independently verify the footage"
            passive = _passive(tokens, i, lo, lex) or _relative_on_footage(tokens, i, lex)
            actor = None if passive else _subject(tokens, i, lo, lex, subject)
            if (
                actor is subject
                and actor is not None
                and actor.end <= lo
                and lex.subject_after_verb
            ):
                # A clause that opens with its verb, in a language whose subject may follow
                # it, has its own subject after it ("..., а оприлюднив його командир").
                actor = _subject_after(tokens, i, hi, lex, platforms) or actor
            if actor is None and not passive:
                actor = _relative_antecedent(tokens, lo, i, lex)  # "the BBC, which analysed"
            if actor is None and antecedent and _pronoun_subject(tokens, i, lo, lex):
                actor = ActorSpan(i, i, antecedent, "name")
            if actor is None and _starts_clause(tokens, i, lo):
                # Speech inversion: "..., tweeted Special Kherson Cat".
                after = actor_at(tokens, i + 1, hi, lex)
                actor = after if after is not None and after.start == i + 1 else None
            if actor is None:
                actor = _channel_after(tokens, i, hi, lex)
            if actor is None and not passive and _fronted_participle(tokens, i, lo, lex):
                # "Gefilmt hat die Szene ein Anwohner": the subject after the auxiliary
                actor = _subject_after(tokens, i + 1, hi, lex, platforms)
            if actor is None and lex.verb_final and (passive or _aux_after(tokens, i, hi, lex)):
                # "das in russischen Telegram-Kanälen geteilt wird": the channel before it
                actor = _channel_in(tokens, max(lo, i - CHANNEL_REACH), i, lex)
            if actor is None and (lex.subject_after_verb or _object_first(tokens, lo, i, lex)):
                actor = _subject_after(tokens, i, hi, lex, platforms)
            if (
                actor is not None
                and _is_taken(actor, taken)
                and not _relative_antecedent_of(tokens, i, actor, lex)
            ):
                # "filmed by X and later shared on Telegram": X is the first verb's agent; the
                # footage is the subject of the second, put on a channel if one is named, or
                # where the subject may follow its verb, it follows ("Відео зняв боєць, а
                # оприлюднив його командир").
                actor = _channel_after(tokens, i, hi, lex)
                if actor is None and lex.subject_after_verb:
                    after = _subject_after(tokens, i, hi, lex, platforms)
                    taken_already = after is not None and _is_taken(after, taken)
                    actor = None if taken_already else after
            platform = _platform_near(platforms, i, actor)
            if actor is None and platform is None:
                continue
            if actor is not None and actor.start > i:
                # Found after its verb, it is that verb's ("снято военнослужащим и
                # опубликовано Министерством"): the next verb looks past it.
                taken.append(actor)
            hops.append(_hop(role, actor, platform, sentence, date, lex))
    for checker in _placed_by(tokens, sentence, lex, subject):
        if not any(h["actor"] == checker.text for h in hops):
            hops.append(_hop("verified", checker, None, sentence, date, lex))
    if speaks_of_footage:
        poster = _poster_of_post(tokens, lex)
        if poster is not None and not any(h["actor"] == poster[0].text for h in hops):
            hops.append(_hop("posted", poster[0], poster[1], sentence, date, lex))
    if not any(h["actor"] for h in hops):
        # "According to the police, the video was filmed by a passer-by": the police are
        # quoted, not the footage's source; alone, an official body vouches for its own.
        hops += vouched
    # "A spokesperson for the brigade confirmed that the video was genuine": a body that
    # vouches for its footage, not a check of it.
    return [h for h in hops if not (h["role"] == "verified" and _spokesperson(h["actor"], lex))]


def _spokesperson(name: str | None, lex: Lexicon) -> bool:
    if not name:
        return False
    words = _name_words(name.lower())
    return _named_by(words, [lemma_of(w, lex.code) for w in words], lex.spokespeople)


OWNER_KINDS = ("unit", "ministry", "agency", "outlet", "account")
# A word of a name, compounds and elisions kept whole ("état-major", "l'état-major").
NAME_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
SOCIAL_MEDIA = "social_media"  # the platform of "online", "on social media": any of them
ACCORDING = "according"  # the sources key of "according to", "volgens", "laut", "за даними"


def _footage_owners(
    tokens: list[Token], lowers: list[str], lo: int, hi: int, lex: Lexicon
) -> list[tuple[ActorSpan, str]]:
    """Bodies whose footage a clause names: "X's video", "video from X", "video van X", and
    in languages whose genitive follows its noun, "видео X" (an actor right after the footage
    word), with the role "source". A person described by a noun that footage comes from
    ("footage from a local resident", "відео від очевидця") filmed it: a person is no
    release's source, and a bare name after "from" is too often a place to count."""
    owners = []
    for i in range(lo, hi):
        t = tokens[i]
        if not t.word or not lex.is_footage(t.lower, t.lemma):
            continue
        # "the ministry's video" (before the 's), "Reuters footage" (right before the word)
        mark = _possessive_mark(tokens, lo, i)
        found = _phrase_ending_at(tokens, lo, i if mark is None else mark, lex)
        if found is None and i + 1 < hi:
            after = i + 1
            source = source_role(tokens, after, lex, lowers)
            if source and source[0] == "source":
                found = actor_at(tokens, after + source[1], hi, lex)
                if (
                    found is not None
                    and found.kind == "described"
                    and actor_type(found.text, lex) == "person"
                ):
                    owners.append((found, "filmed"))
                    continue
            elif lex.owner_preps.has(tokens[after].lower, tokens[after].lemma):
                candidate = actor_at(tokens, after + 1, hi, lex)
                found = (
                    candidate if candidate is not None and candidate.start <= after + 2 else None
                )
            elif lex.subject_after_verb:
                candidate = actor_at(tokens, after, hi, lex)
                found = candidate if candidate is not None and candidate.start == after else None
        if found is not None and actor_type(found.text, lex) in OWNER_KINDS:
            owners.append((found, "source"))
    return owners


def _is_taken(span: ActorSpan, taken: list[ActorSpan]) -> bool:
    """Whether an earlier step of the clause already gave this phrase its hop."""
    return any(a.start == span.start for a in taken)


def _writers(
    tokens: list[Token],
    lo: int,
    hi: int,
    lex: Lexicon,
    subject: ActorSpan | None,
    platforms: list[tuple[int, str]],
) -> list[ActorSpan]:
    """Who wrote a post: the subject of a writing verb, before it, after it where the
    language lets it stand there, or right after it following a quote ('", wrote X')."""
    out = []
    for i in range(lo, hi):
        t = tokens[i]
        if not t.word or not lex.writing_verbs.has(t.lower, t.lemma):
            continue
        writer = _active_subject(tokens, i, lo, hi, lex, subject, platforms)
        quoted_before = any(x.text in QUOTES_AROUND for x in tokens[max(0, i - 3) : i])
        if writer is not None and quoted_before and _in_quotes(tokens, writer):
            writer = None  # "«Ще один», — написали ...": the post's words, not its writer
        if writer is None:
            after = actor_at(tokens, i + 1, hi, lex)
            if (
                after is not None
                and quoted_before
                and _words_between(tokens, i + 1, after.start, lex) <= 1
            ):
                writer = after  # "«Encore un», a écrit la brigade sur Telegram"
        if writer is not None and not lex.platform_named(writer.text):
            out.append(writer)
    return out


def _in_quotes(tokens: list[Token], span: ActorSpan) -> bool:
    """Whether a phrase is quoted: a quote mark opens it or closes it."""
    opens = span.text[:1] in QUOTES_AROUND or (
        span.start > 0 and tokens[span.start - 1].text in QUOTES_AROUND
    )
    closes = span.end < len(tokens) and tokens[span.end].text in QUOTES_AROUND
    return opens or closes


def _placed_by(
    tokens: list[Token], sentence: Any, lex: Lexicon, subject: ActorSpan | None
) -> list[ActorSpan]:
    """An outlet or a checker who says where or when footage is from checked it (the corpus's
    rule): "Reuters said the video was filmed in Kharkiv", "El medio TCH indica que ... cerca
    de Kharkiv". Official bodies are left out: their word about their own footage is a
    release."""
    out = []
    for i, t in enumerate(tokens):
        if not t.word or not lex.speech_verbs.has(t.lower, t.lemma):
            continue
        said = sentence.text[t.end - sentence.start :]
        if not (places_in(said, lex) or YEAR.search(said)):
            continue
        speaker = _active_subject(tokens, i, 0, len(tokens), lex, subject, [])
        if speaker is None:
            # The verb's own clause: "The channel X, which has a million subscribers,
            # claimed" has its subject before the clause that opens at the verb.
            lo = max((a for a, _ in clauses(tokens) if a <= i), default=0)
            if lo:
                speaker = _active_subject(tokens, i, lo, len(tokens), lex, subject, [])
        if speaker is None:
            continue
        kind = actor_type(speaker.text, lex)
        if kind in ("outlet", "agency", "channel") or _verifies(speaker, lex):
            out.append(speaker)
    return out


def _poster_of_post(tokens: list[Token], lex: Lexicon) -> tuple[ActorSpan, str] | None:
    """ "In a post on X accompanying the video, Minister Y said ...", "In a Telegram post, the
    brigade said ...": the subject of the clause after an opening phrase that names a post on
    a platform posted it there."""
    parts = clauses(tokens)
    if len(parts) < 2:
        return None
    lo, hi = parts[0]
    noun = next(
        (k for k in range(lo, hi) if lex.post_nouns.has(tokens[k].lower, tokens[k].lemma)), None
    )
    if noun is None:
        return None
    near = [p for p in platforms_in(tokens, lo, hi, lex) if abs(p[0] - noun) <= POST_REACH]
    if not near:
        return None
    next_lo, next_hi = parts[1]
    found = actors_in(tokens, next_lo, next_hi, lex)
    if not found or found[0].start - next_lo > SUBJECT_START or lex.platform_named(found[0].text):
        return None
    return found[0], near[0][1]


def _receivers(
    tokens: list[Token], lo: int, hi: int, lex: Lexicon, cues: list[tuple[int, str]]
) -> list[ActorSpan]:
    """Outlets and agencies after a recipient preposition right after a verb that hands
    footage on (not one of checking: "confirmed to Reuters that the video was genuine")."""
    out = []
    verbs = {c[0] for c in cues if c[1] not in DISTINCT_ACTS}
    for i in range(lo + 1, hi):
        t = tokens[i]
        if not lex.recipient_preps.has(t.lower, t.lemma):
            continue
        if not any(k in verbs for k in range(max(lo, i - RECEIVER_REACH), i)) and not any(
            k in verbs and _only_the_object(tokens, k + 1, i, lex)
            for k in range(max(lo, i - PARTICLE_REACH - 1), i)
        ):
            continue
        receiver = actor_at(tokens, i + 1, hi, lex)
        if (
            receiver is not None
            and receiver.kind != "described"  # "distributed it to international outlets"
            and actor_type(receiver.text, lex) in HOLDER_ROLES
        ):
            out.append(receiver)
    return out


def _holders(
    tokens: list[Token],
    lowers: list[str],
    lo: int,
    hi: int,
    lex: Lexicon,
    subject: ActorSpan | None,
) -> list[ActorSpan]:
    """Subjects of a verb of having whose object is footage, right after it."""
    out = []
    for i in range(lo, hi):
        n = lex.possession.length_at(tokens, lowers, i)
        if not n:
            continue
        held = next(
            (
                k
                for k in range(i + n, min(hi, i + n + HELD_REACH))
                if lex.is_footage(tokens[k].lower, tokens[k].lemma)
            ),
            None,
        )
        if held is None or any(
            cue_role(t, lex) or lex.speech_verbs.has(t.lower, t.lemma) for t in tokens[i + n : held]
        ):
            continue  # "has said the video ...", "has posted a video": an auxiliary
        holder = _subject(tokens, i, lo, lex, subject)
        if holder is not None and (
            holder.kind != "described" or actor_type(holder.text, lex) != "person"
        ):
            out.append(holder)  # "a resident has a video" is a witness, not a release
    return out


def _owns_camera(tokens: list[Token], actor: ActorSpan, hi: int, lex: Lexicon) -> bool:
    """Whether the actor phrase is followed by its camera: "a police officer's body camera"."""
    after = tokens[actor.end : min(hi, actor.end + CAMERA_OWNER_REACH)]
    return (
        bool(after)
        and after[0].lower == "'s"
        and any(lex.camera_words.has(t.lower, t.lemma) for t in after[1:])
    )


def _agent_of_instrument(tokens: list[Token], i: int, hi: int, lex: Lexicon) -> ActorSpan | None:
    """ "filmed by a drone operated by the 47th Brigade", "gefilmd door een drone bestuurd door
    X": an agent that is no actor, a participle, and the agent who works it."""
    k = i
    while k < hi and lex.determiners.has(tokens[k].lower, tokens[k].lemma):
        k += 1
    if k + 3 > hi or not all(t.word for t in tokens[k : k + 2]):
        return None
    if cue_role(tokens[k + 1], lex) or not lex.agent.has(tokens[k + 2].lower, tokens[k + 2].lemma):
        return None
    found = actor_at(tokens, k + 3, hi, lex)
    return found if found is not None and found.start <= k + 3 + NAME_DETERMINERS else None


def _camera_owners(tokens: list[Token], lo: int, hi: int, lex: Lexicon) -> list[ActorSpan]:
    """Actors whose camera filmed the footage: "the bodycam of X", "X's body camera"."""
    owners = []
    for i in range(lo, hi):
        t = tokens[i]
        if not t.word or not lex.camera_words.has(t.lower, t.lemma):
            continue
        if i + 1 < hi and lex.actor_preps.has(tokens[i + 1].lower, tokens[i + 1].lemma):
            owner = actor_at(tokens, i + 2, hi, lex)
            if owner is not None and owner.kind != "handle":
                owners.append(owner)
            continue
        owner = _agent_of_instrument(tokens, i, hi, lex)
        if owner is not None:
            owners.append(owner)  # "a camera operated by X", "une caméra installée par X"
            continue
        owner = _possessor(tokens, lo, i, lex)  # "a police officer's body camera"
        if owner is not None:
            owners.append(owner)
    return owners


def _possessive_mark(tokens: list[Token], lo: int, i: int) -> int | None:
    """Where an 's stands up to two words before token i ("the ministry's video")."""
    return next((k for k in range(i - 1, max(lo, i - 3) - 1, -1) if tokens[k].lower == "'s"), None)


def _possessor(tokens: list[Token], lo: int, i: int, lex: Lexicon) -> ActorSpan | None:
    """The actor whose 's stands up to two words before token i."""
    mark = _possessive_mark(tokens, lo, i)
    return None if mark is None else _phrase_ending_at(tokens, lo, mark, lex)


def _phrase_ending_at(tokens: list[Token], lo: int, end: int, lex: Lexicon) -> ActorSpan | None:
    """The actor phrase that ends right before token `end`, if one does."""
    before = actors_in(tokens, lo, end, lex)
    return before[-1] if before and before[-1].end == end else None


def phrase_cues(lowers: list[str], lo: int, hi: int, lex: Lexicon) -> list[tuple[int, str]]:
    """Cues of several words ("appeared on", "made public"), at their first word."""
    out = []
    for i in range(lo, hi):
        for role, words in lex.cues.items():
            if words.phrases and words.phrase_at(lowers, i):
                out.append((i, role))
    return out


def separable_cues(lowers: list[str], lo: int, hi: int, lex: Lexicon) -> list[tuple[int, str]]:
    """Verbs whose particle ends the clause ("maakte de beelden zondag bekend", "gab das Video
    frei"), at the verb: the particle makes the verb's role, whatever the verb alone means
    ("maakte beelden": filmed them)."""
    out: list[tuple[int, str]] = []
    end = hi
    while end > lo and not any(c.isalnum() for c in lowers[end - 1]):
        end -= 1  # the clause's closing punctuation
    for role, verbs in lex.separable_cues.items():
        for verb, particle in verbs:
            n = len(particle)
            at_end = end - lo > n and tuple(lowers[end - n : end]) == particle
            for i in range(lo, end - n):
                if lowers[i] != verb:
                    continue
                if at_end or _particle_after_object(lowers, i + 1, end, particle, lex):
                    out.append((i, role))
    return out


def _only_the_object(tokens: list[Token], start: int, end: int, lex: Lexicon) -> bool:
    """Whether the tokens between are the footage as the verb's object ("gave the new
    footage to", "stuurde de beelden naar"): words that hold a footage word or a pronoun."""
    between = tokens[start:end]
    return (
        bool(between)
        and all(t.word for t in between)
        and any(
            lex.is_footage(t.lower, t.lemma) or lex.pronouns.has(t.lower, t.lemma) for t in between
        )
    )


def _particle_after_object(
    lowers: list[str], start: int, end: int, particle: tuple[str, ...], lex: Lexicon
) -> bool:
    """Whether the particle follows the verb's object, words that hold the footage or a
    pronoun for it ("made the new footage public on Wednesday", "maakte de beelden bekend op
    Telegram"), where it need not end the clause."""
    for k in range(start + 1, min(end, start + PARTICLE_REACH + 1)):
        if not any(c.isalnum() for c in lowers[k - 1]):
            return False  # the object ends at punctuation
        if tuple(lowers[k : k + len(particle)]) == particle:
            return any(lex.pronouns.has(w, w) or lex.is_footage(w, w) for w in lowers[start:k])
    return False


def _pronoun_subject(tokens: list[Token], i: int, lo: int, lex: Lexicon) -> bool:
    """A subject pronoun just before the verb, auxiliaries aside ("they had released")."""
    for k in range(i - 1, max(lo, i - SUBJECT_GAP) - 1, -1):
        t = tokens[k]
        if lex.subject_pronouns.has(t.lower, t.lemma):
            return True
        if not t.word:
            return False
    return False


def _starts_clause(tokens: list[Token], i: int, lo: int) -> bool:
    return all(t.kind == "punct" for t in tokens[lo:i])


def _channel_after(tokens: list[Token], i: int, hi: int, lex: Lexicon) -> ActorSpan | None:
    """The channel, account or page a verb put the footage on ("published on the "Without
    Limits" Telegram channel", "appeared on the TikTok channel of user X")."""
    return _channel_in(tokens, i + 1, min(hi, i + 1 + CHANNEL_REACH), lex)


def _channel_in(tokens: list[Token], start: int, stop: int, lex: Lexicon) -> ActorSpan | None:
    """The first channel, account or page named between token start and stop."""
    spans = actors_in(tokens, start, stop, lex)
    for k, span in enumerate(spans):
        words = [tokens[m].lower for m in range(span.start, span.end)]
        if any(lex.channel_words.has(w, w) for w in words):
            owner = _channel_owner(tokens, span, lex)
            if owner is not None:
                return owner
            if (
                k
                and spans[k - 1].end + 2 >= span.start
                and tokens[spans[k - 1].end].text in QUOTE_ENDS
            ):
                prev = spans[k - 1]
                return ActorSpan(prev.start, span.end, prev.text + " " + span.text, "name")
            if _unnamed_channel(words, lex):
                # "on its Telegram channel", "en su canal de Telegram": whose it is, if the
                # possessive points to an actor named before it; the platform alone if not.
                owner = _pointed_to_by_possessive(tokens, span, lex)
                if owner is not None:
                    return owner
                continue
            return span
    return None


def _owner_of_channel(tokens: list[Token], actor: ActorSpan, lex: Lexicon) -> ActorSpan:
    """The body whose channel an actor phrase names ("the Telegram-kanaal of the navy", "the
    agency's official account"), or the phrase itself; a handle names the channel itself
    ("the Guard's channel @NGUmainpage")."""
    named = tokens[actor.start : actor.end]
    if any(t.kind == "handle" for t in named) or not any(
        lex.channel_words.has(t.lower, t.lemma) for t in named
    ):
        return actor
    mark = next((k for k, t in enumerate(named) if t.lower == "'s"), None)
    if mark is not None and _has_own_name([t.text for t in named[mark + 1 :] if t.word], lex):
        return actor  # "the ministry's Zvezda TV channel": a channel with a name of its own
    return _channel_owner(tokens, actor, lex) or actor


def _unnamed_channel(words: list[str], lex: Lexicon) -> bool:
    """A channel phrase with no name in it: "Telegram channel", "canal de Telegram"."""
    return all(
        lex.channel_words.has(w, w)
        or lex.any_platform.has(w, w)
        or lex.connectors.has(w, w)
        or lex.determiners.has(w, w)
        for w in words
    )


def _pointed_to_by_possessive(
    tokens: list[Token], span: ActorSpan, lex: Lexicon
) -> ActorSpan | None:
    """The actor a possessive right before the phrase points to: the last one named before
    it in the sentence ("filmed by the 3rd Brigade and shared on its Telegram channel"), or
    with none before, the subject that follows ("In a video published on its Facebook page,
    the brigade shows ...")."""
    k = span.start - 1
    if k < 0 or not lex.possessives.has(tokens[k].lower, tokens[k].lemma):
        return None
    named = [
        a
        for a in actors_in(tokens, 0, len(tokens), lex)
        if not _unnamed_channel([t.lower for t in tokens[a.start : a.end]], lex)
    ]
    before = [a for a in named if a.end <= k]
    after = [a for a in named if a.start >= span.end]
    return before[-1] if before else (after[0] if after else None)


def _channel_owner(tokens: list[Token], span: ActorSpan, lex: Lexicon) -> ActorSpan | None:
    """Whose channel a channel phrase names: "the unit's Facebook page", "dem Telegram-Kanal
    der ukrainischen Nationalgarde", "the Telegram channel of the 47th Brigade"."""
    for m in range(span.start + 1, span.end):
        t = tokens[m]
        if t.lower == "'s":
            return ActorSpan(span.start, m, phrase_text(tokens, span.start, m), span.kind)
        if lex.connectors.has(t.lower, t.lemma) and lex.channel_words.has(
            tokens[m - 1].lower, tokens[m - 1].lemma
        ):
            owner = actor_at(tokens, m + 1, span.end, lex)
            if owner is not None and actor_type(owner.text, lex) in ("unit", "ministry"):
                return owner  # an official body's channel: the body released it
    return None


def credit_hops(tokens: list[Token], sentence: Any, lex: Lexicon) -> list[dict[str, Any]] | None:
    """Hops of a credit line ("Source: X", "Bron: CNN, AP", "(Video: X/Telegram)"), or None
    when the sentence is not one. A photo credit gives no hop: it credits a still."""
    for i in range(len(tokens) - 1):
        t = tokens[i]
        if tokens[i + 1].text != ":" or not lex.credit_labels.has(t.lower, t.lemma):
            continue
        if i > 2 and tokens[i - 1].text not in "([" and not _label_run(tokens, i, lex):
            continue  # a label starts the line or a parenthesis
        if lex.photo_labels.has(t.lower, t.lemma):
            return []
        hops = []
        end = next((k for k in range(i + 2, len(tokens)) if tokens[k].text in ")]"), len(tokens))
        k = i + 2
        while k < end:
            found = platform_at(tokens, k, lex)
            if found and lex.channel_words.has(tokens[k].lower, tokens[k].lemma):
                named = actor_at(tokens, k, end, lex)
                if named is not None and named.end > k + found[1]:
                    # "Telegram-канал «Рыбарь»": the channel by its name, on its platform
                    hops.append(_hop("released", named, found[0], sentence, None, lex))
                    k = named.end
                    continue
            if found:
                k += found[1]
                owner = (
                    actor_at(tokens, k + 1, end, lex)
                    if k + 1 < end and tokens[k].text == "/"
                    else None
                )
                if owner is not None:  # "Twitter/@TpyxaNews": the account on that platform
                    hops.append(_hop("released", owner, found[0], sentence, None, lex))
                    k = owner.end
                    continue
                hops.append(_hop("posted", None, found[0], sentence, None, lex))
                continue
            actor = actor_at(tokens, k, end, lex)
            if actor is None:
                k += 1
                continue
            # "Source: X on Facebook", "X/Telegram": where X put it (a slash or one small
            # word between).
            after = actor.end
            if after < end and (tokens[after].text == "/" or not tokens[after].cap):
                after += 1
            where = platform_at(tokens, after, lex) if after < end else None
            hops.append(_hop("released", actor, where[0] if where else None, sentence, None, lex))
            k = after + where[1] if where else actor.end
        return hops
    return None


def is_credit_line(tokens: list[Token], lex: Lexicon) -> bool:
    """A line that opens with a credit label and a colon: "Source: X", "Quelle: Y",
    "Скриншот відео: X", "Кадр из видео: X"."""
    words = [t for t in tokens[: LABEL_WORDS + 2] if t.text not in "(["]
    colon = next((k for k, t in enumerate(words) if t.text == ":"), None)
    return (
        colon is not None
        and colon >= 1
        and lex.credit_labels.has(words[0].lower, words[0].lemma)
        and (colon == 1 or _label_run(words, colon - 1, lex))
    )


def _label_run(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Whether the words before token i, from the line's start, are a credit label's: labels,
    footage words and the small words between ("Screenshot from video", "Кадр из видео")."""
    before = [t for t in tokens[:i] if t.text not in "(["]
    return (
        0 < len(before) <= LABEL_WORDS
        and lex.credit_labels.has(before[0].lower, before[0].lemma)
        and all(
            t.word
            and (
                lex.credit_labels.has(t.lower, t.lemma)
                or lex.is_footage(t.lower, t.lemma)
                or lex.stop.has(t.lower, t.lemma)
                or lex.connectors.has(t.lower, t.lemma)
                or lex.determiners.has(t.lower, t.lemma)
                or lex.locative_preps.has(t.lower, t.lemma)
            )
            for t in before
        )
    )


def _governing_cue(
    cues: list[tuple[int, str]], i: int, tokens: list[Token], lowers: list[str], lex: Lexicon
) -> tuple[int, str] | None:
    """The verb an agent preposition at token i belongs to: the nearest one before it ("shared
    on Telegram by", "uploaded to YouTube on March 3 by": a date between counts for nothing);
    in verb-final clauses first the participle after it ("door X gedeeld", "von X
    verifiziert")."""
    verb_final = lex.verb_final
    before = [
        c
        for c in cues
        if c[0] < i
        and _agent_gap(tokens, lowers, c[0] + 1, i, lex)
        < (
            SEEN_AGENT_BEFORE
            if lex.passive_only.has(tokens[c[0]].lower, tokens[c[0]].lemma)
            else AGENT_BEFORE
        )
    ]
    after = []
    if verb_final:
        # "door een automobilist met zijn dashcam is opgenomen": counted from the agent's end
        agent = actor_at(tokens, i + 1, len(tokens), lex)
        start = agent.end if agent is not None else i
        after = [c for c in cues if c[0] > i and 0 <= c[0] - start <= AGENT_REACH]
    if before and before[-1][0] == i - 1:
        return before[-1]  # "is gemaakt door X", "wurde gefilmt von X": the verb right before
    if after:
        return after[0]
    return before[-1] if before else None


def _negated(tokens: list[Token], i: int, lo: int, lex: Lexicon) -> bool:
    """A negation shortly before the verb, unless it restricts ("not only by X")."""
    start = max(lo, i - NEGATION_REACH)
    return any(
        lex.negations.has(t.lower, t.lemma)
        and not (
            k + 1 < len(tokens) and lex.restrictives.has(tokens[k + 1].lower, tokens[k + 1].lemma)
        )
        for k, t in enumerate(tokens[start:i], start=start)
    )


def credit_items(items: list[str], sentence: Any, lex: Lexicon) -> list[dict[str, Any]]:
    """A hop per credited name: a platform is where it was posted, anyone else supplied it
    (released, then refined by who they are)."""
    out = []
    for item in items:
        platform = lex.platform_named(item)
        if platform:
            out.append(_hop("posted", None, platform, sentence, None, lex))
        else:
            out.append(_hop("released", ActorSpan(0, 0, item, "name"), None, sentence, None, lex))
    return out


def _nearest(cues: list[tuple[int, str]], i: int, reach: int) -> tuple[int, str] | None:
    """The cue nearest to token i within `reach`, one before it winning a tie."""
    best = None
    for cue in cues:
        d = abs(cue[0] - i)
        if d <= reach and (best is None or d < abs(best[0] - i)):
            best = cue
    return best


def _platform_near(
    platforms: list[tuple[int, str]], i: int, actor: ActorSpan | None = None
) -> str | None:
    """The platform named nearest to token i; one outside the actor's own name first ("the
    Kherson Online channel on Telegram" is on Telegram; "the Night Owls Telegram channel"
    names only its own)."""
    if actor is not None:
        outside = [p for p in platforms if not actor.start <= p[0] < actor.end]
        platforms = outside or platforms
    named = [p for p in platforms if p[1] != SOCIAL_MEDIA]
    platforms = named or platforms  # "mise en ligne ... sur TikTok": online, on TikTok
    if not platforms:
        return None
    return min(platforms, key=lambda p: abs(p[0] - i))[1]


def _passive(tokens: list[Token], i: int, lo: int, lex: Lexicon) -> bool:
    """A cue verb whose subject is the footage: after an auxiliary ("was posted") or right
    after a footage word ("a video posted on Telegram")."""
    for k in range(max(lo, i - 3), i):
        t = tokens[k]
        if lex.passive_aux.has(t.lower, t.lemma):
            # "was able to confirm": the auxiliary is another verb's.
            return not any(lex.infinitive_markers.has(x.lower, x.lemma) for x in tokens[k + 1 : i])
    # "a video posted on Telegram"; not in verb-final clauses ("heeft de video verspreid").
    return (
        not lex.verb_final and i > lo and lex.is_footage(tokens[i - 1].lower, tokens[i - 1].lemma)
    )


def _subject_after(
    tokens: list[Token], i: int, hi: int, lex: Lexicon, platforms: list[tuple[int, str]]
) -> ActorSpan | None:
    """The subject after the verb, where it may stand there ("Відео виклав військовий"):
    the first actor within OBJECT_GAP words, where saying where it went ("у мережу", "в
    Telegram") does not count."""
    where = {p for p, _ in platforms}
    reach = i + 1 + OBJECT_GAP + WHERE_WORDS + MAX_ACTOR_TOKENS
    spans = actors_in(tokens, i + 1, min(hi, reach), lex)
    if not spans:
        return None
    first = spans[0]
    if first.start in where and first.start > 0:
        # "опубликовал в Telegram военкор X": the platform after "в" is where; who follows it.
        before = tokens[first.start - 1]
        if lex.locative_preps.has(before.lower, before.lemma) and first.end > first.start + 1:
            rest = actor_at(tokens, first.start + 1, first.end, lex)
            first = rest if rest is not None else first
    between = [
        t
        for k, t in enumerate(tokens[i + 1 : first.start], start=i + 1)
        if k not in where and not lex.locative_preps.has(t.lower, t.lemma)
    ]
    return first if len(between) <= OBJECT_GAP else None


def _ends_according(tokens: list[Token], i: int, lex: Lexicon, lowers: list[str]) -> bool:
    """Whether an "according to" phrase ends right before token i."""
    for k in range(max(0, i - ACCORDING_WORDS), i):
        found = source_role(tokens, k, lex, lowers)
        if found and found[0] == ACCORDING and k + found[1] == i:
            return True
    return False


def _verifies(actor: ActorSpan, lex: Lexicon) -> bool:
    """A known verifier (common.json) or one described as checking ("researchers at X")."""
    words = actor.text.lower().split()
    return _names_one_of(actor.text.lower(), languages.common()["verifiers"]) or any(
        lex.verifier_nouns.has(w, lemma_of(w, lex.code)) for w in words
    )


def _checkers(
    tokens: list[Token], lowers: list[str], lo: int, hi: int, lex: Lexicon
) -> list[ActorSpan]:
    """Actors named after a noun of checking that is not itself an actor ("analysis",
    "recherche inversée"), by its preposition or by a participle and its agent ("an analysis
    by X", "une recherche menée par X", "eine Analyse von X")."""
    out = []
    for i in range(lo, hi - 2):
        t = tokens[i]
        n = lex.verifier_nouns.length_at(tokens, lowers, i) if t.word else 0
        if not n or lex.actor_nouns.has(t.lower, t.lemma):
            continue  # "researchers of X" is an actor phrase of its own
        link = i + n
        if link >= hi:
            continue
        nxt = tokens[link]
        if nxt.word and not (
            lex.connectors.has(nxt.lower, nxt.lemma) or lex.agent.has(nxt.lower, nxt.lemma)
        ):
            link += 1  # "menée par", "conducted by", "realizada por": a participle between
            if link >= hi or not lex.agent.has(tokens[link].lower, tokens[link].lemma):
                continue
        elif not nxt.word:
            continue
        found = actor_at(tokens, link + 1, hi, lex)
        if found is not None and found.start <= link + 1 + NAME_DETERMINERS:
            out.append(found)
    return out + _checkers_named_before(tokens, lowers, lo, hi, lex)


def _checkers_named_before(
    tokens: list[Token], lowers: list[str], lo: int, hi: int, lex: Lexicon
) -> list[ActorSpan]:
    """An outlet or agency named right before a noun of checking: "A Sky News analysis of the
    footage found ...", "a Reuters investigation"."""
    out = []
    for i in range(lo + 1, hi):
        t = tokens[i]
        if not t.word or t.cap or not lex.verifier_nouns.length_at(tokens, lowers, i):
            continue
        if lex.actor_nouns.has(t.lower, t.lemma):
            continue  # "Bellingcat researchers": an actor phrase of its own
        found = _phrase_ending_at(tokens, lo, i, lex)
        if found is not None and actor_type(found.text, lex) in ("outlet", "agency"):
            out.append(found)
    return out


def _verifier_after(tokens: list[Token], i: int, hi: int, lex: Lexicon) -> ActorSpan | None:
    """ "the verifications of AFP", "the analysis by Bellingcat": the checker named after a
    noun of checking and its preposition."""
    while i < hi and lex.determiners.has(tokens[i].lower, tokens[i].lemma):
        i += 1
    if i + 1 >= hi or not lex.verifier_nouns.has(tokens[i].lower, tokens[i].lemma):
        return None
    link = tokens[i + 1]
    if not (lex.connectors.has(link.lower, link.lemma) or lex.agent.has(link.lower, link.lemma)):
        return None
    return actor_at(tokens, i + 2, hi, lex)


def _active_subject(
    tokens: list[Token],
    i: int,
    lo: int,
    hi: int,
    lex: Lexicon,
    subject: ActorSpan | None,
    platforms: list[tuple[int, str]],
) -> ActorSpan | None:
    """The actor that is the subject of the verb at token i in active voice, before it or,
    where the language lets it stand there, after it ("Відео підтвердили журналісти")."""
    actor = None if _passive(tokens, i, lo, lex) else _subject(tokens, i, lo, lex, subject)
    if actor is None and (lex.subject_after_verb or _object_first(tokens, lo, i, lex)):
        actor = _subject_after(tokens, i, hi, lex, platforms)
    return actor


def _aux_after(tokens: list[Token], i: int, hi: int, lex: Lexicon) -> bool:
    """A passive auxiliary right after the participle, as a verb-final clause ends ("das in
    Telegram-Kanälen geteilt wird", "die op X gedeeld werd")."""
    return i + 1 < hi and lex.passive_aux.has(tokens[i + 1].lower, tokens[i + 1].lemma)


def _fronted_participle(tokens: list[Token], i: int, lo: int, lex: Lexicon) -> bool:
    """A clause that opens with its participle and then its auxiliary, in a language whose
    verb comes second ("Gefilmt hat die Szene ein Anwohner", "Gefilmd heeft het een
    omstander"): the subject follows the auxiliary."""
    return (
        lex.verb_final
        and i == lo
        and i + 1 < len(tokens)
        and lex.perfect_aux.has(tokens[i + 1].lower, tokens[i + 1].lemma)
    )


def _object_first(tokens: list[Token], lo: int, i: int, lex: Lexicon) -> bool:
    """A clause that opens with the footage before its verb, in a language whose verb comes
    second ("Das Video veröffentlichte das Ministerium", "De beelden deelde het leger"): the
    subject follows the verb."""
    before = [t for t in tokens[lo:i] if t.word]
    return (
        lex.verb_final
        and bool(before)
        and lex.is_footage(before[-1].lower, before[-1].lemma)
        and all(
            lex.determiners.has(t.lower, t.lemma) or lex.is_footage(t.lower, t.lemma)
            for t in before
        )
    )


def _relative_antecedent(tokens: list[Token], lo: int, i: int, lex: Lexicon) -> ActorSpan | None:
    """The actor a relative clause opened by a pronoun speaks of: "According to the BBC, which
    analysed the video", "Volgens Bellingcat, dat de beelden onderzocht"."""
    if lo < 2 or lo >= i or tokens[lo - 1].text != ",":
        return None
    if not lex.relatives.has(tokens[lo].lower, tokens[lo].lemma):
        return None
    return _phrase_ending_at(tokens, 0, lo - 1, lex)


def _relative_before(tokens: list[Token], i: int, lex: Lexicon) -> int | None:
    """The index of the relative pronoun that is the subject of the verb at token i ("who
    filmed", "which was first shared"), if one is."""
    k = i - 1
    while (
        k >= 0
        and tokens[k].word
        and (
            lex.adverbs.has(tokens[k].lower, tokens[k].lemma)
            or lex.perfect_aux.has(tokens[k].lower, tokens[k].lemma)
        )
    ):
        k -= 1  # "which was first shared", "which has verified it", "qui l'a authentifiée"
    if k < 1 or not lex.relatives.has(tokens[k].lower, tokens[k].lemma):
        return None
    return k


def _relative_antecedent_of(tokens: list[Token], i: int, span: ActorSpan, lex: Lexicon) -> bool:
    """Whether the verb at token i has a relative pronoun for its subject that stands right
    after `span` (a comma between allowed): "a resident who filmed it", "X, which analysed"."""
    k = _relative_before(tokens, i, lex)
    return k is not None and k in (span.end, span.end + 1)


def _relative_on_footage(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """A verb whose subject is a relative pronoun standing for the footage ("the video, which
    circulated on Telegram"; "видео, которое распространили"): no actor is named."""
    k = _relative_before(tokens, i, lex)
    if k is None:
        return False
    before = tokens[k - 1] if tokens[k - 1].word else (tokens[k - 2] if k >= 2 else None)
    return before is not None and lex.is_footage(before.lower, before.lemma)


def _subject(
    tokens: list[Token], i: int, lo: int, lex: Lexicon, subject: ActorSpan | None
) -> ActorSpan | None:
    """The actor that does the cue's verb: the nearest phrase ending just before it, or the
    sentence's subject when the clause starts at the verb ("X, a spokesman, posted ...")."""
    near = actors_in(tokens, lo, i, lex)
    before = [a for a in near if not _after_locative(tokens, a, lex)]
    if (
        lex.verb_final
        and before
        and before[0].end < i
        and lex.perfect_aux.has(tokens[before[0].end].lower, tokens[before[0].end].lemma)
    ):
        return before[0]  # "De Nationale Garde heeft woensdag op Telegram beelden gedeeld"
    if before and _relative_antecedent_of(tokens, i, before[-1], lex):
        return before[-1]  # "a resident who filmed it": the relative's antecedent
    # How near the verb is counts from the places right after the phrase ("X, an adviser in
    # the team of Y, has shared it", "the brigade in Bakhmut posted").
    reach = _end_of_places_after(tokens, before[-1], near, lex) if before else i
    if before and _words_between(tokens, reach, i, lex) <= SUBJECT_GAP:
        if before[0].kind == "described" and subject is not None and subject.end <= lo:
            return subject  # "X, a senior adviser to Y, shared the video": X shared it
        if subject is not None and subject.start >= lo and subject.start < before[-1].start:
            return subject  # "The brigade named after Y posted": the clause's first actor
        return before[-1]
    object_first = any(lex.object_pronouns.has(t.lower, t.lemma) for t in tokens[lo:i])
    # "..., das Video kursiert seitdem im Netz", "..., что оно снято в 2022 году": a clause
    # whose subject is the footage itself, or a word that points back to it.
    footage_first = any(
        lex.is_footage(t.lower, t.lemma)
        or (lex.pronouns.has(t.lower, t.lemma) and not lex.subject_pronouns.has(t.lower, t.lemma))
        for t in tokens[lo:i]
    )
    if (
        subject is not None
        and i - lo <= SUBJECT_GAP
        and subject.end <= lo
        and not (object_first or footage_first)
    ):
        return subject
    return None


def _end_of_places_after(
    tokens: list[Token], span: ActorSpan, near: list[ActorSpan], lex: Lexicon
) -> int:
    """Where a phrase ends with the places right after it ("the brigade in Bakhmut", "an
    adviser in the team of Y"): how near a verb is counts from there."""
    end = span.end
    for other in near:
        if other.start > end and _after_locative(tokens, other, lex):
            between = tokens[end : other.start]
            if all(
                lex.locative_preps.has(t.lower, t.lemma) or lex.determiners.has(t.lower, t.lemma)
                for t in between
            ):
                end = other.end
    return end


def _words_between(tokens: list[Token], start: int, end: int, lex: Lexicon) -> int:
    """Tokens between a subject and its verb, less the words of a date ("«Фонтанка» 2 марта
    публикует", "the ministry on Tuesday released"): a date says when, not who."""
    date_words = _date_words(lex.code)
    return sum(
        1
        for t in tokens[start:end]
        if not (t.number or t.lower in date_words or (t.kind == "punct" and t.text == ","))
    )


def _agent_gap(tokens: list[Token], lowers: list[str], start: int, end: int, lex: Lexicon) -> int:
    """Words between a verb and its agent's preposition, less a date, the platform it was put
    on and adverbs of time: "publiée pour la première fois sur YouTube en 2015 par X" has
    its agent as close as "publiée par X"."""
    skip = set()
    k = start
    while k < end:
        n = lex.adverbs.length_at(tokens, lowers, k)
        found = platform_at(tokens, k, lex, lowers) if not n else None
        if found:
            n = found[1]
            if k - 1 >= start and not tokens[k - 1].cap:
                skip.add(k - 1)  # its preposition: "on", "sur", "auf"
        skip.update(range(k, k + n))
        k += max(n, 1)
    return _words_between(tokens, start, end, lex) - sum(
        1 for k in skip if k < end and not (tokens[k].number or tokens[k].text == ",")
    )


@lru_cache(maxsize=16)
def _date_words(code: str) -> frozenset[str]:
    """The language's month and weekday names, date fillers and day suffixes."""
    data = lexicon(code).data
    return frozenset(
        [
            *data.get("months", {}),
            *data.get("weekdays", {}),
            *data.get("date_fillers", []),
            *data.get("day_suffixes", []),
        ]
    )


def _after_locative(tokens: list[Token], span: ActorSpan, lex: Lexicon) -> bool:
    """ "в центре Петербурга", "in Kyiv": a phrase after a place preposition is where, not who."""
    k = span.start - 1
    while k >= 0 and lex.determiners.has(tokens[k].lower, tokens[k].lemma):
        k -= 1
    return k >= 0 and lex.locative_preps.has(tokens[k].lower, tokens[k].lemma)


def _sentence_subject(tokens: list[Token], lex: Lexicon) -> ActorSpan | None:
    """The actor that opens the sentence; a described one followed by a name between commas
    is that name ("A journalist, Anna Petrova, posted ...")."""
    # The first actor, where a subject can stand (after an opening speech verb at the
    # latest), then the next one, which may be its apposition.
    end = min(len(tokens), 16)
    first = actors_in(tokens, 0, end, lex, limit=1, starts_before=SPEECH_OPENING + 3)
    if first:
        first += actors_in(tokens, first[0].end, end, lex, limit=1)
    if first and first[0].start > SUBJECT_START and lex.subject_after_verb:
        # "Об этом сообщил губернатор X, опубликовав видео", "Про це повідомили в Генштабі,
        # оприлюднивши відео": a sentence that opens with its speech verb has its subject
        # right after it, or the body it names with "в" (said "in" the General Staff).
        return _speaker_after_opening_verb(tokens, first[0], lex)
    if not first or first[0].start > SUBJECT_START:
        return None
    subject = first[0]
    if _in_quotes(tokens, subject):
        close = subject.end + (
            1 if subject.end < len(tokens) and tokens[subject.end].text in QUOTES_AROUND else 0
        )
        if close < len(tokens) and tokens[close].text in STATEMENT_ENDS:
            return None  # '"Another one down," the brigade wrote': the words, not who said them
    if len(first) > 1 and _apposed(tokens, subject, first[1], lex):
        # "Ukraine's military intelligence agency, the HUR, released ...", "NEXTA, a
        # Belarusian opposition outlet, posted ...", "Verschillende Twitteraars, zoals het
        # Twitter-account Seven, kwamen erachter": the name, typed by its description.
        second = first[1]
        if _describes(tokens, subject, lex) and not _describes(tokens, second, lex):
            return _described_by(second, subject, lex)
        if _describes(tokens, second, lex) and not _describes(tokens, subject, lex):
            return _described_by(subject, second, lex)
    return subject


def _speaker_after_opening_verb(
    tokens: list[Token], actor: ActorSpan, lex: Lexicon
) -> ActorSpan | None:
    """The actor right after a speech verb among the sentence's first words (a place
    preposition between them allowed), else None."""
    k = actor.start - 1
    if k >= 0 and lex.locative_preps.has(tokens[k].lower, tokens[k].lemma):
        k -= 1
    opening = k <= SPEECH_OPENING and k >= 0
    return actor if opening and lex.speech_verbs.has(tokens[k].lower, tokens[k].lemma) else None


def _apposed(tokens: list[Token], a: ActorSpan, b: ActorSpan, lex: Lexicon) -> bool:
    """Whether phrase b stands between commas right after phrase a ("A, the B, ...")."""
    between = tokens[a.end : b.start]
    lowers = [t.lower for t in between]
    if any(lex.examples.phrase_at(lowers, k) > 1 for k in range(len(lowers))):
        between = [t for t in between if t.text == ","]  # "..., such as the ..."
    marks = [
        t.text
        for t in between
        if not lex.determiners.has(t.lower, t.lemma)
        and not lex.indefinite.has(t.lower, t.lemma)
        and not lex.examples.has(t.lower, t.lemma)
    ]
    after = tokens[b.end] if b.end < len(tokens) else None
    return marks == [","] and after is not None and after.text == ","


def _describes(tokens: list[Token], span: ActorSpan, lex: Lexicon) -> bool:
    """A description rather than a name: it ends on a common noun ("a Belarusian opposition
    outlet", "Ukraine's military intelligence agency")."""
    last = tokens[span.end - 1]
    return span.kind == "described" or (
        last.word
        and not last.cap
        and not last.acronym
        and lex.actor_nouns.has(last.lower, last.lemma)
    )


def _described_by(name: ActorSpan, description: ActorSpan, lex: Lexicon) -> ActorSpan:
    """The name, typed by its description where the name alone says only "person"."""
    if actor_type(name.text, lex) != "person":
        return name
    kind = actor_type(description.text, lex)
    if kind == "person":
        return name
    return ActorSpan(name.start, name.end, name.text, name.kind, described_as=kind)


def _hop(
    role: str,
    actor: ActorSpan | None,
    platform: str | None,
    sentence: Any,
    date: str | None,
    lex: Lexicon,
) -> dict[str, Any]:
    name = actor.text if actor else None
    kind = (actor.described_as or actor_type(name, lex)) if actor and name else None
    if role == "filmed" and name is not None:
        platform = None  # filming is not done on a platform ("filmed by X and shared on Telegram")
    if name is None:
        role = "posted"  # a platform alone says where it was posted, whatever the verb
    handle = None
    if name:
        h = re.search(r"@\w+", name)
        if h is None:
            # "the channel Kupiansk Today (@kupiansk_today)": the handle right after the name.
            at = sentence.text.find(name)
            h = HANDLE_AFTER_NAME.match(sentence.text, at + len(name)) if at >= 0 else None
            handle = h.group(1) if h else None
        else:
            handle = h.group(0)
        if actor and actor.kind == "handle" and platform is None and "t.me/" in name.lower():
            platform = "telegram"
    hop = {
        "role": refine_role(role, kind),
        "actor": name,
        "actor_type": kind,
        "platform": platform,
        "handle": handle,
        "date": date,
        "statement": None,
        "evidence": {"start": sentence.start, "end": sentence.end, "text": sentence.text},
    }
    if role == "posted" and hop["role"] == "released":
        hop[SHARED] = True  # a body that shared it: its release unless someone else filmed it
    return hop


# The mark of a body's release said with a verb of sharing ("the ministry shared the video"),
# which the mention's other hops decide (extract.settle_shared); it never leaves the engine.
SHARED = "_shared"
HANDLE_AFTER_NAME = re.compile(r"\s*\(\s*(@\w+)\s*\)")


def refine_role(role: str, kind: str | None) -> str:
    """The corpus rule: an official body's footage is released, an agency distributes, an
    outlet publishes; filming and verifying stay what they are."""
    if role in ("filmed", "verified") or kind is None:
        return "released" if role == "source" else role
    if kind == "agency":
        return "distributed"
    if kind == "outlet":
        return "published"
    if kind in ("unit", "ministry") and role in ("posted", "published"):
        return "released"
    if role == "released" and kind in ("channel", "account", "person"):
        # Only an official body releases (corpus rule); a channel, an account or a person
        # who "publishes" or "spreads" a video puts it on a platform.
        return "posted"
    if role == "source":
        # "obtained from X", "footage from X": X supplied it; a channel or an account that
        # footage comes from put it online (only an official body releases).
        return "posted" if kind in ("channel", "account") else "released"
    if role == "published":
        return "posted"  # a person or channel that publishes puts it on a platform
    return role


def actor_type(name: str, lex: Lexicon) -> str:
    """handle, agency, outlet, official, or person (anyone else: people, channels, sources)."""
    if name.startswith("@") or "t.me/" in name or name.startswith("u/"):
        return "account"
    owner, mark, head = name.partition("'s ")
    if mark and owner and _names_its_own(owner, head, lex):
        # "the ministry's Nordlicht TV channel" is a channel, "Ukraine's Defence Ministry" a
        # ministry: what is owned, when it has a name of its own, says what it is.
        return actor_type(head, lex)
    common = languages.common()
    folded = name.lower()
    if _names_one_of(folded, common["agencies"]):
        return "agency"
    if _names_one_of(folded, common["outlets"] + common["verifiers"]):
        return "outlet"
    words = _name_words(folded)
    lemmas = [lemma_of(w, lex.code) for w in words]

    def named(words_class: WordClass) -> bool:
        return _named_by(words, lemmas, words_class)

    if _people(words, lemmas, lex) or _titled(name, lex):
        # "Russian military bloggers", "army sources": people, not the army; "Governor X",
        # "губернатор ... Вячеслав Гладков": an official who posts (corpus rule)
        return "person"
    if lex.spokespeople.has(folded, folded) or named(lex.spokespeople):
        return "person"  # a spokesperson or press service puts it online: posted (corpus rule)
    if named(lex.official):
        # The catalog's actor types (docs/schema.md) keep armed units apart from ministries.
        return "unit" if named(lex.unit_words) else "ministry"
    if named(lex.outlet_words):
        return "outlet"  # "газета «Коммерсант»", "the newspaper Le Monde"
    if named(lex.agency_words):
        return "agency"  # "a video agency", "het persbureau", "агентство" (after "intelligence")
    if named(lex.channel_words):
        return "channel"
    return "person"


def _named_by(words: list[str], lemmas: list[str], words_class: WordClass) -> bool:
    """Whether a word of a name (or a phrase starting at one) is of the class."""
    return any(
        words_class.has(w, m) or words_class.phrase_at(words, k)
        for k, (w, m) in enumerate(zip(words, lemmas, strict=True))
    )


def _names_its_own(owner: str, head: str, lex: Lexicon) -> bool:
    """Whether "owner's head" is a thing of the owner's with a name of its own: the owner a
    plain name ("the guard" in "a drone operator of the guard's unit" is not), the head with
    a capitalised word that is no channel or platform word ("Zvezda TV channel", not
    "channel @NGUmainpage")."""
    if any(lex.connectors.has(w, w) for w in owner.lower().split()):
        return False
    return _has_own_name(head.split(), lex)


def _has_own_name(words: list[str], lex: Lexicon) -> bool:
    """Whether the words hold a capitalised one that is no channel or platform word: "Zvezda
    TV channel" has, "channel @NGUmainpage" and "Telegram channel" have not."""
    return any(
        w[:1].isupper()
        and not lex.channel_words.has(w.lower(), w.lower())
        and not lex.any_platform.has(w.lower(), w.lower())
        for w in words
    )


def _name_words(folded: str) -> list[str]:
    """The words of a lower-cased name, compounds kept whole ("état-major") and an elided
    article dropped ("l'état-major")."""
    words = []
    for w in NAME_WORD.findall(folded):
        head, _, rest = w.partition("'") if "'" in w else w.partition("’")
        words.append(rest if rest and len(head) <= 2 else w)
    return words


def _titled(name: str, lex: Lexicon) -> bool:
    """A title followed by a personal name: "Defence Minister Rustem Umerov", "губернатор
    Белгородской области Вячеслав Гладков" (not "the Office of the President")."""
    words = NAME_WORD.findall(name)
    for k, w in enumerate(words):
        if lex.titles.has(w.lower(), lemma_of(w.lower(), lex.code)):
            later = words[k + 1 :]
            if not later:
                return True  # "the Kharkiv regional governor": the title is the head
            return len(later) >= 1 and sum(x[:1].isupper() for x in later[-2:]) == min(
                2, len(later)
            )
    return False


def _people(words: list[str], lemmas: list[str], lex: Lexicon) -> bool:
    """A phrase whose head is a noun for people who are not a body (bloggers, sources,
    residents), whatever official word qualifies them: its last word, or a first noun that
    a body's name follows."""
    if not words:
        return False

    bodies = (lex.official, lex.channel_words, lex.outlet_words, lex.agency_words)

    def person(w: str, m: str) -> bool:
        return lex.actor_nouns.has(w, m) and not any(c.has(w, m) for c in bodies)

    # "the Telegram account of a Russian soldier", "a soldier of the 93rd Brigade": the words
    # before the first preposition are the head.
    cut = next((k for k in range(1, len(words)) if lex.actor_preps.has(words[k], words[k])), None)
    if cut is not None and any(
        c.has(w, m) for w, m in zip(words[:cut], lemmas[:cut], strict=True) for c in bodies
    ):
        return False
    if person(words[-1], lemmas[-1]):
        return True
    # "a soldier of the 93rd Brigade", "військовий 3-ї бригади": the first noun is the head.
    for w, m in zip(words, lemmas, strict=True):
        if any(c.has(w, m) for c in bodies):
            return False
        if person(w, m):
            return True
    return False


def _names_one_of(folded: str, names: list[str]) -> bool:
    return bool(_names_re(tuple(names)).search(folded))


@lru_cache(maxsize=8)
def _names_re(names: tuple[str, ...]) -> re.Pattern:
    # "Al Jazeera" is also written "Al-Jazeera": a space in a known name matches a hyphen.
    alternation = "|".join(
        re.escape(n.lower()).replace(r"\ ", r"[\s‐-]") for n in sorted(names, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")
