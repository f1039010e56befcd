"""Writers: one module per output format behind a small registry.

A writer receives a clean, deduplicated :class:`~glossary_export.model.Glossary` and the
:class:`WriteOptions`, writes exactly one file at the path it is given, and returns a
:class:`WriteResult`. It owns nothing else: no parsing, no dedupe, no atomic rename (the
caller hands it a temporary path in the target folder and renames it on success).

Format modules are imported only when their format is used, so the CLI starts fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..errors import FormatNameError

if TYPE_CHECKING:
    from ..deck_memory import Comparison, DeckMemory
    from ..model import Glossary


@dataclass(frozen=True)
class ExportSummary:
    """What the export read and merged before writing, for the outputs that describe it (the
    workbook's About sheet). Facts about this export, not choices: kept apart from the options."""

    sources: tuple[str, ...] = ()
    rows_read: int = 0
    duplicates_removed: int = 0
    conflicts: int = 0


@dataclass(frozen=True)
class WriteOptions:
    """Everything a writer may need besides the glossary; each writer reads only its own part."""

    deck: str = "Glossary"
    """Deck name (Anki; ``::`` separates levels) and the title elsewhere."""
    description: str = ""
    tags: tuple[str, ...] = ()
    timestamp: float = 0.0
    """When the content last changed, seconds since the epoch (``SOURCE_DATE_EPOCH`` wins).
    Used for every date a format stores, so that builds are reproducible."""
    summary: ExportSummary = ExportSummary()
    """What was read and merged; empty when a writer is called on its own."""

    # Anki
    id_namespace: str = ""
    """What note identities are namespaced by; empty means the deck name."""
    reverse: bool = False
    acronym_cards: bool = False
    html: bool = False
    """Fields already hold HTML: pass them through instead of escaping."""
    previous_output: Path | None = None
    """The file currently at the target path, if any (an earlier export to compare with)."""
    memory_folder: Path | None = None
    """Where each deck's last export is remembered (:mod:`..deck_memory`); None: nowhere."""

    # Quizlet
    term_separator: str = "\t"
    card_separator: str = "\n"

    # CSV
    formula_guard: bool = True
    bom: bool = True


@dataclass
class WriteResult:
    """What a writer did: how many terms it wrote, and every adjustment it made to the content."""

    terms_written: int
    adjustments: dict[str, int] = field(default_factory=dict)
    """Counts of deliberate changes, e.g. {"fields folded": 2}; zero counts may be omitted."""
    notes: list[str] = field(default_factory=list)
    """Sentences for the user, e.g. which options to pick in Quizlet's Import dialog."""
    warnings: list[str] = field(default_factory=list)
    """What went wrong without stopping the write (an earlier export that could not be read)."""
    memory: DeckMemory | None = None
    """What the next export of this deck must know (Anki writers with a memory folder only);
    the caller stores it once every output is in place."""
    comparison: Comparison | None = None
    """The earlier export the notes were compared with (Anki writers), if one was found."""


WriteFunction = Callable[["Glossary", Path, WriteOptions], WriteResult]


@dataclass(frozen=True)
class Writer:
    """A format the glossary can be written as."""

    name: str
    suffixes: tuple[str, ...]
    summary: str
    module: str

    def write(self, glossary: Glossary, path: Path, options: WriteOptions) -> WriteResult:
        module = importlib.import_module(f"{__name__}.{self.module}")
        return cast(WriteFunction, module.write)(glossary, path, options)


WRITERS: tuple[Writer, ...] = (
    Writer("apkg", (".apkg",), "Anki package: notes update in place on re-import", "apkg"),
    Writer(
        "anki-text", (".anki.txt",), "Anki text import with Anki's own file headers", "anki_text"
    ),
    Writer(
        "quizlet",
        (".txt",),
        "Quizlet Import box: term Tab definition, one card per line",
        "quizlet",
    ),
    Writer("csv", (".csv",), "CSV (UTF-8, header row, safe to open in spreadsheets)", "csv"),
    Writer("xlsx", (".xlsx",), "Excel workbook: Terms sheet and About sheet", "xlsx"),
    Writer(
        "html",
        (".html", ".htm"),
        "Study page: one offline file with cards, learn, test, matching and spaced modes",
        "html",
    ),
)


def get_writer(name: str) -> Writer:
    """The writer called ``name``; an error listing the known names otherwise."""
    for writer in WRITERS:
        if writer.name == name.lower():
            return writer
    known = ", ".join(w.name for w in WRITERS)
    raise FormatNameError(f"unknown output format {name!r}; known formats: {known}")


def writer_for_path(path: str | Path, format: str | None = None) -> Writer:
    """The writer for ``path``: ``format`` when given, else the longest matching suffix."""
    if format:
        return get_writer(format)
    name = Path(path).name.lower()
    matches = [(len(s), w) for w in WRITERS for s in w.suffixes if name.endswith(s)]
    if not matches:
        known = ", ".join(s for w in WRITERS for s in w.suffixes)
        raise FormatNameError(
            f"cannot tell the output format of {Path(path).name!r} from its suffix; "
            f"use one of {known} or --to"
        )
    return max(matches, key=lambda match: match[0])[1]
