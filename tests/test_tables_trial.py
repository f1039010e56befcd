"""Tables as a new user's files have them: a title above the header, a row-number column, the
header pasted in again, a comma inside a bracketed term, plain header names above numbers, a
formula term, JSON with unknown keys. Each is exported and read back as the user would."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from glossary_export import export_deck
from support_cli import run
from support_tables import write_workbook

openpyxl = pytest.importorskip("openpyxl")


def cards(path: Path) -> list[tuple[str, str]]:
    """(Term, Definition) of each row of an exported CSV, read by the csv module."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [(row["Term"], row["Definition"]) for row in csv.DictReader(handle)]


def column(path: Path, name: str) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [row[name] for row in csv.DictReader(handle)]


# 1. A title row (and blank rows) above the header.

TITLED = {
    "comma.csv": (
        "Plant biology – unit 2,,\n,,\nWord,Definition,Page\n"
        "Xylem,tissue carrying water upwards,31\nPhloem,tissue carrying sugars,32\n"
    ),
    "semicolon.csv": (
        "Cells and tissues;;\nTerm;Definition;Notes\n"
        'Xylem;tissue carrying water upwards;"wood, mostly"\nPhloem;tissue carrying sugars;\n'
    ),
    "tabs.tsv": (
        "Cells and tissues\n\n\nTerm\tDefinition\n"
        "Xylem\ttissue carrying water upwards\nPhloem\ttissue carrying sugars\n"
    ),
    "two-titles.csv": (
        "Cells and tissues\nA second line about the list\nEnglish,Deutsch\n"
        "Xylem,tissue carrying water upwards\nPhloem,tissue carrying sugars\n"
    ),
}


@pytest.mark.parametrize("name", sorted(TITLED))
def test_a_title_row_above_the_header_names_the_deck_and_is_no_card(
    tmp_path: Path, name: str
) -> None:
    source = tmp_path / name
    source.write_text(TITLED[name], encoding="utf-8")
    report = export_deck(source, tmp_path / "out.csv", memory=False)
    assert cards(tmp_path / "out.csv") == [
        ("Xylem", "tissue carrying water upwards"),
        ("Phloem", "tissue carrying sugars"),
    ]
    assert report.rows_read == 2 and report.empty_definitions == 0
    first_line = TITLED[name].splitlines()[0]
    assert report.deck == first_line.strip(",;\t")
    assert any("title row" in note and ":1" in note for note in report.read_notes)


def test_the_page_column_below_a_title_travels_with_its_term(tmp_path: Path) -> None:
    source = tmp_path / "comma.csv"
    source.write_text(TITLED["comma.csv"], encoding="utf-8")
    export_deck(source, tmp_path / "out.csv", memory=False)
    assert column(tmp_path / "out.csv", "Page") == ["31", "32"]


def test_columns_option_finds_the_names_below_a_title(tmp_path: Path) -> None:
    source = tmp_path / "comma.csv"
    source.write_text(TITLED["comma.csv"], encoding="utf-8")
    result = run("export", "--columns", "Page,Word", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    assert cards(tmp_path / "out.csv") == [("31", "Xylem"), ("32", "Phloem")]


def test_columns_option_naming_no_column_below_a_title_shows_that_row(tmp_path: Path) -> None:
    source = tmp_path / "comma.csv"
    source.write_text(TITLED["comma.csv"], encoding="utf-8")
    result = run("check", "--columns", "Wort,Definition", source)
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "comma.csv: --columns names 'Wort', but no row at the top has such a column" in output
    assert "has 'Word', 'Definition', 'Page'" in output


def test_a_tsv_title_row_is_no_error(tmp_path: Path) -> None:
    source = tmp_path / "tabs.tsv"
    source.write_text(TITLED["tabs.tsv"], encoding="utf-8")
    result = run("check", source)
    assert result.exit_code == 0, result.output
    assert "rows read: 2" in result.output


def test_the_deck_of_a_titled_csv_is_named_after_its_title_in_anki(tmp_path: Path) -> None:
    from support_anki import deck_card_counts, fresh_collection, import_package, notes

    source = tmp_path / "semicolon.csv"
    source.write_text(TITLED["semicolon.csv"], encoding="utf-8")
    export_deck(source, tmp_path / "deck.apkg", memory=False)
    with fresh_collection(tmp_path / "anki") as col:
        assert import_package(col, tmp_path / "deck.apkg").new == 2
        assert sorted(note.fields[0] for note in notes(col)) == ["Phloem", "Xylem"]
        assert deck_card_counts(col) == {"Cells and tissues": 2}


def test_a_workbook_title_row_names_the_deck_too(tmp_path: Path) -> None:
    source = tmp_path / "plants.xlsx"
    write_workbook(
        source,
        {"Unit 2": [["Plant biology"], [], ["Term", "Definition"], ["Xylem", "carries water"]]},
    )
    report = export_deck(source, tmp_path / "out.csv", memory=False)
    assert cards(tmp_path / "out.csv") == [("Xylem", "carries water")]
    assert report.deck == "Plant biology"


def test_a_row_of_one_cell_above_a_headerless_table_is_reported_not_dropped(
    tmp_path: Path,
) -> None:
    # Without a header below it, a row of one cell may be a term missing its definition: it
    # is no title then, but a row without a definition, counted and named.
    source = tmp_path / "words.csv"
    source.write_text("der Esel\nder Hund,the dog\ndie Katze,the cat\n", encoding="utf-8")
    report = export_deck(source, tmp_path / "out.csv", memory=False)
    assert cards(tmp_path / "out.csv") == [("der Hund", "the dog"), ("die Katze", "the cat")]
    assert report.empty_definitions == 1 and report.deck == "words"


# 2. A headerless column of row numbers.


@pytest.mark.parametrize(
    "text",
    [
        "1,apple,a round fruit\n2,pear,a sweet fruit\n3,plum,a small stone fruit\n",
        "7.;apple;a round fruit\n8.;pear;a sweet fruit\n9.;plum;a small stone fruit\n",
        '"1","apple","a round fruit"\n"2","pear","a sweet fruit"\n"3","plum","a small fruit"\n',
    ],
)
def test_a_headerless_row_number_column_is_never_the_term(tmp_path: Path, text: str) -> None:
    source = tmp_path / "fruit.csv"
    source.write_text(text, encoding="utf-8")
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    assert [term for term, _ in cards(tmp_path / "out.csv")] == ["apple", "pear", "plum"]
    assert "term from column 2 and the definition from column 3" in result.output
    assert "column 1 numbers the rows" in result.output


def test_a_column_of_years_is_still_the_term(tmp_path: Path) -> None:
    source = tmp_path / "dates.csv"
    source.write_text(
        "1066,Hastings,a battle\n1815,Waterloo,a battle\n1969,Apollo 11,a landing\n",
        encoding="utf-8",
    )
    export_deck(source, tmp_path / "out.csv", memory=False)
    assert cards(tmp_path / "out.csv")[0] == ("1066", "Hastings")


# 3. The header repeated mid-file.


@pytest.mark.parametrize("quote", ["", '"'])
def test_a_repeated_header_row_is_named_and_no_card(tmp_path: Path, quote: str) -> None:
    q = quote
    rows = ["term,definition", "acid,proton donor", "base,proton acceptor"]
    rows += ["Term , Definition", f"salt,{q}ionic compound{q}"]
    source = tmp_path / "pasted.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    assert [term for term, _ in cards(tmp_path / "out.csv")] == ["acid", "base", "salt"]
    assert "pasted.csv:4: the header row again (1 row), not a card" in result.output


# 4. A comma inside a bracketed term.


def test_a_comma_inside_a_bracketed_term_is_joined_back_into_the_term(tmp_path: Path) -> None:
    source = tmp_path / "agencies.csv"
    source.write_text(
        "term,definition\n"
        "WHO (World Health Organization),UN agency for health\n"
        "UNESCO (United Nations Educational, Scientific and Cultural Organization),"
        "UN agency for education\n"
        "ITU [telecoms, radio],UN agency for telecoms, radio and satellites\n",
        encoding="utf-8",
    )
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    assert cards(tmp_path / "out.csv")[1:] == [
        (
            "UNESCO (United Nations Educational, Scientific and Cultural Organization)",
            "UN agency for education",
        ),
        ("ITU [telecoms, radio]", "UN agency for telecoms, radio and satellites"),
    ]
    output = " ".join(result.output.split())
    assert "agencies.csv:3: 3 cells where the table has 2: column 1 held an unquoted ','" in output
    assert "definition" not in output.split("agencies.csv:3:")[1].split("agencies.csv:4:")[0]
    assert "column 1 held an unquoted ',' inside brackets" in output.split("agencies.csv:4:")[1]
    assert "and the definition held an unquoted ','" in output.split("agencies.csv:4:")[1]


def test_an_unclosed_bracket_alone_changes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "open.csv"
    source.write_text("term,definition\nsmile (:,a happy face, usually\n", encoding="utf-8")
    export_deck(source, tmp_path / "out.csv", memory=False)
    assert cards(tmp_path / "out.csv") == [("smile (:", "a happy face, usually")]


# 5. Plain header names above numbers and dates.


def test_plain_header_names_above_dates_are_a_header_in_a_workbook(tmp_path: Path) -> None:
    import datetime

    source = tmp_path / "history.xlsx"
    write_workbook(
        source,
        {
            "History": [
                ["Date", "Event"],
                [1066, "Battle of Hastings"],
                [1815, "Battle of Waterloo"],
                [datetime.datetime(1969, 7, 20), "Moon landing"],
            ],
        },
    )
    export_deck(source, tmp_path / "out.csv", memory=False)
    assert cards(tmp_path / "out.csv") == [
        ("1066", "Battle of Hastings"),
        ("1815", "Battle of Waterloo"),
        ("1969-07-20", "Moon landing"),
    ]


def test_plain_header_names_above_years_are_a_header_in_a_csv(tmp_path: Path) -> None:
    source = tmp_path / "years.csv"
    source.write_text("Year,Ruler\n1509,Henry VIII\n1558,Elizabeth I\n1603,James I\n")
    export_deck(source, tmp_path / "out.csv", memory=False)
    assert [term for term, _ in cards(tmp_path / "out.csv")] == ["1509", "1558", "1603"]


@pytest.mark.parametrize(
    "text",
    [
        "Date,Event\n1066,Battle of Hastings\n1215,Magna Carta\n",  # the README's example
        "Year,Event\n1066,Battle of Hastings\n1215,Magna Carta\n",
        "Date,Event\n14/10/1066,Battle of Hastings\n15/06/1215,Magna Carta\n",
        "Date,Event\n1969-07-20,Moon landing\n",
        "Item,Price\nbread,€2.50\nmilk,€1.25\n",
        "Operation,Result for 6 and 3\nDifference,3\nProduct,18\nSum,9\n",
    ],
)
def test_plain_header_names_above_one_or_two_rows_of_numbers_are_a_header(
    tmp_path: Path, text: str
) -> None:
    source = tmp_path / "short.csv"
    source.write_text(text, encoding="utf-8")
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    assert cards(tmp_path / "out.csv") == [tuple(line.split(",")) for line in text.splitlines()[1:]]


def test_plain_header_names_above_two_dates_are_a_header_in_a_workbook(tmp_path: Path) -> None:
    import datetime

    source = tmp_path / "history.xlsx"
    write_workbook(
        source,
        {
            "History": [
                ["Date", "Event"],
                [datetime.datetime(1066, 10, 14), "Battle of Hastings"],
                [1215, "Magna Carta"],
            ],
        },
    )
    export_deck(source, tmp_path / "out.csv", memory=False)
    assert cards(tmp_path / "out.csv") == [
        ("1066-10-14", "Battle of Hastings"),
        ("1215", "Magna Carta"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Seven,7\nEight,8\n",  # numbers as definitions: the first row is a card
        "Moon landing,1969\nFirst flight,1903\n",
        "Apollo 11,1969\n1970,Apollo 13\n",
    ],
)
def test_a_short_headerless_list_with_numbers_keeps_its_first_row(
    tmp_path: Path, text: str
) -> None:
    source = tmp_path / "short.csv"
    source.write_text(text, encoding="utf-8")
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    assert cards(tmp_path / "out.csv")[0] == tuple(text.splitlines()[0].split(","))


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        ("Hund,dog\nKatze,cat\nPferd,horse\n", False),
        ("Apfel,Apple\nBirne,Pear\nPflaume,Plum\n", True),
    ],
)
def test_a_headerless_two_column_list_keeps_its_first_row(
    tmp_path: Path, text: str, doubt: bool
) -> None:
    source = tmp_path / "words.csv"
    source.write_text(text, encoding="utf-8")
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    first = tuple(text.splitlines()[0].split(","))
    assert cards(tmp_path / "out.csv")[0] == first
    said = f"if it is a header, pass --columns {first[0]},{first[1]}"
    assert (said in " ".join(result.output.split())) is doubt


# 6. A formula term with no saved value.


def test_a_formula_term_without_its_value_names_the_cell(tmp_path: Path) -> None:
    source = tmp_path / "history.xlsx"
    write_workbook(
        source,
        {
            "History": [
                ["Year", "Event"],
                [1066, "Battle of Hastings"],
                [1815, "Battle of Waterloo"],
                ["=A2+1", "a year after Hastings"],
            ],
        },
    )
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "History!A4: a formula whose value was never saved" in output
    assert "history.xlsx:4: the term is History!A4, a formula whose value was never saved" in output
    assert not (tmp_path / "out.csv").exists()


# 7. JSON objects with keys of their own.

QA = '[\n  {"q": "H2O", "a": "water"},\n  {"q": "NaCl", "a": "table salt"}\n]\n'


def test_json_with_unknown_keys_names_them_and_the_columns_option(tmp_path: Path) -> None:
    source = tmp_path / "qa.json"
    source.write_text(QA, encoding="utf-8")
    result = run("check", source)
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "qa.json:2: this object has no text term; its keys are 'q', 'a'" in output
    assert "--columns q,a" in output


@pytest.mark.parametrize("columns", ["q,a", "Q,A", "1,2"])
def test_the_columns_option_names_json_keys(tmp_path: Path, columns: str) -> None:
    source = tmp_path / "qa.json"
    source.write_text(QA, encoding="utf-8")
    result = run("export", "--columns", columns, source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    assert cards(tmp_path / "out.csv") == [("H2O", "water"), ("NaCl", "table salt")]


def test_the_columns_option_reads_json_objects_keyed_by_id(tmp_path: Path) -> None:
    source = tmp_path / "ids.json"
    source.write_text('{"a1": {"prompt": "H2O", "reply": "water", "level": "1"}}', encoding="utf-8")
    export_deck(source, tmp_path / "out.csv", columns="reply,prompt", memory=False)
    assert cards(tmp_path / "out.csv") == [("water", "H2O")]
    assert column(tmp_path / "out.csv", "level") == ["1"]


def test_the_columns_option_names_a_missing_json_key(tmp_path: Path) -> None:
    source = tmp_path / "qa.json"
    source.write_text(QA, encoding="utf-8")
    result = run("check", "--columns", "q,answer", source)
    assert result.exit_code == 1
    assert "qa.json:2: --columns names 'answer', but this object has no such key" in (
        " ".join(result.output.split())
    )


@pytest.mark.parametrize(
    "header",
    [
        "Begrip,Definitie",  # Dutch
        "Kelime,Anlamı",  # Turkish
        "Terim,Tanım",
        "Từ vựng,Nghĩa",  # Vietnamese
        "Thuật ngữ,Định nghĩa",
        "한국어,영어",  # Korean, English
        "Istilah,Definisi",  # Indonesian
    ],
)
def test_header_names_in_more_languages_are_no_card(tmp_path: Path, header: str) -> None:
    source = tmp_path / "vocab.csv"
    source.write_text(f"{header}\nkedi,cat\nev,house\n", encoding="utf-8")
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    assert cards(tmp_path / "out.csv") == [("kedi", "cat"), ("ev", "house")]


def test_a_noun_column_beside_its_article_is_the_term(tmp_path: Path) -> None:
    source = tmp_path / "nouns.csv"
    source.write_text("Article,Noun,English\nder,Hund,dog\ndie,Katze,cat\n", encoding="utf-8")
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    assert cards(tmp_path / "out.csv") == [("Hund", "dog"), ("Katze", "cat")]
    assert column(tmp_path / "out.csv", "Article") == ["der", "die"]


def test_a_hidden_sheet_is_not_read_and_is_named(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    words = workbook.active
    words.title = "Words"
    for row in (["Word", "Meaning"], ["Hund", "dog"], ["Katze", "cat"]):
        words.append(row)
    old = workbook.create_sheet("Old")
    for row in (["Word", "Meaning"], ["Obsolete", "do not use"]):
        old.append(row)
    old.sheet_state = "hidden"
    workbook.save(tmp_path / "book.xlsx")
    result = run("export", tmp_path / "book.xlsx", "-o", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    assert cards(tmp_path / "out.csv") == [("Hund", "dog"), ("Katze", "cat")]
    assert "the hidden sheet 'Old' is not read" in result.output
    # Asked for by name, a hidden sheet is read.
    result = run("export", tmp_path / "book.xlsx", "--sheet", "Old", "-o", tmp_path / "old.csv")
    assert result.exit_code == 0, result.output
    assert cards(tmp_path / "old.csv") == [("Obsolete", "do not use")]
