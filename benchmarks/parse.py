"""Parse throughput and memory, polybib against refextract, measured side by side in one run.

    python benchmarks/parse.py            # 1k, 10k and 100k references, and a streamed 1M list
    python benchmarks/parse.py --quick    # 1k and 10k only

The lists are built from the real strings of tests/data/dev.jsonl and the seed list, cycled and
numbered. refextract (a reference parser on PyPI) runs on the same strings where it is installed
(`pip install '.[bench]'`); it reads a whole document at a time, so it gets the list as one text,
and as it parses about ten references a second, its rate is measured on the first 1,000.
Memory is the peak resident size of a separate `polybib parse` process streaming the list to a file.
Not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import polybib  # noqa: E402


def corpus() -> list[str]:
    raws = []
    for name in ("dev.jsonl", "recommended-literature.gold.jsonl"):
        for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                raws.append(json.loads(line)["raw"])
    return raws


def build(n: int) -> list[str]:
    return list(islice(cycle(corpus()), n))


def polybib_rate(refs: list[str]) -> float:
    start = time.process_time()
    for text in refs:
        polybib.parse_reference(text)
    return len(refs) / (time.process_time() - start)


def refextract_rate(refs: list[str]) -> float | None:
    try:
        from refextract import extract_references_from_string
    except ImportError:
        return None
    extract_references_from_string("1. Warm-up J. Title. - London, 2000.")   # loads its knowledge bases
    document = "\n".join(f"{i}. {text}" for i, text in enumerate(refs, 1))
    start = time.process_time()
    extract_references_from_string(document)
    return len(refs) / (time.process_time() - start)


def streamed_peak_rss(n: int) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of `polybib parse LIST -o OUT.bib` on an n-reference list file."""
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "list.txt"
        with listing.open("w", encoding="utf-8") as out:
            for i, text in enumerate(islice(cycle(corpus()), n), 1):
                out.write(f"{i}. {text}\n")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "polybib", "parse", "-q", str(listing), "-o",
                        str(Path(folder) / "out.bib")], check=False, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        seconds = time.perf_counter() - start
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1k and 10k references only")
    args = parser.parse_args()
    sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000)
    print(f"{'references':>10}  {'polybib/s':>10}  {'refextract/s':>12}  {'ratio':>6}")
    for n in sizes:
        refs = build(n)
        ours = polybib_rate(refs)
        theirs = refextract_rate(refs[:1_000])   # refextract parses ~10 references/s: 1,000 are enough
        ratio = f"{ours / theirs:6.1f}" if theirs else "     -"
        print(f"{n:>10}  {ours:>10.0f}  {theirs if theirs is None else round(theirs):>12}  {ratio}")
    n = 100_000 if args.quick else 1_000_000
    seconds, peak = streamed_peak_rss(n)
    print(f"\npolybib parse of a {n:,}-reference list, streamed to a .bib: {seconds:.0f} s, peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
