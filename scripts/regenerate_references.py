"""Regenerate the golden outputs of every list in references/: <list>.bib (BibLaTeX), <list>.json
(CSL-JSON), <list>.<style>.txt (the list formatted in each style of STYLES), and what `polybib check`
says on it: <list>.check (the human report) and <list>.check.json. Review the diff before committing:
tests/test_references.py and tests/test_check_golden.py compare them."""

from __future__ import annotations

from pathlib import Path

import polybib
from polybib._check._output import render
from polybib._export import render as render_records
from polybib._export import write_atomic

ROOT = Path(__file__).resolve().parent.parent
STYLES = ("gost-r-7-0-100-2018", "apa")


def source_lists() -> list[Path]:
    """The reference lists (not the formatted outputs <list>.<style>.txt beside them)."""
    return sorted(p for p in (ROOT / "references").glob("*.txt") if "." not in p.stem)


def check_outputs(source: Path) -> dict[str, str]:
    """The check reports of a list, by the suffix of their golden file."""
    report = polybib.check(source, name=source.relative_to(ROOT).as_posix())
    return {".check": render(report, "human"), ".check.json": render(report, "json")}


def main() -> None:
    for source in source_lists():
        refs = polybib.read_list(source)
        for suffix, fmt in ((".bib", "biblatex"), (".json", "csl-json")):
            target = source.with_suffix(suffix)
            write_atomic(target, render_records(refs, fmt))
            print(f"wrote {target.relative_to(ROOT)} ({len(refs)} records)")
        for style in STYLES:
            target = source.with_suffix(f".{style}.txt")
            write_atomic(target, polybib.format_bibliography(refs, style=style).render())
            print(f"wrote {target.relative_to(ROOT)} ({len(refs)} entries)")
        for suffix, text in check_outputs(source).items():
            target = source.with_suffix(suffix)
            write_atomic(target, text)
            print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
