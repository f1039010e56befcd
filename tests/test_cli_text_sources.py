"""The CLI on text sources: check --explain, the reading separators apart from the output's."""

from __future__ import annotations

from pathlib import Path

from support_cli import run
from support_tables import split_quizlet


def test_explain_prints_every_line_with_its_reading(tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text(
        "German words\n\nHund: dog\nKatze: cat,\n  a pet\n\nThat is all for now.\n",
        encoding="utf-8",
    )
    result = run("check", "--explain", source)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:5] == [
        f"{source}:1: title: German words",
        f"{source}:3: term: Hund: dog",
        f"{source}:4: term: Katze: cat,",
        f"{source}:5: definition: a pet",
        f"{source}:7: not read (paragraph between entries): That is all for now.",
    ]
    # The reader's warning names a line: check prints it among the findings, in their format.
    assert f"{source}:7: warning: this line was not read into any entry" in result.stdout
    assert "Warning:" not in result.stderr


def test_explain_on_standard_input_names_the_readings(tmp_path: Path) -> None:
    result = run("check", "--explain", "-", input="Alpha: first\nBeta: second\n")
    assert result.stdout.splitlines()[:2] == ["-:1: term", "-:2: term"]
    assert "rows read: 2" in result.stdout


def test_explain_of_a_table_source_lists_its_rows(tmp_path: Path) -> None:
    source = tmp_path / "g.csv"
    source.write_text("term,definition\nAlpha,first\n", encoding="utf-8")
    assert run("check", "--explain", source).stdout.splitlines()[0] == f"{source}:2: row: Alpha"


def test_input_separator_reads_and_term_separator_only_writes(tmp_path: Path) -> None:
    # The reported bug: --term-separator ' - ' given to read a dash list also changed the
    # Quizlet output.
    source = tmp_path / "list.txt"
    source.write_text("Hund - dog: an animal\nKatze - cat: another\n", encoding="utf-8")
    out = tmp_path / "cards.txt"
    result = run("export", source, "-o", out, "--input-separator", " - ", "--term-separator", "|")
    assert result.exit_code == 0, result.output
    cards = split_quizlet(out.read_text(encoding="utf-8"), "|", "\n")
    assert cards == [("Hund", "dog: an animal"), ("Katze", "cat: another")]


def test_quizlet_input_separator_error_names_the_input_option(tmp_path: Path) -> None:
    source = tmp_path / "set.txt"
    source.write_text("a;;b\nno separator here\n", encoding="utf-8")
    result = run("check", source, "--from", "quizlet", "--input-separator", ";;")
    assert result.exit_code == 1
    assert "--input-separator" in result.stderr and "--term-separator" not in result.stderr


def test_output_separator_error_names_the_field_and_the_option(tmp_path: Path) -> None:
    source = tmp_path / "list.txt"
    source.write_text("Hund: dog - a pet\nKatze: cat\n", encoding="utf-8")
    result = run("export", source, "-o", tmp_path / "cards.txt", "--term-separator", " - ")
    assert result.exit_code == 2
    assert "the definition of the term 'Hund' contains the term separator" in result.stderr
    assert "(--term-separator) of the Quizlet output" in result.stderr
    assert not (tmp_path / "cards.txt").exists()


def test_check_near_all_restores_every_pair_one_edit_apart(tmp_path: Path) -> None:
    source = tmp_path / "de.txt"
    source.write_text("Butter: butter\nMutter: mother\nColour: a hue\nColor: a tint\n", "utf-8")
    typos = [line for line in run("check", source).stdout.splitlines() if "near-duplicate" in line]
    assert typos == [
        f"{source}:4: near-duplicate: 'Color' is 83% similar to 'Colour' (line 3); not merged"
    ]
    every = run("check", "--near", "all", source).stdout
    assert f"{source}:2: near-duplicate: 'Mutter' is 83% similar to 'Butter'" in every


def test_check_prints_located_warnings_among_the_findings(tmp_path: Path) -> None:
    source = tmp_path / "cp1252.csv"
    source.write_bytes("Term,Definition\ncafé,a place\nAlpha,a,b\n".encode("cp1252"))
    result = run("check", source)
    assert result.exit_code == 0, result.output
    findings = [line for line in result.stdout.splitlines() if ": warning: " in line]
    assert [line.split(": warning: ")[0] for line in findings] == [f"{source}:2", f"{source}:3"]
    assert findings[0].endswith(
        "read as Windows-1252 (accents on line(s) 2); if they look "
        "wrong, pass the file's code page: --encoding cp1250 (Central "
        "European), cp1251 (Cyrillic), …"
    )
    assert "3 cells where the table has 2" in findings[1]
    assert result.stderr == ""


def test_check_json_keeps_stdout_json_and_warnings_on_stderr(tmp_path: Path) -> None:
    import json

    source = tmp_path / "list.txt"
    text = "German words\n\nHund: dog\nKatze: cat,\n  a pet\n\nThat is all for now.\n"
    source.write_text(text, encoding="utf-8")
    result = run("check", "--json", source)
    assert json.loads(result.stdout)["rows_read"] == 2
    assert f"Warning: {source}:7: this line was not read" in result.stderr


def test_explain_on_a_workbook_names_the_sheet_of_each_row(tmp_path: Path) -> None:
    from support_tables import write_workbook

    source = write_workbook(
        tmp_path / "weeks.xlsx",
        {
            "Week1": [
                ["Unit 1"],
                ["Term", "Definition", "Score"],
                ["Atom", "smallest unit", 2],
                ["Ion", "charged atom", 3],
                ["Total", None, 5],
            ],
            "Week2": [["Term", "Definition"], ["Cell", "unit of life"]],
        },
    )
    result = run("check", "--explain", source)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:7] == [
        f"{source}:1: sheet 'Week1': title: Unit 1",
        f"{source}:2: sheet 'Week1': header: Term | Definition | Score",
        f"{source}:3: sheet 'Week1': row: Atom",
        f"{source}:4: sheet 'Week1': row: Ion",
        f"{source}:5: sheet 'Week1': a totals row, not a card: Total 5",
        f"{source}:1: sheet 'Week2': header: Term | Definition",
        f"{source}:2: sheet 'Week2': row: Cell",
    ]
    assert f"{source}:5: sheet 'Week1': a totals row ('Total', 5), not a card" in result.stdout
