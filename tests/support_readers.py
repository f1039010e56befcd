"""Reader test helpers: write a source file, read it back as (term, definition) pairs."""

from __future__ import annotations

from pathlib import Path

from glossary_export.model import Glossary
from glossary_export.readers import ReadOptions, read

DATA = Path(__file__).resolve().parent / "data" / "readers"


def pairs(glossary: Glossary) -> list[tuple[str, str]]:
    """The glossary as a user checks it: (term, definition) in order."""
    return [(term.term, term.definition) for term in glossary]


def read_bytes(
    tmp_path: Path,
    name: str,
    data: bytes,
    format: str | None = None,
    options: ReadOptions | None = None,
) -> Glossary:
    """Write ``data`` to ``tmp_path/name`` and read it with the readers."""
    path = tmp_path / name
    path.write_bytes(data)
    return read(path, format, options)


def read_text(tmp_path: Path, name: str, text: str, format: str | None = None) -> Glossary:
    """Write ``text`` as UTF-8 and read it."""
    return read_bytes(tmp_path, name, text.encode("utf-8"), format)
