"""The language tables under ``polybib/data/``: loaded lazily, validated on load, looked up here.

Each table is a JSON file that says where it comes from (``source``), what it holds
(``description``), its ``entries`` and its own ``samples``, which `tests/test_tables.py` runs
through the look-up functions below. Adding a language means adding entries, not code.

>>> expand_place("М.", lang="ru", script="Cyrl")
'Москва'
>>> expand_place("B.", lang="az", script="Latn")
'Bakı'
>>> role_of("elmi red.")
'editor'
>>> role_of("пер. с англ.")
'translator'
>>> is_genre("монография"), is_genre("humanitar əlaqələr")
(True, False)
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ._exceptions import DataTableError

__all__ = ["expand_place", "genre_keyword_at", "genre_keyword_reach", "is_abbreviation", "is_genre", "is_term", "load_table",
           "month_number", "role_of", "season_number", "table_forms"]

_REQUIRED_KEYS = ("source", "description", "entries", "samples")


@cache
def load_table(name: str, *, folder: str = "", required: tuple[str, ...] = _REQUIRED_KEYS) -> dict[str, Any]:
    """Read and validate ``data/[<folder>/]<name>.json``: it must say where it comes from and hold
    the ``required`` keys."""
    label = f"{folder} table {name!r}" if folder else f"data table {name!r}"
    try:
        base = resources.files("polybib.data")
        text = (base.joinpath(folder) if folder else base).joinpath(f"{name}.json").read_text("utf-8")
        table = json.loads(text)
    except (OSError, ValueError) as exc:
        raise DataTableError(f"{label} cannot be read: {exc}") from exc
    missing = [key for key in required if not table.get(key) and table.get(key) != []]
    if missing:
        raise DataTableError(f"{label} lacks {', '.join(missing)}")
    if not str(table.get("source", "")).strip():
        raise DataTableError(f"{label} does not say where it comes from")
    return table


@lru_cache(maxsize=8192)
def match_key(text: str) -> str:
    """The form role words, genre words and terms are compared in.

    Case is folded (the Turkic "İ" to "i"), a colon or full stop at the end is ignored, and spaces after full stops
    do not count ("под  ред." = "под ред."; "учеб.пособие" = "учеб. пособие").
    """
    key = text.replace("İ", "i").casefold().strip().rstrip(":").strip()   # Turkic dotted capital: "CİLD"
    key = _SPACE.sub(" ", _FULL_STOP.sub(". ", key).strip())
    return key.replace("’", "'").replace("ʻ", "'").replace("‘", "'").replace("`", "'")


_FULL_STOP = re.compile(r"\.\s*")
_SPACE = re.compile(r"\s+")
_PLACE_NOISE = re.compile(r"[\s.]")


@cache
def _places() -> dict[tuple[str, str], str]:
    index: dict[tuple[str, str], str] = {}
    for entry in load_table("places")["entries"]:
        where = entry.get("lang") or entry.get("script")
        if not where or "abbr" not in entry or "place" not in entry:
            raise DataTableError(f"places entry {entry!r} needs abbr, place and lang or script")
        index[(_place_key(entry["abbr"]), where)] = entry["place"]
    return index


def _place_key(abbr: str) -> str:
    return _PLACE_NOISE.sub("", abbr).casefold()


def expand_place(abbr: str, *, lang: str, script: str) -> str | None:
    """The place an abbreviation stands for in a record of this language and script."""
    key = _place_key(abbr)
    if not key:
        return None
    places = _places()
    return places.get((key, lang)) or places.get((key, script))


@cache
def _roles() -> dict[str, str]:
    index: dict[str, str] = {}
    for entry in load_table("roles")["entries"]:
        for form in entry["forms"]:
            index[match_key(form)] = entry["role"]
    return index


def role_of(words: str) -> str | None:
    """The role ("editor", "compiler", "translator", "note") that role words give, if any."""
    return _roles().get(match_key(words))


@cache
def role_forms() -> tuple[str, ...]:
    """Every role form, longest first, as match keys (for prefix search)."""
    return tuple(sorted(_roles(), key=len, reverse=True))


@cache
def _genre_keywords() -> frozenset[str]:
    return frozenset(match_key(k).rstrip(".") for entry in load_table("genres")["entries"] for k in entry["keywords"])


@cache
def _genre_pattern() -> re.Pattern[str]:
    keywords = sorted(_genre_keywords(), key=len, reverse=True)
    alternatives = "|".join(re.escape(k).replace(r"\ ", r"\s?") for k in keywords)
    # the lookahead for a keyword's first letter spares the hundred alternatives at most words
    first_letters = "".join(re.escape(c) for c in sorted({k[0] for k in keywords}))
    lookahead = f"(?=[{first_letters}])" if first_letters else ""
    return re.compile(rf"(?<!\w){lookahead}(?:{alternatives})(?:\.|(?!\w))", re.IGNORECASE)


@cache
def genre_keyword_reach() -> int:
    """The most characters a genre keyword covers in a text, its full stop included (each character
    of a keyword matches one of the text, a space none or one): a keyword that ends a text starts
    no further than this from its end."""
    return max(map(len, _genre_keywords()), default=0) + 1


def is_genre(text: str) -> bool:
    """True when a piece of other title information names the kind of publication."""
    return bool(_genre_pattern().search(match_key(text.strip("[] "))))


def genre_keyword_at(text: str, start: int) -> int:
    """The end of a genre keyword that starts at ``text[start]`` (``start`` when there is none)."""
    match = _genre_pattern().match(text, start)
    return match.end() if match else start


@cache
def table_forms(kind: str) -> tuple[str, ...]:
    """The forms of one kind of term ("page", "volume", "et_al", ...), longest first."""
    entries = load_table("terms")["entries"]
    if kind not in entries:
        raise DataTableError(f"terms table has no kind {kind!r}")
    forms = entries[kind]
    if isinstance(forms, dict):   # one list per language ("months", "seasons"): every word of each
        forms = {word for words in forms.values() for form in words for word in form.split()}
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def _term_keys(kind: str) -> frozenset[str]:
    return frozenset(match_key(f).rstrip(".") for f in table_forms(kind))


def is_term(kind: str, word: str) -> bool:
    """True when ``word`` is one of the forms of this kind of term."""
    return match_key(word).rstrip(".") in _term_keys(kind)


def is_abbreviation(word: str) -> bool:
    """True for a word the lists abbreviate with a full stop that does not end a sentence."""
    return is_term("abbreviations", word)


@cache
def _seasons() -> dict[str, dict[str, int]]:
    """language -> season word -> its number (1 spring ... 4 winter, CSL's season-01 ... season-04)."""
    return {language: {word: number for number, form in enumerate(forms, 1) for word in form.split()}
            for language, forms in load_table("terms")["entries"]["seasons"].items()}


def season_number(word: str, language: str = "") -> int | None:
    """The season (1 spring ... 4 winter) a word names, in ``language`` first: "yaz" is spring in
    Azerbaijani and summer in Turkish.

    >>> season_number("Summer"), season_number("yaz", "az"), season_number("yaz", "tr"), season_number("May")
    (2, 1, 2, None)
    """
    folded = word.casefold().rstrip(".")
    seasons = _seasons()
    for words in (seasons.get(language.split("-")[0], {}), *seasons.values()):
        if folded in words:
            return words[folded]
    return None


def month_number(word: str) -> int | None:
    """The month (1-12) that a month name in any listed language starts with, or that a month
    abbreviation of three letters or more begins ("авг", "сент", "dek": GOST 7.0.12-2011, 5.2).

    >>> month_number("августа"), month_number("авг"), month_number("ав")
    (8, 8, None)
    """
    folded = word.casefold()
    for stems in load_table("terms")["entries"]["months"].values():
        for number, stem in enumerate(stems, 1):
            if folded.startswith(stem) and (len(stem) > 2 or len(folded) <= 4):
                return number
            if len(folded) >= 3 and stem.startswith(folded):
                return number
    return None
