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

from ._exceptions import InputError
from ._io._docx import is_docx
from ._io._encoding import decode_text
from ._io._source import ListText, list_text, read_bytes, typed_text
from ._model import Diagnostic, Reference, Severity
from ._parser import opens_with_name, parse_reference
from ._tables import role_of

__all__ = ["ListItem", "ListSplitter", "ReferenceList", "ReferenceStream", "STREAM_THRESHOLD", "open_list", "read_list",
           "split_list"]

# An item's number: up to three digits anywhere, longer ones only where they continue the numbering
# (ListSplitter.feed checks: "1998. Title" opening an unnumbered list is not item 1998)
_NUMBER = re.compile(r"^\s*(?:\[(?P<a>\d{1,7})\]|(?P<b>\d{1,7})\s?[.)](?=\s|[^\W\d])|(?P<c>\d{1,7})\s[-–—]\s|[•·▪●◦*]\s)\s*")
# List-level diagnostics kept per code; beyond, they are counted (a million-line list streams in
# bounded memory) and finish() adds one that says how many more there were.
_KEPT_PER_CODE = 1000
_HEADING = re.compile(
    r"^(?:(?:recommended|suggested|further)?\s?(?:literature|reading|references|bibliography|sources)|"
    r"(?:tövsiyə olunan\s)?ədəbiyyat(?:\ssiyahısı)?|istifadə olunmuş ədəbiyyat(?:\ssiyahısı)?|mənbələr|"
    r"(?:рекомендуемая\s|основная\s|дополнительная\s)?литература|список (?:использованн(?:ой|ых) )?"
    r"(?:литературы|источников)|библиография|використана література|список використаних джерел|"
    r"література|пайдаланылған әдебиеттер|әдебиеттер|adabiyotlar(?:\sro['‘ʻ]yxati)?|kaynakça)\s?:?$",
    re.IGNORECASE,
)

# A section inside a list: a short line of words ending with a colon, no number, no digits, no link
# ("Azərbaycan dilində:", "На русском языке:", "Əlavə ədəbiyyat:", "Internet resursları:")
_SECTION = re.compile(r"[^\W\d_][^\d/:]{0,58}(?<!\s):")


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
    return _parsed(text, name)


def read_list_bytes(data: bytes, *, name: str = "<stdin>", encoding: str | None = None) -> ReferenceList:
    """Parse a list given as a file's bytes (standard input): decoded as a file is, never taken as a
    path, undecodable bytes named by their offset (`InputError`)."""
    return _parsed(list_text(data, encoding=encoding, name=name), name)


def _parsed(text: ListText, name: str) -> ReferenceList:
    title, items, diagnostics = split_list(text.text)
    refs = [parse_item(item) for item in items]
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


class ListSplitter:
    """Splits a list's lines into items, one line at a time: the state between lines is the item
    being read, the numbering seen so far, the list's title and its diagnostics."""

    def __init__(self) -> None:
        self.title = ""
        self.diagnostics: list[Diagnostic] = []
        self._current: ListItem | None = None
        self._lines: list[str] = []   # the current item's lines, joined when it closes (no quadratic copying)
        self._items_seen = 0
        self._numbered_seen = False
        self._last_number: int | None = None
        self._hanging = 0   # a line indented this deep or deeper continues the current item (a hanging indent)
        self._kept: dict[str, int] = {}        # list-level diagnostics per code so far
        self._uncounted: dict[str, int] = {}   # ... and those beyond _KEPT_PER_CODE

    def feed(self, number: int, raw_line: str) -> ListItem | None:
        """Take line ``number``; return the item it completes, if any."""
        line = raw_line.strip()
        if not line:
            return self._close()
        if not self._items_seen and self._current is None and not self.title \
                and _HEADING.match(line.rstrip(".")):
            self.title = line.rstrip(":. ")
            return None
        if (_SECTION.fullmatch(line) or _HEADING.match(line.rstrip("."))) \
                and (self._current is None or _looks_complete(self._lines[-1])):
            # "Azərbaycan dilində:", "Дополнительная литература:", "Основная литература": a section of the
            # list, not a reference; its numbering may start again at 1
            self._diagnose(Diagnostic("list-section", f"line {number}: {line!r} read as the heading of a "
                                      "section of the list", Severity.INFO))
            self._last_number = None
            return self._close()
        match = _NUMBER.match(raw_line)
        label = match and (match.group("a") or match.group("b") or match.group("c"))
        if label and len(label) > 3 and int(label) != (self._last_number or 0) + 1:
            match = label = None   # "2005. ..." is not item 2005 unless item 2004 came before
        if match and len(line) > match.end() - (len(raw_line) - len(raw_line.lstrip())):
            if label:
                value = int(label)
                if self._last_number is not None and value != self._last_number + 1:
                    self._diagnose(Diagnostic("numbering-gap", f"line {number}: item {value} follows "
                                              f"item {self._last_number}", Severity.WARNING))
                self._last_number = value
                self._numbered_seen = True
            # the item's text starts after its number: a line indented as deep continues it
            text_column = match.end() + _indent(raw_line[match.end():])
            return self._start(ListItem(raw_line[match.end():].strip(), number, label), text_column)
        # a line indented to the item's text (or deeper) continues it, whatever the line before ends with,
        # unless it opens with a person's name (a reference whose number was lost, as in the seed list)
        hanging = _indent(raw_line) >= self._hanging and not opens_with_name(line)
        if self._current is not None and (hanging or not _starts_new_reference(" ".join(self._lines[-2:]), line)):
            if _ends_with_broken_word(self._lines[-1]) and line[:1].islower():
                self._lines[-1] = self._lines[-1][:-1] + line   # a word broken across lines
            else:
                self._lines.append(line)
            return None
        if self._numbered_seen:
            self._diagnose(Diagnostic("unnumbered-item", f"line {number}: a reference without a "
                                      "number in a numbered list", Severity.WARNING))
        return self._start(ListItem(line, number), _indent(raw_line) + 1)

    def finish(self) -> ListItem | None:
        """The last item, once there are no more lines."""
        for code, count in self._uncounted.items():
            self.diagnostics.append(Diagnostic(code, f"{count} more like the above (the first "
                                               f"{_KEPT_PER_CODE} are listed)", Severity.WARNING))
        self._uncounted.clear()
        return self._close()

    def _diagnose(self, diagnostic: Diagnostic) -> None:
        kept = self._kept[diagnostic.code] = self._kept.get(diagnostic.code, 0) + 1
        if kept <= _KEPT_PER_CODE:
            self.diagnostics.append(diagnostic)
        else:
            self._uncounted[diagnostic.code] = self._uncounted.get(diagnostic.code, 0) + 1

    def _start(self, item: ListItem, hanging: int = 1) -> ListItem | None:
        done = self._close()
        self._current, self._hanging = item, max(hanging, 1)
        self._lines = [item.text]
        self._items_seen += 1
        return done

    def _close(self) -> ListItem | None:
        done, self._current = self._current, None
        if done is not None:
            done.text = " ".join(self._lines)
        self._lines = []
        return done


def split_list(text: str) -> tuple[str, list[ListItem], list[Diagnostic]]:
    """Split a list's text into its title, its items and the list-level diagnostics."""
    splitter = ListSplitter()
    items = [item for number, line in enumerate(text.splitlines(), 1)
             if (item := splitter.feed(number, line)) is not None]
    last = splitter.finish()
    if last is not None:
        items.append(last)
    return splitter.title, items, splitter.diagnostics


def _starts_new_reference(previous: str, line: str) -> bool:
    """A line starts a new reference when the previous one looks complete and this one does not
    continue it (a wrapped line usually starts in lower case or the previous one has no end).
    ``previous`` may be the end of the previous reference only (its last two lines)."""
    if not _looks_complete(previous):
        return False
    if line[:1].islower() or line[:1] in "–—-:;,/":
        return False
    return len(line) >= 15


def _looks_complete(previous: str) -> bool:
    """Whether a reference's text so far ends as a reference ends: a full stop, a bracket, "200 s";
    not an initial or a role word's abbreviation ("… / под ред.", "… И.") that a name must follow."""
    previous = previous.rstrip()
    initial = _LAST_LETTER.search(previous)
    last_word = previous.rsplit(None, 1)[-1] if previous else ""
    if (initial and initial.group(1).isupper()) or previous.endswith("//") \
            or (last_word.endswith(".") and role_of(last_word) in ("editor", "compiler", "translator")):
        return False
    return previous.endswith((".", ";", ")", "]")) or bool(re.search(r"\d\s?[sсcSpр]\.?$", previous))


def _indent(raw_line: str) -> int:
    return len(raw_line) - len(raw_line.lstrip())


# what cannot end a reference: an initial ("И.", a capital; "1976 y." ends one), a role word of the roles table
# ("ред.", "под ред.", "tərt.", "пер.", "ed."), "//"
_LAST_LETTER = re.compile(r"(?:^|\s)([^\W\d_])\.$")


def _ends_with_broken_word(text: str) -> bool:
    return bool(re.search(r"\w-$", text[-2:]))


# An item longer than this is not one reference (real ones are under 2 KB): it is kept whole in the
# note, with an error, instead of being parsed (the parser's time grows faster than the length).
MAX_REFERENCE = 64 * 1024


def parse_item(item: ListItem) -> Reference:
    """The record of one item of a list."""
    if len(item.text) <= MAX_REFERENCE:
        return parse_reference(item.text, line=item.line)
    ref = Reference(raw=item.text, line=item.line, note=[item.text])
    ref.diagnose("too-long", f"{len(item.text)} characters are not one reference (the limit is "
                 f"{MAX_REFERENCE}); kept unparsed in the note", severity=Severity.ERROR)
    return ref


# Above this size a list file is parsed as it is read, line by line, instead of all at once.
STREAM_THRESHOLD = 1024 * 1024  # about 5,000 references; a list read at once keeps every record
_SAMPLE = 1024 * 1024


class ReferenceStream:
    """The references of a large list file, parsed one at a time as the file is read, in memory
    that does not grow with the list. ``title`` and ``diagnostics`` fill in as the file is read.

    The encoding is decided on the file's first megabyte (the same rules as `read_list`); the
    1991-92 "ä" alphabet is not put right here, since that needs the whole document.
    """

    def __init__(self, path: Path, *, encoding: str | None = None) -> None:
        self.path = path
        self.source = str(path)
        self.splitter = ListSplitter()
        with path.open("rb") as handle:
            sample = handle.read(_SAMPLE)
        self.codec = _sample_codec(sample, encoding=encoding, name=self.source)
        self.encoding = f"encoding {self.codec} (decided on the first {_SAMPLE // 1024 // 1024} MB)"

    @property
    def title(self) -> str:
        return self.splitter.title

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.splitter.diagnostics

    def __iter__(self) -> Iterator[Reference]:
        for number, line in enumerate(self._lines(), 1):
            item = self.splitter.feed(number, line)
            if item is not None:
                yield parse_item(item)
        item = self.splitter.finish()
        if item is not None:
            yield parse_item(item)

    def _lines(self) -> Iterator[str]:
        if self.codec.startswith(("utf-16", "utf-32")):
            with self.path.open(encoding=self.codec) as handle:
                yield from handle
            return
        offset = 0
        with self.path.open("rb") as handle:
            for raw in handle:
                try:
                    yield raw.decode(self.codec)
                except UnicodeDecodeError as exc:
                    raise InputError(f"{self.source}: byte {offset + exc.start} cannot be decoded as "
                                     f"{self.codec}") from None
                offset += len(raw)


def _sample_codec(sample: bytes, *, encoding: str | None, name: str) -> str:
    """The codec a file's first bytes are in, the sample cut at a line end so no character is split."""
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        newline = b"\n\x00" if sample.startswith(b"\xff\xfe") else b"\x00\n"
        cut = sample.rfind(newline)
        sample = sample[: cut + 2] if cut > 0 else sample[: len(sample) // 2 * 2]
    else:
        cut = sample.rfind(b"\n")
        sample = sample[: cut + 1] if cut > 0 else sample
    return decode_text(sample, encoding=encoding, name=name).encoding


def open_list(source: str | os.PathLike[str], *, encoding: str | None = None) -> ReferenceList | ReferenceStream:
    """A list file, parsed: all at once (`read_list`), or as a `ReferenceStream` when it is
    larger than `STREAM_THRESHOLD` and is a text file."""
    path = Path(source)
    try:
        size = path.stat().st_size
    except OSError:
        return read_list(path, encoding=encoding)   # read_list says what is wrong with it
    if size > STREAM_THRESHOLD:
        with path.open("rb") as handle:
            if not is_docx(handle.read(8)):
                return ReferenceStream(path, encoding=encoding)
    return read_list(path, encoding=encoding)
