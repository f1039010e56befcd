"""Helpers for the Anki writer tests: the seed glossary, a fresh Anki collection, and imports
through Anki's own backend (the `anki` package), the way a user's File → Import does them."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)

from glossary_export.model import Glossary, Term
from support_export import T0, export  # noqa: F401  (re-exported)
from support_seed import glossary_of, seed_glossary  # noqa: F401  (re-exported)


def replace_term(
    glossary: Glossary, old: str, term: str, definition: str | None = None
) -> Glossary:
    """The glossary with the entry ``old`` respelled (and its definition changed if given)."""
    terms = []
    for entry in glossary.terms:
        if entry.term == old:
            entry = Term.create(term, entry.definition if definition is None else definition)
        terms.append(entry)
    assert terms != list(glossary.terms), f"{old!r} is not in the glossary"
    return dataclasses.replace(glossary, terms=tuple(terms))


@dataclass(frozen=True)
class ImportLog:
    """How many notes Anki's importer logged as new, updated, duplicate (unchanged), conflicting."""

    new: int
    updated: int
    duplicate: int
    conflicting: int
    updated_terms: tuple[str, ...]


@contextlib.contextmanager
def fresh_collection(folder: Path) -> Iterator[Collection]:
    """A new, empty Anki collection (Anki's real backend) in ``folder``, closed afterwards."""
    folder.mkdir(parents=True)
    col = Collection(str(folder / "collection.anki2"))
    try:
        yield col
    finally:
        col.close()


def import_package(col: Collection, path: Path) -> ImportLog:
    """Import an .apkg with Anki's default options, as File → Import does."""
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return _counts(col.import_anki_package(request).log)


def import_text(col: Collection, path: Path) -> ImportLog:
    """Import an Anki text file with the choices Anki reads from its headers."""
    metadata = col.get_csv_metadata(str(path), None)
    return _counts(col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log)


def _counts(log: Any) -> ImportLog:
    return ImportLog(
        new=len(log.new),
        updated=len(log.updated),
        duplicate=len(log.duplicate),
        conflicting=len(log.conflicting),
        updated_terms=tuple(note.fields[0] for note in log.updated),
    )


def notes(col: Collection) -> list[Any]:
    """Every note in the collection, in the order they were added (note id)."""
    return [col.get_note(note_id) for note_id in sorted(col.find_notes(""))]


def note_by_term(col: Collection, term_field: str) -> Any:
    found = [note for note in notes(col) if note.fields[0] == term_field]
    assert len(found) == 1, f"{len(found)} notes with Term {term_field!r}"
    return found[0]


def deck_card_counts(col: Collection) -> dict[str, int]:
    counts: dict[str, int] = {}
    for card_id in col.find_cards(""):
        name = col.decks.name(col.get_card(card_id).did)
        counts[name] = counts.get(name, 0) + 1
    return counts
