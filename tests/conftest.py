"""Fixtures shared by every test module. Area-specific helpers live in tests/support_*.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from support_seed import SEED


@pytest.fixture
def seed_path() -> Path:
    """The raw study-page paste bundled in examples/: 100 entries, 71 unique."""
    return SEED


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests opt in to SOURCE_DATE_EPOCH explicitly; one set in the environment must not leak in."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
