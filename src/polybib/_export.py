"""Write records in a named format, atomically; the one place the CLI and the API choose a writer."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ._biblatex import to_biblatex, to_bibtex
from ._csljson import to_csl_json
from ._exceptions import ExportError
from ._model import Reference

__all__ = ["FORMATS", "format_for_path", "render", "write_atomic"]


def _csl_json_text(refs: Sequence[Reference]) -> str:
    return json.dumps(to_csl_json(refs), ensure_ascii=False, indent=2) + "\n"


def _ris_text(refs: Sequence[Reference]) -> str:
    from ._io._ris import to_ris

    return to_ris(refs)


def _bibtex_ascii_text(refs: Sequence[Reference]) -> str:
    from ._io._ascii import to_bibtex_ascii

    return to_bibtex_ascii(refs)


FORMATS: dict[str, Callable[[Sequence[Reference]], str]] = {
    "biblatex": to_biblatex,
    "bibtex": to_bibtex,
    "bibtex-ascii": _bibtex_ascii_text,
    "csl-json": _csl_json_text,
    "ris": _ris_text,
}
_EXTENSIONS = {".bib": "biblatex", ".json": "csl-json", ".csl.json": "csl-json", ".bibtex": "bibtex",
               ".ris": "ris"}


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The output format an output file's extension implies (None when it implies none)."""
    name = os.fspath(path).casefold()
    for extension, fmt in sorted(_EXTENSIONS.items(), key=lambda kv: -len(kv[0])):
        if name.endswith(extension):
            return fmt
    return None


def render(refs: Sequence[Reference], fmt: str) -> str:
    """The records as text in format ``fmt`` (one of `FORMATS`)."""
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ExportError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return writer(refs)


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename, so that an
    interrupted run never leaves a half-written file behind."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, target)
    except OSError as exc:
        os.unlink(temporary)
        raise ExportError(f"{target}: cannot write ({exc.strerror})") from None
