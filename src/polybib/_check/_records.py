"""Lists kept as records: a BibLaTeX/BibTeX file or CSL-JSON, read into `Reference`s for the checker.

The record rules (elements, identifiers, plausibility, duplicates, order) run on them as on a parsed
list; the rules on characters run on each field's value. Findings point at the line where the entry
starts (BibLaTeX) or where the item's ``id`` is (CSL-JSON); repairs are not written back to these files.

>>> entries = read_csl_json('[{"id": "osmanov2004", "type": "book", "title": "MDB Dövlətlərinin coğrafiyası",'
...                         ' "author": [{"family": "Osmanov", "given": "İ.O."}], "issued": {"date-parts": [[2004]]},'
...                         ' "publisher": "BDU nəşriyyatı", "publisher-place": "Bakı", "number-of-pages": "342"}]')
>>> ref = entries[0].ref
>>> ref.entry_type, ref.authors[0].display(), ref.year, ref.places, ref.pagetotal, entries[0].ref.line
('book', 'Osmanov, İ.O.', '2004', ['Bakı'], '342', 1)
>>> entries = read_bib("@book{ivanov2019,\\n  author = {Иванов, И. И.},\\n  title = {Очерки истории},\\n"
...                    "  location = {Москва}, publisher = {Наука}, year = {2019}, pagetotal = {512}\\n}")
>>> entries[0].ref.authors[0].family, entries[0].ref.places, entries[0].fields["title"]
('Иванов', ['Москва'], 'Очерки истории')
"""

from __future__ import annotations

import json
import re
from typing import Any

from .._exceptions import InputError
from .._lang import detect_language, detect_script
from .._model import Person, Reference
from ._input import Entry

__all__ = ["looks_like_bib", "looks_like_csl_json", "read_bib", "read_csl_json"]

_CSL_TYPES = {"book": "book", "chapter": "incollection", "article-journal": "article", "article": "article",
              "article-magazine": "article", "article-newspaper": "article", "paper-conference": "inproceedings",
              "thesis": "thesis", "webpage": "online", "post-weblog": "online", "legislation": "legislation",
              "periodical": "periodical", "report": "report"}
_BIB_TYPES = {"phdthesis": "thesis", "mastersthesis": "thesis", "inbook": "incollection", "misc": "misc",
              "www": "online", "electronic": "online", "proceedings": "collection"}


def looks_like_bib(text: str) -> bool:
    return bool(re.match(r"\s*(?:%[^\n]*\n\s*)*@\w+\s*[{(]", text))


def looks_like_csl_json(text: str) -> bool:
    return text.lstrip().startswith("[") and text.rstrip().endswith("]") and '"type"' in text


def _person(name: Any) -> Person:
    if isinstance(name, dict):
        if "literal" in name:
            return Person(corporate=str(name["literal"]))
        return Person(family=str(name.get("family", "")), given=str(name.get("given", "")))
    text = str(name).strip()
    if text.startswith("{") and text.endswith("}"):
        return Person(corporate=text[1:-1])
    if "," in text:
        family, given = text.split(",", 1)
        return Person(family=family.strip(), given=given.strip())
    words = text.split()
    return Person(family=words[-1], given=" ".join(words[:-1])) if words else Person()


def _pages(value: str) -> str:
    return re.sub(r"\s?[-–—]+\s?", "--", value.strip())


def _fill(ref: Reference, field: str, value: str) -> None:
    """One field of either format into the model (the names are BibLaTeX's)."""
    if field == "title":
        ref.title = value
    elif field in ("journaltitle", "journal", "booktitle", "container-title"):
        ref.host = ref.host or Reference(entry_type="periodical")
        ref.host.title = value
    elif field in ("location", "address", "publisher-place"):
        ref.places = [p.strip() for p in re.split(r"\s+and\s+|;", value) if p.strip()]
    elif field == "publisher":
        ref.publishers = [p.strip() for p in re.split(r"\s+and\s+|;", value) if p.strip()]
    elif field in ("year", "date"):
        ref.year = ref.year or (value[:4] if re.match(r"\d{4}", value) else value)
    elif field in ("pages", "page"):
        ref.pages = _pages(value)
    elif field in ("pagetotal", "number-of-pages"):
        ref.pagetotal = value
    elif field in ("number", "issue"):
        ref.number = value
    elif field == "volume":
        ref.volume = value
    elif field in ("isbn", "issn"):
        getattr(ref, field).extend(v for v in re.split(r"[\s,;]+(?=\d)", value) if v)
    elif field == "doi":
        ref.doi = value
    elif field == "url":
        ref.url = value
    elif field in ("urldate", "accessed"):
        ref.urldate = value
    elif field in ("type", "genre") and ref.entry_type == "thesis":
        ref.thesis_type = value
    elif field in ("note", "addendum"):
        ref.note.append(value)


def read_csl_json(text: str) -> list[Entry]:
    """The items of a CSL-JSON array as entries (``fields`` holds each string value)."""
    try:
        items = json.loads(text)
    except ValueError as exc:
        raise InputError(f"not CSL-JSON: {exc}") from None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise InputError("not CSL-JSON: the top level is not an array of items")
    entries = []
    for index, item in enumerate(items, 1):
        ref = Reference(entry_type=_CSL_TYPES.get(str(item.get("type", "")), "misc"))
        fields: dict[str, str] = {}
        for role, target in (("author", ref.authors), ("editor", ref.editors), ("translator", ref.translators)):
            target.extend(_person(n) for n in item.get(role, []) or [])
            if item.get(role):
                fields[role] = "; ".join(_person(n).display() for n in item[role])
        for field, value in item.items():
            if field in ("issued", "accessed") and isinstance(value, dict):
                parts = value.get("date-parts") or [[]]
                value = "-".join(str(p) for p in parts[0]) if parts and parts[0] else str(value.get("raw") or
                                                                                        value.get("literal") or "")
            if isinstance(value, (str, int)) and field not in ("id", "type"):
                fields[field] = str(value)
                _fill(ref, "year" if field == "issued" else field, str(value))
        _settle_language(ref, str(item.get("language", "")))
        ref.line = _line_of(text, f'"id": {json.dumps(item.get("id"), ensure_ascii=False)}') or index
        entries.append(Entry(index, ref, "", fields=fields))
    return entries


def read_bib(text: str) -> list[Entry]:
    """The entries of a BibLaTeX or BibTeX file (bibtexparser 2) as entries."""
    import bibtexparser

    library = bibtexparser.parse_string(text)
    if library.failed_blocks and not library.entries:
        raise InputError("not BibTeX: no entry could be read")
    entries = []
    for index, bib in enumerate(library.entries, 1):
        kind = bib.entry_type.lower()
        ref = Reference(entry_type=_BIB_TYPES.get(kind, kind), line=bib.start_line + 1)
        fields: dict[str, str] = {}
        for field in bib.fields:
            name = field.key.lower()
            value = re.sub(r"(?<!\\)[{}]", "", str(field.value)).strip()
            fields[name] = value
            if name in ("author", "editor", "translator"):
                people = [_person(n) for n in re.split(r"\s+and\s+", str(field.value)) if n.strip()]
                {"author": ref.authors, "editor": ref.editors, "translator": ref.translators}[name].extend(people)
            else:
                _fill(ref, name, value)
        _settle_language(ref, fields.get("langid", fields.get("language", "")))
        entries.append(Entry(index, ref, "", fields=fields))
    return entries


def _settle_language(ref: Reference, declared: str) -> None:
    """The script and language the collation needs: as declared ("az-Latn", "russian"), else detected."""
    sample = ref.title or " ".join(p.display() for p in ref.authors)
    ref.script = detect_script(sample)
    names = {"azerbaijani": "az", "russian": "ru", "ukrainian": "uk", "english": "en", "kazakh": "kk"}
    declared = names.get(declared.casefold(), declared.split("-")[0].casefold())
    ref.language = declared or detect_language(sample, script=ref.script)


def _line_of(text: str, needle: str) -> int | None:
    position = text.find(needle)
    return text.count("\n", 0, position) + 1 if position >= 0 else None
