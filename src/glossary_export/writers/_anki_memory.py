"""Memory of the previous Anki export: which note (GUID) held which content, and since when.

The memory is the previous output itself (the file at the target path), not a separate lock
file: it is exactly what the user last imported, it needs no extra file to keep in sync, and it
works for sources that are not files (lists, DataFrames). Both Anki writers read it and both
record the identity namespace in it, so the package and the text export assign the same GUIDs.

A missing, foreign or unreadable file simply means "no memory": every note then gets the content's
time and its GUID from its term alone.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from . import _anki_model as model

META_KEY = "glossaryExport"
"""Key of the metadata: in the package's collection config, and as an Anki text header line."""
TEXT_META_PREFIX = "#glossary-export:"


class PreviousNote(NamedTuple):
    """A note as the previous export wrote it (fields encoded as in Anki).

    A named tuple rather than a dataclass: a re-export of a large deck reads one per note, and
    tuples are several times cheaper to build.
    """

    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    modified: int


@dataclass(frozen=True)
class Memory:
    """What the previous export recorded about itself and its notes."""

    namespace: str
    html: bool
    notes: tuple[PreviousNote, ...]


def metadata(namespace: str, html: bool) -> str:
    """The metadata both writers store, as compact JSON on one line."""
    return json.dumps({"namespace": namespace, "html": html, "version": 1}, ensure_ascii=False)


def read_memory(path: Path | None) -> tuple[Memory | None, str]:
    """The memory in ``path`` (a package or an Anki text export), and a note when it is unusable."""
    if path is None or not path.is_file():
        return None, ""
    try:
        memory = _read_package(path) if zipfile.is_zipfile(path) else _read_text(path)
    except (OSError, sqlite3.Error, zipfile.BadZipFile, ValueError, KeyError, IndexError):
        memory = None
    if memory is None:
        return None, (
            f"{path.name} was not written by glossary-export (or is damaged), so this export "
            "cannot tell which notes changed: every note is dated with the content's time"
        )
    return memory, ""


# A previous collection larger than this is read from a temporary file rather than from memory:
# its bytes plus the in-memory database made from them would hold it twice (~800 MB at 1M notes).
IN_MEMORY_BYTES = 32 << 20


def _read_package(path: Path) -> Memory | None:
    with zipfile.ZipFile(path) as package:
        if package.getinfo("collection.anki2").file_size <= IN_MEMORY_BYTES:
            return _read_collection(_open_database(package.read("collection.anki2")))
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "previous.anki2"
            with package.open("collection.anki2") as packed, copy.open("wb") as unpacked:
                shutil.copyfileobj(packed, unpacked, 1 << 20)
            return _read_collection(sqlite3.connect(copy))


def _read_collection(connection: sqlite3.Connection) -> Memory | None:
    """The memory in an open collection (closed here)."""
    try:
        (conf,) = connection.execute("SELECT conf FROM col").fetchone()
        meta = json.loads(conf).get(META_KEY)
        if not isinstance(meta, dict):
            return None
        rows = connection.execute(
            "SELECT guid, flds, tags, mod FROM notes WHERE mid = ? ORDER BY id", (model.MODEL_ID,)
        )
        # Row by row, not fetchall(): a large deck's rows are never all held at once.
        notes = tuple(
            PreviousNote(guid, tuple(fields.split("\x1f")), tuple(tags.split()), int(modified))
            for guid, fields, tags, modified in rows
        )
    finally:
        connection.close()
    return Memory(str(meta["namespace"]), bool(meta.get("html", False)), notes)


def _open_database(data: bytes) -> sqlite3.Connection:
    """An in-memory copy of a SQLite file's bytes (no temp file where the platform allows)."""
    connection = sqlite3.connect(":memory:")
    if hasattr(connection, "deserialize"):  # Python 3.11+
        connection.deserialize(data)
        return connection
    connection.close()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "previous.anki2"
        copy.write_bytes(data)
        on_disk = sqlite3.connect(copy)
        connection = sqlite3.connect(":memory:")
        on_disk.backup(connection)
        on_disk.close()
    return connection


def _read_text(path: Path) -> Memory | None:
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines(keepends=True)
    meta: dict[str, object] | None = None
    header: dict[str, str] = {}
    body_start = 0
    for number, line in enumerate(lines):
        if not line.startswith("#"):
            body_start = number
            break
        if line.startswith(TEXT_META_PREFIX):
            meta = json.loads(line[len(TEXT_META_PREFIX) :])
        elif ":" in line:
            key, value = line[1:].split(":", 1)
            header[key] = value.strip()
    else:
        body_start = len(lines)
    if meta is None or "guid column" not in header:
        return None
    guid_column = int(header["guid column"]) - 1
    tags_column = int(header.get("tags column", 0)) - 1
    rows = csv.reader(io.StringIO("".join(lines[body_start:])), delimiter="\t", quotechar='"')
    notes = []
    for row in rows:
        if not row:
            continue
        fields = tuple(row[: len(model.FIELDS)])
        tags = tuple(row[tags_column].split()) if tags_column >= 0 else ()
        notes.append(PreviousNote(row[guid_column], fields, tags, 0))
    return Memory(str(meta["namespace"]), bool(meta.get("html", False)), tuple(notes))
