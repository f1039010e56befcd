"""CSV and TSV: header synonyms, headerless files, sniffed delimiters, errors naming lines."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from glossary_export.errors import SourceError
from glossary_export.readers import ReadOptions, read
from support_readers import pairs, read_bytes, read_text

ROWS = [
    ("Low-Rank Adaptation (LoRA)", 'Trains small matrices, "adapters", beside frozen weights.'),
    ("Tokenizer", "Splits text into tokens;\nsee also: vocabulary."),
    ("Café", "A word with an accent, to check the encoding."),
]


def write_excel_csv(
    path: Path, header: list[str] | None, rows: list[tuple[str, ...]], delimiter: str = ","
) -> None:
    """What Excel's "CSV UTF-8" writes: a BOM, CRLF line ends, quotes where needed."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, dialect="excel", delimiter=delimiter)
        if header:
            writer.writerow(header)
        writer.writerows(rows)


@pytest.mark.parametrize(
    "header",
    [
        ["Term", "Definition"],
        ["TERM", "definition"],
        ["Front", "Back"],
        ["Question", "Answer"],
        ["word", "meaning"],
        ["Concept", "Description"],
    ],
)
def test_header_synonyms(tmp_path: Path, header: list[str]) -> None:
    path = tmp_path / "glossary.csv"
    write_excel_csv(path, header, ROWS)
    glossary = read(path)
    assert pairs(glossary) == ROWS
    # The header is line 1; the second row's definition spans two lines.
    assert [t.line for t in glossary] == [2, 3, 5]
    assert glossary.sources == (str(path),)


def test_columns_in_any_order_with_extra_columns(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    rows = [("3", definition, "peft week1", term, "") for term, definition in ROWS]
    write_excel_csv(path, ["Id", "Definition", "Tags", "Term", "Notes"], rows)
    glossary = read(path)
    assert pairs(glossary) == ROWS
    assert glossary.terms[0].tags == ("peft", "week1")


def test_acronym_column_fills_the_acronym(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    write_excel_csv(
        path,
        ["Term", "Acronym", "Definition"],
        [
            ("Retrieval-Augmented Generation", "RAG", "Retrieves, then generates."),
            ("Low-Rank Adaptation (LoRA)", "", "Adapters."),
        ],
    )
    glossary = read(path)
    assert [t.acronym for t in glossary] == ["RAG", "LoRA"]
    assert glossary.terms[0].term == "Retrieval-Augmented Generation"


def test_headerless_two_columns(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    write_excel_csv(path, None, ROWS)
    assert pairs(read(path)) == ROWS


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_sniffed_delimiters(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "glossary.csv"
    write_excel_csv(path, ["Term", "Definition"], ROWS, delimiter=delimiter)
    assert pairs(read(path)) == ROWS


def test_tsv_suffix_reads_tabs(tmp_path: Path) -> None:
    path = tmp_path / "glossary.tsv"
    write_excel_csv(path, ["term", "definition"], ROWS, delimiter="\t")
    assert pairs(read(path)) == ROWS


def test_empty_rows_are_skipped(tmp_path: Path) -> None:
    glossary = read_text(tmp_path, "g.csv", "Term,Definition\n,\n\nTokenizer,Splits text.\n")
    assert pairs(glossary) == [("Tokenizer", "Splits text.")]
    assert glossary.terms[0].line == 4


def test_one_column_is_an_error_naming_the_line(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        read_text(tmp_path, "g.csv", "Tokenizer\nEmbedding\n", format="csv")
    assert caught.value.line == 1
    assert "column" in caught.value.message


def test_a_row_without_its_definition_cell_has_an_empty_definition(tmp_path: Path) -> None:
    # Dedupe then reports it (file:line) and makes no card of it: see test_tables.py.
    glossary = read_text(tmp_path, "g.csv", "Term,Definition\nTokenizer,Splits text.\nEmbedding\n")
    assert [(t.term, t.definition, t.line) for t in glossary] == [
        ("Tokenizer", "Splits text.", 2),
        ("Embedding", "", 3),
    ]


def test_missing_term_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no term") as caught:
        read_text(tmp_path, "g.csv", "Term,Definition\n,A definition without a term.\n")
    assert caught.value.line == 2


def test_unterminated_quote_names_the_line_it_opens(tmp_path: Path) -> None:
    text = 'Term,Definition\nTokenizer,Splits text.\nEmbedding,"A vector\nthat never ends\n'
    with pytest.raises(SourceError, match="quot") as caught:
        read_text(tmp_path, "g.csv", text)
    assert caught.value.line == 3


def test_utf16_with_bom(tmp_path: Path) -> None:
    text = "Term\tDefinition\r\nCafé\tA word with an accent.\r\n"
    glossary = read_bytes(tmp_path, "g.tsv", text.encode("utf-16"))
    assert pairs(glossary) == [("Café", "A word with an accent.")]


@pytest.mark.parametrize(("delimiter", "expected"), [(",", "csv"), (";", "csv"), ("\t", "tsv")])
def test_excel_csv_detected_without_suffix(tmp_path: Path, delimiter: str, expected: str) -> None:
    from glossary_export.readers import detect_format

    path = tmp_path / "glossary"
    write_excel_csv(path, ["Term", "Definition"], ROWS, delimiter=delimiter)
    assert detect_format(str(path), path.read_bytes()) == expected
    assert pairs(read(path)) == ROWS


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Word,Definition,Score\nbank,a river side,2\nbat,a flying mammal,3\nTotal,2,5\n", 4),
        ("Word;Definition;Points\nbank;a river side;2\nbat;a flying mammal;1\nSumme:;;3\n", 4),
        # Rows read one by one (a quoted cell), and no header: the same.
        ('bank,"a river side, or a shore"\nbat,a flying mammal\nTOTAL,2\n', 3),
        (
            "Word\tDefinition\tScore\nbank\ta river side\t2\nbat\ta flying mammal\t3\n"
            "Total\t=COUNTA(A2:A3)\t=SUM(C2:C3)\n",
            4,
        ),
        (
            'Vocabulary test\nWord,Definition,Score\nbank,a river side,"1,000"\nbat,a mammal,234\n'
            'Total,,"1,234"\n',
            5,
        ),
    ],
)
def test_a_totals_row_at_the_end_is_no_card_and_is_named(
    tmp_path: Path, text: str, named: int
) -> None:
    name = "scores.tsv" if "\t" in text else "scores.csv"
    glossary = read_text(tmp_path, name, text)
    assert [term for term, _ in pairs(glossary)] == ["bank", "bat"]
    notes = [note for note in glossary.notes if "a totals row" in note]
    assert len(notes) == 1 and notes[0].startswith(f"{tmp_path / name}:{named}: a totals row (")


@pytest.mark.parametrize(
    ("text", "cards"),
    [
        # A quiz of numbers whose last row adds them up.
        ("Question,Answer\nPlanets in the solar system,8\nContinents,7\nTotal,15\n", 2),
        ("Term,Definition\nbread,€2.50\nmilk,€1.25\ncheese,€4.05\nSum,€7.80\n", 3),
    ],
)
def test_a_last_row_adding_up_the_numbers_above_is_a_totals_row(
    tmp_path: Path, text: str, cards: int
) -> None:
    glossary = read_text(tmp_path, "quiz.csv", text)
    assert pairs(glossary) == [tuple(line.split(",")) for line in text.splitlines()[1:-1]]
    assert len(glossary) == cards
    assert [note for note in glossary.notes if "a totals row" in note]


@pytest.mark.parametrize(
    "text",
    [
        "Word,Definition\nbank,a river side\nTotal,the whole amount\n",
        "Word,Definition,Score\nTotal,2,5\nbank,a river side,1\n",  # not the last row
        "Word,Definition\nbank,a river side\nSum,the result of adding\n",
        "Word,Definition\nbank,a river side\nTotal,\n",  # empty: named as a row without one
        # A maths vocabulary: 9 is no total of 3 and 18, nor the count of the rows above.
        "Term,Definition\nDifference,3\nProduct,18\nSum,9\n",
        "Term,Definition\nDifference,3\nProduct,18\nQuotient,2\nSum,9\n",
        "Word,Definition,Score\nbank,a river side,2\nbat,a mammal,3\nTotal,,6\n",
        "Word,Definition\nbank,a river side\nTotal,1\n",  # one row above: no sign of a total
    ],
)
def test_a_real_term_is_never_taken_for_a_totals_row(tmp_path: Path, text: str) -> None:
    glossary = read_text(tmp_path, "words.csv", text)
    assert len(glossary) == text.count("\n") - 1
    assert not [note for note in glossary.notes if "totals row" in note]


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ("apple; a fruit; red or green\nbanana; a yellow fruit; yellow\n", ";"),
        ("apple\ta fruit\tred or green\nbanana\ta yellow fruit\tyellow\n", "\t"),
    ],
)
def test_a_text_file_read_as_a_table_says_how_to_keep_whole_lines(
    tmp_path: Path, text: str, separator: str
) -> None:
    glossary = read_text(tmp_path, "fruit.txt", text)
    hint = f"--from list --input-separator {separator!r} keeps the rest of the line"
    assert [note for note in glossary.notes if hint in note]
    # Following the hint keeps each line whole.
    options = ReadOptions(input_separator=separator)
    whole = read(tmp_path / "fruit.txt", "list", options)
    assert pairs(whole) == [
        (line.split(separator, 1)[0].strip(), line.split(separator, 1)[1].strip())
        for line in text.splitlines()
    ]


def test_ragged_semicolon_lines_keep_every_cell_in_the_definition(tmp_path: Path) -> None:
    # Read as a list (by content, for a .txt): the cells after the term stay its definition.
    glossary = read_text(tmp_path, "fruit.txt", "apple; a fruit; 3\nbanana; a yellow fruit\n")
    assert pairs(glossary) == [("apple", "a fruit; 3"), ("banana", "a yellow fruit")]


def test_a_csv_file_with_unread_columns_gets_no_list_hint(tmp_path: Path) -> None:
    glossary = read_text(tmp_path, "fruit.csv", "apple;a fruit;red\nbanana;a yellow fruit;yellow\n")
    assert [note for note in glossary.notes if "not read" in note]
    assert not [note for note in glossary.notes if "--from list" in note]


@pytest.mark.parametrize(
    "text",
    [
        "apple; a fruit; red or green\nbanana; a yellow fruit\ncherry; a small fruit; red\n",
        "apple;a fruit;red or green\nbanana;a yellow fruit\n",
    ],
)
def test_a_text_list_whose_lines_differ_in_clauses_keeps_each_line_whole(
    tmp_path: Path, text: str
) -> None:
    # A .txt is told by its content: a list, each line's text after its first ';' the definition.
    glossary = read_text(tmp_path, "fruit.txt", text)
    assert pairs(glossary) == [
        (line.split(";", 1)[0], line.split(";", 1)[1].strip()) for line in text.splitlines()
    ]
    # The same rows in a .csv file are read as a table: a third cell is joined back into the
    # definition or its column named as not read, never dropped without a word.
    table = read_text(tmp_path, "fruit.csv", text)
    assert [term for term, _ in pairs(table)] == [line.split(";")[0] for line in text.splitlines()]
    kept = " ".join(definition for _, definition in pairs(table))
    assert "red or green" in kept or [note for note in table.notes if "not read" in note]
