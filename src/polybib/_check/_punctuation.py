"""ISBD / GOST 7.1 spacing and punctuation slips, found in the reference's text as typed.

GOST 7.1-2003, 4.3 (prescribed punctuation): the prescribed marks are preceded and followed by one
space ("Title / I. O. Family. – Place : Publisher, 2004. – 342 s."), the full stop and dash between
areas included, a comma and a full stop only followed by one; initials are separated by spaces (the
standard's examples: "И. И. Иванов"). Each rule returns `Hit`s with offsets in the reference's text and, where the repair
cannot change the meaning, the replacement text.

>>> [h.code for h in area_separator_spacing("Osmanov. MDB / İ.O. Osmanov.-Bakı: BDU, 2004.- 342 s.")]
['area-separator-spacing', 'area-separator-spacing']
>>> [(h.code, h.replacement) for h in slash_spacing("Azərbaycan tarixi /H. H. Əliyev. - Bakı, 2005")]
[('slash-spacing', ' / ')]
>>> [h.replacement for h in initials_spacing("/ Н.С. Мамед-заде.- Баку: Ганун, 2006")]
['Н. С. ']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._report import Hit

__all__ = ["RULES", "area_separator_spacing", "colon_spacing", "initials_spacing", "missing_space_after_stop",
           "repeated_punctuation", "repeated_space", "slash_spacing", "space_before_comma"]

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:ru|az|com|org|net|ua|kz|by|uz|ge|info|edu|gov)\b",
                  re.IGNORECASE)
_AREA = re.compile(r"\.(?P<before>[ \t]*)(?P<dash>[-–—])(?P<after>[ \t]*)")
_SLASHES = re.compile(r"(?P<before>[ \t]*)(?P<slashes>//?)(?P<after>[ \t]*)")
_STOP = re.compile(r"(?<=[^\W_]{2})\.(?=[^\W\d_])")
_INITIALS = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.[ \t]?)+")
_REPEATED = re.compile(r"(?<!\.)\.\.(?!\.)|,,|;;|::")
_SPACE_COMMA = re.compile(r"(?<=[^\W_])[ \t]+,")
_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_COLON = re.compile(r"(?P<before>[ \t]*):(?P<after>[ \t]*)")
_NO_COLON_SPACE_AFTER = ("url", "доступа", "доступу", "isbn", "issn", "doi", "http", "https")


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans where punctuation is not the description's: addresses and domain names."""
    return [m.span() for m in _URL.finditer(text)]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


def area_separator_spacing(text: str) -> Iterator[Hit]:
    """". – " between areas (GOST 7.1-2003, 4.3): '.-Bakı', '2004.- 342 s.', '. -Bakı'."""
    protected = _protected(text)
    for match in _AREA.finditer(text):
        if _inside(match.start(), protected):
            continue
        before, dash, after = match.group("before", "dash", "after")
        if before == " " and after == " ":
            continue
        nxt = text[match.end():match.end() + 1]
        if nxt in "-–—" and nxt:
            continue
        # "С.-Петербург", "Н.-Новгород": an abbreviated compound name, not an area separator
        if not before and not after and re.search(r"(?<![^\W\d_])[^\W\d_]$", text[:match.start()]):
            continue
        if not before and after == " " and match.start() > 0 and text[match.start() - 1] == ".":
            continue
        end_of_text = match.end() == len(text)
        replacement = f". {dash}" if end_of_text else f". {dash} "
        yield Hit("area-separator-spacing", f"the area separator {match.group()!r} should be '. {dash} ' "
                  "(a space on each side of the dash)", match.start(), match.end(), replacement)


def slash_spacing(text: str) -> Iterator[Hit]:
    """" / " before the statement of responsibility and " // " before the host, spaced on both sides."""
    protected = _protected(text)
    for match in _SLASHES.finditer(text):
        start = match.start("slashes")
        if _inside(start, protected) or not match.group("slashes"):
            continue
        before, slashes, after = match.group("before", "slashes", "after")
        prev = text[match.start() - 1] if match.start() > 0 else ""
        nxt = text[match.end()] if match.end() < len(text) else ""
        at_start, at_end = match.start() == 0, match.end() == len(text)
        if (before == " " or at_start) and (after == " " or at_end):
            continue
        if (prev.isdigit() and nxt.isdigit()) or (not before and not after and prev.isalpha() and nxt.isalpha()):
            continue  # "2005/2006", "№ 5/6", "и/или", "LAN/Журнал": part of a name, not a prescribed mark
        replacement = (" " if not at_start else "") + slashes + (" " if not at_end else "")
        yield Hit("slash-spacing", f"{slashes!r} should have a space on each side ({' ' + slashes + ' '!r})",
                  match.start(), match.end(), replacement)


def missing_space_after_stop(text: str) -> Iterator[Hit]:
    """A full stop glued to the next element: 'Hüseyn oğlu.XXI əsr', 'Sumbatzade.Azerbaydjanüı'."""
    protected = _protected(text)
    for match in _STOP.finditer(text):
        if _inside(match.start(), protected) or not text[match.end()].isupper():
            continue
        word = re.search(r"[^\W_]+$", text[:match.start()]).group()
        if sum(1 for ch in word if ch.isupper()) >= 2:
            continue  # "eLIBRARY.RU", "ВАК.РФ": a name with a dot in it
        nxt = re.match(r"[^\W_]+", text[match.end():]).group()
        yield Hit("missing-space-after-stop", f"no space after the full stop in {word + '.' + nxt!r}",
                  match.start(), match.end(), ". ")


def initials_spacing(text: str) -> Iterator[Hit]:
    """Initials written without spaces: 'İ.O. Osmanov', 'H.Əliyev', 'A.A.Bakıxanov' (GOST: 'İ. O. Osmanov')."""
    protected = _protected(text)
    for match in _INITIALS.finditer(text):
        letters = re.findall(r"([^\W\d_])\.", match.group())
        if not all(ch.isupper() for ch in letters) or _inside(match.start(), protected):
            continue
        nxt = text[match.end():match.end() + 2]
        run = match.group()
        glued_to_name = bool(re.match(r"[^\W\d_][^\W\d_]", nxt)) and nxt[0].isupper() \
            and not run.endswith((" ", "\t"))
        inner_glued = bool(re.search(r"\.[^\s]", run.rstrip()))
        if not (inner_glued or glued_to_name):
            continue
        if len(letters) == 1 and not glued_to_name:
            continue
        if glued_to_name and nxt[1].isupper() and len(letters) == 1:
            continue  # "C.OLLEGE"-like capitals: not a name
        trailing = " " if (glued_to_name or run.endswith((" ", "\t"))) else ""
        replacement = " ".join(f"{ch}." for ch in letters) + trailing
        name = re.match(r"[^\W\d_]+(?:-[^\W\d_]+)?", text[match.end():]) if glued_to_name else None
        shown = run.rstrip() + (name.group() if name else "")
        yield Hit("initials-spacing", f"the initials in {shown!r} should be separated by spaces "
                  f"({replacement.strip()!r})", match.start(), match.end(), replacement)


def repeated_punctuation(text: str) -> Iterator[Hit]:
    """A mark typed twice: 'Открытые системы.. 2000', ',,', ';;'."""
    protected = _protected(text)
    for match in _REPEATED.finditer(text):
        if not _inside(match.start(), protected):
            yield Hit("repeated-punctuation", f"{match.group()!r}: the mark is typed twice",
                      match.start(), match.end(), match.group()[0])


def space_before_comma(text: str) -> Iterator[Hit]:
    """A space before a comma: 'Mollerov , N. M.'."""
    for match in _SPACE_COMMA.finditer(text):
        yield Hit("space-before-comma", "a comma takes no space before it", match.start(), match.end(), ",")


def repeated_space(text: str) -> Iterator[Hit]:
    """Two or more spaces between words (a justified PDF copied as text)."""
    for match in _SPACES.finditer(text):
        yield Hit("repeated-space", f"{len(match.group())} spaces where one belongs", match.start(), match.end(), " ")


def colon_spacing(text: str) -> Iterator[Hit]:
    """The prescribed colon (before other title information and the publisher) is ' : '."""
    protected = _protected(text)
    for match in _COLON.finditer(text):
        before, after = match.group("before", "after")
        if _inside(match.start(), protected) or (before == " " and after == " "):
            continue
        word = re.search(r"(\S+)\s*$", text[:match.start()])
        if word and word.group(1).casefold().rstrip(".") in _NO_COLON_SPACE_AFTER:
            continue
        if match.start() > 0 and text[match.start() - 1].isdigit() and text[match.end():match.end() + 1].isdigit():
            continue
        if match.end() == len(text):
            continue
        yield Hit("colon-spacing", "the prescribed colon should have a space on each side (' : ')",
                  match.start(), match.end(), " : ")


RULES = {
    "area-separator-spacing": area_separator_spacing,
    "slash-spacing": slash_spacing,
    "missing-space-after-stop": missing_space_after_stop,
    "initials-spacing": initials_spacing,
    "repeated-punctuation": repeated_punctuation,
    "space-before-comma": space_before_comma,
    "repeated-space": repeated_space,
    "colon-spacing": colon_spacing,
}
