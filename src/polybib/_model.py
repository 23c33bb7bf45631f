"""The one model every step shares: a `Reference` and the pieces it is made of.

A `Reference` can hold what GOST 7.1-2003 / GOST R 7.0.100-2018 describe for any kind of
document, not only books: persons with their roles, the title areas, the statement of
responsibility as printed, a host for component parts ("//"), the publication area, extent,
edition, series, identifiers, language and script, and the diagnostics the parser raised.
Exporters (BibLaTeX, CSL-JSON, ...) are views of this record; none invents data it lacks.

>>> from polybib import parse_reference
>>> ref = parse_reference("Mirabdullayev, Adil Mirabdulla oğlu. Müstəqil Dövlətlər Birliyi : "
...                       "monoqrafiya / A. M. Mirabdullayev. - Bakı : Elm, 2012. - 196 s.")
>>> ref.authors[0].family, ref.authors[0].given
('Mirabdullayev', 'Adil Mirabdulla oğlu')
>>> ref.title, ref.genre, ref.places, ref.publishers, ref.year, ref.pagetotal
('Müstəqil Dövlətlər Birliyi', 'monoqrafiya', ['Bakı'], ['Elm'], '2012', '196')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

__all__ = ["Diagnostic", "Person", "Reference", "Severity", "Span"]


class Severity(str, Enum):
    """How much a diagnostic matters to the record it is attached to."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Span:
    """A character range ``[start, end)`` in the reference's normalised text."""

    start: int
    end: int


@dataclass
class Diagnostic:
    """Something the parser noticed: a stable code, a message, and where."""

    code: str
    message: str
    severity: Severity = Severity.WARNING
    span: Span | None = None


@dataclass
class Person:
    """A personal name (family, given with patronymic kept) or a corporate body.

    ``role`` is one of author, editor, translator, compiler, reviewer, contributor;
    ``role_raw`` keeps the role words as printed ("elmi red.", "под ред.", "сост.").
    """

    family: str = ""
    given: str = ""
    corporate: str = ""
    role: str = "author"
    role_raw: str = ""

    @property
    def is_corporate(self) -> bool:
        return bool(self.corporate)

    def display(self) -> str:
        """The name as BibTeX writes it: "Family, Given" or "{Corporate Body}"."""
        if self.corporate:
            return "{" + self.corporate + "}"
        if self.family == "others":
            return "others"
        return f"{self.family}, {self.given}" if self.given else self.family


@dataclass
class Reference:
    """One bibliographic record, as GOST 7.1 describes it, plus where it came from."""

    entry_type: str = "book"
    authors: list[Person] = field(default_factory=list)
    editors: list[Person] = field(default_factory=list)
    translators: list[Person] = field(default_factory=list)
    contributors: list[Person] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    title: str = ""
    subtitle: str = ""
    translated_title: str = ""   # the title in English, as the user supplies it (for romanised "References" lists)
    genre: str = ""
    responsibility: str = ""
    maintitle: str = ""
    host: Reference | None = None
    places: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)
    year: str = ""   # "2005", or "1958/1963" for a work that came out over several years
    date: str = ""
    pagetotal: str = ""
    pages: str = ""
    volume: str = ""
    volumes: str = ""
    number: str = ""
    edition: str = ""
    series: str = ""
    thesis_type: str = ""
    isbn: list[str] = field(default_factory=list)
    issn: list[str] = field(default_factory=list)
    doi: str = ""
    url: str = ""
    urldate: str = ""
    note: list[str] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)
    language: str = ""
    script: str = ""
    raw: str = ""
    key: str = ""  # the citation key a record came with (.bib key, CSL-JSON id, RIS ID); "" when parsed
    line: int | None = None
    spans: dict[str, Span] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def diagnose(self, code: str, message: str, *, severity: Severity = Severity.WARNING,
                 span: Span | None = None) -> None:
        """Attach a diagnostic to this record."""
        self.diagnostics.append(Diagnostic(code, message, severity, span))

    @property
    def partly_understood(self) -> bool:
        """True when some of the input could not be placed in a field (an error diagnostic)."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)
