"""Fixtures shared by every test module. Area-specific helpers live in tests/support_*.py."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from glossary_export.model import Glossary
from support_seed import SEED, seed_glossary

# CI runs once, on a shared machine: the property tests draw the same examples every run there
# (a new failing example is found by developers' random runs, not by chance in a CI run), and a
# slow machine is no failure. Elsewhere hypothesis draws new examples each run, as usual.
settings.register_profile(
    "ci", derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


@pytest.fixture
def seed_path() -> Path:
    """The raw study-page paste bundled in examples/: 100 entries, 71 unique."""
    return SEED


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests opt in to SOURCE_DATE_EPOCH explicitly; one set in the environment must not leak in."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(autouse=True)
def memory_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test's deck memory lives in its own temporary folder, never the user's own, and
    outside the test's tmp_path, so tests listing what an export left there see outputs only."""
    folder = tmp_path_factory.mktemp("deck-memory", numbered=True) / "memory"
    monkeypatch.setenv("GLOSSARY_EXPORT_MEMORY", str(folder))
    return folder


@pytest.fixture
def scratch(tmp_path: Path) -> Callable[[], Path]:
    """A new empty folder under the test's tmp_path at each call: tmp_path is one folder per
    test, and each example of a property test needs a folder of its own."""
    numbers = itertools.count(1)

    def folder() -> Path:
        path = tmp_path / f"scratch-{next(numbers)}"
        path.mkdir()
        return path

    return folder


@pytest.fixture
def seed(seed_path: Path) -> Glossary:
    """The seed page's 71 unique entries, parsed independently of the readers."""
    return seed_glossary(seed_path)


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Any]:
    """A fresh, empty Anki collection (Anki's real backend), closed afterwards."""
    from support_anki import fresh_collection  # imports anki only for the tests that use it

    with fresh_collection(tmp_path / "anki") as collection:
        yield collection
