"""The rule table and the requirements table of `polybib check`, loaded lazily and validated on load.

Each rule in ``data/check/rules.json`` has a stable code, a category, a default severity, a one-line
message, whether it is on by default, whether ``--fix`` can repair it, the clause it implements, and
two real strings: one that fires it and one that does not (a parametrised test runs both, and the
documentation page under ``docs/rules/`` shows them).

>>> rule("area-separator-spacing").severity, rule("area-separator-spacing").fixable
(<Severity.WARNING: 'warning'>, True)
>>> requirements("gost", "book")[0]
('title', 'place', 'publisher', 'year', 'extent')
>>> requirements("apa", "book")[0]
('author|title', 'year', 'publisher')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from .._exceptions import DataTableError
from .._tables import load_table
from .._model import Severity

__all__ = ["CATEGORIES", "Rule", "all_rules", "element_description", "load_check_table", "profiles",
           "requirements", "rule"]

CATEGORIES = ("completeness", "identifiers", "names", "list", "punctuation", "text", "plausibility")
_RULE_KEYS = ("code", "category", "severity", "enabled", "fixable", "origin", "message", "clause",
              "description", "fires", "passes")


@dataclass(frozen=True)
class Rule:
    """One check: what it is called, how much it matters, and how to read about it."""

    code: str
    category: str
    severity: Severity
    enabled: bool
    fixable: bool
    origin: str          # "check" (this package), "parser" or "reader" (raised while reading the list)
    message: str
    clause: str
    description: str
    fires: str
    passes: str

    @property
    def doc_path(self) -> str:
        return f"docs/rules/{self.code}.md"


def load_check_table(name: str) -> dict[str, Any]:
    """Read ``data/check/<name>.json`` and check it says where it comes from."""
    return load_table(name, folder="check",
                      required=("source", "description", "rules" if name == "rules" else "samples"))


@cache
def all_rules() -> dict[str, Rule]:
    """Every rule, by code, in the table's order."""
    rules: dict[str, Rule] = {}
    for entry in load_check_table("rules")["rules"]:
        missing = [key for key in _RULE_KEYS if key not in entry]
        if missing:
            raise DataTableError(f"rule {entry.get('code', entry)!r} lacks {', '.join(missing)}")
        if entry["category"] not in CATEGORIES:
            raise DataTableError(f"rule {entry['code']!r}: unknown category {entry['category']!r}")
        if entry["code"] in rules:
            raise DataTableError(f"rule {entry['code']!r} is declared twice")
        try:
            severity = Severity(entry["severity"])
        except ValueError:
            raise DataTableError(f"rule {entry['code']!r}: unknown severity {entry['severity']!r}") from None
        rules[entry["code"]] = Rule(**{**entry, "severity": severity})
    return rules


def rule(code: str) -> Rule:
    try:
        return all_rules()[code]
    except KeyError:
        raise DataTableError(f"no rule {code!r} in the rule table") from None


@cache
def profiles() -> dict[str, dict[str, dict[str, tuple[str, ...]]]]:
    """The requirements table, validated: profile -> entry type -> required / recommended elements."""
    table = load_check_table("requirements")
    elements = table["elements"]
    result: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
    for profile, types in table["profiles"].items():
        if "*" not in types:
            raise DataTableError(f"requirements profile {profile!r} needs a '*' entry")
        result[profile] = {}
        for entry_type, lists in types.items():
            for kind in ("required", "recommended"):
                for alternative in lists[kind]:
                    unknown = [e for e in alternative.split("|") if e not in elements]
                    if unknown:
                        raise DataTableError(f"requirements {profile}/{entry_type}: unknown element "
                                             f"{unknown[0]!r}")
            result[profile][entry_type] = {k: tuple(lists[k]) for k in ("required", "recommended")}
    return result


def requirements(profile: str, entry_type: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The (required, recommended) elements of an entry type in a profile ("gost", "apa", ...)."""
    types = profiles()[profile]
    lists = types.get(entry_type, types["*"])
    return lists["required"], lists["recommended"]


def element_description(element: str) -> str:
    elements = load_check_table("requirements")["elements"]
    return " or ".join(elements[e] for e in element.split("|"))
