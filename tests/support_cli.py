"""The command line as the tests drive it: click's runner, and never a traceback."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from glossary_export.cli import cli


def run(*args: str | Path, input: str | None = None) -> Result:
    """``glossary-export ARGS`` (``input`` on standard input), its output and exit code."""
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output
    return result
