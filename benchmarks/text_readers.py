"""Time the study-page, plain-list and Markdown readers at growing sizes: linear, or not.

Usage (from a checkout): python benchmarks/text_readers.py [SIZE ...]   (default 1000 10000 100000)
Prints one row per reader and size: seconds to read (best of 3) and microseconds per entry,
which stays flat when the reader is linear. The inputs have wrapped definitions, furniture in
the middle, nested bullets and a line of thousands of spaces, the shapes that cost most.
"""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from glossary_export.readers import read

DEFINITION = "A neural network trained on vast text corpora to understand and generate text."


def page(size: int) -> str:
    lines = ["1/147", "Key terms you must know.", "Name | Mastery |", "|---|", "No sessions yet."]
    for number in range(size):
        lines.append(f"Term Number {number}")
        if number % 3:
            lines.append(DEFINITION)
        else:  # wrapped
            lines += [DEFINITION[:40], DEFINITION[41:]]
        if number % 5000 == 4999:
            lines += ["2/147", "Key terms you must know.", "Name | Mastery |", "|---|"]
    return "\n".join(lines) + "\n"


def plain_list(size: int) -> str:
    lines = ["Vocabulary"]
    for number in range(size):
        if number % 3:
            lines.append(f"term {number}: {DEFINITION}")
        else:
            lines += [f"term {number}: {DEFINITION[:40]}", f"    {DEFINITION[41:]}"]
    return "\n".join(lines) + "\n"


def markdown(size: int) -> str:
    lines = ["---", "title: x", "---", "# Glossary", "", "word" + " " * 8000 + "x", ""]
    for number in range(size):
        kind = number % 4
        if kind == 0:
            lines += [f"**Term {number}** —", DEFINITION[:40], DEFINITION[41:], ""]
        elif kind == 1:
            lines += [f"- **Term {number}**: {DEFINITION}", "  - with `a*b*c` in code", ""]
        elif kind == 2:
            lines += [f"Term {number}", f": {DEFINITION}", ""]
        else:
            lines += [f"- Term {number}: {DEFINITION}", ""]
    return "\n".join(lines) + "\n"


def best_of_three(path: Path) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(3):
        start = time.perf_counter()
        count = len(read(path))
        times.append(time.perf_counter() - start)
    return min(times), count


sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 10000, 100000]
print("| reader | entries | read (s) | µs per entry |")
print("| --- | ---: | ---: | ---: |")
with tempfile.TemporaryDirectory() as folder:
    for name, make, suffix in (
        ("page", page, ".txt"),
        ("list", plain_list, ".txt"),
        ("markdown", markdown, ".md"),
    ):
        for size in sizes:
            path = Path(folder) / f"{name}-{size}{suffix}"
            path.write_text(make(size), encoding="utf-8")
            seconds, count = best_of_three(path)
            assert count == size, (name, size, count)
            print(f"| {name} | {size:,} | {seconds:.3f} | {1e6 * seconds / size:.1f} |", flush=True)
