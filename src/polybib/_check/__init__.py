"""`polybib check`: a completeness and consistency linter for reference lists.

The rules are data (``data/check/rules.json``: code, category, severity, message, whether on by default
and fixable, the clause they implement, a real string that fires them and one that does not); the
elements each entry type needs are a table too (``data/check/requirements.json``). The functions here
run the rules over a list and return a `Report` whose findings are plain data.

>>> import polybib
>>> report = polybib.check("1. Əliyev, Həmzə Hüseyn oğlu. Azərbaycan tarixi /H. H. Əliyev.-Bakı: Elm, 2005.- 164 s.\\n"
...                        "2. Иванов И. И. Очерки истории. – М. : Наука, 2019. – 512 с. – ISBN 978-5-02-037153-9.")
>>> [(f.line, f.column, f.code) for f in report]
[(1, 48, 'slash-spacing'), (1, 62, 'area-separator-spacing'), (1, 79, 'area-separator-spacing'), \
(1, 4, 'missing-recommended'), (2, 69, 'isbn-invalid')]
>>> report.exit_code()
1
>>> [f.code for f in polybib.check("Иванов И. И. Очерки истории. – М. : Наука, 2019. – 512 с.", select=["punctuation"])]
[]
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

from .._exceptions import CheckError
from .._model import Reference, Severity
from . import _list_rules, _punctuation, _record_rules, _text_rules
from ._input import CheckedList, Entry, load
from ._report import SEVERITY_RANK, Finding, Fix, Hit, Report
from ._rules import CATEGORIES, Rule, all_rules, profiles

__all__ = ["Finding", "Fix", "Report", "Rule", "all_rules", "check", "check_loaded", "implemented_codes",
           "selected_codes"]

_TEXT_RULES: dict[str, Callable[[str], Iterable[Hit]]] = {**_punctuation.RULES, **_text_rules.RULES}
# the rules that make sense on one field of a record (.bib, CSL-JSON), not only on a whole description
_FIELD_RULES = {code: function for code, function in _TEXT_RULES.items()
                if code in ("mixed-script-word", "not-nfc", "html-entity", "unbalanced-brackets", "repeated-space",
                            "repeated-punctuation", "space-before-comma", "initials-spacing")}
_RECORD_RULES = _record_rules.RULES
_LIST_RULES = _list_rules.RULES


def implemented_codes() -> set[str]:
    """The codes this package computes itself (the others come from the parser)."""
    return set(_TEXT_RULES) | set(_RECORD_RULES) | set(_LIST_RULES)


def selected_codes(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> set[str]:
    """The rule codes a run uses: the rules on by default, or the ones selected (codes, categories or
    "ALL"), less the ignored ones. A rule that is off by default runs when its code (or ALL) is
    selected. An unknown name is a usage error."""
    rules = all_rules()

    def expand(names: Iterable[str]) -> set[str]:
        codes: set[str] = set()
        for name in names:
            name = name.strip()
            if name.upper() == "ALL":
                codes |= set(rules)
            elif name in CATEGORIES:  # a category brings its rules that are on by default
                codes |= {code for code, r in rules.items() if r.category == name and r.enabled}
            elif name in rules:
                codes.add(name)
            elif name:
                raise CheckError(f"unknown rule or category {name!r} (see docs/rules/)")
        return codes

    chosen = expand(select) if select else {code for code, r in rules.items() if r.enabled}
    return chosen - expand(ignore or ())


def check(source: str | os.PathLike[str] | Sequence[Reference], *, style: str | None = None,
          select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
          name: str | None = None) -> Report:
    """Check a reference list (a path, its text, or parsed records) and return what was found.

    ``style`` chooses the requirements profile ("gost", the default, or a target style such as "apa");
    ``select`` and ``ignore`` take rule codes, categories or "ALL"; ``name`` is the list's name in
    the findings' locations (default: the path, or "<text>").
    """
    if style is not None and style not in profiles():
        raise CheckError(f"unknown style {style!r}; choose one of {', '.join(sorted(profiles()))}")
    checked = load(source)
    if name is not None:
        checked.source = name
    return check_loaded(checked, style=style, codes=selected_codes(select, ignore), pass_through=not select)


def check_loaded(checked: CheckedList, *, style: str | None, codes: set[str], pass_through: bool = True) -> Report:
    """Run the rules with ``codes`` over an already loaded list."""
    rules = all_rules()
    findings: list[Finding] = []
    for entry in checked.entries:
        hits: list[Hit] = []
        if entry.fields is None:
            for function in _unique(_TEXT_RULES, codes):
                hits.extend(function(entry.raw))
        else:
            for field, value in entry.fields.items():
                for function in _unique(_FIELD_RULES, codes):
                    hits.extend(Hit(h.code, f"{field}: {h.message}", 0, 0) for h in function(value))
        for function in _unique(_RECORD_RULES, codes):
            hits.extend(function(entry.ref, entry.raw, style=style))
        for hit in _record_rules.parser_diagnostics(entry.ref, entry.raw, style=style):
            if hit.code in codes or (pass_through and hit.code not in rules):
                hits.append(hit)
        for hit in hits:
            if hit.code in codes or hit.code not in rules:
                findings.append(_finding(checked, entry, hit, _severity(hit, entry)))
    for unread in checked.unread:   # a block the reader skipped (a broken .bib entry), reported where it is
        if unread.code in codes or (pass_through and unread.code not in rules):
            severity = rules[unread.code].severity if unread.code in rules else Severity.ERROR
            end_column = len(unread.text) + 1 if unread.end_line == unread.line else 1
            findings.append(Finding(unread.code, severity, unread.message, checked.source, unread.line, 1,
                                    unread.end_line, end_column, unread.text))
    by_index = {e.index: e for e in checked.entries}
    for function in _unique(_LIST_RULES, codes):
        for hit in function(checked):
            if hit.code in codes:
                findings.append(_finding(checked, by_index[hit.entry], hit, rules[hit.code].severity))
    findings.sort(key=lambda f: (f.line, f.item or 0, _order(f), f.column))
    return Report(checked.source, findings, references=len(checked.entries))


def _unique(table: dict[str, Callable], codes: set[str]) -> list[Callable]:
    functions: list[Callable] = []
    for code, function in table.items():
        if code in codes and function not in functions:
            functions.append(function)
    return functions


def _severity(hit: Hit, entry: Entry) -> Severity:
    rules = all_rules()
    if hit.code in rules:
        return rules[hit.code].severity
    return next((d.severity for d in entry.ref.diagnostics if d.code == hit.code), Severity.WARNING)


def _order(finding: Finding) -> int:
    """Findings about one line: the ones with a column first, then those about the whole reference."""
    return 1 if finding.offset is not None and finding.offset == finding.end_offset else 0


def _finding(checked: CheckedList, entry: Entry, hit: Hit, severity: Severity) -> Finding:
    start, end = hit.start or 0, hit.end or 0
    begin, finish = entry.absolute(start), entry.absolute(max(end, start))
    fix = None
    if begin is None or checked.text is None:
        line = entry.ref.line or 0
        column = start + 1
        return Finding(hit.code, severity, hit.message, checked.source, line, column, line, max(end, start) + 1,
                       entry.raw, entry.index)
    line, column = checked.position(begin)
    end_line, end_column = checked.position(finish)
    if hit.code == "unnumbered-item" and hit.replacement is not None:
        fix = _numbering_fix(checked, entry, hit.replacement)
    elif hit.replacement is not None and checked.text[begin:finish] == entry.raw[start:end]:
        fix = Fix(begin, finish, hit.replacement)
    return Finding(hit.code, severity, hit.message, checked.source, line, column, end_line, end_column,
                   checked.line_text(line), entry.index, fix, begin, finish)


def _numbering_fix(checked: CheckedList, entry: Entry, number: str) -> Fix | None:
    """Give an unnumbered reference the number it lacks, in the form and indentation of the one before."""
    begin = entry.absolute(0)
    line, _ = checked.position(begin)
    line_start = begin - checked.position(begin)[1] + 1
    previous = next((e for e in reversed(checked.entries[:entry.index - 1]) if e.label), None)
    if previous is None:
        return None
    prev_begin = previous.absolute(0)
    prev_line_start = prev_begin - checked.position(prev_begin)[1] + 1
    prefix = checked.text[prev_line_start:prev_begin].replace(previous.label, number, 1)
    return Fix(line_start, begin, prefix)
