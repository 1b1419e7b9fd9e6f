"""Language data for extraction: one JSON file per language (word lists and patterns), plus
common.json (platforms, agencies, outlets, actor kinds) and places.json (a gazetteer).

A language is added by adding its JSON file here; nothing in the engine names a language.
"""

import json
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


@cache
def available() -> tuple[str, ...]:
    """Language codes with a data file, in a fixed order."""
    return tuple(sorted(p.stem for p in HERE.glob("*.json") if p.stem not in ("common", "places")))


@cache
def load(code: str) -> dict[str, Any]:
    return json.loads((HERE / f"{code}.json").read_text(encoding="utf-8"))


@cache
def common() -> dict[str, Any]:
    return json.loads((HERE / "common.json").read_text(encoding="utf-8"))


@cache
def places() -> list[list[str]]:
    return json.loads((HERE / "places.json").read_text(encoding="utf-8"))
