"""Rules on the list as a whole: its numbering, its order, and references listed twice.

>>> from polybib._check._input import load
>>> checked = load("1. Əliyev H. Tarix. - Bakı: Elm, 2005. - 164 s.\\n"
...                "3. Иванов И. И. Очерки истории. – М. : Наука, 2019. – 512 с.\\n"
...                "4. Ivanov I. I. Ocherki istorii. – M. : Nauka, 2019. – 512 s.\\n")
>>> [(h.code, h.entry) for h in numbering(checked)]
[('numbering-gap', 2)]
>>> [(h.code, h.entry) for h in duplicates(checked)]
[('duplicate-reference', 3)]
"""

from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import Protocol

import iuliia

from ._collation import packed_key
from ._input import CheckedList, Entry
from ._report import Hit

__all__ = ["RULES", "CollationOrder", "Duplicates", "ListRule", "Numbering", "collation_order", "duplicates", "numbering",
           "run_rule", "skeleton"]

_LANGUAGE_NAMES = {"az": "Azerbaijani", "ru": "Russian", "uk": "Ukrainian"}
# Azerbaijani (and Kazakh, Uzbek) Cyrillic letters the Russian transliteration schemas do not know.
_EXTRA_CYRILLIC = str.maketrans({"ә": "a", "ғ": "g", "ҝ": "g", "ј": "y", "һ": "h", "ө": "o", "ү": "u",
                                 "ұ": "u", "ҹ": "c", "ҳ": "h", "қ": "k", "ң": "n", "і": "i", "ї": "i",
                                 "є": "e", "ґ": "g", "ў": "u"})
_FOLD = str.maketrans({"ə": "a", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u", "x": "h",
                       "q": "k", "w": "v", "j": "y"})


class Numbering:
    """Numbers that skip (6 after 4) and references without a number in a numbered list.

    Whether an unnumbered reference could take the next number depends on the next number that
    follows it, so its finding waits for that number (or the end of the list). The state is the last
    number and the run of unnumbered references since it (two integers), never the records."""

    def __init__(self) -> None:
        self.previous: int | None = None
        self.numbered = False                # a numbered reference seen: only then is a missing number a slip
        self.waiting: range = range(0)       # the unnumbered references since the last number, by position

    def add(self, entry: Entry) -> Iterator[Hit]:
        if not (entry.label and entry.label.isdigit()):
            self.waiting = range(self.waiting.start if self.waiting else entry.index, entry.index + 1)
            return
        value = int(entry.label)
        yield from self._settle(following=value)
        if self.previous is not None and value != self.previous + 1:
            yield Hit("numbering-gap", f"item {value} follows item {self.previous}", 0, 0, entry=entry.index)
        self.previous = value
        self.numbered = True

    def finish(self) -> Iterator[Hit]:
        if self.numbered:
            yield from self._settle(following=None)

    def _settle(self, *, following: int | None) -> Iterator[Hit]:
        for index in self.waiting:
            expected = (self.previous or 0) + 1
            fixable = following is None or following == expected + 1
            yield Hit("unnumbered-item", "a reference without a number in a numbered list"
                      + (f"; it would be number {expected}" if fixable else ""), 0, 0,
                      str(expected) if fixable else None, entry=index)
            self.previous = expected if fixable else self.previous
        self.waiting = range(0)


class CollationOrder:
    """The references are not in the order of their alphabets (script group, then word by word).

    The list's own script (the one most references are in) sorts first, so which pair of neighbours
    is the first out of order is known only at the end: it is followed for each script the list could
    turn out to be in (a handful). Each reference leaves its packed collation key and its script; the
    number of references out of place is counted from them at the end."""

    def __init__(self) -> None:
        self.keys: list[str] = []                     # packed_key of each reference with a heading or title
        self.scripts = array("l")                     # ... and its script, as a place in script_names
        self.script_names: dict[str, int] = {}
        self.languages: Counter[tuple[str, str]] = Counter()
        self.previous: tuple[str, str, str, int] | None = None   # script, key, shown, position
        # for each script that could be the list's own (None: one not seen yet), the first pair out of order
        self.first: dict[str | None, tuple[int, int, str, str] | None] = {None: None}

    def add(self, entry: Entry) -> Iterator[Hit]:
        text = _sort_text(entry)
        if not text:
            return iter(())
        script, language = entry.ref.script, entry.ref.language.split("-")[0]
        self.languages[script, language] += 1
        key = packed_key(text, language=language, script=script)
        shown = _shown(entry)
        if script not in self.first:      # until now, this script's group was the others' one
            self.first[script] = self.first[None]
            self.script_names[script] = len(self.script_names)
        if self.previous is not None:
            before_script, before_key, before_shown, before_index = self.previous
            for main, found in self.first.items():
                if found is None and (_group(script, main), key) < (_group(before_script, main), before_key):
                    self.first[main] = (entry.index, before_index, shown, before_shown)
        self.keys.append(key)
        self.scripts.append(self.script_names[script])
        self.previous = (script, key, shown, entry.index)
        return iter(())

    def finish(self) -> Iterator[Hit]:
        if len(self.keys) < 2:
            return
        (main_script, main_language), _ = self.languages.most_common(1)[0]
        found = self.first[main_script]
        if found is None:
            return
        after, before, after_shown, before_shown = found
        groups = [_group(name, main_script) for name in self.script_names]
        order = sorted(range(len(self.keys)), key=lambda i: (groups[self.scripts[i]], self.keys[i]))
        misplaced = sum(1 for position, i in enumerate(order) if position != i)
        language = _LANGUAGE_NAMES.get(main_language, main_language)
        yield Hit("collation-order", f"the list is not in {language} collation order: "
                  f"{after_shown!r} (item {after}) sorts before {before_shown!r} "
                  f"(item {before}); {misplaced} of {len(self.keys)} references are out of place",
                  0, 0, entry=after)


def _group(script: str, main_script: str | None) -> int:
    """The list's own script first, then Cyrillic, Latin, the others (GOST 7.1 practice)."""
    return 0 if script == main_script else {"Cyrl": 1, "Latn": 2}.get(script, 3)


def _sort_text(entry: Entry) -> str:
    """The heading a reference is filed under (GOST 7.80-2000), else its title: a body named only in the
    statement of responsibility is not a heading."""
    ref = entry.ref
    if ref.authors and ("author" in ref.spans or entry.fields is not None):
        first = ref.authors[0]
        return first.corporate or f"{first.family} {first.given}".strip()
    return ref.title


def _shown(entry: Entry) -> str:
    ref = entry.ref
    if ref.authors and ("author" in ref.spans or entry.fields is not None):
        return ref.authors[0].corporate or ref.authors[0].family
    return ref.title if len(ref.title) <= 40 else ref.title[:39] + "…"


class Duplicates:
    """The same work twice, also in two scripts or transliterations ("Иванов И. И." = "Ivanov I. I.").

    Each reference leaves its position, title skeleton, year and script, filed under its name's
    skeleton (only references under one skeleton can match)."""

    def __init__(self) -> None:
        self.seen: dict[str, list[tuple[int, str, str, str]]] = {}

    def add(self, entry: Entry) -> Iterator[Hit]:
        ref = entry.ref
        name = skeleton(ref.authors[0].corporate or ref.authors[0].family) if ref.authors else ""
        title = skeleton(ref.title)
        if not title:
            return
        for index, other_title, year, script in self.seen.get(name, ()):
            same_year = not (ref.year and year) or ref.year == year
            if same_year and _similar(title, other_title):
                how = "" if ref.script == script else " in another script"
                yield Hit("duplicate-reference", f"this reference repeats item {index}{how}", 0, 0,
                          entry=entry.index)
                break
        self.seen.setdefault(name, []).append((entry.index, title, sys.intern(ref.year), ref.script))

    def finish(self) -> Iterator[Hit]:
        return iter(())


class ListRule(Protocol):
    """A rule on the list as a whole, fed one reference at a time. ``add`` gives what is known once
    a reference is read (about it or one before it), ``finish`` what is known only at the end. A rule
    keeps small keys per reference, never the records."""

    def add(self, entry: Entry) -> Iterator[Hit]: ...

    def finish(self) -> Iterator[Hit]: ...


def run_rule(rule: ListRule, checked: CheckedList) -> list[Hit]:
    """A list rule's hits over a whole list, in the order of the references they are about."""
    hits = [hit for entry in checked.each() for hit in rule.add(entry)]
    hits.extend(rule.finish())
    return sorted(hits, key=lambda hit: hit.entry or 0)


def numbering(checked: CheckedList) -> list[Hit]:
    return run_rule(Numbering(), checked)


def collation_order(checked: CheckedList) -> list[Hit]:
    return run_rule(CollationOrder(), checked)


def duplicates(checked: CheckedList) -> list[Hit]:
    return run_rule(Duplicates(), checked)


def _similar(title: str, other: str) -> bool:
    """Titles at least 85% alike (difflib's ratio; its cheap upper bounds rule most pairs out first)."""
    matcher = difflib.SequenceMatcher(None, title, other)
    return matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85


@lru_cache(maxsize=1 << 16)   # bounded: a list of any length is checked in bounded memory
def skeleton(text: str) -> str:
    """A spelling-blind form of a name or title: transliterated to Latin, diacritics and the letters
    that transliterations disagree on folded away.

    >>> skeleton("Иванов"), skeleton("Ivanov"), skeleton("Əliyev"), skeleton("Алиев")
    ('ivanov', 'ivanov', 'aliev', 'aliev')
    """
    text = unicodedata.normalize("NFC", text).casefold().translate(_EXTRA_CYRILLIC)
    if re.search(r"[а-яё]", text):
        text = iuliia.WIKIPEDIA.translate(text).casefold()
    text = text.translate(_FOLD)
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    for spelled, sound in (("kh", "h"), ("zh", "y"), ("sh", "s"), ("ch", "c"), ("ts", "c"), ("dj", "c"),
                           ("y", ""), ("'", ""), ("ʹ", "")):
        text = text.replace(spelled, sound)
    text = re.sub(r"[^a-z0-9]+", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


RULES: dict[str, type[ListRule]] = {
    "unnumbered-item": Numbering,
    "numbering-gap": Numbering,
    "collation-order": CollationOrder,
    "duplicate-reference": Duplicates,
}
