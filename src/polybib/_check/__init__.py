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
from collections.abc import Iterable, Sequence

from .._exceptions import CheckError
from .._model import Reference
from ._input import CheckedList, load, open_text, source_text
from ._report import Finding, Fix, Report
from ._rules import CATEGORIES, Rule, all_rules, profiles
from ._run import _LIST_RULES, _RECORD_RULES, _TEXT_RULES, CheckRun, check_run

__all__ = ["CheckRun", "Finding", "Fix", "Report", "Rule", "all_rules", "check", "check_loaded", "check_run",
           "implemented_codes", "selected_codes"]


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
    the findings' locations (default: the path, or "<text>"). A text list is read one reference at a
    time: its records are not kept, only the findings.
    """
    if style is not None and style not in profiles():
        raise CheckError(f"unknown style {style!r}; choose one of {', '.join(sorted(profiles()))}")
    checked = _open(source)
    if name is not None:
        checked.source = name
    return _report(check_run(checked, style=style, codes=selected_codes(select, ignore), pass_through=not select))


def check_loaded(checked: CheckedList, *, style: str | None, codes: set[str], pass_through: bool = True) -> Report:
    """Run the rules with ``codes`` over an already loaded list."""
    return _report(check_run(checked, style=style, codes=codes, pass_through=pass_through))


def _report(run: CheckRun) -> Report:
    return Report(run.source, list(run), references=run.references)


def _open(source: str | os.PathLike[str] | Sequence[Reference]) -> CheckedList:
    """A path or a text as a list read a reference at a time; records as they are."""
    if isinstance(source, (str, os.PathLike)):
        text, name = source_text(source)
        return open_text(text, name)
    return load(source)
