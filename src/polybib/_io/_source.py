"""The reading step's first half: a list file's bytes become the list's text, whatever it was saved
as (a Word document, UTF-8/UTF-16 with or without a mark, a legacy code page), with "ä" written for
"ə" (the 1991-92 Azerbaijani alphabet) put right. What was done is said, never done silently.

>>> source = list_text("1. Äliyev H. Azärbaycan tarixi. - Bakı: Elm, 2005. - 164 s.".encode("cp1254"))
>>> source.text
'1. Əliyev H. Azərbaycan tarixi. - Bakı: Elm, 2005. - 164 s.'
>>> source.describe()
'encoding iso8859-9 (detected)'
>>> [(d.code, line) for line, d in source.diagnostics]
[('legacy-alphabet', 1)]
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .._exceptions import InputError
from .._model import Diagnostic, Severity
from ._docx import docx_text, is_docx
from ._encoding import decode_text
from ._legacy import LEGACY_CODE, normalise_legacy_alphabet

__all__ = ["ListText", "list_text", "read_bytes", "typed_text"]


@dataclass
class ListText:
    """A list's text, what it was read from ("docx", an encoding and how it was chosen), and the
    reading step's diagnostics, each with the line it is about."""

    text: str
    encoding: str = ""
    how: str = ""
    diagnostics: list[tuple[int, Diagnostic]] = field(default_factory=list)

    def describe(self) -> str:
        """One line for verbose output."""
        if self.encoding == "docx":
            return "a Word document (.docx)"
        return f"encoding {self.encoding} ({self.how})" if self.encoding else "text given as a string"


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """A file's bytes, or an `InputError` saying in one line why it cannot be read."""
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a list") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None


def typed_text(data: bytes, *, encoding: str | None = None, name: str = "<bytes>") -> str:
    """The text as it was typed (decoded, or a .docx's paragraphs), before any normalisation: for
    tools that point at lines and columns of the file (``polybib check``)."""
    if is_docx(data):
        return docx_text(data, name=name)
    return decode_text(data, encoding=encoding, name=name).text


def list_text(data: bytes | str, *, encoding: str | None = None, name: str = "<bytes>") -> ListText:
    """The list's text from a file's bytes (or from text already decoded)."""
    if isinstance(data, str):
        source = ListText(data)
    elif is_docx(data):
        source = ListText(docx_text(data, name=name), "docx", "zip")
    else:
        decoded = decode_text(data, encoding=encoding, name=name)
        source = ListText(decoded.text, decoded.encoding, decoded.how)
    source.text, changed = normalise_legacy_alphabet(source.text)
    for line, count in changed.items():
        source.diagnostics.append((line, Diagnostic(
            LEGACY_CODE, f"'ä' read as 'ə' ({count} letter{'s' if count > 1 else ''}): the line is written in "
            "the 1991-92 Azerbaijani Latin alphabet", Severity.INFO)))
    return source
