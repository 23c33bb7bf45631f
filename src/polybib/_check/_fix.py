"""`polybib check --fix`: apply the safe repairs to a list's text, and prove they are safe.

A repair is applied only when it cannot change meaning: after applying the repairs, the list is
parsed again and each reference must give the same record as before (the same fields, whatever the
spacing of its text); a reference whose record would change keeps its text as it was.

>>> result = fix_text("1. Osmanov İ. Tarix /İ. Osmanov.-Bakı: Elm, 2004.- 342 s.\\n"
...                   "   Əliyev H. Tarix. - Bakı: Elm, 2005. - 164 s.\\n")
>>> print(result.text, end="")
1. Osmanov İ. Tarix / İ. Osmanov. - Bakı: Elm, 2004. - 342 s.
2. Əliyev H. Tarix. - Bakı: Elm, 2005. - 164 s.
>>> len(result.applied), [f.code for f in result.after if f.fix]
(4, [])
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from .._model import Reference
from ._input import CheckedList, _from_text
from ._report import Finding, Fix, Report

__all__ = ["FixResult", "apply_fixes", "fix_text", "record_signature", "unified_diff"]

_ROUNDS = 4


@dataclass
class FixResult:
    """The repaired text, the findings repaired, those whose repair was refused, and the report after."""

    text: str
    original: str
    applied: list[Finding] = field(default_factory=list)
    refused: list[Finding] = field(default_factory=list)
    after: Report | None = None

    @property
    def changed(self) -> bool:
        return self.text != self.original


def record_signature(ref: Reference) -> dict[str, Any]:
    """What a reference means: its fields, without its text, positions and diagnostics, and with the
    values that keep text as printed (the statement of responsibility) compared blind to what the
    repairs touch: white space, a doubled mark, HTML entities (and so the quotation marks an entity
    may stand for), Unicode composition."""
    def canonical(value: Any) -> Any:
        if isinstance(value, str):
            value = html.unescape(unicodedata.normalize("NFC", value))
            return re.sub(r"([.,;:])\1(?!\1)", r"\1", re.sub(r"[\s\"«»“”„]+", "", value))
        if isinstance(value, list):
            return [canonical(v) for v in value]
        if isinstance(value, dict):
            return {k: canonical(v) for k, v in value.items() if k not in ("raw", "line", "spans", "diagnostics")}
        return value

    return canonical(asdict(ref))


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """Apply non-overlapping fixes (the first of two overlapping ones wins)."""
    out, position = [], 0
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if fix.start < position:
            continue
        out.append(text[position:fix.start])
        out.append(fix.replacement)
        position = fix.end
    out.append(text[position:])
    return "".join(out)


def fix_text(text: str, *, name: str = "<text>", style: str | None = None, codes: set[str] | None = None) -> FixResult:
    """Repair what can be repaired safely; a few rounds, since one repair can reveal another."""
    from . import check_loaded, selected_codes

    codes = codes if codes is not None else selected_codes()
    result = FixResult(text, text)
    for _ in range(_ROUNDS):
        checked = _from_text(result.text, name)
        report = check_loaded(checked, style=style, codes=codes)
        candidates = [f for f in report.findings if f.fix is not None]
        if not candidates:
            result.after = report
            break
        accepted, refused = _safe(checked, candidates)
        result.refused.extend(f for f in refused if f not in result.refused)
        if not accepted:
            result.after = report
            break
        result.text = apply_fixes(result.text, [f.fix for f in accepted])
        result.applied.extend(accepted)
    if result.after is None:
        result.after = check_loaded(_from_text(result.text, name), style=style, codes=codes)
    return result


def _safe(checked: CheckedList, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """The findings whose repairs leave every record as it was; the others are refused, by reference."""
    before = [record_signature(e.ref) for e in checked.entries]
    refused_items: set[int] = set()
    accepted = list(findings)
    for _ in range(len(checked.entries) + 1):
        fixed = _from_text(apply_fixes(checked.text or "", [f.fix for f in accepted]), checked.source)
        after = [record_signature(e.ref) for e in fixed.entries]
        if len(after) != len(before):
            refused_items |= {f.item for f in accepted if f.code == "unnumbered-item"}
            accepted = [f for f in accepted if f.item not in refused_items]
            continue
        bad = {i + 1 for i, (a, b) in enumerate(zip(before, after)) if a != b} - refused_items
        if not bad:
            break
        refused_items |= bad
        accepted = [f for f in accepted if f.item not in refused_items]
    else:   # never verified (a changed record that no finding's item points to): repair nothing
        return [], list(findings)
    refused = [f for f in findings if f.item in refused_items]
    return accepted, refused


def unified_diff(result: FixResult, name: str) -> str:
    """The repairs as a unified diff of the list."""
    return "".join(difflib.unified_diff(result.original.splitlines(keepends=True),
                                        result.text.splitlines(keepends=True),
                                        fromfile=f"a/{name}", tofile=f"b/{name}"))
