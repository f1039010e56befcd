"""The Excel writer's bulk rows against XlsxWriter's own: the same XML, cell for cell.

XlsxWriter writes the oracle here cell by cell in constant-memory mode, as the Excel writer
itself did before it built the rows in bulk. Where the two differ on purpose (XlsxWriter writes
a string shaped like ``<r>...</r>`` unescaped) the workbook is read back instead.
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
import xlsxwriter
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from glossary_export.model import Glossary, Term
from glossary_export.writers import _sheet_xml, xlsx
from glossary_export.writers._sheet_xml import Cell, column_letter, rows_xml
from support_export import export
from support_tables import glossary_of, read_xlsx

# What reaches the rows: any text but what the Excel writer removes first (controls other
# than Tab and LF, CR, surrogates, U+FFFE and U+FFFF), plus the characters that need care.
PIECES = st.one_of(
    st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff"),
    st.sampled_from(["\t", "\n", " ", "\xa0", "&", "<", ">", '"', "_x0041_", "_x00e9_", "_x"]),
)
TEXTS = (
    st.lists(PIECES, max_size=8)
    .map("".join)
    .filter(lambda text: not (text.startswith("<r>") and text.endswith("</r>")))
)
CELLS: st.SearchStrategy[Cell] = st.one_of(TEXTS, st.integers(0, 10**6))


def xlsxwriter_rows(tmp_path: Path, rows: Sequence[Sequence[Cell]]) -> tuple[str, list[int]]:
    """The <sheetData> content XlsxWriter writes for ``rows``, cell by cell, a format a column;
    and the format index it gave each column."""
    path = tmp_path / "oracle.xlsx"
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True, "tmpdir": str(tmp_path)})
    sheet = workbook.add_worksheet()
    width = max(map(len, rows))
    formats = [workbook.add_format({"num_format": "@", "bold": c % 2 == 0}) for c in range(width)]
    for column, style in enumerate(formats):  # a header, as the Terms sheet has
        sheet.write_string(0, column, "header", style)
    for number, row in enumerate(rows, start=1):
        for column, cell in enumerate(row):
            if isinstance(cell, int):
                sheet.write_number(number, column, cell, formats[column])
            elif cell:  # the Excel writer leaves empty cells out
                sheet.write_string(number, column, cell, formats[column])
    workbook.close()
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    data = re.search("<sheetData>(.*)</sheetData>", xml, re.DOTALL)
    assert data is not None
    header, _, body = data[1].partition("</row>")
    styles = [int(style) for style in re.findall(r' s="(\d+)"', header)]
    return body, styles


@settings(
    deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(CELLS, min_size=1, max_size=4), min_size=1, max_size=8))
@example(rows=[["Term", "a & b <c>", "", "tag"], [" lead", "trail ", "\tboth\n", "_x0000_"]])
@example(rows=[["", "", ""], ["only", "", "the last"]])
def test_rows_are_the_xml_xlsxwriter_writes(
    tmp_path: Path, rows: list[list[Cell]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_sheet_xml, "_CHUNK_ROWS", 3)  # rows numbered across chunks
    width = max(map(len, rows))
    rows = [row + [""] * (width - len(row)) for row in rows]
    expected, styles = xlsxwriter_rows(tmp_path, rows)
    assert "".join(rows_xml(rows, 2, styles)) == expected


def test_column_letters_follow_excel() -> None:
    assert [column_letter(c) for c in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


@pytest.mark.parametrize("text", ["<r>A & B</r>", "<r><t>x</t></r>", "<r></r>"])
def test_text_shaped_like_rich_text_stays_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deck.xlsx"
    export(glossary_of((text, text)), path, "xlsx", deck=text, description=text)
    sheets = read_xlsx(path)
    assert sheets["Terms"][1][:2] == [text, text]
    assert sheets["About"][0] == ["Deck", text]

    from openpyxl import load_workbook  # a second, stricter XML parser

    assert load_workbook(path)["Terms"]["A2"].value == text


@pytest.mark.parametrize("count", [1, 2, 5000])
def test_every_row_lands_once_in_order(tmp_path: Path, count: int) -> None:
    terms = [
        Term(f"Term {n}", f"Definition {n}", tags=(f"t{n}",) if n % 3 else ()) for n in range(count)
    ]
    path = tmp_path / "deck.xlsx"
    export(Glossary(tuple(terms)), path, "xlsx")
    body = read_xlsx(path)["Terms"][1:]
    assert body == [[t.term, t.definition, "", " ".join(t.tags)] for t in terms]


def test_a_sheet_that_may_pass_2_gib_is_zipped_with_zip64(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx, "ZIP64_FROM", 0)
    path = tmp_path / "deck.xlsx"
    export(glossary_of(("LoRA", "Low-rank adapters")), path, "xlsx")
    with zipfile.ZipFile(path) as archive:
        offset = archive.getinfo("xl/worksheets/sheet1.xml").header_offset
        assert archive.testzip() is None
    local_header = path.read_bytes()[offset : offset + 64]
    assert struct.unpack("<H", local_header[28:30])[0] > 0  # an extra field...
    assert local_header[30 + len("xl/worksheets/sheet1.xml") :][:2] == b"\x01\x00"  # ...ZIP64
    assert read_xlsx(path)["Terms"][1][:2] == ["LoRA", "Low-rank adapters"]
