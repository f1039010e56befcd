"""HTML tables from the fifth new-user trial: a cell spanning rows (``rowspan``) is each of
those rows' cell, as a browser shows it."""

from __future__ import annotations

from pathlib import Path

from support_cli import cards, exported
from support_readers import pairs, read_text


def test_a_term_spanning_rows_is_one_term_with_each_rows_definition(tmp_path: Path) -> None:
    path = tmp_path / "words.html"
    path.write_text(
        "<html><body><table>\n<tr><th>Word</th><th>Meaning</th></tr>\n"
        '<tr><td rowspan="3">bank</td><td>the land beside a river</td></tr>\n'
        "<tr><td>a place that keeps money</td></tr>\n<tr><td>to tilt a plane</td></tr>\n"
        "<tr><td>crane</td><td>a wading bird</td></tr>\n</table></body></html>\n",
        encoding="utf-8",
    )
    result, rows = exported(path)
    assert cards(rows) == [
        ("bank", "the land beside a river; a place that keeps money; to tilt a plane"),
        ("crane", "a wading bird"),
    ]
    assert "words.html:3: 'bank' spans 3 rows of the table (rowspan)" in result.output
    assert "empty" not in result.output


def test_a_definition_spanning_rows_is_each_rows_definition(tmp_path: Path) -> None:
    text = (
        "# Pets\n\n<table>\n<tr><th>Term</th><th>Definition</th><th>Notes</th></tr>\n"
        '<tr><td>cat</td><td rowspan="2">a pet</td><td>purrs</td></tr>\n'
        "<tr><td>dog</td><td>barks</td></tr>\n</table>\n"
    )
    glossary = read_text(tmp_path, "pets.md", text)
    assert pairs(glossary) == [("cat", "a pet"), ("dog", "a pet")]
    assert [term.extras for term in glossary] == [(("Notes", "purrs"),), (("Notes", "barks"),)]
