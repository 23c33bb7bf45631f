"""Fuzz the parser: real references (tests/data/dev.jsonl, the seed list) mutated into hostile
inputs, each parsed and checked against the no-loss invariant. Prints the figures; writes every
crash and lost-word case to --out as JSON lines for replay.

    .venv/bin/python scripts/fuzz.py --count 1000000 --seed 1 --out fuzz-findings.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from polybib._fuzz import check_one, mutate  # noqa: E402


def corpus() -> list[str]:
    raws = [json.loads(line)["raw"] for line in (ROOT / "tests/data/dev.jsonl").read_text("utf-8").splitlines()]
    raws += [json.loads(line)["raw"] for line in
             (ROOT / "tests/data/recommended-literature.gold.jsonl").read_text("utf-8").splitlines()]
    return raws


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="how many inputs to generate")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="fuzz-findings.jsonl", help="where to write the failing inputs")
    parser.add_argument("--every", type=int, default=10_000, help="print progress every N inputs")
    parser.add_argument("--timeout", type=int, default=10,
                        help="seconds one input may take before it is recorded as a hang")
    parser.add_argument("--replay", metavar="FINDINGS", help="re-run the inputs of an earlier findings file")
    parser.add_argument("--large", action="store_true",
                        help="instead: one 1 MB reference, and a list of a million short lines")
    args = parser.parse_args()
    if args.replay:
        return replay(args.replay)
    if args.large:
        return large()
    raws = corpus()
    rng = random.Random(args.seed)
    crashes = lost = hangs = 0
    signal.signal(signal.SIGALRM, _too_slow)
    start = time.perf_counter()
    with open(args.out, "w", encoding="utf-8", errors="surrogateescape") as out:
        for n in range(1, args.count + 1):
            text = mutate(rng.choice(raws), rng)
            signal.alarm(args.timeout)
            try:
                words = check_one(text)
            except _TooSlow:
                hangs += 1
                out.write(json.dumps({"kind": "hang", "input": text}) + "\n")
                out.flush()
                continue
            except Exception:   # noqa: BLE001 - a crash is what we are looking for
                crashes += 1
                out.write(json.dumps({"kind": "crash", "input": text,
                                      "error": traceback.format_exc(limit=-3)}) + "\n")
                continue
            finally:
                signal.alarm(0)
            if words:
                lost += 1
                out.write(json.dumps({"kind": "lost", "input": text, "words": words}) + "\n")
            if n % args.every == 0:
                rate = n / (time.perf_counter() - start)
                print(f"{n} inputs, {crashes} crashes, {lost} lost-word cases, {hangs} hangs (> {args.timeout} s), "
                      f"{rate:.0f}/s", flush=True)
    seconds = time.perf_counter() - start
    print(f"done: {args.count} inputs in {seconds:.0f} s, {crashes} crashes, {lost} lost-word cases, {hangs} hangs "
          f"(seed {args.seed}, findings in {args.out})", flush=True)
    return 1 if crashes or lost or hangs else 0


class _TooSlow(Exception):
    pass


def _too_slow(signum: int, frame: object) -> None:
    raise _TooSlow


def replay(path: str) -> int:
    """Re-run every input of a findings file; print how many still crash or lose a word."""
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    failing = 0
    for row in rows:
        try:
            failing += bool(check_one(row["input"]))
        except Exception:   # noqa: BLE001
            failing += 1
    print(f"replayed {len(rows)} findings of {path}: {failing} still fail", flush=True)
    return 1 if failing else 0


def large() -> int:
    """Hostile sizes through `polybib parse`: a million short lines that all continue one item, a
    million short items (blank-line separated, streamed), and one 1 MB reference (`parse_reference`)."""
    import subprocess
    import tempfile

    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for name, line in (("joined", "ab cd.\n"), ("items", "Ab cd.\n\n")):
            path = Path(folder) / f"{name}.txt"
            path.write_text(line * 1_000_000, encoding="utf-8")
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "polybib", "parse", "-q", str(path), "-o",
                                   str(Path(folder) / f"{name}.bib")], capture_output=True, text=True)
            bib = Path(folder) / f"{name}.bib"
            entries = bib.read_text(encoding="utf-8").count("\n@") + 1 if bib.exists() else 0
            print(f"a million lines ({name}, {path.stat().st_size // 1024} KB): exit {done.returncode}, "
                  f"{entries} entries, {time.perf_counter() - start:.0f} s {done.stderr.strip()[-200:]}", flush=True)
            failures += done.returncode not in (0, 1) or "Traceback" in done.stderr
    text = " ".join(corpus())
    text = (text * (1_000_000 // len(text) + 1))[:1_000_000]
    start = time.perf_counter()
    lost = check_one(text)
    print(f"1 MB reference: parsed in {time.perf_counter() - start:.0f} s, {len(lost)} lost words", flush=True)
    return 1 if failures or lost else 0


if __name__ == "__main__":
    sys.exit(main())
