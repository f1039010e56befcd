"""Tables, workbooks and JSON in the shapes a third new-user trial found misread: tables side
by side and stacked, a romanisation column, a column of numbers as the terms, number formats,
form fields and a comment line above the header, cells quoted after a space, HTML in cells
and unnamed columns. Each is exported or loaded as a user would and its cards compared with
what a careful reader gets (JSON: test_json_trial3.py)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from glossary_export import load_glossary
from support_cli import cards, exported, run
from support_tables import write_workbook

openpyxl = pytest.importorskip("openpyxl")


def anki_deck(source: Path) -> str:
    """The ``#deck:`` header of the Anki text export of ``source``."""
    out = source.parent / f"{source.stem}.anki.txt"
    assert run("export", source, "-o", out, "--no-memory").exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    return next(line.removeprefix("#deck:") for line in lines if line.startswith("#deck:"))


# Tables side by side: refused, naming the columns; --columns reads one of them.

BESIDE = [
    ["Word", "Meaning", "", "Word", "Meaning"],
    ["Baum", "tree", "", "rot", "red"],
    ["Haus", "house", "", "blau", "blue"],
    ["Hund", "dog", "", "grün", "green"],
]


def _csv(path: Path, rows: list[list[object]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_tables_side_by_side_are_refused_naming_their_columns(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"beside{suffix}"
    if suffix == ".csv":
        _csv(source, BESIDE)  # type: ignore[arg-type]
    else:
        write_workbook(source, {"Vocab": [[c or None for c in row] for row in BESIDE]})
    result = run("export", source, "-o", tmp_path / "out.csv", "--no-memory")
    assert result.exit_code == 1
    assert f"beside{suffix}:1: columns 1-2 and 4-5 are each headed 'Word', 'Meaning'" in (
        result.output
    )
    assert "--columns 1,2 or --columns 4,5" in result.output
    assert not (tmp_path / "out.csv").exists()


def test_columns_reads_one_of_the_tables_side_by_side(tmp_path: Path) -> None:
    source = _csv(tmp_path / "beside.csv", BESIDE)  # type: ignore[arg-type]
    _, rows = exported(source, "--columns", "4,5")
    assert cards(rows) == [("rot", "red"), ("blau", "blue"), ("grün", "green")]
    assert list(rows[0]) == ["Term", "Definition", "Acronym", "Tags"]  # no "Word" extra


# Tables stacked on a sheet, each with its title and the header.

STACKED = [
    ["Lesson 4", None],
    ["Word", "Meaning"],
    ["Baum", "tree"],
    ["Haus", "house"],
    [None, None],
    ["Lesson 5", None],
    ["Word", "Meaning"],
    ["rot", "red"],
    ["blau", "blue"],
    ["Word", "Meaning"],  # the header again without a title: no card either
    ["grün", "green"],
]
STACKED_CARDS = [("Baum", "tree"), ("Haus", "house"), ("rot", "red"), ("blau", "blue")]


def test_stacked_tables_in_a_workbook_are_sub_decks_in_anki(tmp_path: Path) -> None:
    from support_anki import deck_card_counts, fresh_collection, import_package

    source = write_workbook(tmp_path / "lessons.xlsx", {"Vocab": STACKED})
    result, rows = exported(source)
    assert cards(rows) == [*STACKED_CARDS, ("grün", "green")]
    assert "lessons.xlsx:6: sheet 'Vocab': a title and the header again ('Lesson 5')" in (
        result.output
    )
    assert "lessons.xlsx:10: sheet 'Vocab': the header row again, not a card" in result.output
    assert run("export", source, "-o", tmp_path / "deck.apkg", "--deck", "German").exit_code == 0
    with fresh_collection(tmp_path / "anki") as col:
        import_package(col, tmp_path / "deck.apkg")
        assert deck_card_counts(col) == {"German::Lesson 4": 2, "German::Lesson 5": 3}


def test_stacked_tables_in_a_csv_file_are_sub_decks(tmp_path: Path) -> None:
    source = _csv(tmp_path / "lessons.csv", [["" if c is None else c for c in r] for r in STACKED])
    glossary = load_glossary(source)
    assert [(t.term, t.definition, t.subdeck) for t in glossary.terms] == [
        ("Baum", "tree", "Lesson 4"),
        ("Haus", "house", "Lesson 4"),
        ("rot", "red", "Lesson 5"),
        ("blau", "blue", "Lesson 5"),
        ("grün", "green", "Lesson 5"),
    ]
    assert glossary.title == ""  # the deck is named after the file, not after "Lesson 4"
    assert any("lessons.csv:10: the header row again" in note for note in glossary.notes)


# A romanisation column beside the learner's language; numbers as the terms.


@pytest.mark.parametrize(
    ("header", "rows", "expected", "extra"),
    [
        (
            ["Kanji", "Romaji", "English"],
            [["水", "mizu", "water"], ["火", "hi", "fire"], ["木", "ki", "tree"]],
            [("水", "water"), ("火", "fire"), ("木", "tree")],
            ("Romaji", ["mizu", "hi", "ki"]),
        ),
        (
            ["Word", "Pronunciation", "German"],
            [["Baum", "baʊm", "tree"], ["Haus", "haʊs", "house"], ["Hund", "hʊnt", "dog"]],
            [("Baum", "tree"), ("Haus", "house"), ("Hund", "dog")],
            ("Pronunciation", ["baʊm", "haʊs", "hʊnt"]),
        ),
        (
            ["Pinyin", "English"],
            [["shuǐ", "water"], ["huǒ", "fire"], ["mù", "tree"]],
            [("shuǐ", "water"), ("huǒ", "fire"), ("mù", "tree")],
            None,
        ),
        (
            ["Number", "German"],
            [["1", "eins"], ["2", "zwei"], ["12", "zwölf"], ["20", "zwanzig"]],
            [("1", "eins"), ("2", "zwei"), ("12", "zwölf"), ("20", "zwanzig")],
            None,
        ),
        (
            ["Number", "German"],
            [["1", "eins"], ["2", "zwei"], ["3", "drei"]],
            [("1", "eins"), ("2", "zwei"), ("3", "drei")],
            None,
        ),
        (
            ["Nr", "German", "Notes"],
            [["1", "eins", "a"], ["2", "zwei", "b"], ["3", "drei", "c"]],
            [("eins", "a"), ("zwei", "b"), ("drei", "c")],
            None,
        ),
    ],
)
def test_the_term_is_the_first_column_and_romanisation_an_extra(
    tmp_path: Path,
    header: list[str],
    rows: list[list[str]],
    expected: list[tuple[str, str]],
    extra: tuple[str, list[str]] | None,
) -> None:
    for source in (
        _csv(tmp_path / "list.csv", [header, *rows]),  # type: ignore[list-item]
        write_workbook(
            tmp_path / "list.xlsx",
            {"Words": [header, *[[int(c) if c.isdigit() else c for c in r] for r in rows]]},
        ),
    ):
        result, read = exported(source)
        assert cards(read) == expected, source
        assert "column 2" not in result.output or "definition from column 3" in result.output
        if extra is not None:
            assert [row[extra[0]] for row in read] == extra[1]


# Workbook numbers shown as Excel shows them.


def test_numbers_are_read_in_their_cells_number_format(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Quantity", "Value"])
    values = [
        ("share", 0.71, "0%", "71%"),
        ("rate", 0.0525, "0.00%", "5.25%"),
        ("Avogadro", 6.02214076e23, "0.00E+00", "6.02E+23"),
        ("price", 1234.5, "#,##0.00", "1,234.50"),
        ("people", 1500000, "#,##0", "1,500,000"),
        ("g", 9.80665, "0.0", "9.8"),
        ("Planck", 6.62607015e-34, "General", "6.62607015E-34"),
        ("mole", 6.022e23, "General", "6.022E+23"),
        ("light", 299792458, "General", "299792458"),
        ("half", 0.5, "General", "0.5"),
    ]
    for name, value, number_format, _ in values:
        sheet.append([name, value])
        sheet.cell(sheet.max_row, 2).number_format = number_format
    workbook.save(tmp_path / "numbers.xlsx")
    _, rows = exported(tmp_path / "numbers.xlsx")
    assert cards(rows) == [(name, shown) for name, _, _, shown in values]


def test_a_workbook_without_number_formats_reads_numbers_as_general(tmp_path: Path) -> None:
    source = write_workbook(
        tmp_path / "plain.xlsx", {"S": [["Term", "Value"], ["pi", 3.14159], ["big", 6.022e23]]}
    )
    _, rows = exported(source)
    assert cards(rows) == [("pi", "3.14159"), ("big", "6.022E+23")]


# Form fields and a comment line above the header.


def test_form_fields_above_a_worksheet_are_no_title(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Name: __________", None, None],
        ["Date: ..........", None, None],
        [None, None, None],
        [None, "Term", "Definition"],
        [None, "mean", "the average"],
        [None, "mode", "the most common value"],
    ]
    for source in (
        write_workbook(tmp_path / "worksheet.xlsx", {"Sheet1": rows}),
        _csv(tmp_path / "worksheet.csv", [["" if c is None else c for c in r] for r in rows]),
    ):
        result, read = exported(source)
        assert cards(read) == [("mean", "the average"), ("mode", "the most common value")]
        assert "form fields above the table ('Name: __________', 'Date: ..........')" in (
            result.output
        )
        assert f"{source.name}:1, 2" in result.output
        assert anki_deck(source) == source.stem


def test_a_comment_line_above_the_header_names_the_deck_without_its_hash(tmp_path: Path) -> None:
    source = tmp_path / "week.csv"
    source.write_text("# Chemistry, week 5\nterm,definition\nion,a charged atom\n")
    result, read = exported(source)
    assert cards(read) == [("ion", "a charged atom")]
    assert "week.csv:1: a title row above the table" in result.output
    assert anki_deck(source) == "Chemistry, week 5"


# Cells quoted after a space, as CSV typed by hand has them.


def test_cells_quoted_after_a_space_are_read_as_quoted(tmp_path: Path) -> None:
    source = tmp_path / "typed.csv"
    source.write_text(
        '"Term", "Definition"\n"ion", "a charged atom, or molecule"\n'
        '"isotope", "same element, other neutrons"\n'
    )
    result, read = exported(source)
    assert cards(read) == [
        ("ion", "a charged atom, or molecule"),
        ("isotope", "same element, other neutrons"),
    ]
    assert "Warning" not in result.output


def test_a_quote_inside_an_unquoted_cell_after_a_space_is_kept(tmp_path: Path) -> None:
    source = tmp_path / "said.csv"
    source.write_text('term,definition\nirony, "great" weather in a storm\nwit,quick humour\n')
    _, read = exported(source)
    assert cards(read) == [("irony", '"great" weather in a storm'), ("wit", "quick humour")]


# HTML in cells; unnamed columns.


def test_html_in_csv_cells_is_named_with_the_html_option(tmp_path: Path) -> None:
    source = tmp_path / "cram.csv"
    source.write_text("Front,Back\n<b>ion</b>,a charged<br>atom\nisotope,same element\n")
    result, read = exported(source)
    assert cards(read) == [("<b>ion</b>", "a charged<br>atom"), ("isotope", "same element")]
    assert "the cells hold HTML ('<b>', '</b>', '<br>')" in result.output
    assert "--html" in result.output


@pytest.mark.parametrize("suffix", [".tsv", ".xlsx"])
def test_unnamed_columns_that_are_not_read_are_named(tmp_path: Path, suffix: str) -> None:
    rows = [
        ["le chien", "the dog", "dog", "noun"],
        ["manger", "to eat", "eat", "verb"],
        ["rouge", "red", "", "adjective"],
    ]
    source = tmp_path / f"bulk{suffix}"
    if suffix == ".tsv":
        _csv(source, rows, "\t")  # type: ignore[arg-type]
    else:
        write_workbook(source, {"Words": [[c or None for c in r] for r in rows]})
    result, read = exported(source)
    assert cards(read) == [("le chien", "the dog"), ("manger", "to eat"), ("rouge", "red")]
    assert "columns 3 and 4 have no header and were not read" in result.output


def test_a_column_without_a_name_under_a_header_is_named(tmp_path: Path) -> None:
    source = tmp_path / "notes.csv"
    source.write_text("Term,Definition,\nion,a charged atom,see ch. 2\nisotope,same element,\n")
    result, read = exported(source)
    assert cards(read) == [("ion", "a charged atom"), ("isotope", "same element")]
    assert "column 3 has no name and was not read" in result.output
