"""Pieces of a reference and the ISBD punctuation that separates them.

A `Piece` is a slice of the reference's normalised text that remembers where it stands, so that
every field keeps its source span. `split_areas` cuts a description into its areas at the area
separator ". – " in all the spellings real lists use (". - ", ".-", ". —", " – " before an area
that is recognisably one), but not at a hyphen inside a title or a year range.

>>> [p.text for p in split_areas(Piece.of("Azərbaycan - MDB ölkələri /H.Əliyev. - Bakı: Ulu, 2008. - 316 s."))]
['Azərbaycan - MDB ölkələri /H.Əliyev', 'Bakı: Ulu, 2008', '316 s.']
>>> [p.text for p in split_areas(Piece.of("coğrafiyası / İ.O. Osmanov.-Bakı: BDU nəşriyyatı, 2004.- 342 s."))]
['coğrafiyası / İ.O. Osmanov', 'Bakı: BDU nəşriyyatı, 2004', '342 s.']
>>> [p.text for p in split_areas(Piece.of("Гісторыя: у 2 ч. навч.-метод. посіб. – Мінск, 2000"))]
['Гісторыя: у 2 ч. навч.-метод. посіб.', 'Мінск, 2000']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._tables import is_abbreviation

__all__ = ["DASH", "DASH_CLASS", "Piece", "inside_brackets", "own_dots", "split_areas", "split_top_level", "trim_area"]

DASH = "-‐‑‒–—―−"
DASH_CLASS = DASH.replace("-", "\\-")  # for use inside [...]
_AREA_SEPARATOR = re.compile(
    rf"""(?=[\s{DASH_CLASS}])   # each form starts with a space or a dash: other places are passed over at once
    (?:
        (?<=[.\])»"”“])\s*[{DASH_CLASS}]{{1,2}}\s*(?=[^\s{DASH_CLASS}a-zа-яəıöüçşğ])  # ". – ", ".-", ".-Bakı"
      | (?<=[.\])»"”“])\s+[{DASH_CLASS}]{{1,2}}\s*(?=\S)                       # ". -izd." (space before)
      | \s[{DASH_CLASS}]{{1,2}}\s(?=\S)                                         # " – " (checked below)
      | (?<=,)\s?[{DASH_CLASS}]\s?(?=[A-ZА-ЯЁƏÜÖÇŞĞİІЇЄҐ]|izd\.|изд\.)              # ", -Baku", ",-izd.AN SSSR"
    )""",
    re.VERBOSE,
)
_AREA_START = re.compile(
    rf"""^(?:
        \d+[-–]?\s?(?:е|ге|ci|cü|cı|cu|th|nd|rd|st|e|я|й)?\s?(?:изд|вид|выд|nəşr|ed)   # edition
      | [\w.\s-]{{1,25}}\s?:\s?.{{0,60}}?\b\d{{4}}\b(?![{DASH_CLASS}])             # Place : Publisher, 1998
      | [\w.\s-]{{1,25}},\s?(?:\d{{4}}\b(?![{DASH_CLASS}])|[«"“])                  # Place, 1998 / Place, «Elm»
      | \d{{4}}\b                                                              # year
      | \d+\s?(?:s|с|səh|стр|p|pp|S|b)\b\.?                                    # extent
      | (?:С|S|s|P|p|Т|т|Vol|V|№|N|Вып)\.?\s?\d                                # pages, volume, number
      | URL | ISBN | ISSN | DOI | \(
    )""",
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class Piece:
    """A slice ``text`` of the reference that starts at character ``start``."""

    text: str
    start: int

    @classmethod
    def of(cls, text: str) -> Piece:
        return cls(text, 0)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    # (cut and strip return the piece itself when they would make an equal one, as most calls do:
    # a piece cannot change, and making one costs more than the slicing)
    def cut(self, start: int, end: int | None = None) -> Piece:
        """The sub-piece ``text[start:end]``, with white space trimmed."""
        end = len(self.text) if end is None else end
        sub = self.text[start:end]
        text = sub.strip()
        if start == 0 and len(text) == len(self.text):
            return self
        lead = len(sub) - len(sub.lstrip())
        return Piece(text, self.start + start + lead)

    def strip(self, chars: str = " ") -> Piece:
        text = self.text.strip(chars)
        if len(text) == len(self.text):
            return self
        lead = len(self.text) - len(self.text.lstrip(chars))
        return Piece(text, self.start + lead)

    def __bool__(self) -> bool:
        return bool(self.text.strip())


_PLACE_PAIR_BEFORE = re.compile(rf"(?:^|,\s?|\.\s?[{DASH_CLASS}]{{1,2}}\s?)[A-ZА-ЯЁ][^\W\d_]{{0,2}}\.$")
_CAPITAL = "A-ZА-ЯЁƏÜÖÇŞĞİІЇЄҐ"
_INITIAL_BEFORE_HYPHEN = re.compile(rf"(?:^|[\s/(,;])[{_CAPITAL}]\.$")
_INITIAL_AFTER_HYPHEN = re.compile(rf"[{_CAPITAL}]\.\s?[{_CAPITAL}][^\W\d_]")
_PLACE_PAIR_AFTER = re.compile(r"[A-ZА-ЯЁ][^\W\d_]{0,2}\.\s?[,:;]")
_SHORT_ABBREVIATION_END = re.compile(r"(?:^|\s)[^\W\d_]{1,5}\.$")
_LOWER_START = re.compile(r"[a-zа-яёəıöüçşğіїєґў]")


def split_areas(piece: Piece) -> list[Piece]:
    """Cut a description into areas at its area separators (GOST 7.1-2003, 4.1.5: ". – ")."""
    areas: list[Piece] = []
    last = 0
    text = piece.text
    for match in _AREA_SEPARATOR.finditer(text):
        before = text[: match.start()]
        if before.count("(") + before.count("[") > before.count(")") + before.count("]"):
            continue  # inside brackets: "(Москва, 12–13 мая 2019 г.)"
        before = before.rstrip()
        after = text[match.end():]
        bare = not before.endswith((".", ")", "]", "»", '"', "”", "“", ","))
        if bare and not _AREA_START.match(after):
            continue
        if match.group() == "-" and _SHORT_ABBREVIATION_END.search(before) and _LOWER_START.match(after):
            continue  # "навч.-метод.", "науч.-практ." are compound abbreviations
        if match.group() in DASH and _PLACE_PAIR_BEFORE.search(text, max(0, match.start() - 12), match.start()) \
                and _PLACE_PAIR_AFTER.match(after):
            continue  # "М.-Л. : Изд-во АН СССР", "SSSR,M.-L., 1961": two places joined by a hyphen
        if match.group() in DASH and _INITIAL_BEFORE_HYPHEN.search(text, max(0, match.start() - 3), match.start()) \
                and _INITIAL_AFTER_HYPHEN.match(after):
            continue  # "/ J.-P. Sartre", "P.-F. Burgermeister": a hyphenated pair of initials
        areas.append(piece.cut(last, match.start()))
        last = match.end()
    final = piece.cut(last)
    if final.text.rstrip(" .").endswith(")") and text.count(")") > text.count("("):
        final = final.cut(0, final.text.rindex(")"))   # "-SPb., 1888).": the bracket closes nothing
    areas.append(final)
    return [a for a in (trim_area(area) for area in areas) if a]


_DANGLING_DASH = re.compile(rf"(?:\.\s*|\s+)[{DASH_CLASS}]+$")
_DASHES = tuple(DASH)
_INITIAL_STOP = re.compile(r"\w|\w\.\w")


def _word_before_stop(text: str) -> str:
    """The word that the full stop ending ``text`` closes: the characters after the last space or
    "(" ("перераб. и доп." -> "доп"), "" when the stop follows a space or "(" or stands alone."""
    body = text[:-1]
    if not body or body[-1].isspace() or body[-1] == "(":
        return ""
    return body.rsplit(None, 1)[-1].rpartition("(")[2]


def trim_area(area: Piece) -> Piece:
    """Drop the punctuation that closes an area, but keep the full stop of an abbreviation that
    GOST 7.1 (4.1.6) lets stand for both ("перераб. и доп. – М.")."""
    area = area.strip(" ;,")
    # (the pattern's "$" also matches before a final line break)
    dangling = _DANGLING_DASH.search(area.text) if area.text.rstrip("\n").endswith(_DASHES) else None
    if dangling and dangling.start() > 0:
        area = area.cut(0, dangling.start() + 1 if area.text[dangling.start()] == "." else dangling.start())
        area = area.strip(" ;,")   # ". –" left before a removed URL or DOI
    if area.text.endswith("."):
        word = _word_before_stop(area.text)
        if not (word and (_INITIAL_STOP.fullmatch(word) or is_abbreviation(word))):
            if own_dots(area.text):
                return area   # "ნუხის ქალაქიდამ გვწერენ..", "Кто виноват...": the title's own dots
            area = area.strip(" .;,")
    return area


def own_dots(text: str) -> bool:
    """Whether a text without figures ends with two or three dots of its own (an ellipsis), which
    trimming an area's closing full stop must keep."""
    # (the pattern's "$" also matches before a final line break; the ending tested first spares the
    # search, which would otherwise try every character of most areas)
    return text.rstrip("\n").endswith("..") and bool(_OWN_DOTS.search(text)) and not any(ch.isdigit() for ch in text)


_OWN_DOTS = re.compile(r"[^.\s]\.{2,3}$")


def inside_brackets(text: str, position: int) -> bool:
    """Whether a position of the text is inside parentheses or square brackets opened before it."""
    before = text[:position]
    return before.count("(") > before.count(")") or before.count("[") > before.count("]")


def split_top_level(piece: Piece, separator: re.Pattern[str]) -> list[Piece]:
    """Split at ``separator`` (a compiled regex) where it is not inside brackets or quotes."""
    parts: list[Piece] = []
    last = 0
    for match in separator.finditer(piece.text):
        if inside_brackets(piece.text, match.start()):
            continue
        prefix = piece.text[: match.start()]
        if prefix.count("«") > prefix.count("»") or prefix.count("“") > prefix.count("”"):
            continue
        parts.append(piece.cut(last, match.start()))
        last = match.end()
    parts.append(piece.cut(last))
    return [p for p in parts if p]
