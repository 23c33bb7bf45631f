"""RIS, read and written with rispy: the tag table below says which model field each tag holds.

RIS has no subtitle, no host subtitle or genre (M3 holds a thesis's type, else the genre), no corporate-author flag, no organisation: a
subtitle is joined to its title with " : " (as GOST 7.1 prints it) and the rest is named as lost
by `polybib convert`. A name without a comma and with a space is read as a corporate body.

>>> from polybib import parse_reference
>>> ref = parse_reference("Əliyev, Həmzə Hüseyn oğlu. Azərbaycan tarixi / H. H. Əliyev ; "
...                       "baş red. İ. Zeynalov. - Bakı : Elm, 2005. - 164 s.")
>>> print(to_ris([ref]).strip())
TY  - BOOK
ID  - aliyev2005
AU  - Əliyev, Həmzə Hüseyn oğlu
A2  - Zeynalov, İ.
TI  - Azərbaycan tarixi
CY  - Bakı
PB  - Elm
PY  - 2005
SP  - 164
LA  - az-Latn
ER  -
>>> back = read_ris(to_ris([ref]))[0]
>>> back.editors[0].display(), back.pagetotal, back.language
('Zeynalov, İ.', '164', 'az')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import rispy

from .._biblatex import reference_keys
from .._exceptions import InputError
from .._lang import bcp47
from .._model import Person, Reference, Severity

__all__ = ["read_ris", "to_ris"]

_TYPES = {"book": "BOOK", "mvbook": "BOOK", "collection": "EDBOOK", "proceedings": "CONF",
          "incollection": "CHAP", "inbook": "CHAP", "inproceedings": "CPAPER", "article": "JOUR",
          "thesis": "THES", "online": "ELEC", "legislation": "STAT", "periodical": "JFULL", "report": "RPRT",
          "misc": "GEN"}
_FROM_RIS = {"BOOK": "book", "EDBOOK": "collection", "CONF": "proceedings", "CHAP": "incollection",
             "CPAPER": "inproceedings", "JOUR": "article", "MGZN": "article", "NEWS": "article", "THES": "thesis",
             "ELEC": "online", "WEB": "online", "STAT": "legislation", "JFULL": "periodical", "RPRT": "report",
             "GEN": "misc"}
# model field -> rispy key (RIS tag in the comment)
_SCALARS = {"volume": "volume",            # VL
            "number": "number",            # IS
            "edition": "edition",          # ET
            "volumes": "number_of_volumes",  # NV
            "series": "tertiary_title",    # T3
            "doi": "doi",                  # DO
            "urldate": "access_date",      # Y2
            "date": "date",                # DA
            "thesis_type": "type_of_work",  # M3
            "translated_title": "translated_title"}  # TT


def _name(person: Person) -> str:
    if person.corporate:
        return person.corporate
    return f"{person.family}, {person.given}" if person.given else person.family


def _person(name: str, role: str) -> Person:
    name = name.strip()
    if name == "others":
        return Person(family="others", role=role)
    if "," in name:
        family, _, given = name.partition(",")
        return Person(family=family.strip(), given=given.strip(), role=role)
    if " " in name:
        return Person(corporate=name, role=role)
    return Person(family=name, role=role)


def _record(ref: Reference, key: str) -> dict[str, Any]:
    record: dict[str, Any] = {"type_of_reference": _TYPES.get(ref.entry_type, "GEN"), "id": key}
    if ref.entry_type == "article" and ref.date:
        record["type_of_reference"] = "NEWS"
    host = ref.host
    people = {"authors": ref.authors, "secondary_authors": ref.editors, "subsidiary_authors": ref.translators,
              "tertiary_authors": host.authors if host else []}
    for key_name, persons in people.items():
        if persons:
            record[key_name] = [_name(p) for p in persons]
    record["title"] = ref.title + (f" : {ref.subtitle}" if ref.subtitle else "")
    if host is not None and host.title:
        record["secondary_title"] = host.title + (f" : {host.subtitle}" if host.subtitle else "")
    places = ref.places or (host.places if host else [])
    publishers = ref.publishers or (host.publishers if host else [])
    if places:
        record["place_published"] = "; ".join(places)
    if publishers:
        record["publisher"] = "; ".join(publishers)
    if ref.year:
        record["year"] = ref.year.split("/")[0]   # RIS has no range of years: "1958/1963" keeps 1958
    if ref.pages:
        start, _, end = ref.pages.partition("--")
        record["start_page"] = start
        if end:
            record["end_page"] = end
    elif ref.pagetotal:
        record["start_page"] = ref.pagetotal  # RIS's "number of pages" for a whole book (EndNote)
    for field, key_name in _SCALARS.items():
        if getattr(ref, field):
            record[key_name] = getattr(ref, field)
    if ref.genre and not ref.thesis_type:
        record["type_of_work"] = ref.genre  # M3: "monoqrafiya", "учебник"
    if ref.isbn or ref.issn:
        record["issn"] = "; ".join(ref.isbn + ref.issn)  # SN holds either
    if ref.url:
        record["urls"] = [ref.url]
    if ref.note:
        record["notes"] = list(ref.note)
    if ref.language and ref.language != "und":
        record["language"] = bcp47(ref.language, ref.script)
    return record


class _Writer(rispy.RisWriter):
    """rispy's writer without its "1." counter line before each record, which RIS does not define."""

    def set_header(self, count: int) -> str:
        return ""


def to_ris(refs: Sequence[Reference]) -> str:
    """The records as RIS text, one record per reference, in order. A line break inside a value
    becomes a space: RIS is one tag a line, and a value must not start a tag ("ER  - ") of its own."""
    return rispy.dumps([_one_line(_record(ref, key)) for ref, key in zip(refs, reference_keys(refs))],
                       implementation=_Writer)


# every character str.splitlines() breaks a line at (RIS readers split the same way)
_LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def _one_line(value: Any) -> Any:
    if isinstance(value, str):
        return _LINE_BREAKS.sub(" ", value)
    if isinstance(value, list):
        return [_one_line(item) for item in value]
    if isinstance(value, dict):
        return {name: _one_line(item) for name, item in value.items()}
    return value


def read_ris(text: str, *, name: str = "<ris>") -> list[Reference]:
    """The records of a RIS file, in order."""
    try:
        records = rispy.loads(text.lstrip("\ufeff"))
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"{name}: not RIS ({exc})") from None
    return [_reference(record) for record in records]


_KNOWN = {"type_of_reference", "id", "authors", "first_authors", "secondary_authors", "subsidiary_authors",
          "tertiary_authors", "title", "primary_title", "secondary_title", "journal_name", "place_published",
          "publisher", "year", "publication_year", "start_page", "end_page", "issn", "urls", "notes", "language",
          *_SCALARS.values()}


def _reference(record: dict[str, Any]) -> Reference:
    ref = Reference(entry_type=_FROM_RIS.get(record.get("type_of_reference", "GEN"), "misc"),
                    key=str(record.get("id", "")))
    host = Reference(entry_type="periodical" if ref.entry_type == "article" else "book")
    ref.authors = [_person(n, "author") for n in record.get("authors", []) + record.get("first_authors", [])]
    ref.editors = [_person(n, "editor") for n in record.get("secondary_authors", [])]
    ref.translators = [_person(n, "translator") for n in record.get("subsidiary_authors", [])]
    host.authors = [_person(n, "author") for n in record.get("tertiary_authors", [])]
    ref.title = record.get("title") or record.get("primary_title") or ""
    host.title = record.get("secondary_title") or record.get("journal_name") or ""
    ref.places = [p for p in record.get("place_published", "").split("; ") if p]
    ref.publishers = [p for p in record.get("publisher", "").split("; ") if p]
    ref.year = (record.get("year") or record.get("publication_year") or "").strip("/")
    start, end = record.get("start_page", ""), record.get("end_page", "")
    if end:
        ref.pages = f"{start}--{end}"
    elif start and ref.entry_type in ("book", "collection", "proceedings", "thesis", "report", "periodical"):
        ref.pagetotal = start
    elif start:
        ref.pages = start
    for field, key_name in _SCALARS.items():
        if record.get(key_name):
            setattr(ref, field, str(record[key_name]))
    for number in record.get("issn", "").split("; ") if record.get("issn") else []:
        digits = number.replace("-", "").replace(" ", "")
        (ref.issn if len(digits) == 8 else ref.isbn).append(number)
    if ref.thesis_type and ref.entry_type != "thesis":
        ref.genre, ref.thesis_type = ref.thesis_type, ""
    ref.url = (record.get("urls") or [""])[0]
    ref.note = list(record.get("notes", []))
    ref.language, _, ref.script = record.get("language", "").partition("-")
    for key_name, value in record.items():
        if key_name not in _KNOWN:
            ref.diagnose("unmapped-field", f"RIS {key_name!r} ({str(value)[:40]}) has no place in polybib's "
                         "model", severity=Severity.INFO)
    if host.title or host.authors:
        ref.host = host
    return ref
