"""Actor phrases as the text writes them: names with their connectors, units with ordinals,
handles, channels, and described actors ("a police officer", "pro-Russian sources").

A phrase is built from tokens by one grammar for every language:

    phrase    := handle | url | [modifier{0,3}] head ([connector] head)*
    head      := name | acronym | ordinal | actor-noun | quoted name
    name      := a capitalised word that is not a common word in its place

A capitalised common word starts a name only where capitals mark names: not at the start of a
sentence, and never in a language that capitalises every noun (German), unless the word is an
actor noun ("Brigade", "Ministerium"). Lower-case modifiers are taken only before an actor noun
("drone pilots", "a police officer"); Slavic genitive tails ("Міністерство оборони України")
are lower-case words after an official word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .language import Lexicon
from .tokens import Token, known_word

MAX_MODIFIERS = 3  # lower-case words before an actor noun: "pro-Russian Telegram channel"
MAX_GENITIVE_TAIL = 4  # lower-case words after an official word: "Центр стратегічних комунікацій"
NAME_NUMBER_DIGITS = 3  # "France 24", "Channel 5": a number that ends a name
MAX_ACTOR_TOKENS = 14  # longer runs are lists or titles, not one actor
# Words between a preposition and the name it leads to: "of a", "de un", "by the", "de l'"
# (a channel's owner, a checker).
NAME_DETERMINERS = 2
PARTITIVE_WORDS = 3  # the longest partitive: "one of the", "een van de"
NAMING_WORDS = 6  # words of a naming phrase at most: "who goes by the name", "под названием"
ORDINAL = re.compile(
    r"^\d+(?:st|nd|rd|th|e|ste|de|er|ème|\.?º|\.?ª|-?[а-яіїєґ]{1,3})?$", re.IGNORECASE
)
QUOTES_OPEN = "«\"“„‘'"
QUOTES_CLOSE = "»\"”“’'"
# A word as the tokenizer cuts it (compounds and elisions whole), to cut known names alike.
TOKEN_WORD = re.compile(r"[^\W_]+(?:[-‐'’&][^\W_]+)*")


@dataclass(frozen=True)
class ActorSpan:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    text: str
    kind: str  # handle, name, described
    # Who the actor is, as an apposition says it ("NEXTA, a Belarusian opposition outlet,"):
    # an actor type that the name alone does not tell.
    described_as: str | None = None


def is_ordinal(token: Token) -> bool:
    return token.word and bool(ORDINAL.match(token.text))


def _not_a_name(tokens: list[Token], i: int, lex: Lexicon, sentence_start: int) -> bool:
    """Words that never begin or continue an actor: footage words, cameras, cue verbs, stop
    words, platforms alone, months and weekdays. The answer depends on the word alone and on
    whether it opens the sentence, so the lexicon keeps it (millions of asks per 1,000
    reports)."""
    t = tokens[i]
    key = (t.lower, t.lemma, t.cap, i == sentence_start, t.in_title)
    found = lex.not_names.get(key)
    if found is None:
        found = lex.not_names[key] = _word_not_a_name(t, i == sentence_start, lex)
    return found


def _word_not_a_name(t: Token, at_start: bool, lex: Lexicon) -> bool:
    if lex.is_footage(t.lower, t.lemma) or (
        lex.capitalised_nouns and lex.camera_words.has(t.lower, t.lemma)
    ):
        return True  # "Eine Verkehrskamera hielt den Unfall fest": what filmed, not who
    # A capital letter inside a sentence makes a name of a common word ("River Watch Team").
    function_word = (
        lex.stop.has(t.lower, t.lemma)
        or lex.determiners.has(t.lower, t.lemma)
        or lex.pronouns.has(t.lower, t.lemma)
    )
    if function_word and (not t.cap or at_start or t.in_title or lex.capitalised_nouns):
        return True
    if (not t.cap or at_start) and (
        lex.cue_role(t.lower, t.lemma) or lex.writing_verbs.has(t.lower, t.lemma)
    ):
        # a verb ("a écrit l'état-major"); capitalised inside a name it is part of it
        # ("Washington Post")
        return True
    months = lex.data.get("months", {})
    weekdays = lex.data.get("weekdays", {})
    return t.lower in months or t.lower in weekdays


def _is_name(tokens: list[Token], i: int, lex: Lexicon, sentence_start: int) -> bool:
    t = tokens[i]
    if not t.word:
        return False
    if lex.actor_nouns.has(t.lower, t.lemma) or lex.official.has(t.lower, t.lemma):
        return True
    if _not_a_name(tokens, i, lex, sentence_start):
        return False
    if is_ordinal(t):
        # A bare number ("28 de febrero", "16 scenes") is a unit's number only before a name.
        return not t.text.isdigit() or (i + 1 < len(tokens) and tokens[i + 1].cap)
    if t.acronym:
        return True
    if not t.cap:
        return False
    if t.lower in _known_bodies() and not _modifies_next(tokens, i, lex):
        return True  # "der Nachrichtenagentur Reuters": a known agency even where nouns are capitalised
    if i == sentence_start and _modifies_next(tokens, i, lex):
        return False  # "Супервидовая камера", "Bellingcat researchers": it qualifies a noun
    # A capitalised dictionary word is a name only where capitals mark names.
    capitals_tell = not (
        lex.capitalised_nouns or t.in_title or i == sentence_start or _after_open_quote(tokens, i)
    )
    return capitals_tell or not known_word(t.lower, lex.code)


def _modifies_next(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    if i + 1 >= len(tokens) or not tokens[i + 1].word or tokens[i + 1].cap:
        return False
    if tokens[i].lower in _known_bodies():
        return False  # "Reuters footage shows": an agency's name, not an adjective
    n = tokens[i + 1]
    return any(c.has(n.lower, n.lemma) for c in (lex.actor_nouns, lex.camera_words, lex.footage))


@cache
def _known_bodies() -> frozenset[str]:
    """One-word agencies, outlets and verifiers of common.json, lower-cased."""
    from . import languages

    common = languages.common()
    names = common["agencies"] + common["outlets"] + common["verifiers"]
    return frozenset(n.lower() for n in names if " " not in n)


@cache
def _known_names() -> dict[str, list[tuple[str, ...]]]:
    """Agencies, outlets and verifiers of common.json of several words, by first word."""
    from . import languages

    common = languages.common()
    out: dict[str, list[tuple[str, ...]]] = {}
    for name in common["agencies"] + common["outlets"] + common["verifiers"]:
        words = tuple(w.lower() for w in TOKEN_WORD.findall(name))
        if len(words) > 1:
            out.setdefault(words[0], []).append(words)
    for names in out.values():
        names.sort(key=len, reverse=True)
    return out


def _known_name_at(tokens: list[Token], i: int, end: int) -> ActorSpan | None:
    """A known body's name of several words, written with capitals, starting at token i."""
    if i >= min(end, len(tokens)) or not tokens[i].cap:
        return None
    for name in _known_names().get(tokens[i].lower, ()):
        if i + len(name) <= end and tuple(t.lower for t in tokens[i : i + len(name)]) == name:
            return ActorSpan(i, i + len(name), phrase_text(tokens, i, i + len(name)), "name")
    return None


def _after_open_quote(tokens: list[Token], i: int) -> bool:
    return i > 0 and tokens[i - 1].text in QUOTES_OPEN


def _is_head(tokens: list[Token], i: int, lex: Lexicon, sentence_start: int) -> bool:
    t = tokens[i]
    return t.kind in ("handle", "url") or _is_name(tokens, i, lex, sentence_start)


def actor_at(
    tokens: list[Token], i: int, end: int, lex: Lexicon, *, sentence_start: int = 0
) -> ActorSpan | None:
    """The actor phrase that starts at token i (after a partitive and determiners), ending
    before `end`."""
    i += lex.partitives.phrase_at([t.lower for t in tokens[i : i + PARTITIVE_WORDS]], 0)
    first = i
    while i < end and lex.determiners.has(tokens[i].lower, tokens[i].lemma):
        i += 1
    # A known outlet's name of dictionary words: "Le Monde", "The Guardian" (the article is
    # part of the name), "the Sky News".
    for at in dict.fromkeys((first, i)):
        known = _known_name_at(tokens, at, end)
        if known is not None:
            return known
    if i >= end:
        return None
    if tokens[i].text in QUOTES_OPEN:
        quoted = _quoted(tokens, i, end)
        if quoted:
            return quoted
    start = i
    # Lower-case modifiers count only when an actor noun follows them closely.
    modifiers = 0
    while (
        i < end
        and modifiers < MAX_MODIFIERS
        and tokens[i].word
        and not _is_head(tokens, i, lex, sentence_start)
        and (
            not _not_a_name(tokens, i, lex, sentence_start)
            # "the fact-checking site X": a hyphenated verb before a noun qualifies it
            or (
                "-" in tokens[i].lower.strip("-")
                and not lex.is_footage(tokens[i].lower, tokens[i].lemma)
            )
        )
        and not _on_platform(tokens[i], lex)  # "у мережу військовий": where, not who
    ):
        i += 1
        modifiers += 1
    if i >= end or not _is_head(tokens, i, lex, sentence_start):
        return None
    if modifiers and not _has_actor_noun(tokens, i, end, lex):
        # "the war monitor Deep State": a description this language file does not know, then
        # the name it describes; the name is the actor.
        return actor_at(tokens, i, end, lex, sentence_start=sentence_start)
    if tokens[i].kind in ("handle", "url"):
        return ActorSpan(start, i + 1, phrase_text(tokens, start, i + 1), "handle")
    last = i
    j = i + 1
    tail = 0
    while j < end and j - start < MAX_ACTOR_TOKENS:
        t = tokens[j]
        if _is_head(tokens, j, lex, sentence_start):
            last, j, tail = j, j + 1, 0
            continue
        if _number_of_name(tokens, last, j, end, lex):
            last, j = j, j + 1  # "France 24", "Channel 5": a number that ends a name
            continue
        if (
            t.lower == "'s"
            and j + 1 < end
            and (
                _has_actor_noun(tokens, j + 1, end, lex)
                or _is_head(tokens, j + 1, lex, sentence_start)
            )
        ):
            j += 1  # "the brigade's aerial reconnaissance unit"
            continue
        if (
            any(lex.channel_words.has(x.lower, x.lemma) for x in tokens[start : last + 1])
            and lex.connectors.has(t.lower, t.lemma)
            and j + 1 < end
        ):
            # "the Telegram account of a Russian soldier", "la cuenta de Telegram de un
            # soldado": the channel's owner is part of the actor (and says who it is).
            owner = actor_at(tokens, j + 1, end, lex, sentence_start=sentence_start)
            if owner is not None and owner.start <= j + 1 + NAME_DETERMINERS:
                last, j = owner.end - 1, owner.end
                continue
        if t.kind == "handle" and lex.actor_nouns.has(tokens[last].lower, tokens[last].lemma):
            last, j = j, j + 1  # "Telegram channel @rybar"
            continue
        named = 0
        if lex.actor_nouns.has(tokens[last].lower, tokens[last].lemma):
            window = [x.lower for x in tokens[j : min(end, j + NAMING_WORDS)]]
            named = lex.naming_words.phrase_at(window, 0)
            named = named or (1 if lex.naming_words.has(t.lower, t.lemma) else 0)
        if (
            named
            and j + named < end
            and (tokens[j + named].cap or tokens[j + named].kind == "handle")
        ):
            name = actor_at(tokens, j + named, end, lex, sentence_start=sentence_start)
            if name is not None:
                last, j = name.end - 1, name.end  # "a user named DroneWatch"
                continue
        if t.text in QUOTES_OPEN and lex.actor_nouns.has(tokens[last].lower, tokens[last].lemma):
            quoted = _quoted(tokens, j, end)
            if quoted is not None:
                # "канал «Рыбарь»", "издание «Фонтанка»": the name the noun describes,
                # with its closing quote.
                last, j = quoted.end, quoted.end + 1
                continue
        if (
            lex.connectors.has(t.lower, t.lemma)
            and j + 1 < end
            and (
                _is_head(tokens, j + 1, lex, sentence_start)
                or (
                    lex.determiners.has(tokens[j + 1].lower, tokens[j + 1].lemma)
                    and j + 2 < end
                    and _is_head(tokens, j + 2, lex, sentence_start)
                )
            )
        ):
            j += 1
            continue
        if (
            lex.connectors.has(t.lower, t.lemma)
            and j + 1 < end
            and lex.channel_words.has(tokens[last].lower, tokens[last].lemma)
            and _topic_word(tokens, j + 1, end, lex)
        ):
            last, j = j + 1, j + 2  # "un canal de aviación", "une chaîne d'information"
            continue
        if (
            lex.connectors.has(t.lower, t.lemma)
            and j + 3 < end
            and lex.connectors.has(tokens[j + 2].lower, tokens[j + 2].lemma)
            and (
                lex.verifier_nouns.has(tokens[j + 1].lower, tokens[j + 1].lemma)
                or (_body_noun(tokens[last], lex) and _common_then_name(tokens, j + 1, end, lex))
            )
        ):
            # "la cellule de vérification de France 24", "el servicio de emergencias de
            # Ucrania": a body's common noun of what it does, then whose it is
            j += 2
            continue
        if (
            t.word
            and not t.cap
            and tail < MAX_GENITIVE_TAIL
            and lex.subject_after_verb
            and _official_run(tokens, start, last + 1, lex)
        ):
            # A Slavic genitive tail: "Міністерство оборони України". It must end on a name or
            # an official word, so that a verb after the name ("Минобороны показывает
            # колонну") is not taken into it.
            ends = _genitive_tail_end(tokens, j, end, lex, sentence_start, MAX_GENITIVE_TAIL - tail)
            if ends:
                tail += ends - j
                last, j = ends - 1, ends
                continue
        if (
            t.word
            and not t.cap
            and lex.post_modifiers.has(t.lower, t.lemma)
            and (
                lex.official.has(tokens[last].lower, tokens[last].lemma)
                or lex.actor_nouns.has(tokens[last].lower, tokens[last].lemma)
            )
        ):
            last, j = j, j + 1  # "l'armée ukrainienne", "el ejército ruso": after the noun
            continue
        if (
            t.word
            and not t.cap
            and not _not_a_name(tokens, j, lex, sentence_start)
            and _has_actor_noun(tokens, j + 1, end, lex)
        ):
            # "Sumy regional military administration", "a Russian war blogger": modifiers
            # before the head
            j += 1
            continue
        if (
            t.word
            and not t.cap
            and lex.actor_nouns.has(tokens[last].lower, tokens[last].lemma)
            and not _not_a_name(tokens, j, lex, sentence_start)
            and any(tokens[k].cap for k in range(j + 1, min(end, j + 3)))
        ):
            j += 1  # "le journaliste gazaoui Rami Abou Jamous": an adjective before the name
            continue
        if lex.actor_preps.has(t.lower, t.lemma) and lex.actor_nouns.has(
            tokens[last].lower, tokens[last].lemma
        ):
            tail_end = _prepositional_tail(tokens, j + 1, end, lex, sentence_start)
            if tail_end:
                last, j = tail_end - 1, tail_end  # "researchers at Bellingcat"
                continue
        if t.word and _named_after_noun(tokens, last, j, lex):
            last, j = j, j + 1  # "user 13izy13dnepr13", "channel readovka"
            continue
        break
    span = ActorSpan(start, last + 1, phrase_text(tokens, start, last + 1), "name")
    if _only_platform_or_place(tokens, span, lex) or _lone_common_word(tokens, span, lex):
        return None
    if modifiers or not any(
        tokens[k].cap or tokens[k].acronym for k in range(span.start, span.end)
    ):
        return ActorSpan(span.start, span.end, span.text, "described")
    return span


def _body_noun(token: Token, lex: Lexicon) -> bool:
    return lex.official.has(token.lower, token.lemma) or lex.actor_nouns.has(
        token.lower, token.lemma
    )


def _lowercase_common_word(word: Token, lex: Lexicon) -> bool:
    return (
        word.word and not word.cap and not word.number and not lex.stop.has(word.lower, word.lemma)
    )


def _topic_word(tokens: list[Token], k: int, end: int, lex: Lexicon) -> bool:
    """A lowercase common noun at token k that says what a channel is about, the phrase's
    last word: "canal de aviación" (not "canal de Telegram", "cuenta de un soldado")."""
    word = tokens[k]
    if not _lowercase_common_word(word, lex):
        return False
    if lex.determiners.has(word.lower, word.lemma) or lex.any_platform.has(word.lower, word.lemma):
        return False
    after = tokens[k + 1] if k + 1 < end else None
    return after is None or not (after.word and lex.connectors.has(after.lower, after.lemma))


def _common_then_name(tokens: list[Token], k: int, end: int, lex: Lexicon) -> bool:
    """A lowercase word at token k, a connector, and a name after it (a determiner between
    allowed): "emergencias de Ucrania", "urgences de la ville de Kharkiv" is not one."""
    if not _lowercase_common_word(tokens[k], lex):
        return False
    n = k + 2
    while n < end and lex.determiners.has(tokens[n].lower, tokens[n].lemma):
        n += 1
    return n < end and tokens[n].cap


def actors_in(
    tokens: list[Token],
    lo: int,
    hi: int,
    lex: Lexicon,
    *,
    sentence_start: int = 0,
    limit: int | None = None,
    starts_before: int | None = None,
) -> list[ActorSpan]:
    """Every actor phrase between token lo and hi, left to right, none overlapping (the first
    `limit` of them, and only those starting before `starts_before`, if given)."""
    out: list[ActorSpan] = []
    i = lo
    lowers = [t.lower for t in tokens]
    last_start = hi if starts_before is None else min(hi, starts_before)
    while i < last_start and (limit is None or len(out) < limit):
        platform = lex.any_platform.phrase_at(lowers, i)
        if platform:
            i += platform  # "social media" is a platform, and "media" alone in it no actor
            continue
        span = actor_at(tokens, i, hi, lex, sentence_start=sentence_start)
        if span is None:
            i += 1
            continue
        out.append(span)
        i = span.end
    return out


def _prepositional_tail(
    tokens: list[Token], i: int, end: int, lex: Lexicon, sentence_start: int
) -> int | None:
    """The end of "[determiner] [modifiers] head" after a described actor's preposition,
    when it names who the actor belongs to; None when it does not end in a name or body."""
    k = i
    while k < end and lex.determiners.has(tokens[k].lower, tokens[k].lemma):
        k += 1
    for m in range(k, min(end, k + MAX_MODIFIERS + 1)):
        t = tokens[m]
        if not t.word or (_not_a_name(tokens, m, lex, sentence_start) and not t.cap):
            return None
        if _is_head(tokens, m, lex, sentence_start) and (
            t.cap or lex.official.has(t.lower, t.lemma) or lex.actor_nouns.has(t.lower, t.lemma)
        ):
            n = m + 1
            while n < end and _is_head(tokens, n, lex, sentence_start):
                n += 1
            return n
    return None


def _number_of_name(tokens: list[Token], last: int, j: int, end: int, lex: Lexicon) -> bool:
    """A short number right after a capitalised name word, not a count of something after
    it ("France 24 a pu", not "Zelensky 10 minutes ago" or "Kyiv 5 May")."""
    t = tokens[j]
    if not (t.text.isdecimal() and len(t.text) <= NAME_NUMBER_DIGITS and tokens[last].cap):
        return False
    if j + 1 >= end:
        return True
    after = tokens[j + 1]
    units = lex.data.get("duration_units", {})
    return not (after.lower in units or after.lower in lex.data.get("months", {}) or after.number)


def _genitive_tail_end(
    tokens: list[Token], j: int, end: int, lex: Lexicon, sentence_start: int, budget: int
) -> int | None:
    """The end (exclusive) of lower-case words from j that reach a name or an official word
    within `budget` words, or that run up to a cue verb ("Центру протидії дезінформації
    встановили": the verb ends the subject); None otherwise."""
    for k in range(j, min(end, j + budget)):
        t = tokens[k]
        if not t.word or _not_a_name(tokens, k, lex, sentence_start):
            return k if k > j and _is_cue(t, lex) else None
        if t.cap or lex.official.has(t.lower, t.lemma):
            return k + 1
    # The phrase was searched for up to the verb ("the subject before token `end`").
    if end < min(len(tokens), j + budget + 1) and end > j and _is_cue(tokens[end], lex):
        return end
    return None


def _is_cue(t: Token, lex: Lexicon) -> bool:
    return t.word and lex.cue_role(t.lower, t.lemma) is not None


def _has_actor_noun(
    tokens: list[Token], i: int, end: int, lex: Lexicon, *, official: bool = False
) -> bool:
    """Whether an actor noun (or, with `official`, only an official body's word) follows
    within MAX_MODIFIERS words, with nothing but words in between."""
    for k in range(i, min(end, i + MAX_MODIFIERS)):
        t = tokens[k]
        if not t.word:
            return False
        words = lex.official if official else lex.actor_nouns
        if words.has(t.lower, t.lemma) or (not official and lex.official.has(t.lower, t.lemma)):
            return True
    return False


def _official_run(tokens: list[Token], start: int, end: int, lex: Lexicon) -> bool:
    return any(lex.official.has(tokens[k].lower, tokens[k].lemma) for k in range(start, end))


def _named_after_noun(tokens: list[Token], last: int, j: int, lex: Lexicon) -> bool:
    """A name right after 'user', 'channel', 'account': one written with digits, or where
    every noun is capitalised, a dictionary word after a channel or an outlet ("der Kanal
    Nordwind", "die Zeitung Bild")."""
    t, noun = tokens[j], tokens[last]
    if j != last + 1 or not lex.actor_nouns.has(noun.lower, noun.lemma):
        return False
    if (any(c.isdigit() for c in t.text) or "_" in t.text) and any(c.isalpha() for c in t.text):
        return True  # "user 13izy13dnepr13", "the user kherson_live": a user name
    return (
        lex.capitalised_nouns
        and t.cap
        and (
            lex.channel_words.has(noun.lower, noun.lemma)
            or lex.outlet_words.has(noun.lower, noun.lemma)
        )
        and not _not_a_name(tokens, j, lex, 0)
        and not lex.actor_nouns.has(t.lower, t.lemma)
    )


def _quoted(tokens: list[Token], i: int, end: int) -> ActorSpan | None:
    """A quoted name: «Звезда», "Without Limits"."""
    for k in range(i + 1, min(end, i + 8)):
        if tokens[k].text in QUOTES_CLOSE:
            if k > i + 1 and all(tokens[m].word for m in range(i + 1, k)):
                return ActorSpan(i + 1, k, phrase_text(tokens, i + 1, k), "name")
            return None
    return None


def _lone_common_word(tokens: list[Token], span: ActorSpan, lex: Lexicon) -> bool:
    """One capitalised dictionary word ("Ukrainian", "Amerikaanse") is an adjective, not a
    name; an actor noun alone ("police"), a known agency or outlet ("Newsflash") or an unknown
    word ("Bellingcat") is an actor."""
    if span.end - span.start != 1:
        return False
    t = tokens[span.start]
    if (
        t.acronym
        or is_ordinal(t)
        or lex.actor_nouns.has(t.lower, t.lemma)
        or lex.official.has(t.lower, t.lemma)
        or (t.cap and t.lower in _known_bodies())  # "distributed by Newsflash"
    ):
        return False
    return known_word(t.lower, lex.code)


def _on_platform(token: Token, lex: Lexicon) -> bool:
    return any(p.has(token.lower, token.lemma) for p in lex.platform_words.values())


def _only_platform_or_place(tokens: list[Token], span: ActorSpan, lex: Lexicon) -> bool:
    words = [tokens[k] for k in range(span.start, span.end) if tokens[k].word]
    if not words:
        return True
    if all(_on_platform(t, lex) for t in words):
        return True
    lowers = [t.lower for t in words]
    if any(p.phrase_at(lowers, 0) == len(lowers) for p in lex.platform_words.values()):
        return True  # "social media"
    from .places import is_place  # the gazetteer is loaded only when a phrase needs it

    return is_place(span.text)


def phrase_text(tokens: list[Token], start: int, end: int) -> str:
    """The phrase as written, from its first token's start to its last token's end."""
    return "".join(
        (t.text if k == start or tokens[k - 1].end == t.start else " " + t.text)
        for k, t in enumerate(tokens[start:end], start=start)
    )
