"""pandas both ways: a DataFrame read as a source, and Glossary.to_dataframe() back.

What a pandas user checks: the frame's cells, its column names, and that a frame written by
to_dataframe() exports exactly as the file it came from.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from glossary_export import (
    Glossary,
    MissingDependencyError,
    SourceError,
    Term,
    export_deck,
    load_glossary,
)
from support_tables import read_csv

NAN = float("nan")


def cells(frame: pd.DataFrame) -> list[list[object]]:
    """Every cell row by row, each kind of missing value (None, NaN, NA) as None."""
    return [
        [None if pd.isna(value) else value for value in row]
        for row in frame.itertuples(index=False)
    ]


def test_a_dataframe_round_trips_through_a_glossary() -> None:
    frame = pd.DataFrame(
        {
            "term": ["Large Language Model (LLM)", "Bias", "Drift"],
            "definition": ["A model of text.", "Systematic error.", "Inputs shifting."],
            "acronym": ["LLM", "", ""],
            "tags": ["core nlp", "", "ops"],
            "Part of speech": ["noun", NAN, "noun"],
            "Example": [None, None, "Data drift after launch."],
        }
    )
    glossary = load_glossary(frame)
    assert [t.extras for t in glossary] == [
        (("Part of speech", "noun"),),
        (),
        (("Part of speech", "noun"), ("Example", "Data drift after launch.")),
    ]
    back = glossary.to_dataframe()
    assert list(back.columns) == [*frame.columns, "file", "line"]
    assert cells(back[frame.columns]) == cells(frame)
    assert back["file"].tolist() == ["<DataFrame>"] * 3
    assert back["line"].tolist() == [1, 2, 3]
    # The frame to_dataframe() wrote reads as the same glossary, provenance included.
    again = load_glossary(back)
    assert again.terms == glossary.terms
    pd.testing.assert_frame_equal(again.to_dataframe(), back)


def test_a_file_read_into_a_frame_exports_as_the_file_does(tmp_path: Path) -> None:
    source = tmp_path / "words.csv"
    source.write_text(
        "Term,Definition,Part of speech,Tags\n"
        "Bias,Systematic error.,noun,core\n"
        "Drift,Inputs shifting.,,ops extra\n"
        "bias,Systematic error.,noun,core\n",
        encoding="utf-8",
    )
    glossary = load_glossary(source)
    frame = glossary.to_dataframe()
    assert list(frame.columns) == [
        "term",
        "definition",
        "acronym",
        "tags",
        "Part of speech",
        "file",
        "line",
    ]
    assert cells(frame) == [
        ["Bias", "Systematic error.", "", "core", "noun", str(source), 2],
        ["Drift", "Inputs shifting.", "", "ops extra", None, str(source), 3],
        ["bias", "Systematic error.", "", "core", "noun", str(source), 4],
    ]
    assert load_glossary(frame).terms == glossary.terms
    from_file = export_deck(source, tmp_path / "from-file.csv", deck="Words")
    from_frame = export_deck(frame, tmp_path / "from-frame.csv", deck="Words")
    assert read_csv(tmp_path / "from-file.csv") == read_csv(tmp_path / "from-frame.csv")
    # The duplicate is named at its line in the file, whichever way the glossary came.
    assert [f.term.where for f in from_frame.findings] == [f"{source}:4"]
    assert [f.term.where for f in from_file.findings] == [f"{source}:4"]


def test_sub_decks_come_back_and_no_column_is_added_without_them() -> None:
    glossary = Glossary(
        (
            Term.create("Hund", "dog", file="weeks.xlsx", line=2, subdeck="Week1"),
            Term.create("Katze", "cat", file="weeks.xlsx", line=2, subdeck="Week2"),
            Term.create("Maus", "mouse", file="weeks.xlsx", line=3),
        )
    )
    frame = glossary.to_dataframe()
    assert frame["subdeck"].tolist() == ["Week1", "Week2", ""]
    assert load_glossary(frame).terms == glossary.terms
    plain = Glossary((Term.create("Hund", "dog"),)).to_dataframe()
    assert list(plain.columns) == ["term", "definition", "acronym", "tags", "file", "line"]
    assert cells(plain) == [["Hund", "dog", "", "", None, None]]
    assert load_glossary(plain).terms[0].where == ""


def test_a_lone_line_column_is_an_extra_not_provenance() -> None:
    frame = pd.DataFrame(
        {"term": ["Hamlet"], "definition": ["A prince."], "line": ["To be, or not to be"]}
    )
    [term] = load_glossary(frame).terms
    assert term.extras == (("line", "To be, or not to be"),)
    assert term.where == "<DataFrame>:1"


def test_a_line_column_that_holds_no_line_numbers_is_an_error_naming_the_row() -> None:
    frame = pd.DataFrame(
        {"term": ["A", "B"], "definition": ["x", "y"], "file": ["f.csv", "f.csv"], "line": [2, 1.5]}
    )
    with pytest.raises(SourceError, match=r"^<DataFrame>:2: the line of row 2 is 1\.5"):
        load_glossary(frame)


def test_an_extra_named_like_a_written_column_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "g.csv"
    source.write_text("Term,Definition,File\nBias,Error.,notes.txt\n", encoding="utf-8")
    glossary = load_glossary(source)
    assert glossary.terms[0].extras == (("File", "notes.txt"),)
    with pytest.raises(SourceError, match="the extra column 'File'"):
        glossary.to_dataframe()


def test_without_pandas_to_dataframe_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    glossary = load_glossary([("Bias", "Error.")])
    monkeypatch.setitem(sys.modules, "pandas", None)  # what `import pandas` sees when absent
    with pytest.raises(MissingDependencyError) as raised:
        glossary.to_dataframe()
    assert "pip install 'glossary-export[pandas]'" in str(raised.value)
    assert isinstance(raised.value, ImportError)


def test_pandas_is_imported_only_by_to_dataframe(tmp_path: Path) -> None:
    source = tmp_path / "g.csv"
    source.write_text("term,definition\nBias,Error.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from glossary_export import export_deck, load_glossary\n"
        f"glossary = load_glossary({str(source)!r})\n"
        f"export_deck({str(source)!r}, {str(tmp_path / 'out.csv')!r}, memory=False)\n"
        "print('pandas' in sys.modules)\n"
        "glossary.to_dataframe()\n"
        "print('pandas' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]
