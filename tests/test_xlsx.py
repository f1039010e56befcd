"""Excel writer, read back with python-calamine (values) and openpyxl (styling)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from glossary_export.errors import LimitError
from glossary_export.model import Glossary, Term
from glossary_export.writers import ExportSummary
from support_export import export
from support_tables import glossary_of, read_xlsx, seed_glossary, xlsx_cell_types

HEADER = ["Term", "Definition", "Acronym", "Tags"]
TIMESTAMP = datetime(2024, 5, 1, 12, 30, tzinfo=timezone.utc).timestamp()


def test_seed_page_gives_terms_and_about_sheets(seed_path: Path, tmp_path: Path) -> None:
    glossary = seed_glossary(seed_path)
    path = tmp_path / "deck.xlsx"
    result = export(
        glossary,
        path,
        "xlsx",
        deck="LLM Glossary",
        timestamp=TIMESTAMP,
        summary=ExportSummary(sources=("llm-glossary-page.txt",), duplicates_removed=29),
    )
    sheets = read_xlsx(path)
    assert list(sheets) == ["Terms", "About"]
    terms = sheets["Terms"]
    assert terms[0] == HEADER
    assert terms[1:] == [[t.term, t.definition, t.acronym, ""] for t in glossary]
    assert len(terms) == 72
    assert sheets["About"] == [
        ["Deck", "LLM Glossary"],
        ["Description", glossary.description],
        ["Sources", "llm-glossary-page.txt"],
        ["Terms", 71],
        ["Duplicates removed", 29],
        ["Conflicts", 0],
        ["Exported", "2024-05-01 12:30:00 UTC"],
    ]
    assert result.terms_written == 71
    assert result.adjustments == {}


def test_terms_sheet_is_styled_for_reading(seed_path: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "deck.xlsx"
    export(seed_glossary(seed_path), path, "xlsx")
    sheet = load_workbook(path)["Terms"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:D72"
    assert all(cell.font.b for cell in sheet[1])
    definition = sheet["B2"]
    assert definition.alignment.wrap_text
    assert definition.number_format == "@"
    assert sheet["A2"].number_format == "@"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["C"].width
    assert 12 <= sheet.column_dimensions["A"].width <= 51


FORMULA_LIKE = [
    "=1+1",
    '=HYPERLINK("http://evil.example","click")',
    "+1",
    "-1",
    "@SUM(A1)",
    "123",
    "0042",
    "1e5",
    "TRUE",
    "2024-01-01",
    "http://example.com",
    "'quoted",
]


def test_every_cell_is_text_never_a_formula(tmp_path: Path) -> None:
    glossary = Glossary(
        terms=tuple(Term(term=s, definition=s, acronym=s, tags=(s,)) for s in FORMULA_LIKE)
    )
    path = tmp_path / "deck.xlsx"
    result = export(glossary, path, "xlsx")
    assert read_xlsx(path)["Terms"][1:] == [[s, s, s, s] for s in FORMULA_LIKE]
    cell_types, formulas = xlsx_cell_types(path)
    assert cell_types == {"inlineStr"}
    assert formulas == 0
    assert xlsx_cell_types(path, 2)[1] == 0
    assert result.adjustments == {}


@pytest.mark.parametrize(
    ("definition", "expected", "removed"),
    [
        ("nul\x00byte", "nulbyte", 1),
        ("bell\x07 and escape\x1b", "bell and escape", 2),
        ("form\x0cfeed and vertical\x0btab", "formfeed and verticaltab", 2),
        ("unit\x1fseparator", "unitseparator", 1),
        ("delete\x7f and C1\x85\x9f controls", "delete and C1 controls", 3),
        ("noncharacter\ufffe", "noncharacter", 1),
        ("tab\tand\nnew line stay", "tab\tand\nnew line stay", 0),
        ("escape-like _x0041_ text", "escape-like _x0041_ text", 0),
        ("emoji 🚀🎉 👨‍👩‍👧", "emoji 🚀🎉 👨‍👩‍👧", 0),
        ("עברית וערבית: مرحبا", "עברית וערבית: مرحبا", 0),
        ("line one\nline two\nline three", "line one\nline two\nline three", 0),
        ("windows\r\nlines and\rold mac", "windows\nlines and\nold mac", 0),
    ],
)
def test_unstorable_control_characters_are_removed_and_counted(
    tmp_path: Path, definition: str, expected: str, removed: int
) -> None:
    path = tmp_path / "deck.xlsx"
    result = export(glossary_of(("Term", definition)), path, "xlsx")
    assert read_xlsx(path)["Terms"][1] == ["Term", expected, "", ""]
    assert result.adjustments == ({"control characters removed": removed} if removed else {})


def test_control_characters_in_the_about_sheet_are_removed_too(tmp_path: Path) -> None:
    path = tmp_path / "deck.xlsx"
    result = export(glossary_of(("a", "b")), path, "xlsx", description="bad\x01description")
    assert read_xlsx(path)["About"][1] == ["Description", "baddescription"]
    assert result.adjustments == {"control characters removed": 1}


def test_a_field_of_exactly_32767_characters_fits(tmp_path: Path) -> None:
    path = tmp_path / "deck.xlsx"
    export(glossary_of(("Long", "x" * 32_767)), path, "xlsx")
    assert read_xlsx(path)["Terms"][1][1] == "x" * 32_767


@pytest.mark.parametrize(
    ("term", "definition", "column"),
    [
        ("Long definition", "x" * 32_768, "definition"),
        ("Emoji definition", "🚀" * 16_384, "definition"),  # 32,768 UTF-16 units, as Excel counts
        ("y" * 40_000, "short", "term"),
        ("Tagged", "short", "tags"),
    ],
)
def test_a_field_over_the_cell_limit_is_an_error_and_no_file(
    tmp_path: Path, term: str, definition: str, column: str
) -> None:
    path = tmp_path / "deck.xlsx"
    tags = ("t" * 20_000, "u" * 20_000) if column == "tags" else ()
    glossary = Glossary(
        terms=(
            Term("Fine", "short", file="test.txt", line=1),
            Term(term, definition, tags=tags, file="test.txt", line=2),
        )
    )
    with pytest.raises(LimitError) as raised:
        export(glossary, path, "xlsx")
    message = str(raised.value)
    assert message.startswith("test.txt:2: ")
    assert f"the {column} of {term[:10]}" in message.replace("'", "")
    assert "32,767" in message
    assert not path.exists()


def test_more_terms_than_excel_rows_is_an_error_and_no_file(tmp_path: Path) -> None:
    path = tmp_path / "deck.xlsx"
    glossary = Glossary(terms=(Term("same", "term"),) * 1_048_576)
    with pytest.raises(LimitError, match="1,048,576 terms"):
        export(glossary, path, "xlsx")
    assert not path.exists()


def test_tags_column_merges_export_tags(tmp_path: Path) -> None:
    path = tmp_path / "deck.xlsx"
    export(glossary_of(("LoRA", "adapters"), tags=("peft",)), path, "xlsx", tags=("llm",))
    assert read_xlsx(path)["Terms"][1] == ["LoRA", "adapters", "", "peft llm"]


def test_rebuild_is_byte_identical_and_follows_the_timestamp(
    seed_path: Path, tmp_path: Path
) -> None:
    glossary = seed_glossary(seed_path)
    export(glossary, tmp_path / "a.xlsx", "xlsx", timestamp=TIMESTAMP)
    export(glossary, tmp_path / "b.xlsx", "xlsx", timestamp=TIMESTAMP)
    export(glossary, tmp_path / "c.xlsx", "xlsx", timestamp=TIMESTAMP + 60)
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    assert (tmp_path / "a.xlsx").read_bytes() != (tmp_path / "c.xlsx").read_bytes()
    assert read_xlsx(tmp_path / "c.xlsx")["About"][6] == ["Exported", "2024-05-01 12:31:00 UTC"]


def test_no_date_comes_from_the_clock(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "deck.xlsx"
    export(glossary_of(("a", "b")), path, "xlsx", timestamp=TIMESTAMP)
    with zipfile.ZipFile(path) as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(1980, 1, 31)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2024-05-01T12:30:00Z") == 2  # created and modified
