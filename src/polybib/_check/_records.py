"""Lists kept as records: a BibLaTeX/BibTeX file or CSL-JSON, read into `Reference`s for the checker.

The record rules (elements, identifiers, plausibility, duplicates, order) run on them as on a parsed
list; the rules on characters run on each field's value. Findings point at the line where the entry
starts (BibLaTeX) or where the item's ``id`` is (CSL-JSON); repairs are not written back to these files.
A block of a .bib file that cannot be read is skipped and reported on its own (``bib-syntax-error``), with
its line; the entries around it are checked.

>>> entries = read_csl_json('[{"id": "osmanov2004", "type": "book", "title": "MDB Dövlətlərinin coğrafiyası",'
...                         ' "author": [{"family": "Osmanov", "given": "İ.O."}], "issued": {"date-parts": [[2004]]},'
...                         ' "publisher": "BDU nəşriyyatı", "publisher-place": "Bakı", "number-of-pages": "342"}]')
>>> ref = entries[0].ref
>>> ref.entry_type, ref.authors[0].display(), ref.year, ref.places, ref.pagetotal, entries[0].ref.line
('book', 'Osmanov, İ.O.', '2004', ['Bakı'], '342', 1)
>>> entries, unread = read_bib("@book{ivanov2019,\\n  author = {Иванов, И. И.},\\n  title = {Очерки истории},\\n"
...                            "  location = {Москва}, publisher = {Наука}, year = {2019}, pagetotal = {512}\\n}\\n"
...                            "@book{petrov2001, title = {Unclosed, year = 2001\\n")
>>> entries[0].ref.authors[0].family, entries[0].ref.places, entries[0].fields["title"]
('Иванов', ['Москва'], 'Очерки истории')
>>> [(u.code, u.line, u.text) for u in unread]
[('bib-syntax-error', 6, '@book{petrov2001, title = {Unclosed, year = 2001')]
"""

from __future__ import annotations

import json
import re
from typing import Any

from .._exceptions import InputError
from .._lang import detect_language, detect_script
from .._model import Reference
from ._input import Entry, Unread

__all__ = ["looks_like_bib", "looks_like_csl_json", "read_bib", "read_csl_json"]

def looks_like_bib(text: str) -> bool:
    return bool(re.match(r"\s*(?:%[^\n]*\n\s*)*@\w+\s*[{(]", text))


def looks_like_csl_json(text: str) -> bool:
    return text.lstrip().startswith("[") and text.rstrip().endswith("]") and '"type"' in text


def read_csl_json(text: str) -> list[Entry]:
    """The items of a CSL-JSON array as entries: the records as `polybib.read_csl_json` reads them,
    with each item's string values (names and dates spelled out) for the character rules."""
    from .._io._csljson_in import read_csl_json as read_records

    try:
        items = json.loads(text)
    except ValueError as exc:
        raise InputError(f"not CSL-JSON: {exc}") from None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise InputError("not CSL-JSON: the top level is not an array of items")
    entries = []
    for index, (item, ref) in enumerate(zip(items, read_records(text)), 1):
        fields: dict[str, str] = {}
        for field, value in item.items():
            if field in ("author", "editor", "translator") and value:
                fields[field] = "; ".join(_display(name) for name in value)
            elif field in ("issued", "accessed") and isinstance(value, dict):
                parts = value.get("date-parts") or [[]]
                fields[field] = "-".join(str(p) for p in parts[0]) if parts and parts[0] else \
                    str(value.get("raw") or value.get("literal") or "")
            elif isinstance(value, (str, int)) and field not in ("id", "type"):
                fields[field] = str(value)
        _settle_language(ref, str(item.get("language", "")))
        ref.line = _line_of(text, f'"id": {json.dumps(item.get("id"), ensure_ascii=False)}') or index
        entries.append(Entry(index, ref, "", fields=fields))
    return entries


def _display(name: Any) -> str:
    if isinstance(name, dict):
        return str(name.get("literal") or ", ".join(str(name[p]) for p in ("family", "given") if name.get(p)))
    return str(name)


def read_bib(text: str) -> tuple[list[Entry], list[Unread]]:
    """The entries of a BibLaTeX or BibTeX file as entries: the records as `polybib.read_bibtex` reads
    them (macros, crossref, LaTeX accents), with each entry's field values as written for the
    character rules; and the blocks the reader skipped, with the reader's diagnostic and their lines."""
    import bibtexparser

    from .._io._bibtex_in import failed_block_diagnostic, read_bibtex

    refs = read_bibtex(text)
    library = bibtexparser.parse_string(text)
    unread = []
    for block in library.failed_blocks:
        diagnostic = failed_block_diagnostic(block)
        lines = block.raw.strip().splitlines() or [""]
        unread.append(Unread(diagnostic.code, re.sub(r"^line \d+: ", "", diagnostic.message), block.start_line + 1,
                             block.start_line + len(lines), lines[0].rstrip()))
    entries = []
    for index, (ref, bib) in enumerate(zip(refs, library.entries), 1):
        fields = {field.key.lower(): re.sub(r"(?<!\\)[{}]", "", str(field.value)).strip() for field in bib.fields}
        _settle_language(ref, fields.get("langid", fields.get("language", "")))
        entries.append(Entry(index, ref, "", fields=fields))
    return entries, unread


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
