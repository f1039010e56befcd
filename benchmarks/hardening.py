"""How fast hostile containers are refused, in how much memory, and what the per-field checks
every reader's terms pass cost as the glossary grows (they must stay linear and small).

    python benchmarks/hardening.py              # bombs, then the field checks up to 1M terms
    python benchmarks/hardening.py --no-bombs   # the field checks only

Each bomb is checked by a fresh `glossary-export check` process (interpreter start included);
peak memory is that process's max RSS. The bombs are built here, in memory, with the same
helpers as the tests (tests/support_bombs.py): nothing is downloaded or committed.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))

from glossary_export.model import Glossary, Term
from glossary_export.readers._fields import check_fields
from support_bombs import MiB, member, peak_memory_mb, shared_strings, workbook, zip_bytes


def _zstd_package(size_mib: int) -> bytes:
    import zstandard

    compressor = zstandard.ZstdCompressor(level=1, write_content_size=False).compressobj()
    frame = b"".join(compressor.compress(bytes(MiB)) for _ in range(size_mib)) + compressor.flush()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("collection.anki21b", frame)
    return buffer.getvalue()


BOMBS = {
    ".apkg, 1 GiB of zeros (size declared)": (
        ".apkg",
        lambda: zip_bytes(member("collection.anki2", (bytes(MiB), 1024))),
    ),
    ".apkg, 4 GiB zstd collection (no size)": (".apkg", lambda: _zstd_package(4096)),
    ".xlsx, 1 GiB shared string (size declared)": (
        ".xlsx",
        lambda: workbook(shared_strings((b"x" * MiB, 1024))),
    ),
    ".xlsx, 1 GiB shared string (size says 1 KB)": (
        ".xlsx",
        lambda: workbook(shared_strings((b"x" * MiB, 1024), declared_size=1000)),
    ),
}


def bombs() -> None:
    print("| container | on disk | exit | seconds | peak RSS (MB) | message |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as folder:
        for label, (suffix, build) in BOMBS.items():
            path = Path(folder) / f"bomb{suffix}"
            path.write_bytes(build())
            start = time.perf_counter()
            status, stderr, peak = peak_memory_mb("check", str(path))
            seconds = time.perf_counter() - start
            message = stderr.split(": ", 2)[-1].split(";")[0].strip()
            size = f"{path.stat().st_size / 1024:,.0f} KB"
            print(f"| {label} | {size} | {status} | {seconds:.2f} | {peak:.0f} | {message} |")


def fields(sizes: list[int]) -> None:
    print("\n| terms | ASCII (s) | µs/term | non-ASCII (s) | µs/term |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for size in sizes:
        row = [f"{size:,}"]
        for dash in ("-", "—"):
            terms = tuple(
                Term.create(f"Term {n}", f"The definition of term {n} {dash} about sixty chars.")
                for n in range(size)
            )
            glossary = Glossary(terms)
            best = min(_timed(lambda g=glossary: check_fields(g)) for _ in range(3))
            row += [f"{best:.4f}", f"{best / size * 1e6:.2f}"]
        print("| " + " | ".join(row) + " |")


def _timed(function: object) -> float:
    start = time.perf_counter()
    function()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-bombs", action="store_true")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000, 1_000_000])
    arguments = parser.parse_args()
    if not arguments.no_bombs:
        bombs()
    fields(arguments.sizes)


if __name__ == "__main__":
    main()
