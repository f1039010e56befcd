"""The command line as the tests drive it: click's runner, and never a traceback."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner, Result

from glossary_export.cli import cli


def run(*args: str | Path, input: str | None = None) -> Result:
    """``glossary-export ARGS`` (``input`` on standard input), its output and exit code."""
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output
    return result


def exported(source: Path, *options: str) -> tuple[Result, list[dict[str, str]]]:
    """Export ``source`` to CSV (no deck memory); the summary and the rows read back by the csv
    module."""
    out = source.parent / f"{source.stem}-out.csv"
    result = run("export", source, "-o", out, "--no-memory", *options)
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return result, list(csv.DictReader(handle))


def cards(rows: list[dict[str, str]]) -> list[tuple[str, str]]:
    """(Term, Definition) of each exported row."""
    return [(row["Term"], row["Definition"]) for row in rows]
