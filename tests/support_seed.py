"""Where the repository and its bundled study page are, for tests that need the files."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "llm-glossary-page.txt"
"""The raw study-page paste: page furniture, then 100 entries of which 71 are unique."""
