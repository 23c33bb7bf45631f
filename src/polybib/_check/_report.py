"""What `polybib check` finds, as data: `Finding` (with an optional `Fix`) and the `Report` that holds
them and owns the exit code.

>>> from polybib._model import Severity
>>> finding = Finding("slash-spacing", Severity.WARNING, "'/' needs a space on each side",
...                   "list.txt", 5, 80, 5, 81, "münasibətləri /H. H. Əliyev", item=3,
...                   fix=Fix(400, 401, " / "))
>>> finding.location
'list.txt:5:80'
>>> report = Report("list.txt", [finding])
>>> report.exit_code(), report.exit_code(threshold=Severity.ERROR)
(1, 0)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .._model import Severity

__all__ = ["Finding", "Fix", "Hit", "Report", "SEVERITY_RANK"]

SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace ``text[start:end]`` of the list with ``replacement`` (offsets in the list's text)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule function returns: offsets in the reference's own text (``raw``), a message, and the
    text that would repair ``raw[start:end]`` (None when the rule cannot repair it)."""

    code: str
    message: str
    start: int | None = None
    end: int | None = None
    replacement: str | None = None
    entry: int | None = None           # for list-level rules: which reference (1-based)


@dataclass(slots=True)   # a report of a long list holds hundreds of thousands: no __dict__ each
class Finding:
    """One problem: rule code, severity, message, where (1-based line and column), the text, a fix."""

    code: str
    severity: Severity
    message: str
    source: str
    line: int
    column: int
    end_line: int
    end_column: int
    snippet: str = ""
    item: int | None = None          # the position of the reference in the list (1-based)
    fix: Fix | None = None
    offset: int | None = None         # where the finding starts in the list's text, when it is known
    end_offset: int | None = None

    @property
    def location(self) -> str:
        return f"{self.source}:{self.line}:{self.column}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


@dataclass
class Report:
    """The findings of one check run, sorted by place, and the exit code they imply."""

    source: str
    findings: list[Finding] = field(default_factory=list)
    references: int = 0

    def __iter__(self):  # noqa: ANN204 - an iterator of findings
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def at_least(self, threshold: Severity) -> list[Finding]:
        return [f for f in self.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]]

    def exit_code(self, threshold: Severity = Severity.INFO) -> int:
        """0 when nothing at or above ``threshold`` was found, 1 otherwise (2 is the CLI's, for usage)."""
        return 1 if self.at_least(threshold) else 0

    def counts(self) -> dict[str, int]:
        return {s.value: sum(1 for f in self.findings if f.severity is s) for s in SEVERITY_RANK}

    @property
    def fixable(self) -> list[Finding]:
        return [f for f in self.findings if f.fix is not None]

    @property
    def fixable_count(self) -> int:
        return sum(1 for f in self.findings if f.fix is not None)
