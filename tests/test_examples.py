"""The example script runs as documented and writes the four files it promises."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support_seed import ROOT


def test_export_example_writes_four_outputs(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "export_example.py"), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "71 unique terms, 29 duplicates removed, 0 conflicts" in result.stdout
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["llm.apkg", "llm.csv", "llm.txt", "llm.xlsx"]
