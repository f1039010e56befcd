"""The collection the .apkg writer creates is the one genanki's Package.write_to_db() creates
for the same deck and note type: same tables, indexes and col row (JSON compared as data)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

import genanki
import pytest

from glossary_export.writers import _anki_collection as collection
from glossary_export.writers import _anki_model as model

_JSON_COLUMNS = ("conf", "models", "decks", "dconf", "tags")
_META = {"glossaryExport": {"namespace": "llm glossary", "html": False, "version": 1}}


def _genanki_model() -> genanki.Model:
    """Our note type as genanki's Model (how the writer declared it when it used genanki)."""
    return genanki.Model(
        model.MODEL_ID,
        model.NAME,
        fields=[{"name": name} for name in model.FIELDS],
        templates=[
            {"name": name, "qfmt": front, "afmt": back} for name, front, back in model._TEMPLATES
        ],
        css=model.CSS,
    )


def _by_genanki(cursor: sqlite3.Cursor, deck_id: int, name: str, description: str) -> None:
    deck = genanki.Deck(deck_id, name, description=description)
    deck.add_model(_genanki_model())
    genanki.Package(deck).write_to_db(cursor, model.MODEL_MODIFIED, iter(()))
    (conf,) = cursor.execute("SELECT conf FROM col").fetchone()
    cursor.execute("UPDATE col SET conf = ?", (json.dumps({**json.loads(conf), **_META}),))


def _ours(cursor: sqlite3.Cursor, deck_id: int, name: str, description: str) -> None:
    collection.create(cursor, deck_id, name, description, _META)
    cursor.executescript(collection.INDEXES)


def _contents(fill: Callable[[sqlite3.Cursor, int, str, str], None], *deck: object) -> object:
    """Every table's columns and rows (JSON columns parsed), every index's table and columns."""
    connection = sqlite3.connect(":memory:")
    fill(connection.cursor(), *deck)  # type: ignore[arg-type]
    contents: dict[str, object] = {}
    schema = connection.execute("SELECT type, name, tbl_name FROM sqlite_master ORDER BY name")
    for kind, name, table in schema.fetchall():
        if kind == "index":
            contents[name] = (table, connection.execute(f"PRAGMA index_info({name})").fetchall())
            continue
        columns = connection.execute(f"PRAGMA table_info({name})").fetchall()
        names = [column[1] for column in columns]
        rows = [
            {n: json.loads(v) if n in _JSON_COLUMNS else v for n, v in zip(names, row, strict=True)}
            for row in connection.execute(f"SELECT * FROM {name}")
        ]
        contents[name] = (kind, columns, rows)
    connection.close()
    return contents


@pytest.mark.parametrize(
    "deck",
    [
        (1_234_567_890, "LLM Glossary", ""),
        (1 << 30, "Langues::Français — vocabulaire", 'A "quoted" <b>description</b>\nwith é'),
    ],
)
def test_the_collection_is_the_one_genanki_writes(deck: tuple[int, str, str]) -> None:
    assert _contents(_ours, *deck) == _contents(_by_genanki, *deck)


def test_required_fields_are_those_genanki_computes() -> None:
    assert model.note_type(1)["req"] == _genanki_model()._req
