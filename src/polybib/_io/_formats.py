"""Every format polybib reads, by name and by file extension, and what a format loses.

Inputs: a reference list as text (.txt, .md, anything else) or as a Word document (.docx), BibTeX
or BibLaTeX (.bib), CSL-JSON (.json) and RIS (.ris). Outputs: `polybib._export.FORMATS`.
What a target cannot hold is found by writing a record in it and reading it back: the fields that
do not come back are named (`lost_fields`), so the list cannot drift from the writers.

>>> from polybib import parse_reference
>>> ref = parse_reference("Əliyev H. XXI əsr : humanitar əlaqələr / H. Əliyev ; AMEA Tarix İnstitutu. "
...                       "- Bakı : Ulu, 2008. - 316 s.")
>>> lost_fields(ref, "biblatex"), lost_fields(ref, "csl-json")
([], [])
>>> lost_fields(ref, "bibtex"), lost_fields(ref, "ris")
(['subtitle', 'title'], ['organizations', 'subtitle', 'title'])
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._exceptions import InputError
from .._lang import langid
from .._model import Reference
from .._reader import ReferenceList, read_list
from ._bibtex_in import read_bibtex
from ._csljson_in import read_csl_json
from ._encoding import decode_text
from ._ris import read_ris
from ._source import read_bytes

__all__ = ["INPUT_FORMATS", "input_format_for_path", "lost_fields", "read_references"]

INPUT_FORMATS = ("text", "docx", "bibtex", "csl-json", "ris")
_INPUT_EXTENSIONS = {".txt": "text", ".md": "text", ".docx": "docx", ".bib": "bibtex", ".bibtex": "bibtex",
                     ".json": "csl-json", ".ris": "ris"}
_READERS: dict[str, Callable[..., list[Reference]]] = {"bibtex": read_bibtex, "biblatex": read_bibtex,
                                                       "csl-json": read_csl_json, "ris": read_ris}
# not content: where a record came from, what the parser noticed, what it was derived from
_NOT_CONTENT = {"raw", "line", "spans", "diagnostics", "script", "key", "responsibility", "host"}


def input_format_for_path(path: str | os.PathLike[str]) -> str:
    """The input format a file's extension implies; a list as text when it implies none."""
    return _INPUT_EXTENSIONS.get(Path(path).suffix.casefold(), "text")


def read_references(path: str | os.PathLike[str], *, fmt: str | None = None,
                    encoding: str | None = None) -> ReferenceList:
    """Records from a file in any input format (detected from its extension unless ``fmt`` is given)."""
    fmt = fmt or input_format_for_path(path)
    if fmt in ("text", "docx"):
        return read_list(Path(path), encoding=encoding)
    if fmt not in _READERS:
        raise InputError(f"unknown input format {fmt!r}; choose one of {', '.join(INPUT_FORMATS)}")
    decoded = decode_text(read_bytes(path), encoding=encoding, name=str(path))
    refs = _READERS[fmt](decoded.text, name=str(path))
    return ReferenceList(refs, source=str(path), encoding=decoded.describe())


def _view(ref: Reference) -> dict[str, Any]:
    """A record's content, compared field by field; places and publishers as exporters see them
    (a part's own, else its host's), the language as its BibLaTeX langid."""
    view: dict[str, Any] = {}
    for field in dataclasses.fields(Reference):
        if field.name in _NOT_CONTENT:
            continue
        value = getattr(ref, field.name)
        if isinstance(value, list) and value and hasattr(value[0], "role"):
            value = [(p.display(), p.role) for p in value]
        view[field.name] = value
    host = ref.host or Reference()
    view["places"] = ref.places or host.places
    view["publishers"] = ref.publishers or host.publishers
    view["language"] = langid(ref.language)
    view["note"] = "; ".join(ref.note)  # the text of the notes; how many there were no format keeps
    for name, value in _view_host(host).items():
        view[f"host.{name}"] = value
    return view


def _view_host(host: Reference) -> dict[str, Any]:
    view = {}
    for field in dataclasses.fields(Reference):
        if field.name in _NOT_CONTENT or field.name in ("places", "publishers", "entry_type", "language"):
            continue
        value = getattr(host, field.name)
        if isinstance(value, list) and value and hasattr(value[0], "role"):
            value = [(p.display(), p.role) for p in value]
        view[field.name] = value
    return view


def lost_fields(ref: Reference, fmt: str) -> list[str]:
    """The fields of ``ref`` that format ``fmt`` cannot hold: written, read back, and compared."""
    from .._export import render

    reader = _READERS.get(fmt.removesuffix("-ascii"))
    if reader is None:
        return []
    back = reader(render([ref], fmt))
    if len(back) != 1:
        return sorted(name for name, value in _view(ref).items() if value)
    mine, theirs = _view(ref), _view(back[0])
    return sorted(name for name, value in mine.items() if value != theirs.get(name) and (value or theirs.get(name)))
