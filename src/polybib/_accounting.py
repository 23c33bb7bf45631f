"""The no-loss invariant: every word of a reference is in a field, a recognised marker, or the note.

A word counts as kept when it occurs in any value of the record (its host included, the statement
of responsibility as printed, role words as printed, markers and note) or is one of the words that
are ISBD punctuation rather than content (page and volume words, "URL", "et al."), or is a place
abbreviation the record expanded.

>>> from polybib import parse_reference
>>> lost_words(parse_reference("Иванов И. И. Очерки. – М. : Наука, 2019. – 512 с."))
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from operator import attrgetter
from dataclasses import fields, is_dataclass
from typing import Any

from ._model import Reference
from ._tables import month_number, table_forms
from ._text import normalize

__all__ = ["lost_words", "record_words", "words_not_kept"]

_WORD = re.compile(r"[^\W\d_]+|\d+")
_NUMBER = re.compile(r"\d+")
# Words that are the punctuation of a description rather than content of a field; most come from
# the terms table (page, volume and issue words, URL and access-date introducers, "and others").
# "В кн.:", "Kn.", "In:" link a part to its host; "года", "року" follow an act's date ("от 19 июня 2009 года").
_BASE_SYNTAX = frozenset("url isbn i̇sbn issn doi и в г y il yil ci cı cu cü е ге я й th st nd rd з с "
                         "kn кн in i̇n сб года року".split())


@cache
def syntax_words() -> frozenset[str]:
    words = set(_BASE_SYNTAX)
    for kind in ("page", "volume", "number", "et_al", "url_intro", "access_date", "electronic", "edition", "act"):
        for form in table_forms(kind):
            words.update(w.casefold() for w in _WORD.findall(form))
    return frozenset(words)


@cache
def _content_fields(cls: type) -> tuple[str, ...]:
    """The fields of a record class that hold content (not the raw input, diagnostics or spans)."""
    return tuple(f.name for f in fields(cls) if f.name not in ("raw", "diagnostics", "spans"))


@cache
def _content_values(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """A function that returns the values of a record's content fields, as a tuple."""
    names = _content_fields(cls)
    if len(names) > 1:
        return attrgetter(*names)
    return lambda value: tuple(getattr(value, name) for name in names)


def _strings(value: Any, out: list[str]) -> list[str]:
    """Append every string held in ``value`` (nested lists, dicts and records) to ``out`` (in no
    particular order: a walk with a stack of the values still to visit, not a recursion)."""
    pending = [value]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if value:
                out.append(value)
        elif isinstance(value, (list, tuple)):
            pending.extend(value)
        elif isinstance(value, dict):
            pending.extend(value.values())
        elif is_dataclass(value) and not isinstance(value, type):
            pending.extend(filter(None, _content_values(type(value))(value)))   # most fields are empty
    return out


def record_words(ref: Reference) -> set[str]:
    """Every word the record holds, case-folded, in any field of its own or of its host."""
    return {w.casefold() for w in _WORD.findall(" ".join(_strings(ref, [])))}


def lost_words(ref: Reference) -> list[str]:
    """The words of the (normalised) input that the record does not account for."""
    return words_not_kept(ref, normalize(ref.raw)[0])


def words_not_kept(ref: Reference, text: str) -> list[str]:
    """The words of ``text`` (a reference's normalised input) that the record does not account for."""
    kept = record_words(ref)
    syntax = syntax_words()
    words = _WORD.findall(text)
    lost = []
    for i, word in enumerate(words):
        folded = word.casefold()
        if folded in kept or folded in syntax or _is_expanded_abbreviation(folded, kept):
            continue
        if (ref.urldate or ref.date) and month_number(folded):
            continue  # "7 January 2002" kept as 2002-01-07
        if folded.isdigit() and (_part_of_broken_number(words, i, kept) or int(folded) in _date_numbers(ref)):
            continue  # "36 – 5 6" kept as "36--56"; "Accessed 7 January 2002" kept as 2002-01-07
        if folded.isalpha() and _part_of_broken_word(words, i, kept):
            continue  # "fakül- təsində" kept as "fakültəsində" (a hyphen left by a line end)
        if word.isupper() and len(word) <= 3 and all(letter in kept for letter in folded):
            continue  # "Smith CD" kept as "Smith, C. D." (Vancouver initials without full stops)
        lost.append(word)
    return lost


def _date_numbers(ref: Reference) -> set[int]:
    """The year, month and day numbers of the record's ISO dates ("2002-01-07": 2002, 1, 7)."""
    return {int(n) for value in (ref.urldate, ref.date) for n in _NUMBER.findall(value) if "-" in value}


def _part_of_broken_number(words: list[str], i: int, kept: set[str]) -> bool:
    """Whether the digits ``words[i]`` and a neighbouring digit word are one kept number typed apart
    ("5 6" of "36 – 5 6" kept as 56). A lone "4" that a kept "43" merely contains is not kept."""
    joined = [words[i - 1] + words[i]] if i > 0 and words[i - 1].isdigit() else []
    if i + 1 < len(words) and words[i + 1].isdigit():
        joined.append(words[i] + words[i + 1])
    return any(number in k for number in joined for k in kept)


def _part_of_broken_word(words: list[str], i: int, kept: set[str]) -> bool:
    """Whether the letters ``words[i]`` and its neighbour are one kept word that a line end broke."""
    pairs = [words[i - 1] + words[i]] if i > 0 else []
    if i + 1 < len(words):
        pairs.append(words[i] + words[i + 1])
    return any(pair.casefold() in kept for pair in pairs)


def _is_expanded_abbreviation(word: str, kept: set[str]) -> bool:
    """"м" for Москва, "спб" for Санкт-Петербург: an abbreviation whose expansion the record holds."""
    if len(word) > 4:
        return False
    return word.isalpha() and len(word) <= 3 and any(k.startswith(word[0]) and len(k) > len(word) for k in kept)
