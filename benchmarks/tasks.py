"""One measurement in a fresh process, for benchmarks/run.py (a fresh process per measurement: no cache
warmed by an earlier one, and the process's peak resident size is the tool's own).

    python benchmarks/tasks.py TASK TOOL [ARGS...]

prints one JSON object on its last line: ``count`` (what the tool handled: references parsed, entries
read, entries formatted), ``cpu_s`` (time.process_time of the timed part only: the input is read and
built before the clock starts) and ``peak_mb`` (the process's peak resident size), plus what the task
adds (``written``, ``findings``, ``note``).

The peak is VmHWM of /proc/self/status, not ru_maxrss: Linux carries ru_maxrss across fork and exec,
so a process started by a larger one reports the larger one's size.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

import corpus  # noqa: E402

Result = dict[str, Any]


def _timed(work: Callable[[], Result]) -> Result:
    start = time.process_time()
    result = work()
    result["cpu_s"] = time.process_time() - start
    return result


# ---- parse: reference strings -> records ----------------------------------------------------------------

def parse_polybib(n: str) -> Result:
    import polybib

    refs = corpus.references(int(n))
    for text in corpus.warm_up_references():   # the parser's tables loaded, none of the list's strings seen
        polybib.parse_reference(text)

    def work() -> Result:
        partly = sum(1 for text in refs if polybib.parse_reference(text).diagnostics)
        return {"count": len(refs), "note": f"{partly} with a diagnostic"}
    return _timed(work)


def parse_refextract(n: str) -> Result:
    from refextract import extract_references_from_string

    extract_references_from_string("1. Warm-up J. Title. - London, 2000.")   # loads its knowledge bases
    document = "\n".join(f"{number}. {text}" for number, text in enumerate(corpus.references(int(n)), 1))
    return _timed(lambda: {"count": int(n), "found": len(extract_references_from_string(document))})


# ---- bibtex: read a .bib of n entries and write it back --------------------------------------------------
# Each tool first reads and writes WARM_UP (not timed), so that what it loads on first use is loaded.

WARM_UP = """@book{ivanov2019,
	author = {Иванов, И. И.},
	title = {Очерки истории},
	location = {М.},
	publisher = {Наука},
	date = {2019},
	pagetotal = {512},
	langid = {russian}
}

@article{aliyev2005,
	author = {Əliyev, Həmzə},
	title = {Azərbaycan tarixi},
	journaltitle = {Elm və həyat},
	date = {2005},
	pages = {12--15},
	langid = {azerbaijani}
}
"""

def _entries_in(bibtex: str) -> int:
    return sum(1 for line in bibtex.splitlines()
               if line.startswith("@") and not line[1:].lower().startswith(("string", "comment", "preamble")))


def bibtex_polybib(path: str) -> Result:
    import polybib

    text = Path(path).read_text(encoding="utf-8")
    polybib.to_biblatex(polybib.read_bibtex(WARM_UP))

    def work() -> Result:
        records = polybib.read_bibtex(text, name=path)
        return {"count": len(records), "output": polybib.to_biblatex(records),
                "note": f"{len(records.diagnostics)} diagnostics" if records.diagnostics else ""}
    return _written(_timed(work))


def bibtex_bibtexparser(path: str) -> Result:
    import bibtexparser

    text = Path(path).read_text(encoding="utf-8")
    bibtexparser.write_string(bibtexparser.parse_string(WARM_UP))

    def work() -> Result:
        library = bibtexparser.parse_string(text)
        failed = len(library.failed_blocks)
        return {"count": len(library.entries), "output": bibtexparser.write_string(library),
                "note": f"{failed} failed blocks" if failed else ""}
    return _written(_timed(work))


def bibtex_refkit(path: str) -> Result:
    import refkit

    text = Path(path).read_text(encoding="utf-8")
    refkit.encode(refkit.Library.parse_bibtex(WARM_UP), format="biblatex")

    def work(pieces: list[str]) -> Result:
        count, lossy, diagnostics, output = 0, 0, 0, []
        for piece in pieces:
            library = refkit.Library.parse_bibtex(piece, recovery="report")
            encoded = refkit.encode(library, format="biblatex")
            count, diagnostics = count + len(library), diagnostics + len(library.diagnostics)
            lossy += sum(1 for issue in encoded["issues"] if issue.get("lossy"))
            output.append(encoded["text"])
        note = f"{diagnostics} diagnostics; " if diagnostics else ""
        return {"count": count, "output": "\n".join(output),
                "note": note + (f"{lossy} lossy-write issues (entry types normalised)" if lossy else "")}
    try:
        return _written(_timed(lambda: work([text])))
    except refkit.ParseError as exc:
        refused = str(exc)
    size = 16 * 2**20   # the largest pieces it reads (found before the clock starts), halving from 16 MiB
    while True:
        size //= 2
        pieces = _pieces(text, size)
        try:
            refkit.Library.parse_bibtex(pieces[0], recovery="report")
            break
        except refkit.ParseError as exc:
            refused += f"; {size // 2**20} MiB: {exc}"
    result = _written(_timed(lambda: work(pieces)))
    result["note"] = (f"refuses the whole file ({refused}): timed on {len(pieces)} pieces of at most "
                      f"{size // 2**20} MiB; " + result["note"])
    return result


def _pieces(text: str, most: int) -> list[str]:
    """``text`` cut between entries into pieces of at most ``most`` bytes of UTF-8."""
    pieces, current, size = [], [], 0
    for entry in text.split("\n@"):
        entry = entry if not pieces and not current else "@" + entry
        length = len(entry.encode("utf-8")) + 1
        if current and size + length > most:
            pieces.append("\n".join(current))
            current, size = [], 0
        current.append(entry)
        size += length
    pieces.append("\n".join(current))
    return pieces


def bibtex_refkit_raw(path: str) -> Result:
    import refkit

    text = Path(path).read_text(encoding="utf-8")
    refkit.BibDocument.parse(WARM_UP).to_bibtex()

    def work() -> Result:
        document = refkit.BibDocument.parse(text)
        failed = len(document.failed_blocks)
        return {"count": len(document.entries.occurrences()), "output": document.to_bibtex(),
                "note": f"{failed} failed blocks" if failed else "source-preserving: writes the text it read"}
    return _written(_timed(work))


def bibtex_pybtex(path: str) -> Result:
    import pybtex.database

    text = Path(path).read_text(encoding="utf-8")
    pybtex.database.parse_string(WARM_UP, "bibtex").to_string("bibtex")

    def work() -> Result:
        data = pybtex.database.parse_string(text, "bibtex")
        return {"count": len(data.entries), "output": data.to_string("bibtex")}
    return _written(_timed(work))


def _written(result: Result) -> Result:
    result["written"] = _entries_in(result.pop("output"))
    return result


# ---- format: CSL-JSON items -> a bibliography ---------------------------------------------------------

def items(n: str, out: str) -> Result:
    """Write the CSL-JSON items the format section reads: polybib's records of the first n references,
    with ids r1, r2, ... (unique whatever the keys would be)."""
    import polybib

    records = [polybib.parse_reference(text) for text in corpus.references(int(n))]
    data = polybib.to_csl_json(records)
    for number, item in enumerate(data, 1):
        item["id"] = f"r{number}"
    Path(out).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return {"count": len(data)}


def _load_items(path: str, n: str) -> list[dict[str, Any]]:
    return json.loads(Path(path).read_text(encoding="utf-8"))[:int(n)]


def format_polybib(path: str, n: str, style: str, _locale: str) -> Result:
    import polybib

    data = _load_items(path, n)

    def work() -> Result:
        bibliography = polybib.format_bibliography(data, style=style)
        return {"count": len(bibliography.entries), "first": bibliography.entries[0].text}
    return _timed(work)


def _style_path(style: str) -> str:
    return str(ROOT / "src" / "polybib" / "styles" / f"{style}.csl")


def format_citeproc_py(path: str, n: str, style: str, locale: str) -> Result:
    from citeproc import NAMES, Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    data = _load_items(path, n)
    warnings.simplefilter("ignore")   # a warning for every CSL variable citeproc-py does not know

    def unknown_names(item: dict[str, Any]) -> list[str]:
        return [key for key, value in item.items() if isinstance(value, list) and value
                and isinstance(value[0], dict) and key.replace("-", "_") not in NAMES]

    def render(chosen: list[dict[str, Any]]) -> list[str]:
        source = CiteProcJSON(chosen)
        bibliography = CitationStylesBibliography(CitationStylesStyle(_style_path(style), locale=locale,
                                                                      validate=False), source, formatter.plain)
        for item in chosen:
            bibliography.register(Citation([CitationItem(item["id"])]))
        bibliography.sort()
        return [str(entry) for entry in bibliography.bibliography()]

    note = ""
    odd = [item for item in data if unknown_names(item)]
    if odd:
        try:
            render(odd)
        except Exception as exc:  # noqa: BLE001 - what fails is the finding
            variables = sorted({key for item in odd for key in unknown_names(item)})
            note = (f"fails ({type(exc).__name__}) on the {len(odd)} items with CSL 1.0.2 name variables it "
                    f"lacks ({', '.join(variables)}): timed with those mapped to editor")
            for item in odd:
                for key in unknown_names(item):
                    item["editor"] = [*item.get("editor", []), *item.pop(key)]

    def work() -> Result:
        texts = render(data)
        return {"count": len(texts), "first": texts[0], "note": note}
    return _timed(work)


def format_refkit(path: str, n: str, style: str, locale: str) -> Result:
    import refkit

    text = json.dumps(_load_items(path, n), ensure_ascii=False)

    def work() -> Result:
        library = refkit.decode(text, format="csl-json")["library"]
        document = refkit.Document(library, refkit.Style.from_path(_style_path(style)), locale=locale)
        lines = document.full_bibliography().text.splitlines()
        return {"count": len(lines), "first": lines[0] if lines else "",
                "note": "" if len(lines) == len(library) else f"{len(library)} items read"}
    return _timed(work)


def request_citeproc_js(path: str, n: str, style: str, locale: str, out: str) -> Result:
    """Write the request benchmarks/citeproc_js.js reads: the style, every locale citeproc-py and polybib
    ship, and the items."""
    from citeproc import LOCALES_PATH

    locales = {}
    for folder in (Path(LOCALES_PATH), ROOT / "src" / "polybib" / "styles"):
        for locale_file in folder.glob("locales-*.xml"):
            locales[locale_file.stem[len("locales-"):]] = locale_file.read_text(encoding="utf-8")
    request = {"style": Path(_style_path(style)).read_text(encoding="utf-8"), "lang": locale,
               "locales": locales, "items": _load_items(path, n)}
    Path(out).write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    return {"count": len(request["items"])}


# ---- the polybib command, as `python -m polybib ARGS...` -------------------------------------------------

def cli_polybib(*args: str) -> Result:
    """Run the command in this process (its start-up included), and say its exit and its CPU time."""
    import runpy

    sys.argv = ["polybib", *args]
    code: int | str | None = 0
    try:
        runpy.run_module("polybib", run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"exit": code, "cpu_s": usage.ru_utime + usage.ru_stime}


# ---- check: a list file -> findings ----------------------------------------------------------------------

def check_polybib(path: str) -> Result:
    import polybib

    polybib.check("".join(f"• {text}\n" for text in corpus.warm_up_references()))   # its tables loaded

    def work() -> Result:
        report = polybib.check(Path(path))
        return {"count": report.references, "findings": len(report.findings)}
    return _timed(work)


TASKS: dict[tuple[str, str], Callable[..., Result]] = {
    ("parse", "polybib"): parse_polybib,
    ("parse", "refextract"): parse_refextract,
    ("bibtex", "polybib"): bibtex_polybib,
    ("bibtex", "bibtexparser"): bibtex_bibtexparser,
    ("bibtex", "refkit"): bibtex_refkit,
    ("bibtex", "refkit-raw"): bibtex_refkit_raw,
    ("bibtex", "pybtex"): bibtex_pybtex,
    ("items", "polybib"): items,
    ("format", "polybib"): format_polybib,
    ("format", "citeproc-py"): format_citeproc_py,
    ("format", "refkit"): format_refkit,
    ("request", "citeproc-js"): request_citeproc_js,
    ("check", "polybib"): check_polybib,
    ("cli", "polybib"): cli_polybib,
}


def peak_mb() -> float:
    """The peak resident size of this process in MB (VmHWM; ru_maxrss where there is no /proc)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    task, tool, *args = argv
    result = TASKS[task, tool](*args)
    result["peak_mb"] = peak_mb()
    sys.stdout.flush()
    print("\n" + json.dumps(result, ensure_ascii=False), file=sys.__stdout__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
