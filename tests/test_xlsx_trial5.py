"""Workbooks from the fifth new-user trial: a sheet of form fields ("Teacher:" | "Ms Lee")
beside the vocabulary is about the glossary, not in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_export.readers import ReadOptions, read
from support_cli import cards, exported
from support_readers import pairs
from support_tables import write_workbook

pytest.importorskip("openpyxl")

VOCAB = [["Word", "Meaning"], ["gato", "cat"], ["perro", "dog"], ["caballo", "horse"]]


def test_a_sheet_of_form_fields_beside_the_vocabulary_is_named_not_read(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "spanish.xlsx",
        {"Info": [["Teacher:", "Ms Lee"], ["Class:", "9B"], ["Due:", "Friday"]], "Vocab": VOCAB},
    )
    result, rows = exported(path)
    assert cards(rows) == [("gato", "cat"), ("perro", "dog"), ("caballo", "horse")]
    assert "sheet 'Info' holds form fields (Teacher: Ms Lee, Class: 9B, Due: Friday)" in (
        result.output
    )
    # Named as such, without colons, and whatever the order of the sheets.
    path = write_workbook(
        tmp_path / "named.xlsx",
        {"Vocab": VOCAB, "Cover sheet": [["Teacher", "Ms Lee"], ["Class", "9B"]]},
    )
    assert pairs(read(path)) == [("gato", "cat"), ("perro", "dog"), ("caballo", "horse")]
    # Asked for, the sheet is read.
    assert pairs(read(path, options=ReadOptions(sheet="Cover sheet"))) == [
        ("Teacher", "Ms Lee"),
        ("Class", "9B"),
    ]

    # Short sheets of terms are each still a sub-deck.
    path = write_workbook(
        tmp_path / "weeks.xlsx",
        {"Week 1": [["gato", "cat"], ["perro", "dog"]], "Week 2": [["casa", "house"]]},
    )
    glossary = read(path)
    assert pairs(glossary) == [("gato", "cat"), ("perro", "dog"), ("casa", "house")]
    assert [term.subdeck for term in glossary] == ["Week 1", "Week 1", "Week 2"]
