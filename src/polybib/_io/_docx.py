"""Read a Word document (.docx) as a list's text: one line per paragraph, in document order
(table cells included), so that a reference's line is its paragraph's number.

Word's own list numbering (``w:numPr`` on the paragraph or on its style) is not part of the
paragraph's text: it is computed here from the numbering definitions (decimal, letters, roman)
and written in front of the paragraph as ``1.``, so that the list splitter sees what the reader
saw. Numbers typed by hand are part of the text and stay as they are.

>>> import io, docx
>>> document = docx.Document()
>>> _ = document.add_paragraph("Ədəbiyyat")
>>> _ = document.add_paragraph("Əliyev H. Azərbaycan tarixi. - Bakı: Elm, 2005. - 164 s.", style="List Number")
>>> _ = document.add_paragraph("Иванов И. И. Очерки истории. - М. : Наука, 2019. - 512 с.", style="List Number")
>>> buffer = io.BytesIO(); document.save(buffer)
>>> print(docx_text(buffer.getvalue()))
Ədəbiyyat
1. Əliyev H. Azərbaycan tarixi. - Bakı: Elm, 2005. - 164 s.
2. Иванов И. И. Очерки истории. - М. : Наука, 2019. - 512 с.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from .._exceptions import InputError

__all__ = ["docx_text", "is_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def is_docx(data: bytes) -> bool:
    """A .docx is a zip archive holding ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    """The numbering definitions (``numId`` → levels) and the running counters of each list."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    abstract_of: dict[str, str] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or num_id == "0":
            return ""
        # lists sharing an abstract definition continue one count, as Word does
        key = self.abstract_of.get(num_id, num_id)
        counts = self.counters.setdefault(key, [])
        while len(counts) <= ilvl:
            counts.append(levels.get(len(counts), _Level()).start - 1)
        counts[ilvl] += 1
        del counts[ilvl + 1:]
        level = levels.get(ilvl, _Level())
        if level.fmt in ("bullet", "none"):
            return "•" if level.fmt == "bullet" else ""
        text = level.text
        for depth, value in enumerate(counts):
            text = text.replace(f"%{depth + 1}", _format(value, levels.get(depth, _Level()).fmt))
        return text


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out, value = out + letters, value - number
    return out


def _numbering(document) -> _Numbering:  # noqa: ANN001 - a python-docx Document
    numbering = _Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return numbering
    abstracts: dict[str, dict[int, _Level]] = {}
    for abstract in root.iter(f"{_W}abstractNum"):
        levels = {}
        for lvl in abstract.iter(f"{_W}lvl"):
            level = _Level()
            for tag, attr in (("numFmt", "fmt"), ("lvlText", "text"), ("start", "start")):
                node = lvl.find(f"{_W}{tag}")
                if node is not None and node.get(f"{_W}val") is not None:
                    value = node.get(f"{_W}val")
                    setattr(level, attr, int(value) if attr == "start" else value)
            levels[int(lvl.get(f"{_W}ilvl", "0"))] = level
        abstracts[abstract.get(f"{_W}abstractNumId")] = levels
    for num in root.iter(f"{_W}num"):
        abstract_id = num.find(f"{_W}abstractNumId")
        if abstract_id is not None:
            key = abstract_id.get(f"{_W}val")
            numbering.levels[num.get(f"{_W}numId")] = abstracts.get(key, {})
            numbering.abstract_of[num.get(f"{_W}numId")] = key
    return numbering


def _num_pr(paragraph) -> tuple[str, int] | None:  # noqa: ANN001 - a python-docx Paragraph
    """The paragraph's list (numId, level), from the paragraph itself or else its style chain."""
    p_pr = paragraph._p.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    style = paragraph.style
    while num_pr is None and style is not None:
        style_p_pr = style.element.pPr
        num_pr = style_p_pr.numPr if style_p_pr is not None else None
        style = style.base_style
    if num_pr is None or num_pr.numId is None:
        return None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return str(num_pr.numId.val), int(ilvl)


def _paragraphs(document) -> Iterator:  # noqa: ANN001 - python-docx objects
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            yield Paragraph(child, document)
        elif child.tag == f"{_W}tbl":
            for row in Table(child, document).rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def docx_text(data: bytes, *, name: str = "<docx>") -> str:
    """The document's paragraphs as lines, Word's list numbers written out."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types for a damaged file
        raise InputError(f"{name}: not a readable Word document ({exc.__class__.__name__})") from None
    numbering = _numbering(document)
    lines = []
    for paragraph in _paragraphs(document):
        # a manual line break inside a paragraph is not a new reference
        text = " ".join(paragraph.text.replace("\t", " ").split())
        where = _num_pr(paragraph)
        label = numbering.label(*where) if where and text else ""
        lines.append(f"{label} {text}" if label else text)
    return "\n".join(lines)
