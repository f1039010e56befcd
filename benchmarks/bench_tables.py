"""Time the Quizlet, CSV and Excel writers against the bare libraries on synthetic terms.

Writer level only (the glossary is built in memory first; no parsing, no dedupe, no process
start): each of our writers against the plainest code that writes the same cells with the bare
library. Prints medians and ratios from one run, since only ratios compare across machines.

    PYTHONPATH=src python benchmarks/bench_tables.py --terms 100000 --runs 5
    PYTHONPATH=src python benchmarks/bench_tables.py --terms 1000000 --runs 1 --memory
"""

from __future__ import annotations

import argparse
import csv
import random
import resource  # Unix only: peak memory
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from glossary_export.model import Glossary, Term
from glossary_export.writers import WriteOptions, get_writer

WORDS = [
    "model", "token", "layer", "weight", "attention", "vector", "gradient", "training",
    "dataset", "prompt", "adapter", "quantised", "memory", "inference", "latency", "context",
    "window", "embedding", "decoder", "encoder", "sampling",
]  # fmt: skip


def synthetic_glossary(count: int, seed: int = 7) -> Glossary:
    """``count`` distinct terms of realistic length: 2-5 word terms, 12-40 word definitions."""
    rng = random.Random(seed)
    terms = []
    for number in range(count):
        name = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5))).title()
        acronym = "".join(word[0] for word in name.split()).upper() if number % 3 == 0 else ""
        term = f"{name} {number}" + (f" ({acronym})" if acronym else "")
        definition = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40))) + "."
        terms.append(Term(term=term, definition=definition.capitalize(), acronym=acronym))
    return Glossary(terms=tuple(terms))


def bare_quizlet(glossary: Glossary, path: Path) -> None:
    path.write_text("\n".join(f"{t.term}\t{t.definition}" for t in glossary), encoding="utf-8")


def bare_csv(glossary: Glossary, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(("Term", "Definition", "Acronym", "Tags"))
        writer.writerows((t.term, t.definition, t.acronym, " ".join(t.tags)) for t in glossary)


def bare_openpyxl(glossary: Glossary, path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Terms")
    sheet.append(("Term", "Definition", "Acronym", "Tags"))
    for t in glossary:
        sheet.append((t.term, t.definition, t.acronym, " ".join(t.tags)))
    workbook.save(path)


def ours(format: str) -> Callable[[Glossary, Path], None]:
    def write(glossary: Glossary, path: Path) -> None:
        get_writer(format).write(glossary, path, WriteOptions(timestamp=1_700_000_000))

    return write


PAIRS = {
    "quizlet": (bare_quizlet, ours("quizlet"), ".txt"),
    "csv": (bare_csv, ours("csv"), ".csv"),
    "xlsx": (bare_openpyxl, ours("xlsx"), ".xlsx"),
}


def median_seconds(
    write: Callable[[Glossary, Path], None], glossary: Glossary, path: Path, runs: int
) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        write(glossary, path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory_mb(format: str, which: str, terms: int) -> float:
    """Max RSS of a fresh process that builds the glossary and runs one writer ("none": none)."""
    command = [sys.executable, __file__, "--child", format, which, "--terms", str(terms)]
    return float(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def child(format: str, which: str, terms: int) -> None:
    """Build the glossary, then print the peak RSS (MB) while one writer runs."""
    glossary = synthetic_glossary(terms)
    bare, mine, suffix = PAIRS[format]
    status = Path("/proc/self/status")
    if status.exists():
        # Linux: "5" resets the peak (VmHWM), so the number is the writing alone plus the
        # glossary already in memory, not the garbage left from generating it.
        Path("/proc/self/clear_refs").write_text("5")
    with tempfile.TemporaryDirectory() as folder:
        if which != "none":
            (bare if which == "bare" else mine)(glossary, Path(folder) / f"out{suffix}")
    if status.exists():
        line = next(x for x in status.read_text().splitlines() if x.startswith("VmHWM:"))
        print(int(line.split()[1]) / 1024)
    else:
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--formats", nargs="*", default=list(PAIRS))
    parser.add_argument("--memory", action="store_true", help="also peak RSS per writer")
    parser.add_argument("--child", nargs=2, metavar=("FORMAT", "WHICH"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        format, which = arguments.child
        child(format, which, arguments.terms)
        return

    glossary = synthetic_glossary(arguments.terms)
    print(f"{arguments.terms:,} terms, median of {arguments.runs} run(s)")
    print(f"{'format':8} {'bare s':>8} {'ours s':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for format in arguments.formats:
            bare, mine, suffix = PAIRS[format]
            path = Path(folder) / f"out{suffix}"
            bare_time = median_seconds(bare, glossary, path, arguments.runs)
            our_time = median_seconds(mine, glossary, path, arguments.runs)
            print(f"{format:8} {bare_time:8.2f} {our_time:8.2f} {our_time / bare_time:6.2f}")
    if arguments.memory:
        glossary_mb = peak_memory_mb("csv", "none", arguments.terms)
        print(f"peak RSS while writing, MB (the glossary alone: {glossary_mb:,.0f})")
        print(f"{'format':8} {'bare':>8} {'ours':>8}")
        for format in arguments.formats:
            bare_mb = peak_memory_mb(format, "bare", arguments.terms)
            ours_mb = peak_memory_mb(format, "ours", arguments.terms)
            print(f"{format:8} {bare_mb:8,.0f} {ours_mb:8,.0f}")


if __name__ == "__main__":
    main()
