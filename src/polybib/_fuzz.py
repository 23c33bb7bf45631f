"""Hostile references for robustness tests: real references cut into fragments and put back wrong.

One generator serves the property tests (`tests/test_fuzz.py`, through hypothesis' random source)
and the long fuzz run (`scripts/fuzz.py`): fragments shuffled, ISBD separators swapped, junk
inserted (control characters, NUL, lone surrogates as bad bytes decode with ``surrogateescape``,
right-to-left marks, combining marks, stray LaTeX and markup).

>>> import random
>>> text = mutate("Иванов И. И. Очерки. – М. : Наука, 2019. – 512 с.", random.Random(7))
>>> isinstance(text, str)
True
"""

from __future__ import annotations

import random
import re

__all__ = ["JUNK", "SEPARATORS", "check_one", "mutate"]

# ISBD and look-alike separators a list may use between or instead of its areas.
SEPARATORS = (". – ", ". - ", " — ", " : ", " / ", " ; ", ", ", ". ", " // ", "//", " -", "-", ".", ":", "/",
              ";", ",", " ", "", "\n", " . ", "–", "--", " (", ") ", "[", "]", "«", "»", "\"")
JUNK = ("\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\ufeff", "\u200b", "\u200e",
        "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069", "\u061c", "\u0301", "\u0308", "\u0327",
        "\u0338", "\u20dd", "\udcff", "\udc80", "\udce9", "\ufffd", "\uffff", "\U0001f600", "\u00a0", "\u3000",
        "\t", "\r", "\r\n", "\u2028", "\u2029", "ـ", "ا", "ქ", "ә", "ğ", "İ", "ı", "\\", "{", "}", "}}", "%",
        "\\input{/etc/passwd}", "\\write18{rm -rf ~}", "@", "@book{", "<script>", "&amp;", "#", "$", "^", "_",
        "~", "''", "``", "..", "...", "№", "§", "(", ")", "[", "]", "1", "2019", "-2019", "ISBN", "doi:",
        "http://", "URL:", "s.", "с.", "т.", "М.", "Bakı:", "//", "/ ", " : ", "; ", "–", "—", "\u0130\u0307")
_FRAGMENT = re.compile(r"(\s*(?:\.\s[–—-]|//|[.:/;,])\s*)")


def mutate(raw: str, rng: random.Random) -> str:
    """A hostile variant of a real reference ``raw``: up to a few of the mutations above."""
    pieces = [p for p in _FRAGMENT.split(raw) if p]
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(7)
        if kind == 0 and len(pieces) > 1:
            rng.shuffle(pieces)
        elif kind == 1 and pieces:
            pieces[rng.randrange(len(pieces))] = rng.choice(SEPARATORS)
        elif kind == 2:
            pieces.insert(rng.randrange(len(pieces) + 1), rng.choice(JUNK))
        elif kind == 3 and pieces:
            i = rng.randrange(len(pieces))
            word = pieces[i]
            at = rng.randrange(len(word) + 1)
            pieces[i] = word[:at] + "".join(rng.choice(JUNK) for _ in range(rng.randint(1, 3))) + word[at:]
        elif kind == 4 and len(pieces) > 1:
            del pieces[rng.randrange(len(pieces))]
        elif kind == 5 and pieces:
            i = rng.randrange(len(pieces))
            pieces.insert(i, pieces[i])   # a repeated fragment: "М. : М. : Наука"
        else:
            text = "".join(pieces)
            cut = rng.randrange(len(text) + 1)
            pieces = [text[:cut], rng.choice(SEPARATORS), text[cut:]]
    return "".join(pieces)


def check_one(text: str) -> list[str]:
    """Parse ``text``; the words the record lost (an exception propagates: a crash is a bug)."""
    from ._accounting import lost_words
    from ._parser import parse_reference

    return lost_words(parse_reference(text))
