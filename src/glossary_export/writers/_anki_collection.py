"""The empty Anki collection a package's notes and cards go into (Anki's legacy schema 11).

This is what genanki's ``Package.write_to_db()`` writes for one deck of our note type: the same
tables, indexes and ``col`` row. It is reproduced here rather than called because importing
genanki costs 40-80 ms per process (it pulls in asyncio and yaml).
``tests/test_anki_collection.py`` builds both and compares them table by table, so any drift from
genanki fails there.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from . import _anki_model as model

TABLES = """
CREATE TABLE col (
    id integer primary key, crt integer not null, mod integer not null,
    scm integer not null, ver integer not null, dty integer not null, usn integer not null,
    ls integer not null, conf text not null, models text not null, decks text not null,
    dconf text not null, tags text not null
);
CREATE TABLE notes (
    id integer primary key, guid text not null, mid integer not null, mod integer not null,
    usn integer not null, tags text not null, flds text not null, sfld integer not null,
    csum integer not null, flags integer not null, data text not null
);
CREATE TABLE cards (
    id integer primary key, nid integer not null, did integer not null, ord integer not null,
    mod integer not null, usn integer not null, type integer not null, queue integer not null,
    due integer not null, ivl integer not null, factor integer not null, reps integer not null,
    lapses integer not null, left integer not null, odue integer not null, odid integer not null,
    flags integer not null, data text not null
);
CREATE TABLE revlog (
    id integer primary key, cid integer not null, usn integer not null, ease integer not null,
    ivl integer not null, lastIvl integer not null, factor integer not null,
    time integer not null, type integer not null
);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
"""

# Created after the notes and cards are in: building an index once is faster than updating it
# row by row.
INDEXES = """
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
"""

# genanki's fixed dates and counters of the col row: creation, modification, schema
# modification, schema version 11, not dirty, usn 0, last sync 0.
_COL_DATES = (1411124400, 1425279151694, 1425279151690, 11, 0, 0, 0)

_SETTINGS = {
    "activeDecks": [1],
    "addToCur": True,
    "collapseTime": 1200,
    "curDeck": 1,
    "curModel": "1425279151691",
    "dueCounts": True,
    "estTimes": True,
    "newBury": True,
    "newSpread": 0,
    "nextPos": 1,
    "sortBackwards": False,
    "sortType": "noteFld",
    "timeLim": 0,
}

_DEFAULT_DECK = {
    "collapsed": False,
    "conf": 1,
    "desc": "",
    "dyn": 0,
    "extendNew": 10,
    "extendRev": 50,
    "id": 1,
    "lrnToday": [0, 0],
    "mod": 1425279151,
    "name": "Default",
    "newToday": [0, 0],
    "revToday": [0, 0],
    "timeToday": [0, 0],
    "usn": 0,
}

_DECK_OPTIONS = {
    "1": {
        "autoplay": True,
        "id": 1,
        "lapse": {"delays": [10], "leechAction": 0, "leechFails": 8, "minInt": 1, "mult": 0},
        "maxTaken": 60,
        "mod": 0,
        "name": "Default",
        "new": {
            "bury": True,
            "delays": [1, 10],
            "initialFactor": 2500,
            "ints": [1, 4, 7],
            "order": 1,
            "perDay": 20,
            "separate": True,
        },
        "replayq": True,
        "rev": {
            "bury": True,
            "ease4": 1.3,
            "fuzz": 0.05,
            "ivlFct": 1,
            "maxIvl": 36500,
            "minSpace": 1,
            "perDay": 100,
        },
        "timer": 0,
        "usn": 0,
    }
}


def create(
    cursor: sqlite3.Cursor,
    deck_id: int,
    deck: str,
    description: str,
    settings: dict[str, object],
    subdecks: Sequence[tuple[int, str]] = (),
) -> None:
    """The tables (without indexes) and the col row of a collection holding one deck of our
    note type (and its ``subdecks``, (id, full name) each); ``settings`` are added to genanki's
    collection settings."""
    # 16 KiB pages instead of 4: a 100k-note collection is built and zipped ~90 ms faster
    # (fewer pages to split and write) and comes out slightly smaller. SQLite reads any page size.
    cursor.execute("PRAGMA page_size = 16384")
    cursor.executescript(TABLES)
    decks = {"1": _DEFAULT_DECK, str(deck_id): _deck(deck_id, deck, description)}
    decks.update((str(number), _deck(number, name, "")) for number, name in subdecks)
    cursor.execute(
        "INSERT INTO col VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')",
        (
            *_COL_DATES,
            _json({**_SETTINGS, **settings}),
            _json({str(model.MODEL_ID): model.note_type(deck_id)}),
            _json(decks),
            _json(_DECK_OPTIONS),
        ),
    )


def _deck(deck_id: int, name: str, description: str) -> dict[str, object]:
    """genanki's deck entry (its daily counters and dates included)."""
    return {
        "collapsed": False,
        "conf": 1,
        "desc": description,
        "dyn": 0,
        "extendNew": 0,
        "extendRev": 50,
        "id": deck_id,
        "lrnToday": [163, 2],
        "mod": 1425278051,
        "name": name,
        "newToday": [163, 2],
        "revToday": [163, 0],
        "timeToday": [163, 23598],
        "usn": -1,
    }


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
