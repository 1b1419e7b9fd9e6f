"""Words of a sentence with their offsets, case and lemma: what the engine reasons over.

Lemmas come from simplemma, a dictionary lemmatiser for all seven languages, so that
"опубликовало", "опубликованное" and "опубликовать" are one verb to the lexicon.

Its dictionaries are read through simplemma's own MARISA-trie factory, which writes each
language's trie to the user's cache directory the first time (about 10 s for all seven, once
per machine) and memory-maps it afterwards: decoding the shipped dictionaries took 5.5 s in
every process that read reports in all seven languages, half of the time of 1,000 articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory
from simplemma.utils import normalize_token

from .. import config

# The endings of an outlet's name that is its web address ("Maldita.es", "Fontanka.ru"): the
# name is one word, not a sentence's end and a word "es".
DOMAINS = "com|org|net|info|news|media|online|tv|io|ru|ua|by|es|fr|de|nl|be|uk|eu|pl|ge|kz"
TOKEN = re.compile(
    r"(?P<url>https?://\S+[\w/]|t\.me/[\w/]+[\w])"
    r"|(?P<handle>@[\w.]*\w|(?<![\w/])u/[\w-]+)"
    r"|(?P<word>\d{1,3}\.(?=\s+[A-ZÄÖÜ])|\d{1,3}\.[ªº]|[^\W_]+(?:[-‐'’&_][^\W_]+)*(?:\.(?:"
    + DOMAINS
    + r")\b)?"
    r"(?:(?<=[^\W\d_])\+(?![\w+]))?)"  # a name ending in a plus: "Exilenova+", "Canal+"
    r"|(?P<punct>[^\w\s])",
)
POSSESSIVE = re.compile(r"^(.+?)['’]s$")
LEMMA_CACHE = 200_000
# A sentence this long with this share of capitalised words is a headline in title case.
TITLE_MIN_WORDS = 4
TITLE_SHARE = 0.7


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offset in the text the sentence came from
    end: int
    kind: str  # word, handle, url or punct
    lower: str
    lemma: str
    in_title: bool = False  # in a headline Written In Title Case, where capitals tell nothing

    @property
    def cap(self) -> bool:
        return self.kind == "word" and self.text[:1].isupper()

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return self.kind == "word" and len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def number(self) -> bool:
        return self.kind == "word" and self.text[:1].isdigit()

    @property
    def word(self) -> bool:
        return self.kind == "word"


@cache
def _dictionaries() -> TrieDictionaryFactory:
    return TrieDictionaryFactory(disk_cache_dir=config.lemma_cache_dir())


@cache
def _lemmatizer() -> Lemmatizer:
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_dictionaries()))


@cache
def _lookup() -> DictionaryLookupStrategy:
    return DictionaryLookupStrategy(_dictionaries())


@lru_cache(maxsize=LEMMA_CACHE)
def lemma_of(lower: str, lang: str) -> str:
    try:
        return _lemmatizer().lemmatize(lower, lang=lang).lower()
    except (ValueError, KeyError):
        return lower


@lru_cache(maxsize=LEMMA_CACHE)
def known_word(lower: str, lang: str) -> bool:
    """Whether the language's dictionary knows the word: a capitalised known word at the start
    of a sentence (or any German noun) is a common word, not a name."""
    try:
        return _lookup().get_lemma(normalize_token(lower), lang) is not None
    except (ValueError, KeyError):
        return False


def tokenize(text: str, lang: str, offset: int = 0) -> list[Token]:
    """The tokens of `text`; offsets are `offset` + position in `text`."""
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        value = m.group(0)
        start = offset + m.start()
        if kind == "word" and _possessive_s(lang):
            possessive = POSSESSIVE.match(value)
            if possessive:
                # "officer's body camera": the owner is a word of its own.
                head = possessive.group(1)
                out.append(_token(head, start, "word", lang))
                out.append(
                    Token(
                        value[len(head) :],
                        start + len(head),
                        start + len(value),
                        "punct",
                        "'s",
                        "'s",
                    )
                )
                continue
        elided = _elided_name(value, lang) if kind == "word" else None
        if elided:
            # "l'AFP", "d'Ukraine": the article is a word of its own, so that the name
            # after it has its capital.
            out.append(_token(value[:elided], start, "word", lang))
            out.append(_token(value[elided:], start + elided, "word", lang))
            continue
        if kind == "word" and "_" in value:
            kind = "handle"  # "frontline_diary": prose has no underscores, screen names do
        out.append(_token(value, start, kind, lang))
    words = [x for x in out if x.kind == "word" and x.text[:1].isalpha()]
    # A line that ends with a full stop is a sentence, however many names it has ("Відео
    # поширив Telegram-канал Труха."); a headline has none.
    sentence_end = text.rstrip().endswith(".")
    if (
        not sentence_end
        and len(words) >= TITLE_MIN_WORDS
        and sum(x.cap for x in words) >= TITLE_SHARE * len(words)
    ):
        out = [replace(x, in_title=True) for x in out]
    return out


@lru_cache(maxsize=16)
def _possessive_s(lang: str) -> bool:
    """Whether the language's "'s" is a possessive ending (its data file says so), not a
    plural ("pagina's") or an elision."""
    from . import languages

    return lang in languages.available() and bool(languages.load(lang).get("possessive_s"))


@lru_cache(maxsize=16)
def _elisions(lang: str) -> re.Pattern | None:
    """The language's elided articles and particles before a capitalised name (its data
    file's "elisions": "l'", "d'" ...), as one pattern; None where it has none."""
    from . import languages

    if lang not in languages.available():
        return None
    found = languages.load(lang).get("elisions") or []
    if not found:
        return None
    alternatives = "|".join(re.escape(e.rstrip("'’")) for e in sorted(found, key=len, reverse=True))
    return re.compile(rf"^(?:{alternatives})['’]", re.IGNORECASE)


def _elided_name(value: str, lang: str) -> int | None:
    """Where the name begins in "l'AFP" (after the apostrophe), if the word is one."""
    pattern = _elisions(lang)
    if pattern is None:
        return None
    m = pattern.match(value)
    if m is None or not value[m.end() :][:1].isupper():
        return None
    return m.end()


def _token(value: str, start: int, kind: str, lang: str) -> Token:
    lower = value.lower()
    lemma = lemma_of(lower, lang) if kind == "word" else lower
    return Token(value, start, start + len(value), kind, lower, lemma)
