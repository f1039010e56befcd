"""Anki text import (.anki.txt): tab-separated notes with Anki's own file headers.

The headers answer every question of Anki's File → Import dialog (separator, HTML, note type,
deck, tags, which column is the GUID), so the import needs no choices. The notes, their fields and
their GUIDs are exactly those of the .apkg writer, so a deck can be updated by either route.
Anki's text importer updates a note when its content changed, so no modification times are needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..deck_memory import TEXT_META_PREFIX, metadata
from . import WriteOptions, WriteResult
from . import _anki_model as model
from ._anki_notes import plan_notes

if TYPE_CHECKING:
    from ..model import Glossary

# Columns: the note type's fields in order, then tags, then the GUID (Anki counts from 1).
TAGS_COLUMN = len(model.FIELDS) + 1
GUID_COLUMN = len(model.FIELDS) + 2
DECK_COLUMN = len(model.FIELDS) + 3
"""Only when terms go in sub-decks (a workbook's sheets): each note's full deck name."""


def write(glossary: Glossary, path: Path, options: WriteOptions) -> WriteResult:
    """Write ``glossary`` as an Anki text import file at ``path``."""
    plan = plan_notes(glossary, options)
    subdecks = any(term.subdeck for term in plan.terms)
    header = [
        "#separator:tab",
        "#html:true",
        # Anki falls back to "Basic" when this note type is not in the collection yet. Columns
        # are then mapped by position, so Term and Definition come first and land in Front and
        # Back. (No "#columns:" labels: Anki would map by name and leave Back empty.)
        f"#notetype:{model.NAME}",
        f"#deck column:{DECK_COLUMN}" if subdecks else f"#deck:{plan.deck}",
        # Every note's tags in its own column, and no "#tags:" header: with both, Anki logs
        # every note as updated on each re-import, even unchanged ones.
        f"#tags column:{TAGS_COLUMN}",
        f"#guid column:{GUID_COLUMN}",
        # Anki ignores header keys it does not know; this one is the next export's memory.
        TEXT_META_PREFIX + metadata(plan.namespace, options.html),
    ]
    # "\n" on every platform: the same bytes everywhere (Anki reads either line ending).
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(header) + "\n")
        # Line by line into the file's buffer: the text of a large deck is never held whole.
        rows = zip(plan.guids, plan.tags, plan.fields(), plan.terms, strict=True)
        for guid, tags, fields, term in rows:
            values = (*fields, " ".join(tags), guid)
            if subdecks:
                values = (*values, f"{plan.deck}::{term.subdeck}" if term.subdeck else plan.deck)
            handle.write("\t".join(_quote(value) for value in values) + "\n")
    return WriteResult(
        terms_written=len(plan),
        notes=[*plan.messages, plan.summary("text")],
        warnings=list(plan.warnings),
        memory=plan.memory() if options.memory_folder is not None else None,
        comparison=plan.comparison(),
    )


def _quote(value: str) -> str:
    """A field as Anki's reader must see it: quoted when it holds a tab, a line break or a quote,
    or starts with "#" (an unquoted row starting with "#" is a comment, silently dropped)."""
    if value.startswith("#") or any(ch in value for ch in '\t\n\r"'):
        return '"' + value.replace('"', '""') + '"'
    return value
