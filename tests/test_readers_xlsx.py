"""Excel workbooks written by openpyxl: header found, empty rows skipped, sheet chosen."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from glossary_export.errors import OptionError, SourceError
from glossary_export.readers import ReadOptions, detect_format, read
from support_readers import pairs
from support_tables import write_workbook

openpyxl = pytest.importorskip("openpyxl")


GLOSSARY_ROWS: list[list[object]] = [
    ["LLM glossary, week 1"],  # a title row above the table
    [],
    ["#", "Term", "Definition", "Tags"],
    [1, "Tokenizer", "Splits text into tokens.", "nlp basics"],
    [None, None, None, None],
    [2, "Context window", "The tokens a model sees at once;\nabout 8000.", ""],
    [3, "Epochs", 3, None],
]


def test_header_found_below_a_title_and_empty_rows_skipped(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xlsx"
    write_workbook(path, {"Terms": GLOSSARY_ROWS})
    glossary = read(path)
    assert pairs(glossary) == [
        ("Tokenizer", "Splits text into tokens."),
        ("Context window", "The tokens a model sees at once;\nabout 8000."),
        ("Epochs", "3"),
    ]
    assert [term.line for term in glossary] == [4, 6, 7]
    assert glossary.terms[0].tags == ("nlp", "basics")


def test_every_glossary_sheet_by_default_and_sheet_option(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xlsx"
    write_workbook(
        path,
        {
            "Terms": GLOSSARY_ROWS,
            "Extra": [["Front", "Back"], ["Embedding", "A vector."]],
        },
    )
    # Both sheets hold a glossary: each is a sub-deck (see test_tables.py for the Anki side).
    assert [(t.term, t.subdeck) for t in read(path)][-2:] == [
        ("Epochs", "Terms"),
        ("Embedding", "Extra"),
    ]
    only = read(path, options=ReadOptions(sheet="Extra"))
    assert [(t.term, t.definition, t.subdeck) for t in only] == [("Embedding", "A vector.", "")]


def test_missing_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xlsx"
    write_workbook(path, {"Terms": GLOSSARY_ROWS, "Extra": [["a", "b"]]})
    with pytest.raises(OptionError, match="'Terms', 'Extra'"):
        read(path, options=ReadOptions(sheet="Nope"))


def test_headerless_two_columns(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xlsx"
    write_workbook(
        path, {"Sheet": [["Word", "A unit of language."], ["Tokenizer", "Splits text."]]}
    )
    assert pairs(read(path)) == [("Word", "A unit of language."), ("Tokenizer", "Splits text.")]


def test_detected_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "glossary"
    write_workbook(path.with_suffix(".xlsx"), {"Terms": GLOSSARY_ROWS})
    path.with_suffix(".xlsx").rename(path)
    data = path.read_bytes()
    assert detect_format(str(path), data) == "xlsx"
    assert detect_format(str(path), data[:4096]) == "xlsx"
    assert len(read(path)) == 3


def test_corrupt_workbook_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "not xml at all")
    with pytest.raises(SourceError, match=r"not a readable \.xlsx"):
        read(path)


def test_empty_workbook_has_no_terms(tmp_path: Path) -> None:
    from glossary_export.errors import NoTermsError

    path = tmp_path / "glossary.xlsx"
    write_workbook(path, {"Terms": []})
    with pytest.raises(NoTermsError, match="no terms found"):
        read(path)
