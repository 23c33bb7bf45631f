"""BibLaTeX and BibTeX views of the model, written with bibtexparser 2's model and writer.

BibLaTeX is the default: ``location``, ``date``, ``pagetotal``, ``titleaddon``, ``langid``,
``editortype``. BibTeX spells them ``address``, ``year``, ``journal`` and drops what it cannot hold
(named in a comment). Values are escaped so that no user text can inject a LaTeX command or
unbalance braces; corporate names are braced so that BibTeX does not split them.

>>> from polybib import parse_reference
>>> ref = parse_reference("Azərbaycan tarixi / Azərbaycan Milli Elmlər Akademiyası. - Bakı : Elm, 2008. - 480 s.")
>>> print(to_biblatex([ref]))
@book{azarbaycan2008,
	author = {{Azərbaycan Milli Elmlər Akademiyası}},
	title = {Azərbaycan tarixi},
	location = {Bakı},
	publisher = {Elm},
	date = {2008},
	pagetotal = {480},
	langid = {azerbaijani}
}
<BLANKLINE>
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import bibtexparser
from bibtexparser.model import Entry, Field
from bibtexparser.writer import BibtexFormat

from ._keys import KeyMaker
from ._lang import langid
from ._model import Person, Reference

__all__ = ["KeyAssigner", "entry_fields", "escape", "escape_verbatim", "reference_keys", "to_biblatex", "to_bibtex"]

_LATEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                   "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}
_SPECIALS = re.compile(r"[\\{}&%$#_^~]")
_VERBATIM = {"url", "doi"}
_BIBTEX_TYPES = {"thesis": "phdthesis", "online": "misc", "legislation": "misc", "mvbook": "book",
                 "collection": "book", "periodical": "misc", "inbook": "inbook", "report": "techreport"}
_BIBTEX_NAMES = {"location": "address", "journaltitle": "journal", "date": "year", "organization":
                 "organization", "url": "url"}


def escape(value: str) -> str:
    """Escape the characters that mean something to LaTeX."""
    return _SPECIALS.sub(lambda m: _LATEX_SPECIALS[m.group()], value)


_URL_UNSAFE = {"{": "%7B", "}": "%7D", "\\": "%5C"}


def escape_verbatim(value: str) -> str:
    r"""A URL or DOI for a verbatim field: braces and backslashes percent-encoded (RFC 3986 reads them
    the same), so that the value cannot close its field or start a command.

    >>> escape_verbatim("http://example.org/}\\write18{x}")
    'http://example.org/%7D%5Cwrite18%7Bx%7D'
    """
    return re.sub(r"[{}\\]", lambda m: _URL_UNSAFE[m.group()], value)


def _names(persons: Iterable[Person]) -> str:
    out = []
    for person in persons:
        if person.corporate:
            out.append("{" + escape(person.corporate) + "}")
        elif person.family == "others":
            out.append("others")
        else:
            family = escape(person.family)
            if " " in family and not person.given:
                family = "{" + family + "}"   # "Family, Given" already tells BibTeX where the family ends
            out.append(f"{family}, {escape(person.given)}" if person.given else family)
    return " and ".join(out)


def _list(values: Iterable[str]) -> str:
    return " and ".join("{" + escape(v) + "}" if " and " in v else escape(v) for v in values)


def entry_fields(ref: Reference) -> list[tuple[str, str]]:
    """The BibLaTeX fields of a record, in a stable, readable order."""
    host = ref.host
    fields: list[tuple[str, str]] = []

    def add(name: str, value: str, raw: bool = False) -> None:
        if value:
            fields.append((name, value if raw else escape_verbatim(value) if name in _VERBATIM else escape(value)))

    fields_raw = [("author", _names(ref.authors))]
    if host is not None and host.authors:
        fields_raw.append(("bookauthor", _names(host.authors)))
    editors = [p for p in ref.editors]
    if editors:
        fields_raw.append(("editor", _names(editors)))
        roles = {p.role for p in editors if p.family != "others"}
        if roles == {"compiler"}:
            fields_raw.append(("editortype", "compiler"))
    if ref.translators:
        fields_raw.append(("translator", _names(ref.translators)))
    for name, value in fields_raw:
        add(name, value, raw=True)
    add("title", ref.title)
    add("subtitle", ref.subtitle)
    add("titleaddon", ref.genre if ref.entry_type != "thesis" else "")
    add("translatedtitle", ref.translated_title)
    add("maintitle", ref.maintitle)
    if host is not None:
        serial = host.entry_type == "periodical" and ref.entry_type not in ("incollection", "inproceedings", "inbook")
        if ref.entry_type == "article" or serial:
            # a serial's name is one string, colon and all ("Известия вузов. Серия: Экономика")
            add("journaltitle", f"{host.title}: {host.subtitle}" if host.subtitle else host.title)
        else:
            add("booktitle", host.title)
            add("booksubtitle", host.subtitle)
            add("booktitleaddon", host.genre)
    add("type", ref.thesis_type)
    if ref.organizations:
        add("organization", _list(ref.organizations), raw=True)
    add("edition", ref.edition)
    add("volume", ref.volume)
    add("number", ref.number)
    add("issue", ref.date)
    add("series", ref.series)
    places = ref.places or (host.places if host else [])
    publishers = ref.publishers or (host.publishers if host else [])
    if places:
        add("location", _list(places), raw=True)
    if publishers:
        add("publisher", _list(publishers), raw=True)
    add("date", ref.year)
    add("pagetotal", ref.pagetotal)
    add("pages", ref.pages)
    add("isbn", ", ".join(ref.isbn))
    add("issn", ", ".join(ref.issn))
    add("doi", ref.doi)
    add("url", ref.url)
    add("urldate", ref.urldate)
    add("note", "; ".join(ref.note))
    add("langid", langid(ref.language))
    return fields


class KeyAssigner:
    """Citation keys for records, unique across everything it has assigned: a record read from a
    file keeps its own key, a made one steps aside when it would clash. One assigner serves a
    whole list, batch after batch, when a list is written as it is read."""

    def __init__(self) -> None:
        self._maker = KeyMaker()
        self._taken: set[str] = set()

    def assign(self, refs: Sequence[Reference]) -> list[str]:
        given = {ref.key for ref in refs if ref.key}
        keys: list[str] = []
        for ref in refs:
            made = self._maker.key(*_key_name_year(ref))
            if ref.key and ref.key not in self._taken and not self._maker.made(ref.key):
                key = ref.key
            else:
                key = made
                suffix = 1
                while key in self._taken or (key in given and key != ref.key):
                    key, suffix = f"{made}-{suffix}", suffix + 1
            if key != made:
                self._taken.add(key)   # made keys are remembered by the maker itself
            keys.append(key)
        return keys


def _key_name_year(ref: Reference) -> tuple[str, str]:
    first = next((p for p in ref.authors if p.family != "others"), None)
    name = (first.corporate or first.family) if first else ""
    if not name or (first and first.corporate):
        name = (ref.title.split() or [_site_name(ref.url)])[0] if not name or len(name.split()) > 1 else name
    return name, ref.year.split("/")[0]


def _site_name(url: str) -> str:
    """A key's name for a record that is an address only: the site's name ("www.anl.az" -> "anl")."""
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url).split("/")[0]
    return host.split(".")[0] or "ref"


def reference_keys(refs: Sequence[Reference]) -> list[str]:
    """Citation keys for records, unique within the list."""
    return KeyAssigner().assign(refs)


_FORMAT = BibtexFormat()
_FORMAT.block_separator = "\n"


def _write(entries: list[Entry]) -> str:
    library = bibtexparser.Library()
    for entry in entries:
        library.add(entry)
    return bibtexparser.write_string(library, bibtex_format=_FORMAT)


def to_biblatex(refs: Sequence[Reference]) -> str:
    """The records as BibLaTeX entries (UTF-8 text), one per record, in order."""
    entries = [Entry(ref.entry_type, key, [Field(n, v) for n, v in entry_fields(ref)])
               for ref, key in zip(refs, reference_keys(refs))]
    return _write(entries)


def to_bibtex(refs: Sequence[Reference]) -> str:
    """The records as classic BibTeX entries (``address``, ``journal``, ``year``, ...)."""
    entries = []
    for ref, key in zip(refs, reference_keys(refs)):
        fields = []
        for name, value in entry_fields(ref):
            if name in ("subtitle", "booksubtitle", "journalsubtitle"):
                continue  # folded into the title below
            if name == "title" and ref.subtitle:
                value = f"{value}: {escape(ref.subtitle)}"
            if name == "booktitle" and ref.host and ref.host.subtitle:
                value = f"{value}: {escape(ref.host.subtitle)}"
            if name == "type" and ref.entry_type != "thesis":
                continue
            if name == "date":
                value = value.replace("/", "--")   # BibTeX's year range: "1958--1963"
            fields.append(Field(_BIBTEX_NAMES.get(name, name), value))
        entries.append(Entry(_BIBTEX_TYPES.get(ref.entry_type, ref.entry_type), key, fields))
    return _write(entries)
