"""Read BibTeX and BibLaTeX files into the model, with bibtexparser 2: ``@string`` macros resolved,
LaTeX-encoded accents decoded (``{\\"u}`` → ü, ``{\\i}`` → ı, ``\\&`` → &), ``crossref`` inherited
as biblatex does (the parent's ``title`` becomes the child's ``booktitle``), BibTeX's ``address``,
``journal``, ``year`` read as BibLaTeX's ``location``, ``journaltitle``, ``date``. A field the model
has no place for is named in an ``unmapped-field`` diagnostic on its record, never dropped silently.

>>> refs = read_bibtex(r'''@string{baku = "Bak{\\i}"}
... @book{aliyev2005, author = {{\\c{S}}{\\"u}k{\\"u}rov, K. and Əliyev, Həmzə},
...   title = {Az{\\schwa}rbaycan tarixi}, address = baku, publisher = {Elm}, year = 2005, keywords = {tarix}}
... @book{ivanov, author = {{Институт истории}}, title = {Очерки}, location = {М.}, date = {2019}}''')
>>> [p.display() for p in refs[0].authors], refs[0].places, refs[0].key
(['Şükürov, K.', 'Əliyev, Həmzə'], ['Bakı'], 'aliyev2005')
>>> [d.code + ": " + d.message for d in refs[0].diagnostics]
["unmapped-field: field 'keywords' (tarix) has no place in polybib's model"]
>>> refs[1].authors[0].corporate, refs[1].year, refs[1].language
('Институт истории', '2019', '')
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

import bibtexparser
from bibtexparser.model import ParsingFailedBlock

from .._exceptions import InputError
from .._model import Diagnostic, Person, Reference, Severity
from .._reader import ReferenceList

__all__ = ["decode_latex", "failed_block_diagnostic", "read_bibtex", "split_names"]

_TYPES = {"phdthesis": "thesis", "mastersthesis": "thesis", "techreport": "report", "conference": "inproceedings",
          "electronic": "online", "www": "online", "booklet": "book", "manual": "book", "unpublished": "misc"}
_THESIS_TYPES = {"phdthesis": "phdthesis", "mastersthesis": "mathesis"}
_ALIASES = {"address": "location", "journal": "journaltitle", "year": "date", "school": "institution"}
_PARTS = {"incollection", "inbook", "inproceedings", "bookinbook", "suppbook", "suppcollection"}
# biblatex's default inheritance (manual, appendix B): the parent's title is the part's booktitle
_CROSSREF_AS = {"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon",
                "author": "bookauthor"}
_NOT_INHERITED = {"ids", "crossref", "xref", "entryset", "entrysubtype", "execute", "label", "options",
                  "presort", "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand",
                  "shorthandintro", "sortkey"}
_SIMPLE_ESCAPES = re.compile(r"\\textbackslash\{\}|\\[~^]\{\}|\\[{}&%$#_]")
_ESCAPED = {r"\textbackslash{}": "\\", r"\~{}": "~", r"\^{}": "^"}
# letters pylatexenc does not know
_EXTRA_COMMANDS = {r"{\schwa}": "ə", r"\schwa": "ə", r"{\SCHWA}": "Ə", r"\SCHWA": "Ə", r"{\textschwa}": "ə",
                   r"\textschwa": "ə"}


def decode_latex(value: str) -> str:
    r"""Plain text from a LaTeX-encoded value: accents decoded, escapes undone, protective braces dropped.

    >>> decode_latex(r"M{\"u}ller \& {\c{S}}ahin, 12--15 \{x\} 50\%")
    'Müller & Şahin, 12--15 {x} 50%'
    """
    out = []
    last = 0
    for match in _SIMPLE_ESCAPES.finditer(value):
        out.append(_decode_segment(value[last:match.start()]))
        out.append(_ESCAPED.get(match.group(), match.group()[1:]))
        last = match.end()
    out.append(_decode_segment(value[last:]))
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _decode_segment(text: str) -> str:
    for command, letter in _EXTRA_COMMANDS.items():
        text = text.replace(command, letter)
    if "\\" in text:
        from pylatexenc.latex2text import LatexNodes2Text

        # keep "--" and "---" as typed: a page range stays "12--15", as BibLaTeX writes it
        text = LatexNodes2Text().latex_to_text(text.replace("-", "\ue000")).replace("\ue000", "-")
    return text.replace("{", "").replace("}", "")


def _top_level_split(value: str, separator: str) -> list[str]:
    """Split at ``separator`` outside braces (names and lists are separated by " and ")."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(value):
        char = value[i]
        if char == "\\":
            i += 2
            continue
        depth += char == "{"
        depth -= char == "}"
        if depth == 0 and value.startswith(separator, i):
            parts.append(value[start:i])
            i = start = i + len(separator)
            continue
        i += 1
    parts.append(value[start:])
    return [p.strip() for p in parts if p.strip()]


def split_names(value: str, role: str = "author") -> list[Person]:
    """Persons from a BibTeX name list: "Family, Given", "Given Family", "{Corporate Body}", "others"."""
    persons = []
    for name in _top_level_split(" ".join(value.split()), " and "):
        if name == "others":
            persons.append(Person(family="others", role=role))
        elif name.startswith("{") and name.endswith("}") and _is_wholly_braced(name):
            persons.append(Person(corporate=decode_latex(name[1:-1]), role=role))
        else:
            parts = _top_level_split(name, ",")
            if len(parts) >= 2:
                family, given = parts[0], " ".join(parts[-1:] if len(parts) == 2 else [parts[2], parts[1]])
            else:
                words = _top_level_split(name, " ")
                family, given = words[-1], " ".join(words[:-1])
            persons.append(Person(family=decode_latex(family), given=decode_latex(given), role=role))
    return persons


def _is_wholly_braced(name: str) -> bool:
    depth = 0
    for i, char in enumerate(name):
        depth += char == "{"
        depth -= char == "}"
        if depth == 0 and i < len(name) - 1:
            return False
    return True


@functools.lru_cache(maxsize=1)
def _languages_by_langid() -> dict[str, str]:
    """BibLaTeX langid -> language code, from the languages table (the first language wins)."""
    table = json.loads(resources.files("polybib").joinpath("data/languages.json").read_text(encoding="utf-8"))
    by_langid: dict[str, str] = {}
    for entry in table["entries"]:
        by_langid.setdefault(entry["langid"], entry["lang"])
    return by_langid


def _language(langid: str) -> str:
    return _languages_by_langid().get(langid.strip().casefold(), "")


def _inherit(entries: dict[str, dict[str, str]], types: dict[str, str]) -> None:
    for key, fields in entries.items():
        parent = entries.get(fields.get("crossref", "").strip())
        if parent is None:
            continue
        for name, value in parent.items():
            if name in _NOT_INHERITED:
                continue
            target = _CROSSREF_AS.get(name, name) if types[key] in _PARTS else name
            fields.setdefault(target, value)


_MONTHS = {m: str(i) for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                            "oct", "nov", "dec"), 1)}


def _resolve(value: str, macros: dict[str, str]) -> str:
    """A raw BibTeX value with its delimiters: ``{...}``, ``"..."``, a number, a macro, joined by ``#``."""
    parts = []
    for part in _top_level_split(value, "#"):
        part = part.strip()
        if len(part) >= 2 and ((part[0], part[-1]) in (("{", "}"), ('"', '"'))):
            parts.append(part[1:-1])
        elif part.isdigit():
            parts.append(part)
        else:
            parts.append(macros.get(part.casefold(), _MONTHS.get(part.casefold(), part)))
    return "".join(parts)


def read_bibtex(text: str, *, name: str = "<bib>") -> ReferenceList:
    """The entries of a BibTeX/BibLaTeX file as records, in file order; a block that cannot be read
    is skipped with a ``bib-syntax-error`` diagnostic in the list's ``diagnostics``."""
    # bibtexparser 2 splits the file; "@string" macros and "#" joins are resolved here, since its
    # own middleware resolves a lone macro but not a concatenation
    library = bibtexparser.parse_string(text, parse_stack=[])
    macros: dict[str, str] = {}
    for string in library.strings:
        macros[string.key.casefold()] = _resolve(str(string.value), macros)
    refs = []
    raw_entries: dict[str, dict[str, str]] = {}
    types: dict[str, str] = {}
    for entry in library.entries:
        fields = {}
        for field in entry.fields:
            key = field.key.casefold()
            value = _resolve(str(field.value), macros)
            fields[_ALIASES.get(key, key) if _ALIASES.get(key, key) not in fields else key] = value
        raw_entries[entry.key] = fields
        types[entry.key] = entry.entry_type.casefold()
    _inherit(raw_entries, types)
    for entry in library.entries:
        refs.append(_reference(entry.key, types[entry.key], raw_entries[entry.key], entry.start_line))
    if library.failed_blocks and not refs:
        raise InputError(f"{name}: no BibTeX entry could be read "
                         f"(line {library.failed_blocks[0].start_line + 1} is the first bad block)")
    return ReferenceList(refs, source=name, diagnostics=[failed_block_diagnostic(b) for b in library.failed_blocks])


def failed_block_diagnostic(block: ParsingFailedBlock) -> Diagnostic:
    """A block bibtexparser could not read, as a list-level error; the other entries are kept."""
    head = " ".join(block.raw.split())[:40]
    return Diagnostic("bib-syntax-error", f"line {block.start_line + 1}: the block {head!r} cannot be read, "
                      "skipped (the other entries are kept)", Severity.ERROR)


def _reference(key: str, bibtype: str, fields: dict[str, str], line: int) -> Reference:
    ref = Reference(entry_type=_TYPES.get(bibtype, bibtype), key=key, line=line + 1)
    host = Reference(entry_type="periodical" if ref.entry_type == "article" else "book")
    if bibtype in _THESIS_TYPES and "type" not in fields:
        fields["type"] = _THESIS_TYPES[bibtype]
    editor_role = "compiler" if fields.get("editortype", "").strip() == "compiler" else "editor"
    for name, value in fields.items():
        text = decode_latex(value)
        if name in ("author", "editor", "translator", "bookauthor"):
            persons = split_names(value, {"author": "author", "editor": editor_role, "translator": "translator",
                                          "bookauthor": "author"}[name])
            {"author": ref.authors, "editor": ref.editors, "translator": ref.translators,
             "bookauthor": host.authors}[name].extend(persons)
        elif name in ("location", "publisher", "organization", "institution"):
            values = [decode_latex(v) for v in _top_level_split(value, " and ")]
            {"location": ref.places, "publisher": ref.publishers, "organization": ref.organizations,
             "institution": ref.organizations}[name].extend(values)
        elif name == "date":
            ref.year = _YEARS_WITH_DASH.sub(r"\1/\2", text)   # BibTeX's "1958--1963" is BibLaTeX's 1958/1963
        elif name in _SCALARS:
            setattr(ref, _SCALARS[name], text)
        elif name in _HOST_SCALARS:
            setattr(host, _HOST_SCALARS[name], text)
            host.entry_type = "periodical" if name.startswith("journal") else "book"
        elif name in ("isbn", "issn"):
            getattr(ref, name).extend(v.strip() for v in text.split(",") if v.strip())
        elif name == "note":
            ref.note.append(text)  # one note: where the writer joined several with "; " cannot be told
        elif name == "langid":
            ref.language = _language(text)
        elif name in ("editortype", "crossref"):
            continue
        else:
            ref.diagnose("unmapped-field", f"field {name!r} ({text[:40]}) has no place in polybib's model",
                         severity=Severity.INFO)
    if ref.entry_type == "thesis" and fields.get("titleaddon"):
        ref.genre = decode_latex(fields["titleaddon"])
    if host.title or host.authors:
        ref.host = host
    return ref


_YEARS_WITH_DASH = re.compile(r"^(\d{4})\s*(?:--|[-–—])\s*(\d{4})$")
_SCALARS = {"title": "title", "subtitle": "subtitle", "titleaddon": "genre", "maintitle": "maintitle",
            "translatedtitle": "translated_title",
            "date": "year", "pagetotal": "pagetotal", "pages": "pages", "volume": "volume", "volumes": "volumes",
            "number": "number", "issue": "date", "edition": "edition", "series": "series", "type": "thesis_type",
            "doi": "doi", "url": "url", "urldate": "urldate"}
_HOST_SCALARS = {"journaltitle": "title", "journalsubtitle": "subtitle", "booktitle": "title",
                 "booksubtitle": "subtitle", "booktitleaddon": "genre"}
