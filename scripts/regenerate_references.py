"""Regenerate the golden outputs of every list in references/: <list>.bib (BibLaTeX) and <list>.json
(CSL-JSON). Review the diff before committing: tests/test_references.py compares them."""

from __future__ import annotations

from pathlib import Path

import polybib
from polybib._export import render, write_atomic

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    for source in sorted((ROOT / "references").glob("*.txt")):
        refs = polybib.read_list(source)
        for suffix, fmt in ((".bib", "biblatex"), (".json", "csl-json")):
            target = source.with_suffix(suffix)
            write_atomic(target, render(refs, fmt))
            print(f"wrote {target.relative_to(ROOT)} ({len(refs)} records)")


if __name__ == "__main__":
    main()
