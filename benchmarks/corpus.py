"""Lists of unique, realistic references built from the real strings of the project's corpora.

The 191 strings of tests/data/dev.jsonl and tests/data/recommended-literature.gold.jsonl ("raw") are
repeated, and each repetition k changes the numbers of every string deterministically: years go back by
k mod 40, every other number (pages, volumes, issues) goes up by k // 40 (by k when the string has no
year). URLs and ISBN/ISSN are left alone. So "Bakı, 1993, səh. 46." becomes "Bakı, 1992, səh. 46." in
copy 1 and "Bakı, 1993, səh. 47." in copy 40: no two references of a list are the same string, and a
cache keyed on a whole reference cannot make a long list look fast. A string without any number has
one copy only, one with a year and no other number at most 40.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import count, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT / "tests" / "data" / "dev.jsonl", ROOT / "tests" / "data" / "recommended-literature.gold.jsonl")
YEAR_CYCLE = 40
WARM_UP_COPY = 100_003   # far past the last copy a 1,000,000-reference list uses (about 5,300)

_KEEP = re.compile(r"(?:https?://|www\.)\S+|IS[BS]N[\s:]*[\dXx‐-]+", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\d.])\d{1,4}(?!\d|\.\d)")


def corpus() -> list[str]:
    """The real reference strings, in file order."""
    return [json.loads(line)["raw"] for path in CORPORA
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _is_year(number: str) -> bool:
    return len(number) == 4 and 1800 <= int(number) <= 2029


class Template:
    """A reference cut into text and numbers, so that its copies are quick to write."""

    def __init__(self, text: str) -> None:
        self.pieces: list[str] = []    # text, a number, text, a number, ..., text
        self.years: list[bool] = []
        last = 0
        for start, end in _number_spans(text):
            self.pieces += [text[last:start], text[start:end]]
            self.years.append(_is_year(text[start:end]))
            last = end
        self.pieces.append(text[last:])
        self.has_year = any(self.years)
        others = not all(self.years)
        self.copies = None if others else (YEAR_CYCLE if self.has_year else 1)

    def copy(self, k: int) -> str:
        """Copy ``k``: years back by k mod 40, other numbers up by k // 40 (by k with no year)."""
        year_shift, other_shift = (k % YEAR_CYCLE, k // YEAR_CYCLE) if self.has_year else (0, k)
        out = self.pieces[:]
        for index, is_year in enumerate(self.years):
            shift = -year_shift if is_year else other_shift
            if shift:
                out[2 * index + 1] = str(int(out[2 * index + 1]) + shift)
        return "".join(out)


def _number_spans(text: str) -> Iterator[tuple[int, int]]:
    last = 0
    for kept in [*_KEEP.finditer(text), None]:
        end = kept.start() if kept else len(text)
        for match in _NUMBER.finditer(text, last, end):
            yield match.span()
        last = kept.end() if kept else end


def vary(text: str, k: int) -> str:
    """Copy ``k`` of ``text`` (copy 0 is the text itself)."""
    return Template(text).copy(k)


@lru_cache(maxsize=1)
def _base() -> tuple[Template, ...]:
    return tuple(Template(text) for text in corpus())


def references(n: int) -> list[str]:
    """The first ``n`` references: copy 0 of every string, then copy 1, ... (every list is a prefix
    of a longer one)."""
    return list(islice(iter_references(), n))


def iter_references() -> Iterator[str]:
    base = _base()
    for k in count():
        for template in base:
            if template.copies is None or k < template.copies:
                yield template.copy(k)


def warm_up_references() -> list[str]:
    """References in no list up to a million: for loading a tool's tables before its clock starts."""
    return [template.copy(WARM_UP_COPY) for template in _base() if template.copies is None]


def write_list(path: Path, n: int) -> None:
    """A numbered list file of ``n`` references, one a line ("1. ..."), as polybib parse reads it."""
    with path.open("w", encoding="utf-8") as out:
        for number, text in enumerate(islice(iter_references(), n), 1):
            out.write(f"{number}. {text}\n")
