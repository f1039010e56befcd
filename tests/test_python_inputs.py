"""Python inputs are checked like files (issue 11, rule 12): empty and NaN cells, numbers,
control characters, tags and option types; and the public signatures let mypy reject a wrong
call before it runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from glossary_export import SourceError, export_deck, load_glossary
from glossary_export.errors import OptionError
from glossary_export.readers import ReadWarning
from support_tables import read_csv


def test_none_and_nan_definitions_make_no_card_and_are_reported(tmp_path: Path) -> None:
    report = export_deck([("A", None), ("B", "b"), ("C", float("nan"))], tmp_path / "out.csv")
    assert read_csv(tmp_path / "out.csv")[1:] == [["B", "b", "", ""]]
    assert [str(f) for f in report.findings] == [
        "<list>:1: empty definition: 'A' has an empty definition; no card was made for it",
        "<list>:3: empty definition: 'C' has an empty definition; no card was made for it",
    ]


def test_a_dataframe_with_empty_rows_and_numbers(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"term": ["Pi", None, "Answer", "Half"], "definition": [3.14, None, 42, 0.5]}
    )
    glossary = load_glossary(frame)
    assert [(t.term, t.definition, t.line) for t in glossary] == [
        ("Pi", "3.14", 1),
        ("Answer", "42", 3),
        ("Half", "0.5", 4),
    ]


def test_a_definition_without_a_term_names_the_row() -> None:
    with pytest.raises(SourceError, match=r"^<list>:2: item 2 has a definition but no term"):
        load_glossary([("A", "a"), ("  ", "b")])


def test_a_cell_that_is_not_text_names_the_row() -> None:
    with pytest.raises(SourceError, match=r"^<records>:1: the definition of row 1 is a list"):
        load_glossary([{"term": "A", "definition": ["x"]}])


def test_control_characters_are_replaced_and_nul_refused(tmp_path: Path) -> None:
    with pytest.warns(ReadWarning, match="control character"):
        [term] = load_glossary([("A\x07b", "line\x0bbreak")]).terms
    assert (term.term, term.definition) == ("A b", "line\nbreak")
    with pytest.raises(SourceError, match=r"^<list>:1: holds a NUL byte"):
        load_glossary([("A", "x\x00y")])


def test_a_bare_string_is_one_tag(tmp_path: Path) -> None:
    export_deck([("A", "a")], tmp_path / "out.csv", tags="vocab")
    assert read_csv(tmp_path / "out.csv")[1] == ["A", "a", "", "vocab"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"deck": 123}, "deck must be text or None, not int"),
        ({"reverse": "yes"}, "reverse must be True or False, not str"),
        ({"tags": [1, 2]}, "tags must be strings, not int"),
        ({"on_conflict": None}, "on_conflict must be text, not NoneType"),
        ({"columns": 3}, "columns must be 'TERM,DEFINITION' or a pair, not int"),
    ],
)
def test_options_of_the_wrong_type_are_option_errors(
    tmp_path: Path, options: dict[str, object], message: str
) -> None:
    with pytest.raises(OptionError, match=message):
        export_deck([("A", "a")], tmp_path / "out.csv", **options)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_mypy_rejects_wrong_calls(tmp_path: Path) -> None:
    script = tmp_path / "calls.py"
    script.write_text(
        "from glossary_export import export_deck, load_glossary\n"
        'export_deck([("A", "a")], "out.csv", deck="D", tags="t", columns=(1, 3))\n'
        'load_glossary([{"term": "A", "definition": None}])\n'
        'export_deck(123, "out.csv")\n'
        'export_deck([("A", "a")], "out.csv", deck=123)\n'
        'export_deck([("A", "a")], "out.csv", on_conflict="newest")\n'
        'export_deck([("A", "a")], "out.csv", reverse="yes")\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    flagged = sorted(
        {int(line.split(":")[1]) for line in result.stdout.splitlines() if ": error:" in line}
    )
    assert flagged == [4, 5, 6, 7], result.stdout
