"""Tables read as a careful person reads them (issue 11): which row is the header, which columns
are the term and the definition, ragged rows, Excel's sep= line, rows without a definition,
stray bytes and control characters, --columns, and conflicts kept or joined.

Every fixture is written here, in the shapes published glossaries have; what the export wrote
is read back with the csv module or Anki's own backend, never with the code under test.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import Result

from glossary_export import export_deck, load_glossary
from glossary_export.errors import SourceError
from glossary_export.readers import ReadWarning
from support_cli import run
from support_tables import read_csv, write_workbook


def write_table(path: Path, rows: list[list[str]], delimiter: str = ",", bom: bool = False) -> Path:
    """A table as the csv module (and Excel) writes it."""
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def exported_rows(source: Path, tmp_path: Path, *args: str) -> tuple[list[list[str]], Result]:
    """The body rows of the CSV that ``export SOURCE -o out.csv ARGS`` writes, and the run."""
    out = tmp_path / "out.csv"
    result = run("export", source, "-o", out, *args)
    assert result.exit_code == 0, result.output
    return read_csv(out)[1:], result


# --- Which columns ------------------------------------------------------------------------------

VOCABULARY = [
    ["English Term", "Part of Speech", "Spanish Term", "Category", "Notes"],
    ["harness", "n.", "arnés", "Rigging", "worn around the body"],
    ["tighten", "v.", "apretar", "Rigging", ""],
    ["sterile", "adj.", "estéril", "Hygiene", "after the autoclave"],
]


def test_a_header_of_unknown_names_is_a_header_and_language_columns_are_chosen(
    tmp_path: Path,
) -> None:
    source = write_table(tmp_path / "vocab.csv", VOCABULARY)
    rows, result = exported_rows(source, tmp_path)
    assert [row[:2] for row in rows] == [
        ["harness", "arnés"],
        ["tighten", "apretar"],
        ["sterile", "estéril"],
    ]
    assert (
        "read the term from column 1 ('English Term') and the definition from column 3 "
        "('Spanish Term')" in result.output
    )


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        (["begriff", "uebersetzung", "lektion", "notiz"], ";"),
        (["Deutsch", "Englisch"], ";"),
        (["Term", "Translation"], "\t"),
        (["english", "german"], ","),
        (["italian", "chinese"], ","),
        (["Wort", "Wortart", "Bedeutung"], ";"),
        (["mot", "traduction", "exemple"], ";"),
        (["palabra", "significado"], ","),
    ],
)
def test_headers_in_other_languages_and_by_language(
    tmp_path: Path, header: list[str], delimiter: str
) -> None:
    width = len(header)
    definition = {"Wortart": 2}.get(header[1], 1)
    body = [["Haus", "house", "1", "x"][:width], ["Baum", "tree", "2", ""][:width]]
    if width == 3 and definition == 2:
        body = [["Haus", "n.", "house"], ["laufen", "v.", "to run"]]
    source = write_table(tmp_path / "g.csv", [header, *body], delimiter)
    glossary = load_glossary(source)
    assert [(t.term, t.definition) for t in glossary] == [(row[0], row[definition]) for row in body]
    assert [t.line for t in glossary] == [2, 3]


def test_a_column_of_codes_is_never_the_definition_without_a_header(tmp_path: Path) -> None:
    body = [["run", "v.", "correr"], ["house", "n.", "casa"], ["fast", "adj.", "rápido"]] * 3
    source = write_table(tmp_path / "g.csv", body)
    rows, result = exported_rows(source, tmp_path)
    assert [row[:2] for row in rows] == [["run", "correr"], ["house", "casa"], ["fast", "rápido"]]
    assert "the definition from column 3" in result.output


def test_headerless_rows_of_words_are_not_a_header(tmp_path: Path) -> None:
    source = write_table(tmp_path / "g.csv", [["Haus", "house"], ["Baum", "tree"]], ";")
    assert [t.term for t in load_glossary(source)] == ["Haus", "Baum"]


@pytest.mark.parametrize("columns", ["English Term,Notes", "1,5", "english term , NOTES"])
def test_columns_option_forces_the_choice(tmp_path: Path, columns: str) -> None:
    source = write_table(tmp_path / "vocab.csv", VOCABULARY)
    rows, _ = exported_rows(source, tmp_path, "--columns", columns)
    # "tighten" has no note: no card, and the summary says so.
    assert [row[:2] for row in rows] == [
        ["harness", "worn around the body"],
        ["sterile", "after the autoclave"],
    ]


def test_columns_in_python_accepts_a_pair_of_numbers(tmp_path: Path) -> None:
    source = write_table(tmp_path / "vocab.csv", VOCABULARY)
    glossary = load_glossary(source, columns=(1, 4))
    assert (glossary.terms[0].term, glossary.terms[0].definition) == ("harness", "Rigging")


def test_columns_naming_a_missing_column_is_an_error_listing_the_columns(tmp_path: Path) -> None:
    source = write_table(tmp_path / "vocab.csv", VOCABULARY)
    result = run("export", source, "-o", tmp_path / "out.csv", "--columns", "Term,Meaning")
    assert result.exit_code == 1
    assert f"Error: {source}:1: --columns names 'Term'" in result.output
    assert "'English Term'" in result.output
    assert not (tmp_path / "out.csv").exists()


# --- Ragged rows, sep=, empty definitions --------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("header", [True, False])
def test_an_unquoted_delimiter_in_the_definition_is_joined_back_with_a_warning(
    tmp_path: Path, delimiter: str, header: bool
) -> None:
    d = delimiter
    lines = [f"term{d}definition"] if header else []
    lines += [f"Alpha{d}first letter{d} of Greek", f"Beta{d}second letter", f"Gamma{d}third"]
    source = tmp_path / "g.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows, result = exported_rows(source, tmp_path)
    assert [row[:2] for row in rows] == [
        ["Alpha", f"first letter{d} of Greek"],
        ["Beta", "second letter"],
        ["Gamma", "third"],
    ]
    line = 2 if header else 1
    assert f"Warning: {source}:{line}: 3 cells where the table has 2" in result.stderr


def test_a_row_too_wide_elsewhere_is_an_error_naming_the_line(tmp_path: Path) -> None:
    source = tmp_path / "g.csv"
    source.write_text("term,definition,notes\nA,first,x\nB,second,y,z\n", encoding="utf-8")
    with pytest.raises(SourceError, match="this row has 4 cells but the table has 3") as caught:
        load_glossary(source)
    assert (caught.value.file, caught.value.line) == (str(source), 3)


def test_excel_sep_line_sets_the_delimiter_and_is_not_a_row(tmp_path: Path) -> None:
    source = tmp_path / "excel.csv"
    source.write_bytes("sep=;\r\nTerm;Definition\r\nCafé;Kaffee, Haus\r\n".encode("utf-8-sig"))
    glossary = load_glossary(source)
    assert [(t.term, t.definition, t.line) for t in glossary] == [("Café", "Kaffee, Haus", 3)]


def test_a_row_without_a_definition_makes_no_card_and_is_reported(tmp_path: Path) -> None:
    source = tmp_path / "g.csv"
    source.write_text("term,definition\nAlpha,first\nBeta,\nGamma,  \nDelta\n\n", encoding="utf-8")
    rows, result = exported_rows(source, tmp_path)
    assert rows == [["Alpha", "first", "", ""]]
    assert "1 unique term," in result.output and "3 without a definition" in result.output
    assert f"{source}:3 'Beta'; {source}:4 'Gamma'; {source}:5 'Delta'" in result.output
    check = run("check", source)
    assert f"{source}:3: empty definition: 'Beta' has an empty definition" in check.output
    assert "rows without a definition: 3" in check.output


def test_rows_without_a_definition_make_no_note_in_anki(tmp_path: Path) -> None:
    from support_anki import fresh_collection, import_package, notes

    source = write_table(tmp_path / "g.csv", [["term", "definition"], ["A", "x"], ["B", ""]])
    report = export_deck(source, tmp_path / "deck.apkg")
    assert [str(f) for f in report.findings] == [
        f"{source}:3: empty definition: 'B' has an empty definition; no card was made for it"
    ]
    with fresh_collection(tmp_path / "anki") as col:
        assert import_package(col, tmp_path / "deck.apkg").new == 1
        assert [note.fields[:2] for note in notes(col)] == [["A", "x"]]


def test_a_file_of_only_empty_definitions_is_an_error(tmp_path: Path) -> None:
    source = write_table(tmp_path / "g.csv", [["term", "definition"], ["A", ""], ["B", ""]])
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 1
    assert "no terms with a definition found" in result.output


# --- Encodings and control characters -----------------------------------------------------------


def test_a_stray_windows_1252_byte_in_utf8_is_read_as_such_with_a_warning(tmp_path: Path) -> None:
    source = tmp_path / "g.csv"
    source.write_bytes("term;definition\nCafé;Kaffee\nNaïve;naiv\n".encode() + b"Caf\xe9;coffee\n")
    with pytest.warns(ReadWarning, match=r"g\.csv:4: a byte that is not UTF-8"):
        glossary = load_glossary(source)
    assert [t.term for t in glossary] == ["Café", "Naïve", "Café"]
    result = run("export", source, "-o", tmp_path / "out.csv", "--encoding", "utf-8")
    assert result.exit_code == 1
    assert f"{source}:4: byte 0xe9 is not valid utf-8; leave out --encoding" in result.output


def test_vertical_tab_and_form_feed_become_line_breaks_inside_a_cell(tmp_path: Path) -> None:
    source = tmp_path / "g.json"
    source.write_text('{"Alpha": "first\\u000bletter", "Beta": "two\\u000cpages\\u0007"}')
    with pytest.warns(ReadWarning, match=r"g\.json:1: 2 control characters replaced"):
        glossary = load_glossary(source)
    assert [t.definition for t in glossary] == ["first\nletter", "two\npages"]


def test_in_a_table_control_characters_become_spaces_and_rows_stay_whole(tmp_path: Path) -> None:
    source = tmp_path / "g.csv"
    source.write_bytes(b'term,definition\nAlpha,first\x0bletter\nBeta,"two\x0cpages"\nG,x\x01y\n')
    with pytest.warns(ReadWarning, match=r"g\.csv:2: 3 control characters replaced by a sp"):
        glossary = load_glossary(source)
    assert [(t.term, t.definition) for t in glossary] == [
        ("Alpha", "first letter"),
        ("Beta", "two pages"),
        ("G", "x y"),
    ]


# --- Conflicts -----------------------------------------------------------------------------------


def test_join_keeps_every_meaning_in_source_order(tmp_path: Path) -> None:
    source = write_table(
        tmp_path / "g.tsv",
        [["light", "φως"], ["heavy", "βαρύς"], ["light", "ελαφρύς"], ["light", "φως"]],
        "\t",
    )
    rows, result = exported_rows(source, tmp_path, "--on-conflict", "join")
    assert [row[:2] for row in rows] == [["light", "φως; ελαφρύς"], ["heavy", "βαρύς"]]
    assert f"'light' ({source}:1 and line 3: joined)" in result.output
    assert "--on-conflict join keeps" not in result.output


def test_conflicts_are_named_with_both_lines_and_join_is_suggested(tmp_path: Path) -> None:
    rows = [[f"word{n}", "one"] for n in range(7)] + [[f"word{n}", "two"] for n in range(7)]
    source = write_table(tmp_path / "g.csv", rows)
    _, result = exported_rows(source, tmp_path)
    assert f"'word0' ({source}:1 kept, line 8 dropped)" in result.output
    assert "and 2 more (-v lists them all)" in result.output
    assert "--on-conflict join keeps every one on its card" in result.output


def test_check_json_names_the_other_file(tmp_path: Path) -> None:
    first = write_table(tmp_path / "a.csv", [["term", "definition"], ["Bias", "Error."]])
    second = write_table(tmp_path / "b.csv", [["term", "definition"], ["Bias", "Prejudice."]])
    result = run("check", "--json", first, second)
    assert result.exit_code == 1
    [finding] = json.loads(result.output)["findings"]
    assert (finding["file"], finding["line"]) == (str(second), 2)
    assert (finding["other_file"], finding["other_line"]) == (str(first), 2)
    assert f"than at {first}:2" in finding["message"]


# --- JSON shapes ----------------------------------------------------------------------------------


def test_json_objects_keyed_by_ids_are_read_with_their_lines(tmp_path: Path) -> None:
    document = {
        "a1": {"term": "Bias", "definition": "Systematic error &amp; its causes.", "unit": "1"},
        "b2": {"Term": "Drift", "Definition": "Shift in &quot;inputs&quot;."},
        "c3": {"term": "Noise", "definition": ""},
    }
    source = tmp_path / "g.json"
    source.write_text(json.dumps(document, indent=2), encoding="utf-8")
    rows, result = exported_rows(source, tmp_path)
    assert [row[:2] for row in rows] == [
        ["Bias", "Systematic error & its causes."],
        ["Drift", 'Shift in "inputs".'],
    ]
    assert f"{source}:11 'Noise'" in result.output
    assert load_glossary(source).terms[0].extras == (("unit", "1"),)


def test_json_list_under_a_single_key_is_read(tmp_path: Path) -> None:
    document = {"vocabulary": [{"word": "Haus", "meaning": "house"}, ["Baum", "tree"]]}
    source = tmp_path / "g.json"
    source.write_text(json.dumps(document, indent=1), encoding="utf-8")
    glossary = load_glossary(source)
    assert [(t.term, t.definition, t.line) for t in glossary] == [
        ("Haus", "house", 3),
        ("Baum", "tree", 7),
    ]


def test_json_line_numbers_of_a_large_mapping(tmp_path: Path) -> None:
    document = {f"term {n}": f"definition {n}" for n in range(5000)}
    source = tmp_path / "g.json"
    source.write_text(json.dumps(document, indent=0), encoding="utf-8")
    lines = [t.line for t in load_glossary(source)]
    assert lines == list(range(2, 5002))


# --- Workbooks ------------------------------------------------------------------------------------


WEEKS: dict[str, list[list[object]]] = {
    "Intro": [["How to use this workbook"], ["Learn one sheet a week, then test yourself."]],
    "Week1": [["Wort", "Wortart", "Bedeutung"], ["Haus", "n.", "house"], ["laufen", "v.", "=A1"]],
    "Week2": [["Wort", "Wortart", "Bedeutung"], ["Baum", "n.", "tree"]],
}


def test_workbook_sheets_become_sub_decks_and_skipped_sheets_are_named(tmp_path: Path) -> None:
    from support_anki import deck_card_counts, fresh_collection, import_package

    source = write_workbook(tmp_path / "weeks.xlsx", WEEKS)
    result = run("export", source, "-o", tmp_path / "deck.apkg", "--deck", "German")
    assert result.exit_code == 0, result.output
    assert f"Warning: {source}:3: Week1!C3: a formula whose value was never saved" in result.stderr
    assert "sheet 'Intro' holds no glossary" in result.output
    assert "'Week1', 'Week2' are read, each as a sub-deck" in result.output
    assert f"{source}:3 'laufen'" in result.output  # the formula's empty value: no card
    with fresh_collection(tmp_path / "anki") as col:
        assert import_package(col, tmp_path / "deck.apkg").new == 2
        assert deck_card_counts(col) == {"German::Week1": 1, "German::Week2": 1}


def test_sheet_option_reads_one_sheet_into_the_deck_itself(tmp_path: Path) -> None:
    source = write_workbook(tmp_path / "weeks.xlsx", WEEKS)
    glossary = load_glossary(source, sheet="Week2")
    assert [(t.term, t.definition, t.subdeck) for t in glossary] == [("Baum", "tree", "")]


def test_columns_option_reads_workbooks_too(tmp_path: Path) -> None:
    source = write_workbook(tmp_path / "weeks.xlsx", WEEKS)
    glossary = load_glossary(source, sheet="Week1", columns="Wort,Wortart")
    assert [(t.term, t.definition) for t in glossary] == [("Haus", "n."), ("laufen", "v.")]


def test_a_workbook_without_a_glossary_sheet_names_its_sheets(tmp_path: Path) -> None:
    source = write_workbook(tmp_path / "intro.xlsx", {"Intro": WEEKS["Intro"], "Notes": [["x"]]})
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 1
    assert "no sheet has a row with a term and a definition (sheets: 'Intro', 'Notes')" in (
        result.output
    )


# --- Shapes unlike the published files ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Japanese header names.
        ("単語,意味,品詞\n猫,cat,名詞\n走る,to run,動詞\n", [("猫", "cat"), ("走る", "to run")]),
        # Dutch: one language column, the definition found by its content.
        (
            "Nederlands;Engels;Woordsoort\nhuis;house;zn.\nlopen;to walk;ww.\nsnel;fast;bn.\n",
            [("huis", "house"), ("lopen", "to walk"), ("snel", "fast")],
        ),
        # No header, German articles first: the article is not the term.
        (
            "der,Hund,dog\ndie,Katze,cat\ndas,Haus,house\nder,Baum,tree\n",
            [("Hund", "dog"), ("Katze", "cat"), ("Haus", "house"), ("Baum", "tree")],
        ),
        # Header names in no known list, above a column of numbers: still a header.
        (
            "शब्द,अर्थ,क्रमांक\nघर,house,1\nपानी,water,2\nआग,fire,3\n",
            [("घर", "house"), ("पानी", "water"), ("आग", "fire")],
        ),
        # Acronyms are terms, not codes.
        ("API,Application programming interface\nCPU,Central processing unit\n", None),
    ],
)
def test_shapes_unlike_the_fixtures(
    tmp_path: Path, text: str, expected: list[tuple[str, str]] | None
) -> None:
    source = tmp_path / "g.csv"
    source.write_text(text, encoding="utf-8")
    glossary = load_glossary(source)
    rows = [tuple(line.split(",")[:2]) for line in text.splitlines()]
    assert [(t.term, t.definition) for t in glossary] == (expected or rows)


def test_anki_text_puts_the_sheets_in_their_sub_decks_too(tmp_path: Path) -> None:
    from support_anki import deck_card_counts, fresh_collection, import_package, import_text

    source = write_workbook(tmp_path / "weeks.xlsx", WEEKS)
    export_deck(source, [tmp_path / "deck.apkg", tmp_path / "deck.anki.txt"], deck="German")
    with fresh_collection(tmp_path / "anki") as col:
        import_package(col, tmp_path / "deck.apkg")  # creates the note type, as users do
        log = import_text(col, tmp_path / "deck.anki.txt")
        assert (log.new, log.conflicting) == (0, 0)
        assert deck_card_counts(col) == {"German::Week1": 1, "German::Week2": 1}
    with fresh_collection(tmp_path / "text-only") as col:
        assert import_text(col, tmp_path / "deck.anki.txt").new == 2
        assert deck_card_counts(col) == {"German::Week1": 1, "German::Week2": 1}


def test_columns_option_finds_its_names_below_a_title_row(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Vokabeln, Woche 2"], [], *WEEKS["Week2"], ["Hund", "n.", "dog"]]
    source = write_workbook(tmp_path / "titled.xlsx", {"Liste": rows})
    glossary = load_glossary(source, columns=("Bedeutung", "Wort"))
    assert [(t.term, t.definition, t.line) for t in glossary] == [
        ("tree", "Baum", 4),
        ("dog", "Hund", 5),
    ]
