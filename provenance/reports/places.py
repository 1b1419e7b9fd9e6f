"""Places a report names: the gazetteer (languages/places.json, each line one place's
spellings in several languages and scripts) and the names the text itself calls a place."""

from __future__ import annotations

import re
from functools import cache

from . import languages
from .language import Lexicon

# A Cyrillic name is inflected ("Авдіївка", "Авдіївкою", "під Авдіївкою"; "Харьков",
# "Харькове", "Харьковской области"): its stem, less a final vowel or soft sign, with up to
# this many letters of ending.
SLAVIC_ENDING_LETTERS = 4
SLAVIC_FINAL = "аеиоуыэюяйьіїєґ"
CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)


@cache
def _gazetteer() -> tuple[re.Pattern, dict[str, int]]:
    """One pattern for every spelling in places.json (a Cyrillic one with its endings), and
    each spelling's (or stem's) place number."""
    index: dict[str, int] = {}
    forms = []
    for n, spellings in enumerate(languages.places()):
        for spelling in spellings:
            index[spelling] = n
            if CYRILLIC.search(spelling) and " " not in spelling:
                stem = spelling.rstrip(SLAVIC_FINAL)
                if len(stem) >= 4:
                    index.setdefault(stem, n)
                    forms.append(
                        (len(stem), rf"{re.escape(stem)}[а-яёіїєґ]{{0,{SLAVIC_ENDING_LETTERS}}}")
                    )
                    continue
            forms.append((len(spelling), re.escape(spelling)))
    alternation = "|".join(f for _, f in sorted(forms, key=lambda f: -f[0]))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), index


def _place_number(found: str) -> int | None:
    """The place a matched spelling (maybe inflected) is."""
    _, index = _gazetteer()
    if found in index:
        return index[found]
    for cut in range(1, SLAVIC_ENDING_LETTERS + 1):
        if found[:-cut] in index:
            return index[found[:-cut]]
    return None


def place_in_english(place: str) -> str | None:
    """The gazetteer's first (English) spelling of a place ("Bachmoet" -> "Bakhmut",
    "Авдіївкою" -> "Avdiivka")."""
    n = _place_number(place)
    return languages.places()[n][0] if n is not None else None


def is_place(name: str) -> bool:
    """Whether the whole name is a gazetteer spelling ("Bakhmut", "Бахмут")."""
    pattern, _ = _gazetteer()
    return bool(pattern.fullmatch(name.strip()))


def places_in(text: str, lex: Lexicon) -> list[str]:
    """Places named in the text: gazetteer spellings as written (one per place), then names
    the gazetteer lacks that the text calls a village, town or region (the language's
    `place_words`)."""
    pattern, _ = _gazetteer()
    found: list[str] = []
    seen: set[int] = set()
    for m in pattern.finditer(text):
        n = _place_number(m.group(0))
        if n is not None and n not in seen:
            seen.add(n)
            found.append(m.group(0))
    words = lex.data.get("place_words", [])
    if words:
        alternation = "|".join(map(re.escape, words))
        for m in re.finditer(
            rf"(?i:\b(?:{alternation}))\s+(?:(?i:of|van|de|von)\s+)?([A-ZА-ЯІЇЄ][\w’'-]{{3,}})"
            rf"|\b([A-ZА-ЯІЇЄ][\w’'-]{{3,}})\s+(?i:{alternation})\b",
            text,
        ):
            name = m.group(1) or m.group(2)
            if name not in found and not lex.stop.has(name.lower(), name.lower()):
                found.append(name)
    return found
