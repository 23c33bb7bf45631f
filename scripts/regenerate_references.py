"""Regenerate the golden outputs of every list in references/: <list>.bib (BibLaTeX), <list>.json
(CSL-JSON) and <list>.<style>.txt (the list formatted in each style of STYLES). Review the diff before
committing: tests/test_references.py compares them."""

from __future__ import annotations

from pathlib import Path

import polybib
from polybib._export import render, write_atomic

ROOT = Path(__file__).resolve().parent.parent
STYLES = ("gost-r-7-0-100-2018", "apa")


def source_lists() -> list[Path]:
    """The reference lists (not the formatted outputs <list>.<style>.txt beside them)."""
    return sorted(p for p in (ROOT / "references").glob("*.txt") if "." not in p.stem)


def main() -> None:
    for source in source_lists():
        refs = polybib.read_list(source)
        for suffix, fmt in ((".bib", "biblatex"), (".json", "csl-json")):
            target = source.with_suffix(suffix)
            write_atomic(target, render(refs, fmt))
            print(f"wrote {target.relative_to(ROOT)} ({len(refs)} records)")
        for style in STYLES:
            target = source.with_suffix(f".{style}.txt")
            write_atomic(target, polybib.format_bibliography(refs, style=style).render())
            print(f"wrote {target.relative_to(ROOT)} ({len(refs)} entries)")


if __name__ == "__main__":
    main()
