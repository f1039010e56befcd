"""terms.csv at the top of the repository is the project's own output for the bundled page."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from glossary_export.cli import cli
from support_seed import ROOT, SEED

REGENERATE = "glossary-export export examples/llm-glossary-page.txt -o terms.csv"


def test_terms_csv_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "terms.csv"
    result = CliRunner().invoke(cli, ["export", str(SEED), "-o", str(fresh), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (ROOT / "terms.csv").read_bytes() == fresh.read_bytes(), f"stale: run {REGENERATE}"
