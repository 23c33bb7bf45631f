"""A small collation for the "list not in collation order" rule.

**Stop-gap:** the formatting work (issue 4) brings the project's shared collation module; this one
should then be replaced by it. It knows the Azerbaijani Latin alphabet, the Russian one (ё sorts as е,
GOST 7.80-2000 / common practice) and the Ukrainian one; other letters sort after the known ones by
code point. A list is ordered by script group first -- the list's own script, then the others
(Cyrillic before Latin, GOST 7.1 practice: documents in the list's language and script first) -- and
inside a group word by word (the heading, else the title).

>>> sorted(["Osmanov", "Əliyev", "Mirabdullayev", "Ismayılov", "Çələbi"], key=lambda w: word_key(w, "az"))
['Çələbi', 'Əliyev', 'Ismayılov', 'Mirabdullayev', 'Osmanov']
>>> sorted(["Шакирзаде", "Ёлкин", "Ершов", "Азербайджанская"], key=lambda w: word_key(w, "ru"))
['Азербайджанская', 'Ёлкин', 'Ершов', 'Шакирзаде']

A long list keeps one key per reference until its end, so the key is also kept packed into one short
string that sorts as the tuples do:

>>> words = ["Əliyev Həmzə", "Əliyev H", "Əliyeva", "Çələbi 2005"]
>>> packed = sorted(words, key=lambda w: packed_key(w, language="az", script="Latn"))
>>> packed == sorted(words, key=lambda w: collation_key(w, language="az", script="Latn"))
True
"""

from __future__ import annotations

import re

__all__ = ["ALPHABETS", "collation_key", "packed_key", "word_key"]

ALPHABETS = {
    "az": "a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z".split(),
    "ru": "а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я".split(),
    "uk": "а б в г ґ д е є ж з и і ї й к л м н о п р с т у ф х ц ч ш щ ь ю я".split(),
}
_EQUIVALENT = {"ru": {"ё": "е"}}
_DEFAULT_FOR_SCRIPT = {"Latn": "az", "Cyrl": "ru"}
_WORD = re.compile(r"[^\W\d_]+|\d+")
_END_OF_WORD = "\x01"            # below every packed letter: a word sorts before its continuations
_LAST = 0x10FFFF                 # the last code point: a place past it is written as two characters


def _fold(text: str, language: str) -> str:
    if language in ("az", "tr"):
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def word_key(word: str, language: str) -> tuple[int, ...]:
    """The letters of one word as their places in the language's alphabet (others after them)."""
    alphabet = ALPHABETS.get(language, ALPHABETS["az"])
    rank = {letter: i for i, letter in enumerate(alphabet)}
    equivalent = _EQUIVALENT.get(language, {})
    return tuple(rank.get(equivalent.get(ch, ch), len(alphabet) + ord(ch))
                 for ch in _fold(word, language))


def collation_key(text: str, *, language: str, script: str) -> tuple[tuple[int, ...], ...]:
    """The key a heading or title sorts by: word by word, in the alphabet of its language."""
    if language not in ALPHABETS:
        language = _DEFAULT_FOR_SCRIPT.get(script, "az")
    return tuple(word_key(word, language) for word in _WORD.findall(text))


def packed_key(text: str, *, language: str, script: str) -> str:
    """`collation_key` as one string that compares as the tuple does: each place p as chr(p + 2), each
    word closed by chr(1). About a tenth of the tuple's size, for the rules that keep a key per reference."""
    out = []
    for word in collation_key(text, language=language, script=script):
        for place in word:
            place += 2
            out.append(chr(place) if place < _LAST else chr(_LAST) + chr(place - _LAST + 2))
        out.append(_END_OF_WORD)
    return "".join(out)
