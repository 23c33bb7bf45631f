"""The list as the checker sees it: its text (when there is one), and each reference with the place
of every character of its text in the list, so findings get a line and a column and fixes an offset.

>>> checked = load("Ədəbiyyat:\\n1. Əliyev H. Tarix. - Bakı:\\n   Elm, 2005. - 164 s.\\n")
>>> entry = checked.entries[0]
>>> entry.label, entry.ref.line, entry.raw
('1', 2, 'Əliyev H. Tarix. - Bakı: Elm, 2005. - 164 s.')
>>> checked.position(entry.absolute(entry.raw.index("Elm")))
(3, 4)
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .._model import Diagnostic, Reference
from .._reader import ReferenceList, _read_text, parse_item, split_list

__all__ = ["CheckedList", "Entry", "Unread", "load"]


@dataclass
class Entry:
    """One reference of the list: its record, its text, its number label and where its text is."""

    index: int                      # 1-based position in the list
    ref: Reference
    raw: str
    label: str | None = None
    offsets: list[int] | None = None  # offsets[i] = where raw[i] is in the list's text
    fields: dict[str, str] | None = None  # a record read from .bib or CSL-JSON: its fields' values

    def absolute(self, offset: int) -> int | None:
        """Where ``raw[offset]`` is in the list's text (offset == len(raw) is just after the last)."""
        if self.offsets is None or not self.raw:
            return None
        if offset >= len(self.raw):
            return self.offsets[-1] + 1
        return self.offsets[max(offset, 0)]


@dataclass(frozen=True)
class Unread:
    """A part of a file the reader could not read and skipped (a broken block of a .bib file): the
    reader's diagnostic code and message, the lines it spans, and its first line."""

    code: str
    message: str
    line: int
    end_line: int
    text: str


@dataclass
class CheckedList:
    """The references of a list with the text they were read from (``text`` is None for records)."""

    source: str
    entries: list[Entry]
    text: str | None = None
    title: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)   # what the reader skipped, each reported on its own
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if self.text is not None:
            self._line_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in the list's text."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_text(self, line: int) -> str:
        if self.text is None:
            return ""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]


def load(source: str | os.PathLike[str] | Sequence[Reference], *, encoding: str | None = None) -> CheckedList:
    """A list given as a path, as its text, or as records already parsed (then without columns)."""
    if isinstance(source, (str, os.PathLike)):
        name, text = "<text>", None
        if isinstance(source, os.PathLike) or ("\n" not in source and len(source) < 4096
                                                and os.path.isfile(source)):
            name, text = str(source), _read_text(Path(source), encoding)
        else:
            text = str(source)
        return _from_text(text, name)
    refs = list(source)
    name = getattr(source, "source", "<records>")
    diagnostics = list(getattr(source, "diagnostics", []))
    entries = [Entry(i, ref, ref.raw) for i, ref in enumerate(refs, 1)]
    if isinstance(source, ReferenceList) and os.path.isfile(name):
        text = _read_text(Path(name), encoding)
        checked = _from_text(text, name)
        if [e.raw for e in checked.entries] == [r.raw for r in refs]:
            for entry, ref in zip(checked.entries, refs):
                entry.ref = ref
            return checked
    return CheckedList(name, entries, None, getattr(source, "title", ""), diagnostics)


def _from_text(text: str, name: str) -> CheckedList:
    from ._records import looks_like_bib, looks_like_csl_json, read_bib, read_csl_json

    if name.casefold().endswith(".bib") or (not name.casefold().endswith(".txt") and looks_like_bib(text)):
        entries, unread = read_bib(text)
        return CheckedList(name, entries, None, unread=unread)
    if name.casefold().endswith(".json") or (not name.casefold().endswith(".txt") and looks_like_csl_json(text)):
        return CheckedList(name, read_csl_json(text), None)
    title, items, diagnostics = split_list(text)
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    entries = []
    for index, item in enumerate(items, 1):
        ref = parse_item(item)
        start = line_starts[item.line - 1]
        entries.append(Entry(index, ref, item.text, item.label, _align(item.text, text, start)))
    return CheckedList(name, entries, text, title, diagnostics)


def _align(raw: str, text: str, start: int) -> list[int]:
    """Map each character of an item's text to the list's text, from ``start`` (the item's first line).

    The reader strips the number label and the indentation, joins wrapped lines with one space and
    drops a hyphen that broke a word across lines; everything else is the same characters in order."""
    first = text.find(raw[:12], start) if raw else start
    j = first if first >= 0 else start
    offsets = []
    for ch in raw:
        while j < len(text) and text[j] != ch and (text[j].isspace() or text[j] == "-") and not ch.isspace():
            j += 1
        if j < len(text) and text[j] == ch:
            offsets.append(j)
            j += 1
        elif ch.isspace():
            offsets.append(j)   # the space that joined two lines stands where the line break is
            while j < len(text) and text[j].isspace():
                j += 1
        else:
            offsets.append(min(j, len(text) - 1))
    return offsets
