"""Render the dev corpus and the seed list with our adapter (citeproc-py) and with citeproc-js, the
reference CSL processor, in every bundled style, and report the share of entries whose texts are equal.

Skipped (exit 0, one line) when Node.js is absent. citeproc-js comes from the npm registry:
`npm install --prefix scripts/citeproc-js` (run here automatically when node_modules is missing).
Both processors get the same CSL-JSON items (`polybib._format.prepared_items`) and one locale for the
whole list (citeproc-js has no per-entry locales): ru-RU for the GOST styles, en-US for the others.

    .venv/bin/python scripts/compare_citeproc_js.py [--show N] [--markdown docs/citeproc-js.md]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polybib
from polybib._format import and_others, prepared_items
from polybib._styles import BUNDLED, load_style, styles_folder

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "scripts" / "citeproc-js"


def records() -> list[polybib.Reference]:
    refs = list(polybib.read_list(ROOT / "references" / "recommended-literature.txt"))
    for line in (ROOT / "tests" / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        refs.append(polybib.parse_reference(json.loads(line)["raw"]))
    return refs


def locales() -> dict[str, str]:
    from citeproc import LOCALES_PATH

    found = {}
    for folder in (Path(LOCALES_PATH), styles_folder()):
        for path in folder.glob("locales-*.xml"):
            found[path.stem[len("locales-"):]] = path.read_text(encoding="utf-8")
    return found


def citeproc_js(style: str, lang: str, items: list[dict], all_locales: dict[str, str]) -> dict:
    request = {"style": Path(BUNDLED[style]).read_text(encoding="utf-8"), "lang": lang, "locales": all_locales,
               "items": items}
    done = subprocess.run(["node", str(JS / "render.js")], input=json.dumps(request), capture_output=True,
                          text=True, check=False)
    if done.returncode:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "node failed")
    return json.loads(done.stdout)


def _unnumbered(text: str) -> str:
    return re.sub(r"^\[?\d+\]?\.?\s*", "", " ".join(text.split()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=3, help="differences to print per style")
    parser.add_argument("--markdown", type=Path, help="also write the table and the differences here")
    args = parser.parse_args()
    if shutil.which("node") is None:
        print("skipped: Node.js is not installed")
        return 0
    if not (JS / "node_modules" / "citeproc").exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(JS)], check=True,
                       capture_output=True)
    refs, all_locales = records(), locales()
    rows, shown = [], []
    for style in sorted(BUNDLED):
        lang = "ru-RU" if style.startswith("gost") else "en-US"
        items = prepared_items(refs, style=style)
        try:
            theirs = citeproc_js(style, lang, items, all_locales)
        except RuntimeError as exc:
            rows.append((style, len(items), None, None, str(exc)))
            continue
        ours = polybib.format_bibliography(refs, style=style, locale=lang, entry_locales=False)
        # entry numbers follow the sort order, compared apart ("same order"): leave them out of the texts
        our_text = {e.key: _unnumbered(e.text) for e in ours.entries}
        # a record's own "[и др.]" is a placeholder name in the items that polybib writes out after rendering
        et_al = load_style(style, locale=lang).term("et-al")
        theirs["entries"] = {key: _unnumbered(and_others(text, et_al)) for key, text in theirs["entries"].items()}
        equal = [key for key, text in theirs["entries"].items() if our_text.get(key) == text]
        same_order = [e.key for e in ours.entries] == theirs["order"]
        rows.append((style, len(items), len(equal), same_order, ""))
        differ = [key for key in theirs["entries"] if key not in set(equal)]
        for key in differ[:args.show]:
            shown.append((style, key, our_text.get(key, ""), " ".join(theirs["entries"][key].split())))
    lines = ["| style | entries | equal to citeproc-js | share | same order |", "| --- | ---: | ---: | ---: | --- |"]
    total = equal_total = 0
    for style, n, equal, same_order, error in rows:
        if equal is None:
            lines.append(f"| {style} | {n} | citeproc-js failed: {error} | | |")
            continue
        total, equal_total = total + n, equal_total + equal
        lines.append(f"| {style} | {n} | {equal} | {equal / n:.0%} | {'yes' if same_order else 'no'} |")
    lines.append(f"| **all** | {total} | {equal_total} | {equal_total / max(total, 1):.0%} | |")
    report = "\n".join(lines)
    print(report)
    details = []
    for style, key, ours_text, theirs_text in shown:
        details += [f"- {style} `{key}`", f"  - polybib:     {ours_text}", f"  - citeproc-js: {theirs_text}"]
    print("\n".join(details))
    if args.markdown:
        args.markdown.write_text(report + "\n\nSome differences:\n\n" + "\n".join(details) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
