"""The three views of a check report: human (``LIST:LINE:COL: CODE message`` with the offending text
underlined, coloured on a terminal), JSON (the findings as data) and SARIF 2.1.0 (for code scanning on
GitHub or GitLab, when lists are kept in a repository).

Each is written a finding at a time (`render_chunks`), from a `Report` or from a `CheckRun` that
reads its findings back from its spool, so a long report is never held whole; the chunks add up to
the same text as `json.dumps` of `to_json` or `to_sarif`.

>>> from polybib import check
>>> report = check("1. Osmanov İ. Tarix /İ. Osmanov. - Bakı: Elm, 2004. - 342 s.", select=["punctuation"])
>>> print(render_human(report, color=False))
<text>:1:20: slash-spacing '/' should have a space on each side (' / ')
    1 | 1. Osmanov İ. Tarix /İ. Osmanov. - Bakı: Elm, 2004. - 342 s.
      |                    ^^
Found 1 problem (1 warning) in 1 reference; 1 can be fixed with --fix.
>>> to_sarif(report)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"]
20
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Protocol

import click

from .. import __version__
from .._model import Severity
from ._report import Finding
from ._rules import all_rules

__all__ = ["FORMATS", "Findings", "render", "render_chunks", "render_human", "to_json", "to_sarif"]

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_WINDOW = 48
FORMATS = ("human", "json", "sarif")
_ITEMS = "\0"   # stands for the list of findings in the skeleton of a JSON report (no list name holds it)


class Findings(Protocol):
    """What a view needs of a report (`Report`, `CheckRun`): the findings in order, and their counts."""

    source: str
    references: int

    def __iter__(self) -> Iterator[Finding]: ...

    def __len__(self) -> int: ...

    def counts(self) -> dict[str, int]: ...

    @property
    def fixable_count(self) -> int: ...


def render(report: Findings, fmt: str, *, color: bool = False) -> str:
    """The report as text in one of `FORMATS`."""
    return "".join(render_chunks(report, fmt, color=color))


def render_chunks(report: Findings, fmt: str, *, color: bool = False) -> Iterator[str]:
    """The report as text in one of `FORMATS`, a finding at a time."""
    if fmt == "human":
        for line in _human_lines(report, color):
            yield line + "\n"
        return
    data, items = (_json_data, (f.to_dict() for f in report)) if fmt == "json" else (_sarif_data, _sarif_results(report))
    if not len(report):
        yield json.dumps(data(report, []), ensure_ascii=False, indent=2) + "\n"
        return
    # json.dumps of the whole, with the list of findings written an item at a time in its place
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    before, after = encoder.encode(data(report, [_ITEMS])).split(json.dumps(_ITEMS))
    indent = "\n" + before.rsplit("\n", 1)[1]
    yield before
    for n, item in enumerate(items):
        yield ("," + indent if n else "") + encoder.encode(item).replace("\n", indent)
    yield after + "\n"


def render_human(report: Findings, *, color: bool = False) -> str:
    """One block per finding, then a summary line."""
    return "\n".join(_human_lines(report, color))


def _human_lines(report: Findings, color: bool) -> Iterator[str]:
    def style(text: str, **kwargs: Any) -> str:
        return click.style(text, **kwargs) if color else text

    for finding in report:
        yield (f"{style(finding.location + ':', bold=True)} "
               f"{style(finding.code, fg=_COLOURS[finding.severity], bold=True)} {finding.message}")
        yield from _snippet(finding, style)
    yield _summary(report)


def _snippet(finding: Finding, style) -> list[str]:  # noqa: ANN001 - the styling function above
    text = finding.snippet
    if not text or finding.line <= 0:
        return []
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(text)
    end = max(end, start + 1)
    left = max(0, start - _WINDOW)
    right = min(len(text), end + _WINDOW)
    shown = ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
    caret_at = start - left + (1 if left else 0)
    gutter = f"{finding.line:>5} | "
    return [style(gutter, dim=True) + shown,
            style(" " * (len(gutter) - 2) + "| ", dim=True)
            + " " * caret_at + style("^" * (end - start), fg=_COLOURS[finding.severity])]


def _summary(report: Findings) -> str:
    references = f"{report.references} reference{'s' if report.references != 1 else ''}"
    total = len(report)
    if not total:
        return f"No problems found in {references}."
    counts = report.counts()
    parts = [f"{n} {name if name == 'info' or n == 1 else name + 's'}" for name, n in
             (("error", counts["error"]), ("warning", counts["warning"]), ("info", counts["info"])) if n]
    fixable = report.fixable_count
    tail = f"; {fixable} can be fixed with --fix" if fixable else ""
    return f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {references}{tail}."


def to_json(report: Findings) -> dict[str, Any]:
    """The report as plain data (the schema is the `Finding` dataclass)."""
    return _json_data(report, [f.to_dict() for f in report])


def _json_data(report: Findings, findings: list[Any]) -> dict[str, Any]:
    return {
        "source": report.source,
        "references": report.references,
        "summary": {**report.counts(), "fixable": report.fixable_count},
        "findings": findings,
    }


def to_sarif(report: Findings) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log (OASIS SARIF v2.1.0, 3.13-3.27): one run, every rule described."""
    return _sarif_data(report, list(_sarif_results(report)))


def _sarif_data(report: Findings, results: list[Any]) -> dict[str, Any]:
    descriptors = [{
        "id": r.code,
        "name": "".join(word.capitalize() for word in r.code.split("-")),
        "shortDescription": {"text": r.message},
        "fullDescription": {"text": r.description},
        "help": {"text": f"{r.description} ({r.clause}). See docs/rules/{r.code}.md."},
        "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity], "enabled": r.enabled},
        "properties": {"category": r.category, "fixable": r.fixable},
    } for r in all_rules().values()]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "polybib", "version": __version__,
                                "informationUri": "https://example.invalid/polybib", "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def _sarif_results(report: Findings) -> Iterator[dict[str, Any]]:
    index = {code: i for i, code in enumerate(all_rules())}
    uri = "stdin" if report.source.startswith("<") else report.source.replace("\\", "/")
    for finding in report:
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "level": _SARIF_LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": uri},
                "region": _region(finding),
            }}],
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        if finding.fix is not None:
            result["fixes"] = [{
                "description": {"text": f"replace with {finding.fix.replacement!r}"},
                "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [{
                    "deletedRegion": {"charOffset": finding.fix.start,
                                      "charLength": finding.fix.end - finding.fix.start},
                    "insertedContent": {"text": finding.fix.replacement},
                }]}],
            }]
        yield result


def _region(finding: Finding) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)}
    if finding.end_line >= finding.line and finding.end_column > finding.column:
        region.update(endLine=finding.end_line, endColumn=finding.end_column)
    if finding.snippet:
        region["snippet"] = {"text": finding.snippet}
    return region
