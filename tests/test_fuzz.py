"""Fuzzing: small valid inputs of every format, mutated (bytes flipped, inserted, deleted, cut,
repeated), through ``check`` and ``export``. Whatever the bytes, the command exits 0, 1 or 2,
never with an internal error or a traceback; a failed export leaves nothing in the output
folder, a successful one exactly its outputs; the input is never modified.

Deterministic (derandomized) and bounded, so that CI cannot go red by chance and stays quick;
GLOSSARY_EXPORT_FUZZ_EXAMPLES raises the number of examples per format for a longer run.
"""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
import zstandard
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary_export import export_deck
from glossary_export.cli import cli

EXAMPLES = int(os.environ.get("GLOSSARY_EXPORT_FUZZ_EXAMPLES", "30"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
PAIRS = [
    ("Bias", "A systematic error."),
    ("Low-Rank Adaptation (LoRA)", "Training small matrices; “cheap” fine-tuning."),
    ("Drift", "A change over time, 50% of it <b>unseen</b> & = +1."),
]
TEXT_SEEDS = {
    "page.txt": "Glossary\n\nBias\nA systematic error.\nDrift\nA change over time.\n",
    "terms.csv": "term,definition,tags\nBias,A systematic error.,stats\n"
    '"Drift","A change, over time.",ml data\n',
    "terms.tsv": "term\tdefinition\nBias\tA systematic error.\nDrift\tA change over time.\n",
    "terms.md": "# ML\n\n| Term | Definition |\n| --- | --- |\n| Bias | A systematic error. |\n"
    "\n**Drift**: A change over time.\n",
    "terms.json": json.dumps([{"term": t, "definition": d} for t, d in PAIRS], ensure_ascii=False),
    "quizlet.txt": "Bias\tA systematic error.\nDrift\tA change over time.\n",
    "notes.anki.txt": "#separator:tab\n#html:true\n#tags column:3\nBias\tA <i>systematic</i> "
    "error.\tstats\nDrift\tA change&nbsp;over time.\t\n",
}
FORMATS = [*TEXT_SEEDS, "deck.xlsx", "deck.apkg", "zstd.apkg", "package", "workbook"]
"""File names; "package" and "workbook" have no suffix, so their format is told by content."""
_UNNAMED = {"package": "deck.apkg", "workbook": "deck.xlsx"}


@cache
def seed(name: str) -> bytes:
    """The valid input the mutations start from."""
    if name in TEXT_SEEDS:
        return TEXT_SEEDS[name].encode("utf-8")
    if name in _UNNAMED:
        return seed(_UNNAMED[name])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("deck.apkg" if name == "zstd.apkg" else name)
        export_deck(PAIRS, path)
        data = path.read_bytes()
    return _zstd_package(data) if name == "zstd.apkg" else data


def _zstd_package(legacy: bytes) -> bytes:
    """The legacy package's collection as today's Anki stores it: zstd, as collection.anki21b."""
    with zipfile.ZipFile(io.BytesIO(legacy)) as archive:
        collection = archive.read("collection.anki2")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.sqlite"
        path.write_bytes(collection)
        with sqlite3.connect(path) as database:  # check that it is an SQLite collection
            assert database.execute("SELECT count(*) FROM notes").fetchone() == (len(PAIRS),)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki21b", zstandard.ZstdCompressor().compress(collection))
        archive.writestr("media", b"{}")
    return buffer.getvalue()


# One mutation: (kind, where as a fraction of the length, a byte or a length, inserted bytes).
MUTATION = st.tuples(
    st.sampled_from(["flip", "set", "insert", "delete", "cut", "repeat"]),
    st.floats(min_value=0, max_value=1, allow_nan=False),
    st.integers(min_value=0, max_value=255),
    st.binary(min_size=1, max_size=8),
)


def mutated(data: bytes, mutations: list[tuple[str, float, int, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, where, number, inserted in mutations:
        at = min(int(where * len(out)), max(len(out) - 1, 0))
        if not out and kind != "insert":
            continue
        if kind == "flip":
            out[at] ^= 1 << (number % 8)
        elif kind == "set":
            out[at] = number
        elif kind == "insert":
            out[at:at] = inserted
        elif kind == "delete":
            del out[at : at + 1 + number % 16]
        elif kind == "cut":
            del out[at:]
        else:
            out[at:at] = out[at : at + 1 + number]
    return bytes(out)


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir()}


@pytest.mark.parametrize("name", FORMATS)
def test_mutated_inputs_fail_cleanly_or_export(name: str, scratch: Callable[[], Path]) -> None:
    @FUZZ
    @given(st.lists(MUTATION, min_size=1, max_size=4))
    def run(mutations: list[tuple[str, float, int, bytes]]) -> None:
        data = mutated(seed(name), mutations)
        folder = scratch()
        source = folder / name
        source.write_bytes(data)
        extra = ["--from", "quizlet"] if name == "quizlet.txt" else []
        outputs = ["out.csv", "out.apkg", "out.xlsx"]
        for args in (
            ["check", name, *extra],
            ["export", name, *extra, *(a for o in outputs for a in ("-o", o))],
        ):
            before = _files(folder)
            old = Path.cwd()
            os.chdir(folder)
            try:
                result = CliRunner().invoke(cli, args)
            finally:
                os.chdir(old)
            assert result.exit_code in (0, 1, 2), (args, result.output)
            assert result.exception is None or isinstance(result.exception, SystemExit)
            assert "internal error" not in result.output, result.output
            assert "Traceback" not in result.output
            assert source.read_bytes() == data, "the input was modified"
            after = _files(folder)
            if args[0] == "export" and result.exit_code == 0:
                assert set(after) == {name, *outputs}
            else:
                assert after == before, "a failed run changed the output folder"
            lines = result.stderr.splitlines()
            errors = [line for line in lines if line.startswith("Error: ")]
            conflicts = re.search(r"^conflicting definitions: [1-9]", result.stdout, re.M)
            # check exits 1 for conflicting definitions, which it lists on stdout.
            expected_errors = 1 if result.exit_code and not conflicts else 0
            assert len(errors) == expected_errors, result.output
            assert all(line.startswith("Warning: ") for line in lines if line not in errors)

    run()
