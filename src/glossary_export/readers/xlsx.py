"""Excel workbooks: every sheet that holds a glossary (or the one asked for), header found,
empty rows skipped.

A sheet holds a glossary when a row under its header (or any row, without one) has a term and
a definition; an introduction sheet of prose is skipped, and named in the summary. When several
sheets hold glossaries, each becomes a sub-deck named after it (``Deck::Week1``). The header is
the first row that names its columns (it may sit below a title row), chosen as in CSV files
(:mod:`.columns`). Line numbers are spreadsheet row numbers. A formula cell whose value was
never saved (a workbook written by a program, not Excel) is a warning naming the cell.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import (
    GlossaryError,
    MissingDependencyError,
    NoTermsError,
    OptionError,
    SourceError,
)
from ..model import Glossary, LineReading, Term
from ._archive import check_expanded_size
from ._text import ReadWarning, replace_controls
from .columns import (
    Choice,
    Stacked,
    choose,
    fields_note,
    is_total_word,
    is_totals_row,
    parse_columns,
    stacked,
    stacked_note,
    title_of,
    totals_note,
)
from .delimited import row_term

if TYPE_CHECKING:
    from . import ReadOptions

# OOXML's escape for characters XML cannot hold (and "_x005F_" for a literal "_x" sequence).
_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
_SAMPLE_ROWS = 210
"""Rows given to :func:`.columns.choose`: the top rows where a header may be (below title
rows), and a sample of the body."""

Rows = list[tuple[int, list[str]]]


def read(data: bytes, file: str, options: ReadOptions) -> Glossary:
    """Terms of the sheets of an .xlsx workbook that hold a glossary."""
    try:
        import openpyxl
    except ImportError:
        raise MissingDependencyError(
            "reading .xlsx needs openpyxl; install it with: pip install openpyxl", file=file
        ) from None
    check_expanded_size(data, file)  # before openpyxl holds any of it in memory
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            unescape = _uses_inline_strings(data)
            formatted = _shows_formatted_numbers(workbook)
            sheets = [
                (
                    name,
                    [
                        (number, cells)
                        for number, cells in _rows(sheet, unescape, formatted)
                        if any(cells)
                    ],
                )
                for name, sheet in _sheets(workbook, options.sheet, file)
            ]
            hidden = _hidden_sheets(workbook) if options.sheet is None else []
        finally:
            workbook.close()
    except GlossaryError:
        raise
    except Exception as error:  # openpyxl fails in many ways (zip, XML, keys) on bad files
        raise SourceError(
            f"not a readable .xlsx workbook ({type(error).__name__}: {error}); "
            "save it again from Excel as .xlsx",
            file=file,
        ) from None
    glossary = _glossary(sheets, data, file, options)
    if hidden:
        names = ", ".join(repr(name) for name in hidden)
        noun, are = ("sheet", "is") if len(hidden) == 1 else ("sheets", "are")
        note = f"{file}: the hidden {noun} {names} {are} not read; --sheet NAME reads one"
        glossary = dataclasses.replace(glossary, notes=(*glossary.notes, note))
    return glossary


def _sheets(workbook: Any, name: str | None, file: str) -> list[tuple[str, Any]]:
    """(name, sheet) of the sheet asked for, or of every visible sheet in the workbook's order:
    a hidden sheet is what its author put out of sight (old lists, lookups), not the deck."""
    if name is None:
        return [(sheet.title, sheet) for sheet in workbook.worksheets if _visible(sheet)]
    return [(name, _sheet(workbook, name, file))]


def _visible(sheet: Any) -> bool:
    return getattr(sheet, "sheet_state", "visible") == "visible"


def _hidden_sheets(workbook: Any) -> list[str]:
    return [sheet.title for sheet in workbook.worksheets if not _visible(sheet)]


def _glossary(
    sheets: list[tuple[str, Rows]], data: bytes, file: str, options: ReadOptions
) -> Glossary:
    """The terms of each sheet holding a glossary (each a sub-deck when there are several)."""
    forced = parse_columns(options.columns)
    read: list[tuple[str, list[Term], Choice]] = []
    sheet_titles: list[tuple[str, list[tuple[int, str]]]] = []
    skipped: list[str] = []
    totals_notes: dict[str, list[str]] = {}
    readings: dict[str, list[LineReading]] = {}
    unsaved, merges = _sheet_facts(data, [name for name, _ in sheets])
    for name, rows in sheets:
        if options.sheet is None and _describes_an_export(rows):
            continue  # our own "About" sheet: what was exported, not terms
        choice, body, title_rows = _columns(rows, forced, file)
        body, merged = _unmerged(body, choice.columns.term, merges.get(name, []), file, name)
        tables = _Tables.of(body, choice, title_rows, file, name)
        body = tables.body
        read_body, totals = _without_totals_row(body, choice, unsaved, file, name)
        terms = tables.sub_decks(_sheet_terms(read_body, choice, file, name, unsaved.get(name, [])))
        if any(term.definition for term in terms) or options.sheet is not None:
            read.append((name, terms, choice))
            sheet_titles.append((name, tables.titles))
            totals_notes[name] = [*tables.notes(rows, choice), *totals]
            header = rows[choice.start] if choice.header is not None and rows else None
            sheet_readings = _sheet_readings(
                name, tables.titles, header, terms, merged, body[-1] if totals else None
            )
            sheet_readings += tables.readings(rows, choice)
            readings[name] = sorted(sheet_readings, key=lambda reading: reading.line)
        else:
            skipped.append(name)
    forms = [
        (name, terms) for name, terms, choice in read if _holds_form_fields(name, terms, choice)
    ]
    if options.sheet is not None or len(forms) == len(read):
        forms = []  # the sheet asked for, or no other sheet: what there is to read
    if forms:
        # An "Info" sheet of "Teacher: | Ms Lee" beside the vocabulary: about the glossary.
        left = {name for name, _ in forms}
        read = [sheet for sheet in read if sheet[0] not in left]
        sheet_titles = [sheet for sheet in sheet_titles if sheet[0] not in left]
        for name, terms in forms:
            del totals_notes[name]
            readings[name] = [
                LineReading(
                    term.line or 0, f"sheet {name!r}: a form field, not a card: {term.term}"
                )
                for term in terms
            ]
    if not read:
        names = ", ".join(repr(name) for name in skipped)
        raise NoTermsError(
            f"no terms found in {file}: no sheet has a row with a term and a definition "
            f"(sheets: {names}); name the sheet with --sheet and its columns with --columns",
            file=file,
        )
    for name, _, _ in read:
        _warn_unsaved(file, name, unsaved.get(name, []))
    several = len(read) > 1
    terms = [
        dataclasses.replace(term, subdeck=f"{name}::{term.subdeck}" if term.subdeck else name)
        if several
        else term
        for name, sheet_terms, _ in read
        for term in sheet_terms
    ]
    notes = [f"{file}: sheet {name!r}: {choice.note}" for name, _, choice in read if choice.note]
    if several:
        names = ", ".join(repr(name) for name, _, _ in read)
        notes.append(f"{file}: the sheets {names} are read, each as a sub-deck; --sheet reads one")
    notes.extend(_title_notes(file, sheet_titles))
    notes.extend(note for name, _, _ in read for note in totals_notes[name])
    notes.extend(_form_fields_note(file, name, terms) for name, terms in forms)
    titles = [text for _, rows in sheet_titles for _, text in rows]
    return Glossary(
        tuple(terms),
        title=titles[0] if len(read) == 1 and titles else "",
        description="\n".join(titles[1:]) if len(read) == 1 else "",
        sources=(file,),
        notes=(*notes, *_skipped_note(file, skipped)),
        lines=tuple(reading for sheet in readings.values() for reading in sheet),
    )


@dataclasses.dataclass(frozen=True)
class _Tables:
    """A sheet's body with the tables stacked below its first one told apart (see
    :func:`.columns.stacked`), and what to say about them and the form fields above."""

    body: Rows
    sections: dict[int, str]
    """The title of the stacked table each row belongs to, by row number."""
    titles: list[tuple[int, str]]
    """The sheet's title rows that name the glossary (not the first stacked table)."""
    first: tuple[int, str] | None
    """The title of the first table (row number, text), when tables are stacked."""
    stacked: Stacked
    file: str
    sheet: str

    @classmethod
    def of(
        cls, body: Rows, choice: Choice, titles: list[tuple[int, str]], file: str, sheet: str
    ) -> _Tables:
        header = [str(cell) for cell in choice.header] if choice.header is not None else None
        tables = stacked(body, header)
        first = None
        if tables.titles and titles:
            first, titles = titles[-1], titles[:-1]
        rows = [(line, cells) for line, cells, _ in tables.rows]
        sections = {line: section for line, _, section in tables.rows}
        return cls(rows, sections, titles, first, tables, file, sheet)

    def sub_decks(self, terms: list[Term]) -> list[Term]:
        """The terms, each in the sub-deck of its stacked table when there are several."""
        if not self.stacked.titles:
            return terms
        first = self.first[1] if self.first else ""
        named = [(term, self.sections.get(term.line or 0, "") or first) for term in terms]
        return [dataclasses.replace(term, subdeck=name) if name else term for term, name in named]

    def notes(self, rows: Rows, choice: Choice) -> list[str]:
        """The summary's lines for the form fields above the table and the stacked tables."""
        where = f"{self.file}:{{}}: sheet {self.sheet!r}"
        found = []
        if choice.fields:
            numbers = ", ".join(str(rows[position][0]) for position in choice.fields)
            cells = [rows[position][1] for position in choice.fields]
            found.append(fields_note(where.format(numbers), cells))
        if self.stacked.repeated:
            numbers = ", ".join(map(str, self.stacked.repeated))
            found.append(f"{where.format(numbers)}: the header row again, not a card")
        if self.stacked.titles:
            numbers = ", ".join(str(line) for line, _ in self.stacked.titles)
            first = self.first[1] if self.first else ""
            found.append(stacked_note(where.format(numbers), self.stacked.titles, first))
        return found

    def readings(self, rows: Rows, choice: Choice) -> list[LineReading]:
        """What ``check --explain`` says of the rows no term came from."""
        where = f"sheet {self.sheet!r}"
        found = [
            LineReading(rows[position][0], f"{where}: a form field: {_title(rows[position][1])}")
            for position in choice.fields
        ]
        headers = [*self.stacked.repeated, *self.stacked.headers]
        found += [LineReading(n, f"{where}: the header again") for n in headers]
        titles = [*([self.first] if self.first else []), *self.stacked.titles]
        found += [LineReading(n, f"{where}: title of a stacked table: {t}") for n, t in titles]
        return found


def _sheet_readings(
    sheet: str,
    titles: Sequence[tuple[int, str]],
    header: tuple[int, list[str]] | None,
    terms: Sequence[Term],
    merged: Sequence[tuple[int, int, str]],
    totals: tuple[int, list[str]] | None,
) -> list[LineReading]:
    """What each row of a sheet was read as, for ``check --explain``: the role names the
    sheet and holds the row's text, as a workbook has no text lines to show beside it."""
    where = f"sheet {sheet!r}"
    found = [LineReading(number, f"{where}: title: {text}") for number, text in titles]
    if header is not None:
        cells = " | ".join(cell.strip() for cell in header[1] if cell.strip())
        found.append(LineReading(header[0], f"{where}: header: {cells}"))
    for term in terms:
        role = "row" if term.definition else "row without a definition"
        found.append(LineReading(term.line or 0, f"{where}: {role}: {term.term}"))
    for number, first, ref in merged:
        found.append(LineReading(number, f"{where}: merged into row {first} ({sheet}!{ref})"))
    if totals is not None:
        found.append(
            LineReading(totals[0], f"{where}: a totals row, not a card: {_title(totals[1])}")
        )
    return sorted(found, key=lambda reading: reading.line)


def _title_notes(
    file: str, sheet_titles: Sequence[tuple[str, Sequence[tuple[int, str]]]]
) -> list[str]:
    """Where each sheet's title rows are: not cards, and (one sheet read) the deck's name."""
    return [
        f"{file}:{rows[0][0]}: sheet {name!r}, row {', '.join(str(number) for number, _ in rows)}"
        f": a title above the table ({rows[0][1]!r}), not a card"
        + ("; the deck is named after it" if len(sheet_titles) == 1 else "")
        for name, rows in sheet_titles
        if rows
    ]


def _unmerged(
    body: Rows, term: int, merges: Sequence[Merge], file: str, sheet: str
) -> tuple[Rows, list[tuple[int, int, str]]]:
    """The body with its cells merged over rows read as a person reads them: a term merged
    over several rows is one term with each row's definition (and other cells) joined as
    ``--on-conflict join`` joins them, with a warning naming the range; any other cell merged
    over rows holds its value on each of them. Also (row, its merge's first row, range) of
    each row joined into the one above."""
    if not merges or not body:
        return body, []
    rows = {number: list(cells) for number, cells in body}
    dropped: set[int] = set()
    merged: list[tuple[int, int, str]] = []
    for merge in merges:
        covered = [n for n in range(merge.first_row, merge.last_row + 1) if n in rows]
        if merge.first_row not in rows or len(covered) < 2:
            continue
        top = rows[merge.first_row]
        if merge.first_column <= term <= merge.last_column:
            joined = _joined_rows([rows[n] for n in covered], term)
            rows[merge.first_row] = joined
            dropped.update(covered[1:])
            merged.extend((number, merge.first_row, merge.ref) for number in covered[1:])
            _warn_merged(file, sheet, merge, joined[term] if term < len(joined) else "", covered)
            continue
        for number in covered[1:]:
            cells = rows[number]
            for column in range(merge.first_column, min(merge.last_column + 1, len(top))):
                cells.extend([""] * (column + 1 - len(cells)))
                cells[column] = cells[column] or top[column]
    return [(number, rows[number]) for number, _ in body if number not in dropped], merged


def _joined_rows(rows: Sequence[list[str]], term: int) -> list[str]:
    """One row from rows sharing a merged term: each other column's distinct values, joined."""
    from .._options import JOINED_DEFINITIONS

    width = max(map(len, rows))
    joined = []
    for column in range(width):
        values = [row[column].strip() for row in rows if column < len(row) and row[column].strip()]
        if column == term:
            joined.append(values[0] if values else "")
            continue
        distinct = list(dict.fromkeys(values))
        joined.append(JOINED_DEFINITIONS.join(distinct))
    return joined


def _warn_merged(file: str, sheet: str, merge: Merge, term: str, covered: Sequence[int]) -> None:
    rows = ", ".join(map(str, covered))
    warnings.warn(
        ReadWarning(
            f"{file}:{merge.first_row}: {sheet}!{merge.ref} is merged over {len(covered)} rows: "
            f"read as one term {term!r} with the definitions of rows {rows} joined; unmerge "
            "the cells to make a card of each row"
        ),
        stacklevel=4,
    )


def _without_totals_row(
    body: Rows, choice: Choice, unsaved: dict[str, list[str]], file: str, sheet: str
) -> tuple[Rows, list[str]]:
    """The body without its last row when that adds the columns up ("Total", 2, 5), and the
    note naming it. Its formula cells are left out of ``unsaved[sheet]``: their values are
    not read, so an unsaved one needs no warning."""
    from openpyxl.utils import get_column_letter  # loaded already: it read the workbook

    if not body:
        return body, []
    number, cells = body[-1]
    index = choice.columns.term
    term = cells[index] if index < len(cells) else ""
    if not is_total_word(term):
        return body, []
    others = [cell for position, cell in enumerate(cells) if position != index]
    columns = [
        (cell, [row[position] if position < len(row) else "" for _, row in body[:-1]])
        for position, cell in enumerate(cells)
        if position != index
    ]
    row_cells = {f"{get_column_letter(position + 1)}{number}" for position in range(len(cells))}
    formulas = sorted(row_cells & set(unsaved.get(sheet, [])))
    if not is_totals_row(term, columns, len(formulas)):
        return body, []
    unsaved[sheet] = [cell for cell in unsaved.get(sheet, []) if cell not in row_cells]
    shown_cells = [*others, *(f"a formula in {cell}" for cell in formulas)]
    return body[:-1], [totals_note(f"{file}:{number}: sheet {sheet!r}", term, shown_cells)]


def _sheet_terms(
    body: Rows, choice: Choice, file: str, sheet: str, unsaved: Sequence[str]
) -> list[Term]:
    """The terms of a sheet's rows; a row whose term is a formula with no saved value is an
    error naming that cell (after the warnings for every such cell of the sheet)."""
    from openpyxl.utils import get_column_letter  # loaded already: it read the workbook

    term_index = choice.columns.term
    term_column = get_column_letter(term_index + 1)
    terms = []
    for number, cells in body:
        cell = f"{term_column}{number}"
        empty = term_index >= len(cells) or not cells[term_index].strip()
        if empty and cell in unsaved:
            _warn_unsaved(file, sheet, unsaved)
            raise SourceError(
                f"the term is {sheet}!{cell}, a formula whose value was never saved, so it "
                "reads as empty; open and save the workbook in Excel, or type the term",
                file=file,
                line=number,
            )
        if empty:
            raise SourceError(
                f"this row has no term ({sheet}!{cell} is empty); fill it in or delete the row",
                file=file,
                line=number,
            )
        terms.append(_term(cells, choice, file, number))
    return terms


# The first labels of the "About" sheet glossary-export's own workbooks have.
_ABOUT_LABELS = ["Deck", "Description", "Sources", "Terms"]


_ABOUT_SHEETS = frozenset(
    {"info", "information", "instructions", "about", "cover", "cover sheet", "details"}
    | {"read me", "readme", "student details", "student info"}
)
"""Names of a sheet about the glossary (who set it, for whom, when), not in it."""
_FORM_FIELDS = 12
"""A sheet of form fields holds a few of them."""


def _holds_form_fields(name: str, terms: Sequence[Term], choice: Choice) -> bool:
    """Whether a sheet's rows are form fields ("Teacher:" | "Ms Lee", "Due:" | "Friday"): no
    header, a few rows of short values, labels ending with a colon or a sheet named "Info"."""
    if choice.header is not None or not 0 < len(terms) <= _FORM_FIELDS:
        return False
    short = all(len(term.definition) <= 40 and len(term.definition.split()) <= 5 for term in terms)
    labels = all(term.term.rstrip().endswith((":", "：")) for term in terms)
    about = " ".join(re.findall(r"[^\W\d_]+", name.casefold())) in _ABOUT_SHEETS
    return short and (labels or about)


def _form_fields_note(file: str, name: str, terms: Sequence[Term]) -> str:
    """The summary's line for a sheet of form fields left out."""
    shown = ", ".join(f"{term.term} {term.definition}" for term in terms[:3])
    more = ", ..." if len(terms) > 3 else ""
    return (
        f"{file}: sheet {name!r} holds form fields ({shown}{more}), not cards; "
        f"--sheet {name!r} reads it"
    )


def _describes_an_export(rows: Rows) -> bool:
    return [cells[0] if cells else "" for _, cells in rows[:4]] == _ABOUT_LABELS


def _skipped_note(file: str, skipped: Sequence[str]) -> tuple[str, ...]:
    if not skipped:
        return ()
    names = ", ".join(repr(name) for name in skipped)
    sheets, hold = ("sheet", "holds") if len(skipped) == 1 else ("sheets", "hold")
    return (f"{file}: {sheets} {names} {hold} no glossary (no row with a term and a definition)",)


def _term(cells: list[str], choice: Choice, file: str, number: int) -> Term:
    cells = [replace_controls(cell, file, number) for cell in cells]
    created = row_term(cells, choice.columns, file, number)
    extras = tuple(
        (label, cells[index].strip())
        for index, label in choice.extra_columns()
        if index < len(cells) and cells[index].strip()
    )
    return dataclasses.replace(created, extras=extras) if extras else created


# A cell with a formula: <c r="B7" ...>...<f>...</f>...</c>, perhaps with its value <v>.
_FORMULA_CELL = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"[^>]*>((?:(?!</c>).)*?<f[ >/](?:(?!</c>).)*?)</c>', re.S
)
_SHEET_ENTRY = re.compile(rb'<sheet [^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_RELATION = re.compile(rb"<Relationship [^>]*>")
_ATTRIBUTE = re.compile(rb'(Id|Target)="([^"]*)"')


def _sheet_facts(
    data: bytes, sheets: Sequence[str]
) -> tuple[dict[str, list[str]], dict[str, list[Merge]]]:
    """What openpyxl's read-only sheets do not tell, for each of ``sheets``: the formula cells
    (``B7``) with no saved value (read as empty, where Excel would show a value), and the
    ranges of merged cells that span rows (openpyxl gives the value to the top cell only)."""
    unsaved: dict[str, list[str]] = {}
    merges: dict[str, list[Merge]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            paths = _sheet_paths(archive)
            for name in sheets:
                path = paths.get(name)
                if path is None or path not in archive.namelist():
                    continue
                xml = archive.read(path)
                unsaved[name] = [
                    match[1].decode()
                    for match in _FORMULA_CELL.finditer(xml)
                    if re.search(rb"<v>[^<]", match[2]) is None
                ]
                merges[name] = _merges(xml)
    except (KeyError, zipfile.BadZipFile):  # openpyxl has read it: nothing more to say
        pass
    return unsaved, merges


@dataclasses.dataclass(frozen=True)
class Merge:
    """A range of merged cells spanning rows: 0-based columns, spreadsheet row numbers."""

    ref: str
    first_column: int
    last_column: int
    first_row: int
    last_row: int


_MERGE_CELL = re.compile(rb'<mergeCell ref="([A-Z]{1,3})([0-9]+):([A-Z]{1,3})([0-9]+)"')


def _merges(xml: bytes) -> list[Merge]:
    from openpyxl.utils import column_index_from_string  # loaded already: it read the workbook

    start = xml.rfind(b"<mergeCells")  # after the rows, near the end
    if start < 0:
        return []
    found = []
    for match in _MERGE_CELL.finditer(xml, start):
        first, last = int(match[2]), int(match[4])
        if last > first:
            ref = match[0].split(b'"')[1].decode()
            columns = column_index_from_string(match[1].decode()) - 1
            found.append(
                Merge(ref, columns, column_index_from_string(match[3].decode()) - 1, first, last)
            )
    return found


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _warn_unsaved(file: str, sheet: str, cells: Sequence[str]) -> None:
    for cell in cells:
        warnings.warn(
            ReadWarning(
                f"{file}:{cell.lstrip(_LETTERS)}: {sheet}!{cell}: a formula whose value was "
                "never saved reads as empty; open and save the workbook in Excel"
            ),
            stacklevel=3,
        )


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's name and the path of its XML in the archive."""
    from html import unescape

    workbook = archive.read("xl/workbook.xml")
    relations = archive.read("xl/_rels/workbook.xml.rels")
    targets: dict[bytes, bytes] = {}
    for element in _RELATION.findall(relations):
        attributes = dict(_ATTRIBUTE.findall(element))
        targets[attributes.get(b"Id", b"")] = attributes.get(b"Target", b"")
    paths = {}
    for name, relation in _SHEET_ENTRY.findall(workbook):
        target = targets.get(relation, b"").decode()
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        paths[unescape(name.decode())] = path
    return paths


def _sheet(workbook: Any, name: str | None, file: str) -> Any:
    if name is None:
        return workbook.worksheets[0]
    if name in workbook.sheetnames:
        return workbook[name]
    known = ", ".join(repr(sheet) for sheet in workbook.sheetnames)
    raise OptionError(f"there is no sheet {name!r}; the sheets are {known}", file=file)


def _shows_formatted_numbers(workbook: Any) -> bool:
    """Whether a cell style of the workbook has a number format that shows a number other
    than General does (``0%``, ``0.00``, ``0.00E+00``): only then are the cells' formats read,
    which costs about 15% more time than reading their values alone."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    try:
        ids = {style.numFmtId for style in workbook._cell_styles}
        custom = list(workbook._number_formats)
    except AttributeError:  # another openpyxl: read every cell's format
        return True
    formats = [
        BUILTIN_FORMATS.get(i, "General") if i < BUILTIN_FORMATS_MAX_SIZE else custom[i - 164]
        for i in ids
        if i < BUILTIN_FORMATS_MAX_SIZE + len(custom)
    ]
    return any(_number(0.5, number_format) != _number(0.5, "General") for number_format in formats)


def _rows(sheet: Any, unescape: bool, formatted: bool) -> Iterator[tuple[int, list[str]]]:
    if formatted:
        rows: Iterator[list[str]] = ([_shown(cell) for cell in row] for row in sheet.iter_rows())
    else:
        rows = ([_text(value) for value in row] for row in sheet.iter_rows(values_only=True))
    for number, cells in enumerate(rows, start=1):
        if unescape:
            cells = [_ESCAPE.sub(_unescaped, cell) if "_x" in cell else cell for cell in cells]
        yield number, cells


def _unescaped(match: re.Match[str]) -> str:
    return chr(int(match[1], 16))


def _uses_inline_strings(data: bytes) -> bool:
    """Whether the sheets hold inline strings, whose OOXML escapes openpyxl leaves undecoded.

    XlsxWriter writes inline strings in constant-memory mode (as our own writer does): a term
    "_x0041_" is stored as "_x005F_x0041_" and openpyxl returns that verbatim. Shared strings
    (what Excel writes) are already decoded by openpyxl, so they must not be decoded twice.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return any(
            b't="inlineStr"' in archive.read(name)
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        )


def _shown(cell: Any) -> str:
    """A cell as Excel shows it: a number in its cell's number format (see :func:`_number`)."""
    return _text(cell.value, getattr(cell, "number_format", None) or "General")


# The number formats shown as Excel shows them: fixed decimals with or without thousands
# separators ("0.00", "#,##0"), percentages ("0%", "0.0%") and scientific ("0.00E+00").
_FIXED = re.compile(r"[#0]*(,[#0]{3})?[#0]*(?:\.(0+))?(%?)")
_SCIENTIFIC = re.compile(r"[#0]*(?:\.(0+))?E\+0+", re.IGNORECASE)


def _number(value: float, number_format: str) -> str:
    """A number as its cell shows it: its format when it is one of the common ones (Excel's
    ``0%`` shows 0.71 as 71%), else as Excel's General format does: 3 rather than 3.0, and
    6.022E+23 for a number too large to show its digits."""
    section = number_format.split(";")[0] if number_format != "General" else ""
    if (fixed := _FIXED.fullmatch(section)) and section not in ("", "#"):
        places = len(fixed[2] or "")
        if fixed[3]:
            return f"{value * 100:.{places}f}%"
        return f"{value:,.{places}f}" if fixed[1] else f"{value:.{places}f}"
    if scientific := _SCIENTIFIC.fullmatch(section):
        return f"{value:.{len(scientific[1] or '')}E}"
    if isinstance(value, int) or (value.is_integer() and abs(value) < 1e15):
        return str(int(value))
    return repr(value).upper() if "e" in repr(value) else repr(value)


def _text(value: object, number_format: str = "General") -> str:
    """A cell as the user sees it: a number in ``number_format``, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows them
    if isinstance(value, (int, float)):
        return _number(value, number_format)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value).strip()


def _columns(
    rows: Rows, forced: tuple[str, str] | None, file: str
) -> tuple[Choice, Rows, list[tuple[int, str]]]:
    """The columns (from the header row, which may sit below title rows), the rows of the body,
    and the (row number, text) of the title rows."""
    if not rows:
        return choose([[]], None, file), [], []
    sample = [cells for _, cells in rows[:_SAMPLE_ROWS]]
    choice = choose(sample, forced, file, rows[0][0])
    body = rows[choice.start + (choice.header is not None) :]
    titles = [(rows[position][0], title_of(rows[position][1])) for position in choice.titles]
    return choice, body, titles


def _title(cells: Sequence[str]) -> str:
    return " ".join(cell.strip() for cell in cells if cell.strip())
