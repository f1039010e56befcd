"""Anki packages (.apkg, .colpkg), without Anki: a zip holding an SQLite collection.

Anki writes ``collection.anki21b`` (zstd-compressed, schema 18) beside a placeholder
``collection.anki2`` whose only note says "please update Anki"; legacy packages hold
``collection.anki21`` or ``collection.anki2`` (schema 11). The newest one present is read.
Each note's first field is the term and its second the definition (HTML turned into text),
without the block of extra columns our own exports add to it (read back as the term's
extras); its tags are kept; the deck most cards are in becomes the glossary's title. "Line" numbers
are the notes' positions, oldest note first (Anki's own order of creation).
"""

from __future__ import annotations

import json
import re
import sqlite3
import tempfile
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import GlossaryError, SourceError
from ..model import Glossary, Term
from ._archive import NOT_A_ZIP, open_zip, read_member, unzstd
from ._text import html_to_text, split_tags
from .anki_text import refuse_a_cloze

if TYPE_CHECKING:
    from . import ReadOptions

# Newest first: a package also holding an older file holds it only as a placeholder.
_COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_FIELD_SEPARATOR = "\x1f"


class PackageNote(NamedTuple):
    """A note as the package stores it: what a later export needs to recognise it."""

    guid: str
    notetype: int
    modified: int
    """Seconds since the epoch (Anki's ``mod``)."""
    tags: str
    """As stored: space-separated, with a space at each end."""
    fields: str
    """The raw fields (HTML), joined by U+001F as Anki stores them."""


@dataclass(frozen=True)
class Package:
    """Everything read from a package: its notes (oldest first), main deck and settings."""

    notes: list[PackageNote]
    deck: str
    settings: dict[str, Any]
    """The collection's configuration (``col.conf``); empty where the schema moved it."""


def read(data: bytes, file: str, options: ReadOptions) -> Glossary:
    """Notes of an Anki package as terms, tags kept, the main deck's name as the title."""
    package = read_package(data, file)
    terms = []
    for position, note in enumerate(package.notes, start=1):
        fields = note.fields.split(_FIELD_SEPARATOR)
        refuse_a_cloze(fields[0], file, position)
        definition, extras = _extras(fields[1]) if len(fields) > 1 else ("", ())
        values = [html_to_text(value) for value in (fields[0], definition)]
        if not any(values) and not extras:
            continue
        terms.append(
            Term.create(
                values[0],
                values[1],
                tags=split_tags(note.tags),
                file=file,
                line=position,
                extras=extras,
            )
        )
    return Glossary(tuple(terms), title=package.deck, sources=(file,))


# The block our Anki writers append to the Definition field for a term's extra columns
# (writers/_anki_notes.extras_html; the class is writers/_anki_model.EXTRAS_CLASS):
# <div class="extras"><div><span class="extra-name">NAME</span>: VALUE</div>...</div>
_EXTRAS_START = '<div class="extras">'
_EXTRAS_BLOCK = re.compile(
    r'<div class="extras">(<div><span class="extra-name">.*)</div>\s*$', re.S
)
_EXTRA_ITEM = re.compile(
    r'<div><span class="extra-name">(.*?)</span>: (.*?)</div>(?=<div><span class="extra-name">|$)',
    re.S,
)


def _extras(field: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A Definition field without the extras block one of our exports put at its end, and
    the (name, value) pairs it holds; the field as it is when it holds none."""
    start = field.rfind(_EXTRAS_START)
    block = _EXTRAS_BLOCK.match(field, start) if start >= 0 else None
    if block is None:
        return field, ()
    extras = tuple(
        (html_to_text(name), html_to_text(value)) for name, value in _EXTRA_ITEM.findall(block[1])
    )
    return field[:start], extras


def read_package(data: bytes, file: str) -> Package:
    """The notes, main deck and settings of the package ``data`` (SourceError when damaged)."""
    collection = _collection_bytes(data, file)
    with tempfile.TemporaryDirectory(prefix="glossary-export-") as folder:
        path = Path(folder) / "collection.sqlite"
        path.write_bytes(collection)
        del collection  # a large collection is not held twice while it is read
        try:
            with closing(sqlite3.connect(path)) as database:
                rows = database.execute(
                    f"SELECT {_note_columns(database)} FROM notes ORDER BY id"
                ).fetchall()
                notes = list(map(PackageNote._make, rows))
                return Package(notes, _main_deck(database), _settings(database))
        except sqlite3.DatabaseError as error:
            raise SourceError(
                f"the Anki collection inside is damaged ({_damage(error)}); export the deck again",
                file=file,
            ) from None


def _damage(error: sqlite3.DatabaseError) -> str:
    """What is wrong, in words: SQLite's own message, except for text that is not UTF-8, where
    Python's quotes the undecodable text itself (the default decoding is also the fastest)."""
    if str(error).startswith("Could not decode to UTF-8"):
        return "its text is not UTF-8"
    return str(error)


def _note_columns(database: sqlite3.Connection) -> str:
    """The PackageNote columns, with a constant for any a minimal collection lacks (only the
    fields and tags make terms; the others only matter to a later export of our own)."""
    present = _columns(database, "notes")
    defaults = {"guid": "''", "mid": "0", "mod": "0", "tags": "''", "flds": "''"}
    return ", ".join(name if name in present else value for name, value in defaults.items())


def _columns(database: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]) for row in database.execute(f"PRAGMA table_info({table})")}


def _settings(database: sqlite3.Connection) -> dict[str, Any]:
    if "conf" not in _columns(database, "col"):
        return {}
    row = database.execute("SELECT conf FROM col").fetchone()
    try:
        settings = json.loads(row[0]) if row and row[0] else {}
    except ValueError:
        return {}
    return settings if isinstance(settings, dict) else {}


def _collection_bytes(data: bytes, file: str) -> bytes:
    """The SQLite bytes of the newest collection in the package."""
    try:
        archive = open_zip(data, file)
    except GlossaryError:
        raise  # a LimitError is a ValueError too
    except NOT_A_ZIP:
        raise SourceError(
            "not an Anki package (not a zip file); export the deck from Anki again", file=file
        ) from None
    with archive:
        names = set(archive.namelist())
        name = next((name for name in _COLLECTIONS if name in names), None)
        if name is None:
            raise SourceError(
                "this zip holds no Anki collection (collection.anki21b, .anki21 or .anki2)",
                file=file,
            )
        content = read_member(archive, name, file)
    if content.startswith(_ZSTD_MAGIC):
        return unzstd(content, name, file)
    return content


def _main_deck(database: sqlite3.Connection) -> str:
    """Name of the deck holding the most cards ("A::B" for a subdeck), or ""."""
    names = _deck_names(database)
    counts = Counter(did for (did,) in database.execute("SELECT did FROM cards"))
    for deck_id, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if deck_id in names:
            return names[deck_id]
    return ""


def _deck_names(database: sqlite3.Connection) -> dict[int, str]:
    tables = {name for (name,) in database.execute("SELECT name FROM sqlite_master")}
    if "decks" in tables:
        # Schema 18 stores levels separated by \x1f where users see "::".
        rows = database.execute("SELECT id, name FROM decks").fetchall()
        return {int(deck_id): str(name).replace("\x1f", "::") for deck_id, name in rows}
    row = database.execute("SELECT decks FROM col").fetchone()
    decks = json.loads(row[0]) if row and row[0] else {}
    return {int(deck["id"]): str(deck["name"]) for deck in decks.values()}
