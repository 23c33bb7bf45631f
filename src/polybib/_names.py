"""Personal names as lists print them: "Family, Given Patronymic", "Family I. O.", "I.O. Family".

Azerbaijani and Turkic patronymics (oğlu, qızı, оглы, кызы) stay in the given part, as do
East-Slavic patronymics. Initials are written spaced ("İ. O."); digraph initials (Sh., Yu.,
Дж.) stay whole.

>>> p = parse_person("H. C. Əlibəyli")
>>> p.family, p.given
('Əlibəyli', 'H. C.')
>>> parse_person("Əliyev H.H.").given
'H. H.'
>>> parse_person("Мамед-заде, Наргиз Сабир кызы").given
'Наргиз Сабир кызы'
>>> parse_person("AMEA A.A.Bakıxanov adına Tarix İnstitutu") is None
True
"""

from __future__ import annotations

import re
from dataclasses import replace

from ._model import Person

__all__ = ["INITIALS", "NAME_WORD", "looks_like_family", "merge_person", "nominative", "parse_person",
           "space_initials"]

_UPPER = "".join(chr(c) for c in range(0x41, 0x590) if chr(c).isupper())
_LOWER = "".join(chr(c) for c in range(0x61, 0x590) if chr(c).islower())
UP = f"[{re.escape(_UPPER)}\u10d0-\u10ff]"
LOW = f"[{re.escape(_LOWER)}\u10d0-\u10ff\u0301]"
# Digraph initials that stand for one sound (GOST 7.80: Дж., Sh., Yu. are kept whole).
_DIGRAPH = r"(?:Dzh|Sh|Ch|Zh|Kh|Ts|Yu|Ya|Yo|Ye|Dj|Gh|Th|Ph|Sch|Дж|ირ|ალ|ვლ|ნ[ი]|Ю|Я)"
INITIAL = rf"(?:{_DIGRAPH}|{UP}|[\u10d0-\u10ff]{{1,2}}|[\u0620-\u064a\u067e-\u06d3]{{1,2}})\."   # Georgian, Arabic script
# A run of initials: "İ.O.", "H. H.", "P.-F.", "Н. А."
INITIALS = rf"{INITIAL}(?:\s?-?\s?{INITIAL}){{0,2}}"
NAME_WORD = rf"{UP}{LOW}+(?:[-‑'’]{UP}?{LOW}+)*['’]?"
_FAMILY = rf"(?:{NAME_WORD}|{UP}{{2,}}(?:-{UP}{{2,}})?|[\u10d0-\u10ff]+|[\u0620-\u064a\u067e-\u06d3]{{3,}})"
_PARTICLES = ("oğlu", "qızı", "оглы", "кызы", "oglu", "qizi", "ogly", "kyzy", "xanım", "ханум", "bəy",
              "бек", "паша", "ibn", "ибн", "fon", "фон", "van", "von", "de", "da", "ван", "ди", "ал", "əl",
              "xan", "хан")
# The prefixes of a family name that a heading writes capitalised before it: "De Waal T.", "Van Dijk T. A."
FAMILY_PREFIXES = frozenset(("de", "van", "von", "da", "di", "du", "le", "la", "del", "della", "der", "den", "ter",
                             "ten", "al", "el", "ibn", "bin", "fon", "фон", "ван", "де", "ди", "аль", "ал", "əl"))
# ... or written in lower case, as the family's own spelling keeps them: "de Waal T.", "van der Leeuw C."
LOWER_FAMILY_PREFIX = r"(?:(?:de|van|von|der|den|da|di|du|des|dos|das|del|della|la|le|ter|ten|фон|ван|де)\s)"
_LOWER_FAMILY_PREFIXES = re.compile(rf"^{LOWER_FAMILY_PREFIX}{{1,3}}(?={UP})")

# An honorific that stays with the given name, as GOST initialises it: "S. xanım B." (Sara xanım Balabəy qızı),
# "A. ağa" (Abbasqulu ağa), "Ə. bəy" (Əhməd bəy)
HONORIFIC = r"(?:xanım|ханум|bəy|бек|bəg|ağa|ага|xan|хан|paşa|əfəndi)"
_HONORIFIC = re.compile(HONORIFIC)
# (an honorific after or between the initials: "S. xanım B. Aşurbəyli", "A. ağa Bakıxanov")
_INITIALS_FIRST = re.compile(rf"^(?P<given>{INITIALS}(?:\s{HONORIFIC}(?:\s{INITIALS})?)?)\s?"
                             rf"(?P<family>{_FAMILY}(?:\s{_FAMILY})?)$")
_FAMILY_FIRST = re.compile(rf"^(?P<family>{_FAMILY}(?:\s{_FAMILY})?)\s?,?\s?(?P<given>{INITIALS}(?:\s?{UP})?|{UP})$")
_FAMILY_COMMA_GIVEN = re.compile(rf"^(?P<family>{_FAMILY}),\s(?P<given>.+)$")
# Words that make a name a corporate body (an institution, a ministry, a library ...).
_CORPORATE = re.compile(
    r"(?:институт|ин-т|секретариат|академи|университет|ун-т|министерств|комитет|библиотек|б-ка|ассоциац|"
    r"агентств|центр|служб|управлени|совет|союз|общество|издательств|редакци|департамент|палата|"
    r"instit|universit|akademi|komit|nazirliy|assosiasi|kitabxana|mərkəz|cəmiyyət|şura|idarə|katibliy|"
    r"library|association|federation|agency|society|committee|council|ministry|department|office|bureau|"
    r"company|corporation|foundation|bank|fund|group|organi[sz]ation|service|\binc\b|\bltd\b|\bnations\b|"
    r"\bunion\b|\bforum\b|programme|commission|parliament|"
    r"інститут|університет|міністерств|бібліотек|інстытут|універсітэт|бібліятэк)", re.IGNORECASE)
_INITIAL_SPLIT = re.compile(rf"({INITIAL})")
_INITIAL = re.compile(INITIAL)
_INITIALS = re.compile(INITIALS)
_INITIAL_RUN = re.compile(rf"(?:{INITIAL}\s?)+")
_FAMILY_WORD = re.compile(_FAMILY)
_FULL_NAME = re.compile(rf"{LOW}{{2,}}")   # a given name written out, not an initial
_SPACES = re.compile(r"\s+")
_OTHER_WHITE_SPACE = re.compile(r"[^\S ]")   # what _SPACES changes besides a run of plain spaces
_TITLE_BEFORE_NAME = re.compile(r"^(?:akad\.|акад\.|prof\.|проф\.|dos\.|доц\.)\s?", re.IGNORECASE)
_INITIAL_WITHOUT_STOP = re.compile(rf"^((?:{INITIAL}\s?)+)({UP})(?=\s{NAME_WORD}$)")   # "W. H Metzler"
_FINAL_INITIAL_WITHOUT_STOP = re.compile(rf"(?<![^\s.])({UP})$")
_GIVEN_SEPARATOR = re.compile(r"[\s.\-]+")
_TURKIC_GENITIVE = re.compile(r"(?:un|in|ün|ın|nun|nin|nün|nın)(?:dur|dir|dür|dır)?$")
_SURNAME_ENDINGS = ("ov", "ova", "ev", "eva", "yev", "yeva", "in", "ina", "ski", "skiy", "sky", "skaya",
                    "li", "lı", "lu", "lü", "zadə", "zade", "yan", "ян", "ko", "uk", "yuk", "enko", "dze",
                    "shvili", "ов", "ова", "ев", "ева", "ин", "ина", "ский", "ская", "ко", "ук", "енко",
                    "заде", "ли", "швили", "дзе", "oğlu", "qızı", "beyli", "bəyli", "bəyov", "ич", "ić",
                    "ić", "ич", "iç")


def space_initials(initials: str) -> str:
    """"İ.O." -> "İ. O."; "P.-F." stays hyphenated."""
    parts = [p for p in _INITIAL_SPLIT.split(initials.replace(" ", "")) if p]
    out = ""
    for part in parts:
        if part == "-":
            out = out.rstrip() + "-"
        else:
            out += part if out.endswith("-") or not out else " " + part
    return out.strip()


def looks_like_family(word: str) -> bool:
    """True when a name word ends the way family names of the region end."""
    return word.casefold().endswith(_SURNAME_ENDINGS)


def _is_name_word(word: str) -> bool:
    return bool(_FAMILY_WORD.fullmatch(word)) or word.casefold() in _PARTICLES


def parse_person(text: str, *, natural_order: bool = True) -> Person | None:
    """Read one personal name; None when ``text`` is not a personal name (a corporate body).

    ``natural_order`` says how to read two bare name words ("Rübabə Əliyeva"): given name first
    unless the first word ends like a family name.
    """
    text = text.strip().strip(",;")
    if "  " in text or _OTHER_WHITE_SPACE.search(text):
        text = _SPACES.sub(" ", text)
    text = text.strip()
    text = _TITLE_BEFORE_NAME.sub("", text)
    if not text:
        return None
    prefixes = _LOWER_FAMILY_PREFIXES.match(text)
    if prefixes:   # "de Waal T.", "van der Leeuw, C.": the name without its particles, which open the family name
        person = parse_person(text[prefixes.end():], natural_order=False)
        return replace(person, family=prefixes.group(0) + person.family) if person else None
    # "W. H Metzler": an initial whose full stop was lost
    text = _add_full_stop(_INITIAL_WITHOUT_STOP.match(text), text)
    match = _INITIALS_FIRST.match(text)
    if match:
        return Person(family=match["family"], given=space_initials(match["given"]))
    match = _FAMILY_FIRST.match(text)
    if match and len(match["given"]) == 1 and text[match.start("given") - 1] not in " ,":
        match = None   # "МФТИ", "ЮНЕСКО": an acronym, not a family name glued to an initial
    if match:
        given = _add_full_stop(_FINAL_INITIAL_WITHOUT_STOP.search(match["given"]), match["given"])   # "ЛЕВИК Л. А" -> "Л. А."
        given = space_initials(given) if "." in given else given
        return Person(family=match["family"], given=given)
    match = _FAMILY_COMMA_GIVEN.match(text)
    if match:
        given = match["given"].strip()
        words = given.replace(".", ". ").split()
        if all(_is_name_word(w) or _INITIAL.fullmatch(w) or _HONORIFIC.fullmatch(w) for w in words) and len(words) <= 5:
            return Person(family=match["family"], given=_tidy_given(given))
        return None
    if _CORPORATE.search(text):
        return None
    words = text.split(" ")
    if len(words) == 2 and _BARE_INITIALS.fullmatch(words[1]) and _is_name_word(words[0]) and not words[0].isupper():
        return Person(family=words[0], given=space_initials(".".join(words[1]) + "."))   # Vancouver: "Smith AB"
    if len(words) >= 2 and _BARE_INITIALS.fullmatch(words[0]) and len(words[0]) > 1 and not words[1].isupper():
        return None   # "IT Revolution", "BP Company": an acronym opens a body's name; initials have full stops
    patronymic_particle = len(words) == 4 and words[-1].casefold() in _PATRONYMIC_PARTICLES
    if (2 <= len(words) <= 3 or patronymic_particle) and all(_is_name_word(w) or _INITIALS.fullmatch(w)
                                                            for w in words):
        if _INITIALS.fullmatch(words[-1]):  # "Дэлтон Куртис Е.": family, given, initial
            return Person(family=words[0], given=_tidy_given(" ".join(words[1:])))
        if len(words) >= 3 and (_is_patronymic(words[-1]) or patronymic_particle):
            # "Кузнецов Кирилл Константинович", "Мамедов Али Ахмед оглы": family, given, patronymic
            return Person(family=words[0], given=" ".join(words[1:]))
        if len(words) == 3 and _is_patronymic(words[1]):
            # "Кирилл Константинович Кузнецов": given, patronymic, family
            return Person(family=words[2], given=" ".join(words[:2]))
        if len(words) == 2 and natural_order and not (looks_like_family(words[0])
                                                       and not looks_like_family(words[1])):
            return Person(family=words[1], given=words[0])
        return Person(family=words[0], given=" ".join(words[1:]))
    return None


_BARE_INITIALS = re.compile(rf"{UP}{{1,3}}")
_PATRONYMIC_PARTICLES = frozenset(("oğlu", "qızı", "оглы", "кызы", "oglu", "qizi", "ogly", "kyzy", "ұлы", "қызы",
                                   "угли", "қизи", "o‘g‘li", "qizi", "уулу", "кызы"))
_PATRONYMIC_ENDINGS = ("ович", "евич", "ьич", "ич", "овна", "евна", "ична", "инична", "ovich", "evich", "ovna",
                       "evna", "ovych", "ivna", "івна", "ович", "йович", "ьевич")


def _add_full_stop(match: re.Match[str] | None, text: str) -> str:
    """``text`` with a full stop after what ``match`` (an initial without one) covers."""
    return text[: match.end()] + "." + text[match.end():] if match else text


def _is_patronymic(word: str) -> bool:
    folded = word.casefold()
    return folded in _PATRONYMIC_PARTICLES or (len(folded) > 5 and folded.endswith(_PATRONYMIC_ENDINGS))


def _tidy_given(given: str) -> str:
    """Space the initials inside a given part, keep full names as they are."""
    return _INITIAL_RUN.sub(lambda m: space_initials(m.group()) + " ", given).strip()


def _initials_of(given: str) -> list[str]:
    return [w[0].casefold() for w in _GIVEN_SEPARATOR.split(given) if w and w.casefold() not in _PARTICLES]


def merge_person(heading: Person, other: Person) -> Person:
    """The fuller of two forms of the same person (heading and statement of responsibility).

    Full given names win over initials; initials the heading lacks are added after its names
    ("Шакирзаде, Незрин" + "Н. А. Шакирзаде" -> "Шакирзаде, Незрин А.").
    """
    mine, theirs = _initials_of(heading.given), _initials_of(other.given)
    heading_full = bool(_FULL_NAME.search(heading.given))
    other_full = bool(_FULL_NAME.search(other.given))
    if heading_full and not other_full and mine == theirs[: len(mine)] and len(theirs) > len(mine):
        extra = other.given.split()[len(heading.given.split()):]
        given = " ".join([heading.given, *extra]) if extra else heading.given
        return Person(family=heading.family, given=given, role=heading.role, role_raw=heading.role_raw)
    if other_full and not heading_full:
        return Person(family=heading.family, given=other.given, role=heading.role, role_raw=heading.role_raw)
    if len(other.given) > len(heading.given) and not heading_full:
        return Person(family=heading.family, given=other.given, role=heading.role, role_raw=heading.role_raw)
    return heading


# "Шевченка" -> "Шевченко": Ukrainian declines the family names in -енко (Russian leaves them as they are)
_GENITIVE_ENDINGS = (("енка", "енко"), ("ой", "а"), ("ей", "я"), ("ого", "ий"), ("ого", "ой"), ("oi", "a"), ("oy", "a"),
                     ("oj", "a"))


def nominative(family: str, lang: str) -> str:
    """Undo the genitive of a family name after "под ред.", "пер.", "redaktəsi ilə"."""
    if lang in ("az", "tr"):
        stripped = _TURKIC_GENITIVE.sub("", family)
        return stripped if len(stripped) >= 3 and looks_like_family(stripped) else family
    for ending, replacement in _GENITIVE_ENDINGS:
        if family.endswith(ending) and len(family) > 4:
            return family[: -len(ending)] + replacement
    if family[-1:] in "ая" and len(family) > 3 and family[-2:-1] not in "аеёиоуыэюяіїє":
        return family[:-1]
    return family
