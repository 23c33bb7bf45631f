"""One run of the rules over a list, in memory that does not grow with the list's records.

Each reference is read, checked and let go. Its findings are kept as plain tuples, in the list's
order, on a spool (a temporary file once it passes a few megabytes); the rules on the whole list keep
small keys per reference (`_list_rules`). A finding that is known only later -- a missing number
settles when the next number is read, the first pair out of collation order at the end of the list
-- is kept apart and joins its reference's findings when the spool is read back. Iterating over a
`CheckRun` gives the `Finding`s one at a time, sorted as `polybib check` has always sorted them (by
line, reference, then those with a column before those about the whole reference, then column),
and its counts are known before the first one is read (the JSON report's summary comes first).

>>> from polybib._check import selected_codes
>>> from polybib._check._input import open_text
>>> run = check_run(open_text("3. Osmanov İ. Tarix /İ. Osmanov. - Bakı: Elm, 2004. - 342 s.\\n"
...                           "Əliyev H. Tarix. - Bakı: Elm, 2005. - 164 s.\\n", "<text>"),
...                 style=None, codes=selected_codes(["punctuation", "numbering-gap", "unnumbered-item"]))
>>> [(f.line, f.code, f.fix) for f in run]
[(1, 'slash-spacing', Fix(start=19, end=21, replacement=' / ')), \
(2, 'unnumbered-item', Fix(start=61, end=61, replacement='4. '))]
>>> run.references, run.counts(), run.fixable_count
(2, {'info': 0, 'warning': 2, 'error': 0}, 2)
"""

from __future__ import annotations

import marshal
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import IO, Any

from .._model import Severity
from . import _list_rules, _punctuation, _record_rules, _text_rules
from ._input import CheckedList, Entry, Unread
from ._report import SEVERITY_RANK, Finding, Fix, Hit
from ._rules import all_rules

__all__ = ["CheckRun", "check_run"]

_TEXT_RULES: dict[str, Callable[[str], Iterable[Hit]]] = {**_punctuation.RULES, **_text_rules.RULES}
# the rules that make sense on one field of a record (.bib, CSL-JSON), not only on a whole description
_FIELD_RULES = {code: function for code, function in _TEXT_RULES.items()
                if code in ("mixed-script-word", "not-nfc", "html-entity", "unbalanced-brackets", "repeated-space",
                            "repeated-punctuation", "space-before-comma", "initials-spacing")}
_RECORD_RULES = _record_rules.RULES
_LIST_RULES = _list_rules.RULES

_SPOOL_IN_MEMORY = 8 * 1024 * 1024   # a spool this large moves to a temporary file
_BATCHES_PER_WRITE = 256

# A finding as the spool keeps it (marshal writes only plain values): code, severity, message, line,
# column, end line, end column, snippet (None: the list's text on that line), item, fix (start, end,
# replacement) or None, offset, end offset -- the fields of `Finding`, in its order.
Compact = tuple
# Where a reference starts, for the findings about the whole of it (the list rules' ones): item,
# line, column, offset, snippet, and its number label with the text before it on its line.
Anchor = tuple
# What a list rule found about a reference: the rule's place among the list rules, code, message,
# replacement -- a finding once its reference's anchor is at hand.
ListHit = tuple
Batch = tuple   # (anchor or None, the findings of the reference's own rules, its ListHits)


def check_run(checked: CheckedList, *, style: str | None, codes: set[str], pass_through: bool = True) -> CheckRun:
    """Run the rules with ``codes`` over a list, a reference at a time; the findings are read from the result."""
    return _Runner(checked, style, codes, pass_through).run()


@dataclass
class CheckRun:
    """The findings of one run: iterate to read them (as often as needed), in order; ``threshold``
    leaves out those below a severity (`reported`)."""

    source: str
    references: int
    line_text: _LineText
    batches: _Spool
    late: dict[int, list[ListHit]]            # item -> what the list rules found about it at the end
    counts_by_severity: dict[str, int]
    fixable_by_severity: dict[str, int]
    in_order: bool                              # False: the batches overlap and are sorted as a whole
    threshold: Severity = Severity.INFO

    def reported(self, threshold: Severity) -> CheckRun:
        """The same run, with only the findings at or above ``threshold``."""
        return replace(self, threshold=threshold)

    def _shown(self, severity: str) -> bool:
        return SEVERITY_RANK[Severity(severity)] >= SEVERITY_RANK[self.threshold]

    def counts(self) -> dict[str, int]:
        return {s.value: self.counts_by_severity[s.value] if self._shown(s.value) else 0 for s in SEVERITY_RANK}

    @property
    def fixable_count(self) -> int:
        return sum(n for severity, n in self.fixable_by_severity.items() if self._shown(severity))

    def __len__(self) -> int:
        return sum(self.counts().values())

    def exit_code(self, threshold: Severity = Severity.INFO) -> int:
        """0 when nothing at or above ``threshold`` (and the run's own threshold) was found, 1 otherwise."""
        return 1 if any(n for severity, n in self.counts().items()
                        if SEVERITY_RANK[Severity(severity)] >= SEVERITY_RANK[threshold]) else 0

    def __iter__(self) -> Iterator[Finding]:
        severities = {s.value: s for s in SEVERITY_RANK if self._shown(s.value)}
        line_text = self.line_text
        for compact in self._compacts():
            if compact[1] in severities:
                code, severity, message, line, column, end_line, end_column, snippet, item, fix, offset, end = compact
                yield Finding(code, severities[severity], message, self.source, line, column, end_line, end_column,
                              line_text(line) if snippet is None else snippet, item,
                              None if fix is None else Fix(*fix), offset, end)

    def _compacts(self) -> Iterator[Compact]:
        """Every finding, in the report's order."""
        if self.in_order:
            for findings in self._settled_batches():
                yield from findings
        else:
            yield from sorted((compact for findings in self._settled_batches() for compact in findings), key=_place)

    def _settled_batches(self) -> Iterator[list[Compact]]:
        numbered: tuple[str, str] | None = None   # the last numbered reference: its label, the text before it
        for batch in self.batches:
            findings, numbered = self._settled(batch, numbered)
            yield findings

    def _settled(self, batch: Batch, numbered: tuple[str, str] | None) -> tuple[list[Compact], tuple[str, str] | None]:
        """A reference's findings, with what the list rules found about it, sorted."""
        anchor, findings, hits = batch
        if anchor is None:
            return findings, numbered
        item, line, column, offset, snippet, label, before_label = anchor
        hits = sorted([*hits, *self.late.get(item, ())], key=lambda hit: hit[0])
        if hits:
            rules = all_rules()
            findings = list(findings)
            for _, code, message, replacement in hits:
                fix = None
                if offset is not None and replacement is not None:
                    if code == "unnumbered-item":   # the number, written as the numbered reference before writes its own
                        fix = None if numbered is None else \
                            (offset - column + 1, offset, numbered[1].replace(numbered[0], replacement, 1))
                    else:
                        fix = (offset, offset, replacement)
                findings.append((code, rules[code].severity.value, message, line, column, line, column, snippet,
                                 item, fix, offset, offset))
            findings.sort(key=_place)
        return findings, (label, before_label) if label else numbered


def _place(compact: Compact) -> tuple[int, int, int, int]:
    """Where a finding goes in the report: line, reference, the ones with a column before those about
    the whole reference, column."""
    offset, end = compact[10], compact[11]
    return compact[3], compact[8] or 0, 1 if offset is not None and offset == end else 0, compact[4]


class _LineText:
    """The text of a line of the list: one string for the findings on one line, not one each."""

    def __init__(self, checked: CheckedList) -> None:
        self.read = checked.line_text   # the list's text and line starts, not its entries
        self.line, self.value = 0, ""

    def __call__(self, line: int) -> str:
        if line != self.line:
            self.line, self.value = line, self.read(line)
        return self.value


class _Spool:
    """Batches written in order and read back in order, as often as needed; in memory while small."""

    def __init__(self) -> None:
        self.file: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)
        self.pending: list[Batch] = []

    def append(self, batch: Batch) -> None:
        self.pending.append(batch)
        if len(self.pending) >= _BATCHES_PER_WRITE:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            blob = marshal.dumps(self.pending)   # plain tuples, read back by this process only
            self.file.seek(0, 2)
            self.file.write(len(blob).to_bytes(8, "little") + blob)
            self.pending = []

    def __iter__(self) -> Iterator[Batch]:
        self.flush()
        position = 0
        while True:
            self.file.seek(position)
            size = int.from_bytes(self.file.read(8) or b"\0" * 8, "little")
            if not size:
                return
            batches = marshal.loads(self.file.read(size))
            position = self.file.tell()
            yield from batches


@dataclass
class _Runner:
    checked: CheckedList
    style: str | None
    codes: set[str]
    pass_through: bool
    rules: dict = field(default_factory=all_rules)
    counts: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in SEVERITY_RANK})
    fixable: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in SEVERITY_RANK})
    spool: _Spool = field(default_factory=_Spool)
    late: dict[int, list[ListHit]] = field(default_factory=dict)
    last: tuple[int, int] = (-1, -1)      # the place of the last finding written
    in_order: bool = True
    first_numbered: int | None = None

    def run(self) -> CheckRun:
        checked, codes = self.checked, self.codes
        text_rules, field_rules = _unique(_TEXT_RULES, codes), _unique(_FIELD_RULES, codes)
        record_rules = _unique(_RECORD_RULES, codes)
        list_rules = [rule() for rule in _unique(_LIST_RULES, codes)]
        unread = sorted((u for u in checked.unread   # blocks the reader skipped (a broken .bib entry)
                         if u.code in codes or (self.pass_through and u.code not in self.rules)), key=lambda u: u.line)
        for entry in checked.each():
            anchor = self._anchor(entry)
            while unread and unread[0].line <= anchor[1]:
                self._write(None, [self._unread(unread.pop(0))], [])
            if entry.label and self.first_numbered is None:
                self.first_numbered = entry.index
            findings = [self._compact(entry, hit) for hit in self._record_hits(entry, text_rules, field_rules,
                                                                                record_rules)]
            hits: list[ListHit] = []
            for rank, rule in enumerate(list_rules):
                for hit in rule.add(entry):
                    self._list_hit(rank, hit, hits if hit.entry == entry.index else None)
            self._write(anchor, findings, hits)
        for rank, rule in enumerate(list_rules):
            for hit in rule.finish():
                self._list_hit(rank, hit, None)
        for block in unread:
            self._write(None, [self._unread(block)], [])
        self.spool.flush()
        return CheckRun(checked.source, checked.count, _LineText(checked), self.spool, self.late, self.counts,
                        self.fixable, self.in_order)

    def _record_hits(self, entry: Entry, text_rules: list[Callable], field_rules: list[Callable],
                     record_rules: list[Callable]) -> Iterator[Hit]:
        hits: list[Hit] = []
        if entry.fields is None:
            for function in text_rules:
                hits.extend(function(entry.raw))
        else:
            for name, value in entry.fields.items():
                for function in field_rules:
                    hits.extend(Hit(h.code, f"{name}: {h.message}", 0, 0) for h in function(value))
        for function in record_rules:
            hits.extend(function(entry.ref, entry.raw, style=self.style))
        for hit in _record_rules.parser_diagnostics(entry.ref, entry.raw, style=self.style):
            if hit.code in self.codes or (self.pass_through and hit.code not in self.rules):
                hits.append(hit)
        return (hit for hit in hits if hit.code in self.codes or hit.code not in self.rules)

    def _severity(self, hit: Hit, entry: Entry) -> str:
        if hit.code in self.rules:
            return self.rules[hit.code].severity.value
        return next((d.severity for d in entry.ref.diagnostics if d.code == hit.code), Severity.WARNING).value

    def _compact(self, entry: Entry, hit: Hit) -> Compact:
        start, end = hit.start or 0, hit.end or 0
        begin, finish = entry.absolute(start), entry.absolute(max(end, start))
        severity = self._severity(hit, entry)
        text = self.checked.text
        if begin is None or text is None:
            line = entry.ref.line or 0
            compact = (hit.code, severity, hit.message, line, start + 1, line, max(end, start) + 1, entry.raw,
                       entry.index, None, None, None)
        else:
            line, column = self.checked.position(begin)
            end_line, end_column = self.checked.position(finish)
            fix = None
            if hit.replacement is not None and text[begin:finish] == entry.raw[start:end]:
                fix = (begin, finish, hit.replacement)
            compact = (hit.code, severity, hit.message, line, column, end_line, end_column, None, entry.index, fix,
                       begin, finish)
        self._count(severity, compact[9] is not None)
        return compact

    def _anchor(self, entry: Entry) -> Anchor:
        begin = entry.absolute(0)
        if begin is None or self.checked.text is None:
            return (entry.index, entry.ref.line or 0, 1, None, entry.raw, None, None)
        line, column = self.checked.position(begin)
        before_label = self.checked.text[begin - column + 1:begin] if entry.label else None
        return (entry.index, line, column, begin, None, entry.label, before_label)

    def _list_hit(self, rank: int, hit: Hit, hits: list[ListHit] | None) -> None:
        """Keep what a list rule found: with the reference being written, or apart until the end."""
        if hit.code not in self.codes or hit.entry is None:
            return
        fixable = hit.replacement is not None and self.checked.text is not None and \
            (hit.code != "unnumbered-item" or (self.first_numbered is not None and self.first_numbered < hit.entry))
        self._count(self.rules[hit.code].severity.value, fixable)
        found = (rank, hit.code, hit.message, hit.replacement)
        (self.late.setdefault(hit.entry, []) if hits is None else hits).append(found)

    def _unread(self, unread: Unread) -> Compact:
        """A block the reader skipped (a broken .bib entry), reported where it is."""
        severity = self.rules[unread.code].severity if unread.code in self.rules else Severity.ERROR
        end_column = len(unread.text) + 1 if unread.end_line == unread.line else 1
        self._count(severity.value, False)
        return (unread.code, severity.value, unread.message, unread.line, 1, unread.end_line, end_column, unread.text,
                None, None, None, None)

    def _count(self, severity: str, fixable: bool) -> None:
        self.counts[severity] += 1
        self.fixable[severity] += fixable

    def _write(self, anchor: Anchor | None, findings: list[Compact], hits: list[ListHit]) -> None:
        # the report is in the order of the spool when no batch reaches back before the one written last
        places = [(f[3], f[8] or 0) for f in findings]
        if anchor is not None:
            places.append((anchor[1], anchor[0]))
        if places:
            if min(places) <= self.last:
                self.in_order = False
            self.last = max(self.last, *places)
        findings.sort(key=_place)
        self.spool.append((anchor, findings, hits))


def _unique(table: dict[str, Any], codes: set[str]) -> list[Any]:
    functions: list[Any] = []
    for code, function in table.items():
        if code in codes and function not in functions:
            functions.append(function)
    return functions
