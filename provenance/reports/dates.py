"""Dates as reports write them, resolved to ISO against the report's own date.

- absolute: '2022-09-13', '13 September 2022', 'September 13, 2022'
- day and month without a year: the latest year, not after the reference date, in which that
  day falls on the weekday the text names ('Tuesday, September 13' -> 2022-09-13 when read in
  2026); without a weekday, the latest such date not after the reference
- a weekday alone ('on Wednesday'): the last such day on or before the reference date
- relative days ('yesterday', 'gisteren')
"""

import datetime as dt
import re
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=16)
def date_pattern(
    months: tuple[str, ...],
    weekdays: tuple[str, ...],
    relative: tuple[str, ...],
    suffixes: tuple[str, ...] = (),
    fillers: tuple[str, ...] = (),
) -> re.Pattern:
    """Dates as the language writes them; its month and weekday names, day suffixes ("13th",
    "13e") and filler words ("the 13th of May", "13 de mayo") come from its data file."""

    def alternation(words: tuple[str, ...]) -> str:
        return "|".join(sorted(map(re.escape, words), key=len, reverse=True)) or "(?!)"

    month, weekday, rel = alternation(months), alternation(weekdays), alternation(relative)
    suffix = f"(?:{alternation(suffixes)})?"
    filler = rf"(?:(?:{alternation(fillers)})\s+)?"
    day = r"(?P<{}>\d{{1,2}})" + suffix
    return re.compile(
        r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
        rf"|(?:(?P<wd1>{weekday}),?\s+)?{filler}{day.format('d1')}\s+{filler}(?P<m1>{month})\.?(?:,?\s+{filler}(?P<y1>\d{{4}}))?\b"
        rf"|(?:(?P<wd2>{weekday}),?\s+)?(?P<m2>{month})\.?\s+{day.format('d2')}\b(?:,?\s+(?P<y2>\d{{4}}))?"
        rf"|\b(?P<wd3>{weekday})\b"
        rf"|\b(?P<rel>{rel})\b",
        re.IGNORECASE,
    )


def find_date(
    text: str, lang: dict[str, Any], reference: dt.date | None
) -> tuple[str | None, tuple[int, int] | None]:
    """The first date in `text` as ISO (or None), and where it is."""
    pattern = date_pattern(
        tuple(lang.get("months", {})),
        tuple(lang.get("weekdays", {})),
        tuple(lang.get("relative_days", {})),
        tuple(lang.get("day_suffixes", [])),
        tuple(lang.get("date_fillers", [])),
    )
    for m in pattern.finditer(text):
        if m.group("rel") and m.group("rel")[:1].isupper() and text[: m.start()].strip():
            continue  # "Kupiansk Today": a capitalised relative day inside a name
        iso = resolve_match(m, lang, reference)
        if iso:
            return iso, m.span()
    return None, None


def resolve_match(m: re.Match, lang: dict[str, Any], reference: dt.date | None) -> str | None:
    g = m.groupdict()
    if g["iso"]:
        try:
            return dt.date.fromisoformat(g["iso"]).isoformat()
        except ValueError:
            return None
    months, weekdays = lang.get("months", {}), lang.get("weekdays", {})
    for n in ("1", "2"):
        if g[f"m{n}"]:
            month = months[g[f"m{n}"].lower()]
            day = int(g[f"d{n}"])
            year = g[f"y{n}"]
            weekday = weekdays.get((g[f"wd{n}"] or "").lower())
            if year:
                return _safe_date(int(year), month, day)
            return resolve_without_year(month, day, weekday, reference)
    if g["wd3"] and reference is not None:
        target = weekdays[g["wd3"].lower()]
        back = (reference.weekday() - target) % 7
        return (reference - dt.timedelta(days=back)).isoformat()
    if g["rel"] and reference is not None:
        shift = lang["relative_days"][g["rel"].lower()]
        return (reference + dt.timedelta(days=shift)).isoformat()
    return None


def resolve_without_year(
    month: int, day: int, weekday: int | None, reference: dt.date | None
) -> str | None:
    """The latest year, not after `reference`, that has this day (on this weekday, if given)."""
    reference = reference or dt.date.today()
    for year in range(reference.year, reference.year - 30, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate > reference:
            continue
        if weekday is None or candidate.weekday() == weekday:
            return candidate.isoformat()
    return None


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_reference(value: str | None) -> dt.date | None:
    """'2022-06-02', '2022-06-02T10:00:00', '2023-07' (first of the month) -> date."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value.strip())
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None
