"""Places a report names: the gazetteer (languages/places.json, each line one place's
spellings in several languages and scripts) and the names the text itself calls a place."""

from __future__ import annotations

import re
from functools import cache

from . import languages
from .language import Lexicon


@cache
def _gazetteer() -> tuple[re.Pattern, dict[str, int]]:
    """One pattern for every spelling in places.json, and each spelling's place number."""
    index = {
        spelling: n for n, spellings in enumerate(languages.places()) for spelling in spellings
    }
    alternation = "|".join(re.escape(s) for s in sorted(index, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), index


def is_place(name: str) -> bool:
    """Whether the whole name is a gazetteer spelling ("Bakhmut", "Бахмут")."""
    pattern, _ = _gazetteer()
    return bool(pattern.fullmatch(name.strip()))


def places_in(text: str, lex: Lexicon) -> list[str]:
    """Places named in the text: gazetteer spellings as written (one per place), then names
    the gazetteer lacks that the text calls a village, town or region (the language's
    `place_words`)."""
    pattern, index = _gazetteer()
    found: list[str] = []
    seen: set[int] = set()
    for m in pattern.finditer(text):
        if index[m.group(0)] not in seen:
            seen.add(index[m.group(0)])
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
