"""Excel workbooks: the first sheet (or the one asked for), header row found, empty rows skipped.

The header is the first row that names a term or definition column (it may sit below a title
row); without one, the first two filled columns are term and definition. Line numbers are
spreadsheet row numbers.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import GlossaryError, MissingDependencyError, OptionError, SourceError
from ..model import Glossary
from ._archive import check_expanded_size
from ._text import Columns, check_characters
from .delimited import row_term

if TYPE_CHECKING:
    from . import ReadOptions

# OOXML's escape for characters XML cannot hold (and "_x005F_" for a literal "_x" sequence).
_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
_HEADER_SEARCH = 10
"""Rows searched for a header, so a title row above the table is fine."""


def read(data: bytes, file: str, options: ReadOptions) -> Glossary:
    """Terms of one sheet of an .xlsx workbook."""
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
            sheet = _sheet(workbook, options.sheet, file)
            unescape = _uses_inline_strings(data)
            rows = [(number, cells) for number, cells in _rows(sheet, unescape) if any(cells)]
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
    columns, body = _columns(rows)
    for number, cells in body:
        try:
            for cell in cells:
                check_characters(cell, file)
        except SourceError as error:
            raise SourceError(error.message, file=file, line=number) from None
    terms = tuple(row_term(cells, columns, file, number) for number, cells in body)
    return Glossary(terms, title="", sources=(file,))


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


def _columns(
    rows: list[tuple[int, list[str]]],
) -> tuple[Columns, list[tuple[int, list[str]]]]:
    """The columns, from the header row if one is found, and the rows below it."""
    for position, (_, cells) in enumerate(rows[:_HEADER_SEARCH]):
        columns = Columns.from_header(cells)
        if columns is not None:
            return columns, rows[position + 1 :]
        if sum(1 for cell in cells if cell) > 1:
            break  # a row of data: whatever follows is data too, not a header
    if not rows:
        return Columns(0, 1, None, None), []
    filled = [index for index, cell in enumerate(rows[0][1]) if cell]
    first = filled[0] if filled else 0
    return Columns(first, first + 1, None, None), rows
