"""Two exports to the same path at once never leave a corrupt file: each writes a temporary file
beside the target and renames it, so the target is always one whole export or the other."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from glossary_export import export_deck
from support_anki import fresh_collection, import_package, notes

EPOCH = "1700000000"
TERMS = 1500
"""Enough terms that the two writes overlap in time."""


def _glossary(name: str) -> list[tuple[str, str]]:
    return [(f"{name} term {n}", f"Definition {n} of glossary {name}.") for n in range(TERMS)]


def _export(name: str, targets: list[Path]) -> int:
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    return export_deck(_glossary(name), targets, deck="Race").unique_terms


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork for speed"
)
def test_concurrent_exports_leave_one_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_folder: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    expected = {}
    for name in ("A", "B"):
        alone = tmp_path / f"alone-{name}"
        alone.mkdir()
        export_deck(_glossary(name), [alone / "deck.csv", alone / "deck.apkg"], deck="Race")
        expected[name] = (alone / "deck.csv").read_bytes()

    shared = tmp_path / "shared"
    shared.mkdir()
    targets = [shared / "deck.csv", shared / "deck.apkg"]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        runs = [pool.submit(_export, name, targets) for name in "ABABAB"]
        assert [run.result() for run in runs] == [TERMS] * 6

    assert sorted(p.name for p in shared.iterdir()) == ["deck.apkg", "deck.csv"]  # no temp file
    assert (shared / "deck.csv").read_bytes() in expected.values()
    with fresh_collection(tmp_path / "anki") as col:
        log = import_package(col, shared / "deck.apkg")
        assert (log.new, log.conflicting) == (TERMS, 0)
        terms = [note["Term"] for note in notes(col)]
    assert terms in ([term for term, _ in _glossary(name)] for name in "AB")

    # The deck memory the six exports shared is one whole memory too, of A or of B.
    (memory,) = memory_folder.iterdir()  # no temporary file left either
    lines = memory.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6 + TERMS
    remembered = lines[6:]  # the terms, one a line, after the header and four columns
    assert remembered in ([term for term, _ in _glossary(name)] for name in "AB")
