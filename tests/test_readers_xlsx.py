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


def _workbook(path: Path, rows: list[list[object]], merged: tuple[str, ...] = ()) -> Path:
    """One sheet "Vocab" holding ``rows``, with the ``merged`` ranges ("A4:A5") merged."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Vocab"
    for row in rows:
        sheet.append(row)
    for ref in merged:
        sheet.merge_cells(ref)
    workbook.save(path)
    return path


@pytest.mark.parametrize(
    ("header", "totals"),
    [
        (["Word", "Definition", "Score"], ["Total", 2, 5]),
        (["Word", "Definition", "Score"], ["TOTAL:", None, 5]),
        (["Word", "Definition", "Score"], ["Total", None, "=SUM(C2:C3)"]),  # no saved value
        (["Wort", "Bedeutung", "Punkte"], ["Summe", None, 5.0]),
        (["Mot", "Traduction", "Points"], ["Total", "", "5 %"]),
        (["Word", "Definition"], ["Grand total", "=COUNTA(A2:A3)"]),
    ],
)
def test_a_totals_row_at_the_end_is_no_card_and_is_named(
    tmp_path: Path, header: list[object], totals: list[object], recwarn: pytest.WarningsRecorder
) -> None:
    body: list[list[object]] = [["bank", "the side of a river", 2], ["bat", "a flying mammal", 3]]
    path = _workbook(
        tmp_path / "scores.xlsx", [header, *(row[: len(header)] for row in body), totals]
    )
    glossary = read(path)
    assert pairs(glossary) == [("bank", "the side of a river"), ("bat", "a flying mammal")]
    named = [note for note in glossary.notes if "a totals row" in note]
    assert len(named) == 1
    assert named[0].startswith(f"{path}:4: sheet 'Vocab': a totals row (")
    assert named[0].endswith("not a card")
    # The formula of a row that is not read needs no "never saved" warning.
    assert not [w for w in recwarn.list if "never saved" in str(w.message)]


@pytest.mark.parametrize(
    "rows",
    [
        [["Word", "Definition"], ["bank", "a river side"], ["Total", "the whole amount"]],
        [["Word", "Definition", "Score"], ["Total", 2, 5], ["bank", "a river side", 1]],
        [["Word", "Definition"], ["bank", "a river side"], ["Sum", "the result of adding"]],
        [["Word", "Definition"], ["bank", "a river side"], ["Totally", 3]],
        # A maths vocabulary: "Sum" is a card, 9 is no total of 3 and 18 (nor a count).
        [["Term", "Definition"], ["Difference", 3], ["Product", 18], ["Sum", 9]],
        [
            ["Word", "Definition", "Score"],
            ["bank", "a side", 2],
            ["bat", "a mammal", 3],
            ["Total", None, 6],
        ],
    ],
)
def test_a_real_term_is_never_taken_for_a_totals_row(
    tmp_path: Path, rows: list[list[object]]
) -> None:
    glossary = read(_workbook(tmp_path / "words.xlsx", rows))
    assert len(glossary) == len(rows) - 1
    assert not [note for note in glossary.notes if "totals row" in note]


def test_a_term_merged_over_two_rows_gets_both_definitions(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Vocabulary test"],
        [],
        ["Word", "Definition"],
        ["bank", "the side of a river"],
        [None, "a place that keeps money"],
        ["bat", "a flying mammal"],
    ]
    path = _workbook(tmp_path / "merged.xlsx", rows, merged=("A1:B1", "A4:A5"))
    with pytest.warns(UserWarning) as caught:
        glossary = read(path)
    assert pairs(glossary) == [
        ("bank", "the side of a river; a place that keeps money"),
        ("bat", "a flying mammal"),
    ]
    assert glossary.terms[0].line == 4
    messages = [str(warning.message) for warning in caught]
    assert [m for m in messages if m.startswith(f"{path}:4: Vocab!A4:A5 is merged over 2 rows")]


def test_a_merged_term_joins_its_rows_extras_and_a_merged_definition_fills_down(
    tmp_path: Path,
) -> None:
    rows: list[list[object]] = [
        ["Term", "Definition", "Example"],
        ["run", "to move fast", "I run"],
        [None, "to operate", "it runs"],
        [None, "to move fast", None],  # the same meaning again adds nothing
        ["cat", "a small feline", "a black cat"],
        ["kitten", None, "a kitten"],  # the definition is merged over cat's and kitten's rows
    ]
    path = _workbook(tmp_path / "verbs.xlsx", rows, merged=("A2:A4", "B5:B6"))
    with pytest.warns(UserWarning, match=r"Vocab!A2:A4 is merged over 3 rows"):
        glossary = read(path)
    assert pairs(glossary) == [
        ("run", "to move fast; to operate"),
        ("cat", "a small feline"),
        ("kitten", "a small feline"),
    ]
    assert glossary.terms[0].extras == (("Example", "I run; it runs"),)


def test_a_row_without_a_term_names_its_sheet_and_cell(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Word", "Definition"], ["bank", "a river side"], [None, "lost"]]
    path = _workbook(tmp_path / "gap.xlsx", rows)
    with pytest.raises(SourceError) as caught:
        read(path)
    assert str(caught.value) == (
        f"{path}:3: this row has no term (Vocab!A3 is empty); fill it in or delete the row"
    )
