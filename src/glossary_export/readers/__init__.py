"""Readers: one module per input format, plus detection.

``read(path)`` returns every row the source holds, duplicates included, each term carrying the
file and line it came from; deduplication is a later stage (:mod:`glossary_export.dedupe`).
Format modules are imported only when their format is used.

A reader module has ``read(text_or_path, name, options) -> Glossary`` (see each module).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadOptions:
    """Options a reader may honour; each reader reads only its own part."""

    encoding: str | None = None
    """Overrides detection (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 fallback)."""
    sheet: str | None = None
    """Excel: the sheet to read (default: the first)."""
    term_separator: str = "\t"
    """Quizlet text: between term and definition."""
    card_separator: str = "\n"
    """Quizlet text: between cards."""
