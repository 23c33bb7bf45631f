"""CSL-JSON written from the model (never through citeproc-py's BibTeX reader, which maps
incollection to article-journal, drops fields and reads ASCII only).

>>> from polybib import parse_reference
>>> ref = parse_reference("Шакирзаде Н. А. Содружество. - Баку : Сада, 2007. - 512 с.")
>>> item = to_csl_json([ref])[0]
>>> item["type"], item["author"], item["publisher-place"], item["number-of-pages"], item["language"]
('book', [{'family': 'Шакирзаде', 'given': 'Н. А.'}], 'Баку', '512', 'ru-Cyrl')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._biblatex import reference_keys
from ._lang import bcp47
from ._model import Person, Reference

CUSTOM_KEY = "polybib"  # the key of our object in an item's "custom" (CSL 1.0.2)

__all__ = ["to_csl_json"]

_TYPES = {"book": "book", "mvbook": "book", "collection": "book", "incollection": "chapter",
          "inbook": "chapter", "article": "article-journal", "inproceedings": "paper-conference",
          "proceedings": "book", "thesis": "thesis", "online": "webpage", "legislation": "legislation",
          "periodical": "periodical", "report": "report", "misc": "document"}


def _name(person: Person) -> dict[str, str]:
    if person.corporate:
        return {"literal": person.corporate}
    name = {"family": person.family}
    if person.given:
        name["given"] = person.given
    return name


def _date(value: str) -> dict[str, Any]:
    """"2005", "2005-03-12", or a range of years "1958/1963" (two date-parts, as CSL-JSON writes a range)."""
    ranges = [[int(p) for p in date.split("-") if p.isdigit()] for date in value.split("/")]
    return {"date-parts": ranges} if all(ranges) else {"literal": value}


def to_csl_json(refs: Sequence[Reference], *, read_back: bool = True) -> list[dict[str, Any]]:
    """The records as CSL-JSON items (a list of dicts, ready for ``json.dumps``). ``read_back=False``
    skips reading each item back to find what CSL-JSON would lose (kept in "custom", which CSL
    processors ignore; "and others" is kept all the same): the formatter needs none of it."""
    items = []
    for ref, key in zip(refs, reference_keys(refs)):
        item: dict[str, Any] = {"id": key, "type": _TYPES.get(ref.entry_type, "document")}
        if ref.entry_type == "article" and ref.date:
            item["type"] = "article-newspaper"
        host = ref.host
        people = {"author": ref.authors, "editor": [p for p in ref.editors if p.role == "editor"],
                  "compiler": [p for p in ref.editors if p.role == "compiler"], "translator": ref.translators,
                  "container-author": host.authors if host else []}
        and_others = []
        for role, persons in people.items():
            named = [_name(p) for p in persons if p.family != "others"]
            if named:
                item[role] = named
            if any(p.family == "others" for p in persons):
                and_others.append(role)   # "[и др.]": CSL has no name for "others"; styles print et al.
        title = ref.title + (f": {ref.subtitle}" if ref.subtitle else "")
        item["title"] = title
        if ref.genre:
            item["genre"] = ref.genre
        if ref.maintitle:
            item["collection-title" if not ref.series else "volume-title"] = ref.maintitle
        if host is not None and host.title:
            item["container-title"] = host.title + (f": {host.subtitle}" if host.subtitle else "")
        values = {
            "publisher": "; ".join(ref.publishers or (host.publishers if host else [])),
            "publisher-place": "; ".join(ref.places or (host.places if host else [])),
            "number-of-pages": ref.pagetotal, "page": ref.pages.replace("--", "–"), "volume": ref.volume,
            "number-of-volumes": ref.volumes, "issue": ref.number, "edition": ref.edition,
            "collection-title": ref.series, "ISBN": ", ".join(ref.isbn), "ISSN": ", ".join(ref.issn),
            "DOI": ref.doi, "URL": ref.url, "note": "; ".join(ref.note),
            "authority": "; ".join(ref.organizations), "language": bcp47(ref.language, ref.script)
            if ref.language and ref.language != "und" else "",
        }
        for name, value in values.items():
            if value and name not in item:
                item[name] = value
        if ref.year:
            item["issued"] = _date(ref.year)
        if ref.urldate:
            item["accessed"] = _date(ref.urldate)
        if ref.thesis_type:
            item["genre"] = ref.thesis_type
        kept = _custom(ref, item) if read_back else {}
        if and_others:
            kept["and-others"] = and_others
        if kept:
            item["custom"] = {CUSTOM_KEY: kept}
        items.append(item)
    return items


# Fields CSL variables may blur (a subtitle joined to its title, a biblatex type CSL does not have):
# compared after a read-back, and kept in "custom" when they would not come back as they were.
_KEPT_IN_CUSTOM = ("entry_type", "title", "subtitle", "translated_title", "genre", "maintitle", "series", "thesis_type", "date",
                   "organizations", "year", "urldate", "volumes", "pages")
_HOST_KEPT_IN_CUSTOM = ("entry_type", "title", "subtitle", "genre")


def _custom(ref: Reference, item: dict[str, Any]) -> dict[str, Any]:
    from ._io._csljson_in import _reference

    back = _reference(item)
    custom: dict[str, Any] = {}
    for name in _KEPT_IN_CUSTOM:
        if getattr(back, name) != getattr(ref, name):
            custom["entry-type" if name == "entry_type" else name] = getattr(ref, name)
    if ref.host is not None:
        for name in _HOST_KEPT_IN_CUSTOM:
            if getattr(back.host, name, "") != getattr(ref.host, name):
                custom[f"host-{name}"] = getattr(ref.host, name)
    return custom
