"""Anki's notes export (and text import files): ``#key:value`` headers, then one note per row.

Every header Anki reads is honoured as Anki reads it (rslib's csv/metadata.rs): ``#separator``
(a name or the character itself), ``#html``, ``#tags``, ``#columns``, ``#notetype``, ``#deck``
and the ``#guid/#notetype/#deck/#tags column:N`` positions (1-based). The remaining columns are
the note's fields in order: the first is the term, the second the definition (or the columns
``#columns`` names Front/Back, Term/Definition...). HTML fields become plain text. Like Anki,
a row starting with an unquoted ``#`` is a comment, and missing trailing columns are empty.
Cloze notes (``{{c1::...}}``) have no term and definition: they are refused, naming the line.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from ..errors import SourceError
from ..model import Glossary, Term
from ._text import Columns, html_to_text, looks_like_html, split_tags
from .delimited import csv_error, sniff

if TYPE_CHECKING:
    from . import ReadOptions

_SEPARATORS = {
    "comma": ",",
    "semicolon": ";",
    "tab": "\t",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_CLOZE = re.compile(r"\{\{c\d{1,3}::")
"""Anki's cloze deletion, ``{{c1::answer}}`` or ``{{c2::answer::hint}}``."""
_HTML_GUESS_ROWS = 5
"""Anki guesses ``#html`` from this many rows."""


@dataclass
class _Header:
    separator: str | None = None
    html: bool | None = None
    tags: tuple[str, ...] = ()
    columns: list[str] = field(default_factory=list)
    deck: str = ""
    meta: dict[str, int] = field(default_factory=dict)
    """1-based column of "guid", "notetype", "deck" and "tags" when given."""
    other: dict[str, str] = field(default_factory=dict)
    """Header keys Anki does not know (Anki ignores them), such as glossary-export's own."""
    lines: int = 0


class TextNote(NamedTuple):
    """A row as the file holds it: what a later export needs to recognise the note."""

    guid: str
    fields: tuple[str, ...]
    """The raw fields (HTML when ``#html:true``), in column order."""
    tags: tuple[str, ...]


@dataclass(frozen=True)
class TextNotes:
    """The notes of an Anki text file with their GUIDs, and its headers."""

    notes: list[TextNote]
    deck: str
    html: bool
    settings: dict[str, str]
    """Header keys Anki does not know, by name (lower case)."""


def read(text: str, file: str, options: ReadOptions) -> Glossary:
    """Notes of an Anki text export as terms, with their tags and deck."""
    lines = text.splitlines(keepends=True)
    header = _header(lines)
    body = "".join(lines[header.lines :])
    separator = header.separator or sniff(body)
    rows = list(_records(body, separator, file, first_line=header.lines + 1))
    html = header.html
    if html is None:
        html = looks_like_html([cell for _, row in rows[:_HTML_GUESS_ROWS] for cell in row])
    fields = _field_columns(header, rows)
    terms, decks = [], Counter[str]()
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        refuse_a_cloze(row[fields.term] if fields.term < len(row) else "", file, line)
        terms.append(_term(row, fields, header, html, file, line))
        deck_column = header.meta.get("deck")
        if deck_column and deck_column <= len(row):
            decks[row[deck_column - 1].strip()] += 1
    title = header.deck or (decks.most_common(1)[0][0] if decks else "")
    notes: tuple[str, ...] = ()
    if header.html is None and html:
        # No "#html:" header: say that markup was read, as Anki itself guesses it.
        notes = (
            f"{file}: the fields hold HTML (no '#html:' header), read as Anki does: <br> as "
            "line breaks, tags removed, entities decoded; --from quizlet keeps them literal",
        )
    return Glossary(tuple(terms), title=title, sources=(file,), notes=notes)


def read_notes(text: str, file: str) -> TextNotes:
    """Every row's GUID, raw fields and tags, and the headers (no HTML turned into text)."""
    lines = text.splitlines(keepends=True)
    header = _header(lines)
    body = "".join(lines[header.lines :])
    separator = header.separator or sniff(body)
    meta = {column - 1 for column in header.meta.values()}
    guid_column = header.meta.get("guid", 0) - 1
    tags_column = header.meta.get("tags", 0) - 1
    notes = []
    for _, row in _records(body, separator, file, first_line=header.lines + 1):
        if not any(cell.strip() for cell in row):
            continue
        guid = row[guid_column] if 0 <= guid_column < len(row) else ""
        tags = split_tags(row[tags_column]) if 0 <= tags_column < len(row) else ()
        fields = tuple(cell for index, cell in enumerate(row) if index not in meta)
        notes.append(TextNote(guid, fields, header.tags + tags))
    return TextNotes(notes, header.deck, bool(header.html), header.other)


def _header(lines: list[str]) -> _Header:
    """The ``#key:value`` lines at the top (and Anki's historic first line ``tags:...``)."""
    header = _Header()
    for number, line in enumerate(lines):
        if number == 0 and line.startswith("tags:"):
            header.tags = split_tags(line[5:])
        elif line.startswith("#"):
            key, found, value = line[1:].partition(":")
            if found:
                _header_value(header, key.strip().lower(), value.rstrip("\r\n"))
        else:
            break
        header.lines = number + 1
    return header


def _header_value(header: _Header, key: str, value: str) -> None:
    if key == "separator":
        lowered = value.lower()
        header.separator = _SEPARATORS.get(lowered.strip()) or (
            value if value in _SEPARATORS.values() else header.separator
        )
    elif key == "html" and value.strip().lower() in ("true", "false"):
        header.html = value.strip().lower() == "true"
    elif key == "tags":
        header.tags = split_tags(value)
    elif key == "columns":
        header.columns = [value]  # split once the separator is known
    elif key == "deck":
        header.deck = value.strip()
    elif key.endswith(" column") and value.strip().isdigit():
        header.meta[key.removesuffix(" column").strip()] = int(value.strip())
    else:
        header.other[key] = value


def _records(
    body: str, separator: str, file: str, first_line: int
) -> Iterator[tuple[int, list[str]]]:
    """Rows of the body with their line numbers; ``#`` rows are comments, as in Anki."""
    reader = csv.reader(_without_comments(body), delimiter=separator, strict=True)
    start = first_line
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise csv_error(error, file, start) from None
        yield start, row
        start = first_line + reader.line_num


def _without_comments(body: str) -> Iterator[str]:
    """Lines of ``body`` with comment rows blanked (kept as empty lines: numbering holds).

    A ``#`` starts a comment only at the start of a record, never inside a quoted field, so
    track whether the previous lines left a quote open (an odd number of quote characters).
    """
    in_quotes = False
    for line in io.StringIO(body, newline=""):
        if not in_quotes and line.startswith("#"):
            yield "\n"
            continue
        yield line
        if line.count('"') % 2:
            in_quotes = not in_quotes


def _field_columns(header: _Header, rows: list[tuple[int, list[str]]]) -> Columns:
    """0-based columns of the term and definition (the first two fields, or named ones)."""
    meta = {column - 1 for column in header.meta.values()}
    labels = _labels(header)
    if labels:
        named = Columns.from_header(
            ["" if index in meta else label for index, label in enumerate(labels)]
        )
        if named is not None:
            return named
    width = max((len(row) for _, row in rows), default=0)
    fields = [index for index in range(max(width, 2 + len(meta))) if index not in meta]
    return Columns(fields[0], fields[1], None, None)


def _labels(header: _Header) -> list[str]:
    if not header.columns:
        return []
    separator = header.separator or ","
    return next(csv.reader([header.columns[0]], delimiter=separator), [])


def refuse_a_cloze(text: str, file: str, line: int) -> None:
    """Refuse a cloze note ("{{c1::Paris}} is the capital of France."), given its first field:
    a sentence with gaps, no term and definition to make a card of; read as one, its card would
    show the markup. ``line`` is the note's line (a package: its position)."""
    if _CLOZE.search(text):
        raise SourceError(
            f"this note is a cloze deletion ({text.strip()[:60]!r}), not a term and its "
            "definition, so no card can be made of it; export only the Basic notes from Anki "
            "(Browse, search -note:Cloze, Notes > Export Notes) or delete the cloze notes",
            file=file,
            line=line,
        )


def _term(
    row: list[str], fields: Columns, header: _Header, html: bool, file: str, line: int
) -> Term:
    def cell(index: int) -> str:
        value = row[index] if index < len(row) else ""
        return html_to_text(value) if html else value

    term = cell(fields.term)
    if not term.strip():
        raise SourceError(
            "this note has an empty first field; fill in the term or delete the row",
            file=file,
            line=line,
        )
    tags_column = header.meta.get("tags")
    tags = header.tags
    if tags_column and tags_column <= len(row):
        tags = tags + split_tags(row[tags_column - 1])
    return Term.create(term, cell(fields.definition), tags=tags, file=file, line=line)
