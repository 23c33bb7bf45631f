"""The exceptions polybib raises for misuse; bad *references* are data, not exceptions.

    PolybibError (ValueError)
     ├── InputError          a list or file cannot be read at all (missing, not text)
     ├── CheckError          `polybib check` was asked for an unknown rule, category or style
     ├── DataTableError      a bundled data table is malformed (a bug in polybib)
     ├── ExportError         a record cannot be written in the requested format
     └── StyleError          a CSL style or locale cannot be found or read

The CLI catches `PolybibError` once and prints its message on one line.
"""

from __future__ import annotations

__all__ = ["CheckError", "DataTableError", "ExportError", "InputError", "PolybibError", "StyleError"]


class PolybibError(ValueError):
    """Base class of every error polybib raises on purpose."""

    default_message = "polybib could not complete the request"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)


class InputError(PolybibError):
    default_message = "the input cannot be read"


class DataTableError(PolybibError):
    default_message = "a bundled data table is malformed"


class ExportError(PolybibError):
    default_message = "the records cannot be written in that format"


class CheckError(PolybibError):
    default_message = "the check cannot run as asked (unknown rule, category or style)"


class StyleError(PolybibError):
    default_message = "the CSL style or locale cannot be used"
