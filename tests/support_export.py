"""The one way tests write a glossary without the CLI: through the writer registry, as
export_deck does, so a test of one writer reads what a user's export would give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from glossary_export.files import atomic_path
from glossary_export.model import Glossary
from glossary_export.writers import WriteOptions, WriteResult, get_writer, writer_for_path

T0 = 1_700_000_000
"""A content time for the first export of a test; later exports add to it."""


def export(
    glossary: Glossary, target: Path, format: str | None = None, **options: Any
) -> WriteResult:
    """Write ``glossary`` to ``target`` as the CLI does: with the writer of ``format`` (else
    of ``target``'s suffix), to a temporary file beside ``target`` renamed on success, the file
    already at ``target`` (if any) passed as the previous export. The deck is "LLM Glossary"
    and the time T0 unless the options say otherwise."""
    options.setdefault("deck", "LLM Glossary")
    options.setdefault("timestamp", T0)
    if target.exists():
        options.setdefault("previous_output", target)
    writer = writer_for_path(target) if format is None else get_writer(format)
    with atomic_path(target) as temporary:
        return writer.write(glossary, temporary, WriteOptions(**options))
