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
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

import iuliia

from ._collation import collation_key
from ._input import CheckedList, Entry
from ._report import Hit

__all__ = ["RULES", "collation_order", "duplicates", "numbering", "skeleton"]

_LANGUAGE_NAMES = {"az": "Azerbaijani", "ru": "Russian", "uk": "Ukrainian"}
# Azerbaijani (and Kazakh, Uzbek) Cyrillic letters the Russian transliteration schemas do not know.
_EXTRA_CYRILLIC = str.maketrans({"ә": "a", "ғ": "g", "ҝ": "g", "ј": "y", "һ": "h", "ө": "o", "ү": "u",
                                 "ұ": "u", "ҹ": "c", "ҳ": "h", "қ": "k", "ң": "n", "і": "i", "ї": "i",
                                 "є": "e", "ґ": "g", "ў": "u"})
_FOLD = str.maketrans({"ə": "a", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u", "x": "h",
                       "q": "k", "w": "v", "j": "y"})


def numbering(checked: CheckedList) -> Iterator[Hit]:
    """Numbers that skip (6 after 4) and references without a number in a numbered list."""
    numbered = [(e, int(e.label)) for e in checked.entries if e.label and e.label.isdigit()]
    if not numbered:
        return
    previous: int | None = None
    for position, entry in enumerate(checked.entries):
        if entry.label and entry.label.isdigit():
            value = int(entry.label)
            if previous is not None and value != previous + 1:
                yield Hit("numbering-gap", f"item {value} follows item {previous}", 0, 0, entry=entry.index)
            previous = value
            continue
        expected = (previous or 0) + 1
        following = next((e.label for e in checked.entries[position + 1:] if e.label and e.label.isdigit()),
                         None)
        fixable = following is None or int(following) == expected + 1
        yield Hit("unnumbered-item", "a reference without a number in a numbered list"
                  + (f"; it would be number {expected}" if fixable else ""), 0, 0,
                  str(expected) if fixable else None, entry=entry.index)
        previous = expected if fixable else previous


def collation_order(checked: CheckedList) -> Iterator[Hit]:
    """The references are not in the order of their alphabets (script group, then word by word)."""
    entries = [e for e in checked.entries if _sort_text(e)]
    if len(entries) < 2:
        return
    main_script, main_language = _main_script_and_language(entries)
    group = {"Cyrl": 1, "Latn": 2}
    group[main_script] = 0

    def key(entry: Entry):  # noqa: ANN202 - a sort key
        script = entry.ref.script
        return (group.get(script, 3), collation_key(_sort_text(entry), language=entry.ref.language.split("-")[0],
                                                      script=script))

    for before, after in zip(entries, entries[1:]):
        if key(after) < key(before):
            language = _LANGUAGE_NAMES.get(main_language, main_language)
            misplaced = sum(1 for a, b in zip(entries, sorted(entries, key=key)) if a is not b)
            yield Hit("collation-order", f"the list is not in {language} collation order: "
                      f"{_shown(after)!r} (item {after.index}) sorts before {_shown(before)!r} "
                      f"(item {before.index}); {misplaced} of {len(entries)} references are out of place",
                      0, 0, entry=after.index)
            return


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


def _main_script_and_language(entries: list[Entry]) -> tuple[str, str]:
    languages = Counter((e.ref.script, e.ref.language.split("-")[0]) for e in entries)
    (script, language), _ = languages.most_common(1)[0]
    return script, language


def duplicates(checked: CheckedList) -> Iterator[Hit]:
    """The same work twice, also in two scripts or transliterations ("Иванов И. И." = "Ivanov I. I.")."""
    seen: dict[str, list[tuple[Entry, str]]] = {}   # by the name's skeleton: only those can match
    for entry in checked.entries:
        ref = entry.ref
        name = skeleton(ref.authors[0].corporate or ref.authors[0].family) if ref.authors else ""
        title = skeleton(ref.title)
        if not title:
            continue
        for other, other_title in seen.get(name, ()):
            same_year = not (ref.year and other.ref.year) or ref.year == other.ref.year
            if same_year and _similar(title, other_title):
                how = "" if ref.script == other.ref.script else " in another script"
                yield Hit("duplicate-reference", f"this reference repeats item {other.index}{how}", 0, 0,
                          entry=entry.index)
                break
        seen.setdefault(name, []).append((entry, title))


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


RULES = {
    "unnumbered-item": numbering,
    "numbering-gap": numbering,
    "collation-order": collation_order,
    "duplicate-reference": duplicates,
}
