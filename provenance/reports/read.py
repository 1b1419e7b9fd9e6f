"""Read a report (text, Markdown or HTML) into plain text with its metadata, and cut the text
into sentences with character offsets.

Offsets in the catalog and in `extract --json` refer to the text returned here: for a text
file the decoded file itself, for HTML the article text that trafilatura extracts.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import BadInputError

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
REPORT_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES
# A news article's text is tens of kilobytes, a saved page with its markup a few megabytes;
# past this a file is a dump or a book, and extraction would take minutes.
MAX_REPORT_BYTES = 5_000_000
MAX_REPORT_CHARS = 500_000  # about 150 pages of text: extraction takes seconds, not minutes
MAX_SENTENCE = 600  # characters; a paragraph with no sentence ends is cut at spaces
QUOTE_SPAN = 200  # characters back in which an open quotation keeps a sentence going


@dataclass
class Report:
    """One report as read from disk."""

    source: str
    text: str
    title: str | None = None
    site_name: str | None = None
    date: str | None = None  # ISO date the report gives for itself
    url: str | None = None
    encoding: str = "utf-8"
    format: str = "text"


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    headline: bool = False  # a line without sentence punctuation (a title or subheading)


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """UTF-8 (with or without BOM), else the encoding charset-normalizer detects."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise BadInputError(f"{source}: not UTF-8, and its encoding could not be detected")
    return str(best), best.encoding


def read_report(path: str | Path) -> Report:
    """Read a report file.

    Raises:
        BadInputError: missing, empty, undecodable, or HTML without article text.
    """
    path = Path(path)
    if not path.exists():
        raise BadInputError(f"{path}: no such file")
    if not path.is_file():
        raise BadInputError(f"{path}: not a regular file")
    size = path.stat().st_size
    if size > MAX_REPORT_BYTES:
        raise BadInputError(
            f"{path}: {size / 1e6:.1f} MB is no report (the limit is"
            f" {MAX_REPORT_BYTES // 1_000_000} MB); split it into its articles"
        )
    data = path.read_bytes()
    if not data.strip():
        raise BadInputError(f"{path}: empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadInputError(f"{path}: a binary file, not a text or HTML report")
    text, encoding = decode_bytes(data, str(path))
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        report = report_from_html(text, str(path), encoding)
    else:
        report = _text_report(path, text, encoding)
    if len(report.text) > MAX_REPORT_CHARS:
        raise BadInputError(
            f"{path}: {len(report.text):,} characters of text is no report (the limit is"
            f" {MAX_REPORT_CHARS:,}); split it into its articles"
        )
    return report


def _text_report(path: Path, text: str, encoding: str) -> Report:
    return Report(
        source=str(path),
        text=normalise_newlines(text),
        date=date_in_text(text),
        encoding=encoding,
        format="text",
    )


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return (
        "<html" in head or "<!doctype html" in head or ("<body" in head and "</p>" in text.lower())
    )


def report_from_html(html: str, source: str, encoding: str = "utf-8") -> Report:
    """The article inside a web page, with trafilatura (text, title, site name, date, URL)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    text = (
        getattr(doc, "text", None)
        if doc is not None and not isinstance(doc, dict)
        else (doc or {}).get("text")
    )
    if not text or len(text.split()) < 8:  # a menu or a cookie notice is not an article
        raise BadInputError(f"{source}: HTML page with no article text")

    def field(name: str) -> str | None:
        value = getattr(doc, name, None) if not isinstance(doc, dict) else doc.get(name)
        return str(value) if value else None

    title = field("title")
    body = normalise_newlines(text)
    # Put the headline first, as in a text report, so that it can be a sentence of its own.
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    return Report(
        source=source,
        text=body,
        title=title,
        site_name=field("sitename"),
        date=field("date"),
        url=field("url"),
        encoding=encoding,
        format="html",
    )


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# A dateline is one of the first lines of a text report, short, and mostly a date.
DATELINE_LINES = 6
DATELINE_MAX_CHARS = 60
DATELINE_OTHER_WORDS = 3  # "Published", "Publié le", "Updated on" around the date


def date_in_text(text: str) -> str | None:
    """A date the text gives for itself near its top: 'date 2023-07', 'Published 2022-06-02',
    or a dateline written out in any language we read ('6 oktober 2022', '4 мая 2023',
    'Published 15 de febrero de 2023')."""
    m = re.search(
        r"\b(?:date|datum|published|gepubliceerd|updated)\s*:?\s*(\d{4}-\d{2}(?:-\d{2})?)\b",
        text[:500],
        re.IGNORECASE,
    )
    if m:
        return m.group(1)
    lines = [line.strip() for line in text.splitlines() if line.strip()][:DATELINE_LINES]
    for line in lines:
        if len(line) <= DATELINE_MAX_CHARS:
            found = _written_date(line)
            if found:
                return found
    return None


def _written_date(line: str) -> str | None:
    """The full date (with its year) that a short line consists of, in any language."""
    from . import languages
    from .dates import find_date

    for code in languages.available():
        iso, span = find_date(line, languages.load(code), None)
        if iso and span and iso[:4] in line[span[0] : span[1]]:
            rest = (line[: span[0]] + " " + line[span[1] :]).split()
            if len(rest) <= DATELINE_OTHER_WORDS:
                return iso
    return None


_BOUNDARY = re.compile(r"[.!?…]+[’'\"”)\]]*\s+")


@cache
def _abbreviations() -> frozenset[str]:
    """Words that end in a full stop without ending a sentence, in every language we read
    (the language is not known yet when sentences are split)."""
    from . import languages

    return frozenset(
        a for code in languages.available() for a in languages.load(code).get("abbreviations", [])
    )


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into `text`. A line is never joined to the next one: headlines,
    captions and credits stand alone."""
    sentences: list[Sentence] = []
    paragraph = -1
    previous_blank = True
    offset = 0
    for line in text.split("\n"):
        start_of_line = offset
        offset += len(line) + 1
        if not line.strip():
            previous_blank = True
            continue
        if previous_blank:
            paragraph += 1
        previous_blank = False
        stripped = line.rstrip()
        headline = not re.search(r"[.!?…:;)”’'\"]$", stripped)
        for start, end in _sentence_spans(line):
            piece = line[start:end]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if piece:
                begin = start_of_line + start + lead
                sentences.append(Sentence(begin, begin + len(piece), piece, paragraph, headline))
    return sentences


def _inside_quote(text: str) -> bool:
    """Whether a quotation opened in `text` is still open at its end: more opening marks
    than closing ones, or an odd number of straight double quotes."""
    opened = sum(text.count(c) for c in "“«„")
    closed = sum(text.count(c) for c in "”»")
    if opened or closed:
        return opened > closed
    return text.count('"') % 2 == 1


def _sentence_spans(line: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        following = line[m.end() : m.end() + 1]
        if not following or not (
            following.isupper() or following.isdigit() or following in "‘'\"“([«„"
        ):
            continue
        if _inside_quote(line[max(start, m.start() - QUOTE_SPAN) : m.end()]):
            continue  # 'скандують "Україна! Україна!", а не ...': the quote goes on
        word = re.search(r"([\w.]+)[.!?…]+[’'\"”)\]]*\s+$", line[start : m.end()])
        if word and word.group(1).lower().rstrip(".") in _abbreviations():
            continue
        if word and re.fullmatch(r"\d{1,3}", word.group(1)) and m.group(0).startswith(". "):
            continue  # a German or Dutch ordinal: "die 93. Brigade", "am 13. September"
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(line)))
    out = []
    for s, e in spans:
        while e - s > MAX_SENTENCE:  # no sentence ends: cut at a space
            cut = line.rfind(" ", s, s + MAX_SENTENCE)
            cut = cut if cut > s else s + MAX_SENTENCE
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out
