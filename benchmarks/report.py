"""The tables and the plot of benchmarks/run.py, from its results (benchmarks/results.json)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

TITLES = {
    "parse": "Parse: reference strings to records",
    "bibtex": "BibTeX: read a .bib and write it back",
    "format": "Formatting: CSL-JSON items to a bibliography",
    "check": "Check: a list file to findings",
}
UNITS = {"parse": "refs/s", "bibtex": "entries/s", "format": "entries/s", "check": "refs/s"}
START, END = "<!-- benchmark results: start -->", "<!-- benchmark results: end -->"


def _baseline(rows: list[dict[str, Any]], row: dict[str, Any]) -> dict[str, Any] | None:
    for other in rows:
        same_case = other.get("case", "") == row.get("case", "") or row.get("measured_on")   # refextract: a prefix
        if other["tool"] == "polybib" and other["size"] == row["size"] and same_case:
            return other
    return None


def _rate(row: dict[str, Any]) -> tuple[float | None, str]:
    """The rate and how it is bounded: "" measured, "<" at most (stopped at the timeout)."""
    if row.get("timed_out"):
        return row.get("rate_bound"), "<"
    return row.get("rate"), ""


def ratio(rows: list[dict[str, Any]], row: dict[str, Any]) -> str:
    """polybib ÷ this tool, on throughput (above 1: polybib is faster)."""
    if row["tool"].startswith("polybib"):
        return ""
    base = _baseline(rows, row)
    if base is None:
        return ""
    ours, our_bound = _rate(base)
    theirs, their_bound = _rate(row)
    if not ours or not theirs:
        return ""
    if our_bound and their_bound:
        return "?"
    sign = "<" if our_bound else ">" if their_bound else ""
    value = ours / theirs
    return f"{sign}{value:.2f}" if value < 10 else f"{sign}{value:.0f}"


def _number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return ""
    return f"{value:,.{digits}f}"


def section_table(name: str, section: dict[str, Any]) -> str:
    rows = section["rows"]
    case_column = any(r.get("case") for r in rows)
    head = ["size", *(["case"] if case_column else []), "tool", "handled", "CPU s", UNITS[name], "peak MB",
            "polybib ÷ tool", "note"]
    lines = ["| " + " | ".join(head) + " |",
             "| " + " | ".join("---" if h in ("case", "tool", "note") else "---:" for h in head) + " |"]
    for row in rows:
        rate, bound = _rate(row)
        if row.get("error"):
            shown_rate, note = "failed", row["error"]
        else:
            shown_rate = f"{bound}{_number(rate)}" if rate else ""
            note = row.get("note", "")
            if row.get("timed_out"):
                note = f"stopped after {row['cpu_s']:.0f} s of CPU (the timeout); " + note
            if row.get("measured_on"):
                note = f"first {row['measured_on']:,} references only; {row.get('found', 0):,} found; " + note
            if row.get("written") is not None and row.get("written") != row.get("count"):
                note = f"{row['written']:,} written; " + note
            if row.get("findings") is not None:
                note = f"{row['findings']:,} findings; " + note
        handled = _number(row.get("count")) if row.get("count") is not None else ""
        cells = [f"{row['size']:,}", *([row.get("case", "")] if case_column else []), row["tool"], handled,
                 _number(row.get("cpu_s"), 1), shown_rate, _number(row.get("peak_mb")), ratio(rows, row),
                 note.strip().rstrip(";").replace("|", "\\|")]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def about(section: dict[str, Any]) -> str:
    m = section.get("machine", {})
    v = section.get("versions", {})
    tools = ", ".join(f"{k} {val}" for k, val in v.items())
    return (f"Measured {section.get('measured_at', '?')}{' (--quick)' if section.get('quick') else ''} on "
            f"{m.get('cpu', '?')}, {m.get('cores_available', '?')} of {m.get('cores', '?')} cores "
            f"(load average {', '.join(map(str, m.get('load_average', [])))} at the start), "
            f"{m.get('python', '?')}, {m.get('system', '?')}; {tools}.")


def tables(results: dict[str, Any]) -> str:
    """The sections' tables, with the machine and the versions: once when every section comes from
    one run, else above each section."""
    present = [name for name in TITLES if results["sections"].get(name)]
    runs = {about(results["sections"][name]) for name in present}
    parts = [next(iter(runs)), ""] if len(runs) == 1 else []
    for name in present:
        section = results["sections"][name]
        parts += [f"### {TITLES[name]}", ""]
        if len(runs) > 1:
            parts += [about(section), ""]
        parts += [section_table(name, section), ""]
    return "\n".join(parts).rstrip() + "\n"


COLOURS = {"polybib": "C0", "refextract": "C1", "bibtexparser": "C2", "refkit": "C3", "refkit-raw": "C4",
           "pybtex": "C5", "citeproc-py": "C6", "citeproc-js": "C8"}


def plot(results: dict[str, Any], path: Path) -> Path | None:
    """Throughput against list size, log-log: one panel per task, one line per tool (and style: GOST
    dashed, the CLI dotted). A measurement stopped at the timeout is not on the line: a hollow downward
    triangle marks its bound (the rate was lower)."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    names = [n for n in TITLES if results["sections"].get(n)]
    if not names:
        return None
    columns = 2 if len(names) > 1 else 1
    rows = (len(names) + columns - 1) // columns
    figure, axes = plt.subplots(rows, columns, figsize=(6 * columns, 4.5 * rows), squeeze=False)
    for axis, name in zip(axes.flat, names):
        lines: dict[str, list[tuple[int, float, bool]]] = {}
        for row in results["sections"][name]["rows"]:
            rate, bound = _rate(row)
            if rate:
                label = row["tool"] + (f" ({row['case']})" if row.get("case") else "")
                lines.setdefault(label, []).append((row["size"], rate, bool(bound)))
        for label, points in sorted(lines.items()):
            points.sort()
            tool = label.split(" (")[0]
            colour = COLOURS.get(tool.split()[0], "C7")
            style = ":" if "CLI" in label else "--" if "gost" in label else "-"
            marker = "^" if "CLI" in label else "s" if "gost" in label else "o"
            measured = [(x, y) for x, y, b in points if not b]   # a bound is no point of the line
            axis.plot([p[0] for p in measured], [p[1] for p in measured], style, marker=marker, color=colour,
                      label=label)
            bounded = [(x, y) for x, y, b in points if b]
            if bounded:
                axis.plot(*zip(*bounded), "v", markersize=11, markerfacecolor="none", color=colour)
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_title(TITLES[name])
        axis.set_xlabel("list size")
        axis.set_ylabel(f"{UNITS[name]}, CPU time (log)")
        axis.grid(True, which="both", alpha=0.3)
        axis.legend(fontsize=7)
    for axis in list(axes.flat)[len(names):]:
        axis.set_visible(False)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return path


def write_docs(results: dict[str, Any], page: Path, image: Path) -> None:
    """Put the tables between the page's markers and the plot beside it."""
    text = page.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{page}: no {START} ... {END} block to fill")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    generated = "<!-- written by `python benchmarks/run.py --write-docs`: do not edit by hand -->\n\n" + tables(results)
    page.write_text(f"{before}{START}\n{generated}\n{END}{after}", encoding="utf-8")
    plot(results, image)
