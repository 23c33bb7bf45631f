"""Text normalisation: Unicode NFC, white space, look-alike letters, damaged fonts.

Every repair that changes a letter is reported, so that nothing is changed silently.

>>> text, notes = normalize("Adilov  M.  Türk\u00a0 mətninin  problemləri")
>>> text
'Adilov M. Türk mətninin problemləri'
>>> normalize("O`zbek adabiyoti tarixi. 1-kitоb")[0]   # a Cyrillic "о" inside a Latin word
'O`zbek adabiyoti tarixi. 1-kitob'
>>> [d.code for d in normalize("Взаимоотношения Азербайджанcкой")[1]]
['mixed-script-word']
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache

from ._lang import detect_script
from ._model import Diagnostic, Severity, Span
from ._tables import load_table

__all__ = ["ADDRESS", "ENTITY", "SINE_LOCO", "SINE_NOMINE", "normalize"]

# GOST 7.1-2003, 6.4.8 and 6.4.12: the description says no place ("[S. l.]", "[Б. м.]") or no publisher
# ("[s. n.]", "[б. и.]") is named; the parser reads them, the GOST R 7.0.100-2018 style prints them again
SINE_LOCO = re.compile(r"\[?(?:[Ss]\.\s?l\.|[Бб]\.\s?м\.)\]?")
SINE_NOMINE = re.compile(r"\[?(?:б\.\s?и\.|s\.\s?n\.)\]?", re.IGNORECASE)

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
# ... and what _SPACES would change besides a run of plain spaces: any other of its characters, listed
# (every character str.isspace() accepts but the space, then U+200B and U+FEFF): a class that leaves the
# space out by a lookahead kept the search from skipping to the candidates, four times slower
_OTHER_SPACE = re.compile("[\t-\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_WORD = re.compile(r"[^\W\d_]+")
# Azerbaijani texts exported from old PDF fonts: Ģ (U+0122) for ş/Ş and Ġ (U+0120) for İ.
_FONT_DAMAGE = {"\u0122": "ş", "\u0120": "İ", "\u0123": "ş"}


@cache
def _homoglyphs() -> tuple[dict[str, str], dict[str, str]]:
    pairs = load_table("homoglyphs")["entries"]
    return {lat: cyr for lat, cyr in pairs}, {cyr: lat for lat, cyr in pairs}


def normalize(text: str) -> tuple[str, list[Diagnostic]]:
    """Return the normalised text and the diagnostics of the repairs made."""
    diagnostics: list[Diagnostic] = []
    text = unicodedata.normalize("NFC", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
        diagnostics.append(Diagnostic("control-character", "control characters were replaced by spaces",
                                      Severity.INFO))
    if "\ufffd" in text:
        diagnostics.append(Diagnostic("replacement-character",
                                      "the text holds U+FFFD: it was damaged before it reached polybib"))
    if "&" in text and ";" in text:
        text = _decode_entities(text, diagnostics)
    if "  " in text or _OTHER_SPACE.search(text):   # (most texts are spaced right: no copy to make)
        text = _SPACES.sub(" ", text)
    text = text.strip()
    if " ." in text or " ," in text:   # "Quliyev Ə . Azərbaycan dili . Bakı : Elm , 2001 .": a stray space before
        text = _SPACE_BEFORE_STOP.sub("", text)
    text = _repair_font_damage(text, diagnostics)
    text = _repair_homoglyphs(text, diagnostics)
    return text, diagnostics


_SPACE_BEFORE_STOP = re.compile(r"(?<=[^\W_])\s(?=[.,](?![.,])(?:\s|$))")
# an HTML entity closed by ";" and an address (the check rules use them too)
ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,8}|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});")
ADDRESS = re.compile(r"(?:https?://|www\.)\S+")


def _decode_entities(text: str, diagnostics: list[Diagnostic]) -> str:
    """"Название &ndash; М. : Наука": HTML entities copied from a web page, decoded outside addresses
    (only entities closed by ";": "&notify=" in an address is no "&not")."""
    urls = [m.span() for m in ADDRESS.finditer(text)]
    decoded = []

    def decode(match: re.Match[str]) -> str:
        if any(a <= match.start() < b for a, b in urls):
            return match.group()
        value = html.unescape(match.group())
        if value != match.group():
            decoded.append(match.group())
        return value

    text = ENTITY.sub(decode, text)
    if decoded:
        diagnostics.append(Diagnostic("html-entity", f"HTML entities decoded: {', '.join(sorted(set(decoded)))}",
                                      Severity.INFO))
    return text


def _repair_font_damage(text: str, diagnostics: list[Diagnostic]) -> str:
    if not any(ch in text for ch in _FONT_DAMAGE):
        return text
    out = []
    for i, ch in enumerate(text):
        if ch in _FONT_DAMAGE:
            repl = _FONT_DAMAGE[ch]
            at_word_start = i == 0 or not text[i - 1].isalpha()
            out.append(repl.upper() if at_word_start and repl == "ş" else repl)
            diagnostics.append(Diagnostic("font-damage", f"{ch!r} read as {out[-1]!r} (damaged PDF font)",
                                          Severity.INFO, Span(i, i + 1)))
        else:
            out.append(ch)
    return "".join(out)


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u0259]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")


def _repair_homoglyphs(text: str, diagnostics: list[Diagnostic]) -> str:
    if not (_LATIN_LETTER.search(text) and _CYRILLIC_LETTER.search(text)):
        return text   # one script only: nothing can be mixed
    to_cyr, to_lat = _homoglyphs()
    chars = list(text)
    for match in _WORD.finditer(text):
        word = match.group()
        if not (_LATIN_LETTER.search(word) and _CYRILLIC_LETTER.search(word)):
            continue
        latin = sum(1 for ch in word if detect_script(ch) == "Latn")
        cyrillic = len(word) - latin
        target, table = ("Cyrl", to_cyr) if cyrillic > latin else ("Latn", to_lat)
        if any(detect_script(ch) != target and ch not in table for ch in word):
            continue  # a real mixture (an abbreviation, a broken transliteration): leave it
        fixed = "".join(table.get(ch, ch) if detect_script(ch) != target else ch for ch in word)
        chars[match.start():match.end()] = fixed
        diagnostics.append(Diagnostic("mixed-script-word",
                                      f"{word!r} mixes Latin and Cyrillic look-alike letters; read as {fixed!r}",
                                      Severity.INFO, Span(match.start(), match.end())))
    text = "".join(chars)
    if ("c." in text or "C." in text) and len(_CYRILLIC_LETTER.findall(text)) > 2 * len(_LATIN_LETTER.findall(text)):
        text = _LATIN_PAGE_WORD.sub(lambda m: _latin_page_word(m, diagnostics), text)
    return text


# "200 c.", "C. 15–20": the Cyrillic page word typed with the Latin look-alike, in a Cyrillic record
_LATIN_PAGE_WORD = re.compile(r"(?<=\d\s)[cC](?=\.)|(?<=\d)[cC](?=\.)|(?<![^\s(])[cC](?=\.\s?\d)")


def _latin_page_word(match: re.Match[str], diagnostics: list[Diagnostic]) -> str:
    fixed = {"c": "с", "C": "С"}[match.group()]
    diagnostics.append(Diagnostic("mixed-script-word", f"the page word {match.group()!r} is a Latin letter in a "
                                  f"Cyrillic record; read as {fixed!r}", Severity.INFO,
                                  Span(match.start(), match.end())))
    return fixed
