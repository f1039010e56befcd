"""Anki package (.apkg): one deck of "glossary-export" notes that update in place on re-import.

genanki writes the collection's schema, deck and note type; the notes and cards go in with
``executemany`` because each note needs its own modification time (genanki stamps one for all)
and because it is several times faster for large glossaries. The SQLite file is built in memory and
zipped here with fixed entry dates, so the same input and options give the same bytes, and no
temporary file is left behind (genanki's own ``write_to_file`` leaks one per call).
"""

from __future__ import annotations

import html
import json
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import WriteOptions, WriteResult
from . import _anki_model as model
from ._anki_memory import META_KEY, metadata
from ._anki_notes import NotePlan, deck_id, plan_notes

if TYPE_CHECKING:
    from ..model import Glossary

_ZIP_EPOCH = 315_532_800  # 1980-01-01, the earliest date a zip entry can hold


def write(glossary: Glossary, path: Path, options: WriteOptions) -> WriteResult:
    """Write ``glossary`` as an Anki package at ``path``."""
    plan = plan_notes(glossary, options)
    database = _database_bytes(lambda cursor: _fill_collection(cursor, plan, options))
    _write_package(path, database, options.timestamp)
    return WriteResult(
        terms_written=len(plan.notes),
        adjustments=_adjustments(glossary, plan, options),
        notes=[*plan.messages, *_summary(plan)],
    )


def _fill_collection(cursor: sqlite3.Cursor, plan: NotePlan, options: WriteOptions) -> None:
    import genanki

    deck = genanki.Deck(deck_id(plan.deck), plan.deck, description=_description(options))
    deck.add_model(model.build_model())
    # The "timestamp" genanki receives here only dates the note type (see MODEL_MODIFIED).
    genanki.Package(deck).write_to_db(cursor, model.MODEL_MODIFIED, iter(()))
    (conf,) = cursor.execute("SELECT conf FROM col").fetchone()
    settings = json.loads(conf)
    settings[META_KEY] = json.loads(metadata(plan.namespace, options.html))
    cursor.execute("UPDATE col SET conf = ?", (json.dumps(settings, ensure_ascii=False),))

    # Bulk load: indexes are built once after the inserts instead of updated row by row.
    indexes = cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    _insert_notes(cursor, plan, options, deck.deck_id)
    for _, sql in indexes:
        cursor.execute(sql)


def _insert_notes(cursor: sqlite3.Cursor, plan: NotePlan, options: WriteOptions, deck: int) -> None:
    # Ids only need to be unique; Anki matches notes by GUID and renumbers clashing ids.
    # The sort field and checksum (sfld, csum) are left raw and 0, as genanki does: Anki
    # recomputes both on import.
    first_id = max(1, int(options.timestamp * 1000))
    cursor.executemany(
        f"INSERT INTO notes VALUES (?, ?, {model.MODEL_ID}, ?, -1, ?, ?, ?, 0, 0, '')",
        (
            (
                first_id + index,
                note.guid,
                note.modified,
                f" {' '.join(note.tags)} " if note.tags else "",
                "\x1f".join(note.fields),
                note.fields[model.TERM],
            )
            for index, note in enumerate(plan.notes)
        ),
    )
    card_ids = iter(range(first_id + len(plan.notes), 1 << 62))
    cursor.executemany(
        "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
        (
            # due = position among new cards, so Anki presents them in the glossary's order.
            (next(card_ids), first_id + index, deck, ordinal, note.modified, index + 1)
            for index, note in enumerate(plan.notes)
            for ordinal in note.cards
        ),
    )


def _description(options: WriteOptions) -> str:
    return options.description if options.html else _html_text(options.description)


def _html_text(text: str) -> str:
    """Plain text as HTML for the deck description (Anki shows it as HTML)."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def _database_bytes(fill: Callable[[sqlite3.Cursor], None]) -> bytes:
    """The bytes of a SQLite database filled by ``fill``, built in memory where possible."""
    connection = sqlite3.connect(":memory:")
    if hasattr(connection, "serialize"):  # Python 3.11+
        try:
            fill(connection.cursor())
            connection.commit()
            return bytes(connection.serialize())
        finally:
            connection.close()
    connection.close()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            fill(connection.cursor())
            connection.commit()
        finally:
            connection.close()
        return database.read_bytes()


def _write_package(path: Path, database: bytes, timestamp: float) -> None:
    """Zip the collection with entry dates from the content's time, not the clock."""
    date = time.gmtime(max(_ZIP_EPOCH, int(timestamp)))[:6]
    with zipfile.ZipFile(path, "w") as package:
        for name, data in (("collection.anki2", database), ("media", b"{}")):
            entry = zipfile.ZipInfo(name, date_time=date)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            # Level 1: several times faster than the default and, on Anki's SQLite pages,
            # no bigger.
            package.writestr(entry, data, compresslevel=1)


def _adjustments(glossary: Glossary, plan: NotePlan, options: WriteOptions) -> dict[str, int]:
    counts: dict[str, int] = {}
    if not options.html:
        escaped = sum(
            1
            for term in glossary.terms
            for text in (term.term, term.definition)
            if "<" in text or ">" in text or "&" in text
        )
        if escaped:
            counts["fields HTML-escaped"] = escaped
    if plan.inherited:
        counts["respelled terms kept their note"] = plan.inherited
    return counts


def _summary(plan: NotePlan) -> list[str]:
    if not plan.remembered:
        return []
    unchanged = len(plan.notes) - plan.changed - plan.new
    return [
        f"compared with the previous export: {plan.new} new notes, {plan.changed} changed and "
        f"{unchanged} unchanged; Anki's import will update only the changed ones"
    ]
