"""The collection inside an .apkg is the one genanki writes: genanki's own ``Note`` and
``Package.write_to_db`` fed the same notes give the same tables, rows and indexes.

The writer has genanki write the empty collection and inserts the notes and cards itself, in
bulk; here genanki writes everything, note by note, and the two are compared. The reference
takes from our package only what a note is (GUID, fields, tags and its deck): which cards each
note gets, the card and note columns, and the collection around them are genanki's work.
"""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import genanki
import pytest

from glossary_export.model import Glossary, Term
from glossary_export.writers import WriteOptions, apkg
from glossary_export.writers._anki_model import MODEL_MODIFIED, note_type

_JSON_COLUMNS = ("conf", "models", "decks", "dconf", "tags")
_DECK = "Langues::Français — vocabulaire"


def _glossary() -> Glossary:
    return Glossary(
        terms=(
            Term.create("Low-Rank Adaptation (LoRA)", "Small matrices.", tags=("ml", "Ml")),
            Term.create("a < b & c", "Line one\nline two."),
            Term.create("Embedding", "A vector.", extras=(("Example", "<king>"),)),
            Term.create("Beam Search (BS)", "The k best paths.", subdeck="Week 2"),
            Term.create("Temperature", "Sampling.", subdeck="Week 1"),
            Term.create("Top-p", "Nucleus sampling.", subdeck="Week 2"),
        )
    )


def _collection(package: bytes) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        database = archive.read("collection.anki2")
    connection = sqlite3.connect(":memory:")
    connection.deserialize(database)
    return connection


def _ours(tmp_path: Path, options: WriteOptions) -> sqlite3.Connection:
    path = tmp_path / "deck.apkg"
    apkg.write(_glossary(), path, options)
    return _collection(path.read_bytes())


def _by_genanki(ours: sqlite3.Connection, options: WriteOptions) -> sqlite3.Connection:
    """What genanki writes for the notes in ``ours``, each in the deck its cards are in there,
    in the same order and due as new cards in that order (as the writer does)."""
    (decks_json, conf_json) = ours.execute("SELECT decks, conf FROM col").fetchone()
    named = {int(number): deck for number, deck in json.loads(decks_json).items()}
    main_id = next(number for number, deck in named.items() if deck["name"] == options.deck)
    rows = ours.execute(
        "SELECT guid, flds, tags, (SELECT did FROM cards WHERE nid = notes.id LIMIT 1) "
        "FROM notes ORDER BY id"
    )
    # genanki writes a deck's notes together: one Deck per run of notes in the same deck keeps
    # the glossary's order across sub-decks (Decks of one id are one deck in the collection).
    runs: list[genanki.Deck] = []
    for position, (guid, fields, tags, deck) in enumerate(rows, start=1):
        if not runs or runs[-1].deck_id != deck:
            runs.append(genanki.Deck(deck, named[deck]["name"], named[deck]["desc"]))
        note = genanki.Note(
            note_type(), fields.split("\x1f"), guid=guid, tags=tags.split(), due=position
        )
        runs[-1].add_note(note)
    # The main deck last, holding the note type: genanki names it the note type's deck ("did").
    main = genanki.Deck(main_id, options.deck, named[main_id]["desc"])
    main.add_model(note_type())
    connection = sqlite3.connect(":memory:")
    genanki.Package([*runs, main]).write_to_db(
        connection.cursor(), options.timestamp, iter(range(1, 1 << 40))
    )
    # The settings our export adds about itself (read back by the next export).
    connection.execute("UPDATE col SET conf = ?", (conf_json,))
    return connection


def _contents(connection: sqlite3.Connection) -> dict[str, Any]:
    """Every table's columns and rows (JSON parsed; note and card ids as their rank, the order
    Anki sorts them by), every index's table and columns."""
    contents: dict[str, Any] = {}
    note_rank = _ranks(connection, "notes")
    card_rank = _ranks(connection, "cards")
    schema = connection.execute("SELECT type, name, tbl_name FROM sqlite_master ORDER BY name")
    for kind, name, table in schema.fetchall():
        if kind == "index":
            contents[name] = (table, connection.execute(f"PRAGMA index_info({name})").fetchall())
            continue
        columns = connection.execute(f"PRAGMA table_info({name})").fetchall()
        names = [column[1] for column in columns]
        rows = []
        for row in connection.execute(f"SELECT * FROM {name}"):
            values = dict(zip(names, row, strict=True))
            for column in _JSON_COLUMNS:
                if column in values and name == "col":
                    values[column] = json.loads(values[column])
            if name == "notes":
                values["id"] = note_rank[values["id"]]
            if name == "cards":
                values["id"], values["nid"] = card_rank[values["id"]], note_rank[values["nid"]]
            rows.append(values)
        contents[name] = (kind, columns, sorted(rows, key=lambda row: int(row.get("id", 0))))
    return contents


def _ranks(connection: sqlite3.Connection, table: str) -> dict[int, int]:
    ids = [number for (number,) in connection.execute(f"SELECT id FROM {table} ORDER BY id")]
    return {number: rank for rank, number in enumerate(ids)}


@pytest.mark.parametrize(
    "cards",
    [
        {},
        {"reverse": True},
        {"acronym_cards": True},
        {"reverse": True, "acronym_cards": True, "html": True},
    ],
)
def test_the_collection_is_the_one_genanki_writes(tmp_path: Path, cards: dict[str, bool]) -> None:
    # genanki dates the note type and the notes with one time: the note type's own date here.
    options = WriteOptions(
        deck=_DECK,
        description='A "quoted" <b>description</b>\nwith é',
        tags=("vocab",),
        timestamp=MODEL_MODIFIED,
        **cards,
    )
    ours = _ours(tmp_path, options)
    assert _contents(ours) == _contents(_by_genanki(ours, options))


def test_a_deck_without_sub_decks_is_the_one_genanki_writes(tmp_path: Path) -> None:
    options = WriteOptions(deck="LLM Glossary", timestamp=MODEL_MODIFIED, reverse=True)
    path = tmp_path / "deck.apkg"
    terms = tuple(Term.create(f"Term {n} (T{n})", f"Definition {n}.") for n in range(300))
    apkg.write(Glossary(terms=terms), path, options)
    ours = _collection(path.read_bytes())
    assert _contents(ours) == _contents(_by_genanki(ours, options))
