"""Read BibLaTeX / BibTeX files (as `polybib parse` writes them, or from elsewhere) back into the model,
so that `polybib format` can take a .bib as well as a list or CSL-JSON.

Only the fields our writer uses are read; LaTeX escapes of the writer are undone, braces dropped.

>>> refs = read_biblatex('@book{mirabdullayev2012, author = {Mirabdullayev, Adil Mirabdulla oğlu}, '
...                      'title = {Müstəqil Dövlətlər Birliyi}, location = {Bakı}, publisher = {Elm}, '
...                      'date = {2012}, pagetotal = {196}, langid = {azerbaijani}}')
>>> refs[0].authors[0].given, refs[0].places, refs[0].language, refs[0].script
('Adil Mirabdulla oğlu', ['Bakı'], 'az', 'Latn')
>>> read_biblatex('@book{x, author = {{Институт философии}}, title = {Очерки}, langid = {russian}}')[0].authors[0].corporate
'Институт философии'
"""

from __future__ import annotations

import re

import bibtexparser

from ._exceptions import InputError
from ._lang import _languages, detect_script
from ._model import Person, Reference

__all__ = ["read_biblatex"]

_TYPES = {"phdthesis": "thesis", "mastersthesis": "thesis", "article": "article", "incollection": "incollection",
          "inbook": "inbook", "inproceedings": "inproceedings", "book": "book", "mvbook": "mvbook",
          "collection": "collection", "proceedings": "proceedings", "online": "online", "report": "report",
          "techreport": "report", "thesis": "thesis", "misc": "misc", "periodical": "periodical"}
_UNESCAPE = [(r"\textbackslash{}", "\\"), (r"\{", "{"), (r"\}", "}"), (r"\&", "&"), (r"\%", "%"), (r"\$", "$"),
             (r"\#", "#"), (r"\_", "_"), (r"\textasciicircum{}", "^"), (r"\textasciitilde{}", "~")]


def _plain(value: str) -> str:
    for escaped, char in _UNESCAPE:
        value = value.replace(escaped, char)
    return re.sub(r"(?<!\\)[{}]", "", value).strip()


def _people(value: str, role: str) -> list[Person]:
    persons = []
    for part in re.split(r"\s+and\s+", value.strip()):
        if not part:
            continue
        if part.startswith("{") and part.endswith("}"):
            persons.append(Person(corporate=_plain(part[1:-1]), role=role))
        elif part == "others":
            persons.append(Person(family="others", role=role))
        else:
            family, _, given = _plain(part).partition(",")
            persons.append(Person(family=family.strip(), given=given.strip(), role=role))
    return persons


def _language(langid: str) -> str:
    for entry in _languages():
        if entry["langid"] == langid.strip().casefold():
            return str(entry["lang"])
    return ""


def read_biblatex(text: str) -> list[Reference]:
    """The entries of a .bib text as records, in file order."""
    library = bibtexparser.parse_string(text)
    if library.failed_blocks and not library.entries:
        raise InputError("no BibLaTeX entry could be read")
    refs = []
    for entry in library.entries:
        raw = {name.casefold(): str(field.value) for name, field in entry.fields_dict.items()}
        get = lambda name: _plain(raw.get(name, ""))  # noqa: E731 - a local shorthand
        ref = Reference(entry_type=_TYPES.get(entry.entry_type.casefold(), "misc"))
        ref.authors = _people(raw.get("author", ""), "author")
        ref.editors = _people(raw.get("editor", ""), "compiler" if get("editortype") == "compiler" else "editor")
        ref.translators = _people(raw.get("translator", ""), "translator")
        ref.title, ref.subtitle, ref.genre = get("title"), get("subtitle"), get("titleaddon")
        host_title = get("journaltitle") or get("journal") or get("booktitle")
        if host_title:
            ref.host = Reference(entry_type="periodical" if ref.entry_type == "article" else "book",
                                 title=host_title, subtitle=get("journalsubtitle") or get("booksubtitle"),
                                 genre=get("booktitleaddon"), authors=_people(raw.get("bookauthor", ""), "author"))
        ref.places = [p for p in re.split(r"\s+and\s+", get("location") or get("address")) if p]
        ref.publishers = [p for p in re.split(r"\s+and\s+", get("publisher")) if p]
        ref.organizations = [p for p in re.split(r"\s+and\s+", get("organization")) if p]
        ref.year = get("date") or get("year")
        ref.pagetotal, ref.pages = get("pagetotal"), get("pages").replace("--", "–")
        ref.volume, ref.number, ref.edition, ref.series = get("volume"), get("number"), get("edition"), get("series")
        ref.thesis_type, ref.doi, ref.url, ref.urldate = get("type"), get("doi"), get("url"), get("urldate")
        ref.isbn = [i.strip() for i in get("isbn").split(",") if i.strip()]
        ref.issn = [i.strip() for i in get("issn").split(",") if i.strip()]
        ref.note = [get("note")] if get("note") else []
        ref.language = _language(get("langid")) or "und"
        ref.script = detect_script(ref.title + " " + " ".join(p.family for p in ref.authors))
        refs.append(ref)
    return refs
