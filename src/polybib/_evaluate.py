"""Score the parser against a gold corpus, field by field, the way the team's corpus SCHEMA says.

The comparison is the reference implementation's (``shared/corpus/score.py``): the parser's
BibLaTeX output is read back with bibtexparser and each scored field is compared after NFC, dash
folding, white-space collapsing, dropping spaces after full stops, ``" : "`` = ``": "``, outer
braces and trailing punctuation stripped and case folded; name lists are compared as ordered lists.

>>> gold = [{"id": "x", "raw": "Иванов И. И. Очерки. – М. : Наука, 2019. – 512 с.",
...          "gold": {"ENTRYTYPE": "book", "author": ["Иванов, И. И."], "title": "Очерки",
...                   "location": ["Москва"], "publisher": ["Наука"], "year": "2019",
...                   "pagetotal": "512", "langid": "russian"}}]
>>> score = evaluate(gold)
>>> score.f1, score.exact
(1.0, 1.0)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bibtexparser

from ._biblatex import to_biblatex
from ._exceptions import InputError
from ._parser import parse_reference

__all__ = ["SCORED", "Score", "evaluate", "load_gold"]

SCORED = ("ENTRYTYPE", "author", "editor", "translator", "fulltitle", "titleaddon", "fullbooktitle",
          "journaltitle", "organization", "location", "publisher", "year", "pagetotal", "pages",
          "volume", "number", "edition", "series", "isbn", "issn", "doi", "url", "urldate", "langid")
_LISTS = {"author", "editor", "translator", "location", "publisher", "organization"}
_ALIASES = {"address": "location", "journal": "journaltitle", "institution": "organization"}
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


@dataclass
class Score:
    """Per-field counts, field-F1, whole-record exact match, and each record's errors."""

    per_field: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0, 0] for k in SCORED})
    exact_records: int = 0
    records: int = 0
    errors: list[tuple[str, str, list[tuple[str, Any, Any]]]] = field(default_factory=list)

    @property
    def f1(self) -> float:
        tp = sum(v[0] for v in self.per_field.values())
        fp = sum(v[1] for v in self.per_field.values())
        fn = sum(v[2] for v in self.per_field.values())
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0

    @property
    def exact(self) -> float:
        return self.exact_records / self.records if self.records else 0.0

    def field_f1(self, name: str) -> float | None:
        tp, fp, fn = self.per_field[name]
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None

    def table(self) -> str:
        lines = [f"{'field':14} {'tp':>5} {'fp':>5} {'fn':>5}  F1"]
        for name in SCORED:
            tp, fp, fn = self.per_field[name]
            if tp + fp + fn:
                lines.append(f"{name:14} {tp:5} {fp:5} {fn:5}  {2 * tp / (2 * tp + fp + fn):.3f}")
        lines.append(f"field-F1 {self.f1:.3f} record-exact {self.exact:.3f} n {self.records}")
        return "\n".join(lines)


def _norm(value: Any) -> str:
    s = unicodedata.normalize("NFC", str(value)).translate(_DASHES).replace("--", "-")
    s = s.replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\.\s+(?=\w)", ".", s)
    s = re.sub(r"\s*:\s*", ": ", s)
    s = re.sub(r"^[{\s]+|[}\s]+$", "", s)
    return s.strip(" .,;:/").casefold()


def _split_and(value: str) -> list[str]:
    parts, depth, current, i = [], 0, "", 0
    while i < len(value):
        char = value[i]
        depth += char == "{"
        depth -= char == "}"
        if depth == 0 and value[i:i + 5].lower() == " and ":
            parts.append(current)
            current, i = "", i + 5
            continue
        current += char
        i += 1
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def _view(fields: dict[str, Any], *, from_gold: bool) -> dict[str, Any]:
    fields = dict(fields)
    for alias, name in _ALIASES.items():
        if alias in fields and name not in fields:
            fields[name] = fields[alias]
    if not from_gold and "year" not in fields and "date" in fields:
        match = re.match(r"\d{4}", str(fields["date"]))
        if match:
            fields["year"] = match.group()
    view: dict[str, Any] = {}
    for name in SCORED:
        if name in ("fulltitle", "fullbooktitle"):
            base, sub = ("title", "subtitle") if name == "fulltitle" else ("booktitle", "booksubtitle")
            if fields.get(base):
                view[name] = _norm(fields[base] + (": " + fields[sub] if fields.get(sub) else ""))
        elif fields.get(name):
            value = fields[name]
            if name in _LISTS:
                items = value if isinstance(value, list) else (_split_and(value) if not from_gold else [value])
                view[name] = tuple(_norm(x) for x in items)
            elif name in ("isbn", "issn"):
                view[name] = re.sub(r"[^0-9Xx]", "", str(value)).upper()
            else:
                view[name] = _norm(value)
    return view


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold corpus (JSONL, one annotated reference per line)."""
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{path}:{number}: not a JSON object ({exc})") from None
        if not isinstance(record, dict) or "raw" not in record or "gold" not in record:
            raise InputError(f"{path}:{number}: a gold record needs 'raw' and 'gold'")
        records.append(record)
    return records


def evaluate(gold: Sequence[dict[str, Any]], *, types: Iterable[str] | None = None) -> Score:
    """Parse each gold record's ``raw`` string and compare with its ``gold`` fields."""
    wanted = set(types) if types else None
    records = [r for r in gold if wanted is None or r["gold"].get("ENTRYTYPE") in wanted]
    refs = [parse_reference(r["raw"]) for r in records]
    library = bibtexparser.parse_string(to_biblatex(refs))
    entries = list(library.entries)
    score = Score(records=len(records))
    for record, entry in zip(records, entries):
        got = {f.key.lower(): f.value for f in entry.fields}
        got["ENTRYTYPE"] = entry.entry_type
        mine = _view(got, from_gold=False)
        mine["ENTRYTYPE"] = _norm(entry.entry_type)
        theirs = _view(record["gold"], from_gold=True)
        errors = []
        for name in SCORED:
            expected, actual = theirs.get(name), mine.get(name)
            counts = score.per_field[name]
            if expected is not None and actual == expected:
                counts[0] += 1
                continue
            if actual is not None:
                counts[1] += 1
            if expected is not None:
                counts[2] += 1
            if expected is not None or actual is not None:
                errors.append((name, expected, actual))
        if errors:
            score.errors.append((record.get("id", "?"), record["raw"], errors))
        else:
            score.exact_records += 1
    return score
