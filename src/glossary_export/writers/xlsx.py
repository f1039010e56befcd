"""Excel workbook: a "Terms" sheet (one row per term) and an "About" sheet describing the export.

XlsxWriter writes the workbook: styles, column widths, the frozen header, the autofilter,
properties and the package around them. Its per-cell Python is too slow for large glossaries
(most of a 100k-term export), so it writes only a row of placeholders at each end of each
sheet's data, and the rows in between are filled in here, in bulk, as the same SpreadsheetML
XlsxWriter writes (see ``_sheet_xml``), while the package is zipped again on several cores.

Every Terms cell is a string with the text number format, so nothing in the glossary ever
becomes a formula, a number or a date. Control characters XML cannot hold are removed (and
counted); CR and CRLF line breaks become LF, the line break Excel itself puts in a cell.
Excel's limits are checked before the file is created, so a glossary that does not fit leaves
no file behind rather than a truncated one.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LimitError, MissingDependencyError, OutputError, counted
from ..model import Glossary, Term
from . import WriteOptions, WriteResult
from . import _deflate as deflate
from ._sheet_xml import Cell, column_letter, rows_xml
from ._table_rows import COLUMNS, Row, chunks, extra_columns, rows

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.worksheet import Worksheet

MAX_CELL_CHARACTERS = 32_767
MAX_TERMS = 1_048_575
"""Excel's 1,048,576 rows per sheet, less the header row."""
# Excel counts UTF-16 units, at most two per character: only a field longer than half the
# limit can be too long, and most glossaries have none (max() over the lengths tells, in C).
_HALF_CELL = MAX_CELL_CHARACTERS // 2

# Characters XML 1.0 cannot hold; Excel would only keep them in its private _xHHHH_ escape,
# which other readers (openpyxl among them) show literally. Tab and line feed are fine.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# A carriage return would need that escape too; Excel's own line break in a cell is a line feed.
_CARRIAGE_RETURN = re.compile("\r\n?")
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

_WIDTHS = {"Term": (12, 50), "Acronym": (9, 16), "Tags": (8, 40)}
"""(narrowest, widest) column widths in characters; Definition is fixed and wrapped."""
_EXTRA_WIDTHS = (10, 40)
"""(narrowest, widest) of a column the source added (part of speech, notes...)."""
DEFINITION_WIDTH = 80

ZIP64_FROM = zipfile.ZIP64_LIMIT
"""Bytes of sheet XML from which the sheet's zip entry needs ZIP64."""
_PLACEHOLDER = "glossary-export placeholder"


@dataclass
class _Fill:
    """Rows to put in place of a sheet's placeholders: ``rows`` from row ``first`` (1-based)."""

    first: int
    rows: Iterable[Sequence[Cell]]
    large: bool = False
    """Whether the sheet may pass 2 GiB of XML (zipfile must know before it starts)."""


def write(glossary: Glossary, path: Path, options: WriteOptions) -> WriteResult:
    """Check Excel's limits, then write the Terms and About sheets."""
    extras = extra_columns(glossary.terms)
    longest, characters = _measure(glossary.terms, options.tags, extras)
    try:
        from xlsxwriter.exceptions import FileCreateError
    except ImportError:  # pragma: no cover - depends on the environment
        raise MissingDependencyError(
            "writing .xlsx needs XlsxWriter; install it with: pip install XlsxWriter"
        ) from None

    exported = datetime.fromtimestamp(options.timestamp, timezone.utc)
    about, about_removed = _clean_rows(_about_rows(glossary, options, exported))
    cleaning = _Cleaning()
    # XlsxWriter numbers the sheets' files in the order the sheets are added.
    fills = {
        "xl/worksheets/sheet1.xml": _Fill(
            2,
            cleaning.rows(glossary.terms, options.tags, extras),
            # Up to 5 bytes a character (&amp;) and about 60 of markup a cell.
            large=5 * characters + 300 * len(glossary) > ZIP64_FROM,
        ),
        "xl/worksheets/sheet2.xml": _Fill(1, about),
    }
    # A folder of our own for XlsxWriter's workbook and its temporary files: nothing is left
    # behind if writing fails half-way.
    with tempfile.TemporaryDirectory(prefix="glossary-export-") as scratch:
        try:
            skeleton = _skeleton(
                Path(scratch), options, exported, len(glossary), longest, len(about), extras
            )
            _fill_in(skeleton, path, fills)
        except FileCreateError as error:
            # XlsxWriter wraps the OSError (disk full...): let the caller, which knows the
            # output's name (``path`` is a temporary file), report it as it does for every format.
            cause = error.args[0] if error.args else None
            if isinstance(cause, OSError):
                raise cause from None
            raise OutputError(f"cannot write the workbook: {error}", file=str(path)) from None

    removed = cleaning.removed + about_removed
    result = WriteResult(terms_written=len(glossary))
    if removed:
        result.adjustments["control characters removed"] = removed
        were = "was" if removed == 1 else "were"
        what = counted(removed, "control character")
        result.notes.append(f"{what} that Excel cannot store {were} removed.")
    return result


def _measure(
    terms: Sequence[Term], extra_tags: tuple[str, ...], extras: tuple[str, ...] = ()
) -> tuple[list[int], int]:
    """The length of the longest entry in each column (header included) and the characters in
    all of them, counted in C a chunk at a time; LimitError if the terms do not fit one sheet
    or a field does not fit a cell, before any file exists."""
    if len(terms) > MAX_TERMS:
        raise LimitError(
            f"{len(terms):,} terms do not fit on one Excel sheet, which holds at most "
            f"{MAX_TERMS:,} below its header; split the glossary or export to CSV instead"
        )
    columns = (*COLUMNS, *extras)
    longest = [len(name) for name in columns]
    characters = 0
    for chunk in chunks(terms):
        chunk_rows = list(rows(chunk, extra_tags, extras))
        for column, cells in enumerate(zip(*chunk_rows, strict=True)):
            lengths = list(map(len, cells))
            most = max(lengths)
            if most > _HALF_CELL:
                _check_cells(chunk, chunk_rows, columns)
            longest[column] = max(longest[column], most)
            characters += sum(lengths)
    return longest, characters


def _check_cells(
    chunk: Sequence[Term], chunk_rows: Sequence[Row], columns: Sequence[str] = COLUMNS
) -> None:
    """Raise LimitError for the first field of the chunk that does not fit an Excel cell."""
    for term, row in zip(chunk, chunk_rows, strict=True):
        for column, text in zip(columns, row, strict=True):
            if len(text) <= _HALF_CELL:
                continue
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


def _skeleton(
    scratch: Path,
    options: WriteOptions,
    exported: datetime,
    count: int,
    longest: list[int],
    about_count: int,
    extras: tuple[str, ...] = (),
) -> Path:
    """XlsxWriter's workbook with everything but the rows: styles, widths, header, properties,
    and placeholders where the rows go."""
    import xlsxwriter

    skeleton = scratch / "skeleton.xlsx"
    workbook = xlsxwriter.Workbook(
        str(skeleton),
        {
            "constant_memory": True,
            "tmpdir": str(scratch),
            # write_string never converts; keep the workbook's defaults safe all the same.
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    # The only date XlsxWriter would take from the clock; its zip entries are already fixed.
    workbook.set_properties({"title": options.deck, "created": exported})
    formats = _Formats(workbook)
    _frame_terms(workbook.add_worksheet("Terms"), count, longest, formats, (*COLUMNS, *extras))
    _frame_about(workbook.add_worksheet("About"), about_count, formats)
    workbook.close()
    return skeleton


class _Formats:
    """The workbook's cell formats, created once: Excel stores each format a single time."""

    def __init__(self, workbook: Any) -> None:
        self.header: Format = workbook.add_format({"bold": True, "valign": "top"})
        # "@" is Excel's Text number format: what the user types later stays text as well.
        self.text: Format = workbook.add_format({"num_format": "@", "valign": "top"})
        self.wrapped: Format = workbook.add_format(
            {"num_format": "@", "valign": "top", "text_wrap": True}
        )


def _frame_terms(
    sheet: Worksheet,
    count: int,
    longest: list[int],
    formats: _Formats,
    columns: Sequence[str] = COLUMNS,
) -> None:
    """Everything of the Terms sheet but its rows, which get placeholders at both ends."""
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, count, len(columns) - 1)
    sheet.write_row(0, 0, columns, formats.header)
    styles = [formats.wrapped if name == "Definition" else formats.text for name in columns]
    _placeholders(sheet, 1, count, styles)
    for column, name in enumerate(columns):
        if name == "Definition":
            sheet.set_column(column, column, DEFINITION_WIDTH, formats.wrapped)
            continue
        narrowest, widest = _WIDTHS.get(name, _EXTRA_WIDTHS)
        width = min(max(longest[column] + 2, narrowest), widest)
        sheet.set_column(column, column, width, formats.text)


def _frame_about(sheet: Worksheet, count: int, formats: _Formats) -> None:
    sheet.set_column(0, 0, 20, formats.header)
    sheet.set_column(1, 1, DEFINITION_WIDTH, formats.wrapped)
    _placeholders(sheet, 0, count - 1, [formats.header, formats.wrapped])


def _placeholders(sheet: Worksheet, first: int, last: int, styles: Sequence[Format]) -> None:
    """A styled placeholder in each column of rows ``first`` and ``last`` (0-based): XlsxWriter
    then counts the rows in the sheet's dimensions and writes each column's format index."""
    for row in (first, last):
        for column, style in enumerate(styles):
            sheet.write_string(row, column, _PLACEHOLDER, style)


def _about_rows(
    glossary: Glossary, options: WriteOptions, exported: datetime
) -> list[tuple[str, Cell]]:
    """Describe the export: what a reader of the workbook would ask about its contents."""
    summary = options.summary
    return [
        ("Deck", options.deck),
        ("Description", options.description or glossary.description),
        ("Sources", "\n".join(summary.sources or glossary.sources)),
        ("Terms", len(glossary)),
        ("Duplicates removed", summary.duplicates_removed),
        ("Conflicts", summary.conflicts),
        ("Exported", exported.strftime("%Y-%m-%d %H:%M:%S UTC")),
    ]


def _fill_in(skeleton: Path, path: Path, fills: dict[str, _Fill]) -> None:
    """Copy XlsxWriter's package to ``path``, each sheet of ``fills`` with its rows in place of
    its placeholders, deflated on several cores."""
    from concurrent.futures import ThreadPoolExecutor

    with (
        zipfile.ZipFile(skeleton) as source,
        zipfile.ZipFile(path, "w") as package,
        ThreadPoolExecutor(deflate.WORKERS) as pool,
    ):
        for info in source.infolist():
            entry = deflate.zip_entry(info.filename, info.date_time)
            fill = fills.get(info.filename)
            if fill is None:
                package.writestr(entry, source.read(info))
                continue
            blocks = _filled_sheet(source.read(info).decode("utf-8"), fill)
            encoded = (block.encode("utf-8") for block in blocks)
            deflate.write_entry(
                package, entry, encoded, pool, deflater=deflate.small, large=fill.large
            )


def _filled_sheet(xml: str, fill: _Fill) -> Iterator[str]:
    """The sheet's XML with the rows of ``fill`` where its placeholder rows are."""
    start = xml.find(f'<row r="{fill.first}"')
    end = xml.find("</sheetData>", start)
    placeholders = xml[start:end]
    styles = dict(re.findall(f'<c r="([A-Z]+){fill.first}" s="(\\d+)"', placeholders))
    if start < 0 or _PLACEHOLDER not in placeholders or not styles:
        raise RuntimeError(f"XlsxWriter wrote no placeholders where expected: {xml[:200]!r}")
    ordered = [int(styles[column_letter(column)]) for column in range(len(styles))]
    return chain([xml[:start]], rows_xml(fill.rows, fill.first, ordered), [xml[end:]])


class _Cleaning:
    """The Terms rows made storable, counting the characters removed on the way."""

    def __init__(self) -> None:
        self.removed = 0

    def rows(
        self, terms: Sequence[Term], extra_tags: tuple[str, ...], extras: tuple[str, ...] = ()
    ) -> Iterator[Sequence[Cell]]:
        for chunk in chunks(terms):
            chunk_rows = list(rows(chunk, extra_tags, extras))
            # One search over the whole chunk, in C; rows are cleaned only when it finds something.
            if not _NEEDS_CLEANING.search("".join([cell for row in chunk_rows for cell in row])):
                yield from chunk_rows
                continue
            cleaned, removed = _clean_rows(chunk_rows)
            self.removed += removed
            yield from cleaned


def _clean_rows(chunk_rows: Sequence[Sequence[Cell]]) -> tuple[list[Sequence[Cell]], int]:
    cleaned: list[Sequence[Cell]] = []
    removed = 0
    for row in chunk_rows:
        cells: list[Cell] = []
        for cell in row:
            if isinstance(cell, str):
                cell, count = clean_cell(cell)
                removed += count
            cells.append(cell)
        cleaned.append(cells)
    return cleaned, removed


def clean_cell(text: str) -> tuple[str, int]:
    """``text`` with CR line breaks as LF and unstorable characters removed; how many were."""
    text, removed = _UNSTORABLE.subn("", _CARRIAGE_RETURN.sub("\n", text))
    return text, removed


def _short(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
