"""Deck memory: what the last export of each deck gave every note, kept apart from its file.

Anki updates exactly the notes that changed only when each export knows the previous one: which
GUID each term had, what each note held and the modification time it was given. That knowledge
used to live only in the previous output at the same path, so a user who moved or deleted
``deck.apkg`` after importing it, or exported to a new name, lost it. It is now kept in one small
text file per id namespace (the deck, or ``--id-namespace``) in the user's data folder, or in the
folder ``--memory``/``GLOSSARY_EXPORT_MEMORY`` names, written after every successful export. An
earlier export still lying at the output path is read too (through :mod:`readers`, the one parser
of each format), and the newer of the two memories wins.

The file (``<deck>-<hash>.txt``, UTF-8) is a format line, a line of JSON about the export
(namespace, deck, when, how many notes N), then the notes' columns, in glossary order:

    line 3: the N GUIDs, 12 characters each, one after the other
    line 4: the N content digests, likewise
    line 5: the N definition digests, likewise
    line 6: the N modification times, separated by spaces
    then:   the N terms, one a line

A digest is 72 bits of XXH3-128 (12 URL-safe base64 characters) of the note's encoded fields
and tags, or of its definition (to match a respelled term by its unchanged definition): a digest
only tells an edited note from an unchanged one, so it needs no cryptographic hash, and XXH3 is
four times faster than SHA-256 on these short texts. Version 1 files hold SHA-256 digests; they are
still read, and compared with digests made the same way (the GUIDs, part of each note's
identity, stay SHA-256 in every version). No
definition text is kept: the memory stays small. The term (tabs and line breaks as spaces)
gives the note's key, as :func:`~glossary_export.keys.term_key` makes it, and names it in
messages. Columns rather than a line per note: the file is written and read in a few C calls
(a line per note cost 0.1 s each way at 100k notes), and an unchanged deck's columns are
compared and written back whole.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import itertools
import json
import operator
import os
import re
import tempfile
import time
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

import xxhash

ENVIRONMENT = "GLOSSARY_EXPORT_MEMORY"
"""The environment variable naming the memory folder (``--memory`` wins over it)."""
META_KEY = "glossaryExport"
"""Key of the metadata an Anki output carries about itself: in the package's collection config,
and (as ``#glossary-export:``) as an Anki text header line."""
TEXT_META_PREFIX = "#glossary-export:"
DIGESTS = 2
"""The version of the digests this release makes (see :func:`digests`), and of its files."""
_FORMAT_LINE = "# glossary-export deck memory, version {}"
"""A memory file's first line, with the version of its digests."""
_VERSIONS = {_FORMAT_LINE.format(version): version for version in (1, DIGESTS)}
DIGEST_LENGTH = 12
"""Characters in a digest (and a GUID): nine bytes in base64, no padding."""


class Column(Sequence[str]):
    """Strings of DIGEST_LENGTH characters (GUIDs, digests) held as one string: 12 bytes each
    instead of a string object and its pointer (72 bytes). Each is cut out when read."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __len__(self) -> int:
        return len(self.text) // DIGEST_LENGTH

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.text[index * DIGEST_LENGTH : (index + 1) * DIGEST_LENGTH]

    def __iter__(self) -> Iterator[str]:
        # Slices made and applied in C: iterating is as fast as iterating a list of strings.
        ends = range(DIGEST_LENGTH, len(self.text) + DIGEST_LENGTH, DIGEST_LENGTH)
        slices = map(slice, range(0, len(self.text), DIGEST_LENGTH), ends)
        return map(self.text.__getitem__, slices)


def digests(texts: Iterable[str], version: int = DIGESTS) -> Column:
    """Each text's digest, computed without a Python call per text: nine bytes of XXH3-128, or
    of SHA-256 for ``version`` 1 (the memory files of earlier releases)."""
    encoded = map(str.encode, texts, itertools.repeat("utf-8"), itertools.repeat("surrogatepass"))
    if version == 1:
        hashed = map(operator.methodcaller("digest"), map(hashlib.sha256, encoded))
    else:
        hashed = map(xxhash.xxh3_128_digest, encoded)
    joined = b"".join(map(operator.itemgetter(slice(9)), hashed))
    return Column(base64.urlsafe_b64encode(joined).decode())


def content_digests(fields: Iterable[str], tags: Iterable[str], version: int = DIGESTS) -> Column:
    """Digests of notes' contents: their fields as Anki stores them (joined by U+001F) and their
    tags (joined by spaces), so a note whose digest is unchanged is unchanged."""
    return digests(map("\x1e".join, zip(fields, tags, strict=True)), version)


@dataclass(frozen=True)
class DeckMemory:
    """What an export gave each note of a deck (columns in glossary order)."""

    namespace: str
    deck: str
    exported: float
    """When that export was written (seconds since the epoch)."""
    origin: str
    """Where it was read from, for messages ("" for this export's own)."""
    guids: Sequence[str]
    names: Sequence[str]
    """Each note's term as written (in the memory file: with tabs and line breaks as spaces)."""
    contents: Sequence[str]
    """Digest of each note's encoded fields and tags (:func:`content_digests`)."""
    definitions: Sequence[str]
    """Digest of each note's definition (:func:`definition_digests`); empty when
    :attr:`definition_texts` holds the definitions instead (see :meth:`definition_digests_of`)."""
    modified: Sequence[int]
    definition_texts: Sequence[str] | None = None
    """Each note's definition, when the export itself was read: only then can a respelled term
    whose definition was reworded too be matched."""
    digest_version: int = DIGESTS
    """How :attr:`contents` and :attr:`definitions` were made (the version :func:`digests`
    takes): an earlier release's memory file holds version 1 digests."""

    def __len__(self) -> int:
        return len(self.guids)

    def definition_digests_of(self, notes: Sequence[int]) -> Sequence[str]:
        """The definition digests of the notes at these positions (made here for an export
        read from its file: only a few old notes ever need one)."""
        if self.definitions or self.definition_texts is None:
            return [self.definitions[note] for note in notes]
        texts = self.definition_texts
        return definition_digests([texts[note] for note in notes], self.digest_version)

    @functools.cached_property
    def keys(self) -> list[str]:
        """Each note's term key (the normalised term, as :func:`~.keys.term_key` makes it)."""
        from .keys import term_key

        return list(map(term_key, self.names))


def default_folder() -> Path:
    """The memory folder: ``GLOSSARY_EXPORT_MEMORY``, else the user's data folder."""
    named = os.environ.get(ENVIRONMENT, "").strip()
    if named:
        return Path(named).expanduser()
    import platformdirs

    return platformdirs.user_data_path("glossary-export", appauthor=False) / "deck-memory"


def memory_file(folder: Path, namespace: str) -> Path:
    """The file holding ``namespace``'s memory: a readable name plus a hash that keeps names
    apart however they are spelled."""
    slug = re.sub(r"[^a-z0-9]+", "-", namespace.lower()).strip("-")[:40] or "deck"
    digest = hashlib.sha256(namespace.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return folder / f"{slug}-{digest}.txt"


def recall(
    namespace: str, folder: Path | None, previous_output: Path | None
) -> tuple[DeckMemory | None, list[str], list[str]]:
    """The newest memory of the deck: its memory file in ``folder`` or the earlier export at
    ``previous_output``; a warning for each one that exists but cannot be used, and a note
    when the earlier export belongs to other note identities."""
    warnings: list[str] = []
    notes: list[str] = []
    stored = None
    if folder is not None:
        stored, problem = _load(memory_file(folder, namespace), namespace)
        if problem:
            warnings.append(problem)
    previous = None
    # The earlier output is read only when it is newer than the memory file (written just after
    # it, normally): a package of 100k notes takes longer to read than the file.
    if previous_output is not None and (
        stored is None or _mtime(previous_output) > stored.exported
    ):
        previous, problem = read_previous_output(previous_output)
        if problem:
            warnings.append(problem)
        if previous is not None and previous.namespace != namespace:
            if stored is None:
                notes.append(
                    f'the previous export used the note identities of "{previous.namespace}", '
                    f'this one uses "{namespace}", so Anki will add its notes as new ones '
                    f'(--id-namespace "{previous.namespace}" keeps updating the old notes)'
                )
            previous = None
    found = [memory for memory in (stored, previous) if memory is not None]
    # The newer wins; on a tie the memory file, written just after that very output.
    return max(found, key=lambda memory: memory.exported, default=None), warnings, notes


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def remember(folder: Path, memory: DeckMemory) -> Path:
    """Write ``memory`` as its namespace's file in ``folder``, atomically: a temporary file in
    the same folder renamed over the old one, so a concurrent export or reader sees the old
    file or the new one, never a mixture (of two exports at once, the later rename wins)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = memory_file(folder, memory.namespace)
    about = {
        "namespace": memory.namespace,
        "deck": memory.deck,
        "exported": round(time.time(), 3),
        "notes": len(memory),
    }
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="surrogatepass", newline="\n") as out:
            out.write(_FORMAT_LINE.format(memory.digest_version) + "\n")
            out.write(json.dumps(about, ensure_ascii=False) + "\n")
            out.write(column_text(memory.guids) + "\n")
            out.write(column_text(memory.contents) + "\n")
            out.write(column_text(memory.definitions) + "\n")
            out.write(" ".join(map(str, memory.modified)) + "\n")
            names = _one_line(memory.names)
            out.write("\n".join(names) + "\n" if names else "")  # one write, not one a term
        # The usual mode for a new file (mkstemp makes it 0600): a shared folder stays readable.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(name, 0o666 & ~umask)
        os.replace(name, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
    return target


def column_text(column: Sequence[str]) -> str:
    """The strings of a column of GUIDs or digests joined: a :class:`Column` is already one."""
    return column.text if isinstance(column, Column) else "".join(column)


def _one_line(names: Sequence[str]) -> Sequence[str]:
    """The terms with each tab and line break as a space (their keys stay the same: a key's
    white space is normalised), checked all at once as most terms hold none."""
    joined = "\x00".join(names)
    if "\t" not in joined and "\n" not in joined and "\r" not in joined:
        return names
    return [name.replace("\t", " ").replace("\n", " ").replace("\r", " ") for name in names]


def _load(path: Path, namespace: str) -> tuple[DeckMemory | None, str]:
    try:
        # newline="": a carriage return stays inside its line, as it was written.
        with path.open(encoding="utf-8", errors="surrogatepass", newline="") as memory_text:
            text = memory_text.read()
    except (FileNotFoundError, NotADirectoryError):
        return None, ""  # no memory yet (a folder that cannot be made is reported on saving)
    except (OSError, UnicodeDecodeError) as error:
        return None, _unusable(path, f"it cannot be read: {error}")
    lines = text.split("\n", 6)
    version = _VERSIONS.get(lines[0])
    if version is None:
        return None, _unusable(path, "it is not a glossary-export deck memory")
    try:
        memory = _columns(lines, path, version)
    except (ValueError, TypeError, KeyError, IndexError):
        memory = None
    if memory is None:
        return None, _unusable(path, "it is damaged (cut short or edited)")
    if memory.namespace != namespace:
        return None, _unusable(path, f'it belongs to the note identities of "{memory.namespace}"')
    return memory, ""


def _columns(lines: list[str], path: Path, version: int) -> DeckMemory | None:
    """The memory from its lines (None unless every column is whole and well formed)."""
    _, about_line, guids, contents, definitions, modified, terms = lines
    about = json.loads(about_line)
    count = int(str(about["notes"]))
    names = terms.split("\n")
    if names.pop() or len(names) != count:  # each term ends with a line break
        return None
    if any(len(column) != DIGEST_LENGTH * count for column in (guids, contents, definitions)):
        return None
    dates = list(map(int, modified.split(" "))) if count else []
    if len(dates) != count:
        return None
    return DeckMemory(
        namespace=str(about["namespace"]),
        deck=str(about["deck"]),
        exported=float(str(about["exported"])),
        origin=str(path),
        guids=Column(guids),
        names=names,
        contents=Column(contents),
        definitions=Column(definitions),
        modified=dates,
        digest_version=version,
    )


def _unusable(path: Path, why: str) -> str:
    return f"the deck memory {path} is ignored, as {why}; this export starts afresh and replaces it"


def read_previous_output(path: Path) -> tuple[DeckMemory | None, str]:
    """The memory an earlier export at ``path`` carries (a package or an Anki text file), and a
    sentence when the file is there but is not one (damaged, or not glossary-export's)."""
    import zlib

    from .errors import GlossaryError

    # Whatever is wrong with the file, it is about to be replaced: it must never block the export.
    try:
        memory = _from_package(path) if zipfile.is_zipfile(path) else _from_text(path)
    except GlossaryError as error:
        return None, (
            f"the file already at {path.name} could not be read as an earlier export "
            f"({error.message}); it is replaced by this export"
        )
    except (OSError, zlib.error, UnicodeDecodeError, ValueError, LookupError, TypeError):
        memory = None
    if memory is None:
        return None, (
            f"{path.name} was not written by glossary-export (or is damaged), so it is not "
            "compared with; it is replaced by this export"
        )
    return memory, ""


def _from_package(path: Path) -> DeckMemory | None:
    from .readers.apkg import read_package
    from .writers import _anki_model as model

    package = read_package(path.read_bytes(), str(path))
    about = package.settings.get(META_KEY)
    if not isinstance(about, dict):
        return None
    notes = [note for note in package.notes if note.notetype == model.MODEL_ID]
    return _from_fields(
        about,
        package.deck,
        path,
        [note.guid for note in notes],
        [note.fields.split("\x1f") for note in notes],
        [" ".join(note.tags.split()) for note in notes],
        [int(note.modified) for note in notes],
    )


def _from_text(path: Path) -> DeckMemory | None:
    from .readers.anki_text import read_notes
    from .writers import _anki_model as model

    text = path.read_text(encoding="utf-8-sig")
    if TEXT_META_PREFIX not in text[:4096]:
        return None  # not ours: spare reading a foreign file as notes
    exported = read_notes(text, str(path))
    about = json.loads(exported.settings.get(TEXT_META_PREFIX[1:-1], "null"))
    if not isinstance(about, dict):
        return None
    width = len(model.FIELDS)
    return _from_fields(
        about,
        exported.deck,
        path,
        [note.guid for note in exported.notes],
        [[*note.fields[:width], *[""] * (width - len(note.fields))] for note in exported.notes],
        [" ".join(note.tags) for note in exported.notes],
        # Anki's text importer compares contents, not times: a text export dates nothing.
        [0] * len(exported.notes),
    )


def _from_fields(
    about: dict[str, object],
    deck: str,
    path: Path,
    guids: list[str],
    fields: list[list[str]],
    tags: list[str],
    modified: list[int],
) -> DeckMemory:
    """The memory of an earlier export from its notes' raw fields."""
    from .writers import _anki_model as model
    from .writers._anki_notes import decode_fields

    html = bool(about.get("html", False))
    names = decode_fields([note[model.TERM] for note in fields], html)
    definitions = decode_fields([note[model.DEFINITION] for note in fields], html)
    return DeckMemory(
        namespace=str(about["namespace"]),
        deck=deck,
        exported=path.stat().st_mtime,
        origin=str(path),
        guids=guids,
        names=names,
        contents=content_digests(map("\x1f".join, fields), tags),
        definitions=(),
        modified=modified,
        definition_texts=definitions,
    )


def definition_digests(definitions: Sequence[str], version: int = DIGESTS) -> Column:
    """Digests of definitions (plain text, or HTML with --html) compared for equality.

    Of the text as it is: normalising 100k definitions first cost more than the rest of the
    memory together. A respelled term whose definition was reworded too is matched only when
    the earlier export itself is read (:attr:`DeckMemory.definition_texts`)."""
    return digests(definitions, version)


@dataclass(frozen=True)
class Comparison:
    """What an export was compared with, and what it found (the report carries it)."""

    origin: str
    """The memory file or earlier output that was read."""
    exported: float
    """When that earlier export was written (seconds since the epoch)."""
    notes: int
    """How many notes it had."""
    new: int
    changed: int
    unchanged: int

    def when(self) -> str:
        """The earlier export's local date and time, to the minute."""
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(self.exported))


def metadata(namespace: str, html: bool) -> str:
    """What an Anki output says about itself (namespace, HTML), as compact JSON on one line."""
    return json.dumps({"namespace": namespace, "html": html, "version": 1}, ensure_ascii=False)
