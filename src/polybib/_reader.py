"""Read a reference list: split it into references, keep its heading, parse each one.

Numbering may be ``1.``, ``1)``, ``[1]`` or ``1 -``; a line without a number after a complete
reference starts a new one (with a diagnostic); a line that continues a wrapped reference is
joined to it; a heading line ("Recommended literature:", "Литература") is the list's title.

>>> refs = read_list('''Литература:
... 1. Иванов И. И. Очерки истории. – М. : Наука,
...    2019. – 512 с.
... 2) Əliyev H. Azərbaycan tarixi. - Bakı: Elm, 2005. - 164 s.
... Петров П. П. Записки. – Л., 1961. – 96 с.''')
>>> refs.title, len(refs), refs[0].publishers, refs[0].line, refs[2].line
('Литература', 3, ['Наука'], 2, 5)
>>> [d.code for d in refs.diagnostics]
['unnumbered-item']
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ._io._source import list_text, read_bytes, typed_text
from ._model import Diagnostic, Reference, Severity
from ._parser import parse_reference

__all__ = ["ListItem", "ReferenceList", "read_list", "split_list"]

_NUMBER = re.compile(r"^\s*(?:\[(?P<a>\d{1,3})\]|(?P<b>\d{1,3})\s?[.)](?=\s|[^\W\d])|(?P<c>\d{1,3})\s[-–—]\s|[•·▪●◦*]\s)\s*")
_HEADING = re.compile(
    r"^(?:(?:recommended|suggested|further)?\s?(?:literature|reading|references|bibliography|sources)|"
    r"(?:tövsiyə olunan\s)?ədəbiyyat(?:\ssiyahısı)?|istifadə olunmuş ədəbiyyat(?:\ssiyahısı)?|mənbələr|"
    r"(?:рекомендуемая\s|основная\s|дополнительная\s)?литература|список (?:использованн(?:ой|ых) )?"
    r"(?:литературы|источников)|библиография|використана література|список використаних джерел|"
    r"література|пайдаланылған әдебиеттер|әдебиеттер|adabiyotlar(?:\sro['‘ʻ]yxati)?|kaynakça)\s?:?$",
    re.IGNORECASE,
)


@dataclass
class ListItem:
    """One reference's text as the list gives it, with its first line and its label."""

    text: str
    line: int
    label: str | None = None


class ReferenceList(list[Reference]):
    """The parsed references of a list, with its title and the list-level diagnostics.

    ``encoding`` says how the file was read ("encoding cp1251 (detected)", "a Word document
    (.docx)"), for verbose output.
    """

    def __init__(self, refs: list[Reference] | None = None, *, title: str = "", source: str = "<text>",
                 diagnostics: list[Diagnostic] | None = None, encoding: str = "") -> None:
        super().__init__(refs or [])
        self.title = title
        self.source = source
        self.diagnostics = diagnostics or []
        self.encoding = encoding

    def __repr__(self) -> str:
        return f"ReferenceList({len(self)} references from {self.source!r})"


def read_list(source: str | os.PathLike[str], *, encoding: str | None = None) -> ReferenceList:
    """Parse a reference list given as a path or as its text.

    A `pathlib.Path` (or any ``os.PathLike``) is read from disk; a ``str`` is read from disk when it
    names an existing file and holds no line break, and is taken as the list's text otherwise.
    A file may be a Word document (.docx) or text in UTF-8, UTF-16, Windows-1251, KOI8-R,
    Windows-1254 or ISO-8859-9, detected unless ``encoding`` names one.
    """
    name = "<text>"
    if isinstance(source, os.PathLike) or ("\n" not in source and len(source) < 4096
                                            and os.path.isfile(source)):
        path = Path(source)
        name = str(path)
        text = list_text(read_bytes(path), encoding=encoding, name=name)
    else:
        text = list_text(str(source))
    title, items, diagnostics = split_list(text.text)
    refs = [parse_reference(item.text, line=item.line) for item in items]
    _attach_reading_diagnostics(refs, items, text.diagnostics, diagnostics)
    return ReferenceList(refs, title=title, source=name, diagnostics=diagnostics, encoding=text.describe())


def _attach_reading_diagnostics(refs: list[Reference], items: list[ListItem],
                                found: list[tuple[int, Diagnostic]], list_level: list[Diagnostic]) -> None:
    """Give each reading-step diagnostic to the reference whose lines it is about (else to the list)."""
    starts = [item.line for item in items]
    for line, diagnostic in found:
        index = bisect.bisect_right(starts, line) - 1
        if index >= 0:
            refs[index].diagnostics.append(diagnostic)
        else:
            list_level.append(Diagnostic(diagnostic.code, f"line {line}: {diagnostic.message}",
                                         diagnostic.severity))


def _read_text(path: Path, encoding: str | None = None) -> str:
    """A list file's text as typed (any supported encoding, or a .docx), for `polybib check`."""
    return typed_text(read_bytes(path), encoding=encoding, name=str(path))


def split_list(text: str) -> tuple[str, list[ListItem], list[Diagnostic]]:
    """Split a list's text into its title, its items and the list-level diagnostics."""
    title = ""
    items: list[ListItem] = []
    diagnostics: list[Diagnostic] = []
    current: ListItem | None = None
    numbered_seen = False
    last_number: int | None = None
    for number, raw_line in enumerate(text.splitlines(), 1):
        line = raw_line.strip()
        if not line:
            current = None
            continue
        if not items and current is None and not title and _HEADING.match(line.rstrip(".")):
            title = line.rstrip(":. ")
            continue
        match = _NUMBER.match(raw_line)
        if match and len(line) > match.end() - (len(raw_line) - len(raw_line.lstrip())):
            label = match.group("a") or match.group("b") or match.group("c")
            if label:
                value = int(label)
                if last_number is not None and value != last_number + 1:
                    diagnostics.append(Diagnostic("numbering-gap", f"line {number}: item {value} follows "
                                                  f"item {last_number}", Severity.WARNING))
                last_number = value
                numbered_seen = True
            current = ListItem(raw_line[match.end():].strip(), number, label)
            items.append(current)
            continue
        if current is not None and not _starts_new_reference(current.text, line):
            current.text = _join(current.text, line)
            continue
        if numbered_seen:
            diagnostics.append(Diagnostic("unnumbered-item", f"line {number}: a reference without a number "
                                          "in a numbered list", Severity.WARNING))
        current = ListItem(line, number)
        items.append(current)
    return title, items, diagnostics


def _starts_new_reference(previous: str, line: str) -> bool:
    """A line starts a new reference when the previous one looks complete and this one does not
    continue it (a wrapped line usually starts in lower case or the previous one has no end)."""
    if not previous.rstrip().endswith((".", ";", ")", "]")) and not re.search(r"\d\s?[sсcSpр]\.?$", previous):
        return False
    if line[:1].islower() or line[:1] in "–—-:;,/":
        return False
    return len(line) >= 15


def _join(text: str, line: str) -> str:
    if re.search(r"\w-$", text) and line[:1].islower():
        return text[:-1] + line
    return f"{text} {line}"


def iter_items(text: str) -> Iterator[ListItem]:
    """The items of a list, one by one (for streaming large lists)."""
    yield from split_list(text)[1]
