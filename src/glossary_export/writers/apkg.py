"""Anki package (.apkg): one deck of "glossary-export" notes that update in place on re-import.

genanki defines the Anki side: the note type is a ``genanki.Model`` (``_anki_model.note_type``),
the deck and its sub-decks ``genanki.Deck``s, and the collection (schema, ``col`` row, deck and
note type JSON) is what ``genanki.Package.write_to_db`` writes for them. The notes and cards are
then inserted here in bulk with ``executemany``, because each note needs its own modification
time (genanki stamps one for all) and because it is several times faster for large glossaries;
tests/test_anki_collection.py checks the rows are those genanki's own ``Note`` writes. The SQLite
file is built in a temporary folder and zipped here with fixed entry dates, so the same input and
options give the same bytes, and no temporary file is left behind (genanki's own
``write_to_file`` leaks one per call).
"""

from __future__ import annotations

import errno
import html
import io
import itertools
import json
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..deck_memory import META_KEY, metadata
from . import WriteOptions, WriteResult
from . import _anki_model as model
from . import _deflate as deflate
from ._anki_notes import PIECE, NotePlan, deck_id, plan_notes

if TYPE_CHECKING:
    from ..model import Glossary

ROWS_A_STATEMENT = 50
"""Rows inserted by one INSERT statement: 300 values for six a row, far below SQLite's limit."""
_ZIP_EPOCH = 315_532_800  # 1980-01-01, the earliest date a zip entry can hold


def write(glossary: Glossary, path: Path, options: WriteOptions) -> WriteResult:
    """Write ``glossary`` as an Anki package at ``path``."""
    plan = plan_notes(glossary, options)

    def fill(cursor: sqlite3.Cursor) -> None:
        _fill_collection(cursor, plan, options)

    # Built in a temporary file, not in memory: an in-memory database and its serialized copy
    # would hold the collection twice at once (about 800 MB for a million notes), a file costs
    # only SQLite's small page cache, and it was no slower even for small decks.
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "collection.anki2"
        _database_in_file(database, fill)
        with database.open("rb") as collection:
            _write_package(path, collection, options.timestamp)
    return WriteResult(
        terms_written=len(plan),
        adjustments=_adjustments(glossary, plan, options),
        notes=[*plan.messages, plan.summary("package")],
        warnings=list(plan.warnings),
        memory=plan.memory() if options.memory_folder is not None else None,
        comparison=plan.comparison(),
    )


def _fill_collection(cursor: sqlite3.Cursor, plan: NotePlan, options: WriteOptions) -> None:
    deck = deck_id(plan.deck)
    subdecks = _subdecks(plan)
    _create_collection(cursor, plan, options, deck, subdecks)
    # Each index is built once after the bulk insert, faster than updated row by row: the
    # same indexes, as genanki's schema declares them.
    indexes = cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall()
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {name}")
    _insert_notes(cursor, plan, options, deck, subdecks)
    for _, sql in indexes:
        cursor.execute(sql)


def _create_collection(
    cursor: sqlite3.Cursor,
    plan: NotePlan,
    options: WriteOptions,
    deck: int,
    subdecks: dict[str, int],
) -> None:
    """The empty collection genanki writes for our note type, deck and sub-decks, with this
    export's metadata added to its settings (the next export reads it back)."""
    import genanki

    # 16 KiB pages instead of 4: a 100k-note collection is built and zipped ~90 ms faster
    # (fewer pages to split and write) and comes out slightly smaller. SQLite reads any page size.
    cursor.execute("PRAGMA page_size = 16384")
    main = genanki.Deck(deck, plan.deck, description=_description(options))
    main.add_model(model.note_type())
    decks = [main]
    decks += [genanki.Deck(number, f"{plan.deck}::{name}") for name, number in subdecks.items()]
    # genanki dates the note type with the time it is given, and writes no note here.
    genanki.Package(decks).write_to_db(cursor, model.MODEL_MODIFIED, iter(()))
    (settings,) = cursor.execute("SELECT conf FROM col").fetchone()
    ours = {META_KEY: json.loads(metadata(plan.namespace, options.html))}
    cursor.execute("UPDATE col SET conf = ?", (json.dumps({**json.loads(settings), **ours}),))


def _subdecks(plan: NotePlan) -> dict[str, int]:
    """Each sub-deck the terms go in ("Week1") and the id of its deck ("Deck::Week1")."""
    names = dict.fromkeys(term.subdeck for term in plan.terms if term.subdeck)
    return {name: deck_id(f"{plan.deck}::{name}") for name in names}


def _insert_notes(
    cursor: sqlite3.Cursor,
    plan: NotePlan,
    options: WriteOptions,
    deck: int,
    subdecks: dict[str, int],
) -> None:
    # Ids only need to be unique; Anki matches notes by GUID and renumbers clashing ids.
    # The sort field and checksum (sfld, csum) are left raw and 0, as genanki does: Anki
    # recomputes both on import.
    first_id = max(1, int(options.timestamp * 1000))
    # Rows are made from the plan's columns as SQLite takes them, the fields encoded piece by
    # piece from the terms: no row, and no encoded text, is held for the whole deck.
    columns = zip(plan.guids, plan.dates, plan.tags, plan.fields(), strict=True)
    rows = (
        (
            first_id + index,
            guid,
            modified,
            f" {' '.join(tags)} ",  # as genanki writes them, also when empty
            "\x1f".join(fields),
            fields[model.TERM],
        )
        for index, (guid, modified, tags, fields) in enumerate(columns)
    )
    _insert_rows(cursor, "notes", f"(?, ?, {model.MODEL_ID}, ?, -1, ?, ?, ?, 0, 0, '')", rows)
    if not subdecks and set(plan.cards()) <= {(model.TERM_CARD,)}:
        _insert_term_cards(cursor, first_id, len(plan), deck)
    else:
        decks = [subdecks.get(term.subdeck, deck) for term in plan.terms] if subdecks else None
        _insert_cards(cursor, plan, first_id, deck, decks)


def _insert_term_cards(cursor: sqlite3.Cursor, first_id: int, count: int, deck: int) -> None:
    """One Term → Definition card per note, made from the notes table by SQLite itself (three
    times faster than passing a row per card): the same ids, dates and order as _insert_cards."""
    cursor.execute(
        f"INSERT INTO cards SELECT id + {count}, id, {deck}, {model.TERM_CARD}, mod, -1, 0, 0, "
        f"id - {first_id} + 1, 0, 0, 0, 0, 0, 0, 0, 0, '' FROM notes ORDER BY id"
    )


def _insert_cards(
    cursor: sqlite3.Cursor,
    plan: NotePlan,
    first_id: int,
    deck: int,
    decks: list[int] | None = None,
) -> None:
    """Each note's cards, in ``deck`` or in each note's own deck (``decks``, one per note)."""
    card_ids = iter(range(first_id + len(plan), 1 << 62))
    note_decks = decks if decks is not None else itertools.repeat(deck, len(plan))
    rows = zip(plan.dates, plan.cards(), note_decks, strict=True)
    card_rows = (
        # due = position among new cards, so Anki presents them in the glossary's order.
        (next(card_ids), first_id + index, note_deck, ordinal, modified, index + 1)
        for index, (modified, cards, note_deck) in enumerate(rows)
        for ordinal in cards
    )
    card = "(?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')"
    _insert_rows(cursor, "cards", card, card_rows)


def _insert_rows(
    cursor: sqlite3.Cursor, table: str, row: str, rows: Iterator[tuple[object, ...]]
) -> None:
    """Insert ``rows`` into ``table`` (``row``: the SQL of one row's values), ROWS_A_STATEMENT
    rows an INSERT while they last, then one at a time: SQLite's work per statement, paid once
    for many rows, was a quarter of the notes' insert (100k notes: 0.05 s less)."""
    many = f"INSERT INTO {table} VALUES {', '.join([row] * ROWS_A_STATEMENT)}"
    last: list[tuple[object, ...]] = []

    def batches() -> Iterator[tuple[object, ...]]:
        while len(batch := list(itertools.islice(rows, ROWS_A_STATEMENT))) == ROWS_A_STATEMENT:
            yield tuple(itertools.chain.from_iterable(batch))
        last.extend(batch)

    cursor.executemany(many, batches())
    cursor.executemany(f"INSERT INTO {table} VALUES {row}", last)


def _description(options: WriteOptions) -> str:
    return options.description if options.html else _html_text(options.description)


def _html_text(text: str) -> str:
    """Plain text as HTML for the deck description (Anki shows it as HTML)."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def _database_in_file(database: Path, fill: Callable[[sqlite3.Cursor], None]) -> None:
    """Create the SQLite database ``database`` and fill it with ``fill``; a disk that is full
    or refuses the file is an OSError, as for any output (SQLite does not say which it was)."""
    try:
        connection = sqlite3.connect(database)
        try:
            # A scratch file zipped at once: no rollback journal, no waiting for the disk.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            fill(connection.cursor())
            connection.commit()
        finally:
            connection.close()
    except sqlite3.OperationalError as error:
        full = getattr(error, "sqlite_errorname", "") == "SQLITE_FULL"
        folder = database.parent.parent
        raise OSError(
            errno.ENOSPC if full else errno.EIO,
            f"the Anki collection could not be built in the temporary folder {folder} ({error})",
        ) from None


def _write_package(path: Path, collection: BinaryIO, timestamp: float) -> None:
    """Zip the collection with entry dates from the content's time, not the clock.

    The collection is streamed into the zip, so a large one is never held in memory whole, and
    deflated on several cores.
    """
    from concurrent.futures import ThreadPoolExecutor

    date = time.gmtime(max(_ZIP_EPOCH, int(timestamp)))[:6]
    with zipfile.ZipFile(path, "w") as package, ThreadPoolExecutor(deflate.WORKERS) as pool:
        entry = deflate.zip_entry("collection.anki2", date)
        entry.file_size = collection.seek(0, io.SEEK_END)  # decides whether ZIP64 is needed
        collection.seek(0)
        pieces = iter(lambda: collection.read(deflate.PIECE), b"")
        deflate.write_entry(package, entry, pieces, pool)
        package.writestr(deflate.zip_entry("media", date), b"{}")


def _adjustments(glossary: Glossary, plan: NotePlan, options: WriteOptions) -> dict[str, int]:
    counts: dict[str, int] = {}
    if not options.html:
        terms = glossary.terms
        escaped = 0
        # Piece by piece: all the definitions joined would be a second copy of them.
        for start in range(0, len(terms), PIECE):
            piece = terms[start : start + PIECE]
            escaped += _escaped_count([term.term for term in piece])
            escaped += _escaped_count([term.definition for term in piece])
        if escaped:
            counts["fields HTML-escaped"] = escaped
    if plan.inherited:
        counts["respelled terms kept their note"] = plan.inherited
    return counts


def _escaped_count(texts: list[str]) -> int:
    """How many of the texts hold a character HTML escaping changes (``<``, ``>`` or ``&``)."""
    joined = "".join(texts)
    if "<" not in joined and ">" not in joined and "&" not in joined:
        return 0  # most glossaries: three searches in C instead of three per text
    return sum(1 for text in texts if "<" in text or ">" in text or "&" in text)
