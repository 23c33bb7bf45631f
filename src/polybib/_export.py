"""Write records in a named format, atomically; the one place the CLI and the API choose a writer."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ._biblatex import KeyAssigner, to_biblatex, to_bibtex
from ._csljson import to_csl_json
from ._exceptions import ExportError
from ._model import Reference

__all__ = ["FORMATS", "atomic_output", "format_for_path", "is_same_file", "keep_backup", "render", "render_stream",
           "write_atomic"]


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


def render_stream(refs: Iterable[Reference], fmt: str, *, batch: int = 500) -> Iterator[str]:
    """The records as text in format ``fmt``, piece by piece, for lists too long to hold at once.

    Joined, the pieces are exactly what `render` returns for the same records (a test compares
    them): keys are assigned across batches by one `KeyAssigner`, and CSL-JSON items are written
    one by one inside the array.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    assigner = KeyAssigner()
    first = True
    if fmt == "csl-json":
        yield "["
    for chunk in _batches(refs, batch):
        for ref, key in zip(chunk, assigner.assign(chunk)):
            ref.key = key
        if fmt == "csl-json":
            for item in to_csl_json(chunk):
                text = json.dumps(item, ensure_ascii=False, indent=2)
                yield ("\n" if first else ",\n") + "\n".join("  " + line for line in text.splitlines())
                first = False
            continue
        text = FORMATS[fmt](chunk)
        if text:
            yield text if first else _SEPARATORS.get(fmt, "") + text
            first = False
    if fmt == "csl-json":
        yield "\n]\n" if not first else "]\n"


# What stands between two entries of a format, which a batch's own text does not end with.
_SEPARATORS = {"biblatex": "\n", "bibtex": "\n", "bibtex-ascii": "\n", "ris": "\n"}


def _batches(refs: Iterable[Reference], size: int) -> Iterator[list[Reference]]:
    chunk: list[Reference] = []
    for ref in refs:
        chunk.append(ref)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename, so that an
    interrupted run never leaves a half-written file behind."""
    with atomic_output(path) as out:
        out.write(text)


def _give_mode(temporary: str, target: Path) -> None:
    """The file keeps the permissions it had; a new file gets what the umask allows (mkstemp's 0600
    would otherwise hide it from the user's group)."""
    if target.exists():
        shutil.copymode(target, temporary)
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)


@contextmanager
def atomic_output(path: str | os.PathLike[str], *, binary: bool = False,
                  mode_from: str | os.PathLike[str] | None = None) -> Iterator[Any]:
    """A file to write ``path`` through (text, or bytes with ``binary``): a temporary file in the
    same folder, renamed over ``path`` only when the block ends without an error (the old file
    survives anything else). It keeps ``path``'s permissions, or ``mode_from``'s."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write here ({exc.strerror})") from None
    try:
        with (os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="\n")) as out:
            yield out
        _give_mode(temporary, Path(mode_from) if mode_from is not None else target)
        os.replace(temporary, target)
    except OSError as exc:
        os.unlink(temporary)
        raise ExportError(f"{target}: cannot write ({exc.strerror})") from None
    except BaseException:
        os.unlink(temporary)
        raise


def is_same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """True when both paths name one existing file (through links, ``./`` and the like too)."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def keep_backup(path: str | os.PathLike[str]) -> Path:
    """Copy ``path`` byte for byte to ``path.bak`` (atomically, replacing an older backup) before the
    file is rewritten in place; return the backup's path."""
    source = Path(path)
    backup = source.with_name(source.name + ".bak")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ExportError(f"{source}: cannot be backed up ({exc.strerror})") from None
    with atomic_output(backup, binary=True, mode_from=source) as out:
        out.write(data)
    return backup
