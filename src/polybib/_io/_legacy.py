"""The Azerbaijani Latin alphabet of 1991-92 wrote "ä" where today's (1992) alphabet writes "ə";
legacy documents still carry it. A line is read as such when it has "ä" and no "ə", and letters
that only Azerbaijani and Turkish use among the Latin alphabets with "ä" (ı, İ, ğ) — so German,
Finnish, Swedish, Turkmen or Tatar text keeps its "ä".

>>> text, changed = normalise_legacy_alphabet("1. Äliyev H. Azärbaycan tarixi. - Bakı: Elm, 2005.\\n"
...                                           "2. Jäger, K. Händel. - Leipzig, 1999.")
>>> print(text)
1. Əliyev H. Azərbaycan tarixi. - Bakı: Elm, 2005.
2. Jäger, K. Händel. - Leipzig, 1999.
>>> changed
{1: 2}
>>> normalise_legacy_alphabet("Müstəqil Dövlətlər. - Bakı, 2012. Qäzet?")[1]
{}
"""

from __future__ import annotations

import re

__all__ = ["LEGACY_CODE", "normalise_legacy_alphabet"]

LEGACY_CODE = "legacy-alphabet"
_A_UMLAUT = re.compile("[äÄ]")
_SCHWA = re.compile("[əƏ]")
_AZERBAIJANI_OR_TURKISH = re.compile("[ıİğĞ]")
# letters of other alphabets with "ä" that Azerbaijani never uses (German ß, Turkmen ň ý ž, Tatar ҫ)
_OTHER_ALPHABETS = re.compile("[ßňŇýÝžŽ]")


def normalise_legacy_alphabet(text: str) -> tuple[str, dict[int, int]]:
    """Replace "ä"/"Ä" with "ə"/"Ə" on each line written in the 1991-92 alphabet.

    Returns the text and, for each changed line (numbered from 1), how many letters changed.
    A document that writes "ə" anywhere is not in the old alphabet, and is left alone.
    """
    if _SCHWA.search(text) or not _A_UMLAUT.search(text):
        return text, {}
    lines = text.split("\n")
    changed: dict[int, int] = {}
    for number, line in enumerate(lines, 1):
        if _A_UMLAUT.search(line) and _AZERBAIJANI_OR_TURKISH.search(line) and not _OTHER_ALPHABETS.search(line):
            lines[number - 1], changed[number] = _A_UMLAUT.subn(lambda m: "ə" if m.group() == "ä" else "Ə", line)
    return "\n".join(lines), changed
