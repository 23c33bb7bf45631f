"""polybib's benchmarks: parse, BibTeX read + write, formatting and check, against peers, in one run.

    python benchmarks/run.py                  # everything (about an hour on 2 busy shared cores today)
    python benchmarks/run.py --quick          # small sizes only (a few minutes)
    python benchmarks/run.py --only parse,format
    python benchmarks/run.py --million        # also stream a 1,000,000-reference list through `polybib parse`
    python benchmarks/run.py --write-docs     # also put the table and the plot into docs/performance.md
    python benchmarks/run.py --report-only --write-docs    # the docs from benchmarks/results.json, no run

Install the peers first: `pip install -e '.[bench]'` (refextract, refkit, pybtex, matplotlib), and
`npm install --prefix scripts/citeproc-js` for citeproc-js (its rows are left out when Node.js is absent).

Every measurement runs in a fresh process (benchmarks/tasks.py, or the polybib CLI), one after the
other, the tools of one size next to each other, so the ratios (polybib ÷ peer, on throughput: above 1
polybib is faster) compare numbers taken minutes apart on the same machine. Rates are CPU time
(time.process_time of the timed part; for the CLI, the process's user + system time, start-up
included); memory is the peak resident size of the measuring process (ru_maxrss). A measurement that
uses more than --timeout CPU seconds is stopped and reported as a bound. Each section's rows are written to
benchmarks/results.json (sections not run keep their last rows), with the table printed and a plot
(benchmarks/results.png; docs/performance.png with --write-docs). Not a test: nothing asserts a speed.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from itertools import islice
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import report  # noqa: E402

SECTIONS = ("parse", "bibtex", "format", "check")
STYLES = {"apa": "en-US", "gost-r-7-0-5-2008": "ru-RU"}   # the peers' one locale per style
JS = ROOT / "scripts" / "citeproc-js"


@dataclass(frozen=True)
class Plan:
    parse: tuple[int, ...]
    refextract: int
    bibtex: tuple[int, ...]
    format: tuple[int, ...]
    check: tuple[int, ...]


FULL = Plan(parse=(1_000, 10_000, 100_000), refextract=1_000, bibtex=(1_000, 10_000, 100_000),
            format=(1_000, 10_000), check=(1_000, 10_000, 100_000))
QUICK = Plan(parse=(1_000,), refextract=50, bibtex=(1_000,), format=(300,), check=(1_000,))


@dataclass
class Measured:
    """What one process did: its exit, its clock and its rusage (the child's own)."""

    returncode: int | None
    wall_s: float
    cpu_s: float
    peak_mb: float
    timed_out: bool
    stdout: str
    stderr: str


def run_process(command: list[str], *, timeout: float | None) -> Measured:
    """Run ``command`` with polybib's source first on the path; its rusage from wait4, so that the
    peak resident size is that process's alone."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
           "PYTHONWARNINGS": "ignore"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        stopped, ended = threading.Event(), threading.Event()
        peak: list[float] = []

        def watch() -> None:
            # the timeout counts the child's CPU time, not the clock: on a busy machine a tool is not
            # stopped for waiting its turn (the clock's limit is four times as long)
            while not ended.wait(0.5):
                if _cpu_seconds(process.pid) > timeout or time.perf_counter() - start > 4 * timeout:
                    stopped.set()
                    peak.append(_vm_hwm(process.pid))
                    process.kill()
                    return
        watcher = threading.Thread(target=watch, daemon=True) if timeout else None
        if watcher:
            watcher.start()
        _, status, usage = os.wait4(process.pid, 0)
        ended.set()
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        # ru_maxrss counts this (parent) process's size too (Linux keeps it across fork and exec): it is
        # replaced by the child's own peak where the child reports it, or by VmHWM read before a kill
        return Measured(process.returncode, wall, usage.ru_utime + usage.ru_stime,
                        peak[0] if peak and peak[0] else usage.ru_maxrss / 1024,
                        stopped.is_set(), out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


@dataclass
class Bench:
    plan: Plan
    timeout: float | None
    work: Path
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    lists: dict[int, Path] = field(default_factory=dict)

    # ---- helpers ----------------------------------------------------------------------------------------

    def add(self, section: str, row: dict[str, Any]) -> dict[str, Any]:
        self.rows.setdefault(section, []).append(row)
        rate = f"{row['rate']:,.0f}/s" if row.get("rate") else "-"
        shown = "stopped at the timeout" if row.get("timed_out") else (row.get("error") or rate)
        print(f"  {section:<6} {row.get('case', ''):<18} {row['size']:>9,}  {row['tool']:<14} {shown}",
              file=sys.stderr, flush=True)
        return row

    def task(self, section: str, tool: str, *args: str, size: int, case: str = "",
             unit: int | None = None) -> dict[str, Any]:
        """Run one measurement of benchmarks/tasks.py and record it."""
        done = run_process([sys.executable, str(HERE / "tasks.py"), section, tool, *args], timeout=self.timeout)
        row: dict[str, Any] = {"case": case, "size": size, "tool": tool, "wall_s": done.wall_s}
        if done.timed_out:
            row.update(timed_out=True, cpu_s=done.cpu_s, peak_mb=done.peak_mb,
                       rate_bound=(unit or size) / done.cpu_s if done.cpu_s else None)
        elif done.returncode:
            row["error"] = _last_line(done.stderr) or f"exit {done.returncode}"
        else:
            row.update(json.loads(done.stdout.strip().splitlines()[-1]))
            row["rate"] = row["count"] / row["cpu_s"] if row["cpu_s"] else None
        return self.add(section, row)

    def list_file(self, n: int) -> Path:
        """A list file of the first n references, one a line after a bullet ("• ..."). Not numbered:
        polybib reads item numbers of up to three digits, and a numbered list past 999 items is misread."""
        if n not in self.lists:
            path = self.work / f"list-{n}.txt"
            with path.open("w", encoding="utf-8") as out:
                for text in islice(corpus.iter_references(), n):   # not kept: this process stays small
                    out.write(f"• {text}\n")
            self.lists[n] = path
        return self.lists[n]

    def parse_cli(self, n: int, *, timeout: float | None) -> tuple[dict[str, Any], Path]:
        """`polybib parse LIST -o OUT.bib -q`: its CPU time (start-up included), wall time and peak
        resident size (run through tasks.py, which reads the peak as the process ends)."""
        out = self.work / f"parsed-{n}.bib"
        done = run_process([sys.executable, str(HERE / "tasks.py"), "cli", "polybib", "parse", str(self.list_file(n)),
                            "-o", str(out), "-q"], timeout=timeout)
        row: dict[str, Any] = {"case": "", "size": n, "tool": "polybib parse (CLI)", "wall_s": done.wall_s,
                               "cpu_s": done.cpu_s, "peak_mb": done.peak_mb}
        result = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else {}
        if done.timed_out:
            row.update(timed_out=True, rate_bound=n / done.cpu_s)
        elif result.get("exit") not in (0, 1, None):   # 1: some reference only partly understood
            row["error"] = _last_line(done.stderr) or f"exit {result.get('exit', done.returncode)}"
        else:
            written = sum(1 for line in out.open(encoding="utf-8") if line.startswith("@"))
            row.update(count=written, rate=written / done.cpu_s, peak_mb=result["peak_mb"],
                       note="" if written == n else f"{written} entries written for {n} references")
        return row, out

    # ---- sections -----------------------------------------------------------------------------------------

    def parse(self) -> None:
        for n in self.plan.parse:
            self.task("parse", "polybib", str(n), size=n)
            row, _ = self.parse_cli(n, timeout=self.timeout)
            self.add("parse", row)
            if n == self.plan.parse[0] and _installed("refextract"):
                m = self.plan.refextract
                self.task("parse", "refextract", str(m), size=n, unit=m,
                          case=f"first {m:,}").update(measured_on=m)

    def million(self) -> None:
        n = 1_000_000
        print(f"  writing a {n:,}-reference list", file=sys.stderr, flush=True)
        row, out = self.parse_cli(n, timeout=None)
        row["case"] = "streamed"
        out.unlink(missing_ok=True)
        self.add("parse", row)

    def bib_file(self, n: int) -> Path:
        path = self.work / f"parsed-{n}.bib"
        if not path.exists():
            self.parse_cli(n, timeout=None)
        return path

    def bibtex(self) -> None:
        for n in self.plan.bibtex:
            path = self.bib_file(n)
            keys = [line.split("{", 1)[1].rstrip(",\n") for line in path.open(encoding="utf-8") if line.startswith("@")]
            if len(set(keys)) != len(keys):
                print(f"  warning: {len(keys) - len(set(keys))} repeated keys in {path.name}", file=sys.stderr)
            for tool in ("polybib", "bibtexparser", "refkit", "refkit-raw", "pybtex"):
                if tool.startswith("refkit") and not _installed("refkit") or tool == "pybtex" and not _installed("pybtex"):
                    continue
                self.task("bibtex", tool, str(path), size=n).update(entries=len(keys), unique_keys=len(set(keys)))

    def format(self) -> None:
        largest = max(self.plan.format)
        items = self.work / f"items-{largest}.json"
        run_process([sys.executable, str(HERE / "tasks.py"), "items", "polybib", str(largest), str(items)], timeout=None)
        node = _node()
        for style, locale in STYLES.items():
            for n in self.plan.format:
                args = (str(items), str(n), style, locale)
                self.task("format", "polybib", *args, size=n, case=style)
                self.task("format", "citeproc-py", *args, size=n, case=style)
                if _installed("refkit"):
                    self.task("format", "refkit", *args, size=n, case=style)
                if node:
                    self.citeproc_js(node, *args)

    def citeproc_js(self, node: str, items: str, n: str, style: str, locale: str) -> None:
        request = self.work / f"request-{style}-{n}.json"
        run_process([sys.executable, str(HERE / "tasks.py"), "request", "citeproc-js", items, n, style, locale,
                     str(request)], timeout=None)
        done = run_process([node, str(HERE / "citeproc_js.js"), str(request)], timeout=self.timeout)
        row: dict[str, Any] = {"case": style, "size": int(n), "tool": "citeproc-js", "wall_s": done.wall_s,
                               "peak_mb": done.peak_mb}
        if done.timed_out:
            row.update(timed_out=True, cpu_s=done.cpu_s, rate_bound=int(n) / done.cpu_s)
        elif done.returncode:
            row["error"] = _last_line(done.stderr) or f"exit {done.returncode}"
        else:
            result = json.loads(done.stdout)
            row.update(count=result["count"], cpu_s=result["cpu_s"], rate=result["count"] / result["cpu_s"],
                       first=result["first"], peak_mb=result["peak_mb"] or done.peak_mb,
                       note=f"Node.js start-up {result['startup_s']:.2f} s + loading citeproc-js "
                            f"{result['require_s']:.2f} s, not timed")
        request.unlink(missing_ok=True)
        self.add("format", row)

    def check(self) -> None:
        for n in self.plan.check:
            self.task("check", "polybib", str(self.list_file(n)), size=n)
            self.add("check", self.check_cli(n))

    def check_cli(self, n: int) -> dict[str, Any]:
        """`polybib check LIST --format json -o OUT`, as a user runs it: the list read a reference at a
        time, the report written a finding at a time. CPU time with start-up, and the peak resident size."""
        out = self.work / f"check-{n}.json"
        done = run_process([sys.executable, str(HERE / "tasks.py"), "cli", "polybib", "check", str(self.list_file(n)),
                            "--format", "json", "-o", str(out)], timeout=self.timeout)
        row: dict[str, Any] = {"case": "", "size": n, "tool": "polybib check (CLI)", "wall_s": done.wall_s,
                               "cpu_s": done.cpu_s, "peak_mb": done.peak_mb}
        result = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else {}
        if done.timed_out:
            row.update(timed_out=True, rate_bound=n / done.cpu_s)
        elif result.get("exit") not in (0, 1):   # 1: something was found
            row["error"] = _last_line(done.stderr) or f"exit {result.get('exit', done.returncode)}"
        else:
            with out.open(encoding="utf-8") as report:   # its head: the count and the summary (the rest is large)
                head = report.read(4096)
            counted = int(re.search(r'"references": (\d+)', head).group(1))
            summary = json.loads(re.search(r'"summary": (\{.*?\})', head, re.DOTALL).group(1))
            row.update(count=counted, rate=counted / done.cpu_s, peak_mb=result["peak_mb"],
                       findings=summary["info"] + summary["warning"] + summary["error"])
        out.unlink(missing_ok=True)
        return row


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a running process (0 when it cannot be read)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _vm_hwm(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def _installed(name: str) -> bool:
    try:
        metadata.version(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def _node() -> str | None:
    node = shutil.which("node")
    if node is None:
        return None
    if not (JS / "node_modules" / "citeproc").exists():
        npm = shutil.which("npm")
        if npm is None or subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(JS)],
                                         capture_output=True, check=False).returncode:
            return None
    return node


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:
        available = os.cpu_count()
    return {"cpu": cpu, "cores": os.cpu_count(), "cores_available": available,
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "system": platform.platform()}


def versions() -> dict[str, str]:
    found = {}
    for name in ("polybib", "citeproc-py", "bibtexparser", "refextract", "refkit", "pybtex"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    commit = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True,
                            text=True, check=False).stdout.strip()
    if commit:
        found["polybib"] = f"{found.get('polybib', '?')} ({commit})"
    node = shutil.which("node")
    if node:
        found["node"] = subprocess.run([node, "--version"], capture_output=True, text=True, check=False).stdout.strip()
        package = JS / "node_modules" / "citeproc" / "package.json"
        if package.exists():
            found["citeproc-js"] = json.loads(package.read_text(encoding="utf-8"))["version"]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes only (a few minutes)")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections to run (default: all of {','.join(SECTIONS)})")
    parser.add_argument("--million", action="store_true",
                        help="also stream a 1,000,000-reference list through `polybib parse` (peak memory)")
    parser.add_argument("--timeout", type=float, default=300,
                        help="stop a measurement after this many CPU seconds, reporting a bound (default 300; 0: none)")
    parser.add_argument("--json", type=Path, help="results file (default benchmarks/results.json, "
                                                  "benchmarks/results-quick.json with --quick)")
    parser.add_argument("--write-docs", action="store_true",
                        help="write the table and the plot into docs/performance.md and docs/performance.png")
    parser.add_argument("--report-only", action="store_true", help="measure nothing: report the results file")
    args = parser.parse_args(argv)
    sections = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = sorted(set(sections) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    results_path = args.json or HERE / ("results-quick.json" if args.quick else "results.json")
    results = json.loads(results_path.read_text(encoding="utf-8")) if results_path.exists() else {"sections": {}}

    if not args.report_only:
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="polybib-bench-") as folder:
            bench = Bench(QUICK if args.quick else FULL, args.timeout or None, Path(folder))
            about = {"measured_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
                     "machine": machine(), "versions": versions(), "quick": args.quick, "timeout_s": args.timeout}
            steps: list[tuple[str, Callable[[], None]]] = [(s, getattr(bench, s)) for s in sections]
            if args.million:
                steps.append(("parse", bench.million))
            for name, step in steps:
                print(f"{name} …", file=sys.stderr, flush=True)
                step()
                if args.million and name == "parse" and "parse" not in sections:
                    # --million alone adds its row to the parse rows already there
                    old = results["sections"].get("parse", {}).get("rows", [])
                    bench.rows["parse"] = [r for r in old if r.get("case") != "streamed"] + bench.rows.get("parse", [])
                results["sections"][name] = {**about, "rows": bench.rows.get(name, [])}
                # written after each section: a long run stopped half-way keeps what it measured
                results_path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"\n{time.perf_counter() - started:.0f} s in all", file=sys.stderr)

    print(report.tables(results))
    plot = report.plot(results, HERE / ("results-quick.png" if args.quick else "results.png"))
    if args.write_docs:
        report.write_docs(results, ROOT / "docs" / "performance.md", ROOT / "docs" / "performance.png")
    elif plot:
        print(f"\nplot: {plot.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
