"""Which language a report is in, and that language's lexicon compiled for the engine.

The engine (tokens, actors, hops, extract) knows constructions, never words: every word it
looks for comes from `languages/<code>.json`, compiled here into `Lexicon`. A language is added
by adding its file; `detect_language` then offers it to the identifier as well.

Word lists use one small notation so that inflected and compound forms are covered without a
list of every form: an entry is matched against a token's lower-cased text and its lemma
(simplemma); `abc*` matches words that start with `abc` (видеозапис* -> видеозаписи,
видеозаписью), `*abc` words that end with it (*beelden -> camerabeelden, dronebeelden), and an
entry with a space is a phrase of several tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..errors import BadInputError
from . import languages

ROLES = ("filmed", "released", "posted", "distributed", "published", "verified")
# The identifier's answer is taken only when it is this sure (py3langid's normalised
# probability); below it the text is too short or too mixed, and the fallback is the language
# whose footage words occur most.
MIN_LANGUAGE_CONFIDENCE = 0.5
# Text the identifier reads: enough for a confident answer, little enough to stay fast.
IDENTIFY_CHARS = 2000


COMPOUND_FIRST = 3  # letters of a closed compound's first part at least ("Nachrichten-")
COMPOUND_HEAD = 4  # letters of its last part, the member, at least ("-sender")


class UnsupportedLanguageError(BadInputError):
    """The report is in a language that has no data file under languages/."""


@dataclass(frozen=True)
class WordClass:
    """Words, lemmas, prefixes, suffixes and multi-token phrases of one kind."""

    words: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    # Closed classes (pronouns, articles, prepositions) match the word itself, never its
    # lemma: simplemma's lemma of Spanish "se" is "él".
    by_lemma: bool = True
    # The language whose lemmas the class lists (None: the words as written).
    lang: str | None = None
    # Nouns and verbs: a hyphenated compound is a member when its last part is one
    # ("Telegram-канал", "drone-video", "re-posted"); never for words such as "second",
    # which a compound ("30-second") does not make a cue.
    compounds: bool = False
    # Lemmas of the listed forms that are not listed themselves ("air" of "aired", "confirm"
    # of "confirmed"). Written as it is, such a lemma is often a noun ("air defences", "the
    # screen went dark"): see `only_as_lemma`.
    derived: frozenset[str] = frozenset()
    # Languages that write compounds as one word (de, nl): a word that ends in a member is
    # one ("Nachrichtensender", "politieagent"), its first part at least COMPOUND_FIRST and
    # the member at least COMPOUND_HEAD letters long.
    closed_compounds: bool = False
    # Answers already given, and phrases by their first word: the engine asks the same few
    # thousand words millions of times.
    _memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)
    _by_first: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        for phrase in self.phrases:
            self._by_first.setdefault(phrase[0], []).append(phrase)

    def has(self, lower: str, lemma: str) -> bool:
        key = (lower, lemma)
        found = self._memo.get(key)
        if found is None:
            found = (
                lower in self.words
                or (self.by_lemma and lemma in self.words)
                or lemma in self.derived
                or (bool(self.prefixes) and lower.startswith(self.prefixes))
                or (bool(self.suffixes) and lower.endswith(self.suffixes))
            )
            if not found and self.compounds and "-" in lower.strip("-"):
                first, head = lower.split("-", 1)[0], lower.rsplit("-", 1)[1]
                # "pro-Kremlin" qualifies; it is not the Kremlin.
                if first not in _modifier_prefixes():
                    found = self.has(head, self._lemma(head))
            if not found and self.closed_compounds:
                found = any(
                    lower[k:] in self.words
                    for k in range(COMPOUND_FIRST, len(lower) - COMPOUND_HEAD + 1)
                )
            self._memo[key] = found
        return found

    def only_as_lemma(self, lower: str, lemma: str) -> bool:
        """Whether the word is a member only as the unlisted lemma of listed forms, written
        as it is ("confirm" of "confirmed"): a verb after "to" or a modal, else often a noun."""
        return lower == lemma and lower in self.derived and lower not in self.words

    def _lemma(self, lower: str) -> str:
        if self.lang is None:
            return lower
        from .tokens import lemma_of

        return lemma_of(lower, self.lang)

    def length_at(self, tokens: list, lowers: list[str], i: int) -> int:
        """How many tokens from token i are a member: a phrase's length, 1 for a word, else 0."""
        if i >= len(tokens):
            return 0
        return self.phrase_at(lowers, i) or (1 if self.has(tokens[i].lower, tokens[i].lemma) else 0)

    def any_in(self, tokens: list) -> bool:
        """Whether any of the tokens is a member, or starts a phrase of this class."""
        lowers = [t.lower for t in tokens]
        return any(
            self.has(t.lower, t.lemma) or (self.phrases and self.phrase_at(lowers, k))
            for k, t in enumerate(tokens)
        )

    def phrase_at(self, lowers: list[str], i: int) -> int:
        """The length of the longest phrase of this class starting at token i (0: none)."""
        if i >= len(lowers):
            return 0
        best = 0
        for phrase in self._by_first.get(lowers[i], ()):
            n = len(phrase)
            if n > best and tuple(lowers[i : i + n]) == phrase:
                best = n
        return best


@cache
def _modifier_prefixes() -> frozenset[str]:
    """First parts that make a compound an adjective about its last part (common.json)."""
    return frozenset(languages.common().get("modifier_prefixes", []))


def union(classes: list[WordClass]) -> WordClass:
    """One class of every member of `classes` (which match the same way: by lemma, no
    compounds)."""
    assert all(c.by_lemma and not c.compounds and c.lang is None for c in classes)
    return WordClass(
        frozenset().union(*(c.words for c in classes)),
        tuple(p for c in classes for p in c.prefixes),
        tuple(x for c in classes for x in c.suffixes),
        tuple(ph for c in classes for ph in c.phrases),
        derived=frozenset().union(*(c.derived for c in classes)),
    )


def word_class(
    entries: list[str] | None,
    lemmas_of: str | None = None,
    *,
    by_lemma: bool = True,
    compounds: bool = False,
    closed_compounds: bool = False,
) -> WordClass:
    """The class of `entries`; with `lemmas_of` (a language code), each single word's lemma
    is a member too, so that listing one form of a verb covers its other forms."""
    words, prefixes, suffixes, phrases = set(), [], [], []
    entries = list(entries or [])
    derived: set[str] = set()
    if lemmas_of:
        from .tokens import lemma_of

        derived = {
            lemma_of(e.lower().strip(), lemmas_of)
            for e in entries
            if " " not in e.strip() and "*" not in e
        } - {e.lower().strip() for e in entries}
    for raw in entries:
        entry = raw.lower().strip()
        if " " in entry:
            phrases.append(tuple(entry.split()))
        elif entry.endswith("*") and not entry.startswith("*"):
            prefixes.append(entry[:-1])
        elif entry.startswith("*") and not entry.endswith("*"):
            suffixes.append(entry[1:])
        elif entry:
            words.add(entry)
    return WordClass(
        frozenset(words),
        tuple(prefixes),
        tuple(suffixes),
        tuple(phrases),
        by_lemma=by_lemma,
        lang=lemmas_of,
        compounds=compounds,
        derived=frozenset(derived),
        closed_compounds=closed_compounds,
    )


def _phrase_re(phrases: list[str]) -> re.Pattern:
    """Phrases matched on the lower-cased sentence text, at word boundaries."""
    if not phrases:
        return re.compile(r"(?!)")
    alternation = "|".join(
        re.escape(p.lower()) for p in sorted(set(phrases), key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w@-])(?:{alternation})(?![\w])")


@dataclass(frozen=True)
class Lexicon:
    """One language's words, by what they do in a sentence."""

    code: str
    data: dict[str, Any]
    footage: WordClass  # nouns for a video, footage, clip ... in any inflection or compound
    not_footage: re.Pattern  # phrases where a footage word is not footage ("video address")
    speech_verbs: WordClass  # "said", "zei", "заявил": "he said in the video" is an address
    speech_preps: WordClass  # the preposition between them: in, dans, в
    writing_verbs: WordClass  # "wrote", "schreef", "написали": with a platform, a post
    post_nouns: WordClass  # "In a post on X, Y said ...": Y posted on X
    photo: WordClass  # words that make an "images" caption a photo
    still_only: WordClass  # footage words that alone may be stills ("images", "beelden")
    new_cues: WordClass  # before a footage word: another piece ("another", "second")
    several: WordClass  # before a footage word: more than one piece ("several", "both", "такі")
    additive: WordClass  # "also", "також": another actor of the same piece ("Y also shared it")
    number_words: dict[str, float]  # "two": 2, for lengths and for how many pieces
    ordinals: dict[str, int]
    subject_pronouns: WordClass  # "they had released ...": the actor named before
    # "його поширили канали": an object before the verb, whose subject follows it
    object_pronouns: WordClass
    pronouns: WordClass  # a sentence that begins with one speaks of the footage before it
    cues: dict[str, WordClass]  # role -> its verbs
    # role -> (verb form, particle words) of verbs whose particle ends the main clause
    # ("maakte de beelden zondag bekend", "gab das Video frei"): written "verb ... particle".
    separable_cues: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    passive_only: WordClass  # cue verbs that are a hop only with an agent ("shown by")
    possession: WordClass  # "has", "beschikt over": "X says it has footage" is X's release
    agent: WordClass  # the passive agent's preposition ("by", "door", "von", "par")
    recipient_preps: WordClass  # "provided to X", "doorgespeeld aan X": who received it
    passive_aux: WordClass  # "was", "werd", "wurde", "a été" ...: the subject is the footage
    infinitive_markers: WordClass  # "to", "te", "zu": "was able to confirm" is no passive
    no_determiners: WordClass  # "no", "geen", "keine", "aucune": "no footage" is none
    possessives: WordClass  # "its", "their", "su", "sein": whose channel or page it is
    modals: WordClass  # "can", "could", "kunnen", "konnte": a verb's lemma after them is a verb
    sources: dict[str, WordClass]  # role hint -> "from", "courtesy of", "via" ...
    credit_labels: WordClass  # "Source", "Bron", "Quelle", "Источник" before a colon
    photo_labels: WordClass  # "Photo", "Foto", "Фото": a credit for a still, not footage
    determiners: WordClass  # skipped at the start of an actor
    camera_words: WordClass  # camera, bodycam, phone: "the bodycam of X" was X's, who filmed
    part_words: WordClass  # "piece", "part", "фрагмент": "the first piece of footage" is a part
    time_shift: WordClass  # "earlier", "in late", "ранее": the sentence moves to another time
    indefinite: WordClass  # "a", "een", "ein", "un": "a video of ..." introduces a piece
    connectors: WordClass  # inside a name: of, the, de, van, der ...
    locative_preps: WordClass  # "in", "в", "dans": what follows is a place, not who acted
    # after a described actor: "researchers at Bellingcat", "beheerders van ..."
    actor_preps: WordClass
    examples: WordClass  # "such as", "zoals": "users, such as the account X," names X
    partitives: WordClass  # "one of", "een van", "один из": "one of its drone pilots" is a pilot
    # Words after a footage word that lead to its owner where a body follows: "video van het
    # leger", "Video der Armee", "vidéo de l'armée" (English says "the army's video").
    owner_preps: WordClass
    actor_nouns: WordClass  # a described actor's head: soldier, sources, channel ...
    post_modifiers: WordClass  # adjectives after an actor's noun: "l'armée ukrainienne"
    verifier_nouns: WordClass  # researchers, fact-checkers, analysis: "according to" them verifies
    official: WordClass  # words of official bodies: ministry, brigade, police ...
    unit_words: WordClass  # an official body that is an armed unit (the catalog's actor_type)
    channel_words: WordClass  # channel, page, account: a named actor that is a channel
    outlet_words: WordClass  # newspaper, broadcaster, издание: a described actor that publishes
    agency_words: WordClass  # "news agency", "persbureau", "агентство": who distributes
    relatives: WordClass  # which, die, qui, який: "the video, which circulated ..."
    titles: WordClass  # governor, minister, мэр: before a name, an official who posts
    filming_verbs: WordClass  # filmed, filmde, grabó, заснял: whose object is footage itself
    naming_words: WordClass  # named, called, genaamd, под названием: "a user named X"
    adverbs: WordClass  # widely, first, later: between a relative pronoun and its verb
    spokespeople: WordClass  # who speaks for a body: spokesman, press service, речник ...
    stop: WordClass  # words that end an actor phrase
    platform_words: dict[str, WordClass]  # this language's own names of platforms
    # Every platform's and every source preposition's words in one class: most tokens are
    # neither, and one look says so.
    any_platform: WordClass
    any_source: WordClass
    capture: dict[str, WordClass]
    any_capture: WordClass  # every capture kind's words: one look rejects most tokens
    capture_phrases: dict[str, re.Pattern]
    # heeft, hat: right after the subject, the verb comes at the clause's end
    perfect_aux: WordClass
    negations: WordClass  # "not", "niet", "nicht", "не": a denied verb states no hop
    restrictives: WordClass  # "only", "alleen": "not only by X" denies nothing
    verb_final: bool  # Dutch, German: the object stands before the verb ("de video verspreid")
    subject_after_verb: bool  # "опублікував радник МВС ...": the subject may follow the verb
    capitalised_nouns: bool  # German: a capital letter does not make a name
    # The role of each word's cue ("" for none), asked for every token many times.
    _roles: dict = field(default_factory=dict, compare=False, hash=False, repr=False)
    # actors.py's answers on whether a word may be part of a name, by the word's own traits.
    not_names: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def platform_named(self, name: str) -> str | None:
        """The platform that a whole name ("Telegram", "social media", "X") names, if any."""
        words = name.lower().split()
        for platform, aliases in self.platform_words.items():
            if (len(words) == 1 and aliases.has(words[0], words[0])) or (
                words and aliases.phrase_at(words, 0) == len(words)
            ):
                return platform
        return None

    def is_footage(self, lower: str, lemma: str) -> bool:
        """A footage word, unless this very form is listed as a verb: "livestreamed" is
        posting, though its lemma "livestream" is footage."""
        return self.footage.has(lower, lemma) and (
            lower in self.footage.words or not any(lower in c.words for c in self.cues.values())
        )

    def cue_role(self, lower: str, lemma: str) -> str | None:
        """The role whose verbs include this word, if any; footage words are never cues
        ("Aufnahmen" is footage, though its lemma is the verb "aufnehmen")."""
        key = (lower, lemma)
        role = self._roles.get(key)
        if role is None:
            role = ""
            if not self.is_footage(lower, lemma):
                role = next((r for r, words in self.cues.items() if words.has(lower, lemma)), "")
            self._roles[key] = role
        return role or None

    def bare_lemma_cue(self, lower: str, lemma: str) -> bool:
        """Whether the word is a cue only as a verb's lemma written as it is (see
        WordClass.only_as_lemma)."""
        role = self.cue_role(lower, lemma)
        return role is not None and self.cues[role].only_as_lemma(lower, lemma)


def _separable(entry: str) -> tuple[str, tuple[str, ...]]:
    """ "maakte ... bekend" -> ("maakte", ("bekend",))."""
    verb, _, particle = entry.lower().partition("...")
    return verb.strip(), tuple(particle.split())


def _joined_separables(data: dict[str, Any], role: str) -> list[str]:
    """A separable verb joined to its particle, as a verb-final language writes it at the end
    of a subordinate clause ("die de aanval vastlegde", "das die Polizei freigab"): each
    "legde ... vast" of the data gives "vastlegde"."""
    if not data.get("verb_final"):
        return []
    out = []
    for entry in data.get("separable_cues", {}).get(role, []):
        verb, particle = _separable(entry)
        if len(particle) == 1:
            out.append(particle[0] + verb)
    return out


@cache
def lexicon(code: str) -> Lexicon:
    data = languages.load(code)
    common = languages.common()

    def wc(key: str) -> WordClass:
        return word_class(data.get(key))

    def closed(key: str) -> WordClass:
        return word_class(data.get(key), by_lemma=False)

    def nouns(key: str, extra: list[str] | None = None) -> WordClass:
        return word_class(
            data.get(key, []) + (extra or []),
            code,
            compounds=True,
            closed_compounds=bool(data.get("closed_compounds")),
        )

    platforms = {}
    for name, aliases in common["platforms"].items():
        platforms[name] = word_class(aliases + data.get("platforms", {}).get(name, []))
    sources = {role: word_class(words) for role, words in data.get("sources", {}).items()}
    capture_words = {}
    capture_phrases = {}
    for kind, entries in data.get("capture", {}).items():
        capture_words[kind] = word_class([e for e in entries if " " not in e])
        capture_phrases[kind] = _phrase_re([e for e in entries if " " in e])
    return Lexicon(
        code=code,
        data=data,
        footage=word_class(data.get("footage"), compounds=True),
        not_footage=_phrase_re(data.get("not_footage", [])),
        photo=wc("photo_words"),
        speech_verbs=word_class(data.get("speech_verbs"), code),
        speech_preps=closed("speech_preps"),
        writing_verbs=word_class(data.get("writing_verbs"), code),
        post_nouns=closed("post_nouns"),
        still_only=wc("still_only"),
        new_cues=closed("new_cues"),  # every form listed: "seconds" is no "second"
        several=wc("several"),
        additive=closed("additive"),
        number_words={k.lower(): v for k, v in data.get("number_words", {}).items()},
        ordinals={k.lower(): v for k, v in data.get("ordinals", {}).items()},
        pronouns=closed("pronouns"),
        subject_pronouns=closed("subject_pronouns"),
        object_pronouns=closed("object_pronouns"),
        cues={
            role: word_class(
                data.get("cues", {}).get(role, []) + _joined_separables(data, role),
                code,
                compounds=True,
            )
            for role in ROLES
        },
        separable_cues={
            role: tuple(_separable(entry) for entry in entries)
            for role, entries in data.get("separable_cues", {}).items()
        },
        passive_only=word_class(data.get("passive_only"), code),
        possession=closed("possession"),
        agent=closed("agent"),
        recipient_preps=closed("recipient_preps"),
        passive_aux=closed("passive_aux"),
        infinitive_markers=closed("infinitive_markers"),
        modals=closed("modals"),
        possessives=closed("possessives"),
        no_determiners=closed("no_determiners"),
        perfect_aux=closed("perfect_aux"),
        sources=sources,
        credit_labels=wc("credit_labels"),
        photo_labels=wc("photo_labels"),
        determiners=closed("determiners"),
        indefinite=closed("indefinite"),
        time_shift=wc("time_shift"),
        part_words=wc("part_words"),
        camera_words=word_class(data.get("camera_words"), compounds=True),
        connectors=closed("connectors"),
        actor_preps=closed("actor_preps"),
        examples=closed("examples"),
        partitives=closed("partitives"),
        owner_preps=closed("owner_preps"),
        locative_preps=closed("locative_preps"),
        # A title alone is an actor too: "the governor wrote on Telegram".
        actor_nouns=nouns(
            "actor_nouns",
            common.get("actor_nouns", []) + data.get("outlet_words", []) + data.get("titles", []),
        ),
        official=nouns("official", common.get("official")),
        post_modifiers=wc("post_modifiers"),
        verifier_nouns=word_class(data.get("verifier_nouns"), code),
        spokespeople=wc("spokespeople"),
        unit_words=wc("unit_words"),
        channel_words=word_class(data.get("channel_words"), compounds=True),
        outlet_words=nouns("outlet_words"),
        agency_words=nouns("agency_words"),
        relatives=closed("relative_pronouns"),
        titles=nouns("titles"),
        filming_verbs=word_class(data.get("filming_verbs"), code),
        naming_words=closed("naming_words"),
        adverbs=closed("clause_adverbs"),
        stop=wc("stopwords"),
        platform_words=platforms,
        any_platform=union(list(platforms.values())),
        any_source=union(list(sources.values())),
        capture=capture_words,
        any_capture=union(list(capture_words.values())),
        capture_phrases=capture_phrases,
        negations=closed("negations"),
        restrictives=closed("restrictives"),
        subject_after_verb=bool(data.get("subject_after_verb")),
        verb_final=bool(data.get("verb_final")),
        capitalised_nouns=bool(data.get("capitalised_nouns")),
    )


@cache
def _identifier() -> Any:
    """py3langid's model, loaded once (about half a second)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """The most likely language of the text among all py3langid knows, and its probability."""
    code, probability = _identifier().classify(text[:IDENTIFY_CHARS])
    return code, float(probability)


def detect_language(text: str) -> str:
    """The report's language code.

    A real identifier (py3langid, 97 languages) decides, so a report in a language without a
    data file is recognised as such instead of being read as the nearest one we have.

    Raises:
        UnsupportedLanguageError: the identifier is sure of a language with no data file.
    """
    available = languages.available()
    code, probability = identify(text)
    if code in available:
        return code
    if probability >= MIN_LANGUAGE_CONFIDENCE and len(text) >= 200:
        raise UnsupportedLanguageError(
            f"the text is in a language provenance has no word lists for ({code}); "
            f"available: {', '.join(available)}"
        )
    # Too short or too mixed to be sure: the available language the text uses most words of.
    _identifier().set_languages(list(available))
    try:
        code, _ = _identifier().classify(text[:IDENTIFY_CHARS])
    finally:
        _identifier().set_languages(None)
    return code
