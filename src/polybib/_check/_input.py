"""The list as the checker sees it: its text (when there is one), and each reference with the place
of every character of its text in the list, so findings get a line and a column and fixes an offset.

>>> checked = load("Ədəbiyyat:\\n1. Əliyev H. Tarix. - Bakı:\\n   Elm, 2005. - 164 s.\\n")
>>> entry = checked.entries[0]
>>> entry.label, entry.ref.line, entry.raw
('1', 2, 'Əliyev H. Tarix. - Bakı: Elm, 2005. - 164 s.')
>>> checked.position(entry.absolute(entry.raw.index("Elm")))
(3, 4)

`open_text` reads the same list one reference at a time: each is parsed as it is reached and can be
let go once checked, so a long list is checked in memory that does not grow with its records.

>>> streamed = open_text("Ədəbiyyat:\\n1. Əliyev H. Tarix. - Bakı:\\n   Elm, 2005. - 164 s.\\n", "<text>")
>>> [(e.index, e.label, e.raw) for e in streamed.each()]
[(1, '1', 'Əliyev H. Tarix. - Bakı: Elm, 2005. - 164 s.')]
>>> streamed.title, streamed.count
('Ədəbiyyat', 1)
"""

from __future__ import annotations

import bisect
import os
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .._exceptions import CheckError
from .._model import Diagnostic, Reference
from .._reader import ListItem, ListSplitter, ReferenceList, _read_text, parse_item, split_list

__all__ = ["CheckedList", "Entry", "Unread", "load", "open_text", "source_text"]

# Where str.splitlines breaks a line (the reader numbers lines as it does), found one at a time.
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


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


_READ: Iterator[Entry] = iter(())   # a stream's place once it has been read


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
    """The references of a list with the text they were read from (``text`` is None for records).

    ``entries`` holds them all, or is empty when the list is read one reference at a time
    (`open_text`); `each` gives them either way."""

    source: str
    entries: list[Entry]
    text: str | None = None
    title: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)   # what the reader skipped, each reported on its own
    count: int = 0                                       # how many references: known at the end of a stream
    _line_starts: array = field(default_factory=lambda: array("q"), repr=False)
    _stream: Iterator[Entry] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.text is not None:
            self._line_starts = _line_starts(self.text)
        self.count = self.count or len(self.entries)

    def each(self) -> Iterator[Entry]:
        """The references in order: those held, or each parsed as it is reached (once only)."""
        if self._stream is None:
            yield from self.entries
            return
        if self._stream is _READ:
            raise CheckError(f"{self.source}: the list is read one reference at a time, and it has been read")
        stream, self._stream = self._stream, _READ
        yield from stream

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in the list's text."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_text(self, line: int) -> str:
        """Line ``line`` (1-based) without its line break."""
        if self.text is None:
            return ""
        start = self._line_starts[line - 1]
        end = _LINE_BREAK.search(self.text, start)
        return self.text[start:] if end is None else self.text[start:end.start()]


def load(source: str | os.PathLike[str] | Sequence[Reference], *, encoding: str | None = None) -> CheckedList:
    """A list given as a path, as its text, or as records already parsed (then without columns)."""
    if isinstance(source, (str, os.PathLike)):
        return _from_text(*source_text(source, encoding=encoding))
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


def source_text(source: str | os.PathLike[str], *, encoding: str | None = None) -> tuple[str, str]:
    """A list's text and name: a path's (the file read as typed), or a text's own ("<text>")."""
    if isinstance(source, os.PathLike) or ("\n" not in source and len(source) < 4096 and os.path.isfile(source)):
        return _read_text(Path(source), encoding), str(source)
    return str(source), "<text>"


def open_text(text: str, name: str) -> CheckedList:
    """Like `_from_text`, but a text list's references are parsed one at a time by `CheckedList.each`
    (.bib and CSL-JSON files are read whole, as their readers do)."""
    if _is_records(text, name):
        return _from_text(text, name)
    checked = CheckedList(name, [], text)
    checked._stream = _stream(checked)
    return checked


def _stream(checked: CheckedList) -> Iterator[Entry]:
    text, starts = checked.text or "", checked._line_starts
    splitter = ListSplitter()
    index = 0
    for number, line in enumerate(_lines(text), 1):
        item = splitter.feed(number, line)
        if item is not None:
            index += 1
            yield _entry(index, item, text, starts)
    item = splitter.finish()
    if item is not None:
        index += 1
        yield _entry(index, item, text, starts)
    checked.title, checked.diagnostics, checked.count = splitter.title, splitter.diagnostics, index


def _entry(index: int, item: ListItem, text: str, line_starts: array) -> Entry:
    return Entry(index, parse_item(item), item.text, item.label, _align(item.text, text, line_starts[item.line - 1]))


def _lines(text: str) -> Iterator[str]:
    """``text.splitlines()``, one line at a time."""
    start = 0
    for match in _LINE_BREAK.finditer(text):
        yield text[start:match.start()]
        start = match.end()
    if start < len(text):
        yield text[start:]


def _line_starts(text: str) -> array:
    """Where each line starts, the lines broken where `_lines` breaks them: the reader's line numbers
    and the findings' are the same lines (a lone "\\r" or a U+2028 ends a line too)."""
    starts = array("q", [0])
    starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
    return starts


def _is_records(text: str, name: str) -> bool:
    from ._records import looks_like_bib, looks_like_csl_json

    folded = name.casefold()
    return folded.endswith((".bib", ".json")) or (not folded.endswith(".txt")
                                                  and (looks_like_bib(text) or looks_like_csl_json(text)))


def _from_text(text: str, name: str) -> CheckedList:
    from ._records import looks_like_bib, looks_like_csl_json, read_bib, read_csl_json

    if name.casefold().endswith(".bib") or (not name.casefold().endswith(".txt") and looks_like_bib(text)):
        entries, unread = read_bib(text)
        return CheckedList(name, entries, None, unread=unread)
    if name.casefold().endswith(".json") or (not name.casefold().endswith(".txt") and looks_like_csl_json(text)):
        return CheckedList(name, read_csl_json(text), None)
    title, items, diagnostics = split_list(text)
    checked = CheckedList(name, [], text, title, diagnostics)
    checked.entries = [_entry(index, item, text, checked._line_starts) for index, item in enumerate(items, 1)]
    checked.count = len(checked.entries)
    return checked


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
