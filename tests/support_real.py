"""The real glossaries others published, kept in ../shared/real-glossaries beside the checkout.

They are read from there, never copied into the project. ``expected(name)`` is what a careful
person reads from each file (``expected.json``: the count of entries and verbatim samples).
A checkout without that folder beside it (a user's clone) skips these tests, saying why.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

# The nearest folder above the checkout holding shared/real-glossaries (a checkout may sit one
# level deeper, as a git worktree does).
REAL_GLOSSARIES = next(
    (
        folder / "shared" / "real-glossaries"
        for folder in Path(__file__).resolve().parents[1].parents
        if (folder / "shared" / "real-glossaries").is_dir()
    ),
    Path(__file__).resolve().parents[1].parent / "shared" / "real-glossaries",
)


@cache
def _expected() -> dict[str, Any]:
    return json.loads((REAL_GLOSSARIES / "expected.json").read_text(encoding="utf-8"))


def real_glossary(name: str) -> Path:
    """The path of one real glossary; skips the test when the shared folder is not there."""
    path = REAL_GLOSSARIES / name
    if not path.is_file():
        pytest.skip(f"{path} is not here (the real glossaries sit beside a project checkout)")
    return path


def expected(name: str) -> dict[str, Any]:
    """``{"count": N, "samples": [[term, definition], ...]}`` for one real glossary."""
    real_glossary(name)
    entry: dict[str, Any] = _expected()[name]
    return entry
