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
from ..model import Glossary, Term
from ._archive import check_expanded_size
from ._text import ReadWarning, header_name, replace_controls
from .columns import Choice, choose, is_header, parse_columns
from .delimited import row_term

if TYPE_CHECKING:
    from . import ReadOptions

# OOXML's escape for characters XML cannot hold (and "_x005F_" for a literal "_x" sequence).
_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
_HEADER_SEARCH = 10
"""Rows searched for a header, so a title row above the table is fine."""

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
            sheets = [
                (name, [(number, cells) for number, cells in _rows(sheet, unescape) if any(cells)])
                for name, sheet in _sheets(workbook, options.sheet, file)
            ]
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
    return _glossary(sheets, data, file, options)


def _sheets(workbook: Any, name: str | None, file: str) -> list[tuple[str, Any]]:
    """(name, sheet) of the sheet asked for, or of every sheet in the workbook's order."""
    if name is None:
        return [(sheet.title, sheet) for sheet in workbook.worksheets]
    return [(name, _sheet(workbook, name, file))]


def _glossary(
    sheets: list[tuple[str, Rows]], data: bytes, file: str, options: ReadOptions
) -> Glossary:
    """The terms of each sheet holding a glossary (each a sub-deck when there are several)."""
    forced = parse_columns(options.columns)
    read: list[tuple[str, list[Term], Choice]] = []
    skipped: list[str] = []
    for name, rows in sheets:
        if options.sheet is None and _describes_an_export(rows):
            continue  # our own "About" sheet: what was exported, not terms
        choice, body = _columns(rows, forced, file)
        terms = [_term(cells, choice, file, number) for number, cells in body]
        if any(term.definition for term in terms) or options.sheet is not None:
            read.append((name, terms, choice))
        else:
            skipped.append(name)
    if not read:
        names = ", ".join(repr(name) for name in skipped)
        raise NoTermsError(
            f"no terms found in {file}: no sheet has a row with a term and a definition "
            f"(sheets: {names}); name the sheet with --sheet and its columns with --columns",
            file=file,
        )
    _warn_unsaved_formulas(data, file, [name for name, _, _ in read])
    several = len(read) > 1
    terms = [
        dataclasses.replace(term, subdeck=name) if several else term
        for name, sheet_terms, _ in read
        for term in sheet_terms
    ]
    notes = [f"{file}: sheet {name!r}: {choice.note}" for name, _, choice in read if choice.note]
    if several:
        names = ", ".join(repr(name) for name, _, _ in read)
        notes.append(f"{file}: the sheets {names} are read, each as a sub-deck; --sheet reads one")
    return Glossary(tuple(terms), sources=(file,), notes=(*notes, *_skipped_note(file, skipped)))


# The first labels of the "About" sheet glossary-export's own workbooks have.
_ABOUT_LABELS = ["Deck", "Description", "Sources", "Terms"]


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


def _warn_unsaved_formulas(data: bytes, file: str, sheets: Sequence[str]) -> None:
    """A warning for each formula cell of ``sheets`` with no saved value: openpyxl reads it as
    empty, and Excel would show a value."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            paths = _sheet_paths(archive)
            for name in sheets:
                path = paths.get(name)
                if path is None or path not in archive.namelist():
                    continue
                for match in _FORMULA_CELL.finditer(archive.read(path)):
                    if re.search(rb"<v>[^<]", match[2]) is None:
                        warnings.warn(
                            ReadWarning(
                                f"{file}: {name}!{match[1].decode()}: a formula whose value was "
                                "never saved reads as empty; open and save the workbook in Excel"
                            ),
                            stacklevel=2,
                        )
    except (KeyError, zipfile.BadZipFile):  # openpyxl has read it: nothing more to say
        return


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


def _rows(sheet: Any, unescape: bool) -> Iterator[tuple[int, list[str]]]:
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = [_text(value) for value in values]
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


def _text(value: object) -> str:
    """A cell as the user sees it: 3 rather than 3.0, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value).strip()


def _row_naming(rows: Rows, forced: tuple[str, str] | None) -> int | None:
    """The position of the first row (of the first few) holding both names ``--columns``
    gives; None when it gives numbers, or no row holds them (the choice then says so)."""
    if forced is None or any(part.strip().isdigit() for part in forced):
        return None
    wanted = {header_name(part) for part in forced}
    for position, (_, cells) in enumerate(rows[:_HEADER_SEARCH]):
        if wanted <= {header_name(cell) for cell in cells}:
            return position
    return 0


def _columns(rows: Rows, forced: tuple[str, str] | None, file: str) -> tuple[Choice, Rows]:
    """The columns, from the header row if one is found, and the rows below it."""
    named = _row_naming(rows, forced)
    for position, (number, cells) in enumerate(rows[:_HEADER_SEARCH]):
        below = [cells for _, cells in rows[position + 1 : position + 201]]
        if named is not None and position != named:
            continue  # --columns names the columns of a row further down (below a title)
        if is_header(cells, below) or named == position:
            sample = [cells, *below]
            choice = choose(sample, forced, file, number)
            if choice.header is not None:
                return choice, rows[position + 1 :]
        if sum(1 for cell in cells if cell) > 1:
            break  # a row of data: whatever follows is data too, not a header
    if not rows:
        return choose([[]], None, file), []
    start = next(
        (index for index, (_, cells) in enumerate(rows) if sum(1 for c in cells if c) > 1), 0
    )
    body = rows[start:]
    choice = choose([cells for _, cells in body[:201]], forced, file, body[0][0])
    return choice, body
