"""The CLI on text sources: check --explain, the reading separators apart from the output's."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from glossary_export.cli import cli
from support_tables import split_quizlet


def run(*args: str | Path, input: str | None = None) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output
    return result


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
    assert f"Warning: {source}:7: this line was not read into any entry" in result.stderr


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
