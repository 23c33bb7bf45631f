"""Parse one reference written in GOST 7.1 / ISBD punctuation (or the looser habits of real lists).

The steps follow the areas of the description (GOST 7.1-2003, 4.1): identifiers and markers are
taken out first (URL, access date, ISBN, DOI, "[Электронный ресурс]"), the part is split from its
host at "//", the heading is read, then the title and statement of responsibility area, then the
areas after it (edition, publication, extent, series) are classified. Whatever no step claims is
kept verbatim in the note with a diagnostic: nothing the user typed is dropped.

>>> ref = parse_reference("Əliyev, Həmzə Hüseyn oğlu. Azərbaycan Respublikasının Müstəqil Dövlətlər "
...     "Birliyi ilə münasibətləri /H. H. Əliyev ; baş red. İ. Zeynalov. - Bakı: RENESSANS, 2005. - 164 s.")
>>> ref.authors[0].display(), ref.editors[0].display(), ref.editors[0].role_raw
('Əliyev, Həmzə Hüseyn oğlu', 'Zeynalov, İ.', 'baş red.')
>>> ref.places, ref.publishers, ref.year, ref.pagetotal, ref.language
(['Bakı'], ['RENESSANS'], '2005', '164', 'az')

>>> ref = parse_reference("Иванов И. И. Очерки истории : учеб. пособие / И. И. Иванов. – 2-е изд., "
...                       "перераб. и доп. – М. : Наука, 2019. – 512 с.")
>>> ref.authors[0].display(), ref.title, ref.genre, ref.edition, ref.places, ref.pagetotal
('Иванов, И. И.', 'Очерки истории', 'учеб. пособие', '2-е изд., перераб. и доп.', ['Москва'], '512')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ._accounting import syntax_words, words_not_kept
from ._lang import detect_language, detect_script
from ._model import Person, Reference, Severity, Span
from ._names import _CORPORATE, FAMILY_PREFIXES, HONORIFIC, INITIAL, INITIALS, LOW, LOWER_FAMILY_PREFIX, NAME_WORD, UP, looks_like_family, merge_person, \
    nominative, parse_person, space_initials
from ._segments import DASH, DASH_CLASS, Piece, inside_brackets, own_dots, split_areas, split_top_level, trim_area
from ._tables import expand_place, genre_keyword_at, genre_keyword_reach, is_abbreviation, is_genre, is_term, load_table, \
    month_number, role_forms, role_of, season_number, table_forms
from ._text import SINE_LOCO, SINE_NOMINE, normalize

__all__ = ["parse_reference"]

_D = f"[{DASH_CLASS}]"
_YEAR = r"(?<![^\W\d_][-‑])(?:1[5-9]\d\d|20\d\d)"   # not "Новий Світ-2000", a publisher
_YEAR_AFTER_DASH = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"   # a year after a place's dash, "Bakı-2005"
_TLD = r"(?:com|org|net|info|edu|gov|ru|az|ua|kz|by|uz|kg|ge|am|tr|de|uk)"
_BARE_DOMAIN = rf"(?<![\w@./])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.{_TLD}/[^\s<>«»\"]*"
_PRIVATE_HOST = re.compile(r"^(?:https?://)?(?:10\.|192\.168\.|127\.|localhost|172\.(?:1[6-9]|2\d|3[01])\.)")


@cache
def _url_pattern() -> re.Pattern[str]:
    """A URL with the words that introduce it (terms table: url_intro), or a bare www./domain path."""
    forms = table_forms("url_intro")
    intros = "|".join(re.escape(f.rstrip(": ")) for f in forms)
    # (the lookahead for an intro's first letter spares trying the ten intros at every character)
    first = "".join(re.escape(c) for c in sorted({f[0] for f in forms}))
    return re.compile(rf"(?:(?=[{first}])(?:{intros})\s?:\s?)?((?:https?://|www\.)[^\s<>«»\"]+|{_BARE_DOMAIN})",
                      re.IGNORECASE)


@cache
def _electronic_marker() -> re.Pattern[str]:
    """Any of the forms that mark an electronic resource (terms table: electronic): one search tells
    whether a reference holds one, where a search for each of the twenty forms found none in most."""
    return re.compile("|".join(re.escape(f) for f in table_forms("electronic")))


@cache
def _access_date_words() -> tuple[str, ...]:
    """The access-date words in lower case: when none is in a reference, the pattern cannot match
    (a substring test is some forty times cheaper than the pattern's scan)."""
    return tuple(f.lower() for f in table_forms("access_date"))


def _may_hold_url(text: str) -> bool:
    """(``text`` in lower case.) False when the URL pattern cannot match: no "://", no "www." and no domain ending before a "/"."""
    return "://" in text or "www." in text or bool(_DOMAIN_END.search(text))


_DOMAIN_END = re.compile(rf"\.{_TLD}/", re.IGNORECASE)
# After a space, a piece of the same address: one that has an address's inner marks ("%C4%9Flu.+ped",
# "obldp.nsf/archive/3E8?x", "me=e-kataloq"), or any ASCII word after an address cut where no address
# ends ("…&theme=e- kataloq"). Words in brackets or with letters outside ASCII are never taken.
_URL_PIECE = re.compile(r" ([!-'*-~]*(?:[%=&+?]|\w/)[!-'*-~]*)")
_URL_PIECE_AFTER_CUT = re.compile(r" ([!-'*-Z^-~][!-'*-~]*)")
_URL_CUT = frozenset("%&=+?-_")


# "The official site of Dnepropetrovsk Regional State Administration (2011), “News of the region”": the
# Harvard "References" lists name a body (four words or more, small words between) before the year,
# and the title follows in quotes
_HARVARD_BODY = re.compile(rf"^({UP}[^\W\d_]*(?:[\s-][^\W\d_]+){{3,11}}\s?)\(\s?({_YEAR})\s?\),?\s?(?=[«\"“„])")
# "(In Russ.)", "[in Russian]", "(на азерб. яз.)", "(на русском языке)", "(rus dilində)": the original's language
_LANGUAGE_NOTE = re.compile(r"^[(\[](?:(?:in|на)\s[^\W\d_]+\.?(?:\s(?:языке|яз\.?|мове|мов\.?|language))?"
                            r"|[^\W\d_]+\sdilində)[)\]]$", re.IGNORECASE)
_SERIES_OF_SERIAL = re.compile(r"(?:Серія|Серия|Сер\.|Seriya|Series|Ser\.|Seriyası|Сэрыя)\b", re.IGNORECASE)
_PRINT_RUN = re.compile(r"^\d[\d\s]*\s?(?:экз|прим|nüsxə|нүсхә|дана)\.?$", re.IGNORECASE)   # "1000 экз.": the print run
_ROMAN_AHEAD = re.compile(r"[IVXLC]+(?![^\W\d_])")   # "t. III," : a volume number in Roman numerals
_ACRONYM = re.compile(r"[A-ZА-ЯЁƏÜÖÇŞĞİ]{2,}(?![^\W\d_])")   # "ССР", "SSR", "РСФСР"
_TOWN_AND_STATE = re.compile(rf"{UP}{LOW}+(?:\s{UP}{LOW}+)?,\s?(?:[A-Z]{{2}}|[A-Z]\.\s?[A-Z])")
_PLACE_COLON = re.compile(r"^([^:\d]{2,40}?)\s?:\s?(?=[^\W\d_]|[«\"“„])")   # "Baku: Qanun"
# "fakül- təsində": lower-case letters on both sides of a hyphen that a line end left before a space
_LINE_BREAK_HYPHEN = re.compile(r"(?<![^\W\d_])([^\W\d_A-ZА-ЯЁƏÜÖÇŞĞİІЇЄҐ]+)[-‐‑] ([^\W\d_A-ZА-ЯЁƏÜÖÇŞĞİІЇЄҐ]+)")
# the words after which a hyphen ends a suspended compound ("ikinci- və üçüncü", "пред- и послевоенный")
_CONJUNCTIONS = frozenset({"və", "ve", "yaxud", "ya", "и", "или", "і", "й", "та", "або", "и/или", "and", "or",
                           "und", "oder", "et", "ou", "ва", "ёки", "ҳәм", "ve/veya", "veya", "және", "мен"})


def _url_continued(text: str, end: int) -> int:
    """Where an address that the text breaks with single spaces ends: ``end`` when it is whole."""
    while True:
        match = (_URL_PIECE_AFTER_CUT if text[end - 1] in _URL_CUT else _URL_PIECE).match(text, end)
        if not match:
            return end
        end = match.end()


@cache
def _access_date_pattern() -> re.Pattern[str]:
    """"(дата обращения: 12.03.2020)", "(Accessed 7 January 2002)", "просмотрено май 19, 2024" (the
    month first, as Chicago and Google Scholar print it): the words come from the terms table."""
    words = "|".join(re.escape(f) for f in table_forms("access_date"))
    return re.compile(rf"\(?\s*(?:{words})\s*:?\s*(?:(?P<day>\d{{1,2}})[./\s](?P<month>[^\W\d_]+\.?|\d{{1,2}})[./\s]"
                      rf"|(?P<month_first>[^\W\d_]+\.?)\s(?P<day_after>\d{{1,2}}),?\s)(?P<year>\d{{4}})\s*\)?",
                      re.IGNORECASE)
_ISBN = re.compile(r"(?:ISBN|İSBN)(?:\s*(?:ISBN|İSBN))?\s*:?\s*([\dXx][\d\s\-‐–Xx]{8,20}[\dXx])")
_ISSN = re.compile(r"ISSN\s*:?\s*(\d{4}\s?[-‐–]\s?\d{3}[\dXx])")
_DOI = re.compile(r"(?:DOI|doi)\s*:?\s*(10\.\d{4,9}/\S+)|https?://(?:dx\.)?doi\.org/(10\.\d{4,9}/\S+)")
# a full stop that may end a sentence, and the tests _split_sentences makes of the word before it
_SENTENCE_END = re.compile(r"\.\s(?=[\w«\"“\[(№])|\.(?=[^\W\d_]{2}|[^\W\d_]\.|[«\"“\[(№])")
_ACT_DATE_END = re.compile(r"\d{4}\s?[рг]$")
_INITIAL_TOKEN = re.compile(rf"(?:{INITIAL})*{UP}{LOW}?")
_NUMERAL_TOKEN = re.compile(r"\d+|[IVXLC]{2,}")
_INITIAL_OR_LOWER = re.compile(rf"{INITIAL}|\s?{LOW}")
_TITLE_AREA_END = re.compile(rf"(?=[\s/.])(?:\s?//|\.\s?{_D}\s|\s[–—]\s)")   # (the lookahead passes over letters at once)
# A serial's numbering typed after its title with no area separator: "Volume 2/3 Summer 2007", "Cilt 5, 2019"
_TRAILING_NUMBERING = re.compile(rf"\s(?:Volume|Vol\.|Cilt|Cild|Том|Т\.)\s?(?P<volume>\d+)(?:\s?/\s?(?P<number>\d+))?"
                                 rf"(?:,?\s(?P<date>(?:[^\W\d_]+\.?\s)?{_YEAR}))?$")
# Chicago / MLA: names, then the title in quotes ("«Title».", "“Title,”"), then the rest
_QUOTED_TITLE = re.compile(r"^(?P<names>[^«“\"„/:()\d]{3,300}?)\.\s?[«“\"„]\s?(?P<title>[^»”\"“]{3,}?)\s?[»”\"“][.,]?\s(?P<rest>\S.*)$")
# ... and the journal: "Journal 406, no. 6 (декабрь 30, 2023): 514–131.", "Journal, vol. 5, no. 2, 2019, pp. 3-9",
# "Journal, вип. 55, вип. 4, Листопад 2015"
_SERIAL_CITED = re.compile(
    rf"^(?P<journal>[^\d]+?)(?:(?:,\s?(?:vol|т|том|вип|вып|cild|cilt)\.?\s?|\s)(?P<volume>\d+)"
    rf"|(?=,\s?(?:no|№|вип|вып|issue|sayı|iss)\.?\s?\d))"   # (a journal without volumes: "Journal, no. 2 (2012)")
    rf"(?:,\s?(?:no|№|вип|вып|issue|sayı|iss)\.?\s?(?P<number>\d+(?:\s?{_D}\s?\d+)?))?"
    rf"(?:\s?\((?:(?P<month>[^\W\d_]+\.?)\s)?(?:(?P<day>\d{{1,2}}),?\s)?(?P<year>{_YEAR})\)"
    rf"|,\s?(?:(?P<month2>[^\W\d_]+\.?)\s)?(?P<year2>{_YEAR}))"
    rf"(?:\s?[:,]\s?(?:pp?\.|с\.|s\.)?\s?(?P<pages>\d+(?:\s?{_D}\s?\d+)?))?\s?[.,]?", re.IGNORECASE)
_ARABIC_WORD = r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufefc]+"
_ARABIC_SCRIPT_WORK = re.compile(
    rf"^«?(?P<title>{_ARABIC_WORD}(?:\s{_ARABIC_WORD})*)\s?»?\s?[―—–]\s?«?(?P<author>{_ARABIC_WORD}(?:\s{_ARABIC_WORD}){{0,3}})"
    rf"\s?»?\s(?P<place>[^\W\d_]+)\s?[―—–-]\s?(?P<year>1[2-4]\d\d|1[5-9]\d\d|20\d\d)(?![\d])")
_SITE_PUBLISHER = re.compile(r"\s?\.\s(?P<name>[^\W\d_][^.:;/\d()\[\]]{1,60}?)[\s.]*$")
# APA 7: "Family, I. I., Family, I., & Family, I. (2019)." -- names, the year in brackets, a full stop
_APA_UNIT = rf"{NAME_WORD}(?:[\s-]{NAME_WORD})?,\s?{INITIALS}"
_APA_NAME = re.compile(_APA_UNIT)
_APA_JOIN = re.compile(r",?\s(?:&\s|и\s|and\s|və\s)?")
# "(2019). " (APA); "(2018), " and "(2010) " are the Harvard habit of British and Ukrainian "References" lists
_APA_YEAR = re.compile(rf"(?:,?\s(?P<others>et al\.|и др\.|və b\.))?\s?\((?P<year>{_YEAR})[a-zа-я]?"
                       rf"(?:,\s(?P<day>[^\W\d_]{{3,12}}\.?\s\d{{1,2}}|\d{{1,2}}\s[^\W\d_]{{3,12}}\.?))?\)(?P<sep>[.,]?)\s")   # "(2021, March 5)"
# Harvard: '"Legal regulation", Pravo Ukrainy, no. 5, pp. 112–120.' (the title quoted, the journal, its numbers)
_HARVARD_ARTICLE = re.compile(r"^[«\"“„‘'](?P<title>[^«»\"“”„]+?)[»\"”“’'],?\s(?P<rest>.*)$")


# ... or one author that is a body or a GOST heading: "OECD (2019),", "World Bank (2020).", "UNESCO. (2015).",
# "Dövlət Statistika Komitəsi (2021).", "Мамедов А. (2012)"
_APA_ONE_AUTHOR = re.compile(rf"^(?P<name>{UP}[^()\d\s]*?(?:\s[^()\d\s]+?){{0,11}}?)\.?" + _APA_YEAR.pattern)


def _apa_head(text: str) -> tuple[list[str], re.Match[str]] | None:
    """The names (up to twenty) and the year match of an APA reference, read name by name (one
    pattern over the whole list backtracked exponentially on long lists that had no year)."""
    if "(" not in text:
        return None   # no bracketed year: no APA head (most references, a test cheaper than the first name)
    names: list[str] = []
    position = 0
    while len(names) < 20:
        name = _APA_NAME.match(text, position)
        if not name:
            return None
        names.append(name.group())
        year = _APA_YEAR.match(text, name.end())
        if year:
            return names, year
        join = _APA_JOIN.match(text, name.end())
        if not join:
            return None
        position = join.end()
    return None


# ... then what follows the year, each read from its end so that no pattern can backtrack far:
# "Title. Journal, 12(3), 45–67.", "Chapter. In I. Editor (Ed.), Book (pp. 1–10). Publisher.",
# "Title (2nd ed.). Publisher."
_APA_SERIAL_END = re.compile(r",\s(?P<volume>\d+)(?:\((?P<number>[^()]{1,20})\))?"
                             r"(?:,\s(?P<pages>[A-Za-z]?\d+(?:\s?[-–—]\s?[A-Za-z]?\d+)?))?[.\s]*$")
_EDITION_SENTENCE = re.compile(r"\.\s(?P<edition>\d{1,2}(?:st|nd|rd|th|-?е|-?ci|-?cı|-?cu|-?cü)?\s?"
                               r"(?:edn|ed|изд|nəşr)\.?(?:,?\s[^\W\d_]{2,12}\.?){0,3})$")
_HARVARD_VOLUME = re.compile(r"\s?(?P<volume>\d{1,4})(?:\s?\((?P<number>[\d\s/–-]{1,9})\))?\s?")
_HARVARD_CHAPTER = re.compile(r"[Ii]n:?\s(?P<editors>[^()]+?)\s\((?P<label>eds?\.?|red\.?|ред\.?)\),?\s(?P<book>[^.]+?)\.\s"
                              r"(?P<imprint>[^,]+?)(?:,\s(?:pp?\.|s\.|с\.)\s?(?P<pages>\d+(?:\s?[-–—]\s?\d+)?))?[.\s]*")
_APA_THESIS = re.compile(r"(?P<title>[^\[\]]+?)\s\[(?P<kind>[^\[\],]*?(?:dissertation|thesis|dissertasiya\w*|диссертация|дисертація)"
                         r"[^\[\],]*?),\s(?P<school>[^\[\]]+?)\](?:\.\s(?P<after>[^.]+?))?[.\s]*", re.IGNORECASE)
_APA_SENTENCE_END = re.compile(r"[.?!]\s")
_APA_IN = re.compile(r"\.\s(?:In|В)\s")
_APA_CHAPTER_HOST = re.compile(
    r"(?P<editors>[^()]+?)\s\((?P<label>(?:Eds?|Ред|ред|Red|red)\.?)\),\s(?P<book>[^()]+?)\s"
    r"\((?:pp?|с|S|s)\.\s(?P<pages>[^()]+)\)\.\s(?P<publisher>[^.]+?)[.\s]*")
_APA_BOOK_END = re.compile(
    r"(?:\s\((?P<edition>[^()]{0,30}(?:ed|изд|nəşr)\.?[^()]{0,10})\))?(?:\.|(?<=[?!]))\s(?P<publisher>(?:[^.\d()]|(?<=\b[A-Z])\.){2,80}?)[.\s]*$")
_SOURCE_LANGUAGE = re.compile(r"\s?(?:с|з|із|from|dilindən)\s[^\W\d_]{2,}\.?(?:\s(?:яз|мови|языка)\.?)?(?=\s|$)")
_UNUSED = re.compile(rb"\x00+")   # a run of characters no field or marker has claimed
_HOST_LINKS = ("//", "В кн.", "Kn.", "В сб.", "In:", "İn:")
# "//", or the older link words ("В кн.:", "In:"), or both ("// В кн.: ...", "// In: ...")
_HOST_LINK = re.compile(r"\s?//\s?(?:(?:В кн\.|В сб\.|In:|İn:)\s?:?\s?)?"
                        r"|(?:\.\s?[" + DASH_CLASS + r"]\s?|\s)(?:В кн\.|Kn\.|В сб\.|In:|İn:)\s?:?\s?")
_PAGES = re.compile(rf"^(?:С|с|S|s|P|p|pp|Pp|Стр|стр|səh|Səh|b|B|Б|гв|გვ|ص)\.?\s?(\d+(?:\s?{_D}\s?\d[\d ]*)?"
                    rf"(?:\s?[,;]\s?(?:(?:С|S|s|p|гв|გვ)\.?\s?)?\d+(?:\s?{_D}\s?\d+)?)*)\s?[.;]?$")
# the numbered article of a law gazette that carries an act ("Собрание законодательства РФ. – 2011. – № 15. –
# Ст. 2036", "maddə 4"): a note of the description, not its pages
_GAZETTE_ARTICLE = re.compile(r"^(?:Ст|Стаття|Статья|[Mm]addə)\.?\s?\d+[\w-]*$", re.IGNORECASE)
_PAGES_SUFFIX = re.compile(rf"^(\d+\s?{_D}\s?\d+\s?{_D}?\s?(?:betlar|bet|b)|\d+\s?{_D}?\s?(?:betlar|bet))\.?$",
                           re.IGNORECASE)
_VOLUME = re.compile(r"^(?:Т|т|Том|том|Vol|vol|V|v|T|t|ტ|Ч|ч|J|Bd|Cilt|Yıl|C|c|Ҹ|ҹ|Kitab|Kitob|Cild|Hissə|Книга|Кн|Kn)\.?\s?"
                     r"([\dIVXLC]+(?:\s?[-–—]\s?[\dIVXLC]+)?)\.?$"
                     r"|^([\dIVXLC]+)[-\s]?(?:ci|cı|cu|cü)?\s?(?:cild|cildi|ҹилд|kitab|kitob|kitоb|hissə|том|часть|Volume)\.?$"
                     r"|^([IVXLC]+)\s?[cҹ]\.?$"
                     r"|^(?:Volume|Vol\.)\s?(\d+)\.?$", re.IGNORECASE)
_VOLUMES = re.compile(r"^(?:[ВвУу]|In)\s?(\d+)\s?(?:т|ч|vols?|т\.)\.?$")
_NUMBER = re.compile(r"^(?:№|N|No|Ns|Nr|Вып|вып|Вип|вип|Vyp|vyp|sayı|Sy|Iss|Issue|Buraxılış|buraxılış|бурахылыш|"
                     r"Бурахылыш)\.?\s?([\dIVXLC]+(?:\s?[-–—/]\s?\d+)?"
                     r"(?:\s?\(\d+\))?)\.?$", re.IGNORECASE)
# ... or the numeral before its word: "II buraxılış", "3-й выпуск"
_NUMBER_BEFORE_WORD = re.compile(r"([\dIVXLC]+)[-\s]?(?:ci|cı|cu|cü|й|[-‑]?й)?\s?"
                                 r"(?i:buraxılış|бурахылыш|выпуск|випуск)\.?")
_EDITION = re.compile(r"(?:^|\s)(?:\d+[-‑]?\s?(?:[^\W\d_]{1,3})?\s?"   # "2-е изд.", "3-е издание" (GOST R 7.0.100-2018)
                      r"(?:изд(?:ание)?|вид(?:ання)?|выд(?:анне)?|nəşr|ed|Aufl)\b|(?:изд|вид|выд)\.,|nəşri\b|[Ee]dition"
                      r"|^(?:Репринт|Reprint)"   # "Репринт. изд.", "Репринтное воспроизведение издания 1890 г."
                      r"|(?:изд|вид)(?:\.|ание|ання)\s?\d+[-‑]?[^\W\d_]{0,3}(?![^\W\d_]))", re.IGNORECASE)   # "Изд. 2-е"
_THESIS = re.compile(r"^\[?(?:дис\.|дисс\.|диссертаци[яи]|дисертаці[яї]|автореф|avtoref|dissertasiya|dis\.\s?[.…]|"
                     r"thesis|dissertation)"
                     # "tarix üzrə fəlsəfə doktoru dis. avtoreferatı", "... elmləri namizədi ... dissertasiyanın avtoreferatı"
                     r"|(?:fəlsəfə|elmləri?)\s(?:doktoru|namizədi)\b.{0,80}?(?:\bdis(?:\.|$)|dissertasiya|avtoref)"
                     # ... abbreviated: "filol. e.n. ... dis. avtoref.", "t.ü.f.d. ... dis.", "i.e.d. dissertasiyası"
                     r"|\b(?:e\.\s?[nd]|f\.\s?d)\.\s?(?:\.{3}|…)?\s?(?:dis\.|dissertasiya|avtoref)"
                     # "PhD thesis", "Ph.D. dissertation", "Master's thesis"
                     r"|\b(?:PhD|Ph\.\s?D\.|doctoral|master'?s|MA|MSc)\s(?:thesis|dissertation)\b", re.IGNORECASE)
_PROCEEDINGS_WORDS = (r"(?:конф(?:\.|(?!\w))|конференц|симпоз|съезд|конгресс|Тезисы|тез\. докл|материалы|матеріали|"
                      r"konfrans|konfransı|simpozium|Proceedings|Proc\.|Conference|Symposium|Workshop)")
_PROCEEDINGS = re.compile(rf"(?:\w*\s?(?:всерос|междунар|науч|межвуз|регион|респ)\w*\.?\s)*{_PROCEEDINGS_WORDS}",
                          re.IGNORECASE)
# (the words alone: the qualifiers before them may be absent, so a search finds the one where the other does)
_PROCEEDINGS_WORD = re.compile(_PROCEEDINGS_WORDS, re.IGNORECASE)
_LEGISLATION = re.compile(r"^(?:Закон|Указ|Постановление|Распоряжение|Кодекс|Конституция|Федеральный закон|"
                          r"Qanun|Fərman|Sərəncam|Konstitusiya|Məcəllə|Закон України|Кодекс України)\b")
# Turkic languages name the kind of an act last, in the possessive: "Azərbaycan Respublikasının Əmək Məcəlləsi",
# "... təhsil haqqında qanun", "Prezidentinin Fərmanı «...»", "Қазақстан Республикасының Заңы", "Mehnat kodeksi"
_ACT_KIND_LAST = re.compile(
    r"(?:^|\s)(?:qanun|qanunu|məcəlləsi|konstitusiyası|fərmanı|sərəncamı|qərarı|"
    r"ганун|гануну|мәҹәлләси|конституциясы|фәрманы|сәрәнҹамы|гәрары|"
    r"заңы|кодексі|конституциясы|жарлығы|қаулысы|"
    r"qonuni|kodeksi|konstitutsiyasi|farmoni|qarori)(?=\s*$|\s[«\"“„])", re.IGNORECASE)
_ACT_KINDS = (r"(?:Федеральный\s закон|Федеральный\s конституционный\s закон|федер\.\s?(?:конституц\.\s?)?закон|"
              r"Закон|Указ|Постановление|Приказ|"
              r"Распоряжение|Закон\s України|Наказ|Постанова|Qanun|Fərman|Sərəncam|Qərar)")
_ACT_KIND_FIRST = re.compile(
    rf"^(?P<kind>{_ACT_KINDS}(?:\s(?!от\s|від\s)[^\s«\"“]+){{0,4}}?)"
    r"(?:\s(?:от|від|dated)\s(?P<date>[\d.]+(?:\s[^\W\d_]+\s\d{4})?)\s?(?:г|р)?\.?)?"
    r"(?:\s?№\s?(?P<number>[^\s«\"“]+))?\s[«\"“](?P<title>.+?)[»\"”]"
    # ... or the date and number after the title: "Закон ... «Об образовании» от 19 июня 2009 года № 833-IIIQ"
    r"(?:\s(?:от|від|dated)\s(?P<date_after>\d{1,2}[.\s][^\s.]+[.\s]\d{4})(?:\s?(?:г\.|года|р\.|року))?)?"
    r"(?:\s?№\s?(?P<number_after>[^\s,;]+?))?(?=[\s.,;]|$)", re.VERBOSE)
_ACT_AZ = re.compile(
    r"^(?P<date>\d{1,2}\s[^\W\d_]+\s\d{4})[-‑]?(?:ci|cü|cı|cu)?\sil\starixli\s(?P<number>\S+)\snömrəli\s"
    r"[«\"“](?P<title>.+?)[»\"”]\s(?P<kind>[^()]+?)(?=\s?\(|\.?$)")
# the title in quotes first, then the kind: "“Təhsil haqqında” Azərbaycan Respublikasının Qanunu",
# "«Об образовании» Закон Азербайджанской Республики"; or the issuer, the title, the kind:
# "Azərbaycan Respublikasının “Təhsil haqqında” Qanunu"
_AZ_ACT_KINDS = r"(?:Qanunu|Fərmanı|Sərəncamı|Qərarı|Konstitusiyası|Məcəlləsi)"
_ACT_TITLE_FIRST = re.compile(
    rf"^[«\"“](?P<title>[^«»\"“”]+)[»\"”]\s(?P<kind>(?:[^\W\d_]+\s){{1,4}}{_AZ_ACT_KINDS}"
    r"|(?:Закон|Указ|Постановление|Распоряжение|Кодекс)(?:\s[^\W\d_]+){0,4})(?=\s?[.,;–—-]|$)")
_ACT_TITLE_INSIDE = re.compile(
    rf"^(?P<issuer>(?:[^\W\d_]+\s){{1,4}})[«\"“](?P<title>[^«»\"“”]+)[»\"”]\s(?P<kind>{_AZ_ACT_KINDS})(?=\s?[.,;–—-]|$)")
# "в 22 т. Т. 5", ": у 2 ч. Ч. 1.", ". I cild", ". Т. 1—4": a multipart work's volume in its title area
@cache
def _volume_in_title() -> re.Pattern[str]:
    """The pattern of "в 22 т. Т. 5", ": у 2 ч. Ч. 1.", ". I cild", ". III c.", ". Т. 1—4", "Үч ҹилддә. Ҹ. 1" (the
    cardinal numerals from the terms table)."""
    cardinals = "|".join(re.escape(f) for f in table_forms("cardinals"))
    ordinals = "|".join(re.escape(f) for f in table_forms("ordinals"))
    starts = "".join(sorted({c for f in (*table_forms("cardinals"), *table_forms("ordinals"))
                             for c in (f[0].lower(), f[0].upper(), "İ" if f[0] == "i" else "")}))   # "İkinci"
    return re.compile(
        rf"(?:^|[.:,]\s?)(?=[ВвУуIn\dТтЧчVvKkCcBҸ{starts}])"
        rf"(?P<volumes>(?:(?:[ВвУу]|In)\s?\d+(?:-?х|-и)?\s?(?:(?:т|ч|кн|vols?)\.?|cilddə|ҹилддә)"
        rf"(?:,\s?\d+\s?кн\.?)?"   # "в 11 т., 12 кн."
        rf"|(?:\d+|(?i:{cardinals}))\s?(?:cilddə|ҹилддә|томдық))(?=\s|$|[.,]))?\.?\s?"   # "5 томдық"
        r"(?:(?:Т|т|Ч|ч|Кн|кн|Vol|vol|V|Bd|ტ|C|Ҹ)\.\s?(?P<number>[\dIVXLC]+(?:\s?[-–—]\s?[\dIVXLC]+)?)"
        r"(?P<part>,\s?(?:кн|ч|вып|Kn|kitab)\.?\s?\d+)?"
        r"|(?P<number2>[\dIVXLC]+)(?:[-\s]?(?:ci|cı|cu|cü)?\s?(?:cild|cildi|ҹилд|kitab|kitob|hissə|том)\b"
        r"|(?<=[IVXLC])\s?[cҹ](?=\.|$))"   # "III c.": a Roman numeral and "cild" shortened
        rf"|(?P<words>(?i:{ordinals})\s(?i:cild|cildi|kitab|hissə))\b)?"   # "BİRİNCİ CİLD": in words
        r"(?=\s?(?:[.:,]|$))(?!\.[^\W\d_])")
_COLLECTION = re.compile(r"сборник|сб\.|збірник|зб\.|зборнік|məcmuə|toplu|toplusu|collection|collected|жинақ|to'plam",
                         re.IGNORECASE)
_ACT_KIND_START = re.compile(rf"{_ACT_KINDS}\b", re.IGNORECASE | re.VERBOSE)
# the Azerbaijani kind after its issuer in the genitive: "Azərbaycan Respublikasının Qanunu", "Nazirlər
# Kabinetinin Qərarı", "Azərbaycan Respublikası Prezidentinin Fərmanı"
_ACT_ISSUER_FIRST = re.compile(r"^(?:[^\W\d_]+\s){1,4}(?:Qanunu|Fərmanı|Sərəncamı|Qərarı)(?=\s|$|[,.])")
# a legal act's own designation ending its kind: "Azərbaycan Respublikasının Qanunu № 812-IIQD", "… № 63-ФЗ"
_ACT_DESIGNATION = re.compile(r"\s?№\s?(\d+[-‑][^\W\d_][\w-]*)$")
_LEGAL_ACT = re.compile(r"(?:^|\s)(?:наказ\w*|постанов\w*|указ\w*|закон\w*|розпорядж\w*|распоряж\w*|"
                        r"qanun\w*|fərman\w*|qərar\w*|sərəncam\w*|затв\.\s?наказом)(?:\s|$)", re.IGNORECASE)
_STANDARD = re.compile(r"^((?:ГОСТ|GOST|ДСТУ|СТБ|СТ РК|AZS|ISO|ОСТ|СНиП|СП)(?:\s(?:Р|R|ISO|IEC|EN|ISO/IEC))*"
                       r"\s[\d.:/\-—–]+)\.\s")
# Vancouver (NLM): "Smith AB, Jones CD, et al. Title. J Med Sci. 2010 Mar;5(2):100-5."
_VANCOUVER_NAME = rf"{NAME_WORD}(?:[\s-]{NAME_WORD})?\s{UP}{{1,3}}"
_VANCOUVER_OTHERS = re.compile(r"et al|и др|və b")
_VANCOUVER = re.compile(
    rf"(?P<authors>{_VANCOUVER_NAME}(?:,\s{_VANCOUVER_NAME})*(?:,\s(?:et al|и др|və b))?)\.\s"
    r"(?P<title>[^.?!]{3,}[.?!])\s(?P<journal>[^.;:\d][^.;:]*?)\.?\s"
    rf"(?P<year>{_YEAR})(?:\s[^\W\d_]{{3,}}\.?(?:\s\d{{1,2}})?)?;\s?(?P<volume>\d+)?(?:\s?\((?P<number>[^)]+)\))?"
    r"(?::\s?(?P<pages>[\dA-Za-z]+(?:\s?[-–]\s?[\dA-Za-z]+)?))?\.?(?=\s|$)")
# a host's heading: "Иванов И. И. Книга", "Brown K. (ed.) The Handbook", "Brown K., Smith J. (eds.). Book"
_HOST_HEADING = re.compile(rf"(?P<names>{NAME_WORD},?\s?{INITIALS}(?:(?:,\s?|\s(?:and|&|и|və)\s){NAME_WORD},?\s?{INITIALS})*)"
                           r"\s?(?:\((?P<role>[^()\d]{1,12})\)\.?)?\s(?=[^\W\d_])")
_HOST_NAMES_SPLIT = re.compile(r"(?<=\.),\s?|\s(?:and|&|и|və)\s")
_HEADING_ROLE = re.compile(r"^\(([^()\d]{1,30})\)\.?\s?")   # "(baş red.). ", "(Eds.). "
_NEWSPAPER_DAY = re.compile(r"^(\d{1,2})\s?([^\W\d_]+)\.?$")
_NUMERIC_DAY = re.compile(rf"(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.({_YEAR})(?![\d.])")
_ON_A_DISC = re.compile(r"опт\.\s?диск|CD-ROM|DVD|електрон\.\s?опт", re.IGNORECASE)
_STATE = re.compile(r"Федерация|Республика|Respublikas|Republic|Рэспубліка|Республіка", re.IGNORECASE)
# "EA-nın nəşri", "Universitetin nəşri": "published by ..." (a genitive before nəşri), not an edition
_PUBLISHED_BY = re.compile(r"\S*[^\W\d_](?:ın|in|un|ün)\s(?:nəşri|нәшри)\b")


def _may_name_publisher(text: str) -> bool:
    """False when _PUBLISHED_BY cannot match: the text holds neither of its words (a substring test
    spares the pattern, which tries every word of the text)."""
    return "nəşri" in text or "нәшри" in text


# a library's platform, not a larger work: "Юрайт : электронно-библиотечная система", "Лань : электронно-библиотечная
# система", "ЭБС IPR BOOKS", "Znanium.com : электронно-библиотечная система", "Университетская библиотека онлайн"
# (the lookahead for the forms' first letters lets the search pass over the other characters at once)
_PLATFORM = re.compile(r"(?=[эебоe])(?:электронно-библиотечн|\bЭБС\b|електронн\w* бібліотек|библиотека онлайн|"
                       r"elektron kitabxana|образовательная платформа)", re.IGNORECASE)
_HIJRI_IMPRINT = re.compile(r"(?P<place>[^\d,:]{2,30}),\s?(?P<year>1[234]\d\d)")
_QUOTED_WHOLE = re.compile(r"(?P<open>[«\"“„])(?P<inner>[^«»\"“”„]{10,}),?(?P<close>[»\"”“])(?=\.?\s|\.?$)")
_FOLIO = re.compile(r"\d{1,4}\s?[ab]")
_TRAILING_EDITION = re.compile(r"(?P<rest>.*\d)\s?\((?P<edition>[^()]{3,40})\)[\s.;,]*")
_DATED_ISSUE = re.compile(r"(?P<issue>.*\d)\s?\((?P<date>[^\W\d_]{3,}\.?)\)[\s.;,]*")
_QUOTES = "«»\"“”„"
_ILLUSTRATIONS = re.compile(r"^(?:(?:ил|илл|карт|табл|портр|схем|диагр|граф|факс|фот|il|ill|şək|xəritə|"
                            r"cədv|maps?|fig|ілюстр|іл)\.?(?:,?\s?(?:и|і|və|and)?\s?)?)+$", re.IGNORECASE)


# The patterns of the steps below, compiled once (a pattern written inside a function is looked up
# in the re module's cache at every call).
_UPPER_ABBR = "A-ZА-ЯЁƏÜÖÇŞĞİІЇЄҐ"
_YEAR_SEARCH = re.compile(rf"(?=[12]){_YEAR}")
_JUST_YEAR = re.compile(_YEAR)
_YEAR_AFTER_DASH_SEARCH = re.compile(_YEAR_AFTER_DASH)
_YEAR_ALONE = re.compile(rf"{_YEAR}(?:\s?(?:г|y|il)\.?)?")   # "1993", "1993 г.", "2005 il"
_TITLE_THEN_VOLUME = re.compile(r"(?<=[^\W\d_]),\s?(?P<volume>\d{1,2})[,\s]*$")
_YEAR_WITH_DAY = re.compile(rf"(?P<year>{_YEAR})\s?\((?P<day>\d{{1,2}})\s?(?P<month>[^\W\d_]+\.?)\)")
_MEETING_DAYS = re.compile(rf"\s?(?P<days>\d{{1,2}}\s?{_D}\s?\d{{1,2}})\s(?P<month>[^\W\d_]+\.?)\s(?P<year>{_YEAR})"
                           rf"(?:\s?(?:г|il|y)\.?)?[\s.]*")
_PUBLISHER_YEAR = re.compile(rf"\s?(?P<publisher>{UP}[^\d,:;()]{{1,60}}?)\s(?P<year>{_YEAR})(?:\s?(?:г|y|il)\.?)?[\s.]*")
# "1958–1963", "1976-1987 гг.": a work published over several years (its volumes, a multivolume set)
_YEAR_RANGE = re.compile(rf"({_YEAR})\s?{_D}\s?({_YEAR})(?:\s?(?:гг?|y|il)\.?)?")
_YEAR_AREA = re.compile(rf"{_YEAR}(?:\s?(?:г|y|il)\.?)?(?:\s?{_D})?")   # ... or before a dash
_YEAR_AFTER_HEADING = re.compile(rf"^\(?({_YEAR})\)?\s?[.,]\s?")
_YEAR_GLUED_TO_AREA = re.compile(rf"({_YEAR})\.(\S.*)")
_YEAR_GLUED_TO_TITLE = re.compile(rf"(?<=[^\W\d_])({_YEAR})$")
_YEAR_WORD = re.compile(rf"{_YEAR}\b")
_YEAR_DAY_MONTH = re.compile(rf"^{_YEAR},\s\d{{1,2}}\s([^\W\d_]+)")   # "2011, 18 oktyabr"
_YEAR_THEN_NUMBERS = re.compile(rf"^{_YEAR}[,.]?\s(?=(?:V|Vol|Т|т|№|N|No|P|С|S|s)\.?\s?\d)")
_BRACKETED_YEAR = re.compile(rf"^\(\s?{_YEAR}\s?\)$")
_MONTH_YEAR = re.compile(rf"([^\W\d_]+)\.?\s({_YEAR})")   # "июнь 2001", "Summer 2007"
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}}\s?[^\W\d_]+\.?),?\s({_YEAR})(?:\s?(?:г|il|y)\.?)?")
_BRACKETED_DATE = re.compile(r"\(\s?(\d{1,2})\.(\d{1,2})\.(\d{4})\s?\)")
_SOURCE_YEAR = re.compile(rf"({_YEAR})(?:[-‑]?(?:ci|cü|cı|cu))?\s?(?:il|г|р|y)?\.?")
_ACCESS_NOTE = re.compile(r"Режим доступа\s?:[^.]*(?:\.[^.–—-]*)?|Текст\s?:\s?электронный")
_WHITE_SPACE = re.compile(r"\s")
_DIGIT = re.compile(r"\d")
_DIGIT_AT_END = re.compile(r"\d\s?$")
_WORD_OF_THREE = re.compile(r"[^\W\d_]{3,}\.?")   # "июн.", "Summer"
_SHORT_NUMBER = re.compile(r"\d{1,4}")
_SPACE_IN_NUMBER = re.compile(r"(?<=\d)\s(?=\d)")
_LABELLED_NUMBER = re.compile(r"^\S+\.?\s?\d|^\d")
_ROMAN = re.compile(r"[IVXLC]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W_]+")
_NOT_LETTER = re.compile(r"[^\w]|\d")
_CAPITAL = re.compile(UP)
_FULL_STOP = re.compile(r"\.\s*")
_LEADING_DASH = re.compile(rf"^{_D}")
_SPACED_DASH = re.compile(rf"\s?{_D}\s?")
_RANGE_DASH = re.compile(r"\s?[-–—]\s?")
_SPACED_SLASH = re.compile(r"\s/\s")
_PAGE_LIST_SEPARATOR = re.compile(r"\s?[;,]\s?(?:(?:С|S|s|p|гв|გვ)\.?\s?)?")
_PAGES_WORD_AT_END = re.compile(r"\s?[-–]?\s?(?:betlar|bet|b)\.?$", re.IGNORECASE)
_BRACKETS = re.compile(r"\s?\(([^()]+)\)")
_PARENTHESISED = re.compile(r"\([^()]+\)")
_BRACKETED = re.compile(r"\[[^\[\]]+\]")
_BRACKETED_NUMBER = re.compile(r"\[\d+\]")
_RESOURCE_SIZE = re.compile(r"\(\s?\d[\d\s,.]*\s?(?:Кб|Мб|Гб|KB|MB|GB|Kb|Mb|Gb|кБ|МБ|ГБ)\s?\)")   # "(196 Мб)"
_BRACKETED_SOURCE = re.compile(r"^\((.+)\)\.?$")
_NOTE_AFTER_TITLE = re.compile(r"\[[^\[\]]+\]|(?:Изд|Вид|Выд)\.\s?(?:офиц|офіц|афіц)\.?")
_QUOTED = re.compile(r"[«\"“„].+[»\"”“]")
_QUOTED_OPENING = re.compile(r'^([«"“„])(.+?)([»"”“])(?=\s?[,.;:]|$)')
_LANGUAGE_MARK = re.compile(r"\((?:азерб|рус|англ|укр|каз|нем|фр|тур|груз|арм|az|ru|en)\.\)")
_SPECIALTY_CODE = re.compile(r"\d{2}\.\d{2}\.\d{2}")
_WORD_AFTER_SPACE = re.compile(r"(?<=\s)\S")
_VOLUME_WITH_TITLE = re.compile(r"^(?:Том|Т\.|Ч\.|Vol\.|Cild|Kitab)\s?([\dIVXLC]+)\s?:\s?(.+)$")
_SERIAL_WORD = re.compile(r"\s(jurnalı|qəzeti|журналы|газетасы|məcmuəsi)$", re.IGNORECASE)
_SERIAL_WORD_AFTER_QUOTES = re.compile(r"(?<=[»\"”])\s(журнал|газета|jurnalı?|qəzeti?|газетасы|журналы|məcmuəsi)$",
                                       re.IGNORECASE)
_JOURNAL_GENRE = re.compile(r"журн|jurnal|journal", re.IGNORECASE)
_WEBSITE_GENRE = re.compile("сайт|sayt|website", re.IGNORECASE)
# names
_INITIAL = re.compile(INITIAL)
_INITIAL_AND_NAME = re.compile(INITIAL + r"\s?" + NAME_WORD)
_INITIAL_GLUED_TO_NAME = re.compile(INITIAL + NAME_WORD)
_PERSON_THEN_SEMICOLON = re.compile(rf"^{INITIALS}\s?{NAME_WORD}\s?[;,]")
_PERSON_BEFORE_SEMICOLON = re.compile(rf"\s(?={INITIALS}\s?{NAME_WORD}\s?;)")
_PERSON_AT_END = re.compile(rf"\s({INITIALS})\s?({NAME_WORD})$")
_AUTHOR_DATE_HEAD = re.compile(rf"^((?:{NAME_WORD}\s?){{1,3}})\(\s?({_YEAR})\s?\)\s?")
_NAME_COMMA_INITIALS = re.compile(rf"{NAME_WORD},\s?{INITIALS}")
_FAMILY_GIVEN_INITIALS = re.compile(rf"({NAME_WORD})\s({NAME_WORD})\s?({INITIALS})")
_FAMILY_STOP_INITIALS = re.compile(rf"^({NAME_WORD})\s?[.,]?\s?({INITIALS})$")
_GEORGIAN_START = re.compile(r"^[\u10d0-\u10ff]")
_GEORGIAN_NAME = re.compile(r"([\u10d0-\u10ff]+)\s([\u10d0-\u10ff]{1,2}\.)")
_GEORGIAN_HOST_AUTHOR = re.compile(r"^([\u10d0-\u10ff]+)\s([\u10d0-\u10ff]{1,2}\.)\s?")
_HEADING_COMMA = re.compile(r"\s?,\s?(?=\S)")
_INVERTED_NAMES_SEPARATOR = re.compile(r",\s(?:(?:and|&)\s)?|\s(?:and|&)\s")   # "Smith, John, and Jane Doe"
_NAME_SEPARATOR = re.compile(r"\s?,\s?|\s(?:и|və|і|та|and|va)\s")
_NAME_WORD_SEPARATOR = re.compile(r"[\s,]+")
_APA_EDITOR_SEPARATOR = re.compile(r",\s?(?:&\s?)?|\s&\s|\s(?:and|и)\s")
_ASIDE = re.compile(r"\s?\(([^()]*)\)")
_ET_AL_IN_BRACKETS = re.compile(r"\s?\[\s?[иі]\s?(?:др|інш)\.?\s?\]")
_ROLE_IN_BRACKETS = re.compile(r"\s?\(([^()]+)\)\s?(?=\[|$)")
_LOWER_WORD_AT_END = re.compile(rf"(?:^|\s){LOW}+$")
_RESPONSIBILITY_SLASH = re.compile(r"(?<!/)(?=[\s/])(?:\s/\s?|/\s|\s?/(?=\s?" + INITIAL + r"))(?!/)")
_SENTENCE_BEFORE_HOST = re.compile(rf"(?<=[^\W\d_]{{2}})\.\s(?={UP}{LOW}+\s)")
# the publication area
_IMPRINT = re.compile(rf"^(?P<places>[^:]+?)\s?:\s?(?P<publishers>.*?)\s?,?\s?(?P<year>{_YEAR})(?:\s?{_D}\s?(?P<endyear>{_YEAR}))?"
                      rf"(?P<tail>\s?(?:г|y|il)?\.?\)?(?:\s?{_D})?\s?(?:,\s?.*)?)$")
_PLACE_AND_PUBLISHER = re.compile(r"^(?P<places>[^:,]+?)\s?:\s?(?P<publishers>[^,]+?)\s?$")
_PLACE_AFTER_PUBLISHER = re.compile(r",\s?([^,]{2,40})$")
_PUBLISHER_SEPARATOR = re.compile(r"\s?;\s?|\s:\s")
_PLACE_SEPARATOR = re.compile(rf"\s?[;{DASH_CLASS}]\s?")
_PLACE_LIST_SEPARATOR = re.compile(rf"\s?;\s?|\s[{DASH_CLASS}]\s|\s?,\s?(?=[{_UPPER_ABBR}]\.)|\s(?:and|&)\s")
_PLACE_PAIR_HYPHEN = re.compile(rf"(?<=\.)[{DASH_CLASS}](?=[{_UPPER_ABBR}])")
_NOT_NAMED = re.compile(r"\[?(?:S\.\s?l\.|s\.\s?l\.|б\.\s?м\.|Б\.\s?м\.|б\.\s?и\.|s\.\s?n\.|ad\.\s?a\.)\]?")
# the separators split_top_level cuts at (a lookahead for their first character, where they have no
# literal one, lets the search pass over the other characters at once)
_COMMA = re.compile(r",\s?")
_SUBTITLE_COLON = re.compile(r"(?=[\s:])(?:\s?:\s(?!//)|\s:(?=\S)|(?<=\S):\s(?=\S))")
_HOST_SUBTITLE_COLON = re.compile(r"(?=[\s:])(?:\s?:\s|\s:(?=\S)|(?<=\S):\s(?=\S))")
_HOST_TITLE_COLON = re.compile(r"(?=[\s:])(?:\s?:\s|\s:(?=\S)|(?<=[^\W\d]):(?=\w))")
_NUMBERS_SEPARATOR = re.compile(rf"(?=[,\s])(?:,\s?|(?<={_YEAR})\s(?=\D)|\s(?=(?:V|Vol|Т|т|№|N|No|P|С|S|s)\.?\s?\d))")


def parse_reference(text: str, *, line: int | None = None) -> Reference:
    """Parse one reference string into a `Reference` (never raises on bad input)."""
    ref = Reference(raw=text, line=line)
    normalized, diagnostics = normalize(text)
    ref.diagnostics.extend(diagnostics)
    _Parser(ref, normalized).run()
    return ref


class _Parser:
    """The state of one parse: the text, what is used up, and the record being filled."""

    def __init__(self, ref: Reference, text: str) -> None:
        self.ref = ref
        self.text = text
        self.work = text            # the text with claimed pieces blanked out (same length)
        self.used = bytearray(len(text))
        self.volume_title: Piece | None = None
        self.sine_loco = False   # "[S. l.]": a publication area that says it names no place
        self.genre_area: Piece | None = None   # an area after the title that only names the genre
        self.sentences: dict[tuple[int, str], list[Piece]] = {}
        self.script = detect_script(text)
        # the record's language, as its title area shows it (a publisher abroad does not change it)
        head = _TITLE_AREA_END.split(text, maxsplit=1)[0]
        self.lang = detect_language(head if len(head) > 20 else text, script=self.script)

    # -- bookkeeping -----------------------------------------------------------------------------
    def claim(self, start: int, end: int, field: str | None = None) -> None:
        """Mark text[start:end] as accounted for (by a field, or as a recognised marker)."""
        start, end = max(start, 0), min(end, len(self.used))
        if start < end:
            self.used[start:end] = b"\x01" * (end - start)
        self.work = self.work[:start] + " " * (end - start) + self.work[end:]
        if field and field not in self.ref.spans:
            self.ref.spans[field] = Span(start, end)

    def take(self, piece: Piece, field: str) -> str:
        """Claim a piece for a field and return its text (white space left by claimed markers folded)."""
        self.claim(piece.start, piece.end, field)
        return " ".join(piece.text.split())

    def mark(self, piece: Piece) -> None:
        self.claim(piece.start, piece.end)

    # -- the steps -------------------------------------------------------------------------------
    def run(self) -> None:
        ref = self.ref
        if not self.text:
            ref.diagnose("empty", "the reference is empty", severity=Severity.ERROR)
            return
        self.extract_identifiers()
        whole = Piece(self.work, 0)
        part, host = self.split_host(whole)
        self.parse_part(part)
        if host:
            self.parse_host(host)
            self.host_is_a_platform()
        self.settle_language()
        self.settle_type()
        self.account_for_leftovers()

    def extract_identifiers(self) -> None:
        ref = self.ref
        lowered = self.work.lower()
        dated = any(word in lowered for word in _access_date_words())
        for match in _access_date_pattern().finditer(self.work) if dated else ():
            day, month, year = match["day"] or match["day_after"], match["month"] or match["month_first"], match["year"]
            number = int(month) if month.isdigit() else month_number(month.rstrip("."))
            if not number:
                continue
            ref.urldate = f"{year}-{number:02d}-{int(day):02d}"
            self.claim(match.start(), match.end(), "urldate")
        for match in _url_pattern().finditer(self.work) if _may_hold_url(lowered) else ():
            url = match.group(1)
            broken = _url_continued(self.work, match.end(1))
            if broken > match.end(1):   # "…/OBLADM/ obldp.nsf/archive/3E8?opendocument": a line break in the address
                url = self.work[match.start(1):broken]
                ref.diagnose("url-with-space", f"the address {url!r} is broken by a space (a line break?): "
                             "kept as written", span=Span(match.start(1), broken))
            url = url.rstrip(".,;:)—–")
            if url.count("(") > url.count(")"):
                url = url + ")" if match.group(1).rstrip(".,;").endswith(")") else url
            end = match.start(1) + len(url)
            if _PRIVATE_HOST.match(url):
                ref.note.append(self.text[match.start():end])
                ref.diagnose("private-url", f"the address {url!r} is on a private network: kept in the note",
                             span=Span(match.start(), end))
                self.claim(match.start(), end)
                continue
            resolver = _DOI.fullmatch(url)
            if resolver and resolver.group(2) and not ref.doi:   # "https://doi.org/10.1000/x": the DOI itself
                ref.doi = resolver.group(2).rstrip(".,;")
                ref.markers.append(url[: resolver.start(2)])   # the resolver, a marker of the DOI
                self.claim(match.start(), end, "doi")
            elif not ref.url:
                ref.url = url
                self.claim(match.start(), end, "url")
        if ref.url and not ref.urldate:
            match = _BRACKETED_DATE.search(self.work)
            if match:
                ref.urldate = f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}"
                self.claim(match.start(), match.end(), "urldate")
        for pattern, kind, letters in ((_ISBN, "isbn", "SBN"), (_ISSN, "issn", "ISSN")):   # ("ISBN", "İSBN" hold "SBN")
            for match in pattern.finditer(self.work) if letters in self.work else ():
                value = _WHITE_SPACE.sub("", match.group(1))
                getattr(ref, kind).append(value)
                self.claim(match.start(), match.end(), kind)
        match = _DOI.search(self.work) if "doi" in lowered else None   # (both forms hold "DOI" or "doi")
        if match:
            ref.doi = (match.group(1) or match.group(2)).rstrip(".,;")
            self.claim(match.start(), match.end(), "doi")
        for form in table_forms("electronic") if _electronic_marker().search(self.work) else ():
            index = self.work.find(form)
            if index >= 0:
                ref.markers.append(form)
                self.claim(index, index + len(form))
                self.take_site_publisher(index + len(form))
        for match in _material().finditer(self.work):   # "[Текст]": the general material designation
            ref.markers.append(match.group())
            self.claim(match.start(), match.end())
        for match in _ACCESS_NOTE.finditer(self.work):
            ref.note.append(match.group().strip(" .–"))
            self.claim(match.start(), match.end())

    def take_site_publisher(self, after: int) -> None:
        """"Title [WWW Document]. IT Revolution. URL (accessed ...)": the Harvard export names the
        site's publisher in a sentence of its own after the marker, with nothing but the URL and the
        access date (already taken) after it."""
        match = _SITE_PUBLISHER.match(self.work, after)
        if match and not expand_place(match["name"], lang=self.lang, script=self.script) and \
                not _starts_with_role(match["name"]) and match["name"].casefold() not in _known_cities():
            self.ref.organizations.append(self.take(Piece(match["name"], match.start("name")), "organization"))

    def split_host(self, whole: Piece) -> tuple[Piece, Piece | None]:
        match = _HOST_LINK.search(whole.text) if any(link in whole.text for link in _HOST_LINKS) else None
        if not match:
            return whole, None
        part, host = whole.cut(0, match.start()), whole.cut(match.end())
        # "Title // I.O. Family; Corporate body. – Place, 2009" : a '//' typed for '/'.
        if _PERSON_THEN_SEMICOLON.match(host.text) and " / " not in part.text:
            self.ref.diagnose("double-slash-for-slash", "'//' stands where the statement of responsibility "
                              "('/') belongs; read as '/'", span=Span(match.start(), match.end()))
            slash = match.group().replace("//", " /")
            self.work = self.work[: match.start()] + slash + self.work[match.end():]
            return Piece(self.work, 0), None
        self.claim(match.start(), match.end())
        return part, host

    # -- the document itself -----------------------------------------------------------------------
    def parse_part(self, part: Piece) -> None:
        ref = self.ref
        part = self.unquote_whole_description(part)
        part = self.parse_vancouver(part)
        part = self.parse_apa(part)
        part = self.parse_author_date(part)
        part = self.parse_act_title(part)
        part = self.parse_quoted_article(part)
        part = self.parse_arabic_script_work(part)
        match = _STANDARD.match(part.text)
        if match:   # "ГОСТ Р 7.0.100—2018. Title ...": the standard's designation is its number
            self.ref.number = self.take(part.cut(0, match.end(1)), "number")
            part = part.cut(match.end())
        if self.ref.entry_type == "legislation":
            for area in split_areas(part) if part else []:
                self.classify_area(area, into=self.ref)
            return
        heading, rest = self.parse_heading(part)
        if not heading and ref.authors:
            heading = ref.authors   # an APA head whose tail is not APA ("… (2018). Title. Baku: Qanun, 240 p.")
        named = bool(heading)
        if heading:
            heading, rest = self.heading_role(heading, rest)
        match = _YEAR_AFTER_HEADING.match(rest.text) if named else None
        if match:   # "Willis J. 2012. Title": the author-date habit
            ref.year = self.take(rest.cut(match.start(1), match.end(1)), "year")
            rest = rest.cut(match.end())
        areas = split_areas(rest) if rest else []
        if not areas:
            ref.authors = ref.authors or heading
            return
        title_zone, tail = self.find_title_zone(areas)
        for area in tail:
            area = self.take_parenthetical_responsibility(area, leading=True)
            if area:
                self.classify_area(area, into=ref)
        self.parse_title_zone(title_zone, heading)
        if self.genre_area is not None and not ref.genre:
            ref.genre = self.take(self.genre_area, "genre")
        if self.volume_title is not None:   # "Атлас. – Том 1: Природные условия": the volume's own title
            ref.maintitle, ref.title = ref.title, self.take(self.volume_title, "title")

    def unquote_whole_description(self, part: Piece) -> Piece:
        """'"Сборн. материалов …, Тифлис, 1905, Вып. XXXV". səh. 147.': a footnote that quotes the whole
        description of the work, its place and year too; read as if the quotation marks were not there."""
        match = _QUOTED_WHOLE.match(part.text)
        if not match or not self.place_patterns().title_end.search(match["inner"]) \
                or not re.search(_YEAR, match["inner"]):
            return part
        self.claim(part.start + match.start("open"), part.start + match.end("open"))
        self.claim(part.start + match.start("close"), part.start + match.end("close"))
        text = part.text
        text = text[:match.start("open")] + " " + text[match.end("open"):match.start("close")] + " " + text[match.end("close"):]
        return Piece(text, part.start).strip()

    def parse_vancouver(self, part: Piece) -> Piece:
        """A Vancouver (NLM) journal article, as medical journals print them: "Smith AB, Jones CD. Title.
        J Med Sci. 2010;5(2):100-5." (initials without full stops, the journal's abbreviation, then
        year;volume(issue):pages)."""
        match = _VANCOUVER.match(part.text) if ";" in part.text else None   # (the ";" after the year)
        if not match:
            return part
        names = [n.strip() for n in match["authors"].split(",")]
        others = bool(names) and bool(_VANCOUVER_OTHERS.fullmatch(names[-1]))
        persons = [parse_person(n) for n in (names[:-1] if others else names)]
        if not persons or None in persons:
            return part
        ref = self.ref
        ref.entry_type = "article"
        ref.authors = [*persons, *([Person(family="others")] if others else [])]
        self.claim(part.start, part.start + match.end("authors"), "author")
        ref.title = self.take(part.cut(match.start("title"), match.end("title")).strip(" ."), "title")
        ref.host = Reference(entry_type="periodical",
                             title=self.take(part.cut(match.start("journal"), match.end("journal")).strip(" ."),
                                             "journaltitle"))
        ref.year = self.take(part.cut(match.start("year"), match.end("year")), "year")
        for name in ("volume", "number"):
            if match[name]:
                setattr(ref, name, self.take(part.cut(match.start(name), match.end(name)), name))
        if match["pages"]:
            ref.pages = _page_range(self.take(part.cut(match.start("pages"), match.end("pages")), "pages"))
        self.claim(part.start, part.start + match.end())   # the full stops, ";", ":" and brackets between them
        return part.cut(match.end())

    def parse_apa(self, part: Piece) -> Piece:
        """An APA 7 reference, in English or with another language's words: "Family, I. I., &
        Family, I. (2019). Title. Journal, 12(3), 45–67.", "Family, I. (2015). Title (2nd ed.).
        Publisher.", "Family, I. (2015). Chapter. In I. Editor (Ed.), Book (pp. 1–10). Publisher."
        A form it does not know is left to the GOST reading, the names and year already taken."""
        head = _apa_head(part.text)
        if head:
            names, match = head
            persons = [parse_person(name) for name in names]
            authors_end = match.start()
        else:
            paren = part.text.find("(")   # (the one author's year: a bracket and four digits, near the start)
            if not 1 < paren < 160 or not part.text[paren + 1:paren + 5].isdigit():
                return part
            match = _APA_ONE_AUTHOR.match(part.text)
            if not match:
                return part
            persons = [_one_author(match["name"])]
            authors_end = match.end("name")
        if None in persons:
            return part
        ref = self.ref
        ref.authors = persons
        self.claim(part.start, part.start + authors_end, "author")
        ref.year = self.take(part.cut(match.start("year"), match.end("year")), "year")
        if match["day"]:   # a newspaper's, a magazine's or a blog's day
            ref.date = self.take(part.cut(match.start("day"), match.end("day")), "date")
        if match["others"]:
            ref.markers.append(match["others"])
        self.claim(part.start + match.start(), part.start + match.end())
        rest = part.cut(match.end())
        if match["sep"] != "." and (self.read_harvard_article(rest) or
                                    match["sep"] == "," and self.read_harvard_book(rest)):
            return Piece("", rest.end)
        if self.read_apa_article(rest) or self.read_apa_chapter(rest) or self.read_apa_thesis(rest):
            return Piece("", rest.end)
        if self.read_apa_book(rest):
            if ref.date and len(ref.publishers) == 1 and not ref.places:
                # "(2021, March 5). Title. Azernews. URL": a dated piece of a newspaper or a site, not a book
                ref.host = Reference(entry_type="periodical", title=ref.publishers.pop())
                ref.spans["journaltitle"] = ref.spans.pop("publisher")
                ref.entry_type = "article"
            return Piece("", rest.end)
        return rest

    def read_apa_thesis(self, rest: Piece) -> bool:
        """"Title [Doctoral dissertation, University]. Database. URL": a thesis, its kind and its school."""
        match = _APA_THESIS.fullmatch(rest.text)
        if not match:
            return False
        ref = self.ref
        ref.entry_type = "thesis"
        ref.title = self.take(rest.cut(match.start("title"), match.end("title")), "title")
        ref.genre = ref.thesis_type = self.take(rest.cut(match.start("kind"), match.end("kind")), "genre")
        ref.organizations.append(self.take(rest.cut(match.start("school"), match.end("school")), "organization"))
        if match["after"]:   # the database or archive that holds it
            ref.note.append(self.take(rest.cut(match.start("after"), match.end("after")), "note"))
        self.mark(rest)
        return True

    def take_place_before_colon(self, piece: Piece, into: Reference) -> Piece | None:
        """"Baku: Qanun", "Ankara: yıl 24": a known place and a colon opening ``piece`` go to ``into``'s
        places; the rest of the piece is returned (None when the piece does not start so)."""
        colon = _PLACE_COLON.match(piece.text)
        if not colon or not self.is_place(colon.group(1)):
            return None
        into.places += [p for p in self.read_places(colon.group(1)) if p not in into.places]
        self.claim(piece.start, piece.start + colon.end(), "location")
        return piece.cut(colon.end())

    def read_harvard_article(self, rest: Piece) -> bool:
        """'"Legal regulation", Pravo Ukrainy, no. 5, pp. 112–120.': the Harvard article of the
        "References" lists that Ukrainian and Russian journals print next to their DSTU/GOST lists; with
        nothing after the quoted title but an address, a web page."""
        quoted = _HARVARD_ARTICLE.match(rest.text)
        if not quoted:
            return False
        ref = self.ref
        ref.title = self.take(rest.cut(quoted.start("title"), quoted.end("title")), "title")
        self.claim(rest.start, rest.start + quoted.start("title"))
        self.claim(rest.start + quoted.end("title"), rest.start + quoted.start("rest"))
        tail = rest.cut(quoted.start("rest"))
        if self.read_harvard_chapter(tail):
            return True
        pieces = split_top_level(tail, _COMMA)
        if pieces and pieces[0].text.strip(" .") and not self.area_kind(pieces[0].text.strip(" .")) \
                and not _DIGIT.search(pieces[0].text):
            ref.entry_type = "article"
            ref.host = Reference(entry_type="periodical", title=self.take(pieces[0].strip(" ."), "journaltitle"))
            pieces = pieces[1:]
            numbers = _HARVARD_VOLUME.fullmatch(pieces[0].text) if pieces else None
            if numbers:   # "Energy Policy, 125(3), pp. 10–20": the journal's volume and issue, unlabelled
                ref.volume = self.take(pieces[0].cut(numbers.start("volume"), numbers.end("volume")), "volume")
                if numbers["number"]:
                    ref.number = self.take(pieces[0].cut(numbers.start("number"), numbers.end("number")), "number")
                self.mark(pieces[0])
                pieces = pieces[1:]
        for piece in pieces:
            self.classify_area(piece, into=ref)
        return True

    def read_harvard_chapter(self, tail: Piece) -> bool:
        """"in Brown, K. (ed.) Book Title. London: Routledge, pp. 45–67.": the book a Harvard chapter is in."""
        match = _HARVARD_CHAPTER.fullmatch(tail.text)
        if not match:
            return False
        ref = self.ref
        names = _editor_names(match["editors"])
        if not names or None in names:
            return False
        ref.entry_type = "incollection"
        ref.editors = [replace(p, role="editor", role_raw=match["label"]) for p in names if p]
        self.claim(tail.start + match.start("editors"), tail.start + match.end("editors"), "editor")
        ref.host = Reference(entry_type="book", title=self.take(tail.cut(match.start("book"), match.end("book")), "booktitle"))
        imprint = tail.cut(match.start("imprint"), match.end("imprint"))
        if not self.parse_imprint(imprint, into=ref.host):
            ref.host.publishers = [self.take(imprint, "publisher")]
        if match["pages"]:
            ref.pages = _page_range(self.take(tail.cut(match.start("pages"), match.end("pages")), "pages"))
        self.mark(tail)
        return True

    def read_harvard_book(self, rest: Piece) -> bool:
        """"Istoriia Ukrainy [History of Ukraine], Znannia, Kyiv, Ukraine.": title, publisher, place."""
        pieces = split_top_level(rest, _COMMA)
        if len(pieces) < 2 or not any(self.is_place(p.text.strip(" .")) for p in pieces[1:]):
            return False
        self.ref.title = self.take(pieces[0].strip(" ."), "title")
        remainder = pieces[1:]
        self.parse_comma_imprint(remainder)
        return True

    def read_apa_article(self, rest: Piece) -> bool:
        """"Title. Journal, 12(3), 45–67.": the numbers at the end, the journal after the last sentence."""
        numbers = _APA_SERIAL_END.search(rest.text)
        if not numbers:
            return False
        head = rest.text[: numbers.start()]
        ends = [m.end() for m in _APA_SENTENCE_END.finditer(head)]
        if not ends or any(ch.isdigit() for ch in head[ends[-1]:]):
            return False
        ref = self.ref
        ref.entry_type = "article"
        ref.title = self.take(rest.cut(0, ends[-1]).strip(" ."), "title")
        ref.host = Reference(entry_type="periodical", title=self.take(rest.cut(ends[-1], numbers.start()), "journaltitle"))
        ref.volume = self.take(rest.cut(numbers.start("volume"), numbers.end("volume")), "volume")
        if numbers["number"]:
            ref.number = self.take(rest.cut(numbers.start("number"), numbers.end("number")), "number")
        if numbers["pages"]:
            ref.pages = _page_range(self.take(rest.cut(numbers.start("pages"), numbers.end("pages")), "pages"))
        self.mark(rest)
        return True

    def read_apa_chapter(self, rest: Piece) -> bool:
        """"Chapter. In I. Editor & I. Editor (Eds.), Book (pp. 1–10). Publisher."."""
        link = _APA_IN.search(rest.text)
        host = _APA_CHAPTER_HOST.fullmatch(rest.text, link.end()) if link else None
        if not host:
            return False
        ref = self.ref
        ref.entry_type = "incollection"
        ref.title = self.take(rest.cut(0, link.start()), "title")
        ref.editors = [replace(p, role="editor", role_raw=host["label"]) for p in _editor_names(host["editors"]) if p]
        self.claim(rest.start + host.start("editors"), rest.start + host.end("editors"), "editor")
        ref.host = Reference(entry_type="book", title=self.take(rest.cut(host.start("book"), host.end("book")), "booktitle"))
        ref.pages = _page_range(self.take(rest.cut(host.start("pages"), host.end("pages")), "pages"))
        publisher = rest.cut(host.start("publisher"), host.end("publisher"))
        publisher = self.take_place_before_colon(publisher, ref.host) or publisher   # APA 6: "Baku: Publisher"
        ref.host.publishers = [self.take(publisher, "publisher")]
        self.mark(rest)
        return True

    def read_apa_book(self, rest: Piece) -> bool:
        """"Title (2nd ed.). Publisher."."""
        end = _APA_BOOK_END.search(rest.text)
        if not end or end.start() == 0 or "(" in rest.text[: end.start()]:
            return False
        ref = self.ref
        title = rest.cut(0, end.start())
        edition = _EDITION_SENTENCE.search(title.text)
        if edition and not end["edition"]:   # Harvard: "Economics of Transition. 2nd edn. Oxford: Blackwell."
            ref.edition = self.take(title.cut(edition.start("edition")), "edition")
            title = title.cut(0, edition.start())
        ref.title = self.take(title, "title")
        if end["edition"]:
            ref.edition = self.take(rest.cut(end.start("edition"), end.end("edition")), "edition")
        publisher = rest.cut(end.start("publisher"), end.end("publisher"))
        if self.is_place(publisher.text):   # "Annual report. Baku.": a place and no publisher
            ref.places = self.read_places(self.take(publisher, "location"))
            self.mark(rest)
            return True
        publisher = self.take_place_before_colon(publisher, ref) or publisher   # APA 6: "Baku: Qanun"
        after = _PLACE_AFTER_PUBLISHER.search(publisher.text)
        if not ref.places and after and self.is_place(after.group(1)):   # Harvard: "Oxford University Press, Oxford"
            ref.places = self.read_places(after.group(1))
            self.claim(publisher.start + after.start(1), publisher.end, "location")
            publisher = publisher.cut(0, after.start())
        ref.publishers = [self.take(publisher, "publisher")]
        self.mark(rest)
        return True

    def parse_author_date(self, part: Piece) -> Piece:
        """"Family Given (1999) Title, Place, Publisher": the author-date habit of Azerbaijani journals."""
        if "(" not in part.text:   # (both forms bracket the year: most references have no bracket)
            return part
        match = _AUTHOR_DATE_HEAD.match(part.text)
        corporate = _HARVARD_BODY.match(part.text) if not match else None
        if not match and not corporate:
            return part
        match = match or corporate
        words = match.group(1).split()
        if corporate or _CORPORATE.search(match.group(1)):
            self.ref.authors.append(Person(corporate=match.group(1).strip()))
        else:
            self.ref.authors.append(Person(family=words[0], given=" ".join(words[1:])))
        self.ref.year = match.group(2)
        self.claim(part.start, part.start + match.end(), "author")
        rest = part.cut(match.end())
        # what follows is "Title, Place, Publisher" or "Title, "Journal", Place: ..."
        pieces = split_top_level(rest, _COMMA)
        if pieces:
            self.ref.title = self.take(pieces[0].strip(_QUOTES), "title")
            remainder = [p for p in pieces[1:]]
            if remainder and remainder[0].text[:1] in _QUOTE_PAIRS and remainder[0].text[-1:] in _QUOTES:
                self.read_quoted_journal(remainder)
            else:
                self.parse_comma_imprint(remainder)
        return Piece("", rest.end)

    def read_quoted_journal(self, pieces: list[Piece]) -> None:
        """'…, “Azerbaycan”, Ankara: yıl 24, sayı 214, s. 9-10': the journal in quotes, its place
        before a colon, then the numbering, each element in its field."""
        ref = self.ref
        ref.entry_type = "article"
        ref.host = Reference(entry_type="periodical")
        ref.host.title = self.take(pieces[0].strip(_QUOTES), "journaltitle")
        for piece in pieces[1:]:
            self.classify_area(self.take_place_before_colon(piece, ref.host) or piece, into=ref)

    def parse_quoted_article(self, part: Piece) -> Piece:
        """An article cited the Chicago / MLA way, as Google Scholar exports it in any interface
        language: names, the title in quotes, then the journal with its numbers:
        "Муратова, Диана, ... и Гульнур Қожамжарова. «Title». Journal 406, no. 6 (декабрь 30, 2023): 514–131.",
        "Zhumagalieva, B. K., і S. A. Agaeva. «Title». Journal, вип. 55, вип. 4, Листопад 2015".
        Anything else is left to the GOST reading.
        """
        ref = self.ref
        match = _QUOTED_TITLE.match(part.text)
        if not match or ref.authors or ref.entry_type == "legislation":
            return part
        container = _SERIAL_CITED.match(match["rest"])
        persons = _name_list(match["names"])
        if not container or not persons:
            return part
        rest = part.cut(match.start("rest"))
        ref.authors = persons
        self.claim(part.start, part.start + match.end("names"), "author")
        ref.title = self.take(part.cut(match.start("title"), match.end("title")).strip(" ,."), "title")
        self.mark(part.cut(match.end("title"), match.start("rest")))
        ref.entry_type = "article"
        ref.host = Reference(entry_type="periodical")
        ref.host.title = self.take(rest.cut(0, container.end("journal")), "journaltitle")
        def taken(*groups: str) -> str:
            group = next((g for g in groups if container[g]), None)
            return self.take(rest.cut(container.start(group), container.end(group)), groups[0]) if group else ""

        ref.volume, ref.number, ref.year = taken("volume"), taken("number"), taken("year", "year2")
        ref.pages = _SPACED_DASH.sub("--", taken("pages"))
        ref.date = " ".join(x for x in (taken("month", "month2"), taken("day")) if x)   # "декабрь 30"
        self.claim(rest.start, rest.start + container.end())   # the labels and punctuation between the numbers
        return rest.cut(container.end())

    def parse_arabic_script_work(self, part: Piece) -> Piece:
        """A Persian or Arabic work cited "Title ― Author Place — Year, pages", as it arrives when
        right-to-left text is copied into a left-to-right list: the guillemets land after the title
        and the author («…» becomes …»), and the year may be Hijri (1308 = 1929)."""
        match = _ARABIC_SCRIPT_WORK.match(part.text)
        if not match or self.ref.authors:
            return part
        ref = self.ref
        ref.title = self.take(part.cut(match.start("title"), match.end("title")), "title")
        words = match["author"].split()
        author = Person(family=words[-1], given=" ".join(words[:-1])) if len(words) > 1 else Person(family=words[0])
        ref.authors.append(author)
        self.claim(part.start + match.start("author"), part.start + match.end("author"), "author")
        ref.places = self.read_places(match["place"], area=match["place"])
        self.claim(part.start + match.start("place"), part.start + match.end("place"), "location")
        ref.year = self.take(part.cut(match.start("year"), match.end("year")), "year")
        self.claim(part.start, part.start + match.end())   # the guillemets and dashes between them
        rest = part.cut(match.end())
        for area in split_top_level(rest, _COMMA):
            self.classify_area(area, into=ref)
        return Piece("", rest.end)

    def parse_act_title(self, part: Piece) -> Piece:
        """A legal act cited by its kind, date, number and title in quotes:
        "Закон РФ «Об электронной цифровой подписи»",
        "Федеральный закон от 06.04.2011 № 63-ФЗ «Об электронной подписи»",
        "14 dekabr 2004-cü il tarixli 812-IIQD nömrəli “...” Azərbaycan Respublikasının Qanunu (source, 2005-ci il, № 1)".
        """
        ref = self.ref
        match = (_ACT_AZ.match(part.text) or _ACT_KIND_FIRST.match(part.text) or _ACT_TITLE_FIRST.match(part.text)
                 or _ACT_TITLE_INSIDE.match(part.text))
        if not match:
            return part
        groups = match.groupdict()
        ref.genre = self.take(part.cut(match.start("kind"), match.end("kind")), "genre")
        if groups.get("issuer"):   # "Azərbaycan Respublikasının “…” Qanunu": the kind is the issuer's
            ref.genre = f"{self.take(part.cut(match.start('issuer'), match.end('issuer')).strip(), 'genre')} {ref.genre}"
        ref.title = self.take(part.cut(match.start("title"), match.end("title")), "title")
        for number in ("number", "number_after"):
            if groups.get(number):
                ref.number = self.take(part.cut(match.start(number), match.end(number)), "number")
        for date in ("date", "date_after"):
            if not groups.get(date):
                continue
            if match.re is _ACT_AZ:   # the act's own date, not a publication date
                ref.note.append(self.take(part.cut(match.start(date), match.end(date)), "date"))
            else:   # "Федеральный закон от 06.04.2011": the date goes with the kind, as GOST R 7.0.100-2018 prints it
                dated = part.cut(match.end("title") + 1 if date == "date_after" else match.end("kind"), match.end(date))
                ref.genre += " " + self.take(dated.strip(" »\"”"), "genre")
        ref.entry_type = "legislation"
        self.claim(part.start, part.start + match.end())
        rest = part.cut(match.end())
        source = _BRACKETED_SOURCE.match(rest.text)
        if source:   # "(Azərbaycan Respublikasının qanunvericilik toplusu, 2005-ci il, № 1, maddə 4)"
            pieces = split_top_level(rest.cut(1, len(rest.text) - 1), _COMMA)
            ref.host = Reference(entry_type="periodical", title=self.take(pieces[0], "journaltitle"))
            for piece in pieces[1:]:
                year = _SOURCE_YEAR.fullmatch(piece.text)
                if year and not ref.year:
                    ref.year = year.group(1)
                    self.claim(piece.start, piece.end, "year")
                else:
                    ref.note.append(piece.text)
                    self.mark(piece)
            self.mark(rest)
            return Piece("", rest.end)
        return rest

    def parse_heading(self, part: Piece) -> tuple[list[Person], Piece]:
        """Read the heading (GOST 7.1-2003, 4.1.2: the name under which the record is entered)."""
        text = part.text
        for pattern, kind in _HEADING_FORMS:
            match = pattern.match(text)
            if not match:
                continue
            if kind == "two-words" and (self.title_follows_directly(part.cut(match.end()))
                                        or self.genre_follows(part.cut(match.end()))):
                continue   # "Азербайджанская Республика. – Баку : ...", "Кыргыз Тарыхы. Энциклопедия.": a title
            persons = self.read_heading_persons(match.group("name"), kind)
            if persons:
                self.claim(part.start, part.start + match.end(), "author")
                rest = part.cut(match.end())
                others = _et_al_start().match(rest.text)
                if others:   # "Иванов И. И. и др. Название": the heading of GOST 7.1-84 named others too
                    persons.append(Person(family="others", role="author"))
                    self.claim(rest.start, rest.start + others.end())
                    rest = rest.cut(others.end())
                return persons, rest
        return [], part

    def heading_role(self, heading: list[Person], rest: Piece) -> tuple[list[Person], Piece]:
        """"Mahmudov Y. (baş red.).", "Brown, K. (Ed.).", "Иванов И. И. (сост.)": role words in brackets
        after the heading make its persons editors, compilers or translators, not authors."""
        match = _HEADING_ROLE.match(rest.text)
        if not match:
            return heading, rest
        role, role_raw, names = self.split_role(rest.cut(match.start(1), match.end(1)))
        if role not in ("editor", "compiler", "translator") or names.text.strip(" .,"):
            return heading, rest
        for person in heading:
            person.role, person.role_raw = role, role_raw
        (self.ref.translators if role == "translator" else self.ref.editors).extend(heading)
        self.claim(rest.start, rest.start + match.end(), role)
        return [], rest.cut(match.end())

    def genre_follows(self, rest: Piece) -> bool:
        """Whether the next sentence is a genre alone ("Энциклопедия.", "Dərslik."): what came before
        it is a title, not a heading."""
        areas = split_areas(rest)
        sentences = self.split_sentences(areas[0]) if areas else []
        return bool(sentences) and is_genre(sentences[0].text.strip(" ."))

    def title_follows_directly(self, rest: Piece) -> bool:
        """Whether an area separator or the publication area comes right after a would-be heading."""
        areas = split_areas(rest)
        if not areas or _LEADING_DASH.match(rest.text):
            return True
        sentences = self.split_sentences(areas[0])
        return bool(sentences) and self.looks_like_area(sentences[0])

    def read_heading_persons(self, name: str, kind: str) -> list[Person]:
        if kind == "comma":
            person = parse_person(name)
            return [person] if person else []
        if kind == "honorific":   # "Abbasqulu ağa Bakıxanov": the family name last, the honorific with the given name
            given, family = name.rsplit(" ", 1)
            return [Person(family=family, given=given)]
        if kind == "inverted-first":   # "Smith, John, and Jane Doe"
            family, given, *others = _INVERTED_NAMES_SEPARATOR.split(name)
            persons = [Person(family=family, given=given), *(parse_person(other) for other in others)]
            return [p for p in persons if p] if all(persons) else []
        if kind == "comma-list":
            persons = [parse_person(m.group()) for m in _NAME_COMMA_INITIALS.finditer(name)]
            return [p for p in persons if p] if all(persons) else []
        if kind == "two-words":
            words = name.split()
            if any(w.isupper() and len(w) > 1 for w in words) or is_term("volume", words[1]):
                return []
            if any(is_genre(w) for w in words) or _PROCEEDINGS.match(name):
                return []   # "Материалы Междунар. науч.-практ. конф.": a collection's title, not a name
            if _STATE.search(name) or name in _countries() or _CORPORATE.search(name):
                # "United Nations.", "World Bank.", "Российская Федерация. Законы.": a body heads the record
                return [Person(corporate=name)]
            if looks_like_family(words[0]) and not looks_like_family(words[1]):
                return [Person(family=words[0], given=words[1])]
            return [Person(family=words[1], given=words[0])]
        if _GEORGIAN_START.match(name):
            return [Person(family=m.group(1), given=m.group(2)) for m in
                    _GEORGIAN_NAME.finditer(name)]
        persons = []
        match = _FAMILY_GIVEN_INITIALS.fullmatch(name)
        if match and kind == "family-initials":
            if match.group(1).casefold() in FAMILY_PREFIXES:   # "De Waal T."
                return [Person(family=f"{match.group(1)} {match.group(2)}", given=space_initials(match.group(3)))]
            return [Person(family=match.group(1), given=f"{match.group(2)} {space_initials(match.group(3))}")]
        for chunk in _HEADING_COMMA.split(name):
            person = parse_person(chunk.replace(".", ". ").replace("  ", " ").strip()) or \
                parse_person(chunk)
            if person is None:
                # "Олжабаева.К.Т." : a full stop between family name and initials
                match = _FAMILY_STOP_INITIALS.match(chunk.strip())
                if not match:
                    return []
                person = Person(family=match.group(1), given=space_initials(match.group(2)))
            persons.append(person)
        return persons

    def find_title_zone(self, areas: list[Piece]) -> tuple[Piece, list[Piece]]:
        """The first area holds the title; where areas are not marked with dashes (DSTU 8302 and
        careless lists) the publication area starts at the first sentence that looks like one, and
        each later sentence that looks like an area starts another."""
        first = areas[0]
        sentences = self.split_sentences(first)
        for i, sentence in enumerate(sentences[1:], 1):
            if self.looks_like_area(sentence, first_after_title=True):
                zone = first.cut(0, sentence.start - first.start)
                rest: list[Piece] = []
                for later in sentences[i:]:
                    if rest and not self.looks_like_area(later) and not _VOLUME.match(later.text):
                        rest[-1] = first.cut(rest[-1].start - first.start, later.end - first.start)
                    else:
                        rest.append(first.cut(later.start - first.start, later.end - first.start))
                # "Сборн. материалов …, Тифлис, 1905, Вып. XXXV. səh. 147": the place and year after a comma
                cut = next((m for m in self.place_patterns().title_end.finditer(zone.text)
                            if not inside_brackets(zone.text, m.start())), None)
                if cut and " / " not in zone.text[cut.end():] and re.search(_YEAR, zone.text[cut.end():]):
                    return zone.cut(0, cut.start()).strip(" .,"), [zone.cut(cut.end()), *rest, *areas[1:]]
                return zone.strip(" .,"), rest + areas[1:]
        # "Title, Place, Year, səh. 5" (commas only), "Title Алматы 1994" (no punctuation at all)
        match = next((m for m in self.place_patterns().title_end.finditer(first.text)
                      if not inside_brackets(first.text, m.start())), None)   # not "(Baku, May 10, 2013)"
        if match and _YEAR_SEARCH.search(first.text[match.end():]) and \
                any(_YEAR_SEARCH.search(area.text) and self.match_imprint(area.text.strip(" .")) for area in areas[1:]):
            match = None   # "материалы конф., Баку, 10–12 окт. 2008 г. – Баку, 2009": the imprint, with its year, comes later
        if match and " / " not in first.text[match.end():]:
            zone = first.cut(0, match.start())
            return zone, [first.cut(match.end()), *areas[1:]]
        return first, areas[1:]

    def split_sentences(self, piece: Piece) -> list[Piece]:
        """Split at ". " between sentences: not after initials (unless a place of publication
        follows), nor after an abbreviation that initials or lower case follow."""
        key = (piece.start, piece.text)
        if key not in self.sentences:
            self.sentences[key] = self._split_sentences(piece)
        return self.sentences[key]

    def _split_sentences(self, piece: Piece) -> list[Piece]:
        cuts = [0]
        text = piece.text
        imprint_start = self.place_patterns().imprint_start
        for match in _SENTENCE_END.finditer(text):
            start = match.start()
            word_start = start
            while word_start > 0 and text[word_start - 1] not in ".,;" and not text[word_start - 1].isspace():
                word_start -= 1   # the word before the full stop: "t" of "çeloveçestva,t.III"
            token = text[word_start:start]
            after = text[match.end():]
            if (after[:1].isdecimal() or _ROMAN_AHEAD.match(after) and is_term("volume", token)) \
                    and any(is_term(kind, token) for kind in ("volume", "number", "page", "edition")):
                continue  # "V. 75", "С. 15-20", "Вып. 2", "t. III", "Изд. 2-е": a label and its number
            if token in ("р", "г") and after.startswith("№") and _ACT_DATE_END.search(text, max(0, start - 12), start):
                continue  # "від 12.01.2017 р. № 40": the date and number of an act
            if match.group().strip() == "." and _INITIAL_TOKEN.fullmatch(token) \
                    and not _NUMERAL_TOKEN.fullmatch(token) and not imprint_start.match(after):
                continue  # an initial
            if is_abbreviation(token) and (_INITIAL_OR_LOWER.match(after) or _ACRONYM.match(after)) \
                    and not imprint_start.match(after):   # but "… доп. М.: Наука": the imprint follows
                continue  # "им. Н. Э. Баумана", "учеб. пособие", "АН Азерб. ССР"
            if _YEAR_WORD.match(after) and _DIGIT_AT_END.search(text[:word_start]) and month_number(token):
                continue  # "10–12 окт. 2008 г.": a day, its month shortened and the year
            if _starts_with_role(after):
                cuts.append(match.end())   # "I cild. baş red. Y. Mahmudov"
                continue
            if token and genre_keyword_at(text, word_start) > match.end():
                continue  # "учеб. Пособие": one genre phrase, whatever its capitals
            if match.group().strip() == "." and _is_lower(after[:1]) and not _rx_area_word.match(after):
                continue
            cuts.append(match.end())
        cuts.append(len(text))
        return [s for s in (trim_area(piece.cut(a, b)) for a, b in zip(cuts, cuts[1:])) if s]

    def place_patterns(self) -> _PlacePatterns:
        return _place_patterns(self.lang.split("-")[0], self.script)

    def looks_like_area(self, piece: Piece, *, first_after_title: bool = False) -> bool:
        """Whether a sentence is one of the areas after the title (publication, extent, numbers)."""
        text = piece.text.strip(" .")
        if _YEAR_ALONE.fullmatch(text) or _YEAR_RANGE.fullmatch(text):
            return True
        if _extent_start().match(text):
            return True
        match = _MONTH_YEAR.fullmatch(text)
        if match and (month_number(match.group(1)) or season_number(match.group(1))):
            return True   # "июнь 2001", "Summer 2007"
        if _YEAR_THEN_NUMBERS.match(text):
            return True   # "1986 V. 32, № 3—4"
        day = _YEAR_DAY_MONTH.match(text)
        if day and month_number(day.group(1)):
            return True   # "2011, 18 oktyabr, № 230": a newspaper's year and day
        if _NUMERIC_DAY.match(text):
            return True   # "12.03.2010, №45": a newspaper's day in figures
        if _NOTE_AFTER_TITLE.fullmatch(text):
            return True   # "[Чинний від 1998-01-01]", "Вид. офіц.": notes after the title
        return bool(
            self.match_imprint(text)
            or _PAGES.match(text) or _PAGES_SUFFIX.match(text)
            or _number_match(text)
            or (len(text) < 60 and _EDITION.search(text) and not is_genre(text))
            or (not first_after_title and _VOLUME.match(text))
        )

    def match_imprint(self, text: str) -> re.Match[str] | None:
        """"Place : Publisher, Year", "Place, Year", "Place, «Publisher», Year", "Publisher, Year"."""
        patterns = self.place_patterns()
        return patterns.imprint.match(text) if _YEAR_AFTER_DASH_SEARCH.search(text) else patterns.place_colon.match(text)

    def parse_title_zone(self, zone: Piece, heading: list[Person]) -> None:
        """Title proper, other title information, statement of responsibility (GOST 7.1, 5.2)."""
        ref = self.ref
        title_part, sor = zone, None
        for marker in _LANGUAGE_MARK.finditer(zone.text):
            ref.markers.append(marker.group())   # Wikipedia's language marks: "(азерб.)"
            self.claim(zone.start + marker.start(), zone.start + marker.end())
            zone = Piece(zone.text[: marker.start()] + " " * len(marker.group()) + zone.text[marker.end():],
                         zone.start)
        match = _RESPONSIBILITY_SLASH.search(zone.text)
        if match:
            title_part, sor = zone.cut(0, match.start()), zone.cut(match.end())
            self.claim(zone.start + match.start(), zone.start + match.end())
        else:
            title_part, sor = self.find_unmarked_responsibility(zone, heading)
        # "Title. Journal. 2000. № 2." / "Title / Journal. 2000. № 2.": an article without "//"
        if self.tail_is_serial(sor):
            title_part, sor = self.take_unlinked_journal(title_part, sor)
        title_part = self.take_parenthetical_responsibility(title_part)
        # A volume designation inside the title zone: "Гісторыя Беларусі: у 2 ч. Ч. 1. Са старажытных ..."
        title_part = self.take_volume_from_title(title_part)
        title_part = self.take_genre_sentence(title_part)
        pieces = split_top_level(title_part, _SUBTITLE_COLON)
        if not pieces:
            ref.authors = heading
            return
        title = pieces[0]
        quoted = _QUOTED_OPENING.match(title.text)
        if quoted and quoted.end() < len(title.text.rstrip(" .")) and _QUOTE_PAIRS.get(quoted.group(1)) == quoted.group(3):
            title = title.cut(quoted.start(2), quoted.end(2))   # '"Худуд Ал-Алем", рукопись ...': the rest is a note
            self.claim(title.start - 1, title.start)
            self.claim(title.end, title.end + 1)
        sentences = self.split_sentences(title) if not ref.genre else []
        if len(sentences) > 1 and _THESIS.search(sentences[-1].text):
            # "Title. Tarix elmləri namizədi ... təqdim olunmuş dissertasiya.": the thesis designation in a sentence
            ref.genre = ref.thesis_type = self.take(sentences[-1].strip(" ."), "genre")
            title = title.cut(0, sentences[-1].start - title.start)
        ending = " " if own_dots(title.text.rstrip()) else " ."   # "Кто виноват...": the title's own dots stay
        title = self.split_trailing_genre(title.strip(ending))
        volume = _TITLE_THEN_VOLUME.search(title.text) if len(pieces) == 1 and not ref.volume else None
        if volume:   # "Gtnoqenez azerbaydjanüev, 1, -Baku, «Glm», 1991": the Soviet comma chain's volume
            ref.volume = self.take(title.cut(volume.start("volume"), volume.end("volume")), "volume")
            self.mark(title.cut(volume.start()))
            title = title.cut(0, volume.start())
        ref.title = self.join_broken_words(_strip_quotes(self.take(title.strip(ending), "title")), title)
        subtitles, genres = [], []
        for piece in pieces[1:]:
            value = piece.text.strip(" .")
            if _SPECIALTY_CODE.fullmatch(value) and ref.thesis_type:
                ref.thesis_type += f" : {value}"   # the specialty code of a thesis (GOST 7.1, 5.2.4)
                self.claim(piece.start, piece.end, "type")
                continue
            act = _ACT_KIND_START.match(value) or _ACT_ISSUER_FIRST.match(value)
            if is_genre(value) or _THESIS.search(value) or act:
                if _THESIS.search(value):
                    ref.thesis_type = value
                designation = _ACT_DESIGNATION.search(value) if act and not ref.number else None
                if designation:   # "Azərbaycan Respublikasının Qanunu № 812-IIQD": the act's number
                    ref.number = designation.group(1)
                    value = value[: designation.start()]
                genres.append(self.join_broken_words(value.strip("[]"), piece))
                self.claim(piece.start, piece.end, "genre")
            else:
                subtitles.append(self.join_broken_words(value, piece))
                self.claim(piece.start, piece.end, "subtitle")
        ref.subtitle = " : ".join(subtitles)
        ref.genre = " : ".join([*genres, ref.genre] if ref.genre else genres)
        sor_persons: list[Person] = []
        if sor:
            sor, host_title = self.split_unlinked_host(sor)
            ref.responsibility = sor.text
            sor_persons = self.parse_responsibility(sor)
            if host_title:
                self.parse_unlinked_host(host_title)
        self.reconcile(heading, sor_persons)

    def join_broken_words(self, value: str, piece: Piece) -> str:
        """"fakül- təsində" → "fakültəsində": a word hyphenated at a line end that a PDF copy kept.
        "ikinci- və üçüncü" keeps its hyphen: a conjunction follows a suspended compound."""
        def join(match: re.Match[str]) -> str:
            if match.group(2).lower() in _CONJUNCTIONS:
                return match.group()
            at = piece.text.find(match.group())
            span = Span(piece.start + at, piece.start + at + len(match.group())) if at >= 0 else \
                Span(piece.start, piece.end)
            self.ref.diagnose("hyphen-line-break", f"{match.group()!r} read as one word broken at a line end",
                              span=span)
            return match.group(1) + match.group(2)
        return _LINE_BREAK_HYPHEN.sub(join, value) if "- " in value else value

    def split_trailing_genre(self, title: Piece) -> Piece:
        """"Саясаттану Оқу құралы": a genre phrase of two or more words ending the title, no colon."""
        if self.ref.genre:
            return title
        # (a phrase that ends the title starts within a keyword's reach of its end)
        for word in _WORD_AFTER_SPACE.finditer(title.text, max(0, len(title.text) - genre_keyword_reach())):
            end = genre_keyword_at(title.text, word.start())
            if end == len(title.text) and " " in title.text[word.start():end] and word.start() > 0:
                self.ref.genre = self.take(title.cut(word.start()), "genre")
                return title.cut(0, word.start())
        return title

    def take_parenthetical_responsibility(self, title_part: Piece, *, leading: bool = False) -> Piece:
        """"Bahoriston (Sh. Shomuhamedov tarjimasi)": a statement of responsibility in parentheses;
        ``leading``: only one that opens an area ("Azərbaycan tarixi.- (İ.Əliyevin redaktəsi ilə), I cild")."""
        match = (_BRACKETS.match if leading else _BRACKETS.search)(title_part.text)
        if not match or not (_starts_with_role(match.group(1)) or _role_suffix(match.group(1))
                             or _ROLE_PREDICATE.fullmatch(match.group(1).strip(" ."))):
            return title_part
        inner = title_part.cut(match.start(1), match.end(1))
        self.claim(title_part.start + match.start(), title_part.start + match.end())
        self.ref.contributors.extend(self.parse_responsibility(inner))
        text = title_part.text[: match.start()] + " " * (match.end() - match.start()) + title_part.text[match.end():]
        return Piece(text, title_part.start).strip(" .,")

    def find_unmarked_responsibility(self, zone: Piece, heading: list[Person]) -> tuple[Piece, Piece | None]:
        """A statement of responsibility whose "/" was lost: a sentence that opens with role words
        ("baş red. Y. Mahmudov"), "I.O. Family;" after the title, or the heading's name repeated."""
        for sentence in self.split_sentences(zone)[1:]:
            key = _FULL_STOP.sub(". ", sentence.text.casefold())
            if key.startswith(_role_forms_but_notes()):
                return zone.cut(0, sentence.start - zone.start), zone.cut(sentence.start - zone.start)
        match = _PERSON_BEFORE_SEMICOLON.search(zone.text)
        if match:
            return zone.cut(0, match.start()), zone.cut(match.end())
        families = [p.family for p in heading if p.family]
        if families:
            match = _PERSON_AT_END.search(zone.text)
            if match and match.group(2) in families:
                return zone.cut(0, match.start()), zone.cut(match.start() + 1)
        return zone, None

    def tail_is_serial(self, sor: Piece | None = None) -> bool:
        """The areas after the title name an issue (№) and a year but no publisher (a serial), or what
        follows a single "/" names a conference rather than persons."""
        ref = self.ref
        if sor is not None and _PROCEEDINGS.match(sor.text) and not _INITIAL_AND_NAME.search(sor.text):
            return True
        return bool(ref.number and not ref.publishers and not ref.places and not ref.pagetotal
                    and ref.host is None)

    def take_unlinked_journal(self, title_part: Piece, sor: Piece | None) -> tuple[Piece, Piece | None]:
        ref = self.ref
        if sor is not None and not _INITIAL.search(sor.text) and not role_of(sor.text.split(" ")[0]):
            journal = sor
            sor = None
        else:
            sentences = self.split_sentences(title_part)
            if len(sentences) < 2:
                return title_part, sor
            journal = sentences[-1]
            if len(sentences) > 2 and _SERIES_OF_SERIAL.match(journal.text):
                # "Вісник Київського університету. Серія: Історія": the series is part of the journal's name
                journal = title_part.cut(sentences[-2].start - title_part.start)
            title_part = title_part.cut(0, journal.start - title_part.start).strip(" .")
        name = self.without_serial_word(self.take(journal.strip(" ."), "journaltitle"))
        # a conference's papers ("/ Тезисы X всерос. науч. конф. «…». МИФИ, 2003") are a book, not a serial
        kind = "book" if _PROCEEDINGS.match(journal.text) else "periodical"
        ref.host = Reference(entry_type=kind, title=_strip_quotes(name))
        ref.entry_type = "article"
        if kind == "book":
            ref.diagnose("part-without-link", "the larger work's title follows the part's title without '//'",
                         span=Span(journal.start, journal.end))
        else:
            ref.diagnose("serial-without-link", "the journal follows the title without '//'",
                         span=Span(journal.start, journal.end))
        return title_part, sor

    def without_serial_word(self, name: str, *, quoted_only: bool = False) -> str:
        """'"Qobustan" jurnalı' → '"Qobustan"': the word for "journal" is a marker, not part of the name
        ("Український історичний журнал" is a name: a marker only in the possessive or after a quoted name;
        after '//' only after a quoted name: "// Elmi əsərlərin mövzu məcmuəsi" is the serial's name)."""
        kind = None if quoted_only else \
            _SERIAL_WORD.search(name)
        kind = kind or _SERIAL_WORD_AFTER_QUOTES.search(name)
        if not kind:
            return name
        self.ref.markers.append(kind.group(1))
        return name[: kind.start()]

    def take_genre_sentence(self, title_part: Piece) -> Piece:
        """"Title. Monoqrafiya." : a genre word as a sentence of its own after the title."""
        sentences = self.split_sentences(title_part)
        if len(sentences) > 1 and len(sentences[-1].text.split()) <= 4 and is_genre(sentences[-1].text):
            last = sentences[-1]
            if not self.ref.genre:
                self.ref.genre = self.take(last.strip(" ."), "genre")
                return title_part.cut(0, last.start - title_part.start).strip(" .")
        return title_part

    def take_volume_from_title(self, title_part: Piece) -> Piece:
        """Volume designations in the title area (GOST 7.1-2003, 4.2.4: multipart works):
        "Собрание сочинений : в 22 т. Т. 5", "Гісторыя Беларусі: у 2 ч. Ч. 1. Са старажытных часоў ...",
        "Azərbaycan tarixi. I cild". A title after the volume number is the volume's own title, and
        then what precedes is the title of the whole work (maintitle)."""
        ref = self.ref
        match = _volume_in_title().search(title_part.text)
        if not match or not match.start():
            return title_part
        if match.group("volumes"):
            ref.volumes = match.group("volumes").strip()
            ref.note.append(ref.volumes)
        number = match.group("number") or match.group("number2") or match.group("words")
        if number:
            ref.volume = _RANGE_DASH.sub("--", number)
        if match.group("part"):
            ref.note.append(match.group("part").strip(" ,"))   # "Т. 2, кн. 1": the book of the volume
        self.claim(title_part.start + match.start(), title_part.start + match.end(), "volume")
        head = title_part.cut(0, match.start()).strip(" .:,")
        after = title_part.cut(match.end()).strip(" .:,;")
        if after and number:
            ref.maintitle = self.take(head, "maintitle")
            return after
        if after:
            self.ref.note.append(after.text)
            self.mark(after)
        return head

    def split_unlinked_host(self, sor: Piece) -> tuple[Piece, Piece | None]:
        """"... / Н. А. Шакирзаде ; Институт .... Азербайджанская Республика ... : монография":
        the title of a larger work after the statement of responsibility, without "//"."""
        for match in _SENTENCE_BEFORE_HOST.finditer(sor.text):
            rest = sor.text[match.end():]
            if (" : " in rest or ": " in rest) and len(rest.split()) >= 4 and (is_genre(rest) or " : " in rest):
                self.ref.diagnose("part-without-link", "this looks like a part of a larger work written "
                                  "without '//'; the larger work's title was read as the host",
                                  span=Span(sor.start + match.end(), sor.end))
                return sor.cut(0, match.start()), sor.cut(match.end())
        return sor, None

    def parse_unlinked_host(self, host: Piece) -> None:
        ref = self.ref
        ref.entry_type = "incollection"
        pieces = split_top_level(host, _HOST_SUBTITLE_COLON)
        host_ref = ref.host = Reference(entry_type="book")
        host_ref.title = self.take(pieces[0].strip(" ."), "booktitle")
        subtitles = []
        for piece in pieces[1:]:
            value = piece.text.strip(" .")
            if is_genre(value):
                host_ref.genre = value
            else:
                subtitles.append(value)
            self.mark(piece)
        host_ref.subtitle = " : ".join(subtitles)

    # -- statement of responsibility -------------------------------------------------------------
    def parse_responsibility(self, sor: Piece, *, into: Reference | None = None) -> list[Person]:
        """Persons and bodies of the statement of responsibility of the record (or of its host, ``into``);
        returns the first group's persons. Notes go to the record's own note either way."""
        ref = into or self.ref
        if sor.text not in ref.responsibility:
            ref.responsibility = f"{ref.responsibility} ; {sor.text}" if ref.responsibility else sor.text
        groups = []
        for group in split_top_level(sor, _responsibility_separator()):
            separator = sor.text[groups[-1].end - sor.start: group.start - sor.start] if groups else ""
            if groups and ";" not in separator and _LOWER_WORD_AT_END.search(groups[-1].text):
                groups[-1] = sor.cut(groups[-1].start - sor.start, group.end - sor.start)   # "nauch. red. per."
            else:
                groups.append(group)
        first_persons: list[Person] = []
        for index, group in enumerate(groups):
            bracketed = group.strip(" .")
            if len(bracketed.text) > 2 and bracketed.text[0] == "[" and bracketed.text[-1] == "]":
                # "[вступ. ст. и примеч. А. Смирнова]": responsibility the cataloguer took from elsewhere
                self.claim(bracketed.start, bracketed.start + 1)
                self.claim(bracketed.end - 1, bracketed.end)
                group = bracketed.cut(1, len(bracketed.text) - 1)
            role, role_raw, names = self.split_role(group)
            if role and role != "note" and _starts_with_role(names.text):
                # "пер. с англ. под ред. Л. И. Абалкина": a role no one is named for (the translation, a note),
                # then the next role and its names
                self.ref.note.append(role_raw)
                self.mark(group.cut(0, names.start - group.start))
                group = names
                role, role_raw, names = self.split_role(group)
            if role == "note":   # "рец.", "вступ. ст. и примеч.": kept whole in the note, names and all
                self.ref.note.append(group.text)
                self.mark(group)
                continue
            persons, others, corporate = self.read_names(names, role=role, role_raw=role_raw)
            self.mark(group)
            if corporate:
                ref.organizations.append(corporate)
                continue
            if others:
                persons.append(Person(family="others", role=role or "author", role_raw=role_raw))
            if role in ("editor", "compiler"):
                ref.editors.extend(p for p in persons if p.display() not in {e.display() for e in ref.editors})
            elif role == "translator":
                ref.translators.extend(persons)
            elif index == 0 or not role:
                first_persons.extend(persons)
        return first_persons

    def split_role(self, group: Piece) -> tuple[str | None, str, Piece]:
        """The role words at the start ("elmi red. H. C. Əlibəyli") or the end ("(гал. рэд.)")."""
        text = group.text
        # "Müqəddimə, qeyd, tərcümə və şərhlər akad.Z.Bünyadovundur": "..., the translation and comments
        # are Z. Bünyadov's" -- the role words first, the name last (with the genitive and "is", or not)
        match = _ROLE_PREDICATE.fullmatch(text.strip(" ."))
        roles = [role_of(w) for w in _LETTERS.findall(match["what"])] if match else []
        if any(roles):
            role = next(r for r in roles if r)
            return role, match["what"].strip(" ,"), group.cut(match.start("names"), match.end("names"))
        key = _FULL_STOP.sub(". ", text.casefold())
        for form in role_forms() if key.startswith(role_forms()) else ():
            if key.startswith(form) and (len(key) == len(form) or not key[len(form)].isalpha()
                                         or form.endswith(".")):
                consumed = _raw_length(text, form)
                source = _SOURCE_LANGUAGE.match(text, consumed) if role_of(form) == "translator" else None
                if source:   # "пер. с древнегреч. Н. И. Гнедича": whatever language it was translated from
                    consumed = source.end()
                role_raw = text[:consumed].strip(" :")
                return role_of(form), role_raw, group.cut(consumed).strip(" :")
        match = _ROLE_IN_BRACKETS.search(text)
        if match and role_of(match.group(1)):
            self.claim(group.start + match.start(), group.start + match.end())
            names = group.cut(0, match.start()) if match.start() else group.cut(match.end())
            rest = group.cut(match.end())
            if rest and rest.text.strip() and names.end < rest.start:
                names = Piece(group.text[: match.start()] + " " * (match.end() - match.start()) +
                              group.text[match.end():], group.start).strip()
            return role_of(match.group(1)), match.group(1), names
        # "Z.M.Bünyadov və Y.B.Yusifovun redaktəsi ilə", "Sh. Shomuhamedov tarjimasi"
        match = _role_suffix(text)
        if match:
            return role_of(match.group(1)) or "editor", match.group(1), group.cut(0, match.start())
        return None, "", group

    def read_names(self, names: Piece, *, role: str | None, role_raw: str) -> tuple[list[Person], bool, str]:
        """Persons of one group, whether "and others" closes it, or the corporate body it names."""
        text = names.text
        others = False
        for form in table_forms("et_al"):
            # found in the text itself, not in its casefold: "İ" folds to two characters, and an offset in
            # the folded text cut "İ. Əliyev və b." to "İ. Əliyev v"
            hits = list(_et_al_pattern(form.rstrip(".")).finditer(text))
            if hits and (hits[-1].end() == len(text) or any(hit.start() and text[hit.start() - 1] == " " for hit in hits)):
                text = text[:hits[-1].start()].rstrip(" ,")
                others = True
                break
        text = _ET_AL_IN_BRACKETS.sub("", text)
        for aside in _ASIDE.findall(text):
            self.ref.note.append(aside)
        text = _ASIDE.sub("", text)
        chunks = [c for c in _NAME_SEPARATOR.split(text) if c.strip()]
        persons = []
        genitive = role_raw.casefold().startswith(("под", "пад", "за", "пер", "nauch", "pod", "per")) or \
            "ilə" in role_raw or role_raw.casefold().startswith("пер")
        for chunk in chunks:
            person = parse_person(chunk)
            if person is None:
                if not persons and not role:
                    return [], others, text.strip(" .")   # a corporate body, commas and all
                self.ref.note.append(chunk.strip())
                self.ref.diagnose("unparsed-name", f"{chunk.strip()!r} is not read as a personal name; "
                                  "kept in the note")
                continue
            if genitive:
                person.family = nominative(person.family, self.lang.split("-")[0])
            person.role = role or "author"
            person.role_raw = role_raw
            persons.append(person)
        return persons, others, ""

    def reconcile(self, heading: list[Person], sor_persons: list[Person]) -> None:
        """Merge the heading with the statement of responsibility into the fullest form of each name."""
        ref = self.ref
        if not heading:
            ref.authors = sor_persons
            if not sor_persons and ref.organizations and not ref.editors and not ref.url:
                ref.authors = [Person(corporate=ref.organizations.pop(0))]
            return
        merged = list(heading)
        used: set[int] = set()
        for other in sor_persons:
            if other.family == "others":
                merged.append(other)
                continue
            for i, person in enumerate(merged):
                if i in used:
                    continue
                if person.family.casefold() == other.family.casefold():
                    used.add(i)
                    merged[i] = merge_person(person, other)
                    break
                words = _NAME_WORD_SEPARATOR.split(person.display())
                if other.family.casefold() in (w.casefold() for w in words):
                    # an inverted heading: "İsaməddin, Səyid oğlu Osmanov" / "İ.O. Osmanov"
                    rest = [w for w in words if w.casefold() != other.family.casefold()]
                    merged[i] = Person(family=other.family, given=" ".join(rest))
                    ref.diagnose("inverted-heading", f"the heading {person.display()!r} is inverted; "
                                 f"the statement of responsibility names {other.family!r} as the family name")
                    initials = [w[0] for w in rest if w not in ("oğlu", "qızı", "оглы", "кызы")]
                    given_initials = _CAPITAL.findall(other.given)
                    if given_initials and initials[: len(given_initials)] != given_initials:
                        ref.diagnose("initials-disagree", f"the initials {other.given!r} do not match the "
                                     f"heading's given names {' '.join(rest)!r}")
                    break
            else:
                if len(heading) < len(sor_persons):
                    merged.append(other)
        ref.authors = merged

    # -- the areas after the title -----------------------------------------------------------------
    def classify_area(self, area: Piece, *, into: Reference, commas: bool = True) -> None:
        """Put one area (or one comma-separated element of it) in the field it is for; an element
        for a field that is already filled is left to the note rather than overwrite it."""
        text = area.text.strip(" .;,")
        ref = into
        if not text:
            return
        kind = self.area_kind(text)   # (the checks below for pages, number, volume and year ask only when it says so)
        if kind and getattr(ref, kind):
            return
        glued = _YEAR_GLUED_TO_AREA.fullmatch(text)
        if glued and self.area_kind(glued.group(2)):   # "2001.150-B"
            self.classify_area(area.cut(0, glued.end(1)), into=ref, commas=commas)
            self.classify_area(area.cut(glued.start(2)), into=ref, commas=commas)
            return
        bracketed = "(" in area.text   # (what the next two patterns need: most areas have no bracket)
        edition = _TRAILING_EDITION.fullmatch(area.text) if bracketed else None
        if edition and not ref.edition and _EDITION.search(edition["edition"]):
            # "Bakı, 2009 (2-ci nəşr)": the edition in brackets after the imprint
            self.classify_area(area.cut(0, edition.end("rest")), into=ref, commas=commas)
            ref.edition = self.take(area.cut(edition.start("edition"), edition.end("edition")).strip(), "edition")
            return
        dated = _DATED_ISSUE.fullmatch(area.text) if bracketed else None
        if dated and not ref.date and (month_number(dated["date"].rstrip(".")) or season_number(dated["date"], self.lang)):
            # "no. 2 (Summer)", "№ 3 (июнь)": an issue and the month or season that names it (ISBD)
            self.classify_area(area.cut(0, dated.end("issue")), into=ref, commas=commas)
            ref.date = self.take(area.cut(dated.start("date"), dated.end("date")).strip(" ."), "date")
            return
        if _LANGUAGE_NOTE.match(text):   # "(In Russ.)", "[in Russian]", "(rus dilində)": the original's language
            ref.markers.append(text)
            self.mark(area)
            return
        if _BRACKETED.fullmatch(text) and not _BRACKETED_NUMBER.fullmatch(text):
            ref.note.append(text)   # "[Чинний від 1998-01-01]": a note the compiler bracketed
            self.mark(area)
            return
        if _RESOURCE_SIZE.fullmatch(text):
            self.ref.note.append(text)   # "(196 Мб)": an electronic resource's size, a note
            self.mark(area)
            return
        if text.startswith("(") and text.endswith(")") and not _BRACKETED_YEAR.match(text):
            ref.series = text[1:-1].strip()
            self.claim(area.start, area.end, "series")
            return
        hijri = _HIJRI_IMPRINT.fullmatch(text) if self.script == "Arab" and not ref.year else None
        if hijri:   # "Tehran, 1308": a Persian or Arabic work's place and its (solar or lunar) Hijri year
            ref.places = ref.places or self.read_places(hijri["place"])
            self.claim(area.start + hijri.start("place"), area.start + hijri.end("place"), "location")
            ref.year = self.take(area.cut(hijri.start("year"), hijri.end("year")), "year")
            return
        if len(text) < 100 and _PLATFORM.search(text):
            self.ref.note.append(text)   # "Юрайт : электронно-библиотечная система": where the book is read
            self.mark(area)
            return
        published_by = _may_name_publisher(text)
        if published_by and (_PUBLISHED_BY.fullmatch(text) or _PUBLISHED_BY.fullmatch(text.split(" ", 1)[-1])):
            ref.note.append(text)   # "EA-nın nəşri": who published it, as the first reading kept it
            self.mark(area)
            return
        if len(text) < 60 and _EDITION.search(text) and not self.match_imprint(text) and not _YEAR_SEARCH.search(text) \
                and not (published_by and _PUBLISHED_BY.search(text)):
            ref.edition = self.take(area.strip(" ;,"), "edition")
            return
        if _PRINT_RUN.match(text) or _resource_note().match(text) or _GAZETTE_ARTICLE.match(text):
            # "1000 экз.", "Электрон. текстовые дан.", "Библиогр.: с. 190–198", "Ст. 2036": notes GOST prints,
            # kept in the record's own note (the host's areas are read here too)
            self.ref.note.append(text)
            self.mark(area)
            return
        match = _PAGES.match(text) if kind == "pages" else None
        if match:
            ref.pages = _page_range(match.group(1))
            self.claim(area.start, area.end, "pages")
            return
        match = _PAGES_SUFFIX.match(text) if kind == "pages" else None
        if match:
            ref.pages = _page_range(_PAGES_WORD_AT_END.sub("", match.group(1)))
            self.claim(area.start, area.end, "pages")
            return
        match = _number_match(text) if kind == "number" else None
        if match:
            ref.number = _RANGE_DASH.sub("-", match.group(1))
            self.claim(area.start, area.end, "number")
            return
        match = _VOLUME_WITH_TITLE.match(text)
        if match and ref is self.ref and self.volume_title is None and not ref.volume:
            ref.volume = match.group(1)
            self.volume_title = area.cut(match.start(2)).strip(" .")
            self.claim(area.start, area.start + match.start(2), "volume")
            return
        match = (_VOLUME.match(text) or _volume_in_words().match(text)) if kind == "volume" else None
        if match:
            ref.volume = _RANGE_DASH.sub("--", next(g for g in match.groups() if g))
            self.claim(area.start, area.end, "volume")
            return
        match = _VOLUMES.match(text)
        if match:
            ref.volumes = match.group(1)
            ref.note.append(text)
            self.mark(area)
            return
        if kind == "year":
            ref.year = ref.year or text[:4]
            self.claim(area.start, area.end, "year")
            return
        match = _NUMERIC_DAY.fullmatch(text)
        if match and not ref.date and not ref.year:   # "12.03.2010": a newspaper's day in figures
            ref.year = match.group(3)
            ref.date = self.take(area.strip(" ."), "date")
            return
        match = _NEWSPAPER_DAY.match(text)
        if match and month_number(match.group(2)):
            ref.date = text
            self.claim(area.start, area.end, "date")
            return
        match = _DAY_MONTH_YEAR.fullmatch(text)
        if match and month_number(match.group(1).lstrip("0123456789 ").rstrip(".")) and not ref.date and not ref.year:
            # (after a year already read, "– 2005. – 14 iyun 2005" is a note: a legal act's own date)
            ref.date = self.take(area.cut(match.start(1), match.end(1)).strip(" ."), "date")   # "12 may 2005"
            ref.year = ref.year or match.group(2)
            self.claim(area.start, area.end, "year")
            return
        match = _YEAR_WITH_DAY.fullmatch(text)
        if match and month_number(match["month"].rstrip(".")) and not ref.date and not ref.year:
            # "1887(28აპრ.)", "1950 (12 апр.)": a newspaper's year, its day in brackets
            ref.year = self.take(area.cut(match.start("year"), match.end("year")), "year")
            ref.date = self.take(area.cut(match.start("day"), match.end("month")), "date")
            self.mark(area)
            return
        match = _extent_start().match(text)
        if match:
            ref.pagetotal = match.group(2)
            unnumbered = _BRACKETED_NUMBER.search(match.group())
            if unnumbered:
                ref.note.append(f"{unnumbered.group()} s.")   # "302, [7] s.": unnumbered pages
            if match["roman"]:
                ref.note.append(match["roman"])   # "XII, 300 p.": the preliminary pages
            self.claim(area.start, area.start + match.end(), "pagetotal")
            rest = area.cut(match.end()).strip(" ,.;:")
            if rest and _ILLUSTRATIONS.match(rest.text):
                ref.note.append(rest.text)   # "ил.", "карт." : the rest of the physical description
                self.mark(rest)
            elif rest and _LANGUAGE_NOTE.match(rest.text.strip(" .")):
                self.classify_area(rest, into=ref, commas=commas)   # "200 p. (in Russian)"
            elif rest and _PARENTHESISED.fullmatch(rest.text.strip(" .")):
                self.classify_area(rest, into=ref, commas=commas)   # "300 с. (Серія «Історія»)": DSTU's series
            return
        if _SHORT_NUMBER.fullmatch(text) and not ref.pagetotal and ref.year:
            ref.pagetotal = text
            self.claim(area.start, area.end, "pagetotal")
            return
        match = self.place_patterns().place_year.fullmatch(text)
        if match and not ref.places:   # "Алматы 1994", "Алматы1994"
            ref.places = self.read_places(match.group(1), area=text)
            ref.year = ref.year or match.group(2)
            self.claim(area.start, area.end, "location")
            return
        match = _MONTH_YEAR.fullmatch(text)
        if match and (month_number(match.group(1)) or season_number(match.group(1), self.lang)) and not ref.year:
            ref.year = match.group(2)
            if ref is self.ref:   # a book's "Пенза. июнь 2001": the month is a note (only an issue is dated)
                self.ref.note.append(match.group(1))
                self.mark(area)
            else:
                ref.date = ref.date or match.group(1)
            self.claim(area.start, area.end, "year")
            return
        if ref is not self.ref and ref.year and not ref.date and _WORD_OF_THREE.fullmatch(text) \
                and (month_number(text.rstrip(".")) or season_number(text, self.lang)):
            # the month or season that names a journal's issue, after its year: "– 2001. – июн.", "– 2007. – Summer"
            ref.date = self.take(area.strip(" ."), "date")
            return
        if self.parse_imprint(area, into=ref):
            return
        sentences = self.split_sentences(area)
        if len(sentences) > 1:
            for sentence in sentences:
                self.classify_area(sentence, into=ref, commas=commas)
            return
        numbers = split_top_level(area, _NUMBERS_SEPARATOR)
        if len(numbers) > 1 and all(self.area_kind(n.text.strip(" .")) for n in numbers):
            for number in numbers:
                self.classify_area(number, into=ref, commas=False)
            return
        if commas and self.parse_comma_imprint(split_top_level(area, _COMMA), into=ref):
            return
        if ref is self.ref and self.genre_area is None and len(text) < 80 and not _DIGIT.search(text) \
                and is_genre(text):
            self.genre_area = area.strip(" .;,")   # "Title. -Ali məktəblər üçün dərslik. Place": the genre
            return                                 # if the title area names none (parse_part decides)
        # anything else stays in the note (account_for_leftovers reports it)

    def area_kind(self, text: str) -> str | None:
        """Which single field an area fills, for the kinds that are recognised by their form."""
        if _PAGES.match(text) or _PAGES_SUFFIX.match(text):
            return "pages"
        if _number_match(text):
            return "number"
        if _VOLUME.match(text) or _volume_in_words().match(text):
            return "volume"
        if _YEAR_AREA.fullmatch(text):
            return "year"
        if _extent_only().match(text):
            return "pagetotal"
        return None

    def parse_imprint(self, area: Piece, *, into: Reference) -> bool:
        """"Place : Publisher, Year" (GOST 7.1-2003, 4.4) with several places or publishers."""
        text = area.text
        match = _IMPRINT.match(text)
        if not match:
            match = _PLACE_AND_PUBLISHER.match(text)
            if not match or not self.is_place(match.group("places")):
                return False
        places = self.read_places(match.group("places"), area=text)
        if not places:
            return False
        if not into.places:   # a second publication area is left to the note, never overwrites the first
            into.places = places
            self.claim(area.start + match.start("places"), area.start + match.end("places"), "location")
        publishers = match.group("publishers").strip(" ,-–—")   # ("Maarif,- 1985": a dash typed after the comma)
        if SINE_NOMINE.fullmatch(publishers):
            publishers = ""   # [б. и.] / [s. n.]: no publisher named
        if publishers and not into.publishers:
            into.publishers = [_strip_quotes(p) for p in _PUBLISHER_SEPARATOR.split(publishers) if p.strip()]
            self.claim(area.start + match.start("publishers"), area.start + match.end("publishers"),
                       "publisher")
        if "year" in match.groupdict() and match.group("year") and not into.year:
            into.year = _year_range(match.group("year"), match.group("endyear"))
            last = "endyear" if "/" in into.year else "year"
            self.claim(area.start + match.start("year"), area.start + match.end(last), "year")
            tail = match.group("tail").strip(" .,г")
            if tail:
                tail_piece = area.cut(match.start("tail")).strip(" .,")
                self.classify_tail(tail_piece, into)
        return True

    def classify_tail(self, piece: Piece, into: Reference) -> None:
        for sub in split_top_level(piece, _COMMA):
            self.classify_area(sub, into=into, commas=False)

    def parse_comma_imprint(self, pieces: list[Piece], *, into: Reference | None = None) -> bool:
        """"Bakı, Azərnəşr, 1993, səh. 5", "Azərbaycan Dövlət Nəşriyyatı, Bakı, 1994": the Soviet habit."""
        into = into or self.ref
        if not pieces:
            return False
        if not any(self.is_place(p.text) or _YEAR_SEARCH.search(p.text) or _starts_with_role(p.text)
                   or self.area_kind(p.text.strip(" .")) for p in pieces):
            return False
        has_year = any(_YEAR_ALONE.fullmatch(p.text.strip(" .")) for p in pieces)
        # Soviet lists quote the publisher: «Elm», “Sharq”. A quoted piece is the publisher, and an
        # unquoted title-like piece before it (or before a volume number) names the larger work.
        quoted = next((p for p in pieces if _QUOTED.fullmatch(p.text.strip(" ."))), None)
        # "səh. 75, 11 a, 13 a, 28 b": the leaves of a manuscript, recto (a) and verso (b): a note, not pages
        folios = [p for p in pieces if _FOLIO.fullmatch(p.text.strip(" ."))]
        if any(p.text.strip(" .").endswith("a") for p in folios) and any(p.text.strip(" .").endswith("b") for p in folios):
            self.ref.note.append(", ".join(p.text.strip(" .") for p in folios))
            for piece in folios:
                self.mark(piece)
            pieces = [p for p in pieces if p not in folios]
        host_title: Piece | None = None
        # "Tarix və onun problemləri, 2010, № 3, səh. 45-50": a serial's name, its year and issue, no place
        serial = len(pieces) > 2 and bool(_JUST_YEAR.fullmatch(pieces[1].text.strip(" ."))) and \
            any(self.area_kind(p.text.strip(" .")) == "number" for p in pieces[2:]) and \
            not any(self.is_place(p.text) for p in pieces)
        for index, piece in enumerate(pieces):
            text = piece.text.strip(" .")
            if not text:
                continue
            following = pieces[index + 1].text.strip(" .") if index + 1 < len(pieces) else ""
            if piece is quoted and not into.publishers:
                into.publishers = [_strip_quotes(text)]
                self.claim(piece.start, piece.end, "publisher")
            elif into is self.ref and self.ref.host is None and host_title is None and index == 0 \
                    and not self.is_place(text) and not self.area_kind(text) and not any(ch.isdigit() for ch in text) \
                    and (quoted is not None and quoted is not piece or _VOLUME.match(following) or serial) \
                    and len(text.split()) >= 2:
                host_title = piece   # "Dilçilik məsələləri, «Elm», 2000, s.36-44"
            elif self.area_kind(text) in ("volume", "number", "pages") or _extent_only().match(text):
                self.classify_area(piece, into=into, commas=False)
            elif into is self.ref and not into.thesis_type and len(text) < 80 and _THESIS.search(text):
                into.genre = into.thesis_type = self.take(piece.strip(" ."), "genre")   # "PhD dissertation, University of London, 2008"
            elif into is self.ref and into.thesis_type and not self.is_place(text) and _CORPORATE.search(text):
                into.organizations.append(self.take(piece.strip(" ."), "organization"))   # the thesis's university
            elif role_of(text.split(" ")[0]) or _starts_with_role(text) or _role_suffix(text):
                self.parse_responsibility(piece)   # "пер. Н. О. Емина" inside a comma chain
            elif _YEAR_ALONE.fullmatch(text):
                into.year = text[:4]
                self.claim(piece.start, piece.end, "year")
            elif (both := _PUBLISHER_YEAR.fullmatch(piece.text)) and index and not (into.year or into.publishers) \
                    and self.is_place(pieces[index - 1].text) and not self.is_place(both["publisher"]):
                # "Bakı, Maarif 1990, 300 səh.": the comma before the year forgotten
                into.publishers = [_strip_quotes(self.take(piece.cut(both.start("publisher"), both.end("publisher")), "publisher"))]
                into.year = self.take(piece.cut(both.start("year"), both.end("year")), "year")
            elif (held := _MEETING_DAYS.fullmatch(piece.text)) and not into.year and month_number(held["month"].rstrip(".")):
                # "Bakı, 12-13 may 2015": the days a conference met (a note), then the year
                days = piece.cut(held.start("days"), held.end("month"))
                self.ref.note.append(days.text)
                self.mark(days)
                into.year = self.take(piece.cut(held.start("year"), held.end("year")), "year")
            elif (years := _YEAR_RANGE.fullmatch(text)) and not into.year and years[2] > years[1]:
                into.year = _year_range(*years.groups())   # "Bakı, 2004-2011"
                self.claim(piece.start, piece.end, "year")
            elif _NOT_NAMED.fullmatch(text):
                into.markers.append(text)   # [S. l.], [б. м.], [б. и.]: place or publisher not named
                self.mark(piece)
                self.sine_loco = True
            elif not into.publishers and (publisher := self.take_place_before_colon(piece, into)):
                # "Baku: Qanun, 240 p.": a place and its publisher inside the comma chain
                into.publishers = [_strip_quotes(self.take(publisher.strip(" ."), "publisher"))]
            elif index and text in _countries() and self.is_place(pieces[index - 1].text.strip(" .")):
                into.markers.append(text)   # "Kyiv, Ukraine": the country of the place, as Harvard lists add it
                self.mark(piece)
            elif self.is_place(text):
                chain = " ".join(p.text for p in pieces)
                into.places += [p for p in self.read_places(text, area=chain) if p not in into.places]
                self.claim(piece.start, piece.end, "location")
            elif any(c.isdigit() for c in text) and _LABELLED_NUMBER.match(text):
                self.classify_area(piece, into=into, commas=False)
            elif not into.publishers and quoted is None and (has_year or into.year) \
                    and not _INITIAL_GLUED_TO_NAME.search(text):
                into.publishers = [_strip_quotes(text)]   # "Bakı, Azərnəşr, 1993": between place and year
                self.claim(piece.start, piece.end, "publisher")
        if host_title is not None and serial:
            self.ref.host = Reference(entry_type="periodical", title=self.take(host_title.strip(" ."), "journaltitle"))
            self.ref.entry_type = "article"
            self.ref.diagnose("serial-without-link", "the journal follows the title without '//'",
                              span=Span(host_title.start, host_title.end))
        elif host_title is not None:
            self.ref.host = Reference(entry_type="book", title=self.take(host_title.strip(" ."), "booktitle"))
            self.ref.entry_type = "incollection"
            self.ref.diagnose("part-without-link", "the larger work's title follows the part's title without "
                              "'//'", span=Span(host_title.start, host_title.end))
        return True

    def is_place(self, text: str) -> bool:
        text = text.strip(" .[]")
        if not text:
            return False
        if _TOWN_AND_STATE.fullmatch(text):   # "Armonk, NY", "Washington, D.C": an American town and its state
            return True
        lang = self.lang.split("-")[0]
        if expand_place(text, lang=lang, script=self.script):   # (with or without its full stop: "М", "М.")
            return True
        cities = _known_cities()
        parts = [p for p in _PLACE_SEPARATOR.split(text) if p.strip(" .")]
        return bool(parts) and all(p.strip(" .").casefold() in cities
                                   or expand_place(p, lang=lang, script=self.script) for p in parts)

    def read_places(self, text: str, *, area: str = "") -> list[str]:
        """Places of publication, abbreviations expanded ("М.; Л." -> Москва, Ленинград).

        An abbreviation is read in the language of the publication area when that area says more
        than the abbreviation alone ("К. : НБУ ім. В. І. Вернадського" is Київ, whatever the title's
        language), else in the record's language."""
        text = text.strip(" [].")
        if SINE_LOCO.fullmatch(text):
            return []
        places = []
        lang = self.area_language(area) if area else self.lang.split("-")[0]   # (once: the same for every place)
        for raw in self._place_parts(text):
            raw = raw.strip(" .")
            if not raw:
                continue
            expanded = expand_place(raw, lang=lang, script=self.script)
            places.append(expanded or raw)
        if places and all(len(p) > 40 for p in places):
            return []
        return places

    def area_language(self, area: str) -> str:
        letters = _NOT_LETTER.sub("", area)
        if len(letters) < 8 or detect_script(area) != self.script:
            return self.lang.split("-")[0]
        lang = detect_language(area, script=self.script, prefer=self.lang).split("-")[0]
        return lang if lang != "en" or self.script != "Latn" else self.lang.split("-")[0]

    def _place_parts(self, text: str) -> list[str]:
        parts = _PLACE_LIST_SEPARATOR.split(text)   # "М.; Л.", "London and New York"
        out = []
        lang = self.lang.split("-")[0]
        for part in parts:
            halves = _PLACE_PAIR_HYPHEN.split(part)
            if len(halves) > 1 and all(expand_place(h, lang=lang, script=self.script) for h in halves):
                out.extend(halves)   # "M.-L.": Moscow and Leningrad
            else:
                out.append(part)
        return out

    # -- the host of a part ----------------------------------------------------------------------
    def parse_host(self, host: Piece) -> None:
        ref = self.ref
        host_ref = ref.host = Reference(entry_type="periodical")
        areas = split_areas(host)
        # Georgian habit: "//Family I. Title..." -- the host's author first.
        match = _GEORGIAN_HOST_AUTHOR.match(areas[0].text) if areas else None
        if match:
            host_ref.authors.append(Person(family=match.group(1), given=match.group(2)))
            self.claim(areas[0].start, areas[0].start + match.end(), "bookauthor")
            areas[0] = areas[0].cut(match.end())
        heading = _HOST_HEADING.match(areas[0].text) if areas and not match else None
        persons = [parse_person(n) for n in _HOST_NAMES_SPLIT.split(heading["names"])] if heading else []
        role = role_of(heading["role"]) if heading and heading["role"] else None
        if persons and None not in persons and (role in ("editor", "compiler") or not heading["role"]):
            # "// Иванов И. И. Книга", "In: Brown K. (ed.) The Handbook": the host's author, or its editor
            for person in persons:
                person.role, person.role_raw = role or "author", heading["role"] or ""
            (ref.editors if role else host_ref.authors).extend(persons)
            self.claim(areas[0].start, areas[0].start + heading.end(), "editor" if role else "bookauthor")
            areas[0] = areas[0].cut(heading.end())
        zone, tail = self.find_title_zone(areas) if areas else (host, [])
        sentences = self.split_sentences(zone)
        # the sentences of the host's first area that are numbers belong to the areas after it
        while len(sentences) > 1 and (self.looks_like_area(sentences[-1])
                                      or _ROMAN.fullmatch(sentences[-1].text.strip(" ."))):
            last = sentences.pop()
            if _ROMAN.fullmatch(last.text.strip(" .")) and not host_ref.volume:
                host_ref.volume = self.take(last.strip(" ."), "volume")
                continue
            tail.insert(0, last)
        zone = zone.cut(0, sentences[-1].end - zone.start) if sentences else zone
        numbering = _TRAILING_NUMBERING.search(zone.text)
        if numbering:   # "Turkish Studies Volume 2/3 Summer 2007": numbers typed straight after the title
            self.claim(zone.start + numbering.start(), zone.start + numbering.start("volume"))
            host_ref.volume = self.take(zone.cut(numbering.start("volume"), numbering.end("volume")), "volume")
            if numbering.group("number"):
                self.mark(zone.cut(numbering.end("volume"), numbering.start("number")))
                host_ref.number = self.take(zone.cut(numbering.start("number"), numbering.end("number")), "number")
            if numbering.group("date"):
                tail.insert(0, zone.cut(numbering.start("date")))
            zone = zone.cut(0, numbering.start())
        glued = _YEAR_GLUED_TO_TITLE.search(zone.text)
        if glued and not host_ref.year:   # "Информ. бюлл. Jet Info2001"
            host_ref.year = self.take(zone.cut(glued.start(1)), "year")
            zone = zone.cut(0, glued.start(1))
        title_part, sor = zone, None
        match = _SPACED_SLASH.search(zone.text)
        if match and not (_INITIAL.search(zone.text[match.end():]) or _starts_with_role(zone.text[match.end():])):
            match = None   # "Turkish Studies / Türkoloji Araştırmaları": a parallel title
        if match:
            title_part, sor = zone.cut(0, match.start()), zone.cut(match.end())
            self.mark(Piece(zone.text[match.start():match.end()], zone.start + match.start()))
        pieces = split_top_level(title_part, _HOST_TITLE_COLON)
        if pieces:
            host_ref.title = _strip_quotes(self.without_serial_word(self.take(pieces[0].strip(" ."), "booktitle"),
                                                                    quoted_only=True))
            subtitles = []
            for piece in pieces[1:]:
                value = piece.text.strip(" .")
                if is_genre(value):
                    host_ref.genre = value
                else:
                    subtitles.append(value)
                self.mark(piece)
            host_ref.subtitle = " : ".join(subtitles)
        if sor:   # "// Сборник / под ред. И. И. Иванова", "// Title / Ш. Мамуладзе": the host's persons
            persons = self.parse_responsibility(sor, into=host_ref)
            # its bodies are among its authors (BibLaTeX's "bookauthor", CSL's "container-author"); its
            # editors and translators are the record's, as BibLaTeX's "editor" of an @incollection and
            # CSL's "editor" of a chapter are the book's
            host_ref.authors = [*(host_ref.authors or persons),
                                *(Person(corporate=body) for body in host_ref.organizations)]
            host_ref.organizations = []
            for name in ("editors", "translators"):
                getattr(ref, name).extend(getattr(host_ref, name))
                setattr(host_ref, name, [])
        for area in tail:
            if self.parse_imprint(area, into=host_ref):
                continue
            for sub in self.split_sentences(area):
                self.classify_area(sub, into=host_ref)
        # pages, number, volume and year of the host describe the part's place in it
        for name in ("year", "pages", "volume", "number", "date"):
            if getattr(host_ref, name) and not getattr(ref, name):
                setattr(ref, name, getattr(host_ref, name))
                setattr(host_ref, name, "")
        if host_ref.number:   # the part's number is its own (a legal act's "№ 63-ФЗ"): the issue's is a note
            ref.note.append(f"№ {host_ref.number}")
            host_ref.number = ""
        if host_ref.pagetotal:
            # "// Қазақ әдебиеті. – 2010. – 5 наурыз. – 5 б.": Kazakh and Uzbek lists put the page word after the
            # number; a serial has no page total, so it is the part's page. A book's page total is a note
            # (no export has a field for the host's extent).
            if host_ref.entry_type == "periodical" and not host_ref.publishers and not ref.pages:
                ref.pages = host_ref.pagetotal
            else:
                ref.note.append(f"{host_ref.pagetotal} {_extent_word(self.text, host_ref.pagetotal)}".strip())
            host_ref.pagetotal = ""
        if host_ref.publishers or host_ref.authors or (host_ref.places and not ref.number):
            host_ref.entry_type = "book"   # "// Azerbaycan. – Ankara, 1975. – № 214": a serial's place alone stays a serial

    # -- finishing -------------------------------------------------------------------------------
    def settle_language(self) -> None:
        ref = self.ref
        sample = " ".join(x for x in (ref.title, ref.subtitle) if x) or self.text
        if _mixed_scripts(sample):
            sample = self.text   # "Site Reliability Engineering. Надежность ...": the record decides
        script = detect_script(sample)
        ref.script = script if script != "Zyyy" else self.script
        if len(sample.split()) <= 2 and ref.script == self.script:
            # a one- or two-word title says little: the whole string (place, page words) decides, but
            # not the heading's names ("Guliyev E.": a Russian ending on an English article)
            heading = ref.spans.get("author")
            text = self.text[:heading.start] + self.text[heading.end:] if heading and heading.start == 0 else self.text
            # ... unless the rest gives no real evidence and the names have a language's own letters
            # ("Rəhimov R. Tarix. B., 2008."): then the names do
            named = heading is not None and not self.text[heading.start:heading.end].isascii()
            ref.language = ((detect_language(text, script=ref.script, undecided="") if named else "")
                            or detect_language(self.text if named else text, script=ref.script)).split("-")[0]
            return
        ref.language = detect_language(sample, script=ref.script, undecided="").split("-")[0]
        if not ref.language:
            # a title with no sign of its language: the other words of the record that are not
            # names ("Toshkent : Ma'naviyat") may show it; else the table's first language
            context = " ".join([sample, *(x for x in (ref.genre, ref.host and ref.host.title) if x),
                                *ref.places, *ref.publishers])
            ref.language = detect_language(context, script=ref.script, undecided="").split("-")[0] or \
                detect_language(sample, script=ref.script).split("-")[0]

    def host_is_a_platform(self) -> None:
        """"… – Москва : Юрайт, 2019. – 300 с. – ISBN … – Текст : электронный // Юрайт : электронно-библиотечная
        система. – URL: …": a whole book (its own imprint and extent) read on a library's platform, which GOST
        R 7.0.100-2018 gives after "//". The book is the record; the platform's name is a note."""
        ref, host = self.ref, self.ref.host
        if host is None or not _PLATFORM.search(f"{host.title} {host.subtitle} {host.genre}"):
            return
        if not (ref.pagetotal or ref.isbn) or not (ref.places or ref.publishers):
            return
        ref.note.append(" : ".join(p for p in (host.title, host.subtitle, host.genre) if p))
        ref.host = None
        ref.entry_type = "book"   # though read online: settle_type keeps it a book (the note names the platform)

    def settle_type(self) -> None:
        ref = self.ref
        host = ref.host
        # "[Электронный ресурс]" (GOST 7.1-2003) or "Текст : электронный" (GOST R 7.0.100-2018)
        electronic = any(m in table_forms("electronic") for m in ref.markers)
        if host is not None and ref.entry_type not in ("incollection", "legislation"):
            if _PROCEEDINGS_WORD.search(f"{host.title} {host.subtitle} {host.genre}"):
                ref.entry_type = "inproceedings"
            elif host.authors:
                ref.entry_type = "incollection"   # "//Family I. Book title": a book by a named author
            elif ref.number or ref.date or not (host.places or host.publishers):
                ref.entry_type = "article"
            else:
                ref.entry_type = "incollection"
        if _LEGAL_ACT.search(ref.genre) and not _THESIS.search(ref.genre):
            ref.entry_type = "legislation"   # "Title : наказ Міністерства ... № 40. Офіційний вісник"
        elif host is None:
            if ref.thesis_type or _THESIS.search(ref.genre):
                ref.entry_type = "thesis"
                ref.thesis_type = ref.thesis_type or ref.genre
            elif (_LEGISLATION.match(ref.title) or _LEGISLATION.match(self.text) or _ACT_KIND_LAST.search(ref.title)) \
                    and not any(p.family for p in ref.authors):   # (a book by a person about a law is a book)
                ref.entry_type = "legislation"
            elif _JOURNAL_GENRE.search(ref.genre) and electronic:
                ref.entry_type = "periodical"
            elif (electronic and not any(_ON_A_DISC.search(n) or _PLATFORM.search(n) for n in ref.note)) or (
                    ref.url and not (ref.places or ref.publishers or ref.pagetotal or self.sine_loco)):
                ref.entry_type = "online"   # not an electronic resource on a disc ("1 электрон. опт. диск (CD-ROM)")
            elif _WEBSITE_GENRE.search(ref.genre):
                ref.entry_type = "online"
            elif "--" in ref.volume and not ref.pages:
                ref.entry_type = "mvbook"
            elif not ref.authors and _COLLECTION.search(ref.genre):
                ref.entry_type = "collection"   # "научно-практический и теоретический сборник"
            elif not ref.authors and _PROCEEDINGS_WORD.search(f"{ref.subtitle} {ref.genre}"):
                ref.entry_type = "proceedings"   # "Title : матеріали Міжнар. наук.-практ. конф. (Київ, 2019)"

    def account_for_leftovers(self) -> None:
        """Every word of the input is in a field, a recognised marker, or the note."""
        ref = self.ref
        for match in _UNUSED.finditer(self.used):
            chunk = self.text[match.start():match.end()].strip(" .,;:/" + DASH)
            words = _WORD.findall(chunk)
            if not words or all(w.casefold() in syntax_words() for w in words):
                continue
            ref.note.append(chunk)
            ref.diagnose("unparsed-text", f"not understood, kept in the note: {chunk!r}",
                         severity=Severity.ERROR, span=Span(match.start(), match.end()))
        # a piece claimed by a field may hold more words than the field kept ("20032003" read as the
        # year 2003, "доступаhttp://..." as a URL): the words no field holds go to the note as well
        lost = words_not_kept(ref, self.text)
        if lost:
            chunk = " ".join(lost)
            ref.note.append(chunk)
            ref.diagnose("unparsed-text", f"not placed in any field, kept in the note: {chunk!r}",
                         severity=Severity.ERROR)


@cache
def _countries() -> frozenset[str]:
    """The countries that Harvard lists write after a place ("Kyiv, Ukraine"; places table: countries)."""
    return frozenset(load_table("places")["countries"])


@cache
def _resource_note() -> re.Pattern[str]:
    """The notes GOST 7.1-2003 prints that no field holds (terms table: resource_notes), a full stop's
    space optional ("Электрон.текстовые дан.")."""
    forms = sorted(table_forms("resource_notes"), key=len, reverse=True)
    alternatives = "|".join(re.escape(f.rstrip(".")).replace(r"\.\ ", r"\.\s?").replace(r"\ ", r"\s") for f in forms)
    return re.compile(rf"^(?:\d+\s)?(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)   # "1 электрон. опт. диск"


@cache
def _material() -> re.Pattern[str]:
    """GOST 7.1-2003's general material designations ("[Текст]", "[Ноты]"; terms table: material)."""
    forms = sorted(table_forms("material"), key=len, reverse=True)
    alternatives = "|".join(re.escape(f).replace(r"\[", r"\[\s?").replace(r"\]", r"\s?\]") for f in forms)
    # the lookahead for a form's first character lets the search pass over the other characters at once
    # (the pattern found nothing in most references, yet tried its two dozen forms at every character)
    first = "".join(re.escape(c) for c in sorted({f[0] for f in forms}))
    return re.compile(rf"(?=[{first}])(?:{alternatives})", re.IGNORECASE)


@cache
def _et_al_start() -> re.Pattern[str]:
    """"и др.", "[et al.]", "və b." opening the text after a heading (terms table: et_al)."""
    forms = sorted({f.rstrip(".") for f in table_forms("et_al")}, key=len, reverse=True)
    return re.compile(rf"^,?\s?(?:{'|'.join(re.escape(f) for f in forms)})(?:\.|(?=\s))\s?")


@cache
def _page_words() -> str:
    """The page words of the terms table as a regex alternation ("s|с|səh|стр|p|б|бет|გვ|...")."""
    forms = {f.rstrip(".") for f in table_forms("page")} | {"B"}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@cache
def _extent_only() -> re.Pattern[str]:
    """An extent alone: "342 s.", "150-B", "256 б."."""
    return re.compile(rf"^\d+\s?{_D}?\s?(?:{_page_words()})\.?$", re.IGNORECASE)   # "200 С." in a list typed in capitals


@cache
def _extent_start() -> re.Pattern[str]:
    """An extent opening an area: "302, [7] s.", "140 с., ил."; group 1 is the page count."""
    return re.compile(rf"^(?:(?P<roman>[IVXLC]+|[ivxlc]+)\s?,\s?)?(\d+)(?:\s?,\s?\[\d+\])?\s?{_D}?\s?"
                      rf"(?:{_page_words()})(?![^\W\d_])\.?", re.IGNORECASE)   # "XII, 300 p.", "200 С."


@cache
def _volume_in_words() -> re.Pattern[str]:
    """A volume numbered in words: "Т. BİRİNCİ CİLD", "ikinci kitab" (ordinals from the terms table)."""
    ordinals = "|".join(re.escape(f) for f in table_forms("ordinals"))
    return re.compile(rf"^(?:(?:Т|т|T|t|Vol|V)\.\s?)?((?:{ordinals})\s(?:cild|cildi|kitab|hissə))\.?$", re.IGNORECASE)


@cache
def _known_cities() -> frozenset[str]:
    return frozenset(c.casefold() for c in load_table("places")["cities"])


@cache
def _place_alternatives(lang: str, script: str) -> str:
    """A regex alternation of the places and place abbreviations known for this language/script."""
    places = load_table("places")
    abbreviations = [e["abbr"] for e in places["entries"] if e.get("lang") == lang or e.get("script") == script]
    return "|".join(re.escape(c) for c in sorted({*places["cities"], *abbreviations}, key=len, reverse=True))


@dataclass(frozen=True)
class _PlacePatterns:
    title_end: re.Pattern[str]
    imprint_start: re.Pattern[str]
    imprint: re.Pattern[str]
    place_colon: re.Pattern[str]
    place_year: re.Pattern[str]


@cache
def _et_al_pattern(form: str) -> re.Pattern[str]:
    return re.compile(re.escape(form), re.IGNORECASE)


def _extent_word(text: str, number: str) -> str:
    """The page word typed after a page total in the text ("300 с." -> "с."), for a note."""
    match = re.search(rf"(?<!\d){re.escape(number)}\s?([^\W\d_]{{1,5}}\.?)", text)
    return match.group(1) if match else ""


def opens_with_name(text: str) -> bool:
    """Whether a line starts as a reference under a personal name does ("Мамед-заде, Наргиз Сабир
    кызы.", "Həsənov B."): the list reader's test for a wrapped line that is really a new reference."""
    return any(pattern.match(text) for pattern, _kind in _HEADING_FORMS)


@cache
def _place_patterns(lang: str, script: str) -> _PlacePatterns:
    """The patterns that depend on the known places, compiled once per language and script."""
    places = _place_alternatives(lang, script)
    return _PlacePatterns(
        title_end=re.compile(rf",\s?(?=(?:{places})(?:\s?[,:—–-]|$)|{_YEAR}\b(?![-–—])|(?:t|т|Т|T|vol|Vol|V)\.\s?[IVXLC\d]"
                             rf"|\d{{1,2}}\s[^\W\d_]{{3,}}\.?,?\s{_YEAR}\b"   # "«Azərbaycan» qəzeti, 12 may 2005"
                             rf"|\d{{1,2}}\.\d{{1,2}}\.{_YEAR}\b"   # "“Kaspi” qəzeti, 12.03.2010"
                             rf"|(?:пер|per|tərc|ред|red)\.\s|(?:səh|s|с|стр|p)\.\s?\d)"
                             rf"|\s(?=(?:{places})\.?\s?,?\s?{_YEAR}\b)"),
        imprint_start=re.compile(rf"(?:{places})\.?\s?[:,]"),
        imprint=re.compile(rf"^(?:(?:\[?(?:{places}|[\w\s.-]{{1,30}}?)\]?)\.?\s?[;:,]\s?.*?,?\s?{_YEAR}"
                           rf"|(?:{places})\.?\s?{_D}\s?{_YEAR_AFTER_DASH})\b"),   # "Bakı-2005", "Bakı – 2005"
        place_colon=re.compile(rf"^(?:{places})\.?\s?(?::|$)"),
        place_year=re.compile(rf"({places})\.?\s?(?:,|{_D})?\s?({_YEAR_AFTER_DASH})(?:\s?(?:г|y|il)\.?)?"),
    )


_PARTICLES = r"(?:oğlu|qızı|оглы|кызы|xanım|ханум|bəy|bəyov|[A-Za-z](?!\w))"
_GIVEN_WORD = rf"(?:{NAME_WORD}|{INITIAL}|{_PARTICLES})"
_FAMILY = rf"{LOWER_FAMILY_PREFIX}{{0,3}}{NAME_WORD}(?:\s{NAME_WORD})?"   # "Ivanov", "De Waal", "van der Leeuw"
_CAPS_FAMILY = rf"{UP}{{2,}}(?:-{UP}{{2,}})?"   # "ПЕТРОВ П. П.": a heading typed in capitals, kept as typed
# "Мамедов Али Ахмед оглы.", "Кузнецов Кирилл Константинович.": a heading with the whole name
_PATRONYMIC = (rf"(?:{NAME_WORD}\s(?:oğlu|qızı|оглы|кызы|oglu|qizi|ogly|kyzy)"
               rf"|{UP}{LOW}+(?:ович|евич|овна|евна|ична|ьич|івна|ївна|йович))")
# The forms a heading takes, tried in order: the pattern (group "name") and how to read the names.
_HEADING_FORMS = tuple((re.compile(pattern), kind) for pattern, kind in [
    # Georgian: Family I. [Family I.]
    (r"^(?P<name>[\u10d0-\u10ff]+\s[\u10d0-\u10ff]{1,2}\.(?:\s[\u10d0-\u10ff]+\s[\u10d0-\u10ff]{1,2}\.)*)\s?",
     "family-initials"),
    # Arabic script: Family, I. (as polybib prints a Persian or Arabic heading: "پیرنیا, ح.")
    (r"^(?P<name>[\u0620-\u064a\u067e-\u06d3]{3,},\s[\u0620-\u064a\u067e-\u06d3]{1,2}\."
     r"(?:\s[\u0620-\u064a\u067e-\u06d3]{1,2}\.)*)\s", "comma"),
    # Family, I., Family, I.  (Harvard and Vancouver habits in GOST lists: "Smith, J., Brown, K. History")
    (rf"^(?P<name>{NAME_WORD},\s?{INITIALS}(?:\s?,?\s(?:&\s|and\s|и\s|və\s)?{NAME_WORD},\s?{INITIALS}){{1,5}})\s?(?=\S)",
     "comma-list"),
    # Family, Given, and Given Family.  (Chicago and MLA: the first name inverted, the others not)
    (rf"^(?P<name>{NAME_WORD},\s{NAME_WORD}(?:\s{INITIAL})?(?:,\s{NAME_WORD}(?:\s{INITIAL})?\s{NAME_WORD})*,?"
     rf"\s(?:and|&)\s{NAME_WORD}(?:\s{INITIAL})?\s{NAME_WORD})\.\s?(?=\S)", "inverted-first"),
    # Family, I. O.  (the title may follow without a space: "Xələfov, A.İnformasiya...")
    # (and a particle between initials: "Aşurbəyli, S. xanım B.", as "Sara xanım Balabəy qızı" is initialised)
    (rf"^(?P<name>{_FAMILY}\s?,\s?{INITIALS}(?:\s{HONORIFIC}(?:\s{INITIALS}|(?=\.)))?)\s?(?=\S)",
     "comma"),
    # Family, Given Patronymic.
    (rf"^(?P<name>{NAME_WORD},\s?{NAME_WORD}(?:(?:\s|(?<=\.))(?:{_GIVEN_WORD}))*?)\s?\.\s?(?=\S)", "comma"),
    # Family Given Patronymic.  (the whole name; Turkic "Əlirza oğlu", East-Slavic "Константинович")
    (rf"^(?P<name>{NAME_WORD}\s{NAME_WORD}\s{_PATRONYMIC})\s?\.\s?(?=\S)", "comma"),
    # FAMILY I. O.  (capitals)
    (rf"^(?P<name>{_CAPS_FAMILY}\s?,?\s?{INITIALS}(?:\s?,\s?{_CAPS_FAMILY}\s?{INITIALS}){{0,4}})\s?(?=\S)",
     "family-initials"),
    # Family I. O., Family I. O.  (one to four persons, heading of a GOST 7.1 record)
    (rf"^(?P<name>{_FAMILY}\s?[,.]?\s?{INITIALS}(?:\s?,\s?{_FAMILY}\s?{INITIALS}){{0,4}}"
     rf"(?:\s?,\s?{_FAMILY}\s?{UP}(?=\s))?)\s?(?=\S)", "family-initials"),
    # I. O. Family, I. O. Family.
    (rf"^(?P<name>{INITIALS}\s?{NAME_WORD}(?:\s?,\s?{INITIALS}\s?{NAME_WORD}){{0,4}})\s?\.\s?(?=\S)",
     "initials-family"),
    # Given title Family.  (an honorific between the names: "Abbasqulu ağa Bakıxanov.", "Əhməd bəy Ağaoğlu.")
    (rf"^(?P<name>{NAME_WORD}\s{HONORIFIC}\s{NAME_WORD})\s?\.\s?(?=\S)", "honorific"),
    # Given Family.  (two name words, natural order)
    (rf"^(?P<name>{NAME_WORD}\s{NAME_WORD})\s?\.\s?(?=\S)", "two-words"),
    # I. Family Title... (no full stop after the heading)
    (rf"^(?P<name>{INITIALS}\s?{NAME_WORD})\s(?={UP})", "initials-family"),
])

# Lower-case words that still open an area after a full stop: months with a year, page labels.
_rx_area_word = re.compile(rf"[^\W\d_]+\.?\s?{_YEAR}\b|(?:s|с|səh|стр|p|pp|b)\.\s?\d")

_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f\u0259]")
_CYRILLIC_LETTERS = re.compile(r"[\u0400-\u04ff]")


def _mixed_scripts(text: str) -> bool:
    """Whether neither Latin nor Cyrillic has 70 % of the text's letters of the two scripts (counted
    only when both are there: most texts hold one, which a search finds at once)."""
    if not (_LATIN_LETTERS.search(text) and _CYRILLIC_LETTERS.search(text)):
        return False
    latin, cyrillic = len(_LATIN_LETTERS.findall(text)), len(_CYRILLIC_LETTERS.findall(text))
    return max(latin, cyrillic) < 0.7 * (latin + cyrillic)


def _name_list(text: str) -> list[Person]:
    """The authors of a Chicago / MLA citation: the first inverted, the others in natural order
    ("Муратова, Диана, Карлыгаш Абдыкулова, и Гульнур Қожамжарова", "Zhumagalieva, B. K., і S. A. Agaeva");
    empty unless every name reads as a personal name."""
    chunks = [c.strip() for c in _NAME_LIST_SEPARATOR.split(text.strip()) if c.strip()]
    if len(chunks) < 2 or " " in chunks[0]:
        return []
    first = parse_person(f"{chunks[0]}, {chunks[1]}")
    others = [parse_person(chunk) for chunk in chunks[2:]]
    if first is None or None in others:
        return []
    return [first, *others]


_NAME_LIST_SEPARATOR = re.compile(r",\s?(?:(?:и|і|and|və|ve|та)\s)?|\s(?:и|і|and|və|ve|та)\s")


def _is_lower(char: str) -> bool:
    """Lower case in a script that has case (Georgian Mkhedruli is "lower case" to Unicode, but caseless)."""
    return char.islower() and not "\u10d0" <= char <= "\u10ff"


@cache
def _role_pattern() -> str:
    """A regex that matches any role form at the start of a statement (for splitting groups)."""
    forms = sorted({f for f in role_forms() if len(f) > 3}, key=len, reverse=True)
    return "(?i:" + "|".join(re.escape(f).replace(r"\ ", r"\s?") for f in forms) + ")"


@cache
def _responsibility_separator() -> re.Pattern[str]:
    """Where a statement of responsibility splits into groups: ";" or a full stop before role words."""
    return re.compile(rf"\s?;\s?|\.\s(?={_role_pattern()})")


_ROLE_SUFFIX = re.compile(r"\s(redaktəsi ilə|rəhbərliyi ilə|redaksiyası ilə|tarjimasi|tərcüməsi|tərcümə etmişdir)$")


_ROLE_PREDICATE = re.compile(rf"(?P<what>(?:[^\W\d_]+,?\s)+?)(?:(?:akad|prof|dos)\.\s?)?"
                             rf"(?P<names>{INITIALS}\s?{UP}{LOW}+?)(?:n?[ıiuü]n[dt][ıiuü]r)?")


def _role_suffix(text: str) -> re.Match[str] | None:
    """Role words that follow the name in Turkic languages ("... tarjimasi" = translated by ...)."""
    return _ROLE_SUFFIX.search(text.strip(" ."))


@cache
def _role_forms_but_notes() -> tuple[str, ...]:
    """The role forms that name a role, not a note."""
    return tuple(f for f in role_forms() if role_of(f) != "note")


def _role_start_forms() -> list[str]:
    return [f for f in role_forms() if len(f) > 2 and role_of(f) != "note"]


@cache
def _role_initials() -> frozenset[str]:
    """The first letters of the forms _role_start matches: text that opens otherwise needs no match."""
    return frozenset(f[0] for f in _role_start_forms())


@cache
def _role_start() -> re.Pattern[str]:
    forms = _role_start_forms()
    alternatives = "|".join(re.escape(f) + ("" if f.endswith(".") else r"(?![^\W\d_])") for f in forms)
    return re.compile(f"(?:{alternatives})")


def _starts_with_role(text: str) -> bool:
    """Whether ``text`` opens with role words ("elmi red.", "под ред.", "tərtib edən")."""
    initials = _role_initials()
    if initials and text[:1].casefold()[:1] not in initials:
        return False
    return bool(_role_start().match(_FULL_STOP.sub(". ", text[:40].casefold())))


def _raw_length(text: str, form: str) -> int:
    """How many characters of ``text`` the (space-normalised) role form ``form`` covers."""
    i = j = 0
    while i < len(text) and j < len(form):
        if text[i].casefold() == form[j]:
            i += 1
            j += 1
        elif text[i] == " ":
            i += 1
        elif form[j] == " ":
            j += 1
        else:
            break
    while i < len(text) and text[i] in " :":
        i += 1
    return i


def _editor_names(text: str) -> list[Person | None]:
    """The editors of the book a chapter is in: "Brown, K. and Lee, S." or "I. Editor & I. Editor" (None
    for a name that does not read as a person's)."""
    inverted = [m.group() for m in _APA_NAME.finditer(text)]
    return [parse_person(n) for n in inverted or (n for n in _APA_EDITOR_SEPARATOR.split(text) if n.strip())]


def _number_match(text: str) -> re.Match[str] | None:
    """An issue's number with its label ("№ 3", "Вып. 2", "sayı 5") or before its word ("II buraxılış")."""
    return _NUMBER.match(text) or (_NUMBER_BEFORE_WORD.fullmatch(text.rstrip()) if text[:1] in "0123456789IVXLC" else None)


def _one_author(name: str) -> Person | None:
    """The one author before an author-date year: a GOST heading ("Мамедов А."), a body ("World Bank",
    "Dövlət Statistika Komitəsi") or its acronym ("OECD"); None for anything else (a title's words,
    or whole names, which parse_author_date reads: "Mehmetzade Mirza Bala (1975)")."""
    person = parse_person(name)
    if person is not None and "." in person.given:
        return person
    if _ACRONYM.fullmatch(name) or _CORPORATE.search(name) or _STATE.search(name):
        return Person(corporate=name)
    return None


def _year_range(start: str, end: str | None) -> str:
    """A record's year, or its years as a range "1958/1963" (BibLaTeX's and ISO 8601's date interval) when
    the work came out over several years; a range that does not run forward keeps its first year only."""
    return f"{start}/{end}" if end and end > start else start


def _page_range(text: str) -> str:
    text = _SPACE_IN_NUMBER.sub("", text.strip())
    text = _SPACED_DASH.sub("--", text)
    text = _PAGE_LIST_SEPARATOR.sub(", ", text)
    return text


_QUOTE_PAIRS = {"«": "»", '"': '"', "“": "”", "„": "“"}


def _strip_quotes(text: str) -> str:
    """Drop quotation marks that enclose a whole value («Elm», "Sharq")."""
    text = text.strip()
    pairs = {"«": "»", '"': '"', "“": "”", "„": "“", "”": "”"}
    if len(text) > 2 and text[0] in pairs and text[-1] == pairs[text[0]] and text.count(text[0]) == \
            (2 if text[0] == text[-1] else 1):
        return text[1:-1].strip()
    for opening, closing in _QUOTE_PAIRS.items():
        if text.startswith(opening) and text.count(opening if opening != closing else "\x00") <= 1 \
                and closing not in text[1:]:
            return text[1:].strip()   # a quotation mark that is never closed
    return text
