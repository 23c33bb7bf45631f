"""Rules on one record: required and recommended elements (the requirements table), ISBN and ISSN
check digits (python-stdnum), an access date for an address, plausible years and page counts, and the
diagnostics the parser raised while reading the reference.

>>> from polybib import parse_reference
>>> ref = parse_reference("Kalankatuklu Moisey. Albaniya tarixi. -Bakı, «Elm», 1993.")
>>> [h.message for h in missing_elements(ref, ref.raw, style=None)]
['book lacks the extent (number of pages or volumes)', 'book without the ISBN']
>>> ref = parse_reference("Иванов И. И. Очерки истории. – М. : Наука, 2019. – 512 с. – ISBN 978-5-02-037153-9.")
>>> [h.code for h in isbn_checks(ref, ref.raw, style=None)]
['isbn-invalid']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

from stdnum import isbn as stdnum_isbn
from stdnum import issn as stdnum_issn
from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError

from .._model import Reference
from .._text import normalize
from ._report import Hit
from ._rules import element_description, requirements

__all__ = ["ELEMENTS", "RULES", "isbn_checks", "issn_checks", "missing_elements", "parser_diagnostics"]

_SPECIALTY = re.compile(r"\b\d{2}\.\d{2}\.\d{2}\b")
_EARLIEST_PRINTING = 1450     # Gutenberg: a printed book cannot be older
_YEAR_OR_RANGE = re.compile(r"\d{4}(?:/\d{4})?")   # "2005", or the years of a work published over several, "1958/1963"
_MOST_PAGES = 5000

ELEMENTS: dict[str, Callable[[Reference], object]] = {
    "author": lambda r: r.authors or r.organizations or r.editors,
    "title": lambda r: r.title,
    "place": lambda r: r.places,
    "publisher": lambda r: r.publishers,
    "year": lambda r: r.year or r.date,
    "extent": lambda r: r.pagetotal or r.volumes or r.volume,
    "host": lambda r: r.host,
    "pages": lambda r: r.pages,
    "number": lambda r: r.number or r.volume,
    "degree": lambda r: r.thesis_type,
    "specialty": lambda r: _SPECIALTY.search(" ".join([r.raw, r.thesis_type, *r.note])),
    "url": lambda r: r.url,
    "urldate": lambda r: r.urldate,
    "isbn": lambda r: r.isbn or (r.host.isbn if r.host else None),
    "issn": lambda r: r.issn or (r.host.issn if r.host else None),
    "doi": lambda r: r.doi,
}


def _present(ref: Reference, alternatives: str) -> bool:
    return any(ELEMENTS[name](ref) for name in alternatives.split("|"))


def missing_elements(ref: Reference, raw: str, *, style: str | None) -> Iterator[Hit]:
    """Required elements (GOST 7.1-2003, 4.1-4.8, or the style's) and recommended ones."""
    required, recommended = requirements(style or "gost", ref.entry_type)
    for alternatives in required:
        if not _present(ref, alternatives):
            yield Hit("missing-element", f"{ref.entry_type} lacks {element_description(alternatives)}", 0, 0)
    for alternatives in recommended:
        if not _present(ref, alternatives):
            yield Hit("missing-recommended", f"{ref.entry_type} without {element_description(alternatives)}",
                      0, 0)


def _find(raw: str, value: str) -> tuple[int, int]:
    """Where an identifier is in the raw text (its digits may be spaced or hyphenated differently)."""
    pattern = r"[\s\-‐–]?".join(re.escape(ch) for ch in re.sub(r"[\s\-‐–]", "", value))
    match = re.search(pattern, raw, re.IGNORECASE)
    return match.span() if match else (0, 0)


def isbn_checks(ref: Reference, raw: str, *, style: str | None) -> Iterator[Hit]:
    """ISBN length and check digit; an ISBN-10 where ISBN-13 has been issued since 2007 (ISO 2108)."""
    for value in ref.isbn:
        start, end = _find(raw, value)
        try:
            compact = stdnum_isbn.validate(value)
        except ValidationError as exc:
            yield Hit("isbn-invalid", f"ISBN {value}: {_why(exc)}", start, end)
            continue
        if len(compact) == 10:
            yield Hit("isbn-10", f"ISBN-10 {value}; since 2007 the ISBN-13 is "
                      f"{stdnum_isbn.format(stdnum_isbn.to_isbn13(compact))}", start, end)


def issn_checks(ref: Reference, raw: str, *, style: str | None) -> Iterator[Hit]:
    """ISSN length and check digit (ISO 3297)."""
    for value in ref.issn:
        try:
            stdnum_issn.validate(value)
        except ValidationError as exc:
            yield Hit("issn-invalid", f"ISSN {value}: {_why(exc)}", *_find(raw, value))


def _why(exc: ValidationError) -> str:
    if isinstance(exc, InvalidChecksum):
        return "the check digit is wrong"
    if isinstance(exc, InvalidLength):
        return "wrong number of digits"
    return "not a valid number"


def url_without_access_date(ref: Reference, raw: str, *, style: str | None) -> Iterator[Hit]:
    """GOST 7.1-2003, 9 / GOST R 7.0.100-2018, 4.15: an address is followed by '(дата обращения: ...)'."""
    if ref.url and not ref.urldate:
        start = raw.find(ref.url)
        yield Hit("url-without-access-date", f"the address {ref.url!r} has no access date",
                  max(start, 0), max(start, 0) + len(ref.url) if start >= 0 else 0)


def implausible_year(ref: Reference, raw: str, *, style: str | None, today: date | None = None) -> Iterator[Hit]:
    """A year after this one, or before printing began (unless the record is a manuscript)."""
    if not _YEAR_OR_RANGE.fullmatch(ref.year or ""):
        return
    now = (today or date.today()).year
    for written in ref.year.split("/"):
        year, start = int(written), raw.find(written)
        span = (start, start + 4) if start >= 0 else (0, 0)
        if year > now:
            yield Hit("implausible-year", f"the year {year} is in the future", *span)
        elif year < _EARLIEST_PRINTING:
            yield Hit("implausible-year", f"the year {year} is before printing began", *span)


def implausible_extent(ref: Reference, raw: str, *, style: str | None) -> Iterator[Hit]:
    """A page total of 0 or over 5000 in one volume; a page range that runs backwards."""
    if ref.pagetotal.isdigit() and not 0 < int(ref.pagetotal) <= _MOST_PAGES:
        match = re.search(rf"(?<!\d){re.escape(ref.pagetotal)}(?!\d)", raw)
        yield Hit("implausible-extent", f"{ref.pagetotal} pages in one volume is implausible",
                  *(match.span() if match else (0, 0)))
    match = re.fullmatch(r"(\d+)--(\d+)", ref.pages or "")
    if match and int(match.group(1)) > int(match.group(2)):
        where = re.search(rf"{match.group(1)}\s?[-–—]\s?{match.group(2)}", raw)
        yield Hit("implausible-extent", f"the page range {match.group(1)}–{match.group(2)} runs backwards",
                  *(where.span() if where else (0, 0)))


def year_format(ref: Reference, raw: str, *, style: str | None) -> Iterator[Hit]:
    """JabRef's four-digit year check: '93', '199?', '2005a' in a record's year."""
    if ref.year and not _YEAR_OR_RANGE.fullmatch(ref.year):
        yield Hit("year-format", f"the year {ref.year!r} is not a four-digit year", 0, 0)


def title_with_url(ref: Reference, raw: str, *, style: str | None) -> Iterator[Hit]:
    """JabRef's check for an address typed into the title: it belongs in the URL element."""
    match = re.search(r"(?:https?://|www\.)\S+", ref.title)
    if match:
        yield Hit("title-with-url", f"the title holds the address {match.group()!r}", 0, 0)


def parser_diagnostics(ref: Reference, raw: str, *, style: str | None) -> Iterator[Hit]:
    """What the parser noticed, placed in the raw text (its spans are in the normalised text)."""
    normalized = normalize(raw)[0]
    for diagnostic in ref.diagnostics:
        if diagnostic.code in ("mixed-script-word", "html-entity"):
            continue   # found (and fixed) in the raw text by the text rules
        start, end = _heading_span(raw) if diagnostic.code == "inverted-heading" else \
            _sor_initials_span(raw) if diagnostic.code == "initials-disagree" else (0, 0)
        if diagnostic.span is not None:
            snippet = normalized[diagnostic.span.start:diagnostic.span.end]
            if normalized == raw:
                start, end = diagnostic.span.start, diagnostic.span.end
            elif snippet and raw.find(snippet) >= 0:
                start = raw.find(snippet)
                end = start + len(snippet)
        yield Hit(diagnostic.code, diagnostic.message, start, end)


def _heading_span(raw: str) -> tuple[int, int]:
    match = re.match(r".+?[^\W\d_]{2}(?=\.(?:\s|[^\W\d_]))", raw)
    return match.span() if match else (0, 0)


def _sor_initials_span(raw: str) -> tuple[int, int]:
    match = re.search(r"(?<!/)/\s?((?:[^\W\d_]\.\s?)+)", raw)
    return (match.start(1), match.start(1) + len(match.group(1).rstrip())) if match else (0, 0)


RULES = {
    "missing-element": missing_elements,
    "missing-recommended": missing_elements,
    "isbn-invalid": isbn_checks,
    "isbn-10": isbn_checks,
    "issn-invalid": issn_checks,
    "url-without-access-date": url_without_access_date,
    "implausible-year": implausible_year,
    "implausible-extent": implausible_extent,
    "year-format": year_format,
    "title-with-url": title_with_url,
}
