"""Write the reading fixtures of tests/test_io_fixtures.py from the seed list
(references/recommended-literature.txt), so that every one of them can be made again and checked:

- ``seed.docx``: the list as a Word document, numbered with Word's own list numbering (a decimal
  numbering definition and ``w:numPr`` on each numbered paragraph, as Word writes them), the
  unnumbered seventh reference an ordinary indented paragraph;
- ``seed.utf16le-bom.txt`` (Windows Notepad's "Unicode"), ``seed.utf16be.txt`` (no mark) and
  ``seed.utf8-bom.txt``;
- ``seed-ru.cp1251.txt`` and ``seed-ru.koi8r.txt``: its Russian references (5-7) alone, since the
  Azerbaijani letters have no place in those code pages;
- ``seed-az-1991.cp1254.txt``: its Azerbaijani references (1-4) typed in the 1991-92 alphabet
  ("ä" for "ə") and saved as Windows-1254.

Run: .venv/bin/python scripts/make_io_fixtures.py
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.shared import Cm

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "references" / "recommended-literature.txt"
OUT = ROOT / "tests" / "data" / "io"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# A decimal list as Word 2016 defines it when the "Numbering" button is pressed.
_ABSTRACT = f"""<w:abstractNum xmlns:w="{_W}" w:abstractNumId="90">
  <w:multiLevelType w:val="hybridMultilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/>
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>"""
_NUM = f'<w:num xmlns:w="{_W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").split("\n")


def make_docx(lines: list[str], target: Path) -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{_W}}}num")
    abstract = parse_xml(_ABSTRACT)
    if first_num is not None:
        first_num.addprevious(abstract)  # abstract definitions come before the w:num elements
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(_NUM))
    for line in lines:
        text = line.strip()
        label, _, rest = text.partition(". ")
        if label.isdigit():
            paragraph = document.add_paragraph(rest, style="List Paragraph")
            p_pr = paragraph._p.get_or_add_pPr()
            p_pr.append(parse_xml(f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
        else:
            paragraph = document.add_paragraph(text)
            if text and line.startswith(" "):
                paragraph.paragraph_format.left_indent = Cm(1.27)
    document.core_properties.title = "Recommended literature"
    document.save(target)


def to_legacy_alphabet(text: str) -> str:
    return text.replace("ə", "ä").replace("Ə", "Ä")


def write_fixtures(out: Path = OUT) -> list[Path]:
    """Write every fixture into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    lines = seed_lines()
    text = "\n".join(lines)
    make_docx(lines, out / "seed.docx")
    windows = text.replace("\n", "\r\n")
    (out / "seed.utf16le-bom.txt").write_bytes(windows.encode("utf-16"))
    (out / "seed.utf16be.txt").write_bytes(text.encode("utf-16-be"))
    (out / "seed.utf8-bom.txt").write_bytes(text.encode("utf-8-sig"))
    heading, blank = lines[0], lines[1]
    russian = "\n".join([heading, blank, *lines[6:9]])
    (out / "seed-ru.cp1251.txt").write_bytes(russian.replace("\n", "\r\n").encode("cp1251"))
    (out / "seed-ru.koi8r.txt").write_bytes(russian.encode("koi8-r"))
    azerbaijani = to_legacy_alphabet("\n".join([heading, blank, *lines[2:6]]))
    (out / "seed-az-1991.cp1254.txt").write_bytes(azerbaijani.replace("\n", "\r\n").encode("cp1254"))
    return sorted(out.iterdir())


def main() -> None:
    for path in write_fixtures():
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
