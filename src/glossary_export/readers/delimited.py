"""CSV and TSV: a header naming the term and definition columns, or unnamed columns.

The delimiter is Excel's ``sep=X`` first line, else sniffed (comma, semicolon, Tab or pipe)
unless the format says Tab. Which row is the header and which columns hold the term and the
definition is decided by :mod:`.columns` (the header may sit below title rows, which name the
deck); columns named tags or acronym are used, other named columns travel with each term as its
extras, and the header repeated further down is skipped and named. A row wider than the table,
whose extra cells come from an unquoted delimiter inside brackets or in its last field, is
joined back with a warning; any other row that does not fit is an error naming its line.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..errors import SourceError
from ..formula_guard import may_hold_guarded_cells, unguard_cell
from ..model import Glossary, Term, recognised_acronyms, terms_from_columns
from ._text import Columns, ReadWarning, split_tags
from .columns import (
    NO_HEADER,
    Choice,
    choose,
    fields_note,
    parse_columns,
    stacked,
    stacked_note,
    title_of,
    without_totals_row,
)

if TYPE_CHECKING:
    from . import ReadOptions

_DELIMITERS = ",;\t|"


def read(text: str, file: str, options: ReadOptions) -> Glossary:
    """Rows of a CSV file, its delimiter from a ``sep=`` line or sniffed."""
    text, delimiter = _excel_separator(text)
    return read_text(text, file, delimiter or sniff(text), parse_columns(options.columns))


def read_tsv(text: str, file: str, options: ReadOptions) -> Glossary:
    """Rows of a tab-separated file."""
    text, delimiter = _excel_separator(text)
    return read_text(text, file, delimiter or "\t", parse_columns(options.columns))


# Excel's hint line: "sep=;" alone on the first line names the delimiter of the file.
_SEPARATOR_LINE = re.compile(r"\ufeff?sep=(.)(?=\r\n|\r|\n|$)")


def _excel_separator(text: str) -> tuple[str, str | None]:
    """``text`` with Excel's ``sep=X`` first line blanked (so line numbers stay), and X."""
    match = _SEPARATOR_LINE.match(text)
    if match is None:
        return text, None
    return text[match.end() :], match[1]


def read_text(
    text: str, file: str, delimiter: str, forced: tuple[str, str] | None = None
) -> Glossary:
    """Terms from delimited text: cut into columns in bulk when no cell is quoted and every
    line has the same cells (most files), else read row by row by the csv module."""
    columns = split_columns(text, delimiter)
    glossary = read_uniform(columns, file, forced, delimiter) if columns is not None else None
    if glossary is None:
        glossary = read_rows(_rows(text, file, delimiter), file, delimiter, forced)
    # "Total,2,5" as the last row adds the columns up: no card, named (looks at one row).
    glossary = without_totals_row(
        _unguarded(glossary) if may_hold_guarded_cells(text) else glossary
    )
    return _with_list_hint(glossary, file, delimiter)


def _with_list_hint(glossary: Glossary, file: str, delimiter: str) -> Glossary:
    """``glossary`` with a hint when a .txt file read as a table left columns unread: in a
    list of one entry a line ("apple; a fruit; red or green") they are part of the definition
    (looks at the notes only)."""
    dropped = f"{NO_HEADER} and" if file.casefold().endswith(".txt") else None
    if dropped is None or not any(dropped in note for note in glossary.notes):
        return glossary
    hint = (
        f"{file}: if each line is one term and its definition, --from list "
        f"--input-separator {delimiter!r} keeps the rest of the line in the definition"
    )
    return dataclasses.replace(glossary, notes=(*glossary.notes, hint))


def _unguarded(glossary: Glossary) -> Glossary:
    """The glossary without the formula guard our CSV writer adds, so a CSV round trip is exact.

    A cell that starts with ``'`` followed by ``=``, ``+``, ``-``, ``@``, Tab or CR loses that
    ``'`` (see :mod:`glossary_export.formula_guard`).
    """
    return dataclasses.replace(glossary, terms=tuple(map(_unguarded_term, glossary.terms)))


def _unguarded_term(term: Term) -> Term:
    tags = (unguard_cell(term.tags[0]), *term.tags[1:]) if term.tags else ()
    unguarded = dataclasses.replace(
        term,
        term=unguard_cell(term.term).strip(),
        definition=unguard_cell(term.definition).strip(),
        acronym=unguard_cell(term.acronym),
        tags=tags,
    )
    return term if unguarded == term else unguarded


def split_columns(text: str, delimiter: str) -> list[list[str]] | None:
    """The columns of ``text`` when it is unquoted and every line has the same number of cells
    (two or more), as csv.reader's rows would give them; else None.

    Without a quote every line is one record and every delimiter separates two cells, so each
    piece of about a megabyte is checked (one count per line, in C), then cut into cells by one
    split, with no list per row: at 100k rows, 0.2 s less than the csv module and a Term per row.
    """
    ending = _plain_line_ending(text)
    if ending is None:
        return None
    stop = len(text) - len(ending) if text.endswith(ending) else len(text)
    columns: list[list[str]] = []
    for lines in _line_pieces(text, ending, stop):
        counts = set(map(str.count, lines, itertools.repeat(delimiter)))
        if len(counts) != 1 or counts == {0} or (columns and counts != {len(columns) - 1}):
            return None
        joined = delimiter.join(lines)
        if "\r" in joined or "\n" in joined:
            return None  # a CR or LF that is not part of the line ending
        cells = joined.split(delimiter)
        width = counts.pop() + 1
        columns = columns or [[] for _ in range(width)]
        for start, column in enumerate(columns):
            column += cells[start::width]
    return columns or None


def _plain_line_ending(text: str) -> str | None:
    """The line ending of ``text`` ("\\r\\n" if it holds a CR, else "\\n") if str.split may
    cut it into records as csv.reader would: no quote anywhere, no line longer than the csv
    module's field limit (the csv module makes the error of that). None otherwise. The caller
    still checks that every CR and LF is part of a line ending (a lone CR ends a csv record).
    """
    if '"' in text:
        return None
    ending = "\r\n" if "\r" in text else "\n"
    return None if _has_long_line(text, ending, csv.field_size_limit()) else ending


def _has_long_line(text: str, ending: str, limit: int) -> bool:
    """Whether a line of ``text`` is longer than ``limit`` characters.

    Such a line would hold a whole run of ``limit // 2`` characters starting at a multiple of
    it, so if every such run holds a line ending (one find each, in C), none is; lines are
    measured one by one only when the runs cannot tell.
    """
    run = max(limit // 2, 1)
    starts = range(0, len(text) - run + 1, run)
    if all(text.find(ending, start, start + run) >= 0 for start in starts):
        return False
    return max(map(len, split_lines(text, ending))) > limit


def split_lines(text: str, ending: str) -> Iterator[str]:
    """``text.split(ending)``, made a piece of about a megabyte at a time.

    The rows of a large file are held anyway; the list of all its lines as well would cost as
    much again (a million-term CSV: about 250 MB more at the peak).
    """
    return itertools.chain.from_iterable(_line_pieces(text, ending, len(text)))


def _line_pieces(text: str, ending: str, stop: int) -> Iterator[list[str]]:
    """``text[:stop].split(ending)`` in consecutive lists of about a megabyte of lines."""
    start = 0
    while True:
        end = text.find(ending, start + _CHUNK, stop)
        if end < 0:
            yield text[start:stop].split(ending)
            return
        yield text[start:end].split(ending)
        start = end + len(ending)


def sniff(text: str) -> str:
    """The delimiter that splits the first rows into the most even count of two or more cells.

    csv.Sniffer is thrown off by delimiters quoted inside cells (a comma in a definition of
    a semicolon file), so parse with each candidate and keep the most consistent.
    """
    sample = text[:65536]
    best, best_share = ",", 0.0
    for delimiter in _DELIMITERS:
        if delimiter not in sample:
            continue
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        try:
            widths = [len(row) for row, _ in zip(reader, range(100), strict=False) if any(row)]
        except csv.Error:
            continue
        usual = max(set(widths), key=widths.count) if widths else 0
        share = widths.count(usual) / len(widths) if usual >= 2 else 0.0
        if share > best_share:
            best, best_share = delimiter, share
    return best


def _rows(text: str, file: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on; a broken quote is an error naming its line."""
    spaced = _spaced_quotes(text, delimiter)
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=True, skipinitialspace=spaced)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as error:
        raise csv_error(error, file, start) from None


def _spaced_quotes(text: str, delimiter: str) -> bool:
    """Whether the cells are quoted after a space (``"Term", "Definition"``, as people type
    CSV by hand): on most of the first lines a delimiter is followed by spaces and a quote,
    and the lines read as quoted cells that way (csv's skipinitialspace)."""
    sample = text[:65536]
    if f'{delimiter} "' not in sample:
        return False
    lines = [line for line in sample.splitlines()[:100] if line.strip()]
    pattern = re.compile(re.escape(delimiter) + ' +"')
    if sum(1 for line in lines if pattern.search(line)) * 2 < len(lines):
        return False
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True, skipinitialspace=True):
            pass
    except csv.Error:  # a quote inside a cell after all: "great" weather
        return False
    return True


# Characters of text turned into lines at a time (see _lines).
_CHUNK = 1 << 20


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings, as ``open(newline="")`` gives them to csv.

    One io.StringIO over the whole text would hold a second copy of it, at up to four bytes a
    character; a StringIO per chunk of about a megabyte (cut after a line feed, so a CRLF stays
    whole) keeps that copy small, and chain() iterates the lines in C.
    """

    def chunks() -> Iterator[io.StringIO]:
        start = 0
        while start < len(text):
            end = text.find("\n", start + _CHUNK) + 1 or len(text)
            yield io.StringIO(text[start:end], newline="")
            start = end

    return itertools.chain.from_iterable(chunks())


def csv_error(error: csv.Error, file: str, line: int) -> SourceError:
    """A SourceError for what the csv module refused, at the line the record starts on."""
    if "field larger than field limit" in str(error):
        return SourceError(
            f"a cell is longer than {csv.field_size_limit():,} characters; "
            "look for a quote that is never closed, or split the cell",
            file=file,
            line=line,
        )
    return SourceError(
        f"broken quoting ({error}); close the quoted field that starts here",
        file=file,
        line=line,
    )


def read_uniform(
    table_columns: list[list[str]],
    file: str,
    forced: tuple[str, str] | None = None,
    delimiter: str = ",",
) -> Glossary | None:
    """Terms from the columns of a table whose every line has every cell (split_columns),
    the first line perhaps a header; None when a row needs reading on its own (a blank line,
    a missing term), which :func:`read_rows` then does, raising the errors with their lines."""
    header = [column[0] for column in table_columns]
    if not "".join(header).strip():
        return None  # a blank first line: leave the line counting to read_rows
    table_columns, spaced = _spaced_columns_joined(table_columns, delimiter)
    sample = [
        [column[row] for column in table_columns] for row in range(len(table_columns[0]))[:201]
    ]
    choice = choose(sample, forced, file, 1)
    first = 0 if choice.header is None else 1
    columns = choice.columns
    if len(table_columns[0]) == first or len(table_columns) <= max(columns.used()):
        return None
    glossary = _read_columns(lambda c: table_columns[c][first:], choice, first, file)
    if glossary is None or not spaced:
        return glossary
    return dataclasses.replace(glossary, notes=(*glossary.notes, _spaced_note(spaced, file)))


def _spaced_columns_joined(
    table_columns: list[list[str]], delimiter: str
) -> tuple[list[list[str]], list[int]]:
    """The columns with each one whose every cell starts with a space (and holds more) joined
    to the filled column before it, when another column after the first starts with no
    space: a delimiter typed with a space after it is one inside a cell ("der Hund, -e,dog",
    the plural part of the term), not between them; and the columns so joined (1-based)."""

    def spaced(column: list[str]) -> bool:
        return all(cell.startswith(" ") and cell.strip() for cell in column)

    found = [
        index
        for index in range(1, len(table_columns))
        if spaced(table_columns[index]) and all(map(str.strip, table_columns[index - 1]))
    ]
    if not found or len(found) == len(table_columns) - 1:
        return table_columns, []
    joined: list[list[str]] = []
    for index, column in enumerate(table_columns):
        if index in found:
            joined[-1] = [delimiter.join(pair) for pair in zip(joined[-1], column, strict=True)]
        else:
            joined.append(column)
    return joined, [index + 1 for index in found]


def _spaced_rows_joined(
    rows: list[tuple[int, list[str]]], delimiter: str
) -> tuple[list[tuple[int, list[str]]], list[int]]:
    """:func:`_spaced_columns_joined` for rows of the same width (read by the csv module)."""
    if not rows or not any(cell.startswith(" ") for cell in rows[0][1][1:]):
        return rows, []  # the first row tells most tables: no copy of their cells
    if len({len(row) for _, row in rows}) != 1:
        return rows, []
    columns, found = _spaced_columns_joined(
        [list(cells) for cells in zip(*(row for _, row in rows), strict=True)], delimiter
    )
    if not found:
        return rows, []
    cells = zip(*columns, strict=True)
    return [(line, list(row)) for (line, _), row in zip(rows, cells, strict=True)], found


def _spaced_note(columns: Sequence[int], file: str) -> str:
    shown = ", ".join(map(str, columns))
    noun = "column {} starts" if len(columns) == 1 else "columns {} start"
    return (
        f"{file}: {noun.format(shown)} with a space on every line: a delimiter inside the "
        "cell before, joined back to it; quote such cells"
    )


def _read_columns(
    cells_of: Callable[[int], Iterable[str]], choice: Choice, first: int, file: str
) -> Glossary | None:
    """Terms from a table's body, read column by column (``cells_of(c)`` gives column c);
    the body starts at 0-based line ``first``. None if a row has no term."""
    columns = choice.columns
    if choice.start:
        return None  # title rows above the header: read_rows names them
    names = list(map(str.strip, cells_of(columns.term)))
    if not all(names) or _header_repeats(choice, names):
        return None
    definitions = cells_of(columns.definition)
    no_tags = itertools.repeat(())
    tags = map(split_tags, cells_of(columns.tags)) if columns.tags is not None else no_tags
    acronyms = recognised_acronyms(names)
    if columns.acronym is not None:
        given = map(str.strip, cells_of(columns.acronym))
        acronyms = [found or cell for found, cell in zip(acronyms, given, strict=True)]
    lines = range(first + 1, first + 1 + len(names))
    extras = None
    named = choice.extra_columns()
    if named:
        values = zip(*(cells_of(index) for index, _ in named), strict=True)
        labels = [name for _, name in named]
        extras = [_extras(labels, row) for row in values]
    terms = terms_from_columns(names, definitions, acronyms, tags, file, lines, extras)
    return Glossary(tuple(terms), sources=(file,), notes=_notes(choice, file))


def _extras(labels: Sequence[str], values: Iterable[str]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (label, value.strip()) for label, value in zip(labels, values, strict=True) if value.strip()
    )


def _notes(choice: Choice, file: str) -> tuple[str, ...]:
    return (f"{file}: {choice.note}",) if choice.note else ()


def read_rows(
    rows: Iterable[tuple[int, list[str]]],
    file: str,
    delimiter: str = ",",
    forced: tuple[str, str] | None = None,
) -> Glossary:
    """Terms from rows of cells; the first non-empty row may be a header."""
    filled = [(line, row) for line, row in rows if "".join(row).strip()]
    if not filled:
        return Glossary((), sources=(file,))
    filled, spaced = _spaced_rows_joined(filled, delimiter)
    sample = [row for _, row in filled[: _SAMPLE_ROWS + 1]]
    _check_width(sample, file, filled[0][0])
    choice = choose(sample, forced, file, filled[0][0])
    body = filled[choice.start + (choice.header is not None) :]
    width = _table_width(choice, sample[choice.start :])
    named = choice.extra_columns()
    labels = [name for _, name in named]
    rows_read = [
        (line, _rejoined(row, width, choice.columns, delimiter, file, line))
        if len(row) > width
        else (line, row)
        for line, row in body
    ]
    tables = stacked(rows_read, choice.header)
    title, description = choice.title_text(sample)
    first = ""
    if tables.titles and choice.titles:
        # The title right above the first header names the first of the stacked tables.
        first = title_of(sample[choice.titles[-1]])
        title, description = choice.title_text(sample, stacked=True)
    terms: list[Term] = []
    for line, row, section in tables.rows:
        created = row_term(row, choice.columns, file, line)
        if named:
            values = [row[index] if index < len(row) else "" for index, _ in named]
            created = dataclasses.replace(created, extras=_extras(labels, values))
        if tables.titles and (section or first):
            created = dataclasses.replace(created, subdeck=section or first)
        terms.append(created)
    lines = [line for line, _ in filled]
    notes = (
        *_title_notes(choice, lines, file, title),
        *_fields_notes(choice, lines, sample, file),
        *_notes(choice, file),
        *_repeated_notes(tables.repeated, file),
        *_stacked_notes(tables.titles, file, first),
        *([_spaced_note(spaced, file)] if spaced else []),
    )
    return Glossary(
        tuple(terms), title=title, description=description, sources=(file,), notes=notes
    )


def _fields_notes(
    choice: Choice, lines: Sequence[int], sample: Sequence[list[str]], file: str
) -> tuple[str, ...]:
    if not choice.fields:
        return ()
    where = ", ".join(str(lines[position]) for position in choice.fields)
    return (fields_note(f"{file}:{where}", [sample[position] for position in choice.fields]),)


def _stacked_notes(titles: Sequence[tuple[int, str]], file: str, first: str) -> tuple[str, ...]:
    if not titles:
        return ()
    return (stacked_note(f"{file}:{', '.join(str(line) for line, _ in titles)}", titles, first),)


_SAMPLE_ROWS = 210
"""Rows given to :func:`choose`: the top rows where a header may be, and a sample below."""


def _header_repeats(choice: Choice, names: Sequence[str]) -> bool:
    """Whether the term column holds the header's term name again (then the rows are read one
    by one, which skips a repeated header row and says so)."""
    header = choice.header
    if header is None:
        return False
    name = header[choice.columns.term].strip().casefold()
    return name in map(str.casefold, names)  # in C: the fast path stays fast


def _title_notes(choice: Choice, lines: Sequence[int], file: str, title: str) -> tuple[str, ...]:
    """Where the title rows and the header below them are, for the summary and ``check``."""
    if not choice.titles:
        return ()
    where = ", ".join(str(lines[position]) for position in choice.titles)
    below = "the header" if choice.header is not None else "the first entry"
    rows = "a title row" if len(choice.titles) == 1 else "title rows"
    named = f"the deck is named {title!r} after it" if title else "it names the first table"
    return (
        f"{file}:{where}: {rows} above the table, not a card; {named}; {below} is on line "
        f"{lines[choice.start]}",
    )


def _repeated_notes(repeated: Sequence[int], file: str) -> tuple[str, ...]:
    if not repeated:
        return ()
    where = ", ".join(map(str, repeated))
    count = "1 row" if len(repeated) == 1 else f"{len(repeated)} rows"
    return (f"{file}:{where}: the header row again ({count}), not a card",)


def _table_width(choice: Choice, sample: Sequence[list[str]]) -> int:
    """How many cells a row of the table has: the header's, else what nearly every row has
    (rows that end in empty cells count by their filled ones)."""
    if choice.header is not None:
        return len(choice.header)
    widths = [len(row) for row in sample]
    usual = max(set(widths), key=widths.count)
    return max(usual, max(choice.columns.used()) + 1)


def _check_width(sample: Sequence[list[str]], file: str, line: int) -> None:
    """A table of one column holds no definitions: say so rather than read every row as a
    term without one."""
    if max(map(len, sample)) < 2:
        raise SourceError(
            "this file has one column; a table needs the term and the definition in two "
            "columns (or pass --from for another format)",
            file=file,
            line=line,
        )


def _rejoined(
    row: list[str], width: int, columns: Columns, delimiter: str, file: str, line: int
) -> list[str]:
    """A row with more cells than the table: empty extra cells dropped; cells an unquoted
    delimiter split apart joined back, with a warning saying which: a cell with an unclosed
    bracket ("UNESCO (United Nations Educational") with the cells up to the one closing it,
    then, when the definition is the last column, the cells after it; anything else is an
    error naming the line."""
    if not "".join(row[width:]).strip():
        return row[:width]
    cells, joined = _bracket_joined(row, width, delimiter)
    done = [
        f"column {column + 1} held an unquoted {delimiter!r} inside brackets "
        f"({_clipped(cells[column])!r})"
        for column in joined
    ]
    if len(cells) > width:
        cells, held = _spaced_joined(cells, width, delimiter)
        done.extend(
            f"{_column_name(column, columns)} held an unquoted {delimiter!r}" for column in held
        )
    if len(cells) > width and columns.definition == width - 1 and columns.term < width - 1:
        cells = [*cells[: width - 1], delimiter.join(cells[width - 1 :])]
        done.append(f"the definition held an unquoted {delimiter!r}")
    if len(cells) == width or not "".join(cells[width:]).strip():
        warnings.warn(
            ReadWarning(
                f"{file}:{line}: {len(row)} cells where the table has {width}: "
                f"{' and '.join(done)}, joined back; quote such cells"
            ),
            stacklevel=2,
        )
        return cells[:width]
    raise SourceError(
        f"this row has {len(row)} cells but the table has {width}; quote the cell that holds "
        f"a {delimiter!r}, or remove the extra cells",
        file=file,
        line=line,
    )


def _spaced_joined(cells: list[str], width: int, delimiter: str) -> tuple[list[str], list[int]]:
    """``cells`` with each cell that starts with a space joined to the cell before it, when
    those are as many as the cells too many: the delimiter followed by a space is one inside
    a cell ("der Hund, -e,dog": the plural belongs to the term, "gehen,to go, to walk": the
    second sense to the definition), and the columns so joined."""
    spaced = [index for index in range(1, len(cells)) if cells[index][:1].isspace()]
    if len(spaced) != len(cells) - width:
        return cells, []
    joined: list[str] = []
    held: list[int] = []
    for index, cell in enumerate(cells):
        if index in spaced:
            joined[-1] = delimiter.join((joined[-1], cell))
            if held[-1:] != [len(joined) - 1]:
                held.append(len(joined) - 1)
        else:
            joined.append(cell)
    return joined, held


def _column_name(column: int, columns: Columns) -> str:
    if column == columns.term:
        return "the term"
    if column == columns.definition:
        return "the definition"
    return f"column {column + 1}"


_OPENING, _CLOSING = "([{", ")]}"


def _bracket_joined(row: list[str], width: int, delimiter: str) -> tuple[list[str], list[int]]:
    """``row`` with each cell that opens a bracket it does not close joined with the cells
    after it up to the one closing it (while the row is wider than ``width``), and the columns
    so joined."""
    cells: list[str] = []
    joined: list[int] = []
    extra = len(row) - width
    index = 0
    while index < len(row):
        cell = row[index]
        index += 1
        start = index
        while extra and index < len(row) and _unclosed(cell):
            cell = delimiter.join((cell, row[index]))
            index += 1
            extra -= 1
        if index > start and not _unclosed(cell):
            joined.append(len(cells))
        elif index > start:  # no closing bracket: undo
            extra += index - start
            cell, index = row[start - 1], start
        cells.append(cell)
    return cells, joined


def _unclosed(cell: str) -> bool:
    return sum(map(cell.count, _OPENING)) > sum(map(cell.count, _CLOSING))


def _clipped(text: str) -> str:
    return text if len(text) <= 50 else text[:49] + "…"


def row_term(row: list[str], columns: Columns, file: str, line: int) -> Term:
    """The Term in one row of cells (shared with the spreadsheet reader); a row without a
    definition cell gets an empty definition, which dedupe reports and leaves out."""
    width = len(row)
    term = row[columns.term].strip() if columns.term < width else ""
    if not term:
        raise SourceError(
            "this row has no term; fill it in or delete the row", file=file, line=line
        )
    definition = row[columns.definition] if columns.definition < width else ""
    tags = columns.tags
    created = Term.create(
        term,
        definition,
        tags=split_tags(row[tags]) if tags is not None and tags < width else (),
        file=file,
        line=line,
    )
    acronym = columns.acronym
    if acronym is not None and acronym < width and not created.acronym:
        given = row[acronym].strip()
        if given:
            created = dataclasses.replace(created, acronym=given)
    return created
