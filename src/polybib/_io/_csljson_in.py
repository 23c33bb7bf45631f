"""Read CSL-JSON (a list of items, or one item) into the model: the inverse of `polybib.to_csl_json`.

CSL has no subtitle, no biblatex entry type beyond its own, no "titleaddon" of a host: what
`to_csl_json` could not say in CSL variables it keeps in the item's ``custom`` object (CSL 1.0.2's
place for "additional information that does not have a designated CSL JSON field"), and this
reader takes it back, so that BibLaTeX → CSL-JSON → BibLaTeX changes nothing. Items written by
other programs have no ``custom`` and are read from their variables alone.

>>> refs = read_csl_json('[{"id": "aliyev2005", "type": "book", "title": "Azərbaycan tarixi",'
...     ' "author": [{"family": "Əliyev", "given": "H."}], "publisher-place": "Bakı",'
...     ' "issued": {"date-parts": [[2005]]}, "language": "az-Latn", "keyword": "tarix"}]')
>>> r = refs[0]
>>> r.key, r.authors[0].display(), r.places, r.year, r.language, r.script
('aliyev2005', 'Əliyev, H.', ['Bakı'], '2005', 'az', 'Latn')
>>> [d.message for d in r.diagnostics]
["variable 'keyword' (tarix) has no place in polybib's model"]
"""

from __future__ import annotations

import json
from typing import Any

from .._csljson import CUSTOM_KEY
from .._exceptions import InputError
from .._model import Person, Reference, Severity

__all__ = ["CUSTOM_KEY", "read_csl_json"]

_TYPES = {"book": "book", "chapter": "incollection", "article-journal": "article", "article-newspaper": "article",
          "article-magazine": "article", "article": "article", "paper-conference": "inproceedings",
          "thesis": "thesis", "webpage": "online", "post-weblog": "online", "legislation": "legislation",
          "periodical": "periodical", "report": "report", "document": "misc", "entry-encyclopedia": "incollection",
          "entry-dictionary": "incollection", "collection": "collection"}
_SCALARS = {"number-of-pages": "pagetotal", "volume": "volume", "number-of-volumes": "volumes", "issue": "number",
            "edition": "edition", "DOI": "doi", "URL": "url", "genre": "genre"}
_LISTS = {"publisher": "publishers", "publisher-place": "places", "authority": "organizations"}
_IGNORED = {"id", "type", "custom"}


def _person(name: dict[str, Any], role: str) -> Person:
    if "literal" in name:
        literal = str(name["literal"])
        return Person(family="others", role=role) if literal == "others" else Person(corporate=literal, role=role)
    family = " ".join(str(name.get(p, "")) for p in ("non-dropping-particle", "family") if name.get(p))
    given = " ".join(str(name.get(p, "")) for p in ("given", "dropping-particle") if name.get(p))
    return Person(family=family, given=given, role=role)


def _date(value: dict[str, Any]) -> str:
    """"2005", "2005-03-12"; two date-parts (a range) as "1958/1963"."""
    dates = ["-".join(f"{int(p):02d}" if i else str(p) for i, p in enumerate(parts))
             for parts in (value.get("date-parts") or [])[:2] if parts]
    return "/".join(dates) or str(value.get("literal") or value.get("raw") or "")


def read_csl_json(text: str, *, name: str = "<csl-json>") -> list[Reference]:
    """The items of a CSL-JSON document as records, in order."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    items = data if isinstance(data, list) else [data]
    if not all(isinstance(item, dict) for item in items):
        raise InputError(f"{name}: CSL-JSON is a list of objects")
    return [_reference(item) for item in items]


def _reference(item: dict[str, Any]) -> Reference:
    custom = (item.get("custom") or {}).get(CUSTOM_KEY, {})
    ref = Reference(entry_type=custom.get("entry-type") or _TYPES.get(str(item.get("type")), "misc"),
                    key=str(item.get("id", "")))
    host = Reference(entry_type="periodical" if ref.entry_type == "article" else "book")
    for variable, value in item.items():
        if variable in _IGNORED:
            continue
        if variable in ("author", "editor", "compiler", "translator", "container-author"):
            role = {"author": "author", "container-author": "author"}.get(variable, variable)
            persons = [_person(n, role) for n in value]
            {"author": ref.authors, "editor": ref.editors, "compiler": ref.editors, "translator": ref.translators,
             "container-author": host.authors}[variable].extend(persons)
        elif variable == "note":
            ref.note.append(str(value))
        elif variable == "title":
            ref.title = str(value)
        elif variable == "container-title":
            host.title = str(value)
        elif variable in _SCALARS:
            setattr(ref, _SCALARS[variable], str(value))
        elif variable in _LISTS:
            separator = "; "
            getattr(ref, _LISTS[variable]).extend(v.strip() for v in str(value).split(separator) if v.strip())
        elif variable in ("ISBN", "ISSN"):
            getattr(ref, variable.lower()).extend(v.strip() for v in str(value).split(",") if v.strip())
        elif variable == "page":
            ref.pages = str(value).replace("–", "--")
        elif variable == "collection-title":
            ref.series = str(value)
        elif variable == "volume-title":
            ref.maintitle = str(value)
        elif variable == "issued":
            ref.year = _date(value)
        elif variable == "accessed":
            ref.urldate = _date(value)
        elif variable == "language":
            ref.language, _, ref.script = str(value).partition("-")
        else:
            ref.diagnose("unmapped-field", f"variable {variable!r} ({str(value)[:40]}) has no place in polybib's "
                         "model", severity=Severity.INFO)
    if ref.entry_type == "thesis" and ref.genre:
        ref.thesis_type, ref.genre = ref.genre, ""
    for field, value in custom.items():
        if field == "and-others":   # the roles whose list ended "[и др.]", "[et al.]"
            for role in value:
                people = {"author": ref.authors, "editor": ref.editors, "compiler": ref.editors,
                          "translator": ref.translators, "container-author": host.authors}.get(role)
                if people is not None:
                    people.append(Person(family="others", role="author" if role == "container-author" else role))
        elif field.startswith("host-"):
            setattr(host, field[5:], value)
        elif field != "entry-type":
            setattr(ref, field, value)
    if host.title or host.authors:
        ref.host = host
    return ref
