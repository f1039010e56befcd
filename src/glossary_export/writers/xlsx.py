"""Excel workbook: a "Terms" sheet (one row per term) and an "About" sheet describing the export.

Written with XlsxWriter in constant-memory mode: rows stream to disk, so a million terms use little
memory, and it writes faster than openpyxl's write-only mode (see benchmarks/bench_tables.py).
Every Terms cell is written as a string with the text number format, so nothing in the glossary
ever becomes a formula, a number or a date. Control characters XML cannot hold are removed (and
counted); CR and CRLF line breaks become LF, the line break Excel itself puts in a cell.
Excel's limits are checked before the file is created, so a glossary that does not fit leaves
no file behind rather than a truncated one.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LimitError, MissingDependencyError, OutputError
from ..model import Glossary, Term
from . import WriteOptions, WriteResult
from ._table_rows import COLUMNS, Row, chunks, rows

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.worksheet import Worksheet

MAX_CELL_CHARACTERS = 32_767
MAX_TERMS = 1_048_575
"""Excel's 1,048,576 rows per sheet, less the header row."""

# Characters XML 1.0 cannot hold; Excel would only keep them in its private _xHHHH_ escape,
# which other readers (openpyxl among them) show literally. Tab and line feed are fine.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# A carriage return would need that escape too; Excel's own line break in a cell is a line feed.
_CARRIAGE_RETURN = re.compile("\r\n?")
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

_WIDTHS = {"Term": (12, 50), "Acronym": (9, 16), "Tags": (8, 40)}
"""(narrowest, widest) column widths in characters; Definition is fixed and wrapped."""
DEFINITION_WIDTH = 80


def write(glossary: Glossary, path: Path, options: WriteOptions) -> WriteResult:
    """Check Excel's limits, then write the Terms and About sheets."""
    check_limits(glossary.terms, options.tags)
    try:
        import xlsxwriter
        from xlsxwriter.exceptions import FileCreateError
    except ImportError:  # pragma: no cover - depends on the environment
        raise MissingDependencyError(
            "writing .xlsx needs XlsxWriter; install it with: pip install XlsxWriter"
        ) from None

    # Constant-memory mode streams each sheet through a temporary file; a folder of our own
    # makes sure none is left behind if writing fails half-way.
    with tempfile.TemporaryDirectory(prefix="glossary-export-") as scratch:
        workbook = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "tmpdir": scratch,
                # write_string never converts; keep the workbook's defaults safe all the same.
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        exported = datetime.fromtimestamp(options.timestamp, timezone.utc)
        # The only date XlsxWriter would take from the clock; its zip entries are already fixed.
        workbook.set_properties({"title": options.deck, "created": exported})
        formats = _Formats(workbook)
        cleaned = _write_terms(workbook.add_worksheet("Terms"), glossary.terms, options, formats)
        about = workbook.add_worksheet("About")
        cleaned += _write_about(about, glossary, options, exported, formats)
        try:
            workbook.close()
        except (OSError, FileCreateError) as error:
            raise OutputError(f"cannot write the workbook: {error}", file=str(path)) from None

    result = WriteResult(terms_written=len(glossary))
    if cleaned:
        result.adjustments["control characters removed"] = cleaned
        result.notes.append(f"{cleaned} control character(s) that Excel cannot store were removed.")
    return result


def check_limits(terms: Sequence[Term], extra_tags: tuple[str, ...] = ()) -> None:
    """Raise LimitError if the terms do not fit one Excel sheet or a field does not fit a cell."""
    if len(terms) > MAX_TERMS:
        raise LimitError(
            f"{len(terms):,} terms do not fit on one Excel sheet, which holds at most "
            f"{MAX_TERMS:,} below its header; split the glossary or export to CSV instead"
        )
    # Excel counts UTF-16 units, at most two per character: only fields past half the limit
    # need counting, and max() over the lengths finds them at C speed.
    half = MAX_CELL_CHARACTERS // 2
    for term, row in zip(terms, rows(terms, extra_tags), strict=True):
        if max(map(len, row)) <= half:
            continue
        for column, text in zip(COLUMNS, row, strict=True):
            length = excel_length(clean_cell(text)[0])
            if length > MAX_CELL_CHARACTERS:
                raise LimitError(
                    f"the {column.lower()} of {_short(term.term)} is {length:,} characters long "
                    f"but an Excel cell holds at most {MAX_CELL_CHARACTERS:,}; shorten it or "
                    "export to CSV instead",
                    file=term.file,
                    line=term.line,
                )


def excel_length(text: str) -> int:
    """Length as Excel counts it: UTF-16 code units, so an emoji counts twice."""
    return len(text.encode("utf-16-le")) // 2


class _Formats:
    """The workbook's cell formats, created once: Excel stores each format a single time."""

    def __init__(self, workbook: Any) -> None:
        self.header: Format = workbook.add_format({"bold": True, "valign": "top"})
        # "@" is Excel's Text number format: what the user types later stays text as well.
        self.text: Format = workbook.add_format({"num_format": "@", "valign": "top"})
        self.wrapped: Format = workbook.add_format(
            {"num_format": "@", "valign": "top", "text_wrap": True}
        )


def _write_terms(
    sheet: Worksheet, terms: Sequence[Term], options: WriteOptions, formats: _Formats
) -> int:
    """Fill the Terms sheet; return how many unstorable characters were removed."""
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(terms), len(COLUMNS) - 1)
    sheet.write_row(0, 0, COLUMNS, formats.header)
    longest = [len(name) for name in COLUMNS]
    removed = 0
    write = sheet.write_string
    text, wrapped = formats.text, formats.wrapped
    number = 1
    for chunk in chunks(terms):
        chunk_rows: Sequence[Row] = list(rows(chunk, options.tags))
        # One search over the whole chunk, in C; rows are cleaned only when it finds something.
        if _NEEDS_CLEANING.search("".join([cell for row in chunk_rows for cell in row])):
            chunk_rows, chunk_removed = _clean_rows(chunk_rows)
            removed += chunk_removed
        for column in (0, 2, 3):
            longest[column] = max(longest[column], *(len(row[column]) for row in chunk_rows))
        for term, definition, acronym, tags in chunk_rows:
            write(number, 0, term, text)
            write(number, 1, definition, wrapped)
            # An empty cell reads back as "" anyway; skipping it saves work on most rows.
            if acronym:
                write(number, 2, acronym, text)
            if tags:
                write(number, 3, tags, text)
            number += 1
    _set_term_columns(sheet, longest, formats)
    return removed


def _set_term_columns(sheet: Worksheet, longest: list[int], formats: _Formats) -> None:
    """Widths from the longest entry within sensible bounds; definitions wrap at a fixed width."""
    for column, name in enumerate(COLUMNS):
        if name == "Definition":
            sheet.set_column(column, column, DEFINITION_WIDTH, formats.wrapped)
            continue
        narrowest, widest = _WIDTHS[name]
        width = min(max(longest[column] + 2, narrowest), widest)
        sheet.set_column(column, column, width, formats.text)


def _clean_rows(chunk_rows: Sequence[Row]) -> tuple[list[Row], int]:
    cleaned: list[Row] = []
    removed = 0
    for row in chunk_rows:
        cells = []
        for cell in row:
            cell, count = clean_cell(cell)
            cells.append(cell)
            removed += count
        cleaned.append((cells[0], cells[1], cells[2], cells[3]))
    return cleaned, removed


def clean_cell(text: str) -> tuple[str, int]:
    """``text`` with CR line breaks as LF and unstorable characters removed; how many were."""
    text, removed = _UNSTORABLE.subn("", _CARRIAGE_RETURN.sub("\n", text))
    return text, removed


def _write_about(
    sheet: Worksheet,
    glossary: Glossary,
    options: WriteOptions,
    exported: datetime,
    formats: _Formats,
) -> int:
    """Describe the export: what a reader of the workbook would ask about its contents."""
    sources = options.sources or glossary.sources
    facts: list[tuple[str, str | int]] = [
        ("Deck", options.deck),
        ("Description", options.description or glossary.description),
        ("Sources", "\n".join(sources)),
        ("Terms", len(glossary)),
        ("Duplicates removed", options.duplicates_removed),
        ("Conflicts", options.conflicts),
        ("Exported", exported.strftime("%Y-%m-%d %H:%M:%S UTC")),
    ]
    sheet.set_column(0, 0, 20, formats.header)
    sheet.set_column(1, 1, DEFINITION_WIDTH, formats.wrapped)
    removed = 0
    for number, (label, value) in enumerate(facts):
        sheet.write_string(number, 0, label, formats.header)
        if isinstance(value, int):
            sheet.write_number(number, 1, value)
        else:
            value, count = clean_cell(value)
            removed += count
            sheet.write_string(number, 1, value, formats.wrapped)
    return removed


def _short(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
